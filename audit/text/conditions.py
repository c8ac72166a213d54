"""Condition scope: which conditions a trial is about, and which conditions its criteria require.

Used by the TA3xx rules. Two sources of knowledge:

* **Concepts** (``audit/data/condition_markers.toml``): conditions with their names, abbreviations,
  broader concepts and ICD-10-CM codes. Each concept also gets the ICD-10-CM title and inclusion
  terms of its codes as names, and the ICD-10-CM hierarchy relates concepts to each other and to
  registered condition names the curated list does not know ("Primary biliary cirrhosis" ->
  K74.3 -> PBC). ICD-10-CM is read offline from an extract of the CMS tabular list that
  ``audit/icd10cm.py`` ships.
* **Markers** (same file): findings only a given condition has - classification criteria,
  pathognomonic findings, disease-specific scores and antibodies, lab bands that define a disease.

Users extend both with TOML files of the same schema (``load_vocabulary(extra_paths)``; the rules
read the paths from the ``vocabulary`` option, see docs/rules-ta3xx.md).

``analyse(record)`` computes, once per record, everything the TA3xx rules need.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord
    from trial_audit.text.criteria import CriteriaDoc, Item

DATA_FILE = Path(__file__).parents[1] / "data" / "condition_markers.toml"

__all__ = [
    "Concept",
    "Marker",
    "Mention",
    "Vocabulary",
    "Analysis",
    "ItemHit",
    "analyse",
    "load_vocabulary",
    "vocabulary_paths",
]


# --- vocabulary -----------------------------------------------------------------------------


@dataclass(slots=True)
class Concept:
    id: str
    name: str
    area: str = "other"
    parents: tuple[str, ...] = ()
    icd10: tuple[str, ...] = ()
    synonyms: list[str] = field(default_factory=list)
    abbrevs: list[str] = field(default_factory=list)
    umbrella: bool = False
    covers: tuple[str, ...] = ()


@dataclass(slots=True)
class Marker:
    concepts: tuple[str, ...]
    kind: str
    label: str
    #: the patterns one by one, each with the literal prefixes its matches start with (None: unknown)
    parts: list[tuple[re.Pattern[str], tuple[str, ...] | None]] = field(default_factory=list)


@dataclass(slots=True, frozen=True)
class Mention:
    concept: str
    start: int
    end: int
    text: str


#: Phrases that contain a condition name but do not name the condition ("lupus anticoagulant",
#: "tumour necrosis factor"). They are matched like names and then dropped.
_SHADOW = [
    "lupus anticoagulant",
    "lupus anticoagulants",
    "lupus-like",
    "drug-induced lupus",
    "lupus like",
    "tumor necrosis factor",
    "tumour necrosis factor",
    "tumor lysis",
    "tumour lysis",
    "tumor marker",
    "tumor markers",
    "tumour markers",
    "tumor assessment",
    "tumor assessments",
    "tumor tissue",
    "tumour tissue",
    "tumor sample",
    "tumor samples",
    "tumor biopsy",
    "tumour biopsy",
    "tumor lesion",
    "tumor lesions",
    "tumor response",
    "tumor measurement",
    "tumor growth",
    "tumor size",
    "rheumatoid factor",
    "respiratory depression",
    "bone marrow depression",
    "marrow depression",
    "cns depression",
    "hearing aids",
    "diabetes insipidus",
    "gestational diabetes",
    "portal hypertension",
    "intracranial hypertension",
    "idiopathic intracranial hypertension",
    "gestational hypertension",
    "pregnancy-induced hypertension",
    "ocular hypertension",
    "stroke volume",
    "heat stroke",
    "cancer antigen",
    "carcinoma in situ",
    "cervical carcinoma in situ",
    "basal cell carcinoma",
    "squamous cell carcinoma of the skin",
    "skin cancer",
    "non-melanoma skin cancer",
    "nonmelanoma skin cancer",
    "ductal carcinoma in situ",
    "in situ carcinoma",
    "hiv test",
    "hiv testing",
    "hepatitis b vaccine",
    "hepatitis b vaccination",
    "influenza vaccine",
    "influenza vaccination",
    "flu vaccine",
    "flu shot",
    "covid-19 vaccine",
    "covid-19 vaccination",
    "covid vaccine",
    "covid-19 vaccines",
    "sars-cov-2 vaccine",
    "hpv vaccine",
    "pneumococcal vaccine",
    "tuberculin",
    "tuberculosis test",
    "myasthenia-like",
    "brain metastases",
    "brain metastasis",
    "cns metastases",
    "leptomeningeal disease",
    "malignant pleural effusion",
    "multiple sclerosis-like",
    "heart disease risk",
    "obesity hypoventilation",
    "seizure threshold",
    "epileptic seizures",
    "diabetic ketoacidosis",
    "hypertensive crisis",
    "hypertensive emergency",
    "asthma attack",
    "sclerosis complex",
    "tuberous sclerosis",
    "tuberous sclerosis complex",
    "chronic kidney disease epidemiology",
    "chronic kidney disease-epidemiology collaboration",
    "modification of diet in renal disease",
    "new york heart association",
    "cancer center",
    "cancer institute",
    "cancer society",
    "heart association",
    "diabetes association",
    "american diabetes association",
    "lung association",
    "cancer research",
    "cancer network",
    "oncology group",
    "mds task force",
    "movement disorder society",
    "cutaneous lupus erythematosus disease area and severity index",
    "hiv test",
    "hiv tests",
    "hiv antibody",
    "hiv antibodies",
    "hiv serology",
]

_ICD_CLEAN = re.compile(r"\s*[\[(][^\])]*[\])]")


def _norm(s: str) -> str:
    """Normalise a name for matching: lower case, unified apostrophes and dashes, single spaces."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    s = s.replace("\u2011", "-").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", s.strip().lower())


