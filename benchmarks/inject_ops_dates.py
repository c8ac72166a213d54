"""Timeline and status operators of the defect-injection benchmark (benchmarks/inject_ops.py):
required dates removed, dates out of order or of the wrong type for the as-of date, and statuses
that contradict the dates or lack a reason.
"""

from __future__ import annotations

from inject_formats import ACTIVE, add_months, as_date
from inject_op_types import Work

# --- timeline ---

_FINAL_RULE = (2017, 1, 18)
_FDAAA = (2007, 12, 26)
_ENDED = {"COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"}
_EXPANDED_ACCESS = {"AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD"}


def remove_date_op(slot):
    """The operator that removes the ``slot`` date where the registry requires it."""

    def fn(w: Work):
        if slot == "first_submitted":
            return _remove_first_dates(w)
        d, _ = w.a.get_date(slot) if w.a.has(slot) else (None, None)
        if d is None or w.a.status() in _EXPANDED_ACCESS:
            return None  # expanded-access records are not asked for start or completion dates
        if slot in ("primary_completion", "completion"):
            lu, _ = w.a.get_date("last_update")
            if lu is None or as_date(lu) < as_date(_FINAL_RULE):
                return None  # not required for records last updated before the Final Rule
            if w.a.status() in _ENDED:
                # nor for studies that ended before FDAAA: judged by the latest date left
                left = [w.a.get_date(s)[0] for s in ("completion", "primary_completion", "start") if s != slot]
                latest = next((x for x in left if x is not None), d)
                if as_date(latest) < as_date(_FDAAA) or as_date(d) < as_date(_FDAAA):
                    return None
        w.a.set_date(slot, None, None)
        return f"removed {slot} ({w.a.status()})"

    fn.__name__ = f"op_remove_{slot}"
    return fn


def _remove_first_dates(w: Work):
    """The first submitted AND first posted dates: the registry accepts either as proof of
    registration (a CSV export only has the posted one), so removing one alone is no defect."""
    gone = [s for s in ("first_submitted", "first_posted") if w.a.has(s) and w.a.get_date(s)[0] is not None]
    if not gone:
        return None
    for s in gone:
        w.a.set_date(s, None, None)
    return f"removed {' and '.join(gone)} ({w.a.status()})"


def op_out_of_order(w):
    s, _ = w.a.get_date("start")
    slot = w.rng.choice(["completion", "primary_completion"])
    d, t = w.a.get_date(slot)
    if s is None or d is None:
        return None
    new = add_months(s, -w.rng.choice([6, 12, 24]))
    w.a.set_date(slot, new, t)
    return f"{slot} {new} before start {s}"


def op_actual_in_future(w):
    if w.a.fmt == "csv":
        return None
    if not w.a.has_types:  # no actual / anticipated: only a registration date can be impossible in the future
        slot = "first_submitted"
    else:
        slot = w.rng.choice(["start", "first_submitted"])
    d, _ = w.a.get_date(slot)
    if d is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], 15), w.rng.choice([8, 14, 30]))
    w.a.set_date(slot, new, "ACTUAL")
    return f"{slot} {new} (actual) after as-of {w.as_of}"


def op_estimated_in_past(w):
    if not w.a.has_types or w.a.status() not in ACTIVE:
        return None
    slot = w.rng.choice(["primary_completion", "start"] if w.a.status() == "NOT_YET_RECRUITING" else ["primary_completion"])
    new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([18, 30, 48]))
    w.a.set_date(slot, new, "ESTIMATED")
    return f"{slot} {new} (estimated) for a {w.a.status()} record as of {w.as_of}"


# --- status ---


def op_completed_future_completion(w):
    if w.a.status() != "COMPLETED" or w.a.get_date("completion")[0] is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], None), w.rng.choice([12, 24, 36]))
    w.a.set_date("completion", new, "ESTIMATED")
    return f"COMPLETED with completion {new} (anticipated), as-of {w.as_of}"


def op_recruiting_past_completion(w):
    st = w.a.status()
    c, t = w.a.get_date("completion")
    if st == "RECRUITING" and c is not None:
        new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([24, 36, 60]))
        w.a.set_date("completion", new, t and "ESTIMATED")
        return f"RECRUITING with completion moved to {new}"
    if st == "COMPLETED" and c is not None and as_date(c) < as_date(add_months(w.as_of, -24)):
        w.a.set_status("RECRUITING")
        return f"status COMPLETED -> RECRUITING, completion {c}"
    return None


def op_stopped_without_reason(w):
    if w.a.fmt == "csv" or not w.a.has("why_stopped"):  # a format with no reason field cannot lack one
        return None
    st = w.a.status()
    if st in ("TERMINATED", "WITHDRAWN", "SUSPENDED") and w.a.get("why_stopped"):
        w.a.set("why_stopped", None)
        return f"{st}: why-stopped removed"
    if st == "COMPLETED" and not w.a.get("why_stopped"):
        new = w.rng.choice(["TERMINATED", "SUSPENDED"])
        w.a.set_status(new)
        return f"status COMPLETED -> {new}, no why-stopped"
    return None


def op_stale_verified(w):
    if w.a.fmt == "csv" or w.a.status() not in ACTIVE:
        return None
    d, _ = w.a.get_date("verified")
    if d is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([36, 60, 96]))
    w.a.set_date("verified", new, None)
    return f"{w.a.status()}: status verified {new}, as-of {w.as_of}"
