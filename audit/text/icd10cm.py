"""ICD-10-CM offline: titles, inclusion terms and hierarchy, read from a shipped extract.

The CMS ICD-10-CM tabular list comes from the ``simple_icd_10_cm`` package. That package parses
its XML into 98,505 node objects every time it is imported, which takes about 1.5 s and 180 MB.
Every audit that reads a condition name paid that at start-up, including the one-record audit a
CI job runs on each submission. This module reads the same data from
``audit/data/icd10cm.json.gz`` instead (1.5 MB, about 0.2 s to load). The extract also holds the
normalised title index that TA3xx looks registered names up in (another 0.6 s to build). After
the first run, ``tabular()`` reads the extract's parts from the run cache instead, each on first
use (``StoredTabular``: the tree and the title index, ~0.06 s; the titles only when a matcher or
the vocabulary is built).

The answers are the package's own, with its default arguments: ``is_valid_item``,
``get_description`` + ``get_inclusion_term`` (``titles``) and ``is_ancestor``.
``tests/test_icd10cm.py`` rebuilds the extract from the installed package and compares it with
the shipped one. After a new release of the package, or a change to the title normalisation
(``icd_title_key`` below), regenerate the extract:

    python -m trial_audit.text.icd10cm
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

import orjson

from trial_audit.core.cache_folder import cache_dir

EXTRACT = Path(__file__).parents[1] / "data" / "icd10cm.json.gz"
_BLOCK_TYPES = ("chapter", "section")

#: a bracketed part of a title ("Sjogren syndrome [Sicca]"), dropped before names are compared
ICD_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")


def normalise_name(s: str) -> str:
    """Normalise a name for matching: lower case, unified apostrophes and dashes, single spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    s = s.replace("\u2011", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s.strip().lower())


def icd_title_key(name: str) -> str:
    """An ICD-10-CM title or a registered name as the title index keys it (no bracketed parts).

    It lives here, below the condition vocabulary, because the extract's title index is built
    with it: the vocabulary looks names up with the same key.
    """
    return normalise_name(ICD_BRACKETS.sub("", name))


class Tabular:
    """The ICD-10-CM tree as parallel lists over its nodes, in the package's order."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.source: str = data["source"]
        self.codes: list[str] = data["codes"]
        self.parent: list[int] = data["parent"]
        self.kind: list[str] = [data["types"][t] for t in data["type"]]
        self.description: list[str] = data["description"]
        self.inclusion: list[list[str]] = data["inclusion"]
        self.title_index: dict[str, str] = data["title_index"]
        # A block holding one category has that category's code. As in the package, the code
        # names the node listed last (the category).
        self.node_of: dict[str, int] = {c: i for i, c in enumerate(self.codes)}
        # the chapter of each node: its root's code (the tree lists parents before children)
        chapter: list[str] = []
        for i, p in enumerate(self.parent):
            chapter.append(self.codes[i] if p < 0 else chapter[p])
        self.chapter: list[str] = chapter

    def chapter_of_node(self, code: str) -> str | None:
        """The chapter ("11") of a code written with or without its dot; None for an unknown code."""
        i = self.node(code)
        return None if i is None else self.chapter[i]

    def node(self, code: str) -> int | None:
        """The node of a code written with or without its dot, as ``is_valid_item`` accepts it."""
        i = self.node_of.get(code)
        if i is None and len(code) >= 4:
            i = self.node_of.get(code[:3] + "." + code[3:])
        return i

    def is_chapter_or_block(self, code: str) -> bool:
        i = self.node(code)
        if i is None:
            return False
        p = self.parent[i]
        return self.kind[i] in _BLOCK_TYPES or (p >= 0 and self.codes[p] == self.codes[i])

    def titles(self, code: str) -> list[str]:
        """The code's description, then its inclusion terms; [] for an unknown code."""
        i = self.node(code)
        return [] if i is None else [self.description[i], *self.inclusion[i]]

    def ancestors(self, code: str) -> tuple[str, ...]:
        i = self.node(code)
        out: list[str] = []
        while i is not None and self.parent[i] >= 0:
            i = self.parent[i]
            out.append(self.codes[i])
        return tuple(out)

    def is_ancestor(self, a: str, b: str) -> bool:
        """``a`` is a strict ancestor of ``b`` (both as written: the package compares the strings)."""
        return a != b and a in _ancestors(self, b)


@lru_cache(maxsize=1)
def tabular() -> Tabular:
    """The shipped extract, loaded once per process: from the run cache's parts when an earlier run
    stored them (``StoredTabular``), else from the extract, storing the parts for the next run."""
    folder = cache_dir()
    if folder is None:
        return read_extract()
    try:
        paths = {part: folder / f"icd10cm-{part}-{_digest([EXTRACT, Path(__file__)])}.marshal" for part in PARTS}
        if all(path.is_file() for path in paths.values()):
            return StoredTabular(paths)
    except OSError:
        return read_extract()
    tab = read_extract()
    for part, path in paths.items():
        _store(folder, path, {name: getattr(tab, name) for name in PARTS[part]})
    return tab


def read_extract() -> Tabular:
    """The shipped extract itself (gzip + JSON: ~0.15 s of CPU)."""
    return Tabular(orjson.loads(gzip.decompress(EXTRACT.read_bytes())))


