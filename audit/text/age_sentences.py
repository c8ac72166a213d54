"""Where a stated age sits in its text: the clause, the sentence (across legacy hard wraps) and the
list header above it. Geometry only; what the words mean is decided in ``age_phrases``/``age_scope``."""

from __future__ import annotations

import re

from trial_audit.text.age_patterns import _CLAUSE_BREAK, _HEADER_LINE


def _clause_start(text: str, pos: int, lo: int) -> int:
    """Start of the clause containing pos (after the last newline / ';' / sentence end, with or without its full stop), >= lo."""
    window_start = max(lo, pos - 160)
    last = window_start
    for m in _CLAUSE_OR_NO_STOP.finditer(text, window_start, min(len(text), pos + 30)):
        if m.end() > pos:
            break
        last = m.end()
    return last


# a single newline is a hard line wrap in legacy records ("Patients 18 years of age and older with lupus may be\n# eligible"), not a sentence end; a blank line, a list marker or a heading's colon is
# (a number may end a sentence when a capital follows: "... treatment of COVID-19. To participate, ...")
# and a sentence may lack its full stop: "... asymptomatic carriers We plan to recruit adults aged 28 or older." (also after
# a code or a number, and before a group of people: "... with NVP-1805-R2 To participate, ...", "... of COVID-19 We plan
# ...", "... delayed cholecystectomy Adults between 30 and 70 years old are eligible", ninth round)
# a sentence without its full stop: a lower-case word, then a word that opens a sentence about who takes part
_NO_STOP_BREAK = (
    r"(?<=[a-z0-9)])[^\S\n]+(?=(?:We|This|These|To|The|Our|All|Adults|Patients|"
    r"Participants|Subjects|Individuals|Men|Women|Children|Healthy|Eligible|Those|Only|Up|Approximately|"
    # (more words that open a sentence about who takes part, eleventh round: "... Breast Cancer Inclusion is restricted to")
    r"Inclusion|Eligibility|Enrol(?:l)?ment|Recruitment|Anyone|People|Persons|Volunteers|Infants|Adolescents|Teenagers|"
    # ("... asymptomatic carriers Main inclusion: adults aged ...", "... Target population: ...", sixth round)
    r"Boys|Girls|Elderly|Older|Candidates|Males|Females|Approx\.|Main|Key|Target)[^\S\n]+[a-z0-9])"
)
_CLAUSE_OR_NO_STOP = re.compile(rf"{_CLAUSE_BREAK.pattern}|{_NO_STOP_BREAK}")
# (an abbreviation's full stop ends no sentence: "Smith et al. took biopsies ...", "e.g. adults", fifteenth round)
_SENT_END = re.compile(
    rf"(?<![0-9])(?<!\bet al)(?<!\be\.g)(?<!\bi\.e)\.\s|(?<=[0-9])\.[^\S\n]+(?=[A-Z])|{_NO_STOP_BREAK}|"
    r"\n[^\S\n]*\n|:[^\S\n]*\n|\n(?=[^\S\n]*(?:[-*•]|[0-9]{1,2}[.)])\s)"
)


def _sentence(text: str, s: int, e: int, lo: int, hi: int) -> str:
    """The sentence around text[s:e] (bounded to a few hundred characters)."""
    a, b = sentence_span(text, s, e, lo, hi)
    return text[a:b]


def sentence_span(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    """Offsets of the sentence around text[s:e] (see :func:`_sentence`)."""
    a = max(lo, s - 300)
    last = a
    # (searched a little past s: a break's look-ahead reads the next words, "... cholecystectomy Adults from 30 to 70")
    for m in _SENT_END.finditer(text, a, min(hi, s + 30)):
        if m.end() > s:
            break
        last = m.end()
    m = _SENT_END.search(text, e, min(hi, e + 300))
    return last, (m.start() if m else min(hi, e + 300))


_WRAPPED_SENTENCE_BREAK = re.compile(
    rf"(?<![0-9])\.\s|(?<=[0-9])\.[^\S\n]+(?=[A-Z])|\n[^\S\n]*\n|;|•|\n[^\S\n]*(?:[-*•]|[0-9]{{1,2}}[.)])\s|{_NO_STOP_BREAK}"
)


def _sentence_left(text: str, pos: int, lo: int) -> str:
    """The sentence before pos, read across the hard line wraps of legacy records (a single
    newline does not end it; a blank line, a list marker, ". " or ";" does)."""
    a = max(lo, pos - 300)
    last = a
    for m in _WRAPPED_SENTENCE_BREAK.finditer(text, a, min(len(text), pos + 30)):
        if m.end() > pos:
            break
        last = m.end()
    return text[last:pos]


def _sentence_right(text: str, pos: int, hi: int) -> str:
    """The sentence after pos, read across the hard line wraps of legacy records (see :func:`_sentence_left`)."""
    m = _WRAPPED_SENTENCE_BREAK.search(text, pos, min(hi, pos + 200))
    return text[pos : m.start() if m else min(hi, pos + 200)]


def _header_before(text: str, pos: int, lo: int) -> str:
    """The nearest list header in the 400 characters before pos: a line ending with a colon ("At least 3 of the
    following risk factors:"), or a line followed by a blank line and a bulleted list."""
    last = ""
    for m in _HEADER_LINE.finditer(text, max(lo, pos - 400), min(len(text), pos + 20)):
        if m.start() < pos:
            last = m.group(1) or m.group(2)
    return last


def _clause_end(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, min(hi, pos + 160))
    return m.start() if m else min(hi, pos + 160)


# a full stop (or "!" / "?") and a capital: a sentence ends ("... inhaled toxicants. The trial will enroll ...")
_SENTENCE_BREAK = re.compile(r"(?<![0-9])[.!?][^\S\n]+(?=[A-Z])")


def in_own_sentence(left: str) -> str:
    """The part of ``left`` (text up to an age) in the age's own sentence. An "item" of a summary, which has no list breaks,
    is otherwise 600 characters of earlier sentences: "exposure to inhaled toxicants" there made "The trial will enroll men
    and women 28 years of age and older" a contact's age (issue 20, sixth round). A ";" stays inside."""
    last = None
    for last in _SENTENCE_BREAK.finditer(left):
        pass
    return left if last is None else left[last.end() :]
