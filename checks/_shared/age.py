"""Helpers shared by the age rules (TA2xx): structured limits as evidence, wording of findings."""

from __future__ import annotations

import re

from trial_audit.core.findings import Evidence
from trial_audit.core.model import TrialRecord
from trial_audit.text.age_text import Bound, SideComparison, StatedAge, criteria_ages, criteria_bands, find_bands, fmt_years, prose_ages

#: structured age texts that mean "no limit"
ABSENT_AGE = re.compile(r"^\s*(?:n/?a|none|no\s+limit|not\s+applicable|-+)?\s*$", re.I)

SUMMARY_LABELS = {
    "brief_summary": "brief summary",
    "detailed_description": "detailed description",
    "plain_summary": "patient-facing summary",
}


def has_structured_limits(record: TrialRecord) -> bool:
    """The source gives the structured minimum or maximum age (a value or "N/A")."""
    return record.minimum_age_raw is not None or record.maximum_age_raw is not None


def structured_years(record: TrialRecord) -> tuple[float | None, float | None] | None:
    """(min, max) in years, None for no limit; None when a present value cannot be read."""
    for raw, parsed in ((record.minimum_age_raw, record.minimum_age), (record.maximum_age_raw, record.maximum_age)):
        if raw is not None and parsed is None and not ABSENT_AGE.match(raw):
            return None  # unreadable: TA206 reports it
    mn = record.minimum_age.years if record.minimum_age else None
    mx = record.maximum_age.years if record.maximum_age else None
    return mn, mx


def structured_evidence(record: TrialRecord, side: str) -> Evidence:
    name = "minimum_age" if side == "min" else "maximum_age"
    raw = getattr(record, name + "_raw")
    if raw is None or ABSENT_AGE.match(raw):
        return Evidence(name, raw or record.declared_absent.get(name, ""), 0, 0)
    return Evidence(name, raw, 0, len(raw))


def structured_label(record: TrialRecord, side: str) -> str:
    raw = record.minimum_age_raw if side == "min" else record.maximum_age_raw
    if raw is None or ABSENT_AGE.match(raw):
        return "not set (no limit)" if raw is None else f"{raw!r} (no limit)"
    return repr(raw)


def bound_phrase(b: Bound, side: str) -> str:
    """'a minimum age of 18 years' / 'a maximum age under 65 years'."""
    word = "minimum" if side == "min" else "maximum"
    if b.inclusive:
        return f"a {word} age of {b.amount()}"
    return f"a {word} age {'over' if side == 'min' else 'under'} {b.amount()}"


def statement_phrase(s: StatedAge, cmp: SideComparison) -> str:
    if cmp.bound is not None:
        return bound_phrase(cmp.bound, cmp.side)
    return f"ages {s.describe()}"


def span_evidence(field: str, text: str, s: StatedAge) -> Evidence:
    return Evidence.span(field, text, s.start, s.end)


def unit_typo(b: Bound | None, record: TrialRecord, side: str) -> bool:
    """The structured value has the stated number in another unit ("18 Months" for 18 years)."""
    age = record.minimum_age if side == "min" else record.maximum_age
    return bool(b and age and abs(age.value - b.value) < 1e-9 and age.unit != b.unit)


def years_phrase(y: float | None) -> str:
    return "no limit" if y is None else fmt_years(y)


# --- one record's age statements, read once and shared by the rules of the record ------------


def record_criteria_ages(record: TrialRecord) -> tuple[StatedAge, ...]:
    """The numeric age limits the record's criteria state (section-aware)."""
    text = record.criteria
    if not text:
        return ()
    return record.analysis(("age.criteria_ages", text), lambda: criteria_ages(text, record.criteria_markdown))


def record_criteria_bands(record: TrialRecord) -> tuple[StatedAge, ...]:
    """Band words ("adults", "children") that restrict eligibility in the record's criteria."""
    text = record.criteria
    if not text:
        return ()
    return record.analysis(("age.criteria_bands", text), lambda: criteria_bands(text, record.criteria_markdown))


def record_prose_ages(record: TrialRecord, field: str) -> tuple[StatedAge, ...]:
    """The numeric age statements of one summary field of the record."""
    text = getattr(record, field, None)
    if not text:
        return ()
    return record.analysis(("age.prose_ages", field, text), lambda: prose_ages(text))


def record_prose_bands(record: TrialRecord, field: str) -> tuple[StatedAge, ...]:
    """The band words of one summary field that restrict who takes part."""
    text = getattr(record, field, None)
    if not text:
        return ()
    return record.analysis(("age.prose_bands", field, text), lambda: find_bands(text, "prose"))
