"""Defect-injection operators for outcome measures (TA8xx) and results reporting (TA9xx).

Plugged into benchmarks/inject.py beside the operators of inject_ops.py (same ``Operator`` and
``Work``). Each operator edits the record in its own format (v2 / classic JSON, legacy XML; the
CSV export joins an outcome's title, description and time frame in one cell, so nothing here
applies to it) and returns what it injected, or None when the record has nowhere to put it.

The wordings are written for this benchmark (none is taken from the data or from the rules'
patterns) and split into a ``tune`` and a ``heldout`` half like inject_ops.WORDINGS; both halves
were written by the same person who wrote the rules, so the held-out half measures variety, not
blindness (docs/rules-ta8xx.md says so). A third half, ``fresh``, written later by someone who did
not read the rules, is merged in from inject_wordings_fresh.py, and a fourth, ``fresh2``, written
after the third had been seen by the tuners, from inject_wordings_fresh2.py, and a fifth, ``fresh3``, written
after the fourth had been seen, from inject_wordings_fresh3.py, and a sixth, ``fresh4``, written after the fifth
had been seen, from inject_wordings_fresh4.py (docs/detection.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from inject_formats import _MONTHS, add_months
from inject_ops import Operator, Work
from inject_wordings_fresh import OUTCOME as OUTCOME_FRESH
from inject_wordings_fresh2 import OUTCOME as OUTCOME_FRESH2
from inject_wordings_fresh3 import OUTCOME as OUTCOME_FRESH3
from inject_wordings_fresh4 import OUTCOME as OUTCOME_FRESH4

WORDINGS: dict[str, dict[str, list[str]]] = {
    "domain": {
        "tune": [
            "Safety",
            "Efficacy",
            "Safety and tolerability",
            "Clinical response",
            "Effectiveness",
            "Efficacy and safety of the study drug",
        ],
        "heldout": ["Tolerability", "Overall efficacy", "Assessment of safety", "Treatment response", "Clinical benefit", "Toxicity"],
    },
    "bare_time": {"tune": ["12", "24", "6", "0, 12, 24"], "heldout": ["52", "3", "1-6", "8"]},
    "vague_time": {
        "tune": ["Throughout the study", "Ongoing", "End of study", "Study duration"],
        "heldout": ["For the length of the study", "Until study completion", "Long term", "During the trial"],
    },
    "abbreviation": {"tune": ["HAMD", "ORR", "BMI", "PANSS", "QoL"], "heldout": ["MADRS score", "DAS28", "FEV1", "VAS", "IIEF"]},
    "two_measures": {
        "tune": [
            "PANSS and CGI scores",
            "Change in HbA1c at 3 and 6 months",
            "Beck Depression Inventory and Hamilton Anxiety Rating Scale",
            "1) Body weight 2) Waist circumference",
        ],
        "heldout": [
            "Pain VAS, WOMAC and SF-36",
            "Serum ferritin at weeks 4, 8 and 12",
            "MMSE and ADAS-Cog scores",
            "(1) Blood pressure (2) Heart rate",
        ],
    },
}
_FORMATS = ("v2", "classic", "xml")


for _key, _fresh in OUTCOME_FRESH.items():  # the third half (inject_wordings_fresh.py)
    WORDINGS[_key]["fresh"] = _fresh
for _key, _fresh in OUTCOME_FRESH2.items():  # the fourth half (inject_wordings_fresh2.py)
    WORDINGS[_key]["fresh2"] = _fresh
for _key, _fresh in OUTCOME_FRESH3.items():  # the fifth half (inject_wordings_fresh3.py)
    WORDINGS[_key]["fresh3"] = _fresh
for _key, _fresh in OUTCOME_FRESH4.items():  # the sixth half (inject_wordings_fresh4.py)
    WORDINGS[_key]["fresh4"] = _fresh


def pick(key: str, w: Work) -> str:
    return w.rng.choice(WORDINGS[key][w.half if w.half in ("tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4") else "tune"])


# --- native access: outcome measures ------------------------------------------------------------

_KINDS = {
    "PRIMARY": ("primaryOutcomes", "PrimaryOutcome", "primary_outcome"),
    "SECONDARY": ("secondaryOutcomes", "SecondaryOutcome", "secondary_outcome"),
}
_PARTS = {
    "title": ("measure", "Measure", "measure"),
    "time_frame": ("timeFrame", "TimeFrame", "time_frame"),
    "description": ("description", "Description", "description"),
}


class Outcome:
    """One outcome measure of a native record: get / set its title, time frame and description."""

    def __init__(self, fmt: str, kind: str, node: Any):
        self.fmt, self.kind, self.node = fmt, kind, node

    def _key(self, part: str) -> str:
        v2, classic, xml = _PARTS[part]
        if self.fmt == "v2":
            return v2
        if self.fmt == "classic":
            return _KINDS[self.kind][1] + classic
        return xml

    def get(self, part: str) -> str | None:
        if self.fmt == "xml":
            el = self.node.find(self._key(part))
            return el.text if el is not None else None
        return self.node.get(self._key(part))

    def set(self, part: str, value: str | None) -> None:
        key = self._key(part)
        if self.fmt == "xml":
            el = self.node.find(key)
            if value is None:
                if el is not None:
                    self.node.remove(el)
                return
            if el is None:
                el = ET.SubElement(self.node, key)
            el.text = value
            return
        if value is None:
            self.node.pop(key, None)
        else:
            self.node[key] = value


def _outcome_list(w: Work, kind: str, create: bool = False) -> list | None:
    """The native list (JSON) of one kind's outcomes; for XML None (use _outcomes)."""
    v2, classic, _ = _KINDS[kind]
    if w.a.fmt == "v2":
        mod = (
            w.a.n.setdefault("protocolSection", {}).setdefault("outcomesModule", {})
            if create
            else (w.a.n.get("protocolSection") or {}).get("outcomesModule") or {}
        )
        return mod.setdefault(v2, []) if create else mod.get(v2)
    if w.a.fmt == "classic":
        ps = w.a.n.setdefault("ProtocolSection", {})
        mod = ps.setdefault("OutcomesModule", {}) if create else ps.get("OutcomesModule") or {}
        lst = mod.setdefault(f"{classic}List", {}) if create else mod.get(f"{classic}List") or {}
        return lst.setdefault(classic, []) if create else lst.get(classic)
    return None


