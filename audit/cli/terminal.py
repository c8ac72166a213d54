"""The concise terminal summary (rich), printed after every run."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from trial_audit.core.report import Report

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_summary(report: Report, console: Console, written: list[str], top: int = 12) -> None:
    s = report.summary()
    sev = s["findings_by_severity"]
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
    for w in written:
        console.print(f"wrote {w}", highlight=False)
