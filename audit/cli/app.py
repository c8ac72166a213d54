"""The command line: ``trial-audit audit | rules | explain | baseline``.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or a failed gate);
2 usage error or no readable input; 3 trial-audit itself failed (the reports hold what was done
before the fault, and ``trial-audit-crash.txt`` in the output folder the full traceback).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from trial_audit.cli import typer_coercion
from trial_audit.cli.config import FAIL_ON, Config, ConfigError, load_config
from trial_audit.core.dates import parse_date

typer_coercion.install()  # plain option values without pydantic (~0.1 s of start-up); typer's own coercion for the rest

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Audit clinical-trial registry records for inconsistencies, with evidence.",
)


def _console(**kwargs):  # rich is imported when something is printed (~0.02 s of start-up otherwise)
    from rich.console import Console

    return Console(highlight=False, **kwargs)


def __getattr__(name: str):
    # the stderr console (``err``, also ``cli.err`` for other modules), made on first use
    if name == "err":
        console = globals()["err"] = _console(stderr=True, soft_wrap=True)  # soft wrap: never break a path in two
        return console
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _err():
    console = globals().get("err")
    return console if console is not None else __getattr__("err")


def _version(value: bool) -> None:
    if value:
        from trial_audit import __version__

        sys.stdout.write(f"trial-audit {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version of trial-audit and exit.")
    ] = False,
) -> None:
    """Audit clinical-trial registry records for inconsistencies, with evidence."""


USAGE_ERROR = 2
#: exit status of a fault in trial-audit itself: never 0 or 1, so that CI cannot read a crash as an audit result
CRASH_EXIT = 3
#: the file in the output folder that holds the traceback of such a fault
CRASH_LOG = "trial-audit-crash.txt"


def _fail(message: str) -> typer.Exit:
    _err().print(f"[bold red]error:[/] {message}")
    return typer.Exit(USAGE_ERROR)


def default_inputs() -> list[Path]:
    """The sample records installed with the package (``trial_audit.seeds``)."""
    from importlib.resources import files

    return [Path(str(files("trial_audit.seeds")))]


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _config(config_file: Path | None) -> Config:
    try:
        return load_config(explicit=config_file)
    except ConfigError as e:
        raise _fail(str(e)) from None


PathsArg = Annotated[Optional[list[Path]], typer.Argument(help="Files, folders or .zip archives (default: the bundled seeds/).")]
SelectOpt = Annotated[
    Optional[list[str]], typer.Option("--select", "-s", help="Rule codes, prefixes (TA2) or categories; comma-separated or repeated.")
]
IgnoreOpt = Annotated[Optional[list[str]], typer.Option("--ignore", "-i", help="Rules to leave out, same forms as --select.")]
AsOfOpt = Annotated[
    Optional[str], typer.Option("--as-of", help="Reference date for records that have no as-of date of their own (default: today).")
]
ConfigOpt = Annotated[
    Optional[Path], typer.Option("--config", help="A trial-audit.toml or pyproject.toml to use instead of searching upwards.")
]


def build_options(cfg: Config, select, ignore, as_of, fail_on, gate=None, gx_docs=None, baseline=None):
    from trial_audit.engine.registry import validate_selectors
    from trial_audit.engine.runner import RunOptions

    select_list = _split(select) or cfg.select
    ignore_list = _split(ignore) or cfg.ignore
    bad = validate_selectors(select_list + ignore_list + [s for _, sel in cfg.per_record_ignores for s in sel])
    if bad:
        raise _fail(f"unknown rule selector(s): {', '.join(bad)} (see `trial-audit rules`)")
    unknown_codes = validate_selectors(list(cfg.severity))
    if unknown_codes:
        raise _fail(f"severity override for unknown rule(s): {', '.join(unknown_codes)}")
    as_of_date = cfg.as_of
    if as_of:
        as_of_date = parse_date(as_of)
        if as_of_date is None:
            raise _fail(f"--as-of must be a date such as 2025-11-14, not {as_of!r}")
    fail = (fail_on or cfg.fail_on or "error").strip().lower()  # names in any case, as the formats
    if fail not in FAIL_ON:
        raise _fail(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    rule_options = dict(cfg.rule_options)
    if cfg.vocabulary:
        # extra vocabularies (config key `vocabulary`) are an option of every rule that reads one
        rule_options["*"] = {**rule_options.get("*", {}), "vocabulary": [str(p) for p in cfg.vocabulary]}
    options = RunOptions(
        select=select_list,
        ignore=ignore_list,
        severities=cfg.severity,
        per_record_ignores=cfg.per_record_ignores,
        rule_options=rule_options,
        as_of=as_of_date,
        fail_on=fail,
        gate=gate or cfg.gate,
        gx_docs=gx_docs or cfg.gx_docs,
        baseline=baseline or cfg.baseline,
    )
    if cfg.max_field_size is not None:
        options.max_field_size = cfg.max_field_size
    if cfg.max_findings_per_rule is not None:
        options.max_findings_per_rule = cfg.max_findings_per_rule
    # Fail on an unusable suite or baseline before reading any record (neither imports GX).
    from trial_audit.engine.baseline import BaselineError, load_baseline
    from trial_audit.engine.gate import GateError, load_suite

    try:
        if options.gate:
            load_suite(options.gate)
        if options.baseline:
            load_baseline(options.baseline)
    except (GateError, BaselineError, OSError) as e:
        raise _fail(str(e)) from None
    if rule_options:
        _prepare_rules(options)
    return options


def _prepare_rules(options) -> None:
    """Rules check their configured options (e.g. a vocabulary file) before any record is read."""
    from trial_audit.engine.registry import Context, select_rules

    ctx = Context(as_of=options.as_of, options=options.rule_options)
    for rule in select_rules(options.select, options.ignore, options.severities):
        try:
            rule.prepare(ctx)
        except (ValueError, OSError) as e:
            raise _fail(f"{rule.code} ({rule.name}): configuration: {e}") from None


def _check_inputs(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")


def _note_skipped(inputs: list[Path]) -> None:
    """Name every file, folder and archive member the run did not read, with the reason, so that
    none is passed over silently (printed with --quiet too: it is about the input, not a summary)."""
    from collections import defaultdict

    from trial_audit.readers import RECORD_EXTENSIONS, skipped_inputs

    skipped = skipped_inputs(inputs)
    if not skipped:
        return
    by_reason: dict[str, list[str]] = defaultdict(list)
    for where, reason in skipped:
        by_reason[reason].append(where)
    what = "1 file, folder or archive member was" if len(skipped) == 1 else f"{len(skipped)} files, folders or archive members were"
    lines = [f"note: {what} not read:"]
    for reason, names in by_reason.items():
        shown = ", ".join(repr(n)[1:-1] for n in names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        lines.append(f"  {reason}: {len(names)} ({shown})")
    lines.append(
        f"Folders and archives are searched for {', '.join(sorted(RECORD_EXTENSIONS))} files; name a file on the "
        "command line to have its content recognised."
    )
    from rich.markup import escape

    _err().print(escape("\n".join(lines)), highlight=False)


InputsArg = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Files, folders or .zip archives (default: the bundled seeds/); NCT IDs and search:QUERY fetched from the registry; "
        "postgresql:// URLs of an AACT database (see docs/registry-access.md)."
    ),
]
RegistryUrlOpt = Annotated[
    Optional[str], typer.Option("--registry-url", help="Base URL of the ClinicalTrials.gov API v2 (default: the public API).")
]
RefreshOpt = Annotated[bool, typer.Option("--refresh", help="Fetch every study again instead of using the on-disk cache.")]
WhereOpt = Annotated[Optional[str], typer.Option("--where", help="Your own SQL condition on AACT's studies table (database inputs).")]


def _progress_wanted(quiet: bool) -> bool:
    # A bar is for a person at a terminal; CI logs get nothing of it.
    return not quiet and _err().is_terminal and not os.environ.get("CI")


@app.command()
def audit(
    paths: InputsArg = None,
    format: Annotated[
        Optional[list[str]], typer.Option("--format", "-f", help="Report formats, comma-separated: json, md, html, sarif, junit, csv.")
    ] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the reports.")] = None,
    fail_on: Annotated[
        Optional[str], typer.Option("--fail-on", help="Exit 1 when a finding is at or above: error, warning, info or never.")
    ] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    as_of: AsOfOpt = None,
    gate: Annotated[
        Optional[str], typer.Option("--gate", help="Run the Great Expectations submission gate: 'default' or a suite file.")
    ] = None,
    gx_docs: Annotated[
        Optional[Path],
        typer.Option("--gx-docs", help="Build GX Data Docs for the gate in this folder (offline: nothing loaded from the internet)."),
    ] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report only findings not in this baseline file.")] = None,
    config: ConfigOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes: 0 = one per core for large inputs, 1 = none.")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
    max_field_size: Annotated[
        Optional[int],
        typer.Option(
            "--max-field-size",
            min=0,
            help="Characters of one field the rules check; longer fields are cut, with a TA708 finding (0 = no bound).",
        ),
    ] = None,
    max_findings_per_rule: Annotated[
        Optional[int],
        typer.Option(
            "--max-findings-per-rule",
            min=0,
            help="Findings of one rule listed per record; the rest are counted in one closing finding (0 = all).",
        ),
    ] = None,
    registry_url: RegistryUrlOpt = None,
    refresh: RefreshOpt = False,
    where: WhereOpt = None,
    columns: Annotated[
        Optional[str],
        typer.Option(
            "--columns",
            help="Header names of a criteria table (CSV/XLSX): id=<header>,criteria=<header>, optionally minimum_age=, "
            "maximum_age=, conditions=, title=, summary= (default: recognised from common names such as nctid, criteria).",
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="Where the work runs: 'local' (this machine, --jobs workers) or 'dask' (Dask distributed).")
    ] = "local",
    scheduler: Annotated[
        Optional[str], typer.Option("--scheduler", help="With --engine dask: an existing scheduler's address (default: a local cluster).")
    ] = None,
    output_format: Annotated[
        Optional[str],
        typer.Option(
            "--output-format",
            help="Findings on screen: concise, grouped, full, github or json (default: concise at a terminal, none in a pipe).",
        ),
    ] = None,
    statistics: Annotated[bool, typer.Option("--statistics", help="Print the number of findings of each rule, most first.")] = False,
    fix: Annotated[bool, typer.Option("--fix", help="Apply the safe fixes to the files in place (page text, JSON, XML).")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="With --fix or --diff: apply the unsafe fixes too.")] = False,
    diff: Annotated[bool, typer.Option("--diff", help="Print the fixes as a unified diff and change no file.")] = False,
    show_info: Annotated[
        bool, typer.Option("--show-info", help="List the info notes on screen too (they are always in the reports and the counts).")
    ] = False,
) -> None:
    """Audit records and write reports (default: the configured paths, else the bundled sample, into ./audit-report/)."""
    from trial_audit.cli.remote import remote_run
    from trial_audit.reports import load_writers

    cfg = _config(config)
    screen = _screen_format(output_format)
    remote = remote_run(paths or [], registry_url or cfg.registry_url, refresh, where, _fail)
    inputs = remote.paths if paths else _inputs(None, cfg, quiet or screen == "json")
    _check_inputs(inputs)
    writers = load_writers()
    formats = [f.lower() for f in _split(format) or cfg.format or ["json", "md"]]
    unknown = [f for f in formats if f not in writers]
    if unknown:
        raise _fail(f"unknown format(s): {', '.join(unknown)}; available: {', '.join(sorted(writers))}")
    options = build_options(
        cfg, select, ignore, as_of, fail_on, gate, str(gx_docs) if gx_docs else None, str(baseline) if baseline else None
    )
    options.jobs = jobs
    if engine not in ("local", "dask"):
        raise _fail(f"unknown engine {engine!r}: 'local' or 'dask'")
    options.engine, options.scheduler = engine, scheduler
    from trial_audit.engine.baseline import BaselineError
    from trial_audit.engine.dask_engine import DaskUnavailable
    from trial_audit.engine.gate import GateError
    from trial_audit.engine.runner import RunCrashed, audit_paths

    if max_field_size is not None:
        options.max_field_size = max_field_size
    if max_findings_per_rule is not None:
        options.max_findings_per_rule = max_findings_per_rule
    if columns is not None:
        from trial_audit.readers import criteria_table

        try:
            criteria_table.set_columns(criteria_table.parse_columns_option(columns))
        except ValueError as e:
            raise _fail(str(e)) from None
    out_dir = out or Path(cfg.out or "audit-report")
    if fix or diff:
        if remote.active:
            _err().print(
                "note: records fetched from the registry or read from a database are never changed; "
                + (
                    "--diff shows the fixes of the studies named by NCT ID, not of searches or databases"
                    if diff
                    else "use --diff to see their fixes"
                ),
                highlight=False,
                markup=False,
            )
            if diff:
                import tempfile

                with tempfile.TemporaryDirectory(prefix="trial-audit-fetched-") as tmp:
                    labels = remote.save_studies(Path(tmp))
                    if labels:
                        _fix_first([Path(p) for p in labels], options, unsafe_fixes, True, quiet, labels)
        if inputs:
            _fix_first(inputs, options, unsafe_fixes, diff, quiet)
    crash: BaseException | None = None
    try:
        if _progress_wanted(quiet):
            from trial_audit.cli.progress import progress_bar, record_total

            with progress_bar(_err(), None if remote.active else record_total(inputs)) as advance:
                options.progress = advance
                report = remote.audit(options) if remote.active else audit_paths(inputs, options)
        else:
            report = remote.audit(options) if remote.active else audit_paths(inputs, options)
    except (GateError, BaselineError, DaskUnavailable) as e:
        raise _fail(str(e)) from None
    except RunCrashed as e:
        report, crash = e.report, e.error
        remote.stop_if_unreachable(crash)
    except Exception as e:  # noqa: BLE001 - a fault before any record was checked: no report to write
        _crashed(out_dir, e, wrote=[])
    if report.gate and report.gate.get("docs") and options.gx_docs:
        from trial_audit.cli.gx_docs import make_offline

        make_offline(options.gx_docs)  # GX's pages load their styles and scripts from CDNs: made to need none
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in formats:
        w = writers[name]
        target = out_dir / w.filename
        try:
            w.write(report, target)
        except Exception as e:  # noqa: BLE001 - the other formats are still written
            crash = crash or e
            _err().print(f"[bold red]error:[/] the {name} report could not be written ({type(e).__name__}: {e})")
            continue
        written.append(str(target))
    if crash is not None:
        _crashed(out_dir, crash, written)
    summary = report.summary()
    _print_findings(report, screen, statistics, unsafe_fixes, show_info)
    if not quiet:
        from trial_audit.cli.terminal import print_summary

        # with --output-format json stdout holds the JSON alone: the summary goes to stderr
        print_summary(report, _err() if screen == "json" else _console(), written)
    if inputs != default_inputs():  # the bundled sample's own package files (SOURCES.md, __init__.py) are not the user's input
        _note_skipped(inputs)
    if summary["audited"] == 0:
        _err().print("[bold red]error:[/] no readable record in the input")
        raise typer.Exit(USAGE_ERROR)
    raise typer.Exit(1 if report.failing() else 0)


def _screen_format(value: str | None) -> str | None:
    """The ``--output-format`` (any case); by default concise at a terminal and none in a pipe or CI log."""
    from trial_audit.cli.output import parse_output_format

    if value is None:
        return "concise" if sys.stdout.isatty() and not os.environ.get("CI") else None
    try:
        return parse_output_format(value)
    except ValueError as e:
        raise _fail(str(e)) from None


def _inputs(paths: list[Path] | None, cfg: Config, quiet: bool) -> list[Path]:
    """The paths given, else the configuration's ``paths``, else the bundled sample (said in one line)."""
    if paths:
        return list(paths)
    if cfg.paths:
        return list(cfg.paths)
    if not quiet:
        _err().print(
            f"auditing the bundled sample ({default_inputs()[0]}); pass a path to audit your records", highlight=False, markup=False
        )
    return default_inputs()


