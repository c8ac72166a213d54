"""Results-reporting rules (TA9xx): the readers' results and FDAAA fields, the TrialsTracker logic,
real-data regressions.

Excerpts carry REAL values of the records named in their comments (shortened to the fields the
rules read).
"""

from __future__ import annotations

import copy
import importlib
from pathlib import Path

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Severity
from trial_audit.core.model import Source, TrialRecord, record_from_example
from trial_audit.engine.registry import RULES, Context
from trial_audit.readers.ctgov_classic import study_to_record as classic_record
from trial_audit.readers.ctgov_v2 import study_to_record as v2_record
from trial_audit.readers.ctgov_xml import read_xml

ROOT = Path(__file__).resolve().parents[1]
for _f in sorted((ROOT / "checks").glob("ta9*.py")):
    importlib.import_module(f"trial_audit.checks.{_f.stem}")
TA9 = {code: cls for code, cls in sorted(RULES.items()) if code.startswith("TA9")}
CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


def run(record: TrialRecord, only=None) -> list:
    return [f for code, cls in TA9.items() if only is None or code in only for f in cls().check(record, CTX)]


# --- TA901: results due, the TrialsTracker way --------------------------------------------------------

# NCT04207047 (ctgov-v2/NCT04207047.json): an FDA-regulated device trial, primary completion
# 2018-10-31, no results, version 2023-11-28
NCT04207047 = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT04207047"},
        "statusModule": {
            "overallStatus": "UNKNOWN",
            "startDateStruct": {"date": "2018-10-02", "type": "ACTUAL"},
            "primaryCompletionDateStruct": {"date": "2018-10-31", "type": "ACTUAL"},
            "completionDateStruct": {"date": "2020-03-31", "type": "ESTIMATED"},
        },
        "oversightModule": {"oversightHasDmc": False, "isFdaRegulatedDrug": False, "isFdaRegulatedDevice": True, "isUsExport": False},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "designInfo": {"primaryPurpose": "TREATMENT"}},
        "armsInterventionsModule": {"interventions": [{"type": "DEVICE", "name": "Genius"}]},
        "contactsLocationsModule": {"locations": [{"country": "United States"}]},
    },
    "derivedSection": {"miscInfoModule": {"versionHolder": "2023-11-28"}},
    "hasResults": False,
}


def _v2(study: dict) -> TrialRecord:
    return v2_record(copy.deepcopy(study), Source(path="v2.json"))


def test_overdue_act_message_gives_due_date_days_late_and_fields():
    r = _v2(NCT04207047)
    assert r.fda_regulated_device is True and r.primary_purpose == "TREATMENT"
    (f,) = run(r, {"TA901"})
    assert f.severity is Severity.ERROR and f.field == "dates.primary_completion" and f.evidence.text == "2018-10-31"
    assert "due by 2019-10-31" in f.message and "1489 days late as of 2023-11-28" in f.message  # the record's own as-of date
    assert "FDA-regulated device" in f.message and any(e.field == "fda_regulated_device" for e in f.related)


def _with(study: dict, **status) -> dict:
    s = copy.deepcopy(study)
    s["protocolSection"]["statusModule"].update(status)
    return s


def test_submitted_or_posted_results_are_not_overdue():
    assert run(_v2(_with(NCT04207047, resultsFirstSubmitDate="2019-09-30")), {"TA901"}) == []
    s = copy.deepcopy(NCT04207047)
    s["annotationSection"] = {"annotationModule": {"unpostedAnnotation": {"unpostedEvents": [{"type": "RELEASE", "date": "2020-01-10"}]}}}
    assert run(_v2(s), {"TA901"}) == []  # submitted, under QC review: TrialsTracker counts it reported


def test_certificate_of_delay_before_the_deadline_extends_it_and_after_does_not():
    on_time = _v2(_with(NCT04207047, dispFirstSubmitDate="2019-10-01"))
    (f,) = run(on_time, {"TA901"})  # 3 years: due 2021-10-31, still overdue in 2023
    assert "due by 2021-10-31" in f.message and "moves the deadline" in f.message
    late = _v2(_with(NCT04207047, dispFirstSubmitDate="2020-02-20"))  # NCT02782117's case: after the deadline
    (g,) = run(late, {"TA901"})
    assert "due by 2019-10-31" in g.message and "does not extend it" in g.message


