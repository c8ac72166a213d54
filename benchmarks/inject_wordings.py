"""The wordings of the defect-injection operators (benchmarks/inject_ops.py): every list split into a
``tune`` half and a ``heldout`` half, the later halves merged in from their own modules
(``HALF_MODULES``), the chapter words that keep a scope wording off records of its own specialty,
and how a wording is drawn and a marker style filled in.

Held-out wordings must never be looked at while tuning rules: they measure whether a rule learnt
the defect or the benchmark's phrasing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

import inject_wordings_fresh as fresh
import inject_wordings_fresh2 as fresh2
import inject_wordings_fresh3 as fresh3
import inject_wordings_fresh4 as fresh4

if TYPE_CHECKING:
    from inject_op_types import Work

WORDINGS: dict[str, dict[str, list]] = {
    # marker styles for numbering defects: {n} is the number, {a} the letter
    "marker": {
        "tune": ["{n}.", "{n})"],
        "heldout": ["({n})", "{n}\\."],  # "1\." is how v2 Markdown escapes an ordered-list marker
    },
    "letter": {"tune": ["{a}."], "heldout": ["{a})", "({a})"]},
    # the header run into the text around it
    "merged_header": {
        "tune": ["{prev} Exclusion Criteria:", "{prev}. Exclusion criteria:"],
        "heldout": ["{prev} EXCLUSION CRITERIA", "{prev}; Exclusion Criteria -"],
    },
    "header_first": {
        "tune": ["{h}: {label} {text}", "{h} {label} {text}"],
        "heldout": ["{h} - {text}", "{h}:{text}"],
    },
    "run_together": {"tune": ["{a}; {label} {b}", "{a} {label} {b}"], "heldout": ["{a}. {label} {b}", "{a},{label} {b}"]},
    # age limits in a summary; {pop} is a population word that fits the range
    "summary_age": {
        "tune": [
            "This study will enroll {pop} aged {lo} to {hi} years.",
            "{Pop} between {lo} and {hi} years old are eligible to participate.",
            "To participate, individuals must be {lo}-{hi} years of age.",
            "We plan to recruit {pop} aged {lo} years or older.",
        ],
        "heldout": [
            "Eligible participants are {pop} {lo}–{hi} years of age.",
            "{Pop} aged {lo} through {hi} years will be included.",
            "The trial is open to {pop} who are at least {lo} yrs old and no older than {hi}.",
            "Participants must be ≥{lo} and ≤{hi} years of age.",
        ],
    },
    "criteria_age": {
        "tune": [
            "Age ≥ {lo} years",
            "Aged {lo} to {hi} years",
            "{lo} years of age or older at the time of screening",
            "Male or female, aged {lo}-{hi} years inclusive",
            "Age ≤ {hi} years",
        ],
        "heldout": [
            "Age >= {lo} yrs",
            "Patients {lo}–{hi} years old",
            "Between {lo} and {hi} years of age (inclusive)",
            "At least {lo} y/o at the time of consent",
            "Age: {lo} through {hi} years",
            "Men and women aged {lo} years and older",
        ],
    },
    # scope: (chapter, criterion text); a disease is used only if none of its chapter's words
    # appear in the record's conditions, keywords or titles
    "scope": {
        "tune": [
            ("eye", "Diagnosis of primary open-angle glaucoma with intraocular pressure ≥ 22 mmHg in at least one eye"),
            ("msk", "Documented diagnosis of gout with ≥2 flares in the past 12 months"),
            ("liver", "Child-Pugh class A cirrhosis"),
            ("kidney", "Biopsy-proven IgA nephropathy with proteinuria ≥ 1 g/day"),
            ("msk", "Rheumatoid arthritis meeting the 2010 ACR/EULAR classification criteria"),
            ("endo", "Type 2 diabetes with HbA1c between 7.0% and 10.0%"),
            ("skin", "Confirmed diagnosis of chronic plaque psoriasis with PASI ≥ 12"),
            ("neuro", "Relapsing multiple sclerosis diagnosed according to the 2017 McDonald criteria"),
            ("resp", "Moderate to severe COPD (GOLD stage 2 or 3) with post-bronchodilator FEV1/FVC < 0.70"),
            ("cancer", "Histologically confirmed HER2-positive metastatic breast cancer"),
            ("mental", "Major depressive disorder per DSM-5 with a HAM-D-17 score ≥ 20"),
            ("blood", "Transfusion-dependent beta-thalassemia"),
            ("heart", "Heart failure with reduced ejection fraction (LVEF ≤ 40%), NYHA class II-III"),
            ("neuro", "Idiopathic Parkinson's disease, Hoehn and Yahr stage 1 to 3"),
            ("ear", "Unilateral sudden sensorineural hearing loss of at least 30 dB"),
        ],
        "heldout": [
            ("eye", "Neovascular age-related macular degeneration confirmed by fluorescein angiography"),
            ("liver", "Biopsy-confirmed NASH with fibrosis stage F2-F3"),
            ("gut", "Moderately to severely active ulcerative colitis (Mayo score 6-12)"),
            ("kidney", "Chronic kidney disease stage 3b-4 (eGFR 15-44 mL/min/1.73 m²)"),
            ("skin", "Moderate-to-severe atopic dermatitis with EASI ≥ 16"),
            ("msk", "Knee osteoarthritis, Kellgren-Lawrence grade 2-3"),
            ("endo", "Graves' disease with elevated TSH-receptor antibodies"),
            ("neuro", "Episodic migraine with 4 to 14 migraine days per month"),
            ("resp", "Severe eosinophilic asthma with blood eosinophils ≥ 300 cells/µL"),
            ("cancer", "Stage III-IV epithelial ovarian cancer after primary debulking surgery"),
            ("mental", "Schizophrenia according to DSM-5 criteria, PANSS total score ≥ 70"),
            ("blood", "Severe hemophilia A (factor VIII activity < 1%)"),
            ("heart", "Persistent atrial fibrillation documented on 12-lead ECG"),
            ("infect", "Chronic hepatitis B with HBV DNA ≥ 2000 IU/mL"),
            ("neuro", "Generalized myasthenia gravis, MGFA class II-IV, with positive AChR antibodies"),
        ],
    },
}

# words that put a record in a chapter: a disease of that chapter would not be off-scope there
CHAPTER_WORDS = {
    "eye": "eye ocular glaucoma retin macul cornea uve vision visual cataract ophthalm myopia conjunctiv intraocular",
    "msk": "gout arthritis rheumat osteo lupus spondyl joint bone musculoskeletal fibromyalgia sclero sjögren sjogren",
    "liver": "liver hepat cirrho biliary cholang nafld nash steato fibrosis",
    "gut": "crohn colitis bowel ibd gastr digest colon intestin",
    "kidney": "kidney renal nephr glomerul dialysis urinary proteinuria",
    "skin": "psoria dermat eczema skin acne urticaria hidradenitis vitiligo alopecia",
    "endo": "diabet glyc insulin thyroid graves obes metabolic hba1c endocrin",
    "neuro": "sclerosis parkinson epilep seizure migraine headache alzheimer dementia neuro myasthenia brain",
    "resp": "asthma copd pulmonary lung respir bronch pneumon airway eosinophil",
    "cancer": "cancer tumor tumour carcinoma oncolog neoplasm lymphoma leukemia leukaemia myeloma malignan metasta sarcoma melanoma glioma",
    "mental": "depress anxiety schizophren bipolar psych mental mood",
    "blood": "anemia anaemia thalass sickle hemophilia haemophilia thrombocytop blood transfusion",
    "heart": "heart cardi coronary hypertens atrial fibrillation myocard vascular stroke arter",
    "ear": "hearing tinnitus otitis ear meniere cochlea deaf",
    "infect": "hepatitis hbv hiv infect viral virus",
}


# the later halves, each written by someone who did not read the rules, each in its own module
# (inject_wordings_fresh.py, inject_wordings_fresh2.py, inject_wordings_fresh3.py, inject_wordings_fresh4.py); the module also gives the half's
# extras: SUBLIST_LEAD, MIXED, age_fields, age_wording_fits
HALF_MODULES = {"fresh": fresh, "fresh2": fresh2, "fresh3": fresh3, "fresh4": fresh4}
for _half, _mod in HALF_MODULES.items():
    for _key, _words in _mod.WORDINGS.items():
        if _key in WORDINGS:
            WORDINGS[_key][_half] = _words
CHAPTER_WORDS.update(fresh.FRESH_CHAPTER_WORDS)
CHAPTER_WORDS.update(fresh2.CHAPTER_WORDS)
CHAPTER_WORDS.update(fresh3.CHAPTER_WORDS)
CHAPTER_WORDS.update(fresh4.CHAPTER_WORDS)


def half_module(half: str):
    """The module of a later half; tune and held-out wordings use the fresh module's age helpers
    (their wordings use only {lo} and {hi}, so they are the same for them)."""
    return HALF_MODULES.get(half, fresh)


def marker(style: str, n: int) -> str:
    """A marker style with the number filled in ({n}; fresh2 styles also {N} {c} {p} {r} {R}; fresh3 also {u} {s} {d};
    fresh4 also {e} {k})."""
    return style.format(**fresh4.marker_fields(n))


def marker_ok(w: Work, top: int) -> Callable:
    """Marker styles that fit the format (backslash escapes only in v2 Markdown) and the list
    (circled / parenthesised number characters exist only up to 50 / 20, fresh3's and fresh4's shapes up to 10-20)."""
    return lambda s: (w.a.fmt == "v2" or "\\" not in s) and fresh4.marker_fits(s, top)


def pick_wording(key: str, half: str, rng: random.Random, ok: Callable = lambda w: True):
    pool = [w for w in WORDINGS[key][half] if ok(w)]
    return rng.choice(pool) if pool else None
