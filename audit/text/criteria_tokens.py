"""Tokenising criteria text: one token per line (header, marked item or text) plus inline items.

``_tokenise`` walks the text line by line, splits lines at headers written inside them and at
inline markers ("...; (3) ..."), and records each token's offsets and indentation for the tree
builder (``criteria_tree``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.text.criteria_headers import _header_at, _midline_headers, midline_kind
from trial_audit.text.criteria_marker_runs import list_run_markers
from trial_audit.text.criteria_markers import (
    _INLINE_MARKER,
    _indent_of,
    _match_marker,
    _rstrip_end,
    _skip_ws,
    ascii_digit_view,
    glyph_for,
    is_other_shape,
    loose_marker,
    next_of_list,
    split_marker,
)
from trial_audit.text.criteria_model import format_marker
from trial_audit.text.criteria_repairs import repair_tokens
from trial_audit.text.criteria_runons import _INLINE_GATE, _RUN_ON_NEXT, _run_on_bullets, _run_on_markers

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
    #: a header found inside a line, after the text of a criterion ("... 8 weeks Exclusion Criteria:")
    after_text: bool = False
    #: a lead-in sentence read as a header ("Patients will be excluded if:")
    sentence: bool = False


_LETTERED = ("a.", "a)", "(a)")
_ROMAN = ("i.", "i)", "(i)")


def _split_inline(text: str, tok: _Tok, out: list[_Tok], markdown: bool = False) -> None:
    """Append ``tok`` and the inline items found in its text (``...; (3) ...``)."""
    ts, te = tok.text_start, tok.text_end
    bullets = _run_on_bullets(text, tok, markdown)
    if bullets:
        _emit_inline(text, tok, bullets, out)
        return
    run_on = _run_on_markers(text, tok)
    if te - ts < 6 or not (run_on or _INLINE_GATE.search(text, ts, te)):
        out.append(tok)
        return
    found = list(run_on)
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
    if run_on:
        found = sorted({f[0]: f for f in found}.values())  # one candidate per position, in order
    # keep inline markers only when they look like a list: the line's own item has the same
    # style and the first one follows it, or there are two or more consecutive ones
    keep = []
    if tok.kind == "item" and tok.style in ("(1)", "1)", "1.", "a.", "a)", "(a)", "i.", "i)", "(i)"):
        own, prev = tok.style, tok.number
        if run_on and run_on[0][2] != tok.style:
            own, prev = run_on[0][2], run_on[0][3] - 1  # "i) … ii) …": the line's "i)" is roman one
        slipped = False
        for k, f in enumerate(found):
            if f[2] == own and prev is not None and (f[3] == prev + 1 or (not slipped and _confirmed_slip(found, k, prev))):
                slipped = slipped or f[3] != prev + 1
                keep.append(f)
                prev = f[3]
    if not keep:
        run: list = []
        best: list = []
        slipped = False
        for k, f in enumerate(found):
            if run and f[2] == run[-1][2] and f[3] == run[-1][3] + 1:
                run.append(f)
            elif run and f[2] == run[-1][2] and not slipped and len(run) >= 2 and _confirmed_slip(found, k, run[-1][3]):
                slipped = True
                run.append(f)
            else:
                run, slipped = [f], False
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
    if tok.kind == "text" and keep[0][3] == 2:
        keep = _first_of_run(text, ts, keep) + keep
    _emit_inline(text, tok, keep, out)


def _confirmed_slip(found: list, k: int, prev: int) -> bool:
    """``found[k]`` repeats ``prev``, skips one number or restarts at 1, and the marker after it carries on from it
    in the same style ("1. … 2. … 3. … 3. … 4. …" written on one line): a misnumbered list run together on one line
    is still that list (TA111-TA113 report it). One slip per run, and only when the next marker confirms it, so a
    number inside a sentence ("… stage 3. Stage 4 …") does not join the run."""
    f = found[k]
    if f[3] not in (prev, prev + 2, 1) or f[3] == prev + 1 or k + 1 >= len(found):
        return False
    nxt = found[k + 1]
    return nxt[2] == f[2] and nxt[3] == f[3] + 1


def _first_of_run(text: str, ts: int, keep: list) -> list:
    """Item 1 of a run that starts at 2 on an unmarked line, written after a label with no punctuation
    ("FOR ALL PATIENTS 1. Rheumatoid arthritis. 2. Autoimmune diseases. 3. …", as RPCEC records are
    exported): the marker of 1 in the run's form after a blank, before a capital."""
    ms, marker, style, _n, _ts = keep[0]
    one = marker.replace("2", "1", 1)
    k = text.rfind(" " + one, ts, ms)
    if k < 0 or not _RUN_ON_NEXT.match(text, k + 1 + len(one)):
        return []
    return [(k + 1, one, style, 1, _skip_ws(text, k + 1 + len(one), ms))]


def _emit_inline(text: str, tok: _Tok, keep: list, out: list[_Tok]) -> None:
    """Append ``tok`` cut before the first of ``keep`` and one inline item token per ``keep``."""
    ts, te = tok.text_start, tok.text_end
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
                # a run-on lettered (or roman) item keeps its line's case ("D. … E. …", "II) … III) …") and its letter
                upper=tok.upper if style in _LETTERED or style in _ROMAN else False,
                letter=split_marker(marker)[1][:1].lower() if style in _LETTERED else None,
                inline=True,
            )
        )


