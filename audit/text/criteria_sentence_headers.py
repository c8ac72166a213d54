"""Sentence-style section headers: a lead-in sentence that opens an inclusion or exclusion section ("Patients will be
excluded if:", "To be eligible, participants must:"), on its own line or run into its first item. Split out of
``criteria_headers`` (which reads them through ``_sentence_header`` and ``_sentence_header_then_marker``).
"""

from __future__ import annotations

import re

from trial_audit.text.criteria_markers import _match_marker, _skip_ws

# A lead-in sentence that opens a section: "Patients will be excluded if:", "Subjects are eligible if
# they meet all of the following", "To be eligible, participants must:", "Participants meeting any of
# these criteria will not be enrolled", "The following patients are ineligible", "Contraindications to
# participation:". It names who (a subject noun, "the following", "to be eligible") and says in or out.
_WHO = (
    r"(?:patients?|participants?|subjects?|individuals?|volunteers?|people|persons?|candidates?|children|adults|women|men|"
    r"infants|neonates|adolescents|donors|residents|those|anyone|any\s+(?:patient|participant|subject|person|individual)|you)"
)
_SENTENCE_START = re.compile(
    rf"(?:(?:all|any|eligible|potential|prospective|the|such|study|trial)\s+)?{_WHO}\b"
    r"|the\s+following\b|to\s+(?:be\s+)?(?:eligible|included|enrolled|qualify|participate|take\s+part)\b"
    r"|in\s+order\s+to\s+(?:be\s+)?(?:eligible|included|enrolled|participate|take\s+part)\b"
    r"|(?:contra-?indications?|reasons?\s+for\s+(?:exclusion|non-?inclusion|ineligibility))\b"
    # a lead-in whose subject is left out ("Not eligible if any of the following apply:", "Excluded if:")
    r"|(?:not\s+|in|non-?)?eligible\s+(?:if|when)\b|(?:excluded|included)\s+(?:if|when)\b",
    re.IGNORECASE,
)
_SENTENCE_OUT = re.compile(
    r"\b(?:excluded|exclude|exclusion|ineligible|non-?eligible|disqualif\w*|contra-?indications?"
    r"|not\s+(?:be\s+)?(?:eligible|included|enrolled|enroll?able|allowed|permitted|accepted|admitted|recruited|randomi[sz]ed|selected)"
    r"|(?:cannot|can\s*not|may\s+not|must\s+not|will\s+not|shall\s+not|should\s+not|(?:will\s+)?be\s+unable\s+to)\s+(?:participate|take\s+part|enrol+|join|enter)"
    r"|(?:do|does|must|should)\s+not\s+(?:have|meet|present|show)\b|none\s+of\s+the\s+following)",
    re.IGNORECASE,
)
_SENTENCE_IN = re.compile(
    r"\b(?:eligible|eligibility|included|inclusion|qualify|qualified"
    r"|(?:may|can|(?:will\s+)?be\s+able\s+to)\s+(?:participate|take\s+part|enrol+|join|enter)"
    r"|must\s+(?:meet|fulfil+|satisfy)\b|(?:all|each)\s+of\s+the\s+following)",
    re.IGNORECASE,
)
# how a lead-in ends when it has no colon: with "the following", "criteria", "if", or the verb of the cue itself
_SENTENCE_OPEN_END = re.compile(
    r"(?:following|criteria|criterion|conditions?|requirements?|below|if|when|who|include|includes|are|is|apply|applies"
    r"|excluded|ineligible|eligible|included|enrolled|participation)[ \t]*$",
    re.IGNORECASE,
)
_SENTENCE_MAX = 160


def _sentence_header(text: str, hp: int, end: int):
    """A lead-in sentence that opens an inclusion or exclusion section (see above), as (kind, end) or None.

    The whole line is the lead-in: it starts with a capital, names who, has no sentence end inside,
    and ends with a colon or an open end ("... of the following", "... will not be enrolled")."""
    if end - hp > _SENTENCE_MAX or not text[hp : hp + 1].isupper():
        return None
    line = text[hp:end].rstrip(" \t*")
    colon = line.endswith((":", "：", "\\:"))
    body = line.rstrip(":：\\ \t")
    if not body or re.search(r"[.;!?](?:\s|$)", body) or len(body.split()) > 24:
        return None
    if not _SENTENCE_START.match(body):
        return None
    if not colon and not _SENTENCE_OPEN_END.search(body):
        return None
    if _SENTENCE_OUT.search(body):
        return "exclusion", hp + len(line)
    if _SENTENCE_IN.search(body):
        return "inclusion", hp + len(line)
    return None


def _sentence_header_then_marker(text: str, hp: int, end: int, markdown: bool):
    """A lead-in sentence that ends with a colon (see ``_sentence_header``) followed on its line by a list marker and
    text, as (kind, end of the lead-in, start of the marker) or None."""
    colon = _COLON_IN_LEAD_IN.search(text, hp, min(end, hp + _SENTENCE_MAX + 2))
    if colon is None:
        return None
    j = _skip_ws(text, colon.end(), end)
    mk = _match_marker(text, j, markdown) if j < end else None
    if mk is None or not (mk[2] is not None or mk[1] in ("-", "*", "•", "+")):
        return None
    after = _skip_ws(text, mk[5], end)
    if after >= end or mk[5] == after and mk[2] is None:
        return None  # a bullet with no blank after it ("-5 mmHg") or nothing after the marker
    sh = _sentence_header(text, hp, colon.end())
    return None if sh is None else (sh[0], colon.end(), j)


# the first colon of a line (a lead-in has one colon, at its end)
_COLON_IN_LEAD_IN = re.compile(r"\\?[:：]")
