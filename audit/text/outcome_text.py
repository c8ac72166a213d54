"""Reading outcome-measure titles and time frames: what they name, and when.

Registry reviewers ask three things of an outcome measure (PRS review criteria, "Outcome
Measures"): that the title names a specific measure (not a domain such as "Safety"), that the
time frame names time points a reader can check, and that one entry holds one measure. The
functions here answer those questions for any registry's text; the rules (TA8xx) decide what
to report. All patterns are linear (no nested quantifiers) and ASCII-digit only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- domain-only titles ---------------------------------------------------------------------

#: what a title names when it names a domain, not a measure
_DOMAIN = (
    r"(?:(?:clinical|therapeutic|treatment|overall|drug|general|short[- ]term|long[- ]term|preliminary|primary|secondary|global|principal|"
    # whose or which outcomes, still no measure: "Curative effect", "Patient outcomes", "Surgical outcomes"
    r"curative|intervention|main|key|symptomatic|patients?|patients'|patient[- ]reported|surgical|functional|health|maternal|neonatal|perinatal|obstetric|"
    r"oncologic(?:al)?|cosmetic|aesthetic|visual|post-?operative|peri-?operative|procedural|technical|"
    # whose response or effect, still no measure: "Immune response", "Humoral response", "Beneficial effects" (not "vaccine":
    # vaccine efficacy and effectiveness are defined quantities, a reduction in incidence)
    r"immune|immunological|humoral|cellular|psychological|emotional|mental|physical|social|subjective|beneficial|positive|negative|desired|potential|possible|symptoms?|"
    # what is judged, said without a measure: "Program feasibility", "Device usability", "App acceptability"
    r"program(?:me)?|study|trial|service|device|app|system|tool|implementation)\s+){0,2}"
    r"(?:safety(?:\s+profile)?|efficacy|effectiveness|efficiency|tolerability|tolerance|response|benefits?|outcomes?|"
    r"feasibility|acceptability|immunogenicity|pharmacokinetics?|pharmacodynamics?|toxicity|toxicities|"
    r"adverse\s+(?:events?|effects?|reactions?)|side[- ]effects?|complications?|quality\s+of\s+life|effects?|"
    r"performance|success|"
    # how well an intervention can be used, taken up or carried out, said without a measure ("Usability", "Practicability")
    r"usability|utility|practicability|practicality|applicability|suitability|appropriateness|acceptance|impact|influence|"
    # the balance of two domains, said without a measure: "Benefit-risk profile", "risk/benefit balance"
    r"(?:benefit|risk)\s?[-–/]\s?(?:benefit|risk)(?:\s+(?:balance|ratio))?|"
    # a change said of nothing measured: "Clinical improvement", "Symptomatic amelioration" (a named object after it,
    # "Improvement in pain", makes it a measure: see _CHANGE_NOUN)
    r"improvement|amelioration|"
    # said of nothing measured, these stand alone only (see _CHANGE_NOUN): "Results", "Health status", "Well-being", "Harms"
    r"results?|(?:clinical|health|functional|disease|general|nutritional|cognitive|psychological|mental\s+health)\s+status|"
    r"well-?being|harms?|risks|symptom(?:atic)?\s+(?:relief|control)|"
    r"(?:clinical|therapeutic|treatment)\s+evaluation|adverse\s+drug\s+(?:reactions?|events?)|"
    r"(?:clinical|therapeutic|diagnostic|prognostic)\s+(?:value|usefulness)|(?:patient|user|participant)s?['’]?\s+experiences?|"
    # any organ's, system's or speciality's outcome or effect, said without a measure ("Neurological outcome", "Renal
    # outcomes", "Haemodynamic effects", "Analgesic efficacy"); not its "response", which oncology defines per kind
    # ("Cytogenetic response", "Virological response")
    r"(?!(?:survival|withdrawal|removal|arrival|approval|interval|hospital|total|dental|renewal)\s)"
    r"[A-Za-z]{3,}(?:al|ic|ary|ive|ous|ar)\s+(?:outcomes?|effects?|efficacy|effectiveness|safety)|"
    r"(?:pregnancy|birth|fetal|foetal|disease|surgery|pain)\s+outcomes?)"
    # a word that only says the domain is looked at: "Safety evaluation", "Efficacy endpoints", "Safety parameters"
    r"(?:\s+(?:evaluation|assessment|profile|parameters?|end[- ]?points?|measures?|indicators?|observation|analysis|data|results?|variables?|"
    r"outcomes?))?"
)
#: verbs and nouns that only introduce the domain ("Assessment of the safety of ...")
_LEAD = (
    r"(?:(?:to\s+)?(?:assess(?:ment|ing)?|evaluat(?:e|ion|ing)|determin(?:e|ation|ing)|investigat(?:e|ion|ing)|examin(?:e|ation|ing)|"
    r"measur(?:e|ement|ing)|stud(?:y|ies|ying)|monitor(?:ing)?|analy[sz](?:is|ing|e)|observ(?:e|ation|ing))(?:\s+of)?\s+)?(?:the\s+)?"
    # a quantity word that says how much of the domain, not what is measured: "Degree of improvement", "Extent of benefit"
    r"(?:(?:degree|extent|level|amount|magnitude)\s+of\s+(?:the\s+)?)?"
)
_DOMAIN_TITLE = re.compile(
    rf"^\s*{_LEAD}(?P<domain>{_DOMAIN}(?:\s*(?:,|and|&|/|or)\s*{_DOMAIN}|[-–]{_DOMAIN}){{0,3}})"
    r"(?P<tail>\s+(?:of|in|for|with|from|after|on|by|to)\s+[^:;()\[\]]{1,80})?\s*[.:]?\s*$",
    re.I,
)
#: a tail that says how the domain is measured (then the title names a measure)
_MEASURE_WORDS = re.compile(
    r"\b(?:measured|assessed|evaluated|defined|determined|using|according|per|rate|rates|ratio|number|numbers|proportion|"
    r"percentage|percent|incidence|frequency|score|scores|scale|questionnaire|index|level|levels|concentration|"
    r"change|changes|time|duration|count|counts|occurrence|grade|criteria|CTCAE|RECIST|AUC|Cmax|titer|titre|titers|titres|"
    # a tail that says what is looked at: "outcomes in terms of balance, pain and dizziness", "performance on tests"
    r"tests?|in\s+terms\s+of|such\s+as|including|namely|"
    # an assay or what it reads: "Immune response to vaccine antigens by ELISA", "... neutralising antibodies"; an
    # examination ("Ocular safety by observation and eye exams")
    r"exams?|examinations?|ELISA|ELISpot|PCR|assays?|cytometry|neutrali[sz]\w*|antibod(?:y|ies)|Ig[GAME]|GMTs?|GMCs?)\b|%|[0-9]",
    re.I,
)


_EFFECT_ON = re.compile(r"\b(?:effects?|impact|influence)$", re.I)
_ON = re.compile(r"\bon\b", re.I)
#: what an effect, an improvement or a change is said of when nothing measured is named: the disease or
#: condition, the patients, their health or the treatment ("Effect on the disease", "Impact on patients",
#: "Improvement of the condition"); any other object ("on blood pressure", "in pain") is the thing measured
_GENERIC_OBJECT = (
    r"(?:(?:the|this|their|his|her|its|patients'?|participants'?|subjects'?|overall|general|clinical|underlying|treated)\s+){0,2}"
    r"(?:disease|diseases|condition|conditions|illness|disorder|patients?|participants?|subjects?|health|symptoms|"
    r"health\s+status|status|outcomes?|treatment|therapy|intervention|study\s+population|population)"
)
#: the object of "on" after an effect: generic, then optionally whom ("Effect on the disease in adults")
_ON_GENERIC = re.compile(rf"\bon\s+{_GENERIC_OBJECT}(?:\s+(?:of|in|among|with|for)\s+[^:;()]{{1,60}})?\s*[.:]?\s*$", re.I)
#: a change noun; its object, when it has one, must be generic for the title to stay a domain
#: "prophylactic efficacy", "protective effectiveness" (of a vaccine): the qualified efficacy only; plain "Efficacy of
#: VZV vaccine" stays a domain as before
_VACCINE_EFFICACY = re.compile(r"\b[A-Za-z]{3,}(?:al|ic|ary|ive|ous|ar)\s+(?:efficacy|effectiveness)$", re.I)
_VACCINE = re.compile(r"\bvaccin", re.I)
_CHANGE_NOUN = re.compile(r"(?:\bimprovement|\bamelioration|\bresults?|\bstatus|well-?being|\bharms?|\brisks|\brelief|\bcontrol)$", re.I)
_CHANGE_OBJECT = re.compile(
    rf"^\s+(?:(?:of|in)\s+{_GENERIC_OBJECT}(?:\s+(?:of|in|among|with|for|after|from|by)\s+[^:;()]{{1,60}})?"
    r"|(?:in|among|for|with|after|from|by)\s+(?:(?:the|all|adult|adults|paediatric|pediatric)\s+)?"
    r"(?:patients?|participants?|subjects?|people|children|adults|women|men|individuals|users))"
    r"(?:\s+[^:;()]{1,60})?\s*[.:]?\s*$",
    re.I,
)


def domain_only(title: str | None) -> re.Match[str] | None:
    """The match when the title names only a domain ("Safety", "Efficacy and tolerability of
    drug X") and nothing says what is measured; None when it names a measure."""
    if not title or len(title) > 160:
        return None
    m = _DOMAIN_TITLE.match(title)
    if m is None:
        return None
    tail = m.group("tail") or ""
    if _MEASURE_WORDS.search(tail):
        return None
    if _EFFECT_ON.search(m.group("domain")) and _ON.search(tail) and not _ON_GENERIC.search(tail):
        return None  # "Effect of X on blood pressure": what follows "on" is the thing measured ("on the disease" names nothing)
    if _VACCINE_EFFICACY.search(m.group("domain")) and _VACCINE.search(tail):
        return None  # "The prophylactic efficacy of the vaccine": vaccine efficacy is a defined quantity (a reduction in incidence)
    if _CHANGE_NOUN.search(m.group("domain")) and tail and not _CHANGE_OBJECT.match(tail):
        return None  # "Improvement in pain", "Improvement of FEV1": the object is what is measured
    return m


# --- abbreviation-only titles ---------------------------------------------------------------

#: a title that is one abbreviation, or an abbreviation with a generic word ("HAMD score", "VAS"), a
#: lead that says nothing of what it is ("Change in", "Mean", "Serum"), a unit in brackets ("(%)") or a
#: time point ("at week 24"): still nothing in the title spells the abbreviation out
_ABBREVIATION_TITLE = re.compile(
    # a symbol or sign that says "change in" or "percent of" without spelling anything out: "Δ BASDAI", "% FEV1"
    r"^\s*(?:[Δ∆%]\s?)?"
    r"(?:(?:change|changes|mean|median|total|serum|plasma|blood|urinary|urine)\s+(?:from\s+baseline\s+)?(?:(?:in|of)\s+)?(?:the\s+)?)?"
    r"(?P<abbr>[A-Za-z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+){0,2})"
    # a response threshold written apart: "PASI 75", "ACR 20" (as "EASI-75")
    r"(?:\s[0-9]{1,3}(?![0-9.,])"
    # a threshold range or bound after it: "mRS 0-2", "mRS 0 – 3", "BASDAI ≥ 50" (the scale is still not named)
    r"|\s[0-9]{1,3}\s?[-–]\s?[0-9]{1,3}(?![0-9.,])|\s?[≥≤<>]\s?[0-9]{1,3}(?![0-9.,])\s?%?)?"
    r"(?:\s+(?:total\s+)?(?:score|scores|scale|questionnaire|total|level|levels|value|values|rate|rates|change|changes|"
    r"response|responses|responders?)(?:\s+rates?)?)?"
    r"(?:\s*\([^()A-Za-z]{0,3}[A-Za-z/%]{0,6}\))?(?:\s+(?:at|after)\s+(?:week|day|month|year)s?\s?[0-9]{1,4})?\s*[.:]?\s*$",
    re.I,
)
#: three lower-case letters in a row: a word ("McGill", "iPhone"), not an acronym ("HbA1c", "NT-proBNP" has
#: its capitals in the majority)
_LOWER_RUN = re.compile(r"[a-z]{3}")
#: a pharmacokinetic parameter written in its subscript notation ("Cmax", "Tmax", "Css", "AUCinf", "AUC0-inf",
#: "AUClast"): capitals with a lower-case tail, which the capitals rule above would read as a word. The tails are
#: the closed set of PK subscripts, each tied to its letter, so English words ("Blast", "Cost") never match.
_PK_PARAMETER = re.compile(r"(?:[CT](?:max|min|trough|avg|ss)|AUC(?:[0-9]{1,2}-)?(?:inf|last|tau|t|∞))(?:,ss)?")


def abbreviation_only(title: str | None) -> str | None:
    """The abbreviation when the title is only an abbreviation or scale acronym ("BMI",
    "HAM-D score", "PFS", "6MWT", "HbA1c (%)", "Change in FEV1"): two or more capitals, 2-12
    characters, mostly capitals, or with a digit and no lower-case word in it ("HbA1c", "SpO2")."""
    if not title or len(title) > 80:
        return None
    m = _ABBREVIATION_TITLE.match(title)
    if m is None:
        return None
    abbr = m.group("abbr")
    letters = [c for c in abbr if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    mostly_capitals = upper >= 0.6 * len(letters)
    coded = any(c.isdigit() for c in abbr) and not _LOWER_RUN.search(abbr)
    if _PK_PARAMETER.fullmatch(abbr):
        return abbr
    if not 2 <= len(abbr) <= 12 or upper < 2 or not (mostly_capitals or coded):
        return None
    return abbr


# --- time points ------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30,
    "forty-eight": 48, "sixty": 60, "ninety": 90,
}  # fmt: skip
_UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_UNIT = r"(?P<unit>min(?:ute)?s?|h(?:ou)?rs?|hours?|days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_NUM = r"(?P<num>[0-9]{1,4}(?:\.[0-9])?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
#: "12 weeks", "12-week", "6 mo"  |  "week 12", "day 1", "month 6"
_AMOUNT_UNIT = re.compile(rf"\b{_NUM}[\s-]?{_UNIT}\b", re.I)
_UNIT_AMOUNT = re.compile(r"\b(?P<unit>day|week|month|year|hour|visit)\s?(?P<num>[0-9]{1,4})\b", re.I)
#: a unit word just before a number ("Day 30"): that number is read with the unit before it, never with one after it
_UNIT_JUST_BEFORE = re.compile(r"\b(?:day|week|month|year|hour|visit)\s?$", re.I)
#: "3 and 6 months", "weeks 4, 8 and 12": lists of numbers sharing one unit
_SEP = r"\s*(?:,\s*(?:and|or|&)?|and|&|or)\s*"
_LIST_THEN_UNIT = re.compile(
    rf"\b(?P<nums>[0-9]{{1,4}}(?:{_SEP}[0-9]{{1,4}})+)\s*(?:-\s*)?{_UNIT}\b",
    re.I,
)
_UNIT_THEN_LIST = re.compile(
    rf"\b(?P<unit>days|weeks|months|years|hours)\s+(?P<nums>[0-9]{{1,4}}(?:{_SEP}[0-9]{{1,4}})+)\b",
    re.I,
)
#: "week 0 to 48", "Days 12-18", "0-29 days": a range whose second number borrows the unit
_UNIT_RANGE = re.compile(
    r"\b(?P<unit>days?|weeks?|months?|years?|hours?)\s?(?P<a>[0-9]{1,4})\s*(?:-|–|to|through|until)\s*(?P<b>[0-9]{1,4})\b",
    re.I,
)
_RANGE_UNIT = re.compile(rf"\b(?P<a>[0-9]{{1,4}})\s*(?:-|–|to)\s*(?P<b>[0-9]{{1,4}})\s*{_UNIT}\b", re.I)
_AGE_BEFORE = re.compile(
    r"(?:\bage[sd]?(?:\s+(?:group|band|range|category|class)s?)?|\b(?:participants|patients|subjects|adults|children|people|women|men|persons)|"
    r"\bolder\s+than|\byounger\s+than|[<>≥≤=])\s*[(:]?\s*[<>≥≤=]?\s*$",
    re.I,
)
#: "65 years and older", "24 weeks' gestation", "32 weeks of gestational age": an age, not a time point
_AGE_AFTER = re.compile(
    r"\s*(?:of\s+age|old\b|and\s+(?:older|over|above|younger|under)|or\s+(?:older|more|younger))|['’]?\s*(?:of\s+)?gestation",
    re.I,
)
_CYCLE_AFTER = re.compile(r"[\s-]*(?:treatment\s+)?(?:cycles?|courses?)\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
#: "third year", "second week": an ordinal time point
_ORDINAL_UNIT = re.compile(r"\b(?P<ord>" + "|".join(_ORDINALS) + r")\s+(?P<unit>day|week|month|year)\b", re.I)
_SPAN_WORDS = re.compile(r"\b(?:up\s+to|through|throughout|until|till|over|during|within|from|between|to|every|each|per|after)\b|-|–", re.I)


def _unit_days(unit: str) -> float | None:
    u = unit.lower()
    for prefix, name in (("mi", "minute"), ("mo", "month"), ("h", "hour"), ("d", "day"), ("w", "week"), ("y", "year")):
        if u.startswith(prefix):
            return _UNIT_DAYS[name]
    return None


def _num(text: str) -> float | None:
    t = text.lower()
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TimePoint:
    """A time point or period length in a text, in days (``text`` as written, ``start`` its offset,
    ``unit`` the length of its unit in days)."""

    days: float
    text: str
    start: int
    unit: float = 1.0


#: a line break, written or as HTML ("Day 30 <br/ ><br>Day 90", CTRI exports): each line is its own time point
_LINE_BREAK = re.compile(r"<\s*/?\s*br\s*/?\s*>|[\r\n]+", re.I)


def _break_lines(text: str) -> str:
    """The text with each line break read as a list separator (";" padded to the same length, so offsets
    hold): a time point never runs across lines ("30\nDay"), and "<br>" before a time point is no "<"/">"."""
    return _LINE_BREAK.sub(lambda m: ";" + " " * (len(m.group(0)) - 1), text)


def time_points(text: str | None) -> list[TimePoint]:
    """Every "12 weeks" / "week 12" / "3 and 6 months" in the text, as days, in order."""
    if not text:
        return []
    text = _break_lines(text)
    out: list[TimePoint] = []
    # offsets inside a time point already read (a set: checking a list of spans per match was
    # quadratic in the number of time points of a long text)
    taken: set[int] = set()

    def add(days: float, m: re.Match[str], per: float) -> None:
        taken.update(range(*m.span()))
        if _AGE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]) or _AGE_AFTER.match(text, m.end()):
            return  # "aged 50 years", "65 years and older": an age, not a time point
        if _CYCLE_AFTER.match(text, m.end()):
            return  # "8 week cycles", "28-day cycle": a cycle's length, not a time point
        out.append(TimePoint(days, m.group(0), m.start(), per))

    for rx in (_LIST_THEN_UNIT, _UNIT_THEN_LIST):
        for m in rx.finditer(text):
            per = _unit_days(m.group("unit"))
            if per is None:
                continue
            for n in re.findall(r"[0-9]{1,4}", m.group("nums")):
                add(float(n) * per, m, per)
    for rx in (_UNIT_RANGE, _RANGE_UNIT):
        for m in rx.finditer(text):
            per = _unit_days(m.group("unit"))
            if per is None or m.start() in taken:
                continue
            add(float(m.group("a")) * per, m, per)
            add(float(m.group("b")) * per, m, per)
    for m in _AMOUNT_UNIT.finditer(text):
        if m.start() in taken or _UNIT_JUST_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "Day 30 Day 90": the 30 is the number of "Day 30", not of "30 Day"
        per, n = _unit_days(m.group("unit")), _num(m.group("num"))
        if per is not None and n is not None:
            add(n * per, m, per)
    for m in _UNIT_AMOUNT.finditer(text):
        if m.start() in taken or m.group("unit").lower() == "visit":
            continue
        per, n = _unit_days(m.group("unit")), _num(m.group("num"))
        if per is not None and n is not None:
            add(n * per, m, per)
    for m in _ORDINAL_UNIT.finditer(text):
        per = _unit_days(m.group("unit"))
        if per is not None and m.start() not in taken:
            add(_ORDINALS[m.group("ord").lower()] * per, m, per)
    out.sort(key=lambda p: p.start)
    return out


# --- durations of a method ---------------------------------------------------------------------

#: laboratory steps, whatever their length: "incubated for 96 hours", "stored for up to 6 months",
#: "cultured for 7 days" (the verb: "positive cultures over 28 days" counts infections over a period)
_LAB_STEP = (
    r"incubat\w*|(?:co-?)?cultur(?:ed|ing)|stor(?:ed|age|ing)|frozen|freez\w*|thaw\w*|fix(?:ed|ation)|centrifug\w*|"
    r"digest(?:ed|ion)|ferment\w*|stain(?:ed|ing)|soak\w*|immers\w*|shak(?:en|ing)|dried|drying"
)
#: steps that are a method only when short: "exposed for 4 hours" (a challenge), "fasting for 8 hours";
#: "exposed for 12 weeks" or "fasting for 12 weeks" is a treatment, assessed at its end
_SHORT_STEP = r"expos(?:ed|ure)|fast(?:ed|ing)|stimulat\w*|perfus\w*|infus(?:ed|ion)|heat(?:ed|ing)"
#: the step, then its length: "incubated for", "stored at -80 °C for up to", "infused over"
_STEP_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?:(?P<lab>{_LAB_STEP})|{_SHORT_STEP})(?:\s+[^\s.;]+){{0,4}}?\s+(?:for|over|during)\s+"
    r"(?:(?:up\s+to|at\s+least|about|approximately|around|a\s+further)\s+)?(?:~\s*)?$",
    re.I,
)
#: "given over", "administered over 30 minutes": how long one administration lasts
_ADMINISTERED_OVER = re.compile(r"\b(?:given|administered|injected|delivered|infused|applied)\s+over\s+(?:a\s+period\s+of\s+)?$", re.I)
#: "96-hour incubation", "2 h infusion", "48 hours of culture", "6 months' storage"
_STEP_AFTER = re.compile(
    r"['’]?\s*(?:of\s+)?(?:continuous\s+|static\s+|aerobic\s+|anaerobic\s+)?"
    r"(?:(?P<lab>incubation|culture|co-?culture|storage|fixation|centrifugation|digestion|urine\s+collection|soaking|immersion)|"
    r"stimulation|fasting|perfusion|infusion|exposure|heating)(?![A-Za-z])",
    re.I,
)
#: "96 hours after inoculation", "24 h post-seeding": counted from a laboratory step
_AFTER_LAB_STEP = re.compile(
    r"\s*(?:after|post|following)[\s-]+(?:the\s+)?(?:(?P<lab>seeding|plating|transfection|passag\w+|subcultur\w+)|inoculation|infection)(?![A-Za-z])",
    re.I,
)
#: words that put a text in the laboratory: then an inoculation is of a culture, not of a participant
_LAB_CONTEXT = re.compile(r"\b(?:culture[sd]?|medium|media|in\s+vitro|cell\s+lines?|flasks?|plates?|wells?|agar|broth|supernatant)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)|\[|\]")


