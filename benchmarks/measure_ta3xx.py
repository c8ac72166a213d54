"""Measure the TA3xx (condition scope) rules on the real records and dump flagged items for hand-checking.

    /work/venv/bin/python benchmarks/measure_ta3xx.py [DATA_DIR] [--dump flagged.tsv] [--rules TA301,TA302]

Registry records (ctgov-v2, ctgov-classic, ctgov-xml) are read with the project's readers. The
criteria corpus (CSV rows with ``diseases`` and ``criteria``) becomes minimal records: registered
conditions = the ``diseases`` list, criteria = the verbatim eligibility text (no summary, title or
keywords: the rules then see less than they would in a full record).
"""

from __future__ import annotations

import argparse
import ast
import csv
import glob
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, select_rules


def registry_records(data: Path):
    from trial_audit.readers import iter_records

    for sub in ("ctgov-v2", "ctgov-classic", "ctgov-xml"):
        d = data / sub
        if not d.is_dir():
            continue
        files = sorted(p for p in d.iterdir() if p.suffix.lower() in (".json", ".xml"))
        for r in iter_records(files):
            if isinstance(r, TrialRecord):
                yield sub, r


def corpus_records(data: Path):
    csv.field_size_limit(sys.maxsize)
    seen = set()
    for f in sorted(glob.glob(str(data / "criteria-corpus" / "*.csv"))):
        with open(f, newline="", encoding="utf-8") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                nct = row.get("nctid")
                if not nct or nct in seen:
                    continue
                seen.add(nct)
                try:
                    ds = ast.literal_eval(row.get("diseases") or "[]")
                except (ValueError, SyntaxError):
                    ds = []
                rec = TrialRecord(source=Source(path=f, format="criteria-corpus", index=i))
                rec.nct_id = nct
                rec.conditions = [d for d in ds if isinstance(d, str)]
                rec.criteria = row.get("criteria") or ""
                yield "criteria-corpus", rec


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="?", default=os.environ.get("TRIAL_AUDIT_SHARED_DATA", "/work/shared/data"))
    ap.add_argument("--dump", help="write flagged items (TSV) for hand-checking")
    ap.add_argument("--rules", default="TA301,TA302,TA303,TA304")
    args = ap.parse_args()
    data = Path(args.data)
    rules = select_rules(args.rules.split(","))
    ctx = Context()
    checked: Counter = Counter()
    flagged: dict[tuple[str, str], int] = defaultdict(int)
    findings_n: Counter = Counter()
    rows = []
    t0 = time.perf_counter()
    n = 0
    from itertools import chain

    for corpus, rec in chain(registry_records(data), corpus_records(data)):
        n += 1
        checked[corpus] += 1
        for rule in rules:
            fs = list(rule.check(rec, ctx))
            if fs:
                flagged[(rule.code, corpus)] += 1
                findings_n[rule.code] += len(fs)
            for f in fs:
                ev = f.evidence.text if f.evidence else ""
                rel = " || ".join(e.text[:150] for e in f.related)
                rows.append((rule.code, corpus, rec.id, ev[:400].replace("\n", " "), rel.replace("\n", " "), f.message[:300]))
    dt = time.perf_counter() - t0
    print(f"records: {n} in {dt:.1f}s ({n / dt:.0f}/s, TA3xx only, including reading)")
    for code in [r.code for r in rules]:
        parts = []
        tot_f = tot_c = 0
        for corpus in checked:
            k = flagged.get((code, corpus), 0)
            tot_f += k
            tot_c += checked[corpus]
            parts.append(f"{corpus} {k}/{checked[corpus]}")
        print(
            f"{code}: {tot_f}/{tot_c} records flagged ({100 * tot_f / max(tot_c, 1):.1f}%), {findings_n[code]} findings; "
            + ", ".join(parts)
        )
    if args.dump:
        with open(args.dump, "w", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["rule", "corpus", "record", "evidence", "related", "message"])
            w.writerows(rows)
        print(f"wrote {len(rows)} findings to {args.dump}")


if __name__ == "__main__":
    main()
