"""Issue 23 (a, b): list shapes of other registries, as the WHO ICTRP exports them.

(a) ChiCTR writes "1." items with "(1)" / "1)" / "a." sub-items and no indentation at all; the
    sub-items must not be read as the parent list's own numbering (no TA111 / TA113 / TA114 /
    TA120 false alarms), while real numbering defects in such lists are still reported.
(b) RPCEC (Cuba) criteria have no line breaks: "1.- … 2.- …", "1- … 2- …", "1) … 2) …".

Each class: the real excerpt (record id and source file in a comment, tune part of the split) and
a synthetic variant in other words.
"""

from collections import Counter

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules
from trial_audit.text.criteria import parse_criteria

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))
NUMBERING = {"TA110", "TA111", "TA112", "TA113", "TA114", "TA120"}


def _findings(text: str) -> list:
    rec = TrialRecord(source=Source(path="x.xml", format="ictrp-xml"), criteria=text)
    out = []
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.extend(cls().check(rec, CTX))
    return out


def _codes(text: str) -> Counter:
    return Counter(f.rule for f in _findings(text))


def _outline(text: str) -> list[tuple[int, str]]:
    """(level, marker) of every item of the first section."""
    return [(it.level, it.marker or "~") for it in parse_criteria(text).sections[0].iter_items()]


# --- (a) sub-lists without indentation -------------------------------------------------------------

# ChiCTR2000029695 (ictrp-xml/ICTRP-Results_18Mar2020_sample300.xml, also in the XLSX): the last item's
# sub-list ("2. Clinical manifestations" / "(1) fever …") follows an item without punctuation and is not
# followed by a "3.": it used to be read as the item's wrapped text and a list "(2)" "(3)" of its own.
CHICTR_29695 = """Inclusion Criteria:
1. Epidemiological history:
(1) Travel history or residence history of Wuhan and surrounding areas within 14 days before the onset of illness;
(2) Onset of illness Patients with fever or respiratory symptoms from Wuhan and surrounding areas;
(3) Aggressive onset;
(4) History of contact with new coronavirus infection.
2. Clinical manifestations
(1) fever and/or respiratory symptoms;
(2) with the imaging mentioned above characteristics of pneumonia;
(3) the total number of white blood cells is normal or decreased in the early stage of onset.

Exclusion Criteria:
Severe novel coronavirus pneumonia patients who cannot provide exhaled breath samples."""

# ChiCTR2000029899 (ictrp-xml): "2. … meeting the following criteria" (no colon) then "(1)" "(2)" "(3)"
# and the parent list goes on with "3.": used to give TA111 ("3." against "(3)"), TA113 and TA120.
CHICTR_29899 = """Inclusion Criteria:
1. Aged >=18 years at time of signing Informed Consent Form;
2. Patients with confirmed cases meeting the following criteria
(1) Epidemiology history;
(2) Clinical manifestations (epidemiological history and in accordance with any of the following 2 items):
Fever and / or respiratory symptoms;
(3) Having one of the following etiological evidence:
Respiratory tract, blood or fecal samples RT-PCR confirmed infection with 2019-nCoV;
3. Patients who meet the following mild and normal criteria;
4. Antimalarial drugs such as chloroquine and hydroxychloroquine were not used within 3 months;

Exclusion Criteria:
1. Patients with identified allergies to 4-aminoquinoline;
2. Patients with server diseases of the blood system;"""

# ChiCTR2000030929 (ictrp-csv/COVID19-1135-trials_sample300.csv): two groups of "1)" sub-items under item 2,
# the second after a label line; used to give four TA114 (the second group read as sub-items of "3)").
CHICTR_30929 = """Inclusion Criteria:
1. Aged 18 to 70 years old, inpatients, male or female;
2. Patients with severe COVID-19: confirmed cases shall be in compliance with guideline of "Diagnosis and Treatment Plan for COVID-19 (Version 7)":
1) Detect nucleic acid of novel coronavirus positive by real-time fluorescence RT-PCR;
2) Have highly homologous to known novel coronavirus by sequencing;
3) Detect sero specific lgM and lgG positive;
 Adult patients with severe COVID-19 shall meet any of the following:
1) Respiratory distress, RR>=30 times / minute;
2) In the resting state, the oxygen saturation is <=93%;
3) For lung radiology, the lesion has obtained more than 50% obvious improvement within 24-48 hours;
4) Arterial blood oxygen partial pressure (PaO2) / oxygen concentration (FiO2) <=300 mmHg;
3. Subjects and / or legal guardians of the subjects volunteered to participate in the study."""

