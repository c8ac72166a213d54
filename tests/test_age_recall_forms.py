"""Recall round of the age extractor (issue 20): the forms registrants write an age limit in, each read in a summary
sentence and in a criteria item, with look-alikes beside them that must stay silent. The forms are the class, not
one wording: each has at least two wordings (other numbers, other nouns, other verbs around it)."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages, prose_ages


def _bounds(stated):
    return [(s.min.years if s.min else None, s.max.years if s.max else None) for s in stated]


def _claims(stated):
    return [(s.min.years if s.min else None, s.max.years if s.max else None) for s in stated if s.claim]


def _item(line: str) -> str:
    return f"Inclusion Criteria:\n\n  -  {line}\n  -  Confirmed diagnosis of asthma\n"


# (summary sentence, criteria item, expected (min, max) in years)
FORMS = [
    # hyphenated "N-year-old", a range of them, "N- to M-year-old", "N-year-olds"
    ("The study will enroll 40-70-year-old adults with hypertension.", "40-70-year-old adults", (40, 70)),
    ("We will recruit 18- to 65-year-old participants with asthma.", "18- to 65-year-old men and women", (18, 65)),
    ("Eligible participants are 12-year-old to 17-year-old adolescents.", "12-year-old to 17-year-old adolescents", (12, 17)),
    ("Participants will be 21-year-olds or older recruited from campus.", "21-year-old or older", (21, None)),
    # "between N and M years" written first in an item, and after a group without a unit
    ("Patients should be between 18 and 70 with a new diagnosis.", "Between 18 and 70 years", (18, 70)),
    ("We will enroll women between 30 and 60 who attend screening.", "Men and women between 30 and 60", (30, 60)),
    # the limit as a noun: "minimum age of participants is 18", "lower age limit"
    ("The minimum age of participants is 16 years.", "Minimum age for inclusion: 16 years", (16, None)),
    ("Participants must have a maximum age of 75 years at enrolment.", "Upper age limit of 75 years", (None, 75)),
    # number words after a comparator of ages, and a word range after a group with no unit
    ("Volunteers no older than seventy-five will be invited to take part.", "Not older than seventy-five", (None, 75)),
    ("The trial is open to people aged over eighteen with type 2 diabetes.", "Aged over eighteen", (18, None)),
    ("The study will enroll adults twenty-one to sixty-five with asthma.", "Adults twenty-one to sixty-five", (21, 65)),
    # an abbreviation joined by a hyphen, a full-width tilde between two ages (ChiCTR style)
    ("Patients aged 18y-75y will be recruited.", "18y-75y", (18, 75)),
    ("We will recruit patients aged 18～65 years.", "年龄18～65岁", (18, 65)),
]


@pytest.mark.parametrize("summary,item,expected", FORMS)
def test_form_is_read_in_a_summary(summary, item, expected):
    got = _claims(prose_ages(summary))
    assert got == [tuple(float(v) if v is not None else None for v in expected)], got


@pytest.mark.parametrize("summary,item,expected", FORMS)
def test_form_is_read_in_a_criteria_item(summary, item, expected):
    got = _claims(criteria_ages(_item(item)))
    assert got == [tuple(float(v) if v is not None else None for v in expected)], got


# look-alikes of the new forms that are no age limit
SILENT_PROSE = [
    "The 10-year-old registry data will be analysed again.",  # a thing that is old
    "A 3-year follow-up of all enrolled patients is planned.",  # a duration joined by a hyphen
    "Patients followed for 18 months will be enrolled in the extension.",  # a duration
    "Patients with 18 holes of golf played each week will be enrolled.",  # a count
    "Patients with a disease duration of 5-10 years will be enrolled.",  # a disease duration
    "Patients between 1 and 3 prior lines of therapy will be enrolled.",  # lines of therapy after a group noun
    "Children two to five times a week will attend the clinic.",  # a frequency in words
    "Patients aged １８ to ６５ years will be enrolled.",  # full-width digits are not read as ASCII (not normalised)
]


@pytest.mark.parametrize("text", SILENT_PROSE)
def test_look_alike_in_a_summary_is_no_age(text):
    assert _claims(prose_ages(text)) == [], prose_ages(text)


SILENT_ITEMS = [
    "Between 6 and 12 months after surgery",  # a time since an event
    "Between 1 and 5 years since diagnosis",  # a disease duration
    "Up to 3-year follow-up completed",  # a follow-up time joined by a hyphen
    "Diabetes for 5-10 years",  # a duration
    "18-hole golf course access",  # a count
    "Patients between 2 and 4 cycles of chemotherapy",  # cycles after a group noun
    "Women who had a 10-year-old child at home",  # another person's age, in a past event
    "Age ＞18 years",  # a full-width comparator is not read as ASCII (not normalised)
]


@pytest.mark.parametrize("item", SILENT_ITEMS)
def test_look_alike_in_a_criteria_item_is_no_age(item):
    assert _claims(criteria_ages(_item(item))) == [], criteria_ages(_item(item))


def test_hyphenated_age_in_an_exclusion_item_is_inverted():
    text = "Exclusion Criteria:\n\n  -  75-year-old or older\n  -  Pregnancy\n"
    assert _bounds(criteria_ages(text)) == [(None, 75.0)]


def test_minimum_age_noun_does_not_take_a_duration():
    # "minimum of 12 months" is a duration, not an age noun
    assert _claims(criteria_ages(_item("Treated for a minimum of 12 months with metformin"))) == []


def test_new_forms_reach_the_rules():
    """The forms become findings with quoted evidence when they contradict the structured range."""
    summary = "The study will enroll 40-70-year-old adults with hypertension."
    rec = dict(brief_summary=summary, minimum_age="18 Years", maximum_age="70 Years")
    found = list(SummaryAgeContradictsStructured().check(record_from_example(rec), Context()))
    assert len(found) == 1
    assert "40-70-year-old" in str(found[0].evidence) or "40-70-year-old" in found[0].message
    crit = _item("Between 18 and 70 years")
    rec = dict(criteria=crit, minimum_age="21 Years", maximum_age="70 Years")
    found = list(CriteriaAgeContradictsStructured().check(record_from_example(rec), Context()))
    assert len(found) == 1


# Real excerpts from the tune part read by the new forms (ClinicalTrials.gov XML, tune part of the fixed split)

# NCT00001862 (criteria; structured minimum and maximum N/A): the trial's own range, first in its item
NCT00001862 = "INCLUSION CRITERIA:\n\nMeet American College of Rheumatology Criteria for JRA.\n\nBe between 2 and 18 years, inclusive.\n\n"
# NCT00001719 (criteria; structured N/A): the limit as a noun after a dash
NCT00001719 = (
    "INCLUSION CRITERIA\n\nNormal adult volunteers in good health with no history of liver disease or alcohol abuse -\n"
    "minimum age: 18 years.\n\nPhysically able to tolerate lying within the bore of the magnet for 1-2 hours\n"
)
# NCT00005502 (detailed description, background): other programmes' upper age limit; no participant, no study named
NCT00005502 = (
    "Most community\nsurveillance programs, however, cannot fully characterize this problem because they are\n"
    "restricted to an upper age limit of 74 years and thus do not include the events occurring in\nan increasingly "
    "growing part of the population. Observational studies have questioned the\nexistence of a change over time."
)


def test_real_range_first_in_an_item_is_read():
    assert _claims(criteria_ages(NCT00001862)) == [(2.0, 18.0)]


def test_real_limit_noun_is_read():
    assert _claims(criteria_ages(NCT00001719)) == [(18.0, None)]


def test_real_limit_noun_of_other_programmes_is_silent():
    assert prose_ages(NCT00005502) == ()
    # the same noun in a sentence about this study's participants is read
    assert _claims(prose_ages("In this study the upper age limit of participants is 74 years.")) == [(None, 74.0)]
