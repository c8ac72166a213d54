"""Generated probe: TA301 reading a recognised disease name followed by how it is found or a circumstance (issue 20).

    python benchmarks/probe_scope_requirements.py [--show]

``docs/detection-fresh4-misses.md`` ("Named, not read") found that an inclusion item which opens with a disease
name the vocabularies DO find, and goes on to say how it is found or graded ("... seen at endoscopy", "... suspected
on MRI") or in which circumstance ("... after <procedure>", "... in the <phase> phase"), was not read as a
requirement. Instead of typing the missed wordings, this probe GENERATES the class: *name* (ICD-10-CM titles found on
their own, across chapters; no curated concept) x *after* (a participle of finding + a preposition + a means; a
circumstance) x *where the item sits* (its own inclusion item; appended to another with "; and"), in a neutral host
trial (cataract surgery), and prints cells reported / silent per dimension.

The precision side is generated too (``LOOK_ALIKES``): the same names and tails where the item does not require the
disease of everyone (negated, a treatment or risk context, alternatives under "one of the following", a bare name
which the rule leaves alone on purpose). Every look-alike cell must stay silent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules

HOST = {"conditions": ["Cataract"], "brief_title": "Phacoemulsification With Two Intraocular Lens Designs", "minimum_age": "50 Years"}

#: ICD-10-CM titles found on their own (no curated concept), across chapters: digestive, circulatory, pregnancy,
#: respiratory, skin, musculoskeletal, genitourinary, infections, nervous system, injuries, congenital
NAMES = [
    "Anal fistula",
    "Gastric ulcer",
    "Duodenal ulcer",
    "Barrett's oesophagus",
    "Ischaemic colitis",
    "Oesophageal varices",
    "Cholecystitis",
    "Appendicitis",
    "Incisional hernia",
    "Pulmonary embolism",
    "Deep vein thrombosis",
    "Portal vein thrombosis",
    "Pericardial effusion",
    "Placenta accreta",
    "Pneumothorax",
    "Pleural effusion",
    "Pilonidal sinus",
    "Pressure ulcer",
    "Osteomyelitis",
    "Endometrioma",
    "Hydronephrosis",
    "Cryptococcal meningitis",
    "Trigeminal neuralgia",
    "Electrical burn",
    "Ventricular septal defect",
    "Dental caries",
]

#: how the disease is found or graded: a participle of finding + a preposition + a means (NC)
FOUND = [
    "seen at endoscopy",
    "suspected on MRI",
    "detected by ultrasound",
    "shown on CT",
    "visible on imaging",
    "noted at surgery",
    "identified on biopsy",
    "demonstrated on imaging",
    "evident on ultrasound",
    "observed during endoscopy",
    "as seen on MRI",
    "diagnosed clinically or seen on imaging",
]
#: a circumstance: after / following an event, in a phase or period (NB)
CIRCUMSTANCE = [
    "after abdominal surgery",
    "following radiotherapy",
    "after a road traffic accident",
    "following childbirth",
    "in the acute phase",
    "in the post-operative period",
    "in the subacute stage",
]
#: the class already read before this round (a control: should stay reported)
CONTROL = ["confirmed by biopsy", "diagnosed by a specialist"]


#: where the item sits
def own(item: str) -> str:
    return f"Inclusion Criteria:\n\n  * Age 50 years or older\n  * {item}\n  * Signed informed consent\n\nExclusion Criteria:\n\n  * Pregnancy\n"


def appended(item: str) -> str:
    return (
        "Inclusion Criteria:\n\n  * Age 50 years or older; and " + item[0].lower() + item[1:] + "\n  * Signed informed consent\n"
        "\nExclusion Criteria:\n\n  * Pregnancy\n"
    )


POSITIONS = {"own item": own, "appended '; and'": appended}

#: items that name the disease with such a tail but do not require it of everyone: must stay silent
LOOK_ALIKES = {
    "negated": "No {name} {tail}",
    "absence": "Absence of {lname} {tail}",
    "treatment context": "Scheduled for treatment of {lname} {tail}",
    "risk context": "At risk of {lname} {tail}",
    "alternatives": "One of the following:\n    * {name} {tail}\n    * Chronic kidney disease stage 3",
    "a relative's": "{name} {tail} in a first-degree relative",
    "a relative's (found in)": "{name} found in a parent or sibling",
    "bare name": "{name}",
    "bare name, full stop": "{name}.",
}

_RULE = select_rules(["TA301"])[0]
_CTX = Context()


def reported(criteria: str) -> bool:
    rec = record_from_example({**HOST, "criteria": criteria})
    return any(True for _ in _RULE.check(rec, _CTX))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="list the silent requirement cells and the reported look-alikes")
    args = ap.parse_args()
    dims: dict[str, Counter] = {"class": Counter(), "tail": Counter(), "position": Counter(), "name": Counter()}
    tot: dict[str, Counter] = {k: Counter() for k in dims}
    silent_cells = []
    for cls, tails in (("found/graded", FOUND), ("circumstance", CIRCUMSTANCE), ("control", CONTROL)):
        for tail in tails:
            for name in NAMES:
                for pos, wrap in POSITIONS.items():
                    hit = reported(wrap(f"{name} {tail}"))
                    for dim, key in (("class", cls), ("tail", tail), ("position", pos), ("name", name)):
                        tot[dim][key] += 1
                        dims[dim][key] += hit
                    if not hit:
                        silent_cells.append(f"{pos}: {name} {tail}")
    print("## requirement cells (must be reported)")
    for dim in ("class", "position", "tail"):
        print(f"\n| {dim} | reported |\n|---|---:|")
        for key, n in tot[dim].items():
            print(f"| {key} | {dims[dim][key]}/{n} |")
    allr = sum(dims["class"][k] for k in ("found/graded", "circumstance"))
    alln = sum(tot["class"][k] for k in ("found/graded", "circumstance"))
    print(f"\nrequirement cells reported (found/graded + circumstance): {allr}/{alln} = {allr / alln:.0%}")
    print("\n## look-alike cells (must stay silent)\n\n| look-alike | silent |\n|---|---:|")
    noisy = []
    silent_all = n_all = 0
    for label, shape in LOOK_ALIKES.items():
        silent = n = 0
        tails = FOUND[:4] + CIRCUMSTANCE[:3] if "{tail}" in shape else [""]
        for tail in tails:
            for name in NAMES:
                item = shape.format(name=name, lname=name[0].lower() + name[1:], tail=tail)
                hit = reported(own(item))
                n += 1
                silent += not hit
                if hit:
                    noisy.append(item)
        silent_all += silent
        n_all += n
        print(f"| {label} | {silent}/{n} |")
    print(f"\nlook-alike cells silent: {silent_all}/{n_all} = {silent_all / n_all:.0%}")
    if args.show:
        print("\nsilent requirement cells:", *silent_cells[:80], sep="\n  ")
        print("\nreported look-alikes:", *noisy[:80], sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
