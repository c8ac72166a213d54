"""Scale-out must not change the audit: runs of small files as one unit of work, and --engine dask.

Issue 21: one unit of work per single-study file made the default worker mode three times slower
than one process on a folder of 6,000 files (each unit paid a task round trip and a batch-table
validation for one record). Small files are now grouped into runs; these tests check that the
runs keep the reading order, that a reader fault still loses one file only, and that the Dask
engine gives the serial report.
"""

import re
import shutil

import pytest
from conftest import SEEDS

from trial_audit.core.dates import parse_date
from trial_audit.engine import runner, workers
from trial_audit.engine.runner import RunOptions, audit_paths
from trial_audit.readers import iter_records, plan, plan_units

_NCT_XML = re.compile(r"<nct_id>NCT[0-9]{8}</nct_id>")


def _comparable(report):
    d = report.to_dict()
    d.pop("generated")
    return d


def _many_files(folder, copies):
    """Single-study files from the bundled seeds under fresh NCT IDs (one v2 JSON and one XML each copy)."""
    folder.mkdir()
    v2 = (SEEDS / "v2_NCT00973089.json").read_text()
    xml = (SEEDS / "xml_NCT00581919.xml").read_text()
    for i in range(copies):
        (folder / f"a{i:03d}.json").write_text(v2.replace("NCT00973089", f"NCT9{i:07d}"))
        (folder / f"b{i:03d}.xml").write_text(_NCT_XML.sub(f"<nct_id>NCT8{i:07d}</nct_id>", xml, count=1))
    return folder


def _ids(items):
    return [(type(r).__name__, getattr(r, "nct_id", None), r.source.path) for r in items]


def test_small_files_are_grouped_into_runs_in_reading_order(tmp_path):
    folder = _many_files(tmp_path / "files", 6)
    units = plan_units([folder], members_per_unit=5)
    assert [u.kind for u in units] == ["files", "files", "files"]
    assert [len(u.paths) for u in units] == [5, 5, 2]
    assert _ids(r for u in units for r in u.read()) == _ids(iter_records([folder]))


def test_a_run_of_files_is_cut_at_the_byte_bound_and_around_split_inputs(tmp_path):
    folder = _many_files(tmp_path / "files", 2)
    sizes = sorted(p.stat().st_size for p in folder.iterdir())
    units = plan.group_small_files(plan_units([folder], members_per_unit=1), per_unit=10, max_bytes=sizes[-1] + sizes[0])
    assert sum(len(u.paths) or 1 for u in units) == 4 and len(units) >= 2
    shutil.copy(SEEDS / "xml_NCT01502891.xml", folder / "c.xml")
    ranged = plan.Unit(str(folder / "x.zip"), 0, 3, 100, "zip")
    whole = plan_units([folder], members_per_unit=1)
    mixed = plan.group_small_files([*whole[:2], ranged, *whole[2:]], per_unit=10)
    assert [u.kind for u in mixed] == ["files", "zip", "files"]  # a range is never merged into a run


def test_a_reader_fault_in_a_run_of_files_loses_that_file_only(tmp_path, monkeypatch):
    folder = _many_files(tmp_path / "files", 3)
    [unit] = plan_units([folder])
    broken = str(folder / "a001.json")
    real = plan.read_path

    def read_path(path):
        if str(path) == broken:
            raise RuntimeError("reader bug")
        return real(path)

    monkeypatch.setattr(plan, "read_path", read_path)
    options = RunOptions(jobs=1)
    workers._WORKER = workers.Checker(options)
    try:
        results, _tables = workers._audit_unit(unit)
    finally:
        workers._WORKER = None
    assert len(results) == 6
    [lost] = [r for r in results if r.status == "unreadable"]
    assert lost.source.path == broken and "reader failed" in lost.findings[0].message


def test_workers_on_many_small_files_report_as_serial(tmp_path, monkeypatch):
    folder = _many_files(tmp_path / "files", 8)
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(plan, "FILES_PER_UNIT", 3)
    options = dict(as_of=parse_date("2026-11-27"))
    serial = audit_paths([folder], RunOptions(jobs=1, **options))
    parallel = audit_paths([folder], RunOptions(jobs=2, **options))
    assert len(serial.records) == 16
    assert _comparable(parallel) == _comparable(serial)


def test_dask_engine_reports_as_serial(tmp_path):
    distributed = pytest.importorskip("distributed")
    from trial_audit.engine.dask_engine import audit_units_dask

    folder = _many_files(tmp_path / "files", 4)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    paths = [folder, tmp_path / "seeds"]
    options = dict(as_of=parse_date("2026-11-27"), results_in_memory=3)  # the store spills to disk too
    serial = audit_paths(paths, RunOptions(jobs=1, **options))
    units = plan_units(paths, members_per_unit=3)
    assert len(units) > 4
    # in-process workers: starting worker processes would cost seconds per test run
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            report = audit_units_dask(units, RunOptions(engine="dask", **options), [str(p) for p in paths], client=client)
    assert len(serial.records) > 8
    assert _comparable(report) == _comparable(serial)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        audit_paths([SEEDS], RunOptions(engine="spark"))


def test_dask_engine_without_dask_says_how_to_install_it(monkeypatch):
    import sys

    from trial_audit.engine.dask_engine import DaskUnavailable

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(DaskUnavailable, match=r"trial-audit\[dask\]"):
        audit_paths([SEEDS], RunOptions(engine="dask"))
