"""Worker processes (``--jobs``): the planned units of the input, each read and checked by one worker.

The parent plans the units (``readers.plan_units``: runs of small files, archive-member and
NDJSON-line ranges), forks the workers once (they share what it loaded: rules, vocabulary) and
takes their results back in plan order into the run's report, so the report is a serial run's.
The worker side (``audit_unit_with``) is also what a Dask worker runs (``engine.dask_engine``).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from typing import Any

from trial_audit.core.model import Source
from trial_audit.core.report import RecordResult, Report
from trial_audit.engine.checker import GC_THRESHOLD, Checker, batched, collector_tuned
from trial_audit.engine.options import RunOptions
from trial_audit.engine.run_report import Finaliser, crash_keeps, finish, new_report


def default_jobs() -> int:
    """Workers when none are asked for: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_WORKER: Checker | None = None


def _init_worker(options: RunOptions) -> None:
    global _WORKER
    _WORKER = Checker(options)
    # a forked worker inherits the parent's frozen objects and threshold; a spawned one sets its own
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _audit_unit(unit: Any) -> tuple[list[RecordResult], list[Any]]:
    assert _WORKER is not None
    return audit_unit_with(_WORKER, unit)


def audit_unit_with(checker: Checker, unit: Any) -> tuple[list[RecordResult], list[Any]]:
    """One unit read and checked: its results in reading order, and its batch tables for the gate."""
    results: list[RecordResult] = []
    tables = []
    # batches run across the files of a run of files, as a serial read's batches do
    for batch in batched(_guarded_parts(unit), checker.options.batch_size):
        batch_results, table = checker.check_batch(batch)
        results.extend(batch_results)
        if table is not None:
            tables.append(table)
    return results, tables


def _guarded_parts(unit: Any) -> Iterator[Any]:
    """The read items of a unit; a reader fault loses the rest of that piece (one file, or the range) only."""
    for part in unit.parts():
        try:
            yield from part.read()
        except Exception as err:  # noqa: BLE001 - the rest of this piece is lost, the run goes on
            from trial_audit.readers import Unreadable

            reason = f"reader failed; the rest of this input was not read ({type(err).__name__}: {err})"[:500]
            yield Unreadable(Source(part.path), reason)


def audit_parallel(units: list[Any], options: RunOptions, jobs: int, inputs: list[str]) -> Report:
    """The report of the planned units, audited by ``jobs`` worker processes, results taken in plan order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    checker = Checker(options)
    # fork shares what the parent loaded (rules, vocabulary) with every worker
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    # forked workers start from the parent's state: loaded, frozen and tuned before they fork
    tuned: Any = nullcontext()
    if method == "fork":
        checker.warm_up()
        tuned = collector_tuned(checker, warm_up=False)  # warmed up just above
    worker_options = replace(options, progress=None)  # a callback does not cross processes
    finalise = Finaliser(options)
    cross = checker.cross_pass()
    report = new_report(options, inputs, checker)
    gate_tables: list[Any] = []
    done = 0
    ctx = multiprocessing.get_context(method)
    pool_ctx = ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(worker_options,))
    with tuned, crash_keeps(report), finalise, cross, pool_ctx as pool:
        for results, tables in pool.map(_audit_unit, units):
            report.records.extend(finalise(cross.feed(results)))
            gate_tables.extend(tables)
            done += len(results)
            if options.progress:
                options.progress(done)
    return finish(report, gate_tables, options)
