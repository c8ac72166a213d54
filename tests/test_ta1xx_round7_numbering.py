"""Numbering recall on list shapes nobody tuned on (issue 20, round 7): lead bullets before flush sub-items
numbered like their parent ("o 1.", "> (2)"), one list written in several marker shapes ("1." with "2:",
"5.)", "[4]"), a list that carries on another's numbering in another shape, lettered markers "a.-" and
repeated letters, and the markers of other registries ("1/", "1º", "1 )", "(1.)").

The lists are real criteria from the tune part (record id and source in a comment), re-marked in the
shape under test; every class has look-alikes that must stay silent.
"""

from collections import Counter

import pytest

from tests.ta1_rules import CTX, NCT00506064_INC, NUMBERING, ta1_codes
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import load_rules
from trial_audit.text.criteria import parse_criteria
from trial_audit.text.criteria_markers import _match_marker


def _codes(text: str, markdown: bool = False) -> Counter:
    return ta1_codes(text, "t", "ctgov-v2" if markdown else "ctgov-xml", markdown=markdown)


def _numbering(text: str, markdown: bool = False) -> set[str]:
    return {c for c in _codes(text, markdown) if c in NUMBERING}


SUBS = ["Hemoglobin at least 9 g/dL", "Platelets at least 100,000/uL", "Creatinine at most 1.5 x ULN"]
EXCLUSION = "\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Known allergy to the study drug\n"


def _with_flush_sublist(marker: str, lead: str, at: int) -> str:
    lines = ["Inclusion Criteria:", ""]
    for k, item in enumerate(NCT00506064_INC):
        lines.append(f"{marker.format(n=k + 1)} {item}")
        if k == at:
            lines += [f"{lead}{marker.format(n=j + 1)} {s}" for j, s in enumerate(SUBS)]
    return "\n".join(lines) + EXCLUSION


# --- lead bullets before flush sub-items numbered like the parent -----------------------------------


@pytest.mark.parametrize("lead", ["o ", "> ", "» ", "→ ", "・", "✓ ", "-> ", "-- ", "~ "])
@pytest.mark.parametrize("at", [0, 2, 4])
@pytest.mark.parametrize("marker", ["{n}.", "({n})", "{n}、", "[{n}]"])
def test_flush_sub_items_behind_a_lead_bullet_are_reported(lead, at, marker):
    # the lead (Word's second-level "o", an arrow, a quote mark) does not set the sub-items apart: their
    # numbers collide with the main list, which seems to restart or repeat
    assert _numbering(_with_flush_sublist(marker, lead, at)) & {"TA111", "TA113", "TA114"}


@pytest.mark.parametrize("at", [0, 2, 4])
def test_markdown_escaped_quote_mark_before_sub_items_is_a_lead_bullet(at):
    text = _with_flush_sublist("{n}.", "\\> ", at).replace("\n1. Pregnancy", "\n1. Pregnancy")
    assert _numbering(text, markdown=True) & {"TA111", "TA113", "TA114"}


@pytest.mark.parametrize("lead", ["o ", "> ", "→ ", "・"])
def test_the_same_lists_without_the_sub_items_or_with_a_lead_on_every_item_are_silent(lead):
    clean = "Inclusion Criteria:\n\n" + "\n".join(f"{k}. {t}" for k, t in enumerate(NCT00506064_INC, 1)) + EXCLUSION
    assert not _numbering(clean)
    every = "Inclusion Criteria:\n\n" + "\n".join(f"{lead}{k}. {t}" for k, t in enumerate(NCT00506064_INC, 1)) + EXCLUSION
    assert not _numbering(every)
    items = parse_criteria(every).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 4, 5]


def test_indented_sub_items_behind_a_lead_bullet_are_legitimate_nesting():
    text = (
        "Inclusion Criteria:\n\n1. Ages >= 40 years\n2. Adequate organ function:\n     o 1. Hemoglobin at least 9 g/dL\n"
        "     o 2. Platelets at least 100,000/uL\n3. Willing and able to give written informed consent" + EXCLUSION
    )
    assert not _numbering(text)


