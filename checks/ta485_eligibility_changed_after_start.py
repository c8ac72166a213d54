import difflib

from trial_audit.checks._shared.history import (
    PREFIX,
    both_sides,
    example,
    norm_text,
    previous_version,
    quoted,
    started_before_change,
    version_name,
)
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

#: structured eligibility fields compared as they are given
_LIMITS = (("minimum_age_raw", "minimum_age", "minimum age"), ("maximum_age_raw", "maximum_age", "maximum age"), ("sex", "sex", "sex"))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, normalised text) of each non-blank line."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if bare.strip():
            out.append((pos, pos + len(bare), norm_text(bare)))
        pos += len(line)
    return out


def _first_change(old: str, new: str) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """The spans (in the old and the new text) of the first changed block of lines, and how many
    lines changed in all; None when only case and spacing differ."""
    a, b = _lines(old), _lines(new)
    matcher = difflib.SequenceMatcher(None, [x[2] for x in a], [x[2] for x in b], autojunk=False)
    blocks = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not blocks:
        return None
    _, i1, i2, j1, j2 = blocks[0]
    changed = sum(max(i2_ - i1_, j2_ - j1_) for _, i1_, i2_, j1_, j2_ in blocks)
    old_span = (a[i1][0], a[i2 - 1][1]) if i2 > i1 else (a[i1][0] if i1 < len(a) else len(old),) * 2
    new_span = (b[j1][0], b[j2 - 1][1]) if j2 > j1 else (b[j1][0] if j1 < len(b) else len(new),) * 2
    return old_span, new_span, changed


@register
class EligibilityChangedAfterStart(Rule):
    """The eligibility criteria, age limits or sex changed after the study had started.

    ## What it does

    Compares the eligibility of two versions of a record (`trial-audit diff`, or each change of a
    record's version history): the criteria text line by line, the minimum and maximum age and
    the sex. Reports a change made after the study had started (the earlier version gave an
    actual start date, or the new one gives an actual start date before the new version's date),
    quoting the first changed lines of both versions and saying how many lines changed.

    Not reported: changes of case, spacing or blank lines only; changes before the start.

    ## Why it matters

    Who may take part defines the population the results apply to. Criteria widened or narrowed
    while recruiting mix two populations in one analysis; a protocol amendment should be behind
    every such change, and readers of the results need to know.

    ## Fix

    If the protocol was amended, say when and why in the record (the detailed description); if
    the change is an entry error, restore the registered criteria.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria, Sex/Gender, Age Limits)
    - WHO Trial Registration Data Set, item 14 (Key Inclusion and Exclusion Criteria)
    """

    code = "TA485"
    name = "eligibility-changed-after-start"
    category = Category.HISTORY
    severity = Severity.WARNING
    compares_versions = True
    bad = [
        example(
            {"criteria": "Inclusion Criteria:\n\n* Age 18 to 65\n* HbA1c 7-10%", "dates": {"start": ["2020-01", "ACTUAL"]}},
            criteria="Inclusion Criteria:\n\n* Age 18 to 75\n* HbA1c 7-10%",
            dates={"start": ["2020-01", "ACTUAL"]},
        ),
        example(
            {"minimum_age": "18 Years", "dates": {"start": ["2020-01", "ACTUAL"]}},
            minimum_age="12 Years",
            dates={"start": ["2020-01", "ACTUAL"]},
        ),
    ]
    good = [
        example(
            {"criteria": "Inclusion Criteria:\n* Age 18 to 65", "dates": {"start": ["2020-01", "ACTUAL"]}},
            criteria="Inclusion Criteria:\n\n*   age 18 to 65\n",
            dates={"start": ["2020-01", "ACTUAL"]},
        ),
        example(
            {"criteria": "Inclusion Criteria:\n* Age 18 to 65", "dates": {"start": ["2026-01", "ESTIMATED"]}},
            criteria="Inclusion Criteria:\n* Age 18 to 75",
            dates={"start": ["2026-01", "ESTIMATED"]},
        ),
    ]

    def check(self, record, ctx):
        old = previous_version(record)
        if old is None:
            return
        start = started_before_change(old, record)
        if start is None:
            return
        when = version_name(record)
        if old.criteria is not None and record.criteria is not None:
            change = _first_change(old.criteria, record.criteria)
            if change is not None:
                (o1, o2), (n1, n2), lines = change
                if o1 == o2:
                    first = f"the first added {quoted(record.criteria[n1:n2])}"
                elif n1 == n2:
                    first = f"the first removed {quoted(old.criteria[o1:o2])}"
                else:
                    first = f"the first changed from {quoted(old.criteria[o1:o2])} to {quoted(record.criteria[n1:n2])}"
                yield self.finding(
                    f"The eligibility criteria changed in {when}, after the study started ({start}): {lines} line"
                    f"{'s' if lines != 1 else ''} changed, {first}. If the protocol was amended, say when and why in the "
                    "record; otherwise restore the registered criteria.",
                    evidence=Evidence.span("criteria", record.criteria, n1, n2),
                    related=[Evidence.span(PREFIX + "criteria", old.criteria, o1, o2)],
                )
        for attr, field, label in _LIMITS:
            a, b = getattr(old, attr), getattr(record, attr)
            if a is None or b is None or norm_text(a) == norm_text(b):
                continue
            evidence, related = both_sides(record, field, record.text(field), old.text(field))
            yield self.finding(
                f"The {label} changed from {quoted(a)} to {quoted(b)} in {when}, after the study started ({start}). If the "
                "protocol was amended, say when and why in the record; otherwise restore it.",
                evidence=evidence,
                related=related,
            )
