"""The other registries' formats for the defect-injection benchmark (benchmarks/inject.py).

Records come from ``../shared/data`` and are split by benchmarks/split.py's rule on their own
trial ID (``ChiCTR2000029953``, ``DRKS00038775``, ``NCT04331860``), so a ClinicalTrials.gov trial
is on the same side in every format. Formats (the ``fmt`` names of the benchmark's tables):

- ``ictrp-xml``: WHO ICTRP "export to XML" (``<Trial>`` elements); ``ictrp-csv`` and
  ``ictrp-xlsx``: the ICTRP COVID-19 downloads (same 40 columns; the XLSX keeps dates as date
  cells and bare ages as numbers, written back with openpyxl). Criteria are two fields, each
  with ICTRP's label ("Inclusion criteria: ") and ``<br>`` as line breaks; ClinicalTrials.gov
  trials carry both sections, with their own headers, in the inclusion field. Ages are the
  registry's own strings ("18 Years", ">= 20age old", 18); dates ISO, dd/mm/yyyy or
  "March 30, 2020"; no date types, no completion dates, no reason for stopping.
- ``drks``: a DRKS trial as its portal exports it (JSON 2.x): criteria in two fields per
  language (the English text is the one edited, as the reader prefers it), ages as
  amount + unit, start and completion as actual or scheduled dates.
- ``criteria``: a criteria table (the criteria corpus CSVs: ``nctid``, ``diseases``,
  ``criteria``): criteria and conditions only.

When a record's sections are separate fields (ICTRP's two criteria fields, DRKS),
``section_fields`` is True: a header on its first item's line is how those fields are written,
not a defect, and a defect that removes the exclusion header puts the exclusion items at the end
of the inclusion field with the exclusion field left empty, as a registrant who typed both into
one field would. The tool is never imported: these formats are known from the data.
"""

from __future__ import annotations

import copy
import csv
import json
import os
import re
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

import split
from defusedxml import ElementTree as SafeET
from inject_formats import _MON, _MONTHS, _STATUS_WORDS, Adapter, parse_date

REG_FORMATS = ("ictrp-xml", "ictrp-csv", "ictrp-xlsx", "drks", "criteria")

csv.field_size_limit(2**31 - 1)

# --- reading the records of a part ---------------------------------------------------------------


def _encode(v: Any) -> Any:
    """An XLSX cell value as JSON (date cells tagged, so they are written back as date cells)."""
    return {"$dt": v.isoformat()} if isinstance(v, datetime) else v


def _decode(v: Any) -> Any:
    return datetime.fromisoformat(v["$dt"]) if isinstance(v, dict) and "$dt" in v else v


def _ictrp_xml() -> Iterator[split.RawRecord]:
    for f in sorted((split.DATA / "ictrp-xml").glob("*.xml")):
        root = SafeET.parse(str(f)).getroot()
        for trial in root.findall("Trial"):
            tid = (trial.findtext("TrialID") or "").strip()
            if tid:
                yield split.RawRecord(tid, "ictrp-xml", f.name, ET.tostring(trial, encoding="utf-8"))


def _ictrp_csv() -> Iterator[split.RawRecord]:
    for f in sorted((split.DATA / "ictrp-csv").glob("*.csv")):
        with f.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                tid = (row.get("TrialID") or "").strip()
                if tid:
                    yield split.RawRecord(tid, "ictrp-csv", f.name, json.dumps({"fields": reader.fieldnames, "row": row}))


def _ictrp_xlsx() -> Iterator[split.RawRecord]:
    import openpyxl

    for f in sorted((split.DATA / "ictrp-xlsx").glob("*.xlsx")):
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        for values in rows:
            row = {h: _encode(v) for h, v in zip(header, values)}
            tid = str(row.get("TrialID") or "").strip()
            if tid:
                yield split.RawRecord(
                    tid, "ictrp-xlsx", f.name, json.dumps({"fields": header, "row": row, "sheet": wb.worksheets[0].title})
                )
        wb.close()


def _drks() -> Iterator[split.RawRecord]:
    for f in sorted((split.DATA / "drks-json").glob("*.json")):
        obj = json.loads(f.read_text(encoding="utf-8"))
        if isinstance(obj, dict) and isinstance(obj.get("drksId"), str):
            yield split.RawRecord(obj["drksId"].strip(), "drks", f.name, json.dumps(obj, ensure_ascii=False))