def _sentence(text: str, start: int, reach: int = 300) -> str:
    """The sentence (or bracketed time frame) around an offset, at most ``reach`` characters each
    side (bounded, so a long hostile text with many time points stays linear)."""
    lo, hi = max(0, start - reach), min(len(text), start + reach)
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, lo, start)), default=lo)
    end = _SENTENCE_END.search(text, start, hi)
    return text[begin : end.start() if end else hi]


def method_duration(text: str, point: TimePoint) -> bool:
    """The time point is the length of a method's step, not when the outcome is assessed: an
    incubation or culture time ("cell culture medium 96 hours after inoculation", "incubated for
    72 h"), an exposure or infusion ("infused over 2 hours", "a 24-hour exposure"), a sampling or
    storage period ("a 24-hour urine collection", "samples stored for up to 6 months"). Steps that
    are also treatments (exposure, fasting, stimulation, infusion) count only when shorter than a day."""
    before = text[max(0, point.start - 80) : point.start]
    end = point.start + len(point.text)
    step = _STEP_BEFORE.search(before)
    if (step and (step.group("lab") or point.days < 1)) or _ADMINISTERED_OVER.search(before):
        return True
    after = _STEP_AFTER.match(text, end)
    if after and (after.group("lab") or point.days < 1):
        return True  # "12 weeks of exposure" to a treatment is when it is assessed; "a 24-hour exposure" is a method
    lab = _AFTER_LAB_STEP.match(text, end)
    return bool(lab and (lab.group("lab") or _LAB_CONTEXT.search(_sentence(text, point.start))))


