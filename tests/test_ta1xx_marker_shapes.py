"""Issue 20/23: numbered lists in every marker shape registrants write, and their look-alikes.

The marker recogniser is generic (``criteria_markers._generic_marker``): a number (ASCII or full-width),
a letter, a roman numeral or a Chinese numeral with the punctuation before, around or after it (brackets
of every kind, a colon, several marks together, ideographic forms, "#"), or a one-character glyph ("①",
"⑴", "⒈", "ⓐ", "Ⅳ"). A list consistently marked in one such shape is checked by the numbering rules
like a "1." list. The look-alikes (decimals, ranges, ratios, years, doses, lab values, version numbers,
brackets that open a parenthesis) stay text.
"""

from collections import Counter

import pytest

from tests.ta1_rules import ta1_codes
from trial_audit.text.criteria import parse_criteria
from trial_audit.text.criteria_markers import _match_marker


def _codes(text: str) -> Counter:
    return ta1_codes(text, "x.xml", "ictrp-xml")


ITEMS = [
    "Age between 20 and 70 years",
    "Written informed consent",
    "Diagnosis confirmed by biopsy",
    "Able to swallow tablets",
    "No prior chemotherapy",
]
FW = str.maketrans("0123456789", "０１２３４５６７８９")

# each shape: a function from the item number to its marker
SHAPES = {
    "[n]": lambda n: f"[{n}]",
    "n]": lambda n: f"{n}]",
    "n:": lambda n: f"{n}:",
    "n：": lambda n: f"{n}：",
    "n.)": lambda n: f"{n}.)",
    "n).": lambda n: f"{n}).",
    "(n).": lambda n: f"({n}).",
    "【n】": lambda n: f"【{n}】",
    "〔n〕": lambda n: f"〔{n}〕",
    "<n>": lambda n: f"<{n}>",
    "#n": lambda n: f"#{n}",
    "n)-": lambda n: f"{n})-",
    "full-width n．": lambda n: str(n).translate(FW) + "．",
    "full-width （n）": lambda n: "（" + str(n).translate(FW) + "）",
    "chinese 一、": lambda n: "一二三四五六七八九"[n - 1] + "、",
    "chinese （一）": lambda n: "（" + "一二三四五六七八九"[n - 1] + "）",
    "circled ①": lambda n: chr(0x2460 + n - 1),
    "parenthesised ⑴": lambda n: chr(0x2474 + n - 1),
    "dotted ⒈": lambda n: chr(0x2488 + n - 1),
    "roman glyph Ⅱ.": lambda n: chr(0x2160 + n - 1) + ".",
    "roman (ii).": lambda n: "(" + ["i", "ii", "iii", "iv", "v", "vi"][n - 1] + ").",
    "full-width letter ａ．": lambda n: chr(0xFF41 + n - 1) + "．",
}


def _list(marker, numbers) -> str:
    lines = ["Inclusion Criteria:"] + [f"{marker(n)} {t}" for n, t in zip(numbers, ITEMS)]
    return "\n".join(lines + ["", "Exclusion Criteria:", "- Pregnancy", "- Known allergy to the study drug"])


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_clean_list_in_any_shape_is_silent_and_parsed_as_items(shape):
    text = _list(SHAPES[shape], [1, 2, 3, 4, 5])
    assert not _codes(text), shape
    items = parse_criteria(text).sections[0].items
    assert [it.number for it in items] == [1, 2, 3, 4, 5]


NUMERIC = [s for s in SHAPES if "letter" not in s]


@pytest.mark.parametrize("shape", sorted(NUMERIC))
@pytest.mark.parametrize(
    ("numbers", "rule"),
    [([2, 3, 4, 5, 6], "TA110"), ([1, 2, 2, 3, 4], "TA111"), ([1, 2, 4, 5, 6], "TA112"), ([1, 2, 3, 1, 2], "TA113")],
)
def test_numbering_defects_are_reported_in_any_shape(shape, numbers, rule):
    if rule == "TA113" and "roman" in shape:
        # "i. ii. iii. i. ii.": the second "i." is read as the letter i until the list is known, so the parser
        # hangs it under "iii." and TA114 reports it (a sub-item numbered like its parent); either points at it
        codes = _codes(_list(SHAPES[shape], numbers))
        assert codes["TA113"] + codes["TA114"] >= 1
        return
    assert _codes(_list(SHAPES[shape], numbers))[rule] >= 1


@pytest.mark.parametrize("shape", ["[n]", "n:", "【n】", "n.)", "circled ①"])
def test_a_list_run_together_on_one_line_is_reported_in_any_shape(shape):
    m = SHAPES[shape]
    text = "Inclusion Criteria:\n" + " ".join(f"{m(n)} {t}" for n, t in zip([1, 2, 3], ITEMS))
    text += "\n\nExclusion Criteria:\n- Pregnancy\n- Known allergy"
    assert _codes(text)["TA121"] == 1


@pytest.mark.parametrize(
    "line",
    [
        "1.5 x upper limit of normal",  # decimal
        "1-2 weeks before screening",  # range
        "1:80 or higher antinuclear antibody titer",  # ratio
        "1: 40 dilution",  # ratio written with a blank
        "2008). Patients enrolled before",  # the end of a year in a wrapped citation
        "(28 days) prior to diagnosis",  # a parenthesis opened on the line before
        "[NCI] Common Terminology Criteria",  # a bracketed abbreviation
        "A: Documentation of KRAS status",  # a group label
        "A). For Direct-Entry Participants",  # the end of a wrapped sentence
        "B- and T-cell phenotypes",  # a word
        "1+ on dipstick",  # a lab value
        "10.0 g/dL and 8.5 g/dL",  # a lab value
        "v1.2 of the protocol",  # a version number
        "18> years",  # a comparator typed after the number
        "100 mg daily",  # a dose
    ],
)
def test_look_alikes_are_not_markers(line):
    assert _match_marker(line, 0, False) is None, line


