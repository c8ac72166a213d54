"""TA805 / TA803 on other registries' records, the two false classes still open after the round-6
precision sample (docs/precision/registries-round6/): a composite outcome on one named scale, and the
single time point of a one-off survey. Each class with the real excerpt (record ID and source in a
comment), variants in other words the fix must also cover, and guards: real several-measure titles and
vague time frames that are still reported."""

from __future__ import annotations

import pytest

from trial_audit.checks.ta803_outcome_time_frame_not_specific import OutcomeTimeFrameNotSpecific
from trial_audit.checks.ta805_several_measures_in_one_title import SeveralMeasuresInOneTitle
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context
from trial_audit.readers.ictrp_fields import row_to_record
from trial_audit.text.outcome_measures import several_measures
from trial_audit.text.outcome_text import one_off_occasion, unspecific


def _ictrp(trial_id: str, registry: str, primary: str, study_type: str = "Interventional") -> TrialRecord:
    fields = {
        "TrialID": trial_id,
        "Source Register": registry,
        "Public title": "A trial",
        "Inclusion Criteria": "Inclusion criteria: adults",
        "Study type": study_type,
        "Primary outcome": primary,
    }
    return row_to_record(fields, Source("x.csv", "ictrp-csv"), "csv")


# --- TA805: the parts of one composite, or the domains one named instrument scores ----------------


def test_real_composite_on_one_named_scale_is_one_measure():
    # ACTRN12620000468921 (ictrp-csv, COVID19-1135-trials_sample300.csv, "Primary outcome"; judged false in round 6)
    rec = _ictrp(
        "ACTRN12620000468921",
        "ANZCTR",
        "Anxiety and depression represent a composite primary outcome, as measured by the Hospital Anxiety and Depression "
        "scale.[Pretreatment (week 1), posttreatment (week 7), primary follow-up (week 15). ]",
    )
    assert [o.title for o in rec.outcomes][0].startswith("Anxiety and depression represent a composite")
    assert list(SeveralMeasuresInOneTitle().check(rec, Context())) == []


ONE_MEASURE = [
    # the domains a named questionnaire scores, named before it (a method lead, "on", "of", a bracket)
    "Anxiety and depression measured by the Hospital Anxiety and Depression Scale (HADS)",
    "Anxiety and depression (HADS)",
    "Depression and anxiety scores on the DASS-21",
    "Pain and fatigue measured by the Brief Symptom Inventory",
    "Insomnia and sleep quality, assessed with the Pittsburgh Sleep Quality Index",
    "Pain intensity and fatigue on the MD Anderson Symptom Inventory (MDASI)",
    # the registrant calls the list one composite
    "Composite score of pain, fatigue and sleep quality on the MDASI",
    "Anxiety and depression symptoms (composite)",
    "Weight and BMI, a composite anthropometric outcome",
    "Death, myocardial infarction and stroke as a composite endpoint",
    # subscales, domains and totals of one instrument (one measure: one instrument, reported with its parts)
    "Total score and subscale scores of the SF-36",
    "Pain and function subscales of the WOMAC",
]


@pytest.mark.parametrize("title", ONE_MEASURE)
def test_parts_of_one_composite_or_instrument_are_one_measure(title):
    assert several_measures(title) is None


SEVERAL = [
    # ChiCTR2000030317 (ictrp-xml, round 6, judged true): four vital measures in one outcome
    (
        "During the operation, the patient's volume of local exhaled air from the mouth and nose, the patient's heart rate, "
        "respiratory rate and blood oxygen saturation",
        ("heart rate", "respiratory rate"),
    ),
    # ChiCTR2000030556 (ictrp-xml, round 6, judged true): four diagnostic accuracy measures
    ("SEN, SPE, ACC, AUC of ROC", ("SEN", "SPE")),
    # each domain on its own instrument: two measures, even after a method lead
    ("Anxiety and depression assessed with the GAD-7 and PHQ-9", ("Anxiety", "depression")),
    ("Anxiety and depression, measured by GAD-7 and PHQ-9 respectively", ("Anxiety", "depression")),
    ("Fatigue and sleep quality as assessed by the Fatigue Severity Scale and the PSQI", ("Fatigue", "sleep quality")),
    # no instrument at all, or vital signs (never one questionnaire's subscales)
    ("Pain and fatigue", ("Pain", "fatigue")),
    ("Blood pressure and heart rate", ("Blood pressure", "heart rate")),
    ("Blood pressure and heart rate on the Omron monitor scale", ("Blood pressure", "heart rate")),
    # "composite" in another sentence of the title does not make this pair one
    ("Composite of death and MI; blood pressure and heart rate", ("blood pressure", "heart rate")),
]


@pytest.mark.parametrize(("title", "parts"), SEVERAL)
def test_real_and_synthetic_several_measures_still_reported(title, parts):
    found = several_measures(title)
    assert found is not None, title
    assert (title[slice(*found.first)], title[slice(*found.second)]) == parts


# --- TA803: the one occasion of a one-off survey or interview is a time point ----------------------


