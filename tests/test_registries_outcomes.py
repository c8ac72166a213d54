"""ICTRP / DRKS outcome fields -> canonical outcome measures, and the outcome rules on them (issue 23).

Excerpts are copied from ../shared/data (the record ID and file in a comment); each layout is
also tested in other words, so the parser holds for wordings it was not written against.
"""

from __future__ import annotations

import csv
import sys

import pytest

from trial_audit.checks.ta803_outcome_time_frame_not_specific import OutcomeTimeFrameNotSpecific
from trial_audit.checks.ta805_several_measures_in_one_title import SeveralMeasuresInOneTitle
from trial_audit.checks.ta807_outcome_title_only_abbreviation import OutcomeTitleOnlyAbbreviation
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context
from trial_audit.engine.runner import RunOptions, audit_paths
from trial_audit.readers import iter_records
from trial_audit.readers.ictrp_fields import row_to_record
from trial_audit.readers.ictrp_outcomes import ParsedOutcome, parse_outcomes

P = ParsedOutcome


def _titles(raw: str, registry: str | None = None) -> list[str]:
    return [o.title for o in parse_outcomes(raw, registry)]


# --- layouts of the registries (real excerpts) ----------------------------------------------------


def test_semicolon_lists_are_one_outcome_per_item():
    # ChiCTR2000029953 (ictrp-csv "Primary outcome")
    raw = "duration of in hospital;in hospital mortality;the 28s day' mortality after admission;duration of ICU stay;"
    assert _titles(raw, "ChiCTR") == [
        "duration of in hospital",
        "in hospital mortality",
        "the 28s day' mortality after admission",
        "duration of ICU stay",
    ]
    assert all(o.time_frame is None for o in parse_outcomes(raw, "ChiCTR"))  # none given: left empty, not guessed
    # other words: a ";" inside brackets does not split
    assert _titles("Blood tests (CRP; ferritin);Chest CT score;") == ["Blood tests (CRP; ferritin)", "Chest CT score"]


def test_numbered_lines_are_one_outcome_per_entry():
    # JPRN-UMIN000039686 (ictrp-csv)
    raw = "1.\tDate of ECMO discontinuation<br>2.\tDate of invasive mechanical ventilation discontinuation<br>3.\tDate of ICU Discharge"
    assert _titles(raw, "JPRN") == [
        "Date of ECMO discontinuation",
        "Date of invasive mechanical ventilation discontinuation",
        "Date of ICU Discharge",
    ]
    # ISRCTN15281137 (ictrp-csv): indented entries between <br>s
    raw = (
        "<br>                1. Efficacy of candidate vaccine measured by virologically confirmed (PCR positive) symptomatic cases"
        " of COVID-19 over the course of 6 months<br>                2. Safety of candidate vaccine measured by the occurrence of"
        " serious adverse events (SAEs) over the course of 6 months<br>            "
    )
    assert [t[:20] for t in _titles(raw, "ISRCTN")] == ["Efficacy of candidat", "Safety of candidate "]
    # other words: bullets and a lead-in line
    assert _titles("Co-primary outcomes:<br>- Weight loss at week 12<br>- Waist circumference<br>") == [
        "Weight loss at week 12",
        "Waist circumference",
    ]
    # a line that is no list item stays part of its outcome (ANZCTR's note under an outcome)
    assert _titles("Describe the clinical features.<br><br>(This is verbatim from submitted protocol)") == [
        "Describe the clinical features. (This is verbatim from submitted protocol)"
    ]


