"""Measure the TA1xx rules (eligibility structure & numbering) on the real data.

Usage (from the repository root):

    python benchmarks/measure_ta1xx.py [--data ../shared/data] [--sample 60 --seed 7] [--rule TA110]
    python benchmarks/measure_ta1xx.py --per-rule 6 --seed 31337     # the stratified hand-check sample
    python benchmarks/measure_ta1xx.py --part tune                   # plus the tune part of the bulk sets

Prints, per corpus, how many records each TA1xx rule fires on (records flagged / records with
criteria) and the parse + check speed. With ``--sample N`` it also prints N random (rule, record)
findings with the quoted evidence and the surrounding text, for checking by hand.

Texts are read straight from the files (see benchmarks/criteria_texts.py): criteria-corpus CSVs
(deduplicated by NCT ID; legacy XML text, dedented as the XML reader does), v2 JSON (Markdown),
classic JSON and legacy XML.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import pkgutil
import random
import sys
import textwrap
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.criteria_texts import iter_bulk, iter_texts  # noqa: E402
from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import record_from_example  # noqa: E402
from trial_audit.engine.registry import RULES, Context  # noqa: E402
from trial_audit.text.criteria import parse_criteria  # noqa: E402


def load_ta1_rules():
    import trial_audit.checks as checks

    for m in pkgutil.iter_modules(checks.__path__):
        if m.name.startswith("ta1"):
            importlib.import_module(f"trial_audit.checks.{m.name}")
    return [cls() for code, cls in sorted(RULES.items()) if code.startswith("TA1")]


def texts(data: Path, part: str | None = None):
    seen: set[str] = set()
    source = iter_texts(data)
    if part:
        # the bulk sets too, one part of the fixed split only ("tune" while developing; "unseen"
        # for the final measurement)
        source = itertools.chain(source, iter_bulk(data, part))
    for corpus, rid, text, md in source:
        if corpus == "criteria-corpus":
            nct = rid.split(":", 1)[1]
            if nct in seen:
                continue
            seen.add(nct)
            text = textwrap.dedent(text).strip("\n")
        yield corpus, rid, text, md


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-rule", type=int, default=0, help="stratified sample: N random flagged records per rule")
    ap.add_argument("--rule", action="append", default=[])
    ap.add_argument("--context", type=int, default=300)
    ap.add_argument("--part", choices=["tune", "unseen"], help="also read the bulk sets' records of this split part")
    args = ap.parse_args(argv)

    rules = load_ta1_rules()
    ctx = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
    checked: Counter = Counter()
    any_flagged: Counter = Counter()
    flagged: dict[str, Counter] = defaultdict(Counter)
    hits: list = []
    t_parse = t_check = 0.0
    n_texts = 0
    for corpus, rid, text, md in texts(Path(args.data), args.part):
        if not text.strip():
            continue
        n_texts += 1
        checked[corpus] += 1
        t0 = time.perf_counter()
        parse_criteria(text, md)
        t1 = time.perf_counter()
        rec = record_from_example({"criteria": text, "criteria_markdown": md})
        hit_any = False
        for r in rules:
            fs = list(r.check(rec, ctx))
            if fs:
                hit_any = True
                flagged[r.code][corpus] += 1
                hits.append((r.code, corpus, rid, text, fs))
        any_flagged[corpus] += hit_any
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_check += t2 - t1

    corpora = sorted(checked)
    print(f"texts with criteria: {n_texts}  " + "  ".join(f"{c}={checked[c]}" for c in corpora))
    print(f"parse: {t_parse:.2f} s ({n_texts / max(t_parse, 1e-9):.0f} texts/s); parse+all TA1xx rules: {t_parse + t_check:.2f} s")
    print()
    print("| rule | name | " + " | ".join(corpora) + " | all |")
    print("|---|---|" + "---|" * (len(corpora) + 1))
    total = sum(checked.values())
    for r in rules:
        row = [r.code, r.name]
        for c in corpora:
            k = flagged[r.code][c]
            row.append(f"{k}/{checked[c]} ({100 * k / checked[c]:.1f}%)")
        k = sum(flagged[r.code].values())
        row.append(f"{k}/{total} ({100 * k / total:.1f}%)")
        print("| " + " | ".join(row) + " |")

    row = ["any", "(at least one TA1xx finding)"]
    for c in corpora:
        row.append(f"{any_flagged[c]}/{checked[c]} ({100 * any_flagged[c] / checked[c]:.1f}%)")
    k = sum(any_flagged.values())
    row.append(f"{k}/{total} ({100 * k / total:.1f}%)")
    print("| " + " | ".join(row) + " |")

    sample = []
    if args.per_rule:
        # the hand-check sample of docs/rules-ta1xx.md: N random flagged records per rule
        rnd = random.Random(args.seed)
        by_rule: dict[str, list] = defaultdict(list)
        for h in hits:
            by_rule[h[0]].append(h)
        for code in sorted(by_rule):
            if args.rule and code not in args.rule:
                continue
            pool = by_rule[code]
            sample.extend(rnd.sample(pool, min(args.per_rule, len(pool))))
    elif args.sample:
        pool = [h for h in hits if not args.rule or h[0] in args.rule]
        rnd = random.Random(args.seed)
        sample = rnd.sample(pool, min(args.sample, len(pool)))
    if sample:
        for i, (code, corpus, rid, text, fs) in enumerate(sample, 1):
            f = fs[0]
            ev = f.evidence
            a = max(0, ev.start - args.context)
            b = min(len(text), ev.end + args.context)
            print(f"\n#### {i}. {code} {rid} ({len(fs)} finding(s))")
            print(f"message: {f.message}")
            print(f"evidence [{ev.start}:{ev.end}]: {ev.text!r}")
            for rel in f.related:
                print(f"related [{rel.start}:{rel.end}]: {rel.text!r}")
            print("--- context ---")
            print(text[a : ev.start] + "[[" + text[ev.start : ev.end] + "]]" + text[ev.end : b])
            if f.suggestion and code.startswith("TA11"):
                print("--- suggestion ---")
                print(f.suggestion[:600])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
