"""Reading speed and peak memory of the other registries' readers (issue 23).

Builds an ICTRP XML export and an ICTRP CSV download of N trials from the real samples in
tests/data/registries (their trials repeated, each copy under its own TrialID), then reads each
with ``iter_records`` only (no rules) in a fresh process and reports trials per second and the
process's peak resident memory. Streaming readers keep the peak flat as N grows.

    python benchmarks/read_registries.py                 # N = 2,000 and 20,000
    python benchmarks/read_registries.py --trials 50000
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "registries"

_CHILD = """
import resource, sys, time
from trial_audit.readers import iter_records
t = time.perf_counter()
n = sum(1 for _ in iter_records([sys.argv[1]]))
dt = time.perf_counter() - t
print(n, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_xml(path: Path, trials: int) -> None:
    data = (SAMPLES / "ictrp_sample.xml").read_bytes()
    head = data[: data.index(b"<Trial>")]
    items = re.findall(rb"  <Trial>.*?</Trial>\r?\n", data, re.S)
    with open(path, "wb") as f:
        f.write(head)
        for i in range(trials):
            item = items[i % len(items)]
            f.write(re.sub(rb"<TrialID>[^<]*</TrialID>", b"<TrialID>ChiCTR%010d</TrialID>" % i, item, count=1))
        f.write(b"</Trials_downloaded_from_ICTRP>")


def build_csv(path: Path, trials: int) -> None:
    lines = (SAMPLES / "ictrp_sample.csv").read_bytes().split(b"\r\n")
    header, rows = lines[0], [r for r in lines[1:] if r.startswith(b'"')]
    with open(path, "wb") as f:
        f.write(header + b"\r\n")
        for i in range(trials):
            row = rows[i % len(rows)]
            f.write(re.sub(rb'^"[^"]*"', b'"ChiCTR%010d"' % i, row, count=1) + b"\r\n")


def measure(path: Path) -> tuple[int, float, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, nargs="*", default=[2000, 20000])
    args = ap.parse_args()
    print("| input | trials | MB | read s | trials/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.trials:
            for kind, build in (("ictrp-xml", build_xml), ("ictrp-csv", build_csv)):
                path = Path(tmp) / f"{kind}-{n}.{kind.split('-')[1]}"
                build(path, n)
                count, seconds, rss_kb = measure(path)
                assert count == n, (count, n)
                size = path.stat().st_size / 1e6
                print(f"| {kind} | {n:,} | {size:.0f} | {seconds:.1f} | {n / seconds:,.0f} | {rss_kb / 1024:.0f} |")
                path.unlink()


if __name__ == "__main__":
    main()
