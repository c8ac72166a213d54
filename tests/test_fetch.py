"""Auditing straight from the registry (ClinicalTrials.gov API v2), against a local server on
127.0.0.1 that answers like the API with real records (tests/data/registry). No test touches
the network."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.fetch_server import DATA, NOT_FOUND_BODY, RegistryServer
from trial_audit.cli.app import app
from trial_audit.core.model import TrialRecord
from trial_audit.readers.base import Unreadable
from trial_audit.readers.fetch_inputs import iter_inputs, kind_of
from trial_audit.readers.fetch_studies import parse_search, search_records, study_records
from trial_audit.readers.registry_api import FetchSettings, RegistryClient, RegistryUnreachable

runner = CliRunner()
IDS = sorted(p.stem for p in DATA.glob("NCT*.json"))


@pytest.fixture
def server():
    with RegistryServer() as s:
        yield s


def settings(server: RegistryServer, tmp_path: Path, **kw) -> FetchSettings:
    base = {
        "base_url": server.url,
        "cache_dir": tmp_path / "cache",
        "min_interval": 0.0,
        "backoff": 0.01,
        "retries": 3,
        "read_timeout": 5.0,
    }
    base.update(kw)
    return FetchSettings(**base)


def _audit(args, env=None):
    return runner.invoke(app, ["audit", *args, "-f", "json", "-q", "-j", "1", "--fail-on", "never", "--as-of", "2026-11-27"], env=env)


def test_an_nct_id_is_fetched_with_its_url_fetch_time_and_version_date(server, tmp_path):
    client = RegistryClient(settings(server, tmp_path))
    [rec] = list(study_records(client, "nct03418623"))
    assert isinstance(rec, TrialRecord) and rec.nct_id == "NCT03418623"
    assert rec.source.path == f"{server.url}/studies/NCT03418623"
    assert rec.source.fetched and rec.source.fetched.startswith(time.strftime("%Y"))
    assert rec.as_of is not None and rec.as_of.iso() == "2023-12-07"  # derivedSection.miscInfoModule.versionHolder
    assert "fetched" in rec.source.display()


def test_the_same_study_from_the_registry_and_from_its_file_reads_the_same(server, tmp_path):
    from trial_audit.readers import iter_records

    client = RegistryClient(settings(server, tmp_path))
    for nct in IDS:
        [fetched] = list(study_records(client, nct))
        [from_file] = list(iter_records([DATA / f"{nct}.json"]))
        fetched.source = from_file.source
        assert fetched == from_file


def test_an_unknown_id_is_unreadable_with_the_registrys_answer(server, tmp_path):
    client = RegistryClient(settings(server, tmp_path))
    [item] = list(study_records(client, "NCT09999999"))
    assert isinstance(item, Unreadable) and item.record_id == "NCT09999999"
    assert "HTTP 404" in item.reason and NOT_FOUND_BODY in item.reason


def test_429_then_success_honours_retry_after(server, tmp_path):
    path = "/api/v2/studies/NCT03418623"
    server.state.throttle[path] = 2  # two 429s (the cache probe and its retry), then the answer
    server.state.retry_after = "1"
    client = RegistryClient(settings(server, tmp_path, cache_dir=None))
    started = time.monotonic()
    [rec] = list(study_records(client, "NCT03418623"))
    assert isinstance(rec, TrialRecord)
    assert time.monotonic() - started >= 1.9  # waited as long as Retry-After said, twice
    assert sum(r.startswith(path) for r in server.state.requests) == 3


def test_a_server_error_that_does_not_stop_is_the_records_reason(server, tmp_path):
    server.state.broken.add("/api/v2/studies/NCT03418623")
    client = RegistryClient(settings(server, tmp_path, cache_dir=None, retries=2))
    [item] = list(study_records(client, "NCT03418623"))
    assert isinstance(item, Unreadable) and "HTTP 503" in item.reason
    assert len(server.state.requests) == 3  # the first try and two retries


def test_a_slow_answer_times_out_as_an_unreadable_record(server, tmp_path):
    server.state.slow["/api/v2/studies/NCT03418623"] = 2.0
    client = RegistryClient(settings(server, tmp_path, cache_dir=None, read_timeout=0.3, retries=0))
    [item] = list(study_records(client, "NCT03418623"))
    assert isinstance(item, Unreadable) and "did not answer within 0.3 s" in item.reason


def test_a_truncated_body_is_unreadable_not_a_crash(server, tmp_path):
    server.state.truncate["/api/v2/studies/NCT03418623"] = 500
    client = RegistryClient(settings(server, tmp_path, cache_dir=None, retries=0))
    [item] = list(study_records(client, "NCT03418623"))
    assert isinstance(item, Unreadable) and item.record_id == "NCT03418623"
    assert "cut off" in item.reason or "invalid JSON" in item.reason


def test_the_cache_is_keyed_by_id_and_last_update_and_refresh_bypasses_it(server, tmp_path):
    client = RegistryClient(settings(server, tmp_path))
    first = list(study_records(client, "NCT03418623"))[0]
    cached = tmp_path / "cache" / "NCT03418623" / "2020-10-08.json"  # lastUpdatePostDateStruct.date
    assert cached.is_file()
    server.state.requests.clear()
    again = list(study_records(client, "NCT03418623"))[0]
    assert server.state.requests == ["/api/v2/studies/NCT03418623?fields=NCTId%2CLastUpdatePostDate"]  # only the probe
    assert again.source.fetched == first.source.fetched  # provenance: when it was really fetched
    # a new last-update date is a cache miss
    server.state.studies["NCT03418623"]["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2021-01-05"
    server.state.requests.clear()
    list(study_records(client, "NCT03418623"))
    assert len(server.state.requests) == 2 and (tmp_path / "cache" / "NCT03418623" / "2021-01-05.json").is_file()
    server.state.requests.clear()
    refreshed = RegistryClient(settings(server, tmp_path, refresh=True))
    list(study_records(refreshed, "NCT03418623"))
    assert server.state.requests == ["/api/v2/studies/NCT03418623"]


def test_a_multi_page_search_follows_the_page_token(server, tmp_path):
    client = RegistryClient(settings(server, tmp_path, page_size=2))
    items = list(search_records(client, parse_search("search:query.cond=cancer&filter.overallStatus=COMPLETED")))
    assert [r.nct_id for r in items] == IDS
    pages = [r for r in server.state.requests if r.startswith("/api/v2/studies?")]
    assert len(pages) == 3 and "pageToken=tok2" in pages[1] and "query.cond=cancer" in pages[0]
    assert all((tmp_path / "cache" / nct).is_dir() for nct in IDS)  # each study of a page is cached


def test_a_search_page_that_fails_ends_the_search_with_one_unreadable(server, tmp_path):
    server.state.truncate["/api/v2/studies"] = 100
    client = RegistryClient(settings(server, tmp_path, page_size=2, retries=0))
    items = list(search_records(client, parse_search("search:query.cond=x")))
    assert len(items) == 1 and isinstance(items[0], Unreadable) and "search page 1" in items[0].reason


@pytest.mark.parametrize(
    "arg, problem",
    [("search:pageToken=abc", "set by trial-audit"), ("search:cond=lupus", "not a search parameter"), ("search:", "names no search")],
)
def test_bad_searches_are_refused_before_fetching(arg, problem):
    with pytest.raises(ValueError, match=problem):
        parse_search(arg)


def test_an_argument_that_is_an_existing_path_is_read_as_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert kind_of("NCT03418623") == "registry-id"
    (tmp_path / "NCT03418623").write_text("{}")
    assert kind_of("NCT03418623") == "path"
    assert kind_of("search:query.cond=x") == "search" and kind_of("postgresql://u@h/db") == "database"


def test_no_network_is_a_clear_error_and_exit_2(tmp_path):
    unused = "http://127.0.0.1:9/api/v2"  # the discard port: nothing listens there
    with pytest.raises(RegistryUnreachable):
        list(iter_inputs(["NCT03418623"], FetchSettings(base_url=unused, cache_dir=None, retries=0, min_interval=0)))
    result = _audit(["NCT03418623", "--registry-url", unused, "--out", str(tmp_path / "r")], env={"TRIAL_AUDIT_CACHE_DIR": ""})
    assert result.exit_code == 2, result.output
    assert "could not be reached" in result.output and "Traceback" not in result.output


def test_cli_audits_ids_searches_and_files_together_and_counts_add_up(server, tmp_path):
    out = tmp_path / "r"
    env = {"TRIAL_AUDIT_CACHE_DIR": str(tmp_path / "cache")}
    args = ["NCT03418623", "NCT09999999", "search:query.cond=x", str(DATA / "NCT00973089.json"), "--registry-url", server.url]
    result = _audit([*args, "--out", str(out)], env=env)
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    records = report["records"]
    assert len(records) == 1 + 1 + len(IDS) + 1
    summary = report["summary"]
    assert summary["audited"] + summary["unreadable"] == len(records)
    unknown = [r for r in records if r["id"] == "NCT09999999"]
    assert unknown[0]["status"] == "unreadable" and "HTTP 404" in unknown[0]["findings"][0]["message"]
    fetched = [r for r in records if r["source"]["path"].startswith(server.url)]
    assert fetched and all("fetched" in r["source"] for r in fetched)
    assert report["inputs"][:3] == args[:3]


def test_cli_refuses_a_bad_search_with_exit_2(tmp_path):
    result = _audit(["search:fields=NCTId", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2 and "set by trial-audit" in result.output


def test_the_registry_url_may_come_from_the_configuration(server, tmp_path):
    config = tmp_path / "trial-audit.toml"
    config.write_text(f'registry-url = "{server.url}"\n', encoding="utf-8")
    out = tmp_path / "r"
    result = _audit(["NCT03418623", "--config", str(config), "--out", str(out)], env={"TRIAL_AUDIT_CACHE_DIR": ""})
    assert result.exit_code == 0, result.output
    [rec] = json.loads((out / "report.json").read_text())["records"]
    assert rec["source"]["path"] == f"{server.url}/studies/NCT03418623"


def test_sarif_locates_a_fetched_record_at_its_url(server, tmp_path):
    out = tmp_path / "r"
    result = runner.invoke(
        app,
        ["audit", "NCT03418623", "--registry-url", server.url, "-f", "sarif", "-q", "--fail-on", "never", "--out", str(out)],
        env={"TRIAL_AUDIT_CACHE_DIR": ""},
    )
    assert result.exit_code == 0, result.output
    sarif = json.loads((out / "report.sarif").read_text())
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {f"{server.url}/studies/NCT03418623"}  # was mangled into a relative file path
    assert all("fetched" in r["properties"]["source"] for r in sarif["runs"][0]["results"])  # and when


def test_markdown_and_junit_name_a_fetched_records_url_and_fetch_time(server, tmp_path):
    out = tmp_path / "r"
    result = runner.invoke(
        app,
        ["audit", "NCT03418623", "--registry-url", server.url, "-f", "md,junit", "-q", "--fail-on", "never", "--out", str(out)],
        env={"TRIAL_AUDIT_CACHE_DIR": ""},
    )
    assert result.exit_code == 0, result.output
    rows = [line for line in (out / "report.md").read_text().splitlines() if line.startswith("| NCT03418623")]
    assert rows and all(f"{server.url}/studies/NCT03418623" in r and "fetched" in r for r in rows)
    junit = (out / "junit.xml").read_text()
    assert 'name="fetched"' in junit and f"{server.url}/studies/NCT03418623" in junit


def test_diff_shows_the_fixes_of_a_fetched_study_under_its_url_and_changes_nothing(server, tmp_path):
    # a real study served with its criteria list renumbered from 2 (TA110, a safe fix)
    study = json.loads((DATA / "NCT03418623.json").read_text(encoding="utf-8"))
    elig = study["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = "Inclusion Criteria:\n\n2. Adults aged 18 or older\n3. Signed informed consent\n"
    server.state.studies["NCT03418623"] = study
    result = runner.invoke(
        app,
        ["audit", "NCT03418623", "--registry-url", server.url, "--diff", "-q", "--fail-on", "never", "--out", str(tmp_path / "r")],
        env={"TRIAL_AUDIT_CACHE_DIR": ""},
    )
    assert result.exit_code == 0, result.output
    url = f"{server.url}/studies/NCT03418623"
    assert f"--- a/{url}" in result.stdout and f"+++ b/{url}" in result.stdout  # the URL, not a temporary file
    removed = [ln for ln in result.stdout.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln for ln in result.stdout.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert any("2. Adults" in ln for ln in removed) and any("1. Adults" in ln and "2. Signed" in ln for ln in added)
    assert "never changed" in result.output
    assert not (tmp_path / "NCT03418623.json").exists()  # nothing written beside the report
