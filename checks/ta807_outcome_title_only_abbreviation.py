from trial_audit.checks._shared.outcomes import carries_outcomes, field, label
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import carries
from trial_audit.text.outcome_text import abbreviation_only


@register
class OutcomeTitleOnlyAbbreviation(Rule):
    """An outcome title is only an abbreviation or scale acronym, with no description to explain it.

    ## What it does

    Reports an outcome measure whose title is just an abbreviation ("BMI", "PFS", "HAM-D
    score", "HbA1c", "6MWT", "QoL", "SF-36"), possibly with a word that does not explain it ("Change
    in FEV1", "Serum HbA1c", "PFS rate", "HbA1c (%)", "ORR at week 24", "PSA response", a response
    threshold written apart: "PASI 75", "FEV 1", or a range or bound after it: "mRS 0-2", "NIHSS ≤ 4"; a
    sign before it: "Δ BASDAI", "% FEV1"; a PK parameter in subscript notation: "Cmax", "Tmax", "AUCinf"), and whose description is
    empty, so nothing in the record spells it out. An expansion in the title ("Body mass index
    (BMI)") or any description explains it. Not in a
    format without an outcome description field (the WHO ICTRP exports, DRKS): there an empty
    description says nothing about the registry record.

    ## Why it matters

    Abbreviations are ambiguous across specialties (PFS, ORR, VAS, ...), and patients and
    reviewers cannot look them up in the record; without the full name and the scale's range,
    the measure cannot be compared with the results.

    ## Fix

    Spell out the measure in the title (the abbreviation may follow in brackets) and describe
    it: for a scale, its name, range and which direction is better.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - acronyms and abbreviations
      must be defined; a scale needs its full name and range
      (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    """

    code = "TA807"
    name = "outcome-title-only-abbreviation"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {"outcomes": [{"kind": "PRIMARY", "title": "BMI", "time_frame": "2 years"}]},
        {"outcomes": [{"kind": "SECONDARY", "title": "HAM-D score", "description": "  ", "time_frame": "Week 8"}]},
    ]
    good = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Body mass index (BMI)", "time_frame": "2 years"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "BMI", "description": "Body mass index, kg/m2", "time_frame": "2 years"}]},
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record) or not carries(record, "outcome_descriptions"):
            return
        for k, o in enumerate(record.outcomes):
            if (o.description or "").strip():
                continue
            abbr = abbreviation_only(o.title)
            if abbr is None:
                continue
            title = o.title or ""
            start = title.find(abbr)
            yield self.finding(
                f'The title of {label(record, k)} is only the abbreviation "{abbr}" and it has no description: '
                "spell out the measure and describe it (for a scale: its name, range and which direction is better).",
                evidence=Evidence(field(k, "title"), abbr, start, start + len(abbr)),
                related=[Evidence(field(k, "description"), o.description or "", 0, 0)],
                suggestion="Spell out the abbreviation in the title and add a description.",
            )
