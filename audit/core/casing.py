"""Case mapping that keeps every character one character long, so offsets found in the mapped copy index the original.

Python's ``str.lower()``, ``str.upper()`` and ``str.casefold()`` apply Unicode's full case mappings, and a few
characters map to two or three: ``"İ".lower()`` is ``"i̇"`` (i + combining dot), ``"ß".upper()`` is ``"SS"``,
``"ﬁ".upper()`` is ``"FI"``, ``"ŉ".upper()`` is ``"ʼN"``, ``"ǰ".upper()`` is ``"J̌"``. One such character early in a
description ("AKİ" typed on a Turkish keyboard) shifts every offset found after it in ``text.lower()``: evidence then
quotes the wrong text and keyword searches look in the wrong places. These functions map such a character to the
letter its mapping starts with when the rest is only combining marks ("İ" -> "i", "ǰ" -> "J"), else keep it
unchanged ("ß", "ﬁ", "ŉ"), so ``len(mapped) == len(text)`` always holds.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable


def _one_char(c: str, mapped: str) -> str:
    if len(mapped) == 1:
        return mapped
    if mapped and all(unicodedata.combining(m) for m in mapped[1:]):
        return mapped[0]  # "İ" -> "i" + U+0307: the letter without its mark
    return c  # "ß" -> "SS", "ﬁ" -> "FI": no single character says the same; keep the original


def _keeping_offsets(text: str, mapped: str, char_map: Callable[[str], str]) -> str:
    if len(mapped) == len(text):  # no full case mapping is shorter than its character: every one kept its length
        return mapped
    return "".join(_one_char(c, char_map(c)) for c in text)


def lower_keeping_offsets(text: str) -> str:
    """``text.lower()``, one character for each character of ``text``."""
    return _keeping_offsets(text, text.lower(), str.lower)


def upper_keeping_offsets(text: str) -> str:
    """``text.upper()``, one character for each character of ``text``."""
    return _keeping_offsets(text, text.upper(), str.upper)


def casefold_keeping_offsets(text: str) -> str:
    """``text.casefold()``, one character for each character of ``text``."""
    return _keeping_offsets(text, text.casefold(), str.casefold)
