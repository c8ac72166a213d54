"""The patient-facing trial page as text (ClinConnect style) -> TrialRecord.

The page is a header (``Search / Trial NCT...``, the title, ``Launched by <SPONSOR> · <date>``)
followed by sections, each introduced by a heading line: Trial Information, Keywords,
ClinConnect Summary, Gender, Eligibility criteria, About <Sponsor>, Locations, Patients
applied, Trial Officials, Timeline. Sections are found by their headings, so their order does
not matter, missing sections are simply missing, and sections the reader does not know are
kept aside (``extra["unknown_sections"]``) without disturbing the others.

Every value remembers where it starts in the file (``source_offsets``, a character offset in
the decoded text; field texts use ``\\n`` line ends even when the file uses ``\\r\\n``, so map
an offset inside a field to the file line by line) and its provenance (``page:<heading>``).

The header's launch date is a *display* date (``display_dates["header_launch"]``); the
timeline's dates are the record's dates. A timeline label followed by no value, or by
"Not reported", is recorded as absent (``declared_absent["dates.<name>"]``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from trial_audit.core.dates import DateType, is_absent, parse_date
from trial_audit.core.model import OVERALL_STATUSES, Location, Official, Source, TrialRecord, enum_token, norm_sex, norm_status

FORMAT = "page-text"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SEARCH = re.compile(r"^\s*Search\s*/\s*Trial\s+(NCT[0-9]{8})\b")
_LAUNCHED = re.compile(r"^\s*Launched by\s+(?P<sponsor>.+?)\s*[\u00b7\u2022|]\s*(?P<date>.+?)\s*$")
_CURRENT = re.compile(r"^\s*Current as of\s+(?P<date>.+?)\s*$", re.I)
_APPLIED = re.compile(r"^\s*([0-9][0-9,]*)(?:\s+(?:patients?|people|participants?)\s+applied)?\s*$", re.I)
_ROLE = re.compile(
    r"^\s*(principal investigator|sub-?investigator|study director|study chair|study coordinator|"
    r"investigator|co-?investigator|central contact|contact|study contact|responsible party)\s*$",
    re.I,
)
# a heading the reader does not parse: a short Title-like line
_HEADING_LIKE = re.compile(r"^[A-Z][A-Za-z&'/\- ]{1,38}[A-Za-z]$")

# heading text (lower case) -> section key
HEADINGS = {
    "trial information": "info",
    "keywords": "keywords",
    "clinconnect summary": "summary",
    "gender": "gender",
    "sex": "gender",
    "eligibility criteria": "criteria",
    "locations": "locations",
    "patients applied": "applied",
    "trial officials": "officials",
    "timeline": "timeline",
}
# headings of sections the reader does not parse but must not mistake for content
OTHER_HEADINGS = frozenset(
    {
        "conditions", "interventions", "age", "ages", "phase", "phases", "study type", "healthy volunteers",
        "contact", "contacts", "contact information", "sponsor", "collaborators", "similar trials",
        "related trials", "frequently asked questions", "faq", "share", "trial details", "study design",
        "outcomes", "primary outcomes", "arms", "overview", "references", "resources", "documents",
        "apply", "how to apply", "trial summary", "sites", "investigators", "enrollment", "disclaimer",
    }
)  # fmt: skip

# timeline label (lower case, without "estimated"/"actual") -> date field
TIMELINE_LABELS = {
    "first submit": "first_submitted",
    "first submitted": "first_submitted",
    "submitted": "first_submitted",
    "first posted": "first_posted",
    "posted": "first_posted",
    "trial launched": "start",
    "launched": "start",
    "start": "start",
    "trial start": "start",
    "study start": "start",
    "primary completion": "primary_completion",
    "completion": "completion",
    "trial completed": "completion",
    "study completion": "completion",
    "results posted": "results_first_posted",
    "results first posted": "results_first_posted",
    "trial updated": "last_update_posted",
    "last updated": "last_update_posted",
    "updated": "last_update_posted",
    "last verified": "status_verified",
    "verified": "status_verified",
}
_TYPE_PREFIX = re.compile(r"^(estimated|anticipated|expected|actual)\s+", re.I)


@dataclass(slots=True)
class Line:
    text: str  # without the line end
    offset: int  # character offset of text[0] in the decoded file


@dataclass(slots=True)
class Section:
    key: str  # info | keywords | ... | about | other
    heading: Line | None
    lines: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Lines without their ends (\n, \r\n or a lone \r) with the offset where each starts."""
    out = []
    if "\r" in text.replace("\r\n", ""):  # lone carriage returns: the general (slower) way
        for m in _LINE.finditer(text):
            raw = m.group(0)
            if not raw:
                break
            out.append(Line(raw.rstrip("\r\n"), m.start()))
    else:
        offset = 0
        for raw in text.split("\n"):
            out.append(Line(raw[:-1] if raw.endswith("\r") else raw, offset))
            offset += len(raw) + 1
        if out and not out[-1].text and text.endswith("\n"):
            out.pop()
    if out and out[0].text.startswith("\ufeff"):
        out[0] = Line(out[0].text[1:], out[0].offset + 1)
    return out


