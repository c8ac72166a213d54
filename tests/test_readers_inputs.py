"""Containers (NDJSON, arrays, pages, zip) and bad input: reported as Unreadable, never raised, never dropped."""

from __future__ import annotations

import inspect
import json
import time
import zipfile

import pytest

import trial_audit.readers as readers
from tests.conftest import SEED_PAGE, SEEDS, seed_inputs
from trial_audit.core.model import TrialRecord
from trial_audit.readers import Unreadable, iter_records

V2_FILES = ["v2_NCT00973089.json", "v2_NCT03418623.json"]


def _v2(name: str) -> dict:
    return json.loads((SEEDS / name).read_text(encoding="utf-8"))


def _read(*paths) -> list:
    return list(iter_records([str(p) for p in paths]))


def _only_bad(items) -> Unreadable:
    assert len(items) == 1 and isinstance(items[0], Unreadable), items
    return items[0]


def test_iter_records_is_a_lazy_generator(tmp_path):
    gen = iter_records([tmp_path / "does-not-exist.json"])
    assert inspect.isgenerator(gen)
    bad = _only_bad(list(gen))
    assert bad.reason == "no such file or folder"


def test_ndjson_one_study_per_line_and_a_broken_line(tmp_path):
    a, b = (_v2(n) for n in V2_FILES)
    f = tmp_path / "studies.ndjson"
    f.write_bytes(
        json.dumps(a).encode()
        + b"\n"
        + b'{"protocolSection": {"identificationModule": {"nctId": "NCT0999\n'
        + b"\n"
        + json.dumps(b).encode()
        + b"\n"
    )
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["TrialRecord", "Unreadable", "TrialRecord"]
    assert [i.source.line for i in items] == [1, 2, 4]
    assert items[0].nct_id == "NCT00973089" and items[2].nct_id == "NCT03418623"
    bad = items[1]
    assert bad.line == 2 and bad.column is not None and "invalid JSON" in bad.reason


def test_ndjson_detected_in_a_json_file(tmp_path):
    a, b = (_v2(n) for n in V2_FILES)
    f = tmp_path / "export.json"
    f.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    items = _read(f)
    assert [i.nct_id for i in items] == ["NCT00973089", "NCT03418623"]
    assert [i.source.line for i in items] == [1, 2]


def test_json_array_and_studies_page(tmp_path):
    a, b = (_v2(n) for n in V2_FILES)
    arr = tmp_path / "array.json"
    arr.write_text(json.dumps([a, 42, b], indent=2), encoding="utf-8")
    items = _read(arr)
    assert [type(i).__name__ for i in items] == ["TrialRecord", "Unreadable", "TrialRecord"]
    assert [i.source.index for i in items] == [0, 1, 2]
    assert "found a JSON int" in items[1].reason
    page = tmp_path / "page.json"
    page.write_text(json.dumps({"studies": [a, b], "nextPageToken": "x", "ctrname": "CTGOV2"}), encoding="utf-8")
    assert [i.nct_id for i in _read(page)] == ["NCT00973089", "NCT03418623"]
    empty = tmp_path / "empty-page.json"
    empty.write_text('{"studies": []}', encoding="utf-8")
    assert "holds no studies" in _only_bad(_read(empty)).reason


def test_unknown_keys_are_ignored(tmp_path):
    a = _v2(V2_FILES[0])
    a["ctrname"] = "CTGOV2"
    a["record_last_import"] = "2024-01-01"
    f = tmp_path / "a.json"
    f.write_text(json.dumps(a), encoding="utf-8")
    (rec,) = _read(f)
    assert isinstance(rec, TrialRecord) and rec.nct_id == "NCT00973089"


def test_broken_json_has_line_and_column(tmp_path):
    f = tmp_path / "broken.json"
    f.write_text('{\n  "protocolSection": {\n    "identificationModule": ,\n', encoding="utf-8")
    bad = _only_bad(_read(f))
    assert bad.reason.startswith("invalid JSON")
    assert (bad.line, bad.column) == (3, 29)
    assert bad.excerpt == '    "identificationModule": ,'


def test_json_that_is_not_a_record(tmp_path):
    f = tmp_path / "config.json"
    f.write_text('{"name": "x", "version": 1}', encoding="utf-8")
    bad = _only_bad(_read(f))
    assert "not a ClinicalTrials.gov record" in bad.reason and "name, version" in bad.reason


