import re

from trial_audit.checks._shared.fixes import header_line_fix, line_break_fix
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import doc_of
from trial_audit.text.criteria_modes import starts_like_exclusion, starts_like_requirement

# a bullet or ordinal in front of a header on its line ("• ", "2. ", "(B) "): not a criterion
_HEADER_PREFIX = re.compile(
    r"[ \t]*(?:[-*•·▪●◦○■□➢►‣⁃–—+]|\*\*|\[|#{1,6}|(?:[0-9]{1,2}|[A-Za-z]|[IVX]{1,4})[.)]|\((?:[0-9]{1,2}|[A-Za-z])\))?[ \t]*"
)

_LEAD_IN = re.compile(
    r"\b(?:following|as follows|below|must meet|all of the|any of the|one of the|criteria|criterion)\b|:\s*$",
    re.IGNORECASE,
)
# a note about the list after the header, not a criterion: how to answer or read it ("All answers must be
# NO to be eligible for the study.", "Respond yes or no to each question", "Any item checked excludes")
_NOTE = re.compile(
    r"\b(?:answers?|answered|respon(?:d|ses?)|questions?|checked|tick(?:ed)?)\b|\bto\s+(?:be|remain)\s+(?:eligible|included|enrolled)\b"
    r"|\b(?:yes|no)\s+to\s+(?:all|any|each|every)\b",
    re.IGNORECASE,
)


# a word that restates the section rather than naming a criterion ("Exclusion Criteria: contra-indication")
_SECTION_WORD = re.compile(
    r"(?:contra-?indications?|exclusions?|inclusions?|eligibility|criteri[a-z]*|requirements?|conditions?|none|nil|n/?a)\W*$", re.IGNORECASE
)


def _lower_case_criterion(text: str) -> bool:
    """A short text after the header that starts in lower case continues the header as its first criterion
    ("Exclusion: pregnancy or breastfeeding", "Exclusion criteria- pregnancy"); a label is capitalised
    ("Test Group", "Controls") and a word that restates the section is the header's qualifier."""
    if _SECTION_WORD.match(text):
        return False
    # a capitalised one that opens like a criterion ("Pregnancy or breastfeeding", "Prior chemotherapy",
    # "Signed consent") is one too; a name ("Test Group", "Healthy Volunteers") is not
    return text[:1].islower() or starts_like_exclusion(text) or starts_like_requirement(text)


# a fragment that ends in a modal or its verb and goes on as the numbered list below ("Patients Must",
# "Subjects should:", "Participants will have", "The patient has to be"): the header's lead-in, not a criterion
_MODAL_LEAD_IN = re.compile(
    r"(?:(?:all\s+|the\s+|each\s+)?(?:patients?|participants?|subjects?|volunteers?|individuals?|candidates?|women|men|children|adults|they)\s+)?"
    r"(?:must|should|shall|will|may|can|need\s+to|needs\s+to|has\s+to|have\s+to|(?:is|are)\s+required\s+to)"
    r"(?:\s+(?:have|be|meet|fulfil+|satisfy|present\s+with|show|include|also))?[ \t]*[:：]?",
    re.IGNORECASE,
)


def _lead_in(text: str) -> bool:
    t = text.strip()
    if _MODAL_LEAD_IN.fullmatch(t):
        return True
    words = t.split()
    if len(words) <= 3 and not any(ch.isdigit() for ch in t) and not _lower_case_criterion(t):
        # a short capitalised name is a group's label ("Test Group", "Controls")
        return True
    return bool(_LEAD_IN.search(t[:200]) or _NOTE.search(t[:200]))


def _dash_lead_in(line: str) -> bool:
    """After "Inclusion Criteria - ": a lead-in sentence ("All patients must satisfy each of the following")
    or a one-word label ("Controls") or "none"; a short criterion ("Pregnant women") is an item, and so is
    one word with a value ("EF<30") or a sentence that opens like a criterion and names criteria only in
    passing ("Currently meets criteria for dependence on other substances")."""
    t = line.strip()
    if len(t.split()) <= 1:
        return not _lower_case_criterion(t) and not _VALUE.search(t)
    if _LEAD_IN.search(t[:200]) and not _STRICT_LEAD_IN.search(t[:200]) and (starts_like_exclusion(t) or starts_like_requirement(t)):
        return bool(_NOTE.search(t[:200]) or _NONE.match(t))
    return bool(_LEAD_IN.search(t[:200]) or _NOTE.search(t[:200]) or _NONE.match(t))


# a lead-in in any words: it points at the list ("the following", "as follows", "any of the", a colon at its end)
_STRICT_LEAD_IN = re.compile(r"(?:following|as follows|below|must meet|all of the|any of the|one of the)|:\s*$", re.IGNORECASE)
# a number or a comparison: a criterion's value, never in a group's label
_VALUE = re.compile(r"[0-9<>≤≥=]")


