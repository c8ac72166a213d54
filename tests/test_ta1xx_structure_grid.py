"""Grid cells of benchmarks/probe_structure_grid.py as tests (issue 20, round grid_struct): a section header glued
onto its first item behind a " / ", a bracketed aside, Markdown underscores or bold with an aside (TA103 must fire),
and the same headers on their own line (no TA1xx rule may fire). The item texts are the grid's own, not registry
sentences; the shapes are the classes of docs/detection-fresh4-misses.md (``header_into_first_item``)."""

import pytest

from tests.ta1_rules import ta1_codes

INC = ["Adults with type 2 diabetes on metformin", "HbA1c between 7.0% and 10.0%", "Able to attend all study visits"]
EXC = ["Insulin use within the last 3 months", "Estimated GFR below 45 mL/min", "Planned surgery during the study"]


def _list(items, label):
    return "\n".join(label.format(n=i + 1) + " " + t for i, t in enumerate(items))


def _glued_inclusion(head, label):
    return f"{head} {_list(INC, label)}\n\nExclusion Criteria:\n{_list(EXC, label)}\n"


def _glued_exclusion(head, label):
    return f"Inclusion Criteria:\n{_list(INC, label)}\n\n{head} {_list(EXC, label)}\n"


# (header as glued before its first marker, list label): a slash, an aside, underscores, bold with an aside
GLUED = [
    ("Inclusion Criteria /", "{n}."),
    ("Key inclusion criteria /", "-"),
    ("PRINCIPAL INCLUSION CRITERIA /", "•"),
    ("Inclusion Criteria (see protocol for details)", "{n}."),
    ("Key inclusion criteria (refer to the study manual)", "*"),
    ("Inclusion criteria (both cohorts)", "-"),
    ("__Inclusion Criteria__:", "{n}."),
    ("__Key inclusion criteria__ -", "-"),
    ("__INCLUSION CRITERIA__ /", "•"),
    ("**Inclusion Criteria** (all participants):", "{n}."),
    ("**Principal inclusion criteria** as follows:", "-"),
    ("__Inclusion criteria__ (all participants):", "*"),
]


def _exclusion_side(head):
    return head.replace("Inclusion", "Exclusion").replace("inclusion", "exclusion").replace("INCLUSION", "EXCLUSION")


@pytest.mark.parametrize("head,label", GLUED)
def test_inclusion_header_glued_onto_its_first_item_is_reported(head, label):
    assert ta1_codes(_glued_inclusion(head, label), "grid.json", "ctgov_v2")["TA103"] >= 1


@pytest.mark.parametrize("head,label", [(_exclusion_side(h), lab) for h, lab in GLUED])
def test_exclusion_header_glued_onto_its_first_item_is_reported(head, label):
    assert ta1_codes(_glued_exclusion(head, label), "grid.json", "ctgov_v2")["TA103"] >= 1


# the same decorations with the header on its own line: a well-formed record, nothing to report
OWN_LINE = [
    ("__Inclusion Criteria__:", "__Exclusion Criteria__:", "{n}."),
    ("__Inclusion Criteria:__", "__Exclusion Criteria:__", "-"),
    ("**Inclusion Criteria** (all participants):", "**Exclusion Criteria** (all participants):", "-"),
    ("Inclusion Criteria (see protocol for details):", "Exclusion Criteria (see protocol for details):", "•"),
    ("__Key inclusion criteria__ as follows:", "__Key exclusion criteria__ as follows:", "{n}."),
]


@pytest.mark.parametrize("inc_head,exc_head,label", OWN_LINE)
def test_decorated_header_on_its_own_line_is_silent(inc_head, exc_head, label):
    text = f"{inc_head}\n{_list(INC, label)}\n\n{exc_head}\n{_list(EXC, label)}\n"
    assert sum(ta1_codes(text, "grid.json", "ctgov_v2").values()) == 0


# look-alikes in the item after a header: a minus sign, a suspended hyphen, a slash inside a value
@pytest.mark.parametrize(
    "first",
    [
        "Platelets above -2.5 SD of the local reference",
        "Pre- and post-operative imaging available",
        "Systolic/diastolic pressure below 140/90 mmHg",
    ],
)
def test_item_look_alikes_under_a_header_are_silent(first):
    text = f"Inclusion Criteria:\n- {first}\n- {INC[1]}\n\nExclusion Criteria:\n{_list(EXC, '-')}\n"
    assert sum(ta1_codes(text, "grid.json", "ctgov_v2").values()) == 0


def test_slash_between_two_section_names_is_not_a_glued_item():
    # "Inclusion criteria / Exclusion criteria" names both sections: no first item follows the slash
    text = "Inclusion criteria / Exclusion criteria\nInclusion Criteria:\n- " + INC[0] + "\n\nExclusion Criteria:\n- " + EXC[0] + "\n"
    assert ta1_codes(text, "grid.json", "ctgov_v2")["TA103"] == 0


@pytest.mark.parametrize("qualifier", ["as per protocol v1/2:", "as per the phase I/II protocol;", "for sites in the UK/EU -"])
def test_slash_inside_a_qualifier_word_keeps_the_header_whole(qualifier):
    # a slash inside a word or a number ("v1/2", "I/II") is no header punctuation: the header keeps its qualifier and
    # only TA103 fires (cutting at the slash left "2: - …" as a stray item and TA120 fired)
    text = f"Inclusion criteria {qualifier} - {INC[0]}\n- {INC[1]}\n\nExclusion Criteria:\n- {EXC[0]}\n- {EXC[1]}\n"
    assert ta1_codes(text, "grid.json", "ctgov_v2") == {"TA103": 1}
