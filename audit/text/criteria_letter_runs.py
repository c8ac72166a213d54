"""Lettered (and roman) lists in any punctuation, decided by the LIST rather than by the token.

A letter with a colon, a hyphen, a slash or a spaced bracket after it ("a:", "A-", "a )", "a /", "B –",
"ii:") is not a marker on its own: "B- and T-cell counts", "A: Part A dose escalation" and "I - the
investigator" are words or labels, so ``criteria_markers._match_marker`` leaves such tokens as text. A
column of lines that open with consecutive letters written the same way is a list whatever its
punctuation, though:

    a: Age 18 years or older            A- Age 18 years or older
    b: Signed informed consent          B- Signed informed consent
    c: ECOG 0-1                         C- ECOG 0-1

``letter_list_markers`` reads the line tokens of a first tokenising pass, finds the lines that open with
a letter (or a roman numeral) in a shape ``_match_marker`` does not take, and keeps those that form a
list: at least two such lines at the same indentation, written in the same shape and case, with no
section header between them, the first lettered "a" (or "i"), each next letter the next one - or the
same or one further, so that a list with a repeated or a missing letter (the defects TA111 and TA112
report) is still a list. The tokeniser then runs again with those lines read as items
(``criteria_tokens._tokenise``). A lone "B- and T-cell" line, or "A: …" "C: …" lines that do not run in
sequence, stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.text.criteria_markers import _LEAD_BULLET, _match_marker, split_marker
from trial_audit.text.criteria_model import roman_to_int

# A letter or roman numeral, maybe after an opening bracket, then one or two marks (a blank may stand
# before them: "a )", "b -") and a blank; or a letter alone before a tab ("a<TAB>Age …"). Full-width
# letters are letters too. Only tried at the start of a line that the first pass kept as text.
_FW_LETTER = "\uff21-\uff3a\uff41-\uff5a"
_CANDIDATE = re.compile(
    rf"""
    (?P<pre>[(\[（［【<{{]?)
    (?P<core>[ivx]{{2,5}}|[IVX]{{2,5}}|[A-Za-z{_FW_LETTER}])
    (?P<post>[ ]?[.)\]:：\-–—/>}}=|»~。．、）］】〕]{{1,2}}|(?=\t))
    (?=[ \t\u3000]+[^\s])
    """,
    re.VERBOSE,
)
_CLOSING = ")]>}）］】〕"
# the steps a list may take from one line to the next: the next letter, the same one again (a duplicate)
# or one further (a missing letter)
_STEPS = (0, 1, 2)


def _values(core: str) -> tuple[int | None, int | None]:
    """(letter number, roman value) of a marker's core: "c" -> (3, None), "i" -> (9, 1), "iv" -> (None, 4)."""
    if len(core) == 1:
        ch = chr(ord(core) - 0xFEE0) if ord(core) > 0xFF00 else core  # full-width to ASCII
        return ord(ch.lower()) - 96, roman_to_int(ch)
    return None, roman_to_int(core)


class _Chain:
    """Consecutive candidate lines of one shape, with the values of one kind (letters or roman numerals)."""

    __slots__ = ("kind", "cands")

    def __init__(self, kind: str, cand: _Cand) -> None:
        self.kind = kind
        self.cands = [cand]

    def value(self, cand: _Cand) -> int | None:
        return cand.alpha if self.kind == "alpha" else cand.roman

    def takes(self, cand: _Cand) -> bool:
        v, last = self.value(cand), self.value(self.cands[-1])
        if v is None or last is None or v - last not in _STEPS:
            return False
        if v == last and len(self.cands) >= 2 and self.value(self.cands[-2]) == last:
            return False  # "A: …" three times is not a list
        return True

    def is_list(self) -> bool:
        vals = [self.value(c) for c in self.cands]
        if len(vals) < 2 or vals[0] != 1:
            return False
        steps = [b - a for a, b in zip(vals, vals[1:])]  # type: ignore[operator]
        return steps.count(1) >= 1 and steps.count(1) >= steps.count(2)


@dataclass(slots=True)
class _Cand:
    """A line that opens with a letter or roman numeral: where the marker stands, how it is written."""

    line_pos: int  # where the line's token starts (its bullet, if any)
    pos: int  # where the letter's marker starts (after the bullet)
    key: tuple  # (bullet, punctuation before, punctuation after, upper case, indentation): one list's shape
    marker: str
    end: int  # where the marker ends
    pre: str
    post: str
    upper: bool
    alpha: int | None
    roman: int | None
    #: the first pass left it as text, or as a bullet whose text starts with the letter: to be read anew
    to_read: bool