def outcomes(w: Work, kind: str | None = None) -> list[Outcome]:
    out = []
    for k in [kind] if kind else list(_KINDS):
        if w.a.fmt == "xml":
            out += [Outcome("xml", k, el) for el in w.a.n.findall(_KINDS[k][2])]
        elif w.a.fmt in _FORMATS:
            out += [Outcome(w.a.fmt, k, o) for o in _outcome_list(w, k) or [] if isinstance(o, dict)]
    return out


def add_outcome(w: Work, kind: str, src: Outcome) -> None:
    """A copy of ``src`` appended to the ``kind`` list."""
    if w.a.fmt == "xml":
        el = ET.Element(_KINDS[kind][2])
        for part in ("title", "time_frame", "description"):
            if src.get(part) is not None:
                ET.SubElement(el, _PARTS[part][2]).text = src.get(part)
        siblings = list(w.a.n)
        last = max((i for i, e in enumerate(siblings) if e.tag in ("primary_outcome", "secondary_outcome")), default=len(siblings) - 1)
        w.a.n.insert(last + 1, el)
        return
    new = Outcome(w.a.fmt, kind, {})
    for part in ("title", "time_frame", "description"):
        if src.get(part) is not None:
            new.set(part, src.get(part))
    _outcome_list(w, kind, create=True).append(new.node)


def _target(w: Work, kind: str | None = None) -> Outcome | None:
    cands = [o for o in outcomes(w, kind) if (o.get("title") or "").strip()]
    return w.rng.choice(cands) if cands else None


# --- outcome operators ---------------------------------------------------------------------------


