"""The classic ClinicalTrials.gov API JSON (``FullStudiesResponse``) -> TrialRecord.

``{"FullStudiesResponse": {"FullStudies": [{"Rank": 1, "Study": {...}}]}}``: PascalCase modules,
lists wrapped as ``{"ConditionList": {"Condition": [...]}}``, dates such as "June 1, 2020" or
"June 2020" with types "Actual" / "Anticipated" / "Estimate", and display strings for enums
("Active, not recruiting") which are normalised to the v2 spelling. Provenance paths are
relative to the ``Study`` object.
"""

from __future__ import annotations

from typing import Any

from trial_audit.core.dates import normalise_type, parse_date
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
from trial_audit.readers.common import (
    NotARecord,
    as_bool,
    as_dict,
    as_int,
    as_list,
    as_str,
    enum,
    set_field,
    set_identifier,
    set_zip,
    site_status,
)

FORMAT = "ctgov-classic"
P = "ProtocolSection"

# canonical date name -> (StatusModule key, struct value key or None for a plain date)
_DATES: tuple[tuple[str, str, str | None], ...] = (
    ("first_submitted", "StudyFirstSubmitDate", None),
    ("first_posted", "StudyFirstPostDateStruct", "StudyFirstPostDate"),
    ("start", "StartDateStruct", "StartDate"),
    ("primary_completion", "PrimaryCompletionDateStruct", "PrimaryCompletionDate"),
    ("completion", "CompletionDateStruct", "CompletionDate"),
    ("results_first_posted", "ResultsFirstPostDateStruct", "ResultsFirstPostDate"),
    ("last_update_submitted", "LastUpdateSubmitDate", None),
    ("last_update_posted", "LastUpdatePostDateStruct", "LastUpdatePostDate"),
    ("status_verified", "StatusVerifiedDate", None),
)


def is_classic_study(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get(P), dict)


def unwrap(obj: Any) -> Any:
    """A FullStudies item ({"Rank", "Study"}) or a bare Study -> the Study object."""
    if isinstance(obj, dict) and isinstance(obj.get("Study"), dict):
        return obj["Study"]
    return obj


def _wrapped(module: dict[str, Any], list_key: str, item_key: str) -> list[Any]:
    return as_list(as_dict(module.get(list_key)).get(item_key))


def _contact(c: dict[str, Any], prefix: str) -> Contact:
    return Contact(
        name=as_str(c.get(f"{prefix}Name")),
        role=enum(as_str(c.get(f"{prefix}Role"))),
        phone=as_str(c.get(f"{prefix}Phone")),
        email=as_str(c.get(f"{prefix}EMail")),
    )


def _strings(items: list[Any]) -> list[str]:
    return [x for x in items if isinstance(x, str)]


