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


# --- precision: ages that describe something else (hand-judged false positives, tune part, 2026-12-07) ------------
# Each class: the real excerpt (record id and source folder in the comment) and a variant in other words.

NOT_LIMITS = [
    # gestational age: NCT00006516 (ctgov-xml-bulk), NCT00002756 (ctgov-xml-bulk), NCT00494702 (ctgov-xml-bulk, wrapped)
    "Inclusion Criteria\n\n  -  Gestation age (GA) at birth >= 28 weeks\n",
    "Inclusion Criteria\n\n  -  No infants less than 36 weeks' gestation\n",
    "Inclusion Criteria\n\n  -  Premature infants of less than 28 weeks\n     gestation\n",
    "Inclusion Criteria:\n- Babies born at under 32 weeks of gestation\n",
    # another quantity's number: NCT00460642 (ctgov-xml-bulk); variant
    "Inclusion Criteria:\n  -  inability to conceive (based on age and/or a serum FSH > 15 IU/L).\n",
    "Inclusion Criteria:\n- Age-adjusted eGFR > 60 mL/min\n",
    # an event's age: NCT00498056 (ctgov-xml-bulk); variant
    "Exclusion Criteria:\n  -  Seizure disorder. Participants who have had seizures with fever under the age of 2,\n",
    "Exclusion Criteria:\n- Subjects who developed asthma under the age of 5\n",
    # a time point: NCT00009646 (brief summary, read as criteria-like text); NCT00494104; variants
    "Inclusion Criteria:\n- Developmental problems assessed at 18 to 22 months of age\n",
    "Inclusion Criteria:\n- 48 per group will complete the trial to at least 9 months of age\n",
    # another role's age: NCT00003954 (ctgov-xml-bulk); variant
    "Inclusion Criteria:\n  -  DONOR: Age < 75, older donors may be considered after consultation\n",
    "Inclusion Criteria:\n- Caregivers aged 18 years or older\n",
    # a recruitment quota: NCT00001305 (ctgov-xml-bulk, wrapped); variant
    "INCLUSION CRITERIA:\n\nPatients will be recruited with the goal of including at least 10 each of individuals with\n"
    "clinical criteria of types III and IV OI who are between 3 and 8 years of age.\n",
    "Inclusion Criteria:\n- Seventy persons from each of four groups aged 40-60 years\n",
    # a subgroup qualified in an exclusion item: NCT00461305 (ctgov-xml-bulk); variant
    "Exclusion Criteria:\n  -  Patients aged 35 years or older who smoke at least 15 cigarettes per day\n",
    "Exclusion Criteria:\n- Women over 40 years with a history of DVT\n",
    # time after an event: NCT00002649 (ctgov-xml-bulk); NCT00001889 (ctgov-xml-bulk); variants
    "Inclusion Criteria:\n  -  Patients who are less than 28 days or more than 80 days after PBSCT will not be registered\n",
    "Exclusion Criteria:\nNo recent myocardial infarction patients (less than 1 month).\n",
    # a consent duty: NCT00001115 (ctgov-xml-bulk); NCT00002021 (wrapped); variant
    "Inclusion Criteria\n\n  -  Patients >= 18 years of age must be willing and able to give informed consent and\n",
    "Inclusion Criteria:\nPatients < 18 years of age may participate\nwith the consent of parent, guardian.\n",
    "Inclusion Criteria:\n- Children under 16 need the written consent of a parent\n",
    # life expectancy / education next to an age: NCT00496041, NCT00494520 (ctgov-xml-bulk)
    "Inclusion Criteria:\n  -  > Age 50, life expectancy > 1 year\n",
    "Exclusion Criteria:\n  -  Less than 10 years formal education\n",
    # a qualifier of another group, in parentheses: NCT00005845 (ctgov-xml-bulk)
    "Exclusion Criteria\n  -  Patients eligible for bone marrow transplant (=< 60 years old), with a compatible sibling\n",
    # an age table: NCT00001509 (ctgov-xml-bulk)
    "Inclusion Criteria:\nolder than 5 but equal to or less than 10: 1.0;\n",
    # follow-up time: NCT00001143 (summary); variant
    "Inclusion Criteria:\n- infants followed at 4-week intervals until 28 weeks of age\n",
    # disease duration, pack-years, since / before an age, matching tolerance, another person's child (issue classes)
    "Inclusion Criteria:\n- Diabetes for ≥ 10 years\n",
    "Inclusion Criteria:\n- Smoking history of at least 20 pack-years\n",
    "Inclusion Criteria:\n- Smoker since age 18\n",
    "Inclusion Criteria:\n- Diagnosed before age 40\n",
    "Inclusion Criteria:\n- Controls matched for age ± 5 years\n",
    "Inclusion Criteria:\n- Children aged 2–5 years of participating mothers\n",
    "Inclusion Criteria:\n- Those under 18 must have a parent's or guardian's consent\n",
    "Inclusion Criteria:\n- Postmenopausal women (no menses for 12 months or age > 55 with amenorrhea)\n",
]


