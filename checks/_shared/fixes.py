"""Fix objects for the rules whose suggestion is a text edit (``--fix``, ``--diff``, SARIF ``fixes``).

Each helper turns what a rule already worked out (the run of items to renumber, where run-together
items start, the escapes it found) into the smallest edits of the field's text: only the
characters that change are replaced, so that applying the fix leaves everything else of the
field, and of the file, as it was. A helper returns None when it cannot build an exact edit
(a marker written in a form the renumbering would not reproduce), so that no fix is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trial_audit.core.findings import Edit, Fix, FixSafety
from trial_audit.text.criteria_lists import renumber_run
from trial_audit.text.criteria_model import format_marker

SAFE = FixSafety.SAFE
UNSAFE = FixSafety.UNSAFE


def renumber_fix(seq, item, new_number: int, safety: FixSafety, field: str = "criteria") -> Fix | None:
    """Renumber ``item`` as ``new_number`` and the items that carry its numbering on (``renumber_run``):
    one edit per marker, replacing the marker only."""
    edits = []
    for it, number in renumber_run(seq, item, new_number):
        if it.marker is None or it.number is None:
            return None
        if format_marker(it.style, it.number, it.upper) != it.marker:
            return None  # a marker written another way ("01.", "1 )"): the edit would change more than the number
        new = format_marker(it.style, number, it.upper)
        if new != it.marker:
            edits.append(Edit(field, it.marker_start, it.marker_end, new))
    if not edits:
        return None
    first, last = edits[0], edits[-1]
    what = f"renumber {len(edits)} item{'s' if len(edits) > 1 else ''}"
    return Fix(
        edits, safety, f"{what}: {item.marker!r} becomes {first.replacement!r}" + (f" … {last.replacement!r}" if len(edits) > 1 else "")
    )


def first_list_safety(seq, item) -> FixSafety:
    """Renumbering a list that starts at 2 or later from 1 is SAFE when it is the first numbered list
    of its section ("Inclusion criteria (2) Expected survival ...": an item lost or merged into the
    header). UNSAFE when numbered items come before it in the section: the list may carry their
    numbering on in another style ("1. ... 2. ... c. ... d. ...", c being the third item), and
    renumbering it from "a." would change what "c." refers to."""
    section = getattr(item, "section", None)
    if section is None:
        return UNSAFE
    own = {id(x) for x in seq.items}
    earlier = any(x.number is not None and x.start < item.start and id(x) not in own for x in section.iter_items())
    return UNSAFE if earlier else SAFE


_SPACE_BEFORE = re.compile(r"[ \t]+$")


def line_break_fix(text: str, starts: Iterable[int], field: str = "criteria", safety: FixSafety = SAFE) -> Fix | None:
    """Start a new line at each offset of ``starts`` (a run-together item's marker): the spaces before
    it become a line break and the indentation of the line it leaves, and nothing else changes.
    Offsets already at a line start are left."""
    edits = []
    for pos in sorted(set(starts)):
        if pos <= 0 or pos > len(text) or text[pos - 1] == "\n":
            continue
        m = _SPACE_BEFORE.search(text, max(0, pos - 200), pos)
        begin = m.start() if m else pos
        if begin == 0 or text[begin - 1] == "\n":
            continue
        line_start = text.rfind("\n", 0, begin) + 1
        indent = text[line_start : line_start + len(text[line_start:begin]) - len(text[line_start:begin].lstrip(" \t"))]
        edits.append(Edit(field, begin, pos, "\n" + indent))  # the new line indented as the line it leaves
    if not edits:
        return None
    return Fix(edits, safety, f"put {len(edits) + 1} items on lines of their own")


def same_style(items) -> FixSafety:
    """SAFE when run-together items are marked alike (all "(1)"-style, numbered on, or all bullets):
    on lines of their own they stay one list. UNSAFE when the markers differ ("• Creatinine ...;
    (2) ECG ..."): the split may turn a sub-item into an item of the main list."""
    styles = {(it.style, it.upper) for it in items}
    numbers = [it.number for it in items]
    consecutive = all(n is None for n in numbers) or all(
        a is not None and b is not None and b == a + 1 for a, b in zip(numbers, numbers[1:])
    )
    if len(styles) != 1 or not consecutive:
        return UNSAFE
    return markers_alike(it.marker for it in items)  # "*" and "-" share a style, not a look


def header_line_fix(text: str, header_start: int, header_end: int, item_start: int, field: str = "criteria") -> Fix | None:
    """Put a section header that runs into the item after it ("Inclusion criteria (2) Expected ...")
    on a line of its own: the spaces between them become a line break (and the indentation of the
    header's line), with a colon after the header when it has none. None when anything but spaces
    stands between the header and the item."""
    if not header_start < header_end <= item_start <= len(text) or text[header_end:item_start].strip(" \t"):
        return None
    words = text[header_start:header_end].rstrip(" \t")
    begin = header_start + len(words)
    colon = "" if words.endswith((":", "\uff1a")) else ":"
    line_start = text.rfind("\n", 0, header_start) + 1
    line = text[line_start:header_start]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    return Fix([Edit(field, begin, item_start, colon + "\n" + indent)], SAFE, "put the header on a line of its own")


_ORDINAL = re.compile(r"[0-9]+|[A-Za-z]+")


def markers_alike(markers: Iterable[str | None]) -> FixSafety:
    """SAFE when the markers are written alike, numbers and letters aside ("(5)" and "(6)", "*" and
    "*"); UNSAFE when not ("*" and "-"): split onto lines of their own, the items would read as two
    lists, or a sub-item as an item."""
    shapes = {_ORDINAL.sub("N", m or "") for m in markers}
    return SAFE if len(shapes) == 1 else UNSAFE


#: escape -> the text a reader should see (a doubled Markdown escape keeps one backslash)
def _unescaped(seq: str) -> str:
    if seq in ("\\r\\n", "\\n"):
        return "\n"
    if seq == "\\t":
        return "\t"
    return seq[1:]  # "\>" -> ">", "\\>" -> "\>"


def unescape_fix(field: str, matches: Iterable[re.Match[str]]) -> Fix | None:
    """Replace each escape sequence the rule matched with what it stands for."""
    edits = [Edit(field, m.start(), m.end(), _unescaped(m.group(0))) for m in matches]
    if not edits:
        return None
    return Fix(edits, SAFE, f"unescape {len(edits)} escape sequence{'s' if len(edits) > 1 else ''}")
