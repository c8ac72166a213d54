"""A progress bar for a person at a terminal (never in CI logs).

When the number of records is known before reading - every input is a one-record file (a study's
JSON or XML, a trial page) or a member of a zip archive, as in the registry's bulk download - the
bar shows records done of that total and the time left. When it is not (an NDJSON or CSV export,
a JSON page of many studies, more records than files), it shows the count and the rate.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

#: files that hold many records each: with one of them, the total is not known before reading
_MANY_RECORD_EXTENSIONS = frozenset({".csv", ".jsonl", ".ndjson"})
#: stop counting past this many files (the count would take longer than it saves)
_COUNT_LIMIT = 200_000


def record_total(inputs: Iterable[str | Path]) -> int | None:
    """The number of one-record files and archive members in the inputs, or None when unknown."""
    from trial_audit.readers.walk import RECORD_EXTENSIONS, record_files

    total = 0
    for p in map(Path, inputs):
        files = record_files(p, None) if p.is_dir() else iter([p])
        for f in files:
            suffix = f.suffix.lower()
            if suffix in _MANY_RECORD_EXTENSIONS:
                return None
            if suffix == ".zip":
                try:
                    with zipfile.ZipFile(f) as zf:
                        names = [n for n in zf.namelist() if Path(n).suffix.lower() in RECORD_EXTENSIONS - {".zip"}]
                except (OSError, zipfile.BadZipFile):
                    names = []
                if any(Path(n).suffix.lower() in _MANY_RECORD_EXTENSIONS for n in names):
                    return None
                total += len(names)
            else:
                total += 1
            if total > _COUNT_LIMIT:
                return None
    return total or None


@contextmanager
def progress_bar(console: Console, total: int | None = None) -> Iterator[Callable[[int], None]]:
    started = time.monotonic()
    if total:
        columns = (
            SpinnerColumn(),
            BarColumn(),
            TextColumn("{task.fields[count]}"),
            TextColumn("{task.fields[rate]} records/s"),
            TimeRemainingColumn(),
        )
    else:
        columns = (
            SpinnerColumn(),
            TextColumn("{task.completed} records"),
            TextColumn("{task.fields[rate]} records/s"),
            TimeElapsedColumn(),
        )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("audit", total=total, rate="-", count=f"0/{total:,} records" if total else "")
        known = [bool(total)]

        def advance(done: int) -> None:
            elapsed = max(time.monotonic() - started, 1e-6)
            if known[0] and total and done > total:
                # a file held several records: the total was not known after all (no bar, no time left)
                known[0] = False
                for t in progress.tasks:
                    if t.id == task:
                        t.total = None
            count = f"{done:,}/{total:,} records" if known[0] and total else f"{done:,} records"
            progress.update(task, completed=done, rate=f"{done / elapsed:,.0f}", count=count)

        yield advance