# ICTRP CSV, EUCTR2015-002340-14-NL (tune part): Word's "o" bullets without numbers stay what they were
EUCTR2015_002340_14 = """Exclusion Criteria:
1. Previous participation in this REMAP within the last 90 days

AB Domain Specific Exclusion Criteria

Received more than 48 hours of IV antibiotic treatment for this index illness
• More than 24 hours has elapsed since ICU admission
• A specific antibiotic choice is indicated, for example:
o Suspected or proven concomitant infection such as meningitis
o Febrile neutropenia or significant immunosuppression
"""


def test_word_o_bullets_without_numbers_are_unchanged():
    items = [it for it in parse_criteria(EUCTR2015_002340_14).items() if it.marker == "o"]
    assert items == []
    assert not _numbering(EUCTR2015_002340_14) & {"TA110", "TA111", "TA112", "TA113", "TA114"}


@pytest.mark.parametrize(
    "line",
    [
        "> 1 prior episode of PCP infection is allowed.",  # legacy XML NCT00000979: a comparator
        "> 10 upper limit of normal.",  # NCT00000984
        "o sea, pacientes mayores de edad",  # Spanish "o" (or)
        "> 1.5 x ULN",
        "※1 See the note below",  # a Japanese note mark is not a bullet
    ],
)
def test_a_comparator_or_a_word_before_a_number_is_not_a_lead_bullet(line):
    assert _match_marker(line, 0, False) is None or _match_marker(line, 0, False)[1] != "other-bullet"


def test_a_deep_run_of_quote_marks_is_not_a_stack_of_bullets():
    # no recursion: one lead before a number at most
    assert _match_marker("> > > > 1. Age", 0, False) is None


# --- one list written in several marker shapes (TA120) ----------------------------------------------

# ClinicalTrials.gov classic JSON, NCT04780269 (tune part), exclusion items
NCT04780269_EXC = [
    "Contraindications for vaginal delivery.",
    "Prior cesarean section",
    "Known hypersensitivity for Foley catheter or PGE2",
    "Non-reassuring fetal status",
    "Lethal fetal congenital anomaly",
]
# ICTRP XML, NCT04273321 (tune part), inclusion items: they start in lower case
NCT04273321_INC = [
    "age more than 18 years old",
    "accord with the clinical diagnosis and/ or etiological diagnosis diagnostic criteria of Novel coronavirus pneumonia (COVID-19).",
    "admitted in the general wards",
    "be able to sign informed consent",
]


def _list(items, markers, header="Exclusion Criteria:"):
    return (
        "Inclusion Criteria:\n\n1. Adults\n2. Signed consent\n\n"
        + header
        + "\n\n"
        + "\n".join(f"{m} {t}" for m, t in zip(markers, items))
        + "\n"
    )


@pytest.mark.parametrize("odd", ["{n}:", "{n}.)", "[{n}]", "{n}.-", "{n} -", "{n}、", "{n}/", "{n}º", "{n}．", "#{n}", "({n}.)", "{n} )"])
@pytest.mark.parametrize("where", [1, 2, 4])
def test_one_item_in_another_marker_shape_is_reported(odd, where):
    markers = [(odd if k == where else "{n}.").format(n=k + 1) for k in range(len(NCT04780269_EXC))]
    assert _numbering(_list(NCT04780269_EXC, markers)) & {"TA120", "TA112", "TA121"}


@pytest.mark.parametrize("odd", ["[{n}]", "{n}.)", "{n}:", "{n}/"])
def test_a_lower_case_item_in_another_shape_continues_its_list(odd):
    # "3. admitted in the general wards" / "[4] be able to sign": the list goes on in another shape, it is
    # not a hard-wrapped line of item 3
    markers = [(odd if k == 3 else "{n}.").format(n=k + 1) for k in range(4)]
    text = _list(NCT04273321_INC, markers, header="Exclusion Criteria (none):")
    doc = parse_criteria(text)
    assert [it.number for it in doc.sections[-1].items] == [1, 2, 3, 4]
    assert _codes(text)["TA120"] == 1


