"""Organ systems of conditions, read from the ICD-10-CM chapters, for the condition-scope rules.

TA301 reports an inclusion criterion that requires, for everyone, a disease from *another organ
system or specialty* than every condition the trial declares. "Another organ system" is decided
here, with the chapters of ICD-10-CM (the shipped extract, ``trial_audit.text.icd10cm``):
primary biliary cholangitis (K74.3, chapter 11, digestive) is foreign to a lupus trial (M32,
chapter 13, musculoskeletal and connective tissue); type 2 diabetes (E11, chapter 4) is not
foreign to a hypertension trial (I10, chapter 9) because the cardio-renal-metabolic chapters are
linked (``LINKED``).

Chapters that do not name an organ system (symptoms, injuries, external causes, factors
influencing health, congenital malformations, pregnancy, perinatal) never decide: a trial of
chemotherapy-induced nausea (R11) may require a cancer diagnosis.

Also here: ICD-10-CM names in free text (``IcdMatcher``), so that a requirement of a disease the
curated vocabulary does not list ("biopsy-proven membranous nephropathy") is still recognised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from trial_audit.text import icd10cm
from trial_audit.text.condition_tokens import tokenise, tokens_norm
from trial_audit.text.condition_words import GENERIC_TITLE_WORDS as _GENERIC
from trial_audit.text.icd10cm import EXTRACT, cached_state, icd_title_key, tabular

#: ICD-10-CM chapters (numbered as in the tabular list) that are organ systems or specialties
ORGAN_CHAPTERS = frozenset({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "22"})
#: chapter 22 (codes for special purposes) holds COVID-19 (U07.1): an infection
_SAME_AS = {"22": "1"}
#: systems whose diseases are routinely required together in one trial: the cardio-renal-metabolic
#: axis (hypertension in a metabolic-syndrome trial, CKD in a diabetes trial), skin with the
#: inflammatory rheumatic diseases (psoriasis and psoriatic arthritis, lupus of the skin), the
#: kidney's glomerular diseases with the rest of nephrology and with the rheumatic diseases that
#: cause them (lupus nephritis, vasculitis). A key is a chapter ("9", every system of it) or a
#: system within a chapter ("14:kidney", ``SUBSYSTEMS``).
LINKED = (
    frozenset({"4:metabolic", "9", "14:kidney"}),
    frozenset({"12", "13:rheum"}),
    frozenset({"14:kidney", "14:glom"}),
    frozenset({"13:rheum", "14:glom"}),
    # fatty liver disease is defined by its cardiometabolic risk factors (MASLD: diabetes, obesity,
    # hypertension, dyslipidaemia): a fatty-liver trial requires them on purpose, and the other way round
    # chapter 4 is endocrinology (thyroid, the other glands) and metabolism (diabetes, lipids, nutrition): the
    # glands' diseases come with diabetes and hypertension (Cushing's syndrome, primary aldosteronism), the
    # thyroid's with the other glands; thyroid disease is foreign to a diabetes or hypertension trial
    frozenset({"4:metabolic", "11:metabolic"}),  # (type 2 diabetes in a NASH trial, NASH in a type 2 diabetes trial)
    frozenset({"4:glands", "4:metabolic", "9", "14:kidney"}),  # (kidney stones of hyperparathyroidism)
    frozenset({"1:U00-U49", "10:acute"}),  # COVID-19 pneumonia, ARDS, respiratory failure
    frozenset({"4:thyroid", "4:glands"}),
    # gout and the other crystal arthropathies are rheumatology, not the skin's or the glomerulus' disease
    # (gout in an atopic-dermatitis trial is foreign); a gout trial's urate band is its own by the vocabulary
    # (gout's parent is hyperuricaemia), not by a link of the whole chapter - a trial placed in chapter 13 by a
    # word would take part in it ("Pneumococcal" is placed there by the many codes of pneumococcal arthritis)
    frozenset({"13:crystal", "13:rheum"}),
    # chapter 11 is three specialties (``SUBSYSTEMS``): fatty liver disease is a liver disease, and bleeding from
    # the digestive tract (K92) comes with liver disease (varices) as with the gut's own diseases
    frozenset({"11:liver", "11:metabolic"}),
    frozenset({"11:bleed", "11:liver"}),
    frozenset({"11:bleed", "11:gi"}),
)
#: substance use disorders (F10-F16, F18-F19) and the organs the substances harm and the infections
#: injecting and drinking bring (HIV, viral hepatitis, tuberculosis - not every infection: COVID-19 is
#: no harm of alcohol): a liver, heart, brain, lung or HIV/hepatitis trial may require them, and they those
#: (one-way entries both ways, not a ``LINKED`` group: a group holding the whole chapter "1" would link
#: every infection to every other)
_SUBSTANCE_HARMS = ("1:B20", "1:B15-B19", "1:A15-A19", "6", "9", "10", "11:liver", "11:bleed")
#: (of the digestive system, the liver and pancreas - alcohol-related liver disease, pancreatitis - and bleeding from
#: the tract; not the gut's own diseases: ulcerative colitis in a cocaine-users trial is another specialty)
#: codes that are a system of their own within a chapter not otherwise split: fatty liver disease
#: (K75.81 steatohepatitis, K76.0 fatty liver) is metabolic liver disease
_CODE_SYSTEMS = {"K7581": "11:metabolic", "K760": "11:metabolic", "M1A": "13:crystal"}
#: the substance use disorders are a system of chapter 5 with their own links (``LINKED``); nicotine
#: dependence (F17) is a trait (``is_trait``)
_CODE_SYSTEMS |= {f"F1{d}": "5:substance" for d in "01234568" + "9"}
#: the acute lung injuries an infection brings (pneumonia J12-J18, ARDS J80, respiratory failure J96): a
#: COVID-19 trial requires them on purpose (``LINKED``), not the lungs' chronic diseases (IPF, COPD, asthma)
#: gastrointestinal haemorrhage (K92.0-K92.2), linked to the liver and the gut (``LINKED``); oesophageal and
#: gastric varices (I85, I86.4) are portal hypertension's, a liver disease, though filed with the veins
_CODE_SYSTEMS |= {"K920": "11:bleed", "K921": "11:bleed", "K922": "11:bleed", "I85": "11:liver", "I864": "11:liver"}
_CODE_SYSTEMS |= {c: "10:acute" for c in ("J12", "J13", "J14", "J15", "J16", "J17", "J18", "J80", "J96")}
#: one-way links: a trial of the key system may require diseases of the value systems - a trial of
#: a blood condition (cancer-related anaemia, neutropenia) may require the cancer it comes with; a
#: glomerular-disease trial the hypertension or diabetes that comes with it. The other way round
#: (thalassaemia in a leukaemia trial, IgA nephropathy in a hypertension trial) is another specialty.
ONE_WAY = {
    "3": ("2",),
    "14:glom": ("4:metabolic", "9"),
    # one way to the heart (eighth round): a fatty-liver trial may require hypertension; biopsy-proven NASH required in a
    # myocardial-infarction or arrhythmia trial is a hepatology population of its own (with metabolism: both ways, ``LINKED``)
    "11:metabolic": ("9",),
    # an HIV trial may require an AIDS-defining illness (the disease of the population it studies):
    # opportunistic infections (tuberculosis, mycobacteria, herpes and cytomegalovirus, fungi,
    # toxoplasma and pneumocystis, cryptosporidium), Kaposi sarcoma and lymphoma - not another
    # infection such as hepatitis B or C (a co-infection population the record must say it enrols)
    "5:substance": _SUBSTANCE_HARMS,
    "1:B20": ("1:A15-A19", "1:A30-A49", "1:B00-B09", "1:B25-B34", "1:B35-B49", "1:B50-B64", "1:A00-A09", "2:C45-C49", "2:heme"),
}
for _harm in _SUBSTANCE_HARMS:
    ONE_WAY[_harm] = (*ONE_WAY.get(_harm, ()), "5:substance")
#: chapters whose blocks are several specialties (the block distance within a chapter): the
#: inflammatory rheumatic diseases (arthropathies M00-M14, systemic connective-tissue disorders
#: M30-M36, inflammatory spondylopathies M45-M46) are rheumatology, the rest of chapter 13 (arthrosis,
#: spine, soft tissue, bone) orthopaedics; chapter 14 is nephrology - glomerular diseases (N00-N08)
#: and the rest of the kidney (N10-N29) - and the urinary, genital and breast organs (N30-N99).
#: Gout is another specialty in a cervical-disc trial, IgA nephropathy in a contraception trial.
#: Chapter 12: the sunlight disorders of the skin (L55-L59), the organ background of skin cancers,
#: and the rest of dermatology. Gout and the crystal arthropathies (M10-M11, M1A) are rheumatology of
#: their own, linked to urate metabolism; chapter 4 is thyroid (E00-E07), the other endocrine glands
#: (E20-E35) and metabolism (diabetes, lipids, nutrition, E08-E16 and E40-E89).
SUBSYSTEMS = {
    "13": (("M10", "M11", "crystal"), ("M00", "M14", "rheum"), ("M30", "M36", "rheum"), ("M45", "M46", "rheum"), ("M15", "M99", "mech")),
    "4": (("E00", "E07", "thyroid"), ("E20", "E35", "glands"), ("E08", "E89", "metabolic")),
    "14": (("N00", "N08", "glom"), ("N10", "N29", "kidney"), ("N30", "N99", "genital")),
    # the skin disorders sunlight causes (actinic keratosis L57.0) are the background of skin cancers; the
    # rest of dermatology (psoriasis, eczema, acne) is another specialty than melanoma
    "12": (("L55", "L59", "sun"), ("L00", "L99", "skin")),
    # chapter 11: the mouth and teeth (K00-K14), the digestive tract (oesophagus to anus, peritoneum, malabsorption,
    # K20-K69 and K90-K95) and the liver, biliary tract and pancreas (K70-K87): GERD or periodontitis in a
    # hepatitis C trial, cirrhosis in a Crohn's disease trial are another specialty
    "11": (("K00", "K14", "oral"), ("K20", "K69", "gi"), ("K70", "K87", "liver"), ("K90", "K95", "gi")),
}
#: curated areas (condition_markers.toml) that are one specialty, for concepts without ICD codes
_AREA_GROUPS = ({"cardiometabolic", "cardiovascular", "renal"}, {"oncology", "hematologic_malignancy", "hematologic"})


def chapter_of(code: str) -> str | None:
    """The ICD-10-CM chapter of a code ("K74.3" -> "11"); None for a code the extract does not know."""
    ch = tabular().chapter_of_node(code)
    return _SAME_AS.get(ch, ch) if ch else None


def system_of(code: str) -> str | None:
    """The organ system of a code: its chapter, or for infections and neoplasms its block.

    Infections and neoplasms are each one chapter but many organ systems: HIV (B20) is not
    hepatitis C (B15-B19), rectal cancer (C15-C26, digestive organs) is not renal cell carcinoma
    (C64-C68, urinary tract). Their blocks stand for the organ system, as "2:C15-C26"; the
    lymphoid and haematopoietic neoplasms (C81-C96, D45-D47) are one, "2:heme".
    """
    ch = chapter_of(code)
    c = code.replace(".", "")
    if ch == "17":  # congenital malformations: the organ malformed ("Polycystic kidney" -> urinary)
        return next((organ for lo, hi, organ in _CONGENITAL if lo <= c[:3] <= hi), None)
    special = next((v for k, v in _CODE_SYSTEMS.items() if c.startswith(k)), None)
    if special:
        return special
    if ch in SUBSYSTEMS:
        # a code of the chapter gives its specialty; the chapter's own node ("13") stays the whole chapter
        # by the category ("M48" spinal stenosis, beside "M45" ankylosing spondylitis in block M45-M49); a
        # category with a letter ("M1A", chronic gout) by its block (M05-M14)
        key = c[:3]
        if len(key) == 3 and not key[2].isdigit():
            anc = _ancestors(code)
            key = (anc[-2] if len(anc) >= 2 else code)[:3]
        return next((f"{ch}:{name}" for lo, hi, name in SUBSYSTEMS[ch] if lo <= key <= hi), ch)
    if ch not in _BY_BLOCK:
        return ch
    if ch == "2" and ("C81" <= c[:3] <= "C96" or "D45" <= c[:3] <= "D47"):
        return "2:heme"
    anc = _ancestors(code)
    block = anc[-2] if len(anc) >= 2 else code
    return f"{ch}:{block}"


_BY_BLOCK = frozenset({"1", "2"})
#: congenital-malformation blocks (chapter 17) -> the organ chapter they belong to
_CONGENITAL = (
    ("Q00", "Q07", "6"),
    ("Q10", "Q15", "7"),
    ("Q16", "Q18", "8"),
    ("Q20", "Q28", "9"),
    ("Q30", "Q34", "10"),
    ("Q35", "Q45", "11"),
    ("Q50", "Q64", "14"),
    ("Q65", "Q79", "13"),
    ("Q80", "Q84", "12"),
)


@lru_cache(maxsize=65536)
def _ancestors(code: str) -> tuple[str, ...]:
    return tabular().ancestors(code)


def is_trait(code: str) -> bool:
    """A state trials require on purpose in any population, not another organ system's disease:
    nicotine dependence (F17: smokers in a COPD, heart or cancer-screening trial), obesity and
    overweight (E66: obese adults in a sleep-apnoea trial), pain as such (G89). The other substance
    use disorders (F10-F16, F18-F19) are diagnoses of their own system, "5:substance", linked to the
    organs the substances harm (``LINKED``): alcohol use disorder in a liver trial is on purpose, in
    a knee-osteoarthritis trial it is not."""
    c = code.replace(".", "")
    return c[:3] in ("F17", "E66", "G89")


def organ_chapters(codes: Iterable[str], traits: bool = False) -> frozenset[str]:
    """The organ systems (``system_of``) of some codes; symptom, injury, factor ... chapters left out.

    ``traits``: keep the chapters of traits (a nicotine-dependence trial is a chapter-5 trial; only
    a *required* trait is never foreign).
    """
    out = {system_of(c) for c in codes if traits or not is_trait(c)}
    return frozenset(c for c in out if c is not None and c.split(":")[0] in ORGAN_CHAPTERS)


def _chapter(system: str) -> str:
    return system.split(":")[0]


def _covers(key: str, system: str) -> bool:
    """A link key stands for a system: the same, a chapter key for any system of it, or a system
    known only by its chapter ("13", from a setting or a curated area) for any key of that chapter
    when the chapter is one of several specialties (undecided within the chapter, so never foreign)."""
    return key == system or key == _chapter(system) or (system in SUBSYSTEMS and _chapter(key) == system)


def _in_group(key: str, system: str) -> bool:
    """A link key names the system itself or its whole chapter; a system known only as a whole split
    chapter ("13", a name placed by its words) may be any specialty of it, so it takes part in their links."""
    return _covers(key, system)


def _near(required: str, declared: str, links: bool = True) -> bool:
    """The required system is the declared one, or (``links``) linked to it (both ways, or one way from the declared)."""
    if _covers(required, declared) or _covers(declared, required):
        return True
    if not links:
        return False
    if any(any(_in_group(k, required) for k in g) and any(_in_group(k, declared) for k in g) for g in LINKED):
        return True
    return any(_in_group(k, declared) and any(_in_group(v, required) for v in vals) for k, vals in ONE_WAY.items())


#: the organ chapter of each block of solid neoplasms: a cancer is related to its organ's other
#: diseases (Child-Pugh cirrhosis in a liver-cancer trial, COPD in a lung-cancer trial)
_ORGAN_OF_BLOCK = {
    "C00-C14": "11",
    "C15-C26": "11",
    "C30-C39": "10",
    "C40-C41": "13:mech",
    "C43-C44": "12:sun",
    "C45-C49": "13",
    "C50": "",  # breast: no organ chapter of its own (its disorders sit with the genitourinary ones)
    "C51-C58": "14:genital",
    "C60-C63": "14:genital",
    "C64-C68": "14",
    "C69-C72": "6",
    "C73-C75": "4",
    "D10-D36": "",
    # infections of one organ: viral hepatitis (liver), tuberculosis (lung), intestinal and sexually
    # transmitted infections; HIV is not linked (an HIV requirement is foreign to a haematology trial)
    "B15-B19": "11:liver",
    "A15-A19": "10",
    "A00-A09": "11:gi",
    "A50-A64": "14:genital",
}


def _organ(system: str) -> str | None:
    """The organ chapter of a neoplasm's or an infection's block ("2:C15-C26" -> "11"), if it has one."""
    if system.startswith(("1:", "2:")):
        return _ORGAN_OF_BLOCK.get(system[2:]) or None
    return None


def foreign_chapters(required: frozenset[str], declared: Iterable[str], coarse: bool = False) -> bool:
    """The required systems share none (nor a linked one) with the declared systems.

    ``coarse``: compare chapters only (a tumour biomarker such as HER2 is measured in any neoplasm).
    False when either side is unknown: without a system on both sides nothing is decided.
    """
    dec = set(declared)
    if not required or not dec:
        return False
    # a neoplasm or an infection stands for its organ too, but only as that organ: the organ's own links
    # do not carry over (melanoma's organ is the skin, and skin is linked to rheumatology, but gout is
    # another specialty than melanoma)
    organs = {o for d in dec if (o := _organ(d))}
    full = set(dec)
    if coarse:
        dec, organs = {_chapter(d) for d in dec}, {_chapter(o) for o in organs}
    for r in required:
        r_organ = _organ(r)
        cands = {r} | ({r_organ} if r_organ else set())
        if coarse:
            # the same chapter is enough; links are those of the systems themselves (a chapter of several specialties
            # compared as a whole would take part in the links of every specialty of it: chapter 11 in fatty liver's)
            if any(_chapter(c) == d for c in cands for d in dec) or any(_near(r, d) for d in full):
                return False
            cands = {_chapter(c) for c in cands}
        elif any(_near(c, d, links=c == r) for c in cands for d in dec):
            return False
        if any(_near(c, o, links=False) for c in cands for o in organs):
            return False
    return True


def foreign_areas(area: str, declared: Iterable[str]) -> bool:
    """The fallback for concepts without ICD-10-CM codes: the curated area differs from every declared one."""
    dec = {a for a in declared if a != "other"}
    if area == "other" or not dec:
        return False
    for group in _AREA_GROUPS:
        if area in group:
            return not (dec & group)
    return area not in dec


# --- ICD-10-CM names in text ------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class IcdMention:
    code: str
    chapter: str
    start: int
    end: int
    text: str


class IcdMatcher:
    """ICD-10-CM titles and inclusion terms, matched as word sequences (accents ignored).

    ``strict`` (for criteria text): only organ-system chapters, and only names specific enough to
    stand for one disease - two or more words, or one word that is not an everyday clinical word
    ("infection", "anaemia") or a lab state ("neutropenia"); titles of residual or vague codes
    ("other", "unspecified", "without complication") are left out. Not strict (for registered
    condition names, which are names of conditions by construction): every title, and a name
    that is the start of a title ("Polycystic kidney" -> "Polycystic kidney, adult type").
    """

    def __init__(self, strict: bool = True) -> None:
        keys: dict[tuple[str, ...], str] = {}
        prefixes: dict[tuple[str, ...], str] = {}
        suffixes: dict[tuple[str, ...], str] = {}
        heads: dict[tuple[str, ...], str] = {}
        for toks, key, code, chapter in _title_tokens():
            if strict:
                if len(key) > 60 or chapter not in ORGAN_CHAPTERS:
                    continue
                if toks[0] in _BAD_FIRST or _VAGUE.search(key):
                    # the disease a residual or qualified title is about is a name too ("Unspecified cataract",
                    # "Insomnia, unspecified", "Chronic periodontitis", "Otitis media, unspecified")
                    for head in _residual_heads(toks, key):
                        if _specific_name(head) or (head[0] in _COURSE and _specific_name(head[1:])):
                            heads.setdefault(head, code)
                    continue
                if not _specific_name(toks):
                    continue
            elif 1 < len(toks) <= 8:
                for n in range(2, len(toks)):
                    prefixes.setdefault(toks[:n], code)
                if len(toks) <= 4 and len(toks[-1]) >= 5 and toks[-1] not in _GENERIC:
                    suffixes.setdefault(toks[-1:], code)  # "Female infertility" places "Infertility"
                for n in range(max(1, len(toks) - 4), len(toks) - 1):
                    suffixes.setdefault(toks[n:], code)  # "... lumbosacral intervertebral disc degeneration"
            keys.setdefault(toks, code)
        if strict:
            heads.update(_head_words(heads))
        for head, code in heads.items():
            keys.setdefault(head, code)  # a title that is the name itself comes first
        # word sequences kept as one string each (words joined by _SEP): the same lookups, and a
        # stored matcher reads back in about half the time of tuples (~150,000 keys)
        self._keys = {_SEP.join(k): v for k, v in keys.items()}
        self._prefixes = {_SEP.join(k): v for k, v in prefixes.items()}
        self._suffixes = {_SEP.join(k): v for k, v in suffixes.items()}
        lens: dict[str, set[int]] = {}
        for k in keys:
            lens.setdefault(k[0], set()).add(len(k))
        self._lens = {w: sorted(ls, reverse=True) for w, ls in lens.items()}

    def mentions(self, text: str) -> list[IcdMention]:
        """ICD-10-CM names in a text, longest first, non-overlapping."""
        toks = tokenise(text)
        low = [_plain(t.lower()) for t, _, _ in toks]
        out: list[IcdMention] = []
        i, n = 0, len(toks)
        while i < n:
            hit = 0
            for L in self._lens.get(low[i], ()):
                if L <= n - i and _SEP.join(low[i : i + L]) in self._keys:
                    hit = L
                    break
            if hit:
                code = self._keys[_SEP.join(low[i : i + hit])]
                s0, e0 = toks[i][1], toks[i + hit - 1][2]
                out.append(IcdMention(code, chapter_of(code) or "", s0, e0, text[s0:e0]))
                i += hit
            else:
                i += 1
        return out

    def prefix_code(self, name: str) -> str | None:
        """The code of the first title that starts with the whole name (two words or more), or that
        ends with it ("Disc degeneration" -> "... intervertebral disc degeneration"; one word only
        for short titles: "Infertility" -> "Female infertility")."""
        toks = _SEP.join(_plain(t) for t in tokens_norm(name))
        return self._prefixes.get(toks) or self._suffixes.get(toks)


_KEY_WORD = re.compile(r"[^\W_]+")
#: joins the words of a matcher key: a control character, which no word (letters and digits, with
#: their accents taken off) holds, so that two word sequences never join to the same key
_SEP = "\x1f"


@lru_cache(maxsize=1)
def _title_tokens() -> list[tuple[tuple[str, ...], str, str, str | None]]:
    """(words, title, code, chapter) of every title-index entry of at most 80 characters, once per
    process for both matchers. The index keys are already lower case with single spaces, so a
    plain word split (possessive "'s" dropped, as ``tokenise`` does) gives the same words."""
    out = []
    for key, code in tabular().title_index.items():
        if len(key) > 80:
            continue
        words = _KEY_WORD.findall(key.replace("'s ", " ").replace("\u2019s ", " "))
        if words:
            out.append((tuple(_plain(w) for w in words), key, code, chapter_of(code)))
    return out


def _plain(word: str) -> str:
    """A word without accents ("ménière" -> "meniere") and in American spelling ("oesophagitis" ->
    "esophagitis", "anaemia" -> "anemia", "generalised" -> "generalized"): ICD-10-CM is written in
    American English, registrants of the UK, Australia, India and Europe write British English."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return _american(word)


