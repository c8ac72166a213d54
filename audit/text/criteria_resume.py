"""Where a numbered list goes on: the structure of lists whose sub-lists are not indented.

Registries that export plain text without indentation (ChiCTR through the WHO ICTRP, and many
legacy records) write a sub-list in another marker style straight under its item:

    2. Clinical manifestations
    (1) fever and/or respiratory symptoms;
    (2) imaging characteristics of pneumonia;
    3. Signed informed consent.

What makes "(1)" a sub-item here is not indentation or a colon but the list's own shape: a run
in another style, numbered from 1 (and going on to 2), lies between item 2 and the item that
carries the parent list on (3). ``ListResumes`` answers, for a token and an open item, whether
that item's list resumes later in the same section, in O(log n) per question.
"""

from __future__ import annotations

from bisect import bisect_right

from trial_audit.text.criteria_model import Item
from trial_audit.text.criteria_tokens import _Tok

#: how much shallower or deeper than its list a resuming item may be written
_INDENT_TOL = 1
#: how many later lines with the wanted number are looked at (deeper-indented ones are skipped)
_MAX_LOOK = 32
#: how many earlier siblings are asked whether they carry a sub-list
_MAX_SIBLINGS = 8


class ListResumes:
    """Per-section index of numbered line tokens by (style, case, number)."""

    def __init__(self, toks: list[_Tok]) -> None:
        self._toks = toks
        n = len(toks)
        self._next_header = [n] * n
        nh = n
        for i in range(n - 1, -1, -1):
            self._next_header[i] = nh
            if toks[i].kind == "header":
                nh = i
        self._at: dict[tuple[str, bool, int], list[int]] = {}
        for i, t in enumerate(toks):
            if t.kind == "item" and t.number is not None and not t.inline:
                self._at.setdefault((t.style, t.upper, t.number), []).append(i)

    def _next(self, i: int, style: str, upper: bool, number: int, indent: int | None, limit: int) -> int | None:
        """Index of the first line token after ``i`` and before ``limit`` numbered ``number`` in ``style``."""
        idx = self._at.get((style, upper, number))
        if not idx:
            return None
        k = bisect_right(idx, i)
        stop = min(len(idx), k + _MAX_LOOK)  # bounded: hostile text with thousands of deeper "2." stays linear
        while k < stop and idx[k] < limit:
            j = idx[k]
            if indent is None or self._toks[j].indent <= indent + _INDENT_TOL:
                return j
            k += 1
        return None

    def resume_of(self, i: int, item: Item) -> int | None:
        """Index of the token after ``i`` (same section) that carries ``item``'s list on with its next number."""
        if item.number is None or item.marker is None:
            return None
        return self._next(i, item.style, item.upper, item.number + 1, item.indent, self._next_header[i])

    def sublist_parent(self, i: int, style: str, upper: bool, stack: list[Item], after_label: bool = False) -> Item | None:
        """The open numbered item that a list in ``style`` starting at token ``i`` (number 1) belongs
        under: the nearest open item of another style whose list resumes after a run 1, 2, … of
        ``style`` (the run must reach 2 before the parent list resumes: one stray "(1)" is no list).
        ``after_label``: a label line stands before token ``i``, so an open list of ``style`` above is a
        group of its own that the label closes ("… shall meet any of the following:" between two runs)."""
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k]
            if o.marker is None or o.number is None:
                continue
            if o.style == style and o.upper == upper:
                if after_label:
                    continue
                return None  # the list of this style is itself open: its own numbering decides
            resume = self.resume_of(i, o)
            if resume is None and _siblings_have_sublist(o, style, upper):
                # the last item of its list, whose siblings carry sub-lists of this style ("1. History:" /
                # "(1)…(4)" / "2. Clinical manifestations" / "(1)…(3)" at the end of the section)
                resume = self._next_header[i]
            if resume is None:
                continue
            if self._next(i, style, upper, 2, None, resume) is not None:
                return o
            return None
        return None


def _siblings_have_sublist(item: Item, style: str, upper: bool) -> bool:
    """An earlier sibling of ``item`` has sub-items marked in ``style``."""
    siblings = item.parent.children if item.parent is not None else (item.section.items if item.section is not None else [])
    k = len(siblings) - 1
    while k >= 0 and siblings[k] is not item:
        k -= 1
    for sib in siblings[max(0, k - _MAX_SIBLINGS) : max(k, 0)]:
        if any(c.style == style and c.upper == upper and c.marker is not None for c in sib.children[:_MAX_LOOK]):
            return True
    return False
