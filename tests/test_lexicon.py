"""The shared word lists (text/lexicon.py): one list per kind of word, used alike by every analyser."""

from __future__ import annotations

import re

import pytest

from trial_audit.text import lexicon
from trial_audit.text.hygiene import placeholder_token
from trial_audit.text.people import name_problem


@pytest.mark.parametrize("token", sorted(lexicon.PLACEHOLDER_VALUES - lexicon.NAMES_NOT_PLACEHOLDERS))
def test_a_placeholder_value_is_one_for_the_value_rule_and_the_name_rule(token):
    """TA704 (placeholder values) and TA504 (names) read the same list."""
    assert placeholder_token(token) == token
    problem = name_problem(token.upper(), person_required=True)
    assert problem is not None and problem.kind == "placeholder"


@pytest.mark.parametrize("name", ["Placeholder", "N.A.", "To be confirmed", "----", "Sub-Investigator", "PI"])
def test_placeholders_in_a_name_slot(name):
    assert name_problem(name, person_required=False).kind == "placeholder"


@pytest.mark.parametrize("name", ["Nan", "Nan Li, MD", "Xu Na", "Contact Us Smith"])
def test_names_that_look_like_placeholders_are_not(name):
    problem = name_problem(name, person_required=False)
    assert problem is None or problem.kind != "placeholder"


def test_alternation_matches_multiword_entries_longest_first_and_plurals():
    neg = re.compile(r"\b" + lexicon.alternation(lexicon.NEGATION_CUES) + r"\b", re.I)
    assert neg.match("free  of metastases").group(0) == "free  of"
    assert neg.match("Negative for HBV").group(0) == "Negative for"
    subjects = re.compile(r"\b" + lexicon.alternation(lexicon.SUBJECT_NOUNS, plural=True) + r"\b", re.I)
    assert subjects.fullmatch("participants") and subjects.fullmatch("Patient") and not subjects.fullmatch("patients'es")


def test_the_lists_cover_the_words_the_analysers_wrote_separately():
    """The negation cues of criteria_sections and conditions, the subject nouns of age_text and
    the cohort labels of criteria/conditions (as written there when the lexicon was made)."""
    assert {"no", "not", "none", "without", "absence", "free of", "never"} <= set(lexicon.NEGATION_CUES)
    subjects = set(lexicon.SUBJECT_NOUNS) | set(lexicon.SUBJECT_NOUNS_IRREGULAR)
    assert {"patient", "subject", "participant", "individual", "volunteer", "people", "men", "women", "children"} <= subjects
    assert {"part", "cohort", "arm", "group", "stage", "phase", "step", "period", "module", "stratum", "panel"} <= set(
        lexicon.COHORT_LABELS
    )
