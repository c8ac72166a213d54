"""Organ systems of conditions, read from the ICD-10-CM chapters, for the condition-scope rules.

TA301 reports an inclusion criterion that requires, for everyone, a disease from *another organ
system or specialty* than every condition the trial declares. "Another organ system" is decided
here, with the chapters of ICD-10-CM (the shipped extract, ``trial_audit.text.icd10cm``):
primary biliary cholangitis (K74.3, chapter 11, digestive) is foreign to a lupus trial (M32,
chapter 13, musculoskeletal and connective tissue); type 2 diabetes (E11, chapter 4) is not
foreign to a hypertension trial (I10, chapter 9) because the cardio-renal-metabolic chapters are
linked (``LINKED``).

Chapters that do not name an organ system (symptoms, injuries, external causes, factors
influencing health) never decide: a trial of chemotherapy-induced nausea (R11) may require a cancer
diagnosis. Specialties of their own: pregnancy, the perinatal period, the chromosomal abnormalities and
genetic syndromes, and (tenth round) burns, toxicology (poisoning, envenoming) and food allergy.

ICD-10-CM names in free text (``IcdMatcher``) and the codes of registered condition names
(``icd_codes_of_name``) are in ``condition_icd_names``, which reads these chapters; its names stay
importable from here (``__getattr__``, on first use, so that neither module imports the other while loading).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from trial_audit.text.icd10cm import tabular

#: ICD-10-CM chapters (numbered as in the tabular list) that are organ systems or specialties; pregnancy (15,
#: obstetrics), the perinatal period (16, neonatology: judged against the trial's ages, ``perinatal_codes``) and
#: the chromosomal abnormalities of chapter 17 (Q90-Q99, "17": Down syndrome, Turner syndrome; the malformations
#: are placed by the organ malformed) are specialties of their own
ORGAN_CHAPTERS = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "22"})
#: chapter 19 (injury, poisoning) is no organ system, but two of its blocks are specialties a trial is scoped to
#: (tenth round): burns and corrosions (T20-T32: burns units, plastic surgery) and poisoning, toxic effects and
#: envenoming (T36-T65: toxicology). Only those codes have a system (``system_of``); injuries (S00-T19, T66-T88) have none.
ORGAN_CHAPTERS |= {"19"}
#: chapter 22 (codes for special purposes) holds COVID-19 (U07.1): an infection
_SAME_AS = {"22": "1"}
#: systems whose diseases are routinely required together in one trial: the cardio-renal-metabolic
#: axis (hypertension in a metabolic-syndrome trial, CKD in a diabetes trial), skin with the
#: inflammatory rheumatic diseases (psoriasis and psoriatic arthritis, lupus of the skin), the
#: kidney's glomerular diseases with the rest of nephrology and with the rheumatic diseases that
#: cause them (lupus nephritis, vasculitis). A key is a chapter ("9", every system of it) or a
#: system within a chapter ("14:kidney", ``SUBSYSTEMS``).
LINKED = (
    frozenset({"4:metabolic", "9", "14:kidney"}),
    frozenset({"12", "13:rheum"}),
    frozenset({"14:kidney", "14:glom"}),
    frozenset({"13:rheum", "14:glom"}),
    # fatty liver disease is defined by its cardiometabolic risk factors (MASLD: diabetes, obesity,
    # hypertension, dyslipidaemia): a fatty-liver trial requires them on purpose, and the other way round
    # chapter 4 is endocrinology (thyroid, the other glands) and metabolism (diabetes, lipids, nutrition): the
    # glands' diseases come with diabetes and hypertension (Cushing's syndrome, primary aldosteronism), the
    # thyroid's with the other glands; thyroid disease is foreign to a diabetes or hypertension trial
    frozenset({"4:metabolic", "11:metabolic"}),  # (type 2 diabetes in a NASH trial, NASH in a type 2 diabetes trial)
    frozenset({"4:glands", "4:metabolic", "9", "14:kidney"}),  # (kidney stones of hyperparathyroidism)
    frozenset({"1:U00-U49", "10:acute"}),  # COVID-19 pneumonia, ARDS, respiratory failure
    # the gonads' endocrine diseases (E28-E29: polycystic ovary syndrome, hypogonadism) are gynaecology's and andrology's
    # too: oligomenorrhoea in a PCOS trial is its defining feature
    frozenset({"4:glands", "14:genital"}),
    frozenset({"4:thyroid", "4:glands"}),
    # gout and the other crystal arthropathies are rheumatology, not the skin's or the glomerulus' disease
    # (gout in an atopic-dermatitis trial is foreign); a gout trial's urate band is its own by the vocabulary
    # (gout's parent is hyperuricaemia), not by a link of the whole chapter - a trial placed in chapter 13 by a
    # word would take part in it ("Pneumococcal" is placed there by the many codes of pneumococcal arthritis)
    frozenset({"13:crystal", "13:rheum"}),
    # chapter 11 is three specialties (``SUBSYSTEMS``): fatty liver disease is a liver disease, and bleeding from
    # the digestive tract (K92) comes with liver disease (varices) as with the gut's own diseases
    frozenset({"11:liver", "11:metabolic"}),
    frozenset({"11:bleed", "11:liver"}),
    frozenset({"11:bleed", "11:gi"}),
    # obstetrics with gynaecology, with the metabolic and circulatory diseases of pregnancy (gestational diabetes in a
    # diabetes trial, pre-eclampsia in a hypertension trial) and with the newborn (preterm birth)
    frozenset({"15", "14:genital"}),
    frozenset({"15", "4:metabolic", "9"}),
    frozenset({"15", "16"}),
    # burns with the skin (grafts, scars, wound healing) and with smoke inhalation; overdose with substance use
    frozenset({"19:burns", "12"}),
    frozenset({"19:burns", "19:toxic"}),
    frozenset({"19:toxic", "5:substance"}),
    # allergy with the gut's allergic diseases, and with the skin (the atopic march: food allergy in atopic dermatitis)
    frozenset({"3:allergy", "11:allergy"}),
    frozenset({"11:allergy", "11:gi"}),
    frozenset({"3:allergy", "12"}),
)
#: substance use disorders (F10-F16, F18-F19) and the organs the substances harm and the infections
#: injecting and drinking bring (HIV, viral hepatitis, tuberculosis - not every infection: COVID-19 is
#: no harm of alcohol): a liver, heart, brain, lung or HIV/hepatitis trial may require them, and they those
#: (one-way entries both ways, not a ``LINKED`` group: a group holding the whole chapter "1" would link
#: every infection to every other)
_SUBSTANCE_HARMS = ("1:B20", "1:B15-B19", "1:A15-A19", "6", "9", "10", "11:liver", "11:bleed")
#: (of the digestive system, the liver and pancreas - alcohol-related liver disease, pancreatitis - and bleeding from
#: the tract; not the gut's own diseases: ulcerative colitis in a cocaine-users trial is another specialty)
#: codes that are a system of their own within a chapter not otherwise split: fatty liver disease
#: (K75.81 steatohepatitis, K76.0 fatty liver) is metabolic liver disease
_CODE_SYSTEMS = {"K7581": "11:metabolic", "K760": "11:metabolic", "M1A": "13:crystal"}
#: the substance use disorders are a system of chapter 5 with their own links (``LINKED``); nicotine
#: dependence (F17) is a trait (``is_trait``)
_CODE_SYSTEMS |= {f"F1{d}": "5:substance" for d in "01234568" + "9"}
#: the acute lung injuries an infection brings (pneumonia J12-J18, ARDS J80, respiratory failure J96): a
#: COVID-19 trial requires them on purpose (``LINKED``), not the lungs' chronic diseases (IPF, COPD, asthma)
#: gastrointestinal haemorrhage (K92.0-K92.2), linked to the liver and the gut (``LINKED``); oesophageal and
#: gastric varices (I85, I86.4) are portal hypertension's, a liver disease, though filed with the veins
_CODE_SYSTEMS |= {"K920": "11:bleed", "K921": "11:bleed", "K922": "11:bleed", "I85": "11:liver", "I864": "11:liver"}
_CODE_SYSTEMS |= {c: "10:acute" for c in ("J12", "J13", "J14", "J15", "J16", "J17", "J18", "J80", "J96")}
#: (and "interstitial pneumonia NOS", J84.9, the pattern of COVID-19 on CT; the named chronic interstitial diseases - IPF,
#: J84.1x - stay the lungs' own: IPF or COPD required in a COVID-19 trial is another population)
_CODE_SYSTEMS |= {"J849": "10:acute"}
#: the specialties of chapter 19 (``ORGAN_CHAPTERS``): burns and corrosions, poisoning and toxic effects (T36-T50 drugs,
#: T51-T65 other substances, T63 venoms)
_CODE_SYSTEMS |= {f"T{n}": "19:burns" for n in range(20, 33)} | {f"T{n}": "19:toxic" for n in range(36, 66)}
#: allergy (tenth round): food and insect allergy (Z91.01-Z91.03, ICD-10-CM files them as a status) and the food
#: reactions of chapter 19 (anaphylaxis due to food T78.0, other adverse food reactions T78.1) are the allergist's
#: diseases, with the immune disorders of chapter 3 (hereditary angioedema D84.1). Not a drug or medicinal allergy
#: (Z88, T88: an exclusion of the study drug, never a population) nor "allergy, unspecified" / "hypersensitivity"
#: (T78.4), which name no disease.
_CODE_SYSTEMS |= {c: "3:allergy" for c in ("Z9101", "Z9102", "Z9103", "T780", "T781", "T782", "T783")}
#: the gut's allergic diseases (allergic and dietetic gastroenteritis K52.2, "food hypersensitivity gastroenteritis";
#: eosinophilic oesophagitis K20.0) are the gut's and the allergist's both (``LINKED``): a trial registered for "Food
#: Hypersensitivity" (K52.2 by its inclusion term) requires a peanut allergy on purpose
_CODE_SYSTEMS |= {"K522": "11:allergy", "K200": "11:allergy"}
#: the congenital syndromes of several organs that clinical genetics treats with the chromosomal abnormalities
#: (Q90-Q99, "17"): fetal alcohol syndrome (Q86), the syndromes of the face, of short stature (Prader-Willi, Noonan),
#: of the limbs and of overgrowth (Q87.0-Q87.3); Marfan's (Q87.4, the aorta) and the rest of Q87 stay unplaced
_CONGENITAL_CODES = {"Q86": "17", "Q870": "17", "Q871": "17", "Q872": "17", "Q873": "17"}
#: one-way links: a trial of the key system may require diseases of the value systems - a trial of
#: a blood condition (cancer-related anaemia, neutropenia) may require the cancer it comes with; a
#: glomerular-disease trial the hypertension or diabetes that comes with it. The other way round
#: (thalassaemia in a leukaemia trial, IgA nephropathy in a hypertension trial) is another specialty.
ONE_WAY = {
    "3": ("2",),
    "14:glom": ("4:metabolic", "9"),
    # one way to the heart (eighth round): a fatty-liver trial may require hypertension; biopsy-proven NASH required in a
    # myocardial-infarction or arrhythmia trial is a hepatology population of its own (with metabolism: both ways, ``LINKED``)
    "11:metabolic": ("9",),
    # an HIV trial may require an AIDS-defining illness (the disease of the population it studies):
    # opportunistic infections (tuberculosis, mycobacteria, herpes and cytomegalovirus, fungi,
    # toxoplasma and pneumocystis, cryptosporidium), Kaposi sarcoma and lymphoma - not another
    # infection such as hepatitis B or C (a co-infection population the record must say it enrols)
    "5:substance": _SUBSTANCE_HARMS,
    # a pregnancy trial may require an infection (HIV, malaria, group B streptococcus), anaemia, a mental disorder
    # (perinatal depression) or kidney disease on purpose (condition_settings: the same links as a pregnancy setting)
    "15": ("1", "3", "5", "14:kidney"),
    # a poisoning or burns trial may require the organ injury the poison or the burn causes (acute kidney injury,
    # coagulopathy after envenoming, liver injury after paracetamol, inhalation injury, wound infection): a trial
    # placed there is never judged; poisoning or a burn required in another organ's trial is (tenth round)
    "19:toxic": tuple(sorted(ORGAN_CHAPTERS)),
    # an infection trial may require the burn its infection is in ("Burn wounds with a documented infection")
    "1": ("19:burns",),
    "19:burns": tuple(sorted(ORGAN_CHAPTERS)),
    "1:B20": ("1:A15-A19", "1:A30-A49", "1:B00-B09", "1:B25-B34", "1:B35-B49", "1:B50-B64", "1:A00-A09", "2:C45-C49", "2:heme"),
}
for _harm in _SUBSTANCE_HARMS:
    ONE_WAY[_harm] = (*ONE_WAY.get(_harm, ()), "5:substance")
#: chapters whose blocks are several specialties (the block distance within a chapter): the
#: inflammatory rheumatic diseases (arthropathies M00-M14, systemic connective-tissue disorders
#: M30-M36, inflammatory spondylopathies M45-M46) are rheumatology, the rest of chapter 13 (arthrosis,
#: spine, soft tissue, bone) orthopaedics; chapter 14 is nephrology - glomerular diseases (N00-N08)
#: and the rest of the kidney (N10-N29) - and the urinary, genital and breast organs (N30-N99).
#: Gout is another specialty in a cervical-disc trial, IgA nephropathy in a contraception trial.
#: Chapter 12: the sunlight disorders of the skin (L55-L59), the organ background of skin cancers,
#: and the rest of dermatology. Gout and the crystal arthropathies (M10-M11, M1A) are rheumatology of
#: their own, linked to urate metabolism; chapter 4 is thyroid (E00-E07), the other endocrine glands
#: (E20-E35) and metabolism (diabetes, lipids, nutrition, E08-E16 and E40-E89).
SUBSYSTEMS = {
    "13": (("M10", "M11", "crystal"), ("M00", "M14", "rheum"), ("M30", "M36", "rheum"), ("M45", "M46", "rheum"), ("M15", "M99", "mech")),
    "4": (("E00", "E07", "thyroid"), ("E20", "E35", "glands"), ("E08", "E89", "metabolic")),
    "14": (("N00", "N08", "glom"), ("N10", "N29", "kidney"), ("N30", "N99", "genital")),
    # the skin disorders sunlight causes (actinic keratosis L57.0) are the background of skin cancers; the
    # rest of dermatology (psoriasis, eczema, acne) is another specialty than melanoma
    "12": (("L55", "L59", "sun"), ("L00", "L99", "skin")),
    # chapter 11: the mouth and teeth (K00-K14), the digestive tract (oesophagus to anus, peritoneum, malabsorption,
    # K20-K69 and K90-K95) and the liver, biliary tract and pancreas (K70-K87): GERD or periodontitis in a
    # hepatitis C trial, cirrhosis in a Crohn's disease trial are another specialty
    "11": (("K00", "K14", "oral"), ("K20", "K69", "gi"), ("K70", "K87", "liver"), ("K90", "K95", "gi")),
}
#: curated areas (condition_markers.toml) that are one specialty, for concepts without ICD codes
_AREA_GROUPS = ({"cardiometabolic", "cardiovascular", "renal"}, {"oncology", "hematologic_malignancy", "hematologic"})


def chapter_of(code: str) -> str | None:
    """The ICD-10-CM chapter of a code ("K74.3" -> "11"); None for a code the extract does not know."""
    ch = tabular().chapter_of_node(code)
    return _SAME_AS.get(ch, ch) if ch else None


def system_of(code: str) -> str | None:
    """The organ system of a code: its chapter, or for infections and neoplasms its block.

    Infections and neoplasms are each one chapter but many organ systems: HIV (B20) is not
    hepatitis C (B15-B19), rectal cancer (C15-C26, digestive organs) is not renal cell carcinoma
    (C64-C68, urinary tract). Their blocks stand for the organ system, as "2:C15-C26"; the
    lymphoid and haematopoietic neoplasms (C81-C96, D45-D47) are one, "2:heme".
    """
    ch = chapter_of(code)
    c = code.replace(".", "")
    if ch == "17":  # congenital malformations: the organ malformed ("Polycystic kidney" -> urinary)
        by_code = next((v for k, v in _CONGENITAL_CODES.items() if c.startswith(k)), None)
        return by_code or next((organ for lo, hi, organ in _CONGENITAL if lo <= c[:3] <= hi), None)
    special = next((v for k, v in _CODE_SYSTEMS.items() if c.startswith(k)), None)
    if special:
        return special
    if ch == "19":  # injuries are no system; only the burns and toxicology blocks are (``_CODE_SYSTEMS``)
        return None
    if ch in SUBSYSTEMS:
        # a code of the chapter gives its specialty; the chapter's own node ("13") stays the whole chapter
        # by the category ("M48" spinal stenosis, beside "M45" ankylosing spondylitis in block M45-M49); a
        # category with a letter ("M1A", chronic gout) by its block (M05-M14)
        key = c[:3]
        if len(key) == 3 and not key[2].isdigit():
            anc = _ancestors(code)
            key = (anc[-2] if len(anc) >= 2 else code)[:3]
        return next((f"{ch}:{name}" for lo, hi, name in SUBSYSTEMS[ch] if lo <= key <= hi), ch)
    if ch not in _BY_BLOCK:
        return ch
    if ch == "2" and ("C81" <= c[:3] <= "C96" or "D45" <= c[:3] <= "D47"):
        return "2:heme"
    anc = _ancestors(code)
    block = anc[-2] if len(anc) >= 2 else code
    return f"{ch}:{block}"


_BY_BLOCK = frozenset({"1", "2"})
#: congenital-malformation blocks (chapter 17) -> the organ chapter they belong to
_CONGENITAL = (
    ("Q00", "Q07", "6"),
    ("Q10", "Q15", "7"),
    ("Q16", "Q18", "8"),
    ("Q20", "Q28", "9"),
    ("Q30", "Q34", "10"),
    ("Q35", "Q45", "11"),
    ("Q50", "Q64", "14"),
    ("Q65", "Q79", "13"),
    ("Q80", "Q84", "12"),
    ("Q90", "Q99", "17"),
)


@lru_cache(maxsize=65536)
def _ancestors(code: str) -> tuple[str, ...]:
    return tabular().ancestors(code)


def perinatal_only(systems: Iterable[str]) -> bool:
    """Every one of the systems is the perinatal period's (chapter 16: prematurity, neonatal jaundice)."""
    systems = list(systems)
    return bool(systems) and all(_chapter(x) == "16" for x in systems)


