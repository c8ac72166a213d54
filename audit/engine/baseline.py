"""Baselines: accept today's findings, report only new ones.

``trial-audit baseline PATHS -o trial-audit-baseline.json`` writes the fingerprints of every
finding; ``trial-audit audit --baseline trial-audit-baseline.json`` then marks the findings whose
fingerprint is in the file as *suppressed*: they are still counted (``summary.suppressed``) and
still listed in the reports, but they no longer fail the run. A team adopts the tool on a
registry with known defects and gates only on regressions.

A fingerprint must survive what does not change the defect, and change with what does:

- **stable across runs and machines**: no timestamps, no run order, no absolute paths;
- **stable across file moves and renames**: the source path is not part of it (the record id is);
- **stable across unrelated edits of the same record**: no character offsets (an edit earlier in
  the text moves them) and no whole field text; the *evidence text* (the quoted defect)
  normalised (Unicode NFKC, case-folded, whitespace collapsed; digits kept, because "Visit 2" and
  "Visit 3" are different defects);
- **stable when list items move**: list indices in field names are dropped
  (``locations[3].city`` -> ``locations[].city``), so adding a site before another does not
  re-report the other site's defect;
- **distinct for repeated defects**: when one record has the same (rule, field, evidence) several
  times, each occurrence gets its index (in report order), so fixing one of two duplicates
  leaves one suppressed and adding a third reports only the new one.

So a fingerprint is ``sha256(rule | record id | field without list indices | normalised evidence |
occurrence)``,
shortened to 20 hex digits. Findings of unreadable input are keyed on the record id the reader
recovered, else the file name (not the folder).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trial_audit import __version__

if TYPE_CHECKING:
    from trial_audit.core.findings import Finding
    from trial_audit.core.report import RecordResult, Report

FORMAT_VERSION = 1
_SPACES = re.compile(r"\s+")
_INDEX = re.compile(r"\[[0-9]+\]")


class BaselineError(ValueError):
    """A baseline file that cannot be used (missing, not JSON, not a trial-audit baseline)."""


def normalise_evidence(text: str | None) -> str:
    """The form of an evidence text that fingerprints use: NFKC, case-folded, spaces collapsed."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def _record_key(result: RecordResult) -> str:
    rid = result.id or ""
    src = result.source
    # an unreadable file without a recovered id is keyed on its display name; drop the folder so
    # that moving the file keeps the key
    if src is not None and rid == src.display():
        rid = Path(src.path).name + (f"!{src.member}" if src.member else "")
        if src.index is not None:
            rid += f"#{src.index}"
    if result.copy:
        rid += f"\x1fcopy {result.copy}"  # a second copy of a record is baselined as its own
    return rid


def _fingerprint(rule: str, record: str, field: str, evidence: str, occurrence: int) -> str:
    key = "\x1f".join((rule, record, field, evidence, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprint_results(results: Iterable[RecordResult]) -> None:
    """Set ``finding.fingerprint`` on every finding of these results (each record on its own)."""
    for result in results:
        _fingerprint_result(result)


def _fingerprint_result(result: RecordResult) -> None:
    record = _record_key(result)
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in result.findings:
        evidence = normalise_evidence(f.evidence.text if f.evidence else None)
        key = (f.rule, _INDEX.sub("[]", f.field or ""), evidence)
        f.fingerprint = _fingerprint(f.rule, record, key[1], evidence, seen[key])
        seen[key] += 1


def _entry(result: RecordResult, f: Finding) -> dict[str, Any]:
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "record": result.id,
        "field": f.field,
        "evidence": f.evidence.text if f.evidence else None,
        "message": f.message,
    }


def write_baseline(report: Report, path: str | Path) -> int:
    """Write every finding of the report (suppressed or not) to a baseline file; the count."""
    entries: dict[str, dict[str, Any]] = {}
    for result in report.records:
        _fingerprint_result(result)  # idempotent: a run's results already carry their fingerprints
        for f in result.findings:
            entries.setdefault(f.fingerprint or "", _entry(result, f))
    ordered = sorted(entries.values(), key=lambda e: (e["record"] or "", e["rule"], e["field"] or "", e["fingerprint"]))
    doc = {
        "tool": "trial-audit",
        "version": __version__,
        "format": FORMAT_VERSION,
        "generated": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "count": len(ordered),
        "findings": ordered,
    }
    target = Path(path)
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(ordered)


def load_baseline(path: str | Path) -> set[str]:
    """The fingerprints of a baseline file."""
    p = Path(path)
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {p}: no such file (write one with `trial-audit baseline PATHS -o {p}`)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise BaselineError(f"baseline {p}: not a readable JSON file ({e})") from None
    if not isinstance(doc, dict) or doc.get("tool") != "trial-audit" or not isinstance(doc.get("findings"), list):
        raise BaselineError(f"baseline {p}: not a trial-audit baseline file")
    return {e["fingerprint"] for e in doc["findings"] if isinstance(e, dict) and isinstance(e.get("fingerprint"), str)}


def suppress_known(results: Iterable[RecordResult], known: set[str]) -> int:
    """Fingerprint the findings of these results and suppress those whose fingerprint is known."""
    n = 0
    for result in results:
        _fingerprint_result(result)
        for f in result.findings:
            if f.fingerprint in known:
                f.suppressed = True
                n += 1
    return n
