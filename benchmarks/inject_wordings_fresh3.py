"""The ``fresh3`` fifth of the defect-injection wordings (``--wordings fresh3``).

Written on 2026-12-07/08 (night) by a benchmark author who did not read the rules (checks/,
audit/text/, docs/rules*.md), after the ``fresh2`` half had been merged and seen by the people
tuning them, so that the next measurement is again one on phrasings nobody tuning a rule has seen.
Every wording differs from every wording of the tune, held-out, fresh and fresh2 halves (not a
case, spacing or punctuation variant of one) and follows how registrants write: ClinicalTrials.gov
(v2 Markdown bold headers, "include, but are not limited to"), ISRCTN's "Participant exclusion
criteria" and plain-English summaries, CTRI's "completed years" and "shall", ChiCTR's "gender is
not limited" and full-width punctuation, JPRN's katakana middle dot, ReBEC's ordinal indicators,
vaccine trials' "years 364 days", typos registrants leave ("critera", "Exlusion"), Unicode roman
numerals and number characters (Ⅰ. ⒈ ❶), and requirements for everyone from 38 specialty
groups written as named criteria, staging, grades, severity scores, histology, laboratory and
imaging findings.

**Rule developers: never read this file.** inject_ops.py and inject_ops_outcomes.py merge it into
their ``WORDINGS`` under the key ``fresh3``; the benchmark's Markdown never quotes a fresh3 wording
(its ``--json`` does: keep that file to yourself).
"""

from __future__ import annotations

import inject_wordings_fresh2 as fresh2
from inject_wordings_fresh import ordinal, spelled

# --- numbering ---------------------------------------------------------------------------------
# {n} number; fresh2's shapes {N} full-width, {c} circled, {p} parenthesised, {r} {R} roman; and
# this half's {u} Unicode roman numeral (Ⅰ, up to 12), {s} number with full stop (⒈, up to 20),
# {d} negative circled number (❶, up to 10). marker_fields() fills them, marker_fits() says which fit.

MARKER = [
    "{n}-",  # "1- ..." (CTRI, IRCT)
    "{n} -",  # "1 - ..." typed with spaces
    "{R}.",  # "I. II. III." (protocol-style lists)
    "{r}.",  # "i. ii. iii."
    "{u}.",  # Unicode roman numerals from Chinese / Japanese word processors
    "（{N}）",  # full-width parentheses around full-width digits (JPRN)
    "{s}",  # ⒈ ⒉ number-full-stop characters (Chinese documents)
    "{n}º",  # ordinal indicator (ReBEC, Spanish / Portuguese registrants)
    "{N}、",  # full-width digit and ideographic comma (ChiCTR)
    "{d}",  # ❶ ❷ negative circled digits (CRIS, slides pasted into the record)
]
LETTER = ["{a}-", "{a}]", "- {a}.", "{a}、", "{A} :", "（{a}）", "• {A})"]
# mixed_markers: items of an "n." list written in another style
MIXED = ["{n}。", "{n},", "({n}).", "{n}º", "{R})", "{n} .", "{n}/"]
# sublist_like_parent: what precedes the flush sub-item numbers
SUBLIST_LEAD = ["◦ ", "► ", "➢ ", "■ ", "◆ ", "→ ", "✓ "]

# --- structure ---------------------------------------------------------------------------------
# merged_header: {prev} is the last inclusion item
MERGED_HEADER = [
    "{prev}. Participant exclusion criteria:",  # ISRCTN field label
    "{prev}. Exclusion Criteria (any one of the following):",
    "{prev}. 3.2 Exclusion criteria",  # numbered protocol section pasted in
    "{prev}. Ineligibility criteria:",
    "{prev}. The exclusion criteria are:",
    "{prev}. Exclusion criteria include:",
    "{prev}. Patients are ineligible if:",
    "{prev}. Subjects who meet any of these criteria will be excluded from the study:",
    "{prev}. Exclusionary criteria:",
    "{prev}. Non-eligibility criteria:",
    "{prev}. Contraindications (exclusion criteria):",
    "{prev}. Patients must not have any of the following:",
    "{prev}. Exclusion criteria as per protocol:",
    "{prev}; Exlusion criteria:",  # a typo registrants leave
]
# header_first: {h} the section's header, {H} upper case; {kind} / {Kind} inclusion or exclusion
# (only where the header says which section it is)
HEADER_FIRST = [
    "**{h}:** {label} {text}",  # v2 Markdown bold header
    "{Kind} criteria are: {label} {text}",
    "[{h}] {label} {text}",
    "{h} | {label} {text}",
    "Eligibility – {kind}: {label} {text}",
    "{h} as per protocol: {label} {text}",
    "{Kind} criteria include, but are not limited to: {label} {text}",
    "Selected {kind} criteria: {label} {text}",
    "{h}, {label} {text}",
    "{Kind} critera: {label} {text}",  # a typo registrants leave
    "{Kind}ary criteria: {label} {text}",
    "{h} => {label} {text}",
]
# run_together: {a} the item, {label} the next item's marker, {b} its text
RUN_TOGETHER = [
    "{a}, and {label} {b}",
    "{a}，{label} {b}",  # full-width comma (ChiCTR)
    "{a}：{label} {b}",  # full-width colon
    "{a} -- {label} {b}",
    "{a} — {label} {b}",  # em dash
    "{a} and/or {label} {b}",
    "{a}・{label} {b}",  # katakana middle dot (JPRN)
    "{a} ◦ {label} {b}",
    "{a} & {label} {b}",
    "{a} and also {label} {b}",
]

