"""The ``fresh`` third of the defect-injection wordings (``--wordings fresh``).

Written on 2026-12-07 by a benchmark author who did not read the rules (checks/, audit/text/) nor
the held-out half, to measure the rules on phrasings nobody tuning them has seen. They follow how
registrants write in ClinicalTrials.gov, ICTRP's partner registries (ChiCTR, CTRI, IRCT, EU CTR,
ANZCTR, DRKS, JPRN) and legacy records: other casing, ideographic punctuation, Spanish-style
``1.-`` markers, written-out numbers, ages in months, "18+", tilde ranges, histology, staging,
severity scores and laboratory findings. Every wording must create the defect its operator claims,
as a curator would flag it.

**Rule developers: never read this file.** It is merged into ``inject_ops.WORDINGS`` (and
``inject_ops_outcomes.WORDINGS``) under the key ``fresh``; the benchmark's Markdown never quotes a
fresh wording (its ``--json`` does: keep that file to yourself).
"""

from __future__ import annotations

# --- numbering: every list style a registrant pastes ------------------------------------------

MARKER = [
    "{n}.-",  # Spanish / Latin American registrants
    "[{n}]",
    "{n}、",  # ideographic comma (ChiCTR)
    "（{n}）",  # full-width parentheses (ChiCTR, JPRN)
    "{n}.)",
    "#{n}",
    "{n}．",  # full-width full stop
]
LETTER = ["{A}.", "{A})", "({A})", "{a}.-", "[{a}]"]
# mixed_markers: items of an "n." list written in another style
MIXED = ["{n}.-", "{n}.)", "[{n}]", "{n}、", "{n} -"]
# sublist_like_parent: what precedes the flush sub-item numbers ("" = nothing, as typed)
SUBLIST_LEAD = ["", "o ", "· ", "> "]

# --- structure: section headers run into items, items run together ------------------------------

MERGED_HEADER = [
    "{prev}.Exclusion Criteria:",
    "{prev}; exclusion criteria:",
    "{prev}. Exclusion criteria -",
    "{prev}. Key Exclusion Criteria:",
    "{prev}. EXCLUSION:",
    "{prev}. Exclusion criteria:-",  # CTRI style
    "{prev}. Criteria for exclusion:",
    "{prev}. Non-inclusion criteria:",  # French protocols: critères de non-inclusion
    "{prev} II. EXCLUSION CRITERIA",  # legacy numbered sections
    "{prev}. B. Exclusion criteria:",
    "{prev} Exclusion criteria",
]
HEADER_FIRST = [
    "{H}: {label} {text}",
    "{h}:- {label} {text}",
    "{h} — {label} {text}",
    "{h}: {text}",
    "{h}; {label} {text}",
    "{h}:{label} {text}",
    "{h}. {label} {text}",
    "{h} : {label} {text}",
    "{H} - {label} {text}",
]
RUN_TOGETHER = [
    "{a}；{label} {b}",  # full-width semicolon
    "{a}。{label} {b}",  # ideographic full stop
    "{a}、{label} {b}",
    "{a}.{label} {b}",  # a lost line break
    "{a};  {label} {b}",
    "{a} / {label} {b}",
    "{a}: {label} {b}",
    "{a}\t{label} {b}",
    "{a}; and {label} {b}",
]

# --- ages: {lo} {hi} numbers, {lo_w} {hi_w} written out, {lo_m} {hi_m} months, {hi_ord} "65th" --

