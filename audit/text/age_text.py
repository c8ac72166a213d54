"""Age limits stated in free text: "between 65 and 74 years old", "≥ 18 years", "under 65", "adults".

The registry holds a trial's age limits twice: in the structured minimum / maximum age and in
prose (the summaries, the description, the eligibility criteria). This module finds the
prose statements, with the quoted span and its offsets, so that rules (TA2xx) can compare them.

A statement is a :class:`StatedAge`: a lower and/or an upper :class:`Bound` (in years, with the
value and unit as written and whether the bound is inclusive), the span, and where it was found.
Only ages that limit who may take part are taken: an age is read as a limit when it is tied to
the participant's age ("age ≥ 18", "aged 18-65", "18 years of age or older", "patients ≥ 18
years", an inclusion item that starts with "18 years or older"), and it is dropped when the
context says it is something else: age at diagnosis or onset, gestational / bone age, a duration
("over the past 65 days", "2 years of follow-up"), a conditional ("Karnofsky for patients ≥ 16
years", a lab table "Age 6 to < 10 years: creatinine ..."), a third person ("parents of children
aged 2-5"), dosing ("patients ≥ 12 years receive 400 mg"), epidemiology ("30% of adults over
65"), stratification ("stratified by age < 65 vs ≥ 65").

In an exclusion section the sense is inverted: "age > 75" there means a maximum of 75 years.

Words that fix an age band ("adults", "children", "infants", "elderly") are returned as band
statements (``kind == "band"``), only where the text restricts who takes part (an inclusion
item that starts with the word; "in adults with", "enrol children" in prose).

This module is the public face of the age reader; the work is split by concern:

- :mod:`trial_audit.text.age_patterns`: numbers, units, comparators and the context patterns;
- :mod:`trial_audit.text.age_phrases`: :class:`Bound`, :class:`StatedAge` and :func:`find_ages`
  (the age phrases of one text);
- :mod:`trial_audit.text.age_bands`: band words ("adults", "children") and :func:`find_bands`;
- :mod:`trial_audit.text.age_scope`: whether an age qualifies something narrower than the whole
  trial (a scale, a sub-group's duty, a header, another person or protocol); such ages are dropped;
- :mod:`trial_audit.text.age_compare`: comparing statements with a structured range.

Here: :func:`prose_ages` (summaries) and :func:`criteria_ages` / :func:`criteria_bands` (criteria,
read section by section). Nothing here is cached: the rules share one record's analyses through
``record.analysis`` (see :mod:`trial_audit.checks._shared.age`).
"""

from __future__ import annotations

import re

from trial_audit.text.age_bands import BANDS, find_bands
from trial_audit.text.age_bracket_bands import merge_bracketed_bands
from trial_audit.text.age_compare import (
    SideComparison,
    band_compatible,
    bound_matches,
    compare_prose,
    compare_side,
    fmt_years,
    with_criteria_boundaries,
)
from trial_audit.text.age_lost_comparator import resolve_lost_sides
from trial_audit.text.age_patterns import UNIT_YEARS
from trial_audit.text.age_phrases import Bound, StatedAge, find_ages, mark_alternatives

__all__ = [
    "BANDS",
    "UNIT_YEARS",
    "Bound",
    "SideComparison",
    "StatedAge",
    "band_compatible",
    "bound_matches",
    "compare_prose",
    "compare_side",
    "criteria_ages",
    "criteria_bands",
    "find_ages",
    "find_bands",
    "fmt_years",
    "prose_ages",
    "with_criteria_boundaries",
]


# --- per field -------------------------------------------------------------------------------


#: the structured (minimum, maximum) in years, None for an open side: settles the side of a lost comparator ("Age =18")
Structured = tuple[float | None, float | None]


def prose_ages(text: str | None, structured: Structured = (None, None)) -> tuple[StatedAge, ...]:
    """Numeric age limits stated in a summary / description."""
    if not text:
        return ()
    return mark_alternatives(resolve_lost_sides(merge_bracketed_bands(text, find_ages(text, "prose")), *structured))


def criteria_ages(text: str | None, markdown: bool = False, structured: Structured = (None, None)) -> tuple[StatedAge, ...]:
    """Numeric age limits stated in eligibility criteria, read section by section.

    In an exclusion section the sense of one-sided limits is inverted. Sections of kind
    "other" whose header says nothing about kind are read like inclusion criteria. ``structured``:
    the record's structured limits in years, which settle the side of a limit whose comparator an
    export wrote as "=" (:mod:`trial_audit.text.age_lost_comparator`).
    """
    if not text:
        return ()
    out: list[StatedAge] = []
    for kind, s, e, starts in _sections(text, markdown):
        mode = "exclusion" if kind == "exclusion" else ("inclusion" if kind == "inclusion" else "other")
        out.extend(find_ages(text, mode, s, e, starts))
    # (a second group's band in brackets, "7 to 16 (18 to 35 for women and volunteers)": one statement with the union)
    merged = merge_bracketed_bands(text, tuple(sorted(out, key=lambda a: a.start)))
    return mark_alternatives(resolve_lost_sides(merged, *structured))


def criteria_bands(text: str | None, markdown: bool = False) -> tuple[StatedAge, ...]:
    if not text:
        return ()
    out: list[StatedAge] = []
    for kind, s, e, _ in _sections(text, markdown):
        if kind != "exclusion":
            out.extend(find_bands(text, "inclusion" if kind == "inclusion" else "other", s, e))
    return tuple(out)


def _sections(text: str, markdown: bool):
    """(kind, start, end, item text starts) for each section of the criteria."""
    try:
        from trial_audit.text.criteria import doc_for
    except ImportError:  # pragma: no cover - the parser is part of the package
        doc_for = None
    if doc_for is not None:
        try:
            doc = doc_for(text, markdown)
            secs = []
            for sec in doc.sections:
                starts = frozenset(it.text_start for it in sec.iter_items())
                s = sec.start if sec.header_start is None else min(sec.start, sec.header_start)
                secs.append((sec.kind, s, sec.end, starts))
            if secs:
                # text before the first section (if any) is read as "other"
                if secs[0][1] > 0:
                    secs.insert(0, ("other", 0, secs[0][1], frozenset()))
                return secs
        except Exception:  # pragma: no cover - never fail on real text
            pass
    return _fallback_sections(text)


# a header at a line start; the blanks before it stay on its line (see _BAND_ITEM)
_HEADER = re.compile(r"(?im)^(?:[^\S\n]|[*#-])*(?:key\s+|main\s+)?(inclusion|exclusion|non-?inclusion)\s+criteria\b")


def _fallback_sections(text: str):
    heads = list(_HEADER.finditer(text))
    if not heads:
        return [("other", 0, len(text), frozenset())]
    out = []
    if heads[0].start() > 0:
        out.append(("other", 0, heads[0].start(), frozenset()))
    for i, h in enumerate(heads):
        e = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        kind = "inclusion" if h.group(1).lower() == "inclusion" else "exclusion"
        out.append((kind, h.start(), e, frozenset()))
    return out
