"""What a run passes over, and why: files a folder walk does not read and archive members it
does not open. Nothing is dropped silently: every such file or member is named in the run's
note (``trial-audit audit`` prints it) with its reason, and everything else becomes a record or
an Unreadable.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
from collections.abc import Iterable
from pathlib import Path

from trial_audit.readers.sniff import ext
from trial_audit.readers.walk import NOT_DATA_EXTENSIONS, NOT_DATA_NAMES, RECORD_EXTENSIONS, SKIP_DIRS

HIDDEN = "hidden (name starts with '.')"
RESOURCE_FORK = "macOS metadata (__MACOSX/)"
NOT_DATA = "documentation, code or settings"
TOOL_FOLDER = "tool folder (not searched)"


def not_a_record_type(name: str) -> str:
    return f"not a record file type ({ext(name) or 'no extension'})"


def member_skip_reason(name: str) -> str | None:
    """Why an archive member is not opened, or None when it is read as a record file.

    A name with ``..`` or a leading ``/`` is never a path on disk here (members are read in
    memory, never extracted), but such names are not record files either.
    """
    base = posixpath.basename(name.replace("\\", "/"))
    if name.startswith("__MACOSX/"):
        return RESOURCE_FORK
    if base.startswith(".") or name.startswith("."):
        return HIDDEN
    if ext(base) not in RECORD_EXTENSIONS:
        return not_a_record_type(base)
    return None


def _file_reason(path: Path) -> str | None:
    name = path.name
    if name.startswith("."):
        return HIDDEN
    if ext(name) in RECORD_EXTENSIONS:
        return None
    if ext(name) in NOT_DATA_EXTENSIONS or name in NOT_DATA_NAMES:
        return NOT_DATA
    return not_a_record_type(name)


def skipped_inputs(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(file, folder or archive member, reason) of everything the run does not read, in walk order."""
    out: list[tuple[str, str]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                kept = []
                for d in sorted(dirnames):
                    if d.startswith("."):
                        out.append((str(Path(dirpath) / d) + os.sep, HIDDEN))
                    elif d in SKIP_DIRS:
                        out.append((str(Path(dirpath) / d) + os.sep, TOOL_FOLDER))
                    else:
                        kept.append(d)
                dirnames[:] = kept
                for name in sorted(filenames):
                    file = Path(dirpath) / name
                    reason = _file_reason(file)
                    if reason is not None:
                        out.append((str(file), reason))
                    elif ext(name) == ".zip":
                        out.extend(_skipped_members(file))
        elif path.is_file() and zipfile.is_zipfile(path):
            out.extend(_skipped_members(path))
    return out


def _skipped_members(path: Path) -> list[tuple[str, str]]:
    try:
        with zipfile.ZipFile(path) as zf:
            names = sorted(i.filename for i in zf.infolist() if not i.is_dir())
    except (zipfile.BadZipFile, OSError, ValueError):
        return []  # the archive itself is reported unreadable by the reader
    return [(f"{path}!{name}", reason) for name in names if (reason := member_skip_reason(name)) is not None]
