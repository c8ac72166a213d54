"""JSON: the stable, documented contract (see README and audit/schema/report.schema.json).

The report is written record by record (the records of a large run are read back from the
run's temporary store one chunk at a time), so writing it takes memory for one record, not for
the whole report. The output is the same document ``Report.to_dict()`` describes.

The head (tool, summary, rules) is indented for people; each record is one compact line, so
that the report stays small per record (indenting the records made a 100,000-record run's
report a third larger, see docs/security.md) and a record can be picked out with ``grep``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

import orjson

from trial_audit.core.report import Report
from trial_audit.reports import writer
from trial_audit.reports._common import isolated

_INDENT = orjson.OPT_INDENT_2


def _record_bytes(record) -> bytes:
    return orjson.dumps(record.to_dict())


def write_json_stream(report: Report, out: BinaryIO) -> None:
    head = orjson.dumps(report.head_dict(), option=_INDENT)
    assert head.endswith(b"\n}")
    out.write(head[:-2])
    out.write(b',\n  "records": [')
    first = True
    for record in report.records:
        out.write(b"\n    " if first else b",\n    ")
        out.write(isolated(record, "json", _record_bytes))  # one line (orjson escapes every newline in a string)
        first = False
    out.write(b"]\n}\n" if first else b"\n  ]\n}\n")


def to_json_bytes(report: Report) -> bytes:
    buf = io.BytesIO()
    write_json_stream(report, buf)
    return buf.getvalue()


@writer("json", "report.json", "the full report, the stable machine-readable contract")
def write_json(report: Report, path: Path) -> None:
    with open(path, "wb") as out:
        write_json_stream(report, out)
