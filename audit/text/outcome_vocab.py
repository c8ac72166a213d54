"""The words of outcome-measure titles that TA805 reads: named instruments, acronyms, common
measures in plain words, examination methods, method leads and the names of one instrument.

Split from outcome_measures.py (which decides whether a title holds several measures) so that
both it and outcome_phrases.py read titles with one vocabulary. All patterns are linear (bounded
gaps) and ASCII-digit only.
"""

from __future__ import annotations

import re

# --- instruments, acronyms and measures in plain words --------------------------------------------
#: a named instrument: capitalised words ending in Scale / Questionnaire / Inventory / ... ("Beck Depression Inventory")
_INSTRUMENT = re.compile(
    r"\b(?:[A-Z][A-Za-z'-]*\s+){1,5}(?:Scale|Questionnaire|Inventory|Index|Test|Survey|Checklist|Assessment|Score)\b(?:\s*\([A-Za-z0-9 -]{2,15}\))?"
)
#: an acronym of an instrument or a lab value: 2-8 capitals (digits and a hyphen allowed) ("PANSS", "HAM-D", "HbA1c")
_ACRONYM = re.compile(r"\b(?=[A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*[A-Z])(?:[A-Za-z]|[0-9](?=[A-Z]))[A-Za-z0-9]{1,7}(?:-[A-Za-z0-9]{1,4})?\b")


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Both ends lie inside one pair of brackets."""
    opened = text.rfind("(", 0, start)
    return opened >= 0 and text.find(")", opened) >= end and ")" not in text[opened:start]


def _abbreviates(short: str, long: str) -> bool:
    """ "CPSS" abbreviates "Cohen Perceived Stress Scale" (its capitals are the words' initials)."""
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][A-Za-z'-]*", long)).upper()
    letters = "".join(c for c in short if c.isalpha()).upper()
    return len(letters) >= 2 and len(initials) >= 2 and (letters == initials or letters in initials)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


_GENERIC_ACRONYMS = frozenset({"IV", "II", "III", "US", "USA", "UK", "EU", "NA", "ID", "PK", "PD", "OK", "TM", "AM", "PM"})


def _instrument_spans(title: str) -> list[tuple[int, int]]:
    """Named instruments, acronyms and common measures in plain words ("blood pressure"), in order,
    an acronym in brackets right after its instrument merged into it."""
    spans: list[tuple[int, int]] = [m.span() for m in _INSTRUMENT.finditer(title)]
    for rx in (_ACRONYM, _MEASURE_TERM):
        for m in rx.finditer(title):
            if m.group(0).upper() in _GENERIC_ACRONYMS:
                continue
            if not any(a <= m.start() < b or a < m.end() <= b for a, b in spans):
                spans.append(m.span())
    spans.sort()
    return spans


#: measures registrants name in plain words, each one measure with its own unit: vital signs,
#: anthropometry, common laboratory values, symptoms scored on their own, mortality and stay.
#: Two of them joined by "and" / "," / "/" ... are two measures ("blood pressure and heart rate").
#: Deliberately not here: words that pair into one named thing ("signs and symptoms", "nausea and
#: vomiting", "activities of daily living") and domains (TA802's "safety and tolerability").
_MEASURE_TERM = re.compile(
    # laboratory and physiological values in plain words, each with its own unit (word-bounded)
    r"(?<![A-Za-z-])(?:proteinuria|albuminuria|ha?ematuria|urine\s+output|creatinine\s+clearance|c-reactive\s+protein|"
    r"procalcitonin|d-dimer|troponin|fibrinogen|lymphocyte\s+counts?|ejection\s+fraction|cardiac\s+output|"
    r"peak\s+expiratory\s+flow|visual\s+acuity|intraocular\s+pressure)(?![A-Za-z])|"
    r"(?<![A-Za-z-])(?:(?:systolic|diastolic|mean\s+arterial|arterial)\s+)?blood\s+pressure|"
    r"(?:resting\s+)?heart\s+rate|respiratory\s+rate|pulse\s+rate|oxygen\s+saturation|body\s+temperature|"
    r"(?:body\s+)?weight|height|waist\s+circumference|hip\s+circumference|body\s+fat|lean\s+mass|body\s+mass\s+index|"
    r"(?:(?:fasting|blood|plasma|serum)\s+)?(?:(?:plasma|serum)\s+)?(?:glucose|insulin|cholesterol|triglycerides?|creatinine|"
    r"albumin|ferritin|potassium|sodium|calcium|magnesium|phosphate|urea|bilirubin|lactate|uric\s+acid|urate|cortisol|"
    r"testosterone|o?estradiol|progesterone|prolactin|leptin|adiponectin|homocysteine|transferrin|hepcidin|folate|"
    r"vitamin\s+[A-EK][0-9]?|parathyroid\s+hormone|creatine\s+kinase|alkaline\s+phosphatase|aminotransferases?|amylase|lipase)|"
    # physical function and sleep, each with its own unit
    r"(?:gait|walking)\s+speed|step\s+counts?|sleep\s+(?:duration|efficiency|latency|onset\s+latency)|daytime\s+sleepiness|"
    r"(?:muscle|fat)\s+mass|(?:peak\s+)?oxygen\s+uptake|forced\s+vital\s+capacity|tidal\s+volume|"
    r"ha?emoglobin|ha?ematocrit|platelet\s+counts?|white\s+(?:blood\s+)?cell\s+counts?|neutrophil\s+counts?|"
    r"viral\s+load|bone\s+mineral\s+density|grip\s+strength|muscle\s+strength|range\s+of\s+motion|walking\s+distance|"
    r"pain(?:\s+intensity)?|fatigue|anxiety|depression|insomnia|sleep\s+quality|mortality|morbidity|"
    r"length\s+of\s+(?:hospital\s+)?stay|hospital\s+stay|blood\s+loss|operative\s+time|"
    r"(?:overall|progression[- ]free|disease[- ]free|event[- ]free)\s+survival(?![A-Za-z-])",
    re.I,
)
#: imaging, physiological, tissue and questionnaire methods: a list of them ("CT and MRI of hip", "X-ray,
#: CT and MRI", "ultrasound and biopsy") names how one thing is examined, not what is measured; a title
#: of methods only is at most one measure (a domain-only title is TA802's business)
_MODALITY = re.compile(
    r"(?:(?:HR|CB|MD|LD|PET[-/ ]?|SPECT[-/ ]?|contrast[- ]enhanced\s+)?CT|CTA|(?:f|MR|cardiac\s+|contrast[- ]enhanced\s+)?MRI|MR|MRA|MRCP|"
    r"PET(?:[-/ ]?(?:CT|MRI?))?|SPECT(?:[-/ ]?CT)?|DXA|DEXA|OCTA?|CXR|EEG|ECG|EKG|EMG|ERCP|EUS|IVUS|"
    r"(?:chest\s+)?X[- ]?rays?|radiographs?|radiography|(?:doppler\s+)?ultrasound|ultrasonography|sonography|echocardiography|"
    r"endoscopy|colonoscopy|gastroscopy|bronchoscopy|arthroscopy|biops(?:y|ies)|histology|histopathology|cytology|"
    r"scintigraphy|angiography|mammography|questionnaires?|interviews?)",
    re.I,
)
#: a method named after a list of what it measures: "measured using", "assessed by", "via", "according
#: to". What follows (up to the end of the clause) are assays, instruments or scales of one measure.
_METHOD_LEAD = re.compile(
    r"(?<![A-Za-z])(?:(?:measured|assessed|evaluated|determined|quantified|detected|analy[sz]ed|examined|estimated|"
    r"rated|graded|scored|recorded|monitored|performed|calculated|tested|confirmed|diagnosed)\s+(?:using|by|with|via|through|on|in)|"
    r"using|via|by\s+means\s+of|according\s+to|with\s+the\s+help\s+of|as\s+measured\s+by)(?![A-Za-z])",
    re.I,
)
_CLAUSE_END = re.compile(r"[;:.]\s|[()]")


def _after_method_lead(title: str, start: int) -> bool:
    """A method lead ("measured using", "assessed by", "via", "according to") comes before ``start``
    in the same clause: what follows it are assays, instruments or scales of one measure."""
    lo = max(0, start - 120)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(title, lo, start) if not _abbreviation_bracket(title, m)), default=lo)
    return bool(_METHOD_LEAD.search(title, clause_start, start))


