"""Band words that restrict who takes part: "adults", "children", "infants", "elderly".

Returned as band statements (``kind == "band"``) only where the text restricts eligibility: an
inclusion item that starts with the word, or "in adults with", "enrol children" in prose.
"""

from __future__ import annotations

import re

from trial_audit.text.age_patterns import (
    _CLAIM,
    _DOSING,
    _EPIDEMIOLOGY,
    _find_all,
    lower_keeping_offsets,
)
from trial_audit.text.age_phrases import (
    StatedAge,
)
from trial_audit.text.age_scope import under_other_person_item

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


def find_bands(text: str, mode: str = "prose", start: int = 0, end: int | None = None) -> tuple[StatedAge, ...]:
    """Band words that restrict eligibility ("in adults with ...", an inclusion item "Adults with ...")."""
    if not text:
        return ()
    end = len(text) if end is None else end
    out = []
    if mode == "prose":
        low = lower_keeping_offsets(text)
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
            if _BAND_NOT_AFTER.match(text[m.end() : m.end() + 30]) or _BAND_LABEL.match(text, m.end(), end):
                continue
            bs = m.start(band)
            if m.start(band) == ls + len(text[ls:bs]) - len(text[ls:bs].lstrip()) and _continues_previous_line(text, ls, start):
                continue  # "... pregnant women ... and their\ninfants.": a hard line wrap, not an item
            if under_other_person_item(text, bs):
                continue  # "No close contact or household contact with ...:" / "- Children under age 5": other people
            out.append(StatedAge(bs, m.end(), text[bs : m.end()], None, None, "band", mode, band=band))
    return tuple(out)


# a label of a sub-group's part of an item: "Infants - Drug treatment for signs of drug withdrawal", "Children: ..."
_BAND_LABEL = re.compile(r"[^\S\n]*(?:[-–—:][^\S\n]|:$)")
# the end of a line that runs on into the next one (a legacy record's hard wrap): a word or a comma, no full stop or colon
_RUNS_ON = re.compile(r"[A-Za-z,][^\S\n]*$")


def _continues_previous_line(text: str, ls: int, lo: int) -> bool:
    """True when the line at ls is the wrapped rest of the previous line's sentence (no blank line between)."""
    if ls <= lo or text[ls - 1] != "\n":
        return False
    prev_start = text.rfind("\n", lo, ls - 1) + 1
    prev = text[max(lo, prev_start) : ls - 1]
    return bool(prev.strip()) and bool(_RUNS_ON.search(prev))


def _line_starts(text: str, start: int, end: int):
    yield start
    i = text.find("\n", start, end)
    while i != -1:
        yield i + 1
        i = text.find("\n", i + 1, end)