@pytest.mark.parametrize("text", NOT_LIMITS)
def test_ages_of_something_else_are_not_claimed_limits(text):
    assert [a.text for a in criteria_ages(text) if a.claim] == []


PROSE_NOT_LIMITS = [
    # a prior study: NCT00006400 (ctgov-xml-bulk); variant
    "A recently completed pilot study of hydroxyurea given to children between the ages of 6 months and 24 months "
    "demonstrated that the drug is tolerated.",
    "An earlier trial in patients aged 40-60 years showed benefit.",
    # no participant named: NCT00004991 (ctgov-xml-bulk); variant
    "Stuttering and phonological disorders emerge during the critical period of speech development\nbetween 2.5 and 12 years of age.",
    "Bone growth slows between 14 and 18 years of age.",
    # a conditional scenario: NCT00491218 (ctgov-xml-bulk)
    "In this event, only women greater than the age\nof 40 years will be enrolled and shields will not be used.",
    # mortality: NCT00000466 (ctgov-xml-bulk)
    "Heart disease accounts for a third of all deaths in 50-69 year old women.",
    # families with children: NCT00005330 (ctgov-xml-bulk)
    "In 1987, 106 families with 3 to 5 year old children were recruited to take part.",
]


@pytest.mark.parametrize("text", PROSE_NOT_LIMITS)
def test_prose_ages_of_something_else_are_not_claims(text):
    assert [a.text for a in prose_ages(text) if a.claim] == []


def test_alternatives_are_not_claims_and_any_of_them_agrees():
    # NCT00492063 (ctgov-xml-bulk): disjoint bands, joined by OR, labelled groups
    text = "Inclusion Criteria:\n\n  1. 18 to 60 years of age (first age group) OR over 60 years of age (second age group)\n"
    ages = criteria_ages(text)
    assert [(a.text, a.claim) for a in ages] == [("18 to 60 years of age", False), ("over 60 years of age", False)]
    assert compare_side(ages, 18, None, "max").status != "missing-structured"
    # NCT00002166 (ctgov-xml-bulk): "> 18 months ... or <= 18 months": the union is every age
    text = "Inclusion Criteria\n\n  -  Patients > 18 months of age with positive serology or\n      patients <= 18 months of age with positive culture\n"
    ages = criteria_ages(text)
    assert len(ages) == 2 and not any(a.claim for a in ages)
    assert compare_side(ages, 1 / 365.25, None, "min").status != "disagree"
    # a branch of an "or" keeps its consent clause (issue wording) and either branch agrees
    ages = criteria_ages("Inclusion Criteria:\n- Age ≥ 18 years, or ≥ 16 years with parental consent\n")
    assert [a.min.years for a in ages] == [18, 16]
    assert compare_side(ages, 16, None, "min").status == "agree" and compare_side(ages, 18, None, "min").status == "agree"
    # cohorts (variant in other words): "Part A: adults 18-65; Part B: 12-17 years"
    ages = criteria_ages("Inclusion Criteria:\n- Part A: adults 18-65 years\n- Part B: adolescents 12-17 years\n")
    assert compare_side(ages, 12, 65, "min").status == "agree"
    # k of n lists: NCT00498251 (ctgov-xml-bulk)
    text = "Inclusion Criteria:\n\nPatients with at least 3 risk factors for postoperative lung edema\n\n  -  age > 60 yrs\n  -  prior radiation\n"
    assert [a.claim for a in criteria_ages(text)] == [False]