#: British spellings of medical words: ae/oe for e (haem-, anaem-, oesophag-, oedema, diarrhoea, caesarean,
#: coeliac, foetal), -our for -or in tumour, -ise for -ize ("generalised", "hospitalised"); applied to
#: ICD-10-CM titles and text alike, so an American word that has the pattern is changed on both sides
_BRITISH = re.compile(r"(?<=[a-z])ae|(?<=[a-z])oe|^oe|^ae(?=[st])|(?<=tum)our|(?<=[a-z]{2})is(?=(?:e|ed|es|ing|ation|ations)$)")


def _american(word: str) -> str:
    if "e" not in word and "is" not in word and "our" not in word:
        return word
    return _BRITISH.sub(lambda m: "e" if m.group(0) in ("ae", "oe") else ("or" if m.group(0) == "our" else "iz"), word)


#: qualifiers of a title whose following word is the disease itself ("Chronic periodontitis", "Acute bronchitis")
_QUALIFIER = frozenset({"chronic", "acute", "other", "unspecified", "primary", "secondary", "aggressive", "recurrent"})
_QUALIFIER |= {"generalized", "localized", "idiopathic", "essential", "subacute"}
#: the tail of a residual title after its disease's name (", unspecified", " without complications", " NOS")
#: (not " NOS": an inclusion term "X NOS" is the vague use of a word - "Back pain NOS", "Nodule NOS")
#: course words that open ICD-10-CM titles ("Acute ...", "Chronic ..."): left out of the strict matcher as first
#: words (``_BAD_FIRST``), but a title of three words or more that goes on with a disease is a disease's name
_COURSE = frozenset({"acute", "chronic", "subacute"})
_RESIDUAL_TAIL = re.compile(r",\s*(?:unspecified|site\s+unspecified|not\s+elsewhere\s+classified)\b.*$|\s+(?:without|with)\b.*$")
_RESIDUAL_HEAD = re.compile(r"^(?:unspecified|other)\s+")


