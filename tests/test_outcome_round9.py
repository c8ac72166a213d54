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
        "Improvement of symptoms",
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
