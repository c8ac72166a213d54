from trial_audit.checks._shared.fixes import first_list_safety, renumber_fix
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import describe_renumbering, item_evidence, list_problems, renumber_run


@register
class NumberingDoesNotStartAtOne(Rule):
    """A numbered (or lettered) list of criteria starts at 2 or later instead of 1 (or a / i).

    ## What it does

    Reports a record when a numbered (or lettered) list of criteria starts at 2 or later instead of 1
    (or a / i).

    Reports: a list (≥ 2 ordinal items) starting at 2+ / b / ii.

    Not reported: a list that carries on the numbering of an earlier list (exclusions numbered on from
    inclusions, a list interrupted by a label); a list whose earlier items are run into the text before
    it (reported by TA121); a lone ordinal ("(72) (serum creatinine)").

    ## Why it matters

    A list that starts at (2) usually means the first criterion was lost, merged into a
    header or pasted out of order; a patient or site reading "(2) Expected survival" cannot tell
    whether an item (1) exists. A list that carries on the numbering of the previous list (the
    exclusion criteria numbered on from the inclusion criteria, Part B from Part A) is not
    reported.

    ## Fix

    Restore the missing item, or renumber the list from 1 (the suggestion names the markers
    that change, a few of them for a long list).

    Fix safety: safe when the list is the first numbered list of its section (`--fix` renumbers its
    markers only); unsafe when numbered items come before it in the section, which it may carry on in
    another style ("1. 2. c. d.": c is the third item). Criteria that refer to an item by number must
    be checked.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA110"
    name = "numbering-does-not-start-at-one"
    category = Category.NUMBERING
    severity = Severity.WARNING
    bad = [
        {
            "criteria": "Inclusion Criteria:\n(2) Expected survival of 3 months or more\n(3) Signed consent\n\n"
            "Exclusion Criteria:\n1. Pregnancy"
        },
        {"criteria": "Inclusion Criteria:\nb. Age 18 or older\nc. Signed consent"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent\n\n"
            "Exclusion Criteria:\n3. Pregnancy\n4. Active infection"
        },
        {"criteria": "Inclusion Criteria:\n1. Creatinine below 1.5 x ULN\n2. 5 mg/kg dose tolerated before"},
    ]

    def check(self, record, ctx):
        for doc, seq, p in list_problems(record, "start"):
            it = p.item
            first = {"alpha": "a", "roman": "i"}.get(seq.family, "1")
            yield self.finding(
                f"This list starts at {it.marker!r}, not at {first}: an item may be missing or "
                "merged into the line before. Restore it, or renumber the list.",
                evidence=item_evidence(doc, it),
                suggestion=_renumber_from_one(seq, it),
                fix=renumber_fix(seq, it, 1, first_list_safety(seq, it)),
            )


def _renumber_from_one(seq, first) -> str:
    run = renumber_run(seq, first, 1)
    n = len(run)
    return (
        f"Restore the missing item(s), or renumber the list from the start: {describe_renumbering(run)} ({n} item{'s' if n > 1 else ''})."
    )
