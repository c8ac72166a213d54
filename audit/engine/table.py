"""The batch table: one row per readable record, the shape table rules and the gate read.

``build_table(records)`` turns a batch of canonical records into a ``BatchTable``: the columns below
as plain Python lists (row *position* is the index into ``records``), and the pandas DataFrame of
the same columns (``.frame``, a RangeIndex, so label == position) built on first use. DataFrame
attributes and ``table[column]`` are forwarded to ``.frame``, so code written for a DataFrame works
unchanged; the table rules (``checks/ta01*.py``, see ``trial_audit.checks._shared.schema``) read the
plain columns of a small batch without importing pandas at all (a one-record audit pays ~0.3 s
for the import otherwise), and the Great Expectations submission gate (``trial_audit.engine.gate``)
works on ``.frame``. ``build_frame(records)`` is the DataFrame directly.

Columns (pandas 3 dtypes):

- identity: ``record_id``, ``nct_id``, ``org_study_id``, ``source_path``, ``format``, ``brief_title``,
  ``sponsor`` (``str``, missing values are NaN)
- registry enums as given by the reader (v2 spelling): ``overall_status``, ``study_type``, ``sex``,
  ``enrollment_type``; list enums joined with ``|``: ``phases``, ``std_ages`` ("" when the list is empty)
- ``enrollment`` (``Int64``)
- ages: ``min_age_years`` / ``max_age_years`` (``Float64``; NA when absent, "N/A" or unparseable) and the
  structured text as given, ``min_age_raw`` / ``max_age_raw``
- dates, for every name in ``trial_audit.core.model.DATE_FIELDS`` (``start``, ``primary_completion``, ...):
  ``<name>_date`` (``datetime64[us]``), ``<name>_precision`` (year / month / day) and ``<name>_type``
  (ACTUAL / ESTIMATED). **The datetime is the first possible day of a partial date**
  (``PartialDate.to_date()``: "2024-04" becomes 2024-04-01): it is for ordering gates and sorting only,
  never for rule logic, which must compare ``PartialDate`` objects at their coarser precision.
  Dates that were present but could not be parsed are NaT here; they are in ``record.unparsed_dates``.
- counts and flags: ``has_criteria`` (bool), ``n_conditions``, ``n_locations``, ``n_interventions``,
  ``n_primary_outcomes``, ``n_officials`` (int64)

The table is built column-wise from plain Python lists (no per-row appends): about 13 µs per
record, 1.3 s per 100,000 records in batches of 500 on a quiet core (see docs/ci.md). In the plain
columns (``BatchTable.column``) a missing value is ``None``, a date is a ``datetime.date`` (the first
possible day, as above) and the counts, ages and flags are Python numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from trial_audit.core.model import DATE_FIELDS

if TYPE_CHECKING:
    import pandas as pd

    from trial_audit.core.model import TrialRecord

#: the table column of each date field (``start`` -> ``start_date``)
DATE_COLUMNS: dict[str, str] = {name: f"{name}_date" for name in DATE_FIELDS}

#: the plain columns, in table order (the date columns follow, three for each date field)
_COLUMNS = (
    "record_id",
    "nct_id",
    "org_study_id",
    "source_path",
    "format",
    "overall_status",
    "study_type",
    "sex",
    "phases",
    "enrollment",
    "enrollment_type",
    "min_age_years",
    "max_age_years",
    "min_age_raw",
    "max_age_raw",
    "std_ages",
    "has_criteria",
    "n_conditions",
    "n_locations",
    "n_interventions",
    "n_primary_outcomes",
    "n_officials",
    "brief_title",
    "sponsor",
)


def _blank_to_none(value: str | None) -> str | None:
    if value is None:
        return None
    return value if value.strip() else None


def _joined(values: Sequence[str | None]) -> str:
    """A list enum joined with ``|``; blank or missing items (a reader's ``[""]``) are left out."""
    return "|".join(v for v in values if isinstance(v, str) and v)


_INT64 = (-(2**63), 2**63 - 1)


def _int64(value: int | None) -> int | None:
    """An integer the Int64 column can hold; an absurd one (``"count": 1e308`` in a study) is NA."""
    return value if value is None or _INT64[0] <= value <= _INT64[1] else None


def _years(value: float | None) -> float | None:
    """An age in years as the Float64 column holds it: NaN is missing there (NA), so here too."""
    return None if value is None or value != value else float(value)


def table_columns(records: Sequence[TrialRecord]) -> dict[str, list[Any]]:
    """The table's columns as plain Python lists, one value per record, in the given order."""
    cols: dict[str, list[Any]] = {name: [] for name in _COLUMNS}
    dates: dict[str, list[Any]] = {name: [] for name in DATE_FIELDS}
    precisions: dict[str, list[Any]] = {name: [] for name in DATE_FIELDS}
    types: dict[str, list[Any]] = {name: [] for name in DATE_FIELDS}

    for r in records:
        cols["record_id"].append(r.id)
        cols["nct_id"].append(_blank_to_none(r.nct_id))
        cols["org_study_id"].append(_blank_to_none(r.org_study_id))
        cols["source_path"].append(r.source.path)
        cols["format"].append(r.source.format or None)
        cols["overall_status"].append(_blank_to_none(r.overall_status))
        cols["study_type"].append(_blank_to_none(r.study_type))
        cols["sex"].append(_blank_to_none(r.sex))
        cols["phases"].append(_joined(r.phases))
        cols["enrollment"].append(_int64(r.enrollment))
        cols["enrollment_type"].append(_blank_to_none(r.enrollment_type))
        cols["min_age_years"].append(_years(r.minimum_age.years) if r.minimum_age is not None else None)
        cols["max_age_years"].append(_years(r.maximum_age.years) if r.maximum_age is not None else None)
        cols["min_age_raw"].append(r.minimum_age_raw)
        cols["max_age_raw"].append(r.maximum_age_raw)
        cols["std_ages"].append(_joined(r.std_ages))
        cols["has_criteria"].append(bool(r.criteria and r.criteria.strip()))
        cols["n_conditions"].append(len(r.conditions))
        cols["n_locations"].append(len(r.locations))
        cols["n_interventions"].append(len(r.interventions))
        cols["n_primary_outcomes"].append(len(r.primary_outcomes))
        cols["n_officials"].append(len(r.officials))
        cols["brief_title"].append(_blank_to_none(r.brief_title))
        cols["sponsor"].append(_blank_to_none(r.sponsor))
        rd = r.dates
        for name in DATE_FIELDS:
            d = rd.get(name)
            if d is None:
                dates[name].append(None)
                precisions[name].append(None)
                types[name].append(None)
            else:
                dates[name].append(d.to_date())
                precisions[name].append(d.precision.value)
                types[name].append(d.type.value if d.type is not None else None)
    for name in DATE_FIELDS:
        cols[DATE_COLUMNS[name]] = dates[name]
        cols[f"{name}_precision"] = precisions[name]
        cols[f"{name}_type"] = types[name]
    return cols


def _frame(columns: dict[str, list[Any]], length: int) -> pd.DataFrame:
    """The DataFrame of plain columns (pandas 3 dtypes, see the module doc)."""
    import numpy as np
    import pandas as pd

    date_columns = set(DATE_COLUMNS.values())
    nat = np.datetime64("NaT", "us")
    data: dict[str, object] = {}
    for name, values in columns.items():
        if name == "enrollment":
            data[name] = pd.array(values, dtype="Int64")
        elif name in ("min_age_years", "max_age_years"):
            data[name] = pd.array(values, dtype="Float64")
        elif name == "has_criteria":
            data[name] = np.array(values, dtype=bool)
        elif name.startswith("n_"):
            data[name] = np.array(values, dtype=np.int64)
        elif name in date_columns:
            data[name] = np.array([nat if v is None else v for v in values], dtype="datetime64[us]")
        else:
            data[name] = pd.array(values, dtype="str")
    return pd.DataFrame(data, index=pd.RangeIndex(length))


class BatchTable:
    """One row per record: plain Python columns, and the pandas DataFrame built on first use.

    ``len(table)``, ``table.column(name)`` (a list) and ``table.columns_plain`` need no pandas;
    ``table.frame`` is the DataFrame, and any other attribute or ``table[key]`` is the DataFrame's
    (``table.iloc``, ``table["nct_id"]``), so code written for a DataFrame reads it unchanged.
    """

    def __init__(self, columns: dict[str, list[Any]], length: int) -> None:
        self.columns_plain = columns
        self._length = length
        self._frame: pd.DataFrame | None = None

    def __len__(self) -> int:
        return self._length

    def column(self, name: str) -> list[Any]:
        """The plain values of a column (``None`` where missing); KeyError for an unknown name."""
        return self.columns_plain[name]

    @property
    def frame(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = _frame(self.columns_plain, self._length)
        return self._frame

    def __getitem__(self, key: Any) -> Any:
        return self.frame[key]

    def __getattr__(self, name: str) -> Any:
        # only reached for names the class does not define; private names (and pickle's lookups
        # of __setstate__ & co. on a half-built object) are never forwarded
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.frame, name)

    def __repr__(self) -> str:
        return f"<BatchTable of {self._length} rows>"


def build_table(records: Sequence[TrialRecord]) -> BatchTable:
    """One row per record, in the given order (row position == index into ``records``)."""
    return BatchTable(table_columns(records), len(records))


def build_frame(records: Sequence[TrialRecord]) -> pd.DataFrame:
    """The batch table as a pandas DataFrame (``build_table(records).frame``)."""
    return build_table(records).frame
