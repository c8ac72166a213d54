"""Classes of real-world criteria text the parser and the TA1xx rules must read right.

Each class has a short real excerpt (record id and source in a comment; tune part of the bulk
sets or the small folders) where one exists, and a synthetic variant in another wording, so
that the fix holds for the class and not for one sentence.
"""

from collections import Counter

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules
from trial_audit.text.criteria import parse_criteria

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))
NUMBERING = {"TA110", "TA111", "TA112", "TA113", "TA114"}


def _codes(text: str, markdown: bool = False) -> Counter:
    rec = TrialRecord(source=Source(path="x.json", format="v2"), criteria=text, criteria_markdown=markdown)
    out: Counter = Counter()
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.update(f.rule for f in cls().check(rec, CTX))
    return out


def _markers(text: str, markdown: bool = False) -> list[tuple[str | None, int | None, int]]:
    return [(i.marker, i.number, i.level) for i in parse_criteria(text, markdown).items()]


# --- Markdown escapes (v2): escaped markers are markers; a decimal number is not a marker ----------


def test_escaped_markdown_markers_are_markers():
    # synthetic: no escaped ordinal marker occurs in the tune data (ClinicalTrials.gov escapes a
    # marker it does not render as a list: "1\\." / "1\\)" / "\\-")
    text = "Inclusion Criteria:\n\n1\\. Age 18 or older\n2\\. Signed consent\n\nExclusion Criteria:\n\n\\- Pregnancy\n\\- Active infection"
    assert _markers(text, True) == [("1\\.", 1, 0), ("2\\.", 2, 0), ("\\-", None, 0), ("\\-", None, 0)]
    variant = "Exclusion Criteria:\n\n1\\) Pregnancy\n2\\) Infection\n4\\) HIV"
    assert _codes(variant, True)["TA112"] == 1  # the escaped list is checked like any list


def test_escaped_footnote_star_is_text():
    # ctgov-v2-bulk clinical_trial_matchers NCT06427811: "\\*Failure for Ph+ CML-CP participants ..."
    text = "Inclusion Criteria:\n\n* Failure\\* of the most recent TKI\n\n  \\*Failure for Ph+ CML-CP participants is defined as:\n* Age 18"
    assert [m for m, _, _ in _markers(text, True)] == ["*", "*"]


def test_decimal_number_is_not_a_marker_and_not_a_late_start():
    # synthetic (no tune record): "1.18 ≤ age" is the decimal 1.18 run into "≤", or the marker
    # "1." run into "18"; either way the list does not start late at "2."
    text = "Inclusion Criteria:\n1.18 ≤ age ≤ 75 years\n2. Signed consent\n3. ECOG 0-1\n\nExclusion Criteria:\n1. Pregnancy"
    doc = parse_criteria(text)
    assert doc.sections[0].items[0].marker is None
    assert not (_codes(text) & Counter(NUMBERING))
    # with the blank after the marker, "1." is a marker and "18 ≤ age" its text
    spaced = "Inclusion Criteria:\n1. 18 ≤ age ≤ 75 years\n2. Signed consent"
    assert parse_criteria(spaced).sections[0].items[0].text == "18 ≤ age ≤ 75 years"
    # another wording: a decimal limit at the start of a wrapped line is not item "1."
    variant = "Inclusion Criteria:\n1.5 times the upper limit of normal for ALT\n2. Signed consent\n3. Age 18"
    assert parse_criteria(variant).sections[0].items[0].marker is None


# --- an inline enumeration inside one item is not the list's own numbering -------------------


def test_inline_enumeration_inside_an_item_is_not_the_list_numbering():
    # ctgov-v2-bulk my-website NCT06485206: "3. Radiographic evidence of at least one of the
    # following:\n\n  a. Spondylosis ...; or b. Disc height decreased ..." (another form than the list's)
    text = (
        "Exclusion Criteria:\n1. Pregnancy\n2. Infection\n3. HIV\n4. Hepatitis\n5. Heart failure\n6. Stroke\n"
        "7. Any of these conditions: (1) cirrhosis; (2) dialysis; (3) transplant; (4) sepsis\n8. Allergy"
    )
    assert not (_codes(text) & Counter(NUMBERING | {"TA121"}))
    variant = "Inclusion Criteria:\n1) Age 18\n2) Organ function, defined as 1. ANC above 1500 2. Platelets above 100000\n3) Consent"
    assert not (_codes(variant) & Counter(NUMBERING | {"TA121"}))


