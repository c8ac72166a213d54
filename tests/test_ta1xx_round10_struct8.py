"""Issue 20, round 10 (struct8): headers glued onto their first item (TA103) and items run together (TA121), by
shape, in wordings written for this round (not the benchmark's).

Header classes (a section header, then its first item's marker on the same line):
  H1 the header words, then a qualifier phrase of any words (no sentence end), then punctuation, then the marker
     ("Exclusion criteria according to the study protocol: - …");
  H2 one or two words before the header words, at the line's start ("Essential inclusion criteria: - …"), and the
     derived forms of the section word ("Inclusionary criteria");
  H3 a header closed by its own bracket or quote, then the marker ("(Exclusion criteria) - …", "【Inclusion criteria】1. …");
  H4 a bullet-like glyph or an arrow between the header and the marker ("Inclusion criteria ▶ 1. …").
Run-on classes (the next item of the line's own list, its marker kept, after):
  R1 a coordinating connective other than "and" / "or" ("… plus - …", "… as well as 4. …", "… together with - …");
  R2 a bullet-like glyph, an arrow or a geometric symbol standing between the two items ("… ▪ - …", "… ► 3. …");
  R3 a full-width colon written against the bullet before a capitalised criterion ("…：- Severe …").
Look-alikes that must stay silent close the file.
"""

import pytest

from tests.ta1_rules import ta1_codes

INC = [
    "Aged 18 to 75 years",
    "Histologically confirmed adenocarcinoma of the pancreas",
    "ECOG performance status 0 or 1",
    "Able to give written informed consent",
]
EXC = [
    "Pregnancy or breastfeeding",
    "Prior treatment with an anti-PD-1 antibody",
    "Known HIV infection",
    "Severe renal impairment (creatinine clearance below 30 mL/min)",
]


def _lines(items, style):
    if style == "num":
        return [f"{i}. {t}" for i, t in enumerate(items, 1)]
    if style == "paren":
        return [f"{i}) {t}" for i, t in enumerate(items, 1)]
    if style == "star":
        return [f"* {t}" for t in items]
    return [f"- {t}" for t in items]


def _glued(header: str, style: str, side: str) -> str:
    """A criteria text whose ``side`` section header is glued onto that section's first item ({m} = the marker)."""
    inc, exc = _lines(INC, style), _lines(EXC, style)
    if side == "inc":
        marker, rest = inc[0].split(" ", 1)
        first = header.format(m=marker) + " " + rest
        return first + "\n" + "\n".join(inc[1:]) + "\n\nExclusion Criteria:\n" + "\n".join(exc) + "\n"
    marker, rest = exc[0].split(" ", 1)
    first = header.format(m=marker) + " " + rest
    return "Inclusion Criteria:\n" + "\n".join(inc) + "\n\n" + first + "\n" + "\n".join(exc[1:]) + "\n"


def _codes(text: str, fmt: str = "ctgov-classic"):
    return ta1_codes(text, "x.json", fmt)


GLUED = [
    # H1: a qualifier phrase of any words after the header words
    ("Exclusion criteria according to the study protocol: {m}", "dash", "exc"),
    ("Inclusion criteria applicable to every participant: {m}", "num", "inc"),
    ("KEY EXCLUSION CRITERIA IN BRIEF; {m}", "dash", "exc"),
    ("Inclusion criteria (protocol version 3) — {m}", "num", "inc"),
    ("Exclusion criteria, summarised from the protocol: {m}", "paren", "exc"),
    ("Inclusion criteria to be confirmed by the site investigator: {m}", "dash", "inc"),
    ("Exclusion criteria (both arms) ; {m}", "num", "exc"),
    # H2: words before the header words, derived forms
    ("Essential inclusion criteria: {m}", "dash", "inc"),
    ("Principal Exclusion Criteria - {m}", "num", "exc"),
    ("Relevant exclusion criteria: {m}", "paren", "exc"),
    ("Inclusionary Criteria; {m}", "num", "inc"),
    ("Core eligibility - exclusion criteria: {m}", "dash", "exc"),
    ("Summary of inclusion criteria: {m}", "num", "inc"),
    # H3: a header closed by its own bracket or quote
    ("(Exclusion criteria) {m}", "dash", "exc"),
    ("【Inclusion criteria】{m}", "num", "inc"),
    ("<Exclusion Criteria> {m}", "dash", "exc"),
    ("{{Inclusion criteria}} {m}", "paren", "inc"),
    ("«Exclusion criteria» {m}", "num", "exc"),
    ("(INCLUSION CRITERIA): {m}", "dash", "inc"),
    # H4: a glyph or an arrow between the header and the marker
    ("Inclusion criteria ▶ {m}", "num", "inc"),
    ("Exclusion criteria ➢ {m}", "dash", "exc"),
    ("Inclusion Criteria :: {m}", "paren", "inc"),
    ("Exclusion criteria ⇒ {m}", "num", "exc"),
]


