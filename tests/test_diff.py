"""`trial-audit diff OLD NEW` and `diff --history`: the history rules (TA480-TA486) on versions
built from real records, counts that add up, evidence that quotes both versions.

The versions are real records (tests/data/registry) with the fields the registry's history shows
changing set to other values - each test says which - since the API v2 serves no history that a
test could copy; NCT03475563's primary outcome serves as a real replacement outcome.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.fetch_server import DATA, RegistryServer, ServerState, real_studies
from trial_audit.cli.app import app
from trial_audit.cli.diff import PairCounts, paired_items, version_rules
from trial_audit.core.model import TrialRecord
from trial_audit.readers.base import Unreadable
from trial_audit.readers.registry_api import FetchSettings

runner = CliRunner()
NCT = "NCT03418623"  # completed, actual start 2018-03-08, actual enrollment 24


def _real(nct: str = NCT) -> dict[str, Any]:
    return json.loads((DATA / f"{nct}.json").read_text(encoding="utf-8"))


def _status(study: dict[str, Any]) -> dict[str, Any]:
    return study["protocolSection"]["statusModule"]


def _edited_versions() -> tuple[dict[str, Any], dict[str, Any]]:
    """The real record (OLD), and a later version (NEW) with each history rule's field changed."""
    old = _real()
    new = copy.deepcopy(old)
    p = new["protocolSection"]
    _status(new)["overallStatus"] = "RECRUITING"  # TA484: completed -> recruiting
    _status(new)["completionDateStruct"] = {"date": "2021-01-15", "type": "ACTUAL"}  # TA482: actual 2020-03-13 moved
    _status(new)["lastUpdatePostDateStruct"] = {"date": "2021-02-01", "type": "ACTUAL"}
    p["designModule"]["enrollmentInfo"] = {"count": 20, "type": "ACTUAL"}  # TA483: 24 -> 20 after completion
    p["outcomesModule"]["primaryOutcomes"] = _real("NCT03475563")["protocolSection"]["outcomesModule"]["primaryOutcomes"][:1]  # TA480
    criteria = p["eligibilityModule"]["eligibilityCriteria"]
    first = criteria.split("\n", 1)[0]
    p["eligibilityModule"]["eligibilityCriteria"] = criteria + "\n* Able to attend every study visit"  # TA485
    p["eligibilityModule"]["eligibilityCriteria"] = p["eligibilityModule"]["eligibilityCriteria"].replace(first, "  " + first, 1)
    old["hasResults"], new["hasResults"] = True, False  # TA486
    _status(old)["resultsFirstPostDateStruct"] = {"date": "2020-10-08", "type": "ACTUAL"}
    return old, new


def _write(tmp_path: Path, name: str, study: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(study), encoding="utf-8")
    return path


def _diff(args: list[str], out: Path, env: dict[str, str] | None = None):
    return runner.invoke(
        app, ["diff", *args, "-f", "json,md,sarif", "-q", "--fail-on", "never", "--as-of", "2026-11-27", "--out", str(out)], env=env
    )


def test_every_history_rule_compares_versions_and_only_they_run_by_default():
    assert version_rules() == ["TA480", "TA481", "TA482", "TA483", "TA484", "TA485", "TA486"]


def test_diff_reports_each_change_with_both_versions_quoted(tmp_path):
    old, new = _edited_versions()
    out = tmp_path / "r"
    result = _diff([str(_write(tmp_path, "old.json", old)), str(_write(tmp_path, "new.json", new))], out)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    [rec] = report["records"]
    by_rule: dict[str, list[dict[str, Any]]] = {}
    for f in rec["findings"]:
        by_rule.setdefault(f["rule"], []).append(f)
    assert sorted(by_rule) == ["TA480", "TA482", "TA483", "TA484", "TA485", "TA486"]
    assert len(by_rule["TA480"]) == 2  # the original outcome removed, the new one added
    for findings in by_rule.values():
        for f in findings:
            [before] = f["related"]
            assert before["field"].startswith("extra.previous.")
            for quoted in (before, {**f["evidence"], "field": f["field"]}):  # both versions' texts are in the report
                assert quoted["field"] in rec["texts"] or quoted["text"] == ""  # "" : the version has no value
    status = by_rule["TA484"][0]
    assert status["evidence"]["text"] == "RECRUITING" and status["related"][0]["text"] == "COMPLETED"
    assert "from 2020-03-13 to 2021-01-15" in by_rule["TA482"][0]["message"] and "about 10 months later" in by_rule["TA482"][0]["message"]
    assert "from 24 to 20 (-4)" in by_rule["TA483"][0]["message"]
    eligibility = by_rule["TA485"][0]
    assert "1 passage changed" in eligibility["message"]  # the added line; the re-indented one is not a change
    assert eligibility["evidence"]["text"] == "* Able to attend every study visit"
    assert "version of 2021-02-01" in status["message"]


