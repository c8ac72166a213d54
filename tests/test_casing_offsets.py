"""Offsets survive case-folding: characters whose case mapping changes length never move evidence or hide findings.

"İ".lower() is two characters ("i" + a combining dot), "ß".upper() is "SS", "ﬁ".upper() is "FI". An "AKİ" early in a
description once shifted every keyword offset found in ``text.lower()`` after it, so evidence quoted the wrong text and
ages were missed. The family test below puts such characters in front of the free-text fields of every bundled example
record (the seeds and every rule's ``bad`` examples) and asserts that the same findings come out, each quoting exactly
the text its offsets slice out of its field.
"""

from __future__ import annotations

import copy
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trial_audit.core.casing import casefold_keeping_offsets, lower_keeping_offsets, upper_keeping_offsets
from trial_audit.core.dates import parse_date
from trial_audit.core.model import TrialRecord, record_from_example
from trial_audit.engine.checker import check_record
from trial_audit.engine.registry import Context, load_rules
from trial_audit.readers.files import iter_records

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = load_rules()
CTX = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
RECORD_RULES = [c for c in RULES.values() if c.scope == "record"]

#: a line of characters whose lower, upper or casefold mapping is longer than one character; Turkish capitals
#: repeat "İ" often enough to move an offset out of any search window after it
PREFIX = "AKİ Straße ﬁle ŉ ǰ. " + "İSTANBUL İLİ İÇİN İKİNCİ İLAÇ İZLEME. " * 6 + "\n"
#: free-text fields (long enough that a leading line does not change what they say)
FREE_TEXT = ("criteria", "brief_summary", "detailed_description", "plain_summary", "sponsor_description", "why_stopped")
#: rules about a field's length: a longer field legitimately moves where it is cut
ABOUT_LENGTH = {"TA706"}

MAPPINGS = (
    (lower_keeping_offsets, str.lower),
    (upper_keeping_offsets, str.upper),
    (casefold_keeping_offsets, str.casefold),
)


# --- the helpers -------------------------------------------------------------------------


@pytest.mark.parametrize("keeping,plain", MAPPINGS, ids=["lower", "upper", "casefold"])
def test_every_character_maps_to_one(keeping, plain):
    grows = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF and len(plain(chr(i))) != 1]
    assert grows, "Unicode has characters whose full case mapping is longer"
    text = "".join(grows)
    assert len(keeping(text)) == len(text)


@pytest.mark.parametrize(
    "text,lower,upper",
    [
        ("AKİ", "aki", "AKİ"),  # the letter without its combining dot
        ("Straße", "straße", "STRAßE"),  # "SS" is two characters: ß stays
        ("ﬁle", "ﬁle", "ﬁLE"),
        ("ǰ", "ǰ", "J"),  # J + combining caron: the letter
        ("ŉ", "ŉ", "ŉ"),  # ʼN: no single character
        ("Inclusion", "inclusion", "INCLUSION"),
    ],
)
def test_mapping_examples(text, lower, upper):
    assert lower_keeping_offsets(text) == lower
    assert upper_keeping_offsets(text) == upper


@given(st.text())
def test_same_length_and_same_as_plain_where_plain_keeps_length(text):
    for keeping, plain in MAPPINGS:
        mapped = keeping(text)
        assert len(mapped) == len(text)
        for c, m in zip(text, mapped, strict=True):
            full = plain(c)
            assert m == full if len(full) == 1 else m in (c, unicodedata.normalize("NFC", full)[:1], full[:1])


# --- every family: the same findings, with offsets that slice their quotes --------------------


def _cases():
    out = []
    for cls in RECORD_RULES:
        for k, example in enumerate(cls.bad):
            out.append(pytest.param(lambda ex=example: record_from_example(ex), [cls], id=f"{cls.code}-bad{k}"))
    for r in iter_records([SEEDS]):
        if isinstance(r, TrialRecord):
            out.append(pytest.param(lambda r=r: copy.deepcopy(r), RECORD_RULES, id=f"seed-{Path(r.source.path).name}-{r.nct_id}"))
    return out