SUMMARY_AGE = [
    "Eligible participants are {pop} between the ages of {lo} and {hi}.",
    "The study is open to {pop} aged {lo}–{hi}.",
    "{Pop} from {lo} to {hi} years of age will be invited to take part.",
    "We will recruit {lo_w} to {hi_w} year old {pop}.",
    "This trial is for {pop} aged {lo}+ and no older than {hi}.",
    "Inclusion is restricted to {pop} older than {lo} and younger than {hi} years.",
    "{Pop} aged between {lo} and {hi} yrs who meet the criteria below may enrol.",
    "The target population is {pop} ({lo}-{hi} y).",
    "Approximately 120 {pop} in the age range {lo} to {hi} years will be enrolled.",
    "The study population consists of {pop} with a minimum age of {lo} years and a maximum age of {hi} years.",
    "Enrolment is open to {pop} who are {lo} years of age or older but have not yet reached their {hi_ord} birthday.",
    "Ages eligible for study: {lo} Years to {hi} Years.",
    "{Pop} ≥{lo} and ≤{hi} years old can participate.",
    "Children aged {lo_m} months to {hi} years are eligible.",  # only when the lower age is 3 years or less
]
CRITERIA_AGE = [
    "Age {lo} to {hi} years (inclusive)",
    "Aged {lo_w} years or over",
    "{lo}+ years old",
    "Patients must be older than {lo} years",
    "Between {lo} and {hi} years of age at the time of signing the informed consent",
    "Age: {lo} - {hi} years old",
    "Male and female subjects, {lo} years ≤ age ≤ {hi} years",
    "Age > {lo} yrs and < {hi} yrs",
    "Over the age of {lo}",
    "Minimum age {lo} years",
    "Subjects aged {lo}~{hi} years",
    "Participant is {lo} years of age or above",
    "Age not more than {hi} years",  # upper limit only
    "Younger than {hi} years of age at enrolment",  # upper limit only
    "Children aged {lo_m} months to {hi} years",  # only when the lower age is 3 years or less
]

# --- scope: (chapter key of CHAPTER_WORDS, a requirement for everyone from another specialty) ----
# The chapter's words decide where a wording is NOT injected (a record whose conditions, titles or
# criteria name any of them); FRESH_CHAPTER_WORDS below covers each wording's whole ICD-10 chapter.

