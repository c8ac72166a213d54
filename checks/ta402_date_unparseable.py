from trial_audit.checks._shared.timeline import LABELS
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

# dates a reader found but could not parse outside the date fields (page header, "Current as of")
_EXTRA_UNPARSED = {
    "header_launch_unparsed": ("display_dates.header_launch", "page header's launch date"),
    "as_of_unparsed": ("as_of", 'page\'s "Current as of" date'),
}


@register
class DateUnparseable(Rule):
    """A date field holds text that is not a date ("TBD 2024", "Q3 2025", "2024-13-01").

    ## What it does

    Reports a record when a date field holds text that is not a date ("TBD 2024", "Q3 2025",
    "2024-13-01").

    Reports: a date field (or the page's header / "Current as of" date) that is not a date.

    ## Why it matters

    A date no program can read is as good as missing for registries and trackers, and every
    order, staleness and overdue check silently skips it (an unreadable "Current as of" date
    even changes the reference date of every other check). Also reported: a page header's
    launch date or "Current as of" date that is not a date. Registry dates are a month and year
    ("April 2024", "2024-04") or a full date ("Apr 8, 2024", "2024-04-08").

    ## Fix

    Write the date as a month and year or a full date; say "anticipated" with the date type,
    not in the text.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA402"
    name = "date-unparseable"
    category = Category.TIMELINE
    severity = Severity.ERROR
    bad = [
        {"dates": {"start": "Q3 2025"}},
        {"dates": {"completion": "2024-13-01"}},
        {"extra": {"as_of_unparsed": "14/11/2025 (UTC)"}},
    ]
    good = [{"dates": {"start": "April 2024", "completion": "Apr 8, 2026"}, "extra": {"as_of_unparsed": ""}}]

    def check(self, record, ctx):
        for key, (field, what) in _EXTRA_UNPARSED.items():
            text = record.extra.get(key)
            if isinstance(text, str) and text.strip():
                yield self.finding(
                    f'The {what} "{text}" is not a date. Write it as a full date (Nov 14, 2025).',
                    evidence=Evidence.whole(field, text),
                    suggestion="Write the date as a full date.",
                )
        problems = record.extra.get("date_problems") or {}
        for name, text in record.unparsed_dates.items():
            field = f"dates.{name}"
            if problems.get(name):  # the reader says why (an ICTRP dd/mm date with no such month, or against its yyyymmdd twin)
                yield self.finding(
                    f"The {LABELS.get(name, name.replace('_', ' '))} {problems[name][0].lower()}{problems[name][1:]}. "
                    "Write it with the month in words or as yyyy-mm-dd (2020-03-05).",
                    evidence=Evidence.whole(field, text),
                    suggestion="Write the date with the month in words or as yyyy-mm-dd.",
                )
                continue
            yield self.finding(
                f'The {LABELS.get(name, name.replace("_", " "))} "{text}" is not a date. '
                "Write it as a month and year (April 2024) or a full date (Apr 8, 2024).",
                evidence=Evidence.whole(field, text),
                suggestion="Write the date as a month and year or a full date.",
            )
