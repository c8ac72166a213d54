"""Eligibility-criteria parser: sections (inclusion / exclusion / other) and a tree of items.

``parse_criteria(text, markdown=False)`` never raises on any ``str``. Every offset indexes into
the text given (``doc.text``), so a rule can quote any span of the ``criteria`` field exactly.

What it understands (all seen in real registry records):

* section headers in their many spellings ("Inclusion Criteria:", "INCLUSION CRITERIA",
  "Key inclusion criteria", "Exclusion criteria" written as a bullet, a header run into the
  first item as in "inclusion criteria (2) Expected survival ...");
* item markers ``1.`` ``1)`` ``(1)`` ``a.`` ``a)`` ``(a)`` ``i.`` ``i)`` ``(i)`` and bullets
  ``-`` ``*`` ``•`` (and a few rarer bullet glyphs), a page bullet in front of an ordinal marker
  ("• 1. Malignant ...": the item's marker is ``1.``, ``outer_marker`` is ``•``);
* Markdown lists (ClinicalTrials.gov API v2), where ``\\*`` / ``\\>`` are escapes, not markers;
* nesting by indentation (legacy XML, Markdown) or, when everything sits at one indentation
  (a patient page), by marker style: an item ending with ":" opens a sub-list of another style;
* inline items in a paragraph, separated by ";" (or ":" / ".") with ``(n)`` / ``n)`` markers;
* hard-wrapped lines that continue an item, and unmarked paragraphs (``marker`` None).

The document is read-only: ``doc_for(text, markdown)`` caches the parse, so that every rule
reading the same record's criteria shares one parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = [
    "CriteriaDoc",
    "Item",
    "Section",
    "doc_for",
    "int_to_roman",
    "format_marker",
    "parse_criteria",
]

ORDINAL_STYLES = frozenset({"1.", "1)", "(1)", "a.", "a)", "(a)", "i.", "i)", "(i)"})
_FAMILY = {
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


_BULLET_CHARS = "-*•·▪●◦○■□➢►‣⁃–—+§"
_BULLET_STYLE = {"-": "-", "–": "-", "—": "-", "⁃": "-", "*": "*", "•": "•", "·": "•", "●": "•", "+": "+"}

# A marker at the start of a line (after indentation). Ordinals must be followed by a space,
# the end of the line or (for "1." / "1)") an upper-case letter ("1.Age" in sloppy text);
# "1.5 x ULN", "2.5 mg" and "e.g." are therefore not markers.
_LINE_MARKER = re.compile(
    r"""
    (?P<paren>\((?P<pnum>[1-9][0-9]{0,2})\)|\((?P<plet>[A-Za-z])\)|\((?P<prom>(?:[ivx]{1,5}|[IVX]{1,5}))\))
        (?=\s|$|[A-Za-z])
    |(?P<num>[1-9][0-9]{0,2})(?P<nsep>[.)])(?=\s|$|[A-Z(])
    |(?P<rom>(?:[ivx]{2,5}|[IVX]{2,5}))(?P<rsep>[.)])(?=\s|$)
    |(?P<let>[A-Za-z])(?P<lsep>[.)])(?=\s|$)
    |(?P<bul>[-*•·▪●◦○■□➢►‣⁃–—+§])(?=\s|$)
    """,
    re.VERBOSE,
)

# Inline items: "(n)" / "n)" markers after ";" ":" "." (or a header) inside a line.
_INLINE_MARKER = re.compile(
    r"(?:(?<=[;:.])|(?<=[;:.][ \t]))[ \t]*(?P<m>\((?P<pnum>[1-9][0-9]?)\)|(?<![0-9A-Za-z(])(?P<num>[1-9][0-9]?)\))[ \t]+(?=\S)"
    r"|(?<=[;:.][ \t])[ \t]*(?P<dm>(?P<dnum>[1-9][0-9]?)\.)[ \t]+(?=[A-Z(])"
)

# --- headers --------------------------------------------------------------------------------

_QUAL = r"(?:(?:key|main|major|general|principal|primary|study|patient|patients'?|subject|participant|additional|specific|other|basic|selection|clinical|medical)\s+)"
_CRIT = r"(?:criteri[a-z]*|creteria|critera|citeria|criterial)"
_HEADER_RE = re.compile(
    rf"""
    (?P<h>
      (?P<pre>(?:part|cohort|arm|group|stage|phase|step|period)\s+[\w.]{{1,6}}\s*[:\-–]\s*)?
      (?:{_QUAL}{{0,3}})
      (?:
         (?P<comb>(?:inclusions?\s*(?:/|and|&|or|\+)\s*exclusions?|eligibility|selection|entry))[\s_]+{_CRIT}
        |(?P<non>non[-\s]?inclusion|ineligibility|non[-\s]?eligibility)[\s_]+{_CRIT}
        |(?P<inc>inclusion|inclusions|inclusive|inclussion|incluson|inlcusion|includion|inc\.?)[\s_]+{_CRIT}
        |(?P<exc>exclusion|exclusions|exlusion|exclussion|exclusionary|excluson|exc\.?)[\s_]+{_CRIT}
        |criteria\s+for\s+(?:(?P<inc2>inclusion|participation|entry|enrollment|enrolment|selection)|(?P<exc2>exclusion|non-inclusion))
        |(?P<inc3>inclusions?)(?=[ \t]*[:：])
        |(?P<comb3>eligibility|criteria)(?=[ \t]*[:：])
        |(?P<exc3>exclusions?)(?=[ \t]*[:：])
        |(?P<inc4>inclusions?)[ \t]*$
        |(?P<exc4>exclusions?)[ \t]*$
      )
      (?P<qual>[ \t]+(?:for|in|of|at|during|to|related|relating|applicable|specific|common|part|stage|phase|cohort|arm|group|step|period|[0-9]|\(|-|–)[^:：\n.;]{{0,80}}?(?=[ \t]*(?:[:：]|\]|$))
              |[ \t]+[^:：\n.;]{{1,60}}?(?=[ \t]*[:：][ \t]*$))?
      (?P<colon>[ \t]*[:：]|[ \t]*\.(?=[ \t]*$))?
      (?:[ \t]*\])?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# a short line ending with a colon that names the section after a few words ("Transplant Inclusion:")
