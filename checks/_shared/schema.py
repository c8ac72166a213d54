"""The schema of the batch table, shared by the TA01x schema rules: pandera, or the same checks in plain Python.

``TableSchema`` (a pandera ``DataFrameModel``, built on first use so that commands that do not
check records never pay pandera's import) declares what every row of ``trial_audit.engine.table.build_table``
must satisfy. It is validated **lazily** (``lazy=True``): every failing value of every check is
collected in one pass, and ``schema_failures(table)`` turns pandera's ``failure_cases`` into
plain rows ``(position, column, check, value)``. The rules in ``checks/ta010_*.py`` ...
``checks/ta012_*.py`` each pick their columns from that one validation (it is cached per table,
so the three rules validate a batch once).

The engine's batch table (a ``BatchTable``, whatever its size) is checked by ``plain_failures``:
the same column checks over the table's plain columns, giving the same rows, with neither pandas
nor pandera imported. Measured (docs/performance.md): the plain checks take ~1 µs a row at any
size; pandera's validation ~35 µs a row on a batch of 500 (the engine's default) and still
~1.4 µs at 50,000 rows, plus the DataFrame's build (~12 µs a row) and, in a one-record audit,
~0.6 s of imports and schema build. pandera stays the schema of a DataFrame (``validate_table``,
the programmatic API, and the engine's re-run of a failing table rule row by row, which hands
the rules DataFrame rows). ``tests/test_schema_paths.py`` runs both over every seed record, edge
values and generated values and compares the findings one by one.

What the schema checks, and which rule reports it:

- ``nct_id`` is ``NCT`` + eight ASCII digits (``[0-9]``, full match) -> TA010 invalid-nct-id
- ``overall_status``, ``study_type``, ``sex`` in the registry's vocabularies of ``trial_audit.core.model``;
  every ``|``-separated token of ``phases`` and ``std_ages`` too -> TA011 value-not-in-registry-vocabulary
- ``min_age_years`` / ``max_age_years`` within 0..120 years -> TA012 age-out-of-range
- dtypes of the table's columns (a failure there is a bug in the table builder, not in a record,
  and is not reported as a finding)
- dataframe level: the minimum age is not above the maximum age. **Not reported by a TA01x rule**:
  that contradiction is TA205 (min-age-above-max-age, a record rule of the age family) and would
  otherwise be reported twice. It stays in the schema so that ``validate_table`` (the programmatic
  API) gives a complete verdict on a table; the submission gate has the same pair expectation.

Dates are not re-validated here: the table holds *parsed* dates (``datetime64[us]``); a date that was
present but unparseable is in ``record.unparsed_dates`` and is reported by the timeline/input rules.
"""

import re
import weakref
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from trial_audit.core.model import OVERALL_STATUSES, PHASES, SEXES, STD_AGES, STUDY_TYPES

if TYPE_CHECKING:
    import pandas as pd

#: the full-match pattern of an NCT ID; ASCII digits only (``\d`` would accept "NCT٠١٢٣٤٥٦٧")
NCT_ID = r"NCT[0-9]{8}"
NCT_ID_RE = re.compile(NCT_ID)
AGE_MAX_YEARS = 120.0

#: legacy codes the registry still serves in old records: the legacy XML / classic study type
#: "Observational [Patient Registry]" (v2 writes OBSERVATIONAL with patientRegistry = true). Accepted,
#: not reported: it is the registry's own value, not a defect of the record.
LEGACY_STUDY_TYPES = frozenset({"OBSERVATIONAL_PATIENT_REGISTRY"})

#: scalar enum columns: table column -> (canonical field name, vocabulary)
ENUM_COLUMNS: dict[str, tuple[str, frozenset[str]]] = {
    "overall_status": ("overall_status", OVERALL_STATUSES),
    "study_type": ("study_type", STUDY_TYPES | LEGACY_STUDY_TYPES),
    "sex": ("sex", SEXES),
}
#: list enum columns ("|"-joined in the table): table column -> (canonical field name, vocabulary)
LIST_ENUM_COLUMNS: dict[str, tuple[str, frozenset[str]]] = {
    "phases": ("phases", PHASES),
    "std_ages": ("std_ages", STD_AGES),
}
#: age columns: table column -> (canonical field name, raw text column)
AGE_COLUMNS: dict[str, tuple[str, str]] = {
    "min_age_years": ("minimum_age", "min_age_raw"),
    "max_age_years": ("maximum_age", "max_age_raw"),
}
MIN_NOT_ABOVE_MAX = "min_age_not_above_max_age"


