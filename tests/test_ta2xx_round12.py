"""Twelfth round of the age family (issue 20, branch age6): the classes of the injection benchmark's misses on the tune
part, each a class of text rather than a wording, and the false positive the round found on real data.

- ICTRP's downloads write "=" for the "≥" / "≤" of ClinicalTrials.gov records ("Age =18 years"): the biggest miss class
  (most `remove_min_age` and `criteria_age_changed` misses in the three ICTRP formats). The "=" is read as a lost
  comparator; a one-sided limit's side is taken from the structured limits, and the message says how it was read.
- "≥" / "≤" in the wrong encoding ("√¢?¬•18", "â‰¥18").
- "up to and including 65 years of age" (a maximum), summaries that say who takes part with "We will randomise ..." or a
  "Target population:" label, an anchored upper end past any human age ("age: 26 to 128": no maximum), and a summary
  whose earlier sentence mentions an exposure ("... exposure to inhaled toxicants.") no longer hides the next sentence's age.
- The false positive: an age in an inline list of risk factors ("At least one comorbidity among: age = 70 years old, ...").

Real excerpts name their record and source (all on the tune part); the rest are other wordings of the same classes.
"""

import pytest

from trial_audit.checks.ta201_summary_age_contradicts_structured import SummaryAgeContradictsStructured
from trial_audit.checks.ta202_criteria_age_contradicts_structured import CriteriaAgeContradictsStructured
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.age_text import criteria_ages, prose_ages


def _findings(rule, **example):
    return list(rule.check(record_from_example(example), Context()))


def _criteria_findings(criteria, minimum, maximum):
    example = {"criteria": criteria}
    if minimum is not None:
        example["minimum_age"] = minimum
    if maximum is not None:
        example["maximum_age"] = maximum
    return _findings(CriteriaAgeContradictsStructured(), **example)


def _summary_findings(summary, minimum, maximum, criteria=None):
    example = {"brief_summary": summary, "minimum_age": minimum, "maximum_age": maximum}
    if criteria is not None:
        example["criteria"] = criteria
    return _findings(SummaryAgeContradictsStructured(), **example)


def _read(text, structured=(None, None)):
    return [(s.text, s.describe()) for s in criteria_ages(text, structured=structured)]


# --- 1. "=" where an export lost "≥" or "≤" ---------------------------------------------------------------------------

# NCT04273529 (ictrp-xml, ICTRP-Results_18Mar2020_sample300.xml, tune; structured 18 Years to N/A)
NCT04273529 = (
    "Inclusion Criteria:\n\n  1. Age =18 years;\n\n  2. Laboratory (RT-PCR) diagnosis of common patients infected with COVID-19 (refer to the\n"
    "     fifth edition of the Chinese Guidelines for Diagnosis and Treatment);\n\n  3. chest imaging confirmed lung damage;\n\n"
    "Exclusion Criteria:\n\n  1. Severe liver disease (such as Child Pugh score = C, AST> 5 times the upper limit);\n"
)
# NCT04331795 (ictrp-csv, COVID19 CSV sample, tune; structured 18 Years to N/A)
NCT04331795 = "Inclusion Criteria:\n\n  -  Adults = 18 years of age\n\n  -  Approval from the patient's primary service\n"
# NCT04293692 (ictrp-xml and ictrp-csv, tune; structured 18 Years to 75 Years)
NCT04293692 = (
    "Inclusion Criteria:\n\n  1. Male or female, 18 years old = age = 75years old;\n\n"
    "  2. CT image is characteristic of 2019 novel coronavirus pneumonia;\n"
)
# NCT04433910 (ictrp-xlsx, COVID19-web_7Jul2020_sample300.xlsx, tune; structured 18 Years to 75 Years)
NCT04433910 = (
    "Inclusion Criteria:\n\nPatients with SARS-CoV-2 infection and\n\n  1. age = 18 years and = 75 years\n\n"
    "  2. SARS-CoV-2 infection confirmed by PCR (BAL, sputum, nasal and/or pharyngeal swap)\n"
)
# NCT04302519 (ictrp-xml, tune; structured 18 Years to 75 Years): two one-sided limits, each with its "=" lost
NCT04302519 = (
    "Inclusion Criteria:\n\n  -  1. Age = 18, age = 75, gender unlimited;\n\n  -  2. novel coronavirus diagnosed severe pneumonia\n"
)
# EUCTR2020-001497-30-FR (ictrp-xlsx, tune): the second "=" is a weight's
EUCTR2020_001497_30 = (
    "Inclusion Criteria:\n1. Males or females = 18 years of age and = 40 kg at the time of providing informed consent.\n"
    "2. Confirmed diagnosis of SARS-CoV-2 infection\n"
)


