"""The parsed eligibility criteria: ``CriteriaDoc`` -> ``Section`` -> a tree of ``Item``, and marker formatting.

Split out of ``trial_audit.text.criteria`` (the public facade, which re-exports these names).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

ORDINAL_STYLES = frozenset({"1.", "1)", "(1)", "a.", "a)", "(a)", "i.", "i)", "(i)"})
#: the kind of list each ordinal style numbers with (bullets have none)
ORDINAL_KIND = {
    "1.": "num",
    "1)": "num",
    "(1)": "num",
    "a.": "alpha",
    "a)": "alpha",
    "(a)": "alpha",
    "i.": "roman",
    "i)": "roman",
    "(i)": "roman",
}
BULLET_STYLES = frozenset({"-", "*", "•", "+", "o", "other-bullet"})

# --- markers ------------------------------------------------------------------------------

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_ROMAN_RE = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


def roman_to_int(s: str) -> int | None:
    s = s.lower()
    if not s or not _ROMAN_RE.match(s):
        return None
    total = 0
    prev = 0
    for ch in reversed(s):
        v = _ROMAN_VALUES[ch]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    return total or None


def int_to_roman(n: int) -> str:
    out = []
    for v, sym in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def _letter(n: int) -> str:
    if 1 <= n <= 26:
        return chr(ord("a") + n - 1)
    return str(n)


def format_marker(style: str, number: int, upper: bool = False) -> str:
    """The marker of ``style`` for ``number``: ("(1)", 3) -> "(3)", ("a.", 2) -> "b."."""
    if style in ("1.", "1)", "(1)"):
        core = str(number)
    elif style in ("a.", "a)", "(a)"):
        core = _letter(number)
    elif style in ("i.", "i)", "(i)"):
        core = int_to_roman(number)
    else:
        return style
    if upper:
        core = core.upper()
    if style.startswith("("):
        return f"({core})"
    return core + style[-1]


# --- the document --------------------------------------------------------------------------


@dataclass(eq=False)
class Item:
    marker: str | None
    style: str
    number: int | None
    level: int
    text: str
    start: int
    end: int
    text_start: int
    text_end: int
    children: list[Item] = field(default_factory=list, repr=False)
    section: Section | None = field(default=None, repr=False)
    inline: bool = False
    #: added: the page bullet in front of an ordinal marker ("•" in "• 1. text"), else None
    outer_marker: str | None = None
    #: added: column of the line's first non-blank character (for inline items: their line's)
    indent: int = 0
    #: added: the parent item (None at the top level of a section)
    parent: Item | None = field(default=None, repr=False)
    #: added: True for an unmarked short line that labels what follows ("Part A:", "For patients with ...:")
    is_label: bool = False
    #: added: True when the marker letters are upper case ("A.", "(IV)")
    upper: bool = False
    #: added: offsets of the line the item starts on
    line_start: int = 0
    line_end: int = 0
    #: added: offsets of paragraphs inside the item that interrupt its sub-list
    breaks: list[int] = field(default_factory=list, repr=False)
    #: added: "require" (a participant must meet it) / "exclude" (it rules a participant out) / None,
    #: set once by the parse (``criteria_modes``); ``mode_source``: "section", "label" or "wording"
    mode: str | None = None
    mode_source: str = "section"

    @property
    def marker_start(self) -> int:
        return self.start

    @property
    def marker_end(self) -> int:
        return self.start + (len(self.marker) if self.marker else 0)

    @property
    def is_ordinal(self) -> bool:
        return self.number is not None

    @property
    def family(self) -> str | None:
        """'num', 'alpha' or 'roman' for ordinal items, else None."""
        if self.number is None:
            return None
        return ORDINAL_KIND.get(self.style)

    def iter(self) -> Iterator[Item]:
        yield self
        for c in self.children:
            yield from c.iter()


@dataclass(eq=False)
class Section:
    kind: str  # "inclusion" | "exclusion" | "other"
    header: str | None
    header_start: int | None
    header_end: int | None
    merged_header: bool
    label: str | None
    start: int
    end: int
    items: list[Item] = field(default_factory=list)
    #: added: the header's kind word was a "non-inclusion" / "ineligibility" style synonym of exclusion
    header_line_start: int | None = None
    #: added: the header follows the text of a criterion on its line ("... 8 weeks Exclusion Criteria:")
    header_after_text: bool = False
    #: added: the header is a lead-in sentence ("Patients will be excluded if:"), not a "... Criteria" title
    header_sentence: bool = False
    #: added: "require" for an inclusion section, "exclude" for an exclusion section, None otherwise (``criteria_modes``)
    mode: str | None = None

    def iter_items(self) -> Iterator[Item]:
        for it in self.items:
            yield from it.iter()


@dataclass(eq=False)
class CriteriaDoc:
    text: str
    markdown: bool
    sections: list[Section] = field(default_factory=list)

    def items(self) -> Iterator[Item]:
        for s in self.sections:
            yield from s.iter_items()

    def by_kind(self, kind: str) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    @property
    def has_inclusion(self) -> bool:
        return any(s.kind == "inclusion" for s in self.sections)

    @property
    def has_exclusion(self) -> bool:
        return any(s.kind == "exclusion" for s in self.sections)
