"""Report writers. One module per format; each registers itself with ``@writer``.

A writer takes the :class:`trial_audit.core.report.Report` and a destination path. All formats are
written from the same Report, so they agree on the counts.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from trial_audit.core.report import Report


@dataclass(frozen=True)
class Writer:
    name: str
    filename: str
    write: Callable[[Report, Path], None]
    description: str


WRITERS: dict[str, Writer] = {}


def writer(name: str, filename: str, description: str):
    def deco(fn: Callable[[Report, Path], None]):
        WRITERS[name] = Writer(name, filename, fn, description)
        return fn

    return deco


_loaded = False


def load_writers() -> dict[str, Writer]:
    global _loaded
    if not _loaded:
        import trial_audit.reports as reports

        for mod in pkgutil.iter_modules(reports.__path__):
            if not mod.name.startswith("_"):
                importlib.import_module(f"trial_audit.reports.{mod.name}")
        _loaded = True
    return WRITERS