@pytest.mark.parametrize(
    ("text", "minimum", "maximum"),
    [
        (NCT04273529, "18 Years", "N/A"),
        (NCT04331795, "18 Years", "N/A"),
        (NCT04293692, "18 Years", "75 Years"),
        (NCT04433910, "18 Years", "75 Years"),
        (NCT04302519, "18 Years", "75 Years"),
    ],
)
def test_lost_comparators_that_agree_with_the_structured_limits_give_no_finding(text, minimum, maximum):
    assert _criteria_findings(text, minimum, maximum) == []


def test_the_lost_comparator_is_read_as_a_limit():
    assert _read(NCT04273529) == [("Age =18 years", "at least 18 years")]
    assert _read(NCT04331795) == [("= 18 years of age", "at least 18 years")]
    assert _read(NCT04293692) == [("18 years old = age = 75years old", "18 to 75 years")]
    assert _read(NCT04433910) == [("age = 18 years and = 75 years", "18 to 75 years")]
    # "80 years = age = 14 years": "≥" lost twice, the range read from its lower to its upper end
    assert _read("Inclusion Criteria:\n1. 80 years = age = 14years;\n") == [("80 years = age = 14years", "14 to 80 years")]
    # the weight after the second "=" is not the range's end
    assert _read(EUCTR2020_001497_30) == [("= 18 years of age", "at least 18 years")]
    assert _read("Inclusion Criteria:\n- Males or females ≥ 18 years of age and ≤ 40 kg\n") == [("≥ 18 years of age", "at least 18 years")]


def test_the_side_of_a_lost_comparator_comes_from_the_structured_limits():
    # matching the structured maximum: a maximum; nearer the maximum than the minimum: a maximum too
    assert _read(NCT04302519, (18.0, 75.0)) == [("Age = 18", "at least 18 years"), ("age = 75", "at most 75 years")]
    assert _read("Inclusion Criteria:\n- Age = 70 years\n", (18.0, 80.0)) == [("Age = 70 years", "at most 70 years")]
    # a typical minimum with no structured limits: a minimum
    assert _read("Inclusion Criteria:\n- Age = 18 years\n", (None, None)) == [("Age = 18 years", "at least 18 years")]
    # in the exclusion criteria the sense is inverted as for any comparator ("= 80" excluded: "≥ 80" lost)
    assert _read("Exclusion Criteria:\n1) < 18 years old or = 80 years old;\n", (18.0, 79.0))[1] == ("= 80 years old", "under 80 years")


@pytest.mark.parametrize(
    ("minimum", "maximum", "side"),
    [
        (None, "N/A", "minimum"),  # the structured minimum removed: the criteria state one (remove_min_age)
        ("25 Years", "N/A", "minimum"),  # "Age =18" against another minimum (criteria_age_changed's other direction)
    ],
)
def test_a_lost_comparator_that_contradicts_the_structured_limits_is_reported(minimum, maximum, side):
    found = _criteria_findings(NCT04273529, minimum, maximum)
    assert len(found) == 1
    msg = found[0].message
    assert f"structured {side} age" in msg and "'Age =18 years'" in msg
    # the message says how the "=" was read, so the curator can check it against the protocol
    assert "its '=' is read as '≥'" in msg and "the export lost" in msg
    assert found[0].evidence.text == "Age =18 years"


