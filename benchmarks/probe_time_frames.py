"""Generated probe for TA803's bare time frames: numbers with no time unit anywhere (issue 20).

The time frame's shape is built from dimensions, so no single spelling carries the score:

- ``bare`` (TA803 must fire): a lead word (none, "At", "Up to", "Until", "By", "Within", "Between ... and ...",
  "From ... to ...", "Assessed at", "Measured at", "Timepoint:") x a number layout (one number, two, lists
  with ",", ";", "/", " and ", "-" ranges; with and without "Baseline" / "Screening" first) x an ending
  (none, ".", " post-op");
- ``silent`` (TA803 must not fire): look-alikes with a unit anywhere that the numbers share ("Day 0, 7, 14",
  "0, 6 and 12 months", "Weeks 4/8/12", "6 mo", "at 3 and 6 mths"), visit and cycle codes ("Visit 3",
  "Cycle 1 Day 1", "C1D1"), dates ("2024-06") and counts of visits ("3 visits"), built with the same lead
  words where they read naturally.

"T0, T1" (time-point codes) are already reported as codes and are not part of the grid.

Usage: python benchmarks/probe_time_frames.py [--show-misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import record_from_example  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402

# (lead word for one number or a list, lead for a two-number range as a format with {a} and {b})
LEADS_LIST = ["", "At ", "Up to ", "Until ", "By ", "Within ", "Assessed at ", "Measured at ", "Timepoint: ", "at "]
LEADS_RANGE = ["Between {a} and {b}", "From {a} to {b}", "between {a} and {b}", "{a}-{b}", "{a} to {b}", "{a}–{b}"]
# number layouts for a list (the lead word goes before them)
LAYOUTS = ["3", "20", "6, 12", "3; 6; 12", "0/6/12", "6 and 12", "3, 6 and 12", "4-8", "1.5"]
FIRSTS = ["", "Baseline, ", "Screening, ", "baseline and "]
ENDINGS = ["", ".", " post-op"]

SILENT = [
    "Day 0, 7, 14",
    "0, 6 and 12 months",
    "Weeks 4/8/12",
    "Cycle 1 Day 1",
    "24 h",
    "Visit 3",
    "Year 1",
    "Month 6",
    "Post-operative day 3",
    "6 mo",
    "12 wk",
    "at 3 and 6 mths",
    "C1D1",
    "2024-06",
    "3 visits",
    "Baseline, 6 and 12 months",
    "Baseline, week 6, week 12",
    "Between 6 and 12 weeks",
    "From day 0 to 28",
    "Up to 20 days",
    "At 3 months post-op",
    "Within 24 hours",
    "By 2025",
    "Screening, Visit 2, Visit 3",
    "Baseline and 3 visits",
    "Timepoint: Month 6",
    "Assessed at 12-week visit",
    "From 2020 to 2024",
    "At cycle 3",
    "Until discharge",
]


def bare_cells() -> list[str]:
    cells = []
    for lead, layout, first, end in itertools.product(LEADS_LIST, LAYOUTS, FIRSTS, ENDINGS):
        lead_here = lead.lower() if first and lead else lead
        cells.append(f"{first}{lead_here}{layout}{end}" if first else f"{lead}{layout}{end}")
    for rng, (a, b), first, end in itertools.product(LEADS_RANGE, [("6", "12"), ("0", "24")], FIRSTS[:2], ENDINGS):
        text = rng.format(a=a, b=b)
        cells.append(f"{first}{text[0].lower() + text[1:] if first else text}{end}")
    return sorted(set(cells))


def fires(rule, ctx, time_frame: str) -> bool:
    record = record_from_example({"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": time_frame}]})
    return any(True for _ in rule.check(record, ctx))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    rule = load_rules()["TA803"]()
    ctx = Context(as_of=parse_date("2026-12-07"), today=parse_date("2026-12-07"))
    score: Counter[str] = Counter()
    misses = []
    bare = bare_cells()
    for tf in bare:
        hit = fires(rule, ctx, tf)
        score["bare_hit" if hit else "bare_miss"] += 1
        if not hit:
            misses.append(("bare, silent", tf))
    for tf in SILENT:
        hit = fires(rule, ctx, tf)
        score["silent_fp" if hit else "silent_ok"] += 1
        if hit:
            misses.append(("look-alike, reported", tf))
    print(f"bare: {score['bare_hit']}/{len(bare)} reported; look-alikes: {score['silent_ok']}/{len(SILENT)} silent")
    if args.show_misses:
        for kind, tf in misses:
            print(f"  {kind}: {tf!r}")


if __name__ == "__main__":
    main()
