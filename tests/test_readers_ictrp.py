"""The WHO ICTRP readers (issue 23): XML export, CSV and XLSX downloads.

Small real samples (tests/data/registries, see SOURCES.md) always run; the whole shared folders
are counted when they are present.
"""

from pathlib import Path

import pytest

from trial_audit.core.model import Source, TrialRecord
from trial_audit.readers import iter_records, read_bytes
from trial_audit.readers.base import Unreadable
from trial_audit.readers.ictrp_values import (
    build_criteria,
    parse_ictrp_age,
    parse_ictrp_date,
    parse_phases,
    parse_sex,
    parse_target_size,
    source_offset,
)

DATA = Path(__file__).parent / "data" / "registries"


def _read(path):
    return list(iter_records([path]))


def _by_id(items):
    return {r.id: r for r in items if isinstance(r, TrialRecord)}


# --- XML ---------------------------------------------------------------------------------------


def test_xml_sample_every_trial_is_a_record_under_its_own_id():
    items = _read(DATA / "ictrp_sample.xml")
    assert [type(i).__name__ for i in items] == ["TrialRecord"] * 4
    recs = _by_id(items)
    assert set(recs) == {"ChiCTR2000029953", "NCT00523276", "ChiCTR2000030168", "NCT04293887"}
    chi = recs["ChiCTR2000029953"]
    assert chi.source.format == "ictrp-xml" and chi.registry == "ChiCTR" and chi.registry_id == "ChiCTR2000029953"
    assert chi.nct_id is None and chi.source.index == 0
    nct = recs["NCT00523276"]
    assert nct.registry == "ClinicalTrials.gov" and nct.nct_id == "NCT00523276"
    assert nct.provenance["registry_id"] == "xml:TrialID"


def test_xml_values_of_a_chictr_trial():
    # ChiCTR2000029953: Target_size "survival group:200;died:200;", blank ages, status "Not Recruiting"
    rec = _by_id(_read(DATA / "ictrp_sample.xml"))["ChiCTR2000029953"]
    assert rec.enrollment == 400 and rec.extra["target_size_raw"] == "survival group:200;died:200;"
    assert rec.minimum_age_raw is None and rec.maximum_age_raw is None
    assert rec.overall_status is None and rec.extra["recruitment_status"] == "Not Recruiting"
    assert "overall_status" not in rec.extra["carries"]  # present in words no canonical status fits: not "missing"
    assert rec.study_type == "OBSERVATIONAL" and rec.sex == "ALL"
    assert rec.dates["first_submitted"].iso() == "2020-02-17" and rec.dates["start"].iso() == "2020-02-01"
    assert rec.as_of.iso() == "2020-03-18"  # Export_date "3/18/2020 6:53:35 PM"
    assert rec.official_title.endswith("(COVID-19)")  # the export pads Scientific_title with spaces
    assert rec.central_contacts[0].email == "doctoryanzhao@whu.edu.cn"


def test_xml_criteria_sections_with_headers_and_offsets_back_to_the_fields():
    rec = _by_id(_read(DATA / "ictrp_sample.xml"))["ChiCTR2000029953"]
    text = rec.criteria
    assert text.startswith("Inclusion Criteria:\n2019-nCoV-infected pneumonia")
    assert "\n\nExclusion Criteria:\nPatients diagnosed with pneumonia of age <15 years" in text
    assert rec.provenance["criteria.inclusion"] == "xml:Inclusion_Criteria"
    assert rec.provenance["criteria.exclusion"] == "xml:Exclusion_Criteria"
    # "Patients" of the exclusion text is at offset 20 of the source field ("Exclusion criteria: " dropped)
    at = text.index("Patients diagnosed")
    assert source_offset(rec.extra["criteria_segments"], at) == ("xml:Exclusion_Criteria", 20)
    assert source_offset(rec.extra["criteria_segments"], 0) is None  # the header the reader wrote


def test_xml_ctgov_trial_keeps_its_own_headers_and_br_breaks():
    # NCT00523276: "\n<br>        Inclusion Criteria:\n<br>\n<br>          1. An adult (>= 18 years of age) ..."
    rec = _by_id(_read(DATA / "ictrp_sample.xml"))["NCT00523276"]
    assert rec.criteria.startswith("Inclusion Criteria:\n\nSevere Acute Respiratory Syndrome (SARS) Survivors and Controls:")
    assert "<br>" not in rec.criteria and "\r" not in rec.criteria
    assert rec.minimum_age_raw == "4 Years" and rec.minimum_age.years == 4
    assert rec.maximum_age_raw == "N/A" and rec.maximum_age is None
    assert rec.dates["first_submitted"].iso() == "2007-08-30"  # "30/08/2007", settled by Date_registration3
    assert rec.dates["start"].iso() == "1996-01"  # "January 1996"


