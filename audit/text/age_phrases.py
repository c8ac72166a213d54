"""Age phrases in one text: the numbers that state an age limit ("aged 18-65", "≥ 18 years", "under 75"),
with their span, read as a lower and/or upper :class:`Bound` (a :class:`StatedAge`).

An age is read as a limit only when it is tied to the participant's age and its context does not
say it is something else (see :mod:`trial_audit.text.age_text` for the classes of text dropped).
"""

from __future__ import annotations

import re
from dataclasses import replace

from trial_audit.text.age_cohort_item import excluded_by_verb, opens_with_cohort_label
from trial_audit.text.age_group_of_several import one_group_of_several
from trial_audit.text.age_milestone import milestone_ages
from trial_audit.text.age_patterns import (
    _AGE_ANCHOR,
    _AGE_CLAIM,
    _AGE_GAP_NEG,
    _AGE_PREP_NEG,
    _AGE_PREWORD_NEG,
    _AGE_TAIL,
    _ALTERNATIVE_HEADER,
    _AT_TIME_POINT,
    _CAPS_OR_AFTER,
    _CAPS_OR_BEFORE,
    _CLAIM,
    _COMP_AGE,
    _COMP_AGE_LEFT,
    _CONDITIONAL,
    _CONSENT_CONDITION_LEFT,
    _CONSENT_TIME,
    _CONSENT_WORD,
    _DESCRIPTIVE_AGE,
    _DIG_AGE,
    _DIG_COMPARED,
    _DIGIT_Y,
    _DIGITS,
    _DOSING,
    _DURATION_PREP,
    _EPIDEMIOLOGY,
    _EVENT_VERB,
    _GUARDIAN_WORD,
    _INLINE_ALTERNATIVES,
    _ITEM_LEAD,
    _KEYWORDS,
    _LEAD_PAREN,
    _LEAD_WORD,
    _LEFT_NEG,
    _LEFT_SUBGROUP,
    _LEFT_THING,
    _LOOKING_FOR,
    _MENOPAUSE,
    _MENOPAUSE_DEF,
    _MENOPAUSE_DEF_RUN_ON,
    _MUST_BE_ITEM,
    _OR_AFTER_ITEM,
    _OR_BEFORE_ITEM,
    _OR_NEXT,
    _OTHER_QUANTITY,
    _PARTICIPANT,
    _PAST_ENROLMENT,
    _PLUS_UNIT,
    _PRE_BEFORE,
    _PRE_LAST,
    _PREV_LABEL,
    _PROSE_ENUMERATED,
    _QUOTA,
    _RECENT_EVENT,
    _REQUIREMENT,
    _REV_HINT,
    _RIGHT_COLON,
    _RIGHT_CONSENT,
    _RIGHT_CONSENT_DUTY,
    _RIGHT_EVENT_TIME,
    _RIGHT_EXCLUDED,
    _RIGHT_GESTATION,
    _RIGHT_IF,
    _RIGHT_NEG,
    _RIGHT_OTHER_QUANTITY,
    _RIGHT_OTHER_UNIT,
    _RIGHT_QUALIFIER,
    _RIGHT_SUBGROUP,
    _RIGHT_THING,
    _ROLE_LABEL,
    _SMALL_AGE_WORDS,
    _SUBJ_ANCHOR,
    _THIRD_PARTY,
    _WRAPPED_QUANTITY_BEFORE,
    COMP,
    EXPR,
    NUM,
    PERSON_COMPARED_LEFT,
    REVERSED,
    SUF_MAX,
    SUF_MIN,
    UNIT,
    _find_all,
    bare_group_range_at,
    limit_noun_of_others,
    lower_keeping_offsets,
    word_and_group_candidates,
)
from trial_audit.text.age_phrase_bounds import comparator_of, number_of, reversed_statement, stated_bounds, unit_of
from trial_audit.text.age_population_claim import (
    earlier_sample,
    excluded_population,
    narrates_trial_conduct,
    population_claim,
    title_for_population,
    under_background_heading,
)
from trial_audit.text.age_scope import NEGATED_SUBJECT, inside_definition, narrower_scope, paragraph_around
from trial_audit.text.age_sentences import (
    _SENTENCE_BREAK,
    _clause_end,
    _clause_start,
    _header_before,
    _sentence,
    _sentence_left,
    _sentence_right,
    sentence_span,
)
from trial_audit.text.age_statements import Bound as Bound  # re-exported: the extractor's results
from trial_audit.text.age_statements import StatedAge as StatedAge
from trial_audit.text.age_statements import mark_alternatives as mark_alternatives

