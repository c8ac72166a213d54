"""Hostile XLSX workbooks (issue 23): an XLSX is a zip package, bounded like one; formulas are never
evaluated and external links never followed. Each is refused with its reason or read within bounds."""

import zipfile

import openpyxl
import pytest

from trial_audit.core.model import TrialRecord
from trial_audit.readers import iter_records, xlsx
from trial_audit.readers.base import Unreadable

HEADER = ["TrialID", "Public title", "Source Register", "Inclusion Criteria", "Inclusion agemin"]


def _workbook(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _read(path):
    return list(iter_records([path]))


def _rezip(src, dst, replace=None, add=None):
    """Copy an XLSX package, replacing or adding parts."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = (replace or {}).get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst


def test_zip_bomb_part_is_refused(tmp_path):
    good = _workbook(tmp_path / "good.xlsx", [["ISRCTN10077335", "A", "ISRCTN", "Adults", "18"]])
    bomb = _rezip(good, tmp_path / "bomb.xlsx", add={"xl/media/filler.bin": b"\0" * (8 * 1024 * 1024)})
    (item,) = _read(bomb)
    assert isinstance(item, Unreadable) and "zip bomb" in item.reason and "filler.bin" in item.reason


def test_huge_shared_strings_table_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_SHARED_STRINGS_BYTES", 2000)
    rows = [[f"ISRCTN{10000000 + i}", "title " * 20 + str(i), "ISRCTN", "criteria " * 10 + str(i), "18"] for i in range(50)]
    path = _workbook(tmp_path / "strings.xlsx", rows)
    shared = "<sst xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>" + "<si><t>x</t></si>" * 500 + "</sst>"
    big = _rezip(path, tmp_path / "big.xlsx", add={"xl/sharedStrings.xml": shared})
    (item,) = _read(big)
    assert isinstance(item, Unreadable) and "shared-strings table" in item.reason


def test_too_many_parts_and_too_many_rows(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "rows.xlsx", [[f"ISRCTN{10000000 + i}", "T", "ISRCTN", "Adults", "18"] for i in range(5)])
    monkeypatch.setattr(xlsx, "MAX_ROWS", 3)
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["TrialRecord", "TrialRecord", "Unreadable"]
    assert "more than 3 rows" in items[-1].reason
    monkeypatch.setattr(xlsx, "MAX_MEMBERS", 3)
    (item,) = _read(path)
    assert isinstance(item, Unreadable) and "parts, over the 3 bound" in item.reason


def test_formulas_are_never_evaluated(tmp_path):
    path = _workbook(
        tmp_path / "formulas.xlsx",
        [["ISRCTN10077335", '=HYPERLINK("http://example.invalid","x")', "ISRCTN", "=1+1", '=WEBSERVICE("http://example.invalid")']],
    )
    (rec,) = _read(path)
    # openpyxl wrote no cached values: a formula cell reads as blank, never as its result or a fetch
    assert isinstance(rec, TrialRecord) and rec.brief_title is None and rec.criteria is None and rec.minimum_age_raw is None


def test_external_links_are_ignored(tmp_path):
    path = _workbook(tmp_path / "links.xlsx", [["ISRCTN10077335", "A", "ISRCTN", "Adults", "18"]])
    link = (
        "<externalLink xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        "<externalBook xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships' r:id='rId1'/></externalLink>"
    )
    rels = (
        "<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rId1' "
        "Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath' "
        "Target='http://example.invalid/book.xlsx' TargetMode='External'/></Relationships>"
    )
    linked = _rezip(
        path,
        tmp_path / "linked.xlsx",
        add={"xl/externalLinks/externalLink1.xml": link, "xl/externalLinks/_rels/externalLink1.xml.rels": rels},
    )
    (rec,) = _read(linked)
    assert isinstance(rec, TrialRecord) and rec.brief_title == "A"


def test_entities_in_a_part_are_refused(tmp_path):
    path = _workbook(tmp_path / "ok.xlsx", [["ISRCTN10077335", "A", "ISRCTN", "Adults", "18"]])
    with zipfile.ZipFile(path) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    body = sheet.split("?>", 1)[1] if sheet.startswith("<?xml") else sheet
    evil = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + body
    bad = _rezip(path, tmp_path / "evil.xlsx", replace={"xl/worksheets/sheet1.xml": evil.encode()})
    items = _read(bad)
    assert len(items) == 1 and isinstance(items[0], Unreadable)


def test_not_a_workbook_and_not_an_ictrp_sheet(tmp_path):
    f = tmp_path / "fake.xlsx"
    f.write_bytes(b"PK\x03\x04 not really a zip")
    (item,) = _read(f)
    assert isinstance(item, Unreadable)
    wb = openpyxl.Workbook()
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "other.xlsx")
    (item,) = _read(tmp_path / "other.xlsx")
    assert isinstance(item, Unreadable) and "neither an ICTRP download nor a criteria table" in item.reason


@pytest.mark.parametrize("value,text", [(1.0, "1"), (True, "True"), ("a_x000D_b", "a\rb"), (None, None)])
def test_cell_text(value, text):
    assert xlsx.cell_text(value) == text
