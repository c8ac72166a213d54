"""Values of the WHO ICTRP exports (XML, CSV, XLSX) as the source registries wrote them -> canonical values.

ICTRP passes each partner registry's text through: ages are "18 Years", "18", ">= 20age old",
"18Y", "19 Year(s)", "No limit"; dates are yyyy-mm-dd, dd/mm/yyyy, "January 1996", "April 1,
2020"; multi-line text is joined with ``<br>`` (after the registry's own line break, if any).
Everything here parses what it can and says what it cannot: nothing is guessed.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass

from trial_audit.core.ages import Age, parse_age
from trial_audit.core.dates import PartialDate, Precision, parse_date

# --- line breaks, with offsets mapped back to the source field -------------------------------

#: a registry line break as ICTRP writes it: "<br>" (after the registry's own newline, if any), or a bare newline
_BREAK = re.compile(r"(?:\r\n|\r|\n)?<br\s*/?\s*>|\r\n|\r|\n", re.I)  # CTRI writes "<br/ >"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of ``length`` characters of a canonical text copied verbatim from ``field`` at ``source_start``."""

    start: int
    field: str
    source_start: int
    length: int


def lines_of(raw: str) -> list[tuple[int, str]]:
    """The lines of an ICTRP text field and where each starts in the field (``<br>`` and newlines are breaks)."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _BREAK.finditer(raw):
        out.append((pos, raw[pos : m.start()]))
        pos = m.end()
    out.append((pos, raw[pos:]))
    return out


def unbreak(raw: str, field: str, base: int = 0, drop_prefix: int = 0) -> tuple[str, list[Segment]]:
    """An ICTRP text with ``<br>`` as line breaks, edge blank lines and common indentation removed.

    Returns the text and its segments (offset in the text -> offset in the source field), so a
    finding on the text can be pointed back at the field. ``drop_prefix`` characters at the
    start of the field are left out (an ICTRP label such as "Inclusion criteria: ").
    """
    lines = [(start, text) for start, text in lines_of(raw[drop_prefix:])]
    lines = [(start + drop_prefix, text.replace("\t", " ")) for start, text in lines]
    while lines and not lines[0][1].strip():
        lines.pop(0)
    while lines and not lines[-1][1].strip():
        lines.pop()
    indents = [len(t) - len(t.lstrip(" ")) for _, t in lines if t.strip()]
    cut = min(indents) if indents else 0
    parts: list[str] = []
    segments: list[Segment] = []
    pos = base
    for n, (start, text) in enumerate(lines):
        if n:
            parts.append("\n")
            pos += 1
        body = text[cut:].rstrip() if text.strip() else ""
        if body:
            segments.append(Segment(pos, field, start + cut, len(body)))
        parts.append(body)
        pos += len(body)
    return "".join(parts), segments


def source_offset(segments: list[Segment], offset: int) -> tuple[str, int] | None:
    """The source field and offset of a character of a canonical text built from segments."""
    starts = [s.start for s in segments]
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0:
        return None
    seg = segments[i]
    if offset >= seg.start + seg.length:
        return None  # a line break or a header the reader added
    return seg.field, seg.source_start + offset - seg.start


# --- the eligibility criteria ---------------------------------------------------------------

_LABEL = re.compile(r"^\s*(inclusion|exclusion)\s+criteria\s*:[ \t]*", re.I)
#: a field that opens with its own section header ("Inclusion Criteria:", "EXCLUSION CRITERIA -", the
#: header alone on its line) keeps it; one that opens with a sentence about the criteria ("Exclusion
#: criteria will include: ...") does not, and gets the reader's header (RBR-9y32yy, unseen judge).
_OWN_HEADER = re.compile(r"^\s*(?:key\s+|general\s+|main\s+)?(inclusion|exclusion)\s+criteria[ \t]*(?:[:：\-–—]|$)", re.I | re.M)
_EXCLUSION_HEADER = re.compile(r"^\s*(?:key\s+|main\s+)?exclusion\s+criteria\b", re.I | re.M)


@dataclass
class Criteria:
    text: str
    segments: list[Segment]
    sections: dict[str, tuple[int, int]]  # "inclusion"/"exclusion" -> (start, end) in text


def build_criteria(inclusion: str | None, exclusion: str | None, inc_field: str, exc_field: str) -> Criteria | None:
    """The canonical criteria text of an ICTRP record: each section under its header, ``<br>`` as line breaks.

    ICTRP prefixes each field with its own label ("Inclusion criteria: "); the label is dropped
    and a header line written instead (unless the registry's text starts with its own header, as
    ClinicalTrials.gov's does). ClinicalTrials.gov records carry both sections in the inclusion
    field and leave the exclusion field empty: their text is kept as it is.
    """
    text = ""
    segments: list[Segment] = []
    sections: dict[str, tuple[int, int]] = {}
    for name, raw, field in (("inclusion", inclusion, inc_field), ("exclusion", exclusion, exc_field)):
        if raw is None:
            continue
        label = _LABEL.match(raw)
        drop = label.end() if label and label.group(1).lower() == name else 0
        if not raw[drop:].strip() and drop == 0:
            continue
        if text:
            text += "\n\n"
        start = len(text)
        body, segs = unbreak(raw, field, 0, drop)
        if not _OWN_HEADER.match(body):
            text += f"{name.capitalize()} Criteria:" + ("\n" if body else "")
        segments.extend(Segment(s.start + len(text), s.field, s.source_start, s.length) for s in segs)
        text += body
        sections[name] = (start, len(text))
    if not text:
        return None
    return Criteria(text, segments, sections)


def has_exclusion_header(text: str) -> bool:
    return _EXCLUSION_HEADER.search(text) is not None


# --- ages ---------------------------------------------------------------------------------

#: "no limit" in the registries' own words (not a parse failure: the trial sets no limit)
NO_LIMIT = re.compile(
    r"^\s*(?:n/?a|na|none|no|no\s+limit|not\s+applicable|no\s+(?:maximum|minimum|max|min)(?:\s+age)?|"
    r"0\s+n/a\s*\(no\s+limit\)|not\s+stated|nil|-)\s*\.?\s*$",
    re.I,
)
#: "18", ">= 20age old", "18Y", "19 Year(s)", "18(Year)", "20years-old", "18 years old", "65 years."
_ICTRP_AGE = re.compile(
    r"^\s*(?:>=|=>|>|≥)?\s*([0-9]{1,3}(?:\.[0-9]+)?)\s*"
    r"(?:\(?\s*(years?|months?|weeks?|days?|hours?|y|m|w|d)\s*(?:\(s\))?\s*\)?)?"
    r"\s*(?:-?\s*(?:age\s+)?old)?\s*\.?\s*$",
    re.I,
)
_BARE_ZERO = re.compile(r"^\s*0+(?:\.0+)?\s*$")
_UNIT_WORD = {"y": "Years", "m": "Months", "w": "Weeks", "d": "Days"}


@dataclass(frozen=True, slots=True)
class AgeValue:
    age: Age | None  # None: no limit, or not readable (see ``unreadable``)
    raw: str
    no_limit: bool = False
    unreadable: bool = False
    bare_number: bool = False  # a number with no unit, read as years (ICTRP's registries give ages in years)
    zero_for_none: bool = False  # a maximum of "0": the registry's "no limit", not an age


def parse_ictrp_age(raw: str | None, maximum: bool = False) -> AgeValue | None:
    """An ICTRP age limit; None when the field is blank. A bare number is years; a bare "0" as
    the maximum is no limit (ReBEC and ChiCTR write 0 where they set none: no trial's maximum age is 0)."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if NO_LIMIT.match(text):
        return AgeValue(None, text, no_limit=True)
    if maximum and _BARE_ZERO.match(text):
        return AgeValue(None, text, no_limit=True, zero_for_none=True)
    standard = parse_age(text)
    if standard is not None:
        return AgeValue(standard, text)
    m = _ICTRP_AGE.match(text)
    if m is None:
        return AgeValue(None, text, unreadable=True)
    value, unit = m.group(1), m.group(2)
    word = "Years" if unit is None else _UNIT_WORD.get(unit.lower(), unit)
    parsed = parse_age(f"{value} {word}")
    if parsed is None:
        return AgeValue(None, text, unreadable=True)
    return AgeValue(Age(parsed.value, parsed.unit, text), text, bare_number=unit is None)


# --- dates --------------------------------------------------------------------------------

_SLASH = re.compile(r"^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s*$")
_SLASH_YMD = re.compile(r"^\s*([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})\s*$")
_COMPACT = re.compile(r"^\s*([0-9]{4})([0-9]{2})([0-9]{2})\s*$")
_US_STAMP = re.compile(r"^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?\s*[AP]M\s*$", re.I)


#: how a slashed date is read, recorded in the record's ``extra["date_conventions"]``
SLASHED_CONVENTION = "the ICTRP export's convention: dd/mm/yyyy, or yyyy/mm/dd when the year comes first (UMIN)"


@dataclass(frozen=True, slots=True)
class DateValue:
    date: PartialDate | None
    raw: str
    problem: str | None = None  # why it was not read (ambiguous, not a date)
    #: the other reading of a slashed date both of whose first numbers could be the month ("05/03/2020":
    #: read 5 March by the export's convention, 3 May month first), when no copy in the record settles it
    also: PartialDate | None = None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _day(year: int, month: int, day: int, raw: str) -> PartialDate:
    return PartialDate(year, month, day, Precision.DAY, None, raw)


def parse_ictrp_date(raw: str | None, compact: str | None = None) -> DateValue | None:
    """An ICTRP date; None when blank. ``compact`` is the export's own yyyymmdd twin of the same date
    (``Date_registration3`` beside ``Date_registration``).

    Slashed dates follow the export's convention, not the source registry's: dd/mm/yyyy for every
    source registry, yyyy/mm/dd where the year comes first (UMIN/JPRN-UMIN). So "03/04/2020" is
    read as 3 April 2020; what is reported is what is impossible under the convention (a month 13,
    31 February) or a date that contradicts its own yyyymmdd twin. A date that could also be read
    month first (both numbers 12 or less, and different) keeps that other reading in ``also``
    unless its yyyymmdd twin settles it, so that findings resting on it can say so.
    """
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if ymd := _SLASH_YMD.match(text):  # UMIN's year-first form
        year, month, day = int(ymd[1]), int(ymd[2]), int(ymd[3])
        if _valid(year, month, day):
            return DateValue(_day(year, month, day, text), text)
        return DateValue(None, text, f'"{text}" is not a date read year first (yyyy/mm/dd): {_impossible(month, day)}')
    m = _SLASH.match(text)
    if m is None:
        parsed = parse_date(text)
        if parsed is None and (c := _COMPACT.match(text)) and _valid(int(c[1]), int(c[2]), int(c[3])):
            parsed = _day(int(c[1]), int(c[2]), int(c[3]), text)
        if parsed is None:
            return DateValue(None, text, f'"{text}" is not a date')
        return DateValue(parsed, text)
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    if not _valid(year, month, day):
        return DateValue(
            None, text, f'"{text}" is not a date under the export\'s day-first convention (dd/mm/yyyy): {_impossible(month, day)}'
        )
    twin = _COMPACT.match(compact) if compact else None
    if twin is not None and (int(twin[1]), int(twin[2]), int(twin[3])) != (year, month, day):
        return DateValue(
            None,
            text,
            f'"{text}" (read day first, as the export writes it: {day} {_month(month)} {year}) contradicts the '
            f'export\'s own yyyymmdd date "{compact.strip() if compact else ""}" for the same field',
        )
    also = _day(year, day, month, text) if twin is None and day <= 12 and day != month else None
    return DateValue(_day(year, month, day, text), text, also=also)


def _impossible(month: int, day: int) -> str:
    return f"there is no month {month}" if not 1 <= month <= 12 else f"{_month(month)} has no day {day}"


def _month(n: int) -> str:
    return _dt.date(2000, n, 1).strftime("%B")


def parse_export_stamp(raw: str | None) -> PartialDate | None:
    """ICTRP's ``Export_date`` ("3/18/2020 6:53:35 PM": a US-style time stamp, month first)."""
    if raw is None:
        return None
    m = _US_STAMP.match(raw)
    if m is None:
        return parse_date(raw)
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    return _day(year, month, day, raw.strip()) if _valid(year, month, day) else None


# --- enumerations -----------------------------------------------------------------------------

_YES_LINE = re.compile(r"^\s*(female|male)\s*:\s*(yes|no)\s*$", re.I)


def parse_sex(raw: str | None) -> str | None:
    """ALL / FEMALE / MALE from "Both", "All", "Both males and females", "<br>Female: yes<br>Male: yes<br>"."""
    if raw is None or not raw.strip():
        return None
    lines = [t for _, t in lines_of(raw) if t.strip()]
    if lines and all(_YES_LINE.match(t) for t in lines):
        yes = {m[1].lower() for t in lines if (m := _YES_LINE.match(t)) and m[2].lower() == "yes"}
        return "ALL" if yes == {"female", "male"} else ("FEMALE" if yes == {"female"} else "MALE" if yes == {"male"} else None)
    low = " ".join(raw.lower().split())
    if low in ("both", "all", "both males and females", "male and female", "female and male", "males and females", "both sexes"):
        return "ALL"
    if low in ("female", "females", "women"):
        return "FEMALE"
    if low in ("male", "males", "men"):
        return "MALE"
    return None


def parse_status(raw: str | None) -> str | None:
    """Only what ICTRP's status says for certain: "Recruiting". "Not recruiting" may be not yet
    started, active or completed, and "Authorised" (EU register) is neither: both stay unmapped."""
    if raw is None:
        return None
    return "RECRUITING" if raw.strip().lower() == "recruiting" else None


def parse_study_type(raw: str | None) -> str | None:
    if raw is None:
        return None
    low = raw.lower()
    if "expanded access" in low:
        return "EXPANDED_ACCESS"
    if "interventional" in low:
        return "INTERVENTIONAL"
    if "observational" in low:
        return "OBSERVATIONAL"
    return None


_PHASE_WORD = re.compile(r"\bphase\s*([0-4]|i{1,3}|iv)\b", re.I)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_EU_PHASE_LINE = re.compile(r"\(phase\s+(i{1,3}|iv)\)\s*:\s*(yes|no)", re.I)
_NOT_APPLICABLE = re.compile(r"^\s*(?:n/?a|not\s+applicable)\s*$", re.I)


def parse_phases(raw: str | None) -> list[str] | None:
    """["PHASE2", "PHASE3"] from "Phase 2/Phase 3", "2", the EU register's "Therapeutic exploratory
    (Phase II): yes" lines; ["NA"] from "N/A"; None for what says no phase ("0", "Retrospective study")."""
    if raw is None or not raw.strip():
        return None
    text = raw.strip()
    if _NOT_APPLICABLE.match(text):
        return ["NA"]
    eu = _EU_PHASE_LINE.findall(text)
    if eu:
        return [f"PHASE{_ROMAN[p.lower()]}" for p, yes in eu if yes.lower() == "yes"] or None
    if text in ("1", "2", "3", "4"):
        return [f"PHASE{text}"]
    found = [_ROMAN.get(p.lower(), p) for p in _PHASE_WORD.findall(text)]
    phases = [f"PHASE{p}" for p in dict.fromkeys(found) if p != "0"]
    return phases or None


_GROUP_SIZE = re.compile(r"^\s*[^:;]{1,200}:\s*([0-9]{1,7})\s*$")


def parse_target_size(raw: str | None) -> int | None:
    """The target sample size: a number, or the sum of ChiCTR's per-group sizes ("group A:30;group B:30;")."""
    if raw is None:
        return None
    text = raw.strip().replace(",", "")
    if text.isascii() and text.isdigit():
        return int(text)
    parts = [p for p in text.split(";") if p.strip()]
    if not parts or len(parts) > 50:
        return None
    sizes = [_GROUP_SIZE.match(p) for p in parts]
    if all(sizes):
        return sum(int(m.group(1)) for m in sizes if m)
    return None


_OPEN, _CLOSE = "([{", ")]}"
#: an HTML entity ends at a ";" that is not a list separator ("&#32;", "&amp;")
_ENTITY_BEFORE = re.compile(r"&#?[A-Za-z0-9]{1,8}$")


#: a registry's condition categories, which ICTRP appends to the condition text after a ``<br>``
#: (ISRCTN's "Condition category" list, casefolded); "Not Applicable" is one of its values
CONDITION_CATEGORIES = {
    "ISRCTN": frozenset(
        c.casefold()
        for c in (
            "Cancer", "Circulatory System", "Congenital Disorders", "Digestive System", "Ear, Nose and Throat", "Eye Diseases",
            "Genetic Diseases", "Haematological Disorders", "Infections and Infestations", "Injury, Occupational Diseases, Poisoning",
            "Mental and Behavioural Disorders", "Musculoskeletal Diseases", "Neonatal Diseases", "Nervous System Diseases",
            "Not Applicable", "Nutritional, Metabolic, Endocrine", "Oral Health", "Pregnancy and Childbirth", "Respiratory",
            "Signs and Symptoms", "Skin and Connective Tissue Diseases", "Surgery", "Urological and Genital Diseases", "Other",
        )
    )
}  # fmt: skip


def split_list(raw: str | None) -> list[str]:
    """Items of an ICTRP list field: ``;`` or ``<br>`` separated, blanks and repeats dropped.

    A separator inside brackets ("Blood tests (CRP; ferritin)") or ending an HTML entity
    ("&#32;") does not split: cutting there would leave each part with a bracket of the other.
    """
    if raw is None:
        return []
    text = "\n".join(line for _, line in lines_of(raw))
    items: list[str] = []
    depth = 0
    start = 0

    def add(piece: str) -> None:
        p = " ".join(piece.split())
        if p and p not in items:
            items.append(p)

    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == "\n" or (ch == ";" and not _ENTITY_BEFORE.search(text, max(0, i - 10), i))):
            add(text[start:i])
            start = i + 1
    add(text[start:])
    return items
