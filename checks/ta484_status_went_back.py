from trial_audit.checks._shared.history import both_sides, example, previous_version, version_name
from trial_audit.checks._shared.timeline import status_word
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

#: how far along its life a status puts a study; a later version should not go back
_STAGE = {
    "NOT_YET_RECRUITING": 0,
    "RECRUITING": 1,
    "ENROLLING_BY_INVITATION": 1,
    "ACTIVE_NOT_RECRUITING": 2,
    "COMPLETED": 3,
    "TERMINATED": 3,
    "WITHDRAWN": 3,
}


@register
class StatusWentBack(Rule):
    """The overall status went back to an earlier stage between two versions (completed -> recruiting).

    ## What it does

    Compares the overall status of two versions of a record (`trial-audit diff`, or each change
    of a record's version history). A study moves forward: not yet recruiting, then recruiting
    (or enrolling by invitation), then active and not recruiting, then ended (completed,
    terminated or withdrawn). Reports a new version whose status is at an earlier stage than the
    earlier version's, quoting both.

    Not reported: suspended and unknown statuses, either side (a suspended study that resumes
    recruiting is the normal way back); expanded-access statuses.

    ## Why it matters

    A completed or terminated study cannot recruit again: a record that goes back usually lost
    its status in an edit, or the study is being reused for a new one that should be registered
    on its own. Patients are sent to studies that are over; trackers count the study twice.
    Re-opening recruitment after it closed is possible but must be explained.

    ## Fix

    Restore the status if the change was a mistake. If a new study started, register it; if
    recruitment really re-opened, say so (with the dates) in the record.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Overall Recruitment Status)
    """

    code = "TA484"
    name = "status-went-back"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example({"overall_status": "COMPLETED"}, overall_status="RECRUITING"),
        example({"overall_status": "ACTIVE_NOT_RECRUITING"}, overall_status="NOT_YET_RECRUITING"),
    ]
    good = [
        example({"overall_status": "RECRUITING"}, overall_status="COMPLETED"),
        example({"overall_status": "SUSPENDED"}, overall_status="RECRUITING"),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None:
            return
        before, after = _STAGE.get(old.overall_status or ""), _STAGE.get(record.overall_status or "")
        if before is None or after is None or after >= before:
            return
        evidence, related = both_sides(record, "overall_status", record.text("overall_status"), old.text("overall_status"))
        yield self.finding(
            f"The overall status went back from {status_word(old.overall_status)} to {status_word(record.overall_status)} in "
            f"{version_name(record)}. Restore the status if the change was a mistake; if recruitment really re-opened, say "
            "so in the record, and register a new study separately.",
            evidence=evidence,
            related=related,
        )
