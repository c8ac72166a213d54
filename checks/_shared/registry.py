"""Shared helpers of the cross-registry rules (TA02x). Registers no rule.

A record's *digest* is the handful of facts the rules compare, small enough to keep for every
record of a run (see ``trial_audit.engine.cross``): its IDs, the export it came from and its
date, age limits, recruiting or not, registration and start dates, target size, sponsor.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz

from trial_audit.checks._shared.timeline import ambiguity_words, ambiguous_reading
from trial_audit.core.findings import Evidence
from trial_audit.core.registry_ids import trial_key

#: sponsor names this similar (token set ratio, accents and punctuation ignored) are one sponsor written two ways
SPONSOR_SAME = 85
_PUNCT = re.compile(r"[^a-z0-9 ]+")
_NOT_RECRUITING = frozenset({"NOT_YET_RECRUITING", "ACTIVE_NOT_RECRUITING", "COMPLETED", "TERMINATED", "WITHDRAWN", "SUSPENDED"})


def make_digest(record: Any, record_id: str) -> dict[str, Any] | None:
    own = record.registry_id or record.nct_id
    if not own:
        return None
    ages = {}
    for side in ("minimum_age", "maximum_age"):
        raw, parsed = getattr(record, side + "_raw"), getattr(record, side)
        if parsed is not None:
            ages[side] = (round(parsed.years, 3), raw)
        elif raw is not None and raw.strip():
            # shown without a limit ("N/A", "No limit"), or unreadable ("??"): the latter is never compared
            ages[side] = (None, raw) if _no_limit_word(raw) or side in record.extra.get("age_no_limit", []) else ("?", raw)
    raw_status = record.extra.get("recruitment_status") or record.overall_status
    recruiting = None
    if record.overall_status == "RECRUITING" or (raw_status or "").strip().lower() == "recruiting":
        recruiting = True
    elif record.overall_status in _NOT_RECRUITING or (raw_status or "").strip().lower() == "not recruiting":
        recruiting = False
    dates = {}
    for name in ("first_submitted", "start"):
        d = record.dates.get(name)
        if d is not None:
            reading = ambiguous_reading(record, name)  # a slashed date that could also be read month first
            dates[name] = (d.iso(), d.precision.value, d.raw or d.iso(), reading[2] if reading else None)
    return {
        "id": record_id,
        "own": own.strip(),
        "registry": record.registry,
        "where": record.source.display(),
        "format": record.source.format,
        "as_of": record.as_of.iso() if record.as_of is not None else None,
        "secondary": [s for s in record.secondary_ids if s],
        "ages": ages,
        "status": (recruiting, raw_status) if raw_status else None,
        "dates": dates,
        "size": (record.enrollment, record.extra.get("target_size_raw") or str(record.enrollment)) if record.enrollment else None,
        "sponsor": record.sponsor.strip() if record.sponsor and record.sponsor.strip() else None,
    }


def _no_limit_word(raw: str) -> bool:
    return raw.strip().lower() in ("n/a", "na", "none", "no limit", "not applicable", "no maximum age", "no minimum age", "-")


def trial_keys(digest: dict[str, Any]) -> list[str]:
    return [trial_key(digest["own"]), *(trial_key(s) for s in digest["secondary"])]


def _same_moment(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both records state the date they are as of, and it is the same (one export, or two of one day):
    two undated copies may be versions years apart, whose differences are updates."""
    return a["as_of"] is not None and a["as_of"] == b["as_of"]