# --- labels that scope the items under them: numbering may restart -------------------------------


def test_numbering_restarts_under_scope_labels():
    # ctgov-xml-bulk aact/NCT01298141: "Inclusion Criteria:\n\nCohort 1:\n\n  1. The patient has ..."
    real = (
        "Inclusion Criteria:\n\nCohort 1:\n\n  1. The patient has a documented diagnosis of Fabry disease.\n\n"
        "  2. The patient is sufficiently compliant with study activities.\n\nCohort 2:\n\n"
        "  1. The patient has been treated with agalsidase.\n\n  2. The patient consents."
    )
    assert not (_codes(real) & Counter(NUMBERING))
    for label_a, label_b in [
        ("For participants with type 2 diabetes:", "For participants without diabetes:"),
        ("Part 2 only:", "Part 3 only:"),
        ("Cohort B:", "Cohort C:"),
    ]:
        text = f"Inclusion Criteria:\n{label_a}\n1. HbA1c 7-10%\n2. On metformin\n{label_b}\n1. BMI 25-40\n2. Stable weight"
        assert not (_codes(text) & Counter(NUMBERING)), label_a


def test_cohort_headers_written_as_list_items():
    # ctgov-xml phase_I_test NCT02389842 writes "1. Part A (dose escalation):" over its cohort's criteria
    text = (
        "Inclusion Criteria:\n1. Age 18 or older\n2. Consent\n3. Cohort A:\n1. HbA1c 7-10%\n2. On metformin\n"
        "4. Cohort B:\n1. BMI 25-40\n2. Stable weight\n5. Contraception"
    )
    top = parse_criteria(text).sections[0].items
    assert [i.marker for i in top] == ["1.", "2.", "3.", "4.", "5."]
    assert [c.marker for c in top[2].children] == ["1.", "2."]
    assert not (_codes(text) & Counter(NUMBERING))
    variant = (
        "Exclusion Criteria:\n1. Arm 2 (expansion):\n1. Prior PD-1 therapy\n2. Brain metastases\n2. Arm 3 (expansion):\n1. Prior surgery"
    )
    assert not (_codes(variant) & Counter(NUMBERING))


# --- ideographic separators, full-width digits, run-together items ------------------------------


def test_ideographic_separators_are_markers_and_run_together_items_are_found():
    # ctgov-classic results_1.json NCT04780607
    real = (
        "Inclusion Criteria:\n\n1、rheumatic heart disease 2、mitral valve disease 3、combined with other heart valve "
        "disease(aortic valve, tricuspid valve, pulmonary valve) 4、patients undergoing surgery"
    )
    assert [m for m, _, _ in _markers(real)] == ["1、", "2、", "3、", "4、"]
    assert _codes(real)["TA121"] == 1
    variant = "Exclusion Criteria:\n（1）妊娠；（2）感染；（3）过敏\n"
    assert [(m, n) for m, n, _ in _markers(variant)] == [("（1）", 1), ("（2）", 2), ("（3）", 3)]
    full_width = "Inclusion Criteria:\n１．Age 18-75 years\n２．ECOG 0-1\n４．Signed consent"
    assert [n for _, n, _ in _markers(full_width)] == [1, 2, 4]
    assert _codes(full_width)["TA112"] == 1


def test_items_run_together_without_punctuation():
    # ctgov-xml NCT00935818: "3) Subject is able to complete all study visits 4) Subject is in good health ..."
    real = (
        "Inclusion Criteria:\n\n  1. Subject is at least 18 years of age;\n\n"
        "3) Subject is able to complete all study visits 4) Subject is in good health as determined\n"
        "by the investigator 5) Subject has the ability to participate 6) Subject is motivated to stop smoking."
    )
    assert "4)" in [m for m, _, _ in _markers(real)]
    assert _codes(real)["TA121"] >= 1
    # ctgov-v2-bulk clinical_trial_matchers NCT06131424: a whole list on one line
    one_line = "Inclusion Criteria:1. Men or women, ≥18 years of age 2. Provision of informed consent by the patient"
    assert [m for m, _, _ in _markers(one_line)] == ["1.", "2."]
    variant = "Exclusion Criteria:\n(1) Pregnant women (2) Known allergy to iodine (3) Prior surgery\n"
    assert [m for m, _, _ in _markers(variant)] == ["(1)", "(2)", "(3)"]
    assert _codes(variant)["TA121"] == 1


