"""Item markers at a position in criteria text ("1.", "(a)", "iv)", "-", "•") and whitespace helpers.

Shared by the header finder (``criteria_headers``) and the line tokeniser (``criteria_tokens``).
"""

from __future__ import annotations

import re
import unicodedata

from trial_audit.text.criteria_model import ORDINAL_KIND, roman_to_int

_BULLET_STYLE = {"-": "-", "–": "-", "—": "-", "⁃": "-", "*": "*", "•": "•", "·": "•", "●": "•", "+": "+"}

# Digits as registries write them: ASCII and full-width ("１．" in text typed with a CJK input
# method). Python's int() reads both; ``[0-9]`` alone would miss the full-width ones.
_D1 = "[1-9\uff11-\uff19]"
_D = "[0-9\uff10-\uff19]"
# a CJK character may follow a marker with no space ("1.年龄18-75岁")
_CJK = "\u3400-\u9fff"


class _AsciiDigits(dict):
    """str.translate table: a decimal digit of any script other than ASCII and full-width (Arabic-Indic,
    Persian, Devanagari, Bengali, Thai, …) -> its ASCII digit, read from the Unicode property (``unicodedata.
    decimal``), so every script a registrant may paste is covered without a list of characters."""

    def __missing__(self, cp: int) -> int:
        ch = chr(cp)
        value = unicodedata.decimal(ch, None) if not ("\uff10" <= ch <= "\uff19") else None
        self[cp] = out = cp if value is None else 48 + value
        return out


_ASCII_DIGITS = _AsciiDigits()
# a decimal digit other than ASCII and full-width (the full-width ones are read as typed, "１．" is a shape)
_OTHER_DIGIT = re.compile(r"(?![0-9\uff10-\uff19])\d")


def ascii_digit_view(text: str) -> str:
    """``text`` with every decimal digit of another script written in ASCII (same length, same offsets);
    ``text`` itself when it has none."""
    if _OTHER_DIGIT.search(text) is None:
        return text
    return text.translate(_ASCII_DIGITS)


# A marker at the start of a line (after indentation). Ordinals must be followed by a space,
# the end of the line or (for "1." / "1)") an upper-case letter ("1.Age" in sloppy text) or a
# CJK character; "1.5 x ULN", "1.18 ≤ age", "2.5 mg" and "e.g." are therefore not markers (a
# decimal number is not a marker). Also read as markers: ideographic separators ("1、", "１．",
# "1）", "（1）"), which no decimal number uses, and Markdown escapes of a marker (1\. and 1\)
# with a backslash: ClinicalTrials.gov escapes a list marker it does not render as a list), and
# a number with a hyphen as its separator ("1- Pregnant women", "1.- Age >= 60 years", as Spanish-
# language registries write it, or "1 - Pregnant women") when a blank and a capital follow: "18- to
# 65-year-old", "18 - 65 years" and "2 - 7. Identical to …" are no markers.
_LINE_MARKER = re.compile(
    rf"""
    (?P<paren>[(（](?P<pnum>{_D1}{_D}{{0,2}})[)）]|\((?P<plet>[A-Za-z])\)|\((?P<prom>(?:[ivx]{{1,5}}|[IVX]{{1,5}}))\))
        (?=\s|$|[A-Za-z{_CJK}])
    |(?P<num>{_D1}{_D}{{0,2}})(?P<nsep>\\?[.)])(?=\s|$|[A-Z(（{_CJK}])
    |(?P<inum>{_D1}{_D}{{0,2}})(?P<isep>[、．）])(?![0-9\uff10-\uff19])
    |(?P<hnum>{_D1}{_D}{{0,2}})(?P<hsep>\.?[-–]|[ ][-–])(?=[ \t]+[A-Z(])
    |(?P<rom>(?:[ivx]{{2,5}}|[IVX]{{2,5}}))(?P<rsep>[.)])(?=\s|$)
    |(?P<let>[A-Za-z])(?P<lsep>[.)])(?=\s|$)
    |(?P<bul>[-*•·▪●◦○■□➢►‣⁃–—+§])(?=\s|$)
    """,
    re.VERBOSE,
)
# a Markdown-escaped bullet (\- or \* then a space); a footnote (\*\* or \*Failure) is text
_ESCAPED_BULLET = re.compile(r"\\([-*+])(?=[ \t])")
_SEP_STYLE = {
    ".": "1.",
    ")": "1)",
    "\\.": "1.",
    "\\)": "1)",
    "、": "1.",
    "．": "1.",
    "）": "1)",
    "-": "1.",
    ".-": "1.",
    "–": "1.",
    ".–": "1.",
    " -": "1.",
    " –": "1.",
}

