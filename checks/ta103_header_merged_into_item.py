import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import doc_of

_LEAD_IN = re.compile(
    r"\b(?:following|as follows|below|must meet|all of the|any of the|one of the|criteria|criterion)\b|:\s*$",
    re.IGNORECASE,
)


def _lead_in(text: str) -> bool:
    t = text.strip()
    words = t.split()
    if len(words) <= 3 and not any(ch.isdigit() for ch in t):
        return True
    return bool(_LEAD_IN.search(t[:200]))


@register
class HeaderMergedIntoItem(Rule):
    """A section header is run into the first criterion on the same line ("inclusion criteria (2) Expected ...").

    ## What it does

    Reports a record when a section header is run into the first criterion on the same line ("inclusion
    criteria (2) Expected ...").

    Reports: a header run into the first criterion on its line ("inclusion criteria (2) Expected …",
    "Inclusion Criteria: 1. Age …", "Inclusion Criteria: - Male or female …").

    Not reported: a header followed by a one-line prose criterion ("Inclusion criteria: healthy
    volunteers"), a lead-in ("… must meet all of the following …") or a label ("Test Group"); a stray
    dash ("Exclusion Criteria:-").

    ## Why it matters

    When the header and the first item share a line, the first criterion is easily missed
    or read as part of the header, tools that split criteria into items lose it, and its number is
    often lost too. A header followed by a one-line prose criterion ("Inclusion criteria: healthy
    volunteers") is not reported.

    ## Fix

    Put the header on its own line, followed by the item (the suggestion shows the split).

    Fix safety: safe to apply. The suggested lines only put the header on a line of its own; no
    word is added or removed.

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
            marked_rest = sum(1 for it in s.items if it.marker is not None)
            if first.marker is None and (marked_rest < 2 or _lead_in(first.text)):
                # "Inclusion criteria: healthy volunteers" - a one-line prose criterion;
                # "Inclusion Criteria: Patients must meet all of the following ..." - a lead-in;
                # "Inclusion Criteria: Test Group" - a label
                continue
            end = min(first.end, line_end, first.start + 120)
            header = text[s.header_start : s.header_end].rstrip(" :")
            yield self.finding(
                f"The header {header!r} runs into the first criterion on the same line: put the "
                "header on its own line, followed by the criterion.",
                evidence=Evidence.span("criteria", text, s.header_start, end),
                suggestion=f"{header}:\n{text[first.start : min(first.end, line_end)]}",
            )