def test_labelled_time_frames_are_read():
    # SLCTR/2020/011 (ictrp-xlsx): two outcomes on <br> lines, each closed by its bracketed time frame
    raw = (
        "Number of participants symptomatic for COVID-19. (Symptomatic illness will be defined as  presence of fever) "
        "[Time frame: from the time of recruitment until the completion of 14 days]<br>Number of participants testing "
        "positive for SARS-CoV-2 virus using rRT-PCR [ Time frame: day 14 from the time of recruitment]<br>"
    )
    out = parse_outcomes(raw, "SLCTR")
    assert [o.time_frame for o in out] == [
        "from the time of recruitment until the completion of 14 days",
        "day 14 from the time of recruitment",
    ]
    assert out[1].title == "Number of participants testing positive for SARS-CoV-2 virus using rRT-PCR"
    # IRCT20100228003449N28 (ictrp-csv): "Timepoint:" and "Method of measurement:" labels
    out = parse_outcomes(
        "Complications of the treatment. Timepoint: Daily. Method of measurement: Interview and patient's record.;"
        "Response to the treatment. Timepoint: Daily. Method of measurement: According the clinical findings.",
        "IRCT",
    )
    assert out[0] == P("Complications of the treatment", "Daily", "Method of measurement: Interview and patient's record.")
    assert [o.title for o in out] == ["Complications of the treatment", "Response to the treatment"]
    # CTRI/2020/03/024402 (ictrp-xlsx): the label glued to the title
    assert parse_outcomes("Infected  Non infectedTimepoint: Time to clinical improvement", "CTRI") == [
        P("Infected Non infected", "Time to clinical improvement")
    ]
    # ANZCTR: "outcome[time point]" (ACTRN12620000421932, ictrp-csv), only in ANZCTR's layout
    assert parse_outcomes("Mortality<br>[At hospital discharge or 28 days post intensive care unit admission. ]", "ANZCTR") == [
        P("Mortality", "At hospital discharge or 28 days post intensive care unit admission")
    ]
    assert parse_outcomes("Score on the scale [0-10]", "ChiCTR") == [P("Score on the scale [0-10]")]
    # other words
    assert parse_outcomes("Serum ferritin [Time Frame: baseline and week 4]") == [P("Serum ferritin", "baseline and week 4")]
    assert parse_outcomes("Pain score. Time point: 6 hours after surgery.") == [P("Pain score", "6 hours after surgery")]


def test_labelled_parts_are_one_outcome_and_objectives_are_none():
    # EUCTR2015-002340-14-NL (ictrp-csv): time frame first, objectives after the end point
    raw = (
        "Timepoint(s) of evaluation of this end point: 90 Days from the date of enrolment.;Primary end point(s): All-cause "
        "mortality at 90 days.;<br>                Main Objective: The primary objective of this REMAP is to identify the effect"
    )
    assert parse_outcomes(raw, "EUCTR") == [P("All-cause mortality at 90 days", "90 Days from the date of enrolment.")]
    # EUCTR2020-001270-29-GB (ictrp-csv): a numbered list in the one end-point field, one time frame for both
    raw = (
        "Main Objective: Evaluate the effect of HCQ;Primary end point(s): 1. Phase 2: Change in SpO2/FiO2 ratio from baseline  to"
        "  Day 15.<br>2. Phase 3 (may be reassessed after review of phase 2): Change in SpO2/FiO2 ratio from baseline to Day 15;"
        "Timepoint(s) of evaluation of this end point: 1, 2. Baseline to Day 15"
    )
    out = parse_outcomes(raw, "EUCTR")
    assert [o.title[:8] for o in out] == ["Phase 2:", "Phase 3 "] and {o.time_frame for o in out} == {"1, 2. Baseline to Day 15"}
    # only objectives: no outcome
    assert parse_outcomes("Main Objective: To shorten the period of virus carrying;Secondary Objective: To evaluate") == []
    # LBCTR2020043495 (ictrp-xlsx) and PER-010-20 (ictrp-xlsx)
    assert parse_outcomes("Name: All-cause mortality;Timepoints: At discharge or death;Measure: Discharge date or Cause of death") == [
        P("All-cause mortality", "At discharge or death", "Discharge date or Cause of death")
    ]
    assert parse_outcomes("Outcome name:Ratio of the number of deaths<br>Measure:All-cause mortality<br>Timepoints:5 months") == [
        P("Ratio of the number of deaths", "5 months", "All-cause mortality")
    ]


def test_ctri_broken_break_tag_is_a_line_break():
    # CTRI/2020/04/024805 (ictrp-xlsx) writes "<br/ >"
    assert _titles("Reduction in outpatients <br/ ><br>Reduction in surgeries") == ["Reduction in outpatients Reduction in surgeries"]
    assert _titles("1) Reduction in outpatients <br/ >2) Reduction in surgeries") == ["Reduction in outpatients", "Reduction in surgeries"]


# --- the outcome rules on records of a format without time-frame / description fields ------------


def _ictrp(primary: str, registry: str = "ChiCTR", trial_id: str = "ChiCTR2000030390") -> TrialRecord:
    fields = {
        "TrialID": trial_id,
        "Source Register": registry,
        "Public title": "A trial",
        "Inclusion Criteria": "Inclusion criteria: adults",
        "Study type": "Interventional study",
        "Primary outcome": primary,
    }
    return row_to_record(fields, Source("x.csv", "ictrp-csv"), "csv")


