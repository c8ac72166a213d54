"""Applying fixes to the source files (``--fix``, ``--unsafe-fixes``, ``--diff``), as ruff does.

A fix's edits are offsets in a field's text, the text the rules read. To change the file, each
field is found in the file as written and its characters are mapped back to the file's own:

- page text: the reader records where each field starts in the file (``source_offsets``), verbatim;
- ClinicalTrials.gov JSON (v2 and classic): the string value of the field's key, decoded escape by
  escape (``\\n``, ``\\u00e9``, surrogate pairs), so an edit replaces only the characters it
  changes and the replacement is written with the file's own escaping;
- legacy XML: the element's text, decoded entity by entity (``&amp;``, ``&#38;``, CDATA, CR LF),
  then the textblock's indentation the reader removed (each line's margin), which an inserted
  line break gets back.

The located text must equal the record's field text, else that field is not changed (never a
guess). Everything outside the edited characters stays byte for byte as it was.

``fix_files`` iterates like ruff: audit, apply the fixes that do not overlap, audit the result
again, until nothing is left to fix (or ``MAX_PASSES``); each pass works on temporary copies, so
``--diff`` writes nothing and ``--fix`` writes each file once, at the end.
"""

from __future__ import annotations

import difflib
import json
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from trial_audit.core.findings import Edit, Finding
from trial_audit.core.model import TrialRecord

#: how many audit-and-fix rounds at most (ruff: 100); a fix that makes a new fixable finding is rare
MAX_PASSES = 10
#: formats whose files can be edited in place
FIXABLE_FORMATS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "page-text"})


@dataclass
class FieldSpan:
    """Where one field's text is in the file: ``raw_at[k]`` is the file offset of the field's
    character k (``raw_at[len(text)]`` the offset just past its last character)."""

    raw_at: list[int]
    kind: str  # "verbatim" | "json" | "xml"
    ascii_only: bool = False
    margin: str = ""  # XML: the indentation the reader removed from each line
    newline: str = "\n"


@dataclass
class FileResult:
    """What fixing did to one file."""

    path: str
    original: str
    fixed: str
    fixed_findings: list[tuple[str, Finding]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.fixed.splitlines(keepends=True),
            fromfile=f"a/{self.path}",
            tofile=f"b/{self.path}",
        )
        # a last line without a newline (a compact JSON file) would run into the next diff line
        return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


# --- decoding with offsets ----------------------------------------------------------------------

_JSON_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def json_string_at(raw: str, quote: int) -> tuple[str, list[int], int] | None:
    """Decode the JSON string whose opening quote is at ``quote``: (text, raw offset of each
    character plus the closing quote's, offset after the closing quote); None when malformed."""
    out: list[str] = []
    at: list[int] = []
    i = quote + 1
    n = len(raw)
    while i < n:
        c = raw[i]
        if c == '"':
            at.append(i)
            return "".join(out), at, i + 1
        if c != "\\":
            out.append(c)
            at.append(i)
            i += 1
            continue
        if i + 1 >= n:
            return None
        e = raw[i + 1]
        if e in _JSON_SIMPLE:
            out.append(_JSON_SIMPLE[e])
            at.append(i)
            i += 2
        elif e == "u" and i + 6 <= n:
            try:
                code = int(raw[i + 2 : i + 6], 16)
            except ValueError:
                return None
            step = 6
            if 0xD800 <= code < 0xDC00 and raw.startswith("\\u", i + 6):
                try:
                    low = int(raw[i + 8 : i + 12], 16)
                except ValueError:
                    return None
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    step = 12
            out.append(chr(code))
            at.append(i)
            i += step
        else:
            return None
    return None