# ChiCTR2000029761 (ictrp-xml and ictrp-csv): lettered sub-items with "(n)" sub-sub-items under item 3, a
# label before a last group, then "4.": used to give TA112 ("4." after "(2)") and TA120.
CHICTR_29761 = """Inclusion Criteria:
1. Sign written informed consent;
2. Chinese who are >= 18 years of age;
3. It complies with the diagnostic criteria for NCP diagnosis of common patients.
a. Epidemiological history
(1)Travel history or residence history of Wuhan within 14 days before the onset of illness;
(2)Have a history of contact with a new coronavirus infected person within 14 days;
b. clinical manifestations
(1)Fever and / or respiratory symptoms;
(2)NCP imaging features;
c. Real-time fluorescent RT-PCR of respiratory or blood specimens;
NCP confirmed case criteria:
(1)Have any one of the epidemiological history, and meet any two of the clinical manifestations;
(2)If there is no clear epidemiological history, it meets any three of the clinical manifestations.
4. The course of disease is within 10 days after the onset of illness;
5. Will take nasopharyngeal or oropharyngeal swabs before administration."""

# a synthetic variant in other words: an oncology list written the same way
SYNTHETIC = """Inclusion Criteria:
1. Histologically confirmed adenocarcinoma of the colon;
2. Adequate organ function
(1) haemoglobin at least 9 g/dL;
(2) platelets at least 100,000/mm3;
(3) creatinine below 1.5 times the upper limit of normal;
Liver function must meet all of the following:
(1) bilirubin at most 1.5 times the upper limit of normal;
(2) transaminases at most 3 times the upper limit of normal;
3. ECOG performance status 0 or 1;
4. Written informed consent."""


@pytest.mark.parametrize("text", [CHICTR_29695, CHICTR_29899, CHICTR_30929, CHICTR_29761, SYNTHETIC])
def test_sub_lists_without_indentation_are_not_the_parent_numbering(text):
    assert not NUMBERING & set(_codes(text))


def test_the_sub_items_hang_under_their_item():
    out = _outline(CHICTR_29695)
    # "2." then its three sub-items one level down (not wrapped into it, not top-level)
    k = out.index((0, "2."))
    assert out[k + 1 : k + 4] == [(1, "(1)"), (1, "(2)"), (1, "(3)")]
    syn = _outline(SYNTHETIC)
    assert [m for lvl, m in syn if lvl == 0] == ["1.", "2.", "3.", "4."]
    assert (1, "~") in syn  # the label is a child of item 2 and owns the second group
    assert [m for lvl, m in syn if lvl == 2] == ["(1)", "(2)"]


@pytest.mark.parametrize(
    "text, code",
    [
        # a duplicate inside a sub-list is still a duplicate
        (SYNTHETIC.replace("(3) creatinine", "(2) creatinine"), "TA111"),
        # the parent list skips a number across its sub-lists
        (SYNTHETIC.replace("3. ECOG", "4. ECOG").replace("4. Written", "5. Written"), "TA112"),
        # the parent list repeats a number after a sub-list
        (CHICTR_29899.replace("3. Patients who meet", "2. Patients who meet"), "TA111"),
    ],
)
def test_real_numbering_defects_in_such_lists_are_still_found(text, code):
    assert _codes(text)[code] >= 1


def test_a_list_in_another_style_that_does_not_go_on_to_2_is_not_a_sub_list():
    # one stray "(1)" between "2." and "3." is no sub-list: the shape gives no evidence, nothing changes
    text = "Inclusion Criteria:\n1. Age 18 or older;\n2. Confirmed diagnosis\n(1) see the protocol;\n3. Signed consent."
    assert [m for lvl, m in _outline(text) if lvl == 0][:2] == ["1.", "2."]


# NCT04302519 (ictrp-xml): an enumeration inside item 2, its "(1)" on one wrapped line and "(2)" "(3)" on the
# next; "(2)" was taken as a sibling of "2." (TA111 twice, TA120).
NCT04302519 = """Inclusion Criteria:

  -  1. Age = 18, age = 75, gender unlimited;

  -  2. novel coronavirus diagnosed severe pneumonia and confirmed no effective treatment
     plan. (severe patients meet any of the following: (1) respiratory distress, RR > 30
     times / minute; (2) resting state, oxygen saturation is less than 93%; (3) arterial
     oxygen partial pressure (PaO2) / oxygen inhalation (FiO2) is less than 300 mmHg.

  -  3. Those who voluntarily participate in the clinical study and can cooperate with
     researchers to carry out the study."""