def test_union_of_groups_sets_a_limit_the_structured_field_leaves_open():
    # NCT00001913 (ctgov-xml-bulk): two experiments' ranges; no structured limits
    text = "INCLUSION CRITERIA:\n\nFor experiments #1 and 2, subjects will be 20-40 years old.\n\nFor study #3, subjects will be 45-75 years old.\n"
    ages = criteria_ages(text)
    lo, hi = compare_side(ages, None, None, "min"), compare_side(ages, None, None, "max")
    assert (lo.status, lo.bound.years) == ("missing-structured", 20)
    assert (hi.status, hi.bound.years) == ("missing-structured", 75)


def test_exclusion_requirement_and_run_in_inclusion_are_not_inverted():
    # NCT00496210 (ctgov-xml-bulk): a requirement under the exclusion header
    (a,) = criteria_ages("INCLUSION CRITERIA:\n\nMust be caregiver.\n\nEXCLUSION CRITERIA:\n\nMay not be younger than 18 years of age.\n")
    assert (a.min.years, a.max, a.inverted) == (18, None, False)
    # "Less than 18 years and over 70 years" (NCT00005778): two limits, not "under 18 and over"
    ages = criteria_ages("Exclusion Criteria:\n  -  Age less than 18 years and over 70 years.\n")
    assert [(lim(a)) for a in ages] == [((18, True), None), (None, (70, True))]


def test_fractional_and_open_maxima_agree():
    # NCT00001343 "10.0 to 14.9 years" vs 14 Years; NCT05697627 "age 9 - 17.99" vs 17 Years
    assert bound_matches(Bound(14.9, "year", True), 14, "max")
    assert bound_matches(Bound(17.99, "year", True), 17, "max")
    assert not bound_matches(Bound(15, "year", True), 14, "max")
    # NCT00005810 "Age: 18 to 99" against no maximum
    ages = criteria_ages("Inclusion Criteria:\n- Age: 18 to 99\n")
    assert compare_side(ages, 18, None, "max").status == "agree"


def test_varied_wordings_are_read():
    expected = {
        "aged 18 to 65": (18, 65),
        "between 18 and 65 years of age": (18, 65),
        "18–65 yrs": (18, 65),
        "≥ 18 years old": (18, None),
        "21 years or older": (21, None),
        "over the age of 40": (40, None),
        "no older than 70": (None, 70),
        "adults (18+)": (18, None),
        "45 y/o or older": (45, None),
        "18 years old or above": (18, None),
        "of age 18 or above": (18, None),
        "age: 40-70": (40, 70),
        "Age 18 through 65": (18, 65),
        "Age \\>18 years": (18, None),
        "Age \\>= 18 years": (18, None),
        "must be at least 21": (21, None),
    }
    for phrase, (lo, hi) in expected.items():
        (a,) = criteria_ages(f"Inclusion Criteria:\n- {phrase}\n")
        assert (a.min and round(a.min.years), a.max and round(a.max.years)) == (lo, hi), phrase
    assert [a.text for a in prose_ages("Participants must be under 75.")] == ["under 75"]


def test_wrapped_claim_sentence_is_a_claim():
    # NCT00001760 (ctgov-xml-bulk): "may be eligible" on the next line of a hard-wrapped summary
    (a,) = prose_ages("Healthy volunteers and patients with atopic dermatitis 18 years\nof age and older may be eligible for this study.")
    assert a.claim