_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def xml_text_at(raw: str, start: int, end: int) -> tuple[str, list[int]] | None:
    """Decode an element's character content ``raw[start:end]`` (no child elements): text and the
    raw offset of each character (plus ``end``); None when it holds markup other than CDATA."""
    out: list[str] = []
    at: list[int] = []
    i = start
    while i < end:
        c = raw[i]
        if c == "&":
            semi = raw.find(";", i, min(end, i + 12))
            if semi < 0:
                return None
            name = raw[i + 1 : semi]
            try:
                ch = chr(int(name[2:], 16)) if name.startswith("#x") else chr(int(name[1:])) if name.startswith("#") else _ENTITIES[name]
            except (ValueError, KeyError):
                return None
            out.append(ch)
            at.append(i)
            i = semi + 1
        elif raw.startswith("<![CDATA[", i):
            close = raw.find("]]>", i, end)
            if close < 0:
                return None
            for k in range(i + 9, close):
                out.append(raw[k])
                at.append(k)
            i = close + 3
        elif c == "<":
            return None
        elif c == "\r":
            out.append("\n")
            at.append(i)
            i += 2 if raw.startswith("\r\n", i) else 1
        else:
            out.append(c)
            at.append(i)
            i += 1
    at.append(end)
    return "".join(out), at


def _one_newline(text: str, at: list[int]) -> tuple[str, list[int]]:
    """CR LF and lone CR as one "\\n", as the reader sees them: a CR written as a character
    reference ("&#xD;" before each line end, as ClinicalTrials.gov's XML has it) survives XML
    parsing and is removed by the reader; the "\\n" keeps the raw offset of the CR, so that an
    edit of the line end replaces both."""
    if "\r" not in text:
        return text, at
    out: list[str] = []
    out_at: list[int] = []
    k = 0
    while k < len(text):
        out.append("\n" if text[k] == "\r" else text[k])
        out_at.append(at[k])
        k += 2 if text.startswith("\r\n", k) else 1
    out_at.append(at[-1])
    return "".join(out), out_at


def _dedent_map(decoded: str, dedented: str) -> tuple[list[int], str] | None:
    """For the reader's dedented textblock, the index in ``decoded`` of each of its characters (and
    of its end), and the margin removed; None when the two do not line up line by line."""
    lines = decoded.split("\n")
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    first, last = 0, len(lines) - 1
    while first <= last and not lines[first].strip():
        first += 1
    while last >= first and not lines[last].strip():
        last -= 1
    out_lines = dedented.split("\n") if dedented else []
    if len(out_lines) != max(0, last - first + 1):
        return None
    at: list[int] = []
    margin = ""
    for k, out_line in enumerate(out_lines):
        raw_line = lines[first + k]
        if out_line and not raw_line.endswith(out_line):
            return None
        skip = len(raw_line) - len(out_line)
        if out_line and not margin:
            margin = raw_line[:skip]
        at.extend(starts[first + k] + skip + j for j in range(len(out_line)))
        end_of_line = starts[first + k] + len(raw_line)
        if k < len(out_lines) - 1:
            at.append(end_of_line)  # the "\n"
        else:
            at.append(end_of_line)  # just past the text
    if not out_lines:
        at.append(starts[first] if first < len(lines) else 0)
    return at, margin


# --- finding a field in a file -------------------------------------------------------------------


class _Cursor:
    """Where the search for each key stopped, so that the records of a multi-record file are found
    in turn (each in its own study object, in file order)."""

    def __init__(self) -> None:
        self.after: dict[str, int] = defaultdict(int)


def _json_span(raw: str, key: str, text: str, cursor: _Cursor) -> FieldSpan | None:
    needle = json.dumps(key)
    pos = raw.find(needle, cursor.after[key])
    while pos >= 0:
        colon = pos + len(needle)
        while colon < len(raw) and raw[colon] in " \t\r\n":
            colon += 1
        if colon < len(raw) and raw[colon] == ":":
            q = colon + 1
            while q < len(raw) and raw[q] in " \t\r\n":
                q += 1
            if q < len(raw) and raw[q] == '"':
                decoded = json_string_at(raw, q)
                if decoded is not None:
                    value, at, after = decoded
                    k = value.find(text)
                    if k >= 0 and (text or not value):
                        cursor.after[key] = after
                        token = raw[q:after]
                        return FieldSpan(at[k : k + len(text) + 1], "json", ascii_only=token.isascii())
        pos = raw.find(needle, pos + 1)
    return None


