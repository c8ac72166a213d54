"""The ``fresh2`` fourth of the defect-injection wordings (``--wordings fresh2``).

Written on 2026-12-07 (night) by a benchmark author who did not read the rules (checks/,
audit/text/, docs/rules*.md), after the ``fresh`` half had been seen by the people tuning them, so
that the next measurement is again one on phrasings nobody tuning a rule has seen. Every wording
differs from every wording of the tune, held-out and fresh halves (not a case or spacing variant of
one) and follows how registrants write in ClinicalTrials.gov, ICTRP's partner registries (ChiCTR,
CTRI, IRCT, EU CTR, ANZCTR, DRKS, JPRN, ISRCTN, RPCEC, TCTR) and legacy records, English as
non-native writers write it too: circled and full-width numbers, roman numerals, v2's escaped
``1\\)``, EU CTR's "E.4 Principal exclusion criteria", CTRI's "both inclusive" and "age group",
"=>", tilde ranges, requirements diagnosed by named criteria (Rome IV, Rotterdam, ISN/RPS, DSM-5,
EULAR/ACR, ICHD-3), staging, histology, scores, laboratory and imaging findings.

**Rule developers: never read this file.** inject_ops.py and inject_ops_outcomes.py merge it into
their ``WORDINGS`` under the key ``fresh2``; the benchmark's Markdown never quotes a fresh2 wording
(its ``--json`` does: keep that file to yourself).
"""

from __future__ import annotations

from inject_wordings_fresh import ordinal, spelled

# --- numbering ---------------------------------------------------------------------------------
# {n} number, {N} the number in full-width digits, {c} circled (①), {p} parenthesised (⑴), {r} {R}
# roman numerals (lower / upper case); marker_fields() fills them, marker_fits() says which fit.

MARKER = [
    "{n}）",  # half-width number, full-width parenthesis (ChiCTR)
    "{N}.",  # full-width digits (JPRN, pasted from Japanese word processors)
    "{c}",  # circled numbers (ChiCTR, JPRN)
    "{p}",  # parenthesised number characters (Chinese documents)
    "{r})",  # roman numerals (EU CTR, ANZCTR protocols)
    "{n}\\)",  # how v2 Markdown escapes "1)" (v2 only)
    "{n}]",
    "{n} )",  # typed with a space (CTRI)
]
LETTER = ["{a}:", "{A}-", "{a}）", "{A}．", "{a} )", "{a}.)"]
# mixed_markers: items of an "n." list written in another style
MIXED = ["{n}）", "{n}]", "{n} )", "{n}:-", "{r}.", "({n}）"]
# sublist_like_parent: what precedes the flush sub-item numbers
SUBLIST_LEAD = ["• ", "– ", "▪ ", "+ ", "○ ", "-> "]

# --- structure ---------------------------------------------------------------------------------
# merged_header: {prev} is the last inclusion item
MERGED_HEADER = [
    "{prev} E.4 Principal exclusion criteria",  # EU CTR section label
    "{prev}. Participants are not eligible if they meet any of the following:",
    "{prev}. Exclusions:",
    "{prev}. Criteria of exclusion:",
    "{prev}. Exclusion criteria are as follows:",
    "{prev}. Exclusion criterias:",
    "{prev} 2. Exclusion criteria:",
    "{prev}. Exclusion criteria for both groups:",
    "{prev}. Reasons for exclusion:",
    "{prev}. Patients will be excluded if they have any of the following:",
    "{prev}. Main exclusion criteria:",
    "{prev}. Subjects meeting any of the following will not be enrolled:",
]
# header_first: {h} the section's header, {H} upper case; {kind} / {Kind} inclusion or exclusion,
# {elig} "are eligible" / "are not eligible" (only where the header says which section it is)
HEADER_FIRST = [
    "Key {kind} criteria: {label} {text}",
    "Criteria for {kind}: {label} {text}",
    "Main {kind} criteria - {label} {text}",
    "{Kind} criterias: {label} {text}",
    "{h} are as follows: {label} {text}",
    "Subject {kind} criteria: {label} {text}",
    "The following {kind} criteria apply: {label} {text}",
    "{Kind}: {text}",
    "{h} include: {label} {text}",
    "Participants {elig} if: {label} {text}",
    "{Kind} criteria for all participants: {label} {text}",
]
# run_together: {a} the item, {label} the next item's marker, {b} its text
RUN_TOGETHER = [
    "{a} - {label} {b}",
    "{a} | {label} {b}",
    "{a} and {label} {b}",
    "{a}, or {label} {b}",
    "{a} • {label} {b}",
    "{a}.- {label} {b}",
    "{a}:- {label} {b}",
    "{a} ... {label} {b}",
    "{a}.; {label} {b}",
]

