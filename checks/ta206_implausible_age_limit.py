import re

from trial_audit.checks._shared.age import ABSENT_AGE, structured_evidence
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register

_NUMBER_UNIT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]+)")


@register
class ImplausibleAgeLimit(Rule):
    """A structured age limit cannot be read, or is one no one can meet (a maximum age of 0).

    ## What it does

    Reports a record when a structured age limit cannot be read, or is one no one can meet (a maximum
    age of 0).

    Compares: a structured age that cannot be read ("18 Yeras", "65") or a maximum of 0 (> 120 years is
    TA012's).

    ## Why it matters

    The registry's age filter and matching services read these fields as "<number>
    <unit>". "18 Yeras", "eighteen", "18" without a unit or "0 Years" as a maximum are read as
    no limit, or exclude everyone, so the trial is shown to the wrong patients. (Values above
    120 years are reported by TA012; a minimum above the maximum by TA205.)

    ## Fix

    Enter the limit as a number and a unit ("18 Years", "6 Months"), or "N/A" for no limit.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA206"
    name = "implausible-age-limit"
    category = Category.AGE
    severity = Severity.WARNING
    bad = [{"minimum_age": "18 Yeras"}, {"minimum_age": "N/A", "maximum_age": "0 Years"}, {"maximum_age": "65"}]
    good = [
        {"minimum_age": "18 Years", "maximum_age": "N/A"},
        {"minimum_age": "0 Days", "maximum_age": "28 Days"},
        {"minimum_age": "6 Months"},
    ]

    def check(self, record, ctx):
        for side, raw, parsed in (
            ("min", record.minimum_age_raw, record.minimum_age),
            ("max", record.maximum_age_raw, record.maximum_age),
        ):
            word = "minimum" if side == "min" else "maximum"
            if raw is None or ABSENT_AGE.match(raw):
                continue
            if parsed is None:
                m = _NUMBER_UNIT.match(raw)
                why = f"the unit {m.group(2)!r} is not one the registry uses" if m else "it is not a number and a unit"
                yield self.finding(
                    f"The {word} age {raw!r} cannot be read ({why}): age filters treat it as no limit. "
                    'Enter it as a number and a unit ("18 Years"), or "N/A" for no limit.',
                    evidence=structured_evidence(record, side),
                )
            elif side == "max" and parsed.value == 0:
                yield self.finding(
                    f'The maximum age is {raw!r}: no one can meet it. Enter the real maximum, or "N/A" for no limit.',
                    evidence=structured_evidence(record, side),
                )