@pytest.mark.parametrize(
    "change",
    [
        {"designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"]}},  # phase 1
        {"designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "designInfo": {"primaryPurpose": "DEVICE_FEASIBILITY"}}},
        {"designModule": {"studyType": "OBSERVATIONAL"}},
        {"oversightModule": {"isFdaRegulatedDrug": False, "isFdaRegulatedDevice": False}},
    ],
)
def test_not_applicable_trials(change):
    s = copy.deepcopy(NCT04207047)
    s["protocolSection"].update(change)
    assert run(_v2(s), {"TA901"}) == []


def test_within_the_posting_window_is_not_yet_overdue():
    base = {
        "study_type": "INTERVENTIONAL",
        "phases": ["PHASE3"],
        "fda_regulated_drug": True,
        "dates": {"start": "2019-02-01", "primary_completion": ["2021-03", "ACTUAL"]},
    }
    # a month-only date is read as its last day (TrialsTracker): due 2022-03-31, +30 days window
    assert run(record_from_example({**base, "as_of": "2022-04-30"}), {"TA901"}) == []
    (f,) = run(record_from_example({**base, "as_of": "2022-05-01"}), {"TA901"})
    assert "due by 2022-03-31" in f.message and "31 days late" in f.message


def test_probable_act_is_a_warning_and_needs_a_us_site():
    pact = {
        "study_type": "INTERVENTIONAL",
        "phases": ["PHASE2"],
        "interventions": [{"type": "DRUG", "name": "Drug X"}],
        "locations": [{"city": "Boston", "country": "United States"}],
        "dates": {"start": "2015-06", "primary_completion": ["2017-06", "ACTUAL"]},
        "as_of": "2020-01-01",
    }
    (f,) = run(record_from_example(pact), {"TA901"})
    assert f.severity is Severity.WARNING and "probable applicable clinical trial" in f.message
    assert run(record_from_example({**pact, "locations": [{"city": "Lyon", "country": "France"}]}), {"TA901"}) == []
    assert run(record_from_example({**pact, "fda_regulated": False}), {"TA901"}) == []  # marked not FDA-regulated
    ended_before = {**pact, "dates": {"start": "2015-06", "primary_completion": ["2016-12", "ACTUAL"]}}
    assert run(record_from_example(ended_before), {"TA901"}) == []


def test_legacy_xml_fdaaa_facts():
    # NCT00000378 (ctgov-xml): oversight_info, location_countries, the older top-level flag
    xml = b"""<clinical_study><id_info><nct_id>NCT00000378</nct_id></id_info>
    <is_fda_regulated>Yes</is_fda_regulated><oversight_info><has_dmc>No</has_dmc>
    <is_fda_regulated_drug>Yes</is_fda_regulated_drug></oversight_info>
    <study_design_info><primary_purpose>Treatment</primary_purpose></study_design_info>
    <disposition_first_submitted>March 3, 2016</disposition_first_submitted>
    <results_first_submitted>April 2, 2015</results_first_submitted>
    <location_countries><country>United States</country></location_countries></clinical_study>"""
    r = read_xml(xml, Source(path="x.xml"))
    assert (r.fda_regulated, r.fda_regulated_drug, r.primary_purpose) == (True, True, "TREATMENT")
    assert r.delay_certificate.iso() == "2016-03-03" and r.results_submitted.iso() == "2015-04-02"
    assert r.location_countries == ["United States"] and r.provenance["delay_certificate"] == "disposition_first_submitted"


# --- the results section, read from the three formats ---------------------------------------------------