SCOPE = [
    ("f-eye", "Centre-involving neovascular age-related macular degeneration in the study eye, confirmed by OCT"),
    ("f-eye", "Dry eye disease for at least 6 months with an OSDI score ≥ 23 and tear break-up time ≤ 5 seconds"),
    ("f-ear", "Chronic bothersome tinnitus for more than 6 months (Tinnitus Handicap Inventory score ≥ 38)"),
    ("f-ear", "Definite unilateral Ménière's disease according to the Bárány Society criteria"),
    ("f-resp", "Chronic rhinosinusitis with nasal polyps, bilateral endoscopic nasal polyp score ≥ 5 of 8"),
    ("f-resp", "Idiopathic pulmonary fibrosis diagnosed per ATS/ERS/JRS/ALAT guidelines, FVC ≥ 45% predicted"),
    ("f-sleep", "Obstructive sleep apnoea with an apnoea-hypopnoea index (AHI) ≥ 15 events/hour on polysomnography"),
    ("f-heart", "Stable angina pectoris, CCS class II-III, with ≥ 70% stenosis of a major epicardial coronary artery"),
    ("f-heart", "Symptomatic severe aortic stenosis (aortic valve area ≤ 1.0 cm² or mean gradient ≥ 40 mmHg)"),
    ("f-heart", "Peripheral artery disease with intermittent claudication and an ankle-brachial index ≤ 0.90"),
    ("f-kidney", "Chronic kidney disease stage 3b-4 (eGFR 15-44 mL/min/1.73 m²) with UACR ≥ 300 mg/g"),
    ("f-kidney", "Autosomal dominant polycystic kidney disease with total kidney volume ≥ 750 mL on MRI"),
    ("f-gu", "Overactive bladder with ≥ 8 micturitions per 24 hours and ≥ 1 urgency episode per day on a 3-day bladder diary"),
    ("f-gu", "Benign prostatic hyperplasia with IPSS ≥ 13 and prostate volume ≥ 30 mL on transrectal ultrasound"),
    ("f-gu", "Surgically confirmed endometriosis with moderate to severe pelvic pain (NRS ≥ 4)"),
    ("f-liver", "Biopsy-confirmed NASH with fibrosis stage F2-F3 (NASH CRN)"),
    ("f-liver", "Chronic hepatitis B: HBsAg positive for at least 6 months and HBV DNA ≥ 2,000 IU/mL"),
    ("f-gut", "Moderately to severely active ulcerative colitis (total Mayo score 6-12, endoscopic subscore ≥ 2)"),
    ("f-gut", "Coeliac disease confirmed by duodenal biopsy (Marsh 3) with positive tTG-IgA"),
    ("f-gut", "Gastro-oesophageal reflux disease with erosive oesophagitis, LA grade C or D at endoscopy"),
    ("f-skin", "Moderate-to-severe atopic dermatitis (EASI ≥ 16, IGA ≥ 3, BSA ≥ 10%)"),
    ("f-skin", "Hidradenitis suppurativa, Hurley stage II or III, with at least 3 inflammatory nodules"),
    ("f-msk", "Radiographic axial spondyloarthritis fulfilling the modified New York criteria, BASDAI ≥ 4"),
    ("f-msk", "Osteoporosis with a lumbar spine or total hip T-score ≤ -2.5"),
    ("f-msk", "Symptomatic knee osteoarthritis, Kellgren-Lawrence grade 2-3"),
    ("f-endo", "Primary hypothyroidism on a stable dose of levothyroxine for at least 3 months"),
    ("f-endo", "Type 1 diabetes mellitus for at least 2 years with fasting C-peptide < 0.2 nmol/L"),
    ("f-neuro", "Episodic migraine with 4 to 14 migraine days per month during the 3-month baseline"),
    ("f-neuro", "Focal-onset epilepsy with ≥ 4 seizures per 28 days despite two antiseizure medications"),
    ("f-neuro", "Mild cognitive impairment due to Alzheimer's disease with a positive amyloid PET scan"),
    ("f-neuro", "Amyotrophic lateral sclerosis (El Escorial definite or probable) with ALSFRS-R ≥ 30"),
    ("f-mental", "Generalized anxiety disorder (DSM-5) with a HAM-A total score ≥ 20"),
    ("f-mental", "Schizophrenia per DSM-5 with a PANSS total score between 80 and 120"),
    ("f-mental", "Moderate to severe alcohol use disorder according to DSM-5"),
    ("f-blood", "Sickle cell disease (HbSS or HbSβ0-thalassaemia) with ≥ 2 vaso-occlusive crises in the past 12 months"),
    ("f-blood", "Immune thrombocytopenia with a platelet count < 30 × 10⁹/L"),
    ("f-blood", "Severe haemophilia A (factor VIII activity < 1%)"),
    ("f-cancer", "Histologically confirmed stage IIIB-IV non-small cell lung cancer with an EGFR exon 19 deletion or L858R mutation"),
    ("f-cancer", "Metastatic castration-resistant prostate cancer with PSA progression per PCWG3"),
    ("f-cancer", "Newly diagnosed glioblastoma, IDH wild-type, after maximal safe resection"),
    ("f-cancer", "Relapsed or refractory diffuse large B-cell lymphoma after at least 2 lines of systemic therapy"),
    ("f-infect", "Positive QuantiFERON-TB Gold test (latent tuberculosis infection)"),
    ("f-infect", "Chronic HIV-1 infection with plasma HIV-1 RNA < 50 copies/mL on stable antiretroviral therapy"),
    ("f-infect", "Laboratory-confirmed uncomplicated Plasmodium falciparum malaria"),
    ("f-preg", "Singleton pregnancy between 24+0 and 33+6 weeks of gestation"),
    ("f-oral", "Generalised periodontitis stage III or IV with at least 4 teeth with probing depth ≥ 5 mm"),
    ("f-lipid", "LDL cholesterol ≥ 190 mg/dL despite maximally tolerated statin therapy"),
    ("f-urate", "Serum uric acid ≥ 8.0 mg/dL at screening"),
]

