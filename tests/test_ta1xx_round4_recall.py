"""Issue 20, round 4: structure and numbering recall on the tune part, class by class.

Each class has a real excerpt (record id and source in a comment; tune part of the split or the small
folders) and a variant in other words; legitimate look-alikes that must stay silent are tested next to it.
"""

from collections import Counter

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules
from trial_audit.text.criteria import parse_criteria

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


def _codes(text: str, markdown: bool = False) -> Counter:
    rec = TrialRecord(source=Source(path="x.json", format="v2"), criteria=text, criteria_markdown=markdown)
    out: Counter = Counter()
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.update(f.rule for f in cls().check(rec, CTX))
    return out


INC = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  Signed informed consent\n\n"

# --- items run together with a dash -----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # NCT00492024 (ctgov-xml-bulk, enrollment_and_studylength.zip): a label and its sub-items on one line
        "Minor symptoms: - Frontal headache - Fever (oral = 38.0°C/100.4°F, tympanic)",
        "Laboratory values: - Haemoglobin below 9 g/dL",
        # NCT00464685 (criteria-corpus phase_II_valid.csv): two items that open alike, joined by a dash
        "Use of systemic steroids - Use of Warfarin/Heparin",
        "Patients with a kidney transplant - Patients with acute kidney injury or on dialysis",
        "Lack of written consent - Lack of transport to the study site",
    ],
)
def test_dash_joined_items_are_run_together(line):
    text = INC + f"Exclusion Criteria:\n\n  -  Pregnancy or lactation\n\n  -  {line}\n"
    assert _codes(text)["TA121"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "Performance status - ECOG 0-2",  # NCT00006016 (ctgov-xml-bulk): a label and its definition
        "Cardiovascular dysfunction - Presence of significant coronary artery disease",  # NCT00002167 (ctgov-xml-bulk)
        "Clinical Global Impression - Severity of Illness ≥ 4",  # NCT02586688 (ctgov-xml)
        "Grade 3 - Grade 4 peripheral neuropathy",
        "Phase I - Patients aged 12 months or older",
    ],
)
def test_a_dash_between_a_label_and_its_definition_is_not_a_join(line):
    text = INC + f"Exclusion Criteria:\n\n  -  Pregnancy or lactation\n\n  -  {line}\n"
    assert "TA121" not in _codes(text)


# --- Markdown: an unescaped asterisk inside a line is a bullet ------------------------------------

# NCT06573554 (ctgov-v2-bulk clinical_trial_matchers.ndjson), lower-case bullet items; the join is made for the test
V2_LIST = (
    "Inclusion Criteria:\n\n* diabetic foot with Charcot arthropathy\n* able to give consent\n\nExclusion Criteria:\n\n"
    "* presence of pedal ulcer,\n* steroid intake in the last three months,\n"
    "* estimated glomerular filtration rate (eGFR) \\<30 ml/min/m2,\n* active dental caries or invasive dental procedure,\n"
)


def test_a_markdown_bullet_run_into_a_line_is_found_whatever_follows():
    assert "TA121" not in _codes(V2_LIST, markdown=True)
    joined = V2_LIST.replace("ml/min/m2,\n* active", "ml/min/m2 * active")
    assert _codes(joined, markdown=True)["TA121"] == 1
    other = "Inclusion Criteria:\n\n* adults with asthma * able to use an inhaler\n* non-smokers\n"
    assert _codes(other, markdown=True)["TA121"] == 1
    # an escaped asterisk is text ("\\*" as v2 writes a literal one), and so is one outside Markdown
    assert "TA121" not in _codes("Inclusion Criteria:\n\n* dose 2 \\* 5 mg daily\n* adults\n", markdown=True)


# --- a numbered list whose items start in lower case ---------------------------------------------

# NCT04780009 (ctgov-classic results_1.json), numbered for the test: classic JSON has no hard wraps, so a
# numbered line at the list's own column is an item even when it starts in lower case
LOWER = (
    "Inclusion Criteria:\n\n1. adults with brain malignant gliomas undergoing resection\n2. at least 18 years of age\n"
    "3. able to understand the consent\n\nExclusion Criteria:\n\n1. pregnant women\n2. under 18 years of age\n"
    "3. patients undergoing emergency surgery\n4. inability to give consent due to dysphagia or language barrier\n"
)


