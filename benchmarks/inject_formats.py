"""Native-format access for the defect-injection benchmark (benchmarks/inject.py).

Each adapter reads and writes the few fields the injection operators touch, in the record's own
format, so a mutated copy looks like something a registry could really have published:

- ``v2``: API v2 study dict (camelCase ``protocolSection``); dates ``2024-03`` / ``2024-03-15``
  with type ACTUAL / ESTIMATED; statuses ``RECRUITING``; Markdown text (``\\>`` escaped).
- ``classic``: the classic API ``Study`` dict (PascalCase); dates ``March 15, 2024`` with type
  Actual / Anticipated; statuses ``Recruiting``.
- ``xml``: legacy ``<clinical_study>`` element tree; dates like classic with a ``type`` attribute.
- ``csv``: one row of the search page's CSV export (dates ISO, no date types, no criteria, no
  summary, no structured ages, no verified date or reason for stopping).

The tool itself is never imported: this file knows the formats from the data, not from the readers.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import re
import textwrap
import xml.etree.ElementTree as ET
from datetime import date

from defusedxml import ElementTree as SafeET

# canonical date slots every adapter understands
DATE_SLOTS = ("start", "primary_completion", "completion", "first_submitted", "first_posted", "last_update", "verified")
TEXT_SLOTS = ("criteria", "summary", "description", "min_age", "max_age", "status", "why_stopped")

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_MON = {m.lower()[:3]: i + 1 for i, m in enumerate(_MONTHS)}


# --- dates ---


def parse_date(s: str | None) -> tuple[int, int, int | None] | None:
    """'2024-03-15', '2024-03', 'March 15, 2024', 'March 2024', text with such a date at the end."""
    if not s:
        return None
    s = s.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", s)
    if m:
        return int(m[1]), int(m[2]), int(m[3]) if m[3] else None
    m = re.search(r"([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})\s*$", s)
    if m and m[1].lower()[:3] in _MON:
        return int(m[3]), _MON[m[1].lower()[:3]], int(m[2]) if m[2] else None
    return None


def add_months(d: tuple[int, int, int | None], months: int) -> tuple[int, int, int | None]:
    y, m, day = d
    total = y * 12 + (m - 1) + months
    return total // 12, total % 12 + 1, (min(day, 28) if day else None)


def as_date(d: tuple[int, int, int | None]) -> date:
    return date(d[0], d[1], d[2] or 1)


# --- statuses: canonical tokens are the v2 enum ---

_STATUS_WORDS = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation",
    "COMPLETED": "Completed",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
    "SUSPENDED": "Suspended",
    "UNKNOWN": "Unknown status",
}
ACTIVE = {"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION"}


def status_token(s: str | None) -> str | None:
    if not s:
        return None
    t = re.sub(r"[^A-Z]+", "_", s.upper()).strip("_")
    return "UNKNOWN" if t.startswith("UNKNOWN") else t


# --- adapters ---


class Adapter:
    """Get/set canonical slots on one native record. Subclasses map slots to their fields."""

    fmt = ""
    has_types = True  # dates carry actual / estimated

    def __init__(self, native):
        self.n = native

    # text slots: str or None; set(None) removes the field
    def get(self, slot: str) -> str | None:
        raise NotImplementedError

    def set(self, slot: str, value: str | None) -> None:
        raise NotImplementedError

    def has(self, slot: str) -> bool:
        """Whether the format carries this field at all (so removing it is a defect the tool can see)."""
        return True

    # dates: (parsed date, type token 'ACTUAL' | 'ESTIMATED' | None)
    def get_date(self, slot: str):
        raise NotImplementedError

    def set_date(self, slot: str, d, typ: str | None) -> None:
        raise NotImplementedError

    def status(self) -> str | None:
        return status_token(self.get("status"))

    def set_status(self, token: str) -> None:
        self.set("status", token)

    def conditions_text(self) -> str:
        """Registered conditions, keywords and titles, lower-cased (for choosing an off-scope disease)."""
        raise NotImplementedError

    def as_of(self) -> tuple[int, int, int | None] | None:
        raise NotImplementedError

    def dump(self, old_id: str, new_id: str) -> str | bytes:
        raise NotImplementedError

    def clone(self) -> "Adapter":
        return type(self)(copy.deepcopy(self.n))


def _dig(d: dict, path: list[str], create: bool = False):
    for k in path:
        if not isinstance(d, dict):
            return None
        if k not in d:
            if not create:
                return None
            d[k] = {}
        d = d[k]
    return d


class _JsonAdapter(Adapter):
    PATHS: dict[str, tuple[str, ...]] = {}
    DATES: dict[str, tuple[tuple[str, ...], str | None]] = {}  # slot -> (path to value, type key in same dict)
    TYPE_OUT = {"ACTUAL": "ACTUAL", "ESTIMATED": "ESTIMATED"}

    def _root(self):
        raise NotImplementedError

    def get(self, slot):
        p = self.PATHS[slot]
        parent = _dig(self._root(), list(p[:-1]))
        v = parent.get(p[-1]) if isinstance(parent, dict) else None
        return v if isinstance(v, str) else None

    def set(self, slot, value):
        p = self.PATHS[slot]
        if slot == "status" and value is not None:
            value = self._status_out(value)
        parent = _dig(self._root(), list(p[:-1]), create=value is not None)
        if parent is None:
            return
        if value is None:
            parent.pop(p[-1], None)
        else:
            parent[p[-1]] = value

    def _status_out(self, token):
        return token

    def get_date(self, slot):
        path, tkey = self.DATES[slot]
        parent = _dig(self._root(), list(path[:-1]))
        if not isinstance(parent, dict):
            return None, None
        d = parse_date(parent.get(path[-1]))
        t = parent.get(tkey) if tkey else None
        t = {"ANTICIPATED": "ESTIMATED", "ESTIMATE": "ESTIMATED"}.get(str(t).upper(), str(t).upper()) if t else None
        return d, t

    def set_date(self, slot, d, typ):
        path, tkey = self.DATES[slot]
        parent = _dig(self._root(), list(path[:-1]), create=d is not None)
        if parent is None:
            return
        if d is None:
            parent.pop(path[-1], None)
            if tkey:
                parent.pop(tkey, None)
            return
        parent[path[-1]] = self._fmt_date(d)
        if tkey and typ:
            parent[tkey] = self.TYPE_OUT[typ]

    def _fmt_date(self, d):
        raise NotImplementedError


class V2(_JsonAdapter):
    fmt = "v2"
    PATHS = {
        "criteria": ("eligibilityModule", "eligibilityCriteria"),
        "summary": ("descriptionModule", "briefSummary"),
        "description": ("descriptionModule", "detailedDescription"),
        "min_age": ("eligibilityModule", "minimumAge"),
        "max_age": ("eligibilityModule", "maximumAge"),
        "status": ("statusModule", "overallStatus"),
        "why_stopped": ("statusModule", "whyStopped"),
    }
    DATES = {
        "start": (("statusModule", "startDateStruct", "date"), "type"),
        "primary_completion": (("statusModule", "primaryCompletionDateStruct", "date"), "type"),
        "completion": (("statusModule", "completionDateStruct", "date"), "type"),
        "first_submitted": (("statusModule", "studyFirstSubmitDate"), None),
        "first_posted": (("statusModule", "studyFirstPostDateStruct", "date"), "type"),
        "last_update": (("statusModule", "lastUpdateSubmitDate"), None),
        "verified": (("statusModule", "statusVerifiedDate"), None),
    }

    def _root(self):
        return self.n.setdefault("protocolSection", {})

    def _fmt_date(self, d):
        return f"{d[0]:04d}-{d[1]:02d}" + (f"-{d[2]:02d}" if d[2] else "")

    def conditions_text(self):
        ps = self._root()
        cm = ps.get("conditionsModule", {}) or {}
        im = ps.get("identificationModule", {}) or {}
        parts = list(cm.get("conditions", []) or []) + list(cm.get("keywords", []) or [])
        parts += [im.get("briefTitle") or "", im.get("officialTitle") or ""]
        return " ".join(parts).lower()

    def as_of(self):
        return parse_date(_dig(self.n, ["derivedSection", "miscInfoModule", "versionHolder"]))

    def dump(self, old_id, new_id):
        return json.dumps(self.n, ensure_ascii=False).replace(old_id, new_id)


class Classic(_JsonAdapter):
    fmt = "classic"
    TYPE_OUT = {"ACTUAL": "Actual", "ESTIMATED": "Anticipated"}
    PATHS = {
        "criteria": ("EligibilityModule", "EligibilityCriteria"),
        "summary": ("DescriptionModule", "BriefSummary"),
        "description": ("DescriptionModule", "DetailedDescription"),
        "min_age": ("EligibilityModule", "MinimumAge"),
        "max_age": ("EligibilityModule", "MaximumAge"),
        "status": ("StatusModule", "OverallStatus"),
        "why_stopped": ("StatusModule", "WhyStopped"),
    }
    DATES = {
        "start": (("StatusModule", "StartDateStruct", "StartDate"), "StartDateType"),
        "primary_completion": (("StatusModule", "PrimaryCompletionDateStruct", "PrimaryCompletionDate"), "PrimaryCompletionDateType"),
        "completion": (("StatusModule", "CompletionDateStruct", "CompletionDate"), "CompletionDateType"),
        "first_submitted": (("StatusModule", "StudyFirstSubmitDate"), None),
        "first_posted": (("StatusModule", "StudyFirstPostDateStruct", "StudyFirstPostDate"), "StudyFirstPostDateType"),
        "last_update": (("StatusModule", "LastUpdateSubmitDate"), None),
        "verified": (("StatusModule", "StatusVerifiedDate"), None),
    }

    def _root(self):
        return self.n.setdefault("ProtocolSection", {})

    def _status_out(self, token):
        return _STATUS_WORDS.get(token, token.title())

    def _fmt_date(self, d):
        return f"{_MONTHS[d[1] - 1]} {d[2]}, {d[0]}" if d[2] else f"{_MONTHS[d[1] - 1]} {d[0]}"

    def conditions_text(self):
        ps = self._root()
        cm = ps.get("ConditionsModule", {}) or {}
        im = ps.get("IdentificationModule", {}) or {}
        parts = list((cm.get("ConditionList") or {}).get("Condition", []) or [])
        parts += list((cm.get("KeywordList") or {}).get("Keyword", []) or [])
        parts += [im.get("BriefTitle") or "", im.get("OfficialTitle") or ""]
        return " ".join(parts).lower()

    def as_of(self):
        return parse_date(_dig(self.n, ["DerivedSection", "MiscInfoModule", "VersionHolder"]))

    def dump(self, old_id, new_id):
        return json.dumps(self.n, ensure_ascii=False).replace(old_id, new_id)


class Xml(Adapter):
    fmt = "xml"
    PATHS = {
        "criteria": "eligibility/criteria/textblock",
        "summary": "brief_summary/textblock",
        "description": "detailed_description/textblock",
        "min_age": "eligibility/minimum_age",
        "max_age": "eligibility/maximum_age",
        "status": "overall_status",
        "why_stopped": "why_stopped",
    }
    DATES = {
        "start": ("start_date",),
        "primary_completion": ("primary_completion_date",),
        "completion": ("completion_date",),
        "first_submitted": ("study_first_submitted", "firstreceived_date"),
        "first_posted": ("study_first_posted",),
        "last_update": ("last_update_submitted", "lastchanged_date"),
        "verified": ("verification_date",),
    }

    def get(self, slot):
        el = self.n.find(self.PATHS[slot])
        if el is None or el.text is None:
            return None
        t = el.text.replace("\r\n", "\n").replace("\r", "\n")
        if slot in ("criteria", "summary", "description"):
            t = textwrap.dedent(t).strip("\n")
        return t.strip() if slot not in ("criteria", "summary", "description") else t

    def set(self, slot, value):
        path = self.PATHS[slot]
        el = self.n.find(path)
        if value is None:
            if el is not None:
                parent = self.n.find(path.rsplit("/", 1)[0]) if "/" in path else self.n
                parent.remove(el)
            return
        if slot == "status":
            value = _STATUS_WORDS.get(value, value.title())
        if el is None:
            el = self.n
            for part in path.split("/"):
                nxt = el.find(part)
                el = nxt if nxt is not None else ET.SubElement(el, part)
        el.text = value

    def get_date(self, slot):
        for tag in self.DATES[slot]:
            el = self.n.find(tag)
            if el is not None:
                t = el.get("type")
                t = {"ANTICIPATED": "ESTIMATED", "ESTIMATE": "ESTIMATED"}.get(t.upper(), t.upper()) if t else None
                return parse_date(el.text), t
        return None, None

    def set_date(self, slot, d, typ):
        el = next((e for tag in self.DATES[slot] if (e := self.n.find(tag)) is not None), None)
        if d is None:
            if el is not None:
                self.n.remove(el)
            return
        if el is None:
            el = ET.SubElement(self.n, self.DATES[slot][0])
        el.text = f"{_MONTHS[d[1] - 1]} {d[2]}, {d[0]}" if d[2] else f"{_MONTHS[d[1] - 1]} {d[0]}"
        if typ and slot in ("start", "primary_completion", "completion"):
            el.set("type", {"ACTUAL": "Actual", "ESTIMATED": "Anticipated"}[typ])

    def conditions_text(self):
        parts = [e.text or "" for tag in ("condition", "keyword", "brief_title", "official_title") for e in self.n.findall(tag)]
        return " ".join(parts).lower()

    def as_of(self):
        el = self.n.find("required_header/download_date")
        return parse_date(el.text) if el is not None else None

    def dump(self, old_id, new_id):
        return ET.tostring(self.n, encoding="utf-8").replace(old_id.encode(), new_id.encode())


class Csv(Adapter):
    """One row of the CSV export: a dict of column -> value, plus the column order."""

    fmt = "csv"
    has_types = False
    COLS = {"status": "Study Status"}
    DATES = {
        "start": "Start Date",
        "primary_completion": "Primary Completion Date",
        "completion": "Completion Date",
        "first_posted": "First Posted",
        "last_update": "Last Update Posted",
    }

    def get(self, slot):
        col = self.COLS.get(slot)
        return (self.n["row"].get(col) or None) if col else None

    def set(self, slot, value):
        col = self.COLS.get(slot)
        if col:
            self.n["row"][col] = value or ""

    def has(self, slot):
        col = self.COLS.get(slot) or self.DATES.get(slot)
        return col is not None and col in self.n["fields"]

    def get_date(self, slot):
        col = self.DATES.get(slot)
        return (parse_date(self.n["row"].get(col)), None) if col else (None, None)

    def set_date(self, slot, d, typ):
        col = self.DATES.get(slot)
        if col and self.has(slot):
            self.n["row"][col] = "" if d is None else f"{d[0]:04d}-{d[1]:02d}" + (f"-{d[2]:02d}" if d[2] else "")

    def conditions_text(self):
        r = self.n["row"]
        return " ".join([r.get("Conditions", ""), r.get("Study Title", "")]).lower()

    def as_of(self):
        return None

    def dump(self, old_id, new_id):
        # a JSON object of the row (its keys in column order): the batch writer groups rows by
        # column set, since the exports have different columns
        return json.dumps({k: (v or "").replace(old_id, new_id) for k, v in self.n["row"].items()}, ensure_ascii=False)


def load(fmt: str, raw: str | bytes) -> Adapter:
    if fmt == "v2":
        return V2(json.loads(raw))
    if fmt == "classic":
        return Classic(json.loads(raw))
    if fmt == "xml":
        return Xml(SafeET.fromstring(raw))
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(raw))
        return Csv({"fields": reader.fieldnames, "row": next(reader)})
    raise ValueError(fmt)


def write_batch(fmt: str, dumps: list[str | bytes], path_stem) -> str:
    """Write one format's records as one input file of that format; returns the path."""
    import zipfile

    if fmt == "v2":
        p = f"{path_stem}.ndjson"
        with open(p, "w", encoding="utf-8") as fh:
            fh.writelines(d + "\n" for d in dumps)
    elif fmt == "classic":
        p = f"{path_stem}.json"
        body = ",".join(f'{{"Rank": {i + 1}, "Study": {d}}}' for i, d in enumerate(dumps))
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(f'{{"FullStudiesResponse": {{"NStudiesReturned": {len(dumps)}, "FullStudies": [{body}]}}}}')
    elif fmt == "xml":
        p = f"{path_stem}.zip"
        with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
            for d in dumps:
                nct = re.search(rb"<nct_id>(NCT\d+)</nct_id>", d)[1].decode()
                z.writestr(f"{nct}.xml", d)
    elif fmt == "csv":
        # one file per column set: the exports differ (one has 9 columns, no dates); laying them
        # all out under the union of columns would invent empty date columns
        p = f"{path_stem}_csv"
        os.makedirs(p, exist_ok=True)
        groups: dict[tuple, list[dict]] = {}
        for d in dumps:
            row = json.loads(d)
            groups.setdefault(tuple(row), []).append(row)
        for n, (cols, rows) in enumerate(groups.items()):
            with open(os.path.join(p, f"part{n}.csv"), "w", encoding="utf-8", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=list(cols))
                w.writeheader()
                w.writerows(rows)
    return p
