"""Evidence and names for the condition-scope findings: the trial's declared conditions as the rules quote them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord
    from trial_audit.text.condition_analysis import Analysis


def condition_evidence(a: Analysis, record: TrialRecord, limit: int = 6) -> list:
    """Evidence of the trial's declared conditions: registered list, else titles / summary lists."""
    from trial_audit.core.findings import Evidence

    out = []
    for src in a.declared:
        if src.field.startswith(("conditions[", "mesh_terms[")):
            out.append(Evidence.whole(src.field, src.text))
    if not out:
        for src in a.lists.get("summary", [])[:1]:
            sp = src.spans
            if sp:
                out.append(Evidence.span(src.field, src.text, sp[0].start, sp[-1].end))
    if not out:
        for src in a.declared:
            if src.field.endswith("title") and src.spans:
                out.append(Evidence.whole(src.field, src.text))
                break
    return out[:limit]


def names(a: Analysis, concepts: Iterable[str]) -> str:
    return ", ".join(sorted({a.vocab.concepts[c].name for c in concepts if c in a.vocab.concepts}))


def declared_names(a: Analysis) -> str:
    spec = a.declared_specific() or a.declared_concepts
    return names(a, spec) or "none recognised"
