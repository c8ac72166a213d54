"""Shared helpers of the outcome-measure rules (TA8xx). Registers no rule.

The rules read ``record.outcomes`` (every registered measure with its kind, description and time
frame), which the ClinicalTrials.gov readers fill for v2, classic and legacy XML records and
any other reader may fill. A format that cannot carry outcome measures (a CSV export joins
title, description and time frame into one cell; the patient page has no outcome section) is
never asked for them.
"""

from __future__ import annotations

from trial_audit.checks._shared.timeline import FDAAA_DATA_ELEMENTS, LABELS, ended_before, last_touched
from trial_audit.core.dates import DateType
from trial_audit.core.findings import Evidence
from trial_audit.core.model import TrialRecord

#: formats whose records carry outcome measures as separate title / description / time frame
FORMATS_WITH_OUTCOMES = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "example", ""})

KIND_WORDS = {"PRIMARY": "primary outcome", "SECONDARY": "secondary outcome", "OTHER": "other outcome"}


def carries_outcomes(record: TrialRecord) -> bool:
    """The record's format has a place for outcome measures (or the record has some)."""
    return bool(record.outcomes) or (record.source.format or "") in FORMATS_WITH_OUTCOMES


def field(k: int, attr: str) -> str:
    """The canonical field name of an outcome's part: ``outcomes[2].time_frame``."""
    return f"outcomes[{k}].{attr}"


def label(record: TrialRecord, k: int) -> str:
    """'primary outcome 2' (its position among the outcomes of its kind, as the registry shows them)."""
    kind = record.outcomes[k].kind or ""
    n = sum(1 for o in record.outcomes[: k + 1] if o.kind == kind)
    return f"{KIND_WORDS.get(kind, 'outcome')} {n}"


def whole(record: TrialRecord, k: int, attr: str) -> Evidence:
    """The whole text of an outcome's part as evidence ("" with zero offsets when it is empty)."""
    text = getattr(record.outcomes[k], attr) or ""
    return Evidence(field(k, attr), text, 0, len(text))


def quote(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def not_required_then(record: TrialRecord) -> str | None:
    """Why outcome measures with time frames were not a required data element for this record
    (it ended, or was last updated, before FDAAA's data elements of 2007-12-26), or None."""
    pcd = record.dates.get("primary_completion")
    if pcd is not None and pcd.type is not DateType.ESTIMATED and pcd.is_before(FDAAA_DATA_ELEMENTS):
        # FDAAA applied to trials "ongoing" on 2007-12-26, i.e. before their primary completion date then
        return (
            f"its primary completion date ({pcd.iso()}) is before FDAAA made outcome measures with time frames "
            f"required data elements (from {FDAAA_DATA_ELEMENTS.iso()})"
        )
    ended = ended_before(record, FDAAA_DATA_ELEMENTS)
    if ended is not None:
        return (
            f"the study had ended by its {LABELS[ended[0]]} ({ended[1].iso()}), before FDAAA made outcome measures "
            f"with time frames required data elements (from {FDAAA_DATA_ELEMENTS.iso()})"
        )
    touched = last_touched(record)
    if touched is not None and touched[1].is_before(FDAAA_DATA_ELEMENTS):
        return (
            f"the record was last updated {touched[1].iso()} ({LABELS[touched[0]]}), before FDAAA made outcome measures "
            f"with time frames required data elements (from {FDAAA_DATA_ELEMENTS.iso()})"
        )
    return None
