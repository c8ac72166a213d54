"""Is an age statement the trial's own limit, or does it qualify something narrower?

An age phrase is the trial's age limit only when it is the predicate of an eligibility
statement about the participants as a whole ("Age ≥ 18", "Patients must be 18 or older").
The same phrase often qualifies something narrower, and then it is no limit of the trial:

- a scale or procedure chosen by age ("Patients ≤ 10 years modified Lansky ≥ 60", "we will
  evaluate children < 18 by obtaining a urine sample");
- a duty or an exception of a sub-group, stated by the verb that follows the age ("Subjects
  under 18 were only included where legally permitted", "... must sign an assent",
  "... may be considered on an individual basis", "... must not be eligible for any other study");
- a header that scopes the items below it ("Children ≥ 18 months of age:") or names another
  person ("household member or close contact to someone who:");
- a share or count of the participants ("no more than 10 percent ... may be over 50", "n=40 males > 40");
- another protocol: an earlier version, a sub-study, an amendment, in the same paragraph;
- a sentence that also admits "any age" (the age then only sorts people into groups);
- another person in the clause ("Priority of multiple donors: ... Age over 18").

:func:`narrower_scope` returns why a statement qualifies something narrower (a short reason),
or None when it may be a limit of the whole trial. The extractor drops such statements: when a
reading is ambiguous a curator is better served by silence than by a false alarm.
"""

from __future__ import annotations

import re

from trial_audit.text.age_cohort_scope import age_of_something_else, interval_or_counted_cohort
from trial_audit.text.age_contact_scope import age_of_a_contact
from trial_audit.text.age_subgroup_scope import schedule_or_group_duty

