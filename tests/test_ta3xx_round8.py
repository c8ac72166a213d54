"""TA301, eighth round (issue 20): breadth of disease recognition in requirements, the digestive chapter as
three specialties, transplants placed by their organ, requirements appended with ", and" and after who/age words.

Each class: real text where the tune part has it (record id and source in the comment), variants in other words,
and guards that legitimate requirements stay silent.
"""

from __future__ import annotations

import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text.condition_settings import setting_chapters
from trial_audit.text.condition_systems import foreign_chapters, icd_matcher, system_of

CTX = Context()


def ta301(conditions: list[str], *items: str) -> list:
    body = "".join(f"\n  -  {x}\n" for x in ("Age 18 years or older", *items))
    criteria = f"Inclusion Criteria:\n{body}\nExclusion Criteria:\n\n  -  Pregnancy\n"
    rule = select_rules(["TA301"])[0]
    return list(rule.check(record_from_example({"conditions": conditions, "criteria": criteria}), CTX))


# --- 1. an ICD-10-CM name that holds a shorter vocabulary name is the name required -----------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Diagnosed with malignant neoplasm of vulva",  # holds the umbrella "malignant neoplasm"
        "Confirmed delta-beta thalassemia",  # holds "beta thalassemia"; "delta-" was a stray word before it
        "Patients with malignant neoplasm of endometrium",
    ],
)
def test_longer_icd_name_over_a_shorter_vocabulary_name_is_reported(item):
    found = ta301(["Cataract"], item)
    assert len(found) == 1 and found[0].evidence.field == "criteria"


def test_longer_icd_name_of_the_trials_own_system_stays_silent():
    # guard: a kind of the registered disease written by its ICD-10-CM title
    assert ta301(["Vulvar Cancer"], "Diagnosed with malignant neoplasm of vulva") == []
    assert ta301(["Thalassemia"], "Confirmed delta-beta thalassemia") == []


# --- 2. an item that opens with the disease and says how it is established ---------------------------------------


@pytest.mark.parametrize(
    "item",
    [
        "Chronic pancreatitis according to the M-ANNHEIM criteria",
        "Acute sphenoidal sinusitis requiring treatment",
        "Malignant neoplasm of vulva (stage II or III)",
        "Chronic viral hepatitis confirmed by liver biopsy",
        "Sphenoidal sinusitis, as defined by CT findings",
    ],
)
def test_item_opening_with_a_disease_and_its_diagnosis_is_reported(item):
    assert len(ta301(["Cataract"], item)) == 1


@pytest.mark.parametrize(
    "item",
    [
        "Acute sphenoidal sinusitis",  # a bare ICD-10-CM name on its own line: a label or a list entry, still too weak
        "Chronic pancreatitis patients are eligible if stable",
        "Chronic pancreatitis, well controlled, may be included",
        "Acute sphenoidal sinusitis treatment completed at least 4 weeks before",
    ],
)
def test_item_opening_with_a_disease_without_a_diagnosis_cue_stays_silent(item):
    assert ta301(["Cataract"], item) == []


def test_course_word_titles_of_three_words_are_names():
    # "Acute ..." / "Chronic ..." titles were left out of the strict matcher as a whole (first word)
    texts = {m.text.lower() for m in icd_matcher().mentions("acute sphenoidal sinusitis; chronic viral hepatitis")}
    assert texts == {"acute sphenoidal sinusitis", "chronic viral hepatitis"}
    # guard: the course word alone and everyday words stay unmatched
    assert icd_matcher().mentions("acute onset of chronic symptoms") == []


# --- 3. chapter 11 is three specialties --------------------------------------------------------------------------


