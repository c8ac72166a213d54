"""Configuration: [tool.trial-audit] in pyproject.toml or trial-audit.toml, found upwards;
unknown keys are errors; command-line flags override the file."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from trial_audit.cli.config import ConfigError, find_config, load_config
from trial_audit.core.findings import Severity

runner = CliRunner()


def _v2(nct="NCT01234567", max_age=None, status="COMPLETED"):
    elig = {"maximumAge": max_age} if max_age else {}
    return {
        "protocolSection": {
            "identificationModule": {"nctId": nct, "briefTitle": "A Study"},
            "statusModule": {"overallStatus": status},
            "eligibilityModule": elig,
        }
    }


def _cli(args):
    from trial_audit.cli.app import app

    return runner.invoke(app, args, catch_exceptions=False)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with records/ and a nested working directory."""
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "warn.json").write_text(json.dumps(_v2(max_age="999 Years")))  # TA012 warning
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    return tmp_path


def test_pyproject_found_upwards(project):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.trial-audit]\nselect = ["TA01"]\nfail-on = "warning"\n')
    cfg = load_config()
    assert cfg.path == project / "pyproject.toml"
    assert cfg.select == ["TA01"] and cfg.fail_on == "warning"


def test_pyproject_without_the_table_is_skipped(project):
    (project / "a" / "pyproject.toml").write_text('[project]\nname = "inner"\n')
    (project / "trial-audit.toml").write_text('select = ["TA2"]\n')
    assert find_config(Path.cwd()) == project / "trial-audit.toml"


