"""Round 8 (issue 20): structure recall on wordings the rules were not written for.

Miss classes found with the injection benchmark on the tune part (all four wording halves), each re-built here on
real criteria (record id and source in each comment), and the real lines that must stay as they are:

- items run together (TA121) where the line break was replaced by a spaced dash (" - - ", " - 5. "), a colon-dash
  (":- - "), a lower-case "and" / "or" (", or - Word", " and 12. Word") or a comma written against the dash (",- ");
- a lead-in sentence run into its first item ("Participants are not eligible if: - …") or closing the line of the
  criterion before it ("… Age range 18-40. Participants are not eligible if they meet any of the following:"), and a
  header with its verb or qualifier there ("… Exclusion criteria are as follows:", "… Criteria of exclusion:") (TA103);
- an exclusion section with nothing, or only a dash, under its header (TA102: judge-disputed "Exclusion Criteria: -");
- a sentence about the criteria with a verb is no header ("Key inclusion and exclusion criteria … will be used":
  TA101 reports the list under no header again).
"""

import pytest

from tests.ta1_rules import CTX, ta1_codes
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import load_rules

# ctgov-classic results_1.json, NCT04780269 (exclusion criteria, as the benchmark renders classic JSON)
LABOUR = ["Contraindications for vaginal delivery.", "Prior cesarean section", "Known hypersensitivity for Foley catheter or PGE2"]
# ctgov-v2-bulk dtx-analysis.ndjson, NCT04855630 (exclusion criteria, numbered)
WEARABLE = [
    "Prohibited from or unable to perform mild exercise",
    "Unable to wear wrist watch or headband devices",
    "Unable to speak or understand English",
    "Unable to use mobile device/smartphone technology",
]
_INCLUSION = "Inclusion Criteria:\n\n- Age 18 or older\n- Signed consent\n\n"


def _bulleted(items, joined_at, sep):
    lines = [f"- {t}" for t in items]
    lines[joined_at] = lines[joined_at].rstrip(".") + sep + lines.pop(joined_at + 1)[2:]
    return _INCLUSION + "Exclusion Criteria:\n\n" + "\n".join(lines) + "\n"


def _numbered(items, joined_at, sep):
    lines = [f"{i + 1}. {t}" for i, t in enumerate(items)]
    lines[joined_at] = lines[joined_at].rstrip(".") + sep + lines.pop(joined_at + 1)
    return "Inclusion Criteria:\n\n1. Age 18 or older\n2. Signed consent\n\nExclusion Criteria:\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("sep", [" - - ", ":- - ", " and - ", ", or - ", " or - ", ",- "])
@pytest.mark.parametrize("joined_at", [0, 1])
def test_bullets_run_together_after_a_dash_a_colon_dash_or_a_connective(sep, joined_at):
    text = _bulleted(LABOUR, joined_at, sep)
    assert ta1_codes(text, "NCT04780269", "ctgov-classic")["TA121"] == 1, text


@pytest.mark.parametrize("sep", [" - ", ", or ", " and ", " or "])
@pytest.mark.parametrize("joined_at", [0, 1, 2])
def test_numbers_run_together_after_a_dash_or_a_connective(sep, joined_at):
    text = _numbered(WEARABLE, joined_at, sep)
    assert ta1_codes(text, "NCT04855630", "ctgov-v2")["TA121"] == 1, text


