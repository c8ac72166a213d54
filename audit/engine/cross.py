"""The run's cross-record pass: rules that compare the records of one trial (``RunRule``).

Results reach the pass in reading order (from one process or from the workers), each carrying
the digests its record gave the run rules. The pass keeps an index, key -> the digests seen so
far, and puts a rule's findings on the later record, before the result is made final and
stored; the digests are then dropped from the result. Memory grows with the digests only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from trial_audit.core.findings import Finding
from trial_audit.core.report import RecordResult
from trial_audit.engine.registry import RunRule

#: earlier records compared with one record under one key (a key shared by more is an ID reused by mistake)
MAX_PER_KEY = 50


class CrossRecordPass:
    def __init__(
        self, rules: list[RunRule], keep: Callable[[RecordResult, Finding], bool], failed: Callable[[RunRule, Exception], Finding]
    ) -> None:
        self.rules = rules
        self.keep = keep
        self.failed = failed
        self.index: dict[tuple[str, str], list[Any]] = {}

    def feed(self, results: list[RecordResult]) -> list[RecordResult]:
        if not self.rules:
            return results
        for result in results:
            digests, result.digests = result.digests, {}
            for rule in self.rules:
                digest = digests.get(rule.code)
                if digest is None:
                    continue
                try:
                    self._compare(rule, digest, result)
                except Exception as err:  # noqa: BLE001 - a rule fault stays with the record
                    result.findings.append(self.failed(rule, err))
        return results

    def _compare(self, rule: RunRule, digest: Any, result: RecordResult) -> None:
        seen: list[int] = []
        for key in dict.fromkeys(rule.keys(digest)):
            earlier = self.index.setdefault((rule.code, key), [])
            for other in earlier:
                if id(other) in seen:  # met under two keys: compared once
                    continue
                seen.append(id(other))
                result.findings.extend(f for f in rule.compare(digest, other) if self.keep(result, f))
            if len(earlier) < MAX_PER_KEY:
                earlier.append(digest)
