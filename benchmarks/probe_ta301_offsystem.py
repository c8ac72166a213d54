"""Probe TA301's recall on off-organ-system requirements injected into real records, and its noise.

    python benchmarks/probe_ta301_offsystem.py [--part tune|unseen] [--n 100] [--data DIR] [--show]

Takes the first N records (by NCT id hash) of the chosen part of the bulk sets (ctgov-v2-bulk,
ctgov-xml-bulk; the split is the project's: UNSEEN iff sha256(NCT id)[:8] % 4 == 0) that have
an inclusion section. Into each it inserts one inclusion item that requires a disease of
another ICD-10-CM chapter than all of the record's registered conditions (and not a chapter
TA301 links to theirs on purpose: cardio-renal-metabolic, haematology-oncology, skin-rheumatology), drawn in turn from a
pool of 40 diseases across 14 chapters, each with three phrasings (generic templates and a
disease-specific one: a score, a stage, a histology, a lab band). Recall = injected records on
which TA301 reports the injected item. Noise = TA301 findings on the same records left clean.

The pool and the phrasings are this probe's own; they are not the defect-injection benchmark's
held-out wordings.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
from pathlib import Path

from trial_audit.core.model import TrialRecord
from trial_audit.engine.registry import Context, select_rules
from trial_audit.text.condition_systems import LINKED

#: (ICD-10-CM chapter, names, specific phrasing or None)
POOL: list[tuple[str, list[str], str | None]] = [
    ("1", ["chronic hepatitis B infection", "chronic HBV infection"], "HBsAg positive for at least 6 months (chronic hepatitis B)"),
    ("1", ["HIV-1 infection", "HIV infection"], "HIV-1 infection with CD4 count above 350 cells/mm3"),
    ("1", ["pulmonary tuberculosis"], "Sputum smear-positive pulmonary tuberculosis"),
    ("1", ["chronic hepatitis C", "hepatitis C virus infection"], "Detectable HCV RNA (chronic hepatitis C)"),
    ("2", ["breast cancer", "carcinoma of the breast"], "Histologically confirmed HER2-negative breast cancer, stage II-III"),
    ("2", ["prostate cancer", "adenocarcinoma of the prostate"], "Prostate adenocarcinoma with Gleason score 7 or higher"),
    ("2", ["melanoma", "cutaneous melanoma"], "Unresectable stage III or IV melanoma"),
    ("2", ["multiple myeloma"], "Measurable multiple myeloma per IMWG criteria"),
    ("3", ["sickle cell disease", "sickle cell anemia"], "Sickle cell disease (HbSS or HbS/beta0-thalassemia)"),
    ("3", ["hemophilia A", "haemophilia A"], "Severe hemophilia A (factor VIII activity below 1%)"),
    ("3", ["immune thrombocytopenia", "ITP"], "Primary immune thrombocytopenia with platelet count below 30,000/uL"),
    ("4", ["type 2 diabetes", "type 2 diabetes mellitus"], "HbA1c between 7.0% and 10.5% with type 2 diabetes"),
    ("4", ["Graves disease", "Graves' disease"], "Graves disease with elevated TSH receptor antibodies"),
    ("5", ["major depressive disorder"], "Major depressive disorder with a HAM-D score of 18 or more"),
    ("5", ["schizophrenia"], "Schizophrenia according to DSM-5 criteria, PANSS total 70 or more"),
    ("5", ["bipolar I disorder", "bipolar disorder"], "Bipolar I disorder, currently in a manic episode (YMRS 20 or more)"),
    ("6", ["multiple sclerosis", "relapsing multiple sclerosis"], "Relapsing multiple sclerosis with an EDSS score of 5.5 or less"),
    ("6", ["Parkinson's disease", "idiopathic Parkinson's disease"], "Parkinson's disease, Hoehn and Yahr stage 2 to 3"),
    ("6", ["epilepsy", "focal epilepsy"], "Focal epilepsy with at least 4 seizures per month"),
    ("6", ["myasthenia gravis", "generalized myasthenia gravis"], "Generalized myasthenia gravis, MGFA class II-IV"),
    ("7", ["open-angle glaucoma", "primary open-angle glaucoma"], "Raised intraocular pressure of 22 mmHg or more in at least one eye"),
    (
        "7",
        ["neovascular age-related macular degeneration", "wet AMD"],
        "Active choroidal neovascularisation due to age-related macular degeneration",
    ),
    ("7", ["non-infectious uveitis"], "Active non-infectious intermediate or posterior uveitis"),
    ("8", ["Meniere's disease", "Ménière's disease"], "Definite unilateral Meniere's disease per AAO-HNS criteria"),
    ("9", ["heart failure", "chronic heart failure"], "Heart failure, NYHA class II-IV, with LVEF 40% or less"),
    ("9", ["atrial fibrillation", "paroxysmal atrial fibrillation"], "Paroxysmal atrial fibrillation documented by ECG"),
    ("9", ["peripheral artery disease"], "Peripheral artery disease with an ankle-brachial index below 0.9"),
    ("10", ["asthma", "persistent asthma"], "Persistent asthma with FEV1 reversibility of 12% or more"),
    ("10", ["COPD", "chronic obstructive pulmonary disease"], "COPD, GOLD stage 2 or 3"),
    ("10", ["idiopathic pulmonary fibrosis"], "Idiopathic pulmonary fibrosis per ATS/ERS criteria"),
    ("11", ["Crohn's disease"], "Moderately to severely active Crohn's disease (CDAI 220 to 450)"),
    ("11", ["ulcerative colitis"], "Active ulcerative colitis with a Mayo score of 6 or more"),
    ("11", ["liver cirrhosis", "cirrhosis of the liver"], "Child-Pugh class A or B cirrhosis"),
    ("11", ["primary biliary cholangitis"], "Histological evidence of non-suppurative destructive cholangitis"),
    ("12", ["plaque psoriasis", "chronic plaque psoriasis"], "Plaque psoriasis with a PASI of 12 or more"),
    ("12", ["atopic dermatitis"], "Moderate-to-severe atopic dermatitis with EASI 16 or more"),
    ("12", ["hidradenitis suppurativa"], "Hidradenitis suppurativa, Hurley stage II or III"),
    ("13", ["rheumatoid arthritis"], "Rheumatoid arthritis per 2010 ACR/EULAR classification criteria"),
    ("13", ["gout"], "History of at least two gout flares in the past year"),
    ("13", ["knee osteoarthritis", "osteoarthritis of the knee"], "Knee osteoarthritis, Kellgren-Lawrence grade 2 or 3"),
    ("14", ["IgA nephropathy"], "Biopsy-proven IgA nephropathy"),
    ("14", ["endometriosis"], "Surgically confirmed endometriosis"),
]
TEMPLATES = [
    "Histologically or clinically confirmed diagnosis of {d}",
    "Documented history of {d}",
    "Patients must have {d}",
    "Diagnosis of {d} according to standard criteria",
    "Participants with {d}",
]


def unseen(nct: str) -> bool:
    return int(hashlib.sha256(nct.upper().encode()).hexdigest()[:8], 16) % 4 == 0


def bulk_records(data: Path):
    from trial_audit.readers import iter_records

    paths = sorted((data / "ctgov-v2-bulk").glob("*.ndjson"))
    paths += sorted(p for p in (data / "ctgov-xml-bulk").rglob("*") if p.is_file())
    for r in iter_records(paths):
        if isinstance(r, TrialRecord) and r.nct_id:
            yield r


def record_chapters(rec: TrialRecord) -> set[str]:
    """ICD-10-CM chapters of the record's registered conditions (whatever the probe can tell)."""
    from trial_audit.text.condition_systems import chapter_of, icd_codes_of_name
    from trial_audit.text.conditions import load_vocabulary

    v = load_vocabulary()
    out: set[str] = set()
    for name in [*rec.conditions, *rec.mesh_terms, rec.brief_title or "", rec.official_title or ""]:
        for code in icd_codes_of_name(name):
            out.add(chapter_of(code) or "")
        for cid in v.concepts_of_name(name):
            for code in v.concepts[cid].icd10:
                out.add(chapter_of(code) or "")
    return out


