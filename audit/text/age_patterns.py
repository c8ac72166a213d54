"""Patterns for reading ages in text: numbers (digits and words), units, comparators, and the
contexts that tell an age limit from an age that means something else (durations, onset, dosing,
third persons, consent clauses, epidemiology). Used by :mod:`trial_audit.text.age_phrases` and
:mod:`trial_audit.text.age_bands`."""

from __future__ import annotations

import re

from trial_audit.core.casing import lower_keeping_offsets as lower_keeping_offsets  # re-exported: age_bands, age_phrases

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
    r"(?:years?(?=\W|$)|yrs?\b\.?|y\s*/\s*o\b|y\.?\s?o\b\.?|y(?=[\s),;.]|-[0-9]|$)|岁|"
    # single-letter day/hour abbreviations ("postnatal age <= 72 h", "3-28 d") only before a delimiter, so that
    # the number is never read as years when a unit abbreviation follows
    r"months?\b|mos?\b\.?|mths?\b|weeks?\b|wks?\b|days?\b|d(?=[\s),;.]|$)|hours?\b|hrs?\b|h(?=[\s),;.]|$))"
)
_UNIT_KEY = [
    (re.compile(r"^(?:y|岁)", re.I), "year"),
    (re.compile(r"^mo|^mth", re.I), "month"),
    (re.compile(r"^w", re.I), "week"),
    (re.compile(r"^d", re.I), "day"),
    (re.compile(r"^h", re.I), "hour"),
]

# --- comparators -----------------------------------------------------------------------------
# what may stand between "minimum age" and its number: "of participants is", "for inclusion:", "will be"
_AGE_LIMIT_OF = (
    r"(?:\s+(?:of|for)\s+(?:the\s+)?(?:participants?|patients?|subjects?|volunteers?|inclusion|enrol\w*|entry|eligibility|participation))?"
    r"(?:\s+(?:is|will\s+be|of|at)|\s*:)?"
)
# "≥" and "≤" that an export wrote in the wrong encoding: UTF-8 read as Windows-1252 ("â‰¥", or "â?¥" where the middle
# byte was lost) or as Mac Roman ("‚â•", and "√¢?¬•" read twice); ICTRP's XLSX and CSV downloads carry both
_GE_MOJIBAKE = r"â(?:‰|\?|\x89)?¥|√¢(?:\?|‰)?¬•|‚â•"
_LE_MOJIBAKE = r"â(?:‰|\?|\x89)?¤|√¢(?:\?|‰)?¬§|‚â§"
# a lone "=" before an age: the "≥" or "≤" an export could not encode ("Age =18 years", "adult (=18 years old)", "18 years
# old = age = 65 years old": ICTRP's downloads of ClinicalTrials.gov records). Not part of "=>", "<=", ">/=", "==".
# Which side it was is not written: the extractor reads it as "≥" and marks the statement (``lost_comparator``), and
# the comparison with the structured limits decides the side (age_compare.resolve_lost_sides).
LOST_EQ = r"(?<![<>≤≥=!/\\~])=(?![<>=/\\])"
_LOST_EQ_RE = re.compile(rf"^{LOST_EQ}$")
GE = (
    rf"(?:{_GE_MOJIBAKE}|≥|⩾|≧|\\?>\s*=|=\s*\\?>|\\?>\s*or\s*=|\\?>\s*/\s*=|at\s+least|no\s+less\s+than|not\s+less\s+than|"
    r"not\s+younger\s+than|no\s+younger\s+than|(?:greater|more|older)\s+than\s+or\s+equal\s+to|"
    r"equal\s+(?:to\s+)?or\s+(?:greater|more|older)\s+than|(?:greater|more|older|over|above|higher)\s+(?:than\s*)?(?:or|/)\s*equal(?:\s+(?:to|than))?|"
    # "minimum age of 18", "The minimum age of participants is 18 years", "lower age limit: 18"
    rf"(?:minimum|lower)\s+age(?:\s+limit)?{_AGE_LIMIT_OF}|from|"
    # a bound named by its side right before its number, after an age label ("Age limits: lower 30 years, upper 50 years")
    # (only after a label's punctuation: "lower" and "minimum" compare much else)
    r"(?:(?<=[,:;(])|(?<=[,:;(]\s))(?:minimum|min\.|lower)(?:\s+(?:limit|bound|end))?\s*[:=]?)"
)
GT = r"(?:\\?>|over|above|older\s+than|more\s+than|greater\s+than|exceeding|beyond)"
LE = (
    rf"(?:{_LE_MOJIBAKE}|≤|⩽|≦|\\?<\s*=|=\s*\\?<|\\?<\s*or\s*=|\\?<\s*/\s*=|up\s+to(?:\s+and\s+including|\s+and\s+inclusive\s+of)?|no\s+older\s+than|not\s+older\s+than|"
    r"no\s+more\s+than|not\s+more\s+than|not\s+exceeding|not\s+over|no\s+greater\s+than|not\s+greater\s+than|"
    r"(?:less|younger)\s+than\s+or\s+equal\s+to|equal\s+(?:to\s+)?or\s+(?:less|younger)\s+than|"
    r"(?:less|younger|under|below|lower|smaller)\s+(?:than\s*)?(?:or|/)\s*equal(?:\s+(?:to|than))?|"
    rf"(?:maximum|upper)\s+age(?:\s+limit)?{_AGE_LIMIT_OF}|at\s+most|until|till|"
    r"(?:(?<=[,:;(])|(?<=[,:;(]\s))(?:maximum|max\.|upper)(?:\s+(?:limit|bound|end))?\s*[:=]?)"
)
LT = r"(?:\\?<|under|below|younger\s+than|less\s+than|smaller\s+than)"
COMP = rf"(?:{GE}|{LE}|{GT}|{LT}|{LOST_EQ})"
_GE_RE = re.compile(rf"^{GE}$", re.I)
_GT_RE = re.compile(rf"^{GT}$", re.I)
_LE_RE = re.compile(rf"^{LE}$", re.I)
_LT_RE = re.compile(rf"^{LT}$", re.I)

# ("40 plus" ends the phrase: "40 plus 70 minutes" is a sum, "40 plus a history of asthma" joins two requirements)
SUF_MIN = (
    r"(?:(?:or|and|&)\s+(?:older|above|over|more|greater|upwards?|beyond)(?!\s+than|\s+or\s+equal|[^\S\n]*(?:the\s+age\s+of\s*)?[0-9])|\+|and\s+up\b|onwards?"
    r"|plus\b(?![^\S\n]*(?!(?:at|on|when|by)\b)[A-Za-z0-9(]))"
)
SUF_MAX = r"(?:(?:or|and|&)\s+(?:younger|under|below|less|lower)(?!\s+than|\s+or\s+equal|[^\S\n]*(?:the\s+age\s+of\s*)?[0-9]))"

