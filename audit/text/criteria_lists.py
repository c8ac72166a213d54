"""List analysis for the TA1xx numbering and structure rules (on top of ``trial_audit.text.criteria``).

A *group* is a run of sibling items (the top level of a section, or one item's children) that
is not interrupted by an unmarked line: a label ("Part B:", "For patients with PBC:") or a
paragraph starts a new group, so that numbering may legitimately restart there.

A *sequence* is the ordinal items of one family (numbers, letters, roman numerals) in a group,
leaving out the items that collide with their parent (same marker style as the parent; those
are reported by TA114, not as part of the parent's list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from trial_audit.text.criteria import CriteriaDoc, Item, Section, format_marker, parse_criteria
from trial_audit.text.criteria_markers import glyph_series, glyph_value, split_marker
from trial_audit.text.criteria_tree import introduces_sub_items as introduces_sub_items  # (re-exported for the rules)
from trial_audit.text.lexicon import COHORT_LABELS, alternation


def family(item: Item) -> str | None:
    s = item.style
    if item.number is None:
        return None
    if s in ("1.", "1)", "(1)"):
        return "num"
    if s in ("a.", "a)", "(a)"):
        return "alpha"
    return "roman"


def collides_with_parent(item: Item) -> bool:
    """An ordinal sub-item written in its parent's own marker style and not set apart by indentation."""
    p = item.parent
    if p is None or p.number is None or item.number is None:
        return False
    if item.style != p.style or item.upper != p.upper:
        return False
    if item.inline and item.line_start == p.line_start:
        return False  # "(7) Any of: (1) …; (2) …": an enumeration written inside its parent's line
    if is_scope_label(p.text):
        return False  # "3. Cohort A:" then "1." "2.": the cohort's own list, numbered from 1
    if item in main_items_run_into_sublist(p):
        return False  # a main item run into a sub-item's line (TA121), not a sub-item: lettering it is wrong
    return item.indent <= p.indent


_KIND_LETTER = {"num": "n", "alpha": "a", "roman": "i"}


def marker_shape(item: Item) -> str | None:
    """How an ordinal item's marker is written, its number or letter left out: "2:" -> "n:", "[3]" -> "[n]",
    "b.-" -> "a.-", "4、" and "四、" -> "n、", "３．" -> "n．" (the punctuation as typed: full-width marks
    are another shape; a Markdown escape is not: "1\\." is "n."). Items of one marker style
    (``Item.style`` reads "1.", "1:", "1-" and "1、" as one "1." list, so the numbering rules check them
    together) may still be written in several shapes. None for bullets and for a bare number without
    punctuation (a marker that lost its dot is another matter)."""
    fam = family(item)
    if fam is None or not item.marker:
        return None
    marker = item.marker.replace("\\", "")
    if glyph_value(marker[0]) is not None:
        return f"glyph{glyph_series(marker[0])}{marker[1:]}"  # "①" and "⑴" are two series, "①" and "㉑" one
    pre, core, post = split_marker(marker)
    if not core or not (pre or post):
        return None
    return pre + _KIND_LETTER[fam] + post


def main_items_run_into_sublist(parent: Item) -> list[Item]:
    """Children of ``parent`` that continue the MAIN sequence: "18. Heart disease:\n1. …\n3. … 19. Unable to
    read … 20. …" - '19.' and '20.' are the next main numbers after '18.', run into sub-item 3's line, so the
    parser hung them under '18.'. Only while the main list after ``parent`` does not reuse those numbers
    (then they would be real sub-items colliding with the main list)."""
    if parent.number is None:
        return []
    siblings = parent.parent.children if parent.parent is not None else parent.section.items
    k = siblings.index(parent) if parent in siblings else -1
    nxt = next((s.number for s in siblings[k + 1 :] if s.number is not None and s.style == parent.style), None) if k >= 0 else None
    expected, out = parent.number + 1, []
    sub_next = None  # the sub-list's own next number: "1. Inclusion:\n   1. …\n   2. …" - '2.' is its sub-item
    for c in parent.children:
        if c.number is None or c.style != parent.style or c.upper != parent.upper:
            continue
        if c.number == expected and (nxt is None or nxt > expected) and (c.number != sub_next or c.inline):
            out.append(c)
            expected += 1
        else:
            sub_next = c.number + 1
    return out