def test_the_same_version_twice_has_no_history_finding(tmp_path):
    path = DATA / f"{NCT}.json"
    out = tmp_path / "r"
    result = _diff([str(path), str(path)], out)
    assert result.exit_code == 0
    report = json.loads((out / "report.json").read_text())
    assert report["summary"]["findings"] == 0 and report["summary"]["audited"] == 1


def test_pairing_by_id_counts_add_up_across_folders(tmp_path):
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir(), new_dir.mkdir()
    studies = real_studies()
    for nct in ("NCT00973089", "NCT03418623", "NCT04207047"):  # NCT04207047 only in OLD
        _write(old_dir, f"{nct}.json", studies[nct])
    for nct in ("NCT03418623", "NCT00973089", "NCT06171568"):  # NCT06171568 only in NEW; another order
        _write(new_dir, f"x-{nct}.json", studies[nct])
    (new_dir / "broken.json").write_text("{", encoding="utf-8")
    counts = PairCounts()
    items = list(paired_items([str(old_dir)], [str(new_dir)], FetchSettings(cache_dir=None), None, counts))
    records = [i for i in items if isinstance(i, TrialRecord)]
    unreadable = [i for i in items if isinstance(i, Unreadable)]
    assert sorted(r.nct_id for r in records) == ["NCT00973089", "NCT03418623", "NCT06171568"]
    assert (counts.paired, counts.only_new, counts.only_old) == (2, 1, 1)
    assert sorted(u.record_id or "" for u in unreadable) == ["", "NCT04207047"]
    assert any("only in OLD" in u.reason for u in unreadable)
    assert sum(isinstance(r.extra.get("previous"), TrialRecord) for r in records) == 2


def _history_versions() -> list[tuple[str, dict[str, Any]]]:
    """Four versions of NCT03418623, built from the real (last) one: registered before the start,
    then recruiting, then its primary completion moved, then the real completed record."""
    final = _real()
    v0 = copy.deepcopy(final)
    _status(v0).update(
        overallStatus="NOT_YET_RECRUITING",
        startDateStruct={"date": "2018-02", "type": "ESTIMATED"},
        primaryCompletionDateStruct={"date": "2019-06", "type": "ESTIMATED"},
        completionDateStruct={"date": "2019-06", "type": "ESTIMATED"},
    )
    v0["protocolSection"]["designModule"]["enrollmentInfo"] = {"count": 30, "type": "ESTIMATED"}
    v1 = copy.deepcopy(v0)
    _status(v1).update(overallStatus="RECRUITING", startDateStruct={"date": "2018-03-08", "type": "ACTUAL"})
    v2 = copy.deepcopy(v1)
    _status(v2).update(
        primaryCompletionDateStruct={"date": "2020-03", "type": "ESTIMATED"}, completionDateStruct={"date": "2020-03", "type": "ESTIMATED"}
    )
    return [("2018-01-20", v0), ("2018-03-12", v1), ("2019-05-30", v2), ("2020-10-08", final)]


