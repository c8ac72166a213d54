"""``--engine dask`` on a local cluster of worker *processes*: 1 against 2 workers, and the same report.

The test suite runs the Dask engine on an in-process cluster (starting worker processes costs
seconds); this script shows the process-based one: it audits one input with the command line,
``-j 1`` (one process, no Dask) as the reference, then ``--engine dask`` with a LocalCluster of 1
and of 2 single-threaded worker processes, each in a fresh process, start-up included. Every
report must equal the reference, compared whole (``same_report.py``).

    python benchmarks/bench_shapes.py --records 2000 --keep /tmp/shapes --shapes mix --build-only
    python benchmarks/bench_dask.py /tmp/shapes/mix
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from same_report import differences, load  # noqa: E402


def audit(python: str, target: str, out: Path, extra: list[str]) -> float:
    cmd = [python, "-m", "trial_audit", "audit", target, "-f", "json", "--out", str(out), "-q"]
    cmd += ["--fail-on", "never", "--as-of", "2026-11-27", *extra]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("target", help="a file or folder to audit")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; {args.target}")
    print(f"{'run':<22} {'seconds':>8} {'records/s':>10}  report")
    with tempfile.TemporaryDirectory() as tmp:
        ref_dir = Path(tmp) / "ref"
        dt = audit(args.python, args.target, ref_dir, ["-j", "1"])
        ref = load(ref_dir / "report.json")
        n = len(ref["records"])
        print(f"{'-j 1 (no Dask)':<22} {dt:>8.2f} {n / dt:>10,.0f}  reference, {n} records", flush=True)
        for w in (int(x) for x in args.workers.split(",")):
            out = Path(tmp) / f"dask{w}"
            dt = audit(args.python, args.target, out, ["--engine", "dask", "-j", str(w)])
            diff = differences(ref, load(out / "report.json"))
            verdict = "same as -j 1" if not diff else f"DIFFERENT ({len(diff)}: {json.dumps(diff[:3])})"
            print(f"{f'dask, {w} worker(s)':<22} {dt:>8.2f} {n / dt:>10,.0f}  {verdict}", flush=True)


if __name__ == "__main__":
    main()
