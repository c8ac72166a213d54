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
#: words before a name that make it a treatment the participant is on ("On peritoneal dialysis", "receiving
#: maintenance haemodialysis") or the purpose of one ("dialysis for management of kidney disease"): the
#: disease is taken for granted
_TREATED_BEFORE = re.compile(
    r"(?:\b(?:on|receiving|undergoing|requiring|dependent\s+on|treated\s+with)\s+(?:(?:chronic|maintenance|regular|stable|"
    r"long[\s-]term|peritoneal|home|in[\s-]?cent(?:er|re))\s+)*|\bfor\s+(?:the\s+)?(?:management|treatment|control)\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?)$",
    re.I,
)
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


def presupposing_items(a: Analysis, hit: ItemHit, inclusion_only: bool = False) -> int:
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
    items = [it for sec in a.doc.sections if sec.kind == "inclusion" for it in sec.iter_items()] if inclusion_only else a.doc.items()
    for item in items:
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
        before = text[max(ts, s0 - 60) : s0]
        if re.match(_AFTER, text[e0 : min(te, e0 + 30)], re.I) or _EXEMPT_BEFORE.search(before) or _TREATED_BEFORE.search(before):
            return True
    for mk, m in a.vocab.marker_hits(text[ts:te]):
        if c in mk.concepts:
            ms, me = m.start() + ts, m.end() + ts
            if not any(s0 < me and ms < e0 for s0, e0 in names):
                return True  # a marker that is not the name: "antiretroviral therapy", "CD4 count"
    return False


#: the fields that say what a trial studies besides its registered conditions
_CONTEXT_FIELDS = ("brief_title", "official_title", "acronym", "brief_summary", "detailed_description", "plain_summary")


def little_context(record: object) -> bool:
    """The record says what the trial studies only through its registered conditions: no title, summary,
    keywords or MeSH terms (a row of a criteria table, a bare registry export). Its conditions may then
    name one of the two diseases of a two-disease population, and nothing else names the other."""
    if any(isinstance(getattr(record, f, None), str) and getattr(record, f).strip() for f in _CONTEXT_FIELDS):
        return False
    return not (getattr(record, "keywords", None) or getattr(record, "mesh_terms", None))


def treated_in_own_item(a: Analysis, hit: ItemHit) -> bool:
    """The requirement's own item names the disease as a treatment the participant is on ("Chronic kidney
    disease ... non-dialysis dependent or on hemodialysis for at least 3 months"): an entry group described
    by its care, not a diagnosis copied from elsewhere."""
    if a.doc is None or not hit.concepts:
        return False
    concept = a.vocab.concepts[hit.concepts[0]]
    pat = _name_pattern(tuple([concept.name, *concept.synonyms, *concept.abbrevs]))
    ts, te = hit.item.text_start, hit.item.text_end
    text = a.doc.text
    if any(_TREATED_BEFORE.search(text[max(ts, m.start() - 60) : m.start()]) for m in pat.finditer(text, ts, te)):
        return True
    return any(mk.kind == "treatment" and hit.concepts[0] in mk.concepts for mk, _m in a.vocab.marker_hits(text[ts:te]))


def little_context_population(a: Analysis, hit: ItemHit) -> bool:
    """In a record of little context whose criteria also name the registered condition, a population of two
    diseases shows in one more place than a stray item would: another inclusion item takes the required
    disease for granted ("On chronic HD" beside "ESRD with eGFR < 15" in an HIV trial), or the requirement
    describes the disease by its treatment and one other item takes it for granted ("... or on hemodialysis"
    and the exclusion "On peritoneal dialysis for management of kidney disease" in a hepatitis C trial). An
    exclusion alone ("HIV-positive patients on antiretroviral therapy") is in any trial: not enough."""
    if not criteria_name_declared(a, hit):
        return False
    if presupposing_items(a, hit, inclusion_only=True) >= 1:
        return True
    # the requirement is the disease's treatment ("Receiving maintenance haemodialysis"): another item that
    # takes the disease for granted, or another inclusion item that requires it ("End-stage renal disease")
    return treated_in_own_item(a, hit) and (presupposing_items(a, hit) >= 1 or _named_in_other_inclusion_item(a, hit))


def _named_in_other_inclusion_item(a: Analysis, hit: ItemHit) -> bool:
    c = hit.concepts[0]
    assert a.doc is not None
    return any(
        a.vocab.related(m.concept, c)
        for sec in a.doc.sections
        if sec.kind == "inclusion"
        for it in sec.iter_items()
        if it is not hit.item
        for m in a.item_mentions.get(id(it), [])
    )


def criteria_name_declared(a: Analysis, hit: ItemHit) -> bool:
    """An item other than the hit's names a registered (declared) condition: the criteria are about the
    registered condition too, not only about the required one (a registered list that is simply wrong)."""
    return any(
        a.relation(m.concept) == "declared" and not a.vocab.is_umbrella(m.concept)
        for key, ms in a.item_mentions.items()
        if key != id(hit.item)
        for m in ms
    )