def test_history_fetches_every_version_and_audits_each_change(tmp_path):
    state = ServerState(studies=real_studies(), versions={NCT: _history_versions()})
    with RegistryServer(state) as server:
        out = tmp_path / "r"
        env = {"TRIAL_AUDIT_CACHE_DIR": ""}
        result = _diff(["--history", NCT.lower(), "NCT09999999", "--registry-url", server.url], out, env=env)
        assert result.exit_code == 0, result.output
        paths = [r for r in server.state.requests if "/api/int/" in r]
    assert paths[0] == f"/api/int/studies/{NCT}/history" and len(paths) == 1 + 4 + 1
    report = json.loads((out / "report.json").read_text())
    records = report["records"]
    assert len(records) == 3 + 1  # three changes of four versions, and the unknown study
    assert report["summary"]["unreadable"] == 1 and "version history" in records[-1]["findings"][0]["message"]
    sources = [r["source"]["path"] for r in records[:3]]
    assert [s.rsplit("/", 1)[1] for s in sources] == ["1", "2", "3"]
    rules = [[f["rule"] for f in r["findings"]] for r in records[:3]]
    assert rules[0] == ["TA481"]  # v1: the anticipated start (2018-02) moved a month later when it happened
    assert rules[1] == ["TA481", "TA481"]  # primary completion and completion moved about 9 months later
    assert "TA483" not in rules[2] and "TA484" not in rules[2]  # anticipated -> actual enrollment, forward status
    assert all(r["source"].get("fetched") for r in records)


def test_history_of_a_registry_that_cannot_be_reached_is_exit_2(tmp_path):
    result = _diff(["--history", NCT, "--registry-url", "http://127.0.0.1:9/api/v2"], tmp_path / "r", env={"TRIAL_AUDIT_CACHE_DIR": ""})
    assert result.exit_code == 2 and "could not be reached" in result.output


@pytest.mark.parametrize("args, problem", [(["only-one.json"], "two inputs"), (["--history", "x.json"], "takes NCT IDs")])
def test_diff_usage_errors(tmp_path, args, problem):
    result = _diff(args, tmp_path / "r")
    assert result.exit_code == 2 and problem in result.output


def test_diff_with_a_fetched_new_version(tmp_path):
    old, _ = _edited_versions()
    _status(old)["overallStatus"] = "ACTIVE_NOT_RECRUITING"
    old_path = _write(tmp_path, "old.json", old)
    with RegistryServer() as server:
        out = tmp_path / "r"
        result = _diff([str(old_path), NCT, "--registry-url", server.url], out, env={"TRIAL_AUDIT_CACHE_DIR": ""})
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    [rec] = report["records"]
    assert rec["source"]["path"].endswith(f"/studies/{NCT}")
    assert {f["rule"] for f in rec["findings"]} == {"TA486"}  # had results in OLD; the fetched record says none


# --- real version pairs: the same study in two exports of ../shared/data (tune part) ----------------


def _pair(old: dict[str, Any], new: dict[str, Any]) -> TrialRecord:
    from trial_audit.core.model import record_from_example

    return record_from_example({**new, "extra": {"previous": old}})


def _history_findings(record: TrialRecord) -> list[Any]:
    from trial_audit.engine.registry import Context, load_rules

    rules = load_rules()
    return [f for code in version_rules() for f in rules[code]().check(record, Context())]


def test_a_measure_with_its_description_appended_is_the_same_outcome():
    # NCT04111133: ctgov-v2-bulk gives the measure "Survival"; the later search-page CSV export
    # (ctgov-csv) writes "Survival, All cause mortality to be assessed, 12 months" (measure,
    # description, time frame). Reported as removed + added before the fix.
    record = _pair(
        {"primary_outcomes": ["Survival"], "dates": {"start": ["2020-01-01", "ACTUAL"]}},
        {"primary_outcomes": ["Survival, All cause mortality to be assessed, 12 months"], "dates": {"start": ["2020-01-01", "ACTUAL"]}},
    )
    assert _history_findings(record) == []


def test_a_version_that_lists_no_primary_outcome_is_not_compared():
    # NCT04855630: the CSV export's row has no primary outcome measures; the later v2 record lists
    # 15 ("Total Cholesterol Levels", "HbA1c Levels", ...). Each was reported as added before the fix.
    record = _pair(
        {"primary_outcomes": [], "dates": {"start": ["2023-03-01", "ACTUAL"]}},
        {"primary_outcomes": ["Total Cholesterol Levels", "HbA1c Levels"], "dates": {"start": ["2023-03-01", "ACTUAL"]}},
    )
    assert _history_findings(record) == []


