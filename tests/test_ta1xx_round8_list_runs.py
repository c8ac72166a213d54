"""Lettered lists in any punctuation, decided by the list (issue 20, round 8: ``criteria_marker_runs``).

A letter with a colon, a hyphen, a slash or a spaced bracket after it ("a:", "A-", "a )", "a /") is no
marker on its own: "B- and T-cell counts" is a word, "A: Documentation of KRAS status …" a note. A column
of lines that open with consecutive letters in one shape is a list whatever its punctuation, so the
numbering rules check it: a repeated letter (TA111), a missing one (TA112). The lists are real criteria
from the tune part (record id and source in a comment), re-lettered in the shape under test.
"""

from collections import Counter

import pytest

from tests.ta1_rules import NCT00506064_INC, NUMBERING, ta1_codes
from trial_audit.text.criteria import parse_criteria
from trial_audit.text.criteria_markers import _match_marker


def _numbering(text: str, fmt: str = "ctgov-xml") -> Counter:
    return Counter({c: n for c, n in ta1_codes(text, "x.xml", fmt).items() if c in NUMBERING})


EXCLUSION = "\n\nExclusion Criteria:\n\n- Pregnancy\n- Known allergy to the study drug\n"

# shapes no lone token is read in: the list decides (a letter, its punctuation as typed)
SHAPES = ["{a}:", "{A}:", "{A}-", "{a} -", "{A} –", "{a} )", "{a}/", "{A} /", "{a}=", "{a}:-", "{A}>", "{a}\t", "{A} :"]


def _lettered(shape: str, letters: str, items=NCT00506064_INC) -> str:
    lines = [shape.format(a=c, A=c.upper()) + ("" if shape.endswith("\t") else " ") + t for c, t in zip(letters, items)]
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION


@pytest.mark.parametrize("shape", SHAPES)
def test_a_clean_lettered_list_in_any_punctuation_is_parsed_as_items_and_silent(shape):
    text = _lettered(shape, "abcde")
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 4, 5], shape
    assert all(it.style.startswith(("a", "(a")) for it in items)
    assert not _numbering(text), shape


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize(("letters", "rule"), [("abbde", "TA111"), ("aacde", "TA111"), ("abcee", "TA111"), ("abdef", "TA112")])
def test_a_repeated_or_missing_letter_is_reported_in_any_punctuation(shape, letters, rule):
    assert _numbering(_lettered(shape, letters))[rule] >= 1, (shape, letters)


def test_a_roman_list_in_a_colon_shape_is_a_list_too():
    text = "Inclusion Criteria:\n\n" + "\n".join(f"{r}: {t}" for r, t in zip(["i", "ii", "iii", "iii", "v"], NCT00506064_INC)) + EXCLUSION
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 3, 5]
    assert _numbering(text)["TA111"] == 1


def test_a_lettered_sub_list_in_a_colon_shape_stays_under_its_item():
    # criteria-corpus phase_I_train.csv, NCT00506064 (tune part), with organ-function sub-items lettered "a:"
    text = (
        "Inclusion Criteria:\n\n1. Breast cancer patients having a unilateral segmental mastectomy\n"
        "2. Adequate organ function:\n   a: Hemoglobin at least 9 g/dL\n   b: Platelets at least 100,000/uL\n"
        "3. Willing and able to give written informed consent" + EXCLUSION
    )
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3]
    assert [c.marker for c in items[1].children] == ["a:", "b:"]
    assert not _numbering(text)


# --- look-alikes: a lone letter in such a shape, or letters that do not run in sequence, stay text ------


def test_a_lone_lettered_note_stays_text():
    # criteria-corpus phase_I_train.csv, NCT01016860 (tune part): a note after the inclusion bullets
    text = (
        "Inclusion Criteria:\n\n  -  Ability to understand the requirements of the study, provide written informed consent\n"
        "     and comply with the study protocol procedures.\n\n"
        "A: Documentation of KRAS status must be performed prior to enrollment.\n\n"
        "Exclusion Criteria:\n\n  -  Concurrent symptomatic central nervous system involvement, brain or meningeal\n     metastases\n"
    )
    assert "A:" not in [it.marker for it in parse_criteria(text).items()]
    assert not _numbering(text)


