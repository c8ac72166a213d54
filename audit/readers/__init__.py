"""Read files, folders and zip archives into canonical records, detecting each file's format.

``iter_records(paths)`` is a generator: files are read one at a time (folders walked
recursively in sorted order, never listed-and-loaded up front), NDJSON and CSV exports are
streamed row by row, and every input that cannot become a record yields an
:class:`~trial_audit.readers.base.Unreadable` saying why (with line and column where the parser gives
them) - nothing is dropped silently and nothing raises.

Formats (detected from the content, the extension only breaks ties):

- ClinicalTrials.gov API v2 JSON: a study, a ``{"studies": [...]}`` page, a JSON array,
  NDJSON/JSONL (one study per line) -> :mod:`trial_audit.readers.ctgov_v2`
- the classic API's ``FullStudiesResponse`` JSON -> :mod:`trial_audit.readers.ctgov_classic`
- legacy ``<clinical_study>`` XML (DTDs and entities refused) -> :mod:`trial_audit.readers.ctgov_xml`
- the search-page CSV export (header starts with "NCT Number") -> :mod:`trial_audit.readers.ctgov_csv`
- the patient-facing trial page text -> :mod:`trial_audit.readers.page_text`
- the WHO ICTRP XML export (streamed) -> :mod:`trial_audit.readers.ictrp_xml`; its CSV and XLSX
  downloads and criteria tables (a trial-ID and a criteria column) -> :mod:`trial_audit.readers.tables`
  (XLSX through :mod:`trial_audit.readers.xlsx`, bounded); the DRKS portal's JSON ->
  :mod:`trial_audit.readers.drks_json` (see docs/readers.md)
- ``.zip`` archives of any of these (the registry's bulk download), bounded in members and
  sizes; nested archives are not followed.

In a folder, files whose extension is not a record extension (``.md``, ``.py``, ``.png`` ...)
and hidden files are skipped; a file named explicitly is always sniffed.

One module per job (this package only re-exports the public names):

- :mod:`~trial_audit.readers.files` - paths -> records (``iter_records``, ``read_path``)
- :mod:`~trial_audit.readers.walk` - which files of a folder are read, in which order
- :mod:`~trial_audit.readers.sniff` - the kind of an input, from its first bytes
- :mod:`~trial_audit.readers.documents` - one document in memory -> records (``read_bytes``)
- :mod:`~trial_audit.readers.studies` - JSON study objects and JSON errors
- :mod:`~trial_audit.readers.streams` - NDJSON and CSV exports, streamed
- :mod:`~trial_audit.readers.archives` - zip archives and their bounds
- :mod:`~trial_audit.readers.plan` - independent Units for parallel auditing

The bounds (``ZIP_MAX_MEMBER_BYTES``, ``MAX_DOCUMENT_BYTES``, ``NDJSON_SPLIT_BYTES`` ...) are
re-exported for reading; to change one (a test), set it on the module that owns it.
"""

from __future__ import annotations

from collections.abc import Iterable

from trial_audit.core.model import TrialRecord
from trial_audit.readers.archives import ZIP_MAX_MEMBER_BYTES, ZIP_MAX_MEMBERS, ZIP_MAX_TOTAL_BYTES
from trial_audit.readers.base import ReadResult, Unreadable
from trial_audit.readers.documents import read_bytes
from trial_audit.readers.files import MAX_DOCUMENT_BYTES, iter_records, read_path
from trial_audit.readers.plan import NDJSON_SPLIT_BYTES, Unit, plan_units
from trial_audit.readers.skipped import skipped_inputs
from trial_audit.readers.sniff import HEAD_BYTES, sniff
from trial_audit.readers.walk import RECORD_EXTENSIONS, skipped_files

__all__ = [
    "iter_records",
    "read_path",
    "read_bytes",
    "skipped_files",
    "skipped_inputs",
    "sniff",
    "plan_units",
    "Unit",
    "count_records",
    "Unreadable",
    "ReadResult",
    "RECORD_EXTENSIONS",
    "HEAD_BYTES",
    "MAX_DOCUMENT_BYTES",
    "NDJSON_SPLIT_BYTES",
    "ZIP_MAX_MEMBERS",
    "ZIP_MAX_MEMBER_BYTES",
    "ZIP_MAX_TOTAL_BYTES",
]


def count_records(results: Iterable[ReadResult]) -> tuple[int, int]:
    """(records, unreadable) - a convenience for tests and benchmarks."""
    ok = bad = 0
    for r in results:
        if isinstance(r, TrialRecord):
            ok += 1
        else:
            bad += 1
    return ok, bad
