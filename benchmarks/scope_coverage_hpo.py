"""How many real registrants' disease names TA301 recognises as a required disease (issue 20, HPO round).

``scope_coverage.py`` draws ICD-10-CM titles verbatim, the vocabulary TA301 itself ships, so its
figure flatters. This benchmark draws names from a source that is neither of TA301's vocabularies
(ICD-10-CM, the Human Phenotype Ontology): the MeSH condition terms ClinicalTrials.gov attached to
the TUNE part's records (``derivedSection.conditionBrowseModule.meshes`` of the v2 records, the
``<condition_browse>`` of the legacy XML records), distinct terms in hash
order (no choice by hand). Each is written as an inclusion item in the forms of ``scope_coverage``
and audited in a trial registered for "Cataract" and in one registered for "Migraine" (the hosts of
``scope_coverage``). A name counts as recognised when any form is reported in either trial.

    python benchmarks/scope_coverage_hpo.py [--limit 200] [--misses 30] [--no-hpo]

``--no-hpo`` measures without the HPO fallback (``condition_hpo``), the before figure. The figure is a
recognition rate, not a recall: some MeSH terms are no disease a trial would require ("Body Weight"),
some are of the host's own system. Needs /work/shared/data (the tune part only; the unseen part is
never read: ``split.iter_records("tune", ...)``).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from scope_coverage import FORMS, reported  # noqa: E402
from split import iter_records  # noqa: E402

from trial_audit.engine.registry import select_rules  # noqa: E402

#: MeSH ancestors grouping a term, for the per-group table (first match wins)
_GROUPS = (
    "Neoplasms",
    "Infections",
    "Eye Diseases",
    "Otorhinolaryngologic Diseases",
    "Cardiovascular Diseases",
    "Respiratory Tract Diseases",
    "Musculoskeletal Diseases",
    "Nervous System Diseases",
    "Mental Disorders",
    "Digestive System Diseases",
    "Stomatognathic Diseases",
    "Skin and Connective Tissue Diseases",
    "Female Urogenital Diseases and Pregnancy Complications",
    "Male Urogenital Diseases",
    "Endocrine System Diseases",
    "Nutritional and Metabolic Diseases",
    "Congenital, Hereditary, and Neonatal Diseases and Abnormalities",
    "Hemic and Lymphatic Diseases",
    "Immune System Diseases",
)


def mesh_terms() -> dict[str, str]:
    """term -> MeSH group of every MeSH condition term of the tune part's v2 records (the group is read
    from a record that has this one term, whose MeSH ancestors are then this term's; else "mixed")."""
    out: dict[str, str] = {}
    for rec in iter_records("tune", "v2", sources="all"):
        study = json.loads(rec.raw)
        browse = (study.get("derivedSection") or {}).get("conditionBrowseModule") or {}
        ancestors = {a.get("term") for a in browse.get("ancestors") or [] if isinstance(a, dict)}
        meshes = [m.get("term") for m in browse.get("meshes") or [] if isinstance(m, dict) and m.get("term")]
        for term in meshes:
            if len(meshes) == 1:
                out[term] = next((g for g in _GROUPS if g in ancestors or g == term), "other")
            else:
                out.setdefault(term, "mixed")
    for rec in iter_records("tune", "xml", sources="all"):
        # the legacy XML's <condition_browse> block: MeSH terms only (no ancestors), read as text (no XML parser,
        # no entities); the group stays "mixed" unless a v2 record gave it
        raw = rec.raw.decode("utf-8", "replace") if isinstance(rec.raw, bytes) else rec.raw
        block = _BROWSE.search(raw)
        for term in _MESH.findall(block.group(0)) if block else ():
            out.setdefault(html.unescape(term.strip()), "mixed")
    return out


_BROWSE = re.compile(r"<condition_browse>.*?</condition_browse>", re.S)
_MESH = re.compile(r"<mesh_term>([^<]{1,200})</mesh_term>")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=200, help="distinct MeSH terms, in hash order")
    ap.add_argument("--misses", type=int, default=30)
    ap.add_argument("--no-hpo", action="store_true", help="without the HPO fallback (the before figure)")
    args = ap.parse_args(argv)
    if args.no_hpo:
        from trial_audit.text import condition_analysis

        condition_analysis.hpo_gap_mentions = lambda *a, **k: []
    terms = mesh_terms()
    order = sorted(terms, key=lambda t: hashlib.sha256(t.encode()).hexdigest())[: args.limit]
    rule = select_rules(["TA301"])[0]
    hits: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed = []
    for term in order:
        group = terms[term]
        # audited in a cataract trial and in a migraine trial: recognised when either reports it (an eye disease is
        # of the cataract trial's own system, a nervous one of the migraine trial's)
        ok = any(reported(rule, ch, form.format(x=term.lower(), X=term)) for ch in ("0", "7") for form in FORMS)
        total[group] += 1
        hits[group] += ok
        if not ok:
            missed.append(f"[{group}] {term}")
    for line in missed[: args.misses]:
        print("MISS", line)
    print("group  recognised/names")
    for g, n in total.most_common():
        print(f"  {g}: {hits[g]}/{n}")
    found, n = sum(hits.values()), sum(total.values())
    print(f"names: {n} of {len(terms)} distinct MeSH condition terms; recognised: {found}/{n} = {found / max(n, 1):.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
