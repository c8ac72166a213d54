"""The injection benchmark's other registries' formats (benchmarks/inject_registries.py) and its
fresh wording half (benchmarks/inject_wordings_fresh.py).

Checks the machinery only: copies keep their format (the tool reads every one back), a defect
lands where the operator says, the registry's own value styles survive. No recall is asserted,
and no fresh wording is quoted here (rule developers run these tests).
"""

from __future__ import annotations

import copy
import json
import random
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import inject_ops as ops  # noqa: E402
import inject_ops_outcomes as outcome_ops  # noqa: E402
import inject_registries as reg  # noqa: E402
import inject_wordings_fresh as fresh  # noqa: E402

from trial_audit.core.model import TrialRecord  # noqa: E402
from trial_audit.readers import iter_records  # noqa: E402

FIELDS = [
    "TrialID", "Last Refreshed on", "Public title", "Scientific title", "Date registration", "Date registration3", "Export date",
    "Source Register", "Recruitment Status", "Inclusion agemin", "Inclusion agemax", "Inclusion gender", "Date enrollement",
    "Inclusion Criteria", "Exclusion Criteria", "Condition",
]  # fmt: skip

# ChiCTR2000030382 as the WHO ICTRP COVID-19 CSV download has it
# (../shared/data/ictrp-csv/COVID19-1135-trials_sample300.csv; criteria shortened to their first items)
CHICTR = {
    "TrialID": "ChiCTR2000030382",
    "Last Refreshed on": "2 March 2020",
    "Public title": "Construction and application of non-contact doctor-patient interactive diagnosis and treatment model",
    "Scientific title": "Construction and application of non-contact doctor-patient interactive diagnosis and treatment model",
    "Date registration": "2020-02-17",
    "Date registration3": "20200217",
    "Export date": "4/15/2020 4:11:24 PM",
    "Source Register": "ChiCTR",
    "Recruitment Status": "Recruiting",
    "Inclusion agemin": "18",
    "Inclusion agemax": "65",
    "Inclusion gender": "Both",
    "Date enrollement": "2020-03-01",
    "Inclusion Criteria": "Inclusion criteria: 1. Meet the diagnostic criterias for novel coronavirus pneumonia during the medical "
    "observation period; \n<br>2. Aged 18 to 65 years old; 10-day spacer\n<br>3. Voluntarily received inderect moxibustion for at "
    "least 10 days;\n<br>4. Voluntarily test and abide by the relevant management regulations of the hospital.",
    "Exclusion Criteria": "Exclusion criteria: 1. If the researcher judges that a previous or current disease may affect the outcome;"
    "\n<br>2. Suffering from diseases that seriously affect the immune system;\n<br>3. Pregnant and lactating women;",
    "Condition": "Novel coronavirus pneumonia (COVID-19)",
}
# NCT04259892 in the same file: ClinicalTrials.gov's text, both sections in the inclusion field
NCT_ROW = {
    **{k: "" for k in FIELDS},
    "TrialID": "NCT04259892",
    "Public title": "Viral Excretion in Contact Subjects at High/Moderate Risk of Coronavirus 2019-nCoV Infection",
    "Date registration": "05/02/2020",
    "Date registration3": "20200205",
    "Export date": "4/15/2020 4:11:24 PM",
    "Source Register": "ClinicalTrials.gov",
    "Recruitment Status": "Recruiting",
    "Inclusion agemin": "N/A",
    "Date enrollement": "February 4, 2020",
    "Inclusion Criteria": "\n<br>        Inclusion Criteria:\n<br>\n<br>          -  High/moderate risk contact with a laboratory-confirmed "
    "2019-nCoV case\n<br>\n<br>          -  Undergoing standard sanitary surveillance by Santé Publique France\n<br>\n<br>          -  "
    "Written informed consent for patients = 18 years\n<br>\n<br>        Exclusion Criteria:\n<br>\n<br>          -  Subject deprived "
    "of freedom\n<br>\n<br>          -  Subject under a legal protective measure\n<br>      ",
    "Condition": "Coronavirus",
}


def _load(row: dict, fmt: str = "ictrp-csv") -> reg.Ictrp:
    return reg.load(fmt, json.dumps({"fields": FIELDS, "row": row}))


def _rendered(a) -> tuple[list, bool]:
    secs, numbered = ops.parse_criteria(a.get("criteria"))
    return secs, numbered


def _work(a, secs, numbered, half="tune", seed=1) -> ops.Work:
    return ops.Work(a, copy.deepcopy(secs), numbered, a.as_of(), random.Random(seed), half)


def test_fresh_half_covers_every_wording_list() -> None:
    for key, halves in {**ops.WORDINGS, **outcome_ops.WORDINGS}.items():
        assert "fresh" in halves, key
        assert len(halves["fresh"]) >= len(halves["heldout"]), key
        assert not set(map(str, halves["fresh"])) & set(map(str, halves["tune"] + halves["heldout"])), key


