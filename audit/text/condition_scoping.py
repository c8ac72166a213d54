"""Which requirements of a record's inclusion criteria are scoped to a subgroup, and which are for everyone.

A requirement is scoped when a section label, a parent item, a preceding label line ("Part B:",
"For patients with PBC:", "PATIENTS:" beside "CONTROLS:", an unlabelled condition heading), a
lead-in to alternatives ("At least one of the following"), words in its own clause ("in the
PBC cohort") or a run of parallel items (one cohort each) restrict it. Used by
``condition_analysis`` while it reads the criteria and by the TA3xx rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trial_audit.text.condition_analysis import Analysis, ItemHit
    from trial_audit.text.condition_vocabulary import Vocabulary
    from trial_audit.text.criteria import Item

#: a parent item that negates its sub-list ("Patients must not have any of the following:")
_NEG_PARENT = re.compile(r"\b(?:not|no|none|without|exclu\w+|ineligible|absence)\b", re.IGNORECASE)
_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)

_SCOPE = re.compile(
    r"\b(?:for|in)\s+(?:the\s+|all\s+)?(?:[\w()/\-]+[\s\-]){0,6}?(?:patients?|subjects?|participants?|cohorts?|arms?|"
    r"parts?|groups?|those|women|men|children|individuals|population|stratum|strata|indications?)\b|"
    r"\b(?:cohort|arm|part|group|stratum|panel|phase|module)\s+(?:[A-Z0-9]{1,3}|I{1,3}V?|one|two|three|four)\b|"
    r"\b(?:if|when|whenever|where\s+applicable|in\s+case|only|exclusively|applicable|applies|apply)\b|"
    r"\b(?:dose[\s\-]escalation|dose[\s\-]expansion|expansion|escalation|basket|sub-?study|substudy|sub-?group)\b",
    re.IGNORECASE,
)
_GROUP_WORD = re.compile(
    r"\b(?:cohorts?|arms?|parts?|groups?|stratum|strata|panel|module|sub-?study|substudy|expansion|escalation|"
    r"stage\s+[0-9IVX]+|phase\s+[0-9IVX]+[ab]?)\b",
    re.IGNORECASE,
)
_ALL_WORD = re.compile(r"\b(?:all|every|each|general|common|both|key|main)\b", re.IGNORECASE)


_ALTERNATIVES = re.compile(r"\b(?:one|any|two|three|1|2|3)\s+(?:or\s+more\s+)?of\b|\bat\s+least\b|\beither\b", re.I)


def _scoping_label(vocab: Vocabulary, text: str) -> bool:
    """A label line that restricts what follows to a subgroup ("Part B:", "For patients with PBC:")
    or opens a list of alternatives ("At least one of the following:")."""
    t = text.strip()
    if not t.endswith(":"):
        return False
    if len(t) > 200:
        # a long item whose last sentence leads in to a list the page flattened after it ("... transient. The injury
        # must not exceed any of the following (ACRM, 1993):"): that sentence is the label
        t = re.split(r"[.;]\s", t)[-1].strip()
        if len(t) > 200:
            return False
    if _ALTERNATIVES.search(t) or _NEG_PARENT.search(t):
        return True
    if _ALL_WORD.search(t):
        return False
    return bool(_GROUP_WORD.search(t) or any(not vocab.is_umbrella(m.concept) for m in vocab.mentions(t)))


#: a label naming one population of a study that has several ("PATIENTS:", "CONTROLS:", "Healthy volunteers:")
_POPULATION_LABEL = re.compile(
    r"\s*(?:(?:all\s+|affected\s+)?patients|(?:healthy\s+)?controls?|healthy\s+(?:volunteers|subjects|participants)|"
    r"volunteers|cases|probands|relatives|family\s+members|siblings|carriers)\s*:?\s*$",
    re.IGNORECASE,
)


def _several_populations(text: str) -> bool:
    """The criteria label two or more populations on lines of their own (patients and controls)."""
    found = {
        m.group(0).strip().rstrip(":").lower()
        for m in re.finditer(r"(?m)^[ \t]*[A-Za-z ]{4,30}:?[ \t]*$", text)
        if _POPULATION_LABEL.match(m.group(0))
    }
    return len(found) >= 2


def _is_scoped(vocab: Vocabulary, item: Item, sec: Any, populations: bool = False, cache: dict | None = None) -> bool:
    """The item applies to a subgroup: a labelled section, a scoping label / parent, or a prefix."""
    if getattr(sec, "label", None) and not _ALL_WORD.search(sec.label or ""):
        return True
    if getattr(item, "is_label", False):
        return True
    p = getattr(item, "parent", None)
    while p is not None:
        if _scoping_label(vocab, p.text) or _condition_heading(vocab, p):
            return True
        p = getattr(p, "parent", None)
    # a preceding unmarked label line ("Part B:", "For patients with PBC:") in the same section
    top = item
    while getattr(top, "parent", None) is not None:
        top = top.parent
    if cache is None:
        cache = {}
    flags = cache.get(id(sec))
    if flags is None:  # one pass per section: a 1 MB field has tens of thousands of items
        flags = cache[id(sec)] = _label_scopes(vocab, sec, populations)
    return flags.get(id(top), False)


def _label_scopes(vocab: Vocabulary, sec: Any, populations: bool) -> dict[int, bool]:
    """For each top-level item of a section: whether a label line before it scopes it."""
    out: dict[int, bool] = {}
    scoped = False
    opener = None  # a numbered lead-in of alternatives ("9. Has one or more of the following:")
    for it in sec.items:
        if opener is not None and it.marker is not None and it.style == opener.style and it.indent <= opener.indent:
            # the next item numbered like the lead-in is its sibling ("10."): the list of alternatives
            # the lead-in opened, flattened by the page, has ended, and with it the scope
            scoped, opener = False, None
        out[id(it)] = scoped
        if it.marker is not None and it.children and it.text.rstrip().endswith(":"):
            pass  # a list item with its own sub-list under it: the label scopes that sub-list (its children), not the items after it
        elif getattr(it, "is_label", False) or it.text.rstrip().endswith(":"):
            scoped = _scoping_label(vocab, it.text) or bool(populations and _POPULATION_LABEL.match(it.text))
            # (a lead-in closing a long item has no sibling numbering to end it: the page flattened its list)
            opener = it if scoped and it.marker is not None and len(it.text.strip()) <= 200 and _ALTERNATIVES.search(it.text) else None
        elif len(it.text) < 120 and _ALTERNATIVES.search(it.text) and (_FOLLOWING.search(it.text) or it.marker is None):
            # "At least one of the following" written without a colon, or an unmarked lead-in line
            # ("Patients with at least 3 risk factors for postoperative lung edema") over its list
            scoped = True
        elif populations and _POPULATION_LABEL.match(it.text):
            scoped = True  # "PATIENTS:" in a record that also has "CONTROLS:": one population's list
        elif _condition_heading(vocab, it):
            scoped = True
        last = _last_descendant(it)
        if last is not it and last.text.rstrip().endswith(":") and _scoping_label(vocab, last.text):
            # its last sub-item leads in to a list the page put at the top level after it ("  * The injury must not
            # exceed any of the following:" and then "* Loss of consciousness of 30 minutes or less"): that list is scoped
            scoped, opener = True, None
    return out


def _last_descendant(it: Any) -> Any:
    while getattr(it, "children", None):
        it = it.children[-1]
    return it


def _condition_heading(vocab: Vocabulary, it: Item) -> bool:
    """An unmarked short line that is just a condition's name ("Crohn's disease" over the Crohn's
    cohort's items, written without a colon) heads that cohort's criteria."""
    t = it.text.strip()
    if getattr(it, "marker", None) is not None or not t or len(t) > 60 or t.endswith((".", ";", ",")):
        return False
    ms = [m for m in vocab.mentions(t) if not vocab.is_umbrella(m.concept)]
    covered = sum(m.end - m.start for m in ms)
    return bool(ms) and covered >= 0.6 * len(t)


def is_scoped_hit(a: Analysis, hit: ItemHit, text: str) -> bool:
    """The hit's item is scoped, or the words before the hit in its clause scope it."""
    if id(hit.item) in a.scoped:
        return True
    before = text[hit.item.text_start : hit.start]
    # only the clause the hit sits in
    cut = max(before.rfind(";"), before.rfind(". "))
    if cut >= 0:
        before = before[cut + 1 :]
    if _SCOPE.search(before):
        return True
    item_text = text[hit.item.text_start : hit.item.text_end]
    colon = item_text.find(":")
    if 0 <= colon <= 160 and _SCOPE.search(item_text[:colon]):
        return True  # "For HIV co-infected participants: ..." scopes the whole item
    after = text[hit.end : min(hit.end + 25, hit.item.text_end)]
    if re.match(r"\s*(?:\)|patients|subjects|participants|cohort|arm|group)?\s*(?:only|cohort|arm|group)\b", after, re.I):
        return True
    # "PBC patients:" / "Patients with PBC:" - a name followed by a colon labels what follows
    # (a colon inside a word is no label: "VWF:RCo", "anti-HBc:IgM")
    if re.match(r"[^.;]{0,25}:(?!\S)", after) and not re.search(r"[0-9]", after.split(":")[0]):
        return True
    return False


