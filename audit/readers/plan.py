"""The input cut into independent Units for parallel auditing: files, ranges of an archive's
members, ranges of a big NDJSON file's lines - in the order a serial read meets them."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from trial_audit.core.model import Source
from trial_audit.readers import archives
from trial_audit.readers.base import ReadResult
from trial_audit.readers.files import read_path
from trial_audit.readers.sniff import HEAD_BYTES, KIND_FORMAT, is_xlsx_head, is_zip_head, sniff
from trial_audit.readers.streams import guarded, ndjson_lines
from trial_audit.readers.walk import record_files

#: an NDJSON file larger than this is split into ranges of lines
NDJSON_SPLIT_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    """A piece of the input that can be read on its own: a file, or a range of an archive's members."""

    path: str
    start: int = 0
    stop: int | None = None  # a range of archive members, or of lines of an NDJSON file
    size: int = 0  # bytes, to judge whether parallel work pays
    kind: str = "file"  # "file" | "zip" | "ndjson"

    def read(self) -> Iterator[ReadResult]:
        if self.kind == "zip":
            return archives.read_zip(Path(self.path), self.start, self.stop)
        if self.kind == "ndjson":
            return self._read_lines()
        return read_path(self.path)

    def _read_lines(self) -> Iterator[ReadResult]:
        src = Source(self.path, KIND_FORMAT["ndjson"])
        with open(self.path, "rb") as f:
            yield from guarded(ndjson_lines(f, src, self.start, self.stop), src)


def plan_units(paths: Iterable[str | Path], members_per_unit: int = 500) -> list[Unit] | None:
    """The input as Units in reading order (the order iter_records reads it), or None when it
    cannot be split faithfully (a folder that cannot be listed, a missing path, an archive at
    its bounds): the caller then reads it serially, which reports those problems in order."""
    units: list[Unit] = []

    def fail(err: OSError) -> None:
        raise err

    try:
        for p in paths:
            path = Path(p)
            if path.is_dir():
                for file in record_files(path, fail):
                    units.extend(_file_units(file, members_per_unit))
            elif path.is_file():
                units.extend(_file_units(path, members_per_unit))
            else:
                return None
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    return units


def _file_units(path: Path, members_per_unit: int) -> list[Unit]:
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if is_xlsx_head(head, path.name):
        return [Unit(str(path), size=size)]  # a workbook is one document, not an archive of records
    if not is_zip_head(head):
        if size > NDJSON_SPLIT_BYTES and sniff(head, path.name, complete=len(head) < HEAD_BYTES) == "ndjson":
            return _line_units(path, size, members_per_unit)
        return [Unit(str(path), size=size)]
    with zipfile.ZipFile(path) as zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
    declared = sum(i.file_size for i in infos)
    if not infos or len(infos) > archives.ZIP_MAX_MEMBERS or declared > archives.ZIP_MAX_TOTAL_BYTES:
        return [Unit(str(path), size=size)]  # read whole, so that the bound is reported once
    share = size // max(1, len(infos))
    return [
        Unit(str(path), lo, min(lo + members_per_unit, len(infos)), share * min(members_per_unit, len(infos) - lo), "zip")
        for lo in range(0, len(infos), members_per_unit)
    ]


def _line_units(path: Path, size: int, lines_per_unit: int) -> list[Unit]:
    with open(path, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b"")) + 1
    share = size // lines
    return [Unit(str(path), lo, lo + lines_per_unit, share * lines_per_unit, "ndjson") for lo in range(1, lines + 1, lines_per_unit)]
