"""TA301/TA303, sixth round: false-positive classes an independent judge found on the other registries'
formats (DRKS, ICTRP). Each class: the real text (record id and source in the comment), variants in other
words, and a guard that a true finding of the same shape stays.
"""

from __future__ import annotations

import pytest

from tests.ta3_cases import run

# --- 1. an item that admits a disease, not requires it ------------------------------------------------

# DRKS00021732 (DRKS JSON, COVID-19 trial): the item admits people with kidney disease of any severity,
# next to "Patients of both gender"; it is no requirement that everyone have it.
DRKS00021732 = (
    "Inclusion Criteria:\n- Patients of both gender\n- Patients with pre-existing chronic renal insufficiency in any degree of severity\n"
)


def test_any_degree_of_severity_admits_the_disease():
    assert run("TA301", conditions=["Covid-19"], criteria=DRKS00021732) == []


@pytest.mark.parametrize(
    "item",
    [
        "Patients with chronic kidney disease, regardless of stage",
        "Patients with or without chronic kidney disease",
        "Patients with chronic kidney disease irrespective of severity",
        "Patients with chronic kidney disease are also eligible",
        "Patients with chronic kidney disease can participate",
        "Patients with chronic kidney disease may be included",
        "Chronic kidney disease in any stage",
    ],
)
def test_admitting_wordings(item):
    assert run("TA301", conditions=["Covid-19"], criteria=f"Inclusion Criteria:\n- Adults\n- {item}\n") == []


def test_required_disease_still_reported():
    crit = "Inclusion Criteria:\n- Patients of both gender\n- Patients with pre-existing chronic renal insufficiency stage 3 or 4\n"
    assert [f.rule for f in run("TA301", conditions=["Covid-19"], criteria=crit)] == ["TA301"]


# --- 3. the older and newer names of one class of disease -------------------------------------------------

# NCT00361140 (criteria table, tune part): registered "myeloproliferative disorders" beside myelodysplastic
# syndromes, lymphocytic leukaemia, myeloma and lymphoma; the criteria's "myelofibrosis" is read as a
# myeloproliferative neoplasm (the WHO name of the class since 2008), which the older registered name must match.
NCT00361140_CRITERIA = """Inclusion Criteria - Recipient:

  -  Diagnosis of any of the following:

       1. Acute myelogenous leukemia (AML), Acute lymphoblastic leukemia (ALL), in first remission with high risk of relapse

       2. Myelodysplastic Syndrome (MDS), with IPSS >1

       3. Chronic myelogenous leukemia (CML), with GleevecR-refractory or intolerant chronic phase

       4. Myeloproliferative disorders, including Ph-negative CML, myelofibrosis and
          chronic myelomonocytic leukemia (CMML)

       5. Multiple myeloma, refractory to two or more lines of therapy.
"""
REGISTERED = ["myelodysplastic syndromes", "leukemia, lymphocytic", "myeloma", "lymphoma"]


def test_disorders_and_neoplasms_are_one_class():
    assert run("TA303", conditions=[*REGISTERED, "myeloproliferative disorders"], criteria=NCT00361140_CRITERIA) == []


def test_disorder_disease_syndrome_variants_match():
    crit = "Inclusion Criteria:\n- Diagnosis of leukemia\n- Confirmed myelodysplastic syndrome\n"
    assert run("TA303", conditions=["Leukemia", "Myelodysplastic Disorder"], criteria=crit) == []


def test_unregistered_class_still_reported():
    # guard: without the registered name the criteria's myeloproliferative neoplasm is still an extra condition
    assert [f.rule for f in run("TA303", conditions=REGISTERED, criteria=NCT00361140_CRITERIA)] == ["TA303"]


def test_neoplasm_swapped_in_only_for_clonal_classes():
    from trial_audit.text.condition_words import head_variants

    assert "heart neoplasm" not in head_variants("heart disease")
    assert "myeloproliferative neoplasms" in head_variants("myeloproliferative disorders")
    assert head_variants("disease") == []


# --- 2. a trial designed for a population of two diseases ------------------------------------------------

# NCT02480712 (criteria table, tune part; registered "hepatitis c virus infection"): "HIV-1 infection" is
# required, and the exclusion "illness (other than HCV or HIV)" names both diseases every participant has.
NCT02480712 = """Key Inclusion Criteria:

  -  HCV RNA ≥ 10^4 IU/mL at screening

  -  HCV genotype 1, 2, 3, 4, 5, 6

  -  HIV-1 infection

  -  Use of protocol specified method(s) of contraception

Key Exclusion Criteria:

  -  Clinically-significant illness (other than HCV or HIV) or any other major medical
     disorder that may interfere with individual's treatment, assessment or compliance with
     the protocol
"""


def test_exemption_naming_both_diseases_marks_the_population():
    assert run("TA301", conditions=["hepatitis c virus infection"], criteria=NCT02480712) == []


def test_exemption_variant_wording():
    crit = NCT02480712.replace("(other than HCV or HIV)", "except hepatitis C and HIV")
    assert run("TA301", conditions=["hepatitis c virus infection"], criteria=crit) == []


def test_second_disease_nothing_else_names_still_reported():
    crit = NCT02480712.replace("(other than HCV or HIV)", "")
    assert [f.rule for f in run("TA301", conditions=["hepatitis c virus infection"], criteria=crit)] == ["TA301"]