@pytest.mark.parametrize(
    "text,path,fmt",
    [
        # criteria-corpus, NCT00405743: "0 - 2." is a range, then the next sentence
        (
            "Inclusion Criteria:\n\n  2. Patients must be 18 years of age or older\n\n  3. Patients must have ECOG performance status "
            "(PS) of 0 - 2. See Appendix 3\n\n  4. Women of child-bearing potential must have a negative pregnancy test\n",
            "NCT00405743",
            "criteria-table",
        ),
        # criteria-corpus, NCT01986751: "class 1, 2, or 3. The" counts classes
        (
            "Inclusion Criteria:\n\n  1. Patient undergoing foot or ankle surgery\n\n  2. Subject classified as American Society of "
            "Anesthesiology (ASA) class 1, 2, or 3. The ASA defines these statuses as follows\n\n  3. Adult, 19 years of age and older.\n",
            "NCT01986751",
            "criteria-table",
        ),
        # criteria-corpus, NCT02453685: bullets after a lead-in's colon are one criterion's options
        (
            "Inclusion Criteria:\n\n  -  Male or female, age at least 18 years\n\n  -  Treatment with stable daily dose (for at least 90 "
            "days prior to screening) of: -\n     Metformin (equal or above 1000 mg or maximum tolerated dose documented in the patient\n"
            "     medical record) and - Sulfonylurea - and willing to discontinue any other oral\n     antidiabetic drugs\n\n"
            "  -  Able to give consent\n",
            "NCT02453685",
            "criteria-table",
        ),
        # ctgov-xml-bulk, NCT00496587: "•" options inside a numbered item, joined by "and,"
        (
            "Inclusion Criteria:\n\n  1. Sarcomatoid carcinoma of the kidney, defined as the following: • A tumor biopsy must show at "
            "least one focus of RCC; and, • A tumor biopsy must have at least 10% sarcomatoid histology.\n\n  2. Signed consent\n",
            "NCT00496587",
            "ctgov-xml",
        ),
        # synthetic on the real test of round 3: a capitalised "OR" marks alternatives on purpose
        (
            "Inclusion Criteria:\n\n  a) A UPCR of 1.0 or more at Screening OR b) A UPCR above 0.5 at Screening\n",
            "NCT02176486",
            "criteria-table",
        ),
        # a "--" written for a long dash inside one criterion is no dash-then-bullet
        ("Exclusion Criteria:\n\n- Pregnancy -- Women who are breastfeeding are excluded\n- Smoker\n", "synthetic", "ctgov-classic"),
    ],
)
def test_ranges_counts_and_enumerations_stay_one_criterion(text, path, fmt):
    assert ta1_codes(text, path, fmt)["TA121"] == 0, text


# ctgov-classic results_1.json, NCT04780542 (exclusion criterion) and NCT04361422 (inclusion criteria)
DEPRESSION_EXCLUSION = "Screens positive for bipolar disorder, screens positive for psychosis, active suicidality"
COVID_INCLUSION = ["Clinical and laboratory diagnosis of COVID-19.", "Age range 18-40"]
COVID_EXCLUSION = ["Hypercholesterolemia", "Liver disease", "Pregnancy"]


@pytest.mark.parametrize(
    "lead_in",
    [
        "Participants are not eligible if: - ",
        "The following exclusion criteria apply: - ",
        "Patients will be excluded if they have any of the following: 1. ",
        "Subjects meeting any of the following will not be enrolled: * ",
    ],
)
def test_a_lead_in_sentence_run_into_its_first_item(lead_in):
    text = _INCLUSION + lead_in + DEPRESSION_EXCLUSION + "\n- Pregnancy\n"
    assert ta1_codes(text, "NCT04780542", "ctgov-classic")["TA103"] == 1, text


@pytest.mark.parametrize(
    "closing",
    [
        "Participants are not eligible if they meet any of the following:",
        "Subjects meeting any of the following will not be enrolled:",
        "Exclusion criteria are as follows:",
        "Criteria of exclusion:",
        "Reasons for exclusion:",
        "Exclusion criteria for both groups:",
    ],
)
def test_a_section_opening_that_closes_the_line_of_the_criterion_before_it(closing):
    inc = "\n".join(f"- {t}" for t in COVID_INCLUSION)
    exc = "\n".join(f"- {t}" for t in COVID_EXCLUSION)
    text = f"Inclusion Criteria:\n\n{inc}. {closing}\n\n{exc}\n"
    codes = ta1_codes(text, "NCT04361422", "ctgov-classic")
    assert codes["TA103"] == 1 and codes["TA102"] == 0, text


def test_an_inclusion_lead_in_at_the_end_of_an_item_is_its_sub_list_not_a_header():
    # an item's own lead-in to its options ends its line too; an inclusion lead-in there is not read as a header
    text = (
        "Inclusion Criteria:\n\n- Age range 18-40. Patients must meet all of the following:\n    - Clinical diagnosis of COVID-19\n"
        "    - Signed consent\n\nExclusion Criteria:\n\n- Pregnancy\n"
    )
    assert ta1_codes(text, "NCT04361422", "ctgov-classic")["TA103"] == 0


