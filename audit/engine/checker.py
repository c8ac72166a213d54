"""Checking read items: one batch of records and Unreadable markers -> one RecordResult each.

The same work in every mode (one process, a ``--jobs`` worker, a Dask worker): the selected
record rules run one record at a time, the table rules over the batch's table, and each
record's findings are filtered, sorted, capped and paired with the texts they quote. A fault on
one record (a rule, the batch table, assembling its result) becomes an error finding on that
record, never a crash of the run.
"""

from __future__ import annotations

import fnmatch
import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from trial_audit.core.dates import today
from trial_audit.core.findings import Evidence, Finding, Severity
from trial_audit.core.model import TrialRecord
from trial_audit.core.report import AUDITED, UNREADABLE, RecordResult
from trial_audit.engine.bounds import cap_findings_per_rule, cap_quotes, cap_text, truncate_oversized_fields
from trial_audit.engine.cross import CrossRecordPass
from trial_audit.engine.options import RunOptions
from trial_audit.engine.registry import RULES, Context, Rule, RunRule, TableRule, code_for_event, load_rules, matches, select_rules

# Engine-produced findings (the rules are documented in checks/ta00x_*.py).


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
