"""Shared helpers of the results-reporting rules (TA9xx). Registers no rule.

Which trials must report results, and by when, follows the FDAAA TrialsTracker
(ebmdatalab/clinicaltrials-act-tracker, ``view.sql`` and ``trial_computer.py``); where this
module differs it says so here and in docs/rules-ta9xx.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from trial_audit.core.dates import DateType, PartialDate, Precision, parse_date
from trial_audit.core.findings import Evidence
from trial_audit.core.model import GroupCount, TrialRecord

#: formats that carry the FDAAA facts (FDA-regulated flags, certificate of delay, results under review)
FORMATS_WITH_FDAAA_FACTS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "example", ""})

#: the Final Rule (42 CFR Part 11) took effect on this day; trials starting on or after it are ACTs
#: by their FDA-regulated flags, older ones still running then are "probable ACTs" (pACTs)
EFFECTIVE = dt.date(2017, 1, 18)
#: TrialsTracker counts 365 days from the primary completion date ...
DUE_AFTER = dt.timedelta(days=365)
#: ... and reports a trial overdue only once it is more than 30 days late (the posting window)
GRACE = dt.timedelta(days=30)
#: a certificate of delay postpones the deadline by up to two more years (42 CFR 11.44(b))
DELAYED_DUE_AFTER_YEARS = 3

#: intervention types that make a pre-2017 trial a probable ACT (TrialsTracker's pACT list)
PACT_INTERVENTION_TYPES = frozenset({"DRUG", "BIOLOGICAL", "DEVICE", "GENETIC", "RADIATION", "COMBINATION_PRODUCT", "DIAGNOSTIC_TEST"})
_US = re.compile(
    r"^(?:united\s+states(?:\s+of\s+america)?|usa|u\.s\.a?\.?|american\s+samoa|guam|northern\s+mariana\s+islands|puerto\s+rico|"
    r"u\.?s\.?\s+virgin\s+islands|virgin\s+islands\s*\(u\.?s\.?\))$",
    re.I,
)


def last_day(d: PartialDate) -> dt.date:
    """The last day a partial date can mean (TrialsTracker reads "March 2018" as 2018-03-31)."""
    if d.precision is Precision.YEAR:
        return dt.date(d.year, 12, 31)
    if d.precision is Precision.MONTH and d.month:
        return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])
    return dt.date(d.year, d.month or 12, d.day or 28)


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def covered_phase(phases: list[str]) -> bool:
    """Phase 1/2, 2, 2/3, 3, 4 or N/A: not phase 1 alone, early phase 1, or no phase at all."""
    p = set(phases)
    return bool(p) and p not in ({"PHASE1"}, {"EARLY_PHASE1"}, {"EARLY_PHASE1", "PHASE1"})


def us_site(record: TrialRecord) -> str | None:
    """A US (or US territory) country among the sites or the countries of recruitment."""
    for country in [loc.country for loc in record.locations] + list(record.location_countries):
        if country and _US.match(country.strip()):
            return country
    return None


def phase_text(record: TrialRecord) -> str:
    return "/".join(record.phases) if record.phases else "none"


@dataclass(slots=True)
class Applicable:
    """Why the record is an applicable clinical trial: ``kind`` ACT or pACT, and the facts used."""

    kind: str
    facts: list[str]
    completion_field: str  # dates.primary_completion, or dates.completion when there is none
    completion: PartialDate


def applicable(record: TrialRecord) -> Applicable | None:
    """The record's ACT / probable-ACT status as the FDAAA TrialsTracker decides it, or None."""
    if record.study_type != "INTERVENTIONAL" or record.overall_status == "WITHDRAWN":
        return None
    if not covered_phase(record.phases) or record.primary_purpose == "DEVICE_FEASIBILITY":
        return None
    name = "primary_completion" if "primary_completion" in record.dates else "completion"
    completion = record.dates.get(name)
    start = record.dates.get("start")
    if completion is None or start is None:
        return None
    flags = [f for f, v in (("FDA-regulated drug", record.fda_regulated_drug), ("FDA-regulated device", record.fda_regulated_device)) if v]
    facts = [f"interventional, phase {phase_text(record)}"]
    if last_day(start) >= EFFECTIVE:
        if not flags:
            return None
        return Applicable("ACT", [*facts, " and ".join(flags), f"started {start.iso()}"], f"dates.{name}", completion)
    if last_day(completion) < EFFECTIVE:
        return None
    types = sorted({iv.type for iv in record.interventions if iv.type in PACT_INTERVENTION_TYPES})
    country = us_site(record)
    if not types or country is None:
        return None
    if flags:
        regulated = " and ".join(flags)
    elif record.fda_regulated_drug is None and record.fda_regulated_device is None and record.fda_regulated is not False:
        regulated = "no FDA-regulated flags given (not marked unregulated)"
    else:
        return None
    facts += [
        regulated,
        f"{', '.join(t.lower().replace('_', ' ') for t in types)} intervention(s)",
        f"a site in {country}",
        f"started {start.iso()}, before 2017-01-18, and still running then",
    ]
    return Applicable("pACT", facts, f"dates.{name}", completion)


def reported(record: TrialRecord) -> str | None:
    """How the record shows results were posted or submitted (then nothing is overdue), or None."""
    if record.results is not None or record.extra.get("has_results") is True:
        return "results are posted"
    if "results_first_posted" in record.dates:
        return "results are posted"
    if record.results_submitted is not None:
        return "results were submitted"
    if record.results_pending:
        return "results were submitted and are under review"
    return None


def parse(text: str) -> PartialDate | None:
    return parse_date(text)


def estimated(d: PartialDate) -> bool:
    return d.type is DateType.ESTIMATED


# --- group matching for the results tables -------------------------------------------------

_ENUMERATOR = re.compile(r"^\s*(?:(?:arm|group|cohort|part)\s+)?(?:[0-9]{1,2}|[A-H])\s*[.):-]?\s+(?=\S)", re.I)
_NON_WORD = re.compile(r"[^0-9a-z]+")


def group_key(title: str | None) -> str:
    """A group title compared across the tables: no leading "1." / "Arm A:", case, punctuation."""
    if not title:
        return ""
    return _NON_WORD.sub(" ", _ENUMERATOR.sub("", title).casefold()).strip()


def started_by_group(record: TrialRecord) -> dict[str, GroupCount]:
    res = record.results
    if res is None:
        return {}
    out: dict[str, GroupCount] = {}
    for g in res.flow_started:
        key = group_key(g.title)
        if key and g.count is not None and key not in out:
            out[key] = g
    return out


def flow_evidence(record: TrialRecord, limit: int = 4) -> list[Evidence]:
    res = record.results
    if res is None:
        return []
    out = []
    for i, g in enumerate(res.flow_started[:limit]):
        text = g.raw or ""
        out.append(Evidence(f"results.flow_started[{i}].count", text, 0, len(text)))
    return out
