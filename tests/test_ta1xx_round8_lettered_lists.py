"""Lettered lists in any punctuation, decided by the list (issue 20, round 8: ``criteria_letter_runs``).

A letter with a colon, a hyphen, a slash or a spaced bracket after it ("a:", "A-", "a )", "a /") is no
marker on its own: "B- and T-cell counts" is a word, "A: Documentation of KRAS status …" a note. A column
of lines that open with consecutive letters in one shape is a list whatever its punctuation, so the
numbering rules check it: a repeated letter (TA111), a missing one (TA112). The lists are real criteria
from the tune part (record id and source in a comment), re-lettered in the shape under test.
"""

from collections import Counter

import pytest

from tests.ta1_rules import ta1_codes
from trial_audit.text.criteria import parse_criteria
from trial_audit.text.criteria_markers import _match_marker

NUMBERING = ("TA110", "TA111", "TA112", "TA113", "TA114", "TA120", "TA121")


def _numbering(text: str, fmt: str = "ctgov-xml") -> Counter:
    return Counter({c: n for c, n in ta1_codes(text, "x.xml", fmt).items() if c in NUMBERING})


# criteria-corpus phase_I_train.csv, NCT00506064 (tune part), inclusion items
NCT00506064_INC = [
    "Breast cancer patients having a unilateral segmental mastectomy",
    "Ages >= 40 years",
    "American Society of Anesthesiology (ASA) physical status 1-4",
    "Willing and able to give written informed consent",
    "Willing and able to complete questionnaires",
]
EXCLUSION = "\n\nExclusion Criteria:\n\n- Pregnancy\n- Known allergy to the study drug\n"

# shapes no lone token is read in: the list decides (a letter, its punctuation as typed)
SHAPES = ["{a}:", "{A}:", "{A}-", "{a} -", "{A} –", "{a} )", "{a}/", "{A} /", "{a}=", "{a}:-", "{A}>", "{a}\t", "{A} :"]


def _lettered(shape: str, letters: str, items=NCT00506064_INC) -> str:
    lines = [shape.format(a=c, A=c.upper()) + ("" if shape.endswith("\t") else " ") + t for c, t in zip(letters, items)]
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION


@pytest.mark.parametrize("shape", SHAPES)
def test_a_clean_lettered_list_in_any_punctuation_is_parsed_as_items_and_silent(shape):
    text = _lettered(shape, "abcde")
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 4, 5], shape
    assert all(it.style.startswith(("a", "(a")) for it in items)
    assert not _numbering(text), shape


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("letters", "rule"), [("abbde", "TA111"), ("aacde", "TA111"), ("abcee", "TA111"), ("abdef", "TA112")])
def test_a_repeated_or_missing_letter_is_reported_in_any_punctuation(shape, letters, rule):
    assert _numbering(_lettered(shape, letters))[rule] >= 1, (shape, letters)


def test_a_roman_list_in_a_colon_shape_is_a_list_too():
    text = "Inclusion Criteria:\n\n" + "\n".join(f"{r}: {t}" for r, t in zip(["i", "ii", "iii", "iii", "v"], NCT00506064_INC)) + EXCLUSION
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 3, 5]
    assert _numbering(text)["TA111"] == 1


def test_a_lettered_sub_list_in_a_colon_shape_stays_under_its_item():
    # criteria-corpus phase_I_train.csv, NCT00506064 (tune part), with organ-function sub-items lettered "a:"
    text = (
        "Inclusion Criteria:\n\n1. Breast cancer patients having a unilateral segmental mastectomy\n"
        "2. Adequate organ function:\n   a: Hemoglobin at least 9 g/dL\n   b: Platelets at least 100,000/uL\n"
        "3. Willing and able to give written informed consent" + EXCLUSION
    )
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3]
    assert [c.marker for c in items[1].children] == ["a:", "b:"]
    assert not _numbering(text)


# --- look-alikes: a lone letter in such a shape, or letters that do not run in sequence, stay text ------


def test_a_lone_lettered_note_stays_text():
    # criteria-corpus phase_I_train.csv, NCT01016860 (tune part): a note after the inclusion bullets
    text = (
        "Inclusion Criteria:\n\n  -  Ability to understand the requirements of the study, provide written informed consent\n"
        "     and comply with the study protocol procedures.\n\n"
        "A: Documentation of KRAS status must be performed prior to enrollment.\n\n"
        "Exclusion Criteria:\n\n  -  Concurrent symptomatic central nervous system involvement, brain or meningeal\n     metastases\n"
    )
    assert "A:" not in [it.marker for it in parse_criteria(text).items()]
    assert not _numbering(text)


def test_a_wrapped_line_that_opens_with_the_article_a_stays_text():
    # criteria-corpus phase_I_test.csv, NCT02819804 (tune part): "a >= grade 2 …" is the wrapped end of a sentence
    text = (
        "Exclusion Criteria:\n\n  -  Patients are also excluded if they are intolerant or allergic to dasatinib and\n"
        "     discontinued prior therapy due to\n     a >= grade 2 treatment related adverse event\n\n"
        "  -  Patients must not have a history of a grade 4 anaphylactic reaction\n"
    )
    assert [it.marker for it in parse_criteria(text).items()] == ["-", "-"]
    assert not _numbering(text)


@pytest.mark.parametrize(
    "lines",
    [
        ["B- and T-cell counts within normal limits", "Written informed consent"],  # a word
        ["A: Part A dose escalation", "A: Part A dose expansion", "A: Part A food effect"],  # one letter again and again
        ["A: Documentation of KRAS status", "C: Documentation of BRAF status"],  # not consecutive
        ["b: second item", "c: third item"],  # a list that does not start at a: not decided by shape alone
    ],
)
def test_letters_that_do_not_run_as_a_list_stay_text(lines):
    text = "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION
    assert all(it.marker in (None, "-") for it in parse_criteria(text).items()), lines
    assert not _numbering(text)


def test_a_section_header_ends_a_lettered_run():
    text = "Inclusion Criteria:\n\na: Ages >= 40 years\n\nExclusion Criteria:\n\nb: Pregnancy\n"
    assert all(it.marker is None for it in parse_criteria(text).items())


def test_the_lone_token_reading_is_unchanged():
    # the list decides; on its own the token is still no marker (criteria_markers)
    for line in ("A: Documentation of KRAS status", "B- and T-cell phenotypes", "a ) the first"):
        assert _match_marker(line, 0, False) is None, line


def test_a_repeated_letter_i_stays_a_letter():
    # "h. i. i. k.": the second "i." repeats the letter before it, it is not roman one starting a sub-list
    items11 = [f"{t} ({k})" for k in range(3) for t in NCT00506064_INC][:11]
    text = "Inclusion Criteria:\n\n" + "\n".join(f"{c}. {t}" for c, t in zip("abcdefghiik", items11)) + EXCLUSION
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items][7:] == [8, 9, 9, 11]
    assert _numbering(text)["TA111"] == 1