def _xml_span(raw: str, path: str, text: str, cursor: _Cursor) -> FieldSpan | None:
    from trial_audit.readers.ctgov_xml import dedent_textblock

    parts = [p for p in path.split(" ")[0].split("/") if p]
    if not parts or any(p.startswith("@") for p in parts):
        return None
    pos = cursor.after[path]
    for part in parts:
        tag = raw.find(f"<{part}", pos)
        while tag >= 0 and raw[tag + 1 + len(part)] not in "> \t\r\n/":
            tag = raw.find(f"<{part}", tag + 1)
        if tag < 0:
            return None
        pos = raw.find(">", tag) + 1
        if pos == 0 or raw[pos - 2] == "/":
            return None
    close = raw.find(f"</{parts[-1]}", pos)
    if close < 0:
        return None
    decoded = xml_text_at(raw, pos, close)
    if decoded is None:
        return None
    value, xml_at = _one_newline(*decoded)
    mapped = _dedent_map(value, text) if dedent_textblock(value) == text else None
    if mapped is None:
        return None
    at, margin = mapped
    cursor.after[path] = close
    segment = raw[pos:close]
    newline = next((nl for nl in ("&#xD;\n", "&#13;\n", "\r\n") if nl in segment), "\n")  # the file's own line end
    return FieldSpan([xml_at[k] for k in at], "xml", margin=margin, newline=newline)


def locate(raw: str, record: TrialRecord, name: str, cursor: _Cursor) -> FieldSpan | None:
    """Where field ``name`` of ``record`` is in the file text ``raw``; None when not found exactly."""
    text = record.text(name)
    if not isinstance(text, str):
        return None
    fmt = record.source.format
    if fmt == "page-text":
        off = record.source_offsets.get(name)
        if off is None or raw[off : off + len(text)] != text:
            return None
        return FieldSpan(list(range(off, off + len(text) + 1)), "verbatim", newline="\r\n" if "\r\n" in raw else "\n")
    path = record.provenance.get(name)
    if not path:
        return None
    if fmt in ("ctgov-v2", "ctgov-classic"):
        key = path.split(".")[-1]
        if "[" in key:
            return None
        return _json_span(raw, key, text, cursor)
    if fmt == "ctgov-xml":
        return _xml_span(raw, path, text, cursor)
    return None


def _encode(replacement: str, span: FieldSpan) -> str:
    if span.kind == "json":
        return json.dumps(replacement, ensure_ascii=span.ascii_only)[1:-1]
    if span.kind == "xml":
        return xml_escape(replacement).replace("\n", span.newline + span.margin)
    return replacement.replace("\n", span.newline)


def apply_to_text(raw: str, located: list[tuple[FieldSpan, list[Edit]]]) -> str:
    """``raw`` with every edit applied at its place in the file (the rest untouched)."""
    changes: list[tuple[int, int, str]] = []
    for span, edits in located:
        for e in edits:
            if not 0 <= e.start <= e.end < len(span.raw_at):
                raise ValueError(f"edit [{e.start}, {e.end}) is outside the field {e.field}")
            changes.append((span.raw_at[e.start], span.raw_at[e.end], _encode(e.replacement, span)))
    changes.sort(reverse=True)
    out = raw
    for a, b, rep in changes:
        out = out[:a] + rep + out[b:]
    return out


# --- the passes ----------------------------------------------------------------------------------


