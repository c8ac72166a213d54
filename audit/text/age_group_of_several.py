"""Is an age statement the limit of one of several participant groups, rather than of everyone?

A trial may admit several groups with their own ages: "ASTHMATICS:" and "NORMAL VOLUNTEERS:" headers in the criteria, a
sentence that enumerates groups ("Three groups of subjects are eligible: ..."), a later stage of a staged trial, one part
of the protocol named in brackets, patients beside healthy volunteers. :func:`one_group_of_several` says so; the
extractor then marks the statement as no claim (it agrees when it lies inside the structured range, and the union of the
groups is the trial's range). Split from :mod:`trial_audit.text.age_scope`, which drops ages that are no limit at all.
"""

from __future__ import annotations

import re

from trial_audit.text.age_cohort_scope import cohort_lead_in, cohort_name, one_of_several_ranges
from trial_audit.text.age_patterns import _HEADER_LINE
from trial_audit.text.age_subgroup_scope import age_of_a_group_in_the_item, duty_of_an_age_group, under_part_header

# a header that names one group of participants: "ASTHMATICS:", "Normal Volunteers:", "PATIENTS WITH ACTH-INDEPENDENT CUSHING'S
# SYNDROME:", "Inclusion criteria for healthy controls:" (not "PATIENT CHARACTERISTICS:", "Inclusion Criteria:", "Age:")
_GROUP_NOUN = (
    r"(?:patients?|subjects?|participants?|volunteers?|controls?|cases|donors?|recipients?|children|adults|adolescents|infants|"
    r"women|men|families|relatives|siblings|carriers|groups?|[a-z]{3,}(?:ics|ers))"
)
# a noun phrase: the group noun, then at most a qualifier ("with ...", "who have ...", "(NORM GROUP)"), never a verb
_GROUP_HEADER = re.compile(
    rf"^[\s*•·>-]*(?:[0-9]{{1,2}}[.)]\s*)?(?:[A-Za-z'’/,-]+\s+){{0,6}}?{_GROUP_NOUN}\b"
    r"(?:\s*\([^():]{0,40}\)|\s+(?:with|who\s+have|having|of|in|on|from|without)\b[^:]{0,60})?\s*$",
    re.I,
)
_GENERIC_HEADER = re.compile(
    r"\b(?:characteristics|criteria|inclusion|exclusion|eligib\w*|ages?|following|must|should|required|demographics|history|"
    r"therapy|treatment|disease|other|general|all|both|each|every|study\s+population|participation|will|must|are|is)\b",
    re.I,
)
# ("Inclusion criteria for migraineurs:": any plural noun after "for" names a group)
_GROUP_FOR = re.compile(
    rf"\b(?:for|in)\s+(?!(?:these|this|those|all|both|each|every|the\s+study)\b)(?:the\s+)?(?:[A-Za-z'’-]+\s+){{0,3}}?"
    rf"(?:{_GROUP_NOUN}|[a-z]{{3,}}s)\b(?:\s*\([^():]{{0,40}}\)|\s+(?:with|who\s+have|having|of|in|on|from|without|aged?)\b[^:]{{0,40}})?\s*$",
    re.I,
)
# several groups in one sentence: "Three groups of subjects are eligible for this study: ..."
# (the groups are enumerated after a colon; "Three groups of subjects (aged 1-15 years) will be studied:" gives all one age)
_GROUPS_OF = re.compile(
    r"\b(?:two|three|four|five|several|[2-9])\s+(?:groups|cohorts|categories|populations|types)\s+of\s+"
    r"(?:subjects|participants|patients|volunteers|individuals|people|persons)\b[^:\n]{0,80}:(?:(?!\n[^\S\n]*\n)[^:]){0,300}$",
    re.I,
)
# a later stage of a staged trial, recruited once an earlier one is done: "Once three month follow-up of these two arms of the
# study is complete, we will recruit 12 adolescent school children (aged 12-14)", "In a second stage, children aged 6-11 ..."
_LATER_STAGE = re.compile(
    r"(?:\b(?:once|after|when|following)\b[^.;:]{0,150}\b(?:complete[d]?|finished|reviewed|evaluated|established|demonstrated|"
    r"confirmed)\b[^.;:]{0,30}\b(?:we\s+will|will\s+then|then|the\s+study\s+will)\b"
    r"|\bin\s+(?:a|the)\s+(?:second|third|later|subsequent|next|final)\s+(?:stage|phase|step|part)\b"
    r"|\b(?:stage|step|part)\s+(?:2|3|two|three|ii|iii)\b(?!\s*(?:disease|cancer|tumou?r|hypertension|lymphoma|breast|colon)))"
    r"[^.;:]{0,120}$",
    re.I,
)
# one part of the protocol named in brackets after the age: "Age 42 to 69 years (randomized portion of study)"
_RIGHT_PORTION = re.compile(
    r"^[\s,]*\(\s*(?:[A-Za-z-]+\s+){0,3}?(?:portion|part|phase|arm|component|stage|cohort)\s+of\s+(?:the\s+|this\s+)?(?:study|trial|protocol)\s*\)",
    re.I,
)


