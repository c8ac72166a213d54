"""Both sides of the generated grid of benchmarks/probe_outcome_titles.py (issue 20, fresh4 misses).

TA807: a symbol prefix ("Δ BASDAI"), a threshold range or bound after the abbreviation ("mRS 0-2", "NIHSS ≤ 4") and
a PK parameter in subscript notation ("Cmax", "AUCinf") are still only an abbreviation. TA802: a quantity word
("Degree of improvement") or a rank adjective with a generic head ("Primary efficacy variable") still names only a
domain. TA803: a frequency ("Daily", "Once a week") says how often, not when or for how long. The grid is generated from dimensions; the hand-written variants below were written before the fix and
are not in the grid (other scales, other PK subscripts, other ranks); the real titles come from the tune part.
"""

import pytest

from benchmarks.probe_outcome_titles import (
    ABBR_SILENT,
    DOMAIN_SILENT,
    abbreviation_cells,
    domain_cells,
    frequency_cells,
    frequency_silent,
    title_of,
)
from tests.test_ta8xx import codes, one

ABBR_GRID = [title_of(c) for c in abbreviation_cells()]
DOMAIN_GRID = [title_of(c) for c in domain_cells()]


@pytest.mark.parametrize("title", ABBR_GRID)
def test_abbreviation_grid_reported(title):
    assert codes(one(title), {"TA807"}) == ["TA807"]


@pytest.mark.parametrize("title", ABBR_SILENT)
def test_abbreviation_look_alikes_silent(title):
    assert codes(one(title), {"TA807"}) == []


@pytest.mark.parametrize("title", DOMAIN_GRID)
def test_domain_grid_reported(title):
    assert codes(one(title), {"TA802"}) == ["TA802"]


@pytest.mark.parametrize("title", DOMAIN_SILENT)
def test_domain_look_alikes_silent(title):
    assert codes(one(title), {"TA802"}) == []


@pytest.mark.parametrize(
    "title",
    [
        "ΔDAS28-CRP",
        "Δ HOMA-IR",
        "NIHSS ≤ 4",
        "GOS 4-5",
        "EDSS ≥ 6",
        "Ctrough",
        "Cavg",
        "AUCtau",
        "AUC0-t",
        "% SpO2",
        "Cmax",  # NCT04779879 (tune part, CT.gov), secondary outcome with an empty description
        "AUClast",  # NCT04779879
    ],
)
def test_own_abbreviation_variants_reported(title):
    assert codes(one(title), {"TA807"}) == ["TA807"]


@pytest.mark.parametrize(
    "title",
    [
        "Cmax",  # with a description that spells it out: nothing to report
        "Costs",
        "Blast cells",
        "Tmax of drug X in plasma after a single dose",
        "Maximum observed plasma concentration (Cmax) of drug X",
        "Δ in body weight",
        "Mortality 0-2 days",
        "Grade ≥ 3 toxicities",
    ],
)
def test_own_abbreviation_look_alikes_silent(title):
    description = "Maximum observed plasma concentration" if title == "Cmax" else None
    assert codes(one(title, description=description), {"TA807"}) == []


@pytest.mark.parametrize(
    "title",
    [
        "Extent of clinical benefit",
        "Magnitude of response",
        "Main safety parameter",
        "Principal efficacy endpoint",
        "Global tolerability",
        "Secondary Outcome Measure",  # NCT05440721 (tune part, CT.gov)
        "Primary Outcome Measure:",  # NCT05440721
        "The Global Tolerance for Flexible Bronchoscopy",  # NCT01101477 (tune part, CT.gov); the scale is only in the description
    ],
)
def test_own_domain_variants_reported(title):
    assert codes(one(title), {"TA802"}) == ["TA802"]


@pytest.mark.parametrize(
    "title",
    [
        "Degree of hepatic fibrosis",
        "Extent of improvement in visual acuity",
        "Magnitude of the antibody response by ELISA",
        "Main efficacy variable: seizure frequency",
        "Level of physical activity",
        "Primary outcome measure: HbA1c at week 26",
    ],
)
def test_own_domain_look_alikes_silent(title):
    assert codes(one(title), {"TA802"}) == []


# --- TA803: a frequency with no period ----------------------------------------------------------


@pytest.mark.parametrize("time_frame", ["".join(c) for c in frequency_cells()])
def test_frequency_grid_reported(time_frame):
    assert codes(one("Change in HbA1c", time_frame=time_frame), {"TA803"}) == ["TA803"]


@pytest.mark.parametrize("time_frame", frequency_silent())
def test_frequency_with_length_or_event_silent(time_frame):
    assert codes(one("Change in HbA1c", time_frame=time_frame), {"TA803"}) == []


@pytest.mark.parametrize(
    "time_frame",
    [
        "Daily",  # IRCT20151227025726N12 (tune part, registries)
        "Weekly in short term phase, Monthly in long-term phase",  # NCT00000385 (tune part, CT.gov)
        "observed at least annually",  # NCT00003800
        "toxicity is assessed weekly",  # NCT00006487
        "Once each week during treatment",  # NCT00003254
        "fortnightly",
        "Thrice weekly throughout the programme",
        "every evening",
    ],
)
def test_own_frequency_variants_reported(time_frame):
    assert codes(one("Change in HbA1c", time_frame=time_frame), {"TA803"}) == ["TA803"]


@pytest.mark.parametrize(
    "time_frame",
    [
        "Daily for two weeks",
        "Weekly, weeks 1-8",
        "Day 1",
        "In the week of delivery",
        "Every day until hospital discharge",
        "Each morning before surgery",
    ],
)
def test_own_frequency_look_alikes_silent(time_frame):
    assert codes(one("Change in HbA1c", time_frame=time_frame), {"TA803"}) == []
