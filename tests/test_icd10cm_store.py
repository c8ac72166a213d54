"""The ICD-10-CM extract kept in the run cache as parts read on first use: the same data, safe fallbacks."""

import pytest

from trial_audit.text import icd10cm

ATTRS = [name for names in icd10cm.PARTS.values() for name in names]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", str(tmp_path))
    icd10cm.tabular.cache_clear()
    yield tmp_path
    icd10cm.tabular.cache_clear()


@pytest.fixture(scope="module")
def extract():
    return icd10cm.read_extract()


def test_the_first_run_reads_the_extract_and_stores_every_part(cache, extract):
    tab = icd10cm.tabular()
    assert type(tab) is icd10cm.Tabular
    assert sorted(p.name.split("-")[1] for p in cache.glob("icd10cm-*.marshal")) == sorted(icd10cm.PARTS)
    assert all(getattr(tab, a) == getattr(extract, a) for a in ATTRS)


def test_a_stored_tabular_reads_only_the_parts_it_is_asked_for_and_answers_as_the_extract(cache, extract):
    icd10cm.tabular()
    icd10cm.tabular.cache_clear()
    stored = icd10cm.tabular()
    assert isinstance(stored, icd10cm.StoredTabular)
    assert stored.chapter_of_node("K74.3") == "11" and stored.chapter_of_node("K743") == "11"
    assert "title_index" not in vars(stored) and "description" not in vars(stored)  # not read yet
    assert stored.title_index == extract.title_index
    assert "description" not in vars(stored)
    for a in ATTRS:
        assert getattr(stored, a) == getattr(extract, a), a
    for code in ("K74.3", "M3214", "B99", "11", "M30-M36", "not a code"):
        assert stored.titles(code) == extract.titles(code)
        assert stored.ancestors(code) == extract.ancestors(code)
        assert stored.is_chapter_or_block(code) == extract.is_chapter_or_block(code)
        assert stored.chapter_of_node(code) == extract.chapter_of_node(code)
    assert stored.is_ancestor("K74", "K74.3") and not stored.is_ancestor("M32", "K74.3")
    with pytest.raises(AttributeError):
        _ = stored.no_such_attribute


@pytest.mark.parametrize("damage", ["truncate", "delete"])
def test_a_part_damaged_or_removed_after_the_check_comes_from_the_extract(cache, extract, damage):
    icd10cm.tabular()
    icd10cm.tabular.cache_clear()
    stored = icd10cm.tabular()
    assert isinstance(stored, icd10cm.StoredTabular)
    [index] = cache.glob("icd10cm-index-*.marshal")
    if damage == "truncate":
        index.write_bytes(index.read_bytes()[:1000])  # a full disk, a copy cut short
    else:
        index.unlink()  # another process cleared the cache between the check and the first use
    assert stored.title_index == extract.title_index


def test_a_missing_part_reads_the_extract_and_stores_the_parts_again(cache, extract):
    icd10cm.tabular()
    [tree] = cache.glob("icd10cm-tree-*.marshal")
    tree.unlink()
    icd10cm.tabular.cache_clear()
    tab = icd10cm.tabular()
    assert type(tab) is icd10cm.Tabular and tab.codes == extract.codes
    assert len(list(cache.glob("icd10cm-tree-*.marshal"))) == 1


def test_without_a_cache_the_extract_is_read(monkeypatch, extract):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", "off")
    icd10cm.tabular.cache_clear()
    try:
        tab = icd10cm.tabular()
        assert type(tab) is icd10cm.Tabular and tab.node_of == extract.node_of
    finally:
        icd10cm.tabular.cache_clear()
