"""The canonical trial record every reader produces and every rule reads.

One shape for all source formats. Each field a rule may quote has a canonical *field name*
(``brief_summary``, ``criteria``, ``dates.start``, ``locations[0].city`` ...) and the record
remembers, per field, where it came from in the source (``provenance``), so that a finding
can point a curator (or a SARIF viewer) at the exact place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from trial_audit.core.ages import Age, parse_age
from trial_audit.core.dates import PartialDate, is_absent, parse_date

T = TypeVar("T")

# --- vocabularies (ClinicalTrials.gov API v2 enum names) -------------------------------

OVERALL_STATUSES = frozenset(
    {
        "ACTIVE_NOT_RECRUITING",
        "COMPLETED",
        "ENROLLING_BY_INVITATION",
        "NOT_YET_RECRUITING",
        "RECRUITING",
        "SUSPENDED",
        "TERMINATED",
        "WITHDRAWN",
        "AVAILABLE",
        "NO_LONGER_AVAILABLE",
        "TEMPORARILY_NOT_AVAILABLE",
        "APPROVED_FOR_MARKETING",
        "WITHHELD",
        "UNKNOWN",
    }
)
ACTIVE_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "SUSPENDED"})
STOPPED_STATUSES = frozenset({"SUSPENDED", "TERMINATED", "WITHDRAWN"})
STUDY_TYPES = frozenset({"INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS"})
SEXES = frozenset({"ALL", "FEMALE", "MALE"})
PHASES = frozenset({"EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4", "NA"})
STD_AGES = frozenset({"CHILD", "ADULT", "OLDER_ADULT"})

#: Canonical names of the record's date fields, in the order a trial lives them.
DATE_FIELDS = (
    "first_submitted",
    "first_posted",
    "start",
    "primary_completion",
    "completion",
    "results_first_posted",
    "last_update_submitted",
    "last_update_posted",
    "status_verified",
)

#: Free-text fields that describe the trial to readers (for rules that scan prose).
SUMMARY_FIELDS = ("brief_summary", "detailed_description", "plain_summary")

_NON_ALNUM = re.compile(r"[^A-Z0-9]+")
_STATUS_ALIASES = {"UNKNOWN_STATUS": "UNKNOWN", "ACTIVE_NOT_RECRUITING": "ACTIVE_NOT_RECRUITING"}
_PHASE_ALIASES = {
    "PHASE_1": "PHASE1",
    "PHASE_2": "PHASE2",
    "PHASE_3": "PHASE3",
    "PHASE_4": "PHASE4",
    "EARLY_PHASE_1": "EARLY_PHASE1",
    "PHASE_0": "EARLY_PHASE1",
    "N_A": "NA",
    "NOT_APPLICABLE": "NA",
}
_SEX_ALIASES = {"BOTH": "ALL", "MALES": "MALE", "FEMALES": "FEMALE"}


def enum_token(value: str | None) -> str | None:
    """'Active, not recruiting' -> 'ACTIVE_NOT_RECRUITING' (the v2 spelling of registry enums)."""
    if value is None:
        return None
    token = _NON_ALNUM.sub("_", value.upper()).strip("_")
    return token or None


def norm_status(value: str | None) -> str | None:
    t = enum_token(value)
    return _STATUS_ALIASES.get(t, t) if t else None


def norm_sex(value: str | None) -> str | None:
    t = enum_token(value)
    return _SEX_ALIASES.get(t, t) if t else None


def norm_phases(value: str | list[str] | None) -> list[str]:
    """'Phase 1/Phase 2' or ['PHASE1', 'PHASE2'] -> ['PHASE1', 'PHASE2']."""
    if not value:
        return []
    items = value if isinstance(value, list) else re.split(r"[/|,]", value)
    out = []
    for item in items:
        t = enum_token(item)
        if t:
            out.append(_PHASE_ALIASES.get(t, t))
    return out


# --- provenance -----------------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """Where a record came from."""

    path: str
    format: str = ""  # ctgov-v2 | ctgov-classic | ctgov-xml | page-text | ctgov-csv
    member: str | None = None  # archive member, for records read from a .zip
    index: int | None = None  # position in a multi-record file (a page, an array, NDJSON)
    line: int | None = None  # 1-based line where the record starts, where known
    fetched: str | None = None  # when the record was fetched from path (a registry URL or database), ISO 8601

    def display(self) -> str:
        s = self.path if self.member is None else f"{self.path}!{self.member}"
        if self.line is not None:
            s += f":{self.line}"
        elif self.index is not None:
            s += f"#{self.index}"
        if self.fetched is not None:
            s += f" (fetched {self.fetched})"
        return s

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path}
        if self.member is not None:
            d["member"] = self.member
        if self.index is not None:
            d["index"] = self.index
        if self.line is not None:
            d["line"] = self.line
        if self.fetched is not None:
            d["fetched"] = self.fetched
        return d


# --- parts of a record ----------------------------------------------------------------


@dataclass(slots=True)
class Location:
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    status: str | None = None  # site recruitment status, v2 enum spelling
    contacts: list[Contact] = field(default_factory=list)


@dataclass(slots=True)
class Official:
    name: str | None = None
    role: str | None = None  # PRINCIPAL_INVESTIGATOR, STUDY_DIRECTOR, STUDY_CHAIR, ...
    affiliation: str | None = None


@dataclass(slots=True)
class Contact:
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(slots=True)
class Intervention:
    type: str | None = None  # DRUG, DEVICE, BEHAVIORAL, ... (v2 spelling)
    name: str | None = None


@dataclass(slots=True)
class Outcome:
    """A registered outcome measure: what is measured (title), how (description), and when.

    ``kind`` is PRIMARY, SECONDARY or OTHER (v2 spelling); any registry with outcome measures
    (ClinicalTrials.gov, ICTRP's primary/secondary outcome columns) can fill it.
    """

    kind: str | None = None
    title: str | None = None
    description: str | None = None
    time_frame: str | None = None


@dataclass(slots=True)
class GroupCount:
    """One arm/group's number in a results table (participants started, analysed)."""

    group: str | None = None  # the group's id in the source ("FG000", "P1")
    title: str | None = None  # the group's title ("Placebo")
    count: int | None = None
    raw: str | None = None  # the number as written, for evidence


@dataclass(slots=True)
class ResultOutcome:
    """An outcome measure as reported in the results section, with its analysed numbers."""

    kind: str | None = None  # PRIMARY | SECONDARY | OTHER_PRE_SPECIFIED | POST_HOC
    title: str | None = None
    time_frame: str | None = None
    analysed: list[GroupCount] = field(default_factory=list)


@dataclass(slots=True)
class EventCount:
    """Participants affected by adverse events in one group, against the number at risk."""

    group: str | None = None
    title: str | None = None  # the group's title
    kind: str = "serious"  # serious | other | deaths
    term: str | None = None  # the event term; None for the group's total
    affected: int | None = None
    at_risk: int | None = None


@dataclass(slots=True)
class Results:
    """The facts of a results section that rules compare with the protocol."""

    #: participants STARTED per group of the participant flow (the largest number over its periods:
    #: a group can start in a later period, e.g. the maintenance phase of a two-part study)
    flow_started: list[GroupCount] = field(default_factory=list)
    flow_periods: int = 0
    #: the participant flow's pre-assignment details (where a difference from enrollment is explained)
    flow_note: str | None = None
    outcomes: list[ResultOutcome] = field(default_factory=list)
    events: list[EventCount] = field(default_factory=list)


# --- the record -----------------------------------------------------------------------


@dataclass(slots=True)
class TrialRecord:
    source: Source
    nct_id: str | None = None
    org_study_id: str | None = None
    brief_title: str | None = None
    official_title: str | None = None
    acronym: str | None = None
    sponsor: str | None = None
    sponsor_class: str | None = None
    collaborators: list[str] = field(default_factory=list)
    sponsor_description: str | None = None  # page text: "About <sponsor>"
    overall_status: str | None = None  # v2 enum spelling (see OVERALL_STATUSES)
    last_known_status: str | None = None
    why_stopped: str | None = None
    study_type: str | None = None
    phases: list[str] = field(default_factory=list)
    #: name in DATE_FIELDS -> date; absent dates are simply not in the dict
    dates: dict[str, PartialDate] = field(default_factory=dict)
    #: raw text of a date that was present but could not be parsed (name -> text)
    unparsed_dates: dict[str, str] = field(default_factory=dict)
    #: dates shown for display elsewhere in the record (the page header's launch date, ...)
    display_dates: dict[str, PartialDate] = field(default_factory=dict)
    as_of: PartialDate | None = None  # the record's own "current as of" / version date
    minimum_age: Age | None = None
    maximum_age: Age | None = None
    minimum_age_raw: str | None = None  # the structured text as given ("18 Years", "N/A")
    maximum_age_raw: str | None = None
    std_ages: list[str] = field(default_factory=list)
    sex: str | None = None
    healthy_volunteers: bool | None = None
    conditions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    mesh_terms: list[str] = field(default_factory=list)  # registry-derived condition MeSH terms
    interventions: list[Intervention] = field(default_factory=list)
    brief_summary: str | None = None
    detailed_description: str | None = None
    plain_summary: str | None = None  # a patient-facing (lay) summary, e.g. the page's
    criteria: str | None = None
    criteria_markdown: bool = False  # v2 criteria are Markdown (\> is an escape there)
    locations: list[Location] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    central_contacts: list[Contact] = field(default_factory=list)
    enrollment: int | None = None
    enrollment_type: str | None = None  # ACTUAL | ESTIMATED
    primary_outcomes: list[str] = field(default_factory=list)
    #: every registered outcome measure (primary, secondary, other) with description and time frame
    outcomes: list[Outcome] = field(default_factory=list)
    primary_purpose: str | None = None  # TREATMENT, DEVICE_FEASIBILITY, ... (v2 spelling)
    #: FDAAA facts (None: the source does not say): FDA-regulated drug / device product, the
    #: legacy overall "FDA regulated" flag, product manufactured in and exported from the US,
    #: an IND/IDE (not public on ClinicalTrials.gov; other registries may carry it)
    fda_regulated_drug: bool | None = None
    fda_regulated_device: bool | None = None
    fda_regulated: bool | None = None
    us_export: bool | None = None
    ind_ide: bool | None = None
    unapproved_device: bool | None = None  # a device not approved or cleared by the FDA
    fdaaa801_violation: bool | None = None  # the registry itself records an FDAAA 801 violation
    has_expanded_access: bool | None = None
    #: results: the results section's facts; when results were submitted (posted or under QC
    #: review); the certificate of delay (disposition) submission date
    results: Results | None = None
    results_submitted: PartialDate | None = None
    results_pending: bool | None = None
    delay_certificate: PartialDate | None = None
    #: countries of recruitment listed apart from the sites (legacy XML location_countries, ICTRP)
    location_countries: list[str] = field(default_factory=list)
    ipd_sharing: str | None = None
    has_dmc: bool | None = None
    patients_applied: int | None = None  # page text only
    #: the registry the record comes from ("ClinicalTrials.gov", "ChiCTR", "DRKS", ...; see core.registry_ids)
    registry: str | None = None
    #: the record's own ID in that registry ("ChiCTR2000029953"); for ClinicalTrials.gov also nct_id
    registry_id: str | None = None
    #: IDs of the same trial in other registries (an ICTRP secondary ID, a DRKS EudraCT number)
    secondary_ids: list[str] = field(default_factory=list)
    #: canonical field name -> path of that value in the source ("protocolSection.x.y", "page:Gender")
    provenance: dict[str, str] = field(default_factory=dict)
    #: canonical field name -> character offset in the source file where the field's text starts
    #: verbatim (only where the source holds it verbatim, e.g. page text); used for line/column
    source_offsets: dict[str, int] = field(default_factory=dict)
    #: fields the source shows but leaves blank or "Not reported" (name -> the text shown)
    declared_absent: dict[str, str] = field(default_factory=dict)
    #: anything format-specific a rule may want that has no canonical place
    extra: dict[str, Any] = field(default_factory=dict)
    #: analyses of this record's text shared by the rules that read it (see ``analysis``); not data
    _analyses: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def analysis(self, key: Any, compute: Callable[[], T]) -> T:
        """The analysis ``key`` of this record (a parsed criteria list, the ages in its text),
        computed once by the first rule that asks and shared by the others.

        Per-record analysis lives here, with the record, rather than in module-level caches
        keyed by text: it goes when the record goes, and workers never share a stale one.
        """
        try:
            return self._analyses[key]
        except KeyError:
            value = self._analyses[key] = compute()
            return value

    @property
    def id(self) -> str:
        return self.nct_id or self.registry_id or self.org_study_id or self.source.display()

    def text(self, name: str) -> str | None:
        """The text of a canonical field name ("criteria", "dates.start", "locations[0].city")."""
        return field_text(self, name)

    def set_age_limits(self, minimum: str | None, maximum: str | None) -> None:
        self.minimum_age_raw = minimum.strip() if minimum else None
        self.maximum_age_raw = maximum.strip() if maximum else None
        self.minimum_age = parse_age(minimum)
        self.maximum_age = parse_age(maximum)

    def set_date(self, name: str, value: str | None, type_: str | None = None, path: str | None = None) -> None:
        """Record a date field; blank values are absent, unparseable ones kept in unparsed_dates."""
        if value is None:
            return
        if path:
            self.provenance[f"dates.{name}"] = path
        if is_absent(value):
            self.declared_absent[f"dates.{name}"] = value.strip()
            return
        parsed = parse_date(value, type_)
        if parsed is not None:
            self.dates[name] = parsed
        else:
            self.unparsed_dates[name] = value.strip()


_PART = re.compile(r"([A-Za-z_]+)(?:\[([0-9]+)\])?")


def field_text(record: TrialRecord, name: str) -> str | None:
    """Resolve a canonical field name to its text; None where the record has no such value."""
    obj: Any = record
    for part in name.split("."):
        m = _PART.fullmatch(part)
        if m is None:
            return None
        attr, idx = m.group(1), m.group(2)
        if isinstance(obj, dict):
            obj = obj.get(attr)
        else:
            obj = getattr(obj, attr, None)
        if obj is None:
            return None
        if idx is not None:
            try:
                obj = obj[int(idx)]
            except (IndexError, TypeError, KeyError):
                return None
    if obj is None:
        return None
    if isinstance(obj, PartialDate):
        return obj.raw or obj.iso()
    if isinstance(obj, Age):
        return obj.raw
    if isinstance(obj, list):
        return "; ".join(str(x) for x in obj)
    return str(obj)


def record_from_example(example: dict[str, Any], path: str = "<example>") -> TrialRecord:
    """Build a record from a rule's documented example (a small dict of canonical fields).

    Keys are TrialRecord attributes, plus ``dates`` given as ``{"start": "2024-04" or
    ["2024-04", "ACTUAL"]}``, ``minimum_age`` / ``maximum_age`` as registry strings, and
    ``locations`` / ``officials`` / ``interventions`` / ``central_contacts`` as lists of dicts.
    Unknown keys are an error, so that examples cannot silently test nothing.
    """
    rec = TrialRecord(source=Source(path=path, format="example"))
    rec.nct_id = "NCT00000000"
    for key, value in example.items():
        if key == "dates":
            for name, spec in value.items():
                v, t = (spec, None) if isinstance(spec, str) else (spec[0], spec[1])
                rec.set_date(name, v, t)
        elif key == "display_dates":
            rec.display_dates = {k: d for k, v in value.items() if (d := parse_date(v)) is not None}
        elif key == "as_of":
            rec.as_of = parse_date(value)
        elif key in ("minimum_age", "maximum_age"):
            setattr(rec, key + "_raw", value)
            setattr(rec, key, parse_age(value))
        elif key == "locations":
            rec.locations = [Location(**{**v, "contacts": [Contact(**c) for c in v.get("contacts", [])]}) for v in value]
        elif key == "officials":
            rec.officials = [Official(**v) for v in value]
        elif key == "interventions":
            rec.interventions = [Intervention(**v) for v in value]
        elif key == "central_contacts":
            rec.central_contacts = [Contact(**v) for v in value]
        elif key == "outcomes":
            rec.outcomes = [Outcome(**v) for v in value]
        elif key == "results":
            rec.results = results_from_example(value)
        elif key in ("results_submitted", "delay_certificate"):
            setattr(rec, key, parse_date(value))
        elif key in TrialRecord.__dataclass_fields__:
            setattr(rec, key, value)
        else:
            raise KeyError(f"unknown field in rule example: {key!r}")
    return rec


def results_from_example(spec: dict[str, Any]) -> Results:
    """``{"flow_started": [{"title": "Placebo", "count": 20}], "outcomes": [{..., "analysed": [...]}],
    "events": [{...}]}`` -> Results (counts given as numbers; ``raw`` defaults to their text)."""

    def counts(items: list[dict[str, Any]]) -> list[GroupCount]:
        return [GroupCount(**{"raw": None if c.get("count") is None else str(c["count"]), **c}) for c in items]

    return Results(
        flow_started=counts(spec.get("flow_started", [])),
        outcomes=[ResultOutcome(**{**o, "analysed": counts(o.get("analysed", []))}) for o in spec.get("outcomes", [])],
        events=[EventCount(**e) for e in spec.get("events", [])],
    )
