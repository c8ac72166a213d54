"""``--fix``, ``--unsafe-fixes`` and ``--diff`` on the command line (the edits: ``engine/fixes.py``).

Which records can be changed in place: those of a local file in a fixable format (page text,
ClinicalTrials.gov v2 or classic JSON, legacy XML). A record inside a zip archive, or one that
is not a local file (fetched), is shown with ``--diff`` only: its member is fixed on a temporary
copy, and a note says that the archive was not changed.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from trial_audit.core.report import Report
from trial_audit.engine.fixes import FIXABLE_FORMATS, FileResult, fix_files, fixable


@dataclass
class FixPlan:
    """The files ``--fix`` may write, the archive members it may only show, and what is left out."""

    files: list[str] = field(default_factory=list)
    members: dict[str, list[str]] = field(default_factory=dict)  # archive -> members
    notes: list[str] = field(default_factory=list)
    findings: int = 0


def plan(report: Report, unsafe: bool) -> FixPlan:
    out = FixPlan()
    files: dict[str, None] = {}
    members: dict[str, dict[str, None]] = defaultdict(dict)
    other: dict[str, int] = defaultdict(int)
    for rec in report.records:
        n = sum(1 for f in rec.findings if fixable(f, unsafe))
        if not n:
            continue
        out.findings += n
        if rec.format not in FIXABLE_FORMATS:
            other[f"{rec.format} records"] += n
        elif rec.source.member is not None:
            members[rec.source.path][rec.source.member] = None
        elif Path(rec.source.path).is_file():
            files[rec.source.path] = None
        else:
            other["records that are not a local file"] += n
    out.files = list(files)
    out.members = {k: list(v) for k, v in members.items()}
    for what, n in other.items():
        out.notes.append(f"note: {n} fixable finding{'s' if n != 1 else ''} in {what} cannot be fixed in place; nothing was changed there")
    return out


def run_fixes(the_plan: FixPlan, options, unsafe: bool, with_members: bool) -> list[FileResult]:
    """Fix the plan's files (and, for ``--diff``, its archive members) on temporary copies."""
    results = fix_files(the_plan.files, options, unsafe) if the_plan.files else []
    if with_members and the_plan.members:
        with tempfile.TemporaryDirectory(prefix="trial-audit-members-") as tmp:
            extracted: dict[str, str] = {}
            for archive, names in the_plan.members.items():
                try:
                    with zipfile.ZipFile(archive) as zf:
                        for k, name in enumerate(names):
                            dest = Path(tmp) / str(len(extracted)) / Path(name).name
                            dest.parent.mkdir(parents=True)
                            dest.write_bytes(zf.read(name))
                            extracted[str(dest)] = f"{archive}!{name}"
                except (OSError, zipfile.BadZipFile, KeyError):
                    continue
            for r in fix_files(list(extracted), options, unsafe):
                r.path = extracted[r.path]
                results.append(r)
    return results


def member_note(the_plan: FixPlan, diff: bool) -> str | None:
    n = sum(len(v) for v in the_plan.members.values())
    if not n:
        return None
    what = f"{n} record file{'s' if n != 1 else ''} inside {len(the_plan.members)} archive{'s' if len(the_plan.members) != 1 else ''}"
    if diff:
        return f"note: {what} shown below as a diff only: an archive is never rewritten; fix the records at their source"
    return f"note: {what} not fixed: an archive is never rewritten; run with --diff to see the fixes, and fix the records at their source"


def write_results(results: list[FileResult]) -> int:
    """Write every changed file (the fixed text, UTF-8); the number of files written."""
    n = 0
    for r in results:
        if r.changed:
            Path(r.path).write_bytes(r.fixed.encode("utf-8"))
            n += 1
    return n
