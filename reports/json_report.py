"""JSON: the stable, documented contract (see README and audit/schema/report.schema.json)."""

from __future__ import annotations

from pathlib import Path

import orjson

from audit.report import Report
from reports import writer


def to_json_bytes(report: Report) -> bytes:
    return orjson.dumps(report.to_dict(), option=orjson.OPT_INDENT_2)


@writer("json", "report.json", "the full report, the stable machine-readable contract")
def write_json(report: Report, path: Path) -> None:
    path.write_bytes(to_json_bytes(report))
