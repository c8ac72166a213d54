"""Registry dates with their precision and their actual/estimated type.

Registries write dates as "2024-04", "2024-04-08", "April 2024", "Apr 8, 2024" or
"November 14, 2025". A month-precision date must never gain an invented day: two dates
are compared at the coarser of their two precisions, and equal-at-that-precision is
"not before and not after".
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateType(str, Enum):
    ACTUAL = "ACTUAL"
    ESTIMATED = "ESTIMATED"


# stdlib strptime formats, most common first; each maps to the precision it carries.
_FORMATS: tuple[tuple[str, Precision], ...] = (
    ("%Y-%m-%d", Precision.DAY),
    ("%Y-%m", Precision.MONTH),
    ("%B %d, %Y", Precision.DAY),
    ("%b %d, %Y", Precision.DAY),
    ("%B %Y", Precision.MONTH),
    ("%b %Y", Precision.MONTH),
    ("%d %B %Y", Precision.DAY),
    ("%d %b %Y", Precision.DAY),
    ("%Y/%m/%d", Precision.DAY),
    ("%B %d %Y", Precision.DAY),
    ("%b %d %Y", Precision.DAY),
    ("%Y", Precision.YEAR),
)

_ABSENT = {"", "not reported", "n/a", "na", "none", "unknown", "-", "--", "not available", "tbd"}
_SPACES = re.compile(r"\s+")
_PREFIX = re.compile(r"^ClinicalTrials\.gov processed this data on\s+", re.I)
# "2024-04-08T10:00:00Z", "2024-04-08 10:00" -> the date part (a timestamp's time is not a registry date)
_ISO_TIME = re.compile(r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9:.]+(Z|[+-][0-9:]+)?$")
# "Jan. 5, 2020", "Sept. 2019" -> "Jan 5, 2020", "Sep 2019"
_ABBR_DOT = re.compile(r"^([A-Za-z]{3,4})\.\s")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a given precision (the missing parts are unknown, not 1)."""

    year: int
    month: int | None
    day: int | None
    precision: Precision
    type: DateType | None = None
    raw: str = ""

    def key(self, precision: Precision) -> tuple[int, ...]:
        if precision is Precision.YEAR:
            return (self.year,)
        if precision is Precision.MONTH:
            return (self.year, self.month or 0)
        return (self.year, self.month or 0, self.day or 0)

    def compare(self, other: PartialDate) -> int:
        """-1, 0 or 1 comparing at the coarser precision of the two (0: same or undecidable)."""
        order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
        p = min(self.precision, other.precision, key=order.index)
        a, b = self.key(p), other.key(p)
        return (a > b) - (a < b)

    def is_before(self, other: PartialDate) -> bool:
        return self.compare(other) < 0

    def is_after(self, other: PartialDate) -> bool:
        return self.compare(other) > 0

    def to_date(self) -> _dt.date:
        """The first possible day; for tables and sorting only, never for rule logic."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso() + (f" ({self.type.value.lower()})" if self.type else "")


def normalise_type(value: str | None) -> DateType | None:
    """Registry date types: ACTUAL; ESTIMATED (v2), Anticipated (classic), Estimate (XML posted dates)."""
    if not value:
        return None
    v = value.strip().upper()
    if v == "ACTUAL":
        return DateType.ACTUAL
    if v in {"ESTIMATED", "ANTICIPATED", "ESTIMATE", "EXPECTED"}:
        return DateType.ESTIMATED
    return None


def is_absent(value: str | None) -> bool:
    if value is None:
        return True
    v = value.strip()
    return not v or (len(v) < 16 and _SPACES.sub(" ", v).lower() in _ABSENT)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> tuple[int, int | None, int | None, Precision] | None:
    for fmt, precision in _FORMATS:
        try:
            d = _dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return (
            d.year,
            d.month if precision is not Precision.YEAR else None,
            d.day if precision is Precision.DAY else None,
            precision,
        )
    return None


@lru_cache(maxsize=65536)
def parse_date(value: str | None, type_: str | DateType | None = None) -> PartialDate | None:
    """Parse a registry date; None when absent ("", "Not reported", ...) or not a date.

    Use :func:`is_absent` to tell "absent" from "present but unparseable".
    """
    if is_absent(value):
        return None
    text = _PREFIX.sub("", _SPACES.sub(" ", value.strip()))
    text = _ISO_TIME.sub(r"\1", text)
    text = _ABBR_DOT.sub(r"\1 ", text)
    text = text.replace("Sept ", "Sep ")
    parsed = _parse_text(text)
    if parsed is None:
        return None
    year, month, day, precision = parsed
    dtype = type_ if isinstance(type_, DateType) or type_ is None else normalise_type(type_)
    return PartialDate(year, month, day, precision, dtype, value.strip())


def today() -> PartialDate:
    d = _dt.date.today()
    return PartialDate(d.year, d.month, d.day, Precision.DAY, None, d.isoformat())


# --- arithmetic at a date's own precision (used by the timeline rules) --------------------


def add_months(d: PartialDate, months: int) -> PartialDate:
    """``d`` moved by whole months, keeping its precision (a day past the month's end is clamped)."""
    if d.precision is Precision.YEAR:
        return PartialDate(d.year + (months // 12 if months >= 0 else -((-months) // 12)), None, None, Precision.YEAR, d.type, d.raw)
    total = d.year * 12 + (d.month or 1) - 1 + months
    year, month = divmod(total, 12)
    month += 1
    day = None
    if d.precision is Precision.DAY:
        day = min(d.day or 1, _days_in_month(year, month))
    return PartialDate(year, month, day, d.precision, d.type, d.raw)


def add_days(d: PartialDate, days: int) -> PartialDate:
    """``d`` moved by ``days``. Coarser dates move by whole months (rounded up), never gaining a day."""
    if d.precision is Precision.DAY:
        x = d.to_date() + _dt.timedelta(days=days)
        return PartialDate(x.year, x.month, x.day, Precision.DAY, d.type, d.raw)
    months = -(-days // 30) if days >= 0 else -((-days) // 30)
    return add_months(d, months)


def is_past(d: PartialDate, now: PartialDate, grace_days: int = 0) -> bool:
    """True when ``d`` (plus ``grace_days``) is certainly before ``now`` at the coarser precision."""
    return add_days(d, grace_days).is_before(now) if grace_days else d.is_before(now)


def is_future(d: PartialDate, now: PartialDate) -> bool:
    """True when ``d`` is certainly after ``now`` at the coarser precision."""
    return d.is_after(now)


def older_than(d: PartialDate, now: PartialDate, months: int) -> bool:
    """True when ``d`` is certainly more than ``months`` months before ``now`` (at the coarser precision).

    A status verified "2024-10" is more than 12 months old on 2025-11-14 (every day of October 2024
    is), but "2024-11" is not decidable at month precision and does not count.
    """
    return add_months(d, months).is_before(now)


def _days_in_month(year: int, month: int) -> int:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - _dt.timedelta(days=1)).day
