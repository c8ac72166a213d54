"""A/B throughput: the same corpus audited by two checkouts of trial-audit, alternating.

On a shared machine the load changes from minute to minute, so a number measured today cannot be
compared with one from last week. This script runs the old and the new code on the same corpus,
one fresh process each (bench_audit's *audit* mode: one core, start-up apart), alternating, so
that both see the same machine.

    git worktree add /tmp/ta-old <commit>
    python benchmarks/ab_compare.py --old /tmp/ta-old --records 2000 --rounds 2
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import build_corpus, measure  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--old", required=True, help="a checkout (e.g. a git worktree) of the code to compare with")
    ap.add_argument("--new", default=str(ROOT))
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(args.records, Path(tmp))
        print("round  code  records/s (one core)")
        for rnd in range(args.rounds):
            for name, root in (("old", args.old), ("new", args.new)):
                n, seconds, _rss, _startup = measure("audit", Path(tmp), Path(root))
                print(f"{rnd:>5}  {name:<4}  {n / seconds:.0f}", flush=True)


if __name__ == "__main__":
    main()
