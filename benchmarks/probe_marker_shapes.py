"""Numbering recall over a systematic grid of list-marker shapes (number system x wrapper x layout x defect).

Usage (from the repository root):

    python benchmarks/probe_marker_shapes.py [--systems ascii,devanagari] [--by system|wrapper|layout|defect] [--cells]

Real registries write list markers in many more forms than any list of shapes somebody typed: digits of
every Unicode script a registrant may paste, enclosed number glyphs, roman numerals, letters, inside every
kind of wrapper. A shape the parser does not read as a marker turns a misnumbered list into "no list" and
every numbering rule goes quiet, so this probe GENERATES the lists instead of listing shapes:

- number systems come from Unicode properties: every decimal-digit script is found by its DIGIT ZERO name
  (``unicodedata.lookup``) and written with ``unicodedata.digit``; glyph series (circled, parenthesised,
  full-stop, double circled, dingbat negative circled, Roman numeral glyphs) are collected by scanning their
  blocks and reading ``unicodedata.numeric`` and the character name; roman numerals and letters in ASCII
  (and Cyrillic) are written by value;
- wrappers are the punctuation around the number ("1.", "(1)", "【1】", "No. 1", "Item 1" …); glyphs that carry
  their own enclosure get only the separators that follow a glyph;
- layouts: one item per line, indented, after a "- " bullet, the whole list on one line, Markdown-escaped
  (as ClinicalTrials.gov v2 writes a marker it does not render);
- defects: clean (no numbering finding expected), start at 2 (TA110), a duplicate (TA111), a skip
  (TA112), a restart (TA113), a sub-list numbered like its parent (TA114, or TA111/TA113 on the collision).

The items are synthetic criteria (no registry text), so the probe runs without ../shared/data. A cell is
"detected" when the rule the defect calls for fires; "noise" counts clean lists with a numbering finding.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import Source, TrialRecord  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402
from trial_audit.text.criteria_model import int_to_roman  # noqa: E402

ITEMS = (
    "Men or women aged 18 to 75 years",
    "Histologically confirmed adenocarcinoma of the stomach",
    "ECOG performance status of 0 or 1",
    "Adequate bone marrow function",
    "Able to swallow tablets",
    "Written informed consent obtained before any study procedure",
)
SUB_ITEMS = ("Haemoglobin at least 9 g/dL", "Platelets at least 100 x 10^9/L")
EXCLUSIONS = ("Pregnant or breastfeeding women", "Known hypersensitivity to the study drug")

# --- number systems, built from Unicode properties -----------------------------------------------

# Decimal-digit scripts a registrant may paste from a word processor or a web form in their language.
DIGIT_SCRIPTS = ("ARABIC-INDIC", "EXTENDED ARABIC-INDIC", "DEVANAGARI", "BENGALI", "THAI", "FULLWIDTH")


def _digits_of(script: str) -> Callable[[int], str]:
    zero = ord(unicodedata.lookup(f"{script} DIGIT ZERO"))
    table = {unicodedata.digit(chr(zero + k)): chr(zero + k) for k in range(10)}
    return lambda n: "".join(table[int(c)] for c in str(n))


def _glyph_series(prefix: str, blocks: tuple[tuple[int, int], ...]) -> Callable[[int], str] | None:
    """number -> glyph of the series whose names start with ``prefix`` ("CIRCLED DIGIT", "CIRCLED NUMBER")."""
    table: dict[int, str] = {}
    for lo, hi in blocks:
        for cp in range(lo, hi):
            ch = chr(cp)
            name = unicodedata.name(ch, "")
            rest = name[len(prefix) :] if name.startswith(prefix) else None
            if rest is None or not rest.startswith((" DIGIT", " NUMBER")) and not name.startswith("ROMAN") and "ROMAN" not in prefix:
                continue
            value = unicodedata.numeric(ch, None)
            if value is not None and value == int(value) and int(value) not in table:
                table[int(value)] = ch
    if not all(k in table for k in range(1, 8)):
        return None
    return lambda n: table[n]


_ENCLOSED = ((0x2160, 0x2190), (0x2460, 0x2500), (0x2776, 0x2794), (0x3251, 0x32C0))
GLYPH_SERIES = {
    "circled ①": "CIRCLED",
    "parenthesized ⑴": "PARENTHESIZED",
    "full stop ⒈": "DIGIT",  # "DIGIT ONE FULL STOP"
    "double circled ⓵": "DOUBLE CIRCLED",
    "negative circled ❶": "DINGBAT NEGATIVE CIRCLED",
    "sans-serif circled ➀": "DINGBAT CIRCLED SANS-SERIF",
    "negative sans-serif ➊": "DINGBAT NEGATIVE CIRCLED SANS-SERIF",
    "roman glyph Ⅰ": "ROMAN NUMERAL",
    "small roman glyph ⅰ": "SMALL ROMAN NUMERAL",
}


def _full_stop_series() -> Callable[[int], str]:
    table = {}
    for cp in range(0x2488, 0x249C):
        ch = chr(cp)
        if unicodedata.name(ch).endswith("FULL STOP"):
            table[int(unicodedata.numeric(ch))] = ch
    return lambda n: table[n]


def _letter_from(first: str) -> Callable[[int], str]:
    """Letters by value from ``first`` in the alphabet's code point order (Latin a/A, Cyrillic а/б)."""
    return lambda n: chr(ord(first) + n - 1)