class Vocabulary:
    """Concepts, markers and the matchers built from them."""

    def __init__(self, concepts: dict[str, Concept], markers: list[Marker]):
        self.concepts = concepts
        self.markers = markers
        self._ancestors: dict[str, frozenset[str]] = {}
        for cid in concepts:
            self._ancestors[cid] = frozenset(self._walk_up(cid))
        self._build_matchers()
        self._icd_rel: dict[tuple[str, str], bool] = {}

    def _walk_up(self, cid: str) -> Iterator[str]:
        seen: set[str] = set()
        stack = [cid]
        while stack:
            c = stack.pop()
            if c in seen or c not in self.concepts:
                continue
            seen.add(c)
            yield c
            stack.extend(self.concepts[c].parents)

    def _build_matchers(self) -> None:
        # names: normalised token tuples -> concept id (None: a shadow phrase that is not a condition)
        names: dict[tuple[str, ...], str | None] = {}
        abbrevs: dict[tuple[str, ...], str] = {}
        for c in self.concepts.values():
            for n in [c.name, *c.synonyms]:
                k = _tokens_norm(n)
                if k and (len(k) > 1 or len(k[0]) >= 3) and k not in names:
                    names[k] = c.id
            for ab in c.abbrevs:
                k = tuple(t for t, _, _ in _tokenise(ab))
                if k and k not in abbrevs:
                    abbrevs[k] = c.id
        for sh in _SHADOW:
            names[_tokens_norm(sh)] = None
        self._names = names
        self._abbrevs = abbrevs
        self._abbrev_ci = {" ".join(k).upper(): v for k, v in abbrevs.items() if len(k) == 1 and len(k[0]) >= 3}
        # per first word, the lengths (longest first) its names have: only those are tried
        self._name_lens = _lengths_by_first(names)
        self._abbrev_lens = _lengths_by_first(abbrevs)
        self.all_names = [" ".join(n) for n, cid in names.items() if cid is not None]

    # -- relations -----------------------------------------------------------------------
    def ancestors(self, cid: str) -> frozenset[str]:
        return self._ancestors.get(cid, frozenset({cid}))

    def related(self, a: str, b: str) -> bool:
        """Same concept, or one is broader than the other (by parents or the ICD-10-CM hierarchy)."""
        if a == b:
            return True
        if a in self.ancestors(b) or b in self.ancestors(a):
            return True
        key = (a, b) if a < b else (b, a)
        hit = self._icd_rel.get(key)
        if hit is None:
            ca, cb = self.concepts.get(a), self.concepts.get(b)
            hit = bool(ca and cb and _icd_related(ca.icd10, cb.icd10))
            self._icd_rel[key] = hit
        return hit

    def covers(self, umbrella: str, cid: str) -> bool:
        """An umbrella concept ("autoimmune diseases", "cancer") covers the concepts of its areas."""
        u = self.concepts.get(umbrella)
        c = self.concepts.get(cid)
        if u is None or c is None or not u.umbrella:
            return False
        if umbrella in self.ancestors(cid):
            return True
        areas = set(u.covers)
        for anc in self.ancestors(cid):
            if self.concepts[anc].area in areas:
                return True
        return False

    def is_complication(self, cid: str) -> bool:
        """A condition of another ("diabetic nephropathy"): several parents, or a parent of another area."""
        c = self.concepts.get(cid)
        if c is None or not c.parents:
            return False
        ps = [self.concepts[p] for p in c.parents if p in self.concepts]
        return len(ps) >= 2 or any(p.area != c.area for p in ps)

    def is_umbrella(self, cid: str) -> bool:
        c = self.concepts.get(cid)
        return bool(c and c.umbrella)

    # -- recognition ---------------------------------------------------------------------
    def mentions(self, text: str) -> list[Mention]:
        """Condition names and abbreviations in a text, non-overlapping, longest first."""
        if not text:
            return []
        toks = _tokenise(text)
        words = [t for t, _, _ in toks]
        low = [w.lower() for w in words]
        name_lens, abbrev_lens = self._name_lens, self._abbrev_lens
        # only words that can start a name or an abbreviation are visited (a few in a hundred)
        starts = [i for i, w in enumerate(low) if w in name_lens]
        starts_ab = [i for i, w in enumerate(words) if w in abbrev_lens]
        if starts_ab:
            starts = sorted(set(starts).union(starts_ab))
        out: list[Mention] = []
        names, abbrevs = self._names, self._abbrevs
        n, free = len(toks), 0
        for i in starts:
            if i < free:
                continue  # inside the previous mention
            best = 0
            cid: str | None = None
            for L in name_lens.get(low[i], ()):
                if L <= n - i:
                    k = tuple(low[i : i + L])
                    if k in names and _gaps_ok(text, toks, i, L):
                        best, cid = L, names[k]
                        break
            if not best:
                for L in abbrev_lens.get(words[i], ()):
                    if L <= n - i:
                        k = tuple(words[i : i + L])
                        if k in abbrevs and _abbrev_ok(text, toks[i][1], toks[i + L - 1][2]):
                            best, cid = L, abbrevs[k]
                            break
            if best:
                if cid is not None:
                    s0, e0 = toks[i][1], toks[i + best - 1][2]
                    out.append(Mention(cid, s0, e0, text[s0:e0]))
                free = i + best
        return out

    def concepts_of_name(self, name: str, loose: bool = True) -> set[str]:
        """Concepts a registered condition / keyword / MeSH term names (cached: names repeat).

        ``loose``: also try ICD-10-CM titles and a close spelling (rapidfuzz) when the curated
        names do not match (used for the registered list and MeSH terms, not for keywords).
        """
        if not name or not name.strip():
            return set()
        cache = self.__dict__.setdefault("_name_cache", {})
        key = (name, loose)
        hit = cache.get(key)
        if hit is None:
            if len(cache) > 50_000:
                cache.clear()
            hit = cache[key] = frozenset(self._concepts_of_name(name, loose))
        return set(hit)

    def _concepts_of_name(self, name: str, loose: bool) -> set[str]:
        out = {m.concept for m in self.mentions(name)}
        if "," in name and name.count(",") == 1:  # MeSH inversion: "Carcinoma, Non-Small-Cell Lung"
            a, b = name.split(",")
            out |= {m.concept for m in self.mentions(f"{b.strip()} {a.strip()}")}
        # registered names may be lower-cased abbreviations ("hbv", "copd"): whole-name match
        for t, _, _ in _tokenise(name):
            cid = self._abbrev_ci.get(t.upper())
            if cid is not None and (len(_tokenise(name)) <= 3 or not out):
                out.add(cid)
        if not loose:
            return out
        if not any(not self.is_umbrella(c) for c in out):
            out |= _icd_concepts(self, name)
        if not any(not self.is_umbrella(c) for c in out):
            out |= self._fuzzy(name)
        return out

    def _fuzzy(self, name: str) -> set[str]:
        """A close spelling of a known name ("pancreatic ductal carcinoma"), by rapidfuzz."""
        try:
            from rapidfuzz import fuzz, process
        except ImportError:  # pragma: no cover - a declared dependency
            return set()
        key = " ".join(_tokens_norm(name))
        if len(key) < 6 or len(key) > 120:
            return set()
        best = process.extractOne(key, self.all_names, scorer=fuzz.token_sort_ratio, score_cutoff=90)
        if best is None:
            return set()
        cid = self._names.get(tuple(best[0].split()))
        return {cid} if cid else set()

    def _index_markers(self) -> None:
        """Word-head key -> (order, marker, pattern, trigger) for the patterns with literal triggers.

        ``order`` is the pattern's place in the vocabulary: matches that start at the same
        offset are taken in that order, never in the (per-process) order of a set of words.
        ``_parts`` lists every (order, marker, pattern), for the plain scan of ``marker_hits``.
        """
        by_key: dict[str, list[tuple[int, Marker, re.Pattern[str], str]]] = {}
        always: list[tuple[int, Marker, re.Pattern[str], str | None]] = []
        parts = [(mk, rx, trig) for mk in self.markers for rx, trig in mk.parts]
        self._parts = [(order, mk, rx) for order, (mk, rx, _) in enumerate(parts)]
        for order, (mk, rx, trig) in enumerate(parts):
            if trig is None:
                always.append((order, mk, rx, None))
                continue
            for t in trig:
                key = _trigger_key(t)
                if key is None:
                    always.append((order, mk, rx, t))
                else:
                    by_key.setdefault(key, []).append((order, mk, rx, t))
        self._by_key = by_key
        self._always = always

    def marker_hits(self, text: str) -> Iterator[tuple[Marker, re.Match[str]]]:
        """Marker matches in a text, in text order.

        A pattern with literal prefixes is tried only where one of them occurs (looked up by the
        first letters of the text's words, then ``str.find`` on the lower-cased text and ``match``
        there), which is much faster than scanning with many case-insensitive regexes.
        """
        if not text:
            return
        if not hasattr(self, "_by_key"):
            self._index_markers()
        low = text.lower()
        found: list[tuple[int, int, Marker, re.Match[str]]]
        if len(low) != len(text):  # lower-casing changed offsets (rare scripts): scan plainly
            found = [(m.start(), order, mk, m) for order, mk, rx in self._parts for m in rx.finditer(text)]
        else:
            words = set(_WORD.findall(low))
            heads = {w[:3] for w in words}
            heads.update(w[:2] for w in words)
            cands = list(self._always)
            for h in heads & self._by_key.keys():
                cands.extend(self._by_key[h])
            found = []
            seen: set[tuple[int, int]] = set()
            for order, mk, rx, t in cands:
                if t is None:
                    for m in rx.finditer(text):
                        found.append((m.start(), order, mk, m))
                    continue
                pos = low.find(t)
                while pos >= 0:
                    k = (id(rx), pos)
                    if k not in seen:
                        seen.add(k)
                        m = rx.match(text, pos)
                        if m is not None and m.end() > m.start():
                            found.append((pos, order, mk, m))
                    pos = low.find(t, pos + 1)
        found.sort(key=lambda x: (x[0], x[1]))
        last_end = -1
        for start, _order, mk, m in found:
            if start < last_end:
                continue  # overlapping matches of several markers: keep the first
            last_end = m.end()
            yield mk, m


