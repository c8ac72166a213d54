"""An AACT database (the daily PostgreSQL copy of ClinicalTrials.gov) -> records.

``read_aact(url, ids=..., where=...)`` reads the ``studies`` table with a server-side cursor
(``BATCH`` studies at a time, so memory does not grow with the database), and for each batch the
rows of the other tables for those studies (one query per table, ``nct_id = ANY(%s)``). Each
record's provenance names the table and column of every field (``eligibilities.criteria``,
``design_outcomes[2].measure``); its source is the database URL (password left out) with the
read time; its as-of date is ``calculated_values.nlm_download_date``, the day AACT's copy was taken.

Filters: NCT IDs are passed as a query parameter. ``where`` is the user's own SQL condition on
``studies`` (the user runs it on their own database with their own credentials; it is not
escaped). Tables are read from the ``ctgov`` schema, AACT's, and then ``public``.
The table and column names are AACT's (db/structure.sql of ctti-clinicaltrials/aact); the
mapping of each to the canonical record is :mod:`trial_audit.readers.aact_map`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from trial_audit.core.model import Source
from trial_audit.readers.aact_map import CHILD_TABLES, STUDY_COLUMNS, build_record
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.registry_api import now_iso

#: AACT holds the registry's API v2 data (its text fields are v2's Markdown, its enums v2's tokens), so
#: its records are of the v2 format for the rules; the source path (postgresql://...) and the member
#: (studies/NCT...) say that they came from the database
FORMAT = "ctgov-v2"
#: studies read from the server per round trip (and per child-table query)
BATCH = 500


class DatabaseUnreachable(Exception):
    """The database could not be opened or queried (a wrong URL, no server, no such table)."""


def _redact(url: str) -> str:
    from trial_audit.readers.fetch_inputs import redact

    return redact(url)


def read_aact(url: str, ids: list[str] | None = None, where: str | None = None, batch: int = BATCH) -> Iterator[ReadResult]:
    """Every study of the database that the filter chooses, as records (in nct_id order).

    An ID asked for that the database does not hold is an Unreadable saying so. Raises
    DatabaseUnreachable when the database cannot be opened or a query fails.
    """
    try:
        import psycopg
    except ImportError as e:  # pragma: no cover - psycopg is a dependency
        raise DatabaseUnreachable(f"psycopg is not installed ({e})") from None
    shown = _redact(url)
    try:
        conn = psycopg.connect(url, connect_timeout=10, autocommit=False)
    except psycopg.Error as e:
        raise DatabaseUnreachable(f"cannot connect to {shown} ({_first_line(e)})") from None
    try:
        with conn:
            conn.read_only = True
            with conn.cursor() as setup:
                setup.execute("SET search_path TO ctgov, public")
            yield from _read(conn, shown, ids, where, batch)
    except psycopg.Error as e:
        raise DatabaseUnreachable(f"reading {shown} failed ({_first_line(e)})") from None
    finally:
        conn.close()


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:300]


def _read(conn: Any, shown: str, ids: list[str] | None, where: str | None, batch: int) -> Iterator[ReadResult]:
    from psycopg import sql

    conditions: list[Any] = []
    params: list[Any] = []
    if ids:
        conditions.append(sql.SQL("nct_id = ANY(%s)"))
        params.append(list(ids))
    if where:
        # the user's own SQL; a % in it (LIKE '%lupus%') is a literal, not a parameter placeholder
        conditions.append(sql.SQL("(") + sql.SQL(where.replace("%", "%%")) + sql.SQL(")"))  # type: ignore[arg-type]
    query = sql.SQL("SELECT {} FROM studies").format(sql.SQL(", ").join(sql.Identifier(c) for c in STUDY_COLUMNS))
    if conditions:
        query += sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conditions)
    query += sql.SQL(" ORDER BY nct_id")
    found: set[str] = set()
    with conn.cursor(name="trial_audit_studies") as cur:  # a named cursor is a server-side cursor
        cur.itersize = batch
        cur.execute(query, params)
        while rows := cur.fetchmany(batch):
            fetched = now_iso()
            studies = [dict(zip(STUDY_COLUMNS, row)) for row in rows]
            children = _children(conn, [s["nct_id"] for s in studies])
            for i, study in enumerate(studies):
                found.add(study["nct_id"])
                src = Source(shown, FORMAT, None, None, None, fetched)
                src.member = f"studies/{study['nct_id']}"
                try:
                    yield build_record(study, children.get(study["nct_id"], {}), src)
                except Exception as err:  # noqa: BLE001 - a mapping fault on one study must not stop the run
                    yield Unreadable(src, f"could not map this study ({type(err).__name__}: {err})", record_id=study["nct_id"])
    for missing in sorted(set(ids or []) - found):
        src = Source(shown, FORMAT, f"studies/{missing}", None, None, now_iso())
        reason = "the database has no study with this NCT ID" + (" that meets --where" if where else "")
        yield Unreadable(src, reason, record_id=missing)


def _children(conn: Any, nct_ids: list[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """table -> rows of each study of the batch, in ``id`` order (the registry's order)."""
    from psycopg import sql

    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    with conn.cursor() as cur:
        for table, columns in CHILD_TABLES.items():
            query = sql.SQL("SELECT {} FROM {} WHERE nct_id = ANY(%s) ORDER BY id").format(
                sql.SQL(", ").join(sql.Identifier(c) for c in ("nct_id", *columns)), sql.Identifier(table)
            )
            cur.execute(query, [nct_ids])
            for row in cur:
                out.setdefault(row[0], {}).setdefault(table, []).append(dict(zip(columns, row[1:])))
    return out
