"""Readers over the real registry data: every record read, counts checked independently, fields spot-checked."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from trial_audit.core.dates import DateType, Precision
from trial_audit.core.model import Source, TrialRecord
from trial_audit.readers import Unreadable, iter_records
from trial_audit.readers.ctgov_csv import parse_location, row_to_record


def _read(*paths) -> list:
    return list(iter_records([str(p) for p in paths]))


def _records(items) -> list[TrialRecord]:
    return [r for r in items if isinstance(r, TrialRecord)]


def _bad(items) -> list[Unreadable]:
    return [r for r in items if isinstance(r, Unreadable)]


def _one(path) -> TrialRecord:
    items = _read(path)
    assert len(items) == 1 and isinstance(items[0], TrialRecord), items
    return items[0]


# --- independent counts ------------------------------------------------------------------


def _v2_studies(folder: Path) -> list[dict]:
    out = []
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.extend(d["studies"] if "studies" in d else [d])
    return out


def _classic_studies(folder: Path) -> list[dict]:
    out = []
    for f in sorted(folder.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        out.extend(s["Study"] for s in d["FullStudiesResponse"]["FullStudies"])
    return out


@pytest.fixture(scope="module")
def v2_items(shared_data):
    return _read(shared_data / "ctgov-v2")


@pytest.fixture(scope="module")
def classic_items(shared_data):
    return _read(shared_data / "ctgov-classic")


@pytest.fixture(scope="module")
def xml_items(shared_data):
    return _read(shared_data / "ctgov-xml")


def test_every_v2_study_is_read(shared_data, v2_items):
    expected = _v2_studies(shared_data / "ctgov-v2")
    assert len(expected) == 39
    assert _bad(v2_items) == []
    recs = _records(v2_items)
    assert len(recs) == 39
    assert {r.source.format for r in recs} == {"ctgov-v2"}
    # the same studies, in the same order, each mapped faithfully
    for rec, src in zip(recs, expected):
        ps = src["protocolSection"]
        assert rec.nct_id == ps["identificationModule"]["nctId"]
        assert rec.criteria == ps["eligibilityModule"]["eligibilityCriteria"]
        assert rec.criteria_markdown is True
        cl = ps.get("contactsLocationsModule", {})
        assert len(rec.locations) == len(cl.get("locations", []))
        assert [o.name for o in rec.officials] == [o["name"] for o in cl.get("overallOfficials", [])]
        assert rec.as_of is not None and rec.as_of.iso() == src["derivedSection"]["miscInfoModule"]["versionHolder"]
        assert rec.dates["start"].raw == ps["statusModule"]["startDateStruct"]["date"]


def test_every_classic_study_is_read(shared_data, classic_items):
    expected = _classic_studies(shared_data / "ctgov-classic")
    assert len(expected) == 206
    assert _bad(classic_items) == []
    recs = _records(classic_items)
    assert len(recs) == 206
    for rec, src in zip(recs, expected):
        ps = src["ProtocolSection"]
        assert rec.nct_id == ps["IdentificationModule"]["NCTId"]
        assert rec.criteria == ps["EligibilityModule"].get("EligibilityCriteria")
        locs = ps.get("ContactsLocationsModule", {}).get("LocationList", {}).get("Location", [])
        assert len(rec.locations) == len(locs)
        assert rec.overall_status is not None and rec.overall_status.isupper()


def test_every_xml_study_is_read(shared_data, xml_items):
    files = sorted((shared_data / "ctgov-xml").glob("*.xml"))
    roots = [ET.parse(f).getroot() for f in files]
    assert sum(r.tag == "clinical_study" for r in roots) == len(files) == 192
    assert _bad(xml_items) == []
    recs = _records(xml_items)
    assert len(recs) == 192
    for rec, root in zip(recs, roots):
        assert rec.nct_id == root.findtext("id_info/nct_id")
        assert len(rec.locations) == len(root.findall("location"))
        assert len(rec.officials) == len(root.findall("overall_official"))
        if rec.criteria is not None:
            assert "\r" not in rec.criteria
            assert not rec.criteria.startswith((" ", "\n"))


def test_every_csv_row_is_read(shared_data):
    expected = 0
    for f in sorted((shared_data / "ctgov-csv").glob("*.csv")):
        with open(f, newline="", encoding="utf-8-sig") as fh:
            expected += sum(1 for _ in csv.DictReader(fh))
    assert expected == 4952
    items = _read(shared_data / "ctgov-csv")
    assert _bad(items) == []
    recs = _records(items)
    assert len(recs) == 4952
    assert all(r.nct_id and r.nct_id.startswith("NCT") for r in recs)


def _bulk_counts(shared_data: Path) -> int:
    """Studies in the bulk folders, counted from the files themselves (one per NDJSON line, XML file or member)."""
    import zipfile

    n = sum(1 for f in (shared_data / "ctgov-v2-bulk").glob("*.ndjson") for line in f.open(encoding="utf-8") if line.strip())
    xml = shared_data / "ctgov-xml-bulk"
    n += sum(1 for f in xml.rglob("*.xml"))
    for z in xml.rglob("*.zip"):
        with zipfile.ZipFile(z) as zf:
            n += sum(1 for m in zf.namelist() if m.endswith(".xml"))
    return n


def test_whole_data_tree_adds_up(shared_data):
    items = _read(shared_data)
    recs, bad = _records(items), _bad(items)
    assert len(items) == len(recs) + len(bad)
    # ClinicalTrials.gov formats, then (issue 23) ICTRP XML/CSV/XLSX, the DRKS trial and the criteria corpus's rows
    assert len(recs) == 39 + 206 + 192 + 4952 + _bulk_counts(shared_data) + 300 + 300 + 300 + 1 + 5193
    # only the SARIF schema is not a record
    reasons = {Path(b.source.path).name: b.reason for b in bad}
    assert set(reasons) == {"sarif-schema-2.1.0.json"}
    assert "not a ClinicalTrials.gov record" in reasons["sarif-schema-2.1.0.json"]


# --- spot checks against the source --------------------------------------------------------


def test_v2_fields(shared_data):
    rec = _one(shared_data / "ctgov-v2" / "NCT00973089.json")
    assert rec.nct_id == "NCT00973089" and rec.org_study_id == "LSA001-HMO-CTIL"
    assert rec.overall_status == "WITHDRAWN"
    assert rec.why_stopped.startswith("recruiting or enrolling participants has halted")
    start = rec.dates["start"]
    assert (start.year, start.month, start.day, start.precision, start.type) == (2010, 5, None, Precision.MONTH, None)
    pc = rec.dates["primary_completion"]
    assert pc.iso() == "2015-03" and pc.type is DateType.ACTUAL
    fp = rec.dates["first_posted"]
    assert fp.iso() == "2009-09-09" and fp.precision is Precision.DAY and fp.type is DateType.ESTIMATED
    assert rec.dates["status_verified"].iso() == "2015-08"
    assert rec.minimum_age.years == 5 and rec.maximum_age.years == 8 and rec.std_ages == ["CHILD"]
    assert rec.sex == "ALL" and rec.healthy_volunteers is True
    assert rec.criteria.startswith("Inclusion Criteria:\n\n* Healthy children\n")
    assert [(loc.facility, loc.city, loc.country) for loc in rec.locations] == [("Hadassah Medical Organization", "Jerusalem", "Israel")]
    assert rec.as_of.iso() == "2024-01-22"
    assert rec.mesh_terms == ["Dental Caries"]
    assert rec.keywords == ["Primary tooth", "Caries, Dental", "Alternative treatment"]
    assert rec.enrollment == 0 and rec.enrollment_type == "ACTUAL"
    assert rec.has_dmc is True and rec.phases == ["NA"] and rec.study_type == "INTERVENTIONAL"
    assert rec.interventions[0].type == "OTHER"
    assert rec.provenance["criteria"] == "protocolSection.eligibilityModule.eligibilityCriteria"
    assert rec.provenance["locations[0].city"] == "protocolSection.contactsLocationsModule.locations[0].city"
    assert rec.provenance["dates.start"] == "protocolSection.statusModule.startDateStruct.date"
    assert rec.text("locations[0].city") == "Jerusalem"


def test_v2_page_officials_and_site_status(shared_data):
    rec = _one(shared_data / "ctgov-v2" / "NCT06388018.json")  # a one-study page
    assert rec.source.index == 0
    assert [(o.name, o.role, o.affiliation) for o in rec.officials] == [("Matthew A Powell", "PRINCIPAL_INVESTIGATOR", "NRG Oncology")]
    loc = rec.locations[0]
    assert (loc.city, loc.state, loc.status) == ("Providence", "Rhode Island", "RECRUITING")
    assert [(c.name, c.role) for c in loc.contacts] == [
        ("Site Public Contact", "CONTACT"),
        ("Matthew T. Oliver", "PRINCIPAL_INVESTIGATOR"),
    ]
    assert rec.provenance["officials[0].name"] == "protocolSection.contactsLocationsModule.overallOfficials[0].name"


def test_v2_scalar_where_a_list_belongs(shared_data):
    # a real defect: "phases": "PHASE2" (a string, not a list) is still read, and noted
    rec = _one(shared_data / "ctgov-v2" / "NCT00617929.json")
    assert rec.phases == ["PHASE2"] and rec.extra.get("phases_not_a_list") is True


def test_classic_fields(shared_data):
    rec = _one(shared_data / "ctgov-classic" / "NCT04780763.json")
    assert rec.source.format == "ctgov-classic" and rec.criteria_markdown is False
    assert rec.overall_status == "NOT_YET_RECRUITING" and rec.acronym == "Tara"
    start = rec.dates["start"]
    assert start.iso() == "2021-03-04" and start.precision is Precision.DAY and start.type is DateType.ESTIMATED
    assert rec.dates["status_verified"].iso() == "2021-02"
    assert rec.dates["status_verified"].precision is Precision.MONTH
    assert rec.dates["first_posted"].type is DateType.ESTIMATED  # "Estimate"
    assert rec.sex == "FEMALE" and rec.minimum_age.years == 20 and rec.maximum_age.years == 30
    assert rec.std_ages == ["ADULT"] and rec.healthy_volunteers is True
    assert rec.enrollment == 168 and rec.enrollment_type == "ESTIMATED"
    assert rec.as_of.iso() == "2021-03-03"
    assert rec.criteria.startswith("Inclusion Criteria:\n\nSI01: Free-living Participant")
    assert [(o.name, o.role) for o in rec.officials] == [("Rim HASSOUNA, PhD", "STUDY_CHAIR")]
    assert len(rec.locations) == 1 and rec.locations[0].city == "Leuven" and rec.locations[0].country == "Belgium"
    assert [c.role for c in rec.locations[0].contacts] == ["CONTACT", "PRINCIPAL_INVESTIGATOR"]
    assert len(rec.central_contacts) == 2 and rec.central_contacts[0].email == "silvia.miret-catalan@danone.com"
    assert rec.phases == ["NA"] and rec.study_type == "INTERVENTIONAL" and rec.has_dmc is False
    assert rec.mesh_terms == ["Anxiety Disorders"]
    assert rec.provenance["dates.start"] == "ProtocolSection.StatusModule.StartDateStruct.StartDate"


def test_classic_unknown_status(shared_data, classic_items):
    rec = next(r for r in _records(classic_items) if r.nct_id == "NCT04367805")
    assert rec.overall_status == "UNKNOWN" and rec.last_known_status == "RECRUITING"
    assert rec.dates["start"].iso() == "2020-04-27" and rec.dates["start"].type is DateType.ACTUAL


def test_xml_fields(shared_data):
    rec = _one(shared_data / "ctgov-xml" / "NCT00055081.xml")
    assert rec.source.format == "ctgov-xml"
    start = rec.dates["start"]
    assert start.iso() == "2002-07" and start.precision is Precision.MONTH and start.type is None
    assert rec.dates["completion"].iso() == "2005-11" and rec.dates["completion"].type is DateType.ACTUAL
    assert rec.dates["first_posted"].iso() == "2003-02-20" and rec.dates["first_posted"].type is DateType.ESTIMATED
    assert rec.dates["status_verified"].iso() == "2013-12"
    assert rec.dates["first_submitted"].iso() == "2003-02-19"
    assert rec.minimum_age.unit == "month" and rec.minimum_age.years == 1.5 and rec.maximum_age.years == 16
    assert rec.as_of.iso() == "2023-05-09"
    # the textblock without \r and without its common indentation, wrapping kept as written
    assert rec.criteria == (
        "Inclusion Criteria:\n\n"
        "  -  Enrollment in the parent study\n\n"
        "  -  Homeless and living at a shelter with mother/maternal guardian at the time of study\n"
        "     enrollment"
    )
    assert rec.provenance["criteria"] == "eligibility/criteria/textblock (dedented)"
    assert [(o.name, o.role) for o in rec.officials] == [("Judith A Samuels, MBA, PhD", "PRINCIPAL_INVESTIGATOR")]
    loc = rec.locations[0]
    assert (loc.facility, loc.city, loc.state, loc.country) == (
        "The Nathan S. Kline Institute for Psychiatric Research",
        "Orangeburg",
        "New York",
        "United States",
    )
    assert rec.enrollment == 320 and rec.enrollment_type == "ACTUAL"
    assert rec.phases == ["NA"] and rec.study_type == "INTERVENTIONAL" and rec.sex == "ALL"
    assert rec.collaborators == ["National Institute of Mental Health (NIMH)"] and rec.keywords == ["Homeless Persons"]


def test_xml_old_date_tags(shared_data):
    rec = _one(shared_data / "ctgov-xml" / "NCT00581919.xml")
    assert rec.dates["first_submitted"].iso() == "2007-12-19"
    assert rec.provenance["dates.first_submitted"] == "firstreceived_date"
    assert rec.dates["last_update_submitted"].iso() == "2012-01-25"
    assert rec.dates["status_verified"].iso() == "2012-01"
    assert rec.as_of.iso() == "2016-05-11"
    assert len(rec.locations) == 5


def test_csv_rows(shared_data):
    items = _read(shared_data / "ctgov-csv" / "hypertension_ctg-studies.csv")
    rec = items[0]
    assert rec.source.line == 2 and rec.source.index == 0 and rec.source.format == "ctgov-csv"
    assert rec.nct_id == "NCT03555344" and rec.overall_status == "COMPLETED"
    assert rec.interventions[0].type == "OTHER" and rec.interventions[0].name == "Mantra Chikitsa"
    assert rec.collaborators == ["Warwick Research Services", "Swamigal Trust for Vedic Science, India"]
    assert rec.std_ages == ["ADULT"] and rec.phases == ["NA"] and rec.enrollment == 96
    assert rec.dates["start"].iso() == "2017-10-28"
    loc = rec.locations[0]
    assert (loc.facility, loc.city, loc.state, loc.country) == ("NMP Medical Research Institute", "Jaipur", "Rajasthan", "India")
    # rows with quoted newlines: Source.line is the line the row starts on
    lines = [r.source.line for r in items]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)


def test_csv_age_text_and_missing_columns():
    rec = row_to_record({"NCT Number": "NCT01234567", "Age": "18 Years and older   (Adult, Older Adult)"}, Source("x"))
    assert rec.minimum_age.years == 18 and rec.maximum_age is None and rec.std_ages == ["ADULT", "OLDER_ADULT"]
    rec = row_to_record({"NCT Number": "NCT01234567", "Age": "18 Years to 65 Years   (Adult, Older Adult)"}, Source("x"))
    assert rec.minimum_age.years == 18 and rec.maximum_age.years == 65
    rec = row_to_record({"NCT Number": "NCT01234567", "Age": "up to 17 Years   (Child)"}, Source("x"))
    assert rec.minimum_age is None and rec.maximum_age.years == 17 and rec.std_ages == ["CHILD"]
    rec = row_to_record({"NCT Number": "NCT01234567"}, Source("x"))
    assert rec.sex is None and rec.locations == [] and rec.dates == {}


def test_csv_location_split_from_the_right():
    loc = parse_location("Hospital A, Dept. B, Boston, Massachusetts, 02114, United States")
    assert (loc.facility, loc.city, loc.state, loc.country) == ("Hospital A, Dept. B", "Boston", "Massachusetts", "United States")
    loc = parse_location("Hopital X, Paris, 75013, France")
    assert (loc.facility, loc.city, loc.state, loc.country) == ("Hopital X", "Paris", None, "France")


def test_bundled_seeds_all_read():
    items = _read(SEEDS)
    assert _bad(items) == []
    formats = {r.source.format for r in items}
    assert formats == {"page-text", "ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv"}
    assert sum(r.source.format == "ctgov-csv" for r in items) == 20


@pytest.mark.parametrize(
    "text, expected",
    [
        # real export values
        ("Department of Andrology, Cairo University, Cairo, 11231, Egypt",
         ("Department of Andrology, Cairo University", "Cairo", None, "Egypt")),
        ("Hospital Universitari de Bellvitge, L'Hospitalet de Llobregat, Barcelona, Spain",
         ("Hospital Universitari de Bellvitge", "L'Hospitalet de Llobregat", "Barcelona", "Spain")),
        ("Panama Eye Center, Panama City, Panama", ("Panama Eye Center", "Panama City", None, "Panama")),
        ("Manhattan Medical Research, New York, New York, 10016, United States",
         ("Manhattan Medical Research", "New York", "New York", "United States")),
        ("The Prostate Centre, Princess Margaret Hospital, Toronto, Ontario, M5G 2M9, Canada",
         ("The Prostate Centre, Princess Margaret Hospital", "Toronto", "Ontario", "Canada")),
        ("Tucson, Arizona, United States", (None, "Tucson", "Arizona", "United States")),
    ],
)  # fmt: skip
def test_csv_real_location_strings(text, expected):
    loc = parse_location(text)
    assert (loc.facility, loc.city, loc.state, loc.country) == expected


def test_postal_codes_are_kept(shared_data):
    from trial_audit.readers.common import HAS_ZIP

    if not HAS_ZIP:
        pytest.skip("this model revision has no Location.zip")
    assert _one(shared_data / "ctgov-xml" / "NCT00055081.xml").locations[0].zip == "10962"
    assert _one(shared_data / "ctgov-classic" / "NCT04780763.json").locations[0].zip == "3000"
    rec = _one(shared_data / "ctgov-v2" / "NCT06388018.json")
    assert rec.locations[0].zip == "02905"
    assert rec.provenance["locations[0].zip"] == "protocolSection.contactsLocationsModule.locations[0].zip"
    assert parse_location("Manhattan Medical Research, New York, New York, 10016, United States").zip == "10016"