def test_a_lost_comparator_read_as_a_maximum_says_so():
    found = _criteria_findings("Inclusion Criteria:\n- Age = 70 years\n- Confirmed infection\n", "18 Years", "80 Years")
    assert len(found) == 1 and "structured maximum age is '80 Years'" in found[0].message
    assert "its '=' is read as '≤'" in found[0].message


def test_a_true_minimum_mismatch_in_an_ictrp_record():
    # PACTR202004801273802 (ictrp-xlsx, tune; structured 19 Year(s) to 44 Year(s)): "=18" lost a "≥" (">" is ASCII and
    # survives the export), so the criteria admit 18-year-olds the structured minimum of 19 leaves out: judged true
    text = (
        "Inclusion Criteria:\n1. Subject (or legally authorized representative) provides written informed consent prior to "
        "initiation of any study procedures.\n4. Male or non-pregnant female adult =18 years of age at time of enrolment.\n"
        "5. Has laboratory-confirmed SARS-CoV-2 infection\n"
    )
    found = _criteria_findings(text, "19 Years", "44 Years")
    assert len(found) == 1 and "minimum age of 18 years" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        # comparisons that are no lost comparator
        "Inclusion Criteria:\n- Male creatinine clearance = (140-age) × weight / 72 × creatinine\n",
        "Inclusion Criteria:\n- SpO2 = 93% on room air; PaO2/FiO2 = 300 mmHg\n",
        "Inclusion Criteria:\n- Body mass index = 18 to 30 kg/m2\n",
    ],
)
def test_equations_are_no_age(text):
    assert criteria_ages(text) == ()


# --- 2. "≥" / "≤" in the wrong encoding ---------------------------------------------------------------------------------

# TCTR20200409006 (ictrp-xlsx, COVID19-web_7Jul2020_sample300.xlsx, tune; structured 18 Years, "0 N/A (No limit)"): UTF-8
# "≥" read as Mac Roman twice
TCTR20200409006 = (
    "Inclusion Criteria:\n1. Age √¢?¬•18 years\n2. Diagnosed with COVID-19 by RT-PCR with ARDS\n3. Admitted to intensive care\n"
)


def test_mojibake_comparators_are_read():
    assert _read(TCTR20200409006) == [("Age √¢?¬•18 years", "at least 18 years")]
    assert _criteria_findings(TCTR20200409006, "18 Years", "N/A") == []
    assert len(_criteria_findings(TCTR20200409006, "20 Years", "N/A")) == 1
    # the same character read as Windows-1252, whole or with its middle byte lost; and "≤"
    assert _read("Inclusion Criteria:\n- Age â‰¥18 years\n") == [("Age â‰¥18 years", "at least 18 years")]
    assert _read("Inclusion Criteria:\n- Age â?¥ 18 years\n") == [("Age â?¥ 18 years", "at least 18 years")]
    assert _read("Inclusion Criteria:\n- Age √¢?¬§ 65 years\n") == [("Age √¢?¬§ 65 years", "at most 65 years")]


# --- 3. more ways to write a limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("Up to and including 65 years of age", "at most 65 years"),
        ("Aged 18 up to and including 65 years", "18 to 65 years"),
        ("Aged 18 to and including 70 years", "18 to 70 years"),
    ],
)
def test_up_to_and_including(item, expected):
    text = f"Inclusion Criteria:\n- Confirmed asthma\n- {item}\n- Signed consent\n"
    assert [d for _, d in _read(text)] == [expected]


def test_an_inclusive_maximum_the_structured_field_lacks_is_reported():
    found = _criteria_findings("Inclusion Criteria:\n- Confirmed asthma\n- Up to and including 65 years of age\n", "18 Years", "N/A")
    assert len(found) == 1 and "maximum age of 65 years" in found[0].message