def looks_like_page(text: str) -> bool:
    """Detection: the page's search line, or at least two of its section headings."""
    if re.search(r"^\s*Search\s*/\s*Trial\s+NCT[0-9]{8}", text[:5000], re.M):
        return True
    seen = {ln.strip().lower() for ln in text[:500_000].splitlines()} & set(HEADINGS)
    return len(seen & _DISTINCT) >= 2


_DISTINCT = frozenset({"clinconnect summary", "trial officials", "timeline", "patients applied", "trial information"})


def _heading_key(line: str, sponsor: str | None) -> str | None:
    s = line.strip()
    low = s.lower()
    if low in HEADINGS:
        return HEADINGS[low]
    if low in OTHER_HEADINGS:
        return "other"
    if low.startswith("about ") and _about_heading(s[6:].strip(), sponsor):
        return "about"
    return None


_TOKEN = re.compile(r"[a-z0-9]+")
_ABBREV_END = re.compile(r"\b(?:ltd|inc|co|corp|llc|plc|gmbh|s\.a|b\.v|ag|l\.p|pty|pvt)\.$", re.I)


def _about_heading(name: str, sponsor: str | None) -> bool:
    """ "About <organisation>" as a heading, not a sentence of prose ("About 40 people will ...")."""
    if not name or len(name) > 150 or ". " in name or len(name.split()) > 15:
        return False
    words = set(_TOKEN.findall(name.lower()))
    if sponsor and words & set(_TOKEN.findall(sponsor.lower())) - {"the", "of", "and", "co", "ltd", "inc"}:
        return True
    if not name[0].isupper() or any(c.isdigit() for c in name):
        return False
    return not name.endswith((".", "!", "?", ":", ";", ",")) or bool(_ABBREV_END.search(name))


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if ln.text.strip():
            cur.append(ln)
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _span(lines: list[Line]) -> tuple[str, int] | None:
    """The verbatim text from the first to the last non-blank line (\\n line ends) and its offset."""
    idx = [i for i, ln in enumerate(lines) if ln.text.strip()]
    if not idx:
        return None
    part = lines[idx[0] : idx[-1] + 1]
    return "\n".join(ln.text for ln in part), part[0].offset


def _strip_offset(ln: Line) -> tuple[str, int]:
    lead = len(ln.text) - len(ln.text.lstrip())
    return ln.text.strip(), ln.offset + lead


def _sections(lines: list[Line], start: int, sponsor: str | None = None) -> tuple[list[Line], list[Section]]:
    """Split the page at heading lines (a heading stands alone between blank lines or edges)."""
    header: list[Line] = []
    sections: list[Section] = []
    cur: Section | None = None
    n = len(lines)
    last = max((i for i in range(n) if lines[i].text.strip()), default=-1)
    for i in range(n):
        ln = lines[i]
        key = None
        if i >= start and ln.text.strip():
            prev_blank = i == 0 or not lines[i - 1].text.strip()
            next_blank = i + 1 >= n or not lines[i + 1].text.strip()
            if prev_blank and next_blank:
                key = _heading_key(ln.text, sponsor)
                if key is None and cur is not None and i < last and _unknown_heading(cur, ln, lines, i):
                    key = "other"
        if key is not None:
            cur = Section(key, ln)
            sections.append(cur)
        elif cur is None:
            header.append(ln)
        else:
            cur.lines.append(ln)
    return header, sections


