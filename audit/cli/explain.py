"""Render a rule's documentation (used by ``trial-audit explain`` and the docs generator).

The docstring's sections are printed in their fixed order; "Example" and "Use instead" get the
rule's ``bad`` and ``good`` examples after any prose the docstring gives there, so that every
rule shows them even when its docstring does not repeat them.
"""

from __future__ import annotations

import json

from trial_audit.engine.registry import DOC_SECTIONS, Rule

#: the documented examples of each kind, and the section they belong to
_EXAMPLE_SECTIONS = {"Example": "bad", "Use instead": "good"}


def _example(example: dict) -> str:
    return json.dumps(example, indent=2, ensure_ascii=False)


def explain_text(cls: type[Rule]) -> str:
    """The rule's documentation as Markdown: header, summary, then the sections with the examples."""
    sections = cls.sections()
    blocks = [
        f"{cls.code} {cls.name}\ncategory: {cls.category.value}; default severity: {cls.severity.value}; family: {cls.family()}",
        cls.summary(),
    ]
    for title in DOC_SECTIONS:
        text = sections.get(title, "")
        examples = getattr(cls, _EXAMPLE_SECTIONS[title]) if title in _EXAMPLE_SECTIONS else []
        if text or examples:
            blocks += [f"## {title}", *([text] if text else []), *(_example(ex) for ex in examples)]
    return "\n\n".join(blocks) + "\n"