#: an item that only names a cohort, part or population and scopes the items under it
#: ("3. Cohort A:", "Part 2 only:", "For participants with type 2 diabetes:")
_SCOPE_LABEL = re.compile(
    rf"(?:(?:dose[- ])?{alternation(COHORT_LABELS)}\b[^\n:]{{0,40}}"
    r"|for\s+(?:all\s+)?(?:patients|participants|subjects|women|men|children|adults|healthy|volunteers|those)\b[^\n:]{0,100}):\s*",
    re.IGNORECASE,
)


def is_scope_label(text: str) -> bool:
    return bool(_SCOPE_LABEL.fullmatch(text.strip()))


@dataclass
class Group:
    section: Section
    parent: Item | None
    items: list[Item]
    #: the unmarked line that opened this group (a label or paragraph), if any
    opener: Item | None = None


@dataclass
class Sequence:
    group: Group
    family: str
    items: list[Item] = field(default_factory=list)


def groups(doc: CriteriaDoc) -> Iterator[Group]:
    for sec in doc.sections:
        yield from _groups_of(sec, None, sec.items)


def _groups_of(sec: Section, parent: Item | None, items: list[Item]) -> Iterator[Group]:
    cur = Group(sec, parent, [])
    breaks = list(parent.breaks) if parent is not None else []
    for it in items:
        if breaks and cur.items and any(cur.items[-1].start < b < it.start for b in breaks):
            yield cur  # a paragraph of the parent item lies between: a new group
            cur = Group(sec, parent, [])
        if it.marker is None:
            if cur.items:
                yield cur
            cur = Group(sec, parent, [], opener=it)
        else:
            cur.items.append(it)
        if it.children:
            yield from _groups_of(sec, it, it.children)
    if cur.items:
        yield cur


def sequences(group: Group) -> list[Sequence]:
    out: dict[str, Sequence] = {}
    run_in = main_items_run_into_sublist(group.parent) if group.parent is not None else []
    for it in group.items:
        fam = family(it)
        if fam is None or collides_with_parent(it) or it in run_in:
            continue  # a main item run into a sub-item's line belongs to the main list, not to this sub-list
        out.setdefault(fam, Sequence(group, fam)).items.append(it)
    return [part for seq in out.values() for part in _split_indented_sublists(seq)]


def _split_indented_sublists(seq: Sequence) -> list[Sequence]:
    """Split off sub-lists that the parser kept at the main level: a run that restarts at 1 on its own line,
    indented deeper than the item before it ("16. Prior therapy restrictions:\n    1. …\n    2. …\n17. …").
    The main list's continuity is judged on the main level only (16 -> 17 is no gap, '1.' no restart)."""
    main = Sequence(seq.group, seq.family)
    out = [main]
    sub: Sequence | None = None
    sub_indent = 0
    for it in seq.items:
        if sub is not None and (it.inline or it.indent >= sub_indent):
            sub.items.append(it)
            continue
        if sub is not None:
            sub = None  # back at the main level
        prev = main.items[-1] if main.items else None
        if prev is not None and it.number == 1 and not it.inline and not prev.inline and it.indent > prev.indent + 1:
            sub = Sequence(seq.group, seq.family, [it])
            sub_indent = it.indent
            out.append(sub)
            continue
        main.items.append(it)
    return [s for s in out if s.items]


def all_sequences(doc: CriteriaDoc) -> list[Sequence]:
    """Every sequence of the document, in document order (cached on the doc)."""
    cached = getattr(doc, "_ta1_sequences", None)
    if cached is None:
        cached = [s for g in groups(doc) for s in sequences(g)]
        cached.sort(key=lambda s: s.items[0].start)
        try:
            doc._ta1_sequences = cached  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover
            pass
    return cached


