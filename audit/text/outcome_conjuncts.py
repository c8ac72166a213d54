"""Several measures in one outcome title, read part by part (TA805's second reading).

outcome_measures.several_measures first pairs named instruments, acronyms and common measures
that stand right next to each other ("PANSS and CGI"). Registrants also join whole measure
phrases, each with its own head word and modifiers, by any joiner: "Change in PHQ-9 score and
GAD-7 score", "Time to first exacerbation and FEV1", "Incidence of delirium as well as length of
ICU stay", "opioid consumption together with the pain score". This module cuts a title at its
joiners outside brackets into parts, and says which parts name a measure of their own: a measure
head (a score, a rate, a level, a count, a duration, a time to an event ...) said of something,
or a named instrument, acronym or common measure (the caller's ``named`` test) as the part's
subject.

Not a measure of its own: a part that opens with how, when, where or in whom the other is
measured ("measured by VAS", "at week 12", "in patients with diabetes", "as defined by RECIST"),
a time point, a head word alone whose object is the next part's ("Incidence" in "Incidence and
severity of adverse events"), an event or a population ("death" in "time to progression and
death", "HR+ patients"). All patterns are linear (bounded repetitions) and ASCII-digit only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: what joins two parts: "and", "&", "plus", "as well as", "together with", "along with", "in
#: addition to", "combined with", ";" and "," (also the ideographic ones; a comma may be followed by
#: "and"). Not a slash: it mostly joins one thing ("PaO2/FiO2", "BCR/ABL", "MTD / RP2D")
_JOINER = re.compile(
    r"\s*[;,，；]\s*(?:(?:and|&|plus)\s+)?|\s+(?:and|&|plus|as\s+well\s+as|together\s+with|along\s+with|in\s+addition\s+to|"
    r"combined\s+with)\s+|\s*&\s*|\s+/\s+|\s*[•▪]\s*"
    # two titles run together where a line break was lost: "... over 24 hours Ropinirole maximum plasma concentration"
    # (NCT00460148); a time point closes one measure and a capitalised word opens the next
    r"|(?:(?<=[0-9] hours)|(?<=[0-9] days)|(?<=[0-9] weeks)|(?<=[0-9] months)|(?<=[0-9] years))\s+(?=(?-i:[A-Z][a-z]{2}))",
    re.I,
)
#: a comma or semicolon joiner (then a bare instrument after it may only name the first part's instrument)
#: a slash with spaces: joins two measures only when each has a head word or a measure term of its own
_SLASH = re.compile(r"^\s+/\s+$")
#: a title that opens with a change "in" or "of" something: a later part may repeat the preposition
_CHANGE_IN = re.compile(
    r"^\s*(?:(?:the|mean|median|absolute|relative|percent(?:age)?)\s+)?(?:change|changes|difference|differences|improvement|"
    r"reduction|increase|decrease)\s+(?:from\s+baseline\s+)?(?P<prep>in|of)\s",
    re.I,
)
_LIST_PUNCTUATION = re.compile(r"^\s*[;,，；]", re.I)

#: head words of a quantity: what is counted, scored, timed, or read from a laboratory or a device.
#: Not here: domains ("response", "function", "quality"), events ("death", "falls", "adverse events")
#: and a named symptom ("pain", "nausea"), which are what a quantity is of, not a quantity; "symptoms" (a symptom
#: score) is a head a list before it may share ("breast and arm symptoms", NCT06103864).
_SHAREABLE_HEAD = r"scores?|rates?|ratios?|levels?|concentrations?|counts?|titers?|titres?|numbers?|symptoms"
_HEAD = re.compile(
    rf"(?<![A-Za-z-])(?:{_SHAREABLE_HEAD}|incidence|prevalence|proportion|percentage|frequency|occurrence|duration|length|time|"
    r"consumption|usage|intake|requirements?|distance|density|thickness|volumes?|capacity|saturation|variability|"
    r"clearance|output|pressure|strength|velocity|speed|amplitude|latency|diameter|circumference|mass|index|doses?|dosage|"
    r"minutes|hours|steps|"
    r"need\s+for|use\s+of|receipt\s+of|"
    r"temperature|mortality|survival|satisfaction|adherence|uptake|AUC|Cmax|Tmax|Cmin|half-life|"
    # sizes and extents read from an image, a probe or a tape ("infarct size", "pocket depth", "ejection fraction"),
    # how strong or grave a symptom is ("pain intensity", "fatigue severity"), and a gain or loss of a quantity
    r"size|depth|width|height|area|fraction|weight|severity|intensity|gain|loss|quality\s+of\s+life|"
    # a material's or a tissue's property read by an instrument ("enamel microhardness", "surface roughness"), a
    # load carried ("nurse workload", "caregiver burden"); symptoms a patient rates are a shareable head above
    r"(?:micro-?)?hardness|roughness|elasticity|workload|burden|"
    # uses of care that are counted per patient ("emergency department visits", "hospital admissions")
    r"visits|admissions|re-?admissions|hospitali[sz]ations|re-?hospitali[sz]ations|consultations|"
    # constructs that patients or raters score, each its own measure ("functional disability", "morning stiffness")
    r"disability|stiffness|sleepiness|craving|distress|well-?being|burnout|loneliness|self-efficacy|stigma|knowledge)(?![A-Za-z])"
    # an event within a time window is a rate by definition: "30-day readmission", "in-hospital death", "1-year recurrence"
    r"|(?<![A-Za-z])(?:[0-9]{1,3}[- ]?(?:day|week|month|year)|in[- ]hospital|early|late)\s+(?:(?:all[- ]cause|unplanned)\s+)?"
    r"(?:re-?admissions?|re-?hospitali[sz]ations?|re-?operations?|re-?interventions?|deaths?|recurrences?|relapses?|complications?|"
    r"mortality|survival)(?![A-Za-z])",
    re.I,
)
#: a head that a list of analytes or instruments before it may share ("IL-6 and TNF levels", "PHQ-9 and GAD-7 scores")
_HEAD_AT_END = re.compile(rf"(?<![A-Za-z-])(?:{_SHAREABLE_HEAD}|index)\s*(?:\([^()]{{0,30}}\))?\s*$", re.I)
_SHARED_HEAD = re.compile(rf"(?<![A-Za-z-])(?:{_SHAREABLE_HEAD})(?![A-Za-z])", re.I)
#: how a part opens when it is no measure of its own but says how, when, where, of what or in whom
#: the other part is measured ("measured by VAS", "at week 12", "in patients with diabetes")
_NOT_A_MEASURE_LEAD = re.compile(
    r"^(?:(?:as\s+)?(?:measured|assessed|evaluated|determined|quantified|detected|analy[sz]ed|examined|estimated|rated|"
    r"graded|scored|recorded|monitored|performed|calculated|tested|confirmed|defined|derived|based|expressed|reported|"
    r"collected|obtained|adjusted|stratified|compared|categori[sz]ed|given|taken|done)|using|via|by|with|without|"
    r"according|per|at|after|before|from|between|during|within|over|until|up\s+to|through|since|on|in|among|for|of|to|"
    r"post|pre|then|or|including|includes?|such\s+as|e\.?g\.?|i\.?e\.?|respectively|each|either|whichever|if|when|where|"
    r"which|that|who|whose|whereas|while|than|other|others|all|any|etc|its|their|his|her|as|excluding|except|not|no|"
    r"versus|vs)(?![A-Za-z]|-(?:cause|hospital))|^[0-9]+(?:\.[0-9]+)?(?:\s|$)|^[<>≤≥=]",
    re.I,
)
#: words a part may open with that do not say which measure it is ("To determine the", "Change in the", "Mean")
_LEAD_IN = re.compile(
    r"(?:(?:to\s+)?(?:determine|assess|evaluate|estimate|measure|compare|describe|obtain|examine|investigate|identify|quantify|"
    r"record|report|calculate)\s+)?"
    r"(?:(?:the|a|an|both|also|mean|median|average|total|overall|absolute|relative|percent|change|changes|"
    r"difference|differences|improvement|reduction|increase|decrease)\s+(?:from\s+baseline\s+)?(?:(?:in|of)\s+)?){0,4}",
    re.I,
)
#: a time point or the time frame standing alone as a part ("week 24", "6 months", "baseline")
_TIME_ONLY = re.compile(
    r"(?:(?:day|week|month|year|visit|cycle)s?\s*[0-9]{1,4}|[0-9]{1,4}\s*(?:-\s*)?(?:days?|weeks?|months?|years?|hours?|h|hrs?|wks?|mos?)|"
    r"baseline|end\s+of\s+(?:the\s+)?(?:study|treatment|trial)|follow[- ]?up|discharge)"
    r"(?=\s*$|\s+(?:after|post|following|from|of|to|until|thereafter|later)(?![A-Za-z]))",
    re.I,
)
#: where a part's subject ends: what follows says what it is of, in whom, when or how
_SUBJECT_END = re.compile(
    r"(?<!\bneed)(?<!\buse)(?<!\breceipt)(?<!\bquality)\s(?:of|in|for|with|without|among|on|at|after|before|during|from|to|between|by|using|via|as|measured|assessed|against|including|"
    r"evaluated|according|per|within|over|until|following|versus|vs\.?|compared)(?![A-Za-z])",
    re.I,
)
#: who is measured: a part whose subject is a population is not a measure ("HR+ patients")
_POPULATION = re.compile(
    r"(?<![A-Za-z])(?:patients?|participants?|subjects?|people|persons?|individuals?|women|men|children|infants|"
    r"adults|volunteers|population|groups?|arms?|cohorts?|cases|controls)(?![A-Za-z-])",  # not "patient-reported"
    re.I,
)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'+-]*")
_FILLERS = frozenset(
    "the a an to in of from baseline change changes mean median average determine assess evaluate estimate measure compare "
    "describe obtain examine investigate identify quantify record report calculate observe".split()
)
#: a part of one instrument: "Total score and subscale scores of the SF-36" is one measure with its parts
_PART_OF_INSTRUMENT = re.compile(
    r"(?<![A-Za-z])(?:sub-?scales?|sub-?scores?|sub-?domains?|domains?|items?|components?|dimensions?)(?![A-Za-z])", re.I
)
_OF = re.compile(r"\s+(?:of|to)\s", re.I)
#: a modifier that is no measure by itself ("GVHD-free, relapse-free survival"; "HER2-positive and ...")
_MODIFIER_ONLY = re.compile(
    r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-(?:free|related|specific|positive|negative|induced|associated|naive|resistant)$", re.I
)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a title between two joiners (offsets in the title), and the joiner before it."""

    start: int
    end: int
    joiner: str


