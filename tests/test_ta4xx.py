"""Timeline & status rules (TA4xx): the seed's defects, real-data regressions, the corpus run.

Regression records below carry REAL values of the records named in their comments (excerpts of
the fields the rules read); each was a false positive of an earlier version of a rule, or is a
true positive whose message was wrong.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Severity
from trial_audit.core.model import TrialRecord, record_from_example
from trial_audit.engine.registry import RULES, Context

ROOT = Path(__file__).resolve().parents[1]
for _f in sorted((ROOT / "checks").glob("ta4*.py")):  # only this family: others may be mid-edit
    importlib.import_module(f"trial_audit.checks.{_f.stem}")
TA4 = {code: cls for code, cls in sorted(RULES.items()) if code.startswith("TA4")}
CTX = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))


def run(record: TrialRecord, ctx: Context = CTX, codes=None) -> list:
    out = []
    for code, cls in TA4.items():
        if codes is None or code in codes:
            out.extend(cls().check(record, ctx))
    return out


def rec(example: dict, fmt: str | None = None) -> TrialRecord:
    r = record_from_example(example)
    if fmt:
        r.source.format = fmt
    return r


def codes(findings) -> list[str]:
    return sorted(f.rule for f in findings)


# --- the family's own documented examples (independent of other families' modules) ---------


@pytest.mark.parametrize("code", list(TA4))
def test_examples(code):
    cls = TA4[code]
    assert cls.bad and cls.good
    for ex in cls.bad:
        fs = list(cls().check(record_from_example(ex), CTX))
        assert fs, f"{code} did not fire on {ex}"
        assert all(f.evidence is not None and f.evidence.field for f in fs)
    for ex in cls.good:
        assert not list(cls().check(record_from_example(ex), CTX)), f"{code} fired on {ex}"


def test_every_rule_has_a_curator_message_and_category():
    for cls in TA4.values():
        assert cls.category.value in {"timeline", "status", "history"}  # history: TA480-TA499, version changes
        assert "Why" in cls.doc() and "Fix" in cls.doc()


# --- the seed page ----------------------------------------------------------------------------


def test_seed_timeline_defects_are_all_reported():
    from conftest import SEED_PAGE

    readers = pytest.importorskip("trial_audit.readers")
    records = [r for r in readers.iter_records([SEED_PAGE]) if isinstance(r, TrialRecord)]
    assert len(records) == 1
    page = records[0]
    fs = run(page, Context())  # no --as-of: the page's own "Current as of" is the reference
    assert Context().now_for(page).iso() == "2025-11-14"
    missing = {f.field for f in fs if f.rule == "TA401"}
    # First submit, Trial launched, Trial updated (blank) and Estimated completion ("Not reported")
    assert missing == {"dates.first_submitted", "dates.start", "dates.last_update_posted", "dates.completion"}
    shown = {f.field: f.evidence.text for f in fs if f.rule == "TA401"}
    assert shown["dates.completion"] == "Not reported" and shown["dates.start"] == ""
    assert all(f.evidence.start == f.evidence.end == 0 for f in fs if f.rule == "TA401")
    # the header says "Launched ... Apr 8, 2024", the Timeline's "Trial launched" is empty
    (launch,) = [f for f in fs if f.rule == "TA410"]
    assert launch.field == "dates.start"
    assert launch.related[0].field == "display_dates.header_launch"
    assert launch.related[0].text == "Apr 8, 2024" == page.text("display_dates.header_launch")
    # "Recruiting" with no date it was ever updated or verified
    (stale,) = [f for f in fs if f.rule == "TA408"]
    assert stale.evidence.field == "overall_status" and stale.evidence.text == "RECRUITING"
    assert any(e.field == "as_of" and e.text == "November 14, 2025" for e in stale.related)


# --- false positives turned into regressions (real values) ----------------------------------


def test_pcd_not_demanded_of_a_study_that_ended_before_fdaaa():
    """Not an error: a note saying the law of the study's time did not require it."""
    # NCT00147615 (urology CSV export): completed 2006-06, updated 2020-12-22, PCD cell blank
    r = rec(
        {
            "overall_status": "COMPLETED",
            "study_type": "INTERVENTIONAL",
            "dates": {
                "start": "2004-10",
                "primary_completion": "",
                "completion": "2006-06",
                "first_posted": "2005-09-07",
                "last_update_posted": "2020-12-22",
            },
        },
        "ctgov-csv",
    )
    (f,) = run(r, codes={"TA401"})
    assert f.severity is Severity.INFO and f.field == "dates.primary_completion"
    assert "the study had ended by its study completion date (2006-06), before FDAAA made it a required data element" in f.message


