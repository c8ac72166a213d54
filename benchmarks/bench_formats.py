"""Throughput per source format on the real records of ../shared/data (one core, no replication).

Records differ in size by two orders of magnitude between formats (a CSV export row is under
1 KB, a legacy XML record with its sites ~55 KB), and throughput follows size. Each folder is
audited twice in one process after a warm-up on the bundled seeds; the second run is reported
(start-up and first-use loading excluded).

    python benchmarks/bench_formats.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from trial_audit.engine.runner import RunOptions, audit_paths  # noqa: E402


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    audit_paths([ROOT / "seeds"], RunOptions())
    print(f"{'format':<14} {'records':>7} {'KB/record':>9} {'seconds':>7} {'records/s':>9}")
    for name in ("ctgov-csv", "ctgov-classic", "ctgov-v2", "ctgov-xml"):
        folder = DATA / name
        if not folder.is_dir():
            continue
        for _ in range(2):
            t0 = time.perf_counter()
            report = audit_paths([folder], RunOptions(jobs=1))
            dt = time.perf_counter() - t0
        n = len(report.records)
        print(f"{name:<14} {n:>7} {_size(folder) / n / 1024:>9.1f} {dt:>7.2f} {n / dt:>9,.0f}", flush=True)
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
