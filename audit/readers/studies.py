"""JSON study objects of either API generation -> records; JSON errors -> Unreadable with positions."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from trial_audit.core.model import Source
from trial_audit.readers import ctgov_v2
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import NotARecord, excerpt_at, first_nct, line_col, utf8_error


def sub_source(src: Source, index: int | None = None, line: int | None = None) -> Source:
    """The source of one study inside a multi-study input."""
    return Source(src.path, src.format, src.member, index, line)


def one_study(obj: Any, src: Source) -> ReadResult:
    """A study object of either JSON generation -> record, or Unreadable saying what it is."""
    try:
        if ctgov_v2.is_v2_study(obj):
            return ctgov_v2.study_to_record(obj, src)
        from trial_audit.readers import ctgov_classic  # on demand: a v2 study never needs the classic mapper

        study = ctgov_classic.unwrap(obj)
        if ctgov_classic.is_classic_study(study):
            return ctgov_classic.study_to_record(study, src)
        if isinstance(obj, dict):
            keys = ", ".join(list(obj)[:6]) or "no keys"
            raise NotARecord(f"JSON object is not a ClinicalTrials.gov study (no protocolSection; keys: {keys})")
        raise NotARecord(f"expected a study object, found a JSON {type(obj).__name__}")
    except NotARecord as err:
        return Unreadable(src, str(err), src.line, None, None, _nct_in(obj))
    except Exception as err:  # noqa: BLE001 - a mapping bug on odd input must not stop the run
        return Unreadable(src, f"could not map this study ({type(err).__name__}: {err})", src.line, None, None, _nct_in(obj))


def _nct_in(obj: Any) -> str | None:
    try:
        return first_nct(orjson.dumps(obj)[:200_000])
    except Exception:  # noqa: BLE001
        return None


def many_studies(items: list[Any], src: Source, what: str, data: bytes = b"") -> Iterator[ReadResult]:
    """The studies of a list (a studies page, a FullStudies list, a JSON array), each with its line."""
    if not items:
        yield Unreadable(src, f"{what} holds no studies")
        return
    lines = _study_lines(data, len(items))
    for i, item in enumerate(items):
        yield one_study(item, sub_source(src, i, lines[i] if lines else None))


def _study_lines(data: bytes, n: int) -> list[int] | None:
    """The line of each study's protocol section in a multi-study document, when it is unambiguous."""
    if not data:
        return None
    for key in (b'"protocolSection"', b'"ProtocolSection"'):
        positions = []
        at = data.find(key)
        while at >= 0:
            positions.append(at)
            at = data.find(key, at + len(key))
        if len(positions) == n:
            out, line, last = [], 1, 0
            for pos in positions:
                line += data.count(b"\n", last, pos)
                last = pos
                out.append(line)
            return out
    return None


def bom_as_space(data: bytes) -> bytes:
    """A leading UTF-8 byte order mark (Windows tools write one; orjson refuses it) made a space:
    error columns then count it as one character."""
    return b" " + data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def json_error(data: bytes, err: orjson.JSONDecodeError, src: Source, line_offset: int = 0) -> Unreadable:
    """Invalid JSON -> Unreadable with the line, column and an excerpt where the parser stopped."""
    if "UTF-8" in err.msg:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as uerr:
            u = utf8_error(data, uerr, src)
            if line_offset and u.line is not None:
                u.line += line_offset
            return u
    text = data.decode("utf-8", "replace")
    line, col = line_col(text, err.pos)
    return Unreadable(src, f"invalid JSON: {err.msg}", line + line_offset, col, excerpt_at(text, err.pos), first_nct(data))


def ndjson_like(data: bytes) -> bool:
    """Several JSON values, one per line (the first line is a complete JSON object)."""
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(orjson.loads(first), dict)
    except orjson.JSONDecodeError:
        return False
