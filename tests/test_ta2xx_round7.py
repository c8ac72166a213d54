"""Seventh round of the age family (issue 20): the false-positive classes an independent judge found on the unseen sample
(docs/precision/unseen-round3/ta2xx.tsv; only the excerpts of that sheet are used). Each class has its real excerpt (record
ID and source in a comment), a synthetic variant in other words, and a guard that the trial-wide limit beside the same
words is still read. Two findings the judge marked true that the sixth round had removed (NCT00001617, NCT00007215) are
guarded at the end."""

import pytest

from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import find_ages, prose_ages


def claims(text, mode="inclusion"):
    return [a.text for a in find_ages(text, mode) if a.claim]


def prose_claims(text):
    return [a.text for a in prose_ages(text) if a.claim]


# --- no age at all: a time since a treatment phase; the baseline age of a counted cohort ----------------------------------

NOT_AN_AGE_PROSE = [
    # NCT00005945 (unseen judge sheet, TA201, detailed description): a time since a therapy phase
    "NOTE: All T-cell precursor patients that are not more than 4 months past completion of the\n"
    "delayed intensification phase of therapy should be switched to the augmented regimen as of\n3/8/2004.",
    "Patients who are less than 6 weeks since the end of radiotherapy will be re-staged first.",
    # NCT00005130 (unseen judge sheet, TA201, detailed description): a counted cohort of a design narrative
    "CARDIA, which began recruitment in 1985, has completed 7 examinations over 20 years in a\n"
    "cohort of 5,115 men and women aged 18-30 years in four communities. Participants were\ninitially sampled",
    "The survey enrolled a sample of 2,000 school children aged 8 to 12 in three districts.",
]

# --- one of several ranges: agrees when inside the structured range, never the trial's whole range ----------------------

ONE_OF_SEVERAL_CRITERIA = [
    # NCT00002521 (unseen judge sheet, TA202; structured max 70): a qualifier in the same item extends the limit
    (
        "Age:\n\n  -  15 to 60 (physically fit patients up to age 70 may be considered)\n\nPerformance status:\n\n  -  ECOG 0-2\n",
        "inclusion",
    ),
    ("  -  Age 18 to 65 years; patients aged 66 to 75 may be enrolled at the investigator's discretion\n", "inclusion"),
    # NCT00491257 (unseen judge sheet, TA202; structured max N/A): two strata in one item
    (
        "  -  Aged 18 to 60 years (i.e. to the day before the 61st birthday) or 61 years or above\n"
        "     (from the day of the 61st birthday) on the day of inclusion\n\n  -  Provision of a signed informed consent\n",
        "inclusion",
    ),
    ("  -  Between 2 and 17 years, or 18 years and older with a paediatric diagnosis\n", "inclusion"),
    # NCT00498641 (unseen judge sheet, TA202; structured 3 to 55): a group inside one item beside another group
    (
        "  -  An interocular acuity difference of at least 0.2 logMAR in children (3-7 years of age)\n"
        "     or in older children and adult patients without a history of patching or atropine\n     penalization\n",
        "inclusion",
    ),
    ("  -  Recurrent wheeze in infants (6-24 months) and in older preschool children\n", "inclusion"),
    # NCT00001045 (unseen judge sheet, TA202; structured min 13): a named sub-group
    (
        "NOTE:\n\n  -  All Department of Defense (DOD)-eligible patients must be at least 18 years of age.\n"
        "     Enrollment of women is encouraged.\n",
        "inclusion",
    ),
    ("  -  Patients enrolled at the adult oncology sites must be 21 years or older.\n", "inclusion"),
    # NCT00002552 (unseen judge sheet, TA202; "Age: 70 and under" elsewhere): the conditions of one treatment option
    (
        "lymphoma patients with marrow involvement Perfosfamide-purged autologous transplant allowed\n"
        "in patients with no matched sibling donor if: Marrow involvement is limited (less than 30%\n"
        "tumor cells on smears and in bilateral iliac crest biopsies) AND Age is under 60 Donor\nrequirements: Excellent physical condition",
        "inclusion",
    ),
    (
        "Haploidentical transplant permitted for patients lacking a matched\nunrelated donor if: the disease is in first complete "
        "remission (fewer than 5% blasts in\nthe marrow on two aspirates taken a month apart) AND Age is 55 or less Other\n"
        "requirements: adequate organ function",
        "inclusion",
    ),
    # NCT00006150 (unseen judge sheet, TA202, exclusion criteria; structured min 1 Month): a procedure limited by age
    (
        "Coronary CTA will not be performed on any patient younger than 30 years or with\n"
        "contraindication to IV contrast media. This includes patients with 1) creatinine value of\n>1.3 mg/dL",
        "exclusion",
    ),
    ("  -  The bone biopsy is only performed on participants aged 25 or older\n", "exclusion"),
]

ONE_OF_SEVERAL_PROSE = [
    # NCT00006156 (unseen judge sheet, TA201, brief summary; structured min 18): a second group with its own age
    "Women with normal ovarian function ages 18 to 55 and postmenopausal women 60 years of age or\n"
    "older may be eligible for this study. Candidates will be screened",
    "Boys aged 10 to 14 years and adult men 40 years of age or older will take part.",
]


