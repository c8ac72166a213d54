from trial_audit.checks._shared.timeline import (
    LABELS,
    ONGOING_STATUSES,
    date_evidence,
    now_evidence,
    now_words,
    status_evidence,
    status_word,
    verified_date,
)
from trial_audit.core.dates import older_than
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

_UPDATE_FIELDS = ("status_verified", "last_update_submitted", "last_update_posted")


@register
class StatusNotVerifiedInAYear(Rule):
    """An ongoing study's status was not verified (or the record not updated) for over a year.

    ## What it does

    Reports a record when an ongoing study's status was not verified (or the record not updated) for
    over a year.

    Reports: an ongoing status not verified (or updated) for over 12 months, or with no such date at
    all.

    ## Why it matters

    The registry requires the record of an ongoing study to be verified at least every 12
    months; an unverified "Recruiting" sends patients to trials that may have closed. The date
    used is the status verified date, else the last update; it must be more than 12 months
    before "now" at its precision (a month-precision "2024-11" is not yet a year old on
    2025-11-14). Over two years is TA409. Also reported: an ongoing status with no verified or
    update date at all, where the record shows the field empty.

    ## Fix

    Verify the record (confirm or update status and dates) and enter the verification date.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA408"
    name = "status-not-verified-in-a-year"
    category = Category.STATUS
    severity = Severity.WARNING
    bad = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"status_verified": "2024-09"}},
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "declared_absent": {"dates.last_update_posted": ""}},
    ]
    good = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"status_verified": "2024-11"}},
        {"overall_status": "COMPLETED", "as_of": "2025-11-14", "dates": {"status_verified": "2019-01"}},
    ]

    def check(self, record, ctx):
        if record.overall_status not in ONGOING_STATUSES:
            return
        now = ctx.now_for(record)
        found = verified_date(record)
        words = status_word(record.overall_status)
        if found is None:
            shown = [n for n in _UPDATE_FIELDS if f"dates.{n}" in record.declared_absent]
            if shown:
                yield self.finding(
                    f'The status "{words}" cannot be confirmed as current: the record gives no date it was '
                    "last verified or updated. Verify the record and enter the verification date.",
                    evidence=status_evidence(record),
                    related=[date_evidence(record, n) for n in shown] + [now_evidence(record, now)],
                    suggestion="Verify the record and enter the verification date.",
                )
            return
        name, d = found
        if older_than(d, now, 12) and not older_than(d, now, 24):
            yield self.finding(
                f'The status "{words}" was last confirmed {d.iso()} ({LABELS[name]}), more than a year '
                f"before {now_words(record, now)}. Verify the record and update its status and dates.",
                evidence=date_evidence(record, name),
                related=[status_evidence(record), now_evidence(record, now)],
                suggestion="Verify the record and enter the verification date.",
            )
