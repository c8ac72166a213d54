"""Defect-injection operators for benchmarks/inject.py: the criteria list model, the wordings
(each list split into a ``tune`` half and a ``heldout`` half) and one small function per defect.

An operator gets a working copy (an Adapter from inject_formats, plus for criteria operators the
parsed criteria model) and returns a short description of what it injected, or None when the
defect does not apply to this record (no numbered list long enough, no structured age, a status
for which the date is not required, ...). Only applicable injections are counted.

Held-out wordings must never be looked at while tuning rules: they measure whether a rule learnt
the defect or the benchmark's phrasing.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import inject_wordings_fresh as fresh
import inject_wordings_fresh2 as fresh2
import inject_wordings_fresh3 as fresh3
from inject_formats import ACTIVE, Adapter, add_months, as_date

# ---------------------------------------------------------------------------------------------
# criteria model: sections (header + items); rendered back the same way for the clean base copy
# and the mutated copy, so the only difference between them is the injected defect
# ---------------------------------------------------------------------------------------------

_HEADER = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:key\s+|main\s+)?(?:inclusion|exclusion|eligibility)(?:\s+criteria)?\b[^:\n.]{0,30}:?\s*$", re.IGNORECASE
)
_MARK = re.compile(r"^(\s*)(?:[-*•·▪●◦]|\d{1,2}\\?[.)]|\(\d{1,2}\)|[a-zA-Z]\\?[.)]|\([a-zA-Z]\))\s+(\S.*)$")
_DIGIT_MARK = re.compile(r"^\s*\(?\d")


@dataclass
class Item:
    text: str
    subs: list[str] = field(default_factory=list)


@dataclass
class Sec:
    header: str | None
    items: list[Item] = field(default_factory=list)
    labels: list[str] | None = None  # explicit markers (set by numbering operators), else default


def parse_criteria(text: str) -> tuple[list[Sec], bool]:
    """Criteria text -> sections of items, and whether the top-level items were numbered."""
    raw: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        if _HEADER.match(line) and len(line.strip()) < 60:
            raw.append((line.strip().lstrip("-*• ").strip(), []))
        else:
            raw[-1][1].append(line.rstrip())
    secs, digits, marks = [], 0, 0
    for header, lines in raw:
        if header is None and not lines:
            continue
        sec = Sec(header)
        marked = [m for ln in lines if (m := _MARK.match(ln))]
        base = min((len(m[1].expandtabs()) for m in marked), default=0)
        for ln in lines:
            m = _MARK.match(ln)
            if not marked:  # one criterion a line, no markers
                sec.items.append(Item(ln.strip()))
            elif m and len(m[1].expandtabs()) > base and sec.items:
                sec.items[-1].subs.append(m[2].strip())
            elif m:
                sec.items.append(Item(m[2].strip()))
                marks += 1
                digits += bool(_DIGIT_MARK.match(ln))
            elif sec.items:  # a wrapped continuation line
                tgt = sec.items[-1]
                if tgt.subs:
                    tgt.subs[-1] += " " + ln.strip()
                else:
                    tgt.text += " " + ln.strip()
            else:
                sec.items.append(Item(ln.strip()))
        secs.append(sec)
    return secs, marks > 0 and digits * 2 > marks


def default_labels(sec: Sec, numbered: bool, fmt: str) -> list[str]:
    if numbered:
        return [f"{i + 1}." for i in range(len(sec.items))]
    return ["*" if fmt == "v2" else "-"] * len(sec.items)


def render_criteria(secs: list[Sec], numbered: bool, fmt: str) -> str:
    out: list[str] = []
    sub_marker = "  *" if fmt == "v2" else "    -"
    for sec in secs:
        if sec.header:
            out += [sec.header, ""]
        labels = sec.labels or default_labels(sec, numbered, fmt)
        for label, it in zip(labels, sec.items):
            out.append(f"{label} {it.text}".rstrip() if it.text else label)
            out += [f"{sub_marker} {s}" for s in it.subs]
        out.append("")
    return "\n".join(out).strip("\n") + "\n"


def section(secs: list[Sec], kind: str) -> Sec | None:
    return next((s for s in secs if s.header and kind in s.header.lower()), None)


def v2_escape(fmt: str, text: str) -> str:
    """v2 text is Markdown: the registry escapes > and < (``\\>= 18``)."""
    return text.replace(">", "\\>").replace("<", "\\<") if fmt == "v2" else text


# ---------------------------------------------------------------------------------------------
# wordings: every list is split into a tune half and a held-out half
# ---------------------------------------------------------------------------------------------

WORDINGS: dict[str, dict[str, list]] = {
    # marker styles for numbering defects: {n} is the number, {a} the letter
    "marker": {
        "tune": ["{n}.", "{n})"],
        "heldout": ["({n})", "{n}\\."],  # "1\." is how v2 Markdown escapes an ordered-list marker
    },
    "letter": {"tune": ["{a}."], "heldout": ["{a})", "({a})"]},
    # the header run into the text around it
    "merged_header": {
        "tune": ["{prev} Exclusion Criteria:", "{prev}. Exclusion criteria:"],
        "heldout": ["{prev} EXCLUSION CRITERIA", "{prev}; Exclusion Criteria -"],
    },
    "header_first": {
        "tune": ["{h}: {label} {text}", "{h} {label} {text}"],
        "heldout": ["{h} - {text}", "{h}:{text}"],
    },
    "run_together": {"tune": ["{a}; {label} {b}", "{a} {label} {b}"], "heldout": ["{a}. {label} {b}", "{a},{label} {b}"]},
    # age limits in a summary; {pop} is a population word that fits the range
    "summary_age": {
        "tune": [
            "This study will enroll {pop} aged {lo} to {hi} years.",
            "{Pop} between {lo} and {hi} years old are eligible to participate.",
            "To participate, individuals must be {lo}-{hi} years of age.",
            "We plan to recruit {pop} aged {lo} years or older.",
        ],
        "heldout": [
            "Eligible participants are {pop} {lo}–{hi} years of age.",
            "{Pop} aged {lo} through {hi} years will be included.",
            "The trial is open to {pop} who are at least {lo} yrs old and no older than {hi}.",
            "Participants must be ≥{lo} and ≤{hi} years of age.",
        ],
    },
    "criteria_age": {
        "tune": [
            "Age ≥ {lo} years",
            "Aged {lo} to {hi} years",
            "{lo} years of age or older at the time of screening",
            "Male or female, aged {lo}-{hi} years inclusive",
            "Age ≤ {hi} years",
        ],
        "heldout": [
            "Age >= {lo} yrs",
            "Patients {lo}–{hi} years old",
            "Between {lo} and {hi} years of age (inclusive)",
            "At least {lo} y/o at the time of consent",
            "Age: {lo} through {hi} years",
            "Men and women aged {lo} years and older",
        ],
    },
    # scope: (chapter, criterion text); a disease is used only if none of its chapter's words
    # appear in the record's conditions, keywords or titles
    "scope": {
        "tune": [
            ("eye", "Diagnosis of primary open-angle glaucoma with intraocular pressure ≥ 22 mmHg in at least one eye"),
            ("msk", "Documented diagnosis of gout with ≥2 flares in the past 12 months"),
            ("liver", "Child-Pugh class A cirrhosis"),
            ("kidney", "Biopsy-proven IgA nephropathy with proteinuria ≥ 1 g/day"),
            ("msk", "Rheumatoid arthritis meeting the 2010 ACR/EULAR classification criteria"),
            ("endo", "Type 2 diabetes with HbA1c between 7.0% and 10.0%"),
            ("skin", "Confirmed diagnosis of chronic plaque psoriasis with PASI ≥ 12"),
            ("neuro", "Relapsing multiple sclerosis diagnosed according to the 2017 McDonald criteria"),
            ("resp", "Moderate to severe COPD (GOLD stage 2 or 3) with post-bronchodilator FEV1/FVC < 0.70"),
            ("cancer", "Histologically confirmed HER2-positive metastatic breast cancer"),
            ("mental", "Major depressive disorder per DSM-5 with a HAM-D-17 score ≥ 20"),
            ("blood", "Transfusion-dependent beta-thalassemia"),
            ("heart", "Heart failure with reduced ejection fraction (LVEF ≤ 40%), NYHA class II-III"),
            ("neuro", "Idiopathic Parkinson's disease, Hoehn and Yahr stage 1 to 3"),
            ("ear", "Unilateral sudden sensorineural hearing loss of at least 30 dB"),
        ],
        "heldout": [
            ("eye", "Neovascular age-related macular degeneration confirmed by fluorescein angiography"),
            ("liver", "Biopsy-confirmed NASH with fibrosis stage F2-F3"),
            ("gut", "Moderately to severely active ulcerative colitis (Mayo score 6-12)"),
            ("kidney", "Chronic kidney disease stage 3b-4 (eGFR 15-44 mL/min/1.73 m²)"),
            ("skin", "Moderate-to-severe atopic dermatitis with EASI ≥ 16"),
            ("msk", "Knee osteoarthritis, Kellgren-Lawrence grade 2-3"),
            ("endo", "Graves' disease with elevated TSH-receptor antibodies"),
            ("neuro", "Episodic migraine with 4 to 14 migraine days per month"),
            ("resp", "Severe eosinophilic asthma with blood eosinophils ≥ 300 cells/µL"),
            ("cancer", "Stage III-IV epithelial ovarian cancer after primary debulking surgery"),
            ("mental", "Schizophrenia according to DSM-5 criteria, PANSS total score ≥ 70"),
            ("blood", "Severe hemophilia A (factor VIII activity < 1%)"),
            ("heart", "Persistent atrial fibrillation documented on 12-lead ECG"),
            ("infect", "Chronic hepatitis B with HBV DNA ≥ 2000 IU/mL"),
            ("neuro", "Generalized myasthenia gravis, MGFA class II-IV, with positive AChR antibodies"),
        ],
    },
}

# words that put a record in a chapter: a disease of that chapter would not be off-scope there
CHAPTER_WORDS = {
    "eye": "eye ocular glaucoma retin macul cornea uve vision visual cataract ophthalm myopia conjunctiv intraocular",
    "msk": "gout arthritis rheumat osteo lupus spondyl joint bone musculoskeletal fibromyalgia sclero sjögren sjogren",
    "liver": "liver hepat cirrho biliary cholang nafld nash steato fibrosis",
    "gut": "crohn colitis bowel ibd gastr digest colon intestin",
    "kidney": "kidney renal nephr glomerul dialysis urinary proteinuria",
    "skin": "psoria dermat eczema skin acne urticaria hidradenitis vitiligo alopecia",
    "endo": "diabet glyc insulin thyroid graves obes metabolic hba1c endocrin",
    "neuro": "sclerosis parkinson epilep seizure migraine headache alzheimer dementia neuro myasthenia brain",
    "resp": "asthma copd pulmonary lung respir bronch pneumon airway eosinophil",
    "cancer": "cancer tumor tumour carcinoma oncolog neoplasm lymphoma leukemia leukaemia myeloma malignan metasta sarcoma melanoma glioma",
    "mental": "depress anxiety schizophren bipolar psych mental mood",
    "blood": "anemia anaemia thalass sickle hemophilia haemophilia thrombocytop blood transfusion",
    "heart": "heart cardi coronary hypertens atrial fibrillation myocard vascular stroke arter",
    "ear": "hearing tinnitus otitis ear meniere cochlea deaf",
    "infect": "hepatitis hbv hiv infect viral virus",
}


# the later halves, each written by someone who did not read the rules, each in its own module
# (inject_wordings_fresh.py, inject_wordings_fresh2.py, inject_wordings_fresh3.py); the module also gives the half's
# extras: SUBLIST_LEAD, MIXED, age_fields, age_wording_fits
HALF_MODULES = {"fresh": fresh, "fresh2": fresh2, "fresh3": fresh3}
for _half, _mod in HALF_MODULES.items():
    for _key, _words in _mod.WORDINGS.items():
        if _key in WORDINGS:
            WORDINGS[_key][_half] = _words
CHAPTER_WORDS.update(fresh.FRESH_CHAPTER_WORDS)
CHAPTER_WORDS.update(fresh2.CHAPTER_WORDS)
CHAPTER_WORDS.update(fresh3.CHAPTER_WORDS)


def half_module(half: str):
    """The module of a later half; tune and held-out wordings use the fresh module's age helpers
    (their wordings use only {lo} and {hi}, so they are the same for them)."""
    return HALF_MODULES.get(half, fresh)


def marker(style: str, n: int) -> str:
    """A marker style with the number filled in ({n}; fresh2 styles also {N} {c} {p} {r} {R}; fresh3 also {u} {s} {d})."""
    return style.format(**fresh3.marker_fields(n))


def _marker_ok(w: "Work", top: int) -> Callable:
    """Marker styles that fit the format (backslash escapes only in v2 Markdown) and the list
    (circled / parenthesised number characters exist only up to 50 / 20, fresh3's shapes up to 10-20)."""
    return lambda s: (w.a.fmt == "v2" or "\\" not in s) and fresh3.marker_fits(s, top)


def pick_wording(key: str, half: str, rng: random.Random, ok: Callable = lambda w: True):
    pool = [w for w in WORDINGS[key][half] if ok(w)]
    return rng.choice(pool) if pool else None


# ---------------------------------------------------------------------------------------------
# operators
# ---------------------------------------------------------------------------------------------


@dataclass
class Work:
    """What an operator works on: the native record, its parsed criteria (for criteria
    operators, already in the base copy's rendering), the effective as-of date and the chosen
    wording half."""

    a: Adapter
    secs: list[Sec] | None
    numbered: bool
    as_of: tuple
    rng: random.Random
    half: str  # tune | heldout | fresh | fresh2 | fresh3


@dataclass
class Operator:
    name: str
    group: str  # numbering structure age scope timeline status
    family: str  # expected rule family: code prefix
    base: str  # orig (the round-tripped record) | R (criteria re-rendered) | N (criteria numbered)
    fn: Callable[[Work], str | None]
    wordings: str | None = None  # key into WORDINGS, if the operator has wordings
    doc: str = ""


def _pos(rng: random.Random, n: int) -> tuple[str, int]:
    """A position in a list of n items: first, middle or last."""
    where = rng.choice(["first", "middle", "last"])
    return where, {"first": 0, "middle": n // 2, "last": n - 1}[where]


def _numbered_target(w: Work, min_items: int = 3) -> Sec | None:
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= min_items]
    return w.rng.choice(cands) if cands else None


def _marker(w: Work, n: int) -> str:
    style = pick_wording("marker", w.half, w.rng, _marker_ok(w, n))
    return marker(style, n)


def _renumber(w: Work, seq_fn, min_items=3) -> str | None:
    sec = _numbered_target(w, min_items)
    if sec is None:
        return None
    style = pick_wording("marker", w.half, w.rng, _marker_ok(w, len(sec.items) + 2))  # start_at_2 may start at 3
    nums = seq_fn(len(sec.items))
    sec.labels = [marker(style, k) for k in nums]
    return f"{sec.header} numbered " + " ".join(sec.labels)


def op_start_at_2(w):
    start = w.rng.choice([2, 3])
    return _renumber(w, lambda n: range(start, start + n))


def op_duplicate_number(w):
    def seq(n):
        _, k = _pos(w.rng, n)
        k = max(k, 1)
        return [i + 1 if i < k else i for i in range(n)]  # 1 2 3 3 4 ...

    return _renumber(w, seq)


def op_skip_number(w):
    def seq(n):
        k = w.rng.randint(1, n - 1)
        return [i + 1 if i < k else i + 2 for i in range(n)]  # 1 2 4 5 ...

    return _renumber(w, seq)


def op_restart_numbering(w):
    def seq(n):
        k = w.rng.randint(2, n - 2)
        return [i + 1 for i in range(k)] + [i + 1 for i in range(n - k)]  # 1 2 3 1 2

    return _renumber(w, seq, min_items=4)


def op_sublist_like_parent(w):
    """Sub-items numbered in the parent list's own style and NOT indented, so they read as items of
    the main list: '3. Adequate organ function:' '1. Hemoglobin ...' '2. Platelets ...' '4. ...'.
    (Sub-lists indented under their parent are legitimate nesting; the held-out form puts the
    numbers on bullet lines, as pages render them: '- (1) Hemoglobin ...')."""
    sec = _numbered_target(w)
    if sec is None:
        return None
    _, k = _pos(w.rng, len(sec.items))
    it = sec.items[k]
    subs = it.subs or ["Hemoglobin ≥ 9 g/dL", "Platelets ≥ 100,000/µL", "Creatinine ≤ 1.5 × ULN"]
    style = pick_wording("marker", w.half, w.rng, _marker_ok(w, max(len(sec.items), len(subs))))
    if w.half in HALF_MODULES:
        lead = v2_escape(w.a.fmt, w.rng.choice(HALF_MODULES[w.half].SUBLIST_LEAD))
    else:
        lead = "" if w.half == "tune" else ("* " if w.a.fmt == "v2" else "- ")
    it.text = it.text + "\n" + "\n".join(f"{lead}{marker(style, i + 1)} {v2_escape(w.a.fmt, s)}" for i, s in enumerate(subs))
    it.subs = []
    sec.labels = [marker(style, i + 1) for i in range(len(sec.items))]
    return f"{sec.header} item {k + 1}: flush sub-items {lead}{marker(style, 1)}..{marker(style, len(subs))}"


def op_header_into_first_item(w):
    """A section header sharing its line with the section's first item ('Exclusion Criteria: 1. ...').
    Not where each section is a field of its own (ICTRP, DRKS): a label before the field's text is
    how those are written."""
    if getattr(w.a, "section_fields", False):
        return None
    cands = [s for s in w.secs or [] if s.header and s.items and s.items[0].text]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    labels = sec.labels or default_labels(sec, w.numbered, w.a.fmt)
    h = sec.header.rstrip(" :")
    low = h.lower()
    kind = "exclusion" if "exclu" in low else ("inclusion" if "inclu" in low else None)
    # wordings that re-word the header ({kind}, {elig}) only where the header says which section it is
    tmpl = pick_wording("header_first", w.half, w.rng, lambda t: kind is not None or not re.search(r"\{(?:kind|Kind|elig)\}", t))
    first = sec.items[0]
    merged = tmpl.format(
        h=h,
        H=h.upper(),
        kind=kind,
        Kind=(kind or "").capitalize(),
        elig="are not eligible" if kind == "exclusion" else "are eligible",
        label=labels[0],
        text=first.text,
    )
    sec.header = merged
    del sec.items[0]
    sec.labels = labels[1:]
    return merged[:120]


def op_lettered_duplicate(w):
    sec = _numbered_target(w, 4)
    if sec is None:
        return None
    style = pick_wording("letter", w.half, w.rng)
    n = len(sec.items)
    k = w.rng.randint(1, n - 2)
    letters = [chr(97 + min(i, 25)) for i in range(n)]
    letters[k] = letters[k - 1]  # a. b. b. d.
    sec.labels = [style.format(a=c, A=c.upper()) for c in letters]
    return f"{sec.header} lettered " + " ".join(sec.labels)


def op_mixed_markers(w):
    """'1.' items with some '2)' items (or '(3)') among them."""
    sec = _numbered_target(w, 4)
    if sec is None:
        return None
    if w.half in HALF_MODULES:
        other = w.rng.choice(HALF_MODULES[w.half].MIXED)
    else:
        other = w.rng.choice(["{n})", "({n})"] if w.half == "tune" else ["{n}:", "{n}-"])
    n = len(sec.items)
    ks = set(w.rng.sample(range(1, n), k=max(1, n // 3)))
    sec.labels = [marker(other if i in ks else "{n}.", i + 1) for i in range(n)]
    return f"{sec.header} markers " + " ".join(sec.labels)


def op_remove_exclusion_header(w):
    exc = section(w.secs or [], "exclusion")
    if exc is None or not exc.items or section(w.secs, "inclusion") is None:
        return None
    old = exc.header
    exc.header = None
    return f"removed header {old!r}"


def op_merge_header_into_item(w):
    inc, exc = section(w.secs or [], "inclusion"), section(w.secs or [], "exclusion")
    if inc is None or exc is None or not inc.items or not exc.items:
        return None
    tmpl = pick_wording("merged_header", w.half, w.rng)
    last = inc.items[-1]
    last.text = tmpl.format(prev=last.text.rstrip(" .;"))
    exc.header = None
    return last.text[-80:]


def op_run_together(w):
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= 3]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    labels = sec.labels or default_labels(sec, w.numbered, w.a.fmt)
    k = w.rng.randint(0, len(sec.items) - 2)
    a, b = sec.items[k], sec.items[k + 1]
    if a.subs:
        return None
    tmpl = pick_wording("run_together", w.half, w.rng)
    a.text = tmpl.format(a=a.text.rstrip(" .;,"), label=labels[k + 1], b=b.text)
    a.subs = b.subs
    del sec.items[k + 1]
    sec.labels = labels[: k + 1] + labels[k + 2 :]
    return a.text[:120]


def op_empty_item(w):
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= 2]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    where, k = _pos(w.rng, len(sec.items) + 1)
    sec.items.insert(k, Item(""))
    sec.labels = None
    return f"empty item at {where} of {sec.header}"


# --- age ---


def _years(s: str | None) -> float | None:
    m = re.match(r"\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)", s or "", re.IGNORECASE)
    if not m:
        return None
    return float(m[1]) / {"y": 1, "m": 12, "w": 52, "d": 365}[m[2][0].lower()]


def _age_bounds(w: Work):
    mn, mx = _years(w.a.get("min_age")), _years(w.a.get("max_age"))
    if mn is None or mn < 1 or (mx is not None and mx < mn + 5):
        return None
    return int(mn), (int(mx) if mx is not None else None)


def _contradicting_range(w: Work):
    """(lo, hi) with lo at least 5 years away from the structured minimum: narrower, wider or
    shifted; hi away from the structured maximum (or any hi when there is no maximum)."""
    b = _age_bounds(w)
    if b is None:
        return None
    mn, mx = b
    d = w.rng.choice([5, 6, 8, 10, 12])
    kind = w.rng.choice(["narrower", "wider", "shifted"])
    if kind == "wider" and mn - d >= 1:
        lo, hi = mn - d, (mx + d if mx else mn + 50)
    elif kind == "narrower":
        lo, hi = mn + d, (mx - d if mx else mn + d + 40)
    else:
        kind = "shifted"
        lo, hi = mn + d, (mx + d if mx else mn + d + 45)
    if hi - lo < 5:
        hi = lo + 10
    return lo, hi, kind


def _pop(lo, hi, rng):
    pool = ["patients", "participants"]
    if lo >= 18:
        pool += ["adults", "men and women"]
    if hi <= 17:
        pool = ["children", "pediatric patients"]
    return rng.choice(pool)


def op_summary_age(w):
    r = _contradicting_range(w)
    if r is None:
        return None
    lo, hi, kind = r
    slot = w.rng.choice(["summary", "summary", "description"])
    text = w.a.get(slot)
    if not text:
        slot, text = "summary", w.a.get("summary")
        if not text:
            return None
    pop = _pop(lo, hi, w.rng)
    mod = half_module(w.half)
    tmpl = pick_wording("summary_age", w.half, w.rng, lambda t: mod.age_wording_fits(t, lo, hi))
    sent = tmpl.format(pop=pop, Pop=pop[0].upper() + pop[1:], **mod.age_fields(lo, hi))
    sent = v2_escape(w.a.fmt, sent)
    where = w.rng.choice(["start", "end"])
    w.a.set(slot, f"{sent} {text}" if where == "start" else f"{text.rstrip()} {sent}")
    return f"{slot} ({where}, {kind}): {sent}"


_AGE_STATED = re.compile(
    r"(?i)(\bage[sd]?\b|years? old|years? of age|\byrs\b|y/o|\badults?\b|\bchild|\bpediatric|\bpaediatric|\binfants?\b|\bneonat)"
)


def op_criteria_age(w):
    """An inclusion age limit that the structured ages contradict, in criteria that state no age
    (where they state one that agrees, the rule lets the agreeing one win by design: cohorts)."""
    r = _contradicting_range(w)
    inc = section(w.secs or [], "inclusion")
    if r is None or inc is None or not inc.items or _AGE_STATED.search(w.a.get("criteria") or ""):
        return None
    lo, hi, kind = r
    mn, mx = _age_bounds(w)
    mod = half_module(w.half)
    tmpl = pick_wording("criteria_age", w.half, w.rng, lambda t: mod.age_wording_fits(t, lo, hi))
    if "{lo" not in tmpl:  # one-sided upper limit: must differ from the structured maximum
        hi = (mx - w.rng.choice([5, 10])) if mx else w.rng.choice([60, 65, 70, 75])
        if hi <= mn + 2:
            return None
    text = v2_escape(w.a.fmt, tmpl.format(**mod.age_fields(lo, hi)))
    where, k = _pos(w.rng, len(inc.items) + 1)
    if w.rng.random() < 0.3 and inc.items:  # appended to an existing item
        k = min(k, len(inc.items) - 1)
        inc.items[k].text = f"{inc.items[k].text.rstrip(' .;')}; {text[0].lower()}{text[1:]}"
        return f"appended to inclusion item {k + 1} ({kind}): {text}"
    inc.items.insert(k, Item(text))
    return f"inclusion item at {where} ({kind}): {text}"


def op_criteria_age_changed(w):
    """The criteria's own statement of the structured minimum age gets another number, the way a
    typo or a protocol amendment not carried to the structured field does ('≥ 18' -> '≥ 25')."""
    b = _age_bounds(w)
    inc = section(w.secs or [], "inclusion")
    if b is None or inc is None:
        return None
    mn = b[0]
    pat = re.compile(
        rf"(?i)((?:≥|>=|\\>=|>|\\>|at least|aged?|older than|over|between)\s*){mn}(?![\d.,])"
        rf"|(?<![\d.,]){mn}(?=\s*(?:\+|years|yrs|year|y/o|-year|\s*(?:-|–|to|and)\s*\d))"
    )
    for it in inc.items:
        m = next(
            (
                m
                for m in pat.finditer(it.text)  # an age, not a BMI or a lab value: age words nearby
                if re.search(r"(?i)\bage|year|yrs|y/o|\bold\b", it.text[max(m.start() - 25, 0) : m.end() + 25])
            ),
            None,
        )
        if m:
            new = mn + w.rng.choice([3, 4, 7, 12]) if mn < 60 else mn - 5
            old = it.text
            it.text = it.text[: m.start()] + m.group(0).replace(str(mn), str(new)) + it.text[m.end() :]
            a = max(m.start() - 30, 0)
            return f"{old[a : m.end() + 30]!r} -> {it.text[a : m.end() + 30]!r} (structured min {mn})"
    return None


def op_min_above_max(w):
    b = _age_bounds(w)
    if b is None or b[1] is None:
        return None
    new = b[1] + w.rng.choice([5, 10, 20])
    w.a.set("min_age", f"{new} Years")
    return f"minimum age {new} Years > maximum {w.a.get('max_age')}"


def op_remove_min_age(w):
    b = _age_bounds(w)
    crit = w.a.get("criteria") or ""
    if b is None or not re.search(
        rf"(?<![\d.]){b[0]}\s*(?:years|yrs|year|y/o|\+)|(?:≥|>=|\\>=|at least|aged?|older than)\s*{b[0]}\b", crit, re.IGNORECASE
    ):
        return None
    w.a.set("min_age", None)
    return f"removed minimum age {b[0]} Years (criteria state it)"


# --- scope ---


def op_scope(w):
    inc = section(w.secs or [], "inclusion")
    ctext = w.a.conditions_text()
    if inc is None or not inc.items or not ctext.strip():
        return None
    crit = (w.a.get("criteria") or "").lower()
    pool = [(ch, t) for ch, t in WORDINGS["scope"][w.half] if not any(word in ctext or word in crit for word in CHAPTER_WORDS[ch].split())]
    if not pool:
        return None
    ch, text = w.rng.choice(pool)
    text = v2_escape(w.a.fmt, text)
    where, k = _pos(w.rng, len(inc.items) + 1)
    if w.rng.random() < 0.25:
        k = min(k, len(inc.items) - 1)
        inc.items[k].text = f"{inc.items[k].text.rstrip(' .;')}; and {text[0].lower()}{text[1:]}"
        return f"[{ch}] appended to inclusion item {k + 1}: {text}"
    inc.items.insert(k, Item(text))
    return f"[{ch}] inclusion item at {where}: {text}"


# --- timeline ---

_FINAL_RULE = (2017, 1, 18)
_FDAAA = (2007, 12, 26)
_ENDED = {"COMPLETED", "TERMINATED", "WITHDRAWN", "UNKNOWN"}
_EXPANDED_ACCESS = {"AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD"}


def _remove_date(slot):
    def fn(w: Work):
        if slot == "first_submitted":
            return _remove_first_dates(w)
        d, _ = w.a.get_date(slot) if w.a.has(slot) else (None, None)
        if d is None or w.a.status() in _EXPANDED_ACCESS:
            return None  # expanded-access records are not asked for start or completion dates
        if slot in ("primary_completion", "completion"):
            lu, _ = w.a.get_date("last_update")
            if lu is None or as_date(lu) < as_date(_FINAL_RULE):
                return None  # not required for records last updated before the Final Rule
            if w.a.status() in _ENDED:
                # nor for studies that ended before FDAAA: judged by the latest date left
                left = [w.a.get_date(s)[0] for s in ("completion", "primary_completion", "start") if s != slot]
                latest = next((x for x in left if x is not None), d)
                if as_date(latest) < as_date(_FDAAA) or as_date(d) < as_date(_FDAAA):
                    return None
        w.a.set_date(slot, None, None)
        return f"removed {slot} ({w.a.status()})"

    fn.__name__ = f"op_remove_{slot}"
    return fn


def _remove_first_dates(w: Work):
    """The first submitted AND first posted dates: the registry accepts either as proof of
    registration (a CSV export only has the posted one), so removing one alone is no defect."""
    gone = [s for s in ("first_submitted", "first_posted") if w.a.has(s) and w.a.get_date(s)[0] is not None]
    if not gone:
        return None
    for s in gone:
        w.a.set_date(s, None, None)
    return f"removed {' and '.join(gone)} ({w.a.status()})"


def op_out_of_order(w):
    s, _ = w.a.get_date("start")
    slot = w.rng.choice(["completion", "primary_completion"])
    d, t = w.a.get_date(slot)
    if s is None or d is None:
        return None
    new = add_months(s, -w.rng.choice([6, 12, 24]))
    w.a.set_date(slot, new, t)
    return f"{slot} {new} before start {s}"


def op_actual_in_future(w):
    if w.a.fmt == "csv":
        return None
    if not w.a.has_types:  # no actual / anticipated: only a registration date can be impossible in the future
        slot = "first_submitted"
    else:
        slot = w.rng.choice(["start", "first_submitted"])
    d, _ = w.a.get_date(slot)
    if d is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], 15), w.rng.choice([8, 14, 30]))
    w.a.set_date(slot, new, "ACTUAL")
    return f"{slot} {new} (actual) after as-of {w.as_of}"


