"""Measure the TA5xx / TA6xx / TA7xx rules on the real registry data.

Usage (from the repository root):

    /work/venv/bin/python benchmarks/measure_ta5_7xx.py [DATA_DIR] [--samples FILE] [--seed SEED_PAGE]

DATA_DIR defaults to ../shared/data (or $TRIAL_AUDIT_SHARED_DATA). Prints, per format and per
rule, records checked / records flagged / firing rate, the rules' throughput, and with
``--samples`` writes every finding (record id, rule, message, evidence) to FILE for hand-checking.
The criteria corpus (verbatim legacy eligibility texts) is also run through the text rules,
as plain-text (legacy XML) criteria.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trial_audit.core.model import Source, TrialRecord  # noqa: E402
from trial_audit.engine.registry import Context, select_rules  # noqa: E402
from trial_audit.readers import iter_records  # noqa: E402

FORMATS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv")
TEXT_RULES_ON_CRITERIA = ("TA701", "TA702", "TA703", "TA705", "TA706")


def main() -> int:
    ap = argparse.ArgumentParser()
    default = os.environ.get("TRIAL_AUDIT_SHARED_DATA", str(ROOT.parent / "shared" / "data"))
    ap.add_argument("data", nargs="?", default=default)
    ap.add_argument("--samples", help="write every finding to this TSV file")
    ap.add_argument("--seed", default=str(ROOT / "seeds" / "000_39e40e8ef963eca8.txt"))
    args = ap.parse_args()
    data = Path(args.data)

    rules = select_rules(["TA5", "TA6", "TA7"])
    codes = [r.code for r in rules]
    ctx = Context()
    checked: Counter[str] = Counter()
    flagged: dict[str, Counter[str]] = defaultdict(Counter)
    findings_out = []
    rule_seconds = 0.0
    n_records = 0

    def run(rec: TrialRecord, fmt: str, only: tuple[str, ...] | None = None) -> None:
        nonlocal rule_seconds, n_records
        checked[fmt] += 1
        n_records += 1
        t = time.perf_counter()
        hits = []
        for rule in rules:
            if only and rule.code not in only:
                continue
            fs = list(rule.check(rec, ctx))
            if fs:
                flagged[fmt][rule.code] += 1
                hits.extend(fs)
        rule_seconds += time.perf_counter() - t
        for f in hits:
            ev = f.evidence
            findings_out.append((fmt, rec.id, f.rule, f.message, ev.field if ev else "", (ev.text if ev else "")[:200]))

    for fmt in FORMATS:
        for rec in iter_records([data / fmt]):
            if isinstance(rec, TrialRecord):
                run(rec, fmt)
    if Path(args.seed).exists():
        for rec in iter_records([args.seed]):
            if isinstance(rec, TrialRecord):
                run(rec, "seed")

    csv.field_size_limit(1 << 30)
    corpus = data / "criteria-corpus"
    seen: set[str] = set()
    for path in sorted(corpus.glob("*.csv")) if corpus.is_dir() else ():
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                text, nct = row.get("criteria") or "", row.get("nctid") or row.get("nct_id") or ""
                if not text or (nct and nct in seen):
                    continue
                seen.add(nct)
                rec = TrialRecord(source=Source(str(path), "ctgov-xml"), nct_id=nct or None, criteria=text)
                run(rec, "criteria-corpus", TEXT_RULES_ON_CRITERIA)

    cols = [*FORMATS, "criteria-corpus", "seed"]
    print(f"{'rule':8}" + "".join(f"{c:>22}" for c in cols))
    print(f"{'records':8}" + "".join(f"{checked[c]:>22}" for c in cols))
    for code in codes:
        cells = []
        for c in cols:
            if c == "criteria-corpus" and code not in TEXT_RULES_ON_CRITERIA:
                cells.append(f"{'-':>22}")
                continue
            k, n = flagged[c][code], checked[c]
            cells.append(f"{f'{k} ({100 * k / n:.1f}%)' if n else '-':>22}")
        print(f"{code:8}" + "".join(cells))
    print(f"\n{n_records} records, TA5-7 rules {rule_seconds:.2f} s = {n_records / max(rule_seconds, 1e-9):,.0f} records/s")
    if args.samples:
        with open(args.samples, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, delimiter="\t")
            w.writerow(["format", "record", "rule", "message", "field", "evidence"])
            w.writerows(findings_out)
        print(f"{len(findings_out)} findings written to {args.samples}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
