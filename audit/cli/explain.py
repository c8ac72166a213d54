"""Render a rule's documentation (used by ``trial-audit explain`` and the report writers)."""

from __future__ import annotations

import json

from trial_audit.engine.registry import Rule


def _example(example: dict) -> str:
    return json.dumps(example, indent=2, ensure_ascii=False)


def explain_text(cls: type[Rule]) -> str:
    lines = [
        f"{cls.code} {cls.name}",
        f"category: {cls.category.value}; default severity: {cls.severity.value}; family: {cls.family()}",
        "",
        cls.doc(),
        "",
    ]
    for title, examples in (("Bad (fires)", cls.bad), ("Good (does not fire)", cls.good)):
        for ex in examples:
            lines += [f"{title}:", _example(ex), ""]
    return "\n".join(lines)