_SHORT_BRACKET = re.compile(r"\([^()]{1,15}\)")


def _abbreviation_bracket(title: str, m: re.Match[str]) -> bool:
    """A bracket of a short abbreviation ("Total Neuropathy Score(TNS)") does not end the clause:
    "using Total Neuropathy Score(TNS) and nerve conduction study" is still the method's list (NCT06491082)."""
    if m.group(0) == "(":
        return bool(_SHORT_BRACKET.match(title, m.start()))
    if m.group(0) == ")":
        opening = title.rfind("(", max(0, m.start() - 16), m.start())
        return opening >= 0 and bool(_SHORT_BRACKET.match(title, opening))
    return False


#: a name or measure the two parts belong to: "LDL/HDL ratio", "anxiety and depression scale",
#: "pain and function subscale"
#: "Depression, Anxiety and Stress Scale": a list that ends in a scale word is the scale's name;
#: "calcium and vitamin D metabolism": a list that ends in a system's name is that system
_ONE_NAME_AFTER = re.compile(
    r"(?:\s*(?:,|and|&)\s*[A-Za-z-]{2,20}){0,3}\s*(?:ratios?|quotient|scales?|subscales?|questionnaires?|inventory|index|"
    # one physiological system both belong to: "calcium and vitamin D metabolism" (NCT00491920)
    r"metabolism|homeostasis|axis|pathways?)\b",
    re.I,
)


