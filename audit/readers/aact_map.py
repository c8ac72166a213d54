"""AACT's tables and columns -> the canonical record, with provenance ``table.column`` (and
``table[i].column`` for the i-th row of a study in a child table).

AACT writes the registry's values as ClinicalTrials.gov API v2 does (enum tokens such as
``RECRUITING``, ``PHASE1/PHASE2``); the older display spellings ("Recruiting", "Phase 1/Phase 2")
are normalised the same way. A date is read from its ``*_month_year`` column, the registry's own
text, where there is one (it keeps the precision: "2021-03" is a month, not the 1st of March),
else from the ``date`` column.
"""

from __future__ import annotations

import datetime as _dt
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
from trial_audit.readers.common import as_bool, as_str, set_zip

#: columns of ``studies`` read
STUDY_COLUMNS = (
    "nct_id",
    "brief_title",
    "official_title",
    "acronym",
    "source",
    "source_class",
    "overall_status",
    "last_known_status",
    "why_stopped",
    "study_type",
    "phase",
    "enrollment",
    "enrollment_type",
    "has_dmc",
    "plan_to_share_ipd",
    "study_first_submitted_date",
    "study_first_posted_date",
    "study_first_posted_date_type",
    "start_month_year",
    "start_date",
    "start_date_type",
    "primary_completion_month_year",
    "primary_completion_date",
    "primary_completion_date_type",
    "completion_month_year",
    "completion_date",
    "completion_date_type",
    "results_first_posted_date",
    "results_first_posted_date_type",
    "last_update_submitted_date",
    "last_update_posted_date",
    "last_update_posted_date_type",
    "verification_month_year",
    "verification_date",
)

#: the other tables read (all keyed by nct_id, ordered by id) and their columns
CHILD_TABLES: dict[str, tuple[str, ...]] = {
    "id_information": ("id_source", "id_type", "id_value"),
    "sponsors": ("agency_class", "lead_or_collaborator", "name"),
    "responsible_parties": ("responsible_party_type", "name", "affiliation"),
    "brief_summaries": ("description",),
    "detailed_descriptions": ("description",),
    "eligibilities": (
        "gender",
        "minimum_age",
        "maximum_age",
        "healthy_volunteers",
        "population",
        "criteria",
        "child",
        "adult",
        "older_adult",
    ),
    "conditions": ("name",),
    "keywords": ("name",),
    "browse_conditions": ("mesh_term", "mesh_type"),
    "interventions": ("intervention_type", "name"),
    "design_outcomes": ("outcome_type", "measure", "time_frame", "description"),
    "facilities": ("id", "name", "city", "state", "zip", "country", "status"),
    "facility_contacts": ("facility_id", "contact_type", "name", "email", "phone"),
    "facility_investigators": ("facility_id", "role", "name"),
    "overall_officials": ("role", "name", "affiliation"),
    "central_contacts": ("contact_type", "role", "name", "phone", "email"),
    "calculated_values": ("nlm_download_date", "were_results_reported"),
}

#: canonical date -> (studies column of the registry's text or None, date column, type column or None)
DATES = (
    ("first_submitted", None, "study_first_submitted_date", None),
    ("first_posted", None, "study_first_posted_date", "study_first_posted_date_type"),
    ("start", "start_month_year", "start_date", "start_date_type"),
    ("primary_completion", "primary_completion_month_year", "primary_completion_date", "primary_completion_date_type"),
    ("completion", "completion_month_year", "completion_date", "completion_date_type"),
    ("results_first_posted", None, "results_first_posted_date", "results_first_posted_date_type"),
    ("last_update_submitted", None, "last_update_submitted_date", None),
    ("last_update_posted", None, "last_update_posted_date", "last_update_posted_date_type"),
    ("status_verified", "verification_month_year", "verification_date", None),
)

#: canonical study field -> (studies column, conversion)
STUDY_FIELDS: tuple[tuple[str, str, Any], ...] = (
    ("nct_id", "nct_id", None),
    ("brief_title", "brief_title", None),
    ("official_title", "official_title", None),
    ("acronym", "acronym", None),
    ("overall_status", "overall_status", norm_status),
    ("last_known_status", "last_known_status", norm_status),
    ("why_stopped", "why_stopped", None),
    ("study_type", "study_type", enum_token),
    ("enrollment_type", "enrollment_type", enum_token),
    ("ipd_sharing", "plan_to_share_ipd", enum_token),
)

