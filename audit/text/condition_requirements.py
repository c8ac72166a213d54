"""What an inclusion item states about conditions when it is no requirement to have one.

An item that asks for conduct - agreeing, being willing, refraining from a treatment - names
conditions as the context of that conduct ("Agree not to use other treatment for benign prostatic
hyperplasia, erectile dysfunction or overactive bladder (including herbal treatments)"): it is
neither a list of the eligible diseases nor a requirement to have one.

Also here: the words that make an item a requirement to have a condition (``requires``, ``requires_joined``,
``REQUIRE_AFTER``), read by ``condition_analysis``.
"""

from __future__ import annotations

import re

#: an item about the participant's conduct, not a disease (agreement, willingness, abstention)
CONDUCT_ITEM = re.compile(
    r"\b(?:agree\w*|willing\w*|consent\w*|refrain\w*|abstain\w*|(?:not|no)\s+(?:to\s+)?(?:use|take|start|receive)\b)",
    re.IGNORECASE,
)


#: only these words may stand before a condition for the item to *require* that condition
#: ("Histologically confirmed, metastatic NSCLC", "Patients with a diagnosis of SLE")
_HEAD_WORD = (
    r"a|an|the|any|known|current|currently|documented|confirmed|established|definite|definitive|probable|"
    r"clinical|clinically|histolog\w*|cytolog\w*|patholog\w*|radiolog\w*|biopsy|proven|verified|or|and|"
    r"diagnos\w*|with|of|by|newly|untreated|active|chronic|acute|stable|mild|moderate|severe|advanced|"
    r"metastatic|locally|recurrent|relapsed|refractory|unresectable|resectable|inoperable|early|stage|grade|"
    r"primary|patients?|subjects?|participants?|individuals?|people|persons?|adults?|men|women|children|"
    r"adolescents?|males?|females?|who|have|has|are|is|must|should|be|meet\w*|fulfil\w*|criteria|for|"
    r"according|to|evidence|presence|suffering|from|having|history|[0-9]+|[ivx]+[abc]?|[abc]|i{1,3}v?[abc]?"
)
#: adverbs of severity state the disease too ("Moderately to severely active Crohn's disease")
_HEAD_WORD += r"|moderately|severely|mildly"
#: who, of which age and sex ("Male or female outpatients aged 40-80 years with ...", "Women older than 50 years with ...")
_HEAD_WORD += (
    r"|aged?|years?|old|older|younger|above|over|under|between|than|outpatients?|inpatients?|ambulatory|boys|girls|infants|elderly"
)
#: "histopathologically verified", and TNM categories before the organ ("cT3-4 N0-2 M0 rectal adenocarcinoma")
_HEAD_WORD += r"|histopatholog\w*|[cpy]?t[0-4x][a-d]?|[cpy]?n[0-3x][a-c]?|[cpy]?m[01x][a-c]?"
_HEAD = re.compile(r"^(?:(?:" + _HEAD_WORD + r")\b|[\s,/()\-:–≥≤<>=+])*$", re.IGNORECASE)
#: up to four modifier words right before the name ("wet", "non-infectious", "HER2-negative",
#: "moderate-to-severe plaque") - descriptors of the disease, not of a context around it
_MODIFIERS = re.compile(r"(?:[^\W\d_][\w'’]*(?:[\-\u2010/][\w'’]+)*[\s,]+){1,4}$")
#: "risk" unless it is a compound with its level before it: a risk group describes the disease ("Low-risk papillary
#: thyroid cancer", "intermediate risk"); "risk" alone is a context ("at risk of", "risk factors for")
_RISK = r"(?<!low[-\u2010\s])(?<!lower[-\u2010\s])(?<!high[-\u2010\s])(?<!higher[-\u2010\s])(?<!intermediate[-\u2010\s])(?<!standard[-\u2010\s])risk|risk(?=\s+(?:for|of|to|from|factors?)\b)"
#: words that put the name in a context (a treatment, an event, a cause) instead of requiring it
_CONTEXT_WORD = re.compile(
    r"\b(?:treat\w*|receiv\w*|undergo\w*|scheduled|planned|candidates?|referred|admitted|hospitali[sz]\w*|surgery|"
    r"after|following|post|due|caused|secondary\s+to|induced|related|associated|than|at|on|in|during|because|from|a|an|" + _RISK + r"|"
    r"the|for|by|to|results?|tests?|testing|assess\w*|evaluat\w*|exam\w*|measur\w*|levels?)\b",
    re.IGNORECASE,
)


