"""The pandera schema of the batch table and the TA01x rules that report its failures."""

import pytest

from trial_audit.checks._shared.schema import schema_failures, validate_table
from trial_audit.checks.ta010_invalid_nct_id import InvalidNctId
from trial_audit.checks.ta011_value_not_in_registry_vocabulary import ValueNotInRegistryVocabulary
from trial_audit.checks.ta012_age_out_of_range import AgeOutOfRange
from trial_audit.core.model import OVERALL_STATUSES, record_from_example
from trial_audit.engine.registry import Context
from trial_audit.engine.table import build_table

# the rule classes themselves (not load_rules(): these tests must not depend on other families)
RULES = {c.code: c for c in (InvalidNctId, ValueNotInRegistryVocabulary, AgeOutOfRange)}
CTX = Context()


def _findings(code, examples):
    records = [record_from_example(e) for e in examples]
    return list(RULES[code]().check_table(build_table(records), CTX))


@pytest.mark.parametrize(
    "value",
    ["NCT1234567", "NCT123456789", "nct01234567", "NCT0123456a", "NCT01234567\n", "NCT٠١٢٣٤٥٦٧", "NCT０１２３４５６７", " NCT01234567"],
)
def test_ta010_rejects_malformed_ids(value):
    found = _findings("TA010", [{"nct_id": "NCT01234567"}, {"nct_id": value}])
    assert [pos for pos, _ in found] == [1]
    f = found[0][1]
    assert f.evidence.field == "nct_id" and f.evidence.text == value and f.category.value == "schema"


def test_ta010_suggests_the_repaired_id():
    ((_, f),) = _findings("TA010", [{"nct_id": "NCT٠١٢٣٤٥٦٧"}])
    assert f.suggestion == "NCT01234567" and "non-ASCII digits" in f.message


def test_ta011_reports_each_bad_value_with_its_offset():
    found = _findings("TA011", [{"phases": ["PHASE1", "PHASE7", "PHASE2", "PHASE9"], "sex": "ALL"}])
    assert [f.evidence.text for _, f in found] == ["PHASE7", "PHASE9"]
    text = record_from_example({"phases": ["PHASE1", "PHASE7", "PHASE2", "PHASE9"]}).text("phases")
    for _, f in found:
        assert text[f.evidence.start : f.evidence.end] == f.evidence.text


def test_ta011_accepts_every_registry_code_and_legacy_patient_registry():
    examples = [{"overall_status": s} for s in sorted(OVERALL_STATUSES)]
    examples.append({"study_type": "OBSERVATIONAL_PATIENT_REGISTRY"})
    assert _findings("TA011", examples) == []


def test_ta011_misspelt_status_suggests_code():
    ((_, f),) = _findings("TA011", [{"overall_status": "RECRUTING"}])
    assert f.suggestion == "RECRUITING" and f.evidence.field == "overall_status"


def test_ta012_ages_out_of_range_but_not_min_above_max():
    found = _findings(
        "TA012",
        [
            {"minimum_age": "18 Years", "maximum_age": "999 Years"},
            {"minimum_age": "70 Years", "maximum_age": "65 Years"},  # TA205's, not a TA01x finding
            {"minimum_age": "1441 Months"},
        ],
    )
    assert [(pos, f.evidence.field, f.evidence.text) for pos, f in found] == [
        (0, "maximum_age", "999 Years"),
        (2, "minimum_age", "1441 Months"),
    ]


def test_min_above_max_is_in_the_schema_but_not_a_finding():
    table = build_table([record_from_example({"minimum_age": "70 Years", "maximum_age": "65 Years"})])
    fc = validate_table(table)
    assert "min_age_not_above_max_age" in set(fc["check"])
    assert schema_failures(table) == []
    for code in ("TA010", "TA011", "TA012"):
        assert list(RULES[code]().check_table(table, CTX)) == []


@pytest.mark.parametrize("as_frame", [False, True])
def test_one_validation_per_table_is_shared_by_the_rules(monkeypatch, as_frame):
    import trial_audit.checks._shared.schema as sr

    rows = 3
    table = build_table([record_from_example({"nct_id": "NCT1", "sex": "BOTH_X"})] * rows)
    table = table.frame if as_frame else table
    calls = []
    real, real_plain = sr.validate_table, sr.plain_failures
    monkeypatch.setattr(sr, "validate_table", lambda t: calls.append("pandera") or real(t))
    monkeypatch.setattr(sr, "plain_failures", lambda t: calls.append("plain") or real_plain(t))
    for code in ("TA010", "TA011", "TA012"):
        assert len(list(RULES[code]().check_table(table, CTX))) == (rows if code != "TA012" else 0)
    assert calls == (["pandera"] if as_frame else ["plain"])


def test_rules_map_row_positions_in_a_large_batch():
    examples = [{"nct_id": f"NCT{i:08d}"} for i in range(1000)]
    examples[737]["nct_id"] = "NCT0000073"
    examples[901]["overall_status"] = "DONE"
    assert [p for p, _ in _findings("TA010", examples)] == [737]
    assert [p for p, _ in _findings("TA011", examples)] == [901]


def test_pandera_is_not_imported_by_the_table_or_the_rules_module():
    import subprocess
    import sys

    code = (
        "import sys, trial_audit.checks.ta010_invalid_nct_id, trial_audit.checks.ta011_value_not_in_registry_vocabulary, "
        "trial_audit.checks.ta012_age_out_of_range, trial_audit.engine.table; "
        "print('pandera' in sys.modules, 'great_expectations' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]


def test_real_records_clean_of_schema_findings(shared_data):
    """The registry's own exports: measured firing rate 0 (see docs/ci.md)."""
    readers = pytest.importorskip("trial_audit.readers")
    if not hasattr(readers, "iter_records"):
        pytest.skip("trial_audit.readers.iter_records not available")
    from trial_audit.core.model import TrialRecord

    records = [
        r
        for r in readers.iter_records([shared_data / "ctgov-v2", shared_data / "ctgov-xml", shared_data / "ctgov-classic"])
        if isinstance(r, TrialRecord)
    ]
    assert len(records) > 300
    table = build_table(records)
    for code in ("TA010", "TA011", "TA012"):
        assert list(RULES[code]().check_table(table, CTX)) == [], code


def test_real_legacy_patient_registry_study_type_is_not_flagged(shared_data):
    """Regression: legacy XML writes <study_type>Observational [Patient Registry]</study_type>
    (NCT01076361, NCT05381714): the registry's own legacy code, not a defect (was a TA011 false positive)."""
    from trial_audit.readers import iter_records

    path = shared_data / "ctgov-xml" / "NCT01076361.xml"
    if not path.exists():
        pytest.skip("record not in the shared data")
    (record,) = list(iter_records([path]))
    assert record.study_type in ("OBSERVATIONAL_PATIENT_REGISTRY", "OBSERVATIONAL")  # the reader may normalise it
    assert list(RULES["TA011"]().check(record, CTX)) == []
