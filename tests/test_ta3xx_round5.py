"""TA301/TA303, fifth round (issues 20 and 23): the classes an independent judge found false among the TA3
findings on the unseen part of the criteria tables and ICTRP files.

Each class: the real text (record id and source in the comment), a variant in other words, and a guard
that a true finding of the same shape stays.
"""

from __future__ import annotations

from tests.ta3_cases import run
from trial_audit.text.condition_inclusion import continues_numbering, negated_in_list
from trial_audit.text.criteria import parse_criteria

# --- 1. an exclusion list continued after a sentence the parse takes for a header ---------------------

# NCT02214147 (criteria table, phase I): exclusion item 4 ends with "Participants who intermittently use
# these medications, must meet the following criteria:", which the parse reads as an inclusion header;
# items 5-22 of the exclusion list then sit in an "inclusion" section, and item 18 ("Known human
# immunodeficiency virus (HIV) positive.") was read as a requirement.
NCT02214147 = """Inclusion Criteria:

  1. Male or female participants 18 years of age or older.

  2. Histologically or cytologically confirmed metastatic and/or advanced solid tumors or
     lymphomas for which standard curative or life-prolonging treatment does not exist.

Exclusion Criteria:

  1. Participants of North/East Asian ethnicity will be excluded.

  2. A medical condition requiring use of pancreatic enzymes; daily, chronic, or regular
     use of proton pump inhibitors (PPIs); or histamine 2 (H2) receptor antagonists.
     Participants who intermittently use these medications, must meet the following
     criteria:

       -  No use of PPIs within 5 days before the first dose of alisertib.

       -  No use of H2 antagonist or pancreatic enzymes within 24 hours before the first
          dose of alisertib.

  3. Inadequate bone marrow or other organ function.

  4. Known human immunodeficiency virus (HIV) positive.

  5. Known history of hepatitis C infection.
"""


def test_exclusion_items_after_a_sentence_read_as_header_are_not_inclusion():
    assert run("TA301", conditions=["advanced solid tumors", "relapsed/refractory lymphoma"], criteria=NCT02214147) == []


def test_exclusion_list_continued_in_other_words():
    text = (
        "Inclusion Criteria:\n\n  1. Adults with chronic plaque psoriasis.\n\n  2. PASI of 12 or more.\n\n"
        "Exclusion Criteria:\n\n  1. Pregnancy.\n\n  2. Regular use of systemic steroids or antacids.\n"
        "     Subjects who occasionally take these drugs must meet the following\n     criteria:\n\n"
        "       -  stable dose for 4 weeks\n\n  3. Biopsy-proven IgA nephropathy.\n\n  4. Active tuberculosis.\n"
    )
    doc = parse_criteria(text)
    # the parse takes the sentence for an inclusion header (the criteria parser's; reported to its owner)
    assert [s.kind for s in doc.sections] == ["inclusion", "exclusion", "inclusion"]
    assert continues_numbering(doc.sections[1], doc.sections[2])
    assert run("TA301", conditions=["Psoriasis"], criteria=text) == []


def test_a_real_inclusion_section_after_the_exclusions_is_still_read():
    # the guard: an inclusion section that restarts its numbering is inclusion text
    text = (
        "Exclusion Criteria:\n\n  1. Pregnancy.\n\n  2. Active tuberculosis.\n\n"
        "Inclusion Criteria:\n\n  1. Adults 18 years or older.\n\n  2. Biopsy-proven IgA nephropathy.\n"
    )
    assert len(run("TA301", conditions=["Asthma"], criteria=text)) == 1


# --- 2. a population of two diseases -----------------------------------------------------------------

# NCT02032888 (criteria table, phase III): hepatitis C in HIV co-infected patients; the exclusions take
# HIV for granted ("AIDs-defining opportunistic infections", "Patients infected with HIV-2").
NCT02032888 = """Key Inclusion Criteria:

  -  Patients chronically infected with hepatitis C virus (HCV) genotype 1, 2, 3, 4, 5, or
     6, as documented by positive HCV RNA at screening

  -  Patients with HCV RNA >=10,000 IU/mL at screening

  -  Patients with HIV-1 infection

Key Exclusion Criteria:

  -  Presence of AIDs-defining opportunistic infections, as defined by the Centers of
     Disease Control and Prevention, within 12 weeks prior to study entry

  -  Patients infected with HIV-2

  -  Liver or any other organ transplant other than cornea and hair
"""


def test_co_infection_population_is_not_a_stray_requirement():
    assert run("TA301", conditions=["hepatitis c"], criteria=NCT02032888) == []


