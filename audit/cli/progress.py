"""A progress bar with records/second, for a person at a terminal (never in CI logs)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(console: Console) -> Iterator[Callable[[int], None]]:
    started = time.monotonic()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} records"),
        TextColumn("{task.fields[rate]} records/s"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("audit", total=None, rate="-")

        def advance(done: int) -> None:
            elapsed = max(time.monotonic() - started, 1e-6)
            progress.update(task, completed=done, rate=f"{done / elapsed:,.0f}")

        yield advance
