"""How many forms of a disease requirement TA301 recognises (issue 20, recall round).

Each line of ``benchmarks/scope_forms/forms_*.txt`` is ``chapter | inclusion item``: one
requirement of a disease, written for this benchmark (no benchmark wording, no record text).
Each item is the only disease requirement of a trial registered for "Cataract" (or "Migraine"
for eye diseases), so every item should be reported. ``look_alikes.txt`` holds items that must
stay silent (safety thresholds, negations, upper bounds). Prints the misses and the counts::

    python benchmarks/scope_forms.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules

HERE = Path(__file__).with_name("scope_forms")
HOSTS = {"eye": "Migraine"}  # a host of another organ system than the item's disease


def _items(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            chapter, item = line.split("|", 1)
            rows.append((chapter.strip(), item.strip()))
    return rows


def _reported(rule, chapter: str, item: str) -> bool:
    criteria = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  " + item + "\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    record = record_from_example({"conditions": [HOSTS.get(chapter, "Cataract")], "criteria": criteria})
    return bool(list(rule.check(record, Context())))


def main() -> int:
    rule = select_rules(["TA301"])[0]
    for path in sorted(HERE.glob("*.txt")):
        rows = _items(path)
        want = not path.name.startswith("look")
        wrong = [(c, t) for c, t in rows if _reported(rule, c, t) != want]
        for c, t in wrong:
            print(f"{'MISS' if want else 'FALSE'}  [{c}] {t}")
        print(f"{path.name}: {len(rows) - len(wrong)}/{len(rows)} {'reported' if want else 'silent'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