@pytest.mark.parametrize(
    "text,path",
    [
        # ctgov-classic, NCT04416061: the exclusion section holds only "-"
        (
            "Inclusion Criteria:\n\nSubjects who underwent COVID-19 test in HKSH during the study period\n\nExclusion Criteria:\n\n-",
            "NCT04416061",
        ),
        # ctgov-xml, NCT00007579: the exclusion header and nothing under it
        ("Inclusion Criteria:\n\nVeterans with Prostate Cancer\n\nExclusion Criteria:", "NCT00007579"),
        # the same dash on the header's line
        ("Inclusion Criteria:\n\nVeterans with Prostate Cancer\n\nExclusion Criteria: -", "NCT00007579"),
    ],
)
def test_an_exclusion_section_with_nothing_or_only_a_dash_under_it_is_reported(text, path):
    codes = ta1_codes(text, path, "ctgov-classic")
    assert codes["TA102"] == 1 and codes["TA130"] == 0, text


@pytest.mark.parametrize("none", ["none", "N/A", "Nil", "not applicable"])
def test_an_exclusion_section_that_says_none_is_not_reported(none):
    text = f"Inclusion Criteria:\n\nVeterans with Prostate Cancer\n\nExclusion Criteria: {none}"
    assert ta1_codes(text, "NCT00007579", "ctgov-classic")["TA102"] == 0


def test_a_sentence_about_the_criteria_with_a_verb_is_no_header():
    # ctgov-xml-bulk, NCT00460954 (judged a true TA101 in unseen round 2 and 5; lost when the line was read as a header)
    text = (
        "-  Key inclusion and exclusion criteria for healthy volunteers will be used\n\n  -  Males and females aged 50-75\n"
        "  -  Good general health\n"
    )
    assert ta1_codes(text, "NCT00460954", "ctgov-xml")["TA101"] == 1
    # a qualifier without a verb is still a header
    assert ta1_codes("Inclusion Criteria for healthy volunteers\n\n- Males and females aged 50-75\n", "x", "ctgov-xml")["TA101"] == 0


# --- real lines the first version of this round got wrong (the real-data diff, tune part) -----------------------------


@pytest.mark.parametrize(
    "text,path,fmt",
    [
        # criteria-corpus, NCT02288897: "12." is the item's marker, not a sentence end before a lead-in
        (
            "Exclusion Criteria:\n\n 11. Thyroid function abnormality ≤ Grade 2\n\n 12. Contraindication for all comparators:\n\n"
            "       -  Subjects with contraindication to all comparator drugs\n",
            "NCT02288897",
            "criteria-table",
        ),
        # ctgov-xml-bulk, NCT00001350: an outline number before a header on its own line
        (
            "-  III.I. INITIAL EVALUATION INCLUSION CRITERIA FOR PATIENTS:\n\nIn order to be eligible to enroll as a potential patient "
            "participant in the initial\nevaluation, an individual must meet all of the following criteria:\n\n-  Age 18 or older\n",
            "NCT00001350",
            "ctgov-xml",
        ),
        # criteria-corpus, NCT00402415: a sentence wrapped at its colon goes on in lower case on the next line
        (
            "Exclusion Criteria:\n\n  -  Pregnancy\n\n  -  Patients taking concurrent medications of any kind which are strong inducers or\n"
            "     inhibitors of CYP3A4. Patients receiving any of the following will be excluded:\n     ketoconazole, itraconazole, "
            "clarithromycin, atazanavir, indinavir.\n",
            "NCT00402415",
            "criteria-table",
        ),
    ],
)
def test_markers_outline_numbers_and_wrapped_sentences_are_no_section_openings(text, path, fmt):
    codes = ta1_codes(text, path, fmt)
    assert codes["TA103"] == 0 and codes["TA130"] == 0, text