#: an age (or who) requirement and then "or": the disease is an alternative to it ("Patients must be > or = 65 years
#: of age or diagnosed with renal insufficiency"), not everyone's ("18 years or older with ..." is one requirement)
_AGE_OR = re.compile(r"\b(?:years?|age|aged|old)\b.*\bor\s+(?!older|younger|above|over|more|less|greater|equal)", re.IGNORECASE)


#: a subtype written before the name ("Type 3 Gaucher disease", "Type II odontoid fracture")
#: (one subtype: "Type 1 or Type 2 diabetes" names the disease's kinds as alternatives, read as before)
_TYPE_BEFORE = re.compile(r"^\s*types?\s+(?:[0-9]+[a-d]?|[ivx]+[a-d]?|[a-d])\b(?![\s,]*(?:or|and)\b)[\s,]*", re.IGNORECASE)


def requires(before: str) -> bool:
    """The words before a condition's name in its clause make the clause a requirement to have it."""
    if _AGE_OR.search(before):
        return False
    # "At least one ...", "An episode of ...", one subtype ("Type 3 ...")
    count = COUNT_CUE.match(before) or _EPISODE.match(before) or _TYPE_BEFORE.match(before)
    if count:
        before = before[count.end() :]
    if _HEAD.match(before):
        return True
    m = _MODIFIERS.search(before)
    return m is not None and bool(_HEAD.match(before[: m.start()])) and not _CONTEXT_WORD.search(m.group(0))


#: the last requirement joined by ", and" / "; plus" in a clause ("Signed informed consent, and a documented diagnosis of")
_JOINED = re.compile(r"[,;]\s*(?:and|plus)\s+(?=[^,;]*$)", re.IGNORECASE)


def requires_joined(before: str) -> bool:
    """``_requires``, or the words after the last ", and" do: one more requirement appended to others of another kind
    ("Adults aged 18 years or older, and diagnosed with ...")."""
    if requires(before):
        return True
    j = _JOINED.search(before)
    return j is not None and requires(before[j.end() :])


def covers_name(longer, shorter) -> bool:
    """An ICD-10-CM name holds a shorter vocabulary name: "delta-beta thalassemia" holds "beta thalassemia",
    "malignant neoplasm of vulva" the umbrella "malignant neoplasm". The longer, more specific name is the one
    required (the shorter one alone would be read with "delta-" as a stray word before it, or as an umbrella)."""
    return longer.start <= shorter.start and shorter.end <= longer.end and longer.end - longer.start > shorter.end - shorter.start


#: what follows a name that opens an item and makes the item a requirement to have it: how the diagnosis is made
#: or staged ("according to the Rome IV criteria", "as defined by", "confirmed by biopsy", "(stage II-III)",
#: "requiring treatment")
#: another name of the disease after a slash ("Chronic prostatitis/chronic pelvic pain syndrome", "Adhesive capsulitis /
#: frozen shoulder"): how the item goes on is read after it
_SLASH_SYNONYM = r"(?:\s*/\s*[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,4}?)?"
REQUIRE_AFTER = re.compile(
    _SLASH_SYNONYM +
    # (after the site it is of: "Deep vein thrombosis of the lower limb confirmed by ultrasound", "... of the left knee")
    r"(?:\s+(?:of|in|involving)\s+(?:the\s+)?(?:(?:left|right|both|one|lower|upper)\s+)?[^\W\d_]+(?:\s+[^\W\d_]+)?(?=\s*[,(]?\s*"
    r"(?:according|as\s|defined|per\b|diagnosed|confirmed|proven|documented|verified|established|meeting|fulfil|satisfying|"
    r"requiring|in\s+need|stage|grade|class)))?"
    r"\s*[,(\[\-\u2013]?\s*(?:according\s+to|as\s+defined|defined\s+(?:by|as|according|per)|(?:as\s+)?per\b|diagnosed|confirmed|"
    r"proven|documented|verified|established|meeting|fulfil\w*|satisfying|that\s+meets?|requiring|in\s+need\s+of|"
    r"(?:stage|grade|class)\b)",
    re.IGNORECASE,
)