def is_trait(code: str) -> bool:
    """A state trials require on purpose in any population, not another organ system's disease:
    nicotine dependence (F17: smokers in a COPD, heart or cancer-screening trial), obesity and
    overweight (E66: obese adults in a sleep-apnoea trial), pain as such (G89). The other substance
    use disorders (F10-F16, F18-F19) are diagnoses of their own system, "5:substance", linked to the
    organs the substances harm (``LINKED``): alcohol use disorder in a liver trial is on purpose, in
    a knee-osteoarthritis trial it is not."""
    c = code.replace(".", "")
    return c[:3] in ("F17", "E66", "G89")


def organ_chapters(codes: Iterable[str], traits: bool = False) -> frozenset[str]:
    """The organ systems (``system_of``) of some codes; symptom, injury, factor ... chapters left out.

    ``traits``: keep the chapters of traits (a nicotine-dependence trial is a chapter-5 trial; only
    a *required* trait is never foreign).
    """
    out = {system_of(c) for c in codes if traits or not is_trait(c)}
    return frozenset(c for c in out if c is not None and c.split(":")[0] in ORGAN_CHAPTERS)


def _chapter(system: str) -> str:
    return system.split(":")[0]


def _covers(key: str, system: str) -> bool:
    """A link key stands for a system: the same, a chapter key for any system of it, or a system
    known only by its chapter ("13", from a setting or a curated area) for any key of that chapter
    when the chapter is one of several specialties (undecided within the chapter, so never foreign)."""
    return key == system or key == _chapter(system) or (system in SUBSYSTEMS and _chapter(key) == system)


