from trial_audit.checks._shared.age import (
    SUMMARY_LABELS,
    has_structured_limits,
    names_same_ages,
    open_side_groups,
    outcome_phrase,
    record_criteria_ages,
    record_prose_ages,
    record_prose_bands,
    record_summary_ages,
    span_evidence,
    statement_phrase,
    structured_evidence,
    structured_label,
    structured_years,
    unit_typo,
)
from trial_audit.core.ages import STD_AGE_BANDS, std_age_groups
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.core.model import SUMMARY_FIELDS
from trial_audit.engine.registry import Rule, register
from trial_audit.text.age_cohort_item import counted_cohort, other_stratum_beyond
from trial_audit.text.age_text import band_compatible, compare_prose, compare_side


@register
class SummaryAgeContradictsStructured(Rule):
    """A summary or the description states an age limit that the structured minimum / maximum age contradicts.

    ## What it does

    Only sentences that say who may take part ("must be", "eligible", "to participate", "will
    enrol/recruit") are held to the structured limits exactly; other age mentions in a summary
    may describe a cohort or a stratum ("150 aged 18-59 and 50 aged 60 and above") and are
    reported only when they fall outside the structured range. Ages that are not limits (age at
    diagnosis, durations, dosing by age, epidemiology) are not read. A band word in such a
    sentence ("enrol adults", "in children with") is checked for compatibility only.

    Compares: brief summary / description / patient-facing summary vs structured min/max (or, when a
    source gives only age groups, vs those groups).

    ## Why it matters

    Patients read the summary (and the patient-facing summary) first. When it says
    "participants must be between 65 and 74 years old" and the structured limits say 18 Years
    to no maximum, either patients who could join turn away, or patients who cannot join apply.

    ## Fix

    Correct the summary (or the structured field when the criteria agree with the summary).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA201"
    name = "summary-age-contradicts-structured"
    category = Category.AGE
    severity = Severity.WARNING
    bad = [
        {
            "plain_summary": "To participate, individuals must be between 65 and 74 years old and have lupus.",
            "minimum_age": "18 Years",
            "maximum_age": "N/A",
        },
        {
            "brief_summary": "This study will enrol patients aged 18 to 40 years with asthma.",
            "minimum_age": "18 Years",
            "maximum_age": "65 Years",
        },
        {"brief_summary": "The study will enrol children with asthma.", "minimum_age": "18 Years", "maximum_age": "65 Years"},
    ]
    good = [
        {"brief_summary": "Participants must be 18 years of age or older.", "minimum_age": "18 Years", "maximum_age": "N/A"},
        {"brief_summary": "Asthma affects 30% of adults over 65 years.", "minimum_age": "18 Years"},
        {
            "detailed_description": "We will recruit 150 participants aged 18-59 years old and 50 aged 60 years old and above.",
            "minimum_age": "18 Years",
        },
        {"brief_summary": "Patients diagnosed before the age of 18 years are followed over the past 65 days.", "minimum_age": "30 Years"},
    ]

    def check(self, record, ctx):
        if not has_structured_limits(record):
            if record.std_ages:
                yield from self._groups(record)
            return
        years = structured_years(record)
        if years is None:
            return
        mn, mx = years
        for field in SUMMARY_FIELDS:
            text = getattr(record, field, None)
            if not text:
                continue
            label = SUMMARY_LABELS.get(field, field)
            stated = record_summary_ages(record, field)
            if not stated:
                yield from self._bands(record, field, label, text, mn, mx)
                continue
            groups: dict[tuple[int, int], list] = {}
            for side in ("min", "max"):
                cmp = compare_prose(stated, mn, mx, side)
                if cmp.status in ("disagree", "missing-structured") and cmp.witness is not None:
                    if self._one_counted_cohort(record, text, cmp):
                        continue
                    groups.setdefault((cmp.witness.start, cmp.witness.end), []).append(cmp)
            for cmps in groups.values():
                s, cmp = cmps[0].witness, cmps[0]
                likely = self._likely(record, cmp, mn, mx, label)
                if len(cmps) == 2:
                    # one statement against both limits ("between 65 and 74" vs 18 Years to no maximum)
                    msg = (
                        f"The {label} states ages {s.describe()} ({s.text!r}) but the structured limits are "
                        f"{structured_label(record, 'min')} to {structured_label(record, 'max')}. {likely}"
                    )
                    related = [structured_evidence(record, "min"), structured_evidence(record, "max")]
                    suggestion = f"make the {label} and the structured age limits agree"
                else:
                    word = "minimum" if cmp.side == "min" else "maximum"
                    # (a sentence that keeps people of an age out: "Those aged under 30 … will not be considered", read inverted)
                    read = ", read from a sentence that excludes those ages" if s.inverted else ""
                    msg = (
                        f"The {label} states {statement_phrase(s, cmp)} ({s.text!r}{read}) but the structured {word} age is "
                        f"{structured_label(record, cmp.side)}. {outcome_phrase(record, cmp, label, stated)} {likely}"
                    )
                    related = [structured_evidence(record, cmp.side)]
                    suggestion = f"make the {label} and the structured {word} age agree"
                yield self.finding(msg, evidence=span_evidence(field, text, s), related=related, suggestion=suggestion)

    def _groups(self, record):
        """Only age groups are given (a CSV export): a summary's claimed range must give the same groups."""
        listed = {g for g in record.std_ages if g in STD_AGE_BANDS}
        if not listed:
            return
        for field in SUMMARY_FIELDS:
            text = getattr(record, field, None)
            claims = [s for s in record_prose_ages(record, field) if s.claim]
            if not claims:
                continue
            los = [0.0 if s.min is None else s.min.years for s in claims]
            his = [None if s.max is None else s.max.years - (0 if s.max.inclusive else 1e-6) for s in claims]
            hi = None if any(h is None for h in his) else max(his)
            expected = set(std_age_groups(min(los), hi))
            if expected == listed:
                continue
            s = claims[0]
            label = SUMMARY_LABELS.get(field, field)
            shown = "; ".join(record.std_ages)
            yield self.finding(
                f"The {label} states ages {s.describe()} ({s.text!r}), which make the age groups "
                f"{', '.join(g for g in STD_AGE_BANDS if g in expected)}, but the record's age groups are {shown}. "
                f"Correct the {label} or the record's age limits.",
                evidence=span_evidence(field, text, s),
                related=[Evidence.whole("std_ages", shown)],
            )
            return

    @staticmethod
    def _one_counted_cohort(record, text, cmp) -> bool:
        """ "Twenty patients who are 18 years of age or older … will be randomly assigned" while the criteria admit another
        stratum beyond that age ("under 18 but more than 6 years … in a separate stratum"): the summary counts one cohort,
        not the trial's range (the criteria's own ages are TA202's)."""
        s, b = cmp.witness, cmp.bound
        if s is None or b is None or not counted_cohort(text, s.start):
            return False
        return other_stratum_beyond(record.criteria, record_criteria_ages(record), cmp.side, b.years)

    @staticmethod
    def _likely(record, cmp, mn, mx, label) -> str:
        if unit_typo(cmp.bound, record, cmp.side):
            return "The structured unit is likely wrong (the same number in another unit)."
        crit = record_criteria_ages(record)
        if not crit:
            return f"The criteria state no age, so check the protocol; a reader of the {label} is misled either way."
        c = compare_side(crit, mn, mx, cmp.side)
        if cmp.witness is not None and names_same_ages(record.criteria, cmp.witness):
            return f"The criteria and the {label} state the same age, so the structured value is likely what is wrong; correct it."
        if c.status == "agree":
            groups = open_side_groups(crit, cmp, mn, mx, "criteria")
            if groups is not None:
                return groups  # an open side "agrees" with the criteria's group ages: no reason to blame the summary
            return f"The criteria agree with the structured value, so the {label} is likely wrong; correct it."
        if c.status in ("disagree", "missing-structured") and c.bound is not None and cmp.bound is not None:
            if abs(c.bound.years - cmp.bound.years) < 0.5:
                return "The criteria state the same as the summary, so the structured value is likely wrong; correct it."
        return "Check the protocol and correct whichever is wrong."

    def _bands(self, record, field, label, text, mn, mx):
        bands = record_prose_bands(record, field)
        if not bands or any(band_compatible(b.band, mn, mx) for b in bands):
            return
        b = bands[0]
        yield self.finding(
            f"The {label} restricts the trial to {b.describe()} ({b.text!r}) but the structured age range "
            f"({record.minimum_age_raw or 'no minimum'} to {record.maximum_age_raw or 'no maximum'}) admits none of them. "
            "Correct the summary or the structured ages.",
            evidence=span_evidence(field, text, b),
            related=[structured_evidence(record, "min"), structured_evidence(record, "max")],
        )
