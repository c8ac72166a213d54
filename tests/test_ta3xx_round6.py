"""TA301/TA303, sixth round: false-positive classes an independent judge found on the other registries'
formats (DRKS, ICTRP). Each class: the real text (record id and source in the comment), variants in other
words, and a guard that a true finding of the same shape stays.
"""

from __future__ import annotations

import pytest

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules

CTX = Context()


def run(code, **example):
    rule = select_rules([code])[0]
    return list(rule.check(record_from_example(example), CTX))


# --- 1. an item that admits a disease, not requires it ------------------------------------------------

# DRKS00021732 (DRKS JSON, COVID-19 trial): the item admits people with kidney disease of any severity,
# next to "Patients of both gender"; it is no requirement that everyone have it.
DRKS00021732 = (
    "Inclusion Criteria:\n- Patients of both gender\n- Patients with pre-existing chronic renal insufficiency in any degree of severity\n"
)


def test_any_degree_of_severity_admits_the_disease():
    assert run("TA301", conditions=["Covid-19"], criteria=DRKS00021732) == []


@pytest.mark.parametrize(
    "item",
    [
        "Patients with chronic kidney disease, regardless of stage",
        "Patients with or without chronic kidney disease",
        "Patients with chronic kidney disease irrespective of severity",
        "Patients with chronic kidney disease are also eligible",
        "Patients with chronic kidney disease can participate",
        "Patients with chronic kidney disease may be included",
        "Chronic kidney disease in any stage",
    ],
)
def test_admitting_wordings(item):
    assert run("TA301", conditions=["Covid-19"], criteria=f"Inclusion Criteria:\n- Adults\n- {item}\n") == []


def test_required_disease_still_reported():
    crit = "Inclusion Criteria:\n- Patients of both gender\n- Patients with pre-existing chronic renal insufficiency stage 3 or 4\n"
    assert [f.rule for f in run("TA301", conditions=["Covid-19"], criteria=crit)] == ["TA301"]
