"""The audit run: read -> canonical records -> rules -> findings -> Report.

Records are streamed in bounded batches: a batch is read, checked (record rules one record at
a time, table rules over the batch's table) and reduced to its results (findings, quoted field
texts) before the next batch is read. Results are made final at once (fingerprints, baseline
suppression) and go to a ``ResultStore``, which keeps the newest in memory and the rest in a
temporary file: memory does not grow with the number of records.
"""

from __future__ import annotations

import datetime as _dt
import fnmatch
import gc
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any, Callable

from trial_audit.core.dates import PartialDate, today
from trial_audit.core.findings import Evidence, Finding, Severity
from trial_audit.core.model import Source, TrialRecord
from trial_audit.core.report import AUDITED, UNREADABLE, RecordResult, Report, RuleInfo
from trial_audit.engine.bounds import (
    DEFAULT_MAX_FIELD_SIZE,
    DEFAULT_MAX_FINDINGS_PER_RULE,
    DEFAULT_MAX_QUOTE_CHARS,
    DEFAULT_MAX_TEXT_CHARS,
    cap_findings_per_rule,
    cap_quotes,
    cap_text,
    truncate_oversized_fields,
)
from trial_audit.engine.cross import CrossRecordPass
from trial_audit.engine.registry import RULES, Context, Rule, RunRule, TableRule, code_for_event, load_rules, matches, select_rules
from trial_audit.engine.result_store import ResultStore

# Engine-produced findings (the rules are documented in checks/ta00x_*.py).


@dataclass
class RunOptions:
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severities: dict[str, Severity] = field(default_factory=dict)
    #: (NCT ID glob pattern, selectors) pairs: those rules are not reported for matching records
    per_record_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    as_of: PartialDate | None = None
    fail_on: str = "error"
    batch_size: int = 500
    #: results kept in memory; older ones wait in a temporary file until the reports are written
    results_in_memory: int = 2000
    #: worker processes: 0 = as many as there are cores (when the input is large enough), 1 = none
    jobs: int = 0
    gate: str | None = None  # path of a GX suite file, or "default"
    gx_docs: str | None = None
    baseline: str | None = None
    #: called with the number of records done so far (for a progress bar)
    progress: Callable[[int], None] | None = None
    #: characters of one field the rules analyse; longer fields are cut, with a finding (0 = no bound)
    max_field_size: int = DEFAULT_MAX_FIELD_SIZE
    #: findings of one rule listed per record; the rest are counted in one closing finding (0 = all)
    max_findings_per_rule: int = DEFAULT_MAX_FINDINGS_PER_RULE
    #: characters of quoted evidence, and of each quoted field's text, kept in the reports
    max_quote_chars: int = DEFAULT_MAX_QUOTE_CHARS
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    #: "local" (this machine: one process, or worker processes with ``jobs``) or "dask" (Dask distributed)
    engine: str = "local"
    #: with engine "dask": the address of an existing scheduler (None = start a local cluster of ``jobs`` workers)
    scheduler: str | None = None


class RunCrashed(Exception):
    """The tool itself failed during a run; ``report`` holds every result made before the fault."""

    def __init__(self, report: Report, error: BaseException) -> None:
        super().__init__(f"{type(error).__name__}: {error}")
        self.report = report
        self.error = error


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _quoted_texts(record: TrialRecord, findings: list[Finding], max_chars: int = 0) -> tuple[dict[str, str], dict[str, str]]:
    """The full text (up to ``max_chars``, the cut shown), and the source path, of every field the findings quote."""
    fields = {f.field for f in findings if f.field}
    fields |= {r.field for f in findings for r in f.related}
    texts, paths = {}, {}
    for name in sorted(fields):
        t = record.text(name)
        if t is not None:
            texts[name] = cap_text(t, max_chars)
        path = record.provenance.get(name)
        if path is not None:
            paths[name] = path
    return texts, paths


def _ignored_for(record_id: str, options: RunOptions) -> list[str]:
    out: list[str] = []
    for pattern, selectors in options.per_record_ignores:
        if fnmatch.fnmatchcase(record_id, pattern):
            out.extend(selectors)
    return out