def test_co_infection_population_in_other_words():
    # tuberculosis trial in people living with HIV: treatment items take HIV for granted
    text = (
        "Inclusion Criteria:\n\n  -  Pulmonary tuberculosis confirmed by sputum culture\n\n  -  Documented HIV infection\n\n"
        "  -  On antiretroviral therapy for at least 3 months\n\n  -  CD4 count above 100 cells/mm3\n\n"
        "Exclusion Criteria:\n\n  -  Pregnancy\n"
    )
    assert run("TA301", conditions=["Tuberculosis"], criteria=text) == []


def test_a_stray_requirement_with_one_common_exclusion_is_still_reported():
    # the guard: "Known HIV or AIDS-related illness" style exclusions are in any cancer trial; one item is no population
    text = (
        "Inclusion Criteria:\n\n  -  Histologically confirmed breast cancer\n\n  -  Documented HIV infection\n\n"
        "Exclusion Criteria:\n\n  -  HIV-positive patients on combination antiretroviral therapy\n\n  -  Pregnancy\n"
    )
    assert len(run("TA301", conditions=["Breast Cancer"], criteria=text)) == 1


# --- 3. TA303: kinds of the registered condition listed after it -------------------------------------

# NCT00796003 (criteria table): registered "myelodysplastic syndrome"; the FAB subtypes listed after it
# include refractory anaemia with excess blasts in transformation (read as AML) and chronic myelomonocytic
# leukaemia (read as leukaemia).
NCT00796003 = """Inclusion Criteria:

  -  Myelodysplastic syndrome (de novo or secondary) fitting any of the recognized
     French-American-British classifications: refractory anemia, refractory anemia with
     ringed sideroblasts, refractory anemia with excess blasts, refractory anemia with
     excess blasts in transformation, chronic myelomonocytic leukemia with white blood
     cells less than 13,000 /mm3

  -  20 years or older

Exclusion Criteria:

  -  Acute Myeloid Leukemia (AML) with bone marrow blasts greater than or equal to 30%
"""


def test_subtypes_listed_after_the_registered_condition_are_not_other_conditions():
    assert run("TA303", conditions=["myelodysplastic syndrome"], criteria=NCT00796003) == []


def test_subtypes_listed_after_the_registered_condition_in_other_words():
    text = (
        "Inclusion Criteria:\n\n  -  Myelodysplastic syndrome of any WHO subtype, including refractory cytopenia,\n"
        "     chronic myelomonocytic leukemia, and acute myeloid leukemia with 20-29% marrow blasts\n\n"
        "Exclusion Criteria:\n\n  -  Pregnancy\n"
    )
    assert run("TA303", conditions=["Myelodysplastic Syndromes"], criteria=text) == []


def test_a_list_of_other_diseases_is_still_compared():
    # the guard: a list whose head is not the registered condition names other conditions
    text = (
        "Inclusion Criteria:\n\n  -  Patients with a hematologic malignancy, including acute myeloid leukemia,\n"
        "     chronic lymphocytic leukemia, multiple myeloma or myelodysplastic syndrome\n\n"
        "Exclusion Criteria:\n\n  -  Pregnancy\n"
    )
    assert len(run("TA303", conditions=["Multiple Myeloma"], criteria=text)) == 1


# --- 4. TA303: negated names inside a definition ------------------------------------------------------

# NCT04325061 (ictrp-csv): registered COVID-19 and ARDS; the Berlin definition's parts name what a patient
# must not have ("absence of left atrial hypertension", "no clinical signs of left heart failure").
NCT04325061 = """Inclusion criteria:

  -  Age >= 18 years

  -  ARDS, as defined by Berlin criteria as moderate-to-severe ARDS,3 which
     includes: (i) having pneumonia or worsening respiratory symptoms, (ii) bilateral
     pulmonary infiltrates on chest imaging (x-ray or CT scan), (iii) absence of left
     atrial hypertension, pulmonary capillary wedge pressure <18 mmHg, or no clinical signs
     of left heart failure

Exclusion criteria:

  -  Pregnancy
"""


def test_negated_names_in_a_definition_are_not_conditions():
    assert run("TA303", conditions=["COVID-19", "acute respiratory distress syndrome"], criteria=NCT04325061) == []


