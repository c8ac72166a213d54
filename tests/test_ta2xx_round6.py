"""Sixth round of the age family (issue 20): the false-positive classes of the fourth tune sample
(docs/precision/tune-round4/ta2xx-sample4.tsv). Each class has its real excerpt (record ID and source in a comment),
synthetic variants in other words, and a guard that the trial-wide limit beside the same words is still read."""

import pytest

from trial_audit.text.age_text import criteria_bands, find_ages, prose_ages


def claims(text, mode="inclusion"):
    return [a.text for a in find_ages(text, mode) if a.claim]


def bounds(a):
    r = lambda b: None if b is None else round(b.years, 3)  # noqa: E731
    return r(a.min), r(a.max)


# --- 1. an age group with criteria of its own ----------------------------------------------------------------------------

# NCT00000990 (ctgov-xml-bulk, tune), inclusion criteria
REAL_GROUP_CRITERIA = (
    "Children must demonstrate the following clinical and laboratory findings:\n\n"
    "  -  Laboratory evidence of HIV infection as demonstrated by either a positive viral\n"
    "     culture or detectable serum p24 antigen.\n\n"
    "  -  Children < 15 months of age, who are thought to have acquired HIV through perinatal\n"
    "     transmission and whose only laboratory evidence of HIV infection is a positive\n"
    "     antibody test, must also have one or more of the following laboratory criteria\n"
    "     indicative of immunologic abnormality:\n"
)
GROUP_CRITERIA = [
    REAL_GROUP_CRITERIA,
    "- Infants younger than 6 months must additionally have two negative PCR results",
    "- Participants over 65 years of age, who have not been vaccinated before, should also undergo a baseline antibody test",
    "- Subjects aged 12-17 years must in addition present a signed school attendance record",
]

# --- 2. a follow-up schedule ---------------------------------------------------------------------------------------------

# NCT00001143 (ctgov-xml-bulk, tune), brief summary
REAL_SCHEDULE = (
    "These infants will be enrolled between 4 and 24 weeks after birth and\n"
    "followed at 4-week (+/- 5 days) intervals until 28 weeks of age and then once a year until 3\n"
    "years after birth."
)
SCHEDULE = [
    REAL_SCHEDULE,
    "Children will be assessed at 6, 12 and 24 months of age.",
    "Each child is seen at clinic visits through 5 years of age.",
    "Infants are examined at 9 months of age and again at 18 months of age.",
    "Growth is measured monthly until 2 years of age.",
]

# --- 3. volunteers beside patients without a bracket or comma -----------------------------------------------------------

# NCT00001307 (ctgov-xml-bulk, tune), inclusion criteria (structured limits N/A)
REAL_VOLUNTEERS = "INCLUSION CRITERIA\n\nHealthy Normal Volunteers between the ages of 18 and 80 years\n\nCertain Chronic Pain Patients\n\n"
VOLUNTEERS = [
    REAL_VOLUNTEERS,
    "Patients aged 40-75 and healthy volunteers aged 20-40",
    "Normal controls aged 21 to 60 years\n\nPatients with treated epilepsy\n",
    "Volunteers between the ages of 25 and 45\nPatients with chronic migraine\n",
]

# --- 4. "... and their relatives may be eligible" ----------------------------------------------------------------------

# NCT00001372 (ctgov-xml-bulk, tune), brief summary
REAL_RELATIVES = "Patients 10 years of age and older with known or suspected SLE and their relatives may be\neligible for this study."
RELATIVES = [
    REAL_RELATIVES,
    "Adults 21 years and older with familial hypercholesterolemia and their first-degree relatives can enroll.",
    "Children aged 2 to 12 with a rare skin disorder and their parents will be invited to take part.",
    "Individuals over 30 with hereditary ataxia and their siblings are eligible.",
]

# --- 5. a header over one part of the protocol ---------------------------------------------------------------------------

# NCT00001736 (ctgov-xml-bulk, tune), criteria
REAL_PART = (
    "SAFETY STUDY:\n\nPatient diagnosed with cystinosis.\n\nEFFICACY STUDY:\n\n"
    "Patients must fulfill all of the following criteria to be eligible for the efficacy study.\n\n"
    "Patient has a clinical history consistent with cystinosis.\n\n"
    "Age greater than or equal to 2 years and less than or equal to 10 years.\n\n"
)
PARTS = [
    REAL_PART,
    "PHASE II PORTION:\n\n- Age 18 to 65 years\n- Measurable disease\n",
    "OPEN-LABEL EXTENSION:\n\n- Aged 12 years or older at entry\n",
    "Dose-escalation cohort:\n\n- Age >= 21 years\n",
    "Part B:\n\n- Age 6 to 17 years\n",
]

# --- 6. a sub-group's duty to meet a threshold ---------------------------------------------------------------------------

# NCT00002556 (ctgov-xml-bulk, tune), inclusion criteria (structured 18 Years to N/A)
REAL_DUTY = (
    "  -  Patients >= 70 years must have a performance status of 0-2, and be specifically\n"
    "     evaluated by their physician to determine if they can tolerate either regimen\n"
)
DUTIES = [
    REAL_DUTY,
    "- Participants over 60 should have a left ventricular ejection fraction of at least 50%",
    "- Subjects aged 75 or older must have an ECOG score of 0 or 1",
    "- Women older than 65 must also have adequate renal function",
]

