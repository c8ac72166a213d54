import difflib
import re

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


#: the words and comparison signs of a text: what a reader compares. List markers, Markdown escapes,
#: punctuation, case, spacing and line wrapping are not compared, so the same criteria from a legacy
#: XML export (hard-wrapped, "-" bullets) and from the API (Markdown, "*" bullets, "\\>") are equal
_TOKEN = re.compile(r"[^\W_]+|[<>≤≥=]+")
_SIGNS = {">=": "≥", "=>": "≥", "<=": "≤", "=<": "≤"}
#: words of the changed middle of two criteria texts compared passage by passage
MAX_DIFF_TOKENS = 5000


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each word or comparison sign; an item number that starts a line ("2." or
    "2)") is a list marker, not a word."""
    out = []
    for m in _TOKEN.finditer(text):
        if m.group(0).isdigit() and len(m.group(0)) <= 3 and text[m.end() : m.end() + 1] in (".", ")"):
            if not text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
                continue
        out.append((m.start(), m.end(), _SIGNS.get(m.group(0), m.group(0).casefold())))
    return out


def _line_around(text: str, start: int, end: int, limit: int = 300) -> tuple[int, int]:
    """The span from the start of the line holding ``start`` to the end of the line holding ``end``
    (at most ``limit`` characters past ``start``), so that a change is quoted in its line."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return lo, min(hi, max(end, lo + limit))


def _first_change(old: str, new: str) -> tuple[tuple[int, int], tuple[int, int], int] | None:
    """The spans (in the old and the new text, whole lines) of the first changed passage, and how
    many passages changed; None when the words and signs are the same."""
    a, b = _tokens(old), _tokens(new)
    ka, kb = [x[2] for x in a], [x[2] for x in b]
    if ka == kb:
        return None
    # the common head and tail are cut off first (linear); the matcher, quadratic at worst, sees only
    # the middle, and only up to MAX_DIFF_TOKENS of it (past that: one passage, from the first difference)
    head = 0
    while head < min(len(ka), len(kb)) and ka[head] == kb[head]:
        head += 1
    tail = 0
    while tail < min(len(ka), len(kb)) - head and ka[-1 - tail] == kb[-1 - tail]:
        tail += 1
    mid_a, mid_b = ka[head : len(ka) - tail], kb[head : len(kb) - tail]
    if max(len(mid_a), len(mid_b)) > MAX_DIFF_TOKENS:
        blocks = [("replace", head, len(ka) - tail, head, len(kb) - tail)]
    else:
        matcher = difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False)
        blocks = [(op, i1 + head, i2 + head, j1 + head, j2 + head) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
    _, i1, i2, j1, j2 = blocks[0]
    old_at = (a[i1][0], a[i2 - 1][1]) if i2 > i1 else ((a[i1][0],) * 2 if i1 < len(a) else (len(old),) * 2)
    new_at = (b[j1][0], b[j2 - 1][1]) if j2 > j1 else ((b[j1][0],) * 2 if j1 < len(b) else (len(new),) * 2)
    return _line_around(old, *old_at), _line_around(new, *new_at), len(blocks)


@register
class EligibilityChangedAfterStart(Rule):
    """The eligibility criteria, age limits or sex changed after the study had started.

    ## What it does

    Compares the eligibility of two versions of a record (`trial-audit diff`, or each change of a
    record's version history): the words and comparison signs of the criteria, the minimum and
    maximum age and the sex. Reports a change made after the study had started (the earlier
    version gave an actual start date, or the new one gives an actual start date before the new
    version's date), quoting the lines of the first changed passage in both versions and saying
    how many passages changed.

    Not reported: changes of case, spacing, line wrapping, list markers, punctuation or Markdown
    escapes only (the same criteria exported as legacy XML and as API v2 Markdown are the same;
    ">=" and "≥" are the same sign); changes before the start.

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
                (o1, o2), (n1, n2), passages = change
                yield self.finding(
                    f"The eligibility criteria changed in {when}, after the study started ({start}): {passages} passage"
                    f"{'s' if passages != 1 else ''} changed, the first from {quoted(old.criteria[o1:o2])} to "
                    f"{quoted(record.criteria[n1:n2])}. If the protocol was amended, say when and why in the record; "
                    "otherwise restore the registered criteria.",
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