def _residual_heads(toks: tuple[str, ...], key: str) -> list[tuple[str, ...]]:
    """The disease name inside a residual or qualified ICD-10-CM title: "Unspecified cataract" ->
    "cataract", "Insomnia, unspecified" -> "insomnia", "Chronic periodontitis" -> "periodontitis",
    "Gastro-esophageal reflux disease without esophagitis" -> "gastro-esophageal reflux disease"."""
    out = []
    head = _RESIDUAL_HEAD.sub("", _RESIDUAL_TAIL.sub("", key)).strip()
    if head and head != key and not _VAGUE.search(head):
        words = tuple(_plain(w) for w in _KEY_WORD.findall(head.replace("'s ", " ")))
        if words and words[0] not in _BAD_FIRST:
            out.append(words)
    if len(toks) == 2 and toks[0] in _QUALIFIER:
        out.append(toks[1:])
    elif len(toks) >= 3 and toks[0] in _COURSE and toks[1] not in _BAD_FIRST and not _VAGUE.search(key) and "," not in key:
        # a disease named with its course ("Acute sphenoidal sinusitis", "Chronic viral hepatitis", "Chronic
        # pancreatitis" is two words, above): the whole title, and the disease without the course word
        out += [toks, toks[1:]]
    return out


def _head_words(known: dict[tuple[str, ...], str]) -> dict[tuple[str, ...], str]:
    """One-word disease names that ICD-10-CM uses only qualified ("Age-related cataract", "Male
    infertility", "Degenerative myopia"): the last word of short organ-chapter titles, when at least
    ``_WORD_SHARE`` of those titles (two or more) are of one organ system."""
    counts: dict[str, dict[str, int]] = {}
    first: dict[tuple[str, str], str] = {}
    for toks, key, code, chapter in _title_tokens():
        # a word after a comma qualifies ("Aggressive periodontitis, localized"); an adjective is no head noun
        if not 2 <= len(toks) <= 3 or chapter not in ORGAN_CHAPTERS or len(key) > 60 or "," in key or _ADJECTIVE.search(toks[-1]):
            continue
        w, sys_ = toks[-1], system_of(code) or ""
        c = counts.setdefault(w, {})
        c[sys_] = c.get(sys_, 0) + 1
        first.setdefault((w, sys_), code)
    out = {}
    for w, c in counts.items():
        total = sum(c.values())
        best, n = max(c.items(), key=lambda kv: kv[1])
        if not _DISEASE_NOUN.search(w) or _LAB_STATE.search(w.rstrip("s")) or w in _NOT_ONE_DISEASE:
            continue  # an organ ("prostate", "bladder"), a state or a qualifier ("status", "response"), not a disease
        if best and total >= 2 and n >= _WORD_SHARE * total and len(w) >= 6 and (w,) not in known and _specific_name((w,)):
            out[(w,)] = first[(w, best)]
    return out


