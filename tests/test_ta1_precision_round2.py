"""TA1xx precision round 2: the false-positive classes of the first unseen hand-check (docs/precision/ta1xx.tsv).

Each class has a real excerpt (record id and source in a comment; the tune part of the bulk sets or the
documented sheet) and a synthetic variant in other words, so that the fix holds for the class and not
for one sentence. See docs/rules-ta1xx.md, "Precision round 2".
"""

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, load_rules

CTX = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
RULES = {code: cls for code, cls in load_rules().items() if code.startswith("TA1")}


def findings(text, code, markdown=False):
    rec = record_from_example({"criteria": text, "criteria_markdown": markdown})
    return list(RULES[code]().check(rec, CTX))


# --- class 1: legacy combined headers ("PROTOCOL ENTRY CRITERIA:", "--Disease Characteristics--") ----------

# NCT00004326, ctgov-xml-bulk (tune): a bullet list under the legacy combined header
PROTOCOL_ENTRY_BULLETS = """PROTOCOL ENTRY CRITERIA:

  -  Adults and teenagers with untreated, spontaneous active Cushing's syndrome

  -  Diagnosis verified at the University of Michigan Medical Center, including the
     following: Excessive cortisol secretion measured by urinary-free cortisol

  -  Lack of normal circadian cortisol secretion and failure to suppress following 2 mg of
     dexamethasone
"""
# NCT00004398, ctgov-xml-bulk (tune): the dashed sub-headers of the same era
PROTOCOL_ENTRY_DASHED = """PROTOCOL ENTRY CRITERIA:

--Disease Characteristics--

Documented acute intermittent porphyria, variegate porphyria, or hereditary coproporphyria

--Prior/Concurrent Therapy--

At least 3 weeks since prior treatment with heme arginate or tin mesoporphyrin

--Patient Characteristics--

Other:

  -  Not pregnant

  -  Fertile female patients must use effective contraception during and 6 months before
     study
"""
# NCT00001393 (unseen sheet): a combined header behind a dash, with a qualifier after a comma
BY_GROUP = """-  INCLUSION AND EXCLUSION CRITERIA, BY GROUP:

       1. African-descent with FSGS: renal biopsy showing FSGS or collapsing glomerulopathy

       2. Non-African-descent with FSGS: renal biopsy showing FSGS
"""
SYNTHETIC_COMBINED = [
    "Trial entry criteria:\n- Adults with stable asthma\n- Able to use an inhaler\n- No smoking in the last year",
    "--Population Characteristics--\n\n  -  Children aged 6 to 12 years\n\n  -  Attending a participating school",
    "Patient selection:\n1. Confirmed type 2 diabetes\n2. HbA1c 7-10%\n3. No insulin use",
    "ELIGIBILITY CRITERIA, ALL ARMS:\n* Measurable disease\n* Adequate marrow function",
]


@pytest.mark.parametrize("text", [PROTOCOL_ENTRY_BULLETS, PROTOCOL_ENTRY_DASHED, BY_GROUP, *SYNTHETIC_COMBINED])
def test_ta101_combined_legacy_headers_are_not_reported(text):
    assert findings(text, "TA101") == []


def test_ta101_still_reports_a_list_under_no_header():
    # the same items with the combined header removed: a bare list again
    bare = PROTOCOL_ENTRY_BULLETS.split("\n", 2)[2]
    assert [f.rule for f in findings(bare, "TA101")] == ["TA101"]
    assert findings("Group A:\n1. Confirmed diabetes\n2. HbA1c 7-10%", "TA101")


# --- class 2: prose criteria with a short list under a lead-in sentence -------------------------------------

# NCT00004442, ctgov-xml-bulk (tune)
PROSE_LEAD_IN = """Biochemically proven peroxisomal disorder, including:

  -  Zellweger syndrome

  -  Pseudo-Zellweger syndrome

  -  Neonatal adrenoleukodystrophy
"""
# NCT00000162, ctgov-xml-bulk (tune)
PROSE_ACCEPTED = """Patients with three types of diagnoses were accepted:

  1. major BVO without neovascularization;

  2. major BVO with neovascularization;

  3. BVO with macular edema and reduced vision. All patients must have had onset of signs
     and/or symptoms of BVO less than 18 months before the initial visit.
"""
SYNTHETIC_PROSE = (
    "Adults with chronic migraine are eligible. We will also enrol adolescents referred by a neurologist if they:\n"
    " 1. have tried two preventive drugs\n 2. keep a headache diary"
)