# --- ages: {lo} {hi}; {lo_w} {hi_w} written out, {Lo_w} capitalised; {lo_m} {hi_m} months;
# {lo_ord} {hi_ord} "18th"; age_wording_fits() keeps each wording to ranges it reads right for ----

SUMMARY_AGE = [
    "Eligibility is limited to {pop} between {lo} and {hi} years of age, inclusive.",
    "Only {pop} aged {lo} and over are being recruited.",
    "{Pop} must be aged {lo}+ to take part.",
    "We are looking for {pop} who are no older than {hi} years.",  # upper limit only
    "Participants (aged ≥ {lo} years) will be recruited from the outpatient clinics.",
    "The study will include {lo_w} to {hi_w}-year-olds.",
    "{Lo_w}- to {hi_w}-year-old {pop} will be enrolled at three centres.",
    "Patients of age {lo} years to {hi} years of either gender shall be included.",
    "Inclusion age: {lo} years (completed) to {hi} years.",
    "Children of {lo_m} to {hi_m} months of age will be enrolled.",  # small children only
    "Pre-school children from {lo_m} months of age up to their {hi_ord} birthday will take part.",
    "Recruitment targets {pop} aged {lo} years or over, with no upper age limit.",
    "The age of eligible {pop} ranges from {lo} to {hi} years.",
    "{Pop} of age ≥{lo} yrs and ≤{hi} yrs, of either sex, shall be recruited.",
    "Who can participate? {Pop} aged {lo} to {hi}.",  # ISRCTN plain-English summary
    "Elderly {pop} aged {lo} years and above will be invited.",  # only for lower ages of 55 or more
    "The participants' ages will range between {lo} years and {hi} years (both ages included).",
    "People who are at least {lo} but under {hi} years old can join this study.",
    "This study enrols {pop} from the age of {lo} to the age of {hi}.",
    "{Pop} will be eligible from their {lo_ord} birthday until the age of {hi}.",
    "Age limits: lower {lo} years, upper {hi} years.",
    "Those aged under {lo} or over {hi} years will not be considered.",
    "Aged from {lo} to {hi} years old, gender is not limited.",
]
CRITERIA_AGE = [
    "Aged ≥ {lo} years at the screening visit",
    "Age {lo}+ at the time of enrolment",
    "No older than {hi} years at randomisation",  # upper limit only
    "Men or women between the ages of {lo} and {hi}, inclusive",
    "Aged {lo_w} to {hi_w} years (inclusive)",
    "Children aged {lo_m}–{hi_m} months",  # small children only
    "Child's age at enrolment: {lo_m} months or more and under {hi} years",
    "Age in completed years: {lo} to {hi}",
    "Male/female patients of {lo}-{hi} years age",
    "Patients aged {lo} years or more but not more than {hi} years",
    "Age over {lo} years and under {hi} years",
    "≥ {lo} years old (no upper age limit)",
    "Age ≥{lo} to ≤{hi} years",
    "Must have turned {lo} before the screening visit",
    "Not yet reached {hi} years of age at screening",  # upper limit only
    "Aged between {lo} years 0 months and {hi} years 11 months",
    "Age (years): {lo}-{hi}",
    "Adults ≥ {lo} years of age",  # only when the lower age is 18 or more
    "Older people aged {lo} years or over",  # only when the lower age is 55 or more
    "Age from {lo} up to and not exceeding {hi} years",
    "Upper age limit {hi} years",  # upper limit only
    "Must be {hi} years old or younger",  # upper limit only
    "Aged {lo} years and not older than {hi} years",
    "From {lo} years 0 days to {hi} years 364 days of age",  # vaccine trials' style
    "Age {lo} to {hi} years old, gender unlimited",
]

# --- scope: (chapter key of CHAPTER_WORDS, a requirement for everyone from another specialty) ----

