"""TA301, tenth round (issue 20): recognised disease names that TA301 did not read as requirements.

``benchmarks/scope_miss_causes.py`` and a probe of each wording on its own (tune part, wordings fresh3 and fresh2)
split the misses whose disease name the vocabulary or ICD-10-CM does recognise by the SHAPE of the item:

- the name opens the item and a staging, grading or classification follows after a comma, with the system's
  name before it and no digit ("..., Meyerding grade I", "..., ISL stage II");
- the name is followed by a size, volume or duration introduced by "of" ("... of more than 6 weeks",
  "... of 4 cm diameter") or by the procedure it is listed for ("... awaiting repair", "... scheduled for");
- "type" and a numeral after the name is a subtype ("... type 1"), not an attribute ("type of ...");
- "with or without <something>" after the name permits the something, not the name; "no prior <treatment>"
  in a later comma part negates the treatment, not the disease;
- a risk group written as one compound word before the name ("Low-risk", "high-risk") describes it;
- "free" in an analyte ("urinary free cortisol", "free thyroxine") is not "free of";
- two describing words joined by "or" before the name ("Anisometropic or strabismic ...");
- "Secondary" before the name describes it (only "secondary to" is a cause); one subtype before the name ("Type 3
  Gaucher disease"; "Type 1 or Type 2 diabetes" stays read as before); the site a disease is of before how it
  presents ("... of the arm for at least 6 months");
- another name of the disease after a slash ("Plantar fasciitis/plantar fasciopathy for ...");
- a lay or older name with the recognised name in brackets after it, then how it presents ("Frozen shoulder
  (adhesive capsulitis) for at least 3 months").

Every requirement below is written for these tests (three or more per class, other diseases and wordings than
the benchmark halves); the trial contexts are real tune-part records (id in the comment). The look-alikes that
must stay silent are in ``test_shapes_that_stay_general``.
"""

from __future__ import annotations

import pytest

from tests.ta3_cases import BREAST, DISC, inc, run


def appended(item):
    """The requirement joined to another item with "; and", as registrants append one."""
    return (
        "Inclusion Criteria:\n\n  * Age 18 years or older; and " + item[0].lower() + item[1:] + "\n  * Signed informed consent\n"
        "\nExclusion Criteria:\n\n  * Pregnancy\n"
    )


#: real trial contexts (tune part of ctgov-v2-bulk)

CLASSES = {
    "staging after a comma": [
        "Pressure ulcer, NPUAP stage III or IV",
        "Keratoconus, Amsler-Krumeich stage I to III",
        "Haemorrhoids, Goligher grade III",
        "Carpal tunnel syndrome, electrophysiological grade moderate",
    ],
    "size or duration after of": [
        "Ventral hernia of more than 3 cm on CT",
        "Pleural effusion of more than 500 mL on ultrasound",
        "Acute otitis media of less than 48 hours' duration",
        "Hypertrophic scar of at least 2 cm in length",
        "Pilonidal sinus of more than 3 months' duration",
    ],
    "listed for a procedure": [
        "Umbilical hernia listed for laparoscopic repair",
        "Symptomatic cholelithiasis awaiting elective cholecystectomy",
        "Carpal tunnel syndrome scheduled for open release",
        "Anal fistula needing surgical treatment",
    ],
    "subtype numeral": [
        "Glycogen storage disease type Ia with fasting hypoglycaemia",
        "Mucopolysaccharidosis type II confirmed by enzyme assay",
        "Osteogenesis imperfecta type III or IV",
    ],
    "with or without after the name": [
        "Migraine with or without aura, 4 to 14 headache days a month",
        "Obsessive-compulsive disorder with or without tics, Y-BOCS of 16 or more",
        "Atopic dermatitis with or without food sensitisation, EASI of 16 or more",
    ],
    "no prior treatment after a comma": [
        "Chronic plaque psoriasis, no prior biologic therapy",
        "Open-angle glaucoma, no previous laser trabeculoplasty",
        "Carpal tunnel syndrome confirmed by nerve conduction studies, without prior surgery",
    ],
    "risk group compound": [
        "Low-risk papillary thyroid carcinoma",
        "High-risk neuroblastoma",
        "Intermediate-risk prostate cancer",
    ],
    "free analyte": [
        "Graves' disease with raised free thyroxine",
        "Hypothyroidism with low free thyroxine, untreated",
        "Acromegaly with elevated free IGF-1 and GH not suppressed by glucose",
    ],
    "describers joined by or": [
        "Unilateral or bilateral inguinal hernia of less than 4 cm",
        "Acute or chronic anal fissure for at least 2 weeks",
        "Collagenous or lymphocytic colitis on biopsy",
    ],
    "secondary as a describer": [
        "Secondary lymphoedema of the arm for at least 6 months",
        "Secondary hyperhidrosis of the palms for a year or more",
        "Secondary Raynaud phenomenon, at least 3 attacks a week",
    ],
    "subtype before the name": [
        "Type 3 Gaucher disease with neurological involvement",
        "Type 2 Chiari malformation on MRI",
        "Type 1 narcolepsy with cataplexy",
    ],
    "site then how it presents": [
        "Osteonecrosis of the femoral head, ARCO stage II or III",
        "Lymphoedema of one leg for more than 6 months",
        "Adhesive capsulitis of the right shoulder with loss of external rotation",
    ],
    "another name after a slash": [
        "Plantar fasciitis/plantar fasciopathy for more than 3 months",
        "Hallux rigidus/stiff big toe, Coughlin grade 2 or 3",
        "Lateral epicondylitis/tennis elbow for at least 6 weeks",
        "Adhesive capsulitis / frozen shoulder confirmed by a physiotherapist",
    ],
    "lay name with the recognised name in brackets": [
        "Frozen shoulder (adhesive capsulitis) for at least 3 months",
        "Shingles (herpes zoster) with rash onset within 72 hours",
        "Piles (haemorrhoids) grade II or III",
        "Lazy eye (amblyopia) for at least 6 months",
    ],
}
ALL = [(cls, item) for cls, items in CLASSES.items() for item in items]


