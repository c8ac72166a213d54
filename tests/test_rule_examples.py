"""Every rule's documented examples double as its tests (as in sqlfluff and yamllint).

A rule's ``bad`` examples must make it fire and its ``good`` examples must not; a rule that
checks records must document at least one of each, so that no rule ships untested.
"""

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import NAME, Context, load_rules

RULES = load_rules()
CTX = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
RECORD_RULES = [c for c in RULES.values() if c.scope != "input"]


def test_rules_are_registered():
    assert "TA001" in RULES and "TA002" in RULES


@pytest.mark.parametrize("cls", RULES.values(), ids=lambda c: c.code)
def test_rule_metadata(cls):
    assert NAME.match(cls.name)
    doc = cls.doc()
    assert "Why" in doc, "the docstring says why the rule matters"
    assert len(cls.summary()) < 160, "the first docstring line is a one-line summary"


@pytest.mark.parametrize("cls", RECORD_RULES, ids=lambda c: c.code)
def test_rule_documents_bad_and_good_examples(cls):
    assert cls.bad, f"{cls.code} has no bad example"
    assert cls.good, f"{cls.code} has no good example"


@pytest.mark.parametrize(
    "cls,example",
    [(c, ex) for c in RECORD_RULES for ex in c.bad],
    ids=lambda v: v.code if hasattr(v, "code") else "",
)
def test_bad_example_fires(cls, example):
    findings = list(cls().check(record_from_example(example), CTX))
    assert findings, f"{cls.code} did not fire on its bad example"
    for f in findings:
        assert f.rule == cls.code
        assert f.message
        assert f.evidence is not None, "every finding carries evidence"


@pytest.mark.parametrize(
    "cls,example",
    [(c, ex) for c in RECORD_RULES for ex in c.good],
    ids=lambda v: v.code if hasattr(v, "code") else "",
)
def test_good_example_is_clean(cls, example):
    findings = list(cls().check(record_from_example(example), CTX))
    assert not findings, f"{cls.code} fired on its good example: {[f.message for f in findings]}"