def record_organs(rec: TrialRecord) -> set[str]:
    """The organ chapters of the record's neoplasms (a melanoma trial's skin, a liver cancer's digestive system)."""
    from trial_audit.text.condition_systems import _organ, icd_codes_of_name, organ_chapters

    codes = [c for name in [*rec.conditions, *rec.mesh_terms] for c in icd_codes_of_name(name)]
    return {o for s in organ_chapters(codes) if (o := _organ(s))}


_INC = re.compile(r"inclusion criteria\s*:?[ \t]*\n", re.IGNORECASE)


def inject(rec: TrialRecord, item: str) -> str | None:
    m = _INC.search(rec.criteria or "")
    if m is None:
        return None
    bullet = "* " if rec.criteria_markdown else "  -  "
    return rec.criteria[: m.end()] + f"\n{bullet}{item}\n\n" + rec.criteria[m.end() :]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("TRIAL_AUDIT_SHARED_DATA", "/work/shared/data"))
    ap.add_argument("--part", choices=("tune", "unseen"), default="tune")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--show", action="store_true", help="print the injected items TA301 missed")
    args = ap.parse_args()
    rule = select_rules(["TA301"])[0]
    ctx = Context()
    recs = [
        r for r in bulk_records(Path(args.data)) if unseen(r.nct_id) == (args.part == "unseen") and r.criteria and _INC.search(r.criteria)
    ]
    recs.sort(key=lambda r: hashlib.sha256(r.nct_id.encode()).hexdigest())
    recs = recs[: args.n]
    hits = injected = noise = noisy = known = known_hits = 0
    k = 0
    for rec in recs:
        clean = list(rule.check(rec, ctx))
        noise += len(clean)
        if clean and args.show:
            print(f"NOISE {rec.nct_id} conditions={rec.conditions[:4]} item={clean[0].evidence.text[:120]!r}")
        noisy += bool(clean)
        chapters = record_chapters(rec)
        organs = record_organs(rec)
        text = " ".join([*rec.conditions, rec.brief_title or "", rec.official_title or ""]).lower()
        for _ in range(len(POOL)):  # the next disease of another chapter, not named in the record
            ch, names, specific = POOL[k % len(POOL)]
            k += 1
            # comorbidities the rule accepts on purpose: linked chapters, and a cancer's own organ
            linked = {c for g in LINKED if chapters & g for c in g} | organs
            if ch not in chapters and ch not in linked and not any(n.lower() in text for n in names):
                break
        phrasings = [t.format(d=names[(k // 3) % len(names)]) for t in TEMPLATES] + ([specific] if specific else [])
        item = phrasings[k % len(phrasings)]
        crit = inject(rec, item)
        if crit is None:
            continue
        mod = TrialRecord(**{f: getattr(rec, f) for f in rec.__dataclass_fields__ if f != "_analyses"})
        mod.criteria = crit
        fs = list(rule.check(mod, ctx))
        ok = any(item[:40] in (f.evidence.text if f.evidence else "") for f in fs)
        injected += 1
        hits += ok
        if chapters - {"", "18", "21"}:
            known += 1
            known_hits += ok
        if not ok and args.show:
            print(f"MISS {rec.nct_id} conditions={rec.conditions[:4]} chapters={sorted(chapters)} item={item!r}")
    print(f"part={args.part} records={len(recs)} injected={injected}")
    print(f"recall: {hits}/{injected} = {hits / max(injected, 1):.3f}")
    print(f"recall where the record's conditions map to an ICD-10-CM chapter: {known_hits}/{known} = {known_hits / max(known, 1):.3f}")
    print(f"noise on the clean records: {noise} findings on {noisy}/{len(recs)} records")


if __name__ == "__main__":
    main()
