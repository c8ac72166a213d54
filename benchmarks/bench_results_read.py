"""What reading outcome measures and results sections costs the readers (issue 22).

Reads the real records of the folders that have results sections (ctgov-xml: 49 of 192 records
with ``<clinical_results>``; ctgov-v2-bulk: 32 of 573) three times each, with the outcome /
results mapping as shipped and with it switched off (the XML results slice not parsed, the JSON
results section not mapped), and prints the best time per record. One core, no replication.

    python benchmarks/bench_results_read.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA") or ROOT.parent / "shared" / "data")
sys.path.insert(0, str(ROOT))

from trial_audit.readers import ctgov_json, ctgov_xml, iter_records  # noqa: E402


def _best(folder: Path, repeat: int = 3) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = sum(1 for _ in iter_records([folder]))
        best = min(best, time.perf_counter() - t)
    return best, n


def main() -> None:
    if not DATA.is_dir():
        raise SystemExit(f"real data not found at {DATA} (set TRIAL_AUDIT_SHARED_DATA)")
    folders = [DATA / "ctgov-xml", DATA / "ctgov-v2-bulk"]
    shipped = {f.name: _best(f) for f in folders}
    cut, mapped = ctgov_xml._cut_results, ctgov_json.json_results
    ctgov_xml._cut_results = lambda data: None  # type: ignore[assignment]
    ctgov_json.json_results = lambda study, classic: None  # type: ignore[assignment]
    try:
        without = {f.name: _best(f) for f in folders}
    finally:
        ctgov_xml._cut_results, ctgov_json.json_results = cut, mapped
    print("| folder | records | ms/record with results mapping | without | difference |")
    print("|---|---:|---:|---:|---:|")
    for name, (t, n) in shipped.items():
        t0 = without[name][0]
        print(f"| {name} | {n} | {1000 * t / n:.2f} | {1000 * t0 / n:.2f} | {100 * (t - t0) / t0:+.0f} % |")


if __name__ == "__main__":
    main()