# "Exclusion criteria - none", "- not applicable", "- N/A": a one-line section that says there is nothing
_NONE = re.compile(r"(?:none|nil|no\s+(?:exclusion|inclusion|criteria)|not\s+applicable|n/?a)\b", re.IGNORECASE)


# words that end a reference to a section rather than a criterion ("... listed in the Inclusion
# Criteria", "... allowed per Exclusion criteria:")
_REFERENCE_END = re.compile(r"\b(?:the|in|on|of|to|per|see|listed|under|from|by|and|or|with|as|all|any|these|other)\s*$", re.IGNORECASE)


def _ends_a_criterion(before: str) -> bool:
    """The text before a header on its line reads as the end of a criterion ("... during the first
    8 weeks", "... (both inclusive)", "... consent."), not as the header's own qualifier ("Main",
    "Healthy Volunteer", "Part B", "9. Phase I Specific") nor a reference to the section."""
    t = before.strip().rstrip("-–— ").strip()
    words = t.split()
    if len(words) < 3 and t.endswith((".", ";")) and _ITEM_START.match(t) and len(words) == 2:
        return True  # "- Hospitalization. Exclusions:": a one-word criterion, its sentence ended
    if len(words) < 3 or _REFERENCE_END.search(t):
        return False
    last = words[-1]
    if last[-1] in ".;,)]%" or last[-1].isdigit() or last.islower() or last[:1].islower():
        return True
    return _titled_item_phrase(t)


# a list marker at the start of the line: the text before the header is an item of the list above
_ITEM_START = re.compile(r"[ \t]*(?:[-*•·▪●◦○■□➢►‣⁃–—+]|[0-9]{1,3}[.)]|\([0-9]{1,3}\)|[a-z][.)])[ \t]+")
# lower-case joining words of a phrase ("Ability to Provide Consent", "Proficient understanding of Spanish")
_JOINING_WORD = re.compile(r"[ \t](?:of|to|for|and|with|in|or|on|at|by|from|without)[ \t]")
# what a header's own qualifier ends with ("Phase I Specific", "Healthy Volunteer", "Patients with Diabetes Cohort")
_QUALIFIER_END = re.compile(
    r"(?:specific|volunteers?|patients?|participants?|subjects?|cohorts?|groups?|arms?|parts?|phases?|stages?|stud(?:y|ies)|donors?"
    r"|recipients?|only|controls?|cases?|\b(?-i:[A-Z0-9]{1,3}))\W*$",
    re.IGNORECASE,
)


_POPULATION_START = re.compile(
    r"(?:for|in|patients?|participants?|subjects?|volunteers?|women|men|children|adults|those|healthy|cohort|group|arm|part|phase)\b",
    re.IGNORECASE,
)


def _titled_item_phrase(t: str) -> bool:
    """A capitalised phrase with joining words on an item's line ("* Ability to Provide Consent Exclusion
    Criteria:"): the item's text, not a qualifier of the header, which names a group ("9. Phase I Specific")."""
    m = _ITEM_START.match(t)
    if not m:
        return False
    phrase = t[m.end() :]
    if _POPULATION_START.match(phrase):
        return False  # "* Patients with Type 2 Diabetes Exclusion Criteria:" may name a group: left alone
    return len(phrase.split()) >= 4 and bool(_JOINING_WORD.search(phrase)) and not _QUALIFIER_END.search(phrase)


# a line that opens with a section header ("Eligibility criteria for the ...", "- Inclusion criteria of ...")
_HEADER_WORDS_BEFORE = re.compile(
    r"[\W_]*(?:(?:key|main|general)\s+)?(?:eligibility|inclusion|exclusion|selection|entry)\s+criteri", re.IGNORECASE
)


def _closes_its_line(text: str, start: int, end: int) -> bool:
    """A header inside a line ends with a colon ("... 8 weeks Exclusion Criteria: ..."), or without one it
    is the end of its line ("... 8 weeks. Exclusion criteria" then the items below): what the parser took
    for a header is not a phrase of the criterion that goes on after it."""
    if text[start:end].rstrip(" \t*").endswith((":", "：")):
        return True
    nl = text.find("\n", end)
    if text[end : len(text) if nl < 0 else nl].strip(" \t*"):
        return False
    # the next line with text must not continue a sentence ("... for their uveitis. Exclusion criteria" then
    # "included current use of ...": prose wrapped at the header, not a header)
    nxt = text[nl:].lstrip() if nl >= 0 else ""
    return not nxt[:1].islower()