def test_outcomes_merged_into_a_new_composite_after_the_start_are_reported():
    # NCT06742723 (ctgov-v2-bulk, last update 2025-07-02 -> ctgov-csv, 2026-02-19; started 2025-03-03):
    # three primary outcomes replaced by one composite that adds heart failure events.
    before = [
        "To determine whether baxdrostat/dapagliflozin is superior to placebo/dapagliflozin in reducing the risk of the composite "
        "endpoint of ≥ 50% sustained decline in eGFR (estimated glomerular filtration rate)",
        "To determine whether baxdrostat/dapagliflozin is superior to placebo/dapagliflozin in reducing the risk of the composite "
        "endpoint of kidney failure",
    ]
    after = [
        "To determine if baxdrostat/dapagliflozin is superior to placebo/dapagliflozin in reducing the risk of the composite endpoint "
        "of ≥ 50% sustained decline in eGFR, kidney failure, Heart Failure events(HF), or CV death., Time to the first occurrence"
    ]
    record = _pair(
        {"primary_outcomes": before, "dates": {"start": ["2025-03-03", "ACTUAL"]}},
        {"primary_outcomes": after, "dates": {"start": ["2025-03-03", "ACTUAL"], "last_update_posted": "2026-02-19"}},
    )
    found = _history_findings(record)
    assert [f.rule for f in found] == ["TA480"] * 3
    assert sum("was added" in f.message for f in found) == 1 and sum("was removed" in f.message for f in found) == 2


def test_the_same_criteria_as_legacy_xml_text_and_as_v2_markdown_are_not_a_change():
    # NCT03418623's real criteria (v2 Markdown) against the same text as a legacy XML export writes it:
    # hard-wrapped at 70 columns, indented, "-" bullets, no Markdown escapes, numbers kept or dropped
    import textwrap

    v2 = _real()["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    xml_lines = []
    for line in v2.replace("\\>", ">").replace("\\<", "<").splitlines():
        bullet = line.lstrip().startswith("* ")
        body = line.lstrip()[2:] if bullet else line.strip()
        xml_lines.extend(textwrap.wrap(("- " if bullet else "") + body, 70, initial_indent="  ", subsequent_indent="    ") or [""])
    xml = "\n".join(xml_lines).replace(">=", "≥")
    assert xml != v2
    start = {"start": ["2018-03-08", "ACTUAL"]}
    record = _pair({"criteria": xml, "dates": start}, {"criteria": v2, "dates": start})
    assert _history_findings(record) == []
    changed = _pair({"criteria": xml, "dates": start}, {"criteria": v2.replace("Male", "Female", 1), "dates": start})
    [finding] = _history_findings(changed)
    assert finding.rule == "TA485" and "Female" in finding.evidence.text and "Male" in finding.related[0].text


def test_huge_criteria_never_reach_the_quadratic_matcher(monkeypatch):
    import difflib

    from trial_audit.checks import ta485_eligibility_changed_after_start as rule

    seen = []
    real = difflib.SequenceMatcher

    def bounded(isjunk, a, b, autojunk):
        seen.append((len(a), len(b)))
        return real(isjunk, a, b, autojunk)

    monkeypatch.setattr(rule.difflib, "SequenceMatcher", bounded)
    old = "Inclusion Criteria:\n" + "* a b a b a b\n" * 40_000  # 240,000 words, all alike (hostile to matching)
    new = "Inclusion Criteria:\n" + "* b a b a b a\n" * 40_000
    (o1, o2), (n1, n2), passages = rule._first_change(old, new)
    assert seen == [] and passages == 1 and new[n1:n2].startswith("* b a")
    # a small change inside a huge text: head and tail are cut off, the matcher sees the middle only
    changed = old.replace("* a b a b a b\n", "* a b a c a b\n", 1)
    assert rule._first_change(old, changed) is not None and all(max(x) <= rule.MAX_DIFF_TOKENS for x in seen)