SCOPE = [
    # eye
    ("h-eye", "Rhegmatogenous retinal detachment involving the macula, of less than 7 days' duration"),
    ("h-eye", "Chronic central serous chorioretinopathy with subretinal fluid on OCT for 3 months or more"),
    ("h-eye", "Age-related cataract, nuclear opalescence grade 3 or more (LOCS III), listed for phacoemulsification"),
    ("h-eye", "Anisometropic or strabismic amblyopia with an interocular difference of at least 2 logMAR lines"),
    ("h-eye", "Fuchs endothelial corneal dystrophy with confluent central guttae on specular microscopy"),
    ("h-eye", "Adenoviral conjunctivitis confirmed by a rapid antigen test, symptoms for ≤ 4 days"),
    # ear, nose and throat
    ("h-ent", "Benign paroxysmal positional vertigo of the posterior canal with a positive Dix-Hallpike test"),
    ("h-ent", "Otitis media with effusion for 3 months or more with a type B tympanogram in both ears"),
    ("h-ent", "Recurrent acute tonsillitis (7 or more episodes in the past year, Paradise criteria)"),
    ("h-ent", "Unilateral vocal fold paralysis confirmed by laryngoscopy, present for at least 6 months"),
    ("h-ent", "Otosclerosis with an air–bone gap of at least 20 dB on pure-tone audiometry"),
    # respiratory
    ("h-resp", "Biopsy-proven pulmonary sarcoidosis (non-caseating granulomas), Scadding stage II or III"),
    ("h-resp", "First episode of primary spontaneous pneumothorax confirmed on chest radiograph"),
    ("h-resp", "Moderate to severe acute respiratory distress syndrome (Berlin definition), PaO2/FiO2 ≤ 200 mmHg"),
    ("h-resp", "Alpha-1 antitrypsin deficiency, PiZZ genotype, with serum AAT < 11 µM"),
    # heart
    ("h-heart", "Transthyretin amyloid cardiomyopathy (ATTR-CM) on technetium scintigraphy, Perugini grade 2 or 3"),
    ("h-heart", "First episode of acute pericarditis meeting at least 2 of the 4 ESC diagnostic criteria"),
    ("h-heart", "Congenital long QT syndrome (QTc ≥ 470 ms) with a pathogenic KCNQ1 or KCNH2 variant"),
    ("h-heart", "Postural orthostatic tachycardia syndrome: sustained heart-rate rise ≥ 30 bpm on head-up tilt"),
    ("h-heart", "Severe primary mitral regurgitation (EROA ≥ 0.4 cm²) on transthoracic echocardiography"),
    ("h-heart", "Coronary artery calcium score of 100 or more on non-contrast cardiac CT"),
    # veins and thrombosis
    ("h-vein", "Superficial vein thrombosis of the leg, at least 5 cm long on duplex ultrasound"),
    ("h-vein", "Acute pulmonary embolism on CT pulmonary angiography, intermediate risk (sPESI ≥ 1)"),
    ("h-vein", "Active venous leg ulcer of more than 6 weeks' duration with an ABPI ≥ 0.8"),
    ("h-vein", "Cerebral venous sinus thrombosis confirmed by MR venography"),
    ("h-vein", "Post-thrombotic syndrome of the leg with a Villalta score of 5 or more"),
    # kidney
    ("h-kidney", "Primary focal segmental glomerulosclerosis on kidney biopsy with UPCR ≥ 1.5 g/g"),
    ("h-kidney", "Primary membranous nephropathy with positive anti-PLA2R antibodies"),
    ("h-kidney", "Acute kidney injury, KDIGO stage 2 or 3"),
    ("h-kidney", "End-stage kidney disease on maintenance haemodialysis three times weekly for 3 months or more"),
    ("h-kidney", "Distal renal tubular acidosis with a normal anion gap and urine pH above 5.5"),
    # urology
    ("h-uro", "Nocturia with 2 or more voids per night on a 3-day frequency-volume chart"),
    ("h-uro", "Peyronie's disease with a penile curvature of 30° to 90°"),
    ("h-uro", "Primary vesicoureteral reflux grade III–V on voiding cystourethrogram"),
    ("h-uro", "Lifelong premature ejaculation with an intravaginal ejaculatory latency time of 1 minute or less"),
    ("h-uro", "Interstitial cystitis/bladder pain syndrome (AUA definition) with an O'Leary-Sant symptom index ≥ 12"),
    # gynaecology
    ("h-gyn", "Primary dysmenorrhoea with a menstrual pain VAS ≥ 5 in each of the last 3 cycles"),
    ("h-gyn", "Bacterial vaginosis by Amsel criteria (3 of 4) and a Nugent score of 7 or more"),
    ("h-gyn", "Moderate to severe vasomotor symptoms of menopause, at least 7 hot flushes a day"),
    ("h-gyn", "Symptomatic pelvic organ prolapse, POP-Q stage II or greater"),
    ("h-gyn", "Adenomyosis diagnosed on transvaginal ultrasound or pelvic MRI"),
    # pregnancy complications
    ("h-preg", "Pre-eclampsia with severe features diagnosed between 28+0 and 33+6 weeks of gestation"),
    ("h-preg", "Hyperemesis gravidarum needing intravenous rehydration"),
    ("h-preg", "Intrahepatic cholestasis of pregnancy with serum bile acids ≥ 10 µmol/L"),
    ("h-preg", "Preterm prelabour rupture of membranes between 24 and 34 weeks"),
    ("h-preg", "Primary postpartum haemorrhage of 500 mL or more after vaginal birth"),
    # newborns
    ("h-neonate", "Neonates with moderate or severe hypoxic-ischaemic encephalopathy (Sarnat stage II–III)"),
    ("h-neonate", "Term newborns with hyperbilirubinaemia needing phototherapy"),
    ("h-neonate", "Haemodynamically significant patent ductus arteriosus on echocardiography in the first week of life"),
    ("h-neonate", "Neonatal opioid withdrawal syndrome with a Finnegan score of 8 or more"),
    ("h-neonate", "Infantile colic according to Rome IV (crying or fussing ≥ 3 hours a day)"),
    # skin
    ("h-skin", "Chronic hand eczema for at least 3 months, IGA-CHE 3 or 4"),
    ("h-skin", "Nonsegmental vitiligo with facial involvement (F-VASI ≥ 0.5)"),
    ("h-skin", "Bullous pemphigoid confirmed by direct immunofluorescence of perilesional skin"),
    ("h-skin", "Papulopustular rosacea with 15 or more inflammatory lesions on the face"),
    ("h-skin", "Actinic keratoses: 4 to 8 clinically typical lesions on the face or scalp"),
    ("h-skin", "Prurigo nodularis with at least 20 nodules and a WI-NRS of 7 or more"),
    # burns
    ("h-burn", "Full-thickness burns needing excision and split-thickness skin grafting"),
    ("h-burn", "Smoke inhalation injury confirmed on fibreoptic bronchoscopy"),
    # joints
    ("h-joint", "Full-thickness rotator cuff tear of 3 cm or less confirmed on MRI"),
    ("h-joint", "Lateral epicondylitis (tennis elbow) for more than 3 months"),
    ("h-joint", "Hallux valgus with a hallux valgus angle of 20° or more on weight-bearing radiographs"),
    ("h-joint", "Complete anterior cruciate ligament rupture awaiting reconstruction"),
    ("h-joint", "Plantar fasciitis with heel pain for at least 6 months"),
    ("h-joint", "Osteonecrosis of the femoral head, ARCO stage II or III"),
    # spine
    ("h-spine", "Degenerative cervical myelopathy with an mJOA score between 12 and 17"),
    ("h-spine", "Adolescent idiopathic scoliosis with a Cobb angle of 25–45°"),
    ("h-spine", "Lumbar spinal stenosis with neurogenic claudication, confirmed on MRI"),
    ("h-spine", "Thoracolumbar burst fracture (AO type A3 or A4) without neurological deficit"),
    ("h-spine", "Degenerative spondylolisthesis, Meyerding grade I"),
    # nutrition and vitamins
    ("h-nutrition", "Vitamin B12 deficiency (serum cobalamin < 148 pmol/L)"),
    ("h-nutrition", "Severe acute malnutrition with a mid-upper arm circumference below 115 mm"),
    ("h-nutrition", "Nutritional rickets with raised alkaline phosphatase and metaphyseal changes on wrist X-ray"),
    ("h-nutrition", "Iodine deficiency, median urinary iodine < 100 µg/L"),
    ("h-nutrition", "Sarcopenia by EWGSOP2 (low grip strength and low appendicular lean mass)"),
    # sleep
    ("h-sleep", "Narcolepsy type 1 with cataplexy, MSLT mean sleep latency ≤ 8 minutes"),
    ("h-sleep", "Rapid eye movement (REM) sleep behaviour disorder confirmed by video-polysomnography"),
    ("h-sleep", "Idiopathic hypersomnia according to ICSD-3"),
    # chromosomal and genetic syndromes
    ("h-gene", "Turner syndrome (45,X or mosaicism) on peripheral blood karyotype"),
    ("h-gene", "Fragile X syndrome with a full FMR1 mutation (more than 200 CGG repeats)"),
    ("h-gene", "Prader-Willi syndrome confirmed by DNA methylation analysis"),
    ("h-gene", "Chromosome 22q11.2 deletion syndrome confirmed by FISH or microarray"),
    ("h-gene", "Klinefelter syndrome (47,XXY karyotype)"),
    # pancreas
    ("h-pancreas", "Chronic pancreatitis with pancreatic calcifications on CT"),
    ("h-pancreas", "Exocrine pancreatic insufficiency with faecal elastase-1 < 100 µg/g"),
    ("h-pancreas", "Branch-duct intraductal papillary mucinous neoplasm of the pancreas under surveillance"),
    # lipids
    ("h-lipid", "Heterozygous familial hypercholesterolaemia, Dutch Lipid Clinic Network score above 8"),
    ("h-lipid", "Lipoprotein(a) of 175 nmol/L or more"),
    ("h-lipid", "Low HDL cholesterol (< 40 mg/dL in men, < 50 mg/dL in women)"),
    # endocrine
    ("h-endo", "Cushing's disease with mean 24-hour urinary free cortisol above 1.5 × ULN"),
    ("h-endo", "Primary adrenal insufficiency (Addison's disease) on hydrocortisone replacement"),
    ("h-endo", "Congenital adrenal hyperplasia due to 21-hydroxylase deficiency"),
    ("h-endo", "Primary aldosteronism confirmed by a saline infusion test"),
    ("h-endo", "Male hypogonadism: morning total testosterone < 300 ng/dL on two occasions"),
    ("h-endo", "Arginine vasopressin deficiency (central diabetes insipidus) confirmed by a stimulated copeptin test"),
    # infections
    ("h-infect", "First recurrence of Clostridioides difficile infection, toxin-positive stool"),
    ("h-infect", "Newly diagnosed smear-positive pulmonary tuberculosis, rifampicin-susceptible on Xpert MTB/RIF"),
    ("h-infect", "Acute bacterial skin and skin structure infection with at least 75 cm² of erythema"),
    ("h-infect", "Influenza A or B confirmed by a rapid molecular test, symptom onset within 48 hours"),
    ("h-infect", "Blood culture-confirmed typhoid fever"),
    ("h-infect", "Scrub typhus confirmed by IgM ELISA"),
    ("h-infect", "Schistosoma mansoni eggs in stool on Kato-Katz examination"),
    ("h-infect", "Early Lyme disease with a single erythema migrans lesion"),
    # blood
    ("h-blood", "Lower-risk myelodysplastic syndrome (IPSS-R ≤ 3.5), transfusion-dependent"),
    ("h-blood", "Warm autoimmune haemolytic anaemia with a positive direct antiglobulin test"),
    ("h-blood", "Severe aplastic anaemia by the Camitta criteria"),
    ("h-blood", "Glucose-6-phosphate dehydrogenase (G6PD) deficiency with enzyme activity below 30% of normal"),
    ("h-blood", "Hereditary haemorrhagic telangiectasia (Curaçao criteria) with recurrent epistaxis"),
    ("h-blood", "Essential thrombocythaemia, JAK2 V617F positive, platelets above 450 × 10⁹/L"),
    ("h-blood", "Acquired thrombotic thrombocytopenic purpura with ADAMTS13 activity < 10%"),
    # teeth and mouth
    ("h-oral", "Dentine hypersensitivity on at least two teeth (Schiff score 2 or 3)"),
    ("h-oral", "Peri-implantitis: bleeding on probing and radiographic bone loss ≥ 2 mm around an implant"),
    ("h-oral", "Impacted mandibular third molar listed for surgical removal"),
    ("h-oral", "Recurrent aphthous stomatitis with 3 or more ulcer episodes a year"),
    ("h-oral", "Molar-incisor hypomineralisation of at least one first permanent molar"),
    # mental health
    ("h-mental", "Borderline personality disorder (DSM-5) with a ZAN-BPD total ≥ 9"),
    ("h-mental", "Binge-eating disorder per DSM-5, at least 3 binge days a week"),
    ("h-mental", "Autism spectrum disorder confirmed with the ADOS-2"),
    ("h-mental", "Tourette syndrome with a Yale Global Tic Severity Scale (YGTSS) total tic score ≥ 22"),
    ("h-mental", "Panic disorder with or without agoraphobia (DSM-5), PDSS ≥ 8"),
    ("h-mental", "Gambling disorder with a Problem Gambling Severity Index of 8 or more"),
    # nervous system
    ("h-neuro", "Essential tremor with a TETRAS performance subscale score of 15 or more"),
    ("h-neuro", "Guillain-Barré syndrome within 2 weeks of onset of weakness, GBS disability score ≥ 3"),
    ("h-neuro", "Spinal muscular atrophy type 2 or 3 with biallelic SMN1 deletion"),
    ("h-neuro", "Bell's palsy, House-Brackmann grade IV–VI, within 72 hours of onset"),
    ("h-neuro", "Idiopathic cervical dystonia with a TWSTRS severity score ≥ 15"),
    ("h-neuro", "Aneurysmal subarachnoid haemorrhage, Hunt and Hess grade I–III"),
    ("h-neuro", "Moderate to severe traumatic brain injury (GCS 3–12)"),
    ("h-neuro", "Episodic cluster headache in an active bout"),
    # digestive tract
    ("h-gut", "Microscopic colitis (collagenous or lymphocytic) on colonic biopsies"),
    ("h-gut", "Chronic anal fissure of more than 6 weeks"),
    ("h-gut", "Uncomplicated acute diverticulitis on CT (Hinchey Ia)"),
    ("h-gut", "Gastroparesis with more than 10% gastric retention at 4 hours on scintigraphy"),
    ("h-gut", "Barrett's oesophagus with low-grade dysplasia"),
    ("h-gut", "Achalasia type I or II on high-resolution manometry, Eckardt score > 3"),
    ("h-gut", "Positive faecal immunochemical test (FIT ≥ 10 µg Hb/g)"),
    # liver and biliary tract
    ("h-liver", "Autoimmune hepatitis with a simplified IAIHG score of 6 or more"),
    ("h-liver", "Severe alcohol-related hepatitis, Maddrey discriminant function ≥ 32"),
    ("h-liver", "Primary sclerosing cholangitis on MRCP"),
    ("h-liver", "Overt hepatic encephalopathy, West Haven grade 2 or higher"),
    ("h-liver", "Symptomatic gallstones listed for laparoscopic cholecystectomy"),
    ("h-liver", "Drug-induced liver injury with ALT above 5 × ULN and a RUCAM score of 6 or more"),
    # rheumatic and autoimmune
    ("h-rheum", "Diffuse cutaneous systemic sclerosis with a modified Rodnan skin score of 15–40"),
    ("h-rheum", "New-onset giant cell arteritis confirmed by temporal artery biopsy or a halo sign on ultrasound"),
    ("h-rheum", "Active granulomatosis with polyangiitis or microscopic polyangiitis, BVAS ≥ 3"),
    ("h-rheum", "Psoriatic arthritis (CASPAR) with at least 3 tender and 3 swollen joints"),
    ("h-rheum", "Behçet's disease (ICBD criteria) with active oral ulcers"),
    ("h-rheum", "Familial Mediterranean fever with at least one attack a month despite colchicine"),
    ("h-rheum", "Positive anti-CCP antibodies (more than 3 × ULN)"),
    # cancer
    ("h-cancer", "Newly diagnosed, biopsy-proven nasopharyngeal carcinoma, stage III–IVA (AJCC 8th edition)"),
    ("h-cancer", "Radioiodine-refractory differentiated thyroid cancer"),
    ("h-cancer", "Muscle-invasive urothelial carcinoma of the bladder, cT2–T4a N0 M0"),
    ("h-cancer", "Follicular lymphoma grade 1–3a with a FLIPI score of 2 or more"),
    ("h-cancer", "Chronic lymphocytic leukaemia needing treatment per iwCLL 2018"),
    ("h-cancer", "Locally advanced oesophageal squamous cell carcinoma (cT2–T4a, any N)"),
    ("h-cancer", "Extensive-stage small cell lung cancer, no prior systemic therapy"),
    ("h-cancer", "Histologically confirmed pancreatic ductal adenocarcinoma, borderline resectable"),
    ("h-cancer", "Well-differentiated neuroendocrine tumour of the small intestine, Ki-67 ≤ 20%"),
    # allergy
    ("h-allergy", "Peanut allergy confirmed by a double-blind placebo-controlled food challenge (reaction at ≤ 100 mg peanut protein)"),
    ("h-allergy", "Hereditary angioedema type I or II with at least 2 attacks a month"),
    ("h-allergy", "Confirmed IgE-mediated hen's egg allergy (positive skin prick test and oral food challenge)"),
    # primary immunodeficiency
    ("h-immuno", "Common variable immunodeficiency on immunoglobulin replacement for at least 6 months"),
    ("h-immuno", "Bruton's X-linked agammaglobulinaemia (BTK variant) with serum IgG below 2 g/L before replacement"),
    # inborn errors of metabolism
    ("h-inborn", "Phenylketonuria with blood phenylalanine above 360 µmol/L despite a protein-restricted diet"),
    ("h-inborn", "Gaucher disease type 1 with splenomegaly and reduced glucocerebrosidase activity"),
    ("h-inborn", "Classic Fabry disease confirmed by a pathogenic GLA variant"),
    # arteries outside the heart
    ("h-artery", "Abdominal aortic aneurysm of 4.0–5.4 cm diameter on ultrasound"),
    ("h-artery", "Chronic limb-threatening ischaemia, Rutherford category 5"),
    ("h-artery", "Secondary Raynaud's phenomenon with at least 5 attacks a week"),
    # transplantation
    ("h-transplant", "Acute graft-versus-host disease grade II–IV after allogeneic haematopoietic stem cell transplantation"),
    ("h-transplant", "First deceased-donor liver transplant recipients within 30 days of surgery"),
    # pain syndromes
    ("h-crps", "Complex regional pain syndrome type I of one upper limb (Budapest criteria)"),
    ("h-crps", "Phantom limb pain for 6 months or more after a lower-limb amputation"),
    # poisoning and envenoming
    ("h-poison", "Snakebite envenoming with venom-induced consumption coagulopathy"),
    ("h-poison", "Acute organophosphate poisoning admitted within 12 hours of ingestion"),
    ("h-poison", "Paracetamol overdose with a level above the treatment line of the Rumack-Matthew nomogram"),
    # lymphatic system
    ("h-lymph", "Unilateral lower-limb lymphoedema, ISL stage II"),
    ("h-lymph", "Lymphatic filariasis with lymphoedema of a leg, Dreyer stage 2 to 4"),
    # abdominal wall
    ("h-hernia", "Primary unilateral inguinal hernia listed for open mesh repair"),
    ("h-hernia", "Incisional hernia with a fascial defect of 4–10 cm on CT"),
]

