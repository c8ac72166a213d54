"""The condition vocabulary stored between runs: read back, it matches exactly as the one built."""

import re
from pathlib import Path

import pytest

from trial_audit.core.model import TrialRecord
from trial_audit.text import condition_vocabulary as cv
from trial_audit.text import vocabulary_store as store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PATHS = (str(cv.DATA_FILE),)
CLASSES = (cv.Vocabulary, cv.Concept, cv.Marker)


def _never(paths):
    raise AssertionError("built again instead of read back")


def _seed_texts() -> list[str]:
    """Criteria, conditions, titles and summaries of every bundled seed record."""
    from trial_audit.readers import iter_records

    texts = []
    for r in iter_records([SEEDS]):
        if isinstance(r, TrialRecord):
            texts += [r.criteria or "", r.brief_title or "", r.official_title or "", r.brief_summary or "", *r.conditions, *r.keywords]
    return [t for t in texts if t]


def _matches(vocab, texts):
    mentions = [vocab.mentions(t) for t in texts]
    hits = [[(mk.label, mk.concepts, m.start(), m.end(), m.group(0)) for mk, m in vocab.marker_hits(t)] for t in texts]
    names = [sorted(vocab.concepts_of_name(t)) for t in texts if len(t) < 200]
    return mentions, hits, names


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_stored_vocabulary_matches_as_the_built_one(cache):
    built = store.cached_vocabulary(PATHS, cv._build, CLASSES)  # builds and stores
    [stored] = list(cache.glob("condition-vocabulary-*.marshal"))
    loaded = store.cached_vocabulary(PATHS, _never, CLASSES)
    assert type(loaded) is cv.Vocabulary and loaded is not built and stored.stat().st_size > 0
    assert store._state(loaded) == store._state(built)  # every concept, marker, pattern, name table
    # every name of the vocabulary as a text, and the seed records' texts: the same mentions,
    # marker hits and registered-name concepts, offset for offset
    names = [n for c in built.concepts.values() for n in (c.name, *c.synonyms, *c.abbrevs)]
    texts = _seed_texts() + names + ["; ".join(names)]
    assert len(texts) > 1000
    expected = _matches(built, texts)
    assert any(expected[1]), "the seed texts reach no marker: the comparison would test nothing"
    assert _matches(loaded, texts) == expected


def test_marker_patterns_are_compiled_on_first_use_only(cache):
    store.cached_vocabulary(PATHS, cv._build, CLASSES)
    loaded = store.cached_vocabulary(PATHS, _never, CLASSES)
    patterns = [rx for mk in loaded.markers for rx, _ in mk.parts]
    assert all(isinstance(rx, store.LazyPattern) for rx in patterns)
    list(loaded.marker_hits("Anti-dsDNA antibodies positive; ACR/EULAR 2019 classification criteria for SLE"))
    compiled = [rx for rx in patterns if "compiled" in vars(rx)]
    assert 0 < len(compiled) < len(patterns)  # the text's trigger words reached a few, not all


def test_lazy_pattern_is_the_compiled_pattern():
    rx = re.compile(r"\banti-?ds\s*dna\b", re.IGNORECASE)
    lazy = store.LazyPattern(rx.pattern, rx.flags)
    assert "compiled" not in vars(lazy)
    text = "Positive anti-dsDNA or ANTI DS DNA; anti-ds dna"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert lazy.match(text, 9).group(0) == rx.match(text, 9).group(0)
    assert lazy.compiled.pattern == rx.pattern and lazy.compiled.flags == rx.flags
    with pytest.raises(AttributeError):
        lazy.__deepcopy__  # noqa: B018 - dunders are never forwarded (and never compile)


def test_a_changed_vocabulary_file_builds_anew(cache, tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[concept]]\nid = "fmf"\nname = "familial Mediterranean fever"\nabbrevs = ["FMF"]\n', encoding="utf-8")
    paths = (*PATHS, str(extra))
    assert "fmf" in store.cached_vocabulary(paths, cv._build, CLASSES).concepts
    assert "fmf" in store.cached_vocabulary(paths, _never, CLASSES).concepts
    extra.write_text('[[concept]]\nid = "traps"\nname = "TNF receptor-associated periodic syndrome"\n', encoding="utf-8")
    changed = store.cached_vocabulary(paths, cv._build, CLASSES)
    assert "traps" in changed.concepts and "fmf" not in changed.concepts
    assert len(list(cache.glob("condition-vocabulary-*.marshal"))) == 2


def test_a_broken_missing_or_disabled_cache_falls_back_to_building(cache, tmp_path, monkeypatch):
    store.cached_vocabulary(PATHS, cv._build, CLASSES)
    [stored] = list(cache.glob("condition-vocabulary-*.marshal"))
    stored.write_bytes(stored.read_bytes()[:100])  # cut short, as by a full disk
    calls = []

    def counted(paths):
        calls.append(1)
        return cv._build(paths)

    assert store.cached_vocabulary(PATHS, counted, CLASSES).concepts
    assert store.cached_vocabulary(PATHS, counted, CLASSES).concepts  # stored again, whole
    assert len(calls) == 1
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(blocked / "cache"))
    assert store.cached_vocabulary(PATHS, counted, CLASSES).concepts and len(calls) == 2
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", "off")
    assert store.cached_vocabulary(PATHS, counted, CLASSES).concepts and len(calls) == 3


def test_a_missing_vocabulary_file_is_still_a_clear_error(cache, tmp_path):
    with pytest.raises(OSError, match="vocabulary file"):
        store.cached_vocabulary((*PATHS, str(tmp_path / "nowhere.toml")), cv._build, CLASSES)