def _sub_header_under_own_line_header(doc, s) -> bool:
    """A qualified header ("... criteria for patients with X include:", "... criteria related to Y:")
    below a header of the same kind that stands on its own line: a group's lead-in or a bullet's label."""
    if not s.label:
        return False
    for other in doc.sections:
        if other is s:
            return False
        if other.kind == s.kind and other.header_start is not None and not other.merged_header:
            return True
    return False


@register
class HeaderMergedIntoItem(Rule):
    """A section header is run into the first criterion on the same line ("inclusion criteria (2) Expected ...").

    ## What it does

    Reports a record when a section header is run into the first criterion on the same line ("inclusion
    criteria (2) Expected ...").

    Reports: a header run into the first criterion on its line ("inclusion criteria (2) Expected …",
    "Inclusion Criteria: 1. Age …", "Inclusion Criteria: - Male or female …"), whatever punctuation stands
    between the header and the item's marker ("Inclusion Criteria; - Age …", "Exclusion Criteria. 1. …",
    "EXCLUSION CRITERIA - - Pregnancy", "Inclusion Criteria — * …", "Inclusion Criteria | - …", any arrow, bullet-like
    glyph or symbol: "Inclusion criteria ▶ 1. …"), with a qualifier of any words between the header and that punctuation
    ("Exclusion criteria according to the study protocol: - …", "Inclusion criteria (both arms) ; 1. …"), one or two words
    before the header ("Essential inclusion criteria: - …") or inside brackets ("(Exclusion criteria) - …",
    "【Inclusion criteria】1. …"), a lead-in sentence
    run into its first item ("Participants are not eligible if: - Pregnant …", "The following inclusion criteria
    apply: 1. …"), and a header run
    into the end of the criterion before it ("… during the first 8 weeks Exclusion Criteria:", or without a
    colon when the header closes that line and its items follow below: "-  Age 18-30 Exclusion Criteria"), also
    with its verb or qualifier or as an exclusion lead-in after the criterion's sentence end ("… consent. Exclusion
    criteria are as follows:", "… Criteria of exclusion:", "… Age 12 and above. Participants are not eligible if they
    meet any of the following:"; an inclusion lead-in there is the item's own lead-in to its sub-list).
    A short first criterion in lower case is a criterion ("Exclusion: pregnancy or breastfeeding",
    "Exclusion criteria- pregnancy", "Exclusion criteria are pregnancy"), and so is one word with a
    value after a dash ("Exclusion Criteria - EF<30"); an item's capitalised phrase with joining
    words before a header on its line is the item's end ("* Ability to Provide Consent Exclusion
    Criteria:"), a group's name is the header's qualifier ("9. Phase I Specific", "* Patients with
    Type 2 Diabetes").

    Not reported: a header followed by a one-line prose criterion ("Inclusion criteria: healthy
    volunteers"; reported when the colon is written against it and a marked criterion follows below:
    "Exclusion Criteria:Patients who died …"), a lead-in ("… must meet all of the following …", a fragment ending in a modal that
    the numbered list continues: "Patients Must" then "1. Between …") or a label ("Test Group"); a
    qualified lead-in or bullet label below the real header on its own line ("INCLUSION CRITERIA:" then
    "Inclusion criteria for patients with X include: (1) …", "* Exclusion criteria related to Y: a. …"); a stray
    dash ("Exclusion Criteria:-"); a header's own qualifier on its line ("Main Exclusion Criteria:",
    "Healthy Volunteer Inclusion Criteria:", also on a line of its own after an item that ends its
    sentence: "Treatment Sub study Inclusion Criteria:") and a reference to a section ("… listed in the
    Inclusion Criteria").

    ## Why it matters

    When the header and the first item share a line, the first criterion is easily missed
    or read as part of the header, tools that split criteria into items lose it, and its number is
    often lost too. A header followed by a one-line prose criterion ("Inclusion criteria: healthy
    volunteers") is not reported.

    ## Fix

    Put the header on its own line, followed by the item (the suggestion shows the split).

    Fix safety: safe to apply. The suggested lines only put the header on a line of its own (with a
    colon after it when it has none); no word is added or removed. `--fix` applies it.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA103"
    name = "header-merged-into-item"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    bad = [
        {
            "criteria": "• inclusion criteria (2) Expected survival of 3 months or more; (3) Signed consent\n"
            "• Exclusion criteria:\n• 1. Pregnancy"
        },
        {"criteria": "Inclusion Criteria: 1. Age 18 or older\n2. Signed consent\n\nExclusion Criteria:\n1. Pregnancy"},
        {
            "criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Able to attend every visit for 8 weeks Exclusion Criteria:\n1. Pregnancy"
        },
    ]
    good = [
        {"criteria": "Inclusion Criteria:\n1. Age 18 or older\n\nExclusion Criteria:\n1. Pregnancy"},
        {"criteria": "Inclusion criteria: healthy volunteers aged 18-45\nExclusion criteria: any chronic disease"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        yield from self._header_after_item(doc)
        for s in doc.sections:
            if not s.merged_header or s.header_start is None or not s.items:
                continue
            first = s.items[0]
            if first.start < s.header_end:
                continue
            # the item on the header's line
            line_end = text.find("\n", s.header_end)
            line_end = len(text) if line_end < 0 else line_end
            if first.start > line_end:
                continue
            if not any(ch.isalnum() for ch in first.text):
                continue  # "Exclusion Criteria:-": a stray dash (TA130), no criterion merged
            if _sub_header_under_own_line_header(doc, s):
                # "INCLUSION CRITERIA:" on its own line, then "Inclusion criteria for patients with
                # X include: (1) ..." or "* Exclusion criteria related to transplant: a. ...": a
                # lead-in or one bullet's label under the real header, not a header run into an item
                continue
            # "Header - text": a dash after the header may introduce a lead-in or a label; after other punctuation
            # ("Exclusion Criteria; - Known allergy …", "Inclusion Criteria. - Recurrent …") the dash is the item's bullet
            joint = text[s.header_start : first.start].rstrip(" \t*\\")
            dash_form = first.marker in ("-", "–", "—") and not joint.rstrip("-–— \t").endswith(
                (":", "：", ";", "；", ".", "。", ",", "，", "|", ">")
            )
            if dash_form and _dash_lead_in(first.text.split("\n", 1)[0]):
                # "Exclusion criteria - none"; "INCLUSION CRITERIA - All patients must satisfy each of the
                # following", "Exclusion Criteria - Controls": a statement, a lead-in or a label
                continue
            marked_rest = sum(1 for it in s.items if it.marker is not None)
            # a colon written against the first criterion ("Exclusion Criteria:Patients who died …") is a lost line
            # break, not the prose form "Inclusion criteria: healthy volunteers": one marked item below is enough
            against = text[s.header_end - 1 : s.header_end] in (":", "：") and first.start == s.header_end
            if first.marker is None and (marked_rest < (1 if against else 2) or _lead_in(first.text)):
                # "Inclusion criteria: healthy volunteers" - a one-line prose criterion;
                # "Inclusion Criteria: Patients must meet all of the following ..." - a lead-in;
                # "Inclusion Criteria: Test Group" - a label
                continue
            end = min(first.end, line_end, first.start + 120)
            header = " ".join(text[s.header_start : s.header_end].rstrip(" :").split())
            yield self.finding(
                f"The header {header!r} runs into the first criterion on the same line: put the "
                "header on its own line, followed by the criterion.",
                evidence=Evidence.span("criteria", text, s.header_start, end),
                suggestion=f"{header}:\n{text[first.start : min(first.end, line_end)]}",
                fix=header_line_fix(text, s.header_start, s.header_end, first.start),
            )

    def _header_after_item(self, doc):
        """A header run into the end of the criterion before it ("... within 8 weeks Exclusion
        Criteria:"): the parser reads it as a header inside the line; the criterion above loses
        its end and the section its start for a reader who scans line starts."""
        text = doc.text
        for s in doc.sections:
            if not s.header_after_text or s.header_start is None or s.header_line_start is None:
                continue
            before = text[s.header_line_start : s.header_start]
            if not _ends_a_criterion(before) or not _closes_its_line(text, s.header_start, s.header_end):
                continue
            if _HEADER_WORDS_BEFORE.match(before) and ":" not in before:
                # "Eligibility criteria for the secondary randomisation ... Inclusion criteria": the line is
                # one header with its qualifier, not a criterion with a header run into its end (a header
                # with a colon before is its own: "Inclusion Criteria: adults ...; able to ... Exclusion Criteria:")
                continue
            start = max(s.header_line_start + len(before) - len(before.lstrip()), s.header_start - 80)
            if not text[start - 1].isspace():
                # the 80-character window cut into a word ("bA1c between"): begin at the next word
                gap = re.compile(r"\s").search(text, start, s.header_start)
                start = gap.end() if gap else s.header_start
            # (a header split over a line break, "Exclusion\nCriteria:", is quoted on one line)
            header = " ".join(text[s.header_start : s.header_end].strip(" :*\\").split())
            yield self.finding(
                f"The header {header!r} is run into the end of the criterion before it: put the header "
                "on a line of its own, so that the criterion above ends and the section starts where a reader looks.",
                evidence=Evidence.span("criteria", text, start, s.header_end),
                suggestion=f"{before.strip()}\n{header}:",
                fix=line_break_fix(text, [s.header_start]),
            )
