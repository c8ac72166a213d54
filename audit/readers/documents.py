"""Single documents held in memory (a JSON file, an XML record, a page text, a zip member) ->
records. ``read_bytes`` is the entry point for bytes that are already read."""

from __future__ import annotations

import io
import posixpath
from collections.abc import Iterator
from typing import Any

import orjson

from trial_audit.core.model import Source
from trial_audit.readers import ctgov_v2
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import decode_utf8, excerpt_of, first_nct
from trial_audit.readers.sniff import HEAD_BYTES, KIND_FORMAT, sniff
from trial_audit.readers.streams import STREAMS, guarded, ndjson_lines
from trial_audit.readers.studies import bom_as_space, json_error, many_studies, ndjson_like, one_study


def read_bytes(data: bytes, source: Source, name: str = "") -> Iterator[ReadResult]:
    """Every record (or Unreadable) in some bytes (a zip member, a test input)."""
    kind = sniff(data[:HEAD_BYTES], name or source.member or source.path, complete=True)
    if isinstance(kind, tuple):
        yield Unreadable(source, kind[1], None, None, safe_excerpt(data), first_nct(data))
    elif kind == "zip":
        yield Unreadable(source, "nested archive not followed; unpack it and audit its contents", None, None, None)
    elif kind == "xlsx":
        source.format = source.format or KIND_FORMAT[kind]
        from trial_audit.readers import tables  # on demand: an audit loads only the formats it meets

        yield from guarded(tables.xlsx_rows(data, source), source)
    elif kind in STREAMS:
        source.format = source.format or KIND_FORMAT[kind]
        yield from STREAMS[kind](io.BytesIO(data), source)
    else:
        yield from read_document(kind, data, source)


def safe_excerpt(data: bytes) -> str | None:
    """An excerpt of input that is not a record, unless it is binary."""
    if b"\x00" in data[:512] or data[:4].startswith(b"PK"):
        return None
    return excerpt_of(data) or None


def _with_name_ids(items: Iterator[ReadResult], name: str) -> Iterator[ReadResult]:
    """An unreadable single-document file named after a trial (NCT01234567.json) is reported under that ID."""
    nct = first_nct(posixpath.basename(name.replace("\\", "/")))
    for item in items:
        if nct and isinstance(item, Unreadable) and item.record_id is None and item.source.index is None:
            item.record_id = nct
        yield item


def read_document(kind: str, data: bytes, src: Source) -> Iterator[ReadResult]:
    """The records of one document of a sniffed kind ("json", "xml" or "page")."""
    src.format = src.format or KIND_FORMAT.get(kind, "")
    yield from _with_name_ids(_read_document_items(kind, data, src), src.member or src.path)


def _read_document_items(kind: str, data: bytes, src: Source) -> Iterator[ReadResult]:
    if kind == "json":
        yield from guarded(_json_document(data, src), src)
    elif kind == "xml":
        from trial_audit.readers import ctgov_xml

        try:
            yield ctgov_xml.read_xml(data, src)
        except Exception as err:  # noqa: BLE001
            yield Unreadable(src, f"reader failed on this XML ({type(err).__name__}: {err})", record_id=first_nct(data))
    elif kind == "page":
        from trial_audit.readers import page_text

        text = decode_utf8(data, src)
        if isinstance(text, Unreadable):
            yield text
            return
        try:
            yield page_text.read_page(text, src)
        except Exception as err:  # noqa: BLE001
            yield Unreadable(src, f"reader failed on this page ({type(err).__name__}: {err})", record_id=first_nct(data))


def _json_document(data: bytes, src: Source) -> Iterator[ReadResult]:
    """A JSON document: one study, a studies page, a FullStudiesResponse, an array (or NDJSON named .json)."""
    data = bom_as_space(data)
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as err:
        if "after document" in err.msg and ndjson_like(data):
            yield from ndjson_lines(io.BytesIO(data), src)
            return
        yield json_error(data, err, src)
        return
    if isinstance(obj, dict):
        yield from _json_object(obj, src, data)
    elif isinstance(obj, list):
        yield from many_studies(obj, src, "the JSON array", data)
    else:
        yield Unreadable(src, f"JSON is a {type(obj).__name__}, not a registry record", None, None, excerpt_of(data))


def _json_object(obj: dict[str, Any], src: Source, data: bytes) -> Iterator[ReadResult]:
    """A JSON object: a v2 study, a page or list of studies, a classic study, a DRKS trial, or what it is not."""
    if ctgov_v2.is_v2_study(obj):
        yield one_study(obj, src)
        return
    # imported when a document of their kind is met: a one-record audit of a v2 study loads neither
    from trial_audit.readers import ctgov_classic, drks_json

    if isinstance(obj.get("studies"), list):
        yield from many_studies(obj["studies"], src, "the studies page", data)
    elif isinstance(obj.get("FullStudiesResponse"), dict):
        full = obj["FullStudiesResponse"].get("FullStudies")
        if not isinstance(full, list):
            full = []
        yield from many_studies(full, src, "the FullStudiesResponse", data)
    elif isinstance(obj.get("FullStudies"), list):
        yield from many_studies(obj["FullStudies"], src, "the FullStudies list", data)
    elif ctgov_classic.is_classic_study(ctgov_classic.unwrap(obj)):
        yield one_study(obj, src)
    elif drks_json.is_drks_trial(obj):
        yield drks_json.read_trial(obj, src, data)
    else:
        keys = ", ".join(list(obj)[:6]) or "no keys"
        yield Unreadable(
            src,
            f"JSON is not a ClinicalTrials.gov record (no protocolSection, studies or FullStudiesResponse; keys: {keys})",
            None,
            None,
            excerpt_of(data),
            first_nct(data),
        )
