"""The history rules (TA480-TA486) on real version pairs: studies that appear in two exports of
../shared/data taken at different times (e.g. the v2 bulk download and a later search-page CSV),
tune part only (benchmarks/split.py). Each pair is ordered by its versions' dates (last update
posted, else the record's as-of date); a record without either is left out (its order is unknown).
Prints every finding, for hand-checking, and the counts.

    python benchmarks/measure_history.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.split import part_of  # noqa: E402
from trial_audit.cli.diff import PREVIOUS, version_rules  # noqa: E402
from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import TrialRecord  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402
from trial_audit.readers import iter_records  # noqa: E402

FOLDERS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-v2-bulk", "ctgov-csv", "ctgov-xml-bulk")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    versions: dict[str, list[tuple[str, TrialRecord]]] = defaultdict(list)
    for folder in FOLDERS:
        for rec in iter_records([args.data / folder]):
            if isinstance(rec, TrialRecord) and rec.nct_id and part_of(rec.nct_id) == "tune":
                if rec.dates.get("last_update_posted") or rec.as_of:
                    versions[rec.nct_id].append((folder, rec))
    rules = {code: cls() for code, cls in load_rules().items() if code in version_rules()}
    ctx = Context(as_of=parse_date("2026-11-27"))
    pairs, found, studies = 0, Counter(), defaultdict(set)
    for nct, recs in sorted(versions.items()):
        recs.sort(key=lambda fr: (fr[1].dates.get("last_update_posted") or fr[1].as_of).to_date())
        for (fa, a), (fb, b) in zip(recs, recs[1:]):
            if fa == fb:
                continue
            pairs += 1
            b = copy.copy(b)
            b.extra = {**b.extra, PREVIOUS: a}
            for code, rule in rules.items():
                for f in rule.check(b, ctx):
                    found[code] += 1
                    studies[code].add(nct)
                    print(f"{nct} {fa} -> {fb} {code}: {f.message[:300]}")
    print(
        f"\n{pairs} version pairs (tune part); findings: "
        + ", ".join(f"{c} {n} ({len(studies[c])} studies)" for c, n in sorted(found.items()))
    )


if __name__ == "__main__":
    main()
