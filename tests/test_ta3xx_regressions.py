"""TA3xx: the seed's findings, and every false-positive pattern met while hand-checking real records.

Each regression uses a short excerpt of a real record (criteria-corpus / ClinicalTrials.gov text,
NCT ID in the test name) that an earlier version of the rules flagged wrongly.
"""

from pathlib import Path

import pytest

from tests.ta3_cases import CTX, run
from trial_audit.core.model import Source, record_from_example
from trial_audit.engine.registry import Context, select_rules

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_39e40e8ef963eca8.txt"


def inc(*items):
    return "Inclusion Criteria:\n\n" + "".join(f"  -  {t}\n\n" for t in items)


def exc(*items):
    return "\n\nExclusion Criteria:\n\n" + "".join(f"  -  {t}\n\n" for t in items)


# --- the seed ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    from trial_audit.readers.page_text import read_page

    return read_page(SEED.read_text(encoding="utf-8"), Source(path=str(SEED), format="page-text"))


def test_seed_pbc_item_is_reported(seed):
    rule = select_rules(["TA301"])[0]
    fs = list(rule.check(seed, CTX))
    assert len(fs) == 1
    f = fs[0]
    assert f.evidence.field == "criteria"
    assert f.evidence.text.startswith("Histological evidence of non-suppurative destructive cholangitis")
    assert seed.criteria[f.evidence.start : f.evidence.end] == f.evidence.text
    assert "primary biliary cholangitis" in f.message
    # the trial's conditions travel with the finding (the summary's list: the page has no registered list)
    assert any(e.field == "plain_summary" and "systemic lupus erythematosus" in e.text for e in f.related)


def test_seed_condition_lists_disagree(seed):
    fs = list(select_rules(["TA303"])[0].check(seed, CTX))
    assert len(fs) == 1
    msg = fs[0].message
    for name in (
        "rheumatoid arthritis",
        "immune thrombocytopenia",
        "primary biliary cholangitis",
        "connective tissue disease-associated interstitial lung disease",
    ):
        assert name in msg.split("Lists compared")[0]
    fields = {fs[0].evidence.field, *(e.field for e in fs[0].related)}
    assert fields == {"criteria", "plain_summary"}


def test_seed_no_other_scope_findings(seed):
    assert not list(select_rules(["TA302"])[0].check(seed, CTX))
    assert not list(select_rules(["TA304"])[0].check(seed, CTX))


# --- TA301 false-positive patterns ---------------------------------------------------------------