# Inline items: "(n)" / "n)" markers after ";" ":" "." (or a header) inside a line, and their
# ideographic forms ("；（2）", "：2）").
_INLINE_MARKER = re.compile(
    rf"(?:(?<=[;:.；：。])|(?<=[;:.；：。][ \t]))[ \t]*(?P<m>[(（](?P<pnum>{_D1}{_D}?)[)）]|(?<![0-9A-Za-z(])(?P<num>{_D1}{_D}?)[)）])(?:[ \t]+|(?<=）))(?=\S)"
    rf"|(?:(?<=[;:.；：。][ \t])|(?<=[；。]))[ \t]*(?P<dm>(?P<dnum>{_D1}{_D}?)\.)(?:[ \t]+(?=[A-Z(])|[ \t]*(?=[\u3400-\u9fff]))"
)
# (after an ideographic full stop or semicolon no space is written, and the next item may start with a
# CJK character: "年龄18岁以上。2. 签署知情同意书")


# --- markers in any shape registrants write -----------------------------------------------------
# Beyond the common forms above, registries world-wide number criteria with the same number, letter or
# roman numeral inside other punctuation: brackets of every kind ("[1]", "【1】", "〔1〕", "<1>", "1]"),
# a colon ("1: Age …", "1：年龄…"), several marks together ("1.)", "1).", "(1).", "1)-", "1.:"), a
# leading "#" ("#1 Age …"), full-width letters ("ａ．", "（ｂ）"), Chinese numerals ("一、", "（二）") and
# single glyphs ("①", "⑴", "⒈", "ⓐ", "Ⅳ."). ``_GENERIC_MARKER`` is tried only where ``_LINE_MARKER``
# finds nothing, so the common forms keep their reading; each shape maps to the ordinal style whose
# punctuation it shares (enclosed -> "(1)", closed by a bracket -> "1)", anything else -> "1."), so the
# numbering rules (TA110-TA114) check its list like any other. What must stay text: a decimal ("1.5"),
# a range ("1-2", "1:80"), a year ("2008)."), a dose, a lab value ("1+ on dipstick"): the marker must
# be followed by a blank and a word (or, after an ideographic mark or a glyph, by a CJK character).
_OPEN_CLOSE = {
    "(": ")）",
    "（": ")）",
    "[": "]］",
    "［": "]］",
    "【": "】",
    "〔": "〕",
    "〖": "〗",
    "〈": "〉",
    "《": "》",
    "<": ">",
    "{": "}",
    "｛": "｝",
}
_FW_LETTER = "\uff21-\uff3a\uff41-\uff5a"
_CN_NUM = "一二三四五六七八九十"
_GENERIC_MARKER = re.compile(
    rf"""
    (?P<pre>[(\[（［【〔〖〈《<{{｛]|\#|(?:No\.|Nr\.|N[°º]|Item|Criterion)[ ]?(?=[0-9\uff10-\uff19]))?
    (?P<core>{_D1}{_D}{{0,2}}|(?:[ivx]{{2,5}}|[IVX]{{2,5}})|[A-Za-z{_FW_LETTER}]|[{_CN_NUM}]{{1,3}})
    (?P<gap>[ ](?=[):：]))?
    (?P<suf>[.．。、:：)）\]］】〕〗〉》>}}｝\-–/ºª]{{0,2}})
    (?=[ \t\u3000]+\S|[{_CJK}]|(?<=[．。、：）］】〕〗〉》｝])[A-Za-z])
    """,
    re.VERBOSE,
)
# single-character markers: circled, parenthesised, double-circled, negative and full-stop numbers, circled and
# parenthesised letters and ideographs, roman numeral glyphs. Read from Unicode properties, not a list of
# characters: the blocks that hold enclosed numbers are scanned once; a glyph's value is ``unicodedata.numeric``
# (or, for a letter, its place in the alphabet) and its series is its name without the number ("CIRCLED DIGIT
# ONE" and "CIRCLED NUMBER TWENTY ONE" are one series, so a list of more than twenty criteria goes on from
# "⑳" into "㉑"; "DINGBAT NEGATIVE CIRCLED DIGIT ONE" "❶" goes on into "NEGATIVE CIRCLED NUMBER ELEVEN" "⓫").
# The name also gives the style: a full stop -> "1.", a roman numeral -> "I." / "i.", an enclosure -> "(1)".
_GLYPH_BLOCKS = ((0x2160, 0x2190), (0x2460, 0x2500), (0x2776, 0x2794), (0x3200, 0x3300))
_NUMBER_WORDS = frozenset(
    "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN SIXTEEN "
    "SEVENTEEN EIGHTEEN NINETEEN TWENTY THIRTY FORTY FIFTY DIGIT NUMBER DINGBAT".split()
)