# NCT00763412 (ctgov-v2): participant flow, first outcome measure, adverse-event groups (two groups of three)
V2_RESULTS = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT00763412"},
        "designModule": {"studyType": "INTERVENTIONAL", "enrollmentInfo": {"count": 31, "type": "ACTUAL"}},
        "outcomesModule": {"primaryOutcomes": [{"measure": "BMI", "timeFrame": "2 year/end of study"}]},
    },
    "resultsSection": {
        "participantFlowModule": {
            "groups": [{"id": "FG000", "title": "Placebo"}, {"id": "FG001", "title": "2. Repaglinide"}],
            "periods": [
                {
                    "title": "Overall Study",
                    "milestones": [
                        {
                            "type": "STARTED",
                            "achievements": [{"groupId": "FG000", "numSubjects": "8"}, {"groupId": "FG001", "numSubjects": "8"}],
                        }
                    ],
                }
            ],
        },
        "outcomeMeasuresModule": {
            "outcomeMeasures": [
                {
                    "type": "PRIMARY",
                    "title": "BMI",
                    "timeFrame": "2 year/end of study",
                    "groups": [{"id": "OG000", "title": "1 Placebo"}, {"id": "OG001", "title": "2. Repaglinide"}],
                    "denoms": [
                        {"units": "Participants", "counts": [{"groupId": "OG000", "value": "4"}, {"groupId": "OG001", "value": "4"}]}
                    ],
                }
            ]
        },
        "adverseEventsModule": {
            "eventGroups": [
                {
                    "id": "EG000",
                    "title": "Placebo",
                    "seriousNumAffected": 0,
                    "seriousNumAtRisk": 8,
                    "otherNumAffected": 0,
                    "otherNumAtRisk": 8,
                }
            ]
        },
    },
}


def test_v2_results_section():
    r = _v2(V2_RESULTS)
    res = r.results
    assert [(g.title, g.count) for g in res.flow_started] == [("Placebo", 8), ("2. Repaglinide", 8)] and res.flow_periods == 1
    assert [(o.kind, o.title) for o in res.outcomes] == [("PRIMARY", "BMI")]
    assert [(g.title, g.count) for g in res.outcomes[0].analysed] == [("1 Placebo", 4), ("2. Repaglinide", 4)]
    assert [(e.kind, e.affected, e.at_risk) for e in res.events] == [("serious", 0, 8), ("other", 0, 8)]
    assert r.text("results.flow_started[1].count") == "8"
    # the real record: 16 started, actual enrollment 31, no pre-assignment details
    (f,) = run(r, {"TA903"})
    assert "16 participants started" in f.message and f.evidence.text == "31" and len(f.related) == 2


def test_explained_or_multi_period_flows_are_not_compared_with_enrollment():
    s = copy.deepcopy(V2_RESULTS)
    s["resultsSection"]["participantFlowModule"]["preAssignmentDetails"] = "31 enrolled, 16 randomised after run-in."
    assert run(_v2(s), {"TA903"}) == []
    s = copy.deepcopy(V2_RESULTS)
    periods = s["resultsSection"]["participantFlowModule"]["periods"]
    periods.append(copy.deepcopy(periods[0]))
    assert run(_v2(s), {"TA903"}) == []


# NCT00023673 (ctgov-classic): the flow, one outcome's denominators and one serious event, shortened
CLASSIC_RESULTS = {
    "ProtocolSection": {"IdentificationModule": {"NCTId": "NCT00023673"}},
    "ResultsSection": {
        "ParticipantFlowModule": {
            "FlowGroupList": {"FlowGroup": [{"FlowGroupId": "FG000", "FlowGroupTitle": "Phase I: 75.25 Gy/36 fx + Chemotherapy"}]},
            "FlowPeriodList": {
                "FlowPeriod": [
                    {
                        "FlowPeriodTitle": "Overall Study",
                        "FlowMilestoneList": {
                            "FlowMilestone": [
                                {
                                    "FlowMilestoneType": "STARTED",
                                    "FlowAchievementList": {
                                        "FlowAchievement": [{"FlowAchievementGroupId": "FG000", "FlowAchievementNumSubjects": "8"}]
                                    },
                                }
                            ]
                        },
                    }
                ]
            },
        },
        "OutcomeMeasuresModule": {
            "OutcomeMeasureList": {
                "OutcomeMeasure": [
                    {
                        "OutcomeMeasureType": "Primary",
                        "OutcomeMeasureTitle": "Maximum Tolerated Dose (MTD)",
                        "OutcomeGroupList": {
                            "OutcomeGroup": [{"OutcomeGroupId": "OG000", "OutcomeGroupTitle": "Phase I: 75.25 Gy/36 fx + Chemotherapy"}]
                        },
                        "OutcomeDenomList": {
                            "OutcomeDenom": [
                                {
                                    "OutcomeDenomUnits": "Participants",
                                    "OutcomeDenomCountList": {
                                        "OutcomeDenomCount": [{"OutcomeDenomCountGroupId": "OG000", "OutcomeDenomCountValue": "7"}]
                                    },
                                }
                            ]
                        },
                    }
                ]
            }
        },
        "AdverseEventsModule": {
            "EventGroupList": {
                "EventGroup": [
                    {
                        "EventGroupId": "EG000",
                        "EventGroupTitle": "Phase I",
                        "EventGroupSeriousNumAffected": "7",
                        "EventGroupSeriousNumAtRisk": "8",
                    }
                ]
            },
            "SeriousEventList": {
                "SeriousEvent": [
                    {
                        "SeriousEventTerm": "Hemoglobin decreased",
                        "SeriousEventStatsList": {
                            "SeriousEventStats": [
                                {
                                    "SeriousEventStatsGroupId": "EG000",
                                    "SeriousEventStatsNumAffected": "2",
                                    "SeriousEventStatsNumAtRisk": "8",
                                }
                            ]
                        },
                    }
                ]
            },
        },
    },
}


