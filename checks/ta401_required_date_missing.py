import dataclasses

from trial_audit.checks._shared.timeline import LABELS, carries, date_evidence, is_expanded_access, not_required_then, shown_words, shows
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


@register
class RequiredDateMissing(Rule):
    """A date the registry requires for this record is missing, blank or "Not reported".

    ## What it does

    A field is only demanded where the source format carries it (a CSV export has no submitted
    or verified dates; a page only shows the timeline entries it has labels for). Expanded-access
    records are not asked for start or completion dates, withheld records for nothing.

    What was required depends on the record's time: FDAAA made the start and primary completion
    dates required data elements from 2007-12-26, and the Final Rule (42 CFR Part 11, 2017-01-18)
    required primary completion and completion dates of every study. A date missing from a study
    that ended before FDAAA, or from a record last updated before the rule that requires it, is
    reported as a note (info) that says so, not as an error.

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
        # an expanded-access record has no start or completion dates to give
        {"overall_status": "AVAILABLE", "dates": {"first_submitted": "2019-03-01", "last_update_submitted": "2024-01-05"}},
    ]

    def check(self, record, ctx):
        if record.overall_status == "WITHHELD":
            return  # the registry withholds the record's content
        groups = _EXPANDED_ACCESS_GROUPS if is_expanded_access(record) else _GROUPS
        notes: dict[str, list[str]] = {}  # why the law of the time did not require them -> fields
        for group in groups:
            if any(n in record.dates or n in record.unparsed_dates for n in group):
                continue  # present (unparseable text is TA402's)
            carried = [n for n in group if carries(record, n)]
            if not carried:
                continue  # the format cannot carry it: not a defect of the record
            name = next((n for n in carried if shows(record, n)), carried[0])
            why_not = not_required_then(record, name)
            if why_not is not None:
                notes.setdefault(why_not, []).append(name)
                continue
            shown = shown_words(record, name) or "the record gives none"
            label = LABELS[name]
            yield self.finding(
                f"{label[0].upper()}{label[1:]} missing: {shown}. {_WHAT_TO_DO[name]}",
                evidence=date_evidence(record, name),
                suggestion=_WHAT_TO_DO[name],
            )
        if notes:
            yield self._note(record, notes)

    def _note(self, record, notes: dict[str, list[str]]):
        """One note (info) for the dates the law of the record's time did not require, saying why."""
        names = [n for group in notes.values() for n in group]
        parts = [f"{_joined([LABELS[n] for n in group])} missing: {why}" for why, group in notes.items()]
        text = "; ".join(parts)
        note = self.finding(
            f"{text[0].upper()}{text[1:]}. Add {'it' if len(names) == 1 else 'them'} if known "
            "(the registry asks for these dates when the record is next updated).",
            evidence=date_evidence(record, names[0]),
            related=[date_evidence(record, n) for n in names[1:]],
            suggestion="Add the missing dates if they are known.",
        )
        return dataclasses.replace(note, severity=Severity.INFO)


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
