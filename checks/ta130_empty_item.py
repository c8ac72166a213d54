import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import BULLET_STYLES
from trial_audit.text.criteria_lists import doc_of

# a line that starts with a list marker of its own ("- ", "* ", "1.", "(2)", "a)", "iv.")
_MARKED_LINE = re.compile(r"[ \t]*(?:[-*•·▪●◦○■□➢►‣⁃–—+o][ \t]|\(?[0-9]{1,3}[.)]|\(?[A-Za-z][.)][ \t]|\(?[ivxlIVXL]{1,5}[.)][ \t])")
# words a number follows as a name, not as a list marker ("prior to Visit\n1.", "in Phase\n2.")
_COUNTED_WORD = re.compile(
    r"(?:^|[^A-Za-z])(?:visit|day|week|month|year|phase|part|cohort|step|grade|stage|type|arm|group|level|cycle|dose|"
    r"class|section|table|appendix|period|segment|round|course|session|wave|tier|category|criterion|question|"
    r"figure|version|study|protocol)$",
    re.IGNORECASE,
)


def _next_line(text: str, pos: int) -> tuple[int, str, bool]:
    """The first non-blank line after ``pos``: its start, its text and whether a blank line came before it."""
    blank = False
    nl = text.find("\n", pos)
    while nl >= 0:
        end = text.find("\n", nl + 1)
        end = len(text) if end < 0 else end
        line = text[nl + 1 : end]
        if line.strip():
            return nl + 1, line, blank
        blank = True
        nl = end if end < len(text) else -1
    return len(text), "", blank


def _in_header(doc, lo: int, hi: int) -> bool:
    # a lead-in sentence read as a header ("Patients with the following are excluded:") is a paragraph
    # that a legacy bullet may mark, like any other
    return any(s.header_start is not None and not s.header_sentence and lo <= s.header_start < hi for s in doc.sections)


def _bullet_before_paragraph(doc, it) -> bool:
    """A lone bullet, a blank line, then a paragraph without a marker: legacy XML writes a criterion
    this way ("-\n\nAnticoagulant, including warfarin."); the bullet marks that paragraph. A lone
    bullet before a line with a marker of its own ("-\n\n1. Aged 18-70") is a stray empty item."""
    if it.style not in BULLET_STYLES:
        return False
    start, line, _ = _next_line(doc.text, it.line_end if it.line_end > it.start else it.end)
    if not line.strip() or _MARKED_LINE.match(line) or _in_header(doc, start, start + len(line)):
        return False
    return any(ch.isalnum() for ch in line)


def _number_wrapped_to_own_line(doc, it) -> bool:
    """A number alone on a line right under a line that does not end its sentence and ends with a
    word a number names or follows ("... prior to Visit\n1.", "... under the age of\n18."), or a letter
    under a line ending with a number ("... between 1 and 4\nD.": a unit): the wrapped end of that line,
    not a list item, unless the number continues or starts the list around it."""
    if it.number is None or it.family not in ("num", "alpha"):
        return False
    text = doc.text
    prev_end = it.line_start - 1
    if prev_end <= 0 or text[prev_end] != "\n":
        return False
    prev_start = text.rfind("\n", 0, prev_end) + 1
    prev = text[prev_start:prev_end].rstrip()
    if not prev or not prev[-1].isalnum():
        return False
    if it.family == "alpha":
        # "... myopia between 1 and 4\nD.": a unit letter (dioptres, litres) after a number
        if not prev[-1].isdigit():
            return False
    elif not (_COUNTED_WORD.search(prev[-40:]) or _TAKES_A_NUMBER.search(prev[-40:])):
        return False
    siblings = it.parent.children if it.parent is not None else (it.section.items if it.section is not None else [])
    numbers = {s.number for s in siblings if s is not it and s.style == it.style and any(ch.isalnum() for ch in s.text)}
    return it.number - 1 not in numbers and it.number + 1 not in numbers


#: a word that a number follows inside a sentence ("... under the age of\n18."): the number is its wrapped end
_TAKES_A_NUMBER = re.compile(
    r"(?:^|[^A-Za-z])(?:of|than|to|under|over|at|least|age|aged|between|and|from|by|within|for|about|approximately)$"
)


# the whole content of a section that says "none" ("Exclusion criteria: -", "N/A", "nil", "/"): registries
# (the Netherlands Trial Register via ICTRP) write this placeholder for a section with no criteria
_NONE_PLACEHOLDER = re.compile(r"[ \t\r\n]*(?:-{1,3}|[–—]|/|n/?a|none|nil|not applicable)[ \t\r\n.]*", re.IGNORECASE)


def _section_stated_empty(doc, it) -> bool:
    """The item is the only content of its section and that content is a "none" placeholder."""
    sec = it.section
    if sec is None or sec.header_start is None or it.parent is not None or len(sec.items) != 1:
        return False
    body_start = sec.header_end if sec.header_end is not None else sec.start
    return bool(_NONE_PLACEHOLDER.fullmatch(doc.text[body_start : sec.end]))


@register
class EmptyItem(Rule):
    """A list item has a marker but no text ("3." or "-" alone on its line).

    ## What it does

    Reports a record when a list item has a marker but no text ("3." or "-" alone on its line).

    Reports: a marker with no text ("2.", a stray "-").

    Not reported: a marker whose text is on the next line, or after a blank line in a paragraph
    without a marker of its own ("-", blank line, "Anticoagulant, including warfarin."); a number
    wrapped onto its own line at the end of a sentence ("... prior to Visit" / "1.") that continues
    no list; a section whose whole content is a "none" placeholder ("Exclusion criteria: -", "--",
    "N/A", "none", "nil", "/"): the section is stated empty (TA102 reports an exclusion section that holds only a
    dash or nothing). A lone bullet before a line with its own marker ("-", blank line, "1. Aged 18-70") is
    reported.

    ## Why it matters

    An empty item is a criterion lost in editing or export; its number is still counted and
    cited, but nobody can tell what it said.

    ## Fix

    Restore the criterion's text, or delete the empty item and renumber the list.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA130"
    name = "empty-item"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    bad = [
        {"criteria": "Exclusion Criteria:\n1. Pregnancy\n2.\n3. Active infection"},
    ]
    good = [
        {"criteria": "Exclusion Criteria:\n1. Pregnancy\n2. Active infection"},
        {"criteria": "Inclusion Criteria:\n1.\n   Age 18 or older\n2. Signed consent"},
        {"criteria": "Inclusion Criteria:\nAdults after hospital discharge\n\nExclusion Criteria:\n-"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        for it in doc.items():
            if it.marker is None or it.children:
                continue
            if any(ch.isalnum() for ch in it.text):
                continue
            if _bullet_before_paragraph(doc, it) or _number_wrapped_to_own_line(doc, it) or _section_stated_empty(doc, it):
                continue
            yield self.finding(
                f"Item {it.marker!r} is empty: restore its criterion, or delete it and renumber the list.",
                evidence=Evidence.span("criteria", text, it.start, max(it.end, it.marker_end)),
                suggestion="Restore the text of this criterion, or delete the empty item.",
            )