@pytest.mark.parametrize("text", [PROSE_LEAD_IN, PROSE_ACCEPTED, SYNTHETIC_PROSE])
def test_ta101_short_list_under_a_prose_lead_in_is_not_reported(text):
    assert findings(text, "TA101") == []


def test_ta101_long_list_under_a_lead_in_is_still_reported():
    items = "\n".join(f"{i}. criterion number {i} of the study" for i in range(1, 9))
    assert findings("Participants will be recruited from the clinic if they:\n" + items, "TA101")


# --- class 4: an enumeration inside one bullet after its label (TA121) ---------------------------------------

# NCT04811560 (unseen sheet), v2 Markdown
BULLET_LABEL_ENUMERATION = """Exclusion Criteria:

* Active infection requiring systemic therapy
* Exclusion criteria related to stem cell transplant: a. Willing and able to undergo allogeneic stem cell transplant (if clinically indicated); b. Received prior treatment with allogenic bone marrow or stem cell transplant <=3 months before the first dose of study treatment; c. Has active graft versus host disease
* Pregnant or breastfeeding
"""
SYNTHETIC_BULLET_LABEL = """Inclusion Criteria:

- Signed consent
- Requirements for participants with a prior kidney graft: a. graft in place for one year or more; b. stable tacrolimus dose; c. no rejection episode in the last 6 months
- Able to attend every visit
"""


@pytest.mark.parametrize("text", [BULLET_LABEL_ENUMERATION, SYNTHETIC_BULLET_LABEL])
def test_ta121_enumeration_after_a_bullet_label_is_not_reported(text):
    assert findings(text, "TA121", markdown=True) == []


def test_ta121_main_items_run_together_are_still_reported():
    text = "Inclusion Criteria:\n- Signed consent\n\nExclusion Criteria:\n1. Pregnancy. 2. Active infection\n3. Prior surgery"
    assert findings(text, "TA121")


# --- class 6: a bullet or header followed by a note about answering the list (TA103) -----------------------

# NCT06413225, ctgov-v2-bulk my-website.ndjson (tune)
HEADER_NOTE_BULLET = """Exclusion Criteria:

* Inclusion Criteria: All answers must be YES to be eligible for the study.

  1. Age 21 or older
  2. Written informed consent given by subject
"""
# NCT00461591, ctgov-xml-bulk (tune)
HEADER_NOTE_PAREN = """Inclusion Criteria: (All questions must be answered YES)

  -  Has the patient given written informed consent?

  -  Is the patient at least 18 years old?
"""
SYNTHETIC_NOTE = "Exclusion Criteria: Respond no to each item to remain eligible.\n- Prior stroke\n- Pregnancy\n- Active cancer"


@pytest.mark.parametrize("text", [HEADER_NOTE_BULLET, HEADER_NOTE_PAREN, SYNTHETIC_NOTE])
def test_ta103_note_after_header_is_not_a_merged_criterion(text):
    assert findings(text, "TA103", markdown=True) == []


def test_ta103_criterion_after_header_is_still_reported():
    assert findings("Exclusion Criteria: 1. Prior stroke\n2. Pregnancy\n3. Active cancer", "TA103")


# --- class 7: the evidence of a header run into a criterion starts at a word (TA103) ------------------------

# NCT00003991, ctgov-v2-bulk Clinical_trials_pipeline.ndjson (tune): the 80-character window cut "greater"
HEADER_AFTER_ITEM = (
    "Inclusion Criteria: Adults 21 and older; HbA1c greater than 8.0% at enrollment; access to a smartphone or tablet "
    "with internet. Exclusion Criteria: Severe hearing or vision impairment preventing telehealth participation; "
    "current enrollment in another diabetes management program."
)
SYNTHETIC_HEADER_AFTER_ITEM = (
    "Inclusion Criteria:\n1. Outpatients attending the memory clinic of the participating hospitals with mild "
    "cognitive impairment confirmed twice. Exclusion Criteria:\n1. Stroke"
)


@pytest.mark.parametrize("text", [HEADER_AFTER_ITEM, SYNTHETIC_HEADER_AFTER_ITEM])
def test_ta103_evidence_starts_at_a_word(text):
    fs = [f for f in findings(text, "TA103") if "run into the end" in f.message]
    assert fs
    for f in fs:
        ev = f.evidence
        assert text[ev.start : ev.end] == ev.text
        assert ev.start == 0 or text[ev.start - 1].isspace(), ev.text


