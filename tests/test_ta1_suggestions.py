"""TA110-TA113 suggestions are the edit for their own finding, and applying one never creates a
new duplicate or gap in the list."""

import re

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))


def _findings(code: str, criteria: str):
    rec = TrialRecord(source=Source(path="x.json", format="v2"), criteria=criteria)
    return list(load_rules()[code]().check(rec, CTX))


def _apply(criteria: str, finding) -> list[int]:
    """The list's numbers after applying the "'a' becomes 'b'" pairs of a finding's suggestion, in
    order from the finding's item (each old marker replaced at its next occurrence)."""
    suggestion = finding.suggestion
    lines = criteria.split("\n")
    pairs = re.findall(r"'([0-9]+)\.' becomes '([0-9]+)\.'", suggestion)
    if not pairs:
        m = re.search(r"this item '([0-9]+)\.' as '([0-9]+)\.'", suggestion)
        pairs = [m.groups()]
    k = criteria[: finding.evidence.start].count("\n")
    for old, new in pairs:
        while not lines[k].startswith(old + ". "):
            k += 1
        lines[k] = new + lines[k][len(old) :]
        k += 1
    return [int(x.split(".")[0]) for x in lines if x[:1].isdigit()]


def test_duplicate_renumbering_shifts_the_items_that_follow():
    # renumbering the second "3." as "4." alone would duplicate the "4." after it
    text = "Inclusion Criteria:\n1. Age 18 or older\n2. Consent\n3. ECOG 0-1\n3. Adequate marrow\n4. Adequate liver\n5. Contraception"
    (f,) = _findings("TA111", text)
    assert "the 2 items after it" in f.suggestion
    assert _apply(text, f) == [1, 2, 3, 4, 5, 6]


def test_duplicate_without_a_following_run_renumbers_one_item():
    text = "Exclusion Criteria:\n1. Pregnancy\n2. Infection\n2. HIV"
    (f,) = _findings("TA111", text)
    assert f.suggestion == "Renumber this item '2.' as '3.'."
    assert _apply(text, f) == [1, 2, 3]


def test_skip_renumbering_closes_the_gap_for_the_whole_run():
    text = "Exclusion Criteria:\n1. Pregnancy\n2. Infection\n4. HIV\n5. Hepatitis B\n6. Hepatitis C"
    (f,) = _findings("TA112", text)
    assert f.suggestion.startswith("Restore the missing item, or renumber this item '4.' as '3.'")
    assert _apply(text, f) == [1, 2, 3, 4, 5]


def test_restart_renumbering_carries_the_first_list_on():
    text = "Exclusion Criteria:\n1. Pregnancy\n2. Infection\n1. HIV\n2. Hepatitis B"
    (f,) = _findings("TA113", text)
    assert _apply(text, f) == [1, 2, 3, 4]


def test_start_suggestion_is_bounded_and_names_the_last_item():
    text = "Inclusion Criteria:\n" + "".join(f"{k}. Criterion number {k}\n" for k in range(2, 40))
    (f,) = _findings("TA110", text)
    assert "'2.' becomes '1.', '3.' becomes '2.', '4.' becomes '3.', …, '39.' becomes '38.' (38 items)" in f.suggestion
