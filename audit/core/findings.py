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
        if self.suppressed:
            d["suppressed"] = True
        return d
