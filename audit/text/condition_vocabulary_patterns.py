"""Disease names ICD-10-CM has only in forms registrants do not write, read by their shape (issue 20, tenth round).

ICD-10-CM files burns by degree and site ("Burn of third degree of multiple sites of left lower limb") and poisoning
by substance and intent ("Toxic effect of organophosphate and carbamate insecticides, accidental (unintentional)");
registrants write "full-thickness burns", "burns covering 20 % TBSA", "organophosphate poisoning", "snakebite
envenoming", "paracetamol overdose". No title holds those words in that order, so ``IcdMatcher`` reads them here by
their grammatical shape - a substance and the noun of its harm, a depth or cause and the noun "burn" - and gives them
a representative code of their specialty (``condition_systems``: "19:toxic", "19:burns"), which is all TA301 compares.

Also here: the spelling variants both sides of the ICD-10-CM matcher share - a prefix joined to its word by a hyphen
("post-thrombotic" is ICD-10-CM's "postthrombotic", "peri-implantitis") and an abbreviation in brackets inside a name
("glucose-6-phosphate dehydrogenase (G6PD) deficiency").

Regexes are linear: alternations of literals and bounded lookaheads, no nested quantifiers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: a representative code of each specialty (chapter 19 blocks, ``condition_systems._CODE_SYSTEMS``)
TOXIC_CODE = "T65.91"  # toxic effect of unspecified substance
VENOM_CODE = "T63.91"  # toxic effect of contact with unspecified venomous animal
BURN_CODE = "T30.0"  # burn of unspecified body region, unspecified degree

#: the harm of a substance, after its name: "organophosphate poisoning", "snakebite envenoming", "paracetamol overdose"
_SUBSTANCE_HARM = re.compile(
    r"\b(?:(?P<first>[A-Za-z][A-Za-z'\u2019-]{1,30})\s+)?(?P<sub>[A-Za-z][A-Za-z0-9'\u2019-]{2,40})\s+(?P<harm>poisoning|envenoming|envenomation|envenomations|overdose|overdoses)\b",
    re.I,
)
#: the harm before its substance: "poisoning by paraquat", "envenoming by Russell's viper", "overdose of acetaminophen"
_HARM_SUBSTANCE = re.compile(
    r"\b(?P<harm>poisoning|envenoming|envenomation|overdose)\s+(?:by|with|from|of|due\s+to)\s+(?P<sub>[A-Za-z][A-Za-z0-9-]{2,40})\b", re.I
)
#: the bite or sting that envenoms ("snakebite", "snake bite", "scorpion sting")
_BITE = re.compile(r"\b(?:snake\s*bites?|snakebites?|scorpion\s+stings?|(?:viper|cobra|krait|spider)\s+bites?)\b", re.I)
#: words before a harm noun that are no substance: "suspected poisoning" is a poisoning of any substance (still
#: toxicology), but "food poisoning" is an intestinal infection (A05) and "blood poisoning" sepsis
_NOT_TOXIC = frozenset({"food", "blood", "foods"})
_NOT_A_SUBSTANCE = frozenset(
    {"acute", "chronic", "suspected", "severe", "mild", "moderate", "confirmed", "intentional", "accidental", "deliberate", "with"}
    | {"of", "by", "no", "any", "prior", "previous", "recent", "and", "or", "the", "a", "an", "for", "after", "following"}
    | {"from", "due", "to", "in", "on", "at", "risk", "fatal", "nonfatal", "non-fatal", "self"}
)
#: words of the course or certainty of a poisoning, kept in the quoted name ("acute paraquat poisoning")
_COURSE = frozenset({"acute", "chronic", "suspected", "severe", "mild", "moderate", "confirmed", "intentional", "accidental", "deliberate"})
#: a burn named by its depth, cause or size ("full-thickness burns", "second-degree burn", "scald burns", "burn injury",
#: "burns covering 10-30% of the total body surface area")
_BURN_QUALIFIER = (
    r"(?:(?:(?:deep|superficial|mid)[\s-]+)?(?:full|partial|deep|superficial|mid|mixed)[\s-]+(?:dermal[\s-]+)?thickness"
    r"|(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+degree|thermal|flame|scald|contact|electrical|chemical|major|severe|extensive|acute)"
)
_BURN = re.compile(
    # one qualifier or two ("second-degree scald burns", "deep partial-thickness flame burns")
    rf"\b(?:{_BURN_QUALIFIER}[\s,]+(?:(?:and|or)\s+)?)?{_BURN_QUALIFIER}\s+burns?\b"
    r"|\bburn\s+(?:injury|injuries|wounds?|patients|victims|survivors)\b"
    r"|\bburns?\b(?=[^.;\n]{0,60}?\b(?:TBSA|body\s+surface))",
    re.I,
)


def specialty_mentions(text: str) -> Iterator[tuple[str, int, int]]:
    """(code, start, end) of the burns and poisonings a text names by their shape."""
    for m in _SUBSTANCE_HARM.finditer(text):
        sub = m.group("sub").lower()
        if sub in _NOT_TOXIC:
            continue
        first = (m.group("first") or "").lower()
        if sub in _NOT_A_SUBSTANCE:
            start = m.start("sub") if sub in _COURSE else m.start("harm")
        elif first in _COURSE or first and first not in _NOT_A_SUBSTANCE and first not in _NOT_TOXIC:
            start = m.start()  # a substance of two words: "carbon monoxide poisoning", "Russell's viper envenoming"
        else:
            start = m.start("sub")
        code = VENOM_CODE if m.group("harm").lower().startswith("envenom") else TOXIC_CODE
        yield code, start, m.end()
    for m in _HARM_SUBSTANCE.finditer(text):
        if m.group("sub").lower() not in _NOT_TOXIC:
            yield (VENOM_CODE if m.group("harm").lower().startswith("envenom") else TOXIC_CODE), m.start(), m.end()
    for m in _BITE.finditer(text):
        yield VENOM_CODE, m.start(), m.end()
    for m in _BURN.finditer(text):
        yield BURN_CODE, m.start(), m.end()


#: prefixes written with a hyphen or joined to their word ("post-thrombotic" / "postthrombotic", "peri-implantitis")
PREFIXES = frozenset({"post", "peri", "pre", "para", "intra", "extra", "sub", "supra", "retro", "trans", "non"})


def joined_variant(toks: tuple[str, ...]) -> tuple[str, ...] | None:
    """A title's words with each prefix joined to the word after it, or None when it has no such prefix."""
    if not PREFIXES.intersection(toks[:-1]):
        return None
    out: list[str] = []
    i = 0
    while i < len(toks):
        if toks[i] in PREFIXES and i + 1 < len(toks):
            out.append(toks[i] + toks[i + 1])
            i += 2
        else:
            out.append(toks[i])
            i += 1
    return tuple(out)