# --- second round: an age that qualifies something narrower than the whole trial (audit/text/age_scope.py) ----------
# Real excerpts: the documented unseen sample of the first round (/tmp/age/unseen_sample.txt, ctgov-xml-bulk) and
# the tune part; each with a synthetic variant in other words, so the class is fixed and not the sentence.
NARROWER_SCOPE = {
    # NCT00001238: an assent duty of a sub-group
    "assent (real)": "Patients under the age of 18 but who are\nage 13 or older will be asked to sign an assent document prior to participation.",
    "assent (variant)": "Participants younger than 16 years must provide written assent in addition to parental permission.",
    # NCT00490035: a sub-group admitted only where the law allows
    "legally permitted (real)": "Inclusion Criteria:\n\n  -  Subjects under 18 years of age were\n     only included where legally permitted and ethically accepted\n",
    "legally permitted (variant)": "Inclusion Criteria:\n\n- Adolescents aged 12 to 17 years will be enrolled only where permitted by local regulations\n",
    # NCT00495872: a performance scale chosen by age
    "Lansky (real)": "  2. Patients must have ECOG performance status < or = 2 (0-2). Patients </=10 years\n     modified Lansky scale >/= 60.",
    "Lansky (variant)": "Inclusion Criteria:\n- Children under 16 years: Lansky play-performance score of 50 or more\n",
    # NCT00000759: a sub-group header over items
    "subgroup header (real)": "Children >= 18 months of age:\n\n  -  Negative serological test by an FDA-licensed test kit.\n",
    "subgroup header (variant)": "Inclusion Criteria:\n\nParticipants younger than 12 years:\n  - weight of 20 kg or more\n",
    # NCT00006150: a sub-group named after the age
    "for unaffected (real)": "Aged\n\n  -  >=1 month for affected subjects\n\n  -  Aged >=2 years for unaffected subjects\n",
    "for unaffected (variant)": "Inclusion Criteria:\n- 30 years of age or older for healthy control participants\n",
    # NCT00000811: an earlier version of the protocol
    "earlier version (real)": "  -  HIV-positive. (This study has been changed. In an earlier version, patients up to 19\n     years old were eligible.)\n",
    "earlier version (variant)": "Inclusion Criteria:\n\nUnder the previous version of this protocol, people aged 70 or older could enrol.\n",
    # NCT00005192: a sub-study in the same paragraph (detailed description)
    "sub-study (real)": "The goal of substudy 1 was to determine what factors predicted responding at work. Black and white\nnormotensive nurses between the ages of 20-45 years served as subjects.",
    # NCT00000767, NCT00000798 (tune): a share of the participants
    "quota (real)": "NOTE:\n\n  -  No more than 10 percent of volunteers in both Parts I and II may be over 50 years of\n     age.\n",
    "quota (variant)": "Inclusion Criteria:\n- Up to 25% of the enrolled participants may be older than 75 years\n",
    # NCT00001476: ages that only sort people when any age is admitted
    "any age (real)": "INCLUSION CRITERIA:\n\nsubjects may\ninclude minors 5 to 17 years of age and adults of any age.\n",
    "any age (variant)": "Inclusion Criteria:\n- Men of any age and women 50 years or older\n",
    # NCT00002552: another person (a donor) in the clause
    "donor (real)": "No HIV infection Priority of multiple donors (in order given): ABO compatible Age over 18 Same\nsex as recipient",
    # NCT00496821: a header naming another person
    "household (real)": "Exclusion Criteria:\n\n  -  Presence of household member or close contact to someone who:\n\n       -  Is less than three(3) years of age\n",
    "household (variant)": "Exclusion Criteria:\n\nLiving with someone who:\n- is 65 years of age or older\n",
    # NCT00001393: a procedure chosen by age
    "procedure (real)": "We will evaluate children <18\nyears by obtaining a urine sample.",
    # NCT00003150: a rule about other studies
    "other study (real)": "CALGB\npatients 60-65 years of age must not be eligible for any other study of higher priority",
}


@pytest.mark.parametrize("name", sorted(NARROWER_SCOPE))
def test_ages_of_a_narrower_scope_are_not_limits(name):
    text = NARROWER_SCOPE[name]
    found = prose_ages(text) if "sub-study" in name or "procedure" in name else criteria_ages(text)
    assert [a.text for a in found] == [], name


