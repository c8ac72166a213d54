"""Item markers at a position in criteria text ("1.", "(a)", "iv)", "-", "•") and whitespace helpers.

Shared by the header finder (``criteria_headers``) and the line tokeniser (``criteria_tokens``).
"""

from __future__ import annotations

import re

from trial_audit.text.criteria_model import roman_to_int

_BULLET_CHARS = "-*•·▪●◦○■□➢►‣⁃–—+§"
_BULLET_STYLE = {"-": "-", "–": "-", "—": "-", "⁃": "-", "*": "*", "•": "•", "·": "•", "●": "•", "+": "+"}

# Digits as registries write them: ASCII and full-width ("１．" in text typed with a CJK input
# method). Python's int() reads both; ``[0-9]`` alone would miss the full-width ones.
_D1 = "[1-9\uff11-\uff19]"
_D = "[0-9\uff10-\uff19]"
# a CJK character may follow a marker with no space ("1.年龄18-75岁")
_CJK = "\u3400-\u9fff"

# A marker at the start of a line (after indentation). Ordinals must be followed by a space,
# the end of the line or (for "1." / "1)") an upper-case letter ("1.Age" in sloppy text) or a
# CJK character; "1.5 x ULN", "1.18 ≤ age", "2.5 mg" and "e.g." are therefore not markers (a
# decimal number is not a marker). Also read as markers: ideographic separators ("1、", "１．",
# "1）", "（1）"), which no decimal number uses, and Markdown escapes of a marker (1\. and 1\)
# with a backslash: ClinicalTrials.gov escapes a list marker it does not render as a list), and
# a number with a hyphen as its separator ("1- Pregnant women", "1.- Age >= 60 years", as Spanish-
# language registries write it) when a blank and a capital follow: "18- to 65-year-old" is no marker.
_LINE_MARKER = re.compile(
    rf"""
    (?P<paren>[(（](?P<pnum>{_D1}{_D}{{0,2}})[)）]|\((?P<plet>[A-Za-z])\)|\((?P<prom>(?:[ivx]{{1,5}}|[IVX]{{1,5}}))\))
        (?=\s|$|[A-Za-z{_CJK}])
    |(?P<num>{_D1}{_D}{{0,2}})(?P<nsep>\\?[.)])(?=\s|$|[A-Z(（{_CJK}])
    |(?P<inum>{_D1}{_D}{{0,2}})(?P<isep>[、．）])(?![0-9\uff10-\uff19])
    |(?P<hnum>{_D1}{_D}{{0,2}})(?P<hsep>\.?-)(?=[ \t]+[A-Z(])
    |(?P<rom>(?:[ivx]{{2,5}}|[IVX]{{2,5}}))(?P<rsep>[.)])(?=\s|$)
    |(?P<let>[A-Za-z])(?P<lsep>[.)])(?=\s|$)
    |(?P<bul>[-*•·▪●◦○■□➢►‣⁃–—+§])(?=\s|$)
    """,
    re.VERBOSE,
)
# a Markdown-escaped bullet (\- or \* then a space); a footnote (\*\* or \*Failure) is text
_ESCAPED_BULLET = re.compile(r"\\([-*+])(?=[ \t])")
_SEP_STYLE = {".": "1.", ")": "1)", "\\.": "1.", "\\)": "1)", "、": "1.", "．": "1.", "）": "1)", "-": "1.", ".-": "1."}

# Inline items: "(n)" / "n)" markers after ";" ":" "." (or a header) inside a line, and their
# ideographic forms ("；（2）", "：2）").
_INLINE_MARKER = re.compile(
    rf"(?:(?<=[;:.；：。])|(?<=[;:.；：。][ \t]))[ \t]*(?P<m>[(（](?P<pnum>{_D1}{_D}?)[)）]|(?<![0-9A-Za-z(])(?P<num>{_D1}{_D}?)[)）])(?:[ \t]+|(?<=）))(?=\S)"
    rf"|(?:(?<=[;:.；：。][ \t])|(?<=[；。]))[ \t]*(?P<dm>(?P<dnum>{_D1}{_D}?)\.)(?:[ \t]+(?=[A-Z(])|[ \t]*(?=[\u3400-\u9fff]))"
)
# (after an ideographic full stop or semicolon no space is written, and the next item may start with a
# CJK character: "年龄18岁以上。2. 签署知情同意书")


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
        e = _ESCAPED_BULLET.match(text, pos)
        if e:
            b = e.group(1)
            return e.group(0), _BULLET_STYLE.get(b, "other-bullet"), None, False, None, e.end()
        return None
    m = _LINE_MARKER.match(text, pos)
    if not m:
        return None
    g = m.group
    if g("paren"):
        if g("pnum"):
            return g("paren"), "(1)", int(g("pnum")), False, None, m.end()  # int() reads full-width digits
        if g("plet"):
            ch = g("plet")
            return g("paren"), "(a)", ord(ch.lower()) - 96, ch.isupper(), ch.lower(), m.end()
        r = g("prom")
        v = roman_to_int(r)
        if v is None:
            return None
        return g("paren"), "(i)", v, r.isupper(), None, m.end()
    if g("num") or g("inum") or g("hnum"):
        digits, sep = (g("num"), g("nsep")) if g("num") else (g("inum"), g("isep")) if g("inum") else (g("hnum"), g("hsep"))
        return digits + sep, _SEP_STYLE[sep], int(digits), False, None, m.end()
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
