"""An AACT-shaped PostgreSQL database for the tests, loaded from real ClinicalTrials.gov API v2 records.

The tables and columns are AACT's own (db/structure.sql of ctti-clinicaltrials/aact, schema
``ctgov``) with AACT's types, limited to those the reader maps. Each v2 study is put into them as
AACT's loader does: one row in ``studies``, rows in the child tables in the registry's order,
dates as ``date`` with the registry's own text in ``*_month_year``, a site's contacts in
``facility_contacts`` and its investigators in ``facility_investigators``.

The server is the one ``.ci/postgres.sh`` starts; its URL comes from ``TRIAL_AUDIT_TEST_PG_URL``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable
from typing import Any

PG_URL_ENV = "TRIAL_AUDIT_TEST_PG_URL"

SCHEMA = """
DROP SCHEMA IF EXISTS ctgov CASCADE;
CREATE SCHEMA ctgov;
SET search_path TO ctgov;
CREATE TABLE studies (
    nct_id character varying, study_first_submitted_date date, last_update_submitted_date date,
    study_first_posted_date date, study_first_posted_date_type character varying,
    results_first_posted_date date, results_first_posted_date_type character varying,
    last_update_posted_date date, last_update_posted_date_type character varying,
    start_month_year character varying, start_date_type character varying, start_date date,
    verification_month_year character varying, verification_date date,
    completion_month_year character varying, completion_date_type character varying, completion_date date,
    primary_completion_month_year character varying, primary_completion_date_type character varying, primary_completion_date date,
    study_type character varying, acronym character varying, brief_title text, official_title text,
    overall_status character varying, last_known_status character varying, phase character varying,
    enrollment integer, enrollment_type character varying, source character varying, why_stopped character varying,
    has_dmc boolean, plan_to_share_ipd character varying,
    created_at timestamp without time zone NOT NULL, updated_at timestamp without time zone NOT NULL,
    source_class character varying
);
CREATE TABLE id_information (id integer NOT NULL, nct_id character varying, id_source character varying,
    id_value character varying, id_type character varying);
CREATE TABLE sponsors (id integer NOT NULL, nct_id character varying, agency_class character varying,
    lead_or_collaborator character varying, name character varying);
CREATE TABLE responsible_parties (id integer NOT NULL, nct_id character varying, responsible_party_type character varying,
    name character varying, affiliation text);
CREATE TABLE brief_summaries (id integer NOT NULL, nct_id character varying, description text);
CREATE TABLE detailed_descriptions (id integer NOT NULL, nct_id character varying, description text);
CREATE TABLE eligibilities (id integer NOT NULL, nct_id character varying, gender character varying,
    minimum_age character varying, maximum_age character varying, healthy_volunteers character varying,
    population text, criteria text, adult boolean, child boolean, older_adult boolean);
CREATE TABLE conditions (id integer NOT NULL, nct_id character varying, name character varying, downcase_name character varying);
CREATE TABLE keywords (id integer NOT NULL, nct_id character varying, name character varying, downcase_name character varying);
CREATE TABLE browse_conditions (id integer NOT NULL, nct_id character varying, mesh_term character varying,
    downcase_mesh_term character varying, mesh_type character varying);
CREATE TABLE interventions (id integer NOT NULL, nct_id character varying, intervention_type character varying,
    name character varying, description text);
CREATE TABLE design_outcomes (id integer NOT NULL, nct_id character varying, outcome_type character varying,
    measure text, time_frame text, population character varying, description text);
CREATE TABLE facilities (id integer NOT NULL, nct_id character varying, status character varying, name character varying,
    city character varying, state character varying, zip character varying, country character varying);
CREATE TABLE facility_contacts (id integer NOT NULL, nct_id character varying, facility_id integer,
    contact_type character varying, name character varying, email character varying, phone character varying);
CREATE TABLE facility_investigators (id integer NOT NULL, nct_id character varying, facility_id integer,
    role character varying, name character varying);
CREATE TABLE overall_officials (id integer NOT NULL, nct_id character varying, role character varying,
    name character varying, affiliation character varying);
CREATE TABLE central_contacts (id integer NOT NULL, nct_id character varying, contact_type character varying,
    name character varying, phone character varying, email character varying, role character varying);
CREATE TABLE calculated_values (id integer NOT NULL, nct_id character varying, nlm_download_date date,
    were_results_reported boolean DEFAULT false);