#: endings of disease nouns (inflammations, conditions, tumours, palsies, dystrophies, herniations)
_DISEASE_NOUN = re.compile(r"(?:itis|osis|oses|iasis|iases|ism|pathy|pathies|oma|omas|plegia|trophy|rrhea|ectasis|cele|ia|ias)$")
#: words with such an ending that name a class or a tissue state rather than one disease
_NOT_ONE_DISEASE = frozenset({"neoplasia", "necrosis", "hematoma", "anomalia", "trauma", "dysplasia", "hyperplasia", "fibrosis"})
#: complications of cancer treatment, which supportive-care trials registered by the cancer require on purpose
_NOT_ONE_DISEASE |= {"mucositis", "radiodermatitis", "pneumonitis", "osteonecrosis", "esophagitis", "cystitis"}
_ADJECTIVE = re.compile(r"(?:ed|al|ic|ous|ive|ary|ar|ile|oid|ent|ant)$")


def _specific_name(toks: tuple[str, ...]) -> bool:
    """Two words or more, or one specific word: not an everyday clinical word ("infection"), not a lab state."""
    if not toks or toks[0] in _BAD_FIRST:
        return False
    return len(toks) > 1 or not (len(toks[0]) < 4 or toks[0] in _GENERIC or _LAB_STATE.search(toks[0]))