# the age chooses a performance scale: "Patients </=10 years modified Lansky scale >/= 60"
_RIGHT_SCALE = re.compile(
    r"^[\s,:)(-]*(?:modified\s+)?(?:lansky|karnofsky|karnovsky|zubrod)\b",
    re.I,
)
# the age selects who undergoes a procedure: "children < 18 years by obtaining a urine sample"
_RIGHT_METHOD = re.compile(r"^[\s,)]*(?:of\s+age\s+)?by\s+[a-z]+ing\b", re.I)
# a verb after the age that gives a sub-group a duty, an exception or a permission, not eligibility:
# "were only included where legally permitted", "will be asked to sign", "may be considered on an individual basis"
_RIGHT_SUBGROUP_PREDICATE = re.compile(
    r"^[\s,)]*(?:of\s+age\s+)?(?:[,(]?\s*(?:but\s+)?(?:who|that)\s+[^;.]{0,40}?)?"
    r"\b(?:were|was|are|is|will|would|must|should|shall|may|can|need|needs)\b[^;.]{0,50}?"
    r"\b(?:only\s+(?:be\s+)?included|legally|permitted\s+by|where\s+(?:legally|ethically|allowed|permitted)|"
    r"considered\s+on|individual\s+basis|case[- ]by[- ]case|asked\s+to\s+(?:sign|give|provide)|assent|"
    r"(?:any|an)\s+other\s+(?:study|studies|protocol|trial))",
    re.I,
)
# a sub-group named after the age: "Aged >=2 years for unaffected subjects" (not "for all subjects")
_RIGHT_FOR_SUBGROUP = re.compile(
    r"^[\s,(]*for\s+(?!all\b|both\b|these\b|this\b|the\s+study\b)(?:[A-Za-z-]+\s+){1,3}?"
    r"(?:subjects|patients|participants|volunteers|individuals|persons|people|cases)\b|"
    # "Age: 75 and under for patients electing participation in the nodal irradiation portion"
    r"^[\s,(]*for\s+(?:subjects|patients|participants|those)\s+(?:who\s+)?(?:elect\w*|choos\w*|opt\w*|randomi[sz]ed\s+to|assigned\s+to|"
    r"participating\s+in|enrolled\s+in|undergoing)\b",
    re.I,
)
# a measurement threshold that depends on age: "greater than 2 SDs in subjects 18 years of age or younger"
_THRESHOLD_FOR_AGE = re.compile(
    r"[0-9][^\n;]{0,30}?\b(?:in|for)\s+(?:[A-Za-z-]+\s+){0,2}?(?:patients|subjects|participants|children|adults|those|individuals|persons)\s*$",
    re.I,
)
# an accrual period: "This study will accrue 20 patients over 18 months"
_ACCRUAL = re.compile(r"\baccru(?:e|es|ed|al|ing)\b", re.I)
_AGE_WORDING = re.compile(r"\bage|\bold\b|\by/?o\b", re.I)
# people without an age limit in the same breath: "... 5 years of age and older and their relatives may enroll"
_RIGHT_OTHERS = re.compile(
    r"^[^;.]{0,25}?\b(?:and|or)\s+(?:their|his|her)\s+(?:relatives|famil(?:y|ies)|parents|siblings|partners|spouses)\b|"
    # further on, when the sentence goes on to make those others eligible: "Patients 10 years of age and older with known or
    # suspected SLE and their relatives may be eligible" (the relatives have no age limit)
    r"^[^;.]{0,100}?\b(?:and|or)\s+(?:their|his|her)\s+(?:(?:first|second|close|blood)[- ](?:degree\s+)?)?(?:relatives|famil(?:y|ies)|"
    r"family\s+members|parents|siblings|partners|spouses|children|offspring)\s+(?:may|can|will|are|would)\s+(?:also\s+)?(?:be\s+)?"
    r"(?:eligible|enrol\w*|included|invited|participate|join|take\s+part)\b|"
    r"^[^;.]{0,120}?\bor\s+(?:others|anyone|those)\s+who\b"
    # "Adults and children 2 years of age and older with Ebstein's anomaly and healthy volunteers may be eligible"
    r"|^[^;.]{0,80}?\band\s+(?:healthy|normal)\s+(?:adult\s+)?(?:volunteers|controls|subjects|individuals)\b(?![^;.]{0,40}[0-9])",
    re.I,
)
# one part of the protocol named after the age: "... will be used for the pilot study", "... for the pilot study (Phase I)"
# (a whole trial that is a pilot study is not a part: "This research study is a Pilot Study" elsewhere in a summary)
# ("... are eligible to participate in the single-dose phase of the study")
_RIGHT_FOR_PART = re.compile(
    r"^[^;.]{0,60}?\b(?:for|in)\s+the\s+(?:pilot|run-?in|sub-?study|extension)\b|"
    r"^[^;]{0,120}?\b(?:for|in|join|enter)\s+the\s+(?:[A-Za-z.-]+\s+){0,5}?(?:phase|part|portion|stage)\s+of\s+(?:the|this)\s+(?:study|trial)\b",
    re.I,
)
# a duration, not an age: ">= 3 months cumulative therapy"
_RIGHT_DURATION = re.compile(r"^[\s)]*(?:of\s+)?(?:cumulative|continuous|consecutive|total)\b", re.I)
# another study's sample in a literature review: "He et al. investigated 50 people ... 23 to 68 years old"
# (or an earlier study named in the sentence: "limited to only one available study done in ... women aged 45-52")
_CITATION = re.compile(
    r"\bet\s+al\b|\bstud(?:y|ies)\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:done|conducted|performed|carried\s+out|published|reported)\s+"
    r"(?:in|on|among|with)\b",
    re.I,
)
# the statement is itself a header of the items below it: "Children >= 18 months of age:"
_HEADER_AFTER = re.compile(r"^[^\S\n]*(?:\)[^\S\n]*)?:[^\S\n]*(?:\n|$)")
# a share of the participants in the sentence before the age: "no more than 10 percent of volunteers ... may be over 50"
_SHARE = re.compile(
    r"\b[0-9]{1,3}(?:\.[0-9]+)?\s*(?:%|percent\b|per\s+cent\b)\s*of\s+(?:the\s+|all\s+)?(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:patients|participants|subjects|volunteers|individuals|people|persons|enrollees|children|adults|women|men|those)\b|"
    r"\bn\s*=\s*[0-9]{1,6}\s*,?\s*[A-Za-z]|\bproportion\s+of\b",
    re.I,
)
# another protocol than the one registered: an earlier version, a sub-study, an amendment
_OTHER_PROTOCOL = re.compile(
    r"\b(?:earlier|previous|prior|original|former)\s+versions?\b|\bsub-?stud(?:y|ies)\b|"
    r"\bhas\s+been\s+(?:changed|amended)\b|\bancillary\s+stud(?:y|ies)\b",
    re.I,
)
# "... minors 5 to 17 years of age and adults of any age": the ages only sort people into groups
_ANY_AGE = re.compile(
    r"\b(?:of\s+)?(?:any|all)\s+ages?\b(?!\s*(?:above|over|under|below|from|between|greater|less|older|younger|[0-9<>≥≤]))", re.I
)
# another person named in the clause before the age
_OTHER_PERSON_LEFT = re.compile(r"\bdonors?\b|\bhousehold\b|\bclose\s+contacts?\b|\bsomeone\b|\banyone\s+who\b", re.I)
# a header over items about someone else than the participant ("household member or close contact to someone who:");
# not a donor section: a registry's structured range often covers the donors who take part
_OTHER_PERSON_HEADER = re.compile(r"\bhousehold\b|\bclose\s+contacts?\b|\bsomeone\b|\banyone\s+who\b", re.I)
# a header over the criteria of one part of the protocol: "INCLUSION CRITERIA - Annual Follow-up Study:", "Pilot Study:"
_SUB_STUDY_HEADER = re.compile(r"\b(?:pilot|follow-?up|sub-?|ancillary|extension|companion)\s*stud(?:y|ies)\b", re.I)
# an item "No patients less than or equal to 5 years old": the negation governs the subject, so the bound flips
NEGATED_SUBJECT = re.compile(
    r"\bno\s+(?:[A-Za-z-]+\s+){0,2}?(?:patients|subjects|participants|children|persons|individuals|volunteers|people|one|women|men|"
    r"infants|adults|minors|adolescents|teenagers|juveniles|neonates|newborns|girls|boys|elderly)\s*"
    # the group's age may follow in brackets: "No minors (under 18 years of age)", "No children (< 12 years)"
    r"(?:\(\s*|\[\s*|,\s*|:\s*|-\s+)?(?:(?:who\s+are|aged?|of)\s+)?$|"
    # "This study does not enroll children under the age of 2"
    r"\b(?:does|do|will|shall|may|can)\s+not\s+(?:enrol\w*|include|accept|admit|recruit)\s+(?:[A-Za-z-]+\s+){0,3}?(?:aged?\s+)?$",
    re.I,
)