def _in_group(key: str, system: str) -> bool:
    """A link key names the system itself or its whole chapter; a system known only as a whole split
    chapter ("13", a name placed by its words) may be any specialty of it, so it takes part in their links."""
    return _covers(key, system)


def _near(required: str, declared: str, links: bool = True) -> bool:
    """The required system is the declared one, or (``links``) linked to it (both ways, or one way from the declared)."""
    if _covers(required, declared) or _covers(declared, required):
        return True
    if not links:
        return False
    if any(any(_in_group(k, required) for k in g) and any(_in_group(k, declared) for k in g) for g in LINKED):
        return True
    return any(_in_group(k, declared) and any(_in_group(v, required) for v in vals) for k, vals in ONE_WAY.items())


#: the organ chapter of each block of solid neoplasms: a cancer is related to its organ's other
#: diseases (Child-Pugh cirrhosis in a liver-cancer trial, COPD in a lung-cancer trial)
_ORGAN_OF_BLOCK = {
    "C00-C14": "11",
    "C15-C26": "11",
    "C30-C39": "10",
    "C40-C41": "13:mech",
    "C43-C44": "12:sun",
    "C45-C49": "13",
    "C50": "",  # breast: no organ chapter of its own (its disorders sit with the genitourinary ones)
    "C51-C58": "14:genital",
    "C60-C63": "14:genital",
    "C64-C68": "14",
    "C69-C72": "6",
    "C73-C75": "4",
    "D10-D36": "",
    # infections of one organ: viral hepatitis (liver), tuberculosis (lung), intestinal and sexually
    # transmitted infections; HIV is not linked (an HIV requirement is foreign to a haematology trial)
    "B15-B19": "11:liver",
    "A15-A19": "10",
    "A00-A09": "11:gi",
    "A50-A64": "14:genital",
}


