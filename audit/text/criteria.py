"""Eligibility-criteria parser: sections (inclusion / exclusion / other) and a tree of items.

``parse_criteria(text, markdown=False)`` never raises on any ``str``. Every offset indexes into
the text given (``doc.text``), so a rule can quote any span of the ``criteria`` field exactly.

What it understands (all seen in real registry records):

* section headers in their many spellings ("Inclusion Criteria:", "INCLUSION CRITERIA",
  "Key inclusion criteria", "Exclusion criteria" written as a bullet, a header run into the
  first item as in "inclusion criteria (2) Expected survival ...");
* item markers ``1.`` ``1)`` ``(1)`` ``a.`` ``a)`` ``(a)`` ``i.`` ``i)`` ``(i)`` and bullets
  ``-`` ``*`` ``•`` (and a few rarer bullet glyphs), a page bullet in front of an ordinal marker
  ("• 1. Malignant ...": the item's marker is ``1.``, ``outer_marker`` is ``•``);
* Markdown lists (ClinicalTrials.gov API v2), where ``\\*`` / ``\\>`` are escapes, not markers;
* nesting by indentation (legacy XML, Markdown) or, when everything sits at one indentation
  (a patient page), by marker style: an item ending with ":" opens a sub-list of another style;
* inline items in a paragraph, separated by ";" (or ":" / ".") with ``(n)`` / ``n)`` markers;
* hard-wrapped lines that continue an item, and unmarked paragraphs (``marker`` None).

The document is read-only. Rules get a record's parse through ``criteria_lists.doc_of(record)``,
which keeps it with the record (``record.analysis``); ``doc_for(text, markdown)`` is a small
cache for text-only callers (the age and condition text helpers).

The parser lives in smaller modules: ``criteria_model`` (the document and marker formatting),
``criteria_markers`` (markers at a position), ``criteria_headers`` (section headers and labels),
``criteria_tokens`` (line tokens and inline items) and ``criteria_tree`` (the item tree). This
module is the public facade: import from here. ``criteria_modes`` marks each section and item with
what it asks of a participant (``mode``: "require" / "exclude"), once per parse.
"""

from __future__ import annotations

from functools import lru_cache

from trial_audit.text.criteria_model import (
    BULLET_STYLES,
    ORDINAL_STYLES,
    CriteriaDoc,
    Item,
    Section,
    format_marker,
    int_to_roman,
    roman_to_int,
)
from trial_audit.text.criteria_modes import assign_modes, exclusion_run
from trial_audit.text.criteria_tokens import _tokenise
from trial_audit.text.criteria_tree import _build

__all__ = [
    "BULLET_STYLES",
    "ORDINAL_STYLES",
    "CriteriaDoc",
    "Item",
    "Section",
    "doc_for",
    "dump",
    "exclusion_run",
    "int_to_roman",
    "format_marker",
    "parse_criteria",
    "roman_to_int",
]


def parse_criteria(text: str, markdown: bool = False) -> CriteriaDoc:
    """Parse eligibility criteria into sections and a tree of items; never raises on a str."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    doc = CriteriaDoc(text=text, markdown=markdown)
    if not text.strip():
        return doc
    try:
        toks = _tokenise(text, markdown)
        doc.sections = _build(text, toks, markdown)
    except Exception:  # pragma: no cover - a safety net: never fail on real text
        doc.sections = [Section("other", None, None, None, False, None, 0, len(text))]
    assign_modes(doc)
    return doc


@lru_cache(maxsize=8)  # for text-only callers; rules use criteria_lists.doc_of(record)
def doc_for(text: str, markdown: bool = False) -> CriteriaDoc:
    """A cached ``parse_criteria`` for callers that hold only a text (the result is shared: do not modify it)."""
    return parse_criteria(text, markdown)


def dump(doc: CriteriaDoc) -> str:
    """A readable outline of a parse (for debugging and tests)."""
    out = []
    for s in doc.sections:
        out.append(f"[{s.kind}] header={s.header!r} merged={s.merged_header} label={s.label!r}")
        for it in s.iter_items():
            flag = " inline" if it.inline else ""
            lab = " LABEL" if it.is_label else ""
            out.append(f"{'  ' * (it.level + 1)}{it.marker or '~'} <{it.style}>{flag}{lab} {it.text[:60]!r}")
    return "\n".join(out)