def test_real_survey_time_point_is_specific():
    # TCTR20200324001 (ictrp-csv, COVID19-1135-trials_sample300.csv; a cross-sectional survey of emergency
    # departments, judged false in round 6)
    rec = _ictrp(
        "TCTR20200324001",
        "TCTR",
        "Prepredness measurement [Timeframe at response date electronic survey with electronic questionnaire]",
        "Observational",
    )
    assert [o.time_frame for o in rec.outcomes] == ["at response date electronic survey with electronic questionnaire"]
    assert list(OutcomeTimeFrameNotSpecific().check(rec, Context())) == []


SPECIFIC = [
    "during the survey administration",  # tune part, ClinicalTrials.gov (two records)
    "at the time of survey",
    "At the time of the interview",
    "On completion of the online questionnaire",
    "When the participant answers the survey",
    "at data collection",
    "Cross-sectional, single time point",
    "one-time survey",
    # already specific by a clinical anchor or a unit (unchanged)
    "once, at enrolment",
    "single assessment at baseline",
    "day of the interview",
]


@pytest.mark.parametrize("time_frame", SPECIFIC)
def test_one_off_occasions_are_specific(time_frame):
    assert not unspecific(time_frame)


VAGUE = [
    # TCTR20200401002 (ictrp-csv, round 6, judged true): says it has no time point; the methods it names are not a time
    "no time point administering online questionnaire, in-dept interview and focus group discussion",
    # a method in the time frame, with nothing that says when
    "Questionnaire",
    "online survey",
    "electronic questionnaire",
    # the study's course, not one occasion of the participant's
    "at end of study questionnaire",
    "Throughout study",
    "End of study",
    # tune part (ClinicalTrials.gov): once, or repeated
    "blood draw and testing once or can be repeated",
]


@pytest.mark.parametrize("time_frame", VAGUE)
def test_vague_time_frames_still_reported(time_frame):
    assert unspecific(time_frame)
    assert not one_off_occasion(time_frame)


# --- recall: ways of writing two measures and a vague time frame (classes, not the benchmark's words) ----

TWO_MEASURES_MORE = [
    # each measure with its own instrument in brackets, joined
    ("Depression (BDI-II) and anxiety (STAI)", ("BDI-II", "STAI")),
    ("Pain intensity (VAS) and disability (ODI)", ("VAS", "ODI")),
    # NCT00498706 (tune part, ctgov-xml): three measures, each with its instrument in brackets
    (
        "Health-related Quality of Life (SF-36V), Patient Satisfaction (Satisfaction Index - Mental Health), and Therapeutic "
        "Alliance (Working Alliance Inventory - Short Form)",
        ("SF-36V", "Satisfaction Index - Mental Health"),
    ),
    # NCT00491309 (tune part, ctgov-xml): each group of measures with its analytes in brackets
    (
        "change in inflammatory parameters (BKS, CRP, Leucocytes), change in inflammatory cytokines (TNF-α), change in "
        "parameters of the vascular endothelium (Endothelin, PDGF, VEGF), and endothelial progenitor cells",
        ("BKS, CRP, Leucocytes", "TNF-α"),
    ),
    # laboratory and physiological values in plain words
    ("Serum creatinine and albuminuria", ("Serum creatinine", "albuminuria")),
    ("C-reactive protein and D-dimer levels", ("C-reactive protein", "D-dimer")),
    ("Left ventricular ejection fraction and cardiac output", ("ejection fraction", "cardiac output")),
]


@pytest.mark.parametrize(("title", "parts"), TWO_MEASURES_MORE)
def test_more_ways_of_writing_two_measures(title, parts):
    found = several_measures(title)
    assert found is not None, title
    assert (title[slice(*found.first)], title[slice(*found.second)]) == parts


ONE_MEASURE_MORE = [
    "Anxiety (HADS-A) and depression (HADS-D)",  # the two subscales of one instrument
    "Pain assessed by VAS (0-10) and NRS (0-10)",  # a method lead: how one measure is taken
    "HbA1c (%) and glucose variability (CV)",  # a unit on one side: not two instruments in brackets
    "ALT (IU/L) and AST (IU/L)",  # units, not instruments (two measures, but not this pattern's to say)
    "Urine protein/creatinine ratio",
    "Change in proteinuria (g/day)",
    "Response rate (CR and PR)",
    # tune part (ClinicalTrials.gov): abbreviations of the words before them, a derivation, kinds of one measure
    "Number of participants with adverse events (AEs) and serious adverse events (SAEs)",
    "Maximum-tolerated dose (MTD) and dose-limiting toxicity (DLT)",
    "Peak Pain Intensity Difference (PPID6), as Derived From Maximum Pain Intensity (NRS) Difference From Baseline",  # NCT00461682
    "Rate of T-cell (CD3+) and Myeloid (CD33+) Chimerism by Day +28",  # NCT00496340
    "Best corrected visual acuity (BCVA), intraocular pressure (IOP)",  # abbreviations (the plain-word pair is another matter)
]


@pytest.mark.parametrize("title", ONE_MEASURE_MORE)
def test_bracketed_units_subscales_and_methods_are_not_two_instruments(title):
    found = several_measures(title)
    assert found is None or "its own instrument" not in found.why, title
