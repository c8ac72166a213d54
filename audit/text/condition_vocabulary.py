"""The condition vocabulary of the TA3xx rules: concepts, markers, and how names are recognised.

Two sources of knowledge:

* **Concepts** (``audit/data/condition_markers.toml``): conditions with their names, abbreviations,
  broader concepts and ICD-10-CM codes. Each concept also gets the ICD-10-CM title and inclusion
  terms of its codes as names, and the ICD-10-CM hierarchy relates concepts to each other and to
  registered condition names the curated list does not know ("Primary biliary cirrhosis" ->
  K74.3 -> PBC). ICD-10-CM is read offline from the extract ``trial_audit.text.icd10cm`` ships.
* **Markers** (same file): findings only a given condition has - classification criteria,
  pathognomonic findings, disease-specific scores and antibodies, lab bands that define a disease.

Users extend both with TOML files of the same schema (``load_vocabulary(extra_paths)``; the rules
read the paths from the ``vocabulary`` option, see docs/rules-ta3xx.md).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from trial_audit.core.casing import lower_keeping_offsets
from trial_audit.text.condition_tokens import (
    WORD,
    abbrev_ok,
    gaps_ok,
    lengths_by_first,
    tokenise,
    tokens_norm,
    trigger_key,
    triggers,
)
from trial_audit.text.condition_vocabulary_icd import _add_icd_names, _icd_concepts, _icd_related, _icd_titles, icd_index  # noqa: F401 (re-exported)
from trial_audit.text.condition_words import head_variants

DATA_FILE = Path(__file__).parents[1] / "data" / "condition_markers.toml"

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
    # "depression" as the decrease of a measured value, not the mood disorder
    "st depression",
    "st segment depression",
    "st-segment depression",
    "myocardial depression",
    "immune depression",
    "depression in cd4",
    "depression of cd4",
    "cd4 depression",
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
    # the Movement Disorder Society's criteria and scale of Parkinson's disease, not myelodysplasia
    "mds criteria",
    "mds clinical diagnostic criteria",
    "mds-updrs",
    "movement disorder society",
    "cutaneous lupus erythematosus disease area and severity index",
    "hiv test",
    "hiv tests",
    "hiv antibody",
    "hiv antibodies",
    "hiv serology",
]


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
                k = tokens_norm(n)
                if k and (len(k) > 1 or len(k[0]) >= 3) and k not in names:
                    names[k] = c.id
            for ab in c.abbrevs:
                k = tuple(t for t, _, _ in tokenise(ab))
                if k and k not in abbrevs:
                    abbrevs[k] = c.id
        for sh in _SHADOW:
            names[tokens_norm(sh)] = None
        self._names = names
        self._abbrevs = abbrevs
        self._abbrev_ci = {" ".join(k).upper(): v for k, v in abbrevs.items() if len(k) == 1 and len(k[0]) >= 3}
        # per first word, the lengths (longest first) its names have: only those are tried
        self._name_lens = lengths_by_first(names)
        self._abbrev_lens = lengths_by_first(abbrevs)
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
        toks = tokenise(text)
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
                    if k in names and gaps_ok(text, toks, i, L):
                        best, cid = L, names[k]
                        break
            if not best:
                for L in abbrev_lens.get(words[i], ()):
                    if L <= n - i:
                        k = tuple(words[i : i + L])
                        if k in abbrevs and abbrev_ok(text, toks[i][1], toks[i + L - 1][2]):
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
            whole = self._names.get(tokens_norm(f"{b.strip()} {a.strip()}"), "")
            if whole != "":
                # the name in its natural order is a known name: that is what it names ("Hypertension, Portal"
                # is portal hypertension, not hypertension; a shadow phrase names no condition)
                out = {whole} if whole is not None else set()
            else:
                out |= {m.concept for m in self.mentions(f"{b.strip()} {a.strip()}")}
        # registered names may be lower-cased abbreviations ("hbv", "copd"): whole-name match
        for t, _, _ in tokenise(name):
            cid = self._abbrev_ci.get(t.upper())
            if cid is not None and (len(tokenise(name)) <= 3 or not out):
                out.add(cid)
        if not loose:
            return out
        if not any(not self.is_umbrella(c) for c in out):  # the older or newer name of one class
            out |= {c for v in head_variants(name) if (c := self._names.get(tokens_norm(v))) is not None}
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
        key = " ".join(tokens_norm(name))
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
                key = trigger_key(t)
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
        # one character for each of ``text`` ("İ".lower() alone is two): offsets found in ``low`` index ``text``
        low = lower_keeping_offsets(text)
        words = set(WORD.findall(low))
        heads = {w[:3] for w in words}
        heads.update(w[:2] for w in words)
        cands = list(self._always)
        for h in heads & self._by_key.keys():
            cands.extend(self._by_key[h])
        found: list[tuple[int, int, Marker, re.Match[str]]] = []
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
            parts = [(re.compile(p, flags), triggers(p)) for p in pats]
        except re.error as exc:
            raise ValueError(f"{path}: marker {d.get('label')!r}: bad pattern: {exc}") from None
        cs = tuple(d.get("concepts", ()))
        markers.append(Marker(cs, str(d.get("kind", "finding")), str(d.get("label", cs[0] if cs else "")), parts))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Vocabulary:
    # built once, then read back by later runs (text/vocabulary_store.py: marshal, keyed on the files and code)
    from trial_audit.text.vocabulary_store import cached_vocabulary

    vocab: Vocabulary = cached_vocabulary(paths, _build, (Vocabulary, Concept, Marker))
    return vocab


def _build(paths: tuple[str, ...]) -> Vocabulary:
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
