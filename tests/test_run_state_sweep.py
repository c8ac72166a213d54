"""A run killed by a signal leaves its run-state directories behind; a later run removes those it can prove dead.

No test here waits or times anything: a dead owner is a process that has exited (or an ID no process
can have), a reused ID is a live process with another start time, and age is set with ``os.utime``
and a given ``now``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

from trial_audit.engine import run_state
from trial_audit.engine.run_state import OWNER_FILE, RecordIdIndex, owner_alive, owner_line, sweep_stale
from trial_audit.engine.runner import RunOptions, audit_paths

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="process start times are read from /proc")

HOUR = 3600.0


def _state_dir(base: Path, name: str, owner: str | None, age_hours: float = 0.0, now: float | None = None) -> Path:
    folder = base / f"trial-audit-{name}-{len(list(base.iterdir()))}x"
    folder.mkdir()
    (folder / "state.sqlite3").write_bytes(b"")
    if owner is not None:
        (folder / OWNER_FILE).write_text(owner)
    when = (now or time.time()) - age_hours * HOUR
    for path in [*folder.iterdir(), folder]:
        os.utime(path, (when, when))
    return folder


def _exited_pid() -> int:
    """The ID of a process that has exited and been reaped."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_owner_line_names_this_process_and_it_is_alive():
    line = owner_line()
    pid, start, _host = line.split()
    assert int(pid) == os.getpid() and start.isdigit()
    assert owner_alive(line) is True


def test_an_exited_owner_is_dead_and_a_reused_id_is_dead():
    pid = _exited_pid()
    line = owner_line(pid)  # its start can no longer be read: "-"
    if owner_alive(line) is not False:  # pragma: no cover - the ID was taken again this very moment
        pytest.skip("the exited child's process ID was reused at once")
    me, start, host = owner_line().split()
    assert owner_alive(f"{me} {int(start) + 1} {host}") is False  # this ID, another start: a later process


def test_an_owner_on_another_host_or_unreadable_cannot_be_told():
    me, start, _host = owner_line().split()
    assert owner_alive(f"{me} {start} another-machine.example") is None
    for line in ("", "garbage", "12 34", "x 1 host", "-5 1 host", "\u0661\u0662 1 host"):
        assert owner_alive(line) is None, line


def test_sweep_removes_dead_owners_and_old_unknowns_and_keeps_the_rest(tmp_path):
    now = time.time()
    host = owner_line().split()[2]
    dead = _state_dir(tmp_path, "record-ids", owner_line(_exited_pid()))
    reused = _state_dir(tmp_path, "cross-records", f"{os.getpid()} 1 {host}\n")
    mine = _state_dir(tmp_path, "cross-records", owner_line(), age_hours=1000)  # old, but its owner runs
    elsewhere_old = _state_dir(tmp_path, "record-ids", "1 1 another-machine.example\n", age_hours=30, now=now)
    elsewhere_new = _state_dir(tmp_path, "record-ids", "1 1 another-machine.example\n", age_hours=1, now=now)
    no_owner_old = _state_dir(tmp_path, "cross-records", None, age_hours=25, now=now)
    no_owner_new = _state_dir(tmp_path, "cross-records", None, age_hours=23, now=now)
    other_prefix = _state_dir(tmp_path, "pg", owner_line(_exited_pid()), age_hours=1000, now=now)  # not a run database
    loose_file = tmp_path / "trial-audit-record-ids-file"
    loose_file.write_text("not a directory")
    os.utime(loose_file, (now - 1000 * HOUR,) * 2)

    removed = sweep_stale(str(tmp_path), now=now)

    assert sorted(removed) == sorted([dead, reused, elsewhere_old, no_owner_old])
    for gone in removed:
        assert not gone.exists()
    for kept in (mine, elsewhere_new, no_owner_new, other_prefix, loose_file):
        assert kept.exists(), kept
    assert sweep_stale(str(tmp_path), now=now) == []  # nothing more to do


def test_a_recent_write_keeps_an_old_directory_whose_owner_cannot_be_checked(tmp_path):
    now = time.time()
    folder = _state_dir(tmp_path, "record-ids", None, age_hours=48, now=now)
    os.utime(folder / "state.sqlite3", (now - 60, now - 60))  # the database written a minute ago: a live run
    assert sweep_stale(str(tmp_path), now=now) == [] and folder.exists()


_KILLED_RUN = """
import os, signal, sys
from trial_audit.engine.run_state import RecordIdIndex
index = RecordIdIndex(sys.argv[1])
index.write({"NCT00000001": ("a.json", 0)})
print(index.db.folder, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_after_a_killed_one_removes_its_state_and_makes_its_own(tmp_path, monkeypatch):
    killed = subprocess.run([sys.executable, "-c", _KILLED_RUN, str(tmp_path)], capture_output=True, text=True, check=False)
    assert killed.returncode == -signal.SIGKILL
    left = Path(killed.stdout.strip())
    assert left.parent == tmp_path and (left / "state.sqlite3").exists() and (left / OWNER_FILE).exists()

    monkeypatch.setattr(run_state, "_swept", set())
    index = RecordIdIndex(str(tmp_path))
    try:
        index.write({"NCT00000002": ("b.json", 0)})
        assert not left.exists()  # the killed run's state is gone
        assert index.db.folder is not None and index.db.folder.exists()
        assert owner_alive((index.db.folder / OWNER_FILE).read_text()) is True
    finally:
        index.close()
    assert not list(tmp_path.iterdir())


def test_an_audit_sweeps_the_temporary_folder_once(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(run_state, "_swept", set())
    stale = _state_dir(tmp_path, "record-ids", owner_line(_exited_pid()))
    report = audit_paths([SEEDS / "v2_NCT00973089.json"], RunOptions(jobs=1))
    assert len(report.records) == 1
    assert not stale.exists()
    assert str(tmp_path) in run_state._swept
    # the run removed its own state at its end
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("trial-audit-record-ids-")]


def test_a_failing_sweep_never_stops_the_run(tmp_path, monkeypatch):
    def broken(directory=None):
        raise RuntimeError("cannot sweep")

    monkeypatch.setattr(run_state, "sweep_stale", broken)
    monkeypatch.setattr(run_state, "_swept", set())
    index = RecordIdIndex(str(tmp_path))
    try:
        index.write({"NCT00000003": ("c.json", 0)})
        assert index.lookup(["NCT00000003"]) == {"NCT00000003": ("c.json", 0)}
    finally:
        index.close()