def op_domain_title(w):
    o = _target(w)
    if o is None:
        return None
    o.set("title", pick("domain", w))
    return f"{o.kind.lower()} outcome titled {o.get('title')!r}"


def op_bare_time_frame(w):
    o = _target(w)
    if o is None:
        return None
    o.set("time_frame", pick("bare_time", w))
    return f"time frame {o.get('time_frame')!r}"


def op_vague_time_frame(w):
    o = _target(w)
    if o is None:
        return None
    o.set("time_frame", pick("vague_time", w))
    return f"time frame {o.get('time_frame')!r}"


def op_drop_time_frame(w):
    o = _target(w)
    if o is None or not (o.get("time_frame") or "").strip():
        return None
    o.set("time_frame", None)
    return f"time frame of {o.get('title')!r} removed"


def op_title_time_disagrees(w):
    o = _target(w)
    if o is None:
        return None
    unit = w.rng.choice(["week", "month", "day"])
    a, b = w.rng.sample([4, 8, 12, 16, 24, 26, 36, 52] if unit != "day" else [7, 14, 28, 30, 90], 2)
    title = (o.get("title") or "").rstrip(" .")
    o.set("title", f"{title} at {unit} {a}" if w.rng.random() < 0.5 else f"{title} at {a} {unit}s")
    o.set("time_frame", f"{unit.capitalize()} {b}" if w.rng.random() < 0.5 else f"Baseline and {unit} {b}")
    return f"title {o.get('title')!r} against time frame {o.get('time_frame')!r}"


def op_two_measures(w):
    o = _target(w)
    if o is None:
        return None
    o.set("title", pick("two_measures", w))
    return f"title {o.get('title')!r}"


def op_abbreviation_title(w):
    o = _target(w)
    if o is None:
        return None
    o.set("title", pick("abbreviation", w))
    o.set("description", None)
    return f"title {o.get('title')!r} with no description"


def op_duplicate_outcome(w):
    o = _target(w, "PRIMARY") if w.rng.random() < 0.5 else _target(w)
    if o is None:
        return None
    kind = "SECONDARY" if o.kind == "PRIMARY" else o.kind
    add_outcome(w, kind, o)
    return f"{o.kind.lower()} outcome {o.get('title')!r} listed again as {kind.lower()}"


def op_drop_primary(w):
    """Every primary outcome removed from an interventional study (its secondary ones kept)."""
    stype = _study_type(w)
    if stype != "INTERVENTIONAL" or not outcomes(w, "PRIMARY"):
        return None
    if w.a.fmt == "xml":
        for el in w.a.n.findall("primary_outcome"):
            w.a.n.remove(el)
    else:
        lst = _outcome_list(w, "PRIMARY")
        lst.clear()
    return "primary outcomes removed"


def _study_type(w: Work) -> str | None:
    if w.a.fmt not in _FORMATS:
        return None
    if w.a.fmt == "v2":
        v = ((w.a.n.get("protocolSection") or {}).get("designModule") or {}).get("studyType")
    elif w.a.fmt == "classic":
        v = ((w.a.n.get("ProtocolSection") or {}).get("DesignModule") or {}).get("StudyType")
    else:
        el = w.a.n.find("study_type")
        v = el.text if el is not None else None
    return (v or "").strip().upper().replace(" ", "_") or None


# --- native access: results ----------------------------------------------------------------------


def _results(w: Work) -> Any:
    if w.a.fmt == "v2":
        return w.a.n.get("resultsSection")
    if w.a.fmt == "classic":
        return w.a.n.get("ResultsSection")
    return w.a.n.find("clinical_results")


def _num(v: Any) -> int | None:
    try:
        return int(str(v).strip())
    except (TypeError, ValueError):
        return None


