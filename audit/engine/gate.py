"""The submission gate: a Great Expectations (GX Core 1.x) suite run over the whole batch table.

Rules judge one record at a time; the gate judges the *submission*: are the IDs unique across
every file, are required fields filled often enough, are the coded values the registry's, are
date pairs in order. ``trial-audit audit --gate default`` runs the suite shipped in
``audit/data/gx_default_suite.json``; ``--gate my-suite.json`` runs a team's own suite (GX's
ExpectationSuite JSON: ``{"name": ..., "expectations": [{"type": ..., "kwargs": {...}}]}``).
A failed gate fails the run (exit 1) together with the findings (see ``Report.failing``).

How it runs (see docs/ci.md for the numbers):

- GX is imported here, on first use only (the import alone takes seconds).
- An *ephemeral* context with in-memory stores, analytics off and progress bars off; a pandas
  data source, a dataframe asset and a whole-dataframe batch definition; the batch tables of the
  run are concatenated into one DataFrame (uniqueness is across the whole submission).
- ``result_format`` COMPLETE, **without** ``unexpected_index_column_names`` (that option costs
  6-9 s at 500,000 rows): the row labels of ``unexpected_index_list`` are joined to the table's
  ``record_id`` here, and each expectation reports at most 100 failing record ids.
- Data Docs are built only when asked (``--gx-docs DIR``): a site whose filesystem store is DIR;
  nothing else is written anywhere (no temporary docs site, no network).

Dates: the table's ``<name>_date`` columns hold the *first* possible day of a partial date
("2024-04" -> 2024-04-01). For ordering expectations the gate adds ``<name>_date_last``, the
*last* possible day ("2024-04" -> 2024-04-30), so that a pair such as "completion is not before
start" is written ``completion_date_last >= start_date``: it fails only when the later date is
before the earlier one at every possible reading (two dates in the same month are never out of
order because one of them has no day), which is how ``PartialDate.compare`` decides too.

The result (``Report.gate``; rendered by every report writer)::

    {"success": bool, "suite": str, "evaluated": int, "passed": int,
     "expectations": [{"expectation": str, "column": str | None, "kwargs": {...},
                       "success": bool, "unexpected_count": int,
                       "unexpected_percent": float | None, "failed_records": [ids, <= 100]}]}
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trial_audit.core.model import DATE_FIELDS

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_SUITE = "default"
MAX_FAILED_RECORDS = 100
_SUITE_RESOURCE = "gx_default_suite.json"


class GateError(ValueError):
    """A suite that cannot be used (missing file, not JSON, unknown expectation): a usage error."""


def default_suite_path() -> Path:
    return Path(str(files("trial_audit") / "data" / _SUITE_RESOURCE))


def load_suite(suite: str) -> dict[str, Any]:
    """The suite as a dict: ``"default"`` or a path to a GX ExpectationSuite JSON file.

    Checks the shape without importing GX (cheap enough to call when parsing options); the
    expectation types and kwargs are checked by GX when the gate runs.
    """
    path = default_suite_path() if suite == DEFAULT_SUITE else Path(suite)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GateError(f"gate suite {suite}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise GateError(f"gate suite {suite}: not a readable JSON file ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("expectations"), list):
        raise GateError(f"gate suite {suite}: not a GX ExpectationSuite (no 'expectations' list)")
    for i, exp in enumerate(data["expectations"]):
        if not isinstance(exp, dict):
            raise GateError(f"gate suite {suite}: expectation #{i + 1} is not an object")
        if "type" not in exp and "expectation_type" in exp:  # the pre-1.0 spelling
            exp["type"] = exp.pop("expectation_type")
        if not isinstance(exp.get("type"), str) or not isinstance(exp.get("kwargs", {}), dict):
            raise GateError(f"gate suite {suite}: expectation #{i + 1} needs a 'type' and a 'kwargs' object")
    data.setdefault("name", path.stem)
    return data


def add_last_day_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Add ``<name>_date_last`` (the last possible day of each partial date) for ordering gates."""
    import pandas as pd

    for name in DATE_FIELDS:
        first, precision = f"{name}_date", f"{name}_precision"
        if first not in df.columns or precision not in df.columns:
            continue
        start = df[first]
        last = start.copy()
        month = (df[precision] == "month").fillna(False).to_numpy(dtype=bool)
        year = (df[precision] == "year").fillna(False).to_numpy(dtype=bool)
        if month.any():
            last[month] = start[month] + pd.offsets.MonthEnd(0)
        if year.any():
            last[year] = start[year] + pd.offsets.YearEnd(0)
        df[f"{name}_date_last"] = last
    return df


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return str(value)