@pytest.mark.parametrize(
    "sentence",
    [
        "We will randomise adults (age: 30 to 75) attending the study sites.",
        "The trial plans to invite women aged 30 to 75 years from general practices.",
        "Target population: adults in the age group of 30-75 years.",
        "Study population: women aged 30 to 75 years with chronic cough.",
    ],
)
def test_summaries_that_say_who_takes_part(sentence):
    assert [s.claim for s in prose_ages(sentence)] == [True]
    found = _summary_findings(f"This trial tests a cough medicine. {sentence}", "18 Years", "N/A")
    assert found and "30" in found[0].message


def test_a_pasted_label_starts_its_own_sentence():
    # a summary's list pasted without a full stop before the label ("... asymptomatic carriers Main inclusion: ...")
    text = (
        "To perform COVID-19 diagnostic testing on emergency personnel to determine:\n\nCOVID-19 prevalence\n"
        "Rate of asymptomatic carriers Main inclusion: adults with age => 28 and =< 73 years."
    )
    assert [(s.describe(), s.claim) for s in prose_ages(text)] == [("28 to 73 years", True)]


def test_an_upper_end_past_any_human_age_is_no_maximum():
    # the lower end still counts; the upper one agrees with an open maximum and contradicts a set one
    assert [s.describe() for s in prose_ages("We will randomise patients (age: 26 to 128) at the sites.")] == ["26 to 128 years"]
    assert _criteria_findings("Inclusion Criteria:\n- Age 18 to 150 years\n", "18 Years", "N/A") == []
    found = _criteria_findings("Inclusion Criteria:\n- Age 10 y/o to 138 y/o\n", "18 Years", "N/A")
    assert len(found) == 1 and "minimum" in found[0].message
    # not a measurement
    assert criteria_ages("Inclusion Criteria:\n- Platelets 100-400 x10^9/L\n") == ()


# NCT05897242 (v2 bulk, tune; structured 18 Years to 30 Years): the real brief summary, with a sentence on who takes part
# appended. "exposure to inhaled toxicants" two sentences earlier made every age after it "a contact's age" (the contact and
# group checks looked 600 characters back in a summary, which has no list items to stop them)
NCT05897242 = (
    "Almost one in ten young adults report current e-cigarette use, putting them at risk of developing nicotine addiction and "
    "long-term health effects of exposure to inhaled toxicants. Despite the need for effective treatments to help these young "
    "users quit, very few treatments targeting any type of tobacco use among young adults have been evaluated, particularly for "
    "young adults who vape and have unique treatment needs."
)


def test_an_earlier_sentence_does_not_scope_an_age():
    summary = f"{NCT05897242} The trial will enroll men and women 28 years of age and older."
    assert [(s.describe(), s.claim) for s in prose_ages(summary)] == [("at least 28 years", True)]
    assert len(_summary_findings(summary, "18 Years", "30 Years")) == 1
    # in its own sentence a contact still scopes the age
    assert prose_ages("Participants must avoid exposure to infants or people over 80 years of age.") == ()


# --- 4. the false positive: an age among risk factors ---------------------------------------------------------------------

# NCT04372082 (ictrp-xlsx, COVID19-web_7Jul2020_sample300.xlsx, tune; structured 18 Years to N/A): read as a maximum of 70
# the structured field lacks once "=" was read; with "≥" intact it was a minimum of 70
NCT04372082 = (
    "  Inclusion Criteria:\n\n    -  Positive SARS-CoV-2 test on nasopharyngeal swab\n\n    -  Onset of symptoms <8 days prior to "
    "randomization\n\n    -  NEWS score<4 AND no item =2\n\n    -  At least one comorbidity among: age = 70 years old, history of "
    "cardiac disease,\n       diabetes, obesity, chronic kidney disease, chronic respiratory failure,\n       immunosuppression, "
    "neoplasia, liver failure (stage = Child-Pugh B)\n\n    -  Fully able to understand the challenges of the trial\n"
)


@pytest.mark.parametrize(
    "text",
    [
        NCT04372082,
        NCT04372082.replace("age = 70", "age ≥ 70"),
        "Inclusion Criteria:\n- One or more risk factors: diabetes, age > 65 years, obesity\n",
        "Inclusion Criteria:\n- At least two of the following: smoking, age over 60 years, hypertension\n",
    ],
)
def test_an_age_among_risk_factors_is_no_limit(text):
    assert criteria_ages(text) == ()
    assert _criteria_findings(text, "18 Years", "N/A") == []


