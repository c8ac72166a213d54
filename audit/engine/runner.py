"""The audit run: read -> canonical records -> rules -> findings -> Report.

Records are streamed in bounded batches: a batch is read, checked (``engine.checker``: record
rules one record at a time, table rules over the batch's table) and reduced to its results
(findings, quoted field texts) before the next batch is read. Results are made final at once
(``engine.run_report``: fingerprints, baseline suppression) and go to a ``ResultStore``, which
keeps the newest in memory and the rest in a temporary file: memory does not grow with the
number of records. Large inputs go to worker processes (``engine.workers``) or to Dask
(``engine.dask_engine``), which run the same checks on planned units of the input.

This module chooses the mode and runs the serial one; it also re-exports the run's public names
(``RunOptions``, ``Checker``, ``RunCrashed`` ...), where callers have always imported them.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from trial_audit.core.model import Source, TrialRecord
from trial_audit.core.report import Report
from trial_audit.engine.checker import (
    GC_THRESHOLD,
    Checker,
    batched,
    check_record,
    collector_tuned,
    rule_failed,
    stage_failed,
    unreadable_result,
)
from trial_audit.engine.options import RunOptions
from trial_audit.engine.run_report import Finaliser, RunCrashed, _Finaliser, crash_keeps, finish, new_report
from trial_audit.engine.workers import audit_parallel, audit_unit_with, default_jobs

__all__ = [
    "GC_THRESHOLD",
    "PARALLEL_MIN_BYTES",
    "Checker",
    "Finaliser",
    "RunCrashed",
    "RunOptions",
    "_Finaliser",
    "audit_items",
    "audit_paths",
    "audit_unit_with",
    "batched",
    "check_record",
    "collector_tuned",
    "crash_keeps",
    "default_jobs",
    "finish",
    "guarded_inputs",
    "new_report",
    "rule_failed",
    "stage_failed",
    "unreadable_result",
]

#: below this much input, starting workers costs more than it saves
PARALLEL_MIN_BYTES = 4 * 1024 * 1024


def audit_paths(paths: list[str | Path], options: RunOptions | None = None) -> Report:
    """Run the whole audit over files, folders and archives and return the Report.

    Large inputs made of several files or archive members are audited by worker processes
    (``options.jobs``), each reading and checking whole pieces of the input; results come back
    in reading order, so the report is the same as a serial run's.
    """
    from trial_audit.readers import plan_units

    options = options or RunOptions()
    inputs = [str(p) for p in paths]
    if options.engine == "dask":
        units = plan_units(paths)
        if units:  # None: the input cannot be split faithfully; a serial read reports why
            from trial_audit.engine.dask_engine import audit_units_dask

            return audit_units_dask(units, options, inputs)
    elif options.engine != "local":
        raise ValueError(f"unknown engine {options.engine!r}: 'local' or 'dask'")
    jobs = options.jobs if options.jobs > 0 else default_jobs()
    if jobs > 1:
        units = plan_units(paths)
        if units and len(units) > 1 and sum(u.size for u in units) >= PARALLEL_MIN_BYTES:
            return audit_parallel(units, options, min(jobs, len(units)), inputs)
    return audit_items(guarded_inputs(list(paths)), options, inputs=inputs)


def audit_items(items: Iterable[Any], options: RunOptions, inputs: list[str] | None = None) -> Report:
    """Run the audit over already-read items (records and Unreadable markers), in one process."""
    checker = Checker(options)
    finalise = Finaliser(options)
    cross = checker.cross_pass()
    report = new_report(options, inputs, checker)
    gate_tables = []
    done = 0
    # the finaliser and the cross-record pass remove their on-disk indexes at the end, crash or not
    with collector_tuned(checker, warm_up=False), crash_keeps(report), finalise, cross:
        warm = False
        for batch in batched(items, options.batch_size):
            if not warm and any(isinstance(item, TrialRecord) for item in batch):
                # the vocabulary is loaded at the first readable record (input that is all
                # unreadable does not pay ~0.2 s for it), and frozen with the rest
                checker.warm_up()
                gc.freeze()
                warm = True
            results, table = checker.check_batch(batch)
            report.records.extend(finalise(cross.feed(results)))
            if table is not None:
                gate_tables.append(table)
            done += len(batch)
            if options.progress:
                options.progress(done)
    return finish(report, gate_tables, options)


def guarded_inputs(paths: list[str | Path]) -> Iterator[Any]:
    """The read items of each input path; a reader fault loses the rest of that path only, as one Unreadable."""
    from trial_audit.readers import Unreadable, iter_records

    for p in paths:
        try:
            yield from iter_records([p])
        except Exception as err:  # noqa: BLE001 - reported as unreadable, never raised
            yield Unreadable(Source(str(p)), f"reader failed; the rest of this input was not read ({type(err).__name__}: {err})"[:500])