@pytest.mark.parametrize("text", NOT_AN_AGE_PROSE)
def test_seventh_round_non_ages_are_not_read(text):
    assert [a.text for a in prose_ages(text)] == []


@pytest.mark.parametrize("text,mode", ONE_OF_SEVERAL_CRITERIA)
def test_seventh_round_one_of_several_is_no_claim(text, mode):
    got = find_ages(text, mode)
    assert got, "the age is still read (held to lying inside the structured range)"
    assert not got[0].claim  # (an aside's own age, "patients aged 66 to 75 may be enrolled", may stay a claim)


@pytest.mark.parametrize("text", ONE_OF_SEVERAL_PROSE)
def test_seventh_round_second_group_in_prose_is_no_claim(text):
    got = prose_ages(text)
    assert got and not got[-1].claim


def _ta202(criteria, minimum, maximum):
    example = {"criteria": criteria, "minimum_age": minimum, "maximum_age": maximum}
    return list(CriteriaAgeContradictsStructured().check(record_from_example(example), Context()))


def test_extending_qualifier_agrees_with_the_outer_limit():
    # NCT00002521: the structured maximum 70 is the qualifier's, the union of the two ranges
    text = "Inclusion Criteria:\n\nAge:\n\n  -  15 to 60 (physically fit patients up to age 70 may be considered)\n"
    assert _ta202(text, "15 Years", "70 Years") == []


# --- guards: the trial-wide limit beside the same words is still read -----------------------------------------------------

GUARDS = [
    # a bracket without an extending qualifier
    ("  -  Age 15 to 60 (inclusive)\n", "inclusion", "Age 15 to 60 (inclusive)"),
    # "may be eligible for this study" is the limit's own predicate, not an aside (NCT00007215, brief summary, judged true)
    (
        "Patients 18 years of age and older with cataracts and normal volunteers between the ages of\n"
        "18 and 70 years may be eligible for this study. Participants will have",
        "prose",
        "18 years of age and older",
    ),
    # an "or" without a second age
    ("  -  Aged 18 to 60 years, or their legal guardian must consent\n", "inclusion", "Aged 18 to 60 years"),
    # a bracket after a group, with no other group following
    ("  -  Adults (18-65 years of age) with asthma\n", "inclusion", "18-65 years of age"),
    # eligible patients without a named sub-group
    ("  -  Eligible patients must be at least 18 years of age\n", "inclusion", "at least 18 years of age"),
    # a cohort without a count is the study's population
    ("This study will enroll a cohort of men and women aged 18-30 years.", "prose", "aged 18-30 years"),
    # an age and a time since an event in one item
    ("  -  Age 18 years or older, at least 4 weeks past completion of chemotherapy\n", "inclusion", "Age 18 years or older"),
    # a procedure verb without "performed on"
    ("  -  Patients younger than 30 years\n", "exclusion", "younger than 30 years"),
]


@pytest.mark.parametrize("text,mode,expected", GUARDS)
def test_trial_wide_limit_beside_seventh_round_words_is_read(text, mode, expected):
    got = prose_claims(text) if mode == "prose" else claims(text, mode)
    assert expected in got


# --- two findings judged true that the sixth round had removed ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # NCT00001617 (unseen judge sheet, TA202, judged true; structured min N/A)
        "Patients 18 years or older will be admitted to this study. There will be no gender or sex\n"
        "bias in the recruitment.\n\nThree subjects who are normal volunteers below age 40 and three subjects who are normal\n"
        "volunteers above age 40 will be recruited. These normal volunteers should have clear lenses\n",
        "Patients aged 21 or over will be enrolled in the study.\n\nFour healthy volunteers will be recruited as well.\n",
    ],
)
def test_limit_admitted_to_the_study_beside_volunteers_is_read(text):
    assert len(claims(text)) == 1


# --- two cohorts in two sentences of prose ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # NCT00005907 (unseen judge sheet, TA201, brief summary; structured N/A to N/A): volunteers 18-60, patients 5-60
        "This study includes normal volunteers and patients who have had a blood transplant. Healthy\n"
        "volunteers between the ages of 18 and 60 who have previously been vaccinated with the\n"
        "hepatitis B or tetanus/diphtheria vaccine and have not had hepatitis B may be eligible for\n"
        "this study. Patients enrolled in a blood cell transplant study at NIH who are between 5 and\n60 years old, have been vaccinated",
        "Healthy adults aged 20 to 40 can take part. Patients with lupus aged 12 to 70 will also be enrolled.",
    ],
)
def test_first_of_two_cohorts_in_two_sentences_is_no_claim(text):
    got = prose_ages(text)
    assert len(got) == 2 and not got[0].claim


@pytest.mark.parametrize(
    "text",
    [
        "Patients aged 18 or older can join. Patients will receive 2 doses.",
        "Healthy volunteers aged 18 or older can join. Patients with lupus will also be studied.",
    ],
)
def test_one_cohort_whose_next_sentence_gives_no_other_age_is_read(text):
    assert prose_claims(text) == ["aged 18 or older"]
