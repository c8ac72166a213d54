"""The run's cross-record pass: rules that compare the records of one trial (``RunRule``).

Results reach the pass in reading order (from one process or from the workers), each carrying
the digests its record gave the run rules. The pass keeps an index, (rule, key) -> the digests
seen so far under that key, and puts a rule's findings on the later record, before the result is
made final and stored; the digests are then dropped from the result.

The index is on disk (``DigestIndex``: a temporary SQLite file, ``engine.run_state``), not in
memory: one digest is ~2 KB of Python objects, ~200 MB at 100,000 records. Memory is SQLite's
bounded page cache and what one batch files or meets, whatever the number of records; the file
is removed when the run ends. Each batch costs one query for its keys and one write.
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
    """(rule code, key) -> the digests filed under it, in the order they were filed.

    Read and written a batch at a time: ``lookup`` the batch's keys (one query), then ``write``
    the batch's filings (one ``executemany``). A digest filed under two keys is stored twice,
    pickled once, under one id (the pass compares a record with it once)."""

    SCHEMA = """
        CREATE TABLE filed (rule TEXT, key TEXT, pos INTEGER, digest INTEGER NOT NULL, body BLOB NOT NULL,
                            PRIMARY KEY (rule, key, pos)) WITHOUT ROWID;
    """

    def __init__(self, directory: str | None = None) -> None:
        self.db = RunDatabase(self.SCHEMA, "cross-records", directory)
        self._next_id = 0

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def lookup(self, rule: str, keys: list[str]) -> dict[str, list[tuple[int, Any]]]:
        """key -> [(digest id, digest), ...] first filed first, for the keys with digests filed."""
        found: dict[str, list[tuple[int, Any]]] = {}
        query = "SELECT key, digest, body FROM filed WHERE rule = ? AND key IN ({marks}) ORDER BY key, pos"
        for key, digest_id, body in self.db.rows_in(query, keys, rule):
            found.setdefault(key, []).append((digest_id, pickle.loads(body)))  # noqa: S301 - our own file, written by this process
        return found

    def write(self, rows: list[tuple[str, str, int, int, bytes]]) -> None:
        """Add (rule, key, position under the key, digest id, pickled digest) rows."""
        if rows:
            with self.db.batch() as conn:
                conn.executemany("INSERT INTO filed VALUES (?, ?, ?, ?, ?)", rows)

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
        """Compare each result's digests with those of earlier records (earlier batches and this
        one, in reading order), then file them: the batch's keys are looked up in one query."""
        work: list[tuple[RecordResult, RunRule, Any, list[str] | Exception]] = []
        for result in results:
            digests, result.digests = result.digests, {}
            for rule in self.rules:
                digest = digests.get(rule.code)
                if digest is None:
                    continue
                try:
                    keys: list[str] | Exception = list(dict.fromkeys(rule.keys(digest)))
                except Exception as err:  # noqa: BLE001 - a rule fault stays with the record (reported in order, below)
                    keys = err
                work.append((result, rule, digest, keys))
        if not work:
            return results
        # (rule, key) -> what is filed under it so far: the index's rows, then this batch's filings
        filed: dict[tuple[str, str], list[tuple[int, Any]]] = {}
        for rule in self.rules:
            keys = list(dict.fromkeys(k for _, r, _, ks in work if r is rule and isinstance(ks, list) for k in ks))
            if keys:
                found = self.index.lookup(rule.code, keys)
                filed.update(((rule.code, k), found.get(k, [])) for k in keys)
        rows: list[tuple[str, str, int, int, bytes]] = []
        for result, rule, digest, keys_or_fault in work:
            if isinstance(keys_or_fault, Exception):
                result.findings.append(self.failed(rule, keys_or_fault))
            else:
                self._compare(rule, digest, keys_or_fault, result, filed, rows)
        self.index.write(rows)
        return results

    def _compare(
        self,
        rule: RunRule,
        digest: Any,
        keys: list[str],
        result: RecordResult,
        filed: dict[tuple[str, str], list[tuple[int, Any]]],
        rows: list[tuple[str, str, int, int, bytes]],
    ) -> None:
        """Compare with each earlier digest under the keys (once each), then file this one under them."""
        seen: set[int] = set()
        mine: tuple[int, bytes] | None = None
        for key in keys:
            earlier = filed[rule.code, key]
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
                    mine = (self.index.new_id(), pickle.dumps(digest, pickle.HIGHEST_PROTOCOL))
                rows.append((rule.code, key, len(earlier), *mine))
                earlier.append((mine[0], digest))

    def close(self) -> None:
        """Remove the index (the end of the run, or a crash)."""
        self.index.close()

    def __enter__(self) -> CrossRecordPass:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
