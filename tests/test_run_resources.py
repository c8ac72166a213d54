"""What a run holds: results beyond a limit wait on disk, in order; the collector is left as found."""

from __future__ import annotations

import orjson

from trial_audit.core.model import Source
from trial_audit.core.report import AUDITED, RecordResult
from trial_audit.engine.result_store import ResultStore
from trial_audit.engine.runner import RunOptions, audit_paths
from trial_audit.reports.json_report import to_json_bytes
from trial_audit.reports.markdown import render_markdown

SEEDS = "seeds"


def _result(i: int) -> RecordResult:
    return RecordResult(f"NCT{i:08d}", Source(f"f{i}.json"), "ctgov-v2", AUDITED, texts={"criteria": "x" * (i % 7)})


def test_spills_to_disk_and_reads_back_in_order():
    store = ResultStore(in_memory=10, chunk=4)
    store.extend(_result(i) for i in range(57))
    assert len(store) == 57
    assert store.spilled >= 40  # all but the newest ~10 are on disk
    assert [r.id for r in store] == [f"NCT{i:08d}" for i in range(57)]
    assert [r.id for r in store] == [f"NCT{i:08d}" for i in range(57)]  # iterable again
    assert store[0].id == "NCT00000000" and store[-1].id == "NCT00000056" and store[13].texts == {"criteria": "x" * 6}


def test_small_store_stays_in_memory():
    store = ResultStore(in_memory=100)
    store.extend(_result(i) for i in range(30))
    assert store.spilled == 0 and len(store) == 30 and bool(store)
    assert not ResultStore()


def _without_time(report_bytes: bytes) -> dict:
    d = orjson.loads(report_bytes)
    d.pop("generated")
    return d


def test_a_run_that_spills_writes_the_same_reports():
    spilled = audit_paths([SEEDS], RunOptions(results_in_memory=3, jobs=1))
    kept = audit_paths([SEEDS], RunOptions(jobs=1))
    assert spilled.records.spilled > 0 and kept.records.spilled == 0
    assert _without_time(to_json_bytes(spilled)) == _without_time(to_json_bytes(kept))
    assert spilled.summary() == kept.summary()
    assert render_markdown(spilled).split("\n", 3)[3] == render_markdown(kept).split("\n", 3)[3]
    # fingerprints were set before the results went to disk
    assert all(f.fingerprint for r in spilled.records for f in r.findings)


def test_streamed_json_equals_the_documented_dict():
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    assert orjson.loads(to_json_bytes(report)) == orjson.loads(orjson.dumps(report.to_dict()))


def test_baseline_suppression_survives_the_disk(tmp_path):
    from trial_audit.engine.baseline import write_baseline

    base = tmp_path / "baseline.json"
    first = audit_paths([SEEDS], RunOptions(jobs=1))
    n = write_baseline(first, base)
    again = audit_paths([SEEDS], RunOptions(jobs=1, baseline=str(base), results_in_memory=3))
    assert again.records.spilled > 0
    assert n > 0 and again.summary()["suppressed"] == n and again.summary()["findings"] == 0
    assert not again.failing()


def test_the_run_gives_the_collector_back_as_it_found_it():
    import gc

    from trial_audit.engine import runner

    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    seen = []
    options = RunOptions(jobs=1, progress=lambda n: seen.append((gc.get_threshold()[0], gc.get_freeze_count())))
    audit_paths([SEEDS], options)
    # during the run: the loaded objects frozen, generation 0 collected less often
    assert seen and all(t == runner.GC_THRESHOLD and f > frozen for t, f in seen)
    # after it: as before
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_the_collector_is_tuned_before_the_first_record_is_read():
    """Reading is most of what allocates: the first batch must be read tuned, too."""
    import gc

    from trial_audit.engine import runner
    from trial_audit.readers import iter_records

    states = []

    def items():
        for item in iter_records([SEEDS]):
            states.append(gc.get_threshold()[0])
            yield item

    runner.audit_items(items(), RunOptions(jobs=1))
    assert states and all(t == runner.GC_THRESHOLD for t in states)


def test_input_that_is_all_unreadable_does_not_load_the_vocabulary(tmp_path, monkeypatch):
    from trial_audit.engine import runner

    warmed = []
    monkeypatch.setattr(runner.Checker, "warm_up", lambda self: warmed.append(True))
    (tmp_path / "broken.json").write_text("{ not json")
    report = audit_paths([tmp_path], RunOptions(jobs=1))
    assert report.summary()["unreadable"] == 1 and warmed == []
    audit_paths([SEEDS], RunOptions(jobs=1))
    assert warmed == [True]


def test_every_writer_gives_the_same_output_from_a_spilled_run(tmp_path):
    from trial_audit.reports import load_writers

    spilled = audit_paths([SEEDS], RunOptions(results_in_memory=3, jobs=1))
    kept = audit_paths([SEEDS], RunOptions(jobs=1))
    kept.generated = spilled.generated  # the only difference between the runs
    assert spilled.records.spilled > 0
    for name, w in load_writers().items():
        a, b = tmp_path / f"spilled.{name}", tmp_path / f"kept.{name}"
        w.write(spilled, a)
        w.write(kept, b)
        assert a.read_bytes() == b.read_bytes(), name