def _context(item):
    # an oncology requirement in an orthopaedic trial, the rest in a breast-cancer trial
    cancer = any(w in item.lower() for w in ("carcinoma", "neuroblastoma", "cancer"))
    return DISC if cancer else BREAST


@pytest.mark.parametrize("cls,item", ALL)
def test_recognised_requirement_is_reported_as_an_item(cls, item):
    assert run("TA301", **_context(item), criteria=inc(item)), f"{cls}: {item}"


@pytest.mark.parametrize("cls,item", ALL)
def test_recognised_requirement_is_reported_when_appended(cls, item):
    assert run("TA301", **_context(item), criteria=appended(item)), f"{cls}: {item}"


@pytest.mark.parametrize(
    "item",
    [
        # a risk, not the disease ("at risk of", "risk factors")
        "At high risk of pressure ulcer, Braden score of 18 or less",
        # scoped by a label in the item, or by a cohort name
        "For participants with haemorrhoids: Goligher grade III",
        "Cohort B: secondary lymphoedema of the arm for at least 6 months",
        # permitted, negated or the subject of a conditional requirement
        "Umbilical hernia of less than 2 cm is allowed",
        "Patients with or without lymphoedema of the arm",
        "No prior pressure ulcer, NPUAP stage II or higher",
        "Free of hernia recurrence for at least 12 months",
        "Patients with a ventral hernia of more than 3 cm must have it repaired before enrolment",
        # the trial's own condition in the clause: its population with a complication, not another disease
        "Lymphoedema of the arm secondary to breast cancer surgery, ISL stage II",
        # a method or scale named after a disease is no requirement of it
        "Type of surgery: lumpectomy or mastectomy",
    ],
)
def test_shapes_that_stay_general(item):
    assert not run("TA301", **BREAST, criteria=inc(item)), item


def test_alternative_subtypes_are_read_as_before():
    # criteria-corpus NCT02187094 (a gastroparesis trial; round 9): two subtypes as alternatives stay as they were read
    assert not run("TA301", conditions=["Gastroparesis"], criteria=inc("Type 1 or Type 2 diabetes with a Hemoglobin A1c ≤ 10%"))


def test_low_risk_of_an_infection_is_no_requirement_to_have_it():
    # criteria-corpus tune_phase_I_test.csv NCT02315703 (healthy volunteers): an intermediate commit of this round read
    # "low risk" as a risk group of the disease ("Low-risk papillary thyroid cancer") and reported HIV
    item = "Participants are assessed by the clinic staff as being at low risk for HIV infection"
    assert not run("TA301", conditions=["healthy"], criteria=inc(item))
    assert run("TA301", **DISC, criteria=inc("Low-risk papillary thyroid carcinoma"))


