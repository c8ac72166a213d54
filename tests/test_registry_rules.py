"""Registry IDs (TA013) and one trial's records across registries and inputs (TA020), issue 23."""

import shutil
from pathlib import Path

import pytest

from trial_audit.checks.ta013_invalid_registry_id import InvalidRegistryId
from trial_audit.core.dates import parse_date
from trial_audit.core.registry_ids import ANY_ID, registry_named, registry_of_id, trial_key
from trial_audit.engine.registry import Context
from trial_audit.engine.runner import RunOptions, audit_paths

DATA = Path(__file__).parent / "data" / "registries"
CTX = Context(as_of=parse_date("2026-11-27"))

# real IDs of the ICTRP exports in ../shared/data, one or two per registry
REAL_IDS = [
    "ChiCTR2000029953", "CTRI/2020/03/024402", "EUCTR2020-000890-25-FR", "ISRCTN10077335", "ACTRN12620000417987",
    "DRKS00021134", "JPRN-UMIN000039686", "IRCT20080901001165N56", "KCT0005003", "TCTR20200321001",
    "PACTR202004693933092", "SLCTR/2020/011", "RBR-2dxyx4", "NL8460", "LBCTR2020043459", "RPCEC00000306", "PER-010-20",
]  # fmt: skip


@pytest.mark.parametrize("trial_id", REAL_IDS)
def test_real_ids_have_their_registry_shape(trial_id):
    reg = registry_of_id(trial_id)
    assert reg is not None and reg.shape.fullmatch(trial_id)
    assert ANY_ID.search(f"see {trial_id}.") is not None


def _ta013(registry, trial_id):
    from trial_audit.core.model import record_from_example

    rec = record_from_example({"registry": registry, "registry_id": trial_id})
    return list(InvalidRegistryId().check(rec, CTX))


def test_ta013_messages():
    (f,) = _ta013("ChiCTR", "ChiCTR200002995")
    assert "has the wrong shape" in f.message and "'ChiCTR2000029953'" in f.message and f.evidence.text == "ChiCTR200002995"
    (f,) = _ta013("German Clinical Trials Register", "DRKS 00021134")
    assert "has spaces in it" in f.message
    (f,) = _ta013("CTRI", "ChiCTR2000029953")
    assert "does not start like a Clinical Trials Registry - India ID" in f.message
    assert _ta013("ClinicalTrials.gov", "NCT123") == []  # TA010's
    assert _ta013(None, "HOSPITAL-123") == []  # no registry known: not judged


def test_registry_names_and_trial_keys():
    assert registry_named("EU Clinical Trials Register").key == "EUCTR" and registry_named("REBEC").key == "ReBEC"
    assert trial_key("EUCTR2020-000890-25-FR") == trial_key("2020-000890-25") == "EUDRACT:2020-000890-25"
    assert trial_key("JPRN-jRCTs031190227") == trial_key("jRCTs031190227")


def test_no_ta013_on_the_samples():
    report = audit_paths([DATA / "ictrp_sample.xml", DATA / "ictrp_sample.csv", DATA / "ictrp_sample.xlsx", DATA / "DRKS_trial-DRKS00038775.json"],
                         RunOptions(jobs=1, select=["TA013"], as_of=parse_date("2026-11-27")))  # fmt: skip
    assert [f for r in report.records for f in r.findings] == []


# --- TA020 -------------------------------------------------------------------------------------


def _two_exports(tmp_path, edit):
    """The ICTRP CSV sample and a copy of it with one row's cell changed (the same export date)."""
    a = tmp_path / "a.csv"
    shutil.copy(DATA / "ictrp_sample.csv", a)
    b = tmp_path / "b.csv"
    b.write_bytes(edit((DATA / "ictrp_sample.csv").read_bytes()))
    return a, b