# --- classes 3 and 5: sub-lists and main items run into sub-items (TA112, TA113, TA114) --------------------

# NCT05739409 (unseen sheet), v2 Markdown, shortened: main items 3-5 run into sub-item 2's line under item 2,
# main items 6-7 run into the last sub-item of item 5; the main list 1-7 is complete
MAIN_RUN_INTO_SUBLIST = """Inclusion Criteria:

-

1. Aged 18-70 years, gender is not limited 2. Acute myelogenous leukemia or chronic monocytic leukemia:

1. Subjects diagnosed with acute myelogenous leukemia according to WHO 2016 criteria should meet any of the following relapsed and refractory criteria;
2. Subjects diagnosed with chronic monocytic leukemia according to the WHO 2016 criteria, and did not achieve remission after at least one treatment or relapsed after remission. 3. Eastern Cooperative Oncology Group physical status level is 0 to 2; 4. Bone marrow sample must be LILRB4 positive; 5. Major organs must meet the following criteria:

   1. Liver function: Total bilirubin 1.5 times the upper limit of normal or less,
   2. Renal function: Creatinine 1.5 times the upper limit of normal (ULN) or less,
   3. Cardiac function: LVEF 50% or more,
   4. Lung function: Defined as grade 1 dyspnea or less and blood oxygen saturation >92%; 6. Female subjects of reproductive age agree to use an effective method of contraception; 7. The subjects voluntarily joined the study and signed the informed consent form.

Exclusion Criteria:

1. Patients who have used CAR-T therapy
"""
# NCT05536349 (unseen sheet), v2 Markdown, shortened: an indented sub-list 1-3 under main item 16
INDENTED_SUBLIST = """Exclusion Criteria:

15. Active second malignancy.
16. Prior therapy restrictions

    a. Cohort 1 (CLL/SLL) i. Prior receipt of anti-CD20 antibody therapy ii. Prior receipt of systemic therapy for CLL/SLL b. Cohort 2 (RT) i. Patients with a major bleeding event iii. Patients are required to have the following washout periods prior to C1D1. 1. Targeted agents or cytotoxic chemotherapy: 5 half-lives or 2 weeks, whichever is shorter
    1. Immunoconjugated antibody treatment within 10 weeks prior to randomization
    2. Broad field radiation must be completed 14 days prior to study enrollment
    3. Palliative limited field radiation must be completed 7 days prior to study enrollment.

    iv. Prior therapy with venetoclax and obinutuzumab is allowed
17. Known hypersensitivity to any component or excipient of study drugs
18. Malabsorption syndrome or other condition likely to affect gastrointestinal absorption of the study drugs
"""
# synthetic: the same two shapes in other words and another marker style
SYNTHETIC_RUN_IN = """Exclusion Criteria:

1) Prior stroke
2) Cardiac disease, any of:
1) unstable angina
2) heart failure NYHA III-IV 3) Uncontrolled hypertension 4) Pregnancy
"""
SYNTHETIC_INDENTED = """Inclusion Criteria:

1. Adults aged 18 to 75
2. Prior treatment, all of:
      1. at least one line of chemotherapy
      2. no radiotherapy within 4 weeks
3. Signed consent
"""


@pytest.mark.parametrize("text", [MAIN_RUN_INTO_SUBLIST, INDENTED_SUBLIST, SYNTHETIC_RUN_IN, SYNTHETIC_INDENTED])
def test_main_list_continuity_is_judged_on_the_main_level(text):
    for code in ("TA112", "TA113"):
        assert findings(text, code, markdown=True) == [], code


def test_ta114_does_not_letter_a_main_item_run_into_a_sub_item():
    for text in (MAIN_RUN_INTO_SUBLIST, SYNTHETIC_RUN_IN):
        for f in findings(text, "TA114", markdown=True):
            number = int(f.evidence.text.split(".")[0].split(")")[0])
            assert number <= 2, f.message  # only the true sub-items 1 and 2 may be reported
            assert "'3" not in f.suggestion and "'6" not in f.suggestion, f.suggestion


def test_ta114_still_reports_a_flush_sub_list_in_the_main_style():
    fs = findings(MAIN_RUN_INTO_SUBLIST, "TA114", markdown=True)
    assert sorted(f.evidence.text[:2] for f in fs) == ["1.", "2."]


def test_a_real_gap_after_an_indented_sublist_is_still_reported():
    text = SYNTHETIC_INDENTED.replace("3. Signed consent", "5. Signed consent")
    assert findings(text, "TA112", markdown=True)
