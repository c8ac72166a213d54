"""Bounds that keep a run linear in its input: field sizes, findings per rule, quoted text.

Why: the text analyses (criteria parsing, age and condition patterns) hold several working
copies of a field at once; measured before these bounds, a 10 MB CSV cell took 844 MB and a
50 MB criteria text 2.5 GB (50-80x the field). No registry field is longer than 32,000
characters, so a field of megabytes is a broken export, not a trial: it is cut to
``max_field_size`` characters before the rules see it, and the record gets a finding that says
which field was cut and how long it was. Reports stay small in the same way: a rule that finds
the same problem hundreds of times in one record lists the first ``max_findings_per_rule`` and
counts the rest in one closing finding, and quoted text longer than ``max_quote_chars`` ends
with a visible "… (N more characters)".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from trial_audit.core.findings import Evidence, Finding

#: characters of one field the rules analyse (a few MB; the registry's longest field is 32,000)
DEFAULT_MAX_FIELD_SIZE = 2_000_000
#: findings of one rule listed for one record; the rest are counted in one closing finding
DEFAULT_MAX_FINDINGS_PER_RULE = 50
#: characters of quoted evidence kept in a finding
DEFAULT_MAX_QUOTE_CHARS = 2_000
#: characters of a quoted field's full text kept for the reports (context around the evidence)
DEFAULT_MAX_TEXT_CHARS = 100_000

_ELLIPSIS = "…"


def cap_text(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending with a visible count of what was cut."""
    if limit <= 0 or len(text) <= limit:
        return text
    return f"{text[:limit]}{_ELLIPSIS} ({len(text) - limit:,} more characters)"


# --- oversized fields -------------------------------------------------------------------


def _text_slots(record: Any) -> Iterator[tuple[str, Callable[[], str], Callable[[str], None]]]:
    """(field name, getter, setter) of every string in a record, nested parts and lists included.

    Walks the dataclass fields generically, so a field a reader adds later is bounded too.
    """
    for f in dataclasses.fields(record):
        if f.name.startswith("_") or f.name in ("source", "provenance", "source_offsets"):
            continue
        yield from _slots_of(getattr(record, f.name), f.name, record, f.name)


def _slots_of(value: Any, name: str, owner: Any, key: Any) -> Iterator[tuple[str, Callable[[], str], Callable[[str], None]]]:
    if isinstance(value, str):
        if isinstance(owner, (list, dict)):
            yield name, (lambda: owner[key]), (lambda v: owner.__setitem__(key, v))
        else:
            yield name, (lambda: getattr(owner, key)), (lambda v: setattr(owner, key, v))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _slots_of(item, f"{name}[{i}]", value, i)
    elif isinstance(value, dict):
        for k, item in list(value.items()):
            yield from _slots_of(item, f"{name}.{k}", value, k)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _slots_of(getattr(value, f.name), f"{name}.{f.name}", value, f.name)


@dataclasses.dataclass(frozen=True)
class Truncation:
    """A field cut to the analysis bound: its name, original length and the quoted cut point."""

    field: str
    original_length: int
    kept: int
    evidence: Evidence


def truncate_oversized_fields(record: Any, max_chars: int) -> list[Truncation]:
    """Cut every string of the record longer than ``max_chars`` to that length, in place.

    Returns one Truncation per cut field; the evidence quotes the last characters kept.
    """
    if max_chars <= 0:
        return []
    cuts: list[Truncation] = []
    for name, get, put in list(_text_slots(record)):
        text = get()
        if len(text) <= max_chars:
            continue
        put(text[:max_chars])
        start = max(0, max_chars - 80)
        cuts.append(Truncation(name, len(text), max_chars, Evidence(name, text[start:max_chars], start, max_chars)))
    return cuts


# --- findings per rule ------------------------------------------------------------------


def cap_findings_per_rule(findings: list[Finding], limit: int) -> list[Finding]:
    """At most ``limit`` findings of each rule, in order; the rest of a rule's are counted in one
    closing finding of that rule (same severity, the first left-out finding's evidence)."""
    if limit <= 0:
        return findings
    seen: dict[str, int] = {}
    left_out: dict[str, list[Finding]] = {}
    kept: list[Finding] = []
    for f in findings:
        n = seen.get(f.rule, 0)
        seen[f.rule] = n + 1
        if n < limit:
            kept.append(f)
        else:
            left_out.setdefault(f.rule, []).append(f)
    for rule, rest in left_out.items():
        first = rest[0]
        total = limit + len(rest)
        kept.append(
            dataclasses.replace(
                first,
                message=(
                    f"{len(rest):,} more {rule} findings on this record are not listed (the first {limit} of "
                    f"{total:,} are). The same problem repeats throughout the record: fix it at its source "
                    f"(often one export or conversion step), then audit again to see what remains. "
                    f"(Bound: max-findings-per-rule = {limit}.)"
                ),
                suggestion=None,
                related=[],
            )
        )
    return kept


def cap_quotes(findings: list[Finding], limit: int) -> None:
    """Cut quoted evidence, messages and suggestions longer than ``limit`` characters, in place,
    with a visible count (a suggestion that rewrites a whole field quotes all of it)."""
    if limit <= 0:
        return
    for f in findings:
        for ev in ([f.evidence] if f.evidence else []) + list(f.related):
            if isinstance(ev.text, str) and len(ev.text) > limit:
                ev.text = cap_text(ev.text, limit)
        if isinstance(f.message, str) and len(f.message) > limit:
            f.message = cap_text(f.message, limit)
        if isinstance(f.suggestion, str) and len(f.suggestion) > limit:
            f.suggestion = cap_text(f.suggestion, limit)