def is_group_header(header: str) -> bool:
    """Does a list header name one group of participants ("ASTHMATICS:", "Inclusion criteria for healthy volunteers:")?"""
    h = header.strip().rstrip(":").strip()
    if not h or len(h) > 100:
        return False
    if _GROUP_FOR.search(h):
        return True
    return bool(_GROUP_HEADER.match(h)) and not _GENERIC_HEADER.search(h)


def _another_group_header(text: str, pos: int, header: str) -> bool:
    """Is there a group header other than ``header`` within a few thousand characters of pos? (Bounded and stopping at the
    first one found, so that a huge criteria text with many statements under such headers stays linear.)"""
    own = cohort_name(header)
    for lo, hi in ((pos, min(len(text), pos + 4000)), (max(0, pos - 4000), pos)):
        for m in _HEADER_LINE.finditer(text, lo, hi):
            h = (m.group(1) or m.group(2) or "").strip()
            # (a cohort's lead-in names its group before the duty verb: "Genetic relatives must" is "genetic relatives")
            name = cohort_lead_in(h)
            if name is not None and name != own:
                return True
            if name is None and cohort_name(h) != own and is_group_header(h):
                return True
    return False


# the trial's own limit stated with its predicate: "Patients 18 years or older will be admitted to this study"
_ADMITTED_TO_STUDY = re.compile(
    r"^[\s,]*(?:will|shall|may|can|are|is)\s+(?:be\s+)?(?:admitted|enrolled|eligible|included|accepted|recruited)\s+(?:to|in|into|for)\s+"
    r"(?:this|the)\s+(?:study|trial|protocol)\b",
    re.I,
)


# a second group named beside a first one without an age: "Adults as well as children aged 13 - 17 will be included"
# (NCT00001803): the age is the second group's, the first has none of its own ("Men and women aged 18-65" is one group)
_SECOND_GROUP_LEFT = re.compile(
    r"\b(?:adults|children|adolescents|infants|patients|volunteers|men|women|parents|controls|participants)\s+"
    r"(?:as\s+well\s+as|along\s+with|together\s+with|in\s+addition\s+to)\s+(?:[A-Za-z-]+\s+){0,2}?"
    r"(?:children|adolescents|infants|adults|patients|volunteers|men|women|teenagers|youths|controls|siblings)"
    r"\s*(?:\(\s*)?(?:(?:aged?|ages|between)\s+)?$",
    re.I,
)


