from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries


@register
class MissingKeywords(Rule):
    """The record has no keywords (or shows an empty Keywords section).

    ## What it does

    Reports a record that has no keywords (or shows an empty Keywords section).

    Reports: no keywords, or an empty Keywords block on the page.

    ## Why it matters

    Keywords are how registry search finds a trial under words its title and conditions do
    not use (a drug code, a mechanism, a lay term); a patient-facing page with an empty Keywords
    block looks unfinished. Informational: keywords are recommended, not required. Not demanded
    where the format has no keywords (CSV exports).

    ## Fix

    Add a few keywords (drug names and codes, mechanism, lay terms for the condition).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - WHO Trial Registration Data Set (TRDS):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA603"
    name = "missing-keywords"
    category = Category.COMPLETENESS
    severity = Severity.INFO
    bad = [{"keywords": []}, {"keywords": [], "declared_absent": {"keywords": ""}}]
    good = [{"keywords": ["CAR-T", "lupus"]}]

    def check(self, record, ctx):
        if any(k and k.strip() for k in record.keywords) or not carries(record, "keywords"):
            return
        shown = "keywords" in record.declared_absent
        yield self.finding(
            "The Keywords section is shown but empty." if shown else "The record has no keywords.",
            evidence=absent_evidence(record, "keywords"),
            suggestion="Add keywords: drug names and codes, mechanism, lay terms for the condition.",
        )
