"""ICD-10-CM names in free text and in registered condition names, for the condition-scope rules.

Split out of ``condition_systems`` (organ systems, the ICD-10-CM chapters, which this module reads
to place a name): ``IcdMatcher`` finds ICD-10-CM titles and inclusion terms in criteria text, so
that a requirement of a disease the curated vocabulary does not list ("biopsy-proven membranous
nephropathy") is still recognised; ``icd_codes_of_name`` / ``icd_codes_in_title`` give the codes a
registered condition or a trial's title stands for; ``word_system_code`` places a short name by the
organ system its words belong to when no title names it. The matchers and the word table are built
once per process and kept between runs (``icd10cm.cached_state``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from trial_audit.text import condition_systems, icd10cm
from trial_audit.text.condition_systems import (
    _CODE_SYSTEMS,
    ORGAN_CHAPTERS,
    SUBSYSTEMS,
    _chapter,
    _organ,
    chapter_of,
    organ_chapters,
    system_of,
)
from trial_audit.text.condition_tokens import tokenise, tokens_norm
from trial_audit.text.condition_vocabulary_patterns import (
    EVENTS,
    NOT_A_SPECIALTY_TITLE,
    PREFIXES,
    SEVERITY,
    SPECIALTY_TITLE,
    SYNDROME_NOUNS,
    allergy_wordings,
    bracketed_abbreviation,
    joined_variant,
    specialty_mentions,
    status_dropped,
    syndrome_heads,
    unnumbered,
)
from trial_audit.text.condition_words import GENERIC_TITLE_WORDS as _GENERIC
from trial_audit.text.icd10cm import EXTRACT, cached_state, icd_title_key, tabular


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
        #: names without their type's numeral, used only where no title has the name ("Prostatic intraepithelial
        #: neoplasia" is N42.31's own name, not D07.5's "... neoplasia III")
        numbered: dict[tuple[str, ...], str] = {}
        prefixes: dict[tuple[str, ...], str] = {}
        suffixes: dict[tuple[str, ...], str] = {}
        heads: dict[tuple[str, ...], str] = {}
        #: names inside titles ("adhesive capsulitis" of "Adhesive capsulitis of shoulder"), with the systems of their titles
        inner: dict[tuple[str, ...], dict[str, str]] = {}
        from_nos: set[tuple[str, ...]] = set()  # of those, the names of "X NOS" titles (X said without qualification)
        qualified: set[tuple[str, ...]] = set()  # and the one-word names qualified by their course ("chronic insomnia")
        for toks, key, code, chapter in _title_tokens():
            if strict:
                if len(key) > 60:
                    continue
                if chapter not in ORGAN_CHAPTERS or chapter == "19":
                    # of the injury and factor chapters, only the titles of a specialty's disease (burns, poisoning,
                    # envenoming, food allergy: ``condition_systems._CODE_SYSTEMS``), not "adverse effect of" a drug
                    if not SPECIALTY_TITLE.search(key) or NOT_A_SPECIALTY_TITLE.search(key) or not organ_chapters((code,), traits=True):
                        continue
                    toks, key = status_dropped(toks, key)
                if chapter == "17" and (toks[0] in _BAD_FIRST or _VAGUE.search(key) or system_of(code) is None):
                    # a malformation only by its own title: "Other male with 46,XX karyotype" names no disease "male";
                    # but a syndrome's name before its residual tail or its karyotype is ("Klinefelter syndrome, unspecified")
                    if system_of(code) is not None:
                        for head in _residual_heads(toks, key) + syndrome_heads(toks):
                            if len(head) >= 2 and head[-1] in SYNDROME_NOUNS:
                                heads.setdefault(head, code)
                    continue
                if toks[0] in _BAD_FIRST or _VAGUE.search(key):
                    # the disease a residual or qualified title is about is a name too ("Unspecified cataract",
                    # "Insomnia, unspecified", "Chronic periodontitis", "Otitis media, unspecified")
                    for head in _residual_heads(toks, key):
                        if head in EVENTS:
                            continue  # "Attacks without alteration of consciousness": "attacks" alone is any disease's
                        if _specific_name(head) or (head[0] in _COURSE and _specific_name(head[1:])):
                            heads.setdefault(head, code)
                        elif _qualifiable(head):
                            # a one-word disease too common to stand alone ("insomnia", "arthritis") is one disease
                            # when its course or the word "disorder" qualifies it ("chronic insomnia", "insomnia disorder")
                            for q in _qualified(head[0]):
                                inner.setdefault(q, {}).setdefault(system_of(code) or "", code)
                                from_nos.add(q)
                                qualified.add(q)
                    for head in _inner_names(toks, key) if chapter != "2" else ():
                        inner.setdefault(head, {}).setdefault(system_of(code) or "", code)
                        if toks[-1] == "nos" and "of" not in toks:
                            from_nos.add(head)
                    for q in _qualified_inner(toks) if chapter != "2" else ():
                        inner.setdefault(q, {}).setdefault(system_of(code) or "", code)
                        from_nos.add(q)
                        qualified.add(q)
                    continue
                if chapter == "17" and system_of(code) is not None:
                    for head in syndrome_heads(toks):  # "Klinefelter syndrome karyotype 47, XXY"
                        heads.setdefault(head, code)
                for head in unnumbered(toks):  # "Complex regional pain syndrome I" is "... syndrome type I"
                    numbered.setdefault(head, code)
                if len(toks) >= 3 and toks[0] in SEVERITY and _specific_name(toks[1:]) and len(toks[1:]) >= 2:
                    heads.setdefault(toks[1:], code)  # "Mild hyperemesis gravidarum": "hyperemesis gravidarum"
                if len(toks) == 2 and _inborn_error(toks[-1], code):
                    heads.setdefault(toks[-1:], code)  # "Classical phenylketonuria": "phenylketonuria" is the disease
                if not _specific_name(toks):
                    continue
                # (not a neoplasm's: "squamous cell carcinoma" of the skin's titles is a histology of many organs)
                for head in _inner_names(toks, key) if chapter != "2" else ():
                    inner.setdefault(head, {}).setdefault(system_of(code) or "", code)
                for q in _qualified_inner(toks) if chapter != "2" else ():
                    # a one-word disease before its site ("Diverticulitis of large intestine ..."), qualified by its
                    # course ("acute diverticulitis"), as a one-word residual title is
                    inner.setdefault(q, {}).setdefault(system_of(code) or "", code)
                    from_nos.add(q)
                    qualified.add(q)
            elif 1 < len(toks) <= 8:
                for n in range(2, len(toks)):
                    prefixes.setdefault(toks[:n], code)
                if len(toks) <= 4 and len(toks[-1]) >= 5 and toks[-1] not in _GENERIC:
                    suffixes.setdefault(toks[-1:], code)  # "Female infertility" places "Infertility"
                for n in range(max(1, len(toks) - 4), len(toks) - 1):
                    suffixes.setdefault(toks[n:], code)  # "... lumbosacral intervertebral disc degeneration"
            keys.setdefault(_no_articles(toks), code)
            for variant in _usual_wordings(toks):
                keys.setdefault(variant, code)
        if strict:
            heads.update(_head_words(heads))
            # a name inside titles of one organ system only ("deep vein thrombosis" of "Deep vein thrombosis NOS")
            # (and of the system its words place it in: "allergic dermatitis" of "Allergic dermatitis of eyelid" is
            # the skin's disease, not the eye's)
            for head, by_system in inner.items():
                if len(by_system) == 1 and "" not in by_system:
                    code = next(iter(by_system.values()))
                    # a name cut from before a site ("... of eyelid") must be placed there by its own words too: the
                    # site's chapter may not be the disease's ("arterial thrombosis" of the spinal cord's titles)
                    by_words = word_system_code(" ".join(head))
                    if head in qualified and by_words in SUBSYSTEMS:
                        continue  # "chronic arthritis": a word of several specialties of one chapter (rheumatology, orthopaedics)
                    if by_words is None and head in from_nos or by_words is not None and chapter_of(by_words) == chapter_of(code):
                        heads.setdefault(head, code)
        for head, code in numbered.items():
            keys.setdefault(head, code)
        for head, code in heads.items():
            keys.setdefault(_no_articles(head), code)  # a title that is the name itself comes first
        for k, code in list(keys.items()):
            joined = joined_variant(k)  # "post-thrombotic" in text is "postthrombotic" (``mentions`` joins it too)
            if joined:
                keys.setdefault(joined, code)
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
        # articles are left out on both sides: "adhesive capsulitis of the shoulder" is "... of shoulder"
        toks = [t for t in tokenise(text) if t[0].lower() not in _ARTICLES and not bracketed_abbreviation(text, t[1], t[2])]
        toks = _hyphen_joined(text, toks)
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
        # burns and poisonings by their shape (``condition_vocabulary_patterns``), where no title was found
        for code, s0, e0 in specialty_mentions(text):
            if not any(m.start < e0 and s0 < m.end for m in out):
                out.append(IcdMention(code, chapter_of(code) or "", s0, e0, text[s0:e0]))
        out.sort(key=lambda m: m.start)
        return out

    def prefix_code(self, name: str) -> str | None:
        """The code of the first title that starts with the whole name (two words or more), or that
        ends with it ("Disc degeneration" -> "... intervertebral disc degeneration"; one word only
        for short titles: "Infertility" -> "Female infertility")."""
        toks = _SEP.join(_plain(t) for t in tokens_norm(name))
        return self._prefixes.get(toks) or self._suffixes.get(toks)


#: words left out of titles and text alike when names are matched ("a" and "an" are letters of names: "vitamin A
#: deficiency", "hepatitis A")
_ARTICLES = frozenset({"the"})


def _hyphen_joined(text: str, toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A prefix joined by a hyphen to the word after it is one word ("post-thrombotic" -> "postthrombotic"), as in the
    matcher's keys (``joined_variant``); a prefix written apart ("post myocardial infarction") stays a word."""
    if "-" not in text:
        return toks
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t[0].lower() in PREFIXES and i + 1 < len(toks) and text[t[2] : toks[i + 1][1]] == "-":
            out.append((t[0] + toks[i + 1][0], t[1], toks[i + 1][2]))
            i += 2
        else:
            out.append(t)
            i += 1
    return out


