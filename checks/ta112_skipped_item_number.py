from trial_audit.checks._shared.fixes import UNSAFE, renumber_fix
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import format_marker
from trial_audit.text.criteria_lists import item_evidence, list_problems, renumber_edit


@register
class SkippedItemNumber(Rule):
    """A numbered list jumps over a number (1, 2, 4): an item is missing or was deleted.

    ## What it does

    Reports a record when a numbered list jumps over a number (1, 2, 4): an item is missing or was
    deleted.

    Reports: a jump (1, 2, 4).

    Not reported: a jump whose missing numbers are in the text, run into the item before (reported by
    TA121).

    ## Why it matters

    A gap in the numbering makes a reader wonder whether a criterion was lost in editing
    or export, and breaks citation by number.

    ## Fix

    Restore the missing item, or renumber the item and the items after it that carry its
    numbering on (the suggestion names the markers that change).

    Fix safety: unsafe when an item was lost. Renumbering closes the gap and hides a deleted
    criterion; restore the missing item first if there was one.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA112"
    name = "skipped-item-number"
    category = Category.NUMBERING
    severity = Severity.WARNING
    bad = [
        {"criteria": "Exclusion Criteria:\n1. Pregnancy\n2. Active infection\n4. Prior CAR-T therapy"},
    ]
    good = [
        {"criteria": "Exclusion Criteria:\n1. Pregnancy\n2. Active infection\n3. Prior CAR-T therapy"},
        {"criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Consent\n\nExclusion Criteria:\n3. Pregnancy\n4. Active infection"},
    ]

    def check(self, record, ctx):
        for doc, seq, p in list_problems(record, "skip"):
            it = p.item
            missing = ", ".join(format_marker(it.style, n, it.upper) for n in p.missing)
            rel = [item_evidence(doc, p.other)] if p.other else []
            yield self.finding(
                f"The numbering jumps to {it.marker!r}: {missing} is missing. Restore the missing item or renumber the list.",
                evidence=item_evidence(doc, it),
                related=rel,
                suggestion=_restore_or(renumber_edit(seq, it, p.other.number + 1)),
                fix=renumber_fix(seq, it, p.other.number + 1, UNSAFE),
            )


def _restore_or(edit: str) -> str:
    return "Restore the missing item, or " + edit[:1].lower() + edit[1:]
