"""What the parent of a run keeps per record: memory of the run-wide state at 10,000 to 100,000 records.

A run streams results through a bounded ``ResultStore``, but two parts of the parent's state hold
something for every record by design: the ``Finaliser``'s index of record IDs already read (to
report a record read twice) and the cross-record pass's index of run-rule digests (to compare the
records of one trial across the run, ``engine/cross.py``). This script measures them without
auditing 100,000 records (hours on a shared machine): it reads real records of bench_audit's
corpus, and feeds the parent's pipeline (cross pass -> finaliser -> result store) one result per
record under a fresh NCT ID, each with its real run-rule digests and a finding, exactly as
results arrive from the workers; ``tracemalloc`` gives the memory held after each step.

    python benchmarks/bench_run_state.py --records 10000 50000 100000
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
    args = ap.parse_args()

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
    print(f"{len(checker.run_rules)} run rules; results kept in memory: {options.results_in_memory}")
    print(f"{'records':>8} {'held MB':>8} {'bytes/record':>12} {'s':>6}")
    t0 = time.perf_counter()
    done = 0
    for target in sorted(args.records):
        while done < target:
            record = templates[done % len(templates)]
            record.nct_id = f"NCT7{done:07d}"
            finding = rule.finding("x", evidence=Evidence("nct_id", "x", 0, 1))
            result = RecordResult(record.id, record.source, record.source.format, AUDITED, [finding])
            checker._digest(record, result)
            report.records.extend(finalise(cross.feed([result])))
            done += 1
        held = tracemalloc.get_traced_memory()[0] - base
        print(f"{target:>8} {held / 2**20:>8.1f} {held / target:>12.0f} {time.perf_counter() - t0:>6.0f}", flush=True)
    # what each index holds: the memory given back when it is emptied
    before = tracemalloc.get_traced_memory()[0]
    finalise.seen.clear()
    after_seen = tracemalloc.get_traced_memory()[0]
    cross.index.clear()
    after_cross = tracemalloc.get_traced_memory()[0]
    n = sorted(args.records)[-1]
    print(
        f"of which the finaliser's record IDs: {(before - after_seen) / n:.0f} bytes/record; the run rules' digests: {(after_seen - after_cross) / n:.0f} bytes/record"
    )


if __name__ == "__main__":
    main()