def _context(docs_dir: str | None):
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
    )
    context = gx.get_context(mode="ephemeral", project_config=config)
    if docs_dir:
        context.add_data_docs_site(
            site_name="trial_audit",
            site_config={
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(Path(docs_dir).resolve()),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def _build_suite(gx: Any, data: dict[str, Any], label: str) -> Any:
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    expectations = []
    for i, exp in enumerate(data["expectations"]):
        try:
            config = ExpectationConfiguration(
                type=exp["type"], kwargs=dict(exp.get("kwargs", {})), meta=exp.get("meta"), notes=exp.get("notes")
            )
            expectations.append(config.to_domain_obj())
        except Exception as e:  # GX raises several kinds (not found, invalid kwargs, pydantic errors)
            msg = getattr(e, "message", None) or str(e).splitlines()[0]
            raise GateError(f"gate suite {label}: expectation #{i + 1} ({exp['type']}) is not valid: {msg}") from None
    return gx.ExpectationSuite(name=str(data["name"]), expectations=expectations, meta=data.get("meta"))


def _exception_message(info: Any) -> str | None:
    """GX's exception_info: {"raised_exception": ..., "exception_message": ...} or a dict of those."""
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message") or "the expectation raised an error")
    for value in info.values():
        if isinstance(value, dict) and value.get("raised_exception"):
            return str(value.get("exception_message") or "the expectation raised an error")
    return None


_COLUMN_KWARGS = ("column", "column_A", "column_B")


def _check_columns(data: dict[str, Any], columns: Any, label: str) -> None:
    """A suite naming a column the table does not have is a usage error, not a failed gate."""
    known = set(columns)
    for i, exp in enumerate(data["expectations"]):
        kwargs = exp.get("kwargs", {})
        names = [kwargs[k] for k in _COLUMN_KWARGS if isinstance(kwargs.get(k), str)]
        names += [c for c in kwargs.get("column_list", []) or [] if isinstance(c, str)]
        missing = [n for n in names if n not in known]
        if missing:
            raise GateError(
                f"gate suite {label}: expectation #{i + 1} ({exp['type']}) names unknown column(s) "
                f"{', '.join(missing)}; the table's columns are: {', '.join(sorted(known))}"
            )


def run_gate(tables: list[pd.DataFrame], suite: str, docs_dir: str | None = None) -> dict[str, Any]:
    """Validate the run's batch tables (concatenated) against the suite; the gate result dict."""
    data = load_suite(suite)
    label = DEFAULT_SUITE if suite == DEFAULT_SUITE else str(suite)

    import pandas as pd

    frames = [getattr(t, "frame", t) for t in tables]  # a BatchTable's DataFrame (engine.table)
    if frames:
        df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    else:
        from trial_audit.engine.table import build_frame

        df = build_frame([])
    df = add_last_day_columns(df.copy(deep=False))
    _check_columns(data, df.columns, label)

    import great_expectations as gx

    context = _context(docs_dir)
    gx_suite = context.suites.add(_build_suite(gx, data, label))
    batch_definition = (
        context.data_sources.add_pandas("trial_audit").add_dataframe_asset("records").add_batch_definition_whole_dataframe("submission")
    )
    validation = context.validation_definitions.add(gx.ValidationDefinition(name="trial_audit_gate", data=batch_definition, suite=gx_suite))
    result = validation.run(batch_parameters={"dataframe": df}, result_format={"result_format": "COMPLETE"})

    record_ids = df["record_id"].to_numpy() if "record_id" in df.columns else None
    expectations = []
    for r in result.results:
        config = r.expectation_config
        kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id", "result_format")}
        res = r.result or {}
        failed: list[str] = []
        if not r.success and record_ids is not None:
            seen: set[str] = set()
            for label_ in res.get("unexpected_index_list") or []:
                if isinstance(label_, dict):  # only with unexpected_index_column_names (not used)
                    continue
                try:
                    rid = str(record_ids[int(label_)])
                except (TypeError, ValueError, IndexError):
                    continue
                if rid not in seen:
                    seen.add(rid)
                    failed.append(rid)
                    if len(failed) >= MAX_FAILED_RECORDS:
                        break
        unexpected_percent = res.get("unexpected_percent")
        entry: dict[str, Any] = {
            "expectation": config.type,
            "column": kwargs.get("column") or kwargs.get("column_A"),
            "kwargs": _json_safe(kwargs),
            "success": bool(r.success),
            "unexpected_count": int(res.get("unexpected_count") or 0),
            "unexpected_percent": _json_safe(float(unexpected_percent)) if unexpected_percent is not None else None,
            "failed_records": failed,
        }
        error = _exception_message(r.exception_info)
        if error:
            entry["error"] = error  # GX could not evaluate it (e.g. a regex on a number column)
        expectations.append(entry)
    gate: dict[str, Any] = {
        "success": bool(result.success),
        "suite": label,
        "evaluated": int(result.statistics.get("evaluated_expectations", len(expectations))),
        "passed": int(result.statistics.get("successful_expectations", sum(e["success"] for e in expectations))),
        "expectations": expectations,
    }
    if docs_dir:
        context.build_data_docs(site_names=["trial_audit"])
        index = Path(docs_dir).resolve() / "index.html"
        if index.is_file():
            gate["docs"] = str(index)
    return gate
