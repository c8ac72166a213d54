"""The Python API: audit records from a notebook or a script, and read the findings as a DataFrame.

    >>> import trial_audit
    >>> report = trial_audit.audit(["records/"], select=["TA1"], as_of="2026-11-27")  # doctest: +SKIP
    >>> report.to_pandas()                                                             # doctest: +SKIP

Everything documented in docs/api.md is the stable surface (``trial_audit.__all__``); other
modules of the package are internal and may change.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trial_audit.core.findings import Evidence, Finding, Fix
from trial_audit.core.registry_ids import registry_of_id
from trial_audit.core.report import Report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AuditFinding", "AuditReport", "audit", "audit_records"]

PathLike = str | os.PathLike[str]


def registry_of(record_id: str) -> str:
    """The registry an identifier belongs to ("ClinicalTrials.gov" for an NCT ID), or "": the display
    name of the registry whose ID prefix it starts with, from the one table of registries
    (``trial_audit.core.registry_ids``, which the readers and the ID check TA013 also use)."""
    registry = registry_of_id(record_id)
    return registry.display if registry is not None else ""


@dataclass(frozen=True, slots=True)
class AuditFinding:
    """One finding with the record it is about (what ``AuditReport.findings`` lists)."""

    record_id: str
    registry: str
    source: str
    format: str
    rule: str
    name: str
    category: str
    severity: str
    message: str
    field: str | None
    evidence: Evidence | None
    related: tuple[Evidence, ...]
    suggestion: str | None
    fix: Fix | None
    suppressed: bool

    @property
    def fix_safety(self) -> str:
        """``safe``, ``unsafe``, or ``none`` when no edit fixes the finding."""
        return self.fix.safety.value if self.fix is not None and self.fix.edits else "none"


_FINDING_COLUMNS = [
    "record_id",
    "registry",
    "source",
    "format",
    "rule",
    "name",
    "category",
    "severity",
    "field",
    "evidence_text",
    "evidence_start",
    "evidence_end",
    "related",
    "message",
    "suggestion",
    "fix_safety",
    "suppressed",
]
_RECORD_COLUMNS = ["record_id", "registry", "source", "format", "status", "title", "findings", "error", "warning", "info", "suppressed"]


@dataclass
class AuditReport:
    """The result of an audit: typed findings, DataFrames, and the report writers.

    ``report`` is the full internal report every writer reads (counts, rules, gate)."""

    report: Report
    _findings: list[AuditFinding] | None = field(default=None, repr=False)

    @property
    def findings(self) -> list[AuditFinding]:
        """Every finding, suppressed ones included (``suppressed`` says which), in record order."""
        if self._findings is None:
            out = []
            for rec in self.report.records:
                registry = registry_of(rec.id)
                for f in rec.findings:
                    out.append(_audit_finding(rec, registry, f))
            self._findings = out
        return self._findings

    @property
    def summary(self) -> dict[str, Any]:
        """The counts: records, audited, unreadable, findings by severity, category and rule."""
        return self.report.summary()

    def failing(self) -> bool:
        """True when a finding is at or above ``fail_on`` (as the command line's exit status 1)."""
        return self.report.failing()

    def to_pandas(self) -> pd.DataFrame:
        """One row per finding: record ID, registry, source, rule, name, category, severity, field,
        evidence text and offsets, related evidence, message, suggestion, fix safety, suppressed."""
        import pandas as pd

        rows = [
            {
                "record_id": f.record_id,
                "registry": f.registry,
                "source": f.source,
                "format": f.format,
                "rule": f.rule,
                "name": f.name,
                "category": f.category,
                "severity": f.severity,
                "field": f.field,
                "evidence_text": f.evidence.text if f.evidence else None,
                "evidence_start": f.evidence.start if f.evidence else None,
                "evidence_end": f.evidence.end if f.evidence else None,
                "related": [r.to_dict() for r in f.related],
                "message": f.message,
                "suggestion": f.suggestion,
                "fix_safety": f.fix_safety,
                "suppressed": f.suppressed,
            }
            for f in self.findings
        ]
        frame = pd.DataFrame(rows, columns=_FINDING_COLUMNS)
        for col in ("evidence_start", "evidence_end"):
            frame[col] = frame[col].astype("Int64")
        return frame

    def records_frame(self) -> pd.DataFrame:
        """One row per record: ID, registry, source, format, status, title and its counts
        (active findings by severity; suppressed ones apart)."""
        import pandas as pd

        rows = []
        for rec in self.report.records:
            active = [f for f in rec.findings if not f.suppressed]
            by_sev = {s: sum(1 for f in active if f.severity.value == s) for s in ("error", "warning", "info")}
            rows.append(
                {
                    "record_id": rec.id,
                    "registry": registry_of(rec.id),
                    "source": rec.source.display(),
                    "format": rec.format,
                    "status": rec.status,
                    "title": rec.title,
                    "findings": len(active),
                    **by_sev,
                    "suppressed": len(rec.findings) - len(active),
                }
            )
        return pd.DataFrame(rows, columns=_RECORD_COLUMNS)

    def write(self, formats: str | Sequence[str], out: PathLike) -> list[Path]:
        """Write the reports (``"json"``, ``["html", "sarif"]`` ...) into the folder ``out``; their paths."""
        from trial_audit.reports import load_writers

        writers = load_writers()
        names = [formats] if isinstance(formats, str) else list(formats)
        names = [n.strip().lower() for item in names for n in item.split(",") if n.strip()]
        unknown = [n for n in names if n not in writers]
        if unknown:
            raise ValueError(f"unknown report format(s) {', '.join(unknown)}; available: {', '.join(sorted(writers))}")
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in names:
            target = folder / writers[name].filename
            writers[name].write(self.report, target)
            written.append(target)
        return written


def _audit_finding(rec: Any, registry: str, f: Finding) -> AuditFinding:
    return AuditFinding(
        record_id=rec.id,
        registry=registry,
        source=rec.source.display(),
        format=rec.format,
        rule=f.rule,
        name=f.name,
        category=f.category.value,
        severity=f.severity.value,
        message=f.message,
        field=f.field,
        evidence=f.evidence,
        related=tuple(f.related),
        suggestion=f.suggestion,
        fix=f.fix,
        suppressed=f.suppressed,
    )


def _options(
    select: Sequence[str] | None,
    ignore: Sequence[str] | None,
    as_of: str | None,
    fail_on: str,
    baseline: PathLike | None,
    jobs: int,
) -> Any:
    from trial_audit.core.dates import parse_date
    from trial_audit.engine.registry import validate_selectors
    from trial_audit.engine.runner import RunOptions

    sel, ign = list(select or []), list(ignore or [])
    bad = validate_selectors(sel + ign)
    if bad:
        raise ValueError(f"unknown rule selector(s): {', '.join(bad)}")
    date = None
    if as_of is not None:
        date = parse_date(str(as_of))
        if date is None:
            raise ValueError(f"as_of must be a date such as 2025-11-14, not {as_of!r}")
    if fail_on not in ("error", "warning", "info", "never"):
        raise ValueError(f"fail_on must be error, warning, info or never, not {fail_on!r}")
    return RunOptions(select=sel, ignore=ign, as_of=date, fail_on=fail_on, baseline=str(baseline) if baseline else None, jobs=jobs)


def audit(
    paths: PathLike | Iterable[PathLike],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    as_of: str | None = None,
    fail_on: str = "error",
    baseline: PathLike | None = None,
    jobs: int = 1,
) -> AuditReport:
    """Audit files, folders and zip archives (every format the command line reads).

    ``select``/``ignore``: rule codes, prefixes ("TA2") or categories; ``as_of``: the reference date
    ("2026-11-27") for records without one of their own (default: today); ``baseline``: a baseline
    file whose findings come back marked ``suppressed``; ``jobs``: worker processes (1: none)."""
    from trial_audit.engine.runner import audit_paths

    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    missing = [str(p) for p in items if not Path(p).exists()]
    if missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(missing)}")
    options = _options(select, ignore, as_of, fail_on, baseline, jobs)
    return AuditReport(audit_paths([str(p) for p in items], options))


def audit_records(
    records: Iterable[dict[str, Any] | str | bytes],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    as_of: str | None = None,
    fail_on: str = "error",
    baseline: PathLike | None = None,
) -> AuditReport:
    """Audit records already in memory: dicts of ClinicalTrials.gov JSON (v2 or classic), or the
    text (str or bytes) of any format the readers know (legacy XML, page text, JSON, a CSV export).

    Each record's source is shown as ``<memory>#N`` (its position in ``records``)."""
    import json

    from trial_audit.core.model import Source
    from trial_audit.engine.runner import audit_items
    from trial_audit.readers import read_bytes

    def items() -> Iterable[Any]:
        for n, rec in enumerate(records):
            if isinstance(rec, dict):
                data = json.dumps(rec).encode("utf-8")
            elif isinstance(rec, str):
                data = rec.encode("utf-8")
            elif isinstance(rec, bytes):
                data = rec
            else:
                raise TypeError(f"record {n} is a {type(rec).__name__}: pass a dict of JSON, or the text of a record")
            yield from read_bytes(data, Source("<memory>", index=n), name=f"record-{n}")

    options = _options(select, ignore, as_of, fail_on, baseline, 1)
    return AuditReport(audit_items(items(), options, inputs=["<memory>"]))
