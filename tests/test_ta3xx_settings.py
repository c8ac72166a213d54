"""Trials registered with no organ disease (pain, injuries, pregnancy, operations), placed by their setting.

Before: a trial registered as "Labor Induction", "Pain After Shoulder Surgery" or "Anesthesia, Local"
(for open hip surgery) had no organ system, so TA301 stayed silent on any inclusion criterion
requiring a disease of an unrelated system (29 of the 56 scope misses of the tune injection
benchmark). The conditions and titles below are real, from tune-part records (ids in comments);
the requirement items are written here. The guards keep legitimate requirements silent: the
setting's own disease (knee osteoarthritis in a knee-arthroplasty pain trial), the diseases a
pregnancy comes with, the cancer an operation or a supportive-care trial is for, and trials that
nothing places.
"""

from __future__ import annotations

import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text.condition_settings import setting_chapters

CTX = Context()


def ta301(conditions, item, title=None):
    rule = select_rules(["TA301"])[0]
    criteria = f"Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  {item}\n\nExclusion Criteria:\n\n  -  Known allergy\n"
    ex = {"conditions": conditions, "criteria": criteria}
    if title:
        ex["brief_title"] = title
    return list(rule.check(record_from_example(ex), CTX))


@pytest.mark.parametrize(
    "texts,chapter",
    [
        (["Labor Induction", "Induced Delivery"], "15"),  # NCT04780269
        (["Pregnancy Related"], "15"),  # NCT04780087
        (["Post Partum Lumbopelvic Pain"], "15"),  # NCT05921747
        (["Pain After Shoulder Surgery"], "13:mech"),  # NCT00497354
        (["Hip Fractures", "Occult Fractures"], "13:mech"),  # NCT00461864
        (["Sub-acute and Chronic Back-related Leg Pain"], "13:mech"),  # NCT00494065
        (["Sport Injury", "Athletic Injuries"], "13:mech"),  # NCT04780282
        (["Brain Injuries"], "6"),  # NCT06171568
        (
            ["Pneumoperitoneum", "Pain", "Effect of Low-pressure Pneumoperitoneum on Pain Post Laparoscopic Cholecystectomy"],
            "11:liver",
        ),  # NCT04779515
        (["Halitosis"], "11:oral"),  # NCT04779502
        (["Contraception"], "14:genital"),  # NCT04779658
        (["Weaning From Mechanical Ventilation"], "10"),  # NCT04779463
        (["Suicide, Attempted", "Suicidal Ideation"], "5"),  # NCT05144685
        (["Alcoholism"], "5"),  # NCT00000450
        (["Smoking"], "5"),  # NCT00935818
        # synthetic variants in other words
        (["Deliberate self-harm in adolescents"], "5"),
        (["Epidural analgesia for labour pain"], "15"),
        (["Pain after total knee arthroplasty"], "13:mech"),
        (["Extraction of impacted third molars"], "11:oral"),
        (["Recovery after coronary artery bypass grafting"], "9"),
    ],
)
def test_setting_words_place_the_trial(texts, chapter):
    assert chapter in setting_chapters(texts)


@pytest.mark.parametrize(
    "texts",
    [
        ["Stress, Psychological", "Effects of Urban Nature on Stress and Quality of Life"],  # NCT04780646
        ["Bioavailability of Coenzyme Q10"],  # NCT04780074
        ["Chronic Conditions, Multiple", "Social Convoy Palliative Care Mobile Health for Older Adults"],  # NCT04779931
        ["Hipster culture", "Shipment of samples"],  # words that only contain a setting word
    ],
)
def test_nothing_places_a_trial_without_setting_words(texts):
    assert setting_chapters(texts) == set()


@pytest.mark.parametrize(
    "conditions,title,item",
    [
        # NCT04780269 (labour induction) with a glaucoma requirement
        (
            ["Labor Induction", "Induced Delivery"],
            None,
            "Diagnosis of primary open-angle glaucoma with intraocular pressure of 22 mmHg or more",
        ),
        # NCT04779580 (regional anaesthesia for open hip surgery) with a glaucoma requirement (gout would be its own chapter)
        (["Anesthesia, Local"], "Can a Subcostal Nerve Block Add Benefit for Open Hip Surgery", "Diagnosis of primary open-angle glaucoma"),
        # NCT00497354 (pain after shoulder surgery) with a COPD requirement (psoriasis: skin is linked with rheumatology)
        (["Pain After Shoulder Surgery"], None, "Moderate to severe COPD, GOLD stage 2 or 3"),
        # NCT05144685 (suicide attempts) with a multiple-sclerosis requirement
        (["Suicide, Attempted", "Suicidal Ideation"], None, "Relapsing multiple sclerosis according to the McDonald criteria"),
        # synthetic: a caesarean-section analgesia trial requiring multiple sclerosis
        (["Post-cesarean analgesia"], None, "Relapsing multiple sclerosis according to the McDonald criteria"),
        # synthetic: a knee-arthroplasty pain trial requiring chronic hepatitis B
        (
            ["Postoperative Pain"],
            "Adductor canal block after total knee arthroplasty",
            "Chronic hepatitis B infection with detectable HBV DNA",
        ),
    ],
)
def test_a_disease_of_another_system_than_the_setting_is_reported(conditions, title, item):
    assert [f.rule for f in ta301(conditions, item, title)] == ["TA301"]


@pytest.mark.parametrize(
    "conditions,title,item",
    [
        # the setting's own disease: knee osteoarthritis in a knee-arthroplasty pain trial
        (["Postoperative Pain"], "Adductor canal block after total knee arthroplasty", "Diagnosis of primary osteoarthritis of the knee"),
        # diseases a pregnancy comes with on purpose
        (["Pregnancy Related"], None, "Diagnosis of type 1 diabetes mellitus before pregnancy"),
        (["Labor Induction"], None, "Chronic hypertension diagnosed before 20 weeks"),
        (["Prenatal care"], None, "Confirmed HIV infection"),
        # the cancer an operation or a supportive-care trial is for
        (["Pain After Surgery"], "Analgesia after radical cystectomy", "Histologically confirmed urothelial carcinoma of the bladder"),
        (["Postoperative Pain"], "Thoracoscopic lobectomy", "Diagnosis of non-Hodgkin lymphoma"),
        # substance use comes with liver and lung disease on purpose
        (["Alcoholism"], None, "Biopsy-proven alcoholic cirrhosis"),
        (["Smoking"], None, "Diagnosis of COPD, GOLD stage 2 or 3"),
        # nothing places the trial: silent (NCT04780646's conditions and title)
        (["Stress, Psychological"], "Effects of Urban Nature on Stress and Quality of Life", "Diagnosis of rheumatoid arthritis"),
    ],
)
def test_legitimate_or_unplaced_requirements_stay_silent(conditions, title, item):
    assert ta301(conditions, item, title) == []
