"""The run-wide state that grows with the records, kept on disk: memory stays flat however long the run.

Two parts of a run must remember something about every record read so far: the finaliser
(``engine.run_report``: which record IDs were already read, to report a copy) and the
cross-record pass (``engine.cross``: each record's run-rule digest, to compare later records of
the same trial with it). Held in dicts they cost ~2 KB a record (~200 MB at 100,000 records,
over 1 GB for the whole of ClinicalTrials.gov; docs/performance.md, "Memory").

``RunDatabase`` is a private SQLite file (stdlib ``sqlite3``) in a temporary directory of its
own: opened at the first write (a run with nothing to remember creates nothing), written in
one transaction per batch, without journal (it is never recovered: a crash loses the run
anyway), its memory bounded by SQLite's page cache. ``close`` removes the directory; it runs at
the end of the run, on a crash (the runners close it in a ``with``), and, as a last resort,
when the object is collected or the interpreter exits (``weakref.finalize``).
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


class RunDatabase:
    """A temporary SQLite database for one run, created with ``schema`` at first use and removed by ``close``."""

    def __init__(self, schema: str, name: str, directory: str | None = None) -> None:
        self._schema = schema
        self._name = name
        self._directory = directory  # where the temporary directory goes (None: the system's temporary folder)
        self._conn: Any = None
        self._folder: Path | None = None
        self._closer: weakref.finalize | None = None
        self._depth = 0

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
        self._depth += 1
        if self._depth == 1:
            conn.execute("BEGIN")
        try:
            yield conn
        finally:
            self._depth -= 1
            if self._depth == 0 and conn.in_transaction:
                conn.execute("COMMIT")

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
    """The record IDs read so far in a run: where each was first read and how many copies followed."""

    SCHEMA = "CREATE TABLE seen (id TEXT PRIMARY KEY, first_read TEXT NOT NULL, copies INTEGER NOT NULL) WITHOUT ROWID;"

    def __init__(self, directory: str | None = None) -> None:
        self.db = RunDatabase(self.SCHEMA, "record-ids", directory)

    def batch(self) -> Any:
        return self.db.batch()

    def get(self, record_id: str) -> tuple[str, int] | None:
        """(where the record was first read, copies read since) or None for an ID not read yet."""
        row = self.db.connection().execute("SELECT first_read, copies FROM seen WHERE id = ?", (record_id,)).fetchone()
        return None if row is None else (row[0], row[1])

    def first(self, record_id: str, where: str) -> None:
        self.db.connection().execute("INSERT INTO seen VALUES (?, ?, 0)", (record_id, where))

    def another_copy(self, record_id: str, copies: int) -> None:
        self.db.connection().execute("UPDATE seen SET copies = ? WHERE id = ?", (copies, record_id))

    def __len__(self) -> int:
        if self.db.folder is None:
            return 0
        return int(self.db.connection().execute("SELECT count(*) FROM seen").fetchone()[0])

    def close(self) -> None:
        self.db.close()