# a unit joined by a hyphen only when "old" follows: "18-year-old", "40-70-year-old adults", "18-year-olds" (not "18-year history")
_HYPHEN_UNIT = r"(?:\s*-(?=\s*(?:years?|yrs?|months?|weeks?|days?)\s*-?\s*olds?\b))?"
_AGE_TAIL = r"(?:\s*(?:-|\s)?\s*olds?\b|\s+of\s+age\b|\s+in\s+age\b|\s+of\s+age\s+old\b|\s*\bage\s+(?:range|group|bracket)\b)"

# the space around a range's separator: one hard line wrap at most, never a blank line, a bullet or a numbered item's
# marker after the line break. A range's two ends are in one list item: "aged 18-65 years old\n\n - 2. Pneumonia" ends
# at 65 (the next item's number is no age), "Age ≥ 18 years\n - 2" is a minimum of 18 (NCT04280224, ICTRP)
_RANGE_GAP = r"[^\S\n]*(?:\n[^\S\n]*+(?![\n\-–—―*•·]|[0-9]{1,2}[.)][^\S\n]|[(\[]?[0-9]{1,2}[)\]][^\S\n]))?"

# "age" between a comparator and its number: "Patients over age 10", "Under age 18" (excluded)
_COMP_AGE = r"(?<![A-Za-z])age\s+(?=[0-9])"

