import re

from trial_audit.checks._shared.outcomes import carries_outcomes, label, quote, whole
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

_NON_WORD = re.compile(r"[^0-9a-z]+")


def _key(text: str | None) -> str:
    return _NON_WORD.sub(" ", (text or "").casefold()).strip()


@register
class DuplicateOutcome(Rule):
    """The same outcome measure and time frame are listed twice, or a secondary outcome repeats a primary one.

    ## What it does

    Reports an outcome measure whose title and time frame are the same as an earlier one's
    (compared without case, punctuation or spacing). Within one list it is a duplicate entry;
    a secondary (or other) outcome identical to a primary one is reported as such. Same title
    with different time frames is not reported: that is one measure at several time points.

    ## Why it matters

    A duplicate inflates the number of planned analyses and, when a primary outcome is also
    listed as secondary, blurs which result the trial was designed for.

    ## Fix

    Delete the duplicate entry; if the primary and secondary outcomes differ, make the titles or
    time frames say how.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - each outcome measure is listed
      once; a secondary outcome measure must not repeat a primary one
      (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    """

    code = "TA806"
    name = "duplicate-outcome"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {
            "outcomes": [
                {"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "Week 24"},
                {"kind": "SECONDARY", "title": "Change in HbA1c.", "time_frame": "week 24"},
            ]
        },
        {
            "outcomes": [
                {"kind": "SECONDARY", "title": "Body weight", "time_frame": "12 weeks"},
                {"kind": "SECONDARY", "title": "Body weight", "time_frame": "12 weeks"},
            ]
        },
    ]
    good = [
        {
            "outcomes": [
                {"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "Week 24"},
                {"kind": "SECONDARY", "title": "Change in HbA1c", "time_frame": "Week 52"},
            ]
        },
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record):
            return
        seen: dict[tuple[str, str], int] = {}
        for k, o in enumerate(record.outcomes):
            title = _key(o.title)
            if not title:
                continue
            key = (title, _key(o.time_frame))
            first = seen.setdefault(key, k)
            if first == k:
                continue
            other = record.outcomes[first]
            if other.kind == "PRIMARY" and o.kind != "PRIMARY":
                what = f"repeats {label(record, first)}"
            else:
                what = f"is the same as {label(record, first)}"
            if _key(o.description) != _key(other.description):
                advice = "Their descriptions differ: make the titles say how the measures differ."
            else:
                advice = "Delete the duplicate, or say in the title or time frame how they differ."
            yield self.finding(
                f'{label(record, k).capitalize()} ("{quote(o.title)}", time frame "{quote(o.time_frame)}") {what}, '
                f"with the same title and time frame. {advice}",
                evidence=whole(record, k, "title"),
                related=[whole(record, first, "title"), whole(record, k, "time_frame"), whole(record, first, "time_frame")],
                suggestion="Delete the duplicate outcome measure.",
            )