@pytest.mark.parametrize("shape", ["{n}.", "{n}:", "{n}.)", "[{n}]", "{n}.-", "{n} -", "{n}/", "{n}º", "({n}.)", "{n} )", "{n}–"])
def test_a_list_in_one_shape_is_silent(shape):
    markers = [shape.format(n=k + 1) for k in range(len(NCT04780269_EXC))]
    assert not _numbering(_list(NCT04780269_EXC, markers))


@pytest.mark.parametrize("shape", ["{n}/", "{n}º", "({n}.)", "{n} )", "{n} :", "{n}–"])
def test_numbering_defects_are_reported_in_the_other_registries_shapes(shape):
    start2 = [shape.format(n=k + 2) for k in range(len(NCT04780269_EXC))]
    assert _codes(_list(NCT04780269_EXC, start2))["TA110"] == 1
    dup = [shape.format(n=n) for n in (1, 2, 2, 3, 4)]
    assert _codes(_list(NCT04780269_EXC, dup))["TA111"] == 1


def test_numbers_and_letters_at_one_indentation_are_outline_levels_not_a_mix():
    text = (
        "Inclusion Criteria:\n1. Adults\n2. Organ function:\na. Hemoglobin at least 9 g/dL\nb. Platelets at least 100,000/uL\n3. Consent\n"
    )
    assert _codes(text)["TA120"] == 0


# legacy XML, NCT00490204 (tune part): "1）" (full-width bracket) then "2)" and "3)" in ASCII
NCT00490204 = """[Before the start of treatment period]

1） Children whose severity score calculated from the scores of sneezing is 10 or
higher Severity of TNSS = [TDNSS(D-3)+TDNSS(D-2)+TDNSS(D-1)]/3 2) Children who have used prohibited concomitant drugs
during the observation period.

3) Children who have complicated acute upper airway inflammation during the observation
period.

4) Children who are applicable to the exclusion criteria.
"""


def test_full_width_and_ascii_brackets_in_one_list_are_two_shapes():
    assert _codes(NCT00490204)["TA120"] == 1
    same = NCT00490204.replace("1）", "1)")
    assert _codes(same)["TA120"] == 0


@pytest.mark.parametrize(
    "line",
    [
        "1/2 tablet daily",  # a fraction
        "1 : 40 dilution or higher",  # a ratio with French spacing
        "2° hyperparathyroidism",  # a degree sign means "secondary"
        "18 - 65 years of age",  # a range
        "2 - 7. Identical to inclusion criteria nos. 2 - 7",  # criteria-corpus NCT00405743
        "w/ history of seizures",  # "with"
        "B- and T-cell counts",
    ],
)
def test_look_alikes_of_the_new_shapes_are_text(line):
    mk = _match_marker(line, 0, False)
    assert mk is None or mk[2] is None, mk


# --- a list that carries on another's numbering in another shape (TA110) ----------------------------

# ClinicalTrials.gov classic JSON, NCT04780386 (tune part)
NCT04780386_INC = ["Healthy adult subjects who signed informed consent", "BMI of >18.0 kg/m2 and <30.0 kg/m2"]
NCT04780386_EXC = [
    "Subjects participated in another clinical trial within 6 months prior to administration of the study drug",
    "Inadequate subject for the clinical trial by the investigator's decision",
]


def _two_sections(inc_marker: str, exc_marker: str) -> str:
    inc = "\n".join(f"{inc_marker.format(n=k)} {t}" for k, t in enumerate(NCT04780386_INC, 1))
    exc = "\n".join(f"{exc_marker.format(n=k)} {t}" for k, t in enumerate(NCT04780386_EXC, 3))
    return f"Inclusion Criteria:\n\n{inc}\n\nExclusion Criteria:\n\n{exc}\n"


@pytest.mark.parametrize("exc_marker", ["{n}、", "#{n}", "{n}．", "{n}.-", "{n}.)", "[{n}]"])
def test_a_list_numbered_on_in_another_shape_starts_late(exc_marker):
    assert _codes(_two_sections("{n}.", exc_marker))["TA110"] == 1


@pytest.mark.parametrize("marker", ["{n}.", "{n})", "{n}、", "#{n}", "[{n}]"])
def test_exclusions_numbered_on_from_the_inclusions_in_the_same_shape_are_legitimate(marker):
    assert _codes(_two_sections(marker, marker))["TA110"] == 0


