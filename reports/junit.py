"""JUnit XML: a test suite per rule family, a test case per record in it.

CI systems (GitLab, Jenkins, Azure DevOps, GitHub test-report actions) show JUnit XML as test
results. Here:

* ``<testsuite name="TA1xx eligibility structure & numbering">`` — one per rule family that
  has rules in the report; ``<testcase classname="trial-audit.TA1xx" name="<record id>">`` — one
  per record.
* A test case *fails* when the record has an unsuppressed finding of that family at or above
  ``--fail-on``; the ``<failure>`` lists every such finding (one line each:
  ``TA104 error criteria: message | evidence: "…"``). Findings below the threshold and
  suppressed (baselined) ones are listed in ``<system-out>`` and do not fail the case.
* An unreadable record is an ``<error>`` in the input family and ``<skipped>`` elsewhere
  (nothing in it could be checked).
* The submission gate, when it ran, is ``<testsuite name="submission-gate">`` with one test case
  per expectation.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from trial_audit.core.findings import Finding
from trial_audit.core.report import UNREADABLE, RecordResult, Report
from trial_audit.reports import writer
from trial_audit.reports._common import at_or_above, family_of, gate_expectations, gate_label, stand_in, xml_safe

_QUOTE = 160


def finding_line(f: Finding, note: str = "") -> str:
    """One finding as a line of text (parsed back by the tests to check the counts)."""
    line = f"{f.rule} {f.severity.value}{note} {f.field or '-'}: {' '.join(f.message.split())}"
    if f.evidence and f.evidence.text:
        q = " ".join(f.evidence.text.split())
        if len(q) > _QUOTE:
            q = q[: _QUOTE - 1] + "…"
        line += f' | evidence: "{q}"'
    for r in f.related:
        q = " ".join((r.text or "").split())[:_QUOTE]
        line += f' | related {r.field}: "{q}"'
    if f.suggestion:
        line += f" | fix: {' '.join(f.suggestion.split())}"
    return line


def _families(report: Report) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for code in [r.code for r in report.rules] + [f.rule for rec in report.records for f in rec.findings]:
        key, label = family_of(code)
        seen.setdefault(key, label)
    return sorted(seen.items(), key=lambda kv: (kv[0] == "other", kv[0]))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        el.text = xml_safe(text)
    return el


def build_tree(report: Report) -> ET.Element:
    root = ET.Element("testsuites", {"name": "trial-audit"})
    fams = _families(report)
    input_family = "TA0xx"
    totals = defaultdict(int)
    as_of_statement = report.as_of_statement()  # one pass over the records, not one per suite
    for key, label in fams:
        suite = _sub(root, "testsuite", name=f"{key} {label}", timestamp=report.generated or "")
        counts = defaultdict(int)
        props = _sub(suite, "properties")  # the reference dates the staleness rules used
        _sub(props, "property", name="as_of", value=report.as_of or "")
        _sub(props, "property", name="as_of_statement", value=as_of_statement)

        def one_case(r: RecordResult, key: str = key) -> tuple[ET.Element, dict[str, int]]:
            case_counts: dict[str, int] = defaultdict(int)
            attrs = {"classname": f"trial-audit.{key}", "name": r.id, "file": r.source.path}
            case = ET.Element("testcase", {k: xml_safe(v) for k, v in attrs.items()})
            if r.source.fetched is not None:  # a record fetched from a registry URL: when it was fetched
                _sub(_sub(case, "properties"), "property", name="fetched", value=xml_safe(r.source.fetched))
            _fill_case(case, r, key, input_family, report.fail_on, case_counts)
            return case, case_counts

        for rec in report.records:
            try:
                case, case_counts = one_case(rec)
            except Exception as err:  # noqa: BLE001 - a fault on one record costs only its case, shown as an error
                case, case_counts = _failed_case(rec, key, err)
            suite.append(case)
            counts["tests"] += 1
            for k, v in case_counts.items():
                counts[k] += v
        for k in ("tests", "failures", "errors", "skipped"):
            suite.set(k, str(counts[k]))
            totals[k] += counts[k]
        suite.set("time", "0")
    if report.gate is not None:
        suite = _sub(root, "testsuite", name="submission-gate", timestamp=report.generated or "")
        counts = defaultdict(int)
        g = report.gate
        props = _sub(suite, "properties")
        for k in ("suite", "success", "evaluated", "passed"):
            _sub(props, "property", name=k, value=str(g.get(k)))
        for exp in gate_expectations(report):
            counts["tests"] += 1
            case = _sub(suite, "testcase", classname="trial-audit.submission-gate", name=gate_label(exp))
            if not exp.get("success"):
                counts["failures"] += 1
                failed = [str(x) for x in exp.get("failed_records") or []]
                n = exp.get("unexpected_count") or 0
                text = f"{n} unexpected value{'' if n == 1 else 's'}"
                if exp.get("kwargs"):
                    text += f"\nkwargs: {exp.get('kwargs')}"
                if failed:
                    text += "\nfailed records: " + ", ".join(failed)
                _sub(case, "failure", text, message=f"{gate_label(exp)} failed: {n} unexpected", type="gate")
        for k in ("tests", "failures", "errors", "skipped"):
            suite.set(k, str(counts[k]))
            totals[k] += counts[k]
        suite.set("time", "0")
    for k in ("tests", "failures", "errors", "skipped"):
        root.set(k, str(totals[k]))
    root.set("time", "0")
    return root


def _failed_case(rec: RecordResult, key: str, err: BaseException) -> tuple[ET.Element, dict[str, int]]:
    """The test case of a record whose own case could not be written: an error naming the fault."""
    (failed,) = stand_in(rec, "junit", err).findings
    case = ET.Element(
        "testcase", {"classname": f"trial-audit.{key}", "name": xml_safe(str(rec.id)), "file": xml_safe(str(rec.source.path))}
    )
    _sub(case, "error", failed.message, message=failed.message[:200], type="trial-audit-fault")
    return case, {"errors": 1}


def _fill_case(case: ET.Element, rec: RecordResult, key: str, input_family: str, fail_on: str, counts) -> None:
    mine = [f for f in rec.findings if family_of(f.rule)[0] == key]
    if rec.status == UNREADABLE:
        if key == input_family or mine:
            counts["errors"] += 1
            lines = [finding_line(f) for f in mine if not f.suppressed]
            first = mine[0].message if mine else "the record could not be read"
            _sub(case, "error", "\n".join(lines), message=first[:500], type="unreadable")
            sup = [finding_line(f, " (suppressed: baseline)") for f in mine if f.suppressed]
            if sup:
                _sub(case, "system-out", "\n".join(sup))
        else:
            counts["skipped"] += 1
            _sub(case, "skipped", message="unreadable record: nothing in it was checked")
        return
    failing = [f for f in mine if not f.suppressed and at_or_above(f, fail_on)]
    failing_ids = {id(f) for f in failing}
    other = [f for f in mine if id(f) not in failing_ids]
    if failing:
        counts["failures"] += 1
        worst = max(failing, key=lambda f: f.severity.rank).severity.value
        msg = f"{len(failing)} finding{'' if len(failing) == 1 else 's'} at or above {fail_on}: " + ", ".join(
            sorted({f.rule for f in failing})
        )
        _sub(case, "failure", "\n".join(finding_line(f) for f in failing), message=msg, type=worst)
    if other:
        _sub(
            case,
            "system-out",
            "\n".join(finding_line(f, " (suppressed: baseline)" if f.suppressed else "") for f in other),
        )


def to_junit_bytes(report: Report) -> bytes:
    root = build_tree(report)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


@writer("junit", "junit.xml", "JUnit XML: a test case per record and rule family, for CI test reports")
def write_junit(report: Report, path: Path) -> None:
    path.write_bytes(to_junit_bytes(report))