# one expression: [comparator] [the age of] N [unit] [range-sep [comparator] N [unit]] [of age|old] [or older] [(inclusive)]
EXPR = re.compile(
    rf"""
    (?:(?P<pre>{COMP})\s*(?:\(\s*(?:\\?[<>]\s*=?|[≤≥])\s*\)\s*)?(?::\s*)?(?P<cage>{_COMP_AGE})?)?
    (?P<ageof>(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+)?
    (?P<n1>{NUM}){_HYPHEN_UNIT}\s*(?P<u1>{UNIT})?
    (?P<tail1>{_AGE_TAIL})?
    (?:\s*\(\s*(?:including|inclusive|incl\.?|included|completed|complete|full|fulfilled|reached)\s*\))?
    (?:
        {_RANGE_GAP}(?P<sep>-\s*(?:to|through)\b|-|–|—|―|~|～|〜|(?:up\s+)?to\s+and\s+including|to|through|thru|and|until|till|up\s+to){_RANGE_GAP}(?P<pre2>{LE}|{LT}|{LOST_EQ})?{_RANGE_GAP}
        (?P<n2>{NUM}){_HYPHEN_UNIT}\s*(?P<u2>{UNIT})?
    )?
    (?P<tail>{_AGE_TAIL})?
    (?:\s*,?\s*(?P<suf>{SUF_MIN}|{SUF_MAX}))?
    (?:\s*\(?\s*(?P<incl>(?:both\s+)?inclusive(?:ly)?|incl\.|included|inclusive\s+of\s+both)\b\)?)?
    """,
    re.I | re.X,
)
# "18 ≤ age ≤ 65", "18 years < age < 75"
REVERSED = re.compile(
    rf"(?P<n1>{NUM})\s*(?P<u1>{UNIT})?(?:\s*old)?\s*(?P<c1>≤|⩽|\\?<\s*=|\\?<|{LOST_EQ})\s*(?:the\s+)?(?:patient'?s?\s+)?age\s*"
    rf"(?:(?P<c2>≤|⩽|\\?<\s*=|\\?<|{LOST_EQ})\s*(?P<n2>{NUM})\s*(?P<u2>{UNIT})?(?:\s*old\b)?)?",
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
# numbers no time word follows: after an age-only comparator ("no older than 70", "younger than 18") or before
# a plus ("adults (18+)"), and after "must be" + a comparator ("must be under 75")
_DIG_COMPARED = re.compile(
    r"(?i:(?:older|younger)\s+than|(?:must|should|to)\s+be\s+(?:under|over|below|above|at\s+least|at\s+most))\s*([0-9]{1,3})(?![0-9]|[.,][0-9])"
    # and "Participants must be 18 or over" (no unit, no "old": after "be", the suffix is the only sign of an age)
    r"|(?:(?<![0-9.,])(?=[0-9]{1,3}\s*\+)|(?<=\bbe[^\S\n]))([0-9]{1,3})"
    r"(?:\s*\+|(?=[^\S\n]+(?:or|and)[^\S\n]+(?:over|above|under|below)\b))"
)
_DIG_AGE = re.compile(r"(?<![A-Za-z])(?i:age[sd]?)\b[^;0-9]{0,30}(?<![0-9.,/])([0-9]{1,3})(?![0-9])")
_NUMW_BEFORE = re.compile(rf"\b{_NUMW}\s*(?:\(\s*[0-9]{{1,3}}\s*\)\s*)?(?:-\s*)?$", re.I)
# a range of number words before its unit ("six to twelve years", "forty-five through sixty-five years"): the
# first word starts the expression, so that both ends are read
_NUMW_RANGE_BEFORE = re.compile(
    rf"\b{_NUMW}-?\s*(?:-|–|—|to|through|and)\s*(?:{_NUMW}|[0-9]{{1,3}}(?![0-9]))\s*(?:\(\s*[0-9]{{1,3}}\s*\)\s*)?(?:-\s*)?$", re.I
)
# a number word right after an age word, with or without a unit ("aged six to twelve", "between the ages of forty and seventy")
_NUMW_AFTER_AGE = re.compile(
    rf"(?<![A-Za-z])(?:aged|ages?\s+of|ages|age\s*:?)\s+(?:(?:{GE}|{LE}|{GT}|{LT})\s+)?({_NUMW})\b|"
    # a comparator that only compares ages: "not older than seventy-five", "younger than eighteen"
    rf"\b(?:older|younger)\s+than\s+(?:or\s+equal\s+to\s+)?({_NUMW})\b",
    re.I,
)
_PRE_LAST = re.compile(
    r"(?:[≥≤⩾⩽≧≦<>=:)¥•¤§]|\b(?:least|than|over|above|under|below|from|of|age|aged|exceeding|beyond|until|till|most|to|equal|is|be|limit|including|"
    r"lower|upper|minimum|maximum|min\.|max\.|bound|end))\s*$",
    re.I,
)
# The comparator (or "age of") that ends right before a number. Searched in a 50-character
# window: the lookahead (the first two letters of every comparator, "the" and "age") lets the
# engine pass over the positions where none can start without trying each alternative there.
_PRE_BEFORE = re.compile(
    rf"(?=[≥⩾≧≤⩽≦<>=\\â√‚]|a[tbg]|be|e[qx]|fr|gr|hi|l[eo]|m[aio]|no|o[lv]|sm|t[hi]|u[np]|yo)(?:(?:{COMP})\s*(?:\(\s*(?:\\?[<>]\s*=?|[≤≥])\s*\)\s*)?(?::\s*)?(?:(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+|(?<![A-Za-z])age\s+)?$|(?<![A-Za-z])(?:the\s+)?ages?\s+of\s+$)",
    re.I,
)
# "in the 40-70 age range", "the 18–45 years age group": a range that the words "age range / group / bracket" follow
_RANGE_BEFORE_AGE_WORDS = re.compile(r"(?<![0-9.,])([0-9]{1,3})[^\S\n]*(?:-|–|to)[^\S\n]*[0-9]{1,3}[^\S\n]*(?:years?[^\S\n]*)?$", re.I)
# ("18 years old = age = 65 years old": the "≤" an export lost, see LOST_EQ)
_REV_HINT = re.compile(r"(?:≤|⩽|<|(?<![<>≤≥=!])=)\s*=?\s*(?:the\s+)?(?:patient'?s?\s+)?age\b", re.I)

# --- contexts --------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"[\n;•]|(?<![0-9])\.(?:\s|$)|\s\*\s|\s-\s(?=[A-Z])")
_AGE_ANCHOR = re.compile(r"\b(?P<w>[A-Za-z'-]+\s+)?(?:age[sd]?|aged)\b(?P<gap>[^\n;]{0,45})$", re.I)
_AGE_PREWORD_NEG = re.compile(
    r"^(?:gestational|gestation|bone|mental|corrected|post-?menstrual|post-?conceptional|postconceptional|conceptional|"
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
    r"child(?:ren)?|infants?|baby|partner|spouse|"
    # a score or a measurement between "age" and the number: "more than 18 years of age with KPS ≥ 50" (NCT06442748)
    r"kps|karnofsky|karnovsky|ecog|zubrod|lansky|performance|ps|egfr|hba1c|ha?emoglobin|platelets?|creatinine|bilirubin|"
    r"clearance|ejection|lvef|mmse|moca|nihss|edss|apache|sofa|gcs|fev1|iq|pressure)\b|%|[0-9]\s*(?:kg|mg|cm|%)",
    re.I,
)
_AGE_PREP_NEG = re.compile(r"\b(?:before|after|since|by|prior\s+to|until|till)\s+(?:the\s+)?$", re.I)
_SUBJ = (
    r"(?:patients?|subjects?|participants?|people|persons?|individuals?|volunteers?|men|women|males?|females?|"
    r"adults?|children|child|boys?|girls?|woman|man|infants?|adolescents?|teenagers?|teens?|youths?|neonates?|newborns?|"
    r"babies|baby|toddlers?|students?|veterans?|outpatients?|inpatients?|elderly|seniors?|pupils?|youngsters?|kids?|retirees?|"
    r"cases|controls|donors?|smokers?|survivors?|recipients?|candidates?|pts?\.?|(?:both|either|any)\s+(?:genders?|sexes|sex))"
)
# A range with no unit right after a group of people ("open to adults 30-65 with ...", "Healthy volunteers 18-45"):
# people nouns that are not numbered in protocols ("patients 1-3" and "cohorts 2-4" are numbered), ascending ends,
# and no measurement unit after the second number
# "between N and M" also after the numbered nouns when the subject is said to be it: "Patients should be between 18 and 70"
_GROUP_BARE_RANGE = re.compile(
    r"\b(?:(?:adults?|men|women|males|females|children|adolescents|teenagers|(?:healthy\s+)?volunteers|individuals|persons|people)"
    r"\s+(?:aged\s+)?(?:between\s+)?|(?:patients|subjects|participants)\s+(?:(?:must|should|shall|will)\s+be\s+|(?:who\s+)?are\s+)?(?:aged\s+)?between\s+)"
    r"([0-9]{1,3})\s*(?:-|–|to|and)\s*([0-9]{1,3})(?![0-9]|[.,:][0-9]|/|\s*(?:%|[A-Za-z]+/|units?\b|IU\b|mg|kg|g\b|cm|mm|ml|mmol|times|x\b|"
    r"prior\b|previous\b|lines?\b|cycles?\b|doses?\b|courses?\b|visits?\b|episodes?\b|sessions?\b|hours?\b|days?\b|weeks?\b|months?\b))",
    re.I,
)
# the same with number words, no unit after: "The study will enroll adults eighteen to sixty with asthma"
_GROUP_WORD_RANGE = re.compile(
    r"\b(?:adults?|men|women|males|females|children|adolescents|teenagers|(?:healthy\s+)?volunteers|individuals|persons|people)"
    rf"\s+(?:aged\s+)?(?:between\s+)?({_NUMW})\s*(?:-|–|to|and)\s*({_NUMW})\b(?![^\S\n]*(?:\(|-?[A-Za-z]+/|percent|times|units?\b|"
    r"prior\b|previous\b|lines?\b|cycles?\b|doses?\b|courses?\b|visits?\b|episodes?\b|sessions?\b|hours?\b|days?\b|weeks?\b|months?\b))",
    re.I,
)
_SUBJ_ANCHOR = re.compile(
    rf"\b{_SUBJ}\s*(?:\(|,\s*)?(?:(?:who\s+(?:are|is)|that\s+are|of|aged?|ages|between|from|must\s+be|should\s+be|needs?\s+to|ha(?:ve|s)\s+to|are|is|be|"
    # a modal before "be": "Participants will be 40 or older" (a bare number still needs "or older" / a unit to be an age)
    r"will|shall|would|may|can)\s+)*$|"
    # a patient-facing summary speaks to the reader: "To be eligible, you must be at least 18" (not "if you are 65 or older")
    r"\byou\s+(?:must|should|need\s+to|have\s+to|will\s+need\s+to)\s+be\s+$",
    re.I,
)
_ITEM_LEAD = re.compile(
    r"^[\s>*•·◦▪‣-]*(?:\(?(?:[0-9]{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s*)?(?:[A-Z]{1,4}[0-9]{1,3}\s*[:.]\s*)?"
    r"(?:(?:must\s+be|be|is|are|patient\s+is|subject\s+is)\s+)?(?:between\s+|年龄\s*[:：]?\s*)?$",
    re.I,
)
_DURATION_PREP = re.compile(
    r"\b(?:for|within|past|last|next|previous|during|since|after|before|in\s+the|every|per|duration|lasting|"
    r"history\s+of|over\s+the|prior|ago|follow(?:ed)?-?up|minimum\s+of|period\s+of|interval\s+of)\s*$",
    re.I,
)
_RECRUITED_FROM = (
    r"(?:(?:the|a|an|our|two|three|several|local|participating|selected|general|primary|outpatient|inpatient|community|public|"
    r"private|rural|urban|university|district|regional)\s+){0,3}(?:clinics?|hospitals?|cent(?:er|re)s?|practices?|"
    r"communit(?:y|ies)|schools?|sites?|wards?|departments?|units?|registr(?:y|ies)|populations?|counties|provinces?|regions?|"
    r"cities|villages?|households?|workplaces?|universit(?:y|ies)|care\s+homes?|nursing\s+homes?)\b"
)
_RIGHT_NEG = re.compile(
    # ("years from diagnosis" is a time; "aged 30 to 75 years from general practices / the outpatient clinic" is where the
    # participants come from)
    # ("Aged between 18-75 years of signing Informed Consent": the age at signing, not a duration of something)
    r"^(?:\s*of\s+(?!age\b|(?:either|both|any|all)\s+(?:genders?|sex(?:es)?)\b|(?:the\s+)?(?:time\s+of\s+)?(?:signing|signature|informed\s+consent|screening|enrol\w*|randomi[sz]\w*|"
    rf"inclusion|study\s+entry|registration|admission)\b)|\s*[,)]?\s*(?:since|after|before|prior|ago|from\s+(?!birth|{_RECRUITED_FROM})|post|following|duration|in\s+duration|"
    r"life|survival|history|previous|apart|interval|between\s+(?:doses|visits)|"
    r"(?:or\s+more\s+)?(?:of\s+)?(?:follow|treatment|therapy|exposure|experience|use|smoking)|washout|"
    r"post-|in\s+the\s+past|later|earlier|beforehand|per\b|initially|diagnosed|at\s+diagnosis|regardless(?!\s+of\s+(?:gender|sex|race|ethnicity))|"
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
_LEFT_NEG = re.compile(r"\b(?:death|died|points?|scor(?:e|es|ing)|risk\s+factors?|relatives?|pubert\w*|menarche)\b", re.I)
# the number is a gestational / corrected age: "less than 36 weeks' gestation", "28 weeks of gestation"
_RIGHT_GESTATION = re.compile(
    r"[^\S\n]*['’]?s?[^\S\n]*\n?[^\S\n]*(?:of\s+|at\s+)?(?:gestation\w*|GA\b|post-?menstrual|post-?conception\w*|corrected|completed\s+gestation)",
    re.I,
)
# the number has another quantity's unit: "a serum FSH > 15 IU/L", "> 30 kg/m2", "50 points"
_RIGHT_OTHER_UNIT = re.compile(
    r"^\s*(?:[A-Za-zµ]{1,6}\s*/\s*[A-Za-z0-9]|IU\b|mIU|U/|mg|mcg|µg|ng|pg|mmol|µmol|umol|mol\b|kg|cm|mm|%|points?\b|"
    r"cells|copies|bpm|beats|mmHg|units?\b|ml\b|mL\b|dL|g\b|lbs?\b|x\b|times\b|cigarettes|packs?\b|pack-?years?|drinks)",
)
# an age at which something happened, not a limit: "who have had seizures with fever under the age of 2"
_EVENT_VERB = re.compile(
    r"\b(?:had|has\s+had|have\s+had|experienced|occurred|developed|diagnosed|started|began|begun|suffered|underwent|"
    r"received|was\s+born|were\s+born)\b",
    re.I,
)
# a time point, not a limit: "developmental problems at 18 to 22 months of age"
# a time point, or a deadline: "problems at 18 months of age", "lip repair to be accomplished by 3-6 months of age"
# ("aged at 18-70 years old": "at" after "aged" is a translation of the age itself, ICTRP's ChiCTR and NCT records)
_AT_TIME_POINT = re.compile(r"(?<!\baged\s)(?<!\bage\s)\b(?:at|by)\s+(?:approximately\s+|about\s+|around\s+)?$", re.I)
# a subject in an exclusion item qualified further: "Patients aged 35 years or older who smoke": only that subgroup is excluded
_RIGHT_QUALIFIER = re.compile(r"^\s*(?:who|whose|that|with|having|in\s+whom|if|when|and\s+(?:who|with|have|has|are))\b", re.I)
# a time relative to an event: "Patients who are less than 28 days or more than 80 days after PBSCT"
_RIGHT_EVENT_TIME = re.compile(r"^[^\n;.]{0,40}?\b(?:after|before|since|prior\s+to|following|post-?)\s*(?!birth\b)[A-Za-z]", re.I)
# the age conditions a consent requirement: "patients ≥ 18 years must be able to give informed consent"
_RIGHT_CONSENT_DUTY = re.compile(
    r"\s*,?\s*(?:(?:who\s+are|will|must|should|shall|need|needs|require|requires|are\s+required|have\s+to|has\s+to|"
    r"may\s+(?:participate|enrol\w*|be\s+enrol\w*|be\s+included|take\s+part|join))\b[^;.()]{0,60}?)"
    r"\b(?:consent|assent|sign)",
    re.I,
)
# an enumerated category inside a prose sentence: "1) healthy volunteers ..., 2) patients 6 to 85 years old"
_PROSE_ENUMERATED = re.compile(r"(?:^|[\s:;,])\(?(?:[0-9]{1,2}|[a-h])\)\s")
# a requirement written under the exclusion criteria: "May not be younger than 18 years of age" (not inverted)
_REQUIREMENT = re.compile(r"\b(?:must|should|shall|may\s+not|cannot|can\s*not|need\s+to|has\s+to|have\s+to)\b", re.I)
# another quantity named between "age" and the number, or right after it: "> Age 50, life expectancy > 1 year",
# "Less than 10 years formal education"
_OTHER_QUANTITY = re.compile(
    r"\b(?:life\s+expectancy|expectancy|survival|education|schooling|experience|employment|residence|duration|interval|"
    r"follow-?up|history|exposure|abstinence|sobriety|remission)\b",
    re.I,
)
_RIGHT_OTHER_QUANTITY = re.compile(
    r"[^\S\n]*\n?[^\S\n]*(?:of\s+)?(?:formal\s+|continuous\s+|total\s+|cumulative\s+)?(?:education|schooling|experience|employment|residence|"
    r"duration|follow-?up|abstinence|sobriety|remission|survival|life\s+expectancy)\b",
    re.I,
)
# a "k of n" list or a sub-study: "At least 3 of the following risk factors:", "Inclusion criteria for research PET
# imaging in children:"; an age in it is one alternative, or one group's
_ALTERNATIVE_HEADER = re.compile(
    r"\b(?:at\s+least\s+(?:[0-9]+|one|two|three|four|five)|(?:one|two|three|[0-9]+)\s+or\s+more|any\s+(?:(?:one|two|[0-9]+)\s+)?of|"
    r"risk\s+factors?|for\s+research|sub-?stud\w*|optional|in\s+children|in\s+adults|pediatric|paediatric|cohorts?|"
    r"(?:part|group|arm|stratum)\s+(?:[0-9]{1,2}|[A-Z])\b|"
    # a list of strata: "At least 4 patients will be enrolled in each of three age strata:" (NCT00002380)
    r"\bstrata\b|\bage\s+(?:groups|bands|categories|brackets)\b)",
    re.I,
)
# an inline list of alternatives the age is one of: "At least one comorbidity among: age = 70 years old, history of cardiac
# disease, diabetes, ..." (NCT04372082, ICTRP XLSX), "one or more risk factors: diabetes, age > 65, obesity": one risk factor
# that qualifies a participant, not a limit on everyone
_INLINE_ALTERNATIVES = re.compile(
    r"(?:\b(?:at\s+least\s+(?:one|two|three|four|[1-9])|(?:one|two|[1-9])\s+or\s+more|any\s+(?:one\s+)?of)\b|\brisk\s+factors?\b|"
    r"\bcomorbidit(?:y|ies)\b)[^:;\n]{0,60}:[^:;\n]{0,120}$",
    re.I,
)
_HEADER_LINE = re.compile(r"(?:^|\n)([^\n]{1,120}):[^\S\n]*\n|(?:^|\n)([^\s*•-][^\n]{0,119})\n(?=[^\S\n]*\n[^\S\n]*[-*•]\s)")
# an item whose subject is the participant: "- must be at least 21"
_MUST_BE_ITEM = re.compile(r"[\s>*•·-]*(?:\(?[0-9]{1,2}[.)]\s*)?(?:must|should|shall)\s+be\s+", re.I)
# an event a time in days / weeks / months is counted from: "No recent myocardial infarction patients (less than 1 month)"
_RECENT_EVENT = re.compile(
    r"\b(?:recent|infarct\w*|stroke|surgery|surgical|operation|procedure|transplant\w*|injur\w*|fractur\w*|episode|event|"
    r"attack|bleed\w*|vaccinat\w*|immuni[sz]\w*|treatment|therapy|chemotherapy|radiotherapy|exposure|infection|delivery|"
    r"partum|discharge|admission|randomi[sz]ation|enrol\w*|diagnosis|symptoms?)\b",
    re.I,
)
_OR_BEFORE_ITEM = re.compile(r"\b(?:OR|or)[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*(?:[-*•]|[0-9]{1,2}[.)])?[^\S\n]*$")
_OR_AFTER_ITEM = re.compile(r"[^\S\n]*(?:\n[^\S\n]*)*(?:[-*•][^\S\n]*)?OR\b")
# alternatives run together in one paragraph by a capital "OR" (the legacy layout: "AML in remission OR CML in chronic phase
# OR ALL in an adult over age 15 without a sibling donor OR severe aplastic anemia"): an age between two "OR"s, or after
# the last / before the first one, in the same sentence, is one alternative's. (A hard line wrap may stand between, never
# a blank line; a sentence stop ends the reach.)
_SPAN_NO_STOP = r"(?:[^.;\n]|\n(?![^\S\n]*\n)){0,240}"
_CAPS_OR_BEFORE = re.compile(rf"(?-i:\bOR)\s{_SPAN_NO_STOP}$")
_CAPS_OR_AFTER = re.compile(rf"{_SPAN_NO_STOP}?\s(?-i:OR)\b")
_PLUS_UNIT = re.compile(r"[^\S\n]*(?:years?|yrs?)\b(\s*(?:of\s+age|old))?", re.I)
# the next branch of an "or" starts right after: ", or ≥ 16 years with consent"
_OR_NEXT = re.compile(rf"^\s*,?\s*or\s+(?:{COMP}\s*)?[0-9]", re.I)
# a statement that names a subgroup rather than everyone: "(first age group)", "for girls", "for the oral contraceptive stratum"
_RIGHT_SUBGROUP = re.compile(
    r"^\s*[,(]?\s*(?:\(\s*)?(?:(?:for|in)\s+(?!(?:both|all|each|every)\b)(?:the\s+)?(?:[A-Za-z-]+\s+){0,4}?(?:girls|boys|women|men|males|females|children|adults|adolescents|infants|"
    # a limit for one named group: "Age >35 yrs. for smokers; >39 yrs. for nonsmokers"
    r"smokers|non-?smokers|volunteers|"
    r"cohorts?|groups?|arms?|parts?|strat(?:um|a)|phases?|controls?)\b|(?:first|second|third|[a-z]+)\s+(?:age\s+)?(?:group|cohort|stratum)\b|"
    # staged enrolment: "patients 13 to 18 years of age are enrolled first, followed by children < 13"
    r"(?:of\s+age\s+|old\s+)?(?:are|will\s+be|is)\s+(?:enrolled|recruited|treated|randomi[sz]ed|dosed)\s+(?:first|initially)\b|"
    # case-control designs: "women aged 40 to 79 were eligible as cases"
    r"[^.;\n]{0,30}\bas\s+(?:cases|controls)\b)",
    re.I,
)
_LEFT_SUBGROUP = re.compile(
    # ("Age group: 18-65 years" labels the trial's own band)
    r"(?:^|[\n;:(]|(?<!\bage)\s)(?:cohorts?|parts?|groups?|arms?|strat(?:um|a)|phases?)\s*(?:[0-9]{1,2}|[A-Z]|[IVX]{1,4})?\s*[:)(]|"
    r"\b(?:healthy\s+)?controls?\b|\bcompared\s+(?:with|to)\b|"
    # a limit for the first or last few enrolled: "First 2 enrolled subjects: age ≥ 18 and ≤ 30 years"
    r"\b(?:first|last|initial)\s+(?:[0-9]{1,3}\s+|[a-z]+\s+)?(?:enrolled\s+|treated\s+|dosed\s+)?(?:subjects|patients|participants)\s*:",
    re.I,
)
# another role than the participant: "DONOR: Age < 75", "Caregivers aged 18 or over"
_ROLE_LABEL = re.compile(
    r"^[\s>*•·◦▪‣-]*(?:\(?(?:[0-9]{1,2}|[a-zA-Z])[.)]\s*)?(?:(?:related|unrelated|living|potential|stem\s+cell|organ|blood|marrow|sibling)\s+)*"
    r"(?:donors?|caregivers?|carers?|parents?|"
    r"partners?|spouses?|siblings?|mothers?|fathers?|family\s+members?|relatives?|guardians?)\b",
    re.I,
)
# a count of people before the age: "including at least 10 each of individuals ... between 3 and 8 years"
_QUOTA = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|no\s+more\s+than|a\s+maximum\s+of|only)\s+(?:[0-9]{1,5}|one|two|three|four|five|six|ten)\s+(?:each\s+)?(?:of\s+)?(?:(?:the|these|healthy|adult|male|female|eligible)\s+)?"
    r"(?:patients?|participants?|subjects?|individuals?|children|child|adults?|volunteers?|people|persons?|women|woman|men|man|infants?|families)\b|\b[0-9]{1,5}\s+each\b|\bfrom\s+each\s+of\b|\bgoal\s+of\s+(?:including|enrolling|recruiting)\b|\bquota\b",
    re.I,
)
# a participant word: prose that names no participant describes something else ("disorders emerge between 2.5 and 12 years")
_PARTICIPANT = re.compile(
    r"\b(?:patients?|participants?|subjects?|volunteers?|people|persons?|individuals?|men|women|males?|females?|adults?|children|"
    r"child|boys?|girls?|infants?|adolescents?|neonates?|newborns?|babies|toddlers?|youths?|teenagers?|students?|veterans?|"
    r"smokers?|survivors?|those|anyone|candidates?|enrollees|you|youngsters?|kids?|seniors?|elderly|pupils?|retirees?|pensioners?|"
    r"octogenarians?|nonagenarians?|outpatients?|inpatients?|residents?|workers?|employees?|users?|drinkers?|athletes?|runners?)\b",
    re.I,
)
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
    r"consent\s+(?:from|of|by)\s+(?:their\s+|his\s+|her\s+|a\s+|the\s+)?(?:parents?|guardians?|legal))|^[^\n;.]{0,40}\bwill\s+be\s+(?:provided|given|offered|sent|asked(?!\s+to\s+(?:participate|take\s+part|join|enrol))|informed)\b",
    re.I,
)
# an age that conditions who signs, inside a consent clause: "written informed consent of their parents / legal
# guardian (if the subject is under 18 years of age)": not a limit of the trial
_CONSENT_CONDITION_LEFT = re.compile(
    r"\b(?:consent|assent|guardians?|parents?)\b[^;.\n]{0,80}(?:\n[^;.\n]{0,80})?"
    r"\b(?:if|when|where|in\s+case|in\s+which\s+case)\s+(?:the\s+|a\s+|an\s+)?(?:[A-Za-z-]+\s+){0,2}(?:is|are)\s+(?:aged?\s+)?$",
    re.I,
)
_CONSENT_TIME = re.compile(r"\b(?:time|date|day|at|when|sign\w*|upon)\b[^\n;]{0,25}(?:assent|consent)", re.I)
_LEAD_PAREN = re.compile(r"^\s*\([^()\n]{0,60}\)")
_PREV_LABEL = re.compile(r"(?:^|\n)[ \t]*([A-Za-z][A-Za-z /&,()-]{1,40}?)[ \t]*:[ \t]*\n[\s>*•·-]*$")
_RIGHT_COLON = re.compile(r"^\s*(?:\)\s*)?:(?!\s*(?:inclusive|both))")
_CONDITIONAL = re.compile(
    r"(?:\bfor\s+(?:[A-Za-z-]+\s+){0,3}(?:patients?|subjects?|participants?|children|adults|women|men|those|"
    r"age|ages|aged|individuals|pts|persons)\b|\bif\b|\bwhen\b|(?<!conducted\s)(?<!performed\s)(?<!carried\sout\s)\bin\s+(?:patients|subjects|those)\b(?=[^\n;]{0,25}$)|"
    r"\bunless\b|\bexcept\b|\bin\s+(?:this|that|such\s+an?)\s+(?:event|case)\b|\botherwise\b|\bkarnofsky|\blansky|\bperformance|\becog\b|\bin\s+(?:the\s+)?case\s+of|"
    r"mg/d[lL]|[µu]mol|mmol|\bULN\b|creatinine|bilirubin|clearance|\bonset\b|diagnos\w*\s+(?:at|before|after|by))[^\n;]{0,60}$",
    re.I,
)
_THIRD_PARTY = re.compile(
    r"\b(?:(?:parents?|mothers?|fathers?|caregivers?|carers?|guardians?|caretakers?|teachers?|siblings?)\s+(?:of|with|to|for)\b|"
    r"household|famil(?:y|ies)\s+(?:with|of)|contacts?\s+with|in\s+contact|living\s+with|lives?\s+with|caring\s+for|cares?\s+for|partners?\s+of|"
    # ("consists of children ages 2 to 17": the participants themselves)
    r"spouses?\s+of|offspring|family\s+members?|relatives?|(?:has|have|with|their|his|her|(?<!consists\s)(?<!consist\s)(?<!composed\s)"
    r"(?<!comprised\s)(?<!made\sup\s)of)\s+(?:a\s+|an\s+|one\s+)?"
    r"(?:child|children|infants?|baby|babies|sons?|daughters?|newborns?|kids?|adolescents?|teens?|teenagers?|youths?)\b)",
    re.I,
)
_DOSING = re.compile(r"\b(?:mg|mcg|µg|ug|doses?|dosing|dosage|dosed|ml)\b|/\s*kg|\bmg/|\bwill\s+receive\b", re.I)
_EPIDEMIOLOGY = re.compile(
    r"%|\bpercent|\bprevalen|\bincidence|\bmortality|\bmorbidity|\bmillion|\bleading\s+cause|\baffects?\b|"
    r"\bcommon(?:ly)?\b|\baccounts?\s+for\b|\bdeaths\b|\boccurs?\b|\brisk\b|\bworldwide|\bestimated|\bstatistic|\brates?\b|\bburden|"
    r"\bmean\s+age|\bmedian\s+age|\baverage\s+age|\bstratif|\bsub-?groups?|(?<![0-9]\s)(?<![0-9])(?<!year\s)(?<!years\s)\bage\s+groups?\b(?![^\S\n]*(?:of[^\S\n]+|:[^\S\n]*)?[0-9])|\bcategor|"
    r"\btertile|\bquartile|\bcompared?\b|\bcomparing\b|\bversus\b|\bvs\.?\s|\bcohort\s+study|\bborn\b|"
    r"\bdiagnosed\s+(?:at|before|after)|\bpreviously\s+(?:shown|reported)|\bstudies\s+(?:have|show)|\breported\b|"
    r"\b(?:were|was|have\s+been|has\s+been)\s+studied\b|\bin\s+(?:a|the|our)\s+(?:previous|prior|earlier|pilot|recent)\s+stud|"
    r"\b(?:previous|prior|earlier|pilot|recently\s+completed|completed|published)\s+(?:pilot\s+)?(?:stud|trial)|\bdemonstrated\b|\bshowed\b|"
    # sample-size and allocation statements count people by age; they do not restrict eligibility
    r"\bnumbers?\s+of\s+(?:patients|participants|subjects|people|persons|individuals)\b|\bsample\s+size|\bproportion\s+of",
    re.I,
)
_CLAIM = re.compile(
    r"\b(?:must|eligib\w*|to\s+participate|to\s+take\s+part|(?:need|needs|have|has)\s+to\s+be|to\s+join\s+(?:this|the)\s+(?:study|trial)|(?:can|may|could)\s+(?:join|participate|take\s+part|enrol\w*|be\s+(?:included|enrolled|considered)|volunteer|register|sign\s+up)|"
    r"inclusion|enrol\w*|recruit\w*|open\s+to|limited\s+to|restricted\s+to|required|should\s+be|"
    r"(?:will|to)\s+(?:include|involve)|(?:participants?|subjects?|volunteers?)\s+(?:are|(?:will|shall)\s+be)\s+(?:aged|adults|children|between|over|under|at\s+least|[0-9]+)|"
    r"looking\s+for|seeking|sought|will\s+be\s+randomi[sz]ed|(?:minimum|maximum|lower|upper)\s+age|age\s+limits?|"
    # the age rule named as a noun whose value follows: "The age criterion is 40-70 years", "Age requirement: ..."
    r"age\s+(?:criteri(?:on|a)|requirements?|restrictions?))\b",
    re.I,
)
# A prose sentence with an age that says who the study takes, in more of the verbs registrants use than _CLAIM (which
# band words share): "Patients aged 40-70 years will be included / invited / randomly assigned", "Teenagers 13 to 17
# years old will participate", "The target population is adults aged 40-70", "The age range of participants is 18-65".
# (Only ages read this way: a band word in such a sentence stays as before.)
_AGE_CLAIM = re.compile(
    r"\b(?:(?:will|shall|would|are\s+to|is\s+to|to)\s+be\s+(?:(?:randomly|consecutively|prospectively|initially)\s+)?"
    # ("studied" / "sampled" describe cohorts and strata: "two age cohorts will be studied (2-12, 13-17)"; "assigned" only to
    # a group: "Each participant will be assigned a study number" says nothing of who takes part)
    r"(?:included|invited|selected|recruited|enrolled|randomi[sz]ed|admitted|accepted|(?:assigned|allocated)\s+(?:randomly\s+)?(?:to|into|in)\b)"
    r"|(?:will|shall|would)\s+be\s+randomly\s+(?:assigned|allocated|divided|distributed)|(?:will|shall|would)\s+(?:participate|take\s+part)"
    r"|(?:study|trial|research)\s+will\s+be\s+(?:conducted|carried\s+out|performed)\s+(?:in|among|on)"
    r"|(?:study|trial|research|programme|program|project)\s+(?:is|will\s+be)\s+(?:(?:only|designed|intended|open|suitable)\s+)?for"
    r"|(?:study|trial|research|programme|program|project)\s+(?:targets|seeks|will\s+(?:target|seek))|(?:can|may|could)\s+apply"
    r"|(?:will|to)\s+range\s+(?:in\s+age\s+)?from|ages?\s+of\s+(?:the\s+)?(?:participants|subjects|patients|volunteers)\s+(?:will|is|are|must)"
    r"|(?:can|could|may|are\s+able\s+to)\s+(?:take\s+part|participate|join)\b[^.;]{0,40}\bif\s+you\s+are"
    r"|(?:will\s+be\s+)?asked\s+to\s+(?:participate|take\s+part|join)"
    r"|who\s+can\s+(?:take\s+part|participate|join)|participants(?=\s*:)|study\s+(?:participants|subjects)(?=\s*:)"
    # ChiCTR / CTRI style: "The subjects of this study are patients aged 18 to 65 years", "Subjects of the study: ..."
    r"|(?:subjects|participants|population)\s+of\s+(?:this|the)\s+(?:study|trial|research)"
    # a counted sample of this study, in the future tense: "will evaluate the vaccine in 60 healthy volunteers aged 18-45"
    r"|will\s+(?:study|evaluate|assess|test|examine|investigate|compare|follow|treat|screen|observe)\b[^.;]{0,80}?\b[0-9]{1,5}\s+"
    r"(?:[A-Za-z-]+\s+){0,2}?(?:patients|participants|subjects|volunteers|adults|children|adolescents|infants|men|women|individuals|people)"
    r"|(?:study|target|trial|research|patient)\s+population\s+(?:is|will\s+(?:be|include|consist|comprise)|consists|comprises|includes)\b|study\s+(?:participants|subjects|sample)\s+(?:will\s+be|are)"
    r"|age\s+range\s+(?:of|for)\s+(?:the\s+)?(?:participants|subjects|patients|volunteers|enrol\w*|inclusion)"
    r"|(?:study|trial)\s+(?:includes|involves|comprises|will\s+comprise|consists\s+of|will\s+consist\s+of)"
    # the active voice of the same verbs: "We will randomise adults (age: 30 to 75)", "The trial plans to invite women aged ..."
    r"|(?:will|shall|plan\s+to|plans\s+to|intend\s+to|intends\s+to|aim\s+to|aims\s+to)\s+(?:randomi[sz]e|randomly\s+(?:assign|allocate)|invite|"
    r"select|admit|screen|allocate)"
    # a label that names who takes part: "Target population: adults in the age group of 26-71 years", "Study population:"
    # (one group: "Study population: healthy adults, adolescents aged 12 to 17 years, and alcoholics" lists several)
    r"|(?:target|study|trial|eligible|source)\s+population(?=\s*:[^,;.\n0-9]*[0-9]))\b",
    re.I,
)
# (non-)childbearing potential is defined by age, sterilisation or menopause: "(age > 60 years or surgically sterile)"
_MENOPAUSE = re.compile(r"menopaus|amenorrh|menses|menstrua|sterile\b|sterili[sz]|hysterectom|oophorectom", re.I)
_MENOPAUSE_DEF = re.compile(
    r"(?:menopaus\w*|amenorrh\w*|child-?\s?bearing\s+potential)[^\n;]{0,30}(?:\(|defin|:|\bi\.\s?e\.)[^\n;]*$", re.I
)
# the same definition run on over hard-wrapped lines, up to the next field label ("Menopausal status: Pre- or\n
# perimenopausal, i.e., meeting at least 1 of the following criteria: ... Premenopausal women no greater than age 50 who were
# started on replacement hormone therapy ... Performance status: ..."; NCT00002542, legacy XML): the ages define a status
_MENOPAUSE_DEF_RUN_ON = re.compile(
    r"(?i:menopaus\w*|amenorrh\w*|child-?\s?bearing\s+potential)[^;\n]{0,30}(?i:\(|defin|:|\bi\.\s?e\.)"
    # (a blank line, a list item's marker or another field label ends it: marked lists are inside_definition's)
    r"(?:(?!\n[^\S\n]*(?:\n|[-*•·]|\(?[0-9]{1,2}[.)])|\b[A-Z][a-z]+(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*:[^\S\n])[^;]){0,400}$"
)
# "age" between a comparator and the number is read only after the person it limits, an item's start or "must be" / "ages"
# ("Patients over age 10", "Children below age 18.", "All subjects must be over age 18", "Ages above age 21"): after an
# event it is the age at that event ("Diagnosis of colorectal cancer under age 41", NCT00004210)
_COMP_AGE_LEFT = re.compile(
    rf"(?:^|\n)[\s>*•·◦-]*(?:\(?(?:[0-9]{{1,2}}|[a-zA-Z])[.)]\s*)?$|\b{_SUBJ}\s*(?:,\s*)?$|"
    r"\b(?:be|are|is|aged?|ages|no|not|and|or)\s+$",
    re.I,
)


