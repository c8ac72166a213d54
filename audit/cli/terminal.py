"""The concise terminal summary (rich), printed after every run."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from trial_audit.core.report import AUDITED, Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def what_was_read(report: Report) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Records per format (readable ones), and each unreadable input with the reason (its TA001 message)."""
    formats: Counter[str] = Counter()
    unreadable: list[tuple[str, str]] = []
    for r in report.records:
        if r.status == AUDITED:
            formats[r.format] += 1
        else:
            reason = r.findings[0].message if r.findings else "not read"
            unreadable.append((r.source.display(), reason))
    return dict(formats.most_common()), unreadable


def print_read(report: Report, console: Console) -> None:
    """The inputs, the records read per format, and every unreadable file with its reason."""
    formats, unreadable = what_was_read(report)
    inputs = ", ".join(report.inputs[:5]) + (f" and {len(report.inputs) - 5} more" if len(report.inputs) > 5 else "")
    per_format = ", ".join(f"{n} {fmt}" for fmt, n in formats.items()) or "no readable record"
    console.print(escape(f"read {inputs}: {per_format}"), highlight=False, soft_wrap=True)
    for where, reason in unreadable:
        console.print(escape(f"unreadable: {where}: {reason}"), style=_STYLE["error"], highlight=False, soft_wrap=True)


def print_summary(report: Report, console: Console, written: list[str], top: int = 12) -> None:
    s = report.summary()
    sev = s["findings_by_severity"]
    print_read(report, console)
    console.print(
        f"[bold]{s['records']}[/] records: {s['audited']} audited, {s['unreadable']} unreadable; "
        f"[bold]{s['findings']}[/] findings "
        f"([{_STYLE['error']}]{sev['error']} error[/], [{_STYLE['warning']}]{sev['warning']} warning[/], "
        f"[{_STYLE['info']}]{sev['info']} info[/])"
        + (f", {s['suppressed']} suppressed by the baseline" if s["suppressed"] else "")
        + f"; {report.as_of_statement()}",
        highlight=False,
    )
    if s["findings_by_rule"]:
        names = {r.code: r for r in report.rules}
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("rule")
        table.add_column("name")
        table.add_column("severity")
        table.add_column("findings", justify="right")
        ranked = sorted(s["findings_by_rule"].items(), key=lambda kv: (-kv[1], kv[0]))
        for code, n in ranked[:top]:
            info = names.get(code)
            sev_name = info.severity if info else ""
            table.add_row(code, info.name if info else "", f"[{_STYLE.get(sev_name, '')}]{sev_name}[/]", str(n))
        if len(ranked) > top:
            table.add_row("…", f"{len(ranked) - top} more rules", "", "")
        console.print(table)
    if report.gate is not None:
        g = report.gate
        state = "[green]passed[/]" if g.get("success") else "[bold red]FAILED[/]"
        console.print(f"submission gate {state}: {g.get('passed', 0)} of {g.get('evaluated', 0)} expectations met")
        if not g.get("success"):
            from trial_audit.reports._common import gate_expectations, gate_label

            for exp in gate_expectations(report):
                if exp.get("success"):
                    continue
                pct = exp.get("unexpected_percent")
                share = f" ({pct:.1f}%)" if isinstance(pct, (int, float)) else ""
                ids = exp.get("failed_records") or []
                some = f": {', '.join(map(str, ids[:5]))}{' …' if len(ids) > 5 else ''}" if ids else ""
                why = f" - {exp['error']}" if exp.get("error") else ""
                line = f"  failed {gate_label(exp)}: {exp.get('unexpected_count', 0)} unexpected value(s){share}{some}{why}"
                console.print(escape(line), highlight=False, soft_wrap=True)
    for w in written:
        console.print(f"wrote {w}", highlight=False)
