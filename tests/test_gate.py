"""The Great Expectations submission gate: shape of the result, pass/fail, no leftovers, no network."""

import json
import os
import socket
import tempfile

import pytest

from trial_audit.checks._shared.schema import LEGACY_STUDY_TYPES
from trial_audit.core.dates import parse_date
from trial_audit.core.model import OVERALL_STATUSES, SEXES, STUDY_TYPES, record_from_example
from trial_audit.engine.gate import GateError, add_last_day_columns, default_suite_path, load_suite, run_gate
from trial_audit.engine.table import build_table

CLEAN = {
    "brief_title": "A study",
    "sponsor": "A sponsor",
    "overall_status": "COMPLETED",
    "study_type": "INTERVENTIONAL",
    "sex": "ALL",
    "phases": ["PHASE2"],
    "std_ages": ["ADULT"],
    "enrollment": 40,
    "enrollment_type": "ACTUAL",
    "conditions": ["Asthma"],
    "minimum_age": "18 Years",
    "maximum_age": "65 Years",
    # same month, one with a day, one without: never out of order
    "dates": {
        "first_submitted": "2023-01-10",
        "first_posted": "2023-01-12",
        "start": "2023-03-20",
        "primary_completion": "2023-03",
        "completion": "2024-01",
        "last_update_posted": "2024-02-01",
    },
}


def _records(n, **changes):
    return [record_from_example({**CLEAN, "nct_id": f"NCT{10000000 + i:08d}", **changes}) for i in range(n)]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the gate must not open network connections")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(scope="module")
def clean_result():
    records = _records(6)
    return run_gate([build_table(records[:4]), build_table(records[4:])], "default")


def test_clean_batch_passes(clean_result):
    g = clean_result
    assert g["success"] is True, [e for e in g["expectations"] if not e["success"]]
    assert g["suite"] == "default"
    assert g["evaluated"] == len(load_suite("default")["expectations"]) == g["passed"]
    json.dumps(g)  # JSON-safe


def test_result_shape(clean_result):
    keys = {"expectation", "column", "kwargs", "success", "unexpected_count", "unexpected_percent", "failed_records"}
    for e in clean_result["expectations"]:
        assert set(e) == keys
        assert isinstance(e["expectation"], str) and e["expectation"].startswith("expect_")
        assert isinstance(e["unexpected_count"], int) and e["failed_records"] == []
        assert "batch_id" not in e["kwargs"]


def test_duplicate_ids_fail_the_gate_across_batches_and_name_the_records(tmp_path, monkeypatch):
    # a private temporary folder: other processes on a shared machine write to the system one
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private_tmp))
    records = _records(5)
    records[4].nct_id = records[1].nct_id  # the same trial twice, in two different batches
    records[3].dates.pop("start")  # 1 of 5 without a start date: below mostly=0.95
    before = set(os.listdir(tempfile.gettempdir()))
    g = run_gate([build_table(records[:3]), build_table(records[3:])], "default", docs_dir=str(tmp_path / "docs"))
    assert g["success"] is False
    failed = {(e["expectation"], e["column"]): e for e in g["expectations"] if not e["success"]}
    dup = failed[("expect_column_values_to_be_unique", "nct_id")]
    assert dup["unexpected_count"] == 2 and dup["failed_records"] == [records[1].nct_id]
    start = failed[("expect_column_values_to_not_be_null", "start_date")]
    assert start["failed_records"] == [records[3].nct_id] and start["unexpected_percent"] == pytest.approx(20.0)
    assert set(failed) == {("expect_column_values_to_be_unique", "nct_id"), ("expect_column_values_to_not_be_null", "start_date")}
    assert g["passed"] == g["evaluated"] - 2
    # Data Docs only where asked, and no temporary folder left behind
    assert (tmp_path / "docs" / "index.html").is_file()
    assert list((tmp_path / "docs").glob("validations/**/*.html"))
    assert set(os.listdir(tempfile.gettempdir())) - before == set()


def test_date_pairs_and_ages_out_of_order_fail():
    records = _records(3)
    records[0].dates["completion"] = parse_date("2022-12")  # before the start (2023-03-20) at any day
    records[1].set_age_limits("70 Years", "65 Years")
    g = run_gate([build_table(records)], "default")
    failed = {(e["column"], e["kwargs"].get("column_B")): e["failed_records"] for e in g["expectations"] if not e["success"]}
    assert failed[("completion_date_last", "start_date")] == [records[0].nct_id]
    assert failed[("max_age_years", "min_age_years")] == [records[1].nct_id]