# --- ages: {lo} {hi}, {lo_w} {hi_w} written out, {lo_m} months (small children only) -------------

SUMMARY_AGE = [
    "Participants must be not younger than {lo} and not older than {hi} years.",
    "We intend to include {pop} of either sex, age {lo} to {hi} years.",
    "{Pop} aged {lo} years and above, up to and including {hi} years, will be screened for eligibility.",
    "A total of 60 {pop} aged {lo}~{hi} years will be randomly allocated to two groups.",
    "Eligible {pop} will be {lo} to {hi} years old at enrolment.",
    "{Pop} who are {lo_w} years or older and under {hi_w} years will be recruited from the outpatient clinic.",
    "Study subjects: {pop}, {lo}-{hi} years old, of both genders.",
    "The trial will enroll {pop} {lo} years of age and older.",
    "{Pop} of {lo} years or above and below {hi} years of age are eligible for this study.",
    "Age range of participants: {lo} to {hi} years.",
    "Target population: {pop} in the age group of {lo}-{hi} years.",
    "{Pop} aged {lo} yrs to {hi} yrs (both inclusive) will be enrolled.",
    "{Pop} over {lo} years of age will take part in the study.",
    "We will enrol {pop} aged from {lo} years to less than {hi} years.",
    "We will randomise {pop} (age: {lo} to {hi}) attending the study sites.",
    "Young children from the age of {lo_m} months up to {hi} years will be enrolled.",
    "The inclusion age is {lo} years or more, with an upper age limit of {hi} years.",
    "Main inclusion: {pop} with age => {lo} and =< {hi} years.",
]
CRITERIA_AGE = [
    "Aged between {lo} and {hi} years, both inclusive",
    "Not younger than {lo} years",
    "{lo} yrs or above",
    "Age: {lo}yrs to {hi}yrs",
    "Adults ({lo}-{hi} years)",  # only when the lower age is 18 or more
    "{lo} y/o to {hi} y/o",
    "Subject's age => {lo} years",
    "Age of {lo} years or above",
    "Aged more than {lo} and less than {hi} years",
    "Up to and including {hi} years of age",  # upper limit only
    "Maximum age: {hi} years",  # upper limit only
    "Patients aged {lo_w} to {hi_w} years",
    "{lo}-{hi} year-old males and females",
    "Age {lo} years and above, both genders",
    "Male or female ≥{lo} yr of age",
    "Age {lo} to less than {hi} years at screening",
    "Infants and children aged {lo_m} months to {hi} years",  # only when the lower age is 3 years or less
    "Either sex, age group {lo}-{hi} years",
    "Age greater than or equal to {lo} years",
    "Subjects should be {lo} years of age or more and below {hi}",
]

# --- scope: (chapter key of CHAPTER_WORDS, a requirement for everyone from another specialty) ----

