"""TA301 as a class: an inclusion item that requires, for everyone, a disease of another organ system.

Each real case quotes a short excerpt of the record it comes from (record id and source in the
comment) and, where it fixes a class, adds a variant in other words, so that the fix is not keyed
to the one sentence. Organ systems come from ICD-10-CM chapters (``condition_systems``).
"""

from __future__ import annotations

import pytest

from tests.ta3_cases import run
from trial_audit.text.condition_systems import foreign_chapters, icd_codes_of_name, organ_chapters, system_of


def inc(*items):
    return (
        "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n"
        + "".join(f"  -  {t}\n\n" for t in items)
        + ("Exclusion Criteria:\n\n  -  Pregnancy\n")
    )


# --- the class: requirements from another organ system ------------------------------------------


@pytest.mark.parametrize(
    "conditions,item",
    [
        # the brief's examples, each a different chapter pair
        (["Knee Osteoarthritis"], "Raised intraocular pressure of 24 mmHg or more in at least one eye"),
        (["Major Depressive Disorder"], "History of at least two gout flares in the past 12 months"),
        (["Asthma"], "Biopsy-proven IgA nephropathy"),
        (["Plaque Psoriasis"], "Child-Pugh class A or B"),
        (["Osteoarthritis"], "EDSS score of 5.5 or less"),
        (["Asthma"], "HbA1c of 7.5% to 10% with type 2 diabetes"),
        # a positive test for an infection in a haematology trial is a requirement of that infection
        (["Acute Myeloid Leukemia"], "Positive hepatitis C antibody test"),
        (["Acute Myeloid Leukemia"], "Hepatitis B surface antigen positive at screening"),
        # diseases the curated vocabulary does not list, found by their ICD-10-CM names
        (["Heart Failure"], "Documented diagnosis of bullous pemphigoid"),
        (["Asthma"], "Confirmed diagnosis of Wilson's disease"),
        # modifiers before the name do not hide it ("wet", "non-infectious", "HER2-negative")
        (["HIV Infections"], "Participants with wet age-related macular degeneration"),
        (["HIV Infections"], "Active non-infectious intermediate or posterior uveitis"),
        (["COVID-19"], "Histologically confirmed HER2-negative breast cancer, stage II-III"),
        # registered names outside the vocabulary still place the trial (ICD-10-CM words / prefixes)
        (["Chronic Insomnia"], "Diagnosis of cirrhosis of the liver according to standard criteria"),
        (["Polycystic Kidney"], "Relapsing multiple sclerosis with an EDSS score of 5.5 or less"),
        # healthy-volunteer trials: any disease requirement is foreign
        (["Healthy"], "Diagnosis of pulmonary tuberculosis according to standard criteria"),
    ],
)
def test_off_system_requirement_is_reported(conditions, item):
    fs = run("TA301", conditions=conditions, criteria=inc(item))
    assert len(fs) == 1
    assert fs[0].evidence.text.startswith(item[:30])
    assert "another organ system" in fs[0].message
    assert any(e.field.startswith("conditions[") for e in fs[0].related)


@pytest.mark.parametrize(
    "conditions,criteria",
    [
        # seed/000 (NCT06361745): PBC histology in a lupus / myositis / sclerosis trial
        (
            ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            inc("Histological evidence of non-suppurative destructive cholangitis and small bile duct destruction."),
        ),
        # NCT00005808 (ctgov-xml-bulk): HIV required of everyone in a cervical-neoplasia trial
        (["Cervical Cancer", "Cervical Intraepithelial Neoplasia Grade 3"], inc("HIV positive but not currently on antiviral therapy")),
        # NCT02032888 (criteria corpus): HIV co-infection required, only hepatitis C registered
        (["hepatitis c"], inc("Patients with HIV-1 infection")),
        # NCT00158886 (criteria corpus): rectal cancer (digestive organs) in a renal-cell-carcinoma trial
        (["carcinoma, renal cell"], inc("Patients with histologically confirmed rectal cancer.")),
    ],
)
def test_real_true_positives(conditions, criteria):
    assert run("TA301", conditions=conditions, criteria=criteria)