# a sex or habit group given a duty after its age: "Women over 50 must have had a mammogram", "Smokers over 40 will undergo a CT"
# (the age picks who does something; a trial of women states its limit without a duty verb: "Women aged 40-75")
_GROUP_SUBJECT_LEFT = re.compile(
    r"\b(?:women|men|females|males|girls|boys|mothers|fathers|smokers|non-?smokers|ex-?smokers|drinkers)\s*"
    r"(?:,\s*|\(\s*)?(?:(?:who\s+are|that\s+are|aged?|of)\s+)?$",
    re.I,
)
_RIGHT_DUTY = re.compile(
    r"^[\s,)]*(?:(?:of\s+age|old)\s+)?(?:must|should|shall|will|need\s+to|needs\s+to|are\s+required\s+to|have\s+to)\s+(?:also\s+)?"
    # (taking part is no duty of a sub-group: "Boys and girls aged 6-12 will take part", "Women 40-70 will participate")
    r"(?!be\b|not\b|participate\b|take\s+part\b|join\b|enrol)[a-z]+",
    re.I,
)
# a procedure for those of an age, whoever the subject: "Participants older than 65 must undergo a geriatric assessment"
_RIGHT_PROCEDURE = re.compile(
    r"^[\s,)]*(?:(?:of\s+age|old)\s+)?(?:must|should|shall|will|need\s+to|are\s+required\s+to)\s+(?:also\s+)?"
    r"(?:undergo|be\s+screened|be\s+tested|be\s+assessed|be\s+evaluated|have\s+(?:had\s+)?an?\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:mammogram|colonoscopy|screening|test|scan|assessment|evaluation|examination|exam|ECG|EKG|echocardiogram))\b",
    re.I,
)
# another person the participant brings or has: "Having a caregiver who is at least 21", "Informant aged 18 or over",
# "A study partner (at least 18 years old)"
_COMPANION_LEFT = re.compile(
    r"\b(?:care-?givers?|carers?|caretakers?|(?:study\s+)?partners?|informants?|companions?|proxy|proxies|support\s+persons?|"
    r"legally\s+(?:authori[sz]ed|acceptable)\s+representatives?|members?\s+of\s+the\s+household)\b",
    re.I,
)
# a survey or registry population, not the trial's own enrolment: "residents aged 15 and older were selected from the census"
_SURVEY_POPULATION = re.compile(
    r"\b(?:survey|census|sampling\s+frame|source\s+population|were\s+(?:randomly\s+)?(?:selected|sampled|drawn))\b", re.I
)
# an age at a past date: "Age 30-60 in 1988" (a cohort assembled then, followed now)
_RIGHT_PAST_YEAR = re.compile(r"^[\s,(]*(?:(?:of\s+age|old)\s+)?(?:in|as\s+of|during|at\s+(?:baseline\s+)?in)\s+(?:19|20)[0-9]{2}\b", re.I)
# a test required for a sub-group defined by the list below: "Exercise stress test ... required for:",
# "(stress test) for patients meeting any of the following criteria:"
_CONDITIONAL_LIST = re.compile(
    r"\b(?:required|recommended|mandatory|needed|indicated)\s+(?:for|in|if)\s*:|"
    r"\bfor\s+(?:patients|subjects|participants|those|individuals|anyone)\s+(?:meeting|who\s+meet|with|having|who\s+have)\s+"
    r"(?:any|one|at\s+least\s+one)\s+of\s+the\s+following",
    re.I,
)
# term / preterm infants: "Term infant (>= 37 weeks by 1st or second trimester sonogram)"
_TERM_LEFT = re.compile(r"\b(?:pre-?)?term\b[^\n;]{0,25}$", re.I)
_RIGHT_DATING = re.compile(r"^[^;.\n]{0,40}\b(?:sonogram|ultrasound|dating|LMP|last\s+menstrual)", re.I)


