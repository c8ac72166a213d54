"""What a run is asked to do: the options of ``audit_paths`` and ``audit_items`` (rules, bounds, workers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from trial_audit.core.dates import PartialDate
from trial_audit.core.findings import Severity
from trial_audit.engine.bounds import (
    DEFAULT_MAX_FIELD_SIZE,
    DEFAULT_MAX_FINDINGS_PER_RULE,
    DEFAULT_MAX_QUOTE_CHARS,
    DEFAULT_MAX_TEXT_CHARS,
)


@dataclass
class RunOptions:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    #: (NCT ID glob pattern, selectors) pairs: those rules are not reported for matching records
    per_record_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    as_of: PartialDate | None = None
    fail_on: str = "error"
    batch_size: int = 500
    #: results kept in memory; older ones wait in a temporary file until the reports are written
    results_in_memory: int = 2000
    #: worker processes: 0 = as many as there are cores (when the input is large enough), 1 = none
    jobs: int = 0
    gate: str | None = None  # path of a GX suite file, or "default"
    gx_docs: str | None = None
    baseline: str | None = None
    #: called with the number of records done so far (for a progress bar)
    progress: Callable[[int], None] | None = None
    #: characters of one field the rules analyse; longer fields are cut, with a finding (0 = no bound)
    max_field_size: int = DEFAULT_MAX_FIELD_SIZE
    #: findings of one rule listed per record; the rest are counted in one closing finding (0 = all)
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE
    #: characters of quoted evidence, and of each quoted field's text, kept in the reports
    max_quote_chars: int = DEFAULT_MAX_QUOTE_CHARS
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    #: "local" (this machine: one process, or worker processes with ``jobs``) or "dask" (Dask distributed)
    engine: str = "local"
    #: with engine "dask": the address of an existing scheduler (None = start a local cluster of ``jobs`` workers)
    scheduler: str | None = None
