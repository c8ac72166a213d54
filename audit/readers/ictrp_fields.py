"""One WHO ICTRP trial (a ``<Trial>`` of the XML export, a row of the CSV or XLSX download) -> TrialRecord.

The three exports carry the same 40-odd fields, spelled ``Public_title`` in the XML and
``Public title`` in the CSV/XLSX header: fields are looked up by their name lower-cased with
``_`` as a space. Provenance is ``<format prefix>:<field as the file spells it>``
(``xml:Inclusion_Criteria``); the criteria text, built from two fields, keeps the offset of
every copied run in its source field (``record.extra["criteria_segments"]``).

What ICTRP does not say for certain is not guessed: "Not recruiting" is no canonical status
(it may be not yet recruiting, active or completed), a study type or phase in a registry's own
words ("Diagnostic test", "Retrospective study") is kept only in ``extra``, and completeness
rules are told (``extra["carries"]``) not to demand an item that is present in words they
cannot read.
"""

from __future__ import annotations

from collections.abc import Mapping

from trial_audit.core.model import Contact, Intervention, Location, Outcome, Source, TrialRecord, enum_token
from trial_audit.core.registry_ids import ANY_ID, registry_named, registry_of_id
from trial_audit.readers import ictrp_values as v
from trial_audit.readers.ictrp_outcomes import parse_outcomes

#: the fields every ICTRP export has (normalised names); a table whose header has these is an ICTRP download
SIGNATURE = ("trialid", "public title", "source register", "inclusion criteria")

#: items (see text.hygiene.carries) an ICTRP record can carry, when its value is readable
_ITEMS = {
    "brief_title": "public title",
    "official_title": "scientific title",
    "sponsor": "primary sponsor",
    "conditions": "condition",
    "interventions": "intervention",
    "criteria": "inclusion criteria",
    "study_type": "study type",
    "start": "date enrollement",
    "enrollment": "target size",
    "overall_status": "recruitment status",
    "primary_outcomes": "primary outcome",
    "contacts": "contact email",
    "countries": "countries",
    "phases": "phase",
}
#: registries whose contacts ICTRP's downloads leave out: blank contact fields there say nothing about
#: the registry record (measured: ANZCTR 33 of 33 rows blank in the CSV and XLSX samples, ISRCTN 21 of 32;
#: every other registry at most 2 in 20, ClinicalTrials.gov's being trials without a central contact)
_CONTACTS_NOT_EXPORTED = frozenset({"ANZCTR", "ISRCTN"})
#: text fields copied as they are (titles with their runs of blanks closed: the XML pads them)
_TEXTS = (("brief_title", "public title"), ("official_title", "scientific title"), ("acronym", "acronym"), ("sponsor", "primary sponsor"))
#: coded fields: (canonical attribute, ICTRP field, ``extra`` key keeping the text as written, parser).
#: What no parser reads ("Not recruiting", "Diagnostic test", phase "0") stays only in ``extra``.
_CODED = (
    ("overall_status", "recruitment status", "recruitment_status", v.parse_status),
    ("study_type", "study type", "study_type_raw", v.parse_study_type),
    ("phases", "phase", "phase_raw", v.parse_phases),
    ("enrollment", "target size", "target_size_raw", v.parse_target_size),
)
#: fields kept in ``extra`` only: (ICTRP field, ``extra`` key, how the text is read)
_KEPT = (
    ("web address", "url", str),
    ("bridged type", "bridged_type", str),
    ("bridging flag truefalse", "bridging_flag", lambda text: text.lower() == "true"),
    ("other records", "other_records", lambda text: text.lower() == "yes"),
)
_INTERVENTION_TYPES = frozenset(
    {"DRUG", "DEVICE", "BIOLOGICAL", "PROCEDURE", "BEHAVIORAL", "OTHER", "DIETARY_SUPPLEMENT", "RADIATION", "GENETIC",
     "DIAGNOSTIC_TEST", "COMBINATION_PRODUCT"}
)  # fmt: skip


def norm_key(name: str) -> str:
    return " ".join(name.replace("_", " ").lower().split())


