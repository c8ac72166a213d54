"""ClinicalTrials.gov API v2 JSON -> TrialRecord.

Accepted shapes (the container is handled by :mod:`trial_audit.readers`): one study object
(``protocolSection`` at the top), a ``{"studies": [...]}`` page, a JSON array of studies and
NDJSON (one study per line). Keys the reader does not know (``ctrname``,
``record_last_import``, ``resultsSection`` ...) are ignored. v2 text fields are Markdown.
The fields read are those of the key table, :mod:`trial_audit.readers.ctgov_keys`.
"""

from __future__ import annotations

from typing import Any

from trial_audit.core.model import Source, TrialRecord, enum_token
from trial_audit.readers import ctgov_json
from trial_audit.readers.common import NotARecord, as_bool, as_str, enum

FORMAT = "ctgov-v2"
P = "protocolSection"


def _has_results(study: dict[str, Any]) -> tuple[bool, bool | None]:
    return "hasResults" in study, as_bool(study.get("hasResults"))


DIALECT = ctgov_json.Dialect(
    format=FORMAT,
    spell=lambda path: path,
    criteria_markdown=True,
    site_status=enum,
    enrollment_type=enum_token,
    party_type=as_str,
    has_results=_has_results,
    flag_scalar_phases=True,
)


def is_v2_study(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get(P), dict)


def study_to_record(study: Any, source: Source) -> TrialRecord:
    """Map one v2 study object to the canonical record (raises NotARecord if it is not one)."""
    if not is_v2_study(study):
        if isinstance(study, dict):
            keys = ", ".join(list(study)[:6]) or "no keys"
            raise NotARecord(f"JSON object is not a ClinicalTrials.gov v2 study (no protocolSection; keys: {keys})")
        raise NotARecord(f"expected a v2 study object, found a JSON {type(study).__name__}")
    return ctgov_json.study_to_record(study, source, DIALECT)