# a statement of who the participants will be ("All subjects will be adults (greater than 18 years)") under an
# exclusion header is a requirement: its sense is not inverted
_WILL_BE = re.compile(r"\b(?:will|are\s+to)\s+be\s+(?:[A-Za-z-]+\s+){0,2}?$|\bwill\s+be\s+(?:adults?|children|aged?)\b", re.I)


# groups matched by age ("Group 1 participants will be matched to Group 2 subjects as follows: Age: 18-64 and >65"): the
# strata of a matching, not who takes part
# a label or noun phrase that names the trial's age range without a participant word: "Target age group: 40 - 80 years"
_POPULATION_AGE = re.compile(r"\b(?:target|study|eligible|inclusion)\s+age\b|\bage\s+(?:range|group|bracket)\s*:", re.I)

_MATCHED_ON = re.compile(r"\b(?:will\s+be\s+|are\s+)?(?:matched|matching)\b", re.I)
_YEARS_OLD_UNIT = re.compile(r"y\s*/\s*o\b|y\.?\s?o\b", re.I)
_ELIGIBLE_FOR_STUDY = re.compile(
    r"\b(?:eligible|range|limits?|criteri(?:on|a))\s+for\s+(?:this\s+|the\s+)?(?:study|trial|participation|enrol\w*|inclusion|entry)\b",
    re.I,
)
# the branch of an "or" that repeats the age word before its number: ", or aged", "or be aged", "or ages:"
_OR_AGED = re.compile(r"\bor\s+(?:(?:be|is|are|if)\s+)?(?:aged?|ages)\s*(?:[=:]\s*)?$", re.I)


# --- the extractor ---------------------------------------------------------------------------


# "200 patients, aged 40 to 70 years, from primary care": after "aged" and a comma, "from" names where the people come
# from, not the event a duration counts from ("18 years from diagnosis"), whatever the source is called
_FROM_SOURCE_AFTER_COMMA = re.compile(
    r"^\s*,\s*from\s+(?!(?:the\s+)?(?:time\s+of\s+)?(?:diagnos|onset|birth|surgery|transplant|randomi|enrol|start|baseline|"
    r"first|last|injury|symptom|infection|treatment|therapy|menarche|menopause)\w*)",
    re.I,
)


def find_ages(
    text: str,
    mode: str = "prose",
    start: int = 0,
    end: int | None = None,
    item_starts: frozenset[int] = frozenset(),
) -> tuple[StatedAge, ...]:
    """Age limits stated in ``text[start:end]``; offsets index ``text``.

    ``mode``: "prose" (summaries, descriptions: stricter about context), "inclusion",
    "exclusion" (the sense of one-sided limits is inverted), "other" (criteria without a kind).
    ``item_starts``: offsets where criteria items' text starts (an age at an item start needs
    no other anchor: "- 18 years or older").
    """
    if not text:
        return ()
    end = len(text) if end is None else end
    out: list[StatedAge] = []
    taken_until = start
    # "18 ≤ age ≤ 65" first (only near a hint: the pattern is costly to try everywhere)
    for h in _REV_HINT.finditer(text, start, end):
        m = REVERSED.search(text, max(start, h.start() - 30), min(end, h.end() + 40))
        if m and (not out or m.start() >= out[-1].end):
            sa = reversed_statement(text, m, mode)
            if sa:
                out.append(sa)
    reversed_spans = [(s.start, s.end) for s in out]
    for q in _candidates(text, start, end):
        if q < taken_until or any(a <= q < b for a, b in reversed_spans):
            continue
        pb = None
        if _PRE_LAST.search(text, max(start, q - 12), q):
            pb = _PRE_BEFORE.search(text, max(start, taken_until, q - 50), q)
        m = None
        if pb:
            m = EXPR.match(text, pb.start(), end)
            if m is not None and m.start("n1") != q:
                m = None
        if m is None:
            m = EXPR.match(text, q, end)
        if m is None or m.group("n1") is None:
            continue
        sa = _classify(text, m, mode, start, end, item_starts)
        if sa is not None:
            lead = _LEAD_WORD.search(text, max(start, sa.start - 25), sa.start)
            s0 = lead.start() if lead else sa.start
            e0 = sa.end
            while e0 > s0 and text[e0 - 1].isspace():
                e0 -= 1
            if (s0, e0) != (sa.start, sa.end):
                sa = replace(sa, start=s0, end=e0, text=text[s0:e0])
            out.append(sa)
            taken_until = max(sa.end, q + 1)
    # (fourteenth round) milestones ("Must have turned 30") and compound ages ("30 years 0 months to 50 years 11 months")
    for sa in milestone_ages(text, mode, start, end):
        if any(o.start < sa.end and sa.start < o.end for o in out):
            continue
        header = _header_before(text, sa.start, 0)
        if _ROLE_LABEL.match(header):
            continue  # under "Donor Inclusion Criteria:": another person's age
        # under "At least 2 of the following:" or a cohort's header: one alternative
        out.append(replace(sa, claim=False) if _ALTERNATIVE_HEADER.search(header) else sa)
    out.sort(key=lambda s: s.start)
    return tuple(out)