_WORDS = re.compile(r"[^\W\d_]{3,}")


def _parallel_cohort_items(a: Analysis, items: list, text: str) -> set[int]:
    """Adjacent items that say the same thing of different diseases are one cohort each.

    "Consecutive histologically confirmed primary cervical cancer patients ... that have given
    consent for radical radiotherapy" followed by the same sentence for prostate cancer: the items
    are alternatives (cohorts written without labels), not requirements for everyone. Items are
    parallel when, the disease names left out, they share at least half their words.
    """
    diag: dict[int, frozenset[str]] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    for h in a.inclusion_hits:
        if h.kind.startswith("diagnosis"):
            key = h.concepts[0] if h.concepts else h.codes[0]
            diag[id(h.item)] = diag.get(id(h.item), frozenset()) | {key}
            spans.setdefault(id(h.item), []).append((h.start, h.end))

    def words(it) -> set[str]:
        t = text[it.text_start : it.text_end]
        for s0, e0 in sorted(spans.get(id(it), []), reverse=True):
            t = t[: s0 - it.text_start] + " " + t[e0 - it.text_start :]
        return {w.lower() for w in _WORDS.findall(t)}

    out: set[int] = set()
    run: list = []
    for it in [*items, None]:
        if it is not None and id(it) in diag and run and diag[id(it)] != diag[id(run[-1])]:
            w1, w2 = words(run[-1]), words(it)
            if w1 and w2 and len(w1 & w2) >= 0.5 * max(len(w1), len(w2)):
                run.append(it)
                continue
        if len(run) >= 2:
            out |= {id(x) for x in run}
        run = [it] if it is not None and id(it) in diag else []
    return out
