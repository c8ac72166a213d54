"""SARIF 2.1.0: for GitHub code scanning and other SARIF viewers.

* ``tool.driver.rules``: every rule in the report, from its documentation (summary as the short
  description, the docstring as the full description and help, the examples in the Markdown
  help), with its default level (error / warning / note).
* ``results``: one per finding, with the record's source file as the location (relative to the
  working directory with ``uriBaseId: %SRCROOT%`` where possible) and, where the quoted evidence
  can be found in that file, its line and column (``columnKind: unicodeCodePoints``). For JSON,
  XML and CSV sources the field's text is stored escaped, so the escaped form is searched too.
  When the evidence cannot be located the region is the record's first line (or line 1) and the
  result says so in ``properties.located``.
* Suppressed (baselined) findings carry ``suppressions: [{kind: external, justification:
  baseline}]`` — viewers count them but do not alert.
* ``partialFingerprints``: the finding's fingerprint, so that code scanning tracks an alert
  across runs.
* The submission gate: a pseudo-rule ``GATE`` with one result per failed expectation.
"""

from __future__ import annotations

import bisect
import html
import json
import os
import re
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import orjson

from trial_audit import __version__
from trial_audit.core.findings import Evidence, Finding
from trial_audit.core.report import RecordResult, Report
from trial_audit.reports import writer
from trial_audit.reports._common import (
    GATE_RULE,
    SARIF_LEVEL,
    fingerprint,
    gate_expectations,
    gate_label,
    isolated,
    iter_findings,
    rule_examples,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_MAX_FILE = 64 * 1024 * 1024  # do not read bigger sources to locate evidence
_MIN_QUOTE = 4  # shorter evidence alone is too ambiguous to locate
GITHUB_MAX_RESULTS = 25_000
_ENUM = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")


# --- locating evidence in a source file ------------------------------------------------------


#: per-character escapers under which a field's text may be stored in its source file:
#: verbatim (page text), JSON string (both ways of writing non-ASCII), XML text, CSV quoted cell
_ESCAPERS = (
    lambda s: s,
    lambda s: json.dumps(s, ensure_ascii=False)[1:-1],
    lambda s: json.dumps(s, ensure_ascii=True)[1:-1],
    lambda s: html.escape(s, quote=False),
    lambda s: s.replace('"', '""'),
)
_WINDOW = 4 * 1024 * 1024  # how far past a record's first line its text may be
_UNANCHORED_MAX = 8 * 1024 * 1024  # multi-record files without line numbers: search whole file only if smaller


class SourceIndex:
    """A source file's text, read once, with line starts for offset -> (line, column)."""

    def __init__(self, text: str):
        self.text = text
        self._lower: str | None = None
        self.line_starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self.line_starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def lower(self) -> str:
        """The text lower-cased, where that keeps every offset (else the text itself)."""
        if self._lower is None:
            low = self.text.lower()
            self._lower = low if len(low) == len(self.text) else self.text
        return self._lower

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def offset_of_line(self, line: int | None) -> int:
        if not line or line < 1:
            return 0
        return self.line_starts[min(line, len(self.line_starts)) - 1]


class Locator:
    def __init__(self) -> None:
        self._files: dict[str, SourceIndex | None] = {}
        self._memo: dict[tuple[str, int, str], int | None] = {}

    def index(self, path: str) -> SourceIndex | None:
        if path not in self._files:
            idx = None
            try:
                p = Path(path)
                if p.is_file() and p.stat().st_size <= _MAX_FILE and not zipfile.is_zipfile(p):
                    idx = SourceIndex(p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n"))
            except OSError:
                idx = None
            self._files[path] = idx
        return self._files[path]

    def find(self, rec: RecordResult, ev: Evidence | None) -> tuple[dict[str, Any], str] | None:
        """The SARIF region of the evidence in the record's source file, and how it was found."""
        if ev is None or rec.source.member is not None:
            return None
        idx = self.index(rec.source.path)
        if idx is None:
            return None
        lo = idx.offset_of_line(rec.source.line)
        multi = rec.source.index is not None and rec.source.line is None
        if multi and len(idx.text) > _UNANCHORED_MAX:
            return None
        hi = lo + _WINDOW if rec.source.line else len(idx.text)
        search = lambda needle: self._search(rec.source.path, idx.text, needle, lo, hi, multi)  # noqa: E731
        field_text = rec.texts.get(ev.field)
        # 1. the whole field's text, then the evidence's offset inside it (exact position)
        if field_text and len(field_text) >= _MIN_QUOTE and 0 <= ev.start <= ev.end <= len(field_text):
            for esc in _ESCAPERS:
                needle = esc(field_text)
                pos = search(needle)
                if pos is not None:
                    start = pos + len(esc(field_text[: ev.start]))
                    end = pos + len(esc(field_text[: ev.end]))
                    return self._region(idx, start, end), "evidence"
        # 2. the quoted evidence alone (when it is long enough to be unambiguous)
        quote_text = ev.text or ""
        if len(quote_text.strip()) >= _MIN_QUOTE:
            for esc in _ESCAPERS:
                needle = esc(quote_text)
                pos = search(needle)
                if pos is not None:
                    return self._region(idx, pos, pos + len(needle)), "evidence"
            # 3. a registry enum the reader normalised ("NOT_YET_RECRUITING" shown as "Not yet recruiting")
            if _ENUM.match(quote_text):
                needle = quote_text.replace("_", " ").lower()
                pos = self._search(rec.source.path + "\0lower", idx.lower(), needle, lo, hi, multi)
                if pos is not None:
                    return self._region(idx, pos, pos + len(needle)), "evidence"
        return None

    def _search(self, path: str, text: str, needle: str, lo: int, hi: int, must_be_unique: bool) -> int | None:
        if not needle:
            return None
        key = (path, lo, needle)
        if key in self._memo:
            return self._memo[key]
        pos: int | None = text.find(needle, lo, hi + len(needle))
        if pos == -1:
            pos = None
        elif must_be_unique and text.find(needle, pos + 1) != -1:
            pos = None  # which record's copy? do not guess
        self._memo[key] = pos
        return pos

    @staticmethod
    def _region(idx: SourceIndex, start: int, end: int) -> dict[str, Any]:
        sl, sc = idx.line_col(start)
        el, ec = idx.line_col(max(start, end))
        region: dict[str, Any] = {"startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec}
        snippet = idx.text[start:end]
        if snippet:
            region["snippet"] = {"text": snippet[:2000]}
        return region


# --- building the log ------------------------------------------------------------------------


#: a source that is already a URL (a record fetched from the registry, read from a database)
_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _uri(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative to the working directory where possible; a URL as it is."""
    if _URL.match(path):
        return quote(path, safe=":/?&=#@%+,;~"), None
    p = Path(path).resolve()
    try:
        rel = p.relative_to(Path.cwd().resolve())
    except ValueError:
        return p.as_uri(), None
    return quote(PurePosixPath(rel.as_posix()).as_posix()), SRCROOT


def _artifact_location(path: str) -> dict[str, Any]:
    uri, base = _uri(path)
    loc: dict[str, Any] = {"uri": uri}
    if base:
        loc["uriBaseId"] = base
    return loc


def _rule_descriptor(info) -> dict[str, Any]:
    doc = info.doc or info.summary or info.code
    ex = rule_examples(info.code, info.name)
    md = doc
    for title, items in (("Bad (fires)", ex["bad"]), ("Good (does not fire)", ex["good"])):
        for item in items[:2]:
            md += f"\n\n**{title}:**\n\n```json\n{json.dumps(item, indent=2, ensure_ascii=False, default=str)}\n```"
    return {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.code},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": md},
        "defaultConfiguration": {"level": SARIF_LEVEL.get(info.severity, "warning")},
        "properties": {"tags": ["trial-audit", info.category], "category": info.category},
    }


_GATE_DESCRIPTOR = {
    "id": GATE_RULE,
    "name": "submission-gate",
    "shortDescription": {"text": "A Great Expectations submission-gate expectation failed."},
    "fullDescription": {
        "text": "The submission gate checks the batch of records against a Great Expectations suite "
        "before submission; each failed expectation is reported here with the records that failed it."
    },
    "help": {"text": "Fix the listed records so that the expectation holds, then re-run the gate."},
    "defaultConfiguration": {"level": "error"},
    "properties": {"tags": ["trial-audit", "gate"], "category": "gate"},
}


def _message(rec: RecordResult, f: Finding) -> str:
    text = f"{rec.id}: {f.message}"
    if f.evidence and f.evidence.text:
        q = " ".join(f.evidence.text.split())
        text += f' Evidence ({f.evidence.field}): "{q[:200]}{"…" if len(q) > 200 else ""}"'
    if f.suggestion:
        text += f" Suggested fix: {f.suggestion}"
    return text


def _sarif_fix(locator: Locator, rec: RecordResult, f: Finding, art: Any) -> dict[str, Any] | None:
    """The finding's fix as a SARIF ``fix`` (GitHub shows it as a suggested change), when every
    edit is placed exactly in the file: its field's whole text is found as written there (page
    text, JSON). Otherwise the fix stays in the result's properties only: a guessed region would
    replace the wrong text."""
    assert f.fix is not None
    if rec.source.member is not None:
        return None
    idx = locator.index(rec.source.path)
    if idx is None:
        return None
    replacements = []
    for e in f.fix.edits:
        text = rec.texts.get(e.field)
        if not text or not 0 <= e.start <= e.end <= len(text):
            return None
        placed = None
        for esc in _ESCAPERS[:3]:  # verbatim, JSON (two ways of writing non-ASCII)
            needle = esc(text)
            pos = idx.text.find(needle)
            if pos >= 0 and idx.text.find(needle, pos + 1) < 0:
                placed = (pos + len(esc(text[: e.start])), pos + len(esc(text[: e.end])), esc(e.replacement))
                break
        if placed is None:
            return None
        start, end, inserted = placed
        region = Locator._region(idx, start, end)
        region.pop("snippet", None)
        replacements.append({"deletedRegion": region, "insertedContent": {"text": inserted}})
    return {
        "description": {"text": f"{f.fix.message} ({f.fix.safety.value} fix)"},
        "artifactChanges": [{"artifactLocation": art(rec.source.path), "replacements": replacements}],
    }


def _fallback_region(rec: RecordResult) -> dict[str, Any]:
    return {"startLine": rec.source.line or 1}


def build_sarif(report: Report) -> dict[str, Any]:
    locator = Locator()
    rule_ids = [r.code for r in report.rules]
    descriptors = [_rule_descriptor(r) for r in report.rules]
    known = set(rule_ids)
    # rules that produced findings but are not in report.rules (should not happen) still get a descriptor
    for _, f in iter_findings(report):
        if f.rule not in known:
            known.add(f.rule)
            rule_ids.append(f.rule)
            descriptors.append(
                {
                    "id": f.rule,
                    "name": f.name,
                    "shortDescription": {"text": f.name},
                    "defaultConfiguration": {"level": SARIF_LEVEL[f.severity.value]},
                }
            )
    gate_failed = [e for e in gate_expectations(report) if not e.get("success")]
    if report.gate is not None:
        rule_ids.append(GATE_RULE)
        descriptors.append(_GATE_DESCRIPTOR)
    rule_index = {code: i for i, code in enumerate(rule_ids)}

    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}

    def art(path: str) -> dict[str, Any]:
        loc = _artifact_location(path)
        if path not in artifact_index:
            artifact_index[path] = len(artifacts)
            artifacts.append({"location": dict(loc)})
        loc["index"] = artifact_index[path]
        return loc

    def record_results(rec: RecordResult) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for f in rec.findings:
            found = locator.find(rec, f.evidence)
            region, located = found if found else (_fallback_region(rec), "record")
            location: dict[str, Any] = {
                "physicalLocation": {"artifactLocation": art(rec.source.path), "region": region},
                "logicalLocations": [{"name": rec.id, "kind": "object"}],
            }
            if rec.source.member is not None:
                location["properties"] = {"archiveMember": rec.source.member}
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": SARIF_LEVEL[f.severity.value],
                "kind": "fail",
                "message": {"text": _message(rec, f)},
                "locations": [location],
                "partialFingerprints": {"trialAuditFinding/v1": fingerprint(rec, f)},
                "properties": {
                    "recordId": rec.id,
                    "source": rec.source.display(),
                    "category": f.category.value,
                    "severity": f.severity.value,
                    "field": f.field,
                    "located": located,
                },
            }
            if f.evidence is not None:
                result["properties"]["evidence"] = f.evidence.to_dict()
            if f.suggestion:
                result["properties"]["suggestion"] = f.suggestion
            if f.fix is not None and f.fix.edits:
                result["properties"]["fix"] = f.fix.to_dict()
                sarif_fix = _sarif_fix(locator, rec, f, art)
                if sarif_fix is not None:
                    result["fixes"] = [sarif_fix]
            related = []
            for i, r in enumerate(f.related, start=1):
                rfound = locator.find(rec, r)
                rl: dict[str, Any] = {
                    "id": i,
                    "message": {"text": f'{r.field}: "{" ".join((r.text or "").split())[:200]}"'},
                    "physicalLocation": {
                        "artifactLocation": art(rec.source.path),
                        "region": rfound[0] if rfound else _fallback_region(rec),
                    },
                }
                related.append(rl)
            if related:
                result["relatedLocations"] = related
            if f.suppressed:
                result["suppressions"] = [{"kind": "external", "justification": "baseline"}]
            out.append(result)
        return out

    results: list[dict[str, Any]] = []
    for rec in report.records:  # one record's fault costs only its own results (a stand-in names it)
        results.extend(isolated(rec, "sarif", record_results))

    for exp in gate_failed:
        failed = [str(x) for x in exp.get("failed_records") or []]
        n = exp.get("unexpected_count") or 0
        text = f"Submission gate: {gate_label(exp)} failed ({n} unexpected)."
        if failed:
            text += " Records: " + ", ".join(failed[:50]) + (f" and {len(failed) - 50} more." if len(failed) > 50 else ".")
        loc_path = _gate_location(report, failed)
        gate_result: dict[str, Any] = {
            "ruleId": GATE_RULE,
            "ruleIndex": rule_index[GATE_RULE],
            "level": "error",
            "kind": "fail",
            "message": {"text": text},
            "partialFingerprints": {"trialAuditFinding/v1": f"gate:{gate_label(exp)}"},
            "properties": {
                "expectation": exp.get("expectation"),
                "column": exp.get("column"),
                "unexpectedCount": n,
                "failedRecords": failed,
                "kwargs": exp.get("kwargs") or {},
            },
        }
        if loc_path:
            gate_result["locations"] = [{"physicalLocation": {"artifactLocation": art(loc_path), "region": {"startLine": 1}}}]
        results.append(gate_result)

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "trial-audit",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        # no automationDetails: the uploader's `category` sets it (a preset id would override it)
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "artifacts": artifacts,
        "results": results,
        "invocations": [
            {
                "executionSuccessful": True,
                "properties": {
                    "asOf": report.as_of,
                    "asOfSource": report.as_of_source,
                    "recordAsOf": report.record_as_of(),
                    "failOn": report.fail_on,
                    "inputs": report.inputs,
                    "summary": report.summary(),
                    "gate": _gate_summary(report),
                },
            }
        ],
    }
    if report.generated:
        run["invocations"][0]["endTimeUtc"] = _utc(report.generated)
    if len(results) > GITHUB_MAX_RESULTS:
        run["invocations"][0]["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {
                    "text": f"{len(results)} results: GitHub code scanning rejects a run with more than "
                    f"{GITHUB_MAX_RESULTS:,} (and shows the top 5,000). Narrow the upload with --select or --ignore, or split the input."
                },
            }
        ]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _gate_summary(report: Report) -> dict[str, Any] | None:
    g = report.gate
    if g is None:
        return None
    return {k: g.get(k) for k in ("success", "suite", "evaluated", "passed")}


def _gate_location(report: Report, failed: list[str]) -> str | None:
    wanted = set(failed)
    first: dict[str, str] = {}
    for rec in report.records:  # one pass; the records may be on disk
        if rec.id in wanted and rec.id not in first:
            first[rec.id] = rec.source.path
    for rid in failed:
        if rid in first:
            return first[rid]
    for p in report.inputs:
        if os.path.isfile(p):
            return p
    return None


def _utc(stamp: str) -> str:
    """SARIF dateTime: ISO 8601 in UTC with a Z."""
    return stamp.replace("+00:00", "Z") if stamp.endswith("+00:00") else stamp


def to_sarif_bytes(report: Report) -> bytes:
    return orjson.dumps(build_sarif(report))  # compact: indenting made it 80% larger (docs/security.md)


@writer("sarif", "report.sarif", "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers")
def write_sarif(report: Report, path: Path) -> None:
    path.write_bytes(to_sarif_bytes(report))