def test_lettered_items_run_together():
    # criteria-corpus (legacy XML text): "e. ... f. ..." and "D. ... E. ..." on one line
    lower = "Exclusion Criteria:\na. Pregnancy\nb. Infection\nc. HIV\nd. Hepatitis\ne. Heart failure f. Stroke within 6 months\ng. Allergy"
    upper = "Exclusion Criteria:\nA. Pregnancy\nB. Infection\nC. HIV\nD. Hepatitis B infection E. Heart failure\nF. Allergy"
    for text in (lower, upper):
        codes = _codes(text)
        assert codes["TA121"] == 1 and not (codes & Counter(NUMBERING))


# --- the same header twice, a marker style switch ---------------------------------------------


def test_same_header_twice_is_one_section():
    # ctgov-classic covid-19-search.json NCT04668404
    real = "Inclusion Criteria:\n\nInclusion Criteria:\n\nAge 18-80 years\nConfirmed Covid19 patient with positive RT PCR\n\nExclusion Criteria:\n\nPregnancy"
    assert [s.kind for s in parse_criteria(real).sections] == ["inclusion", "exclusion"]
    variant = "EXCLUSION CRITERIA\nExclusion criteria:\n- Pregnancy\n\nInclusion Criteria:\n- Age 18"
    assert [s.kind for s in parse_criteria(variant).sections] == ["exclusion", "inclusion"]
    assert parse_criteria(variant).sections[0].items


def test_marker_style_switch_continues_the_numbering():
    # synthetic: "5." followed by "6)" (no tune record switches exactly there)
    text = "Inclusion Criteria:\n1. Age 18\n2. Consent\n3. ECOG\n4. Labs\n5. Contraception\n6) Weight above 50 kg\n7) No allergy"
    codes = _codes(text)
    assert codes["TA120"] == 1 and not (codes & Counter(NUMBERING))
    variant = "Exclusion Criteria:\n(1) Pregnancy\n(2) Infection\n3. HIV\n4. Hepatitis"
    assert not (_codes(variant) & Counter(NUMBERING))


# --- sub-items under "any of the following:" flattened into the parent list --------------------


def test_flattened_choices_are_a_sub_list():
    # criteria-corpus phase_III_test NCT02256215: "1. Patients diagnosed with secondary RLS. i.e.:
    # patients with:\n\n 1. Iron deficiency anemia 2. End-stage renal disease. ..." (same indentation)
    real = (
        "Exclusion Criteria:\n\n  1. Patients diagnosed with secondary RLS. i.e.: patients with:\n\n"
        "  1. Iron deficiency anemia\n\n  2. End-stage renal disease.\n\n  2. Patients with other mimicking disorders."
    )
    top = parse_criteria(real).sections[0].items
    assert [i.marker for i in top] == ["1.", "2."]
    assert [c.marker for c in top[0].children] == ["1.", "2."]
    codes = _codes(real)
    assert codes["TA114"] == 2 and not codes["TA111"]  # written in the parent's numbering: TA114, not duplicates
    variant = "Exclusion Criteria:\n1. Any of the following within 6 months:\n1. Myocardial infarction\n2. Stroke\n2. Allergy to study drug"
    top = parse_criteria(variant).sections[0].items
    assert [i.marker for i in top] == ["1.", "2."] and len(top[0].children) == 2
    assert not _codes(variant)["TA111"]


# --- more run-on and enumeration shapes ------------------------------------------------------


