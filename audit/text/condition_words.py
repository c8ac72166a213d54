"""Word lists of the ICD-10-CM name matching (``condition_icd_names``), kept apart from the code that uses them."""

from __future__ import annotations

#: one-word titles that are words of everyday clinical text rather than one disease
GENERIC_TITLE_WORDS = frozenset(
    {
        "infection",
        "infections",
        "inflammation",
        "disease",
        "disorder",
        "lesion",
        "lesions",
        "tumor",
        "tumour",
        "neoplasm",
        "cancer",
        "carcinoma",
        "allergy",
        "anemia",
        "anaemia",
        "ulcer",
        "abscess",
        "cyst",
        "mass",
        "polyp",
        "polyps",
        "hernia",
        "colic",
        "shock",
        "arrest",
        "failure",
        "insufficiency",
        "deficiency",
        "dependence",
        "abuse",
        "block",
        "stricture",
        "obstruction",
        "effusion",
        "edema",
        "oedema",
        "hemorrhage",
        "haemorrhage",
        "bleeding",
        "thrombosis",
        "embolism",
        "fracture",
        "burn",
        "burns",
        "wound",
        "wounds",
        "scar",
        "keloid",
        "pregnancy",
        "delivery",
        "hypotension",
        "hypoglycemia",
        "hypokalemia",
        "hyperkalemia",
        "dehydration",
        "malnutrition",
        "anxiety",
        "insomnia",
        "delirium",
        "psychosis",
        "neuropathy",
        "nephropathy",
        "myopathy",
        "retinopathy",
        "seizure",
        "seizures",
        "convulsions",
        "tremor",
        "fatigue",
        "constipation",
        "diarrhea",
        "diarrhoea",
        "vomiting",
        "nausea",
        "cough",
        "dyspnea",
        "wheezing",
        "rash",
        "pruritus",
        "urticaria",
        "alopecia",
        "acne",
        "myalgia",
        "arthralgia",
        "arthritis",
        "dermatitis",
        "hepatitis",
        "nephritis",
        "gastritis",
        "colitis",
        "pneumonia",
        "bronchitis",
        "sinusitis",
        "otitis",
        "conjunctivitis",
        "cellulitis",
        "phlebitis",
        "vasculitis",
        "myocarditis",
        "pericarditis",
        "endocarditis",
        "meningitis",
        "encephalitis",
        "sepsis",
        "bacteremia",
        "viremia",
        "cataract",
        "myopia",
        "obesity",
        "overweight",
        "smoking",
        "angina",
        "tachycardia",
        "bradycardia",
        "arrhythmia",
        "hypertension",
        "hyperlipidemia",
        "depression",
        "dementia",
        "migraine",
        "headache",
        "vertigo",
        "syncope",
        "stroke",
        "paralysis",
        "paresis",
        "hemiplegia",
        "amnesia",
        "aphasia",
        "dysphagia",
        # said of menopause and contraception ("postmenopausal with amenorrhoea for 12 months"), not a disease required
        "amenorrhea",
        "amenorrhoea",
    }
)


#: head nouns that older and newer names of one class of disease swap ("myeloproliferative disorders",
#: now "myeloproliferative neoplasms"; "X disease" / "X disorder" / "X syndrome")
_HEADS = ("disorder", "disease", "syndrome")
#: modifiers of the classes the WHO renamed from disorder/disease to neoplasm (clonal proliferations)
_NEOPLASM_CLASS = ("proliferative", "dysplastic")


def head_variants(name: str) -> list[str]:
    """The same name with its last word (disorder, disease, syndrome, neoplasm, singular or plural) swapped
    for another of those heads: a registered condition in the older or newer wording of one class. Neoplasm
    is swapped in only after a -proliferative or -dysplastic modifier ("heart disease" is no heart neoplasm)."""
    words = name.strip().split()
    if len(words) < 2:
        return []
    head = words[-1].lower().rstrip("s")
    if head not in (*_HEADS, "neoplasm"):
        return []
    stem = " ".join(words[:-1])
    heads = list(_HEADS)
    if stem.lower().endswith(_NEOPLASM_CLASS):
        heads.append("neoplasm")
    elif head == "neoplasm":
        return []
    return [f"{stem} {h}{s}" for h in heads if h != head for s in ("", "s")]
