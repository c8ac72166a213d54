"""The command line as a process (cli/entry.py): exit without the interpreter's teardown, nothing lost.

The exit skips only the freeing of memory: every report is written whole, piped output is flushed,
``atexit`` handlers run, the exit status is the command's, and a crash or a live thread takes the
normal way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEEDS

from trial_audit.cli import entry

RECORD = SEEDS / "v2_NCT00973089.json"
NORMAL_EXIT = "import sys; from trial_audit.cli.app import app; app(sys.argv[1:])"  # typer's own sys.exit, full teardown


def _run(args: list[str], normal: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", NORMAL_EXIT] if normal else [sys.executable, "-m", "trial_audit"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, check=False)


def test_reports_are_written_whole_and_equal_a_normal_exits(tmp_path):
    args = ["audit", str(RECORD), "-f", "json,md,csv,sarif,html,junit", "-q", "-j", "1", "--fail-on", "never", "--as-of", "2026-11-27"]
    fast, normal = _run([*args, "--out", str(tmp_path / "fast")]), _run([*args, "--out", str(tmp_path / "normal")], normal=True)
    assert fast.returncode == normal.returncode == 0
    names = sorted(p.name for p in (tmp_path / "normal").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "fast").iterdir()) and len(names) == 6
    reports = {}
    for kind in ("fast", "normal"):
        report = json.loads((tmp_path / kind / "report.json").read_text())
        report.pop("generated")
        reports[kind] = report
        json.loads((tmp_path / kind / "report.sarif").read_text())
        ET.parse(tmp_path / kind / "junit.xml")
        assert (tmp_path / kind / "report.html").read_text().rstrip().endswith("</html>")
    assert reports["fast"] == reports["normal"]
    for name in ("findings.csv",):
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "normal" / name).read_bytes()


def test_piped_output_and_exit_statuses_are_the_commands():
    fast, normal = _run(["rules"]), _run(["rules"], normal=True)
    assert fast.returncode == normal.returncode == 0
    assert fast.stdout == normal.stdout and len(fast.stdout.splitlines()) > 50  # every line flushed into the pipe
    warning = ["audit", str(RECORD), "-f", "json", "-q", "-j", "1", "--fail-on", "info", "--as-of", "2026-11-27"]
    for args, status in ((["audit", "/no/such/input", "-q"], 2), (warning, 1), (["--version"], 0), (["no-such-command"], 2)):
        fast, normal = _run(args), _run(args, normal=True)
        assert fast.returncode == normal.returncode == status, args
        if args[0] == "no-such-command":  # the usage line names the program, which differs ("-c")
            assert "No such command" in fast.stderr and "No such command" in normal.stderr
        else:
            assert fast.stderr == normal.stderr and fast.stdout == normal.stdout


_HANDLERS = """
import atexit, sys, tempfile, weakref
from pathlib import Path
from trial_audit.cli import entry
out = Path(sys.argv[1])
atexit.register(lambda: (out / "atexit").write_text("ran"))
folder = tempfile.TemporaryDirectory(dir=out)  # removed by its weakref.finalize at exit
(out / "folder").write_text(folder.name)
sys.stdout.write("x" * 200000)
sys.stdout.write("END")  # a short tail stays in the stream's buffer until it is flushed
entry.run(lambda: sys.exit(int(sys.argv[2])))
"""


@pytest.mark.parametrize("status", [0, 3])
def test_atexit_handlers_and_finalizers_run(tmp_path, status):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a buffered stdout, as by default
    cmd = [sys.executable, "-c", _HANDLERS, str(tmp_path), str(status)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    assert done.returncode == status
    assert len(done.stdout) == 200003 and done.stdout.endswith("END")
    assert (tmp_path / "atexit").read_text() == "ran"
    assert not Path((tmp_path / "folder").read_text()).exists()


def test_a_crash_takes_the_normal_way(tmp_path):
    code = "from trial_audit.cli import entry\ndef app():\n    raise RuntimeError('boom')\nentry.run(app)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1 and "RuntimeError: boom" in done.stderr and "Traceback" in done.stderr


def test_with_another_thread_alive_the_normal_shutdown_is_used(monkeypatch):
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    with pytest.raises(SystemExit) as raised:
        entry.leave(4)
    assert raised.value.code == 4


def test_exit_status_is_the_interpreters(capsys):
    assert [entry.exit_status(c) for c in (None, 0, 2, True, 256 + 3, -1)] == [0, 0, 2, 1, 3, 255]
    assert entry.exit_status("no input") == 1
    assert capsys.readouterr().err == "no input\n"
