"""Outcome round 9 (issue 20): classes of TA802/TA803/TA805 misses, by shape, each with variants written
for this round (not wordings of any benchmark half), and the titles that must stay silent beside them.

Classes (docs/rules-ta8xx.md, "Round 9"):
- TA802: a change noun with nothing measured as its object ("Clinical improvement"); an effect said of a
  generic object ("Effect on the disease"); two domains weighed against each other ("Benefit-risk profile").
- TA803: numbers joined by any list punctuation ("0/6/12"); "pre and post" with no event named; a unit
  of time with a vague quantity and no number ("Several months").
- TA805: a value or score beside a count of clinical events ("Bone mineral density and new fractures");
  two laboratory values each named by its specimen, joined by a slash ("Serum IgE / blood eosinophil count").
"""

import pytest

from trial_audit.readers.ictrp_outcomes import parse_outcomes
from trial_audit.text.outcome_measures import several_measures
from trial_audit.text.outcome_text import bare_number, domain_only, unspecific

# --- TA802: domain-only titles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        # a change noun, nothing measured
        "Improvement",  # NCT00494065 (ctgov-xml, tune part), secondary outcome titled only this
        "Clinical Improvement",  # NCT04363216 (ICTRP xlsx, tune part), primary outcome
        "Overall improvement of the condition",
        "Clinical amelioration",
        "Therapeutic improvement in patients with asthma",
        "Symptomatic improvement",
        # an effect said of a generic object
        "Impact on the condition",
        "Effect of treatment on patients",
        "Influence on the illness",
        "Effects of the intervention on health",
        "Treatment effect on the underlying disease",
        # two domains weighed against each other
        "Risk-benefit balance",
        "Risk/benefit ratio",
        "Efficacy-safety profile",
        "Benefit\u2013risk assessment",
    ],
)
def test_domain_titles_found(title):
    assert domain_only(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Improvement in pain",
        "Improvement of FEV1",
        "Improvement in walking distance",
        "Improvement in quality of life",
        "Improvement rate",
        "Percentage of patients with clinical improvement",
        "Clinical improvement on the WHO ordinal scale",
        "Effect on blood pressure",
        "Impact on sleep quality",
        "Effect of X on pain",
        "Effect on the disease activity score",
        "Risk of bleeding",
    ],
)
def test_measures_are_not_domains(title):
    assert domain_only(title) is None


# --- TA803: time frames ------------------------------------------------------------------------------


@pytest.mark.parametrize("time_frame", ["0/6/12", "3; 6; 12", "4 & 8", "6 or 12", "0 through 24", "1 \u2014 3", "0 6 12", "12."])
def test_bare_numbers_any_separator(time_frame):
    assert bare_number(time_frame)


@pytest.mark.parametrize("time_frame", ["2020/2021", "12/2019", "Week 12", "0/6/12 months"])
def test_dates_and_units_are_not_bare_numbers(time_frame):
    assert not bare_number(time_frame)


@pytest.mark.parametrize(
    "time_frame",
    [
        # pre/post with no event named
        "Pre and post",
        "pre- & post-",
        "Pre/post",
        "Pre-test and post-test",
        "Pre and post the programme",
        "Pre-post",
        # a unit with a vague quantity and no number
        "Several months",
        "A few weeks",
        "Some years of follow-up",
        "Over many months",
        "A couple of days",
        "Weeks to months",
        "months or years",
    ],
)
def test_vague_time_frames(time_frame):
    assert unspecific(time_frame)


@pytest.mark.parametrize(
    "time_frame",
    [
        "Pre and post surgery",
        "Pre- and post-operatively",
        "Pre-dose and post-dose",
        "Several months (6 months)",
        "A few days after surgery",
        "Some weeks after delivery",
        "Post-test at week 8",
        "12 weeks",
    ],
)
def test_anchored_time_frames_stay_specific(time_frame):
    assert not unspecific(time_frame)


# --- TA805: several measures -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        # a value or score beside a count of clinical events
        "Bone mineral density and new fractures",
        "HbA1c and severe hypoglycaemic episodes",
        "Pain score and falls",
        "Body weight and incident falls",
        "eGFR and cardiovascular events",
        "Quality of life score; hospital readmissions",
        # NCT04678869 (ctgov-v2, tune part), description of a secondary outcome
        "severe infection rates and deaths from infection",
        # two laboratory values named by their specimens
        "Serum IgE / blood eosinophil count",
        "Plasma renin / urinary sodium excretion",
        "Serum ferritin / blood haemoglobin",
        "Urinary cotinine and serum vitamin D",
    ],
)
def test_two_measures_found(title):
    assert several_measures(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Falls and fractures",  # two events side by side may be one count
        "Number of falls and fractures",
        "Rate of new fractures and falls",
        "Time to first exacerbation and hospitalisations",
        "Deaths and strokes",
        "Nausea and vomiting episodes",
        "Serum IgE",
        "Serum IgE / total IgE",
        "Serum LDL/HDL ratio",
        "Serum 25(OH)D and PTH levels",
        "Plasma and urine osmolality",
        "Serum and urine creatinine",
        "Blood glucose / blood glucose variability",
    ],
)
def test_one_measure_stays_silent(title):
    assert several_measures(title) is None


# --- round 9, second pass: the same classes widened (own variants; real texts with their record ids) -----


