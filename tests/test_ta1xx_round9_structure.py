"""Issue 20, round 9 (struct7): headers glued onto their first item (TA103) and items run together (TA121), read by
structure rather than by the separators seen before.

Classes: a header, then any separator among ">", "=", "»", "→" and its first item's marker ("Inclusion > 1. Age …");
a header run straight into its first numbered item without punctuation ("INCLUSION CRITERIA 1) Aged …" is no
qualifier "1"); the list's own next number after "and" / "or" before a lower-case criterion ("… is used and 3.
voluntarily joined …"); the list's own bullet after ", or" / ", and" before a lower-case criterion ("… 24 hours,
or - participation in another study …"). Real excerpts carry their id and source in a comment; the rest are variants
in other words. Look-alikes that must stay silent close the file.
"""

import pytest

from tests.ta1_rules import ta1_codes


def _codes(text: str, fmt: str = "ctgov-classic"):
    return ta1_codes(text, "x.xml", fmt)


# ICTRP COVID-19 CSV export (tune part), NCT04323228: the exclusion list, its lines as written
NCT04323228_EXC = """Inclusion Criteria:

  -  Confirmed SARS-CoV-2 infection
  -  COVID-19 patient in stable condition (i.e., not requiring ICU admission).

Exclusion Criteria:

  -  Tube feeding or parenteral nutrition.
  -  Pregnant or lactating women
  -  Admission to ICU > 24 hours
  -  participation in another study including any forms of supplementation or disease specific ONS.
"""

# ICTRP XML (tune part), ChiCTR2000030857: the inclusion list, its lines as written
CHICTR2000030857_INC = """Inclusion criteria: 1. Critical patients with COVID-19 confirmed by etiology test;
2. airway intubation with mechanical ventilation is used;
3. voluntarily joined this study with informed consents.

Exclusion criteria: 1. Pregnant women;
2. Combined with severe basal diseases such as malignant tumor, cirrhosis and HIV;
3. Patients with lung tumor, interstitial fibrosis, alveolar proteinosis, and allergic alveolitis.
"""


def test_the_real_lists_as_written_are_silent():
    assert not (_codes(NCT04323228_EXC)["TA121"] or _codes(NCT04323228_EXC)["TA103"])
    assert not _codes(CHICTR2000030857_INC, "ictrp-xml")["TA121"]


def test_a_bullet_after_comma_or_before_a_lower_case_criterion_is_the_next_item():
    joined = NCT04323228_EXC.replace("24 hours\n  -  participation", "24 hours, or - participation")
    assert _codes(joined)["TA121"] == 1
    variant = "Exclusion Criteria:\n- Prior stroke\n- Severe anaemia, and - inability to swallow tablets\n- Known allergy to aspirin\n"
    assert _codes(variant)["TA121"] == 1


def test_the_next_number_after_and_before_a_lower_case_criterion_is_the_next_item():
    joined = CHICTR2000030857_INC.replace("is used;\n3. voluntarily", "is used and 3. voluntarily")
    assert _codes(joined, "ictrp-xml")["TA121"] == 1
    variant = (
        "Exclusion criteria:\n1. Pregnancy\n2. Coagulopathy uncontrolled within 24 hours or 3. white cell count below 500/uL\n4. HIV\n"
    )
    assert _codes(variant)["TA121"] == 1


@pytest.mark.parametrize("sep", [" > ", " = ", " » ", " → "])
def test_a_header_then_any_separator_then_the_first_numbered_item(sep):
    text = f"Inclusion{sep}1. Aged 18 to 75 years\n2. Written consent\n3. ECOG 0-1\n\nExclusion:\n1. Pregnancy\n2. Known HIV\n"
    assert _codes(text)["TA103"] == 1


@pytest.mark.parametrize("head", ["INCLUSION CRITERIA 1) Aged 18 to 75 years", "I. Inclusion criteria 1) Adults aged 18 to 75"])
def test_a_header_run_into_its_first_numbered_item_without_punctuation(head):
    text = f"{head}\n2) Written consent\n3) ECOG 0-1\n\nExclusion criteria:\n1) Pregnancy\n2) Known HIV\n"
    assert _codes(text)["TA103"] == 1


