"""What the parent of a run keeps per record: memory of the run-wide state at 10,000 to 100,000 records.

A run streams results through a bounded ``ResultStore``, but two parts of the parent's state must
remember every record: the ``Finaliser``'s index of record IDs already read (to report a record
read twice, TA004) and the cross-record pass's index of run-rule digests (to compare the records
of one trial across the run, TA020, ``engine/cross.py``). Since issue 21 both are on disk
(``engine/run_state.py``). This script measures them without auditing 100,000 records (hours on a
shared machine): it reads real records of bench_audit's corpus, and feeds the parent's pipeline
(cross pass -> finaliser -> result store) one result per record under a fresh NCT ID, each with
its real run-rule digests and a finding, in batches as results arrive from the workers.

It prints, after each step: the Python heap held (``tracemalloc``: what dicts would hold), the
process's resident memory over its start (``/proc``: also SQLite's page cache, which tracemalloc
does not see), the bytes on disk of the run's state, and the seconds of the pipeline so far (wall and CPU: CPU is what to compare on a loaded machine).
Works on the code before the change too (in-memory indexes: no bytes on disk).

    python benchmarks/bench_run_state.py --records 10000 50000 100000

A whole run at that scale in minutes (the cross-record state with the cheapest rules around it):
``--write-csv PATH --records N`` writes N rows of the bundled ClinicalTrials.gov CSV export
(seeds/, 20 real rows) under fresh NCT IDs, for

    /usr/bin/time -v trial-audit audit PATH -f json --out DIR -q -j 1 --fail-on never --as-of 2026-11-27 --select TA004,TA020
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import build_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, nargs="+", default=[10000, 50000, 100000])
    ap.add_argument("--templates", type=int, default=200, help="real records the results are made from")
    ap.add_argument("--batch", type=int, default=500, help="results per batch fed to the pipeline (the run's batch size)")
    ap.add_argument("--write-csv", type=Path, help="write a CSV export of max(--records) rows there, and stop")
    args = ap.parse_args()
    if args.write_csv:
        write_csv(args.write_csv, max(args.records))
        return

    from trial_audit.core.findings import Evidence
    from trial_audit.core.model import TrialRecord
    from trial_audit.core.report import AUDITED, RecordResult
    from trial_audit.engine.run_report import Finaliser, new_report
    from trial_audit.engine.runner import Checker, RunOptions
    from trial_audit.readers import iter_records

    options = RunOptions(jobs=1)
    checker = Checker(options)
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(args.templates, Path(tmp))
        templates = [r for r in iter_records([tmp]) if isinstance(r, TrialRecord)]
    rule = checker.record_rules[0]
    tracemalloc.start()
    finalise = Finaliser(options)
    cross = checker.cross_pass()
    report = new_report(options, [], checker)
    base = tracemalloc.get_traced_memory()[0]
    rss0 = _rss_kib()
    print(f"{len(checker.run_rules)} run rules; results kept in memory: {options.results_in_memory}; batches of {args.batch}")
    print(f"{'records':>8} {'heap MB':>8} {'heap B/rec':>10} {'RSS +MB':>8} {'disk MB':>8} {'wall s':>6} {'CPU s':>6}")
    t0, c0 = time.perf_counter(), time.process_time()
    done = 0
    for target in sorted(args.records):
        while done < target:
            batch = []
            for _ in range(min(args.batch, target - done)):
                record = templates[done % len(templates)]
                record.nct_id = f"NCT7{done:07d}"
                finding = rule.finding("x", evidence=Evidence("nct_id", "x", 0, 1))
                result = RecordResult(record.id, record.source, record.source.format, AUDITED, [finding])
                checker._digest(record, result)
                batch.append(result)
                done += 1
            report.records.extend(finalise(cross.feed(batch)))
        held = tracemalloc.get_traced_memory()[0] - base
        rss = (_rss_kib() - rss0) / 1024
        print(
            f"{target:>8} {held / 2**20:>8.1f} {held / target:>10.0f} {rss:>8.1f} {_disk(finalise, cross) / 2**20:>8.1f}"
            f" {time.perf_counter() - t0:>6.0f} {time.process_time() - c0:>6.1f}",
            flush=True,
        )
    for index in (finalise, cross):
        if hasattr(index, "close"):
            index.close()


def write_csv(path: Path, rows: int) -> None:
    """The seeds' CSV export (20 real rows) repeated under fresh NCT IDs (in the ID and the study URL)."""
    import csv

    with open(ROOT / "seeds" / "csv_urology_ctg-studies_first20.csv", newline="", encoding="utf-8") as f:
        head, *templates = list(csv.reader(f))
    nct, url = head.index("NCT Number"), head.index("Study URL")
    with open(path, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        w.writerow(head)
        for i in range(rows):
            row = list(templates[i % len(templates)])
            row[nct] = f"NCT7{i:07d}"
            row[url] = f"https://clinicaltrials.gov/study/{row[nct]}"
            w.writerow(row)


def _rss_kib() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


def _disk(*parts: object) -> int:
    """Bytes of the run's state files (0 when the indexes are in memory)."""
    total = 0
    for part in parts:
        for index in vars(part).values():
            folder = getattr(getattr(index, "db", None), "folder", None)
            if folder is not None:
                total += sum(p.stat().st_size for p in Path(folder).iterdir())
    return total


if __name__ == "__main__":
    main()
