"""The free-text age extractor (trial_audit.text.age_text): phrases that are limits, and phrases that are not."""

import pytest

from trial_audit.text.age_text import (
    Bound,
    band_compatible,
    bound_matches,
    compare_prose,
    compare_side,
    criteria_ages,
    criteria_bands,
    find_ages,
    find_bands,
    prose_ages,
)


def one(text, mode="inclusion"):
    ages = find_ages(text, mode)
    assert len(ages) == 1, [a.text for a in ages]
    return ages[0]


def lim(a):
    """(min years, min inclusive, max years, max inclusive) rounded for comparison."""
    r = lambda b: None if b is None else (round(b.years, 3), b.inclusive)  # noqa: E731
    return r(a.min), r(a.max)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("between 65 and 74 years old", ((65, True), (74, True))),
        ("aged 18–75", ((18, True), (75, True))),
        ("aged 18—75 years", ((18, True), (75, True))),
        ("18 to 70 years (inclusive)", ((18, True), (70, True))),
        ("18-65 years, both genders", ((18, True), (65, True))),
        ("≥ 18 years", ((18, True), None)),
        ("≥18 years of age", ((18, True), None)),
        ("18 years of age or older", ((18, True), None)),
        ("18 Years and older", ((18, True), None)),
        ("at least 12 years of age", ((12, True), None)),
        ("Age > 18 years", ((18, False), None)),
        ("Age \\>= 18 years", ((18, True), None)),
        ("Age: 40 years of age or older at Visit 1", ((40, True), None)),
        ("no older than 80 years", (None, (80, True))),
        ("Patients must not be older than 80 years", (None, (80, True))),
        ("ages 3 months to 17 years", ((0.25, True), (17, True))),
        ("Age 2 to < 18 years", ((2, True), (18, False))),
        ("eighteen (18) years of age or older", ((18, True), None)),
        ("Eighteen years or older", ((18, True), None)),
        ("18 ≤ age ≤ 65", ((18, True), (65, True))),
        ("18 years < age < 75 years", ((18, False), (75, False))),
        ("over the age of 60", ((60, False), None)),
        ("Age over or equal to 18 years", ((18, True), None)),
        ("Subjects 40-85 y.o.", ((40, True), (85, True))),
        ("aged ≥ 12 to ≤ 64 years", ((12, True), (64, True))),
        ("Age 6 months or less at the time of screening", (None, (0.5, True))),
        ("> 48 hours of age", ((round(48 / (365.25 * 24), 3), False), None)),
        ("Between the ages of 18 and 55 years, inclusive.", ((18, True), (55, True))),
    ],
)
def test_limits_are_read(text, expected):
    assert lim(one(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "age at diagnosis < 21 years",
        "diagnosed before the age of 18 years",
        "with migraine onset at ≤50 years of age",
        "over the past 65 days",
        "within the past 65 days",
        "2 years of follow-up",
        "dosing for patients ≥ 12 kg",
        "Gestational Age ≥ 35 Weeks",
        "pregnant women",
        "treated at a children's hospital",
        "Life expectancy of at least 3 months",
        "Expected survival time ≥3 months",
        "History of diabetes for at least 5 years",
        "Not more than twelve months have elapsed since the final surgery",
        # a lab table by age, a conditional performance scale
        "Age 6 to < 10 years: maximum serum creatinine 1.0 mg/dL",
        "Lansky ≥ 50 for patients ≤ 16 years old; Karnofsky ≥ 50 for patients > 16 years old",
        "Lansky performance score (LPS) (for =< 16 years of age) => 50 assessed",
        "Serum creatinine < 1.0 mg/dL in adolescent/young adults (patients 12 to 17 years of age)",
        # third parties
        "Parents of children aged 2-5 years",
        "unexplained sudden death under 40 years of age in first degree relatives",
        "Household contact with children < 5 years",
        # other things that are old
        "Patients with an injury over 4 weeks old",
        "Have an acute (less than 4 week old) injury",
        # menopause definitions
        "post-menopausal (12 months of spontaneous amenorrhea and >=45 years of age)",
        "≥ 50 years old and naturally amenorrheic for ≥ 1 year",
        # scores, consent procedures
        "1 point each: age>67, female sex, or being on loop diuretics",
        "in the case of subjects under the age of 18, provide written assent",
        "In the age group of 10-13 years the assent of the patient and the consent of the parent",
        "BMI of 18-35 kg/m2",
        # held-out sample (seed 41): NCT02642965, NCT02168842
        "for allogeneic SCT patients, >= 3 months must have elapsed since transplant",
        "- Age equal or greater than 30 years at the time of diagnosis of PD",
        # NCT00309218: a bone-age limit per sex
        "- Bone age of boys < 15 years, of girls < 13 years",
        "Age \\> 18 months (i.e., \\> 547 days) regardless of biologic features",
    ],
)
def test_non_limits_are_not_read(text):
    assert find_ages(text, "inclusion") == ()


