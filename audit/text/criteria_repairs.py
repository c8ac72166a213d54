"""Token repairs for two typing slips that are not list structure.

* A footnote under an item: "2. … according to WHO interim guidance*." followed by the line
  "* WHO. Clinical management … 2020. https://…" (ChiCTR2000029542, ICTRP). The "*" line is the
  note of the starred word, not a bullet of another style (TA120).
* A number whose punctuation was lost: "1. confirmed …;" / "2 older than 65 years;" / "3. meet …"
  (ChiCTR2000030755, ICTRP). The "2" line is item 2 with a typo'd marker, not text of item 1
  followed by a skip (TA112).

Both are accepted only in a narrow shape so that real bullet lists and wrapped numbers
("… take at least" / "2 tablets daily") stay what they are.
"""

from __future__ import annotations

import re
from typing import Any

# a word closed by a footnote star: "guidance*", "guidance*." (not "**bold**", not "a * b")
_STARRED_WORD = re.compile(r"([A-Za-z][A-Za-z0-9-]*)\*(?![*A-Za-z0-9])")
# what a footnote says: a note, a reference (URL, DOI, a year, "et al")
_NOTE_TEXT = re.compile(r"(?:^(?:note|notes|nb|n\.b\.)\b|https?://|www\.|\bdoi\b|\bet al\b|\b(?:19|20)[0-9]{2}\b)", re.IGNORECASE)
# "2 older than 65 years": a number, blanks, then a word (not another number or a unit-like symbol)
_BARE_NUMBER = re.compile(r"([1-9][0-9]?)[ \t]+(?=[A-Za-z\u3400-\u9fff])")
_NUMBERED_STYLES = ("1.", "1)", "(1)")
_LINE_ENDS = ";.!?。；"


def _starred_words(text: str, toks: list, i: int) -> list[str]:
    """Words closed by a star in the items of the list above ``toks[i]`` (back to its section header)."""
    words: list[str] = []
    for t in reversed(toks[:i]):
        if t.kind == "header":
            break
        words.extend(_STARRED_WORD.findall(text[t.text_start : t.text_end]))
    return words


def _is_footnote(text: str, toks: list, i: int, prev: Any, tok: Any, nxt: Any) -> bool:
    if tok.kind != "item" or tok.marker != "*" or tok.inline or prev is None or prev.kind != "item" or prev.marker == "*":
        return False
    if nxt is not None and nxt.kind == "item" and nxt.marker == "*":
        return False  # a run of "*" lines is a bullet list
    starred = _starred_words(text, toks, i)
    if not starred:
        return False
    note = text[tok.text_start : tok.text_end]
    head = note[:60].lower()
    return bool(_NOTE_TEXT.search(note)) or any(w.lower() in head for w in starred)


def _bare_number_item(text: str, prev: Any, tok: Any, nxt: Any) -> bool:
    if tok.kind != "text" or tok.inline or prev is None or prev.kind != "item" or prev.style not in _NUMBERED_STYLES:
        return False
    if prev.number is None or tok.indent != prev.indent:
        return False
    m = _BARE_NUMBER.match(text, tok.text_start, tok.text_end)
    if m is None or int(m.group(1)) != prev.number + 1:
        return False
    if text[prev.text_start : prev.text_end].rstrip()[-1:] not in _LINE_ENDS:
        return False  # "… take at least" / "2 tablets daily": the number is the wrapped sentence's
    if nxt is None or nxt.kind == "header":
        return True  # the last item of its list
    return nxt.kind == "item" and nxt.style == prev.style and nxt.number == prev.number + 2 and nxt.indent == prev.indent


def repair_tokens(text: str, toks: list) -> list:
    """Turn footnote "*" lines into text and dot-less numbers into items, in place (see the module doc)."""
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _is_footnote(text, toks, i, prev, tok, nxt):
            tok.kind, tok.marker, tok.style, tok.number, tok.outer = "text", None, "none", None, None
            tok.text_start = tok.start
        elif _bare_number_item(text, prev, tok, nxt):
            m = _BARE_NUMBER.match(text, tok.text_start, tok.text_end)
            assert m is not None
            tok.kind, tok.marker, tok.style, tok.number = "item", m.group(1), prev.style, int(m.group(1))
            tok.start, tok.text_start = m.start(1), m.end()
    return toks