# several bands listed in one bracket: "two age cohorts will be studied (2-12, 13-17)" (NCT00001790): each is one stratum
_BAND_THEN_ANOTHER = re.compile(r"[^()]{0,15}?[,;/]\s*(?:and\s+|or\s+)?[0-9]{1,3}\s*(?:-|–|to)\s*[0-9]{1,3}")
_ANOTHER_BAND_BEFORE = re.compile(r"\(\s*[^()]{0,20}?[0-9]{1,3}\s*(?:-|–|to)\s*[0-9]{1,3}[^()\n,;/]{0,12}[,;/]\s*(?:and\s+|or\s+)?$")


def one_group_of_several(text: str, pos: int, header: str, sentence_left: str, right: str, mode: str, end: int | None = None) -> bool:
    """Is the statement the limit of one group of several participant groups, rather than of everyone?

    Under a header that names a group when the criteria name another group the same way ("ASTHMATICS:" and "NORMAL
    VOLUNTEERS:"), in a sentence that enumerates groups ("Three groups of subjects are eligible: ..."), or with one part of
    the protocol in brackets ("(randomized portion of study)"). Such a limit agrees when any group's matches the
    structured range and is otherwise held only to lying inside it."""
    if _GROUPS_OF.search(sentence_left) or _RIGHT_PORTION.match(right) or _LATER_STAGE.search(sentence_left[-300:]):
        return True
    if _SECOND_GROUP_LEFT.search(sentence_left[-120:]):
        return True
    if (
        end is not None
        and "(" in sentence_left[-40:]
        and (_BAND_THEN_ANOTHER.match(text, end, min(len(text), end + 40)) or _ANOTHER_BAND_BEFORE.search(sentence_left[-60:]))
    ):
        return True
    if end is not None and one_of_several_ranges(text, pos, end, sentence_left):
        return True  # the seventh round: a qualifier or stratum in the item, a cohort, a named sub-group, an option's condition
    if end is not None and duty_of_an_age_group(text, pos, end, sentence_left):
        return True  # the ninth round: "Patients less than 16 years of age must have an active infection"
    if end is not None and age_of_a_group_in_the_item(text, pos, end, right):
        return True  # the ninth round: "Under 10 years, Stage IV", "... on a case-by-case basis", "contact with ...; children under 5"
    # ("Patients 18 years or older will be admitted to this study": the study's own limit, though volunteers are named too)
    if mode != "prose" and not _ADMITTED_TO_STUDY.match(right) and _beside_another_kind_of_group(text, pos, sentence_left):
        return True
    if mode != "prose" and under_part_header(header):
        return True
    if mode not in ("prose", "exclusion") and _sibling_items_of_other_age_groups(text, pos):
        return True  # "- Infants < age 3 months" / "- Children presenting with ..." / "- Older subjects of any age ...": a union
    if mode == "prose" and end is not None and _next_sentence_names_other_kind(text, end, sentence_left):
        return True
    if mode == "prose" or not header:
        return False
    own = cohort_lead_in(header)
    if own is not None:
        # "Healthy volunteers must:" beside "Patients:" / "Genetic relatives must:" (the tenth round, NCT00001352)
        return _another_group_header(text, pos, own)
    if not is_group_header(header):
        return False
    return _another_group_header(text, pos, header)


