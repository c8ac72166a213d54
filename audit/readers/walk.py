"""Which files of a folder are read, and in which order: sorted, hidden files and tool folders
skipped, only record extensions. Listing only - reading is :mod:`trial_audit.readers.files`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from trial_audit.readers.sniff import ext

#: extensions a folder walk reads (anything else in a folder is not a record and is skipped)
RECORD_EXTENSIONS = frozenset({".json", ".jsonl", ".ndjson", ".xml", ".txt", ".csv", ".zip", ".xlsx"})
SKIP_DIRS = frozenset({"__pycache__", "node_modules"})

#: files that sit beside data (documentation, code, settings) and are not taken for records
NOT_DATA_EXTENSIONS = frozenset({".md", ".rst", ".py", ".pyc", ".toml", ".cfg", ".ini", ".yaml", ".yml", ".lock"})
NOT_DATA_NAMES = frozenset({"README", "LICENSE", "LICENCE", "NOTICE", "COPYING", "AUTHORS", "Makefile"})


def folder_files(root: Path, onerror: Callable[[OSError], None] | None = None) -> Iterator[Path]:
    """The files under a folder in reading order: sorted, hidden files and tool folders skipped."""
    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def record_files(root: Path, onerror: Callable[[OSError], None] | None) -> Iterator[Path]:
    """The record files under a folder, in reading order."""
    return (p for p in folder_files(root, onerror) if ext(p.name) in RECORD_EXTENSIONS)


def skipped_files(paths: Iterable[str | Path]) -> list[Path]:
    """Files inside the given folders that a walk does not read, and that may be data.

    Hidden files and tool folders are left out, as by the walk, and so are documentation, code
    and settings (a README.md, an __init__.py). The rest is what a user may have expected to be
    audited (a ``.json.gz``, a ``.tsv``), so the CLI names them rather than passing over them.
    """
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    return [
        f
        for folder in folders
        for f in folder_files(folder)
        if ext(f.name) not in RECORD_EXTENSIONS | NOT_DATA_EXTENSIONS and f.name not in NOT_DATA_NAMES
    ]
