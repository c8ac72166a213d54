from trial_audit.checks._shared.age import (
    SUMMARY_LABELS,
    bound_phrase,
    has_structured_limits,
    record_criteria_ages,
    record_criteria_bands,
    record_prose_ages,
    span_evidence,
)
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.core.model import SUMMARY_FIELDS
from trial_audit.engine.registry import Rule, register
from trial_audit.text.age_lost_comparator import lost_comparator_note
from trial_audit.text.age_text import bound_matches


@register
class SummaryAgeContradictsCriteria(Rule):
    """A summary states an age limit that the eligibility criteria contradict or do not state at all.

    ## What it does

    Only summary sentences that say who may take part ("must be", "eligible", "to participate",
    "will enrol") are checked. A side agrees when the summary's bound matches any bound the
    criteria state on that side (the exclusion criteria are read inverted). When the criteria
    state no age at all, the finding points at the inclusion criteria (or the whole criteria)
    as the other side: the summary is then likely the one that is wrong.

    Records with structured age limits are checked against those instead (TA201, TA202).

    Compares: summaries vs criteria, for records **without** structured limits (incl. "summary restricts
    age, criteria are silent").

    ## Why it matters

    Where a record has no structured age limits (a patient-facing page, an export without
    them), the criteria are the only authority on age. A summary that tells patients "you must
    be between 65 and 74 years old" while the criteria say nothing about age (or say 18 to 75)
    misleads every reader: eligible patients turn away and others apply.

    ## Fix

    Correct the summary, or add the age limit to the criteria if the protocol has one.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA203"
    name = "summary-age-contradicts-criteria"
    category = Category.AGE
    severity = Severity.WARNING
    bad = [
        {
            "plain_summary": "To participate, individuals must be between 65 and 74 years old and have lupus.",
            "criteria": "inclusion criteria (2) Expected survival time ≥3 months; (3) Subjects with refractory disease\nExclusion criteria:\n1. Pregnancy",
        },
        {
            "brief_summary": "Participants must be aged 18 to 65 years.",
            "criteria": "Inclusion Criteria:\n- Age 18-75 years\nExclusion Criteria:\n- Pregnancy",
        },
    ]
    good = [
        {
            "brief_summary": "Participants must be aged 18 to 75 years.",
            "criteria": "Inclusion Criteria:\n- Age ≥ 18 years\nExclusion Criteria:\n- Age > 75 years",
        },
        {
            "plain_summary": "To participate, individuals must be between 65 and 74 years old.",
            "criteria": "Inclusion Criteria:\n- Age 65 to 74 years",
        },
        {"brief_summary": "Lupus is most common in women aged 15 to 45 years.", "criteria": "Inclusion Criteria:\n- SLE"},
        {
            "plain_summary": "To participate, individuals must be between 65 and 74 years old.",
            "criteria": "Inclusion Criteria:\n- SLE",
            "minimum_age": "65 Years",
            "maximum_age": "74 Years",
        },
    ]

    def check(self, record, ctx):
        if has_structured_limits(record) or not (record.criteria or "").strip():
            return  # no criteria in the source (e.g. a CSV export): nothing to compare with
        crit_text = record.criteria or ""
        crit = record_criteria_ages(record)
        for field in SUMMARY_FIELDS:
            text = getattr(record, field, None)
            if not text:
                continue
            claims = [s for s in record_prose_ages(record, field) if s.claim]
            if not claims:
                continue
            label = SUMMARY_LABELS.get(field, field)
            if not crit:
                if record_criteria_bands(record):
                    continue  # the criteria say "adults" etc.: not silent, and not comparable by number
                s = claims[0]
                yield self.finding(
                    f"The {label} restricts age ({s.text!r}: {s.describe()}) but the eligibility criteria state "
                    "no age limit, and the record has no structured age limits. Patients reading the summary are "
                    f"misled: the {label} is likely wrong (the criteria are the authority). Correct the {label}, "
                    "or add the age limit to the criteria if the protocol has one.",
                    evidence=span_evidence(field, text, s),
                    related=[self._criteria_evidence(record, crit_text)],
                    suggestion=f"Remove the age range from the {label}, or state it in the criteria.",
                )
                continue
            for side in ("min", "max"):
                sb = [(s, getattr(s, side)) for s in claims if getattr(s, side) is not None]
                cb = [(c, getattr(c, side)) for c in crit if getattr(c, side) is not None]
                if not sb:
                    continue
                if side == "max" and any(s.max is None for s in claims):
                    continue  # an open-ended claim ("18 and above") among groups
                word = "minimum" if side == "min" else "maximum"
                s, b = sb[0]
                if not cb:
                    if side == "min" and b.years <= 0:
                        continue
                    yield self.finding(
                        f"The {label} states {bound_phrase(b, side)} ({s.text!r}) but the criteria state no {word} age. "
                        f"Correct the {label}, or add the {word} age to the criteria if the protocol has one.",
                        evidence=span_evidence(field, text, s),
                        related=[self._criteria_evidence(record, crit_text)],
                    )
                    continue
                if any(bound_matches(x, y.years, side) or bound_matches(y, x.years, side) for _, x in sb for _, y in cb):
                    continue
                c, cbound = cb[0]
                yield self.finding(
                    f"The {label} states {bound_phrase(b, side)} ({s.text!r}) but the criteria state "
                    f"{bound_phrase(cbound, side)} ({c.text!r}{lost_comparator_note(c)}). The criteria are the authority: the {label} "
                    "is likely wrong.",
                    evidence=span_evidence(field, text, s),
                    related=[span_evidence("criteria", crit_text, c)],
                )

    @staticmethod
    def _criteria_evidence(record, crit_text: str) -> Evidence:
        if not crit_text:
            return Evidence("criteria", record.declared_absent.get("criteria", ""), 0, 0)
        try:
            from trial_audit.text.criteria import doc_for

            doc = doc_for(crit_text, record.criteria_markdown)
            inc = doc.by_kind("inclusion")
            if inc:
                sec = inc[0]
                start = sec.header_start if sec.header_start is not None else sec.start
                return Evidence.span("criteria", crit_text, start, sec.end)
        except Exception:  # pragma: no cover - never fail on real text
            pass
        return Evidence.whole("criteria", crit_text)
