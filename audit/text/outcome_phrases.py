"""Two measures side by side in one title (TA805): each with its own instrument in brackets
("Quality of life (SF-36) and anxiety (HADS)"), or two whole measure phrases joined ("Change in
PHQ-9 score and GAD-7 score"), told apart from the parts of one measure.

Split from outcome_measures.py, whose vocabulary (outcome_vocab.py) it shares. All patterns are
linear (bounded gaps) and ASCII-digit only.
"""

from __future__ import annotations

import re

from trial_audit.text import outcome_conjuncts as conj
from trial_audit.text import outcome_one_measure as one
from trial_audit.text.outcome_vocab import (
    _ACRONYM,
    _GENERIC_ACRONYMS,
    _INSTRUMENT,
    _MEASURE_TERM,
    _METHOD_LEAD,
    _MODALITY,
    _NAMED_SCALE,
    _ONE_NAME_AFTER,
    _PRO_DOMAIN,
    _SENTENCE_STOP,
    _abbreviates,
    _after_method_lead,
    _in_brackets,
    _instrument_spans,
    _instruments,
    _norm,
    _one_composite_or_instrument,
)

# --- each measure with its own instrument in brackets -------------------------------------------

#: "Quality of life (SF-36) and anxiety (HADS)", "pain (VAS), function (WOMAC)": a measure, its
#: instrument in brackets, a join, another measure with another instrument in brackets. Not when the
#: second part says how the first is derived ("..., as derived from pain intensity (NRS)"), nor when a
#: word both share follows ("T-cell (CD3+) and myeloid (CD33+) chimerism": two kinds of one measure).
#: Bounded gaps.
_BRACKETED_PAIR = re.compile(
    r"(?<![A-Za-z])(?P<m1>[A-Za-z][A-Za-z' -]{1,60}?)\s*\((?P<i1>[^()]{2,40})\)\s*(?:,|;|\band\b|&|\bplus\b|\bas\s+well\s+as\b|"
    r"\btogether\s+with\b|\balong\s+with\b)\s*"
    r"(?:the\s+)?(?!(?:as|derived|measured|assessed|defined|calculated|based|using|by|according|from)\b)"
    r"(?P<m2>[A-Za-z][A-Za-z' -]{1,60}?)\s*\((?P<i2>[^()]{2,40})\)(?!\s*[A-Za-z])"
)


def _instrument_in(text: str) -> str | None:
    """The instrument a bracket names ("SF-36", "HADS", "Hamilton Depression Rating Scale"), or None
    for a unit, a range or a note ("%", "mg/dL", "0-10", "primary")."""
    named = _INSTRUMENT.search(text)
    if named:
        return named.group(0)
    for m in _ACRONYM.finditer(text):
        if m.group(0).upper() not in _GENERIC_ACRONYMS and "/" not in text[max(0, m.start() - 1) : m.end() + 1]:
            return m.group(0)
    return None