# words of each fresh chapter key (lower-case substrings); wide on purpose: a record near the
# chapter is skipped rather than given a requirement that might be in scope for it
FRESH_CHAPTER_WORDS = {
    "f-eye": "eye ocular glaucoma retin macul cornea uve vision visual cataract ophthalm myopia conjunctiv intraocular tear lacrimal",
    "f-ear": "hearing tinnitus otitis otolog meniere ménière cochlea deaf vertigo vestibul",  # not "ear": "years"
    "f-resp": "asthma copd pulmonary lung respir bronch pneumon airway eosinophil sinus rhino nasal polyp fibrosis interstitial",
    "f-sleep": "sleep apnea apnoea snor insomnia narcolep",
    "f-heart": "heart cardi coronary hypertens atrial fibrillation myocard vascular stroke arter angina valve aortic stenosis claudication",
    "f-kidney": "kidney renal nephr glomerul dialysis urinary proteinuria albuminuria polycystic",
    "f-gu": "prostat bladder urinar incontin kidney renal nephr endometrio uterus uterine ovar menopaus pelvic erectile infertil genit vagin cervi",
    "f-liver": "liver hepat cirrho biliary cholang nafld nash steato fibrosis hbv hcv hiv infect",
    "f-gut": "crohn colitis bowel ibd gastr digest colon intestin coeliac celiac gluten duoden reflux gerd oesophag esophag",
    "f-skin": "psoria dermat eczema skin acne urticaria hidradenitis vitiligo alopecia",
    "f-msk": "gout arthritis rheumat osteo lupus spondyl joint bone musculoskeletal fibromyalgia sclero sjögren sjogren knee",
    "f-endo": "diabet glyc insulin thyroid graves obes metabolic hba1c endocrin",
    "f-neuro": "sclerosis parkinson epilep seizure migraine headache alzheimer dementia neuro myasthenia brain cognit amyotroph",
    "f-mental": "depress anxiety schizophren bipolar psych mental mood alcohol substance opioid addict",
    "f-blood": "anemia anaemia thalass sickle hemophilia haemophilia thrombocytop blood transfusion platelet",
    "f-cancer": "cancer tumor tumour carcinoma oncolog neoplasm lymphoma leukemia leukaemia myeloma malignan metasta sarcoma melanoma glio"
    " blastoma nsclc",
    "f-infect": "hepatitis hbv hiv infect viral virus covid sars ncov tubercul malaria sepsis bacter fung influenza",
    "f-preg": "pregnan gestation obstet preterm labour postpartum eclampsia fetal foetal",  # not "labor": "laboratory"
    "f-oral": "dental tooth teeth periodont gingiv mouth caries stomat",  # not "oral": oral drugs
    "f-lipid": "cholesterol lipid statin dyslipid lipoprotein cardi coronary heart vascular atheroscl diabet glyc insulin obes metabolic",
    "f-urate": "uric urate gout hyperuric kidney renal diabet obes metabolic",
}

# --- outcome measures (inject_ops_outcomes.WORDINGS) -------------------------------------------

OUTCOME = {
    "domain": [
        "Safety profile",
        "Tolerability and safety",
        "Clinical efficacy",
        "Effect of the intervention",
        "Feasibility",
        "Side effects",
    ],
    "bare_time": ["48", "2", "0-24", "4, 8 and 12", "96", "7"],
    "vague_time": [
        "Until end of follow-up",
        "As long as the participant is in the study",
        "During treatment",
        "Whole study period",
        "Post-treatment",
        "Variable",
    ],
    "abbreviation": ["NIHSS", "ACR20", "PASI 75", "MMSE", "KCCQ", "6MWD"],
    "two_measures": [
        "Systolic and diastolic blood pressure and heart rate",
        "Pain (VAS) and function (WOMAC)",
        "a) Mortality b) Length of hospital stay",
        "Serum creatinine and proteinuria",
        "Quality of life (SF-36) and anxiety (HADS)",
    ],
}

# keys of inject_ops.WORDINGS -> the fresh list
WORDINGS = {
    "marker": MARKER,
    "letter": LETTER,
    "mixed": MIXED,
    "sublist_lead": SUBLIST_LEAD,
    "merged_header": MERGED_HEADER,
    "header_first": HEADER_FIRST,
    "run_together": RUN_TOGETHER,
    "summary_age": SUMMARY_AGE,
    "criteria_age": CRITERIA_AGE,
    "scope": SCOPE,
}

# --- numbers as registrants write them ---------------------------------------------------------

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"


def spelled(n: int) -> str:
    """0-99 in words ("forty-five"); larger numbers as digits."""
    ones, tens = _ONES.split(), _TENS.split()
    if 0 <= n < 20:
        return ones[n]
    if 20 <= n < 100:
        return tens[n // 10] + ("" if n % 10 == 0 else "-" + ones[n % 10])
    return str(n)


def ordinal(n: int) -> str:
    """65 -> '65th', 21 -> '21st', 12 -> '12th'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def age_fields(lo: int, hi: int) -> dict[str, object]:
    """Every placeholder an age wording may use (tune and held-out wordings use only lo and hi)."""
    return {"lo": lo, "hi": hi, "lo_w": spelled(lo), "hi_w": spelled(hi), "lo_m": lo * 12, "hi_m": hi * 12, "hi_ord": ordinal(hi)}


def age_wording_fits(tmpl: str, lo: int, hi: int) -> bool:
    """Months are how registrants write the ages of small children only: a lower age in months
    only for lower ages of 3 years or less, in a children's range."""
    return "{lo_m}" not in tmpl or (lo <= 3 and hi <= 18)
