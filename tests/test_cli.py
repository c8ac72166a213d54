"""The command line end to end: exit codes, defaults, selection, and counts that add up."""

import json

from typer.testing import CliRunner

from tests.conftest import ROOT
from trial_audit.cli.app import app

runner = CliRunner()

V2_STUDY = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study"},
        "statusModule": {"overallStatus": "COMPLETED"},
    }
}


def _run(args, cwd=None):
    return runner.invoke(app, args, catch_exceptions=False)


def test_rules_lists_every_registered_rule():
    from trial_audit.engine.registry import load_rules

    result = _run(["rules"])
    assert result.exit_code == 0
    for code in load_rules():
        assert code in result.output


def test_explain_shows_why_and_examples():
    result = _run(["explain", "TA001"])
    assert result.exit_code == 0
    assert "unreadable-input" in result.output and "Why" in result.output


def test_explain_unknown_rule_is_usage_error():
    result = _run(["explain", "TA999"])
    assert result.exit_code == 2


def test_missing_input_is_usage_error(tmp_path):
    result = _run(["audit", str(tmp_path / "nope.json"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2


def test_unknown_selector_is_usage_error(tmp_path):
    f = tmp_path / "s.json"
    f.write_text(json.dumps(V2_STUDY))
    result = _run(["audit", str(f), "--select", "ZZ9", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "ZZ9" in result.output


def test_no_readable_input_exits_2_but_still_reports(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"protocolSection": ')
    out = tmp_path / "out"
    result = _run(["audit", str(bad), "--format", "json", "--out", str(out), "-q"])
    assert result.exit_code == 2
    report = json.loads((out / "report.json").read_text())
    assert report["summary"]["records"] == 1
    assert report["summary"]["unreadable"] == 1
    [rec] = report["records"]
    assert rec["status"] == "unreadable"
    assert rec["findings"][0]["rule"] == "TA001"


def test_counts_add_up_with_bad_and_good_input(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(V2_STUDY))
    (tmp_path / "broken.json").write_text("{ not json")
    (tmp_path / "noid.json").write_text(json.dumps({"protocolSection": {"identificationModule": {}}}))
    out = tmp_path / "out"
    result = _run(["audit", str(tmp_path), "--format", "json", "--out", str(out), "-q", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    s = json.loads((out / "report.json").read_text())["summary"]
    assert s["records"] == s["audited"] + s["unreadable"]
    assert s["audited"] == 1 and s["unreadable"] == 2


def test_files_a_folder_walk_does_not_read_are_named(tmp_path):
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "good.json").write_text(json.dumps(V2_STUDY))
    (data / "sub" / "studies.json.gz").write_bytes(b"\x1f\x8b")
    (data / "notes.tsv").write_text("a\tb")
    (data / ".DS_Store").write_bytes(b"\x00")  # hidden: never input, named with its reason
    (data / "README.md").write_text("# what these files are")  # documentation: named with its reason
    result = _run(["audit", str(data), "--format", "json", "--out", str(tmp_path / "out"), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "note: 4 files, folders or archive members were not read" in out
    assert "not a record file type (.gz): 1" in out and "not a record file type (.tsv): 1" in out
    assert "hidden (name starts with '.'): 1" in out and "documentation, code or settings: 1" in out
    for name in (".DS_Store", "README.md", "notes.tsv", "studies.json.gz"):
        assert name in out
    for name in (".DS_Store", "README.md", "notes.tsv", "sub/studies.json.gz"):
        (data / name).unlink()
    result = _run(["audit", str(data), "--format", "json", "--out", str(tmp_path / "out"), "--fail-on", "never"])
    assert "not read" not in result.output


def test_fail_on_controls_exit_status(tmp_path):
    (tmp_path / "broken.json").write_text("{ not json")
    (tmp_path / "good.json").write_text(json.dumps(V2_STUDY))
    out = tmp_path / "out"
    # the unreadable file is an error-severity finding
    assert _run(["audit", str(tmp_path), "--out", str(out), "-q"]).exit_code == 1
    assert _run(["audit", str(tmp_path), "--out", str(out), "-q", "--fail-on", "never"]).exit_code == 0


def test_default_run_audits_bundled_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    result = _run(["audit", "--out", str(out), "--format", "json,md", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    ids = {r["id"] for r in report["records"]}
    assert "NCT06361745" in ids  # the seed page
    assert report["summary"]["unreadable"] == 0
    seed = next(r for r in report["records"] if r["id"] == "NCT06361745")
    # every quoted field comes with its full text and where it is in the source
    assert seed["paths"]["criteria"] == "page:Eligibility criteria"
    for f in seed["findings"]:
        ev = f["evidence"]
        if f["field"] in seed["texts"] and ev["end"] > ev["start"]:
            assert seed["texts"][f["field"]][ev["start"] : ev["end"]] == ev["text"]
    assert (out / "report.md").read_text().startswith("## trial-audit report")
    # the sample's own package files (SOURCES.md, __init__.py) are not the user's input: no note about them
    assert "not read" not in result.output


def test_select_and_ignore_by_code_prefix_and_category():
    from trial_audit.engine.registry import select_rules

    everything = {r.code for r in select_rules()}
    only_input = {r.code for r in select_rules(["input"])}
    assert only_input == {c for c in everything if c.startswith("TA00")}
    assert {r.code for r in select_rules(["TA0"], ["TA002"])} == {c for c in everything if c.startswith("TA0")} - {"TA002"}


def test_config_file_is_used_and_unknown_keys_rejected(tmp_path, monkeypatch):
    (tmp_path / "s.json").write_text(json.dumps(V2_STUDY))
    (tmp_path / "trial-audit.toml").write_text('select = ["TA0"]\nfail-on = "never"\nbogus = 1\n')
    monkeypatch.chdir(tmp_path)
    result = _run(["audit", "s.json", "--out", "out", "-q"])
    assert result.exit_code == 2
    assert "bogus" in result.output


def test_configured_vocabulary_extends_the_scope_rules(tmp_path, monkeypatch):
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT07654321", "briefTitle": "An Asthma Study"},
            "statusModule": {"overallStatus": "COMPLETED"},
            "conditionsModule": {"conditions": ["Asthma"]},
            "eligibilityModule": {
                "eligibilityCriteria": "Inclusion Criteria:\n\n* Adults\n* Positive ZETA-42 antibody\n\nExclusion Criteria:\n\n* Smokers"
            },
        }
    }
    (tmp_path / "s.json").write_text(json.dumps(study))
    (tmp_path / "extra.toml").write_text(
        '[[marker]]\nconcepts = ["sle"]\nkind = "antibody"\nlabel = "ZETA-42 antibody"\npatterns = ["ZETA-42"]\n'
    )
    monkeypatch.chdir(tmp_path)
    args = ["audit", "s.json", "--select", "TA301", "--format", "json", "--out", "out", "-q", "--fail-on", "never"]
    assert _run(args).exit_code == 0
    assert json.loads((tmp_path / "out" / "report.json").read_text())["summary"]["findings_by_rule"] == {}
    (tmp_path / "trial-audit.toml").write_text('vocabulary = ["extra.toml"]\n')
    assert _run(args).exit_code == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    [finding] = report["records"][0]["findings"]
    assert finding["rule"] == "TA301" and "ZETA-42" in finding["evidence"]["text"]
    (tmp_path / "broken.toml").write_text("[[marker]\n")  # broken TOML: a usage error, not a traceback
    (tmp_path / "trial-audit.toml").write_text('vocabulary = ["broken.toml"]\n')
    result = _run(args)
    assert result.exit_code == 2 and "broken.toml" in result.output


def test_progress_bar_only_for_a_person_at_a_terminal(monkeypatch):
    import trial_audit.cli.app as cli

    monkeypatch.setattr(type(cli.err), "is_terminal", property(lambda self: True))
    monkeypatch.delenv("CI", raising=False)
    assert cli._progress_wanted(quiet=False)
    assert not cli._progress_wanted(quiet=True)
    monkeypatch.setenv("CI", "true")  # CI logs get nothing of it
    assert not cli._progress_wanted(quiet=False)
    monkeypatch.setattr(type(cli.err), "is_terminal", property(lambda self: False))
    monkeypatch.delenv("CI")
    assert not cli._progress_wanted(quiet=False)


def test_runner_reports_progress_per_batch(tmp_path):
    from trial_audit.engine.runner import RunOptions, audit_paths

    for i in range(5):
        study = json.loads(json.dumps(V2_STUDY))
        study["protocolSection"]["identificationModule"]["nctId"] = f"NCT0123456{i}"
        (tmp_path / f"s{i}.json").write_text(json.dumps(study))
    seen = []
    audit_paths([tmp_path], RunOptions(batch_size=2, jobs=1, progress=seen.append))
    assert seen == [2, 4, 5]
