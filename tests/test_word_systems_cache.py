"""The word -> organ-system table of the scope rules, kept in the run cache: same table, same answers."""

from trial_audit.text import condition_icd_names
from trial_audit.text.condition_systems import _build_word_systems, _word_systems, word_system_code

# registered condition names that no ICD-10-CM title names, placed by their words (the kind
# condition_systems.word_system_code documents: "Cataract", "Post-operative delirium"), and names
# that must stay unplaced ("Kidney transplantation", "Shoulder pain")
NAMES = ("Cataract", "Post-operative delirium", "Esophageal achalasia", "Kidney transplantation", "Shoulder pain", "Healthy")


def _answers():
    return {n: word_system_code(n) for n in NAMES}


def test_a_stored_table_answers_as_a_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path))
    built = _build_word_systems()
    _word_systems.cache_clear()
    first = _word_systems()  # builds and stores
    [stored] = list(tmp_path.glob("icd-word-systems-*.marshal"))
    assert stored.stat().st_size > 0
    answers_built = _answers()
    _word_systems.cache_clear()
    monkeypatch.setattr(condition_icd_names, "_build_word_systems", lambda: (_ for _ in ()).throw(AssertionError("rebuilt")))
    loaded = _word_systems()  # read back: building would raise
    assert loaded is not first
    assert loaded == first == built
    assert all(type(v) is tuple for v in loaded.values())  # as built: the callers unpack pairs
    assert list(loaded) == list(built)
    assert _answers() == answers_built
    assert answers_built["Cataract"] is not None and answers_built["Shoulder pain"] is None
    _word_systems.cache_clear()


def test_a_broken_stored_table_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path))
    _word_systems.cache_clear()
    table = _word_systems()
    [stored] = list(tmp_path.glob("icd-word-systems-*.marshal"))
    stored.write_bytes(stored.read_bytes()[:100])  # a run killed while another read it, a full disk
    _word_systems.cache_clear()
    assert _word_systems() == table
    _word_systems.cache_clear()
