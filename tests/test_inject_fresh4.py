"""The injection benchmark's sixth wording half, ``fresh4`` (benchmarks/inject_wordings_fresh4.py and
inject_wordings_fresh4_scope.py).

Checks the machinery only: every wording list has a fresh4 half at least as long as fresh3's that
repeats no earlier wording, the half's extras (marker shapes, age placeholders and ranges, chapter
words) do what the operators need, the earlier halves' labels are unchanged, and ``--wordings
fresh4`` gives fresh4 injections for every operator with wordings. No recall is asserted, and no
fresh4 wording is quoted here (rule developers run these tests).
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
import inject_wordings_fresh4 as fresh4  # noqa: E402

EARLIER = ("tune", "heldout", "fresh", "fresh2", "fresh3")
ALL_WORDINGS = {**ops.WORDINGS, **outcome_ops.WORDINGS}
# the extras that are not in inject_ops.WORDINGS: the earlier halves' lists (tune and held-out are
# written in inject_ops.op_mixed_markers / op_sublist_like_parent)
EARLIER_MIXED = ["{n})", "({n})", "{n}:", "{n}-", *fresh.MIXED, *fresh2.MIXED, *fresh3.MIXED]
EARLIER_LEADS = ["", "* ", "- ", *fresh.SUBLIST_LEAD, *fresh2.SUBLIST_LEAD, *fresh3.SUBLIST_LEAD]
EARLIER_CHAPTERS = set(fresh.FRESH_CHAPTER_WORDS) | set(fresh2.CHAPTER_WORDS) | set(fresh3.CHAPTER_WORDS)


@pytest.mark.parametrize("key", sorted(ALL_WORDINGS))
def test_fresh4_half_is_as_long_as_fresh3_and_new(key: str) -> None:
    assert_half_is_new(key, ALL_WORDINGS[key], "fresh4", "fresh3", EARLIER)


@pytest.mark.parametrize(("new", "old"), [(fresh4.MIXED, EARLIER_MIXED), (fresh4.SUBLIST_LEAD, EARLIER_LEADS)])
def test_fresh4_extras_are_new(new: list[str], old: list[str]) -> None:
    assert len(new) >= 7 and len(set(new)) == len(new)
    assert not {spaced(w) for w in new} & {spaced(w) for w in old}


def test_fresh4_marker_shapes_are_new_to_every_list() -> None:
    """No marker shape of this half was a numbering or mixed-marker shape of an earlier half."""
    earlier = {spaced(s) for h in EARLIER for s in ops.WORDINGS["marker"][h]} | {spaced(s) for s in EARLIER_MIXED}
    assert not {spaced(s) for s in fresh4.MARKER} & earlier


def test_fresh4_scope_covers_many_specialties_and_names_its_own_chapter() -> None:
    """A record whose conditions name a wording's specialty must be skipped: each wording contains
    a word of its chapter's list; no disease text of an earlier half comes back."""
    earlier = {wording_words(t) for h in EARLIER for _, t in ops.WORDINGS["scope"][h]}
    for chapter, text in fresh4.SCOPE:
        assert wording_words(text) not in earlier
        assert any(w in text.lower() for w in ops.CHAPTER_WORDS[chapter].split()), (chapter, text[:20])
        assert text[0].isupper() and not text[:2].isupper(), "appended as '; and x…': must read well lower-cased"
    assert len(fresh4.SCOPE) >= 200
    assert len({c for c, _ in fresh4.SCOPE}) >= 40
    assert set(fresh4.CHAPTER_WORDS) == {c for c, _ in fresh4.SCOPE}
    assert not set(fresh4.CHAPTER_WORDS) & EARLIER_CHAPTERS


def test_fresh4_chapter_words_never_hide_inside_common_words() -> None:
    """A chapter word inside a word many criteria contain would skip most records."""
    common = "years pregnant laboratory informed consent analysis allergy muscle hormone psychiatric infection blood pain avoid"
    common += " syndrome creatinine platelet older background relationship birth swallow"
    common += " female testing treating according record determining investigator cigarettes mobile computer transport washing"
    common += " chronic cycle deficiency dependence toxicity leukocytes lymphocytes hemoglobin candidate"
    for chapter, words in fresh4.CHAPTER_WORDS.items():
        for w in words.split():
            if (chapter, w) in (("i-preg", "pregnan"), ("i-preg", "birth"), ("i-addict", "cigarett")):
                continue  # on purpose: never a pregnancy requirement in a pregnancy trial, nor tobacco dependence where smoking is named
            assert not any(w in c for c in common.split()), (chapter, w)