def _print_findings(report, screen: str | None, statistics: bool, unsafe: bool, show_info: bool = False) -> None:
    from trial_audit.cli import output

    if screen is not None:
        output.write_findings(report, screen, sys.stdout, unsafe, show_info)
    if statistics:
        output.write_statistics(report, sys.stdout if screen != "json" else sys.stderr, unsafe)
    sys.stdout.flush()


def _fix_first(inputs: list[Path], options, unsafe: bool, diff: bool, quiet: bool, labels: dict[str, str] | None = None) -> None:
    """``--fix`` / ``--diff``: fix the inputs' files (on copies), then write them or print the diff.
    ``labels``: a name to show for a file in the diff (a fetched study's URL for its saved copy)."""
    from dataclasses import replace

    from trial_audit.cli import fixing
    from trial_audit.engine.runner import audit_paths

    first = audit_paths(inputs, replace(options, baseline=None, gate=None, gx_docs=None, progress=None))
    the_plan = fixing.plan(first, unsafe)
    results = fixing.run_fixes(the_plan, options, unsafe, with_members=diff)
    notes = list(the_plan.notes)
    member_note = fixing.member_note(the_plan, diff)
    if member_note:
        notes.append(member_note)
    for r in results:
        notes.extend(f"note: {r.path}: {n}" for n in r.notes)
    n_fixed = sum(len(r.fixed_findings) for r in results)
    n_files = sum(1 for r in results if r.changed)
    if diff:
        for r in results:
            if r.changed:
                text = r.diff()
                for path, label in (labels or {}).items():
                    text = text.replace(path, label)
                sys.stdout.write(text)
        sys.stdout.flush()
        verb = "would fix"
    else:
        fixing.write_results(results)
        verb = "fixed"
    from rich.markup import escape

    for note in notes:
        _err().print(escape(note), highlight=False)
    if not quiet or n_fixed:
        left = max(0, the_plan.findings - n_fixed)
        hidden = 0 if unsafe else fixing.plan(first, True).findings - the_plan.findings
        _err().print(
            f"{verb} {n_fixed} finding{'s' if n_fixed != 1 else ''} in {n_files} file{'s' if n_files != 1 else ''}"
            + (f"; {left} fixable finding{'s' if left != 1 else ''} not fixed (see the notes)" if left else "")
            + (f"; {hidden} more with --unsafe-fixes" if hidden > 0 else ""),
            highlight=False,
        )


