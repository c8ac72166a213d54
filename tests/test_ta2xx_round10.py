"""Tenth round of the age family (issue 20): the four false-positive classes an independent judge found among 60 TA2
findings on the unseen part. Each class has its real excerpt (record ID and source in a comment), a synthetic variant in
other words, and guards that the trial's own limit in similar words is still read."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages


def _findings(rule, **example):
    return list(rule.check(record_from_example(example), Context()))


def _criteria_findings(criteria, minimum, maximum):
    return _findings(CriteriaAgeContradictsStructured(), criteria=criteria, minimum_age=minimum, maximum_age=maximum)


# --- 1. the age of someone other than the participant: a contact's, in the list a lead-in about contacts opens ------------

# NCT00000866 (unseen part, ctgov-xml-bulk, criteria; structured 18 to 60 Years): the lead-in is hard-wrapped, so the line
# that ends with the colon ("following:") does not name the contacts, and its list is a run-on paragraph; "<12 months of
# age" (an infant at home) was read inverted as a minimum of 12 months
NCT00000866 = (
    "Exclusion Criteria\n\nCo-existing Condition:\n\nPatients with the following symptoms or conditions are excluded:\n\n"
    "  -  Active tuberculosis. NOTE: Patients with a positive PPD and a normal chest X-ray\n     showing no evidence of TB and "
    "not requiring INH therapy are eligible.\n\n  -  Household contacts with, or occupational exposure to, people with any "
    "of the\n     following:\n\nPregnancy. <12 months of age. Eczema or Immunodeficiency disease. Use of immunosuppressive\n"
    "medications.\n\nPatients with the following prior conditions are excluded:\n\n  -  History of immunodeficiency, chronic "
    "illness, malignancy or autoimmune disease.\n"
)

CONTACT_LISTS = [
    NCT00000866,
    # a sub-list, the age a later item of it
    "Exclusion Criteria:\n\n  -  Close contact with any of the following people during the study:\n\n"
    "       -  pregnant women\n\n       -  anyone with a weakened immune system\n\n       -  infants under 6 months of age\n",
    # a flat list under an unmarked lead-in
    "Exclusion Criteria:\n\nParticipants living with anyone who is:\n- pregnant\n- immunocompromised\n- younger than 1 year of age\n",
    # the list on the lead-in's own line
    "Exclusion Criteria:\n  -  Exposure at home to any of the following: pregnancy, infants less than 12 months of age, eczema\n",
]


@pytest.mark.parametrize("text", CONTACT_LISTS)
def test_age_in_a_contacts_list_is_not_read(text):
    assert criteria_ages(text) == ()


@pytest.mark.parametrize("text", CONTACT_LISTS[1:])
def test_the_same_ages_without_the_contacts_lead_in_are_read(text):
    # the lead-in alone makes the difference: under a neutral lead-in the same item is the participant's age
    neutral = text.replace("Close contact with any of the following people during the study", "Any of the following")
    neutral = neutral.replace("Participants living with anyone who is", "Participants who are")
    neutral = neutral.replace("Exposure at home to any of the following", "Any of the following")
    assert criteria_ages(neutral)


def test_contacts_age_is_no_contradiction_of_the_structured_minimum():
    assert _criteria_findings(NCT00000866, "18 Years", "60 Years") == []


CONTACT_GUARDS = [
    # a sibling item after the contacts' sub-list is the participant's again
    (
        "Exclusion Criteria:\n  -  Household contact with any of the following:\n       -  pregnant women\n"
        "       -  children under 5 years of age\n  -  Age > 65 years\n",
        "Age > 65 years",
    ),
    # a new lead-in after the run-on list
    (
        "Exclusion Criteria:\n\n  -  Household contacts with people with any of the\n     following:\n\nPregnancy. Eczema.\n\n"
        "Patients with the following are excluded:\n\n  -  Age over 65 years\n",
        "Age over 65 years",
    ),
    # a contact word after the participant's own age in the item
    ("Inclusion Criteria:\n  -  Aged 18 to 50 years, with no exposure to tuberculosis\n", "Aged 18 to 50 years"),
]


@pytest.mark.parametrize("text,expected", CONTACT_GUARDS)
def test_participants_age_beside_a_contacts_list_is_read(text, expected):
    assert expected in [a.text for a in criteria_ages(text)]


# --- 2. a limit of one cohort only: a cohort's lead-in with its duty verb ("Healthy volunteers must:") ---------------------

# NCT00001352 (unseen part, ctgov-xml-bulk, criteria; structured 18 Years to N/A): patients and relatives need only be over
# 18, healthy volunteers "between the ages of 18 and 70"; the volunteers' 70 was reported as a missing structured maximum
NCT00001352 = (
    "-  INCLUSION CRITERIA:\n\nPatients:\n\nPatients must:\n\n  1. Have cryptococcosis as determined by information collected "
    "from their medical records,\n     telephone interviews or from a referring physician:\n\n       -  histopathology showing "
    "cryptococci; or\n\n       -  culture of C. neoformans or C. gattii\n\n  2. Be over the age of 18 years old.\n\n"
    "  3. Have a primary physician outside of the NIH.\n\nGenetic Relatives of Patients:\n\nGenetic relatives must:\n\n"
    "  1. Be a genetic relative of a patient enrolled in this study\n\n  2. Be over the age of 18 years old\n\n"
    "  3. Agree to undergo genetic testing that may include WES and high density SNP analysis\n\nHealthy Volunteers:\n\n"
    "Healthy volunteers must:\n\n  1. Be between the ages of 18 and 70 years old\n\n  2. Allow samples to be stored for future "
    "research\n\nEXCLUSION CRITERIA:\n\nPatients\n\nPatients will be excluded for any of the following:\n\n  1. HIV\n"
)
# the same shape in other words: affected children and their unaffected siblings, each with a lead-in of its own
COHORT_LEAD_INS = (
    "Inclusion Criteria:\n\nAffected children must:\n  1. Be older than 5 years\n  2. Have a confirmed diagnosis of the disorder\n\n"
    "Unaffected siblings must:\n  1. Be between 16 and 60 years of age\n  2. Be willing to give a blood sample\n"
)


@pytest.mark.parametrize("text,minimum", [(NCT00001352, "18 Years"), (COHORT_LEAD_INS, "6 Years")])
def test_one_cohorts_maximum_is_no_missing_structured_maximum(text, minimum):
    assert _criteria_findings(text, minimum, "N/A") == []


def test_one_cohorts_age_outside_the_structured_range_is_still_reported():
    # the siblings' 60 lies beyond a structured maximum of 50: held to lying inside the range, it contradicts it
    assert _criteria_findings(COHORT_LEAD_INS, "6 Years", "50 Years")


def test_cohort_lead_in_ages_are_no_claims():
    got = criteria_ages(NCT00001352)
    volunteers = [a for a in got if a.max is not None]
    assert volunteers and not any(a.claim for a in volunteers)


COHORT_GUARDS = [
    # one lead-in for everyone: the trial's own limit
    "Inclusion Criteria:\n\nParticipants must:\n  1. Be between 18 and 70 years old\n  2. Have asthma\n",
    # the same group named in the inclusion and the exclusion lead-ins is one group, not two cohorts
    "Inclusion Criteria:\n\nPatients must:\n  1. Be between 18 and 70 years old\n\nExclusion Criteria:\n\n"
    "Patients must not:\n  1. Be pregnant\n",
    # every cohort bounds the maximum: their union (70) is a maximum the structured field lacks
    "Inclusion Criteria:\n\nPatients must:\n  1. Be between 18 and 65 years old\n\nHealthy volunteers must:\n"
    "  1. Be between 18 and 70 years old\n",
]


@pytest.mark.parametrize("text", COHORT_GUARDS)
def test_trial_wide_or_every_cohorts_maximum_is_still_reported(text):
    found = _criteria_findings(text, "18 Years", "N/A")
    assert found and "70" in found[0].message


# --- 3. cohort limits in brackets: a second band, the union is the trial's range -------------------------------------------

# NCT00004335 (unseen part, ctgov-xml-bulk, criteria; structured 7 to 35 Years): "16" was compared alone with 35
NCT00004335 = (
    "--Patient Characteristics--\n\n  -  Age: 7 to 16 (18 to 35 for women and volunteers)\n\n  -  Other: No pregnant or "
    "nursing women No prisoners Not in neuropsychiatric institute or\n     other facility for mental illness"
)
BRACKET_BANDS = [
    (NCT00004335, "7 Years", "35 Years", "16 Years"),
    ("Inclusion Criteria:\n  -  Age 18 to 65 years (up to 75 years for healthy volunteers)\n", "18 Years", "75 Years", "65 Years"),
    ("Inclusion Criteria:\n  -  Aged 12-17 years (adult cohort B: 18 to 40 years)\n", "12 Years", "40 Years", "17 Years"),
]


@pytest.mark.parametrize("text,minimum,union_max,first_band_max", BRACKET_BANDS)
def test_bracketed_band_is_read_as_the_union(text, minimum, union_max, first_band_max):
    assert _criteria_findings(text, minimum, union_max) == []
    # a structured maximum that covers only the first band leaves the bracket's group out: reported, quoting both bands
    found = _criteria_findings(text, minimum, first_band_max)
    assert found and "(" in found[0].evidence.text


BRACKET_GUARDS = [
    # no group in the bracket: a restatement or another unit, not a second band
    ("Inclusion Criteria:\n  -  Age 18 to 65 years (i.e. 18 to 65)\n", (18.0, 65.0)),
    ("Inclusion Criteria:\n  -  Age 18 to 65 years (inclusive)\n", (18.0, 65.0)),
]


@pytest.mark.parametrize("text,bounds", BRACKET_GUARDS)
def test_bracket_without_a_group_is_no_second_band(text, bounds):
    first = criteria_ages(text)[0]
    assert (first.min.years, first.max.years) == bounds


# --- 4. an inclusive / exclusive boundary: the criteria say whether the boundary age is in ----------------------------------

# NCT00009672 (unseen part, ctgov-xml-bulk; structured 19 Years to N/A): the criteria exclude "Age 18 years or less", so the
# structured 19 follows them; the detailed description's "between the ages of 18 and 65" was reported as a minimum of 18,
# and its message proposed "18 years to no maximum", dropping the stated 65
NCT00009672_CRITERIA = (
    "-  INCLUSION CRITERIA:\n\nPatients with a pain level of 4/10 or greater on a scale of 0 to 10.\n\nEXCLUSION CRITERIA:\n\n"
    "Allergy to any of the medications used in the study.\n\nAge 18 years or less due to rarity of sciatica in this age group."
)
NCT00009672_DESCRIPTION = (
    "This is a randomized, double-blind,\nplacebo-controlled, four period cross-over study of chronic lumbar radicular pain. "
    "Patient\nselection will target men and women of all ethnic backgrounds between the ages of 18 and 65\nwho have had signs "
    "and symptoms of sciatica for 3 months or more."
)
NCT00009672_BRIEF = (
    "Patients between 18 and 65 years of age who have had sciatica pain daily for at least 3\nmonths may be eligible for this study."
)


def test_loose_boundary_of_a_description_agrees_with_the_criteria_exclusive_wording():
    found = _findings(
        SummaryAgeContradictsStructured(),
        detailed_description=NCT00009672_DESCRIPTION,
        criteria=NCT00009672_CRITERIA,
        minimum_age="19 Years",
        maximum_age="N/A",
    )
    assert found == []


def test_summary_claim_keeps_its_true_side_only():
    # the brief summary's 65 is a maximum the structured field lacks (true); its 18 is no longer called a contradiction
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary=NCT00009672_BRIEF,
        criteria=NCT00009672_CRITERIA,
        minimum_age="19 Years",
        maximum_age="N/A",
    )
    assert len(found) == 1
    assert "maximum age of 65 years" in found[0].message and "19 Years to 65 years" in found[0].message


SYNTHETIC_CRITERIA = "Inclusion Criteria:\n  -  Older than 21 years\n  -  Chronic low back pain\n"


def test_loose_boundary_in_other_words():
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary="Adults aged 21 to 60 years with chronic low back pain may take part.",
        criteria=SYNTHETIC_CRITERIA,
        minimum_age="22 Years",
        maximum_age="60 Years",
    )
    assert found == []


@pytest.mark.parametrize(
    "criteria,minimum",
    [
        # another number in the criteria: the summary's 18 is compared as written
        (SYNTHETIC_CRITERIA, "22 Years"),
        # the criteria's boundary is inclusive: 18 in both, the structured 19 contradicts them
        ("Inclusion Criteria:\n  -  18 years of age or older\n", "19 Years"),
    ],
)
def test_off_by_one_not_explained_by_the_criteria_is_still_reported(criteria, minimum):
    found = _findings(
        SummaryAgeContradictsStructured(),
        brief_summary="Adults aged 18 to 60 years with chronic low back pain may take part.",
        criteria=criteria,
        minimum_age=minimum,
        maximum_age="60 Years",
    )
    assert found and "18" in found[0].message


def test_message_keeps_the_stated_other_end():
    # a description's range below the structured minimum: matching it keeps its own maximum, not "no maximum"
    found = _findings(
        SummaryAgeContradictsStructured(),
        detailed_description="Patient selection will target men and women between the ages of 18 and 65 with sciatica.",
        minimum_age="25 Years",
        maximum_age="N/A",
    )
    # (fourteenth round: "target men and women between the ages of 18 and 65" is read as the population's claim, so the
    # message names the whole stated range against both structured fields instead of "matching it would make …")
    assert found and ("18 years to 65 years" in found[0].message or "ages 18 to 65 years" in found[0].message)
    assert {e.field for e in found[0].related} == {"minimum_age", "maximum_age"}


def test_group_messages_propose_the_groups_union():
    # two groups' ranges against open structured sides: each finding proposes the union (18 to 65), not one group's range
    # nor "no maximum" (NCT00001913 and NCT00001363 on the tune part had "20 years to no maximum" / "no minimum to 75 years")
    text = (
        "Inclusion Criteria:\n\nHEALTHY VOLUNTEERS:\n\n- Age 18 to 30 years\n- No chronic disease\n\nPATIENTS WITH ASTHMA:\n\n"
        "- Age 50 to 65 years\n- Asthma for at least a year\n"
    )
    found = _criteria_findings(text, "N/A", "N/A")
    assert len(found) == 2 and all("18 years to 65 years" in f.message for f in found)