#: words that make a title too vague to stand for one disease, or a procedure / status rather than a disease
_VAGUE = re.compile(
    r"\b(?:other|unspecified|without|not\s+elsewhere|nos|status|history|encounter|personal|family|sequela|in\s+diseases|"
    r"due\s+to|following|complicating|affecting|observation|screening|contact)\b"
)
#: one-word lab states ("neutropenia", "hypercalcemia", "lymphocytosis"): results, not an organ's disease
_LAB_STATE = re.compile(r"(?:emia|aemia|penia|cytosis|philia|uria)$")
#: first words of titles that are not disease names in running text
_BAD_FIRST = frozenset({"acute", "chronic", "disease", "disorder", "disorders", "diseases", "syndrome", "injury", "abnormal", "elevated"})


@lru_cache(maxsize=2)
def icd_matcher(strict: bool = True) -> IcdMatcher:
    """Built once per process (about 0.5 s each), on first use; kept between runs (``cached_state``)."""
    from pathlib import Path

    from trial_audit.text.icd10cm import EXTRACT, cached_state

    name = "icd-matcher-strict" if strict else "icd-matcher-names"
    from trial_audit.text import condition_words

    # the word lists are part of what the matcher is built from: a change to them rebuilds it
    return cached_state(name, [EXTRACT, Path(__file__), Path(condition_words.__file__)], lambda: IcdMatcher(strict), IcdMatcher)