@pytest.mark.parametrize(
    "title",
    [
        "Clinical Status",  # NCT05595538 (ctgov-classic, tune part)
        "Nutritional status",  # NCT05994521 (ctgov-v2, tune part)
        "General Health Status",  # NCT00494065 (ctgov-xml, tune part)
        "Wellbeing and quality of life",  # NCT05227898 (ctgov-v2, tune part)
        "Response to treatment",  # NCT05404347 (ctgov-v2, tune part)
        "Immunological response to HPV",  # NCT00002916 (ctgov-xml, tune part)
        "cosmetic results",  # NCT00499057 (ctgov-xml, tune part)
        "Assessing efficacy",
        "Measurement of efficacy",
        "Evaluating the safety of the drug",
        "Tolerance to treatment",
        "Clinical results",
        "Harms",
        "Risks and benefits",
        "Beneficial effects",
        "Symptom relief",
        "Psychological well-being",
        "Improvement of symptoms",  # symptoms, with no instrument or score: still a domain
        "Effect on symptoms",
        "Clinical value",
        "Diagnostic value",
        "Patient experience",
    ],
)
def test_states_and_results_without_a_measure_are_domains(title):
    assert domain_only(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Vaccine effectiveness by age",  # NCT04811391 (ctgov-classic): vaccine effectiveness is a defined quantity
        "Immune response to vaccine antigens by ELISA",
        "Results of the 6-minute walk test",
        "Risks of surgery",
        "Health status (EQ-5D)",
        "Clinical status on a 7-point ordinal scale",
        "Well-being measured by WHO-5",
        "Vital status",
        "Performance status",
        "Positive blood cultures",
        "Negative predictive value",
        "Time to response",
        "Predictive value",
        "Positive predictive value",
        "Effect on symptoms measured by the NPI",
    ],
)
def test_named_measures_are_not_domains(title):
    assert domain_only(title) is None


@pytest.mark.parametrize("time_frame", ["12;", "~12", ">12", "(12)", "0 -> 12", "0 \u2192 12", "T0, T1, T2", "T0-T3"])
def test_bare_numbers_and_codes(time_frame):
    assert bare_number(time_frame)


@pytest.mark.parametrize("time_frame", ["Over the years", "In the following months", "Weeks", "over the next months", "minutes"])
def test_plural_units_without_a_number_are_vague(time_frame):
    assert unspecific(time_frame)


@pytest.mark.parametrize(
    "time_frame",
    [
        "Thirteen weeks after the beginning of study vaccination",  # NCT04747821 (ctgov-classic, tune part)
        "Fifteen days",
        "forty-two days after surgery",
    ],
)
def test_numbers_in_words_are_time_points(time_frame):
    assert not unspecific(time_frame)


@pytest.mark.parametrize(
    "title",
    [
        "1- Body weight 2- Waist circumference",
        "1: HbA1c 2: fasting glucose",
        "\u2460 Blood pressure \u2461 Heart rate",
        "A/ Pain B/ Function",
    ],
)
def test_enumerations_with_other_markers(title):
    assert several_measures(title) is not None


@pytest.mark.parametrize(
    "title",
    [
        "Maximum Tolerated Dose (MTD) Cytarabine + UCN-01",  # NCT00004263 (ctgov-xml, tune part): a combination, one dose
        "Pain score 1: none 2: mild",
        "Ratio 1:2",
    ],
)
def test_not_enumerations(title):
    assert several_measures(title) is None


@pytest.mark.parametrize(
    "title",
    [
        # three or more symptoms or complications after a rate's head are kinds of one safety measure (the round-8
        # probes, tests/outcome_probes_round8.py, hold "Incidence of nausea, vomiting and dizziness" as one measure)
        "Incidence of hypotension, bradycardia and desaturation",
        "Rate of wound infection, dehiscence and seroma",
        "Incidence of death, MI, or stroke",
        "Incidence of nausea and vomiting",
        "Number of Participants With HGPIN, ASAP, and Prostate Cancer at Biopsy",  # NCT00056407 (ctgov-xml): people counted
        "Incidence of adverse events, serious adverse events and deaths",
        "Incidence of grade 3, 4 and 5 toxicity",
    ],
)
def test_kinds_of_one_safety_measure_stay_silent(title):
    assert several_measures(title) is None


# --- ICTRP reader: a time frame's lines stay apart --------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "registry", "time_frame"),
    [
        # CTRI layout (the fp9 record's shape): each line its own time point
        ("Mortality at 90 days. Timepoint: Day 30 <br/ ><br>Day 90", None, "Day 30; Day 90"),
        # CTRI/2020/05/025275 (ICTRP xlsx, tune part) had "baseline Day 30"
        ("Change in SOFA score. Timepoint: baseline<br>Day 30", None, "baseline; Day 30"),
        # EUCTR2020-001310-38-DE (ICTRP, tune part): two groups' time points on two lines
        (
            "Primary end point(s): Viral clearance<br>Timepoint(s) of evaluation of this end point: Treatment group: Day 21<br>"
            "Control group: Days 14 and 21",
            None,
            "Treatment group: Day 21; Control group: Days 14 and 21",
        ),
        # a line that cannot end there, or that continues the one before, is joined with a space
        ("Pain[From baseline to<br>week 12]", "ANZCTR", "From baseline to week 12"),
        ("Mortality[ICU stay<br>at 4 weeks]", "ANZCTR", "ICU stay at 4 weeks"),
        ("Relapse[Up to week 24.<br>Assessed monthly]", "ANZCTR", "Up to week 24. Assessed monthly"),
    ],
)
def test_ictrp_time_frame_lines_kept_apart(raw, registry, time_frame):
    assert parse_outcomes(raw, registry)[0].time_frame == time_frame
