"""Shared helpers for the text-hygiene rules (TA7xx) and the completeness rules (TA6xx).

``text_fields(record)`` lists every free-text value a reader shows to people, under its
canonical field name (``brief_title``, ``conditions[2]``, ``officials[0].name`` ...), together
with whether that text is Markdown *source* in the record's format (where ``\\>`` is a
legitimate escape, not a leak).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from trial_audit.text.lexicon import PLACEHOLDER_VALUES

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord

#: Long text fields whose v2 JSON value is Markdown ("markup" type in the API v2 data model).
#: Titles, names and list values are plain text in every format.
V2_MARKDOWN_FIELDS = frozenset({"brief_summary", "detailed_description", "criteria"})

#: Scalar plain/markup text fields, in reading order.
SCALAR_TEXT_FIELDS = (
    "brief_title",
    "official_title",
    "acronym",
    "sponsor",
    "sponsor_description",
    "why_stopped",
    "brief_summary",
    "detailed_description",
    "plain_summary",
    "criteria",
)

#: Registry character limits (ClinicalTrials.gov PRS data element definitions).
FIELD_LIMITS = {
    "brief_title": 300,
    "official_title": 600,
    "brief_summary": 5000,
    "detailed_description": 32000,
    "criteria": 20000,
}


#: Formats whose long text fields hold the registry's Markdown source: API v2 JSON, and the CSV
#: export of the current ClinicalTrials.gov site (its "Brief Summary" column is the v2 Markdown).
MARKDOWN_FORMATS = frozenset({"ctgov-v2", "ctgov-csv"})


def is_markdown_field(record: TrialRecord, name: str) -> bool:
    """True when the field's text is Markdown source in this record's format."""
    if name == "criteria" and record.criteria_markdown:
        return True
    return record.source.format in MARKDOWN_FORMATS and name in V2_MARKDOWN_FIELDS


_last: tuple[TrialRecord | None, list[tuple[str, str, bool]]] = (None, [])


def text_fields(record: TrialRecord) -> list[tuple[str, str, bool]]:
    """``(canonical field name, text, is_markdown)`` for every non-empty text value.

    The text rules run one after another on the same record, so the list of the last record
    is kept (records are not changed by rules).
    """
    global _last
    last = _last  # read once: safe if rules run in threads
    if last[0] is record:
        return last[1]
    fields = list(_iter_text_fields(record))
    _last = (record, fields)
    return fields


def _iter_text_fields(record: TrialRecord) -> Iterator[tuple[str, str, bool]]:
    for name in SCALAR_TEXT_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str) and value:
            yield name, value, is_markdown_field(record, name)
    markdown_source = record.source.format in MARKDOWN_FORMATS
    for name in ("conditions", "keywords", "collaborators", "primary_outcomes"):
        # outcome measures are Markdown in v2 and in the exports made from it; names are not
        markdown = markdown_source and name == "primary_outcomes"
        for i, value in enumerate(getattr(record, name, None) or ()):
            if isinstance(value, str) and value:
                yield f"{name}[{i}]", value, markdown
    for i, iv in enumerate(record.interventions or ()):
        if iv.name:
            yield f"interventions[{i}].name", iv.name, False
    for i, off in enumerate(record.officials or ()):
        if off.name:
            yield f"officials[{i}].name", off.name, False
        if off.affiliation:
            yield f"officials[{i}].affiliation", off.affiliation, False
    for i, loc in enumerate(record.locations or ()):
        for attr in ("facility", "city", "state", "country"):
            value = getattr(loc, attr)
            if value:
                yield f"locations[{i}].{attr}", value, False
    for i, c in enumerate(record.central_contacts or ()):
        if c.name:
            yield f"central_contacts[{i}].name", c.name, False


# --- placeholders ---------------------------------------------------------------------

#: the placeholder values, shared with the name checks (text/lexicon.py)
_PLACEHOLDER_TOKENS = PLACEHOLDER_VALUES
_TRIM = re.compile(r"^[\s\"'`<>\[\](){}]+|[\s\"'`<>\[\](){}]+$")


#: what a placeholder can start with (after blanks): its own first letter, or a bracket or quote
_PLACEHOLDER_FIRST = frozenset({t[0] for t in _PLACEHOLDER_TOKENS} | {t[0].upper() for t in _PLACEHOLDER_TOKENS} | set("\"'`<>[](){}"))


def placeholder_token(value: str | None) -> str | None:
    """The placeholder a value consists of ("N/A", "null", "TBD" ...), else None."""
    if value is None or len(value) > 40:
        return None
    v = value.strip()
    if not v or len(v) > 24 or v[0] not in _PLACEHOLDER_FIRST:  # most values: a city, a name
        return None
    low = v.lower()
    if low in _PLACEHOLDER_TOKENS:
        return v
    if v[0].isalnum() and v[-1].isalnum():
        return None
    core = _TRIM.sub("", v).lower() or low
    if core in _PLACEHOLDER_TOKENS or v.lower() in _PLACEHOLDER_TOKENS:
        return v
    return None


# --- format coverage (which items a source format can carry) ----------------------------
#
# Completeness rules must never demand what a format cannot carry. Registry formats (API v2,
# classic JSON, legacy XML) carry every item checked here. A ClinicalTrials.gov CSV export carries
# only the columns chosen at export time; the patient-facing page only the sections it shows.
# (No format read here carries the WHO "ethics review" item, so it is never demanded.)

#: item -> CSV export column that carries it
CSV_COLUMNS = {
    "brief_title": "Study Title",
    "official_title": None,
    "sponsor": "Sponsor",
    "conditions": "Conditions",
    "interventions": "Interventions",
    "criteria": None,
    "study_type": "Study Type",
    "start": "Start Date",
    "enrollment": "Enrollment",
    "overall_status": "Study Status",
    "primary_outcomes": "Primary Outcome Measures",
    "contacts": None,
    "locations": "Locations",
    "countries": "Locations",
    "keywords": None,
    "phases": "Phases",
    "ipd_sharing": None,
}
#: columns of the smallest CSV export seen (NCT Number, Study Title, Study URL, Study Status,
#: Conditions, Interventions, Sponsor, Collaborators, Study Type): assumed when the reader does not
#: say which columns the file had
CSV_MINIMAL = frozenset({"Study Title", "Study Status", "Conditions", "Interventions", "Sponsor", "Study Type"})
#: item -> the page reader's provenance key that shows the page has that section
PAGE_KEYS = {
    "brief_title": "brief_title",
    "sponsor": "sponsor",
    "overall_status": "overall_status",
    "keywords": "keywords",
    "criteria": "criteria",
    "locations": "locations",
    "countries": "locations",
    "start": "dates.start",
    "contacts": None,
}
_FULL_FORMATS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml"})


#: statuses under which the registry itself withholds the record's content (unapproved devices)
_WITHHELD = frozenset({"WITHHELD"})
#: items an expanded-access record does not have (no enrolment, dates or outcomes of a study)
_NOT_FOR_EXPANDED_ACCESS = frozenset({"start", "enrollment", "primary_outcomes", "countries", "phases"})


def carries(record: TrialRecord, item: str) -> bool:
    """Whether the record's source format can carry ``item`` at all (see the table in the docs).

    Also False where the item does not apply: a record whose content the registry withholds
    (status WITHHELD), and study items of an expanded-access record.
    """
    if record.overall_status in _WITHHELD:
        return False
    if record.study_type == "EXPANDED_ACCESS" and item in _NOT_FOR_EXPANDED_ACCESS:
        return False
    carried = record.extra.get("carries")
    if carried is not None:  # a reader that says which items its record can carry (ICTRP, DRKS, criteria tables)
        return item in carried
    fmt = record.source.format
    if fmt == "ctgov-csv":
        col = CSV_COLUMNS.get(item)
        if col is None:
            return False
        columns = record.extra.get("columns")
        if columns is not None:
            return col in columns
        return col in CSV_MINIMAL or item in record.provenance
    if fmt == "page-text":
        key = PAGE_KEYS.get(item)
        return key is not None and (key in record.provenance or key in record.declared_absent)
    # registry formats, and anything else (rule examples): every item is carried
    return True


def absent_evidence(record: TrialRecord, name: str):
    """Evidence for a missing value: what the source shows instead ("" or "Not reported")."""
    from trial_audit.core.findings import Evidence

    shown = record.declared_absent.get(name)
    if shown is None and name == "start":
        shown = record.declared_absent.get("dates.start")
    return Evidence(name, shown or "", 0, 0)


# --- invisible control characters -----------------------------------------------------
#
# Characters that are not shown but change what is shown: the bidirectional embedding, override
# and isolate controls (U+202A-U+202E, U+2066-U+2069) reorder the text around them ("Trojan
# Source"), and C0/C1 control characters, DEL, a byte order mark inside text and the interlinear
# annotation marks hide or garble it. Tab, line feed and carriage return are ordinary layout.
# Left out on purpose: the directional marks LRM/RLM/ALM and the zero-width (non-)joiners,
# which Arabic, Hebrew, Persian and Indic text needs, and the zero-width space (used in Thai).

INVISIBLE_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]")

_CONTROL_NAMES = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
    0xFEFF: "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
    0xFFF9: "INTERLINEAR ANNOTATION ANCHOR",
    0xFFFA: "INTERLINEAR ANNOTATION SEPARATOR",
    0xFFFB: "INTERLINEAR ANNOTATION TERMINATOR",
    0x7F: "DELETE",
}


def is_bidi_control(ch: str) -> bool:
    return 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069


def control_name(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+0007 control character' ..."""
    code = ord(ch)
    return f"U+{code:04X} {_CONTROL_NAMES.get(code, 'control character')}"


def show_controls(text: str) -> str:
    """The text with every invisible control written visibly as ``⟨U+202E⟩`` (for reports)."""
    if not text or not INVISIBLE_CONTROLS.search(text):
        return text
    return INVISIBLE_CONTROLS.sub(lambda m: f"⟨U+{ord(m.group(0)):04X}⟩", text)
