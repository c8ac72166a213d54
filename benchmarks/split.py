"""The fixed tuning / unseen split of the real registry records in ../shared/data.

A record is **unseen** iff

    int(hashlib.sha256(nct_id.upper().encode()).hexdigest()[:8], 16) % 4 == 0

(about 25 %); every other record is **tune**. The rule depends on the NCT ID alone, so it is
the same on every machine, for every format and for every copy of a record: a study that
appears in several bulk files (they overlap) or in several formats is on the same side everywhere.
Rules are tuned on ``tune`` only; ``unseen`` is for measuring.

Sources (``bulk`` = what the split was made for; ``small`` = the small hand-picked folders and
the bundled seeds, split by the same rule when the injection benchmark uses them):

- ``v2``: ``ctgov-v2-bulk/*.ndjson`` (one API v2 study a line); small: ``ctgov-v2/*.json``
  (single studies and ``{"studies": [...]}`` pages), ``seeds/v2_*.json``
- ``xml``: ``ctgov-xml-bulk/enrollment_and_studylength.zip`` (``NCT*.xml`` members) and its two
  small folders; small: ``ctgov-xml/*.xml``, ``seeds/xml_*.xml``
- ``classic`` (small only): ``ctgov-classic/*.json`` and ``seeds/classic_*.json``
- ``csv`` (small only): ``ctgov-csv/*.csv`` and the seed CSV

Records are deduplicated by NCT ID within a format (first occurrence wins, in sorted file order).

    python benchmarks/split.py                               # counts per part and format
    python benchmarks/split.py --part unseen --write /tmp/unseen
    trial-audit audit /tmp/unseen -f json -o /tmp/unseen-report
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
import os  # noqa: E402

# the real data lives beside the repository (../shared/data); a worktree sits deeper, so also try /work/shared/data
DATA = Path(
    os.environ.get("TRIAL_AUDIT_SHARED_DATA")
    or next((p for p in (ROOT.parent / "shared" / "data", Path("/work/shared/data")) if p.is_dir()), ROOT.parent / "shared" / "data")
)
SEEDS = ROOT / "seeds"
FORMATS = ("v2", "xml", "classic", "csv")
PARTS = ("tune", "unseen")
_NCT_XML = re.compile(rb"<nct_id>\s*(NCT[0-9]{8})\s*</nct_id>")

csv.field_size_limit(sys.maxsize)


def part_of(nct_id: str) -> str:
    """'unseen' for about a quarter of NCT IDs (the fixed hash rule), 'tune' for the rest."""
    h = int(hashlib.sha256(nct_id.strip().upper().encode()).hexdigest()[:8], 16)
    return "unseen" if h % 4 == 0 else "tune"


@dataclass
class RawRecord:
    nct_id: str
    fmt: str  # v2 | xml | classic | csv
    source: str  # file (and member) it came from
    raw: str | bytes  # v2/classic: JSON text of one study; xml: the file's bytes; csv: header + one row


# --- per-format readers of the raw files: each yields RawRecords, duplicates included ---


def _v2_studies(obj) -> list[dict]:
    if isinstance(obj, dict) and "protocolSection" in obj:
        return [obj]
    if isinstance(obj, dict) and isinstance(obj.get("studies"), list):
        return [s for s in obj["studies"] if isinstance(s, dict) and "protocolSection" in s]
    if isinstance(obj, list):
        return [s for s in obj if isinstance(s, dict) and "protocolSection" in s]
    return []


def _v2_id(study: dict) -> str | None:
    return (study.get("protocolSection", {}).get("identificationModule", {}) or {}).get("nctId")


def _iter_v2(sources: str) -> Iterator[RawRecord]:
    if sources in ("bulk", "all"):
        for f in sorted((DATA / "ctgov-v2-bulk").glob("*.ndjson")):
            for line in f.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                nct = _v2_id(json.loads(line))
                if nct:
                    yield RawRecord(nct, "v2", f.name, line)
    if sources in ("small", "all"):
        for f in sorted((DATA / "ctgov-v2").glob("*.json")) + sorted(SEEDS.glob("v2_*.json")):
            for study in _v2_studies(json.loads(f.read_text(encoding="utf-8"))):
                nct = _v2_id(study)
                if nct:
                    yield RawRecord(nct, "v2", f.name, json.dumps(study, ensure_ascii=False))


def _iter_xml(sources: str) -> Iterator[RawRecord]:
    def one(data: bytes, where: str):
        m = _NCT_XML.search(data)
        return RawRecord(m.group(1).decode(), "xml", where, data) if m else None

    if sources in ("bulk", "all"):
        bulk = DATA / "ctgov-xml-bulk"
        with zipfile.ZipFile(bulk / "enrollment_and_studylength.zip") as z:
            for name in sorted(z.namelist()):
                if name.endswith(".xml") and (r := one(z.read(name), f"zip:{name}")):
                    yield r
        for f in sorted(bulk.glob("*/*.xml")):
            if r := one(f.read_bytes(), f"{f.parent.name}/{f.name}"):
                yield r
    if sources in ("small", "all"):
        for f in sorted((DATA / "ctgov-xml").glob("*.xml")) + sorted(SEEDS.glob("xml_*.xml")):
            if r := one(f.read_bytes(), f.name):
                yield r


def _iter_classic(sources: str) -> Iterator[RawRecord]:
    if sources not in ("small", "all"):
        return
    for f in sorted((DATA / "ctgov-classic").glob("*.json")) + sorted(SEEDS.glob("classic_*.json")):
        obj = json.loads(f.read_text(encoding="utf-8"))
        for item in obj.get("FullStudiesResponse", {}).get("FullStudies", []):
            study = item.get("Study", item)
            nct = study.get("ProtocolSection", {}).get("IdentificationModule", {}).get("NCTId")
            if nct:
                yield RawRecord(nct, "classic", f.name, json.dumps(study, ensure_ascii=False))


def _iter_csv(sources: str) -> Iterator[RawRecord]:
    if sources not in ("small", "all"):
        return
    for f in sorted((DATA / "ctgov-csv").glob("*.csv")) + sorted(SEEDS.glob("csv_*.csv")):
        with f.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            for row in reader:
                nct = (row.get("NCT Number") or "").strip()
                if nct:
                    buf = io.StringIO()
                    w = csv.DictWriter(buf, fieldnames=reader.fieldnames)
                    w.writeheader()
                    w.writerow(row)
                    yield RawRecord(nct, "csv", f.name, buf.getvalue())


_ITERS = {"v2": _iter_v2, "xml": _iter_xml, "classic": _iter_classic, "csv": _iter_csv}


def iter_records(part: str | None, fmt: str, sources: str = "bulk") -> Iterator[RawRecord]:
    """Records of one format on one side of the split (part None = both), deduplicated by NCT ID."""
    seen: set[str] = set()
    for r in _ITERS[fmt](sources):
        key = r.nct_id.upper()
        if key in seen:
            continue
        seen.add(key)
        if part is None or part_of(key) == part:
            yield r


def counts(sources: str = "bulk") -> dict[str, dict[str, int]]:
    """{format: {part: n}} after deduplication."""
    out: dict[str, dict[str, int]] = {}
    for fmt in FORMATS:
        c = Counter(part_of(r.nct_id) for r in iter_records(None, fmt, sources))
        if c:
            out[fmt] = {p: c[p] for p in PARTS}
    return out


# --- writing a part as files the tool reads ---


def write_part(part: str, out: Path, sources: str = "bulk") -> dict[str, int]:
    """v2 -> one NDJSON file; xml -> one .zip of NCT*.xml; classic -> one FullStudiesResponse;
    csv -> one CSV. Returns the number of records written per format."""
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for fmt in FORMATS:
        recs = list(iter_records(part, fmt, sources))
        if not recs:
            continue
        written[fmt] = len(recs)
        if fmt == "v2":
            (out / f"{part}_v2.ndjson").write_text("".join(r.raw + "\n" for r in recs), encoding="utf-8")
        elif fmt == "xml":
            with zipfile.ZipFile(out / f"{part}_xml.zip", "w", zipfile.ZIP_DEFLATED) as z:
                for r in recs:
                    z.writestr(f"{r.nct_id}.xml", r.raw)
        elif fmt == "classic":
            studies = [{"Rank": i + 1, "Study": json.loads(r.raw)} for i, r in enumerate(recs)]
            doc = {"FullStudiesResponse": {"NStudiesReturned": len(studies), "FullStudies": studies}}
            (out / f"{part}_classic.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        elif fmt == "csv":
            header = recs[0].raw.split("\r\n", 1)[0]
            body = "".join(r.raw.split("\r\n", 1)[1] for r in recs)
            (out / f"{part}.csv").write_text(header + "\r\n" + body, encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=PARTS)
    ap.add_argument("--write", type=Path, help="write the part's records here as files trial-audit reads")
    ap.add_argument("--sources", choices=("bulk", "small", "all"), default="bulk")
    args = ap.parse_args(argv)
    c = counts(args.sources)
    print(f"records per part ({args.sources} sources, deduplicated by NCT ID within a format):")
    for fmt, by in c.items():
        print(f"  {fmt:8s} tune {by['tune']:6d}  unseen {by['unseen']:6d}  total {by['tune'] + by['unseen']:6d}")
    if args.write:
        if not args.part:
            ap.error("--write needs --part")
        n = write_part(args.part, args.write, args.sources)
        print(f"wrote {args.part}: " + ", ".join(f"{k} {v}" for k, v in n.items()) + f" -> {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