# variants that are no list marker: "ROMAN NUMERAL SIX LATE FORM", "CIRCLED NUMBER TEN ON BLACK SQUARE" (tens)
_PLAIN_GLYPH_NAME = frozenset({"FRACTION", "VULGAR", "FORM", "REVERSED", "SQUARE"})


def _glyph_table() -> tuple[dict[str, tuple[int, int, str]], list[dict[int, str]]]:
    by_char: dict[str, tuple[int, int, str]] = {}
    series_keys: dict[str, int] = {}
    series: list[dict[int, str]] = []
    for lo, hi in _GLYPH_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            name = unicodedata.name(ch, "")
            words = name.split()
            if "LATIN" in words and len(words[-1]) == 1 and ("CIRCLED" in words or "PARENTHESIZED" in words):
                value, key_words = ord(words[-1]) - 64, words[:-1]
                style = "(A)" if "CAPITAL" in words else "(a)"
            else:
                num = unicodedata.numeric(ch, None)
                if num is None or num != int(num) or not 1 <= num <= 50 or not _PLAIN_GLYPH_NAME.isdisjoint(words):
                    continue
                value, key_words = int(num), [w for w in words if w not in _NUMBER_WORDS]
                if "ROMAN" in words:
                    if value > 12:
                        continue  # "Ⅼ", "Ⅽ": letters to the eye, not a list's roman numerals
                    style = "i." if "SMALL" in words else "I."
                elif "STOP" in words:
                    style = "1."
                elif "CIRCLED" in words or "PARENTHESIZED" in words:
                    style = "(1)"
                else:
                    continue
            key = " ".join(key_words)
            k = series_keys.setdefault(key, len(series))
            if k == len(series):
                series.append({})
            if value not in series[k]:
                series[k][value] = ch
                by_char[ch] = (k, value, style)
    return by_char, series


_GLYPHS, _GLYPH_SERIES = _glyph_table()
_GLYPH_SUFFIX = re.compile(r"(?:\\(?=[.)]))?[.．、:：)）]?(?=[ \t\u3000]*[^\s.．,，])")


_DIGIT_NEXT = re.compile(r"[ \t\u3000]+[0-9\uff10-\uff19]")


def _glyph(ch: str) -> tuple[int, int, str] | None:
    """(series index, number, style) of a one-character marker glyph, else None."""
    return _GLYPHS.get(ch) if len(ch) == 1 else None