@lru_cache(maxsize=16384)
def icd_codes_of_name(name: str, exact: bool = False) -> tuple[str, ...]:
    """ICD-10-CM codes a registered condition name stands for.

    The whole name when it is a title ("Primary biliary cirrhosis"), else the titles found in it
    ("Chronic Insomnia" -> "insomnia"), else the title it starts ("Polycystic Kidney").
    """
    if not name or len(name) > 300:
        return ()
    key = icd_title_key(name)
    index = tabular().title_index
    # "Meningioma" is the inclusion term "Meningioma NOS" (not otherwise specified): the same name
    code = index.get(key) or index.get(key + " nos")
    if code and not exact and not organ_chapters((code,), traits=True):
        # a symptom title ("Delirium NOS" is R41.0) decides nothing: the name's words may ("delirium": F05)
        word_code = word_system_code(name)
        return (code, word_code) if word_code else (code,)
    if code:
        return (code,)
    if exact:
        return ()
    m = icd_matcher(strict=False)
    found = tuple(dict.fromkeys(x.code for x in m.mentions(name)))
    if found:
        return found
    code = m.prefix_code(name) or word_system_code(name)
    return (code,) if code else ()


@lru_cache(maxsize=16384)
def icd_codes_in_title(title: str) -> tuple[str, ...]:
    """ICD-10-CM codes a trial's title names: the whole title, else the names of two words or more in it.
    A one-word title inside a long title is too often another sense of the word ("callus" of a healing
    fracture is not L84 corns and callosities; an acronym "SOLID" names no disease)."""
    if not title or len(title) > 300:
        return ()
    whole = icd_codes_of_name(title, exact=True)
    if whole:
        return whole
    return tuple(dict.fromkeys(x.code for x in icd_matcher(strict=False).mentions(title) if len(tokens_norm(x.text)) >= 2))