def _criteria() -> Iterator[split.RawRecord]:
    for f in sorted((split.DATA / "criteria-corpus").glob("*.csv")):
        with f.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                tid = (row.get("nctid") or "").strip()
                if tid and (row.get("criteria") or "").strip():
                    yield split.RawRecord(tid, "criteria", f.name, json.dumps({"fields": reader.fieldnames, "row": row}))


_ITERS = {"ictrp-xml": _ictrp_xml, "ictrp-csv": _ictrp_csv, "ictrp-xlsx": _ictrp_xlsx, "drks": _drks, "criteria": _criteria}


def iter_records(part: str | None, fmt: str) -> Iterator[split.RawRecord]:
    """Records of one format on one side of the split (None = both), deduplicated by trial ID."""
    seen: set[str] = set()
    for r in _ITERS[fmt]():
        key = r.nct_id.upper()
        if key in seen:
            continue
        seen.add(key)
        if part is None or split.part_of(key) == part:
            yield r


# --- criteria sections kept in two fields ---------------------------------------------------------

_BREAK = re.compile(r"(?:\r\n|\r|\n)?<br\s*/?>|\r\n|\r|\n", re.I)
_LABEL = re.compile(r"^\s*(?:inclusion|exclusion)\s+criteria\s*:[ \t]*", re.I)
_OWN_HEADER = re.compile(r"^\s*(?:key\s+|main\s+)?inclusion\s+criteria\b", re.I | re.M)
_HEADER_LINE = re.compile(r"^\s*(?:key\s+|main\s+)?(inclusion|exclusion)(?:\s+criteria)?\b[^:\n.]{0,30}:?\s*$", re.I)


