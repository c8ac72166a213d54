from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import exclusion_run
from trial_audit.text.criteria_lists import doc_of
from trial_audit.text.criteria_sections import (
    has_combined_header,
    has_negative_criteria,
    is_pdq_layout,
    says_no_exclusion,
    stated_but_empty,
)


@register
class MissingExclusionSection(Rule):
    """The eligibility criteria have an inclusion section but no "Exclusion Criteria" section.

    ## What it does

    Reports a record when the eligibility criteria have an inclusion section but no "Exclusion Criteria"
    section.

    Reports: an inclusion section and no exclusion section.

    Reports too: an inclusion list that goes on, after a run of requirements, with a run of criteria that
    exclude ("Pregnant or breastfeeding", "Known hypersensitivity to …", "History of …") and no exclusion
    section: the exclusion header above them was lost (the finding quotes the first of them). After the one
    paragraph gap of an inclusion list, also when the first line after the gap announces exclusions ("Patients
    with the following conditions are excluded:", "A participant will not be eligible if any of the following
    apply:") or the items after it rule out in words of their own ("Women who do not provide written consent",
    "Lack of cooperation") where those before it do not.

    Reports too, where the only exclusion headers are run into the end of a criterion's line ("… agents. Patients with
    the following are excluded:", TA103): a run of exclusions in the inclusion list above them, whose own header was
    lost.

    Reports too: an exclusion header with nothing under it, or only a dash ("Exclusion Criteria:" then "-", as
    ClinicalTrials.gov and the NTR export a section left blank): the section is there in name only, and a reader
    cannot tell whether there are none or the list was lost.

    Not reported: "Exclusion criteria: none" / "no exclusion criteria" / "N/A" / "nil" (words that state there are none); "Other protocol-defined
    inclusion/exclusion criteria may apply"; exclusions written as negative inclusion items ("Patients
    must not …", "No prior …", "If female, non-pregnant", "assessed not to be harmful to others")
    mixed among the requirements or after a paragraph gap; the NCI layout; combined headers; an exclusion header followed
    by a sub-heading and then its list ("Exclusion Criteria:" then "Criteria for Participation Exclude if:" then items).

    ## Why it matters

    The exclusion criteria are where safety lives (pregnancy, organ failure, interacting
    drugs); an inclusion list with no exclusion section usually means the exclusions were lost in
    an export or merged into the inclusion list, and a patient cannot tell what rules them out.
    A text that states there are no exclusion criteria ("Exclusion criteria: none"), the legacy
    NCI layout ("DISEASE CHARACTERISTICS:" ...) and inclusion lists that carry their exclusions as
    negative items ("Patients must not have ...", "No prior chemotherapy") are not reported.

    ## Fix

    Add the "Exclusion Criteria:" section, or state "Exclusion Criteria: none".

    Fix safety: unsafe as is. The suggested text appends an exclusion header with a placeholder
    that the curator must replace with the real exclusions, or with "none".

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA102"
    name = "missing-exclusion-section"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    bad = [
        {"criteria": "Inclusion Criteria:\n- Age 18 or older\n- Signed consent"},
        {
            "criteria": "Inclusion Criteria:\n- Age 18 or older\n- Signed informed consent\n- Confirmed asthma\n"
            "- Pregnant or breastfeeding\n- Known allergy to the study drug\n- No prior biologic therapy"
        },
    ]
    good = [
        {"criteria": "Inclusion Criteria:\n- Age 18 or older\n\nExclusion Criteria:\n- Pregnancy"},
        {"criteria": "Inclusion Criteria:\n- Age 18 or older\n\nExclusion Criteria: none"},
        {"criteria": "Inclusion Criteria:\n- Healthy adults\n\nThere are no exclusion criteria."},
        {"criteria": "Inclusion Criteria:\n- Histologically confirmed glioblastoma\n- Patients must not have had prior radiotherapy"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        if doc.has_exclusion:
            yield from self._empty_exclusion_section(doc)
            yield from self._run_before_merged_header(doc)
            return
        inc = doc.by_kind("inclusion")
        if not inc or is_pdq_layout(doc) or has_combined_header(doc):
            return
        run = next((r for r in (exclusion_run(s, doc.text) for s in inc) if r is not None), None)
        if run is None and says_no_exclusion(doc):
            return
        if run is not None:
            yield self._header_missing_before(doc, run)
            return
        if has_negative_criteria(doc):
            return
        s = inc[0]
        if s.header_start is None:
            return
        text = doc.text
        yield self.finding(
            "The criteria have an inclusion section but no exclusion section: add the exclusion "
            'criteria, or state "Exclusion Criteria: none".',
            evidence=Evidence.span("criteria", text, s.header_start, s.header_end),
            suggestion=text.rstrip() + "\n\nExclusion Criteria:\n\n<criteria that exclude a participant, or: none>",
        )

    def _empty_exclusion_section(self, doc):
        """An "Exclusion Criteria:" header with nothing under it, or only a dash ("Exclusion Criteria:" then "-"): the
        section is there in name only. Whether the registrant meant "none" or lost the list, a reader cannot tell."""
        empty = stated_but_empty(doc, "exclusion")
        if not empty or not doc.by_kind("inclusion"):
            return
        s = empty[-1]
        text = doc.text
        body = text[s.header_end : s.end].strip()
        what = f"nothing but {body!r}" if body else "nothing"
        end = s.header_end + len(text[s.header_end : s.end].rstrip())
        yield self.finding(
            f"The exclusion section is empty: its header is followed by {what}, so no exclusion criterion is stated. "
            'Add the exclusion criteria, or state "Exclusion Criteria: none" if there are none.',
            evidence=Evidence.span("criteria", text, s.header_start, max(end, s.header_end)),
            suggestion=text[: s.header_end].rstrip() + "\n\n<criteria that exclude a participant, or: none>",
        )

    def _run_before_merged_header(self, doc):
        """The only exclusion headers are run into the end of a criterion's line ("… agents. Patients with the following
        are excluded:", TA103), and above the first of them the inclusion list already goes on with a run of exclusions
        (``exclusion_run``): the section's own header above that run was lost too."""
        exc = doc.by_kind("exclusion")
        if not exc or not all(s.header_after_text for s in exc) or is_pdq_layout(doc) or has_combined_header(doc):
            return
        first = min(s.start for s in exc)
        for s in doc.by_kind("inclusion"):
            if s.start < first and (run := exclusion_run(s, doc.text)) is not None:
                yield self._header_missing_before(doc, run)
                return

    def _header_missing_before(self, doc, run):
        """The inclusion list goes on with criteria that exclude: the exclusion header above them was lost."""
        text = doc.text
        quoted = text[run.start : min(run.end, run.start + 120)]
        line_start = text.rfind("\n", 0, run.start) + 1
        return self.finding(
            f"The inclusion list goes on with criteria that exclude a participant, from {quoted[:60]!r} on, and "
            'there is no exclusion section: an "Exclusion Criteria:" header seems to be missing above that item. '
            "Add the header there (or move these criteria to the exclusion section).",
            evidence=Evidence.span("criteria", text, run.start, run.start + len(quoted)),
            suggestion=text[:line_start] + "Exclusion Criteria:\n" + text[line_start:],
        )