def word_system_code(name: str) -> str | None:
    """A code of the one organ system that the words of a short registered name belong to in
    ICD-10-CM, when no title names it ("Cataract", "Post-operative delirium", "Esophageal achalasia").

    Each word of the name (five letters or more, not a word of every chapter such as "chronic")
    that ICD-10-CM titles use is placed by the titles containing it: in an organ system when at
    least ``_WORD_SHARE`` of them (two or more) are of that system ("cataract": 60 of 66 titles in
    chapter 7, the rest diabetic cataract); outside every organ system when most of them are
    injuries, symptoms or factors ("burns", "suicide", "pain", "transplantation"). A name is placed
    only when its placed words agree on one organ system and none of its words is of the second
    kind: "Kidney transplantation" and "Shoulder pain" stay unplaced.
    """
    words = [_plain(w) for w in tokens_norm(name)]
    if not words or len(words) > 5:
        return None
    stats = _word_systems()
    placed = set()
    for w in words:
        if len(w) < 5 or w in _EVERY_CHAPTER or w not in stats:
            continue
        system, code = stats[w]
        if not system:
            return None
        if code:
            placed.add((system, code))
    if len({s for s, _ in placed}) != 1:
        return None
    return next(iter(placed))[1]


#: share of a word's titles that must fall in one organ system for the word to place a name
_WORD_SHARE = 0.8
#: words of titles in many chapters, or of the form rather than the organ, never placing a name alone
_EVERY_CHAPTER = frozenset(
    {"chronic", "acute", "syndrome", "disease", "diseases", "disorder", "disorders", "primary", "secondary", "severe", "mild"}
    | {"moderate", "congenital", "hereditary", "familial", "benign", "malignant", "neoplasm", "infection", "injury", "injuries"}
    | {"postoperative", "operative", "post", "complication", "complications", "healthy", "volunteers", "condition", "conditions"}
    | {"induced", "related", "associated", "elderly", "children", "adult", "adults", "women", "patients", "therapy", "treatment"}
    # words of the form of a disorder, said of every organ ("cognitive impairment", "renal impairment",
    # "erectile dysfunction", "hearing loss"): the other words of the name place it, or nothing does
    | {"impairment", "impairments", "dysfunction", "insufficiency", "failure", "deficiency", "abnormality", "abnormalities"}
)