def assessment_points(text: str | None) -> list[TimePoint]:
    """The time points of a text that say when something is assessed: ``time_points`` without the
    lengths of a method's steps (incubation, culture, exposure, infusion, sampling, storage)."""
    return [p for p in time_points(text) if not method_duration(text or "", p)]


def same_time(a: TimePoint, b: TimePoint) -> bool:
    """Two time points that are the same: equal in the same unit ("day 28" / "28 days"); across
    units within 10 % ("12 weeks" / "3 months", "1 year" / "52 weeks"), as conversions round."""
    if a.unit == b.unit:
        return abs(a.days - b.days) < 1e-6
    return abs(a.days - b.days) <= max(1.0, 0.1 * max(a.days, b.days))


def is_span(text: str) -> bool:
    """The time frame names a period ("up to 12 months", "baseline to week 24") rather than points."""
    return bool(_SPAN_WORDS.search(text))


# --- time frames ----------------------------------------------------------------------------

#: a number (or numbers) and nothing that says of what: "12", "0, 6, 12", "1-3"
#: (numbers joined by any list or range punctuation or word: "0/6/12", "3; 6; 12", "4 & 8", "6 or 12", "0 through 24", "0 6 12")
_BARE_NUMBER = re.compile(
    r"^\s*\(?\s*(?:~|≈|<|>|≤|≥|<=|>=|approx\.?|about|approximately)?\s*[0-9]{1,4}(?:\.[0-9]+)?"
    r"(?:(?:\s*(?:,|;|/|\+|-|–|—|->|→|&|and|to|or|through|thru|till|until)\s*|\s+)[0-9]{1,4}(?:\.[0-9]+)?)*\s*\)?\s*[.;,]?\s*$",
    re.I,
)
#: time-point labels with no unit or definition: "T0, T1, T2", "T0-T3" (a time point's code, not when it is)
_TIME_LABELS = re.compile(r"^\s*T[0-9]{1,2}(?:\s*(?:,|;|/|-|–|&|and|to)\s*T[0-9]{1,2})+\s*[.;]?\s*$")
#: a calendar year (1900-2099) among the numbers: "2029", "1991-2005" are dates, not counts of a unit
_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
#: words that anchor a time point a reader can check without a number (a unit may follow a digit: "0hours")
_ANCHOR = re.compile(
    r"(?<![A-Za-z])(?:bas(?:e)?line|screening|enrol(?:l)?ment|recruitment|randomi[sz]ation|admission|discharge|"
    r"hospitali[sz](?:ation|ed)|hospital\s+stay|in[- ]?hospital|inpatient|(?:icu|intensive\s+care)\s+stay|delivery|birth|partum|surgery|operation|\w*operative(?:ly)?|\w+(?:ectomy|otomy|ostomy|plasty|scopy)|"
    r"procedure|implant(?:ation)?|transplant(?:ation)?|intubation|extubation|induction|an(?:a)?esthesia|infusion|injection|"
    r"inhalation|dose|dosing|visit|cycle|course|session|days?|daily|weeks?|weekly|months?|monthly|years?|yearly|"
    r"annual(?:ly)?|hours?|hourly|hrs?|minutes?|mins?|morning|evening|night|overnight|bedtime|pre-?op|post-?op|"
    # "pre-surgery", "post-dose": an event after pre/post ("Pre and post", "pre-test and post-test" name none)
    r"(?:pre|post)[- ](?!(?:and|or|&|the|a|an|test|tests|testing|pre|post)(?![A-Za-z]))\w+|"
    r"immediate(?:ly)?|diagnosis|death|relapse|progression|recurrence|conception|pregnancy|gestation|menstrua\w*|ovulation)(?![A-Za-z])",
    re.I,
)
_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(_NUMBER_WORDS) + r"|first|second|third|fourth|half)\b|[0-9]"
    # any number written out ("Thirteen weeks", "forty-two days", "a hundred days")
    r"|\b(?:(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundred|dozen)",
    re.I,
)


