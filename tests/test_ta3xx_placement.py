"""Registered condition names that no ICD-10-CM title names, placed in an organ system by their words.

Before: a trial registered only as "Cataract", "Esophageal Achalasia", "Meningioma" or "Postoperative
Delirium" had no organ system at all, so TA301 could not say that a requirement was of *another*
one and stayed silent (the class behind most of the scope misses of the injection benchmark on
the tune part). The names are real registered conditions of tune-part records (ids in comments);
the requirement items are written here, each of another chapter.
"""

from __future__ import annotations

import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text.condition_systems import icd_codes_of_name, organ_chapters, word_system_code

CTX = Context()


def ta301(conditions, item):
    rule = select_rules(["TA301"])[0]
    criteria = f"Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  {item}\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    return list(rule.check(record_from_example({"conditions": conditions, "criteria": criteria}), CTX))


def chapters(name):
    return set(organ_chapters(icd_codes_of_name(name), traits=True))


@pytest.mark.parametrize(
    "name,chapter",
    [
        ("Cataract", "7"),  # NCT00000157, NCT00001613: ICD-10-CM has "Age-related cataract", not "Cataract"
        ("Corneal Diseases", "7"),  # NCT00491439
        ("Esophageal Achalasia", "11"),  # NCT00004416, NCT00490750: "Achalasia of cardia"
        ("Postoperative Delirium", "5"),  # NCT00463333
        # "Delirium NOS" is a symptom code (R41.0), which decides nothing; its words place it (NCT04652622)
        ("Delirium", "5"),
        # NCT00000322: a substance use disorder, the system of chapter 5 linked to the organs substances harm
        ("Amphetamine-Related Disorders", "5:substance"),
        ("Tremor", "6"),  # NCT00001925
        ("Seizures", "6"),  # NCT00007670
        ("Hypoglycemia", "4"),  # NCT00001276 (by its words: the whole chapter, which is several specialties)
        ("Mitral Valve Insufficiency", "9"),  # NCT00001314
        # the inclusion term "Meningioma NOS" is the registered name "Meningioma" (NCT03180268)
        ("Meningioma", "2:D10-D36"),
    ],
)
def test_registered_names_are_placed_by_their_words(name, chapter):
    assert chapter in chapters(name)


@pytest.mark.parametrize(
    "name",
    [
        # words mostly of injuries, symptoms or factors place nothing, even beside an organ word
        "Burns",  # NCT00006129
        "Kidney Transplantation",  # NCT00000936
        "Shoulder Pain",  # NCT00461474
        "Suicide, Attempted",  # NCT05144685
        "Child Abuse",  # NCT00000382
        "Physical Activity",  # NCT00000415
        "Hormone Replacement Therapy",  # NCT00463450
        "Healthy",
        "University Students",  # NCT06376032
    ],
)
def test_names_of_no_organ_system_stay_unplaced(name):
    assert word_system_code(name) is None
    assert not chapters(name)


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["Cataract"], "Documented diagnosis of gout with at least two flares in the past 12 months"),
        (["Esophageal Achalasia"], "Relapsing multiple sclerosis diagnosed according to the McDonald criteria"),
        (["Postoperative Delirium"], "Biopsy-proven IgA nephropathy with proteinuria of 1 g/day or more"),
        (["Tremor"], "Confirmed diagnosis of chronic plaque psoriasis with a PASI of 12 or more"),
    ],
)
def test_requirement_of_another_system_is_reported_for_a_placed_name(conditions, item):
    found = ta301(conditions, item)
    assert len(found) == 1
    assert found[0].evidence.field == "criteria"


@pytest.mark.parametrize(
    "conditions,item",
    [
        # the same system as the placed name: nothing to report
        (["Cataract"], "Diagnosis of primary open-angle glaucoma in the study eye"),
        (["Esophageal Achalasia"], "Biopsy-proven eosinophilic esophagitis"),
        # a name that stays unplaced decides nothing
        (["Kidney Transplantation"], "Documented diagnosis of gout with at least two flares in the past 12 months"),
    ],
)
def test_no_finding_in_the_same_or_an_unplaced_system(conditions, item):
    assert ta301(conditions, item) == []