def test_classic_results_section_and_an_impossible_count():
    r = classic_record(copy.deepcopy(CLASSIC_RESULTS), Source(path="c.json"))
    res = r.results
    assert [(g.group, g.count) for g in res.flow_started] == [("FG000", 8)]
    assert res.outcomes[0].kind == "PRIMARY" and res.outcomes[0].analysed[0].count == 7
    assert [(e.term, e.affected, e.at_risk) for e in res.events] == [(None, 7, 8), ("Hemoglobin decreased", 2, 8)]
    assert run(r, {"TA904", "TA905"}) == []
    bad = copy.deepcopy(CLASSIC_RESULTS)
    stats = bad["ResultsSection"]["AdverseEventsModule"]["SeriousEventList"]["SeriousEvent"][0]["SeriousEventStatsList"][
        "SeriousEventStats"
    ][0]
    stats["SeriousEventStatsNumAffected"] = "9"
    (f,) = run(classic_record(bad, Source(path="c.json")), {"TA905"})
    assert '"Hemoglobin decreased"' in f.message and (f.evidence.text, f.related[0].text) == ("9", "8")


# NCT00000378 (ctgov-xml): its results section, shortened to one outcome and the serious-event total
XML_RESULTS = b"""<?xml version="1.0" encoding="UTF-8"?>
<clinical_study><id_info><nct_id>NCT00000378</nct_id></id_info><study_type>Interventional</study_type>
<primary_outcome><measure>HAMILTON Rating Scale for DEPRESSION Range</measure><time_frame>BASELINE COMPARED TO 12 WEEK MEASUREMENT</time_frame></primary_outcome>
<enrollment type="Actual">110</enrollment>
<clinical_results><participant_flow><group_list><group group_id="P1"><title>Sertaline</title></group>
<group group_id="P2"><title>Nortriptyline</title></group></group_list>
<period_list><period><title>Overall Study</title><milestone_list><milestone><title>STARTED</title><participants_list>
<participants group_id="P1" count="58"/><participants group_id="P2" count="52"/></participants_list></milestone></milestone_list></period></period_list>
</participant_flow>
<outcome_list><outcome><type>Primary</type><title>HAMILTON Rating Scale for DEPRESSION Range</title><time_frame>BASELINE COMPARED TO 12 WEEK MEASUREMENT</time_frame>
<group_list><group group_id="O1"><title>Sertaline</title></group><group group_id="O2"><title>Nortriptyline</title></group></group_list>
<measure><title>HAMILTON Rating Scale for DEPRESSION Range</title><analyzed_list><analyzed><units>Participants</units><scope>Measure</scope>
<count_list><count group_id="O1" value="58"/><count group_id="O2" value="52"/></count_list></analyzed></analyzed_list></measure></outcome></outcome_list>
<reported_events><group_list><group group_id="E1"><title>Sertaline</title></group></group_list><serious_events><category_list><category><title>Total</title>
<event_list><event><sub_title>Total, serious adverse events</sub_title><counts group_id="E1" subjects_affected="0" subjects_at_risk="58"/></event></event_list>
</category></category_list></serious_events></reported_events></clinical_results></clinical_study>"""