def _keep(finding: Finding, ignored: list[str]) -> bool:
    if not ignored:
        return True
    cls = RULES.get(finding.rule)
    return cls is None or not any(matches(cls, s) for s in ignored)


def _engine_finding(code: str, message: str, evidence: Evidence | None, severities: dict[str, Severity]) -> Finding:
    cls = RULES[code]
    return cls(severities.get(code)).finding(message, evidence=evidence)


def unreadable_result(item: Any, options: RunOptions) -> RecordResult:
    where = item.source.display()
    if item.line is not None:
        where += f" (line {item.line}" + (f", column {item.column}" if item.column is not None else "") + ")"
    msg = f"Could not read {where}: {item.reason}. Fix or re-export the file; nothing in it was audited."
    ev = Evidence("source", item.excerpt or "", 0, len(item.excerpt or ""))
    finding = _engine_finding(code_for_event("unreadable"), msg, ev, options.severities)
    rid = item.record_id or item.source.display()
    return RecordResult(rid, item.source, item.source.format or "unknown", UNREADABLE, [finding], texts={})


def _no_identity_result(record: TrialRecord, options: RunOptions) -> RecordResult:
    msg = (
        f"The record in {record.source.display()} has no NCT ID, no registry ID and no organisation study ID, so it "
        "cannot be identified or tracked. Add the registry identifier."
    )
    finding = _engine_finding(code_for_event("no-identity"), msg, Evidence("nct_id", "", 0, 0), options.severities)
    return RecordResult(record.source.display(), record.source, record.source.format, UNREADABLE, [finding])


def check_record(record: TrialRecord, rules: list[Rule], ctx: Context, severities: dict[str, Severity] | None = None) -> list[Finding]:
    """Every rule's findings on one record; a rule that raises becomes a rule-failed finding, not a crash."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(record, ctx))  # what a failing rule found before it failed stays
        except Exception as err:  # noqa: BLE001 - any rule bug, on any record
            findings.append(rule_failed(rule, err, severities or {}))
    return findings


def rule_failed(rule: Rule, err: BaseException, severities: dict[str, Severity]) -> Finding:
    """The rule-failed finding for a rule that raised ``err`` (on one record, or on a batch table)."""
    error = f"{type(err).__name__}: {err}"[:300]
    msg = (
        f"Rule {rule.code} ({rule.name}) failed on this record with an internal error ({error}), so "
        f"its check was not made. This is a fault in trial-audit: report it with this record; the "
        f"other rules checked the record."
    )
    return _engine_finding(code_for_event("rule-failed"), msg, Evidence("source", error, 0, len(error)), severities)


def stage_failed(stage: str, err: BaseException, severities: dict[str, Severity]) -> Finding:
    """The error finding for a record on which a stage of the run (not a rule) failed."""
    error = f"{type(err).__name__}: {err}"[:300]
    msg = (
        f"trial-audit failed on this record while {stage} ({error}). This is a fault in trial-audit, not "
        f"in the record: report it with this record. The other records were audited as usual."
    )
    return _engine_finding(code_for_event("rule-failed"), msg, Evidence("source", error, 0, len(error)), severities)


def _truncation_findings(record: TrialRecord, options: RunOptions) -> list[Finding]:
    """Cut fields over ``max_field_size`` before the rules read them; one finding per cut field."""
    cuts = truncate_oversized_fields(record, options.max_field_size)
    if not cuts:
        return []
    code = code_for_event("field-truncated")
    out = []
    for cut in cuts:
        msg = (
            f"{cut.field} is {cut.original_length:,} characters long, over the {cut.kept:,}-character bound on one "
            f"field (max-field-size), so only its first {cut.kept:,} characters were checked and are quoted. No "
            f"registry field is this long: the export or conversion that made the record likely merged other "
            f"content into this field. Re-export the record; raise --max-field-size only if the text is real."
        )
        out.append(_engine_finding(code, msg, cut.evidence, options.severities))
    return out


def _sort_key(f: Finding) -> tuple[Any, ...]:
    return (f.rule, f.field or "", f.evidence.start if f.evidence else 0)


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
            return _audit_parallel(units, options, min(jobs, len(units)), inputs)
    return audit_items(guarded_inputs(list(paths)), options, inputs=inputs)


def default_jobs() -> int:
    """Workers when none are asked for: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


