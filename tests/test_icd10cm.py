"""The shipped ICD-10-CM extract answers as the simple_icd_10_cm package does, and is up to date."""

import gzip
import warnings

import orjson
import pytest

from trial_audit.text import icd10cm
from trial_audit.text.condition_vocabulary import _icd_related


@pytest.fixture(scope="module")
def cm():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm

    return simple_icd_10_cm


@pytest.fixture(scope="module")
def tab():
    return icd10cm.tabular()


def test_shipped_extract_is_what_the_installed_package_builds():
    shipped = orjson.loads(gzip.decompress(icd10cm.EXTRACT.read_bytes()))
    built = icd10cm.build()
    # compared part by part, so that a failure names what is out of date
    for key in built:
        assert shipped[key] == built[key], f"{key} differs: regenerate with `python -m trial_audit.text.icd10cm`"
    assert shipped.keys() == built.keys()


def test_every_code_has_the_package_titles_block_flag_and_ancestors(cm, tab):
    codes = cm.get_all_codes(with_dots=True)
    assert len(codes) == len(tab.codes) > 90_000
    for code in set(codes):
        assert tab.titles(code) == [cm.get_description(code), *cm.get_inclusion_term(code)], code
        assert tab.is_chapter_or_block(code) == cm.is_chapter_or_block(code), code
        assert list(tab.ancestors(code)) == cm.get_ancestors(code), code


@pytest.mark.parametrize(
    "a, b",
    [
        ("K74", "K74.3"),  # category above its subcategory
        ("K74.3", "K74"),
        ("K70-K77", "K74.3"),  # block
        ("11", "K74.3"),  # chapter
        ("K74.3", "K74.3"),  # not its own ancestor
        ("M32", "M32.14"),
        ("M32", "K74.3"),
        ("B99", "B99.8"),  # a block that holds one category shares its code
        ("K743", "K74.3"),  # without the dot: the package compares codes as written
        ("K74", "K743"),
    ],
)
def test_is_ancestor_matches_the_package(cm, tab, a, b):
    assert tab.is_ancestor(a, b) == cm.is_ancestor(a, b)


@pytest.mark.parametrize("code", ["K743", "M3214", "Z99.99", "not a code", "", "M30-M36"])
def test_codes_without_dot_and_unknown_codes(cm, tab, code):
    assert (tab.node(code) is not None) == cm.is_valid_item(code)
    expected = [cm.get_description(code), *cm.get_inclusion_term(code)] if cm.is_valid_item(code) else []
    assert tab.titles(code) == expected


def test_related_codes_fall_back_to_prefixes_for_codes_icd_does_not_know():
    assert _icd_related(["K74.3"], ["K74"])  # through the hierarchy
    assert not _icd_related(["K74.3"], ["M32"])
    assert _icd_related(["M32.9X"], ["M32"])  # unknown code: by prefix
    assert _icd_related(["M30-M36"], ["M32"])  # an ICD-10-CM block
    assert not _icd_related(["M30-M32"], ["M32"])  # not a block: a range is never a prefix
