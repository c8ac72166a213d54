"""Structured age limits ("18 Years", "6 Months", "28 Days", "N/A") in years, and the registry's age groups."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNIT_YEARS = {
    "year": 1.0,
    "month": 1 / 12,
    "week": 7 / 365.25,
    "day": 1 / 365.25,
    "hour": 1 / (365.25 * 24),
    "minute": 1 / (365.25 * 24 * 60),
}
_AGE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+?)s?\s*(?:old)?\s*$")

# ClinicalTrials.gov age groups (stdAges): CHILD 0-17, ADULT 18-64, OLDER_ADULT 65+.
STD_AGE_BANDS: dict[str, tuple[float, float]] = {
    "CHILD": (0.0, 17.999),
    "ADULT": (18.0, 64.999),
    "OLDER_ADULT": (65.0, 200.0),
}


@dataclass(frozen=True, slots=True)
class Age:
    value: float
    unit: str  # "year", "month", "week", "day", "hour", "minute"
    raw: str

    @property
    def years(self) -> float:
        return self.value * _UNIT_YEARS[self.unit]

    def __str__(self) -> str:
        v = int(self.value) if self.value == int(self.value) else self.value
        return f"{v} {self.unit}{'' if v == 1 else 's'}"


def parse_age(value: str | None) -> Age | None:
    """Parse a structured age; None for absent, "N/A" or anything that is not "<number> <unit>"."""
    if not value:
        return None
    m = _AGE.match(value)
    if not m:
        return None
    unit = m.group(2).lower()
    if unit not in _UNIT_YEARS:
        return None
    return Age(float(m.group(1)), unit, value.strip())


def std_age_groups(min_years: float | None, max_years: float | None) -> list[str]:
    """The age groups a [min, max] range overlaps, as the registry derives them."""
    lo = 0.0 if min_years is None else min_years
    hi = 200.0 if max_years is None else max_years
    return [g for g, (a, b) in STD_AGE_BANDS.items() if lo <= b and hi >= a]
