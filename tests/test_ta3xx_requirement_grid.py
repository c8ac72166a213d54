"""TA301, generated grid (issue 20): a recognised disease name followed by how it is found or a circumstance.

``docs/detection-fresh4-misses.md`` ("Named, not read"): an inclusion item that opens with a name ICD-10-CM finds and
goes on to say how the disease is found ("... seen at endoscopy", "... suspected on MRI") or the event it follows
("... after <procedure>", "... following <event>") was not read as a requirement. The cells below are generated
(names across chapters x tails of each class x where the item sits), with wordings written for these tests, none
from the benchmark halves; ``benchmarks/probe_scope_requirements.py`` runs the full grid. The look-alikes (the same
names and tails where the item does not require the disease of everyone) must stay silent, and so must a bare name,
which the rule leaves alone on purpose (``condition_analysis``: a list entry, a complication or a label).
"""

from __future__ import annotations

import itertools

import pytest

from tests.ta3_cases import inc, run

#: a real trial context (tune part of ctgov-v2-bulk): breast-cancer surgery, no digestive, vascular or lung condition
BREAST = {  # NCT03797482
    "conditions": ["Breast Cancer Female"],
    "brief_title": "A Prospective Evaluation of the Peri-operative Hypoxia in Breast Cancer",
    "minimum_age": "18 Years",
}

#: ICD-10-CM names found on their own (no curated concept), one or two per chapter
NAMES = [
    "Duodenal ulcer",
    "Oesophageal varices",
    "Portal vein thrombosis",
    "Pneumothorax",
    "Hydronephrosis",
    "Osteomyelitis",
    "Pilonidal sinus",
    "Endometrioma",
    "Cryptococcal meningitis",
    "Ventricular septal defect",
]
#: how it is found: participle + preposition + means (other words than the probe's)
FOUND = [
    "visualised at gastroscopy",
    "evident on chest X-ray",
    "found on ultrasound",
    "apparent on MRI",
    "revealed by CT scan",
    "identified during surgery",
    "as demonstrated with contrast imaging",
    "suspected upon clinical examination",
]
#: the event it follows
CIRCUMSTANCE = ["after laparotomy", "following cardiac surgery", "after 2 weeks of symptoms", "following a fall from height"]


def appended(item):
    """The requirement joined to another item with "; and", as registrants append one."""
    return (
        "Inclusion Criteria:\n\n  * Age 18 years or older; and " + item[0].lower() + item[1:] + "\n  * Signed informed consent\n"
        "\nExclusion Criteria:\n\n  * Pregnancy\n"
    )


REQUIRED = [f"{n} {t}" for n, t in itertools.product(NAMES, FOUND + CIRCUMSTANCE)]


@pytest.mark.parametrize("item", REQUIRED)
def test_name_and_how_found_or_circumstance_is_a_requirement(item):
    assert run("TA301", **BREAST, criteria=inc(item)), item


@pytest.mark.parametrize("item", REQUIRED[::5])
def test_appended_requirement_is_read_too(item):
    assert run("TA301", **BREAST, criteria=appended(item)), item


LOOK_ALIKES = {
    "negated": "No {lname} {tail}",
    "absence": "Absence of {lname} {tail}",
    "treatment context": "Scheduled for treatment of {lname} {tail}",
    "risk context": "At risk of {lname} {tail}",
    "a relative's": "{name} {tail} in a first-degree relative",
    "a sibling's": "{name} {tail} in a brother or sister",
}
SILENT = [
    shape.format(name=n, lname=n[0].lower() + n[1:], tail=t)
    for shape, n, t in itertools.product(LOOK_ALIKES.values(), NAMES[::3], FOUND[::3] + CIRCUMSTANCE[::2])
]
#: a bare name, or with a full stop: left alone on purpose (a list entry, a complication or a label)
SILENT += NAMES + [n + "." for n in NAMES]
#: the name with a finding tail as one of several alternatives: not everyone's requirement
SILENT += [f"One of the following:\n    * {n} {t}\n    * Chronic kidney disease stage 3" for n, t in zip(NAMES, FOUND + CIRCUMSTANCE)]


@pytest.mark.parametrize("item", SILENT)
def test_look_alikes_stay_silent(item):
    assert not run("TA301", **BREAST, criteria=inc(item)), item


#: the disease put in a relative by the old "in" tail ("Pulmonary embolism in a first-degree relative"): a family
#: history, not the participant's disease - was reported before this round
RELATIVES = [
    f"{n} in {who}"
    for n, who in itertools.product(NAMES[::2], ["a first-degree relative", "the mother or father", "one or more siblings", "a twin"])
]


@pytest.mark.parametrize("item", RELATIVES)
def test_disease_in_a_relative_stays_silent(item):
    assert not run("TA301", **BREAST, criteria=inc(item)), item