# --- parts of one composite or of one named instrument ------------------------------------------

#: the title calls what it lists one composite measure ("represent a composite primary outcome",
#: "composite score of pain, fatigue and sleep"; "composite of" before the list is _ONE_NAME_BEFORE's)
_COMPOSITE = re.compile(r"\bcomposite\b|\baggregated?\s+(?:score|index|outcome|end[- ]?point)\b", re.I)
#: patient-reported domains that one questionnaire scores as its subscales (anxiety and depression on
#: the HADS, pain and fatigue on a symptom inventory); vital signs and laboratory values are never one
#: questionnaire's subscales, so "blood pressure and heart rate" stay two measures whatever follows
_PRO_DOMAIN = re.compile(r"pain(?:\s+intensity)?|fatigue|anxiety|depression|insomnia|sleep\s+quality", re.I)
#: a named questionnaire with its scale word in any case ("Hospital Anxiety and Depression scale",
#: "Brief Fatigue Inventory (BFI)"): capitalised words, joined by short lower-case words
_NAMED_SCALE = re.compile(
    r"\b[A-Z][A-Za-z'-]*(?:\s+(?:(?:and|of|for|in|the|&)\s+)?[A-Z0-9][A-Za-z0-9'-]*){0,5}\s+"
    r"(?:[Ss]cale|[Qq]uestionnaire|[Ii]nventory|[Ii]ndex|[Ss]urvey|[Cc]hecklist|[Ii]nstrument|[Ss]ubscales?)\b(?:\s*\([A-Za-z0-9 -]{2,15}\))?"
)
#: how the title leads to the instrument: "as measured by the", "scores on the", "(HADS)"
_TO_INSTRUMENT = re.compile(r"(?<![A-Za-z])(?:by|with|using|via|on|of|according\s+to)(?![A-Za-z])|\(", re.I)
_SENTENCE_STOP = re.compile(r"[;.](?:\s|$)|\n|(?:^|\s)\(?(?:[0-9]|ii?|b)[).]\s")


def _one_composite_or_instrument(title: str, a0: int, a1: int, b0: int, b1: int) -> bool:
    """The two parts are one measure: the sentence that lists them calls it a composite ("anxiety
    and depression represent a composite primary outcome"), or they are patient-reported domains
    followed by one named instrument that scores both ("anxiety and depression, as measured by the
    Hospital Anxiety and Depression scale", "depression and anxiety scores on the DASS-21"). Two
    instruments after them ("... assessed with the GAD-7 and PHQ-9") are two measures."""
    begin = max((m.end() for m in _SENTENCE_STOP.finditer(title, 0, a0)), default=0)
    stop = _SENTENCE_STOP.search(title, b1)
    end = stop.start() if stop else len(title)
    if _COMPOSITE.search(title, begin, end):
        return True
    if not (_PRO_DOMAIN.fullmatch(title[a0:a1]) and _PRO_DOMAIN.fullmatch(title[b0:b1])):
        return False
    tail = title[b1:end]
    found = _instruments(tail)
    if len(found) != 1:
        return False
    return bool(_TO_INSTRUMENT.search(tail, 0, found[0][0]))


def _instruments(tail: str) -> list[tuple[int, int]]:
    """The distinct named instruments and acronyms of a text (an acronym of a named one counts once)."""
    named = [m.span() for m in _NAMED_SCALE.finditer(tail)] + [m.span() for m in _INSTRUMENT.finditer(tail)]
    found: list[tuple[int, int]] = []
    for x0, x1 in sorted(named):
        if not any(y0 <= x0 < y1 for y0, y1 in found):
            found.append((x0, x1))
    for m in _ACRONYM.finditer(tail):
        inside = any(y0 <= m.start() < y1 for y0, y1 in found)
        names_one = any(_abbreviates(m.group(0), tail[y0:y1]) for y0, y1 in found)
        if not inside and not names_one and m.group(0).upper() not in _GENERIC_ACRONYMS:
            found.append(m.span())
    return found