def test_offsets_and_quote():
    text = "To participate, individuals must be between 65 and 74 years old and have lupus."
    a = one(text, "prose")
    assert text[a.start : a.end] == a.text == "between 65 and 74 years old"
    assert a.claim


def test_unicode_comparators_and_dashes():
    assert lim(one("Age ⩾ 18 years")) == ((18, True), None)
    assert lim(one("Age ≤ 65 years")) == (None, (65, True))
    assert lim(one("aged 18 – 65 years")) == ((18, True), (65, True))


def test_exclusion_section_is_read_inverted():
    text = "Inclusion Criteria:\n- 18 years or older\n\nExclusion Criteria:\n- Age > 75 years\n- Age < 18"
    ages = criteria_ages(text)
    mins = sorted(a.min.years for a in ages if a.min)
    maxs = [(a.max.years, a.max.inclusive, a.inverted) for a in ages if a.max]
    assert mins == [18, 18]
    assert maxs == [(75, True, True)]


def test_exclusion_ranges_are_not_read():
    assert criteria_ages("Exclusion Criteria:\n- Patients aged 18 to 65 with diabetes") == ()


def test_markdown_escapes_in_v2_criteria():
    text = "Inclusion Criteria:\n\n* Age \\>= 18 years\n\nExclusion Criteria:\n\n* Age \\> 80 years"
    ages = criteria_ages(text, True)
    assert [lim(a) for a in ages] == [((18, True), None), (None, (80, True))]


def test_item_start_needs_no_other_anchor_but_hard_wrap_is_not_an_item():
    assert lim(criteria_ages("Inclusion Criteria:\n\n- 18 years or older\n- Signed consent")[0]) == ((18, True), None)
    wrapped = "Inclusion Criteria:\n\n- Increase of liver size, with three measurements over a\n  minimum of 12 months\n"
    assert criteria_ages(wrapped) == ()


def test_labelled_list_age_then_other_label():
    text = "Age:\n  - 18 and over\n\nLife expectancy:\n  - At least 3 months\n"
    assert [lim(a) for a in criteria_ages(text)] == [((18, True), None)]


def test_range_with_a_point_after():
    a = one("who are healthy 7 to 9 months old or 12 months old (inclusive)")
    assert lim(a) == ((round(7 / 12, 3), True), (1.0, True))


def test_prose_epidemiology_dosing_and_strata_are_not_limits():
    assert prose_ages("Asthma affects 30% of adults over 65 years.") == ()
    assert prose_ages("Patients ≥ 12 years receive 400 mg; those < 12 years receive 200 mg.") == ()
    assert prose_ages("Randomisation is stratified by age (< 65 years vs ≥ 65 years).") == ()
    assert prose_ages("Four hundred and ten (410) subjects (ages 12 to 68 years of age) were studied with MEPA.") == ()
    assert prose_ages("Outcomes in a ghanaian population over 3 months") == ()


def test_prose_claims_and_descriptions():
    (a,) = prose_ages("Participants must be 18 years of age or older.")
    assert a.claim
    (b,) = prose_ages("Group 1 participants will be matched as follows: Age: 18-64 years.")
    assert not b.claim


def test_bands_in_restricting_context_only():
    assert [b.band for b in find_bands("This study will enrol adults with asthma.")] == ["adult"]
    assert find_bands("Asthma is common in children.") == ()
    assert find_bands("Dietary therapy is widely used in children.") == ()
    assert find_bands("She was treated at a children's hospital; we will enrol patients.") == ()
    assert [b.band for b in criteria_bands("Inclusion Criteria:\n- Adults with asthma\n")] == ["adult"]
    assert criteria_bands("Exclusion Criteria:\n- Children\n") == ()


