"""The ``fresh4`` sixth of the defect-injection wordings (``--wordings fresh4``).

Written on 2026-12-08 by a benchmark author who did not read the rules (checks/, audit/text/,
docs/rules*.md), after the ``fresh3`` half had been measured, merged and seen by the people tuning
them: it stands in for the wordings users will bring. Every wording differs from every wording of
the tune, held-out, fresh, fresh2 and fresh3 halves (not a case, spacing or punctuation variant of
one) and deliberately takes shapes those halves do not: roman numerals in parentheses, lenticular
and tortoise-shell brackets, "No. 1" and "Criterion 1:" markers, Persian digits (IRCT), dingbat
circled digits, the degree sign used as an ordinal; headers of EU CTR ("Principal ..."), summaries
of protocols, numbered protocol sections, Markdown underscores, label glued to text, items glued
with no separator at all; summary ages in apposition, in parentheses, fronted participles, "in
adults 40-75", "over-65s", interval notation, JPRN's "≧" and "20 years or older and younger than
75", weeks and days for infants; requirements for everyone from 50 disease groups (tropical and
parasitic infections, occupational lung disease, voice, breast, male reproductive, adrenal,
pituitary, prion, autoimmune eye, sports injuries, metabolic bone, addiction, fungal infections,
...) with lay names ("glandular fever", "shin splints", "bedwetting"), eponyms, British spellings,
abbreviations with and without expansions, staging, scores, histology, laboratory and imaging
findings; outcome titles and time frames in shapes the earlier halves lack.

**Rule developers: never read this file.** inject_ops.py and inject_ops_outcomes.py merge it into
their ``WORDINGS`` under the key ``fresh4``; the benchmark's Markdown never quotes a fresh4 wording
(its ``--json`` does: keep that file to yourself).
"""

from __future__ import annotations

import inject_wordings_fresh3 as fresh3
from inject_wordings_fresh import ordinal, spelled
from inject_wordings_fresh4_scope import CHAPTER_WORDS, SCOPE

# --- numbering ---------------------------------------------------------------------------------
# {n} number; the earlier halves' shapes ({N} full-width, {c} circled, {p} parenthesised, {r} {R}
# roman, {u} Unicode roman, {s} number with full stop, {d} negative circled) and this half's {e}
# Persian digits (۱ ۲ ۳, IRCT records pasted from Persian word processors) and {k} dingbat
# circled sans-serif digits (➀, up to 10). marker_fields() fills them, marker_fits() says which fit.

MARKER = [
    "({r})",  # (i) (ii) (iii): protocol-style lists
    "({R})",  # (I) (II) (III)
    "【{n}】",  # lenticular brackets (ChiCTR)
    "〔{n}〕",  # tortoise-shell brackets (JPRN)
    "No. {n}",  # "No. 1 ..." (Chinese-English)
    "Criterion {n}:",  # protocol text pasted into the registry
    "{N}．",  # full-width digit and full-width full stop (JPRN)
    "{N}）",  # full-width digit and full-width parenthesis
    "{e}.",  # Persian digits (IRCT)
    "{n}°",  # degree sign typed as an ordinal (Italian, Spanish registrants)
    "{k}",  # dingbat circled digits (word-processor bullets)
    "{n}>",  # "1> ..." (legacy Chinese and Korean lists)
]
LETTER = ["[{A}]", "{A}:", "({a}).", "* {a})", "【{A}】", "{a}．", "{A} -", "- ({a})", "{a}>"]
# mixed_markers: items of an "n." list written in another style
MIXED = ["【{n}】", "{n}>", "No.{n}", "{n}°", "{n}):", "{n};", "〔{n}〕", "({n}]"]
# sublist_like_parent: what precedes the flush sub-item numbers
SUBLIST_LEAD = ["● ", "▸ ", "□ ", "— ", "⁃ ", "➤ ", "◇ ", "~ "]

