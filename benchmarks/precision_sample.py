"""Precision by hand: draw a fixed sample of findings per family from an audit of the UNSEEN part,
write a judging sheet, and score the verdicts a person wrote into it.

    python benchmarks/split.py --part unseen --sources all --write /tmp/unseen
    trial-audit audit /tmp/unseen -f json --out /tmp/unseen-report -q -j 1 --fail-on never
    python benchmarks/precision_sample.py sample /tmp/unseen-report/report.json --out docs/precision/ [--n 60] [--seed 7]
    # a person fills the `verdict` (TP / FP) and `why` columns of docs/precision/<family>.tsv
    python benchmarks/precision_sample.py score docs/precision/ [--report NEW/report.json]

The sample is uniform over the family's findings (what a curator reading the report meets), drawn
with a fixed seed, so it can be drawn again. Families: numbering and structure (TA1xx), age (TA2xx),
scope (TA3xx), timeline and status (TA4xx), people and sites (TA5xx), completeness (TA6xx), text
hygiene (TA7xx), outcome measures (TA8xx) and results reporting (TA9xx). ``score --report`` also says which judged findings a
newer report no longer has and how many of its findings were not judged, so a verdict sheet is
never silently applied to findings it did not see.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

FAMILIES = {
    "TA1": "numbering & structure",
    "TA2": "age",
    "TA3": "scope",
    "TA4": "timeline & status",
    "TA5": "people & sites",
    "TA6": "completeness",
    "TA7": "text hygiene",
    "TA8": "outcome measures",
    "TA9": "results reporting",
}
COLUMNS = ["key", "record", "rule", "severity", "field", "message", "evidence", "context", "related", "suggestion", "verdict", "why"]
CONTEXT = 300  # characters of the field's text on each side of the quoted evidence


def _key(rec_id: str, f: dict) -> str:
    ev = f.get("evidence") or {}
    return f"{rec_id}|{f['rule']}|{f.get('field') or ''}|{ev.get('start')}-{ev.get('end')}"


def _findings(report: dict):
    for rec in report["records"]:
        for f in rec.get("findings", []):
            fam = f["rule"][:3]
            if fam in FAMILIES:
                yield fam, rec, f


def _context(rec: dict, f: dict) -> str:
    ev = f.get("evidence") or {}
    text = (rec.get("texts") or {}).get(f.get("field") or "", "")
    if not text or ev.get("start") is None:
        return ""
    a, b = ev["start"], ev["end"]
    return f"{text[max(0, a - CONTEXT) : a]}[[{text[a:b]}]]{text[b : b + CONTEXT]}".replace("\n", " ⏎ ")


def _flat(s: str | None) -> str:
    return (s or "").replace("\t", " ").replace("\n", " ⏎ ")


def _judged_keys(sheets: list[Path]) -> set[str]:
    keys: set[str] = set()
    for sheet in sheets:
        keys |= {r["key"] for r in csv.DictReader(open(sheet, encoding="utf-8"), delimiter="\t")}
    return keys


def sample(
    report_path: Path, out: Path, n: int, seed: int, exclude: list[Path] = (), families: str = "", severities: str = "", suffix: str = ""
) -> None:
    """``exclude``: sheets judged before (a second sample never repeats a finding already judged)."""
    report = json.loads(report_path.read_text(encoding="utf-8"))
    seen = _judged_keys(list(exclude))
    by_family: dict[str, list] = defaultdict(list)
    for fam, rec, f in _findings(report):
        if _key(rec["id"], f) not in seen and (not severities or f["severity"] in severities.split(",")):
            by_family[fam].append((rec, f))
    out.mkdir(parents=True, exist_ok=True)
    for fam, label in FAMILIES.items():
        if families and fam not in families.split(","):
            continue
        items = sorted(by_family.get(fam, []), key=lambda rf: _key(rf[0]["id"], rf[1]))
        chosen = random.Random(seed).sample(items, min(n, len(items)))
        with open(out / f"{fam.lower()}xx{suffix}.tsv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, delimiter="\t", lineterminator="\n")
            w.writerow(COLUMNS)
            for rec, f in sorted(chosen, key=lambda rf: _key(rf[0]["id"], rf[1])):
                ev = f.get("evidence") or {}
                related = " || ".join(f"{r.get('field')}: {r.get('text')}" for r in f.get("related") or [])
                w.writerow([_key(rec["id"], f), rec["id"], f["rule"], f["severity"], f.get("field") or "", _flat(f["message"]),
                            _flat(ev.get("text")), _context(rec, f), _flat(related), _flat(f.get("suggestion")), "", ""])  # fmt: skip
        print(f"{fam}xx {label}: {len(items)} findings, {len(chosen)} sampled -> {out / f'{fam.lower()}xx{suffix}.tsv'}")


def score(folder: Path, report_path: Path | None) -> int:
    current = None
    if report_path:
        current = {_key(rec["id"], f) for _, rec, f in _findings(json.loads(report_path.read_text(encoding="utf-8")))}
    print("| family | judged | true | false | precision | judged findings gone from the newer report |")
    print("|---|---:|---:|---:|---:|---:|")
    status = 0
    for fam, label in FAMILIES.items():
        rows = [
            r for path in sorted(folder.glob(f"{fam.lower()}xx*.tsv")) for r in csv.DictReader(open(path, encoding="utf-8"), delimiter="\t")
        ]
        if not rows:
            continue
        judged = [r for r in rows if r["verdict"].strip().upper() in {"TP", "FP"}]
        if current is not None:
            gone = [r for r in judged if r["key"] not in current]
            judged = [r for r in judged if r["key"] in current]
        else:
            gone = []
        tp = sum(r["verdict"].strip().upper() == "TP" for r in judged)
        fp = len(judged) - tp
        prec = f"{tp / len(judged):.1%}" if judged else "-"
        print(f"| {fam}xx {label} | {len(judged)} | {tp} | {fp} | {prec} | {len(gone)} |")
        if len(judged) < len(rows) - len(gone):
            status = 1  # unjudged rows left
    return status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("report", type=Path)
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--n", type=int, default=60)
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--exclude", type=Path, nargs="*", default=[], help="sheets judged before: their findings are not drawn again")
    s.add_argument("--families", default="", help="family prefixes, e.g. TA1,TA2 (default: every family)")
    s.add_argument("--severities", default="", help="e.g. error,warning (default: all)")
    s.add_argument("--suffix", default="", help="added to each sheet's file name (a second sheet beside the first)")
    c = sub.add_parser("score")
    c.add_argument("folder", type=Path)
    c.add_argument("--report", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "sample":
        sample(args.report, args.out, args.n, args.seed, args.exclude, args.families, args.severities, args.suffix)
        return 0
    return score(args.folder, args.report)


if __name__ == "__main__":
    sys.exit(main())
