"""Completeness (TA6xx): format-aware WHO items, the seed's empty Keywords, real patterns."""

from pathlib import Path

from trial_audit.checks.ta601_missing_core_item import MissingCoreItem
from trial_audit.checks.ta602_missing_who_item import MissingWhoItem
from trial_audit.checks.ta603_missing_keywords import MissingKeywords
from trial_audit.checks.ta604_recruiting_without_enrollment import RecruitingWithoutEnrollment
from trial_audit.checks.ta605_drug_trial_without_phase import DrugTrialWithoutPhase
from trial_audit.checks.ta606_missing_ipd_statement import MissingIpdStatement
from trial_audit.core.dates import parse_date
from trial_audit.core.model import Intervention, Source, TrialRecord, record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.readers import iter_records

CTX = Context(as_of=parse_date("2025-11-14"))
SEED_PAGE = Path(__file__).resolve().parents[1] / "seeds" / "000_39e40e8ef963eca8.txt"
TA6 = select_rules(["TA6"])


def findings(rec, rules=TA6):
    return [f for r in rules for f in r.check(rec, CTX)]


def test_seed_page_empty_keywords_block_is_reported():
    (rec,) = list(iter_records([SEED_PAGE]))
    fs = list(MissingKeywords().check(rec, CTX))
    assert len(fs) == 1
    f = fs[0]
    assert f.field == "keywords" and f.evidence.start == f.evidence.end == 0
    assert "shown but empty" in f.message


def test_seed_page_is_not_asked_for_items_a_page_cannot_carry():
    (rec,) = list(iter_records([SEED_PAGE]))
    fields = {f.field for f in findings(rec)}
    # the page has no conditions, study type, official title, interventions, outcomes, enrollment,
    # phase, contacts or IPD statement sections: none of them may be demanded
    for absent in (
        "conditions",
        "study_type",
        "official_title",
        "interventions",
        "primary_outcomes",
        "enrollment",
        "phases",
        "central_contacts",
        "ipd_sharing",
    ):
        assert absent not in fields, absent
    assert "keywords" in fields


def test_one_finding_per_missing_item_each_with_evidence():
    rec = record_from_example({"brief_title": "T", "study_type": "INTERVENTIONAL"})
    fs = findings(rec, [MissingCoreItem(), MissingWhoItem()])
    fields = [f.field for f in fs]
    assert len(fields) == len(set(fields))
    assert {"sponsor", "conditions", "criteria", "overall_status"} <= set(fields)
    assert {f.severity.value for f in fs if f.rule == "TA601"} == {"error"}
    assert all(f.evidence is not None for f in fs)


def csv_record(**values):
    rec = TrialRecord(source=Source("x.csv", "ctgov-csv"), nct_id="NCT07251023")
    for k, v in values.items():
        setattr(rec, k, v)
        rec.provenance[k] = "csv:" + k
    return rec


def test_csv_export_is_not_asked_for_columns_it_does_not_have():
    # the smallest real export (arizona_ctg-studies.csv): NCT Number, Study Title, Study URL, Study
    # Status, Conditions, Interventions, Sponsor, Collaborators, Study Type - no criteria, no keywords
    rec = csv_record(
        brief_title="Efficacy and Safety of DMB-I",
        overall_status="RECRUITING",
        conditions=["Alzheimer Type Dementia"],
        sponsor="Bigespas LTD",
        study_type="INTERVENTIONAL",
        interventions=[Intervention(type="DRUG", name="DMB-I (INN: Latrepirdine)")],
    )
    assert findings(rec) == []


def test_csv_export_with_an_empty_conditions_cell_is_reported():
    rec = csv_record(brief_title="T", overall_status="COMPLETED", sponsor="S", study_type="OBSERVATIONAL")
    assert [f.field for f in findings(rec, [MissingCoreItem()])] == ["conditions"]


