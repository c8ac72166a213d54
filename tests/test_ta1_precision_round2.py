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
