"""Ages of the participant's contacts, not of the participant (the tenth round of issue 20).

An exclusion or inclusion item about the people a participant lives with or is exposed to ("Household contacts with, or
occupational exposure to, people with any of the following: Pregnancy. <12 months of age. Eczema ...", NCT00000866) lists
those people's features; an age in that list is a contact's (an infant at home), never the trial's limit. The list may be
a sub-list, a run-on paragraph right after the lead-in, or a later item of a flat list under it, and the lead-in itself is
often hard-wrapped over two lines ("... people with any of the\\n     following:"), so the word that names the contacts is
not on the line that ends with the colon.

:func:`age_of_a_contact` says whether an age at ``pos`` is a contact's: it is in the list that a lead-in about contacts
introduces, or its own item names a contact relation before a person noun right before the age ("no exposure to infants
or people over 80 years of age"). The extractor drops such ages (see :func:`trial_audit.text.age_scope.narrower_scope`).
"""

from __future__ import annotations

import re

from trial_audit.text.age_sentences import in_own_sentence

# a lead-in or item about the people a participant is in contact with or exposed to: "Household contacts with ... people
# with any of the following:", "exposure to", "lives with a", "household members who". Not "household contacts of <index
# patients>" nor "close contacts of" (then the contacts are the participants, as in a trial of TB contacts), nor
# "relatives" or "partners" alone ("Genetic Relatives of Patients:" is a cohort's header), nor "people living with HIV"
_CONTACT_RELATION = re.compile(
    r"\bcontacts?\)?\s+with\b|\b(?:exposure|exposed)\s+(?:(?:at|in)\s+[a-z]+\s+)?to\b|\bhousehold\s+members?\s+(?:who|that|with)\b|"
    r"\b(?:liv(?:e|es|ing)|resid(?:e|es|ing))\s+with\s+(?:a|an|any|one|people|persons|individuals|children|infants|someone|anyone)\b|"
    r"\b(?:infants?|babies|children)\s+(?:at|in\s+the)\s+home\b|\bsomeone\b|\banyone\s+who\b",
    re.I,
)
# a person noun right before the age: "infants <12 months", "children under 5 years of age", "people over 80"
_PERSON_BEFORE_AGE = re.compile(
    r"\b(?:children|child|infants?|babies|baby|newborns?|toddlers|persons|people|individuals|adults|women|men|anyone|someone|"
    r"elderly)\s*(?:\(\s*|,\s*)?(?:(?:who\s+are|aged?|of)\s+)?$",
    re.I,
)
# a colon that ends a lead-in ("... any of the following:"), not a time or a ratio ("10:30", "1:2")
_LEAD_IN_COLON = re.compile(r":(?=[^\S\n]*(?:\n|$)|[^\S\n]+[^\s0-9])")
_MARKER = re.compile(r"[^\S\n]*(?:[-*•·]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])[^\S\n]", re.I)
_CLAUSE_BREAK = re.compile(r"(?<![0-9])\.\s|;")
_ITEM_BREAK = re.compile(r"\n[^\S\n]*\n|\n(?=[^\S\n]*(?:[-*•·]|[0-9]{1,2}[.)])[^\S\n])")
_WINDOW = 1200


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _lead_in(text: str, colon: int) -> tuple[str, int, bool]:
    """The lead-in that ends at ``colon``, joined across its hard-wrapped lines (at most four), with the indent of its first
    line and whether that line starts a list item."""
    line_start = text.rfind("\n", 0, colon) + 1
    lines = [text[line_start:colon]]
    first_start = line_start
    while len(lines) < 4 and not _MARKER.match(text, first_start) and first_start > 0:
        prev_start = text.rfind("\n", 0, first_start - 1) + 1
        prev = text[prev_start : first_start - 1]
        if not prev.strip() or prev.rstrip().endswith((":", ".")):
            break  # a blank line or the end of an earlier item: the lead-in starts on this line
        lines.insert(0, prev)
        first_start = prev_start
    joined = " ".join(line.strip() for line in lines)
    # (only the clause that ends at the colon: "... study. Household contacts with:" is about the contacts)
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(joined)), default=0)
    first = text[first_start : text.find("\n", first_start) if "\n" in text[first_start:colon] else colon]
    return joined[cut:], _indent(first), bool(_MARKER.match(first))


def _in_the_list(text: str, after_colon: int, pos: int, lead_indent: int, lead_marked: bool) -> bool:
    """Is ``pos`` still in the list the lead-in opens? A sibling item of a marked lead-in ends it, and so does a new
    paragraph at the lead-in's depth once the list had content (a run-on paragraph right after the lead-in is its list)."""
    region = text[after_colon:pos]
    if "\n" not in region:
        return True  # on the lead-in's own line: "contact with any of the following: pregnancy, infants <12 months"
    lines = region.split("\n")[1:]
    seen_content = bool(region.split("\n")[0].strip())
    blank_before = False
    for line in lines:
        if not line.strip():
            blank_before = True
            continue
        deeper = _indent(line) > lead_indent
        marked = bool(_MARKER.match(line))
        if lead_marked and marked and not deeper:
            return False  # a sibling item of the lead-in
        if not marked and not deeper and blank_before and seen_content:
            return False  # a new paragraph after the list
        seen_content, blank_before = True, False
    return True


def age_of_a_contact(text: str, pos: int) -> bool:
    """Is the age at ``pos`` the age of someone the participant lives with or is exposed to (module docstring)?"""
    lo = max(0, pos - _WINDOW)
    colons = list(_LEAD_IN_COLON.finditer(text, lo, pos))
    if colons:
        colon = colons[-1].start()
        lead, indent, marked = _lead_in(text, colon)
        if _CONTACT_RELATION.search(lead) and _in_the_list(text, colon + 1, pos, indent, marked):
            return True
    # in the age's own item: "No exposure to infants or people over 80 years of age", "avoid close household contact ...
    # with ...; children under 5 years of age" (the ninth round's self-audit class, now dropped rather than held to the range)
    breaks = list(_ITEM_BREAK.finditer(text, max(0, pos - 600), pos))
    item_left = text[breaks[-1].end() if breaks else max(0, pos - 600) : pos]
    item_left = in_own_sentence(item_left)  # ("contact ... with ...; children under 5": the ";" stays inside)
    return bool(_PERSON_BEFORE_AGE.search(item_left)) and bool(_CONTACT_RELATION.search(item_left))