# --- structure ---------------------------------------------------------------------------------
# merged_header: {prev} is the last inclusion item
MERGED_HEADER = [
    "{prev}; key exclusion criteria include:",
    "{prev}. The following patients will be excluded:",
    "{prev} -- Exclusion criteria apply as follows:",
    "{prev}. Participants will not be enrolled if any of the following apply:",
    "{prev}. Persons with any of the following conditions are not eligible:",
    "{prev}. **Exclusion criteria (all participants):**",  # v2 Markdown bold, glued to the item
    "{prev}. Who is not able to take part?",  # ISRCTN plain-English field
    "{prev}. Exclusion criteria of the study:",
    "{prev}. EXCLUSION CRITERIA FOR PARTICIPANTS:",
    "{prev}. Patients meeting one or more of the following criteria are excluded:",
    "{prev}. Excluded are patients with:",  # German-English word order
    "{prev}. Subjects must not meet any of the following:",
    "{prev}, excluded will be:",
    "{prev}. Exclusion criteria at screening:",
    "{prev}. Contra-indications to participation:",
    "{prev}. Exclusion criteria - the patient will not be included if:",
]
# header_first: {h} the section's header, {H} upper case; {kind} / {Kind} inclusion or exclusion,
# {elig} "are eligible" / "are not eligible" (only where the header says which section it is)
HEADER_FIRST = [
    "Principal {kind} criteria: {label} {text}",  # EU CTR field label
    "Summary of {kind} criteria: {label} {text}",
    "{h}.- {label} {text}",
    "{h}: {label}{text}",  # the marker glued to the item's text too
    "Criteria for {kind} of participants: {label} {text}",
    "The {kind} criteria for this trial are: {label} {text}",
    "II. {Kind} criteria. {label} {text}",  # numbered protocol section
    "Subjects {elig} for this study if they meet the following: {label} {text}",
    "{h} / {label} {text}",
    "__{h}__ {label} {text}",  # Markdown underscores
    "{Kind} criteria comprise: {label} {text}",
    "{Kind} criteria checked at screening: {label} {text}",
    "{h} (see protocol for details) {label} {text}",
    "Most important {kind} criteria: {label} {text}",
    "Study {kind} criteria:{label} {text}",
]
# run_together: {a} the item, {label} the next item's marker, {b} its text
RUN_TOGETHER = [
    "{a}{label} {b}",  # a lost line break, nothing between
    "{a}; or {label} {b}",
    "{a} – {label} {b}",  # en dash
    "{a}. And {label} {b}",
    "{a} as well as {label} {b}",
    "{a} or {label} {b}",
    "{a}. Also, {label} {b}",
    "{a}… {label} {b}",  # Unicode ellipsis
    "{a} + {label} {b}",
    "{a} ; {label} {b}",  # space before the semicolon
    "{a}；and {label} {b}",  # full-width semicolon and "and" (Chinese-English)
    "{a}; {label}{b}",  # the marker glued to the next item's text
    "{a} ~ {label} {b}",
    "{a}, plus {label} {b}",
]

# --- ages: {lo} {hi}; {lo_w} {hi_w} written out, {Lo_w} {Hi_w} capitalised; {lo_m} {hi_m} months;
# {lo_wk} weeks, {lo_d} days (infants only); {lo_ord} {hi_ord} "18th"; age_wording_fits() keeps
# each wording to ranges it reads right for -------------------------------------------------------

