from trial_audit.checks._shared.fixes import UNSAFE, renumber_fix
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import format_marker
from trial_audit.text.criteria_lists import introduces_sub_items, item_evidence, list_problems, renumber_edit


@register
class NumberingRestartsWithinList(Rule):
    """The numbering of a list starts again at 1 (or goes back) with no header or label between.

    ## What it does

    Reports a record when the numbering of a list starts again at 1 (or goes back) with no header or
    label between.

    Reports: "1, 2, 3, 1, 2" at one level with nothing between. When the list then goes on from the item
    before the restart ("2. Adequate organ function", "1. Hemoglobin …", "2. Platelets …", "3. …", also
    behind a bullet: "o 1. Hemoglobin …"), the restarted items are that item's sub-items written flush in
    the main list's numbering: the finding says so and suggests lettering or indenting them, not
    renumbering.

    Lettered and roman lists too ("i) ii) iii) i) ii)") where they are a section's main list; not inside an
    item, where lettered sub-lists of different items run together are too often read as one.

    Not reported: a restart after a header, a label ("Part B:", "For patients with …:"), a paragraph, an
    item whose last line is a group label ("… High-risk group (n= 10)").

    ## Why it matters

    "1, 2, 3, 1, 2" at one level reads as one list with two items numbered 1; criteria
    cited by number become ambiguous. A restart after a section header, a cohort or part label
    ("Part B:", "For patients with PBC:") or a paragraph is legitimate and not reported.

    ## Fix

    Renumber the second run on from the first (the suggestion names the markers that change),
    or add the missing label or header that separates the two lists; for sub-items numbered like
    their parent, letter them (a, b, c) or indent them under their item.

    Fix safety: review before applying. The suggestion numbers the list on instead of starting
    again; if the restart begins a new section, add that section's header instead.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA113"
    name = "numbering-restarts-within-list"
    category = Category.NUMBERING
    severity = Severity.WARNING
    bad = [
        {"criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Signed consent\n1. ECOG 0-1\n2. Adequate organ function"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\nPart A:\n1. Age 18 or older\n2. Signed consent\n"
            "Part B:\n1. ECOG 0-1\n2. Adequate organ function"
        },
    ]

    def check(self, record, ctx):
        for doc, seq, p in list_problems(record, "restart"):
            it = p.item
            if seq.family != "num" and seq.group.parent is not None:
                continue  # "a. b. a. b." under an item: lettered sub-lists of different items run together, not told apart
            rel = [item_evidence(doc, p.other)] if p.other else []
            found = _sub_items_like_parent(seq, it, p.other)
            if found is not None:
                # "2. Adequate organ function" / "1. Hemoglobin" / "2. Platelets" / "3. …": the restarted run
                # is item 2's sub-list written flush in the main list's numbering; renumbering would make
                # the sub-items criteria of their own
                run, resumed = found
                letters = ", ".join(repr(format_marker(_LETTERED.get(it.style, "(a)"), k)) for k in range(1, min(len(run), 3) + 1))
                yield self.finding(
                    f"The numbering restarts at {it.marker!r} after item {p.other.marker!r}, then goes on with "
                    f"{resumed.marker!r}: the {len(run)} items between read as sub-items of {p.other.marker!r} numbered "
                    "like the main list. Letter them or indent them under their item.",
                    evidence=item_evidence(doc, it),
                    related=rel,
                    suggestion=f"Mark the {len(run)} sub-items of {p.other.marker!r} as {letters}{', …' if len(run) > 3 else ''} "
                    "or indent them under it.",
                )
                continue
            yield self.finding(
                f"The numbering restarts at {it.marker!r} after {p.other.marker!r} in the same list, "
                "with no header or label between: renumber, or label the second list.",
                evidence=item_evidence(doc, it),
                related=rel,
                suggestion=renumber_edit(seq, it, p.other.number + 1) + " Or label the second list.",
                fix=renumber_fix(seq, it, p.other.number + 1, UNSAFE),
            )


_LETTERED = {"1.": "a.", "1)": "a)", "(1)": "(a)"}


def _sub_items_like_parent(seq, first, before):
    """The run 1, 2, … that starts at ``first`` and the item after it, when that item carries the list on
    from ``before`` (numbered just after it): a flush sub-list numbered like its parent. Else None."""
    items = seq.items
    k = next((i for i, x in enumerate(items) if x is first), None)
    if k is None or before is None or before.number is None:
        return None
    run = [first]
    for nxt in items[k + 1 :]:
        resumes = nxt.number == before.number + 1
        continues = nxt.number == run[-1].number + 1
        # "2." / "1." "2." / "3.": the "3." both resumes the main list and continues the restarted run;
        # only an item that introduces sub-items ("Adequate organ function:") makes the run its sub-list,
        # otherwise it is a plain restart, renumbered on (a run 1-6 restarted after "6." goes on to "7.")
        if resumes and (not continues or introduces_sub_items(before.text)):
            return run, nxt
        if continues:
            run.append(nxt)
            continue
        return None
    return None