def test_xml_unreadable_age_is_kept_as_written():
    # ChiCTR2000030168: Inclusion_agemax "??" (characters lost in the export)
    rec = _by_id(_read(DATA / "ictrp_sample.xml"))["ChiCTR2000030168"]
    assert rec.maximum_age_raw == "??" and rec.maximum_age is None


def test_xml_trial_without_id_and_broken_file(tmp_path):
    f = tmp_path / "export.xml"
    f.write_bytes(
        b"<?xml version='1.0' encoding='UTF-8' ?><Trials_downloaded_from_ICTRP>\n"
        b"<Trial><TrialID>ChiCTR2000029953</TrialID><Public_title>A</Public_title></Trial>\n"
        b"<Trial><Public_title>B</Public_title></Trial>\n"
        b"<Trial><TrialID>ChiCTR2000029954</TrialID><Public_title>C</Trial>\n"
    )
    items = _read(f)
    assert isinstance(items[0], TrialRecord) and items[0].id == "ChiCTR2000029953"
    assert isinstance(items[1], Unreadable) and "has no <TrialID>" in items[1].reason and items[1].source.index == 1
    assert isinstance(items[2], Unreadable) and items[2].reason.startswith("invalid XML after 2 trials") and items[2].line == 4


def test_xml_entities_are_refused(tmp_path):
    f = tmp_path / "bomb.xml"
    f.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><Trials_downloaded_from_ICTRP>'
        b"<Trial><TrialID>&a;</TrialID></Trial></Trials_downloaded_from_ICTRP>"
    )
    items = _read(f)
    assert len(items) == 1 and isinstance(items[0], Unreadable) and "refused for safety" in items[0].reason


def test_xml_from_bytes_of_an_archive_member():
    data = (DATA / "ictrp_sample.xml").read_bytes()
    items = list(read_bytes(data, Source("a.zip", "", "ictrp.xml"), "ictrp.xml"))
    assert len(items) == 4 and all(i.source.member == "ictrp.xml" for i in items)


# --- CSV and XLSX ------------------------------------------------------------------------------


def test_csv_sample_rows_from_seven_registries():
    items = _read(DATA / "ictrp_sample.csv")
    recs = _by_id(items)
    assert len(items) == len(recs) == 7
    assert {r.registry for r in recs.values()} == {"EUCTR", "ANZCTR", "ClinicalTrials.gov", "ChiCTR", "DRKS", "NTR"}
    assert all(r.source.format == "ictrp-csv" for r in recs.values())
    eu = recs["EUCTR2020-000890-25-FR"]
    lines = (DATA / "ictrp_sample.csv").read_bytes().decode("utf-8").split("\n")  # lines end at \n (cells hold lone \r)
    assert lines[eu.source.line - 1].startswith('"EUCTR2020-000890-25-FR"') and eu.provenance["registry"] == "csv:Source Register"
    assert eu.as_of.iso() == "2020-04-15"  # Export date "4/15/2020 4:11:24 PM" (month first)


def test_csv_slashed_date_is_read_by_the_exports_day_first_convention():
    # ACTRN12620000421932: Date enrollement "05/03/2020" is 5 March 2020 (the export writes dd/mm/yyyy)
    rec = _by_id(_read(DATA / "ictrp_sample.csv"))["ACTRN12620000421932"]
    assert rec.dates["start"].iso() == "2020-03-05" and "start" not in rec.unparsed_dates
    # its registration date "30/03/2020" is not ambiguous (30 is no month)
    assert rec.dates["first_submitted"].iso() == "2020-03-30"


def test_csv_ages_in_registry_words():
    recs = _by_id(_read(DATA / "ictrp_sample.csv"))
    assert recs["DRKS00021134"].maximum_age_raw == "no maximum age" and recs["DRKS00021134"].maximum_age is None
    assert recs["ChiCTR2000031465"].minimum_age_raw == "/" and recs["ChiCTR2000031465"].minimum_age is None


def test_xlsx_sample_rows_with_typed_cells():
    items = _read(DATA / "ictrp_sample.xlsx")
    recs = _by_id(items)
    assert len(items) == len(recs) == 7
    assert all(r.source.format == "ictrp-xlsx" for r in recs.values())
    ctri = recs["CTRI/2020/03/024402"]
    assert ctri.registry == "CTRI" and ctri.provenance["registry_id"] == "xlsx:TrialID"
    assert ctri.dates["first_submitted"].precision.value == "day"  # a datetime cell
    assert "_x000D_" not in (recs["ChiCTR2000029953"].criteria or "")
    # RBR-3k4wxb: Inclusion agemax 0 (ReBEC's "no limit"), agemin "18Y"
    rbr = recs["RBR-3k4wxb"]
    assert rbr.minimum_age.years == 18 and rbr.maximum_age_raw is None and rbr.extra["age_zero_for_none"] == "0"