def number_systems() -> dict[str, tuple[Callable[[int], str], bool]]:
    """name -> (write number n, is a self-enclosed glyph)."""
    systems: dict[str, tuple[Callable[[int], str], bool]] = {"ascii": (str, False)}
    for script in DIGIT_SCRIPTS:
        systems[script.lower()] = (_digits_of(script), False)
    for name, prefix in GLYPH_SERIES.items():
        fn = _full_stop_series() if prefix == "DIGIT" else _glyph_series(prefix, _ENCLOSED)
        if fn is not None:
            systems[name] = (fn, True)
    systems["roman i"] = (int_to_roman, False)
    systems["roman I"] = (lambda n: int_to_roman(n).upper(), False)
    systems["letter a"] = (_letter_from("a"), False)
    systems["letter A"] = (_letter_from("A"), False)
    systems["cyrillic а"] = (_letter_from("\u0430"), False)
    return systems


WRAPPERS = ("1.", "1)", "(1)", "[1]", "1-", "1 -", "1:", "1、", "1．", "1）", "（1）", "【1】", "No. 1", "#1", "1/", "Item 1")
# a glyph carries its own enclosure: only what may follow it
GLYPH_WRAPPERS = ("1", "1.", "1)", "1、", "1:")
LAYOUTS = ("lines", "indented", "bulleted", "one-line", "markdown")
DEFECTS: dict[str, tuple[Callable[[int], list[int]], frozenset[str]]] = {
    "clean": (lambda k: list(range(1, k + 1)), frozenset()),
    "start_at_2": (lambda k: list(range(2, k + 2)), frozenset({"TA110"})),
    "duplicate": (lambda k: [i + 1 if i < k // 2 else i for i in range(k)], frozenset({"TA111"})),
    "skip": (lambda k: [i + 1 if i < k // 2 else i + 2 for i in range(k)], frozenset({"TA112"})),
    "restart": (lambda k: [i + 1 if i < k // 2 else i - k // 2 + 1 for i in range(k)], frozenset({"TA113"})),
    "sublist_like_parent": (lambda k: list(range(1, k + 1)), frozenset({"TA114", "TA113", "TA111"})),
}
NUMBERING = frozenset({"TA110", "TA111", "TA112", "TA113", "TA114", "TA120"})
_MD_ESCAPE = str.maketrans({c: "\\" + c for c in ".)(-[]#*"})


def wrap(wrapper: str, core: str) -> str:
    return wrapper.replace("1", core, 1)


def build(system: str, wrapper: str, layout: str, defect: str) -> tuple[str, bool]:
    """(criteria text, is Markdown) of one grid cell."""
    write, _glyph = number_systems()[system]

    def marker(n: int) -> str:
        m = wrap(wrapper, write(n))
        return m.translate(_MD_ESCAPE) if layout == "markdown" else m

    nums = DEFECTS[defect][0](len(ITEMS))
    lines: list[str] = []
    for k, (n, item) in enumerate(zip(nums, ITEMS)):
        text = item
        if defect == "sublist_like_parent" and k == 3:
            text = item + ", defined as:"
        lines.append(f"{marker(n)} {text}")
        if defect == "sublist_like_parent" and k == 3:
            # flush sub-items numbered 1, 2 like the parent list (an indented sub-list is legitimate)
            lines.extend(f"{marker(j + 1)} {s}" for j, s in enumerate(SUB_ITEMS))
    exclusions = [f"{marker(j + 1)} {s}" for j, s in enumerate(EXCLUSIONS)]
    if layout == "indented":
        lines = ["    " + x for x in lines]
        exclusions = ["    " + x for x in exclusions]
    elif layout == "bulleted":
        lines = ["- " + x for x in lines]
        exclusions = ["- " + x for x in exclusions]
    if layout == "one-line":
        body = (
            "Inclusion Criteria: " + " ".join(x + "." for x in lines) + "\n\nExclusion Criteria: " + " ".join(x + "." for x in exclusions)
        )
    else:
        sep = "\n\n" if layout == "markdown" else "\n"
        body = "Inclusion Criteria:\n\n" + sep.join(lines) + "\n\nExclusion Criteria:\n\n" + sep.join(exclusions)
    return body, layout == "markdown"


def grid(systems: list[str]):
    all_systems = number_systems()
    for system in systems:
        glyph = all_systems[system][1]
        for wrapper in GLYPH_WRAPPERS if glyph else WRAPPERS:
            for layout in LAYOUTS:
                for defect in DEFECTS:
                    yield system, wrapper, layout, defect


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--systems", default="", help="comma-separated number systems (default: all)")
    ap.add_argument("--by", default="system", help="system, wrapper, layout, defect or several, comma-separated")
    ap.add_argument("--cells", action="store_true", help="print every missed or noisy cell")
    args = ap.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s] or list(number_systems())
    rules = [cls() for code, cls in sorted(load_rules().items()) if code in NUMBERING]
    ctx = Context(as_of=parse_date("2026-12-07"), today=parse_date("2026-12-07"))

    def codes(text: str, markdown: bool) -> set[str]:
        fmt = "ctgov-v2" if markdown else "ctgov-xml"
        rec = TrialRecord(source=Source(path="probe", format=fmt), criteria=text, criteria_markdown=markdown)
        return {f.rule for r in rules for f in r.check(rec, ctx)}

    axes = [{"system": 0, "wrapper": 1, "layout": 2, "defect": 3}[a] for a in args.by.split(",")]
    found: Counter = Counter()
    total: Counter = Counter()
    noise: Counter = Counter()
    clean: Counter = Counter()
    for cell in grid(systems):
        text, md = build(*cell)
        got = codes(text, md)
        keys = [(axis, cell[axis]) for axis in axes]
        if cell[3] == "clean":
            clean.update(keys)
            if got:
                noise.update(keys)
                if args.cells:
                    print("NOISE", cell, sorted(got))
            continue
        total.update(keys)
        hit = bool(got & DEFECTS[cell[3]][1])
        if hit:
            found.update(keys)
        if args.cells and not hit:
            print("MISS", cell, sorted(got))
    for axis, name in zip(axes, args.by.split(",")):
        print(f"\n| {name} | defects detected | clean lists with a numbering finding |")
        print("|---|---:|---:|")
        for key in [k for k in total if k[0] == axis] or [k for k in clean if k[0] == axis]:
            print(f"| {key[1]} | {found[key]}/{total[key]} ({100 * found[key] / max(total[key], 1):.0f} %) | {noise[key]}/{clean[key]} |")
        f = sum(v for k, v in found.items() if k[0] == axis)
        t = sum(v for k, v in total.items() if k[0] == axis)
        z = sum(v for k, v in noise.items() if k[0] == axis)
        c = sum(v for k, v in clean.items() if k[0] == axis)
        print(f"| **all** | {f}/{t} ({100 * f / max(t, 1):.1f} %) | {z}/{c} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
