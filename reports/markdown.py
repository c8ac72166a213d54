"""Markdown: a compact summary and findings table for a pull-request comment.

Length-bounded: GitHub refuses comments over 65,536 characters, so the findings table stops at
``MAX_ROWS`` rows (or ``MAX_CHARS`` characters) and says how many more there are. The summary
line and the per-rule table always carry the full counts (suppressed findings in their own
column), and a failed submission gate lists its failed expectations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from trial_audit.core.report import RecordResult, Report
from trial_audit.reports import writer
from trial_audit.reports._common import gate_expectations, gate_label, isolated
from trial_audit.text.hygiene import show_controls

MAX_ROWS = 200
MAX_GATE_ROWS = 20
MAX_CHARS = 60_000
_QUOTE_LEN = 80


def _cell(text: str | None, limit: int = 160) -> str:
    if not text:
        return ""
    t = " ".join(show_controls(text).split())  # a bidi override or control is written as ⟨U+202E⟩
    if len(t) > limit:
        t = t[: limit - 1] + "…"
    # a table cell must not break the table or render as markup
    for ch in ("\\", "|", "`", "*", "_", "<", ">", "[", "]"):
        t = t.replace(ch, "\\" + ch)
    # no HTML entities, and no @mentions / #issue links pinging people from registry text
    return t.replace("&", "&amp;").replace("@", "@\u200b").replace("#", "#\u200b")


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
        f"Reference date: {_cell(report.as_of_statement(), 600)}.",
        "",
    ]
    if report.gate is not None:
        g = report.gate
        lines += [
            f"Submission gate: **{'passed' if g.get('success') else 'FAILED'}** "
            f"({g.get('passed', 0)} of {g.get('evaluated', 0)} expectations met).",
            "",
        ]
        failed = [e for e in gate_expectations(report) if not e.get("success")]
        if failed:
            lines += ["| failed expectation | unexpected | records |", "|---|---:|---|"]
            for e in failed[:MAX_GATE_ROWS]:
                ids = [str(x) for x in e.get("failed_records") or []]
                shown = ", ".join(_cell(x, 40) for x in ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
                lines.append(f"| GATE:{_cell(gate_label(e), 120)} | {int(e.get('unexpected_count') or 0)} | {shown} |")
            if len(failed) > MAX_GATE_ROWS:
                lines.append(f"| …and {len(failed) - MAX_GATE_ROWS} more failed expectations | | |")
            lines.append("")
    suppressed_by_rule: Counter[str] = Counter()
    by_rule_sev: Counter[tuple[str, str]] = Counter()
    for rec in report.records:  # one pass: the records of a large run are read back from disk
        for f in rec.findings:
            if f.suppressed:
                suppressed_by_rule[f.rule] += 1
            else:
                by_rule_sev[(f.rule, f.severity.value)] += 1
    if s["findings_by_rule"] or suppressed_by_rule:
        infos = {r.code: r for r in report.rules}
        lines += ["| rule | name | severity | findings | suppressed |", "|---|---|---|---:|---:|"]
        for code in sorted(set(s["findings_by_rule"]) | set(suppressed_by_rule)):
            info = infos.get(code)
            sevs = "/".join(sev for sev in ("error", "warning", "info") if by_rule_sev.get((code, sev)))
            sevs = sevs or (info.severity if info else "")
            lines.append(
                f"| {code} | {info.name if info else ''} | {sevs} | {s['findings_by_rule'].get(code, 0)} | "
                f"{suppressed_by_rule.get(code, 0)} |"
            )
        lines.append("")
    # only the rows that fit are built: the table is bounded, however many findings there are
    total = s["findings"]
    if total:
        lines += ["| record | rule | severity | field | message | evidence |", "|---|---|---|---|---|---|"]
        shown = 0
        size = sum(len(x) + 1 for x in lines)
        for row in _rows(report):
            if shown >= max_rows or size + len(row) > MAX_CHARS:
                break
            lines.append(row)
            size += len(row) + 1
            shown += 1
        if shown < total:
            lines += ["", f"…and {total - shown} more findings: see the full report."]
    return "\n".join(lines) + "\n"


def _rows(report: Report) -> Iterator[str]:
    for rec in report.records:
        yield from isolated(rec, "markdown", _record_rows)


def _record_rows(rec: RecordResult) -> list[str]:
    rows = []
    # a fetched record names where and when it was fetched (its URL is not a file the reader has)
    who = _cell(rec.id, 40) if rec.source.fetched is None else _cell(f"{rec.id} ({rec.source.display()})", 200)
    for f in rec.active_findings():
        quote = f.evidence.text[:_QUOTE_LEN] if f.evidence and f.evidence.text else ""
        rows.append(f"| {who} | {f.rule} | {f.severity.value} | {_cell(f.field, 40)} | {_cell(f.message)} | {_cell(quote)} |")
    return rows


@writer("md", "report.md", "a compact summary and table for a pull-request comment")
def write_markdown(report: Report, path: Path) -> None:
    path.write_text(render_markdown(report), encoding="utf-8")
