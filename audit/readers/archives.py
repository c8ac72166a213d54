"""Zip archives (the registry's bulk download): members read one at a time in name order,
bounded in count and sizes; nested archives, encrypted members and non-record files are not followed."""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from trial_audit.core.model import Source
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.documents import read_bytes
from trial_audit.readers.sniff import ext
from trial_audit.readers.walk import RECORD_EXTENSIONS

# Archive bounds. Members are read one at a time and dropped, so the total bounds time, not
# memory; it is sized for the registry's own bulk download (hundreds of thousands of studies,
# several GB uncompressed). A single member is capped, and that cap stops a zip bomb.
ZIP_MAX_MEMBERS = 2_000_000
ZIP_MAX_MEMBER_BYTES = 50 * 1024 * 1024
ZIP_MAX_TOTAL_BYTES = 64 * 1024 * 1024 * 1024

_MEMBER_ERRORS = (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, zlib.error, ValueError)


def read_zip(path: Path, start: int = 0, stop: int | None = None) -> Iterator[ReadResult]:
    """The records of an archive; ``start``/``stop`` select a range of its sorted members (see plan.Unit)."""
    arch = Source(str(path), "zip")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        yield Unreadable(arch, f"not a readable zip archive: {err}")
        return
    with zf:
        infos = sorted((i for i in zf.infolist() if not i.is_dir()), key=lambda i: i.filename)
        if not infos:
            yield Unreadable(arch, "empty zip archive")
            return
        total = 0
        for n, info in enumerate(infos):
            if n < start:
                continue
            if stop is not None and n >= stop:
                return
            if n >= ZIP_MAX_MEMBERS:
                yield Unreadable(arch, f"archive has {len(infos)} members; only the first {ZIP_MAX_MEMBERS} were read (bound)")
                return
            name = info.filename
            base = posixpath.basename(name)
            if base.startswith(".") or name.startswith("__MACOSX/") or ext(base) not in RECORD_EXTENSIONS:
                continue
            src = Source(str(path), "", name)
            if ext(base) == ".zip":
                yield Unreadable(src, "nested archive not followed; unpack it and audit its contents")
                continue
            if info.flag_bits & 0x1:
                yield Unreadable(src, "encrypted archive member; cannot be read")
                continue
            if info.file_size > ZIP_MAX_MEMBER_BYTES:
                yield Unreadable(src, f"archive member too large ({info.file_size} bytes uncompressed; bound {ZIP_MAX_MEMBER_BYTES})")
                continue
            if total + info.file_size > ZIP_MAX_TOTAL_BYTES:
                yield Unreadable(
                    arch,
                    f"archive exceeds the {ZIP_MAX_TOTAL_BYTES} byte bound on total uncompressed size; "
                    f"{len(infos) - n} members from {name!r} on were not read",
                )
                return
            try:
                with zf.open(info) as fh:
                    data = fh.read(ZIP_MAX_MEMBER_BYTES + 1)
            except _MEMBER_ERRORS as err:
                yield Unreadable(src, f"archive member cannot be decompressed: {err}")
                continue
            if len(data) > ZIP_MAX_MEMBER_BYTES:
                yield Unreadable(
                    src,
                    f"archive member too large (over {ZIP_MAX_MEMBER_BYTES} bytes uncompressed, "
                    f"though it declares {info.file_size}); not read",
                )
                continue
            total += len(data)
            yield from read_bytes(data, src, base)
