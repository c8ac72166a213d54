from trial_audit.checks._shared.outcomes import carries_outcomes, field, label, quote
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.outcome_text import domain_only


@register
class OutcomeTitleNamesDomain(Rule):
    """An outcome measure's title names a domain ("Safety", "Efficacy"), not a measure.

    ## What it does

    Reports an outcome measure whose title is only a domain: safety, efficacy, effectiveness,
    tolerability, (clinical) response, benefit, outcome, feasibility, immunogenicity,
    pharmacokinetics, toxicity, adverse events, quality of life, usability, utility, applicability,
    suitability, acceptance, impact, alone or joined ("Safety and efficacy"), with words that say
    whose or which outcome ("Patient outcomes", "Curative effect", "Neonatal outcomes", "Program
    feasibility", "App usability") or only that it is looked at ("Safety evaluation", "Efficacy endpoints",
    "Toxicity profile", "Safety parameters", "Primary efficacy variable"), optionally introduced ("Assessment of ...", "Degree of
    improvement", "Extent of benefit") or followed by what it is of ("...
    of drug X in adults"), with nothing that says what is measured or how (a scale, a score, a
    rate, a number, a level, "as measured by", "in terms of", a test, a criteria set such as CTCAE or RECIST). When the
    record has a description other than the title itself, the message asks the curator to move what it measures into
    the title (the rule cannot tell whether the description names a measure, so it does not claim it does).
    A change, a state or a result said of nothing measured is a domain too ("Clinical improvement",
    "Health status", "Well-being", "Results of treatment", "Immune response", "Response to treatment"), and
    so is an effect on a generic object ("Effect on the disease", "Impact on patients") or two domains
    weighed against each other ("Benefit-risk profile"); a named object makes it a measure ("Improvement
    in pain", "Effect on blood pressure"), and so does an assay ("... by ELISA", "neutralising antibodies").

    ## Why it matters

    A domain cannot be checked against the published results: "Efficacy" can be any of dozens of
    end points, which is exactly the room selective outcome reporting needs. Registry reviewers
    return such titles as vague and ask for the specific measure.

    ## Fix

    Name the specific measure in the title: what is measured and how (e.g. "Number of
    participants with treatment-related adverse events (CTCAE v5.0)", "Change from baseline in
    HbA1c"), and put its details in the description.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov PRS Review Criteria, "Outcome Measures" - Title: the name of a specific
      measure, not a general domain such as "safety" or "efficacy"
      (https://prsinfo.clinicaltrials.gov/ProtocolDetailedReviewItems.pdf)
    - ClinicalTrials.gov Protocol Registration Data Element Definitions, "Outcome Measure Title":
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA802"
    name = "outcome-title-names-domain"
    category = Category.OUTCOME
    severity = Severity.WARNING
    bad = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Safety", "time_frame": "12 weeks"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Efficacy and tolerability of drug X", "time_frame": "6 months"}]},
        {"outcomes": [{"kind": "SECONDARY", "title": "Clinical response", "time_frame": "Week 12"}]},
    ]
    good = [
        {"outcomes": [{"kind": "PRIMARY", "title": "Number of participants with adverse events", "time_frame": "12 weeks"}]},
        {"outcomes": [{"kind": "PRIMARY", "title": "Safety as assessed by the rate of grade 3 toxicities", "time_frame": "6 months"}]},
    ]

    def check(self, record, ctx):
        if not carries_outcomes(record):
            return
        for k, o in enumerate(record.outcomes):
            m = domain_only(o.title)
            if m is None:
                continue
            title = o.title or ""
            start, end = m.span("domain")
            described = " If the description says what is measured, put that in the title." if _adds_to_title(o.description, title) else ""
            yield self.finding(
                f'The title of {label(record, k)}, "{quote(title)}", names a domain ("{title[start:end]}"), not a measure: '
                f"it does not say what is measured or how.{described} Name the specific measure (e.g. the number of "
                "participants with an event, a score on a named scale, a lab value).",
                evidence=Evidence.span(field(k, "title"), title, start, end),
                related=[Evidence.whole(field(k, "description"), o.description)] if (o.description or "").strip() else [],
                suggestion="Name the specific measure in the title: what is measured and how.",
            )


def _folded(text: str | None) -> str:
    return " ".join((text or "").lower().split()).strip(" .;:")


def _adds_to_title(description: str | None, title: str) -> bool:
    """A description that only repeats the title adds nothing to point the curator to."""
    folded = _folded(description)
    return bool(folded) and folded != _folded(title)