_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _trigger_key(t: str) -> str | None:
    """The first two or three letters of a trigger's first word (None: it starts with a symbol)."""
    m = _WORD.match(t)
    if m is None:
        return None
    w = m.group(0)
    return w[:3] if len(w) >= 3 else (w if len(w) == 2 else None)


def _triggers(pattern: str) -> tuple[str, ...] | None:
    """Literal prefixes (lower case) one of which every match starts with, or None when unknown."""
    try:
        from re import _parser as sre_parse  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        import sre_parse  # type: ignore[no-redef]
    try:
        tree = sre_parse.parse(pattern)
    except Exception:
        return None
    out = _prefixes(list(tree))
    if not out or any(len(x) < 2 for x in out):
        return None
    return tuple(sorted(set(out)))


def _prefixes(seq: list) -> list[str] | None:
    """Literal prefixes of a parsed sequence; None when a branch has no usable prefix."""
    from re import _constants as C  # type: ignore[attr-defined]

    acc = [""]

    def cross(a: list[str], b: list[str] | None) -> list[str] | None:
        if b is None:
            return None
        out = [x + y for x in a for y in b]
        return out if len(out) <= 64 else None

    for i, (op, av) in enumerate(seq):
        if op is C.AT:
            continue
        if op is C.LITERAL:
            acc = [a + chr(av).lower() for a in acc]
            continue
        if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= 4:
            acc = [a + c for a in acc for c in dict.fromkeys(chr(v).lower() for _, v in av)]
            continue
        nxt: list[str] | None = None
        if op is C.SUBPATTERN:
            nxt = cross(acc, _prefixes(list(av[-1])))
        elif op is C.BRANCH:
            subs: list[str] | None = []
            for br in av[1]:
                b = _prefixes(list(br))
                if b is None:
                    subs = None
                    break
                subs.extend(b)
            nxt = cross(acc, subs)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, _hi, item = av
            inner = _prefixes(list(item))
            if lo >= 1:
                nxt = cross(acc, inner)
            else:
                rest = _prefixes(list(seq[i + 1 :]))
                nxt = cross(acc, None if inner is None or rest is None else inner + rest)
        if nxt is None:
            return acc if all(acc) else None
        acc = nxt
        break
    if any(a == "" for a in acc):
        return None
    return acc