def _organ(system: str) -> str | None:
    """The organ chapter of a neoplasm's or an infection's block ("2:C15-C26" -> "11"), if it has one."""
    if system.startswith(("1:", "2:")):
        return _ORGAN_OF_BLOCK.get(system[2:]) or None
    return None


def foreign_chapters(required: frozenset[str], declared: Iterable[str], coarse: bool = False) -> bool:
    """The required systems share none (nor a linked one) with the declared systems.

    ``coarse``: compare chapters only (a tumour biomarker such as HER2 is measured in any neoplasm).
    False when either side is unknown: without a system on both sides nothing is decided.
    """
    dec = set(declared)
    if not required or not dec:
        return False
    # a neoplasm or an infection stands for its organ too, but only as that organ: the organ's own links
    # do not carry over (melanoma's organ is the skin, and skin is linked to rheumatology, but gout is
    # another specialty than melanoma)
    organs = {o for d in dec if (o := _organ(d))}
    full = set(dec)
    if coarse:
        dec, organs = {_chapter(d) for d in dec}, {_chapter(o) for o in organs}
    for r in required:
        r_organ = _organ(r)
        cands = {r} | ({r_organ} if r_organ else set())
        if coarse:
            # the same chapter is enough; links are those of the systems themselves (a chapter of several specialties
            # compared as a whole would take part in the links of every specialty of it: chapter 11 in fatty liver's)
            if any(_chapter(c) == d for c in cands for d in dec) or any(_near(r, d) for d in full):
                return False
            cands = {_chapter(c) for c in cands}
        elif any(_near(c, d, links=c == r) for c in cands for d in dec):
            return False
        if any(_near(c, o, links=False) for c in cands for o in organs):
            return False
    return True


