"""TA803: a time frame whose numbers carry no time unit anywhere (issue 20, the `bare_time_frame` class).

Both sides of the generated grid of benchmarks/probe_time_frames.py (lead words x number layouts x an
event first x endings; look-alikes with a unit the numbers share, codes, dates and counts of visits), and
variants of each class written for this test in other words than the grid's."""

from __future__ import annotations

import pytest

from benchmarks.probe_time_frames import SILENT, bare_cells
from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, load_rules
from trial_audit.text.outcome_text import bare_number, unitless_numbers

RULE = load_rules()["TA803"]()
CTX = Context(as_of=parse_date("2026-12-07"), today=parse_date("2026-12-07"))


def _findings(time_frame: str):
    record = record_from_example({"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": time_frame}]})
    return list(RULE.check(record, CTX))


@pytest.mark.parametrize("time_frame", bare_cells())
def test_grid_unitless_numbers_are_reported(time_frame):
    findings = _findings(time_frame)
    assert len(findings) == 1, time_frame
    assert "no unit" in findings[0].message


@pytest.mark.parametrize("time_frame", SILENT)
def test_grid_look_alikes_stay_silent(time_frame):
    assert _findings(time_frame) == [], time_frame


# the same classes in words the grid does not use (other lead verbs, "&", "/" after an event, "until",
# "through", British "post-operatively", an event first after a lead word)
@pytest.mark.parametrize(
    "time_frame",
    [
        "Assessed up to 36",
        "Evaluated at 6, 12 and 24",
        "Time point: 3 & 6",
        "Baseline/6/12",
        "At baseline, 3 and 6",
        "Pre-treatment and 4",
        "Measured at 1, 3, 6 post-operatively",
        "From randomization until 52",
        "Within 72 after surgery",
        "On 7 and 14",
        "Recorded at 0, 30, 60",
        "Screening through 16",
    ],
)
def test_own_variants_with_unitless_numbers(time_frame):
    assert bare_number(time_frame), time_frame


@pytest.mark.parametrize(
    "time_frame",
    [
        "by 6 months",
        "At week 3",
        "from baseline to week 12",
        "At 3 visits",
        "Up to 5 cycles",
        "At 10 am",
        "Within 2 h",
        "After 3 doses",
        "Baseline and follow-up",
        "Between 2019 and 2021",
    ],
)
def test_own_look_alikes_with_a_unit_or_a_count(time_frame):
    assert not bare_number(time_frame), time_frame


def test_message_names_the_numbers_without_a_unit():
    (finding,) = _findings("Baseline, 6, 12")
    assert "the numbers 6, 12 have no unit" in finding.message
    assert unitless_numbers("Between 6 and 12") == ["6", "12"]


def test_hostile_time_frame_stays_fast():
    # anchored patterns: a long run of numbers and words is read in linear time (no timing: it must just end)
    assert not bare_number("At " + "1, " * 20000 + "x")
