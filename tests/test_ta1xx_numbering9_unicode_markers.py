"""Issue 20, numbering round 9: list markers read by Unicode property, not by a list of shapes.

Classes (each tested in variants the grid probe ``benchmarks/probe_marker_shapes.py`` does not use):

- digits of any decimal script a registrant may paste (Arabic-Indic, Persian, Devanagari, Bengali, Thai,
  and - never tuned on - Gujarati, Tamil, Myanmar, Khmer, Odia, Mongolian): read by ``unicodedata.decimal``
  (``criteria_markers.ascii_digit_view``), each marker kept as typed in the evidence;
- enclosed-number glyph series read from their Unicode names and values (double circled "⓵", the negative
  circled "❶" that goes on into "⓫", "CIRCLED NUMBER TWENTY ONE" after "⑳"), roman numeral glyphs valued as
  roman numerals (not as letters) behind a page bullet;
- a word before the number ("No. 1", "Item 3:", "Nr. 2", "Criterion 4"), Markdown escapes of the marker's
  punctuation ("\\(1\\)", "\\[2\\]", "\\#3");
- look-alikes that stay text: decimals, ranges and doses in other scripts, "Ⅱ期" (phase II), "No 2 cigarettes",
  "Item 3 of the questionnaire", "No. of prior lines".
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from tests.ta1_rules import CTX, ta1_codes
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import load_rules
from trial_audit.text.criteria import parse_criteria

NUMBERING = {"TA110", "TA111", "TA112", "TA113", "TA114", "TA120"}
# my own items, in several registrants' styles (British, Indian, Chinese English)
ITEMS = [
    "Patients of either sex aged 18-65 yrs",
    "Diagnosed case of chronic plaque psoriasis as per clinical examination",
    "Willing to give written informed consent",
    "Haemoglobin not less than 10 g/dl",
    "Subjects who can comply with the follow-up schedule",
]
DEFECTS = {
    "start_at_2": ([2, 3, 4, 5, 6], "TA110"),
    "duplicate": ([1, 2, 3, 3, 4], "TA111"),
    "skip": ([1, 2, 3, 5, 6], "TA112"),
}
SCRIPTS = ["ARABIC-INDIC", "EXTENDED ARABIC-INDIC", "DEVANAGARI", "BENGALI", "THAI", "GUJARATI", "TAMIL", "MYANMAR", "KHMER", "ORIYA"]


def _digits(script: str, n: int) -> str:
    zero = ord(unicodedata.lookup(f"{script} DIGIT ZERO"))
    return "".join(chr(zero + int(c)) for c in str(n))


def _codes(text: str, markdown: bool = False) -> Counter:
    if not markdown:
        return ta1_codes(text, "x.xml", "ictrp-xml")
    rec = TrialRecord(source=Source(path="x.json", format="ctgov-v2"), criteria=text, criteria_markdown=True)
    out: Counter = Counter()
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.update(f.rule for f in cls().check(rec, CTX))
    return out


def _text(markers: list[str], header: str = "Inclusion criteria:") -> str:
    return "\n".join([header] + [f"{m} {t}" for m, t in zip(markers, ITEMS)])


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("sep", [".", ")", "、", "-"])
def test_digits_of_any_script_clean_list_is_silent(script, sep):
    text = _text([_digits(script, n) + sep for n in range(1, 6)])
    assert not NUMBERING & set(_codes(text)), text


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("defect", sorted(DEFECTS))
@pytest.mark.parametrize("sep", [".", ")", "（{}）"])
def test_digits_of_any_script_defects_found(script, defect, sep):
    nums, rule = DEFECTS[defect]
    markers = [sep.format(_digits(script, n)) if "{}" in sep else _digits(script, n) + sep for n in nums]
    assert _codes(_text(markers))[rule] >= 1


def test_marker_kept_as_typed_in_the_parse_and_evidence():
    text = _text([_digits("DEVANAGARI", n) + "." for n in (1, 2, 3, 3, 4)])
    doc = parse_criteria(text)
    markers = [it.marker for it in doc.sections[0].items]
    assert markers == ["१.", "२.", "३.", "३.", "४."]
    rec = TrialRecord(source=Source(path="x.xml", format="ictrp-xml"), criteria=text)
    findings = [f for code, cls in load_rules().items() if code == "TA111" for f in cls().check(rec, CTX)]
    assert findings
    ev = findings[0].evidence
    assert ev.text == text[ev.start : ev.end] and "३." in ev.text


@pytest.mark.parametrize(
    "line",
    [
        "١.٥ mg/kg body weight per day is the maximum dose",  # a decimal in Arabic-Indic digits
        "१८ - ६५ years of age",  # a range in Devanagari
        "๒/๓ of the patients",  # a fraction in Thai digits
        "Ⅱ期临床试验受试者",  # "phase II" written with the roman glyph, not a marker
        "Ⅲ度房室传导阻滞者",
        "No 2 cigarettes per day for the last month",
        "Item 3 of the questionnaire scored above 2",
        "No. of prior lines of therapy ≥ 2",
    ],
)
def test_look_alikes_stay_text(line):
    text = "Inclusion criteria:\n" + line + "\nExclusion criteria:\nPregnancy"
    doc = parse_criteria(text)
    first = doc.sections[0].items[0] if doc.sections[0].items else None
    assert first is None or first.number is None, first.marker if first else None
    assert not NUMBERING & set(_codes(text))


def test_look_alike_between_items_is_no_item():
    # a numbered list with a wrapped line that opens with a decimal in another script stays one clean list
    text = (
        "Inclusion criteria:\n1. Adults aged 18-75 years receiving\n٢.٥ mg of study drug daily\n2. Signed consent\n3. Able to attend visits"
    )
    assert not NUMBERING & set(_codes(text))


@pytest.mark.parametrize(
    "series",
    [
        [chr(0x24F5 + k) for k in range(10)],  # ⓵ … ⓾ double circled
        [chr(0x2776 + k) for k in range(10)] + [chr(0x24EB + k) for k in range(10)],  # ❶ … ❿ ⓫ … ⓴
        [chr(0x2460 + k) for k in range(20)] + [chr(0x3251 + k) for k in range(5)],  # ① … ⑳ ㉑ …
        [chr(0x2170 + k) for k in range(12)],  # ⅰ … ⅻ
    ],
)
def test_glyph_series_by_unicode_name(series):
    items = [f"Criterion number {k} applies to every participant" for k in range(len(series))]
    clean = "\n".join(["Inclusion criteria:"] + [f"{g} {t}" for g, t in zip(series, items)])
    assert not NUMBERING & set(_codes(clean)), clean
    skipped = series[:5] + series[6:]
    text = "\n".join(["Inclusion criteria:"] + [f"{g} {t}" for g, t in zip(skipped, items)])
    assert _codes(text)["TA112"] >= 1


@pytest.mark.parametrize("bullet", ["-", "•", "*"])
@pytest.mark.parametrize("first", [0x2160, 0x2170])
def test_roman_glyph_behind_a_page_bullet_is_roman(bullet, first):
    clean = "\n".join(["Inclusion criteria:"] + [f"{bullet} {chr(first + k)}. {t}" for k, t in enumerate(ITEMS)])
    assert not NUMBERING & set(_codes(clean)), clean
    dup = "\n".join(["Inclusion criteria:"] + [f"{bullet} {chr(first + k)}. {t}" for k, t in zip([0, 1, 2, 2, 3], ITEMS)])
    assert _codes(dup)["TA111"] >= 1


@pytest.mark.parametrize("word", ["No. {}", "No.{}", "Nr. {}", "Item {}", "Item {}:", "Criterion {}:", "N° {}"])
@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_word_before_the_number(word, defect):
    nums, rule = DEFECTS[defect]
    clean = _text([word.format(n) for n in range(1, 6)])
    assert not NUMBERING & set(_codes(clean)), clean
    assert _codes(_text([word.format(n) for n in nums]))[rule] >= 1


@pytest.mark.parametrize("shape", ["\\({}\\)", "\\[{}\\]", "\\#{}", "{}\\)", "{}\\."])
@pytest.mark.parametrize("defect", sorted(DEFECTS))
def test_markdown_escaped_markers(shape, defect):
    nums, rule = DEFECTS[defect]
    body = lambda ns: "Inclusion Criteria:\n\n" + "\n\n".join(f"{shape.format(n)} {t}" for n, t in zip(ns, ITEMS))  # noqa: E731
    assert not NUMBERING & set(_codes(body(range(1, 6)), markdown=True))
    assert _codes(body(nums), markdown=True)[rule] >= 1


def test_markdown_escaped_parenthesis_inside_text_is_no_marker():
    text = "Inclusion Criteria:\n\n* Adults\n\n\\(with or without prior surgery\\) may enter\n\n* Consent"
    assert not NUMBERING & set(_codes(text, markdown=True))


# --- a misnumbered list run together on one line (one slip, confirmed by the marker after it) -----------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "Inclusion criteria: 1. Age ≥ 18 years. 2. Signed consent. 3. ECOG 0-1. 3. Adequate organ function. 4. Life expectancy over 3 months.",
            "TA111",
        ),
        ("Inclusion Criteria: 1) Male or female 20-60 yrs; 2) BMI 18-30 kg/m2; 4) Non-smokers; 5) Normal ECG.", "TA112"),
        ("Exclusion criteria:1. Pregnancy. 2. Known allergy to iodine. 3. Renal failure. 1. Prior surgery. 2. Active infection.", "TA113"),
        (
            "Inclusion Criteria : 1. Patients aged 18-70 years. 2. Pathologically confirmed NSCLC. 4. Measurable lesion. 5. KPS ≥ 70.",
            "TA112",
        ),
    ],
)
def test_one_line_list_with_one_slip(text, rule):
    assert _codes(text)[rule] >= 1, text


@pytest.mark.parametrize(
    "text",
    [
        # an unconfirmed number after a sentence stays text
        "Inclusion criteria: 1. Adults with stage II disease. 2. Tumour size at least 3 cm. 4 weeks since surgery.",
        "Inclusion criteria: 1. Adults. 2. Consent given. 3. Grade 1-2 toxicity allowed. 3 months since radiotherapy.",
        # a clean one-line list
        "Inclusion criteria: 1. Adults. 2. Consent given. 3. Normal renal function. 4. Negative pregnancy test.",
    ],
)
def test_one_line_look_alikes(text):
    assert not NUMBERING & set(_codes(text)), text


def test_roman_glyph_with_markdown_escaped_dot():
    body = lambda ns: "Inclusion Criteria:\n\n" + "\n\n".join(f"{chr(0x2160 + n - 1)}\\. {t}" for n, t in zip(ns, ITEMS))  # noqa: E731
    assert not NUMBERING & set(_codes(body([1, 2, 3, 4, 5]), markdown=True))
    assert _codes(body([1, 2, 3, 5, 6]), markdown=True)["TA112"] >= 1


@pytest.mark.parametrize("tags", [["#i", "#ii", "#iii", "#iv", "#v"], ["#A", "#B", "#C", "#D", "#E"]])
def test_hash_before_a_letter_is_no_marker(tags):
    # "#ii" was read as roman two after an unread "#i": TA110 + TA112 on a clean list
    assert not NUMBERING & set(_codes(_text(tags)))
