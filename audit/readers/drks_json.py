"""A German Clinical Trials Register (DRKS) trial as the DRKS portal exports it (JSON schema 2.x) -> TrialRecord.

Free-text fields come in several languages (a list of descriptions, each with its
``idLocale.locale``): the English text is used, else the German one, else the first given;
provenance says which (``trialDescriptions[1].title (en)``) and ``extra["languages"]`` lists
the fields read in a language other than English, so a finding on German text can say so.
"""

from __future__ import annotations

from typing import Any

from trial_audit.core.ages import Age, parse_age
from trial_audit.core.model import Contact, Location, Outcome, Source, TrialRecord, enum_token, norm_sex
from trial_audit.core.registry_ids import ANY_ID
from trial_audit.readers.common import as_dict, as_int, as_list, as_str
from trial_audit.readers.ictrp_outcomes import parse_outcomes

FORMAT = "drks-json"
_PREFERRED = ("en", "de")
#: DRKS recruitment.status -> the ClinicalTrials.gov status of the same meaning (others are left unmapped)
_STATUS = {
    "RECRUITING": "RECRUITING",
    "RECRUITING_PLANNED": "NOT_YET_RECRUITING",
    "NOT_YET_RECRUITING": "NOT_YET_RECRUITING",
    "RECRUITING_COMPLETE": "ACTIVE_NOT_RECRUITING",
    "RECRUITING_STOPPED_AFTER_RECRUITING_STARTED": "TERMINATED",
    "RECRUITING_WITHDRAWN_BEFORE_RECRUITING_STARTED": "WITHDRAWN",
    "RECRUITING_SUSPENDED": "SUSPENDED",
    "RECRUITING_COMPLETE_FOLLOW_UP_COMPLETE": "COMPLETED",
    "RECRUITING_COMPLETE_FOLLOW_UP_CONTINUING": "ACTIVE_NOT_RECRUITING",
}
_TYPES = {"INTERVENTIONAL": "INTERVENTIONAL", "NON_INTERVENTIONAL": "OBSERVATIONAL"}
_AGE_UNITS = {"YEARS": "Years", "MONTHS": "Months", "WEEKS": "Weeks", "DAYS": "Days", "HOURS": "Hours", "MINUTES": "Minutes"}
_ITEMS = frozenset(
    {"brief_title", "official_title", "sponsor", "conditions", "criteria", "study_type", "start", "enrollment", "overall_status",
     "primary_outcomes", "contacts", "countries", "locations", "phases", "ipd_sharing"}
)  # fmt: skip


def is_drks_trial(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("drksId"), str) and ("trialDescriptions" in obj or "recruitment" in obj)


def _localised(items: Any, key: str, path: str) -> tuple[str | None, str | None]:
    """(text, provenance) of a multilingual field: English, else German, else the first language given."""
    found: dict[str, tuple[str, str]] = {}
    for i, item in enumerate(as_list(items)):
        d = as_dict(item)
        text = as_str(d.get(key))
        if text is None or not text.strip():
            continue
        loc = as_dict(d.get("idLocale")).get("locale") or "?"
        found.setdefault(str(loc), (text, f"{path}[{i}].{key} ({loc})"))
    for loc in (*_PREFERRED, *found):
        if loc in found:
            return found[loc]
    return None, None


def _outcomes(rec: TrialRecord, descriptions: Any) -> None:
    """DRKS's free-text primary and secondary outcome, read as ICTRP's outcome text is (``ictrp_outcomes``):
    DRKS has no time-frame field, so a time frame is only one the text labels."""
    for key, kind in (("primaryOutcome", "PRIMARY"), ("secondaryOutcome", "SECONDARY")):
        text, where = _localised(descriptions, key, "studyCharacteristic.characteristicDescriptions")
        for parsed in parse_outcomes(text, "DRKS"):
            k = len(rec.outcomes)
            rec.outcomes.append(Outcome(kind=kind, title=parsed.title, description=parsed.description, time_frame=parsed.time_frame))
            rec.provenance[f"outcomes[{k}].title"] = where or key
    if rec.outcomes:
        rec.provenance["outcomes"] = "studyCharacteristic.characteristicDescriptions[].primaryOutcome + secondaryOutcome"