def time_point_labels(time_frame: str) -> bool:
    """ "T0, T1, T2", "T0-T3": codes of time points with nothing that says when they are."""
    return bool(_TIME_LABELS.match(time_frame))


#: words around unitless numbers that give them no unit: a lead word ("At 3", "Up to 20", "Between 6 and 12",
#: "Assessed at 3", "Timepoint: 6"), an event that the numbers count from, as a list item or a range's start
#: ("Baseline, 6, 12", "screening and 6", "From baseline to 12"), and an event after them ("6 and 12 post-op").
#: What is left must be numbers and joiners only, so a unit anywhere ("Day 0, 7, 14", "at 3 and 6 mths",
#: "Visit 3", "Cycle 1 Day 1") keeps the time frame out. Each part is anchored at the start or end (linear).
_LEAD_WORD = re.compile(
    r"^\s*(?:(?:time[- ]?points?|time[- ]?frames?|assessments?)\s*:\s*)?"
    r"(?:(?:assessed|measured|evaluated|collected|recorded|performed|done|obtained)\s+)?"
    r"(?:(?:at|up\s+to|until|till|by|within|between|from|after|on)(?![A-Za-z])\s*)?",
    re.I,
)
_EVENT_FIRST = re.compile(
    r"^\s*(?:bas(?:e)?line|screening|enrol(?:l)?ment|randomi[sz]ation|admission|pre-?(?:op|operative(?:ly)?|treatment|dose))"
    r"\s*(?:,|;|/|-|–|&|\band\b|\bto\b|\bthrough\b|\buntil\b|\btill\b)?\s*",
    re.I,
)
_EVENT_AFTER = re.compile(
    r"\s*(?:post|after)[- ]?(?:op|operative(?:ly)?|surgery|randomi[sz]ation|dose|dosing|treatment|intervention|baseline|"
    r"enrol(?:l)?ment|delivery|discharge|transplant(?:ation)?)\s*[.;,]?\s*$",
    re.I,
)


