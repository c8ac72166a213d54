"""Whether a required condition defines the trial's population on purpose: a population of two diseases.

A hepatitis C trial in patients who also have HIV requires "HIV-1 infection" of everyone on purpose; its
other items take the second disease for granted ("on antiretroviral therapy for at least 8 weeks",
"AIDS-defining opportunistic infections", "infected with HIV-2", "clinically significant illness other
than HCV or HIV"). A requirement copied from a sibling protocol stands alone. The condition-scope rule
TA301 asks this only when the record's title, conditions and summary do not name the second disease.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trial_audit.text.condition_analysis import Analysis, ItemHit

#: how many other items must take the condition for granted: one ("Known HIV or AIDS-related illness",
#: "HIV-positive patients on antiretroviral therapy are ineligible") is a common exclusion of any trial
MIN_PRESUPPOSING_ITEMS = 2

#: words after a condition's name that take the condition for granted: its treatment, its defining
#: events, another strain or type of the same pathogen ("HIV therapy", "AIDS-defining", "HIV-2")
_AFTER = r"(?:-defining\b|-[0-9]\b|\s+(?:therap(?:y|ies)|treatments?|drugs?|medications?|regimens?)\b)"
#: words before a name that exempt it from a list of exclusions: "illness other than HCV or HIV"
_EXEMPT_BEFORE = re.compile(r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|besides|excluding)\s+(?:[\w-]+\s+(?:or|and|/)\s+)?$", re.I)


#: an exemption from an exclusion naming two conditions: "(other than HCV or HIV)", "except hepatitis C and HIV"
_EXEMPT_LIST = re.compile(
    r"\b(?:other\s+than|except(?:\s+for)?|apart\s+from|besides)\s+([\w-]+(?:\s+[\w-]+)?\s+(?:or|and|/)\s+[\w-]+(?:\s+[\w-]+)?)", re.I
)


@lru_cache(maxsize=256)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted({n for n in names if len(n) >= 3}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in alts) + r")(?![\w])", re.I)


def presupposing_items(a: Analysis, hit: ItemHit) -> int:
    """How many criteria items other than the hit's take its condition for granted: a marker of the
    condition that is not its name (antiretroviral therapy, a CD4 count), its name followed by its treatment,
    a defining event or another strain, or its name exempted from an exclusion ("other than HIV")."""
    if a.doc is None or not hit.concepts:
        return 0
    text = a.doc.text
    c = hit.concepts[0]
    concept = a.vocab.concepts[c]
    pat = _name_pattern(tuple([concept.name, *concept.synonyms, *concept.abbrevs]))
    count = 0
    for item in a.doc.items():
        if item is hit.item:
            continue
        ts, te = item.text_start, item.text_end
        if _exempts_beside_declared(a, pat, text, ts, te):
            # "illness other than HCV or HIV" in a hepatitis C trial: the item names the two diseases every
            # participant has, the trial's and this one - on its own the population of two diseases
            count += MIN_PRESUPPOSING_ITEMS
        elif _takes_for_granted(a, c, pat, text, ts, te):
            count += 1
    return count


def _exempts_beside_declared(a: Analysis, pat: re.Pattern[str], text: str, ts: int, te: int) -> bool:
    """The item exempts the condition from an exclusion together with a declared condition ("other than HCV or HIV")."""
    for m in _EXEMPT_LIST.finditer(text, ts, te):
        names = m.group(1)
        if pat.search(names) and any(a.relation(x.concept) == "declared" for x in a.vocab.mentions(names)):
            return True
    return False


def _takes_for_granted(a: Analysis, c: str, pat: re.Pattern[str], text: str, ts: int, te: int) -> bool:
    names = [(m.start(), m.end()) for m in pat.finditer(text, ts, te)]
    for s0, e0 in names:
        if re.match(_AFTER, text[e0 : min(te, e0 + 30)], re.I) or _EXEMPT_BEFORE.search(text[max(ts, s0 - 40) : s0]):
            return True
    for mk, m in a.vocab.marker_hits(text[ts:te]):
        if c in mk.concepts:
            ms, me = m.start() + ts, m.end() + ts
            if not any(s0 < me and ms < e0 for s0, e0 in names):
                return True  # a marker that is not the name: "antiretroviral therapy", "CD4 count"
    return False
