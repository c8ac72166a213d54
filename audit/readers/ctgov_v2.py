"""ClinicalTrials.gov API v2 JSON -> TrialRecord.

Accepted shapes (the container is handled by :mod:`trial_audit.readers`): one study object
(``protocolSection`` at the top), a ``{"studies": [...]}`` page, a JSON array of studies and
NDJSON (one study per line). Keys the reader does not know (``ctrname``,
``record_last_import``, ``resultsSection`` ...) are ignored. v2 text fields are Markdown.
"""

from __future__ import annotations

from typing import Any

from trial_audit.core.dates import parse_date
from trial_audit.core.model import (
    Contact,
    Intervention,
    Location,
    Official,
    Source,
    TrialRecord,
    enum_token,
    norm_phases,
    norm_sex,
    norm_status,
)
from trial_audit.readers.common import NotARecord, as_bool, as_dict, as_int, as_list, as_str, enum, set_field, set_identifier, set_zip

FORMAT = "ctgov-v2"
P = "protocolSection"

# canonical date name -> (statusModule key, is a {date, type} struct)
_DATES: tuple[tuple[str, str, bool], ...] = (
    ("first_submitted", "studyFirstSubmitDate", False),
    ("first_posted", "studyFirstPostDateStruct", True),
    ("start", "startDateStruct", True),
    ("primary_completion", "primaryCompletionDateStruct", True),
    ("completion", "completionDateStruct", True),
    ("results_first_posted", "resultsFirstPostDateStruct", True),
    ("last_update_submitted", "lastUpdateSubmitDate", False),
    ("last_update_posted", "lastUpdatePostDateStruct", True),
    ("status_verified", "statusVerifiedDate", False),
)


def is_v2_study(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get(P), dict)


def _contact(c: dict[str, Any]) -> Contact:
    return Contact(
        name=as_str(c.get("name")),
        role=enum(as_str(c.get("role"))),
        phone=as_str(c.get("phone")),
        email=as_str(c.get("email")),
    )


