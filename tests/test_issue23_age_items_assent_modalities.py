"""Issue 23: three false-positive classes an independent judge found in the other registries' formats. Each has its real
excerpt (record ID and source in a comment), synthetic variants in other words, and guards that a real contradiction or
a real title of two measures in similar words is still reported.

1. TA202: the next list item's number read as the end of an age range ("65 years old ⏎⏎ - 2. Pneumonia").
2. TA202: the ages in a consent / assent bracket where the export turned "≥" into "=" ("assent (participants = 12 and < 18").
3. TA805: a title that lists only imaging or examination methods of one body part ("CT and MRI of hip").
"""

import pytest

from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages
from trial_audit.text.outcome_measures import several_measures


def _criteria_findings(criteria, minimum, maximum):
    example = {"criteria": criteria, "minimum_age": minimum, "maximum_age": maximum}
    return list(CriteriaAgeContradictsStructured().check(record_from_example(example), Context()))


def _bounds(criteria):
    return [(s.min.value if s.min else None, s.max.value if s.max else None) for s in criteria_ages(criteria)]


# --- 1. a list item's number is never the end of an age range ---------------------------------------------------------

# NCT04280224 (ictrp-xml, ICTRP-Results_18Mar2020_sample300.xml, tune; structured 18 Years to 65 Years): the next item's
# number "2." after a blank line and a bullet was read as the range's end, "ages 65 to 2 years"
NCT04280224 = (
    "Inclusion Criteria:\n\n  -  1. Male or female, aged at 18 years-65 years old\n\n"
    "  -  2. Pneumonia that is judged by chest radiograph or computed tomography\n\n"
    "  -  3. Laboratory confirmation of NCP infection by reverse-transcription polymerase chain\n"
    "     reaction(RT-PCR) from any diagnostic sampling source\n\nExclusion Criteria:\n\n  -  1. Pregnancy or breastfeeding\n"
)

ITEM_NUMBER_AFTER_AN_AGE = [
    NCT04280224,
    # a bullet on the next line, no blank line
    "Inclusion Criteria:\n1) Aged 65 years old\n- 2) Pneumonia\n",
    # a numbered item on the next line after a dash that ends the line
    "Inclusion criteria:\n1. Patients 65 years old -\n2. Confirmed infection\n",
    # the same with the next item indented (the indentation is not a wrap inside the item)
    "Inclusion criteria:\n 1. Patients 65 years old -\n 2. Confirmed infection\n",
    # a bracketed item number
    "Inclusion criteria:\n(1) Adults aged 65 years old\n- (2) Written consent\n",
]


@pytest.mark.parametrize("text", ITEM_NUMBER_AFTER_AN_AGE)
def test_the_next_items_number_is_not_the_end_of_an_age_range(text):
    assert _criteria_findings(text, "18 Years", "65 Years") == []
    assert all(hi is None or hi >= 18 for _, hi in _bounds(text))


def test_a_minimum_before_the_next_bullet_is_read_as_a_minimum():
    text = "Inclusion Criteria:\n  -  1. Age ≥ 18 years\n  -  2. Pneumonia\n"
    assert _bounds(text) == [(18.0, None)]
    assert _criteria_findings(text, "18 Years", "N/A") == []
    # the minimum is still compared with the structured field (a real contradiction stays reported)
    assert len(_criteria_findings(text, "12 Years", "N/A")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # the list run into one line, as some exports flatten it: "- 2." is the next item, not the range's end
        "Inclusion Criteria: - 1. Male or female, aged at 18 years-65 years old - 2. Pneumonia judged by chest radiograph - 3. Lab",
        "Inclusion Criteria: 1) Aged 65 years old - 2) Confirmed infection",
    ],
)
def test_a_run_on_lists_next_number_is_not_the_end_of_an_age_range(text):
    assert _criteria_findings(text, "18 Years", "65 Years") == []
    assert all(hi is None or hi >= 18 for _, hi in _bounds(text))


def test_a_run_on_minimum_before_the_next_number_is_still_read():
    text = "Inclusion Criteria: - 1. Age ≥ 18 years - 2. Pneumonia - 3. Laboratory confirmation"
    assert _bounds(text) == [(18.0, None)]
    assert len(_criteria_findings(text, "12 Years", "N/A")) == 1


def test_an_anchored_reversed_range_is_still_read_as_written():
    # "and" is never a bullet: a reversed range followed by a sentence is a typing error the curator must see
    text = "Inclusion Criteria: Between the ages of 25 and 22. Patients with pneumonia"
    assert _bounds(text) == [(25.0, 22.0)]