def test_last_day_columns():
    import pandas as pd

    table = build_table([record_from_example({"dates": {"start": "2024-02", "completion": "2024", "first_posted": "2024-02-10"}})])
    df = add_last_day_columns(table.copy())
    assert df["start_date_last"].iloc[0] == pd.Timestamp("2024-02-29")
    assert df["completion_date_last"].iloc[0] == pd.Timestamp("2024-12-31")
    assert df["first_posted_date_last"].iloc[0] == pd.Timestamp("2024-02-10")
    assert pd.isna(df["primary_completion_date_last"].iloc[0])


def test_default_suite_vocabularies_match_the_model():
    suite = json.loads(default_suite_path().read_text())
    sets = {
        e["kwargs"]["column"]: set(e["kwargs"]["value_set"])
        for e in suite["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set"
    }
    assert sets["overall_status"] == set(OVERALL_STATUSES)
    assert sets["study_type"] == set(STUDY_TYPES | LEGACY_STUDY_TYPES)
    assert sets["sex"] == set(SEXES)


def test_user_suite_file(tmp_path):
    suite = tmp_path / "mine.json"
    suite.write_text(
        json.dumps(
            {
                "name": "mine",
                "expectations": [
                    {"expectation_type": "expect_column_values_to_be_between", "kwargs": {"column": "enrollment", "min_value": 50}},
                ],
            }
        )
    )
    g = run_gate([build_table(_records(2))], str(suite))
    assert g["suite"] == str(suite) and g["evaluated"] == 1 and g["success"] is False
    assert g["expectations"][0]["failed_records"] == ["NCT10000000", "NCT10000001"]


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "no such file"),
        ("{not json", "not a readable JSON"),
        ('{"name": "x"}', "no 'expectations'"),
        ('{"name": "x", "expectations": [{"type": "expect_the_moon", "kwargs": {}}]}', "expectation #1"),
        ('{"expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "nope"}}]}', "unknown column"),
        (
            '{"expectations": [{"type": "expect_column_values_to_be_between", "kwargs": {"column": "enrollment", "min_value": "x"}}]}',
            "not valid",
        ),
    ],
)
def test_bad_suite_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "suite.json"
    if content is not None:
        path.write_text(content)
    with pytest.raises(GateError, match=message):
        run_gate([build_table(_records(1))], str(path))


def test_cli_gate_decides_the_exit_status(tmp_path):
    """`trial-audit audit --gate default`: duplicate IDs across files fail the run, a clean batch passes."""
    from typer.testing import CliRunner

    from tests.test_precommit import CLEAN as CLEAN_V2
    from trial_audit.cli.app import app

    def study(nct):
        doc = json.loads(json.dumps(CLEAN_V2))
        doc["protocolSection"]["identificationModule"]["nctId"] = nct
        return doc

    clean, dup = tmp_path / "clean", tmp_path / "dup"
    for folder, ids in ((clean, ["NCT01234567", "NCT07654321"]), (dup, ["NCT01234567", "NCT01234567"])):
        folder.mkdir()
        for i, nct in enumerate(ids):
            (folder / f"{i}.json").write_text(json.dumps(study(nct)))
    runner = CliRunner()
    args = ["--gate", "default", "--select", "TA0", "--fail-on", "never", "--format", "json", "--quiet"]
    ok = runner.invoke(app, ["audit", str(clean), "--out", str(tmp_path / "o1"), *args], catch_exceptions=False)
    gate = json.loads((tmp_path / "o1" / "report.json").read_text())["gate"]
    assert ok.exit_code == 0 and gate["success"] is True, [e for e in gate["expectations"] if not e["success"]]
    bad = runner.invoke(app, ["audit", str(dup), "--out", str(tmp_path / "o2"), *args], catch_exceptions=False)
    gate = json.loads((tmp_path / "o2" / "report.json").read_text())["gate"]
    assert bad.exit_code == 1 and gate["success"] is False
    failed = [e for e in gate["expectations"] if not e["success"]]
    assert [(e["expectation"], e["failed_records"]) for e in failed] == [("expect_column_values_to_be_unique", ["NCT01234567"])]


def test_cli_unusable_suite_is_a_usage_error(tmp_path):
    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    record = tmp_path / "r.json"
    record.write_text(json.dumps({"protocolSection": {"identificationModule": {"nctId": "NCT01234567", "briefTitle": "A"}}}))
    result = CliRunner().invoke(
        app, ["audit", str(record), "--select", "TA0", "--gate", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o"), "--quiet"]
    )
    assert result.exit_code == 2 and "no such file" in result.output