def _ta020(report):
    return [(r.id, f) for r in report.records for f in r.findings if f.rule == "TA020"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_id_in_two_inputs_of_the_same_export_disagreeing_on_the_target_size(tmp_path, jobs, monkeypatch):
    from trial_audit.engine import runner

    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    # NCT04292899: Target size "2400" in the download; the copy says "2500"
    a, b = _two_exports(tmp_path, lambda data: data.replace(b'"2400"', b'"2500"', 1))
    assert b.read_bytes() != a.read_bytes()
    report = audit_paths([a, b], RunOptions(jobs=jobs, as_of=parse_date("2026-11-27")))
    found = _ta020(report)
    assert len(found) == 1
    rid, f = found[0]
    assert rid == "NCT04292899" and f.evidence.field == "enrollment" and f.evidence.text == "2500"
    assert f.related[0].text == "2400" and "a.csv" in f.related[0].field
    assert "target sample size '2500' differs from '2400' in the record NCT04292899 (" in f.message
    # counts add up: no record added or lost by the cross-record pass
    assert len(report.records) == 14


def test_same_id_exported_on_different_dates_is_compared_on_the_registration_date_only(tmp_path):
    # a later export (different Export date) with another target size and another registration date
    def later(data):
        data = data.replace(b"4/15/2020 4:11:24 PM", b"5/20/2020 4:11:24 PM")
        return data.replace(b'"2400"', b'"2500"', 1)

    a, b = _two_exports(tmp_path, later)
    assert _ta020(audit_paths([a, b], RunOptions(jobs=1, as_of=parse_date("2026-11-27")))) == []
    reg = (DATA / "ictrp_sample.csv").read_bytes()
    row = next(line for line in reg.split(b"\n") if line.startswith(b'"NCT04292899"'))
    date, twin = row.split(b'","')[6:8]  # Date registration and its yyyymmdd twin Date registration3 change together
    changed = row.replace(b'"' + date + b'"', b'"01/01/2019"', 1).replace(b'"' + twin + b'"', b'"20190101"', 1)
    a, b = _two_exports(tmp_path, lambda data: later(data.replace(row, changed)))
    found = _ta020(audit_paths([a, b], RunOptions(jobs=1, as_of=parse_date("2026-11-27"))))
    assert [(rid, f.evidence.field) for rid, f in found] == [("NCT04292899", "dates.first_submitted")]


def test_secondary_id_joins_records_of_two_registries(tmp_path):
    from trial_audit.checks.ta020_same_trial_records_disagree import SameTrialRecordsDisagree
    from trial_audit.core.model import record_from_example

    rule = SameTrialRecordsDisagree()
    drks = record_from_example(
        {
            "registry": "DRKS",
            "registry_id": "DRKS00021134",
            "secondary_ids": ["EUCTR2020-001188-96"],
            "maximum_age": "75 Years",
            "as_of": "2020-06-07",
        }
    )
    eu = record_from_example(
        {"registry": "EUCTR", "registry_id": "EUCTR2020-001188-96-FR", "maximum_age": "80 Years", "as_of": "2020-06-07"}
    )
    d1, d2 = rule.digest(eu, "EUCTR2020-001188-96-FR"), rule.digest(drks, "DRKS00021134")
    assert set(rule.keys(d1)) & set(rule.keys(d2))
    (f,) = rule.compare(d2, d1)
    assert f.evidence.field == "maximum_age" and f.related[0].text == "80 Years"


def test_shared_ictrp_exports_side_by_side(shared_data):
    # the XML (18 Mar 2020), CSV (15 Apr 2020) and XLSX (7 Jul 2020) exports share ~100 trials: copies of
    # different dates agree on every registration date, so nothing is reported
    paths = [shared_data / d for d in ("ictrp-xml", "ictrp-csv", "ictrp-xlsx")]
    report = audit_paths(paths, RunOptions(jobs=1, select=["TA020"], as_of=parse_date("2026-11-27")))
    assert len(report.records) == 900 and _ta020(report) == []


def test_undated_copies_are_compared_on_the_registration_date_only():
    # two ClinicalTrials.gov downloads of one study carry no export date: they may be versions years apart
    from trial_audit.checks.ta020_same_trial_records_disagree import SameTrialRecordsDisagree
    from trial_audit.core.model import record_from_example

    rule = SameTrialRecordsDisagree()
    old = record_from_example({"overall_status": "RECRUITING", "enrollment": 40})
    new = record_from_example({"overall_status": "COMPLETED", "enrollment": 38})
    old.nct_id = new.nct_id = "NCT04251767"
    assert list(rule.compare(rule.digest(new, "NCT04251767"), rule.digest(old, "NCT04251767"))) == []


def test_eu_numbers_with_and_without_the_ictrp_prefix():
    # ICTRP writes the EU register's trials "EUCTR2020-000890-25-FR"; the register itself shows the bare EudraCT
    # number; CTIS numbers have a 5 where EudraCT's sequence starts, with or without ICTRP's "CTIS"
    for trial_id, key in (
        ("EUCTR2020-000890-25-FR", "EUCTR"),
        ("2020-000890-25", "EUCTR"),
        ("2023-503456-21-00", "CTIS"),
        ("CTIS2023-503456-21-00", "CTIS"),
    ):
        reg = registry_of_id(trial_id)
        assert reg is not None and reg.key == key and reg.shape.fullmatch(trial_id), trial_id
        assert _ta013(reg.key, trial_id) == []
    (f,) = _ta013("CTIS", "2023-503456-21")
    assert "has the wrong shape" in f.message
