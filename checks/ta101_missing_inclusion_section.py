import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import doc_of
from trial_audit.text.criteria_sections import has_combined_header, is_pdq_layout, marked_items, says_no_inclusion

_LEAD_IN = re.compile(
    r"\binclu(?:sion|ded|de)\b|\beligib|\bmust\s+(?:be|have|meet|fulfil|fulfill|satisfy)\b|\bfollowing\s+criteria\b",
    re.IGNORECASE,
)

#: at most this many marked items: a list that long is a sub-list of the prose, not the criteria themselves
_SHORT_SUBLIST = 5


def _ends_in_prose_lead_in(before: str) -> bool:
    """A sentence of prose (five words or more) ends in a colon just before the first item: a lead-in to a
    list that belongs to the sentence ("... patients with active disease who:", "They may take part if they:"),
    not a header or a label ("Group A:")."""
    before = before.rstrip()
    if before.endswith(";") and _LIST_FOLLOWS.search(before[-200:]):
        # "... a family history of cancer that includes;", "... of the following 3 subgroups will be recruited ...;"
        before = before[:-1] + ":"
    if not before.endswith(":"):
        return False
    sentence = re.split(r"[.;!?]\s|\n[ \t]*\n", before)[-1]
    return len(sentence.split()) >= 5


#: a sentence that announces the list after it, whatever its last punctuation
_LIST_FOLLOWS = re.compile(r"\b(?:following|includes?|including|as\s+follows)\b[^.;]{0,200};$", re.IGNORECASE)


_NAMED_INCLUSION = re.compile(r"\binclu(?:sion|ded|de)\b|\beligib", re.IGNORECASE)


@register
class MissingInclusionSection(Rule):
    """The eligibility criteria list criteria but have no "Inclusion Criteria" section.

    ## What it does

    Reports a record when the eligibility criteria list criteria but have no "Inclusion Criteria"
    section.

    Reports: an exclusion section with no inclusion section; a list (≥ 2 marked items) under no header.

    Not reported: prose-only criteria; the NCI layout (`DISEASE CHARACTERISTICS:` …); a combined header
    (`Eligibility criteria:`, `Inclusion/Exclusion Criteria:`, `Criteria:`); a lead-in naming the
    criteria ("Each patient must meet all of the following inclusion criteria:", "Patients must be:");
    prose criteria with a short list (≤ 5 items) under a lead-in sentence ending in a colon
    ("... patients with active disease who:"); the legacy layouts "PROTOCOL ENTRY CRITERIA:" and
    "--Disease Characteristics--".

    ## Why it matters

    Patients, sites and matching tools read eligibility as two lists, who may take part
    and who may not; an exclusion list with no inclusion list, or a bare list under no header,
    leaves it to the reader to guess which criteria must be met and which must be absent.
    Criteria written as prose only and the legacy NCI layout ("DISEASE CHARACTERISTICS:",
    "PATIENT CHARACTERISTICS:") are not reported.

    ## Fix

    Add an "Inclusion Criteria:" header above the criteria a participant must meet.

    Fix safety: unsafe as is. The suggested text adds the missing header with a placeholder
    (`<criteria a participant must meet>`) that the curator must replace or delete.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA101"
    name = "missing-inclusion-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    bad = [
        {"criteria": "Exclusion Criteria:\n- Pregnancy\n- Active infection"},
        {"criteria": "- Age 18 or older\n- Signed consent\n- No active infection"},
    ]
    good = [
        {"criteria": "Inclusion Criteria:\n- Age 18 or older\n\nExclusion Criteria:\n- Pregnancy"},
        {"criteria": "Healthy volunteers aged 18 to 45 years."},
        {"criteria": "DISEASE CHARACTERISTICS:\n- Histologically confirmed melanoma\nPATIENT CHARACTERISTICS:\n- Age 18 and over"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None or doc.has_inclusion:
            return
        if is_pdq_layout(doc) or says_no_inclusion(doc) or has_combined_header(doc):
            return
        text = doc.text
        exc = doc.by_kind("exclusion")
        if exc:
            s = exc[0]
            if s.header_start is None:
                return
            if _NAMED_INCLUSION.search(text[: s.header_start]):
                return  # "For inclusion in the study subjects should fulfill the following criteria:"
            if s.header_sentence and text[: s.header_start].strip():
                # "... No past renal disease.\n\nPatients will be excluded if they have any of the following:":
                # a lead-in sentence after prose criteria; the prose before it is what a participant must meet
                return
            yield self.finding(
                "The criteria have an exclusion section but no inclusion section: add an "
                '"Inclusion Criteria:" header above the criteria a participant must meet.',
                evidence=Evidence.span("criteria", text, s.header_start, s.header_end),
                suggestion="Inclusion Criteria:\n\n<criteria a participant must meet>\n\n" + text[s.header_start :],
            )
            return
        if marked_items(doc) < 2:
            return  # prose only
        first = next(it for it in doc.items() if it.marker is not None)
        if _LEAD_IN.search(text[: first.start]):
            return  # "Each patient must meet all of the following inclusion criteria:", "Patients must be:"
        if marked_items(doc) <= _SHORT_SUBLIST and _ends_in_prose_lead_in(text[: first.start]):
            return  # prose criteria with a short list under a lead-in: "... patients with active CIDP who:\n 1. ..."
        yield self.finding(
            'The criteria are a list under no "Inclusion Criteria" / "Exclusion Criteria" header: '
            "say which criteria must be met and which exclude a participant.",
            evidence=Evidence.span("criteria", text, first.start, min(first.end, first.start + 120)),
            suggestion="Inclusion Criteria:\n\n" + text.strip() + "\n\nExclusion Criteria:\n\n<criteria that exclude a participant>",
        )
