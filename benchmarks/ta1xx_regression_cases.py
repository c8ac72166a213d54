"""The real criteria texts kept as TA1xx regression cases (tests/data/criteria/).

Each case names the rules that must NOT fire on that real text (a false-positive pattern found
while hand-checking flagged records) and the rules that MUST fire (a true defect). Run
``python benchmarks/ta1xx_regression_cases.py`` to check them against the shared data, and with
``write`` to (re)write tests/data/criteria/ and its manifest.json.
"""

import json
import sys
from pathlib import Path as _P

sys.path.insert(0, str(_P(__file__).resolve().parents[1]))
from pathlib import Path

import benchmarks.measure_ta1xx as m
from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context

rules = m.load_ta1_rules()
ctx = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
cases = {
    "NCT02737722": (["TA110"], []),
    "NCT02586350": (["TA110"], []),
    "NCT02105987": (["TA110"], []),
    "NCT02639520": (["TA130"], []),
    "NCT00451178": (["TA110"], []),
    "NCT02734693": (["TA110", "TA111"], []),
    "NCT00610194": (["TA102"], ["TA103"]),
    "NCT02149199": (["TA102"], ["TA103"]),
    "NCT00239785": (["TA102"], []),
    "NCT02996682": (["TA102"], []),
    "NCT00238303": (["TA102"], []),
    "NCT01220531": (["TA101"], []),
    "NCT05482828": (["TA101"], []),
    "NCT03424005": (["TA101"], []),
    "NCT00350207": (["TA101"], []),
    "NCT02477865": (["TA101"], []),
    "NCT02106897": (["TA101"], []),
    "NCT01188421": (["TA101", "TA102"], []),
    "NCT02216214": (["TA101"], []),
    "NCT01557569": (["TA101"], []),
    "NCT01153711": (["TA101"], []),
    "NCT00349206": (["TA101"], []),
    "NCT02128217": (["TA101"], []),
    "NCT01826838": (["TA101"], []),
    "NCT00073723": (["TA101"], []),
    "NCT00563381": (["TA103"], []),
    "NCT02268851": (["TA103"], []),
    "NCT01936844": (["TA120"], []),
    "NCT02745392": (["TA120"], []),
    "NCT02297230": (["TA120", "TA110"], []),
    "NCT01306942": (["TA111", "TA112"], []),
    "NCT03310645": (["TA121", "TA110"], []),
    "NCT01244035": (["TA121", "TA110"], []),
    "NCT02323906": (["TA113"], []),
    "NCT00537485": (["TA113"], []),
    "NCT01019486": (["TA113"], []),
    "NCT00301938": (["TA131"], []),
    "NCT01751178": (["TA111"], []),
    "NCT03135860": (["TA114"], ["TA121"]),
    "NCT00254618": (["TA112"], ["TA121"]),
    "NCT02116959": (["TA110"], []),
    "NCT02906930": (["TA110"], []),
    "NCT03107026": (["TA110"], ["TA121"]),
    "NCT03066947": (["TA110"], []),
    "NCT02308748": (["TA110"], []),
    "NCT02679963": (["TA101"], []),
    "NCT00315341": (["TA120"], []),
    "NCT02214147": (["TA120"], []),
    "NCT01677299": (["TA120"], []),
    "NCT01456039": (["TA103"], []),
    "NCT03243305": (["TA120"], []),
    "NCT02725372": (["TA120"], []),
    "NCT02414854": (["TA120"], []),
    "NCT01101594": ([], ["TA120"]),
    "NCT00379717": (["TA120"], []),
    "NCT02911467": (["TA120"], []),
    "NCT02176486": (["TA120"], []),
    "NCT00277758": (["TA121"], []),
    "NCT02083536": (["TA120"], []),
    "NCT00452699": (["TA113"], []),
    # must fire (true defects)
    "NCT00935818": ([], ["TA111", "TA120"]),
    "NCT02836873": ([], ["TA112"]),
    "NCT04710303": ([], ["TA114"]),
    "NCT00770328": ([], ["TA103", "TA121"]),
    "NCT03332069": ([], ["TA130"]),
    "NCT00226941": ([], ["TA131"]),
    "NCT02273050": ([], ["TA121"]),
    "NCT02610075": ([], ["TA111"]),
    "NCT06171568": ([], ["TA102"]),
}
NOTES = {
    "NCT02737722": "hard-wrapped line starting like a marker: 'seven\n (7) days'",
    "NCT02586350": "hard-wrapped line 'Stage\n IV) or metastasis'",
    "NCT02105987": "hard-wrapped line 'Category\n C) disease'",
    "NCT02639520": "hard-wrapped line 'at Visit\n 1.' (bare marker)",
    "NCT00451178": "exclusion list numbered on from the inclusion list (6.-10.) after a 'Patients must not:' label",
    "NCT02734693": "XML items indented deeper than item 1 but numbered on from it",
    "NCT00610194": "flattened text: '... MUGA scan. Exclusion Criteria: - Use of ...' inside a line",
    "NCT02149199": "flattened text: '... EXCLUSION CRITERIA 1. Smoker ...'",
    "NCT00239785": "header wrapped across lines: '... in the study Exclusion\n Criteria'",
    "NCT02996682": "'Other protocol defined Inclusion/Exclusion criteria may apply'",
    "NCT00238303": "NCI layout: exclusions written as negative inclusion items ('must not')",
    "NCT01220531": "header spelling 'Transplant Inclusion:'",
    "NCT05482828": "header spelling '[Inclusion Criteria]'",
    "NCT03424005": "header spelling 'Inclusion Criteria Stage 1'",
    "NCT00350207": "header spelling 'Inclusion_Criteria:'",
    "NCT02477865": "header with full-width colon 'Inclusion Criteria (all of the 8 must be met)：'",
    "NCT02106897": "header 'Part 1: Key Inclusion Criteria For Healthy Volunteers:'",
    "NCT01188421": "combined header 'Inclusion/Exclusion Criteria:'",
    "NCT02216214": "header 'Inclusion Criteria assessed at Visit 1 (Screening):'",
    "NCT01557569": "header 'Inclusion Criteria.' (period)",
    "NCT01153711": "header without colon 'Inclusion criteria Healthy male and female volunteers'",
    "NCT00349206": "generic header 'Criteria:'",
    "NCT02128217": "lead-in 'Step 1 inclusion criteria for both cohorts'",
    "NCT01826838": "lead-in 'Each patient must meet all of the following inclusion criteria ...:'",
    "NCT00073723": "lead-in 'Patients must be:'",
    "NCT00563381": "wrapped line 'exclusion criterion 1.' is not a header",
    "NCT02268851": "'Exclusion Criteria:-' stray dash, no criterion merged",
    "NCT01936844": "sub-list 'i. ... ii. ...' written left of its parent item '2. ... (at least one of the conditions must be met);'",
    "NCT02745392": "sub-list '(i) ...' left of its parent '2. ... the following characteristics:'",
    "NCT02297230": "formula split over bullets: '- (72) (serum creatinine [mg/dL])'",
    "NCT01306942": "roman sub-lists of different items ('iii)' twice), 'ii).' marker followed by a period",
    "NCT03310645": "enumeration inside one criterion '(a)condoms ... (b)diaphragm'",
    "NCT01244035": "enumeration inside one criterion 'except 1) certain skin cancers; 2) cancer ...'",
    "NCT02323906": "outdented label 'Adequate hepatic function including:' between sub-lists",
    "NCT00537485": "'... i.e.; 1) Subject has ...' sub-enumeration inline",
    "NCT01019486": "numbering restarts after a group label in the item text '... High-risk group (n= 10)'",
    "NCT00301938": "cytogenetic terms one per bullet: '-5q', '7q-', 'abn12p'",
    "NCT01751178": "lettered sub-lists of different items ('d)' twice)",
    "NCT03135860": "sub-list under an item run into item 2 ('2. hospitalization 5. Left ventricular ...:')",
    "NCT00254618": "items run together '1. a history ... 2. a history ...' (one without its dot): not a skip",
    "NCT02116959": "wrapped citation 'Schwartz et al.\n J. Peds' is not a lettered list",
    "NCT02906930": "'Class\nIV. - Planned ...' lone roman numeral",
    "NCT03107026": "list interrupted by a label and nested bullets, continued at another indentation",
    "NCT03066947": "item '2.' wrapped into the text of a deeper sub-list",
    "NCT02308748": "item '2.' after sub-bullets of item '- 1.'",
    "NCT02679963": "lead-in 'For inclusion in the study subjects should fulfill the following criteria:' before 'Non-inclusion criteria:'",
    "NCT00315341": "labels outdented between a numbered sub-list and a bulleted one ('Significant ST segment abnormalities:')",
    "NCT02214147": "wrapped line '     criteria:' is not a bare 'Criteria:' header",
    "NCT01677299": "hard-wrapped '... at Visit\n 1) of metformin alone' at the same indentation",
    "NCT02083536": "outline numbers behind bullets: '- 1.', '- 1.1', '- 2.'",
    "NCT00452699": "numbering restarts after a paragraph inside the parent item",
    "NCT01456039": "lead-in sentence after the header: 'Exclusion Criteria: Confirmation should be made before enrollment ... corresponding to the criteria ...'",
    "NCT03243305": "roman sub-items (i. ii. iii. iv.) under a lettered item at one indentation",
    "NCT02725372": "lettered sub-items under an item run into the text ('9. ... following cardiac abnormalities:' then 'a.')",
    "NCT02414854": "'a)' item with roman notes 'i)' at one indentation",
    "NCT01101594": "TRUE: '- 1. Pregnant or lactating women' among '-' bullets",
    "NCT00379717": "'iii.' on its own line continues 'i. ... ii. ...' inside the bullet before it",
    "NCT00277758": "options enumerated in a note: 'NOTE A: ... the following methods: 1) condoms ... 2) diaphragm ...'",
    "NCT02911467": "roman sub-items 'i.' / 'ii.' (one outdented) among '-' bullets",
    "NCT02176486": "roman sub-items 'iii.' / 'iv.' among '-' bullets",
    "NCT00935818": "TRUE: '3.' then '3) ... 4) ...' (duplicate 3, mixed styles)",
    "NCT02836873": "TRUE: 1., 2., 4) (3 missing)",
    "NCT04710303": "TRUE: sub-list numbered 1. 2. 3. under item 9. and not indented",
    "NCT00770328": "TRUE: 'Inclusions: 1. ... 2. ... 3. ...' header and items on one line",
    "NCT03332069": "TRUE: stray empty '-' bullet",
    "NCT00226941": "TRUE: '- OR' as a list item",
    "NCT02273050": "TRUE: '2. HbA1c ...; 3.Fasting C-peptide ...; 4. ...' on one line",
    "NCT02610075": "TRUE: item 11. numbered twice",
    "NCT06171568": "TRUE: inclusion only ('Patient over 18 years...')",
}
found = {}
for corpus, rid, text, md in m.texts(Path("/work/shared/data")):
    nct = rid.split(":")[-1]
    if nct in cases and nct not in found:
        rec = record_from_example({"criteria": text, "criteria_markdown": md})
        fired = {r.code for r in rules if list(r.check(rec, ctx))}
        nf, mf = cases[nct]
        bad = [c for c in nf if c in fired]
        miss = [c for c in mf if c not in fired]
        found[nct] = (corpus, rid, text, md)
        print(f"{nct:12} {'OK ' if not bad and not miss else 'BAD'} fired={sorted(fired)} mustnot={bad} missing={miss}")
print("not found:", set(cases) - set(found))
if len(sys.argv) > 1:
    out = _P(__file__).resolve().parents[1] / "tests" / "data" / "criteria"
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for nct, (corpus, rid, text, md) in sorted(found.items()):
        nf, mf = cases[nct]
        ext = "md" if md else "txt"
        (out / f"{nct}.{ext}").write_text(text, encoding="utf-8")
        manifest.append(
            {
                "file": f"{nct}.{ext}",
                "source": rid,
                "corpus": corpus,
                "markdown": md,
                "must_not_fire": nf,
                "must_fire": mf,
                "note": NOTES.get(nct, ""),
            }
        )
    json.dump(manifest, open(out / "manifest.json", "w"), indent=1)
