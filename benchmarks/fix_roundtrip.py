"""Fixes on real records: audit a copy of a folder, ``--fix`` it, audit it again, and compare.

    python benchmarks/fix_roundtrip.py DIR [--unsafe] [--as-of 2026-11-27]

DIR is copied to a temporary folder first (DIR itself is never changed). Prints the findings
before and after, the fixable findings left, the findings gone and the new ones per rule (keyed by
record, rule and field: a renumbered item keeps its key), and the files changed. A fix must leave
no finding of the rule it fixed where it applied, and make no new finding; ``new`` lists any.
Used for the figures in docs/fixes.md (on the tune part only: benchmarks/split.py).
"""

from __future__ import annotations

import argparse
import collections
import filecmp
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def audit(folder: Path, out: Path, as_of: str, *extra: str) -> dict:
    cmd = [sys.executable, "-m", "trial_audit", "audit", str(folder), "-f", "json", "-q", "-j", "1"]
    cmd += ["--fail-on", "never", "--as-of", as_of, "--out", str(out), *extra]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"audit failed ({result.returncode}): {result.stderr[-2000:]}")
    if result.stderr.strip():
        print(result.stderr.strip().splitlines()[-1])
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def keyed(report: dict) -> tuple[collections.Counter, collections.Counter]:
    findings: collections.Counter = collections.Counter()
    fixable: collections.Counter = collections.Counter()
    for r in report["records"]:
        for f in r["findings"]:
            findings[(r["id"], f["rule"], f["field"])] += 1
            if f.get("fix"):
                fixable[(f["rule"], f["fix"]["safety"])] += 1
    return findings, fixable


def changed_files(a: Path, b: Path) -> int:
    n = 0
    for left in a.rglob("*"):
        if left.is_file() and not filecmp.cmp(left, b / left.relative_to(a), shallow=False):
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--unsafe", action="store_true", help="apply the unsafe fixes too")
    ap.add_argument("--as-of", default="2026-11-27")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fix-roundtrip-") as tmp:
        work = Path(tmp) / "records"
        shutil.copytree(args.folder, work)
        before = audit(work, Path(tmp) / "before", args.as_of)
        audit(work, Path(tmp) / "fix", args.as_of, "--fix", *(["--unsafe-fixes"] if args.unsafe else []))
        after = audit(work, Path(tmp) / "after", args.as_of)
        files = changed_files(args.folder, work)
    (b, bfix), (a, afix) = keyed(before), keyed(after)
    gone, new = b - a, a - b
    print(f"records {before['summary']['records']}; findings before {before['summary']['findings']}, after {after['summary']['findings']}")
    print("fixable before:", dict(sorted(bfix.items())))
    print("fixable after: ", dict(sorted(afix.items())))
    print("gone per rule: ", dict(sorted(collections.Counter(k[1] for k in gone.elements()).items())))
    print("new per rule:  ", dict(sorted(collections.Counter(k[1] for k in new.elements()).items())))
    for k in list(new)[:20]:
        print("  new:", *k)
    print(f"files changed: {files}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