# who signs for whom: "have signed informed consent from legal guardian for patients between the ages of 13 and 18"
_CONSENT_FOR_LEFT = re.compile(
    r"\b(?:consent|assent|permission)\b[^.;]{0,60}\b(?:parents?|guardians?|representatives?|carers?)\b[^.;]{0,20}\bfor\s+"
    r"(?:[A-Za-z-]+\s+){0,2}$",
    re.I,
)
# the ages of those who give assent, in a bracket after the word: "willing and able to provide assent (age 12 to < 18, where
# locally approved)" (NCT04292899), "assent (participants = 12 and < 18 years of age)" (NCT04292730, an export that turned
# "≥" into "="): the minors who assent, beside adults who consent, not the trial's upper limit. The bracket may name who
# assents and a comparator before the ages, and the upper bound of a range is read after its lower one ("= 12 and < 18")
_ASSENT_BRACKET_LEFT = re.compile(
    r"\bassent\b[^().;\n]{0,40}(?:\n[^().;\n]{0,40})?\(\s*(?:(?:participants?|subjects?|patients?|children|child|minors?|adolescents?|those|persons?|"
    r"individuals?|for|if|when|in|who\s+are)\s+){0,2}(?:(?:aged?|ages)\s*)?(?:(?:[=:<>≥≤]|&[lg]t;)=?\s*)?"
    r"(?:[0-9]{1,2}\s*(?:years?\s+)?(?:and|to|-|–)\s*(?:(?:[<>≤]|&[lg]t;)=?\s*)?)?$",
    re.I,
)
# the adults' own consent beside the minors' assent: "written informed consent (subjects ≥ 18 years) or assent (subjects
# 12 to 17 years)": the adult band of a trial that also admits minors, not its lower limit
_CONSENT_BRACKET_LEFT = re.compile(
    r"\bconsent\b[^().;\n]{0,40}(?:\n[^().;\n]{0,40})?\(\s*(?:(?:participants?|subjects?|patients?|adults?|those|persons?|"
    r"individuals?|for|if|when|in|who\s+are)\s+){0,2}(?:(?:aged?|ages)\s*)?(?:(?:[=:<>≥≤]|&[lg]t;)=?\s*)?$",
    re.I,
)
_RIGHT_OR_ASSENT = re.compile(r"^[^().;]{0,40}\)[^().;]{0,40}\bor\s+(?:[A-Za-z-]+\s+){0,3}assent\b", re.I)
# an age bracket after a measurement: "CD4 count > 200 cells/mm3 (ages 2-5 years) or > 100 cells/mm3 (age > 5 years)"
_MEASUREMENT_BRACKET_LEFT = re.compile(
    r"[0-9]\s*(?:cells|/\s*(?:mm|ul|µl|l|dl|ml|min)|%|mg|g/|mmol|µmol|umol|iu|u/|x\s*10)[^()\n;]{0,25}\(\s*(?:for\s+|in\s+)?(?:aged?\s+|ages\s+)?$",
    re.I,
)
# something offered to those of an age: "Durable Power of Attorney should be offered to all patients >= 18 years of age"
_OFFERED_TO_LEFT = re.compile(
    r"\b(?:offered|given|provided|explained|recommended)\s+to\s+(?:all\s+|any\s+)?(?:[A-Za-z-]+\s+){0,2}?(?:aged?\s+)?$", re.I
)