def _norm_sponsor(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(_PUNCT.sub(" ", text).split())


def _ev(digest: dict[str, Any], field: str, text: str) -> Evidence:
    return Evidence.whole(field, text)


def _other(digest: dict[str, Any], field: str, text: str) -> Evidence:
    """Evidence from the other record: its field named with the record and where it was read."""
    return Evidence.whole(f"{digest['id']} ({digest['where']}) {field}", text)


def _read(date: Any, other: Any) -> str:
    """How a compared date was read when it could be read two ways (a slashed ICTRP date), and whether
    the other reading is the other record's date; "" for a date read one way only. (A digest's date:
    ISO, precision, as written, the other reading or None; older digests have no fourth item.)"""
    could_be = date[3] if len(date) > 3 else None
    if not could_be:
        return ""
    words = ambiguity_words(date[2], date[0], could_be)
    if could_be == other[0]:
        words = words[:-1] + "; read month first, it is the other record's date)"
    return words


def _who(d: dict[str, Any]) -> str:
    dated = f", as of {d['as_of']}" if d["as_of"] else ""
    return f"the record {d['id']} ({d['where']}{dated})"


def compare_digests(new: dict[str, Any], old: dict[str, Any]) -> Iterator[tuple[str, Evidence, list[Evidence]]]:
    """(message, evidence on the new record, [evidence from the old record]) for each disagreement."""
    same_id = trial_key(new["own"]) == trial_key(old["own"]) and new["own"].upper() == old["own"].upper()
    country_copies = not same_id and new["own"].upper().startswith("EUCTR") and old["own"].upper().startswith("EUCTR")
    other = _who(old)
    if same_id and not country_copies:
        a, b = new["dates"].get("first_submitted"), old["dates"].get("first_submitted")
        if a and b and a[0] != b[0] and a[1] == b[1] == "day":
            yield (
                f"The registration date {a[2]!r}{_read(a, b)} differs from {b[2]!r}{_read(b, a)} in {other}, of the same ID: a trial is "
                "registered once, so one of the copies is wrong. Check the registry's own record and correct the copy.",
                _ev(new, "dates.first_submitted", a[2]),
                [_other(old, "dates.first_submitted", b[2])],
            )
    if not _same_moment(new, old):
        return
    for side, word in (("minimum_age", "minimum age"), ("maximum_age", "maximum age")):
        a, b = new["ages"].get(side), old["ages"].get(side)
        if a is None or b is None or "?" in (a[0], b[0]) or a[0] == b[0]:
            continue
        show_a = a[1] or "no limit"
        show_b = b[1] or "no limit"
        yield (
            f"The {word} {show_a!r} differs from {show_b!r} in {other} of the same trial: patients see different "
            "eligibility depending on where they look. Correct the record that does not match the protocol.",
            _ev(new, side, a[1] or ""),
            [_other(old, side, b[1] or "")],
        )
    a, b = new["status"], old["status"]
    if a and b and a[0] is not None and b[0] is not None and a[0] != b[0] and not country_copies:
        yield (
            f"The recruitment status {a[1]!r} differs from {b[1]!r} in {other} of the same trial, as of the same day: "
            "patients are told both that it recruits and that it does not. Update the record that is out of date.",
            _ev(new, "overall_status", a[1]),
            [_other(old, "overall_status", b[1])],
        )
    a, b = new["dates"].get("start"), old["dates"].get("start")
    if a and b and not country_copies and a[1] == b[1] and a[0] != b[0]:
        yield (
            f"The start date {a[2]!r}{_read(a, b)} differs from {b[2]!r}{_read(b, a)} in {other} of the same trial. Correct the record that "
            "does not give the date of first enrolment.",
            _ev(new, "dates.start", a[2]),
            [_other(old, "dates.start", b[2])],
        )
    a, b = new["size"], old["size"]
    if a and b and a[0] != b[0]:
        yield (
            f"The target sample size {a[1]!r} differs from {b[1]!r} in {other} of the same trial. Correct the record "
            "that does not match the protocol.",
            _ev(new, "enrollment", str(a[1])),
            [_other(old, "enrollment", str(b[1]))],
        )
    a, b = new["sponsor"], old["sponsor"]
    if a and b and fuzz.token_set_ratio(_norm_sponsor(a), _norm_sponsor(b)) < SPONSOR_SAME:
        yield (
            f"The primary sponsor {a!r} differs from {b!r} in {other} of the same trial: one trial has one primary "
            "sponsor. Correct the record that names the wrong one.",
            _ev(new, "sponsor", a),
            [_other(old, "sponsor", b)],
        )