def is_ictrp_header(names: list[str]) -> bool:
    keys = {norm_key(n) for n in names}
    return all(k in keys for k in SIGNATURE)


class _Row:
    """Field access by normalised name, with the file's own spelling for provenance."""

    def __init__(self, fields: Mapping[str, str | None], prefix: str) -> None:
        self.values: dict[str, str | None] = {}
        self.names: dict[str, str] = {}
        for name, value in fields.items():
            key = norm_key(name)
            if key not in self.values or (not self.values[key] and value):
                self.values[key] = value
                self.names[key] = name
        self.prefix = prefix

    def has(self, key: str) -> bool:
        return key in self.values

    def raw(self, key: str) -> str | None:
        return self.values.get(key)

    def get(self, key: str) -> str | None:
        value = self.values.get(key)
        if value is None:
            return None
        value = value.strip()
        return value or None

    def path(self, key: str) -> str:
        return f"{self.prefix}:{self.names.get(key, key)}"


def row_to_record(fields: Mapping[str, str | None], source: Source, prefix: str) -> TrialRecord:
    """The record of one ICTRP trial; ``prefix`` names the format in provenance ("xml", "csv", "xlsx")."""
    row = _Row(fields, prefix)
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance
    unread: set[str] = set()  # items present in words no canonical value fits

    _identity(rec, row)
    for attr, key in _TEXTS:
        if (value := row.get(key)) is not None:
            setattr(rec, attr, " ".join(value.split()) if attr.endswith("title") else value)
            prov[attr] = row.path(key)
    for attr, key, raw_key, parse in _CODED:
        value = row.get(key)
        if value is None:
            continue
        rec.extra[raw_key] = value
        parsed = parse(value)
        setattr(rec, attr, parsed if parsed is not None or attr != "phases" else [])
        prov[attr] = row.path(key)
        if parsed in (None, []):
            unread.add(attr)  # present in words no canonical value fits: kept in extra, not reported missing
    rec.sex = v.parse_sex(row.get("inclusion gender"))
    if rec.sex is not None:
        prov["sex"] = row.path("inclusion gender")

    _ages(rec, row)
    _dates(rec, row)
    _criteria(rec, row)
    _lists(rec, row)
    _contacts(rec, row)
    for key, extra_key, read in _KEPT:
        if (value := row.get(key)) is not None:
            rec.extra[extra_key] = read(value)
    if rec.registry in _CONTACTS_NOT_EXPORTED:
        unread.add("contacts")
    rec.extra["carries"] = frozenset(item for item, key in _ITEMS.items() if row.has(key) and item not in unread)
    return rec


def _identity(rec: TrialRecord, row: _Row) -> None:
    prov = rec.provenance
    trial_id = row.get("trialid")
    register = row.get("source register")
    registry = registry_named(register) or registry_of_id(trial_id)
    if register is not None:
        rec.extra["source_register"] = register
    if registry is not None:
        rec.registry = registry.key
        prov["registry"] = row.path("source register") if register else row.path("trialid")
    if trial_id is not None:
        rec.registry_id = trial_id
        prov["registry_id"] = row.path("trialid")
        if trial_id.upper().startswith("NCT"):
            rec.nct_id = trial_id
            prov["nct_id"] = row.path("trialid")
    for key in ("secondary id", "secondary ids", "secondaryids", "secondary_id"):
        text = row.get(norm_key(key))
        if text:
            ids = [m.group(0) for m in ANY_ID.finditer(text)]
            rec.secondary_ids.extend(i for i in ids if i != trial_id and i not in rec.secondary_ids)
            prov["secondary_ids"] = row.path(norm_key(key))