@pytest.mark.parametrize(
    "item",
    [
        "Treated with metformin monotherapy or - diet and exercise alone",  # one sentence's options, no comma
        "Toxicity of grades 1 and 2. Patients with grade 3 are excluded",  # a number before the connective
        "Either (a) eGFR below 60 or (b) albuminuria above 30 mg/g",  # an enumeration inside one item
        "ECOG performance status 0, 1 or 2. This is assessed at screening",
        "Score of 1 - 2 on the modified Rankin scale",
        "Use of strong CYP3A4 inhibitors, e.g. ketoconazole, or itraconazole",
    ],
)
def test_look_alikes_inside_one_item_stay_silent(item):
    for marker in ("1.", "-"):
        m = (lambda i: f"{i}.") if marker == "1." else (lambda i: "-")
        items = ["Aged 18 to 75 years", item, "Written consent"]
        text = "Inclusion Criteria:\n" + "\n".join(f"{m(i)} {t}" for i, t in enumerate(items, 1))
        text += "\n\nExclusion Criteria:\n" + "\n".join(f"{m(i)} {t}" for i, t in enumerate(["Pregnancy", "Known HIV"], 1)) + "\n"
        codes = _codes(text)
        assert not codes["TA121"] and not codes["TA103"], (marker, item)


def test_a_header_with_a_numbered_qualifier_is_still_a_header():
    # "Inclusion Criteria 2" (a numbered group) and "Inclusion criteria (1)" stay qualifiers: no marker-and-word after them
    text = "Inclusion Criteria 2:\n1. Aged 18 to 75 years\n2. Written consent\n\nExclusion criteria (1):\n1. Pregnancy\n2. HIV\n"
    assert not _codes(text)["TA103"]


@pytest.mark.parametrize("lead_in", ["Not eligible if any of the following apply:", "Ineligible if:", "Excluded if any of the following:"])
def test_a_lead_in_without_its_subject_run_into_its_first_item(lead_in):
    text = f"Inclusion criteria:\n- Aged 18 to 75 years\n- Written consent\n\n{lead_in} - Pregnancy or breastfeeding\n- Known HIV\n- Prior transplant\n"
    assert _codes(text)["TA103"] == 1


@pytest.mark.parametrize("head", ["II. EXCLUSION 1) Pregnancy or breastfeeding", "Exclusion 1. Pregnancy or breastfeeding"])
def test_a_bare_section_word_then_the_first_number_and_a_capital(head):
    text = f"Inclusion:\n1) Aged 18 to 75 years\n2) Written consent\n\n{head}\n2) Known HIV\n3) Prior transplant\n"
    assert _codes(text)["TA103"] == 1


def test_a_phase_after_the_header_colon_is_its_scope_not_a_criterion():
    text = "Inclusion criteria: Phase 1\n1. Aged 18 to 75 years\n2. Written consent\n\nExclusion criteria: Phase 1\n1. Pregnancy\n2. Known HIV\n"
    assert not _codes(text)["TA103"]


# criteria-corpus phase_I_test.csv, NCT03106610 (shortened): an item continuing an earlier one names it ("Inclusion 6)
# continued;"): a reference to the item, not the inclusion header run into its first item
NCT03106610 = """Inclusion Criteria:

  1. Age 18 or older
  2. Adequate organ function: a) WBC >/= 2000/µL; b) Neutrophils >/= 1500/µL
  3. Inclusion 2) continued; g.Serum creatinine </=1.5 x ULN or creatinine clearance (CrCl)
     >/=30 mL/min
  4. Ability to understand and willingness to sign a written informed consent document.

Exclusion Criteria:

  1. Pregnancy
"""

# criteria-corpus enrollment_and_studylength.zip, NCT00001229: one sentence's enumeration after a lead-in, wrapped
NCT00001229 = """Patients of any age and either sex who are suspected of having a pheochromocytoma on the
basis of one or more of the following: 1. hypertensive episodes in a normotensive subject,
2. abnormal levels of blood and/or urinary catecholamines or their metabolites, or 3. an
otherwise unexplained abdominal mass.

Patients without any evidence of pheochromocytoma are excluded.
"""


def test_a_continued_item_naming_its_number_is_no_header_run_into_an_item():
    assert not _codes(NCT03106610)["TA103"]


def test_the_last_part_of_a_comma_enumeration_after_or_is_not_a_run_on_item():
    assert not _codes(NCT00001229)["TA121"]
