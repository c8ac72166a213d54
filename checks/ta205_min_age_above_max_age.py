from trial_audit.checks._shared.age import structured_evidence
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class MinAgeAboveMaxAge(Rule):
    """The structured minimum age is above the structured maximum age.

    ## What it does

    Ages are compared in years after converting months, weeks, days and hours.

    Compares: structured min > structured max (after unit conversion).

    ## Why it matters

    No one can be eligible for a range like "65 Years" to "18 Years"; the registry's age
    filter hides the trial from everyone (or shows it to everyone, depending on the service),
    and patients reading the record cannot tell who may join. It is usually the two fields
    swapped, or a unit slip ("18 Years" to "6 Months" for 6 years).

    ## Fix

    Swap or correct the limits.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA205"
    name = "min-age-above-max-age"
    category = Category.AGE
    severity = Severity.ERROR
    bad = [
        {"minimum_age": "65 Years", "maximum_age": "18 Years"},
        {"minimum_age": "2 Years", "maximum_age": "18 Months"},
    ]
    good = [
        {"minimum_age": "18 Years", "maximum_age": "65 Years"},
        {"minimum_age": "18 Months", "maximum_age": "2 Years"},
        {"minimum_age": "18 Years", "maximum_age": "18 Years"},
        {"minimum_age": "18 Years", "maximum_age": "N/A"},
    ]

    def check(self, record, ctx):
        mn, mx = record.minimum_age, record.maximum_age
        if mn is None or mx is None or mn.years <= mx.years + 1e-9:
            return
        hint = ""
        if mn.unit != mx.unit:
            hint = " The units differ: one of them is likely a unit slip."
        yield self.finding(
            f"The minimum age {record.minimum_age_raw!r} is above the maximum age {record.maximum_age_raw!r}: "
            f"no one is eligible.{hint} Swap or correct the limits.",
            evidence=structured_evidence(record, "min"),
            related=[structured_evidence(record, "max")],
        )