def test_a_wrapped_line_that_opens_with_the_article_a_stays_text():
    # criteria-corpus phase_I_test.csv, NCT02819804 (tune part): "a >= grade 2 …" is the wrapped end of a sentence
    text = (
        "Exclusion Criteria:\n\n  -  Patients are also excluded if they are intolerant or allergic to dasatinib and\n"
        "     discontinued prior therapy due to\n     a >= grade 2 treatment related adverse event\n\n"
        "  -  Patients must not have a history of a grade 4 anaphylactic reaction\n"
    )
    assert [it.marker for it in parse_criteria(text).items()] == ["-", "-"]
    assert not _numbering(text)


@pytest.mark.parametrize(
    "lines",
    [
        ["B- and T-cell counts within normal limits", "Written informed consent"],  # a word
        ["A: Part A dose escalation", "A: Part A dose expansion", "A: Part A food effect"],  # one letter again and again
        ["A: Documentation of KRAS status", "C: Documentation of BRAF status"],  # not consecutive
        ["b: second item", "c: third item"],  # a list that does not start at a: not decided by shape alone
    ],
)
def test_letters_that_do_not_run_as_a_list_stay_text(lines):
    text = "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION
    assert all(it.marker in (None, "-") for it in parse_criteria(text).items()), lines
    assert not _numbering(text)


def test_a_section_header_ends_a_lettered_run():
    text = "Inclusion Criteria:\n\na: Ages >= 40 years\n\nExclusion Criteria:\n\nb: Pregnancy\n"
    assert all(it.marker is None for it in parse_criteria(text).items())


def test_the_lone_token_reading_is_unchanged():
    # the list decides; on its own the token is still no marker (criteria_markers)
    for line in ("A: Documentation of KRAS status", "B- and T-cell phenotypes", "a ) the first"):
        assert _match_marker(line, 0, False) is None, line


def test_a_repeated_letter_i_stays_a_letter():
    # "h. i. i. k.": the second "i." repeats the letter before it, it is not roman one starting a sub-list
    items11 = [f"{t} ({k})" for k in range(3) for t in NCT00506064_INC][:11]
    text = "Inclusion Criteria:\n\n" + "\n".join(f"{c}. {t}" for c, t in zip("abcdefghiik", items11)) + EXCLUSION
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items][7:] == [8, 9, 9, 11]
    assert _numbering(text)["TA111"] == 1


# --- lettered and roman lists behind page bullets ("-  a) …", "• ii) …", "-\> i) …") -----------------

# criteria-corpus phase_I_train.csv, NCT02750306 (tune part): lettered sub-items behind the page's bullets
NCT02750306 = """Inclusion Criteria:

  -  Have a reliable and competent trial partner (e.g., spouse, family member, or other
     caregiver) who:

  -  a) Signs their own informed consent, after the trial has been explained to them, and
     before Screening assessments;

  -  b) Is not diagnosed with dementia;

  -  c) Resides with the participant overnight and has a close relationship with the
     participant

  -  If female, not of childbearing potential as indicated by one of the following: has
     reached natural menopause, defined as:

  -  a) ≥45 years of age with either: ≥12 months of spontaneous amenorrhea

  -  b) has had a hysterectomy;

  -  c) has had bilateral tubal ligation; or

  -  Be willing to provide a blood sample for Apolipoprotein E (APOE) genotyping

Exclusion Criteria:

  -  Resides in a nursing home (or similar institutional facility)
"""


def test_lettered_items_behind_bullets_are_the_sub_items_of_the_item_that_introduces_them():
    items = parse_criteria(NCT02750306).sections[0].items
    assert [it.marker for it in items] == ["-", "-", "-"]
    assert [(c.outer_marker, c.marker) for c in items[0].children] == [("-", "a)"), ("-", "b)"), ("-", "c)")]
    assert [c.number for c in items[1].children] == [1, 2, 3]
    assert not _numbering(NCT02750306, "criteria-table")
    # a repeated letter behind the bullets is a repeated letter
    assert _numbering(NCT02750306.replace("-  c) Resides", "-  b) Resides"), "criteria-table")["TA111"] == 1


