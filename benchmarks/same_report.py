"""Are two JSON reports the same audit? Compared whole, record by record and finding by finding.

Issue 21 asks every speed change to give identical findings, offset for offset, to the serial run
before the change: ``--jobs 1``, the default worker mode and ``--engine dask`` must all agree.
Only the time of the run (``generated``) may differ. The script prints how many records differ
and their IDs (not their findings: part of the real data is the unseen half, see split.py), and
exits 1 when anything differs.

    trial-audit audit ../shared/data seeds -f json --out /tmp/a -q -j 1 --fail-on never --as-of 2026-11-27
    trial-audit audit ../shared/data seeds -f json --out /tmp/b -q --fail-on never --as-of 2026-11-27
    python benchmarks/same_report.py /tmp/a/report.json /tmp/b/report.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

#: keys of the report that may differ between two runs of the same audit
VOLATILE = ("generated",)


def load(path: Path) -> dict:
    with open(path, "rb") as f:
        report = json.load(f)
    for key in VOLATILE:
        report.pop(key, None)
    return report


def differences(a: dict, b: dict) -> list[str]:
    """What differs, in words: top-level keys, then records by position (ID only)."""
    out = [f"key {k!r} differs" for k in sorted(set(a) | set(b)) if k != "records" and a.get(k) != b.get(k)]
    ra, rb = a.get("records", []), b.get("records", [])
    if len(ra) != len(rb):
        out.append(f"{len(ra)} records against {len(rb)}")
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x != y:
            out.append(f"record {i} ({x.get('id')} / {y.get('id')}) differs")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    args = ap.parse_args()
    a, b = load(args.a), load(args.b)
    diff = differences(a, b)
    findings = sum(len(r.get("findings", [])) for r in a.get("records", []))
    if not diff:
        print(f"same: {len(a.get('records', []))} records, {findings} findings, every key but {', '.join(VOLATILE)}")
        return
    print(f"DIFFERENT: {len(diff)} differences")
    for line in diff[:50]:
        print("  " + line)
    sys.exit(1)


if __name__ == "__main__":
    main()