# Words of each chapter key (lower-case substrings of the record's conditions, keywords, titles
# and criteria): wide on purpose, so a record in or next to the wording's specialty is skipped
# rather than given a requirement that might be in scope for it. No short words that sit inside
# common ones ("ear" in "years", "uro" in "neuro", "psych" in "psychiatric", "infect" in
# "infection", "void" in "avoid"), except "pregnan" for the pregnancy wordings: never in a pregnancy trial.
CHAPTER_WORDS = {
    "h-eye": "eye ocular retin macul chorio cataract amblyop strabism conjunctiv vision visual ophthalm uve cornea kerat lens fuchs",
    "h-ent": "vertigo vestibul dizz otitis tympan tonsil pharyn laryn vocal voice otoscler hearing deaf cochlea otolaryng sinus nasal",
    "h-resp": "sarcoid pneumothorax pleura respirat ards ventilat antitrypsin emphysema lung pulmonary bronch copd airway",
    "h-heart": "heart cardi amyloid pericard tachycard arrhythm qtc syncope orthostat mitral valve coronary arter calcium myocard hypertens atrial",
    "h-vein": "vein venous thromb embol ulcer anticoag heparin warfarin varic clot stroke",
    "h-kidney": "kidney renal nephr glomerul dialysis albuminuria proteinuria tubular acidosis diabet",
    "h-uro": "urolog urinar bladder nocturia prostat peyronie penile penis reflux ejaculat cystitis erectile",
    "h-gyn": "dysmenorr menstru vagin vulv gynaec gynec menopaus vasomotor prolapse pelvic uter adenomyo endometri",
    "h-preg": "pregnan eclamps gestation hyperemesis cholestasis membranes labour postpartum birth deliver obstet caesar cesarean"
    " antenatal prenatal maternal",
    "h-neonate": "neonat newborn infant preterm prematur perinat gestation obstet maternal encephalopath bilirubin jaundice ductus colic opioid",
    "h-skin": "skin dermat eczema vitiligo pemphig bullous rosacea keratos actinic prurigo prurit itch acne",
    "h-burn": "burn skin graft wound inhalation scar",
    "h-joint": "shoulder rotator cuff elbow epicondyl hallux bunion foot feet ankle knee cruciate ligament heel fasci femoral"
    " osteonecrosis orthop sport",
    "h-spine": "spine spinal cervical myelopath scolio stenosis vertebra lumbar thoracolumbar lumbago neck spondyl osteopor fractur",
    "h-nutrition": "vitamin cobalamin b12 malnutrition nutrition rickets iodine sarcopen frail elderly ageing aging diet",
    "h-sleep": "sleep narcolep cataplex hypersomn somnol insomnia apnoea apnea parkinson",
    "h-gene": "turner fragile fmr1 prader chromosom deletion klinefelter karyotyp genetic intellectual disabil autism growth",
    "h-pancreas": "pancrea elastase ipmn cystic fibrosis steatorr diabet",
    "h-lipid": "cholesterol lipid lipoprotein ldl hdl statin familial cardi coronary heart vascular atheroscl diabet metabolic obes",
    "h-endo": "cushing cortisol adrenal addison vasopressin insipidus hydrocortison aldosteron hypertens hypogonad testosterone androgen diabet"
    " glyc insulin endocrin pituitar",
    "h-infect": "clostrid difficile diarrh tubercul skin wound cellulitis abscess influenza respirat typhoid enteric typhus"
    " rickettsi schistosom helminth parasit lyme tick borrel fever",
    "h-blood": "myelodysplas mds anaemi anemi haemoly hemoly aplastic marrow g6pd telangiect epistaxis thrombocyt jak2"
    " thrombotic purpura hemat haemat",
    "h-oral": "dentin teeth tooth dental implant molar stomat aphth ulcer mouth gingiv periodont caries orthodont",
    "h-mental": "tourette borderline personality eating binge autism asd ados postnatal postpartum depress panic anxiety agoraphob gambl"
    " addict mental",
    "h-neuro": "tremor guillain polyneurop neuropath spinal muscular atrophy bell facial palsy dystonia botulin subarachnoid"
    " aneurysm brain head injur headache cluster migraine neuro",
    "h-gut": "colitis colon bowel diarrh fissure diverticul gastropar gastric stomach barrett oesophag esophag reflux achalas"
    " dysphag faecal fecal colorect digest",
    "h-liver": "liver hepat drug-induced cholang biliary gallstone cholecyst encephalopath cirrho steato fatty nafld nash masld",
    "h-rheum": "sclerod scleros arteritis vasculitis polyangi psoria arthritis joint rheumat behçet behcet mediterranean colchicine"
    " autoinflam autoimmun lupus ccp citrullin",
    "h-cancer": "cancer carcinoma tumor tumour neoplasm oncolog malignan metasta lymphoma leuk sarcoma melanoma myeloma",
    "h-allergy": "peanut anaphyla angioedema desensiti atopic rhinitis asthma urticaria eczema egg",
    "h-immuno": "immunodefic immunoglobulin ivig scig agammaglob hypogammaglob antibody deficien",
    "h-inborn": "phenylketon pku phenylalan inborn metabolic lysosom gaucher fabry enzyme replacement",
    "h-artery": "aneurysm aort arteri vascular limb ischem ischaem raynaud periph claudic amputat sclerod",
    "h-transplant": "transplant graft gvhd haematopoiet hematopoiet allogen donor liver",
    "h-crps": "complex regional crps algodystroph phantom amputat limb neuropath",
    "h-poison": "poison overdose envenom snake organophosph pesticide paracetamol acetaminophen intoxic",
    "h-lymph": "lymphoed lymphed lymphat filaria elephantiasis",
    "h-hernia": "hernia inguinal incision abdominal mesh",
}