def test_a_lone_letter_behind_a_bullet_stays_the_bullets_text():
    # criteria-corpus toy_train.csv, NCT00444106 (tune part): "P." is the genus of "P. falciparum", not a lettered item
    text = (
        "Inclusion Criteria\n\n  -  12 years of age or older\n\n  -  Accepts Healthy Volunteers\n\n"
        "  -  P. falciparum parasitemia between 1,000 and 100,000 parasites/μl\n\n"
        "  -  History of fever or presence of fever (temperature ≥ 37.5°C)\n"
    )
    assert [it.marker for it in parse_criteria(text).items()] == ["-", "-", "-", "-"]


# ClinicalTrials.gov API v2, NCT01174615 (tune part), exclusion items re-marked as a roman list
NCT01174615_EXC = [
    "Patients with pre-existing medical conditions that might be exacerbated by the procedure",
    "Patients who are allergic to Lidocaine, which is used as a local anesthetic.",
    "Patients who have a bleeding diathesis which might pose a problem with marrow aspiration.",
    "Patients unable to give informed consent.",
    "Pregnant patients",
]
ROMAN = ["i", "ii", "iii", "iv", "v", "vi"]
SUBS = ["Hemoglobin ≥ 9 g/dL", "Platelets ≥ 100,000/µL", "Creatinine ≤ 1.5 × ULN"]