#: generation-0 threshold during a run (CPython's default is 700)
GC_THRESHOLD = 50_000


@contextmanager
def collector_tuned(checker: "Checker", warm_up: bool = True) -> Iterator[None]:
    """Keep the cyclic garbage collector from rescanning what is loaded once, during a run.

    Reading a record allocates many container objects (element trees, dicts, tuples) that are
    freed by reference counting, not by the collector; with CPython's default threshold the
    collector still ran ~2,600 times per 2,000 records and each older-generation pass walked
    everything loaded once (the condition vocabulary, the rules, pandas): 18% of the run
    (measured with ``gc.callbacks``, docs/performance.md; 1.42 of 7.79 s on 2026-11-28, 0.15 s
    tuned). What is loaded before the run is frozen (moved out of
    the collector's sight) and generation 0 is collected less often; both are undone afterwards.
    ``warm_up=False``: the vocabulary is not loaded here; the caller loads it when the input
    turns out to hold a readable record, then calls ``gc.freeze()`` again.
    """
    if warm_up:
        checker.warm_up()  # load the vocabulary now, so that it is frozen with the rest
    old = gc.get_threshold()
    gc.freeze()  # no gc.collect() first: what is loaded is kept, so a full pass would free next to nothing
    gc.set_threshold(GC_THRESHOLD, old[1], old[2])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