_STD_AGES = (("child", "CHILD"), ("adult", "ADULT"), ("older_adult", "OLDER_ADULT"))


def _text(value: Any) -> str | None:
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return as_str(value)


def build_record(study: dict[str, Any], children: dict[str, list[dict[str, Any]]], source: Source) -> TrialRecord:
    """One study's row of ``studies`` and its rows of the other tables -> the canonical record."""
    rec = TrialRecord(source=source, criteria_markdown=True)  # AACT keeps v2's Markdown criteria
    prov = rec.provenance
    for name, column, convert in STUDY_FIELDS:
        text = _text(study.get(column))
        if text is not None:
            setattr(rec, name, convert(text) if convert else text)
            prov[name] = f"studies.{column}"
    if study.get("phase"):
        rec.phases = norm_phases(str(study["phase"]))
        prov["phases"] = "studies.phase"
    if study.get("enrollment") is not None:
        rec.enrollment = int(study["enrollment"])
        prov["enrollment"] = "studies.enrollment"
    if study.get("has_dmc") is not None:
        rec.has_dmc = as_bool(study["has_dmc"])
        prov["has_dmc"] = "studies.has_dmc"
    if study.get("source"):
        rec.extra["organization"] = study["source"]
    for name, text_col, date_col, type_col in DATES:
        column = text_col if text_col and study.get(text_col) else date_col
        value = _text(study.get(column))
        if value is not None:
            rec.set_date(name, value, _text(study.get(type_col)) if type_col else None, f"studies.{column}")
    _identity(rec, children)
    _eligibility(rec, children)
    _lists(rec, children)
    _sites_and_people(rec, children)
    for row in children.get("calculated_values", [])[:1]:
        if row.get("nlm_download_date") is not None:
            rec.as_of = parse_date(_text(row["nlm_download_date"]))
            prov["as_of"] = "calculated_values.nlm_download_date"
        if row.get("were_results_reported") is not None:
            rec.extra["has_results"] = bool(row["were_results_reported"])
    return rec


def _identity(rec: TrialRecord, children: dict[str, list[dict[str, Any]]]) -> None:
    prov = rec.provenance
    for i, row in enumerate(children.get("id_information", [])):
        if "org_study_id" in (row.get("id_source"), row.get("id_type")) and rec.org_study_id is None:
            rec.org_study_id = as_str(row.get("id_value"))
            prov["org_study_id"] = f"id_information[{i}].id_value"
    for i, row in enumerate(children.get("sponsors", [])):
        role = (row.get("lead_or_collaborator") or "").lower()
        if role == "lead" and rec.sponsor is None:
            rec.sponsor = as_str(row.get("name"))
            prov["sponsor"] = f"sponsors[{i}].name"
            if row.get("agency_class"):
                rec.sponsor_class = enum_token(row["agency_class"])
                prov["sponsor_class"] = f"sponsors[{i}].agency_class"
        elif role == "collaborator" and row.get("name"):
            prov[f"collaborators[{len(rec.collaborators)}]"] = f"sponsors[{i}].name"
            rec.collaborators.append(row["name"])
    for row in children.get("responsible_parties", [])[:1]:
        rec.extra["responsible_party"] = {
            "type": enum_token(row.get("responsible_party_type")),
            "name": as_str(row.get("name")),
            "affiliation": as_str(row.get("affiliation")),
        }
    for table, name in (("brief_summaries", "brief_summary"), ("detailed_descriptions", "detailed_description")):
        for row in children.get(table, [])[:1]:
            if row.get("description") is not None:
                setattr(rec, name, row["description"])
                prov[name] = f"{table}.description"


def _eligibility(rec: TrialRecord, children: dict[str, list[dict[str, Any]]]) -> None:
    prov = rec.provenance
    for row in children.get("eligibilities", [])[:1]:
        rec.set_age_limits(row.get("minimum_age"), row.get("maximum_age"))
        for attr in ("minimum_age", "maximum_age"):
            if row.get(attr) is not None:
                prov[attr] = f"eligibilities.{attr}"
        if row.get("gender"):
            rec.sex = norm_sex(row["gender"])
            prov["sex"] = "eligibilities.gender"
        if row.get("healthy_volunteers") is not None:
            rec.healthy_volunteers = _bool(row["healthy_volunteers"])
            prov["healthy_volunteers"] = "eligibilities.healthy_volunteers"
        if row.get("criteria") is not None:
            rec.criteria = row["criteria"]
            prov["criteria"] = "eligibilities.criteria"
        if row.get("population"):
            rec.extra["study_population"] = row["population"]
        ages = [token for column, token in _STD_AGES if row.get(column)]
        if ages:
            rec.std_ages = ages
            prov["std_ages"] = "eligibilities.child/adult/older_adult"


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return {"t": True, "f": False}.get(text, as_bool(text))


