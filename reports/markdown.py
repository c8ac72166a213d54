"""Markdown: a compact summary and findings table for a pull-request comment.

Length-bounded: GitHub refuses comments over 65,536 characters, so the table stops at
``MAX_ROWS`` findings and says how many more there are.
"""

from __future__ import annotations

from pathlib import Path

from audit.report import Report
from reports import writer

MAX_ROWS = 200
MAX_CHARS = 60_000
_QUOTE_LEN = 80


def _cell(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    t = " ".join(text.split())
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    # a table cell must not break the table or render as markup
    for ch in ("\\", "|", "`", "*", "_", "<", ">", "[", "]"):
        t = t.replace(ch, "\\" + ch)
    return t


def render_markdown(report: Report, max_rows: int = MAX_ROWS) -> str:
    s = report.summary()
    sev = s["findings_by_severity"]
    lines = [
        "## trial-audit report",
        "",
        f"**{s['records']}** records: {s['audited']} audited, {s['unreadable']} unreadable. "
        f"**{s['findings']}** findings: {sev['error']} error, {sev['warning']} warning, {sev['info']} info"
        + (f" ({s['suppressed']} suppressed by the baseline)." if s["suppressed"] else "."),
        "",
    ]
    if report.gate is not None:
        g = report.gate
        lines += [f"Submission gate: **{'passed' if g.get('success') else 'FAILED'}** "
                  f"({g.get('passed', 0)} of {g.get('evaluated', 0)} expectations met).", ""]
    if s["findings_by_rule"]:
        names = {r.code: r.name for r in report.rules}
        lines += ["| rule | name | findings |", "|---|---|---:|"]
        lines += [f"| {code} | {names.get(code, '')} | {n} |" for code, n in s["findings_by_rule"].items()]
        lines.append("")
    rows = []
    for rec in report.records:
        for f in rec.active_findings():
            quote = f.evidence.text[:_QUOTE_LEN] if f.evidence and f.evidence.text else ""
            rows.append(
                f"| {_cell(rec.id, 40)} | {f.rule} | {f.severity.value} | {_cell(f.field, 40)} | "
                f"{_cell(f.message)} | {_cell(quote)} |"
            )
    if rows:
        lines += ["| record | rule | severity | field | message | evidence |", "|---|---|---|---|---|---|"]
        shown = 0
        size = sum(len(x) + 1 for x in lines)
        for row in rows[:max_rows]:
            if size + len(row) > MAX_CHARS:
                break
            lines.append(row)
            size += len(row) + 1
            shown += 1
        if shown < len(rows):
            lines += ["", f"…and {len(rows) - shown} more findings: see the full report."]
    return "\n".join(lines) + "\n"


@writer("md", "report.md", "a compact summary and table for a pull-request comment")
def write_markdown(report: Report, path: Path) -> None:
    path.write_text(render_markdown(report), encoding="utf-8")