# An age in apposition to one kind of group ("Right handed normal volunteers (18-65 years old).", "Parkinson disease
# patients, > 18 years of age, will be recruited from the clinic") while the same list names the other kind as a
# subject ("Patients with Parkinson's disease off medication.", "Healthy controls ... will be recruited"): the age is
# that group's, one of several. The two kinds: healthy people (volunteers, controls, normal subjects) and patients.
# (the plural "controls" only: "birth control", "needed for control" name no group)
_HEALTHY_KIND = r"(?:(?:healthy|normal|control|unaffected)\s+(?:[A-Za-z-]+\s+)?(?:volunteers?|subjects?|individuals|participants|adults)|volunteers?|controls)"
_PATIENT_KIND = r"(?:patients?|cases)"
_APPOSITION = {
    # (with or without a bracket or comma: "Healthy Normal Volunteers between the ages of 18 and 80 years", NCT00001307)
    kind: re.compile(rf"\b{rx}(?:\s*[(,]\s*|\s+)(?:(?:aged?|ages|between(?:\s+the\s+ages?\s+of)?)\s+)?$", re.I)
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}
_SUBJECT_OF_KIND = {
    kind: re.compile(rf"(?:^|\n|[.;]\s)[\s*•·>-]*(?:[0-9]{{1,2}}[.)]\s*)?(?:[A-Za-z'’-]+\s+){{0,4}}?{rx}\b", re.I)
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}
_APPOSITION_MARKED = {
    kind: re.compile(rf"\b{rx}\s*[(,]\s*(?:(?:aged?|ages)\s+)?$", re.I)
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}
_GROUP_OF_KIND = {
    kind: re.compile(
        rf"(?:^|\n|[.;]\s)[\s*•·>-]*(?:[0-9]{{1,2}}[.)]\s*)?(?:(?:[A-Za-z'’-]+\s+){{1,4}}?{rx}\b|{rx}\s+(?:with|who\s+have|suffering|"
        rf"diagnosed|undergoing|having|affected|aged?|between|over|under|older|younger|(?=[0-9]))\b)",
        re.I,
    )
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}
_EXCLUSION_WORD = re.compile(r"\bexclusion\b", re.I)
_OTHER_KIND_ALONGSIDE = {
    kind: re.compile(rf"[^.;\n]{{0,60}}?\b(?:and|or|as\s+well\s+as|plus)\s+(?:[A-Za-z-]+\s+){{0,2}}?{rx}\b", re.I)
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}


def _beside_another_kind_of_group(text: str, pos: int, sentence_left: str) -> bool:
    """Does the age stand in apposition to one kind of group while the same criteria section names the other kind?"""
    tail = sentence_left[-120:]
    kind = next((k for k, rx in _APPOSITION.items() if rx.search(tail)), None)
    if kind is None:
        return False
    # without a bracket or comma ("Healthy Normal Volunteers between the ages of 18 and 80 years") the other kind must be
    # named as a group ("Certain Chronic Pain Patients", "Patients with ..."), not be the subject of a clause about the same
    # people ("Patients will be eligible for this study if the two mandibular molars are ...", NCT00006299)
    subject_of = _SUBJECT_OF_KIND if _APPOSITION_MARKED[kind].search(tail) else _GROUP_OF_KIND
    other = "patient" if kind == "healthy" else "healthy"
    if _OTHER_KIND_ALONGSIDE[other].match(text, pos, min(len(text), pos + 160)):
        return True  # "Patients aged 40-75 and healthy volunteers aged 20-40": the other kind in the same sentence
    lo, hi = max(0, pos - 1500), min(len(text), pos + 1500)
    before = [m.end() for m in _EXCLUSION_WORD.finditer(text, lo, pos)]
    lo = before[-1] if before else lo
    after = _EXCLUSION_WORD.search(text, pos, hi)
    hi = after.start() if after else hi
    return subject_of[other].search(text, lo, hi) is not None


# the next sentence names the other kind of group with an age of its own: "Healthy volunteers between the ages of 18 and
# 60 ... may be eligible for this study. Patients enrolled in a blood cell transplant study at NIH who are between 5 and
# 60 years old ..." (NCT00005907, unseen judge sheet): each sentence gives one cohort's ages
_NEXT_SENTENCE_OF_KIND = {
    kind: re.compile(
        rf"[^.;]{{0,300}}[.;]\s+(?:[A-Za-z-]+\s+){{0,2}}?{rx}\b[^.;]{{0,150}}?(?:\b(?:aged?|ages|between)\s+[0-9]|[0-9]\s*(?:years|yrs)\b)",
        re.I,
    )
    for kind, rx in (("healthy", _HEALTHY_KIND), ("patient", _PATIENT_KIND))
}


