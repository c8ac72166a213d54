"""The run-wide state that grows with the records, kept on disk: memory stays flat however long the run.

Two parts of a run must remember something about every record read so far: the finaliser
(``engine.run_report``: which record IDs were already read, to report a copy) and the
cross-record pass (``engine.cross``: each record's run-rule digest, to compare later records of
the same trial with it). Held in dicts they cost ~2 KB a record (~200 MB at 100,000 records,
over 1 GB for the whole of ClinicalTrials.gov; docs/performance.md, "Memory").

``RunDatabase`` is a private SQLite file (stdlib ``sqlite3``) in a temporary directory of its
own: opened at first use (a run with nothing to remember creates nothing), written in
one transaction per batch, without journal (it is never recovered: a crash loses the run
anyway), its memory bounded by SQLite's page cache. ``close`` removes the directory; it runs at
the end of the run, on a crash or Ctrl-C (the runners close it in a ``with``), and, as a last resort,
when the object is collected or the interpreter exits (``weakref.finalize``). A process killed by a
signal (SIGTERM, SIGKILL) leaves the directory behind: nothing in the process runs then. So each
directory holds an ``owner`` file (process ID, the process's start time, host name), and the first
run database a process opens removes the stale directories of earlier runs (``sweep_stale``): those
whose owner is provably dead (no such process on this host, or a process of that ID started at
another time: the ID was reused), and those nobody has written to for ``STALE_AFTER_HOURS`` (a live
run writes its database every batch) when the owner cannot be checked (another host on a shared
temporary folder, a directory made before owner files).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: SQLite's page cache for one run database, in KiB: the memory the state may take, whatever the run's length
CACHE_KIB = 2048
#: values in one ``IN (...)`` (older SQLite builds allow 999 parameters in a statement)
IN_CHUNK = 500
#: the names of the run databases (``RunDatabase(name=...)``); their directories are ``trial-audit-<name>-<random>``
STATE_NAMES = ("record-ids", "cross-records")
#: the file in a run database's directory that names the process owning it
OWNER_FILE = "owner"
#: a state directory nobody has written to for this long is stale even when its owner cannot be checked
STALE_AFTER_HOURS = 24.0
#: whether this process has swept the temporary folder already (once per process is enough)
_swept: set[str] = set()


class RunDatabase:
    """A temporary SQLite database for one run, created with ``schema`` at first use and removed by ``close``."""

    def __init__(self, schema: str, name: str, directory: str | None = None) -> None:
        self._schema = schema
        self._name = name
        self._directory = directory  # where the temporary directory goes (None: the system's temporary folder)
        self._conn: Any = None
        self._folder: Path | None = None
        self._closer: weakref.finalize | None = None

    @property
    def folder(self) -> Path | None:
        """The temporary directory holding the database (None before first use and after ``close``)."""
        return self._folder

    def connection(self) -> Any:
        if self._conn is None:
            self._open()
        return self._conn

    def _open(self) -> None:
        import sqlite3

        sweep_once(self._directory)
        folder = Path(tempfile.mkdtemp(prefix=f"trial-audit-{self._name}-", dir=self._directory))
        try:
            # written first: a run killed from here on leaves a directory a later run can prove dead
            (folder / OWNER_FILE).write_text(owner_line(), encoding="utf-8")
            # autocommit mode: transactions are begun and committed by ``batch``, one per batch of records
            conn = sqlite3.connect(folder / "state.sqlite3", isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE", f"cache_size=-{CACHE_KIB}"):
                conn.execute(f"PRAGMA {pragma}")
            conn.executescript(self._schema)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        # a forked worker inherits this object: only the process that made the directory removes it
        self._closer = weakref.finalize(self, _remove, conn, folder, os.getpid())
        self._conn, self._folder = conn, folder

    @contextmanager
    def batch(self) -> Iterator[Any]:
        """One transaction for the writes of a batch (batched writes are many times faster than one each)."""
        conn = self.connection()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def rows_in(self, query: str, values: list[Any], *params: Any) -> Iterator[tuple[Any, ...]]:
        """The rows of ``query`` (``{marks}`` standing for the placeholders of ``values``), asked
        for a chunk of values at a time: one query per batch of records, not one per record."""
        conn = self.connection()
        for start in range(0, len(values), IN_CHUNK):
            chunk = values[start : start + IN_CHUNK]
            yield from conn.execute(query.format(marks=",".join("?" * len(chunk))), (*params, *chunk))

    def close(self) -> None:
        """Close the database and remove its directory (idempotent)."""
        if self._closer is not None:
            self._closer()
        self._conn = self._folder = self._closer = None


def _process_start(pid: int) -> str:
    """When process ``pid`` started, in clock ticks since boot (Linux ``/proc``); "" when unknown.

    With the process ID it names one process: an ID reused by a later process has another start."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return ""
    # the command name (field 2) is in parentheses and may hold spaces: count fields after its ")"
    fields = stat[stat.rfind(")") + 2 :].split()
    return fields[19] if len(fields) > 19 else ""


