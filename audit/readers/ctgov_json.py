"""One study object of either ClinicalTrials.gov JSON generation -> TrialRecord.

The fields and their paths are the key table of :mod:`trial_audit.readers.ctgov_keys` (v2
spelling); a :class:`Dialect` spells each path for its generation and holds the few conversions
that differ (the classic API writes display strings such as "Active, not recruiting" where v2
writes enum tokens). Provenance is the path in the generation that was read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from trial_audit.core.dates import parse_date
from trial_audit.core.model import (
    Contact,
    Intervention,
    Location,
    Official,
    Outcome,
    Source,
    TrialRecord,
    enum_token,
    norm_phases,
    norm_sex,
)
from trial_audit.core.model import norm_status as _norm_status
from trial_audit.readers import ctgov_keys as K
from trial_audit.readers.common import as_bool, as_dict, as_int, as_list, as_str, enum, set_field, set_identifier, set_zip
from trial_audit.readers.ctgov_results import json_results

CONVERTERS: dict[str, Callable[[str], Any]] = {"status": _norm_status}


@dataclass(frozen=True)
class Dialect:
    """How one JSON generation spells the table's paths, and what it converts differently."""

    format: str
    spell: Callable[[str], str]  # v2 path -> this generation's path
    criteria_markdown: bool
    site_status: Callable[[str | None], Any]
    enrollment_type: Callable[[str], Any]
    party_type: Callable[[str | None], Any]
    has_results: Callable[[dict[str, Any]], tuple[bool, bool | None]]  # (whether the study says, what)
    flag_scalar_phases: bool = False  # note a phases value that is not a list (a v2 schema defect)
    _spelled: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def path(self, v2_path: str) -> str:
        spelled = self._spelled.get(v2_path)
        if spelled is None:
            spelled = self._spelled[v2_path] = self.spell(v2_path)
        return spelled

    def keys(self, v2_path: str) -> list[str]:
        return self.path(v2_path).replace("[]", "").split(".")

    def get(self, obj: Any, v2_path: str) -> Any:
        """The value at a path (None when any step is missing)."""
        for key in self.keys(v2_path):
            obj = as_dict(obj).get(key)
        return obj

    def has(self, obj: Any, v2_path: str) -> bool:
        """Whether the key for the path's last v2 key is there (for a list, its wrapper in classic)."""
        keys = self.keys(v2_path)[: v2_path.count(".") + 1]
        for key in keys[:-1]:
            obj = as_dict(obj).get(key)
        return keys[-1] in as_dict(obj)

    def items(self, obj: Any, v2_list_path: str) -> list[Any]:
        return as_list(self.get(obj, v2_list_path))

    def sub_items(self, item: Any, v2_list_path: str, sub_list: str) -> list[Any]:
        """The items of a list inside an item of a list (the contacts of one location)."""
        outer = self.path(v2_list_path)
        inner = self.path(f"{v2_list_path}.{sub_list}")[len(outer) + 1 :]
        for key in inner.replace("[]", "").split("."):
            item = as_dict(item).get(key)
        return as_list(item)

    def item_key(self, v2_list_path: str, key: str) -> str:
        """The key of an item's field (``city`` of ``locations[]`` -> ``LocationCity`` in classic)."""
        return self.path(f"{v2_list_path}.{key}").rsplit(".", 1)[1]

    def prov(self, v2_path: str, *indices: int) -> str:
        """The provenance of a path, with the list positions filled in."""
        out = self.path(v2_path)
        for i in indices:
            out = out.replace("[]", f"[{i}]", 1)
        return out


def _contact(c: dict[str, Any], d: Dialect, list_path: str) -> Contact:
    def key(k: str) -> Any:
        return c.get(d.item_key(list_path, K.CONTACT_KEYS[k]))

    return Contact(name=as_str(key("name")), role=enum(as_str(key("role"))), phone=as_str(key("phone")), email=as_str(key("email")))


def _strings(items: list[Any]) -> list[str]:
    return [x for x in items if isinstance(x, str)]


def study_to_record(study: dict[str, Any], source: Source, d: Dialect) -> TrialRecord:
    """Map one study object (already known to be of dialect ``d``) to the canonical record."""
    source.format = d.format
    rec = TrialRecord(source=source, criteria_markdown=d.criteria_markdown)
    for name, path, convert in K.TEXT_FIELDS:
        if name == "nct_id":  # a list or object here is kept for the NCT ID check, not dropped
            set_identifier(rec, name, d.get(study, path), d.prov(path))
            continue
        set_field(rec, name, d.get(study, path), d.prov(path), CONVERTERS[convert] if convert else None)
    _identification_extras(study, rec, d)
    _dates(study, rec, d)
    _design(study, rec, d)
    _eligibility(study, rec, d)
    _lists(study, rec, d)
    _sites_and_people(study, rec, d)
    says, has_results = d.has_results(study)
    if says:
        rec.extra["has_results"] = has_results
    _outcomes(study, rec, d)
    _reporting(study, rec, d)
    return rec