def _field_lines(raw: str | None) -> tuple[str | None, list[str]]:
    """(ICTRP's label or None, the text's lines, dedented, edge blank lines dropped)."""
    raw = (raw or "").replace("_x000D_", "\r")
    m = _LABEL.match(raw)
    label = m.group(0).strip() if m else None
    body = raw[m.end() :] if m else raw
    text = textwrap.dedent("\n".join(ln.replace("\t", " ") for ln in _BREAK.split(body)))
    lines = [ln.rstrip() for ln in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return label, lines


def split_sections(text: str) -> tuple[list[str], list[str] | None]:
    """Rendered criteria -> (inclusion lines, exclusion lines or None when no exclusion header
    stands on a line of its own: then everything stays in the inclusion field)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if lines and len(lines[0]) < 60 and (m := _HEADER_LINE.match(lines[0])) and m.group(1).lower() == "inclusion":
        lines = lines[1:]
    for i, ln in enumerate(lines):
        if len(ln) < 60 and (m := _HEADER_LINE.match(ln)) and m.group(1).lower() == "exclusion":
            return lines[:i], lines[i + 1 :]
    return lines, None


# --- dates as the registries write them -------------------------------------------------------------

_DMY = re.compile(r"^\s*([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_YMD_SLASH = re.compile(r"^\s*([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})\s*$")
_COMPACT = re.compile(r"^\s*([0-9]{4})([0-9]{2})([0-9]{2})\s*$")
_D_MONTH_Y = re.compile(r"^\s*([0-9]{1,2})\s+([A-Za-z]{3,9})\.?\s+([0-9]{4})\s*$")


def _parse_any_date(v: Any, month_first: bool = False):
    if isinstance(v, datetime):
        return v.year, v.month, v.day
    if isinstance(v, int):
        v = str(v)
    if not isinstance(v, str) or not v.strip():
        return None
    if m := _YMD_SLASH.match(v):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _DMY.match(v):  # ICTRP's convention: day first (the export stamp is US, month first)
        a, b = int(m[1]), int(m[2])
        return (int(m[3]), a, b) if month_first else (int(m[3]), b, a)
    if m := _COMPACT.match(v):
        return int(m[1]), int(m[2]), int(m[3])
    if (m := _D_MONTH_Y.match(v)) and m[2].lower()[:3] in _MON:
        return int(m[3]), _MON[m[2].lower()[:3]], int(m[1])
    return parse_date(v)


def _write_like(old: Any, d) -> Any:
    """Date ``d`` written the way ``old`` was (a date cell, yyyymmdd, dd/mm/yyyy, ISO, month name)."""
    y, m, day = d[0], d[1], d[2] or 1
    if isinstance(old, datetime):
        return datetime(y, m, day)
    if isinstance(old, int):
        return int(f"{y:04d}{m:02d}{day:02d}")
    s = old if isinstance(old, str) else ""
    if _COMPACT.match(s):
        return f"{y:04d}{m:02d}{day:02d}"
    if _DMY.match(s):
        return f"{day:02d}/{m:02d}/{y:04d}"
    if _D_MONTH_Y.match(s):
        return f"{day} {_MONTHS[m - 1]} {y}"
    if re.match(r"^\s*[A-Za-z]", s):
        return f"{_MONTHS[m - 1]} {day}, {y}"
    return f"{y:04d}-{m:02d}-{day:02d}"


_AGE = re.compile(r"^\s*(?:>=|=>|>|≥)?\s*([0-9]{1,3})(?:\.[0-9]+)?\s*\(?\s*(years?|months?|weeks?|days?|y|m|w|d)?", re.I)
_UNIT = {"y": "Years", "m": "Months", "w": "Weeks", "d": "Days"}


def _norm(name: str) -> str:
    return " ".join(name.replace("_", " ").lower().split())


# --- WHO ICTRP: one trial as a row of fields (XML children, CSV / XLSX columns) -------------------


class Ictrp(Adapter):
    """``self.n``: {"fields": names in file order, "row": name -> value, "attrs": XML attributes}."""

    has_types = False
    DATES: ClassVar[dict[str, tuple[str, ...]]] = {
        "first_submitted": ("date registration", "date registration3"),
        "start": ("date enrollement",),
        "last_update": ("last refreshed on",),
    }
    TEXT: ClassVar[dict[str, str]] = {"min_age": "inclusion agemin", "max_age": "inclusion agemax", "status": "recruitment status"}

    def __init__(self, native, fmt: str = "ictrp-csv"):
        super().__init__(native)
        self.fmt = fmt

    def clone(self):
        return Ictrp(copy.deepcopy(self.n), self.fmt)

    def _name(self, key: str) -> str | None:
        return next((f for f in self.n["fields"] if _norm(f) == key), None)

    def _val(self, key: str) -> Any:
        name = self._name(key)
        return self.n["row"].get(name) if name else None

    def _put(self, key: str, value: Any) -> None:
        name = self._name(key)
        if name:
            self.n["row"][name] = value if value not in (None, "") else ("" if self.fmt == "ictrp-csv" else None)

    def _str(self, key: str) -> str | None:
        v = self._val(key)
        return None if v is None else str(v)

    # criteria: one field (ClinicalTrials.gov trials, own headers) or two labelled fields
    def _joined(self) -> bool:
        _, exc = _field_lines(self._str("exclusion criteria"))
        _, inc = _field_lines(self._str("inclusion criteria"))
        return not exc and bool(_OWN_HEADER.search("\n".join(inc)))

    @property
    def section_fields(self) -> bool:
        return bool(self._str("inclusion criteria")) and not self._joined()

    def get(self, slot):
        if slot == "criteria":
            inc_label, inc = _field_lines(self._str("inclusion criteria"))
            exc_label, exc = _field_lines(self._str("exclusion criteria"))
            if not inc and not exc:
                return None
            if self._joined():
                return "\n".join(inc)
            text = f"{inc_label or 'Inclusion criteria:'}\n" + "\n".join(inc)
            return text + (f"\n\n{exc_label or 'Exclusion criteria:'}\n" + "\n".join(exc) if exc else "")
        if slot in ("min_age", "max_age"):
            m = _AGE.match(self._str(self.TEXT[slot]) or "")
            if m is None or (slot == "max_age" and int(m[1]) == 0):  # a maximum of 0 is ICTRP's "no limit"
                return None
            return f"{m[1]} {_UNIT[(m[2] or 'y')[0].lower()]}"
        if slot == "status":
            return self._str("recruitment status")
        return None

    def set(self, slot, value):
        if slot == "criteria":
            if self._joined():  # as ICTRP writes a ClinicalTrials.gov trial: a line break before every line
                self._put("inclusion criteria", "".join("\n<br>" + ln for ln in (value or "").split("\n")))
                return
            inc_label, _ = _field_lines(self._str("inclusion criteria"))
            exc_label, _ = _field_lines(self._str("exclusion criteria"))
            inc, exc = split_sections(value or "")
            self._put("inclusion criteria", (f"{inc_label}<br>" if inc_label else "") + "<br>".join(inc))
            exc_text = (f"{exc_label or 'Exclusion criteria:'}<br>" + "<br>".join(exc)) if exc else ""
            self._put("exclusion criteria", exc_text)
            return
        if slot in ("min_age", "max_age"):
            old = self._val(self.TEXT[slot])
            if value is None:
                self._put(self.TEXT[slot], None)
                return
            n = int(re.match(r"[0-9]+", value)[0])
            if isinstance(old, (int, float)):
                self._put(self.TEXT[slot], n)
            elif isinstance(old, str) and re.search(r"[0-9]+", old):
                self._put(self.TEXT[slot], re.sub(r"[0-9]+", str(n), old, count=1))  # the registry's own style
            else:
                self._put(self.TEXT[slot], value)
            return
        if slot == "status" and value is not None:
            self._put("recruitment status", _STATUS_WORDS.get(value, value.title()))

    def has(self, slot):
        if slot in self.DATES:
            return self._name(self.DATES[slot][0]) is not None
        return slot in ("criteria", "min_age", "max_age", "status")

    def get_date(self, slot):
        if slot not in self.DATES:
            return None, None
        return _parse_any_date(self._val(self.DATES[slot][0])), None

    def set_date(self, slot, d, typ):
        if slot == "last_update":
            return
        for key in self.DATES.get(slot, ()):  # the registration date and its yyyymmdd twin together
            self._put(key, None if d is None else _write_like(self._val(key), d))

    def conditions_text(self):
        return " ".join(self._str(k) or "" for k in ("condition", "public title", "scientific title")).lower()

    def as_of(self):
        """The export date (a US time stamp), or the record's refresh date when that is later."""
        stamp = _parse_any_date(self._val("export date"), month_first=True)
        fresh = _parse_any_date(self._val("last refreshed on"))
        dates = [d for d in (stamp, fresh) if d]
        return max(dates, key=lambda d: (d[0], d[1], d[2] or 1)) if dates else None

    def dump(self, old_id, new_id):
        row = {k: (v.replace(old_id, new_id) if isinstance(v, str) else v) for k, v in self.n["row"].items()}
        if self.fmt == "ictrp-xml":
            trial = ET.Element("Trial")
            for name in self.n["fields"]:
                el = ET.SubElement(trial, name, self.n.get("attrs", {}).get(name, {}))
                el.text = row.get(name) or None
            return ET.tostring(trial, encoding="utf-8")
        return json.dumps({**self.n, "row": {k: _encode(v) for k, v in row.items()}}, ensure_ascii=False)


# --- DRKS ----------------------------------------------------------------------------------------

_DRKS_STATUS = {
    "RECRUITING": "RECRUITING",
    "RECRUITING_PLANNED": "NOT_YET_RECRUITING",
    "RECRUITING_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_STOPPED_AFTER_RECRUITING_STARTED": "TERMINATED",
    "RECRUITING_WITHDRAWN_BEFORE_RECRUITING_STARTED": "WITHDRAWN",
    "RECRUITING_SUSPENDED": "SUSPENDED",
    "RECRUITING_COMPLETE_FOLLOW_UP_COMPLETE": "COMPLETED",
}
_DRKS_STATUS_OUT = {v: k for k, v in _DRKS_STATUS.items()}
_DRKS_UNITS = {"YEARS": "Years", "MONTHS": "Months", "WEEKS": "Weeks", "DAYS": "Days"}


class Drks(Adapter):
    fmt = "drks"
    section_fields = True
    DATES: ClassVar[dict[str, tuple[str, ...]]] = {
        "start": ("actualStartDate", "scheduledStartDate"),
        "completion": ("actualCompletionDate", "scheduledCompletionDate"),
    }

    def _rec(self) -> dict:
        return self.n.setdefault("recruitment", {})

    def _localised(self, items: list, key: str) -> dict | None:
        """The description in the language the reader prefers: English, else German, else the first."""
        have = [d for d in items or [] if isinstance(d, dict) and (d.get(key) or "").strip()]
        for loc in ("en", "de"):
            for d in have:
                if (d.get("idLocale") or {}).get("locale") == loc:
                    return d
        return have[0] if have else None

    def get(self, slot):
        if slot == "criteria":
            descs = self._rec().get("recruitmentDescriptions") or []
            d = self._localised(descs, "inclusionCriteria") or self._localised(descs, "exclusionCriteria")
            if d is None:
                return None
            inc, exc = (d.get("inclusionCriteria") or "").strip(), (d.get("exclusionCriteria") or "").strip()
            return f"Inclusion Criteria:\n{inc}" + (f"\n\nExclusion Criteria:\n{exc}" if exc else "")
        if slot in ("summary", "description"):
            d = self._localised(self.n.get("trialDescriptions"), "summary" if slot == "summary" else "scientificSummary")
            return d.get("summary" if slot == "summary" else "scientificSummary") if d else None
        if slot in ("min_age", "max_age"):
            age = self._rec().get("minimumAge" if slot == "min_age" else "maximumAge") or {}
            unit = _DRKS_UNITS.get(str(age.get("unit")))
            return f"{age['amount']} {unit}" if unit and age.get("amount") is not None else None
        if slot == "status":
            return _DRKS_STATUS.get(str(self._rec().get("status")))
        return None

    def set(self, slot, value):
        if slot == "criteria":
            descs = self._rec().get("recruitmentDescriptions") or []
            d = self._localised(descs, "inclusionCriteria") or self._localised(descs, "exclusionCriteria")
            inc, exc = split_sections(value or "")
            d["inclusionCriteria"] = "\r\n".join(inc)
            d["exclusionCriteria"] = "\r\n".join(exc) if exc else None
        elif slot in ("summary", "description"):
            key = "summary" if slot == "summary" else "scientificSummary"
            d = self._localised(self.n.get("trialDescriptions"), key)
            if d is not None:
                d[key] = value
        elif slot in ("min_age", "max_age"):
            key = "minimumAge" if slot == "min_age" else "maximumAge"
            if value is None:
                self._rec()[key] = {"amount": None, "unit": None}
            else:
                n, unit = value.split()[:2]
                self._rec()[key] = {"amount": int(n), "unit": unit.upper().rstrip("S") + "S"}
        elif slot == "status" and value is not None:
            self._rec()["status"] = _DRKS_STATUS_OUT.get(value, value)

    def has(self, slot):
        return slot not in ("primary_completion", "first_posted", "verified", "why_stopped")

    def get_date(self, slot):
        if slot == "first_submitted":
            return parse_date(self.n.get("registrationDrks")), None
        if slot == "last_update":
            return parse_date(self.n.get("lastUpdate")), None
        if slot in self.DATES:
            actual, scheduled = self.DATES[slot]
            if self._rec().get(actual):
                return parse_date(self._rec()[actual]), "ACTUAL"
            if self._rec().get(scheduled):
                return parse_date(self._rec()[scheduled]), "ESTIMATED"
        return None, None

    def set_date(self, slot, d, typ):
        iso = None if d is None else f"{d[0]:04d}-{d[1]:02d}-{(d[2] or 1):02d}"
        if slot == "first_submitted":
            self.n["registrationDrks"] = iso
        elif slot in self.DATES:
            actual, scheduled = self.DATES[slot]
            was_actual = bool(self._rec().get(actual))
            self._rec()[actual] = self._rec()[scheduled] = None
            if iso is not None:
                use_actual = typ == "ACTUAL" if typ else was_actual
                self._rec()[actual if use_actual else scheduled] = iso

    def conditions_text(self):
        parts = []
        for cond in self.n.get("studiedHealthConditions") or []:
            parts += [d.get("comment") or "" for d in cond.get("studiedHealthConditionDescriptions") or []]
        parts += [d.get("title") or "" for d in self.n.get("trialDescriptions") or []]
        return " ".join(parts).lower()

    def as_of(self):
        return None

    def dump(self, old_id, new_id):
        return json.dumps(self.n, ensure_ascii=False).replace(old_id, new_id)


# --- criteria tables -----------------------------------------------------------------------------


class CriteriaTable(Adapter):
    """One row of a criteria table: {"fields", "row"}; criteria and conditions only."""

    fmt = "criteria"
    has_types = False

    def get(self, slot):
        if slot == "criteria":
            return textwrap.dedent(self.n["row"].get("criteria") or "").strip("\n") or None
        return None

    def set(self, slot, value):
        if slot == "criteria":
            self.n["row"]["criteria"] = value or ""

    def has(self, slot):
        return slot == "criteria"

    def get_date(self, slot):
        return None, None

    def set_date(self, slot, d, typ):
        return None

    def conditions_text(self):
        r = self.n["row"]
        return " ".join(r.get(k) or "" for k in ("diseases", "title", "brief title")).lower()

    def as_of(self):
        return None

    def dump(self, old_id, new_id):
        return json.dumps({**self.n, "row": {k: (v or "").replace(old_id, new_id) for k, v in self.n["row"].items()}}, ensure_ascii=False)


# --- load and write ------------------------------------------------------------------------------


def load(fmt: str, raw: str | bytes) -> Adapter:
    if fmt == "ictrp-xml":
        trial = SafeET.fromstring(raw)
        fields = [el.tag for el in trial]
        n = {"fields": fields, "row": {el.tag: el.text for el in trial}, "attrs": {el.tag: dict(el.attrib) for el in trial if el.attrib}}
        return Ictrp(n, fmt)
    if fmt in ("ictrp-csv", "ictrp-xlsx"):
        n = json.loads(raw)
        n["row"] = {k: _decode(v) for k, v in n["row"].items()}
        return Ictrp(n, fmt)
    if fmt == "drks":
        return Drks(json.loads(raw))
    if fmt == "criteria":
        return CriteriaTable(json.loads(raw))
    raise ValueError(fmt)


def write_batch(fmt: str, dumps: list[str | bytes], path_stem: str) -> str:
    """One format's records as input files the tool reads; returns the path to audit."""
    if fmt == "ictrp-xml":
        p = f"{path_stem}.xml"
        with open(p, "wb") as fh:
            fh.write(b"<?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>\r\n")
            for d in dumps:
                fh.write(d + b"\r\n")
            fh.write(b"</Trials_downloaded_from_ICTRP>")
        return p
    if fmt == "drks":
        p = f"{path_stem}_drks"
        os.makedirs(p, exist_ok=True)
        for d in dumps:
            tid = json.loads(d)["drksId"]
            Path(p, f"DRKS_trial-{tid}.json").write_text(d, encoding="utf-8")
        return p
    rows = [json.loads(d) for d in dumps]
    fields = rows[0]["fields"] if rows else []
    if fmt == "ictrp-xlsx":
        import openpyxl

        p = f"{path_stem}.xlsx"
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = rows[0].get("sheet", "Sheet1") if rows else "Sheet1"
        ws.append(fields)
        for r in rows:
            ws.append([_decode(r["row"].get(f)) for f in fields])
        wb.save(p)
        return p
    p = f"{path_stem}.csv"
    with open(p, "w", encoding="utf-8", newline="") as fh:
        quoting = csv.QUOTE_ALL if fmt == "ictrp-csv" else csv.QUOTE_MINIMAL  # as each source file is quoted
        w = csv.DictWriter(fh, fieldnames=fields, quoting=quoting, lineterminator="\r\n" if fmt == "ictrp-csv" else "\n")
        w.writeheader()
        for r in rows:
            w.writerow({f: r["row"].get(f) or "" for f in fields})
    return p


def fresh_id_like(old: str, n: int) -> str:
    """A new ID in the shape of ``old``, unique within a batch, never the record's own. In order:
    its longest digit run of 6+ digits replaced by 9 and the low digits of ``n`` (``ChiCTR2000030382``
    -> ``ChiCTR9090000001``); a last run mixing letters and digits (ReBEC's ``RBR-9pgwfc``) replaced
    by 9 and ``n`` in base 36, same length; a shorter digit run (``NL8493``) replaced by 9 and seven
    digits of ``n``; else ``-9<n>`` appended. The copy stays in its registry's ID pattern where it can."""
    runs = list(re.finditer(r"[0-9]+", old))
    run = max(runs, key=lambda m: (len(m.group(0)), m.start())) if runs else None
    if run is not None and len(run.group(0)) >= 6:
        width = len(run.group(0))
        return old[: run.start()] + "9" + f"{n % 10 ** (width - 1):0{width - 1}d}" + old[run.end() :]
    alnum = list(re.finditer(r"[0-9A-Za-z]+", old))
    last = alnum[-1] if alnum else None
    if last is not None and len(last.group(0)) >= 4 and not re.fullmatch(r"[A-Za-z]*[0-9]+", last.group(0)):
        width, k, code = len(last.group(0)), n % 36 ** (len(last.group(0)) - 1), ""
        while len(code) < width - 1:
            k, r = divmod(k, 36)
            code = "0123456789abcdefghijklmnopqrstuvwxyz"[r] + code
        code = "9" + code
        return old[: last.start()] + (code if any(c.islower() for c in last.group(0)) else code.upper()) + old[last.end() :]
    if run is not None and len(run.group(0)) >= 3:
        return old[: run.start()] + f"9{n % 10**7:07d}" + old[run.end() :]
    return f"{old}-9{n}"