def parts(title: str) -> list[Part]:
    """The title cut at its joiners outside brackets, each part stripped of spaces and end punctuation."""
    cuts: list[tuple[int, int]] = []
    depth, scanned = 0, 0
    for m in _JOINER.finditer(title):
        seg = title[scanned : m.start()]
        depth = max(0, depth + seg.count("(") + seg.count("[") - seg.count(")") - seg.count("]"))
        scanned = m.start()
        if depth == 0:
            cuts.append(m.span())
    out: list[Part] = []
    prev, joiner = 0, ""
    change = _CHANGE_IN.match(title)
    for a, b in [*cuts, (len(title), len(title))]:
        seg = title[prev:a]
        text = seg.strip().rstrip(".:")
        if text:
            lead = len(seg) - len(seg.lstrip())
            if out and change and text.lower().startswith(change.group("prep").lower() + " "):
                lead += len(change.group("prep")) + 1  # "Change in muscle strength and in muscle mass": "in" repeats the lead
                text = text[len(change.group("prep")) + 1 :]
            out.append(Part(prev + lead, prev + lead + len(text), joiner))
        prev, joiner = b, title[a:b]
    return out


def after_list_punctuation(part: Part) -> bool:
    """The part follows a comma or a semicolon (not "and", "plus" ...)."""
    return bool(_LIST_PUNCTUATION.match(part.joiner))


