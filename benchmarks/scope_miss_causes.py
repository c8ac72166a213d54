"""Why TA301 missed the scope injections of a defect-injection run (issue 20).

    python benchmarks/inject.py --part tune --formats all --families scope --wordings W --json RUN.json --keep KEEP
    python benchmarks/scope_miss_causes.py RUN.json KEEP [--show 30]

Reads every missed ``scope_disease`` injection of the run, finds the mutated record in the kept batch
files, runs the condition-scope analysis on it and sorts the miss by its first cause:

- ``requirement unplaced``: no inclusion hit (vocabulary concept, marker or ICD-10-CM name) inside the injected text,
  split (tenth round) into ``unnamed`` (no vocabulary names a disease in the injected text: the vocabulary side) and
  ``named, not read`` (a name is found, but the item is not read as a requirement for everyone);
- ``trial unplaced``: the injected text is a hit, but nothing the record declares has an organ system;
- ``judged linked``: the hit's system is the trial's own or linked to it (``foreign`` / ``foreign_codes`` false);
- ``judged scoped``: the item or clause reads as scoped to a cohort, a population of two diseases, or
  a declared condition named in the same clause;
- ``other``: TA301 would report the hit on this record, yet the injection was scored a miss.

A tuning aid on the TUNE part only: it reads the records and findings of the run it is given.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from trial_audit.checks.ta301_criterion_requires_unregistered_condition import _clause, _foreign_requirement, _two_disease_population
from trial_audit.core.model import TrialRecord
from trial_audit.readers import iter_records
from trial_audit.text.conditions import analyse, is_scoped_hit, load_vocabulary

sys.path.insert(0, str(Path(__file__).parent))
from scope_coverage_wordings import raw_names  # noqa: E402

_WHAT = re.compile(r"^\[(?P<ch>[^\]]*)\] (?:appended to inclusion item [0-9]+|inclusion item at [^:]+): (?P<text>.*)$", re.S)


def _records(keep: Path, ids: set[str]) -> dict:
    out = {}
    for batch in sorted(keep.glob("batch_*")):
        for rec in iter_records([str(batch)]):
            if isinstance(rec, TrialRecord) and rec.id in ids:
                out[rec.id] = rec
    return out


def classify(rec, injected: str) -> tuple[str, str]:
    """(cause, detail) of one miss."""
    a = analyse(rec, load_vocabulary())
    text = a.doc.text if a.doc else ""
    core = " ".join(injected.split())[:40].replace("\\", "").lower()
    flat = text.replace("\\", "").lower()
    at = flat.find(core[:25])
    if at < 0:
        return "other", "injected text not found in the criteria"
    lo, hi = at, at + len(injected) + 10
    # offsets in the escaped text differ little; compare by overlap with a margin
    hits = [h for h in a.inclusion_hits if h.start < hi + 40 and h.end > lo - 5 and injected_words(injected) & words(text[h.start : h.end])]
    if not hits:
        # the vocabulary side (no vocabulary names a disease in the injected text) or the reading side (a name is
        # found, but the item is not read as a requirement for everyone)
        names = raw_names(injected)
        return ("requirement unplaced: named, not read", names) if names else ("requirement unplaced: unnamed", "")
    if not a.declared_chapters and not a.healthy_only and not a.declared_areas:
        return "trial unplaced", ", ".join(src.text[:40] for src in a.declared if src.field.startswith("conditions["))
    labels = "; ".join(f"{h.label} {h.codes or h.concepts}" for h in hits)
    if not any(_foreign_requirement(a, h, text) for h in hits):
        return "judged linked", f"{labels} vs {sorted(a.declared_chapters)}"
    for h in hits:
        if not _foreign_requirement(a, h, text):
            continue
        if is_scoped_hit(a, h, text):
            return "judged scoped", "scoped: " + labels
        if not h.codes and _two_disease_population(a, h, rec):
            return "judged scoped", "two-disease population: " + labels
        cs, ce = _clause(text, h.item.text_start, h.item.text_end, h.start)
        ms = [m for m in a.item_mentions.get(id(h.item), []) if cs <= m.start < ce]
        if any(a.relation(m.concept) == "declared" for m in ms if not a.vocab.is_umbrella(m.concept)):
            return "judged scoped", "declared condition in the clause: " + labels
    return "other", labels


def words(s: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", s)}


def injected_words(s: str) -> set[str]:
    return words(s)


def placement(keep: Path, fmt_of: dict[str, str]) -> None:
    """How many of the run's clean records have no organ system for TA301 (no placed condition, not healthy-only)."""
    recs = _records(keep, set(fmt_of))
    total: Counter = Counter()
    unplaced: Counter = Counter()
    for rid, rec in recs.items():
        a = analyse(rec, load_vocabulary())
        total[fmt_of[rid]] += 1
        if not a.declared_chapters and not a.declared_areas and not a.healthy_only:
            unplaced[fmt_of[rid]] += 1
    print("| format | clean records | nothing placed |\n|---|---:|---:|")
    for f in sorted(total):
        print(f"| {f} | {total[f]} | {unplaced[f]} ({unplaced[f] / total[f]:.0%}) |")
    print(f"| all | {sum(total.values())} | {sum(unplaced.values())} ({sum(unplaced.values()) / max(1, sum(total.values())):.0%}) |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path)
    ap.add_argument("keep", type=Path)
    ap.add_argument("--show", type=int, default=0, help="print this many misses per cause")
    ap.add_argument("--placement", action="store_true", help="also count the clean records nothing places (by format)")
    args = ap.parse_args()
    data = json.loads(args.run.read_text(encoding="utf-8"))
    if args.placement:
        placement(args.keep, {i["record"]: i["fmt"] for i in data["injections"]})
    misses = [i for i in data["injections"] if i["op"] == "scope_disease" and not i["detected"]]
    total = sum(1 for i in data["injections"] if i["op"] == "scope_disease")
    recs = _records(args.keep, {i["id"] for i in misses})
    causes: Counter = Counter()
    shown: dict[str, list[str]] = {}
    for inj in misses:
        m = _WHAT.match(inj["what"])
        rec = recs.get(inj["id"])
        if m is None or rec is None:
            cause, detail = "other", "record or injection not found"
        else:
            cause, detail = classify(rec, m["text"])
        causes[cause] += 1
        shown.setdefault(cause, []).append(
            f"  {inj['fmt']:<10} {inj['record']:<14} [{m['ch'] if m else '?'}] {inj['what'][-110:]!r} -- {detail}"
        )
    print(f"{len(misses)} misses of {total} scope injections ({data['meta'].get('wordings')})")
    for cause, n in causes.most_common():
        print(f"| {cause} | {n} |")
    if args.show:
        for cause, rows in shown.items():
            print(f"\n## {cause}")
            print("\n".join(rows[: args.show]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
