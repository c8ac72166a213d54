"""One record never takes the run down: every per-record stage isolates its failure.

Each stage that handles one record (reading and mapping, the batch table, the schema checks,
each rule, each writer's per-record part) turns a failure on that record into an error finding
that names the stage and the error; the other records are audited and reported as usual. A
fault of the tool itself exits with status 3 (not 0, 1 or 2), still writes the reports it can
and says where the full traceback is.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS
from trial_audit.cli.app import CRASH_EXIT, CRASH_LOG, app
from trial_audit.engine.runner import RunOptions, audit_paths

V2_SEED = SEEDS / "v2_NCT00973089.json"
CLASSIC_SEED = SEEDS / "classic_NCT04780763.json"


def _with_blank_std_age(tmp_path: Path) -> Path:
    """A folder with two good records and two whose age-group list holds an empty string.

    Found by the security pass: ``"stdAges": [""]`` (v2) and ``"StdAge": [""]`` (classic API)
    raised TypeError while the batch table was built and the whole run was lost.
    """
    folder = tmp_path / "in"
    folder.mkdir()
    v2 = json.loads(V2_SEED.read_text())
    v2["protocolSection"]["eligibilityModule"]["stdAges"] = [""]
    (folder / "a_v2_blank_std_age.json").write_text(json.dumps(v2))
    classic = json.loads(CLASSIC_SEED.read_text())
    elig = classic["FullStudiesResponse"]["FullStudies"][0]["Study"]["ProtocolSection"]["EligibilityModule"]
    elig["StdAgeList"]["StdAge"] = [""]
    (folder / "b_classic_blank_std_age.json").write_text(json.dumps(classic))
    (folder / "c_good.json").write_bytes((SEEDS / "v2_NCT03418623.json").read_bytes())
    (folder / "d_good.xml").write_bytes((SEEDS / "xml_NCT00581919.xml").read_bytes())
    return folder


def test_an_empty_std_age_does_not_end_the_run(tmp_path):
    folder = _with_blank_std_age(tmp_path)
    out = tmp_path / "out"
    args = ["audit", str(folder), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never", "--as-of", "2026-11-27"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["summary"]["records"] == 4
    assert report["summary"]["audited"] == 4
    # the batch table and the table rules ran for every record: the blank group is no crash
    assert "TA003" not in report["summary"]["findings_by_rule"]


def test_a_batch_table_failure_is_one_records_finding(monkeypatch, tmp_path):
    """Whatever breaks the batch table on one record breaks it for that record only."""
    import trial_audit.engine.table as table

    real = table.build_table

    def fragile(records):
        if any(r.nct_id == "NCT03418623" for r in records):
            raise TypeError("sequence item 0: expected str instance, NoneType found")
        return real(records)

    monkeypatch.setattr(table, "build_table", fragile)
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    by_id = {r.id: r for r in report.records}
    bad = [f for f in by_id["NCT03418623"].findings if f.rule == "TA003"]
    assert len(bad) == 1
    assert "batch table" in bad[0].message and "TypeError" in bad[0].message
    others = [r for r in report.records if r.id != "NCT03418623" and r.status == "audited"]
    assert others and not any(f.rule == "TA003" for r in others for f in r.findings)
    # the table rules still checked the other records (the schema rules found what they find)
    assert report.summary()["records"] == report.summary()["audited"] + report.summary()["unreadable"]


def test_a_failure_while_assembling_one_result_is_that_records_finding(monkeypatch):
    import trial_audit.engine.checker as checker

    real = checker._quoted_texts

    def fragile(record, *args):
        if record.nct_id == "NCT03418623":
            raise RecursionError("maximum recursion depth exceeded")
        return real(record, *args)

    monkeypatch.setattr(checker, "_quoted_texts", fragile)
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    (hit,) = [r for r in report.records if r.id == "NCT03418623"]
    assert hit.status == "audited"
    assert any(f.rule == "TA003" and "RecursionError" in f.message for f in hit.findings)
    assert all(not any(f.rule == "TA003" for f in r.findings) for r in report.records if r.id != "NCT03418623")


def test_a_writer_failure_on_one_record_keeps_the_others(monkeypatch, tmp_path):
    from trial_audit.core.report import RecordResult

    real = RecordResult.to_dict

    def fragile(self):  # a fault in one of this record's findings (the stand-in carries none of them)
        if self.id == "NCT03418623" and any(f.rule != "TA003" for f in self.findings):
            raise ValueError("cannot serialise this record")
        return real(self)

    monkeypatch.setattr(RecordResult, "to_dict", fragile)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(SEEDS), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    ids = [r["id"] for r in report["records"]]
    assert len(ids) == report["summary"]["records"] and "NCT03418623" in ids
    (hit,) = [r for r in report["records"] if r["id"] == "NCT03418623"]
    assert any(f["rule"] == "TA003" and "report" in f["message"] and "ValueError" in f["message"] for f in hit["findings"])


def test_a_crash_of_the_tool_exits_3_writes_the_reports_and_the_traceback(monkeypatch, tmp_path):
    import trial_audit.engine.runner as runner

    def broken_finalise(self, results):
        if any(r.id == "NCT03418623" for r in results):
            raise MemoryError("out of memory while storing results")
        return results

    monkeypatch.setattr(runner._Finaliser, "__call__", broken_finalise)
    real_batched = runner.batched
    monkeypatch.setattr(runner, "batched", lambda items, size: real_batched(items, 1))  # one record a batch
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(SEEDS), "-f", "json,md", "--out", str(out), "-q", "-j", "1", "--fail-on", "never"])
    assert result.exit_code == CRASH_EXIT == 3, result.output
    log = out / CRASH_LOG
    assert log.is_file() and "MemoryError" in log.read_text() and "Traceback" in log.read_text()
    assert str(log) in result.output.replace("\n", "")
    report = json.loads((out / "report.json").read_text())
    assert report["summary"]["records"] >= 1  # what was done before the crash is kept
    assert (out / "report.md").is_file()


@pytest.mark.parametrize("exit_code", [0, 1, 2])
def test_crash_exit_differs_from_the_ordinary_ones(exit_code):
    assert CRASH_EXIT != exit_code


@pytest.mark.parametrize("fmt", ["json", "csv", "md", "html", "sarif", "junit"])
def test_every_writer_isolates_one_records_fault(tmp_path, fmt):
    """A finding that no writer can format (its message cannot be turned into text) costs only
    its record's part of the report; the record is still listed, with an error naming the writer."""
    from trial_audit.core.findings import Finding
    from trial_audit.reports import load_writers

    report = audit_paths([SEEDS], RunOptions(jobs=1))
    victim = next(r for r in report.records if r.id == "NCT03418623")

    class Unprintable:
        def __str__(self):
            raise ValueError("message cannot be printed")

        __format__ = __repr__ = __str__  # type: ignore[assignment]

    first = victim.findings[0]
    victim.findings.append(Finding("TA120", "x", first.category, first.severity, Unprintable(), "criteria"))  # type: ignore[arg-type]
    w = load_writers()[fmt]
    target = tmp_path / w.filename
    w.write(report, target)  # does not raise
    out = target.read_text(encoding="utf-8-sig")
    assert "NCT03418623" in out and "NCT00973089" in out
    if fmt != "md":  # the Markdown table lists only its first rows
        assert f"writing the {fmt} report" in out


