"""Condition scope for the TA3xx rules: the public names, re-exported from the modules that hold them.

* ``condition_vocabulary``: concepts, markers, loading the TOML vocabulary, ICD-10-CM names and relations.
* ``condition_analysis``: one record's declared conditions and the conditions its criteria require.
* ``condition_wording``: the words around a condition's name in an item (negation, requirement cues).
* ``condition_scoping``: which of those requirements are scoped to a subgroup.
* ``condition_systems``: organ systems (ICD-10-CM chapters).
* ``condition_icd_names``: ICD-10-CM names in text and the codes of registered condition names.
* ``condition_tokens``: word tokens and literal triggers the matchers use.

Rules and tests import from here; the split is an implementation detail.
"""

from __future__ import annotations

from trial_audit.text.condition_analysis import (
    Analysis,
    ItemHit,
    Source,
    analyse,
    condition_evidence,
    declared_names,
    names,
)
from trial_audit.text.condition_scoping import is_scoped_hit
from trial_audit.text.condition_vocabulary import (
    DATA_FILE,
    Concept,
    Marker,
    Mention,
    Vocabulary,
    icd_index,
    load_vocabulary,
    vocabulary_paths,
)
from trial_audit.text.icd10cm import icd_title_key

__all__ = [
    "DATA_FILE",
    "Analysis",
    "Concept",
    "ItemHit",
    "Marker",
    "Mention",
    "Source",
    "Vocabulary",
    "analyse",
    "condition_evidence",
    "declared_names",
    "icd_index",
    "icd_title_key",
    "is_scoped_hit",
    "load_vocabulary",
    "names",
    "vocabulary_paths",
]
