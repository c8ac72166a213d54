"""Lint, format and type checks, configured in pyproject.toml, run with the suite so CI enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: the public surfaces: the record, findings and report, the rule API, the reader API, the writer API
TYPED_SURFACES = [
    "trial_audit/core/model.py",
    "trial_audit/core/findings.py",
    "trial_audit/core/report.py",
    "trial_audit/engine/registry.py",
    "trial_audit/readers/base.py",
    "trial_audit/reports/__init__.py",
    "trial_audit/api.py",
    "trial_audit/__init__.py",
    "trial_audit/engine/fixes.py",
]


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if not exe:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    return [exe]


def test_ruff_lint_passes():
    result = subprocess.run([*_ruff(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
    result = subprocess.run([*_ruff(), "format", "--check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "run `ruff format .`:\n" + result.stdout + result.stderr


def test_public_surfaces_type_check(installed_layout):
    pytest.importorskip("mypy")
    mirror = installed_layout  # so that mypy sees trial_audit.checks etc. without an install
    cmd = [sys.executable, "-m", "mypy", "--no-incremental", "--ignore-missing-imports", "--follow-imports=silent",
           "--explicit-package-bases", *TYPED_SURFACES]  # fmt: skip
    result = subprocess.run(cmd, cwd=mirror, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