def test_xml_results_section_read_after_the_fast_parse_cut_it():
    r = read_xml(XML_RESULTS, Source(path="x.xml"))
    res = r.results
    assert [(g.title, g.count) for g in res.flow_started] == [("Sertaline", 58), ("Nortriptyline", 52)]
    assert [(g.title, g.count) for g in res.outcomes[0].analysed] == [("Sertaline", 58), ("Nortriptyline", 52)]
    assert [(e.term, e.affected, e.at_risk) for e in res.events] == [(None, 0, 58)]
    assert run(r) == []
    analysed_more = read_xml(XML_RESULTS.replace(b'group_id="O2" value="52"', b'group_id="O2" value="60"'), Source(path="x.xml"))
    (f,) = run(analysed_more, {"TA904"})
    assert f.evidence.text == "60" and f.related[0].field == "results.flow_started[1].count" and '"Nortriptyline"' in f.message


def test_a_group_starting_in_a_later_period_is_not_analysed_more_than_started():
    # NCT02028676 (ARROW): "Stopped Cotrimoxazole Prophylaxis" starts 0 in the first period and
    # its participants in a later one; STARTED is the largest over the periods
    r = record_from_example(
        {
            "results": {
                "flow_started": [{"title": "Stopped Cotrimoxazole Prophylaxis", "count": 382}],
                "outcomes": [
                    {
                        "kind": "PRIMARY",
                        "title": "Cotrimoxazole: New Hospitalisation or Death",
                        "analysed": [{"title": "Stopped Cotrimoxazole Prophylaxis", "count": 382}],
                    }
                ],
            }
        }
    )
    assert run(r, {"TA904"}) == []
    xml = XML_RESULTS.replace(
        b"</period_list>",
        b'<period><title>Maintenance</title><milestone_list><milestone><title>STARTED</title><participants_list><participants group_id="P2" count="60"/>'
        b"</participants_list></milestone></milestone_list></period></period_list>",
    ).replace(b'group_id="O2" value="52"', b'group_id="O2" value="60"')
    r = read_xml(xml, Source(path="x.xml"))
    assert r.results.flow_periods == 2 and run(r, {"TA904"}) == []


# --- TA902: outcome switching ----------------------------------------------------------------------------


def test_switching_and_rewording():
    registered = [
        {
            "kind": "PRIMARY",
            "title": "Once Versus Twice Daily Abacavir+Lamivudine: Suppressed HIV RNA Viral Load 48 Weeks After Randomisation",
        },
        {"kind": "SECONDARY", "title": "Once Versus Twice Daily Abacavir+Lamivudine: All-cause Mortality"},
    ]  # NCT02028676's titles: a shared prefix is not the same measure
    r = record_from_example({"outcomes": registered, "results": {"outcomes": [{"kind": "PRIMARY", "title": registered[1]["title"]}]}})
    (f,) = run(r, {"TA902"})
    assert "registered as secondary outcome 1" in f.message and f.field == "results.outcomes[0].title"
    same = record_from_example(
        {
            "outcomes": [{"kind": "PRIMARY", "title": "Overall survival"}],
            "results": {"outcomes": [{"kind": "PRIMARY", "title": "Overall Survival (OS)"}, {"kind": "SECONDARY", "title": "Anything"}]},
        }
    )
    assert run(same, {"TA902"}) == []


def test_adverse_event_term_findings_are_capped():
    events = [{"group": "EG000", "title": "Drug", "kind": "other", "term": f"Term {i}", "affected": 11, "at_risk": 10} for i in range(6)]
    found = run(record_from_example({"results": {"events": events}}), {"TA905"})
    assert len(found) == 3 and "3 more event terms" in found[-1].message


def test_the_registry_s_own_violation_flag_is_named():
    # v2 oversightModule.fdaaa801Violation (7 v2-bulk records carry it), on NCT04207047's facts
    s = copy.deepcopy(NCT04207047)
    s["protocolSection"]["oversightModule"].update({"fdaaa801Violation": True, "isUnapprovedDevice": True})
    r = _v2(s)
    assert (r.fdaaa801_violation, r.unapproved_device) == (True, True)
    (f,) = run(r, {"TA901"})
    assert "records an FDAAA 801 violation" in f.message