SUMMARY_AGE = [
    "The participants, {pop} aged {lo} to {hi} years, will be recruited from two hospitals.",  # apposition
    "In {pop} {lo}–{hi} years of age, we will compare two dosing schedules.",
    "Participants will be {lo} or older.",
    "{Pop} ({lo}–{hi} years) with a confirmed diagnosis will be enrolled.",
    "Children ({lo_m} months to {hi} years) attending the clinics will be enrolled.",  # small children
    "Elderly people (≥ {lo} years) living in the community will be invited.",  # older people only
    "Postmenopausal women {lo}–{hi} years old will be randomised to one of two arms.",
    "Aged between {lo} and {hi} years, the {pop} will be assigned to one of two groups.",  # fronted participle
    "Anyone aged {lo} or over may volunteer.",
    "Recruitment is open to individuals of {lo} years and upwards.",
    "{Pop} up to {hi} years of age are being sought.",  # upper limit only
    "Patients are eligible if they are between {lo_w} and {hi_w} years old.",
    "The age criterion is {lo}–{hi} years.",
    "Age of participants: minimum {lo}, maximum {hi}.",
    "Men and women in the {lo}-to-{hi} age bracket will be enrolled.",
    "All {pop} who have passed their {lo_ord} birthday and are younger than {hi} may take part.",
    "We aim to recruit 200 {pop}, {lo}-{hi} yrs, from primary care.",
    "A cohort of {pop} over the age of {lo} will be followed for 12 months.",
    "Subjects of both sexes with age between {lo} and {hi} years shall be enrolled.",  # Indian English
    "The participants should be in the age range of {lo} years to {hi} years.",
    "{Pop} aged {lo} years old to {hi} years old (inclusive) will be selected.",  # Chinese-English
    "Age {lo}～{hi} years old, male or female are all eligible.",  # full-width tilde
    "Those {lo} years and older are welcome to participate.",
    "Eligible ages range from {lo} (inclusive) to {hi} (exclusive).",
    "Adolescents aged {lo} to {hi} will complete the programme at school.",  # teenagers only
    "Target age group: {lo} yrs and above.",
    "The study is restricted to participants younger than {hi}.",  # upper limit only
    "{Pop} — aged {lo} to {hi} — will be enrolled at four sites.",  # em-dash apposition
    "{Pop} aged {lo_w} and over will be asked to join.",
    "It will include {pop} whose age is from {lo} to {hi} years.",
    "This randomised controlled trial, conducted in {pop} aged {lo} to {hi} years, compares two strategies.",
    "After screening, {pop} {lo} to {hi} years old will be randomised 1:1.",
    "Over-{lo}s registered with a participating practice will be invited by letter.",  # British
]
CRITERIA_AGE = [
    "Over-{lo}s registered with a participating general practice",  # British: "over-65s"
    "Patient age {lo} - {hi} (years)",
    "Age within [{lo}, {hi}] years",  # interval notation
    "Age between {lo}-{hi} yrs.",  # Indian English
    "Aged no less than {lo} and no more than {hi} years",
    "Aged {lo} or more, up to and including {hi}",
    "At least {lo_wk} weeks old at the first vaccination",  # infants and toddlers only
    "Children aged {lo_d} days to {hi} years",  # infants and children only
    "{hi} years of age or under",  # upper limit only
    "Not over {hi} years old",  # upper limit only
    "Age on day of screening: {lo} years and upward",
    "Patients with age more than or equal to {lo} years",  # Indian English
    "Aged {lo} (inclusive) to {hi} (inclusive) years",
    "Any sex, aged {lo} to {hi}",
    "Age range {lo}–{hi} y",
    "Adult (≥ {lo} years old) men or women",  # adults only
    "Aged {lo} years and over (older adults)",  # older people only
    "Postmenopausal women aged {lo} to {hi} years",
    "Children and adolescents aged {lo} to {hi} years",  # children only
    "Between their {lo_ord} and {hi_ord} birthdays at enrolment",
    "Age: {lo} yrs & above",
    "Aged under {hi} at the time of enrolment",  # upper limit only
    "{Lo_w} to {hi_w} years old at inclusion",
    "Age: {lo} and up",
    "Male and female participants between {lo} and {hi} years old at screening",
    "Chronological age {lo}-{hi} years",
    "Age (in years) between {lo} and {hi}, inclusive of both",
    "Subject age ⩾ {lo} years on the day of consent",  # slanted comparator pasted from LaTeX / Word equations
    "Patients whose age is ≧ {lo} years at registration",  # JPRN's comparator
    "Age {lo} years or older and younger than {hi} years at the time of informed consent",  # JPRN
    "{Hi_w} years old or younger",  # upper limit only, written out
    "People aged {lo} plus",
]

# --- scope: (chapter key, a requirement for everyone from another specialty) and each chapter's
# words, in their own module to keep this one short --------------------------------------------

# --- outcome measures (inject_ops_outcomes.WORDINGS) -------------------------------------------

OUTCOME = {
    "domain": [
        "Response to therapy",
        "Primary efficacy variable",
        "Efficacy assessment",
        "Drug safety",
        "Treatment success",
        "Impact of the programme",
        "Outcome of surgery",
        "Therapeutic effect evaluation",
        "Degree of improvement",
        "Efficacy parameters",
        "Health outcomes",
        "Tolerance",
    ],
    "bare_time": [
        "9",
        "16",
        "0–26",
        "3; 6; 12",
        "12 & 24",
        "1 through 8",
        "0-4-8-12",
        "Up to 20",
        "Between 6 and 12",
        "At 3",
        "Baseline, 6, 12",
        "180",
    ],  # fmt: skip
    "vague_time": [
        "Before and after the intervention",
        "Until discharge",
        "Till recovery",
        "Until disease progression",
        "At follow-up",
        "Intermittently",
        "Daily",
        "From enrolment to end of treatment",
        "After the treatment course",
        "Per protocol",
        "Unknown",
    ],
    "abbreviation": ["DFS", "NRS", "TUG", "AHI", "EQ-5D-5L", "DLQI", "mRS 0–2", "Cmax", "Δ BASDAI", "FIB-4", "TTR", "PGIC"],
    "two_measures": [
        "Change in body weight as well as waist circumference",
        "Objective response rate + disease control rate",
        "HbA1c together with fasting insulin",
        "Incidence of hypotension and of bradycardia",
        "Recurrence rate, complication rate, patient satisfaction",
        "Hb level (g/dL); serum ferritin (µg/L)",
        "A. Time to first flatus B. Time to first bowel movement",
        "Number of participants with adverse events, serious adverse events and discontinuations",
        "VAS pain score at rest and on coughing, morphine consumption",
        "(a) Intraocular pressure, (b) central corneal thickness",
        "Mean arterial pressure + heart rate + SpO2",
        "Operative time / intraoperative blood loss / drain output",
    ],
}

