from trial_audit.checks._shared.history import both_sides, example, previous_version, version_name
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


def _has_results(record) -> bool | None:
    """Whether the version has posted results: its results flag, else its results first posted date."""
    flag = record.extra.get("has_results")
    if isinstance(flag, bool):
        return flag
    return True if "results_first_posted" in record.dates else None


@register
class ResultsWithdrawn(Rule):
    """A version had posted results and the next one has none.

    ## What it does

    Compares two versions of a record (`trial-audit diff`, or each change of a record's version
    history). Reports a new version without results (the registry's results flag is false, or
    there is no results first posted date) when the earlier version had them, quoting the
    results first posted date of the earlier version.

    Not reported: versions that do not say whether they have results (a format without the
    flag and without the date).

    ## Why it matters

    Posted results are the public record of what a trial found; they are not taken down for
    being inconvenient. Results that disappear leave patients, reviewers and meta-analyses with
    nothing, and FDAAA 801 requires results of applicable trials to stay posted.

    ## Fix

    If the results were removed by mistake or by an export, restore them; if the registry took
    them down for correction, say so and repost them.

    ## References

    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA486"
    name = "results-withdrawn"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example(
            {"dates": {"results_first_posted": ["2021-04-02", "ACTUAL"]}, "extra": {"has_results": True}}, extra={"has_results": False}
        ),
    ]
    good = [
        example({"dates": {"results_first_posted": ["2021-04-02", "ACTUAL"]}}, dates={"results_first_posted": ["2021-04-02", "ACTUAL"]}),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None or _has_results(old) is not True or _has_results(record) is not False:
            return
        posted = old.dates.get("results_first_posted")
        evidence, related = both_sides(
            record, "dates.results_first_posted", record.text("dates.results_first_posted"), old.text("dates.results_first_posted")
        )
        yield self.finding(
            f"The results posted in the earlier version{f' (first posted {posted.iso()})' if posted else ''} are gone in "
            f"{version_name(record)}. Restore them, or say why the registry took them down.",
            evidence=evidence,
            related=related,
        )
