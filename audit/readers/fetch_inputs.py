"""The inputs of a run that are not files: NCT IDs fetched from the registry, registry searches
and AACT databases, read in the order given, together with the file inputs.

An argument is, in this order:

- an existing file or folder: read as a file (``readers.iter_records``), even when named like an NCT ID;
- ``postgresql://...`` (or ``postgres://``): an AACT database; the NCT IDs given on the same
  command line choose its studies (else ``where``, else all of them);
- ``search:<query>``: a registry search with the API's own parameters;
- an NCT ID: that study, fetched from the registry;
- anything else: a path that does not exist (Unreadable, as for files).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from trial_audit.core.model import Source
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.fetch_studies import SEARCH_PREFIX, is_nct_id, parse_search, search_records, study_records
from trial_audit.readers.files import iter_records
from trial_audit.readers.registry_api import FetchSettings, RegistryClient

DATABASE_SCHEMES = ("postgresql://", "postgres://")


def kind_of(arg: str) -> str:
    """The kind of an argument: path, database, search or registry-id."""
    if Path(arg).exists():
        return "path"
    if arg.startswith(DATABASE_SCHEMES):
        return "database"
    if arg.startswith(SEARCH_PREFIX):
        return "search"
    if is_nct_id(arg):
        return "registry-id"
    return "path"


def has_remote(args: Iterable[str]) -> bool:
    return any(kind_of(a) != "path" for a in args)


def check_arguments(args: list[str]) -> list[str]:
    """Problems with remote arguments that are known before anything is fetched (a bad search)."""
    problems = []
    for a in args:
        if kind_of(a) == "search":
            try:
                parse_search(a)
            except ValueError as e:
                problems.append(str(e))
    return problems


def redact(url: str) -> str:
    """A database URL without its password (for reports and messages)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))


def display_inputs(args: list[str]) -> list[str]:
    """The inputs as the report names them (database passwords left out)."""
    return [redact(a) if kind_of(a) == "database" else a for a in args]


def iter_inputs(args: list[str], settings: FetchSettings, where: str | None = None) -> Iterator[ReadResult]:
    """Every record (or Unreadable) of the inputs, in the order given.

    Raises RegistryUnreachable (from the client) when the registry cannot be reached at all, and
    ``aact.DatabaseUnreachable`` when a database cannot be opened: the caller stops with a clear error.
    """
    kinds = [(a, kind_of(a)) for a in args]
    databases = [a for a, k in kinds if k == "database"]
    ids = [a.strip().upper() for a, k in kinds if k == "registry-id"]
    client: RegistryClient | None = None
    try:
        for arg, kind in kinds:
            if kind == "path":
                yield from _guarded_path(arg)
            elif kind == "database":
                from trial_audit.readers.aact import read_aact

                yield from read_aact(arg, ids=ids or None, where=where)
            elif kind == "registry-id" and databases:
                continue  # the IDs chose the database's studies (above)
            else:
                client = client or RegistryClient(settings)
                if kind == "search":
                    yield from search_records(client, parse_search(arg))
                else:
                    yield from study_records(client, arg)
    finally:
        if client is not None:
            client.close()


def _guarded_path(arg: str) -> Iterator[ReadResult]:
    try:
        yield from iter_records([arg])
    except Exception as err:  # noqa: BLE001 - reported as unreadable, never raised
        yield Unreadable(Source(arg), f"reader failed; the rest of this input was not read ({type(err).__name__}: {err})"[:500])
