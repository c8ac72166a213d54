from trial_audit.checks._shared.timeline import LABELS, ambiguity, date_evidence
from trial_audit.core.dates import DateType
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

# (earlier, later): the first must not come after the second.
_PAIRS = (
    ("first_submitted", "first_posted"),
    ("start", "primary_completion"),
    ("primary_completion", "completion"),
    ("first_submitted", "last_update_submitted"),
    ("first_posted", "last_update_posted"),
    ("first_posted", "results_first_posted"),
)


@register
class DatesOutOfOrder(Rule):
    """Two dates of the record are in an impossible order (e.g. completion before start).

    ## What it does

    Checked: first submitted <= first posted; start <= primary completion <= completion (start <=
    completion when there is no primary completion date); first submitted <= last update
    submitted; first posted <= last update posted and <= results first posted.

    Reports: two dates in an impossible order; one finding per violated pair, both sides quoted.

    Not reported: a posted date the registry marks "Estimate" (records posted before it kept the
    actual posting day, ~2017) is the registry's reconstruction from its QC date, not a date anyone
    entered; it is not compared with the submitted dates.

    ## Why it matters

    A study cannot complete before it starts, be posted before it is submitted, or be
    updated before it was first submitted. Registries reject such records at review, and
    trackers that compute durations or deadlines from them get nonsense. Dates are compared at
    the coarser of their two precisions: "2024-04" is neither before nor after "2024-04-08".

    ## Fix

    Correct whichever of the two dates is wrong.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA403"
    name = "dates-out-of-order"
    category = Category.TIMELINE
    severity = Severity.ERROR
    bad = [
        {"dates": {"start": ["2024-06", "ACTUAL"], "primary_completion": ["2024-03-01", "ACTUAL"]}},
        {"dates": {"first_submitted": "2024-04-08", "first_posted": ["2024-04-01", "ACTUAL"]}},
    ]
    good = [
        # same month: undecidable at month precision, so in order
        {"dates": {"start": ["2024-04", "ACTUAL"], "primary_completion": ["2024-04-01", "ACTUAL"], "completion": ["2025-01", "ESTIMATED"]}},
    ]

    def check(self, record, ctx):
        dates = record.dates
        pairs = list(_PAIRS)
        if "primary_completion" not in dates:
            pairs.append(("start", "completion"))
        for early, late in pairs:
            a, b = dates.get(early), dates.get(late)
            if a is None or b is None or not a.is_after(b):
                continue
            if _registry_estimate_against_submitted(early, a, late, b):
                continue
            yield self.finding(
                f"The {LABELS[late]} ({b}) is before the {LABELS[early]} ({a}){ambiguity(record, late)}{ambiguity(record, early)}. "
                "Correct whichever of the two dates is wrong.",
                evidence=date_evidence(record, late),
                related=[date_evidence(record, early)],
                suggestion=f"Make the {LABELS[early]} no later than the {LABELS[late]}.",
            )


def _registry_estimate_against_submitted(early: str, a, late: str, b) -> bool:
    """One side is a posted date the registry estimated, the other a submitted date."""
    for name, d, other in ((early, a, late), (late, b, early)):
        if name.endswith("_posted") and d.type is DateType.ESTIMATED and other.endswith("_submitted"):
            return True
    return False