def _find_all(low: str, w: str, start: int, end: int):
    i = low.find(w, start, end)
    while i != -1:
        yield i
        i = low.find(w, i + 1, end)


# a sample described in the past tense: "All infants under one year of age with ... were eligible for inclusion"
_PAST_ENROLMENT = re.compile(r"\bwere\s+(?:(?:all|then|also)\s+)?(?:eligible|enrolled|recruited|included|studied|selected|sampled)\b", re.I)

# an item that says its own people are excluded: "Infants under the age of 2 years are excluded"
_RIGHT_EXCLUDED = re.compile(
    r"^[\s,)]*(?:(?:of\s+age|old)\s+)?(?:(?:are|is|will|shall|must|should|would|may|can)\s+(?:also\s+)?"
    r"(?:(?:be\s+)?(?:excluded|ineligible)|not\s+(?:be\s+)?(?:eligible|included|enrolled|allowed|permitted))|cannot\s+(?:be\s+)?"
    r"(?:eligible|included|enrolled))\b",
    re.I,
)

# the end of the line before a stray item marker names a quantity: "Duration of diabetes\n\n 4. more than one year"
_WRAPPED_QUANTITY_BEFORE = re.compile(
    r"\b(?:duration|history|period|interval|length)(?:\s+of\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?)?[^\S\n]*\n[\s\n]*$", re.I
)

