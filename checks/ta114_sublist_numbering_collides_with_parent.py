import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import format_marker
from trial_audit.text.criteria_lists import EDIT_PAIRS_SHOWN, collides_with_parent, doc_of, quote_end

_HIDDEN_NUM = re.compile(r"\s[0-9]{1,2}[.)]\s+[A-Z]")


@register
class SublistNumberingCollidesWithParent(Rule):
    """A sub-item inside an item is numbered in its parent list's own style ("(2)" inside item (4)).

    ## What it does

    Reports a record when a sub-item inside an item is numbered in its parent list's own style ("(2)"
    inside item (4)).

    Reports: a sub-item in its parent list's own style, not set apart by indentation (the seed's "(2)
    Electrocardiogram" inside item (4)); related evidence: the parent's marker.

    Not reported: sub-lists indented under their parent (Markdown, legacy XML).

    ## Why it matters

    A reader cannot tell "(2) Electrocardiogram ..." written under item (4) from item (2) of
    the main list; the requirement is read as a separate criterion, or item (2) as duplicated.
    Sub-lists indented under their parent (Markdown, legacy XML) are not reported.

    ## Fix

    Mark the sub-items with another style (a, b, c or bullets) or indent them; the
    suggestion shows the parent item with its sub-items lettered.

    Fix safety: safe to apply. The suggested text changes only the markers of the sub-items.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA114"
    name = "sublist-numbering-collides-with-parent"
    category = Category.NUMBERING
    severity = Severity.WARNING
    bad = [
        {
            "criteria": "Inclusion Criteria:\n(1) Age 18 or older\n(2) Organ function as follows:\n"
            "- Creatinine below 1.5 x ULN; (2) ECG without significant abnormality\n(3) Signed consent"
        },
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n\n1. Age 18 or older\n2. Organ function as follows:\n\n"
            "   1. Creatinine below 1.5 x ULN\n   2. ECG without significant abnormality\n3. Signed consent",
            "criteria_markdown": True,
        },
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        for it in doc.items():
            if not collides_with_parent(it):
                continue
            parent = it.parent
            if _HIDDEN_NUM.search(parent.text):
                continue  # "2. hospitalization 5. Left ventricular ...:": the real parent is run into item 2
            sub = [c for c in parent.children if c.number is not None and c.style == parent.style]
            k = sub.index(it) + 1 if it in sub else 1
            letter_style = {"1.": "a.", "1)": "a)", "(1)": "(a)"}.get(parent.style, "(a)")
            new_marker = format_marker(letter_style, k)
            # the edit for this finding, with the other sub-items named (a few of them): the whole
            # item rewritten into every finding would grow with the square of the sub-list
            others = [(c.marker, format_marker(letter_style, i)) for i, c in enumerate(sub, 1) if c is not it]
            shown = [f"{a!r} becomes {b!r}" for a, b in others[:EDIT_PAIRS_SHOWN]]
            if len(others) > EDIT_PAIRS_SHOWN:
                shown.append(f"… ({len(others)} sub-items)")
            also = f"; letter the other sub-items of {parent.marker!r} likewise: " + ", ".join(shown) if shown else ""
            yield self.finding(
                f"Sub-item {it.marker!r} inside item {parent.marker!r} uses the main list's numbering "
                f"and reads as item {it.marker} of the main list. Mark it {new_marker!r} or as a bullet, "
                "or indent it.",
                evidence=Evidence.span("criteria", text, it.start, quote_end(doc, it)),
                related=[Evidence.span("criteria", text, parent.start, parent.marker_end)],
                suggestion=f"Mark this sub-item {it.marker!r} as {new_marker!r}{also}.",
            )
