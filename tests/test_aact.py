"""Reading an AACT database: a real PostgreSQL server (``.ci/postgres.sh``; URL in
TRIAL_AUDIT_TEST_PG_URL) loaded with AACT's tables and columns from real v2 records, audited, and
compared finding by finding with auditing the same records from their files."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from tests import aact_fixture
from tests.conftest import SHARED_DATA
from tests.fetch_server import DATA
from trial_audit.core.dates import parse_date
from trial_audit.core.model import TrialRecord
from trial_audit.readers import iter_records
from trial_audit.readers.aact import DatabaseUnreachable, read_aact
from trial_audit.readers.base import Unreadable

runner = CliRunner()

#: rules whose findings may differ between AACT and the file, and why (fields AACT does not carry);
#: measured on the 5 test records + all single v2 studies + the tune part of the v2 bulk: none differ
DIFFERING_RULES: dict[str, str] = {}


def _tune(nct: str) -> bool:
    """The tune part of the bulk data (benchmarks/split.py): never the unseen part."""
    return int(hashlib.sha256(nct.upper().encode()).hexdigest()[:8], 16) % 4 != 0


def _studies() -> list[tuple[Path, dict[str, Any]]]:
    """Real v2 studies: the test copies, and from ../shared/data the single studies and the tune part of the bulk."""
    out = [(p, orjson.loads(p.read_bytes())) for p in sorted(DATA.glob("NCT*.json"))]
    seen = {s["protocolSection"]["identificationModule"]["nctId"] for _, s in out}
    singles = SHARED_DATA / "ctgov-v2"
    if singles.is_dir():
        for p in sorted(singles.glob("NCT*.json")):
            study = orjson.loads(p.read_bytes())
            nct = _get_nct(study)
            if nct and nct not in seen:  # two files of the shared data hold the same study
                seen.add(nct)
                out.append((p, study))
    bulk = SHARED_DATA / "ctgov-v2-bulk"
    if bulk.is_dir():
        for p in sorted(bulk.glob("*.ndjson")):
            for line in p.read_bytes().splitlines():
                try:
                    study = orjson.loads(line)
                    nct = study["protocolSection"]["identificationModule"]["nctId"]
                except (orjson.JSONDecodeError, KeyError, TypeError):
                    continue
                if _tune(nct) and nct not in seen:
                    seen.add(nct)
                    out.append((p, study))
    return out


def _get_nct(study: Any) -> str | None:
    try:
        return study["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None


@pytest.fixture(scope="module")
def aact() -> tuple[str, list[dict[str, Any]]]:
    url = aact_fixture.pg_url()
    if url is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the AACT tests: .ci/run starts PostgreSQL and sets {aact_fixture.PG_URL_ENV}")
        pytest.skip(f"no PostgreSQL server: run `export {aact_fixture.PG_URL_ENV}=$(bash .ci/postgres.sh)` (as root)")
    studies = [s for _, s in _studies()]
    try:
        aact_fixture.load(url, studies)
    except Exception as e:  # noqa: BLE001 - a server that is not there
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL at {url} is not reachable ({type(e).__name__}: {e})")
    return url, studies


def _findings(items) -> dict[str, Counter]:
    from trial_audit.engine.runner import RunOptions, audit_items

    report = audit_items(items, RunOptions(as_of=parse_date("2026-11-27"), jobs=1))
    out: dict[str, Counter] = {}
    for rec in report.records:
        out[rec.id] = Counter((f.rule, f.field, f.evidence.text if f.evidence else None, f.message) for f in rec.findings)
    return out


def test_aact_records_give_the_same_findings_as_their_files(aact):
    url, studies = aact
    from_db = list(read_aact(url))
    assert len(from_db) == len(studies) and all(isinstance(r, TrialRecord) for r in from_db)
    from_files = [r for r in iter_records([DATA]) if isinstance(r, TrialRecord)]
    wanted = {s["protocolSection"]["identificationModule"]["nctId"] for s in studies}
    # every file record of the loaded studies, read again from its file (the bulk ones from their line)
    from trial_audit.core.model import Source
    from trial_audit.readers.studies import one_study

    by_id = {r.nct_id: r for r in from_files}
    for _, s in _studies():
        nct = s["protocolSection"]["identificationModule"]["nctId"]
        if nct not in by_id:
            rec = one_study(s, Source("file", "ctgov-v2"))
            assert isinstance(rec, TrialRecord)
            by_id[nct] = rec
    assert set(by_id) >= wanted
    db, files = _findings(from_db), _findings([by_id[n] for n in sorted(wanted)])
    assert set(db) == set(files)
    differences = []
    for nct in sorted(db):
        only_db = {k: v for k, v in (db[nct] - files[nct]).items() if k[0] not in DIFFERING_RULES}
        only_file = {k: v for k, v in (files[nct] - db[nct]).items() if k[0] not in DIFFERING_RULES}
        if only_db or only_file:
            differences.append((nct, only_db, only_file))
    assert not differences, differences[:3]
    assert sum(sum(c.values()) for c in db.values()) > len(db)  # the comparison compared findings


def test_provenance_names_table_and_column_and_the_as_of_is_aacts_download_date(aact):
    url, _ = aact
    [rec] = list(read_aact(url, ids=["NCT03475563"]))
    assert rec.provenance["criteria"] == "eligibilities.criteria"
    assert rec.provenance["dates.start"] == "studies.start_month_year"
    assert rec.provenance["primary_outcomes[0]"].startswith("design_outcomes[")
    assert rec.provenance["locations[0].city"] == "facilities[0].city"
    assert rec.provenance["as_of"] == "calculated_values.nlm_download_date" and rec.as_of.iso() == "2024-01-03"
    assert (
        rec.source.format == "ctgov-v2"
        and rec.source.path.startswith("postgresql://")
        and rec.source.member == "studies/NCT03475563"
        and rec.source.fetched
    )


def test_ids_are_a_parameter_and_an_id_the_database_lacks_is_unreadable(aact):
    url, _ = aact
    items = list(read_aact(url, ids=["NCT03418623", "NCT09999999", "x' OR '1'='1"]))
    assert [getattr(i, "nct_id", None) for i in items[:1]] == ["NCT03418623"]
    missing = [i for i in items if isinstance(i, Unreadable)]
    assert {m.record_id for m in missing} == {"NCT09999999", "x' OR '1'='1"}
    assert all("no study with this NCT ID" in m.reason for m in missing)


def test_where_is_the_users_sql_on_studies_with_a_literal_percent(aact):
    url, studies = aact
    expected = sorted(
        s["protocolSection"]["identificationModule"]["nctId"]
        for s in studies
        if s["protocolSection"]["statusModule"].get("overallStatus") == "COMPLETED"
        and "a" in (s["protocolSection"]["identificationModule"].get("briefTitle") or "").lower()
    )
    items = list(read_aact(url, where="overall_status = 'COMPLETED' AND brief_title ILIKE '%a%'"))
    assert [r.nct_id for r in items] == expected and expected


def test_studies_stream_in_batches_in_nct_id_order(aact):
    url, studies = aact
    items = list(read_aact(url, batch=2))
    assert len(items) == len(studies)
    assert [r.nct_id for r in items] == sorted(r.nct_id for r in items)


def test_a_database_that_cannot_be_reached_is_a_clear_error_and_exit_2(tmp_path):
    bad = "postgresql://nobody:secret@127.0.0.1:9/aact"
    with pytest.raises(DatabaseUnreachable) as e:
        list(read_aact(bad))
    assert "secret" not in str(e.value) and "nobody:***@127.0.0.1:9" in str(e.value)
    result = runner.invoke(app_(), ["audit", bad, "-f", "json", "-q", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2 and "could not be read" in result.output and "secret" not in result.output


def test_cli_reads_the_database_with_ids_and_where_and_counts_add_up(aact, tmp_path):
    url, _ = aact
    out = tmp_path / "r"
    args = ["audit", url, "NCT03418623", "NCT00973089", "NCT09999999", "-f", "json", "-q", "-j", "1", "--fail-on", "never"]
    result = runner.invoke(app_(), [*args, "--as-of", "2026-11-27", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    assert [r["id"] for r in report["records"]] == ["NCT00973089", "NCT03418623", "NCT09999999"]
    assert report["summary"]["audited"] == 2 and report["summary"]["unreadable"] == 1
    assert all(r["source"]["path"] == aact_fixture.redact_url(url) for r in report["records"])


def test_where_without_a_database_is_a_usage_error(tmp_path):
    result = runner.invoke(app_(), ["audit", str(DATA), "--where", "true", "-q", "--out", str(tmp_path / "r")])
    assert result.exit_code == 2 and "--where applies to a database input" in result.output


def app_():
    from trial_audit.cli.app import app

    return app