def test_completion_not_demanded_of_a_record_last_updated_before_the_final_rule():
    # NCT01637623 (XML downloaded May 11, 2016): recruiting, no completion_date element
    r = rec(
        {
            "overall_status": "RECRUITING",
            "as_of": "ClinicalTrials.gov processed this data on May 11, 2016",
            "dates": {
                "first_submitted": "June 29, 2012",
                "start": "June 2012",
                "primary_completion": ["February 2016", "Anticipated"],
                "last_update_submitted": "October 9, 2015",
                "status_verified": "October 2015",
            },
        },
        "ctgov-xml",
    )
    (note,) = run(r, codes={"TA401"})
    assert note.severity is Severity.INFO and note.field == "dates.completion"
    assert "last updated 2015-10-09" in note.message and "before the Final Rule" in note.message
    # ... but NCT02465060, updated 2018-05-09 and still without one, is reported
    r2 = rec(
        {
            "overall_status": "RECRUITING",
            "as_of": "May 14, 2018",
            "dates": {
                "first_submitted": "June 3, 2015",
                "start": ["August 12, 2015", "Actual"],
                "primary_completion": ["June 30, 2022", "Anticipated"],
                "last_update_submitted": "May 9, 2018",
                "status_verified": "March 2018",
            },
        },
        "ctgov-xml",
    )
    (f,) = run(r2, codes={"TA401"})
    assert f.field == "dates.completion" and f.evidence.text == "" and f.severity is Severity.ERROR


def test_withheld_record_is_not_asked_for_dates():
    # NCT01827488 (XML): overall_status Withheld, no verification_date
    r = rec(
        {
            "overall_status": "WITHHELD",
            "dates": {"first_submitted": "April 4, 2013", "start": "April 2013", "last_update_submitted": "June 30, 2013"},
        },
        "ctgov-xml",
    )
    assert not run(r, codes={"TA401"})


def test_csv_export_is_not_asked_for_dates_it_cannot_carry():
    # a CSV export has no submitted / verified dates and no why-stopped column
    r = rec(
        {
            "overall_status": "TERMINATED",
            "dates": {"start": "2004-09", "completion": "2005-03", "first_posted": "2006-07-12", "last_update_posted": "2006-07-12"},
        },
        "ctgov-csv",
    )
    assert not run(r, codes={"TA401", "TA407"})


def test_suspended_stale_record_is_not_said_to_show_as_unknown():
    # NCT03143790 (urology CSV, exported 2024-09): still "SUSPENDED" though stale and past completion
    r = rec(
        {
            "overall_status": "SUSPENDED",
            "dates": {
                "start": "2014-08",
                "primary_completion": "2018-08",
                "completion": "2018-12",
                "first_posted": "2017-05-08",
                "last_update_posted": "2017-05-08",
            },
        },
        "ctgov-csv",
    )
    (f,) = run(r, Context(as_of=parse_date("2024-09-23")), codes={"TA409"})
    assert "Unknown" not in f.message


def test_stale_recruiting_with_future_completion_is_not_said_to_show_as_unknown():
    # NCT03281889 (v2, versionHolder 2023-12-05): verified 2021-01, completion 2025-03-31 estimated
    r = rec(
        {
            "overall_status": "RECRUITING",
            "as_of": "2023-12-05",
            "dates": {"status_verified": "2021-01", "completion": ["2025-03-31", "ESTIMATED"]},
        },
        "ctgov-v2",
    )
    (f,) = run(r, codes={"TA409"})
    assert "Unknown" not in f.message and f.evidence.text == "2021-01"
    # NCT00216060 (XML 2016): verified 2007-12, completion March 2008 anticipated: the registry's Unknown
    r2 = rec(
        {
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "as_of": "May 11, 2016",
            "dates": {"status_verified": "December 2007", "completion": ["March 2008", "Anticipated"]},
        }
    )
    (f2,) = run(r2, codes={"TA409"})
    assert "Unknown" in f2.message


def test_typeless_legacy_start_of_a_completed_study_is_not_questioned():
    # NCT00763412 (v2): startDateStruct {"date": "2006-11"} has no type; completion 2013-01 ACTUAL
    r = rec(
        {
            "overall_status": "COMPLETED",
            "as_of": "2024-01-03",
            "dates": {
                "start": "2006-11",
                "primary_completion": ["2013-01", "ACTUAL"],
                "completion": ["2013-01", "ACTUAL"],
                "status_verified": "2017-05",
            },
        },
        "ctgov-v2",
    )
    assert not run(r, codes={"TA404", "TA405", "TA406"})


