from trial_audit.checks._shared.history import date_sides, example, moved_dates, previous_version, span, version_name
from trial_audit.checks._shared.timeline import LABELS
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class PlannedDateMoved(Rule):
    """An anticipated start, primary completion or completion date moved between two versions.

    ## What it does

    Compares the study start, primary completion and completion dates of two versions of a record
    (`trial-audit diff`, or each change of a record's version history) and reports each one that
    the earlier version gave as anticipated and the new one moved, by how much and in which
    direction, quoting both versions. Plans change, so this is information - but a completion
    date that moves in version after version is what reviewers look for, and the history shows it.

    Not reported: a date that only became more precise ("2024-05" -> "2024-05-14"), or became
    actual in the same month or day; a date added or removed (other rules report missing dates);
    a date the earlier version gave as actual (TA482 reports those).

    ## Why it matters

    Moving the primary completion date moves the deadline for reporting results (FDAAA 801: one
    year after it). A completion date pushed back again and again hides a stalled trial from
    patients looking for open studies and from funders tracking progress.

    ## Fix

    Check that the new date is the current best estimate, and that the status says why the study
    is late (recruiting slowly, suspended) when it keeps moving.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Start Date, Primary Completion Date, Study Completion Date)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA481"
    name = "planned-date-moved"
    category = Category.HISTORY
    severity = Severity.INFO
    compares_versions = True
    bad = [
        example(
            {"dates": {"primary_completion": ["2022-12", "ESTIMATED"]}},
            dates={"primary_completion": ["2024-06", "ESTIMATED"], "last_update_posted": ["2023-01-10", "ACTUAL"]},
        ),
    ]
    good = [
        # the same month, given to the day once it happened
        example({"dates": {"completion": ["2024-05", "ESTIMATED"]}}, dates={"completion": ["2024-05-14", "ACTUAL"]}),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None:
            return
        for name, a, b, days in moved_dates(old, record, was_actual=False):
            evidence, related = date_sides(old, record, name)
            yield self.finding(
                f"The anticipated {LABELS[name]} moved {span(days)} in {version_name(record)}: from {a} to {b}. "
                "Check that the new date is the current best estimate.",
                evidence=evidence,
                related=related,
            )