@pytest.mark.parametrize("header,style,side", GLUED)
def test_glued_header_reported(header, style, side):
    text = _glued(header, style, side)
    assert _codes(text)["TA103"] >= 1, text


@pytest.mark.parametrize("header,style,side", [g for g in GLUED if g[1] != "num"][:6])
def test_glued_header_reported_in_markdown(header, style, side):
    text = _glued(header, "star", side)
    assert _codes(text, "ctgov-v2")["TA103"] >= 1, text


def _run_on(joint: str, style: str, pos: int = 1, items=None) -> str:
    items = list(items or INC)
    lines = _lines(items, style)
    marker = lines[pos + 1].split(" ", 1)[0]
    joined = lines[pos] + joint.format(m=marker) + " " + items[pos + 1]
    inc = lines[:pos] + [joined] + lines[pos + 2 :]
    return "Inclusion Criteria:\n" + "\n".join(inc) + "\n\nExclusion Criteria:\n" + "\n".join(_lines(EXC, style)) + "\n"


RUN_ONS = [
    # R1: coordinating connectives
    (" plus {m}", "dash"),
    (" as well as {m}", "dash"),
    (" together with {m}", "dash"),
    (" along with {m}", "num"),
    (" as well as {m}", "paren"),
    (" and then {m}", "dash"),
    (", plus {m}", "num"),
    (" and additionally {m}", "dash"),
    # R2: a glyph, an arrow or a geometric symbol between the items
    (" ▪ {m}", "dash"),
    (" ► {m}", "num"),
    (" ✓ {m}", "dash"),
    (" → {m}", "dash"),
    ("∙ {m}", "paren"),
    (" ○ {m}", "dash"),
    (" ‣ {m}", "num"),
    (" ■ {m}", "dash"),
    # R3: a full-width colon written against the bullet
    ("：{m}", "dash"),
    ("︰{m}", "dash"),
    ("：{m}", "num"),
]


# items whose openings are no criterion word of the lexicon (a run-on must be seen by its joint, not by the words after it)
PLAIN = [
    "Resident of the catchment area for at least one year",
    "Fluent spoken Danish",
    "Owner of a smartphone with internet access",
    "Normal hearing on audiometry",
]


@pytest.mark.parametrize("joint,style", RUN_ONS)
@pytest.mark.parametrize("pos", [0, 2])
@pytest.mark.parametrize("items", ["criteria", "plain"])
def test_run_on_reported(joint, style, pos, items):
    text = _run_on(joint, style, pos, INC if items == "criteria" else PLAIN)
    assert _codes(text)["TA121"] >= 1, text


# a real item of the tune part (ICTRP CSV export, NCT04323228) with the next item run on after a connective
def test_run_on_real_items_connective():
    items = [
        "Confirmed SARS-CoV-2 infection",
        "Tube feeding or parenteral nutrition.",
        "Pregnant or lactating women",
        "Admission to ICU > 24 hours",
    ]
    text = _run_on(" as well as {m}", "dash", 1, items)
    assert _codes(text)["TA121"] >= 1, text


