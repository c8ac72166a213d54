"""Worker processes must not change the report: same records, same order, same findings."""

import zipfile

from trial_audit.core.dates import parse_date
from trial_audit.engine import runner
from trial_audit.engine.runner import RunOptions, audit_paths
from trial_audit.readers import plan_units


def _comparable(report):
    d = report.to_dict()
    d.pop("generated")
    return d


def test_parallel_report_equals_serial(shared_data, monkeypatch):
    folder = shared_data / "ctgov-xml"
    monkeypatch.setattr(runner, "PARALLEL_MIN_BYTES", 0)
    options = dict(as_of=parse_date("2026-11-27"), gate=None)
    serial = audit_paths([folder], RunOptions(jobs=1, **options))
    parallel = audit_paths([folder], RunOptions(jobs=2, **options))
    assert len(serial.records) == 192
    assert _comparable(parallel) == _comparable(serial)


def test_archive_is_split_into_member_ranges_in_reading_order(tmp_path, shared_data):
    xml_files = sorted((shared_data / "ctgov-xml").glob("NCT*.xml"))[:7]
    archive = tmp_path / "bulk.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in reversed(xml_files):  # stored out of order: readers sort members by name
            z.writestr(f.name, f.read_bytes())
        z.writestr("notes/readme.md", "not a record")
    units = plan_units([archive], members_per_unit=3)
    assert [(u.start, u.stop) for u in units] == [(0, 3), (3, 6), (6, 8)]
    from trial_audit.readers import iter_records

    serial_ids = [r.nct_id for r in iter_records([archive])]
    split_ids = [r.nct_id for u in units for r in u.read()]
    assert split_ids == serial_ids and len(serial_ids) == 7


def test_input_that_cannot_be_split_is_read_serially(tmp_path):
    assert plan_units([tmp_path / "missing.json"]) is None


def test_ndjson_is_split_into_line_ranges_in_reading_order(tmp_path, monkeypatch):
    import json

    from trial_audit import readers

    lines = [json.dumps({"protocolSection": {"identificationModule": {"nctId": f"NCT0000000{i}"}}}) for i in range(7)]
    lines.insert(3, "")  # a blank line: skipped, but the line numbers after it must stay true
    lines.insert(5, "{ broken")
    f = tmp_path / "studies.ndjson"
    f.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(readers.plan, "NDJSON_SPLIT_BYTES", 0)
    units = plan_units([f], members_per_unit=3)
    assert [u.kind for u in units] == ["ndjson"] * len(units) and len(units) == 4

    def key(r):
        return (type(r).__name__, r.source.line, r.source.index, getattr(r, "nct_id", None))

    serial = [key(r) for r in readers.iter_records([f])]
    split = [key(r) for u in units for r in u.read()]
    assert split == serial
    assert len(serial) == 8 and ("Unreadable", 6, 4, None) in serial
