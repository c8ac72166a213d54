import math

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import TableRule, register


@register
class AgeOutOfRange(TableRule):
    """A structured age limit is above 120 years (or below zero).

    ## What it does

    The check is a range check (0 to 120 years, after converting months, weeks, days ... to
    years) over the batch table's columns, in plain Python (the same check as the table's
    pandera schema, see ``trial_audit.checks._shared.schema``). A minimum age above the maximum
    age is a different defect, reported by TA205.

    ## Why it matters

    The minimum and maximum age are what patient-matching services and the registry's age
    filters read. An age of "150 Years" or "999 Years" is no one's age: it is usually a
    placeholder for "no upper limit", or a typo (months typed as years). Either way the age
    groups derived from it are wrong and the record looks careless to a reviewer.

    ## Fix

    Enter the real limit, or leave the field as "N/A" (no limit) when there is none.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA012"
    name = "age-out-of-range"
    category = Category.SCHEMA
    severity = Severity.WARNING
    bad = [{"maximum_age": "999 Years"}, {"minimum_age": "18 Years", "maximum_age": "1800 Months"}]
    good = [
        {"minimum_age": "18 Years", "maximum_age": "120 Years"},
        {"minimum_age": "28 Days", "maximum_age": "N/A"},
        {"minimum_age": "6 Months"},
    ]

    def check_table(self, table, ctx):
        from trial_audit.checks._shared.schema import AGE_COLUMNS, AGE_MAX_YEARS, cell, failures_in

        for pos, column, _check, value in failures_in(table, AGE_COLUMNS):
            field, raw_column = AGE_COLUMNS[column]
            raw = cell(table, raw_column, pos)
            raw = str(raw) if isinstance(raw, str) else f"{value:g} Years"
            which = "minimum" if field == "minimum_age" else "maximum"
            years = float(value)
            if not math.isfinite(years):  # hundreds of digits ("999...9 Years") are infinite as a float
                shown = "more years than a number can hold"
            else:
                shown = f"{years:.0f} years" if years == int(years) else f"{years:.1f} years"
            yield (
                pos,
                self.finding(
                    f"The {which} age {raw!r} is {shown}, outside 0 to {AGE_MAX_YEARS:.0f} years. "
                    "Enter the real age limit, or 'N/A' when there is no limit.",
                    evidence=Evidence.whole(field, raw),
                ),
            )
