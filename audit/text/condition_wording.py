"""The wording of an inclusion item around a condition's name: what negates it, what makes it a requirement.

Split out of ``condition_analysis`` (which reads a record and its items with these): the regular
expressions and small predicates that decide, from the words before and after a condition's name,
whether the item negates or merely permits the condition ("HIV-negative", "hypertension, controlled",
"may be included"), requires it ("biopsy-proven", "diagnosis of"), makes it the subject of a
conditional requirement ("Patients with diabetes must ..."), or requires a positive test; and the
clauses an item's text is cut into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NEG = re.compile(
    r"\b(?:no|not|nor|without|absence|absent|free\s+of|negative\s+for|never|other\s+than|except|excluding|"
    r"exclusion|excluded|rule[sd]?\s+out|prior|previous|previously|"
    # "risk" unless a compound with its level describes the disease ("Lower-risk myelodysplastic syndrome")
    # ("low risk for HIV infection" is a context: the risk of getting it)
    r"(?<!low[-\u2010\s])(?<!lower[-\u2010\s])(?<!high[-\u2010\s])(?<!higher[-\u2010\s])(?<!intermediate[-\u2010\s])(?<!standard[-\u2010\s])risk|"
    r"risk(?=\s+(?:for|of|to|from|factors?)\b)|family|relatives?|mother|father|"
    r"siblings?|partners?|contacts?|caregivers?|parents?|exposure|exposed|vaccin\w*|prevent\w*|screen\w*|"
    r"suspected|suspicion|healthy|control|controls|unless|besides|secondary\s+to|instead|nor|none|(?<![-\u2010])negative|"
    r"seronegative|uncontrolled|unstable|(?:well[\s\-])?controlled|adequately|clinically\s+significant|versus|vs|compared|exclude[sd]?|ineligible|"
    r"such\s+as|including|includes|e\.g|i\.e|for\s+example|like)\b|\b(?:non|un)[\s\-\u2010]*$",
    re.IGNORECASE,
)
_AFTER_SKIP = re.compile(
    # ("type" and a numeral is a subtype of the disease: "Gaucher disease type 1", "... type I or II")
    r"\s*(?:[-\u2010\u2013]\s*|\s)(?:associated|related|induced|mediated|like|type(?!\s+(?:[0-9]|[ivx]+[a-d]?\b|[a-d]\b))|negative|free|naive|na\u00efve|"
    r"specific|directed|targeted|vaccine|test|testing|screening|antibod\w*|antigen|status|serology)\b|\s*(?:drug|therapy|"
    r"treatment|medication|medicine|scale|score|index|questionnaire|inventory|rating|subscale|surface|core|rna|dna|pcr|"
    r"viral\s+load|level|titer|titre|panel|result|"
    # the name as an attribute of another noun ("dialysis options", "diabetes education", "cancer centre")
    r"option|access|unit|cent(?:er|re)|clinic|service|program|programme|education|team|nurse|facility|registry)s?\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\.\s+(?=[A-Z(])")
#: words after a condition that make it a negative or a permission rather than a requirement
_NEG_AFTER = re.compile(
    # ("free" as in "free of", "seizure-free for", not an analyte: "urinary free cortisol", "free thyroxine")
    r"[^.;]{0,80}?\b(?:negative|seronegative|excluded|not\s+(?:allowed|permitted|eligible)|ruled\s+out|"
    r"free(?!\s+(?!of\b|from\b|for\b)[^\W\d_])|"
    r"allowed|permitted|eligible|provided|as\s+long\s+as|well[\s-]controlled|controlled|"
    # "stable" permits ("hypertension, stable for 3 months"); "on a stable dose of ..." is a treatment required
    r"stable(?!\s+(?:dose|doses|dosage|regimen|treatment|therapy|replacement))|are\s+acceptable|"
    r"is\s+acceptable|may\s+(?:be|participate|enrol\w*|enter|join)|can\s+(?:be|participate|enrol\w*|enter)|"
    r"will\s+be|adequate|adequately|or\s+not|(?<!with\s)or\s+without|or\s+(?:is\s+|are\s+|be\s+)?(?:non|un)|absence|considered|included)\b",
    re.IGNORECASE,
)


#: item-level negations that, standing after a condition's name, are about something else the item states: "with or
#: without" permits what follows it ("Migraine with or without aura"), "no prior" / "without" negates a treatment or a
#: feature ("Chronic plaque psoriasis, no prior biologic therapy")
AFTER_NAME_ONLY = re.compile(r"with\s+or\s+without|without|no\s+(?:prior|previous|history|evidence|known|active)", re.IGNORECASE)


_VACCINE = re.compile(r"\bvaccin\w*|\bimmuni[sz]\w*", re.IGNORECASE)
_ITEM_NEG = re.compile(
    r"\b(?:seronegative|(?<![-\u2010])negative|must\s+not|should\s+not|cannot|can\s+not|may\s+not|not\s+eligible|ineligible|excluded|are\s+not|is\s+not|"
    r"no\s+(?:history|evidence|known|active|prior)|none\s+of|free\s+of|allowed|permitted|are\s+eligible|without|"
    r"is\s+eligible|may\s+(?!not\b)\w+|will\s+be\s+included|exception|"
    # wording that admits a disease, not requires it: "in any degree of severity", "with or without",
    # "regardless of", "irrespective of", "are also eligible", "can participate", "can be included"
    r"in\s+any\s+(?:degree|stage|grade|form|severity)|with\s+or\s+without|regardless|irrespective|"
    r"(?:are|is)\s+also\s+(?:eligible|allowed|included)|can\s+(?:participate|be\s+included|be\s+enrolled))\b",
    re.IGNORECASE,
)


#: words that make a clause a requirement to have a disease ("biopsy-proven", "diagnosis of", "patients with")
_REQUIRE_CUE = re.compile(
    r"\b(?:diagnos\w*|confirmed|proven|documented|established|definite|history|histolog\w*|cytolog\w*|biopsy|"
    r"with|have|has|having|suffering|meet\w*|fulfil\w*|known|active|presence|evidence)\b",
    re.IGNORECASE,
)
#: a later clause joined as one more requirement ("...; and diagnosis of gout"): read like an item of its own
_CONJUNCT = re.compile(r"\s*(?:and|also|plus)\s+(?:must\s+have\s+|have\s+)?", re.IGNORECASE)
#: where a list of eligible diseases turns to the ones it leaves out ("..., but excluding HIV-associated FSGS")
_LIST_EXCEPT = re.compile(r"\b(?:but\s+)?(?:excluding|except(?:\s+for)?|other\s+than|not\s+including)\b", re.IGNORECASE)
#: an item that ends in "or" / "and/or" is one of a list of alternatives
_ENDS_WITH_OR = re.compile(r"\b(?:or|and/or)\s*[,;:]?\s*$", re.IGNORECASE)
_PERSON = r"(?:patients?|participants?|subjects?|individuals?|persons?|people|women|men|children|adults?|those|cases)"
#: "Patients with X must ..." / "X-infected participants should ...": the condition names whom the
#: item is about (a conditional requirement), not what everyone must have
_SUBJECT_BEFORE = re.compile(
    _PERSON + r"\s+(?:with|who\s+have|having|diagnosed\s+with)\s+(?:an?\s+|the\s+)?"
    # "Patients with a history of hypertension must measure < 150/90 mmHg"
    r"(?:(?:known|documented|prior|past|previous)\s+)?(?:(?:history|diagnosis)\s+of\s+)?$",
    re.IGNORECASE,
)
_SUBJECT_AFTER = re.compile(r"[\s\-\u2010)]*(?:\w+[\s\-]+){0,2}?" + _PERSON + r"\b", re.IGNORECASE)
_MODAL = re.compile(
    r"\b(?:must|should|shall|need\s+to|needs\s+to|will\s+(?:need|be\s+required|have\s+to)|are\s+required|is\s+required|"
    r"have\s+to|has\s+to|can|may)\b",
    re.IGNORECASE,
)


_POSITIVE = re.compile(r"\b(?:positive|reactive|detectable|detected|seropositive)\b", re.IGNORECASE)
_NOT_POSITIVE = re.compile(
    r"\b(?:negative|non-?reactive|undetectable|not\s+detected|unknown|regardless|either|irrespective|or\s+not|if|when|"
    r"who|whose|unless|results?\s+(?:of|from)|prior|previous|history|vaccin\w*|willing|agree\w*|consent\w*|notif\w*|"
    r"counsel\w*|inform\w*|receive)\b",
    re.IGNORECASE,
)
_TEST_WORD = re.compile(r"\b(?:test\w*|antibod\w*|antigen|serolog\w*|rna|dna|pcr|viral\s+load|culture|smear|assay|screen\w*)\b", re.I)


def _positive_test(clause: str, near: str) -> bool:
    """The clause requires a positive test result ("Positive HCV antibody test", "HBsAg reactive"):
    a positivity word and a test word near the infection's name, nothing making it conditional."""
    return bool(_POSITIVE.search(near) and _TEST_WORD.search(near) and not _NOT_POSITIVE.search(clause))


def _conditional_subject(text: str, before: str, end: int, clause_end: int) -> bool:
    """The condition is part of the subject of a requirement on those who have it."""
    after = text[end:clause_end]
    m = _MODAL.search(after)
    if m is None:
        return False
    if _SUBJECT_BEFORE.search(before):
        return True
    sm = _SUBJECT_AFTER.match(after)
    return sm is not None and sm.end() <= m.start()


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)
