"""Shared helpers of the timeline & status rules (TA4xx). Registers no rule.

What each source format can carry decides what a rule may demand: a CSV export from the
search page has no submitted dates, no status-verified date and no reason for stopping; the
patient page shows only the timeline entries it has labels for. A rule never reports a field as
missing when the format could not have carried it (see docs/rules-ta4xx.md, "Formats").
"""

from __future__ import annotations

from trial_audit.core.dates import PartialDate, parse_date
from trial_audit.core.findings import Evidence

#: Date fields each structured format always carries when the registry has them, so that
#: a missing key is a missing value. Formats not listed (CSV exports, page text, examples)
#: only count the fields they show: parsed, unparseable, or shown blank / "Not reported".
FORMAT_DATE_FIELDS: dict[str, frozenset[str]] = {
    "ctgov-v2": frozenset(
        {
            "first_submitted",
            "first_posted",
            "start",
            "primary_completion",
            "completion",
            "last_update_submitted",
            "last_update_posted",
            "status_verified",
        }
    ),
    "ctgov-classic": frozenset(
        {
            "first_submitted",
            "first_posted",
            "start",
            "primary_completion",
            "completion",
            "last_update_submitted",
            "last_update_posted",
            "status_verified",
        }
    ),
    # Legacy XML: the 2016 schema has firstreceived_date / lastchanged_date and no posted dates,
    # so only the submitted dates are demanded.
    "ctgov-xml": frozenset({"first_submitted", "start", "primary_completion", "completion", "last_update_submitted", "status_verified"}),
}

#: Formats that carry a reason for stopping (whyStopped / why_stopped) and an overall status.
FORMATS_WITH_WHY_STOPPED = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "example", ""})

#: Formats whose start / completion dates carry an actual-vs-estimated type at all.
FORMATS_WITH_DATE_TYPES = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "example", "page-text", ""})

#: Expanded-access records have no start or completion dates to report.
EXPANDED_ACCESS_STATUSES = frozenset(
    {"AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD"}
)

#: Statuses in which a study has not ended (the registry's "active" set plus suspended).
ONGOING_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "ENROLLING_BY_INVITATION", "SUSPENDED"})

LABELS = {
    "first_submitted": "first submitted date",
    "first_posted": "first posted date",
    "start": "study start date",
    "primary_completion": "primary completion date",
    "completion": "study completion date",
    "results_first_posted": "results first posted date",
    "last_update_submitted": "last update submitted date",
    "last_update_posted": "last update posted date",
    "status_verified": "status verified date",
}

STATUS_WORDS = {
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed",
    "ENROLLING_BY_INVITATION": "Enrolling by invitation",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "RECRUITING": "Recruiting",
    "SUSPENDED": "Suspended",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
    "UNKNOWN": "Unknown status",
}


def fmt(record) -> str:
    return (record.source.format or "") if record.source else ""


def status_word(status: str | None) -> str:
    return STATUS_WORDS.get(status or "", (status or "no status").replace("_", " ").capitalize())


def is_expanded_access(record) -> bool:
    return record.overall_status in EXPANDED_ACCESS_STATUSES or record.study_type == "EXPANDED_ACCESS"


def shows(record, name: str) -> bool:
    """The source holds this date field in some form (a value, unparseable text, or shown blank)."""
    return name in record.dates or name in record.unparsed_dates or f"dates.{name}" in record.declared_absent


def carries(record, name: str) -> bool:
    """The record's format carries this date field (so its absence is a defect, not a format limit)."""
    return name in FORMAT_DATE_FIELDS.get(fmt(record), frozenset()) or shows(record, name)


def date_evidence(record, name: str) -> Evidence:
    """Evidence for a date field: its text as given, or what the source shows instead (start=end=0)."""
    field = f"dates.{name}"
    text = record.text(field)
    if text is None and name in record.unparsed_dates:
        text = record.unparsed_dates[name]
    if text is None:
        return Evidence(field, record.declared_absent.get(field, ""), 0, 0)
    return Evidence.whole(field, text)


