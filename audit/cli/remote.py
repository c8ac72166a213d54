"""The command line's side of remote inputs (NCT IDs, registry searches, AACT databases): sorting
the arguments, the fetch settings, and stopping with exit 2 when a registry or database cannot be
reached at all (never a traceback)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer

from trial_audit.readers import fetch_inputs
from trial_audit.readers.registry_api import DEFAULT_REGISTRY_URL, FetchSettings, RegistryUnreachable

#: environment variables that set what the options set (the options win)
REGISTRY_URL_ENV = "TRIAL_AUDIT_REGISTRY_URL"
CACHE_DIR_ENV = "TRIAL_AUDIT_CACHE_DIR"


def fetch_settings(registry_url: str | None, refresh: bool) -> FetchSettings:
    settings = FetchSettings(base_url=registry_url or os.environ.get(REGISTRY_URL_ENV) or DEFAULT_REGISTRY_URL, refresh=refresh)
    cache = os.environ.get(CACHE_DIR_ENV)
    if cache is not None:
        settings.cache_dir = Path(cache) if cache else None  # an empty value turns the cache off
    return settings


@dataclass
class RemoteRun:
    args: list[str]
    settings: FetchSettings
    where: str | None
    fail: Callable[[str], typer.Exit]
    paths: list[Path] = field(default_factory=list)  # the arguments that are files or folders

    @property
    def active(self) -> bool:
        return fetch_inputs.has_remote(self.args)

    def items(self) -> Any:
        return fetch_inputs.iter_inputs(self.args, self.settings, self.where)

    def audit(self, options: Any) -> Any:
        from trial_audit.engine.runner import audit_items

        return audit_items(self.items(), options, inputs=fetch_inputs.display_inputs(self.args))

    def save_studies(self, folder: Path) -> dict[str, str]:
        """Write the studies named by NCT ID (fetched, or from the cache) into ``folder`` as v2 JSON
        files, so that ``--diff`` can show their fixes; ``{file: URL}``. Searches and databases are not
        written (a search may be thousands of studies): the caller says so."""
        from trial_audit.readers.registry_api import RegistryClient

        saved: dict[str, str] = {}
        ids = [a.strip().upper() for a in self.args if fetch_inputs.kind_of(a) == "registry-id"]
        if not ids or any(fetch_inputs.kind_of(a) == "database" for a in self.args):
            return saved
        client = RegistryClient(self.settings)
        try:
            for nct in dict.fromkeys(ids):
                answer = client.study(nct)
                if answer.ok:
                    path = folder / f"{nct}.json"
                    path.write_bytes(answer.body)
                    saved[str(path)] = answer.url
        finally:
            client.close()
        return saved

    def stop_if_unreachable(self, error: BaseException | None) -> None:
        """A registry or database that cannot be reached ends the run with exit 2 and a clear error."""
        if error is not None and is_unreachable(error):
            raise self.fail(unreachable_message(error))


def is_unreachable(error: BaseException) -> bool:
    from trial_audit.readers.aact import DatabaseUnreachable

    return isinstance(error, (RegistryUnreachable, DatabaseUnreachable))


def unreachable_message(error: BaseException) -> str:
    if isinstance(error, RegistryUnreachable):
        return f"the registry could not be reached: {error}. Check the network or --registry-url; nothing was fetched."
    return f"the database could not be read: {error}. Check the URL, the server and your credentials."


def remote_run(args: list[str], registry_url: str | None, refresh: bool, where: str | None, fail: Callable[[str], typer.Exit]) -> RemoteRun:
    """Sort the arguments; a search that the API would refuse is a usage error before anything is fetched."""
    problems = fetch_inputs.check_arguments(args)
    if problems:
        raise fail("; ".join(problems))
    if where is not None and not any(fetch_inputs.kind_of(a) == "database" for a in args):
        raise fail("--where applies to a database input (postgresql://...), and none was given")
    paths = [Path(a) for a in args if fetch_inputs.kind_of(a) == "path"]
    return RemoteRun(list(args), fetch_settings(registry_url, refresh), where, fail, paths)
