"""Helpers shared by the report writers (not a writer: the leading underscore keeps it unregistered).

Every format is written from the same :class:`trial_audit.core.report.Report`; the helpers here are the one
place that decides what a finding's level is, which rule family it belongs to, how the
submission gate is summarised, and what a rule's examples are, so the formats cannot drift.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from trial_audit.core.findings import Finding, Severity
from trial_audit.core.report import RecordResult, Report

#: SARIF result levels for our severities
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

#: the pseudo-rule under which the submission gate's failed expectations are reported
GATE_RULE = "GATE"

_CODE = re.compile(r"^([A-Z]{2,4}[0-9])[0-9]{2}$")

# XML 1.0 forbids most C0 controls even as character references; registry text has them.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str | None) -> str:
    """Text that an XML 1.0 document may carry (illegal control characters become U+FFFD)."""
    if not text:
        return ""
    return _XML_BAD.sub("\ufffd", text)


def families() -> dict[str, str]:
    from trial_audit.engine.registry import FAMILIES, load_rules

    load_rules()  # each rule package names its families when it loads
    return dict(FAMILIES)


def family_of(code: str) -> tuple[str, str]:
    """('TA1xx', 'eligibility structure & numbering') for 'TA104'; ('other', 'other') otherwise."""
    m = _CODE.match(code or "")
    if not m:
        return "other", "other"
    key = m.group(1)
    return f"{key}xx", families().get(key, "other")


T = TypeVar("T")


def isolated(rec: RecordResult, writer_name: str, render: Callable[[RecordResult], T]) -> T:
    """``render(rec)``; when that fails on this record, the record rendered as a stand-in that keeps
    its identity and carries one error finding naming the writer and the error, so that one
    record never costs the rest of a report."""
    try:
        return render(rec)
    except Exception as err:  # noqa: BLE001 - any fault on one record's part of a report
        return render(stand_in(rec, writer_name, err))


def stand_in(rec: RecordResult, writer_name: str, err: BaseException) -> RecordResult:
    """A minimal result for a record whose own result a writer could not write."""
    from trial_audit.engine.runner import stage_failed

    failed = stage_failed(f"writing the {writer_name} report (its findings are in the other formats)", err, {})
    return RecordResult(
        str(getattr(rec, "id", "?")), rec.source, str(getattr(rec, "format", "")), str(getattr(rec, "status", "")), [failed]
    )


def iter_findings(report: Report, include_suppressed: bool = True) -> Iterator[tuple[RecordResult, Finding]]:
    for rec in report.records:
        for f in rec.findings:
            if include_suppressed or not f.suppressed:
                yield rec, f


def fingerprint(rec: RecordResult, f: Finding) -> str:
    """The finding's own fingerprint (set by the baseline code) or a stable one of ours."""
    if f.fingerprint:
        return f.fingerprint
    ev = f.evidence.text if f.evidence else ""
    key = "\x1f".join((rec.id, f.rule, f.field or "", ev))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def at_or_above(f: Finding, fail_on: str) -> bool:
    """True when the finding counts as a failure under --fail-on."""
    if fail_on == "never":
        return False
    try:
        return f.severity.rank >= Severity.parse(fail_on).rank
    except ValueError:
        return f.severity.rank >= Severity.ERROR.rank


def gate_expectations(report: Report) -> list[dict[str, Any]]:
    g = report.gate or {}
    out = g.get("expectations") or []
    return [e for e in out if isinstance(e, dict)]


def gate_label(exp: dict[str, Any]) -> str:
    """'expect_column_values_to_not_be_null(nct_id)' — how an expectation is named everywhere
    (a column-pair expectation names both columns, so that the names stay distinct)."""
    name = str(exp.get("expectation") or "expectation")
    kwargs = exp.get("kwargs") if isinstance(exp.get("kwargs"), dict) else {}
    if kwargs.get("column_A") and kwargs.get("column_B"):
        return f"{name}({kwargs['column_A']}, {kwargs['column_B']})"
    col = exp.get("column")
    return f"{name}({col})" if col else name


def rule_examples(code: str, name: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """A rule's documented bad/good examples, read from the registry (empty when unknown, or when
    the registry's rule of that code has another name than the report's)."""
    try:
        from trial_audit.engine.registry import RULES, load_rules

        cls = RULES.get(code) or load_rules().get(code)
    except Exception:  # a broken rule file elsewhere must not stop a report from being written
        return {"bad": [], "good": []}
    if cls is None or (name is not None and getattr(cls, "name", name) != name):
        return {"bad": [], "good": []}
    return {"bad": list(getattr(cls, "bad", []) or []), "good": list(getattr(cls, "good", []) or [])}


def source_display(rec: RecordResult) -> str:
    try:
        return rec.source.display()
    except Exception:  # pragma: no cover - Source always has display()
        return str(getattr(rec.source, "path", ""))