def _candidates(text: str, start: int, end: int) -> list[int]:
    """Where numbers start: digit runs (not inside "1.5", "1,000", "3/4") and number words before a unit."""
    seen = set()
    out = []
    low = lower_keeping_offsets(text[start:end])
    keys = [start + i for w in _KEYWORDS for i in _find_all(low, w, 0, len(low))]
    keys.extend(m.end() - 1 for m in _DIGIT_Y.finditer(text, start, end))
    for ks in keys:
        for d in _DIGITS.finditer(text, max(start, ks - 36), ks):
            q = d.start()
            if q in seen or (q > start and text[q - 1] in ".,/0123456789"):
                continue
            seen.add(q)
            out.append(q)
    for d in _DIG_COMPARED.finditer(text, start, end):
        q = d.start(1) if d.group(1) else d.start(2)
        if q not in seen:
            seen.add(q)
            out.append(q)
    for i in _find_all(low, "age", 0, len(low)):
        d = _DIG_AGE.match(text, start + i, end)
        if d and d.start(1) not in seen:
            seen.add(d.start(1))
            out.append(d.start(1))
    for q in word_and_group_candidates(text, low, start, end):
        if q not in seen:
            seen.add(q)
            out.append(q)
    out.sort()
    return out


def _at_item_start(text: str, pos: int, cstart: int, lo: int, item_starts: frozenset[int]) -> bool:
    """Is pos at the start of a criteria item (after its marker and an optional "Age"/"be")?"""
    if cstart > lo and text[cstart - 1] == ";" and _ITEM_LEAD.match(text[cstart:pos]):
        return True  # a clause appended to an item after a semicolon: "Confirmed asthma; ≥ 18 years"
    if item_starts:
        for q in range(pos, max(lo, pos - 40) - 1, -1):
            if q in item_starts:
                return bool(_ITEM_LEAD.match(text[q:pos]))
        return False
    # no parse: a line start
    ls = text.rfind("\n", lo, pos) + 1 if text.rfind("\n", lo, pos) >= 0 else lo
    return bool(_ITEM_LEAD.match(text[ls:pos]))