def narrower_scope(text: str, start: int, end: int, left: str, right: str, sentence_left: str, header: str, paragraph: str) -> str | None:
    """Why the age statement at ``text[start:end]`` qualifies something narrower than the whole trial, or None.

    ``left`` / ``right``: the clause around the statement; ``sentence_left``: its sentence up to
    the statement (across hard line wraps); ``header``: the nearest list header above it;
    ``paragraph``: the paragraph (between blank lines) around it.
    """
    if _RIGHT_SCALE.match(right) and not _AGE_LABEL.search(left):
        return "a performance scale chosen by age"
    if _RIGHT_METHOD.match(right):
        return "a procedure chosen by age"
    if _RIGHT_SUBGROUP_PREDICATE.match(right):
        return "a duty or exception of a sub-group"
    if _RIGHT_FOR_SUBGROUP.match(right):
        return "a sub-group named after the age"
    if _RIGHT_OTHERS.match(right):
        return "people without an age limit named alongside"
    if _RIGHT_FOR_PART.search(right):
        return "one part of the protocol"
    if _RIGHT_DURATION.match(right):
        return "a duration"
    if _CITATION.search(sentence_left):
        return "another study's sample (a citation)"
    if _THRESHOLD_FOR_AGE.search(sentence_left):
        return "a measurement threshold that depends on age"
    if _ACCRUAL.search(sentence_left) and not _AGE_WORDING.search(text[start:end]):
        return "an accrual period"
    if _HEADER_AFTER.match(text, end):
        return "a header that scopes a sub-group"
    if header and _OTHER_PERSON_HEADER.search(header):
        return "a header that names another person"
    if header and _SUB_STUDY_HEADER.search(header):
        return "a header that scopes a sub-study"
    if _SHARE.search(_after_age_label(sentence_left)):
        return "a share of the participants"
    if _OTHER_PERSON_LEFT.search(_after_age_label(left[-80:])) or _OTHER_PERSON_LEFT.search(_after_age_label(sentence_left[-100:])):
        return "another person's age"
    if age_of_a_contact(text, start):
        return "the age of a contact (someone the participant lives with or is exposed to)"
    if _PARENT_OTHER_PERSON.search(parent_item_line(text, start)):
        return "an age in a sub-list under an item about another person (a donor, a parent, a partner)"
    if _CONSENT_FOR_LEFT.search(sentence_left):
        return "who gives consent for whom"
    if _ASSENT_BRACKET_LEFT.search(left[-80:]) or _ASSENT_BRACKET_LEFT.search(sentence_left[-120:]):
        return "the ages at which a minor's assent is asked"
    if _CONSENT_BRACKET_LEFT.search(sentence_left[-120:]) and _RIGHT_OR_ASSENT.match(right):
        return "the ages at which adults give their own consent, beside minors who assent"
    if _MEASUREMENT_BRACKET_LEFT.search(left):
        return "a measurement threshold that depends on age"
    if _OFFERED_TO_LEFT.search(left):
        return "something offered to those of an age"
    if _GROUP_SUBJECT_LEFT.search(left) and _RIGHT_DUTY.match(right):
        return "a duty of a sex or habit group chosen by age"
    if _RIGHT_PROCEDURE.match(right):
        return "a procedure for those of an age"
    if _COMPANION_LEFT.search(left[-80:]):
        return "another person the participant brings (a caregiver, a partner, an informant)"
    if _SURVEY_POPULATION.search(sentence_left) or _SURVEY_POPULATION.search(right[:120]):
        return "a survey or registry population"
    if _RIGHT_PAST_YEAR.match(right):
        return "an age at a past date"
    if _CONDITIONAL_LIST.search(sentence_left) or (header and _CONDITIONAL_LIST.search(header)):
        return "one of the conditions that make a test required"
    if _TERM_LEFT.search(left) and ("week" in text[start:end].lower() or _RIGHT_DATING.match(right)):
        return "a gestational age (term infants)"
    if _OTHER_PROTOCOL.search(paragraph):
        return "another protocol (an earlier version, a sub-study)"
    if _ANY_AGE.search(sentence_left + text[start:end] + right):
        return "a sentence that admits any age"
    return (
        schedule_or_group_duty(text, start, end, sentence_left, right)
        or interval_or_counted_cohort(text, start, end, sentence_left, right)
        or age_of_something_else(sentence_left, right)
    )


