"""The eligibility-criteria parser (trial_audit.text.criteria): structure on small texts, and never failing on real text."""

import time

import pytest

from trial_audit.text.criteria import CriteriaDoc, doc_for, format_marker, parse_criteria


def _flat(doc):
    return [(it.level, it.marker, it.style, it.number, it.text) for it in doc.items()]


def _offsets_ok(doc: CriteriaDoc):
    t = doc.text
    for s in doc.sections:
        assert 0 <= s.start <= s.end <= len(t)
        if s.header is not None:
            assert t[s.header_start : s.header_end] == s.header
        for it in s.iter_items():
            assert it.section is s
            assert 0 <= it.start <= it.text_start <= it.text_end <= it.end <= len(t)
            assert t[it.text_start : it.text_end] == it.text
            if it.marker:
                assert t[it.start : it.start + len(it.marker)] == it.marker
            for c in it.children:
                assert c.level == it.level + 1 and c.parent is it


@pytest.mark.parametrize("value", ["", "   \n\n ", None, 42, "-", "1.", "(", "•", "\\*", "Inclusion Criteria:"])
def test_never_fails_on_odd_input(value):
    doc = parse_criteria(value)
    assert isinstance(doc, CriteriaDoc)
    _offsets_ok(doc)


@pytest.mark.parametrize(
    "header,kind",
    [
        ("Inclusion Criteria:", "inclusion"),
        ("INCLUSION CRITERIA", "inclusion"),
        ("Key inclusion criteria", "inclusion"),
        ("Key Exclusion Criteria:", "exclusion"),
        ("- Exclusion criteria:", "exclusion"),
        ("• Exclusion criteria:", "exclusion"),
        ("Inclusion criteria for Part A:", "inclusion"),
        ("Non-inclusion criteria:", "exclusion"),
        ("**Exclusion Criteria:**", "exclusion"),
        ("Exclusion:", "exclusion"),
        ("Criteria for inclusion:", "inclusion"),
    ],
)
def test_header_spellings(header, kind):
    doc = parse_criteria(f"{header}\n1. Age 18 or older\n2. Signed consent")
    kinds = [s.kind for s in doc.sections]
    assert kind in kinds
    sec = next(s for s in doc.sections if s.kind == kind)
    assert len(sec.items) == 2 and not sec.merged_header
    _offsets_ok(doc)


def test_sentence_mentioning_criteria_is_not_a_header():
    doc = parse_criteria(
        "Inclusion Criteria:\n- Meets all inclusion criteria of study X\n- Exclusion criteria of the parent study do not apply"
    )
    assert [s.kind for s in doc.sections] == ["inclusion"]
    assert len(doc.sections[0].items) == 2


def test_header_merged_into_first_item():
    text = "  • inclusion criteria (2) Expected survival time ≥3 months; (3) Subjects with disease\n  • (4) Signed consent"
    doc = parse_criteria(text)
    (sec,) = doc.sections
    assert sec.kind == "inclusion" and sec.merged_header and sec.header == "inclusion criteria"
    assert [(i.marker, i.number, i.inline) for i in sec.items] == [("(2)", 2, False), ("(3)", 3, True), ("(4)", 4, False)]
    assert sec.items[0].text == "Expected survival time ≥3 months;"
    _offsets_ok(doc)


@pytest.mark.parametrize(
    "marker,style,number",
    [
        ("1.", "1.", 1),
        ("12)", "1)", 12),
        ("(3)", "(1)", 3),
        ("b.", "a.", 2),
        ("(c)", "(a)", 3),
        ("iv.", "i.", 4),
        ("(ii)", "(i)", 2),
        ("-", "-", None),
        ("*", "*", None),
        ("•", "•", None),
    ],
)
def test_marker_styles(marker, style, number):
    doc = parse_criteria(f"Inclusion Criteria:\n{marker} Age 18 or older")
    (it,) = list(doc.items())
    assert (it.marker, it.style, it.number, it.text) == (marker, style, number, "Age 18 or older")


def test_roman_i_versus_letter_i():
    doc = parse_criteria("1. Organ function:\n   h. ANC\n   i. Platelets\n2. Consent\n   i. first\n   ii. second")
    subs = [(c.marker, c.style, c.number) for it in doc.sections[0].items for c in it.children]
    assert ("i.", "a.", 9) in subs and ("i.", "i.", 1) in subs and ("ii.", "i.", 2) in subs


def test_numbers_in_text_are_not_markers():
    text = "Inclusion Criteria:\n1. Creatinine ≤ 1.5 x ULN\n2. Dose of 2.5 mg/kg, e.g. twice\n3. As defined in section 2. of the protocol"
    doc = parse_criteria(text)
    assert [i.marker for i in doc.items()] == ["1.", "2.", "3."]


