"""A table of eligibility criteria (CSV or XLSX: a trial-ID column and a criteria column) -> one record per row.

Research data sets and registry extracts keep criteria texts in spreadsheets: a trial ID and
the criteria, sometimes with the age limits, conditions, title or summary. The columns are
recognised from common header names (those of the criteria corpus: ``nctid``, ``criteria``,
``diseases``; ``trial_id``, ``eligibility_criteria``, ``minimum_age`` ...) without options; for
other names, ``trial-audit audit --columns id=Study,criteria=Eligibility`` maps them
(``set_columns``). A row without an ID is unreadable, with its row number.

Only what the table holds is audited: the records carry no dates, status or sponsor, and the
completeness rules are told so (``extra["carries"]``). The criteria text is kept as written
except for the common indentation (as in the legacy XML, whose textblocks these often are).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

from trial_audit.core.model import Source, TrialRecord
from trial_audit.core.registry_ids import registry_of_id
from trial_audit.readers.ctgov_xml import dedent_textblock

FORMAT = "criteria-table"

#: canonical role -> header names that mean it (compared lower-cased, with "_", "-" and spaces alike)
HEADER_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("nctid", "nct id", "nct", "nct number", "trial id", "trialid", "study id", "registry id", "registration number",
           "registration id", "trial registration number", "id"),
    "criteria": ("criteria", "eligibility criteria", "eligibility", "criteria text", "eligibility text", "eligibilitycriteria"),
    "minimum_age": ("minimum age", "min age", "minage", "age min", "agemin", "inclusion agemin", "lower age limit"),
    "maximum_age": ("maximum age", "max age", "maxage", "age max", "agemax", "inclusion agemax", "upper age limit"),
    "conditions": ("conditions", "condition", "diseases", "disease", "health condition"),
    "title": ("brief title", "title", "study title", "public title", "official title"),
    "summary": ("brief summary", "summary", "description", "brief description"),
}  # fmt: skip
ROLES = tuple(HEADER_NAMES)

#: columns given with --columns (role -> header name), or None to recognise them from HEADER_NAMES
_COLUMNS: dict[str, str] | None = None
#: a list cell written as a Python/JSON list ("['bipolar disorder']"), read as a literal when short
_LIST_LITERAL = re.compile(r"^\s*\[.*\]\s*$", re.S)
_MAX_LITERAL = 20_000


def _norm(name: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", name.lstrip("\ufeff")).lower().split())


def set_columns(spec: Mapping[str, str] | None) -> None:
    """Use these header names for the roles (``{"id": "Study", "criteria": "Eligibility"}``); None: recognise them."""
    global _COLUMNS
    if spec is None:
        _COLUMNS = None
        return
    unknown = [k for k in spec if k not in ROLES]
    if unknown:
        raise ValueError(f"unknown column role {unknown[0]!r} (roles: {', '.join(ROLES)})")
    if "id" not in spec or "criteria" not in spec:
        raise ValueError("--columns needs at least id=<header> and criteria=<header>")
    _COLUMNS = dict(spec)


def parse_columns_option(text: str) -> dict[str, str]:
    """``"id=Study ID,criteria=Eligibility"`` -> ``{"id": "Study ID", "criteria": "Eligibility"}``."""
    out: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        role, sep, header = part.partition("=")
        if not sep or not header.strip():
            raise ValueError(f"--columns item {part.strip()!r} is not role=header")
        out[role.strip().lower()] = header.strip()
    return out


def column_roles(header: list[str]) -> dict[str, int] | None:
    """Role -> column index for a header that is a criteria table (an ID and a criteria column), else None."""
    names = [_norm(h or "") for h in header]
    roles: dict[str, int] = {}
    if _COLUMNS is not None:
        for role, wanted in _COLUMNS.items():
            key = _norm(wanted)
            if key in names:
                roles[role] = names.index(key)
    else:
        for role, options in HEADER_NAMES.items():
            for option in options:
                if option in names:
                    roles[role] = names.index(option)
                    break
    if "id" in roles and "criteria" in roles:
        return roles
    return None


def _list_cell(text: str) -> list[str]:
    if _LIST_LITERAL.match(text) and len(text) <= _MAX_LITERAL:
        try:
            value = ast.literal_eval(text.strip())  # literals only: never evaluates code
        except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
            value = None
        if isinstance(value, (list, tuple)):
            return [" ".join(str(v).split()) for v in value if isinstance(v, (str, int, float)) and str(v).strip()]
    parts = re.split(r"[;|]", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


def header_of(roles: dict[str, int], header: list[str]) -> dict[str, str]:
    return {role: header[i] for role, i in roles.items()}


def row_to_record(cells: list[str | None], roles: dict[str, int], header: list[str], source: Source, prefix: str) -> TrialRecord | None:
    """The record of one row; None when the row has no ID (the caller reports it with its row number)."""

    def cell(role: str) -> str | None:
        i = roles.get(role)
        if i is None or i >= len(cells):
            return None
        value = cells[i]
        return value if value is not None and value.strip() else None

    def path(role: str) -> str:
        return f"{prefix}:{header[roles[role]]}"

    trial_id = cell("id")
    if trial_id is None:
        return None
    trial_id = trial_id.strip()
    source.format = FORMAT
    rec = TrialRecord(source=source, criteria_markdown=False)
    prov = rec.provenance
    registry = registry_of_id(trial_id)
    rec.registry_id = trial_id
    prov["registry_id"] = path("id")
    if registry is not None:
        rec.registry = registry.key
        prov["registry"] = path("id")
    if trial_id.upper().startswith("NCT"):
        rec.nct_id = trial_id
        prov["nct_id"] = path("id")
    carried = {"criteria"}
    if (text := cell("criteria")) is not None:
        rec.criteria = dedent_textblock(text)
        prov["criteria"] = path("criteria") + " (dedented)"
    if "minimum_age" in roles or "maximum_age" in roles:
        rec.set_age_limits(cell("minimum_age"), cell("maximum_age"))
        for side in ("minimum_age", "maximum_age"):
            if side in roles and cell(side) is not None:
                prov[side] = path(side)
    if "conditions" in roles:
        carried.add("conditions")
        if (text := cell("conditions")) is not None:
            rec.conditions = _list_cell(text)
            prov["conditions"] = path("conditions")
    if "title" in roles:
        carried.add("brief_title")
        if (text := cell("title")) is not None:
            rec.brief_title = " ".join(text.split())
            prov["brief_title"] = path("title")
    if (text := cell("summary")) is not None:
        rec.brief_summary = text
        prov["brief_summary"] = path("summary")
    rec.extra["carries"] = frozenset(carried)
    rec.extra["columns"] = header_of(roles, header)
    return rec