_AGE_LABEL = re.compile(r"\bage\s*:", re.I)

# the people whose items may carry a sub-list of their own ages ("- Current donor must be same as prior donor\n
#    - Age 10 and over"): a donor, a relative, a partner, a caregiver (a donor header alone is not enough: the registry's
# structured range often covers donors who take part, so only a sub-list nested under such an item is dropped)
_PARENT_OTHER_PERSON = re.compile(
    r"\b(?:donors?|parents?|partners?|siblings?|spouses?|mothers?|fathers?|relatives?|caregivers?|carers?|family\s+members?|"
    r"household\s+members?|sexual\s+contacts?|household\s+contacts?|close\s+contacts?|household)\b",
    re.I,
)
_INDENT = re.compile(r"[ \t]*")
# a list item's marker ("-", "*", "•", "2.", "b)"): a sub-list is a nested item, never a hard-wrapped continuation line
# ("... (need consent of parent if under 18), or\n     are more than 44 years of age") nor an unmarked header ("HEALTHY
# MOTHERS:", a group of participants)
_SUBLIST_MARKER = re.compile(r"[ \t]*(?:[-*•·]|[0-9]{1,2}[.)]|[a-z][.)])[ \t]")


def parent_item_line(text: str, start: int, window: int = 600) -> str:
    """The nearest line above the one holding ``start`` that is indented less (the item a sub-list hangs from), searched
    within ``window`` characters; "" when the line is not an indented item, the line above is no item, or none is near. A blank line or a line
    indented as deeply is skipped; a line at the margin (a header) ends the search once passed."""
    ls = text.rfind("\n", 0, start) + 1
    own = _INDENT.match(text, ls).end() - ls
    if own == 0 or not _SUBLIST_MARKER.match(text, ls):
        return ""
    lo = max(0, ls - window)
    pos = ls - 1
    while pos > lo:
        prev = text.rfind("\n", lo, pos) + 1 if text.rfind("\n", lo, pos) >= 0 else lo
        line = text[prev:pos]
        if line.strip():
            ind = _INDENT.match(line).end()
            if ind < own:
                return line if _SUBLIST_MARKER.match(line) else ""
        pos = prev - 1
    return ""


