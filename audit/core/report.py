"""The Report object: every output format is written from this one structure.

``Report.to_dict()`` is the JSON contract documented in the README and in
``audit/schema/report.schema.json``; other writers read the same objects, so all formats
agree on the counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from trial_audit import __version__
from trial_audit.core.findings import Finding, Severity
from trial_audit.core.model import Source

AUDITED = "audited"
UNREADABLE = "unreadable"


@dataclass(slots=True)
class RecordResult:
    id: str
    source: Source
    format: str
    status: str  # AUDITED | UNREADABLE
    findings: list[Finding] = field(default_factory=list)
    title: str | None = None
    #: full text of each field that a finding quotes, so that reports can show the evidence
    #: in its context (only those fields are kept: memory stays bounded by the findings)
    texts: dict[str, str] = field(default_factory=dict)
    #: for each field in ``texts``, its path in the source (provenance)
    paths: dict[str, str] = field(default_factory=dict)
    #: the record's own reference date ("now" for its staleness rules) and where it came from,
    #: when it has one (a version date, a page's "current as of", a CSV export's inferred date)
    as_of: str | None = None
    as_of_source: str | None = None
    #: 0 for the first record read with this ID; 1, 2 ... for later copies (reported as duplicates)
    copy: int = 0
    #: compact facts of the record for cross-record rules (rule code -> digest), read by the run's
    #: cross-record pass and cleared before the result is stored; never written to a report
    digests: dict[str, Any] = field(default_factory=dict)

    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id,
            "title": self.title,
            "source": self.source.to_dict(),
            "format": self.format,
            "status": self.status,
            "findings": [f.to_dict() for f in self.findings],
            "texts": self.texts,
            "paths": self.paths,
        }
        if self.as_of is not None:
            d["as_of"] = self.as_of
            d["as_of_source"] = self.as_of_source
        return d


@dataclass(slots=True)
class RuleInfo:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    doc: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "summary": self.summary,
            "doc": self.doc,
        }


@dataclass
class Report:
    #: a list, or a ``ResultStore`` (list-like, partly on disk) for a real run
    records: Any = field(default_factory=list)
    rules: list[RuleInfo] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    as_of: str | None = None  # the --as-of / today used where a record has no date of its own
    #: where ``as_of`` came from ("given with --as-of or the configuration", "today")
    as_of_source: str | None = None
    generated: str | None = None
    fail_on: str = "error"
    #: the submission gate's result (see trial_audit.engine.gate), or None when no gate ran
    gate: dict[str, Any] | None = None
    baseline: str | None = None

    # -- counts ------------------------------------------------------------------------
    def all_findings(self, include_suppressed: bool = False) -> list[Finding]:
        return [f for r in self.records for f in r.findings if include_suppressed or not f.suppressed]

    def summary(self) -> dict[str, Any]:
        """The counts of the report, in one pass over the records (which may be on disk)."""
        records = audited = with_findings = suppressed = 0
        by_sev: Counter[str] = Counter()
        by_cat: Counter[str] = Counter()
        by_rule: Counter[str] = Counter()
        for r in self.records:
            records += 1
            if r.status == AUDITED:
                audited += 1
            active = False
            for f in r.findings:
                if f.suppressed:
                    suppressed += 1
                    continue
                active = True
                by_sev[f.severity.value] += 1
                by_cat[f.category.value] += 1
                by_rule[f.rule] += 1
            with_findings += active
        return {
            "records": records,
            "audited": audited,
            "unreadable": records - audited,
            "records_with_findings": with_findings,
            "findings": sum(by_sev.values()),
            "suppressed": suppressed,
            "findings_by_severity": {s.value: by_sev.get(s.value, 0) for s in Severity},
            "findings_by_category": dict(sorted(by_cat.items())),
            "findings_by_rule": dict(sorted(by_rule.items())),
        }

    def failing(self) -> bool:
        """True when an unsuppressed finding is at or above fail_on, or the gate failed."""
        if self.fail_on != "never":
            threshold = Severity.parse(self.fail_on).rank
            for r in self.records:
                if any(f.severity.rank >= threshold and not f.suppressed for f in r.findings):
                    return True
        return bool(self.gate and not self.gate.get("success", True))

    def record_as_of(self) -> list[dict[str, Any]]:
        """The records' own reference dates, grouped: ``{"as_of", "source", "records"}`` each,
        latest first (one pass over the records, which may be on disk)."""
        groups: Counter[tuple[str, str]] = Counter()
        for r in self.records:
            if r.as_of is not None:
                groups[(r.as_of, r.as_of_source or "")] += 1
        return [
            {"as_of": d, "source": src, "records": n}
            for (d, src), n in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]), reverse=True)
        ]

    def as_of_statement(self, limit: int = 5) -> str:
        """The reference dates of the run in a sentence, for the header of a human-readable report."""
        run = f"as of {self.as_of}" + (f" ({self.as_of_source})" if self.as_of_source else "")
        own = self.record_as_of()
        if not own:
            return run
        parts = [f"{g['as_of']} for {g['records']} record{'' if g['records'] == 1 else 's'}, {g['source']}" for g in own[:limit]]
        more = f"; and {len(own) - limit} more dates" if len(own) > limit else ""
        return f"{run} where a record has no date of its own; records with their own date: " + "; ".join(parts) + more

    def head_dict(self) -> dict[str, Any]:
        """``to_dict()`` without the records (for writers that stream the records)."""
        return {
            "tool": {"name": "trial-audit", "version": __version__},
            "generated": self.generated,
            "as_of": self.as_of,
            "as_of_source": self.as_of_source,
            "record_as_of": self.record_as_of(),
            "inputs": self.inputs,
            "fail_on": self.fail_on,
            "baseline": self.baseline,
            "summary": self.summary(),
            "gate": self.gate,
            "rules": [r.to_dict() for r in self.rules],
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.head_dict(), "records": [r.to_dict() for r in self.records]}