def test_trial_wide_limits_next_to_narrower_words_are_still_read():
    # NCT00003962 (tune, ctgov-xml-bulk): run-together PDQ text; "donor" and "Performance status" before and after "Age:"
    text = "HLA identical related donor\nrequired\n\nPATIENT CHARACTERISTICS: Age: 0.5 to 65 Performance status: ECOG 0-2 Life\nexpectancy: Not specified"
    assert [(a.min.years, a.max.years) for a in criteria_ages(text)] == [(0.5, 65)]
    # NCT00001147 (tune): "any age above 4" is a limit, not "any age"
    (a,) = criteria_ages("INCLUSION CRITERIA:\n\nChildren of any\nage above 4 years may participate.\n")
    assert a.min.years == 4
    # NCT00004994 (tune): a total count "(n=106)" is not a share
    (a,) = prose_ages("Subjects\n(n=106) over the age of 18 will be enrolled.")
    assert a.min.years == 18
    # NCT00004332 (tune): "15% of ideal" (a weight) is not a share of the participants
    (a,) = criteria_ages("Weight within 15% of ideal --Patient Characteristics--\nAge: 18 to 65 Hematopoietic: No anemia")
    assert (a.min.years, a.max.years) == (18, 65)
    # "Karnofsky" in another branch of an "or" does not hide the branch (NCT00006259, tune)
    ages = criteria_ages("Patients must be over 65 years of age OR\nOver 18 years of age with Karnofsky performance status 40-60%")
    assert sorted(a.min.years for a in ages) == [18, 65]


def test_negated_subject_flips_the_bound():
    # NCT00001455: "No patients less than or equal to 5 years old." in the inclusion criteria is a minimum
    (a,) = criteria_ages("INCLUSION CRITERIA:\n\nNo patients less than or equal to 5 years old.\n")
    assert a.max is None and a.min.years == 5 and not a.min.inclusive
    (a,) = criteria_ages("Inclusion Criteria:\n- No children younger than 12 years\n")
    assert a.max is None and a.min.years == 12


def test_will_be_under_an_exclusion_header_is_not_inverted():
    # NCT00001500: "All subjects will be adults (greater than 18 years)." under EXCLUSION CRITERIA
    (a,) = criteria_ages("EXCLUSION CRITERIA:\n\nAll subjects will be adults (greater than 18 years).\n")
    assert a.max is None and a.min.years == 18 and not a.inverted


def test_band_words_on_a_wrapped_line_or_as_a_label_are_not_restrictions():
    # NCT00000590: "... pregnant women ... and their\ninfants." (a hard wrap, another person)
    assert (
        criteria_bands("Inclusion Criteria:\n\nHIV-positive, asymptomatic, pregnant women with CD4 of 500 or less and their\ninfants.\n")
        == ()
    )
    # NCT00004498 (tune): "Family history of 2 affected\nchildren"
    assert criteria_bands("Inclusion Criteria:\n\n  -  Male with late onset OR Family history of 2 affected\n     children\n") == ()
    # NCT00000751: "Infants - Drug treatment for signs of drug withdrawal" (a label of part of an item)
    assert criteria_bands("Inclusion Criteria:\n\n  -  Infants - Drug treatment for signs of drug withdrawal.\n") == ()
    # still read: an item that starts with the band word after a finished line
    (b,) = criteria_bands("Inclusion Criteria:\n\nDiagnosis of asthma.\nAdults with moderate disease\n")
    assert b.band == "adult"


