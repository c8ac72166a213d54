"""What makes a benchmark wording half new: shared by the tests of each half (test_inject_fresh*.py).

A later half must be at least as long as the one before it, and repeat no wording of the earlier
halves up to case and spacing (and, for wordings with words, up to punctuation), nor itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path


def spaced(w) -> str:
    """Case and spacing do not make a new wording (placeholders keep their case: {N} is not {n})."""
    parts = re.split(r"(\{\w+\})", str(w))
    return re.sub(r"\s+", " ", "".join(p if p.startswith("{") else p.lower() for p in parts)).strip()


def words(w) -> str:
    """Nor does punctuation, where a wording has words (headers, ages, diseases, outcome titles)."""
    return " ".join(re.findall(r"[^\W_]+", str(w).lower()))


def assert_half_is_new(key: str, halves: dict[str, Sequence], half: str, previous: str, earlier: Iterable[str]) -> None:
    """``half`` of one wording list: as long as ``previous``, and nothing of ``earlier`` halves again."""
    assert half in halves, key
    new = halves[half]
    assert len(new) >= len(halves[previous]), key
    old = [w for h in earlier for w in halves[h]]
    assert not {spaced(w) for w in new} & {spaced(w) for w in old}, key
    worded = [w for w in new if len(re.findall(r"[a-z]{3,}", re.sub(r"\{\w+\}", "", str(w)).lower())) >= 2]
    assert not {words(w) for w in worded} & {words(w) for w in old}, key
    assert len({spaced(w) for w in new}) == len(new), key  # no repeats within the half


def operators_without_injections(inject, seeds: Path, half: str) -> list[str]:
    """The operators with wordings that ``--wordings half`` gives no injection on the bundled seeds.

    Every injection made must be of that half and change the record (asserted on the way).
    """
    with_words = [o for o in inject.OPERATORS if o.wordings]
    seen: Counter = Counter()
    for path in sorted(seeds.glob("*")):
        if path.suffix not in (".json", ".xml"):
            continue
        recs = inject.records_from_file(path)
        for fmt in sorted({r.fmt for r in recs}):
            for seed in (1, 2, 3):
                _, _, injs, _, _ = inject.build_format(fmt, [r for r in recs if r.fmt == fmt], with_words, [half], seed, inject.Ids())
                for i in injs:
                    assert i.half == half and i.changed
                    seen[i.op] += 1
    return [o.name for o in with_words if not seen[o.name]]