def test_the_continuing_list_is_read_after_sub_bullets_in_a_less_common_shape():
    # criteria-corpus phase_I_train.csv, NCT00506064 (tune part) re-marked: "3.)" with bullets under it,
    # then "4.)": the line after the bullets goes on with the list, it is not a hard wrap of the bullet
    text = (
        "Inclusion Criteria:\n\n1. Breast cancer patients\n2. Ages >= 40 years\n\nExclusion Criteria:\n\n"
        "3.) Autoimmune diseases: rheumatoid arthritis\n    - Alcoholics\n    - Seizure disorder\n"
        "4.) Movement disorders (ex. restless leg syndrome)\n5.) Tremor disorder (ex. parkinsonism)\n"
    )
    items = parse_criteria(text).sections[-1].items
    assert [it.marker for it in items] == ["3.)", "4.)", "5.)"]
    assert _codes(text)["TA110"] == 1


# --- letters: "a.-" markers, a letter repeated by the next item (TA111) -----------------------------

# ICTRP CSV, NCT04340232 (tune part), inclusion items
NCT04340232_INC = [
    "Male or female aged 18 - 89 years at time of enrollment",
    "Hospitalized with symptoms suggestive of COVID-19",
    "Illness of any duration that meets each of the following:",
    "Laboratory-confirmed SARS-CoV-2 infection as determined by PCR",
    "Understands and agrees to comply with planned study procedures",
]


@pytest.mark.parametrize("shape", ["{a}.-", "{A}.-", "{a})-", "{a}.", "({a})", "[{a}]", "({a}.)"])
def test_a_letter_repeated_by_the_next_item_is_a_duplicate(shape):
    letters = "abbde"
    text = (
        "Inclusion Criteria:\n\n"
        + "\n".join(f"{shape.format(a=c, A=c.upper())} {t}" for c, t in zip(letters, NCT04340232_INC))
        + "\n\nExclusion Criteria:\n\n- Pregnancy\n"
    )
    codes = _codes(text)
    assert codes["TA111"] == 1 and codes["TA112"] == 1
    clean = "Inclusion Criteria:\n\n" + "\n".join(f"{shape.format(a=c, A=c.upper())} {t}" for c, t in zip("abcde", NCT04340232_INC))
    assert not _numbering(clean + "\n\nExclusion Criteria:\n\n- Pregnancy\n")


# ICTRP XLSX, PACTR202005622389003 (tune part): "(iii)" written twice in the exclusion list: a true duplicate
PACTR202005622389003 = """Exclusion Criteria:
(i) Known allergy to any of the study medication;
(ii) pregnancy or breastfeeding;
(iii) ECG abnormality at admission;
(iii) Patients with ALAT/ASAT higher than 3 times the upper limit of normal on admission;
(iv) Patients with known chronic kidney diseases;
(v) Patients with known retinal diseases."""


def test_a_roman_numeral_written_twice_in_a_row_is_reported():
    codes = _codes(PACTR202005622389003)
    assert codes["TA111"] == 1


def test_a_letter_seen_earlier_in_the_list_is_not_a_duplicate():
    # sub-lists of two items run together at one level ("a. b." under item 1, "a." under item 2): too often
    # legitimate to tell apart, as before
    text = "Inclusion Criteria:\n1. Organ function:\na. Hemoglobin at least 9\nb. Platelets at least 100\n2. Prior therapy:\na. No chemotherapy\n3. Consent\n"
    assert _codes(text)["TA111"] == 0


# criteria-corpus phase_I_test.csv, NCT02915666 (tune part): lettered "A.-" sub-items run together on one line
NCT02915666 = """Inclusion Criteria:

  4. Performance status ECOG 0-2.

  5. Adequate organ function as defined below:

     A.- total bilirubin 3 x institutional upper limit of normal B.- AST(SGOT)/ALT(SPGT) ≤
     5 X institutional upper limit of normal C.- creatinine 3 mg/dL D.- cardiac ejection
     fraction > 50% E.- QTcF ≤ 480msec

  6. Women of child-bearing potential and men must agree to use adequate contraception
"""


def test_dashed_letter_markers_run_together_are_reported():
    assert _codes(NCT02915666)["TA121"] >= 1