@pytest.mark.parametrize(
    "old, new, code",
    [
        ("3. patients undergoing", "2. patients undergoing", "TA111"),
        ("3. patients undergoing", "4. patients undergoing", "TA112"),
        ("3. patients undergoing", "1. patients undergoing", "TA113"),
    ],
)
def test_numbering_defects_in_a_lower_case_list_are_found(old, new, code):
    assert not {"TA111", "TA112", "TA113"} & set(_codes(LOWER))
    assert _codes(LOWER.replace(old, new))[code] == 1


def test_a_wrapped_line_that_starts_with_a_number_still_continues_its_item():
    # legacy XML indents a wrapped line to the text column: "Visit\n 1) of metformin" is text, not an item
    text = "Inclusion Criteria:\n\n  1. On a stable dose (minimum of 2 months at Visit\n     1) of metformin alone\n  2. Age 18 or older\n"
    items = parse_criteria(text).sections[0].items
    assert [it.marker for it in items] == ["1.", "2."]


# --- roman markers run together on one line ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # NCT01901809 (criteria-corpus toy_valid.csv)
        "i. Active myocarditis ii. Hypertrophic obstructive cardiomyopathy iii. Severe valvular disease",
        # NCT02446899 (criteria-corpus phase_III_test.csv)
        "(i) Azathioprine ≤200 mg/day (ii) Antimalarial (eg, chloroquine) (iii) Mycophenolate mofetil ≤2 g/day",
        "I. Adults aged 18 to 65 II. Body mass index 18-30 III. Non-smokers",
    ],
)
def test_roman_items_run_together_are_found(line):
    text = f"Exclusion Criteria:\n\n  1. Cardiac diagnoses other than heart failure:\n\n     {line}\n\n  2. Pregnancy\n"
    assert _codes(text)["TA121"] == 1
    subs = [it for it in parse_criteria(text).sections[0].iter_items() if it.level == 1]
    assert [it.number for it in subs] == [1, 2, 3]


def test_roman_alternatives_inside_a_sentence_are_one_criterion():
    text = "Inclusion Criteria:\n\n  -  complaints of i. urgency or ii. frequency of micturition\n  -  Age 18 or older\n"
    assert "TA121" not in _codes(text)


# --- TA103: a header run into an item ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the benchmark's shape on NCT00494637 (ctgov-xml-bulk): a one-word criterion with a value after the dash
        INC + "Exclusion Criteria - EF<30\n\n  -  Overt heart failure\n\n  -  Pregnancy\n",
        INC + "Exclusion Criteria - HbA1c>10%\n\n  -  Prior insulin use\n",
        # a titled item phrase with joining words on an item's line, run into the next header (NCT06573554 item)
        "Inclusion Criteria:\n\n* Age 18 or older\n* Ability to Provide Consent Exclusion Criteria:\n\n* Pregnancy\n* Allergy\n",
        "Inclusion Criteria:\n\n* Age 18 or older\n* Sex and Contraceptive Requirements Exclusion Criteria:\n\n* Pregnancy\n",
    ],
)
def test_header_run_into_an_item_is_reported(text):
    assert _codes(text, markdown=text.startswith("Inclusion Criteria:\n\n*"))["TA103"] == 1


@pytest.mark.parametrize(
    "text",
    [
        INC + "Exclusion Criteria - Controls\n\n  -  Pregnancy\n",  # a group's label
        INC + "Exclusion Criteria - None\n",
        "Inclusion Criteria:\n\n* Age 18 or older\n* Patients with Type 2 Diabetes Exclusion Criteria:\n\n* Pregnancy\n",
        "Inclusion Criteria:\n\n* Age 18 or older\n\nHealthy Volunteer Exclusion Criteria:\n\n* Pregnancy\n",
    ],
)
def test_header_qualifiers_and_labels_are_not_reported(text):
    assert "TA103" not in _codes(text, markdown=True)