SCOPE = [
    ("g-eye", "Diabetic macular oedema with central subfield thickness ≥ 300 µm on SD-OCT"),
    ("g-eye", "Progressive keratoconus with maximum keratometry (Kmax) ≥ 47 D"),
    ("g-eye", "Active non-infectious intermediate, posterior or pan-uveitis"),
    ("g-eye", "Myopia between -1.00 D and -4.00 D spherical equivalent in both eyes"),
    ("g-ent", "Chronic suppurative otitis media with a central tympanic membrane perforation"),
    ("g-ent", "Presbycusis with a pure-tone average of 25–60 dB HL in the better ear"),
    ("g-ent", "Persistent allergic rhinitis with a positive skin prick test to house dust mite"),
    ("g-resp", "Non-cystic fibrosis bronchiectasis on high-resolution CT with ≥ 2 exacerbations in the previous year"),
    ("g-resp", "Cystic fibrosis with two CFTR mutations and sweat chloride ≥ 60 mmol/L"),
    ("g-resp", "Community-acquired pneumonia with a CURB-65 score of 2 or more"),
    ("g-resp", "Chronic cough for at least 8 weeks, refractory to treatment"),
    ("g-heart", "Pulmonary arterial hypertension (WHO Group 1), mean PAP > 20 mmHg at right heart catheterisation"),
    ("g-heart", "Obstructive hypertrophic cardiomyopathy with a resting or provoked LVOT gradient ≥ 50 mmHg"),
    ("g-heart", "Acute ST-elevation myocardial infarction treated with primary PCI within 12 hours of symptom onset"),
    ("g-heart", "Untreated essential hypertension grade 1-2 (office BP 140-179/90-109 mmHg)"),
    ("g-vein", "Chronic venous disease of the legs, CEAP clinical class C2-C4"),
    ("g-vein", "Proximal deep vein thrombosis confirmed by compression ultrasonography"),
    ("g-kidney", "Biopsy-proven lupus nephritis class III or IV (ISN/RPS 2003)"),
    ("g-kidney", "At least one radio-opaque renal calculus of 5–20 mm on non-contrast CT"),
    ("g-kidney", "Serum potassium > 5.5 mmol/L at screening (hyperkalaemia)"),
    ("g-uro", "Stress urinary incontinence confirmed by a positive cough stress test"),
    ("g-uro", "Erectile dysfunction for at least 6 months with an IIEF-EF domain score ≤ 21"),
    ("g-uro", "Chronic prostatitis/chronic pelvic pain syndrome with an NIH-CPSI total score ≥ 15"),
    ("g-gyn", "Polycystic ovary syndrome according to the Rotterdam criteria"),
    ("g-gyn", "Symptomatic uterine fibroids with heavy menstrual bleeding (≥ 80 mL blood loss per cycle)"),
    ("g-gyn", "Cervical intraepithelial neoplasia grade 2/3 on colposcopy-directed biopsy"),
    ("g-liver", "Primary biliary cholangitis with ALP ≥ 1.67 × ULN despite ursodeoxycholic acid"),
    ("g-liver", "Chronic hepatitis C, genotype 3, detectable HCV RNA, treatment-naive"),
    ("g-gut", "Irritable bowel syndrome with predominant constipation according to Rome IV criteria"),
    ("g-gut", "Active ileocolonic Crohn's disease, CDAI 220-450 and SES-CD ≥ 6"),
    ("g-gut", "Helicobacter pylori infection confirmed by a 13C-urea breath test"),
    ("g-gut", "Eosinophilic oesophagitis with ≥ 15 eosinophils per high-power field on oesophageal biopsy"),
    ("g-gut", "Symptomatic internal haemorrhoids grade II-III (Goligher classification)"),
    ("g-pancreas", "First episode of acute pancreatitis according to the revised Atlanta classification"),
    ("g-skin", "Chronic spontaneous urticaria with a UAS7 ≥ 16 despite H1-antihistamines"),
    ("g-skin", "Moderate to severe facial acne vulgaris (IGA 3 or 4) with at least 20 inflammatory lesions"),
    ("g-skin", "Alopecia areata with at least 50% scalp hair loss (SALT score ≥ 50)"),
    ("g-skin", "Toenail onychomycosis confirmed by KOH microscopy and fungal culture"),
    ("g-rheum", "Systemic lupus erythematosus meeting the 2019 EULAR/ACR classification criteria, SLEDAI-2K ≥ 6"),
    ("g-rheum", "Primary Sjögren's syndrome (2016 ACR/EULAR criteria) with ESSDAI ≥ 5"),
    ("g-rheum", "Fibromyalgia fulfilling the 2016 revised ACR criteria"),
    ("g-rheum", "Polymyalgia rheumatica according to the 2012 EULAR/ACR provisional classification criteria"),
    ("g-spine", "Chronic non-specific low back pain for more than 3 months with an Oswestry Disability Index ≥ 30%"),
    ("g-spine", "Lumbar disc herniation on MRI with radicular leg pain"),
    ("g-joint", "Adhesive capsulitis of the shoulder (frozen shoulder) for at least 3 months"),
    ("g-joint", "Closed distal radius fracture (AO type A or C) treated with a cast"),
    ("g-endo", "Acromegaly with IGF-1 above 1.3 × ULN"),
    ("g-endo", "Primary hyperparathyroidism with serum calcium between 2.6 and 3.0 mmol/L"),
    ("g-endo", "Thyroid nodule classified TI-RADS 4 or 5 on ultrasound"),
    ("g-neuro", "Acute ischaemic stroke with an NIHSS score of 4-25, within 4.5 hours of onset"),
    ("g-neuro", "Chronic inflammatory demyelinating polyneuropathy per EAN/PNS 2021 criteria"),
    ("g-neuro", "Restless legs syndrome (IRLSSG criteria) with an IRLS score ≥ 15"),
    ("g-neuro", "Classical trigeminal neuralgia according to ICHD-3"),
    ("g-neuro", "Genetically confirmed Huntington's disease (≥ 36 CAG repeats)"),
    ("g-neuro", "Carpal tunnel syndrome confirmed by nerve conduction studies"),
    ("g-neuro", "Ambulatory boys with Duchenne muscular dystrophy confirmed by genetic testing"),
    ("g-mental", "Bipolar I disorder, current manic episode (DSM-5), YMRS ≥ 20"),
    ("g-mental", "Post-traumatic stress disorder according to DSM-5 with a CAPS-5 score ≥ 26"),
    ("g-mental", "Attention-deficit/hyperactivity disorder diagnosed per DSM-5 criteria"),
    ("g-mental", "Obsessive-compulsive disorder with a Y-BOCS total score ≥ 16"),
    ("g-mental", "Opioid use disorder on stable methadone maintenance"),
    ("g-mental", "Anorexia nervosa (DSM-5) with a BMI of 14 to 17.5 kg/m²"),
    ("g-sleep", "Chronic insomnia disorder with an Insomnia Severity Index ≥ 15"),
    ("g-blood", "Iron deficiency anaemia (haemoglobin < 11 g/dL and ferritin < 30 ng/mL)"),
    ("g-blood", "Paroxysmal nocturnal haemoglobinuria with LDH ≥ 1.5 × ULN"),
    ("g-blood", "Type 1 von Willebrand disease with VWF:RCo < 30 IU/dL"),
    ("g-blood", "Polycythaemia vera per WHO 2016 criteria with haematocrit > 45% despite phlebotomy"),
    ("g-cancer", "Hepatocellular carcinoma, BCLC stage B or C, not amenable to resection"),
    ("g-cancer", "Resected stage III cutaneous melanoma (AJCC 8th edition) with a BRAF V600E/K mutation"),
    ("g-cancer", "Locally advanced rectal adenocarcinoma (cT3-4 or N+) within 12 cm of the anal verge"),
    ("g-cancer", "Triple-negative breast cancer (ER < 1%, PR < 1%, HER2 0 or 1+)"),
    ("g-cancer", "Relapsed multiple myeloma with serum M-protein ≥ 0.5 g/dL after at least 3 prior lines"),
    ("g-cancer", "Newly diagnosed FLT3-mutated acute myeloid leukaemia"),
    ("g-cancer", "Squamous cell carcinoma of the head and neck, stage III-IVB"),
    ("g-cancer", "Clear-cell renal cell carcinoma of IMDC intermediate or poor risk"),
    ("g-infect", "Uncomplicated urinary tract infection with ≥ 10⁵ CFU/mL on midstream urine culture"),
    ("g-infect", "Positive RT-PCR for SARS-CoV-2 within the last 72 hours"),
    ("g-infect", "Visceral leishmaniasis confirmed by rK39 rapid test or splenic aspirate"),
    ("g-infect", "Dengue NS1 antigen positive, with fever for less than 72 hours"),
    ("g-infect", "Herpes zoster rash that appeared within the last 72 hours"),
    ("g-infect", "Chronic Chagas disease confirmed by two different serological tests"),
    ("g-preg", "Primiparous women in spontaneous labour at term (37-42 weeks)"),
    ("g-preg", "Threatened miscarriage with vaginal bleeding in the first trimester"),
    ("g-preg", "Gestational diabetes mellitus diagnosed by a 75 g OGTT at 24–28 weeks"),
    ("g-neonate", "Preterm infants born before 32 weeks of gestation"),
    ("g-oral", "Biopsy-proven erosive oral lichen planus"),
    ("g-oral", "At least one carious lesion (ICDAS code 3-5) on a permanent molar"),
    ("g-oral", "Symptomatic irreversible pulpitis in a mandibular molar"),
    ("g-oral", "Temporomandibular disorder with myofascial pain according to the DC/TMD"),
    ("g-burn", "Second-degree burns covering 10–30% of the total body surface area"),
    ("g-gene", "Down syndrome (trisomy 21) confirmed by karyotype"),
    ("g-lipid", "Fasting triglycerides ≥ 500 mg/dL (severe hypertriglyceridaemia)"),
    ("g-nutrition", "Vitamin D deficiency, serum 25(OH)D below 20 ng/mL"),
    ("g-nutrition", "Obesity class II or III (BMI ≥ 35 kg/m²)"),
]

