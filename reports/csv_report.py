"""CSV: one row per finding, for spreadsheets and scripts.

Columns: record_id, source, rule, name, category, severity, field, message, evidence, start, end,
suggestion, suppressed, fingerprint. Suppressed (baselined) findings are rows with
``suppressed=true``. A failed submission-gate expectation is a row per failed record with
rule ``GATE:<expectation>`` and category ``gate``.

Written as UTF-8 with a byte-order mark (Excel needs it to read non-ASCII text correctly) and
with free-text cells that start like a spreadsheet formula prefixed by ``'``, so that opening
the file in a spreadsheet cannot run registry text as a formula (CSV injection): ``= + - @``,
their full-width forms ``＝ ＋ － ＠``, tab and CR, also after leading blanks or line breaks
(spreadsheets trim those before they evaluate). Invisible controls (bidi overrides, C0/C1
controls) in free text are written visibly, as ``⟨U+202E⟩``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from trial_audit.core.findings import Finding
from trial_audit.core.report import RecordResult, Report
from trial_audit.reports import writer
from trial_audit.reports._common import fingerprint, gate_expectations, isolated, source_display
from trial_audit.text.hygiene import show_controls

COLUMNS = [
    "record_id",
    "source",
    "rule",
    "name",
    "category",
    "severity",
    "field",
    "message",
    "evidence",
    "start",
    "end",
    "suggestion",
    "suppressed",
    "fingerprint",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# what a spreadsheet may skip before it reads a formula: blanks, line breaks, no-break and ideographic spaces
_LEADING_BLANKS = " \n\x0b\x0c\u00a0\u3000"


def defuse(text: str | None) -> str:
    """A cell a spreadsheet will show as text, never evaluate; invisible controls made visible."""
    if not text:
        return ""
    text = show_controls(text)
    return "'" + text if text.lstrip(_LEADING_BLANKS).startswith(_FORMULA_START) or text.startswith(("\t", "\r")) else text


def rows(report: Report):
    for rec in report.records:
        yield from isolated(rec, "csv", _record_rows)
    yield from _gate_rows(report)


def _record_rows(rec: RecordResult) -> list[dict[str, Any]]:
    return [_finding_row(rec, f) for f in rec.findings]


def _finding_row(rec: RecordResult, f: Finding) -> dict[str, Any]:
    ev = f.evidence
    return {
        "record_id": defuse(rec.id),
        "source": defuse(source_display(rec)),
        "rule": f.rule,
        "name": f.name,
        "category": f.category.value,
        "severity": f.severity.value,
        "field": defuse(f.field),
        "message": defuse(f.message),
        "evidence": defuse(ev.text if ev else ""),
        "start": ev.start if ev else "",
        "end": ev.end if ev else "",
        "suggestion": defuse(f.suggestion),
        "suppressed": "true" if f.suppressed else "false",
        "fingerprint": fingerprint(rec, f),
    }


def _gate_rows(report: Report):
    # only the records the gate names (a failed expectation lists a bounded sample of them)
    named = {str(r) for exp in gate_expectations(report) if not exp.get("success") for r in exp.get("failed_records") or []}
    sources = {rec.id: source_display(rec) for rec in report.records if rec.id in named} if named else {}
    for exp in gate_expectations(report):
        if exp.get("success"):
            continue
        name = str(exp.get("expectation") or "expectation")
        col = exp.get("column")
        n = exp.get("unexpected_count") or 0
        msg = (
            f"Submission gate: {name}" + (f" on column {col}" if col else "") + f" failed ({n} unexpected value"
            f"{'' if n == 1 else 's'}). Fix the listed records before submitting."
        )
        for rid in exp.get("failed_records") or [""]:
            yield {
                "record_id": defuse(str(rid)),
                "source": defuse(sources.get(str(rid), "")),
                "rule": f"GATE:{name}",
                "name": "submission-gate",
                "category": "gate",
                "severity": "error",
                "field": defuse(str(col) if col else ""),
                "message": defuse(msg),
                "evidence": "",
                "start": "",
                "end": "",
                "suggestion": "",
                "suppressed": "false",
                "fingerprint": "",
            }


@writer("csv", "findings.csv", "one row per finding, for spreadsheets and scripts")
def write_csv(report: Report, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
        w.writeheader()
        for row in rows(report):
            w.writerow(row)
