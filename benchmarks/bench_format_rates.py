"""Records per CPU second per input format (read only, and read + every rule), and 1 against 2 workers.

Formats: a v2 NDJSON file and a zip of legacy XML records (bench_audit's corpus: real records of
../shared/data replicated under fresh IDs), and an ICTRP XML export (read_registries' corpus: the
real ICTRP samples of tests/data/registries replicated). CPU time, not wall time: the machine
these figures come from is shared, and CPU seconds move far less with its load than wall
seconds. Each format is read and audited in one process after a warm-up on the bundled seeds,
so start-up is not in the figures.

``--workers``: the whole v2 + XML corpus audited in a fresh process with ``--jobs 1`` and with
``--jobs 2``; for each, wall seconds and CPU seconds of the whole process tree. On a machine with
two free cores the speed-up of two workers is at most 2 x (CPU of one process) / (CPU of the two
workers and the parent), when the units are balanced; the wall figures are what this machine gave.

    python benchmarks/bench_format_rates.py --records 2000
    python benchmarks/bench_format_rates.py --records 2000 --workers
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import build_corpus  # noqa: E402
from read_registries import build_xml as build_ictrp_xml  # noqa: E402

_CHILD = """
import resource, sys, time
from trial_audit.engine.runner import RunOptions, audit_paths
audit_paths([{seeds!r}], RunOptions(jobs=1))
t0, c0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
report = audit_paths([sys.argv[1]], RunOptions(jobs=int(sys.argv[2])))
wall = time.perf_counter() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime - c0.ru_utime - c0.ru_stime + kids.ru_utime + kids.ru_stime
print(len(report.records), wall, cpu)
"""


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def rates(folders: dict[str, Path]) -> None:
    from trial_audit.core.model import TrialRecord
    from trial_audit.engine.runner import RunOptions, audit_paths
    from trial_audit.readers import iter_records

    audit_paths([ROOT / "seeds"], RunOptions(jobs=1))
    print(f"{'format':<16} {'records':>7} {'KB/rec':>6} {'read rec/CPU-s':>14} {'audit rec/CPU-s':>15} {'audit ms/rec':>12}")
    for name, folder in folders.items():
        size = sum(p.stat().st_size for p in folder.iterdir())
        c0 = _cpu()
        n = sum(1 for r in iter_records([folder]) if isinstance(r, TrialRecord))
        read = _cpu() - c0
        c0 = _cpu()
        report = audit_paths([folder], RunOptions(jobs=1))
        audit = _cpu() - c0
        assert len(report.records) == n, (name, len(report.records), n)
        print(f"{name:<16} {n:>7} {size / n / 1024:>6.0f} {n / read:>14,.0f} {n / audit:>15,.0f} {audit * 1e3 / n:>12.2f}", flush=True)


def workers(folder: Path) -> None:
    print(f"\n{'jobs':>4} {'records':>7} {'wall s':>7} {'CPU s (tree)':>12} {'rec/wall-s':>10}")
    for jobs in (1, 2):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD.format(seeds=str(ROOT / "seeds")), str(folder), str(jobs)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        n, wall, cpu = int(out[0]), float(out[1]), float(out[2])
        print(f"{jobs:>4} {n:>7} {wall:>7.1f} {cpu:>12.1f} {n / wall:>10,.0f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--workers", action="store_true", help="also audit the corpus with --jobs 1 and --jobs 2")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        build_corpus(args.records, base)
        folders = {"v2-ndjson": base / "v2", "ctgov-xml-zip": base / "xml", "ictrp-xml": base / "ictrp"}
        for f in folders.values():
            f.mkdir()
        shutil.copy(base / "studies.ndjson", folders["v2-ndjson"])
        shutil.copy(base / "legacy.zip", folders["ctgov-xml-zip"])
        build_ictrp_xml(folders["ictrp-xml"] / "ictrp.xml", args.records // 2)
        t0 = time.perf_counter()
        rates(folders)
        print(f"(python {sys.version.split()[0]}; {time.perf_counter() - t0:.0f} s)")
        if args.workers:
            both = base / "both"
            both.mkdir()
            shutil.move(base / "studies.ndjson", both)
            shutil.move(base / "legacy.zip", both)
            workers(both)


if __name__ == "__main__":
    main()
