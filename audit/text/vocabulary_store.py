"""The condition vocabulary stored between runs, so that a one-record audit does not build it again.

Building the vocabulary (``condition_vocabulary._build``: reading the TOML, compiling ~350 marker
patterns, finding their literal triggers, adding the ICD-10-CM titles of ~1,000 concepts and
indexing ~1,400 names) costs a one-record audit ~0.3-0.5 s of CPU, every run. The built object
is stored once, after it is built, in the run cache of the ICD-10-CM matchers
(``trial_audit.text.icd10cm.cached_state``: ``$TRIAL_AUDIT_CACHE``, else ``~/.cache/trial-audit``;
``off`` disables it), with ``marshal``: plain data only (strings, numbers, tuples, lists, dicts,
frozensets), and no code runs on loading. The file's name is a digest of everything the built
object depends on: the bytes of the vocabulary files, of the ICD-10-CM extract, of the modules
that build it (``DEPENDS_ON``) and the Python version; a change to any of them builds and
stores anew. Any failure to read or write falls back to building, and changes nothing else.

On loading, the concepts and markers are made again from their fields, and each marker pattern
is a ``LazyPattern``: compiled on its first use, with the same pattern text and flags, so that a
record whose text never reaches a marker's trigger words never pays for compiling it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trial_audit.text.icd10cm import EXTRACT, cache_dir

_TEXT = Path(__file__).parent
#: the modules whose code decides what the built vocabulary holds (the builder, its tokeniser and
#: trigger finder, the ICD-10-CM reader) and this module (the stored layout)
DEPENDS_ON = (
    _TEXT / "condition_vocabulary.py",
    _TEXT / "condition_tokens.py",
    _TEXT / "icd10cm.py",
    Path(__file__),
    EXTRACT,
)
#: the methods and attributes of a compiled pattern a LazyPattern gives once it is compiled
_PATTERN_ATTRS = ("match", "search", "fullmatch", "finditer", "findall", "split", "sub", "subn", "groups", "groupindex")


class LazyPattern:
    """A regular expression compiled on first use; then its methods are the compiled pattern's own.

    ``pattern`` and ``flags`` are those of the compiled pattern (``flags`` includes ``re.UNICODE``,
    as ``re.compile`` gives it). The first attribute asked for that is not one of those two
    compiles the pattern and copies its methods onto this object, so that later calls cost what
    calls on a compiled pattern cost.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like ask for dunders: never compile for them
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for attr in _PATTERN_ATTRS:
            setattr(self, attr, getattr(compiled, attr))
        self.compiled = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"


def _key(paths: tuple[str, ...]) -> str:
    digest = hashlib.sha256(sys.version.encode())
    for src in (*(Path(p) for p in paths), *DEPENDS_ON):
        data = src.read_bytes()
        digest.update(len(data).to_bytes(8, "little"))  # file boundaries are part of the key
        digest.update(data)
    return digest.hexdigest()[:24]


def _fields(obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


def _state(vocab: Any) -> dict[str, Any]:
    """The built vocabulary as plain data: concepts and markers as their fields, the rest as is."""
    rest = dict(vars(vocab))
    concepts = [_fields(c) for c in rest.pop("concepts").values()]
    markers = []
    for m in rest.pop("markers"):
        fields = dict(zip((f.name for f in dataclasses.fields(m)), _fields(m)))
        fields["parts"] = [(rx.pattern, rx.flags, trig) for rx, trig in m.parts]
        markers.append(fields)
    return {"concepts": concepts, "markers": markers, "rest": rest}


def _restore(state: dict[str, Any], vocabulary_cls: type, concept_cls: type, marker_cls: type) -> Any:
    vocab = vocabulary_cls.__new__(vocabulary_cls)
    vocab.__dict__.update(state["rest"])
    vocab.concepts = {fields[0]: concept_cls(*fields) for fields in state["concepts"]}
    markers = []
    for fields in state["markers"]:
        parts = [(LazyPattern(p, flags), trig) for p, flags, trig in fields["parts"]]
        markers.append(marker_cls(**{**fields, "parts": parts}))
    vocab.markers = markers
    return vocab


def cached_vocabulary(paths: tuple[str, ...], build: Callable[[tuple[str, ...]], Any], classes: tuple[type, type, type]) -> Any:
    """``build(paths)``, or the vocabulary an earlier run built from the same files and code.

    ``classes``: the (Vocabulary, Concept, Marker) classes of ``condition_vocabulary``.
    """
    folder = cache_dir()
    if folder is None:
        return build(paths)
    try:
        path = folder / f"condition-vocabulary-{_key(paths)}.marshal"
    except OSError:  # a vocabulary file that cannot be read: building reports it with its name
        return build(paths)
    try:
        return _restore(marshal.loads(path.read_bytes()), *classes)
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError, IndexError):
        pass
    vocab = build(paths)
    try:
        data = marshal.dumps(_state(vocab))  # ValueError: something that is not plain data
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".condition-vocabulary-", delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)  # whole or not at all, when two runs write at once
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    return vocab