@pytest.mark.parametrize(
    "conditions,criteria",
    [
        # NCT02260492: smoking history (pack-years) is not a COPD finding in an asthma trial
        (
            ["asthma"],
            inc("Subjects who are currently non-smoking and have not used tobacco products within the past year, and had < 10 pack-years"),
        ),
        # NCT02293915: an upper bound on a depression scale rules depression out
        (["mild to moderate alzheimer disease"], inc("Total Hamilton Depression Scale/17-item (HAMD) score ≤10;")),
        # NCT00180713: NYHA functional class is used for pulmonary hypertension too
        (["pulmonary hypertension"], inc("Modified NYHA functional class II or III")),
        # NCT01454349: PSA under a bound in a BPH trial rules prostate cancer out
        (["benign prostatic hyperplasia"], inc("Blood PSA values <10 ng/mL")),
        # NCT01077401: "diabetes mellitus (type 1 or type 2)" is diabetes, not type 1 across the bracket
        (["diabetic macular edema"], inc("Diagnosis of diabetes mellitus (type 1 or type 2)")),
        # NCT01238146 / NCT02200848: a permission, not a requirement
        (["chronic lymphocytic leukemia"], inc("Patients with HIV infection are eligible")),
        (["nodal marginal zone b-cell lymphoma"], inc("HIV infection allowed provided patient meets the following criteria:")),
        # NCT01081158
        (["hepatitis c, chronic"], inc("Subject with chronic stable hemophilia may enroll")),
        # NCT00610311: "Seronegative for HIV" and an explanation that names HIV positivity
        (
            ["metastatic melanoma"],
            inc(
                "Seronegative for human immunodeficiency virus (HIV) antibody. (The experimental "
                "treatment depends on an intact immune system. Patients who are HIV seropositive "
                "can have decreased immune competence.)"
            ),
        ),
        # NCT02145468: one of several alternatives under "At least one of the following" (no colon)
        (
            ["acute coronary syndrome"],
            inc("At least one of the following", "Age >=60 years at randomization.", "Diabetes mellitus requiring pharmacotherapy."),
        ),
        # NCT01732640: a sub-list under a parent that is not a requirement to have them
        (
            ["squamous cell carcinoma of the head and neck"],
            "Inclusion Criteria:\n\n 8. Patients with the following within the last 6 months prior to pre-registration "
            "must be evaluated by a cardiologist prior to entry into the study.\n\n   - Congestive heart failure > NYHA "
            "Class II\n\n   - Unstable angina\n",
        ),
        # NCT02105701: scoped at the start of the item, hit after a semicolon
        (
            ["hepatitis c infection"],
            inc(
                "For human immunodeficiency virus (HIV) co-infected participants: documented "
                "HIV-1 infection; currently naïve to treatment with any antiretroviral therapy"
            ),
        ),
        # NCT02477969-like: an exclusion-style list in the inclusion section, negated by its parent
        (
            ["type 2 diabetes mellitus"],
            "Inclusion Criteria:\n\n - Patients must not have any of the following:\n    - Type 1 diabetes mellitus\n",
        ),
        # NCT04565522: dialysis registered as a condition covers haemodialysis requirements
        (["Covid19", "Dialysis"], inc("All the patients on haemodialysis or peritoneal dialysis giving their consent")),
        # NCT05381090: "MDS" is the Movement Disorder Society here
        (["Dementia"], inc("Meets MDS task force criteria for PDD")),
        # NCT04060888: the CLASI index's name is not a cutaneous-lupus diagnosis
        (
            ["lupus erythematosus, systemic"],
            inc("Have a Cutaneous Lupus Erythematosus Disease Area and Severity Index (CLASI) activity score at least 4"),
        ),
        # NCT02704494: a diabetic-nephropathy trial requiring type 2 diabetes is consistent
        (["diabetic nephropathy"], inc("Type 2 diabetes mellitus (DM)")),
        # NCT01632891: the registered condition "pf subclinical parasitemia" is malaria
        (["hiv-1 infection", "pf subclinical parasitemia"], inc("Microscopy confirmed parasitemia")),
    ],
)
def test_ta301_real_false_positives_stay_quiet(conditions, criteria):
    assert not run("TA301", conditions=conditions, criteria=criteria)


@pytest.mark.parametrize(
    "conditions,criteria",
    [
        # NCT00240097: a small-cell requirement in a trial registered for non-small cell lung cancer
        (["non-small cell lung cancer"], inc("Histologic or cytologic diagnosis of SCLC.")),
        # NCT00158886: rectal cancer required, renal cell carcinoma registered
        (["carcinoma, renal cell"], inc("Patients with histologically confirmed rectal cancer.")),
        # NCT02032888: HIV co-infection required, only hepatitis C registered
        (["hepatitis c"], inc("Patients with HIV-1 infection")),
    ],
)
def test_ta301_real_true_positives(conditions, criteria):
    assert run("TA301", conditions=conditions, criteria=criteria)


