from trial_audit.checks._shared.age import has_structured_limits, structured_evidence, structured_years
from trial_audit.core.ages import std_age_groups
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

_ORDER = ("CHILD", "ADULT", "OLDER_ADULT")


@register
class AgeGroupsMismatch(Rule):
    """The age groups (child / adult / older adult) do not match the structured minimum and maximum age.

    ## What it does

    The groups a [minimum, maximum] range overlaps are computed as the registry does (an absent
    limit is no limit) and compared with the groups the record lists. Records that list groups
    without giving the minimum / maximum (some CSV exports) are not checked.

    Compares: std age groups (CHILD 0–17, ADULT 18–64, OLDER_ADULT 65+) vs min/max.

    ## Why it matters

    The registry's age-group filter (stdAges: CHILD 0-17, ADULT 18-64, OLDER_ADULT 65+)
    is derived from the minimum and maximum age. When a record's groups say ADULT only but its
    limits are 18 Years to no maximum, older adults filtering for their group never see it; an
    edited record or a hand-made export is usually the cause.

    ## Fix

    Correct the limits, or re-derive the age groups from them.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA204"
    name = "age-groups-mismatch"
    category = Category.AGE
    severity = Severity.WARNING
    bad = [
        {"minimum_age": "18 Years", "maximum_age": "N/A", "std_ages": ["ADULT"]},
        {"minimum_age": "6 Months", "maximum_age": "17 Years", "std_ages": ["ADULT", "OLDER_ADULT"]},
    ]
    good = [
        {"minimum_age": "18 Years", "maximum_age": "N/A", "std_ages": ["ADULT", "OLDER_ADULT"]},
        {"minimum_age": "6 Months", "maximum_age": "18 Years", "std_ages": ["CHILD", "ADULT"]},
        {"minimum_age": "65 Years", "std_ages": ["OLDER_ADULT"]},
        {"std_ages": ["ADULT"]},
    ]

    def check(self, record, ctx):
        listed = [g for g in (record.std_ages or []) if g in _ORDER]
        if not listed or not has_structured_limits(record):
            return
        years = structured_years(record)
        if years is None:
            return
        mn, mx = years
        if mn is not None and mx is not None and mn > mx:
            return  # TA205
        expected = std_age_groups(mn, mx)
        if set(expected) == set(listed):
            return
        missing = [g for g in _ORDER if g in expected and g not in listed]
        extra = [g for g in _ORDER if g in listed and g not in expected]
        parts = []
        if missing:
            parts.append(f"lacks {', '.join(missing)}")
        if extra:
            parts.append(f"lists {', '.join(extra)} which the limits exclude")
        shown = "; ".join(record.std_ages)
        yield self.finding(
            f"The age groups ({shown}) do not match the limits {record.minimum_age_raw or 'no minimum'} to "
            f"{record.maximum_age_raw or 'no maximum'}, which give {', '.join(expected)}: the record "
            f"{' and '.join(parts)}. Correct the limits or re-derive the age groups.",
            evidence=Evidence.whole("std_ages", shown),
            related=[structured_evidence(record, "min"), structured_evidence(record, "max")],
        )
