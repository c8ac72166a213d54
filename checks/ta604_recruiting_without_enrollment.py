from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

_RECRUITING = frozenset({"RECRUITING", "NOT_YET_RECRUITING"})


@register
class RecruitingWithoutEnrollment(Rule):
    """A recruiting or not-yet-recruiting trial gives no target enrollment, or a target of 0.

    ## What it does

    Reports a record when a recruiting or not-yet-recruiting trial gives no target enrollment, or a
    target of 0.

    Reports: RECRUITING / NOT_YET_RECRUITING with enrollment 0 or absent.

    ## Why it matters

    The anticipated sample size (WHO item 17) tells patients and reviewers how large the
    trial is meant to be; a recruiting trial that plans to enrol 0 or no one stated cannot be
    appraised, and 0 usually means the form was saved with its default. Only where the format
    carries enrollment (not the patient page; a CSV export only with its Enrollment column).

    ## Fix

    Enter the anticipated number of participants.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - WHO Trial Registration Data Set (TRDS):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA604"
    name = "recruiting-without-enrollment"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    bad = [{"overall_status": "RECRUITING", "enrollment": 0}, {"overall_status": "NOT_YET_RECRUITING"}]
    good = [
        {"overall_status": "RECRUITING", "enrollment": 40},
        {"overall_status": "WITHDRAWN", "enrollment": 0},
    ]

    def check(self, record, ctx):
        if record.overall_status not in _RECRUITING or (record.enrollment or 0) > 0:
            return
        if not carries(record, "enrollment"):
            return
        status = Evidence.whole("overall_status", record.text("overall_status") or "")
        if record.enrollment is not None:
            yield self.finding(
                f"The trial is {record.overall_status} but its target enrollment is {record.enrollment}.",
                evidence=Evidence.whole("enrollment", record.text("enrollment") or str(record.enrollment)),
                related=[status],
                suggestion="Enter the anticipated number of participants.",
            )
        else:
            yield self.finding(
                f"The trial is {record.overall_status} but gives no target enrollment (WHO data set item 17).",
                evidence=absent_evidence(record, "enrollment"),
                related=[status],
                suggestion="Enter the anticipated number of participants.",
            )
