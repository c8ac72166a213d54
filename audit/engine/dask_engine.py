"""``--engine dask``: the same work units as ``--jobs``, run on Dask distributed.

The input is planned exactly as for worker processes (``readers.plan_units``: runs of small files,
ranges of an archive's members, ranges of an NDJSON file's lines). Each unit is one Dask task:
the worker reads it and checks it with the selected rules, and sends back the units'
RecordResults (and batch tables, for the gate). The client keeps a bounded window of tasks in
flight and takes their results *in plan order*, so they stream into the run's ``ResultStore``
exactly as a serial run's would, and the report is the same.

A local cluster (one single-threaded worker process per job) is started by default; with
``scheduler`` the run joins an existing cluster (``tcp://host:8786``). Every worker must have
trial-audit installed and must see the input paths (a shared file system): the tasks carry paths,
not records. See docs/scale.md.

Dask is an optional dependency (``pip install "trial-audit[dask]"``), imported only here.
"""

from __future__ import annotations

import gc
import pickle
import threading
from collections import deque
from dataclasses import replace
from typing import Any

from trial_audit.core.report import RecordResult
from trial_audit.engine.checker import GC_THRESHOLD, Checker
from trial_audit.engine.options import RunOptions
from trial_audit.engine.run_report import Finaliser, crash_keeps, finish, new_report
from trial_audit.engine.workers import audit_unit_with, default_jobs

#: tasks in flight per worker: enough to keep each busy while the client takes results in order
TASKS_PER_WORKER = 3

# One Checker per worker process and per set of options, built on the worker's first task.
_CHECKERS: dict[bytes, Checker] = {}
# A worker may run tasks on several threads (an in-process cluster, a worker started with
# --nthreads); the rules' per-process caches assume one record at a time.
_LOCK = threading.Lock()


class DaskUnavailable(RuntimeError):
    """Dask distributed is not installed, or the scheduler cannot be reached."""


def _checker(options: RunOptions) -> Checker:
    key = pickle.dumps(options, protocol=pickle.HIGHEST_PROTOCOL)
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = Checker(options)
        checker.warm_up()
        # what is loaded once is moved out of the collector's sight, as checker.collector_tuned does
        gc.freeze()
        gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
        _CHECKERS[key] = checker
    return checker


def run_unit(unit: Any, options: RunOptions) -> tuple[list[RecordResult], list[Any]]:
    """One unit read and checked on a Dask worker (the same work as a ``--jobs`` worker's)."""
    with _LOCK:
        checker = _checker(options)
        return audit_unit_with(checker, unit)


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise DaskUnavailable('the dask engine needs Dask distributed: pip install "trial-audit[dask]" (or dask[distributed])') from err
    if scheduler:
        try:
            return Client(scheduler, timeout="30s")
        except (OSError, TimeoutError) as err:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    # one single-threaded worker process per job: the rules run one record at a time per process
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def audit_units_dask(units: list[Any], options: RunOptions, inputs: list[str], client: Any = None) -> Any:
    """The Report of the planned units, audited on Dask; ``client``: an existing distributed Client."""
    own = client is None
    if own:
        workers = options.jobs if options.jobs > 0 else default_jobs()
        client = _client(options.scheduler, workers)
    try:
        return _run(client, units, options, inputs)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client: Any, units: list[Any], options: RunOptions, inputs: list[str]) -> Any:
    checker = Checker(options)
    worker_options = replace(options, progress=None)  # a callback does not cross processes
    finalise = Finaliser(options)
    cross = checker.cross_pass()  # run rules compare records across units, here, in reading order
    report = new_report(options, inputs, checker)
    gate_tables: list[Any] = []
    done = 0
    n_workers = max(1, len(client.scheduler_info().get("workers", {})) or 1)
    window = max(2, TASKS_PER_WORKER * n_workers)
    # the options go to the cluster once, not with every task
    [options_future] = client.scatter([worker_options], broadcast=True)
    pending: deque[Any] = deque()
    todo = iter(units)
    with crash_keeps(report), finalise, cross:  # their on-disk indexes are removed at the end, crash or not
        for unit in todo:
            pending.append(client.submit(run_unit, unit, options_future, pure=False))
            if len(pending) >= window:
                break
        while pending:
            results, tables = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(client.submit(run_unit, nxt, options_future, pure=False))
            report.records.extend(finalise(cross.feed(results)))
            gate_tables.extend(tables)
            done += len(results)
            if options.progress:
                options.progress(done)
    return finish(report, gate_tables, options)
