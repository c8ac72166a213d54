"""The terminal (issue 24): findings on screen, statistics, the summary of what was read, the
default input, --version, duplicates and the baseline count, the gate's failing expectations."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from trial_audit import __version__
from trial_audit.cli.app import app
from trial_audit.cli.progress import record_total

runner = CliRunner()

STUDY = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study"},
        "statusModule": {"overallStatus": "COMPLETED"},
        "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n2. Age 18 or older\n3. Signed consent"},
    }
}


#: the line of the criteria in a.json (where TA110's quoted "2." is)
CRIT_LINE = next(k for k, ln in enumerate(json.dumps(STUDY, indent=1).splitlines(), 1) if "eligibilityCriteria" in ln)


def _run(args, **kw):
    return runner.invoke(app, args, catch_exceptions=False, **kw)


@pytest.fixture
def records(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(STUDY, indent=1), encoding="utf-8")
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    return folder


def _audit(records, tmp_path, *extra):
    return _run(
        [
            "audit",
            str(records),
            "--out",
            str(tmp_path / "out"),
            "--fail-on",
            "never",
            "--as-of",
            "2026-11-27",
            "--select",
            "TA0,TA1",
            *extra,
        ]
    )


def test_concise_lists_each_finding_on_one_line_with_location_code_and_severity(records, tmp_path):
    result = _audit(records, tmp_path, "--output-format", "CONCISE")  # format names in any case
    [line] = [ln for ln in result.stdout.splitlines() if " TA110 " in ln]
    assert line.startswith(f"{records / 'a.json'}:{CRIT_LINE}:")  # the line of the quoted text in the file
    assert "TA110 warning [*] This list starts at '2.'" in line
    assert any("broken.json" in ln and " TA001 error " in ln for ln in result.stdout.splitlines())


def test_grouped_full_github_and_json(records, tmp_path):
    grouped = _audit(records, tmp_path, "--output-format", "grouped").stdout
    assert "NCT01234567  " in grouped and "(ctgov-v2)" in grouped and "  TA110  warning  [*]" in grouped
    full = _audit(records, tmp_path, "--output-format", "full").stdout
    assert "criteria [" in full and '"2. Age 18 or older"' in full and "fix (safe, applied by --fix)" in full
    github = _audit(records, tmp_path, "--output-format", "github").stdout
    assert (
        f"::warning file={records / 'a.json'},line={CRIT_LINE}," in github
        and "title=TA110 (numbering-does-not-start-at-one) NCT01234567::" in github
    )
    out = _audit(records, tmp_path, "--output-format", "json")
    rows = json.loads(out.stdout)  # stdout holds the JSON alone: the summary goes to stderr
    assert {r["rule"] for r in rows} >= {"TA110", "TA001"}
    [ta110] = [r for r in rows if r["rule"] == "TA110"]
    assert ta110["record"] == "NCT01234567" and ta110["location"]["line"] == CRIT_LINE and ta110["fix"]["safety"] == "safe"
    assert "records:" in out.stderr or "records" in out.stderr


def test_unknown_output_format_names_the_choices(records, tmp_path):
    result = _audit(records, tmp_path, "--output-format", "pretty")
    assert result.exit_code == 2 and "concise, grouped, full, github, json" in result.output


def test_statistics_count_per_rule_most_first(records, tmp_path):
    result = _audit(records, tmp_path, "--statistics", "-q")
    lines = [ln.split("\t") for ln in result.stdout.splitlines() if "\t" in ln]
    counts = [int(n) for n, *_ in lines]
    assert counts == sorted(counts, reverse=True)
    assert any(code == "TA110" and name.startswith("[*]") for _, code, name in lines)


def test_summary_names_what_was_read_and_every_unreadable_file(records, tmp_path):
    result = _audit(records, tmp_path, "-f", "JSON")  # report formats in any case too
    assert result.exit_code == 0
    assert f"read {records}: 1 ctgov-v2" in result.stdout
    assert "unreadable: " in result.stdout and "broken.json" in result.stdout and "invalid JSON" in result.stdout
    assert (tmp_path / "out" / "report.json").is_file()


def test_version():
    result = _run(["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"trial-audit {__version__}"


def test_no_path_audits_the_configured_paths_else_the_bundled_sample(records, tmp_path, monkeypatch):
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    sample = _run(["audit", "--out", "out", "--fail-on", "never", "-f", "json"])
    assert "auditing the bundled sample" in sample.stderr and "pass a path to audit your records" in sample.stderr
    assert json.loads((project / "out" / "report.json").read_text())["summary"]["records"] > 5
    (project / "trial-audit.toml").write_text(f'paths = ["{records.as_posix()}"]\n', encoding="utf-8")
    configured = _run(["audit", "--out", "out", "--fail-on", "never", "-f", "json"])
    assert "bundled sample" not in configured.stderr
    assert json.loads((project / "out" / "report.json").read_text())["summary"]["records"] == 2


def test_duplicate_records_are_reported_and_the_baseline_counts_each_copy(records, tmp_path):
    (records / "broken.json").unlink()
    (records / "b.json").write_text(json.dumps(STUDY), encoding="utf-8")  # the same record again
    base = tmp_path / "baseline.json"
    wrote = _run(["baseline", str(records), "-o", str(base), "--as-of", "2026-11-27"])
    n = int(wrote.stdout.split(": ")[1].split()[0])
    _run(["audit", str(records), "--baseline", str(base), "-f", "json", "--out", str(tmp_path / "o"), "-q", "--as-of", "2026-11-27"])
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    assert report["summary"]["suppressed"] == n  # the two commands agree
    assert report["summary"]["records"] == 2  # both copies kept, none merged
    [dup] = [f for r in report["records"] for f in r["findings"] if f["rule"] == "TA004"]
    assert "a.json" in dup["message"] and "b.json" in dup["message"]


def test_a_failed_gate_names_each_failing_expectation_with_its_counts(records, tmp_path):
    result = _audit(records, tmp_path, "--gate", "default")
    assert "submission gate FAILED" in result.stdout
    failed = [ln for ln in result.stdout.splitlines() if ln.startswith("  failed expect_")]
    assert failed and all("unexpected value(s)" in ln for ln in failed)
    assert any("expect_column_values_to_not_be_null(start_date): 1 unexpected value(s) (100.0%): NCT01234567" in ln for ln in failed)


def test_progress_total_is_known_for_one_record_files_and_archive_members(tmp_path):
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "b.xml").write_text("<x/>")
    with zipfile.ZipFile(tmp_path / "bulk.zip", "w") as zf:
        for k in range(3):
            zf.writestr(f"NCT0000000{k}.xml", "<x/>")
    assert record_total([tmp_path]) == 5
    (tmp_path / "export.csv").write_text("NCT Number\n")
    assert record_total([tmp_path]) is None  # a CSV export holds many records: no total, a rate
    assert record_total([ROOT / "seeds"]) is None


def test_gx_data_docs_load_nothing_from_the_internet(records, tmp_path):
    docs = tmp_path / "gx"
    result = _audit(records, tmp_path, "--gate", "default", "--gx-docs", str(docs), "-q")
    assert result.exit_code == 1  # the record fails the gate
    pages = list(docs.rglob("*.html"))
    assert len(pages) >= 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<link" not in html
        assert not re.search(r"<img[^>]*src=\"https?:", html)
        assert "default-src 'none'" in html
    [validation] = [p for p in pages if "validations" in p.parts]
    assert "Unsuccessful Expectations" in validation.read_text(encoding="utf-8")  # the results stay readable


def test_offline_page_removes_remote_assets_and_scripts():
    from trial_audit.cli.gx_docs import offline_page

    page = (
        '<html><head><link rel="stylesheet" href="https://cdn.example/b.css"><script src="https://cdn.example/j.js"></script>'
        "<script>$(function(){})</script></head><body><img src='//cdn.example/logo.png'><img src=\"data:image/png;base64,AA\">"
        "<table><tr><td>ok</td></tr></table></body></html>"
    )
    out = offline_page(page)
    assert "cdn.example" not in out and "<script" not in out and "data:image/png" in out and "<td>ok</td>" in out


def test_fail_on_and_formats_in_any_case(records, tmp_path):
    result = _run(["audit", str(records), "--out", str(tmp_path / "o"), "-q", "--fail-on", "ERROR", "-f", "Json,MD"])
    assert result.exit_code == 1  # broken.json's TA001 error fails the run
    assert (tmp_path / "o" / "report.json").is_file() and (tmp_path / "o" / "report.md").is_file()


def test_info_notes_are_counted_but_listed_only_with_show_info(tmp_path):
    # a completed record with no dates: TA401's missing-date notes are info on an old record (and
    # on legacy XML they outnumber the warnings many times over), so the screen lists them on request
    folder = tmp_path / "records"
    folder.mkdir()
    old = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT00012345", "briefTitle": "An Old Study"},
            "statusModule": {"overallStatus": "COMPLETED"},
            "designModule": {"studyType": "INTERVENTIONAL"},
        }
    }
    (folder / "old.json").write_text(json.dumps(old), encoding="utf-8")
    args = ["audit", str(folder), "--out", str(tmp_path / "out"), "--fail-on", "never", "--as-of", "2026-11-27"]
    plain = _run([*args, "--output-format", "concise"]).stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    infos = [f for r in report["records"] for f in r["findings"] if f["severity"] == "info"]
    assert infos, "the example must carry info notes"
    assert not [ln for ln in plain.splitlines() if re.search(r" TA[0-9]{3} info ", ln)]
    assert f"{len(infos)} info note" in plain and "--show-info" in plain
    shown = _run([*args, "--output-format", "concise", "--show-info"]).stdout
    assert len([ln for ln in shown.splitlines() if re.search(r" TA[0-9]{3} info ", ln)]) == len(infos)
    assert "not listed" not in shown
    as_json = json.loads(_run([*args, "--output-format", "json"]).stdout)  # programs get every finding
    assert len([f for f in as_json if f["severity"] == "info"]) == len(infos)
