"""SARIF 2.1.0: valid against the official schema, rules from the docs, evidence located in the file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import SEEDS
from trial_audit.core.findings import Category, Evidence, Finding, Severity
from trial_audit.core.model import Source
from trial_audit.core.report import AUDITED, RecordResult, Report, RuleInfo
from trial_audit.reports._sample import sample_report
from trial_audit.reports.sarif import build_sarif

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def assert_valid(validator, log) -> None:
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors[:5]


def test_sample_sarif_is_valid(validator):
    log = build_sarif(sample_report(80))
    assert_valid(validator, log)
    assert log["version"] == "2.1.0"


def test_seeds_sarif_is_valid_and_mostly_located(validator, monkeypatch):
    from trial_audit.engine.runner import RunOptions, audit_paths

    monkeypatch.chdir(SEEDS.parent)
    report = audit_paths([Path("seeds")], RunOptions())
    log = build_sarif(report)
    assert_valid(validator, log)
    results = log["runs"][0]["results"]
    assert results, "the seeds have findings"
    located = [r for r in results if r["properties"]["located"] == "evidence"]
    # a located region must hold the evidence (or its escaped form) at that line and column
    for r in located:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        lines = (SEEDS.parent / loc["artifactLocation"]["uri"]).read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
        region = loc["region"]
        got = lines[region["startLine"] - 1][region["startColumn"] - 1 :]
        assert got.startswith(region["snippet"]["text"].split("\n")[0])
    assert len(located) >= len(results) // 2


def test_rules_metadata_comes_from_the_docs(validator):
    report = sample_report(10)
    driver = build_sarif(report)["runs"][0]["tool"]["driver"]
    by_id = {r["id"]: r for r in driver["rules"]}
    for info in report.rules:
        d = by_id[info.code]
        assert d["shortDescription"]["text"] == info.summary
        assert d["fullDescription"]["text"] == info.doc and d["help"]["text"] == info.doc
        assert d["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning", "info": "note"}[info.severity]
    assert driver["rules"][0]["id"] == report.rules[0].code
    results = build_sarif(report)["runs"][0]["results"]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def _one(tmp_path: Path, file_text: str, field_text: str, quote: str, name="study.json", **src) -> dict:
    path = tmp_path / name
    path.write_text(file_text, encoding="utf-8")
    start = field_text.index(quote)
    rec = RecordResult(
        "NCT01234567",
        Source(str(path), "ctgov-v2", **src),
        "ctgov-v2",
        AUDITED,
        [
            Finding(
                "TA201",
                "age-x",
                Category.AGE,
                Severity.ERROR,
                "ages disagree",
                field="criteria",
                evidence=Evidence.span("criteria", field_text, start, start + len(quote)),
                related=[Evidence("maximum_age", "65 Years", 0, 8)],
                suggestion="fix it",
            )
        ],
        texts={"criteria": field_text, "maximum_age": "65 Years"},
    )
    report = Report(records=[rec], rules=[RuleInfo("TA201", "age-x", "age", "error", "s", "d")])
    return build_sarif(report)


def test_evidence_is_located_in_a_json_source_through_its_escaping(tmp_path, validator):
    criteria = 'Inclusion Criteria:\n\n* Age \\> 18 "adults"\n* Women aged 18 to 74 years, café'
    doc = {"protocolSection": {"eligibilityModule": {"eligibilityCriteria": criteria, "maximumAge": "65 Years"}}}
    file_text = json.dumps(doc, indent=2)  # ensure_ascii: 'café' is written caf\u00e9
    log = _one(tmp_path, file_text, criteria, "18 to 74")
    assert_valid(validator, log)
    res = log["runs"][0]["results"][0]
    region = res["locations"][0]["physicalLocation"]["region"]
    line = file_text.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "18 to 74"
    assert res["properties"]["located"] == "evidence"
    # the related evidence is located too
    rel = res["relatedLocations"][0]["physicalLocation"]["region"]
    assert file_text.split("\n")[rel["startLine"] - 1][rel["startColumn"] - 1 :].startswith("65 Years")


def test_evidence_after_escaped_characters_gets_the_right_column(tmp_path):
    criteria = 'say "hi" \\> then 18 to 74'
    file_text = json.dumps({"c": criteria})
    log = _one(tmp_path, file_text, criteria, "18 to 74")
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert file_text[region["startColumn"] - 1 : region["endColumn"] - 1] == "18 to 74"


def test_unlocatable_evidence_falls_back_to_the_record_line(tmp_path, validator):
    log = _one(tmp_path, "nothing here\n", "Women aged 18 to 74", "18 to 74", line=1)
    assert_valid(validator, log)
    res = log["runs"][0]["results"][0]
    assert res["properties"]["located"] == "record"
    assert res["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_ambiguous_evidence_in_a_multi_record_file_is_not_guessed(tmp_path):
    text = json.dumps({"studies": [{"c": "aged 18 to 74"}, {"c": "aged 18 to 74"}]})
    log = _one(tmp_path, text, "aged 18 to 74", "18 to 74", index=1)
    assert log["runs"][0]["results"][0]["properties"]["located"] == "record"


def test_archive_members_keep_the_archive_path_and_name_the_member(tmp_path, validator):
    log = _one(tmp_path, "PK", "aged 18 to 74", "18 to 74", name="batch.zip", member="a/NCT01234567.json")
    assert_valid(validator, log)
    loc = log["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("batch.zip")
    assert loc["properties"]["archiveMember"] == "a/NCT01234567.json"


def test_suppressed_findings_carry_a_baseline_suppression(validator):
    report = sample_report(60)
    log = build_sarif(report)
    assert_valid(validator, log)
    sup = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert len(sup) == report.summary()["suppressed"] > 0
    assert all(r["suppressions"] == [{"kind": "external", "justification": "baseline"}] for r in sup)
    fps = [r["partialFingerprints"]["trialAuditFinding/v1"] for r in log["runs"][0]["results"]]
    assert len(set(fps)) == len(fps)
    # the baseline's own fingerprint is used where the finding has one
    marked = {f.fingerprint for r in report.records for f in r.findings if f.fingerprint}
    assert marked <= set(fps)


def test_a_normalised_registry_enum_is_located_in_its_display_form(tmp_path, validator):
    path = tmp_path / "page.txt"
    path.write_text("Trial NCT01234567\n\nNot yet recruiting\n\nThe study is not yet recruiting.\n", encoding="utf-8")
    rec = RecordResult(
        "NCT01234567",
        Source(str(path), "page-text"),
        "page-text",
        AUDITED,
        [
            Finding(
                "TA406",
                "status-x",
                Category.STATUS,
                Severity.ERROR,
                "status contradicts dates",
                field="overall_status",
                evidence=Evidence.whole("overall_status", "NOT_YET_RECRUITING"),
            )
        ],
        texts={"overall_status": "NOT_YET_RECRUITING"},
    )
    log = build_sarif(Report(records=[rec]))
    assert_valid(validator, log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["snippet"]["text"]) == (3, 1, "Not yet recruiting")
