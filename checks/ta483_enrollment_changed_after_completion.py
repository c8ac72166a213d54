from trial_audit.checks._shared.history import both_sides, example, previous_version, version_name
from trial_audit.checks._shared.timeline import status_word
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

#: statuses in which enrollment is over and the count is the final, actual one
_ENDED = frozenset({"COMPLETED", "TERMINATED"})


@register
class EnrollmentChangedAfterCompletion(Rule):
    """The actual enrollment of a study that had ended changed between two versions.

    ## What it does

    Compares the enrollment of two versions of a record (`trial-audit diff`, or each change of a
    record's version history). Reports a changed count when the earlier version already gave it as
    the actual enrollment of a study that had ended (completed or terminated), quoting both.

    Not reported: the usual change at the end of a study, from the anticipated count to the
    actual one (the earlier version's count was anticipated); changes while the study is open.

    ## Why it matters

    The actual enrollment of an ended study is the number of people who took part: results,
    meta-analyses and trackers compare it with the numbers analysed. A count revised after the
    end - most often cut - can hide drop-outs or a changed analysis population.

    ## Fix

    If the earlier count was wrong, correct it and say why in the record; otherwise restore it.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Enrollment)
    """

    code = "TA483"
    name = "enrollment-changed-after-completion"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example(
            {"overall_status": "COMPLETED", "enrollment": 240, "enrollment_type": "ACTUAL"},
            overall_status="COMPLETED",
            enrollment=180,
            enrollment_type="ACTUAL",
        ),
    ]
    good = [
        # anticipated -> actual at the end of the study
        example(
            {"overall_status": "ACTIVE_NOT_RECRUITING", "enrollment": 240, "enrollment_type": "ESTIMATED"},
            overall_status="COMPLETED",
            enrollment=212,
            enrollment_type="ACTUAL",
        ),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None or old.enrollment is None or record.enrollment is None or old.enrollment == record.enrollment:
            return
        if old.enrollment_type != "ACTUAL" or old.overall_status not in _ENDED:
            return
        change = record.enrollment - old.enrollment
        evidence, related = both_sides(record, "enrollment", str(record.enrollment), str(old.enrollment))
        yield self.finding(
            f"The actual enrollment changed from {old.enrollment} to {record.enrollment} ({change:+d}) in "
            f"{version_name(record)}, after the study had ended ({status_word(old.overall_status)}). The actual "
            "enrollment of an ended study is final: if the earlier count was wrong, say why in the record; otherwise restore it.",
            evidence=evidence,
            related=related,
        )
