"""The batch table: one row per record, in order, with the documented columns and dtypes."""

import datetime as dt

import pandas as pd

from trial_audit.core.model import DATE_FIELDS, record_from_example
from trial_audit.engine.table import DATE_COLUMNS, build_table

FULL = {
    "nct_id": "NCT01234567",
    "org_study_id": "ORG-1",
    "brief_title": "A study",
    "sponsor": "A sponsor",
    "overall_status": "RECRUITING",
    "study_type": "INTERVENTIONAL",
    "sex": "ALL",
    "phases": ["PHASE1", "PHASE2"],
    "std_ages": ["ADULT", "OLDER_ADULT"],
    "enrollment": 120,
    "enrollment_type": "ESTIMATED",
    "minimum_age": "6 Months",
    "maximum_age": "65 Years",
    "conditions": ["Asthma", "COPD"],
    "criteria": "Inclusion Criteria:\n* adults",
    "locations": [{"city": "Lyon"}],
    "dates": {"start": ["2024-04", "ACTUAL"], "completion": ["2026-01-15", "ESTIMATED"], "first_submitted": "2023"},
}


def test_one_row_per_record_in_order():
    records = [record_from_example({"nct_id": f"NCT0000000{i}"}) for i in range(5)]
    table = build_table(records)
    assert len(table) == 5
    assert isinstance(table.index, pd.RangeIndex)
    assert table["record_id"].tolist() == [r.id for r in records]


def test_values_and_dtypes():
    table = build_table([record_from_example(FULL), record_from_example({"nct_id": None, "org_study_id": "X-9"})])
    row = table.iloc[0]
    assert row["nct_id"] == "NCT01234567" and row["record_id"] == "NCT01234567"
    assert row["phases"] == "PHASE1|PHASE2" and row["std_ages"] == "ADULT|OLDER_ADULT"
    assert row["enrollment"] == 120 and str(table["enrollment"].dtype) == "Int64"
    assert str(table["min_age_years"].dtype) == "Float64"
    assert abs(row["min_age_years"] - 0.5) < 1e-9 and row["max_age_years"] == 65.0
    assert row["min_age_raw"] == "6 Months"
    assert bool(row["has_criteria"]) is True and table["has_criteria"].dtype == bool
    assert row["n_conditions"] == 2 and row["n_locations"] == 1
    for col in ("nct_id", "overall_status", "phases", "brief_title"):
        assert table[col].dtype == "str", col
    for name in DATE_FIELDS:
        assert str(table[DATE_COLUMNS[name]].dtype) == "datetime64[us]"
    # partial dates are stored as their first possible day, with their precision and type beside
    assert row["start_date"] == pd.Timestamp(dt.date(2024, 4, 1))
    assert row["start_precision"] == "month" and row["start_type"] == "ACTUAL"
    assert row["completion_precision"] == "day" and row["completion_type"] == "ESTIMATED"
    assert row["first_submitted_date"] == pd.Timestamp(dt.date(2023, 1, 1)) and row["first_submitted_precision"] == "year"
    # the second record: identified by its org study id, everything else missing
    other = table.iloc[1]
    assert other["record_id"] == "X-9" and pd.isna(other["nct_id"])
    assert pd.isna(other["enrollment"]) and pd.isna(other["min_age_years"]) and pd.isna(other["start_date"])
    assert other["phases"] == "" and not other["has_criteria"]


def test_unparseable_date_is_nat_not_invented():
    rec = record_from_example({"dates": {"start": "sometime in spring"}})
    assert "start" in rec.unparsed_dates
    assert pd.isna(build_table([rec]).iloc[0]["start_date"])


def test_empty_batch_has_the_columns():
    table = build_table([])
    assert len(table) == 0 and "nct_id" in table.columns and "start_date" in table.columns