def _next_sentence_names_other_kind(text: str, end: int, sentence_left: str) -> bool:
    """In prose, is the age in apposition to one kind of group while the next sentence gives the other kind its own ages?"""
    kind = next((k for k, rx in _APPOSITION.items() if rx.search(sentence_left[-120:])), None)
    if kind is None:
        return False
    other = "patient" if kind == "healthy" else "healthy"
    return _NEXT_SENTENCE_OF_KIND[other].match(text, end, min(len(text), end + 500)) is not None


# Alternative population groups listed as items of one list, each opening with its kind of people by age: "- Infants < age 3
# months", "- Children presenting for evaluation of cholestasis", "- Older subjects of any age with cholestatic liver disease".
# The list is a union of groups, so one group's bound is not the trial's. The kinds by age (an item that admits "any age" is
# a kind of its own):
_AGE_KINDS = {
    "infant": r"infants?|newborns?|neonates?|babies|baby|toddlers?",
    "child": r"children|child|kids|paediatric|pediatric|school-?age",
    "adolescent": r"adolescents?|teenagers?|teens?|youths?|young\s+people",
    "adult": r"adults?|older|elderly|seniors?|grown-?ups?",
}
_AGE_KIND_ITEM = re.compile(
    r"(?:^|\n)[^\S\n]*(?:[-*•·▪]|[0-9]{1,2}[.)]|[a-zA-Z][.)]|\([0-9a-zA-Z]{1,2}\))[^\S\n]+"
    # at most two words before the noun, none a preposition or conjunction ("Women of Child Bearing Potential" names women)
    r"(?:(?!(?:of|with|for|without|and|or|to|in|on|from|by|whose|who|than)\b)[A-Za-z'’-]+[^\S\n]+){0,2}?"
    r"(?:(?P<infant>"
    + _AGE_KINDS["infant"]
    + r")|(?P<child>"
    + _AGE_KINDS["child"]
    + r")|(?P<adolescent>"
    + _AGE_KINDS["adolescent"]
    + r")|(?P<adult>"
    + _AGE_KINDS["adult"]
    + r"))\b"
    # the noun is the item's head, not part of another word ("child-bearing", "childhood onset", "adult dose")
    r"(?![^\S\n]*-?[^\S\n]*(?:bearing|care|hood|birth|proof|onset|doses?|formulation|size|than)\b)(?P<rest>[^\n]{0,200})",
    re.I,
)
_ANY_AGE = re.compile(r"\b(?:of|at)\s+any\s+age\b|\bregardless\s+of\s+age\b", re.I)


def _item_age_kind(m: re.Match) -> str:
    if _ANY_AGE.search(m.group("rest")):
        return "any"
    return next(k for k in _AGE_KINDS if m.group(k))


def _sibling_items_of_other_age_groups(text: str, pos: int) -> bool:
    """Does the age stand in a list item that opens with one kind of people by age ("Infants", "Children", "Adults") while
    another item of the same list (no exclusion header between) opens with another kind, or one "of any age"?"""
    ls = text.rfind("\n", 0, pos) + 1
    own = _AGE_KIND_ITEM.match(text, max(0, ls - 1), min(len(text), pos + 200))
    if own is None or not own.start("rest") <= pos <= own.end():
        return False  # the item does not open with a kind of people by age, or the age is not in its opening line
    own_kind = _item_age_kind(own)
    lo, hi = max(0, pos - 1500), min(len(text), pos + 1500)
    before = [m.end() for m in _EXCLUSION_WORD.finditer(text, lo, ls)]
    lo = before[-1] if before else lo
    after = _EXCLUSION_WORD.search(text, pos, hi)
    hi = after.start() if after else hi
    for m in _AGE_KIND_ITEM.finditer(text, lo, hi):
        if m.start("rest") <= pos <= m.end():
            continue  # the age's own item
        if _item_age_kind(m) != own_kind:
            return True
    return False
