"""Helpers of the history rules (TA480-TA499): the earlier version of a record, when the change was
made, whether the study had started by then, and evidence that quotes both versions.

``trial-audit diff OLD NEW`` pairs the two versions of a record by registry ID and hands the rules
the new one with the old one in ``record.extra["previous"]``; the old version's fields are quoted
under ``extra.previous.<field>`` (resolvable with ``record.text``, so the reports show them).
A rule's documented example gives the earlier version as a dict of canonical fields.
"""

from __future__ import annotations

import re
from typing import Any

from trial_audit.core.dates import DateType, PartialDate
from trial_audit.core.findings import Evidence
from trial_audit.core.model import TrialRecord, record_from_example

PREVIOUS = "previous"
PREFIX = f"extra.{PREVIOUS}."
_SPACES = re.compile(r"\s+")


def previous_version(record: TrialRecord) -> TrialRecord | None:
    """The earlier version the record is compared with (None outside `trial-audit diff`)."""
    prev = record.extra.get(PREVIOUS)
    if isinstance(prev, dict):  # a rule example: canonical fields
        prev = record_from_example(prev)
        # a new dict: the record may share its extra with the rule's example, which must stay as written
        record.extra = {**record.extra, PREVIOUS: prev}
    return prev if isinstance(prev, TrialRecord) else None


def version_date(record: TrialRecord) -> PartialDate | None:
    """When this version was made: the version's date in the registry's history, else its last
    update posted date, else its own as-of date."""
    from trial_audit.core.dates import parse_date

    given = record.extra.get("version_date")
    if isinstance(given, str) and (d := parse_date(given)) is not None:
        return d
    return record.dates.get("last_update_posted") or record.as_of


def version_name(record: TrialRecord) -> str:
    d = version_date(record)
    return f"the version of {d.iso()}" if d is not None else "this version"


def started_before_change(old: TrialRecord, new: TrialRecord) -> PartialDate | None:
    """The actual start date when the study had started before the change was made, else None:
    the earlier version already gave an actual start date, or the new one gives an actual start
    date before the new version's date."""
    start = old.dates.get("start")
    if start is not None and start.type is DateType.ACTUAL:
        return start
    start = new.dates.get("start")
    changed = version_date(new)
    if start is not None and start.type is DateType.ACTUAL and changed is not None and start.is_before(changed):
        return start
    return None


def norm_text(text: str | None) -> str:
    """Text compared across versions: case and runs of white space do not count as a change."""
    return _SPACES.sub(" ", text or "").strip().casefold()


def same_outcome(a: str, b: str) -> bool:
    """Two outcome texts name the same measure: equal once normalised, or one is the other's measure
    followed by ", " or ": " and more (the search page's CSV export writes each outcome as
    "measure, description, time frame"; the API gives the measure alone)."""
    x, y = norm_text(a), norm_text(b)
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return bool(short) and long_.startswith(short) and long_[len(short) : len(short) + 1] in (",", ":")


def both_sides(new: TrialRecord, field: str, new_text: str | None, old_text: str | None) -> tuple[Evidence, list[Evidence]]:
    """Evidence quoting the new version's value, and the earlier version's as related evidence."""
    now = Evidence.whole(field, new_text) if new_text is not None else Evidence(field, "", 0, 0)
    before = Evidence.whole(PREFIX + field, old_text) if old_text is not None else Evidence(PREFIX + field, "", 0, 0)
    return now, [before]


def quoted(text: str | None, limit: int = 160) -> str:
    if not text:
        return "(none)"
    text = _SPACES.sub(" ", text).strip()
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def example(previous: dict[str, Any], **new: Any) -> dict[str, Any]:
    """A rule example: the new version's canonical fields with the earlier version's."""
    extra = {**new.pop("extra", {}), PREVIOUS: previous}
    return {**new, "extra": extra}


#: the dates whose moves reviewers follow
KEY_DATES = ("start", "primary_completion", "completion")


def moved_dates(old: TrialRecord, new: TrialRecord, was_actual: bool) -> list[tuple[str, PartialDate, PartialDate, int]]:
    """(name, old date, new date, days moved) of each key date that moved, among those the earlier
    version gave as actual (``was_actual``) or as anticipated. A date that only became more
    precise ("2024-05" -> "2024-05-14") did not move."""
    out = []
    for name in KEY_DATES:
        a, b = old.dates.get(name), new.dates.get(name)
        if a is None or b is None or a.compare(b) == 0 or (a.type is DateType.ACTUAL) != was_actual:
            continue
        out.append((name, a, b, (b.to_date() - a.to_date()).days))
    return out


def span(days: int) -> str:
    """A move in words: "12 days later", "about 18 months earlier"."""
    n = abs(days)
    size = f"about {round(n / 30.44)} months" if n >= 60 else f"{n} day" + ("s" if n != 1 else "")
    return f"{size} {'later' if days > 0 else 'earlier'}"


def date_sides(old: TrialRecord, new: TrialRecord, name: str) -> tuple[Evidence, list[Evidence]]:
    field = f"dates.{name}"
    return both_sides(new, field, new.text(field), old.text(field))
