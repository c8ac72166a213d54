import re

from trial_audit.checks._shared.timeline import LABELS, date_evidence, shown_words
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

#: display date key -> (the timeline field it restates, a pattern for the timeline label showing it)
_COUNTERPARTS = {"header_launch": ("start", re.compile(r"launch", re.I))}
_DISPLAY_WORDS = {"header_launch": "the page header's launch date"}


def _counterpart(record, key: str) -> str | None:
    """The date field a display date restates; a reader may say so in extra (label -> field)."""
    given = record.extra.get("display_counterparts")
    if isinstance(given, dict) and isinstance(given.get(key), str):
        return given[key].removeprefix("dates.")
    default = _COUNTERPARTS.get(key)
    if default is None:
        return None
    labels = record.extra.get("timeline_labels")
    if isinstance(labels, dict):  # {"Trial launched": "dates.start", ...}
        for label, name in labels.items():
            if isinstance(label, str) and isinstance(name, str) and default[1].search(label):
                return name.removeprefix("dates.")
    return default[0]


@register
class DisplayedDateDisagrees(Rule):
    """A date shown in one place of the record is absent or different where the record lists it.

    ## What it does

    Reports a record when a date shown in one place of the record is absent or different where the
    record lists it.

    Reports: a date shown in one place (the page header's launch date) absent or different where the
    record lists it (the Timeline).

    ## Why it matters

    A patient page that says "Launched ... Apr 8, 2024" in its header but leaves "Trial
    launched" blank in its Timeline (or gives another date there) contradicts itself; readers
    cannot tell which is right, and one of the two places was not updated. The dates are
    compared at the coarser precision ("April 2024" agrees with "Apr 8, 2024").

    ## Fix

    Show the same date in both places (fill in the timeline entry, or correct the header).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA410"
    name = "displayed-date-disagrees"
    category = Category.TIMELINE
    severity = Severity.WARNING
    bad = [
        {"display_dates": {"header_launch": "Apr 8, 2024"}, "declared_absent": {"dates.start": ""}},
        {"display_dates": {"header_launch": "Apr 8, 2024"}, "dates": {"start": ["2024-05-02", "ACTUAL"]}},
    ]
    good = [
        {"display_dates": {"header_launch": "Apr 8, 2024"}, "dates": {"start": ["April 2024", "ACTUAL"]}},
        {"display_dates": {"header_launch": "Apr 8, 2024"}},  # no timeline entry to disagree with
    ]

    def check(self, record, ctx):
        for key, shown in record.display_dates.items():
            if shown is None:
                continue
            name = _counterpart(record, key)
            if name is None:
                continue
            field = f"dates.{name}"
            where = _DISPLAY_WORDS.get(key, f"the displayed date {key!r}")
            header_ev = Evidence.whole(f"display_dates.{key}", record.text(f"display_dates.{key}") or shown.iso())
            label = LABELS.get(name, name)
            d = record.dates.get(name)
            if d is not None:
                if d.compare(shown) == 0:
                    continue
                msg = f"{where.capitalize()} is {shown.iso()} but the {label} is {d.iso()}. Show the same date in both places."
            elif field in record.declared_absent or name in record.unparsed_dates:
                text = record.declared_absent.get(field, record.unparsed_dates.get(name, ""))
                state = f'"{text}"' if text else "blank"
                how = shown_words(record, name) or f"the {label} is {state}"
                msg = f"{where.capitalize()} is {shown.iso()}, but {how}. Enter the {label} there too (or correct the header)."
            else:
                continue
            yield self.finding(
                msg,
                evidence=date_evidence(record, name),
                related=[header_ev],
                suggestion="Show the same date in both places.",
            )
