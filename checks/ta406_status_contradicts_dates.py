from trial_audit.checks._shared.timeline import (
    FORMATS_WITH_DATE_TYPES,
    LABELS,
    completion_passed_while_enrolling,
    date_evidence,
    fmt,
    grace_days,
    now_evidence,
    now_words,
    status_evidence,
    status_word,
)
from trial_audit.core.dates import DateType, is_future
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
    - Withdrawn (no participant was enrolled), but an actual enrollment above 0 is given.

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
    ]
    good = [
        {"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"completion": ["2027-01", "ESTIMATED"]}},
        {"overall_status": "COMPLETED", "dates": {"start": "2006-11", "completion": ["2013-01", "ACTUAL"]}},
        {"overall_status": "WITHDRAWN", "enrollment": 0, "enrollment_type": "ACTUAL"},
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
                f'The status is "{words}" but the study start date {start.iso()} is marked actual: the '
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
        if status == "WITHDRAWN" and (record.enrollment or 0) > 0 and record.enrollment_type == "ACTUAL":
            text = record.text("enrollment") or ""
            yield self.finding(
                f'The status is "{words}" (no participant was enrolled) but an actual enrollment of '
                f"{record.enrollment} is given. Set the actual enrollment to 0, or correct the status.",
                evidence=Evidence.whole("enrollment", text),
                related=[status_evidence(record)],
                suggestion="Set the actual enrollment to 0 or correct the status.",
            )
