"""Age and condition-scope operators of the defect-injection benchmark (benchmarks/inject_ops.py):
eligibility ages in the summary or the criteria that the structured ages contradict, changed or
removed structured ages, and an inclusion criterion requiring a disease of another specialty.
"""

from __future__ import annotations

import re

from inject_criteria_model import Item, section, v2_escape
from inject_op_types import Work, position
from inject_wordings import CHAPTER_WORDS, WORDINGS, half_module, pick_wording

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
    where, k = position(w.rng, len(inc.items) + 1)
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
    where, k = position(w.rng, len(inc.items) + 1)
    if w.rng.random() < 0.25:
        k = min(k, len(inc.items) - 1)
        inc.items[k].text = f"{inc.items[k].text.rstrip(' .;')}; and {text[0].lower()}{text[1:]}"
        return f"[{ch}] appended to inclusion item {k + 1}: {text}"
    inc.items.insert(k, Item(text))
    return f"[{ch}] inclusion item at {where}: {text}"
