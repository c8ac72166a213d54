"""fp9 (issue 20): false-positive classes an independent judge found among the TA102 / TA120 / TA202 findings added this
session. The excerpts come from the project's UNSEEN part (the judge's sheet; disclosed and allowed for this fix round);
each class has the real excerpt (record id in a comment), a variant in other words, and a guard that the true finding
beside it is still reported."""

import pytest

from tests.ta1_rules import ta1_codes
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages


def _ta202(criteria, minimum_age="N/A", maximum_age="N/A"):
    rec = record_from_example({"criteria": criteria, "minimum_age": minimum_age, "maximum_age": maximum_age})
    return list(CriteriaAgeContradictsStructured().check(rec, Context()))


# --- 1. TA102: a sub-heading / lead-in line under "Exclusion Criteria:" is not the end of the section ----------------------

# NCT01008280 (unseen part, criteria table): the exclusion header, a lead-in sub-heading, then the list
NCT01008280 = (
    "Inclusion Criteria:\n\n  -  Seeking treatment for cocaine dependence\n\nExclusion Criteria:\n\n"
    "Criteria for Participation Exclude if:\n\n  -  Male or female\n\n  -  Under age 18\n\n"
    "  -  Cocaine, methamphetamine or opioid dependence\n"
)
SUB_HEADINGS = [
    NCT01008280,
    "Inclusion Criteria:\n- Adults with asthma\n\nExclusion Criteria:\nCriteria for enrollment - not eligible if:\n- Pregnant\n- Prior surgery\n",
    "Inclusion Criteria:\n- Adults with asthma\n\nExclusion Criteria:\n\nCriteria for Participation:\n  -  Pregnant\n  -  Smoker\n",
]


@pytest.mark.parametrize("text", SUB_HEADINGS)
def test_sub_heading_under_exclusion_header_is_not_an_empty_section(text):
    assert ta1_codes(text, "x.json", "ctgov-v2")["TA102"] == 0


@pytest.mark.parametrize(
    "text",
    [
        # NCT00007618 / NCT04780451 shape (judged true): the text ends after the header, or only "-" follows
        "Inclusion Criteria:\n\n  -  Adults with asthma\n\nExclusion Criteria:\n",
        "Inclusion Criteria:\n\n  -  Adults with asthma\n\nExclusion Criteria:\n\n  -\n",
        # the header is followed straight by the other section's header: still empty
        "Exclusion Criteria:\n\nInclusion Criteria:\n- Adults with asthma\n- Signed consent\n",
    ],
)
def test_empty_exclusion_section_still_reported(text):
    assert ta1_codes(text, "x.json", "ctgov-v2")["TA102"] == 1


# --- 2. TA120: a roman numeral that continues an inline roman list after a numbered sub-list ------------------------------

# NCT05536349 (unseen part, exclusion item 16, shortened): "i. ii. iii." run inline in "b.", then "1. 2. 3.", then "iv."
NCT05536349 = (
    "Exclusion Criteria:\n\n1. Prior allogeneic transplant.\n2. Prior therapy restrictions:\n"
    " a. Cohort 1 (chemotherapy) no prior anthracycline.\n"
    " b. Cohort 2 (RT) i. Prior radiotherapy to the target lesion is not allowed. ii. Prior systemic therapy is allowed. "
    "iii. Patients are required to have the following washout periods before the first dose:\n"
    " 1. Targeted agents: 14 days\n 2. Broad field radiation: 28 days\n 3. Palliative limited field radiation: 14 days\n"
    " iv. Prior therapy with venetoclax and obinutuzumab is allowed.\n3. Pregnancy.\n"
)
ROMAN_GOES_ON = [
    NCT05536349,
    "Inclusion Criteria:\n1. Adults\n2. Organ function:\n  A) Labs i. ANC over 1500 ii. Platelets over 100000 iii. Renal function by either:\n"
    "  1. Creatinine under 1.5 mg/dL\n  2. Clearance over 60 mL/min\n  iv. Bilirubin under 1.5 ULN\n3. Signed consent\n",
]


@pytest.mark.parametrize("text", ROMAN_GOES_ON)
def test_roman_numeral_that_continues_its_own_list_is_no_mix(text):
    assert ta1_codes(text, "x.json", "ctgov-v2")["TA120"] == 0


def test_roman_numeral_carrying_a_numbered_list_on_is_still_reported():
    text = "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent\n3. ECOG 0-1\niv. Adequate organ function\n"
    assert ta1_codes(text, "x.json", "ctgov-v2")["TA120"] == 1