# Words of each chapter key (lower-case substrings of the record's conditions, keywords, titles
# and criteria): wide on purpose, so a record in or next to the wording's specialty is skipped
# rather than given a requirement that might be in scope for it. No short words that sit inside
# common ones ("ear" in "years", "oral" in oral drugs, "labor" in "laboratory"), except "pregnan"
# for the pregnancy wordings: most criteria exclude pregnancy, so these apply rarely, but never
# to a pregnancy trial.
CHAPTER_WORDS = {
    "g-eye": "eye ocular retin macul uve vision visual kerat cornea myopia refract ophthalm glaucoma cataract diabet",
    "g-ent": "otitis tympan hearing presbycus deaf cochlea rhinitis nasal sinus pollen mite atopic otolaryng",
    "g-resp": "bronch cystic fibrosis cftr pneumon cough lung pulmonary respir asthma copd airway",
    "g-heart": "heart cardi coronary myocard hypertens arter vascular pulmonary stemi infarct angina",
    "g-vein": "venous vein varic thromb embol vascular ulcer anticoag",
    "g-kidney": "kidney renal nephr lupus calcul stone urolith potassium kalaem kalem electrolyte dialysis",
    "g-uro": "urinar incontin bladder erectile prostat pelvic urolog",
    "g-gyn": "ovar polycystic pcos uter fibroid menstru cervi colposc gynec gynaec endometri infertil papilloma hpv",
    "g-liver": "liver hepat biliary cholang cirrho hcv hbv",
    "g-gut": "bowel ibs constipat crohn colitis ibd pylori gastr dyspeps eosinophil oesophag esophag hemorrh haemorrh rectal digest",
    "g-pancreas": "pancrea biliary gallston",
    "g-skin": "urticaria acne alopecia hair onycho nail fung skin dermat",
    "g-rheum": "lupus sjögren sjogren fibromyalgia polymyalgia rheumat arthritis vasculitis autoimmun",
    "g-spine": "back lumbar spine spinal disc radicul sciatica",
    "g-joint": "shoulder capsulitis fractur radius wrist orthop trauma injur",
    "g-endo": "acromegal pituitar parathyroid calcium thyroid nodul endocrin",
    "g-neuro": "stroke isch neuro nerve polyneurop demyelin restless trigeminal neuralg huntington carpal duchenne muscular dystroph brain",
    "g-mental": "bipolar mania manic ptsd trauma adhd attention obsess ocd opioid methadone substance addict anorexia eating depress schizo anxiety",
    "g-sleep": "insomnia sleep",
    "g-blood": "anemia anaemia iron ferritin hemoglobin haemoglobin willebrand bleeding polycyth myeloprolif thalass sickle hemat haemat",
    "g-cancer": "cancer carcinoma tumor tumour neoplasm oncolog malignan metasta melanoma myeloma leuk lymphoma sarcoma hepatocell",
    "g-infect": "urinary sepsis bacter antibiot sars covid ncov coronavirus leishman dengue zoster herpes chagas trypanos parasit viral virus",
    "g-preg": "pregnan labour obstet miscarr abort gestation deliver birth cesarean caesarean eclamps antenatal prenatal maternal diabet",
    "g-neonate": "preterm neonat newborn infant prematur gestation",
    "g-oral": "lichen caries carious tooth teeth dental pulp endodont temporomandibular tmd jaw periodont mouth",
    "g-burn": "burn wound skin graft",
    "g-gene": "down trisomy intellectual disabil genetic",
    "g-lipid": "triglycer lipid cholesterol pancrea statin",
    "g-nutrition": "vitamin obes overweight weight bmi bariatric nutrition",
}