def _prefixed(record: TrialRecord) -> tuple[TrialRecord, dict[str, int]]:
    """The record with PREFIX in front of each free text; the shift of each field it changed."""
    shifted: dict[str, int] = {}
    for name in FREE_TEXT:
        value = getattr(record, name)
        if isinstance(value, str) and value.strip():
            setattr(record, name, PREFIX + value)
            shifted[name] = len(PREFIX)
    for k, outcome in enumerate(record.outcomes):
        if outcome.description and outcome.description.strip():
            outcome.description = PREFIX + outcome.description
            shifted[f"outcomes[{k}].description"] = len(PREFIX)
    previous = record.extra.get("previous")
    if isinstance(previous, dict):  # a history rule's example: the earlier version, as canonical fields
        previous = dict(previous)
        for name in FREE_TEXT:
            if isinstance(previous.get(name), str) and previous[name].strip():
                previous[name] = PREFIX + previous[name]
                shifted[f"extra.previous.{name}"] = len(PREFIX)
        record.extra = {**record.extra, "previous": previous}
    return record, shifted


def _evidence(finding):
    return ([finding.evidence] if finding.evidence else []) + list(finding.related)


def _keys(findings, shifted: dict[str, int]) -> set[tuple]:
    """Findings as (rule, evidence with the offsets they have without PREFIX); findings that quote from a changed
    field's start are left out (they may quote PREFIX itself, or a whole field)."""
    keys = set()
    for f in findings:
        if f.rule in ABOUT_LENGTH:
            continue
        spans = []
        for e in _evidence(f):
            s = shifted.get(e.field, 0) if e.end > e.start else 0
            if e.field in shifted and e.start <= s and e.end > e.start:
                break
            spans.append((e.field, e.start - s, e.end - s, e.text))
        else:
            keys.add((f.rule, *spans))
    return keys


def _unsliced(record: TrialRecord, findings) -> list[tuple]:
    bad = []
    for f in findings:
        for e in _evidence(f):
            text = record.text(e.field)
            if e.end > e.start and text is not None and text[e.start : e.end] != e.text:
                bad.append((f.rule, e.field, e.start, e.end, e.text, text[e.start : e.end]))
    return bad


@pytest.mark.parametrize("make,rules", _cases())
def test_length_changing_case_mappings_move_no_finding(make, rules):
    plain = make()
    before = check_record(plain, [r() for r in rules], CTX)
    mutated, shifted = _prefixed(make())
    after = check_record(mutated, [r() for r in rules], CTX)
    assert not [f for f in after if f.rule not in {r.code for r in rules}], "no rule failed"
    assert _unsliced(plain, before) == []
    assert _unsliced(mutated, after) == [], "evidence offsets slice exactly the quoted text"
    assert _keys(after, shifted) == _keys(before, {k: 0 for k in shifted}), "the same findings with length-changing capitals in front"


def test_the_family_test_sees_offsets_moved_by_lower_case(monkeypatch):
    """The test above fails where offsets come from ``text.lower()``: the age phrases of a criteria text after an "AKİ"."""
    age_modules = [m for name, m in sys.modules.items() if name.startswith("trial_audit.text.age_")]
    patched = [m for m in age_modules if hasattr(m, "lower_keeping_offsets")]
    assert patched
    for m in patched:
        monkeypatch.setattr(m, "lower_keeping_offsets", str.lower)
    failed = []
    for param in _cases():
        make, rules = param.values
        if not any(r.code.startswith("TA2") for r in rules):
            continue
        try:
            test_length_changing_case_mappings_move_no_finding(make, rules)
        except AssertionError:
            failed.append(param.id)
    assert failed, "plain lower-casing in the age modules is caught"
