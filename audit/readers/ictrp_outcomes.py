"""Outcome fields of the WHO ICTRP exports (and DRKS) -> canonical outcome measures (kind, title, time frame).

ICTRP passes each registry's outcome text through in one field per kind ("Primary outcome",
"Secondary outcome"), in that registry's own layout:

- several outcomes joined with ``;`` (ChiCTR, ClinicalTrials.gov, ANZCTR, IRCT, CRIS), or as a
  numbered / bulleted list on ``<br>`` lines (JPRN-UMIN, ISRCTN, NTR);
- a time frame in a labelled bracket (``[Time frame: day 14]`` SLCTR, ``[Timeframe Day 1, 3, 7 ...]``
  TCTR), after a label (``. Timepoint: Daily. Method of measurement: ...`` IRCT, ``...Timepoint: ...`` CTRI),
  or, in ANZCTR's layout, as a trailing bracket (``Mortality[At hospital discharge]``);
- labelled parts of one outcome (EU register ``Primary end point(s): ...;Timepoint(s) of evaluation
  of this end point: ...;Main Objective: ...``, LBCTR ``Name: ...;Timepoints: ...;Measure: ...``,
  REPEC ``Outcome name:...<br>Measure:...<br>Timepoints:...``), the objectives being no outcome.

A time frame is taken only from such a label; anything else leaves it empty, and the record says its
outcomes carry no separate time frame (``carries`` has no ``outcome_time_frames``), so the outcome
rules do not report a missing one. Nothing here guesses: a line that is not a list item stays part
of the outcome before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trial_audit.readers.ictrp_values import lines_of

#: labelled parts of one outcome -> the part they fill (None: a part that is not the outcome, e.g. an objective)
_PART_LABELS = (
    (r"primary\s+end\s*points?(?:\s*\(s\))?", "title"),
    (r"secondary\s+end\s*points?(?:\s*\(s\))?", "title"),
    (r"timepoints?\s*\(s\)\s+of\s+evaluation\s+of\s+this\s+end\s*point", "time_frame"),
    (r"outcome\s+name", "title"),
    (r"name", "title"),
    (r"time\s*points?", "time_frame"),
    (r"measure", "description"),
    (r"main\s+objective", None),
    (r"secondary\s+objective", None),
)
_PART = re.compile(r"(?:^|;|\n)[ \t]*(" + "|".join(p for p, _ in _PART_LABELS) + r")[ \t]*:", re.I)
_PART_KIND = [(re.compile(p + r"$", re.I), kind) for p, kind in _PART_LABELS]
#: a field made of labelled parts starts with one of the labels that only such fields use
_PARTS_FIELD = re.compile(
    r"^\s*(?:primary\s+end\s*point|secondary\s+end\s*point|timepoints?\s*\(s\)\s+of\s+evaluation|main\s+objective|"
    r"secondary\s+objective|outcome\s+name\s*:|name\s*:)",
    re.I,
)
#: "[Time frame: day 14]", "[ Time frame: ...]", "[Timeframe Day 1, 3, 7 ...]" (SLCTR, TCTR, ClinicalTrials.gov text)
_FRAME_BRACKET = re.compile(r"\[\s*time\s*-?\s*frames?\s*:?\s*([^\[\]]{0,2000}?)\s*\]", re.I)
#: "... Timepoint: Daily. Method of measurement: ..." (IRCT), "...Timepoint: Time to clinical improvement" (CTRI)
_FRAME_LABEL = re.compile(r"time\s*-?\s*points?\s*:\s*", re.I)  # glued to the title in CTRI ("...Timepoint: ...")
_METHOD = re.compile(r"\.?\s*method\s+of\s+measurement\s*:", re.I)
#: ANZCTR writes each outcome as "outcome[time point]" (the bracket closes the outcome)
_TRAILING_BRACKET = re.compile(r"\[([^\[\]]{1,2000})\]\s*$")
_BRACKET_REGISTRIES = frozenset({"ANZCTR"})
#: a list item's marker: "1.", "2)", "(3)", "a.", "-", "•", "*"
_MARKER = re.compile(r"^\s*(?:\(?[0-9]{1,2}[.)]|[a-z][.)]|[-•*·])\s+", re.I)
#: the field's own label before the first outcome ("Primary outcome: ...")
_OWN_LABEL = re.compile(r"^\s*(?:primary|secondary|key\s+secondary)\s+outcomes?(?:\s+measures?)?\s*:\s*", re.I)


@dataclass(frozen=True, slots=True)
class ParsedOutcome:
    title: str
    time_frame: str | None = None
    description: str | None = None


def parse_outcomes(raw: str | None, registry: str | None = None) -> list[ParsedOutcome]:
    """The outcome measures of one ICTRP outcome field, in order, repeats dropped."""
    if raw is None or not raw.strip():
        return []
    text = "\n".join(line for _, line in lines_of(raw))
    if _PARTS_FIELD.match(text):
        return _labelled(text)
    out: list[ParsedOutcome] = []
    for item in _split_semicolons(text):
        for piece in _list_items(item):
            outcome = _one(piece, registry)
            if outcome is not None and outcome not in out:
                out.append(outcome)
    return out


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ;")


#: a line that ends in a word or mark that needs the next line to finish it ("From baseline to" / "week 12")
_OPEN_END = re.compile(r"(?:[,:;(\-–/&+]|\b(?:and|or|to|until|till|from|at|after|before|of|in|on|by|the|a|an|with|up))\s*$", re.I)


#: a line that continues the one before it: it opens in lower case or with a joining word ("ICU mortality" / "at 4 weeks")
_CONTINUES = re.compile(r"(?-i:[a-z(])|(?:and|or|to|until|at|after|before|from|up|through|during|with|of|in|on|per)\b", re.I)


def _clean_frame(text: str) -> str:
    """A time frame's lines kept apart as "; " ("Day 30 <br>Day 90" -> "Day 30; Day 90"): the registrant put each
    time point on its own line, and run together ("Day 30 Day 90") they read as one phrase. A line that cannot end
    where it ends ("From baseline to" / "week 12") or that continues the one before ("ICU mortality" / "at 4 weeks")
    is joined with a space."""
    lines = [_clean(line) for line in text.split("\n")]
    out = ""
    for line in (x for x in lines if x):
        joined = _OPEN_END.search(out) or _CONTINUES.match(line) or out.endswith((".", "!", "?"))  # a sentence already ended
        out = line if not out else out + (" " if joined else "; ") + line
    return out


def _labelled(text: str) -> list[ParsedOutcome]:
    """The outcome of a field of labelled parts; a numbered list under the end-point label (the EU
    register's one free-text field for all primary end points) is one outcome per entry, sharing the
    time frame."""
    parts: dict[str, str] = {}
    marks = list(_PART.finditer(text))
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        kind = next((k for pattern, k in _PART_KIND if pattern.match(" ".join(m.group(1).split()))), None)
        value = text[m.end() : end].strip(" \t\n;")
        if kind is not None and value and kind not in parts:
            parts[kind] = value
    time_frame = _clean_frame(parts.get("time_frame", "")) or None
    description = _clean(parts.get("description", "")) or None
    titles = [_clean(t).rstrip(".").strip() for t in _list_items(parts.get("title", ""))]
    return [ParsedOutcome(t, time_frame, description) for t in dict.fromkeys(titles) if t]


def _split_semicolons(text: str) -> list[str]:
    """``;``-separated items outside brackets (a ``;`` inside "(CRP; ferritin)" does not split)."""
    items: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    return [t for t in items if t.strip()]


def _list_items(item: str) -> list[str]:
    """An item's lines grouped into outcomes: a numbered or bulleted list (two markers or more) gives
    one outcome per entry; a line that closes with a labelled time frame ends its outcome; any other
    line belongs to the outcome before it."""
    lines = [line for line in item.split("\n") if line.strip()]
    listed = sum(1 for line in lines if _MARKER.match(line)) >= 2
    groups: list[list[str]] = []
    closed = True
    for line in lines:
        starts = (listed and _MARKER.match(line) is not None) or closed
        if starts and not (groups and line.lstrip().startswith("[")):
            groups.append([_MARKER.sub("", line, count=1) if listed else line])
        else:
            groups[-1].append(line)
        closed = bool(_FRAME_BRACKET.search(line)) and line.rstrip().endswith("]")
    if listed and len(groups) > 1 and not _MARKER.match(lines[0]) and groups[0][-1].rstrip().endswith(":"):
        groups = groups[1:]  # a lead-in ("Co-primary outcomes:") before the list
    return ["\n".join(g) for g in groups]


def _one(piece: str, registry: str | None) -> ParsedOutcome | None:
    text = _OWN_LABEL.sub("", piece, count=1)
    time_frame: str | None = None
    description: str | None = None
    if m := _FRAME_BRACKET.search(text):
        time_frame = _clean_frame(m.group(1)) or None
        text = text[: m.start()] + text[m.end() :]
    elif m := _FRAME_LABEL.search(text):
        rest = text[m.end() :]
        method = _METHOD.search(rest)
        if method is not None:
            description = _clean(rest[method.start() :].lstrip(". ")) or None
            rest = rest[: method.start()]
        time_frame = _clean_frame(rest).rstrip(".") or None
        text = text[: m.start()]
    elif registry in _BRACKET_REGISTRIES and (m := _TRAILING_BRACKET.search(text)):
        time_frame = _clean_frame(m.group(1)).rstrip(".") or None
        text = text[: m.start()]
    title = _clean(text).rstrip(".").strip()
    if not title:
        return None
    return ParsedOutcome(title, time_frame, description)