def ambiguous_reading(record, name: str) -> tuple[str, str, str] | None:
    """(the date as written, how it is read, how else it could be read) when the reader could read
    this date two ways (an ICTRP "05/03/2020": ``extra["ambiguous_dates"]``), else None."""
    note = (record.extra.get("ambiguous_dates") or {}).get(f"dates.{name}")
    if not note:
        return None
    return note["raw"], note["read_as"], note["could_be"]


def ambiguity_words(raw: str, read_as: str, could_be: str) -> str:
    """The caveat of a finding resting on a date that could be read two ways, in a curator's words."""
    return (
        f' ("{raw}" is read as dd/mm/yyyy, the export\'s convention: {read_as}; it could also be mm/dd/yyyy: {could_be}. '
        "Check the date in the source registry)"
    )


def ambiguity(record, name: str) -> str:
    """``ambiguity_words`` for this date of the record; "" when it is not ambiguous."""
    reading = ambiguous_reading(record, name)
    return ambiguity_words(*reading) if reading else ""


def date_text(d: PartialDate) -> str:
    """A date the way a curator reads it, with its type ("2024-04 (estimated)")."""
    return str(d)


def status_evidence(record) -> Evidence:
    return Evidence.whole("overall_status", record.text("overall_status") or "")


def now_evidence(record, now: PartialDate) -> Evidence:
    """The reference date: the record's own as-of date, else the run's --as-of / today."""
    if record.as_of is not None:
        return Evidence.whole("as_of", record.text("as_of") or now.iso())
    return Evidence.whole("as_of", now.raw or now.iso())


def now_words(record, now: PartialDate) -> str:
    if record.as_of is not None:
        inferred = record.extra.get("as_of_source")
        if inferred:  # a CSV export's date, inferred from its latest posted date
            return f"the file's date {now.iso()}, {inferred}"
        return f"the record's as-of date {now.iso()}"
    return f"the reference date {now.iso()}"


#: Statuses in which the study is, or says it is, still enrolling.
ENROLLING_STATUSES = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})

#: The registry asks for status and date updates within 30 days of a change.
DEFAULT_GRACE_DAYS = 30