def test_roman_alternatives_under_a_lead_in_are_not_run_together():
    # ctgov-v2-bulk, NCT06932263: "(i) … or (ii) …" under "… and:" are one criterion's alternatives
    text = (
        "Inclusion Criteria:\n\n7. Asthma exacerbations in the last 12 months and biomarker requirements of:\n\n   1. 2 severe "
        "exacerbations OR\n   2. 1 severe exacerbation and:\n\n   (i) Eosinophils ≥ 150 cells/µl or (ii) FeNo ≥ 25 ppb\n"
        "8. Participants need to demonstrate a ≥70% compliance\n"
    )
    assert ta1_codes(text, "NCT06932263", "ctgov-v2")["TA121"] == 0


@pytest.mark.parametrize(
    "text,path",
    [
        # criteria-corpus, NCT00174785: a sub-header under the exclusion header, then its items
        (
            "Inclusion Criteria:\n\n  -  1. Patients aged 75 years or older\n\nExclusion Criteria:\n\nGeneral criteria:\n\n"
            "  -  1. Refusal or inability to give informed consent to participate in the study\n",
            "NCT00174785",
        ),
        # criteria-corpus, NCT01092325: a lead-in sentence under the exclusion header, then its items
        (
            "Inclusion Criteria:\n\n  -  Have required local lab data within non-exclusionary ranges\n\nExclusion Criteria:\n\n"
            "In order to be eligible for randomization, a patient MUST NOT:\n\n  -  Have participated in any investigational drug "
            "study within 30 days\n",
            "NCT01092325",
        ),
    ],
)
def test_an_exclusion_header_followed_by_a_sub_header_or_lead_in_is_not_empty(text, path):
    assert "empty" not in " ".join(_messages(text, path, "TA102"))


def _messages(text, path, code):
    rec = TrialRecord(source=Source(path=path, format="criteria-table"), criteria=text)
    return [f.message for f in load_rules()[code]().check(rec, CTX)]


# ctgov-classic results_1.json, NCT04779879 (exclusion criteria): a criterion that ends with a code or a number
COVID = [
    "Currently hospitalized or judged by the investigator as likely to require hospitalization in the next 24 hours",
    "Symptoms consistent with severe COVID-19",
    "Participants who, in the judgement of the investigator are likely to die in the next 7 days.",
    "Severely immunocompromised participants",
]
# ictrp-xml, NCT04280588 (exclusion criteria)
LABS = [
    "ALT / AST> 5 ULN, neutrophils <0.5, platelets less than 50",
    "Definite diagnosis of rheumatic immune-related diseases;",
    "Pregnancy",
]


@pytest.mark.parametrize(
    "items,path,sep", [(COVID, "NCT04779879", ", or - "), (COVID, "NCT04779879", " and - "), (LABS, "NCT04280588", " - - ")]
)
def test_bullets_run_together_after_a_criterion_that_ends_with_a_number(items, path, sep):
    text = _bulleted(items, 1 if items is COVID else 0, sep)
    assert ta1_codes(text, path, "ctgov-classic")["TA121"] == 1, text


def test_a_lost_exclusion_header_above_a_lead_in_run_into_an_item_is_still_reported():
    # ctgov-xml-bulk enrollment_and_studylength.zip, NCT00000657 (its layout as the benchmark re-renders it: wrapped lines
    # joined) with the "Exclusion Criteria" header removed; a lower exclusion lead-in is run into the end of an item
    # ("… agents. Patients with the following are excluded:", TA103), but the run of exclusions above it lost its header
    text = (
        "Inclusion Criteria\n\n- Concurrent Medication: Allowed:\n- Prophylactic therapy for Pneumocystis carinii pneumonia.\n"
        "- Able (or parent and/or guardian able) to provide written consent.\n\n"
        "- Co-existing Condition: Patients with the following conditions or symptoms are excluded:\n"
        "- Grade 3 neuropathy.\n- History of present or past acute or chronic pancreatitis.\n"
        "- Oral acidifying agents. Patients with the following are excluded:\n- Neoplasms not specifically allowed.\n"
    )
    codes = ta1_codes(text, "NCT00000657", "ctgov-xml")
    assert codes["TA102"] == 1 and codes["TA103"] == 1
    # with its header the same text has the merged lead-in only
    kept = text.replace("\n\n- Co-existing", "\n\nExclusion Criteria\n\n- Co-existing")
    codes = ta1_codes(kept, "NCT00000657", "ctgov-xml")
    assert codes["TA102"] == 0 and codes["TA103"] == 1
