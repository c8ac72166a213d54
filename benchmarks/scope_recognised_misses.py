"""Scope recall split by whether the injected disease name is recognised at all (issue 20, tenth round).

    python benchmarks/inject.py --part tune --formats all --families scope --wordings W --json RUN.json
    python benchmarks/scope_recognised_misses.py RUN.json [--show 20]

A ``scope_disease`` miss has one of two owners: the vocabularies (no curated concept, marker, ICD-10-CM title or
HPO gap name is found in the injected text - "unrecognised") or the reading of the item (a name is found, yet TA301
did not read the item as a requirement for everyone, or judged it linked or scoped - "recognised"). This prints
recall for each part and the recognised wordings missed most often, so that reading fixes are measured apart from
vocabulary growth. A tuning aid on the TUNE part only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from trial_audit.text.condition_hpo import hpo_gap_mentions
from trial_audit.text.condition_icd_names import icd_matcher
from trial_audit.text.condition_vocabulary import load_vocabulary

_WHAT = re.compile(r"^\[(?P<ch>[^\]]*)\] (?:appended to inclusion item [0-9]+|inclusion item at [^:]+): (?P<text>.*)$", re.S)


def recognised(text: str) -> bool:
    """A disease name, marker or ICD-10-CM / HPO name is found in the wording on its own."""
    v = load_vocabulary()
    if any(not v.is_umbrella(m.concept) for m in v.mentions(text)) or any(True for _ in v.marker_hits(text)):
        return True
    icd = list(icd_matcher().mentions(text))
    return bool(icd) or bool(list(hpo_gap_mentions(text, 0, len(text), icd)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path)
    ap.add_argument("--show", type=int, default=20, help="recognised wordings missed most often")
    args = ap.parse_args()
    data = json.loads(args.run.read_text(encoding="utf-8"))
    seen: dict[str, bool] = {}
    total: Counter = Counter()
    found: Counter = Counter()
    missed: Counter = Counter()
    for inj in data["injections"]:
        m = _WHAT.match(inj["what"]) if inj["op"] == "scope_disease" else None
        if m is None:
            continue
        text = m["text"].replace("\\", "")
        if text not in seen:
            seen[text] = recognised(text)
        part = "recognised" if seen[text] else "unrecognised"
        total[part] += 1
        found[part] += bool(inj["detected"])
        if seen[text] and not inj["detected"]:
            missed[text] += 1
    print(f"scope injections ({data['meta'].get('wordings')}): {sum(total.values())}")
    print("| injected name | detected |\n|---|---:|")
    for part in ("recognised", "unrecognised"):
        n = total[part]
        print(f"| {part} | {found[part] / max(1, n):.0%} ({found[part]}/{n}) |")
    for text, n in missed.most_common(args.show):
        print(f"  {n:3d}  {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