# --- 3. TA202: an age in one of several alternatives joined by a capital "OR" ----------------------------------------------

# NCT00004904 (unseen part, shortened): other alternatives (AML, CML, aplastic anaemia) state no age
NCT00004904 = (
    "DISEASE CHARACTERISTICS: Histologically proven acute myelogenous leukemia (AML) in first or second remission OR "
    "Chronic myelogenous leukemia (CML) in chronic phase OR Histologically proven acute lymphocytic leukemia (ALL) in an "
    "adult over age 15 without an available HLA matched sibling donor OR Severe aplastic anemia\n\n"
    "PATIENT CHARACTERISTICS: Age: See Disease Characteristics\n"
)
OR_ALTERNATIVES = [
    NCT00004904,
    "Inclusion Criteria:\n\nMyelodysplastic syndrome with excess blasts OR multiple myeloma in a patient older than 21 years\n"
    "after two lines of therapy OR relapsed Hodgkin lymphoma\n",
]


@pytest.mark.parametrize("text", OR_ALTERNATIVES)
def test_age_of_one_or_alternative_is_no_trial_minimum(text):
    assert [a.claim for a in criteria_ages(text) if a.min is not None] == [False]
    assert _ta202(text) == []


def test_trial_minimum_beside_lowercase_or_is_still_reported():
    # the trial's own limit ("or" in ordinary case joins words, not alternatives)
    text = "Inclusion Criteria:\n\n- Men or women older than 18 years with asthma\n"
    assert len(_ta202(text)) == 1


def test_adults_older_than_18_against_open_minimum_still_reported():
    # NCT00006191 shape (judged true): "Subjects will be adults older than age 18" against a structured minimum N/A
    assert len(_ta202("Inclusion Criteria:\n\n  -  Subjects will be adults older than age 18\n")) == 1


# --- 4. TA202: one bound of alternative population groups listed as items -------------------------------------------------

# NCT00007020 (unseen part, shortened): infants / children / older subjects of any age are a union
NCT00007020 = (
    "Inclusion Criteria:\n\n  -  Infants < age 3 months\n\n  -  Children presenting for evaluation of cholestasis\n\n"
    "  -  Older subjects of any age with cholestatic liver disease\n\nExclusion Criteria:\n\n  -  Unwilling to consent\n"
)
AGE_GROUP_ITEMS = [
    NCT00007020,
    "Inclusion Criteria:\n1. Adolescents 12 to 17 years with moderate acne\n2. Adults with severe acne\n\nExclusion Criteria:\n1. Pregnancy\n",
    "Inclusion Criteria:\n* Newborns younger than 28 days with jaundice\n* Toddlers referred for hearing tests\n* Children of any age with a cochlear implant\n",
]


@pytest.mark.parametrize("text", AGE_GROUP_ITEMS)
def test_bound_of_one_age_group_item_is_no_trial_limit(text):
    assert _ta202(text) == []
    assert _ta202(text, maximum_age="70 Years") == []


def test_items_of_the_same_age_group_still_state_the_trial_limit():
    text = "Inclusion Criteria:\n\n  -  Adults older than 18 years\n\n  -  Adults with a diagnosis of asthma\n"
    assert len(_ta202(text)) == 1


def test_exclusion_item_of_another_age_group_does_not_make_a_union():
    text = "Inclusion Criteria:\n\n  -  Adults older than 18 years\n\nExclusion Criteria:\n\n  -  Children\n"
    assert len(_ta202(text)) == 1


# NCT06932263 (tune part, ctgov-v2-bulk clinical_trial_matchers.ndjson, items 2 and 9; the injection benchmark changed the
# 18 to 30): "Women of Child Bearing Potential" names women, not a group of children, so the adults' range is the trial's
WOCBP = (
    "Inclusion Criteria:\n\n1. Signed informed consent.\n2. Adults aged 30-75, inclusive when signing the informed consent.\n"
    "9. Women of Child Bearing Potential (WOCBP) must have a negative pregnancy test.\n\nExclusion Criteria:\n\n1. Pregnancy\n"
)


@pytest.mark.parametrize(
    "text",
    [
        WOCBP,
        "Inclusion Criteria:\n- Adults aged 30 to 70 years\n- Childbearing-age women: effective contraception\n- Child-bearing potential excluded\n",
    ],
)
def test_a_kind_word_inside_another_phrase_names_no_age_group(text):
    assert len(_ta202(text, minimum_age="18 Years", maximum_age="75 Years")) == 1