# keys of inject_ops.WORDINGS -> the fresh4 list
WORDINGS = {
    "marker": MARKER,
    "letter": LETTER,
    "mixed": MIXED,
    "sublist_lead": SUBLIST_LEAD,
    "merged_header": MERGED_HEADER,
    "header_first": HEADER_FIRST,
    "run_together": RUN_TOGETHER,
    "summary_age": SUMMARY_AGE,
    "criteria_age": CRITERIA_AGE,
    "scope": SCOPE,
}
__all__ = [
    "CHAPTER_WORDS",
    "MARKER",
    "MIXED",
    "OUTCOME",
    "SCOPE",
    "SUBLIST_LEAD",
    "WORDINGS",
    "age_fields",
    "age_wording_fits",
    "marker_fields",
    "marker_fits",
]

# --- numbers in the shapes registrants' lists use -----------------------------------------------

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_DINGBAT_LAST = 10  # ➀ … ➉
_ROMAN_IN_PARENS = ("({r})", "({R})")  # registrants number short lists in roman numerals


def persian_digits(n: int) -> str:
    """12 -> '۱۲' (Extended Arabic-Indic digits, as Persian text writes them)."""
    return str(n).translate(_PERSIAN)


def dingbat_circled(n: int) -> str:
    """1-10 as ➀…➉ (Dingbats block, circled sans-serif digits)."""
    if 1 <= n <= _DINGBAT_LAST:
        return chr(0x2780 + n - 1)
    raise ValueError(n)


def marker_fits(style: str, top: int) -> bool:
    """A style is drawn for a list only when every number it will write exists as a character (the
    earlier halves' limits, dingbat digits up to 10) and roman numerals in parentheses only for
    lists up to 12."""
    if style in _ROMAN_IN_PARENS and top > 12:
        return False
    if "{k}" in style and top > _DINGBAT_LAST:
        return False
    return fresh3.marker_fits(style, top)


def marker_fields(n: int) -> dict[str, object]:
    """Every placeholder a marker style may use: the earlier halves' and this half's shapes."""
    return {
        **fresh3.marker_fields(n),
        "e": persian_digits(n),
        "k": dingbat_circled(n) if 1 <= n <= _DINGBAT_LAST else str(n),
    }


# --- ages --------------------------------------------------------------------------------------


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def age_fields(lo: int, hi: int) -> dict[str, object]:
    """Every placeholder an age wording may use."""
    return {
        "lo": lo,
        "hi": hi,
        "lo_w": spelled(lo),
        "hi_w": spelled(hi),
        "Lo_w": _cap(spelled(lo)),
        "Hi_w": _cap(spelled(hi)),
        "lo_m": lo * 12,
        "hi_m": hi * 12,
        "lo_wk": lo * 52,
        "lo_d": lo * 365,
        "lo_ord": ordinal(lo),
        "hi_ord": ordinal(hi),
    }


def age_wording_fits(tmpl: str, lo: int, hi: int) -> bool:
    """A wording is drawn only for ranges it reads right for: months, weeks and days for small
    children (a lower age of 3 years or less in months, of 2 or less in weeks and days);
    children's words for children's ranges, "adolescents" for 10-21, "adults", "men and women"
    and "over-Ns" from 18, "postmenopausal women" from 40, "elderly" / "older" from 55; written-out
    numbers only below 100."""
    low = tmpl.lower()
    if "{lo_m}" in tmpl and not (lo <= 3 and hi <= 18):
        return False
    if ("{lo_wk}" in tmpl or "{lo_d}" in tmpl) and not (lo <= 2 and hi <= 18):
        return False
    if "child" in low and hi > 18:
        return False
    if "adolescent" in low and not (10 <= lo and hi <= 21) and "child" not in low:
        return False
    if ("adult" in low or "men and women" in low or "over-" in low) and lo < 18:
        return False
    if "postmenopausal" in low and lo < 40:
        return False
    if ("elderly" in low or "older adults" in low) and lo < 55:
        return False
    return not (("{lo_w}" in tmpl or "{Lo_w}" in tmpl) and lo >= 100 or ("{hi_w}" in tmpl or "{Hi_w}" in tmpl) and hi >= 100)