def test_an_absurd_enrollment_count_does_not_break_the_batch_table(tmp_path):
    """Found by benchmarks/fuzz_run.py (seed 1): ``"enrollmentInfo": {"count": 1e308}`` overflowed
    the table's Int64 column (OverflowError), so the table rules skipped that record."""
    study = json.loads(V2_SEED.read_text())
    study["protocolSection"]["designModule"]["enrollmentInfo"]["count"] = 1e308
    target = tmp_path / "huge_enrollment.json"
    target.write_text(json.dumps(study))
    (rec,) = list(audit_paths([target], RunOptions(jobs=1)).records)
    assert not [f for f in rec.findings if f.rule == "TA003"]


def test_a_table_rule_that_fails_on_one_row_fails_for_that_record_only(monkeypatch):
    """A schema (table) rule that raises because of one record is run again row by row: only
    that record gets the rule-failed finding; the others are checked by the rule as usual."""
    from trial_audit.engine.registry import RULES

    code = next(code for code, cls in RULES.items() if cls.scope == "table")
    real = RULES[code].check_table

    def fragile(self, table, ctx):
        if (table["nct_id"] == "NCT03418623").any():
            raise KeyError("a value this rule did not foresee")
        return real(self, table, ctx)

    monkeypatch.setattr(RULES[code], "check_table", fragile)
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    failed = {r.id for r in report.records for f in r.findings if f.rule == "TA003"}
    assert failed == {"NCT03418623"}