@pytest.mark.parametrize("odd", ["{n}=", "{n}°", "-{n}-", "{n}|", "{n} »", "{n}\t"])
def test_the_next_number_in_any_other_writing_continues_its_list(odd):
    # NCT04780269's exclusion list (above) with its last item written "5° …", "5= …", "-5- …": read as item 5
    # because item 4 stands at the same column (and reported as a mixed shape), not as text of item 4
    markers = [(odd if k == 4 else "{n}.").format(n=k + 1) for k in range(len(NCT04780269_EXC))]
    text = _list(NCT04780269_EXC, markers)
    assert [it.number for it in parse_criteria(text).sections[-1].items] == [1, 2, 3, 4, 5]
    # (a bare number before a tab has no punctuation to compare: an item, but no mixed shape)
    assert _codes(text)["TA120"] == (0 if odd.endswith("\t") else 1)


@pytest.mark.parametrize("line", ["2° to cancer treatment", "3 = severe disease", "5 | 6 weeks"])
def test_a_number_with_other_punctuation_is_text_where_no_list_leads_to_it(line):
    text = "Inclusion Criteria:\n\n1. Adults with anemia\n" + line + "\n\nExclusion Criteria:\n\n1. Pregnancy\n"
    assert not _numbering(text)


@pytest.mark.parametrize("lead", ["-", "*", "•", "·", "→", "»", "✓"])
@pytest.mark.parametrize("at", [0, 2, 4])
def test_a_bullet_written_against_the_sub_item_number_is_a_lead_too(lead, at):
    assert _numbering(_with_flush_sublist("{n}.", lead, at)) & {"TA111", "TA113", "TA114"}


@pytest.mark.parametrize(
    "line",
    [
        "-6), except for a short-acting benzodiazepine",  # criteria-corpus NCT01556763: a wrapped range's end
        "-1).",  # NCT02209506
        ">1.5xULN is acceptable if bilirubin is fractionated",  # NCT02924688: a comparator
        "-1.5 SD below the mean",
        "*1 see the footnote",
    ],
)
def test_a_dash_or_comparator_against_a_number_is_not_a_bullet(line):
    mk = _match_marker(line, 0, False)
    assert mk is None, mk


@pytest.mark.parametrize("odd", ["{n}-", "{n} -"])
def test_a_hyphen_marker_before_a_lower_case_item_continues_its_list(odd):
    # NCT04273321's lower-case items (above): "3. admitted in the general wards" / "4- be able to sign …"
    markers = [(odd if k == 3 else "{n}.").format(n=k + 1) for k in range(4)]
    text = _list(NCT04273321_INC, markers, header="Exclusion Criteria (none):")
    assert [it.number for it in parse_criteria(text).sections[-1].items] == [1, 2, 3, 4]
    assert _codes(text)["TA120"] == 1


@pytest.mark.parametrize("line", ["2- to 4-week washout before screening", "2- or 3-fold increase in ALT", "2 - 3 weeks"])
def test_a_suspended_hyphen_on_a_wrapped_line_is_text(line):
    text = "Inclusion Criteria:\n\n1. Adults with stable disease for at least\n" + line + "\n\nExclusion Criteria:\n\n1. Pregnancy\n"
    assert [it.number for it in parse_criteria(text).sections[0].items] == [1]


def test_the_restart_message_names_flush_sub_items_as_sub_items_and_offers_no_renumbering():
    rec = TrialRecord(source=Source(path="t", format="ctgov-xml"), criteria=_with_flush_sublist("{n}.", "o ", 1))
    (finding,) = list(load_rules()["TA113"]().check(rec, CTX))
    assert "sub-items of '2.'" in finding.message and "goes on with '3.'" in finding.message
    assert finding.fix is None and "'a.', 'b.'" in finding.suggestion
    # a plain restart with no return to the main list keeps its renumbering suggestion
    rec = TrialRecord(source=Source(path="t", format="ctgov-xml"), criteria=_with_flush_sublist("{n}.", "o ", 4))
    (finding,) = list(load_rules()["TA113"]().check(rec, CTX))
    assert "sub-items" not in finding.message and finding.fix is not None