def grace_days(ctx, code: str) -> int:
    try:
        return int(ctx.option(code, "grace_days", DEFAULT_GRACE_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_GRACE_DAYS


def completion_passed_while_enrolling(record, now: PartialDate, grace: int) -> bool:
    """Status says the study still enrols, yet its completion date (plus the grace) has passed."""
    from trial_audit.core.dates import is_past

    c = record.dates.get("completion")
    return record.overall_status in ENROLLING_STATUSES and c is not None and is_past(c, now, grace)


def verified_date(record) -> tuple[str, PartialDate] | None:
    """The date the status was last confirmed: status verified, else the last update."""
    for name in ("status_verified", "last_update_submitted", "last_update_posted"):
        d = record.dates.get(name)
        if d is not None:
            return name, d
    return None


def shown_words(record, name: str) -> str:
    """How the source shows an absent date, for a message: 'the page's Timeline shows "Trial
    launched" with no date', 'the record shows "Not reported"', 'the record shows it blank'
    ("" when the source does not show the field at all)."""
    field = f"dates.{name}"
    if field not in record.declared_absent:
        return ""
    text = record.declared_absent[field]
    path = record.provenance.get(field) or ""
    if path.startswith("page:Timeline/"):
        label = path.removeprefix("page:Timeline/")
        return f'the page\'s Timeline shows "{label}" ' + (f'as "{text}"' if text else "with no date")
    return f'the record shows "{text}"' if text else "the record shows it blank"


# --- what the law of the record's time required --------------------------------------------

#: FDAAA 801 (enacted 2007-09-27) made the start date, the primary completion date and the
#: reason a study stopped required registry data elements from 2007-12-26 on; before that,
#: registration under FDAMA 113 and the ICMJE policy did not require them.
FDAAA_DATA_ELEMENTS = parse_date("2007-12-26")
#: the Final Rule (42 CFR Part 11, effective 2017-01-18) required primary completion and study
#: completion dates of every record; until then FDAAA required them of applicable clinical trials only.
FINAL_RULE = parse_date("2017-01-18")
ENDED_STATUSES = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"})
#: fields the law of the time decides on (the rest, e.g. the first submitted date, always were required)
ERA_FIELDS = frozenset({"start", "primary_completion", "completion", "why_stopped"})
_SINCE_FINAL_RULE = frozenset({"primary_completion", "completion"})


def last_touched(record) -> tuple[str, PartialDate] | None:
    """When the record was last updated (else first submitted / posted), and which date says so."""
    for name in ("last_update_submitted", "last_update_posted", "first_submitted", "first_posted"):
        d = record.dates.get(name)
        if d is not None:
            return name, d
    return None


#: statuses that say the study is over; the date the status was verified is then a date by which it had ended
_OVER_STATUSES = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN"})


def _end_evidence(record) -> tuple[str, PartialDate] | None:
    """A date by which the study had ended, as the record shows it.

    A completion date is evidence only when it could be known as an end: marked actual, or with
    no type given and not after the record's last update (a completion date later than the last
    update was an estimate when it was written). Otherwise, for a Completed / Terminated /
    Withdrawn record, the date its status was verified: the study had ended by then. A start
    date says nothing of when a study ended.
    """
    from trial_audit.core.dates import DateType

    touched = last_touched(record)
    for name in ("completion", "primary_completion"):
        d = record.dates.get(name)
        if d is None:
            continue
        if d.type is DateType.ACTUAL or (d.type is None and touched is not None and not touched[1].is_before(d)):
            return name, d
    if record.overall_status in _OVER_STATUSES:
        verified = record.dates.get("status_verified")
        if verified is not None:
            return "status_verified", verified
    return None


def ended_before(record, when: PartialDate) -> tuple[str, PartialDate] | None:
    """The study has ended, and the record shows it had ended before ``when`` (that date, or None)."""
    if record.overall_status not in ENDED_STATUSES:
        return None
    evidence = _end_evidence(record)
    if evidence is not None and evidence[1].is_before(when):
        return evidence
    return None


def not_required_then(record, name: str) -> str | None:
    """Why the law of the record's time did not require this field, in a curator's words, or None
    when it is required. A study that ended before FDAAA never was an applicable clinical trial;
    a record nobody updated since then was registered under rules that did not ask for it."""
    if name not in ERA_FIELDS:
        return None
    ended = ended_before(record, FDAAA_DATA_ELEMENTS)
    if ended is not None:
        return (
            f"the study had ended by its {LABELS[ended[0]]} ({ended[1].iso()}), before FDAAA made it a required data element "
            f"(from {FDAAA_DATA_ELEMENTS.iso()}), so the registry did not require it"
        )
    if name in _SINCE_FINAL_RULE:
        ended = ended_before(record, FINAL_RULE)
        if ended is not None:
            return (
                f"the study had ended by its {LABELS[ended[0]]} ({ended[1].iso()}), before the Final Rule (42 CFR Part 11, "
                f"{FINAL_RULE.iso()}) required it of every study; until then only applicable clinical trials had to give it"
            )
    touched = last_touched(record)
    if touched is None:
        return None
    label, d = touched
    if name == "start" and record.study_type == "OBSERVATIONAL" and d.is_before(FINAL_RULE):
        return (
            f"the record was last updated {d.iso()} ({LABELS[label]}), before the Final Rule (42 CFR Part 11, "
            f"{FINAL_RULE.iso()}); FDAAA required it of interventional applicable clinical trials only, not of observational studies"
        )
    if d.is_before(FDAAA_DATA_ELEMENTS):
        return (
            f"the record was last updated {d.iso()} ({LABELS[label]}), before FDAAA made it a required data element "
            f"(from {FDAAA_DATA_ELEMENTS.iso()}), so the registry did not require it then"
        )
    if name in _SINCE_FINAL_RULE and d.is_before(FINAL_RULE):
        return (
            f"the record was last updated {d.iso()} ({LABELS[label]}), before the Final Rule (42 CFR Part 11, "
            f"{FINAL_RULE.iso()}) required it of every study; until then only applicable clinical trials had to give it"
        )
    return None
