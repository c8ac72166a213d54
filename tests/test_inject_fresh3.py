"""The injection benchmark's fifth wording half, ``fresh3`` (benchmarks/inject_wordings_fresh3.py).

Checks the machinery only: every wording list has a fresh3 half at least as long as fresh2's that
repeats no earlier wording, the half's extras (marker shapes, age placeholders and ranges, chapter
words) do what the operators need, the earlier halves' labels are unchanged, and ``--wordings
fresh3`` gives fresh3 injections for every operator with wordings. No recall is asserted, and no
fresh3 wording is quoted here (rule developers run these tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from wording_halves import assert_half_is_new, operators_without_injections, spaced
from wording_halves import words as wording_words

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import inject  # noqa: E402
import inject_ops as ops  # noqa: E402
import inject_ops_outcomes as outcome_ops  # noqa: E402
import inject_wordings_fresh as fresh  # noqa: E402
import inject_wordings_fresh2 as fresh2  # noqa: E402
import inject_wordings_fresh3 as fresh3  # noqa: E402

EARLIER = ("tune", "heldout", "fresh", "fresh2")
ALL_WORDINGS = {**ops.WORDINGS, **outcome_ops.WORDINGS}
# the extras that are not in inject_ops.WORDINGS: the earlier halves' lists (tune and held-out are
# written in inject_ops.op_mixed_markers / op_sublist_like_parent)
EARLIER_MIXED = ["{n})", "({n})", "{n}:", "{n}-", *fresh.MIXED, *fresh2.MIXED]
EARLIER_LEADS = ["", "* ", "- ", *fresh.SUBLIST_LEAD, *fresh2.SUBLIST_LEAD]


@pytest.mark.parametrize("key", sorted(ALL_WORDINGS))
def test_fresh3_half_is_as_long_as_fresh2_and_new(key: str) -> None:
    assert_half_is_new(key, ALL_WORDINGS[key], "fresh3", "fresh2", EARLIER)


@pytest.mark.parametrize(("new", "old"), [(fresh3.MIXED, EARLIER_MIXED), (fresh3.SUBLIST_LEAD, EARLIER_LEADS)])
def test_fresh3_extras_are_new(new: list[str], old: list[str]) -> None:
    assert len(new) >= 6 and len(set(new)) == len(new)
    assert not {spaced(w) for w in new} & {spaced(w) for w in old}


def test_fresh3_scope_covers_many_specialties_and_names_its_own_chapter() -> None:
    """A record whose conditions name a wording's specialty must be skipped: each wording contains
    a word of its chapter's list; no disease text of an earlier half comes back."""
    earlier = {wording_words(t) for h in EARLIER for _, t in ops.WORDINGS["scope"][h]}
    for chapter, text in fresh3.SCOPE:
        assert wording_words(text) not in earlier
        assert any(w in text.lower() for w in ops.CHAPTER_WORDS[chapter].split()), (chapter, text[:20])
        assert text[0].isupper() and not text[:2].isupper(), "appended as '; and x…': must read well lower-cased"
    assert len({c for c, _ in fresh3.SCOPE}) >= 35
    assert set(fresh3.CHAPTER_WORDS) == {c for c, _ in fresh3.SCOPE}
    assert not set(fresh3.CHAPTER_WORDS) & (set(fresh2.CHAPTER_WORDS) | set(fresh.FRESH_CHAPTER_WORDS))


def test_chapter_words_never_hide_inside_commonwords() -> None:
    """A chapter word inside a word most criteria contain would skip nearly every record."""
    common = "years pregnant laboratory informed consent analysis allergy muscle hormone psychiatric infection blood pain avoid"
    common += " syndrome creatinine platelet older background relationship birth swallow"
    for chapter, words in fresh3.CHAPTER_WORDS.items():
        for w in words.split():
            if chapter == "h-preg" and w in ("pregnan", "birth"):  # on purpose: never a pregnancy requirement in a pregnancy trial
                continue
            assert not any(w in c for c in common.split()), (chapter, w)


@pytest.mark.parametrize("key", ["summary_age", "criteria_age"])
def test_fresh3_age_wordings_state_the_drawn_ages(key: str) -> None:
    for tmpl in ops.WORDINGS[key]["fresh3"]:
        lo, hi = next((lo, hi) for lo, hi in ((25, 60), (60, 80), (2, 12), (1, 6)) if fresh3.age_wording_fits(tmpl, lo, hi))
        text = tmpl.format(pop="adults", Pop="Adults", **fresh3.age_fields(lo, hi))
        shown = {str(lo), fresh3.spelled(lo), str(lo * 12), str(hi), fresh3.spelled(hi), str(hi * 12)}
        assert any(s in text for s in shown), key
        assert "{" not in text


def test_age_wordings_fit_the_range() -> None:
    # made-up templates, not wordings of the half
    assert not fresh3.age_wording_fits("{lo_m} to {hi_m} mo.", 1, 8)
    assert fresh3.age_wording_fits("{lo_m} to {hi_m} mo.", 1, 6)
    assert not fresh3.age_wording_fits("children over {lo}", 5, 25)
    assert not fresh3.age_wording_fits("pre-school, {lo} or over", 2, 10)
    assert not fresh3.age_wording_fits("elderly, {lo} or over", 40, 80)
    assert fresh3.age_wording_fits("elderly, {lo} or over", 60, 80)
    assert not fresh3.age_wording_fits("adults, {lo} or over", 12, 40)
    fields = fresh3.age_fields(21, 65)
    assert (fields["Lo_w"], fields["lo_ord"], fields["hi_ord"]) == ("Twenty-one", "21st", "65th")


def test_marker_shapes() -> None:
    assert [fresh3.unicode_roman(n) for n in (1, 4, 12)] == ["Ⅰ", "Ⅳ", "Ⅻ"]
    assert [fresh3.full_stop_number(n) for n in (1, 20)] == ["⒈", "⒛"]
    assert [fresh3.negative_circled(n) for n in (1, 10)] == ["❶", "❿"]
    assert ops.marker("{u}.", 3) == "Ⅲ." and ops.marker("（{N}）", 12) == "（１２）"
    assert fresh3.marker_fits("{u}.", 12) and not fresh3.marker_fits("{u}.", 13)
    assert fresh3.marker_fits("{s}", 20) and not fresh3.marker_fits("{s}", 21)
    assert fresh3.marker_fits("{d}", 10) and not fresh3.marker_fits("{d}", 11)
    assert not fresh3.marker_fits("{p}", 21)  # fresh2's limits still hold


def test_earlier_halves_write_the_same_markers() -> None:
    """The earlier halves' styles format exactly as they did with fresh2's fields, and their list
    styles are drawn for the same lists (mixed-marker styles are not filtered by size)."""
    listed = [s for h in EARLIER for s in ops.WORDINGS["marker"][h]]
    for s in listed + EARLIER_MIXED:
        for n in (1, 9, 23, 60):
            if fresh2.marker_fits(s, n):
                assert ops.marker(s, n) == s.format(**fresh2.marker_fields(n))
            if s in listed:
                assert fresh3.marker_fits(s, n) == fresh2.marker_fits(s, n)


def test_fresh3_selects_the_fifth_half_for_every_operator_with_wordings() -> None:
    """On the bundled seeds, --wordings fresh3 gives fresh3 injections of every operator with
    wordings, and each one changes the record."""
    assert not operators_without_injections(inject, ROOT / "seeds", "fresh3")


def test_cli_offers_fresh3(capsys) -> None:
    with pytest.raises(SystemExit):
        inject.main(["--help"])
    assert "fresh3" in capsys.readouterr().out
