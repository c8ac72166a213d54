"""Lists inside one outcome measure that are no list of measures (TA805, fp9 round).

outcome_measures._measure_phrases cuts a title at its joiners and reports two neighbouring parts that
each name a measure. These tests say when the joiner is inside one measure instead:

- a category label in front of its one score ("<X> Symptoms, <Y> Score");
- domains followed by ":" / "by" / "using" / "(" and ONE named instrument that scores them;
- one instrument's subscales sharing a plural "scores" ("<instrument> A and B scores");
- a condition clause whose words the joiner pairs ("following single and repeat doses");
- the factors of one analysis ("influence of A, B and C on Y");
- the two operands of one ratio, difference, correlation or agreement ("Ratio of X and Y").

All patterns are linear (bounded repetitions) and ASCII-digit only.
"""

from __future__ import annotations

import re

#: a part that is only a category label: its head is "symptoms" (or a domain word), no quantity of its own
_LABEL_ONLY = re.compile(r"^[A-Za-z0-9' -]{1,40}?\s(?:symptoms|domain|module|section|category|area)$", re.I)
#: a score that a label before it names: "Breathing Score", "Night-time Waking Score", "Energy subscale"
_ONE_SCORE = re.compile(r"^[A-Za-z0-9' -]{1,40}?\s(?:score|sub-?score|sub-?scale|rating)$", re.I)


def label_then_score(a: str, b: str, after_comma: bool) -> bool:
    """ "COPD Symptoms, Breathing Score": a category label, a comma, then its one score."""
    return after_comma and bool(_LABEL_ONLY.match(a.strip())) and bool(_ONE_SCORE.match(b.strip()))


#: how domains lead to the instrument that scores them: "Function: SF-36", "... by the SF-36", "(SF-36)"
DOMAIN_TO_INSTRUMENT = re.compile(
    r":\s|(?<![A-Za-z])(?:(?:as\s+)?(?:measured|assessed|evaluated|scored|rated)\s+(?:by|using|with|on|via)|by|using|on\s+the|via|"
    r"according\s+to)\s|\(",
    re.I,
)

#: a quantity read off a clock, a count or a laboratory: a part with one is a measure, not a questionnaire's domain
_QUANTITY = re.compile(
    r"(?<![A-Za-z])(?:times?|durations?|lengths?|rates?|ratios?|levels?|counts?|numbers?|concentrations?|proportions?|percentages?|"
    r"incidences?|frequenc(?:y|ies)|efficiency|latency|volumes?|pressures?|weights?|doses?|scores?|titers?|titres?)(?![A-Za-z])",
    re.I,
)


def names_a_quantity(text: str) -> bool:
    return bool(_QUANTITY.search(text))


#: the parts a subscale list of one instrument may end in: "<instrument> A and B (transformed) scores"
_PLURAL_SCORES = re.compile(r"(?<![A-Za-z])(?:sub-?)?scores\s*$", re.I)


def shares_plural_scores(b: str) -> bool:
    return bool(_PLURAL_SCORES.search(b))


#: a condition clause at the end of a part, a few words after its lead: "following single", "after
#: the first", "during low and ...", "under fasting": the joiner pairs words of the condition
_CONDITION_TAIL = re.compile(
    r"(?<![A-Za-z])(?:following|after|before|during|at|in|under|upon|with|without|between)\s+(?:[A-Za-z0-9-]+\s+){0,2}[A-Za-z0-9-]+\s*$",
    re.I,
)


#: what a condition clause is about: dosing, a state or a regimen ("repeat doses", "multiple dosing", "fed conditions")
_CONDITION_NOUN = re.compile(
    r"^(?:[A-Za-z0-9-]+\s+){0,2}(?:doses?|dosing|administrations?|injections?|infusions?|meals?|exercise|conditions?|"
    r"fasting|fed\s+states?|states?|regimens?|treatments?|cycles?)(?![A-Za-z])",
    re.I,
)


def condition_pair(a: str, b: str) -> bool:
    """ "... following single and repeat doses": the part before ends a few words into a condition clause and the part
    after finishes it with a dosing or state noun; "Mortality at 28 days and need for ventilation" is two measures."""
    return bool(_CONDITION_TAIL.search(a)) and bool(_CONDITION_NOUN.match(b.strip()))


#: "influence of", "effect of", "impact of", "association of", "relationship of", "role of": factors of one analysis
_FACTORS_LEAD = re.compile(
    r"(?<![A-Za-z])(?:influences?|effects?|impacts?|associations?|relationships?|relations?|roles?|contributions?|predictors?)\s+of\s",
    re.I,
)
#: what the factors act on: "... on correlation", "... with mortality", "... upon recovery"
_FACTORS_TARGET = re.compile(r"\s(?:on|upon|with|to)\s", re.I)


_SENTENCE_STOP = re.compile(r"[;.](?:\s|$)|\n")


def factors_of_one_analysis(title: str, first: int, second: int) -> bool:
    """ "influence of A, B and C on Y": a factor lead before the list (with no "on" between it and the list)
    and the target after the second part's start, in one sentence."""
    sentence_begin = max((m.end() for m in _SENTENCE_STOP.finditer(title, 0, first)), default=0)
    stop = _SENTENCE_STOP.search(title, second)
    sentence_end = stop.start() if stop else len(title)
    lead = None
    for m in _FACTORS_LEAD.finditer(title, sentence_begin, first + 1):
        lead = m
    if lead is None or _FACTORS_TARGET.search(title, lead.end(), first):
        return False
    return bool(_FACTORS_TARGET.search(title, second, sentence_end))


#: one measure of two quantities: "Ratio of X and Y", "Difference in X and Y", "Correlation of X and Y"
_TWO_OPERANDS = re.compile(
    r"^(?:(?:the|mean|median)\s+)?(?:ratios?|differences?|products?|quotients?|correlations?|agreements?|concordances?|"
    r"discrepanc(?:y|ies)|sums?|gradients?)\s+(?:of|in|for)\s",
    re.I,
)


def operands_of_one_measure(a: str) -> bool:
    """The first part opens a ratio, difference, correlation ...: the part after the joiner is its second operand."""
    return bool(_TWO_OPERANDS.match(a.strip()))


#: a plain capitalised word and "and" right before a name that starts with a capital: "Positive and | Negative
#: Symptoms Scale", "Signs and | Symptoms", "Capecitabine and | Lapatinib concentrations" are one name
_NAME_HALF_BEFORE = re.compile(r"(?<![A-Za-z0-9-])[A-Z][a-z'-]{1,30}\s+(?:and|&)\s+$")


def widen_name(title: str, start: int) -> int:
    """Where the quoted first measure starts once the first half of a name joined by "and" is taken in."""
    if start >= len(title) or not title[start].isupper():
        return start
    m = _NAME_HALF_BEFORE.search(title, max(0, start - 40), start)
    return m.start() if m else start
