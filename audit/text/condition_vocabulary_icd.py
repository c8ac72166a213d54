"""ICD-10-CM names and relations for the condition vocabulary (split from ``condition_vocabulary``).

Each curated concept also gets the ICD-10-CM titles and inclusion terms of its codes as names
(``_add_icd_names``); the ICD-10-CM hierarchy relates codes (``_icd_related``) and relates a
registered name the curated list does not know to its concepts (``_icd_concepts``). ICD-10-CM is
read offline from the extract ``trial_audit.text.icd10cm`` ships.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from trial_audit.text.icd10cm import ICD_BRACKETS, icd_title_key, tabular

if TYPE_CHECKING:
    from trial_audit.text.condition_vocabulary import Concept, Vocabulary


def _icd_titles(code: str) -> list[str]:
    clean = []
    for t in tabular().titles(code):
        t2 = ICD_BRACKETS.sub("", t).strip()
        low = t2.lower()
        if not t2 or "unspecified" in low or "other " in low or " nos" in low or len(t2) > 60:
            continue
        clean.append(t2)
    return clean


def _add_icd_names(concepts: dict[str, Concept]) -> None:
    for c in concepts.values():
        if c.umbrella:
            continue
        for code in c.icd10:
            for t in _icd_titles(code):
                if t.lower() not in (s.lower() for s in c.synonyms):
                    c.synonyms.append(t)


def _icd_related(a: Sequence[str], b: Sequence[str]) -> bool:
    if not a or not b:
        return False
    tab = tabular()
    for x in a:
        for y in b:
            if x == y:
                return True
            if tab.node(x) is not None and tab.node(y) is not None:
                if tab.is_ancestor(x, y) or tab.is_ancestor(y, x):
                    return True
                continue
            # a code ICD-10-CM does not know (a typo, a range that is no block): by prefix
            dx, dy = x.replace(".", ""), y.replace(".", "")
            if "-" not in dx + dy and (dx.startswith(dy) or dy.startswith(dx)):
                return True
    return False


def icd_index() -> dict[str, str]:
    """Normalised ICD-10-CM title / inclusion term -> code (categories and subcategories)."""
    return tabular().title_index


def _icd_concepts(vocab: Vocabulary, name: str) -> set[str]:
    """Concepts related through ICD-10-CM to a name the curated list does not know."""
    if len(name) > 1000:
        return set()  # no ICD-10-CM title is that long; and the bracket pattern is quadratic on "((((..."
    code = icd_index().get(icd_title_key(name))
    if not code:
        return set()
    return {c.id for c in vocab.concepts.values() if c.icd10 and _icd_related((code,), c.icd10)}
