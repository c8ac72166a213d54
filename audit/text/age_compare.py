"""Comparing stated ages with a structured range: bounds, sides, bands, and the wording of ages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from trial_audit.text.age_bands import (
    BANDS,
)
from trial_audit.text.age_patterns import (
    UNIT_YEARS,
)
from trial_audit.text.age_phrases import (
    Bound,
    StatedAge,
)

# --- comparing -------------------------------------------------------------------------------


#: a stated maximum this high is no limit in practice ("18 to 99 years"): it agrees with an absent one
NO_PRACTICAL_MAX = 99.0


def _tolerance(a: float, b: float) -> float:
    return min(0.5, max(4 / 365.25, 0.05 * max(a, b)))


def bound_matches(stated: Bound, structured_years: float, side: str) -> bool:
    """Does a stated bound agree with a structured limit (in years)?

    Structured limits are whole values in one unit and inclusive. An inclusive stated bound
    must equal it (within rounding of units); an exclusive one may be entered either way:
    "over 18" as 18 or 19 years, "under 65" as 65 or 64 years (common registry practice).
    """
    if (
        side == "max"
        and stated.inclusive
        and abs(structured_years - round(structured_years)) < 1e-9
        and structured_years + 1e-9 < stated.years < structured_years + 1
    ):
        return True  # "10.0 to 14.9 years", "9 - 17.99", "24 years and 364 days" against a maximum of 14 / 17 / 24 Years
    candidates = [stated.years]
    if side == "max" and stated.from_more_than:
        candidates.append(stated.years - UNIT_YEARS[stated.unit])  # excluded "more than 80": a maximum of 79 agrees too
    if not stated.inclusive:
        step = UNIT_YEARS[stated.unit]
        candidates.append(stated.years + step if side == "min" else stated.years - step)
    return any(abs(c - structured_years) <= _tolerance(c, structured_years) for c in candidates)


def band_compatible(band: str, min_years: float | None, max_years: float | None) -> bool:
    """Is a band word ("adults", "children") compatible with a structured range?"""
    lo, hi = BANDS[band]
    mn = 0.0 if min_years is None else min_years
    mx = 200.0 if max_years is None else max_years
    return mn <= hi and mx >= lo


def fmt_years(y: float) -> str:
    if y >= 2 or abs(y - round(y)) < 1e-6:
        return f"{y:g} years" if abs(y - round(y)) > 1e-6 else f"{round(y)} years"
    months = y * 12
    if abs(months - round(months)) < 0.05:
        return f"{round(months)} months"
    return f"{y * 365.25:.0f} days"


@dataclass(frozen=True, slots=True)
class SideComparison:
    """How stated limits compare with a structured one, on one side ("min" or "max")."""

    side: str
    #: "absent" (nothing stated), "agree", "disagree", "missing-structured" (stated, but the
    #: structured field sets no limit on that side)
    status: str
    #: the statement to quote: the first one that disagrees (or the one stated where the
    #: structured field has no limit)
    witness: StatedAge | None = None
    #: the stated bound compared (None for a cross-side disagreement)
    bound: Bound | None = None


def compare_side(stated, min_years: float | None, max_years: float | None, side: str) -> SideComparison:
    """Compare numeric statements with a structured range on one side.

    A side agrees when ANY statement's bound on that side matches the structured limit (texts
    often give cohorts or parts different limits; the structured field should match one of
    them). When no statement bounds that side, it still disagrees when every statement lies
    wholly outside the structured range ("under 18 years" against a structured minimum of 18).
    A structured minimum that is absent is no limit: 0, so "from birth"/"0 days" agrees with it.
    """
    numeric = [s for s in stated if s.kind != "band"]
    claims = [s for s in numeric if s.claim]
    if len(claims) < len(numeric):
        # alternatives and subgroups ("Cohort 2: 0 days to < 12 years"): the side agrees when any
        # statement matches; otherwise the claims decide, and a subgroup only when it falls outside
        if _any_matches(numeric, min_years, max_years, side):
            return SideComparison(side, "agree")
        res = compare_side(claims, min_years, max_years, side) if claims else SideComparison(side, "absent")
        if res.status != "absent":
            return res
        return _subgroups_outside([s for s in numeric if not s.claim], min_years, max_years, side)
    bounds = [(s, getattr(s, side)) for s in numeric if getattr(s, side) is not None]
    # the inclusion criteria state the limit; a restatement in the exclusion criteria ("< 18 years" excluded) agrees
    # only when the inclusion criteria bound that side nowhere: "≥ 25 years" included with "< 18" excluded is 25
    if any(not s.inverted for s, _ in bounds):
        bounds = [(s, b) for s, b in bounds if not s.inverted]
    if side == "min":
        t = 0.0 if min_years is None else min_years
        if not bounds:
            return _cross(numeric, min_years, max_years, side)
        if any(bound_matches(b, t, "min") for _, b in bounds):
            return SideComparison(side, "agree")
        s, b = bounds[0]
        if min_years is None and max_years is not None and _lowest(b) > max_years + 1 + _tolerance(b.years, max_years):
            # "over 70" against no minimum and a maximum of 65: a contradiction of the maximum (reported on that
            # side), not a missing minimum; entering 70 as the minimum would make a range no one fits
            if _cross(numeric, min_years, max_years, "max").status == "disagree":
                return SideComparison(side, "absent")  # the maximum side reports it
            return SideComparison("max", "disagree", s, None)
        return SideComparison(side, "missing-structured" if min_years is None else "disagree", s, b)
    if not bounds:
        return _cross(numeric, min_years, max_years, side)
    if max_years is None:
        if any(b.years >= NO_PRACTICAL_MAX for _, b in bounds):
            return SideComparison(side, "agree")  # "18 to 99", "up to 120 years": no limit in practice
        s, b = bounds[0]
        if min_years is not None and _highest(b) < min_years - _tolerance(b.years, min_years):
            # "< 18 years" against a minimum of 18 and no maximum: it contradicts the minimum (reported on that
            # side); entering 18 as the maximum would leave a range no one fits
            if _cross(numeric, min_years, max_years, "min").status == "disagree":
                return SideComparison(side, "absent")  # the minimum side reports it
            return SideComparison("min", "disagree", s, None)
        return SideComparison(side, "missing-structured", s, b)
    if any(bound_matches(b, max_years, "max") for _, b in bounds):
        return SideComparison(side, "agree")
    s, b = bounds[0]
    return SideComparison(side, "disagree", s, b)


def _lowest(b: Bound) -> float:
    """The youngest age a lower bound admits, in years ("over 18" admits 18 years and a day... read as 18 + one unit)."""
    return b.years + (0 if b.inclusive else UNIT_YEARS[b.unit])


def _highest(b: Bound) -> float:
    """The oldest age an upper bound admits, in years ("under 18" admits up to 17)."""
    return b.years - (0 if b.inclusive else UNIT_YEARS[b.unit])


def _cross(numeric, min_years, max_years, side) -> SideComparison:
    """No statement bounds this side: disagree when every statement lies outside the range."""
    if side == "min" and min_years is not None:
        maxes = [s for s in numeric if s.max is not None]
        if (
            maxes
            and len(maxes) == len(numeric)
            and all(
                s.max.years + (0 if s.max.inclusive else -UNIT_YEARS[s.max.unit]) < min_years - _tolerance(s.max.years, min_years)
                for s in maxes
            )
        ):
            return SideComparison(side, "disagree", maxes[0], None)
    if side == "max" and max_years is not None:
        mins = [s for s in numeric if s.min is not None]
        if (
            mins
            and len(mins) == len(numeric)
            and all(
                s.min.years + (0 if s.min.inclusive else UNIT_YEARS[s.min.unit]) > max_years + 1 + _tolerance(s.min.years, max_years)
                for s in mins
            )
        ):
            return SideComparison(side, "disagree", mins[0], None)
    return SideComparison(side, "absent")


def compare_prose(stated, min_years: float | None, max_years: float | None, side: str) -> SideComparison:
    """Compare a summary's statements with a range (structured, or the criteria's).

    Statements in sentences that claim who may take part ("must be", "eligible", "to
    participate", "will enrol") are compared like criteria, except that an open-ended claim
    ("aged 18 and above") agrees with an absent maximum even when other claims name groups
    ("150 aged 18-59 and 50 aged 60 and above"). Other statements may describe a sub-group
    (a cohort, a stratum): they disagree only when they lie outside the range.
    """
    numeric = [s for s in stated if s.kind != "band"]
    claims = [s for s in numeric if s.claim]
    if not claims and _any_matches(numeric, min_years, max_years, side):
        return SideComparison(side, "agree")  # one of several groups ("those 21 to 34 were also eligible") matches
    if claims:
        if side == "max" and max_years is None and any(s.max is None and s.min is not None for s in claims):
            res = SideComparison(side, "agree")
        else:
            res = compare_side(claims, min_years, max_years, side)
            if res.status == "agree":
                structured = min_years if side == "min" else max_years
                bounds = [(s, getattr(s, side)) for s in claims if getattr(s, side) is not None and not s.inverted]
                res = _restated_otherwise(bounds, structured, side) or res
        if res.status != "absent":
            return res
    # a summary's other age mentions may describe anything (a cohort, another study): never a limit of their own
    return _subgroups_outside([s for s in numeric if not s.claim], min_years, max_years, side, union=False)


def _any_matches(numeric, min_years: float | None, max_years: float | None, side: str) -> bool:
    target = (0.0 if min_years is None else min_years) if side == "min" else max_years
    if target is None:
        return False
    return any(getattr(s, side) is not None and bound_matches(getattr(s, side), target, side) for s in numeric)


def _subgroups_outside(others, min_years: float | None, max_years: float | None, side: str, union: bool = True) -> SideComparison:
    """Statements that may describe a subgroup (a cohort, a stratum, one branch of an "or")
    disagree only when they fall outside the range. When the structured field leaves the side
    open but every group is bounded on it, their union still sets a limit there ("20-40 years"
    for experiment 1 and "45-75 years" for study 3 against no maximum)."""
    structured = min_years if side == "min" else max_years
    bounded = [s for s in others if getattr(s, side) is not None]
    # (exclusion statements read inverted are not groups of who may take part)
    if union and structured is None and len(others) >= 2 and len(bounded) == len(others) and not any(s.inverted for s in others):
        extreme = (min if side == "min" else max)(bounded, key=lambda s: getattr(s, side).years)
        b = getattr(extreme, side)
        if not (side == "min" and b.years <= 0) and not (side == "max" and b.years >= NO_PRACTICAL_MAX):
            return SideComparison(side, "missing-structured", extreme, b)
    seen = False
    for s in others:
        seen = seen or getattr(s, side) is not None
        if side == "min" and s.min is not None and min_years is not None:
            lo = s.min.years + (0 if s.min.inclusive else UNIT_YEARS[s.min.unit])
            if lo < min_years - _tolerance(lo, min_years) and not bound_matches(s.min, min_years, "min"):
                return SideComparison(side, "disagree", s, s.min)
        if side == "max" and s.max is not None and max_years is not None:
            hi = s.max.years - (0 if s.max.inclusive else UNIT_YEARS[s.max.unit])
            if hi > max_years + 1 + _tolerance(hi, max_years) and not bound_matches(s.max, max_years, "max"):
                return SideComparison(side, "disagree", s, s.max)
    return SideComparison(side, "agree" if seen else "absent")


def _restated_otherwise(bounds, structured: float | None, side: str) -> SideComparison | None:
    """A summary claims two limits on the same side, one matching the structured value and one not ("Eligible patients must be
    between 3 and 18 years" and later "We plan to recruit participants aged 13 years or older"): it contradicts itself and
    the structured value, and a reader may believe either. Only claims come here (limits that no one can meet together are
    groups, see ``mark_alternatives``). Not for the criteria: there two overlapping claims on one side are mostly cohorts
    without a header (patients 18 and older, healthy volunteers 2 and older; 39 such pairs on the tune part, all cohorts),
    and any of them matching is agreement."""
    if structured is None or len(bounds) < 2:
        return None
    for s, b in bounds:
        if not bound_matches(b, structured, side) and abs(b.years - structured) > 1 + _tolerance(b.years, structured):
            return SideComparison(side, "disagree", s, b)
    return None


def with_criteria_boundaries(
    prose: tuple[StatedAge, ...], criteria: tuple[StatedAge, ...], min_years: float | None, max_years: float | None
) -> tuple[StatedAge, ...]:
    """A summary's bounds, read with the inclusiveness the criteria give the same boundary where that explains an off-by-one
    with the structured value (the tenth round).

    A summary words a limit loosely ("between the ages of 18 and 65") where the criteria say exactly whether the boundary
    age is in or out ("Age 18 years or less" excluded: over 18); the structured minimum then follows the criteria (19 Years,
    NCT00009672). A summary bound at the same number, unit and side as an exclusive bound of the criteria, which as written
    misses the structured value by that one unit, is read as the criteria's exclusive bound: the structured value agrees with
    both. Any other bound keeps its reading (and its wording in messages): "18" in the summary against "over 21" in the
    criteria, or against an open structured side, is compared as written."""
    exclusive = {
        (side, b.value, b.unit)
        for c in criteria
        if c.kind != "band" and c.claim
        for side in ("min", "max")
        if (b := getattr(c, side)) is not None and not b.inclusive
    }
    if not exclusive:
        return prose
    structured = {"min": min_years, "max": max_years}
    out = []
    for s in prose:
        changes = {}
        for side in ("min", "max"):
            b, target = getattr(s, side), structured[side]
            if b is None or not b.inclusive or target is None or (side, b.value, b.unit) not in exclusive:
                continue
            loose = Bound(b.value, b.unit, False)
            if not bound_matches(b, target, side) and bound_matches(loose, target, side):
                changes[side] = loose
        out.append(replace(s, **changes) if changes else s)
    return tuple(out)
