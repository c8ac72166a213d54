from trial_audit.checks._shared.fixes import UNSAFE, renumber_fix
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import item_evidence, list_problems, renumber_edit


@register
class DuplicateItemNumber(Rule):
    """Two items of one list carry the same number ("(3)" twice).

    ## What it does

    Reports a record when two items of one list carry the same number ("(3)" twice).

    Reports: a number used twice in one list (related evidence: the other item).

    Letters and roman numerals only when an item repeats the one just before it ("b." then "b."): a letter
    seen earlier in the list ("a. b. a.") is not reported (sub-lists of different items are too often run
    together to tell apart).

    ## Why it matters

    Criteria are cited by number (in protocols, screening logs, deviations: "fails
    exclusion 3"); two items numbered 3 make such a citation ambiguous, and usually mean an
    item was pasted twice or the list was edited without renumbering.

    ## Fix

    Renumber the item (the suggestion gives its new number and, when the items after it must
    shift so that no new duplicate appears, those too); the related evidence is the other item
    with the same number.

    Fix safety: review before applying. The suggestion renumbers items; criteria that refer to
    an item by number must be checked.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA111"
    name = "duplicate-item-number"
    category = Category.NUMBERING
    severity = Severity.WARNING
    bad = [
        {"criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent\n2. Negative pregnancy test\n3. ECOG 0-1"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent\n3. ECOG 0-1\n\n"
            "Exclusion Criteria:\n1. Pregnancy\n2. Active infection"
        },
    ]

    def check(self, record, ctx):
        for doc, seq, p in list_problems(record, "duplicate"):
            it, other = p.item, p.other
            if seq.family != "num" and not _repeats_the_item_before(seq, it, other):
                continue  # "a. b. a.": lettered sub-lists of different items run together, not told apart
            yield self.finding(
                f"Item {it.marker!r} repeats a {_WHAT[seq.family]} already used in this list: citations by number become ambiguous. "
                "Renumber the list.",
                evidence=item_evidence(doc, it),
                related=[item_evidence(doc, other)],
                suggestion=renumber_edit(seq, it, _number_before(seq, it) + 1),
                fix=renumber_fix(seq, it, _number_before(seq, it) + 1, UNSAFE),
            )


_WHAT = {"num": "number", "alpha": "letter", "roman": "roman numeral"}


def _repeats_the_item_before(seq, item, other) -> bool:
    """``item`` repeats the letter or numeral of the item just before it ("b." then "b.")."""
    k = next(i for i, x in enumerate(seq.items) if x is item)
    return k > 0 and seq.items[k - 1] is other


def _number_before(seq, item) -> int:
    """The number of the item before ``item`` in its list (``item`` should carry the next one)."""
    k = next(i for i, x in enumerate(seq.items) if x is item)
    prev = seq.items[k - 1].number if k > 0 else None
    return prev if prev is not None else (item.number or 1) - 1
