"""A second age band for one group, in brackets after the first (the tenth round of issue 20).

"Age: 7 to 16 (18 to 35 for women and volunteers)" (NCT00004335) admits two bands: children of 7 to 16, and women and
volunteers of 18 to 35. The structured range can hold only one interval, and it must cover everyone the criteria admit:
the union, 7 to 35. Read alone, the first band made the structured 35 look like a contradiction of "16"; the bracket was
not read at all (a unit-less number after a bracket has no anchor of its own).

:func:`merge_bracketed_bands` replaces a statement followed by such a bracket with one statement spanning both, whose
bounds are the union of the two bands. A bracket that gives no group ("(i.e. 18 to 35)", "(0.5 to 2 years)") is not a
band of another group and is left alone. A bound the bracket leaves out is the first band's ("18 to 65 years (up to 70
for healthy volunteers)" is 18 to 70) unless the bracket's band lies beyond the first band's other end ("12-17 years (18
years or older for the adult cohort)" is 12 and older); a side the first band leaves open stays open.
"""

from __future__ import annotations

import re
from dataclasses import replace

from trial_audit.text.age_statements import Bound, StatedAge

_UNIT = r"(?:years?|yrs?|y\.?o\.?|months?|mos?|weeks?|wks?|days?)"
_GROUP = (
    r"(?:the\s+)?(?:[A-Za-z'’/-]+\s+){0,4}?(?:volunteers|controls|women|men|girls|boys|females|males|patients|subjects|participants|"
    r"children|adults|adolescents|infants|siblings|relatives|parents|carriers|cases|(?:cohort|group|arm|part|stratum)\s+[A-Z0-9]{1,3})"
)
# (comparators before the number; the inclusiveness is read by _COMPARATOR below)
_PRE = r"(?:under|below|less\s+than|younger\s+than|up\s+to|over|above|older\s+than|more\s+than|greater\s+than|at\s+least|[<>]=?|[≤≥])"
_SUF = r"(?:or\s+(?:older|more|above|over|younger|less|below|under)|and\s+(?:older|over|above|up|under|younger|below)|\+)"
_BRACKET_BAND = re.compile(
    rf"[^\S\n]*(?:{_UNIT}[^\S\n]*)?(?:of\s+age[^\S\n]*|old[^\S\n]*)?\(\s*(?:(?P<g1>{_GROUP})\s*[:,-]?\s*)?(?:(?:aged?|ages)\s+)?"
    rf"(?P<pre>{_PRE})?\s*(?P<n1>[0-9]{{1,3}})(?:\s*(?P<u1>{_UNIT}))?"
    rf"(?:\s*(?:-|–|to|through)\s*(?P<n2>[0-9]{{1,3}})(?:\s*(?P<u2>{_UNIT}))?)?"
    rf"(?:\s*(?:years?\s+)?(?:of\s+age|old))?(?:\s*(?P<suf>{_SUF}))?"
    rf"\s*(?:(?:for|in|among)\s+(?P<g2>{_GROUP}))?\s*\)",
    re.I,
)
_MAX_WORD = re.compile(r"under|below|less|younger|up\s+to|<|≤", re.I)
_EXCLUSIVE_WORD = re.compile(r"under|below|less|younger|over|above|older\s+than|more|greater|^[<>]$", re.I)
_UNIT_OF = (("mo", "month"), ("w", "week"), ("d", "day"), ("y", "year"))


def _unit(text: str | None, default: str) -> str:
    if not text:
        return default
    low = text.lower()
    return next(u for prefix, u in _UNIT_OF if low.startswith(prefix)) if low[0] in "mwdy" else default


def _bracket_band(m: re.Match, default_unit: str) -> tuple[Bound | None, Bound | None]:
    """The band a bracket states: (min, max)."""
    n1 = float(m.group("n1"))
    u1 = _unit(m.group("u1") or m.group("u2"), default_unit)
    if m.group("n2"):
        return Bound(n1, u1, True), Bound(float(m.group("n2")), _unit(m.group("u2"), u1), True)
    pre, suf = m.group("pre"), m.group("suf")
    if pre:
        inclusive = not _EXCLUSIVE_WORD.search(pre.strip())
        return (None, Bound(n1, u1, inclusive)) if _MAX_WORD.search(pre) else (Bound(n1, u1, inclusive), None)
    if suf:
        upper = re.search(r"younger|less|below|under", suf, re.I)
        return (None, Bound(n1, u1, True)) if upper else (Bound(n1, u1, True), None)
    return None, None


def _union(a: Bound | None, b: Bound | None, side: str) -> Bound | None:
    """One side of the union of two bands: the wider bound; a band that leaves the side open keeps it open, a bracket that
    does not state the side takes the first band's."""
    if a is None or b is None:
        return a
    if side == "min":
        return a if a.years <= b.years else b
    return a if a.years >= b.years else b


def merge_bracketed_bands(text: str, stated: tuple[StatedAge, ...]) -> tuple[StatedAge, ...]:
    """Each statement followed by a bracket with another group's band becomes one statement with the union of both."""
    out: list[StatedAge] = []
    skip_until = -1
    for s in stated:
        if s.start < skip_until:
            continue  # a statement inside a bracket already merged ("(women and volunteers: 18 to 35 years)")
        m = None
        if s.kind != "band" and not s.inverted:
            m = _BRACKET_BAND.match(text, s.end, min(len(text), s.end + 160))
        if m is None or not (m.group("g1") or m.group("g2")):
            out.append(s)
            continue
        unit = (s.max or s.min).unit if (s.max or s.min) else "year"
        lo, hi = _bracket_band(m, unit)
        if lo is None and hi is None:
            out.append(s)
            continue
        new_min, new_max = _union(s.min, lo, "min"), _union(s.max, hi, "max")
        # a one-sided band beyond the other end of the first is open on its far side: "12-17 years (18 years or older for
        # the adult cohort)" admits everyone from 12 up; "(up to 70 for volunteers)" after "18 to 65" keeps the minimum
        if hi is None and lo is not None and s.max is not None and lo.years > s.max.years:
            new_max = None
        if lo is None and hi is not None and s.min is not None and hi.years < s.min.years:
            new_min = None
        if new_min is None and new_max is None:
            # the bands together leave no side bounded ("18 years or older (under 12 for children)"): the first is one group's
            out.append(replace(s, claim=False))
            continue
        kind = "range" if new_min and new_max else ("min" if new_min else "max")
        out.append(replace(s, end=m.end(), text=text[s.start : m.end()], min=new_min, max=new_max, kind=kind))
        skip_until = m.end()
    return tuple(out)
