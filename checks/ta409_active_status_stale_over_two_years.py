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
from trial_audit.core.dates import is_past, older_than
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

_BECOMES_UNKNOWN = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION"})


@register
class ActiveStatusStale(Rule):
    """An ongoing study's status was not verified (or the record not updated) for over two years.

    ## What it does

    Reports a record when an ongoing study's status was not verified (or the record not updated) for
    over two years.

    Reports: the same, over 24 months (the registry's "Unknown status" threshold).

    ## Why it matters

    The registry requires ongoing records to be verified every year, and ClinicalTrials.gov
    shows the status of a recruiting, not yet recruiting, active or enrolling study as "Unknown"
    once it has not been verified for more than two years and its completion date has passed; a record that still claims "Recruiting" two
    years after its last verification is out of date by the registry's own rules. Records the registry already shows as "Unknown status" are
    not reported again. The date used is the status verified date, else the last update.

    ## Fix

    Verify the record: confirm or update its status, dates and contacts.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA409"
    name = "active-status-stale-over-two-years"
    category = Category.STATUS
    severity = Severity.ERROR
    bad = [{"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"status_verified": "2021-01"}}]
    good = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"status_verified": "2023-11"}},
        {"overall_status": "UNKNOWN", "as_of": "2025-11-14", "dates": {"status_verified": "2019-11"}},
    ]

    def check(self, record, ctx):
        if record.overall_status not in ONGOING_STATUSES:
            return
        found = verified_date(record)
        if found is None:
            return
        now = ctx.now_for(record)
        name, d = found
        if older_than(d, now, 24):
            c = record.dates.get("completion")
            # the registry's Unknown status replaces only these four (a suspended study stays
            # Suspended: NCT03143790, last updated 2017, completion 2018-12, still "SUSPENDED" in 2024)
            unknown = record.overall_status in _BECOMES_UNKNOWN and (c is None or is_past(c, now))
            consequence = "; with its completion date passed, the registry shows such a status as Unknown" if unknown else ""
            yield self.finding(
                f'The status "{status_word(record.overall_status)}" was last confirmed {d.iso()} '
                f"({LABELS[name]}), more than two years before {now_words(record, now)}{consequence}. "
                "Verify the record and update its status and dates.",
                evidence=date_evidence(record, name),
                related=[status_evidence(record), now_evidence(record, now)],
                suggestion="Verify the record and update its status and dates.",
            )
