"""TA802 / TA803 / TA807, round 7: classes the injection benchmark missed on the tune part, with real
tune-part titles and time frames (record ids in comments) and the look-alikes that stay silent."""

from __future__ import annotations

import pytest

from trial_audit.text.outcome_text import abbreviation_only, domain_only, unspecific

# --- TA802: a domain with a word that only says it is looked at, or whose outcomes ------------------


@pytest.mark.parametrize(
    "title",
    [
        "Safety Evaluation",  # NCT00496483
        "Toxicity assessment",  # NCT00490659
        "Safety Parameters",  # NCT00462904
        "Primary Efficacy Measures",  # NCT04042844
        "Immunogenicity Endpoint",  # NCT06038539
        "Pharmacokinetic profile",  # NCT00005855
        "Patient Reported Outcomes",  # NCT04779918
        "Neonatal outcomes",  # NCT04323839
        "Surgical Response",  # NCT00567567
        "Procedural success",  # NCT00462631
        "Feasibility Outcomes",  # NCT04780620
        "Safety Outcome",  # NCT04856215
        "Intervention Acceptability",  # NCT04780178
        # the same classes in other words
        "Curative effect",
        "Key efficacy endpoint",
        "Efficacy evaluation of the new regimen",
        "Functional outcomes after surgery",
    ],
)
def test_domain_titles_with_an_evaluation_word_or_whose_outcome(title):
    assert domain_only(title) is not None, title


@pytest.mark.parametrize(
    "title",
    [
        "Assess patient outcomes in terms of balance, neck or back pain, and dizziness",  # NCT00497718
        "Patients performance on neuropsychological tests",  # NCT00000393
        "Patient outcomes at discharge measured by the modified Rankin Scale",
        "Safety evaluation: number of participants with adverse events",
    ],
)
def test_a_domain_that_says_what_is_looked_at_is_a_measure(title):
    assert domain_only(title) is None, title


# --- TA803: the study's own course, its unnumbered visits, "post-treatment" ---------------------------


@pytest.mark.parametrize(
    "time_frame",
    [
        "each study visit",  # NCT00001778
        "Assessed at each visit",  # NCT00497679
        "At every visit",  # NCT00499993
        "During the course of the study.",  # NCT00496457
        "Post-Treatment",  # NCT04524598
        "Pre- to post-therapy.",  # NCT06568081
        "Pre treatment",  # NCT00492401
        # the same classes in other words
        "Over the course of the trial",
        "For the duration of participation",
        "At all scheduled follow-up visits",
        "Post-intervention",
        # the study's last visit, in its words
        "Through last patient last visit",  # NCT00492830
        "At the final study visit",
        "End-of-study visit",
    ],
)
def test_unanchored_study_course_and_visits_are_unspecific(time_frame):
    assert unspecific(time_frame), time_frame


@pytest.mark.parametrize(
    "time_frame",
    [
        "post treatment until patient expires",  # NCT00002723: a period from an event to death
        "Baseline and post-treatment",
        "At each visit up to week 24",
        "Pre-treatment and 3 months post-treatment",
        "Post-operatively",
        "Each treatment cycle",
        "Post-dose",
        "Final visit (week 12)",
        "Baseline and final visit",
    ],
)
def test_visits_and_treatment_times_with_an_anchor_stay_specific(time_frame):
    assert not unspecific(time_frame), time_frame


# --- TA807: an abbreviation with a response threshold written apart -------------------------------


@pytest.mark.parametrize(
    ("title", "abbr"),
    [
        ("FEV 1", "FEV"),  # NCT00763412
        ("OS 24", "OS"),  # NCT05211895
        ("GVHD Response Rate", "GVHD"),  # NCT00492921
        ("PSA response", "PSA"),  # NCT00005039
        ("PASI 75", "PASI"),
        ("ACR 20 responders", "ACR"),
    ],
)
def test_abbreviation_with_a_threshold_or_response_word(title, abbr):
    assert abbreviation_only(title) == abbr


@pytest.mark.parametrize("title", ["Week 12", "Number 5", "PASI 75 response in adults with psoriasis", "Psoriasis Area Severity Index 75"])
def test_not_abbreviation_only(title):
    assert abbreviation_only(title) is None