def op_estimated_in_past(w):
    if not w.a.has_types or w.a.status() not in ACTIVE:
        return None
    slot = w.rng.choice(["primary_completion", "start"] if w.a.status() == "NOT_YET_RECRUITING" else ["primary_completion"])
    new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([18, 30, 48]))
    w.a.set_date(slot, new, "ESTIMATED")
    return f"{slot} {new} (estimated) for a {w.a.status()} record as of {w.as_of}"


# --- status ---


def op_completed_future_completion(w):
    if w.a.status() != "COMPLETED" or w.a.get_date("completion")[0] is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], None), w.rng.choice([12, 24, 36]))
    w.a.set_date("completion", new, "ESTIMATED")
    return f"COMPLETED with completion {new} (anticipated), as-of {w.as_of}"


def op_recruiting_past_completion(w):
    st = w.a.status()
    c, t = w.a.get_date("completion")
    if st == "RECRUITING" and c is not None:
        new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([24, 36, 60]))
        w.a.set_date("completion", new, t and "ESTIMATED")
        return f"RECRUITING with completion moved to {new}"
    if st == "COMPLETED" and c is not None and as_date(c) < as_date(add_months(w.as_of, -24)):
        w.a.set_status("RECRUITING")
        return f"status COMPLETED -> RECRUITING, completion {c}"
    return None


