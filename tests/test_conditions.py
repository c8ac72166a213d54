"""The condition vocabulary and record analysis behind the TA3xx rules."""

from pathlib import Path

import pytest

from trial_audit.core.model import Source, record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.conditions import analyse, load_vocabulary, vocabulary_paths

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_39e40e8ef963eca8.txt"


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def concepts(vocab, text):
    return [m.concept for m in vocab.mentions(text)]


def test_vocabulary_covers_the_areas(vocab):
    areas = {c.area for c in vocab.concepts.values()}
    for area in ("autoimmune", "oncology", "cardiometabolic", "neurological", "respiratory", "infectious"):
        assert area in areas
    for m in vocab.markers:
        assert all(c in vocab.concepts for c in m.concepts)


def test_names_synonyms_and_abbreviations(vocab):
    assert concepts(vocab, "primary Sjogren's syndrome") == ["sjogren"]
    assert concepts(vocab, "primary Sjögren syndrome") == ["sjogren"]
    assert concepts(vocab, "IGG4-associated diseases") == ["igg4rd"]
    assert concepts(vocab, "Lupus Erythematosus, Systemic") == ["sle"]
    assert concepts(vocab, "patients with SLE or SSc") == ["sle", "ssc"]
    assert concepts(vocab, "Carcinoma, Non-Small-Cell Lung") in (["nsclc"], ["lung_cancer"])
    assert vocab.concepts_of_name("Carcinoma, Non-Small-Cell Lung") >= {"nsclc"}
    # the longest name wins; phrases that are not conditions are not read as one
    assert concepts(vocab, "cutaneous lupus erythematosus") == ["cle"]
    assert concepts(vocab, "positive lupus anticoagulant") == []
    assert concepts(vocab, "tumor necrosis factor inhibitors") == []
    # abbreviations are case-sensitive and must stand alone
    assert concepts(vocab, "sle") == [] and concepts(vocab, "SLE") == ["sle"]
    assert concepts(vocab, "PD-L1 positive") == []


def test_icd10cm_titles_extend_names(vocab):
    # ICD-10-CM K74.3 lists "Chronic nonsuppurative destructive cholangitis" as an inclusion term
    assert "pbc" in concepts(vocab, "chronic nonsuppurative destructive cholangitis")
    assert "sjogren" in concepts(vocab, "Sicca syndrome")


def test_relations(vocab):
    assert vocab.related("lupus_nephritis", "sle")
    assert vocab.related("t2d", "diabetes")
    assert not vocab.related("t1d", "t2d")
    assert not vocab.related("pbc", "sle")
    assert vocab.covers("autoimmune_disease", "pbc")
    assert not vocab.covers("autoimmune_disease", "breast_cancer")
    assert vocab.covers("cancer", "nsclc")


def test_markers(vocab):
    def labels(text):
        return [mk.label for mk, _ in vocab.marker_hits(text)]

    assert any("PBC" in x for x in labels("Histological evidence of non-suppurative destructive cholangitis"))
    assert any("SLEDAI" in x for x in labels("SLEDAI-2K score ≥ 6"))
    assert any("McDonald" in x for x in labels("MS according to the 2017 McDonald criteria"))
    assert any("HbA1c" in x for x in labels("HbA1c between 7.0% and 10.5%"))
    assert not any("HbA1c" in x for x in labels("HbA1c < 6.5%"))
    assert any("HER2" in x for x in labels("HER2-positive"))


def test_markers_matching_at_one_place_are_taken_in_vocabulary_order(vocab):
    """Two markers whose patterns match at the same offset: the one defined first wins, whatever
    the (per-process, hash-ordered) set of word heads that found them."""
    import re

    from trial_audit.text.conditions import Marker, Vocabulary

    def marker(label, pattern, trigger):
        rx = re.compile(pattern, re.IGNORECASE)
        return Marker(("sle",), "finding", label, [(rx, (trigger,))])

    a = marker("A", r"alpha\s+beta", "alpha")  # found under the head "alp"
    b = marker("B", r"al\w*\s+beta", "al")  # found under the head "al"
    text = "Positive alpha beta test"
    for first, second in ((a, b), (b, a)):
        v = Vocabulary(vocab.concepts, [first, second])
        assert [mk.label for mk, _ in v.marker_hits(text)] == [first.label]


def test_user_vocabulary_extends_markers(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[concept]]\nid = "fmf"\nname = "familial Mediterranean fever"\narea = "autoimmune"\n'
        'synonyms = ["familial mediterranean fever"]\nabbrevs = ["FMF"]\n\n'
        '[[marker]]\nconcepts = ["fmf"]\nkind = "lab"\nlabel = "MEFV mutation"\npatterns = [\'\\bMEFV\\b\']\n',
        encoding="utf-8",
    )
    v = load_vocabulary([extra])
    assert "fmf" in v.concepts and [m.concept for m in v.mentions("FMF")] == ["fmf"]
    assert [mk.label for mk, _ in v.marker_hits("two MEFV mutations")] == ["MEFV mutation"]
    rec = record_from_example({"conditions": ["Asthma"], "criteria": "Inclusion Criteria:\n- Two MEFV mutations\n"})
    from trial_audit.checks.ta301_criterion_requires_unregistered_condition import CriterionRequiresUnregisteredCondition

    ctx = Context(options={"TA3": {"vocabulary": [str(extra)]}})
    assert vocabulary_paths(ctx, "TA301") == [str(extra)]
    assert list(CriterionRequiresUnregisteredCondition().check(rec, ctx))
    assert not list(CriterionRequiresUnregisteredCondition().check(rec, Context()))


def test_vocabulary_paths_lookup():
    assert vocabulary_paths(None) == []
    assert vocabulary_paths(Context(options={"*": {"vocabulary": "a.toml"}})) == ["a.toml"]
    assert vocabulary_paths(Context(options={"TA301": {"vocabulary": ["b.toml"]}}), "TA301") == ["b.toml"]


def test_bad_marker_pattern_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[concept]]\nid = "x"\nname = "x"\n[[marker]]\nconcepts = ["x"]\npatterns = ["(unclosed"]\n')
    with pytest.raises(ValueError, match="bad pattern"):
        load_vocabulary([bad])


def seed_record():
    from trial_audit.readers.page_text import read_page

    return read_page(SEED.read_text(encoding="utf-8"), Source(path=str(SEED), format="page-text"))


def test_seed_analysis():
    rec = seed_record()
    a = analyse(rec)
    assert rec.conditions == []
    assert set(a.lists) == {"summary", "criteria"}
    summary = set().union(*(s.concepts for s in a.lists["summary"]))
    criteria = set().union(*(s.concepts for s in a.lists["criteria"]))
    assert summary == {"sle", "iim", "ssc", "igg4rd", "sjogren"}
    assert criteria - summary == {"ra", "ctd_ild", "itp", "pbc"}
    assert a.relation("pbc") == "absent"
    assert a.relation("sle") == "declared"


def test_analysis_never_crashes_on_odd_input():
    for ex in (
        {},
        {"criteria": ""},
        {"criteria": "   \n\n"},
        {"criteria": "Inclusion Criteria:\n-\n- \u0130stanbul \u0130\u0130 SLEDAI\n", "conditions": ["", "SLE"]},
        {"conditions": ["x" * 5000], "criteria": "(" * 2000},
    ):
        rec = record_from_example(ex)
        analyse(rec)
        from trial_audit.engine.registry import select_rules

        for rule in select_rules(["TA3"]):
            list(rule.check(rec, Context()))
