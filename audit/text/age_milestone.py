"""Two shapes of a criteria age the comparator patterns do not read (issue 20, fourteenth round).

* **A milestone verb** (at an item's start, or appended to an item after its full stop or semicolon): the age is a point the participant has (or has not yet) reached — "Must have turned 30 before the
  screening visit", "Has reached the age of 30 years", "Not yet reached 50 years of age at screening", "Should not have
  reached his or her 50th birthday". Reached / turned / attained is a minimum; negated, an exclusive maximum.
* **A compound age**: each end in years and months or days — "Aged between 30 years 0 months and 50 years 11 months",
  "Age 30 years and 0 days to 50 years and 364 days" (vaccine and paediatric trials): the range of whole years 30 to 50.
* **A range of birthdays** (issue 20, generated grid): "Between their 40th and 70th birthdays", "between his or her
  eighteenth and sixty-fifth birthday": from the first birthday up to the day before the second, so the upper end is
  exclusive. Ordinals are read in digits ("40th") or words ("fortieth", "twenty-first").

Both are read only where the item is about the participant: at the start of an inclusion item (after its marker and an
optional subject and modal: "Participant has attained …", "Must have turned …"), or — for a compound age — after "age",
"aged", "ages" or "between". A milestone needs an age word ("age of", "of age", "years old", "birthday") unless its verb is
"turned" ("turned 30"): "completed 30 days of therapy" is a duration. The exclusion criteria are not read (an excluded
milestone is rare and its sense is ambiguous).
"""

from __future__ import annotations

import re

from trial_audit.text.age_patterns import NUM, NUMBER_WORDS
from trial_audit.text.age_phrase_bounds import number_of
from trial_audit.text.age_statements import Bound, StatedAge

# the item's start: a marker, then an optional subject and a modal ("Participant must have", "Subjects should not have")
# (one marker character per repetition, possessive: a run of "*****" separators must not be split every possible way)
_LEAD = (
    # (or appended to another item after its full stop or semicolon: "Diagnosed with asthma. Must have turned 29 …")
    r"(?:^|\n|(?<=[a-z0-9)][.;])[^\S\n]+)[^\S\n]*+(?:[-*•·◦▪‣>][^\S\n]*+|\(?(?:[0-9]{1,2}|[a-zA-Z])[.)][^\S\n]*+)*+"
    r"(?:(?:the\s+)?(?:participant|patient|subject|volunteer|child|infant|adolescent|person|individual|woman|man)s?\s+)?"
    r"(?:(?:must|should|shall|will|to|has|have|had|is|are|be|already)\s+){0,3}"
)
_MILESTONE = re.compile(
    _LEAD + r"(?P<neg>(?:not|never)\s+(?:yet\s+)?(?:have\s+|has\s+)?)?(?:yet\s+)?"
    r"(?P<verb>reached|attained|turned|completed|passed|celebrated|reach|attain|turn|complete)\s+"
    r"(?:(?P<ageof>the\s+age\s+of)\s+)?(?:his\s+or\s+her\s+|his/her\s+|her/his\s+|their\s+|his\s+|her\s+)?"
    rf"(?P<n>{NUM})(?P<ord>st|nd|rd|th)?"
    r"(?P<unit>\s*(?:years?|yrs?)\b)?(?P<tail>\s+(?:of\s+age|old)\b|\s+birthday\b|(?<=st|nd|rd|th)\s+birthday\b)?",
    re.I,
)
_COMPOUND = re.compile(
    r"(?P<left>\b(?:aged?|ages|between|from)\b[^\S\n]*(?:between[^\S\n]+|from[^\S\n]+)?)?"
    r"(?<![0-9.])(?P<y1>[0-9]{1,3})\s*(?:years?|yrs?)[,\s]*(?:and\s+)?(?P<r1>[0-9]{1,3})\s*(?P<ru1>months?|days?)\s*"
    r"(?:-|–|—|to|and|through|until)\s*"
    r"(?P<y2>[0-9]{1,3})\s*(?:years?|yrs?)[,\s]*(?:and\s+)?(?P<r2>[0-9]{1,3})\s*(?P<ru2>months?|days?)(?P<tail>\s+(?:of\s+age|old)\b)?",
    re.I,
)


_IRREGULAR_ORDINALS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}