#: what else follows a name that opens an inclusion item and says which cases of it are required - a feature, a
#: duration, an imaging or laboratory definition, a grade, a site ("Vitamin D deficiency, serum 25(OH)D below 20
#: ng/mL", "Chronic insomnia disorder with an Insomnia Severity Index >= 15", "Internal haemorrhoids grade II-III",
#: "Lumbar disc herniation on MRI", "Adhesive capsulitis ... for at least 3 months"): an inclusion item that is a
#: disease's name and how it presents is a requirement to have it. (A bare name alone stays too weak: a complication
#: listed as an item, "Osteonecrosis of multiple bones." in a sickle-cell trial.) (The names "index", "score", "test" ...
#: stand after are attributes, read by ``condition_wording._AFTER_SKIP`` first.)
QUALIFIED_AFTER = re.compile(
    # not when the tail puts the disease in a relative ("... in a first-degree relative", "... seen in a parent"):
    # a family history, not the participant's disease
    r"(?![^\n;]{0,100}?\b(?:relatives?|parents?|siblings?|mother|father|brothers?|sisters?|family\s+members?|twins?)\b)"
    # (after the site it is of: "Secondary lymphoedema of the arm for at least 6 months")
    r"(?:\s+(?:disorder|disease|syndrome))?"
    + _SLASH_SYNONYM
    + r"(?:\s+(?:of|in|involving|affecting)\s+(?:the\s+)?(?:(?:left|right|both|one|lower|upper)\s+)?"
    r"[^\W\d_]+(?:\s+[^\W\d_]+)?(?=\s*[,(]|\s+(?:with|without|within|for|on|at|lasting|persisting|despite|refractory|resistant|"
    r"grade|class|type|stage|listed|awaiting|scheduled|needing)\b))?"
    r"\s*(?:\(|,\s*(?:[^\W\d_][\w()/-]*\s+){0,4}(?:[<>≤≥=]|below|above|under|over|less|more|greater|at\s+least|[0-9])|"
    r"(?:with|without|within|for|on|in|at|between|born|involving|affecting|causing|grade|grades|class|type|stage|classified|lasting|persisting|"
    r"despite|refractory|resistant)\b|"
    # the site it is of (optional), then after a comma a staging or grading of it, the system's name before it and the
    # stage maybe without a digit ("Pressure ulcer, NPUAP stage III", "..., of the femoral head, ARCO stage II")
    r"(?:\s+(?:of|in|involving)\s+(?:the\s+)?(?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)?\s*,\s*(?:[^\W\d_][\w'’/-]*\s+){0,3}"
    r"(?:stage|grade|class|category|type|classification|score|criteria|genotype)\b|"
    # a size, volume or duration of it ("Ventral hernia of more than 3 cm", "... of 500 mL or more", "... of 6 weeks' duration")
    r"of\s+(?:more|less|at\s+least|over|under|up\s+to|greater|longer|about|approximately|[<>≤≥]|[0-9])|"
    # the procedure it is listed for, or what it needs ("Umbilical hernia listed for repair", "... awaiting surgery")
    r"(?:listed|awaiting|scheduled|planned|booked|referred|needing|undergoing|due\s+to)\b|"
    # how it is found: a participle of finding or showing, then the means or occasion ("... seen at endoscopy",
    # "... suspected on MRI", "... detected by ultrasound", "... as shown on CT", "... evident during surgery")
    r"(?:as\s+)?(?:seen|suspected|detected|shown|visible|visuali[sz]ed|noted|identified|demonstrated|evident|observed|found|"
    r"revealed|apparent|imaged|assessed)\s+(?:at|on|by|during|with|via|using|through|upon)\b|"
    # the event it follows, which says which cases of it ("Chronic pouchitis after ileal pouch-anal anastomosis",
    # "... following radiotherapy"): the name opens the item, so the event is its circumstance, not its context
    r"(?:after|following)\s+(?=[^\W\d_]|[0-9])"
    r")",
    re.IGNORECASE,
)


#: a laboratory or measured definition followed by the name of the disease it defines, in brackets ("Fasting
#: triglycerides >= 500 mg/dL (severe hypertriglyceridaemia)", "Serum potassium > 5.5 mmol/L (hyperkalaemia)"): the
#: words before the name, in its clause; the bracket holds the name only (``lab_label``: not "(Chronic Kidney Disease -
#: Epidemiology Collaboration method)", a method named after the disease)
LAB_LABEL = re.compile(
    r"^[^()]{0,80}?(?:[<>≤≥=]|\b(?:above|below|over|under|greater|less|more)\b)[^()]{0,40}?[0-9][^()]{0,60}\(\s*"
    r"(?:(?:mild|moderate|severe|marked|significant|isolated|primary)\s+){0,2}$",
    re.IGNORECASE,
)
#: a count of lesions before the name ("At least one carious lesion", "One or more renal calculi")
COUNT_CUE = re.compile(r"^\s*(?:at\s+least\s+(?:one|two|[0-9]+)|one\s+or\s+more|two\s+or\s+more|[≥>]\s*[0-9]+)\b", re.IGNORECASE)


