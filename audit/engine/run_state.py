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
signal (SIGTERM, SIGKILL) leaves the directory behind: nothing in the process runs then.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: SQLite's page cache for one run database, in KiB: the memory the state may take, whatever the run's length
CACHE_KIB = 2048
#: values in one ``IN (...)`` (older SQLite builds allow 999 parameters in a statement)
IN_CHUNK = 500


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

        folder = Path(tempfile.mkdtemp(prefix=f"trial-audit-{self._name}-", dir=self._directory))
        try:
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
