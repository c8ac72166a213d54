"""Configuration: ``[tool.trial-audit]`` in pyproject.toml, or ``trial-audit.toml``.

Found from the working directory upwards (the nearest file that has the table wins);
command-line flags override it. Unknown keys are an error that names the key and the file,
so that a typo never silently turns a rule back on.

Example::

    [tool.trial-audit]
    paths = ["records/"]             # what `trial-audit audit` with no path reads
    select = ["TA1", "TA2", "timeline"]
    ignore = ["TA604"]
    fail-on = "warning"
    as-of = "2025-11-14"
    vocabulary = ["conditions-extra.toml"]
    gate = "default"
    baseline = "trial-audit-baseline.json"
    max-field-size = 2000000         # characters of one field the rules check (longer: cut, TA708)
    max-findings-per-rule = 50       # per record; the rest counted in one closing finding

    [tool.trial-audit.severity]
    TA101 = "error"

    [tool.trial-audit.per-record-ignores]
    "NCT0636*" = ["TA301"]

    [tool.trial-audit.rule-options.TA405]
    max-months-unverified = 12
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trial_audit.core.dates import PartialDate, parse_date
from trial_audit.core.findings import Severity

KNOWN_KEYS = {
    "paths",
    "select",
    "ignore",
    "severity",
    "per-record-ignores",
    "fail-on",
    "as-of",
    "vocabulary",
    "gate",
    "gx-docs",
    "baseline",
    "format",
    "out",
    "rule-options",
    "max-field-size",
    "max-findings-per-rule",
    "registry-url",
}
FAIL_ON = ("error", "warning", "info", "never")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    path: Path | None = None
    #: what ``trial-audit audit`` with no path audits (relative to the configuration file)
    paths: list[Path] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_record_ignores: list[tuple[str, list[str]]] = field(default_factory=list)
    fail_on: str | None = None
    as_of: PartialDate | None = None
    vocabulary: list[Path] = field(default_factory=list)
    gate: str | None = None
    gx_docs: str | None = None
    baseline: str | None = None
    format: list[str] = field(default_factory=list)
    out: str | None = None
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_field_size: int | None = None
    max_findings_per_rule: int | None = None
    registry_url: str | None = None  # base URL of the ClinicalTrials.gov API v2 (docs/registry-access.md)


def _table_of(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("trial-audit")
    # trial-audit.toml: either the keys at top level or under [tool.trial-audit]
    return data.get("tool", {}).get("trial-audit", data)


def find_config(start: Path) -> Path | None:
    """The nearest trial-audit.toml, or pyproject.toml with a [tool.trial-audit] table."""
    for folder in [start, *start.parents]:
        for name in ("trial-audit.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _table_of(candidate) is not None:
                return candidate
    return None


def _str_list(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ConfigError(f"{_at(path, key)} must be a list of strings, not {value!r}")


def _at(path: Path, key: str) -> str:
    """Where a value is: the file, the table and the key ("pyproject.toml, [tool.trial-audit], key 'select'")."""
    table, _, sub = key.partition(".")
    if sub:
        return f"{path}, [tool.trial-audit.{table}], key {sub!r}"
    return f"{path}, [tool.trial-audit], key {key!r}"


def parse_config(table: dict[str, Any], path: Path) -> Config:
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(repr(k) for k in unknown)} in [tool.trial-audit]; "
            f"known keys: {', '.join(sorted(KNOWN_KEYS))}"
        )
    cfg = Config(path=path)
    cfg.paths = [(path.parent / v) for v in _str_list(table.get("paths", []), "paths", path)]
    cfg.select = _str_list(table.get("select", []), "select", path)
    cfg.ignore = _str_list(table.get("ignore", []), "ignore", path)
    cfg.format = [f.lower() for f in _str_list(table.get("format", []), "format", path)]
    for key in ("severity", "per-record-ignores", "rule-options"):
        if not isinstance(table.get(key, {}), dict):
            raise ConfigError(f"{_at(path, key)} must be a table, e.g. [tool.trial-audit.{key}]")
    for code, sev in table.get("severity", {}).items():
        try:
            cfg.severity[code.upper()] = Severity.parse(sev)
        except (ValueError, AttributeError):
            raise ConfigError(f"{_at(path, 'severity.' + code)} must be error, warning or info, not {sev!r}") from None
    for pattern, selectors in table.get("per-record-ignores", {}).items():
        cfg.per_record_ignores.append((pattern, _str_list(selectors, f"per-record-ignores.{pattern}", path)))
    if "fail-on" in table:
        fail_on = str(table["fail-on"]).strip().lower()
        if fail_on not in FAIL_ON:
            raise ConfigError(f"{_at(path, 'fail-on')} must be one of {', '.join(FAIL_ON)}, not {table['fail-on']!r}")
        cfg.fail_on = fail_on
    if "as-of" in table:
        cfg.as_of = parse_date(str(table["as-of"]))
        if cfg.as_of is None:
            raise ConfigError(f"{_at(path, 'as-of')} must be a date such as 2025-11-14, not {table['as-of']!r}")
    cfg.vocabulary = [(path.parent / v) for v in _str_list(table.get("vocabulary", []), "vocabulary", path)]
    for key in ("gate", "gx-docs", "baseline", "out"):
        if key in table:
            value = str(table[key])
            if key != "gate" or value != "default":
                value = str(path.parent / value)
            setattr(cfg, key.replace("-", "_"), value)
    if "registry-url" in table:
        cfg.registry_url = str(table["registry-url"])
    for key in ("max-field-size", "max-findings-per-rule"):
        if key in table:
            value = table[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{_at(path, key)} must be a whole number >= 0 (0 = no bound), not {value!r}")
            setattr(cfg, key.replace("-", "_"), value)
    options = table.get("rule-options", {})
    for code, value in options.items():
        if not isinstance(value, dict):
            raise ConfigError(f"{_at(path, 'rule-options.' + code)} must be a table of option = value")
    cfg.rule_options = {code.upper(): dict(v) for code, v in options.items()}
    return cfg


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """Load the explicit file, or the nearest one from ``start`` upwards; an empty Config if none."""
    path = explicit or find_config((start or Path.cwd()).resolve())
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: no such configuration file")
    table = _table_of(path)
    return parse_config(table or {}, path)