def _classify(text: str, m: re.Match, mode: str, lo_lim: int, hi_lim: int, item_starts) -> StatedAge | None:
    g = m.group
    n1 = number_of(g("n1"))
    if n1 is None:
        return None
    u1, u2 = unit_of(g("u1")), unit_of(g("u2"))
    # cheap early rejections (most numbers near a time word are durations or lab values)
    near = text[max(lo_lim, m.start() - 50) : m.start()].lower()
    bare_group_range = bare_group_range_at(text, lo_lim, m.start("n1"))  # "adults 30-65 with ..."
    if (
        not (u1 or u2 or bare_group_range)
        and "age" not in near + (g("ageof") or "").lower() + (g("tail") or "").lower()
        and not (g("suf") or g("pre"))
    ):
        return None
    if (u1 or u2) not in (None, "year") and not (g("tail") or g("tail1")) and not any(k in near for k in _SMALL_AGE_WORDS):
        return None
    has_range = g("n2") is not None
    sep = (g("sep") or "").lower()
    cstart = _clause_start(text, m.start(), lo_lim)
    left = text[cstart : m.start()]
    # (the match may end with the line's newline: "Age 18-80\n"; the clause to the right stays on its line)
    m_end = m.start() + len(m.group(0).rstrip())
    cend = _clause_end(text, m_end, hi_lim)
    right = text[m_end:cend]
    pre = comparator_of(g("pre"))
    pre_text = (g("pre") or "").lower()
    if pre_text.strip() == "from" and not has_range:
        pre = "ge"  # "from 18 years" (a lower bound)

    # "between 18 and 65" needs "between"; otherwise "and" does not make a range
    if (
        has_range
        and sep == "and"
        and not (g("pre2") or g("tail"))
        and not re.search(r"\bbetween\s*(?:the\s+ages?\s+of\s*)?$", left + (g("pre") or ""), re.I)
    ):
        if not re.search(r"\bbetween\b", left[-30:], re.I):
            return _classify_single(text, m, mode, lo_lim, hi_lim, item_starts)
    if has_range and sep in ("to", "through", "thru", "until", "till") and pre in ("le", "lt"):
        # "up to 6 to 12 months" and the like: not a plain range
        return None

    # --- anchors ---------------------------------------------------------------------------
    ageof = bool(g("ageof") or g("cage"))  # "the age of 18", "over age 10"
    # ("13 y/o", "18 yo": the unit says "years old")
    tail = bool(g("tail") or g("tail1") or _YEARS_OLD_UNIT.match(g("u2") or g("u1") or ""))
    suf = (g("suf") or "").lower()
    plus_unit = _PLUS_UNIT.match(text, m.end(), hi_lim) if suf == "+" and not (u1 or u2) else None
    if plus_unit:  # "18+ years of age": the unit follows the plus
        u1, tail = "year", tail or bool(plus_unit.group(1))
    unit_present = bool(u1 or u2)
    anchor = None
    am = _AGE_ANCHOR.search(left)
    if ageof:
        anchor = "age"
        if pre is None and _AGE_PREP_NEG.search(left):
            return None  # "before the age of 18" (an event's age, not a limit)
    if am is not None and not ageof:
        w = am.group("w") or ""
        gap = am.group("gap")
        before = left[: am.start() + len(w)]
        # ("Ages eligible for study: 23 Years to 68 Years", the registry's own label: its "for" is no duration)
        gap_neg = _AGE_GAP_NEG.search(_ELIGIBLE_FOR_STUDY.sub(" ", gap))
        if gap_neg and re.fullmatch(r"groups?", gap_neg.group(0), re.I):
            # "in the age group of 10-13 years" (criteria); in prose only with the band right after ("Participants in the
            # age group of 18-45 years will be recruited"), not "the age group at highest risk, 10-13 years"
            if mode != "prose" or re.fullmatch(r"\s*groups?\s*(?:of\s*|:\s*)?", gap, re.I):
                gap_neg = None
        other_phrase = bool(_DESCRIPTIVE_AGE.match(w)) and not gap_neg and bool(re.search(r"[),]", gap))
        # "(of childbearing age), between 18 and 45 years of age": that "age" belongs to another phrase
        # "... of age (first age group) OR over 60 years of age": a statement with its own "years of age" after a
        # closed parenthesis does not depend on an earlier "age"
        other_phrase = other_phrase or (unit_present and tail and ")" in gap)
        if not other_phrase:
            if _AGE_PREWORD_NEG.match(w) or gap_neg or _AGE_PREP_NEG.search(before):
                return None
            if ")" in gap and "(" not in gap:
                # "(for =< 16 years of age) => 50": the age was inside a closed parenthesis; but
                # "... (first age group) OR over 60 years of age" still reads by its own "years of age"
                if not (unit_present and tail):
                    return None
            elif re.search(r"\b(?:at|of)\s*$", before, re.I) and re.search(
                r"diagnos|onset|symptom|menarche|first|develop|start|began|death", before, re.I
            ):
                return None
            elif not re.search(
                r"[0-9]\s*(?!(?:years?|months?|yrs?|phase|part|cohort|group|arm|stage|or|and|to)\b)[A-Za-z%]{2,}", gap, re.I
            ):
                anchor = "age"
    elif re.search(r"\bage\s*(?:\([^)]*\))?\s*:\s*\n[\s>*•·-]*$", text[max(lo_lim, m.start() - 40) : m.start()], re.I):
        anchor = "age"  # "Age:\n  - 18 and over" (a labelled list)
    if anchor is None and re.search(r"\bage\s", (g("tail") or "") + (g("tail1") or ""), re.I):
        anchor = "age"  # "in the 40-70 age range", "the 18-45 years age group"
    if anchor is None and unit_present and (tail or re.search(r"\b(?:older|younger)\b", suf + " " + pre_text)):
        anchor = "tail"
    if anchor is None and re.search(r"\b(?:older|younger|age)\b", pre_text) and not re.search(r"[0-9]\s*$", left):
        anchor = None if limit_noun_of_others(pre_text, mode, _sentence(text, m.start(), m.end(), lo_lim, hi_lim)) else "age"
    if anchor is None and pre is not None and _MUST_BE_ITEM.fullmatch(left):
        anchor = "subject"  # an item "- must be at least 21": the participant is the subject
    if anchor is None and _SUBJ_ANCHOR.search(left[-40:]):
        if (
            unit_present
            or bare_group_range
            or suf
            or (pre is not None and re.match(r"^\s*\(?\s*(?:or|and)\s+(?:older|younger)\b", right))
            or (pre is not None and re.search(r"\b(?:must|should|shall|to)\s+be\s+$", left, re.I))
            # "people over 60", "women under 50": a person compared by a bare number (measurements are rejected below)
            or (pre_text.strip() in ("over", "above", "under", "below") and PERSON_COMPARED_LEFT.search(left) is not None)
        ):
            # "Men and women 18 and older", "woman ≥18 (or older if ...)", "adults (18+)", "participants must be under 75"
            anchor = "subject"
    if anchor is None and mode != "prose" and (pre or suf or has_range or tail):
        # an item that starts with the age: "- 18 years or older", "≥ 18 years", "Over 18 years"
        unit_ok = (u1 or u2) == "year" or (unit_present and tail)
        if unit_ok and _at_item_start(text, m.start(), cstart, lo_lim, item_starts):
            label = _PREV_LABEL.search(text, max(lo_lim, m.start() - 120), m.start())
            if label is None or re.search(r"\bage\b|inclusion|eligib|criteria", label.group(1), re.I):
                anchor = "item"
                if _WRAPPED_QUANTITY_BEFORE.search(
                    text, max(lo_lim, m.start() - 120), text.rfind("\n", lo_lim, m.start()) + 1 or m.start()
                ):
                    return None  # "3. ... Duration of diabetes\n 4. more than one year": a quantity split by a stray marker
    if anchor is None:
        return None

    # --- negatives -------------------------------------------------------------------------
    if mode == "prose" and excluded_population(_sentence(text, m.start(), m.end(), lo_lim, hi_lim)):
        mode = "exclusion"  # (fourteenth round) "Those aged under 30 or over 50 years will not be considered.": inverted
    if not unit_present and anchor not in ("age", "subject"):
        return None
    raw_right = right
    right = _LEAD_PAREN.sub("", right, count=1)  # "Age > 18 months (i.e., > 547 days) regardless ..."
    # one branch of an "or": "Age ≥ 18 years, or ≥ 16 years with parental consent" (the consent belongs to a branch)
    # (in the exclusion criteria every branch excludes: "Ages <50 or >90" are both limits)
    or_branch = (
        mode != "exclusion"
        and bool(
            re.search(r"\bor\s*$", left, re.I)
            # with the age word repeated after the "or": "Aged ≥ 18 years, or aged ≥ 12 and < 18 years weighing ≥ 40 kg"
            # (NCT04292899; "=" where a registry export lost the "≥")
            or _OR_AGED.search(left[-40:])
            or _OR_NEXT.match(right)
            # items joined by an "OR" line or an item ending in "OR": "... family history OR\n - Healthy volunteers: age 18 or older"
            or _OR_BEFORE_ITEM.search(text, max(lo_lim, cstart - 40), cstart)
            or _OR_AFTER_ITEM.match(text, cend, min(hi_lim, cend + 40))
            or _caps_or_alternative(text, m.start(), m_end, lo_lim, hi_lim)
        )
    )
    # (read across a hard line wrap: "Patients under 18 years of age may enter\n      with consent of parent or guardian")
    consent = (
        None if or_branch else _RIGHT_CONSENT.match(right) or _RIGHT_CONSENT.match(" ".join(_sentence_right(text, m_end, hi_lim).split()))
    )
    if consent and "(" not in consent.group(0) and not _CONSENT_TIME.search(right[:70]):
        return None  # "those under 18 need a parent's consent"; not "4 to 13 years (consent of parent required)"
    if inside_definition(text, m.start()):
        return None  # "Postmenopausal defined by:\n - Age 50 or over", "(e.g. age > 55 years for ...)": not a limit
    if _CONSENT_CONDITION_LEFT.search(text, max(lo_lim, m.start() - 200), m.start()):
        return None  # "consent of their parents (if the subject is under 18 years of age)": who signs, not who enrols
    if or_branch:
        pass
    elif _RIGHT_CONSENT_DUTY.match(right) or _RIGHT_CONSENT_DUTY.match(text, m.end(), min(hi_lim, m.end() + 120)):
        return None  # "patients >= 18 years must be able to give informed consent": the age selects who consents
    if _RIGHT_GESTATION.match(text, m.end(), min(hi_lim, m.end() + 40)) or (not unit_present and _RIGHT_OTHER_UNIT.match(right)):
        return None
    if ageof and _EVENT_VERB.search(left):
        return None  # "who have had seizures with fever under the age of 2": the age of an event
    if pre_text.strip() in ("until", "till") and re.search(r"\bfollow", left, re.I):
        return None  # "followed at 4-week intervals until 28 weeks of age": a follow-up time
    if pre and re.search(r"\b(?:to|until|till|through)\s*$", left, re.I) and not has_range:
        return None  # "complete the trial to at least 9 months of age": a time point
    if not pre and not suf and _AT_TIME_POINT.search(left):
        return None  # "problems at 18 to 22 months of age": a time point
    if _ROLE_LABEL.match(left) or (not pre and re.search(r"[0-9]\s*(?:years?|yrs?|months?|mos?)\.?\s*,?\s*(?:and\s+)?$", left, re.I)):
        return None  # another person's age ("DONOR: Age < 75"); the days of "18 years and 0 days", "18 yrs and 0 days"
    if _OTHER_QUANTITY.search(left[-40:]) or _RIGHT_OTHER_QUANTITY.match(text, m.end(), min(hi_lim, m.end() + 40)):
        return None  # "> Age 50, life expectancy > 1 year"; "less than 10 years formal education"
    if g("cage") and not _COMP_AGE_LEFT.search(text[max(lo_lim, cstart) : m.start()]):
        return None  # "Diagnosis of colorectal cancer under age 41": the age at an event, not of the participant
    if mode in ("inclusion", "other") and _RIGHT_EXCLUDED.match(raw_right):
        # (also where the criteria have no section headers: "Children less than 18 years of age are excluded as is per
        # routine for normal volunteer protocols", NCT00005782)
        mode = "exclusion"  # an inclusion item "Infants under the age of 2 years are excluded": read as an exclusion
    if mode == "exclusion" and (re.search(r"\binclusion\b", left, re.I) or _REQUIREMENT.search(left) or _WILL_BE.search(left)):
        mode = "inclusion"  # "Inclusion Criteria:1. ≥18 years" run into one line; "May not be younger than 18" (a requirement)
    if mode in ("inclusion", "other") and excluded_by_verb(left):
        mode = "exclusion"  # "We will exclude subjects under 18": the people named are out, "under 18" is a minimum
    if mode == "exclusion" and left.rstrip().endswith("(") and len(left.split()) > 3 and not _SUBJ_ANCHOR.search(left.rstrip()[:-1]):
        return None  # "Patients eligible for bone marrow transplant (=< 60 years old), with ...": qualifies another group
    if _ROLE_LABEL.match(_header_before(text, cstart, 0)):
        return None  # under "Donor Inclusion Criteria:": another person's limits
    if _QUOTA.search(_sentence_left(text, m.start(), lo_lim)):
        return None  # "including at least 10 each of individuals who are between 3 and 8": a recruitment quota
    if mode == "exclusion" and _RIGHT_QUALIFIER.match(right):
        return None  # "Patients aged 35 or older who smoke": only a subgroup is excluded, not everyone of that age
    if anchor != "age" and not tail and _RIGHT_EVENT_TIME.match(right):
        return None  # "less than 28 days or more than 80 days after PBSCT"
    if (u1 or u2) not in (None, "year") and not tail and anchor != "age" and _RECENT_EVENT.search(left):
        return None  # "myocardial infarction patients (less than 1 month)": time since an event
    if anchor == "tail" and _LEFT_THING.search(left[-40:]):
        return None
    if not unit_present and re.match(
        r"^\s*(?:kg|%|mg|cm|mm|g\b|lb|ml|x|times|cigarettes|pack|feet|foot|ft\b|inch|in\b|pounds|stones?\b|m\b|met(?:er|re)s?)", right, re.I
    ):
        return None
    if _RIGHT_NEG.match(right) and not tail and not suf and not (anchor == "age" and _FROM_SOURCE_AFTER_COMMA.match(right)):
        return None  # ("21 years or older diagnosed with cancer": "or older" makes it an age)
    if re.match(r"^[^\n;]{0,50}(?:(?<![0-9]):\s*|:\s+)[0-9]", right):
        # a row of a table by age: "older than 5 but equal to or less than 10: 1.0"; not a ratio or a clock time glued
        # to its digits ("will be randomised 1:1", "allocated 2:1", "seen at 10:30"), which says nothing of the age
        return None
    if _RIGHT_COLON.match(right) or _RIGHT_THING.match(right) or _RIGHT_IF.match(right):
        return None
    if anchor != "age" and _DURATION_PREP.search(left[-30:]):
        return None
    conditional = _CONDITIONAL.search(left) and not _LOOKING_FOR.search(left)
    if conditional and mode == "prose" and title_for_population(text, lo_lim, m.start()):
        conditional = None  # "Home exercise for women aged 30 to 50 with knee pain (HEX-K). …": a title's population
    if conditional or _THIRD_PARTY.search(left) or _LEFT_NEG.search(left):
        return None
    if mode != "exclusion" and _INLINE_ALTERNATIVES.search(left):
        # "At least one comorbidity among: age ≥ 70 years old, history of ...": one risk factor of several (in the exclusion
        # criteria each alternative excludes: "Any of the following: pregnancy, infants less than 12 months of age")
        return None
    if _CONSENT_WORD.search(left) and _GUARDIAN_WORD.search(left):
        return None  # who gives consent at which age ("... consent, both, the parent or tutor and the participant aged 14-17")
    if _MENOPAUSE_DEF.search(left) or _MENOPAUSE.search(right[:40]):
        return None
    if _MENOPAUSE.search(text, max(lo_lim, m.start() - 500), m.start()) and _MENOPAUSE_DEF_RUN_ON.search(
        text, max(lo_lim, m.start() - 500), m.start()
    ):
        return None  # "Menopausal status: ..., i.e., meeting at least 1 of the following criteria: ... women no greater than age 50"
    if narrower_scope(
        text,
        m.start(),
        m_end,
        left,
        _sentence_right(text, m_end, hi_lim),
        _sentence_left(text, m.start(), lo_lim),
        _header_before(text, cstart, 0),
        paragraph_around(text, m.start(), m_end, lo_lim, hi_lim),
    ):
        return None  # the age qualifies a sub-group, a scale, another person or protocol (see age_scope)
    claim = True
    if mode == "prose":
        sent_a, sent_b = sentence_span(text, m.start(), m.end(), lo_lim, hi_lim)
        sentence = text[sent_a:sent_b]
        if _DOSING.search(sentence) or _EPIDEMIOLOGY.search(sentence):
            return None
        if earlier_sample(sentence, m.start() - sent_a, m_end - sent_a) or (
            under_background_heading(text, sent_a, lo_lim)
            and not (_CLAIM.search(sentence) or _AGE_CLAIM.search(sentence) or narrates_trial_conduct(sentence))
        ):
            return None  # (fifteenth round) an earlier study's sample, or text under a "BACKGROUND:" heading (NCT00005679)
        # a label that names the trial's age range without a verb is a claim: "Target age group: 40 - 80 years", "Age Range:
        # greater than 1 year". (A sentence that only names people is NOT read as a claim: on the tune part that made 58 new
        # findings of which about 14 were true — treatment narratives of one arm, background, past samples; see rules-ta2xx.md)
        claim = bool(_CLAIM.search(sentence) or _AGE_CLAIM.search(sentence) or _POPULATION_AGE.search(sentence))
        # (fourteenth round) or, read by structure: the age of the population noun phrase the sentence is about
        claim = claim or (
            population_claim(sentence, m.start() - sent_a, m_end - sent_a, _SENTENCE_BREAK.search(text, lo_lim, sent_a) is None)
            # (fifteenth round) not under a "BACKGROUND:" / "Rationale" heading of a description: what is known, not who enrols
            and not under_background_heading(text, sent_a, lo_lim)
        )
        if _PAST_ENROLMENT.search(sentence) or _MATCHED_ON.search(sentence):
            claim = False  # "All infants under one year of age ... were eligible" (a design narrative of a past sample)
        if not claim and not _PARTICIPANT.search(sentence):
            return None  # names no participant: "disorders emerge between 2.5 and 12 years of age"
    # a subgroup's limit ("Cohort 2: 0 days to < 12 years", "4 to 12 years for girls", "(first age group)")
    # is one of several: held to the structured range only when it falls outside it
    if or_branch or _RIGHT_SUBGROUP.match(raw_right) or _LEFT_SUBGROUP.search(left):
        claim = False
    elif _LEFT_SUBGROUP.search(_sentence_left(text, cstart, lo_lim)):
        claim = False  # "... will be compared with\n children and adolescents (ages 6-17)" across a line wrap
    elif one_group_of_several(
        text, m.start(), _header_before(text, cstart, 0), text[max(lo_lim, m.start() - 400) : m.start()], raw_right, mode, m_end
    ):
        claim = False  # "ASTHMATICS:" beside "NORMAL VOLUNTEERS:", "Three groups of subjects are eligible: ...", "(randomized portion)"
    elif mode != "prose" and opens_with_cohort_label(text, m.start(), lo_lim, item_starts):
        claim = False  # "8. Tamil population. … under 18", "Healthy controls: …": that cohort's age, one range of several
    elif mode != "prose" and _ALTERNATIVE_HEADER.search(_header_before(text, cstart, 0)):
        # (the header may stand before the section's own start: "Inclusion criteria for research PET imaging in children:")
        claim = False
    elif mode == "prose" and _PROSE_ENUMERATED.search(left):
        claim = False  # "may be eligible: 1) patients with ...; 3) healthy volunteers 7 years of age or older": one category
    # negation right before the comparator: "must not be older than 80"
    # or of the subject: an inclusion item "No patients less than or equal to 5 years old"
    negated = (
        bool(pre)
        and bool(re.search(r"\bnot\s+(?:be\s+)?$|\bno\s+$", left, re.I) or NEGATED_SUBJECT.search(left))
        and not pre_text.startswith(("no", "not"))
    )
    if negated and NEGATED_SUBJECT.search(left) and _RIGHT_QUALIFIER.match(right):
        return None  # "No patients under age 55 with a HLA-matched sibling donor" (NCT00002592): a qualified sub-group is out

    return stated_bounds(
        text, m, mode, hi_lim, n1=n1, u1=u1, u2=u2, pre=pre, suf=suf, anchored=anchor == "age" or tail, negated=negated, claim=claim
    )