# --- outcome measures (inject_ops_outcomes.WORDINGS) -------------------------------------------

OUTCOME = {
    "domain": [
        "Treatment outcome",
        "Therapeutic response",
        "Efficacy endpoint",
        "Safety outcomes",
        "Clinical improvement",
        "Acceptability",
        "Effect on the disease",
        "Benefit-risk profile",
        "Performance of the device",
    ],
    "bare_time": ["26", "72", "5", "104", "60", "0 - 52", "2, 4, 6 and 8", "1 to 12", "0/6/12"],
    "vague_time": [
        "Over time",
        "Pre and post",
        "Follow-up period",
        "Several months",
        "Short term and long term",
        "As clinically indicated",
        "Not applicable",
        "At the end",
    ],
    "abbreviation": ["PFS", "BCVA", "WOMAC", "eGFR", "SLEDAI-2K", "PSQI", "IPSS", "MoCA", "CGI-S"],
    "two_measures": [
        "Mortality and need for mechanical ventilation",
        "Fasting glucose, HbA1c and lipid profile",
        "Time to recurrence and overall survival",
        "Wound healing rate and surgical site infection rate",
        "Incidence of nausea, vomiting and pruritus",
        "1. Duration of labour 2. Apgar score at 5 minutes",
        "Bone mineral density and new fractures",
        "Grip strength & gait speed",
        "Serum IgE / blood eosinophil count",
        "Anxiety (GAD-7), depression (PHQ-9)",
    ],
}

