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

from trial_audit.text.age_sentences import in_own_sentence

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


# --- the ninth round: a duty that only an age group has -------------------------------------------------------------
# the age is the subject's own modifier at the start of a sentence or item: "Patients less than 16 years of age must ...",
# "- Children under 12 should ...", "Those younger than 18 need ..." (not "Patients must be under 16": the modal comes first)
_SUBJECT_BEFORE_AGE = re.compile(
    r"(?:^[^\S\n]*|[.;:!?]\s+|\n[^\S\n]*)(?:(?:[-*•·]|\(?[0-9a-zA-Z]{1,2}[.)])[^\S\n]*)?(?:all\s+|any\s+)?"
    r"(?:(?:male|female|pa?ediatric|adolescent|adult|eligible|enrolled)\s+)?"
    r"(?:patients|participants|subjects|children|adolescents|adults|those|individuals|persons|people|infants|girls|boys|women|men|"
    r"volunteers|minors|candidates|recipients)"
    r"(?:\s+(?:who\s+are|aged|age[sd]?|of\s+age|that\s+are))?[\s,]*$",
    re.I,
)
# a duty verb that follows the age: something this group must have, do or show beyond what everyone must
# ("must have an active infection", "need a guardian's consent", "should undergo an ECG", "are required to provide");
# "must be eligible / enrolled / included" is the limit's own predicate and is no duty of a group
_GROUP_DUTY_RIGHT = re.compile(
    r"^[\s,)]*(?:(?:years?|yrs?|months?|weeks?)\s+)?(?:(?:of\s+age|old)\b)?[\s,]*(?:who\s+[^;.]{0,80}?\s+)?"
    r"(?:do(?:es)?\s+not\s+(?:require|need)\b|"
    r"(?:must|should|shall|will\s+(?:also\s+)?need\s+to|need\s+to|needs?|are\s+required\s+to|will\s+(?:also\s+)?be\s+required\s+to)\s+"
    r"(?:also\s+|additionally\s+|in\s+addition\s+)?"
    r"(?:have|has|had|undergo|sign|provide|obtain|present|show|meet|demonstrate|receive|agree|weigh|live|attend|complete|submit|"
    r"be\s+(?:accompanied|tested|screened|evaluated|assessed|seen|examined|vaccinated|immuni[sz]ed|able\s+to|willing\s+to|"
    r"on\s+|off\s+|free\s+of|without|negative|positive|documented|discussed|reviewed|approved|referred)|"
    r"an?\s+|the\s+|their\s+|his\s+|her\s+|written\s+|parental\s+|documented\s+|(?:legal\s+)?guardian))",
    re.I,
)
# only an upper bound names a group inside a wider trial ("less than 16 years of age", "under 12", "younger than 18"); a
# minimum ("Patients 18 years or older must have measurable disease") or a range ("Patients aged 18-75 must have
# histologically confirmed ...") written as the subject is usually the trial's own limit and stays a claim
_UPPER_ONLY = re.compile(r"\b(?:under|below|less|younger|up\s+to)\b|[<≤]", re.I)
_LOWER_OR_RANGE = re.compile(
    r"\b(?:over|above|older|greater|more|at\s+least|between)\b|[>≥+]|[0-9]\s*(?:[-–]|to\b|through\b|and\b)\s*(?:age\s+)?[0-9]", re.I
)


def duty_of_an_age_group(text: str, start: int, end: int, sentence_left: str) -> bool:
    """Is the age an upper bound that modifies a sentence's subject whose predicate is a duty of that age group ("Patients less
    than 16 years of age must have an active infection", "Children under 12 need a parent present at every visit")? The trial
    then admits others too; the age is one group's, held only to lying inside the structured range."""
    age_text = text[start:end]
    if not _UPPER_ONLY.search(age_text) or _LOWER_OR_RANGE.search(age_text):
        return False
    # (the predicate may follow a hard line wrap: the sentence after the age, not the clause on its line)
    return bool(_SUBJECT_BEFORE_AGE.search(sentence_left[-160:])) and bool(_GROUP_DUTY_RIGHT.match(_clause_after(text, end)))


# the tune self-audit of the ninth round (40 findings drawn from the tune part): three more ways an age belongs to a group
# a risk group defined by age beside a stage: "Under 10 years, Stage IV, Clinical Group IV, with embryonal features"
_RISK_GROUP_RIGHT = re.compile(
    r"^[\s)]*(?:(?:of\s+age|old)\b)?\s*[,;]\s*(?:and\s+)?(?:stage|clinical\s+group|risk\s+group|IRS\s+group)\s+(?:[IVX]{1,4}|[0-4])[A-Da-dSs]?\b",
    re.I,
)
# a sub-group admitted one by one: "Patients =< 65 years old who are at high risk ..., or others who wish to be treated on this
# protocol, will be considered on a case-by-case basis"
_CASE_BY_CASE = re.compile(r"\bcase[- ]by[- ]case\b|\bindividual\s+basis\b|\bat\s+the\s+discretion\s+of\b", re.I)
# people the participant must keep away from: "able to avoid close household contact ... with persons with eczema; ...;
# children under 5 years of age; and immunodeficient persons"
_CONTACT_LIST_LEFT = re.compile(r"\b(?:household|close)\s+contacts?\b|\bcontact\s+with\b|\bexposure\s+to\b", re.I)
_PERSON_BEFORE_AGE = re.compile(r"\b(?:children|infants|babies|persons|people|individuals|adults|women|men|anyone)\s*$", re.I)
_ITEM_BREAK = re.compile(r"\n[^\S\n]*\n|\n[^\S\n]*(?:[-*•·]|[0-9]{1,2}[.)])[^\S\n]")


def age_of_a_group_in_the_item(text: str, start: int, end: int, right: str) -> bool:
    """A risk group defined by age beside a stage, a sub-group admitted case by case, or people in a list of contacts to
    avoid: one group's age, not the trial's (held only to lying inside the structured range)."""
    if _RISK_GROUP_RIGHT.match(right) or _CASE_BY_CASE.search(_clause_after(text, end)):
        return True
    lo = max(0, start - 600)
    breaks = list(_ITEM_BREAK.finditer(text, lo, start))
    item_left = in_own_sentence(text[breaks[-1].end() if breaks else lo : start])
    return bool(_PERSON_BEFORE_AGE.search(item_left)) and bool(_CONTACT_LIST_LEFT.search(item_left))
