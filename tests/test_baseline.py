"""Baselines: fingerprints stable across runs, file moves and unrelated edits; new defects reported."""

import json
import shutil

import pytest
from typer.testing import CliRunner

from trial_audit.core.model import Source, record_from_example
from trial_audit.engine.baseline import BaselineError, fingerprint_results, load_baseline, normalise_evidence, write_baseline
from trial_audit.engine.runner import RunOptions, audit_items

# TA01x only: these tests are about the baseline machinery, not about other rule families
OPTIONS = dict(select=["TA010", "TA011"])


def _run(examples, path="batch/records.json", baseline=None):
    records = []
    for i, ex in enumerate(examples):
        r = record_from_example(ex)
        r.source = Source(path=path, format="ctgov-v2", index=i)
        records.append(r)
    return audit_items(records, RunOptions(baseline=str(baseline) if baseline else None, **OPTIONS))


def _active(report):
    return [(r.id, f.rule, f.evidence.text) for r in report.records for f in r.findings if not f.suppressed]


DEFECTIVE = [
    {"nct_id": "NCT0123456", "brief_title": "First"},
    {"nct_id": "NCT02345678", "overall_status": "DONE", "phases": ["PHASE7", "PHASE2", "PHASE7"]},
]


def test_round_trip_all_suppressed_and_counted(tmp_path):
    base = tmp_path / "baseline.json"
    report = _run(DEFECTIVE)
    assert report.failing()
    assert write_baseline(report, base) == 4
    again = _run(DEFECTIVE, baseline=base)
    assert _active(again) == []
    assert again.summary()["suppressed"] == 4 and again.summary()["findings"] == 0
    assert not again.failing()
    assert all(f.fingerprint for f in again.all_findings(include_suppressed=True))