# sections whose content is prose or a single value: a Title-like line there starts a section
_PROSE = frozenset({"summary", "about"})
_SINGLE = frozenset({"gender", "applied"})


def _unknown_heading(cur: Section, ln: Line, lines: list[Line], i: int) -> bool:
    s = ln.text.strip()
    # (the caller has checked that something follows: a last line is a value, not a heading)
    if not _HEADING_LIKE.match(s) or len(s.split()) > 4:
        return False
    has_content = any(x.text.strip() for x in cur.lines)
    if cur.key in _PROSE:
        return has_content
    if cur.key in _SINGLE:
        return has_content
    if cur.key == "timeline":
        # timeline lines are labels and dates; two lines in a row that are neither start a section
        nxt = next((x.text.strip() for x in itertools.islice(lines, i + 1, None) if x.text.strip()), "")
        return not _timeline_ish(s) and not _timeline_ish(nxt)
    return False


def _timeline_ish(s: str) -> bool:
    return _timeline_label(s) is not None or _absent(s) or (len(s) < 40 and parse_date(s) is not None)


def _absent(s: str) -> bool:
    """Blank or "Not reported"-like (short texts only: a long text is never a marker)."""
    return len(s) < 40 and is_absent(s)


def _parse_location(text: str) -> Location:
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) == 1:
        return Location(country=parts[0])
    if len(parts) == 2:
        return Location(city=parts[0], country=parts[1])
    if len(parts) == 3:
        return Location(city=parts[0], state=parts[1], country=parts[2])
    return Location(facility=", ".join(parts[:-3]), city=parts[-3], state=parts[-2], country=parts[-1])


def read_page(text: str, source: Source) -> TrialRecord:
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov, offs = rec.provenance, rec.source_offsets
    lines = split_lines(text)

    # header: the search line, the title after it, the "Launched by" line
    search_at = -1
    for i, ln in enumerate(lines):
        m = _SEARCH.match(ln.text)
        if m:
            rec.nct_id = m.group(1)
            offs["nct_id"] = ln.offset + m.start(1)
            prov["nct_id"] = "page:Search / Trial"
            search_at = i
            break
    for ln in lines:
        m = _LAUNCHED.match(ln.text)
        if m:
            rec.sponsor = m.group("sponsor")
            offs["sponsor"] = ln.offset + m.start("sponsor")
            prov["sponsor"] = "page:Launched by"
            d = parse_date(m.group("date"))
            if d is not None:
                rec.display_dates["header_launch"] = d
                offs["display_dates.header_launch"] = ln.offset + m.start("date")
                prov["display_dates.header_launch"] = "page:Launched by"
            else:
                rec.extra["header_launch_unparsed"] = m.group("date")
            break
    header, sections = _sections(lines, search_at + 1 if search_at >= 0 else 0, rec.sponsor)
    if search_at >= 0:
        for ln in lines[search_at + 1 :]:
            if not ln.text.strip():
                continue
            if _heading_key(ln.text, None) is None and not _LAUNCHED.match(ln.text) and ln in header:
                rec.brief_title, offs["brief_title"] = _strip_offset(ln)
                prov["brief_title"] = "page:title"
            break

    unknown: list[dict[str, str]] = []
    seen: list[str] = []
    for sec in sections:
        seen.append(sec.heading.text.strip() if sec.heading else "")
        handler = _HANDLERS.get(sec.key)
        if handler is None:
            body = _span(sec.lines)
            unknown.append({"heading": sec.heading.text.strip() if sec.heading else "", "text": body[0] if body else ""})
            continue
        handler(rec, sec)
    # a status or "Current as of" line outside Trial Information (a page laid out differently)
    if rec.overall_status is None or rec.as_of is None:
        _info(rec, Section("info", None, header + [ln for s in sections if s.key in ("other",) for ln in s.lines]))
    rec.extra["sections"] = seen
    if unknown:
        rec.extra["unknown_sections"] = unknown
    return rec