def test_empty_binary_and_non_utf8_files(tmp_path):
    (tmp_path / "empty.json").write_bytes(b"")
    (tmp_path / "blank.xml").write_bytes(b"  \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    seed = SEED_PAGE.read_text(encoding="utf-8")
    latin = seed.encode("latin-1", "replace")  # the page's "·" becomes the single byte 0xb7
    (tmp_path / "latin1.txt").write_bytes(latin)
    items = {i.source.path.rsplit("/", 1)[-1]: i for i in _read(tmp_path)}
    assert items["empty.json"].reason == "empty file"
    assert items["blank.xml"].reason == "empty file"
    assert items["image.txt"].reason == "binary file, not a registry record"
    bad = items["latin1.txt"]
    assert isinstance(bad, Unreadable) and bad.reason.startswith("not UTF-8 text (byte 0xb7")
    lines = seed.split("\n")
    n = next(i for i, ln in enumerate(lines) if ln.startswith("Launched by"))
    assert (bad.line, bad.column) == (n + 1, lines[n].index("\u00b7") + 1)
    assert bad.record_id == "NCT06361745"


def test_xml_entity_declarations_are_refused_not_expanded(tmp_path):
    lol = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
        + "]>\n<clinical_study><brief_title>&lol9;</brief_title></clinical_study>\n"
    )
    f = tmp_path / "lolz.xml"
    f.write_text(lol, encoding="utf-8")
    t = time.perf_counter()
    bad = _only_bad(_read(f))
    assert time.perf_counter() - t < 1.0
    assert "DOCTYPE" in bad.reason and "nothing was expanded" in bad.reason
    assert bad.line == 2 and bad.excerpt.startswith("<!DOCTYPE lolz")


def test_xml_external_entity_refused(tmp_path):
    f = tmp_path / "xxe.xml"
    f.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        "<clinical_study><brief_title>&e;</brief_title></clinical_study>",
        encoding="utf-8",
    )
    bad = _only_bad(_read(f))
    assert "refused" in bad.reason and "passwd" not in (bad.excerpt or "").replace("file:///etc/passwd", "")


def test_invalid_xml_has_line_and_column(tmp_path):
    f = tmp_path / "bad.xml"
    f.write_text("<clinical_study>\n  <id_info><nct_id>NCT01234567</nct_id>\n  </idinfo>\n</clinical_study>\n")
    bad = _only_bad(_read(f))
    assert bad.reason.startswith("invalid XML: mismatched tag")
    assert (bad.line, bad.column) == (3, 5)
    assert bad.record_id == "NCT01234567"