def study_to_record(study: Any, source: Source) -> TrialRecord:
    """Map one classic ``Study`` object (or a FullStudies item) to the canonical record."""
    study = unwrap(study)
    if not is_classic_study(study):
        raise NotARecord("JSON object is not a classic ClinicalTrials.gov study (no ProtocolSection)")
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance
    ps = study[P]

    ident = as_dict(ps.get("IdentificationModule"))
    pre = f"{P}.IdentificationModule"
    set_identifier(rec, "nct_id", ident.get("NCTId"), f"{pre}.NCTId")
    set_field(rec, "org_study_id", as_dict(ident.get("OrgStudyIdInfo")).get("OrgStudyId"), f"{pre}.OrgStudyIdInfo.OrgStudyId")
    set_field(rec, "brief_title", ident.get("BriefTitle"), f"{pre}.BriefTitle")
    set_field(rec, "official_title", ident.get("OfficialTitle"), f"{pre}.OfficialTitle")
    set_field(rec, "acronym", ident.get("Acronym"), f"{pre}.Acronym")
    org = as_str(as_dict(ident.get("Organization")).get("OrgFullName"))
    if org:
        rec.extra["organization"] = org

    spons = as_dict(ps.get("SponsorCollaboratorsModule"))
    pre = f"{P}.SponsorCollaboratorsModule"
    lead = as_dict(spons.get("LeadSponsor"))
    set_field(rec, "sponsor", lead.get("LeadSponsorName"), f"{pre}.LeadSponsor.LeadSponsorName")
    set_field(rec, "sponsor_class", lead.get("LeadSponsorClass"), f"{pre}.LeadSponsor.LeadSponsorClass")
    for i, c in enumerate(_wrapped(spons, "CollaboratorList", "Collaborator")):
        name = as_str(as_dict(c).get("CollaboratorName"))
        if name is not None:
            prov[f"collaborators[{len(rec.collaborators)}]"] = f"{pre}.CollaboratorList.Collaborator[{i}].CollaboratorName"
            rec.collaborators.append(name)
    if rec.collaborators:
        prov["collaborators"] = f"{pre}.CollaboratorList.Collaborator"
    rp = as_dict(spons.get("ResponsibleParty"))
    if rp:
        rec.extra["responsible_party"] = {
            "type": enum_token(as_str(rp.get("ResponsiblePartyType"))),
            "name": as_str(rp.get("ResponsiblePartyInvestigatorFullName")),
            "affiliation": as_str(rp.get("ResponsiblePartyInvestigatorAffiliation")),
        }

    status = as_dict(ps.get("StatusModule"))
    pre = f"{P}.StatusModule"
    set_field(rec, "overall_status", status.get("OverallStatus"), f"{pre}.OverallStatus", norm_status)
    set_field(rec, "last_known_status", status.get("LastKnownStatus"), f"{pre}.LastKnownStatus", norm_status)
    set_field(rec, "why_stopped", status.get("WhyStopped"), f"{pre}.WhyStopped")
    for name, key, inner in _DATES:
        raw = status.get(key)
        if raw is None:
            continue
        if inner:
            s = as_dict(raw)
            value = as_str(s.get(inner))
            if value is not None:
                rec.set_date(name, value, as_str(s.get(f"{inner}Type")), f"{pre}.{key}.{inner}")
        else:
            value = as_str(raw)
            if value is not None:
                rec.set_date(name, value, None, f"{pre}.{key}")

    design = as_dict(ps.get("DesignModule"))
    pre = f"{P}.DesignModule"
    stype = as_str(design.get("StudyType"))
    if stype is not None:
        rec.study_type = enum_token(stype)
        prov["study_type"] = f"{pre}.StudyType"
    if "PhaseList" in design:
        rec.phases = norm_phases(_strings(_wrapped(design, "PhaseList", "Phase")))
        prov["phases"] = f"{pre}.PhaseList.Phase"
    enr = as_dict(design.get("EnrollmentInfo"))
    if "EnrollmentCount" in enr:
        rec.enrollment = as_int(enr.get("EnrollmentCount"))
        prov["enrollment"] = f"{pre}.EnrollmentInfo.EnrollmentCount"
    et = as_str(enr.get("EnrollmentType"))
    if et is not None:
        dt = normalise_type(et)
        rec.enrollment_type = dt.value if dt else enum_token(et)
        prov["enrollment_type"] = f"{pre}.EnrollmentInfo.EnrollmentType"

    elig = as_dict(ps.get("EligibilityModule"))
    pre = f"{P}.EligibilityModule"
    mn, mx = as_str(elig.get("MinimumAge")), as_str(elig.get("MaximumAge"))
    rec.set_age_limits(mn, mx)
    if mn is not None:
        prov["minimum_age"] = f"{pre}.MinimumAge"
    if mx is not None:
        prov["maximum_age"] = f"{pre}.MaximumAge"
    if "StdAgeList" in elig:
        rec.std_ages = [enum_token(x) for x in _strings(_wrapped(elig, "StdAgeList", "StdAge"))]
        prov["std_ages"] = f"{pre}.StdAgeList.StdAge"
    sex = as_str(elig.get("Gender"))
    if sex is not None:
        rec.sex = norm_sex(sex)
        prov["sex"] = f"{pre}.Gender"
    if "HealthyVolunteers" in elig:
        rec.healthy_volunteers = as_bool(elig.get("HealthyVolunteers"))
        prov["healthy_volunteers"] = f"{pre}.HealthyVolunteers"
    set_field(rec, "criteria", elig.get("EligibilityCriteria"), f"{pre}.EligibilityCriteria")
    if elig.get("StudyPopulation"):
        rec.extra["study_population"] = as_str(elig.get("StudyPopulation"))

    cond = as_dict(ps.get("ConditionsModule"))
    pre = f"{P}.ConditionsModule"
    if "ConditionList" in cond:
        rec.conditions = _strings(_wrapped(cond, "ConditionList", "Condition"))
        prov["conditions"] = f"{pre}.ConditionList.Condition"
    if "KeywordList" in cond:
        rec.keywords = _strings(_wrapped(cond, "KeywordList", "Keyword"))
        prov["keywords"] = f"{pre}.KeywordList.Keyword"

    derived = as_dict(study.get("DerivedSection"))
    cb = as_dict(derived.get("ConditionBrowseModule"))
    meshes = _wrapped(cb, "ConditionMeshList", "ConditionMesh")
    if meshes:
        rec.mesh_terms = [t for t in (as_str(as_dict(m).get("ConditionMeshTerm")) for m in meshes) if t is not None]
        prov["mesh_terms"] = "DerivedSection.ConditionBrowseModule.ConditionMeshList.ConditionMesh[].ConditionMeshTerm"
    vh = as_str(as_dict(derived.get("MiscInfoModule")).get("VersionHolder"))
    if vh is not None:
        rec.as_of = parse_date(vh)
        prov["as_of"] = "DerivedSection.MiscInfoModule.VersionHolder"

    arms = as_dict(ps.get("ArmsInterventionsModule"))
    pre = f"{P}.ArmsInterventionsModule.InterventionList.Intervention"
    for i, iv in enumerate(_wrapped(arms, "InterventionList", "Intervention")):
        iv = as_dict(iv)
        k = len(rec.interventions)
        rec.interventions.append(Intervention(type=enum(as_str(iv.get("InterventionType"))), name=as_str(iv.get("InterventionName"))))
        prov[f"interventions[{k}].name"] = f"{pre}[{i}].InterventionName"
        prov[f"interventions[{k}].type"] = f"{pre}[{i}].InterventionType"

    desc = as_dict(ps.get("DescriptionModule"))
    pre = f"{P}.DescriptionModule"
    set_field(rec, "brief_summary", desc.get("BriefSummary"), f"{pre}.BriefSummary")
    set_field(rec, "detailed_description", desc.get("DetailedDescription"), f"{pre}.DetailedDescription")

    cl = as_dict(ps.get("ContactsLocationsModule"))
    pre = f"{P}.ContactsLocationsModule"
    loc_attrs = (("facility", "LocationFacility"), ("city", "LocationCity"), ("state", "LocationState"),
                 ("country", "LocationCountry"), ("status", "LocationStatus"))  # fmt: skip
    for i, loc in enumerate(_wrapped(cl, "LocationList", "Location")):
        loc = as_dict(loc)
        k = len(rec.locations)
        rec.locations.append(
            Location(
                facility=as_str(loc.get("LocationFacility")),
                city=as_str(loc.get("LocationCity")),
                state=as_str(loc.get("LocationState")),
                country=as_str(loc.get("LocationCountry")),
                status=site_status(as_str(loc.get("LocationStatus"))),
                contacts=[_contact(as_dict(c), "LocationContact") for c in _wrapped(loc, "LocationContactList", "LocationContact")],
            )
        )
        for attr, key in loc_attrs:
            if key in loc:
                prov[f"locations[{k}].{attr}"] = f"{pre}.LocationList.Location[{i}].{key}"
        if set_zip(rec.locations[k], loc.get("LocationZip")):
            prov[f"locations[{k}].zip"] = f"{pre}.LocationList.Location[{i}].LocationZip"
    for i, off in enumerate(_wrapped(cl, "OverallOfficialList", "OverallOfficial")):
        off = as_dict(off)
        k = len(rec.officials)
        rec.officials.append(
            Official(
                name=as_str(off.get("OverallOfficialName")),
                role=enum(as_str(off.get("OverallOfficialRole"))),
                affiliation=as_str(off.get("OverallOfficialAffiliation")),
            )
        )
        for attr in ("name", "role", "affiliation"):
            key = "OverallOfficial" + attr.capitalize()
            if key in off:
                prov[f"officials[{k}].{attr}"] = f"{pre}.OverallOfficialList.OverallOfficial[{i}].{key}"
    for i, c in enumerate(_wrapped(cl, "CentralContactList", "CentralContact")):
        c = as_dict(c)
        k = len(rec.central_contacts)
        rec.central_contacts.append(_contact(c, "CentralContact"))
        for attr, key in (("name", "Name"), ("role", "Role"), ("phone", "Phone"), ("email", "EMail")):
            if f"CentralContact{key}" in c:
                prov[f"central_contacts[{k}].{attr}"] = f"{pre}.CentralContactList.CentralContact[{i}].CentralContact{key}"

    outcomes = as_dict(ps.get("OutcomesModule"))
    for i, o in enumerate(_wrapped(outcomes, "PrimaryOutcomeList", "PrimaryOutcome")):
        m = as_str(as_dict(o).get("PrimaryOutcomeMeasure"))
        if m is not None:
            prov[f"primary_outcomes[{len(rec.primary_outcomes)}]"] = (
                f"{P}.OutcomesModule.PrimaryOutcomeList.PrimaryOutcome[{i}].PrimaryOutcomeMeasure"
            )
            rec.primary_outcomes.append(m)

    ipd = as_str(as_dict(ps.get("IPDSharingStatementModule")).get("IPDSharing"))
    if ipd is not None:
        rec.ipd_sharing = enum_token(ipd)
        prov["ipd_sharing"] = f"{P}.IPDSharingStatementModule.IPDSharing"
    oversight = as_dict(ps.get("OversightModule"))
    if "OversightHasDMC" in oversight:
        rec.has_dmc = as_bool(oversight.get("OversightHasDMC"))
        prov["has_dmc"] = f"{P}.OversightModule.OversightHasDMC"
    if "ResultsSection" in study:
        rec.extra["has_results"] = True
    return rec
