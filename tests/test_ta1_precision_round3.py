"""TA1xx precision round 3: the false-positive classes of the second unseen hand-check (docs/precision/round2/ta1xx.tsv).

Each class has a real excerpt (record id and source in a comment), a synthetic variant in other words,
and a recall guard that must still fire. See docs/rules-ta1xx.md, "Precision round 3".
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


# --- class 1 (TA130): a lone bullet, a blank line, then its criterion as an unmarked paragraph ---------

# NCT00000929, legacy XML (round 2 sheet)
LONE_DASH_BEFORE_PARAGRAPH = """Concurrent Medication:

Excluded for receptive partners:

-

Anticoagulant, including warfarin and heparin.

Participants with the following prior conditions are excluded:

  -  Sensitivity or irritative symptoms when using N-9 or when exposed to latex.
"""
# NCT00000378, legacy XML (ctgov-xml, tune): the lone dash before "Patients must have:"
LONE_DASH_BEFORE_LEAD_IN = """Inclusion Criteria:

-

Patients must have:

Unipolar major depression (per Diagnostic and Statistical Manuel-IV criteria) with or
without melancholia.
"""
# synthetic: another bullet character, other words
LONE_STAR_BEFORE_PARAGRAPH = """Exclusion Criteria:

  -  Pregnancy.

*

Known allergy to iodinated contrast media.

  -  Active infection.
"""


@pytest.mark.parametrize("text", [LONE_DASH_BEFORE_PARAGRAPH, LONE_DASH_BEFORE_LEAD_IN, LONE_STAR_BEFORE_PARAGRAPH])
def test_lone_bullet_before_unmarked_paragraph_is_not_empty(text):
    assert findings(text, "TA130") == []


@pytest.mark.parametrize(
    "text",
    [
        # a lone dash before a line with its own marker: a stray empty item
        "Inclusion Criteria:\n\n-\n\n1. Aged 18-70 years\n2. Signed consent\n",
        # a lone dash between bullets
        "Exclusion Criteria:\n- Pregnancy\n-\n- Active infection\n",
        # a lone dash before the next section's header
        "Inclusion Criteria:\n\n- Age 18 or older\n\n-\n\nExclusion Criteria:\n\n- Pregnancy\n",
    ],
)
def test_lone_bullet_before_marked_line_or_header_still_reported(text):
    assert [f.evidence.text for f in findings(text, "TA130")] == ["-"]


# --- class 2 (TA130): a number wrapped onto its own line at the end of a sentence -----------------------

# NCT00001860, legacy XML (round 2 sheet): "... prior to Visit" / "1."
VISIT_NUMBER_WRAPPED = """Exclusion Criteria:

Patients who have a history of alcohol or drug abuse in the six month period prior to Visit
1.

Patients who have received any investigational drug within one month prior to Visit 1, or
who plan to take an investigational drug during the study.
"""
# synthetic: "Phase" / "2." in a numbered-free paragraph list
PHASE_NUMBER_WRAPPED = """Inclusion Criteria:

Participants who completed the dose-escalation portion of Phase
2.

Participants able to give written informed consent.
"""


@pytest.mark.parametrize("text", [VISIT_NUMBER_WRAPPED, PHASE_NUMBER_WRAPPED])
def test_number_wrapped_after_counted_word_is_not_empty(text):
    assert findings(text, "TA130") == []


@pytest.mark.parametrize(
    "text, markers",
    [
        ("Exclusion Criteria:\n1. Pregnancy\n2.\n3. Active infection", ["2."]),
        # after "... at Visit" but between items 3 and 5: the list's own item 4, left empty
        ("Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. Active infection at Visit\n4.\n5. Hepatitis B", ["4."]),
    ],
)
def test_empty_numbered_item_in_a_list_still_reported(text, markers):
    assert [f.evidence.text for f in findings(text, "TA130")] == markers


# --- class 3 (TA103): a qualified lead-in or one bullet's label under the real header ---------------------

# NCT00001532, legacy XML (round 2 sheet)
LEAD_IN_UNDER_HEADER = """-  INCLUSION CRITERIA:

Inclusion criteria for patients with AAT deficiency include: (1) Diagnosis of AAT with a
confirmed phenotype considered in the high risk category; (2) Clinical phenotype consistent
with potential genetic diseases; (3) symptoms
consistent with pulmonary disease

EXCLUSION CRITERIA:

Pregnant women
"""
# NCT04811560, v2 Markdown (round 2 sheet): one bullet's label with a./b./c. sub-items
BULLET_LABEL_UNDER_HEADER = """Exclusion Criteria:

* Active central nervous system (CNS) disease
* Prior solid organ transplantation
* Exclusion criteria related to stem cell transplant: a. Willing and able to undergo allogeneic stem cell transplant (if clinically indicated); b. Received prior treatment with allogenic bone marrow or stem cell transplant \\<=3 months before the first dose of study treatment; c. Has evidence of graft versus host disease
* Pregnancy
"""
# NCT02289495 (criteria-corpus, tune): "  -  Exclusion Criteria for 24-Hour Screening Holter: Any ..."
# synthetic: another qualifier, other words
SYNTHETIC_LABEL = """Inclusion Criteria:

- Age 18 or older
- Inclusion criteria specific to the extension cohort: a. Completed the parent study; b. Tolerated the study drug
- Signed consent

Exclusion Criteria:

- Pregnancy
"""


@pytest.mark.parametrize(
    "text, markdown",
    [(LEAD_IN_UNDER_HEADER, False), (BULLET_LABEL_UNDER_HEADER, True), (SYNTHETIC_LABEL, False)],
)
def test_qualified_lead_in_under_own_line_header_is_not_merged(text, markdown):
    assert findings(text, "TA103", markdown) == []


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria: 1. Age 18 or older\n2. Signed consent\n\nExclusion Criteria:\n1. Pregnancy",
        # a qualified header with no plain header of its kind above: the section's header, merged
        "Inclusion Criteria:\n1. Age 18\n2. Consent\n\nExclusion criteria for healthy volunteers: 1. Pregnancy\n2. Smoking",
    ],
)
def test_header_merged_into_item_still_reported(text):
    assert len(findings(text, "TA103")) == 1


# --- class 4 (TA120): an inline enumeration inside one bullet, split by line wraps ------------------------

# NCT00006290, legacy XML (round 2 sheet)
BULLET_WITH_INLINE_ENUMERATION = """Inclusion Criteria

Patients may be eligible for this study if they:

  -  Are HIV-positive.

  -  Are experiencing at least 1 of the following symptoms associated with fat changes due
     to HIV: 1) increase in belt or waist size; 2) increase in size of back of neck; 3)
     increase in bra, shirt, or blouse size to fit increasing breast size; 4) fat increase
     in other areas of the body; 5) loss of facial fat; 6) loss of fat in arms or legs; 7)
     loss of fat in buttocks.

  -  Agree to protect the confidentiality of other focus group participants.

  -  Are able to speak and read English.
"""
# synthetic: other conditions, the same wrapping
SYNTHETIC_BULLET_ENUMERATION = """Exclusion Criteria:

  -  Pregnancy.

  -  Any of these conditions within the past year: 1) stroke; 2) myocardial infarction; 3)
     unstable angina or other cardiac ischemia documented by a cardiologist; 4) heart failure
     of any class; 5) pulmonary embolism; 6) deep vein thrombosis.

  -  Active infection.
"""


@pytest.mark.parametrize("text", [BULLET_WITH_INLINE_ENUMERATION, SYNTHETIC_BULLET_ENUMERATION])
def test_inline_enumeration_inside_bullet_is_not_mixed_styles(text):
    assert findings(text, "TA120") == []


# NCT05634291, v2 bulk (tune): "1." "2." then "3)" "4)" "5)": the list itself changes spelling
NUMBERED_LIST_CHANGES_SPELLING = """Inclusion Criteria:

1. Male and female adults ages 21-80
2. Clinical diagnosis of chronic hand pain from arthritis or as determined by study physician 3) Hand joint pain at a severity of 4 and above (on a 0 to 10 scale) daily

4) Use of prescribed opioids 5) English-speaking, literate, with stable residence 5) Able to operate a smartphone as evidenced by direct observation.

Exclusion Criteria:

1. Major medical illness that might confound effects of pain on function
2. Current active alcohol or substance use disorder
"""


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("Inclusion Criteria:\n(1) Age 18 or older\n- Signed consent\n(2) ECOG 0-1", False),
        ("Inclusion Criteria:\n- Age 18 or older\n- Signed consent\n3) ECOG 0-1\n- Adequate organ function", False),
        (NUMBERED_LIST_CHANGES_SPELLING, True),
    ],
)
def test_mixed_list_level_markers_still_reported(text, markdown):
    assert len(findings(text, "TA120", markdown)) == 1