def continues_previous(seq: Sequence, doc: CriteriaDoc) -> bool:
    """The sequence carries on the numbering of an earlier one at the same depth and family
    (exclusion criteria numbered on from the inclusion list, Part B on from Part A, a list
    interrupted by a note paragraph)."""
    first = seq.items[0]
    if first.number is None:
        return False
    # any earlier list of the same style that ends just before this number (the exclusion list
    # numbered on from the inclusion list, a list interrupted by a label or a note paragraph)
    for other in all_sequences(doc):
        if other is seq:
            break
        o_last = other.items[-1]
        if (
            other.family == seq.family
            and o_last.style == first.style
            and o_last.start < first.start
            and o_last.number is not None
            and first.number == o_last.number + 1
            and _same_shape(o_last, first)
        ):
            return True
    return False


def _same_shape(a: Item, b: Item) -> bool:
    """Two markers written alike ("2." and "3."), or one of them without a shape of its own. A list
    that carries on another list's numbering keeps its marker shape, as typed ("2." then "3．", "3、",
    "#3" or "３." is a second list that starts at 3, not the first one going on)."""
    sa, sb = marker_shape(a), marker_shape(b)
    # and in the same digits: "1." then "２." (full-width, typed with another input method) is another list
    return (sa is None or sb is None or sa == sb) and _full_width_digits(a) == _full_width_digits(b)


def _full_width_digits(item: Item) -> bool:
    return any("\uff10" <= ch <= "\uff19" for ch in split_marker(item.marker or "")[1])


def marked_parent(item: Item) -> Item | None:
    """The nearest ancestor with a marker (unmarked labels and paragraphs are skipped)."""
    p = item.parent
    while p is not None and p.marker is None:
        p = p.parent
    return p


def earlier_marker_inline(seq: Sequence, doc: CriteriaDoc) -> bool:
    """The list seems to start late only because its earlier items are run into the text before
    it ("1. BMI of 30 or more 2. Age 21 or older 3. ...", then "4." on a new line)."""
    first = seq.items[0]
    n = first.number or 1
    if n <= 1:
        return False
    prev = format_marker(first.style, n - 1, first.upper)
    lo = first.section.start if first.section is not None else 0
    p = marked_parent(first)
    if p is not None:
        lo = max(lo, p.start)
    window = doc.text[max(lo, first.start - 4000) : first.start]
    return bool(_marker_pattern(prev).search(window)) or _marker_run_into_number(doc, first, prev)


def _marker_run_into_number(doc: CriteriaDoc, first: Item, prev: str) -> bool:
    """The line just before the list starts with the previous marker run into a number
    ("1.18 ≤ age ≤ 75" before "2. Signed consent"): a decimal number is not a marker, so the
    parser keeps the line as text, but the list does not start late either: its first item is
    there, written without the blank after its marker."""
    k = first.line_start - 1
    while k > 0 and doc.text[k - 1] in " \t\r\n":
        k -= 1
    ls = doc.text.rfind("\n", 0, k) + 1
    line = doc.text[ls:k].lstrip()
    return line.startswith(prev) and line[len(prev) : len(prev) + 1].isdigit() and first.indent <= _indent(doc.text[ls:k])


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


@dataclass
class Problem:
    kind: str  # "start" | "duplicate" | "skip" | "restart" | "hidden"
    item: Item
    other: Item | None = None
    missing: list[int] = field(default_factory=list)
    #: for "hidden": (offset, marker) of items run into the text of ``other`` / before ``item``
    hidden: list[tuple[int, str]] = field(default_factory=list)


def _marker_pattern(marker: str) -> re.Pattern:
    return re.compile(r"(?:^|(?<=[\s(\[;:.,]))" + re.escape(marker) + r"(?=[\s.:;,)]|[A-Za-z(])")


def find_hidden(doc: CriteriaDoc, first: Item, numbers: list[int], lo: int, hi: int) -> list[tuple[int, str]] | None:
    """Offsets of the markers ``numbers`` (in ``first``'s style), in order, in ``doc.text[lo:hi]``;
    None when none is found (a marker written without its dot, "4 a history", is skipped)."""
    out = []
    pos = lo
    for n in numbers:
        marker = format_marker(first.style, n, first.upper)
        m = _marker_pattern(marker).search(doc.text, pos, hi)
        if not m:
            continue
        out.append((m.start(), marker))
        pos = m.end()
    return out or None