def _outcomes(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    """Every registered outcome measure, primary, secondary and other, with its time frame."""
    for kind, list_path in K.OUTCOME_LISTS:
        for i, o in enumerate(d.items(study, list_path)):
            o = as_dict(o)
            k = len(rec.outcomes)
            values = {attr: as_str(o.get(d.item_key(list_path, key))) for attr, key in K.OUTCOME_KEYS.items()}
            rec.outcomes.append(Outcome(kind=kind, **values))
            for attr, key in K.OUTCOME_KEYS.items():
                rec.provenance[f"outcomes[{k}].{attr}"] = d.prov(f"{list_path}.{key}", i)


def _reporting(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    """The FDAAA facts and the results section (see ctgov_results)."""
    for name, path in K.OVERSIGHT_FLAGS:
        if d.has(study, path):
            setattr(rec, name, as_bool(d.get(study, path)))
            rec.provenance[name] = d.prov(path)
    purpose = as_str(d.get(study, K.PRIMARY_PURPOSE))
    if purpose is not None:
        rec.primary_purpose = enum_token(purpose)
        rec.provenance["primary_purpose"] = d.prov(K.PRIMARY_PURPOSE)
    for name, path in (("results_submitted", K.RESULTS_SUBMITTED), ("delay_certificate", K.DELAY_CERTIFICATE)):
        value = as_str(d.get(study, path))
        if value is not None and (parsed := parse_date(value)) is not None:
            setattr(rec, name, parsed)
            rec.provenance[name] = d.prov(path)
    if d.has(study, K.UNPOSTED_RESULTS):
        rec.results_pending = True
        rec.provenance["results_pending"] = d.prov(K.UNPOSTED_RESULTS)
    rec.results = json_results(study, classic=d.format == "ctgov-classic")
    if rec.results is not None:
        rec.provenance["results"] = "ResultsSection" if d.format == "ctgov-classic" else "resultsSection"


def _identification_extras(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    org = as_str(d.get(study, K.VALUES["organization"]))
    if org:
        rec.extra["organization"] = org
    party = d.get(study, K.VALUES["responsible_party.type"].rsplit(".", 1)[0])
    if as_dict(party):
        rec.extra["responsible_party"] = {
            "type": d.party_type(as_str(d.get(study, K.VALUES["responsible_party.type"]))),
            "name": as_str(d.get(study, K.VALUES["responsible_party.name"])),
            "affiliation": as_str(d.get(study, K.VALUES["responsible_party.affiliation"])),
        }
    path = K.VALUES["collaborators"]
    list_path = path.rsplit(".", 1)[0]
    for i, c in enumerate(d.items(study, list_path)):
        name = as_str(as_dict(c).get(d.item_key(list_path, "name")))
        if name is not None:
            rec.provenance[f"collaborators[{len(rec.collaborators)}]"] = d.prov(path, i)
            rec.collaborators.append(name)
    if rec.collaborators:
        rec.provenance["collaborators"] = d.path(list_path).removesuffix("[]")


def _dates(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    for name, path in K.DATES:
        if path.endswith("Struct.date"):
            struct_path = path.rsplit(".", 1)[0]
            raw = d.get(study, struct_path)
            if raw is None:
                continue
            value = as_str(d.get(study, path))
            if value is not None:
                rec.set_date(name, value, as_str(d.get(study, f"{struct_path}.type")), d.prov(path))
        else:
            value = as_str(d.get(study, path))
            if value is not None:
                rec.set_date(name, value, None, d.prov(path))


def _design(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    prov = rec.provenance
    stype = as_str(d.get(study, K.VALUES["study_type"]))
    if stype is not None:
        rec.study_type = enum_token(stype)
        prov["study_type"] = d.prov(K.VALUES["study_type"])
    path = K.VALUES["enrollment"]
    if d.has(study, path):
        rec.enrollment = as_int(d.get(study, path))
        prov["enrollment"] = d.prov(path)
    path = K.VALUES["enrollment_type"]
    et = as_str(d.get(study, path))
    if et is not None:
        rec.enrollment_type = d.enrollment_type(et)
        prov["enrollment_type"] = d.prov(path)
    path = K.VALUES["ipd_sharing"]
    ipd = as_str(d.get(study, path))
    if ipd is not None:
        rec.ipd_sharing = enum_token(ipd)
        prov["ipd_sharing"] = d.prov(path)
    path = K.VALUES["has_dmc"]
    if d.has(study, path):
        rec.has_dmc = as_bool(d.get(study, path))
        prov["has_dmc"] = d.prov(path)
    path = K.VALUES["as_of"]
    version = as_str(d.get(study, path))
    if version is not None:
        rec.as_of = parse_date(version)
        prov["as_of"] = d.prov(path)


def _eligibility(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    prov = rec.provenance
    mn, mx = as_str(d.get(study, K.VALUES["minimum_age"])), as_str(d.get(study, K.VALUES["maximum_age"]))
    rec.set_age_limits(mn, mx)
    if mn is not None:
        prov["minimum_age"] = d.prov(K.VALUES["minimum_age"])
    if mx is not None:
        prov["maximum_age"] = d.prov(K.VALUES["maximum_age"])
    sex = as_str(d.get(study, K.VALUES["sex"]))
    if sex is not None:
        rec.sex = norm_sex(sex)
        prov["sex"] = d.prov(K.VALUES["sex"])
    path = K.VALUES["healthy_volunteers"]
    if d.has(study, path):
        rec.healthy_volunteers = as_bool(d.get(study, path))
        prov["healthy_volunteers"] = d.prov(path)
    population = d.get(study, K.VALUES["study_population"])
    if population:
        rec.extra["study_population"] = as_str(population)


def _lists(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    prov = rec.provenance
    for name, path in K.STRING_LISTS:
        if not d.has(study, path):
            continue
        raw = d.get(study, path)
        values = _strings(as_list(raw))
        if name == "phases":
            rec.phases = norm_phases(values)
            if d.flag_scalar_phases and not isinstance(raw, list):
                rec.extra["phases_not_a_list"] = True
        elif name == "std_ages":
            rec.std_ages = [enum_token(x) for x in values]
        else:
            setattr(rec, name, values)
        prov[name] = d.path(path).removesuffix("[]")
    path = K.VALUES["mesh_terms"]
    list_path = path.rsplit(".", 1)[0]
    meshes = d.items(study, list_path)
    if meshes:
        key = d.item_key(list_path, "term")
        rec.mesh_terms = [t for t in (as_str(as_dict(m).get(key)) for m in meshes) if t is not None]
        prov["mesh_terms"] = d.path(path)
    path = K.VALUES["primary_outcomes"]
    list_path = path.rsplit(".", 1)[0]
    key = d.item_key(list_path, "measure")
    for i, o in enumerate(d.items(study, list_path)):
        measure = as_str(as_dict(o).get(key))
        if measure is not None:
            prov[f"primary_outcomes[{len(rec.primary_outcomes)}]"] = d.prov(path, i)
            rec.primary_outcomes.append(measure)


def _sites_and_people(study: dict[str, Any], rec: TrialRecord, d: Dialect) -> None:
    prov = rec.provenance
    list_path, keys = K.OBJECT_LISTS["interventions"]
    for i, iv in enumerate(d.items(study, list_path)):
        iv = as_dict(iv)
        k = len(rec.interventions)
        name, kind = (iv.get(d.item_key(list_path, keys[a])) for a in ("name", "type"))
        rec.interventions.append(Intervention(type=enum(as_str(kind)), name=as_str(name)))
        prov[f"interventions[{k}].name"] = d.prov(f"{list_path}.{keys['name']}", i)
        prov[f"interventions[{k}].type"] = d.prov(f"{list_path}.{keys['type']}", i)

    list_path, keys = K.OBJECT_LISTS["locations"]
    contacts_path = f"{list_path}.{K.LOCATION_CONTACTS}"
    for i, loc in enumerate(d.items(study, list_path)):
        loc = as_dict(loc)
        k = len(rec.locations)

        def value(attr: str, loc: dict[str, Any] = loc) -> Any:
            return loc.get(d.item_key(list_path, keys[attr]))

        contacts = d.sub_items(loc, list_path, K.LOCATION_CONTACTS)
        rec.locations.append(
            Location(
                facility=as_str(value("facility")),
                city=as_str(value("city")),
                state=as_str(value("state")),
                country=as_str(value("country")),
                status=d.site_status(as_str(value("status"))),
                contacts=[_contact(as_dict(c), d, contacts_path) for c in contacts],
            )
        )
        for attr in ("facility", "city", "state", "country", "status"):
            if d.item_key(list_path, keys[attr]) in loc:
                prov[f"locations[{k}].{attr}"] = d.prov(f"{list_path}.{keys[attr]}", i)
        if set_zip(rec.locations[k], value("zip")):
            prov[f"locations[{k}].zip"] = d.prov(f"{list_path}.{keys['zip']}", i)

    list_path, keys = K.OBJECT_LISTS["officials"]
    for i, off in enumerate(d.items(study, list_path)):
        off = as_dict(off)
        k = len(rec.officials)
        name, role, affiliation = (off.get(d.item_key(list_path, keys[a])) for a in ("name", "role", "affiliation"))
        rec.officials.append(Official(name=as_str(name), role=enum(as_str(role)), affiliation=as_str(affiliation)))
        for attr in ("name", "role", "affiliation"):
            if d.item_key(list_path, keys[attr]) in off:
                prov[f"officials[{k}].{attr}"] = d.prov(f"{list_path}.{keys[attr]}", i)

    list_path, keys = K.OBJECT_LISTS["central_contacts"]
    for i, c in enumerate(d.items(study, list_path)):
        c = as_dict(c)
        k = len(rec.central_contacts)
        rec.central_contacts.append(_contact(c, d, list_path))
        for attr in ("name", "role", "phone", "email"):
            if d.item_key(list_path, keys[attr]) in c:
                prov[f"central_contacts[{k}].{attr}"] = d.prov(f"{list_path}.{keys[attr]}", i)