def test_digestive_subsystems():
    assert system_of("K21.9") == "11:gi" and system_of("K74.60") == "11:liver" and system_of("K05.3") == "11:oral"
    assert system_of("K86.1") == "11:liver" and system_of("K90.0") == "11:gi"
    assert system_of("K92.2") == "11:bleed" and system_of("I85.00") == "11:liver"


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Hepatitis C, Chronic"], "Diagnosed with gastroesophageal reflux disease"),
        (["Liver Cirrhosis"], "Confirmed ulcerative colitis"),
        (["Crohn Disease"], "Patients with decompensated cirrhosis"),
        (["Crohn Disease"], "Documented esophageal varices"),
        (["Liver Cirrhosis"], "Diagnosed with chronic periodontitis"),
    ],
)
def test_another_digestive_specialty_is_reported(conditions, item):
    assert len(ta301(conditions, item)) == 1


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Liver Cirrhosis"], "Documented esophageal varices"),  # varices are portal hypertension's
        (["Hepatitis C, Chronic"], "Patients with decompensated cirrhosis"),  # hepatitis with its organ
        (["Nonalcoholic Steatohepatitis"], "Patients with compensated cirrhosis"),  # fatty liver is liver
        (["Hepatocellular Carcinoma"], "Diagnosed with chronic periodontitis"),  # a digestive cancer: the whole chapter
        (["Crohn Disease"], "Diagnosed with gastroesophageal reflux disease"),
    ],
)
def test_the_same_or_a_linked_digestive_specialty_stays_silent(conditions, item):
    assert ta301(conditions, item) == []


def test_gi_bleeding_is_linked_to_the_liver_and_the_gut():
    assert not foreign_chapters(frozenset({"11:bleed"}), {"11:liver"})
    assert not foreign_chapters(frozenset({"11:bleed"}), {"11:gi"})
    assert foreign_chapters(frozenset({"11:gi"}), {"11:liver"})


# --- 4. transplants placed by their organ ------------------------------------------------------------------------


def test_transplant_settings():
    assert "14:kidney" in setting_chapters(["Kidney Transplantation"])
    assert "11:liver" in setting_chapters(["Liver transplant recipients"])
    assert setting_chapters(["Heart Transplantation"]) == set()  # indications span chapters: left unplaced


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Kidney Transplantation"], "Diagnosed with gastroesophageal reflux disease"),
        (["Liver Transplantation"], "Diagnosed with major depressive disorder"),
    ],
)
def test_another_system_in_a_transplant_trial_is_reported(conditions, item):
    assert len(ta301(conditions, item)) == 1


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Kidney Transplantation"], "Diagnosed with type 2 diabetes mellitus"),  # cardio-renal-metabolic
        (["Kidney Transplantation"], "Positive CMV serology"),  # infections of the immunosuppressed
        (["Kidney Transplantation"], "Documented diagnosis of gout with at least two flares in the past 12 months"),
        (["Liver Transplantation"], "Confirmed hepatocellular carcinoma"),
        (["Liver Transplantation"], "Confirmed Wilson disease"),  # a metabolic liver disease
        (["Liver Transplantation"], "Diagnosed with alcohol use disorder"),
        (["Heart Transplantation"], "Diagnosed with major depressive disorder"),  # unplaced: nothing decided
    ],
)
def test_a_transplants_own_diseases_stay_silent(conditions, item):
    assert ta301(conditions, item) == []


# --- 5. who, of which age, and ", and" --------------------------------------------------------------------------

# NCT01917331 (criteria-corpus phase_III_test.csv, tune part): "Male or female adults aged ≥ 40 years with a
# diagnosis of COPD" - a COPD trial; here the same sentence in a trial of another system
# NCT01156051 (criteria-corpus toy_train.csv, tune part): "male or female, aged 6 - 12 years with ADHD"
# NCT02425644 (criteria-corpus phase_III_test.csv, tune part): "female subjects aged 18 to 55 years with
# established diagnosis of MS McDonald 2010"


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Cataract"], "Male or female adults aged ≥ 40 years with a diagnosis of COPD"),
        (["Cataract"], "Male or female, aged 6 - 12 years with ADHD"),
        (["Psoriasis"], "Female subjects aged 18 to 55 years with established diagnosis of multiple sclerosis"),
        (["Cataract"], "Women aged 18 to 45 years with polycystic ovary syndrome according to the Rotterdam criteria"),
        (["Cataract"], "Outpatients with moderate to severe plaque psoriasis"),
        (["Cataract"], "Signed informed consent, and a documented diagnosis of chronic obstructive pulmonary disease"),
        (["Cataract"], "Adults aged 18 years or older, and diagnosed with major depressive disorder"),
    ],
)
def test_requirement_after_who_and_age_words_is_reported(conditions, item):
    assert len(ta301(conditions, item)) == 1


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Chronic Obstructive Pulmonary Disease"], "Male or female adults aged ≥ 40 years with a diagnosis of COPD"),
        (["Cataract"], "Patients older than 65 years treated for hypertension"),
        (["Cataract"], "Aged over 50 years, and no history of diabetes mellitus"),
        (["Cataract"], "Signed informed consent, and willing to stop treatment for psoriasis"),
        (["Cataract"], "Patients aged 18 years or older undergoing surgery for colorectal cancer"),
    ],
)
def test_who_and_age_words_guards(conditions, item):
    assert ta301(conditions, item) == []