def _flow_started(w: Work) -> list[tuple[Any, str, str | None]]:
    """(node, count key or attribute, group title) of the STARTED numbers of the first period."""
    res = _results(w)
    out = []
    if w.a.fmt == "xml":
        titles = {g.get("group_id"): (g.findtext("title") or "") for g in res.iterfind("participant_flow/group_list/group")}
        period = res.find("participant_flow/period_list/period")
        for m in period.iterfind("milestone_list/milestone") if period is not None else []:
            if (m.findtext("title") or "").strip().upper() == "STARTED":
                out = [(p, "count", titles.get(p.get("group_id"))) for p in m.iterfind("participants_list/participants")]
                break
        return out
    v2 = w.a.fmt == "v2"
    flow = res.get("participantFlowModule" if v2 else "ParticipantFlowModule") or {}
    groups = flow.get("groups") if v2 else (flow.get("FlowGroupList") or {}).get("FlowGroup")
    titles = {g.get("id" if v2 else "FlowGroupId"): g.get("title" if v2 else "FlowGroupTitle") for g in groups or []}
    periods = flow.get("periods") if v2 else (flow.get("FlowPeriodList") or {}).get("FlowPeriod")
    if not periods:
        return []
    ms = periods[0].get("milestones") if v2 else (periods[0].get("FlowMilestoneList") or {}).get("FlowMilestone")
    for m in ms or []:
        if str(m.get("type" if v2 else "FlowMilestoneType", "")).upper() == "STARTED":
            ach = m.get("achievements") if v2 else (m.get("FlowAchievementList") or {}).get("FlowAchievement")
            gk, ck = ("groupId", "numSubjects") if v2 else ("FlowAchievementGroupId", "FlowAchievementNumSubjects")
            return [(a, ck, titles.get(a.get(gk))) for a in ach or []]
    return []


def _flow_periods(w: Work) -> int:
    res = _results(w)
    if w.a.fmt == "xml":
        return len(res.findall("participant_flow/period_list/period"))
    if w.a.fmt == "v2":
        return len((res.get("participantFlowModule") or {}).get("periods") or [])
    return len(((res.get("ParticipantFlowModule") or {}).get("FlowPeriodList") or {}).get("FlowPeriod") or [])


def _get(node: Any, key: str) -> Any:
    return node.get(key)


def _set(node: Any, key: str, value: int) -> None:
    if isinstance(node, ET.Element):
        node.set(key, str(value))
    else:
        node[key] = str(value) if isinstance(node.get(key), str) else value


def _result_outcomes(w: Work) -> list[tuple[Any, str | None, str | None]]:
    """(node, type, title) of each reported outcome measure."""
    res = _results(w)
    if w.a.fmt == "xml":
        return [(o, o.findtext("type"), o.findtext("title")) for o in res.iterfind("outcome_list/outcome")]
    if w.a.fmt == "v2":
        return [(o, o.get("type"), o.get("title")) for o in (res.get("outcomeMeasuresModule") or {}).get("outcomeMeasures") or []]
    lst = ((res.get("OutcomeMeasuresModule") or {}).get("OutcomeMeasureList") or {}).get("OutcomeMeasure") or []
    return [(o, o.get("OutcomeMeasureType"), o.get("OutcomeMeasureTitle")) for o in lst]


def _set_result_title(w: Work, node: Any, title: str) -> None:
    if w.a.fmt == "xml":
        node.find("title").text = title
        m = node.find("measure/title")
        if m is not None:
            m.text = title
    elif w.a.fmt == "v2":
        node["title"] = title
    else:
        node["OutcomeMeasureTitle"] = title


def _analysed(w: Work, node: Any) -> list[tuple[Any, str, str | None]]:
    """(count node, value key, group title) of an outcome's participants analysed."""
    if w.a.fmt == "xml":
        titles = {g.get("group_id"): g.findtext("title") for g in node.iterfind("group_list/group")}
        out = []
        for a in node.iterfind("measure/analyzed_list/analyzed"):
            if (a.findtext("units") or "participants").lower().startswith("participant"):
                out += [(c, "value", titles.get(c.get("group_id"))) for c in a.iterfind("count_list/count")]
        return out
    v2 = w.a.fmt == "v2"
    groups = node.get("groups") if v2 else (node.get("OutcomeGroupList") or {}).get("OutcomeGroup")
    titles = {g.get("id" if v2 else "OutcomeGroupId"): g.get("title" if v2 else "OutcomeGroupTitle") for g in groups or []}
    denoms = node.get("denoms") if v2 else (node.get("OutcomeDenomList") or {}).get("OutcomeDenom")
    out = []
    for d in denoms or []:
        if not str(d.get("units" if v2 else "OutcomeDenomUnits") or "participants").lower().startswith("participant"):
            continue
        counts = d.get("counts") if v2 else (d.get("OutcomeDenomCountList") or {}).get("OutcomeDenomCount")
        gk, vk = ("groupId", "value") if v2 else ("OutcomeDenomCountGroupId", "OutcomeDenomCountValue")
        out += [(c, vk, titles.get(c.get(gk))) for c in counts or []]
    return out