def test_alternatives_in_the_exclusion_criteria_each_exclude():
    # (there "any of the following" lists what excludes: each is a limit)
    text = "Exclusion Criteria:\n  -  Any of the following: pregnancy, infants less than 12 months of age, eczema\n"
    assert criteria_ages(text)


# --- 5. more forms of the criteria (the benchmark's remove_min_age / criteria_age_changed misses on real records) ------

# NCT04252118 and NCT04288102 (ictrp-xml, ICTRP-Results_18Mar2020_sample300.xml, tune; structured 18 Years to 70 Years):
# "aged at" (a translation of the age itself, not a time point) and "(including)" after the lower end
NCT04252118 = "Inclusion Criteria:\n\n  1. Male or female, aged at 18 years (including) -70 years old\n\n  2. Laboratory confirmation of 2019-nCoV infection\n"
# ChiCTR2000030522 (ictrp-xml, tune): the age at signing, not a duration
CHICTR2000030522 = "Inclusion Criteria:\n1. Aged between 18-75 years of signing Informed Consent Form.\n2. Patients with COVID-19\n"
# NCT00004296 (legacy XML, tune; structured 10 Years to N/A): a comparator, then "age", then the number
NCT00004296 = (
    "PROTOCOL ENTRY CRITERIA:\n\nPatients over age 10 with cystic fibrosis documented as follows:\n\n  -  Pilocarpine iontophoresis\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (NCT04252118, "18 to 70 years"),
        (NCT04252118.replace("18 years (including) -70 years old", "18-70 years old"), "18 to 70 years"),
        (CHICTR2000030522, "18 to 75 years"),
        (NCT00004296, "over 10 years"),
        ("Exclusion Criteria:\n- Under age 18\n", "at least 18 years"),
        ("Inclusion Criteria:\n- at least age 21 at screening\n", "at least 21 years"),
    ],
)
def test_more_criteria_forms_are_read(text, expected):
    assert [d for _, d in _read(text)] == [expected]


def test_the_real_records_agree_with_their_structured_limits():
    assert _criteria_findings(NCT04252118, "18 Years", "70 Years") == []
    assert _criteria_findings(NCT00004296, "10 Years", "N/A") == []
    # and a changed lower end is reported
    assert len(_criteria_findings(NCT04252118.replace("aged at 18", "aged at 25"), "18 Years", "70 Years")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria:\n- Children who had seizures under age 2\n",  # an event's age
        "Inclusion Criteria:\n- problems at 18 to 22 months of age\n",  # a time point
        "Inclusion Criteria:\n- at least 10 years of smoking\n",  # a duration
        "Inclusion Criteria:\n- Diabetes diagnosed 2 years from screening\n",
    ],
)
def test_look_alikes_stay_unread(text):
    assert criteria_ages(text) == ()


def test_where_participants_come_from_is_no_time():
    # "years from diagnosis" is a time; "years from general practices" is where the participants come from
    assert [s.describe() for s in prose_ages("We will recruit patients aged 18-65 years from the outpatient clinic.")] == ["18 to 65 years"]


# --- 6. the "over age N" form on real data: what it must not read (each a finding during the round, judged false) ------

