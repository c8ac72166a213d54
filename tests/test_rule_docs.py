"""Rule documentation in fixed sections (as ruff's rule docs): checked at registration, printed by explain."""

from __future__ import annotations

import pytest

from trial_audit.cli.explain import explain_text
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import DOC_SECTIONS, REQUIRED_DOC_SECTIONS, RULES, Rule, doc_sections, load_rules, register

ALL = load_rules()


def _rule(doc: str, code: str = "XD101") -> type[Rule]:
    cls = type("DocProbe", (Rule,), {"__doc__": doc, "code": code, "name": "doc-probe", "category": Category.TEXT,
                                      "severity": Severity.INFO})  # fmt: skip
    return cls


GOOD_DOC = """A probe.

## What it does

Reports a probe.

## Why it matters

Probes matter.

## Fix

Remove the probe.
"""


@pytest.mark.parametrize("cls", ALL.values(), ids=lambda c: c.code)
def test_every_rule_has_the_required_sections_in_order(cls):
    summary, sections = doc_sections(cls.doc())
    assert summary == cls.summary()
    for title in REQUIRED_DOC_SECTIONS:
        assert sections.get(title), f"{cls.code} lacks '## {title}'"
    assert list(sections) == [t for t in DOC_SECTIONS if t in sections]


def test_register_accepts_the_sections():
    cls = _rule(GOOD_DOC)
    try:
        assert register(cls) is cls
    finally:
        RULES.pop("XD101", None)


@pytest.mark.parametrize(
    "doc, says",
    [
        (GOOD_DOC.replace("## Fix\n\nRemove the probe.\n", ""), "lacks the section '## Fix'"),
        (GOOD_DOC.replace("## Why it matters", "## Why"), "unknown section '## Why'"),
        (GOOD_DOC.replace("## What it does\n\nReports a probe.\n\n", "") + "\n## What it does\n\nReports.\n", "out of order"),
        ("A probe.\n\nWhy: the legacy form.\n\nFix: convert it.", "text between the summary and the first '## ' section"),
        ("A probe.\n\n## Why it matters\n\nNo what.\n\n## Fix\n\nAdd it.", "lacks the section '## What it does'"),
        ("A probe\nover two lines.\n\n" + GOOD_DOC.split("\n", 1)[1], "one-line summary"),
    ],
)
def test_register_names_the_rule_and_the_problem(doc, says):
    with pytest.raises(ValueError) as err:
        register(_rule(doc))
    assert "XD101" in str(err.value) and "DocProbe" in str(err.value) and says in str(err.value)
    assert "XD101" not in RULES


def test_explain_prints_the_sections_with_the_examples_in_them():
    cls = ALL["TA112"]
    text = explain_text(cls)
    at = {title: text.index(f"## {title}") for title in ("What it does", "Why it matters", "Example", "Use instead", "Fix")}
    assert list(at.values()) == sorted(at.values())
    bad = text[at["Example"] : at["Use instead"]]
    good = text[at["Use instead"] : at["Fix"]]
    assert "4. Prior CAR-T therapy" in bad and "3. Prior CAR-T therapy" in good
    assert cls.sections()["Fix"] in text


def test_explain_keeps_a_docstrings_own_example_prose():
    cls = ALL["TA301"]
    assert "Example" in cls.sections()
    example = explain_text(cls).split("## Example", 1)[1].split("## Use instead", 1)[0]
    assert cls.sections()["Example"] in example and "{" in example  # the prose, then the JSON examples
