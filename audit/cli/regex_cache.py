"""Compiled regular expressions kept between runs of the command line (start-up).

The rules and text analysers compile ~600 regular expressions when they are imported, and
CPython's ``re`` compiles each in Python (parse, then code generation): ~0.2 s of CPU in a
one-record audit whose budget is 0.5 s (issue 21; ``benchmarks/profile_startup.py``). The result
of that work is plain data - the pattern's final flags, its code (a list of integers), its group
count and names - which ``_sre.compile`` turns into a Pattern in microseconds.

``install`` makes ``re`` compile through ``compile_cached``: a pattern met before is built from
its stored data, a new one is compiled exactly as ``re._compiler.compile`` does and its data
stored. The data are kept in the run cache (``$TRIAL_AUDIT_CACHE``, as the ICD-10-CM matchers,
``core.cache_folder.cache_dir``) with ``marshal`` (plain data; no code runs on loading), in a file
named for the Python version and the regular-expression engine's version (``_sre.MAGIC``), and
written when the process ends if it learned new patterns. A Pattern built from stored data equals
the one ``re`` compiles (Pattern equality compares the flags, the pattern and the code;
``tests/test_regex_cache.py`` checks every pattern the rules compile); ``install`` checks it on a
sample first and does nothing on a Python whose ``re`` internals differ. Any failure to read or
write the file falls back to compiling; a damaged file is ignored.

Installed by the command line's entry points only (``cli.app.main``), so library use and the
test suite compile as Python does unless they ask for it.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from trial_audit.core.cache_folder import cache_dir

#: patterns stored at most (patterns built from data - names, vocabularies - could otherwise grow it without end)
MAX_PATTERNS = 5000
#: patterns longer than this are compiled each time (a vocabulary alternation is data, not code)
MAX_PATTERN_CHARS = 20000
#: marshal's format version for the file
MARSHAL_VERSION = 4

_state: dict[str, Any] = {}


def _file(folder: Path) -> Path:
    import _sre

    return folder / f"regex-{sys.implementation.cache_tag}-{sys.version_info.micro}-sre{_sre.MAGIC}.marshal"


def _compile_recording(pattern: str | bytes, flags: int, store: dict[Any, Any]) -> Any:
    """``re._compiler.compile`` for a string pattern, keeping what ``_sre.compile`` is given in ``store``."""
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints: the opcodes are an int subclass (named constants), which marshal does not store
    args = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(pattern, *args)
    if len(store) < MAX_PATTERNS and len(pattern) <= MAX_PATTERN_CHARS:
        store[(isinstance(pattern, bytes), pattern, flags)] = args
        _state["dirty"] = True
    return compiled


def make_compile(original: Any, store: dict[Any, Any]) -> Any:
    """A replacement for ``re._compiler.compile`` that builds patterns from ``store`` when it can."""
    import _sre
    from re import _constants  # type: ignore[attr-defined]

    debug = _constants.SRE_FLAG_DEBUG

    def compile_cached(p: Any, flags: int = 0) -> Any:
        if not isinstance(p, (str, bytes)) or flags & debug:
            return original(p, flags)  # a parsed pattern, or the debug listing: the stdlib's own
        flags = int(flags)
        args = store.get((isinstance(p, bytes), p, flags))
        if args is not None:
            try:
                return _sre.compile(p, *args)
            except Exception:  # noqa: BLE001 - stored data that _sre refuses (a damaged file): compile anew
                store.pop((isinstance(p, bytes), p, flags), None)
        return _compile_recording(p, flags, store)

    return compile_cached


def _load(path: Path) -> dict[Any, Any]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write() -> None:
    if not _state.get("dirty") or _state.get("pid") != os.getpid():
        return  # nothing new, or a forked worker (the parent writes)
    path: Path = _state["path"]
    try:
        data = marshal.dumps(_state["store"], MARSHAL_VERSION)
        path.parent.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError):
        return  # an unstorable value, or no folder: the next run compiles again
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".regex-", delete=False) as tmp:
        try:
            tmp.write(data)
        except OSError:
            pass
    try:
        os.replace(tmp.name, path)  # atomic: a concurrent run reads the old file or the new one
    except OSError:
        Path(tmp.name).unlink(missing_ok=True)


def _agrees(original: Any, replacement: Any) -> bool:
    """Does the replacement build the same Patterns as ``re`` on this Python? (a sample of pattern shapes)"""
    samples = [(r"(?P<a>x+)|(?i:y)[0-9]{2,}?\b", 0), (rb"^\s*(a|b)$", 8), (r"(?x) a # comment\n (?=b)", 2)]
    try:
        return all(replacement(p, f) == original(p, f) for p, f in samples)
    except Exception:  # noqa: BLE001 - any surprise: leave re alone
        return False


def install() -> bool:
    """Compile regular expressions through the run cache from now on; False when caching is off or
    this Python's ``re`` cannot be served this way (then nothing changes)."""
    if "path" in _state:
        return False  # installed already
    folder = cache_dir()
    if folder is None:
        return False
    try:
        from re import _compiler  # type: ignore[attr-defined]

        original = _compiler.compile
        path = _file(folder)
    except (ImportError, AttributeError):
        return False
    store = _load(path)
    replacement = make_compile(original, store)
    probe: dict[Any, Any] = {}
    if not _agrees(original, make_compile(original, probe)) or not _agrees(original, make_compile(original, probe)):
        return False  # compiled fresh, then built from the stored data: both must equal re's
    _state.update(path=path, store=store, pid=os.getpid(), dirty=False)
    _compiler.compile = replacement
    atexit.register(_write)
    return True