def _tokenise(text: str, markdown: bool) -> list[_Tok]:
    # digits of any script ("١." "१)" "๓、") are read by their value: the markers are found in a view of the
    # text with those digits written in ASCII (one code point each, so every offset holds), and each marker
    # and header is then taken back from the text as typed
    view = ascii_digit_view(text)
    toks = _tokenise_pass(view, markdown, {})
    # lists in a punctuation no lone token is read in ("a:", "A-", "a )", "1;"): decided by the list of
    # lines they open (``criteria_marker_runs``), then the text is read again with those as items
    letters = list_run_markers(view, toks, markdown)
    if letters:
        toks = _tokenise_pass(view, markdown, letters)
    if view is not text:
        for t in toks:
            if t.marker:
                t.marker = text[t.start : t.start + len(t.marker)] if view.startswith(t.marker, t.start) else t.marker
            if t.header is not None:
                t.header = text[t.header_start : t.header_end]
    return toks


def _tokenise_pass(text: str, markdown: bool, letters: dict[int, tuple]) -> list[_Tok]:
    """One reading of the text into tokens; ``letters``: line starts read as lettered items (see above)."""
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
                    _segment(text, p0, seg_end, _indent_of(text[ls:p0]), ls, blank, markdown, toks, letters=letters)
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
                    hkind=midline_kind(text, hs, he),
                    header=text[hs:he],
                    header_start=hs,
                    header_end=he,
                    after_text=p0 < hs,
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
                _line_tokens(
                    text, r, r_end, _indent_of(text[hl_start:]), hl_start, r_end, False, markdown, toks, after_header=True, letters=letters
                )
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
        _segment(text, p, le_s, indent, ls, blank, markdown, toks, wrapped, soft, letters)
        if not wrapped:
            prev_indent = indent
        prev_end_char = text[le_s - 1]
        blank = False
    return repair_tokens(text, toks)


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
    letters: dict[int, tuple] | None = None,
) -> None:
    """Tokens of one line (or of the part of a line before a header inside it).

    ``wrapped``: the line continues the sentence of the line above at a deeper indentation;
    ``soft_wrapped``: the line above ends mid-sentence (weak headers such as a bare "criteria:"
    are then words of that sentence, not a header)."""
    h = _header_at(text, p, le_s, markdown) if text[p] in _HEADER_FIRST and not wrapped else None
    if h is not None and soft_wrapped and h[5] and not _CAPITAL_SECTION_WORD.match(text, h[1], h[2]):
        # a weak header ("criteria:") on a line after an unfinished sentence continues that sentence;
        # a capitalised section word alone on its line ("EXCLUSION", "Exclusion:") still opens a section
        h = None
    if h is not None:
        kind, hs, he, rest, label, _weak, sentence = h
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
                sentence=sentence,
            )
        )
        if rest < le_s and any(ch.isalnum() for ch in text[rest:le_s]):
            toks[-1].merged = True
            _line_tokens(text, rest, le_s, indent, ls, le_s, False, markdown, toks, after_header=True, letters=letters)
        return
    _line_tokens(text, p, le_s, indent, ls, le_s, blank_before, markdown, toks, soft_wrapped=soft_wrapped, letters=letters)


_CAPITAL_SECTION_WORD = re.compile(r"(?:INCLUSIONS?|EXCLUSIONS?|Inclusions?|Exclusions?)[ \t]*\\?[:：]?[ \t]*$")

_HEADER_FIRST = frozenset("IiEeKkNnCcMmGgSsPpAaOoBbDdHhRrTtFfLlUuVvWwJjQqXxYyZz#*_-•·▪●◦○■□➢►‣⁃–—+(0123456789【《「『{<«〔〈[")


def _continues_shape(toks: list[_Tok], marker: str) -> bool:
    """The last marked item before is written in the same shape as ``marker`` ("[3]" after "[2]")."""
    for t in reversed(toks):
        if t.kind == "item" and t.marker:
            a, b = split_marker(t.marker), split_marker(marker)
            return (a[0], a[2]) == (b[0], b[2]) and (glyph_for(t.marker, 1) is None) == (glyph_for(marker, 1) is None)
        if t.kind == "header":
            # the first item under a header opens a list whatever its number; not under a header found
            # after the text of a sentence ("… listed on Inclusion criteria\n #4. (A non-barbiturate …")
            return not t.after_text
    return False


def _marker_of_line(text, p, le, indent, markdown, toks, soft_wrapped):
    """(marker, page bullet before it, where it starts) of the line at ``p``; (None, None, p) for text."""
    mk = _match_marker(text, p, markdown)
    if mk is None:
        # the next number of the list above in any other writing ("4. …" / "5= …", "5° …"): an item
        loose = loose_marker(text, p)
        mk = loose if loose is not None and next_of_list(toks, loose[0], loose[1], loose[2], indent) else None
    if (
        mk
        and soft_wrapped
        and mk[2] is not None
        and mk[2] > 1
        and is_other_shape(text, p, markdown)
        and not _continues_shape(toks, mk[0])
        and not next_of_list(toks, mk[0], mk[1], mk[2], indent)
    ):
        # a line that continues an unfinished sentence and opens with a marker of a less common shape
        # ("… each of components (a), (b), and\n (c) …: a.) … b.)\n c.) …") is the wrapped tail of an
        # inline enumeration, unless the item before is marked in the same shape ("【2】" after "【1】")
        mk = None
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
    return mk, outer, p


def _line_tokens(text, p, le, indent, ls, le_line, blank_before, markdown, toks, after_header=False, soft_wrapped=False, letters=None):
    lettered = letters.get(p) if letters else None
    if lettered is not None:
        # an item of a list its run decided (``criteria_marker_runs``): "a: …", "A- …", "-  a) …", "1; …"
        outer, p, mk = lettered
    else:
        mk, outer, p = _marker_of_line(text, p, le, indent, markdown, toks, soft_wrapped)
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
        _split_inline(text, tok, toks, markdown)
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
    _split_inline(text, tok, toks, markdown)