_TOKEN = re.compile(r"[^\W_]+")


def _tokenise(text: str) -> list[tuple[str, int, int]]:
    """Word tokens with offsets; the "s" of a possessive ("Sjögren's") is dropped."""
    out = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    if "'" in text or "\u2019" in text:  # only then can there be a possessive "s" to drop
        out = [t for t in out if not (t[0] in ("s", "S") and t[1] > 0 and text[t[1] - 1] in "'\u2019")]
    return out


def _lengths_by_first(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    lens: dict[str, set[int]] = {}
    for k in keys:
        lens.setdefault(k[0], set()).add(len(k))
    return {w: tuple(sorted(ls, reverse=True)) for w, ls in lens.items()}


_GAP = re.compile(r"[\s\-\u2010\u2011\u2013'\u2019,/]*")


def _gaps_ok(text: str, toks: list[tuple[str, int, int]], i: int, L: int) -> bool:
    """The words of a name are joined by spaces, hyphens, apostrophes or commas only (not brackets)."""
    for j in range(i, i + L - 1):
        if not _GAP.fullmatch(text, toks[j][2], toks[j + 1][1]):
            return False
    return True


def _tokens_norm(name: str) -> tuple[str, ...]:
    return tuple(t.lower() for t, _, _ in _tokenise(name))


def _abbrev_ok(text: str, start: int, end: int) -> bool:
    """An abbreviation stands alone: not glued to other letters by "-" or "/" ("anti-RA", "PD-L1")."""
    if start > 0 and text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum():
        return False
    if end < len(text) and text[end] in "-/" and end + 1 < len(text) and text[end + 1].isalnum():
        return False
    return True


def _concept_from(d: dict[str, Any]) -> Concept:
    return Concept(
        id=str(d["id"]),
        name=str(d.get("name") or d["id"]),
        area=str(d.get("area", "other")),
        parents=tuple(d.get("parents", ())),
        icd10=tuple(d.get("icd10", ())),
        synonyms=[str(s) for s in d.get("synonyms", ())],
        abbrevs=[str(s) for s in d.get("abbrevs", ())],
        umbrella=bool(d.get("umbrella", False)),
        covers=tuple(d.get("covers", ())),
    )


def _read(path: Path, concepts: dict[str, Concept], markers: list[Marker]) -> None:
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    for d in data.get("concept", []):
        c = _concept_from(d)
        if c.id in concepts:  # a later file extends a concept
            old = concepts[c.id]
            old.synonyms.extend(s for s in c.synonyms if s not in old.synonyms)
            old.abbrevs.extend(s for s in c.abbrevs if s not in old.abbrevs)
            old.parents = tuple(dict.fromkeys(old.parents + c.parents))
            old.icd10 = tuple(dict.fromkeys(old.icd10 + c.icd10))
        else:
            concepts[c.id] = c
    for d in data.get("marker", []):
        flags = 0 if d.get("case", False) else re.IGNORECASE
        pats = d.get("patterns", [])
        if not pats:
            continue
        try:
            parts = [(re.compile(p, flags), _triggers(p)) for p in pats]
        except re.error as exc:
            raise ValueError(f"{path}: marker {d.get('label')!r}: bad pattern: {exc}") from None
        cs = tuple(d.get("concepts", ()))
        markers.append(Marker(cs, str(d.get("kind", "finding")), str(d.get("label", cs[0] if cs else "")), parts))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Vocabulary:
    concepts: dict[str, Concept] = {}
    markers: list[Marker] = []
    for p in paths:
        try:
            _read(Path(p), concepts, markers)
        except (ValueError, OSError) as e:  # name the file: the user's configuration points at it
            raise type(e)(f"vocabulary file {p}: {e}") from e
    unknown = {c for m in markers for c in m.concepts if c not in concepts}
    if unknown:
        raise ValueError(f"markers name unknown concepts: {sorted(unknown)}")
    _add_icd_names(concepts)
    return Vocabulary(concepts, markers)


def load_vocabulary(extra_paths: Iterable[Path | str] = ()) -> Vocabulary:
    """The shipped vocabulary plus users' TOML files of the same schema (cached per path list)."""
    paths = (str(DATA_FILE), *(str(Path(p).expanduser()) for p in extra_paths or ()))
    return _load(paths)


def vocabulary_paths(ctx: Any, code: str = "TA3") -> list[str]:
    """Extra vocabulary files from the configuration.

    Looked up, in order: ``ctx.option(code, "vocabulary")`` (a rule's own options, e.g.
    ``[rules.TA301] vocabulary = [...]``), then the family key ``TA3``, then the option every
    rule gets (``*``, from the configuration's top-level ``vocabulary``). A single string is one path.
    """
    if ctx is None:
        return []
    opts = getattr(ctx, "options", None) or {}
    val: Any = None
    for key in (code, "TA3"):
        sub = opts.get(key)
        if isinstance(sub, dict) and sub.get("vocabulary"):
            val = sub["vocabulary"]
            break
    if val is None:
        val = (opts.get("*") or {}).get("vocabulary")
    if not val:
        return []
    if isinstance(val, (str, Path)):
        return [str(val)]
    return [str(v) for v in val]


# --- ICD-10-CM (offline, from the shipped extract: audit/icd10cm.py) ------------------------------


def icd_title_key(name: str) -> str:
    """An ICD-10-CM title or a registered name as the title index keys it (no bracketed parts)."""
    return _norm(_ICD_CLEAN.sub("", name))


def _icd_titles(code: str) -> list[str]:
    from trial_audit.text.icd10cm import tabular

    clean = []
    for t in tabular().titles(code):
        t2 = _ICD_CLEAN.sub("", t).strip()
        low = t2.lower()
        if not t2 or "unspecified" in low or "other " in low or " nos" in low or len(t2) > 60:
            continue
        clean.append(t2)
    return clean


def _add_icd_names(concepts: dict[str, Concept]) -> None:
    for c in concepts.values():
        if c.umbrella:
            continue
        for code in c.icd10:
            for t in _icd_titles(code):
                if t.lower() not in (s.lower() for s in c.synonyms):
                    c.synonyms.append(t)


def _icd_related(a: Sequence[str], b: Sequence[str]) -> bool:
    if not a or not b:
        return False
    from trial_audit.text.icd10cm import tabular

    tab = tabular()
    for x in a:
        for y in b:
            if x == y:
                return True
            if tab.node(x) is not None and tab.node(y) is not None:
                if tab.is_ancestor(x, y) or tab.is_ancestor(y, x):
                    return True
                continue
            # a code ICD-10-CM does not know (a typo, a range that is no block): by prefix
            dx, dy = x.replace(".", ""), y.replace(".", "")
            if "-" not in dx + dy and (dx.startswith(dy) or dy.startswith(dx)):
                return True
    return False


def icd_index() -> dict[str, str]:
    """Normalised ICD-10-CM title / inclusion term -> code (categories and subcategories)."""
    from trial_audit.text.icd10cm import tabular

    return tabular().title_index


def _icd_concepts(vocab: Vocabulary, name: str) -> set[str]:
    """Concepts related through ICD-10-CM to a name the curated list does not know."""
    if len(name) > 1000:
        return set()  # no ICD-10-CM title is that long; and the bracket pattern is quadratic on "((((..."
    code = icd_index().get(icd_title_key(name))
    if not code:
        return set()
    return {c.id for c in vocab.concepts.values() if c.icd10 and _icd_related((code,), c.icd10)}


# --- record analysis ------------------------------------------------------------------------

_NEG = re.compile(
    r"\b(?:no|not|non|nor|without|absence|absent|free\s+of|negative\s+for|never|other\s+than|except|excluding|"
    r"exclusion|excluded|rule[sd]?\s+out|prior|previous|previously|history|risk|family|relatives?|mother|father|"
    r"siblings?|partners?|contacts?|caregivers?|parents?|exposure|exposed|vaccin\w*|prevent\w*|screen\w*|"
    r"suspected|suspicion|healthy|control|controls|unless|besides|secondary\s+to|instead|nor|none|negative|"
    r"seronegative|uncontrolled|unstable|clinically\s+significant|versus|vs|compared|exclude[sd]?|ineligible|"
    r"such\s+as|including|includes|e\.g|i\.e|for\s+example|like)\b|\bnon-|\bun-",
    re.IGNORECASE,
)
_AFTER_SKIP = re.compile(
    r"\s*(?:[-\u2010\u2013]\s*|\s)(?:associated|related|induced|mediated|like|type|negative|free|naive|na\u00efve|"
    r"specific|directed|targeted|vaccine|test|testing|screening|antibod\w*|antigen|status|serology)\b|\s*(?:drug|therapy|"
    r"treatment|medication|medicine)s?\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\.\s+(?=[A-Z(])")
_SCOPE = re.compile(
    r"\b(?:for|in)\s+(?:the\s+|all\s+)?(?:[\w()/\-]+[\s\-]){0,6}?(?:patients?|subjects?|participants?|cohorts?|arms?|"
    r"parts?|groups?|those|women|men|children|individuals|population|stratum|strata|indications?)\b|"
    r"\b(?:cohort|arm|part|group|stratum|panel|phase|module)\s+(?:[A-Z0-9]{1,3}|I{1,3}V?|one|two|three|four)\b|"
    r"\b(?:if|when|whenever|where\s+applicable|in\s+case|only|exclusively|applicable|applies|apply)\b|"
    r"\b(?:dose[\s\-]escalation|dose[\s\-]expansion|expansion|escalation|basket|sub-?study|substudy|sub-?group)\b",
    re.IGNORECASE,
)
#: words after a condition that make it a negative or a permission rather than a requirement
_NEG_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:negative|seronegative|excluded|not\s+(?:allowed|permitted|eligible)|ruled\s+out|free|"
    r"allowed|permitted|eligible|provided|as\s+long\s+as|well[\s-]controlled|controlled|stable|are\s+acceptable|"
    r"is\s+acceptable|may\s+(?:be|participate|enrol\w*|enter|join)|can\s+(?:be|participate|enrol\w*|enter)|"
    r"will\s+be|adequate|adequately|or\s+not|or\s+without|considered|included)\b",
    re.IGNORECASE,
)
#: a parent item that negates its sub-list ("Patients must not have any of the following:")
_NEG_PARENT = re.compile(r"\b(?:not|no|none|without|exclu\w+|ineligible|absence)\b", re.IGNORECASE)
#: a summary sentence that states the trial's conditions ("Conditions included in the study are ...")
_SUMMARY_LIST_CUE = re.compile(
    r"\b(?:conditions?|diseases?|indications?|disorders?|diagnos[ie]s)\b[^.]{0,40}\b(?:included|include|includes|"
    r"including|are|studied|enrol\w*|eligible)\b|\b(?:included|studied|enrol\w*)\s+(?:in|by|into)\s+(?:the|this)\s+"
    r"(?:study|trial)\b|\bpatients\s+with\s+(?:one\s+of|any\s+of|either)\b",
    re.IGNORECASE,
)
#: an inclusion item that lists the eligible diseases ("including but not limited to A, B, C, etc.")
_CRIT_LIST_CUE = re.compile(
    r"\b(?:including|include|includes|such\s+as|one\s+of|any\s+of|e\.g|etc|following\s+(?:diseases|diagnoses|conditions))\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ItemHit:
    """A condition-specific requirement in a criteria item."""

    item: Item
    concepts: tuple[str, ...]  # the condition(s) it is specific to
    kind: str  # "marker:<kind>" or "diagnosis"
    label: str  # what it is ("SLEDAI", "diagnosis of rheumatoid arthritis")
    start: int  # offsets of the matched text in the criteria field
    end: int


@dataclass(slots=True)
class Source:
    field: str
    text: str
    concepts: set[str]
    spans: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    vocab: Vocabulary
    #: declared conditions: registered list, keywords, MeSH terms, titles, summaries
    declared: list[Source] = field(default_factory=list)
    declared_concepts: set[str] = field(default_factory=set)
    #: the enumerated lists the record states: "registered", "summary", "criteria" -> Sources
    lists: dict[str, list[Source]] = field(default_factory=dict)
    doc: CriteriaDoc | None = None
    inclusion_hits: list[ItemHit] = field(default_factory=list)
    scoped: set[int] = field(default_factory=set)  # id() of items that are scoped to a subgroup
    item_mentions: dict[int, list[Mention]] = field(default_factory=dict)

    def specific(self, concepts: Iterable[str]) -> set[str]:
        return {c for c in concepts if not self.vocab.is_umbrella(c)}

    def declared_specific(self) -> set[str]:
        return self.specific(self.declared_concepts)

    def relation(self, cid: str) -> str:
        """How a concept stands to the trial's declared conditions.

        "declared" (the concept or a broader / narrower one is declared), "umbrella" (only an
        umbrella term such as "autoimmune diseases" covers it), "unknown" (nothing specific is
        declared), or "absent".
        """
        v = self.vocab
        spec = self.declared_specific()
        if any(v.related(cid, d) for d in spec):
            return "declared"
        # a declared complication of the condition's parent ("diabetic nephropathy" is within diabetes,
        # so a type 2 diabetes requirement is consistent with it)
        mine = {x for x in v.ancestors(cid) if x != cid and not v.is_umbrella(x)}
        if any(mine & v.ancestors(d) for d in spec if v.is_complication(d)):
            return "declared"
        umb = [d for d in self.declared_concepts if v.is_umbrella(d)]
        if not spec:
            return "umbrella" if any(v.covers(u, cid) for u in umb) else "unknown"
        if any(v.covers(u, cid) for u in umb):
            # an umbrella plus specific conditions of the same area: the specific list is the scope
            area_spec = [d for d in spec if v.concepts[d].area == v.concepts[cid].area]
            return "absent" if area_spec else "umbrella"
        return "absent"


def _record_key(record: TrialRecord) -> tuple:
    return (
        id(record),
        record.criteria,
        tuple(record.conditions),
        tuple(record.keywords),
        tuple(record.mesh_terms),
        record.brief_summary,
        record.plain_summary,
    )


_last: list[Any] = [None, None]


def analyse(record: TrialRecord, vocab: Vocabulary | None = None) -> Analysis:
    """Everything the TA3xx rules need about one record (cached for the record being checked)."""
    vocab = vocab or load_vocabulary()
    key = (_record_key(record), id(vocab))
    if _last[0] == key:
        return _last[1]
    a = _analyse(record, vocab)
    _last[0], _last[1] = key, a
    return a


def _list_field(record: TrialRecord, attr: str) -> list[tuple[str, str]]:
    vals = getattr(record, attr, None) or []
    return [(f"{attr}[{i}]", v) for i, v in enumerate(vals) if isinstance(v, str) and v.strip()]


def _enumerations(vocab: Vocabulary, fld: str, text: str) -> list[Source]:
    """Sentences of a text that enumerate two or more specific conditions."""
    out = []
    for m in re.finditer(r"[^.;:!?\n]+(?:\.(?=[0-9a-z])[^.;:!?\n]*)*", text):
        sent = m.group(0)
        if not _SUMMARY_LIST_CUE.search(sent):  # the cheap test first: few sentences have the cue
            continue
        ms = [x for x in vocab.mentions(sent) if not vocab.is_umbrella(x.concept)]
        cs = {x.concept for x in ms}
        if len(cs) >= 2:
            spans = [Mention(x.concept, x.start + m.start(), x.end + m.start(), x.text) for x in ms]
            out.append(Source(fld, text, cs, spans))
    return out


def _analyse(record: TrialRecord, vocab: Vocabulary) -> Analysis:
    a = Analysis(vocab)
    reg: list[Source] = []
    for attr in ("conditions", "keywords", "mesh_terms"):
        for fld, val in _list_field(record, attr):
            cs = vocab.concepts_of_name(val, loose=attr != "keywords")
            src = Source(fld, val, cs, [Mention(c, 0, len(val), val) for c in cs])
            a.declared.append(src)
            if attr != "keywords":
                reg.append(src)
            a.declared_concepts |= cs
    for fld in ("brief_title", "official_title", "acronym"):
        val = getattr(record, fld, None)
        if isinstance(val, str) and val.strip():
            ms = vocab.mentions(val)
            cs = {m.concept for m in ms}
            a.declared.append(Source(fld, val, cs, ms))
            a.declared_concepts |= cs
    summaries: list[Source] = []
    for fld in ("brief_summary", "plain_summary"):
        val = getattr(record, fld, None)
        if isinstance(val, str) and val.strip():
            en = _enumerations(vocab, fld, val)
            summaries.extend(en)
            for s in en:
                a.declared_concepts |= s.concepts
    if reg:
        a.lists["registered"] = reg
    if summaries:
        a.lists["summary"] = summaries

    text = record.criteria
    if not isinstance(text, str) or not text.strip():
        return a
    from trial_audit.text.criteria import doc_for

    try:
        doc = doc_for(text, bool(record.criteria_markdown))
    except Exception:  # the parser promises not to raise; be safe anyway
        return a
    a.doc = doc
    all_ms = vocab.mentions(text)
    all_mk = []
    for sec in doc.sections:  # markers matter in inclusion sections only
        if sec.kind == "inclusion" and sec.end > sec.start:
            part = text[sec.start : sec.end]
            all_mk.extend((mk, m.start() + sec.start, m.end() + sec.start) for mk, m in vocab.marker_hits(part))
    all_mk.sort(key=lambda x: x[1])
    ms_starts = [m.start for m in all_ms]
    mk_starts = [x[1] for x in all_mk]
    crit_lists: list[Source] = []
    for sec in doc.sections:
        for item in sec.iter_items():
            ts, te = item.text_start, item.text_end
            ms = all_ms[bisect_left(ms_starts, ts) : bisect_left(ms_starts, te)]
            ms = [m for m in ms if m.end <= te]
            a.item_mentions[id(item)] = ms
            if sec.kind == "inclusion":
                spec = {m.concept for m in ms if not vocab.is_umbrella(m.concept)}
                if (
                    len(spec) >= 3
                    and _CRIT_LIST_CUE.search(text, ts, te)
                    and not _ITEM_NEG.search(text, ts, te)
                    and not _negated_by_parent(item)
                ):
                    crit_lists.append(Source("criteria", text, spec, [m for m in ms if m.concept in spec]))
                mks = [x for x in all_mk[bisect_left(mk_starts, ts) : bisect_left(mk_starts, te)] if x[2] <= te]
                if ms or mks:
                    hits = _hits(vocab, item, text, ms, mks)
                    if hits:
                        a.inclusion_hits.extend(hits)
                        if _is_scoped(vocab, item, sec):
                            a.scoped.add(id(item))
    if crit_lists:
        a.lists["criteria"] = crit_lists
    return a


def _negated_by_parent(item: Item) -> bool:
    p = getattr(item, "parent", None)
    while p is not None:
        if _NEG_PARENT.search(p.text):
            return True
        p = getattr(p, "parent", None)
    return False


_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)
_VACCINE = re.compile(r"\bvaccin\w*|\bimmuni[sz]\w*", re.IGNORECASE)
#: only these words may stand before a condition for the item to *require* that condition
#: ("Histologically confirmed, metastatic NSCLC", "Patients with a diagnosis of SLE")
_HEAD_WORD = (
    r"a|an|the|any|known|current|currently|documented|confirmed|established|definite|definitive|probable|"
    r"clinical|clinically|histolog\w*|cytolog\w*|patholog\w*|radiolog\w*|biopsy|proven|verified|or|and|"
    r"diagnos\w*|with|of|by|newly|untreated|active|chronic|acute|stable|mild|moderate|severe|advanced|"
    r"metastatic|locally|recurrent|relapsed|refractory|unresectable|resectable|inoperable|early|stage|grade|"
    r"primary|patients?|subjects?|participants?|individuals?|people|persons?|adults?|men|women|children|"
    r"adolescents?|males?|females?|who|have|has|are|is|must|should|be|meet\w*|fulfil\w*|criteria|for|"
    r"according|to|evidence|presence|suffering|from|having|[0-9]+|[ivx]+[abc]?|[abc]|i{1,3}v?[abc]?"
)
_HEAD = re.compile(r"^(?:(?:" + _HEAD_WORD + r")\b|[\s,/()\-:–])*$", re.IGNORECASE)
_ITEM_NEG = re.compile(
    r"\b(?:seronegative|negative|must\s+not|should\s+not|not\s+eligible|ineligible|excluded|are\s+not|is\s+not|"
    r"no\s+(?:history|evidence|known|active|prior)|none\s+of|free\s+of|allowed|permitted|are\s+eligible|without|"
    r"is\s+eligible|may\s+(?:be|enrol\w*|enter|participate)|will\s+be\s+included|exception)\b",
    re.IGNORECASE,
)