_SINGLE = re.compile(
    rf"(?:(?P<pre>{COMP})\s*(?::\s*)?(?P<cage>{_COMP_AGE})?)?(?P<ageof>(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+)?(?P<n1>{NUM})\s*(?P<u1>{UNIT})?"
    rf"(?P<tail1>{_AGE_TAIL})?(?P<sep>)(?P<pre2>)(?P<n2>)(?P<u2>)(?P<tail>)(?:\s*,?\s*(?P<suf>{SUF_MIN}|{SUF_MAX}))?(?P<incl>)",
    re.I,
)


def _classify_single(text, m, mode, lo_lim, hi_lim, item_starts):
    m2 = _SINGLE.match(text, m.start(), hi_lim)
    if not m2:
        return None
    # _SINGLE has an empty n2 group: make it None-like
    return _classify(text, _NoRange(m2), mode, lo_lim, hi_lim, item_starts)


class _NoRange:
    """A match wrapper whose range groups read as absent."""

    def __init__(self, m: re.Match) -> None:
        self._m = m

    def group(self, name=0):
        if name in ("sep", "pre2", "n2", "u2", "tail", "incl"):
            return None
        return self._m.group(name)

    def start(self, *a):
        return self._m.start(*a)

    def end(self, *a):
        return self._m.end(*a)


def _caps_or_alternative(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """The age stands in one of several alternatives run together by a capital "OR" in its sentence ("AML in remission OR
    ALL in an adult over age 15 OR severe aplastic anemia"), written in ordinary case (in an all-capitals line "OR" is
    only the word)."""
    lo_w, hi_w = max(lo, start - 260), min(hi, end + 260)
    before = _CAPS_OR_BEFORE.search(text, lo_w, start)
    after = _CAPS_OR_AFTER.match(text, end, hi_w)
    for m in (before, after):
        if m is not None and any(c.islower() for c in m.group(0)):
            return True
    return False