#: words that may not stand between an item's start and an ICD-10-CM name it opens with: a preposition or a context
#: ("Positive microbiological finding of Pseudomonas", "History of ...", "Family history of ..."), a negation
_NOT_DESCRIBING = re.compile(
    r"\b(?:of|with|for|in|on|at|by|to|from|and|or|no|not|without|history|findings?|positive|negative|tests?|"
    r"results?|risk|family|signs?|evidence|suspected|suspicion|prior|previous|past|treated|treatment|after|before)\b",
    re.IGNORECASE,
)
_FEW_WORDS = re.compile(r"^\s*(?:[^\W\d_][\w'’\-]*\s+){1,3}$")


#: an episode of the disease ("First episode of acute pancreatitis", "A new-onset attack of gout", "Recurrent bouts of")
_EPISODE = re.compile(
    r"^\s*(?:(?:a|an|the|first|second|new|new-onset|single|one|recurrent|repeated|index|acute)\s+)*"
    r"(?:episodes?|attacks?|bouts?|flares?|occurrences?)\s+of\s+",
    re.IGNORECASE,
)


#: two or three describing words joined by "or" / "and/or" before the name ("Anisometropic or strabismic", "Acute or
#: chronic", "Unilateral, bilateral or recurrent"): the kinds of the one disease named after them
_OR_DESCRIBERS = re.compile(r"^\s*(?:[^\W\d_][\w'’\-]*\s*(?:,|\bor\b|\band/or\b)\s*){1,2}(?=[^\W\d_]|$)", re.IGNORECASE)


def describes(before: str) -> bool:
    """The words before an ICD-10-CM name that opens an item describe the disease ("Symptomatic internal", "Toenail",
    "Uncomplicated", "Proximal", "Chronic non-specific"), after an episode of it ("First episode of acute"): one to
    three words, none a preposition, a context or a negation (a negating "non-" right before the name is read by
    ``condition_wording._NEG``)."""
    episode = _EPISODE.match(before)
    if episode:
        before = before[episode.end() :]
        if not before.strip():
            return True
    subtype = _TYPE_BEFORE.match(before)
    if subtype:
        before = before[subtype.end() :]
        if not before.strip():
            return True
    joined = _OR_DESCRIBERS.match(before)
    if joined:
        head = re.sub(r"\b(?:or|and/or)\b|,", " ", joined.group(0))
        rest = before[joined.end() :]
        return bool(_FEW_WORDS.match(head)) and not _NOT_DESCRIBING.search(head) and (not rest.strip() or describes(rest))
    return bool(_FEW_WORDS.match(before)) and not _NOT_DESCRIBING.search(before)


#: an item that opens with a lay or older name and gives the recognised one in brackets ("Frozen shoulder (adhesive
#: capsulitis) ...", "Piles (haemorrhoids) grade II"): the words before the bracket, and describing words inside it
_LAY_NAME = re.compile(r"^\s*(?:[^\W\d_][\w'’\-]*\s+){0,3}[^\W\d_][\w'’\-]*\s*\(\s*(?P<inner>(?:[^\W\d_][\w'’\-]*\s+){0,2})$")


def lay_name(text: str, before: str, name_end: int, clause_end: int) -> bool:
    """The name is the recognised synonym, in brackets, of the lay name the item opens with, and after the bracket
    the item says which cases of it are required (a stage, a duration, how it was confirmed)."""
    m = _LAY_NAME.match(before)
    if m is None or _NOT_DESCRIBING.search(before[: m.start("inner")]) or _NOT_DESCRIBING.search(m["inner"]):
        return False
    close = re.match(r"\s*\)", text[name_end:clause_end])
    if close is None:
        return False
    at = name_end + close.end()
    return bool(REQUIRE_AFTER.match(text, at, clause_end) or QUALIFIED_AFTER.match(text, at, clause_end))


def lab_label(text: str, before: str, name_end: int, clause_end: int) -> bool:
    """The name labels a laboratory definition before it, alone in its brackets ("... >= 500 mg/dL (severe
    hypertriglyceridaemia)")."""
    return bool(LAB_LABEL.search(before)) and re.match(r"\s*\)", text[name_end:clause_end]) is not None