def _crashed(out_dir: Path, error: BaseException, wrote: list[str]) -> None:
    """Write the traceback to the output folder, say where it is, and exit with CRASH_EXIT."""
    import traceback

    log = out_dir / CRASH_LOG
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        where = f"the full traceback is in {log}"
    except OSError as e:
        where = f"the traceback could not be written to {log} ({e})"
    kept = f"the reports written hold the records done before it ({', '.join(wrote)})" if wrote else "no report was written"
    from rich.markup import escape

    detail = f"trial-audit itself failed ({type(error).__name__}: {error}); {kept}; {where}. Please report it with that file."
    _err().print(f"[bold red]error:[/] {escape(detail)}")
    raise typer.Exit(CRASH_EXIT)


@app.command()
def rules(
    select: SelectOpt = None,
) -> None:
    """List every rule: code, name, category, default severity and summary."""
    from rich.table import Table

    from trial_audit.engine.registry import select_rules

    table = Table(box=None, header_style="bold")
    for col in ("code", "name", "category", "severity", "summary"):
        table.add_column(col)
    for rule in select_rules(_split(select)):
        table.add_row(rule.code, rule.name, rule.category.value, rule.severity.value, rule.summary())
    _console().print(table)


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code such as TA101, or its name.")]) -> None:
    """Show a rule's full documentation, with its bad and good examples."""
    from trial_audit.cli.explain import explain_text
    from trial_audit.engine.registry import load_rules

    rules_by_code = load_rules()
    cls = rules_by_code.get(code.upper()) or next((r for r in rules_by_code.values() if r.name == code), None)
    if cls is None:
        raise _fail(f"no rule {code!r} (see `trial-audit rules`)")
    sys.stdout.write(explain_text(cls))