def _age(rec: TrialRecord, side: str, value: Any) -> None:
    d = as_dict(value)
    unit = as_str(d.get("unit"))
    amount = d.get("amount")
    if unit is None:
        return
    path = f"recruitment.{side.replace('imum_age', 'imumAge')}"
    rec.provenance[side] = path
    if unit.startswith("NO_"):  # NO_MAX_AGE / NO_MIN_AGE: no limit
        setattr(rec, side + "_raw", "N/A")
        return
    word = _AGE_UNITS.get(unit)
    number = as_int(amount) if not isinstance(amount, float) else amount
    raw = f"{amount} {word or unit.lower()}"
    setattr(rec, side + "_raw", raw)
    parsed = parse_age(raw) if word and number is not None else None
    setattr(rec, side, Age(parsed.value, parsed.unit, raw) if parsed else None)


def read_trial(obj: dict[str, Any], source: Source, data: bytes | None = None) -> TrialRecord:
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance
    languages: dict[str, str] = {}

    def text(name: str, items: Any, key: str, path: str) -> None:
        value, where = _localised(items, key, path)
        if value is not None and where is not None:
            setattr(rec, name, value)
            prov[name] = where
            if not where.endswith("(en)"):
                languages[name] = where.rsplit("(", 1)[-1].rstrip(")")

    rec.registry, rec.registry_id = "DRKS", obj["drksId"].strip()
    prov["registry_id"] = prov["registry"] = "drksId"
    descriptions = obj.get("trialDescriptions")
    text("official_title", descriptions, "title", "trialDescriptions")
    text("brief_title", descriptions, "title", "trialDescriptions")
    text("acronym", descriptions, "acronym", "trialDescriptions")
    text("brief_summary", descriptions, "summary", "trialDescriptions")
    text("detailed_description", descriptions, "scientificSummary", "trialDescriptions")

    recruitment = as_dict(obj.get("recruitment"))
    status = as_str(recruitment.get("status"))
    if status is not None:
        rec.overall_status = _STATUS.get(status)
        rec.extra["recruitment_status"] = status
        prov["overall_status"] = "recruitment.status"
    _age(rec, "minimum_age", recruitment.get("minimumAge"))
    _age(rec, "maximum_age", recruitment.get("maximumAge"))
    if (sex := as_str(recruitment.get("gender"))) is not None:
        rec.sex = norm_sex(sex)
        prov["sex"] = "recruitment.gender"
    if isinstance(recruitment.get("healthyVolunteers"), bool):
        rec.healthy_volunteers = recruitment["healthyVolunteers"]
        prov["healthy_volunteers"] = "recruitment.healthyVolunteers"
    planned = as_int(recruitment.get("plannedParticipants"))
    total = as_int(recruitment.get("totalParticipants"))
    if total is not None or planned is not None:
        rec.enrollment = total if total is not None else planned
        rec.enrollment_type = "ACTUAL" if total is not None else "ESTIMATED"
        prov["enrollment"] = "recruitment.totalParticipants" if total is not None else "recruitment.plannedParticipants"
    descs = recruitment.get("recruitmentDescriptions")
    inc, inc_where = _localised(descs, "inclusionCriteria", "recruitment.recruitmentDescriptions")
    exc, exc_where = _localised(descs, "exclusionCriteria", "recruitment.recruitmentDescriptions")
    if inc or exc:
        parts = []
        if inc:
            parts.append("Inclusion Criteria:\n" + inc.strip())
        if exc:
            parts.append("Exclusion Criteria:\n" + exc.strip())
        rec.criteria = "\n\n".join(parts)
        prov["criteria"] = " + ".join(w for w in (inc_where, exc_where) if w) + " (headers added)"
        where = inc_where or exc_where or ""
        if not where.endswith("(en)"):
            languages["criteria"] = where.rsplit("(", 1)[-1].rstrip(")")
    for name, key in (("start", "actualStartDate"), ("completion", "actualCompletionDate")):
        if recruitment.get(key):
            rec.set_date(name, as_str(recruitment[key]), "ACTUAL", f"recruitment.{key}")
    for name, key in (("start", "scheduledStartDate"), ("completion", "scheduledCompletionDate")):
        if name not in rec.dates and recruitment.get(key):
            rec.set_date(name, as_str(recruitment[key]), "ESTIMATED", f"recruitment.{key}")
    rec.set_date("first_submitted", as_str(obj.get("registrationDrks")), None, "registrationDrks")
    rec.set_date("last_update_posted", as_str(obj.get("lastUpdate")), None, "lastUpdate")
    for k, country in enumerate(as_list(recruitment.get("countries"))):
        code = as_str(as_dict(as_dict(country).get("idCountry")).get("code"))
        if code:
            rec.locations.append(Location(country=code))
            prov[f"locations[{k}].country"] = f"recruitment.countries[{k}].idCountry.code"
    for inst in as_list(recruitment.get("institutes")):
        d = as_dict(inst)
        if d.get("name") or d.get("city"):
            rec.locations.append(Location(facility=as_str(d.get("name")), city=as_str(d.get("city"))))

    characteristic = as_dict(obj.get("studyCharacteristic"))
    if (stype := as_str(characteristic.get("type"))) is not None:
        rec.study_type = _TYPES.get(stype)
        prov["study_type"] = "studyCharacteristic.type"
    if (phase := as_str(characteristic.get("phase"))) is not None:
        rec.phases = [t for t in (enum_token(phase),) if t]
        prov["phases"] = "studyCharacteristic.phase"
    outcome, where = _localised(
        characteristic.get("characteristicDescriptions"), "primaryOutcome", "studyCharacteristic.characteristicDescriptions"
    )
    if outcome:
        rec.primary_outcomes = [outcome]
        prov["primary_outcomes"] = where or ""
    _outcomes(rec, characteristic.get("characteristicDescriptions"))

    conditions = []
    for i, cond in enumerate(as_list(obj.get("studiedHealthConditions"))):
        value, _where = _localised(as_dict(cond).get("studiedHealthConditionDescriptions"), "comment", "")
        code = as_str(as_dict(cond).get("code"))
        if value or code:
            conditions.append(value or code or "")
    if conditions:
        rec.conditions = conditions
        prov["conditions"] = "studiedHealthConditions[].studiedHealthConditionDescriptions[].comment"

    for i, c in enumerate(as_list(obj.get("trialContacts"))):
        d = as_dict(as_dict(c).get("contact"))
        role = as_str(as_dict(as_dict(c).get("idContactIdType")).get("type"))
        name = " ".join(p for p in (as_str(d.get("firstName")), as_str(d.get("lastName"))) if p) or None
        if role == "PRIMARY_SPONSOR" and d.get("affiliation"):
            rec.sponsor = as_str(d.get("affiliation"))
            prov["sponsor"] = f"trialContacts[{i}].contact.affiliation"
        if name or d.get("email") or d.get("phone"):
            k = len(rec.central_contacts)
            rec.central_contacts.append(Contact(name=name, role=role, phone=as_str(d.get("phone")), email=as_str(d.get("email"))))
            if name:
                prov[f"central_contacts[{k}].name"] = f"trialContacts[{i}].contact.firstName+lastName"

    secondary = as_dict(obj.get("secondaryIds"))
    for key in ("otherPrimaryRegisterId", "eudraCtNumber", "universalTrialNumber", "eudamedNumber"):
        value = as_str(secondary.get(key))
        if value and value.strip() and value.strip() not in rec.secondary_ids:
            rec.secondary_ids.append(value.strip())
            prov["secondary_ids"] = f"secondaryIds.{key}"
    for value in as_list(obj.get("secondaryIdentifiers")):
        for m in ANY_ID.finditer(str(value)):
            if m.group(0) not in rec.secondary_ids:
                rec.secondary_ids.append(m.group(0))

    results = as_dict(obj.get("trialResults"))
    if isinstance(results.get("ipdSharingPlan"), bool):
        rec.ipd_sharing = "YES" if results["ipdSharingPlan"] else "NO"
        prov["ipd_sharing"] = "trialResults.ipdSharingPlan"
    if languages:
        rec.extra["languages"] = languages
    rec.extra["carries"] = _ITEMS
    return rec