def _no_articles(toks: tuple[str, ...]) -> tuple[str, ...]:
    kept = tuple(t for t in toks if t not in _ARTICLES)
    return kept or toks


def _inner_names(toks: tuple[str, ...], key: str) -> list[tuple[str, ...]]:
    """The disease a title names before its site or its qualifier: "adhesive capsulitis" of "Adhesive capsulitis of
    shoulder", "deep vein thrombosis" of "Deep vein thrombosis NOS" - two words or more that end in a disease noun
    ("-itis", "-osis", "-pathy" ...), not a lab state; kept by the caller only when every title holding it is of one
    organ system."""
    if "," in key or "of" not in toks and toks[-1] != "nos":
        return []
    head = toks[: toks.index("of")] if "of" in toks else toks[:-1]
    if len(head) < 2 or head[0] in _BAD_FIRST or head[0] in _QUALIFIER or _VAGUE.search(" ".join(head)) or {"and", "or"} & set(head):
        return []
    last = head[-1]
    if not _DISEASE_NOUN.search(last) or _LAB_STATE.search(last.rstrip("s")) or last in _NOT_ONE_DISEASE:
        return []
    return [head]


#: what registrants call the newborn of ICD-10-CM's perinatal titles ("Preterm newborn": "preterm infants", "neonates")
_NEWBORN = ("newborns", "infant", "infants", "neonate", "neonates", "baby", "babies")


