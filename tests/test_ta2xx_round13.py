"""Thirteenth age round (issue 20, age7): a label naming the trial's age range is a claim, people nouns registrants use
("youngsters", "kids", "retirees") anchor an age; and the sentences that an "every age of named people is a claim"
reading wrongly reported on the tune part stay silent (real excerpts, ClinicalTrials.gov XML, tune part)."""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context


def _summary_findings(text, mn="18 Years", mx="65 Years"):
    rec = dict(brief_summary=text, minimum_age=mn, maximum_age=mx)
    return list(SummaryAgeContradictsStructured().check(record_from_example(rec), Context()))


@pytest.mark.parametrize(
    "text",
    [
        "Target age group: 40 - 80 years.",
        "Age range: 30 to 85 years.",
        "Study age: 70 years and over.",
    ],
)
def test_an_age_range_label_is_a_claim(text):
    found = _summary_findings(text)
    assert found and "structured" in found[0].message


def test_real_age_range_label_against_an_open_minimum():
    # NCT00001155 detailed description ends "Age Range: greater than 1 year"; structured minimum N/A
    found = _summary_findings(
        "The investigators are accumulating data on the optimal duration and side effects of therapy.  Age Range: greater than 1 year",
        mn="N/A",
        mx="N/A",
    )
    assert found and "'greater than 1 year'" in found[0].message


def test_youngsters_and_kids_anchor_an_age_in_an_item():
    for item in ("Youngsters 8 to 14 yrs", "Kids 8 to 14 years old"):
        crit = f"Inclusion Criteria:\n\n  -  {item}\n  -  Able to give informed consent\n"
        rec = dict(criteria=crit, minimum_age="18 Years", maximum_age="65 Years")
        assert list(CriteriaAgeContradictsStructured().check(record_from_example(rec), Context())), item


# Sentences that name people with an age but do not state the trial's population (each was a false finding when every such
# age was read as a claim): one arm's treatment, a background statement, a past sample, an optional procedure.
@pytest.mark.parametrize(
    ("text", "mn", "mx"),
    [
        # NCT00003119: one subgroup's treatment
        ("All infants under 60 days of age receive filgrastim (G-CSF) or sargramostim (GM-CSF) subcutaneously.", "N/A", "21 Years"),
        # NCT00001027: background
        (
            "In children younger than 5 years of age with intolerance to trimethoprim - sulfamethoxazole, parenteral pentamidine "
            "may be a successful alternative.",
            "1 Month",
            "6 Years",
        ),
        # NCT00005406: a past cohort
        ("The Beaver County Lipid Study tracked the cholesterol values of 295 children, ages 11 to 14 at baseline.", "N/A", "100 Years"),
        # NCT00006334: an optional procedure for some participants
        ("Women 35 years of age and older may have a computerized tomography (CT) scan of the coronary arteries.", "10 Years", "N/A"),
        # NCT00494897: a dose modification by age
        ("Patients older than 55 years are not treated with asparaginase and cyclophosphamide.", "15 Years", "N/A"),
    ],
)
def test_named_people_with_an_age_are_not_always_the_population(text, mn, mx):
    assert not _summary_findings(text, mn, mx)