_LOOSE_HEADER = re.compile(
    r"(?P<h>(?:[A-Za-z0-9()/&'-]+[ \t]+){1,4}(?P<w>inclusions?|exclusions?|eligibility)\b[^.;:：\n]{0,50}[:：])[ \t]*$",
    re.IGNORECASE,
)
# an optional bullet / ordinal / letter prefix in front of a header ("• Exclusion criteria:", "2. Exclusion Criteria")
_HEADER_PREFIX = re.compile(
    r"(?:\*\*\s*|\[\s*|[-*•·▪●◦○■□➢►‣⁃–—+]\s*|(?:[0-9]{1,2}|[A-Za-z]|[IVX]{1,4})[.)]\s+|\((?:[0-9]{1,2}|[A-Za-z])\)\s*|#{1,6}\s*|\*\*)?"
)

_LABEL_RE = re.compile(
    r"^(?:\*\*)?(?:(?:part|cohort|arm|group|stage|phase|step|module|sub-?study|population|stratum|strata|"
    r"segment|period|section|dose[- ]escalation|dose[- ]expansion|expansion)\b[^\n]{0,60}"
    r"|for\s+(?:all\s+)?(?:patients|participants|subjects|women|men|children|adults|healthy|volunteers|those|the)\b[^\n]{0,100}"
    r"|(?:disease|patient|prior\s+concurrent|prior|concurrent)\s+(?:characteristics|therapy|therapies)\b[^\n]{0,20})\s*:?\s*(?:\*\*)?$",
    re.IGNORECASE,
)


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
        return _FAMILY.get(self.style)

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


# --- tokenising ------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Tok:
    kind: str  # "item" | "text" | "header"
    indent: int
    start: int  # marker start (item) / text start
    text_start: int
    text_end: int
    line_start: int
    line_end: int
    blank_before: bool
    marker: str | None = None
    style: str = "none"
    number: int | None = None
    upper: bool = False
    letter: str | None = None  # the raw letter for a/i ambiguity
    outer: str | None = None
    inline: bool = False
    # header
    hkind: str | None = None
    header: str | None = None
    header_start: int = 0
    header_end: int = 0
    merged: bool = False
    label: str | None = None


def _indent_of(line: str) -> int:
    n = 0
    for ch in line:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4
        elif ch in "\u00a0\u3000":
            n += 1
        else:
            break
    return n


def _match_marker(text: str, pos: int, markdown: bool):
    """Marker at ``pos``: (marker, style, number, upper, letter, end) or None."""
    if markdown and text.startswith("\\", pos):
        return None
    m = _LINE_MARKER.match(text, pos)
    if not m:
        return None
    g = m.group
    if g("paren"):
        if g("pnum"):
            return g("paren"), "(1)", int(g("pnum")), False, None, m.end()
        if g("plet"):
            ch = g("plet")
            return g("paren"), "(a)", ord(ch.lower()) - 96, ch.isupper(), ch.lower(), m.end()
        r = g("prom")
        v = roman_to_int(r)
        if v is None:
            return None
        return g("paren"), "(i)", v, r.isupper(), None, m.end()
    if g("num"):
        n = int(g("num"))
        return g("num") + g("nsep"), "1" + g("nsep"), n, False, None, m.end()
    if g("rom"):
        r = g("rom")
        v = roman_to_int(r)
        if v is None:
            return None
        return r + g("rsep"), "i" + g("rsep"), v, r.isupper(), None, m.end()
    if g("let"):
        ch = g("let")
        return ch + g("lsep"), "a" + g("lsep"), ord(ch.lower()) - 96, ch.isupper(), ch.lower(), m.end()
    b = g("bul")
    if b:
        return b, _BULLET_STYLE.get(b, "other-bullet"), None, False, None, m.end()
    return None


