"""The run cache of built lookup structures (the ICD-10-CM name matchers): same answers, safe fallbacks."""

from trial_audit.text import icd10cm
from trial_audit.text.condition_systems import IcdMatcher

# eligibility wording of the kind TA301 reads (criteria of the bundled seed v2_NCT00973089.json
# name diseases the same way); the matcher's answers must not depend on where it came from
TEXT = "Biopsy-proven membranous nephropathy; history of primary biliary cirrhosis or chronic kidney disease stage 3."


def _state(matcher):
    return vars(matcher)


def test_a_stored_matcher_answers_as_a_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path))
    sources = [icd10cm.EXTRACT]
    built = icd10cm.cached_state("m", sources, lambda: IcdMatcher(True), IcdMatcher)  # builds, stores
    [stored] = list(tmp_path.glob("m-*.marshal"))
    loaded = icd10cm.cached_state("m", sources, lambda: (_ for _ in ()).throw(AssertionError("rebuilt")), IcdMatcher)
    assert type(loaded) is IcdMatcher and loaded is not built
    assert _state(loaded) == _state(built)
    assert loaded.mentions(TEXT) == built.mentions(TEXT) and built.mentions(TEXT)
    assert stored.stat().st_size > 0
    names = IcdMatcher(False)
    icd10cm.cached_state("n", sources, lambda: names, IcdMatcher)
    names_loaded = icd10cm.cached_state("n", sources, lambda: IcdMatcher(True), IcdMatcher)
    assert names_loaded.prefix_code("Polycystic kidney") == names.prefix_code("Polycystic kidney") is not None


def test_a_changed_source_builds_anew(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "builder.py"
    src.write_text("version 1")
    calls = []

    class Box:
        def __init__(self, v):
            self.v = v

    def build():
        calls.append(1)
        return Box(len(calls))

    assert icd10cm.cached_state("b", [src], build, Box).v == 1
    assert icd10cm.cached_state("b", [src], build, Box).v == 1  # from the cache
    src.write_text("version 2")
    assert icd10cm.cached_state("b", [src], build, Box).v == 2
    assert len(calls) == 2


def test_a_broken_or_unwritable_cache_falls_back_to_building(tmp_path, monkeypatch):
    class Box:
        def __init__(self, v):
            self.v = v

    src = tmp_path / "builder.py"
    src.write_text("x")
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(folder))
    icd10cm.cached_state("c", [src], lambda: Box(1), Box)
    [stored] = list(folder.glob("c-*.marshal"))
    stored.write_bytes(stored.read_bytes()[:5])  # cut short, as by a full disk
    assert icd10cm.cached_state("c", [src], lambda: Box(2), Box).v == 2
    assert icd10cm.cached_state("c", [src], lambda: Box(3), Box).v == 2  # stored again, whole
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(blocked / "cache"))
    assert icd10cm.cached_state("c", [src], lambda: Box(4), Box).v == 4
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", "off")
    assert icd10cm.cache_dir() is None
    assert icd10cm.cached_state("c", [src], lambda: Box(5), Box).v == 5
