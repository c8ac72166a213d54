"""Findings on screen, one line each, as ruff prints its diagnostics (``--output-format``).

- ``concise``: ``path:line:col: CODE severity message`` (the record ID where the file holds several
  records), records in reading order, so a record's findings stay together; ``[*]`` marks a finding
  ``--fix`` can fix.
- ``grouped``: a heading per record (ID, source, format), its findings indented under it.
- ``full``: ``concise`` plus the quoted evidence, the other side of a contradiction, the suggestion
  and the fix.
- ``github``: GitHub Actions workflow commands (``::warning file=...,line=...::message``), which
  GitHub shows as annotations on the changed files.
- ``json``: one JSON array of findings on stdout (nothing else is printed there).

The line and column are those of the quoted text in the source file when it can be found there
(the same search the SARIF report makes); otherwise the record's own line, or none.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any, TextIO

from trial_audit.core.findings import Finding
from trial_audit.core.report import RecordResult, Report
from trial_audit.reports.sarif import Locator

OUTPUT_FORMATS = ("concise", "grouped", "full", "github", "json")
_SEVERITY_WIDTH = len("warning")
#: characters of quoted evidence shown by ``full``
_QUOTE_CHARS = 200


def parse_output_format(value: str) -> str:
    """The output format named ``value`` (any case); ValueError naming the choices otherwise."""
    name = value.strip().lower()
    if name not in OUTPUT_FORMATS:
        raise ValueError(f"--output-format must be one of {', '.join(OUTPUT_FORMATS)}, not {value!r}")
    return name


def _one_line(text: str, limit: int = 0) -> str:
    flat = " ".join((text or "").split())
    return flat if not limit or len(flat) <= limit else flat[: limit - 1] + "…"


class _Places:
    """``(path, line, column)`` of each finding, located in its source file once per file."""

    def __init__(self) -> None:
        self._locator = Locator()

    def of(self, rec: RecordResult, f: Finding) -> tuple[str, int | None, int | None]:
        path = rec.source.path if rec.source.member is None else f"{rec.source.path}!{rec.source.member}"
        found = self._locator.find(rec, f.evidence)
        if found:
            region = found[0]
            return path, region.get("startLine"), region.get("startColumn")
        return path, rec.source.line, None


def _where(path: str, line: int | None, col: int | None) -> str:
    return path + (f":{line}" if line else "") + (f":{col}" if line and col else "")


def _records(report: Report, show_info: bool = True) -> Iterator[tuple[RecordResult, list[Finding]]]:
    for rec in report.records:
        active = [f for f in rec.active_findings() if show_info or f.severity.value != "info"]
        if active:
            yield rec, active


def hidden_info(report: Report) -> int:
    """The info notes a listing without ``--show-info`` leaves out (they stay in every report)."""
    return sum(1 for rec in report.records for f in rec.active_findings() if f.severity.value == "info")


def _fix_mark(f: Finding, unsafe: bool) -> str:
    fix = getattr(f, "fix", None)
    if fix is None or not fix.edits:
        return ""
    if fix.safety == "safe" or (unsafe and fix.safety == "unsafe"):
        return "[*] "
    return ""


def _several(rec: RecordResult) -> bool:
    return rec.source.index is not None or rec.source.line is not None


def write_concise(report: Report, out: TextIO, unsafe: bool = False, show_info: bool = True) -> None:
    places = _Places()
    for rec, findings in _records(report, show_info):
        rid = f" {rec.id}" if _several(rec) else ""
        for f in findings:
            where = _where(*places.of(rec, f))
            out.write(f"{where}:{rid} {f.rule} {f.severity.value:<{_SEVERITY_WIDTH}} {_fix_mark(f, unsafe)}{_one_line(f.message)}\n")


def write_grouped(report: Report, out: TextIO, unsafe: bool = False, show_info: bool = True) -> None:
    places = _Places()
    first = True
    for rec, findings in _records(report, show_info):
        if not first:
            out.write("\n")
        first = False
        out.write(f"{rec.id}  {rec.source.display()} ({rec.format}): {len(findings)} finding{'s' if len(findings) != 1 else ''}\n")
        for f in findings:
            _, line, col = places.of(rec, f)
            at = f"{line}:{col or 1}" if line else (f.field or "-")
            out.write(f"  {at:>9}  {f.rule}  {f.severity.value:<{_SEVERITY_WIDTH}}  {_fix_mark(f, unsafe)}{_one_line(f.message)}\n")


def write_full(report: Report, out: TextIO, unsafe: bool = False, show_info: bool = True) -> None:
    places = _Places()
    for rec, findings in _records(report, show_info):
        for f in findings:
            where = _where(*places.of(rec, f))
            out.write(f"{where}: {rec.id} {f.rule} [{f.severity.value}] {f.name}\n")
            out.write(f"  {_one_line(f.message)}\n")
            if f.evidence is not None:
                out.write(f'  {f.evidence.field} [{f.evidence.start}:{f.evidence.end}]: "{_one_line(f.evidence.text, _QUOTE_CHARS)}"\n')
            for r in f.related:
                out.write(f'  and {r.field} [{r.start}:{r.end}]: "{_one_line(r.text, _QUOTE_CHARS)}"\n')
            if f.suggestion:
                out.write(f"  suggestion: {_one_line(f.suggestion, 400)}\n")
            fix = getattr(f, "fix", None)
            if fix is not None and fix.edits:
                applied = "applied by --fix" if fix.safety == "safe" else "applied by --fix --unsafe-fixes"
                out.write(f"  fix ({fix.safety.value}, {applied}): {_one_line(fix.message, 400)}\n")
            out.write("\n")


def _gh_escape(text: str, prop: bool = False) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData / escapeProperty)
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def write_github(report: Report, out: TextIO, unsafe: bool = False, show_info: bool = True) -> None:
    places = _Places()
    for rec, findings in _records(report, show_info):
        for f in findings:
            path, line, col = places.of(rec, f)
            props = [f"file={_gh_escape(path, True)}"]
            if line:
                props.append(f"line={line}")
                if col:
                    props.append(f"col={col}")
            props.append(f"title={_gh_escape(f'{f.rule} ({f.name}) {rec.id}', True)}")
            out.write(f"::{_GH_LEVEL[f.severity.value]} {','.join(props)}::{_gh_escape(f'{rec.id}: {f.message}')}\n")


def finding_rows(report: Report) -> Iterator[dict[str, Any]]:
    """One flat dict per unsuppressed finding (the ``json`` output format)."""
    places = _Places()
    for rec, findings in _records(report):
        for f in findings:
            path, line, col = places.of(rec, f)
            yield {
                "record": rec.id,
                "source": rec.source.display(),
                "format": rec.format,
                "location": {"path": path, "line": line, "column": col},
                **f.to_dict(),
            }


def write_json(report: Report, out: TextIO, unsafe: bool = False, show_info: bool = True) -> None:
    json.dump(list(finding_rows(report)), out, ensure_ascii=False, indent=2)
    out.write("\n")


WRITERS = {
    "concise": write_concise,
    "grouped": write_grouped,
    "full": write_full,
    "github": write_github,
    "json": write_json,
}


def write_findings(report: Report, fmt: str, out: TextIO, unsafe: bool = False, show_info: bool = False) -> None:
    """List the findings in ``fmt``. Info notes (e.g. a date the law of the record's time did not
    require) are left out of the screen listings unless ``show_info``: on legacy records they can
    outnumber the errors and warnings many times over. ``json`` is for programs: it has them all."""
    if fmt == "json":
        write_json(report, out, unsafe)
        return
    WRITERS[fmt](report, out, unsafe, show_info)
    hidden = 0 if show_info else hidden_info(report)
    if hidden:
        out.write(f"{hidden} info note{'s' if hidden != 1 else ''} not listed: --show-info lists them (every report has them).\n")


def statistics(report: Report, unsafe: bool = False) -> list[tuple[str, str, int, int]]:
    """``(code, name, findings, fixable)`` per rule, most findings first (``--statistics``); fixable:
    by ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``)."""
    counts: Counter[str] = Counter()
    fixable: Counter[str] = Counter()
    names: dict[str, str] = {}
    for _, findings in _records(report):
        for f in findings:
            counts[f.rule] += 1
            names[f.rule] = f.name
            fix = getattr(f, "fix", None)
            if fix is not None and fix.applies(unsafe):
                fixable[f.rule] += 1
    return [(code, names[code], n, fixable[code]) for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def write_statistics(report: Report, out: TextIO, unsafe: bool = False) -> None:
    rows = statistics(report, unsafe)
    if not rows:
        out.write("no findings\n")
        return
    width = max(len(str(n)) for _, _, n, _ in rows)
    for code, name, n, fixable in rows:
        mark = "[*]" if fixable else "   "
        out.write(f"{n:>{width}}\t{code}\t{mark} {name}\n")
