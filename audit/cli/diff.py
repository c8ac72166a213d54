"""``trial-audit diff OLD NEW`` and ``trial-audit diff --history ID...``: audit what changed between
versions of records.

OLD and NEW are any inputs ``audit`` takes (files, folders, archives, NCT IDs fetched from the
registry, searches, AACT databases). Records are paired by registry ID: each NEW record is checked
with its OLD version in ``record.extra["previous"]``, by the rules that compare versions (a rule
says so with ``compares_versions = True``; ``--select`` chooses the rules instead). With ``--history`` each
argument is an NCT ID whose version history is fetched, and every change (version n against
version n-1) is audited.

Counts add up: every NEW record is in the report; an OLD record without a NEW version is
reported as unreadable ("only in OLD"), never dropped; a NEW record without an OLD version is
audited, and the terminal says how many there were. The OLD records are held in memory (not the
NEW ones, which stream); a history keeps one version in memory.
"""

# no `from __future__ import annotations`: typer reads the command's annotations, which name the local `cli`

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from trial_audit.core.model import TrialRecord

if TYPE_CHECKING:
    from trial_audit.readers.base import ReadResult
    from trial_audit.readers.registry_api import FetchSettings

# the readers are imported by the functions that use them: every command line imports this
# module (it registers the command), and an audit should not pay for diff's imports

#: the key of the earlier version in ``TrialRecord.extra`` (read by the rules that compare versions)
PREVIOUS = "previous"


class PairCounts:
    """What pairing found, for the terminal note."""

    def __init__(self) -> None:
        self.paired = self.only_new = self.only_old = self.duplicates = 0


def paired_items(
    old_args: list[str], new_args: list[str], settings: "FetchSettings", where: str | None, counts: PairCounts
) -> "Iterator[ReadResult]":
    """The NEW items, each record with its OLD version attached; then the OLD records left unpaired."""
    from trial_audit.readers.base import Unreadable
    from trial_audit.readers.fetch_inputs import iter_inputs

    old: dict[str, TrialRecord] = {}
    for item in iter_inputs(old_args, settings, where):
        if not isinstance(item, TrialRecord):
            item.reason = f"in OLD: {item.reason}"
            yield item
        elif item.id in old:
            counts.duplicates += 1
            yield Unreadable(item.source, f"in OLD, a second record with the ID {item.id}: only the first is compared", record_id=item.id)
        else:
            item._analyses.clear()  # only the fields are compared; what the rules computed is not kept
            old[item.id] = item
    for item in iter_inputs(new_args, settings, where):
        if isinstance(item, TrialRecord):
            earlier = old.pop(item.id, None)
            if earlier is not None:
                item.extra[PREVIOUS] = earlier
                counts.paired += 1
            else:
                counts.only_new += 1
        yield item
    for rid, rec in old.items():
        counts.only_old += 1
        yield Unreadable(rec.source, "only in OLD: NEW has no record with this ID, so nothing was compared", record_id=rid)


def history_items(ids: list[str], settings: "FetchSettings", counts: PairCounts) -> "Iterator[ReadResult]":
    """Every change of each study's version history: version n with version n-1 attached."""
    from trial_audit.readers.fetch_studies import history_records
    from trial_audit.readers.registry_api import RegistryClient

    client = RegistryClient(settings)
    try:
        for nct in ids:
            earlier: TrialRecord | None = None
            for item in history_records(client, nct):
                if not isinstance(item, TrialRecord):
                    yield item
                    continue
                if earlier is None:
                    counts.only_new += 1  # the first version: nothing before it
                else:
                    item.extra[PREVIOUS] = earlier
                    counts.paired += 1
                    yield item
                item._analyses.clear()
                earlier = item
    finally:
        client.close()


def version_rules() -> list[str]:
    """The codes of the rules that compare two versions of a record (asked of the registry)."""
    from trial_audit.engine.registry import load_rules

    return [code for code, cls in load_rules().items() if getattr(cls, "compares_versions", False)]


def register(app: typer.Typer) -> None:
    from trial_audit.cli import app as cli

    @app.command("diff")
    def diff(
        inputs: Annotated[
            list[str],
            typer.Argument(help="OLD NEW: two inputs of any kind audit takes; with --history, NCT IDs whose history is fetched."),
        ],
        history: Annotated[bool, typer.Option("--history", help="Fetch each NCT ID's version history and audit every change.")] = False,
        format: Annotated[Optional[list[str]], typer.Option("--format", "-f", help="Report formats, as for audit.")] = None,
        out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Folder for the reports.")] = None,
        fail_on: Annotated[Optional[str], typer.Option("--fail-on", help="As for audit.")] = None,
        select: cli.SelectOpt = None,
        ignore: cli.IgnoreOpt = None,
        as_of: cli.AsOfOpt = None,
        config: cli.ConfigOpt = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No terminal summary.")] = False,
        registry_url: cli.RegistryUrlOpt = None,
        refresh: cli.RefreshOpt = False,
        where: cli.WhereOpt = None,
    ) -> None:
        """Audit what changed between two versions of records (default rules: those that compare versions)."""
        from rich.console import Console

        from trial_audit.cli.remote import fetch_settings, is_unreachable, unreachable_message
        from trial_audit.engine.runner import RunCrashed, audit_items
        from trial_audit.readers.fetch_inputs import display_inputs
        from trial_audit.readers.fetch_studies import is_nct_id
        from trial_audit.reports import load_writers

        cfg = cli._config(config)
        if history:
            bad = [a for a in inputs if not is_nct_id(a)]
            if bad:
                raise cli._fail(f"--history takes NCT IDs, not {', '.join(bad)}")
        elif len(inputs) != 2:
            raise cli._fail(f"diff takes two inputs, OLD and NEW (got {len(inputs)}); or --history with NCT IDs")
        writers = load_writers()
        formats = cli._split(format) or cfg.format or ["json", "md"]
        unknown = [f for f in formats if f not in writers]
        if unknown:
            raise cli._fail(f"unknown format(s): {', '.join(unknown)}; available: {', '.join(sorted(writers))}")
        options = cli.build_options(cfg, select or [",".join(version_rules())], ignore, as_of, fail_on)
        options.jobs = 1
        settings = fetch_settings(registry_url or cfg.registry_url, refresh)
        counts = PairCounts()
        items: Any = (
            history_items([a.upper() for a in inputs], settings, counts)
            if history
            else paired_items([inputs[0]], [inputs[1]], settings, where, counts)
        )
        out_dir = out or Path(cfg.out or "audit-report")
        shown = display_inputs(inputs)
        try:
            report = audit_items(items, options, inputs=shown if history else [f"OLD: {shown[0]}", f"NEW: {shown[1]}"])
        except RunCrashed as e:
            if is_unreachable(e.error):
                raise cli._fail(unreachable_message(e.error)) from None
            cli._crashed(out_dir, e.error, [])
            return
        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        for name in formats:
            w = writers[name]
            w.write(report, out_dir / w.filename)
            written.append(str(out_dir / w.filename))
        if not quiet:
            from trial_audit.cli.terminal import print_summary

            print_summary(report, Console(highlight=False), written)
        what = "changes compared" if history else "records paired"
        cli.err.print(
            f"{counts.paired} {what}; {counts.only_new} without an earlier version"
            + ("" if history else f"; {counts.only_old} only in OLD (reported as unreadable)"),
            highlight=False,
        )
        if report.summary()["audited"] == 0:
            cli.err.print("[bold red]error:[/] no readable record in the input")
            raise typer.Exit(cli.USAGE_ERROR)
        raise typer.Exit(1 if report.failing() else 0)
