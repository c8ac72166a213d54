from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import FIELD_LIMITS


@register
class TextOverFieldLimit(Rule):
    """A text is longer than the registry allows for its field (e.g. brief title over 300 characters).

    ## What it does

    Reports a record when a text is longer than the registry allows for its field (e.g. brief title over
    300 characters).

    Reports: brief title > 300, official title > 600, brief summary > 5,000, detailed description >
    32,000, criteria > 20,000 characters. These are ClinicalTrials.gov's limits: records of other
    registries (an ICTRP or DRKS record) are not held to them.

    ## Why it matters

    ClinicalTrials.gov limits brief title to 300 characters, official title 600, brief
    summary 5,000, detailed description 32,000 and eligibility criteria 20,000. Longer text is
    rejected at submission or truncated downstream, so the end of the text (often exclusion
    criteria) silently disappears for readers.

    ## Fix

    Shorten the text, or move detail into the field meant for it (detailed description).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: the character limit given for each field)
    """

    code = "TA706"
    name = "text-over-field-limit"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [{"brief_title": "A" * 301}, {"criteria": "Inclusion: " + "x" * 20000}]
    good = [{"brief_title": "A" * 300, "official_title": "B" * 600, "brief_summary": "C" * 5000}]

    def check(self, record, ctx):
        if record.registry not in (None, "ClinicalTrials.gov"):
            return  # the limits are ClinicalTrials.gov's; other registries (an ICTRP DRKS record) set their own
        for name, limit in FIELD_LIMITS.items():
            text = getattr(record, name, None)
            if not isinstance(text, str) or len(text) <= limit:
                continue
            yield self.finding(
                f"{name} has {len(text):,} characters; the registry allows {limit:,}: "
                f"the text from character {limit + 1:,} on would be cut.",
                evidence=Evidence.span(name, text, limit, min(len(text), limit + 80)),
                suggestion=f"Shorten {name} to at most {limit:,} characters.",
            )
