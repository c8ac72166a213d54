"""Numbering recall and noise on real lists re-marked in other marker shapes.

Usage (from the repository root):

    python benchmarks/measure_marker_shapes.py [--data ../shared/data] [--limit 150]

Takes the numbered lists of the tune part ("1." / "1)" sections with three to twelve items and no
sub-items, read by the parser), writes each list again in every shape of ``SHAPES`` (brackets, colon,
several marks, full-width, Chinese numerals, glyphs), once numbered cleanly and once with each numbering
defect (start at 2, a duplicate, a skip, a restart), and runs the TA1 rules on the text. Prints per
shape the defects found (the expected rule fires) and the clean lists with a numbering finding (noise).
Only the tune part: the split of benchmarks/split.py, never the unseen records.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.criteria_texts import iter_bulk  # noqa: E402
from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import Source, TrialRecord  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402
from trial_audit.text.criteria import parse_criteria  # noqa: E402

FW = str.maketrans("0123456789", "０１２３４５６７８９")
CN = "一二三四五六七八九十"
SHAPES = {
    "1.": lambda n: f"{n}.",
    "[1]": lambda n: f"[{n}]",
    "1]": lambda n: f"{n}]",
    "1:": lambda n: f"{n}:",
    "1.)": lambda n: f"{n}.)",
    "1).": lambda n: f"{n}).",
    "(1).": lambda n: f"({n}).",
    "【1】": lambda n: f"【{n}】",
    "#1": lambda n: f"#{n}",
    "１．": lambda n: str(n).translate(FW) + "．",
    "一、": lambda n: CN[n - 1] + "、" if n <= 10 else f"{n}、",
    "①": lambda n: chr(0x2460 + n - 1),
    "⑴": lambda n: chr(0x2474 + n - 1),
}
DEFECTS = {
    "start_at_2": (lambda k: [i + 2 for i in range(k)], "TA110"),
    "duplicate": (lambda k: [i + 1 if i < k // 2 else i for i in range(k)], "TA111"),
    "skip": (lambda k: [i + 1 if i < k // 2 else i + 2 for i in range(k)], "TA112"),
    "restart": (lambda k: [i + 1 if i < k // 2 else i - k // 2 + 1 for i in range(k)], "TA113"),
}
NUMBERING = {"TA110", "TA111", "TA112", "TA113", "TA114", "TA120"}
CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


def lists(data: Path, limit: int):
    """(header, item texts) of the first plain numbered section of each tune record."""
    n = 0
    for _corpus, _rid, text, md in iter_bulk(data, "tune"):
        doc = parse_criteria(text, md) if md else parse_criteria(text)
        for s in doc.sections:
            its = s.items
            if 3 <= len(its) <= 12 and all(it.style in ("1.", "1)") and not it.children and not it.inline for it in its):
                if [it.number for it in its] == list(range(1, len(its) + 1)) and all("\n" not in it.text for it in its):
                    yield (s.header or "Inclusion Criteria:"), [it.text for it in its]
                    n += 1
                    break
        if n >= limit:
            return


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--limit", type=int, default=150)
    args = ap.parse_args(argv)
    rules = [cls() for code, cls in sorted(load_rules().items()) if code.startswith("TA1")]

    def codes(text: str) -> Counter:
        rec = TrialRecord(source=Source(path="x.xml", format="ctgov-xml"), criteria=text)
        return Counter(f.rule for r in rules for f in r.check(rec, CTX))

    found: Counter = Counter()
    total: Counter = Counter()
    noise: Counter = Counter()
    for header, items in itertools.islice(lists(Path(args.data), args.limit), args.limit):
        k = len(items)
        for shape, mk in SHAPES.items():
            body = lambda nums: "\n".join([header] + [f"{mk(n)} {t}" for n, t in zip(nums, items)])  # noqa: E731
            clean = codes(body(range(1, k + 1)))
            noise[shape] += bool(NUMBERING & set(clean))
            total[(shape, "clean")] += 1
            for name, (seq, rule) in DEFECTS.items():
                total[(shape, name)] += 1
                found[(shape, name)] += codes(body(seq(k)))[rule] > 0
    print("| shape | " + " | ".join(DEFECTS) + " | all defects | clean lists with a numbering finding |")
    print("|---|" + "---|" * (len(DEFECTS) + 2))
    for shape in SHAPES:
        cells = [f"{found[(shape, d)]}/{total[(shape, d)]}" for d in DEFECTS]
        f_all = sum(found[(shape, d)] for d in DEFECTS)
        t_all = sum(total[(shape, d)] for d in DEFECTS)
        print(
            f"| `{shape}` | " + " | ".join(cells) + f" | {100 * f_all / max(t_all, 1):.0f} % | {noise[shape]}/{total[(shape, 'clean')]} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
