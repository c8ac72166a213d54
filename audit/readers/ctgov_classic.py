"""The classic ClinicalTrials.gov API JSON (``FullStudiesResponse``) -> TrialRecord.

``{"FullStudiesResponse": {"FullStudies": [{"Rank": 1, "Study": {...}}]}}``: PascalCase modules,
lists wrapped as ``{"ConditionList": {"Condition": [...]}}``, dates such as "June 1, 2020" or
"June 2020" with types "Actual" / "Anticipated" / "Estimate", and display strings for enums
("Active, not recruiting") which are normalised to the v2 spelling. Provenance paths are
relative to the ``Study`` object. The fields read are those of the key table,
:mod:`trial_audit.readers.ctgov_keys`, spelled by its ``classic_path``.
"""

from __future__ import annotations

from typing import Any

from trial_audit.core.dates import normalise_type
from trial_audit.core.model import Source, TrialRecord, enum_token
from trial_audit.readers import ctgov_json
from trial_audit.readers.common import NotARecord, site_status
from trial_audit.readers.ctgov_keys import classic_path

FORMAT = "ctgov-classic"
P = "ProtocolSection"


def _enrollment_type(text: str) -> str:
    """ "Actual" / "Anticipated" / "Estimate" -> the v2 tokens ACTUAL / ESTIMATED."""
    dt = normalise_type(text)
    return dt.value if dt else enum_token(text)


def _has_results(study: dict[str, Any]) -> tuple[bool, bool | None]:
    """The classic API has no hasResults flag; a study with results carries a ResultsSection."""
    return ("ResultsSection" in study, True)


DIALECT = ctgov_json.Dialect(
    format=FORMAT,
    spell=classic_path,
    criteria_markdown=False,
    site_status=site_status,
    enrollment_type=_enrollment_type,
    party_type=enum_token,
    has_results=_has_results,
)


def is_classic_study(obj: Any) -> bool:
    return isinstance(obj, dict) and isinstance(obj.get(P), dict)


def unwrap(obj: Any) -> Any:
    """A FullStudies item ({"Rank", "Study"}) or a bare Study -> the Study object."""
    if isinstance(obj, dict) and isinstance(obj.get("Study"), dict):
        return obj["Study"]
    return obj


def study_to_record(study: Any, source: Source) -> TrialRecord:
    """Map one classic ``Study`` object (or a FullStudies item) to the canonical record."""
    study = unwrap(study)
    if not is_classic_study(study):
        raise NotARecord("JSON object is not a classic ClinicalTrials.gov study (no ProtocolSection)")
    return ctgov_json.study_to_record(study, source, DIALECT)
