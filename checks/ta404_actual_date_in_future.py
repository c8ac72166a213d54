from trial_audit.checks._shared.timeline import LABELS, date_evidence, now_evidence, now_words
from trial_audit.core.dates import DateType, is_future
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

# Dates that can only ever be actual: they record something the registry saw happen.
_ALWAYS_ACTUAL = frozenset(
    {"first_submitted", "first_posted", "results_first_posted", "last_update_submitted", "last_update_posted", "status_verified"}
)


@register
class ActualDateInFuture(Rule):
    """A date marked actual (or one that can only be actual, like a submission) lies after "now".

    ## What it does

    Reports a record when a date marked actual (or one that can only be actual, like a submission) lies
    after "now".

    Reports: an actual date (or a submitted / posted / verified date) after "now".

    ## Why it matters

    An actual date records something that has happened; one after the record's own as-of
    date is a typo (2052 for 2025) or an anticipated date marked actual, and it makes trackers
    treat the study as started or completed when it is not. "Now" is the record's own as-of date
    (page "Current as of", v2 version date, XML download date), else --as-of, else today, and the
    comparison is made at the date's precision.

    ## Fix

    Correct the date, or mark it anticipated/estimated if it has not happened yet.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA404"
    name = "actual-date-in-future"
    category = Category.TIMELINE
    severity = Severity.ERROR
    bad = [
        {"as_of": "2025-11-14", "dates": {"start": ["2026-02", "ACTUAL"]}},
        {"as_of": "2025-11-14", "dates": {"last_update_submitted": "2025-12-01"}},
    ]
    good = [
        {"as_of": "2025-11-14", "dates": {"start": ["2026-02", "ESTIMATED"], "status_verified": "2025-11"}},
    ]

    def check(self, record, ctx):
        now = ctx.now_for(record)
        for name, d in record.dates.items():
            if not (d.type is DateType.ACTUAL or name in _ALWAYS_ACTUAL):
                continue
            if not is_future(d, now):
                continue
            label = LABELS.get(name, name)
            marked = " is marked actual but" if d.type is DateType.ACTUAL else ""
            yield self.finding(
                f"The {label} {d.iso()}{marked} is after {now_words(record, now)}. Correct the date, "
                "or mark it anticipated if it has not happened yet.",
                evidence=date_evidence(record, name),
                related=[now_evidence(record, now)],
                suggestion="Correct the date or mark it anticipated.",
            )