def _chosen(findings: list[Finding], unsafe: bool) -> tuple[dict[str, list[Edit]], list[Finding]]:
    """The fixes of one record that apply, minus any that overlaps one taken before (next pass)."""
    taken: dict[str, list[Edit]] = defaultdict(list)
    fixed = []
    for f in findings:
        if f.suppressed or f.fix is None or not f.fix.applies(unsafe):
            continue
        if any(e.start < t.end and t.start < e.end or (e.start == t.start) for e in f.fix.edits for t in taken[e.field]):
            continue
        for e in f.fix.edits:
            taken[e.field].append(e)
        fixed.append(f)
    return taken, fixed


def fixable(finding: Finding, unsafe: bool) -> bool:
    return not finding.suppressed and finding.fix is not None and finding.fix.applies(unsafe)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def fix_files(paths: list[str], options: Any, unsafe: bool = False, max_passes: int = MAX_PASSES) -> list[FileResult]:
    """Fix the files ``paths`` (each a record file of a fixable format) on temporary copies, pass
    after pass; returns each file's original and fixed text (nothing is written to ``paths``)."""
    from dataclasses import replace

    from trial_audit.engine.runner import audit_paths
    from trial_audit.readers import iter_records

    results: dict[str, FileResult] = {}
    with tempfile.TemporaryDirectory(prefix="trial-audit-fix-") as tmp:
        copies: dict[str, str] = {}
        for n, p in enumerate(paths):
            text = _read_text(Path(p))
            if text is None:
                continue
            dest = Path(tmp) / str(n) / Path(p).name
            dest.parent.mkdir()
            shutil.copyfile(p, dest)
            copies[str(dest)] = p
            results[p] = FileResult(p, text, text)
        opts = replace(options, baseline=None, gate=None, gx_docs=None, progress=None, jobs=1)
        todo: list[str | Path] = list(copies)
        for _ in range(max_passes):
            if not todo:
                break
            report = audit_paths(todo, opts)
            by_file: dict[str, list[Any]] = defaultdict(list)
            for rec in report.records:
                if rec.source.member is None and any(fixable(f, unsafe) for f in rec.findings):
                    by_file[rec.source.path].append(rec)
            changed: list[str | Path] = []
            for copy, recs in by_file.items():
                if _fix_copy(Path(copy), recs, results[copies[copy]], unsafe, iter_records):
                    changed.append(copy)
            todo = changed
    return [r for r in results.values()]


def _fix_copy(copy: Path, recs: list[Any], result: FileResult, unsafe: bool, iter_records: Any) -> bool:
    """Apply one pass of fixes to one temporary copy; True when it changed."""
    raw = copy.read_bytes().decode("utf-8")
    records = [r for r in iter_records([copy]) if isinstance(r, TrialRecord)]
    wanted = {(rec.id, rec.source.index): rec for rec in recs}
    cursor = _Cursor()
    located: list[tuple[FieldSpan, list[Edit]]] = []
    for record in records:  # in file order, so that the cursor finds each record's own fields
        rec = wanted.get((record.id, record.source.index))
        if rec is None:
            continue
        edits_by_field, fixed = _chosen(rec.findings, unsafe)
        record_spans = {name: locate(raw, record, name, cursor) for name in edits_by_field}
        kept: dict[str, list[Edit]] = defaultdict(list)
        for f in fixed:
            assert f.fix is not None
            missing = [e.field for e in f.fix.edits if record_spans.get(e.field) is None]
            if missing:
                result.notes.append(f"{rec.id} {f.rule}: the {missing[0]} field could not be found as written in the file; not fixed")
                continue
            for e in f.fix.edits:
                kept[e.field].append(e)
            result.fixed_findings.append((rec.id, f))
        located.extend((span, kept[name]) for name, span in record_spans.items() if span is not None and kept[name])
    if not located:
        return False
    new = apply_to_text(raw, located)
    if new == raw:
        return False
    copy.write_bytes(new.encode("utf-8"))
    result.fixed = new
    return True
