"""Word tokens and literal triggers for matching condition names and marker patterns fast.

Condition names are matched as token sequences (``Vocabulary.mentions``); marker regexes are tried
only where one of their literal prefixes occurs (``Vocabulary.marker_hits``). Both helpers live
here so the vocabulary module keeps to what the vocabulary is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def trigger_key(t: str) -> str | None:
    """The first two or three letters of a trigger's first word (None: it starts with a symbol)."""
    m = WORD.match(t)
    if m is None:
        return None
    w = m.group(0)
    return w[:3] if len(w) >= 3 else (w if len(w) == 2 else None)


def triggers(pattern: str) -> tuple[str, ...] | None:
    """Literal prefixes (lower case) one of which every match starts with, or None when unknown."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
    except Exception:
        return None
    out = _prefixes(list(tree))
    if not out or any(len(x) < 2 for x in out):
        return None
    return tuple(sorted(set(out)))


def _prefixes(seq: list) -> list[str] | None:
    """Literal prefixes of a parsed sequence; None when a branch has no usable prefix."""
    from re import _constants as C  # type: ignore[attr-defined]

    acc = [""]

    def cross(a: list[str], b: list[str] | None) -> list[str] | None:
        if b is None:
            return None
        out = [x + y for x in a for y in b]
        return out if len(out) <= 64 else None

    for i, (op, av) in enumerate(seq):
        if op is C.AT:
            continue
        if op is C.LITERAL:
            acc = [a + chr(av).lower() for a in acc]
            continue
        if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= 4:
            acc = [a + c for a in acc for c in dict.fromkeys(chr(v).lower() for _, v in av)]
            continue
        nxt: list[str] | None = None
        if op is C.SUBPATTERN:
            nxt = cross(acc, _prefixes(list(av[-1])))
        elif op is C.BRANCH:
            subs: list[str] | None = []
            for br in av[1]:
                b = _prefixes(list(br))
                if b is None:
                    subs = None
                    break
                subs.extend(b)
            nxt = cross(acc, subs)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, item = av
            inner = _prefixes(list(item))
            if lo >= 1:
                nxt = cross(acc, inner)
            else:
                rest = _prefixes(list(seq[i + 1 :]))
                nxt = cross(acc, None if inner is None or rest is None else inner + rest)
        if nxt is None:
            return acc if all(acc) else None
        acc = nxt
        break
    if any(a == "" for a in acc):
        return None
    return acc


_TOKEN = re.compile(r"[^\W_]+")


def tokenise(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; the "s" of a possessive ("Sjögren's") is dropped."""
    out = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if "'" in text or "\u2019" in text:  # only then can there be a possessive "s" to drop
        out = [t for t in out if not (t[0] in ("s", "S") and t[1] > 0 and text[t[1] - 1] in "'\u2019")]
    return out


def lengths_by_first(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    lens: dict[str, set[int]] = {}
    for k in keys:
        lens.setdefault(k[0], set()).add(len(k))
    return {w: tuple(sorted(ls, reverse=True)) for w, ls in lens.items()}


#: (a possessive "'s" inside a name is a gap too: its "s" is no token - "Cushing's syndrome", "Hodgkin's lymphoma")
_GAP = re.compile(r"[\s\-\u2010\u2011\u2013'\u2019,/]*(?:['\u2019][sS](?![^\W_]))?[\s\-\u2010\u2011\u2013,/]*")


def gaps_ok(text: str, toks: list[tuple[str, int, int]], i: int, L: int) -> bool:
    """The words of a name are joined by spaces, hyphens, apostrophes or commas only (not brackets)."""
    for j in range(i, i + L - 1):
        if not _GAP.fullmatch(text, toks[j][2], toks[j + 1][1]):
            return False
    return True


def tokens_norm(name: str) -> tuple[str, ...]:
    return tuple(t.lower() for t, _, _ in tokenise(name))


def abbrev_ok(text: str, start: int, end: int) -> bool:
    """An abbreviation stands alone: not glued to other letters by "-" or "/" ("anti-RA", "PD-L1")."""
    if start > 0 and text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum():
        return False
    if end < len(text) and text[end] in "-/" and end + 1 < len(text) and text[end + 1].isalnum():
        return False
    return True
