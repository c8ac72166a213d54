"""trial_audit.core.dates: every date form the sources use, precision kept, compared at precision."""

import pytest

from trial_audit.core.dates import (
    DateType,
    PartialDate,
    Precision,
    add_days,
    add_months,
    is_absent,
    is_future,
    is_past,
    normalise_type,
    older_than,
    parse_date,
)


@pytest.mark.parametrize(
    "text,iso,precision",
    [
        ("2024-04", "2024-04", Precision.MONTH),  # v2 month date
        ("2024-04-08", "2024-04-08", Precision.DAY),  # v2 full date
        ("April 2024", "2024-04", Precision.MONTH),  # classic / XML month date
        ("Apr 8, 2024", "2024-04-08", Precision.DAY),  # page header
        ("November 14, 2025", "2025-11-14", Precision.DAY),  # page "Current as of"
        ("March 05, 2021", "2021-03-05", Precision.DAY),  # XML download date, zero-padded day
        ("ClinicalTrials.gov processed this data on May 11, 2016", "2016-05-11", Precision.DAY),
        ("Sept 2019", "2019-09", Precision.MONTH),
        ("Sept. 5, 2019", "2019-09-05", Precision.DAY),
        ("Jan. 5, 2020", "2020-01-05", Precision.DAY),
        ("March 5 2021", "2021-03-05", Precision.DAY),
        ("2024-04-08T10:00:00Z", "2024-04-08", Precision.DAY),
        ("  April   2024 ", "2024-04", Precision.MONTH),
        ("2016", "2016", Precision.YEAR),
    ],
)
def test_parse_forms_keep_precision(text, iso, precision):
    d = parse_date(text)
    assert d is not None and d.iso() == iso and d.precision is precision
    assert d.raw == text.strip()


@pytest.mark.parametrize("text", ["Q3 2025", "2024-13-01", "Feb 30, 2020", "TBD 2024", "soon", "20244-01"])
def test_unparseable_is_none_but_not_absent(text):
    assert parse_date(text) is None
    assert not is_absent(text)


@pytest.mark.parametrize("text", [None, "", "   ", "Not reported", "not  reported", "N/A", "--"])
def test_absent_values(text):
    assert is_absent(text)
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "value,expected",
    [
        ("ACTUAL", DateType.ACTUAL),
        ("Actual", DateType.ACTUAL),
        ("ESTIMATED", DateType.ESTIMATED),  # v2
        ("Anticipated", DateType.ESTIMATED),  # classic / XML
        ("Estimate", DateType.ESTIMATED),  # XML posted dates
        (None, None),
        ("", None),
        ("whatever", None),
    ],
)
def test_normalise_type(value, expected):
    assert normalise_type(value) is expected


def test_type_is_kept():
    assert parse_date("April 2024", "Anticipated").type is DateType.ESTIMATED
    assert parse_date("2024-04-08", DateType.ACTUAL).type is DateType.ACTUAL
    assert parse_date("2024-04-08").type is None  # a legacy typeless date stays typeless


def test_compare_at_the_coarser_precision_never_inventing_a_day():
    month = parse_date("2024-04")
    assert month.compare(parse_date("2024-04-08")) == 0
    assert month.compare(parse_date("2024-04-30")) == 0
    assert not month.is_before(parse_date("2024-04-01"))
    assert not month.is_after(parse_date("2024-04-30"))
    assert month.is_before(parse_date("2024-05-01"))
    assert month.is_after(parse_date("2024-03-31"))
    assert parse_date("2024").compare(parse_date("2024-12-31")) == 0
    assert parse_date("Apr 8, 2024").compare(parse_date("2024-04-08")) == 0


def test_add_months_keeps_precision_and_clamps_the_day():
    assert add_months(parse_date("2024-01-31"), 1).iso() == "2024-02-29"
    assert add_months(parse_date("2024-11"), 12).iso() == "2025-11"
    assert add_months(parse_date("2024-01"), -1).iso() == "2023-12"
    assert add_months(parse_date("2024-04"), 1).precision is Precision.MONTH


def test_add_days_moves_a_month_date_by_whole_months():
    assert add_days(parse_date("2025-12-20"), 30).iso() == "2026-01-19"
    assert add_days(parse_date("2025-09"), 30).iso() == "2025-10"
    assert add_days(parse_date("2025-09"), 31).iso() == "2025-11"


def test_older_than_is_certain_at_month_precision():
    now = parse_date("2025-11-14")
    assert older_than(parse_date("2024-10"), now, 12)  # every day of October 2024 is > 1 year before
    assert not older_than(parse_date("2024-11"), now, 12)  # undecidable at month precision
    assert older_than(parse_date("2024-11-13"), now, 12)
    assert not older_than(parse_date("2024-11-14"), now, 12)
    assert older_than(parse_date("2023-10"), now, 24)
    assert not older_than(parse_date("2023-11"), now, 24)


def test_past_and_future_with_grace():
    now = parse_date("2025-11-14")
    assert is_past(parse_date("2025-09"), now, 30)
    assert not is_past(parse_date("2025-10"), now, 30)  # October + 30 days may still be November
    assert not is_past(parse_date("2025-10-20"), now, 30)
    assert is_past(parse_date("2025-10-14"), now, 30)
    assert is_future(parse_date("2025-12"), now)
    assert not is_future(parse_date("2025-11"), now)


def test_partial_date_str_shows_type():
    assert str(parse_date("2024-04", "ESTIMATED")) == "2024-04 (estimated)"
    assert isinstance(parse_date("2024-04"), PartialDate)
