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


def test_every_archive_member_not_read_is_named_with_its_reason(tmp_path):
    """Members that are hidden (including ``..\\x.json``), macOS metadata or not a record type
    vanished without a note; now the run's note names each (the good member is audited)."""
    import json
    import zipfile

    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    archive = tmp_path / "bulk.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("NCT00973089.json", (SEEDS / "v2_NCT00973089.json").read_bytes())
        zf.writestr(".hidden.json", b"{}")
        zf.writestr("..\\x.json", b"{}")
        zf.writestr("__MACOSX/._NCT00973089.json", b"\x00\x05")
        zf.writestr("studies.tsv", b"a\tb")
        zf.writestr("more.json.gz", b"\x1f\x8b")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(archive), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    note = " ".join(result.output.split())
    assert "5 files, folders or archive members were not read" in note
    assert "hidden (name starts with '.'): 2" in note and "macOS metadata (__MACOSX/): 1" in note
    assert "not a record file type (.tsv): 1" in note and "not a record file type (.gz): 1" in note
    assert "..\\\\x.json" in note or "..\\x.json" in note
    summary = json.loads((out / "report.json").read_text())["summary"]
    assert summary["records"] == summary["audited"] == 1


def test_an_nct_id_of_the_wrong_type_is_a_schema_finding(tmp_path):
    """``"nctId": ["NCT00973089"]`` (or an object) was replaced by the organisation's study ID
    with no finding; it is now kept as its JSON text, and the NCT ID check reports it."""
    import json

    from trial_audit.engine.runner import RunOptions, audit_paths

    for i, bad in enumerate((["NCT00973089"], {"id": "NCT00973089"})):
        study = json.loads((SEEDS / "v2_NCT00973089.json").read_text())
        study["protocolSection"]["identificationModule"]["nctId"] = bad
        target = tmp_path / f"bad{i}.json"
        target.write_text(json.dumps(study))
        (rec,) = list(audit_paths([target], RunOptions(jobs=1)).records)
        (finding,) = [f for f in rec.findings if f.rule == "TA010"]
        assert finding.evidence.field == "nct_id" and "NCT00973089" in finding.evidence.text
        assert finding.evidence.text == json.dumps(bad)


def test_classic_nct_id_of_the_wrong_type_is_kept_for_the_check():
    import json

    from trial_audit.core.model import Source
    from trial_audit.readers import read_bytes

    doc = json.loads((SEEDS / "classic_NCT04780763.json").read_text())
    ident = doc["FullStudiesResponse"]["FullStudies"][0]["Study"]["ProtocolSection"]["IdentificationModule"]
    ident["NCTId"] = ["NCT04780763"]
    (rec,) = list(read_bytes(json.dumps(doc).encode(), Source("c.json"), "c.json"))
    assert rec.nct_id == '["NCT04780763"]'


def test_a_member_that_inflates_like_a_zip_bomb_is_unreadable(tmp_path):
    """A 3 MB member of one repeated byte compresses ~1000:1; real registry members inflate at
    most 26:1 (the bulk XML download). It is refused with the ratio, the other members are read."""
    import zipfile

    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("NCT00973089.json", (SEEDS / "v2_NCT00973089.json").read_bytes())
        zf.writestr("NCT00000000.json", b'{"protocolSection": "' + b" " * 3_000_000 + b'"}')
    items = _read(archive)
    (bad,) = [i for i in items if not isinstance(i, TrialRecord)]
    assert "inflates" in bad.reason and "200:1" in bad.reason and bad.source.member == "NCT00000000.json"
    assert sum(isinstance(i, TrialRecord) for i in items) == 1


def test_the_real_bulk_archive_is_within_the_ratio_bound(shared_data):
    import zipfile

    from trial_audit.readers.archives import _over_ratio

    with zipfile.ZipFile(shared_data / "ctgov-xml-bulk" / "enrollment_and_studylength.zip") as zf:
        assert not any(_over_ratio(i.file_size, i.compress_size) for i in zf.infolist())