# --- 7. children of household contacts ---------------------------------------------------------------------------------

# NCT00005039 (ctgov-xml-bulk, tune), inclusion criteria (structured 18 Years to N/A)
REAL_CONTACTS = (
    "  -  Fertile patients must use effective contraception\n\n"
    "  -  No close contact or household contact with the following high-risk individuals for at\n"
    "     least 2 weeks after each vaccination:\n\n"
    "       -  Children under age 5\n\n"
    "       -  Pregnant or nursing women\n"
)
CONTACTS = [
    REAL_CONTACTS,
    "  -  No household contacts who are:\n       -  Infants under 1 year of age\n       -  Immunocompromised\n",
    "  -  No close contacts among:\n       -  Children younger than 3 years\n",
]


@pytest.mark.parametrize("text", GROUP_CRITERIA + SCHEDULE + VOLUNTEERS + PARTS + DUTIES + CONTACTS)
def test_sixth_round_classes_are_not_the_trials_limit(text):
    assert claims(text) == []


@pytest.mark.parametrize("text", SCHEDULE + RELATIVES)
def test_sixth_round_prose_classes_are_not_claims(text):
    assert [a.text for a in prose_ages(text) if a.claim] == []


@pytest.mark.parametrize("text", CONTACTS)
def test_children_of_other_people_are_not_a_band(text):
    assert [b.text for b in criteria_bands("Inclusion Criteria:\n\n" + text)] == []


# --- guards: the trial-wide limit beside the same words is still read ----------------------------------------------------

GUARDS = [
    # a group's extra criteria beside the trial's own limit
    ("- Age 18 to 65 years\n- Patients over 60 must also have a normal ECG", "Age 18 to 65 years", (18, 65)),
    # an older group's threshold beside the trial's own minimum
    ("- Age >= 18 years\n- Patients >= 70 years must have a performance status of 0-2\n", "Age >= 18 years", (18, None)),
    ("- Patients 18 years or older must have histologically confirmed melanoma\n", None, (18, None)),
    # a follow-up schedule beside the entry limit
    ("- Infants aged 4 to 24 weeks at enrolment\n- Visits at 6, 12 and 24 months", "aged 4 to 24 weeks", (4 / 52.1775, 24 / 52.1775)),
    ("- Children evaluated at our clinic, aged 2 to 12 years", "aged 2 to 12 years", (2, 12)),
    # volunteers alone, no patients named
    ("INCLUSION CRITERIA\n\nHealthy Normal Volunteers between the ages of 18 and 80 years\n\nNon-smokers\n", None, (18, 80)),
    # relatives without an eligibility of their own: the patients' limit stays
    ("Patients 10 years of age and older with lupus may be eligible. Their relatives give a blood sample.", None, (10, None)),
    # the other kind is the subject of a clause about the same people, not another group (NCT00006299, ctgov-xml-bulk, tune;
    # structured N/A to N/A: the finding is true)
    (
        "INCLUSION CRITERIA:\n\nHealthy volunteers between the ages of 18-65 years.\n\nPatients will be eligible for this study if the two "
        "mandibular molars are\npartial or full bony impactions.\n\nEXCLUSION CRITERIA:\n\nPatients who are allergic to sulfa-drugs.\n",
        None,
        (18, 65),
    ),
    # "birth control" names no group of healthy controls beside "Patients 18 years or older"
    ("- Patients 18 years or older with myeloma\n- Contraception needed for birth control\n", None, (18, None)),
    # a header that is no part of the protocol
    ("Stage III disease:\n\n- Age 18 to 70 years\n", "Age 18 to 70 years", (18, 70)),
    # contacts named in a sibling item, not a parent: the band of the trial stays
    ("  -  Age 18 years or older\n\n  -  No household contact with infants\n", "Age 18 years or older", (18, None)),
]


@pytest.mark.parametrize("text,expected_text,expected", GUARDS)
def test_trial_wide_limit_beside_sixth_round_words_is_read(text, expected_text, expected):
    mode = "prose" if "." in text.split("\n")[0] and not text.startswith(("-", " ", "INCLUSION", "Stage")) else "inclusion"
    got = [a for a in find_ages(text, mode) if a.claim]
    assert got, text
    first = got[0]
    if expected_text:
        assert first.text == expected_text
    lo, hi = bounds(first)
    assert lo == pytest.approx(expected[0], abs=0.01) and (
        hi is None if expected[1] is None else hi == pytest.approx(expected[1], abs=0.01)
    )


def test_adults_band_beside_a_contacts_sub_list_is_still_read():
    text = "Inclusion Criteria:\n\n  -  Adults with melanoma\n\n  -  No close contact with:\n\n       -  Children under age 5\n"
    assert [b.band for b in criteria_bands(text)] == ["adult"]


def test_a_part_header_makes_its_limit_one_of_several():
    # NCT00001736 (ctgov-xml-bulk, tune; structured N/A to N/A): the safety part admits ages >= 1, the efficacy part 2 to 10;
    # both are one part's limit (alternatives), so the union (1, no maximum) is what the structured range is held to
    got = [
        a
        for a in find_ages(
            REAL_PART.replace("SAFETY STUDY:\n\n", "SAFETY STUDY:\n\nPatient age greater than or equal to 1 year old.\n\n"), "inclusion"
        )
    ]
    assert [a.claim for a in got] == [False, False]
    assert [bounds(a) for a in got] == [(1, None), (2, 10)]