# a recruiting phrase, not a condition: "We are looking for volunteers aged between 20 and 45"
_LOOKING_FOR = re.compile(
    r"\b(?:looking|searching|seeking|calling|asking|recruiting|advertising)\s+for\s+(?:[A-Za-z-]+\s+){0,6}?(?:aged?\s+)?$"
    # the same "for" / "if" / "in" naming who the study is for, not a condition: "This study is for people aged 18-65",
    # "You can take part if you are aged 18 to 65", "A phase II trial of drug X in patients aged 18-65 years"
    r"|\b(?:study|trial|research|programme|program|project)\s+(?:is|will\s+be)\s+(?:(?:only|designed|intended|open|suitable)\s+)?"
    r"for\s+[^.;:\n]{0,60}$"
    r"|\b(?:can|could|may|might|are\s+able\s+to|be\s+able\s+to)\s+(?:take\s+part|participate|join|enrol\w*|be\s+included)\b"
    r"(?:\s+(?:in\s+)?(?:this|the)\s+(?:study|trial|research))?\s+if\s+you\s+are\s+(?:aged?\s+|between\s+)?$"
    r"|\b(?:trial|study)\s+(?:of|on|to\s+\w+)\s+[^.;:\n]{1,80}?\s+in\s+(?:patients|subjects)\s+(?:aged?\s+)?$",
    re.I,
)