def _hits(vocab: Vocabulary, item: Item, text: str, mentions: list[Mention], markers: list) -> list[ItemHit]:
    """Condition-specific requirements in one inclusion item (children are their own items)."""
    ts, te = item.text_start, item.text_end
    if _negated_by_parent(item):
        return []
    parent = getattr(item, "parent", None)
    if parent is not None and (parent.text.rstrip().endswith(":") or _FOLLOWING.search(parent.text)):
        return []  # a sub-list item: an alternative, a definition or a scoped requirement
    item_neg = bool(_ITEM_NEG.search(text, ts, te))
    bounds = [(ts + a, ts + b) for a, b in _clauses(text[ts:te])]

    def clause_of(pos: int) -> tuple[int, int]:
        for a, b in bounds:
            if a <= pos <= b:
                return a, b
        return ts, te

    out: list[ItemHit] = []
    if text[ts:te].rstrip().endswith(":"):
        return []  # a label over what follows
    for mk, s0, e0 in markers:
        if item_neg:
            continue
        cs, _ce = clause_of(s0)
        before = text[max(cs, s0 - 50) : s0]
        if _NEG.search(before) and not re.search(r"(?:positive|negative)", text[s0:e0], re.I):
            continue
        out.append(ItemHit(item, mk.concepts, "marker:" + mk.kind, mk.label, s0, e0))
    vaccine = bool(_VACCINE.search(text, ts, te))
    # an unmarked short line among marked items is a group label ("Parkinson's Disease" over its criteria)
    label_line = item.marker is None and len(text[ts:te].strip()) < 60 and not text[ts:te].rstrip().endswith(".")
    diag: list[ItemHit] = []
    for men in mentions:
        if vocab.is_umbrella(men.concept):
            continue
        c = vocab.concepts[men.concept]
        if vaccine and c.area == "infectious":
            continue
        cs, ce = clause_of(men.start)
        before = text[cs : men.start]
        if _NEG.search(before):
            continue
        if _AFTER_SKIP.match(text, men.end) or _NEG_AFTER.match(text, men.end, ce):
            continue
        if label_line or item_neg or cs != ts or len(before) > 90 or not _HEAD.match(before):
            continue  # the item is not (or not only) a requirement to have this condition
        diag.append(ItemHit(item, (men.concept,), "diagnosis", f"diagnosis of {c.name}", men.start, men.end))
    # a clause that names two or more conditions lists alternatives or comorbidities: not one
    # condition's requirement
    for h in diag:
        cs, ce = clause_of(h.start)
        others = {
            m.concept
            for m in mentions
            if cs <= m.start < ce and not vocab.is_umbrella(m.concept) and not vocab.related(m.concept, h.concepts[0])
        }
        if not others:
            out.append(h)
    return out