SILENT = [
    # a connective before a lower-case word after a dash: one sentence's part (NCT03018028's shape)
    "- Treated with metformin monotherapy plus - diet and exercise alone",
    # a symbol that means something inside one criterion
    "- Systolic blood pressure → 140 mmHg - 160 mmHg at screening",
    "- Body weight ≥ 50 kg plus - 5 kg tolerance at baseline",
    # a bullet-like glyph before a value, not a bullet of the list
    "- Haemoglobin ▪ 9 g/dL or more",
    # a label and its value after an ASCII colon-dash (CTRI punctuation)
    "- Diagnosis:- Type 2 diabetes mellitus for at least 1 year",
    # an item that names the criteria of another study, no marker after
    "- Meets the inclusion criteria of the parent study as per protocol",
    # an item that mentions the exclusion criteria and then lists its own options
    "- Patients excluded from the parent study as per its exclusion criteria: 1) prior surgery, 2) prior radiotherapy",
]


@pytest.mark.parametrize("item", SILENT)
def test_look_alikes_silent(item):
    inc = ["- " + INC[0], item, "- " + INC[2], "- " + INC[3]]
    text = "Inclusion Criteria:\n" + "\n".join(inc) + "\n\nExclusion Criteria:\n" + "\n".join(_lines(EXC, "dash")) + "\n"
    codes = _codes(text)
    assert codes["TA103"] == 0 and codes["TA121"] == 0, (text, codes)


@pytest.mark.parametrize(
    "line",
    [
        "Inclusion criteria of the main study apply.",
        "Exclusion criteria were assessed at screening",
        "Inclusion criteria (see protocol section 5)",
        "Selected participants will be screened against the inclusion criteria",
    ],
)
def test_header_like_lines_silent(line):
    text = (
        line
        + "\n\nInclusion Criteria:\n"
        + "\n".join(_lines(INC, "num"))
        + "\n\nExclusion Criteria:\n"
        + "\n".join(_lines(EXC, "num"))
        + "\n"
    )
    codes = _codes(text)
    assert codes["TA103"] == 0 and codes["TA121"] == 0, (text, codes)


# A header with its verb and a colon glued onto its first item right under a field label that the ICTRP reader
# writes above the registrant's text ("Inclusion Criteria:" then "Inclusion criteria include: - …"): "include" is the
# header's verb, not a qualifier ("in…" read as the qualifier word "in" hid the header under the label).
@pytest.mark.parametrize(
    "glued",
    [
        "Inclusion criteria include: - Healthy adults aged 18 to 45 years",
        "Exclusion criteria include: 1. Pregnancy or breastfeeding",
        "Inclusion Criteria included: * Signed informed consent",
    ],
)
def test_verb_header_under_field_label_reported(glued):
    kind = "Inclusion" if glued.startswith("Incl") else "Exclusion"
    marker = glued.split(": ", 1)[1].split(" ", 1)[0]
    rest = "\n".join(f"{marker if marker in '-*' else str(k) + '.'} {t}" for k, t in enumerate(INC[1:], 2))
    other = "Exclusion" if kind == "Inclusion" else "Inclusion"
    text = f"{kind} Criteria:\n{glued}\n{rest}\n\n{other} Criteria:\n" + "\n".join(_lines(EXC, "dash")) + "\n"
    assert _codes(text)["TA103"] >= 1, text


# criteria table (tune part), NCT00696410: an item of the exclusion list that names the other criteria in a sentence
# and goes on in the bullets below; behind its bullet it is an item, not a header with its verb
NCT00696410_EXC = """Exclusion Criteria:

  -  Subjects with HF that is deemed to be ischemic, congenital, valvular, or infiltrative
     in etiology, or chemotherapy/toxin-induced will not be eligible for enrollment.

  -  Other exclusion criteria include the presence of a life-threatening illness with a
     projected survival ≤6 months;

  -  recurrent ventricular arrhythmias; end-stage renal failure;

  -  ongoing infection;
"""


@pytest.mark.parametrize(
    "text",
    [
        "Inclusion Criteria:\n\n  -  Subjects 21 years of age or older\n\n" + NCT00696410_EXC,
        "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Prior surgery\n- Further exclusion criteria include any condition that, in"
        " the opinion of the investigator, would interfere\n- active infection\n",
        "Inclusion Criteria:\n1. Adults\n2. Additional inclusion criteria are a stable dose of metformin for 3 months\n3. Consent\n",
    ],
)
def test_item_naming_criteria_with_a_verb_silent(text):
    assert _codes(text)["TA103"] == 0, text
