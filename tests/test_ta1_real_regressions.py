"""TA1xx rules on real eligibility texts (tests/data/criteria/, excerpts of the shared real data).

Every false-positive pattern found while hand-checking flagged real records is kept here as a
real text on which the rule must NOT fire; a few real defects are kept as texts on which the rule
MUST fire, so that precision fixes cannot silently remove recall. See docs/rules-ta1xx.md.
"""

import json
from pathlib import Path

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, load_rules

DATA = Path(__file__).parent / "data" / "criteria"
CASES = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
CTX = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
RULES = {code: cls for code, cls in load_rules().items() if code.startswith("TA1")}


def _fired(case):
    text = (DATA / case["file"]).read_text(encoding="utf-8")
    rec = record_from_example({"criteria": text, "criteria_markdown": case["markdown"]})
    out = {}
    for code, cls in RULES.items():
        fs = list(cls().check(rec, CTX))
        if fs:
            out[code] = fs
    return text, out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["file"])
def test_real_text(case):
    text, fired = _fired(case)
    for code in case["must_not_fire"]:
        assert code not in fired, f"{code} fired on {case['source']} ({case['note']}): {fired[code][0].message}"
    for code in case["must_fire"]:
        assert code in fired, f"{code} did not fire on {case['source']} ({case['note']})"
    for fs in fired.values():
        for f in fs:
            ev = f.evidence
            assert ev is not None and ev.field == "criteria"
            assert text[ev.start : ev.end] == ev.text
            for rel in f.related:
                assert text[rel.start : rel.end] == rel.text


def test_cases_cover_every_false_positive_rule():
    covered = {code for c in CASES for code in c["must_not_fire"]}
    assert {"TA101", "TA102", "TA103", "TA110", "TA111", "TA112", "TA113", "TA114", "TA120", "TA121", "TA130", "TA131"} <= covered


def test_rules_on_all_real_records_never_fail(shared_data):
    """Every TA1xx rule runs over every real criteria text without raising, with valid evidence."""
    import textwrap

    from benchmarks.criteria_texts import iter_texts

    rules = [cls() for cls in RULES.values()]
    n = 0
    for corpus, rid, text, md in iter_texts(shared_data):
        if corpus == "criteria-corpus":
            text = textwrap.dedent(text).strip("\n")
        rec = record_from_example({"criteria": text, "criteria_markdown": md})
        for r in rules:
            for f in r.check(rec, CTX):
                assert text[f.evidence.start : f.evidence.end] == f.evidence.text
        n += 1
    assert n > 5000