def _tokens_pattern(vocabulary: frozenset[str]) -> str:
    alt = "|".join(re.escape(v) for v in sorted(vocabulary, key=lambda v: (-len(v), v)))
    return rf"(?:(?:{alt})(?:\|(?:{alt}))*)?"


@lru_cache(maxsize=1)
def table_schema() -> Any:
    """The pandera DataFrameModel of the batch table (pandera is imported here, on first use)."""
    import pandas as pd
    import pandera.pandas as pa
    from pandera.typing import Series

    phases_re = _tokens_pattern(PHASES)
    std_ages_re = _tokens_pattern(STD_AGES)
    age_range = {"min_value": 0.0, "max_value": AGE_MAX_YEARS}

    class TableSchema(pa.DataFrameModel):
        """Every row of the batch table (see trial_audit.engine.table)."""

        record_id: Series[str] = pa.Field(nullable=False)
        nct_id: Series[str] = pa.Field(nullable=True)
        overall_status: Series[str] = pa.Field(nullable=True, isin=sorted(OVERALL_STATUSES))
        study_type: Series[str] = pa.Field(nullable=True, isin=sorted(STUDY_TYPES | LEGACY_STUDY_TYPES))
        sex: Series[str] = pa.Field(nullable=True, isin=sorted(SEXES))
        phases: Series[str] = pa.Field(nullable=True)
        std_ages: Series[str] = pa.Field(nullable=True)
        enrollment: Series[pd.Int64Dtype] = pa.Field(nullable=True)
        min_age_years: Series[pd.Float64Dtype] = pa.Field(nullable=True, in_range=age_range)
        max_age_years: Series[pd.Float64Dtype] = pa.Field(nullable=True, in_range=age_range)
        start_date: Series[pa.DateTime] = pa.Field(nullable=True)
        primary_completion_date: Series[pa.DateTime] = pa.Field(nullable=True)
        completion_date: Series[pa.DateTime] = pa.Field(nullable=True)
        first_submitted_date: Series[pa.DateTime] = pa.Field(nullable=True)
        first_posted_date: Series[pa.DateTime] = pa.Field(nullable=True)
        last_update_posted_date: Series[pa.DateTime] = pa.Field(nullable=True)
        status_verified_date: Series[pa.DateTime] = pa.Field(nullable=True)
        has_criteria: Series[bool]

        class Config:
            strict = False  # the table has more columns than the schema constrains
            coerce = False

        @pa.check("nct_id", name="nct_id_format")
        def _nct_id_format(cls, s: pd.Series) -> pd.Series:
            return s.str.fullmatch(NCT_ID).astype(bool)

        @pa.check("phases", name="phases_vocabulary")
        def _phases_vocabulary(cls, s: pd.Series) -> pd.Series:
            return s.str.fullmatch(phases_re).astype(bool)

        @pa.check("std_ages", name="std_ages_vocabulary")
        def _std_ages_vocabulary(cls, s: pd.Series) -> pd.Series:
            return s.str.fullmatch(std_ages_re).astype(bool)

        @pa.dataframe_check(name=MIN_NOT_ABOVE_MAX)
        def _min_not_above_max(cls, df: pd.DataFrame) -> pd.Series:
            lo, hi = df["min_age_years"], df["max_age_years"]
            return (lo.isna() | hi.isna() | (lo <= hi)).astype(bool)

    return TableSchema


def validate_table(table: "pd.DataFrame") -> "pd.DataFrame":
    """Validate lazily; pandera's ``failure_cases`` (empty when the table is valid)."""
    import pandas as pd
    import pandera.errors

    table = getattr(table, "frame", table)  # a BatchTable's DataFrame

    schema = table_schema()
    # validate only the constrained columns: a dataframe-level failure is reported once per column
    # of the failing row, and the table has ~50 columns
    columns = [c for c in schema.to_schema().columns if c in table.columns]
    try:
        schema.validate(table[columns], lazy=True)
    except pandera.errors.SchemaErrors as e:
        return e.failure_cases
    return pd.DataFrame(columns=["schema_context", "column", "check", "check_number", "failure_case", "index"])


