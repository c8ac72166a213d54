"""Where one record's time goes: reading, and each rule, in milliseconds per record.

Builds bench_audit's corpus (real v2 and XML records replicated under fresh IDs), reads it once,
then runs every selected rule over every record in the runner's order, timing each call. Rules
share per-record work (the criteria parse, the condition analysis), so that work is charged to
the first rule that asks for it: TA101 carries the criteria parse, TA301 the condition analysis.
The rules run ``--rounds`` times; the fastest round is shown. Times are CPU time (``time.process_time``):
the machine is shared, and CPU seconds move far less with its load than wall seconds.

    python benchmarks/bench_rules.py --records 2000
    python benchmarks/bench_rules.py --records 2000 --select TA3,TA2 --top 10
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import build_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--select", default="", help="rule codes or prefixes, comma-separated (default: all)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()

    from trial_audit.core.model import TrialRecord
    from trial_audit.engine.runner import Checker, RunOptions, audit_paths, collector_tuned
    from trial_audit.readers import iter_records

    audit_paths([ROOT / "seeds"], RunOptions(jobs=1))  # start-up (imports, vocabulary) apart
    prefixes = tuple(p.strip().upper() for p in args.select.split(",") if p.strip())
    checker = Checker(RunOptions(jobs=1))
    rules = [r for r in checker.record_rules if not prefixes or r.code.startswith(prefixes)]
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(args.records, Path(tmp))
        with collector_tuned(checker):
            t0 = time.process_time()
            records = [r for r in iter_records([tmp]) if isinstance(r, TrialRecord)]
            read_ms = (time.process_time() - t0) * 1e3 / len(records)
            best: Counter[str] | None = None
            for _ in range(args.rounds):
                for record in records:  # shared analyses are computed again in every round
                    record._analyses.clear()
                spent: Counter[str] = Counter()
                clock = time.process_time
                for record in records:
                    for rule in rules:
                        t = clock()
                        for _finding in rule.check(record, checker.ctx):
                            pass
                        spent[rule.code] += clock() - t
                if best is None or sum(spent.values()) < sum(best.values()):
                    best = spent
    assert best is not None
    n = len(records)
    total = sum(best.values()) * 1e3 / n
    print(f"{n} records; reading {read_ms:.3f} ms/record; rules {total:.3f} ms/record")
    families: Counter[str] = Counter()
    for code, seconds in best.items():
        families[code[:3] + "xx"] += seconds
    print("\nfamily   ms/record  share of rules")
    for fam, seconds in families.most_common():
        ms = seconds * 1e3 / n
        print(f"{fam:<8} {ms:>9.3f}  {ms / total:>6.0%}")
    print(f"\nrule     ms/record  (top {args.top})")
    for code, seconds in best.most_common(args.top):
        print(f"{code:<8} {seconds * 1e3 / n:>9.3f}")


if __name__ == "__main__":
    main()