def test_nearest_file_wins_and_trial_audit_toml_first(project):
    (project / "trial-audit.toml").write_text('select = ["TA2"]\n')
    (project / "a" / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA4"]\n')
    assert load_config().select == ["TA4"]
    (project / "a" / "trial-audit.toml").write_text('[tool.trial-audit]\nselect = ["TA7"]\n')
    assert load_config().select == ["TA7"]


def test_no_config_is_empty(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cfg = load_config(start=tmp_path)
    assert cfg.path is None or cfg.path.parent not in (tmp_path, *tmp_path.parents[:1])


def test_values_and_paths_relative_to_the_file(project):
    (project / "trial-audit.toml").write_text(
        """
select = "TA1, TA2"
ignore = ["TA604"]
fail-on = "info"
as-of = 2025-11-14
gate = "default"
baseline = "ci/baseline.json"
gx-docs = "ci/gx"
out = "reports"
format = ["json", "sarif"]

[severity]
ta101 = "warning"

[per-record-ignores]
"NCT0636*" = ["TA301"]

[rule-options.TA405]
max-months-unverified = 12
"""
    )
    cfg = load_config()
    assert cfg.select == ["TA1", "TA2"] and cfg.ignore == ["TA604"] and cfg.fail_on == "info"
    assert cfg.as_of.iso() == "2025-11-14"
    assert cfg.gate == "default"  # not a path
    assert cfg.baseline == str(project / "ci" / "baseline.json") and cfg.gx_docs == str(project / "ci" / "gx")
    assert cfg.out == str(project / "reports") and cfg.format == ["json", "sarif"]
    assert cfg.severity == {"TA101": Severity.WARNING}
    assert cfg.per_record_ignores == [("NCT0636*", ["TA301"])]
    assert cfg.rule_options == {"TA405": {"max-months-unverified": 12}}


@pytest.mark.parametrize(
    "text,message",
    [
        ('[tool.trial-audit]\nselct = ["TA1"]\n', "'selct'"),
        ('[tool.trial-audit]\nfail-on = "sometimes"\n', "[tool.trial-audit], key 'fail-on'"),
        ('[tool.trial-audit]\nas-of = "last week"\n', "[tool.trial-audit], key 'as-of'"),
        ("[tool.trial-audit]\nselect = [1, 2]\n", "[tool.trial-audit], key 'select'"),
        ('[tool.trial-audit]\npaths = "records"\nmax-field-size = -1\n', "[tool.trial-audit], key 'max-field-size'"),
        ("[tool.trial-audit\n", "not valid TOML"),
        ('[tool.trial-audit.severity]\nTA101 = "fatal"\n', "[tool.trial-audit.severity], key 'TA101'"),
        ("[tool.trial-audit.rule-options]\nTA405 = 12\n", "[tool.trial-audit.rule-options], key 'TA405'"),
    ],
)
def test_bad_configuration_names_file_and_key(project, text, message):
    (project / "pyproject.toml").write_text(text)
    with pytest.raises(ConfigError) as e:
        load_config()
    assert message in str(e.value) and "pyproject.toml" in str(e.value)


def test_unknown_key_is_a_usage_error_on_the_command_line(project):
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA01"]\nfial-on = "warning"\n')
    result = _cli(["audit", str(project / "records"), "--out", str(project / "out"), "--quiet"])
    assert result.exit_code == 2
    assert "fial-on" in result.output and "pyproject.toml" in result.output


def test_config_applies_and_cli_overrides(project):
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA01"]\nfail-on = "warning"\nformat = ["json"]\n')
    out = ["--out", str(project / "out"), "--quiet"]
    # the file's fail-on = "warning" makes the TA012 warning fail the run
    assert _cli(["audit", str(project / "records"), *out]).exit_code == 1
    report = json.loads((project / "out" / "report.json").read_text())
    assert report["summary"]["findings_by_rule"] == {"TA012": 1}  # select from the file: TA01 only
    # --fail-on on the command line wins over the file
    assert _cli(["audit", str(project / "records"), "--fail-on", "error", *out]).exit_code == 0
    # --select on the command line wins over the file
    assert _cli(["audit", str(project / "records"), "--select", "TA010", *out]).exit_code == 0
    report = json.loads((project / "out" / "report.json").read_text())
    assert report["summary"]["findings"] == 0
    # --format on the command line wins over the file
    assert _cli(["audit", str(project / "records"), "--format", "md", "--out", str(project / "md"), "--quiet"]).exit_code == 1
    assert (project / "md" / "report.md").is_file() and not (project / "md" / "report.json").exists()


def test_explicit_config_file(project, tmp_path):
    other = tmp_path / "elsewhere.toml"
    other.write_text('select = ["TA01"]\nfail-on = "never"\n')
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA01"]\nfail-on = "warning"\n')
    result = _cli(["audit", str(project / "records"), "--config", str(other), "--out", str(project / "o"), "--quiet"])
    assert result.exit_code == 0
    assert _cli(["audit", str(project / "records"), "--config", str(tmp_path / "nope.toml"), "--quiet"]).exit_code == 2


def test_severity_override_from_config(project):
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA01"]\n[tool.trial-audit.severity]\nTA012 = "error"\n')
    assert _cli(["audit", str(project / "records"), "--out", str(project / "o"), "--quiet"]).exit_code == 1


def test_per_record_ignores_from_config(project):
    (project / "pyproject.toml").write_text(
        '[tool.trial-audit]\nselect = ["TA01"]\nfail-on = "warning"\n[tool.trial-audit.per-record-ignores]\n"NCT0123*" = ["TA012"]\n'
    )
    assert _cli(["audit", str(project / "records"), "--out", str(project / "o"), "--quiet"]).exit_code == 0


def test_rule_options_must_be_a_table(project):
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nrule-options = "TA101"\n')
    with pytest.raises(ConfigError, match="rule-options"):
        load_config()


@pytest.mark.parametrize(
    "text,key",
    [
        ('severity = "TA101"', "severity"),
        ('per-record-ignores = "TA101"', "per-record-ignores"),
        ("[tool.trial-audit.rule-options]\nTA405 = 12", "rule-options"),
    ],
)
def test_non_table_values_are_config_errors(project, text, key):
    (project / "pyproject.toml").write_text(f"[tool.trial-audit]\n{text}\n")
    with pytest.raises(ConfigError, match=key):
        load_config()


def test_baseline_command_with_configured_baseline_not_yet_written(project):
    (project / "pyproject.toml").write_text('[tool.trial-audit]\nselect = ["TA01"]\nbaseline = "trial-audit-baseline.json"\n')
    result = runner.invoke(
        __import__("trial_audit.cli.app", fromlist=["app"]).app,
        ["baseline", str(project / "records"), "-o", str(project / "trial-audit-baseline.json")],
    )
    assert result.exit_code == 0, result.output
    assert (project / "trial-audit-baseline.json").is_file()