class Checker:
    """The selected rules and their context; turns batches of read items into RecordResults."""

    def __init__(self, options: RunOptions) -> None:
        load_rules()
        self.options = options
        rules = select_rules(options.select, options.ignore, options.severities)
        self.record_rules = [r for r in rules if r.scope == "record"]
        self.table_rules = [r for r in rules if isinstance(r, TableRule)]
        self.run_rules = [r for r in rules if isinstance(r, RunRule)]
        self.ctx = Context(as_of=options.as_of, today=today(), options=options.rule_options)
        from trial_audit.readers.ctgov_csv import set_max_cell

        # a CSV cell may be a few times the analysed size (it is cut, with a finding); past that
        # its row is unreadable, before the csv module holds it (and copies of it) in memory
        set_max_cell(4 * options.max_field_size)

    def warm_up(self) -> None:
        """Let every selected rule load what it needs (``Rule.prepare``), once, before forking."""
        for rule in self.record_rules:
            rule.prepare(self.ctx)

    def check_batch(self, batch: list[Any]) -> tuple[list[RecordResult], Any]:
        """RecordResults in the batch's order, and the batch table when the gate needs it.

        Each stage isolates the records it handles: a failure on one record (cutting its fields,
        a rule, the batch table, assembling its result) becomes an error finding on that record
        naming the stage, and the other records go on.
        """
        options = self.options
        results: list[RecordResult | None] = []
        records: list[TrialRecord] = []
        slots: list[int] = []
        severities = options.severities
        per_record: list[list[Finding]] = []
        for item in batch:
            if not isinstance(item, TrialRecord):
                results.append(unreadable_result(item, options))
            elif not (item.nct_id or item.registry_id or item.org_study_id):
                results.append(_no_identity_result(item, options))
            else:
                slots.append(len(results))
                results.append(None)
                records.append(item)
                try:
                    per_record.append(_truncation_findings(item, options))
                except Exception as err:  # noqa: BLE001 - any fault on one record stays with that record
                    per_record.append([stage_failed("bounding its field sizes", err, severities)])
        if options.as_of is not None:
            # a date a reader only inferred (a CSV export's latest posted date) yields to an
            # explicit --as-of; a date the record states itself (a version date) does not
            for r in records:
                if r.extra.get("as_of_inferred"):
                    r.as_of = None
                    r.extra.pop("as_of_source", None)
        for findings, record in zip(per_record, records):
            findings.extend(check_record(record, self.record_rules, self.ctx, severities))
        table = None
        if records and (self.table_rules or options.gate):
            table, rows = self._table(records, per_record)
            if rows:
                for rule in self.table_rules:
                    try:
                        table_findings = list(rule.check_table(table, self.ctx))
                    except Exception:  # noqa: BLE001 - as for record rules: reported, not raised
                        table_findings = self._table_rule_row_by_row(rule, table)
                    for pos, finding in table_findings:
                        per_record[rows[pos]].append(finding)
        for slot, record, findings in zip(slots, records, per_record):
            try:
                results[slot] = self._result(record, findings)
            except Exception as err:  # noqa: BLE001
                failed = stage_failed("assembling its result", err, severities)
                results[slot] = RecordResult(record.id, record.source, record.source.format, AUDITED, [failed])
            self._digest(record, results[slot])  # type: ignore[arg-type]
        return results, (table if options.gate else None)  # type: ignore[return-value]

    def _digest(self, record: TrialRecord, result: RecordResult) -> None:
        """The record's facts for the run rules (see engine.cross), carried by its result."""
        for rule in self.run_rules:
            try:
                digest = rule.digest(record, result.id)
            except Exception as err:  # noqa: BLE001 - as for record rules: reported on the record
                result.findings.append(rule_failed(rule, err, self.options.severities))
                continue
            if digest is not None:
                result.digests[rule.code] = digest

    def cross_pass(self) -> CrossRecordPass:
        """The pass that compares the records of one trial across the run (run rules)."""
        options = self.options

        def keep(result: RecordResult, finding: Finding) -> bool:
            return _keep(finding, _ignored_for(result.id, options))

        return CrossRecordPass(self.run_rules, keep, lambda rule, err: rule_failed(rule, err, options.severities))

    def _table_rule_row_by_row(self, rule: TableRule, table: Any) -> list[tuple[int, Finding]]:
        """A table rule that failed on the batch, run again on each row alone: the record(s) at
        fault get the rule-failed finding, the others their findings as usual."""
        out: list[tuple[int, Finding]] = []
        for pos in range(len(table)):
            try:
                one = table.iloc[[pos]].reset_index(drop=True)
                out.extend((pos, finding) for _, finding in rule.check_table(one, self.ctx))
            except Exception as err:  # noqa: BLE001
                out.append((pos, rule_failed(rule, err, self.options.severities)))
        return out

    def _table(self, records: list[TrialRecord], per_record: list[list[Finding]]) -> tuple[Any, list[int]]:
        """The batch table and, for each of its rows, the position of its record in ``records``.

        A record that breaks the table is found by building it one record at a time; it gets a
        stage finding and is left out of the table, so that the table rules check the others.
        """
        from trial_audit.engine import table as batch_table

        try:
            return batch_table.build_table(records), list(range(len(records)))
        except Exception:  # noqa: BLE001 - find the record(s) at fault below
            pass
        rows = []
        for pos, record in enumerate(records):
            try:
                batch_table.build_table([record])
                rows.append(pos)
            except Exception as err:  # noqa: BLE001
                per_record[pos].append(
                    stage_failed("building the batch table (the table rules did not check it)", err, self.options.severities)
                )
        try:
            return batch_table.build_table([records[p] for p in rows]), rows
        except Exception as err:  # noqa: BLE001 - the rows fail only together: no table rule checks this batch
            for pos in rows:
                per_record[pos].append(
                    stage_failed("building the batch table (the table rules did not check it)", err, self.options.severities)
                )
            return None, []

    def _result(self, record: TrialRecord, findings: list[Finding]) -> RecordResult:
        options = self.options
        ignored = _ignored_for(record.id, options)
        findings = sorted((f for f in findings if _keep(f, ignored)), key=_sort_key)
        findings = cap_findings_per_rule(findings, options.max_findings_per_rule)
        cap_quotes(findings, options.max_quote_chars)
        texts, paths = _quoted_texts(record, findings, options.max_text_chars)
        return RecordResult(
            record.id,
            record.source,
            record.source.format,
            AUDITED,
            findings,
            title=record.brief_title,
            texts=texts,
            paths=paths,
            as_of=record.as_of.iso() if record.as_of is not None else None,
            as_of_source=_as_of_source(record),
        )


