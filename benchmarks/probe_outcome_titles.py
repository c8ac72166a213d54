"""Generated probe for TA807 (abbreviation-only titles) and TA802 (domain-only titles) (issue 20).

Titles are built from dimensions, so no single spelling carries the score:

- TA807 ``report``: a prefix (none, "Δ", "∆", "%", "Change in", "Mean") x an abbreviation core (all capitals "BASDAI",
  capitals + digits "FEV1", hyphenated "HAM-D", lower-case start "mRS", "eGFR", mixed-case PK parameter "Cmax",
  "Tmax", "AUCinf", "AUC0-inf", "Css") x a suffix (none, a threshold "75", a range "0-2" / "0–2" / "0 - 3",
  a bound "≥ 50", "score", a unit "(ng/mL)"); the description is empty.
- TA807 ``silent``: the same titles spelled out ("Maximum plasma concentration (Cmax)"), English words that
  share a PK subscript's letters ("Blast count", "Tmaxillary"), plain words and a title with a description.
- TA802 ``report``: a lead (none, "Primary", "Main", "Key", "Overall", "Global", "Secondary") x a quantity word
  (none, "Degree of", "Extent of", "Level of", "Amount of") x a domain ("efficacy", "safety", "improvement",
  "response", "benefit", "tolerability") x a generic head (none, "variable", "parameter", "endpoint",
  "outcome", "measure").
- TA802 ``silent``: the same cells with a named measure ("Degree of improvement on the CGI-I scale", "Primary
  efficacy variable: change in HbA1c", "Level of anxiety").

- TA803 ``report``: a frequency ("Daily", "Weekly", "Once a week", "Twice daily", "Every day", "Each month", "Per
  week", "Annually") x a context with no length (none, " during treatment", " throughout the study", " during
  follow-up", ", assessed at each visit").
- TA803 ``silent``: the same frequencies with a length, a number or a clinical event (" for 14 days", " until
  discharge", " up to 12 weeks", " from day 1 to day 28", " during hospital stay", " before surgery"): event-bounded
  periods are not reported by design (docs/rules-ta8xx.md).

Usage: python benchmarks/probe_outcome_titles.py [--show-misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import record_from_example  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402

ABBR_PREFIXES = ["", "Δ ", "Δ", "∆ ", "% ", "Change in ", "Mean "]
ABBR_CORES = ["BASDAI", "FEV1", "HAM-D", "mRS", "eGFR", "Cmax", "Tmax", "AUCinf", "AUC0-inf", "Css", "Cmin"]
ABBR_SUFFIXES = ["", " 75", " 0-2", " 0–2", " 0 - 3", " ≥ 50", " score", " (ng/mL)"]
ABBR_SILENT = [
    "Maximum plasma concentration (Cmax)",
    "Time to maximum concentration (Tmax)",
    "Modified Rankin Scale (mRS) 0-2",
    "Change in Bath Ankylosing Spondylitis Disease Activity Index (BASDAI)",
    "Blast count",
    "Blast",
    "Tmaxillary width",
    "Pain",
    "Mortality 0-2",
    "Death",
    "Cost",
    "Recovery ≥ 50",
]

DOMAIN_LEADS = ["", "Primary ", "Main ", "Key ", "Overall ", "Global ", "Secondary "]
DOMAIN_QUANTITY = ["", "Degree of ", "Extent of ", "Level of ", "Amount of "]
DOMAINS = ["efficacy", "safety", "improvement", "response", "benefit", "tolerability"]
DOMAIN_HEADS = ["", " variable", " parameter", " endpoint", " outcome", " measure"]
DOMAIN_SILENT = [
    "Degree of improvement on the CGI-I scale",
    "Primary efficacy variable: change in HbA1c",
    "Extent of improvement in pain score",
    "Level of anxiety",
    "Degree of pain",
    "Extent of resection",
    "Amount of blood loss",
    "Level of consciousness",
    "Degree of improvement in walking distance",
    "Primary efficacy variable: HbA1c at week 24",
    "Overall response rate",
    "Key safety parameter: number of participants with adverse events",
]

FREQUENCIES = ["Daily", "Weekly", "Monthly", "Annually", "Once a week", "Twice daily", "Every day", "Each month", "Per week", "Nightly"]
FREQ_VAGUE = ["", " during treatment", " throughout the study", " during follow-up", ", assessed at each visit"]
FREQ_SPECIFIC = [" for 14 days", " until discharge", " up to 12 weeks", " from day 1 to day 28", " during hospital stay", " before surgery"]


def frequency_cells() -> list[tuple[str, str]]:
    return list(itertools.product(FREQUENCIES, FREQ_VAGUE))


def frequency_silent() -> list[str]:
    return [f + c for f, c in itertools.product(FREQUENCIES, FREQ_SPECIFIC)]


def abbreviation_cells() -> list[tuple[str, str, str]]:
    return [(p, c, s) for p, c, s in itertools.product(ABBR_PREFIXES, ABBR_CORES, ABBR_SUFFIXES) if not (p == "% " and s == " (ng/mL)")]


def domain_cells() -> list[tuple[str, str, str, str]]:
    cells = []
    for lead, qty, dom, head in itertools.product(DOMAIN_LEADS, DOMAIN_QUANTITY, DOMAINS, DOMAIN_HEADS):
        if qty and head:
            continue  # "Degree of efficacy variable" is not English
        if lead and qty:
            continue  # "Primary degree of efficacy" neither
        cells.append((lead, qty, dom, head))
    return cells


def title_of(parts: tuple[str, ...]) -> str:
    text = "".join(parts)
    return text[0].upper() + text[1:]


def fires(rule, ctx, title: str, description: str = "") -> bool:
    if rule.code == "TA803":  # the cell is the time frame; the title is a plain measure
        record = record_from_example({"outcomes": [{"kind": "PRIMARY", "title": "Change in HbA1c", "time_frame": title}]})
    else:
        record = record_from_example(
            {"outcomes": [{"kind": "PRIMARY", "title": title, "description": description, "time_frame": "12 weeks"}]}
        )
    return any(True for _ in rule.check(record, ctx))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    rules = load_rules()
    ctx = Context(as_of=parse_date("2026-12-07"), today=parse_date("2026-12-07"))
    misses = []
    for code, cells, names, silent in (
        ("TA807", abbreviation_cells(), ("prefix", "core", "suffix"), ABBR_SILENT),
        ("TA802", domain_cells(), ("lead", "quantity", "domain", "head"), DOMAIN_SILENT),
        ("TA803", frequency_cells(), ("frequency", "context"), frequency_silent()),
    ):
        rule = rules[code]()
        per_dim: dict[str, Counter[str]] = defaultdict(Counter)
        hit_total = 0
        for cell in cells:
            title = title_of(cell)
            hit = fires(rule, ctx, title)
            hit_total += hit
            for name, value in zip(names, cell, strict=True):
                per_dim[f"{name}={value.strip() or '(none)'}"]["hit" if hit else "miss"] += 1
            if not hit:
                misses.append((code, "report cell silent", title))
        ok = 0
        for title in silent:
            hit = fires(rule, ctx, title)
            ok += not hit
            if hit:
                misses.append((code, "look-alike reported", title))
        print(f"{code}: report cells {hit_total}/{len(cells)} reported; look-alikes {ok}/{len(silent)} silent")
        for key, c in sorted(per_dim.items()):
            print(f"  {key:28} {c['hit']}/{c['hit'] + c['miss']}")
    if args.show_misses:
        for code, kind, title in misses:
            print(f"  {code} {kind}: {title!r}")


if __name__ == "__main__":
    main()