def glyph_value(ch: str) -> tuple[int, str] | None:
    """(number, style) of a one-character marker glyph ("③" -> (3, "(1)"), "㉑" -> (21, "(1)")), else None."""
    g = _glyph(ch)
    return (g[1], g[2]) if g is not None else None


def glyph_series(ch: str) -> int | None:
    """Which series of glyphs ``ch`` belongs to ("①" and "㉑" one, "⑴" another), else None."""
    g = _glyph(ch)
    return g[0] if g is not None else None


def glyph_for(marker: str, number: int) -> str | None:
    """The glyph of ``number`` in the series of the glyph that starts ``marker`` ("③." , 4 -> "④."; "⑳", 21 -> "㉑")."""
    g = _glyph(marker[0]) if marker else None
    if g is None:
        return None
    ch = _GLYPH_SERIES[g[0]].get(number)
    return ch + marker[1:] if ch is not None else None


def _cn_number(s: str) -> int | None:
    digits = {c: i for i, c in enumerate("一二三四五六七八九", 1)}
    if s == "十":
        return 10
    if len(s) == 1:
        return digits.get(s)
    if s.startswith("十") and len(s) == 2:
        return 10 + digits.get(s[1], 0) if s[1] in digits else None
    if len(s) >= 2 and s[1] == "十" and s[0] in digits:
        rest = s[2:]
        return digits[s[0]] * 10 + (digits.get(rest, 0) if rest else 0) if (not rest or rest in digits) else None
    return None


