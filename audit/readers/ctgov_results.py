"""The results section of a ClinicalTrials.gov record -> :class:`Results` (all three formats).

Only the facts rules compare with the protocol are read: the participants STARTED in the first
period of the participant flow, each reported outcome measure (type, title, time frame and the
participants analysed per group) and the adverse-event groups (affected / at risk, serious,
other and deaths, in total and per event term).

The classic JSON API prefixes every key of a results list item with the item's name
(``FlowGroupList.FlowGroup[].FlowGroupId``), which the key table's derivation does not cover, so
both JSON spellings are written out here, side by side, key for key. Numbers the registry
writes as strings ("58") are read as integers; anything else is kept as ``None`` (the rules
then compare nothing).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from trial_audit.core.model import EventCount, GroupCount, ResultOutcome, Results, enum_token
from trial_audit.readers.common import as_dict, as_int, as_list, as_str

#: logical key -> (v2 key path, classic key path); a path is relative to its parent item
_KEYS: dict[str, tuple[str, str]] = {
    "section": ("resultsSection", "ResultsSection"),
    "flow": ("participantFlowModule", "ParticipantFlowModule"),
    "flow.groups": ("groups", "FlowGroupList.FlowGroup"),
    "flow.group.id": ("id", "FlowGroupId"),
    "flow.group.title": ("title", "FlowGroupTitle"),
    "flow.periods": ("periods", "FlowPeriodList.FlowPeriod"),
    "flow.note": ("preAssignmentDetails", "FlowPreAssignmentDetails"),
    "period.milestones": ("milestones", "FlowMilestoneList.FlowMilestone"),
    "milestone.type": ("type", "FlowMilestoneType"),
    "milestone.achievements": ("achievements", "FlowAchievementList.FlowAchievement"),
    "achievement.group": ("groupId", "FlowAchievementGroupId"),
    "achievement.count": ("numSubjects", "FlowAchievementNumSubjects"),
    "outcomes": ("outcomeMeasuresModule.outcomeMeasures", "OutcomeMeasuresModule.OutcomeMeasureList.OutcomeMeasure"),
    "outcome.type": ("type", "OutcomeMeasureType"),
    "outcome.title": ("title", "OutcomeMeasureTitle"),
    "outcome.time_frame": ("timeFrame", "OutcomeMeasureTimeFrame"),
    "outcome.groups": ("groups", "OutcomeGroupList.OutcomeGroup"),
    "outcome.group.id": ("id", "OutcomeGroupId"),
    "outcome.group.title": ("title", "OutcomeGroupTitle"),
    "outcome.denoms": ("denoms", "OutcomeDenomList.OutcomeDenom"),
    "denom.units": ("units", "OutcomeDenomUnits"),
    "denom.counts": ("counts", "OutcomeDenomCountList.OutcomeDenomCount"),
    "denom.count.group": ("groupId", "OutcomeDenomCountGroupId"),
    "denom.count.value": ("value", "OutcomeDenomCountValue"),
    "events": ("adverseEventsModule", "AdverseEventsModule"),
    "events.groups": ("eventGroups", "EventGroupList.EventGroup"),
    "event.group.id": ("id", "EventGroupId"),
    "event.group.title": ("title", "EventGroupTitle"),
    "serious": ("seriousEvents", "SeriousEventList.SeriousEvent"),
    "other": ("otherEvents", "OtherEventList.OtherEvent"),
}
#: per-kind keys of an event group's totals and of one event's stats
_GROUP_TOTALS = {
    "serious": (("seriousNumAffected", "seriousNumAtRisk"), ("EventGroupSeriousNumAffected", "EventGroupSeriousNumAtRisk")),
    "other": (("otherNumAffected", "otherNumAtRisk"), ("EventGroupOtherNumAffected", "EventGroupOtherNumAtRisk")),
    "deaths": (("deathsNumAffected", "deathsNumAtRisk"), ("EventGroupDeathsNumAffected", "EventGroupDeathsNumAtRisk")),
}
_EVENT_KEYS = {
    "serious": (
        ("term", "stats", "groupId", "numAffected", "numAtRisk"),
        (
            "SeriousEventTerm",
            "SeriousEventStatsList.SeriousEventStats",
            "SeriousEventStatsGroupId",
            "SeriousEventStatsNumAffected",
            "SeriousEventStatsNumAtRisk",
        ),
    ),
    "other": (
        ("term", "stats", "groupId", "numAffected", "numAtRisk"),
        (
            "OtherEventTerm",
            "OtherEventStatsList.OtherEventStats",
            "OtherEventStatsGroupId",
            "OtherEventStatsNumAffected",
            "OtherEventStatsNumAtRisk",
        ),
    ),
}

#: bound on the event terms read per kind (a results section can list thousands; rules need no more)
MAX_EVENT_TERMS = 2000


def _count(value: Any) -> tuple[int | None, str | None]:
    raw = as_str(value) if not isinstance(value, int) else str(value)
    return (as_int(raw) if raw is not None else None), raw


def _keep_largest(started: dict[str | None, GroupCount], g: GroupCount) -> None:
    """One number per group: the largest STARTED over the periods (first period on ties)."""
    old = started.get(g.group)
    if old is None or (g.count is not None and (old.count is None or g.count > old.count)):
        started[g.group] = g


def _at(obj: Any, path: str) -> Any:
    for key in path.split("."):
        obj = as_dict(obj).get(key)
    return obj


def json_results(study: dict[str, Any], classic: bool) -> Results | None:
    """The results section of a v2 (``classic=False``) or classic study object; None without one."""
    col = 1 if classic else 0

    def k(name: str) -> str:
        return _KEYS[name][col]

    section = as_dict(study.get(k("section")))
    if not section:
        return None
    res = Results()
    flow = as_dict(_at(section, k("flow")))
    titles = {as_str(_at(g, k("flow.group.id"))): as_str(_at(g, k("flow.group.title"))) for g in as_list(_at(flow, k("flow.groups")))}
    periods = as_list(_at(flow, k("flow.periods")))
    res.flow_periods = len(periods)
    res.flow_note = as_str(_at(flow, k("flow.note")))
    started: dict[str | None, GroupCount] = {}
    for period in periods:
        for m in as_list(_at(period, k("period.milestones"))):
            if (enum_token(as_str(_at(m, k("milestone.type")))) or "") != "STARTED":
                continue
            for a in as_list(_at(m, k("milestone.achievements"))):
                gid = as_str(_at(a, k("achievement.group")))
                n, raw = _count(_at(a, k("achievement.count")))
                _keep_largest(started, GroupCount(gid, titles.get(gid), n, raw))
            break
    res.flow_started = list(started.values())
    for o in as_list(_at(section, k("outcomes"))):
        gtitles = {
            as_str(_at(g, k("outcome.group.id"))): as_str(_at(g, k("outcome.group.title"))) for g in as_list(_at(o, k("outcome.groups")))
        }
        analysed: list[GroupCount] = []
        for denom in as_list(_at(o, k("outcome.denoms"))):
            units = (as_str(_at(denom, k("denom.units"))) or "").lower()
            if units and not units.startswith("participant"):
                continue  # eyes, lesions, cycles: not comparable with people started
            for c in as_list(_at(denom, k("denom.counts"))):
                gid = as_str(_at(c, k("denom.count.group")))
                n, raw = _count(_at(c, k("denom.count.value")))
                analysed.append(GroupCount(gid, gtitles.get(gid), n, raw))
        res.outcomes.append(
            ResultOutcome(
                kind=enum_token(as_str(_at(o, k("outcome.type")))),
                title=as_str(_at(o, k("outcome.title"))),
                time_frame=as_str(_at(o, k("outcome.time_frame"))),
                analysed=analysed,
            )
        )
    events = as_dict(_at(section, k("events")))
    etitles: dict[str | None, str | None] = {}
    for g in as_list(_at(events, k("events.groups"))):
        gid, title = as_str(_at(g, k("event.group.id"))), as_str(_at(g, k("event.group.title")))
        etitles[gid] = title
        for kind, keys in _GROUP_TOTALS.items():
            affected_key, at_risk_key = keys[col]
            affected, at_risk = _count(_at(g, affected_key))[0], _count(_at(g, at_risk_key))[0]
            if affected is not None or at_risk is not None:
                res.events.append(EventCount(gid, title, kind, None, affected, at_risk))
    for kind, keys in _EVENT_KEYS.items():
        term_key, stats_key, group_key, affected_key, at_risk_key = keys[col]
        for e in as_list(_at(events, k(kind)))[:MAX_EVENT_TERMS]:
            term = as_str(_at(e, term_key))
            for st in as_list(_at(e, stats_key)):
                gid = as_str(_at(st, group_key))
                affected, at_risk = _count(_at(st, affected_key))[0], _count(_at(st, at_risk_key))[0]
                res.events.append(EventCount(gid, etitles.get(gid), kind, term, affected, at_risk))
    return res


# --- legacy XML ---------------------------------------------------------------------------


def _xml_text(el: ET.Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _group_titles(el: ET.Element | None) -> dict[str | None, str | None]:
    if el is None:
        return {}
    return {g.get("group_id"): _xml_text(g.find("title")) for g in el.iterfind("group_list/group")}


def xml_results(results: ET.Element) -> Results:
    """``<clinical_results>`` -> Results."""
    res = Results()
    flow = results.find("participant_flow")
    titles = _group_titles(flow)
    periods = flow.findall("period_list/period") if flow is not None else []
    res.flow_periods = len(periods)
    res.flow_note = _xml_text(flow.find("pre_assignment_details")) if flow is not None else None
    started: dict[str | None, GroupCount] = {}
    for period in periods:
        for m in period.iterfind("milestone_list/milestone"):
            if (enum_token(_xml_text(m.find("title"))) or "") != "STARTED":
                continue
            for p in m.iterfind("participants_list/participants"):
                n, raw = _count(p.get("count"))
                _keep_largest(started, GroupCount(p.get("group_id"), titles.get(p.get("group_id")), n, raw))
            break
    res.flow_started = list(started.values())
    for o in results.iterfind("outcome_list/outcome"):
        gtitles = _group_titles(o)
        analysed: list[GroupCount] = []
        for a in o.iterfind("measure/analyzed_list/analyzed"):
            units = (_xml_text(a.find("units")) or "").lower()
            if units and not units.startswith("participant"):
                continue
            for c in a.iterfind("count_list/count"):
                n, raw = _count(c.get("value"))
                analysed.append(GroupCount(c.get("group_id"), gtitles.get(c.get("group_id")), n, raw))
        res.outcomes.append(
            ResultOutcome(
                kind=enum_token(_xml_text(o.find("type"))),
                title=_xml_text(o.find("title")),
                time_frame=_xml_text(o.find("time_frame")),
                analysed=analysed,
            )
        )
    events = results.find("reported_events")
    if events is not None:
        etitles = _group_titles(events)
        for tag, kind in (("serious_events", "serious"), ("other_events", "other")):
            n_terms = 0
            for ev in events.iterfind(f"{tag}/category_list/category/event_list/event"):
                n_terms += 1
                if n_terms > MAX_EVENT_TERMS:
                    break
                sub = ev.find("sub_title")
                term = _xml_text(sub)
                total = term is not None and term.lower().startswith("total")
                for c in ev.iterfind("counts"):
                    gid = c.get("group_id")
                    affected, at_risk = _count(c.get("subjects_affected"))[0], _count(c.get("subjects_at_risk"))[0]
                    res.events.append(EventCount(gid, etitles.get(gid), kind, None if total else term, affected, at_risk))
    return res