# --- TA302 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "conditions,criteria",
    [
        # NCT02660905: HIV/HCV co-infection trials require both of everyone
        (["human immunodeficiency virus", "hepatitis c, chronic"], inc("HIV RNA BLLQ for minimum of 3 months")),
        # NCT01116648: the item names its own cohort
        (["breast cancer", "ovarian serous adenocarcinoma"], inc("Breast cancer participants must have HER2-positive disease")),
        # NCT01149915: alternatives listed one per item
        (
            ["acute myelogenous leukemia", "chronic myelogenous leukemia"],
            inc("Chronic myelogenous leukemia (CML) in accelerated or blast phase failing prior tyrosine kinase therapy"),
        ),
        # NCT00442559: asthma with allergic rhinitis - comorbid, not alternatives
        (
            ["asthma", "allergic rhinitis"],
            inc("Diagnosed with asthma, classified as mild persistent asthma according to Global Initiative Asthma Guidelines (GINA)"),
        ),
    ],
)
def test_ta302_real_false_positives_stay_quiet(conditions, criteria):
    assert not run("TA302", conditions=conditions, criteria=criteria)


# --- TA303 ---------------------------------------------------------------------------------------


def test_ta303_risk_factor_lists_are_not_condition_lists():
    # NCT01350960: a negated list of comorbidities
    assert not run(
        "TA303",
        conditions=["dyslipidemia"],
        criteria=inc(
            "heterozygous Familial Hypercholesterolemia, without a history of cardiovascular disease "
            "(e.g. coronary artery disease), hypertension or diabetes mellitus"
        ),
    )
    # a registered list broader than the criteria's enumeration is not reported
    assert not run(
        "TA303",
        conditions=["acute myeloid leukemia", "multiple myeloma", "lymphoma", "myelodysplastic syndrome"],
        criteria=inc("Hematologic malignancy including acute myeloid leukemia, lymphoma or myelodysplastic syndrome"),
    )


def test_ta303_real_true_positive():
    # NCT00506922: the criteria enrol MDS, the registered list lacks it
    assert run(
        "TA303",
        conditions=["leukemia", "lymphoma"],
        criteria=inc(
            "One of the following: AML, ALL, Hodgkin's disease, MDS (including CMML), CML in late chronic "
            "or accelerated phase or in blast crisis, and lymphoma"
        ),
    )


# --- TA304 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "conditions,item",
    [
        (["metastatic melanoma"], "Ocular melanoma"),  # NCT01032122: a narrower form
        (["acute myeloid leukemia"], "Acute promyelocytic leukemia (APL)"),  # NCT02642965
        (["hypertension"], "Patients with secondary hypertension"),  # NCT01672476
        (["asthma"], "Severe asthma"),  # NCT00646321
        (["Nonradiographic Axial Spondyloarthritis"], "Diagnosis of AS or any other Inflammatory Arthritis"),
        (["hiv-1 infection"], "Confirmed HIV-1 or HIV-2 infection."),  # prevention trial, no title to tell
        (["multiple myeloma"], "Platelet count < 25,000 /μL (for multiple myeloma only);"),
        (["schizophrenia"], "Diagnosis of schizoaffective disorder or bipolar I or II disorder"),
    ],
)
def test_ta304_real_false_positives_stay_quiet(conditions, item):
    assert not run("TA304", conditions=conditions, criteria=inc("Adults") + exc(item))


def test_ta304_cohort_label_in_exclusion_section():
    # NCT02820896 / NCT02544607: an unmarked cohort label, not an exclusion
    crit = "Inclusion Criteria:\n\n  -  Adults\n\nExclusion Criteria:\n\nParticipants with Alzheimer's disease\n\n  -  Ages 50-80\n"
    assert not run("TA304", conditions=["alzheimer's disease"], criteria=crit)


def test_ta301_unmarked_group_label_is_not_a_requirement():
    # NCT05381090 (legacy XML): group labels without a colon, each followed by its own criteria
    crit = (
        "Inclusion Criteria:\n\n          -  Age > 60 years\n\n        Specific criteria for each group;\n\n"
        "        Parkinson's Disease\n\n          -  MoCA > 26/30\n\n        Dementia with Lewy Bodies\n\n"
        "          -  Meets criteria for probable DLB\n"
    )
    assert not run("TA301", conditions=["Dementia"], criteria=crit)