def test_a_version_number_inside_a_sentence_is_not_a_list_item():
    # ChiCTR2000029762 (ictrp-xml/ICTRP-Results_18Mar2020_sample300.xml): "(Trial Version 5). Combined with …"
    # inside item 3 of a "1." list: no item 5 run into item 3, no numbering finding
    text = (
        "Inclusion criteria:\n1. Sign written informed consent;\n2. Chinese aged >=18 years;\n"
        '3. It complies with the NCP Critical and Critical Diagnostic Standards, namely "Pneumonitis Diagnosis and '
        "Treatment Scheme for Novel Coronavirus Infection (Trial Version 5). Combined with the following epidemiological "
        "history, clinical manifestations, and pathogenic examinations to make a comprehensive judgment.\n"
        "4. The course of disease is within 14 days after the onset of illness;\n5. Will take nasopharyngeal swabs.\n\n"
        "Exclusion criteria:\n1. Pregnancy."
    )
    assert not _codes(text)
    # the same version number wrapped to the start of a line stays inside item 3 of a numbered list
    wrapped = text.replace("(Trial Version 5). Combined", "(Trial Version\n   5). Combined")
    assert [it.number for it in parse_criteria(wrapped).sections[0].items] == [1, 2, 3, 4, 5]


def test_a_reference_to_an_item_wrapped_to_a_line_start_is_not_an_item():
    text = "Inclusion Criteria:\n1. Adults meeting the definition in item\n#3 above of the protocol\n2. Written consent\n\nExclusion Criteria:\n1. Pregnancy"
    assert "#3" not in [it.marker for it in parse_criteria(text).items()]
    assert not _codes(text)


def test_items_that_open_with_a_number_or_a_lower_case_word_are_items_in_any_shape():
    # measured on re-marked tune lists: "[3] 18+ years of age", "#5 \\< or = 6.5 hours", "#3 age \\>22 years"
    for m in (lambda n: f"[{n}]", lambda n: f"#{n}", lambda n: f"{n}.)"):
        body = ["Age 18 or older", "18+ years of age", "non-smokers", "able to consent"]
        text = "Inclusion Criteria:\n" + "\n".join(f"{m(n)} {t}" for n, t in zip([1, 2, 2, 3], body))
        assert _codes(text)["TA111"] == 1, text
        text = "Inclusion Criteria:\n" + "\n".join(f"{m(n)} {t}" for n, t in zip([1, 2, 3, 4], body))
        assert not _codes(text), text


def test_a_footnote_bracket_inside_a_sentence_is_not_a_marker():
    text = (
        "Inclusion Criteria:\n1. Adults with moderate asthma as defined by GINA [1] and a positive reversibility test\n"
        "2. Written informed consent\n\nExclusion Criteria:\n1. Current smoker"
    )
    assert not _codes(text)


# criteria-corpus phase_III_test.csv, NCT02586155: an inline "a.) … b.) … c.)" enumeration hard-wrapped so
# that a line opens with "c.)"; that is the tail of the sentence, not an item in a "1)"-like style next to "(c)"
NCT02586155 = """Inclusion Criteria:

        • CAD event of either unstable angina or myocardial infarction 7-90 days prior Visit 1:

        Unstable angina: for a qualifying unstable angina event, each of components (a), (b), and
        (c) must be satisfied: a.) Characteristic ischemic pain or discomfort in chest/associated
        referral areas, occurring at rest/with minimal exertion b.) ECG changes consistent with
        ischemia, transient or persistent, and
        c.) Objective evidence of obstructive CAD on angiography

Exclusion Criteria:

        • Pregnancy
"""


def test_an_inline_enumeration_wrapped_to_a_line_start_is_not_an_item():
    assert _codes(NCT02586155)["TA120"] == 0
    assert "c.)" not in [it.marker for it in parse_criteria(NCT02586155).items()]


def test_the_same_shape_on_a_wrapped_line_is_read_when_the_list_goes_on_in_it():
    # a "[n]" list whose items end without punctuation: each line continues the "[n]" list
    text = "Inclusion Criteria\n[1] Adults aged 18 to 75 years\n[2] Signed consent\n[2] Able to attend visits\n\nExclusion Criteria\n[1] Pregnancy"
    assert _codes(text)["TA111"] == 1
    # another wording: an unpunctuated wrapped sentence then a bracketed item of another shape
    text = "Inclusion Criteria:\n1. Adults with any of the conditions [a] to\n[c] listed in the protocol appendix\n2. Consent\n\nExclusion Criteria:\n1. Pregnancy"
    assert "[c]" not in [it.marker for it in parse_criteria(text).items()]
    assert not _codes(text)


# criteria-corpus toy_train.csv, NCT01066897 (shortened): a reference "#4." wrapped to a line start after a
# sentence that ends with "Inclusion criteria" (read as a header inside the line): not item 4 of a new list
NCT01066897 = """Inclusion Criteria:

          1. Major depressive disorder

          2. 20-55 years of age

        Exclusion Criteria:

          1. History of any psychosis

          2. Psychoactive drugs other than one of the antidepressants listed on Inclusion criteria
             #4. (A non-barbiturate sedative or hypnotic will be allowed if it has been in use for
             at least 1 month prior to the baseline visit.)

          3. Significant abnormalities are observed in screening laboratory evaluation.
"""


def test_a_wrapped_item_reference_after_a_header_inside_a_sentence_is_not_an_item():
    assert "#4." not in [it.marker for it in parse_criteria(NCT01066897).items()]
    codes = _codes(NCT01066897)
    assert codes["TA110"] == 0 and codes["TA112"] == 0
