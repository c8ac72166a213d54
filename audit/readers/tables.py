"""Tables other than the ClinicalTrials.gov CSV export: the WHO ICTRP CSV and XLSX downloads and
criteria tables (CSV or XLSX), one record per row.

Which table it is comes from its header (``ictrp_fields.is_ictrp_header``,
``criteria_table.column_roles``). CSV files are streamed row by row; an XLSX workbook is read
through :mod:`trial_audit.readers.xlsx`, within its bounds. ``Source.line`` is the CSV line on
which a row starts, or the worksheet row number. A row that cannot be read (a malformed CSV
row, text that is not UTF-8, a row without a trial ID) is one Unreadable with its row number;
the other rows are still read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from trial_audit.core.model import Source
from trial_audit.readers import criteria_table, ctgov_csv, ictrp_fields, xlsx
from trial_audit.readers.base import ReadResult, Unreadable

ICTRP_CSV, ICTRP_XLSX = "ictrp-csv", "ictrp-xlsx"


def header_kind(header: list[str]) -> str | None:
    """ "ictrp" or "criteria" for a header this module reads, else None."""
    if ictrp_fields.is_ictrp_header(header):
        return "ictrp"
    if criteria_table.column_roles(header) is not None:
        return "criteria"
    return None


def first_csv_row(text: str) -> list[str]:
    """The header of a CSV whose first bytes are ``text``."""
    try:
        return next(csv.reader([text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")]), [])
    except csv.Error:
        return []


class _Rows:
    """The table's kind and a function from (cells, source) to a record or None (no ID)."""

    def __init__(self, header: list[str], prefix: str) -> None:
        self.header = [(h or "").lstrip("\ufeff").strip() for h in header]
        self.prefix = prefix
        self.kind = header_kind(self.header)
        self.roles = criteria_table.column_roles(self.header) if self.kind == "criteria" else None
        self.id_column = self._id_column()

    def _id_column(self) -> str:
        if self.roles is not None:
            return self.header[self.roles["id"]]
        return next((h for h in self.header if ictrp_fields.norm_key(h) == "trialid"), "TrialID")

    def format(self) -> str:
        if self.kind == "criteria":
            return criteria_table.FORMAT
        return ICTRP_XLSX if self.prefix == "xlsx" else ICTRP_CSV

    def record(self, cells: list[str | None], src: Source, where: str) -> ReadResult:
        if self.roles is not None:
            rec = criteria_table.row_to_record(cells, self.roles, self.header, src, self.prefix)
            if rec is None:
                return Unreadable(src, f"{where} has no trial ID in column {self.id_column!r}; it cannot be identified", src.line)
            return rec
        fields = dict(zip(self.header, cells))
        if not (fields.get(self.id_column) or "").strip():
            return Unreadable(src, f"{where} has no trial ID in column {self.id_column!r}; it cannot be identified", src.line)
        src.format = self.format()
        return ictrp_fields.row_to_record(fields, src, self.prefix)


def _decoded(stream: Iterable[bytes], bad: dict[int, str]) -> Iterator[str]:
    for n, raw in enumerate(stream, 1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as err:
            bad[n] = f"not UTF-8 text (byte 0x{raw[err.start]:02x}); re-save the file as UTF-8"
            yield raw.decode("utf-8", "replace")


def csv_stream(stream: Iterable[bytes], src: Source) -> Iterator[ReadResult]:
    """The rows of an ICTRP CSV download or a criteria table (CSV)."""
    bad: dict[int, str] = {}
    csv.field_size_limit(ctgov_csv.MAX_CELL_CHARS)
    reader = csv.reader(_decoded(stream, bad), strict=False)
    try:
        header = next(reader)
    except StopIteration:
        yield Unreadable(src, "empty CSV file")
        return
    except csv.Error as err:
        yield Unreadable(src, f"malformed CSV header: {err}", 1)
        return
    rows = _Rows(header, "csv")
    src.format = rows.format()
    if rows.kind is None:
        yield Unreadable(src, "CSV header is neither an ICTRP download nor a criteria table", 1)
        return
    index = 0
    last = reader.line_num
    while True:
        start = last + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            sub = Source(src.path, rows.format(), src.member, index, start)
            index += 1
            last = reader.line_num
            yield Unreadable(sub, f"malformed CSV row: {err}", start)
            continue
        end = last = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        sub = Source(src.path, rows.format(), src.member, index, start)
        index += 1
        broken = next((bad[n] for n in range(start, end + 1) if n in bad), None)
        if broken is not None:
            yield Unreadable(sub, broken, start)
            continue
        if len(cells) > len(rows.header) and any(c.strip() for c in cells[len(rows.header) :]):
            yield Unreadable(sub, f"CSV row has {len(cells)} cells but the header has {len(rows.header)} columns", start)
            continue
        yield rows.record(list(cells), sub, f"row on line {start}")
    if index == 0:
        yield Unreadable(src, f"CSV holds its header ({len(rows.header)} columns) but no rows; nothing was audited", 2)


def xlsx_rows(source: str | Path | bytes, src: Source) -> Iterator[ReadResult]:
    """The rows of an ICTRP XLSX download or a criteria table (XLSX)."""
    src.format = src.format or ICTRP_XLSX
    try:
        sheet = xlsx.open_rows(source)
    except xlsx.XlsxRefused as err:
        yield Unreadable(src, str(err))
        return
    header: list[str] | None = None
    rows: _Rows | None = None
    index = 0
    for n, cells in sheet.rows:
        if header is None:
            if not any(c and c.strip() for c in cells):
                continue  # blank rows above the header
            header = [c or "" for c in cells]
            rows = _Rows(header, "xlsx")
            src.format = rows.format()
            if rows.kind is None:
                yield Unreadable(src, f"worksheet {sheet.name!r}: header (row {n}) is neither an ICTRP download nor a criteria table", n)
                return
            continue
        assert rows is not None
        if not any(c and c.strip() for c in cells):
            continue
        sub = Source(src.path, rows.format(), src.member, index, n)
        index += 1
        yield rows.record(cells, sub, f"worksheet row {n}")
    if sheet.truncated:
        yield Unreadable(src, f"worksheet {sheet.name!r} has more than {sheet.truncated[0]:,} rows; the rest were not read (bound)")
    if header is None:
        yield Unreadable(src, f"worksheet {sheet.name!r} is empty")
    elif index == 0:
        yield Unreadable(src, f"worksheet {sheet.name!r} holds its header but no rows; nothing was audited")