# --- 6. real false findings of intermediate versions of this round -------------------------------------------

# NCT00113919 (criteria-corpus toy_train.csv and phase_I_train.csv, tune part; registered "multiple myeloma"):
# the age words made "diagnosed with renal insufficiency" a requirement, but it is an alternative to the age
NCT00113919_ITEM = (
    "Patients must be > or = 65 years of age or diagnosed with renal insufficiency, defined\n"
    "             as having a creatinine > 3 mg/dl or a creatinine clearance < 30 ml/minute"
)


def test_age_or_disease_is_an_alternative():
    assert ta301(["multiple myeloma"], NCT00113919_ITEM) == []
    assert ta301(["Cataract"], "Aged 65 years or older or diagnosed with chronic obstructive pulmonary disease") == []
    # guard: "or older" belongs to the age; the disease is still required of everyone
    assert len(ta301(["Cataract"], "Patients aged 18 years or older with chronic obstructive pulmonary disease")) == 1


# NCT00498511 (ctgov-xml-bulk enrollment_and_studylength.zip, tune part; MeSH "Anemia, Iron-Deficiency"):
# "Men < 40 years old of age with iron deficiency." - ICD-10-CM files iron deficiency (E61.1) apart from the anaemia
NCT00498511_ITEM = "Men < 40 years old of age with iron deficiency."


def test_a_required_state_named_inside_the_registered_name_is_its_own():
    assert ta301(["Anemia, Iron-Deficiency"], NCT00498511_ITEM) == []
    assert ta301(["Anemia of Renal Failure"], "Adults aged 18 to 75 years with renal failure") == []
    # guard: the same item in a trial of another system is reported
    assert len(ta301(["Cataract"], NCT00498511_ITEM)) == 1


# --- 7. markers compared by chapter take the systems' own links; digestive settings by specialty ---------------


def test_coarse_comparison_does_not_take_a_whole_chapters_links():
    # an LDL band (dyslipidaemia, metabolism) in an ulcerative-colitis trial (the gut): another system
    assert foreign_chapters(frozenset({"4:metabolic"}), {"11:gi"}, coarse=True)
    assert len(ta301(["ulcerative colitis"], "Fasting LDL-C ≥ 4.9 mmol/L")) == 1
    # guards: the same chapter is enough by chapter; a real link still holds
    assert not foreign_chapters(frozenset({"2:C50"}), {"2:C15-C26"}, coarse=True)
    assert not foreign_chapters(frozenset({"4:metabolic"}), {"9"}, coarse=True)


def test_fatty_liver_links():
    assert not foreign_chapters(frozenset({"11:metabolic"}), {"4:metabolic"})  # NASH in a diabetes trial
    assert not foreign_chapters(frozenset({"9"}), {"11:metabolic"})  # hypertension in a NASH trial
    assert foreign_chapters(frozenset({"11:metabolic"}), {"9"})  # NASH in a myocardial-infarction trial


# NCT04779515 (ctgov-classic results_1.json, tune part): "Pneumoperitoneum", "Pain", "Inflammation", title "... Post
# Laparoscopic Cholecystectomy": placed in the biliary tract by its operation, without a transplant's links
def test_cholecystectomy_setting_is_the_biliary_tract_only():
    chapters = setting_chapters(["Pneumoperitoneum", "Pain", "Effect of Low-pressure Pneumoperitoneum Post Laparoscopic Cholecystectomy"])
    assert "11:liver" in chapters and "4:metabolic" not in chapters and "1" not in chapters
    assert len(ta301(["Pneumoperitoneum", "Pain after laparoscopic cholecystectomy"], "Chronic stable angina with CCS class II")) == 1


def test_substance_use_harms_the_liver_not_the_gut():
    # cocaine / alcohol users: liver and pancreas disease and GI bleeding come with the substance; the gut's own diseases do not
    assert len(ta301(["Cocaine-Related Disorders"], "Moderately to severely active ulcerative colitis")) == 1
    assert ta301(["Alcohol Use Disorder"], "Diagnosed with chronic pancreatitis") == []
    assert ta301(["Alcohol Use Disorder"], "Patients with compensated cirrhosis") == []