def test_fresh_scope_wordings_name_their_own_chapter() -> None:
    """A record whose conditions name a fresh wording's specialty must be skipped: each wording
    contains a word of its chapter's list."""
    for chapter, text in fresh.SCOPE:
        words = ops.CHAPTER_WORDS[chapter].split()
        assert any(w in text.lower() for w in words), (chapter, text[:20])


@pytest.mark.parametrize("key", ["summary_age", "criteria_age"])
def test_fresh_age_wordings_state_the_drawn_ages(key: str) -> None:
    for tmpl in ops.WORDINGS[key]["fresh"]:
        lo, hi = (2, 12) if "{lo_m}" in tmpl else (25, 60)
        assert fresh.age_wording_fits(tmpl, lo, hi)
        text = tmpl.format(pop="adults", Pop="Adults", **fresh.age_fields(lo, hi))
        shown = {str(lo), fresh.spelled(lo), str(lo * 12), str(hi), fresh.spelled(hi)}
        assert any(s in text for s in shown), key


def test_numbers_written_out() -> None:
    assert [fresh.spelled(n) for n in (7, 18, 40, 65, 120)] == ["seven", "eighteen", "forty", "sixty-five", "120"]
    assert [fresh.ordinal(n) for n in (21, 22, 23, 11, 65)] == ["21st", "22nd", "23rd", "11th", "65th"]


def test_ictrp_two_fields_keep_their_labels_and_sections() -> None:
    a = _load(CHICTR)
    assert a.section_fields
    secs, numbered = _rendered(a)
    assert [s.header for s in secs] == ["Inclusion criteria:", "Exclusion criteria:"] and numbered
    base = a.clone()
    base.set("criteria", ops.render_criteria(secs, numbered, base.fmt))
    row = base.n["row"]
    assert row["Inclusion Criteria"].startswith("Inclusion criteria:<br>1. Meet")
    assert row["Exclusion Criteria"].startswith("Exclusion criteria:<br>1. If the researcher")

    # the exclusion header removed: its items follow the inclusion items, the exclusion field is empty
    w = _work(base.clone(), secs, numbered)
    assert ops.op_remove_exclusion_header(w)
    w.a.set("criteria", ops.render_criteria(w.secs, numbered, w.a.fmt))
    assert w.a.n["row"]["Exclusion Criteria"] == ""
    assert w.a.n["row"]["Inclusion Criteria"].endswith("Pregnant and lactating women;")
    # a label before the field's first item is how ICTRP writes every field: never injected as a defect
    assert ops.op_header_into_first_item(_work(base.clone(), secs, numbered)) is None


def test_ictrp_clinicaltrials_gov_text_stays_in_one_field() -> None:
    a = _load(NCT_ROW)
    assert not a.section_fields
    secs, numbered = _rendered(a)
    assert [s.header for s in secs] == ["Inclusion Criteria:", "Exclusion Criteria:"] and not numbered
    w = _work(a.clone(), secs, numbered)
    assert ops.op_header_into_first_item(w)
    w.a.set("criteria", ops.render_criteria(w.secs, numbered, w.a.fmt))
    assert w.a.n["row"]["Exclusion Criteria"] == ""
    assert not w.a.section_fields  # still read as one field with its own headers


def test_ictrp_ages_and_dates_keep_the_registry_style() -> None:
    a = _load({**CHICTR, "Inclusion agemin": ">= 20age old", "Date registration": "17/02/2020"})
    assert a.get("min_age") == "20 Years" and a.get("max_age") == "65 Years"
    a.set("min_age", "75 Years")
    assert a.n["row"]["Inclusion agemin"] == ">= 75age old"
    assert a.get_date("first_submitted") == ((2020, 2, 17), None)
    a.set_date("first_submitted", (2021, 6, 15), "ACTUAL")
    assert (a.n["row"]["Date registration"], a.n["row"]["Date registration3"]) == ("15/06/2021", "20210615")
    a.set_date("first_submitted", None, None)
    assert a.n["row"]["Date registration"] == a.n["row"]["Date registration3"] == ""
    assert a.as_of() == (2020, 4, 15)  # the export's US time stamp, month first

    x = reg.load("ictrp-xlsx", json.dumps({"fields": FIELDS, "row": {**CHICTR, "Inclusion agemin": 18}}))
    x.set("min_age", "30 Years")
    assert x.n["row"]["Inclusion agemin"] == 30
    x.n["row"]["Date enrollement"] = datetime(2020, 3, 1)
    x.set_date("start", (2019, 9, None), None)
    assert x.n["row"]["Date enrollement"] == datetime(2019, 9, 1)


