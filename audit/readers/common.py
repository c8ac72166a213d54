"""Small helpers shared by the readers: tolerant accessors, error positions, excerpts."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from trial_audit.core.model import Location, Source, TrialRecord, enum_token, norm_status
from trial_audit.readers.base import Unreadable

NCT_RE = re.compile(rb"NCT[0-9]{8}")
NCT_TEXT_RE = re.compile(r"NCT[0-9]{8}")
_EXCERPT_LEN = 120


#: enum_token / norm_status over the few distinct registry enum strings, cached (hot in big records)
enum = lru_cache(maxsize=4096)(enum_token)
site_status = lru_cache(maxsize=1024)(norm_status)


#: Location.zip exists from model revision 2 on; readers fill it where the source has one
HAS_ZIP = "zip" in getattr(Location, "__dataclass_fields__", {})


def set_zip(loc: Location, value: Any) -> bool:
    """Set a location's postal code when the model has the field (True if set)."""
    text = as_str(value)
    if HAS_ZIP and text:
        loc.zip = text.strip()  # type: ignore[attr-defined]
        return True
    return False


class BadInput(Exception):
    """Raised from inside a streamed reader when the input cannot be read further."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None, excerpt: str | None = None):
        super().__init__(reason)
        self.reason, self.line, self.column, self.excerpt = reason, line, column, excerpt


class NotARecord(ValueError):
    """Parsed input that is not a registry record (the message says what it is instead)."""


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    """Lists as given; a lone scalar (a real defect seen in exported JSON) as a one-item list."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return None


def set_field(rec: TrialRecord, name: str, value: Any, path: str, convert: Callable[[str], Any] | None = None) -> None:
    """Set a canonical field and its provenance, only when the source has a value.

    ``convert`` maps the source text to the canonical value (e.g. ``norm_status``).
    """
    text = as_str(value)
    if text is None:
        return
    setattr(rec, name, convert(text) if convert else text)
    rec.provenance[name] = path


def set_identifier(rec: TrialRecord, name: str, value: Any, path: str) -> None:
    """Set an identifier field; a value of the wrong JSON type (a list, an object, true) is kept as
    its JSON text rather than dropped, so that the schema check of the identifier reports it (an
    ``nctId`` given as ``["NCT01234567"]`` was silently replaced by the organisation's study ID)."""
    if isinstance(value, (list, dict, bool)):
        import json

        setattr(rec, name, json.dumps(value, ensure_ascii=False)[:200])
        rec.provenance[name] = path
        return
    set_field(rec, name, value, path)


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        v = value.strip().replace(",", "")
        if v.isascii() and v.isdigit():
            return int(v)
    return None


_TRUE = {"yes", "true", "accepts healthy volunteers", "y", "1"}
_FALSE = {"no", "false", "n", "0", "does not accept healthy volunteers"}


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        v = value.strip().lower()
        if v in _TRUE:
            return True
        if v in _FALSE:
            return False
    return None


def first_nct(data: bytes | str) -> str | None:
    """An NCT ID found near the start of some input (to name an unreadable record)."""
    if isinstance(data, str):
        m = NCT_TEXT_RE.search(data, 0, 200_000)
        return m.group(0) if m else None
    m = NCT_RE.search(data, 0, 200_000)
    return m.group(0).decode("ascii") if m else None


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos) + 1
    start = text.rfind("\n", 0, pos) + 1
    return line, pos - start + 1


def excerpt_at(text: str, pos: int, width: int = _EXCERPT_LEN) -> str:
    """The line around a position, shortened to about ``width`` characters."""
    pos = max(0, min(pos, len(text)))
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip("\r")
    if len(line) <= width:
        return line
    col = pos - start
    lo = max(0, col - width // 2)
    return line[lo : lo + width]


def excerpt_of(data: bytes | str, width: int = _EXCERPT_LEN) -> str:
    if isinstance(data, bytes):
        data = data[: width * 4].decode("utf-8", "replace")
    text = data.lstrip("\ufeff").strip()
    first = text.split("\n", 1)[0].rstrip("\r")
    return first[:width]


def utf8_error(data: bytes, err: UnicodeDecodeError, source: Source) -> Unreadable:
    """An Unreadable for bytes that are not UTF-8, pointing at the first bad byte."""
    good = data[: err.start].decode("utf-8", "replace")
    line, col = line_col(good, len(good))
    bad = data[err.start : err.start + 8]
    return Unreadable(
        source,
        f"not UTF-8 text (byte 0x{data[err.start]:02x} at byte offset {err.start}); re-save the file as UTF-8",
        line,
        col,
        excerpt_at(good, len(good)) + " " + repr(bad),
        first_nct(data),
    )


def decode_utf8(data: bytes, source: Source) -> str | Unreadable:
    """Text of UTF-8 bytes (a leading BOM kept, so offsets match the file), or an Unreadable."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        return utf8_error(data, err, source)
