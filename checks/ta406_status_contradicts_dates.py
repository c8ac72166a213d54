import dataclasses

from trial_audit.checks._shared.timeline import (
    FORMATS_WITH_DATE_TYPES,
    LABELS,
    ambiguity,
    completion_passed_while_enrolling,
    date_evidence,
    fmt,
    grace_days,
    now_evidence,
    now_words,
    status_evidence,
    status_word,
)
from trial_audit.core.dates import DateType, is_future, is_past
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

_ENDED = frozenset({"COMPLETED", "TERMINATED"})
_NOT_ENDED = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"})


@register
class StatusContradictsDates(Rule):
    """The overall status contradicts the record's own dates.

    ## What it does

    - Recruiting / Not yet recruiting / Enrolling by invitation, but the completion date (plus
      30 days' grace) has passed;
    - Not yet recruiting, but the start date is actual and not in the future;
    - Recruiting / Not yet recruiting / Enrolling by invitation / Active, not recruiting, but the
      study completion date is marked actual;
    - Completed or Terminated, but a start, primary completion or completion date is still
      anticipated (a date with no type, as in legacy records, is not questioned);
    - Withdrawn (no participant was enrolled), but an actual enrollment above 0 is given;
    - where the source gives dates without an actual/anticipated type (CSV exports, some legacy
      records): Completed or Terminated with a completion date after the reference date, and
      Not yet recruiting with a start date (plus 30 days' grace) already past.

    Reports: status vs dates: enrolling after completion, not-yet-recruiting with an actual start,
    completed/terminated with anticipated dates, ongoing with an actual completion, withdrawn with an
    actual enrollment.

    ## Why it matters

    Patients choose trials by status, and registries and trackers derive deadlines from the
    dates; when they disagree one of them is out of date. Reported:

    ## Fix

    Update the status, or the dates, so that they tell the same story.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA406"
    name = "status-contradicts-dates"
    category = Category.STATUS
    severity = Severity.ERROR
    bad = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"completion": ["2024-12", "ESTIMATED"]}},
        {"overall_status": "NOT_YET_RECRUITING", "as_of": "2025-11-14", "dates": {"start": ["2025-03-01", "ACTUAL"]}},
        {"overall_status": "COMPLETED", "dates": {"completion": ["2023-06", "ESTIMATED"]}},
        {"overall_status": "RECRUITING", "dates": {"completion": ["2024-01-31", "ACTUAL"]}},
        {"overall_status": "WITHDRAWN", "enrollment": 12, "enrollment_type": "ACTUAL"},
        # a CSV export gives no date types: a completed study cannot end in the future
        {"overall_status": "COMPLETED", "as_of": "2025-11-14", "dates": {"completion": "2026-03-31"}},
        {"overall_status": "NOT_YET_RECRUITING", "as_of": "2025-11-14", "dates": {"start": "2025-01-15"}},
    ]
    good = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"completion": ["2027-01", "ESTIMATED"]}},
        {"overall_status": "COMPLETED", "dates": {"start": "2006-11", "completion": ["2013-01", "ACTUAL"]}},
        {"overall_status": "WITHDRAWN", "enrollment": 0, "enrollment_type": "ACTUAL"},
        {"overall_status": "COMPLETED", "as_of": "2025-11-14", "dates": {"completion": "2025-10-31"}},
        {"overall_status": "NOT_YET_RECRUITING", "as_of": "2025-11-14", "dates": {"start": "2025-11-01"}},
    ]

    def check(self, record, ctx):
        status = record.overall_status
        if not status:
            return
        now = ctx.now_for(record)
        words = status_word(status)
        dates = record.dates
        typed = fmt(record) in FORMATS_WITH_DATE_TYPES
        if completion_passed_while_enrolling(record, now, grace_days(ctx, self.code)):
            c = dates["completion"]
            yield self.finding(
                f'The status is "{words}" but the study completion date {c} has passed '
                f"({now_words(record, now)}). Update the status (completed, terminated, active, not "
                "recruiting) or enter a new anticipated completion date.",
                evidence=status_evidence(record),
                related=[date_evidence(record, "completion"), now_evidence(record, now)],
                suggestion="Update the overall status or the completion date.",
            )
        start = dates.get("start")
        if status == "NOT_YET_RECRUITING" and start is not None and start.type is DateType.ACTUAL and not is_future(start, now):
            yield self.finding(
                f'The status is "{words}" but the study start date {start.iso()}{ambiguity(record, "start")} is marked actual: the '
                "study has started. Update the status (recruiting, enrolling by invitation, active), or "
                "mark the start date anticipated if it has not happened.",
                evidence=status_evidence(record),
                related=[date_evidence(record, "start"), now_evidence(record, now)],
                suggestion="Update the overall status or the start date type.",
            )
        c = dates.get("completion")
        if status in _NOT_ENDED and c is not None and c.type is DateType.ACTUAL:
            yield self.finding(
                f'The status is "{words}" but the study completion date {c.iso()} is marked actual: the '
                "study has ended. Update the status to completed or terminated, or mark the completion "
                "date anticipated.",
                evidence=status_evidence(record),
                related=[date_evidence(record, "completion")],
                suggestion="Update the overall status or the completion date type.",
            )
        if status in _ENDED and typed:
            for name in ("start", "primary_completion", "completion"):
                d = dates.get(name)
                if d is None or d.type is not DateType.ESTIMATED:
                    continue
                yield self.finding(
                    f'The status is "{words}" but the {LABELS[name]} {d.iso()} is still anticipated. Enter the actual date.',
                    evidence=date_evidence(record, name),
                    related=[status_evidence(record)],
                    suggestion="Enter the actual date.",
                )
        yield from self._untyped(record, status, words, now, grace_days(ctx, self.code))
        if status == "WITHDRAWN" and (record.enrollment or 0) > 0 and record.enrollment_type == "ACTUAL":
            text = record.text("enrollment") or ""
            yield self.finding(
                f'The status is "{words}" (no participant was enrolled) but an actual enrollment of '
                f"{record.enrollment} is given. Set the actual enrollment to 0, or correct the status.",
                evidence=Evidence.whole("enrollment", text),
                related=[status_evidence(record)],
                suggestion="Set the actual enrollment to 0 or correct the status.",
            )

    def _untyped(self, record, status, words, now, grace):
        """The same contradictions where the source does not say whether a date is actual or
        anticipated (typed dates are judged above, and by TA404/TA405)."""
        c = record.dates.get("completion")
        if status in _ENDED and c is not None and c.type is None and is_future(c, now):
            yield self.finding(
                f'The status is "{words}" but the study completion date {c.iso()} is after '
                f"{now_words(record, now)}: a study cannot have ended on a date still to come. Enter the "
                "actual completion date, or correct the status.",
                evidence=status_evidence(record),
                related=[date_evidence(record, "completion"), now_evidence(record, now)],
                suggestion="Enter the actual completion date or correct the status.",
            )
        start = record.dates.get("start")
        if status == "NOT_YET_RECRUITING" and start is not None and start.type is None and is_past(start, now, grace):
            # a warning, as TA405 for a typed anticipated start: the source cannot say whether it happened
            found = self.finding(
                f'The status is "{words}" but the study start date {start.iso()}{ambiguity(record, "start")} has passed '
                f"({now_words(record, now)}). Update the status if the study has started, or enter "
                "a new anticipated start date.",
                evidence=status_evidence(record),
                related=[date_evidence(record, "start"), now_evidence(record, now)],
                suggestion="Update the overall status or the start date.",
            )
            yield dataclasses.replace(found, severity=Severity.WARNING)
