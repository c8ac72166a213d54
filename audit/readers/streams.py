"""Exports read as streams, one record at a time: NDJSON/JSONL (a study per line) and the
search-page CSV export (a study per row). Neither is ever loaded whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import orjson

from trial_audit.core.model import Source
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import BadInput
from trial_audit.readers.studies import bom_as_space, json_error, one_study, sub_source


def guarded(items: Iterator[ReadResult], source: Source) -> Iterator[ReadResult]:
    """Never let a reader bug on odd input stop the run: the rest of that input becomes one Unreadable."""
    try:
        yield from items
    except Exception as err:  # noqa: BLE001 - reported, never raised
        yield Unreadable(source, f"reader failed on this input ({type(err).__name__}: {err})")


def ndjson_lines(stream: Iterable[bytes], src: Source, lo: int = 1, hi: int | None = None) -> Iterator[ReadResult]:
    """One study per line; ``lo``/``hi`` select a range of lines (1-based, hi excluded; see plan.Unit)."""
    index = 0
    any_line = False
    for n, raw in enumerate(stream, 1):
        if hi is not None and n >= hi:
            return
        if n < lo:
            index += bool(raw.strip())  # records before the range still count for Source.index
            continue
        line = raw.rstrip(b"\r\n")
        if n == 1:
            line = bom_as_space(line)
        if not line.strip():
            continue
        any_line = True
        sub = sub_source(src, index, n)
        index += 1
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as err:
            u = json_error(line, err, sub, line_offset=n - 1)
            u.source = sub
            yield u
            continue
        yield one_study(obj, sub)
    if not any_line and lo == 1:
        yield Unreadable(src, "empty file")


def ndjson_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    yield from guarded(ndjson_lines(stream, src), src)


def _text_lines(stream: Iterable[bytes], bad_lines: dict[int, BadInput]) -> Iterator[str]:
    """Decoded lines; a line that is not UTF-8 is decoded with replacement and noted in bad_lines."""
    for n, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            good = raw[: err.start].decode("utf-8", "replace")
            bad_lines[n] = BadInput(
                f"not UTF-8 text (byte 0x{raw[err.start]:02x}); re-save the file as UTF-8", n, len(good) + 1, good[-80:]
            )
            yield raw.decode("utf-8", "replace")


def csv_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    from trial_audit.readers import ctgov_csv  # on demand: an audit loads only the formats it meets

    bad_lines: dict[int, BadInput] = {}
    rows = ctgov_csv.read_csv_rows(_text_lines(stream, bad_lines), src.path, src.member, bad_lines)
    yield from guarded(rows, src)


#: the streamed kinds (see sniff) and their readers
STREAMS: dict[str, Callable[[Iterable[bytes], Source], Iterator[ReadResult]]] = {"ndjson": ndjson_stream, "csv": csv_stream}


def ictrp_xml_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    from trial_audit.readers import ictrp_xml

    yield from guarded(ictrp_xml.read_stream(stream, src), src)  # type: ignore[arg-type]  # a binary file object


def table_csv_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    from trial_audit.readers import tables

    yield from guarded(tables.csv_stream(stream, src), src)


STREAMS.update({"ictrp-xml": ictrp_xml_stream, "table-csv": table_csv_stream})
