"""The run's report: made at the start, fed final results, closed by the gate; kept when the tool crashes.

Every mode (one process, ``--jobs`` workers, Dask) hands the results of each batch or unit, in
reading order, to the same ``Finaliser`` (copies of a record, fingerprints, baseline
suppression) and then to the report's ``ResultStore``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from trial_audit.core.findings import Evidence
from trial_audit.core.report import AUDITED, RecordResult, Report, RuleInfo
from trial_audit.engine.checker import Checker, _engine_finding, _ignored_for
from trial_audit.engine.options import RunOptions
from trial_audit.engine.registry import code_for_event, load_rules, select_rules
from trial_audit.engine.result_store import ResultStore
from trial_audit.engine.run_state import RecordIdIndex


class RunCrashed(Exception):
    """The tool itself failed during a run; ``report`` holds every result made before the fault."""

    def __init__(self, report: Report, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.report = report
        self.error = error


def new_report(options: RunOptions, inputs: list[str] | None, checker: Checker) -> Report:
    return Report(
        records=ResultStore(options.results_in_memory),
        rules=[
            RuleInfo(c.code, c.name, c.category.value, (options.severities.get(code) or c.severity).value, c.summary(), c.doc())
            for code, c in load_rules().items()
        ],
        inputs=inputs or [],
        as_of=(options.as_of or checker.ctx.today).iso(),
        as_of_source="given with --as-of or the configuration" if options.as_of is not None else "today's date: no --as-of given",
        generated=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        fail_on=options.fail_on,
        baseline=options.baseline,
    )


class Finaliser:
    """Makes results final before they are stored: copies of a record, fingerprints, and baseline suppression.

    Holds the run's index of record IDs on disk until ``close`` (the runners use it in a ``with``)."""

    def __init__(self, options: RunOptions) -> None:
        from trial_audit.engine.baseline import load_baseline

        self.known = load_baseline(options.baseline) if options.baseline else None
        self.options = options
        #: record ID -> (where it was first read, copies read so far): a record read twice is reported;
        #: on disk (engine.run_state), as it holds every record ID of the run
        self.seen = RecordIdIndex()
        code = code_for_event("duplicate-record")
        self.duplicate_code = code if any(r.code == code for r in select_rules(options.select, options.ignore)) else None

    def _note_copies(self, results: list[RecordResult]) -> None:
        audited = [r for r in results if r.status == AUDITED]
        if not audited:
            return
        known = self.seen.lookup([r.id for r in audited])  # the batch's IDs read before it
        changed: dict[str, tuple[str, int]] = {}
        for r in audited:
            first = known.get(r.id)
            if first is None:
                known[r.id] = changed[r.id] = (r.source.display(), 0)
                continue
            where, copies = first
            r.copy = copies + 1  # fingerprints keep the copies apart (a baseline counts each one)
            known[r.id] = changed[r.id] = (where, r.copy)
            if self.duplicate_code is not None and not _ignored_for(r.id, self.options):
                msg = (
                    f"Record {r.id} was already read from {where}; this copy ({r.source.display()}) is audited and "
                    "reported separately, so its findings are counted twice. Keep one copy of the record in the input."
                )
                r.findings.insert(
                    0, _engine_finding(self.duplicate_code, msg, Evidence("nct_id", r.id, 0, len(r.id)), self.options.severities)
                )
        self.seen.write(changed)

    def __call__(self, results: list[RecordResult]) -> list[RecordResult]:
        from trial_audit.engine.baseline import fingerprint_results, suppress_known

        self._note_copies(results)
        if self.known is None:
            fingerprint_results(results)  # stable IDs for SARIF and for a later baseline
        else:
            suppress_known(results, self.known)
        return results

    def close(self) -> None:
        """Remove the index of record IDs (the end of the run, or a crash)."""
        self.seen.close()

    def __enter__(self) -> Finaliser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_Finaliser = Finaliser  # the older private name (tests patch it)


@contextmanager
def crash_keeps(report: Report) -> Iterator[None]:
    """A fault of the tool itself (not of one record: those are findings) ends the run with
    ``RunCrashed``, which carries the report of every record done before it."""
    try:
        yield
    except (KeyboardInterrupt, RunCrashed):
        raise
    except Exception as err:  # noqa: BLE001 - MemoryError, a disk full, a bug outside every isolated stage
        raise RunCrashed(report, err) from err


def finish(report: Report, gate_tables: list[Any], options: RunOptions) -> Report:
    if options.gate:
        from trial_audit.engine.gate import run_gate

        report.gate = run_gate(gate_tables, options.gate, docs_dir=options.gx_docs)
    return report
