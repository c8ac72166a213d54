"""Findings: what a rule reports, with the evidence a curator needs to act on it."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r}: use error, warning or info") from None


class Category(str, Enum):
    """The fixed vocabulary reports and filters use."""

    INPUT = "input"
    SCHEMA = "schema"
    STRUCTURE = "structure"
    NUMBERING = "numbering"
    AGE = "age"
    SCOPE = "scope"
    TIMELINE = "timeline"
    STATUS = "status"
    PEOPLE = "people"
    COMPLETENESS = "completeness"
    TEXT = "text"
    REGISTRY = "registry"  # one trial's records disagreeing across registries or inputs
    HISTORY = "history"  # what changed between two versions of a record (TA480-TA499, `trial-audit diff`)
    OUTCOME = "outcome"
    RESULTS = "results"


@dataclass(slots=True)
class Evidence:
    """A quoted span of one field's text; ``start``/``end`` are offsets within that field's text.

    For a value that is missing, ``text`` is what the source shows instead ("" or
    "Not reported") and ``start == end == 0``.
    """

    field: str
    text: str
    start: int = 0
    end: int = 0

    @classmethod
    def span(cls, field_name: str, field_text: str, start: int, end: int) -> Evidence:
        return cls(field_name, field_text[start:end], start, end)

    @classmethod
    def whole(cls, field_name: str, field_text: str) -> Evidence:
        return cls(field_name, field_text, 0, len(field_text))

    def to_dict(self, with_field: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if with_field:
            d = {"field": self.field, **d}
        return d


class FixSafety(str, Enum):
    """How far a fix may be applied without a curator reading it (ruff's fix applicability).

    ``safe``: the meaning of the text is kept (renumbering a list, putting run-together items on
    lines of their own, unescaping a leaked ``\\>``), applied by ``--fix``. ``unsafe``: the edit may
    change what the record says (closing a numbering gap that may be a lost criterion), applied
    only with ``--unsafe-fixes``. ``none``: shown, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    NONE = "none"


@dataclass(slots=True, frozen=True)
class Edit:
    """Replace ``[start, end)`` of one field's text (the offsets evidence uses) with ``replacement``;
    ``start == end`` inserts."""

    field: str
    start: int
    end: int
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "replacement": self.replacement}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Edit:
        return cls(str(d["field"]), int(d["start"]), int(d["end"]), str(d["replacement"]))


@dataclass(slots=True)
class Fix:
    """The text edits that fix a finding, with their safety and what they do in a curator's words.

    Edits never overlap and are applied together or not at all."""

    edits: list[Edit]
    safety: FixSafety = FixSafety.SAFE
    message: str = ""

    def __post_init__(self) -> None:
        self.edits = sorted(self.edits, key=lambda e: (e.field, e.start, e.end))
        for a, b in zip(self.edits, self.edits[1:]):
            if a.field == b.field and b.start < a.end:
                raise ValueError(f"overlapping edits in {a.field}: [{a.start}, {a.end}) and [{b.start}, {b.end})")
        self.safety = FixSafety(self.safety)

    def to_dict(self) -> dict[str, Any]:
        return {"safety": self.safety.value, "message": self.message, "edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fix:
        return cls([Edit.from_dict(e) for e in d.get("edits", [])], FixSafety(d.get("safety", "safe")), str(d.get("message", "")))

    def applies(self, unsafe: bool = False) -> bool:
        """True when ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) applies this fix."""
        return bool(self.edits) and (self.safety is FixSafety.SAFE or (unsafe and self.safety is FixSafety.UNSAFE))


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    category: Category
    severity: Severity
    message: str
    field: str | None = None
    evidence: Evidence | None = None
    related: list[Evidence] = _field(default_factory=list)
    suggestion: str | None = None
    #: set by baseline matching: the finding is known and accepted, counted but not failing
    suppressed: bool = False
    fingerprint: str | None = None
    #: the edits that fix the finding, where its suggestion is a text edit (None: no automatic fix)
    fix: Fix | None = None

    @property
    def fix_safety(self) -> str:
        """``safe``, ``unsafe``, or ``none`` for a finding no edit can fix (a missing date)."""
        return self.fix.safety.value if self.fix is not None and self.fix.edits else FixSafety.NONE.value

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "field": self.field,
            "evidence": self.evidence.to_dict(with_field=False) if self.evidence else None,
            "related": [r.to_dict() for r in self.related],
            "suggestion": self.suggestion,
        }
        if self.fingerprint:
            d["fingerprint"] = self.fingerprint
        if self.fix is not None:
            d["fix"] = self.fix.to_dict()
        if self.suppressed:
            d["suppressed"] = True
        return d
