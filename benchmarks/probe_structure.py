"""Probe set for the structure rules TA103 (a header glued onto its first item) and TA121 (two items on one line).

Written for issue 20 (round struct7) without reading the benchmark's held-out wordings: headers, separators,
numbering and list styles as CT.gov, ISRCTN, ANZCTR, ChiCTR (English), CTRI and EU CTR write them, built
combinatorially so no single spelling carries the score. Three groups:

- ``header``: a section header glued onto its first item (the header's line break lost): TA103 must fire;
- ``runon``: two items on one line (the break between them lost): TA121 must fire;
- ``silent``: look-alikes (inline enumerations, "(1) ... (2)" inside one item, ranges, decimals, "e.g.",
  headings in prose, a header on its own line): neither TA103 nor TA121 may fire.

Usage: python benchmarks/probe_structure.py [--show-misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.ta1_rules import ta1_codes  # noqa: E402

# criteria as registries write them: (inclusion items, exclusion items)
INC = [
    "Aged 18 to 75 years",
    "Histologically confirmed adenocarcinoma of the pancreas",
    "ECOG performance status 0 or 1",
    "Able to give written informed consent",
    "Body mass index between 18.5 and 30 kg/m2",
    "Women of childbearing potential must use effective contraception",
]
EXC = [
    "Pregnancy or breastfeeding",
    "Prior treatment with an anti-PD-1 antibody",
    "Known HIV infection",
    "Severe renal impairment (creatinine clearance below 30 mL/min)",
    "Participation in another interventional trial within 30 days",
    "History of alcohol or drug abuse",
]

# header words: the section's name in the ways registries spell it (inclusion side, exclusion side)
HEADERS = [
    ("Inclusion criteria", "Exclusion criteria"),
    ("INCLUSION CRITERIA", "EXCLUSION CRITERIA"),
    ("Key inclusion criteria", "Key exclusion criteria"),
    ("Main Inclusion Criteria", "Main Exclusion Criteria"),
    ("Major inclusion criteria", "Major exclusion criteria"),
    ("General inclusion criteria", "General exclusion criteria"),
    ("Criteria for inclusion", "Criteria for exclusion"),
    ("Inclusion", "Exclusion"),
    ("INCLUSION", "EXCLUSION"),
    ("Participant inclusion criteria", "Participant exclusion criteria"),
    ("Additional inclusion criteria", "Additional exclusion criteria"),
    ("Specific inclusion criteria", "Specific exclusion criteria"),
]
SEPARATORS = [": ", " - ", " – ", " — ", ":- ", " = ", ". ", " > ", " ", "：", ":"]
PREFIXES = ["", "1. ", "A. ", "I. ", "(a) "]

# sentence-style headers, glued onto their first item (inclusion side, exclusion side)
SENTENCE_HEADERS = [
    ("Patients must meet all of the following criteria:", "Patients will be excluded if they have:"),
    ("Subjects who meet the following criteria are eligible:", "Subjects with any of the following are not eligible:"),
    ("To be eligible, participants must:", "Participants are excluded if:"),
    ("Patients will be included if:", "Not eligible if any of the following apply:"),
    ("Selection criteria:", "Reasons for exclusion:"),
    ("Participants must fulfil:", "Participants are not eligible if they have"),
]


def _lines(items: list[str], style: str) -> list[str]:
    if style == "num":
        return [f"{i}. {t}" for i, t in enumerate(items, 1)]
    if style == "paren":
        return [f"{i}) {t}" for i, t in enumerate(items, 1)]
    if style == "dash":
        return [f"- {t}" for t in items]
    if style == "bullet":
        return [f"• {t}" for t in items]
    return list(items)


def _doc(inc_head: str, inc: list[str], exc_head: str, exc: list[str]) -> str:
    return inc_head + "\n" + "\n".join(inc) + "\n\n" + exc_head + "\n" + "\n".join(exc) + "\n"


def header_cases() -> list[tuple[str, str]]:
    """A header glued onto the first item of its section (the line break between them lost)."""
    out: list[tuple[str, str]] = []
    styles = ["num", "dash", "plain", "paren", "bullet"]
    for k, ((ih, eh), sep, pre) in enumerate(itertools.product(HEADERS, SEPARATORS, PREFIXES)):
        if k % 7:  # a spread of the combinations, not all of them
            continue
        style = styles[k % len(styles)]
        inc, exc = _lines(INC[:4], style), _lines(EXC[:4], style)
        side = (k // 7) % 2
        if sep == " " and style not in ("num", "paren"):
            pass
        if side == 0:
            first = inc[0]
            glued = f"{pre}{ih}{sep}{first}"
            text = (
                glued
                + "\n"
                + "\n".join(inc[1:])
                + "\n\n"
                + f"{pre.replace('1', '2').replace('A', 'B').replace('I.', 'II.').replace('(a)', '(b)')}{eh}:\n"
                + "\n".join(exc)
                + "\n"
            )
        else:
            first = exc[0]
            glued = f"{pre.replace('1', '2').replace('A', 'B').replace('I.', 'II.').replace('(a)', '(b)')}{eh}{sep}{first}"
            text = f"{pre}{ih}:\n" + "\n".join(inc) + "\n\n" + glued + "\n" + "\n".join(exc[1:]) + "\n"
        out.append((glued, text))
    # round struct8: a qualifier of any words, words before the header, a bracketed header, a glyph before the marker
    shaped = [
        "{h} as stated in the protocol: ",
        "{h} (all study parts) ; ",
        "{h}, as approved by the ethics committee — ",
        "Relevant {l}: ",
        "Summary of {l} - ",
        "({h}) ",
        "【{h}】",
        "{h} ▶ ",
        "{h} ⇒ ",
    ]
    for k, (form, style) in enumerate(itertools.product(shaped, ["num", "dash", "paren"])):
        ih, eh = HEADERS[k % 3]
        inc, exc = _lines(INC[:4], style), _lines(EXC[:4], style)
        if k % 2 == 0:
            glued = form.format(h=ih, l=ih.lower()) + inc[0]
            text = glued + "\n" + "\n".join(inc[1:]) + "\n\n" + eh + ":\n" + "\n".join(exc) + "\n"
        else:
            glued = form.format(h=eh, l=eh.lower()) + exc[0]
            text = ih + ":\n" + "\n".join(inc) + "\n\n" + glued + "\n" + "\n".join(exc[1:]) + "\n"
        out.append((glued, text))
    for k, (ih, eh) in enumerate(SENTENCE_HEADERS):
        for side, style in ((0, "num"), (1, "dash")):
            inc, exc = _lines(INC[:4], style), _lines(EXC[:4], style)
            if side == 0:
                glued = f"{ih} {inc[0]}"
                text = glued + "\n" + "\n".join(inc[1:]) + "\n\n" + eh + "\n" + "\n".join(exc) + "\n"
            else:
                glued = f"{eh} {exc[0]}"
                text = ih + "\n" + "\n".join(inc) + "\n\n" + glued + "\n" + "\n".join(exc[1:]) + "\n"
            out.append((glued, text))
    return out


RUN_SEPARATORS = [" ", "; ", ". ", ", ", " ;", "、", "；", " | ", " / ", "  "]
# round struct8: connectives and bullet-like glyphs between two items (the list's own marker kept)
RUN_SEPARATORS_GLYPHS = [" plus ", " as well as ", " together with ", " ▪ ", " → ", " ✓ ", "∙ ", " ○ "]


def runon_cases() -> list[tuple[str, str]]:
    """Two items of a list on one line (the break between them lost)."""
    out: list[tuple[str, str]] = []
    for k, (style, sep, pos) in enumerate(
        itertools.product(["num", "paren", "dash", "bullet", "letter", "parenl"], RUN_SEPARATORS, [1, 2])
    ):
        if k % 3:
            continue
        if style == "letter":
            items = [f"{c}. {t}" for c, t in zip("abcdef", INC)]
        elif style == "parenl":
            items = [f"({c}) {t}" for c, t in zip("abcdef", INC)]
        else:
            items = _lines(INC, style)
        exc = _lines(EXC[:4], "num" if style in ("num", "paren", "letter", "parenl") else style)
        joined = items[pos] + sep + items[pos + 1]
        inc = items[:pos] + [joined] + items[pos + 2 :]
        out.append((joined, _doc("Inclusion Criteria:", inc, "Exclusion Criteria:", exc)))
    # two criteria joined by a connective where the line break was lost ("…, or - Age …", "… and 4. Able …")
    for k, (conj, style, pos) in enumerate(itertools.product([", or", " and", ", and", " or"], ["num", "dash", "paren", "bullet"], [1, 3])):
        items = _lines(INC, style)
        nxt = items[pos + 1]
        if k % 2:  # registries that write criteria in lower case ("…, or - at least 18 years of age")
            cut = len(nxt) - len(INC[pos + 1])
            nxt = nxt[:cut] + nxt[cut].lower() + nxt[cut + 1 :]
        joined = items[pos] + conj + " " + nxt
        inc = items[:pos] + [joined] + items[pos + 2 :]
        out.append((joined, _doc("Inclusion Criteria:", inc, "Exclusion Criteria:", _lines(EXC[:4], style))))
    for k, (sep, style, pos) in enumerate(itertools.product(RUN_SEPARATORS_GLYPHS, ["num", "dash", "paren"], [1, 3])):
        items = _lines(INC, style)
        joined = items[pos] + sep + items[pos + 1]
        inc = items[:pos] + [joined] + items[pos + 2 :]
        out.append((joined, _doc("Inclusion Criteria:", inc, "Exclusion Criteria:", _lines(EXC[:4], style))))
    # plain lists (one sentence a line, no markers): a capitalised criterion after a sentence end
    for k, sep in enumerate([". ", "; ", " - ", ".", " – "]):
        for pos in (0, 2):
            items = [t + "." for t in INC]
            joined = items[pos].rstrip(".") + sep + items[pos + 1] if sep != "." else items[pos] + items[pos + 1]
            inc = items[:pos] + [joined] + items[pos + 2 :]
            out.append((joined, _doc("Inclusion Criteria:", inc, "Exclusion Criteria:", [t + "." for t in EXC])))
    return out


SILENT_ITEMS = [
    "Any of the following: (1) uncontrolled hypertension, (2) unstable angina, (3) heart failure",
    "Prior therapy with (a) cisplatin, (b) carboplatin or (c) oxaliplatin",
    "Score of 1 - 2 on the modified Rankin scale",
    "HbA1c between 7.5 and 10.5 %",
    "Stage 1. 5 disease per the 2. 0 classification",
    "Use of strong CYP3A4 inhibitors, e.g. ketoconazole, itraconazole or clarithromycin",
    "Hemoglobin ≥ 9.0 g/dL; platelets ≥ 100 x 10^9/L; neutrophils ≥ 1.5 x 10^9/L",
    "Inclusion in another study of an investigational drug within 30 days",
    "Patients who meet the exclusion criteria of the parent study",
    "Age 2 - 17 years at screening",
    "Grade 3 or 4 toxicity in cycle 1. Patients with grade 2 toxicity may continue",
    "Two of: 1) fever, 2) cough, 3) dyspnoea",
    "Disease duration of 1-5 years",
    "Vitamin D 25-OH < 20 ng/mL, i.e. deficient",
    "Received the vaccine (dose 1 and dose 2) at least 14 days before",
    "Type 1 or type 2 diabetes",
    "No more than 2 prior lines of therapy. Prior surgery is allowed",
    "Meets DSM-5 criteria for major depressive disorder",
    "Eligible for the main study as per inclusion criteria 1 to 5",
    "Exclusion of other causes of liver disease by serology",
    "Treated with metformin monotherapy or - diet and exercise alone",
    "Toxicity of grades 1 and 2. Patients with grade 3 are excluded",
    "Either (a) eGFR below 60 or (b) albuminuria above 30 mg/g",
    "ECOG performance status 0, 1 or 2. This is assessed at screening",
]


def silent_cases() -> list[tuple[str, str]]:
    """Look-alikes: nothing on them is a glued header or two items on one line."""
    out: list[tuple[str, str]] = []
    for k, item in enumerate(SILENT_ITEMS):
        for style in ("num", "dash"):
            inc = _lines([INC[0], item, INC[2], INC[3]] if k % 2 == 0 else INC[:4], style)
            exc = _lines(EXC[:4] if k % 2 == 0 else [EXC[0], item, EXC[2], EXC[3]], style)
            out.append((item, _doc("Inclusion Criteria:", inc, "Exclusion Criteria:", exc)))
    # headers on their own line, in every spelling, with every separator that ends the line
    for (ih, eh), sep in itertools.product(HEADERS[:6], [":", "", " -", ":-"]):
        out.append((ih + sep, _doc(ih + sep, _lines(INC[:3], "num"), eh + sep, _lines(EXC[:3], "num"))))
    # a header naming a scope after its colon ("Inclusion criteria: all cohorts")
    for scope in ("All cohorts", "Part A", "Cohorts 1 and 2", "Healthy volunteers", "Phase 1"):
        out.append(
            (scope, _doc(f"Inclusion criteria: {scope}", _lines(INC[:3], "num"), f"Exclusion criteria: {scope}", _lines(EXC[:3], "num")))
        )
    # headings in prose
    for prose in (
        "Patients must meet the inclusion criteria of the main protocol",
        "Subjects who fulfil the exclusion criteria listed in Appendix 2 are not eligible",
        "Inclusion criteria are assessed at screening - Visit 1",
    ):
        out.append(
            (prose, _doc("Inclusion Criteria:", _lines([INC[0], prose, INC[2]], "num"), "Exclusion Criteria:", _lines(EXC[:3], "num")))
        )
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-misses", action="store_true", help="print every miss and every false alarm")
    args = ap.parse_args()
    groups = {"header": (header_cases(), "TA103"), "runon": (runon_cases(), "TA121"), "silent": (silent_cases(), None)}
    for name, (cases, code) in groups.items():
        hits, bad = 0, []
        per_code: Counter = Counter()
        for shown, text in cases:
            codes = ta1_codes(text, "x.json", "ctgov-v2")
            per_code.update(c for c in codes if c in ("TA103", "TA121"))
            ok = codes[code] > 0 if code else not (codes["TA103"] or codes["TA121"])
            hits += ok
            if not ok:
                bad.append((shown, sorted(c for c in codes if c in ("TA103", "TA121", "TA104", "TA110", "TA120"))))
        label = "detected" if code else "silent"
        print(f"{name:7s} {label} {hits}/{len(cases)} = {hits / len(cases):.0%}   fired: {dict(per_code)}")
        if args.show_misses:
            for shown, codes in bad:
                print(f"   MISS {shown!r} {codes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
