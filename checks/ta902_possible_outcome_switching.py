import re

from rapidfuzz import fuzz

from trial_audit.checks._shared.outcomes import label, quote, whole
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

_NON_WORD = re.compile(r"[^0-9a-z]+")
#: token-sort similarity (0-100) at or above which two titles name the same measure: word order,
#: case and punctuation do not count; a title whose words all occur in the other ("Overall
#: survival" / "Overall Survival (OS)") is the same measure too
SAME_MEASURE = 80


def _norm(text: str | None) -> str:
    return _NON_WORD.sub(" ", (text or "").casefold()).strip()


def _score(a: str, b: str) -> float:
    wa, wb = set(a.split()), set(b.split())
    if wa <= wb or wb <= wa:
        return 100.0
    return fuzz.token_sort_ratio(a, b)


def _best(title: str, candidates: list[tuple[int, str]]) -> tuple[int | None, float]:
    best, score = None, 0.0
    for k, other in candidates:
        s = _score(title, other)
        if s > score:
            best, score = k, s
    return best, score


@register
class PossibleOutcomeSwitching(Rule):
    """A primary outcome in the results is not among the registered primary outcomes (possible outcome switching).

    ## What it does

    Compares each primary outcome reported in the results section with the registered primary
    outcome measures of the protocol section, by fuzzy title similarity (rapidfuzz token-set
    ratio, at least 80 of 100 counts as the same measure). Reports a results primary outcome
    that matches no registered primary one, saying when it matches a registered secondary
    outcome instead (a secondary promoted to primary).

    ## Why it matters

    Reporting a different primary outcome from the one registered (outcome switching) lets a
    trial present a favourable end point as the one it was designed for; registries record the
    primary outcome in advance precisely to make that visible.

    ## Fix

    If the results are right, correct the registered primary outcome (with a note of when and
    why it changed); if the registration is right, report the registered primary outcome as
    primary in the results.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, Results Section, "Outcome Measures": results must
      be reported for each registered primary outcome measure, consistent with the protocol section
      (https://prsinfo.clinicaltrials.gov/ResultsDetailedReviewItems.pdf)
    - COMPare (Goldacre et al., Trials 2019): outcome switching in trials and how it is detected
    """

    code = "TA902"
    name = "possible-outcome-switching"
    category = Category.RESULTS
    severity = Severity.WARNING
    bad = [
        {
            "outcomes": [
                {"kind": "PRIMARY", "title": "Change in HbA1c from baseline", "time_frame": "Week 24"},
                {"kind": "SECONDARY", "title": "Body weight", "time_frame": "Week 24"},
            ],
            "results": {"outcomes": [{"kind": "PRIMARY", "title": "Body Weight", "time_frame": "Week 24"}]},
        },
    ]
    good = [
        {
            "outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c from baseline", "time_frame": "Week 24"}],
            "results": {"outcomes": [{"kind": "PRIMARY", "title": "Change From Baseline in HbA1c", "time_frame": "Week 24"}]},
        },
    ]

    def check(self, record, ctx):
        res = record.results
        if res is None or not record.outcomes:
            return
        primaries = [(k, _norm(o.title)) for k, o in enumerate(record.outcomes) if o.kind == "PRIMARY" and _norm(o.title)]
        others = [(k, _norm(o.title)) for k, o in enumerate(record.outcomes) if o.kind != "PRIMARY" and _norm(o.title)]
        if not primaries:
            return  # TA801 reports a study with no registered primary outcome
        for i, r in enumerate(res.outcomes):
            title = _norm(r.title)
            if r.kind != "PRIMARY" or not title:
                continue
            k, score = _best(title, primaries)
            if score >= SAME_MEASURE:
                continue
            field = f"results.outcomes[{i}].title"
            evidence = Evidence(field, r.title or "", 0, len(r.title or ""))
            j, other_score = _best(title, others)
            if j is not None and other_score >= SAME_MEASURE:
                yield self.finding(
                    f'The results report "{quote(r.title)}" as a primary outcome, but it is registered as {label(record, j)}; '
                    f'the registered primary outcome is "{quote(record.outcomes[primaries[0][0]].title)}". Report the registered '
                    "primary outcome as primary, or correct the registration and explain the change.",
                    evidence=evidence,
                    related=[whole(record, j, "title"), whole(record, primaries[0][0], "title")],
                    suggestion="Make the results' primary outcomes those registered as primary, or document the change.",
                )
                continue
            closest = k if k is not None else primaries[0][0]
            yield self.finding(
                f'The results report "{quote(r.title)}" as a primary outcome, which matches none of the registered primary '
                f'outcomes (closest: "{quote(record.outcomes[closest].title)}", similarity {score:.0f}/100). Check for outcome '
                "switching: report the registered primary outcome, or correct the registration and explain the change.",
                evidence=evidence,
                related=[whole(record, closest, "title")],
                suggestion="Make the results' primary outcomes those registered as primary, or document the change.",
            )