def subject(text: str) -> tuple[int, int]:
    """Where the part's subject lies, past its lead-in words ("Change in the") and up to what it is of,
    in whom, when or how ("Time to first exacerbation" -> "Time"; "GAD-7 score at week 8" -> "GAD-7 score")."""
    begin = _LEAD_IN.match(text).end()  # type: ignore[union-attr]  # the pattern matches the empty string
    end = _SUBJECT_END.search(text, begin)
    return begin, end.start() if end else len(text)


def measure_kind(text: str, named: Callable[[str, int, int], bool]) -> str | None:
    """What makes a part a measure of its own: "named" (the caller's ``named(text, start, end)`` finds
    an instrument, an acronym or a common measure in its subject), "head" (a quantity's head word in its
    subject, said of something: two words or more), or None."""
    begin, end = subject(text)
    core = text[begin:]
    if (
        not core
        or _NOT_A_MEASURE_LEAD.match(core)
        or _TIME_ONLY.match(core)
        or _population_subject(text, begin, end)
        or _MODIFIER_ONLY.match(core)
        or _PART_OF_INSTRUMENT.search(text, begin, end)
    ):
        return None
    if named(text, begin, end):
        return "named"
    # "Overall survival" counts its lead-in word; "Change in length" does not
    words = len([w for w in _WORD.findall(text, 0, end) if w.lower() not in _FILLERS])
    if has_head(text, begin, end) and (words >= 2 or _OF.match(text, end)):
        return (
            "head"  # "Remission duration", "Duration of response", "time to ..."; not "length" alone ("frequency and length at 10 weeks")
        )
    if _EVENT_END.search(text, begin, end):
        return "event"  # "new fractures", "hypoglycaemic episodes": clinical events counted, a measure beside another one
    return None


