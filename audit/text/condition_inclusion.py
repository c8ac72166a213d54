"""Which text of a record's criteria the condition-scope rules read as inclusion, and which lists in it
name kinds of a registered condition.

The criteria parse (``trial_audit.text.criteria``) gives sections and items; some legacy and
registry texts defeat it in ways the scope rules must not read as requirements: an exclusion header
left as a line of the inclusion list ("Exclusion criteria, general (all groups)"), or a negated lead-in
read as a second inclusion header ("Patients cannot be included in the study if ...:"). Used by
``condition_analysis``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trial_audit.text.condition_analysis import Analysis
    from trial_audit.text.condition_vocabulary import Mention
    from trial_audit.text.criteria import CriteriaDoc
    from trial_audit.text.criteria_model import Item, Section


#: a section header that is a negation ("Patients cannot be included in the study if ...:"), read
#: as an inclusion header because it says "included"
_NEGATED_HEADER = re.compile(r"\b(?:cannot|can\s+not|not|non[\s\-]?inclusion|excluded|exclusion|ineligib\w*)\b", re.IGNORECASE)
#: an exclusion header the parse left as a line of the inclusion list ("Exclusion criteria, general
#: (all groups)", "- Non-inclusion criteria:"): the items after it are exclusions
_EXCLUSION_HEADER = re.compile(
    r"^\W*(?:(?:key|main|general|specific|other)\s+)?(?:non[\s\-]?inclusion|exclusion|ineligibility)\s+criteri(?:a|on)\b[^.;]{0,80}$|"
    r"^\W*criteria\s+for\s+(?:exclusion|non[\s\-]?inclusion)\b[^.;]{0,80}$",
    re.IGNORECASE,
)


def inclusion_spans(doc: CriteriaDoc, text: str) -> dict[int, tuple[int, int]]:
    """id(section) -> (start, end) of the inclusion text the scope rules read in it: inclusion
    sections whose header is not a negation, each up to an exclusion header left among its items."""
    out: dict[int, tuple[int, int]] = {}
    for i, sec in enumerate(doc.sections):
        if sec.kind != "inclusion" or sec.end <= sec.start or (sec.header and _NEGATED_HEADER.search(sec.header)):
            continue
        if i and continues_numbering(doc.sections[i - 1], sec):
            continue
        end = sec.end
        for item in sec.iter_items():
            line = text[item.text_start : item.text_end].strip()
            if len(line) < 100 and _EXCLUSION_HEADER.match(line):
                end = item.start
                break
        if end > sec.start:
            out[id(sec)] = (sec.start, end)
    return out


def _numbered(sec: Section) -> list[Item]:
    return [it for it in sec.items if it.number is not None and not it.is_label]


def continues_numbering(prev: Section, sec: Section) -> bool:
    """An "inclusion" section that only continues the numbered list of the exclusion section before it: a
    sentence inside an exclusion item ("Participants who intermittently use these medications, must meet the
    following criteria:") that the parse took for a header, after which items 5, 6, ... of the exclusion list
    go on (NCT02214147). A real inclusion header starts its own list, or at least does not go on counting
    the exclusions in the same marker style."""
    if prev.kind != "exclusion":
        return False
    before, after = _numbered(prev), _numbered(sec)
    if not before or not after:
        return False
    last, first = before[-1], after[0]
    return first.style == last.style and first.number == (last.number or 0) + 1


#: a list introduced as kinds of something ("other forms of liver disease including ...")
_KINDS_OF = re.compile(
    r"\b(?:forms?|types?|kinds?|causes?|subtypes?|categories)\s+of\s+([^,;:()]{3,60}?)\s*,?\s*(?:including|such\s+as|e\.g)\b", re.I
)


def kinds_of_registered(a: Analysis, text: str, start: int, end: int) -> bool:
    """The item lists kinds of a registered condition ("Patients with other forms of liver disease including
    HBV infection, primary biliary cirrhosis, ..." in a trial registered for "Liver Disease"): each is registered."""
    m = _KINDS_OF.search(text, start, end)
    if m is None:
        return False
    head = " ".join(m.group(1).lower().split())
    registered = [" ".join(src.text.lower().split()) for src in a.declared if src.field.startswith(("conditions[", "mesh_terms["))]
    return any(len(r) >= 6 and (r == head or head.endswith(" " + r)) for r in registered)


def ambiguous_abbrev(a: Analysis, m: Mention) -> bool:
    """A two-letter abbreviation the criteria never spell out may stand for something else ("refractory
    anemia [RA]" in a myelodysplasia trial is not rheumatoid arthritis), as TA301 reads it."""
    return len(m.text) <= 2 and m.text in a.vocab.concepts[m.concept].abbrevs and m.concept not in a.named_in_full


#: a negation in the part of a list before a name: "(iii) absence of left atrial hypertension", "or no clinical
#: signs of left heart failure", "without cirrhosis"
#: ("not limited to", "not only" open a list; "non-infectious" is a kind of the disease, not its absence)
_LIST_NEGATION = re.compile(
    r"\b(?:no|not(?!\s+(?:limited|restricted|only)\b)|without|absence\s+of|absent|free\s+of|excluding|except|other\s+than|ruled?\s+out)\b",
    re.IGNORECASE,
)
#: where a list part starts: a comma, semicolon, colon, bracket or a roman/latin enumerator
_LIST_PART = re.compile(r"[,;:()\[\]]")


def negated_in_list(text: str, start: int, pos: int) -> bool:
    """The name at ``pos`` is negated in its own part of a list (from the last comma, bracket or colon before
    it, at most 60 characters back): the list names what a patient must not have, not an eligible disease."""
    lo = max(start, pos - 60)
    part = text[lo:pos]
    cuts = [m.end() for m in _LIST_PART.finditer(part)]
    return bool(_LIST_NEGATION.search(part, cuts[-1] if cuts else 0))


#: words between a registered condition and a list that make the list its kinds: a colon, "classifications",
#: "subtypes", "including" ("Myelodysplastic syndrome ... fitting any of the recognized FAB classifications:
#: refractory anemia, ..., chronic myelomonocytic leukemia")
_KINDS_OPENER = re.compile(
    r":|\b(?:classifications?|classified|subtypes?|sub-types?|types?|kinds?|forms?|categor\w+|including|such\s+as|e\.g)\b", re.I
)


def kinds_after_registered(a: Analysis, text: str, listed: list[Mention], end: int) -> list[Mention]:
    """``listed`` without the kinds of a registered condition: when the list's first condition is a registered
    one and the next follows it after a colon or a word that opens its kinds, the names up to the end of that
    sentence are subtypes of the registered condition, not other conditions."""
    spec = sorted((m for m in listed if not a.vocab.is_umbrella(m.concept)), key=lambda m: m.start)
    if len(spec) < 2:
        return listed
    registered = {c for src in a.lists.get("registered", []) for c in src.concepts}
    head = spec[0]
    if head.concept not in registered:
        return listed
    nxt = next((m for m in spec[1:] if m.concept != head.concept), None)
    if nxt is None or not _KINDS_OPENER.search(text, head.end, nxt.start):
        return listed
    stop = _SENTENCE_STOP.search(text, nxt.end, end)
    kinds_end = stop.start() if stop else end
    return [m for m in listed if m is head or not (head.end <= m.start < kinds_end)]


#: the end of the sentence of a list of kinds
_SENTENCE_STOP = re.compile(r"[.;](?=\s|$)|\n[ \t]*\n")