def test_xlsx_export_stamp_later_refresh_wins():
    # KCT0005105: Export date 2020-06-07 (day and month swapped in the download: file of 7 July 2020),
    # registered 2020-06-10: the record's refresh date is the file's reference date
    rec = _by_id(_read(DATA / "ictrp_sample.xlsx"))["KCT0005105"]
    assert rec.as_of.iso() > "2020-06-10" and "refresh date" in rec.extra["as_of_source"]


# --- value parsers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,years",
    [("18 Years", 18), ("18", 18), (">= 20age old", 20), ("18Y", 18), ("19 Year(s)", 19), ("18(Year)", 18), ("20years-old", 20),
     ("65 years.", 65), ("18 years old", 18), ("6 Months", 0.5)],
)  # fmt: skip
def test_ictrp_ages(raw, years):
    age = parse_ictrp_age(raw)
    assert age.age is not None and abs(age.age.years - years) < 0.01 and age.raw == raw


@pytest.mark.parametrize("raw", ["No limit", "no limit", "N/A", "Not applicable", "no maximum age", "0 N/A (No limit)", "None"])
def test_ictrp_no_limit(raw):
    age = parse_ictrp_age(raw)
    assert age.no_limit and age.age is None and not age.unreadable


@pytest.mark.parametrize("raw", ["??", "/", "ND", "Years", "Days", "18 to 65"])
def test_ictrp_unreadable_ages(raw):
    assert parse_ictrp_age(raw).unreadable


def test_ictrp_dates():
    assert parse_ictrp_date("27/02/2020").date.iso() == "2020-02-27"
    assert parse_ictrp_date("06/04/2020").date.iso() == "2020-04-06"  # day first, the export's convention
    assert parse_ictrp_date("06/04/2020", "20200406").date.iso() == "2020-04-06"
    assert "contradicts" in parse_ictrp_date("06/04/2020", "20200604").problem
    assert parse_ictrp_date("04/04/2020").date.iso() == "2020-04-04"  # both ways the same day
    assert "no month 13" in parse_ictrp_date("02/13/2020").problem  # impossible under ICTRP's day-first
    assert parse_ictrp_date("January 1996").date.iso() == "1996-01"
    assert parse_ictrp_date("April 1, 2020").date.iso() == "2020-04-01"
    assert parse_ictrp_date("20200217").date.iso() == "2020-02-17"
    assert parse_ictrp_date("31/02/2020").date is None
    assert parse_ictrp_date("  ") is None


def test_ictrp_enumerations():
    assert parse_sex("<br>Female: yes<br>Male: yes<br>") == "ALL" and parse_sex("<br>Female: yes<br>Male: no<br>") == "FEMALE"
    assert parse_sex("Both males and females") == "ALL" and parse_sex("Both") == "ALL" and parse_sex("Unknown") is None
    eu = "Human pharmacology (Phase I): no\nTherapeutic exploratory (Phase II): yes\nTherapeutic confirmatory - (Phase III): yes"
    assert parse_phases(eu) == ["PHASE2", "PHASE3"]
    assert parse_phases("Phase 2/Phase 3") == ["PHASE2", "PHASE3"] and parse_phases("N/A") == ["NA"]
    assert parse_phases("0") is None and parse_phases("Retrospective study") is None
    assert parse_target_size("Experimental group:30;Control group:30;") == 60 and parse_target_size("1,000") == 1000
    assert parse_target_size("see protocol") is None


def test_criteria_of_ctgov_record_in_one_field_is_not_given_a_second_exclusion_header():
    crit = build_criteria(
        "\r<br>        Inclusion Criteria:\r<br>\r<br>        A\r<br>\r<br>        Exclusion Criteria:\r<br>\r<br>        B\r<br>      ",
        "",
        "csv:I",
        "csv:E",
    )
    assert crit.text == "Inclusion Criteria:\n\nA\n\nExclusion Criteria:\n\nB"
    assert list(crit.sections) == ["inclusion"]


# --- the shared data ---------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["ictrp-xml", "ictrp-csv", "ictrp-xlsx"])
def test_every_trial_of_the_shared_ictrp_files_is_read(shared_data, folder):
    items = _read(shared_data / folder)
    recs = [i for i in items if isinstance(i, TrialRecord)]
    assert len(items) == len(recs) == 300  # PROVENANCE.tsv: 300 trials per file
    assert len({r.registry_id for r in recs}) == 300
    assert all(r.registry is not None and r.id == r.registry_id for r in recs)
    assert all(r.source.format == folder for r in recs)


