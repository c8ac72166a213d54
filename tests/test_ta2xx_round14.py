"""Fourteenth age round (issue 20, branch age8): summary ages read by the population noun phrase they are attached to
(``age_population_claim``), criteria ages written as a milestone or a compound age (``age_milestone``), and the bound
shapes of the fresh3 misses. The variants below were written for this round, at least three per class and in other
words than any benchmark half; the false findings are real excerpts of the tune part (ClinicalTrials.gov XML)."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context


def _summary(text, mn="18 Years", mx="65 Years", field="brief_summary"):
    rec = {field: text, "minimum_age": mn, "maximum_age": mx}
    return list(SummaryAgeContradictsStructured().check(record_from_example(rec), Context()))


def _criteria(item, mn="18 Years", mx="65 Years"):
    crit = f"Inclusion Criteria:\n\n  -  {item}\n  -  Able to give informed consent\n"
    rec = {"criteria": crit, "minimum_age": mn, "maximum_age": mx}
    return list(CriteriaAgeContradictsStructured().check(record_from_example(rec), Context()))


# --- summary claims by shape: each states a narrower range (30-50) than the structured 18-65, so only a claim is reported
SUMMARY_CLAIMS = {
    "apposition": [
        "Participants, aged 30 to 50 years, will attend four clinic visits over twelve weeks.",
        "Two hundred outpatients, all between 30 and 50 years of age, will take part in the programme.",
        "The volunteers, 30-50 years old, keep a sleep diary for two weeks.",
    ],
    "parentheses after the noun": [
        "Women (aged 30 to 50 years) with overactive bladder form the study population.",
        "We will study patients (40–60 yrs) who have chronic knee pain.",
        "The trial concerns adults (age range 30-50) with moderate asthma.",
    ],
    "after the noun, another verb": [
        "Adults aged 30 to 50 with chronic cough attend three clinic visits and complete a diary.",
        "In this study, men and women between 30 and 50 years of age complete an online questionnaire.",
        "Smokers 30-50 years old who want to quit are offered counselling in this trial.",
    ],
    "before the noun": [
        "30-50 year old women with migraine take part in this randomised study.",
        "This trial studies 30–50-year-old adults with obesity.",
        "Thirty- to fifty-year-old adults will be enrolled at three centres.",
    ],
    "a list of eligibility facts or a label": [
        "Key eligibility: adults, 30-50 years, BMI 25-35, no diabetes.",
        "Population: outpatients; age 30–50 years; both sexes.",
        "Aged from 30 to 50 years old, gender is not limited.",
        "Age: minimum 30 years, maximum 50 years.",
        "Age limits: lower 30 years, upper 50 years.",
        "Inclusion age: 30 years (completed) to 50 years.",
    ],
    "a title-like first sentence": [
        "Vitamin D in adults aged 30 to 50 years with low bone density: a randomised trial. Vitamin D may improve bone.",
        "A Study of Drug X in Patients 30-50 Years Old With Gout. The drug lowers urate.",
        "Home exercise for women aged 30 to 50 years with knee pain (HEX-K). Exercise may help.",
    ],
    "the population's ages as the subject": [
        "The participants' ages will range between 30 years and 50 years (both ages included).",
        "The ages of the volunteers are 30 to 50 years.",
        "Patients' ages will lie between 30 and 50 years.",
    ],
    "a sentence that keeps the other ages out": [
        "Those aged under 30 or over 50 years will not be considered.",
        "Patients younger than 30 or older than 50 years are not eligible.",
        "People aged over 50 will not be enrolled in this study.",
    ],
    "looking for people with a relative clause": [
        "We are looking for men and women who are no older than 50 years.",
        "We are seeking healthy male and female volunteers who are between 30 and 50 years old.",
        "The team is looking for older men and women who are at least 30 and at most 50 years of age.",
    ],
    "bound words": [
        "Patients of age 30 years to 50 years of either gender shall be included.",
        "The trial takes adults no older than 50 who have had a first stroke.",
        "The study will include thirty to 50-year-olds.",
    ],
}


@pytest.mark.parametrize(("shape", "text"), [(k, t) for k, ts in SUMMARY_CLAIMS.items() for t in ts])
def test_a_population_age_in_a_summary_is_a_claim(shape, text):
    found = _summary(text)
    assert found, f"{shape}: {text}"
    assert {e.field for e in found[0].related} & {"minimum_age", "maximum_age"}


# --- look-alikes: an age of something or someone else, inside the structured range 18-65 (only a claim is reported there)
SUMMARY_LOOKALIKES = [
    "Participants will be followed for 5 years after surgery.",
    "All adults under 40 years of age receive the higher dose.",  # one arm's treatment
    "Patients older than 55 years are not treated with the second drug.",  # negated treatment
    "In adults younger than 40 years, the drug may be a successful alternative.",  # background, modal
    "The cohort tracked 295 adults, ages 30 to 50 at baseline, for ten years.",  # a past sample
    "Women 35 years of age and older may have a mammogram.",  # optional procedure
    "People over 60 account for most hospital admissions for influenza.",  # background statistic
    "A previous study in adults aged 30 to 50 found no benefit.",  # another study
    "Disease onset is usually between 30 and 50 years of age.",  # onset
    "A sub-study will enrol adults aged 30 to 50 later.",  # one group of several
    "If the scan cannot be read, women aged 40 years and younger will be excluded.",  # a condition
    "Patients aged 30 to 50 years are compared with patients aged 51 to 65 years.",  # two groups
    "The informants include students older than 20 years, their parents, and teachers.",  # a list of groups
    "Patients aged over 50 years are excluded from the second randomisation.",  # kept out of one part only
    "Those under 30 will not be considered for the optional biopsy.",  # one procedure
]


def test_an_excluding_sentence_says_it_was_read_inverted():
    found = _summary("Those aged under 30 or over 50 years will not be considered.")
    assert len(found) == 2 and all("read from a sentence that excludes those ages" in f.message for f in found)


@pytest.mark.parametrize("text", SUMMARY_LOOKALIKES)
def test_an_age_of_something_else_is_no_claim(text):
    assert not _summary(text), text


# --- real false findings of a first version on the tune part (each a class, fixed as a class) ---------------------------
@pytest.mark.parametrize(
    ("text", "mn", "mx"),
    [
        # NCT00001675 (detailed description): a label listing several groups
        (
            "Study population: Healthy non-alcoholic adult volunteers, healthy adolescents aged 12 to 17 years (with or "
            "without a family history of alcohol use disorder), inpatient or outpatient alcoholics, and recovering alcoholics.",
            "12 Years",
            "65 Years",
        ),
        # NCT00005232: a past survey's sample
        (
            "The population sample included all individuals age 5 and over residing in the town of Gubbio.",
            "N/A",
            "N/A",
        ),
        # NCT00491218: a condition and an exclusion
        (
            "If images of the coronary arteries are deemed to be unevaluable, women 40 years and younger will be excluded "
            "from participation in the study.",
            "18 Years",
            "70 Years",
        ),
        # NCT00491361: one of several groups of informants
        (
            "The informants include student participants older than 10 years old, their parents, and teachers.",
            "6 Years",
            "16 Years",
        ),
        # NCT00492102: background about a drug's use
        (
            "Montelukast (Singulair) is a FDA approved specific CysLT1 antagonist widely used clinically in the prophylaxis "
            "of asthma in children older than 12 months of age and blocks leukotriene signaling in the lung.",
            "7 Days",
            "N/A",
        ),
        # NCT00495287: excluded from one randomisation of the protocol
        ("Patients aged >65 years are excluded from Random 2.", "16 Years", "65 Years"),
    ],
)
def test_real_sentences_that_are_not_the_population_claim(text, mn, mx):
    assert not _summary(text, mn, mx, field="detailed_description"), text


def test_real_eligibility_list_in_a_description_is_a_claim():
    # NCT00006421 (detailed description, tune part): "Eligibility:" lists women 25-56; structured 18 to 100 Years
    text = (
        "Eligibility: - Women 25-56 years of age carrying a known BRCA1/2 deleterious mutation. - Women between the ages of "
        "25 -56 who are first- or second- degree relatives of individuals with a deleterious BRCA1/2 mutation."
    )
    found = _summary(text, "18 Years", "100 Years", field="detailed_description")
    assert found and "25" in found[0].message


# --- criteria: a milestone verb, a compound age -------------------------------------------------------------------------
CRITERIA_CLAIMS = {
    "milestone reached": [
        "Must have turned 30 before the screening visit",
        "Has reached the age of 30 years",
        "Participant has attained 30 years of age at consent",
        "Completed 30 years of age",
    ],
    "milestone not reached": [
        "Not yet reached 50 years of age at screening",
        "Should not have reached his or her 50th birthday on the day of randomisation",
        "Subject must not yet have reached the age of 50",
    ],
    "milestone appended to another item": [
        "Diagnosed with asthma. Must have turned 30 before the screening visit",
        "Able to swallow tablets; not yet reached 50 years of age at screening",
        "Written consent given. Has attained the age of 30 years",
    ],
    "compound age": [
        "Aged between 30 years 0 months and 50 years 11 months",
        "Age 30 years and 0 days to 50 years and 364 days",
        "Children from 30 years, 6 months to 50 years, 11 months",
    ],
}


@pytest.mark.parametrize(("shape", "item"), [(k, t) for k, ts in CRITERIA_CLAIMS.items() for t in ts])
def test_milestone_and_compound_criteria_ages(shape, item):
    assert _criteria(item), f"{shape}: {item}"


@pytest.mark.parametrize(
    "item",
    [
        "Has reached the stage of 3 months of treatment",
        "Must have completed 30 days of therapy before the screening visit",
        "Not yet reached 12 months of follow-up",
        "Mother has reached 20 years of age",  # another person
        "Disease duration between 1 year 0 months and 5 years 11 months",  # a duration
    ],
)
def test_milestone_look_alikes(item):
    assert not _criteria(item), item


@pytest.mark.parametrize(
    ("item", "mn", "mx"),
    [
        ("Must have turned 18 before the screening visit", "18 Years", "65 Years"),
        ("Not yet reached 66 years of age at screening", "18 Years", "65 Years"),
        ("Aged between 18 years 0 months and 65 years 11 months", "18 Years", "65 Years"),
    ],
)
def test_milestones_that_agree(item, mn, mx):
    assert not _criteria(item, mn, mx), item


def test_milestone_message_quotes_the_negation():
    found = _criteria("Not yet reached 50 years of age at screening")
    assert found and "'Not yet reached 50 years of age'" in found[0].message and "under 50 years" in found[0].message


def test_a_run_of_separator_stars_stays_linear():
    # NCT02260492 (criteria corpus, tune part) separates its sections by a line of 58 "*": the first milestone pattern
    # split such a run every possible way and never finished; hostile lengths must stay fast (bounded, not timed)
    crit = (
        "Inclusion Criteria:\n\n 10. Subjects who are able and willing to give their written informed consent to\n"
        "             participate in the study.\n\n             " + "*" * 58 + "\n\n             Exclusion Criteria:\n\n"
        " 11. Female Subjects who are pregnant or breastfeeding\n"
    )
    rec = {"criteria": crit + ("  - " + "*" * 4000 + "\n"), "minimum_age": "18 Years", "maximum_age": "65 Years"}
    assert list(CriteriaAgeContradictsStructured().check(record_from_example(rec), Context())) == []