def test_new_defect_in_a_baselined_record_is_the_only_one_reported(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(_run(DEFECTIVE), base)
    changed = [dict(DEFECTIVE[0]), dict(DEFECTIVE[1])]
    changed[0]["sex"] = "WOMEN"  # a new defect
    changed[1]["phases"] = ["PHASE7", "PHASE2", "PHASE7", "PHASE7"]  # a third occurrence of a known one
    report = _run(changed, baseline=base)
    assert sorted(_active(report)) == [("NCT0123456", "TA011", "WOMEN"), ("NCT02345678", "TA011", "PHASE7")]
    assert report.failing()


def test_moved_file_still_suppressed(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(_run(DEFECTIVE, path="incoming/2025/records.json"), base)
    assert _active(_run(DEFECTIVE, path="archive/renamed.ndjson", baseline=base)) == []


def test_unrelated_edit_of_the_same_record_still_suppressed(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(_run(DEFECTIVE), base)
    edited = [{**DEFECTIVE[0], "brief_title": "A completely new title", "criteria": "Inclusion Criteria:\n* adults"}, DEFECTIVE[1]]
    assert _active(_run(edited, baseline=base)) == []


def test_fixing_one_of_two_repeats_keeps_the_other_suppressed(tmp_path):
    base = tmp_path / "baseline.json"
    write_baseline(_run(DEFECTIVE), base)
    fixed = [DEFECTIVE[0], {**DEFECTIVE[1], "phases": ["PHASE7", "PHASE2"]}]
    assert _active(_run(fixed, baseline=base)) == []


def test_fingerprints_deterministic_and_specific():
    a, b = _run(DEFECTIVE), _run(DEFECTIVE)
    fa = [f.fingerprint for f in a.all_findings()]
    fingerprint_results(a.records)
    fingerprint_results(b.records)
    fa = [f.fingerprint for f in a.all_findings()]
    assert fa == [f.fingerprint for f in b.all_findings()]
    assert len(set(fa)) == len(fa) == 4


def test_evidence_normalisation_keeps_digits():
    assert normalise_evidence("  Phase\u00a07 \n") == normalise_evidence("PHASE 7") == "phase 7"
    assert normalise_evidence("Visit 2") != normalise_evidence("Visit 3")
    assert normalise_evidence(None) == ""


def test_baseline_file_is_readable_for_humans(tmp_path):
    base = tmp_path / "b.json"
    write_baseline(_run(DEFECTIVE), base)
    doc = json.loads(base.read_text())
    assert doc["tool"] == "trial-audit" and doc["count"] == 4
    entry = doc["findings"][0]
    assert set(entry) == {"fingerprint", "rule", "record", "field", "evidence", "message"}
    assert "path" not in json.dumps(doc)


def test_missing_or_foreign_baseline_is_a_clear_error(tmp_path):
    with pytest.raises(BaselineError, match="no such file"):
        load_baseline(tmp_path / "nope.json")
    (tmp_path / "x.json").write_text('{"something": 1}')
    with pytest.raises(BaselineError, match="not a trial-audit baseline"):
        load_baseline(tmp_path / "x.json")


def _v2(nct, status="COMPLETED", title="A Study"):
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": title},
            "statusModule": {"overallStatus": status},
        }
    }


def test_cli_round_trip(tmp_path):
    from trial_audit.cli.app import app

    runner = CliRunner()
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.json").write_text(json.dumps(_v2("NCT0123456")))
    base = tmp_path / "baseline.json"
    sel = ["--select", "TA010,TA011"]
    r = runner.invoke(app, ["baseline", str(src), "-o", str(base), *sel], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    out = ["--out", str(tmp_path / "rep"), "--quiet", "--format", "json"]
    r = runner.invoke(app, ["audit", str(src), "--baseline", str(base), *sel, *out], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    summary = json.loads((tmp_path / "rep" / "report.json").read_text())["summary"]
    assert summary["suppressed"] == 1 and summary["findings"] == 0
    # moved: still suppressed
    moved = tmp_path / "elsewhere"
    shutil.move(str(src), str(moved))
    r = runner.invoke(app, ["audit", str(moved), "--baseline", str(base), *sel, *out], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    # a new defect: reported, exit 1
    (moved / "a.json").write_text(json.dumps(_v2("NCT0123456", status="FINISHED")))
    r = runner.invoke(app, ["audit", str(moved), "--baseline", str(base), *sel, *out], catch_exceptions=False)
    assert r.exit_code == 1
    summary = json.loads((tmp_path / "rep" / "report.json").read_text())["summary"]
    assert summary["suppressed"] == 1 and summary["findings_by_rule"] == {"TA011": 1}


def _report_with(fields_and_texts):
    from trial_audit.core.findings import Category, Evidence, Finding, Severity
    from trial_audit.core.report import AUDITED, RecordResult, Report

    findings = [
        Finding("TA501", "x", Category.PEOPLE, Severity.WARNING, "m", field=field, evidence=Evidence(field, text, 0, len(text)))
        for field, text in fields_and_texts
    ]
    return Report(records=[RecordResult("NCT01234567", Source("a.json"), "ctgov-v2", AUDITED, findings)])


def test_list_indices_do_not_enter_the_fingerprint():
    before = _report_with([("locations[1].city", "Lyn"), ("locations[2].city", "Lyn")])
    after = _report_with([("locations[2].city", "Lyn"), ("locations[3].city", "Lyn"), ("locations[4].city", "Pariss")])
    fingerprint_results(before.records)
    fingerprint_results(after.records)
    old = {f.fingerprint for f in before.all_findings()}
    new = [f.fingerprint in old for f in after.all_findings()]
    assert new == [True, True, False]


def test_cli_missing_baseline_is_a_usage_error(tmp_path):
    from trial_audit.cli.app import app

    record = tmp_path / "r.json"
    record.write_text(json.dumps(_v2("NCT01234567")))
    result = CliRunner().invoke(
        app, ["audit", str(record), "--select", "TA0", "--baseline", str(tmp_path / "nope.json"), "--out", str(tmp_path / "o"), "--quiet"]
    )
    assert result.exit_code == 2 and "no such file" in result.output