def _defines(abbreviation: str, before: str) -> bool:
    """The bracket abbreviates the words before it ("adverse events (AEs)", "Locoregional Progression
    (LRP)"): Schwartz and Hearst's test (2003): the abbreviation's letters and digits occur in order,
    from the right, in the last words before it, its first letter starting a word."""
    short = [c.lower() for c in abbreviation if c.isalnum()]
    if short and short[-1] == "s" and abbreviation[-1] == "s":
        short.pop()  # a plural "AEs"
    if not short:
        return False
    words = before.split()[-(len(short) + 2) :]
    long = " ".join(words).lower()
    i = len(long) - 1
    for k in range(len(short) - 1, -1, -1):
        c = short[k]
        while i >= 0 and (long[i] != c or (k == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def _stem(name: str) -> str:
    """An instrument's name without a subscale letter ("HADS-A" -> "hads"; "SF-36" stays "sf36")."""
    return _norm(re.sub(r"-[A-Za-z]{1,2}$", "", name))


def _bracketed_instruments(title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two instruments of "<measure> (<instrument>) and <measure> (<instrument>)", when they differ
    and the list does not follow a method lead ("assessed by VAS (0-10) and NRS (0-10)": one measure)."""
    for m in _BRACKETED_PAIR.finditer(title):
        a, b = _instrument_in(m.group("i1")), _instrument_in(m.group("i2"))
        if a is None or b is None or _stem(a) == _stem(b) or _abbreviates(a, b) or _abbreviates(b, a):
            continue  # one instrument, or its subscales ("HADS-A" and "HADS-D"): one measure
        if _defines(a, m.group("m1")) or _defines(b, m.group("m2")):
            continue  # "adverse events (AEs) and serious adverse events (SAEs)": abbreviations of what precedes, not instruments
        if _after_method_lead(title, m.start("m1")) or _in_brackets(title, m.start(), m.end()):
            continue
        return m.span("i1"), m.span("i2")
    return None


# --- whole measure phrases joined -----------------------------------------------------------------


def _named_spans(text: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Instruments, acronyms and common measures in plain words between ``begin`` and ``end``, as
    offsets in ``text``. Not an imaging or examination method (how something is measured), not an
    acronym in brackets (it abbreviates the words before it: "serious adverse events (SAEs)",
    "partial response [PR]"), and an acronym only in a short subject (in a long one it is part of a
    description: "HIV RNA viral load suppression")."""
    spans = [(begin + a, begin + b) for a, b in _instrument_spans(text[begin:end])]
    short = len(text[begin:end].split()) <= 3
    out = []
    for a, b in spans:
        name = text[a:b]
        if _MODALITY.fullmatch(name) or _bracketed(text, a):
            continue
        if not (_INSTRUMENT.fullmatch(name) or _MEASURE_TERM.fullmatch(name)) and not short:
            continue
        out.append((a, b))
    return out


def _named_or_specimen(text: str, begin: int, end: int) -> bool:
    """A named measure, or a laboratory value named by its specimen ("urinary cotinine", "plasma renin")."""
    return _named(text, begin, end) or bool(_SPECIMEN.match(text, begin))


def _bracketed(text: str, at: int) -> bool:
    """An unclosed round or square bracket before ``at``."""
    return text.count("(", 0, at) + text.count("[", 0, at) > text.count(")", 0, at) + text.count("]", 0, at)


def _named_spans_text(text: str, span: tuple[int, int]) -> list[str]:
    return [text[a:b] for a, b in _named_spans(text, *span)]


def _named(text: str, begin: int, end: int) -> bool:
    return bool(_named_spans(text, begin, end))


#: a clause after a part's subject that says of what, in whom or with what ("Levels of anxiety",
#: "Duration of response in patients with PIK3CA WT", "GMT of S-specific"): a next part without a
#: head of its own continues it ("and depression", "and PIK3CA MT", ", RBD-specific")
_OBJECT_CLAUSE = re.compile(r"(?<![A-Za-z])(?:in|among|with|without|of|for|against|to|on)\s", re.I)
#: a threshold in the first part's object: "Incidence of ALT greater than 3 times ULN and total bilirubin
#: greater than 2 times ULN" is one event defined by two criteria
_THRESHOLD = re.compile(
    r"(?<![A-Za-z])(?:greater|less|more|fewer|higher|lower)\s+than|(?<![A-Za-z])(?:above|below|exceeding)(?![A-Za-z])|[<>≥≤]", re.I
)
#: "both X and Y": the joiner closes a pair inside the first part's object ("Mean dosage of both preprandial and basal insulin")
_BOTH = re.compile(r"(?<![A-Za-z])both(?![A-Za-z])", re.I)
#: common laboratory, lung-function and physiological values written as acronyms ("FEV1", "HbA1c", "eGFR");
#: not any acronym with a digit, which after an object is mostly a drug code ("MTD of X and RAD001")
_LAB_ACRONYM = re.compile(
    r"FEV1|FVC|DLCO|PEF|HbA1c|A1c|e?GFR|[LH]DL(?:-C)?|(?:hs-)?CRP|ESR|ALT|AST|ALP|GGT|TSH|PTH|(?:NT-pro)?BNP|IL-[0-9]{1,2}|"
    r"TNF(?:-alpha)?|CD[0-9]{1,2}|INR|PSA|BMI|SpO2|PaO2|VO2(?:max|peak)?|6MWD|MMSE|MoCA",
    re.I,
)
_DIGIT = re.compile(r"[0-9]")
#: a laboratory value named by its specimen ("Serum IgE", "plasma renin", "urinary cotinine"): a measure, so a
#: slash after it joins a second one ("Serum IgE / blood eosinophil count"), not a second name of the same thing
_SPECIMEN = re.compile(
    r"(?:serum|plasma|blood|whole\s+blood|urine|urinary|salivary|saliva|faecal|fecal|stool|sputum|CSF|cerebrospinal\s+fluid)\s+[A-Za-z0-9]",
    re.I,
)
#: an object that a head after the joiner may also be said of ("changes in bone marrow [counts] and blood blast counts")
_NOUN_OBJECT = re.compile(r"(?<![A-Za-z])(?:in|of|among|for|against)\s", re.I)
#: a clause that describes whom or what is counted ("with normalisation of fever and ...", "patients
#: who maintain ... and maintain ..."): what follows a joiner may still belong to it, so it is no new measure
_DESCRIBING_CLAUSE = re.compile(r"(?<![A-Za-z])(?:with|without|who|that|which|whose|where|when|reporting|achieving)(?![A-Za-z])", re.I)


def _measure_phrases(title: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Two neighbouring parts of the title (cut at its joiners outside brackets) that each name a
    measure of their own: "Change in PHQ-9 score and GAD-7 score", "Incidence of delirium as well as
    length of ICU stay", "Length of hospital stay and 30-day readmission". What stays silent: a part
    that continues an earlier one (its object, its population or a clause about whom is counted:
    "Levels of anxiety and depression", "Duration of intubation, ICU stay and hospital stay", "in
    patients with X and Y", "between baseline and week 12"), a head both share ("IL-6 and TNF
    levels"), a method list ("assessed by ELISA and HPLC"), an instrument or a spelled-out name after a
    comma ("pain score, VAS", "AUC, the area under the curve"), kinds of adverse events ("AEs and
    SAEs"), the parts of a defined measure ("defined as", "including", a label and a colon), the words
    of one instrument's name ("Eczema Area and Severity Index (EASI)", "Positive and Negative Syndrome
    Scale"), the same measure twice ("pain at rest and leg pain"), a composite, one instrument's domains."""
    cut = conj.parts(title)
    kinds = [conj.measure_kind(title[p.start : p.end], _named_or_specimen) for p in cut]
    continues = False  # the part before continues the object of an earlier one
    for (p, kp), (q, kq) in zip(zip(cut, kinds), zip(cut[1:], kinds[1:])):
        a, b = title[p.start : p.end], title[q.start : q.end]
        a_subject, b_subject = conj.subject(a), conj.subject(b)
        a_head, b_head = conj.has_head(a, *a_subject) is not None, conj.has_head(b, *b_subject) is not None
        opens_object = bool(_OBJECT_CLAUSE.search(a, a_subject[1])) or bool(_DESCRIBING_CLAUSE.search(a, a_subject[1]))
        reopens = conj.reopens(b)  # "... and the time to remission": a new measure, whatever ran on before
        own_b_head = b_head and not conj.care_use_only(b, *b_subject)  # a use of care may be one more kind of the event counted
        a_continues, continues = continues, not own_b_head and (opens_object or continues)
        if kp is None or kq is None or a_continues or kp == kq == "event":
            continue  # "falls and fractures": two events side by side may be one count
        if conj.after_slash(q) and (
            not (a_head or _SPECIMEN.match(a, a_subject[0]) or any(_MEASURE_TERM.fullmatch(n) for n in _named_spans_text(a, a_subject)))
            or conj.same_heads(a, b)
        ):
            continue  # "MTD / RP2D", "maximum tolerated dose / recommended phase 2 dose": one thing, two names
        if _norm(a) == _norm(b) or _abbreviates(a, b) or _abbreviates(b, a) or conj.runs_on(a):
            continue
        a_names = [a[s:e] for s, e in _named_spans(a, *a_subject)]
        b_names = [b[s:e] for s, e in _named_spans(b, *b_subject)]
        own_specimen = bool(_SPECIMEN.match(a, a_subject[0]) and _SPECIMEN.match(b, b_subject[0]))  # "Serum IgE / blood eosinophil count"
        if not a_head and not own_specimen and (conj.has_shared_head(b, *b_subject) or len(a.split()) == 1 and b_head):
            continue  # "IL-6 and TNF levels", "ICU and hospital mortality": a head both share (the first reading decides)
        # "changes in bone marrow and blood blast counts" share the head; "Length of stay, 30-day readmission rate" has two
        shares_object = (
            conj.has_shared_head(b, *b_subject)
            and not conj.has_own_head(b, *b_subject)
            and not b_names
            and _NOUN_OBJECT.search(a, a_subject[1])
        )
        # a laboratory or physiological value after an object: "Number of exacerbations and FEV1" (not a second
        # item of the object: "Duration of MR4 & MR4.5", "Levels of anxiety and depression")
        lab_value = any(_MEASURE_TERM.fullmatch(n) and not _PRO_DOMAIN.fullmatch(n) for n in b_names) or (
            any(_LAB_ACRONYM.fullmatch(n) for n in b_names)
            and bool(
                _LAB_ACRONYM.fullmatch(b[b_subject[0] : b_subject[1]].strip())
            )  # the value alone, not "PSA progression" and not _ACRONYM.search(a, a_subject[1]) and not _DIGIT.search(a, a_subject[1])
        )
        if not reopens and ((not b_head and not lab_value and opens_object) or shares_object):
            continue  # "Levels of anxiety and depression", "changes in bone marrow and blood blast counts": the object runs on
        if not reopens and (
            _DESCRIBING_CLAUSE.search(a, a_subject[1]) or _THRESHOLD.search(a, a_subject[1]) or _BOTH.search(a, a_subject[1])
        ):
            continue  # "Proportion with normalisation of fever and oxygen saturation": whom or what is counted runs on
        if a_names and b_names and {_norm(n) for n in a_names} & {_norm(n) for n in b_names}:
            continue  # "Lower back pain and leg pain", "Q-wave MI and non Q-wave MI": one measure, two sites or kinds
        events = "event" in (kp, kq)  # "HbA1c and severe hypoglycaemic episodes": a value and an event count
        if (
            not a_head
            and not b_head
            and not events
            and not own_specimen
            and not any(_MEASURE_TERM.fullmatch(n) or _INSTRUMENT.fullmatch(n) for n in a_names + b_names)
        ):
            continue  # two acronyms: the first reading decides (population, assay and method checks)
        if conj.after_list_punctuation(q) and (kq == "named" and not b_head and not a_names or _spells_out(a, b)):
            continue  # "Pain score, VAS": the instrument of the measure before it; "AUC, the area under the curve"
        if _after_method_lead(title, q.start) and not _METHOD_LEAD.search(b):
            continue  # "assessed by ELISA and HPLC", "as measured by ... hemoglobin, hematocrit": how, not what
        if conj.adverse_events(a) or conj.adverse_events(b) or conj.list_is_defined(title, q.start):
            continue  # "AEs and SAEs"; "defined as ...", "including ...", "Label: ..."
        if (not a_head and (_ONE_NAME_AFTER.match(title, q.end) or conj.ends_in_name_word(b))) or any(
            m.start() < p.end and m.end() > q.start for m in _NAMED_SCALE.finditer(title)
        ):
            continue  # "Hospital Anxiety and Depression Scale", "Depression, Anxiety and Stress Scale": one instrument's name
        if _name_defined_across(title, p.end, q.start):
            continue  # "Eczema Area and Severity Index-50 (EASI-50)": the joiner is inside a defined name
        if _inside_one_measure(title, p, q, a_names, b_names):
            continue  # fp9: a label and its score, one instrument's domains or subscales, a condition, factors, a ratio
        x0, x1 = ([(p.start + s, p.start + e) for s, e in _named_spans(a, *a_subject)] or [(p.start, p.end)])[-1]
        y0, y1 = ([(q.start + s, q.start + e) for s, e in _named_spans(b, *b_subject)] or [(q.start, q.end)])[0]
        if _one_composite_or_instrument(title, x0, x1, y0, y1):
            continue  # "anxiety and depression (HADS)", "a composite of ...": one measure
        return (p.start, p.end), (q.start, q.end)
    return None


_BRACKETED = re.compile(r"\(([^()]{2,20})\)")
_NAME_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NAME_FILLERS = frozenset({"and", "of", "the", "for", "in", "on", "to", "a", "&"})


def _initials(text: str, start: int, end: int) -> str:
    return "".join(w[0].lower() for w in _NAME_WORD.findall(text, start, end) if w.lower() not in _NAME_FILLERS)


def _name_defined_across(title: str, joiner_start: int, after: int) -> bool:
    """A bracketed abbreviation after the joiner spells out words on both sides of it ("Short
    Inventory of Problems- Alcohol and Drugs (SIP-AD)", "Total scores of Positive and Negative
    Syndrome Scale (PANSS)": its "A" may stand for the joiner "and"): the joiner is inside one name."""
    before = _initials(title, max(0, joiner_start - 200), joiner_start)
    joined = title[joiner_start:after].strip(" ,;").lower()[:1]
    for m in _BRACKETED.finditer(title, after, min(len(title), after + 80)):
        short = "".join(c.lower() for c in m.group(1) if c.isalpha())
        if len(short) < 2 or not m.group(1)[:1].isupper():
            continue
        rest = _initials(title, after, m.start())
        for k in range(1, len(short)):
            if before.endswith(short[:k]) and (rest.startswith(short[k:]) or (joined + rest).startswith(short[k:])):
                return True
    return False


def _spells_out(a: str, b: str) -> bool:
    """After a comma, the part spells out the acronym that ends the part before it ("Ropinirole AUC,
    the area under the curve"): an apposition, not a second measure."""
    acronyms = list(_ACRONYM.finditer(a))
    if not acronyms:
        return False
    letters = "".join(c.lower() for c in acronyms[-1].group(0) if c.isalpha())
    initials = _initials(b, 0, len(b))[: len(letters) + 4]
    # the acronym's letters open the words in order, a few qualifiers between them allowed ("area under the
    # plasma concentration-time curve": a, u, (p, c,) c)
    rest = iter(initials[1:])
    return len(letters) >= 2 and initials[:1] == letters[:1] and all(c in rest for c in letters[1:])


def _inside_one_measure(title: str, p: conj.Part, q: conj.Part, a_names: list[str], b_names: list[str]) -> bool:
    """The joiner between parts ``p`` and ``q`` lies inside one measure (see outcome_one_measure)."""
    a, b = title[p.start : p.end], title[q.start : q.end]
    stop = _SENTENCE_STOP.search(title, q.start)
    end = stop.start() if stop else len(title)
    if one.label_then_score(a, b, conj.after_list_punctuation(q)) or one.operands_of_one_measure(a):
        return True
    if one.factors_of_one_analysis(title, p.start, q.start):
        return True
    plain = not any(_INSTRUMENT.fullmatch(n) or _ACRONYM.fullmatch(n) for n in a_names) and not any(
        _MEASURE_TERM.fullmatch(n) and not _PRO_DOMAIN.fullmatch(n) for n in a_names + b_names
    )
    # domains, then ":" / "by" / "using" / "(" and ONE instrument in the rest of the clause: "Quality of Life and Function: SF-36"
    lead = one.DOMAIN_TO_INSTRUMENT.search(title, q.start, q.end)
    # domains only: a quantity each part has ("response rate", "comfort level") makes them measures of their own
    domains = not one.names_a_quantity(a) and not one.names_a_quantity(title[q.start : lead.start() if lead else q.end])
    if plain and domains and lead and _one_instrument(title[lead.start() : end]) and not _instruments(title[q.start : lead.start()]):
        return True
    # "<instrument> A and B scores": one instrument's subscales share the plural "scores"
    a_begin = conj.subject(a)[0]
    first = _ACRONYM.match(a, a_begin) or _INSTRUMENT.match(a, a_begin)
    if (
        first
        and first.end() < len(a)
        and not _LAB_ACRONYM.fullmatch(first.group(0))
        and not conj.has_shared_head(a, first.end(), len(a))
        and one.shares_plural_scores(b)
        and not any(_DIGIT.search(n) or _INSTRUMENT.fullmatch(n) for n in b_names)
    ):
        return True
    # "... following single and repeat doses": the joiner pairs words of a condition clause
    return one.condition_pair(a, b) and not b_names and not conj.reopens(b)


def _one_instrument(text: str) -> bool:
    """The text names one instrument, its acronym and its name side by side counting once ("SF-36 Health Survey")."""
    found = sorted(_instruments(text))
    merged = [found[0]] if found else []
    for x0, x1 in found[1:]:
        if text[merged[-1][1] : x0].strip(" -") == "":
            merged[-1] = (merged[-1][0], x1)
        else:
            merged.append((x0, x1))
    return len(merged) == 1