# keys of inject_ops.WORDINGS -> the fresh3 list
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

_LIMITS = {"{u}": 12, "{s}": 20, "{d}": 10}  # the last number each shape has a character for


def unicode_roman(n: int) -> str:
    """1-12 as Ⅰ…Ⅻ (single characters of the Number Forms block)."""
    if 1 <= n <= 12:
        return chr(0x2160 + n - 1)
    raise ValueError(n)


def full_stop_number(n: int) -> str:
    """1-20 as ⒈…⒛."""
    if 1 <= n <= 20:
        return chr(0x2488 + n - 1)
    raise ValueError(n)


def negative_circled(n: int) -> str:
    """1-10 as ❶…❿."""
    if 1 <= n <= 10:
        return chr(0x2776 + n - 1)
    raise ValueError(n)


_ROMAN_STYLES = ("{R}.", "{r}.")  # registrants number short lists in roman numerals, not lists of 20 items


def marker_fits(style: str, top: int) -> bool:
    """A style is drawn for a list only when every number it will write exists as a character (and
    this half's roman-numeral styles only for lists up to 12)."""
    if style in _ROMAN_STYLES and top > 12:
        return False
    return fresh2.marker_fits(style, top) and all(p not in style or top <= last for p, last in _LIMITS.items())


def marker_fields(n: int) -> dict[str, object]:
    """Every placeholder a marker style may use: fresh2's and this half's shapes."""
    return {
        **fresh2.marker_fields(n),
        "u": unicode_roman(n) if 1 <= n <= 12 else str(n),
        "s": full_stop_number(n) if 1 <= n <= 20 else str(n),
        "d": negative_circled(n) if 1 <= n <= 10 else str(n),
    }


# --- ages --------------------------------------------------------------------------------------


def age_fields(lo: int, hi: int) -> dict[str, object]:
    """Every placeholder an age wording may use."""
    return {
        "lo": lo,
        "hi": hi,
        "lo_w": spelled(lo),
        "hi_w": spelled(hi),
        "Lo_w": spelled(lo)[:1].upper() + spelled(lo)[1:],
        "lo_m": lo * 12,
        "hi_m": hi * 12,
        "lo_ord": ordinal(lo),
        "hi_ord": ordinal(hi),
    }


def age_wording_fits(tmpl: str, lo: int, hi: int) -> bool:
    """A wording is drawn only for ranges it reads right for: months for small children (a lower
    age of 3 years or less; both ends in months only up to 6 years), children's words for
    children's ranges (pre-school up to 7), "adults" from 18, "elderly" / "older people" from 55."""
    low = tmpl.lower()
    if "{lo_m}" in tmpl and not (lo <= 3 and hi <= 18):
        return False
    if "{hi_m}" in tmpl and hi > 6:
        return False
    if "child" in low and hi > 18:
        return False
    if "pre-school" in low and hi > 7:
        return False
    if "adult" in low and lo < 18:
        return False
    return not ("elderly" in low or "older people" in low) or lo >= 55