# --- legitimately general: not findings ---------------------------------------------------------


@pytest.mark.parametrize(
    "example",
    [
        # comorbidity exclusions
        {"conditions": ["Knee Osteoarthritis"], "criteria": inc("No history of glaucoma")},
        # healthy volunteers' health requirements
        {"conditions": ["Healthy"], "criteria": inc("Healthy as judged by the investigator")},
        # a header or a cohort label scopes the item
        {"conditions": ["Psoriasis"], "criteria": inc("For patients with liver cirrhosis: Child-Pugh class A")},
        {
            "conditions": ["Type 2 Diabetes"],
            "criteria": "Inclusion Criteria:\n\nCohort 2 (hepatic impairment):\n\n  -  Child-Pugh class B cirrhosis\n",
        },
        # comorbidities of a linked system, required on purpose
        {"conditions": ["Metabolic Syndrome"], "criteria": inc("Diagnosis of essential hypertension")},
        {"conditions": ["Anemia of Chronic Kidney Disease"], "criteria": inc("Chronic kidney disease stage 3 to 5")},
        # oncology supportive care: the registered condition is a symptom, the cancer is the setting
        {"conditions": ["Chemotherapy-induced Nausea and Vomiting"], "criteria": inc("Histologically confirmed breast cancer")},
        # the title names the condition
        {
            "conditions": ["Obstructive Sleep Apnea"],
            "brief_title": "CPAP for Resistant Hypertension in Sleep Apnoea",
            "criteria": inc("Hypertension diagnosed by 24-hour ambulatory monitoring"),
        },
        # keywords name it
        {"conditions": ["Asthma"], "keywords": ["gout"], "criteria": inc("History of at least two gout flares")},
        # a cancer's own organ: Child-Pugh in a liver-cancer trial (NCT00493402, ctgov-xml-bulk)
        {"conditions": ["Hepatocellular Carcinoma"], "criteria": inc("Cirrhotic status of Child-Pugh class A only")},
        # viral hepatitis is a liver disease: cirrhosis in a hepatitis C trial (NCT02639338, criteria corpus)
        {"conditions": ["hepatitis c virus infection"], "criteria": inc("Presence of cirrhosis")},
        {"conditions": ["Chronic Hepatitis B"], "criteria": inc("Compensated liver disease (Child-Pugh class A)")},
        # the same disease filed in two chapters (NCT01021813, criteria corpus: insomnia F51 / G47)
        {"conditions": ["insomnia"], "criteria": inc("Diagnosis of primary insomnia")},
        # traits required on purpose (NCT00745251, criteria corpus: obese adults in a sleep-apnoea trial)
        {"conditions": ["sleep apnea"], "criteria": inc("Obese adults 30 - 65 years old (inclusive);")},
        {"conditions": ["Chronic Obstructive Pulmonary Disease"], "criteria": inc("Current smokers with alcohol dependence")},
    ],
)
def test_general_items_stay_quiet(example):
    assert not run("TA301", **example)


# --- false-positive classes found on the tune part, each with a variant in other words -----------