# a unit-less age right after a person noun and a comparator that compares people by age ("people over 60", "women under
# 50", "adults above 65"); not a measurement ("patients over 60 kg", "subjects below 50 %")
_PERSON_COMPARED = re.compile(
    r"\b(?:people|persons|individuals|adults|men|women|males|females|patients|participants|subjects|volunteers|residents|seniors)"
    r"[^\S\n]+(?:aged[^\S\n]+)?(?:over|above|under|below)[^\S\n]+([0-9]{1,3})(?![0-9]|[.,][0-9]|[^\S\n]*(?:%|percent|[A-Za-z]+/|"
    r"kg|kilo|lbs?\b|pounds|mg|mcg|g\b|cm|mm|m\b|ml|l\b|units?|iu\b|times|x\b|mmhg|bpm|beats|points?|hours?|hrs?|days?|weeks?|"
    r"months?|minutes?|min\b|cigarettes|packs?|drinks|steps|metres|meters|feet|ft\b|inches))",
    re.I,
)
PERSON_COMPARED_LEFT = re.compile(rf"\b{_SUBJ}[^\S\n]+(?:aged[^\S\n]+)?$", re.I)


def word_and_group_candidates(text: str, low: str, start: int, end: int) -> list[int]:
    """Where numbers start that no digit search finds: number words before a unit ("eighteen years", "six to twelve
    years": the range's first word), number words after an age word ("aged six to twelve"), and the first end of a
    bare range after a group of people ("adults 30-65"). ``low`` is ``text[start:end].lower()``."""
    out = []
    for unit in ("year", "month"):
        for i in _find_all(low, unit, 0, len(low)):
            w = _NUMW_RANGE_BEFORE.search(text, max(start, start + i - 60), start + i) or _NUMW_BEFORE.search(
                text, max(start, start + i - 40), start + i
            )
            if w:
                out.append(w.start())
    for word in ("age", "older", "younger"):
        for i in _find_all(low, word, 0, len(low)):
            w = _NUMW_AFTER_AGE.match(text, start + i, end)
            if w:
                out.append(w.start(1) if w.group(1) else w.start(2))
    for b in _GROUP_WORD_RANGE.finditer(text, start, end):
        if 0 < NUMBER_WORDS[_norm_word(b.group(1))] < NUMBER_WORDS[_norm_word(b.group(2))] <= 120:
            out.append(b.start(1))
    for b in _GROUP_BARE_RANGE.finditer(text, start, end):
        if int(b.group(1)) < int(b.group(2)) <= 120:
            out.append(b.start(1))
    for b in _PERSON_COMPARED.finditer(text, start, end):
        out.append(b.start(1))
    for words in ("age range", "age group", "age bracket"):  # "patients in the 40-70 age range": the range before the words
        for i in _find_all(low, words, 0, len(low)):
            r = _RANGE_BEFORE_AGE_WORDS.search(text, max(start, start + i - 26), start + i)
            if r:
                out.append(r.start(1))
    return out


