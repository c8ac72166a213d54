import re

from trial_audit.checks._shared.outcomes import carries_outcomes, field, label, quote
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.outcome_text import assessment_points, is_span, same_time

_POINT_FORM = re.compile(r"\b(?:at|on)\b|\b(?:day|week|month|year)s?\s?[0-9]", re.I)


def _points_only(time_frame: str, points: list) -> bool:
    """The time frame lists time points ("Baseline, week 4, week 12", "At 6 months"), not a period."""
    return not is_span(time_frame) and (len(points) >= 2 or bool(_POINT_FORM.search(time_frame)))


@register
class OutcomeTitleTimeDisagrees(Rule):
    """A time point in an outcome's title disagrees with its time frame.

    ## What it does

    Reports an outcome measure whose title names a time point ("HbA1c at week 24") that its
    time frame does not have ("Week 12", "Baseline, week 4 and week 12"). Time points are
    compared in days: in the same unit they must be equal ("day 28" is not "day 30"), across
    units within 10 % (12 weeks and 3 months are the same). When the time frame is a period
    ("up to 12 months", "baseline to week 24", "26 weeks"), a title time point inside it agrees;
    only one after the period's end is reported. Minutes and hours in a title are left out
    unless the time frame is in minutes or hours too: they mostly name a test's length
    ("6-minute walk test", "24-hour urine"); so are ages ("participants aged 65 years", "24 weeks'
    gestation"). The length of a method's step is not when the outcome is assessed and is left
    out on both sides: an incubation or culture ("cell culture medium 96 hours after
    inoculation", "incubated for 48 hours"), a sample's storage ("stored for up to 6 months"), an
    infusion, exposure or fast shorter than a day ("infused over 2 hours", "a 4-hour exposure").

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
            in_frame = assessment_points(tf)
            shortest = min((f.days for f in in_frame), default=0.0)
            # minutes and hours in a title are mostly a test's length ("6-minute walk", "24-hour urine")
            in_title = [t for t in assessment_points(title) if t.days >= 1 or shortest < 1]
            if not in_title or not in_frame:
                continue
            if any(same_time(t, f) for t in in_title for f in in_frame):
                continue
            beyond = all(t.days > 1.1 * max(f.days for f in in_frame) for t in in_title)
            if not beyond and not _points_only(tf, in_frame):
                continue  # a period ("26 weeks", "up to 1 year") that contains the title's time point
            t, f = in_title[0], in_frame[0]
            yield self.finding(
                f'The title of {label(record, k)} names "{t.text}" but its time frame is "{quote(tf)}". '
                "Make the title and the time frame name the same time point.",
                evidence=Evidence(field(k, "title"), t.text, t.start, t.start + len(t.text)),
                related=[Evidence(field(k, "time_frame"), f.text, f.start, f.start + len(f.text))],
                suggestion="Make the title's time point and the time frame agree.",
            )