def _info(rec: TrialRecord, sec: Section) -> None:
    for ln in sec.lines:
        s = ln.text.strip()
        if not s:
            continue
        m = _CURRENT.match(ln.text)
        if m and rec.as_of is None:
            rec.as_of = parse_date(m.group("date"))
            if rec.as_of is None:
                rec.extra["as_of_unparsed"] = m.group("date")
            rec.source_offsets["as_of"] = ln.offset + m.start("date")
            rec.provenance["as_of"] = "page:Current as of"
            continue
        st = norm_status(s) if len(s) < 40 and rec.overall_status is None else None
        if st in OVERALL_STATUSES:
            rec.overall_status = st
            rec.source_offsets["overall_status"] = _strip_offset(ln)[1]
            rec.provenance["overall_status"] = "page:Trial Information"


def _keywords(rec: TrialRecord, sec: Section) -> None:
    rec.provenance["keywords"] = "page:Keywords"
    items = [_strip_offset(ln) for ln in sec.lines if ln.text.strip()]
    if not items or (len(items) == 1 and _absent(items[0][0])):
        rec.keywords = []
        rec.declared_absent["keywords"] = items[0][0] if items else ""
        if sec.heading is not None:
            rec.source_offsets["keywords"] = items[0][1] if items else sec.heading.offset
        return
    rec.keywords = [t for t, _ in items]
    rec.source_offsets["keywords"] = items[0][1]
    for k, (_, off) in enumerate(items):
        rec.source_offsets[f"keywords[{k}]"] = off


def _text_field(name: str, label: str):
    def handler(rec: TrialRecord, sec: Section) -> None:
        body = _span(sec.lines)
        rec.provenance[name] = f"page:{label}"
        if body is None or _absent(body[0]):
            rec.declared_absent[name] = body[0].strip() if body else ""
            return
        setattr(rec, name, body[0])
        rec.source_offsets[name] = body[1]

    return handler


def _about(rec: TrialRecord, sec: Section) -> None:
    assert sec.heading is not None
    rec.extra["about_heading"] = sec.heading.text.strip()[len("About ") :].strip()
    _text_field("sponsor_description", "About")(rec, sec)
    rec.provenance["sponsor_description"] = "page:" + sec.heading.text.strip()


def _gender(rec: TrialRecord, sec: Section) -> None:
    rec.provenance["sex"] = "page:Gender"
    first = next((ln for ln in sec.lines if ln.text.strip()), None)
    if first is None or _absent(first.text):
        rec.declared_absent["sex"] = first.text.strip() if first else ""
        return
    value, off = _strip_offset(first)
    rec.sex = norm_sex(value)
    rec.source_offsets["sex"] = off
    rec.extra["sex_raw"] = value


def _criteria(rec: TrialRecord, sec: Section) -> None:
    _text_field("criteria", "Eligibility criteria")(rec, sec)
    rec.criteria_markdown = False


def _locations(rec: TrialRecord, sec: Section) -> None:
    rec.provenance["locations"] = "page:Locations"
    for ln in sec.lines:
        s, off = _strip_offset(ln)
        if not s:
            continue
        if _absent(s):
            rec.declared_absent["locations"] = s
            continue
        k = len(rec.locations)
        loc = _parse_location(s)
        rec.locations.append(loc)
        rec.source_offsets[f"locations[{k}]"] = off
        # offsets of the parts, in the order they are written
        pos = 0
        for attr in ("facility", "city", "state", "country"):
            value = getattr(loc, attr)
            if value is None:
                continue
            j = s.find(value, pos)
            if j >= 0:
                rec.source_offsets[f"locations[{k}].{attr}"] = off + j
                rec.provenance[f"locations[{k}].{attr}"] = "page:Locations"
                pos = j + len(value)