@app.command("baseline")
def baseline_cmd(
    paths: PathsArg = None,
    output: Annotated[
        Optional[Path],
        typer.Option(
            "--output", "-o", help="Where to write the baseline (default: the configured baseline, else trial-audit-baseline.json)."
        ),
    ] = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    as_of: AsOfOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Write a baseline of today's findings; later runs with --baseline report only new ones."""
    from trial_audit.engine.baseline import write_baseline
    from trial_audit.engine.runner import audit_paths

    cfg = _config(config)
    inputs = list(paths) if paths else default_inputs()
    _check_inputs(inputs)
    output = output or Path(cfg.baseline or "trial-audit-baseline.json")
    cfg.baseline = None  # the baseline may not exist yet: it is what this command writes
    cfg.gate = None  # the gate's verdict is not part of a baseline
    options = build_options(
        cfg, select, ignore, as_of, None
    )  # a baseline is written from all of today's findings, never filtered by an old one
    report = audit_paths(inputs, options)
    n = write_baseline(report, output)
    _console().print(f"wrote {output}: {n} findings baselined")


from trial_audit.cli import diff as _diff  # noqa: E402 - registers `trial-audit diff` on this app

_diff.register(app)


def main() -> None:  # pragma: no cover - console entry point
    from trial_audit.cli import entry

    entry.run(app)  # the regex cache, and the exit without the interpreter's teardown (start-up; cli/entry.py)


if __name__ == "__main__":  # pragma: no cover
    main()
