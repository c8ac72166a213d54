"""The injection benchmark's fourth wording half, ``fresh2`` (benchmarks/inject_wordings_fresh2.py).

Checks the machinery only: every wording list has a fresh2 half that repeats no earlier wording,
the half's extras (marker shapes, age placeholders, chapter words) do what the operators need, the
earlier halves' labels are unchanged, and ``--wordings fresh2`` gives fresh2 injections for every
operator with wordings. No recall is asserted, and no fresh2 wording is quoted here (rule
developers run these tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from wording_halves import assert_half_is_new, operators_without_injections
from wording_halves import words as wording_words

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import inject  # noqa: E402
import inject_ops as ops  # noqa: E402
import inject_ops_outcomes as outcome_ops  # noqa: E402
import inject_wordings_fresh2 as fresh2  # noqa: E402

EARLIER = ("tune", "heldout", "fresh")
ALL_WORDINGS = {**ops.WORDINGS, **outcome_ops.WORDINGS}


@pytest.mark.parametrize("key", sorted(ALL_WORDINGS))
def test_fresh2_half_is_as_long_as_fresh_and_new(key: str) -> None:
    assert_half_is_new(key, ALL_WORDINGS[key], "fresh2", "fresh", EARLIER)


def test_fresh2_scope_diseases_are_new_and_name_their_own_chapter() -> None:
    """A record whose conditions name a wording's specialty must be skipped: each wording contains
    a word of its chapter's list; and no disease text of an earlier half comes back."""
    earlier = {wording_words(t) for h in EARLIER for _, t in ops.WORDINGS["scope"][h]}
    for chapter, text in fresh2.SCOPE:
        assert wording_words(text) not in earlier
        assert any(w in text.lower() for w in ops.CHAPTER_WORDS[chapter].split()), (chapter, text[:20])
        assert text[0].isupper() and not text[:2].isupper(), "appended as '; and x…': must read well lower-cased"
    assert len({c for c, _ in fresh2.SCOPE}) >= 20


def test_chapter_words_never_hide_inside_commonwords() -> None:
    """A chapter word inside a word most criteria contain would skip nearly every record."""
    common = "years pregnant laboratory informed consent analysis allergy muscle hormone psychiatric infection blood pain"
    for chapter, words in fresh2.CHAPTER_WORDS.items():
        for w in words.split():
            if chapter == "g-preg" and w == "pregnan":  # on purpose: never a pregnancy requirement in a pregnancy trial
                continue
            assert not any(w in c for c in common.split()), (chapter, w)


@pytest.mark.parametrize("key", ["summary_age", "criteria_age"])
def test_fresh2_age_wordings_state_the_drawn_ages(key: str) -> None:
    for tmpl in ops.WORDINGS[key]["fresh2"]:
        lo, hi = (2, 12) if "{lo_m}" in tmpl else (25, 60)
        assert fresh2.age_wording_fits(tmpl, lo, hi)
        text = tmpl.format(pop="adults", Pop="Adults", **fresh2.age_fields(lo, hi))
        shown = {str(lo), fresh2.spelled(lo), str(lo * 12), str(hi), fresh2.spelled(hi)}
        assert any(s in text for s in shown), key


def test_age_wordings_fit_the_range() -> None:
    # made-up templates, not wordings of the half
    assert not fresh2.age_wording_fits("Adult volunteers, {lo} or over", 12, 40)
    assert fresh2.age_wording_fits("Adult volunteers, {lo} or over", 18, 40)
    assert not fresh2.age_wording_fits("{lo_m} mo. or more", 6, 17)
    assert fresh2.age_wording_fits("{lo_m} mo. or more", 2, 17)


def test_marker_shapes() -> None:
    assert [fresh2.circled(n) for n in (1, 20, 21, 35, 36, 50)] == ["①", "⑳", "㉑", "㉟", "㊱", "㊿"]
    assert [fresh2.parenthesised(n) for n in (1, 20)] == ["⑴", "⒇"]
    assert [fresh2.roman(n) for n in (1, 4, 9, 14, 40, 49)] == ["i", "iv", "ix", "xiv", "xl", "xlix"]
    assert ops.marker("{N}.", 12) == "１２."
    assert fresh2.marker_fits("{p}", 20) and not fresh2.marker_fits("{p}", 21)
    assert fresh2.marker_fits("{c}", 50) and not fresh2.marker_fits("{c}", 51)


def test_earlier_halves_write_the_same_markers() -> None:
    """The earlier halves' styles use only {n}: the new formatting leaves their labels as they were."""
    styles = [s for h in EARLIER for key in ("marker", "letter") for s in ops.WORDINGS[key][h] if "{n}" in s]
    styles += ["{n}.", "{n})", "({n})", "{n}:", "{n}-"] + [s for h in EARLIER[2:] for s in ops.fresh.MIXED]
    for s in styles:
        for n in (1, 9, 23, 60):
            assert ops.marker(s, n) == s.format(n=n)
            assert fresh2.marker_fits(s, n)


def test_fresh2_selects_the_fourth_half_for_every_operator_with_wordings() -> None:
    """On the bundled seeds, --wordings fresh2 gives fresh2 injections of every operator with
    wordings, and each one changes the record."""
    assert not operators_without_injections(inject, ROOT / "seeds", "fresh2")


def test_cli_offers_fresh2(capsys) -> None:
    with pytest.raises(SystemExit):
        inject.main(["--help"])
    assert "fresh2" in capsys.readouterr().out
