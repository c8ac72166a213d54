"""Helpers shared by the age rules (TA2xx): structured limits as evidence, wording of findings."""

from __future__ import annotations

import re

from trial_audit.core.findings import Evidence
from trial_audit.core.model import TrialRecord
from trial_audit.text.age_patterns import NUMBER_WORDS
from trial_audit.text.age_text import (
    Bound,
    SideComparison,
    StatedAge,
    criteria_ages,
    criteria_bands,
    find_bands,
    prose_ages,
    with_criteria_boundaries,
)

#: structured age texts that mean "no limit"
#: "no limit" as registries write it; the last two are ICTRP partner registries' ("no maximum age": ISRCTN,
#: DRKS; "0 N/A (No limit)": JPRN)
ABSENT_AGE = re.compile(
    r"^\s*(?:n/?a|none|no\s+limit|not\s+applicable|-+|no\s+(?:maximum|minimum)\s+age|0\s+n/a\s*\(no\s+limit\))?\s*$", re.I
)

SUMMARY_LABELS = {
    "brief_summary": "brief summary",
    "detailed_description": "detailed description",
    "plain_summary": "patient-facing summary",
}


#: registry formats whose schema has the age fields and leaves one out when it sets no limit (the v2 API
#: omits ``maximumAge`` for "N/A"): a record in them always has structured limits, absent ones being none
FORMATS_WITH_AGE_FIELDS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml"})


def has_structured_limits(record: TrialRecord) -> bool:
    """The source gives the structured minimum or maximum age (a value or "N/A"), or is a registry format
    in which a left-out age field means no limit (a v2 study with neither field is open to every age)."""
    if record.minimum_age_raw is not None or record.maximum_age_raw is not None:
        return True
    return record.source.format in FORMATS_WITH_AGE_FIELDS


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


# --- one record's age statements, read once and shared by the rules of the record ------------


def record_criteria_ages(record: TrialRecord) -> tuple[StatedAge, ...]:
    """The numeric age limits the record's criteria state (section-aware)."""
    text = record.criteria
    if not text:
        return ()
    years = structured_years(record) or (None, None)  # (settles the side of an "=" an export wrote for "≥" / "≤")
    return record.analysis(("age.criteria_ages", text, years), lambda: criteria_ages(text, record.criteria_markdown, years))


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
    years = structured_years(record) or (None, None)
    return record.analysis(("age.prose_ages", field, text, years), lambda: prose_ages(text, years))


def record_summary_ages(record: TrialRecord, field: str) -> tuple[StatedAge, ...]:
    """A summary field's age statements as compared with the structured limits: a boundary the summary words loosely
    ("between the ages of 18 and 65") is read with the inclusiveness the criteria give the same age ("Age 18 years or less"
    excluded: over 18), so a structured 19 Years that follows the criteria agrees with both (tenth round, NCT00009672)."""
    years = structured_years(record) or (None, None)
    return with_criteria_boundaries(record_prose_ages(record, field), record_criteria_ages(record), *years)


def record_prose_bands(record: TrialRecord, field: str) -> tuple[StatedAge, ...]:
    """The band words of one summary field that restrict who takes part."""
    text = getattr(record, field, None)
    if not text:
        return ()
    return record.analysis(("age.prose_bands", field, text), lambda: find_bands(text, "prose"))


def outcome_phrase(record: TrialRecord, cmp: SideComparison, source: str, stated: tuple[StatedAge, ...] = ()) -> str:
    """What following the text would make of the structured range, in a curator's words.

    ``source``: "criteria" / "summary" (the text the statement comes from); ``stated``: that text's statements (a group's
    witness proposes the groups' union at the other end)."""
    if cmp.bound is None:
        # the statement lies wholly on the other side of the structured limit ("< 18 years" vs a minimum of 18)
        if cmp.side == "min":
            return f"Everyone admitted by the {source} is younger than the structured minimum age: the two contradict each other."
        return f"Everyone admitted by the {source} is older than the structured maximum age: the two contradict each other."
    b = cmp.bound
    stated_ages = stated
    stated = _stated_amount(b, cmp.side)
    lo = stated if cmp.side == "min" else _other_side(record, cmp, "min", stated_ages)
    hi = stated if cmp.side == "max" else _other_side(record, cmp, "max", stated_ages)
    verb = "Entering it" if cmp.status == "missing-structured" else f"Matching the {source}"
    return f"{verb} would make the structured range {lo} to {hi}."