def problems(seq: Sequence, doc: CriteriaDoc) -> list[Problem]:
    out: list[Problem] = []
    items = seq.items
    if not items:
        return out
    first = items[0]
    # a lone ordinal ("(72) (serum creatinine [mg/dL])", "J. Peds, 106:522") is not a list
    if first.number != 1 and len(items) >= 2 and not continues_previous(seq, doc):
        if earlier_marker_inline(seq, doc):
            # the earlier items are there, run into the text before the list (or a first marker
            # run into its number, "1.18 ≤ age": nothing to report about the start)
            n = first.number or 1
            lo = first.section.start if first.section is not None else 0
            mp = marked_parent(first)
            if mp is not None:
                lo = max(lo, mp.start)
            hid = find_hidden(doc, first, list(range(1, n)), max(lo, first.start - 4000), first.start)
            if hid:
                out.append(Problem("hidden", first, None, hidden=hid))
        else:
            out.append(Problem("start", first))
    seen: dict[int, Item] = {}
    prev: Item | None = None
    for it in items:
        n = it.number
        if prev is not None and n is not None and prev.number is not None:
            p = prev.number
            if n == p + 1:
                pass
            elif n == 1 and p >= 2:
                if _adjacent(seq, prev, it) and not _label_tail(prev.text):
                    out.append(Problem("restart", it, prev))
                seen = {}
            elif n in seen:
                out.append(Problem("duplicate", it, seen[n]))
            elif n > p + 1:
                missing = list(range(p + 1, n))
                hid = find_hidden(doc, it, missing, prev.text_start, it.start)
                if hid:
                    out.append(Problem("hidden", it, prev, hidden=hid))
                else:
                    out.append(Problem("skip", it, prev, missing))
            elif n == p:
                out.append(Problem("duplicate", it, prev))
        if n is not None:
            seen.setdefault(n, it)
        prev = it
    return out


def _adjacent(seq: Sequence, a: Item, b: Item) -> bool:
    """No other marked item of the group lies between ``a`` and ``b``."""
    items = seq.group.items
    try:
        i, j = items.index(a), items.index(b)
    except ValueError:
        return False
    return j == i + 1


_COUNT_TAIL = re.compile(r"\(\s*n\s*=\s*[0-9]+\s*\)\s*$", re.IGNORECASE)


def _label_tail(text: str) -> bool:
    """The item's last line reads as a label for what follows ("... High-risk group (n= 10)")."""
    lines = text.rstrip().split("\n")
    if len(lines) < 2:
        return bool(_COUNT_TAIL.search(text))
    if _COUNT_TAIL.search(text):
        return True  # "... High-risk group (n= 10)"
    last = lines[-1].strip()
    return bool(last) and last[-1] not in ".;!?" and len(last.split()) <= 8


def renumbered(doc: CriteriaDoc, seq: Sequence) -> str:
    """The text of the list with its markers renumbered 1, 2, 3 ... (in each item's own style).

    A whole-list rewrite, as long as the list: for a fix applied once per list, never for a
    finding's suggestion (one finding per item would make the report quadratic in the list's
    length; findings use ``renumber_edit``)."""
    items = seq.items
    start = items[0].start
    end = max(it.end for it in items)
    text = doc.text
    pieces = []
    pos = start
    for k, it in enumerate(items, 1):
        pieces.append(text[pos : it.marker_start])
        pieces.append(format_marker(it.style, k, it.upper))
        pos = it.marker_end
    pieces.append(text[pos:end])
    return "".join(pieces)


#: how many "old -> new" marker pairs a suggestion spells out before it says "…" (the last pair
#: is always shown): a finding's text must stay bounded whatever the length of the list
EDIT_PAIRS_SHOWN = 3