def _applied(rec: TrialRecord, sec: Section) -> None:
    rec.provenance["patients_applied"] = "page:Patients applied"
    first = next((ln for ln in sec.lines if ln.text.strip()), None)
    if first is None:
        rec.declared_absent["patients_applied"] = ""
        return
    m = _APPLIED.match(first.text)
    if m:
        rec.patients_applied = int(m.group(1).replace(",", ""))
        rec.source_offsets["patients_applied"] = first.offset + m.start(1)
    else:
        rec.extra["patients_applied_raw"] = first.text.strip()


def _officials(rec: TrialRecord, sec: Section) -> None:
    cur: Official | None = None
    for ln in sec.lines:
        s, off = _strip_offset(ln)
        if not s:
            continue
        k = len(rec.officials) - 1
        if _ROLE.match(s):
            if cur is None or cur.role is not None:
                cur = Official()
                rec.officials.append(cur)
                k = len(rec.officials) - 1
            cur.role = enum_token(s).replace("SUBINVESTIGATOR", "SUB_INVESTIGATOR")
            rec.source_offsets[f"officials[{k}].role"] = off
            rec.provenance[f"officials[{k}].role"] = "page:Trial Officials"
            continue
        if cur is not None and cur.role is not None and cur.affiliation is None:
            cur.affiliation = s
            rec.source_offsets[f"officials[{k}].affiliation"] = off
            rec.provenance[f"officials[{k}].affiliation"] = "page:Trial Officials"
            continue
        cur = Official(name=s)
        rec.officials.append(cur)
        k = len(rec.officials) - 1
        rec.source_offsets[f"officials[{k}].name"] = off
        rec.provenance[f"officials[{k}].name"] = "page:Trial Officials"


def _timeline_label(s: str) -> tuple[str | None, DateType | None] | None:
    """(date field or None for an unknown label, type) if ``s`` is a timeline label."""
    low = s.strip().lower()
    dtype = None
    m = _TYPE_PREFIX.match(low)
    if m:
        dtype = DateType.ACTUAL if m.group(1) == "actual" else DateType.ESTIMATED
        low = low[m.end() :]
    if low in TIMELINE_LABELS:
        return TIMELINE_LABELS[low], dtype
    return None


def _timeline(rec: TrialRecord, sec: Section) -> None:
    shown: list[str] = []
    unknown: list[str] = []
    pending: tuple[str, str | None, DateType | None, Line] | None = None  # label, field, type, line

    def close(value: Line | None) -> None:
        nonlocal pending
        if pending is None:
            return
        label, name, dtype, label_line = pending
        pending = None
        if name is None:
            if value is not None:
                rec.extra.setdefault("timeline_other", {})[label] = value.text.strip()
            return
        if name in rec.dates or f"dates.{name}" in rec.declared_absent:
            return  # first occurrence wins
        path = f"page:Timeline/{label}"
        if value is None:
            rec.set_date(name, "", dtype.value if dtype else None, path)
            rec.source_offsets[f"dates.{name}"] = label_line.offset
            return
        v, off = _strip_offset(value)
        rec.set_date(name, v, dtype.value if dtype else None, path)
        rec.source_offsets[f"dates.{name}"] = off

    for ln in sec.lines:
        s = ln.text.strip()
        if not s:
            continue
        lab = _timeline_label(s)
        is_value = _absent(s) or (len(s) < 40 and parse_date(s) is not None)
        if lab is not None and not is_value:
            close(None)
            shown.append(s)
            pending = (s, lab[0], lab[1], ln)
        elif is_value or pending is not None and pending[1] is None:
            close(ln)
        else:
            # an unknown label (not a date, not a value): remember it was shown
            close(None)
            shown.append(s)
            unknown.append(s)
            pending = (s, None, None, ln)
    close(None)
    rec.extra["timeline_labels"] = shown
    if unknown:
        rec.extra["timeline_unknown_labels"] = unknown


_HANDLERS = {
    "info": _info,
    "keywords": _keywords,
    "summary": _text_field("plain_summary", "ClinConnect Summary"),
    "gender": _gender,
    "criteria": _criteria,
    "about": _about,
    "locations": _locations,
    "applied": _applied,
    "officials": _officials,
    "timeline": _timeline,
}