def _lists(rec: TrialRecord, children: dict[str, list[dict[str, Any]]]) -> None:
    prov = rec.provenance
    for table, name in (("conditions", "conditions"), ("keywords", "keywords")):
        values = [row["name"] for row in children.get(table, []) if row.get("name")]
        if values:
            setattr(rec, name, values)
            prov[name] = f"{table}.name"
    meshes = [
        row["mesh_term"]
        for row in children.get("browse_conditions", [])
        if row.get("mesh_term") and row.get("mesh_type") != "mesh-ancestor"
    ]
    if meshes:
        rec.mesh_terms = meshes
        prov["mesh_terms"] = "browse_conditions.mesh_term"
    for i, row in enumerate(children.get("design_outcomes", [])):
        if (row.get("outcome_type") or "").lower() == "primary" and row.get("measure") is not None:
            prov[f"primary_outcomes[{len(rec.primary_outcomes)}]"] = f"design_outcomes[{i}].measure"
            rec.primary_outcomes.append(row["measure"])
    for i, row in enumerate(children.get("interventions", [])):
        k = len(rec.interventions)
        rec.interventions.append(Intervention(type=enum_token(row.get("intervention_type")), name=as_str(row.get("name"))))
        prov[f"interventions[{k}].name"] = f"interventions[{i}].name"
        prov[f"interventions[{k}].type"] = f"interventions[{i}].intervention_type"


def _sites_and_people(rec: TrialRecord, children: dict[str, list[dict[str, Any]]]) -> None:
    prov = rec.provenance
    contacts: dict[Any, list[Contact]] = {}
    for row in children.get("facility_contacts", []):
        contacts.setdefault(row.get("facility_id"), []).append(
            Contact(name=as_str(row.get("name")), role="CONTACT", phone=as_str(row.get("phone")), email=as_str(row.get("email")))
        )
    for row in children.get("facility_investigators", []):  # the registry lists a site's investigators among its contacts
        contacts.setdefault(row.get("facility_id"), []).append(Contact(name=as_str(row.get("name")), role=enum_token(row.get("role"))))
    for i, row in enumerate(children.get("facilities", [])):
        k = len(rec.locations)
        loc = Location(
            facility=as_str(row.get("name")),
            city=as_str(row.get("city")),
            state=as_str(row.get("state")),
            country=as_str(row.get("country")),
            status=enum_token(row.get("status")),
            contacts=contacts.get(row.get("id"), []),
        )
        rec.locations.append(loc)
        for attr, column in (("facility", "name"), ("city", "city"), ("state", "state"), ("country", "country"), ("status", "status")):
            if row.get(column) is not None:
                prov[f"locations[{k}].{attr}"] = f"facilities[{i}].{column}"
        if set_zip(loc, row.get("zip")):
            prov[f"locations[{k}].zip"] = f"facilities[{i}].zip"
    for i, row in enumerate(children.get("overall_officials", [])):
        k = len(rec.officials)
        rec.officials.append(
            Official(name=as_str(row.get("name")), role=enum_token(row.get("role")), affiliation=as_str(row.get("affiliation")))
        )
        for attr in ("name", "role", "affiliation"):
            if row.get(attr) is not None:
                prov[f"officials[{k}].{attr}"] = f"overall_officials[{i}].{attr}"
    for i, row in enumerate(children.get("central_contacts", [])):
        k = len(rec.central_contacts)
        rec.central_contacts.append(
            Contact(
                name=as_str(row.get("name")),
                role=enum_token(row.get("role")),
                phone=as_str(row.get("phone")),
                email=as_str(row.get("email")),
            )
        )
        for attr in ("name", "role", "phone", "email"):
            if row.get(attr) is not None:
                prov[f"central_contacts[{k}].{attr}"] = f"central_contacts[{i}].{attr}"
