import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import text_fields

_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = {")": "(", "]": "[", "}": "{"}
# ")" / "]" that close a list marker, not a bracket: "1) ", "1.) ", "a) ", "a.) ", "iv) ", "i). ", "2.1) ", "b] ".
_MARKER = re.compile(r"(?:^|(?<=[\s;:,.(>*•\-]))(?:[0-9]{1,3}(?:\.[0-9]{1,2})?|[a-zA-Z]|[ivxIVX]{1,5})\.?[)\]](?=[\s.:]|$|[A-Za-z])")
# half-open or mixed intervals: "[0, 1)", "(0, 10]", "[1-5)"; emoticons; Markdown-escaped brackets.
_INTERVAL = re.compile(r"[\[(]\s*[-+]?[0-9.]+\s*[,;\-–]\s*[-+]?[0-9.]+\s*[)\]]")
_BRACKET = re.compile(r"[()\[\]{}]")
_NOISE = re.compile(r"[:;]-?[()]|\\[\[\]()]")


def first_unbalanced(text: str) -> tuple[int, str] | None:
    """Offset and kind ("unclosed"/"unopened") of the first unbalanced bracket, or None."""
    masked = text
    for pattern in (_INTERVAL, _NOISE):
        if pattern.search(masked):
            masked = pattern.sub(lambda m: " " * len(m.group(0)), masked)
    markers: set[int] | None = None  # closers of list markers, found only when needed
    stack: list[tuple[str, int]] = []
    for m in _BRACKET.finditer(masked):
        i, ch = m.start(), m.group(0)
        if ch in _OPEN:
            stack.append((ch, i))
        elif ch in _CLOSE:
            if stack and stack[-1][0] == _CLOSE[ch]:
                stack.pop()
            elif i in (markers := markers if markers is not None else {m.end() - 1 for m in _MARKER.finditer(masked)}):
                continue  # "1) ..." closes a list marker, not a bracket
            elif any(o == _CLOSE[ch] for o, _ in stack):
                return stack[-1][1], "unclosed"  # crossed brackets "( [ )"
            else:
                return i, "unopened"
    if stack:
        return stack[0][1], "unclosed"
    return None


@register
class UnbalancedBrackets(Rule):
    """A text has an opening bracket that is never closed, or a closing one never opened.

    ## What it does

    Reports a record when a text has an opening bracket that is never closed, or a closing one never
    opened.

    Reports: first unclosed/unopened `()[]{}` in a text; list markers (`1)`, `a)`, `iv)`, `i).`),
    half-open intervals (`[0, 1)`), emoticons and Markdown-escaped brackets excluded.

    ## Why it matters

    An unbalanced parenthesis usually marks text cut off or pasted badly ("(defined as
    HbA1c > 7%" and the rest is lost), which can change the meaning of a criterion or title.
    List markers ("1)", "a)", "iv)"), half-open intervals ("[0, 1)") and emoticons are not
    counted as brackets.

    ## Fix

    Restore the missing text or bracket.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA705"
    name = "unbalanced-brackets"
    category = Category.TEXT
    severity = Severity.INFO
    bad = [
        {"brief_title": "Safety of Drug X in Adults (Phase 2 Study"},
        {"criteria": "Inclusion: HbA1c > 7% (measured within 3 months.\nAge 18-65"},
        {"conditions": ["Lupus Nephritis)"]},
    ]
    good = [
        {"criteria": "1) Age 18-65\n2) HbA1c in [7, 10) percent\na) signed consent (written)"},
        {"brief_title": "Safety of Drug X (Phase 2) in Adults [EXTEND]"},
        {"criteria": "Inclusion Criteria:\n\n* Age \\[18-65\\] years", "criteria_markdown": True},
    ]

    def check(self, record, ctx):
        csv_export = record.source.format == "ctgov-csv"
        balanced_lists: dict[str, bool] = {}
        for name, text, _markdown in text_fields(record):
            if not _BRACKET.search(text):
                continue
            if csv_export:
                # A CSV export joins list items with "|" and a site's parts with ",", both of which
                # also occur inside names ("Approach B (ACR | EU Test kit)"): the split pieces of one
                # bracketed name are not a defect. Sites are not checked; list items only when the
                # whole list is unbalanced.
                base = name.split("[", 1)[0]
                if base == "locations":
                    continue
                if "[" in name:
                    if base not in balanced_lists:
                        balanced_lists[base] = first_unbalanced(" | ".join(_list_texts(record, base))) is None
                    if balanced_lists[base]:
                        continue
            hit = first_unbalanced(text)
            if hit is None:
                continue
            pos, kind = hit
            what = "is never closed" if kind == "unclosed" else "has no opening bracket"
            yield self.finding(
                f"The bracket {text[pos]!r} {what}: text may be cut off or pasted badly.",
                evidence=Evidence.span(name, text, pos, min(len(text), pos + 40)),
                suggestion="Restore the missing bracket or the missing text.",
            )


def _list_texts(record, base: str) -> list[str]:
    if base == "interventions":
        return [iv.name or "" for iv in record.interventions]
    return [v for v in getattr(record, base, None) or () if isinstance(v, str)]