# tune-part classes found while judging the second-round samples (ctgov-xml-bulk, tune part)
NARROWER_SCOPE_TUNE = {
    # NCT00006421: the criteria of a sub-study under its own header
    "sub-study header (real)": "INCLUSION CRITERIA - Annual Follow-up Study:\n\nTo participate in the Annual Follow-up Study, a woman must:\n\nBe at least 25 years of age.\n",
    "sub-study header (variant)": "Inclusion criteria for the extension study:\n\n- aged 30 years or older\n",
    # NCT00005569: a pilot study in the same item
    "pilot (real)": "One group of male volunteers of 60-80 years of age will be used for the pilot study.\n",
    # NCT00001878: a measurement threshold that depends on age
    "threshold (real)": "LV wall thickness greater than 15 mm, and greater than 2 SDs in\nsubjects 18 years of age or younger, as assessed by MRI.\n",
    "threshold (variant)": "Inclusion Criteria:\n- Height below the 3rd percentile for participants younger than 10 years\n",
    # NCT00002374: a duration
    "duration (real)": "Required:\n\n>= 3 months cumulative saquinavir HGC therapy.\n",
    # NCT00002547: a donor named earlier in a hard-wrapped sentence
    "donor wrapped (real)": "In case of multiple donors, priority is: ABO compatibility\nAge over 18 Same sex No contraindication to donation",
}
NARROWER_SCOPE_PROSE = {
    # NCT05939895: another study's sample, cited
    "citation (real)": "(12) He et al., investigated 50 non-obese people with normal glucose tolerance (NGT, 23 to 68 years old), normal blood pressures.",
    # NCT00003111: an accrual period
    "accrual (real)": "PROJECTED ACCRUAL: This study will accrue 20 patients over 18 months.",
    "accrual (variant)": "A total of 60 participants will be accrued over 24 months.",
    # NCT00001420: people without an age limit named alongside
    "relatives (real)": "Patients with known or suspected psoriatic arthritis 5 years of age and older and their\nrelatives may enroll in this study.",
}


@pytest.mark.parametrize("name", sorted(NARROWER_SCOPE_TUNE))
def test_tune_classes_of_narrower_scope_in_criteria(name):
    assert [a.text for a in criteria_ages(NARROWER_SCOPE_TUNE[name])] == [], name


@pytest.mark.parametrize("name", sorted(NARROWER_SCOPE_PROSE))
def test_tune_classes_of_narrower_scope_in_summaries(name):
    assert [a.text for a in prose_ages(NARROWER_SCOPE_PROSE[name])] == [], name


def test_does_not_enroll_reads_as_a_minimum():
    # NCT00001355 (tune): "This study does not enroll children under the age of 2."
    (a,) = prose_ages("This study does not enroll children under the age of 2.")
    assert a.max is None and a.min.years == 2
    (a,) = prose_ages("The trial will not include patients younger than 12 years.")
    assert a.max is None and a.min.years == 12


def test_a_trial_that_is_itself_a_pilot_study_keeps_its_limits():
    # found by the injection benchmark (tune, v2): a summary that calls the whole trial a pilot study
    (a,) = prose_ages("To participate, individuals must be 11-21 years of age. This research study is a Pilot Study of proton therapy.")
    assert (a.min.years, a.max.years) == (11, 21)
    (a,) = criteria_ages(
        "Inclusion Criteria:\n- Patients must be 18 years of age or older for the pilot study (Phase I).\n- Age 12 or older\n"
    )
    assert a.min.years == 12  # the first item qualifies one part of the protocol (NCT00001866, tune)


@pytest.mark.parametrize(
    "text,unit,value",
    [
        # NCT00497289 (ctgov unseen hand-check, round 2): "postnatal age <= 72 h" is 72 hours, not 72 years
        ("-  postnatal age <= 72 h\n", "hour", 72),
        ("newborn infants with a postnatal age below 48 h.", "hour", 48),
        ("aged 3-28 d, born at term", "day", 28),
        ("age < 12 wk", "week", 12),
        ("age < 6 mo", "month", 6),
    ],
)
def test_a_unit_abbreviation_after_the_number_is_read(text, unit, value):
    a = one(text)
    assert a.max.unit == unit and a.max.value == value


def test_a_trial_wide_limit_in_years_next_to_hour_words_is_still_years():
    a = one("Age 18 to 65 years; dosing within 72 h of admission")
    assert lim(a) == ((18, True), (65, True))