def _event_groups(w: Work) -> list[tuple[Any, str, str]]:
    """(node, affected key, at-risk key) of each adverse-event group's serious-event totals."""
    res = _results(w)
    if w.a.fmt == "xml":
        ev = res.find("reported_events/serious_events/category_list/category/event_list/event")
        return [(c, "subjects_affected", "subjects_at_risk") for c in ev.iterfind("counts")] if ev is not None else []
    if w.a.fmt == "v2":
        groups = (res.get("adverseEventsModule") or {}).get("eventGroups") or []
        return [(g, "seriousNumAffected", "seriousNumAtRisk") for g in groups]
    groups = ((res.get("AdverseEventsModule") or {}).get("EventGroupList") or {}).get("EventGroup") or []
    return [(g, "EventGroupSeriousNumAffected", "EventGroupSeriousNumAtRisk") for g in groups]


# --- results operators ---------------------------------------------------------------------------


def op_switch_primary(w):
    """The results report a registered secondary outcome (or a new measure) as the primary one."""
    if w.a.fmt not in _FORMATS or _results(w) is None:
        return None
    prim = [(n, t) for n, typ, t in _result_outcomes(w) if (typ or "").upper() == "PRIMARY" and t]
    if not prim:
        return None
    node, old = w.rng.choice(prim)
    registered = {(o.get("title") or "").strip().lower() for o in outcomes(w, "PRIMARY")}
    secondaries = [o.get("title") for o in outcomes(w, "SECONDARY") if (o.get("title") or "").strip().lower() not in registered]
    new = (
        w.rng.choice(secondaries)
        if secondaries and w.rng.random() < 0.7
        else w.rng.choice(
            [
                "Number of Participants With Serious Adverse Events",
                "Change From Baseline in Body Weight at Week 12",
                "Time to Hospital Discharge",
            ]
        )
    )
    if new.strip().lower() in registered:
        return None
    _set_result_title(w, node, new)
    return f"results primary {old!r} -> {new!r}"


def op_enrollment_vs_flow(w):
    if w.a.fmt not in _FORMATS or _results(w) is None:
        return None
    started = [_num(_get(n, k)) for n, k, _ in _flow_started(w)]
    if not started or None in started or _flow_periods(w) > 1:
        return None  # TA903 compares single-period flows only (by design: see its documentation)
    total = sum(started) + w.rng.choice([3, 7, 12, 25])
    if w.a.fmt == "xml":
        el = w.a.n.find("enrollment")
        if el is None:
            return None
        el.text, _ = str(total), el.set("type", "Actual")
    else:
        v2 = w.a.fmt == "v2"
        ps = w.a.n.get("protocolSection" if v2 else "ProtocolSection") or {}
        info = (ps.get("designModule" if v2 else "DesignModule") or {}).get("enrollmentInfo" if v2 else "EnrollmentInfo")
        if not isinstance(info, dict):
            return None
        info["count" if v2 else "EnrollmentCount"] = total if v2 else str(total)
        info["type" if v2 else "EnrollmentType"] = "ACTUAL" if v2 else "Actual"
    _drop_flow_note(w)
    return f"actual enrollment {total} against {sum(started)} started"


