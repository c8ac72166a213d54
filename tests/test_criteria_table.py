"""Criteria tables (issue 23): a trial-ID column and a criteria column, CSV or XLSX, one record a row."""

import csv
from pathlib import Path

import openpyxl
import pytest

from trial_audit.core.model import TrialRecord
from trial_audit.readers import criteria_table, iter_records
from trial_audit.readers.base import Unreadable

SAMPLE = Path(__file__).parent / "data" / "registries" / "criteria_sample.csv"


def _read(path):
    return list(iter_records([path]))


def test_criteria_corpus_sample_is_recognised_without_options():
    items = _read(SAMPLE)
    assert [i.id for i in items] == ["NCT01833897", "NCT01842581", "NCT01844531"]
    rec = items[0]
    assert rec.source.format == "criteria-table" and rec.nct_id == "NCT01833897" and rec.registry == "ClinicalTrials.gov"
    assert rec.criteria.startswith("Inclusion Criteria:\n\n  -  Male and female patients")  # dedented textblock
    assert rec.conditions == ["bipolar disorder"]  # "['bipolar disorder']" read as a literal list
    assert rec.provenance["criteria"] == "csv:criteria (dedented)" and rec.source.line == 2
    # a criteria table carries no dates, status or sponsor: the completeness rules must not demand them
    assert rec.extra["carries"] == frozenset({"criteria", "conditions"})


def test_row_without_id_is_unreadable_with_its_row_number(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("trial_id,eligibility_criteria,minimum_age\nISRCTN10077335,Adults,18 Years\n,Children,\nDRKS00021134,Adults,\n")
    items = _read(f)
    assert isinstance(items[0], TrialRecord) and items[0].registry == "ISRCTN" and items[0].minimum_age.years == 18
    assert isinstance(items[1], Unreadable) and items[1].line == 3 and "no trial ID in column 'trial_id'" in items[1].reason
    assert isinstance(items[2], TrialRecord) and items[2].id == "DRKS00021134"


def test_columns_option_maps_other_names(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("Study,Eligibility,Lower\nNCT01234567,Inclusion Criteria: adults,18 Years\n")
    assert isinstance(_read(f)[0], Unreadable)  # not recognised from its names
    criteria_table.set_columns(criteria_table.parse_columns_option("id=Study,criteria=Eligibility,minimum_age=Lower"))
    try:
        (rec,) = _read(f)
    finally:
        criteria_table.set_columns(None)
    assert rec.nct_id == "NCT01234567" and rec.criteria == "Inclusion Criteria: adults" and rec.minimum_age.years == 18


def test_columns_option_errors():
    with pytest.raises(ValueError, match="not role=header"):
        criteria_table.parse_columns_option("id")
    with pytest.raises(ValueError, match="unknown column role"):
        criteria_table.set_columns({"id": "a", "criteria": "b", "colour": "c"})
    with pytest.raises(ValueError, match="at least id"):
        criteria_table.set_columns({"criteria": "b"})


def test_criteria_table_as_xlsx(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["nctid", "criteria", "diseases"])
    ws.append(["NCT01833897", "Inclusion Criteria:\n  - Adults", "['bipolar disorder', 'depression']"])
    ws.append([None, "orphan", None])
    f = tmp_path / "crit.xlsx"
    wb.save(f)
    items = _read(f)
    assert items[0].source.format == "criteria-table" and items[0].conditions == ["bipolar disorder", "depression"]
    assert items[0].source.line == 2 and items[0].provenance["criteria"] == "xlsx:criteria (dedented)"
    assert isinstance(items[1], Unreadable) and items[1].line == 3 and "worksheet row 3" in items[1].reason


def test_list_literal_is_never_evaluated_as_code(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("nctid,criteria,conditions\nNCT01234567,x,\"[__import__('os').system('echo hi')]\"\n")
    (rec,) = _read(f)
    assert rec.conditions == ["[__import__('os').system('echo hi')]"]  # kept as text, split on nothing


def test_ctgov_export_still_wins(tmp_path):
    f = tmp_path / "ctg-studies.csv"
    f.write_text("NCT Number,Study Title,criteria\nNCT01234567,A,x\n")
    (rec,) = _read(f)
    assert rec.source.format == "ctgov-csv"


def test_whole_criteria_corpus_is_read(shared_data):
    folder = shared_data / "criteria-corpus"
    expected = {}
    csv.field_size_limit(1 << 30)
    for f in sorted(folder.glob("*.csv")):
        with open(f, newline="", encoding="utf-8") as fh:
            expected[f.name] = sum(1 for _ in csv.DictReader(fh))
    assert sum(expected.values()) == 5193  # PROVENANCE.tsv: 1146 + 344 + 446 + 627 + 1044 + 117 + 295 + 1028 + 146
    items = _read(folder)
    assert all(isinstance(i, TrialRecord) for i in items)
    per_file = {}
    for rec in items:
        per_file[Path(rec.source.path).name] = per_file.get(Path(rec.source.path).name, 0) + 1
        assert rec.source.format == "criteria-table" and rec.nct_id.startswith("NCT") and rec.criteria
    assert per_file == expected


def test_cli_columns_option(tmp_path):
    import json

    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    f = tmp_path / "t.csv"
    f.write_text('Study,Eligibility\nNCT01234567,"Inclusion Criteria:\n  1. Adults"\n')
    try:
        result = CliRunner().invoke(
            app,
            [
                "audit",
                str(f),
                "-f",
                "json",
                "--out",
                str(tmp_path / "r"),
                "-q",
                "-j",
                "1",
                "--fail-on",
                "never",
                "--columns",
                "id=Study,criteria=Eligibility",
            ],
        )
        assert result.exit_code == 0, result.output
        report = json.loads((tmp_path / "r" / "report.json").read_text())
        assert [(r["id"], r["format"], r["status"]) for r in report["records"]] == [("NCT01234567", "criteria-table", "audited")]
        bad = CliRunner().invoke(app, ["audit", str(f), "-q", "--out", str(tmp_path / "r2"), "--columns", "id"])
        assert bad.exit_code != 0 and "not role=header" in bad.output
    finally:
        criteria_table.set_columns(None)