#: the parts of a Tabular kept in the run cache, each read on first use: the tree (codes,
#: hierarchy, chapters) and the title index are what the scope rules look up while auditing; the
#: titles themselves are read only to build the matchers and the vocabulary, which are cached too
PARTS = {
    "tree": ("codes", "parent", "kind", "node_of", "chapter"),
    "index": ("title_index",),
    "titles": ("source", "description", "inclusion"),
}
_PART_OF = {name: part for part, names in PARTS.items() for name in names}


class StoredTabular(Tabular):
    """A Tabular whose parts (``PARTS``) are read from the run cache on first use.

    A one-record audit reads the tree and the title index (~0.07 s of CPU with ``marshal``) and
    never the titles, where the extract costs ~0.15 s whole. A part that cannot be read back (a
    cache cleared by another process between the runs' checks) comes from the extract: the same data.
    """

    def __init__(self, paths: dict[str, Path]) -> None:
        # not Tabular.__init__: that takes the decoded extract, which is what this avoids reading
        self._paths = paths

    def __getattr__(self, name: str) -> Any:
        part = _PART_OF.get(name)
        if part is None:
            raise AttributeError(name)
        try:
            state = marshal.loads(self._paths[part].read_bytes())
            values = {key: state[key] for key in PARTS[part]}
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            whole = read_extract()
            values = {key: getattr(whole, key) for key in PARTS[part]}
        self.__dict__.update(values)
        return values[name]


@lru_cache(maxsize=4096)
def _ancestors(tab: Tabular, code: str) -> frozenset[str]:
    return frozenset(tab.ancestors(code))


# --- what is built from the extract, cached between runs ------------------------------------

_T = TypeVar("_T")


def cached_state(name: str, sources: list[Path], build: Callable[[], _T], cls: type[_T]) -> _T:
    """``build()``, or the same object rebuilt from its attributes as an earlier run stored them.

    A CI job that audits one record pays start-up on every run, and building the ICD-10-CM name
    matchers from the extract costs ~0.4 s of CPU there (word lists of ~70,000 titles) where
    reading them back costs ~0.1 s. The attributes (dicts, tuples, lists and strings only) are
    stored with ``marshal``, which holds plain data and runs no code on loading, under a key made
    of the bytes of ``sources`` (the extract and the module that builds from it) and the Python
    version: a change to either builds and stores anew. Any failure to read or write the cache
    falls back to building; nothing else changes.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(sources)}.marshal"
    try:
        state = marshal.loads(path.read_bytes())
        obj = cls.__new__(cls)
        obj.__dict__.update(state)
        return obj
    except (OSError, ValueError, EOFError, TypeError, AttributeError):
        pass
    obj = build()
    _store(folder, path, dict(vars(obj)))
    return obj


def _digest(sources: list[Path]) -> str:
    """The cache key of what is built from ``sources``: their bytes and the Python version."""
    digest = hashlib.sha256(sys.version.encode())
    for src in sources:
        digest.update(src.read_bytes())
    return digest.hexdigest()[:24]


def _store(folder: Path, path: Path, state: dict[str, Any]) -> None:
    """Write ``state`` with ``marshal`` to ``path``, whole or not at all; a failure is only a cache miss."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.stem}-", delete=False) as tmp:
            tmp.write(marshal.dumps(state))
        os.replace(tmp.name, path)  # whole or not at all, when two runs write at once
    except (OSError, ValueError):
        pass


# --- building the extract (needs the simple_icd_10_cm package) --------------------------------


def build() -> dict[str, Any]:
    """The extract, from the installed ``simple_icd_10_cm`` package."""
    import warnings
    from importlib.metadata import version

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm as cm
        from simple_icd_10_cm import simple_icd_10_cm as impl

    nodes: list[Any] = []
    stack = list(reversed(impl._chapter_list))
    while stack:  # the package's own order (depth first, as get_all_codes lists the codes)
        n = stack.pop()
        nodes.append(n)
        stack.extend(reversed(n.children))
    codes = [n.name for n in nodes]
    if codes != cm.get_all_codes(with_dots=True):
        raise RuntimeError("simple_icd_10_cm lists its codes in another order than its tree")
    index_of = {id(n): i for i, n in enumerate(nodes)}
    types = sorted({n.type for n in nodes})
    data: dict[str, Any] = {
        "source": f"simple_icd_10_cm {version('simple_icd_10_cm')}",
        "codes": codes,
        "parent": [index_of[id(n.parent)] if n.parent is not None else -1 for n in nodes],
        "types": types,
        "type": [types.index(n.type) for n in nodes],
        "description": [n.description for n in nodes],
        "inclusion": [list(n.inclusion_term) for n in nodes],
        "title_index": {},
    }
    data["title_index"] = _title_index(Tabular(data))
    return data


def _title_index(tab: Tabular) -> dict[str, str]:
    """Normalised title / inclusion term -> the first category or subcategory that has it."""
    index: dict[str, str] = {}
    for code in tab.codes:
        if tab.is_chapter_or_block(code):
            continue
        for name in tab.titles(code):
            key = icd_title_key(name)
            if key and "unspecified" not in key and key not in index:
                index[key] = code
    return index


def write(path: Path = EXTRACT) -> int:
    """Write the extract (deterministic bytes: no timestamp in the gzip header); its size."""
    blob = gzip.compress(orjson.dumps(build()), compresslevel=9, mtime=0)
    path.write_bytes(blob)
    return len(blob)


if __name__ == "__main__":
    size = write()
    print(f"wrote {EXTRACT} ({size / 1e6:.2f} MB)")