def _norm_word(w: str) -> str:
    return " ".join(w.lower().replace("-", " - ").split()).replace(" - ", "-")


def bare_group_range_at(text: str, lo: int, n1_start: int) -> bool:
    """Does an ascending bare range after a group of people ("Men 40-75 who smoke", "adults eighteen to sixty") start at
    ``n1_start``?"""
    w = _GROUP_WORD_RANGE.search(text, max(lo, n1_start - 40), min(len(text), n1_start + 60))
    while w is not None and w.start(1) < n1_start:
        w = _GROUP_WORD_RANGE.search(text, w.start() + 1, min(len(text), n1_start + 60))
    if w is not None and w.start(1) == n1_start:
        return 0 < NUMBER_WORDS[_norm_word(w.group(1))] < NUMBER_WORDS[_norm_word(w.group(2))] <= 120
    b = _GROUP_BARE_RANGE.search(text, max(lo, n1_start - 40), min(len(text), n1_start + 12))
    while b is not None and b.start(1) < n1_start:
        b = _GROUP_BARE_RANGE.search(text, b.start() + 1, min(len(text), n1_start + 12))
    return b is not None and b.start(1) == n1_start and int(b.group(1)) < int(b.group(2)) <= 120


# a sentence about the participants or this study: a limit written as a noun ("upper age limit of 74 years") elsewhere
# belongs to other programmes or studies ("surveillance programs ... are restricted to an upper age limit of 74 years")
_THIS_STUDY = re.compile(r"\b(?:this|the|our)\s+(?:study|trial|protocol|research)\b|\beligib|\binclusion\b|\benrol|\brecruit", re.I)


def limit_noun_of_others(pre_text: str, mode: str, sentence: str) -> bool:
    """Is a prose "minimum / maximum age (limit)" in a sentence that names neither a participant nor this study?
    (Comparators that only compare ages, "no older than 70", keep their anchor.)"""
    if mode != "prose" or not re.search(r"\bage\b", pre_text, re.I):
        return False
    if re.search(r"\blimit\s+(?:is|will\s+be)\s*$", pre_text, re.I):
        return False  # "The lower age limit is 30 years": the copula defines this study's limit ("restricted to a limit of" does not)
    return not (_PARTICIPANT.search(sentence) or _THIS_STUDY.search(sentence))
