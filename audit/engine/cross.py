"""The run's cross-record pass: rules that compare the records of one trial (``RunRule``).

Results reach the pass in reading order (from one process or from the workers), each carrying
the digests its record gave the run rules. The pass keeps an index, (rule, key) -> the digests
seen so far under that key, and puts a rule's findings on the later record, before the result is
made final and stored; the digests are then dropped from the result.

The index is on disk (``DigestIndex``: a temporary SQLite file, ``engine.run_state``), not in
memory: one digest is ~2 KB of Python objects, ~200 MB at 100,000 records. Memory is SQLite's
bounded page cache, whatever the number of records; the file is removed when the run ends.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

from trial_audit.core.findings import Finding
from trial_audit.core.report import RecordResult
from trial_audit.engine.registry import RunRule
from trial_audit.engine.run_state import RunDatabase

#: earlier records compared with one record under one key (a key shared by more is an ID reused by mistake)
MAX_PER_KEY = 50


class DigestIndex:
    """(rule code, key) -> the digests filed under it, in the order they were filed; digests pickled once each."""

    SCHEMA = """
        CREATE TABLE digests (id INTEGER PRIMARY KEY, body BLOB NOT NULL);
        CREATE TABLE filed (rule TEXT, key TEXT, pos INTEGER, digest INTEGER NOT NULL, PRIMARY KEY (rule, key, pos)) WITHOUT ROWID;
    """

    def __init__(self, directory: str | None = None) -> None:
        self.db = RunDatabase(self.SCHEMA, "cross-records", directory)
        self._next_id = 0

    def batch(self) -> Any:
        return self.db.batch()

    def under(self, rule: str, key: str) -> list[tuple[int, Any]]:
        """(digest id, digest) of each digest filed under ``key``, first filed first."""
        rows = self.db.connection().execute(
            "SELECT d.id, d.body FROM filed f JOIN digests d ON d.id = f.digest WHERE f.rule = ? AND f.key = ? ORDER BY f.pos",
            (rule, key),
        )
        return [(i, pickle.loads(body)) for i, body in rows]  # noqa: S301 - our own file, written by this process

    def add(self, digest: Any) -> int:
        """Store a digest; its id, to file it under keys."""
        self._next_id += 1
        self.db.connection().execute("INSERT INTO digests VALUES (?, ?)", (self._next_id, pickle.dumps(digest, pickle.HIGHEST_PROTOCOL)))
        return self._next_id

    def file(self, rule: str, key: str, pos: int, digest_id: int) -> None:
        self.db.connection().execute("INSERT INTO filed VALUES (?, ?, ?, ?)", (rule, key, pos, digest_id))

    def close(self) -> None:
        self.db.close()


class CrossRecordPass:
    def __init__(
        self,
        rules: list[RunRule],
        keep: Callable[[RecordResult, Finding], bool],
        failed: Callable[[RunRule, Exception], Finding],
        directory: str | None = None,
    ) -> None:
        self.rules = rules
        self.keep = keep
        self.failed = failed
        self.index = DigestIndex(directory)

    def feed(self, results: list[RecordResult]) -> list[RecordResult]:
        if not self.rules or not any(r.digests for r in results):
            for result in results:
                result.digests = {}
            return results
        with self.index.batch():
            for result in results:
                digests, result.digests = result.digests, {}
                for rule in self.rules:
                    digest = digests.get(rule.code)
                    if digest is None:
                        continue
                    try:
                        keys = list(dict.fromkeys(rule.keys(digest)))
                    except Exception as err:  # noqa: BLE001 - a rule fault stays with the record
                        result.findings.append(self.failed(rule, err))
                        continue
                    self._compare(rule, digest, keys, result)
        return results

    def _compare(self, rule: RunRule, digest: Any, keys: list[str], result: RecordResult) -> None:
        """Compare with each earlier digest under the keys (once each), then file this one under them.

        A fault of the index (the disk) is the run's and is raised; a fault of the rule stays with the record."""
        seen: set[int] = set()
        mine: int | None = None
        for key in keys:
            earlier = self.index.under(rule.code, key)
            for other_id, other in earlier:
                if other_id in seen:  # met under two keys: compared once
                    continue
                seen.add(other_id)
                try:
                    result.findings.extend(f for f in rule.compare(digest, other) if self.keep(result, f))
                except Exception as err:  # noqa: BLE001 - a rule fault stays with the record
                    result.findings.append(self.failed(rule, err))
                    return
            if len(earlier) < MAX_PER_KEY:
                if mine is None:
                    mine = self.index.add(digest)
                self.index.file(rule.code, key, len(earlier), mine)

    def close(self) -> None:
        """Remove the index (the end of the run, or a crash)."""
        self.index.close()

    def __enter__(self) -> CrossRecordPass:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
