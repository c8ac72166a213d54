"""The bounds an age phrase states, once the extractor has decided it is an age limit of the trial.

:mod:`trial_audit.text.age_phrases` finds an age phrase and decides from its context whether it states a limit (its
anchors, the text around it, whose age it is); this module reads what the matched phrase says: its numbers (digits or
words), units and comparators, a range or one side, "18 years or older" after a range, the sense inverted in an
exclusion item ("age > 75" excluded: at most 75), the sense negated ("must not be older than 80").
"""

from __future__ import annotations

import re

from trial_audit.text.age_patterns import _GE_RE, _GT_RE, _LE_RE, _LOST_EQ_RE, _LT_RE, _RIGHT_OTHER_UNIT, _UNIT_KEY, NUM, NUMBER_WORDS, UNIT
from trial_audit.text.age_statements import Bound, StatedAge


def number_of(s: str | None) -> float | None:
    if not s:
        return None
    m = re.search(r"[0-9]+(?:\.[0-9]+)?", s)
    if m:
        return float(m.group(0))
    w = NUMBER_WORDS.get(re.sub(r"\s+", " ", s.strip().lower()))
    return None if w is None else float(w)


def unit_of(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip()
    for rx, u in _UNIT_KEY:
        if rx.match(s):
            return u
    return None


def comparator_of(s: str | None) -> str | None:
    """'ge' | 'gt' | 'le' | 'lt' for a comparator text."""
    if not s:
        return None
    s = s.strip()
    if _GE_RE.match(s) or _LOST_EQ_RE.match(s):
        return "ge"  # (a lone "=": the "≥" or "≤" an export lost, read as "≥" until the side is settled)
    if _LE_RE.match(s):
        return "le"
    if _GT_RE.match(s):
        return "gt"
    if _LT_RE.match(s):
        return "lt"
    # a side named before its number after an age label ("Age limits: lower 30 years, upper 50 years"): the pattern's
    # look-behind for the label's punctuation cannot be seen in the comparator's own text
    if _SIDE_MIN.match(s):
        return "ge"
    if _SIDE_MAX.match(s):
        return "le"
    return None


_SIDE_MIN = re.compile(r"^(?:minimum|min\.|lower)(?:\s+(?:limit|bound|end))?\s*[:=]?$", re.I)
_SIDE_MAX = re.compile(r"^(?:maximum|max\.|upper)(?:\s+(?:limit|bound|end))?\s*[:=]?$", re.I)


def reversed_statement(text: str, m: re.Match, mode: str) -> StatedAge | None:
    n1 = number_of(m.group("n1"))
    if n1 is None:
        return None
    u = unit_of(m.group("u1")) or unit_of(m.group("u2")) or "year"
    lo = Bound(n1, u, inclusive=not m.group("c1").strip().endswith("<"))
    hi = None
    lost = bool(_LOST_EQ_RE.match(m.group("c1").strip()))
    if m.group("n2"):
        n2 = number_of(m.group("n2"))
        if n2 is None:
            return None
        hi = Bound(n2, unit_of(m.group("u2")) or u, inclusive=not m.group("c2").strip().endswith("<"))
        if lost and _LOST_EQ_RE.match(m.group("c2").strip()) and lo.years > hi.years:
            lo, hi = hi, lo  # "80 years = age = 14 years": the export's "=" for "≥" both times (80 ≥ age ≥ 14)
        lost = False  # both ends written: a range whichever comparators were lost
    if mode == "exclusion":
        if hi is not None:
            return None
        # excluded: age > n1  -> allowed at most n1
        return StatedAge(
            m.start(),
            m.end(),
            m.group(0),
            None,
            Bound(lo.value, lo.unit, not lo.inclusive),
            "max",
            mode,
            inverted=True,
            lost_comparator=lost,
        )
    if lo.years > 120 or (hi and hi.years > 120):
        return None
    return StatedAge(m.start(), m.end(), m.group(0), lo, hi, "range" if hi else "min", mode, lost_comparator=lost)


#: the separators a run-on list's bullet looks like (a range "25 and 22" is never a bullet)
_BULLET_SEPARATORS = frozenset({"-", "–", "—", "―"})
#: a list item's number after a number: "2. Pneumonia", "2) Signed consent", "3.Confirmed" (a capital after the point)
_ITEM_NUMBER_AFTER = re.compile(r"(?:[.)][^\S\n]*[A-Z(]|\)[^\S\n]+[a-z])")
_POINT_AFTER = re.compile(rf"\s*(?:,\s*)?(?:or|and)\s+(?P<n>{NUM})\s*(?P<u>{UNIT})\s*(?:-|\s)?\s*(?:old|of\s+age)\b", re.I)


def stated_bounds(
    text: str,
    m: re.Match,
    mode: str,
    hi_lim: int,
    *,
    n1: float,
    u1: str | None,
    u2: str | None,
    pre: str | None,
    suf: str,
    anchored: bool,
    negated: bool,
    claim: bool,
) -> StatedAge | None:
    """The statement an accepted age phrase makes: a range, or one side with its inclusiveness.

    ``n1`` / ``u1`` / ``u2``: the first number and the units read; ``pre``: its comparator ('ge', 'gt', 'le', 'lt');
    ``suf``: a suffix such as "or older"; ``anchored``: the phrase is tied to an age ("age", "years of age"), so a
    reversed range is read as written; ``negated``: "must not be older than"; ``claim``: whether the statement claims who
    takes part. None when the phrase states no limit we can read (a range in an exclusion item, over 120 years).
    """
    g = m.group
    has_range = g("n2") is not None
    end = m.end()
    if (
        has_range
        and g("sep") in _BULLET_SEPARATORS
        and not g("u2")
        and not g("tail")
        and _ITEM_NUMBER_AFTER.match(text, m.end("n2"))
        and (number_of(g("n2")) or 0) < n1
    ):
        # "aged 18 years-65 years old - 2. Pneumonia …" (a list run into one line): the "2." that follows is the next
        # item's number, not the range's end; what is read is the first number's own side ("Age ≥ 18 years - 2. …")
        has_range = False
        end = max(x for x in (m.end("n1"), m.end("u1"), m.end("tail1")) if x >= 0)
    elif has_range and not g("u2") and _RIGHT_OTHER_UNIT.match(text[m.end("n2") : m.end("n2") + 12]):
        # "= 18 years of age and = 40 kg" (an export's "≥" twice): the second number is a weight, not the range's end
        has_range = False
        end = max(x for x in (m.end("n1"), m.end("u1"), m.end("tail1")) if x >= 0)
    if has_range:
        n2 = number_of(g("n2"))
        if n2 is None:
            return None
        unit2 = u2 or u1 or "year"
        unit1 = u1 or unit2
        if unit_of(g("u1")) is None and u2 and n1 > n2:
            unit1 = "year" if u2 != "year" else u2  # "1-6 months" keeps months; "2 - 6 months" same
        lo_b = Bound(n1, unit1, inclusive=pre != "gt")
        p2 = comparator_of(g("pre2"))
        hi_b = Bound(n2, unit2, inclusive=p2 != "lt")
        if lo_b.years > hi_b.years and not anchored:
            return None  # "65-18" with nothing tying it to an age: not a range
        # an anchored range whose ends are reversed ("Between the ages of 25 and 22", "17-11 years of age") is read as
        # written: its lower end contradicts a structured minimum, and the curator sees an impossible range quoted
        if lo_b.years > 120 or (hi_b.years > 125 and not (anchored and hi_b.years < 1000)):
            # an upper end past any human age, tied to an age ("aged 18-150 years", "age: 26 to 128"): the registrant's "no
            # maximum", compared as such (it agrees with an open maximum and contradicts a set one); the lower end still counts
            return None
        if mode == "exclusion":
            return None  # a range in an exclusion item is not a limit we can read safely
        e = m.end()
        pm = _POINT_AFTER.match(text, e, hi_lim)
        if pm and unit_of(pm.group("u")) and number_of(pm.group("n")) is not None:
            pb = Bound(number_of(pm.group("n")), unit_of(pm.group("u")), True)
            if pb.years > hi_b.years:
                hi_b, e = pb, pm.end()
        return StatedAge(m.start(), e, text[m.start() : e].rstrip(), lo_b, hi_b, "range", mode, claim=claim)

    unit = u1 or "year"
    b_in = True
    side = None
    if pre in ("ge", "gt"):
        side, b_in = "min", pre == "ge"
    elif pre in ("le", "lt"):
        side, b_in = "max", pre == "le"
    if suf:
        s_side = "min" if re.search(r"older|above|over|more|greater|upward|beyond|\+|plus|up\b|onward", suf) else "max"
        if side is None:
            side, b_in = s_side, True
    if side is None:
        return None
    lost = pre == "ge" and bool(_LOST_EQ_RE.match((g("pre") or "").strip()))  # "Age =18 years": which side is not written
    more_than = side == "min" and not b_in  # "more than N", "older than N", "> N": negated or excluded, a maximum of N
    if negated:
        side = "max" if side == "min" else "min"
        b_in = not b_in
    b = Bound(n1, unit, b_in, from_more_than=more_than and side == "max")
    if b.years > 120 or (b.years == 0 and side == "max"):
        return None
    if mode == "exclusion":
        # excluded "age > 75" -> eligible "at most 75"; excluded "under 18" -> "at least 18"
        nb = Bound(n1, unit, not b_in, from_more_than=more_than)
        if side == "min":
            return StatedAge(
                m.start(), end, text[m.start() : end].rstrip(), None, nb, "max", mode, inverted=True, claim=claim, lost_comparator=lost
            )
        return StatedAge(
            m.start(), end, text[m.start() : end].rstrip(), nb, None, "min", mode, inverted=True, claim=claim, lost_comparator=lost
        )
    if side == "min":
        return StatedAge(m.start(), end, text[m.start() : end].rstrip(), b, None, "min", mode, claim=claim, lost_comparator=lost)
    return StatedAge(m.start(), end, text[m.start() : end].rstrip(), None, b, "max", mode, claim=claim, lost_comparator=lost)