def _numbers_only(time_frame: str) -> str:
    """The time frame without the words around its numbers that give them no unit."""
    rest = _LEAD_WORD.sub("", time_frame, count=1)
    rest = _EVENT_FIRST.sub("", rest, count=1)
    rest = _LEAD_WORD.sub("", rest, count=1) if rest != time_frame else rest  # "Baseline, at 6 and 12"
    return _EVENT_AFTER.sub("", rest, count=1)


def bare_number(time_frame: str) -> bool:
    """ "12", "0, 6, 12", "0/6/12", "At 3", "Up to 20", "Baseline, 6, 12", "Between 6 and 12": numbers with no
    unit anywhere in the time frame (not a calendar year such as "2029"), or time-point codes with no time
    ("T0, T1, T2")."""
    if _TIME_LABELS.match(time_frame):
        return True
    if _YEAR.search(time_frame):
        return False
    return bool(_BARE_NUMBER.match(time_frame)) or bool(_BARE_NUMBER.match(_numbers_only(time_frame)))


_UNITLESS = re.compile(r"(?<![0-9.])[0-9]{1,4}(?:\.[0-9]+)?(?![0-9])")


def unitless_numbers(time_frame: str) -> list[str]:
    """The numbers of a bare time frame as written ("Baseline, 6, 12" -> ["6", "12"])."""
    return _UNITLESS.findall(time_frame)