def test_estimate_posted_dates_of_old_records_are_not_anticipated_dates():
    # NCT02586688 (XML 2018): study_first_posted type="Estimate" 2015-10-26, last_update_posted Estimate
    r = rec(
        {
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "as_of": "May 11, 2018",
            "dates": {
                "first_posted": ["October 26, 2015", "Estimate"],
                "last_update_posted": ["February 2, 2018", "Estimate"],
                "status_verified": "January 2018",
            },
        }
    )
    assert not run(r, codes={"TA404", "TA405"})


def test_withdrawn_and_unknown_keep_their_anticipated_dates():
    # NCT04529460 (classic, version Dec 22, 2022): withdrawn, "Funding withdrawn", dates anticipated
    w = rec(
        {
            "overall_status": "WITHDRAWN",
            "why_stopped": "Funding withdrawn",
            "as_of": "December 22, 2022",
            "dates": {
                "start": ["September 1, 2020", "Anticipated"],
                "completion": ["April 30, 2021", "Anticipated"],
                "status_verified": "October 2021",
            },
        }
    )
    assert not run(w)
    # NCT03475563 (v2, 2024-01-03): UNKNOWN (last known RECRUITING), completion 2019-12-30 ESTIMATED
    u = rec(
        {
            "overall_status": "UNKNOWN",
            "as_of": "2024-01-03",
            "dates": {"start": ["2018-08-16", "ACTUAL"], "completion": ["2019-12-30", "ESTIMATED"], "status_verified": "2019-11"},
        }
    )
    assert not run(u)


def test_reference_date_is_the_records_own_as_of():
    # NCT05380986 (XML downloaded May 09, 2023): start May 20, 2022 anticipated, recruiting
    r = rec(
        {
            "overall_status": "RECRUITING",
            "as_of": "ClinicalTrials.gov processed this data on May 09, 2023",
            "dates": {"start": ["May 20, 2022", "Anticipated"], "completion": ["May 1, 2025", "Anticipated"]},
        }
    )
    late = Context(as_of=parse_date("2030-01-01"))
    (f,) = run(r, late, codes={"TA405", "TA406"})  # 2025 completion is not "past": the record is of 2023
    assert f.rule == "TA405" and f.field == "dates.start"
    assert f.related[0].field == "as_of" and "May 09, 2023" in f.related[0].text


def test_month_precision_is_not_a_year_old_within_its_month():
    r = rec({"overall_status": "RECRUITING", "as_of": "2025-11-14", "dates": {"status_verified": "2024-11"}})
    assert not run(r, codes={"TA408", "TA409"})


def test_out_of_order_pair_reports_both_sides():
    r = rec(
        {"dates": {"start": ["2024-06", "ACTUAL"], "primary_completion": ["2024-03-01", "ACTUAL"], "completion": ["2024-02", "ACTUAL"]}}
    )
    fs = run(r, codes={"TA403"})
    pairs = {(f.field, f.related[0].field) for f in fs}
    assert pairs == {("dates.primary_completion", "dates.start"), ("dates.completion", "dates.primary_completion")}
    assert all(f.evidence.text and f.related[0].text for f in fs)


def test_rules_survive_odd_records():
    odd = [
        TrialRecord(source=rec({}).source),
        rec({"overall_status": "RECRUITING", "dates": {"start": "   "}, "display_dates": {"header_launch": "soon"}}),
        rec({"overall_status": "WEIRD_STATUS", "dates": {"completion": ["2020", "ACTUAL"]}}),
        rec({"overall_status": "TERMINATED", "why_stopped": None, "enrollment": None, "enrollment_type": "ACTUAL"}),
    ]
    for r in odd:
        run(r)
        run(r, Context())


# --- the real corpus --------------------------------------------------------------------------


