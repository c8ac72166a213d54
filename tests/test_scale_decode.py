"""The v2 fast decode (readers/fast_json.py) must give the records, and the errors, of the full decode."""

import io
import json

import pytest
from conftest import SEEDS

from trial_audit.core.model import Source
from trial_audit.readers import documents, fast_json, iter_records, streams
from trial_audit.readers.streams import ndjson_lines


def _full_only(monkeypatch):
    """The readers as they were: every study decoded in full by orjson."""
    monkeypatch.setattr(streams, "fast_v2_study", lambda data: None)
    monkeypatch.setattr(documents, "fast_v2_study", lambda data: None)


def _read(paths):
    return list(iter_records(paths))


def _v2_inputs(shared=None):
    paths = sorted(SEEDS.glob("v2_*.json"))
    if shared is not None:
        paths += sorted((shared / "ctgov-v2").glob("*.json")) + sorted((shared / "ctgov-v2-bulk").glob("*.ndjson"))
    return paths


def test_seed_studies_read_the_same(monkeypatch):
    fast = _read(_v2_inputs())
    _full_only(monkeypatch)
    assert fast == _read(_v2_inputs()) and len(fast) >= 3


def test_real_v2_studies_read_the_same(monkeypatch, shared_data):
    # every v2 study of the shared data, single files, pages and the bulk NDJSON (~600 studies)
    paths = _v2_inputs(shared_data)
    fast = _read(paths)
    _full_only(monkeypatch)
    full = _read(paths)
    assert len(fast) == len(full) > 500
    assert fast == full


def _study(**extra):
    doc = json.loads((SEEDS / "v2_NCT00973089.json").read_text())
    doc.update(extra)
    return doc


@pytest.mark.parametrize(
    "line",
    [
        b"[1, 2]",  # not an object
        b'{"studies": []}',  # another shape
        b'{"protocolSection": [1]}',  # not a study: the full decode names what it is
        b'{"protocolSection": {"identificationModule": {"nctId": "NCT00000001"}}, "x": 12345678901234567890123}',
        b'{"protocolSection": {"a": "\\ud800"}}',  # a lone surrogate: invalid JSON for both
        b'{"protocolSection": {}} trailing',
    ],
)
def test_what_the_fast_path_cannot_answer_exactly_is_left_to_the_full_decode(line):
    assert fast_json.fast_v2_study(line) is None


def test_only_the_mapped_sections_are_kept_and_has_results_keeps_its_presence():
    with_results = json.dumps(_study(hasResults=False, resultsSection={"big": ["x"] * 1000})).encode()
    study = fast_json.fast_v2_study(with_results)
    assert set(study) == {"protocolSection", "derivedSection", "hasResults"} and study["hasResults"] is False
    without = _study()
    without.pop("hasResults", None)
    assert "hasResults" not in fast_json.fast_v2_study(json.dumps(without).encode())


def test_ndjson_with_broken_and_odd_lines_reads_as_before(monkeypatch):
    good = json.dumps(_study(resultsSection={"x": 1})).encode()
    lines = [
        good,
        b"{ broken",
        b'{"protocolSection": {"identificationModule": {"nctId": "NCT00000002"}}, "n": 99999999999999999999}',
        b'{"protocolSection": "text"}',
        b"[]",
        good.replace(b"NCT00973089", b"NCT00973090"),
    ]
    data = b"\n".join(lines) + b"\n"

    def read():
        src = Source("studies.ndjson", "ndjson")
        return [(type(r).__name__, r) for r in ndjson_lines(io.BytesIO(data), src)]

    fast = read()
    _full_only(monkeypatch)
    assert fast == read()
    assert [kind for kind, _ in fast].count("TrialRecord") == 3