def test_seed_with_all_its_diseases_registered_moves_the_pbc_item_to_ta302(seed):
    rec = _edited_copy(seed)
    rec.conditions = [
        "Systemic Lupus Erythematosus",
        "Idiopathic Inflammatory Myopathies",
        "Systemic Sclerosis",
        "IgG4-related Disease",
        "Primary Sjögren Syndrome",
        "Rheumatoid Arthritis",
        "Connective Tissue Disease-associated Interstitial Lung Disease",
        "Immune Thrombocytopenia",
        "Primary Biliary Cholangitis",
    ]
    assert not list(select_rules(["TA301"])[0].check(rec, CTX))
    fs = list(select_rules(["TA302"])[0].check(rec, CTX))
    assert len(fs) == 1 and "cholangitis" in fs[0].evidence.text
    assert any(e.field.startswith("conditions[") for e in fs[0].related)


def test_seed_registered_only_as_an_umbrella_is_scoped_ambiguous(seed):
    rec = _edited_copy(seed)
    rec.conditions = ["Autoimmune Diseases"]
    rec.plain_summary = None
    rec.brief_title = None
    assert not list(select_rules(["TA301"])[0].check(rec, CTX))
    assert list(select_rules(["TA302"])[0].check(rec, CTX))


def _edited_copy(record):
    """A shallow copy to edit: without the analyses kept with the original (they describe its text)."""
    import copy

    rec = copy.copy(record)
    rec._analyses = {}
    return rec


# --- unseen-part hand-check: TA304 read a stage or a requirement list as the studied condition -------


def _ta304(example):
    from trial_audit.checks.ta304_exclusion_excludes_studied_condition import ExclusionExcludesStudiedCondition

    return list(ExclusionExcludesStudiedCondition().check(record_from_example(example), Context()))


def test_ta304_a_stage_named_only_in_keywords_is_another_form():
    # NCT00000713 (legacy XML): "... Ampligen in HIV-Infected Subjects", condition HIV Infections, excludes "AIDS."
    base = {
        "conditions": ["HIV Infections"],
        "keywords": ["AIDS-Related Opportunistic Infections"],
        "brief_title": "A Phase I Trial of Ampligen in HIV-Infected Subjects",
        "criteria": "Inclusion Criteria:\n- HIV antibody positive\n\nExclusion Criteria:\n- AIDS.\n",
    }
    assert _ta304(base) == []
    # the same in other words: a qualifier use in the title ("AIDS Related Complex") is not the population's name
    arc = dict(base, brief_title="Isoprinosine in Patients With AIDS Related Complex (ARC)")
    assert _ta304(arc) == []
    # still reported when the trial names the excluded condition as its own
    own = dict(base, conditions=["AIDS"], brief_title="Treatment Program for Anemia in AIDS Patients")
    assert len(_ta304(own)) == 1


def test_ta304_requirements_listed_under_a_label_inside_the_exclusion_section():
    # NCT00002022 (legacy XML): the exclusion section holds "Patients must have:" followed by requirements
    rec = {
        "conditions": ["AIDS"],
        "brief_title": "Treatment Program for Anemia in AIDS Patients",
        "criteria": (
            "Exclusion Criteria\n\nPatients with the following are excluded:\n\n  -  Uncontrolled hypertension.\n\n"
            "Patients must have:\n\n  -  A clinical diagnosis of AIDS.\n\n  -  Hematocrit < 30 percent.\n"
        ),
    }
    assert _ta304(rec) == []
    # other words for the label
    assert _ta304(dict(rec, criteria=rec["criteria"].replace("Patients must have:", "Required:"))) == []


# --- unseen-part judge: entry requirements left under the exclusion header (legacy texts) -----------