def _skip_ws(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\u00a0":
        pos += 1
    return pos


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\r\u00a0":
        end -= 1
    return end


def _is_label_text(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 120:
        return False
    if _LABEL_RE.match(s):
        return True
    if s.endswith(":") and len(s.split()) <= 14:
        return True
    return False


_INLINE_GATE = re.compile(r"[;:.][ \t]*\(?[1-9]")


def _split_inline(text: str, tok: _Tok, out: list[_Tok]) -> None:
    """Append ``tok`` and the inline items found in its text (``...; (3) ...``)."""
    ts, te = tok.text_start, tok.text_end
    if te - ts < 6 or not _INLINE_GATE.search(text, ts, te):
        out.append(tok)
        return
    found = []
    for m in _INLINE_MARKER.finditer(text, ts, te):
        ms = m.start("m") if m.group("m") else m.start("dm")
        if ms <= ts:
            continue  # a marker at the very start is the line's own marker
        if m.group("dm"):
            found.append((ms, m.group("dm"), "1.", int(m.group("dnum")), m.end()))
            continue
        n = int(m.group("pnum") or m.group("num"))
        style = "(1)" if m.group("pnum") else "1)"
        found.append((ms, m.group("m"), style, n, m.end()))
    if not found:
        out.append(tok)
        return
    # keep inline markers only when they look like a list: the line's own item has the same
    # style and the first one follows it, or there are two or more consecutive ones
    keep = []
    if tok.kind == "item" and tok.style in ("(1)", "1)", "1."):
        prev = tok.number
        for f in found:
            if f[2] == tok.style and prev is not None and f[3] == prev + 1:
                keep.append(f)
                prev = f[3]
    if not keep:
        run: list = []
        best: list = []
        for f in found:
            if run and f[2] == run[-1][2] and f[3] == run[-1][3] + 1:
                run.append(f)
            else:
                run = [f]
            if len(run) > len(best):
                best = list(run)
        if len(best) >= 2:
            keep = best
        elif (
            tok.kind == "item"
            and tok.number is None
            and len(found) == 1
            and found[0][2] != "1."
            and text[found[0][0] - 2 : found[0][0]].strip() == ";"
        ):
            # "Creatinine <= 1.5 x ULN; (2) Electrocardiogram ..." - a marked item inside a marked line
            f = found[0]
            prev_marker = format_marker(f[2], f[3] - 1) if f[3] > 1 else None
            # "... cancer, except 1) certain skin cancers; 2) cancer ...": an enumeration in a sentence
            in_sentence = prev_marker is not None and re.search(r"(?:^|[\s(])" + re.escape(prev_marker) + r"\s", text[ts : f[0]])
            if f[3] <= 20 and not in_sentence:
                keep = [f]
    if not keep:
        out.append(tok)
        return
    first_ms = keep[0][0]
    tok.text_end = _rstrip_end(text, ts, first_ms)
    out.append(tok)
    for i, (ms, marker, style, n, tstart) in enumerate(keep):
        tend = keep[i + 1][0] if i + 1 < len(keep) else te
        out.append(
            _Tok(
                kind="item",
                indent=tok.indent,
                start=ms,
                text_start=tstart,
                text_end=_rstrip_end(text, tstart, tend),
                line_start=tok.line_start,
                line_end=tok.line_end,
                blank_before=False,
                marker=marker,
                style=style,
                number=n,
                inline=True,
            )
        )


def _header_at(text: str, pos: int, end: int):
    """A section header starting at ``pos`` (after an optional bullet/ordinal prefix) or None."""
    pm = _HEADER_PREFIX.match(text, pos, end)
    hp = pm.end() if pm else pos
    m = _HEADER_RE.match(text, hp, end)
    if not m:
        if end - hp <= 90:
            lm = _LOOSE_HEADER.match(text, hp, end)
            if lm:
                w = lm.group("w").lower()
                kind = "inclusion" if w.startswith("incl") else "exclusion" if w.startswith("excl") else "other"
                hs, he = lm.start("h"), lm.end("h")
                return kind, hs, he, end, None, True
        return None
    g = m.group
    if g("non") or g("exc") or g("exc2") or g("exc3") or g("exc4"):
        kind = "exclusion"
    elif g("comb") or g("comb3"):
        kind = "other"  # "Eligibility criteria:", "Inclusion/Exclusion Criteria:": one combined list
    else:
        kind = "inclusion"
    hs, he = m.start("h"), m.end("h")
    while he > hs and text[he - 1] in " \t":
        he -= 1
    rest = _skip_ws(text, m.end(), end)
    # strip Markdown bold around a header: "**Inclusion Criteria:**"
    if text.startswith("**", rest):
        rest = _skip_ws(text, rest + 2, end)
    has_colon = bool(g("colon"))
    if g("qual") and not has_colon:
        # "Inclusion Criteria Stage 1", "Inclusion Criteria - for Phase I"; not a sentence
        # ("Exclusion criteria of the parent study do not apply")
        q = g("qual").strip().lower()
        if len(q) > 30 or not re.match(r"(?:part|stage|phase|cohort|arm|group|step|period|[0-9(\-–]|for\b)", q):
            return None
    if not has_colon and not text[hs:he].lower().rstrip(" ]").endswith(("criteria", "inclusion", "exclusion", "exclusions", "inclusions")):
        if not g("qual"):
            return None
    if rest < end and not has_colon:
        # text follows a header without a colon: only a header when an ordinal marker follows
        # ("inclusion criteria (2) Expected ..."), or a capitalised first criterion follows a
        # header that starts its line ("Inclusion criteria Healthy male and female volunteers");
        # not in a sentence ("Inclusion criteria met", "Exclusion criteria of the parent study")
        mk = _match_marker(text, rest, False)
        if not mk or mk[2] is None:
            words = text[hs:he].split()
            if not (hp == pos and len(words) == 2 and words[1].lower() == "criteria" and text[rest].isupper() and not g("qual")):
                return None
    label = None
    if g("pre"):
        label = g("pre").strip(" :-–") or None
    if g("qual"):
        q = g("qual").strip(" -–(").strip()
        label = " ".join(x for x in (label, q) if x) or None
    weak = bool(g("comb3") or g("inc3") or g("exc3") or g("inc4") or g("exc4"))
    return kind, hs, he, rest, label, weak


# A header inside a line of flattened text: "... MUGA scan. Exclusion Criteria: - Use of ...",
# "... prior to screening Exclusion\nCriteria: ..." (a colon is required; a lower-case header word
# must follow a sentence end or a dash, so that "meets the following exclusion criteria:" inside
# a sentence is not taken for a header).
_MIDLINE_CAND = re.compile(r"(?:key\s+)?(?:inclusion|exclusion)\s+criteria(?P<colon>[ \t]*:)?", re.IGNORECASE)
_AFTER_UPPER = re.compile(r"[ \t]*(?:\n|$|[0-9]{1,2}[.)][ \t]|\([0-9]{1,2}\)[ \t]|[-•][ \t])")
_AFTER_EOL = re.compile(r"[ \t]*(?:\n|$)")


_CLUSION = re.compile(r"clusion|CLUSION|Clusion")
_KEY_BEFORE = re.compile(r"key\s+$", re.IGNORECASE)


def _midline_candidates(text: str):
    """``_MIDLINE_CAND`` matches, found fast: a case-sensitive scan for "clusion" first."""
    for c in _CLUSION.finditer(text):
        st = c.start() - 2
        if st < 0:
            continue
        k = _KEY_BEFORE.search(text, max(0, st - 12), st)
        m = _MIDLINE_CAND.match(text, k.start() if k else st)
        if m:
            yield m


def _midline_headers(text: str) -> list[tuple[int, int]]:
    """Spans of section headers that do not start a line (see the comment above)."""
    out = []
    for m in _midline_candidates(text):
        hs, he = m.start(), m.end()
        ls = text.rfind("\n", 0, hs) + 1
        before = text[ls:hs]
        if not before.strip():
            continue  # at the start of its line: the ordinary header logic handles it
        if before[-1] not in " \t":
            continue  # "Non-inclusion criteria:"
        pm = _HEADER_PREFIX.match(text, ls + len(before) - len(before.lstrip()), hs)
        if pm and pm.end() >= hs:
            continue  # "A. INCLUSION CRITERIA", "• Exclusion criteria:": a header behind a marker
        b = before.rstrip(" \t")
        if not b or len(before) - len(b) > 1 and not b.endswith(("-", "–")):
            continue
        last = b[-1]
        word = text[hs:he].lstrip()
        capital = word[:1].isupper()
        upper = word[:9].isupper()
        if m.group("colon"):
            if last in ".;!?)-–" or (capital and (last.isalnum() or last in ",)")):
                out.append((hs, he))
        elif capital and (last.islower() or last.isdigit() or last in ",.;)"):
            if (upper and _AFTER_UPPER.match(text, he)) or _AFTER_EOL.match(text, he):
                out.append((hs, he))
    return out


def _tokenise(text: str, markdown: bool) -> list[_Tok]:
    toks: list[_Tok] = []
    n = len(text)
    pos = 0
    blank = False
    mids = _midline_headers(text)
    mi = 0
    prev_indent: int | None = None  # indentation of the last line that was not a wrapped continuation
    prev_end_char = "."
    while pos < n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        ls, le = pos, nl
        pos = nl + 1
        if mi < len(mids) and mids[mi][0] < le:
            # split the line at a header inside it
            hs, he = mids[mi]
            mi += 1
            p0 = _skip_ws(text, ls, hs)
            if p0 < hs:
                seg_end = _rstrip_end(text, p0, hs)
                while seg_end > p0 and text[seg_end - 1] in "-–":
                    seg_end = _rstrip_end(text, p0, seg_end - 1)
                if seg_end > p0:
                    _segment(text, p0, seg_end, _indent_of(text[ls:p0]), ls, blank, markdown, toks)
            toks.append(
                _Tok(
                    kind="header",
                    indent=0,
                    start=hs,
                    text_start=hs,
                    text_end=he,
                    line_start=ls,
                    line_end=he,
                    blank_before=True,
                    hkind="exclusion" if "xclu" in text[hs:he].lower() else "inclusion",
                    header=text[hs:he],
                    header_start=hs,
                    header_end=he,
                )
            )
            # the rest of the header's (last) line
            hl_end = text.find("\n", he)
            hl_end = n if hl_end < 0 else hl_end
            pos = hl_end + 1
            r = _skip_ws(text, he, hl_end)
            r_end = _rstrip_end(text, r, hl_end)
            if r < r_end:
                toks[-1].merged = True
                hl_start = text.rfind("\n", 0, he) + 1
                _line_tokens(text, r, r_end, _indent_of(text[hl_start:]), hl_start, r_end, False, markdown, toks, after_header=True)
            blank = False
            continue
        le_s = _rstrip_end(text, ls, le)
        p = _skip_ws(text, ls, le_s)
        if p >= le_s:
            blank = True
            continue
        indent = _indent_of(text[ls:p])
        wrapped = not blank and prev_indent is not None and indent > prev_indent and prev_end_char not in ":;.!?"
        soft = not blank and prev_indent is not None and prev_end_char not in ":;.!?"
        _segment(text, p, le_s, indent, ls, blank, markdown, toks, wrapped, soft)
        if not wrapped:
            prev_indent = indent
        prev_end_char = text[le_s - 1]
        blank = False
    return toks


def _segment(
    text: str,
    p: int,
    le_s: int,
    indent: int,
    ls: int,
    blank_before: bool,
    markdown: bool,
    toks: list,
    wrapped: bool = False,
    soft_wrapped: bool = False,
) -> None:
    """Tokens of one line (or of the part of a line before a header inside it).

    ``wrapped``: the line continues the sentence of the line above at a deeper indentation;
    ``soft_wrapped``: the line above ends mid-sentence (weak headers such as a bare "criteria:"
    are then words of that sentence, not a header)."""
    h = _header_at(text, p, le_s) if text[p] in _HEADER_FIRST and not wrapped else None
    if h is not None and soft_wrapped and h[5]:
        h = None
    if h is not None:
        kind, hs, he, rest, label, _weak = h
        toks.append(
            _Tok(
                kind="header",
                indent=indent,
                start=hs,
                text_start=hs,
                text_end=he,
                line_start=ls,
                line_end=le_s,
                blank_before=blank_before,
                hkind=kind,
                header=text[hs:he],
                header_start=hs,
                header_end=he,
                label=label,
            )
        )
        if rest < le_s and any(ch.isalnum() for ch in text[rest:le_s]):
            toks[-1].merged = True
            _line_tokens(text, rest, le_s, indent, ls, le_s, False, markdown, toks, after_header=True)
        return
    _line_tokens(text, p, le_s, indent, ls, le_s, blank_before, markdown, toks)


_HEADER_FIRST = frozenset("IiEeKkNnCcMmGgSsPpAaOoBbDdHhRrTtFfLlUuVvWw#*-•·▪●◦○■□➢►‣⁃–—+(0123456789")


def _line_tokens(text, p, le, indent, ls, le_line, blank_before, markdown, toks, after_header=False):
    mk = _match_marker(text, p, markdown)
    outer = None
    if mk and mk[2] is None and mk[1] in ("•", "-", "*", "other-bullet", "+"):
        # a bullet in front of an ordinal marker: "• (3) Histological ..." / "* 1. ..."
        q = _skip_ws(text, mk[5], le)
        mk2 = _match_marker(text, q, markdown) if q < le else None
        if mk2 and mk2[2] is not None and not mk2[1].startswith("a") and not mk2[1].startswith("i"):
            outer = mk[0]
            mk = (mk2[0], mk2[1], mk2[2], mk2[3], mk2[4], mk2[5])
            p = q
        elif mk2 and mk2[2] is not None and (markdown or mk2[1] in ("(a)", "(i)")):
            # "* a) Cohort 1: ..." (Markdown), "- (i) ..."; in legacy text "-  A) Dose escalation
            # ..." stays a bullet whose text starts with a letter
            outer = mk[0]
            mk = mk2
            p = q
    if mk:
        marker, style, number, upper, letter, mend = mk
        ts = _skip_ws(text, mend, le)
        tok = _Tok(
            kind="item",
            indent=indent,
            start=p,
            text_start=ts,
            text_end=le,
            line_start=ls,
            line_end=le_line,
            blank_before=blank_before,
            marker=marker,
            style=style,
            number=number,
            upper=upper,
            letter=letter,
            outer=outer,
        )
        _split_inline(text, tok, toks)
        return
    tok = _Tok(
        kind="text",
        indent=indent,
        start=p,
        text_start=p,
        text_end=le,
        line_start=ls,
        line_end=le_line,
        blank_before=blank_before,
    )
    _split_inline(text, tok, toks)


# --- tree building -----------------------------------------------------------------------------


def _mk_item(text: str, tok: _Tok, section: Section) -> Item:
    return Item(
        marker=tok.marker,
        style=tok.style,
        number=tok.number,
        level=0,
        text=text[tok.text_start : tok.text_end],
        start=tok.start,
        end=tok.text_end,
        text_start=tok.text_start,
        text_end=tok.text_end,
        section=section,
        inline=tok.inline,
        outer_marker=tok.outer,
        indent=tok.indent,
        upper=tok.upper,
        line_start=tok.line_start,
        line_end=tok.line_end,
    )


def _extend(item: Item, text: str, end: int) -> None:
    """Continue ``item`` (and its ancestors) to ``end``."""
    it: Item | None = item
    while it is not None:
        if end > it.end:
            it.end = end
        it = it.parent
    if end > item.text_end:
        item.text_end = end
        item.text = text[item.text_start : item.text_end]


_ORD_TOL = 1


_INTRO_END = re.compile(r"(?::|\bof|\bfollowing|\bwith|\bare|\bor|\band|\bincluding|\bby|\bsuch as|\bif)\s*[)\]]?\s*;?\s*$", re.IGNORECASE)


_SUBLIST_HINT = re.compile(r"\b(?:at\s+least\s+(?:one|two|[0-9])|one\s+or\s+more|any|all|each|either)\s+of\s+(?:the|these)\b")


def _introduces(text: str) -> bool:
    """The item's text introduces a sub-list ("... the following criteria:", "... complaints of")."""
    t = text.rstrip()
    if not t:
        return False
    if _INTRO_END.search(t[-40:]):
        return True
    if len(t.split()) <= 5 and t[-1] not in ".;!?)":
        return True  # a title: "5. Concomitant Medications"
    tail = t[-160:].lower()
    if _SUBLIST_HINT.search(tail):
        return True
    return "following" in tail and t[-1] in ":;)"


def _continues_open(stack: list[Item], tok: _Tok) -> bool:
    """An open item of the same style is numbered just before ``tok`` (so ``tok`` is its next sibling)."""
    if tok.number is None:
        return False
    return any(o.style == tok.style and o.number == tok.number - 1 for o in stack)


def _wrapped_mid_sentence(text: str, line_start: int) -> bool:
    """The line before ``line_start`` does not end a sentence or introduce a list."""
    k = line_start - 1
    while k >= 0 and text[k] in "\n\r \t":
        k -= 1
    return k >= 0 and text[k] not in ":;.!?"


def _fix_roman(siblings: list[Item]) -> None:
    """Decide "i." (roman one) vs "i." (letter nine) from the neighbours."""
    prev: Item | None = None
    for it in siblings:
        if it.style in ("a.", "a)", "(a)") and it.marker:
            letter = it.marker.strip("().").lower()
            if letter in ("i", "v", "x"):
                prev_letter = prev is not None and prev.style == it.style and prev.number == it.number - 1
                prev_roman = prev is not None and prev.style.startswith(("i", "(i"))
                if not prev_letter and (prev_roman or letter == "i"):
                    it.style = it.style.replace("a", "i")
                    it.number = roman_to_int(letter)
        prev = it if it.number is not None else prev
        if it.children:
            _fix_roman(it.children)


def _build(text: str, toks: list[_Tok], markdown: bool) -> list[Section]:
    sections: list[Section] = []
    cur: Section | None = None
    stack: list[Item] = []
    last: Item | None = None  # the most recent item (for hard-wrapped continuation)
    line_item: Item | None = None  # the item the current line started (for inline items)

    def new_section(kind, header=None, hs=None, he=None, start=0, label=None, merged=False) -> Section:
        nonlocal cur, stack, last
        if cur is not None:
            cur.end = _rstrip_end(text, cur.start, start)
            while cur.end > cur.start and text[cur.end - 1] in "\n\r \t":
                cur.end -= 1
        cur = Section(kind, header, hs, he, merged, label, start, start)
        sections.append(cur)
        stack = []
        last = None
        return cur

    def attach(item: Item, parent: Item | None) -> None:
        if parent is None:
            item.level = 0
            cur.items.append(item)
        else:
            item.level = parent.level + 1
            item.parent = parent
            parent.children.append(item)
        _extend(item, text, item.end)

    def open_item(item: Item, parent: Item | None) -> None:
        """Attach ``item`` under ``parent`` and make it the open, latest item of its line."""
        nonlocal last, line_item
        attach(item, parent)
        stack.append(item)
        last = item
        line_item = item

    for tok in toks:
        if tok.kind == "header":
            new_section(tok.hkind, tok.header, tok.header_start, tok.header_end, tok.line_start, tok.label, tok.merged)
            cur.header_line_start = tok.line_start
            continue
        if cur is None:
            new_section("other", start=tok.line_start)
        if tok.kind == "text":
            s = text[tok.text_start : tok.text_end]
            label_like = _is_label_text(s)
            if last is not None and not tok.blank_before and not tok.inline:
                # a hard-wrapped line continues the item, unless it is a label at or left of the item
                if not (label_like and tok.indent <= last.indent and last.marker is not None):
                    _extend(last, text, tok.text_end)
                    continue
            if last is not None and tok.blank_before and stack:
                # a paragraph indented under an item belongs to that item
                owner = None
                for it in reversed(stack):
                    if it.marker is not None and tok.indent > it.indent:
                        owner = it
                        break
                if owner is not None and label_like and s.rstrip().endswith(":") and tok.indent < stack[-1].indent:
                    # a label between sub-lists ("Adequate hepatic function including:"), written
                    # left of the sub-items above it: it starts a new group under ``owner``
                    item = _mk_item(text, tok, cur)
                    item.is_label = True
                    while stack and stack[-1] is not owner:
                        stack.pop()
                    open_item(item, owner)
                    continue
                if owner is not None:
                    # a continuation paragraph; when it closes deeper sub-lists, later sub-items of
                    # ``owner`` form a new group (numbering may restart after a paragraph)
                    if stack and stack[-1] is not owner and owner.children:
                        owner.breaks.append(tok.start)
                        while stack and stack[-1] is not owner:
                            stack.pop()
                    _extend(owner, text, tok.text_end)
                    last = owner
                    continue
            item = _mk_item(text, tok, cur)
            item.is_label = label_like
            while stack and stack[-1].indent >= tok.indent:
                stack.pop()
            parent = stack[-1] if stack else None
            if parent is not None and parent.marker is None:
                parent = None
                stack = []
            open_item(item, parent)
            continue
        # marked item
        item = _mk_item(text, tok, cur)
        if tok.inline and last is not None and last.inline and last.line_start == tok.line_start:
            # the next of a run of inline items: a sibling of the previous one
            attach(item, last.parent)
            if stack and stack[-1] is last:
                stack[-1] = item
            last = item
            continue
        if tok.inline and line_item is not None and line_item.section is cur:
            li = line_item
            if li.marker is None or li.style != item.style and (text[tok.start - 2 : tok.start].strip() == ":" or item.number == 1):
                parent = li if li.marker is not None or not li.is_label else li.parent
                if li.marker is None and li.parent is None and not li.is_label:
                    parent = li
                attach(item, parent)
            else:
                attach(item, li.parent)
            # the inline item replaces the line's item on the stack at that level (unless it is
            # written in another style than its line's item: then the line's item stays open)
            if li.marker is None or li.style == item.style or item.parent is li:
                while stack and stack[-1] is not li and stack[-1].level >= item.level:
                    stack.pop()
                if stack and stack[-1] is li and li.level == item.level:
                    stack.pop()
                stack.append(item)
            last = item
            continue
        if (
            not markdown
            and not tok.blank_before
            and last is not None
            and last.marker is not None
            and (
                (tok.indent > last.indent and tok.indent >= last.text_start - last.line_start - 1)
                # "... (minimum of 2 months at Visit\n 1) of metformin alone": a number, then lower case
                or (tok.indent >= last.indent and tok.style in ("1.", "1)", "(1)") and text[tok.text_start : tok.text_start + 1].islower())
            )
            and _wrapped_mid_sentence(text, tok.line_start)
            and (
                (tok.number != 1 and tok.letter != "i")
                or tok.text_start >= tok.text_end
                or (tok.letter is None and text[tok.text_start].islower())
            )
            and (not _continues_open(stack, tok) or (tok.letter is None and text[tok.text_start : tok.text_start + 1].islower()))
        ):
            # a hard-wrapped line that happens to start with "C)", "(7) days", "4. (The face ...":
            # it continues the item above (legacy XML indents continuation lines to the text column)
            _extend(last, text, tok.text_end)
            continue
        I = tok.indent
        parent: Item | None = None
        placed = False
        # 0. a new list ("1.", "a.", "i.", "(A)") of a style not open yet, right after an item that
        # introduces it ("... the following criteria:", "... complaints of") but written at a
        # smaller indentation (legacy XML does this): the sub-list of that item
        if (
            last is not None
            and last.marker is not None
            and I <= last.indent
            and (tok.number == 1 or tok.letter == "i")
            and (
                (not any(o.style == item.style and o.upper == item.upper for o in stack) and _introduces(last.text))
                # the same style as the open list: only after an explicit "...:" (a colliding sub-list)
                or (last.number is not None and last.number > 1 and last.text.rstrip().endswith(":"))
            )
        ):
            while stack and stack[-1] is not last:
                stack.pop()
            open_item(item, last)
            continue
        # 1. an open item of the same style nearby: a sibling
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k]
            if o.marker is None:
                continue
            tol = _ORD_TOL if item.number is not None else 0
            if (
                o.style == item.style
                and o.upper == item.upper
                and (abs(o.indent - I) <= tol or (item.number is not None and o.number == item.number - 1 and I >= o.indent - tol))
            ):
                del stack[k:]
                parent = o.parent
                placed = True
                break
            if o.indent < I - tol:
                break
        if not placed and item.number is not None and item.number > 1:
            # the next number of an open list, however it is indented ("6. ...\n      2. Have
            # evidence ..." where "2." belongs to the top list that "1." opened)
            for k in range(len(stack) - 1, -1, -1):
                o = stack[k]
                if o.marker is not None and o.style == item.style and o.upper == item.upper and o.number == item.number - 1:
                    del stack[k:]
                    parent = o.parent
                    placed = True
                    break
        if not placed:
            while stack and stack[-1].indent > I:
                stack.pop()
            # unmarked paragraphs do not own later marked items unless they introduce them
            while stack and stack[-1].marker is None and not (stack[-1].text.rstrip().endswith(":") and stack[-1].indent <= I):
                stack.pop()
            if not stack:
                parent = None
            else:
                top = stack[-1]
                if top.indent < I:
                    parent = top
                elif top.marker is None:
                    parent = top  # "Patients must have:" then a list at the same indentation
                else:
                    # same indentation, another style
                    anc = None
                    for k in range(len(stack) - 2, -1, -1):
                        if stack[k].style == item.style and stack[k].marker is not None and stack[k].upper == item.upper:
                            anc = k
                            break
                    if anc is not None:
                        parent = stack[anc].parent
                        del stack[anc:]
                    elif (
                        top.text.rstrip().endswith(":")
                        or (
                            top.number is not None
                            and item.style in ("a.", "a)", "(a)", "i.", "i)", "(i)")
                            and item.number == 1
                            and not top.style.startswith(item.style[:1])
                        )
                    ) and not top.children:
                        parent = top
                    else:
                        parent = top.parent
                        stack.pop()
        open_item(item, parent)
    if cur is not None:
        cur.end = len(text)
        while cur.end > cur.start and text[cur.end - 1] in "\n\r \t":
            cur.end -= 1
    for s in sections:
        _fix_roman(s.items)
    # "Eligibility criteria:" followed by "Exclusion criteria:" and no inclusion header: the
    # eligibility block is the inclusion criteria
    if not any(s.kind == "inclusion" for s in sections):
        for k, s in enumerate(sections[:-1]):
            if s.kind == "other" and s.header and s.header.lower().startswith("eligibility") and sections[k + 1].kind == "exclusion":
                s.kind = "inclusion"
                break
    return sections


def parse_criteria(text: str, markdown: bool = False) -> CriteriaDoc:
    """Parse eligibility criteria into sections and a tree of items; never raises on a str."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    doc = CriteriaDoc(text=text, markdown=markdown)
    if not text.strip():
        return doc
    try:
        toks = _tokenise(text, markdown)
        doc.sections = _build(text, toks, markdown)
    except Exception:  # pragma: no cover - a safety net: never fail on real text
        doc.sections = [Section("other", None, None, None, False, None, 0, len(text))]
    return doc


@lru_cache(maxsize=8)  # shared by the rules of one record; texts rarely repeat across records
def doc_for(text: str, markdown: bool = False) -> CriteriaDoc:
    """A cached ``parse_criteria`` for rules (the result is shared: do not modify it)."""
    return parse_criteria(text, markdown)


def dump(doc: CriteriaDoc) -> str:
    """A readable outline of a parse (for debugging and tests)."""
    out = []
    for s in doc.sections:
        out.append(f"[{s.kind}] header={s.header!r} merged={s.merged_header} label={s.label!r}")
        for it in s.iter_items():
            flag = " inline" if it.inline else ""
            lab = " LABEL" if it.is_label else ""
            out.append(f"{'  ' * (it.level + 1)}{it.marker or '~'} <{it.style}>{flag}{lab} {it.text[:60]!r}")
    return "\n".join(out)