def _drop_flow_note(w: Work) -> None:
    """Without the pre-assignment details the difference is unexplained (with them TA903 stays silent by design)."""
    res = _results(w)
    if w.a.fmt == "xml":
        flow = res.find("participant_flow")
        el = flow.find("pre_assignment_details") if flow is not None else None
        if el is not None:
            flow.remove(el)
    elif w.a.fmt == "v2":
        (res.get("participantFlowModule") or {}).pop("preAssignmentDetails", None)
    else:
        (res.get("ParticipantFlowModule") or {}).pop("FlowPreAssignmentDetails", None)


def op_analysed_over_started(w):
    if w.a.fmt not in _FORMATS or _results(w) is None or _flow_periods(w) > 1:
        return None  # with several periods a group's STARTED is its largest over them: kept simple here
    started = {(t or "").strip().lower(): _num(_get(n, k)) for n, k, t in _flow_started(w)}
    cands = []
    for node, _typ, title in _result_outcomes(w):
        for c, key, g in _analysed(w, node):
            s = started.get((g or "").strip().lower())
            if s is not None and _num(_get(c, key)) is not None:
                cands.append((c, key, g, s, title))
    if not cands:
        return None
    c, key, g, s, title = w.rng.choice(cands)
    _set(c, key, s + w.rng.choice([1, 2, 5, 10]))
    return f"{title!r}: {_get(c, key)} analysed in {g!r}, {s} started"


def op_events_over_at_risk(w):
    if w.a.fmt not in _FORMATS or _results(w) is None:
        return None
    cands = [(n, a, r) for n, a, r in _event_groups(w) if _num(_get(n, r)) is not None]
    if not cands:
        return None
    n, a, r = w.rng.choice(cands)
    _set(n, a, _num(_get(n, r)) + w.rng.choice([1, 3, 8]))
    return f"serious events: {_get(n, a)} affected, {_get(n, r)} at risk"


def op_results_overdue(w):
    """An interventional drug / device trial made an applicable one whose results are overdue:
    FDA-regulated flag, a covered phase, started after 2017-01-18, primary completion 14-60
    months before the as-of date, and no results section or submission."""
    if w.a.fmt not in _FORMATS or _study_type(w) != "INTERVENTIONAL":
        return None
    y, m, _ = w.as_of
    months = w.rng.choice([14, 18, 24, 36, 60])
    pcd = add_months((y, m, None), -months)
    start = add_months(pcd, -w.rng.choice([12, 24]))
    if (start[0], start[1]) < (2017, 2):
        return None
    device = w.rng.random() < 0.3
    _set_regulated(w, device)
    w.a.set_date("start", start, "ACTUAL")
    w.a.set_date("primary_completion", pcd, "ACTUAL")
    w.a.set("status", "COMPLETED")
    _strip_results(w)
    return f"{'device' if device else 'drug'} ACT, primary completion {_MONTHS[pcd[1] - 1]} {pcd[0]}, no results"


def _set_regulated(w: Work, device: bool) -> None:
    if w.a.fmt == "xml":
        ov = w.a.n.find("oversight_info")
        if ov is None:
            ov = ET.SubElement(w.a.n, "oversight_info")
        tag = "is_fda_regulated_device" if device else "is_fda_regulated_drug"
        el = ov.find(tag)
        (el if el is not None else ET.SubElement(ov, tag)).text = "Yes"
        phase = w.a.n.find("phase")
        if phase is None or (phase.text or "").strip() in ("Phase 1", "Early Phase 1", ""):
            (phase if phase is not None else ET.SubElement(w.a.n, "phase")).text = "N/A" if device else "Phase 3"
        pp = w.a.n.find("study_design_info/primary_purpose")
        if pp is not None and "feasib" in (pp.text or "").lower():
            pp.text = "Treatment"
        return
    v2 = w.a.fmt == "v2"
    ps = w.a.n.setdefault("protocolSection" if v2 else "ProtocolSection", {})
    om = ps.setdefault("oversightModule" if v2 else "OversightModule", {})
    key = (
        ("isFdaRegulatedDevice" if device else "isFdaRegulatedDrug") if v2 else ("IsFDARegulatedDevice" if device else "IsFDARegulatedDrug")
    )
    om[key] = True if v2 else "Yes"
    dm = ps.setdefault("designModule" if v2 else "DesignModule", {})
    phases = dm.get("phases") if v2 else (dm.get("PhaseList") or {}).get("Phase")
    if not phases or [str(p).upper().replace(" ", "") for p in phases] in (["PHASE1"], ["EARLY_PHASE1"], ["EARLYPHASE1"]):
        if v2:
            dm["phases"] = ["NA"] if device else ["PHASE3"]
        else:
            dm["PhaseList"] = {"Phase": ["Not Applicable"] if device else ["Phase 3"]}
    info = dm.get("designInfo" if v2 else "DesignInfo") or {}
    key = "primaryPurpose" if v2 else "DesignPrimaryPurpose"
    if "FEASIB" in str(info.get(key, "")).upper():
        info[key] = "TREATMENT" if v2 else "Treatment"


