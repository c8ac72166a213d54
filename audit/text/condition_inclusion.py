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
    for sec in doc.sections:
        if sec.kind != "inclusion" or sec.end <= sec.start or (sec.header and _NEGATED_HEADER.search(sec.header)):
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
