from trial_audit.checks._shared.history import (
    PREFIX,
    both_sides,
    example,
    previous_version,
    quoted,
    same_outcome,
    started_before_change,
    version_name,
)
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class PrimaryOutcomeChangedAfterStart(Rule):
    """A primary outcome was added, removed or reworded after the study had started.

    ## What it does

    Compares the primary outcome measures of two versions of a record (`trial-audit diff`, or
    each change of a record's version history). Reports each primary outcome the new version
    added, and each one it removed, when the study had started before the change: the earlier
    version gave an actual start date, or the new one gives an actual start date before the new
    version's date. A reworded outcome is reported as removed and added, both quoted.

    Not reported: a change in case or white space only; the same measure given with its
    description and time frame appended ("Survival" and "Survival, All cause mortality, 12 months":
    the search page's CSV export writes outcomes so); a version that lists no primary outcome at
    all (its source may not carry them; completeness rules report a missing one); changes before
    the study started (the protocol may change freely until then); secondary outcomes.

    ## Why it matters

    Outcome switching - replacing the primary outcome once data are coming in - is the best
    documented form of selective reporting (COMPare found it in most trials it checked). Readers
    of the results cannot tell a pre-specified outcome from one chosen after the fact unless the
    registry's history shows the change; reviewers and journals ask for it to be explained.

    ## Fix

    If the change is real, state when and why the primary outcome changed (in the detailed
    description or the results' limitations) and report the original outcome too. If it is an
    entry error, restore the registered primary outcome.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Primary Outcome Measure)
    - WHO Trial Registration Data Set, item 19 (Primary Outcome(s))
    """

    code = "TA480"
    name = "primary-outcome-changed-after-start"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example(
            {"primary_outcomes": ["Change in HbA1c from baseline to week 24"], "dates": {"start": ["2019-03", "ACTUAL"]}},
            primary_outcomes=["Change in body weight from baseline to week 24"],
            dates={"start": ["2019-03", "ACTUAL"], "last_update_posted": ["2020-06-01", "ACTUAL"]},
        ),
    ]
    good = [
        # reworded before the study started
        example(
            {"primary_outcomes": ["HbA1c"], "dates": {"start": ["2024-09", "ESTIMATED"]}},
            primary_outcomes=["Change in HbA1c from baseline to week 24"],
            dates={"start": ["2024-09", "ESTIMATED"], "last_update_posted": ["2024-05-02", "ACTUAL"]},
        ),
        # the same outcome, spaced differently
        example(
            {"primary_outcomes": ["Overall  survival"], "dates": {"start": ["2019-03", "ACTUAL"]}},
            primary_outcomes=["overall survival"],
            dates={"start": ["2019-03", "ACTUAL"]},
        ),
        # the same measure with its description and time frame, as a CSV export writes it
        example(
            {"primary_outcomes": ["Survival"], "dates": {"start": ["2020-01-01", "ACTUAL"]}},
            primary_outcomes=["Survival, All cause mortality to be assessed, 12 months"],
            dates={"start": ["2020-01-01", "ACTUAL"]},
        ),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None or not old.primary_outcomes or not record.primary_outcomes:
            return  # a version that lists none: its source may not carry them (completeness rules report a missing one)
        start = started_before_change(old, record)
        if start is None:
            return
        when = version_name(record)
        for i, outcome in enumerate(record.primary_outcomes):
            if not any(same_outcome(outcome, o) for o in old.primary_outcomes):
                evidence, related = both_sides(record, f"primary_outcomes[{i}]", outcome, "; ".join(old.primary_outcomes) or None)
                yield self.finding(
                    f"Primary outcome {quoted(outcome)} was added in {when}, after the study started ({start}); the earlier "
                    f"version's primary outcomes were {quoted('; '.join(old.primary_outcomes))}. Explain the change in the "
                    "record, or restore the registered outcome.",
                    evidence=evidence,
                    related=related,
                )
        for i, outcome in enumerate(old.primary_outcomes):
            if not any(same_outcome(outcome, o) for o in record.primary_outcomes):
                evidence, _ = both_sides(record, "primary_outcomes", "; ".join(record.primary_outcomes) or None, None)
                related = [Evidence.whole(f"{PREFIX}primary_outcomes[{i}]", outcome)]
                yield self.finding(
                    f"Primary outcome {quoted(outcome)} was removed in {when}, after the study started ({start}); the "
                    f"primary outcomes are now {quoted('; '.join(record.primary_outcomes))}. Explain the change in the "
                    "record and report the original outcome too, or restore it.",
                    evidence=evidence,
                    related=related,
                )
