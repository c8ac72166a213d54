from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import doc_of


@register
class EmptyItem(Rule):
    """A list item has a marker but no text ("3." or "-" alone on its line).

    ## What it does

    Reports a record when a list item has a marker but no text ("3." or "-" alone on its line).

    Reports: a marker with no text ("2.", a stray "-").

    Not reported: a marker whose text is on the next line.

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
            yield self.finding(
                f"Item {it.marker!r} is empty: restore its criterion, or delete it and renumber the list.",
                evidence=Evidence.span("criteria", text, it.start, max(it.end, it.marker_end)),
                suggestion="Restore the text of this criterion, or delete the empty item.",
            )
