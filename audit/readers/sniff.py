"""Which kind of input a file is, decided from its first bytes (the extension only breaks ties)."""

from __future__ import annotations

import os

#: how much of a file is read to decide its kind
HEAD_BYTES = 64 * 1024
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
NDJSON_EXTENSIONS = frozenset({".jsonl", ".ndjson"})

#: the format an input of a kind is reported under when it cannot be read (readers set the exact one)
KIND_FORMAT = {"json": "json", "ndjson": "json", "xml": "ctgov-xml", "page": "page-text", "csv": "ctgov-csv"}
#: kinds read by the readers of other registries and tables (each sets its exact format: ictrp-csv or criteria-table ...)
KIND_FORMAT.update({"ictrp-xml": "ictrp-xml", "table-csv": "ictrp-csv", "xlsx": "ictrp-xlsx"})
XLSX_EXTENSIONS = frozenset({".xlsx", ".xlsm"})
#: the parts an XLSX package starts with (the first zip member's name; Excel writes [Content_Types].xml first)
_XLSX_FIRST_PARTS = (b"[Content_Types].xml", b"docProps/", b"xl/", b"_rels/")


def ext(name: str) -> str:
    """The lower-cased extension of a file name (".json")."""
    return os.path.splitext(name)[1].lower()


def is_zip_head(head: bytes) -> bool:
    return head[:4] in ZIP_MAGICS


def is_xlsx_head(head: bytes, name: str) -> bool:
    """A zip package that is an XLSX workbook: named .xlsx, or its first part is one of a workbook's."""
    if ext(name) in XLSX_EXTENSIONS:
        return True
    if len(head) < 30 or head[:4] != b"PK\x03\x04":
        return False
    length = int.from_bytes(head[26:28], "little")
    return head[30 : 30 + length].startswith(_XLSX_FIRST_PARTS)


def sniff(head: bytes, name: str, complete: bool) -> str | tuple[str, str]:
    """The kind of input ("zip", "xlsx", "json", "ndjson", "xml", "ictrp-xml", "csv", "table-csv", "page") or ("bad", reason)."""
    if is_zip_head(head):
        return "xlsx" if is_xlsx_head(head, name) else "zip"
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    stripped = body.lstrip()
    if not stripped:
        return ("bad", "empty file" if complete else "file starts with 64 KB of blank space; not a registry record")
    if head[:2] == b"\x1f\x8b":
        return ("bad", "gzip-compressed file; decompress it first")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return ("bad", "UTF-16 text; re-save the file as UTF-8")
    if b"\x00" in head:
        return ("bad", "binary file, not a registry record")
    extension = ext(name)
    first = stripped[:1]
    if first in (b"{", b"["):
        return "ndjson" if extension in NDJSON_EXTENSIONS else "json"
    if first == b"<":
        from trial_audit.readers import ictrp_xml  # on demand: an audit loads only the formats it meets

        return "ictrp-xml" if ictrp_xml.is_ictrp_xml(head) else "xml"
    from trial_audit.readers import ctgov_csv, page_text, tables  # not needed by JSON and XML, most inputs

    text = body.decode("utf-8", "ignore")
    first_line = text.lstrip().split("\n", 1)[0].strip().lstrip('"').strip()
    if first_line.startswith(ctgov_csv.ID_COLUMN):
        return "csv"
    if tables.header_kind(tables.first_csv_row(text)) is not None:
        return "table-csv"  # an ICTRP download or a criteria table
    if extension == ".csv":
        return (
            "bad",
            "CSV is not a ClinicalTrials.gov export (no 'NCT Number' column), an ICTRP download (TrialID, Public title, ...) "
            "or a criteria table (a trial-ID and a criteria column; name them with --columns)",
        )
    if page_text.looks_like_page(text):
        return "page"
    return (
        "bad",
        "not a recognised registry record format (expected ClinicalTrials.gov JSON or XML, a search-page CSV export or a trial page text)",
    )