# NCT00004210 (legacy XML bulk, tune; structured N/A): the age at a diagnosis in a family-history list
NCT00004210 = (
    "            -  At least 2 successive generations affected\n\n            -  Colorectal cancer (or HNPCC-associated cancer) "
    "diagnosed under age 50 in 1\n               of the relatives\n\n       -  Diagnosis of colorectal cancer under age 41\n\n"
    "       -  HNPCC-associated cancer/polyps* under age 41 with a microsatellite instability\n          (MSI) phenotype\n"
)
# NCT00002592 (legacy XML bulk, tune; structured 18 Years to 60 Years): a qualified sub-group is excluded
NCT00002592 = (
    "DISEASE CHARACTERISTICS: Histologically and cytologically proven chronic myelogenous\nleukemia Accelerated phase OR Chronic "
    "phase No hypocellular marrow (less than 25%\ncellularity) No patients under age 55 with a HLA-matched sibling donor\n\n"
    "PATIENT CHARACTERISTICS: Age: 18 to 60 Performance status: 0-1 Hematopoietic: Granulocyte\n"
)
# NCT00002542 (legacy XML bulk, tune; structured N/A to 120 Years): the ages define a menopausal status, run on over hard wraps
NCT00002542 = (
    "PATIENT CHARACTERISTICS: Age: Not specified Sex: Female Menopausal status: Pre- or\nperimenopausal, i.e., meeting at least 1 "
    "of the following criteria: Normal menstruation\nAmenorrhea for less than 1 year (up to 3 years in patients under age 52) "
    "Biochemical\nevidence of ovarian function Hysterectomy without bilateral oophorectomy in patients under\nage 56 Premenopausal "
    "women no greater than age 50 who were started on replacement hormone\ntherapy before amenorrhea are eligible Performance "
    "status: ECOG 0-2\n"
)


def test_over_age_n_after_an_event_a_sub_group_or_a_definition_is_no_limit():
    assert criteria_ages(NCT00004210) == ()
    assert not [s for s in criteria_ages(NCT00002592) if "55" in s.text]
    assert criteria_ages(NCT00002542) == ()
    assert _criteria_findings(NCT00002592, "18 Years", "60 Years") == []
    assert _criteria_findings(NCT00002542, None, "120 Years") == []


@pytest.mark.parametrize(
    ("text", "minimum", "expected"),
    [
        # true findings of the form on the tune part (structured minimum N/A): the criteria set a minimum the field lacks
        # NCT00001261 (legacy XML bulk): an exclusion item
        ("Exclusion Criteria:\n\nChildren below age 18.\n\nPatients with severe renal or hepatic disease\n", "N/A", "minimum age of 18"),
        # NCT00001220 (legacy XML bulk): excluded in the item's own words
        (
            "Infants and children under age 3 will be excluded due to radiation risk on the developing\nvisual system.",
            "N/A",
            "minimum age of 3",
        ),
        # NCT00007163 (legacy XML bulk)
        ("All subjects must be over age 18.\n\nSubjects must be male or female who are surgically sterile\n", "N/A", "minimum age over 18"),
    ],
)
def test_over_age_n_true_findings(text, minimum, expected):
    found = _criteria_findings(text, minimum, "N/A")
    assert len(found) == 1 and expected in found[0].message


# NCT00005782 (legacy XML bulk, tune; structured N/A to N/A): criteria without section headers, an item that says its own
# people are excluded. Read as an exclusion ("under 18" excluded: a minimum of 18), no longer as a maximum under 18.
NCT00005782 = (
    "Greater than age 17.\n\nSubject must give informed consent to participate in the protocol.\n\n"
    "Children less than 18 years of age are excluded as is per routine for normal volunteer\nprotocols.\n"
)


def test_an_item_that_excludes_its_people_without_section_headers():
    assert [(s.describe(), s.inverted) for s in criteria_ages(NCT00005782)] == [("over 17 years", False), ("at least 18 years", True)]
    found = _criteria_findings(NCT00005782, "N/A", "N/A")
    assert len(found) == 1 and "minimum age over 17" in found[0].message and "maximum" not in found[0].message.split(".")[0]


def test_ta203_quotes_how_a_lost_comparator_was_read():
    from trial_audit.checks.ta203_summary_age_contradicts_criteria import SummaryAgeContradictsCriteria

    example = {"brief_summary": "Participants must be 21 years of age or older.", "criteria": NCT04273529}
    found = _findings(SummaryAgeContradictsCriteria(), **example)
    assert len(found) == 1 and "'Age =18 years'; its '=' is read as '≥'" in found[0].message