# --- false-positive classes found by hand-checking findings on the ICTRP exports (issue 23) ----


def test_contacts_ictrp_leaves_out_are_not_demanded():
    # ACTRN12620000421932 (ictrp-csv): Recruiting, every contact field blank - ICTRP's downloads carry no
    # ANZCTR contacts (33 of 33 rows), so TA503/TA602 must not report the registry record as without one
    from trial_audit.checks.ta503_recruiting_without_contact import RecruitingWithoutContact
    from trial_audit.checks.ta602_missing_who_item import MissingWhoItem
    from trial_audit.engine.registry import Context

    rec = _by_id(_read(DATA / "ictrp_sample.csv"))["ACTRN12620000421932"]
    assert rec.overall_status == "RECRUITING" and not rec.central_contacts
    assert "contacts" not in rec.extra["carries"]
    assert list(RecruitingWithoutContact().check(rec, Context())) == []
    assert [f for f in MissingWhoItem().check(rec, Context()) if f.field == "central_contacts"] == []
    # a ChiCTR row with its contacts still carries them
    assert "contacts" in _by_id(_read(DATA / "ictrp_sample.csv"))["ChiCTR2000029822"].extra["carries"]


def test_clinicaltrials_gov_field_limits_are_not_applied_to_other_registries():
    # DRKS00003600 (ictrp-xlsx): a 310-character public title; 300 is ClinicalTrials.gov's limit, not DRKS's
    from trial_audit.checks.ta706_text_over_field_limit import TextOverFieldLimit
    from trial_audit.core.model import record_from_example
    from trial_audit.engine.registry import Context

    title = "A" * 310
    assert list(TextOverFieldLimit().check(record_from_example({"brief_title": title, "registry": "DRKS"}), Context())) == []
    assert list(TextOverFieldLimit().check(record_from_example({"brief_title": title, "registry": "ClinicalTrials.gov"}), Context()))


def test_list_items_are_not_cut_inside_brackets_or_entities():
    # ACTRN12620000674932 (ictrp-xlsx) primary outcomes and ISRCTN40092247 interventions were cut at a ";"
    # inside brackets, leaving "]" or "(names, addresses ..." as items that TA705 reported as unbalanced
    from trial_audit.readers.ictrp_values import split_list

    assert split_list("Blood tests (CRP; ferritin; D-dimer); Chest CT") == ["Blood tests (CRP; ferritin; D-dimer)", "Chest CT"]
    assert split_list("Index test:Diagnosis&#32;model&#32;(AI);Gold standard:PCR;") == [
        "Index test:Diagnosis&#32;model&#32;(AI)",
        "Gold standard:PCR",
    ]
    assert split_list("COVID-19 (SARS-CoV-2 infection) <br>Infections and Infestations") == [
        "COVID-19 (SARS-CoV-2 infection)",
        "Infections and Infestations",
    ]
    assert split_list("Score [0-10\n<br>scale]; Other") == ["Score [0-10 scale]", "Other"]


def test_no_intervention_in_words_is_not_an_intervention_named_so():
    # NL8473 (ictrp-csv, observational): Intervention "Not applicable" - TA704 reported it as a placeholder
    # standing for an intervention's name; it is the registry's "none", kept as declared absent
    rec = _by_id(_read(DATA / "ictrp_sample.csv"))["NL8473"]
    assert rec.interventions == [] and rec.declared_absent["interventions"] == "Not applicable"
    assert rec.study_type == "OBSERVATIONAL"


def test_a_field_opening_with_a_sentence_about_the_criteria_gets_its_section_header():
    # RBR-9y32yy (ReBEC via the ICTRP XLSX download of 7 Jul 2020, unseen part): the exclusion field
    # reads "Exclusion criteria: Exclusion criteria will include: important hemodynamic ...". The
    # registry's label is dropped; the sentence left is no header, so the reader writes one.
    crit = build_criteria(
        "Inclusion criteria: At least 100 adult patients (aged over 18 years).",
        "Exclusion criteria: Exclusion criteria will include: important hemodynamic changes; need for readmission.",
        "xlsx:I",
        "xlsx:E",
    )
    assert crit.text.startswith("Inclusion Criteria:\nAt least 100")
    assert "\n\nExclusion Criteria:\nExclusion criteria will include: important" in crit.text
    assert list(crit.sections) == ["inclusion", "exclusion"]
    # a field that opens with its own header keeps it, however it is written
    for own in ("Exclusion Criteria:\n- A", "EXCLUSION CRITERIA - A", "Exclusion criteria\nA", "Key exclusion criteria: A"):
        crit = build_criteria("Inclusion criteria: B", own, "x:I", "x:E")
        assert crit.text.lower().count("exclusion criteria") == 1, crit.text
