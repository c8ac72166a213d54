"""Ninth round of the age family (issue 20): the false-positive classes still open after the eighth round (from the
judged sheets; only the judged excerpts are used). Each class has its real excerpt (record ID and source in a comment),
a synthetic variant in other words, and a guard that the trial-wide limit beside the same words is still read."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages, find_ages, prose_ages


def _findings(rule, **example):
    return list(rule.check(record_from_example(example), Context()))


# --- a duty that only an age group has: "Patients less than 16 years of age must have ..." ------------------------------

# NCT00001476 (unseen judge sheet round 4, TA201, detailed description): patients under 16 must have an active infection;
# the trial enrols patients of at least 5 years, the structured maximum is N/A
NCT00001476 = (
    "30 CGD patients of either\nsex at least 5 years of age may be enrolled in addition to the 5 patients enrolled in the\n"
    "first phase of this trial. Patients less than 16 years of age must have an active infection\nor a recent relapse of "
    "infection at the time of enrollment. Patients may receive up to 6\ncycles of stem cell mobilization for gene therapy."
)

GROUP_DUTIES = [
    (NCT00001476, "prose"),
    ("Children under 12 years of age need a parent or guardian present at every study visit.", "prose"),
    ("  -  Participants younger than 18 years should have written permission from a parent\n", "inclusion"),
    ("  -  Subjects less than 2 years old must weigh at least 8 kg\n", "inclusion"),
    ("  -  Those under 16 years of age must be accompanied by an adult at each visit\n", "inclusion"),
]


@pytest.mark.parametrize("text,mode", GROUP_DUTIES)
def test_duty_of_an_age_group_is_no_claim(text, mode):
    got = [a for a in find_ages(text, mode) if a.max is not None and a.min is None]
    assert got, "the group's age is still read (held to lying inside the structured range)"
    assert not any(a.claim for a in got)


def test_duty_of_an_age_group_agrees_with_an_open_maximum():
    # NCT00001476: structured 5 Years to N/A; "less than 16 ... must have an active infection" is no maximum of the trial
    assert _findings(SummaryAgeContradictsStructured(), detailed_description=NCT00001476, minimum_age="5 Years", maximum_age="N/A") == []


def test_duty_of_an_age_group_beyond_the_structured_maximum_is_still_reported():
    # a group's age that reaches past every age the structured range admits is still a contradiction (under 16 against 10)
    assert _findings(SummaryAgeContradictsStructured(), detailed_description=NCT00001476, minimum_age="5 Years", maximum_age="10 Years")


GROUP_DUTY_GUARDS = [
    # the trial's own limit written as the subject of a duty: a minimum or a range stays a claim
    ("  -  Patients 18 years of age or older must have measurable disease\n", "inclusion", "18 years of age or older"),
    ("  -  Patients aged 18 to 75 years must have histologically confirmed adenocarcinoma\n", "inclusion", "aged 18 to 75 years"),
    # the modal before the age: the trial's limit
    ("  -  Patients must be less than 16 years of age and have an active infection\n", "inclusion", "less than 16 years of age"),
    ("  -  Patients under 65 years of age must be eligible for surgery\n", "inclusion", "under 65 years of age"),
    ("Participants must be younger than 18 years old to take part.", "prose", "younger than 18 years old"),
]


@pytest.mark.parametrize("text,mode,expected", GROUP_DUTY_GUARDS)
def test_trial_wide_limit_beside_group_duty_words_is_read(text, mode, expected):
    assert expected in [a.text for a in find_ages(text, mode) if a.claim]


# --- ages of two cohorts in different items: never one limit ---------------------------------------------------------------

# NCT00006251 (unseen judge sheet round 3, TA202, criteria): "> 49 and < 75" in one item, "< 50" in another; in whole years
# they never meet (50 to 74, and up to 49), so they are two cohorts, not a trial minimum of 49
COHORT_ITEMS = [
    "Inclusion Criteria:\n\n  -  Patients aged > 49 years and < 75 years with NHL in first relapse\n"
    "  -  Patients < 50 years of age with NHL in second remission\n",
    "Inclusion Criteria:\n\n  -  Men over 59 years and under 80 years with stage II disease\n"
    "  -  Men under 60 years of age with stage III disease\n",
]


@pytest.mark.parametrize("text", COHORT_ITEMS)
def test_complementary_ages_in_two_items_are_no_claims(text):
    got = criteria_ages(text, False)
    assert len(got) == 2 and not any(a.claim for a in got)


def test_complementary_cohorts_agree_with_their_union():
    assert _findings(CriteriaAgeContradictsStructured(), criteria=COHORT_ITEMS[0], minimum_age="18 Years", maximum_age="74 Years") == []


def test_overlapping_ages_in_two_items_stay_claims():
    # "over 49" and "under 51" meet at 50: both apply to everyone (a narrowing restatement), both are read as limits
    text = "Inclusion Criteria:\n\n  -  Age over 49 years\n  -  Age under 51 years\n"
    assert all(a.claim for a in criteria_ages(text, False))


# --- which side to blame when the structured side is open and the other text gives groups' ages ------------------------

# NCT00005907 (unseen judge sheets rounds 3 and 4, TA201, brief summary): the transplant patients' 5 to 60 years is the
# criteria's cohort's range; the structured limits are N/A; the message said the criteria agree with the structured value
# and blamed the summary
COHORT_CRITERIA = (
    "Inclusion Criteria:\n\nHEALTHY VOLUNTEERS:\n\n- Age 18 to 60 years\n- Previously vaccinated\n\n"
    "TRANSPLANT PATIENTS:\n\n- Age up to 60 years\n- Enrolled in a transplant protocol\n"
)


def test_open_side_with_group_ages_does_not_blame_the_summary():
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary="Transplant patients who are between 5 and 60 years old may be eligible.",
        criteria=COHORT_CRITERIA,
        minimum_age="N/A",
        maximum_age="N/A",
    )
    assert found
    assert "agree with the structured value" not in found[0].message
    assert "groups of participants" in found[0].message


def test_open_side_with_the_same_group_age_blames_the_structured_value():
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary="Recipients of a stem cell transplant aged 18 to 60 years are eligible.",
        criteria=COHORT_CRITERIA.replace("Age up to 60 years", "Up to sixty"),
        minimum_age="N/A",
        maximum_age="N/A",
    )
    assert found and "structured value is likely what is" in found[0].message


def test_set_structured_side_still_blames_the_summary_when_the_criteria_agree():
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary="Patients must be between 20 and 60 years old.",
        criteria="Inclusion Criteria:\n\n- Age 18 to 60 years\n",
        minimum_age="18 Years",
        maximum_age="60 Years",
    )
    assert found and "summary is likely wrong" in found[0].message


def test_prose_group_duty_beside_the_trials_limit():
    # the trial's limit in one sentence, a group's duty in the next: only the first is a claim
    got = prose_ages("Patients must be 5 years of age or older. Patients younger than 16 years must have a recent relapse.")
    assert [a.claim for a in got] == [True, False]


# --- recall: a summary that claims two limits on one side, one of them not the structured value --------------------------

# NCT05929976 (tune part, ctgov-v2-bulk, brief summary; structured 3 to 18 Years), with a sentence in other words added the
# way a registrant edits one place and forgets the other
NCT05929976 = (
    "Eligible patients must be between 3 years and 18 years of age at time of assent/consent, have newly diagnosed B- or "
    "T-cell acute lymphoblastic leukemia or mixed phenotype acute leukemia confirmed by pathology report."
)


@pytest.mark.parametrize(
    "added",
    [
        "We plan to recruit participants aged 13 years or older.",
        "Only adolescents who are at least thirteen years old can take part.",
    ],
)
def test_summary_claiming_another_minimum_beside_the_structured_one_is_reported(added):
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary=NCT05929976 + " " + added,
        criteria="Inclusion Criteria:\n\n- Age 3 to 18 years\n",
        minimum_age="3 Years",
        maximum_age="18 Years",
    )
    assert found and "minimum age of 13 years" in found[0].message and "'3 Years'" in found[0].message


def test_summary_restating_the_structured_limit_twice_is_quiet():
    text = NCT05929976 + " Children and adolescents aged 3 to 18 years with leukemia are eligible."
    assert _findings(SummaryAgeContradictsStructured(), brief_summary=text, minimum_age="3 Years", maximum_age="18 Years") == []


def test_summary_naming_two_cohorts_is_quiet():
    # ages no one can meet together are cohorts, not two claims on one side
    text = "Children aged 3 to 11 years and adolescents aged 12 to 18 years are eligible to participate."
    assert _findings(SummaryAgeContradictsStructured(), brief_summary=text, minimum_age="3 Years", maximum_age="18 Years") == []


def test_criteria_with_overlapping_cohort_ages_keep_any_match():
    # in the criteria, overlapping claims on one side are mostly cohorts without a header: any of them matching agrees
    text = "Inclusion Criteria:\n\n- Patients 18 years of age or older with asthma\n- Healthy volunteers 2 years of age or older\n"
    assert _findings(CriteriaAgeContradictsStructured(), criteria=text, minimum_age="2 Years", maximum_age="N/A") == []


# --- a score between "age" and the number is no age: NCT06442748 (tune part, ctgov-v2-bulk, detailed description) ----------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Patients more than 18 years of age with KPS ≥ 50 will be eligible.", ["more than 18 years of age"]),
        ("Adults aged 18 or over with an ECOG performance status of 2 or less may join.", ["aged 18 or over"]),
    ],
)
def test_score_after_the_age_is_not_read_as_an_age(text, expected):
    assert [a.text for a in prose_ages(text)] == expected


# --- the tune self-audit (40 TA2 findings drawn from the tune part): more ways an age belongs to one group -----------------
SELF_AUDIT_GROUPS = [
    # NCT00003958 (tune part, ctgov-xml-bulk, criteria): a risk group defined by age beside a stage
    ("             -  Under 10 years, Stage IV, Clinical Group IV, with embryonal features\n", "inclusion"),
    ("  -  Younger than 2 years, stage 4S, with MYCN amplification\n", "inclusion"),
    # NCT00003145 (tune part, ctgov-xml-bulk, criteria): a sub-group considered case by case
    (
        "  -  Patients =< 65 years old who are at high risk of regimen related toxicity through\n     pre-existing chronic disease "
        "affecting liver, lungs, and/or heart, or others who wish\n     to be treated on this protocol, will be considered on a "
        "case-by-case basis;\n",
        "inclusion",
    ),
    ("  -  Patients under 70 with a prior stroke may be admitted at the discretion of the investigator\n", "inclusion"),
    # NCT00003145: exceptions and duties of sub-groups after a semicolon, the predicate after a hard line wrap
    (
        "  -  Approved by the review committee; patients =< 65 years of age who have received previous\n     high-dose "
        "transplantation do not require patient review committee approvals; all\n     children < 12 years must be discussed "
        "with the FHCRC principal investigator (PI)\n     prior to registration\n",
        "inclusion",
    ),
    # NCT00009958 (tune part, ctgov-xml-bulk, criteria): people to avoid close contact with
    (
        "  -  Patients must be able to avoid close household contact (close household contacts are\n     those who share housing "
        "or have close physical contact) with persons with active or a\n     history of eczema; pregnant or nursing women; "
        "children under 5 years of age; and immunodeficient persons\n",
        "inclusion",
    ),
    ("  -  No exposure to infants or people over 80 years of age during the vaccination period\n", "inclusion"),
]


@pytest.mark.parametrize("text,mode", SELF_AUDIT_GROUPS)
def test_self_audit_group_ages_are_no_claims(text, mode):
    assert [a.text for a in find_ages(text, mode) if a.claim] == []


SELF_AUDIT_GUARDS = [
    ("  -  Age under 10 years at enrolment, with newly diagnosed disease\n", "inclusion", "Age under 10 years"),
    ("This study will enroll adults aged 18 to 65 years with stage 2 hypertension.", "prose", "aged 18 to 65 years"),
    ("  -  Patients must be 65 years of age or younger; prior therapy reviewed case by case\n", "inclusion", "65 years of age or younger"),
    ("  -  Aged under 18 years; no household contact with an infected person\n", "inclusion", "Aged under 18 years"),
]


@pytest.mark.parametrize("text,mode,expected", SELF_AUDIT_GUARDS)
def test_trial_wide_limit_beside_self_audit_words_is_read(text, mode, expected):
    assert expected in [a.text for a in find_ages(text, mode) if a.claim]


# --- recall: a patient-facing summary that speaks to the reader, "need to be" / "have to be" (synthetic: no real record of
# the tune part words it so; the seed's plain summary says "individuals must be between 65 and 74 years old") -------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("To be eligible, you must be at least 18.", "at least 18"),
        ("You must be 18 or older to take part.", "18 or older"),
        ("You have to be 40 to 75 years old.", "40 to 75 years old"),
        ("Participants need to be 18 or older to join this study.", "18 or older"),
    ],
)
def test_reader_addressed_and_need_to_be_claims_are_read(text, expected):
    assert [(a.text, a.claim) for a in prose_ages(text)] == [(expected, True)]


@pytest.mark.parametrize(
    "text",
    [
        "If you are 65 or older, you may have a higher risk of falls.",
        "You must be at least 6 weeks past your surgery.",
        "Patients need to be treated for 6 months.",
    ],
)
def test_reader_addressed_non_limits_are_not_read(text):
    assert [a.text for a in prose_ages(text) if a.claim] == []


# --- recall: a sentence added after one that lacks its full stop (the injection benchmark's misses on the tune part:
# NCT04780737 and NCT04453748, ctgov-classic, brief summaries that end without a full stop) -------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Prophylactic Cholecystectomy (PC) versus On-demand delayed cholecystectomy Adults between 30 and 70 years old are "
            "eligible to participate.",
            "between 30 and 70 years old",
        ),
        (
            "determining the diagnostic tests which are sufficient to detect early complications of COVID-19 We plan to recruit "
            "patients aged 26 years or older.",
            "aged 26 years or older",
        ),
        ("A comparison of two inhalers in mild asthma Participants must be 12 to 17 years old.", "12 to 17 years old"),
    ],
)
def test_claim_after_a_sentence_without_full_stop_is_read(text, expected):
    assert [(a.text, a.claim) for a in prose_ages(text)] == [(expected, True)]


# --- recall: "must be 18 or over" with no unit (synthetic: the tune part has no such summary; "18 or older" was read and
# "18 or over" was not, because no unit or "old" marked the number as an age) ---------------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Participants must be 18 or over.", "18 or over"),
        ("Patients must be 18 or above to take part.", "18 or above"),
        ("You must be 16 or over to take part.", "16 or over"),
    ],
)
def test_must_be_n_or_over_without_unit_is_read(text, expected):
    assert [(a.text, a.claim) for a in prose_ages(text)] == [(expected, True)]


@pytest.mark.parametrize(
    "text",
    [
        "Patients 2 or over on the EDSS must be enrolled.",
        "Patients with 2 or above prior lines of therapy will be enrolled.",
    ],
)
def test_n_or_over_of_something_else_is_not_read(text):
    assert prose_ages(text) == ()