def _candidate(text: str, tok, markdown: bool) -> _Cand | None:
    """The letter (or roman numeral) that opens a line token, in one of the shapes above, else None.

    Three kinds of token: a text line ("a: Age …", "A- Age …"); an item the first pass read in such a shape
    ("ii:" is a roman numeral on its own, "i:" a letter: both count for the list but stay as they are);
    and, in text that is not Markdown, a bullet whose text opens with a letter in any shape ("-  a) Signs
    their own informed consent", "• ii) Platelets …": the bullet is the page's, the letter the list's)."""
    if tok.inline or tok.kind not in ("text", "item"):
        return None
    bullet = ""
    pos = tok.start
    if tok.kind == "item" and tok.number is None and tok.marker and tok.outer is None:
        bullet, pos = tok.marker, tok.text_start
        if markdown and (mk := _match_marker(text, pos, True)) is not None and mk[2] is not None:
            return None  # Markdown: a bullet before a letter in a common shape is read so already ("* a) Cohort 1")
    elif tok.kind == "text" and (lead := _LEAD_BULLET.match(text, pos, tok.text_end)) is not None:
        bullet, pos = text[pos : lead.end()].rstrip(" \t\u3000"), lead.end()  # "-> i) …", "o a: …"
    m = _CANDIDATE.match(text, pos, tok.text_end)
    if m is not None:
        pre, core, post, end = m.group("pre"), m.group("core"), m.group("post"), m.end("post")
    elif bullet:
        mk = _match_marker(text, pos, False)  # a bullet before a letter in a common shape: "-  a) …"
        if mk is None or mk[2] is None or not mk[1].lstrip("(").startswith(("a", "i")):
            return None
        pre, core, post = split_marker(mk[0])
        end = mk[5]
    else:
        return None
    if tok.kind == "item" and not bullet and (tok.marker is None or end != tok.start + len(tok.marker)):
        return None
    alpha, roman = _values(core)
    upper = core.isupper()
    key = (bullet, pre, post, upper, tok.indent)
    return _Cand(tok.start, pos, key, text[pos:end], end, pre, post, upper, alpha, roman, tok.kind == "text" or bool(bullet))


def letter_list_markers(text: str, toks: list, markdown: bool = False) -> dict[int, tuple]:
    """The line tokens (by their start offset) that open an item of a lettered list, each as (the page's
    bullet before the letter or None, where the letter's marker starts, the marker in
    ``criteria_markers._match_marker``'s form: (marker, style, number, upper, letter, end)). Linear in the
    number of tokens (each token joins or closes at most two chains of its shape)."""
    open_chains: dict[tuple, list[_Chain]] = {}
    found: list[_Chain] = []

    def close(key: tuple) -> None:
        for ch in open_chains.pop(key, []):
            if ch.is_list():
                found.append(ch)

    for tok in toks:
        if tok.kind == "header":
            for key in list(open_chains):
                close(key)
            continue
        cand = _candidate(text, tok, markdown)
        if cand is None:
            # a line left of a list's column ends it ("1. Organ function:" / "   a: …" / "2. …")
            for key in [k for k in open_chains if tok.indent < k[4] - 1]:
                close(key)
            continue
        chains = open_chains.get(cand.key, [])
        kept = [ch for ch in chains if ch.takes(cand)]
        for ch in chains:
            if ch not in kept and ch.is_list():
                found.append(ch)
        for ch in kept:
            ch.cands.append(cand)
        if not kept:
            kept = [_Chain(kind, cand) for kind, v in (("alpha", cand.alpha), ("roman", cand.roman)) if v is not None]
        open_chains[cand.key] = kept
    for key in list(open_chains):
        close(key)
    out: dict[int, tuple] = {}
    for ch in found:
        for c in ch.cands:
            if c.line_pos in out or not c.to_read:
                continue  # a line read by two chains ("i" a letter and a roman one): the first chain keeps it
            closing = any(x in _CLOSING for x in c.post)
            kind = "a" if ch.kind == "alpha" else "i"
            style = f"({kind})" if c.pre and closing else kind + (")" if closing else ".")
            number = c.alpha if ch.kind == "alpha" else c.roman
            letter = chr(96 + c.alpha) if ch.kind == "alpha" and c.alpha is not None else None
            out[c.line_pos] = (c.key[0] or None, c.pos, (c.marker, style, number, c.upper, letter, c.end))
    return out