def test_enumeration_in_the_lists_own_style_inside_an_item():
    # synthetic (the false TA111/TA113 was reported on a record outside the tune data): "(1) … (4)"
    # inside item "(7)" restarts at 1, so it is that item's enumeration, not the list's numbering
    text = (
        "Exclusion Criteria:\n(1) Pregnancy\n(2) Infection\n(3) HIV\n(4) Hepatitis\n(5) Heart failure\n(6) Stroke\n"
        "(7) Any of these conditions: (1) cirrhosis; (2) dialysis; (3) transplant; (4) sepsis\n(8) Allergy"
    )
    top = parse_criteria(text).sections[0].items
    assert [i.marker for i in top] == [f"({k})" for k in range(1, 9)]
    assert [c.marker for c in top[6].children] == ["(1)", "(2)", "(3)", "(4)"]
    assert not (_codes(text) & Counter(NUMBERING | {"TA121"}))
    variant = "Inclusion Criteria:\n1) Age 18\n2) Consent\n3) One of: 1) HbA1c above 7% 2) fasting glucose above 126\n4) BMI below 40"
    assert not (_codes(variant) & Counter(NUMBERING))


def test_lower_case_items_numbered_in_sequence_are_items():
    # synthetic: "(1) cirrhosis\n(2) dialysis" is a list, not a wrapped line starting with "(2)"
    text = "Exclusion Criteria:\n1. Stroke\n2. Any of these:\n(1) cirrhosis\n(2) dialysis\n(3) transplant\n3. Allergy"
    top = parse_criteria(text).sections[0].items
    assert [c.marker for c in top[1].children] == ["(1)", "(2)", "(3)"]
    assert [i.marker for i in top] == ["1.", "2.", "3."]


def test_lettered_list_on_one_line():
    # ctgov-v2-bulk clinical_trial_matchers NCT06816836
    real = (
        "Exclusion Criteria:\n\nA. Refusal of consent B. Patients with psychiatric illnesses who are unable to follow "
        "instructions. C. Patients below the age of 50 years. D. Patients with known neuromuscular disorders."
    )
    assert [m for m, _, _ in _markers(real, True)] == ["A.", "B.", "C.", "D."]
    assert _codes(real, True)["TA121"] == 1
    variant = "Inclusion Criteria:\na) Age 18 or older b) Signed consent c) ECOG 0-1\n\nExclusion Criteria:\na) Pregnancy"
    assert [m for m, _, _ in _markers(variant)] == ["a)", "b)", "c)", "a)"]


def test_options_joined_by_or_or_in_parentheses_are_not_run_on_items():
    # criteria-corpus phase_I_test NCT02176486: alternatives of one criterion joined by "OR"
    real = "Inclusion Criteria:\n\n  a) A UPCR* of >=1.0 at Screening OR b) A UPCR* >0.5 at Screening and at least one of the following"
    assert [m for m, _, _ in _markers(real)] == ["a)"]
    # ctgov-xml-bulk NCT00002880: "(IWF H)" is a classification in parentheses, not an item "H)"
    paren = "Inclusion Criteria:\nG) Large cell, immunoblastic (IWF H) Recurrent or refractory disease treated"
    assert [m for m, _, _ in _markers(paren)] == ["G)"]
    variant = "Exclusion Criteria:\n1) Prior surgery, 2) Prior radiotherapy and 3) Prior chemotherapy\n2) Pregnancy"
    assert [m for m, _, _ in _markers(variant)] == ["1)", "2)"]


# --- a header run into the end of the criterion before it (TA103) -------------------------------


def test_header_run_into_the_end_of_the_item_before_it():
    # ctgov-xml NCT01620528
    real = (
        "Inclusion Criteria:\n5. Subjects must have at least two menstrual cycles 24 to 38 days within the Screening\n"
        "Period, prior to Day 1 Exclusion Criteria: 1. Subject is pregnant or breast feeding"
    )
    assert [s.kind for s in parse_criteria(real).sections] == ["inclusion", "exclusion"]
    assert _codes(real)["TA103"] >= 1
    variant = (
        "Inclusion Criteria:\n\n* Age 18 or older\n* Able to attend all visits during the first 8 weeks Exclusion Criteria:\n\n* Pregnancy"
    )
    assert _codes(variant, True)["TA103"] == 1


def test_qualified_headers_and_references_are_not_a_header_after_an_item():
    # criteria-corpus phase_III_test NCT02144077: "Main Exclusion Criteria:" is one header
    real = (
        "Main Inclusion Criteria:\n\n  -  Age 18 or older\n\n        Main Exclusion Criteria:\n\n  -  History of hypersensitivity to 5-ALA"
    )
    assert not _codes(real)["TA103"]
    for text in (
        "Inclusion Criteria:\n- Age 18\n- Healthy Volunteer Exclusion Criteria:\n- Pregnancy",
        "Inclusion Criteria:\n- Age 18\nExclusion Criteria:\n- Drugs other than those listed in the Inclusion Criteria:\n- HIV",
    ):
        assert not _codes(text)["TA103"], text


