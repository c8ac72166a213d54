"""Ages that qualify one part or one group of the trial, not all of it (the sixth round of issue 20).

The classes of the fourth tune sample that :mod:`trial_audit.text.age_scope` did not yet read:

- a time point of a follow-up schedule ("followed ... until 28 weeks of age", "assessed at 6, 12 and 24 months of age");
- an age group with criteria of its own ("Children < 15 months of age ... must also have one or more of the following");
- a threshold an age group must meet ("Patients >= 70 years must have a performance status of 0-2");
- a header over one part of the protocol ("EFFICACY STUDY:", "PHASE II PORTION:", "OPEN-LABEL EXTENSION:"), whose limit is
  one of several (the parts' union is what the structured range is held to).
"""

from __future__ import annotations

import re

# an age as a time point of a follow-up schedule: "followed at 4-week intervals until 28 weeks of age", "assessed at 6, 12
# and 24 months of age", "seen at visits through 2 years of age" (the visit verb, then a time preposition right before the age)
_SCHEDULE_LEFT = re.compile(
    r"\b(?:followed(?:\s+up)?|follow-?up|assessed|re-?assessed|evaluated|re-?evaluated|examined|seen|monitored|measured|tested|"
    r"observed|visits?|vaccinated|immuni[sz]ed|scheduled|sampled|weighed|recorded)\b[^.;]{0,80}?"
    r"\b(?:until|till|through|at|by)\s+(?:ages?\s+)?(?:[0-9]{1,3}(?:\.[0-9]+)?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*))*$",
    re.I,
)
# an age group with criteria of its own: "Children < 15 months of age, who are thought to have acquired HIV ..., must also
# have one or more of the following laboratory criteria" (the others need not: "also", "additionally", "in addition")
_EXTRA_CRITERIA_RIGHT = re.compile(
    r"^[^.;]{0,300}?\b(?:must|should|shall|will|need\s+to|needs\s+to|are\s+required\s+to)\s+(?:also|additionally|in\s+addition)\s+"
    r"(?:have|meet|satisfy|fulfil+|show|demonstrate|undergo|present|be\s+(?:tested|screened|evaluated|assessed))\b",
    re.I,
)
_LEADING_PREPOSITION = re.compile(r"(?:until|till|through|by|at)\s+", re.I)
# (a sentence ends at a full stop, a semicolon, a blank line or the next list item)
# a sub-group's duty to meet a threshold: "Patients >= 70 years must have a performance status of 0-2" (NCT00002556),
# "Participants over 60 should have a left ventricular ejection fraction of at least 50%" (the others meet another one)
_RIGHT_THRESHOLD_DUTY = re.compile(
    r"^[\s,)]*(?:(?:of\s+age|old)\s+)?(?:must|should|shall|need\s+to|are\s+required\s+to)\s+(?:also\s+)?have\s+"
    r"(?:an?\s+|a\s+minimum\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:performance\s+status|PS|ECOG|Zubrod|Karnofsky|Lansky|"
    r"creatinine\s+clearance|ejection\s+fraction|LVEF|(?:cardiac|pulmonary|renal|hepatic|organ)\s+function)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"\.\s|;|\n[^\S\n]*\n|\n[^\S\n]*(?:[-*•·]|[0-9]{1,2}[.)])[^\S\n]")
_SPACES = re.compile(r"\s+")
# a header over the criteria of one part of the protocol: "EFFICACY STUDY:", "SAFETY STUDY:", "PHASE II PORTION:",
# "OPEN-LABEL EXTENSION:", "Part B:" (each part has its own criteria; "Stage III disease:" is no part of the protocol)
_PART_HEADER = re.compile(
    r"\b(?:efficacy|effectiveness|safety|tolerability|dose[- ](?:escalation|expansion|finding)|expansion|open[- ]label|"
    r"randomi[sz]ed|double[- ]blind|pharmacokinetics?|pk|run[- ]in|maintenance|continuation|"
    r"phase\s+(?:i{1,3}|iv|[1-4])[ab]?)\s+(?:study|portion|part|phase|stage|cohort|extension|arm|component|trial)\b|"
    r"\bopen[- ]label\s+extension\b|^[\s*•·>-]*(?:part|portion)\s+(?:[a-d1-4]|i{1,3}|one|two|three)\s*$",
    re.I,
)


def _clause_after(text: str, end: int) -> str:
    """The sentence after ``end`` (up to 400 characters, across hard line wraps), whitespace collapsed."""
    window = text[end : end + 400]
    m = _SENTENCE_END.search(window)
    return _SPACES.sub(" ", window[: m.start() if m else len(window)])


def schedule_or_group_duty(text: str, start: int, end: int, sentence_left: str, right: str) -> str | None:
    """A follow-up time point, an age group with its own extra criteria, a threshold that an age group must meet
    (narrower scopes, see :func:`trial_audit.text.age_scope.narrower_scope`)."""
    # (the time preposition may open the statement itself: "measured monthly | until 2 years of age")
    lead = _LEADING_PREPOSITION.match(text, start, end)
    left = sentence_left[-200:] + (lead.group(0) if lead else "")
    if _SCHEDULE_LEFT.search(_SPACES.sub(" ", left)):
        return "a time point of a follow-up schedule"
    if _EXTRA_CRITERIA_RIGHT.match(_clause_after(text, end)):
        return "an age group with criteria of its own"
    if _RIGHT_THRESHOLD_DUTY.match(right):
        return "a threshold that an age group must meet"
    return None


def under_part_header(header: str) -> bool:
    """Does the list header name one part of the protocol ("EFFICACY STUDY:", "PHASE II PORTION:", "Part B:")? Its limit is
    one group's of several: it agrees when any part's does, and the union of the parts is held to the structured range."""
    return bool(header) and len(header) <= 80 and bool(_PART_HEADER.search(header.strip().rstrip(":")))
