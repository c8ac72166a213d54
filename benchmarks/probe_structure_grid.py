"""Generated probe grid for TA103's "header glued onto its first item" class (issue 20, round grid_struct).

Written from the classes in docs/detection-fresh4-misses.md (``header_into_first_item``), not from the
benchmark's wordings: every cell is a product of dimensions, so no single spelling carries the score.

- ``glued`` cells: *header words* x *decoration* x *what follows the header* x *label* x *glue* x *section*
  (inclusion: the record's first line; exclusion: after the inclusion list). TA103 must fire.
- ``silent`` cells: the same headers on their own line (the break kept), with the same decorations and
  asides, and lists whose items hold a minus sign or a suspended hyphen. No TA1xx rule may fire.

Usage: python benchmarks/probe_structure_grid.py [--show-misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.ta1_rules import ta1_codes  # noqa: E402

INC = ["Adults with type 2 diabetes on metformin", "HbA1c between 7.0% and 10.0%", "Able to attend all study visits"]
EXC = ["Insulin use within the last 3 months", "Estimated GFR below 45 mL/min", "Planned surgery during the study"]

HEADER_WORDS = [
    ("Inclusion Criteria", "Exclusion Criteria"),
    ("Key inclusion criteria", "Key exclusion criteria"),
    ("Principal inclusion criteria", "Principal exclusion criteria"),
    ("INCLUSION CRITERIA", "EXCLUSION CRITERIA"),
]
DECORATIONS = {
    "none": "{h}",
    "bold": "**{h}**",
    "underscores": "__{h}__",
    "hash": "# {h}",
    "brackets": "[{h}]",
}
# what comes between the (decorated) header and the first label
AFTER = {
    "colon": ":",
    "slash": " /",
    "dash": " -",
    "see_protocol": " (see protocol for details)",
    "all_participants": " (all participants):",
    "as_follows": " as follows:",
}
LABELS = {"num": "{n}.", "dash": "-", "star": "*", "bullet": "•", "roman": "({r})"}
ROMAN = ["i", "ii", "iii", "iv"]


def _items(items: list[str], label: str, first_glue: str = " ") -> list[str]:
    """The list with ``label`` markers; only the first item's glue varies (the others keep their blank)."""
    return [LABELS[label].format(n=i + 1, r=ROMAN[i]) + (first_glue if i == 0 else " ") + t for i, t in enumerate(items)]


def glued_cells() -> list[tuple[dict[str, str], str]]:
    """(dimensions, criteria text) with one header glued onto its first item."""
    out = []
    for (ih, eh), (dec, dform), (aft, after), label, glue, section in itertools.product(
        HEADER_WORDS, DECORATIONS.items(), AFTER.items(), LABELS, [" ", ""], ["inclusion", "exclusion"]
    ):
        if glue == "" and label in ("num", "roman"):
            continue  # "1.Adults" is a glued-number shape of its own, out of this grid
        inc, exc = _items(INC, label, glue), _items(EXC, label, glue)
        if section == "inclusion":
            text = dform.format(h=ih) + after + " " + inc[0] + "\n" + "\n".join(inc[1:]) + "\n\n" + eh + ":\n" + "\n".join(exc) + "\n"
        else:
            text = ih + ":\n" + "\n".join(inc) + "\n\n" + dform.format(h=eh) + after + " " + exc[0] + "\n" + "\n".join(exc[1:]) + "\n"
        dims = {
            "words": ih.split()[0],
            "decoration": dec,
            "after": aft,
            "label": label,
            "glue": "space" if glue else "none",
            "section": section,
        }
        out.append((dims, text))
    return out


MINUS_ITEMS = ["Platelets above -2.5 SD of the local reference", "Samples stored at -80 °C", "Pre- and post-operative imaging available"]


def silent_cells() -> list[tuple[dict[str, str], str]]:
    """The same headers on their own line: nothing merged, nothing to report."""
    out = []
    for (ih, eh), (dec, dform), (aft, after), label in itertools.product(HEADER_WORDS, DECORATIONS.items(), AFTER.items(), LABELS):
        inc, exc = _items(INC, label, " "), _items(EXC, label, " ")
        text = dform.format(h=ih) + after + "\n" + "\n".join(inc) + "\n\n" + dform.format(h=eh) + after + "\n" + "\n".join(exc) + "\n"
        out.append(({"decoration": dec, "after": aft, "label": label, "look": "own_line"}, text))
    for label in LABELS:
        inc = _items(MINUS_ITEMS, label, " ")
        text = "Inclusion Criteria:\n" + "\n".join(inc) + "\n\nExclusion Criteria:\n" + "\n".join(_items(EXC, label, " ")) + "\n"
        out.append(({"decoration": "none", "after": "colon", "label": label, "look": "minus_items"}, text))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    for group, cells, want in (("glued", glued_cells(), True), ("silent", silent_cells(), False)):
        per: dict[str, Counter] = defaultdict(Counter)
        wrong = []
        for dims, text in cells:
            codes = ta1_codes(text, "probe.json", "ctgov_v2")
            fired = codes.get("TA103", 0) > 0 if want else sum(codes.values()) > 0
            for k, v in dims.items():
                per[f"{k}={v}"][fired] += 1
            if fired != want:
                wrong.append(text)
        good = len(cells) - len(wrong)
        print(f"{group}: {good}/{len(cells)} as expected ({'reported' if want else 'silent'})")
        for key in sorted(per):
            c = per[key]
            print(f"  {key:28s} reported {c[True]:4d}  silent {c[False]:4d}")
        if args.show_misses:
            for t in wrong[:40]:
                print("  --", t.split("\n")[0][:110] if want else t[:200].replace("\n", " | "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
