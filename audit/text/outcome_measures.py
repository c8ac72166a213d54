"""Does one outcome title hold several measures? (TA805)

Two distinct instruments or lab values joined by "and" ("PANSS and CGI"), an enumerated list,
or several time points of one measure, told apart from the many titles that only look like
lists: the parts or name of one instrument ("Hospital Anxiety and Depression Scale", "anxiety
and depression as measured by the HADS"), one composite, one assay's read-outs, a method's list.
Split from outcome_text.py (time points and time frames), whose time patterns it reuses. All
patterns are linear (bounded gaps) and ASCII-digit only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.text import outcome_conjuncts as conj
from trial_audit.text import outcome_one_measure as one
from trial_audit.text.outcome_phrases import _bracketed_instruments, _measure_phrases
from trial_audit.text.outcome_text import _NUM, _SEP, _UNIT
from trial_audit.text.outcome_vocab import (
    _INSTRUMENT,
    _MEASURE_TERM,
    _METHOD_LEAD,
    _MODALITY,
    _ONE_NAME_AFTER,
    _abbreviates,
    _after_method_lead,
    _in_brackets,
    _instrument_spans,
    _norm,
    _one_composite_or_instrument,
)

# --- several measures in one title -------------------------------------------------------------

_JOIN = re.compile(r"^\s*(?:,|;|\band\b|&|\bplus\b|\bas\s+well\s+as\b)\s*(?:the\s+|in\s+|(?:levels?|scores?)\s+of\s+)?$", re.I)
#: "1) ... 2) ...", "(1) ... (2) ...", "a) ... b) ...": an enumerated title
_ENUMERATED = re.compile(r"(?:^|\s)\(?(?:1|a|i)[).]\s+.{3,}?\s\(?(?:2|b|ii)[).]\s", re.I)
#: the same with markers that need the title's start to be read as a list ("1- Body weight 2- Waist", "1: X 2: Y",
#: "A/ X B/ Y"; inside a title "1: none 2: mild" are a scale's anchors) or that are list markers wherever they stand
#: ("① X ② Y", "⑴ X ⑵ Y", "❶ X ❷ Y")
_ENUMERATED_OTHER = re.compile(r"^\s*\(?(?:1|a|i)\s?[-:/–]\s+.{3,}?\s\(?(?:2|b|ii)\s?[-:/–]\s|[①⑴❶➀]\s*\S.{2,}?[②⑵❷➁]", re.I)


#: ``Several.why`` of a title listing time points of one measure (not several measures where a format has no time-frame field)
SEVERAL_TIME_POINTS = "it lists several time points"


@dataclass(frozen=True, slots=True)
class Several:
    """Why one title holds several measures, and the two parts that show it (offsets in the title)."""

    why: str
    first: tuple[int, int]
    second: tuple[int, int]


def several_measures(title: str | None) -> Several | None:
    """Two distinct instruments joined by "and" / "," ("PANSS and CGI"), an enumerated list of
    measures, or two time points of one measure ("at 3 and 6 months", "at week 12 and week 24")."""
    if not title or len(title) > 400:
        return None
    m = _ENUMERATED.search(title) or _ENUMERATED_OTHER.search(title)
    if m:
        return Several("it is an enumerated list of measures", (m.start(), m.start() + 3), (m.end() - 3, m.end()))
    spans = _instrument_spans(title)
    for (a0, a1), (b0, b1) in zip(spans, spans[1:]):
        acronyms = not _INSTRUMENT.fullmatch(title[a0:a1]) and not _INSTRUMENT.fullmatch(title[b0:b1])
        after_method = _after_method_lead(title, a0)
        own_method = bool(_METHOD_LEAD.search(title[b1 : b1 + 25]))
        if after_method and not own_method:
            continue  # "measured using multiplex array, ELISA, EIA and HPLC": how it is measured, not what
        if _MEASURE_TERM.fullmatch(title[a0:a1]) and _INSTRUMENT.fullmatch(title[b0:b1]):
            continue  # "Hospital Anxiety and Depression Scale": a plain word joined to an instrument's name is part of it
        if _ONE_NAME_AFTER.match(title, b1) or _ONE_NAME_BEFORE.search(title[max(0, a0 - 40) : a0]):
            continue  # "LDL/HDL ratio", "anxiety and depression scale", "time to progression and death": one measure
        if acronyms and _POPULATION.search(title[max(0, a0 - 40) : a0]):
            continue  # "in patients with PIK3CA WT and ...", "of PiZZ, PiSZ": who, not what is measured
        if _MODALITY.fullmatch(title[a0:a1]) and _MODALITY.fullmatch(title[b0:b1]):
            continue  # "CT and MRI of hip", "X-ray, CT and MRI": how one thing is examined, not two measures
        if one.factors_of_one_analysis(title, a0, b0):
            continue  # "Association of serum ferritin, body weight and glucose with outcome": factors of one analysis
        if conj.list_is_composition(title, a0):
            continue  # "a regimen comprising fludarabine, ... PBSCT and DLI" (NCT00006261): the parts of one thing
        if _in_brackets(title, a0, b1):
            continue  # "Response rate (CR and PR)", "(Cohen Perceived Stress Scale, CPSS)": parts or names of one measure
        assay = _ONE_ASSAY.match(title, b1) if acronyms and not after_method else None  # "VAS and fatigue measured by FSS": a new measure
        if assay and not _SCORE.search(title[a0 : assay.end()]):
            continue  # "IgG and IgA ELISPOT assay", "IL-6 and TNF measured by ELISA": read-outs of one assay
        if _one_composite_or_instrument(title, a0, a1, b0, b1):
            continue  # "anxiety and depression ... as measured by the HADS", "a composite score of ...": one measure
        a, b = title[a0:a1], title[b0:b1]
        if _JOIN.match(title[a1:b0]) and _norm(a) != _norm(b) and not _abbreviates(a, b) and not _abbreviates(b, a):
            return Several("it names two measures", (a0, a1), (b0, b1))
    pair = _bracketed_instruments(title)
    if pair is not None:
        return Several("it names two measures, each with its own instrument or parts in brackets", *pair)
    pair = _measure_phrases(title)
    if pair is not None:
        return Several("it names two measures", *pair)
    m = _TIME_LIST.search(title)
    if m and not _CHANGE_BETWEEN.search(title[max(0, m.start() - 40) : m.start()]):
        return Several(SEVERAL_TIME_POINTS, m.span("list"), m.span("list"))
    return None


#: time points listed as separate assessments: "at 6 and 12 months", "at Week 12 and Week 24",
#: "after 3 months and after 7 months", "at weeks 2, 4, 8, and 12"
_NUM_ = _NUM.replace("(?P<num>", "(?:")
_UNIT_ = _UNIT.replace("(?P<unit>", "(?:")
_TP = rf"(?:{_NUM_}[\s-]?{_UNIT_}|(?:day|week|month|year)s?\s?[0-9]{{1,4}})"
_TIME_LIST = re.compile(
    rf"\b(?:at|after|on|by)\s+(?P<list>(?:{_TP}{_SEP}(?:(?:at|after)\s+)?{_TP}|[0-9]{{1,4}}(?:{_SEP}[0-9]{{1,4}})+\s*(?:-\s*)?{_UNIT_}|"
    rf"(?:days|weeks|months|years)\s+[0-9]{{1,4}}(?:{_SEP}[0-9]{{1,4}})+))",
    re.I,
)
#: "from week 1 to week 8", "between week 48 and week 152", "change ... to": one measure between two time points
_CHANGE_BETWEEN = re.compile(r"\b(?:from|between|to|over|during|within)\s*$", re.I)


#: a named assay or instrument right after a list of analytes: their read-outs are one measure
#: ("B-cell IgG and IgA ELISPOT Assay", "IL-6 and TNF-alpha levels measured by ELISA", "CD4 and CD8 counts by flow cytometry")
_ASSAY = (
    r"(?:assays?|immunoassays?|ELISA|ELISPOT|PCR|RT-PCR|qPCR|flow\s+cytometry|cytometry|multiplex|panel|kit|analy[sz]er|"
    r"spectrometry|chromatography|immunohistochemistry|IHC|western\s+blot|blot|microarray|sequencing|luminex)"
)
_ONE_ASSAY = re.compile(
    rf"[^,;:()]{{0,40}}?(?<![A-Za-z])(?:{_ASSAY}|(?:measured|determined|quantified|detected)\s+(?:by|using|with))(?![A-Za-z])",
    re.I,
)
#: two scores are two measures even when one instrument gives both ("T-score and Z-score")
_SCORE = re.compile(r"\bscores?\b", re.I)


_POPULATION = re.compile(
    r"\b(?:with|without|of|among|either|patients?|participants?|subjects?|people|population|enrolled)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)

#: "time to progression and death", "composite of death and MI": one event-based measure
_ONE_NAME_BEFORE = re.compile(
    r"\b(?:time\s+to|composite\s+of|combined|free\s+of|(?:death|survival)\s+or)\s+(?:first\s+)?(?:the\s+)?$", re.I
)