@pytest.mark.parametrize(
    "conditions,criteria",
    [
        # NCT06305754 (ctgov-v2-bulk): the infection names whom a conditional requirement is about
        (
            ["Lung Cancer", "Non-small Cell Lung Cancer"],
            inc("Human immunodeficiency virus (HIV)-infected participants must have well controlled HIV on antiretroviral therapy."),
        ),
        (["Breast Cancer"], inc("Patients with chronic hepatitis B should be on suppressive antiviral therapy")),
        # NCT00001683 (ctgov-xml-bulk): the same, with the disease after "patients with"
        (
            ["Lymphoma", "Melanoma"],
            inc("Patients with prostate cancer that have not undergone surgical castration must continue treatment with an LHRH agonist."),
        ),
        # NCT00496236 / NCT04478006: one of a list of alternatives, ending in "or"
        (["Head and Neck Cancer"], inc("Renal failure, or")),
        (["Asthma"], inc("Chronic hepatitis C infection, or")),
        # NCT00003138 (ctgov-xml-bulk): "RA" is refractory anaemia in a myelodysplasia trial
        (["Myelodysplastic Syndromes"], inc("RA with ringed sideroblasts")),
        (["Lymphoma"], inc("MS with excess blasts on the marrow aspirate")),
        # NCT00490763 (ctgov-xml-bulk): "PSA criteria" are prostate-specific-antigen criteria, not PsA
        (["Prostate Cancer"], inc("Patients who have clinically localized cancer defined by pathologic and PSA criteria")),
        # NCT00498251 (ctgov-xml-bulk): an unmarked lead-in over a list of risk factors
        (
            ["Acute Lung Injury"],
            "Inclusion Criteria:\n\nPatients with at least 3 risk factors for postoperative lung edema\n\n"
            "  -  age > 60 yrs\n\n  -  coronary artery disease (history of myocardial infarct)\n\n",
        ),
        (
            ["Asthma"],
            "Inclusion Criteria:\n\nParticipants with two or more of these conditions\n\n"
            "  -  chronic kidney disease\n\n  -  liver cirrhosis\n\n",
        ),
        # NCT00001284 (ctgov-xml-bulk): PATIENTS: beside CONTROLS: - one population's diagnoses
        (
            ["Schizophrenia"],
            "INCLUSION CRITERIA:\n\nCONTROLS:\n\nNo psychiatric illness.\n\nPATIENTS:\n\n"
            "Schizophrenia according to DSM IV.\n\nMild to Moderate Parkinson's Disease (Hoehn and Yahr Stage 1-3).\n\n"
            "EXCLUSION CRITERIA:\n\nImpaired consent.\n",
        ),
        # NCT00001989 (ctgov-xml-bulk): infections under an "Allowed:" concurrent-medication list
        (
            ["HIV Infections"],
            "Inclusion Criteria\n\nConcurrent Medication:\n\nAllowed:\n\n  -  Chronic suppressive therapy for the following infections:\n\n"
            "Toxoplasmosis (pyrimethamine, sulfadiazine, or clindamycin). Cryptococcosis (fluconazole).\n",
        ),
        # NCT00005783 (ctgov-xml-bulk): a bare complication among a list (sickle-cell trial)
        (["Sickle Cell Disease"], inc("Osteonecrosis of multiple bones.")),
        # NCT05653063 (ctgov-v2-bulk): parallel items, one cohort each
        (
            ["Cancer of Prostate", "Cancer Head Neck"],
            "Inclusion Criteria:\n\n1. Consecutive patients with histologically confirmed head and neck cancers (Stage I-III) that "
            "have given consent for radical radiotherapy.\n2. Consecutive histologically confirmed primary cervical cancer patients "
            "(Stage IB-IIIB) that have given consent for radical radiotherapy.\n3. Consecutive histologically confirmed primary "
            "prostate cancer patients (T1-4N0M0) that have given consent for radical radiotherapy.\n",
        ),
        # NCT00002956 (ctgov-xml-bulk): a permission
        (["Leukemia", "Lymphoma"], inc("Patients serologically hepatitis B and C positive may receive cytotoxic therapy")),
        # NCT01380080 (ctgov-xml): a test to be done, not a positive result
        (["HIV Infections", "Tuberculosis"], inc("Results from a hepatitis B surface antigen test performed within 30 days")),
        # NCT00099463 (criteria corpus): willing to receive results
        (["healthy"], inc("Willing to receive HIV test results and to abide by guidelines for notification of positive HIV results")),
        # NCT00493961 (ctgov-xml-bulk): a low-testosterone band is not prostate-specific
        (["Kallmann Syndrome", "Idiopathic Hypogonadotropic Hypogonadism"], inc("Serum testosterone <100 ng/dL")),
        # NCT02128763 (criteria corpus): Schirmer's test is a dry-eye test, not Sjogren-specific
        (["dry eye"], inc("Have a Schirmer's Test score of 10 mm or less")),
        # NCT03663374 (criteria corpus): NIAAA (alcohol institute) is not NIA-AA (Alzheimer criteria)
        (["alcohol dependence"], inc("Drinking above the NIAAA medium risk level")),
        # NCT00730392 (criteria corpus): GAD65 antibodies are not generalised anxiety disorder
        (["type 1 diabetes"], inc("Positive GAD 65 and/or islet cell antibody")),
        # NCT02066129 (criteria corpus): immunity for a vaccine trial
        (["asthma"], inc("History of clinical varicella or varicella vaccine")),
        # NCT00827567 / NCT02133742 (criteria corpus): a controlled comorbidity is a permission
        (["breast cancer"], inc("Controlled diabetes as defined by fasting serum glucose of 1.5 x ULN or less")),
        (["renal cell carcinoma"], inc("Well-controlled hypertension")),
        # NCT02252016 (criteria corpus): "X or non-X"
        (["hepatitis c"], inc("has cirrhosis or is non-cirrhotic")),
        # NCT02293915: an instrument named after a disease is not the disease
        (["Alzheimer Disease"], inc("Total Hamilton Depression Scale score of 10 or less")),
        # "cannot have" is a negation (class seen in the final measurement, NCT00001954: see docs)
        (["Sjogren's Syndrome"], inc("SS patients cannot have sarcoidosis, HIV infection, or lymphoma.")),
        (["Asthma"], inc("Participants may not have chronic hepatitis B")),
    ],
)
def test_false_positive_classes_stay_quiet(conditions, criteria):
    assert not run("TA301", conditions=conditions, criteria=criteria)


