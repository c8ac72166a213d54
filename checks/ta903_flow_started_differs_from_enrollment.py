from trial_audit.checks._shared.results import flow_evidence
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class FlowStartedDiffersFromEnrollment(Rule):
    """The participants who started in the participant flow differ from the actual enrollment.

    ## What it does

    Adds up the participants STARTED in the results' participant flow and compares the total
    with the record's actual enrollment. Reports a difference, except when the enrollment is an
    estimate, a group's number is missing, the flow has several periods (a participant can be
    counted in a group of each), or the flow's pre-assignment details are filled in (where the
    registry asks for the difference to be explained; whether they explain it is for a person
    to judge).

    ## Why it matters

    The actual enrollment and the participants who started are the same people counted twice;
    when they differ, one of them is wrong, or participants were enrolled but never assigned
    and the record does not say so. Either way the denominators of every result are in doubt.

    ## Fix

    Correct the actual enrollment or the participant flow; if participants were enrolled but
    not started (screen failures after consent), say so in the participant flow's pre-assignment
    details.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, Results Section, "Participant Flow": the number
      STARTED should be consistent with the actual enrollment, or the difference explained
      (https://prsinfo.clinicaltrials.gov/ResultsDetailedReviewItems.pdf)
    """

    code = "TA903"
    name = "flow-started-differs-from-enrollment"
    category = Category.RESULTS
    severity = Severity.WARNING
    bad = [
        {
            "enrollment": 120,
            "enrollment_type": "ACTUAL",
            "results": {"flow_started": [{"title": "Placebo", "count": 50}, {"title": "Drug", "count": 52}]},
        },
    ]
    good = [
        {
            "enrollment": 102,
            "enrollment_type": "ACTUAL",
            "results": {"flow_started": [{"title": "Placebo", "count": 50}, {"title": "Drug", "count": 52}]},
        },
        {
            "enrollment": 120,
            "enrollment_type": "ESTIMATED",
            "results": {"flow_started": [{"title": "Placebo", "count": 50}, {"title": "Drug", "count": 52}]},
        },
    ]

    def check(self, record, ctx):
        res = record.results
        if res is None or not res.flow_started or record.enrollment is None or record.enrollment_type != "ACTUAL":
            return
        if any(g.count is None for g in res.flow_started) or res.flow_periods > 1:
            return  # with several periods, participants may be counted in more than one group
        if (res.flow_note or "").strip():
            return  # the pre-assignment details are where the registry wants a difference explained
        started = sum(g.count or 0 for g in res.flow_started)
        if started == record.enrollment:
            return
        groups = "; ".join(f"{g.title or g.group}: {g.count}" for g in res.flow_started[:6])
        more = " ..." if len(res.flow_started) > 6 else ""
        text = str(record.enrollment)
        yield self.finding(
            f"The participant flow shows {started} participants started ({groups}{more}) but the actual enrollment is "
            f"{record.enrollment}. Correct one of them, or explain the difference in the participant flow.",
            evidence=Evidence("enrollment", text, 0, len(text)),
            related=flow_evidence(record),
            suggestion="Make the actual enrollment and the participants started agree, or explain the difference.",
        )
