"""XLSX workbooks read as rows of text, bounded like the zip archive an XLSX is.

Read with openpyxl in read-only mode (rows streamed from the sheet XML; openpyxl parses the
package's XML through defusedxml when it is installed, as it is here). Before openpyxl opens
anything, the package is checked with ``zipfile``: member count, each member's and the total
uncompressed size, the inflation ratio, and the size of the shared-strings table (which
openpyxl holds in memory whole) are bounded, so a zip bomb or a huge string table is refused
with its reason. Formulas are never evaluated: a formula cell reads as the value Excel cached
for it (``data_only``), or as blank when none was cached. External links are not loaded
(``keep_links=False``). Only the first worksheet is read, and at most ``MAX_ROWS`` rows.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

#: an XLSX package with more members than this is not a plain data export
MAX_MEMBERS = 10_000
#: one member (a worksheet) inflated, and the whole package inflated
MAX_MEMBER_BYTES = 512 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
#: the shared-strings table is held in memory whole by openpyxl
MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024
#: members over RATIO_MIN_BYTES that inflate more than MAX_RATIO times are filler (a zip bomb)
MAX_RATIO = 200
RATIO_MIN_BYTES = 1024 * 1024
#: rows read from the sheet (Excel's own limit is 1,048,576)
MAX_ROWS = 1_048_576

_WORKBOOK = "xl/workbook.xml"
_SHARED = "xl/sharedstrings.xml"
#: OOXML escapes a character XML cannot hold as _xHHHH_ ("_x000D_" for a carriage return)
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class XlsxRefused(Exception):
    """The package is over a bound or is not a workbook (the message says which and why)."""


def is_xlsx_package(source: str | Path | IO[bytes]) -> bool:
    """A zip package with a workbook part (an .xlsx/.xlsm), as opposed to a zip archive of records."""
    try:
        with zipfile.ZipFile(source) as zf:
            return any(i.filename.lower() == _WORKBOOK for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        if hasattr(source, "seek"):
            source.seek(0)  # type: ignore[union-attr]


def check_bounds(source: str | Path | IO[bytes]) -> None:
    """Raise XlsxRefused when the package is over a bound (see the module doc)."""
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise XlsxRefused(f"not a readable XLSX package: {err}") from err
    finally:
        if hasattr(source, "seek"):
            source.seek(0)  # type: ignore[union-attr]
    if len(infos) > MAX_MEMBERS:
        raise XlsxRefused(f"XLSX package has {len(infos):,} parts, over the {MAX_MEMBERS:,} bound; not read")
    total = 0
    for info in infos:
        name = info.filename.lower()
        if info.flag_bits & 0x1:
            raise XlsxRefused(f"XLSX part {info.filename!r} is encrypted; save the workbook without a password")
        if info.file_size > MAX_MEMBER_BYTES:
            raise XlsxRefused(f"XLSX part {info.filename!r} inflates to {info.file_size:,} bytes, over the {MAX_MEMBER_BYTES:,} bound")
        if info.file_size > RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise XlsxRefused(
                f"XLSX part {info.filename!r} inflates {info.file_size // max(1, info.compress_size):,} times "
                f"({info.compress_size:,} bytes to {info.file_size:,}), over the {MAX_RATIO}:1 bound: a zip bomb or filler"
            )
        if name == _SHARED and info.file_size > MAX_SHARED_STRINGS_BYTES:
            raise XlsxRefused(
                f"the XLSX shared-strings table is {info.file_size:,} bytes, over the {MAX_SHARED_STRINGS_BYTES:,} bound "
                "(it is held in memory whole); not read"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise XlsxRefused(f"XLSX package inflates to {total:,} bytes in all, over the {MAX_TOTAL_BYTES:,} bound; not read")
    if not any(i.filename.lower() == _WORKBOOK for i in infos):
        raise XlsxRefused("zip package has no xl/workbook.xml: not an XLSX workbook")


def cell_text(value: Any) -> str | None:
    """A cell's value as the text a CSV export would hold (dates as ISO dates, whole numbers without ".0")."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if "_x" in text:
        text = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


@dataclass
class Sheet:
    name: str
    rows: Iterator[tuple[int, list[str | None]]]  # (1-based row number, cell texts)
    truncated: list[int]  # set to [rows read] when MAX_ROWS stopped the reading


def open_rows(source: str | Path | bytes) -> Sheet:
    """The rows of the first worksheet, as text; raises XlsxRefused for a package over a bound."""
    import openpyxl

    handle: str | Path | IO[bytes] = io.BytesIO(source) if isinstance(source, bytes) else source
    check_bounds(handle)
    try:
        wb = openpyxl.load_workbook(handle, read_only=True, data_only=True, keep_links=False, keep_vba=False)
    except Exception as err:  # noqa: BLE001 - any failure to open is the file's, reported with its reason
        raise XlsxRefused(f"the workbook cannot be opened ({type(err).__name__}: {err})") from err
    if not wb.worksheets:
        wb.close()
        raise XlsxRefused("the workbook has no worksheet")
    ws = wb.worksheets[0]
    truncated: list[int] = []

    def rows() -> Iterator[tuple[int, list[str | None]]]:
        try:
            for n, row in enumerate(ws.iter_rows(values_only=True), 1):
                if n > MAX_ROWS:
                    truncated.append(MAX_ROWS)
                    return
                yield n, [cell_text(c) for c in row]
        finally:
            wb.close()

    return Sheet(ws.title, rows(), truncated)
