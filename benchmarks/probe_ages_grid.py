"""Generated probe for TA201 (summary age) and TA202 (criteria age) against the structured limits (issue 20).

The age statement is built from dimensions so that no single spelling carries the score. The structured
limits are always 18-65 years; every stated age below contradicts them (40 and/or 70), so each cell is a
defect the rule should report:

- ``summary`` (TA201): a *frame* (plain subject, fronted time phrase, a count before the population,
  "A cohort of", apposition with commas / dashes / brackets, copular "The age criterion is", "in the ...
  age bracket", "conducted in") x an *age expression* ("aged A to B years", "A-B yrs", "A to B years
  old", "A–B years of age", "A or older", "A years or over", written-out numbers) x a *population word*;
- ``criteria`` (TA202): an inclusion *item frame* (bare, "Age:", "Aged", "Subject age", "People aged",
  "at enrolment") x a *bound form* ("A to B", "A-B", "[A, B]", "A+", "A plus", "Over-As", ordinal
  birthdays, "A or over", "A and upward", "B or under", "not over B") x a *number form* (digits, words);
- ``silent`` (both rules must not fire): look-alikes with the same frames where the numbers are not the
  population's age (follow-up durations, counts, weights, scores, disease duration, an age of onset
  read as history), the precision side the rules' docs list as not reported.

Usage: python benchmarks/probe_ages_grid.py [--show-misses]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import record_from_example  # noqa: E402
from trial_audit.engine.registry import Context, load_rules  # noqa: E402

STRUCTURED = {"minimum_age": "18 Years", "maximum_age": "65 Years"}

# summary side: {pop} population words, {age} the age expression
SUMMARY_FRAMES = {
    "plain": "This study will enrol {pop} {age} with asthma.",
    "fronted_time": "After screening, {pop} {age} will be randomised 1:1.",
    "count": "We aim to recruit 200 {pop}, {age}, from primary care.",
    "count_plain": "We will recruit 120 {pop} {age} with asthma.",
    "cohort_of": "A cohort of {pop} {age} will be followed.",
    "dashes": "The trial will include {pop} — {age} — with asthma.",
    "brackets": "The trial will include {pop} ({age}) with asthma.",
    "conducted_in": "This trial is conducted in {pop} {age} attending clinics.",
    "whose_age": "It will include {pop} whose age is {age_bare}.",
    "copular": "The age criterion is {age_bare}.",
    "bracket_noun": "{Pop} in the {age_hyph} age bracket will be enrolled.",
    "be_older": "Participants will be {one_sided}.",
    "anyone_aged": "Anyone aged {one_sided} may volunteer.",
}
SUMMARY_AGES = [
    "aged 40 to 70 years",
    "aged 40-70 yrs",
    "40 to 70 years old",
    "40–70 years of age",
    "aged between 40 and 70 years",
    "between forty and seventy years old",
    "aged forty to seventy years",
]
SUMMARY_AGE_BARE = ["from 40 to 70 years", "40–70 years", "40 to 70 years", "between 40 and 70 years of age", "forty to seventy years"]
SUMMARY_AGE_HYPH = ["40-to-70", "40–70 year", "40-70-year"]
SUMMARY_ONE_SIDED = ["40 or older", "40 or over", "40 years or older", "40 and above", "forty or older", "40+"]
POPS = ["patients", "adults", "men and women"]

# criteria side: one inclusion item, the bound written in one form
CRITERIA_FRAMES = [
    "{b}",
    "Age: {b}",
    "Aged {b}",
    "Subject age {b}",
    "People aged {b}",
    "{b} at enrolment",
    "Age {b} at the time of consent",
]
CRITERIA_BOUNDS = {
    "digits": [
        "40 to 70 years",
        "40-70 years",
        "[40, 70] years",
        "40–70 y",
        "40 years or over",
        "40 years and upward",
        "40+",
        "40 plus",
        "Over-40s",
        "between their 40th and 70th birthdays",
        "70 years or under",
        "not over 70 years",
        "≥ 40 years",
    ],
    "words": [
        "forty to seventy years",
        "forty years or over",
        "forty years and upward",
        "seventy years or under",
        "forty-two to seventy years",
        "between their fortieth and seventieth birthdays",
    ],
}

SILENT_SUMMARY = [
    "Patients will be followed for 40 to 70 months after surgery.",
    "We aim to recruit 200 patients, 40-70 per site, from primary care.",
    "After screening, 40 to 70 patients will be randomised 1:1.",
    "A cohort of 400 adults will be followed for 70 weeks.",
    "The dose is 40 to 70 mg per day.",
    "The trial will include adults — 40 sites in 7 countries — with asthma.",
    "The sample size criterion is 40 to 70 patients per arm.",
    "Participants will be followed for 40 days or longer.",
    "Asthma affects 40% of adults over 70 years.",
    "Anyone weighing 40 kg or over may volunteer.",
    "Patients with a score of 40 or above will be enrolled.",
    "This trial is conducted in 40 to 70 hospitals across Europe.",
    # look-alikes of the cues read after the first measurement: a ratio, a modal "be", a named criterion, ", from"
    "Patients will be seen 1:1 by a nurse for 40 to 70 minutes.",
    "Participants will be 40 or more per site.",
    "The dose criterion is 40 to 70 mg.",
    "Anyone with a score of 40 or over may volunteer.",
    "Follow-up will last 40 to 70 months, from the first visit.",
    "Participants will be 40 minutes from the clinic or closer.",
    "Up to 40 to 70 patients per year may register, from primary care.",
]
SILENT_CRITERIA = [
    "Body weight 40 to 70 kg",
    "History of diabetes for 40 years or more",
    "Ejection fraction 40-70%",
    "Score [40, 70] on the MMSE",
    "40+ cigarettes per day",
    "Over 40 mg/day of prednisone",
    "At least 40 plus 70 minutes of exercise weekly",
    "Creatinine clearance 40 mL/min or over",
    "Disease duration not over 70 months",
    "Platelets ≥ 40 x10^9/L",
    # look-alikes of "A plus" (read after the first measurement)
    "BMI 40 plus",
    "Score of 40 plus on the Beck Depression Inventory",
    "Smoking history of 40 plus pack-years",
    # look-alikes of a birthday range: another event's age
    "Received the MMR vaccine between their 1st and 2nd birthdays",
    "Diagnosed with asthma between the 40th and 70th birthday",
]


def summary_cells() -> list[tuple[str, str]]:
    cells = []
    for (name, frame), pop in itertools.product(SUMMARY_FRAMES.items(), POPS):
        if "{age}" in frame:
            values = SUMMARY_AGES
        elif "{age_bare}" in frame:
            values = SUMMARY_AGE_BARE
        elif "{age_hyph}" in frame:
            values = SUMMARY_AGE_HYPH
        else:
            values = SUMMARY_ONE_SIDED
        for v in values:
            text = frame.format(pop=pop, Pop=pop[0].upper() + pop[1:], age=v, age_bare=v, age_hyph=v, one_sided=v)
            cells.append((name, text))
    return sorted(set(cells))


def criteria_cells() -> list[tuple[str, str]]:
    cells = []
    for form, bounds in CRITERIA_BOUNDS.items():
        for frame, b in itertools.product(CRITERIA_FRAMES, bounds):
            text = frame.format(b=b)
            cells.append((form, text[0].upper() + text[1:]))
    return sorted(set(cells))


def summary_record(sentence: str):
    return record_from_example({"brief_summary": sentence, **STRUCTURED})


def criteria_record(item: str):
    return record_from_example({"criteria": f"Inclusion Criteria:\n- {item}\n- Asthma\n\nExclusion Criteria:\n- Pregnancy", **STRUCTURED})


def fires(rule, ctx, record) -> bool:
    return any(True for _ in rule.check(record, ctx))


def run() -> tuple[dict[str, Counter[str]], list[tuple[str, str]]]:
    rules = load_rules()
    ta201, ta202 = rules["TA201"](), rules["TA202"]()
    ctx = Context(as_of=parse_date("2026-12-07"), today=parse_date("2026-12-07"))
    score: dict[str, Counter[str]] = {}
    misses: list[tuple[str, str]] = []
    for dim, text in summary_cells():
        hit = fires(ta201, ctx, summary_record(text))
        score.setdefault(f"summary/{dim}", Counter())["hit" if hit else "miss"] += 1
        if not hit:
            misses.append((f"summary/{dim}", text))
    for dim, text in criteria_cells():
        hit = fires(ta202, ctx, criteria_record(text))
        score.setdefault(f"criteria/{dim}", Counter())["hit" if hit else "miss"] += 1
        if not hit:
            misses.append((f"criteria/{dim}", text))
    for text in SILENT_SUMMARY:
        hit = fires(ta201, ctx, summary_record(text))
        score.setdefault("silent/summary", Counter())["fp" if hit else "ok"] += 1
        if hit:
            misses.append(("look-alike reported", text))
    for text in SILENT_CRITERIA:
        hit = fires(ta202, ctx, criteria_record(text))
        score.setdefault("silent/criteria", Counter())["fp" if hit else "ok"] += 1
        if hit:
            misses.append(("look-alike reported", text))
    return score, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()
    score, misses = run()
    for dim in sorted(score):
        c = score[dim]
        if dim.startswith("silent/"):
            print(f"{dim:28} silent {c['ok']}/{c['ok'] + c['fp']}")
        else:
            print(f"{dim:28} reported {c['hit']}/{c['hit'] + c['miss']}")
    if args.show_misses:
        for kind, text in misses:
            print(f"  {kind}: {text!r}")


if __name__ == "__main__":
    main()