def _generic_marker(text: str, pos: int):
    """A marker in one of the other shapes (see ``_GENERIC_MARKER``) at ``pos``, as ``_match_marker``."""
    g0 = glyph_value(text[pos]) if pos < len(text) else None
    if g0 is not None:
        s = _GLYPH_SUFFIX.match(text, pos + 1)
        if s is None:
            return None
        n, style = g0
        if style in ("I.", "i.") and not s.group(0) and not text[s.end() : s.end() + 1].isspace():
            return None  # "Ⅱ期" (phase II), "Ⅲ度" (third degree): a roman glyph touching its word is no marker
        upper = style != style.lower()
        style = style.lower()
        if style[0] != "(" and s.group(0) in (")", "）"):
            style = style[:-1] + ")"  # "Ⅳ)" is closed by a bracket
        letter = chr(96 + n) if style == "(a)" else None
        return text[pos : s.end()], style, n, upper, letter, s.end()
    m = _GENERIC_MARKER.match(text, pos)
    if not m:
        return None
    pre, core, suf = m.group("pre") or "", m.group("core"), m.group("suf")
    closes = _OPEN_CLOSE.get(pre, "")
    # "(1.)": a dot may stand inside the brackets
    inner_dot = 1 if len(suf) == 2 and suf[0] in ".．" and suf[1] in closes else 0
    enclosed = bool(closes) and suf != "" and suf[inner_dot] in closes
    if closes and not enclosed:
        return None  # "(28 days)", "[NCI]": an opening bracket needs its own closing one
    if m.group("gap") and (not core.isdigit() or pre or len(suf) != 1 or _DIGIT_NEXT.match(text, m.end())):
        return None  # "1 ) Adults", "1 : Patients" (French spacing) are markers; "1 : 40" is a ratio
    if any(c in "/ºª" for c in suf) and (not core.isdigit() or len(suf) != 1 or pre):
        return None  # "1/ Patients" (French), "1º Pacientes" (Spanish ordinal): after a number, alone
    if not pre and not suf:
        return None  # a bare number or word
    if pre == "#" and (suf[:1] not in ("", ".", ")", ":") or not core.isdigit()):
        return None  # "#3" numbers an item; "#ii", "#A" are a tag or a label, never a list's letters
    if pre[:1].isalpha():
        # "No. 1 Men or women …", "Item 3: Signed consent": a word before the number, then a capital (not "No 2
        # cigarettes", "Item 3 of the scale")
        after = _skip_ws(text, m.end(), min(len(text), m.end() + 8))
        if (
            not core.isdigit()
            or suf not in ("", ".", ")", ":", "：")
            or after >= len(text)
            or not (text[after].isupper() or text[after] == "(")
        ):
            return None
    if not enclosed and pre != "#" and suf in (":", "：", "-", "–", ".", "．", "/", "º", "ª") and _DIGIT_NEXT.match(text, m.end()):
        return None  # "1: 40 dilution", "3- 4 weeks": a ratio or a range; "[3] 18 years or older" is an item
    rest = suf[1 + inner_dot :] if enclosed else suf
    if rest.count(">") or (not enclosed and suf[:1] in "-–" and len(suf) == 1):
        return None  # "18> years"; a lone hyphen is read by _LINE_MARKER ("1- Pregnant women") or is a range
    if len(suf) == 2 and not enclosed and suf[0] == suf[1]:
        return None  # "1.." or "1))": a typo, not a shape
    is_letter = len(core) == 1 and not core.isdigit() and core not in _CN_NUM
    # "a.- Pacientes …", "b)- age …": a letter with its mark and a hyphen, as Spanish-language registries
    # write it (the letter form of "1.-"); a word never ends so ("B- and T-cell" has no mark before "-")
    dashed_letter = is_letter and suf in (".-", ".–", ")-")
    if is_letter and any(c in ":：-–" for c in suf) and not dashed_letter:
        return None  # "A: Part A dose escalation" is a group label; "B- and T-cell" a word
    if is_letter and not enclosed and not dashed_letter and suf not in (".", ")", "]", "．", "）", "］", "】", "〕", "、", ".)"):
        return None  # "A). For …" is the end of a wrapped sentence
    # the style: enclosed, closed by a bracket, or anything else
    closing = enclosed or any(c in ")）]］】〕〗〉》}｝" for c in suf)
    if core.isdigit():  # str.isdigit reads full-width digits too
        kind, number, upper, letter = "1", int(core), False, None
    elif core[0] in _CN_NUM:
        v = _cn_number(core)
        if v is None:
            return None
        kind, number, upper, letter = "1", v, False, None
    elif len(core) > 1:
        v = roman_to_int(core)
        if v is None:
            return None
        kind, number, upper, letter = "i", v, core.isupper(), None
    else:
        ch = chr(ord(core) - 0xFEE0) if ord(core) > 0xFF00 else core  # full-width to ASCII
        kind, number, upper, letter = "a", ord(ch.lower()) - 96, ch.isupper(), ch.lower()
    style = f"({kind})" if enclosed else kind + (")" if closing else ".")
    return text[pos : m.end()], style, number, upper, letter, m.end()


# Any other way of writing the next number of a list: punctuation after it that no common shape uses
# ("5= …", "5° …", "-5- …", "5| …", "5 » …") or a tab ("5<TAB>…"), then a capitalised word. Only read where
# the item before, at the same column, carries the number before it (``criteria_tokens``); on its own, or
# before a lower-case word (a hard-wrapped line: "1. Adults with anemia" / "2° to cancer"), it is text.
_LOOSE_MARKER = re.compile(
    rf"[#\-–]?{_D1}{_D}{{0,2}}(?:[ ]?[.)\]:\-–—=°º/>»|~_]{{1,2}}(?=[ \t\u3000]+[A-Z\u00c0-\u00de(\u3400-\u9fff])|(?=\t[ \t]*[A-Z(]))"
)


# "4- be able to sign …": a number and a hyphen before a lower-case word, when the list leads to it; not a
# suspended hyphen ("2- to 4-week", "3- or 6-month")
_LOOSE_HYPHEN_LOWER = re.compile(rf"{_D1}{_D}{{0,2}}[ ]?[-–](?=[ \t]+(?!(?:to|or|and|through|up|vs)\b)[a-z])")