def test_xml_hard_wrapped_items_and_nesting():
    text = (
        "Inclusion Criteria:\n\n"
        "  1. Histologic diagnosis of GIST that has progressed on imatinib, sunitinib and\n"
        "     regorafenib.\n\n"
        "  2. Adequate organ function as follows:\n\n"
        "       -  ANC ≥ 1500/mm3\n\n"
        "       -  Platelets ≥ 100,000/mm3 with no transfusion in the 7 days\n"
        "          before screening\n\n"
        "  3. Signed consent\n\n"
        "Exclusion Criteria:\n\n"
        "  -  Pregnancy\n"
    )
    doc = parse_criteria(text)
    inc, exc = doc.sections
    assert [i.marker for i in inc.items] == ["1.", "2.", "3."]
    assert inc.items[0].text.endswith("imatinib, sunitinib and\n     regorafenib.")
    assert [c.marker for c in inc.items[1].children] == ["-", "-"]
    assert inc.items[1].children[1].text.endswith("before screening")
    assert [i.text for i in exc.items] == ["Pregnancy"]
    _offsets_ok(doc)


def test_wrapped_line_starting_like_a_marker_continues_the_item():
    # real pattern (NCT02737722): "... within the last seven\n     (7) days"
    text = "Exclusion Criteria:\n\n  1. Antibiotics within the last seven\n     (7) days\n\n  2. Pregnancy\n"
    doc = parse_criteria(text)
    assert [i.marker for i in doc.items()] == ["1.", "2."]
    assert doc.sections[0].items[0].text.endswith("(7) days")


def test_markdown_v2_lists_and_escapes():
    text = (
        "Inclusion Criteria:\n\n* Age \\>18 years\n* One of the following:\n\n  * Bone marrow\n  * Cord blood\n"
        "* Radiotherapy\n\n  \\* may be waived\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Infection"
    )
    doc = parse_criteria(text, markdown=True)
    inc, exc = doc.sections
    assert [i.text for i in inc.items] == ["Age \\>18 years", "One of the following:", "Radiotherapy"]
    assert [c.text for c in inc.items[1].children] == ["Bone marrow", "Cord blood"]
    # an escaped bullet ("\\* " then text) is a marker: the note is a sub-item of "Radiotherapy"
    assert [(c.marker, c.text) for c in inc.items[2].children] == [("\\*", "may be waived")]
    assert [(i.marker, i.number) for i in exc.items] == [("1.", 1), ("2.", 2)]
    _offsets_ok(doc)


def test_sublist_by_style_at_one_indentation():
    text = "• (1) Age\n• (2) Organ function meets the following:\n• Creatinine ok; (2) ECG ok\n• Oxygen ok\n• (3) Consent"
    doc = parse_criteria(text)
    top = doc.sections[0].items
    assert [i.marker for i in top] == ["(1)", "(2)", "(3)"]
    assert [(c.marker, c.inline) for c in top[1].children] == [("•", False), ("(2)", True), ("•", False)]


def test_inline_enumeration_inside_an_item_is_children():
    doc = parse_criteria("1. Organ function: (1) ANC ok; (2) platelets ok\n2. Consent")
    top = doc.sections[0].items
    assert [i.marker for i in top] == ["1.", "2."]
    assert [c.marker for c in top[0].children] == ["(1)", "(2)"]


def test_labels_between_lists():
    doc = parse_criteria("Inclusion Criteria:\nPart A:\n1. Age\n2. Consent\nPart B:\n1. ECOG 0-1")
    labels = [i for i in doc.items() if i.is_label]
    assert [l.text for l in labels] == ["Part A:", "Part B:"]
    assert all(i.section.kind == "inclusion" for i in doc.items())


def test_format_marker():
    assert format_marker("(1)", 3) == "(3)" and format_marker("a.", 2) == "b." and format_marker("(i)", 4) == "(iv)"
    assert format_marker("a)", 3, upper=True) == "C)"


def test_doc_for_is_cached():
    assert doc_for("1. a\n2. b") is doc_for("1. a\n2. b")


def test_rules_share_one_parse_per_record():
    """``doc_of(record)`` keeps the parse with the record: the rules of a record share it, another
    record (or a record whose criteria changed) is parsed on its own."""
    from trial_audit.core.model import Source, TrialRecord
    from trial_audit.text.criteria_lists import doc_of

    text = "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent"
    rec = TrialRecord(source=Source(path="x.json", format="v2"), criteria=text)
    other = TrialRecord(source=Source(path="y.json", format="v2"), criteria=text)
    assert doc_of(rec) is doc_of(rec)
    assert doc_of(other) is not doc_of(rec)
    rec.criteria = text + "\n3. ECOG 0-1"
    assert len(list(doc_of(rec).items())) == 3


def test_parser_never_fails_on_all_real_texts(shared_data):
    """Every criteria text in the shared real data (~5,600 texts) parses, with consistent offsets, fast."""
    import textwrap

    from benchmarks.criteria_texts import iter_texts

    n = 0
    # CPU time of this process: on the shared machine wall time measures the other jobs' load
    t0 = time.process_time()
    for corpus, rid, text, md in iter_texts(shared_data):
        for variant in (text, textwrap.dedent(text)) if corpus == "criteria-corpus" and n % 10 == 0 else (text,):
            doc = parse_criteria(variant, md)
            if n % 25 == 0:
                _offsets_ok(doc)
        n += 1
    elapsed = time.process_time() - t0
    assert n > 5000
    assert elapsed < 30, f"parsing {n} texts took {elapsed:.1f} s of CPU"
