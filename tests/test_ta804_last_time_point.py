"""TA804, round 7: a title whose earlier time point agrees with the time frame but whose last one,
introduced as when the measure is assessed, is not in it. Look-alikes are real tune-part titles that
a first version reported (record ids in comments)."""

from __future__ import annotations

import pytest

from trial_audit.checks.ta804_outcome_title_time_disagrees import disagreement


@pytest.mark.parametrize(
    ("title", "time_frame", "quoted"),
    [
        ("Change in HbA1c at 12 months at 16 weeks", "Baseline and week 52", "16 weeks"),
        ("Proportion of responders at week 12, assessed by month 9", "Baseline and week 12", "month 9"),
        ("Pain score during 4 weeks of treatment at 7 days", "Day 28", "7 days"),
        ("Incidence of infection up to one year after surgery at month 16", "Baseline and month 12", "month 16"),
    ],
)
def test_a_last_assessment_time_the_time_frame_does_not_have(title, time_frame, quoted):
    found = disagreement(title, time_frame)
    assert found is not None and found[0].text == quoted


@pytest.mark.parametrize(
    ("title", "time_frame"),
    [
        # an earlier point is a predictor, not an assessment time (NCT00005094)
        ("Adenoma findings at year 1 colonoscopy as predictors of adenoma findings at year 3 colonoscopy", "Year 3"),
        # a list of points written another way than the frame's (NCT00460746, NCT00495469)
        ("CD4+ Cell Count: Baseline and Median Changes From Baseline at 4, 8, 12, 16, 24, 36 and 48 Weeks.", "Week 48"),
        ("Mean Change From Baseline in HbA1c at Weeks 4 and 8", "Baseline (Week 0) and at Week 4 nad 8"),
        # an ordinal day before the agreeing ones (NCT00490204)
        (
            "Investigator global improvement rating on the first day of Treatment Week 2 (Day 8) and the final observation day (Day 15)",
            "Day 8 and Day 15 or DC",
        ),
        # the last point agrees
        ("Changes in Fibrosis From Baseline at Year 2 or Year 4 Biopsy.", "1400 days (3.85 years) post randomization"),  # NCT00006164
        ("HbA1c at week 12 and at week 24", "Week 12 and week 24"),
    ],
)
def test_predictors_lists_and_agreeing_last_points_are_not_reported(title, time_frame):
    assert disagreement(title, time_frame) is None
