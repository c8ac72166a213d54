"""Age limits stated in free text: "between 65 and 74 years old", "≥ 18 years", "under 65", "adults".

The registry holds a trial's age limits twice: in the structured minimum / maximum age and in
prose (the summaries, the description, the eligibility criteria). This module finds the
prose statements, with the quoted span and its offsets, so that rules (TA2xx) can compare them.

A statement is a :class:`StatedAge`: a lower and/or an upper :class:`Bound` (in years, with the
value and unit as written and whether the bound is inclusive), the span, and where it was found.
Only ages that limit who may take part are taken: an age is read as a limit when it is tied to
the participant's age ("age ≥ 18", "aged 18-65", "18 years of age or older", "patients ≥ 18
years", an inclusion item that starts with "18 years or older"), and it is dropped when the
context says it is something else: age at diagnosis or onset, gestational / bone age, a duration
("over the past 65 days", "2 years of follow-up"), a conditional ("Karnofsky for patients ≥ 16
years", a lab table "Age 6 to < 10 years: creatinine ..."), a third person ("parents of children
aged 2-5"), dosing ("patients ≥ 12 years receive 400 mg"), epidemiology ("30% of adults over
65"), stratification ("stratified by age < 65 vs ≥ 65").

In an exclusion section the sense is inverted: "age > 75" there means a maximum of 75 years.

Words that fix an age band ("adults", "children", "infants", "elderly") are returned as band
statements (``kind == "band"``), only where the text restricts who takes part (an inclusion
item that starts with the word; "in adults with", "enrol children" in prose).

Public API: :func:`find_ages` (one text), :func:`criteria_ages` (criteria, section-aware),
:func:`prose_ages` (summaries), :func:`bound_matches`, :func:`band_compatible`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# --- units and numbers -----------------------------------------------------------------------

UNIT_YEARS = {
    "year": 1.0,
    "month": 1 / 12,
    "week": 7 / 365.25,
    "day": 1 / 365.25,
    "hour": 1 / (365.25 * 24),
}

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_ONES)}
for _i, _t in enumerate(_TENS):
    NUMBER_WORDS[_t] = 20 + 10 * _i
    for _j in range(1, 10):
        NUMBER_WORDS[f"{_t}-{_ONES[_j]}"] = 20 + 10 * _i + _j
        NUMBER_WORDS[f"{_t} {_ONES[_j]}"] = 20 + 10 * _i + _j
NUMBER_WORDS["a hundred"] = NUMBER_WORDS["one hundred"] = 100
# compact (a long alternation of every word is slow): "sixty-five", "eighteen", "a hundred"
_NUMW = (
    r"(?=[otfsenahOTFSENAH])(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|(?:a|one)\s+hundred)"
)

# a number: digits ("18", "1.5"), a word ("eighteen"), or both ("eighteen (18)")
NUM = rf"(?:(?:{_NUMW})\s*\(\s*[0-9]{{1,3}}\s*\)|(?<![0-9.,/])[0-9]{{1,3}}(?:\.[0-9]+)?(?![0-9]|\.[0-9]|,[0-9]{{3}})|\b(?:{_NUMW})\b)"
UNIT = (
    r"(?:years?(?=\W|$)|yrs?\b\.?|y\.?\s?o\b\.?|y(?=[\s),;.]|$)|岁|"
    r"months?\b|mos?\b\.?|mths?\b|weeks?\b|wks?\b|days?\b|hours?\b|hrs?\b)"
)
_UNIT_KEY = [
    (re.compile(r"^(?:y|岁)", re.I), "year"),
    (re.compile(r"^mo|^mth", re.I), "month"),
    (re.compile(r"^w", re.I), "week"),
    (re.compile(r"^d", re.I), "day"),
    (re.compile(r"^h", re.I), "hour"),
]

# --- comparators -----------------------------------------------------------------------------
GE = (
    r"(?:≥|⩾|≧|\\?>\s*=|=\s*\\?>|\\?>\s*or\s*=|\\?>\s*/\s*=|at\s+least|no\s+less\s+than|not\s+less\s+than|"
    r"not\s+younger\s+than|no\s+younger\s+than|(?:greater|more|older)\s+than\s+or\s+equal\s+to|"
    r"equal\s+(?:to\s+)?or\s+(?:greater|more|older)\s+than|(?:greater|more|older|over|above|higher)\s+(?:than\s*)?(?:or|/)\s*equal(?:\s+(?:to|than))?|"
    r"minimum\s+age(?:\s+of)?|from)"
)
GT = r"(?:\\?>|over|above|older\s+than|more\s+than|greater\s+than|exceeding|beyond)"
LE = (
    r"(?:≤|⩽|≦|\\?<\s*=|=\s*\\?<|\\?<\s*or\s*=|\\?<\s*/\s*=|up\s+to|no\s+older\s+than|not\s+older\s+than|"
    r"no\s+more\s+than|not\s+more\s+than|not\s+exceeding|not\s+over|no\s+greater\s+than|not\s+greater\s+than|"
    r"(?:less|younger)\s+than\s+or\s+equal\s+to|equal\s+(?:to\s+)?or\s+(?:less|younger)\s+than|"
    r"(?:less|younger|under|below|lower|smaller)\s+(?:than\s*)?(?:or|/)\s*equal(?:\s+(?:to|than))?|"
    r"maximum\s+age(?:\s+of)?|at\s+most|until|till)"
)
LT = r"(?:\\?<|under|below|younger\s+than|less\s+than|smaller\s+than)"
COMP = rf"(?:{GE}|{LE}|{GT}|{LT})"
_GE_RE = re.compile(rf"^{GE}$", re.I)
_GT_RE = re.compile(rf"^{GT}$", re.I)
_LE_RE = re.compile(rf"^{LE}$", re.I)
_LT_RE = re.compile(rf"^{LT}$", re.I)

SUF_MIN = r"(?:(?:or|and|&)\s+(?:older|above|over|more|greater|upwards?|beyond)(?!\s+than|\s+or\s+equal)|\+|and\s+up\b|onwards?)"
SUF_MAX = r"(?:(?:or|and|&)\s+(?:younger|under|below|less|lower)(?!\s+than|\s+or\s+equal))"

_AGE_TAIL = r"(?:\s*(?:-|\s)?\s*old\b|\s+of\s+age\b|\s+in\s+age\b|\s+of\s+age\s+old\b)"

# one expression: [comparator] [the age of] N [unit] [range-sep [comparator] N [unit]] [of age|old] [or older] [(inclusive)]
EXPR = re.compile(
    rf"""
    (?:(?P<pre>{COMP})\s*(?:\(\s*(?:\\?[<>]\s*=?|[≤≥])\s*\)\s*)?(?::\s*)?)?
    (?P<ageof>(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+)?
    (?P<n1>{NUM})\s*(?P<u1>{UNIT})?
    (?P<tail1>{_AGE_TAIL})?
    (?:
        \s*(?P<sep>-|–|—|―|~|to|through|thru|and|until|till)\s*(?P<pre2>{LE}|{LT})?\s*
        (?P<n2>{NUM})\s*(?P<u2>{UNIT})?
    )?
    (?P<tail>{_AGE_TAIL})?
    (?:\s*,?\s*(?P<suf>{SUF_MIN}|{SUF_MAX}))?
    (?:\s*\(?\s*(?P<incl>(?:both\s+)?inclusive(?:ly)?|incl\.|included|inclusive\s+of\s+both)\b\)?)?
    """,
    re.I | re.X,
)
# "18 ≤ age ≤ 65", "18 years < age < 75"
REVERSED = re.compile(
    rf"(?P<n1>{NUM})\s*(?P<u1>{UNIT})?\s*(?P<c1>≤|⩽|\\?<\s*=|\\?<)\s*(?:the\s+)?(?:patient'?s?\s+)?age\s*"
    rf"(?:(?P<c2>≤|⩽|\\?<\s*=|\\?<)\s*(?P<n2>{NUM})\s*(?P<u2>{UNIT})?)?",
    re.I,
)
# candidates: a digit, or a number word; the comparator before it is found by _PRE_BEFORE
_LEAD_WORD = re.compile(r"\b(?:between(?:\s+the\s+ages\s+of)?|aged?|ages)\s*(?::\s*)?$", re.I)
_SMALL_AGE_WORDS = (
    "age",
    "old",
    "infant",
    "neonat",
    "newborn",
    "baby",
    "babies",
    "child",
    "toddler",
    "born",
    "boy",
    "girl",
    "patient",
    "subject",
    "participant",
    "volunteer",
    "pediatric",
    "paediatric",
)
# candidate numbers: digits up to 36 characters before a time-unit keyword (found with str.find), or after "age"
_KEYWORDS = ("year", "yr", "month", "mos", "mth", "week", "wk", "day", "hour", "hr", "old", "岁")
_DIGIT_Y = re.compile(r"[0-9] ?[Yy]\b")
_DIGITS = re.compile(r"[0-9]{1,3}(?![0-9])")
_DIG_AGE = re.compile(r"(?<![A-Za-z])(?i:age[sd]?)\b[^;0-9]{0,30}(?<![0-9.,/])([0-9]{1,3})(?![0-9])")
_NUMW_BEFORE = re.compile(rf"\b{_NUMW}\s*(?:\(\s*[0-9]{{1,3}}\s*\)\s*)?(?:-\s*)?$", re.I)
_PRE_LAST = re.compile(
    r"(?:[≥≤⩾⩽≧≦<>=:)]|\b(?:least|than|over|above|under|below|from|of|age|aged|exceeding|beyond|until|till|most|to|equal))\s*$", re.I
)
# The comparator (or "age of") that ends right before a number. Searched in a 50-character
# window: the lookahead (the first two letters of every comparator, "the" and "age") lets the
# engine pass over the positions where none can start without trying each alternative there.
_PRE_BEFORE = re.compile(
    rf"(?=[≥⩾≧≤⩽≦<>=\\]|a[tbg]|be|e[qx]|fr|gr|hi|l[eo]|m[aio]|no|o[lv]|sm|t[hi]|u[np]|yo)(?:(?:{COMP})\s*(?:\(\s*(?:\\?[<>]\s*=?|[≤≥])\s*\)\s*)?(?::\s*)?(?:(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+)?$|(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+$)",
    re.I,
)
_REV_HINT = re.compile(r"(?:≤|⩽|<)\s*=?\s*(?:the\s+)?(?:patient'?s?\s+)?age\b", re.I)

# --- contexts --------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"[\n;•]|(?<![0-9])\.(?:\s|$)|\s\*\s|\s-\s(?=[A-Z])")
_AGE_ANCHOR = re.compile(r"\b(?P<w>[A-Za-z'-]+\s+)?(?:age[sd]?|aged)\b(?P<gap>[^\n;]{0,45})$", re.I)
_AGE_PREWORD_NEG = re.compile(
    r"^(?:gestational|bone|mental|corrected|post-?menstrual|post-?conceptional|postconceptional|conceptional|"
    r"reading|developmental|skeletal|biological|childbearing|child-bearing|reproductive|school|mean|median|"
    r"average|legal|retirement|menopausal|onset|diagnosis|the\s+mean|maternal|paternal|parental|fetal|"
    r"vascular|brain|heart|lung|cognitive|epigenetic|dental|chronological\s+and|working|walking)\s+$",
    re.I,
)
# "women of childbearing age": the phrase describes the person, the age limit may follow in another phrase
_DESCRIPTIVE_AGE = re.compile(r"^(?:childbearing|child-bearing|reproductive|working|school|legal)\s+$", re.I)
_AGE_GAP_NEG = re.compile(
    r"\b(?:diagnos\w*|onset|menarche|menopaus\w*|first|when|gestation\w*|smok\w*|death|died|symptoms?|"
    r"within|for|past|last|during|since|prior|before|after|doses?|dosing|mg|kg|weigh\w*|height|score|bmi|"
    r"index|levels?|times|cigarettes?|outside|not\s+between|other\s+than|injury|surgery|transplant\w*|"
    r"started|began|begin\w*|develop\w*|adjusted|predicted|appropriate|specific|norms?|normal|related|"
    r"equivalent|groups?|strat\w*|sex|gender|race|of\s+the\s+(?:child|infant|baby|patient'?s\s+child)|"
    r"child(?:ren)?|infants?|baby|partner|spouse)\b|%|[0-9]\s*(?:kg|mg|cm|%)",
    re.I,
)
_AGE_PREP_NEG = re.compile(r"\b(?:before|after|since|by|prior\s+to|until|till)\s+(?:the\s+)?$", re.I)
_SUBJ = (
    r"(?:patients?|subjects?|participants?|people|persons?|individuals?|volunteers?|men|women|males?|females?|"
    r"adults?|children|child|boys?|girls?|woman|man|infants?|adolescents?|teenagers?|teens?|youths?|neonates?|newborns?|"
    r"babies|baby|toddlers?|students?|veterans?|outpatients?|inpatients?|elderly|seniors?|pupils?|"
    r"cases|controls|donors?|smokers?|survivors?|recipients?|candidates?|pts?\.?)"
)
_SUBJ_ANCHOR = re.compile(
    rf"\b{_SUBJ}\s*(?:\(|,\s*)?(?:(?:who\s+(?:are|is)|that\s+are|of|aged?|ages|between|from|must\s+be|should\s+be|are|is|be)\s+)*$",
    re.I,
)
_ITEM_LEAD = re.compile(
    r"^[\s>*•·◦▪‣-]*(?:\(?(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s*)?(?:[A-Z]{1,4}[0-9]{1,3}\s*[:.]\s*)?"
    r"(?:(?:must\s+be|be|is|are|patient\s+is|subject\s+is)\s+)?$",
    re.I,
)
_DURATION_PREP = re.compile(
    r"\b(?:for|within|past|last|next|previous|during|since|after|before|in\s+the|every|per|duration|lasting|"
    r"history\s+of|over\s+the|prior|ago|follow(?:ed)?-?up|minimum\s+of|period\s+of|interval\s+of)\s*$",
    re.I,
)
_RIGHT_NEG = re.compile(
    r"^(?:\s*of\s+(?!age\b)|\s*[,)]?\s*(?:since|after|before|prior|ago|from\s+(?!birth)|post|following|duration|in\s+duration|"
    r"life|survival|history|previous|apart|interval|between\s+(?:doses|visits)|"
    r"(?:or\s+more\s+)?(?:of\s+)?(?:follow|treatment|therapy|exposure|experience|use|smoking)|washout|"
    r"post-|in\s+the\s+past|later|earlier|beforehand|per\b|initially|diagnosed|at\s+diagnosis|regardless|"
    r"with\s+(?:none|any|unfavou?rable|favou?rable)\b|(?:must\s+|should\s+)?(?:have|has)\s+(?:elapsed|passed)|elapsed|"
    r"(?:at\s+)?(?:the\s+)?(?:time\s+of\s+)?(?:diagnosis|onset)\b|"
    r"(?:will\s+be|are|is)\s+eligible\s+if|in\s+(?:first[- ]degree\s+)?relatives))",
    re.I,
)
_RIGHT_THING = re.compile(
    r"^\s*\)?\s*(?:acute\s+|chronic\s+)?(?:injur|fractur|wound|lesion|tear|scar|burn|infarct|stroke|thromb|ulcer|tattoo|"
    r"incision|sample|specimen|blood|tissue|biops|scan|image|data|result|x-?ray|mri\b|ct\b|tumou?r|embryo|graft|"
    r"organ|kidney|liver|heart|cell|implant|device|cast|dressing|product|vaccine)",
    re.I,
)
_RIGHT_IF = re.compile(r"^(?!\s*\()[^\n;]{0,45}\b(?:are\s+eligible\s+if|if|only\s+if|provided\s+(?:that|they))\b", re.I)
_LEFT_NEG = re.compile(r"\b(?:death|died|points?|scor(?:e|es|ing)|risk\s+factors?|relatives?)\b", re.I)
_CONSENT_WORD = re.compile(r"\b(?:consent|assent)\b", re.I)
_GUARDIAN_WORD = re.compile(r"\b(?:parents?|tutors?|guardians?|legal(?:ly)?\s+(?:authori[sz]ed\s+)?representatives?|carers?)\b", re.I)
_LEFT_THING = re.compile(
    r"\b(?:injur\w*|fractur\w*|wound|lesion|tear|scar|burn|infarct\w*|stroke|thromb\w*|ulcer|tattoo|incision|"
    r"sample|specimen|tumou?r|embryo|graft|implant|device|symptoms?|pain|episode|event|attack|bleed\w*)\s+"
    r"(?:(?:is|was|are|were|that\s+is|not|no|of)\s+)*$",
    re.I,
)
_RIGHT_CONSENT = re.compile(
    r"^[^\n;.]{0,60}\b(?:assent|(?:parental|guardian'?s?)\s+consent|consent\s+forms?|"
    r"consent\s+(?:from|of|by)\s+(?:their\s+|his\s+|her\s+|a\s+|the\s+)?(?:parents?|guardians?|legal))|^[^\n;.]{0,40}\bwill\s+be\s+(?:provided|given|offered|sent|asked|informed)\b",
    re.I,
)
_CONSENT_TIME = re.compile(r"\b(?:time|date|day|at|when|sign\w*|upon)\b[^\n;]{0,25}(?:assent|consent)", re.I)
_LEAD_PAREN = re.compile(r"^\s*\([^()\n]{0,60}\)")
_PREV_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Za-z][A-Za-z /&,()-]{1,40}?)[ \t]*:[ \t]*\n[\s>*•·-]*$")
_RIGHT_COLON = re.compile(r"^\s*(?:\)\s*)?:(?!\s*(?:inclusive|both))")
_CONDITIONAL = re.compile(
    r"(?:\bfor\s+(?:[A-Za-z-]+\s+){0,3}(?:patients?|subjects?|participants?|children|adults|women|men|those|"
    r"age|ages|aged|individuals|pts|persons)\b|\bif\b|\bwhen\b|\bin\s+(?:patients|subjects|those)\b(?=[^\n;]{0,25}$)|"
    r"\bunless\b|\bexcept\b|\bkarnofsky|\blansky|\bperformance|\becog\b|\bin\s+(?:the\s+)?case\s+of|"
    r"mg/d[lL]|[µu]mol|mmol|\bULN\b|creatinine|bilirubin|clearance|\bonset\b|diagnos\w*\s+(?:at|before|after|by))[^\n;]{0,60}$",
    re.I,
)
_THIRD_PARTY = re.compile(
    r"\b(?:(?:parents?|mothers?|fathers?|caregivers?|carers?|guardians?|caretakers?|teachers?|siblings?)\s+(?:of|with|to|for)\b|"
    r"household|contacts?\s+with|in\s+contact|living\s+with|lives?\s+with|caring\s+for|cares?\s+for|partners?\s+of|"
    r"spouses?\s+of|offspring|family\s+members?|relatives?|(?:has|have|with|their|his|her|of)\s+(?:a\s+|an\s+|one\s+)?"
    r"(?:child|children|infants?|baby|babies|sons?|daughters?|newborns?|kids?|adolescents?|teens?|teenagers?|youths?)\b)",
    re.I,
)
_DOSING = re.compile(r"\b(?:mg|mcg|µg|ug|doses?|dosing|dosage|dosed|ml)\b|/\s*kg|\bmg/", re.I)
_EPIDEMIOLOGY = re.compile(
    r"%|\bpercent|\bprevalen|\bincidence|\bmortality|\bmorbidity|\bmillion|\bleading\s+cause|\baffects?\b|"
    r"\bcommon(?:ly)?\b|\boccurs?\b|\brisk\b|\bworldwide|\bestimated|\bstatistic|\brates?\b|\bburden|"
    r"\bmean\s+age|\bmedian\s+age|\baverage\s+age|\bstratif|\bsub-?groups?|\bage\s+groups?|\bcategor|"
    r"\btertile|\bquartile|\bcompared?\b|\bcomparing\b|\bversus\b|\bvs\.?\s|\bcohort\s+study|\bborn\b|"
    r"\bdiagnosed\s+(?:at|before|after)|\bpreviously\s+(?:shown|reported)|\bstudies\s+(?:have|show)|\breported\b|"
    r"\b(?:were|was|have\s+been|has\s+been)\s+studied\b|\bin\s+(?:a|the|our)\s+(?:previous|prior|earlier|pilot|recent)\s+stud|"
    # sample-size and allocation statements count people by age; they do not restrict eligibility
    r"\bnumbers?\s+of\s+(?:patients|participants|subjects|people|persons|individuals)\b|\bsample\s+size|\bproportion\s+of",
    re.I,
)
_CLAIM = re.compile(
    r"\b(?:must|eligib\w*|to\s+participate|to\s+take\s+part|(?:can|may|could)\s+(?:join|participate|take\s+part|enrol\w*|be\s+included)|"
    r"inclusion|enrol\w*|recruit\w*|open\s+to|limited\s+to|restricted\s+to|required|should\s+be|"
    r"(?:will|to)\s+(?:include|involve)|participants?\s+(?:are|will\s+be)\s+(?:aged|adults|children|between|over|under|at\s+least)|"
    r"looking\s+for|seeking)\b",
    re.I,
)
_MENOPAUSE = re.compile(r"menopaus|amenorrh|menses|menstrua", re.I)
_MENOPAUSE_DEF = re.compile(r"(?:menopaus\w*|amenorrh\w*)[^\n;]{0,30}(?:\(|defin|:)[^\n;]*$", re.I)


@dataclass(frozen=True, slots=True)
class Bound:
    """One side of a stated limit."""

    value: float
    unit: str  # "year", "month", "week", "day", "hour"
    inclusive: bool

    @property
    def years(self) -> float:
        return self.value * UNIT_YEARS[self.unit]

    def amount(self) -> str:
        v = int(self.value) if self.value == int(self.value) else self.value
        return f"{v} {self.unit}{'' if v == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class StatedAge:
    """An age limit stated in text: ``min`` and/or ``max``; offsets index the field's text."""

    start: int
    end: int
    text: str
    min: Bound | None
    max: Bound | None
    kind: str  # "range" | "min" | "max" | "band"
    section: str = "text"  # "inclusion" | "exclusion" | "other" | "text"
    band: str | None = None  # "adult", "child", "adolescent", "infant", "neonate", "older"
    inverted: bool = False  # read from an exclusion statement (sense inverted)
    #: prose only: the sentence claims who may take part ("must be", "eligible", "to participate",
    #: "will enrol"); other prose statements may describe a sub-group (cohorts, strata)
    claim: bool = True

    def describe(self) -> str:
        if self.kind == "band":
            return f"{self.band}s" if self.band != "child" else "children"
        lo, hi = self.min, self.max
        if lo and hi:
            same_unit = lo.unit == hi.unit
            a = f"{lo.value:g}" if same_unit else lo.amount()
            return f"{'' if lo.inclusive else 'over '}{a} to {'' if hi.inclusive else 'under '}{hi.amount()}"
        if lo:
            return f"{'at least' if lo.inclusive else 'over'} {lo.amount()}"
        if hi:
            return f"{'at most' if hi.inclusive else 'under'} {hi.amount()}"
        return "?"


# --- parsing helpers -------------------------------------------------------------------------


def _num(s: str | None) -> float | None:
    if not s:
        return None
    m = re.search(r"[0-9]+(?:\.[0-9]+)?", s)
    if m:
        return float(m.group(0))
    w = NUMBER_WORDS.get(re.sub(r"\s+", " ", s.strip().lower()))
    return None if w is None else float(w)


def _unit(s: str | None) -> str | None:
    if not s:
        return None
    s = s.strip()
    for rx, u in _UNIT_KEY:
        if rx.match(s):
            return u
    return None


def _comp(s: str | None) -> str | None:
    """'ge' | 'gt' | 'le' | 'lt' for a comparator text."""
    if not s:
        return None
    s = s.strip()
    if _GE_RE.match(s):
        return "ge"
    if _LE_RE.match(s):
        return "le"
    if _GT_RE.match(s):
        return "gt"
    if _LT_RE.match(s):
        return "lt"
    return None


_FLIP = {"ge": "lt", "gt": "le", "le": "gt", "lt": "ge"}


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Start of the clause containing pos (after the last newline / ';' / sentence end), >= lo."""
    window_start = max(lo, pos - 160)
    last = window_start
    for m in _CLAUSE_BREAK.finditer(text, window_start, pos):
        last = m.end()
    return last


_SENT_END = re.compile(r"(?<![0-9])\.\s|\n\s*\n|\n")


def _sentence(text: str, s: int, e: int, lo: int, hi: int) -> str:
    """The sentence around text[s:e] (bounded to a few hundred characters)."""
    a = max(lo, s - 300)
    last = a
    for m in _SENT_END.finditer(text, a, s):
        last = m.end()
    m = _SENT_END.search(text, e, min(hi, e + 300))
    return text[last : m.start() if m else min(hi, e + 300)]


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, min(hi, pos + 160))
    return m.start() if m else min(hi, pos + 160)


# --- the extractor ---------------------------------------------------------------------------


@lru_cache(maxsize=64)  # shared by the rules of one record
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
            sa = _from_reversed(text, m, mode)
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
    out.sort(key=lambda s: s.start)
    return tuple(out)


def _candidates(text: str, start: int, end: int) -> list[int]:
    """Where numbers start: digit runs (not inside "1.5", "1,000", "3/4") and number words before a unit."""
    seen = set()
    out = []
    low = text[start:end].lower()
    keys = [start + i for w in _KEYWORDS for i in _find_all(low, w, 0, len(low))]
    keys.extend(m.end() - 1 for m in _DIGIT_Y.finditer(text, start, end))
    for ks in keys:
        for d in _DIGITS.finditer(text, max(start, ks - 36), ks):
            q = d.start()
            if q in seen or (q > start and text[q - 1] in ".,/0123456789"):
                continue
            seen.add(q)
            out.append(q)
    for i in _find_all(low, "age", 0, len(low)):
        d = _DIG_AGE.match(text, start + i, end)
        if d and d.start(1) not in seen:
            seen.add(d.start(1))
            out.append(d.start(1))
    for unit in ("year", "month"):  # number words: "eighteen years", "eighteen (18) years"
        for i in _find_all(low, unit, 0, len(low)):
            w = _NUMW_BEFORE.search(text, max(start, start + i - 40), start + i)
            if w and w.start() not in seen:
                seen.add(w.start())
                out.append(w.start())
    out.sort()
    return out


def _at_item_start(text: str, pos: int, cstart: int, lo: int, item_starts: frozenset[int]) -> bool:
    """Is pos at the start of a criteria item (after its marker and an optional "Age"/"be")?"""
    if item_starts:
        for q in range(pos, max(lo, pos - 40) - 1, -1):
            if q in item_starts:
                return bool(_ITEM_LEAD.match(text[q:pos]))
        return False
    # no parse: a line start
    ls = text.rfind("\n", lo, pos) + 1 if text.rfind("\n", lo, pos) >= 0 else lo
    return bool(_ITEM_LEAD.match(text[ls:pos]))


def _from_reversed(text: str, m: re.Match, mode: str) -> StatedAge | None:
    n1 = _num(m.group("n1"))
    if n1 is None:
        return None
    u = _unit(m.group("u1")) or _unit(m.group("u2")) or "year"
    lo = Bound(n1, u, inclusive=not m.group("c1").strip().endswith("<"))
    hi = None
    if m.group("n2"):
        n2 = _num(m.group("n2"))
        if n2 is None:
            return None
        hi = Bound(n2, _unit(m.group("u2")) or u, inclusive=not m.group("c2").strip().endswith("<"))
    if mode == "exclusion":
        if hi is not None:
            return None
        # excluded: age > n1  -> allowed at most n1
        return StatedAge(m.start(), m.end(), m.group(0), None, Bound(lo.value, lo.unit, not lo.inclusive), "max", mode, inverted=True)
    if lo.years > 120 or (hi and hi.years > 120):
        return None
    return StatedAge(m.start(), m.end(), m.group(0), lo, hi, "range" if hi else "min", mode)


def _classify(text: str, m: re.Match, mode: str, lo_lim: int, hi_lim: int, item_starts) -> StatedAge | None:
    g = m.group
    n1 = _num(g("n1"))
    if n1 is None:
        return None
    u1, u2 = _unit(g("u1")), _unit(g("u2"))
    # cheap early rejections (most numbers near a time word are durations or lab values)
    near = text[max(lo_lim, m.start() - 50) : m.start()].lower()
    if not (u1 or u2) and "age" not in near and "age" not in (g("ageof") or "").lower() and not g("suf") and not g("pre"):
        return None
    if (u1 or u2) not in (None, "year") and not (g("tail") or g("tail1")) and not any(k in near for k in _SMALL_AGE_WORDS):
        return None
    has_range = g("n2") is not None
    sep = (g("sep") or "").lower()
    cstart = _clause_start(text, m.start(), lo_lim)
    left = text[cstart : m.start()]
    cend = _clause_end(text, m.end(), hi_lim)
    right = text[m.end() : cend]
    pre = _comp(g("pre"))
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
    ageof = bool(g("ageof"))
    tail = bool(g("tail") or g("tail1"))
    suf = (g("suf") or "").lower()
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
        gap_neg = _AGE_GAP_NEG.search(gap)
        if gap_neg and mode != "prose" and re.fullmatch(r"groups?", gap_neg.group(0), re.I):
            gap_neg = None  # "in the age group of 10-13 years" (criteria)
        other_phrase = bool(_DESCRIPTIVE_AGE.match(w)) and not gap_neg and bool(re.search(r"[),]", gap))
        # "(of childbearing age), between 18 and 45 years of age": that "age" belongs to another phrase
        if not other_phrase:
            if _AGE_PREWORD_NEG.match(w) or gap_neg or _AGE_PREP_NEG.search(before):
                return None
            if ")" in gap and "(" not in gap:
                return None  # "(for =< 16 years of age) => 50": the age was inside a closed parenthesis
            if re.search(r"\b(?:at|of)\s*$", before, re.I) and re.search(
                r"diagnos|onset|symptom|menarche|first|develop|start|began|death", before, re.I
            ):
                return None
            if not re.search(r"[0-9]\s*(?!(?:years?|months?|yrs?|phase|part|cohort|group|arm|stage|or|and|to)\b)[A-Za-z%]{2,}", gap, re.I):
                anchor = "age"
    elif re.search(r"\bage\s*(?:\([^)]*\))?\s*:\s*\n[\s>*•·-]*$", text[max(lo_lim, m.start() - 40) : m.start()], re.I):
        anchor = "age"  # "Age:\n  - 18 and over" (a labelled list)
    if anchor is None and unit_present and (tail or re.search(r"\b(?:older|younger)\b", suf + " " + pre_text)):
        anchor = "tail"
    if anchor is None and _SUBJ_ANCHOR.search(left[-40:]):
        if (
            unit_present
            or re.search(r"older|younger", suf)
            or (pre is not None and re.match(r"^\s*\(?\s*(?:or|and)\s+(?:older|younger)\b", right))
        ):
            anchor = "subject"  # "Men and women 18 and older", "woman ≥18 (or older if ...)"
    if anchor is None and mode != "prose" and (pre or suf or has_range or tail):
        # an item that starts with the age: "- 18 years or older", "≥ 18 years", "Over 18 years"
        unit_ok = (u1 or u2) == "year" or (unit_present and tail)
        if unit_ok and _at_item_start(text, m.start(), cstart, lo_lim, item_starts):
            label = _PREV_LABEL.search(text, max(lo_lim, m.start() - 120), m.start())
            if label is None or re.search(r"\bage\b", label.group(1), re.I):
                anchor = "item"
    if anchor is None:
        return None

    # --- negatives -------------------------------------------------------------------------
    if not unit_present and anchor not in ("age", "subject"):
        return None
    right = _LEAD_PAREN.sub("", right, count=1)  # "Age > 18 months (i.e., > 547 days) regardless ..."
    if _RIGHT_CONSENT.match(right) and not _CONSENT_TIME.search(right[:70]):
        return None
    if anchor == "tail" and _LEFT_THING.search(left[-40:]):
        return None
    if not unit_present and re.match(r"^\s*(?:kg|%|mg|cm|mm|g\b|lb|ml|x|times|cigarettes|pack)", right, re.I):
        return None
    if _RIGHT_NEG.match(right) and not tail:
        return None
    if _RIGHT_COLON.match(right) or _RIGHT_THING.match(right) or _RIGHT_IF.match(right):
        return None
    if anchor != "age" and _DURATION_PREP.search(left[-30:]):
        return None
    if _CONDITIONAL.search(left) or _THIRD_PARTY.search(left) or _LEFT_NEG.search(left):
        return None
    if _CONSENT_WORD.search(left) and _GUARDIAN_WORD.search(left):
        return None  # who gives consent at which age ("... consent, both, the parent or tutor and the participant aged 14-17")
    if _MENOPAUSE_DEF.search(left) or _MENOPAUSE.search(right[:40]):
        return None
    claim = True
    if mode == "prose":
        sentence = _sentence(text, m.start(), m.end(), lo_lim, hi_lim)
        if _DOSING.search(sentence) or _EPIDEMIOLOGY.search(sentence):
            return None
        claim = bool(_CLAIM.search(sentence))
    # negation right before the comparator: "must not be older than 80"
    negated = bool(pre) and bool(re.search(r"\bnot\s+(?:be\s+)?$|\bno\s+$", left, re.I)) and not pre_text.startswith(("no", "not"))

    # --- bounds ----------------------------------------------------------------------------
    if has_range:
        n2 = _num(g("n2"))
        if n2 is None:
            return None
        unit2 = u2 or u1 or "year"
        unit1 = u1 or unit2
        if _unit(g("u1")) is None and u2 and n1 > n2:
            unit1 = "year" if u2 != "year" else u2  # "1-6 months" keeps months; "2 - 6 months" same
        lo_b = Bound(n1, unit1, inclusive=pre != "gt")
        p2 = _comp(g("pre2"))
        hi_b = Bound(n2, unit2, inclusive=p2 != "lt")
        if sep in ("-", "–", "—", "―", "~") and lo_b.years > hi_b.years:
            return None  # "65-18"? not a range
        if lo_b.years > hi_b.years:
            return None
        if lo_b.years > 120 or hi_b.years > 125:
            return None
        if mode == "exclusion":
            return None  # a range in an exclusion item is not a limit we can read safely
        e = m.end()
        pm = _POINT_AFTER.match(text, e, hi_lim)
        if pm and _unit(pm.group("u")) and _num(pm.group("n")) is not None:
            pb = Bound(_num(pm.group("n")), _unit(pm.group("u")), True)
            if pb.years > hi_b.years:
                hi_b, e = pb, pm.end()
        return StatedAge(m.start(), e, text[m.start() : e].rstrip(), lo_b, hi_b, "range", mode, claim=claim)

    unit = u1 or "year"
    b_in = True
    side = None
    if pre in ("ge", "gt"):
        side, b_in = "min", pre == "ge"
    elif pre in ("le", "lt"):
        side, b_in = "max", pre == "le"
    if suf:
        s_side = "min" if re.search(r"older|above|over|more|greater|upward|beyond|\+|up\b|onward", suf) else "max"
        if side is None:
            side, b_in = s_side, True
    if side is None:
        return None
    if negated:
        side = "max" if side == "min" else "min"
        b_in = not b_in
    b = Bound(n1, unit, b_in)
    if b.years > 120 or (b.years == 0 and side == "max"):
        return None
    if mode == "exclusion":
        # excluded "age > 75" -> eligible "at most 75"; excluded "under 18" -> "at least 18"
        nb = Bound(n1, unit, not b_in)
        if side == "min":
            return StatedAge(m.start(), m.end(), m.group(0).rstrip(), None, nb, "max", mode, inverted=True)
        return StatedAge(m.start(), m.end(), m.group(0).rstrip(), nb, None, "min", mode, inverted=True)
    if side == "min":
        return StatedAge(m.start(), m.end(), m.group(0).rstrip(), b, None, "min", mode, claim=claim)
    return StatedAge(m.start(), m.end(), m.group(0).rstrip(), None, b, "max", mode, claim=claim)


_POINT_AFTER = re.compile(rf"\s*(?:,\s*)?(?:or|and)\s+(?P<n>{NUM})\s*(?P<u>{UNIT})\s*(?:-|\s)?\s*(?:old|of\s+age)\b", re.I)
_SINGLE = re.compile(
    rf"(?:(?P<pre>{COMP})\s*(?::\s*)?)?(?P<ageof>(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+)?(?P<n1>{NUM})\s*(?P<u1>{UNIT})?"
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


# --- band words ------------------------------------------------------------------------------

BANDS: dict[str, tuple[float, float]] = {
    # band -> the range of structured limits it is compatible with (loose: registries differ)
    "adult": (16.0, 200.0),  # "adults": incompatible with a maximum under 16
    "older": (50.0, 200.0),  # "elderly", "older adults": incompatible with a maximum under 50
    "child": (0.0, 17.99),  # "children", "paediatric": incompatible with a minimum of 18 or more
    "adolescent": (10.0, 21.0),
    "infant": (0.0, 3.0),
    "neonate": (0.0, 1.0),
}
_BAND_WORDS = (
    r"(?P<older>elderly|older\s+adults?|older\s+(?:people|persons|patients|individuals|subjects|participants|women|men)|seniors|geriatric\s+patients)"
    r"|(?P<adult>adults?(?:\s+(?:and\s+adolescent\s+)?(?:patients?|subjects?|participants?|volunteers?|men|women|males?|females?|individuals?|population))?)"
    r"|(?P<neonate>neonates?|newborns?|newborn\s+infants?|preterm\s+infants?|premature\s+infants?)"
    r"|(?P<infant>infants?|babies|toddlers?)"
    r"|(?P<adolescent>adolescents?|teenagers?)"
    r"|(?P<child>children|child|paediatric\s+(?:patients?|subjects?|participants?|population)|pediatric\s+(?:patients?|subjects?|participants?|population)|kids)"
)
_BAND_NOT_AFTER = re.compile(
    r"^(?:'s|’s|hood|\s*-?\s*onset|\s+onset|\s+(?:dose|doses|dosing|formulation|hospital|oncology|study\s+group|"
    r"cancer\s+group|protective|services?|care\s+unit|intensive|icu|medicine|education|day\s+care|"
    r"living|literacy|life|weight|height|bmi|equivalent|version|form|scale|questionnaire)\b)",
    re.I,
)
_BAND_HINT_WORDS = (
    "adult",
    "child",
    "infant",
    "adolesc",
    "elderly",
    "older",
    "neonat",
    "newborn",
    "baby",
    "babies",
    "toddler",
    "teen",
    "senior",
    "pediatric",
    "paediatric",
    "kids",
    "geriatric",
)


def _find_all(low: str, w: str, start: int, end: int):
    i = low.find(w, start, end)
    while i != -1:
        yield i
        i = low.find(w, i + 1, end)


_BAND_PROSE = re.compile(
    rf"\b(?:in|among|enrol(?:l|ls|led|ling|s)?|recruit(?:s|ed|ing)?|includ(?:e|es|ed|ing)|involv(?:e|es|ed|ing)|"
    rf"(?:eligible|open)\s+to|(?:limited|restricted)\s+to|only)\s+(?:(?:approximately|about|up\s+to|a\s+total\s+of)\s+)?"
    rf"(?:[0-9]+\s+)?(?:(?:healthy|hospitali[sz]ed|critically\s+ill|obese|overweight|japanese|chinese|korean|"
    rf"male|female|ambulatory|symptomatic|asymptomatic|frail|community-dwelling|young|eligible|"
    rf"the|these|such)\s+){{0,2}}(?:{_BAND_WORDS})\b",
    re.I,
)
# (matched at every line start: its leading run must not cross lines, or a run of N blank lines
# would be re-read from each of them, N² steps on untrusted text)
_BAND_ITEM = re.compile(
    rf"(?:[^\S\n]|[>*•·◦▪‣-])*(?:\(?(?:[0-9]{{1,2}}|[a-zA-Z]|[ivx]{{1,4}})[.)]\s*)?(?:(?:male|female|men|women)\s+(?:or|and|/)\s+"
    rf"(?:male|female|men|women)\s+|healthy\s+|ambulatory\s+|hospitali[sz]ed\s+|non-pregnant\s+)?(?:{_BAND_WORDS})\b",
    re.I,
)


@lru_cache(maxsize=64)  # shared by the rules of one record
def find_bands(text: str, mode: str = "prose", start: int = 0, end: int | None = None) -> tuple[StatedAge, ...]:
    """Band words that restrict eligibility ("in adults with ...", an inclusion item "Adults with ...")."""
    if not text:
        return ()
    end = len(text) if end is None else end
    out = []
    if mode == "prose":
        low = text.lower()
        hits = sorted(i for w in _BAND_HINT_WORDS for i in _find_all(low, w, start, end))
        found = []
        last = -1
        for h in hits:
            if h < last:
                continue
            m = _BAND_PROSE.search(text, max(start, h - 70), min(end, h + 50))
            if m and m.end() > last:
                found.append(m)
                last = m.end()
        for m in found:
            band = next(k for k in BANDS if m.group(k))
            bs = m.start(band)
            if _BAND_NOT_AFTER.match(text[m.end() : m.end() + 30]):
                continue
            sent_start = max(text.rfind(". ", start, bs), text.rfind("\n", start, bs)) + 1
            sent_end_m = re.compile(r"\.\s|\n").search(text, m.end(), end)
            sentence = text[sent_start : sent_end_m.start() if sent_end_m else end]
            if _EPIDEMIOLOGY.search(sentence) or _DOSING.search(sentence) or not _CLAIM.search(sentence):
                continue
            out.append(StatedAge(bs, m.end(), text[bs : m.end()], None, None, "band", mode, band=band))
    elif mode in ("inclusion", "other"):
        for ls in _line_starts(text, start, end):
            m = _BAND_ITEM.match(text, ls, end)
            if not m:
                continue
            band = next(k for k in BANDS if m.group(k))
            if _BAND_NOT_AFTER.match(text[m.end() : m.end() + 30]):
                continue
            bs = m.start(band)
            out.append(StatedAge(bs, m.end(), text[bs : m.end()], None, None, "band", mode, band=band))
    return tuple(out)


def _line_starts(text: str, start: int, end: int):
    yield start
    i = text.find("\n", start, end)
    while i != -1:
        yield i + 1
        i = text.find("\n", i + 1, end)


# --- per field -------------------------------------------------------------------------------


def prose_ages(text: str | None) -> tuple[StatedAge, ...]:
    """Numeric age limits stated in a summary / description."""
    if not text:
        return ()
    return find_ages(text, "prose")


@lru_cache(maxsize=8)  # shared by the rules of one record
def criteria_ages(text: str | None, markdown: bool = False) -> tuple[StatedAge, ...]:
    """Numeric age limits stated in eligibility criteria, read section by section.

    In an exclusion section the sense of one-sided limits is inverted. Sections of kind
    "other" whose header says nothing about kind are read like inclusion criteria.
    """
    if not text:
        return ()
    out: list[StatedAge] = []
    for kind, s, e, starts in _sections(text, markdown):
        mode = "exclusion" if kind == "exclusion" else ("inclusion" if kind == "inclusion" else "other")
        out.extend(find_ages(text, mode, s, e, starts))
    return tuple(sorted(out, key=lambda a: a.start))


@lru_cache(maxsize=8)  # shared by the rules of one record
def criteria_bands(text: str | None, markdown: bool = False) -> tuple[StatedAge, ...]:
    if not text:
        return ()
    out: list[StatedAge] = []
    for kind, s, e, _ in _sections(text, markdown):
        if kind != "exclusion":
            out.extend(find_bands(text, "inclusion" if kind == "inclusion" else "other", s, e))
    return tuple(out)


def _sections(text: str, markdown: bool):
    """(kind, start, end, item text starts) for each section of the criteria."""
    try:
        from trial_audit.text.criteria import doc_for
    except ImportError:  # pragma: no cover - the parser is part of the package
        doc_for = None
    if doc_for is not None:
        try:
            doc = doc_for(text, markdown)
            secs = []
            for sec in doc.sections:
                starts = frozenset(it.text_start for it in sec.iter_items())
                s = sec.start if sec.header_start is None else min(sec.start, sec.header_start)
                secs.append((sec.kind, s, sec.end, starts))
            if secs:
                # text before the first section (if any) is read as "other"
                if secs[0][1] > 0:
                    secs.insert(0, ("other", 0, secs[0][1], frozenset()))
                return secs
        except Exception:  # pragma: no cover - never fail on real text
            pass
    return _fallback_sections(text)


# a header at a line start; the blanks before it stay on its line (see _BAND_ITEM)
_HEADER = re.compile(r"(?im)^(?:[^\S\n]|[*#-])*(?:key\s+|main\s+)?(inclusion|exclusion|non-?inclusion)\s+criteria\b")


def _fallback_sections(text: str):
    heads = list(_HEADER.finditer(text))
    if not heads:
        return [("other", 0, len(text), frozenset())]
    out = []
    if heads[0].start() > 0:
        out.append(("other", 0, heads[0].start(), frozenset()))
    for i, h in enumerate(heads):
        e = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        kind = "inclusion" if h.group(1).lower() == "inclusion" else "exclusion"
        out.append((kind, h.start(), e, frozenset()))
    return out


# --- comparing -------------------------------------------------------------------------------


def _tolerance(a: float, b: float) -> float:
    return min(0.5, max(4 / 365.25, 0.05 * max(a, b)))


def bound_matches(stated: Bound, structured_years: float, side: str) -> bool:
    """Does a stated bound agree with a structured limit (in years)?

    Structured limits are whole values in one unit and inclusive. An inclusive stated bound
    must equal it (within rounding of units); an exclusive one may be entered either way:
    "over 18" as 18 or 19 years, "under 65" as 65 or 64 years (common registry practice).
    """
    candidates = [stated.years]
    if not stated.inclusive:
        step = UNIT_YEARS[stated.unit]
        candidates.append(stated.years + step if side == "min" else stated.years - step)
    return any(abs(c - structured_years) <= _tolerance(c, structured_years) for c in candidates)


def band_compatible(band: str, min_years: float | None, max_years: float | None) -> bool:
    """Is a band word ("adults", "children") compatible with a structured range?"""
    lo, hi = BANDS[band]
    mn = 0.0 if min_years is None else min_years
    mx = 200.0 if max_years is None else max_years
    return mn <= hi and mx >= lo


def fmt_years(y: float) -> str:
    if y >= 2 or abs(y - round(y)) < 1e-6:
        return f"{y:g} years" if abs(y - round(y)) > 1e-6 else f"{round(y)} years"
    months = y * 12
    if abs(months - round(months)) < 0.05:
        return f"{round(months)} months"
    return f"{y * 365.25:.0f} days"


@dataclass(frozen=True, slots=True)
class SideComparison:
    """How stated limits compare with a structured one, on one side ("min" or "max")."""

    side: str
    #: "absent" (nothing stated), "agree", "disagree", "missing-structured" (stated, but the
    #: structured field sets no limit on that side)
    status: str
    #: the statement to quote: the first one that disagrees (or the one stated where the
    #: structured field has no limit)
    witness: StatedAge | None = None
    #: the stated bound compared (None for a cross-side disagreement)
    bound: Bound | None = None


def compare_side(stated, min_years: float | None, max_years: float | None, side: str) -> SideComparison:
    """Compare numeric statements with a structured range on one side.

    A side agrees when ANY statement's bound on that side matches the structured limit (texts
    often give cohorts or parts different limits; the structured field should match one of
    them). When no statement bounds that side, it still disagrees when every statement lies
    wholly outside the structured range ("under 18 years" against a structured minimum of 18).
    A structured minimum that is absent is no limit: 0, so "from birth"/"0 days" agrees with it.
    """
    numeric = [s for s in stated if s.kind != "band"]
    bounds = [(s, getattr(s, side)) for s in numeric if getattr(s, side) is not None]
    if side == "min":
        t = 0.0 if min_years is None else min_years
        if not bounds:
            return _cross(numeric, min_years, max_years, side)
        if any(bound_matches(b, t, "min") for _, b in bounds):
            return SideComparison(side, "agree")
        s, b = bounds[0]
        return SideComparison(side, "missing-structured" if min_years is None else "disagree", s, b)
    if not bounds:
        return _cross(numeric, min_years, max_years, side)
    if max_years is None:
        s, b = bounds[0]
        return SideComparison(side, "missing-structured", s, b)
    if any(bound_matches(b, max_years, "max") for _, b in bounds):
        return SideComparison(side, "agree")
    s, b = bounds[0]
    return SideComparison(side, "disagree", s, b)


def _cross(numeric, min_years, max_years, side) -> SideComparison:
    """No statement bounds this side: disagree when every statement lies outside the range."""
    if side == "min" and min_years is not None:
        maxes = [s for s in numeric if s.max is not None]
        if (
            maxes
            and len(maxes) == len(numeric)
            and all(
                s.max.years + (0 if s.max.inclusive else -UNIT_YEARS[s.max.unit]) < min_years - _tolerance(s.max.years, min_years)
                for s in maxes
            )
        ):
            return SideComparison(side, "disagree", maxes[0], None)
    if side == "max" and max_years is not None:
        mins = [s for s in numeric if s.min is not None]
        if (
            mins
            and len(mins) == len(numeric)
            and all(
                s.min.years + (0 if s.min.inclusive else UNIT_YEARS[s.min.unit]) > max_years + 1 + _tolerance(s.min.years, max_years)
                for s in mins
            )
        ):
            return SideComparison(side, "disagree", mins[0], None)
    return SideComparison(side, "absent")


def compare_prose(stated, min_years: float | None, max_years: float | None, side: str) -> SideComparison:
    """Compare a summary's statements with a range (structured, or the criteria's).

    Statements in sentences that claim who may take part ("must be", "eligible", "to
    participate", "will enrol") are compared like criteria, except that an open-ended claim
    ("aged 18 and above") agrees with an absent maximum even when other claims name groups
    ("150 aged 18-59 and 50 aged 60 and above"). Other statements may describe a sub-group
    (a cohort, a stratum): they disagree only when they lie outside the range.
    """
    numeric = [s for s in stated if s.kind != "band"]
    claims = [s for s in numeric if s.claim]
    if claims:
        if side == "max" and max_years is None and any(s.max is None and s.min is not None for s in claims):
            res = SideComparison(side, "agree")
        else:
            res = compare_side(claims, min_years, max_years, side)
        if res.status != "absent":
            return res
    seen = False
    for s in numeric:
        if s.claim:
            continue
        seen = seen or getattr(s, side) is not None
        if side == "min" and s.min is not None and min_years is not None:
            lo = s.min.years + (0 if s.min.inclusive else UNIT_YEARS[s.min.unit])
            if lo < min_years - _tolerance(lo, min_years) and not bound_matches(s.min, min_years, "min"):
                return SideComparison(side, "disagree", s, s.min)
        if side == "max" and s.max is not None and max_years is not None:
            hi = s.max.years - (0 if s.max.inclusive else UNIT_YEARS[s.max.unit])
            if hi > max_years + 1 + _tolerance(hi, max_years) and not bound_matches(s.max, max_years, "max"):
                return SideComparison(side, "disagree", s, s.max)
    return SideComparison(side, "agree" if seen else "absent")