def test_compound_registered_name_declares_its_first_part():
    # NCT00003350 (final measurement, see docs): "AIDS-related Kaposi sarcoma" declares HIV
    crit = inc("Serologic diagnosis of HIV infection as documented by a positive ELISA")
    assert not run("TA301", conditions=["AIDS-related Kaposi Sarcoma"], criteria=crit)
    assert not run("TA301", conditions=["Nephropathy"], brief_title="HIV-associated Nephropathy", criteria=crit)


def test_keywords_place_a_trial_only_by_a_whole_title():
    # NCT00490425 (ctgov-xml-bulk, probe): the keyword "LGG" must not make an asthma trial a glioma trial
    crit = inc("Patients must have multiple myeloma")
    assert run("TA301", conditions=["Allergic Asthma"], keywords=["LGG", "children"], criteria=crit)


def test_a_substance_use_trial_is_placed_by_its_condition():
    # NCT05897242 (ctgov-v2-bulk, probe): nicotine dependence places the trial in chapter 5
    assert run("TA301", conditions=["Nicotine Dependence"], criteria=inc("Patients must have myasthenia gravis"))


def test_ta303_list_stops_where_it_turns_to_exclusions():
    # NCT00004990 (final measurement, see docs): "..., but excluding HIV-associated FSGS and ... sickle cell anemia"
    crit = inc(
        "Biopsy proven FSGS, including idiopathic FSGS and collapsing FSGS, but excluding HIV-associated FSGS and secondary "
        "FSGS associated with morbid obesity, sickle cell anemia, reflux nephropathy"
    )
    assert not run("TA303", conditions=["Glomerulonephritis", "Nephrotic Syndrome"], criteria=crit)


@pytest.mark.parametrize(
    "example",
    [
        # a requirement joined to an item by "; and" (injection benchmark, tune part)
        {"conditions": ["Asthma"], "criteria": inc("Non-smoker for 12 months; and documented diagnosis of gout")},
        # ... also after a clause about the registered condition itself
        {"conditions": ["Asthma"], "criteria": inc("Diagnosis of asthma for at least 1 year; and biopsy-proven IgA nephropathy")},
        # a cancer trial does not cover blood diseases (one-way link; NCT05236296 tune, injected)
        {"conditions": ["Leukemia, Acute"], "criteria": inc("Transfusion-dependent beta-thalassemia")},
        # an umbrella places the trial (NCT05847673 tune, injected: "Cigarette Smoking-Related Carcinoma")
        {"conditions": ["Cigarette Smoking-Related Carcinoma"], "criteria": inc("Biopsy-proven IgA nephropathy")},
        # a registered name placed by the title it ends (NCT06025175 tune, injected)
        {"conditions": ["Disc Degeneration"], "criteria": inc("Diagnosis of primary open-angle glaucoma")},
    ],
)
def test_recall_classes_from_the_injection_benchmark(example):
    assert run("TA301", **example)


