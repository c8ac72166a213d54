from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

#: findings per record for single event terms (the group totals are always reported)
MAX_TERM_FINDINGS = 3


@register
class AdverseEventsExceedAtRisk(Rule):
    """More participants are affected by adverse events than are at risk in the group.

    ## What it does

    Reports an adverse-event group whose number of participants affected (serious, other, or
    deaths; in total, or for one event term) is larger than its number at risk. Group totals
    are always reported; single event terms up to three per record, the last saying how many
    more there are.

    ## Why it matters

    The number at risk is the denominator of every adverse-event rate; a count above it makes
    the safety table impossible, and usually means a number of events was entered where the
    number of participants belongs.

    ## Fix

    Correct the number of participants affected (participants, not events) or the number at
    risk for the group.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, Results Section, "Adverse Events": the number of
      participants affected cannot exceed the number at risk
      (https://prsinfo.clinicaltrials.gov/ResultsDetailedReviewItems.pdf)
    """

    code = "TA905"
    name = "adverse-events-exceed-at-risk"
    category = Category.RESULTS
    severity = Severity.ERROR
    bad = [
        {"results": {"events": [{"group": "EG000", "title": "Placebo", "kind": "serious", "affected": 12, "at_risk": 10}]}},
        {"results": {"events": [{"group": "EG001", "title": "Drug", "kind": "other", "term": "Headache", "affected": 31, "at_risk": 30}]}},
    ]
    good = [
        {"results": {"events": [{"group": "EG000", "title": "Placebo", "kind": "serious", "affected": 10, "at_risk": 10}]}},
    ]

    def check(self, record, ctx):
        res = record.results
        if res is None:
            return
        excess = [(i, e) for i, e in enumerate(res.events) if e.affected is not None and e.at_risk is not None and e.affected > e.at_risk]
        totals = [(i, e) for i, e in excess if e.term is None]
        terms = [(i, e) for i, e in excess if e.term is not None]
        shown = terms[:MAX_TERM_FINDINGS]
        for i, e in totals + shown:
            if e.term is not None:
                what = f'"{e.term}" ({e.kind} adverse events)'
            else:
                what = "deaths" if e.kind == "deaths" else f"{e.kind} adverse events in total"
            more = ""
            if shown and (i, e) == shown[-1] and len(terms) > len(shown):
                more = f" ({len(terms) - len(shown)} more event terms show the same)"
            yield self.finding(
                f'In group "{e.title or e.group}", {e.affected} participants are affected by {what} but only {e.at_risk} are at '
                f"risk{more}. Correct the number affected (participants, not events) or the number at risk.",
                evidence=Evidence(f"results.events[{i}].affected", str(e.affected), 0, len(str(e.affected))),
                related=[Evidence(f"results.events[{i}].at_risk", str(e.at_risk), 0, len(str(e.at_risk)))],
                suggestion="Make the number of participants affected no larger than the number at risk.",
            )
