"""Which scope wordings of the injection benchmark's halves TA301's vocabularies name (issue 20, vocabulary round).

``scope_miss_causes.py`` sorts the misses of a whole run by cause; this benchmark isolates the vocabulary side: each
``SCOPE`` wording of a half is written as the only inclusion item of a trial registered for an unrelated condition
("Cataract"; "Migraine" for the eye wordings), and sorted by what recognises a disease in it:

- ``reported``: TA301 reports it;
- ``named, not reported``: a curated concept, an ICD-10-CM name or an HPO name is found in the item, but TA301 is silent
  (the requirement reading or the system map: scope10's side, or a chapter mapped to no system);
- ``named, not read``: a name is found in the item text but not read as a requirement (scope10's side);
- ``unnamed``: no vocabulary names anything in the item (the vocabulary side).

    python benchmarks/scope_coverage_wordings.py [--halves tune,heldout,fresh,fresh2,fresh3] [--show unnamed]

The halves are the benchmark's (already read by the rule tuners); the new half being written is not read here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from trial_audit.core.model import record_from_example  # noqa: E402
from trial_audit.engine.registry import Context, select_rules  # noqa: E402
from trial_audit.text.condition_hpo import hpo_gap_mentions  # noqa: E402
from trial_audit.text.condition_icd_names import icd_matcher  # noqa: E402
from trial_audit.text.conditions import analyse, load_vocabulary  # noqa: E402

_MODULES = {"tune": "inject_wordings", "heldout": "inject_wordings", "fresh": "inject_wordings_fresh"}
_MODULES |= {"fresh2": "inject_wordings_fresh2", "fresh3": "inject_wordings_fresh3"}


def wordings(half: str) -> list[tuple[str, str]]:
    mod = importlib.import_module(_MODULES[half])
    if half in ("tune", "heldout"):
        scope = mod.WORDINGS["scope"][half]
    else:
        scope = mod.SCOPE
    return [(k, t) for k, t in scope]


def host_record(key: str, item: str):
    host = "Migraine" if key.endswith("eye") else "Cataract"
    criteria = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  " + item + "\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    return record_from_example({"conditions": [host], "criteria": criteria, "minimum_age": "18 Years"})


def classify(rule, key: str, item: str) -> tuple[str, str]:
    rec = host_record(key, item)
    if list(rule.check(rec, Context())):
        return "reported", ""
    a = analyse(rec, load_vocabulary())
    if a.inclusion_hits:
        return "named, not reported", "; ".join(f"{h.label} {h.codes or h.concepts}" for h in a.inclusion_hits)
    names = raw_names(item)
    if names:
        return "named, not read", names
    return "unnamed", ""


def raw_names(item: str) -> str:
    """Every name the vocabularies find in the item, before any requirement reading."""
    vocab = load_vocabulary()
    icd = list(icd_matcher().mentions(item))
    out = [f"{m.text}={m.concept}" for m in vocab.mentions(item)]
    out += [f"{m.text}={m.code}" for m in icd]
    out += [f"{m.text}={m.code}(hpo)" for m in hpo_gap_mentions(item, 0, len(item), icd)]
    return "; ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--halves", default="fresh,fresh2,fresh3")
    ap.add_argument("--show", default="", help="classes whose wordings are printed, separated by semicolons")
    args = ap.parse_args(argv)
    rule = select_rules(["TA301"])[0]
    show = set(filter(None, args.show.split(";")))
    for half in args.halves.split(","):
        counts: Counter[str] = Counter()
        for key, item in wordings(half):
            cls, detail = classify(rule, key, item)
            counts[cls] += 1
            if cls in show:
                print(f"  {half} {cls:>20} [{key}] {item[:90]}  {detail[:80]}")
        n = sum(counts.values())
        print(
            f"{half}: {n} wordings; "
            + ", ".join(f"{c} {counts[c]}" for c in ("reported", "named, not reported", "named, not read", "unnamed"))
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
