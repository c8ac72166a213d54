"""Which side a limit is on when an export wrote its comparator as "=" ("Age =18 years").

ICTRP's downloads of ClinicalTrials.gov records replace "≥" and "≤" with "=" ("Age =18 years", "adult (=18 years old)",
"Adults = 16 years"): more than a hundred ICTRP records of the tune part state their age limit only so. The extractor
reads such a lone "=" as "≥" and marks the statement (``StatedAge.lost_comparator``); the side is settled here, against
the record's structured limits, before the statements are compared:

- the side whose structured value the number matches ("Age = 75 years" beside a structured maximum of 75 Years is a
  maximum): the record agrees with itself, whichever comparator was lost;
- otherwise the side whose structured value is nearer (an absent minimum counts as 0, an absent maximum as 120 years):
  "Age =25 years" against 18 Years to N/A contradicts the minimum, "Age = 70 years" against 18 to 80 Years the maximum.

A statement with both ends ("18 years old = age = 65 years old", "age = 18 years and = 75 years") is a range and needs
nothing from here. The rules say in their message that the comparator was lost and how it was read.
"""

from __future__ import annotations

from dataclasses import replace

from trial_audit.text.age_compare import bound_matches
from trial_audit.text.age_statements import StatedAge

#: an absent structured side, as a number of years to measure the distance to
_OPEN_MIN = 0.0
_OPEN_MAX = 120.0


def resolve_lost_sides(stated: tuple[StatedAge, ...], min_years: float | None, max_years: float | None) -> tuple[StatedAge, ...]:
    """``stated`` with each one-sided statement whose comparator was lost put on the side the structured limits suggest."""
    if not any(s.lost_comparator for s in stated):
        return stated
    return tuple(_resolved(s, min_years, max_years) if s.lost_comparator else s for s in stated)


def _resolved(s: StatedAge, min_years: float | None, max_years: float | None) -> StatedAge:
    if s.kind not in ("min", "max"):
        return s
    side = s.kind
    other = "max" if side == "min" else "min"
    b = s.min if side == "min" else s.max
    if b is None:
        return s
    target = {"min": min_years, "max": max_years}
    if target[side] is not None and bound_matches(b, target[side], side):
        return s
    if target[other] is not None and bound_matches(b, target[other], other):
        return _flipped(s)
    near = {
        "min": abs(b.years - (_OPEN_MIN if min_years is None else min_years)),
        "max": abs(b.years - (_OPEN_MAX if max_years is None else max_years)),
    }
    return _flipped(s) if near[other] < near[side] else s


def _flipped(s: StatedAge) -> StatedAge:
    """The same bound on the other side: "≥ N" read as "≤ N" (excluded, "max under N" becomes "min over N")."""
    return replace(s, min=s.max, max=s.min, kind="max" if s.kind == "min" else "min")


def lost_comparator_note(s: StatedAge) -> str:
    """How a statement with a lost comparator was read, for a finding's message ("" for any other statement)."""
    if not s.lost_comparator:
        return ""
    sign = "≥" if (s.min is not None) != s.inverted else "≤"
    return (
        f"; its '=' is read as '{sign}': the export lost the '≥' or '≤' the registry wrote, and the side is taken from the "
        "structured limits"
    )
