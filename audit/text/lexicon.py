"""Word lists that several text analysers need, written once.

Each list is the union of the spellings the analysers used before it existed; an analyser takes
the list (or :func:`alternation` of it for a regular expression) instead of writing its own copy,
so that a word added for one rule is known to all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: a whole value that stands for "no value" (the export wrote a placeholder): "N/A", "null", "TBD"
PLACEHOLDER_VALUES = frozenset(
    {
        "undefined",
        "null",
        "none",
        "nil",
        "nan",
        "tbd",
        "tba",
        "tbc",
        "n/a",
        "n.a.",
        "n.a",
        "na",
        "not applicable",
        "not available",
        "to be determined",
        "to be announced",
        "to be confirmed",
        "unknown",
        "placeholder",
        "todo",
        "xxx",
        "xx",
        "x",
        "-",
        "--",
        "---",
        "?",
        "??",
        "...",
        ".",
        "[object object]",
    }
)
#: placeholders of a person's name slot only: the slot's own label written in place of a name
NAME_SLOT_PLACEHOLDERS = frozenset({"test", "name", "investigator", "contact", "pi", "subinvestigator", "sub-investigator"})
#: in a name slot these are names, not placeholders ("Nan" is a given name)
NAMES_NOT_PLACEHOLDERS = frozenset({"nan"})
#: a value made only of filler punctuation ("----", "???", "....")
FILLER_RUN = re.compile(r"^(?:-+|\?+|\.+)$")

#: words that negate what follows ("no prior chemotherapy", "free of metastases")
NEGATION_CUES = ("no", "not", "none", "non", "nor", "without", "absence", "absent", "free of", "never", "negative for")
#: nouns for the people a trial enrols (singular; see alternation(..., plural=True))
SUBJECT_NOUNS = ("patient", "subject", "participant", "person", "individual", "volunteer", "male", "female")
#: subject nouns with irregular plurals, listed as written
SUBJECT_NOUNS_IRREGULAR = ("people", "men", "women", "children", "child", "adults", "adult")
#: labels of a subgroup of a trial that criteria may be scoped to ("Part B:", "Cohort 2:")
COHORT_LABELS = ("part", "cohort", "arm", "group", "stage", "phase", "step", "period", "module", "panel", "stratum", "strata",
                 "segment", "population", "sub-study", "substudy", "expansion", "escalation")  # fmt: skip


def alternation(words: Iterable[str], plural: bool = False) -> str:
    """A non-capturing regex alternation of the words, longest first, spaces matching any blank run
    (``plural``: each word may take an "s")."""
    out = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        piece = r"\s+".join(re.escape(part) for part in w.split())
        out.append(piece + ("s?" if plural else ""))
    return "(?:" + "|".join(out) + ")"


def is_placeholder_value(value: str) -> bool:
    """The whole (stripped) value is a placeholder."""
    low = value.strip().lower()
    return low in PLACEHOLDER_VALUES or bool(FILLER_RUN.match(low))


def is_placeholder_name(value: str) -> bool:
    """The whole (stripped) value of a person's name slot is a placeholder."""
    low = value.strip().lower()
    if low in NAMES_NOT_PLACEHOLDERS:
        return False
    return is_placeholder_value(low) or low in NAME_SLOT_PLACEHOLDERS