def study_to_record(study: Any, source: Source) -> TrialRecord:
    """Map one v2 study object to the canonical record (raises NotARecord if it is not one)."""
    if not is_v2_study(study):
        if isinstance(study, dict):
            keys = ", ".join(list(study)[:6]) or "no keys"
            raise NotARecord(f"JSON object is not a ClinicalTrials.gov v2 study (no protocolSection; keys: {keys})")
        raise NotARecord(f"expected a v2 study object, found a JSON {type(study).__name__}")
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=True)
    prov = rec.provenance
    ps = study[P]

    ident = as_dict(ps.get("identificationModule"))
    pre = f"{P}.identificationModule"
    set_identifier(rec, "nct_id", ident.get("nctId"), f"{pre}.nctId")
    set_field(rec, "org_study_id", as_dict(ident.get("orgStudyIdInfo")).get("id"), f"{pre}.orgStudyIdInfo.id")
    set_field(rec, "brief_title", ident.get("briefTitle"), f"{pre}.briefTitle")
    set_field(rec, "official_title", ident.get("officialTitle"), f"{pre}.officialTitle")
    set_field(rec, "acronym", ident.get("acronym"), f"{pre}.acronym")
    org = as_dict(ident.get("organization"))
    if org.get("fullName"):
        rec.extra["organization"] = as_str(org.get("fullName"))

    spons = as_dict(ps.get("sponsorCollaboratorsModule"))
    pre = f"{P}.sponsorCollaboratorsModule"
    lead = as_dict(spons.get("leadSponsor"))
    set_field(rec, "sponsor", lead.get("name"), f"{pre}.leadSponsor.name")
    set_field(rec, "sponsor_class", lead.get("class"), f"{pre}.leadSponsor.class")
    for i, c in enumerate(as_list(spons.get("collaborators"))):
        name = as_str(as_dict(c).get("name"))
        if name is not None:
            prov[f"collaborators[{len(rec.collaborators)}]"] = f"{pre}.collaborators[{i}].name"
            rec.collaborators.append(name)
    if rec.collaborators:
        prov["collaborators"] = f"{pre}.collaborators"
    rp = as_dict(spons.get("responsibleParty"))
    if rp:
        rec.extra["responsible_party"] = {
            "type": as_str(rp.get("type")),
            "name": as_str(rp.get("investigatorFullName")),
            "affiliation": as_str(rp.get("investigatorAffiliation")),
        }

    status = as_dict(ps.get("statusModule"))
    pre = f"{P}.statusModule"
    set_field(rec, "overall_status", status.get("overallStatus"), f"{pre}.overallStatus", norm_status)
    set_field(rec, "last_known_status", status.get("lastKnownStatus"), f"{pre}.lastKnownStatus", norm_status)
    set_field(rec, "why_stopped", status.get("whyStopped"), f"{pre}.whyStopped")
    for name, key, is_struct in _DATES:
        raw = status.get(key)
        if raw is None:
            continue
        if is_struct:
            s = as_dict(raw)
            value = as_str(s.get("date"))
            if value is not None:
                rec.set_date(name, value, as_str(s.get("type")), f"{pre}.{key}.date")
        else:
            value = as_str(raw)
            if value is not None:
                rec.set_date(name, value, None, f"{pre}.{key}")

    design = as_dict(ps.get("designModule"))
    pre = f"{P}.designModule"
    stype = as_str(design.get("studyType"))
    if stype is not None:
        rec.study_type = enum_token(stype)
        prov["study_type"] = f"{pre}.studyType"
    if "phases" in design:
        ph = design.get("phases")
        rec.phases = norm_phases([x for x in as_list(ph) if isinstance(x, str)])
        prov["phases"] = f"{pre}.phases"
        if not isinstance(ph, list):
            rec.extra["phases_not_a_list"] = True
    enr = as_dict(design.get("enrollmentInfo"))
    if "count" in enr:
        rec.enrollment = as_int(enr.get("count"))
        prov["enrollment"] = f"{pre}.enrollmentInfo.count"
    if enr.get("type") is not None:
        rec.enrollment_type = enum_token(as_str(enr.get("type")))
        prov["enrollment_type"] = f"{pre}.enrollmentInfo.type"

    elig = as_dict(ps.get("eligibilityModule"))
    pre = f"{P}.eligibilityModule"
    mn, mx = as_str(elig.get("minimumAge")), as_str(elig.get("maximumAge"))
    rec.set_age_limits(mn, mx)
    if mn is not None:
        prov["minimum_age"] = f"{pre}.minimumAge"
    if mx is not None:
        prov["maximum_age"] = f"{pre}.maximumAge"
    if "stdAges" in elig:
        rec.std_ages = [enum_token(x) for x in as_list(elig.get("stdAges")) if isinstance(x, str)]
        prov["std_ages"] = f"{pre}.stdAges"
    sex = as_str(elig.get("sex"))
    if sex is not None:
        rec.sex = norm_sex(sex)
        prov["sex"] = f"{pre}.sex"
    if "healthyVolunteers" in elig:
        rec.healthy_volunteers = as_bool(elig.get("healthyVolunteers"))
        prov["healthy_volunteers"] = f"{pre}.healthyVolunteers"
    set_field(rec, "criteria", elig.get("eligibilityCriteria"), f"{pre}.eligibilityCriteria")
    if elig.get("studyPopulation"):
        rec.extra["study_population"] = as_str(elig.get("studyPopulation"))

    cond = as_dict(ps.get("conditionsModule"))
    pre = f"{P}.conditionsModule"
    if "conditions" in cond:
        rec.conditions = [x for x in as_list(cond.get("conditions")) if isinstance(x, str)]
        prov["conditions"] = f"{pre}.conditions"
    if "keywords" in cond:
        rec.keywords = [x for x in as_list(cond.get("keywords")) if isinstance(x, str)]
        prov["keywords"] = f"{pre}.keywords"

    derived = as_dict(study.get("derivedSection"))
    meshes = as_list(as_dict(derived.get("conditionBrowseModule")).get("meshes"))
    if meshes:
        rec.mesh_terms = [t for t in (as_str(as_dict(m).get("term")) for m in meshes) if t is not None]
        prov["mesh_terms"] = "derivedSection.conditionBrowseModule.meshes[].term"
    vh = as_str(as_dict(derived.get("miscInfoModule")).get("versionHolder"))
    if vh is not None:
        rec.as_of = parse_date(vh)
        prov["as_of"] = "derivedSection.miscInfoModule.versionHolder"

    arms = as_dict(ps.get("armsInterventionsModule"))
    pre = f"{P}.armsInterventionsModule"
    for i, iv in enumerate(as_list(arms.get("interventions"))):
        iv = as_dict(iv)
        k = len(rec.interventions)
        rec.interventions.append(Intervention(type=enum(as_str(iv.get("type"))), name=as_str(iv.get("name"))))
        prov[f"interventions[{k}].name"] = f"{pre}.interventions[{i}].name"
        prov[f"interventions[{k}].type"] = f"{pre}.interventions[{i}].type"

    desc = as_dict(ps.get("descriptionModule"))
    pre = f"{P}.descriptionModule"
    set_field(rec, "brief_summary", desc.get("briefSummary"), f"{pre}.briefSummary")
    set_field(rec, "detailed_description", desc.get("detailedDescription"), f"{pre}.detailedDescription")

    cl = as_dict(ps.get("contactsLocationsModule"))
    pre = f"{P}.contactsLocationsModule"
    for i, loc in enumerate(as_list(cl.get("locations"))):
        loc = as_dict(loc)
        k = len(rec.locations)
        rec.locations.append(
            Location(
                facility=as_str(loc.get("facility")),
                city=as_str(loc.get("city")),
                state=as_str(loc.get("state")),
                country=as_str(loc.get("country")),
                status=enum(as_str(loc.get("status"))),
                contacts=[_contact(as_dict(c)) for c in as_list(loc.get("contacts"))],
            )
        )
        for attr in ("facility", "city", "state", "country", "status"):
            if attr in loc:
                prov[f"locations[{k}].{attr}"] = f"{pre}.locations[{i}].{attr}"
        if set_zip(rec.locations[k], loc.get("zip")):
            prov[f"locations[{k}].zip"] = f"{pre}.locations[{i}].zip"
    for i, off in enumerate(as_list(cl.get("overallOfficials"))):
        off = as_dict(off)
        k = len(rec.officials)
        rec.officials.append(
            Official(name=as_str(off.get("name")), role=enum(as_str(off.get("role"))), affiliation=as_str(off.get("affiliation")))
        )
        for attr in ("name", "role", "affiliation"):
            if attr in off:
                prov[f"officials[{k}].{attr}"] = f"{pre}.overallOfficials[{i}].{attr}"
    for i, c in enumerate(as_list(cl.get("centralContacts"))):
        c = as_dict(c)
        k = len(rec.central_contacts)
        rec.central_contacts.append(_contact(c))
        for attr in ("name", "role", "phone", "email"):
            if attr in c:
                prov[f"central_contacts[{k}].{attr}"] = f"{pre}.centralContacts[{i}].{attr}"

    outcomes = as_dict(ps.get("outcomesModule"))
    for i, o in enumerate(as_list(outcomes.get("primaryOutcomes"))):
        m = as_str(as_dict(o).get("measure"))
        if m is not None:
            prov[f"primary_outcomes[{len(rec.primary_outcomes)}]"] = f"{P}.outcomesModule.primaryOutcomes[{i}].measure"
            rec.primary_outcomes.append(m)

    ipd = as_str(as_dict(ps.get("ipdSharingStatementModule")).get("ipdSharing"))
    if ipd is not None:
        rec.ipd_sharing = enum_token(ipd)
        prov["ipd_sharing"] = f"{P}.ipdSharingStatementModule.ipdSharing"
    oversight = as_dict(ps.get("oversightModule"))
    if "oversightHasDmc" in oversight:
        rec.has_dmc = as_bool(oversight.get("oversightHasDmc"))
        prov["has_dmc"] = f"{P}.oversightModule.oversightHasDmc"

    if "hasResults" in study:
        rec.extra["has_results"] = as_bool(study.get("hasResults"))
    return rec
