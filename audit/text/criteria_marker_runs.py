"""Lists in any punctuation, decided by the LIST rather than by the token ("a:", "A-", "a )", "1;", "2 ]").

A letter with a colon, a hyphen, a slash or a spaced bracket after it ("a:", "A-", "a )", "a /", "B –",
"ii:") is not a marker on its own: "B- and T-cell counts", "A: Part A dose escalation" and "I - the
investigator" are words or labels, and "1; 2" or "3 ] …" are no common way to number, so
``criteria_markers._match_marker`` leaves such tokens as text. A column of lines that open with
consecutive letters (roman numerals, numbers) written the same way is a list whatever its punctuation:

    a: Age 18 years or older            A- Age 18 years or older          1; Age 18 years or older
    b: Signed informed consent          B- Signed informed consent        2; Signed informed consent
    c: ECOG 0-1                         C- ECOG 0-1                       3; ECOG 0-1

``list_run_markers`` reads the line tokens of a first tokenising pass, finds the lines that open with a
letter, roman numeral or number in a shape ``_match_marker`` does not take (also behind a page bullet:
"-  a) …", "-> i) …"), and keeps those that form a list: lines at one indentation, written in one shape
and case, with no section header between them, each next value the next one - or the same or one
further, so that a list with a repeated or a missing letter or number (the defects TA111 and TA112
report) is still a list - starting at a / i / 1 (two lines suffice), or three lines or more that go up
one by one but for one slip (a list that starts late, TA110). The tokeniser then runs again with those
lines read as items (``criteria_tokens._tokenise``). A lone "B- and T-cell" line, "A: …" "C: …" lines
that do not run in sequence, or a scale ("1 = mild", "2 = moderate": "=" is not taken after a number)
stay text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.text.criteria_markers import _LEAD_BULLET, _match_marker, glyph_value, split_marker
from trial_audit.text.criteria_model import ORDINAL_KIND, roman_to_int

# A letter, roman numeral or number, maybe after an opening bracket, then one or two marks (a blank or
# a Markdown escape may stand before them: "a )", "b -", "a\\)") and a blank; or the letter or number
# alone before a tab ("a<TAB>Age …"). Full-width letters and digits are letters and digits too. After a
# number, "=" is not taken ("1 = mild": a scale) and a letter must follow the marks after a blank.
_FW_LETTER = "\uff21-\uff3a\uff41-\uff5a"
_MARKS = ".)\\]:：\\-–—/>}|»~。．、）］】〕;,_°º"
_CANDIDATE = re.compile(
    rf"""
    (?P<pre>[(\[（［【<{{\#]?)
    (?:(?P<num>[1-9\uff11-\uff19][0-9\uff10-\uff19]{{0,2}})|(?P<core>[ivx]{{2,5}}|[IVX]{{2,5}}|[A-Za-z{_FW_LETTER}]))
    (?P<post>[ ]?\\?(?(num)[{_MARKS}]|[{_MARKS}=]){{1,2}}|(?=\t))
    (?(num)(?=[ \t\u3000]+[^\s0-9])|(?=[ \t\u3000]+\S))
    """,
    re.VERBOSE,
)
_CLOSING = ")]>}）］】〕"
# the steps a list may take from one line to the next: the next value, the same one again (a duplicate)
# or one further (a missing one)
_STEPS = (0, 1, 2)
# lists of different shapes open at once (one per indentation and punctuation): a real text has a few
_MAX_OPEN_SHAPES = 32


def _values(core: str) -> dict[str, int]:
    """The values a marker's core can stand for, by kind: "c" -> {alpha: 3}, "i" -> {alpha: 9, roman: 1},
    "iv" -> {roman: 4}, "12" -> {num: 12}."""
    if core.isdigit():  # str.isdigit and int() read full-width digits too
        return {"num": int(core)}
    glyph = glyph_value(core) if len(core) == 1 else None
    if glyph is not None:  # "Ⅳ", "⑶", "ⓑ": the glyph's own value and kind (its Unicode name), not a letter's place
        return {ORDINAL_KIND[glyph[1].lower()]: glyph[0]}
    out: dict[str, int] = {}
    if len(core) == 1:
        ch = chr(ord(core) - 0xFEE0) if ord(core) > 0xFF00 else core  # full-width to ASCII
        out["alpha"] = ord(ch.lower()) - 96
        core = ch
    roman = roman_to_int(core)
    if roman is not None:
        out["roman"] = roman
    return out


@dataclass(slots=True)
class _Cand:
    """A line that opens with a letter, roman numeral or number: where the marker stands, how it is written."""

    line_pos: int  # where the line's token starts (its bullet, if any)
    pos: int  # where the marker starts (after the bullet)
    key: tuple  # (bullet, punctuation before, punctuation after, upper case, indentation): one list's shape
    marker: str
    end: int  # where the marker ends
    pre: str
    post: str
    upper: bool
    values: dict[str, int]
    #: the first pass left it as text, or as a bullet whose text starts with the marker: to be read anew
    to_read: bool


class _Chain:
    """Consecutive candidate lines of one shape, with the values of one kind (letters, roman numerals, numbers)."""

    __slots__ = ("kind", "cands")

    def __init__(self, kind: str, cand: _Cand) -> None:
        self.kind = kind
        self.cands = [cand]

    def takes(self, cand: _Cand) -> bool:
        v, last = cand.values.get(self.kind), self.cands[-1].values[self.kind]
        if v is None or v - last not in _STEPS:
            return False
        if v == last and len(self.cands) >= 2 and self.cands[-2].values[self.kind] == last:
            return False  # "A: …" three times is not a list
        return True

    def is_list(self) -> bool:
        vals = [c.values[self.kind] for c in self.cands]
        steps = [b - a for a, b in zip(vals, vals[1:])]
        ones = steps.count(1)
        if len(vals) >= 2 and vals[0] == 1:
            return ones >= 1 and ones >= steps.count(2)
        # a list that starts late ("b: …" "c: …" "d: …"): three lines or more, one by one but for one slip
        return len(vals) >= 3 and ones >= 2 and ones >= len(steps) - 1


def _candidate(text: str, tok, markdown: bool) -> _Cand | None:
    """The letter, roman numeral or number that opens a line token, in one of the shapes above, else None.

    Three kinds of token: a text line ("a: Age …", "A- Age …", "1; Age …"); an item the first pass read in
    such a shape ("ii:" is a roman numeral on its own, "i:" a letter: both count for the list but stay as
    they are); and a bullet whose text opens with a letter or number in any shape ("-  a) Signs their own
    informed consent", "• ii) Platelets …": the bullet is the page's, the marker the list's; in Markdown
    only the shapes ``_match_marker`` does not read behind a bullet already)."""
    if tok.inline or tok.kind not in ("text", "item"):
        return None
    bullet = ""
    pos = tok.start
    if tok.kind == "item" and tok.number is None and tok.marker and tok.outer is None:
        bullet, pos = tok.marker, tok.text_start
        if markdown and (mk := _match_marker(text, pos, True)) is not None and mk[2] is not None:
            return None  # Markdown: a bullet before a marker in a common shape is read so already ("* a) Cohort 1")
    elif tok.kind == "text" and (lead := _LEAD_BULLET.match(text, pos, tok.text_end)) is not None:
        bullet, pos = text[pos : lead.end()].rstrip(" \t\u3000"), lead.end()  # "-> i) …", "o a: …"
    m = _CANDIDATE.match(text, pos, tok.text_end)
    if m is not None:
        pre, core, post, end = m.group("pre"), m.group("num") or m.group("core"), m.group("post"), m.end("post")
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
    values = _values(core)
    if not values:
        return None
    upper = core.isupper()
    key = (bullet, pre, post, upper, tok.indent)
    return _Cand(tok.start, pos, key, text[pos:end], end, pre, post, upper, values, tok.kind == "text" or bool(bullet))


def list_run_markers(text: str, toks: list, markdown: bool = False) -> dict[int, tuple]:
    """The line tokens (by their start offset) that open an item of a list decided by its run, each as (the
    page's bullet before the marker or None, where the marker starts, the marker in
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
            kept = [_Chain(kind, cand) for kind in cand.values]
        open_chains.pop(cand.key, None)  # (re-inserted last: the dict keeps the shapes by their latest line)
        open_chains[cand.key] = kept
        if len(open_chains) > _MAX_OPEN_SHAPES:
            close(next(iter(open_chains)))  # hostile text with a new shape on every line stays linear
    for key in list(open_chains):
        close(key)
    out: dict[int, tuple] = {}
    for ch in found:
        for c in ch.cands:
            if c.line_pos in out or not c.to_read:
                continue  # a line read by two chains ("i" a letter and a roman one): the first chain keeps it
            closing = any(x in _CLOSING for x in c.post)
            kind = {"alpha": "a", "roman": "i", "num": "1"}[ch.kind]
            style = f"({kind})" if c.pre in "([（［【<{" and c.pre and closing else kind + (")" if closing else ".")
            number = c.values[ch.kind]
            letter = chr(96 + number) if ch.kind == "alpha" else None
            out[c.line_pos] = (c.key[0] or None, c.pos, (c.marker, style, number, c.upper and ch.kind != "num", letter, c.end))
    return out
