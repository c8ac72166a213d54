"""Silent drops and unbounded reads found by the security pass, on broken copies of real exports.

Every input must become a record (audited or unreadable) or be named with the reason: a CSV
export with no rows, or one that ends inside a quote, is unreadable with the line; a quote left
open does not swallow the rows after it unnoticed; a cell beyond the cell bound makes its row
unreadable instead of taking memory many times its size.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import SEEDS
from trial_audit.core.model import TrialRecord
from trial_audit.readers import ctgov_csv, iter_records

# The bundled export (seeds/csv_urology_ctg-studies_first20.csv, 20 studies from the
# ClinicalTrials.gov search page, see seeds/SOURCES.md).
EXPORT = SEEDS / "csv_urology_ctg-studies_first20.csv"


def _read(path: Path):
    return list(iter_records([path]))


def _lines() -> list[str]:
    return EXPORT.read_text(encoding="utf-8").splitlines(keepends=True)


def _rows(plain: int | None = None) -> tuple[str, list[str]]:
    """The export's header line and each study row as written by a CSV writer (a row may span lines)."""
    import csv
    import io

    parsed = list(csv.reader(io.StringIO(EXPORT.read_text(encoding="utf-8"), newline="")))

    def text(row: list[str]) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(row)
        return buf.getvalue()

    if plain is not None:  # that row written with no quote of its own (commas, quotes, breaks replaced)
        parsed[plain + 1] = [c.replace(",", ";").replace('"', "'").replace("\n", " ") for c in parsed[plain + 1]]
    return text(parsed[0]), [text(r) for r in parsed[1:]]


def _open_quote(row: str) -> str:
    """The row with a quote opened before its second cell (a title that is not quoted itself)."""
    head, rest = row.split(",", 1)
    assert not rest.startswith('"')
    return head + ',"' + rest


def test_a_header_only_export_is_unreadable(tmp_path):
    target = tmp_path / "header_only.csv"
    target.write_text(_lines()[0], encoding="utf-8")
    (item,) = _read(target)
    assert not isinstance(item, TrialRecord)
    assert "no study rows" in item.reason and item.line == 2


def test_a_truncated_header_is_unreadable(tmp_path):
    target = tmp_path / "cut.csv"
    target.write_text(_lines()[0][:60], encoding="utf-8")  # 'NCT Number,Study Title,Study URL,Acronym,Study Status,Study R'
    (item,) = _read(target)
    assert not isinstance(item, TrialRecord)
    assert "no study rows" in item.reason and "ending 'Study'" in item.reason


def test_an_export_that_ends_inside_a_quote_is_unreadable_at_that_row(tmp_path):
    header, rows = _rows(plain=19)
    target = tmp_path / "open_quote_at_end.csv"
    target.write_text(header + "".join(rows[:-1]) + _open_quote(rows[-1]) + "more text of a cut-off file\n", encoding="utf-8")
    items = _read(target)
    assert sum(isinstance(i, TrialRecord) for i in items) == len(rows) - 1
    bad = items[-1]
    assert not isinstance(bad, TrialRecord) and "ends inside a quoted cell" in bad.reason
    assert bad.line == 1 + sum(r.count("\n") for r in rows[:-1]) + 1


def test_an_open_quote_does_not_swallow_the_rows_after_it(tmp_path):
    k = 3
    header, rows = _rows(plain=k)
    # a quote opened in row k that a quote in a later row closes: the rows between become one cell
    target = tmp_path / "open_quote.csv"
    target.write_text(header + "".join(rows[:k]) + _open_quote(rows[k]) + "".join(rows[k + 1 :]), encoding="utf-8")
    items = _read(target)
    bad = [i for i in items if not isinstance(i, TrialRecord)]
    line = 1 + sum(r.count("\n") for r in rows[:k]) + 1
    assert bad and f"quote opened on line {line}" in bad[0].reason and "starts another row" in bad[0].reason
    assert bad[0].line == line


def test_a_cell_over_the_cell_bound_makes_its_row_unreadable(tmp_path, monkeypatch):
    monkeypatch.setattr(ctgov_csv, "MAX_CELL_CHARS", 10_000)
    header, rows = _rows()
    head, rest = rows[1].split(",", 1)
    big = head + ',"' + "Long title " * 2_000 + '",' + rest
    target = tmp_path / "huge_cell.csv"
    target.write_text(header + rows[0] + big + "".join(rows[2:]), encoding="utf-8")
    items = _read(target)
    bad = [i for i in items if not isinstance(i, TrialRecord)]
    assert len(bad) == 1 and "over 10,000 characters" in bad[0].reason
    assert bad[0].line == 2 + rows[0].count("\n")
    assert sum(isinstance(i, TrialRecord) for i in items) == len(rows) - 1
