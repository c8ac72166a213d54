"""Paths -> records: files, folders and zip archives, each file's kind sniffed from its head."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from trial_audit.core.model import Source
from trial_audit.readers.archives import read_zip
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import first_nct
from trial_audit.readers.documents import read_document, safe_excerpt
from trial_audit.readers.sniff import HEAD_BYTES, KIND_FORMAT, sniff
from trial_audit.readers.streams import STREAMS, guarded, ndjson_stream
from trial_audit.readers.studies import ndjson_like
from trial_audit.readers.walk import record_files

#: a single-document file (JSON, XML, page) larger than this is not loaded
MAX_DOCUMENT_BYTES = 1 << 30


def iter_records(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Every record (or Unreadable) in the given files, folders and zip archives, in order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield from read_path(path)
        else:
            yield Unreadable(Source(str(path)), "no such file or folder")


def _walk(root: Path) -> Iterator[ReadResult]:
    errors: list[OSError] = []

    def listing_errors() -> Iterator[ReadResult]:
        while errors:  # a folder that could not be listed is reported, not skipped silently
            err = errors.pop(0)
            yield Unreadable(Source(str(err.filename or root)), f"cannot list the folder: {err.strerror or err}")

    for path in record_files(root, errors.append):
        yield from listing_errors()
        yield from read_path(path)
    yield from listing_errors()


def read_path(path: str | Path) -> Iterator[ReadResult]:
    """Every record (or Unreadable) in one file or zip archive."""
    path = Path(path)
    src = Source(str(path))
    try:
        f = open(path, "rb")
    except OSError as err:
        yield Unreadable(src, f"cannot open the file: {err.strerror or err}")
        return
    with f:
        try:
            head = f.read(HEAD_BYTES)
            kind = sniff(head, path.name, complete=len(head) < HEAD_BYTES)
            if isinstance(kind, tuple):
                yield Unreadable(src, kind[1], None, None, safe_excerpt(head), first_nct(head))
                return
            if kind == "zip":
                f.close()
                yield from read_zip(path)
                return
            if kind == "xlsx":
                f.close()
                src.format = KIND_FORMAT[kind]
                from trial_audit.readers import tables  # on demand: an audit loads only the formats it meets

                yield from guarded(tables.xlsx_rows(path, src), src)
                return
            f.seek(0)
            if kind in STREAMS:
                src.format = KIND_FORMAT[kind]
                yield from STREAMS[kind](f, src)
                return
            size = os.fstat(f.fileno()).st_size
            if size > MAX_DOCUMENT_BYTES and kind == "json" and ndjson_like(head):
                src.format = "json"
                yield from ndjson_stream(f, src)  # a big NDJSON export named .json: stream it
                return
            if size > MAX_DOCUMENT_BYTES:
                yield Unreadable(src, f"file is {size} bytes, over the {MAX_DOCUMENT_BYTES} byte bound for one document")
                return
            data = f.read()
        except OSError as err:
            yield Unreadable(src, f"cannot read the file: {err.strerror or err}")
            return
    yield from read_document(kind, data, src)