def test_fresh_ids_keep_their_registry_shape() -> None:
    assert reg.fresh_id_like("ChiCTR2000030382", 90000001) == "ChiCTR9090000001"
    assert reg.fresh_id_like("DRKS00038775", 90000002) == "DRKS90000002"
    assert reg.fresh_id_like("EUCTR2020-001366-11-ES", 90000042) == "EUCTR2020-900042-11-ES"
    assert reg.fresh_id_like("CTRI/2020/03/024402", 90000003).startswith("CTRI/2020/03/9")
    # short digit runs: the ID would come back unchanged if only its digits were replaced
    rebec = {reg.fresh_id_like("RBR-9pgwfc", n) for n in range(90000001, 90000201)}
    assert len(rebec) == 200 and "RBR-9pgwfc" not in rebec
    assert all(len(i) == len("RBR-9pgwfc") and i.startswith("RBR-9") for i in rebec)
    assert reg.fresh_id_like("NL8493", 90000004) == "NL90000004"
    assert reg.fresh_id_like("SLCTR/2020/010", 90000004) == "SLCTR/90000004/010"


@pytest.mark.parametrize("fmt", ["ictrp-xml", "ictrp-csv", "ictrp-xlsx"])
def test_ictrp_batches_are_read_back_by_the_tool(fmt: str, tmp_path: Path) -> None:
    if fmt == "ictrp-xml":
        import xml.etree.ElementTree as ET

        trial = ET.Element("Trial")
        for name in FIELDS:
            ET.SubElement(trial, name.replace(" ", "_")).text = CHICTR[name] or None
        a = reg.load(fmt, ET.tostring(trial, encoding="utf-8"))
    else:
        a = _load(CHICTR, fmt)
    secs, numbered = _rendered(a)
    w = _work(a.clone(), secs, numbered)
    assert ops.op_skip_number(w)
    w.a.set("criteria", ops.render_criteria(w.secs, numbered, fmt))
    dumps = [a.dump("ChiCTR2000030382", "ChiCTR2000030382"), w.a.dump("ChiCTR2000030382", "ChiCTR9090000001")]
    path = reg.write_batch(fmt, dumps, str(tmp_path / "batch"))
    recs = list(iter_records([path]))
    assert all(isinstance(r, TrialRecord) for r in recs), recs
    by_id = {r.registry_id: r for r in recs}
    assert set(by_id) == {"ChiCTR2000030382", "ChiCTR9090000001"}
    assert by_id["ChiCTR9090000001"].criteria != by_id["ChiCTR2000030382"].criteria
    assert "Exclusion" in by_id["ChiCTR9090000001"].criteria


# DRKS00038775 (../shared/data/drks-json), the fields the benchmark touches; English criteria shortened
DRKS = {
    "drksId": "DRKS00038775",
    "registrationDrks": "2025-12-17",
    "lastUpdate": "2025-12-17",
    "recruitment": {
        "actualStartDate": "2025-11-01",
        "scheduledCompletionDate": "2026-12-31",
        "status": "RECRUITING",
        "minimumAge": {"amount": 18, "unit": "YEARS"},
        "maximumAge": {"amount": None, "unit": "NO_MAX_AGE"},
        "recruitmentDescriptions": [
            {"idLocale": {"locale": "en"}, "inclusionCriteria": "All adult patients in whom pregnancy-associated osteoporosis was "
             "diagnosed.", "exclusionCriteria": "Exclusion criteria include an uncertain diagnosis or minor age."},
        ],
    },
    "trialDescriptions": [{"idLocale": {"locale": "en"}, "title": "Retrospective characterization of patients with rare osteological "
                           "diseases", "summary": "In Berlin, the care of patients with rare osteological diseases is comparatively good."}],
    "studiedHealthConditions": [{"studiedHealthConditionDescriptions": [{"comment": "pregnancy- and lactation-associated osteoporosis"}]}],
}  # fmt: skip


def test_drks_fields() -> None:
    a = reg.load("drks", json.dumps(DRKS))
    assert a.status() == "RECRUITING" and a.get("min_age") == "18 Years" and a.get("max_age") is None
    assert a.get_date("start") == ((2025, 11, 1), "ACTUAL") and a.get_date("completion") == ((2026, 12, 31), "ESTIMATED")
    assert "osteoporosis" in a.conditions_text()
    secs, numbered = _rendered(a)
    w = _work(a.clone(), secs, numbered)
    assert ops.op_merge_header_into_item(w)
    w.a.set("criteria", ops.render_criteria(w.secs, numbered, "drks"))
    desc = w.a.n["recruitment"]["recruitmentDescriptions"][0]
    assert desc["exclusionCriteria"] is None and "minor age" in desc["inclusionCriteria"]
    a.set_date("completion", (2020, 12, None), "ESTIMATED")
    assert a.n["recruitment"]["scheduledCompletionDate"] == "2020-12-01"
    a.set_date("start", None, None)
    assert a.get_date("start") == (None, None)