"""

_INVESTIGATOR_ROLES = {"PRINCIPAL_INVESTIGATOR", "SUB_INVESTIGATOR", "STUDY_CHAIR", "STUDY_DIRECTOR"}


def pg_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def _date(text: Any) -> dt.date | None:
    """The date column AACT fills from the registry's text (a month is its first day here)."""
    if not isinstance(text, str):
        return None
    parts = text.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _phase(phases: Any) -> str | None:
    """AACT's phase column: the v2 list joined with "/" (a lone string, a defect of some v2 files, as it is)."""
    if isinstance(phases, list):
        return "/".join(str(p) for p in phases) or None
    return phases if isinstance(phases, str) else None


def _get(obj: Any, path: str) -> Any:
    for key in path.split("."):
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def study_rows(study: dict[str, Any], ids: Iterable[int]) -> dict[str, list[dict[str, Any]]]:
    """One v2 study -> AACT rows by table (``ids`` numbers the child rows)."""
    nid = iter(ids)
    p = study.get("protocolSection", {})
    nct = _get(p, "identificationModule.nctId")
    st = p.get("statusModule", {})
    rows: dict[str, list[dict[str, Any]]] = {}

    def add(table: str, **values: Any) -> dict[str, Any]:
        row = {"id": next(nid), "nct_id": nct, **values} if table != "studies" else {"nct_id": nct, **values}
        rows.setdefault(table, []).append(row)
        return row

    def struct(name: str) -> tuple[Any, Any]:
        s = st.get(name) or {}
        return s.get("date"), s.get("type")

    start, start_t = struct("startDateStruct")
    pc, pc_t = struct("primaryCompletionDateStruct")
    comp, comp_t = struct("completionDateStruct")
    fp, fp_t = struct("studyFirstPostDateStruct")
    rp, rp_t = struct("resultsFirstPostDateStruct")
    lu, lu_t = struct("lastUpdatePostDateStruct")
    design = p.get("designModule", {})
    enrollment = design.get("enrollmentInfo") or {}
    now = dt.datetime(2026, 1, 1)
    add(
        "studies",
        study_first_submitted_date=_date(st.get("studyFirstSubmitDate")),
        last_update_submitted_date=_date(st.get("lastUpdateSubmitDate")),
        study_first_posted_date=_date(fp),
        study_first_posted_date_type=fp_t,
        results_first_posted_date=_date(rp),
        results_first_posted_date_type=rp_t,
        last_update_posted_date=_date(lu),
        last_update_posted_date_type=lu_t,
        start_month_year=start,
        start_date_type=start_t,
        start_date=_date(start),
        verification_month_year=st.get("statusVerifiedDate"),
        verification_date=_date(st.get("statusVerifiedDate")),
        completion_month_year=comp,
        completion_date_type=comp_t,
        completion_date=_date(comp),
        primary_completion_month_year=pc,
        primary_completion_date_type=pc_t,
        primary_completion_date=_date(pc),
        study_type=design.get("studyType"),
        acronym=_get(p, "identificationModule.acronym"),
        brief_title=_get(p, "identificationModule.briefTitle"),
        official_title=_get(p, "identificationModule.officialTitle"),
        overall_status=st.get("overallStatus"),
        last_known_status=st.get("lastKnownStatus"),
        phase=_phase(design.get("phases")),
        enrollment=enrollment.get("count"),
        enrollment_type=enrollment.get("type"),
        source=_get(p, "identificationModule.organization.fullName"),
        why_stopped=st.get("whyStopped"),
        has_dmc=_get(p, "oversightModule.oversightHasDmc"),
        plan_to_share_ipd=_get(p, "ipdSharingStatementModule.ipdSharing"),
        created_at=now,
        updated_at=now,
        source_class=_get(p, "sponsorCollaboratorsModule.leadSponsor.class"),
    )
    org_id = _get(p, "identificationModule.orgStudyIdInfo.id")
    if org_id is not None:
        add("id_information", id_source="org_study_id", id_value=org_id, id_type=None)
    sponsors = p.get("sponsorCollaboratorsModule", {})
    lead = sponsors.get("leadSponsor")
    if lead:
        add("sponsors", agency_class=lead.get("class"), lead_or_collaborator="lead", name=lead.get("name"))
    for c in sponsors.get("collaborators") or []:
        add("sponsors", agency_class=c.get("class"), lead_or_collaborator="collaborator", name=c.get("name"))
    party = sponsors.get("responsibleParty")
    if party:
        add(
            "responsible_parties",
            responsible_party_type=party.get("type"),
            name=party.get("investigatorFullName"),
            affiliation=party.get("investigatorAffiliation"),
        )
    desc = p.get("descriptionModule", {})
    if desc.get("briefSummary") is not None:
        add("brief_summaries", description=desc["briefSummary"])
    if desc.get("detailedDescription") is not None:
        add("detailed_descriptions", description=desc["detailedDescription"])
    el = p.get("eligibilityModule")
    if el:
        ages = el.get("stdAges") or []
        hv = el.get("healthyVolunteers")
        add(
            "eligibilities",
            gender=el.get("sex"),
            minimum_age=el.get("minimumAge"),
            maximum_age=el.get("maximumAge"),
            healthy_volunteers=None if hv is None else ("t" if hv else "f"),
            population=el.get("studyPopulation"),
            criteria=el.get("eligibilityCriteria"),
            adult="ADULT" in ages,
            child="CHILD" in ages,
            older_adult="OLDER_ADULT" in ages,
        )
    cond = p.get("conditionsModule", {})
    for name in cond.get("conditions") or []:
        add("conditions", name=name, downcase_name=name.lower())
    for name in cond.get("keywords") or []:
        add("keywords", name=name, downcase_name=name.lower())
    browse = _get(study, "derivedSection.conditionBrowseModule") or {}
    for kind, key in (("mesh-list", "meshes"), ("mesh-ancestor", "ancestors")):
        for m in browse.get(key) or []:
            add("browse_conditions", mesh_term=m.get("term"), downcase_mesh_term=(m.get("term") or "").lower(), mesh_type=kind)
    for iv in _get(p, "armsInterventionsModule.interventions") or []:
        add("interventions", intervention_type=iv.get("type"), name=iv.get("name"), description=iv.get("description"))
    for kind in ("primary", "secondary", "other"):
        for o in _get(p, f"outcomesModule.{kind}Outcomes") or []:
            add(
                "design_outcomes",
                outcome_type=kind,
                measure=o.get("measure"),
                time_frame=o.get("timeFrame"),
                description=o.get("description"),
            )
    contacts = p.get("contactsLocationsModule", {})
    for loc in contacts.get("locations") or []:
        f = add(
            "facilities",
            status=loc.get("status"),
            name=loc.get("facility"),
            city=loc.get("city"),
            state=loc.get("state"),
            zip=loc.get("zip"),
            country=loc.get("country"),
        )
        for i, c in enumerate(loc.get("contacts") or []):
            if c.get("role") in _INVESTIGATOR_ROLES:
                add("facility_investigators", facility_id=f["id"], role=c.get("role"), name=c.get("name"))
            else:
                kind = "primary" if i == 0 else "backup"
                add(
                    "facility_contacts",
                    facility_id=f["id"],
                    contact_type=kind,
                    name=c.get("name"),
                    email=c.get("email"),
                    phone=c.get("phone"),
                )
    for o in contacts.get("overallOfficials") or []:
        add("overall_officials", role=o.get("role"), name=o.get("name"), affiliation=o.get("affiliation"))
    for i, c in enumerate(contacts.get("centralContacts") or []):
        add(
            "central_contacts",
            contact_type="primary" if i == 0 else "backup",
            name=c.get("name"),
            phone=c.get("phone"),
            email=c.get("email"),
            role=c.get("role"),
        )
    add(
        "calculated_values",
        nlm_download_date=_date(_get(study, "derivedSection.miscInfoModule.versionHolder")),
        were_results_reported=bool(study.get("hasResults")),
    )
    return rows


def load(url: str, studies: Iterable[dict[str, Any]]) -> int:
    """(Re)create the AACT tables in ``url``'s database and load the studies; the number loaded."""
    import psycopg

    counter = itertools.count(1)
    n = 0
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SCHEMA)
        with conn.cursor() as cur:
            cur.execute("SET search_path TO ctgov")
            by_table: dict[str, list[dict[str, Any]]] = {}
            for study in studies:
                for table, rows in study_rows(study, counter).items():
                    by_table.setdefault(table, []).extend(rows)
                n += 1
            for table, rows in by_table.items():
                columns = list(rows[0])
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([row.get(c) for c in columns])
    return n


def redact_url(url: str) -> str:
    from trial_audit.readers.fetch_inputs import redact

    return redact(url)