def _stated_amount(b: Bound, side: str) -> str:
    return b.amount() if b.inclusive else f"{'over' if side == 'min' else 'under'} {b.amount()}"


def _other_side(record: TrialRecord, cmp: SideComparison, side: str, stated: tuple[StatedAge, ...]) -> str:
    """The other end of the range that following the text would make. Where the structured field leaves that end open, the
    text's own bound there: the statement's ("between the ages of 18 and 65" against 19 Years to N/A keeps its 65; the tenth
    round: the message had proposed "18 years to no maximum", which the text does not say), or for a group's statement the
    groups' union ("18-30" and "50-65" make 18 to 65), open when a group leaves it open. A set structured value that the
    rule did not find contradicted stays as entered."""
    age = record.minimum_age if side == "min" else record.maximum_age
    if age is not None:
        return record.minimum_age_raw if side == "min" else record.maximum_age_raw
    w = cmp.witness
    b = getattr(w, side) if w is not None else None
    if w is not None and not w.claim:
        groups = [s for s in stated if s.kind != "band" and not s.claim and not s.inverted] or [w]
        bounds = [getattr(s, side) for s in groups]
        b = None if any(x is None for x in bounds) else (min if side == "min" else max)(bounds, key=lambda x: x.years)
    # (0 as a minimum and 99 or more as a maximum are no limit in practice: "18 to 99" against N/A stays "no maximum")
    if b is not None and not (b.years <= 0 if side == "min" else b.years >= 99):
        return _stated_amount(b, side)
    return "no minimum" if side == "min" else "no maximum"


_NUMBER_NAMES = {v: k for k, v in NUMBER_WORDS.items()}
# an age word next to the number: "age nine to 18", "80 years old", "greater than 18 years"
_AGE_WORD_BEFORE = re.compile(r"\bage[sd]?\b[^.;\n]{0,25}$", re.I)
_AGE_WORD_AFTER = re.compile(r"^[^.;\n]{0,25}?\b(?:years?|yrs?|old|months?|weeks?|days?)\b", re.I)


def names_same_ages(text: str | None, s: StatedAge) -> bool:
    """Does ``text`` name every bound of ``s`` as an age (digits or a number word next to an age word)?

    The extractor reads only limits it is sure of; a summary that says "Children age nine to 18" or
    "... and 80 years old will be considered" states the same range as the criteria even when it yields no
    statement, so a message must not call it agreement with an absent structured value."""
    bounds = [b for b in (s.min, s.max) if b is not None]
    if not text or not bounds:
        return False
    for b in bounds:
        if b.value != int(b.value):
            return False
        names = [str(int(b.value))] + ([_NUMBER_NAMES[int(b.value)]] if int(b.value) in _NUMBER_NAMES else [])
        rx = re.compile(r"(?<![0-9.A-Za-z])(?:" + "|".join(names) + r")(?![0-9A-Za-z])", re.I)
        if not any(
            _AGE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start()) or _AGE_WORD_AFTER.match(text, m.end(), m.end() + 40)
            for m in rx.finditer(text)
        ):
            return False
    return True


def open_side_groups(other: tuple[StatedAge, ...], cmp: SideComparison, mn: float | None, mx: float | None, other_label: str) -> str | None:
    """Which side to blame when the structured field leaves the side open and the other text "agrees" with it.

    Against an open side, statements of groups (one cohort, one kind of participant) agree because none lies outside the
    range: that means no contradiction was found, not that the other text states no limit. When it bounds the side for its
    groups, saying that it "agrees with the structured value" would blame the wrong side (NCT00005907: the summary's 5 to 60
    years is the criteria's transplant patients' range, the structured limits are N/A). None when the side is not open or
    the other text bounds it nowhere."""
    if (mn if cmp.side == "min" else mx) is not None or cmp.bound is None:
        return None
    bounds = [
        b
        for s in other
        if s.kind != "band" and (b := getattr(s, cmp.side)) is not None and not (b.years <= 0 if cmp.side == "min" else b.years >= 99)
    ]
    if not bounds:
        return None
    if any(abs(b.years - cmp.bound.years) < 0.5 for b in bounds):
        return f"The {other_label} state the same age for a group of participants, so the structured value is likely what is missing; correct it."
    return f"The {other_label} state other ages for groups of participants; check the protocol and correct whichever is wrong."