#: a clinical event that can bound a period: the start or end of treatment, a failure, the last follow-up
_BOUNDING_EVENT = (
    r"(?:therap(?:y|ies)|treatments?|chemo(?:therapy)?|radio(?:therapy)?|radiation|irradiation|regimen|medication|"
    r"failure|follow[- ]?up|last\s+contact|discontinuation|withdrawal|remission|response|registration|study\s+entry|"
    r"onset|event|diagnos[ie]s|first\s+occurrence|resolution|recovery)"
)
#: "From start to end of all protocol therapy", "from start of treatment to date of local failure",
#: "between first treatment and last follow-up": a period whose two ends are clinical events.
#: Bounded gaps keep the scan linear.
_EVENT_PERIOD = re.compile(
    rf"\b(?:from|between)\b[^.;]{{0,80}}?\b(?:to|until|till|through|and)\b[^.;]{{0,80}}?(?<![A-Za-z]){_BOUNDING_EVENT}(?![A-Za-z])"
    rf"|\b(?:from|between)\b[^.;]{{0,80}}?(?<![A-Za-z]){_BOUNDING_EVENT}(?![A-Za-z])[^.;]{{0,80}}?\b(?:to|until|till|through|and)\b",
    re.I,
)


def event_bounded(time_frame: str) -> bool:
    """The time frame is a period from one clinical event to another ("From start of protocol
    treatment to date of local failure"): checkable against the record, though without an
    "assessed up to ..." limit."""
    return bool(_EVENT_PERIOD.search(time_frame))


