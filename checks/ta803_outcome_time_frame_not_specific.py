import dataclasses

from trial_audit.checks._shared.outcomes import carries_outcomes, field, label, not_required_then, quote, whole
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import carries
from trial_audit.text.outcome_text import bare_number, time_point_labels, unitless_numbers, unspecific


@register
class OutcomeTimeFrameNotSpecific(Rule):
    """An outcome measure's time frame is missing, a bare number, or names no time point.

    ## What it does

    Reports an outcome measure (with a title) whose time frame is:

    - missing or blank (in a format with a time-frame field: the WHO ICTRP exports give the time
      frame only inside the outcome text, so an outcome without one there is not reported);
    - a bare number with no unit ("12", "0, 6, 12", "0/6/12": days, weeks or months?), also with words around
      the numbers that give them none ("At 3", "Up to 20", "Between 6 and 12", "Baseline, 6, 12", "6 and 12
      post-op"), or time-point codes with no time ("T0, T1, T2"); a unit anywhere ("Day 0, 7, 14", "at 3 and
      6 mths", "Visit 3") is read as shared by the numbers;
    - not specific: no number, no unit of time and no clinical event a reader can check
      ("Throughout the study", "End of study", "Long term", "Ongoing"); the study's own course and its
      unnumbered or final visits anchor nothing ("Over the course of the trial", "At each visit", "At the final visit",
      "Post-treatment", as "After treatment"), and nor does a frequency ("Daily", "Weekly", "Once a week": how often,
      not when or for how long), unless a number, a unit or an event is also given.

    Time frames that name an event ("At discharge", "Day of surgery", "Baseline") are specific, and so
    is a period bounded by clinical events ("From start to end of all protocol therapy", "from
    registration until treatment failure"): it lacks an "assessed up to ..." limit, but a reader can
    check it against the record, so it is not reported. A period of the study itself ("From start
    to end of study") is not specific. The one occasion of a one-off survey or interview ("at the time
    of survey", "during the survey administration", "at response date", "on completion of the
    questionnaire", "cross-sectional, single time point") is a time point: a cross-sectional measure is
    taken when the participant answers. A method named without a time ("online questionnaire") or a
    time frame that says it has no time point is still reported.
    A study that ended, or a record last updated, before FDAAA made time frames required data
    elements (2007-12-26) gets a note (info) for a missing time frame.

    ## Why it matters

    The time frame says when the measure is assessed; without it (or with "12" of no unit) the
    result cannot be compared with the plan, and a result at any time point could be reported
    as the primary one.

    ## Fix

    Give the specific time point(s) or period: "Baseline and week 24", "Up to 30 days after the
    last dose", "From randomisation to death from any cause, assessed up to 5 years".

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - Time Frame: specific and
      relevant time point(s), with units; a duration "for the study" is not specific
      (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    - ClinicalTrials.gov Protocol Registration Data Element Definitions, "Outcome Measure Time Frame":
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA803"
    name = "outcome-time-frame-not-specific"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "12"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "Throughout the study"}]},
        {"outcomes": [{"kind": "SECONDARY", "title": "Change in HbA1c", "time_frame": None}]},
    ]
    good = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": "Baseline and week 12"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Length of stay", "time_frame": "From admission to hospital discharge"}]},
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record):
            return
        why_not: str | None = None
        era_checked = False
        for k, o in enumerate(record.outcomes):
            if not (o.title or "").strip():
                continue
            tf = (o.time_frame or "").strip()
            what = label(record, k)
            if not tf:
                if not carries(record, "outcome_time_frames"):
                    continue  # the format has no time-frame field (ICTRP): an absent one is not a missing one
                if not era_checked:
                    why_not, era_checked = not_required_then(record), True
                finding = self.finding(
                    f'{what.capitalize()} ("{quote(o.title)}") has no time frame'
                    + (f"; {why_not}." if why_not else ". Give the time point(s) at which it is assessed."),
                    evidence=Evidence(field(k, "time_frame"), o.time_frame or "", 0, 0),
                    related=[whole(record, k, "title")],
                    suggestion="Give the time point(s) or period at which the measure is assessed.",
                )
                yield finding if why_not is None else dataclasses.replace(finding, severity=Severity.INFO)
            elif bare_number(tf):
                numbers = unitless_numbers(tf)
                what_is_wrong = (
                    "time-point codes with no time (when is each one?)"
                    if time_point_labels(tf)
                    else "a number with no unit (days, weeks, months?)"
                    if len(numbers) <= 1
                    else f"the numbers {', '.join(numbers)} have no unit (days, weeks, months?)"
                )
                counts = "the number counts" if len(numbers) <= 1 else "the numbers count"
                yield self.finding(
                    f'The time frame of {what} is "{quote(tf)}": {what_is_wrong}. Say what {counts} and from when.',
                    evidence=whole(record, k, "time_frame"),
                    related=[whole(record, k, "title")],
                    suggestion="Add the unit and the reference point to the time frame (e.g. '12 weeks after randomisation').",
                )
            elif unspecific(tf):
                yield self.finding(
                    f'The time frame of {what}, "{quote(tf)}", names no time point or period a reader can check. '
                    "Give the time point(s), or the period with its length (e.g. 'up to 2 years').",
                    evidence=whole(record, k, "time_frame"),
                    related=[whole(record, k, "title")],
                    suggestion="Give specific time point(s) or a period with its length.",
                )