def loose_marker(text: str, pos: int):
    """A number written with any punctuation (see ``_LOOSE_MARKER``) at ``pos``, as ``_match_marker``."""
    m = _LOOSE_MARKER.match(text, pos) or _LOOSE_HYPHEN_LOWER.match(text, pos)
    if m is None:
        return None
    marker = m.group(0)
    digits = "".join(ch for ch in marker if ch.isdigit())
    style = "1)" if any(c in ")]" for c in marker) else "1."
    return marker, style, int(digits), False, None, m.end()


def is_other_shape(text: str, pos: int, markdown: bool) -> bool:
    """The marker at ``pos`` is one of the less common shapes (read by ``_generic_marker``)."""
    if markdown and text.startswith("\\", pos):
        return False
    return _LINE_MARKER.match(text, pos) is None and _generic_marker(text, pos) is not None


# (a digit of any script may follow: a marker is kept as typed, "No. ๓")
_WORD_BEFORE_NUMBER = re.compile(r"(?:No\.|Nr\.|N[°º]|Item|Criterion)[ ]?(?=\d)")


def split_marker(marker: str) -> tuple[str, str, str]:
    """(punctuation before, number or letter, punctuation after) of a marker: "[12]" -> ("[", "12", "]");
    a word before the number is its punctuation ("No. 3" -> ("No. ", "3", ""))."""
    w = _WORD_BEFORE_NUMBER.match(marker)
    i = w.end() if w else 0
    while i < len(marker) and not (marker[i].isalnum() or marker[i] in _CN_NUM):
        i += 1
    j = i
    while j < len(marker) and (marker[j].isalnum() or marker[j] in _CN_NUM) and marker[j] not in "ºª":
        j += 1  # ("1º": the ordinal indicator is the marker's punctuation, though a letter to str.isalnum)
    return marker[:i], marker[i:j], marker[j:]


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


# A lead character that registrants (and word processors) put before a numbered sub-item as a bullet:
# Word's second-level "o", arrows and quote marks ("> 1.", "» (2)", "→ 3)", "\\> 1." and "-\\> 1." in Markdown), check
# marks, the katakana middle dot (glyphs that are never text may touch the number: "・1."; "※1" is a
# Japanese note mark, not a bullet). Read as a bullet only when an ordinal number marker follows it (then it is
# the item's page bullet, like "• 1."): on its own, "> 10 upper limit" is a comparator and "o sea" a word.
_LEAD_BULLET = re.compile(r"(?:\\?>>?|\\?-\\?>|\\?=\\?>|\\?-\\?-|\\?~|[o»›→⇒✓✔√…])[ \t\u3000]+|[➔➜➤➝❖◆◇◎▶▸▹▷△▲▼▽☐☑❑・∙⋅⦁◘○◉][ \t\u3000]*")
# a bullet written against the number ("-1. Hemoglobin", "•(2) Platelets"): never a comparator (">1.5")
_TOUCHING_BULLET = re.compile(r"[-*•·▪●◦○■□➢►‣⁃–—+→»›✓✔√](?=[(（]?[0-9\uff10-\uff19])")
_WORD_AFTER_MARKER = re.compile(r"[(（\[［【〔<#]?[0-9\uff10-\uff19]{1,3}[^\s0-9A-Za-z]{0,3}(?:[ \t]+[^\s0-9]|[\u3400-\u9fff])")
_NUMBER_STYLES = ("1.", "1)", "(1)")