def _strip_results(w: Work) -> None:
    if w.a.fmt == "xml":
        for tag in ("clinical_results", "results_first_submitted", "results_first_submitted_qc", "results_first_posted",
                    "firstreceived_results_date", "pending_results", "disposition_first_submitted", "firstreceived_results_disposition_date"):  # fmt: skip
            for el in w.a.n.findall(tag):
                w.a.n.remove(el)
        return
    v2 = w.a.fmt == "v2"
    w.a.n.pop("resultsSection" if v2 else "ResultsSection", None)
    w.a.n.pop("annotationSection" if v2 else "AnnotationSection", None)
    if v2:
        w.a.n["hasResults"] = False
    sm = (w.a.n.get("protocolSection" if v2 else "ProtocolSection") or {}).get("statusModule" if v2 else "StatusModule") or {}
    for key in list(sm):
        if key.lower().startswith(("results", "disp")):
            sm.pop(key)


OUTCOME_OPERATORS: list[Operator] = [
    Operator("domain_title", "outcome", "TA8", "orig", op_domain_title, "domain", "an outcome title that is only a domain ('Safety')"),
    Operator("bare_time_frame", "outcome", "TA8", "orig", op_bare_time_frame, "bare_time", "a time frame that is a bare number ('12')"),
    Operator(
        "vague_time_frame", "outcome", "TA8", "orig", op_vague_time_frame, "vague_time", "a time frame with no time point ('Ongoing')"
    ),
    Operator("drop_time_frame", "outcome", "TA8", "orig", op_drop_time_frame, None, "an outcome's time frame removed"),
    Operator(
        "title_time_disagrees",
        "outcome",
        "TA8",
        "orig",
        op_title_time_disagrees,
        None,
        "'at week 12' in the title, 'Week 24' as time frame",
    ),
    Operator(
        "two_measures", "outcome", "TA8", "orig", op_two_measures, "two_measures", "two instruments or several time points in one title"
    ),
    Operator(
        "abbreviation_title",
        "outcome",
        "TA8",
        "orig",
        op_abbreviation_title,
        "abbreviation",
        "a title that is only an acronym, no description",
    ),
    Operator(
        "duplicate_outcome",
        "outcome",
        "TA8",
        "orig",
        op_duplicate_outcome,
        None,
        "an outcome listed twice (or a primary again as secondary)",
    ),
    Operator("drop_primary", "outcome", "TA8", "orig", op_drop_primary, None, "an interventional study's primary outcomes removed"),
    Operator("results_overdue", "results", "TA9", "orig", op_results_overdue, None, "an applicable trial with results overdue"),
    Operator("switch_primary", "results", "TA9", "orig", op_switch_primary, None, "a different primary outcome in the results"),
    Operator(
        "enrollment_vs_flow", "results", "TA9", "orig", op_enrollment_vs_flow, None, "actual enrollment unlike the participants started"
    ),
    Operator("analysed_over_started", "results", "TA9", "orig", op_analysed_over_started, None, "more analysed than started in a group"),
    Operator("events_over_at_risk", "results", "TA9", "orig", op_events_over_at_risk, None, "more affected by serious events than at risk"),
]