def test_bound_matching_tolerance():
    assert bound_matches(Bound(18, "year", True), 18, "min")
    assert not bound_matches(Bound(18, "year", True), 17, "min")
    assert bound_matches(Bound(18, "year", False), 18, "min")  # "over 18" entered as 18
    assert bound_matches(Bound(18, "year", False), 19, "min")  # ... or as 19
    assert bound_matches(Bound(65, "year", False), 64, "max")  # "under 65" entered as 64
    assert bound_matches(Bound(65, "year", False), 65, "max")
    assert not bound_matches(Bound(65, "year", True), 64, "max")
    assert bound_matches(Bound(12, "month", True), 1, "min")
    assert bound_matches(Bound(28, "day", True), 4 * 7 / 365.25, "min")
    assert not bound_matches(Bound(6, "month", True), 7 / 12, "min")


def test_compare_side():
    stated = criteria_ages("Inclusion Criteria:\n- Age 45 - 70 years")
    assert compare_side(stated, 40, 70, "min").status == "disagree"
    assert compare_side(stated, 40, 70, "max").status == "agree"
    assert compare_side(stated, 45, None, "max").status == "missing-structured"
    assert compare_side((), 45, None, "max").status == "absent"
    # cohorts: any stated bound may match; "0 days" matches an absent minimum
    cohorts = criteria_ages("Inclusion:\n- Cohort 1: ≥ 12 years to < 18 years of age\n- Cohort 2: 0 days to < 12 years of age")
    assert compare_side(cohorts, None, 18, "min").status == "agree"
    # under 18 in the criteria while the structured minimum is 18: a disagreement on the min side
    under = criteria_ages("Inclusion Criteria:\n- Patients younger than 18 years")
    assert compare_side(under, 18, None, "min").status == "disagree"


def test_compare_prose_groups_and_open_claims():
    groups = prose_ages("We will recruit 150 participants aged 18-59 years old and 50 aged 60 years old and above.")
    assert compare_prose(groups, 18, None, "max").status == "agree"
    described = prose_ages("Group 1 participants will be matched as follows: Age: 18-64 years.")
    assert compare_prose(described, 18, None, "max").status == "agree"  # a stratum inside the range
    assert compare_prose(described, 30, None, "min").status == "disagree"  # a stratum outside it


def test_band_compatibility():
    assert band_compatible("adult", 18, None)
    assert band_compatible("adult", 16, None)
    assert not band_compatible("adult", 6, 11)
    assert not band_compatible("child", 18, 65)
    assert band_compatible("older", 60, None)
    assert not band_compatible("older", 18, 45)


@pytest.mark.parametrize("junk", ["", "   ", "18", "age", "≥", "\\>", "(((", "1.5 x ULN", "a" * 5000, "18 " * 2000])
def test_never_raises(junk):
    find_ages(junk, "prose")
    criteria_ages(junk, True)
    find_bands(junk, "prose")


def test_real_prose_regressions():
    # NCT04779970: "an average of 36 to 52 years" is not "age of"
    assert prose_ages("is predicted to require an average of 36 to 52 years (2, 3).") == ()
    # NCT05381389: "smaller than or equal to"
    (a,) = prose_ages("60 patients, greater than or equal to 30 years old and smaller than or equal to 60 years old")
    assert lim(a) == ((30, True), (60, True))


@pytest.mark.parametrize(
    "text,expected",
    [
        # recall fixes found on the criteria corpus (each a real phrasing)
        ("- Non smoking female (of childbearing age), between 18 and 45 years of age inclusive", ((18, True), (45, True))),
        ("1. At the time of consent, are between the ages of 18-55, inclusive.", ((18, True), (55, True))),
        ("- The patient must be greater than/equal to 18 years old", ((18, True), None)),
        ("- Male or female subjects aged greater than or equal to (>=) 18 years", ((18, True), None)),
        ("5. Male or female more or equal 18 and less or equal 65 years of age at Visit", ((18, True), (65, True))),
        ("1. Age > or = 18, able to provide informed consent", ((18, True), None)),
        ("- Subject aged 18 years or more, of either sex and any race", ((18, True), None)),
        ("- 18 and 65 years of age", ((18, True), (65, True))),
        ("- Men and women 18 and older", ((18, True), None)),
    ],
)
def test_recall_regressions(text, expected):
    assert lim(one(text)) == expected


def test_consent_procedure_by_age_is_not_a_limit():
    # NCT04780152
    text = "To be able and willing to give their informed consent, both, the parent or tutor and the participant who is between the ages of 14-17 years."
    assert find_ages(text, "inclusion") == ()
    assert lim(one("woman ≥18 (or older if the minimum legal age of consent in the country is higher)")) == ((18, True), None)