def test_a_name_the_vocabulary_knows_is_not_misplaced_by_a_word_inside_it():
    # NCT05989841 (tune): conditions "Posttraumatic Stress Disorder", "Cannabis Use Disorder"; the
    # unhyphenated spelling is no ICD-10-CM title, and the word "stress" inside it had placed the trial
    # in chapter 13 (stress fracture), so a rheumatoid-arthritis requirement looked like its own system
    found = ta301(["Posttraumatic Stress Disorder"], "Rheumatoid arthritis meeting the 2010 ACR/EULAR classification criteria")
    assert len(found) == 1
    found = ta301(["Post Traumatic Stress Disorder"], "Documented diagnosis of gout with at least two flares in the past 12 months")
    assert len(found) == 1


# NCT04015791 (tune, ctgov-v2-bulk), inclusion criteria shortened: a numbered lead-in of alternatives
# ("2. Has one of more of the following conditions ...:") scopes its own sub-list only; its next
# numbered sibling ("3.") and every item after it apply to everyone again
_LEAD_IN = (
    "Inclusion Criteria:\n\n"
    "1. Has history consistent with degenerative disc disease as noted by back pain of discogenic origin\n"
    "2. Has one of more of the following conditions as documented by CT or MRI and plain X-rays:\n"
    "  * Modic changes\n"
    "  * Loss of discogenic height\n"
    "3. Has single level symptomatic degenerative involvement from L3 to S1\n"
    "4. {item}\n\n"
    "Exclusion Criteria:\n\n1. Pregnancy\n"
)


#: the record's MeSH terms (the registered name alone places nothing: "lumbar" is mostly of injuries)
_MESH = ["Intervertebral Disc Displacement", "Intervertebral Disc Degeneration"]


@pytest.mark.parametrize(
    "item",
    ["Transfusion-dependent beta-thalassemia", "Documented diagnosis of relapsing multiple sclerosis according to the McDonald criteria"],
)
def test_a_numbered_lead_in_of_alternatives_scopes_its_sub_list_only(item):
    rule = select_rules(["TA301"])[0]
    rec = record_from_example({"conditions": ["Lumbar Disc Disease"], "mesh_terms": _MESH, "criteria": _LEAD_IN.format(item=item)})
    assert len(list(rule.check(rec, CTX))) == 1


def test_an_item_inside_the_lead_in_sub_list_stays_scoped():
    rule = select_rules(["TA301"])[0]
    criteria = _LEAD_IN.replace("  * Modic changes\n", "  * Transfusion-dependent beta-thalassemia\n").format(item="Age 18 to 70")
    rec = record_from_example({"conditions": ["Lumbar Disc Disease"], "mesh_terms": _MESH, "criteria": criteria})
    assert list(rule.check(rec, CTX)) == []


# NCT01505608 (tune, ctgov-v2-bulk; registered "Neuroblastoma"): an inclusion item that permits
# ("Subjects may have received ...") does not make a requirement joined to it by "; and" a permission
_PERMIT = "Subjects may have received any number of prior biological therapies"


def test_a_requirement_joined_by_and_to_a_permission_is_a_requirement():
    found = ta301(["Neuroblastoma"], f"{_PERMIT}; and biopsy-proven IgA nephropathy with proteinuria of 1 g/day or more")
    assert len(found) == 1


@pytest.mark.parametrize(
    "item",
    [
        f"{_PERMIT}; and no history of IgA nephropathy",
        f"{_PERMIT}; and biopsy-proven IgA nephropathy is allowed",
        f"{_PERMIT}, and patients with biopsy-proven IgA nephropathy",  # one clause: the permission covers it
        "Biopsy-proven IgA nephropathy may be included; other renal diseases are excluded",
    ],
)
def test_a_permission_or_negation_in_the_same_clause_still_counts(item):
    assert ta301(["Neuroblastoma"], item) == []