#: the one occasion of a one-off data collection (a cross-sectional survey, a single interview): the
#: measure is taken when the participant answers, which is a time point a reader can check. The
#: occasion must be introduced as a time ("at", "during", "on completion of", "time of", "date of"),
#: so that a method named in the time frame ("online questionnaire") is not read as one, and not
#: through the study's own course ("at the end of the study questionnaire": when the study ends).
_ONE_OFF_OCCASION = r"(?:surveys?|interviews?|questionnaires?|focus\s+groups?|data\s+collection|response\s+date)"
_ONE_OFF = re.compile(
    rf"\b(?:at|on|upon|during|when|time\s+of|date\s+of|day\s+of|moment\s+of)\s+(?:(?!(?:study|trial|treatment|therapy|end|follow)\b)[a-z'-]+\s+){{0,4}}"
    rf"{_ONE_OFF_OCCASION}(?![A-Za-z])"
    r"|\bcross[- ]sectional(?:ly)?\b|\bone[- ](?:off|time)\s+(?:survey|assessment|measurement|interview|questionnaire)\b"
    r"|\bsingle\s+(?:time[- ]?point|occasion|survey|interview|questionnaire)\b",
    re.I,
)
#: a time frame that says it has none ("no time point", "no timeline"): never read as a one-off occasion
_NO_TIME = re.compile(r"\bno\s+(?:specific\s+|fixed\s+)?time(?:[- ]?(?:points?|frames?|lines?))?\b", re.I)


