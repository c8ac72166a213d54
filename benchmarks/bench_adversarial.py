"""Rules on hostile text: a real record with one field replaced by 20,000 characters of one shape.

Registry text is untrusted. A regular expression that re-reads a long run from each of its
characters (``[\\s...]*`` at every line start, ``[\\w.]+@`` on a long word) is quadratic, and
20,000 blank lines in a criteria field then cost minutes instead of milliseconds. This script
puts such texts (runs of letters, digits, blanks, newlines, brackets, repeated markers and
headers) into each text field of a real XML record, runs every rule, and lists every rule call
slower than ``--slow`` seconds (a call that passes ``--limit`` seconds is stopped and shown as
"> limit").

    python benchmarks/bench_adversarial.py
    python benchmarks/bench_adversarial.py --length 50000 --slow 0.2
"""

from __future__ import annotations

import argparse
import copy
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RECORD = ROOT.parent / "shared" / "data" / "ctgov-xml" / "NCT00567723.xml"  # 199 sites, officials
FIELDS = (
    "criteria",
    "brief_summary",
    "detailed_description",
    "brief_title",
    "official_title",
    "sponsor",
    "conditions",
    "officials.name",
    "officials.affiliation",
    "locations.facility",
    "locations.city",
)


class _Timeout(Exception):
    pass


def _shapes(n: int) -> dict[str, str]:
    return {
        "letters": "x" * n,
        "digits": "1" * n,
        "spaces": " " * n,
        "newlines": "\n" * n,
        "dashes": "-" * n,
        "dots": "." * n,
        "open-brackets": "(" * n,
        "words": "a " * (n // 2),
        "blank-lines": "\n \n\t" * (n // 4),
        "bullets": "- \n" * (n // 3),
        "numbers": "1. " * (n // 3),
        "ages": "18 years " * (n // 9),
        "headers": "Inclusion criteria:\n" * (n // 20),
        "at-sign": "x" * n + "@",
    }


def _with(record, field: str, text: str):
    r = copy.deepcopy(record)
    if field == "conditions":
        r.conditions = [text]
    elif "." in field:
        owner, attr = field.split(".")
        setattr(getattr(r, owner)[0], attr, text)
    else:
        setattr(r, field, text)
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--length", type=int, default=20000, help="characters per hostile text (criteria limit: 20,000)")
    ap.add_argument("--slow", type=float, default=0.5, help="report rule calls slower than this (s)")
    ap.add_argument("--limit", type=int, default=30, help="stop a rule call after this many seconds")
    args = ap.parse_args()

    from trial_audit.engine.runner import Checker, RunOptions, collector_tuned
    from trial_audit.readers import iter_records

    (record,) = list(iter_records([RECORD]))
    checker = Checker(RunOptions(jobs=1))

    def stop(*_):
        raise _Timeout

    signal.signal(signal.SIGALRM, stop)
    slow, calls, t_all = [], 0, time.perf_counter()
    with collector_tuned(checker):
        for rule in checker.record_rules:  # one-off loading (vocabulary, ICD index) apart
            list(rule.check(record, checker.ctx))
        for field in FIELDS:
            for shape, text in _shapes(args.length).items():
                r = _with(record, field, text)
                for rule in checker.record_rules:
                    calls += 1
                    signal.alarm(args.limit)
                    t = time.perf_counter()
                    try:
                        list(rule.check(r, checker.ctx))
                        took = f"{time.perf_counter() - t:.2f} s"
                    except _Timeout:
                        took = f"> {args.limit} s"
                    finally:
                        signal.alarm(0)
                    if took.startswith(">") or float(took.split()[0]) > args.slow:
                        slow.append((field, shape, rule.code, took))
    print(
        f"{calls} rule calls on {len(FIELDS)} fields x {len(_shapes(args.length))} shapes of "
        f"{args.length:,} characters in {time.perf_counter() - t_all:.0f} s; slower than {args.slow} s: {len(slow)}"
    )
    for row in slow:
        print("  " + "  ".join(row))


if __name__ == "__main__":
    main()
