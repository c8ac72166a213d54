from trial_audit.checks._shared.age import (
    has_structured_limits,
    names_same_ages,
    open_side_groups,
    outcome_phrase,
    record_criteria_ages,
    record_criteria_bands,
    record_summary_ages,
    span_evidence,
    statement_phrase,
    structured_evidence,
    structured_label,
    structured_years,
    unit_typo,
)
from trial_audit.core.findings import Category, Severity
from trial_audit.core.model import SUMMARY_FIELDS
from trial_audit.engine.registry import Rule, register
from trial_audit.text.age_cohort_item import excluded_in_own_words
from trial_audit.text.age_lost_comparator import lost_comparator_note
from trial_audit.text.age_text import (
    Bound,
    band_compatible,
    bound_matches,
    compare_prose,
    compare_side,
)


@register
class CriteriaAgeContradictsStructured(Rule):
    """The eligibility criteria state an age limit that the structured minimum / maximum age contradicts.

    ## What it does

    The criteria are read section by section: in the exclusion criteria "age > 75" means a
    maximum of 75 years. A side agrees when any age the criteria state on that side matches
    the structured value (cohorts may have different limits). "Over 18" agrees with 18 or 19
    Years and "under 65" with 64 or 65 Years (registries enter both). The finding also fires
    when the criteria state a limit on a side the structured fields leave open ("N/A"). Where an
    export wrote "=" for a "≥" or "≤" it could not encode ("Age =18 years", ICTRP's downloads), the
    limit is read with the side the structured values suggest, and the message says so.

    An age that belongs to one alternative or one group of several (an alternative joined by a capital "OR" in one
    paragraph, "… OR ALL in an adult over age 15 … OR severe aplastic anemia"; one of the items naming different kinds of
    people by age, "Infants < age 3 months" beside "Children …" and "Older subjects of any age …") is held only to lying
    inside the structured range: the groups together are the trial's range.

    Compares: eligibility criteria (section-aware) vs structured min/max.

    ## Why it matters

    The structured minimum and maximum age drive the registry's age filter and every
    patient-matching service; the criteria are what the investigators screen against. When
    they disagree ("Age 45-70 years" in the criteria, 40 Years in the structured minimum),
    patients are shown a trial they cannot join, or never see one they could.

    ## Fix

    Correct whichever side is wrong (the message says which is likely wrong when the
    record tells: a summary that agrees, a unit typo such as "18 Months" for 18 years).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Age Limits, Sex, Accepts Healthy Volunteers, Eligibility Criteria)
    """

    code = "TA202"
    name = "criteria-age-contradicts-structured"
    category = Category.AGE
    severity = Severity.WARNING
    bad = [
        {
            "criteria": "Inclusion Criteria:\n\n- Age 45 - 70 years\n\nExclusion Criteria:\n\n- Pregnancy",
            "minimum_age": "40 Years",
            "maximum_age": "70 Years",
        },
        {
            "criteria": "Inclusion Criteria:\n- 18 years or older\nExclusion Criteria:\n- Age > 75 years",
            "minimum_age": "18 Years",
            "maximum_age": "N/A",
        },
        {"criteria": "Inclusion Criteria:\n- Adults with asthma", "minimum_age": "6 Years", "maximum_age": "11 Years"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n- Age ≥ 18 years\nExclusion Criteria:\n- age > 75",
            "minimum_age": "18 Years",
            "maximum_age": "75 Years",
        },
        {"criteria": "Inclusion Criteria:\n- Over 18 years of age", "minimum_age": "18 Years"},
        {"criteria": "Inclusion Criteria:\n- History of diabetes for at least 5 years", "minimum_age": "30 Years"},
        {
            "criteria": "Inclusion:\n* Cohort 1: ≥ 12 years to \\< 18 years of age\n* Cohort 2: 0 days to \\< 12 years of age",
            "criteria_markdown": True,
            "maximum_age": "18 Years",
        },
    ]

    def check(self, record, ctx):
        text = record.criteria
        if not text or not has_structured_limits(record):
            return
        years = structured_years(record)
        if years is None:
            return
        mn, mx = years
        stated = record_criteria_ages(record)
        if not stated:
            yield from self._bands(record, text, mn, mx)
            return
        groups: dict[tuple[int, int], list] = {}
        for side in ("min", "max"):
            cmp = compare_side(stated, mn, mx, side)
            if cmp.status in ("disagree", "missing-structured") and cmp.witness is not None:
                groups.setdefault((cmp.witness.start, cmp.witness.end), []).append(cmp)
        for cmps in groups.values():
            s = cmps[0].witness
            where = " (in the exclusion criteria, read inverted)" if s.inverted else ""
            if s.inverted and excluded_in_own_words(text, s.start, s.end):
                where = " (the item excludes these ages, read inverted)"  # "We will exclude subjects under 18": a minimum
            where += lost_comparator_note(s)  # "Age =18 years": say how the "=" an export wrote was read
            if len(cmps) == 2:
                # one statement contradicts both limits: one finding
                msg = (
                    f"The criteria state ages {s.describe()} ({s.text!r}{where}) but the structured limits are "
                    f"{structured_label(record, 'min')} to {structured_label(record, 'max')}. "
                    f"{self._likely(record, cmps[0], mn, mx)}"
                )
                yield self.finding(
                    msg,
                    evidence=span_evidence("criteria", text, s),
                    related=[structured_evidence(record, "min"), structured_evidence(record, "max")],
                    suggestion="Make the structured age limits and the criteria agree.",
                )
                continue
            cmp = cmps[0]
            side = cmp.side
            word = "minimum" if side == "min" else "maximum"
            said = statement_phrase(s, cmp)
            if s.min is not None and s.max is not None and s.min.years > s.max.years:
                # "Age 18-5 years": no one can meet the range as written, so neither side can be copied from it
                msg = (
                    f"The criteria state an impossible age range ({s.text!r}{where}: its lower end is above its upper end) "
                    f"and it contradicts the structured {word} age {structured_label(record, side)}. The criteria likely "
                    "contain a typing error; correct them from the protocol (the structured limits are "
                    f"{structured_label(record, 'min')} to {structured_label(record, 'max')})."
                )
            elif cmp.status == "missing-structured":
                msg = (
                    f"The criteria state {said} ({s.text!r}{where}) but the structured {word} age is "
                    f"{structured_label(record, side)}: the registry's age filter shows this trial to people the "
                    f"criteria exclude. Enter the {word} age in the structured field, or correct the criteria. "
                    f"{outcome_phrase(record, cmp, 'criteria', stated)}"
                )
            else:
                msg = (
                    f"The criteria state {said} ({s.text!r}{where}) but the structured {word} age is "
                    f"{structured_label(record, side)}. {outcome_phrase(record, cmp, 'criteria', stated)} {self._likely(record, cmp, mn, mx)}"
                )
            yield self.finding(
                msg,
                evidence=span_evidence("criteria", text, s),
                related=[structured_evidence(record, side)],
                suggestion=f"Make the structured {word} age and the criteria agree.",
            )

    def _likely(self, record, cmp, mn, mx) -> str:
        s = cmp.witness
        if s is not None and s.inverted and not excluded_in_own_words(record.criteria or "", s.start, s.end):
            # read as written (not inverted), does the statement agree with the structured limits?
            b = s.max or s.min
            plain_side = "min" if s.max is not None else "max"
            target = mn if plain_side == "min" else mx
            flipped = Bound(b.value, b.unit, not b.inclusive)
            if target is not None and bound_matches(flipped, target, plain_side):
                return (
                    "Read as an inclusion criterion it would agree with the structured limits: it is likely listed "
                    "under the exclusion criteria by mistake; move it to the inclusion criteria."
                )
        if unit_typo(cmp.bound, record, cmp.side):
            return "The structured unit is likely wrong (the same number in another unit); correct it."
        summary = tuple(a for f in SUMMARY_FIELDS for a in record_summary_ages(record, f))
        if s is not None and any(names_same_ages(getattr(record, f, None), s) for f in SUMMARY_FIELDS):
            return "The summary and the criteria state the same age, so the structured value is likely what is wrong; correct it."
        if cmp.bound is not None and summary:
            other = compare_prose(summary, mn, mx, cmp.side)
            if other.status == "agree":
                groups = open_side_groups(summary, cmp, mn, mx, "summaries")
                if groups is not None:
                    return groups  # an open side "agrees" with a summary's group ages: no reason to blame the criteria
                return "The summary agrees with the structured value, so the criteria are likely out of date; check the protocol."
            if other.status == "disagree" and other.bound is not None and abs(other.bound.years - cmp.bound.years) < 0.5:
                return "The summary states the same as the criteria, so the structured value is likely wrong; correct it."
        return "Check the protocol and correct whichever is wrong."

    def _bands(self, record, text, mn, mx):
        bands = record_criteria_bands(record)
        if not bands or any(band_compatible(b.band, mn, mx) for b in bands):
            return
        b = bands[0]
        yield self.finding(
            f"The criteria restrict eligibility to {b.describe()} ({b.text!r}) but the structured age range "
            f"({record.minimum_age_raw or 'no minimum'} to {record.maximum_age_raw or 'no maximum'}) admits none of them. "
            "Correct the structured ages or the criteria.",
            evidence=span_evidence("criteria", text, b),
            related=[structured_evidence(record, "min"), structured_evidence(record, "max")],
        )
