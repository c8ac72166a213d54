"""Run the TA1xx rules on one criteria text: the helper the TA1 regression tests share."""

from collections import Counter

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


#: the numbering rules (and the run-on rule that numbering slips often trip)
NUMBERING = ("TA110", "TA111", "TA112", "TA113", "TA114", "TA120", "TA121")

# criteria-corpus phase_I_train.csv, NCT00506064 (tune part), inclusion items: the real list several rounds' tests
# re-number in the shape under test
NCT00506064_INC = [
    "Breast cancer patients having a unilateral segmental mastectomy",
    "Ages >= 40 years",
    "American Society of Anesthesiology (ASA) physical status 1-4",
    "Willing and able to give written informed consent",
    "Willing and able to complete questionnaires",
]


def ta1_codes(text: str, path: str, fmt: str, markdown: bool = False) -> Counter:
    """How often each TA1xx rule fires on ``text`` read as the criteria of a record of format ``fmt``
    (``markdown``: the criteria are Markdown, as in API v2 records)."""
    rec = TrialRecord(source=Source(path=path, format=fmt), criteria=text, criteria_markdown=markdown)
    out: Counter = Counter()
    for code, cls in load_rules().items():
        if code.startswith("TA1"):
            out.update(f.rule for f in cls().check(rec, CTX))
    return out