def test_a_lead_in_at_the_end_of_a_long_item_scopes_the_flattened_list_after_it():
    # ctgov-v2-bulk NCT06669780 (post-traumatic headache after TBI): the definition's sub-items follow a long item whose
    # last sentence leads in to them; "Loss of consciousness of approximately 30 minutes or less" is one of them
    criteria = (
        "Inclusion Criteria:\n\n* Be aged ≥ 18 to ≤ 70 years\n"
        "* Have a history of concussive TBI ≥ 3 months prior to enrollment:\n"
        "* A concussive TBI is defined by having at least one of the following after a head trauma (ACRM, 1993) oAny period "
        "of loss of consciousness; oAny loss of memory for events immediately before or after the accident; oAny alteration "
        "in mental state at the time of the accident (e.g., feeling dazed, disoriented, or confused); and oFocal "
        "neurological deficit(s) that may or may not be transient oThe injury must not exceed any of the following (ACRM, 1993):\n"
        "* Loss of consciousness of approximately 30 minutes or less;\n"
        "* After 30 minutes an initial GCS score of 13-15; and\n"
        "* PTA not greater than 24 hours\n\nExclusion Criteria:\n\n* Pregnancy\n"
    )
    assert not run("TA301", conditions=["Post-Traumatic Headache"], brief_title="E-CBT DTx for Post Traumatic Headaches", criteria=criteria)


def test_a_lead_in_closing_a_sub_list_scopes_the_top_level_items_after_it():
    # ctgov-v2-bulk NCT06669780, the same definition written with a sub-list: its last sub-item is the lead-in
    criteria = (
        "Inclusion Criteria:\n\n* Be aged ≥ 18 to ≤ 70 years\n"
        "* A concussive TBI is defined by having at least one of the following after a head trauma (ACRM, 1993):\n\n"
        "  * Any period of loss of consciousness;\n"
        "  * Focal neurological deficit(s) that may or may not be transient\n"
        "  * The injury must not exceed any of the following (ACRM, 1993):\n"
        "* Loss of consciousness of approximately 30 minutes or less;\n"
        "* After 30 minutes an initial GCS score of 13-15; and\n"
        "* PTA not greater than 24 hours\n\nExclusion Criteria:\n\n* Pregnancy\n"
    )
    assert not run("TA301", conditions=["Post-Traumatic Headache"], brief_title="E-CBT DTx for Post Traumatic Headaches", criteria=criteria)


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Cystic Fibrosis"], "Bronchiectasis/cystic fibrosis with chronic Pseudomonas infection"),
        (["Lipedema"], "Lymphoedema/lipoedema of the legs for at least 6 months"),
    ],
)
def test_the_trials_own_disease_after_the_slash_keeps_the_item_general(conditions, item):
    assert not run("TA301", conditions=conditions, criteria=inc(item))


#: written after the fixes of this round and not tuned on (the same classes, other diseases and wordings): the 18 of
#: 27 reported (the other 9: four names no vocabulary knows, three silent by design, two shapes not handled)
LATER = [
    "Inguinal hernia, EHS classification L2 or M2",
    "Varicose veins of the legs, CEAP class C2 to C4",
    "Dupuytren contracture, Tubiana stage 2 or more",
    "Gallstones awaiting laparoscopic cholecystectomy within 6 weeks",
    "Hammer toe of the second toe needing surgical correction",
    "Hidradenitis suppurativa with or without sinus tracts, Hurley stage II",
    "Rosacea, no prior isotretinoin",
    "Chronic rhinosinusitis with nasal polyps, no previous sinus surgery",
    "Hyperthyroidism with raised free T3 and suppressed TSH",
    "Acute or subacute low back pain for less than 6 weeks",
    "Mild or moderate ulcerative colitis, Mayo score 4 to 9",
    "Intermittent or persistent allergic rhinitis for at least 2 years",
    "Secondary hypothyroidism on levothyroxine for at least 6 months",
    "Type 1 spinal muscular atrophy diagnosed before 6 months of age",
    "Heel spur (plantar fasciitis) for more than 3 months",
    "Wry neck (cervical dystonia), TWSTRS of 20 or more",
    "Pleural effusion of the right hemithorax on chest X-ray",
    "Lymphoedema in the left arm for at least 3 months",
]


@pytest.mark.parametrize("item", LATER)
def test_requirements_written_after_the_fixes(item):
    assert run("TA301", **BREAST, criteria=inc(item)), item
