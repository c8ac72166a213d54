"""Read files, folders and zip archives into canonical records, detecting each file's format.

``iter_records(paths)`` is a generator: files are read one at a time (folders walked
recursively in sorted order, never listed-and-loaded up front), NDJSON and CSV exports are
streamed row by row, and every input that cannot become a record yields an
:class:`~trial_audit.readers.base.Unreadable` saying why (with line and column where the parser gives
them) - nothing is dropped silently and nothing raises.

Formats (detected from the content, the extension only breaks ties):

- ClinicalTrials.gov API v2 JSON: a study, a ``{"studies": [...]}`` page, a JSON array,
  NDJSON/JSONL (one study per line) -> :mod:`trial_audit.readers.ctgov_v2`
- the classic API's ``FullStudiesResponse`` JSON -> :mod:`trial_audit.readers.ctgov_classic`
- legacy ``<clinical_study>`` XML (DTDs and entities refused) -> :mod:`trial_audit.readers.ctgov_xml`
- the search-page CSV export (header starts with "NCT Number") -> :mod:`trial_audit.readers.ctgov_csv`
- the patient-facing trial page text -> :mod:`trial_audit.readers.page_text`
- ``.zip`` archives of any of these (the registry's bulk download), bounded in members and
  sizes; nested archives are not followed.

In a folder, files whose extension is not a record extension (``.md``, ``.py``, ``.png`` ...)
and hidden files are skipped; a file named explicitly is always sniffed.
"""

from __future__ import annotations

import io
import os
import posixpath
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from trial_audit.core.model import Source, TrialRecord
from trial_audit.readers import ctgov_classic, ctgov_csv, ctgov_v2, ctgov_xml, page_text
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.common import BadInput, NotARecord, decode_utf8, excerpt_at, excerpt_of, first_nct, line_col

__all__ = ["iter_records", "read_path", "read_bytes", "skipped_files", "Unreadable", "ReadResult", "RECORD_EXTENSIONS"]

#: extensions a folder walk reads (anything else in a folder is not a record and is skipped)
RECORD_EXTENSIONS = frozenset({".json", ".jsonl", ".ndjson", ".xml", ".txt", ".csv", ".zip"})
_NDJSON_EXTS = frozenset({".jsonl", ".ndjson"})
_SKIP_DIRS = frozenset({"__pycache__", "node_modules"})

HEAD_BYTES = 64 * 1024
#: a single-document file (JSON, XML, page) larger than this is not loaded
MAX_DOCUMENT_BYTES = 1 << 30
# Archive bounds. Members are read one at a time and dropped, so the total bounds time, not
# memory; it is sized for the registry's own bulk download (hundreds of thousands of studies,
# several GB uncompressed). A single member is capped, and that cap stops a zip bomb.
ZIP_MAX_MEMBERS = 2_000_000
ZIP_MAX_MEMBER_BYTES = 50 * 1024 * 1024
ZIP_MAX_TOTAL_BYTES = 64 * 1024 * 1024 * 1024


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


