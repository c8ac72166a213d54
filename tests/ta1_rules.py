"""Run the TA1xx rules on one criteria text: the helper the TA1 regression tests share."""

from collections import Counter

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


def ta1_codes(text: str, path: str, fmt: str) -> Counter:
    """How often each TA1xx rule fires on ``text`` read as the criteria of a record of format ``fmt``."""
    rec = TrialRecord(source=Source(path=path, format=fmt), criteria=text)
    out: Counter = Counter()
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.update(f.rule for f in cls().check(rec, CTX))
    return out
