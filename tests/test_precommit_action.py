"""The composite GitHub Action (action.yml): its shell steps run here against a temporary git
repository, with the environment GitHub would give them (no GitHub needed)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_precommit import CLEAN, _defective

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
STEPS = {s["name"]: s for s in ACTION["runs"]["steps"]}
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")


def _git(cwd, *args):
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _run_step(name: str, cwd: Path, env: dict) -> tuple[subprocess.CompletedProcess, dict]:
    out = cwd.parent / f"output-{name.split()[0]}.txt"
    out.write_text("")
    full = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(out),
        "GITHUB_STEP_SUMMARY": str(cwd.parent / "summary.md"),
        "RUNNER_TEMP": str(cwd.parent),
        **env,
    }
    proc = subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", STEPS[name]["run"]], cwd=cwd, env=full, capture_output=True, text=True, timeout=300
    )
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines() if "=" in line)
    return proc, outputs


def test_action_metadata():
    assert ACTION["runs"]["using"] == "composite"
    assert STEPS["Upload SARIF to code scanning"]["uses"].startswith("github/codeql-action/upload-sarif@")
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            # inputs reach the scripts through env, never pasted into the script (no injection)
            assert "${{" not in step["run"], step["name"]
    text = (ROOT / "action.yml").read_text()
    for name in ACTION["inputs"]:
        assert f"inputs.{name}" in text, f"input {name} is never used"


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / "records").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "records" / "old.json").write_text(json.dumps(CLEAN))
    (repo / "records" / "gone.json").write_text(json.dumps(CLEAN))
    (repo / "records" / "untouched.json").write_text(json.dumps(CLEAN))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    base = _git(repo, "rev-parse", "HEAD")
    (repo / "records" / "old.json").write_text(json.dumps(_defective()))  # modified
    (repo / "records" / "new.json").write_text(json.dumps(CLEAN))  # added
    (repo / "records" / "gone.json").unlink()  # deleted: nothing to audit
    (repo / "docs.md").write_text("notes")  # outside paths
    (repo / "records" / "notes.md").write_text("notes")  # not a record file
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "change")
    return repo, base


def _find_env(base, changed_only="true"):
    return {
        "PATHS": "records",
        "CHANGED_ONLY": changed_only,
        "FILES_RE": ACTION["inputs"]["files"]["default"],
        "EVENT": "pull_request",
        "PR_BASE": base,
        "PUSH_BEFORE": "",
    }


def test_changed_record_files_are_found(repo):
    repo, base = repo
    proc, outputs = _run_step("Find the record files to audit", repo, _find_env(base))
    assert proc.returncode == 0, proc.stderr
    assert outputs["count"] == "2"
    assert sorted(Path(outputs["list"]).read_text().split()) == ["records/new.json", "records/old.json"]


def test_no_base_audits_all_paths(repo):
    repo, base = repo
    proc, outputs = _run_step("Find the record files to audit", repo, _find_env(base, changed_only="false"))
    assert proc.returncode == 0 and Path(outputs["list"]).read_text().split() == ["records"]


def test_audit_step_reports_and_passes_the_exit_code_on(repo):
    repo, base = repo
    _, found = _run_step("Find the record files to audit", repo, _find_env(base))
    env = {"LIST": found["list"], "OUT": "trial-audit-report", "FAIL_ON": "error", "GATE": "", "BASELINE": "", "ARGS": "--select TA0"}
    proc, outputs = _run_step("Audit", repo, env)
    assert proc.returncode == 0, proc.stderr  # the step itself succeeds so that SARIF is uploaded
    assert outputs["exit-code"] == "1"  # TA010 in the modified record
    sarif = json.loads((repo / "trial-audit-report" / "report.sarif").read_text())
    assert any(r["ruleId"] == "TA010" for run in sarif["runs"] for r in run["results"])
    assert "TA010" in (repo.parent / "summary.md").read_text()
    fail, _ = _run_step("Fail on findings", repo, {"CODE": outputs["exit-code"]})
    assert fail.returncode == 1 and "::error" in fail.stdout


def test_run_cache_step_keeps_the_folder_the_audit_uses():
    # the cache step must keep the folder the Audit step points trial-audit at, or every job rebuilds it
    step = STEPS["Keep trial-audit's run cache between jobs"]
    assert step["uses"].startswith("actions/cache@")
    assert step["with"]["path"] == "~/.cache/trial-audit"
    assert 'TRIAL_AUDIT_CACHE="${TRIAL_AUDIT_CACHE:-$HOME/.cache/trial-audit}"' in STEPS["Audit"]["run"]