@pytest.mark.parametrize(
    "text,years",
    [
        # NCT-sheet round 2 (unseen hand-check): an inclusion item "No minors (under 18 years of age)." excludes the
        # minors, so it is a MINIMUM of 18, not a maximum
        ("-  No minors (under 18 years of age).", 18),
        ("No children (< 12 years)", 12),
        ("No adolescents [less than 16 years old]", 16),
        ("No patients under 18 years", 18),
    ],
)
def test_a_negated_group_with_its_age_is_a_minimum(text, years):
    a = one(text)
    assert a.max is None and lim(a)[0] == (years, True)


def test_a_trial_wide_maximum_after_a_negated_item_is_still_a_maximum():
    a = one("No smoking, age under 65 years")
    assert a.min is None and lim(a)[1] == (65, False)


@pytest.mark.parametrize(
    "text",
    [
        # NCT00460486 (ctgov-xml-bulk, unseen hand-check round 2): the age says who signs the consent, not who enrols
        "-  Provide the written informed consent of their parents / legal guardian (if the subject\n     is under 18 years of age);",
        "Signed assent from a guardian when the child is aged less than 12 years",
    ],
)
def test_an_age_conditioning_a_consent_clause_is_not_a_limit(text):
    assert find_ages(text, "inclusion") == ()


def test_a_limit_after_a_consent_item_is_still_read():
    a = one("Signed informed consent; patients must be aged 18 years or older")
    assert lim(a) == ((18, True), None)


@pytest.mark.parametrize(
    "text,mode",
    [
        # NCT00000420 (ctgov-xml-bulk, unseen hand-check round 2): one limit per named group
        ("-  Age >35 yrs. for smokers; >39 yrs. for nonsmokers", "exclusion"),
        ("Aged 40 years or older for non-smokers", "inclusion"),
        # NCT04571138 (ctgov v2, unseen hand-check round 2): a limit for the first few enrolled only
        ("* Male and female subjects aged ≤ 30 years. First 2 enrolled subjects: age ≥ 18 and ≤ 30 years", "inclusion"),
        ("Initial three patients: aged 12 to 17 years", "inclusion"),
    ],
)
def test_a_limit_for_one_named_group_is_an_alternative(text, mode):
    ages = find_ages(text, mode)
    assert ages and not ages[-1].claim  # the group's statement is read, but as one alternative


@pytest.mark.parametrize("text", ["Age 18 to 65 years for both smokers and nonsmokers", "Healthy volunteers; age 18 to 65 years"])
def test_a_trial_wide_limit_next_to_group_words_is_still_a_claim(text):
    assert one(text).claim


@pytest.mark.parametrize(
    "text",
    [
        # NCT00003140 (ctgov-xml-bulk, unseen hand-check round 2): an age that defines postmenopausal status
        "Menopausal status:\n\n  -  Postmenopausal defined by one of the following:\n\n"
        "       -  Age 50 or over at start of adjuvant tamoxifen\n\n       -  Under age 50 and considered postmenopausal\n",
        "- Smoker, defined as:\n    - aged 40 years or older with 10 pack-years\n",
        # NCT00491634 (ctgov-xml-bulk, unseen hand-check round 2): an example of why standard conditioning is not possible
        "2. Patients not eligible for standard conditioning due to age, or prior\n"
        "   therapy (e.g. age > 55 years for HLA-matched sibling transplants or > 50 for unrelated donor transplants)",
        "ineligible for intensive therapy, for example aged 70 years or older",
    ],
)
def test_an_age_inside_a_definition_or_an_example_is_not_a_limit(text):
    assert find_ages(text, "inclusion") == ()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Postmenopausal defined as:\n  - no menses for 12 months\n\nAge 18 years or older", ((18, True), None)),
        ("- Menopause defined as one of:\n  - amenorrhea 12 months\n- Age 45 to 70 years", ((45, True), (70, True))),
        ("Signed consent, e.g. written. Age 18 years or older", ((18, True), None)),
    ],
)
def test_a_limit_after_a_definition_list_is_still_read(text, expected):
    assert lim(one(text)) == expected
