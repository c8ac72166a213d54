import dataclasses

from trial_audit.checks._shared.outcomes import KIND_WORDS, carries_outcomes, not_required_then, quote, whole
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class NoPrimaryOutcome(Rule):
    """An interventional study registers no primary outcome measure.

    ## What it does

    Reports an interventional study whose record lists no primary outcome measure, in a format
    that has outcome measures (ClinicalTrials.gov v2, classic and legacy XML records). When the
    record lists secondary or other outcomes, the finding quotes the first of them: one of
    them may be the primary outcome entered in the wrong list.

    ## Why it matters

    The primary outcome is what the trial is designed and powered to answer; without it, no one
    can tell later whether the published result is the one that was planned (selective outcome
    reporting). ClinicalTrials.gov requires at least one primary outcome measure of every
    interventional study. A study that ended, or a record last updated, before FDAAA made it a
    required data element (2007-12-26) is reported as a note (info) that says so. TA602 reports
    a missing primary outcome of any study type as a missing WHO data-set item; this rule is the
    registry-review view for interventional studies, with the other outcomes as evidence.

    ## Fix

    Add the primary outcome measure with its title, description and time frame; if one of the
    listed secondary outcomes is the primary outcome, move it to the primary list.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, Protocol Section, "Outcome Measures": at least one
      primary outcome measure is required (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    - ClinicalTrials.gov Protocol Registration Data Element Definitions, "Primary Outcome Measure":
      https://clinicaltrials.gov/policy/protocol-definitions
    - WHO Trial Registration Data Set, item 19 (Primary outcome(s))
    """

    code = "TA801"
    name = "no-primary-outcome"
    category = Category.OUTCOME
    severity = Severity.ERROR
    bad = [
        {"study_type": "INTERVENTIONAL", "outcomes": [{"kind": "SECONDARY", "title": "HbA1c at week 24", "time_frame": "24 weeks"}]},
        {"study_type": "INTERVENTIONAL", "outcomes": []},
    ]
    good = [
        {"study_type": "INTERVENTIONAL", "outcomes": [{"kind": "PRIMARY", "title": "HbA1c at week 24", "time_frame": "24 weeks"}]},
        {"study_type": "OBSERVATIONAL", "outcomes": []},
    ]

    def check(self, record, ctx):
        if record.study_type != "INTERVENTIONAL" or not carries_outcomes(record):
            return
        if any(o.kind == "PRIMARY" and (o.title or "").strip() for o in record.outcomes):
            return
        others = [k for k, o in enumerate(record.outcomes) if (o.title or "").strip()]
        if others:
            k = others[0]
            kind = KIND_WORDS.get(record.outcomes[k].kind or "", "outcome")
            message = (
                f"This interventional study lists {len(others)} other outcome measure(s) but no primary outcome "
                f'(the first is a {kind}: "{quote(record.outcomes[k].title)}"). Add the primary outcome measure, '
                "or move it to the primary list if it was entered as a secondary one."
            )
            evidence, related = Evidence("outcomes", "", 0, 0), [whole(record, k, "title")]
        else:
            message = "This interventional study lists no primary outcome measure. Add the primary outcome with its time frame."
            evidence, related = Evidence("outcomes", "", 0, 0), []
        why_not = not_required_then(record)
        finding = self.finding(
            message if why_not is None else f"{message[:-1]}; {why_not}.",
            evidence=evidence,
            related=related,
            suggestion="Add the primary outcome measure (title, description, time frame).",
        )
        yield finding if why_not is None else dataclasses.replace(finding, severity=Severity.INFO)
