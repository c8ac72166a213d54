"""Round 7 (issue 20), unseen-part judge: two age false-positive classes.

- TA202: "We will exclude subjects under 18" inside one cohort's item ("8. Tamil population. …") was read as a
  trial-wide MAXIMUM of 18. "exclude / excluding … under N" sets a minimum (the excluded are below N), and an item that
  opens with a cohort's label states that cohort's age, not the trial's.
- TA201: "Twenty patients who are 18 years of age or older … will be randomly assigned" in the description, while the
  criteria admit "additional patients under 18 but more than 6 years of age … in a separate stratum": the description
  counts one cohort; the trial's range is the union, so no summary finding.
Guards: a real maximum, a real trial-wide "exclude under N" against the structured minimum, and a summary contradiction
without another stratum are still reported.
"""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages


def _findings(rule, **example):
    return list(rule.check(record_from_example(example), Context()))


def _criteria(items):
    return "Inclusion Criteria:\n\n" + "\n".join(items) + "\n\nExclusion Criteria:\n\n1. Pregnancy\n"


# unseen-part judge, round 7 (TA202; structured 19 Months to N/A, other groups include children)
TAMIL = "8. Tamil population. Patients and family members of Tamil origin. We will exclude subjects under 18 and multiple subjects within the same family."
OTHER_GROUPS = ["1. Children and adults with the disease, 19 months or older.", "2. Unaffected family members."]

EXCLUDE_WORDINGS = [
    "We will exclude subjects under 18.",
    "Excluding patients younger than 18 years.",
    "We exclude participants below 18 years of age.",
    "Exclusion of persons under the age of 18.",
    "Investigators will not enrol children under 18 years.",
]


def test_exclude_under_n_in_a_cohort_item_is_no_finding():
    crit = _criteria(OTHER_GROUPS + [TAMIL])
    assert _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="19 Months", maximum_age="N/A") == []


@pytest.mark.parametrize("wording", EXCLUDE_WORDINGS)
def test_exclude_under_n_is_a_minimum_never_a_maximum(wording):
    stated = [a for a in criteria_ages(_criteria(["1. Adults with asthma", "2. " + wording])) if a.text]
    assert stated, wording
    assert all(a.max is None and a.min is not None and a.min.years == 18 for a in stated), stated


@pytest.mark.parametrize("label", ["Tamil population.", "Healthy controls:", "Paediatric stratum:", "Control group -", "Asian cohort."])
def test_an_item_opening_with_a_cohort_label_is_one_cohorts_age(label):
    crit = _criteria(OTHER_GROUPS + [f"3. {label} Subjects aged 18 years or older."])
    stated = [a for a in criteria_ages(crit) if a.text.startswith("aged 18")]
    assert stated and not stated[0].claim, crit
    assert _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="19 Months", maximum_age="N/A") == []


@pytest.mark.parametrize("label", ["Age group:", "Study population:", "Target population:"])
def test_a_label_naming_the_trials_own_people_is_still_a_claim(label):
    crit = _criteria([f"1. {label} adults aged 18 to 65 years"])
    found = _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="18 Years", maximum_age="N/A")
    assert len(found) == 1 and "65" in found[0].message, crit


def test_trial_wide_exclude_under_n_still_contradicts_the_structured_minimum():
    crit = _criteria(["1. Adults with asthma", "2. We will exclude subjects under 18."])
    found = _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="12 Years", maximum_age="N/A")
    assert len(found) == 1
    msg = found[0].message
    assert "minimum age of 18" in msg and "maximum age" not in msg and "exclusion criteria" not in msg, msg


def test_exclude_under_n_never_advises_moving_the_item():
    crit = _criteria(["1. Adults with asthma", "2. We will exclude subjects under 18."])
    found = _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="N/A", maximum_age="17 Years")
    assert found and all("move it to the inclusion" not in f.message and "a maximum" not in f.message for f in found)


def test_a_real_maximum_in_the_criteria_is_still_reported():
    crit = _criteria(["1. Adults aged 18 to 65 years", "2. Signed consent"])
    found = _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="18 Years", maximum_age="N/A")
    assert len(found) == 1 and "maximum" in found[0].message


# unseen-part judge, round 7 (TA201; structured N/A to N/A)
BEHCET_DESC = (
    "Twenty patients who are 18 years of age or older with Behcet's disease will be randomly assigned to receive either "
    "the study drug or placebo."
)
BEHCET_CRIT = (
    "Inclusion Criteria:\n\n- Patients 18 years of age or older with Behcet's disease\n"
    "- Up to six additional patients under 18 but more than 6 years of age may enroll in a separate stratum\n\n"
    "Exclusion Criteria:\n\n- Pregnancy\n"
)


def _summary(desc, crit, mn, mx):
    return _findings(SummaryAgeContradictsStructured(), detailed_description=desc, criteria=crit, minimum_age=mn, maximum_age=mx)


@pytest.mark.parametrize("mn", ["N/A", "6 Years"])
def test_a_counted_cohorts_age_beside_another_stratum_is_no_summary_finding(mn):
    assert _summary(BEHCET_DESC, BEHCET_CRIT, mn, "N/A") == []


@pytest.mark.parametrize(
    "desc, crit, mn, mx",
    [
        (  # another wording: a counted adult cohort, a paediatric cohort in the criteria
            "40 participants aged 18 years or older will be enrolled and randomized 1:1.",
            "Inclusion Criteria:\n\n- Adults 18 years or older\n- Cohort B: children aged 2 to 17 years\n\nExclusion Criteria:\n\n- Pregnancy\n",
            "2 Years",
            "N/A",
        ),
        (  # the maximum side: an older stratum beyond the counted cohort's upper age
            "Thirty subjects aged 18 to 65 will be randomized.",
            "Inclusion Criteria:\n\n- Aged 18 to 65\n- An additional stratum of 10 subjects aged 66 to 80 years\n\nExclusion Criteria:\n\n- Pregnancy\n",
            "18 Years",
            "80 Years",
        ),
    ],
)
def test_counted_cohort_variants(desc, crit, mn, mx):
    assert _summary(desc, crit, mn, mx) == []


def test_a_counted_cohort_without_another_stratum_is_still_reported():
    crit = "Inclusion Criteria:\n\n- Patients 18 years of age or older with Behcet's disease\n\nExclusion Criteria:\n\n- Pregnancy\n"
    assert len(_summary(BEHCET_DESC, crit, "6 Years", "N/A")) == 1


def test_an_uncounted_summary_claim_beside_a_stratum_is_still_reported():
    desc = "This study will enrol patients 18 years or older."
    assert len(_summary(desc, BEHCET_CRIT, "2 Years", "N/A")) == 1


def test_a_cohort_label_is_read_across_a_legacy_xml_line_wrap():
    # legacy XML wraps an item over indented lines: the label opens the item, not the line holding the age
    crit = (
        "Inclusion Criteria:\n\n  1. Children and adults with the disease, 19 months or older.\n\n"
        "  8. Tamil population. Patients and family members of Tamil origin with the\n"
        "     disease. We will exclude subjects under 18 and multiple subjects within the\n     same family.\n\n"
        "Exclusion Criteria:\n\n  1. Pregnancy\n"
    )
    assert _findings(CriteriaAgeContradictsStructured(), criteria=crit, minimum_age="19 Months", maximum_age="N/A") == []
