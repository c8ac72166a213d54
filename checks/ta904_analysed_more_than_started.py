from trial_audit.checks._shared.outcomes import quote
from trial_audit.checks._shared.results import group_key, started_by_group
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class AnalysedMoreThanStarted(Rule):
    """More participants are analysed in an outcome than started in that group.

    ## What it does

    For each reported outcome measure counted in participants, compares the number analysed in
    each group with the number who STARTED the participant flow in the group of the same title
    (titles compared without case, punctuation or a leading "1." / "Arm A:"). Reports a group
    analysed with more participants than started; one finding per group, naming how many
    outcome measures show it. Groups whose titles differ between the tables (crossover
    sequences against treatments, pooled groups) are not compared.

    ## Why it matters

    No one can be analysed who did not take part: the numbers in one of the tables are wrong,
    and with them the percentages and the analyses built on them.

    ## Fix

    Correct the number analysed or the number started for the group (or the group's title if
    two different groups share it).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, Results Section, "Outcome Measures": the overall
      number of participants analysed must not exceed the number who started in the group
      (https://prsinfo.clinicaltrials.gov/ResultsDetailedReviewItems.pdf)
    """

    code = "TA904"
    name = "analysed-more-than-started"
    category = Category.RESULTS
    severity = Severity.ERROR
    bad = [
        {
            "results": {
                "flow_started": [{"title": "Placebo", "count": 50}, {"title": "Drug X", "count": 52}],
                "outcomes": [
                    {"kind": "PRIMARY", "title": "HbA1c", "analysed": [{"title": "Placebo", "count": 50}, {"title": "Drug X", "count": 60}]}
                ],
            }
        },
    ]
    good = [
        {
            "results": {
                "flow_started": [{"title": "Placebo", "count": 50}, {"title": "Drug X", "count": 52}],
                "outcomes": [
                    {
                        "kind": "PRIMARY",
                        "title": "HbA1c",
                        "analysed": [{"title": "1. Placebo", "count": 48}, {"title": "2. Drug X", "count": 52}],
                    }
                ],
            }
        },
    ]

    def check(self, record, ctx):
        started = started_by_group(record)
        if not started or record.results is None:
            return
        first: dict[str, tuple[int, int]] = {}  # group key -> (outcome index, count index) of the first excess
        times: dict[str, int] = {}
        for i, o in enumerate(record.results.outcomes):
            for j, g in enumerate(o.analysed):
                key = group_key(g.title)
                s = started.get(key)
                if s is None or g.count is None or s.count is None or g.count <= s.count:
                    continue
                first.setdefault(key, (i, j))
                times[key] = times.get(key, 0) + 1
        flow = record.results.flow_started
        for key, (i, j) in first.items():
            o = record.results.outcomes[i]
            g, s = o.analysed[j], started[key]
            n = times[key]
            also = f" ({n} outcome measures show more analysed than started in this group)" if n > 1 else ""
            f_index = next(x for x, fg in enumerate(flow) if fg is s)
            yield self.finding(
                f'The outcome "{quote(o.title)}" analyses {g.count} participants in group "{g.title}", but only {s.count} '
                f"started in that group{also}. Correct the number analysed or the number started.",
                evidence=Evidence(f"results.outcomes[{i}].analysed[{j}].count", g.raw or str(g.count), 0, len(g.raw or str(g.count))),
                related=[Evidence(f"results.flow_started[{f_index}].count", s.raw or str(s.count), 0, len(s.raw or str(s.count)))],
                suggestion="Correct the number analysed or started so that no group analyses more participants than started.",
            )
