"""The package's shape: one import name, one-way layers, rules found through an entry point.

See docs/architecture.md. These tests read the source tree (for the import contracts) and run the
installed package in fresh processes (for what a user's folder or a plugin can do to it).
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold(installed_layout):
    pytest.importorskip("importlinter")
    mirror = installed_layout
    code = (
        "import sys; from importlinter.cli import lint_imports_command; sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()"
    )
    env = {**os.environ, "PYTHONPATH": str(mirror)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "Contracts: 2 kept, 0 broken." in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0


def test_a_broken_contract_is_caught(installed_layout):
    """The contract test can fail: an engine module that imports a rule breaks it."""
    pytest.importorskip("importlinter")
    mirror = installed_layout
    engine = mirror / "trial_audit" / "engine"
    engine.unlink()
    engine.mkdir()
    for f in (ROOT / "audit" / "engine").iterdir():
        (engine / f.name).symlink_to(f)
    (engine / "leak.py").write_text("from trial_audit.checks import ta110_numbering_does_not_start_at_one\n")
    code = (
        "import sys; from importlinter.cli import lint_imports_command; sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()"
    )
    env = {**os.environ, "PYTHONPATH": str(mirror)}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "BROKEN" in result.stdout


_CODE_LITERAL = re.compile(r"^[A-Z]{2}[0-9]{1,3}(xx)?$")


def _string_literals(path: Path) -> list[str]:
    """String constants of a module that are not docstrings (help texts are checked whole)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


@pytest.mark.parametrize("layer", ["engine", "cli"])
def test_engine_and_cli_name_no_rule_code_or_family(layer):
    families = {"age", "scope", "numbering", "structure", "timeline", "status", "people", "completeness"}
    for path in sorted((ROOT / "audit" / layer).glob("*.py")):
        literals = _string_literals(path)
        codes = [s for s in literals if _CODE_LITERAL.match(s)]
        assert not codes, f"{path.name} names rule codes {codes}: ask the registry (a rule's attributes or hooks) instead"
        assert not families & set(literals), f"{path.name} names a rule category"


def _fresh_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return env


def test_nothing_generic_is_installed(tmp_path):
    """From a folder outside the checkout, only trial_audit is importable (no audit, checks, reports, seeds)."""
    code = textwrap.dedent(
        """
        import importlib.util, json
        print(json.dumps({n: importlib.util.find_spec(n) is not None for n in ("trial_audit", "audit", "checks", "reports", "seeds")}))
        """
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=_fresh_env(), capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == '{"trial_audit": true, "audit": false, "checks": false, "reports": false, "seeds": false}', out.stderr


def test_cli_runs_from_a_folder_with_its_own_checks_and_reports(tmp_path):
    """`python -m trial_audit` puts the working folder first on the path, as a notebook does: a user's
    checks.py and reports.py must not shadow the tool's own packages."""
    (tmp_path / "checks.py").write_text("raise SystemExit('the user checks.py was imported')\n")
    (tmp_path / "reports.py").write_text("raise SystemExit('the user reports.py was imported')\n")
    record = ROOT / "seeds" / "v2_NCT03418623.json"
    cmd = [sys.executable, "-m", "trial_audit", "audit", str(record), "-f", "json", "--out", "out", "-q", "--fail-on", "never"]
    result = subprocess.run(cmd, cwd=tmp_path, env=_fresh_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / "report.json").is_file()


PLUGIN_RULE = '''
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class TitleShouting(Rule):
    """The brief title is written in capitals.

    ## What it does

    Reports a brief title written all in capitals.

    ## Why it matters

    A plugin's rule, to show that third-party rules are found and run like built-in ones.

    ## Fix

    Write the title in sentence case.
    """

    code = "XP101"
    name = "title-shouting"
    category = Category.TEXT
    severity = Severity.INFO
    bad = [{"nct_id": "NCT00000001", "brief_title": "A TRIAL IN CAPITALS"}]
    good = [{"nct_id": "NCT00000001", "brief_title": "A trial in lower case"}]

    def check(self, record, ctx):
        title = record.brief_title or ""
        if title and title.isupper():
            yield self.finding("The brief title is all capitals.", evidence=Evidence.whole("brief_title", title))
'''


def _plugin_wheel(folder: Path) -> Path:
    """A wheel of a tiny rule package (built by hand: a wheel is a zip, so no build backend is needed)."""
    import zipfile

    files = {
        "xp_rules/__init__.py": 'from trial_audit.engine.registry import register_families\nregister_families({"XP1": "example plugin"})\n',
        "xp_rules/xp101_title_shouting.py": PLUGIN_RULE,
        "xp_rules-0.1.dist-info/METADATA": "Metadata-Version: 2.1\nName: xp-rules\nVersion: 0.1\n",
        "xp_rules-0.1.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        "xp_rules-0.1.dist-info/entry_points.txt": "[trial_audit.rules]\nxp = xp_rules\n",
    }
    wheel = folder / "xp_rules-0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
        zf.writestr("xp_rules-0.1.dist-info/RECORD", "".join(f"{n},,\n" for n in files) + "xp_rules-0.1.dist-info/RECORD,,\n")
    return wheel


def test_a_rule_plugin_is_found_through_its_entry_point(tmp_path):
    """A tiny plugin package, installed with pip into a folder, shows its rule in `rules`, `explain` and a report."""
    wheel = _plugin_wheel(tmp_path)
    target = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--target", str(target), str(wheel)]
    installed = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    env = {**_fresh_env(), "PYTHONPATH": str(target)}
    listing = subprocess.run(
        [sys.executable, "-m", "trial_audit", "rules"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert "XP101" in listing.stdout and "title-shouting" in listing.stdout, listing.stdout + listing.stderr
    record = tmp_path / "r.json"
    record.write_text('{"protocolSection": {"identificationModule": {"nctId": "NCT00000001", "briefTitle": "A TRIAL IN CAPITALS"}}}')
    cmd = [
        sys.executable,
        "-m",
        "trial_audit",
        "audit",
        str(record),
        "-f",
        "json",
        "--out",
        "out",
        "-q",
        "--fail-on",
        "never",
        "--select",
        "XP1",
    ]
    run = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [f["rule"] for r in report["records"] for f in r["findings"]] == ["XP101"]
    explained = subprocess.run(
        [sys.executable, "-m", "trial_audit", "explain", "XP101"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert "family: example plugin" in explained.stdout, explained.stdout + explained.stderr
