from trial_audit.checks._shared.timeline import LABELS, carries, date_evidence, is_expanded_access, shown_words, shows
from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

# Groups of fields of which one is enough: the registry's "last update" is the submitted date in
# the full record and the posted date in a CSV export; a CSV export has a first posted date only.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("first_submitted", "first_posted"),
    ("start",),
    ("primary_completion",),
    ("completion",),
    ("last_update_submitted", "last_update_posted"),
    ("status_verified",),
)
_EXPANDED_ACCESS_GROUPS = (_GROUPS[0], _GROUPS[4], _GROUPS[5])
# Primary completion and study completion dates became required for every record with the
# Final Rule (42 CFR Part 11, effective 2017-01-18); before it, many records (non-applicable
# trials, observational studies) legitimately had none. A record last updated before then is
# not asked for them.
_FINAL_RULE = parse_date("2017-01-18")
_SINCE_FINAL_RULE = frozenset({"primary_completion", "completion"})
# Nor is a study that ended before FDAAA made the primary completion date a data element
# (2007-12-26): "ended" is an ended status whose latest known trial date is before then.
_FDAAA = parse_date("2007-12-26")
_ENDED = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"})
_WHAT_TO_DO = {
    "start": "Enter the actual start date, or the anticipated one if the study has not started.",
    "primary_completion": "Enter the primary completion date (actual, or anticipated while the study runs).",
    "completion": "Enter the study completion date (actual, or anticipated while the study runs).",
    "first_submitted": "Enter the date the study was first submitted to the registry.",
    "first_posted": "Enter the date the study was first posted.",
    "last_update_submitted": "Enter the date of the last update.",
    "last_update_posted": "Enter the date of the last update.",
    "status_verified": "Verify the record and enter the month its status was verified.",
}


def _last_touched(record, ctx):
    """When the record was last updated (else first submitted, else the reference date)."""
    for name in ("last_update_submitted", "last_update_posted", "first_submitted", "first_posted"):
        d = record.dates.get(name)
        if d is not None:
            return d
    return ctx.now_for(record)


def _ended_before_fdaaa(record) -> bool:
    if record.overall_status not in _ENDED:
        return False
    for name in ("completion", "primary_completion", "start"):
        d = record.dates.get(name)
        if d is not None:
            return d.is_before(_FDAAA)
    return False


@register
class RequiredDateMissing(Rule):
    """A date the registry requires for this record is missing, blank or "Not reported".

    ## What it does

    A field is only demanded where the source format carries it (a CSV export has no submitted
    or verified dates; a page only shows the timeline entries it has labels for). Expanded-access
    records are not asked for start or completion dates, withheld records for nothing; records
    last updated before the Final Rule (42 CFR Part 11, 2017-01-18) made them required for every
    study, and studies that ended before FDAAA introduced the primary completion date
    (2007-12-26), are not asked for primary completion and completion dates.

    Reports: a required date missing, blank or "Not reported".

    ## Why it matters

    Start, primary completion and completion dates, the first submitted date, the last
    update and the status verified date are required registry data elements; trackers (the
    FDAAA trackers, ClinicalTrials.gov's own review) compute overdue results and stale records
    from them, and a patient cannot tell whether a trial is current without them. A page that
    shows the label but leaves it empty is reported with what it shows.

    ## Fix

    Enter the date (actual, or anticipated while the study runs).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA401"
    name = "required-date-missing"
    category = Category.TIMELINE
    severity = Severity.ERROR
    bad = [
        {"overall_status": "RECRUITING", "dates": {"start": "Not reported", "completion": ["2027-01", "ESTIMATED"]}},
        {"overall_status": "RECRUITING", "declared_absent": {"dates.first_submitted": ""}},
    ]
    good = [
        {
            "overall_status": "RECRUITING",
            "dates": {"start": ["2024-04-08", "ACTUAL"], "completion": ["2027-01", "ESTIMATED"]},
        },
        # last updated before the Final Rule made the primary completion date required for all
        {
            "overall_status": "COMPLETED",
            "declared_absent": {"dates.primary_completion": ""},
            "dates": {"first_posted": "2007-10-23", "last_update_posted": "2010-09-27"},
        },
        # ended in 2006, before the primary completion date existed (NCT00147615, updated 2020)
        {
            "overall_status": "COMPLETED",
            "declared_absent": {"dates.primary_completion": ""},
            "dates": {"start": "2004-10", "completion": "2006-06", "last_update_posted": "2020-12-22"},
        },
    ]

    def check(self, record, ctx):
        if record.overall_status == "WITHHELD":
            return  # the registry withholds the record's content
        groups = _EXPANDED_ACCESS_GROUPS if is_expanded_access(record) else _GROUPS
        for group in groups:
            if any(n in record.dates or n in record.unparsed_dates for n in group):
                continue  # present (unparseable text is TA402's)
            carried = [n for n in group if carries(record, n)]
            if not carried:
                continue  # the format cannot carry it: not a defect of the record
            name = next((n for n in carried if shows(record, n)), carried[0])
            if name in _SINCE_FINAL_RULE and (_last_touched(record, ctx).is_before(_FINAL_RULE) or _ended_before_fdaaa(record)):
                continue
            ev = date_evidence(record, name)
            shown = shown_words(record, name) or "the record gives none"
            label = LABELS[name]
            yield self.finding(
                f"{label[0].upper()}{label[1:]} missing: {shown}. {_WHAT_TO_DO[name]}",
                evidence=ev,
                suggestion=_WHAT_TO_DO[name],
            )