def test_an_inline_enumeration_continued_on_a_wrapped_line_stays_in_its_item():
    assert not NUMBERING & set(_codes(NCT04302519))
    variant = (
        "Inclusion Criteria:\n1. Adults aged 40 to 80 years;\n2. Moderate asthma, i.e. any of: (a) night waking at least\n"
        "   twice a week; (b) reliever use on most days; (c) a severe exacerbation in the last\n   year;\n3. Non-smokers."
    )
    assert not NUMBERING & set(_codes(variant))


# --- (b) lists without line breaks (RPCEC) ----------------------------------------------------------

# RPCEC00000315 and RPCEC00000320 (ictrp-xlsx/COVID19-web_7Jul2020_sample300.xlsx): "1.-" and "1-" markers,
# the whole list on the header's next line
RPCEC_315 = (
    "Inclusion Criteria:\n1.- Female or male subject, age >= 60 years.  2.- Written consent to participate in the study.  "
    "3.- Negative result to the rapid antibody test against COVID-19.\n\nExclusion Criteria:\n"
    "1.- Subject with a history of acute infectious disease at the time of application of the research products "
    "2.- Subject with a history of acute allergic processes.  3.- Subject with a history of chronic decompensation diseases"
)
RPCEC_320 = (
    "Inclusion Criteria:\n1- Hospitalized patients between 19 and 80 years, of either sex with a diagnosis confirmed by "
    "COVID-19 PCR-TR.  2- Patients who signed the informed consent to participate in the study.\n\nExclusion Criteria:\n"
    "1- Pregnant or lactating patients.  2- Patients with uncontrolled hyperthyroidism.  3- Cancer patients."
)


@pytest.mark.parametrize(
    "text, counts",
    [
        (RPCEC_315, [3, 3]),
        (RPCEC_320, [2, 3]),
        # other words, the same shapes
        ("Inclusion Criteria:\n1.- Adults with asthma.  2.- Able to use an inhaler.", [2]),
        ("Exclusion Criteria:\n1- Smokers. 2- Prior lung surgery. 3- Pregnancy. 4- Current oral steroids.", [4]),
    ],
)
def test_items_of_a_list_without_line_breaks_are_recognised(text, counts):
    doc = parse_criteria(text)
    assert [len(s.items) for s in doc.sections] == counts
    assert all(it.number is not None for s in doc.sections for it in s.items)
    # the whole list on one line is reported once per list, quoting the line
    assert _codes(text)["TA121"] == len(counts)
    assert not NUMBERING & set(_codes(text))


@pytest.mark.parametrize(
    "line",
    [
        "18- to 65-year-old men",
        "1- to 2-week washout",
        "3-month history of symptoms",
        "2-3 weeks of treatment",
    ],
)
def test_a_number_with_a_hyphen_in_words_is_not_a_marker(line):
    doc = parse_criteria("Inclusion Criteria:\n" + line)
    assert all(it.marker is None for s in doc.sections for it in s.iter_items())


# RPCEC00000309 (ictrp-xlsx): a label run into item 1 of a one-line list; item 1 used to be the label's text
@pytest.mark.parametrize(
    "line",
    [
        "FOR ALL PATIENTS 1. Rheumatoid arthritis. 2. Autoimmune diseases. 3. Previously diagnosed cardiac diseases (ischemic).",
        "In both cohorts 1. Active infection. 2. Pregnancy. 3. Known allergy to the study drug.",
    ],
)
def test_item_one_after_a_label_on_a_one_line_list_is_recognised(line):
    doc = parse_criteria("Exclusion Criteria:\n" + line)
    assert [it.number for it in doc.sections[0].iter_items() if it.marker] == [1, 2, 3]
    assert not NUMBERING & set(_codes("Exclusion Criteria:\n" + line))


def test_a_number_inside_a_sentence_is_not_item_one():
    doc = parse_criteria("Exclusion Criteria:\nThe study uses 1. 5 mg tablets. 2. Other text. 3. Also.")
    assert 1 not in [it.number for it in doc.sections[0].iter_items()]