def test_outcome_rules_skip_facts_the_format_does_not_carry():
    # ChiCTR2000030390 (ictrp-xml): "CT;SEN, SPE, ACC, AUC of ROC;" - ChiCTR's outcome has no time-frame or
    # description field: no "missing time frame" (TA803) and no "abbreviation without description" (TA807)
    rec = _ictrp("CT;SEN, SPE, ACC, AUC of ROC;")
    assert [(o.kind, o.title, o.time_frame) for o in rec.outcomes] == [
        ("PRIMARY", "CT", None),
        ("PRIMARY", "SEN, SPE, ACC, AUC of ROC", None),
    ]
    assert list(OutcomeTimeFrameNotSpecific().check(rec, Context())) == []
    assert list(OutcomeTitleOnlyAbbreviation().check(rec, Context())) == []
    # several measures in one title is still the registrant's doing, in any format
    assert [f.rule for f in SeveralMeasuresInOneTitle().check(rec, Context())] == ["TA805"]
    # ISRCTN77353041 (ictrp-csv): time points written in the title, the format's only place for them: not reported
    rec = _ictrp(
        "Hospital admission for any reason among patients who tested positive within 30 days, measured at days 7, 14, and 60",
        "ISRCTN",
        "ISRCTN77353041",
    )
    assert list(SeveralMeasuresInOneTitle().check(rec, Context())) == []
    # a time frame the registry does give is still checked (EUCTR2020-000982-18-NO: "Please see above")
    rec = _ictrp("Primary end point(s): Mortality at day 28;Timepoint(s) of evaluation of this end point: Please see above", "EUCTR")
    assert [f.rule for f in OutcomeTimeFrameNotSpecific().check(rec, Context())] == ["TA803"]


def test_outcome_provenance_names_the_field():
    rec = _ictrp("Mortality[28 days]", "ANZCTR", "ACTRN12620000421932")
    assert rec.outcomes[0].time_frame == "28 days"
    assert rec.provenance["outcomes[0].time_frame"] == "csv:Primary outcome"
    assert rec.primary_outcomes == ["Mortality[28 days]"]  # the WHO item as written, for the completeness rules


# --- the shared data: every row is a record, counts add up ----------------------------------------


def _rows(path) -> int:
    csv.field_size_limit(sys.maxsize)
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
        n = sum(1 for row in book.worksheets[0].iter_rows(values_only=True) if any(v not in (None, "") for v in row)) - 1
        book.close()
        return n
    if path.suffix == ".xml":
        return path.read_bytes().count(b"<Trial>")
    if path.suffix == ".json":
        return 1
    with path.open(encoding="utf-8-sig", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


@pytest.mark.parametrize("folder", ["ictrp-xml", "ictrp-csv", "ictrp-xlsx", "drks-json", "criteria-corpus"])
def test_every_row_of_each_shared_file_is_audited_or_unreadable(shared_data, folder):
    """records == audited + unreadable == the file's rows, per file (PROVENANCE.tsv: 300 per ICTRP file)."""
    for path in sorted((shared_data / folder).iterdir()):
        report = audit_paths([path], RunOptions(select=["TA001", "TA002"]))
        summary = report.summary()
        rows = _rows(path)
        assert summary["records"] == summary["audited"] + summary["unreadable"] == rows, (path.name, summary, rows)
        assert summary["unreadable"] == 0, path.name
        if folder.startswith("ictrp"):
            assert rows == 300


def test_real_ictrp_slashed_dates_follow_the_export_convention(shared_data):
    """Every slashed registration date of the CSV and XML exports agrees, read day first, with the export's own
    yyyymmdd twin (Date_registration3): so a date such as 03/04/2020 is not ambiguous in these exports."""
    checked = 0
    for folder in ("ictrp-csv", "ictrp-xml"):
        for rec in iter_records([shared_data / folder]):
            raw = rec.dates.get("first_submitted")
            assert "first_submitted" not in rec.unparsed_dates, rec.id
            if raw is not None and raw.raw and "/" in raw.raw:
                checked += 1
    assert checked == 291  # 189 CSV + 102 XML slashed registration dates, all read (none contradicts its twin)