def op_stopped_without_reason(w):
    if w.a.fmt == "csv" or not w.a.has("why_stopped"):  # a format with no reason field cannot lack one
        return None
    st = w.a.status()
    if st in ("TERMINATED", "WITHDRAWN", "SUSPENDED") and w.a.get("why_stopped"):
        w.a.set("why_stopped", None)
        return f"{st}: why-stopped removed"
    if st == "COMPLETED" and not w.a.get("why_stopped"):
        new = w.rng.choice(["TERMINATED", "SUSPENDED"])
        w.a.set_status(new)
        return f"status COMPLETED -> {new}, no why-stopped"
    return None


def op_stale_verified(w):
    if w.a.fmt == "csv" or w.a.status() not in ACTIVE:
        return None
    d, _ = w.a.get_date("verified")
    if d is None:
        return None
    new = add_months((w.as_of[0], w.as_of[1], None), -w.rng.choice([36, 60, 96]))
    w.a.set_date("verified", new, None)
    return f"{w.a.status()}: status verified {new}, as-of {w.as_of}"


OPERATORS: list[Operator] = [
    Operator("start_at_2", "numbering", "TA1", "N", op_start_at_2, "marker", "a list numbered from 2 or 3"),
    Operator("duplicate_number", "numbering", "TA1", "N", op_duplicate_number, "marker", "one number used twice (1 2 2 3)"),
    Operator("skip_number", "numbering", "TA1", "N", op_skip_number, "marker", "one number skipped (1 2 4 5)"),
    Operator("restart_numbering", "numbering", "TA1", "N", op_restart_numbering, "marker", "numbering starts again at 1 inside a section"),
    Operator(
        "sublist_like_parent",
        "numbering",
        "TA1",
        "N",
        op_sublist_like_parent,
        "marker",
        "sub-items numbered in the parent's style, not indented",
    ),
    Operator("lettered_duplicate", "numbering", "TA1", "N", op_lettered_duplicate, "letter", "a lettered list a. b. b. d."),
    Operator(
        "mixed_markers",
        "numbering",
        "TA1",
        "N",
        op_mixed_markers,
        "mixed",
        "'n.' items mixed with 'n)' / '(n)' (tune) or 'n:' / 'n-' (held-out)",
    ),
    Operator(
        "remove_exclusion_header", "structure", "TA1", "R", op_remove_exclusion_header, None, "the 'Exclusion Criteria:' header deleted"
    ),
    Operator(
        "merge_header_into_item",
        "structure",
        "TA1",
        "R",
        op_merge_header_into_item,
        "merged_header",
        "the exclusion header run into the end of the last inclusion item",
    ),
    Operator(
        "header_into_first_item",
        "structure",
        "TA1",
        "R",
        op_header_into_first_item,
        "header_first",
        "a section header on the same line as the section's first item",
    ),
    Operator(
        "run_together", "structure", "TA1", "R", op_run_together, "run_together", "two items on one line, the second keeping its marker"
    ),
    Operator("empty_item", "structure", "TA1", "R", op_empty_item, None, "a marker with no text (first / middle / last)"),
    Operator(
        "summary_age",
        "age",
        "TA2",
        "orig",
        op_summary_age,
        "summary_age",
        "an eligibility age range in the brief summary or description that the structured ages contradict",
    ),
    Operator(
        "criteria_age",
        "age",
        "TA2",
        "R",
        op_criteria_age,
        "criteria_age",
        "an inclusion age limit the structured ages contradict, in criteria stating no age (own item or appended)",
    ),
    Operator(
        "criteria_age_changed",
        "age",
        "TA2",
        "R",
        op_criteria_age_changed,
        None,
        "the criteria's statement of the structured minimum age changed by 3-12 years",
    ),
    Operator("min_above_max", "age", "TA2", "orig", op_min_above_max, None, "structured minimum age above the maximum"),
    Operator(
        "remove_min_age", "age", "TA2", "orig", op_remove_min_age, None, "structured minimum age removed while the criteria state one"
    ),
    Operator("scope_disease", "scope", "TA3", "R", op_scope, "scope", "an inclusion criterion requiring a disease of another organ system"),
    Operator("remove_start", "timeline", "TA4", "orig", _remove_date("start"), None, "start date removed"),
    Operator(
        "remove_primary_completion",
        "timeline",
        "TA4",
        "orig",
        _remove_date("primary_completion"),
        None,
        "primary completion date removed (records updated since 2017-01-18)",
    ),
    Operator(
        "remove_completion",
        "timeline",
        "TA4",
        "orig",
        _remove_date("completion"),
        None,
        "completion date removed (records updated since 2017-01-18)",
    ),
    Operator(
        "remove_first_submitted",
        "timeline",
        "TA4",
        "orig",
        _remove_date("first_submitted"),
        None,
        "first-submitted and first-posted dates removed",
    ),
    Operator("out_of_order", "timeline", "TA4", "orig", op_out_of_order, None, "(primary) completion 6-24 months before the start"),
    Operator(
        "actual_in_future",
        "timeline",
        "TA4",
        "orig",
        op_actual_in_future,
        None,
        "start or first-submitted date marked actual, 8-30 months after as-of",
    ),
    Operator(
        "estimated_in_past",
        "timeline",
        "TA4",
        "orig",
        op_estimated_in_past,
        None,
        "an anticipated date 18-48 months before as-of on an active record",
    ),
    Operator(
        "completed_future_completion",
        "status",
        "TA4",
        "orig",
        op_completed_future_completion,
        None,
        "Completed with an anticipated completion 1-3 years after as-of",
    ),
    Operator(
        "recruiting_past_completion",
        "status",
        "TA4",
        "orig",
        op_recruiting_past_completion,
        None,
        "Recruiting with completion 2-5 years before as-of (or a long-completed record set to Recruiting)",
    ),
    Operator(
        "stopped_without_reason",
        "status",
        "TA4",
        "orig",
        op_stopped_without_reason,
        None,
        "Terminated / Withdrawn / Suspended with why-stopped removed (or Completed set to Terminated / Suspended)",
    ),
    Operator(
        "stale_verified",
        "status",
        "TA4",
        "orig",
        op_stale_verified,
        None,
        "an active record whose status was last verified 3-8 years before as-of",
    ),
]
BY_NAME = {o.name: o for o in OPERATORS}