def one_off_occasion(time_frame: str) -> bool:
    """The time frame is the single occasion of a one-off data collection ("at the time of survey",
    "during the survey administration", "at response date", "on completion of the questionnaire",
    "cross-sectional, single time point"), and does not say it has no time point."""
    return bool(_ONE_OFF.search(time_frame)) and not _NO_TIME.search(time_frame)


#: the study's own course or its unnumbered visits, which anchor nothing a reader can check: "over the
#: course of the trial", "for the duration of the study", "at each visit", "at every scheduled study
#: visit", "post-treatment" / "post-intervention" (as "after treatment": when after it?)
_STUDY_OWN = re.compile(
    r"(?<![A-Za-z])(?:(?:course|duration|length|period|span|entirety|whole|rest|life)\s+of\s+(?:the\s+|this\s+|their\s+)?"
    r"(?:study|trial|research|project|participation|programme|program|protocol|intervention)"
    r"|(?:final|last|closing|exit|end[- ]of[- ](?:study|trial))\s+(?:(?:study|trial|follow[- ]?up)\s+)?(?:visits?|sessions?|appointments?|contacts?)"
    r"|(?:each|every|all|any|routine|regular|subsequent)\s+(?:(?:study|scheduled|clinic|clinical|follow[- ]?up|routine|planned|regular|"
    r"protocol|trial)[- ])*(?:visits?|sessions?|appointments?|contacts?)"
    r"|(?:pre|post)-?\s?(?:and\s+post-?\s?)?(?:treatment|intervention|therapy|study|trial|program(?:me)?|training)"
    r"(?!\s+(?:until|till|to|through)(?![A-Za-z])))(?![A-Za-z])",
    re.I,
)


#: a unit of time with no number, only a vague quantity ("Several months", "a few weeks", "over many years",
#: "weeks to months"): the unit word is no time point a reader can check
_VAGUE_AMOUNT = re.compile(
    r"(?<![A-Za-z])(?:(?:several|a\s+few|few|some|many|various|multiple|numerous|a\s+couple\s+of|couple\s+of|a\s+number\s+of|"
    r"a\s+long|a\s+short|an?\s+extended|an?\s+unspecified)\s+(?:more\s+)?(?:days|weeks|months|years|hours|minutes|period\s+of\s+time)"
    r"|(?:days|weeks|months|years)\s+(?:to|or|and)\s+(?:weeks|months|years|decades)"
    # a plural unit with no number at all ("Over the years", "In the following months", "Weeks"): how many? (the
    # caller has already found no number in the text, so "12 weeks" never reaches here)
    r"|(?:^\s*|(?<![A-Za-z])(?:the|these|those)\s+(?:(?:following|next|coming|past|last|first|initial|subsequent|early|later|"
    r"intervening|ensuing|remaining)\s+)?)(?:days|weeks|months|years|hours|minutes|decades))(?![A-Za-z])",
    re.I,
)


#: a frequency says how often, never when or for how long ("Daily", "Weekly", "Once a day", "twice weekly", "every
#: morning"): removed before looking for an anchor, so "Daily" alone is unspecific while "Daily for 14 days" (a number)
#: and "Daily until discharge" (an event) keep theirs. A bare unit counts only after "every"/"each"/"per"/"once a", so
#: "Day 1" and "week of delivery" are untouched
_FREQUENCY_WORD = re.compile(
    r"(?<![A-Za-z])(?:(?:once|twice|thrice)\s+(?:a|per|each|every)\s+|(?:every|each|per)\s+)"
    r"(?:day|week|month|year|hour|night|morning|evening)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:(?:once|twice|thrice)\s+)?(?:daily|weekly|fortnightly|monthly|yearly|annually|hourly|nightly)(?![A-Za-z])",
    re.I,
)


def unspecific(time_frame: str) -> bool:
    """No time point or period a reader can check: no number, no unit, no clinical event
    ("Throughout the study", "End of study", "Long term", "Ongoing", "Over the course of the
    trial", "At each visit", "Post-treatment"). A period bounded by clinical events ("From start
    to end of all protocol therapy") is specific, and so is the one occasion of a one-off survey or
    interview ("at the time of survey")."""
    anchors = _FREQUENCY_WORD.sub(" ", _VAGUE_AMOUNT.sub(" ", _STUDY_OWN.sub(" ", time_frame)))
    return (
        not _ANCHOR.search(anchors)
        and not _NUMBER_WORD.search(time_frame)
        and not event_bounded(time_frame)
        and not one_off_occasion(time_frame)
    )