# --- outcome measures (inject_ops_outcomes.WORDINGS) -------------------------------------------

OUTCOME = {
    "domain": [
        "Curative effect",
        "Therapeutic efficacy",
        "Clinical outcomes",
        "Effectiveness and safety",
        "Safety evaluation",
        "Efficiency of treatment",
        "Overall outcome",
        "Patient outcomes",
    ],
    "bare_time": ["36", "18", "30", "10", "1, 3, 6 and 12", "0-72", "0,3,6", "14"],
    "vague_time": [
        "Not specified",
        "TBD",
        "Periodically",
        "At each visit",
        "Continuous monitoring",
        "Over the course of the trial",
        "Regularly",
    ],
    "abbreviation": ["EDSS", "HOMA-IR", "FACT-G", "MDS-UPDRS", "ODI", "LVEF", "KOOS"],
    "two_measures": [
        "Visual acuity and central retinal thickness",
        "Length of hospital stay and 30-day readmission",
        "Sleep quality (PSQI) and daytime sleepiness (ESS)",
        "Body weight at 3, 6 and 12 months",
        "Pain intensity; functional disability; patient satisfaction",
        "FEV1 and FVC",
        "CRP, ESR and IL-6 levels",
        "i) Serum calcium ii) Serum phosphate",
    ],
}

