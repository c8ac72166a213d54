from trial_audit.checks._shared.timeline import (
    LABELS,
    completion_passed_while_enrolling,
    date_evidence,
    grace_days,
    is_expanded_access,
    now_evidence,
    now_words,
    status_word,
)
from trial_audit.core.dates import DateType, is_past
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

_PLANNED = ("start", "primary_completion", "completion")
# Completed/terminated records with estimated dates are TA406's; withdrawn studies never started,
# so their anticipated dates stay anticipated; "Unknown status" is the registry's own verdict
# that the record is out of date.
_SKIP_STATUSES = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"})


@register
class EstimatedDatePast(Rule):
    """An anticipated (estimated) start or completion date has already passed.

    ## What it does

    Reports a record when an anticipated (estimated) start or completion date has already passed.

    Reports: an anticipated start / primary completion / completion date that has passed.

    ## Why it matters

    Once a study starts or completes, the registry expects the actual date within 30 days.
    An anticipated date in the past means the record was not updated, so its status and
    timeline can no longer be trusted (and FDAAA results deadlines run from the actual primary
    completion date). Posted dates are not checked: old records mark them "Estimate" for a
    different reason. Dates are compared with "now" (the record's as-of date, else --as-of,
    else today) at their precision, after a grace of 30 days (option ``grace_days``).

    ## Fix

    Enter the actual date if it happened, or a new anticipated date if it moved.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA405"
    name = "estimated-date-in-past"
    category = Category.TIMELINE
    severity = Severity.WARNING
    bad = [
        {"overall_status": "ACTIVE_NOT_RECRUITING", "as_of": "2025-11-14", "dates": {"primary_completion": ["2024-09", "ESTIMATED"]}},
        {"overall_status": "NOT_YET_RECRUITING", "as_of": "2025-11-14", "dates": {"start": ["May 2025", "Anticipated"]}},
    ]
    good = [
        # within the 30-day grace, and withdrawn studies keep their anticipated dates
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"start": ["2025-11-01", "ESTIMATED"]}},
        {"overall_status": "WITHDRAWN", "as_of": "2025-11-14", "dates": {"start": ["2020-01", "ESTIMATED"]}},
    ]

    def check(self, record, ctx):
        if record.overall_status in _SKIP_STATUSES or is_expanded_access(record):
            return
        now = ctx.now_for(record)
        grace = grace_days(ctx, self.code)
        for name in _PLANNED:
            d = record.dates.get(name)
            if d is None or d.type is not DateType.ESTIMATED or not is_past(d, now, grace):
                continue
            if name == "completion" and completion_passed_while_enrolling(record, now, grace):
                continue  # reported as a status contradiction by TA406
            yield self.finding(
                f"The {LABELS[name]} {d.iso()} is still marked anticipated but has passed "
                f"({now_words(record, now)}; status {status_word(record.overall_status)}). "
                "Enter the actual date, or a new anticipated date if it moved.",
                evidence=date_evidence(record, name),
                related=[now_evidence(record, now)],
                suggestion="Enter the actual date or a new anticipated date.",
            )