def foreign_areas(area: str, declared: Iterable[str]) -> bool:
    """The fallback for concepts without ICD-10-CM codes: the curated area differs from every declared one."""
    dec = {a for a in declared if a != "other"}
    if area == "other" or not dec:
        return False
    for group in _AREA_GROUPS:
        if area in group:
            return not (dec & group)
    return area not in dec


#: the organ system of a curated area, for concepts without ICD-10-CM codes ("autoimmune" spans several)
AREA_SYSTEM = {
    "oncology": "2",
    "hematologic_malignancy": "2:heme",
    "hematologic": "3",
    "cardiometabolic": "4",
    "cardiovascular": "9",
    "renal": "14",
    "hepatic": "11:liver",
    "neurological": "6",
    "psychiatric": "5",
    "respiratory": "10",
    "infectious": "1",
    "ophthalmic": "7",
    "otologic": "8",
    "dermatologic": "12",
    "musculoskeletal": "13",
    "gastrointestinal": "11:gi",
    "endocrine": "4",
    "urogenital": "14",
}


#: names that moved to ``condition_icd_names`` (ICD-10-CM names in text), still importable from here
_ICD_NAMES = frozenset(
    {
        "IcdMatcher",
        "IcdMention",
        "_ADJECTIVE",
        "_BAD_FIRST",
        "_BRITISH",
        "_COURSE",
        "_DISEASE_NOUN",
        "_EVERY_CHAPTER",
        "_KEY_WORD",
        "_LAB_STATE",
        "_NOT_ONE_DISEASE",
        "_QUALIFIER",
        "_RESIDUAL_HEAD",
        "_RESIDUAL_TAIL",
        "_SEP",
        "_VAGUE",
        "_WORD_SHARE",
        "_WordSystems",
        "_american",
        "_build_word_systems",
        "_head_words",
        "_plain",
        "_residual_heads",
        "_specific_name",
        "_title_tokens",
        "_word_systems",
        "icd_codes_in_title",
        "icd_codes_of_name",
        "icd_matcher",
        "word_system_code",
    }
)


def __getattr__(name: str) -> Any:
    if name in _ICD_NAMES:
        from trial_audit.text import condition_icd_names

        return getattr(condition_icd_names, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