def _lead_bullet(text: str, pos: int, markdown: bool):
    """A lead character before a numbered marker ("o 1. Hemoglobin", "> (2) Platelets"), as a bullet
    in ``_match_marker``'s form, else None."""
    m = _LEAD_BULLET.match(text, pos) or _TOUCHING_BULLET.match(text, pos)
    if m is None or (not markdown and text.startswith("\\", pos)):
        return None
    if m.end() == pos + 1 and not _WORD_AFTER_MARKER.match(text, m.end()):
        return None  # a bullet touching its number must be followed by a word: "-6), except" is a range's end
    # the marker after it, read without leads (no recursion: "> > > 1." is not a list of bullets)
    nxt = _LINE_MARKER.match(text, m.end())
    if nxt is not None:
        ok = (nxt.group("paren") and nxt.group("pnum")) or nxt.group("num") or nxt.group("inum") or nxt.group("hnum")
    else:
        after = _generic_marker(text, m.end())
        ok = after is not None and after[2] is not None and after[1] in _NUMBER_STYLES
    if not ok:
        return None
    lead = text[pos : m.end()].rstrip(" \t\u3000")
    return lead, "other-bullet", None, False, None, pos + len(lead)


_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _escaped_marker(text: str, pos: int):
    """A numbered or lettered marker whose punctuation Markdown escapes ("\\(1\\)", "\\[2\\]", "\\#3"), read as the
    marker written without the escapes, as ``_match_marker`` (its marker as typed). Reads a bounded window."""
    window = text[pos : pos + 32]
    plain, where = [], []
    i = 0
    for m in _MD_ESCAPED.finditer(window):
        plain.append(window[i : m.start()])
        where.extend(range(i, m.start()))
        plain.append(m.group(1))
        where.append(m.start() + 1)
        i = m.end()
    plain.append(window[i:])
    where.extend(range(i, len(window) + 1))
    got = _match_marker("".join(plain), 0, False)
    if got is None or got[2] is None:
        return None
    end = pos + where[got[5]] if got[5] < len(where) else pos + len(window)
    return text[pos:end], got[1], got[2], got[3], got[4], end


def _match_marker(text: str, pos: int, markdown: bool):
    """Marker at ``pos``: (marker, style, number, upper, letter, end) or None."""
    if markdown and text.startswith("\\", pos):
        e = _ESCAPED_BULLET.match(text, pos)
        if e:
            b = e.group(1)
            return e.group(0), _BULLET_STYLE.get(b, "other-bullet"), None, False, None, e.end()
        return _lead_bullet(text, pos, markdown) or _escaped_marker(text, pos)
    m = _LINE_MARKER.match(text, pos)
    if not m:
        return _generic_marker(text, pos) or _lead_bullet(text, pos, markdown)
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


_NEXT_OF_LIST_LOOKBACK = 64


def _same_punctuation(a: str, b: str) -> bool:
    pa, pb = split_marker(a), split_marker(b)
    return (pa[0], pa[2]) == (pb[0], pb[2])


def next_of_list(toks: list, marker: str, style: str, number: int, indent: int) -> bool:
    """The last marked item at this indentation or left of it (deeper sub-items skipped) is the one just
    before ``number`` in its list (or carries ``number`` too: a repeated marker), of the same kind (numbers,
    letters, roman numerals) and at the same indentation ("1. Age 18 or older" / "2: Adequate organ
    function", "3.) Autoimmune diseases:" / "    - Alcoholics" / "4.) Movement disorders"): the list goes
    on, in a less common shape, not a wrapped line. ``toks`` are ``criteria_tokens._Tok`` line tokens;
    looks back a bounded number of them (linear on hostile text)."""
    for t in reversed(toks[-_NEXT_OF_LIST_LOOKBACK:]):
        if t.kind == "header":
            return False
        if t.kind == "item" and t.marker and t.indent <= indent:
            # (not after an item inside a line: "… (c) must be satisfied: a.) … b.) … and" / "c.) …" is the
            # wrapped tail of an enumeration inside one item)
            same_kind = ORDINAL_KIND.get(t.style) == ORDINAL_KIND.get(style) and not t.inline and t.indent == indent
            # the next number in any spelling, or the same number in the same spelling (a repeated "c.-")
            return same_kind and (t.number == number - 1 or (t.number == number and _same_punctuation(t.marker, marker)))
    return False
