"""What the batch table, the pandera schema rules (TA010-TA012) and the GX submission gate cost.

Builds N records by replicating the real registry records of ../shared/data (v2 JSON, classic
JSON, legacy XML, CSV exports; read once with ``trial_audit.readers.iter_records``) under fresh NCT IDs,
then measures, in this order and in one process (the import costs are the first imports):

- pandera import, GX import (each once, the first time it is needed);
- build_table in the runner's batches of 500 (what every run with table rules pays);
- the pandera validation + TA010/TA011/TA012 over those batch tables;
- run_gate over the batch tables (concatenated inside), default suite, no Data Docs;
- run_gate with Data Docs (--gx-docs) when --docs is given.

    python benchmarks/bench_gate.py --records 1000 100000
    python benchmarks/bench_gate.py --records 1000 --docs
    python benchmarks/bench_gate.py --cli --records 1000 100000

``--cli`` measures end to end instead: ``trial-audit audit CORPUS --select TA0 --format json``
with and without ``--gate default`` (each in a fresh process, on the NDJSON + zipped-XML corpus of
benchmarks/bench_audit.py); the difference is what the gate adds to a run. TA0 only, so that the
other rule families' cost does not drown the difference (the gate's cost does not depend on them).

The numbers are recorded in docs/ci.md.
"""

from __future__ import annotations

import argparse
import copy
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"
BATCH = 500


def real_records() -> list:
    from trial_audit.core.model import TrialRecord
    from trial_audit.readers import iter_records

    folders = [DATA / d for d in ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv")]
    return [r for r in iter_records([f for f in folders if f.is_dir()]) if isinstance(r, TrialRecord)]


def replicate(templates: list, n: int) -> list:
    out = []
    for i in range(n):
        r = copy.copy(templates[i % len(templates)])
        r.nct_id = f"NCT9{i:07d}"
        out.append(r)
    return out


def timed(label: str, fn, results: dict):
    t0 = time.perf_counter()
    value = fn()
    results[label] = time.perf_counter() - t0
    return value


def cli(counts: list[int]) -> None:
    import subprocess

    from benchmarks.bench_audit import build_corpus

    exe = Path(sys.executable).parent / "trial-audit"
    print("| records | audit (TA0) | audit (TA0) + --gate default | the gate adds |")
    print("|---:|---:|---:|---:|")
    for n in counts:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            build_corpus(n, corpus)
            times = []
            for extra in ([], ["--gate", "default"]):
                cmd = [str(exe), "audit", str(corpus), "--select", "TA0", "--format", "json", "--out", str(Path(tmp) / "out"), "-q", *extra]
                t0 = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=False)
                times.append(time.perf_counter() - t0)
            print(f"| {n:,} | {times[0]:.1f} s | {times[1]:.1f} s | {times[1] - times[0]:+.1f} s |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, nargs="+", default=[1000, 100000])
    ap.add_argument("--docs", action="store_true", help="also time the gate with Data Docs")
    ap.add_argument("--cli", action="store_true", help="end to end: the CLI with and without --gate")
    args = ap.parse_args()
    if args.cli:
        cli(args.records)
        return

    t0 = time.perf_counter()
    templates = real_records()
    print(f"{len(templates)} real records read as templates in {time.perf_counter() - t0:.1f} s")

    imports: dict[str, float] = {}
    timed("import pandera", lambda: __import__("pandera.pandas"), imports)
    timed("import great_expectations", lambda: __import__("great_expectations"), imports)
    for k, v in imports.items():
        print(f"{k}: {v:.2f} s (once per process)")

    from trial_audit.checks.ta010_invalid_nct_id import InvalidNctId
    from trial_audit.checks.ta011_value_not_in_registry_vocabulary import ValueNotInRegistryVocabulary
    from trial_audit.checks.ta012_age_out_of_range import AgeOutOfRange
    from trial_audit.engine.gate import run_gate
    from trial_audit.engine.registry import Context
    from trial_audit.engine.table import build_table

    rules = [InvalidNctId(), ValueNotInRegistryVocabulary(), AgeOutOfRange()]
    ctx = Context()
    print()
    print("| records | build_table | pandera + TA010-012 | gate (default suite) | gate + Data Docs | findings | gate passed |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for n in args.records:
        records = replicate(templates, n)
        res: dict[str, float] = {}
        tables = timed("table", lambda: [build_table(records[i : i + BATCH]) for i in range(0, n, BATCH)], res)
        findings = timed("schema", lambda: sum(1 for t in tables for rule in rules for _ in rule.check_table(t, ctx)), res)
        gate = timed("gate", lambda: run_gate(tables, "default"), res)
        docs = "-"
        if args.docs:
            with tempfile.TemporaryDirectory() as d:
                timed("docs", lambda: run_gate(tables, "default", docs_dir=d), res)
            docs = f"{res['docs']:.2f} s"
        print(
            f"| {n:,} | {res['table']:.2f} s | {res['schema']:.2f} s | {res['gate']:.2f} s | {docs} | {findings} | "
            f"{gate['passed']}/{gate['evaluated']} |"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