def _roman_list(numbers, after: int | None = None, lead: str = "• ", markdown: bool = False) -> str:
    lines = ["Inclusion Criteria:", "", "1. Age 18 years or older", "", "Exclusion Criteria:", ""]
    for n, t in zip(numbers, NCT01174615_EXC):
        lines.append(f"{ROMAN[n - 1]}) {t}")
        if after is not None and n == after:
            lines += [f"{lead}{ROMAN[j]}) {s}" for j, s in enumerate(SUBS)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("markdown", [False, True])
def test_a_roman_main_list_that_starts_again_is_reported(markdown):
    fmt = "ctgov-v2" if markdown else "ctgov-xml"
    assert not _numbering(_roman_list([1, 2, 3, 4, 5]), fmt)
    assert _numbering(_roman_list([1, 2, 1, 2, 3]), fmt)["TA113"] == 1


@pytest.mark.parametrize("lead", ["• ", "+ ", "○ ", "▪ ", "– ", "-> ", "-\\> "])
@pytest.mark.parametrize("after", [3, 5])
def test_flush_roman_sub_items_behind_bullets_are_reported(lead, after):
    for markdown in (False, True):
        codes = _numbering(_roman_list([1, 2, 3, 4, 5], after, lead), "ctgov-v2" if markdown else "ctgov-xml")
        assert codes["TA113"] + codes["TA114"] >= 1, (lead, after, markdown)


# ClinicalTrials.gov API v2, NCT05144867 (tune part): v2 escapes ">" so an arrow bullet reads "-\>"
NCT05144867 = r"""Inclusion Criteria:

1\) Age \>=18 years
2\) Willing to provide informed consent
3\) Histologically confirmed malignancy with metastatic disease detected on imaging.
4\) ECOG performance status 0-1
5\) 1 to 3 brain metastases, each with a maximum diameter of no more than 3 cm
-\> 1\) Hemoglobin ≥ 9 g/dL
-\> 2\) Platelets ≥ 100,000/µL
-\> 3\) Creatinine ≤ 1.5 × ULN

Exclusion Criteria:

1. Serious medical comorbidities
2. ECOG \>= 2
"""


def test_an_escaped_markdown_arrow_is_a_lead_bullet():
    items = parse_criteria(NCT05144867, markdown=True).sections[0].items
    assert [(it.outer_marker, it.number) for it in items[5:]] == [("-\\>", 1), ("-\\>", 2), ("-\\>", 3)]
    assert _numbering(NCT05144867, "ctgov-v2")["TA113"] == 1  # after the last item: the numbering starts again
    # an escaped comparator before a number is still a comparator: "\>18 years" is no bullet
    assert _match_marker("\\>18 years of age", 0, True) is None


# --- the shape of a continued list includes its digits; circled numbers beyond twenty -----------------

# ClinicalTrials.gov classic JSON, NCT04779476 (tune part)
NCT04779476 = """Inclusion Criteria:

1. Single tooth extraction
2. Upper and lower teeth

Exclusion Criteria:

{m3} Surgical extraction
{m4} Medically compromised patients
{m5} Presence of active infection
{m6} Presence of pathology
"""


def test_a_list_in_full_width_digits_does_not_carry_on_a_list_in_ascii_digits():
    # "２." / "３." after "1." "2.": typed with another input method, a second list that starts late
    fw = NCT04779476.format(m3="３.", m4="４.", m5="５.", m6="６.")
    assert _numbering(fw, "ctgov-classic")["TA110"] == 1
    # numbered on in the same digits it is the exclusion list carrying on the inclusion list's numbering
    same = NCT04779476.format(m3="3.", m4="4.", m5="5.", m6="6.")
    assert not _numbering(same, "ctgov-classic")


# ClinicalTrials.gov legacy XML, NCT00000655 (tune part): 22 exclusion items marked with circled numbers
NCT00000655_EXC = [
    "Judged by the investigator to be in impending respiratory failure.",
    "Malabsorption or vomiting that would potentially limit the retention and absorption of an oral therapy.",
    "Corticosteroid treatment (except replacement therapy or patients in Group B).",
    "Ganciclovir.",
    "Zidovudine (AZT).",
    "Sulfonamides.",
    "Pentamidine.",
    "Dapsone.",
    "Trimethoprim.",
    "Other DHFR inhibitors.",
    "Primaquine.",
    "Clindamycin.",
    "Sulfonylureas.",
    "Prior therapy for this episode of PCP or treatment within 4 weeks of entry for a prior episode of PCP.",
    "Unable to or refuse to discontinue zidovudine, ganciclovir, or other antiretroviral agents.",
    "Unable to take medication orally or unwilling or unable to take study medication with food.",
    "Significant psychosis or emotional disorder.",
    "History of allergy to the study drugs.",
    "Pregnancy or breast-feeding.",
    "Active tuberculosis.",
    "Treatment with an investigational agent within 30 days.",
    "Inability to comply with the protocol.",
]
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓"


def _circled(numbers) -> str:
    return "Exclusion Criteria\n\n" + "\n".join(f"{CIRCLED[n - 1]} {t}" for n, t in zip(numbers, NCT00000655_EXC)) + "\n"


def test_circled_numbers_go_on_past_twenty():
    clean = list(range(1, 23))
    items = parse_criteria(_circled(clean)).sections[0].items
    assert [it.number for it in items] == clean
    assert not _numbering(_circled(clean))
    assert _numbering(_circled(clean[:21] + [21]))["TA111"] == 1  # "㉑" twice
    assert _numbering(_circled(clean[:20] + [22, 23]))["TA112"] == 1  # "㉑" missing


# --- a numbered list carried on by a roman numeral or a letter (TA120) ----------------------------------

# ClinicalTrials.gov classic JSON, NCT05175846 (tune part), inclusion items
NCT05175846 = """Inclusion Criteria:

1. Signed informed consent (IC) within 4 days of COVID-19 test.
2. Age 18 or older
3. COVID-19 test
{m4} Group 1: negative COVID-19 test Group 2: positive COVID-19 test with Severe or Critical symptoms of disease (per WHO Guidance).

Exclusion Criteria:

1. Any autoimmune disease or immune-modulator therapy.
2. Mild or Moderate symptoms of COVID-19 disease (per WHO Guidance).
"""


@pytest.mark.parametrize("m4", ["iv.", "IV)", "d.", "(iv)"])
def test_the_last_item_of_a_numbered_list_written_as_a_roman_numeral_or_letter_is_reported(m4):
    assert _numbering(NCT05175846.format(m4=m4), "ctgov-classic")["TA120"] == 1, m4
    assert not _numbering(NCT05175846.format(m4="4."), "ctgov-classic")


def test_a_roman_five_after_four_is_read_as_five_not_as_the_letter_v():
    text = NCT05175846.format(m4="4. Adequate organ function") + ""
    text = text.replace("\n\nExclusion", "\nv. Able to comply with the protocol\n\nExclusion")
    found = [f for f in _findings(text) if f.rule == "TA120"]
    assert len(found) == 1 and "roman numeral" in found[0].message and "'5.'" in found[0].suggestion


def _findings(text: str):
    from tests.ta1_rules import CTX
    from trial_audit.core.model import Source, TrialRecord
    from trial_audit.engine.registry import load_rules

    rec = TrialRecord(source=Source(path="x.json", format="ctgov-classic"), criteria=text)
    return [f for code, cls in load_rules().items() if code.startswith("TA1") for f in cls().check(rec, CTX)]


def test_a_sub_level_or_an_outline_letter_is_not_the_list_going_on():
    # "2. Organ function: a. …" then "b. …" at the list's column: the letters go on from inside item 2
    text = NCT05175846.format(m4="").replace("2. Age 18 or older", "2. Organ function: a. Hemoglobin 9 g/dL or more")
    text = text.replace("3. COVID-19 test", "b. Platelets 100,000/uL or more")
    assert not _numbering(text, "ctgov-classic")["TA120"]
    # legacy XML NCT00495638 (tune part): "C." left of the numbered items is the protocol's outline, not item 3
    outline = (
        "Exclusion criteria for control participants:\n\n"
        "  1. Diagnosis of SCD or electrophoretic or HPLC evidence of major sickling phenotype as\n     described above.\n\n"
        "  2. ECHO-determined TRV greater than or equal to 2.5 m/sec.\n\n"
        "C. High throughput microarray and genotyping technologies to identify candidate gene\n"
        "polymorphisms involved in pathologic responses to hypoxia in SCD and CP patients with PAH.\n\n"
        "INCLUSION CRITERIA:\n\nInclusion criteria for all participants:\n\n  1. The informed consent has been signed by the participant\n"
    )
    assert not _numbering(outline)["TA120"]


# --- numbers in a punctuation no lone token is read in: the run decides too -------------------------

NUMBER_SHAPES = ["{n};", "{n},", "{n} .", "{n}_", "{n} ]", "{n}>", "{n}»", "{n}°", "{n}\t", "({n}.", "{n}|", "{n}~"]


def _numbered(shape: str, numbers, items=NCT00506064_INC) -> str:
    lines = [shape.format(n=n) + ("" if shape.endswith("\t") else " ") + t for n, t in zip(numbers, items)]
    return "Inclusion Criteria:\n\n" + "\n".join(lines) + EXCLUSION


@pytest.mark.parametrize("shape", NUMBER_SHAPES)
def test_a_numbered_list_in_any_punctuation_is_checked_like_any_other(shape):
    assert [it.number for it in parse_criteria(_numbered(shape, [1, 2, 3, 4, 5])).sections[0].items] == [1, 2, 3, 4, 5]
    assert not _numbering(_numbered(shape, [1, 2, 3, 4, 5]))
    for numbers, rule in (([2, 3, 4, 5, 6], "TA110"), ([1, 2, 2, 3, 4], "TA111"), ([1, 2, 4, 5, 6], "TA112"), ([1, 2, 3, 1, 2], "TA113")):
        assert _numbering(_numbered(shape, numbers))[rule] >= 1, (shape, numbers, rule)


def test_a_scale_and_wrapped_numbers_stay_text():
    # a scale written under an item ("1 = mild"), and numbers that open hard-wrapped lines, are not a list
    scale = "Inclusion Criteria:\n\n1. Pain score at screening, where\n   1 = mild\n   2 = moderate\n   3 = severe\n2. Written consent\n"
    assert [it.number for it in parse_criteria(scale).sections[0].items] == [1, 2]
    assert not _numbering(scale)
    wrapped = "Inclusion Criteria:\n\n- Participants who take at least\n2, 3 or 4 tablets daily\n- Written consent\n"
    assert [it.marker for it in parse_criteria(wrapped).items()] == ["-", "-"]


def test_many_shapes_open_at_once_stay_bounded_and_a_list_after_them_is_still_read():
    from trial_audit.text.criteria_marker_runs import _MAX_OPEN_SHAPES, list_run_markers
    from trial_audit.text.criteria_tokens import _tokenise_pass

    # hostile text: a new shape (indentation) on every line, none of them a list; then a real "a:" list
    noise = "\n".join(" " * k + "a: text" for k in range(0, 4 * _MAX_OPEN_SHAPES, 2))
    text = noise + "\n" + _lettered("{a}:", "abcde").split("\n\n", 1)[1]
    markers = list_run_markers(text, _tokenise_pass(text, False, {}))
    assert sorted(m[2][2] for m in markers.values()) == [1, 2, 3, 4, 5]
