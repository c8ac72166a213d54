"""The Python API (docs/api.md): typed findings, DataFrames, records in memory, report writing."""

import json
import os
import re

import pytest

import trial_audit
from tests.conftest import ROOT

V2_STUDY = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n2. Age 18 or older\n3. Signed consent\n4. ECOG 0-1"},
    }
}


def test_the_code_blocks_of_docs_api_md_run(capsys):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "docs/api.md", "exec"), namespace)  # noqa: S102 - our own documentation
    finally:
        os.chdir(cwd)
    report = namespace["report"]
    assert report.summary["records"] > 0 and len(report.findings) == report.summary["findings"] + report.summary["suppressed"]
    assert {p.name for p in namespace["paths"]} == {"report.json", "report.html", "report.sarif"}
    assert len(namespace["memory"].records_frame()) == 2


def test_audit_records_from_memory_and_the_frames_agree_with_the_counts():
    report = trial_audit.audit_records([V2_STUDY, "<clinical_study>", b"not a record"], as_of="2026-11-27")
    s = report.summary
    assert s["records"] == 3 and s["audited"] == 1 and s["unreadable"] == 2
    df = report.to_pandas()
    assert list(df.columns) == [
        "record_id", "registry", "source", "format", "rule", "name", "category", "severity", "field",
        "evidence_text", "evidence_start", "evidence_end", "related", "message", "suggestion", "fix_safety", "suppressed",
    ]  # fmt: skip
    assert len(df) == s["findings"]
    records = report.records_frame()
    assert records["findings"].sum() == s["findings"]
    assert list(records["status"]) == ["audited", "unreadable", "unreadable"]
    mine = df[df.record_id == "NCT01234567"]
    assert set(mine.registry) == {"ClinicalTrials.gov"}
    start = mine[mine.rule == "TA110"].iloc[0]
    assert start.evidence_text.startswith("2.") and start.fix_safety == "safe"
    [finding] = [f for f in report.findings if f.rule == "TA110"]
    assert isinstance(finding, trial_audit.AuditFinding)
    assert finding.fix is not None and [e.replacement for e in finding.fix.edits] == ["1.", "2.", "3."]


def test_select_ignore_and_as_of_are_checked():
    with pytest.raises(ValueError, match="TA999"):
        trial_audit.audit_records([V2_STUDY], select=["TA999"])
    with pytest.raises(ValueError, match="as_of"):
        trial_audit.audit_records([V2_STUDY], as_of="last week")
    with pytest.raises(FileNotFoundError):
        trial_audit.audit(["no/such/folder"])
    only = trial_audit.audit_records([V2_STUDY], select=["numbering"], as_of="2026-11-27")
    assert {f.category for f in only.findings} == {"numbering"}
    none = trial_audit.audit_records([V2_STUDY], select=["numbering"], ignore=["TA110"], as_of="2026-11-27")
    assert not none.findings


def test_baseline_findings_come_back_suppressed(tmp_path):
    from trial_audit.engine.baseline import write_baseline

    f = tmp_path / "s.json"
    f.write_text(json.dumps(V2_STUDY))
    first = trial_audit.audit([f], as_of="2026-11-27")
    write_baseline(first.report, tmp_path / "b.json")
    again = trial_audit.audit([f], as_of="2026-11-27", baseline=tmp_path / "b.json")
    assert again.findings and all(x.suppressed for x in again.findings)
    assert again.summary["suppressed"] == len(first.findings) and not again.failing()


def test_write_rejects_an_unknown_format(tmp_path):
    report = trial_audit.audit_records([V2_STUDY])
    with pytest.raises(ValueError, match="docx"):
        report.write("docx", tmp_path)


def test_the_public_surface_is_what_all_lists():
    assert set(trial_audit.__all__) == {"AuditFinding", "AuditReport", "__version__", "audit", "audit_records"}
    for name in trial_audit.__all__:
        assert getattr(trial_audit, name) is not None
    with pytest.raises(AttributeError):
        trial_audit.not_a_name  # noqa: B018


# --- the registry column: one table of registries (audit/core/registry_ids.py) -------------------

#: what the API showed before it read the one table, for the registries it knew (kept stable)
_STABLE = {
    "NCT04280705": "ClinicalTrials.gov",
    "ChiCTR2000029953": "ChiCTR",
    "CTRI/2020/03/024402": "CTRI",
    "EUCTR2020-000890-25-FR": "EU Clinical Trials Register",
    "2020-000890-25": "EU Clinical Trials Register",  # a bare EudraCT number
    "ISRCTN10077335": "ISRCTN",
    "ACTRN12620000417987": "ANZCTR",
    "DRKS00021134": "DRKS",
    "JPRN-UMIN000039686": "JPRN",
    "JPRN-jRCTs031190227": "JPRN",
    "jRCTs031190227": "JPRN",
    "IRCT20080901001165N56": "IRCT",
    "KCT0005003": "CRiS",
    "PACTR202004693933092": "PACTR",
    "NL8460": "Netherlands Trial Register",
    "NTR1234": "Netherlands Trial Register",
    "CTIS2023-503456-21-00": "CTIS",
    "record-1": "",
    "": "",
}
#: what changed (docs/api.md): registries the API did not know, a CTIS number once shown as the EU
#: register's, and IDs named by their prefix as TA013 does (a mistyped or lower-case NCT ID)
_CHANGED = {
    "2023-503456-21-00": "CTIS",
    "TCTR20200321001": "TCTR",
    "SLCTR/2020/011": "SLCTR",
    "RBR-2dxyx4": "ReBEC",
    "LBCTR2020043459": "LBCTR",
    "ITMCTR2024000123": "ITMCTR",
    "RPCEC00000306": "RPCEC",
    "PER-010-20": "REPEC",
    "NL-OMON12345": "Netherlands Trial Register",
    "nct04280705": "ClinicalTrials.gov",
    "NCT0428070": "ClinicalTrials.gov",
}


@pytest.mark.parametrize(("record_id", "name"), [*_STABLE.items(), *_CHANGED.items()])
def test_registry_column_names_the_registry_from_the_one_table(record_id, name):
    from trial_audit.api import registry_of
    from trial_audit.core.registry_ids import registry_of_id

    assert registry_of(record_id) == name
    registry = registry_of_id(record_id)
    assert (registry.display if registry else "") == name  # the API's name is the table's, not a copy


def test_every_registry_of_the_table_has_a_display_name_and_its_example_is_its_own():
    from trial_audit.api import registry_of
    from trial_audit.core.registry_ids import REGISTRIES, registry_of_id

    for registry in REGISTRIES:
        assert registry.display
        assert registry_of_id(registry.example) is registry and registry.shape.fullmatch(registry.example)
        assert registry_of(registry.example) == registry.display
