"""The pre-commit hook (.pre-commit-hooks.yaml): a repository using it rejects a commit of a
defective record and accepts a clean one.

Two ways:

- ``test_hook_*`` run the hook's own entry / files / exclude (read from .pre-commit-hooks.yaml)
  as a ``language: system`` hook with this environment's ``trial-audit``: fast, no network.
- ``test_real_hook_installs_and_gates_commits`` (slow) uses the shipped hook exactly as a user
  does: ``repo:`` pointing at a snapshot of this checkout, pre-commit builds its own virtualenv
  and pip-installs trial-audit from PyPI dependencies (about 50 s the first time, measured).
  Skipped when PyPI is not reachable.

The defective record has an invalid NCT ID (TA010, an error of the schema family); the clean
record is a small, complete v2 study written for this test.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
HOOK = next(h for h in HOOKS if h["id"] == "trial-audit")

CLEAN = {
    "protocolSection": {
        "identificationModule": {
            "nctId": "NCT01234567",
            "orgStudyInfo": {"id": "ACME-2021-07"},
            "briefTitle": "Daily Walking for Adults With Mild Hypertension",
            "officialTitle": "A Randomised Trial of a Daily Walking Programme for Adults With Mild Hypertension",
        },
        "statusModule": {
            "statusVerifiedDate": "2023-06",
            "overallStatus": "COMPLETED",
            "startDateStruct": {"date": "2021-03-01", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2022-09-30", "type": "ACTUAL"},
            "completionDateStruct": {"date": "2022-12-15", "type": "ACTUAL"},
            "studyFirstSubmitDate": "2021-01-10",
            "studyFirstPostDateStruct": {"date": "2021-01-15", "type": "ACTUAL"},
            "lastUpdateSubmitDate": "2023-06-01",
            "lastUpdatePostDateStruct": {"date": "2023-06-05", "type": "ACTUAL"},
        },
        "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme University Hospital", "class": "OTHER"}},
        "descriptionModule": {
            "briefSummary": "Adults with mild hypertension walk 30 minutes a day for 12 weeks. The study measures the change in blood pressure."
        },
        "conditionsModule": {"conditions": ["Hypertension"], "keywords": ["walking", "blood pressure"]},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "enrollmentInfo": {"count": 120, "type": "ACTUAL"}},
        "armsInterventionsModule": {"interventions": [{"type": "BEHAVIORAL", "name": "Daily walking"}]},
        "outcomesModule": {"primaryOutcomes": [{"measure": "Change in systolic blood pressure", "timeFrame": "12 weeks"}]},
        "eligibilityModule": {
            "eligibilityCriteria": "Inclusion Criteria:\n\n* Adults aged 18 to 75 years\n* Systolic blood pressure 130 to 159 mmHg\n\nExclusion Criteria:\n\n* Unable to walk unaided\n* Pregnancy",
            "healthyVolunteers": False,
            "sex": "ALL",
            "minimumAge": "18 Years",
            "maximumAge": "75 Years",
            "stdAges": ["ADULT", "OLDER_ADULT"],
        },
        "contactsLocationsModule": {
            "overallOfficials": [{"name": "Jane Doe, MD", "affiliation": "Acme University Hospital", "role": "PRINCIPAL_INVESTIGATOR"}],
            "locations": [{"facility": "Acme University Hospital", "city": "Lyon", "country": "France"}],
        },
    }
}


def _defective() -> dict:
    doc = json.loads(json.dumps(CLEAN))
    doc["protocolSection"]["identificationModule"]["nctId"] = "NCT0123456"  # seven digits: TA010
    return doc


def _git(cwd: Path, *args: str, env=None, check=True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=check,
        timeout=900,
    )


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)
    return env


def _user_repo(tmp_path: Path, config: dict, env: dict) -> Path:
    repo = tmp_path / "user-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    (repo / ".gitignore").write_text(".trial-audit/\n")
    _git(repo, "add", ".pre-commit-config.yaml", ".gitignore")
    _git(repo, "commit", "-q", "--no-verify", "-m", "init")
    subprocess.run([str(BIN / "pre-commit"), "install"], cwd=repo, env=env, check=True, capture_output=True, timeout=120)
    return repo


def _commit(repo: Path, name: str, doc: dict | str, env: dict) -> subprocess.CompletedProcess:
    target = repo / "records" / name
    target.parent.mkdir(exist_ok=True)
    target.write_text(doc if isinstance(doc, str) else json.dumps(doc, indent=1))
    _git(repo, "add", str(target.relative_to(repo)))
    return _git(repo, "commit", "-m", f"add {name}", env=env, check=False)


def _reset_staged(repo: Path) -> None:
    _git(repo, "reset", "-q")
    shutil.rmtree(repo / "records", ignore_errors=True)


pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _system_hook_config(args: list[str]) -> dict:
    hook = {k: v for k, v in HOOK.items() if k not in ("language", "minimum_pre_commit_version")}
    hook["language"] = "system"
    hook["args"] = args
    return {"repos": [{"repo": "local", "hooks": [hook]}]}


@pytest.fixture
def system_repo(tmp_path):
    if not (BIN / "pre-commit").exists():
        pytest.skip("pre-commit is not installed in this environment (pip install -e '.[test]')")
    env = _env(tmp_path)
    # TA0 (input & schema) only: fast, and independent of the other rule families
    return _user_repo(tmp_path, _system_hook_config(["--select", "TA0"]), env), env


def test_hook_rejects_defective_and_accepts_clean(system_repo):
    repo, env = system_repo
    bad = _commit(repo, "NCT0123456.json", _defective(), env)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "TA010" in bad.stdout + bad.stderr and "Failed" in bad.stdout + bad.stderr
    assert _git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "1"  # nothing committed
    _reset_staged(repo)
    good = _commit(repo, "NCT01234567.json", CLEAN, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout + good.stderr
    assert _git(repo, "rev-list", "--count", "HEAD").stdout.strip() == "2"


def test_hook_rejects_unreadable_record(system_repo):
    repo, env = system_repo
    bad = _commit(repo, "broken.json", '{"protocolSection": ', env)
    assert bad.returncode != 0 and "Failed" in bad.stdout + bad.stderr


def test_hook_leaves_non_record_files_alone(system_repo):
    repo, env = system_repo
    for name, text in {"package.json": "{}", "requirements.txt": "pandas\n", "LICENSE.txt": "MIT\n"}.items():
        (repo / name).write_text(text)
        _git(repo, "add", name)
    done = _git(repo, "commit", "-m", "tooling files", env=env, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no files to check" in done.stdout + done.stderr


def test_manifest_is_the_real_python_hook():
    assert HOOK["language"] == "python"
    assert HOOK["entry"].split()[:2] == ["trial-audit", "audit"]
    assert HOOK["pass_filenames"] is True
    import re

    files, exclude = re.compile(HOOK["files"]), re.compile(HOOK["exclude"])
    for name in ("records/NCT01234567.json", "dump.ndjson", "legacy/NCT1.xml", "export.csv", "bulk.zip", "seeds/page.txt"):
        assert files.search(name) and not exclude.search(name), name
    for name in ("package.json", "web/package-lock.json", "requirements-dev.txt", ".trial-audit/report.json"):
        assert exclude.search(name), name


def _pypi_reachable() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


def _snapshot(dest: Path) -> str:
    """This checkout's current files (committed or not) as a fresh one-commit git repo."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    dest.mkdir()
    for rel in filter(None, listed):
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return _git(dest, "rev-parse", "HEAD").stdout.strip()


@pytest.mark.slow
def test_real_hook_installs_and_gates_commits(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    if not (BIN / "pre-commit").exists():
        pytest.skip("pre-commit is not installed in this environment")
    if not _pypi_reachable():
        pytest.skip("PyPI not reachable: pre-commit cannot build the hook's environment")
    rev = _snapshot(tmp_path / "trial-audit")
    env = _env(tmp_path)
    config = {"repos": [{"repo": str(tmp_path / "trial-audit"), "rev": rev, "hooks": [{"id": "trial-audit"}]}]}
    repo = _user_repo(tmp_path, config, env)
    bad = _commit(repo, "NCT0123456.json", _defective(), env)
    out = bad.stdout + bad.stderr
    assert bad.returncode != 0 and "TA010" in out, out[-3000:]
    _reset_staged(repo)
    good = _commit(repo, "NCT01234567.json", CLEAN, env)
    out = good.stdout + good.stderr
    assert good.returncode == 0 and "Passed" in out, out[-3000:]