# (no ``from __future__ import annotations`` in this module: pandera reads the model's annotations
# at class creation, inside table_schema(), where string annotations could not be resolved)

# One validation per batch table, shared by the TA01x rules (keyed on the table object itself).
_cache: "tuple[weakref.ref, list[tuple[int, str, str, Any]]] | None" = None


def _in_range(value: float) -> bool:
    return 0.0 <= value <= AGE_MAX_YEARS


@lru_cache(maxsize=1)
def _plain_checks() -> "list[tuple[str, str, Callable[[Any], bool]]]":
    """(column, check name, passes(value)) for every row-level column check of ``TableSchema``
    (missing values pass, as the schema's columns are nullable). Each is the schema's check
    written for one Python value: the same regular expressions, sets and bounds."""
    phases_re = re.compile(_tokens_pattern(PHASES))
    std_ages_re = re.compile(_tokens_pattern(STD_AGES))
    checks: list[tuple[str, str, Callable[[Any], bool]]] = [
        ("nct_id", "nct_id_format", lambda v: NCT_ID_RE.fullmatch(v) is not None),
        ("phases", "phases_vocabulary", lambda v: phases_re.fullmatch(v) is not None),
        ("std_ages", "std_ages_vocabulary", lambda v: std_ages_re.fullmatch(v) is not None),
    ]
    for column, (_field, vocabulary) in ENUM_COLUMNS.items():
        checks.append((column, "isin", vocabulary.__contains__))
    for column in AGE_COLUMNS:
        checks.append((column, "in_range", _in_range))
    return checks


def plain_failures(table: Any) -> list[tuple[int, str, str, Any]]:
    """``schema_failures`` of a ``BatchTable`` from its plain columns, without pandas or pandera.

    ``record_id`` is never missing (the table builder takes the record's id), and the dtypes are
    the builder's own, so only the value checks are made here.
    """
    rows: list[tuple[int, str, str, Any]] = []
    for column, check, passes in _plain_checks():
        for pos, value in enumerate(table.column(column)):
            if value is not None and not passes(value):
                rows.append((pos, column, check, value))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def _is_batch_table(table: Any) -> bool:
    return hasattr(table, "columns_plain")  # not isinstance: importing the engine's table module is not needed


def uses_plain_checks(table: Any) -> bool:
    """A ``BatchTable`` is checked in plain Python; a DataFrame with pandera (see the module doc)."""
    return _is_batch_table(table)


def cell(table: Any, column: str, pos: int) -> Any:
    """One value of the table (a ``BatchTable``'s plain value, or a DataFrame's)."""
    if _is_batch_table(table):
        return table.column(column)[pos]
    return table[column].iat[pos]


def schema_failures(table: Any) -> list[tuple[int, str, str, Any]]:
    """Row-level failures ``(row_position, column, check, value)``, in row order.

    ``table`` is a ``BatchTable`` (small ones are checked by ``plain_failures``) or a DataFrame.
    Failures without a row (a dtype mismatch of a whole column) are left out: they are bugs of
    the table builder, not defects of a record.
    """
    global _cache
    if _cache is not None and _cache[0]() is table:
        return _cache[1]
    if uses_plain_checks(table):
        rows = plain_failures(table)
        _cache = (weakref.ref(table), rows)
        return rows
    fc = validate_table(getattr(table, "frame", table))
    rows: list[tuple[int, str, str, Any]] = []
    if len(fc):
        # column checks only: the dataframe-level min <= max check is TA205's (see the module doc)
        fc = fc[fc["index"].notna() & (fc["schema_context"] == "Column")]
        positions = table.index.get_indexer(fc["index"].tolist())
        for pos, column, check, value in zip(positions, fc["column"], fc["check"], fc["failure_case"]):
            if pos >= 0:
                rows.append((int(pos), column if isinstance(column, str) else "", str(check), value))
        rows.sort(key=lambda r: (r[0], r[1]))
    _cache = (weakref.ref(table), rows)
    return rows


def failures_in(table: Any, columns: "set[str] | dict[str, Any]") -> "list[tuple[int, str, str, Any]]":
    """The row-level failures of the given table columns (see ``schema_failures``)."""
    return [f for f in schema_failures(table) if f[1] in columns]