#: clinical events a trial counts, in the plural, ending a part's subject ("new vertebral fractures", "falls",
#: "severe hypoglycaemic episodes"): a measure of its own beside a value or a score ("Bone mineral density and
#: new fractures"); two of them side by side ("falls and fractures") may be one event count, so the caller
#: asks for a non-event part on the other side
_EVENT_END = re.compile(
    r"(?<![A-Za-z-])(?:fractures|falls|infections|exacerbations|relapses|seizures|strokes|deaths|episodes|attacks|flares|"
    r"bleeds|recurrences|re-?operations|amputations|transfusions|crises|migraines|events)\s*$",
    re.I,
)


def _population_subject(text: str, begin: int, end: int) -> bool:
    """The subject names who is measured ("HR+ patients"), not a measure said of them: a population word
    before a quantity's head is its modifier ("patient satisfaction", "participant adherence")."""
    pop = _POPULATION.search(text, begin, end)
    return bool(pop) and not _HEAD.search(text, pop.end(), end)  # type: ignore[union-attr]


def has_head(text: str, begin: int, end: int) -> re.Match[str] | None:
    """A quantity's head word ("score", "rate", "time") between ``begin`` and ``end``, or ending the
    part ("quality of life score", "duration of sleep score")."""
    return _HEAD.search(text, begin, end) or _HEAD_AT_END.search(text, end)


_CARE_USE = re.compile(r"visits|admissions|re-?admissions|hospitali[sz]ations|re-?hospitali[sz]ations|consultations", re.I)


def care_use_only(text: str, begin: int, end: int) -> bool:
    """The part's only heads are uses of care ("Emergency Room (ER) Visits"): after a clause saying whom is
    counted ("Number of Subjects Reported With AEs Resulting in Rash, ..., ER Visits", NCT00496015) it may
    be one more kind of that event, not a measure of its own."""
    heads = [m.group(0) for m in _HEAD.finditer(text, begin, end)]
    heads += [m.group(0) for m in [_HEAD_AT_END.search(text, end)] if m]
    return bool(heads) and all(_CARE_USE.fullmatch(h) for h in heads)


def has_own_head(text: str, begin: int, end: int) -> bool:
    """A head no list before it could share ("30-day readmission", "duration") between ``begin`` and ``end``."""
    return any(not _SHARED_HEAD.fullmatch(m.group(0)) for m in _HEAD.finditer(text, begin, end))


def has_shared_head(text: str, begin: int, end: int) -> bool:
    """A head a list before it may share ("levels", "scores", "ratio") between ``begin`` and ``end``."""
    return bool(_SHARED_HEAD.search(text, begin, end))


#: adverse events and their kinds: "adverse events (AEs) and serious adverse events (SAEs)", "TEAEs and
#: SAEs", "local and systemic reactions" are one safety measure's categories (a domain is TA802's business)
_ADVERSE = re.compile(
    r"(?<![A-Za-z])(?:adverse|side[- ]effects?|[A-Z]{0,4}AEs?|[A-Z]{0,3}AESIs?|SUSARs?|toxicit(?:y|ies)|complications?|reactions?)(?![A-Za-z])"
)
_ADVERSE_WORDS = re.compile(r"(?<![A-Za-z])(?:adverse|side[- ]effects?|toxicit(?:y|ies)|complications?|reactions?)(?![A-Za-z])", re.I)


def adverse_events(text: str) -> bool:
    """The part names adverse events, toxicities, complications or reactions (any case, or their acronyms)."""
    return bool(_ADVERSE.search(text) or _ADVERSE_WORDS.search(text))