_GROUP_WORD = re.compile(
    r"\b(?:cohorts?|arms?|parts?|groups?|stratum|strata|panel|module|sub-?study|substudy|expansion|escalation|"
    r"stage\s+[0-9IVX]+|phase\s+[0-9IVX]+[ab]?)\b",
    re.IGNORECASE,
)
_ALL_WORD = re.compile(r"\b(?:all|every|each|general|common|both|key|main)\b", re.IGNORECASE)


_ALTERNATIVES = re.compile(r"\b(?:one|any|two|three|1|2|3)\s+(?:or\s+more\s+)?of\b|\bat\s+least\b|\beither\b", re.I)


def _scoping_label(vocab: Vocabulary, text: str) -> bool:
    """A label line that restricts what follows to a subgroup ("Part B:", "For patients with PBC:")
    or opens a list of alternatives ("At least one of the following:")."""
    t = text.strip()
    if not t.endswith(":") or len(t) > 200:
        return False
    if _ALTERNATIVES.search(t) or _NEG_PARENT.search(t):
        return True
    if _ALL_WORD.search(t):
        return False
    return bool(_GROUP_WORD.search(t) or any(not vocab.is_umbrella(m.concept) for m in vocab.mentions(t)))


def _is_scoped(vocab: Vocabulary, item: Item, sec: Any) -> bool:
    """The item applies to a subgroup: a labelled section, a scoping label / parent, or a prefix."""
    if getattr(sec, "label", None) and not _ALL_WORD.search(sec.label or ""):
        return True
    if getattr(item, "is_label", False):
        return True
    p = getattr(item, "parent", None)
    while p is not None:
        if _scoping_label(vocab, p.text):
            return True
        p = getattr(p, "parent", None)
    # a preceding unmarked label line ("Part B:", "For patients with PBC:") in the same section
    top = item
    while getattr(top, "parent", None) is not None:
        top = top.parent
    scoped = False
    for it in sec.items:
        if it is top:
            break
        if getattr(it, "is_label", False) or it.text.rstrip().endswith(":"):
            scoped = _scoping_label(vocab, it.text)
        elif len(it.text) < 100 and _ALTERNATIVES.search(it.text) and _FOLLOWING.search(it.text):
            scoped = True  # "At least one of the following" written without a colon
    return scoped


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def is_scoped_hit(a: Analysis, hit: ItemHit, text: str) -> bool:
    """The hit's item is scoped, or the words before the hit in its clause scope it."""
    if id(hit.item) in a.scoped:
        return True
    before = text[hit.item.text_start : hit.start]
    # only the clause the hit sits in
    cut = max(before.rfind(";"), before.rfind(". "))
    if cut >= 0:
        before = before[cut + 1 :]
    if _SCOPE.search(before):
        return True
    item_text = text[hit.item.text_start : hit.item.text_end]
    colon = item_text.find(":")
    if 0 <= colon <= 160 and _SCOPE.search(item_text[:colon]):
        return True  # "For HIV co-infected participants: ..." scopes the whole item
    after = text[hit.end : min(hit.end + 25, hit.item.text_end)]
    if re.match(r"\s*(?:\)|patients|subjects|participants|cohort|arm|group)?\s*(?:only|cohort|arm|group)\b", after, re.I):
        return True
    # "PBC patients:" / "Patients with PBC:" - a name followed by a colon labels what follows
    if re.match(r"[^.;]{0,25}:", after) and not re.search(r"[0-9]", after.split(":")[0]):
        return True
    return False


# --- evidence helpers for the rules ---------------------------------------------------------


def condition_evidence(a: Analysis, record: TrialRecord, limit: int = 6) -> list:
    """Evidence of the trial's declared conditions: registered list, else titles / summary lists."""
    from trial_audit.core.findings import Evidence

    out = []
    for src in a.declared:
        if src.field.startswith(("conditions[", "mesh_terms[")):
            out.append(Evidence.whole(src.field, src.text))
    if not out:
        for src in a.lists.get("summary", [])[:1]:
            sp = src.spans
            if sp:
                out.append(Evidence.span(src.field, src.text, sp[0].start, sp[-1].end))
    if not out:
        for src in a.declared:
            if src.field.endswith("title") and src.spans:
                out.append(Evidence.whole(src.field, src.text))
                break
    return out[:limit]


def names(a: Analysis, concepts: Iterable[str]) -> str:
    return ", ".join(sorted({a.vocab.concepts[c].name for c in concepts if c in a.vocab.concepts}))


def declared_names(a: Analysis) -> str:
    spec = a.declared_specific() or a.declared_concepts
    return names(a, spec) or "none recognised"
