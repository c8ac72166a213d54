import re

from trial_audit.checks._shared.outcomes import carries_outcomes, field, label, quote
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.outcome_text import TimePoint, assessment_points, is_span, same_time

_POINT_FORM = re.compile(r"\b(?:at|on)\b|\b(?:day|week|month|year)s?\s?[0-9]", re.I)


def _points_only(time_frame: str, points: list) -> bool:
    """The time frame lists time points ("Baseline, week 4, week 12", "At 6 months"), not a period."""
    return not is_span(time_frame) and (len(points) >= 2 or bool(_POINT_FORM.search(time_frame)))


#: a time point the title says the measure is assessed at: "at week 16", "by month 6", "after 12 weeks"
_ASSESSED_AT = re.compile(r"(?<![A-Za-z])(?:at|by|on|after)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


def disagreement(title: str, time_frame: str) -> tuple[TimePoint, TimePoint] | None:
    """The title's time point and the time frame's that disagree, or None. Either no time point of
    the title is in the time frame (all beyond it, or the frame lists points only), or, when an
    earlier one is, the title's last time point, on its own and introduced as when the measure is
    assessed ("at week 16"), is in none of the frame's listed points nor within its longest period
    ("... at 12 months at 16 weeks" against "Baseline and week 52": the title promises an
    assessment the time frame does not have). An earlier point that disagrees is mostly a reference
    or a predictor ("findings at year 1 as predictors of findings at year 3"), and a list of points
    in the title is mostly the frame's own list written another way, so neither is reported."""
    in_frame = assessment_points(time_frame)
    shortest = min((f.days for f in in_frame), default=0.0)
    # minutes and hours in a title are mostly a test's length ("6-minute walk", "24-hour urine")
    in_title = [t for t in assessment_points(title) if t.days >= 1 or shortest < 1]
    if not in_title or not in_frame:
        return None
    longest = max(f.days for f in in_frame)
    points_only = _points_only(time_frame, in_frame)
    if any(same_time(t, f) for t in in_title for f in in_frame):
        # the title's last time point, on its own (not one of a list: "at 4, 8 and 12 weeks"), after
        # one that agrees, and introduced as when it is assessed ("at 16 weeks", "by month 6")
        last = in_title[-1]
        alone = sum(1 for t in in_title if t.start == last.start) == 1
        earlier_agrees = any(same_time(t, f) for t in in_title[:-1] for f in in_frame if t.start != last.start)
        assessed_at = _ASSESSED_AT.search(title, max(0, last.start - 20), last.start)
        if alone and earlier_agrees and assessed_at and not any(same_time(last, f) for f in in_frame):
            if points_only or last.days > 1.1 * longest:
                return last, in_frame[0]
        return None
    beyond = all(t.days > 1.1 * longest for t in in_title)
    if not beyond and not points_only:
        return None  # a period ("26 weeks", "up to 1 year") that contains the title's time point
    return in_title[0], in_frame[0]


@register
class OutcomeTitleTimeDisagrees(Rule):
    """A time point in an outcome's title disagrees with its time frame.

    ## What it does

    Reports an outcome measure whose title names a time point ("HbA1c at week 24") that its
    time frame does not have ("Week 12", "Baseline, week 4 and week 12"). Time points are
    compared in days: in the same unit they must be equal ("day 28" is not "day 30"), across
    units within 10 % (12 weeks and 3 months are the same). When the time frame is a period
    ("up to 12 months", "baseline to week 24", "26 weeks"), a title time point inside it agrees;
    only one after the period's end is reported. Each line of a time frame ("Day 30 <br>Day 90",
    line breaks) is one of its time points. Minutes and hours in a title are left out
    unless the time frame is in minutes or hours too: they mostly name a test's length
    ("6-minute walk test", "24-hour urine"); so are ages ("participants aged 65 years", "24 weeks'
    gestation"). The length of a method's step is not when the outcome is assessed and is left
    out on both sides: an incubation or culture ("cell culture medium 96 hours after
    inoculation", "incubated for 48 hours"), a sample's storage ("stored for up to 6 months"), an
    infusion, exposure or fast shorter than a day ("infused over 2 hours", "a 4-hour exposure").
    When an earlier time point of the title agrees with the time frame, the title's last one, on its
    own and introduced as when the measure is assessed ("... at 12 months at 16 weeks" against
    "Baseline and week 52"), is still reported if the time frame does not have it; an earlier
    disagreeing point (a reference, a predictor) or a list of points is not.

    ## Why it matters

    Two different time points for one measure leave readers (and the registry's results
    review) unable to tell which one the result belongs to; it is often an edit of one field
    that missed the other.

    ## Fix

    Make the title and the time frame name the same time point(s); keep the time points in the
    time frame and take them out of the title if in doubt.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - the Title, Description and
      Time Frame must be consistent (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    """

    code = "TA804"
    name = "outcome-title-time-disagrees"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c at week 24", "time_frame": "Week 12"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Pain score at week 6", "time_frame": "Baseline, week 4 and week 12"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "6-month survival", "time_frame": "Up to 3 months"}]},
    ]
    good = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c at 12 weeks", "time_frame": "3 months"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "6-month survival", "time_frame": "Up to 12 months"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "12 weeks"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "6-minute walk distance", "time_frame": "Week 12"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "HbA1c at week 8", "time_frame": "26 weeks"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Colony count in cultures incubated for 48 hours", "time_frame": "Week 12"}]},
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record):
            return
        for k, o in enumerate(record.outcomes):
            title, tf = o.title or "", o.time_frame or ""
            found = disagreement(title, tf)
            if found is None:
                continue
            t, f = found
            yield self.finding(
                f'The title of {label(record, k)} names "{t.text}" but its time frame is "{quote(tf)}". '
                "Make the title and the time frame name the same time point.",
                evidence=Evidence(field(k, "title"), t.text, t.start, t.start + len(t.text)),
                related=[Evidence(field(k, "time_frame"), f.text, f.start, f.start + len(f.text))],
                suggestion="Make the title's time point and the time frame agree.",
            )