# keys of inject_ops.WORDINGS -> the fresh2 list
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

# --- numbers in the shapes registrants' lists use -----------------------------------------------

_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def circled(n: int) -> str:
    """1-50 as ①…⑳, ㉑…㉟, ㊱…㊿ (Unicode has no circled numbers beyond 50)."""
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    raise ValueError(n)


def parenthesised(n: int) -> str:
    """1-20 as ⑴…⒇."""
    if 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    raise ValueError(n)


def roman(n: int) -> str:
    """Lower-case roman numeral (1-3999)."""
    out = ""
    for value, sym in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"),
                       (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while n >= value:
            out, n = out + sym, n - value
    return out


def marker_fits(style: str, top: int) -> bool:
    """Circled and parenthesised number characters exist up to 50 and 20 only: a style is drawn for
    a list only when every number it will write exists."""
    return ("{c}" not in style or top <= 50) and ("{p}" not in style or top <= 20)


def marker_fields(n: int) -> dict[str, object]:
    """Every placeholder a marker style may use (styles of the earlier halves use only {n})."""
    return {
        "n": n,
        "N": str(n).translate(_FULL_WIDTH),
        "c": circled(n) if 1 <= n <= 50 else str(n),
        "p": parenthesised(n) if 1 <= n <= 20 else str(n),
        "r": roman(n),
        "R": roman(n).upper(),
    }


# --- ages --------------------------------------------------------------------------------------


def age_fields(lo: int, hi: int) -> dict[str, object]:
    """Every placeholder an age wording may use."""
    return {"lo": lo, "hi": hi, "lo_w": spelled(lo), "hi_w": spelled(hi), "lo_m": lo * 12, "hi_m": hi * 12, "hi_ord": ordinal(hi)}


def age_wording_fits(tmpl: str, lo: int, hi: int) -> bool:
    """Months only for small children (a lower age of 3 years or less, in a children's range);
    "Adults" only for ranges that start at 18 or later."""
    if "{lo_m}" in tmpl and not (lo <= 3 and hi <= 18):
        return False
    return "Adult" not in tmpl or lo >= 18
