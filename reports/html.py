"""HTML: the curator's report — one self-contained file that works offline.

How it stays safe with untrusted registry text (see docs/reports.md):

* The report's data is JSON inside ``<script type="application/json" id="data">`` (never
  executed), with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\u003c`` etc., so no
  record text can close the element or start markup.
* The only script is the static ``reports/static/app.js``; it builds the page with
  ``createElement`` and ``textContent`` only (no ``innerHTML``; a test greps for it).
* A Content-Security-Policy in the page allows exactly that script and the inline stylesheet by
  their SHA-256 hashes: ``default-src 'none'`` (no network at all), no ``unsafe-inline``, images
  only from ``data:``, and Trusted Types required, so an HTML-string sink would throw rather than
  parse record text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import orjson

from trial_audit import __version__
from trial_audit.core.findings import Evidence
from trial_audit.core.report import RecordResult, Report
from trial_audit.reports import writer
from trial_audit.reports._common import isolated, rule_examples, source_display
from trial_audit.text.hygiene import show_controls

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_JSON_ESCAPES = (
    (b"<", b"\\u003c"),
    (b">", b"\\u003e"),
    (b"&", b"\\u0026"),
    ("\u2028".encode(), b"\\u2028"),
    ("\u2029".encode(), b"\\u2029"),
)
_PLACEHOLDER = re.compile(r"\$(csp|version|css|data|app)\b")


@lru_cache(maxsize=None)
def _asset(name: str) -> str:
    base = files("reports")
    if name.endswith(".html"):
        return (base / "templates" / name).read_text(encoding="utf-8")
    return (base / "static" / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {csp_hash(script)}",
            f"style-src {csp_hash(style)}",
            "img-src data:",
            "base-uri 'none'",
            "form-action 'none'",
            "require-trusted-types-for 'script'",
            "trusted-types 'none'",
        ]
    )


def script_json(data: Any) -> str:
    """JSON that is safe inside a <script> element: no '<', '>', '&' or line separators as such."""
    raw = orjson.dumps(data, default=str)
    for a, b in _JSON_ESCAPES:
        raw = raw.replace(a, b)
    return raw.decode("utf-8")


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def _evidence(ev: Evidence, texts: dict[str, str]) -> dict[str, Any]:
    """Evidence with offsets valid in JavaScript (UTF-16 code units) in the text as shown (its
    invisible controls written as ``⟨U+202E⟩``), or -1 when they do not fit the text."""
    d = ev.to_dict()
    d["text"] = show_controls(ev.text)
    text = texts.get(ev.field)
    if text is None:
        return d
    if not (0 <= ev.start <= ev.end <= len(text)) or text[ev.start : ev.end] != ev.text:
        d["start"] = d["end"] = -1  # let the page search for the quote
        return d
    before, quoted = show_controls(text[: ev.start]), show_controls(ev.text)
    d["start"], d["end"] = len(before), len(before) + len(quoted)
    if _ASTRAL.search(before) or _ASTRAL.search(quoted):
        d["start"], d["end"] = _utf16(before, len(before)), _utf16(before + quoted, len(before) + len(quoted))
    return d


def _visible(value: Any) -> Any:
    """Every string in the value with its invisible controls written visibly (idempotent)."""
    if isinstance(value, str):
        return show_controls(value)
    if isinstance(value, dict):
        return {k: _visible(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_visible(v) for v in value]
    return value


def _record(rec: RecordResult) -> dict[str, Any]:
    findings = []
    for f in rec.findings:
        d = f.to_dict()
        d["suppressed"] = bool(f.suppressed)
        d["evidence"] = _evidence(f.evidence, rec.texts) if f.evidence else None
        d["related"] = [_evidence(r, rec.texts) for r in f.related]
        findings.append(d)
    # record text reaches the page only with its bidi and control characters made visible, so
    # that it displays as it is (an override cannot reorder a quote, a message or a title)
    return _visible(
        {
            "id": rec.id,
            "title": rec.title,
            "source": source_display(rec),
            "format": rec.format,
            "status": rec.status,
            "findings": findings,
            "texts": rec.texts,
        }
    )


def _checked_record(rec: RecordResult) -> dict[str, Any]:
    """The record's page data, known to serialise (the page's data is one JSON document: a value
    that cannot be written would otherwise cost every record)."""
    data = _record(rec)
    orjson.dumps(data, default=str)  # as script_json writes it
    return data


def report_data(report: Report) -> dict[str, Any]:
    rules = []
    for r in report.rules:
        d = r.to_dict()
        d.update(_visible(rule_examples(r.code, r.name)))  # a hygiene rule's own examples hold controls
        rules.append(d)
    return {
        "tool": {"name": "trial-audit", "version": __version__},
        "generated": report.generated,
        "as_of": report.as_of,
        "as_of_statement": report.as_of_statement(),
        "record_as_of": report.record_as_of(),
        "inputs": _visible(report.inputs),
        "fail_on": report.fail_on,
        "baseline": report.baseline,
        "failing": report.failing(),
        "summary": report.summary(),
        "gate": report.gate,
        "rules": rules,
        "records": [isolated(r, "html", _checked_record) for r in report.records],
    }


def render_html(report: Report) -> str:
    app = _asset("app.js")
    css = _asset("style.css")
    # the inlined assets must not be able to end their own elements
    assert "</script" not in app.lower() and "</style" not in css.lower()
    values = {
        "csp": content_security_policy(app, css),
        "version": __version__,
        "css": css,
        "app": app,
        "data": script_json(report_data(report)),
    }
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], _asset("report.html"))


@writer("html", "report.html", "the curator's report: one self-contained, offline HTML page")
def write_html(report: Report, path: Path) -> None:
    path.write_text(render_html(report), encoding="utf-8")