def test_ta304_requirements_without_inclusion_header_are_not_exclusions():
    # NCT00002302 (legacy XML, unseen part, judge's excerpt only): r-HuEPO for AIDS-related anaemia; the entry
    # requirements stand under the exclusion text with no inclusion heading
    rec = {
        "conditions": ["Anemia", "HIV Infections"],
        "brief_title": "A Study of r-HuEPO in AIDS Patients With Anemia",
        "criteria": (
            "Exclusion Criteria\n\nPatients with the following are excluded:\n\n  -  Active opportunistic infection.\n\n"
            "  -  Clinical diagnosis of AIDS related anemia.\n\n  -  Clinical diagnosis of AIDS.\n\n"
            "  -  Clinically stable for 1 month preceding study entry.\n\n"
            "  -  Maintenance dose of zidovudine (AZT) of at least 400 mg daily.\n"
        ),
    }
    assert _ta304(rec) == []
    # the same class in other words: a duty or a stable treatment next to the diagnosis marks the list as requirements
    other = {
        "conditions": ["Rheumatoid Arthritis"],
        "brief_title": "Tocilizumab in Rheumatoid Arthritis",
        "criteria": (
            "Exclusion Criteria:\n\n  -  Documented rheumatoid arthritis.\n\n  -  Stable on methotrexate for 12 weeks.\n\n"
            "  -  Must have at least 6 swollen joints.\n"
        ),
    }
    assert _ta304(other) == []
    # a diagnosis among exclusions is still an exclusion of the studied condition
    among = dict(
        other,
        criteria="Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Pregnancy\n- Diagnosis of rheumatoid arthritis\n- Active infection\n",
    )
    assert len(_ta304(among)) == 1


# --- registries hand-check (ICTRP, tune part): risk groups and definitions are not the trial's conditions -----


def test_ta303_high_risk_groups_are_not_conditions_enrolled():
    # EUCTR2020-001023-14-GB (ictrp-csv): comorbidities name who is at high risk of severe COVID-19
    rec = {
        "conditions": ["COVID-19", "Term: Coronavirus infection"],
        "brief_title": "a trial of an inhaled antiviral drug to treat or prevent severe respiratory difficulties in patients with COVID-19",
        "criteria": (
            "Inclusion Criteria:\n1. Positive virus test for SARS-CoV-2\n\n2. Male or female, =18 years of age at the time of consent\n\n"
            "3. Patients admitted to hospital due to the severity of their COVID-19 disease OR non-hospitalised patients from "
            "high-risk co-morbidity groups such as the >65-years of age, or those with hypertension, cardiovascular disease, "
            "diabetes or a chronic lung condition\n\n4. Provide written informed consent.\n\n"
            "Exclusion Criteria:\n1. > 24 hours after confirmation of SARS-CoV-2 infection\n\n4. Ventilated or in intensive care\n"
        ),
    }
    assert run("TA303", **rec) == []
    # other words: "belonging to high-risk groups such as ..." in an influenza trial
    other = {
        "conditions": ["Influenza"],
        "brief_title": "Antiviral for influenza",
        "criteria": (
            "Inclusion Criteria:\n- Confirmed influenza, in adults belonging to high-risk groups such as diabetes mellitus, "
            "chronic obstructive pulmonary disease or chronic kidney disease\n\nExclusion Criteria:\n- Pregnancy\n"
        ),
    }
    assert run("TA303", **other) == []
    # a summary that names comorbidities of the population is not a list of the trial's conditions either
    summary = {
        "conditions": ["Pneumonia"],
        "plain_summary": "Conditions included in the study are community-acquired pneumonia in patients with comorbidities "
        "such as heart failure, diabetes mellitus and chronic kidney disease.",
        "criteria": "Inclusion Criteria:\n- Community-acquired pneumonia including patients with heart failure, asthma or diabetes mellitus\n",
    }
    assert run("TA303", **summary) == []
    # still reported: an enumeration of the diseases enrolled, without a risk-group cue
    assert run(
        "TA303",
        conditions=["Breast Cancer", "Gastric Cancer"],
        criteria="Inclusion Criteria:\n- Histologically confirmed solid tumour, including breast cancer, gastric cancer or colorectal cancer\n",
    )