def _ordinal_word(cardinal: str) -> str:
    head, sep, last = cardinal.rpartition("-") if "-" in cardinal else ("", "", cardinal)
    if last in _IRREGULAR_ORDINALS:
        last = _IRREGULAR_ORDINALS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"  # "forty" -> "fortieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"


# "fortieth" -> 40, "twenty-first" -> 21 (from the cardinal words, so the two lists cannot drift apart)
ORDINAL_WORDS = {_ordinal_word(w): n for w, n in NUMBER_WORDS.items() if " " not in w and 0 < n < 100}
_POSSESSIVE = r"(?:(?:their|his\s+or\s+her|his/her|her/his|his|her|the)\s+)?"
_ORDINAL = r"(?:[0-9]{1,3}(?:st|nd|rd|th)|[A-Za-z]+(?:-[A-Za-z]+)?)"
_BIRTHDAY_RANGE = re.compile(
    rf"\bbetween\s+{_POSSESSIVE}(?P<a>{_ORDINAL})(?:\s+birthday)?\s+(?:and|to)\s+{_POSSESSIVE}(?P<b>{_ORDINAL})\s+birthdays?\b", re.I
)


_AGE_WORD_BEFORE = re.compile(r"\b(?:aged?|ages?)\s*:?\s*$", re.I)


def _ordinal_value(s: str) -> int | None:
    if s[:1].isdigit():
        return int(s[:-2])
    return ORDINAL_WORDS.get(s.lower())


# a quantity named before the range: a duration, a history, an interval
_QUANTITY_BEFORE = re.compile(
    r"\b(?:duration|history|interval|period|length|time|exposure|follow-?up|since|for|within|lasting|diagnos\w*|onset)\b[^\n;.]*$", re.I
)


def milestone_ages(text: str, mode: str, start: int, end: int) -> list[StatedAge]:
    """The milestone and compound ages of ``text[start:end]`` (criteria sections; ``mode`` "inclusion" or "other")."""
    if mode not in ("inclusion", "other"):
        return []
    out: list[StatedAge] = []
    for m in _MILESTONE.finditer(text, start, end):
        n = number_of(m.group("n"))
        if n is None or not 0 < n <= 120:
            continue
        aged = m.group("ageof") or m.group("tail") or m.group("verb").lower() in ("turned", "turn")
        if not aged:
            continue
        s = m.start("neg") if m.group("neg") else m.start("verb")
        e = m.end()
        if m.group("neg"):
            stated = StatedAge(s, e, text[s:e], None, Bound(n, "year", False), "max", section=mode)
        else:
            stated = StatedAge(s, e, text[s:e], Bound(n, "year", True), None, "min", section=mode)
        out.append(stated)
    for m in _COMPOUND.finditer(text, start, end):
        at_item = bool(re.search(_LEAD + r"$", text[max(start, m.start() - 80) : m.start()]))
        if not (m.group("left") or at_item) or _QUANTITY_BEFORE.search(text, max(start, m.start() - 40), m.start()):
            continue  # (not "Disease duration between 1 year 0 months and 5 years 11 months")
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if not 0 <= y1 < y2 <= 120:
            continue
        s = m.start("left") if m.group("left") else m.start("y1")
        # the lower end's months or days past the birthday are kept only when they are more than none
        r1, ru1 = int(m.group("r1")), m.group("ru1").lower()
        lo = Bound(y1 + (r1 / 12 if ru1.startswith("month") else r1 / 365), "year", True) if r1 else Bound(y1, "year", True)
        # the upper end ("50 years 11 months", "50 years 364 days") is the whole year 50
        out.append(StatedAge(s, m.end(), text[s : m.end()], lo, Bound(y2, "year", True), "range", section=mode))
    for m in _BIRTHDAY_RANGE.finditer(text, start, end):
        before = text[max(start, m.start() - 80) : m.start()]
        if not (_AGE_WORD_BEFORE.search(before) or re.search(_LEAD + r"$", before, re.I)):
            continue  # the participant's own age only: not "Received MMR vaccine between their 1st and 2nd birthdays"
        a, b = _ordinal_value(m.group("a")), _ordinal_value(m.group("b"))
        if a is None or b is None or not 0 < a < b <= 120:
            continue
        # the upper birthday is not reached: "before the 70th birthday" admits 69-year-olds
        out.append(StatedAge(m.start(), m.end(), m.group(0), Bound(a, "year", True), Bound(b, "year", False), "range", section=mode))
    return out