def _ages(rec: TrialRecord, row: _Row) -> None:
    for side, key in (("minimum_age", "inclusion agemin"), ("maximum_age", "inclusion agemax")):
        if not row.has(key):
            continue
        age = v.parse_ictrp_age(row.raw(key), maximum=side == "maximum_age")
        if age is None:
            continue
        rec.provenance[side] = row.path(key)
        if age.zero_for_none:
            rec.extra["age_zero_for_none"] = age.raw  # shown as "0", read as no limit: not a structured value
            continue
        setattr(rec, side + "_raw", age.raw)
        setattr(rec, side, age.age)
        if age.no_limit:
            rec.extra.setdefault("age_no_limit", []).append(side)
        if age.bare_number:
            rec.extra.setdefault("age_bare_number", []).append(side)  # read as years


#: ICTRP date field -> canonical date; Date_registration is the date of registration in the primary registry
_DATES = (("first_submitted", "date registration", "date registration3"), ("start", "date enrollement", None))


def _dates(rec: TrialRecord, row: _Row) -> None:
    for name, key, companion in _DATES:
        if not row.has(key):
            continue
        path = row.path(key)
        rec.provenance[f"dates.{name}"] = path
        value = v.parse_ictrp_date(row.raw(key), row.get(companion) if companion else None)
        if value is None:
            rec.declared_absent[f"dates.{name}"] = (row.raw(key) or "").strip()
        elif value.date is not None:
            rec.dates[name] = value.date
            if "/" in value.raw:  # say how a slashed date was read: by the export's convention, not guessed
                rec.extra.setdefault("date_conventions", {})[f"dates.{name}"] = v.SLASHED_CONVENTION
            if value.also is not None:  # and that it could be read the other way: rules resting on it say so
                rec.extra.setdefault("ambiguous_dates", {})[f"dates.{name}"] = {
                    "raw": value.raw,
                    "read_as": value.date.iso(),  # dd/mm/yyyy, the export's convention
                    "could_be": value.also.iso(),  # mm/dd/yyyy
                }
        else:
            rec.unparsed_dates[name] = value.raw
            rec.extra.setdefault("date_problems", {})[name] = value.problem
    # The export is at least as recent as its own stamp and as the latest refresh of the record:
    # a refresh after the stamp means the stamp is wrong (the XLSX download's stamp reads
    # 2020-06-07 in a file of 7 July 2020: day and month swapped), so the later date is the file's.
    stamp = v.parse_export_stamp(row.get("export date"))
    refreshed = v.parse_ictrp_date(row.get("last refreshed on"))
    fresh = refreshed.date if refreshed is not None else None
    if fresh is not None:
        rec.extra["last_refreshed"] = fresh.iso()
    if stamp is not None and (fresh is None or not fresh.is_after(stamp)):
        rec.as_of = stamp
        rec.provenance["as_of"] = row.path("export date")
        rec.extra["as_of_source"] = f"the ICTRP export date ({row.get('export date')})"
    elif fresh is not None:
        rec.as_of = fresh
        rec.provenance["as_of"] = row.path("last refreshed on")
        rec.extra["as_of_source"] = (
            f"the record's ICTRP refresh date ({row.get('last refreshed on')}), later than the export date"
            f" ({row.get('export date') or 'none given'})"
        )


def _criteria(rec: TrialRecord, row: _Row) -> None:
    inc_key, exc_key = "inclusion criteria", "exclusion criteria"
    built = v.build_criteria(row.raw(inc_key), row.raw(exc_key), row.path(inc_key), row.path(exc_key))
    if built is None:
        return
    rec.criteria = built.text
    fields = [row.path(k) for k in (inc_key, exc_key) if row.get(k)]
    rec.provenance["criteria"] = " + ".join(fields) + " (<br> as line breaks, ICTRP's labels as headers)"
    for name, (start, end) in built.sections.items():
        rec.provenance[f"criteria.{name}"] = row.path(inc_key if name == "inclusion" else exc_key)
        rec.extra.setdefault("criteria_sections", {})[name] = (start, end)
    rec.extra["criteria_segments"] = built.segments


