"""What every reader yields: a TrialRecord, or an Unreadable marker that says why not."""

from __future__ import annotations

from dataclasses import dataclass

from trial_audit.core.model import Source, TrialRecord


@dataclass(slots=True)
class Unreadable:
    """Input that could not become a record. It is reported, never dropped."""

    source: Source
    reason: str
    line: int | None = None
    column: int | None = None
    excerpt: str | None = None  # a short piece of the offending input, where it helps
    record_id: str | None = None  # an NCT ID seen in the input, where one could be recovered


ReadResult = TrialRecord | Unreadable