def _ext(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def _folder_files(root: Path, onerror=None) -> Iterator[Path]:
    """The files under a folder in reading order: sorted, hidden files and tool folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS)
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def _record_files(root: Path, onerror) -> Iterator[Path]:
    """The record files under a folder, in reading order."""
    return (p for p in _folder_files(root, onerror) if _ext(p.name) in RECORD_EXTENSIONS)


#: files that sit beside data (documentation, code, settings) and are not taken for records
_NOT_DATA_EXTENSIONS = frozenset({".md", ".rst", ".py", ".pyc", ".toml", ".cfg", ".ini", ".yaml", ".yml", ".lock"})
_NOT_DATA_NAMES = frozenset({"README", "LICENSE", "LICENCE", "NOTICE", "COPYING", "AUTHORS", "Makefile"})


def skipped_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the given folders that a walk does not read, and that may be data.

    Hidden files and tool folders are left out, as by the walk, and so are documentation, code
    and settings (a README.md, an __init__.py). The rest is what a user may have expected to be
    audited (a ``.json.gz``, a ``.tsv``), so the CLI names them rather than passing over them.
    """
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    return [
        f
        for folder in folders
        for f in _folder_files(folder)
        if _ext(f.name) not in RECORD_EXTENSIONS | _NOT_DATA_EXTENSIONS and f.name not in _NOT_DATA_NAMES
    ]


def _walk(root: Path) -> Iterator[ReadResult]:
    errors: list[OSError] = []

    def listing_errors() -> Iterator[ReadResult]:
        while errors:  # a folder that could not be listed is reported, not skipped silently
            err = errors.pop(0)
            yield Unreadable(Source(str(err.filename or root)), f"cannot list the folder: {err.strerror or err}")

    for path in _record_files(root, errors.append):
        yield from listing_errors()
        yield from read_path(path)
    yield from listing_errors()


# --- sniffing ---------------------------------------------------------------------------


def sniff(head: bytes, name: str, complete: bool) -> str | tuple[str, str]:
    """The kind of input ("zip", "json", "ndjson", "xml", "csv", "page") or ("bad", reason)."""
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "zip"
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    stripped = body.lstrip()
    if not stripped:
        return ("bad", "empty file" if complete else "file starts with 64 KB of blank space; not a registry record")
    if head[:2] == b"\x1f\x8b":
        return ("bad", "gzip-compressed file; decompress it first")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ("bad", "UTF-16 text; re-save the file as UTF-8")
    if b"\x00" in head:
        return ("bad", "binary file, not a registry record")
    ext = _ext(name)
    first = stripped[:1]
    if first in (b"{", b"["):
        return "ndjson" if ext in _NDJSON_EXTS else "json"
    if first == b"<":
        return "xml"
    text = body.decode("utf-8", "ignore")
    first_line = text.lstrip().split("\n", 1)[0].strip().lstrip('"').strip()
    if first_line.startswith(ctgov_csv.ID_COLUMN):
        return "csv"
    if ext == ".csv":
        return ("bad", "CSV is not a ClinicalTrials.gov export (no 'NCT Number' column)")
    if page_text.looks_like_page(text):
        return "page"
    return (
        "bad",
        "not a recognised registry record format (expected ClinicalTrials.gov JSON or XML, a search-page CSV export or a trial page text)",
    )


# --- files ------------------------------------------------------------------------------


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
                yield Unreadable(src, kind[1], None, None, _safe_excerpt(head), first_nct(head))
                return
            if kind == "zip":
                f.close()
                yield from _read_zip(path)
                return
            f.seek(0)
            if kind in ("ndjson", "csv"):
                src.format = _KIND_FORMAT[kind]
                yield from _STREAMS[kind](f, src)
                return
            size = os.fstat(f.fileno()).st_size
            if size > MAX_DOCUMENT_BYTES and kind == "json" and _ndjson_like(head):
                src.format = "json"
                yield from _ndjson_stream(f, src)  # a big NDJSON export named .json: stream it
                return
            if size > MAX_DOCUMENT_BYTES:
                yield Unreadable(src, f"file is {size} bytes, over the {MAX_DOCUMENT_BYTES} byte bound for one document")
                return
            data = f.read()
        except OSError as err:
            yield Unreadable(src, f"cannot read the file: {err.strerror or err}")
            return
    yield from _read_document(kind, data, src)


def read_bytes(data: bytes, source: Source, name: str = "") -> Iterator[ReadResult]:
    """Every record (or Unreadable) in some bytes (a zip member, a test input)."""
    kind = sniff(data[:HEAD_BYTES], name or source.member or source.path, complete=True)
    if isinstance(kind, tuple):
        yield Unreadable(source, kind[1], None, None, _safe_excerpt(data), first_nct(data))
    elif kind == "zip":
        yield Unreadable(source, "nested archive not followed; unpack it and audit its contents", None, None, None)
    elif kind in ("ndjson", "csv"):
        source.format = source.format or _KIND_FORMAT[kind]
        yield from _STREAMS[kind](io.BytesIO(data), source)
    else:
        yield from _read_document(kind, data, source)


def _safe_excerpt(data: bytes) -> str | None:
    if b"\x00" in data[:512] or data[:4].startswith(b"PK"):
        return None
    return excerpt_of(data) or None


def _guarded(items: Iterator[ReadResult], source: Source) -> Iterator[ReadResult]:
    """Never let a reader bug on odd input stop the run: the rest of that input becomes one Unreadable."""
    try:
        yield from items
    except Exception as err:  # noqa: BLE001 - reported, never raised
        yield Unreadable(source, f"reader failed on this input ({type(err).__name__}: {err})")


def _with_name_ids(items: Iterator[ReadResult], name: str) -> Iterator[ReadResult]:
    """An unreadable single-document file named after a trial (NCT01234567.json) is reported under that ID."""
    nct = first_nct(posixpath.basename(name.replace("\\", "/")))
    for item in items:
        if nct and isinstance(item, Unreadable) and item.record_id is None and item.source.index is None:
            item.record_id = nct
        yield item


#: the format an input of a kind is reported under when it cannot be read (readers set the exact one)
_KIND_FORMAT = {"json": "json", "ndjson": "json", "xml": "ctgov-xml", "page": "page-text", "csv": "ctgov-csv"}


def _read_document(kind: str, data: bytes, src: Source) -> Iterator[ReadResult]:
    src.format = src.format or _KIND_FORMAT.get(kind, "")
    yield from _with_name_ids(_read_document_items(kind, data, src), src.member or src.path)


def _read_document_items(kind: str, data: bytes, src: Source) -> Iterator[ReadResult]:
    if kind == "json":
        yield from _guarded(_json_document(data, src), src)
    elif kind == "xml":
        try:
            yield ctgov_xml.read_xml(data, src)
        except Exception as err:  # noqa: BLE001
            yield Unreadable(src, f"reader failed on this XML ({type(err).__name__}: {err})", record_id=first_nct(data))
    elif kind == "page":
        text = decode_utf8(data, src)
        if isinstance(text, Unreadable):
            yield text
            return
        try:
            yield page_text.read_page(text, src)
        except Exception as err:  # noqa: BLE001
            yield Unreadable(src, f"reader failed on this page ({type(err).__name__}: {err})", record_id=first_nct(data))


# --- JSON -------------------------------------------------------------------------------


def _sub(src: Source, index: int | None = None, line: int | None = None) -> Source:
    return Source(src.path, src.format, src.member, index, line)


def _one_study(obj: Any, src: Source) -> ReadResult:
    """A study object of either JSON generation -> record, or Unreadable saying what it is."""
    try:
        if ctgov_v2.is_v2_study(obj):
            return ctgov_v2.study_to_record(obj, src)
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


def _many(items: list[Any], src: Source, what: str, data: bytes = b"") -> Iterator[ReadResult]:
    if not items:
        yield Unreadable(src, f"{what} holds no studies")
        return
    lines = _study_lines(data, len(items))
    for i, item in enumerate(items):
        yield _one_study(item, _sub(src, i, lines[i] if lines else None))


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


def _bom_as_space(data: bytes) -> bytes:
    """A leading UTF-8 byte order mark (Windows tools write one; orjson refuses it) made a space:
    error columns then count it as one character."""
    return b" " + data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _json_document(data: bytes, src: Source) -> Iterator[ReadResult]:
    data = _bom_as_space(data)
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as err:
        if "after document" in err.msg and _ndjson_like(data):
            yield from _ndjson(io.BytesIO(data), src)
            return
        yield _json_error(data, err, src)
        return
    if isinstance(obj, dict):
        if ctgov_v2.is_v2_study(obj):
            yield _one_study(obj, src)
        elif isinstance(obj.get("studies"), list):
            yield from _many(obj["studies"], src, "the studies page", data)
        elif isinstance(obj.get("FullStudiesResponse"), dict):
            full = obj["FullStudiesResponse"].get("FullStudies")
            if not isinstance(full, list):
                full = []
            yield from _many(full, src, "the FullStudiesResponse", data)
        elif isinstance(obj.get("FullStudies"), list):
            yield from _many(obj["FullStudies"], src, "the FullStudies list", data)
        elif ctgov_classic.is_classic_study(ctgov_classic.unwrap(obj)):
            yield _one_study(obj, src)
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
    elif isinstance(obj, list):
        yield from _many(obj, src, "the JSON array", data)
    else:
        yield Unreadable(src, f"JSON is a {type(obj).__name__}, not a registry record", None, None, excerpt_of(data))


def _json_error(data: bytes, err: orjson.JSONDecodeError, src: Source, line_offset: int = 0) -> Unreadable:
    if "UTF-8" in err.msg:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as uerr:
            from trial_audit.readers.common import utf8_error

            u = utf8_error(data, uerr, src)
            if line_offset and u.line is not None:
                u.line += line_offset
            return u
    text = data.decode("utf-8", "replace")
    line, col = line_col(text, err.pos)
    return Unreadable(src, f"invalid JSON: {err.msg}", line + line_offset, col, excerpt_at(text, err.pos), first_nct(data))


def _ndjson_like(data: bytes) -> bool:
    """Several JSON values, one per line (the first line is a complete JSON object)."""
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(orjson.loads(first), dict)
    except orjson.JSONDecodeError:
        return False


def _ndjson(stream: Iterable[bytes], src: Source, lo: int = 1, hi: int | None = None) -> Iterator[ReadResult]:
    """One study per line; ``lo``/``hi`` select a range of lines (1-based, hi excluded; see Unit)."""
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
            line = _bom_as_space(line)
        if not line.strip():
            continue
        any_line = True
        sub = _sub(src, index, n)
        index += 1
        try:
            obj = orjson.loads(line)
        except orjson.JSONDecodeError as err:
            u = _json_error(line, err, sub, line_offset=n - 1)
            u.source = sub
            yield u
            continue
        yield _one_study(obj, sub)
    if not any_line and lo == 1:
        yield Unreadable(src, "empty file")


# --- CSV --------------------------------------------------------------------------------


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


def _csv(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    bad_lines: dict[int, BadInput] = {}
    rows = ctgov_csv.read_csv_rows(_text_lines(stream, bad_lines), src.path, src.member, bad_lines)
    yield from _guarded(rows, src)


def _ndjson_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    yield from _guarded(_ndjson(stream, src), src)


_STREAMS = {"ndjson": _ndjson_stream, "csv": _csv}


# --- zip --------------------------------------------------------------------------------


def _read_zip(path: Path, start: int = 0, stop: int | None = None) -> Iterator[ReadResult]:
    """The records of an archive; ``start``/``stop`` select a range of its sorted members (see Unit)."""
    arch = Source(str(path), "zip")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        yield Unreadable(arch, f"not a readable zip archive: {err}")
        return
    with zf:
        infos = sorted((i for i in zf.infolist() if not i.is_dir()), key=lambda i: i.filename)
        if not infos:
            yield Unreadable(arch, "empty zip archive")
            return
        total = 0
        for n, info in enumerate(infos):
            if n < start:
                continue
            if stop is not None and n >= stop:
                return
            if n >= ZIP_MAX_MEMBERS:
                yield Unreadable(arch, f"archive has {len(infos)} members; only the first {ZIP_MAX_MEMBERS} were read (bound)")
                return
            name = info.filename
            base = posixpath.basename(name)
            if base.startswith(".") or name.startswith("__MACOSX/") or _ext(base) not in RECORD_EXTENSIONS:
                continue
            src = Source(str(path), "", name)
            if _ext(base) == ".zip":
                yield Unreadable(src, "nested archive not followed; unpack it and audit its contents")
                continue
            if info.flag_bits & 0x1:
                yield Unreadable(src, "encrypted archive member; cannot be read")
                continue
            if info.file_size > ZIP_MAX_MEMBER_BYTES:
                yield Unreadable(src, f"archive member too large ({info.file_size} bytes uncompressed; bound {ZIP_MAX_MEMBER_BYTES})")
                continue
            if total + info.file_size > ZIP_MAX_TOTAL_BYTES:
                yield Unreadable(
                    arch,
                    f"archive exceeds the {ZIP_MAX_TOTAL_BYTES} byte bound on total uncompressed size; "
                    f"{len(infos) - n} members from {name!r} on were not read",
                )
                return
            try:
                with zf.open(info) as fh:
                    data = fh.read(ZIP_MAX_MEMBER_BYTES + 1)
            except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error, ValueError) as err:
                yield Unreadable(src, f"archive member cannot be decompressed: {err}")
                continue
            if len(data) > ZIP_MAX_MEMBER_BYTES:
                yield Unreadable(
                    src,
                    f"archive member too large (over {ZIP_MAX_MEMBER_BYTES} bytes uncompressed, "
                    f"though it declares {info.file_size}); not read",
                )
                continue
            total += len(data)
            yield from read_bytes(data, src, base)


# --- independent pieces of the input, for parallel auditing ------------------------------


@dataclass(frozen=True)
class Unit:
    """A piece of the input that can be read on its own: a file, or a range of an archive's members."""

    path: str
    start: int = 0
    stop: int | None = None  # a range of archive members, or of lines of an NDJSON file
    size: int = 0  # bytes, to judge whether parallel work pays
    kind: str = "file"  # "file" | "zip" | "ndjson"

    def read(self) -> Iterator[ReadResult]:
        if self.kind == "zip":
            return _read_zip(Path(self.path), self.start, self.stop)
        if self.kind == "ndjson":
            return self._read_lines()
        return read_path(self.path)

    def _read_lines(self) -> Iterator[ReadResult]:
        src = Source(self.path, _KIND_FORMAT["ndjson"])
        with open(self.path, "rb") as f:
            yield from _guarded(_ndjson(f, src, self.start, self.stop), src)


def plan_units(paths: Iterable[str | Path], members_per_unit: int = 500) -> list[Unit] | None:
    """The input as Units in reading order (the order iter_records reads it), or None when it
    cannot be split faithfully (a folder that cannot be listed, a missing path, an archive at
    its bounds): the caller then reads it serially, which reports those problems in order."""
    units: list[Unit] = []

    def fail(err: OSError) -> None:
        raise err

    try:
        for p in paths:
            path = Path(p)
            if path.is_dir():
                for file in _record_files(path, fail):
                    units.extend(_file_units(file, members_per_unit))
            elif path.is_file():
                units.extend(_file_units(path, members_per_unit))
            else:
                return None
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return units


#: an NDJSON file larger than this is split into ranges of lines
NDJSON_SPLIT_BYTES = 8 * 1024 * 1024


def _file_units(path: Path, members_per_unit: int) -> list[Unit]:
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    is_zip = head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
    if not is_zip:
        if size > NDJSON_SPLIT_BYTES and sniff(head, path.name, complete=len(head) < HEAD_BYTES) == "ndjson":
            return _line_units(path, size, members_per_unit)
        return [Unit(str(path), size=size)]
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
    declared = sum(i.file_size for i in infos)
    if not infos or len(infos) > ZIP_MAX_MEMBERS or declared > ZIP_MAX_TOTAL_BYTES:
        return [Unit(str(path), size=size)]  # read whole, so that the bound is reported once
    share = size // max(1, len(infos))
    return [
        Unit(str(path), lo, min(lo + members_per_unit, len(infos)), share * min(members_per_unit, len(infos) - lo), "zip")
        for lo in range(0, len(infos), members_per_unit)
    ]


def _line_units(path: Path, size: int, lines_per_unit: int) -> list[Unit]:
    with open(path, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
    share = size // lines
    return [Unit(str(path), lo, lo + lines_per_unit, share * lines_per_unit, "ndjson") for lo in range(1, lines + 1, lines_per_unit)]


def count_records(results: Iterable[ReadResult]) -> tuple[int, int]:
    """(records, unreadable) - a convenience for tests and benchmarks."""
    ok = bad = 0
    for r in results:
        if isinstance(r, TrialRecord):
            ok += 1
        else:
            bad += 1
    return ok, bad