def renumber_run(seq: Sequence, item: Item, new_number: int) -> list[tuple[Item, int]]:
    """The items to renumber when ``item`` gets ``new_number``, each with its new number.

    The items after ``item`` shift with it while they carry its numbering on (old numbers
    consecutive from ``item``'s) or while keeping their number would collide with, or go below,
    the number just given (renumbering one "3." as "4." when a "4." follows shifts that "4." to
    "5." too), so that the edit never creates a new duplicate or gap."""
    items = seq.items
    k = next((i for i, x in enumerate(items) if x is item), None)
    if k is None or item.number is None:
        return [(item, new_number)]
    out = [(item, new_number)]
    for prev, nxt in zip(items[k:], items[k + 1 :]):
        if nxt.number is None or prev.number is None:
            break
        if not (nxt.number == prev.number + 1 or nxt.number <= out[-1][1]):
            break
        out.append((nxt, out[-1][1] + 1))
    return out


def describe_renumbering(run: list[tuple[Item, int]], limit: int = EDIT_PAIRS_SHOWN) -> str:
    """ "'4.' becomes '3.', '5.' becomes '4.', …, '9.' becomes '8.'": at most ``limit`` + 1 pairs."""

    def pair(it: Item, n: int) -> str:
        return f"{it.marker!r} becomes {format_marker(it.style, n, it.upper)!r}"

    shown = [pair(it, n) for it, n in run[:limit]]
    if len(run) > limit + 1:
        shown.append("…")
    if len(run) > limit:
        shown.append(pair(*run[-1]))
    return ", ".join(shown)


def renumber_edit(seq: Sequence, item: Item, new_number: int) -> str:
    """The edit that renumbers ``item`` as ``new_number`` (with the items that must shift with it),
    in a curator's words and bounded in size."""
    run = renumber_run(seq, item, new_number)
    new_marker = format_marker(item.style, new_number, item.upper)
    if len(run) == 1:
        return f"Renumber this item {item.marker!r} as {new_marker!r}."
    others = len(run) - 1
    which = "the item after it that carries" if others == 1 else f"the {others} items after it that carry"
    return f"Renumber this item {item.marker!r} as {new_marker!r}, and {which} its numbering on: {describe_renumbering(run)}."


def doc_of(record) -> CriteriaDoc | None:
    """The parsed criteria of a record, or None when it has none.

    The parse is kept with the record (``record.analysis``), so every rule of the record shares
    one parse and it goes when the record goes; the key holds the text, so a record whose
    criteria were replaced is parsed again."""
    text = getattr(record, "criteria", None)
    if not isinstance(text, str) or not text.strip():
        return None
    markdown = bool(getattr(record, "criteria_markdown", False))
    analysis = getattr(record, "analysis", None)
    if analysis is None:  # a record-like object without per-record analyses (tests, probes)
        return parse_criteria(text, markdown)
    return analysis(("criteria", markdown, text), lambda: parse_criteria(text, markdown))


def quote_end(doc: CriteriaDoc, item: Item, limit: int = 160) -> int:
    """End offset for quoting an item: its first line, at most ``limit`` characters."""
    end = min(item.end, item.line_end if item.line_end > item.start else item.end)
    if item.inline:
        end = item.end
    return min(end, item.start + limit) if end - item.start > limit else end


def list_problems(record, kind: str, numbers_only: bool = False) -> Iterator[tuple[CriteriaDoc, Sequence, Problem]]:
    """Every numbering problem of one ``kind`` ("start", "duplicate", "skip", "restart") in a
    record's criteria, with its parsed text and list; ``numbers_only`` leaves out lettered and
    roman lists (separate sub-lists of those are too often run together to judge)."""
    doc = doc_of(record)
    if doc is None:
        return
    for seq in all_sequences(doc):
        if numbers_only and seq.family != "num":
            continue
        for p in problems(seq, doc):
            if p.kind == kind:
                yield doc, seq, p


def item_evidence(doc: CriteriaDoc, item: Item):
    """The evidence quoting an item (its first line, bounded) in the criteria field."""
    from trial_audit.core.findings import Evidence

    return Evidence.span("criteria", doc.text, item.start, quote_end(doc, item))
