from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

_DRUG_TYPES = frozenset({"DRUG", "BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"})


@register
class DrugTrialWithoutPhase(Rule):
    """An interventional trial of a drug or biological gives no phase.

    ## What it does

    Reports a record when an interventional trial of a drug or biological gives no phase.

    Reports: INTERVENTIONAL with a DRUG/BIOLOGICAL/GENETIC/COMBINATION_PRODUCT intervention and no phase
    ("NA" is a value).

    ## Why it matters

    The phase says how far a medicine is in development (first-in-human safety vs
    confirmatory efficacy); registries require it for drug and biological trials, and patients
    and reviewers weigh risk by it. "Not applicable" is a stated value and is not reported; only
    a missing phase is. Only where the format carries phases (not the patient page; a CSV export
    only with its Phases column).

    ## Fix

    Enter the phase (Early Phase 1, Phase 1 ... Phase 4), or "Not Applicable".

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - WHO Trial Registration Data Set (TRDS):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA605"
    name = "drug-trial-without-phase"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    bad = [{"study_type": "INTERVENTIONAL", "interventions": [{"type": "DRUG", "name": "UTAA09"}], "phases": []}]
    good = [
        {"study_type": "INTERVENTIONAL", "interventions": [{"type": "DRUG", "name": "UTAA09"}], "phases": ["PHASE1"]},
        {"study_type": "INTERVENTIONAL", "interventions": [{"type": "BEHAVIORAL", "name": "Coaching"}]},
        {"study_type": "OBSERVATIONAL", "interventions": [{"type": "DRUG", "name": "Statins"}]},
    ]

    def check(self, record, ctx):
        if record.study_type != "INTERVENTIONAL" or record.phases or not carries(record, "phases"):
            return
        drugs = [(i, iv) for i, iv in enumerate(record.interventions) if (iv.type or "") in _DRUG_TYPES]
        if not drugs:
            return
        i, iv = drugs[0]
        yield self.finding(
            f"This interventional trial of {iv.type.lower()} {iv.name or ''!s} gives no phase.".replace("  ", " "),
            evidence=absent_evidence(record, "phases"),
            related=[Evidence.whole(f"interventions[{i}].name", iv.name or "")],
            suggestion="Enter the phase (Early Phase 1, Phase 1 ... Phase 4), or 'Not Applicable'.",
        )
