"""ICTRP dates that could be read two ways, and month-only dates (issue 23: "say when a date is
ambiguous instead of guessing"). A slashed date is read by the export's dd/mm/yyyy convention
(docs/readers.md: every slashed registration date agrees, read so, with its yyyymmdd twin); when both
numbers could be the month and nothing in the record settles it, the record keeps the other reading
and every finding resting on the date says so. Real values with their record ID and file."""

from __future__ import annotations

from trial_audit.checks._shared.timeline import ambiguity
from trial_audit.checks.ta020_same_trial_records_disagree import SameTrialRecordsDisagree
from trial_audit.checks.ta406_status_contradicts_dates import StatusContradictsDates
from trial_audit.core.dates import Precision, parse_date
from trial_audit.core.model import Source, TrialRecord, record_from_example
from trial_audit.engine.registry import Context
from trial_audit.readers.ictrp_fields import row_to_record
from trial_audit.readers.ictrp_values import parse_ictrp_date


def _csv_row(trial_id: str, **cells: str) -> TrialRecord:
    fields = {
        "TrialID": trial_id,
        "Source Register": "EU Clinical Trials Register" if trial_id.startswith("EUCTR") else "ClinicalTrials.gov",
        "Public title": "A trial",
        "Export date": "4/15/2020 4:11:24 PM",
        "Inclusion Criteria": "Inclusion criteria: adults",
    }
    fields.update({k.replace("_", " "): v for k, v in cells.items()})
    return row_to_record(fields, Source("x.csv", "ictrp-csv"), "csv")


# --- reading -----------------------------------------------------------------------------------


def test_real_start_date_both_ways_keeps_the_other_reading():
    # EUCTR2020-000890-25-FR (ictrp-csv, COVID19-1135-trials_sample300.csv): Date enrollement "05/03/2020", no twin.
    # (The XLSX download gives the same trial's date as a cell, 2020-03-05: the convention holds, but this
    # record alone cannot show it.)
    value = parse_ictrp_date("05/03/2020")
    assert value.date.iso() == "2020-03-05" and value.also.iso() == "2020-05-03"
    rec = _csv_row("EUCTR2020-000890-25-FR", Date_registration="10/03/2020", Date_registration3="20200310", Date_enrollement="05/03/2020")
    assert rec.dates["start"].iso() == "2020-03-05"
    assert rec.extra["ambiguous_dates"] == {"dates.start": {"raw": "05/03/2020", "read_as": "2020-03-05", "could_be": "2020-05-03"}}
    assert "dd/mm/yyyy" in rec.extra["date_conventions"]["dates.start"]


def test_a_twin_or_a_number_over_twelve_settles_the_reading():
    # NCT04259892 (ictrp-csv): Date registration "05/02/2020" beside Date registration3 "20200205": settled by the twin
    assert parse_ictrp_date("05/02/2020", "20200205").also is None
    # EUCTR2015-002340-14-NL (ictrp-csv): Date enrollement "16/09/2015": 16 cannot be a month
    assert parse_ictrp_date("16/09/2015").also is None
    # synthetic: the same number twice reads the same both ways; year-first (UMIN) is not read month-day swapped
    assert parse_ictrp_date("05/05/2020").also is None
    assert parse_ictrp_date("2020/03/05").also is None
    rec = _csv_row("NCT04259892", Date_registration="05/02/2020", Date_registration3="20200205", Date_enrollement="February 2020")
    assert "ambiguous_dates" not in rec.extra


def test_real_month_only_dates_keep_month_precision():
    # NCT00523276 (ictrp-xml, ICTRP-Results_18Mar2020_sample300.xml): Date_enrollement "January 1996"
    value = parse_ictrp_date("January 1996")
    assert value.date.precision is Precision.MONTH and value.date.day is None and value.date.iso() == "1996-01"
    assert value.also is None
    # NCT04281693 (ictrp-csv): "February 2020" - no day is made up, so it is neither before nor after a day in February
    rec = _csv_row("NCT04281693", Date_registration="20/02/2020", Date_registration3="20200220", Date_enrollement="February 2020")
    start = rec.dates["start"]
    assert start.precision is Precision.MONTH and start.day is None
    assert start.compare(rec.dates["first_submitted"]) == 0
    assert not start.is_before(parse_date("2020-02-01")) and not start.is_after(parse_date("2020-02-29"))


# --- findings resting on such a date ---------------------------------------------------------------


def test_cross_registry_finding_says_how_the_date_was_read_and_the_other_reading():
    rule = SameTrialRecordsDisagree()
    ictrp = _csv_row("NCT04259892", Date_registration="05/02/2020", Date_registration3="20200205", Date_enrollement="04/03/2020")
    assert ictrp.dates["start"].iso() == "2020-03-04"
    # the same trial, as of the same day, with a start date that is the month-first reading
    other = record_from_example({"nct_id": "NCT04259892", "as_of": ictrp.as_of.iso(), "dates": {"start": "2020-04-03"}})
    (f,) = [f for f in rule.compare(rule.digest(ictrp, "NCT04259892"), rule.digest(other, "NCT04259892")) if "start" in f.message]
    assert "'04/03/2020' (\"04/03/2020\" is read as dd/mm/yyyy, the export's convention: 2020-03-04" in f.message
    assert "it could also be mm/dd/yyyy: 2020-04-03" in f.message and "it is the other record's date" in f.message
    assert f.evidence.field == "dates.start" and f.evidence.text == "04/03/2020" and f.related[0].text == "2020-04-03"
    # another date altogether: the caveat, but not "the other record's date"
    other = record_from_example({"nct_id": "NCT04259892", "as_of": ictrp.as_of.iso(), "dates": {"start": "2020-06-01"}})
    (f,) = [f for f in rule.compare(rule.digest(ictrp, "NCT04259892"), rule.digest(other, "NCT04259892")) if "start" in f.message]
    assert "could also be mm/dd/yyyy: 2020-04-03" in f.message and "other record's date" not in f.message


def test_a_date_read_one_way_gets_no_caveat():
    rule = SameTrialRecordsDisagree()
    ictrp = _csv_row("NCT04259892", Date_registration="05/02/2020", Date_registration3="20200205", Date_enrollement="16/03/2020")
    other = record_from_example({"nct_id": "NCT04259892", "as_of": ictrp.as_of.iso(), "dates": {"start": "2020-03-17"}})
    (f,) = [f for f in rule.compare(rule.digest(ictrp, "NCT04259892"), rule.digest(other, "NCT04259892")) if "start" in f.message]
    assert "mm/dd/yyyy" not in f.message and ambiguity(ictrp, "start") == ""


def test_timeline_finding_on_an_ambiguous_start_date_says_so():
    rec = record_from_example(
        {
            "overall_status": "NOT_YET_RECRUITING",
            "as_of": "2020-06-01",
            "dates": {"start": "2020-03-05"},
            "extra": {"ambiguous_dates": {"dates.start": {"raw": "05/03/2020", "read_as": "2020-03-05", "could_be": "2020-05-03"}}},
        }
    )
    ctx = Context(as_of=parse_date("2020-06-01"), today=parse_date("2020-06-01"))
    (f,) = list(StatusContradictsDates().check(rec, ctx))
    assert 'start date 2020-03-05 ("05/03/2020" is read as dd/mm/yyyy, the export\'s convention' in f.message
    assert "could also be mm/dd/yyyy: 2020-05-03" in f.message
