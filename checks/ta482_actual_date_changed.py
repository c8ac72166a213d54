from trial_audit.checks._shared.history import date_sides, example, moved_dates, previous_version, span, version_name
from trial_audit.checks._shared.timeline import LABELS
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class ActualDateChanged(Rule):
    """An actual start, primary completion or completion date changed between two versions.

    ## What it does

    Compares the study start, primary completion and completion dates of two versions of a record
    (`trial-audit diff`, or each change of a record's version history) and reports each one that
    the earlier version already gave as actual and the new one changed, by how much, quoting
    both versions.

    Not reported: a date that only became more precise ("2024-05" -> "2024-05-14"); anticipated
    dates (TA481 reports their moves).

    ## Why it matters

    An actual date is a fact, not a plan: it should change only to correct an error. A moved
    actual primary completion date moves the results deadline (FDAAA 801) after the fact, and
    durations computed from the record change under the feet of those who used them.

    ## Fix

    If the earlier date was wrong, say so in the record (the detailed description or a note to
    the registry); otherwise restore it.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Start Date, Primary Completion Date, Study Completion Date)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA482"
    name = "actual-date-changed"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example({"dates": {"start": ["2021-03-15", "ACTUAL"]}}, dates={"start": ["2021-09-01", "ACTUAL"]}),
    ]
    good = [
        example({"dates": {"start": ["2021-03", "ACTUAL"]}}, dates={"start": ["2021-03-15", "ACTUAL"]}),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None:
            return
        for name, a, b, days in moved_dates(old, record, was_actual=True):
            evidence, related = date_sides(old, record, name)
            yield self.finding(
                f"The actual {LABELS[name]} changed in {version_name(record)}: from {a.iso()} to {b} ({span(days)}). An "
                "actual date should change only to correct an error: say so in the record, or restore the earlier date.",
                evidence=evidence,
                related=related,
            )