def test_a_range_wrapped_over_one_line_is_still_one_range():
    # a hard line wrap inside one item (no bullet, no item number) keeps the range: still contradicts a maximum of 65
    text = "Inclusion Criteria:\n  - Adults aged 18 -\n    70 years\n  - Pneumonia\n"
    assert _bounds(text) == [(18.0, 70.0)]
    assert len(_criteria_findings(text, "18 Years", "65 Years")) == 1


def test_a_range_in_one_item_is_still_compared():
    text = "Inclusion Criteria:\n  -  1. Aged 40 to 75 years\n\n  -  2. Pneumonia\n"
    assert _bounds(text) == [(40.0, 75.0)]
    assert len(_criteria_findings(text, "18 Years", "65 Years")) == 1


# --- 2. consent / assent brackets where "≥" became "=" ----------------------------------------------------------------

# NCT04292730 (ictrp-csv, COVID19-1135-trials_sample300.csv, tune; structured 12 Years to N/A): adults consent
# "(participants = 18 years of age)", adolescents assent "(participants = 12 and < 18 years of age)"; the export turned
# every "≥" into "=". The assent bracket was reported as a maximum age under 18.
NCT04292730 = (
    "Key Inclusion Criteria:\n\n  -  Willing and able to provide written informed consent prior to performing study\n"
    "     procedures (participants = 18 years of age) or assent (participants = 12 and < 18\n"
    "     years of age) prior to performing study procedures. For participants = 12 and < 18\n"
    "     years of age, a parent or legal guardian willing and able to provide written informed\n"
    "     consent prior to performing study procedures\n\n  -  Currently hospitalized and requiring medical care for COVID-19\n"
)

CONSENT_AND_ASSENT_BANDS = [
    NCT04292730,
    # the comparators intact
    "Inclusion Criteria:\n- Written informed consent (participants ≥ 18 years of age) or assent (participants ≥ 12 and < 18 years)\n",
    # the bracket wrapped onto the next line after "assent"
    "Inclusion Criteria:\n- Written informed consent (participants = 18 years of age) or assent\n  (participants = 12 and < 18 years of age)\n",
    # other words: subjects, a plain range in the assent bracket, and the adults' consent band beside it
    "Inclusion Criteria:\n- Written informed consent (subjects ≥ 18 years) or assent (subjects 12 to 17 years) with parental consent\n",
    "Inclusion Criteria:\n- Signed consent or assent (children aged 12-17)\n- Hospitalized\n",
]


@pytest.mark.parametrize("text", CONSENT_AND_ASSENT_BANDS)
def test_the_ages_of_those_who_assent_or_consent_beside_them_are_no_limit(text):
    assert _criteria_findings(text, "12 Years", "N/A") == []


@pytest.mark.parametrize(
    "text",
    [
        # the trial's own age item, no assent: a maximum under 18 is still reported
        "Inclusion Criteria:\n- Age 12 to < 18 years\n- Written assent\n",
        # an age item beside an assent bracket: its own range is read
        "Inclusion Criteria:\n- Signed consent or assent (children aged 7-17)\n- Age 7 to 65\n",
    ],
)
def test_the_trials_own_age_item_beside_assent_is_still_reported(text):
    assert len(_criteria_findings(text, "12 Years", "N/A")) == 1


# --- 3. TA805: a list of methods of one body part is one measure -------------------------------------------------------

# ChiCTR2000029431 (ictrp-xml, ICTRP-Results_18Mar2020_sample300.xml; primary outcomes "CT of lung;CT and MRI of hip;"):
# two imaging methods of the hip name how the hip is examined, not two measures
METHODS_ONLY = [
    "CT and MRI of hip",
    "CT and MRI of the hip",
    "X-ray, CT and MRI findings of the knee",
    "PET-CT and MRI of the brain",
    "Ultrasound and CT of the liver",
    "MRI and biopsy of the lesion",
    "ECG and EEG",
]


@pytest.mark.parametrize("title", METHODS_ONLY)
def test_a_list_of_methods_is_not_several_measures(title):
    assert several_measures(title) is None


@pytest.mark.parametrize(
    "title",
    [
        "HbA1c and MRI",  # a lab value beside an imaging method: two things measured
        "PANSS and CGI scores",
        "MRI and HbA1c at week 12",
        "Blood pressure and heart rate",
    ],
)
def test_two_measures_beside_a_method_are_still_reported(title):
    assert several_measures(title) is not None
