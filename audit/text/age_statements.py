"""Ages stated in text as data: a bound, a stated limit, and which statements are alternatives.

Split from the extractor (``age_phrases``), which produces them; the comparison with the structured
fields (``age_compare``) and the rules read them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from trial_audit.text.age_patterns import UNIT_YEARS


@dataclass(frozen=True, slots=True)
class Bound:
    """One side of a stated limit."""

    value: float
    unit: str  # "year", "month", "week", "day", "hour"
    inclusive: bool
    #: a maximum read from "more than N" excluded or negated ("Exclusion: age more than 80 years", "must not be older
    #: than 80"): at most N as written in whole years, but anyone past their Nth birthday is "more than N" in exact
    #: age, so a structured maximum of N - 1 says the same (a boundary convention, not a contradiction)
    from_more_than: bool = False

    @property
    def years(self) -> float:
        return self.value * UNIT_YEARS[self.unit]

    def amount(self) -> str:
        v = int(self.value) if self.value == int(self.value) else self.value
        return f"{v} {self.unit}{'' if v == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class StatedAge:
    """An age limit stated in text: ``min`` and/or ``max``; offsets index the field's text."""

    start: int
    end: int
    text: str
    min: Bound | None
    max: Bound | None
    kind: str  # "range" | "min" | "max" | "band"
    section: str = "text"  # "inclusion" | "exclusion" | "other" | "text"
    band: str | None = None  # "adult", "child", "adolescent", "infant", "neonate", "older"
    inverted: bool = False  # read from an exclusion statement (sense inverted)
    #: prose only: the sentence claims who may take part ("must be", "eligible", "to participate",
    #: "will enrol"); other prose statements may describe a sub-group (cohorts, strata)
    claim: bool = True
    #: a one-sided limit whose comparator the export wrote as "=" ("Age =18 years"): read as "≥" by the extractor, its
    #: side is settled against the structured limits (``age_compare.resolve_lost_sides``)
    lost_comparator: bool = False

    def describe(self) -> str:
        if self.kind == "band":
            return f"{self.band}s" if self.band != "child" else "children"
        lo, hi = self.min, self.max
        if lo and hi:
            same_unit = lo.unit == hi.unit
            a = f"{lo.value:g}" if same_unit else lo.amount()
            return f"{'' if lo.inclusive else 'over '}{a} to {'' if hi.inclusive else 'under '}{hi.amount()}"
        if lo:
            return f"{'at least' if lo.inclusive else 'over'} {lo.amount()}"
        if hi:
            return f"{'at most' if hi.inclusive else 'under'} {hi.amount()}"
        return "?"


def _lo_eff(s: StatedAge, whole_units: bool = False) -> float:
    return s.min.years + (0 if s.min.inclusive else UNIT_YEARS[s.min.unit] if whole_units else 1e-6)


def _hi_eff(s: StatedAge, whole_units: bool = False) -> float:
    return s.max.years - (0 if s.max.inclusive else UNIT_YEARS[s.max.unit] if whole_units else 1e-6)


def mark_alternatives(stated: tuple[StatedAge, ...]) -> tuple[StatedAge, ...]:
    """Statements that no one can satisfy together are alternatives (branches of an "or", cohorts,
    strata), not limits that all apply: each is marked ``claim=False``, so that it is held to the
    structured range only when it falls outside it. Statements read inverted from exclusion
    criteria are never alternatives (they add to the inclusion limits)."""
    plain = [i for i, s in enumerate(stated) if s.kind != "band" and not s.inverted]
    alt = _disjoint(stated, plain, whole_units=False)
    # ages are counted in whole units: "> 49 years" admits from 50, "< 50 years" up to 49, so the two never meet (NCT00006251:
    # "Patients aged > 49 years and < 75 years" in one item, "Patients < 50 years of age" in another: two cohorts, not one
    # limit); counted so, only ages that do not even touch are alternatives ("over 49" and "under 51" both admit 50)
    alt |= _disjoint(stated, plain, whole_units=True, touching=False)
    if not alt:
        return stated
    return tuple(replace(s, claim=False) if i in alt else s for i, s in enumerate(stated))


def _disjoint(stated: tuple[StatedAge, ...], plain: list[int], whole_units: bool, touching: bool = True) -> set[int]:
    """The statements of ``plain`` that no one can meet together with another one (touching at one age counts when
    ``touching``)."""
    eps = 1e-9 if touching else -1e-9
    # (linear, not pairwise: a criteria text may hold thousands of statements) i is disjoint from some j when
    # its upper bound is below another statement's lower bound, or its lower bound above another's upper bound
    los = sorted(((_lo_eff(stated[i], whole_units), i) for i in plain if stated[i].min is not None), reverse=True)
    his = sorted((_hi_eff(stated[i], whole_units), i) for i in plain if stated[i].max is not None)

    def highest_lo_other(i: int) -> float | None:
        for v, j in los[:2]:
            if j != i:
                return v
        return None

    def lowest_hi_other(i: int) -> float | None:
        for v, j in his[:2]:
            if j != i:
                return v
        return None

    alt = set()
    for i in plain:
        s = stated[i]
        lo_j, hi_j = highest_lo_other(i), lowest_hi_other(i)
        # (bands that only touch at one age are alternatives too: "Adult >= 18 years" and "Child ages 4-18")
        if (s.max is not None and lo_j is not None and _hi_eff(s, whole_units) < lo_j + eps) or (
            s.min is not None and hi_j is not None and _lo_eff(s, whole_units) > hi_j - eps
        ):
            alt.add(i)
    return alt
