"""The report writers: every format from the same findings, agreeing on the counts.

Reports are built two ways: from the real pipeline over the bundled seeds (real readers, real
rules), and from ``trial_audit.reports._sample`` (a synthetic report with every feature: evidence in long
fields, contradictions, suggestions, an unreadable record, baselined findings, a failed gate).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, SEEDS
from trial_audit.core.findings import Category, Evidence, Finding, Severity
from trial_audit.core.model import Source
from trial_audit.core.report import AUDITED, RecordResult, Report
from trial_audit.reports import load_writers
from trial_audit.reports._sample import XSS, sample_report

SCHEMA = ROOT / "audit" / "schema" / "report.schema.json"
SEV_OF_LEVEL = {"error": "error", "warning": "warning", "note": "info"}
FORMATS = ["json", "md", "html", "sarif", "junit", "csv"]


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    from trial_audit.engine.runner import RunOptions, audit_paths

    return audit_paths([SEEDS], RunOptions())


def write_all(report: Report, out: Path) -> dict[str, Path]:
    writers = load_writers()
    paths = {}
    for name in FORMATS:
        w = writers[name]
        paths[name] = out / w.filename
        w.write(report, paths[name])
    return paths


# --- parsing each format back into (rule, severity) counts ---------------------------------


def counts_from_json(path: Path) -> tuple[Counter, Counter]:
    data = json.loads(path.read_text(encoding="utf-8"))
    active, suppressed = Counter(), Counter()
    for rec in data["records"]:
        for f in rec["findings"]:
            (suppressed if f.get("suppressed") else active)[(f["rule"], f["severity"])] += 1
    return active, suppressed


def counts_from_csv(path: Path) -> tuple[Counter, Counter]:
    active, suppressed = Counter(), Counter()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["rule"].startswith("GATE:"):
                continue
            (suppressed if row["suppressed"] == "true" else active)[(row["rule"], row["severity"])] += 1
    return active, suppressed


def counts_from_sarif(path: Path) -> tuple[Counter, Counter]:
    data = json.loads(path.read_text(encoding="utf-8"))
    active, suppressed = Counter(), Counter()
    for res in data["runs"][0]["results"]:
        if res["ruleId"] == "GATE":
            continue
        (suppressed if res.get("suppressions") else active)[(res["ruleId"], SEV_OF_LEVEL[res["level"]])] += 1
    return active, suppressed


_JUNIT_LINE = re.compile(r"^(TA[0-9]{3}) (error|warning|info)( \(suppressed: baseline\))? ")


def counts_from_junit(path: Path) -> tuple[Counter, Counter]:
    root = ET.parse(path).getroot()
    active, suppressed = Counter(), Counter()
    for suite in root.iter("testsuite"):
        if suite.get("name") == "submission-gate":
            continue
        for case in suite.iter("testcase"):
            for tag in ("failure", "error", "system-out"):
                for node in case.findall(tag):
                    for line in (node.text or "").splitlines():
                        m = _JUNIT_LINE.match(line)
                        if m:
                            (suppressed if m.group(3) else active)[(m.group(1), m.group(2))] += 1
    return active, suppressed


def counts_from_html(path: Path) -> tuple[Counter, Counter]:
    data = html_data(path.read_text(encoding="utf-8"))
    active, suppressed = Counter(), Counter()
    for rec in data["records"]:
        for f in rec["findings"]:
            (suppressed if f["suppressed"] else active)[(f["rule"], f["severity"])] += 1
    return active, suppressed


def counts_from_markdown(path: Path) -> tuple[Counter, Counter]:
    """The per-rule table: (rule, 'any') counts, since a rule row may span severities."""
    active, suppressed = Counter(), Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| (TA[0-9]{3}) \| [^|]* \| [^|]* \| ([0-9]+) \| ([0-9]+) \|$", line)
        if m:
            if int(m.group(2)):
                active[(m.group(1), "any")] = int(m.group(2))
            if int(m.group(3)):
                suppressed[(m.group(1), "any")] = int(m.group(3))
    return active, suppressed


def html_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert m, "the HTML report has no data block"
    return json.loads(m.group(1))


def by_rule(c: Counter) -> Counter:
    out = Counter()
    for (rule, _), n in c.items():
        out[(rule, "any")] += n
    return out


def expected_counts(report: Report) -> tuple[Counter, Counter]:
    active = Counter((f.rule, f.severity.value) for r in report.records for f in r.findings if not f.suppressed)
    suppressed = Counter((f.rule, f.severity.value) for r in report.records for f in r.findings if f.suppressed)
    return active, suppressed


def assert_all_formats_agree(report: Report, out: Path) -> None:
    paths = write_all(report, out)
    want_active, want_sup = expected_counts(report)
    s = report.summary()
    # the expected counts are the summary's
    assert sum(want_active.values()) == s["findings"] and sum(want_sup.values()) == s["suppressed"]
    for name, parse in (
        ("json", counts_from_json),
        ("csv", counts_from_csv),
        ("sarif", counts_from_sarif),
        ("junit", counts_from_junit),
        ("html", counts_from_html),
    ):
        active, sup = parse(paths[name])
        assert active == want_active, f"{name}: active findings disagree"
        assert sup == want_sup, f"{name}: suppressed findings disagree"
    active, sup = counts_from_markdown(paths["md"])
    assert active == by_rule(want_active) and sup == by_rule(want_sup), "md: per-rule counts disagree"
    md = paths["md"].read_text(encoding="utf-8")
    sev = s["findings_by_severity"]
    assert f"**{s['findings']}** findings: {sev['error']} error, {sev['warning']} warning, {sev['info']} info" in md
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert data["summary"] == s
    assert html_data(paths["html"].read_text(encoding="utf-8"))["summary"] == s


# --- tests -------------------------------------------------------------------------------------


def test_all_six_writers_are_registered():
    writers = load_writers()
    assert set(FORMATS) <= set(writers)
    assert len({w.filename for w in writers.values()}) == len(writers)


def test_formats_agree_on_the_sample(tmp_path):
    report = sample_report(120)
    assert report.summary()["suppressed"] > 0 and report.summary()["unreadable"] > 0
    assert_all_formats_agree(report, tmp_path)


def test_formats_agree_on_the_seeds(seeds_report, tmp_path):
    """The real pipeline: real readers and rules over the bundled seeds."""
    assert seeds_report.summary()["records"] > 0
    assert_all_formats_agree(seeds_report, tmp_path)


def test_formats_agree_with_baselined_findings_under_fail_on_warning(tmp_path):
    report = sample_report(60)
    report.fail_on = "warning"
    for rec in report.records[::3]:
        for f in rec.findings:
            f.suppressed = True
    assert_all_formats_agree(report, tmp_path)


def test_json_report_matches_its_schema(seeds_report, tmp_path):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for report in (seeds_report, sample_report(30)):
        paths = write_all(report, tmp_path)
        data = json.loads(paths["json"].read_text(encoding="utf-8"))
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, errors[:5]


def test_json_schema_rejects_what_breaks_the_contract():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    data = sample_report(5).to_dict()
    jsonschema.validate(data, schema)
    broken = json.loads(json.dumps(data))
    broken["records"][0]["findings"].append({"rule": "TA1", "severity": "fatal"})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
    broken = json.loads(json.dumps(data))
    del broken["summary"]["suppressed"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_every_format_shows_the_gate(tmp_path):
    report = sample_report(20)
    paths = write_all(report, tmp_path)
    failed = [e for e in report.gate["expectations"] if not e["success"]]
    assert failed
    label = "expect_column_values_to_match_regex"
    # CSV: one GATE:<expectation> row per failed record
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8-sig"))))
    gate_rows = [r for r in rows if r["rule"] == f"GATE:{label}"]
    assert sorted(r["record_id"] for r in gate_rows) == sorted(failed[0]["failed_records"])
    # JUnit: a submission-gate suite, a case per expectation, failures for the failed ones
    suite = next(s for s in ET.parse(paths["junit"]).getroot().iter("testsuite") if s.get("name") == "submission-gate")
    assert int(suite.get("tests")) == len(report.gate["expectations"])
    assert int(suite.get("failures")) == len(failed)
    # SARIF: a GATE rule and a result per failed expectation
    run = json.loads(paths["sarif"].read_text(encoding="utf-8"))["runs"][0]
    assert "GATE" in [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len([r for r in run["results"] if r["ruleId"] == "GATE"]) == len(failed)
    # Markdown: the verdict line and the failed expectation
    md = paths["md"].read_text(encoding="utf-8")
    g = report.gate
    assert f"Submission gate: **FAILED** ({g['passed']} of {g['evaluated']} expectations met)." in md
    assert "GATE:expect\\_column\\_values\\_to\\_match\\_regex(nct\\_id)" in md
    # HTML and JSON carry the gate itself
    assert html_data(paths["html"].read_text(encoding="utf-8"))["gate"] == report.gate
    assert json.loads(paths["json"].read_text(encoding="utf-8"))["gate"] == report.gate


def test_junit_has_a_case_per_record_and_family_and_fails_only_at_fail_on(tmp_path):
    report = sample_report(30)
    paths = write_all(report, tmp_path)
    root = ET.parse(paths["junit"]).getroot()
    suites = [s for s in root.iter("testsuite") if s.get("name") != "submission-gate"]
    assert suites and all(int(s.get("tests")) == len(report.records) for s in suites)
    names = [s.get("name") for s in suites]
    assert any(n.startswith("TA2xx") for n in names) and any(n.startswith("TA0xx") for n in names)
    # failures only for records with an unsuppressed error (fail_on=error) in that family
    for suite in suites:
        fam = suite.get("name")[:3]
        want = sum(
            1
            for r in report.records
            if r.status == AUDITED and any(f.rule.startswith(fam) and not f.suppressed and f.severity is Severity.ERROR for f in r.findings)
        )
        assert int(suite.get("failures")) == want, suite.get("name")
    # an unreadable record is an error in the input family, skipped elsewhere
    assert int(suites[0].get("errors")) == report.summary()["unreadable"]
    assert int(suites[1].get("skipped")) == report.summary()["unreadable"]
    totals = {k: sum(int(s.get(k)) for s in root.iter("testsuite")) for k in ("tests", "failures", "errors", "skipped")}
    assert totals == {k: int(root.get(k)) for k in totals}


def test_junit_survives_control_characters(tmp_path):
    rec = RecordResult(
        "NCT00000001",
        Source("x.json"),
        "ctgov-v2",
        AUDITED,
        [
            Finding(
                "TA701",
                "escape-artifact",
                Category.TEXT,
                Severity.ERROR,
                "bad \x00 text \x1b here",
                field="criteria",
                evidence=Evidence("criteria", "a\x0bb", 0, 3),
            )
        ],
        texts={"criteria": "a\x0bb"},
    )
    report = Report(records=[rec])
    paths = write_all(report, tmp_path)
    failure = ET.parse(paths["junit"]).getroot().find(".//failure")
    assert failure is not None and "bad \ufffd text \ufffd here" in failure.text


def test_csv_has_the_documented_columns_and_defuses_formulas(tmp_path):
    rec = RecordResult(
        "NCT00000001",
        Source("x.csv"),
        "ctgov-csv",
        AUDITED,
        [
            Finding(
                "TA704",
                "placeholder-value",
                Category.TEXT,
                Severity.WARNING,
                '=HYPERLINK("http://x")',
                field="brief_summary",
                evidence=Evidence("brief_summary", "+1-800 call", 0, 11),
                suggestion="@SUM(A1)",
            )
        ],
        texts={"brief_summary": "+1-800 call"},
    )
    paths = write_all(Report(records=[rec]), tmp_path)
    raw = paths["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for spreadsheets
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[:8] == ["record_id", "source", "rule", "name", "category", "severity", "field", "message"]
    assert {"evidence", "suppressed"} <= set(rows[0])
    row = rows[0]
    assert row["message"].startswith("'=") and row["evidence"] == "'+1-800 call" and row["suggestion"] == "'@SUM(A1)"
    assert (row["record_id"], row["rule"], row["category"], row["severity"], row["field"]) == (
        "NCT00000001",
        "TA704",
        "text",
        "warning",
        "brief_summary",
    )


def test_markdown_stays_bounded_for_large_runs():
    from trial_audit.reports.markdown import MAX_CHARS, render_markdown

    report = sample_report(3000)
    md = render_markdown(report)
    assert len(md) < 65_536 and len(md) <= MAX_CHARS + 2_000
    assert "more findings: see the full report" in md
    # the counts stay complete even though the table is cut
    assert f"**{report.summary()['findings']}** findings" in md


def test_markdown_cells_cannot_break_the_table_or_ping_people():
    from trial_audit.reports.markdown import _cell

    assert _cell("a | b\nc") == "a \\| b c"
    assert "@\u200bteam" in _cell("ask @team")
    assert "<" not in _cell("<b>x</b>").replace("\\<", "")
    assert _cell("&lt;script&gt;") == "&amp;lt;script&amp;gt;"


def test_html_is_self_contained_and_strict(tmp_path):
    from trial_audit.reports.html import csp_hash

    paths = write_all(sample_report(20, xss=True), tmp_path)
    page = paths["html"].read_text(encoding="utf-8")
    # nothing is fetched: no external URL in src/href, no CDN
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', page, re.I)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(scripts) == 1 and len(styles) == 1
    assert f"script-src {csp_hash(scripts[0])}" in csp and f"style-src {csp_hash(styles[0])}" in csp
    # record text appears only inside the JSON block, with markup characters escaped
    data_block = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in data_block and ">" not in data_block and "&" not in data_block
    assert "\u2028" not in data_block and "\u2029" not in data_block
    outside = page.replace(data_block, "")
    for payload in XSS.values():
        assert payload not in outside
    # and it round-trips: the page shows exactly the report's text
    data = html_data(page)
    texts = json.dumps(data, ensure_ascii=False)
    assert XSS["img"].replace('"', '\\"') in texts and XSS["js"] in texts


def test_html_app_never_uses_html_sinks():
    app = (ROOT / "reports" / "static" / "app.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", app, flags=re.S)  # the header comment names the sinks it avoids
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "setAttribute('style'",
        "javascript:",
    ):
        assert sink not in code, sink
    # the only attribute it sets from a variable is href, and always to '#' + something
    assert re.findall(r"setAttribute\('href', ([^)]*)\)", code) == ["'#' + hash"]


def test_html_evidence_offsets_are_utf16_in_the_page(tmp_path):
    text = "Age 😀😀 ≥ 18 years"
    start = text.index("18")
    rec = RecordResult(
        "NCT00000002",
        Source("x.json"),
        "ctgov-v2",
        AUDITED,
        [
            Finding(
                "TA201",
                "age",
                Category.AGE,
                Severity.ERROR,
                "m",
                field="criteria",
                evidence=Evidence.span("criteria", text, start, start + 2),
            )
        ],
        texts={"criteria": text},
    )
    paths = write_all(Report(records=[rec]), tmp_path)
    ev = html_data(paths["html"].read_text(encoding="utf-8"))["records"][0]["findings"][0]["evidence"]
    utf16 = text.encode("utf-16-le")
    assert utf16[ev["start"] * 2 : ev["end"] * 2].decode("utf-16-le") == "18"


def test_cli_writes_all_six_formats_on_the_seeds(tmp_path):
    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["audit", str(SEEDS), "--format", ",".join(FORMATS), "--out", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    writers = load_writers()
    for name in FORMATS:
        p = out / writers[name].filename
        assert p.is_file() and p.stat().st_size > 0, name


def test_writers_handle_an_empty_report_and_clean_records(tmp_path):
    clean = RecordResult("NCT00000003", Source("x.json"), "ctgov-v2", AUDITED, [], title="Clean")
    for i, report in enumerate((Report(), Report(records=[clean]))):
        out = tmp_path / str(i)
        out.mkdir()
        assert_all_formats_agree(report, out)


def test_script_json_cannot_end_the_data_block():
    from trial_audit.reports.html import script_json

    value = {"t": "</script><!-- \u2028\u2029 & <b>"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value


def test_html_carries_each_rules_docs_and_examples(seeds_report, tmp_path):
    from trial_audit.engine.registry import load_rules
    from trial_audit.reports.html import _visible

    paths = write_all(seeds_report, tmp_path)
    rules = {r["code"]: r for r in html_data(paths["html"].read_text(encoding="utf-8"))["rules"]}
    for code, cls in load_rules().items():
        assert rules[code]["doc"] == cls.doc()
        # examples as the page shows them: invisible controls written as ⟨U+202E⟩ (TA707's own examples)
        assert rules[code]["bad"] == _visible(list(cls.bad)) and rules[code]["good"] == _visible(list(cls.good))