#: before a list, a word that makes it the parts or the definition of one measure: "defined as",
#: "including", "such as", "i.e.", "consisting of", "comprising", a label and a colon, a comparison
_DEFINES_LIST = re.compile(
    r"(?<![A-Za-z])(?:defined\s+as|is\s+defined|including|includes?|such\s+as|i\.\s?e\.|e\.\s?g\.|consisting\s+of|consists\s+of|"
    r"comprising|comprised\s+of|composed\s+of|namely|in\s+terms\s+of|versus|vs\.?)(?![A-Za-z])|:\s",
    re.I,
)
_SENTENCE_STOP = re.compile(r"[.;](?:\s|$)")
#: before a list, a word that makes it the parts of one thing ("a regimen comprising fludarabine, ... PBSCT and DLI",
#: NCT00006261). Not "such as" or "including": "parameters such as blood pressure and heart rate" (NCT00495196),
#: "endpoints include: PANSS, CGI-S" (NCT00463372) list several measures
_EXAMPLES_LIST = re.compile(
    r"(?<![A-Za-z])(?:consisting\s+of|consists\s+of|comprising|comprised\s+of|composed\s+of)(?![A-Za-z])",
    re.I,
)


def list_is_composition(title: str, start: int) -> bool:
    """Earlier in the sentence "comprising", "consisting of" makes what follows the parts of one thing."""
    begin = max((m.end() for m in _SENTENCE_STOP.finditer(title, 0, start)), default=0)
    return bool(_EXAMPLES_LIST.search(title, begin, start))


def list_is_defined(title: str, start: int) -> bool:
    """Earlier in the sentence a word makes what follows the parts or definition of one measure
    ("Time to clinical recovery, defined as ... normalisation of fever, respiratory rate and ...",
    "Lung function including FVC, ...", "Liver function: TBIL, AST and ALT", "LCM vs CDM, ...")."""
    begin = max((m.end() for m in _SENTENCE_STOP.finditer(title, 0, start)), default=0)
    return bool(_DEFINES_LIST.search(title, begin, start))


#: a part ending in a word that needs the next part to finish it: a preposition, an article, "between"
_DANGLING = re.compile(r"(?<![A-Za-z])(?:of|in|with|without|for|to|the|a|an|by|on|at|from|any|between)\s*$", re.I)
#: "between baseline and week 12": an "and" that closes "between", not a joiner
_BETWEEN_OPEN = re.compile(r"(?<![A-Za-z])between(?![A-Za-z])(?!.*(?<![A-Za-z])and(?![A-Za-z]))", re.I)


def runs_on(text: str) -> bool:
    """The part cannot end where it ends: a dangling preposition or article, or an open "between"."""
    return bool(_DANGLING.search(text) or _BETWEEN_OPEN.search(text))


#: a part ending in the name word of one instrument or ratio that the part before shares ("COPD and
#: asthma fatigue scale", "anxiety and depression subscale", "LDL and HDL ratio")
_NAME_END = re.compile(
    r"(?<![A-Za-z])(?:scales?|subscales?|questionnaires?|inventory|index|ratios?|quotient|metabolism|homeostasis|axis|pathways?)\s*(?:\([^()]{1,20}\))?\s*$",
    re.I,
)


def ends_in_name_word(text: str) -> bool:
    return bool(_NAME_END.search(text))


def after_slash(part: Part) -> bool:
    """The part follows " / " (spaced): "MTD / RP2D" may be one thing, "blood pressure / heart rate" is two."""
    return bool(_SLASH.match(part.joiner))


#: a part that opens a new measure of its own, whatever the part before it said of whom or of what:
#: "... and the time to remission", "..., number of falls"
_REOPENS = re.compile(
    r"^(?:the\s+)?(?:(?:mean|median|total|average)\s+)?(?:number|proportion|percentage|rate|time|duration|incidence|frequency|"
    r"length|level|concentration)\s+(?:of|to|in)\s",
    re.I,
)


def reopens(text: str) -> bool:
    return bool(_REOPENS.match(text))


def same_heads(a: str, b: str) -> bool:
    """Both parts have the same measure head words ("maximum tolerated dose / recommended dose")."""
    ha = {m.group(0).lower().rstrip("s") for m in _HEAD.finditer(a)}
    return bool(ha) and ha == {m.group(0).lower().rstrip("s") for m in _HEAD.finditer(b)}
