"""Eleventh round of the age family (issue 20, branch age5): the two open false-positive classes of the registries judge
(an adolescent band beside the adult band; "more than N" excluded against a maximum of N - 1), and ages in more of the
ways registrants state them in summaries and criteria. Each false positive has its real excerpt (record ID and source in a
comment), synthetic variants in other words, and guards that a real contradiction in similar words is still reported."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages, prose_ages


def _findings(rule, **example):
    return list(rule.check(record_from_example(example), Context()))


def _criteria_findings(criteria, minimum, maximum):
    return _findings(CriteriaAgeContradictsStructured(), criteria=criteria, minimum_age=minimum, maximum_age=maximum)


def _summary_findings(summary, minimum, maximum, criteria=None):
    example = {"brief_summary": summary, "minimum_age": minimum, "maximum_age": maximum}
    if criteria is not None:
        example["criteria"] = criteria
    return _findings(SummaryAgeContradictsStructured(), **example)


# --- 1. an adolescent band beside the adult band: a branch of an "or", and the ages of those who give assent -------------

# NCT04292899 (ictrp-csv, COVID19-1135-trials_sample300.csv, tune; structured 12 Years to N/A): adults consent, adolescents
# of 12 to 17 assent "where locally and nationally approved", and the age item admits both bands joined by ", or aged"; the
# export turned every "≥" into "=". "12 to <18" was reported as a maximum the structured field lacks.
NCT04292899 = (
    "Key Inclusion Criteria:\n\n  -  Willing and able to provide written informed consent, or with a legal representative\n"
    "     who can provide informed consent, or enrolled under International Conference on\n"
    "     Harmonization (ICH) E6(R2) 4.8.15 emergency use provisions as deemed necessary by the\n"
    "     investigator (age =18), or willing and able to provide assent (age =12 to <18, where\n"
    "     locally and nationally approved) prior to performing study procedures\n\n"
    "  -  Aged = 18 years (at all sites), or aged = 12 and < 18 years of age weighing = 40 kg\n"
    "     (where permitted according to local law and approved nationally and by the relevant\n"
    "     institutional review board [IRB] or independent ethics committee [IEC])\n\n"
    "  -  Currently hospitalized\n\nKey Exclusion Criteria:\n\n  -  Evidence of multiorgan failure\n"
)

ADOLESCENT_BESIDE_ADULTS = [
    NCT04292899,
    # the same with the comparators intact
    "Inclusion Criteria:\n- Aged ≥ 18 years, or aged ≥ 12 and < 18 years of age weighing ≥ 40 kg where permitted by local law\n",
    # other words: the branch repeats "aged", the adolescents' band a range
    "Inclusion Criteria:\n- Adults 18 years or older, or aged 12-17 years with the consent of a parent\n- Confirmed infection\n",
    # the assent bracket alone
    "Inclusion Criteria:\n- Able to give informed consent, or to give assent (ages 12 to 17) with a parent's permission\n",
]


@pytest.mark.parametrize("text", ADOLESCENT_BESIDE_ADULTS)
def test_an_adolescent_band_beside_adults_is_no_missing_maximum(text):
    assert _criteria_findings(text, "12 Years", "N/A") == []


def test_the_adolescent_branch_is_read_as_one_group_and_the_assent_bracket_not_at_all():
    stated = criteria_ages(NCT04292899)
    # (since issue 20's sixth round the export's "=" is read as the "≥" it lost: both branches are read, as with "≥", and
    # both are groups of an "or", not claims)
    assert [(s.text, s.claim) for s in stated] == [("Aged = 18 years", False), ("aged = 12 and < 18 years of age", False)]


@pytest.mark.parametrize(
    "text",
    [
        # guards: a band the structured range does not cover is still reported (a branch that matches no structured
        # value is held to lying inside the range)
        "Inclusion Criteria:\n- Aged ≥ 18 years, or aged ≥ 12 and < 18 years of age weighing ≥ 40 kg\n",
        # and the trial's own upper limit, stated once without a branch, is still a missing maximum
        "Inclusion Criteria:\n- Aged 12 to 17 years\n- Willing to provide assent\n",
    ],
)
def test_bands_outside_the_structured_range_are_still_reported(text):
    # (a structured minimum of 14: neither branch matches it, and the adolescents' 12 lies below it)
    minimum = "14 Years" if "or aged" in text else "12 Years"
    assert _criteria_findings(text, minimum, "N/A")


def test_consent_bracket_of_the_trials_own_age_is_still_read():
    # only assent brackets are dropped: "consent (18 or older)" may be the trial's limit
    text = "Inclusion Criteria:\n- Able to provide informed consent (aged 18 to 65 years)\n"
    assert _criteria_findings(text, "18 Years", "N/A")


# --- 2. "more than N" excluded against a structured maximum of N - 1: a boundary convention --------------------------------

# ChiCTR2000030317 (ictrp-csv, COVID19-1135-trials_sample300.csv, tune; structured 18 to 79): "age more than 80 years" in the
# exclusion criteria leaves 80 eligible when ages are whole years, and excludes anyone past their 80th birthday when they
# are exact; a maximum of 79 is one of the two readings, not a contradiction.
CHICTR2000030317 = (
    "Inclusion Criteria:\nPatients undergoing painless gastroscopy in our hospital.\n\nExclusion Criteria:\n"
    "1. Patients undergoing general gastroscopy;\n2. With trachea dysfunction;\n3. pregnant women, children, age more than 80 "
    "years;\n4. Patients with difficulty in intubation."
)


@pytest.mark.parametrize(
    "text",
    [
        CHICTR2000030317,
        "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Age > 80 years\n",
        "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Patients older than 80 years\n",
        "Inclusion Criteria:\n- Participants must not be older than 80 years\n",
    ],
)
def test_more_than_n_excluded_agrees_with_a_maximum_of_n_minus_one(text):
    assert _criteria_findings(text, "18 Years", "79 Years") == []
    assert _criteria_findings(text, "18 Years", "80 Years") == []


@pytest.mark.parametrize(
    ("text", "maximum"),
    [
        (CHICTR2000030317, "75 Years"),  # another number is still a contradiction
        (CHICTR2000030317, "81 Years"),  # a maximum above N admits people the exclusion removes
        ("Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Age 80 years or older\n", "80 Years"),  # already tolerated
        ("Inclusion Criteria:\n- Age ≤ 80 years\n", "79 Years"),  # an inclusive maximum as written must be entered as written
    ],
)
def test_the_boundary_convention_does_not_hide_other_numbers(text, maximum):
    found = _criteria_findings(text, "18 Years", maximum)
    if "or older" in text:
        assert found == []  # "80 or older" excluded = under 80: 80 entered is the either-way convention of exclusive bounds
    else:
        assert found


# --- 3. summaries: more of the forms registrants state the population's ages in ---------------------------------------------

CONTEXT = "This randomized trial evaluates whether a structured exercise programme improves walking distance."

SUMMARY_FORMS = [
    # (sentence, min, max) in years; None = the side is open
    ("The study includes people over 60 living in the community.", 60, None),
    ("Patients age ≥ 18 with type 2 diabetes will be included.", 18, None),
    ("Subjects whose age is between 18 and 65 years old will be included.", 18, 65),
    ("Participants in the age group of 18-45 years will be recruited.", 18, 45),
    ("The age range of participants is 18–65 years.", 18, 65),
    ("Participants older than 60 will be invited.", 60, None),
    ("Participants from 18 years up to 65 years will be enrolled.", 18, 65),
    ("Boys and girls aged 6-12 will take part.", 6, 12),
    ("A total of 120 patients aged 40-70 years will be randomly assigned.", 40, 70),
    ("The target population is adults aged 40–70 years.", 40, 70),
    ("Patients up to 70 years old will be included.", None, 70),
    ("Teenagers 13 to 17 years old will participate.", 13, 17),
    ("Patients in the 40-70 age range will be recruited.", 40, 70),
    ("The study will be conducted in patients aged 40–70 years.", 40, 70),
    ("Women under 50 with a first pregnancy will be invited.", None, 50),
]


def _bound(b):
    return None if b is None else round(b.years)


@pytest.mark.parametrize(("sentence", "lo", "hi"), SUMMARY_FORMS)
@pytest.mark.parametrize("where", ["start", "end"])
def test_summary_form_is_read_as_a_claim(sentence, lo, hi, where):
    text = f"{sentence} {CONTEXT}" if where == "start" else f"{CONTEXT} {sentence}"
    claims = [(_bound(s.min), _bound(s.max)) for s in prose_ages(text) if s.claim]
    assert (lo, hi) in claims


@pytest.mark.parametrize(("sentence", "lo", "hi"), SUMMARY_FORMS)
def test_summary_form_that_differs_from_the_structured_range_is_reported(sentence, lo, hi):
    # the structured range is shifted by 5 years on each side the sentence bounds
    minimum = f"{(lo or 0) + 5} Years" if lo is not None else "N/A"
    maximum = f"{hi + 5} Years" if hi is not None else "N/A"
    assert _summary_findings(f"{CONTEXT} {sentence}", minimum, maximum)


@pytest.mark.parametrize(
    "sentence",
    [
        # look-alikes that must stay silent
        "Patients over 60 kg will be included.",
        "The study includes people over 60 percent of whom are smokers.",
        "Study population: healthy adults, adolescents aged 12 to 17 years, and alcoholics.",
        "Women aged 40-70 must have a mammogram within the last year.",
        "Participants in the age group at highest risk will be recruited.",
        "Patients in the 40-70 mg dose range will be recruited.",
    ],
)
def test_look_alikes_are_no_claim(sentence):
    assert not [s for s in prose_ages(f"{CONTEXT} {sentence}") if s.claim]


# --- 4. criteria items: sex words before the band, "years old ≤ age ≤", an "Age group:" label, "from N up to M" --------------

CRITERIA_FORMS = [
    ("Both genders, 18-65 years", 18, 65),
    ("Either sex, 18 to 65 years", 18, 65),
    ("18 years old ≤ age ≤ 65 years old", 18, 65),
    ("Age group: 18-65 years", 18, 65),
    ("age 18 years up to 65 years", 18, 65),
]


@pytest.mark.parametrize(("item", "lo", "hi"), CRITERIA_FORMS)
def test_criteria_form_is_read(item, lo, hi):
    stated = criteria_ages(f"Inclusion Criteria:\n- Signed informed consent\n- {item}\n- Able to attend visits\n")
    assert [(_bound(s.min), _bound(s.max), s.claim) for s in stated] == [(lo, hi, True)]


@pytest.mark.parametrize(
    "item",
    ["Group A: 18-65 years", "Both genders, 18-65 kg/m2 body mass", "Cohort 2: 18 to 65 years"],
)
def test_criteria_look_alikes_are_no_claim(item):
    stated = criteria_ages(f"Inclusion Criteria:\n- Signed informed consent\n- {item}\n")
    assert not [s for s in stated if s.claim]


# --- 5. false positives the wider claims produced on the tune part, fixed as classes ------------------------------------------

# NCT05175846 (ctgov-v2-bulk covid-19-search.json, tune; structured 18 Years to none): the strata of a matching, in a sentence
# run into the next ("... as follows: Age: 18-64 and >65; ... Each participant will be assigned a study number")
NCT05175846 = (
    "During Stage 1, Group 1 participants will be matched to Group 2 subjects as follows: Age: 18-64 and >65; Race: Caucasian, "
    "Latino, African American, other; Sex: Male or Female Each participant will be assigned a study number."
)
# NCT00001790 (ctgov-xml-bulk, tune; structured N/A to N/A): two cohorts listed in one bracket
NCT00001790 = (
    "The patient population\nconsists of children ages 2 to 17 years of age; two age cohorts will be studied (2-12,\n13-17). "
    "Dosage levels will be 0.5mg/kg/day."
)
# NCT00001803 (ctgov-xml-bulk, tune; structured N/A to 100 Years): the age of the second of two groups
NCT00001803 = (
    "There are 293 patient\nvolunteers with VHL disease. Adults as well as children aged 13\n- 17 will be included. All subjects "
    "will give informed consent prior to participation."
)


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        (NCT05175846, "18 Years", "N/A"),
        (NCT00001803, "N/A", "100 Years"),
        # synthetic variants in other words
        ("Controls will be matched to cases by age (18-40, 41-60 or 61-80 years) and sex.", "18 Years", "N/A"),
        ("Patients as well as adolescents aged 12-17 will be included.", "N/A", "N/A"),
        ("Participants will be enrolled in three strata (18-40, 41-60, 61-80 years).", "18 Years", "80 Years"),
    ],
)
def test_strata_and_second_groups_are_no_claim(text, minimum, maximum):
    assert _summary_findings(f"{CONTEXT} {text}", minimum, maximum) == []


def test_cohorts_in_a_bracket_are_groups_and_the_population_is_the_claim():
    stated = prose_ages(NCT00001790)
    assert [(s.text, s.claim) for s in stated] == [("ages 2 to 17 years of age", True), ("2-12", False)]
    # so the finding quotes the population's range, which the structured field lacks (a true finding)
    found = _summary_findings(NCT00001790, "N/A", "N/A")
    assert found and "ages 2 to 17" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # guards: the same claims without the matching, the second group or the bracket list are still reported
        "Participants aged 18-64 will be included.",
        "Adolescents aged 12-17 will be included.",
        "Participants aged 18-40 years will be enrolled.",
    ],
)
def test_the_trials_own_range_is_still_a_claim(text):
    assert _summary_findings(f"{CONTEXT} {text}", "30 Years", "N/A")


# --- 6. more summary forms: both ends in one sentence ----------------------------------------------------------------------

BOTH_ENDS = [
    "Adults older than 30 years but younger than 70 years will be enrolled.",
    "Adults aged 30 and older, but not older than 70, will be enrolled.",
    "Anyone aged 30-70 may apply.",
    "The lower age limit is 30 years and the upper age limit is 70 years.",
    "Age range for inclusion is 30 to 70 years.",
    "The study targets adults aged 30-70.",
    "This study seeks women aged 30-70.",
    "The age of participants will range from 30 to 70 years.",
    "Participants will range in age from 30 to 70 years.",
    "We will enrol adults in the 30-70 year age group.",
    "This trial is for participants aged 30+ and no older than 70.",
    "Ages eligible for study: 30 Years to 70 Years.",
]


@pytest.mark.parametrize("sentence", BOTH_ENDS)
def test_both_ends_are_claims(sentence):
    claims = [s for s in prose_ages(f"{CONTEXT} {sentence}") if s.claim]
    assert {round(s.min.years) for s in claims if s.min} == {30}
    assert {round(s.max.years) for s in claims if s.max} == {70}


@pytest.mark.parametrize(
    "text",
    [
        # guards (seventh round): an aside that admits others beyond the limit still makes the limit one of several
        "Inclusion Criteria:\n- Age 15 to 60 years (physically fit patients up to age 70 may be considered)\n",
        "Inclusion Criteria:\n- Age 18 to 60 years; but patients up to 70 may be included at the investigator's discretion\n",
    ],
)
def test_an_extending_aside_still_makes_the_limit_one_of_several(text):
    assert [s.claim for s in criteria_ages(text)][:1] == [False]


# --- 7. where the summary sentence starts ----------------------------------------------------------------------------------


def test_a_character_whose_lower_case_is_longer_does_not_shift_the_search():
    # "İ".lower() is two characters: an "AKİ" (Turkish spelling of AKI) earlier in a description moved every keyword
    # offset after it, and "aged 6-92" was looked for in the wrong place
    text = "The effect of Acute Kidney Injury (AKİ) on the prognosis. The study is open to patients aged 6–92."
    assert [s.text for s in prose_ages(text)] == ["aged 6–92"]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence run into the one before it without a full stop (titles and objectives pasted before the population)
        "Pharmacokinetics of NVP-1805 compared to coadministration of NVP-1805-R1 with NVP-1805-R2 Inclusion is restricted to "
        "adults older than 31 and younger than 76 years.",
        "Prophylactic cholecystectomy versus on-demand delayed cholecystectomy Adults from 30 to 70 years of age will be invited "
        "to take part.",
        "Rate of asymptomatic carriers Approximately 120 adults in the age range 30 to 72 years will be enrolled.",
    ],
)
def test_a_sentence_without_its_full_stop_is_read_on_its_own(text):
    claims = [s for s in prose_ages(text) if s.claim]
    assert claims and claims[0].min is not None and claims[0].max is not None


# NCT00002380 (ctgov-xml-bulk, tune; structured 6 Months to 13 Years): age strata listed in one item after a strata header;
# the second stratum, read once an appended clause after a semicolon was read like an item, was reported
NCT00002380 = (
    "Inclusion Criteria\n\nPatients must have:\n\n  -  HIV infection according to standard definitions.\n\n"
    "  -  At least 4 patients (2 in each parts 1 and 2) will be enrolled in each of three age\n     strata:\n\n"
    "  -  6 months to 2 years; greater than 2 years to 6 years; and greater than 6 years to 13\n     years. NOTE:\n\n"
    "  -  For the purposes of analysis only, patients will be stratified by age.\n"
)


def test_strata_under_a_strata_header_are_groups():
    assert _criteria_findings(NCT00002380, "6 Months", "13 Years") == []
    assert all(not s.claim for s in criteria_ages(NCT00002380))


def test_an_appended_clause_after_a_semicolon_is_still_a_claim_without_a_strata_header():
    text = "Inclusion Criteria:\n- Confirmed diagnosis of moderate asthma; 30 to 70 years\n- Able to attend visits\n"
    assert [(s.text, s.claim) for s in criteria_ages(text)] == [("30 to 70 years", True)]
    assert _criteria_findings(text, "18 Years", "70 Years")


# --- 8. summaries in the English of other registries (ChiCTR, CTRI, IRCT, TCTR) -----------------------------------------------

OTHER_REGISTRIES = [
    "A total of 60 patients aged 30-70 years undergoing surgery will be randomly divided into two groups.",
    "Patients of either sex aged between 30-70 years will be included in the study.",
    "The subjects of this study are patients aged 30 to 70 years.",
    "Subjects of the study: patients aged 30-70 years.",
    "Study subjects: 30-70 years old patients with asthma.",
    "Outpatients aged 30 - 70 years will be randomly allocated to the intervention or control group.",
]


@pytest.mark.parametrize("sentence", OTHER_REGISTRIES)
def test_other_registries_summary_forms_are_claims(sentence):
    claims = [s for s in prose_ages(f"{CONTEXT} {sentence}") if s.claim]
    assert [(round(s.min.years), round(s.max.years)) for s in claims] == [(30, 70)]


def test_a_past_sample_stays_no_claim():
    # a design narrative in the past tense describes a sample, not who may take part (kept since the fourth round)
    assert not [s for s in prose_ages("Sixty patients, aged 30–70 years, scheduled for surgery were enrolled.") if s.claim]