def test_negated_names_in_a_definition_in_other_words():
    text = (
        "Inclusion Criteria:\n\n  -  Acute lung injury according to the AECC consensus, which includes: (1) acute onset,\n"
        "     (2) bilateral infiltrates, (3) no clinical left atrial hypertension, (4) absence of congestive heart\n"
        "     failure, (5) absence of chronic obstructive pulmonary disease\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    )
    assert run("TA303", conditions=["Acute Lung Injury"], criteria=text) == []


def test_negated_names_in_a_list_without_a_definition():
    # no definition cue: the negations alone keep the names out of the criteria's list
    text = (
        "Inclusion Criteria:\n\n  -  Septic shock, including: (a) pneumonia, (b) no chronic kidney disease, (c) absence\n"
        "     of cirrhosis, (d) no heart failure\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    )
    assert run("TA303", conditions=["Septic Shock"], criteria=text) == []


def test_negation_is_read_in_the_names_own_list_part():
    t = "includes: (i) absence of left atrial hypertension, pulmonary fibrosis, or asthma"
    assert negated_in_list(t, 0, t.index("atrial"))
    assert not negated_in_list(t, 0, t.index("pulmonary fibrosis"))
    assert not negated_in_list(t, 0, t.index("asthma"))
    # the seed NCT06361745: "Including but not limited to systemic lupus erythematosus, ..." opens a list
    t = "lack effective treatment, Including but not limited to systemic lupus erythematosus, idiopathic myopathy"
    assert not negated_in_list(t, 0, t.index("systemic"))
    t = "Adults with active, non-infectious uveitis"
    assert not negated_in_list(t, 0, t.index("uveitis"))


# --- 5. the message names a different kind of the same disease ----------------------------------------

# NCT00240097 (criteria table, phase II): registered non-small cell lung cancer, "Histologic or cytologic
# diagnosis of SCLC." required: a true finding; both are lung cancers, so the message says so.
NCT00240097 = """Inclusion Criteria:

  -  Histologic or cytologic diagnosis of SCLC.

  -  Measurable disease

Exclusion Criteria:

  -  Pregnancy
"""


def test_sibling_kind_message_names_the_common_disease():
    out = run("TA301", conditions=["non-small cell lung cancer"], criteria=NCT00240097)
    assert len(out) == 1
    assert "another kind of lung cancer" in out[0].message and "organ system" not in out[0].message


def test_another_organ_system_message_stays_for_foreign_diseases():
    text = "Inclusion Criteria:\n\n  -  Biopsy-proven IgA nephropathy\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    out = run("TA301", conditions=["non-small cell lung cancer"], criteria=text)
    assert len(out) == 1 and "another organ system" in out[0].message


def test_ta304_reads_the_continued_exclusion_list():
    # the same lost section seen from TA304: the continued items are exclusions, and excluding the studied
    # condition there is reported as anywhere else in the exclusion list
    text = (
        "Inclusion Criteria:\n\n  1. Adults 40-75 years.\n\n  2. HbA1c 7-10%.\n\n"
        "Exclusion Criteria:\n\n  1. Pregnancy.\n\n  2. Regular use of systemic steroids or antacids.\n"
        "     Subjects who occasionally take these drugs must meet the following\n     criteria:\n\n"
        "       -  stable dose for 4 weeks\n\n  3. Chronic kidney disease.\n\n  4. Type 2 diabetes mellitus.\n"
    )
    out = run("TA304", conditions=["Type 2 Diabetes Mellitus"], criteria=text)
    assert len(out) == 1 and "Type 2 diabetes mellitus" in out[0].evidence.text


# NCT06476470 (ctgov-v2 small folder): the list of causes of the registered ILD are kinds of it; a disease
# named after that sentence (here an injected requirement, as the recall benchmark writes it) is still one
# of the criteria's conditions
NCT06476470 = """Inclusion Criteria:

1. Aged over 18 years old.
2. Diagnosed as ILD by a pulmonologist, rheumatologist or radiologist
3. Various casue of ILD, including Idiopathic pulmonary fibrosis (IPF), Connective tissue disease-associated interstitial lung disease (CTD-ILD), Unclassifed ILD, drug-induced ILD, lymphangioleiomyomatosis (LAM), and sarcoidosis-associated ILD.

Exclusion Criteria:

1. Under 18 years of age.
"""


def test_kinds_of_the_registered_condition_alone_are_no_disagreement():
    assert run("TA303", conditions=["Interstitial Lung Disease"], criteria=NCT06476470) == []


def test_a_disease_after_the_kinds_sentence_is_still_compared():
    text = NCT06476470.replace(
        "sarcoidosis-associated ILD.", "sarcoidosis-associated ILD. Type 2 diabetes with HbA1c between 7.0% and 10.0%"
    )
    out = run("TA303", conditions=["Interstitial Lung Disease"], criteria=text)
    assert len(out) == 1 and "type 2 diabetes" in out[0].message