_ABBREV = re.compile(r"[A-Z0-9][A-Za-z0-9-]{1,9}")


def bracketed_abbreviation(text: str, start: int, end: int) -> bool:
    """The token at start:end is an abbreviation alone in brackets inside a name: "(G6PD)", "(REM)"."""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] == "("
        and text[end] == ")"
        and bool(_ABBREV.fullmatch(text, start, end))
        and sum(c.isupper() for c in text[start:end]) >= 2
    )


# --- forms of ICD-10-CM titles registrants write (used by ``IcdMatcher`` when it builds its keys) ---


def singular(word: str) -> str:
    """A food's name in the singular, as it is said before "allergy" ("peanuts" -> "peanut", "eggs" -> "egg")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def allergy_wordings(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """What registrants write for ICD-10-CM's "Allergy to X" (tenth round): "X allergy", "allergic to X", the food in
    the singular ("peanut allergy"), a food's "products" left out ("milk allergy" for "Allergy to milk products"), and
    "X allergy" for "X allergy status". Never the drugs' allergy titles: those are no specialty's (``SPECIALTY_TITLE``)."""
    if len(toks) >= 2 and toks[-1] == "allergy" and len(toks) <= 3:
        food = toks[:-1]
        return [(*food, "allergies"), ("allergic", "to", *food), ("allergy", "to", *food)]
    if len(toks) < 3 or toks[:2] != ("allergy", "to") or len(toks) > 5 or {"other", "and", "or", "than"} & set(toks):
        return []
    food = toks[2:]
    if len(food) > 1 and food[-1] == "products":
        food = food[:-1]
    forms = {food, (*food[:-1], singular(food[-1]))}
    out = []
    for f in forms:
        out += [(*f, "allergy"), (*f, "allergies"), ("allergic", "to", *f), ("allergy", "to", *f)]
    return out


#: titles of chapters 19 and 21 that name a specialty's disease (``condition_systems``: burns, toxicology, allergy)
SPECIALTY_TITLE = re.compile(r"\b(?:burns?|corrosions?|poisoning|toxic\s+effect|venom|smoke|anaphylactic|allergy|food\s+reactions?)\b")
#: and those of them that name a drug's harm or a status, not a disease a trial enrols
NOT_A_SPECIALTY_TITLE = re.compile(
    r"\b(?:adverse\s+effect|underdosing|drugs?|medicinal|biological|encounter|sequela|intentional|assault|undetermined)\b"
)


def status_dropped(toks: tuple[str, ...], key: str) -> tuple[tuple[str, ...], str]:
    """A "bee allergy status" is a "bee allergy": the factor chapter's "status" names the allergy itself."""
    if len(toks) >= 3 and toks[-1] == "status" and toks[-2] == "allergy":
        return toks[:-1], key[: -len(" status")]
    return toks, key


#: events of many diseases, never one disease's name alone ("attacks" of angioedema, gout, asthma, migraine)
EVENTS = frozenset({("attack",), ("attacks",), ("episode",), ("episodes",), ("spell",), ("spells",), ("crisis",), ("crises",)})
#: severity words opening a title of three words or more, whose rest is the disease ("Mild hyperemesis gravidarum")
SEVERITY = frozenset({"mild", "moderate", "severe"})
ROMAN = frozenset({"i", "ii", "iii", "iv"})


def unnumbered(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A title ending in its type's roman numeral, as registrants write it: "complex regional pain syndrome type i"
    and, without the numeral, "complex regional pain syndrome" (three words or more before it)."""
    if len(toks) < 4 or toks[-1] not in ROMAN or toks[-2] == "type":
        return []
    return [(*toks[:-1], "type", toks[-1]), toks[:-1]]


#: the last words of a genetic syndrome's name in chapter 17 ("Klinefelter syndrome karyotype 47, XXY")
SYNDROME_NOUNS = frozenset({"syndrome", "disease"})


def syndrome_heads(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A syndrome's name before the karyotype or variant that follows it in a chapter-17 title."""
    for i, w in enumerate(toks):
        if w in SYNDROME_NOUNS and 1 <= i < len(toks) - 1:
            return [toks[: i + 1]]
    return []