def _after_age_label(left: str) -> str:
    """The text after the last "Age:" label (in run-together PDQ text "... donor required PATIENT CHARACTERISTICS: Age: 0.5
    to 65", the label says whose age it is, whatever came before)."""
    last = None
    for last in _AGE_LABEL.finditer(left):
        pass
    return left if last is None else left[last.end() :]


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def paragraph_around(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The paragraph (between blank lines) around text[start:end], at most 600 characters either side."""
    a = max(lo, start - 600)
    last = a
    for m in _PARAGRAPH_BREAK.finditer(text, a, start):
        last = m.end()
    m = _PARAGRAPH_BREAK.search(text, end, min(hi, end + 600))
    return text[last : m.start() if m else min(hi, end + 600)]


# an age given as an example of something else: "(e.g. age > 55 years for sibling transplants ...)"
_EXAMPLE_BEFORE = re.compile(r"(?:\be\.\s?g\.|\bfor\s+(?:example|instance)|\bsuch\s+as)\s*[,:]?\s*(?:aged?\s+|ages\s+)?$", re.I)
# the head of a definition list: "Postmenopausal defined by one of the following:"
_DEFINITION_HEAD = re.compile(r"\b(?:defined|definition|characteri[sz]ed)\s+(?:by|as|of)\b[^\n]{0,60}:\s*$", re.I)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


_ITEM_MARKER = re.compile(r"^[^\S\n]*(?:[-*•·]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])\s", re.I)


def _parent_heads_a_definition(lines: list[str], parent: str) -> bool:
    """Does the parent line (joined with the line before when it is a hard-wrapped continuation: "... meeting any of the
    following\n     criteria:") open a definition list or the list of conditions that make a test required?"""
    text = parent
    k = len(lines) - 1 - lines[::-1].index(parent)
    if not _ITEM_MARKER.match(parent) and k > 0 and lines[k - 1].strip():
        text = lines[k - 1].strip() + " " + parent.strip()
    return bool(_DEFINITION_HEAD.search(text) or _CONDITIONAL_LIST.search(text))


def inside_definition(text: str, pos: int) -> bool:
    """Is the age at ``pos`` an example, or an item of a definition list nested under the line that opens it?

    "Postmenopausal defined by one of the following:\\n  - Age 50 or over ..." defines a status, and
    "(e.g. age > 55 years for ...)" gives an example: neither is an age limit of the trial."""
    if _EXAMPLE_BEFORE.search(text, max(0, pos - 30), pos):
        return True
    line_start = text.rfind("\n", 0, pos) + 1
    own = _indent(text[line_start:pos])
    lines = text[max(0, line_start - 600) : line_start].split("\n")[:-1]
    for line in reversed(lines[-8:]):
        if not line.strip():
            continue
        if _indent(line) >= own:
            continue  # a sibling item nested deeper than (or level with) the age's item
        # the first shallower line is the parent item (with the line before it when it is a hard-wrapped continuation)
        return _parent_heads_a_definition(lines, line)
    return False


def under_other_person_item(text: str, pos: int) -> bool:
    """Is ``pos`` in a sub-list nested under an item about someone else ("No close contact or household contact with the
    following high-risk individuals ...:" / "- Children under age 5", NCT00005039)?"""
    parent = parent_item_line(text, pos)
    if not parent:
        parent = _wrapped_parent_item(text, pos)
    return bool(_PARENT_OTHER_PERSON.search(parent))


def _wrapped_parent_item(text: str, pos: int) -> str:
    """The parent item of a marked, indented line when the line just above it is the hard-wrapped end of that item
    ("  -  No close contact ... for at\n     least 2 weeks after each vaccination:"): the item's lines joined, or ""."""
    ls = text.rfind("\n", 0, pos) + 1
    if not _SUBLIST_MARKER.match(text, ls):
        return ""
    own = _INDENT.match(text, ls).end() - ls
    lines = text[max(0, ls - 600) : ls].split("\n")[:-1]
    taken: list[str] = []
    for line in reversed(lines):
        if not line.strip():
            if taken:
                return ""
            continue
        if len(line) - len(line.lstrip(" \t")) >= own:
            return ""
        taken.append(line.strip())
        if _SUBLIST_MARKER.match(line):
            return " ".join(reversed(taken))
        if len(taken) > 4:
            return ""
    return ""