def owner_line(pid: int | None = None) -> str:
    """The ``owner`` file of a state directory made by process ``pid`` (default: this one)."""
    pid = os.getpid() if pid is None else pid
    return f"{pid} {_process_start(pid) or '-'} {socket.gethostname()}\n"


def owner_alive(line: str) -> bool | None:
    """Is the process an ``owner`` line names still running? None when this host cannot tell."""
    parts = line.split()
    if len(parts) != 3 or not parts[0].isascii() or not parts[0].isdigit():
        return None
    pid, start, host = int(parts[0]), parts[1], parts[2]
    if host != socket.gethostname():
        return None  # another machine's process, on a shared temporary folder
    if pid <= 0:
        return None
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, owned by another user
    except OSError:
        return None
    if start != "-":
        now = _process_start(pid)
        if now and now != start:
            return False  # the ID was reused by a later process: the owner is gone
    return True


def _last_written(folder: Path) -> float:
    """The newest modification time of the directory and the files in it."""
    newest = folder.stat().st_mtime
    for entry in os.scandir(folder):
        try:
            newest = max(newest, entry.stat(follow_symlinks=False).st_mtime)
        except OSError:
            continue
    return newest


def sweep_stale(directory: str | None = None, now: float | None = None, max_age_hours: float = STALE_AFTER_HOURS) -> list[Path]:
    """Remove the run-state directories of runs that were killed; return what was removed.

    Only this user's directories named as ``RunDatabase`` names them (``trial-audit-<name>-``,
    ``STATE_NAMES``) are looked at. One is removed when its ``owner`` file names a process that is
    provably dead, or - when the owner cannot be checked (no owner file, another host) - when
    nothing in it was written for ``max_age_hours``. A live owner's directory is never removed.
    ``now`` (seconds since the epoch) is for tests."""
    base = Path(directory or tempfile.gettempdir())
    now = time.time() if now is None else now
    prefixes = tuple(f"trial-audit-{name}-" for name in STATE_NAMES)
    uid = os.getuid() if hasattr(os, "getuid") else None
    removed = []
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith(prefixes)]
    except OSError:
        return removed
    for entry in entries:
        folder = Path(entry.path)
        try:
            if not entry.is_dir(follow_symlinks=False) or (uid is not None and entry.stat(follow_symlinks=False).st_uid != uid):
                continue
            try:
                alive = owner_alive((folder / OWNER_FILE).read_text(encoding="utf-8", errors="replace")[:300])
            except OSError:
                alive = None  # no owner file (being made this moment, or made before owner files)
            if alive is None:
                alive = now - _last_written(folder) < max_age_hours * 3600
            if not alive:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except OSError:
            continue  # gone meanwhile (another run swept it), or unreadable: not ours to judge
    return removed


def sweep_once(directory: str | None = None) -> None:
    """``sweep_stale`` the first time this process opens a run database in ``directory``; never fails the run."""
    key = directory or tempfile.gettempdir()
    if key in _swept:
        return
    _swept.add(key)
    try:
        sweep_stale(directory)
    except Exception:  # noqa: BLE001 - cleaning up after other runs must never stop this one
        pass


def _remove(conn: Any, folder: Path, owner: int) -> None:
    if os.getpid() != owner:
        return
    try:
        if conn is not None:
            conn.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


class RecordIdIndex:
    """The record IDs read so far in a run: where each was first read and how many copies followed.

    Read and written a batch at a time: ``lookup`` the batch's IDs, then ``write`` what changed."""

    SCHEMA = "CREATE TABLE seen (id TEXT PRIMARY KEY, first_read TEXT NOT NULL, copies INTEGER NOT NULL) WITHOUT ROWID;"

    def __init__(self, directory: str | None = None) -> None:
        self.db = RunDatabase(self.SCHEMA, "record-ids", directory)

    def lookup(self, record_ids: list[str]) -> dict[str, tuple[str, int]]:
        """record ID -> (where it was first read, copies read since), for the IDs already read."""
        values = list(dict.fromkeys(record_ids))
        return {i: (where, n) for i, where, n in self.db.rows_in("SELECT id, first_read, copies FROM seen WHERE id IN ({marks})", values)}

    def write(self, rows: dict[str, tuple[str, int]]) -> None:
        with self.db.batch() as conn:
            conn.executemany("INSERT OR REPLACE INTO seen VALUES (?, ?, ?)", [(i, where, n) for i, (where, n) in rows.items()])

    def __len__(self) -> int:
        if self.db.folder is None:
            return 0
        return int(self.db.connection().execute("SELECT count(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self.db.close()