def test_ta303_conditions_inside_a_definition_are_not_conditions_enrolled():
    # ISRCTN14966673 (ictrp-csv): influenza, COPD, asthma and bronchiectasis say what "acute respiratory illness" means
    crit = (
        "Inclusion Criteria:\n1. Is a patient in ED, AMU, HDU, GICU, medical wards\n2. Aged =18 years old\n"
        "3. Can be recruited to the study within 24 hours of presentation to hospital\nPlus:\n4. Has acute respiratory illness (ARI)*\nOR\n"
        "5. Does not have ARI but is a suspected case of COVID-19 according to the current PHE case definition OR\n"
        "6. Does not have ARI or fulfil the PHE case definition of a suspected case but testing for SARS-CoV-2 is considered necessary "
        "by the responsible clinical team\n*An episode of acute respiratory illness is defined as an acute upper or lower respiratory "
        "illness (including rhinitis, rhino-sinusitis, pharyngitis, pneumonia, bronchitis and influenza-like illness) or an acute "
        "exacerbation of a chronic respiratory illness (including exacerbation of COPD, asthma or bronchiectasis). For the study, acute "
        "respiratory illness as a provisional, working, differential or confirmed diagnosis must be made by a treating clinician\n\n"
        "Exclusion Criteria:\n1. Not fulfilling all the inclusion criteria\n2. Declines nasal/pharyngeal swabbing\n"
    )
    assert run("TA303", conditions=["COVID-19 (SARS-CoV-2 infection)", "Coronavirus infection, unspecified site"], criteria=crit) == []
    # other words: "Sepsis is defined as ... including pneumonia, ..." names what counts, not what is enrolled
    other = (
        "Inclusion Criteria:\n- Sepsis, which is defined as a suspected infection including pneumonia, pyelonephritis, "
        "cellulitis or meningitis with organ dysfunction\n"
    )
    assert run("TA303", conditions=["Sepsis", "Pneumonia"], criteria=other) == []


def test_group_naming_spans_start_after_the_cue():
    from trial_audit.text.condition_groups import group_naming_spans

    t = "Comorbid depression (PHQ-9 >= 10). Patients at high risk: diabetes, COPD; and asthma"
    spans = group_naming_spans(t, 0, len(t))
    named = [t[a:b] for a, b in spans]
    assert named == ["PHQ-9 >= 10)", " diabetes, COPD"]
    # a risk word that qualifies a disease is not a cue
    assert group_naming_spans("High-risk neuroblastoma, including stage 4 disease", 0, 50) == []


def test_ta304_a_family_name_excludes_every_participant_with_its_advanced_form():
    # the judge's NCT00002302 class (b): AIDS and HIV infection are one studied condition for the claim
    aids = {
        "conditions": ["AIDS"],
        "brief_title": "Study of r-HuEPO in Patients With AIDS",
        "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- HIV infection\n- Pregnancy\n",
    }
    assert len(_ta304(aids)) == 1  # every AIDS patient has HIV infection
    # other words: a metastatic-cancer trial that excludes the cancer itself
    crc = {
        "conditions": ["Metastatic Colorectal Cancer"],
        "brief_title": "Drug X in metastatic colorectal cancer",
        "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Colorectal cancer\n",
    }
    assert len(_ta304(crc)) == 1
    # the reverse is a narrower form, not the studied condition: the advanced form excluded from a trial of the disease
    hiv = dict(aids, conditions=["HIV Infections"], brief_title="Zidovudine in HIV-infected adults")
    assert _ta304(dict(hiv, criteria=aids["criteria"].replace("HIV infection", "AIDS"))) == []
    assert (
        _ta304(
            dict(
                crc,
                conditions=["Colorectal Cancer"],
                brief_title="Drug X in colorectal cancer",
                criteria=crc["criteria"].replace("Colorectal cancer", "Metastatic colorectal cancer"),
            )
        )
        == []
    )