def test_xml_that_is_not_a_study(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text("<rss><channel/></rss>")
    assert "not <clinical_study>" in _only_bad(_read(f)).reason


def test_csv_that_is_not_an_export(tmp_path):
    f = tmp_path / "notes.csv"
    f.write_text("date,note\n2024-01-02,call the site\n")
    bad = _only_bad(_read(f))
    assert bad.reason.startswith("CSV is not a ClinicalTrials.gov export (no 'NCT Number' column), an ICTRP download")
    # a trial-ID and a criteria column make a criteria table (issue 23), read as records
    f.write_text("nctid,criteria\nNCT01234567,Inclusion Criteria\n")
    (rec,) = _read(f)
    assert rec.source.format == "criteria-table" and rec.nct_id == "NCT01234567"


def test_csv_export_row_with_too_many_cells(tmp_path):
    f = tmp_path / "ctg-studies.csv"
    f.write_text('NCT Number,Study Title\nNCT01234567,"A, study"\nNCT07654321,B,extra\nNCT01111111,C\n')
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["TrialRecord", "Unreadable", "TrialRecord"]
    assert items[0].brief_title == "A, study" and items[1].line == 3 and items[2].source.line == 4


def test_folder_walk_skips_non_record_extensions(tmp_path):
    (tmp_path / "README.md").write_text("# notes")
    (tmp_path / "__init__.py").write_text("")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.json").write_text("{")
    sub = tmp_path / "b"
    sub.mkdir()
    (sub / "page.txt").write_bytes(SEED_PAGE.read_bytes())
    (tmp_path / "a.json").write_bytes((SEEDS / V2_FILES[0]).read_bytes())
    items = _read(tmp_path)
    assert [i.nct_id for i in items] == ["NCT00973089", "NCT06361745"]  # sorted walk; files, then sub-folders


def test_explicit_file_of_unknown_type_is_sniffed(tmp_path):
    f = tmp_path / "record.dat"
    f.write_bytes((SEEDS / V2_FILES[0]).read_bytes())
    (rec,) = _read(f)
    assert rec.nct_id == "NCT00973089"
    g = tmp_path / "notes.yaml"
    g.write_text("key: value\n")
    assert "not a recognised registry record format" in _only_bad(_read(g)).reason


def test_zip_archive_with_broken_nested_and_oversized_members(tmp_path, monkeypatch):
    monkeypatch.setattr(readers.archives, "ZIP_MAX_MEMBER_BYTES", 20_000)
    z = tmp_path / "bulk.zip"
    big = json.dumps(_v2("v2_NCT00973089.json")) + " " * 30_000
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ctg-studies/NCT00973089.json", (SEEDS / V2_FILES[0]).read_bytes())
        zf.writestr("ctg-studies/NCT03418623.json", (SEEDS / V2_FILES[1]).read_bytes())
        zf.writestr("ctg-studies/NCT09999999.json", b'{"protocolSection": {')
        zf.writestr("ctg-studies/big.json", big)
        zf.writestr("ctg-studies/inner.zip", b"PK\x05\x06" + b"\x00" * 18)
        zf.writestr("ctg-studies/README.md", b"not a record")
        zf.writestr("ctg-studies/page.txt", SEED_PAGE.read_bytes())
        zf.writestr("ctg-studies/NCT00055081.xml", (SEEDS / "xml_NCT02699827.xml").read_bytes())
    items = _read(z)
    by_member = {i.source.member: i for i in items}
    assert sorted(by_member) == sorted(
        f"ctg-studies/{n}"
        for n in ["NCT00973089.json", "NCT03418623.json", "NCT09999999.json", "big.json", "inner.zip", "page.txt", "NCT00055081.xml"]
    )
    assert by_member["ctg-studies/NCT00973089.json"].nct_id == "NCT00973089"
    assert by_member["ctg-studies/NCT00055081.xml"].nct_id == "NCT02699827"
    assert by_member["ctg-studies/page.txt"].nct_id == "NCT06361745"
    broken = by_member["ctg-studies/NCT09999999.json"]
    assert isinstance(broken, Unreadable) and broken.line == 1 and broken.record_id == "NCT09999999"
    assert "too large" in by_member["ctg-studies/big.json"].reason
    assert "nested archive" in by_member["ctg-studies/inner.zip"].reason
    assert by_member["ctg-studies/NCT00973089.json"].source.display().endswith("bulk.zip!ctg-studies/NCT00973089.json")


def test_zip_member_larger_than_declared_is_cut_off(tmp_path, monkeypatch):
    """A member whose header understates its size is still not read past the bound."""
    monkeypatch.setattr(readers.archives, "ZIP_MAX_MEMBER_BYTES", 1000)
    z = tmp_path / "liar.zip"
    with zipfile.ZipFile(z, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("a.json", b"[" + b" " * 5000 + b"]")
    # declare a small size on the member info object the reader sees
    orig_infolist = zipfile.ZipFile.infolist

    def infolist(self):
        out = orig_infolist(self)
        for i in out:
            i.file_size = 10
        return out

    monkeypatch.setattr(zipfile.ZipFile, "infolist", infolist)
    items = _read(z)
    bad = _only_bad(items)
    assert "too large" in bad.reason or "cannot be decompressed" in bad.reason


def test_zip_total_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(readers.archives, "ZIP_MAX_TOTAL_BYTES", 12_000)
    z = tmp_path / "many.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for name in V2_FILES:
            zf.writestr(name, (SEEDS / name).read_bytes())
    items = _read(z)
    assert isinstance(items[0], TrialRecord)
    assert isinstance(items[-1], Unreadable) and "total uncompressed size" in items[-1].reason


def test_not_a_zip(tmp_path):
    z = tmp_path / "truncated.zip"
    z.write_bytes(b"PK\x03\x04" + b"\x00" * 10)
    assert "zip" in _only_bad(_read(z)).reason


@pytest.mark.parametrize("payload", [b"null", b"42", b'"text"', b"[]"])
def test_json_scalars_are_unreadable(tmp_path, payload):
    f = tmp_path / "x.json"
    f.write_bytes(payload)
    assert isinstance(_only_bad(_read(f)), Unreadable)


def test_json_with_a_utf8_byte_order_mark_is_read(tmp_path):
    """Windows tools save JSON with a BOM; the record is the same as without it, errors keep their column."""
    raw = (SEEDS / V2_FILES[0]).read_bytes()
    plain, bom = tmp_path / "plain.json", tmp_path / "bom.json"
    plain.write_bytes(raw)
    bom.write_bytes(b"\xef\xbb\xbf" + raw)
    (a,), (b,) = _read(plain), _read(bom)
    assert isinstance(b, TrialRecord) and (b.nct_id, b.brief_title, b.criteria) == (a.nct_id, a.brief_title, a.criteria)
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'\xef\xbb\xbf{"a": }')
    bad = _only_bad(_read(broken))
    assert (bad.line, bad.column) == (1, 8)  # as for NDJSON, the BOM is one character


def test_csv_row_that_is_not_utf8_is_one_unreadable(tmp_path):
    f = tmp_path / "ctg-studies.csv"
    f.write_bytes(
        b"\xef\xbb\xbfNCT Number,Study Title,Locations\n"
        b'NCT01234567,First,"Hospital, Paris, France"\n'
        b"NCT07654321,Caf\xe9 study,\n"
        b"NCT01111111,Third,\n"
    )
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["TrialRecord", "Unreadable", "TrialRecord"]
    bad = items[1]
    assert bad.reason.startswith("not UTF-8 text (byte 0xe9") and (bad.line, bad.column) == (3, 16)
    assert bad.record_id == "NCT07654321"
    assert items[0].nct_id == "NCT01234567" and items[0].locations[0].city == "Paris"


def test_mutated_real_inputs_never_raise():
    """Truncated, byte-flipped and spliced copies of every seed format: read or reported, never a crash."""
    import random

    from trial_audit.core.model import Source
    from trial_audit.readers import read_bytes

    rng = random.Random(2024)
    seen_bad = 0
    for path, data in seed_inputs():
        for _ in range(40):
            d = bytearray(data)
            op = rng.randrange(4)
            if op == 0:
                d = d[: rng.randrange(len(d))]
            elif op == 1:
                for _ in range(rng.randint(1, 4)):
                    d[rng.randrange(len(d))] = rng.randrange(256)
            elif op == 2:
                a = rng.randrange(len(d))
                del d[a : a + rng.randint(1, 300)]
            else:
                a = rng.randrange(len(d))
                d[a:a] = rng.choice([b"{", b'"', b"<", b"\n\n", b"\x00", b"\xff", b"Timeline\n\n", b",", b"]"])
            out = list(read_bytes(bytes(d), Source(path.name), path.name))
            assert out
            for item in out:
                if isinstance(item, Unreadable):
                    seen_bad += 1
                    assert "reader failed" not in item.reason and "could not map" not in item.reason, item
    assert seen_bad > 50  # the mutations did break things


def test_records_in_a_page_know_their_line(shared_data):
    path = shared_data / "ctgov-v2" / "studies.json"
    lines = path.read_text(encoding="utf-8").split("\n")
    items = _read(path)
    assert len(items) == 5
    for rec in items:
        # the line the record's protocolSection starts on holds that record's NCT ID
        assert '"protocolSection"' in lines[rec.source.line - 1]
        assert rec.nct_id in lines[rec.source.line - 1]


def test_big_ndjson_named_json_is_streamed(tmp_path, monkeypatch):
    monkeypatch.setattr(readers.files, "MAX_DOCUMENT_BYTES", 1000)
    a, b = (_v2(n) for n in V2_FILES)
    f = tmp_path / "bulk.json"
    f.write_text(json.dumps(a) + "\n" + json.dumps(b) + "\n", encoding="utf-8")
    assert [i.nct_id for i in _read(f)] == ["NCT00973089", "NCT03418623"]
    g = tmp_path / "huge.json"
    g.write_text(json.dumps(a, indent=2), encoding="utf-8")
    assert "byte bound for one document" in _only_bad(_read(g)).reason


def test_json_and_xml_that_are_not_utf8(tmp_path):
    f = tmp_path / "NCT01234567.json"
    f.write_bytes(b'{\n  "protocolSection": {\n    "identificationModule": {"briefTitle": "Caf\xe9"}}}\n')
    bad = _only_bad(_read(f))
    assert bad.reason.startswith("not UTF-8 text (byte 0xe9") and (bad.line, bad.column) == (3, 48)
    assert bad.record_id == "NCT01234567"  # recovered from the file name
    g = tmp_path / "x.xml"
    g.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n<clinical_study>\n<brief_title>Caf\xe9</brief_title>\n</clinical_study>')
    bad = _only_bad(_read(g))
    assert bad.reason.startswith("invalid XML") and bad.line == 3


def test_xml_in_another_encoding_goes_through_defusedxml(tmp_path):
    f = tmp_path / "utf16.xml"
    doc = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<clinical_study>&a;</clinical_study>'
    f.write_bytes(doc.encode("utf-16"))
    bad = _only_bad(_read(f))
    assert bad.reason == "UTF-16 text; re-save the file as UTF-8"
    g = tmp_path / "cp1252.xml"
    g.write_bytes(b'<?xml version="1.0" encoding="windows-1252"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<clinical_study>&a;</clinical_study>')
    assert "refused" in _only_bad(_read(g)).reason
    h = tmp_path / "latin1.xml"
    h.write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n<clinical_study><id_info><nct_id>NCT01234567</nct_id></id_info>'
        b"<brief_title>Caf\xe9</brief_title></clinical_study>"
    )
    (rec,) = _read(h)
    assert rec.brief_title == "Caf\u00e9"
