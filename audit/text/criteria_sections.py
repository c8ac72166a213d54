"""Section-level facts for the TA10x rules (on top of ``trial_audit.text.criteria``)."""

from __future__ import annotations

import re

from trial_audit.text.criteria import CriteriaDoc

#: legacy NCI PDQ layout: "DISEASE CHARACTERISTICS:", "PATIENT CHARACTERISTICS:", "PRIOR CONCURRENT THERAPY:",
#: and its sibling of the same era with dashes ("--Disease Characteristics--", "--Population Characteristics--",
#: "--Prior/Concurrent Therapy--") (blanks before it stay on its line: a run of blank lines is not re-read from
#: each line start)
_PDQ = re.compile(
    r"^[^\S\n]*(?:[-*•]\s*)?(?:disease\s+characteristics|patient\s+characteristics|prior\s+concurrent\s+therapy)\s*:?"
    r"|^[^\S\n]*--[^\S\n]*(?:(?:disease|patient|population)[^\S\n]+characteristics|prior[^\S\n]*/[^\S\n]*concurrent[^\S\n]+therapy)"
    r"[^\S\n]*--",
    re.IGNORECASE | re.MULTILINE,
)
#: a statement that there are no inclusion / exclusion criteria beyond the others
_NO_EXCLUSION = re.compile(
    r"\b(?:no|none|not\s+applicable|n/a)\b[^.\n]{0,30}\bexclusion\b|\bexclusion\b[^.\n]{0,40}\b(?:none|not\s+applicable|n/a)\b"
    r"|\bexclusion\s+criteria\b[^.\n]{0,20}\b(?:opposite|reverse|converse|contrary|absence)\b"
    r"|\bexclusion\s+criteria\s+(?:may|will|also)\s+apply\b|\bexclusion\s+criteria\b[^.\n]{0,40}\bprotocol\b",
    re.IGNORECASE,
)
_NO_INCLUSION = re.compile(r"\b(?:no|none|not\s+applicable|n/a)\b[^.\n]{0,30}\binclusion\b", re.IGNORECASE)


def is_pdq_layout(doc: CriteriaDoc) -> bool:
    return bool(_PDQ.search(doc.text))


def marked_items(doc: CriteriaDoc) -> int:
    return sum(1 for it in doc.items() if it.marker is not None)


def says_no_exclusion(doc: CriteriaDoc) -> bool:
    return bool(_NO_EXCLUSION.search(doc.text))


def says_no_inclusion(doc: CriteriaDoc) -> bool:
    return bool(_NO_INCLUSION.search(doc.text))


#: an inclusion item that is in fact an exclusion ("No prior chemotherapy", "Patients must not have ...")
_NEGATIVE = re.compile(
    r"^(?:[-*•]\s*)?(?:no|not|none|non-|without|absence|free\s+of|never)\b"
    r"|\b(?:must|should|will|may)\s+not\b|\bnot\s+(?:be\s+)?(?:eligible|allowed|permitted|included|have)\b"
    r"|\b(?:are|is|will\s+be|be)\s+(?:excluded|ineligible)\b|\bexclud(?:e|ed|ing)\b|\bineligible\b"
    # a conditional negated requirement ("If female, non-pregnant/non-lactating") and a negated predicate
    # ("The adolescent is assessed not to be harmful to self or others")
    r"|^(?:[-*•]\s*)?if\s+[^,\n]{1,40},\s*(?:no|not|non-?|negative|free\s+of|without)\b|\bnot\s+to\s+be\b",
    re.IGNORECASE,
)


def has_negative_criteria(doc: CriteriaDoc) -> bool:
    """Exclusions are written inside the inclusion list (the NCI convention: "Patients must not have ...")."""
    for sec in doc.sections:
        if sec.kind == "exclusion":
            continue
        for it in sec.iter_items():
            if _NEGATIVE.search(it.text[:300]):
                return True
    return False


def has_combined_header(doc: CriteriaDoc) -> bool:
    """An "Eligibility criteria:" / "Inclusion/Exclusion criteria:" header over one combined list."""
    return any(s.kind == "other" and s.header for s in doc.sections)


def stated_but_empty(doc: CriteriaDoc, kind: str) -> list:
    """The sections of ``kind`` whose header is followed by no criterion at all: nothing, or only a dash, a slash or
    an empty marker ("Exclusion Criteria:" then "-", as ClinicalTrials.gov and the NTR export a section left blank).
    Empty when the text has no section of that kind, or when one of them holds a criterion; a section that says
    "none" / "N/A" / "nil" holds words and is not counted here (it states that there are none)."""
    secs = [s for s in doc.sections if s.kind == kind]
    if not secs or any(s.header_start is None for s in secs):
        return []
    empty = [
        s
        for s in secs
        if not any(ch.isalnum() for ch in doc.text[s.header_end if s.header_end is not None else s.start : _body_end(doc, s)])
    ]
    return empty if len(empty) == len(secs) else []


def _body_end(doc: CriteriaDoc, sec) -> int:
    """Where the criteria under ``sec``'s header end: at the next inclusion or exclusion header, or the text's end; a
    sub-header read as a section of its own ("Exclusion Criteria:" then "General criteria:" then "- 1. Refusal …"),
    or a lead-in sentence ("In order to be eligible for randomization, a patient MUST NOT:"), and its items are still
    under it."""
    later = [
        s.start
        for s in doc.sections
        if s.start > sec.start and s.kind in ("inclusion", "exclusion") and not s.header_sentence and not _sub_heading(doc, sec, s)
    ]
    return min(later, default=len(doc.text))


def _sub_heading(doc: CriteriaDoc, sec, later) -> bool:
    """``later`` is a sub-heading right under ``sec``'s header ("Exclusion Criteria:" then "Criteria for Participation:"
    then the list): nothing stands between the two headers and the second one does not name the other section
    ("Inclusion ..."), so the items under it still belong to ``sec``."""
    if sec.header_end is None or later.header_start is None or later.kind == sec.kind:
        return False
    if any(ch.isalnum() for ch in doc.text[sec.header_end : later.header_start]):
        return False
    other = "inclu" if sec.kind == "exclusion" else "exclu"
    return other not in (later.header or "").lower()