def test_blood_condition_trials_may_require_their_cancer():
    crit = inc("Histologically confirmed non-myeloid malignancy")
    assert not run("TA301", conditions=["Chemotherapy-induced Anemia"], criteria=crit)
    assert not run("TA301", conditions=["Anemia in neoplastic disease"], criteria=inc("Histologically confirmed breast cancer"))


# --- TA302 classes found on the tune part


# --- TA302 classes found on the tune part ---------------------------------------------------------


def test_ta302_condition_headings_without_colon_scope_their_items():
    # NCT00462072 (ctgov-xml-bulk): "Crohn's disease" on its own line heads the Crohn's cohort
    crit = (
        "Inclusion Criteria:\n\nRheumatoid Arthritis\n\n  -  Must meet ACR criteria\n\n  -  3 tender or swollen joints\n\n"
        "Crohn's disease\n\n  -  CDAI > 220 or evidence of intestinal inflammation on endoscopy\n\n"
        "Psoriatic arthritis\n\n  -  Must meet CASPAR criteria for diagnosis\n\n"
    )
    conds = ["Rheumatoid Arthritis", "Psoriatic Arthritis", "Psoriasis", "Crohn's Disease"]
    assert not run("TA302", conditions=conds, criteria=crit)
    # the same items without the headings are still reported
    flat = "Inclusion Criteria:\n\n  -  Must meet ACR criteria\n\n  -  CDAI > 220 or endoscopic inflammation\n\n"
    assert run("TA302", conditions=conds, criteria=flat)


def test_ta302_two_conditions_required_together_are_one_population():
    # NCT00492115 (ctgov-xml-bulk): dementia due to Parkinson's disease, then an MMSE band
    crit = inc("Clinical diagnosis of dementia due to Parkinson's disease", "MMSE score between 18 and 26, inclusive")
    assert not run("TA302", conditions=["Parkinson's Disease", "Dementia"], criteria=crit)


# --- the organ-system model -----------------------------------------------------------------------


def test_systems_from_icd10cm_chapters_and_blocks():
    assert system_of("K74.3") == "11:liver" and system_of("M32") == "13:rheum" and system_of("M51.3") == "13:mech"
    assert system_of("C20") == "2:C15-C26" and system_of("C64") == "2:C64-C68"
    assert system_of("C92.0") == system_of("D46") == "2:heme"
    assert system_of("Q61.3") == "14"  # a congenital malformation by its organ
    assert organ_chapters(["R11", "Z79.4", "F17.2"]) == frozenset()  # symptoms, factors, substance use


@pytest.mark.parametrize(
    "required,declared,foreign",
    [
        ("K74.3", "M32", True),  # PBC in a lupus trial
        ("E11", "I10", False),  # diabetes with hypertension: linked chapters
        ("N18", "E11", False),  # CKD with diabetes
        ("C20", "C64", True),  # rectal cancer in a kidney-cancer trial
        ("K74.6", "C22.0", False),  # cirrhosis in a liver-cancer trial: the cancer's organ
        ("K74.6", "B18.2", False),  # cirrhosis in a hepatitis C trial
        ("B20", "C92.0", True),  # HIV in a leukaemia trial
        ("B20", "B18.2", True),  # HIV in a hepatitis C trial
    ],
)
def test_foreign_chapters(required, declared, foreign):
    assert foreign_chapters(organ_chapters([required]), organ_chapters([declared])) is foreign


def test_registered_names_are_placed_by_icd10cm():
    assert icd_codes_of_name("Primary biliary cirrhosis") == ("K74.3",)
    assert icd_codes_of_name("Chronic Insomnia")  # a title inside the name
    assert icd_codes_of_name("Polycystic Kidney")  # the start of a title
    assert icd_codes_of_name("Ménière's disease") == icd_codes_of_name("Meniere's disease")  # accents ignored
    assert icd_codes_of_name("Healthy") == ()
