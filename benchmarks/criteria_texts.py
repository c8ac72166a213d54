"""Real eligibility texts for measuring the criteria parser and the TA1xx rules.

``iter_texts(data_dir)`` yields ``(corpus, record_id, text, markdown)`` for every criteria text in
the shared real data: the criteria-corpus CSVs (column ``criteria``), ClinicalTrials.gov v2 JSON
(``eligibilityCriteria``, Markdown), classic JSON (``EligibilityCriteria``) and legacy XML
(``<criteria><textblock>``, dedented). It reads the files directly, so it does not depend on the
record readers.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import textwrap
import zipfile
from collections.abc import Iterator
from pathlib import Path

from defusedxml import ElementTree as DET


def _dedent(text: str) -> str:
    return textwrap.dedent(text).strip("\n")


def iter_corpus(data: Path) -> Iterator[tuple[str, str, str, bool]]:
    csv.field_size_limit(sys.maxsize)
    for f in sorted((data / "criteria-corpus").glob("*.csv")):
        with f.open(newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                text = row.get("criteria") or ""
                yield "criteria-corpus", f"{f.stem}:{row.get('nctid') or i}", text, False


def _walk_v2(obj, out):
    if isinstance(obj, dict):
        if "protocolSection" in obj:
            ps = obj["protocolSection"]
            nct = ps.get("identificationModule", {}).get("nctId", "?")
            c = ps.get("eligibilityModule", {}).get("eligibilityCriteria")
            if isinstance(c, str):
                out.append((nct, c))
            return
        for v in obj.values():
            _walk_v2(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _walk_v2(v, out)


def _walk_classic(obj, out):
    if isinstance(obj, dict):
        if "ProtocolSection" in obj:
            ps = obj["ProtocolSection"]
            nct = ps.get("IdentificationModule", {}).get("NCTId", "?")
            c = ps.get("EligibilityModule", {}).get("EligibilityCriteria")
            if isinstance(c, str):
                out.append((nct, c))
            return
        for v in obj.values():
            _walk_classic(v, out)
    elif isinstance(obj, list):
        for v in obj:
            _walk_classic(v, out)


def iter_records(data: Path) -> Iterator[tuple[str, str, str, bool]]:
    for f in sorted((data / "ctgov-v2").glob("*.json")):
        out: list = []
        try:
            _walk_v2(json.loads(f.read_text(encoding="utf-8")), out)
        except Exception:
            continue
        for nct, c in out:
            yield "ctgov-v2", f"{f.name}:{nct}", c, True
    for f in sorted((data / "ctgov-classic").glob("*.json")):
        out = []
        try:
            _walk_classic(json.loads(f.read_text(encoding="utf-8")), out)
        except Exception:
            continue
        for nct, c in out:
            yield "ctgov-classic", f"{f.name}:{nct}", c, False
    for f in sorted((data / "ctgov-xml").glob("*.xml")):
        try:
            root = DET.parse(str(f)).getroot()
        except Exception:
            continue
        tb = root.find("eligibility/criteria/textblock")
        if tb is not None and tb.text:
            nct = root.findtext("id_info/nct_id") or f.stem
            yield "ctgov-xml", f"{f.name}:{nct}", _dedent(tb.text), False


def iter_texts(data: Path) -> Iterator[tuple[str, str, str, bool]]:
    yield from iter_records(data)
    yield from iter_corpus(data)


def split_part(nct_id: str) -> str:
    """The project's fixed data split of the bulk sets: "unseen" (a quarter, for the final
    measurement only) or "tune"."""
    return "unseen" if int(hashlib.sha256(nct_id.upper().encode()).hexdigest()[:8], 16) % 4 == 0 else "tune"


def iter_bulk(data: Path, part: str = "tune") -> Iterator[tuple[str, str, str, bool]]:
    """Criteria texts of the bulk sets (v2 NDJSON, legacy XML zip and folders) in one ``part`` of
    the split ("tune" or "unseen"; tune rules only on "tune")."""
    for f in sorted((data / "ctgov-v2-bulk").glob("*.ndjson")):
        for line in f.read_text(encoding="utf-8").splitlines():
            out: list = []
            try:
                _walk_v2(json.loads(line), out)
            except Exception:
                continue
            for nct, c in out:
                if split_part(nct) == part:
                    yield "ctgov-v2-bulk", f"{f.name}:{nct}", c, True

    def xml_text(raw: bytes, name: str):
        try:
            root = DET.fromstring(raw)
        except Exception:
            return None
        tb = root.find("eligibility/criteria/textblock")
        nct = root.findtext("id_info/nct_id") or Path(name).stem
        if tb is None or not tb.text or split_part(nct) != part:
            return None
        return nct, _dedent(tb.text)

    bulk = data / "ctgov-xml-bulk"
    for z in sorted(bulk.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if name.endswith(".xml"):
                    got = xml_text(zf.read(name), name)
                    if got:
                        yield "ctgov-xml-bulk", f"{z.name}/{name}:{got[0]}", got[1], False
    for f in sorted(bulk.glob("*/*.xml")):
        got = xml_text(f.read_bytes(), f.name)
        if got:
            yield "ctgov-xml-bulk", f"{f.parent.name}/{f.name}:{got[0]}", got[1], False