def _lists(rec: TrialRecord, row: _Row) -> None:
    if conditions := v.split_list(row.raw("condition")):
        rec.conditions = conditions
        rec.provenance["conditions"] = row.path("condition")
        if rec.registry in v.CONDITION_CATEGORIES:
            # ICTRP joins the registry's condition text and its category ("...<br>Not Applicable"): a
            # category is the registry's vocabulary, not free text, so "Not Applicable" there is a value
            categories = v.CONDITION_CATEGORIES[rec.registry]
            vocabulary = [f"conditions[{k}]" for k, item in enumerate(conditions) if k and item.casefold() in categories]
            if vocabulary:
                rec.extra["vocabulary_fields"] = frozenset(vocabulary)
    items = v.split_list(row.raw("intervention"))
    if items and all(v.NO_LIMIT.match(item) for item in items):
        # "Not applicable", "N/A", "None": the registry's word for no intervention (an observational
        # study), not an intervention named so; an interventional study without one is TA602's
        rec.declared_absent["interventions"] = "; ".join(items)
        rec.provenance["interventions"] = row.path("intervention")
        items = []
    for k, item in enumerate(items):
        typ, sep, name = item.partition(":")
        token = enum_token(typ) if sep else None
        if token in _INTERVENTION_TYPES and name.strip():
            rec.interventions.append(Intervention(type=token, name=name.strip()))
        else:
            rec.interventions.append(Intervention(name=item))
        rec.provenance[f"interventions[{k}].name"] = row.path("intervention")
    if items:
        rec.provenance["interventions"] = row.path("intervention")
    _outcomes(rec, row)
    for k, country in enumerate(v.split_list(row.raw("countries"))):
        rec.locations.append(Location(country=country))
        rec.provenance[f"locations[{k}].country"] = row.path("countries")
    if rec.locations:
        rec.provenance["locations"] = row.path("countries")


#: ICTRP outcome fields -> the kind of their measures (the full export adds "Secondary outcome")
_OUTCOME_FIELDS = (("primary outcome", "PRIMARY"), ("secondary outcome", "SECONDARY"), ("secondary outcomes", "SECONDARY"))


def _outcomes(rec: TrialRecord, row: _Row) -> None:
    """Each outcome measure with its kind, and its time frame where the registry labels one (ictrp_outcomes)."""
    if outcomes := v.split_list(row.raw("primary outcome")):
        rec.primary_outcomes = outcomes
        rec.provenance["primary_outcomes"] = row.path("primary outcome")
    for key, kind in _OUTCOME_FIELDS:
        for parsed in parse_outcomes(row.raw(key), rec.registry):
            k = len(rec.outcomes)
            rec.outcomes.append(Outcome(kind=kind, title=parsed.title, description=parsed.description, time_frame=parsed.time_frame))
            for attr in ("title", "description", "time_frame"):
                if getattr(parsed, attr):
                    rec.provenance[f"outcomes[{k}].{attr}"] = row.path(key)
    if rec.outcomes:
        rec.provenance["outcomes"] = " + ".join(dict.fromkeys(row.path(k) for k, _ in _OUTCOME_FIELDS if row.get(k)))


def _contacts(rec: TrialRecord, row: _Row) -> None:
    """ICTRP joins the contacts of a trial with ";" in each contact field; the names are paired by position."""
    firsts = [p.strip() for p in (row.raw("contact firstname") or "").split(";")]
    lasts = [p.strip() for p in (row.raw("contact lastname") or "").split(";")]
    emails = [p.strip() for p in (row.raw("contact email") or "").split(";")]
    phones = [p.strip() for p in (row.raw("contact tel") or "").split(";")]
    count = max(len(firsts), len(lasts), len(emails), len(phones))
    for i in range(count):
        first = firsts[i] if i < len(firsts) else ""
        last = lasts[i] if i < len(lasts) else ""
        name = " ".join(p for p in (first, last) if p) or None
        email = (emails[i] if i < len(emails) else "") or None
        phone = (phones[i] if i < len(phones) else "") or None
        if name or email or phone:
            k = len(rec.central_contacts)
            rec.central_contacts.append(Contact(name=name, role="CONTACT", phone=phone, email=email))
            if name:
                rec.provenance[f"central_contacts[{k}].name"] = row.path("contact firstname")
    if (affiliation := row.get("contact affiliation")) is not None:
        rec.extra["contact_affiliation"] = affiliation