def test_corpus_firing_rates_are_plausible(shared_data):
    readers = pytest.importorskip("trial_audit.readers")
    folders = [shared_data / f for f in ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv")]
    n = 0
    flagged: dict[str, int] = {code: 0 for code in TA4}
    t0 = time.perf_counter()
    rules = [cls() for cls in TA4.values()]
    for r in readers.iter_records([f for f in folders if f.is_dir()]):
        if not isinstance(r, TrialRecord):
            continue
        n += 1
        ctx = Context(as_of=r.as_of or parse_date("2026-03-24"))
        for rule in rules:
            fs = list(rule.check(r, ctx))
            if fs:
                flagged[rule.code] += 1
            for f in fs:
                assert f.evidence is not None and f.evidence.field and f.message
    assert n > 5000 and time.perf_counter() - t0 < 60
    for code, k in flagged.items():
        assert k / n < 0.05, f"{code} fires on {k}/{n} records"
    # registry-validated orders and actual dates hold in real records
    assert flagged["TA403"] == 0 and flagged["TA404"] == 0
    # stale and overdue records are common in real exports
    assert flagged["TA405"] > 0 and flagged["TA406"] > 0 and flagged["TA408"] > 0


# --- the reference date of a CSV export ----------------------------------------------------

SEED_CSV = ROOT / "seeds" / "csv_urology_ctg-studies_first20.csv"


def _csv_report(tmp_path: Path, name: str, as_of: str | None = None, text: str | None = None):
    from trial_audit.engine.runner import RunOptions, audit_paths

    path = tmp_path / name
    path.write_text(text if text is not None else SEED_CSV.read_text(encoding="utf-8"), encoding="utf-8")
    return audit_paths([path], RunOptions(as_of=parse_date(as_of) if as_of else None, jobs=1))


def test_csv_export_is_judged_as_of_its_latest_posted_date(tmp_path):
    # the seed's 20 rows (ctg-studies.csv, exported 2024): latest Last Update Posted 2024-09-19
    report = _csv_report(tmp_path, "ctg-studies.csv")
    groups = report.record_as_of()
    assert groups == [{"as_of": "2024-09-19", "source": "inferred from the latest Last Update Posted in ctg-studies.csv", "records": 20}]
    assert "2024-09-19 for 20 records, inferred from the latest Last Update Posted in ctg-studies.csv" in report.as_of_statement()
    head = report.head_dict()
    assert head["as_of_source"].startswith("today") and head["record_as_of"] == groups
    found = {(r.id, f.rule) for r in report.records for f in r.findings if f.rule.startswith("TA4") and f.severity is not Severity.INFO}
    # judged against 2024-09-19 (against 2026-11-27 it was 17 findings): the two stale records, and two
    # still "Not yet recruiting" after their start dates (2024-01; 2024-08-10, last updated 2024-08-13)
    assert found == {("NCT05231083", "TA408"), ("NCT05385822", "TA409"), ("NCT06121687", "TA406"), ("NCT06550752", "TA406")}
    msg = next(f.message for r in report.records for f in r.findings if f.rule == "TA409")
    assert "the file's date 2024-09-19, inferred from the latest Last Update Posted" in msg


def test_explicit_as_of_wins_over_an_inferred_export_date(tmp_path):
    report = _csv_report(tmp_path, "ctg-studies.csv", as_of="2026-11-27")
    assert report.record_as_of() == []
    assert report.as_of == "2026-11-27" and "given" in report.as_of_source
    assert sum(f.rule == "TA409" for r in report.records for f in r.findings) >= 5


def test_each_csv_file_has_its_own_date(tmp_path):
    """Several exports in one run: every record is judged as of its own file's date, the header lists them."""
    import csv
    import io

    from trial_audit.engine.runner import RunOptions, audit_paths

    rows = list(csv.reader(io.StringIO(SEED_CSV.read_text(encoding="utf-8"))))
    posted = [i for i, h in enumerate(rows[0]) if h in ("Last Update Posted", "First Posted", "Results First Posted")]
    older = [row[:] for row in rows]
    for row in older[1:]:
        for i in posted:
            row[i] = "2023-01-02" if row[i] else ""
    blank = [row[:] for row in rows]
    for row in blank[1:]:
        for i in posted:
            row[i] = ""
    for name, table in (("new.csv", rows), ("old.csv", older), ("blank.csv", blank)):
        out = io.StringIO()
        csv.writer(out).writerows(table)
        (tmp_path / name).write_text(out.getvalue(), encoding="utf-8")
    report = audit_paths([tmp_path], RunOptions(jobs=1))
    groups = {(g["as_of"], g["source"].rsplit(" ", 1)[-1], g["records"]) for g in report.record_as_of()}
    # the export whose posted dates are all blank has nothing to infer from: the run's date applies
    assert groups == {("2024-09-19", "new.csv", 20), ("2023-01-02", "old.csv", 20)}
    statement = report.as_of_statement()
    assert statement.index("2024-09-19") < statement.index("2023-01-02")  # latest first


def test_export_date_takes_the_latest_posted_date_not_an_anticipated_one():
    from trial_audit.readers.ctgov_csv import export_date

    rows = [
        ["NCT Number", "Completion Date", "First Posted", "Last Update Posted", "Results First Posted"],
        ["NCT00000001", "2030-01", "2019-02-01", "2023-03-04", ""],
        ["NCT00000002", "2031-05-01", "2020-01-01", "2022-12-31", "2024-01-05"],
        ["NCT00000003", "", "not a date", "", ""],
    ]
    found = export_date(rows)
    assert found is not None and found[0].iso() == "2024-01-05" and found[1] == "Results First Posted"
    assert export_date([["NCT Number", "Start Date"], ["NCT00000001", "2024-01"]]) is None


def test_registry_estimated_posted_date_is_not_compared_with_the_submitted_date():
    # NCT00007371 (legacy XML, enrollment_and_studylength.zip): study_first_submitted December 19, 2000,
    # study_first_posted type="Estimate" November 28, 2000 (the registry's estimate from its QC date)
    r = rec({"dates": {"first_submitted": "December 19, 2000", "first_posted": ["November 28, 2000", "Estimate"]}}, "ctgov-xml")
    assert not run(r, codes={"TA403"})
    # an actual posted date before the submission is still impossible
    r2 = rec({"dates": {"first_submitted": "December 19, 2000", "first_posted": ["November 28, 2000", "Actual"]}}, "ctgov-xml")
    assert codes(run(r2, codes={"TA403"})) == ["TA403"]


# --- unseen-part hand-check (round 1): when a record shows that its study had ended -------------


def test_verified_date_of_a_completed_study_shows_it_ended_before_fdaaa():
    """A Completed record with no dates at all, verified in 1996 and last updated in 2008: the
    study had ended by its verification date, so the missing dates are a note, not an error."""
    # NCT00000818 (legacy XML): Completed, verification_date May 1996, last_update_submitted July 28, 2008
    r = rec(
        {
            "overall_status": "COMPLETED",
            "study_type": "INTERVENTIONAL",
            "dates": {"status_verified": "May 1996", "first_submitted": "November 2, 1999", "last_update_submitted": "July 28, 2008"},
        },
        "ctgov-xml",
    )
    found = run(r, codes={"TA401"})
    assert found and all(f.severity is Severity.INFO for f in found)
    assert "status verified date (1996-05)" in found[0].message
    # the same record in other words: withdrawn, verified 2006, updated 2013 (NCT00003517 pattern)
    w = rec(
        {
            "overall_status": "WITHDRAWN",
            "study_type": "INTERVENTIONAL",
            "dates": {"status_verified": "2006-12", "first_submitted": "1999-11-01", "last_update_submitted": "2013-07-09"},
        },
        "ctgov-xml",
    )
    assert all(f.severity is Severity.INFO for f in run(w, codes={"TA401", "TA407"}))


def test_a_completion_date_later_than_the_last_update_is_no_evidence_of_an_end():
    """CSV dates carry no type: a primary completion after the record's last update was an estimate
    when written, so it does not show that an Unknown-status study ended."""
    # NCT01866995 (urology CSV export): UNKNOWN, Primary Completion 2013-09, Last Update Posted 2013-06-03
    r = rec(
        {
            "overall_status": "UNKNOWN",
            "study_type": "INTERVENTIONAL",
            "dates": {
                "start": "2013-05",
                "primary_completion": "2013-09",
                "first_posted": "2013-05-31",
                "last_update_posted": "2013-06-03",
            },
        },
        "ctgov-csv",
    )
    for f in run(r, codes={"TA401"}):
        assert "ended" not in f.message  # the record does not show that it ended
    from trial_audit.checks._shared.timeline import FINAL_RULE, ended_before

    assert ended_before(r, FINAL_RULE) is None
    # while an actual completion date before the rule still is evidence, whatever the last update
    done = rec(
        {
            "overall_status": "COMPLETED",
            "study_type": "INTERVENTIONAL",
            "dates": {
                "start": "2004-01",
                "completion": ("2006-06", "ACTUAL"),
                "first_submitted": "2004-01-05",
                "status_verified": "2019-03",
                "last_update_submitted": "2019-03-01",
            },
        },
        "ctgov-xml",
    )
    found = run(done, codes={"TA401"})
    assert found and all(f.severity is Severity.INFO for f in found)
