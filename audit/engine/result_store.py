"""Where a run keeps its per-record results: in memory while few, on disk once many.

A bulk download holds hundreds of thousands of records. Keeping every record's result (its
findings and the quoted field texts) in memory until the reports are written would make memory
grow with the input. ``ResultStore`` is a list-like, append-only sequence that keeps the most
recent results in memory and moves older ones, in chunks, to an anonymous temporary file (the
operating system deletes it when the store is garbage-collected or the process ends). Iterating
reads them back a chunk at a time, in order, so report writers that stream (JSON, CSV, the
summary counts) run in bounded memory.

Results are final when they are stored: fingerprints and baseline suppression are applied by
the runner before ``extend``. A result changed after it was stored may not keep the change.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

from trial_audit.core.report import RecordResult

#: results kept in memory before the oldest chunk goes to disk
DEFAULT_IN_MEMORY = 2000
#: results per chunk written to / read from disk
CHUNK = 500


class ResultStore:
    """An append-only sequence of RecordResults that spills to a temporary file."""

    def __init__(self, in_memory: int = DEFAULT_IN_MEMORY, chunk: int | None = None) -> None:
        self._chunk = max(1, chunk or min(CHUNK, in_memory))
        self._in_memory = max(in_memory, self._chunk)
        self._tail: list[RecordResult] = []
        self._file: IO[bytes] | None = None
        self._offsets: list[int] = []  # start of each chunk in the file
        self._on_disk = 0

    # -- writing -------------------------------------------------------------------------
    def append(self, result: RecordResult) -> None:
        self._tail.append(result)
        if len(self._tail) >= self._in_memory + self._chunk:
            self._spill()

    def extend(self, results: Iterable[RecordResult]) -> None:
        for r in results:
            self.append(r)

    def _spill(self) -> None:
        """Move the oldest chunks out of memory, keeping the newest ``in_memory`` results."""
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="trial-audit-results-")
        f = self._file
        f.seek(0, 2)
        while len(self._tail) - self._chunk >= self._in_memory:
            chunk, self._tail = self._tail[: self._chunk], self._tail[self._chunk :]
            self._offsets.append(f.tell())
            pickle.dump(chunk, f, protocol=pickle.HIGHEST_PROTOCOL)
            self._on_disk += len(chunk)

    # -- reading -------------------------------------------------------------------------
    def __iter__(self) -> Iterator[RecordResult]:
        if self._file is not None and self._offsets:
            f = self._file
            for offset in self._offsets:
                f.seek(offset)
                yield from pickle.load(f)  # noqa: S301 - our own file, written by this process
        yield from list(self._tail)

    def __len__(self) -> int:
        return self._on_disk + len(self._tail)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index: int) -> RecordResult:
        """Random access (for tests and small reports); reads a chunk from disk when needed."""
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("result index out of range")
        if index >= self._on_disk:
            return self._tail[index - self._on_disk]
        assert self._file is not None
        self._file.seek(self._offsets[index // self._chunk])
        return pickle.load(self._file)[index % self._chunk]  # noqa: S301 - our own file

    @property
    def spilled(self) -> int:
        """How many results are on disk (0 for small runs)."""
        return self._on_disk