# --- bullets run together, a run-on marker after a sentence end -----------------------------------


def test_bullets_run_together_on_one_line():
    # synthetic (the v2 bullet "*" of the line's own list, run into its text)
    text = "Inclusion Criteria:\n\n* Age ≥18 years * Fluency in English\n* Consent\n\nExclusion Criteria:\n\n* Pregnancy"
    assert [m for m, _, _ in _markers(text, True)] == ["*", "*", "*", "*"]
    assert _codes(text, True)["TA121"] == 1
    # a "*" inside a formula or between numbers is not a bullet
    formula = "Inclusion Criteria:\n\n* BMI = weight (kg) * 100 / height\n* Dose 2 * 5 mg\n\nExclusion Criteria:\n\n* Pregnancy"
    assert not _codes(formula, True)["TA121"]


def test_run_on_marker_after_a_sentence_end_may_precede_a_symbol():
    # synthetic: "...; 3. ≥10% body surface area" (the next criterion starts with a comparison)
    text = "Inclusion Criteria:\n1. Age 18\n2. IGA score ≥3 at the screening and baseline visits; 3. ≥10% body surface area\n4. Consent"
    assert [m for m, _, _ in _markers(text)] == ["1.", "2.", "3.", "4."]
    assert _codes(text)["TA121"] == 1
    # without the sentence end, "at visit 2. ≥10%" is not split
    plain = "Inclusion Criteria:\n1. Age 18\n2. Score at visit 3. ≥10% body surface area\n4. Consent"
    assert "3." not in [m for m, _, _ in _markers(plain)]


def test_bullets_run_together_after_a_sentence_end():
    # criteria-corpus phase_III_test NCT02369874 (legacy text flattened onto one line)
    real = "Inclusion Criteria: - Age ≥18 years; - Written informed consent obtained from the patient"
    assert [m for m, _, _ in _markers(real)] == ["-", "-"]
    assert _codes(real)["TA121"] == 1
    variant = "Exclusion Criteria:\n\n* the presence of chronic kidney disease; * the presence of heart failure\n* Pregnancy"
    assert [m for m, _, _ in _markers(variant, True)] == ["*", "*", "*"]
    # a dash inside a sentence stays a dash
    dash = "Exclusion Criteria:\n- Stage III - IV disease\n- Pregnancy"
    assert [m for m, _, _ in _markers(dash)] == ["-", "-"]


def test_header_without_colon_run_into_a_bullet():
    # synthetic: "Inclusion Criteria * Self-identified ..." (a "*" bullet cannot be the header's dash)
    text = "Inclusion Criteria * Self-identified primary caregiver\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy"
    assert parse_criteria(text, True).sections[0].kind == "inclusion"
    assert _codes(text, True)["TA103"] == 1


# --- the header forms registrants use, run into the end of an item (TA103) ----------------------


def test_header_forms_run_into_the_end_of_an_item():
    # one pattern family: a qualifier, "exclusion/ineligibility criteria", "criteria for exclusion",
    # a bare "Exclusions:", any case, after a period or without one, Markdown bold or an escaped colon
    for header in (
        "Exclusion Criteria:",
        "EXCLUSION CRITERIA:",
        "Key Exclusion Criteria:",
        "Main exclusion criteria:",
        "Exclusions:",
        "Criteria for exclusion:",
        "Ineligibility criteria:",
        "**Exclusion Criteria:**",
        "Exclusion Criteria\\:",
    ):
        for joint in (" ", ". "):
            text = f"Inclusion Criteria:\n\n* Age 18 or older\n* Stable dose for 8 weeks{joint}{header}\n\n* Pregnancy\n* Dementia"
            doc = parse_criteria(text, True)
            assert [s.kind for s in doc.sections] == ["inclusion", "exclusion"], text
            assert _codes(text, True)["TA103"] == 1, text


