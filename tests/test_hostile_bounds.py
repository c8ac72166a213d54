"""Bounds that keep a run linear in its input: field size, findings per rule, quoted text.

The security pass measured 50-80x the largest field in memory (a 50 MB criteria text took
2.5 GB) and reports that grew with every repetition of a problem. Fields over
``max_field_size`` are cut before the rules read them (TA708 says which and how long), a rule
lists at most ``max_findings_per_rule`` findings per record, and quotes end with a visible
"… (N more characters)".
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import SEEDS
from trial_audit.cli.app import app
from trial_audit.core.findings import Category, Evidence, Finding, Severity
from trial_audit.engine.bounds import cap_findings_per_rule, cap_quotes, cap_text, truncate_oversized_fields
from trial_audit.engine.registry import RULES
from trial_audit.engine.runner import RunOptions, audit_items
from trial_audit.readers import read_bytes

V2_SEED = SEEDS / "v2_NCT00973089.json"


def _v2_with(criteria: str) -> list:
    study = json.loads(V2_SEED.read_text())
    study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"] = criteria
    from trial_audit.core.model import Source

    return list(read_bytes(json.dumps(study).encode(), Source("big.json"), "big.json"))


def test_an_oversized_field_is_cut_for_analysis_with_a_finding():
    text = "Inclusion Criteria:\n\n* Adults\n\n" + "x" * 300_000
    report = audit_items(_v2_with(text), RunOptions(jobs=1, max_field_size=100_000))
    (rec,) = list(report.records)
    (cut,) = [f for f in rec.findings if f.rule == "TA708"]
    assert cut.field == "criteria" and cut.severity == Severity.ERROR
    assert f"{len(text):,}" in cut.message and "100,000" in cut.message and "max-field-size" in cut.message
    assert cut.evidence.end == 100_000 and cut.evidence.text == "x" * 80
    # the rules saw (and the report quotes) only the first 100,000 characters
    assert len(rec.texts.get("criteria", "")) <= 100_000 + 40


def test_the_field_bound_is_set_on_the_command_line(tmp_path):
    study = json.loads(V2_SEED.read_text())
    study["protocolSection"]["descriptionModule"]["briefSummary"] = "Summary. " * 2_000
    src = tmp_path / "long.json"
    src.write_text(json.dumps(study))
    out = tmp_path / "out"
    args = ["audit", str(src), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never", "--max-field-size", "5000"]
    assert CliRunner().invoke(app, args).exit_code == 0
    rules = [f["rule"] for r in json.loads((out / "report.json").read_text())["records"] for f in r["findings"]]
    assert rules.count("TA708") == 1


def test_truncation_reaches_nested_and_listed_text():
    from trial_audit.core.model import Location, Source, TrialRecord

    rec = TrialRecord(Source("x"), nct_id="NCT00000001", conditions=["ok", "y" * 50], locations=[Location(city="z" * 60)])
    cuts = truncate_oversized_fields(rec, 40)
    assert {c.field for c in cuts} == {"conditions[1]", "locations[0].city"}
    assert rec.conditions[1] == "y" * 40 and rec.locations[0].city == "z" * 40 and rec.conditions[0] == "ok"


def _finding(i: int, rule: str = "TA120") -> Finding:
    return Finding(rule, "x", Category.TEXT, Severity.WARNING, f"problem {i}", "criteria", Evidence("criteria", f"q{i}", i, i + 2))


def test_findings_of_one_rule_are_capped_with_one_closing_finding():
    findings = [_finding(i) for i in range(120)] + [_finding(0, "TA705")]
    kept = cap_findings_per_rule(findings, 50)
    assert len(kept) == 52
    closing = kept[-1]
    assert closing.rule == "TA120" and "70 more TA120 findings" in closing.message and "120" in closing.message
    assert closing.evidence.text == "q50"  # points at the first one left out


def test_the_cap_applies_in_a_run(monkeypatch):
    def many(self, record, ctx):
        for i in range(300):
            yield self.finding(f"repeat {i}", evidence=Evidence("criteria", "x", 0, 1))

    monkeypatch.setattr(RULES["TA120"], "check", many)
    study = json.loads(V2_SEED.read_text())
    from trial_audit.core.model import Source

    items = list(read_bytes(json.dumps(study).encode(), Source("a.json"), "a.json"))
    (rec,) = list(audit_items(items, RunOptions(jobs=1, max_findings_per_rule=10)).records)
    assert sum(f.rule == "TA120" for f in rec.findings) == 11
    (rec,) = list(audit_items(items, RunOptions(jobs=1, max_findings_per_rule=0)).records)
    assert sum(f.rule == "TA120" for f in rec.findings) == 300


def test_long_quotes_end_with_a_visible_count():
    assert cap_text("a" * 10, 4) == "aaaa… (6 more characters)"
    assert cap_text("short", 10) == "short"
    f = Finding("TA120", "x", Category.TEXT, Severity.WARNING, "m", "criteria", Evidence("criteria", "b" * 5000, 0, 5000))
    cap_quotes([f], 2000)
    assert f.evidence.text == "b" * 2000 + "… (3,000 more characters)"


def test_a_suggestion_that_rewrites_a_whole_field_is_capped_too():
    """Seen on a 50 MB criteria text: TA102's suggestion quoted the whole (cut) field, 2 MB in
    each report format for one record."""
    f = Finding("TA102", "x", Category.STRUCTURE, Severity.WARNING, "m" * 3000, "criteria", suggestion="s" * 10_000)
    cap_quotes([f], 2000)
    assert f.suggestion == "s" * 2000 + "… (8,000 more characters)"
    assert f.message.endswith("… (1,000 more characters)")


def test_report_size_per_record_is_bounded_for_a_huge_field(tmp_path):
    text = "Inclusion Criteria:\n\n" + "* Adults aged 18 to 65 years with asthma\n" * 25_000  # ~1 MB
    report = audit_items(_v2_with(text), RunOptions(jobs=1))
    from trial_audit.reports.json_report import to_json_bytes

    body = to_json_bytes(report)
    assert len(body) < 300_000, len(body)  # the field is ~1 MB; its report stays a fraction of it