@pytest.mark.parametrize("key", ["summary_age", "criteria_age"])
def test_fresh4_age_wordings_state_the_drawn_ages(key: str) -> None:
    for tmpl in ops.WORDINGS[key]["fresh4"]:
        lo, hi = next(
            (lo, hi) for lo, hi in ((25, 60), (60, 80), (45, 70), (12, 17), (2, 12), (1, 6)) if fresh4.age_wording_fits(tmpl, lo, hi)
        )
        fields = fresh4.age_fields(lo, hi)
        text = tmpl.format(pop="adults", Pop="Adults", **fields)
        shown = {str(v) for k, v in fields.items() if k != "hi_m" or hi <= 6} | {
            fresh4.spelled(lo).capitalize(),
            fresh4.spelled(hi).capitalize(),
        }
        assert any(s in text for s in shown), key
        assert "{" not in text


def test_age_wordings_fit_the_range() -> None:
    # made-up templates, not wordings of the half
    assert not fresh4.age_wording_fits("{lo_wk} weeks or older", 5, 17)
    assert fresh4.age_wording_fits("{lo_wk} weeks or older", 1, 17)
    assert not fresh4.age_wording_fits("{lo_d} days old", 3, 10)
    assert not fresh4.age_wording_fits("adolescents, {lo} or over", 5, 17)
    assert fresh4.age_wording_fits("adolescents, {lo} or over", 12, 17)
    assert not fresh4.age_wording_fits("postmenopausal, {lo} or over", 30, 60)
    assert not fresh4.age_wording_fits("over-{lo}s", 12, 40)
    assert not fresh4.age_wording_fits("older adults, {lo} or over", 40, 80)
    assert fresh4.age_wording_fits("older adults, {lo} or over", 60, 80)
    fields = fresh4.age_fields(1, 6)
    assert (fields["lo_wk"], fields["lo_d"], fields["Hi_w"]) == (52, 365, "Six")


def test_marker_shapes() -> None:
    assert [fresh4.persian_digits(n) for n in (1, 9, 12)] == ["۱", "۹", "۱۲"]
    assert [fresh4.dingbat_circled(n) for n in (1, 10)] == ["➀", "➉"]
    assert ops.marker("{e}.", 3) == "۳." and ops.marker("({r})", 4) == "(iv)" and ops.marker("{k}", 2) == "➁"
    assert fresh4.marker_fits("{k}", 10) and not fresh4.marker_fits("{k}", 11)
    assert fresh4.marker_fits("({R})", 12) and not fresh4.marker_fits("({R})", 13)
    assert fresh4.marker_fits("{e}.", 60)
    assert not fresh4.marker_fits("{d}", 11) and not fresh4.marker_fits("{p}", 21)  # the earlier halves' limits still hold


def test_earlier_halves_write_the_same_markers() -> None:
    """The earlier halves' styles format exactly as they did with fresh3's fields, and are drawn for
    the same lists."""
    listed = [s for h in EARLIER for s in ops.WORDINGS["marker"][h]]
    for s in listed + EARLIER_MIXED:
        for n in (1, 9, 11, 23, 60):
            if fresh3.marker_fits(s, n):
                assert ops.marker(s, n) == s.format(**fresh3.marker_fields(n))
            if s in listed:
                assert fresh4.marker_fits(s, n) == fresh3.marker_fits(s, n)


def test_fresh4_selects_the_sixth_half_for_every_operator_with_wordings() -> None:
    """On the bundled seeds, --wordings fresh4 gives fresh4 injections of every operator with
    wordings, and each one changes the record."""
    assert not operators_without_injections(inject, ROOT / "seeds", "fresh4")


def test_cli_offers_fresh4(capsys) -> None:
    with pytest.raises(SystemExit):
        inject.main(["--help"])
    assert "fresh4" in capsys.readouterr().out