class _WordSystems:
    """The word table of ``_word_systems`` as ``cached_state`` stores it: one attribute of plain data."""

    def __init__(self) -> None:
        self.table: dict[str, tuple[str, str]] = _build_word_systems()


@lru_cache(maxsize=1)
def _word_systems() -> dict[str, tuple[str, str]]:
    """word -> (organ system, a code of it) for words whose ICD-10-CM titles mostly fall in one organ
    system, or ("", "") for words whose titles are mostly outside the organ chapters (injuries,
    symptoms, factors); words of mixed use are left out. Built once, on the first registered name
    nothing else places. A neoplasm or an infection of an organ counts for the organ ("kidney":
    chronic kidney disease and kidney cancer alike).

    Building it walks ~58,000 titles (~0.3 s of CPU, paid by a one-record audit whose record has
    such a name); it is kept between runs in the run cache of the ICD-10-CM matchers, keyed on the
    extract and the code that builds it (this module, the ICD-10-CM reader)."""
    sources = [EXTRACT, Path(__file__), Path(icd10cm.__file__)]
    return cached_state("icd-word-systems", sources, _WordSystems, _WordSystems).table


def _build_word_systems() -> dict[str, tuple[str, str]]:
    """The table of ``_word_systems``, built from the extract."""
    counts: dict[str, dict[str, int]] = {}
    first: dict[tuple[str, str], str] = {}
    memo: dict[str, str] = {}
    for toks, _key, code, _chap in _title_tokens():
        if code not in memo:
            sys_ = system_of(code)
            organ = (_organ(sys_) or sys_) if sys_ and sys_.split(":")[0] in ORGAN_CHAPTERS else ""
            # a word places a name in a chapter, not in one specialty of it ("joint" is rheumatology and orthopaedics)
            # (and a system of one chapter's codes, "5:substance", by the chapter: "delirium" is said of alcohol too)
            memo[code] = _chapter(organ) if _chapter(organ) in SUBSYSTEMS or organ in _CODE_SYSTEMS.values() else organ
        system = memo[code]
        for w in set(toks):
            if len(w) >= 5:
                c = counts.setdefault(w, {})
                c[system] = c.get(system, 0) + 1
                if (w, system) not in first or (chapter_of(code) == system and chapter_of(first[(w, system)]) != system):
                    first[(w, system)] = code  # prefer a code of the chapter itself (not a neoplasm, infection or malformation of it)
    out = {}
    for w, c in counts.items():
        total = sum(c.values())
        best, n = max(c.items(), key=lambda kv: kv[1])
        if not best and n * 2 > total:
            out[w] = ("", "")  # mostly injuries, symptoms, factors: the word places nothing
        elif best and total >= 2 and n >= _WORD_SHARE * total:
            # the chapter's own node for a chapter of several specialties: the name is placed in the chapter only
            out[w] = (best, best if best in SUBSYSTEMS else first[(w, best)])
    return out


#: the organ system of a curated area, for concepts without ICD-10-CM codes ("autoimmune" spans several)
AREA_SYSTEM = {
    "oncology": "2",
    "hematologic_malignancy": "2:heme",
    "hematologic": "3",
    "cardiometabolic": "4",
    "cardiovascular": "9",
    "renal": "14",
    "hepatic": "11:liver",
    "neurological": "6",
    "psychiatric": "5",
    "respiratory": "10",
    "infectious": "1",
    "ophthalmic": "7",
    "otologic": "8",
    "dermatologic": "12",
    "musculoskeletal": "13",
    "gastrointestinal": "11:gi",
    "endocrine": "4",
    "urogenital": "14",
}
