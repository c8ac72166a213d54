"""How many ICD-10-CM diseases TA301 recognises as a required disease (issue 20, eighth round).

The form batteries (``scope_forms.py``) hold items written by hand; this benchmark is systematic:
it draws disease titles from every organ chapter of the shipped ICD-10-CM extract (a fixed,
hash-ordered sample: no choice by hand, no benchmark wording), writes each one as an inclusion item
in the ways registrants write a requirement ("Diagnosed with X", "Patients with X", "X according to
established diagnostic criteria", "History of X", "X (grade 2 or higher)", ...), also in British
spelling where it differs, and counts how often TA301 reports it in a trial of an unrelated
registered condition ("Cataract"; "Migraine" for eye diseases). Titles that are residual
("other", "unspecified"), about injuries or encounters, or longer than six words are left out::

    python benchmarks/scope_coverage.py [--per-chapter 25] [--misses 40] [--extra]

The figure is a recognition rate, not a recall: some titles are no disease a trial would require
("Acquired absence of ..."), and some forms ("History of X") read as permissions in some items.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text.icd10cm import tabular

#: organ chapters sampled (1 infections, 2 neoplasms, 3 blood ... 14 genitourinary)
CHAPTERS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14")
FORMS = (
    "Diagnosed with {x}",
    "Confirmed {x}",
    "Patients with {x}",
    "{X} according to established diagnostic criteria",
    "History of {x}",
    "{X} (grade 2 or higher)",
    "Documented {x}",
    "{X} requiring treatment",
)
#: forms added in the eighth round after its first measurement (``--extra``): who and of which age, then the disease
EXTRA_FORMS = (
    "Male or female patients aged 18 years or older with {x}",
    "Signed informed consent, and diagnosed with {x}",
)
_SKIP = re.compile(
    r"\b(other|unspecified|NOS|elsewhere|sequela|encounter|absence|history|status|injury|poisoning|"
    r"complication|following|personal|family|contact|screening|presence|finding|abnormal|examination)\b",
    re.I,
)
_BRITISH = (
    ("esophag", "oesophag"),
    ("hemorrh", "haemorrh"),
    ("hemat", "haemat"),
    ("hemo", "haemo"),
    ("anemia", "anaemia"),
    ("leukemia", "leukaemia"),
    ("edema", "oedema"),
    ("tumor", "tumour"),
    ("estrogen", "oestrogen"),
    ("diarrhea", "diarrhoea"),
    ("ischemi", "ischaemi"),
    ("pediatric", "paediatric"),
    ("orthopedic", "orthopaedic"),
    ("gynecolog", "gynaecolog"),
    ("ization", "isation"),
    ("ized", "ised"),
)


def british(title: str) -> str:
    out = title
    for us, gb in _BRITISH:
        out = re.sub(us, gb, out)
        out = re.sub(us.capitalize(), gb.capitalize(), out)
    return out


def sample(per_chapter: int) -> list[tuple[str, str, str]]:
    """(chapter, code, title) for ``per_chapter`` titles of each organ chapter, in hash order."""
    tab = tabular()
    by_chapter: dict[str, list[tuple[str, str, str]]] = {c: [] for c in CHAPTERS}
    seen: set[str] = set()
    for i, code in enumerate(tab.codes):
        ch = tab.chapter[i]
        if ch not in by_chapter or tab.kind[i] not in ("category", "subcategory") or len(code.replace(".", "")) > 4:
            continue
        title = tab.description[i]
        key = title.lower()
        if key in seen or _SKIP.search(title) or len(title.split()) > 6 or "," in title or "(" in title:
            continue
        seen.add(key)
        by_chapter[ch].append((hashlib.sha256(code.encode()).hexdigest(), code, title))
    out = []
    for ch in CHAPTERS:
        out += [(ch, code, title) for _, code, title in sorted(by_chapter[ch])[:per_chapter]]
    return out


def reported(rule, chapter: str, item: str) -> bool:
    criteria = "Inclusion Criteria:\n\n  -  Age 18 years or older\n\n  -  " + item + "\n\nExclusion Criteria:\n\n  -  Pregnancy\n"
    host = "Migraine" if chapter == "7" else "Cataract"
    record = record_from_example({"conditions": [host], "criteria": criteria})
    return bool(list(rule.check(record, Context())))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--per-chapter", type=int, default=25)
    ap.add_argument("--misses", type=int, default=40, help="titles missed in every form, printed")
    ap.add_argument("--extra", action="store_true", help="also the forms of EXTRA_FORMS")
    args = ap.parse_args(argv)
    forms = FORMS + (EXTRA_FORMS if args.extra else ())
    rule = select_rules(["TA301"])[0]
    titles = sample(args.per_chapter)
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    by_form: Counter[str] = Counter()
    missed: list[str] = []
    n = found = 0
    for ch, code, title in titles:
        names = [title.lower()]
        if british(title) != title:
            names.append(british(title).lower())
        got = 0
        for name in names:
            for form in forms:
                item = form.format(x=name, X=name[:1].upper() + name[1:])
                ok = reported(rule, ch, item)
                n += 1
                found += ok
                got += ok
                total[ch] += 1
                hits[ch] += ok
                by_form[form] += ok
        if not got:
            missed.append(f"[{ch}] {code} {title}")
    for line in missed[: args.misses]:
        print("MISS", line)
    print("chapter  reported/items")
    for ch in CHAPTERS:
        print(f"{ch:>7}  {hits[ch]}/{total[ch]}")
    per_form = n // (len(forms) or 1)
    for form in forms:
        print(f"{form!r}: {by_form[form]}/{per_form}")
    print(f"titles: {len(titles)}, never reported: {len(missed)}; items reported: {found}/{n} = {found / n:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