def _usual_wordings(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """How clinicians write some ICD-10-CM titles: a substance's "dependence" (F10-F19) as the DSM-5 "use disorder"
    ("Opioid dependence" -> "opioid use disorder"), the perinatal titles' "newborn" as "infants" or "neonates"."""
    out = []
    if len(toks) == 2 and toks[1] == "dependence":
        out.append((toks[0], "use", "disorder"))
    if "newborn" in toks and len(toks) <= 4:
        i = toks.index("newborn")
        out += [(*toks[:i], w, *toks[i + 1 :]) for w in _NEWBORN]
    out += allergy_wordings(toks)
    return out


def _qualified_inner(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The course-qualified forms of a one-word disease named before its site ("Diverticulitis of large intestine")."""
    if "of" not in toks or toks.index("of") != 1 or not _qualifiable(toks[:1]):
        return []
    return _qualified(toks[0])


def _inborn_error(word: str, code: str) -> bool:
    """An inborn error of metabolism (E70-E77) named by the metabolite it raises ("phenylketonuria", "homocystinuria",
    "galactosemia", "tyrosinemia"): a disease, though its word ends like a lab state ("proteinuria", "hyperkalemia")."""
    return "E70" <= code[:3] <= "E77" and len(word) >= 10 and bool(_LAB_STATE.search(word))


def _qualifiable(head: tuple[str, ...]) -> bool:
    """A one-word disease name (not a lab state, not a class of lesions) that ICD-10-CM uses for one disease."""
    if len(head) != 1:
        return False
    w = head[0]
    return len(w) >= 6 and bool(_DISEASE_NOUN.search(w)) and not _LAB_STATE.search(w) and w not in _NOT_ONE_DISEASE


def _qualified(word: str) -> list[tuple[str, ...]]:
    # (and "acute", "recurrent" (tenth round): "acute pericarditis", "recurrent diverticulitis" are one disease as much
    # as "chronic insomnia" is; the words are left out as FIRST words of titles only, ``_BAD_FIRST``)
    return [(q, word) for q in ("chronic", "primary", "persistent", "acute", "recurrent")] + [(word, "disorder")]


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
    if len(word) > 7 and word.endswith("oses"):
        word = word[:-4] + "osis"  # the plural of a condition ("actinic keratoses", "exostoses"), on both sides
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
_RESIDUAL_TAIL = re.compile(
    r",\s*(?:unspecified|site\s+(?:unspecified|not\s+specified)|not\s+elsewhere\s+classified)\b.*$|\s+(?:without|with)\b.*$"
)
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
    # the word lists are part of what the matcher is built from: a change to them rebuilds it
    from trial_audit.text import condition_vocabulary_patterns, condition_words

    sources = [EXTRACT, Path(__file__), Path(condition_systems.__file__), Path(condition_words.__file__)]
    sources.append(Path(condition_vocabulary_patterns.__file__))
    return cached_state(name, sources, lambda: IcdMatcher(strict), IcdMatcher)


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
    in_order = name
    if name.count(",") == 1:
        # a MeSH-style inverted name ("Urinary Incontinence, Stress", "Leukemia, Myeloid"): the name read in order
        head, _, qualifier = name.partition(",")
        in_order = f"{qualifier.strip()} {head.strip()}"
        code = code or index.get(icd_title_key(in_order))
    if code and not exact and not organ_chapters((code,), traits=True):
        # a symptom title ("Delirium NOS" is R41.0) decides nothing: the name's words may ("delirium": F05)
        word_code = word_system_code(name)
        return (code, word_code) if word_code else (code,)
    if code:
        return (code,)
    if exact:
        return ()
    m = icd_matcher(strict=False)
    found = tuple(dict.fromkeys(x.code for x in m.mentions(name))) or tuple(dict.fromkeys(x.code for x in m.mentions(in_order)))
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
    extract and the code that builds it (this module, ``condition_systems``, the ICD-10-CM reader)."""
    sources = [EXTRACT, Path(__file__), Path(condition_systems.__file__), Path(icd10cm.__file__)]
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