def test_csv_columns_listed_by_the_reader_are_honoured():
    rec = csv_record(brief_title="T", overall_status="RECRUITING", conditions=["C"], sponsor="S", study_type="INTERVENTIONAL")
    rec.extra["columns"] = [
        "NCT Number",
        "Study Title",
        "Study Status",
        "Conditions",
        "Sponsor",
        "Study Type",
        "Enrollment",
        "Phases",
        "Interventions",
    ]
    rec.interventions = []
    fields = {f.field for f in findings(rec)}
    assert "enrollment" in fields  # recruiting, Enrollment column present but empty -> TA604
    assert "interventions" in fields


def test_withheld_record_is_not_asked_for_anything():
    # NCT01827488 (XML): status Withheld, "[Trial of device that is not approved or cleared by the U.S. FDA]"
    rec = record_from_example(
        {
            "brief_title": "[Trial of device that is not approved or cleared by the U.S. FDA]",
            "sponsor": "[Redacted]",
            "overall_status": "WITHHELD",
        }
    )
    assert findings(rec) == []


def test_recruiting_enrollment_zero_quotes_value_and_status():
    (f,) = RecruitingWithoutEnrollment().check(record_from_example({"overall_status": "RECRUITING", "enrollment": 0}), CTX)
    assert f.evidence.field == "enrollment" and f.evidence.text == "0"
    assert f.related[0].field == "overall_status"


def test_phase_not_applicable_is_a_value():
    ex = {"study_type": "INTERVENTIONAL", "interventions": [{"type": "DRUG", "name": "Aspirin"}], "phases": ["NA"]}
    assert not list(DrugTrialWithoutPhase().check(record_from_example(ex), CTX))


def test_ipd_statement_not_demanded_from_trials_before_2019():
    # NCT00973089 (v2): first submitted 2009, no ipdSharingStatementModule
    ex = {"dates": {"first_submitted": "2009-09-06", "start": "2009-10"}}
    assert not list(MissingIpdStatement().check(record_from_example(ex), CTX))
    ex = {"dates": {"first_submitted": "2022-10-21"}}  # NCT05594173 (v2), no IPD module
    assert list(MissingIpdStatement().check(record_from_example(ex), CTX))


def test_completeness_on_real_registry_records(shared_data):
    """Firing rates on the registry formats stay in the measured range (docs/rules-ta5-7xx.md)."""
    recs = [r for r in iter_records([shared_data / "ctgov-v2", shared_data / "ctgov-classic"]) if isinstance(r, TrialRecord)]
    assert len(recs) > 200
    flagged = {r.code: sum(1 for rec in recs if list(r.check(rec, CTX))) for r in TA6}
    assert flagged["TA601"] / len(recs) < 0.02  # core items are nearly always there
    assert 0 < flagged["TA603"] / len(recs) < 0.6  # many real records have no keywords


def test_responsible_party_investigator_is_a_contact():
    # NCT05264948 (classic JSON, unseen precision round 3): no official, central or site contact, but
    # "ResponsiblePartyInvestigatorFullName": "Adnan Yamanoğlu" with an affiliation; NCT00005381 (legacy
    # XML) likewise with <investigator_full_name>. A named investigator is a contact (WHO items 7/8).
    base = {
        "official_title": "A Randomised Trial of X",
        "study_type": "OBSERVATIONAL",
        "dates": {"start": "2024-04"},
        "enrollment": 30,
        "primary_outcomes": ["Mortality at 30 days"],
        "locations": [{"city": "Izmir", "country": "Turkey"}],
    }
    without = record_from_example(base)
    assert "central_contacts" in {f.field for f in MissingWhoItem().check(without, CTX)}
    named = record_from_example(base)
    named.extra["responsible_party"] = {"type": "PRINCIPAL_INVESTIGATOR", "name": "Adnan Yamanoğlu", "affiliation": "Izmir University"}
    assert "central_contacts" not in {f.field for f in MissingWhoItem().check(named, CTX)}
    sponsor_only = record_from_example(base)
    sponsor_only.extra["responsible_party"] = {"type": "SPONSOR", "name": None, "affiliation": None}
    assert "central_contacts" in {f.field for f in MissingWhoItem().check(sponsor_only, CTX)}