def _as_of_source(record: TrialRecord) -> str | None:
    """Where a record's own reference date came from, in words ("inferred from ...", or its field)."""
    if record.as_of is None:
        return None
    return record.extra.get("as_of_source") or f"the record's own date ({record.provenance.get('as_of') or 'as_of'})"


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
    """Makes results final before they are stored: fingerprints, and baseline suppression."""

    def __init__(self, options: RunOptions) -> None:
        from trial_audit.engine.baseline import load_baseline

        self.known = load_baseline(options.baseline) if options.baseline else None
        self.options = options
        #: record ID -> (where it was first read, copies read so far): a record read twice is reported
        self.seen: dict[str, tuple[str, int]] = {}
        code = code_for_event("duplicate-record")
        self.duplicate_code = code if any(r.code == code for r in select_rules(options.select, options.ignore)) else None

    def _note_copies(self, results: list[RecordResult]) -> None:
        for r in results:
            if r.status != AUDITED:
                continue
            first = self.seen.get(r.id)
            if first is None:
                self.seen[r.id] = (r.source.display(), 0)
                continue
            where, copies = first
            r.copy = copies + 1  # fingerprints keep the copies apart (a baseline counts each one)
            self.seen[r.id] = (where, r.copy)
            if self.duplicate_code is not None and not _ignored_for(r.id, self.options):
                msg = (
                    f"Record {r.id} was already read from {where}; this copy ({r.source.display()}) is audited and "
                    "reported separately, so its findings are counted twice. Keep one copy of the record in the input."
                )
                r.findings.insert(
                    0, _engine_finding(self.duplicate_code, msg, Evidence("nct_id", r.id, 0, len(r.id)), self.options.severities)
                )

    def __call__(self, results: list[RecordResult]) -> list[RecordResult]:
        from trial_audit.engine.baseline import fingerprint_results, suppress_known

        self._note_copies(results)
        if self.known is None:
            fingerprint_results(results)  # stable IDs for SARIF and for a later baseline
        else:
            suppress_known(results, self.known)
        return results


_Finaliser = Finaliser  # the older private name (tests patch it)


def audit_items(items: Iterable[Any], options: RunOptions, inputs: list[str] | None = None) -> Report:
    """Run the audit over already-read items (records and Unreadable markers), in one process."""
    checker = Checker(options)
    finalise = Finaliser(options)
    cross = checker.cross_pass()
    report = new_report(options, inputs, checker)
    gate_tables = []
    done = 0
    with collector_tuned(checker, warm_up=False), crash_keeps(report):
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


def guarded_inputs(paths: list[str | Path]) -> Iterator[Any]:
    """The read items of each input path; a reader fault loses the rest of that path only, as one Unreadable."""
    from trial_audit.readers import Unreadable, iter_records

    for p in paths:
        try:
            yield from iter_records([p])
        except Exception as err:  # noqa: BLE001 - reported as unreadable, never raised
            yield Unreadable(Source(str(p)), f"reader failed; the rest of this input was not read ({type(err).__name__}: {err})"[:500])


# --- worker processes -------------------------------------------------------------------

#: below this much input, starting workers costs more than it saves
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
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


def _audit_parallel(units: list[Any], options: RunOptions, jobs: int, inputs: list[str]) -> Report:
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
    with tuned, crash_keeps(report), pool_ctx as pool:
        for results, tables in pool.map(_audit_unit, units):
            report.records.extend(finalise(cross.feed(results)))
            gate_tables.extend(tables)
            done += len(results)
            if options.progress:
                options.progress(done)
    return finish(report, gate_tables, options)


def finish(report: Report, gate_tables: list[Any], options: RunOptions) -> Report:
    if options.gate:
        from trial_audit.engine.gate import run_gate

        report.gate = run_gate(gate_tables, options.gate, docs_dir=options.gx_docs)
    return report