def test_header_words_inside_a_sentence_are_not_a_header_after_an_item():
    # a lead-in or a reference to the criteria in a sentence stays text
    for text in (
        "Inclusion Criteria:\n- Age 18\n- Patients who meet the criteria for exclusion: see below\nExclusion Criteria:\n- Pregnancy",
        "Inclusion Criteria:\n- Age 18\n- no prior exclusions: none\nExclusion Criteria:\n- Pregnancy",
        "Inclusion Criteria:\n- Age 18\n- Subject is eligible per the non-exclusion criteria: yes\nExclusion Criteria:\n- Pregnancy",
    ):
        assert not _codes(text)["TA103"], text


# --- a bullet of another kind run into a bulleted line after a sentence end (TA121) -------------


def test_bullet_of_another_kind_after_a_sentence_end_is_a_run_on_item():
    for line in ("- HLA A2+; * HIV negativity.", "- BMI 25-40 kg/m2. • Colonoscopy within 3 years"):
        text = f"Inclusion Criteria:\n- Age 18 or older\n{line}\n- Signed consent\nExclusion Criteria:\n- Pregnancy"
        assert _codes(text)["TA121"] == 1, text
    text = "Inclusion Criteria:\n* Age 18 or older\n* BMI 25-40 kg/m2; - Colonoscopy within 3 years\n* Signed consent"
    assert [m for m, _, _ in _markers(text)] == ["*", "*", "-", "*"]


def test_dash_before_a_lower_case_word_or_without_a_sentence_end_is_not_an_item():
    # a dash inside a criterion ("function - Creatinine", "function. - see protocol") stays text
    for line in ("* Adequate organ function - Creatinine normal", "* Adequate organ function. - see protocol"):
        text = f"Inclusion Criteria:\n* Age 18 or older\n{line}\n* Signed consent\nExclusion Criteria:\n* Pregnancy"
        assert not _codes(text)["TA121"], text


def test_bullet_of_another_kind_after_a_sentence_end_real():
    # ctgov-v2-bulk graph_bigquery.ndjson NCT05086315 (tune part): a "-" criterion run into a "*" bullet
    real = (
        "Exclusion Criteria:\n"
        "* Concurrent treatment with other investigational drugs.\n"
        "* Prophylactic use of hematopoietic growth factors (eg, granulocyte-colony stimulating factor (G-CSF)) during the DLT "
        "observation period in the Dose Escalation Part only. - Individuals accommodated in an institution because of "
        "regulatory or legal order; prisoners or participants who are legally institutionalized.\n"
        "* Pregnant and breast-feeding women."
    )
    assert _codes(real, True)["TA121"] == 1
    assert [m for m, _, _ in _markers(real, True)] == ["*", "*", "-", "*"]


def test_escaped_colon_header_at_a_line_start_runs_into_the_first_item():
    # v2 Markdown escapes a colon ("Exclusion Criteria\:"); the header is the same header
    text = "Inclusion Criteria:\n- Age 18 or older\n- Signed consent\nExclusion Criteria\\: - Pregnancy\n- Dementia\n- Cancer"
    assert [s.kind for s in parse_criteria(text, True).sections] == ["inclusion", "exclusion"]
    assert _codes(text, True)["TA103"] == 1
    # a lead-in under its own header is still no merged header
    lead = "Inclusion Criteria:\n- Age 18\nExclusion Criteria\\:\nPatients will be excluded if they meet any of the following:\n- Pregnancy\n- Dementia"
    assert not _codes(lead, True)["TA103"]


def test_bare_exclusions_header_after_words_on_its_line_real():
    # ctgov-xml-bulk enrollment_and_studylength.zip NCT00001350 (tune part): "STUDY EXCLUSIONS:" opens the
    # exclusion section (it was read as text, and TA101 then took the record for one without sections)
    real = (
        "-  III.I. INITIAL EVALUATION INCLUSION CRITERIA FOR PATIENTS:\n\n"
        "   In order to be eligible, participants must have a known or suspected disorder.\n\n"
        "III.VI. STUDY EXCLUSIONS:\n\n   An individual who is unable to give consent."
    )
    assert "exclusion" in [s.kind for s in parse_criteria(real).sections]
    assert not _codes(real)["TA101"]
    # the word in a sentence stays text
    assert "exclusion" not in [s.kind for s in parse_criteria("Inclusion Criteria:\n- Age 18\n- no prior exclusions: none").sections]