def test_ta304_legacy_requirements_after_the_exclusions_real_tune_record():
    # NCT00002071 (legacy XML, tune part; NCT00002072/NCT00002073 are the same layout): after the prior-medication
    # exclusions the entry requirements follow with no inclusion header
    crit = (
        "Exclusion Criteria\n\nCo-existing Condition:\n\nPatients with the following are excluded:\n\n"
        "  -  History of any primary hematologic disease.\n\n  -  AIDS-related dementia.\n\n"
        "  -  Acute opportunistic infection.\n\n  -  History of seizures.\n\nPrior Medication:\n\n"
        "Excluded within 30 days of study entry:\n\n  -  Experimental drug or experimental device.\n\n"
        "  -  Cytotoxic chemotherapy.\n\n  -  Excluded within 2 months of study entry:\n\n  -  Androgen therapy.\n\n"
        "Clinical diagnosis of AIDS related anemia.\n\n  -  Clinical diagnosis of AIDS.\n\n"
        "  -  Clinically stable for 1 month preceding study entry.\n\nSubstance abuse.\n"
    )
    title = (
        "A Double-Blind, Placebo-Controlled Study With Open-Label Follow-Up To Determine the Safety and Efficacy of "
        "r-HuEPO in AIDS Patients With Anemia Induced by Their Disease and AZT Therapy"
    )
    assert _ta304({"conditions": ["HIV Infections"], "brief_title": title, "criteria": crit}) == []


def test_ta304_a_milder_registered_name_gets_no_family_words():
    # NCT00208117 (tune part): a trial of mild depression, registered as "depression", excludes current major
    # depression, a more severe form; only an advanced-form registration (AIDS, metastatic X) widens the name
    crit = (
        "Inclusion Criteria:\n\n  1. Age 18 - 60\n\n  2. Mild depression\n\n  3. Inflammatory markers: CRP > 2\n\n"
        "Exclusion Criteria:\n\n  1. Non-English or Non-Spanish speakers\n\n  7. Any current psychotic disorder\n\n"
        "  8. Current major depressive disorder\n\n  9. Current depression treatment or treatment within preceding 6 weeks\n"
    )
    conds = ["depression", "coronary artery disease (cad)", "acute coronary syndrome (acs)"]
    assert _ta304({"conditions": conds, "criteria": crit}) == []
    # other words: an anxiety trial excluding generalised anxiety disorder
    assert (
        _ta304(
            {
                "conditions": ["Anxiety"],
                "brief_title": "Mindfulness for anxiety",
                "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Generalized anxiety disorder\n",
            }
        )
        == []
    )


def test_ta301_a_score_inside_a_risk_group_list_is_not_required():
    # NCT04372082 (ictrp-xlsx, tune part): comorbidities that make a COVID-19 patient high-risk, wrapped over lines
    crit = (
        "  Inclusion Criteria:\n\n    -  Positive SARS-CoV-2 test on nasopharyngeal swab\n\n"
        "    -  At least one comorbidity among: age = 70 years old, history of cardiac disease,\n"
        "       diabetes, obesity, chronic kidney disease, chronic respiratory failure,\n"
        "       immunosuppression, neoplasia, liver failure (stage = Child-Pugh B)\n\n    -  Signed informed consent\n\n"
        "  Exclusion Criteria:\n\n    -  Pregnancy or breath feeding\n"
    )
    rec = {"conditions": ["Sars-CoV2"], "brief_title": "Hydroxychloroquine or Diltiazem-Niclosamide for the Treatment of COVID-19"}
    assert run("TA301", criteria=crit, **rec) == []
    # other words: "underlying conditions such as ..." naming a scored disease
    other = "Inclusion Criteria:\n- Influenza confirmed by PCR\n- Underlying conditions such as cirrhosis (Child-Pugh A or B) or heart failure\n"
    assert run("TA301", conditions=["Influenza"], brief_title="Antiviral for influenza", criteria=other) == []
    # a score required of everyone outside such a list is still reported
    plain = "Inclusion Criteria:\n- Influenza confirmed by PCR\n- Child-Pugh class B\n"
    assert run("TA301", conditions=["Influenza"], brief_title="Antiviral for influenza", criteria=plain)
