"""Issue 23: section headers qualified by a scope, and a header run into its first item without a colon.

"Exclusion Criteria: Cohorts 1, 2, & 3" is the exclusion header with the cohorts it applies to (not a
header run into a criterion, TA103); "Exclusion criteria, general (all groups)" is an exclusion header
(its items are exclusions, no TA102); "Exclusion Criteria <18 years of age" is the header run into its
first item (TA103), not a criterion of the inclusion section. Real excerpts (id and file in a comment)
and variants in other words.
"""

from collections import Counter

from tests.ta1_rules import ta1_codes
from trial_audit.text.criteria import parse_criteria


def _codes(text: str) -> Counter:
    return ta1_codes(text, "x.csv", "ictrp-csv")


def _sections(text: str) -> list[tuple[str, bool, int]]:
    return [(s.kind, s.merged_header, len(s.items)) for s in parse_criteria(text).sections]


# criteria-corpus phase_I_test.csv, NCT01933594 (shortened): headers qualified by the cohorts they apply to
NCT01933594 = """Inclusion Criteria: Cohorts 1, 2, & 3

          -  Histologically or cytologically confirmed HER2-positive breast cancer

          -  Age 18 years or older

        Exclusion Criteria: Cohorts 1, 2, & 3

          -  Pregnant or lactating women

          -  Active infection requiring antibiotics
"""


def test_a_header_qualified_by_cohorts_after_its_colon_is_a_header_not_run_into_an_item():
    assert _sections(NCT01933594) == [("inclusion", False, 2), ("exclusion", False, 2)]
    assert _codes(NCT01933594)["TA103"] == 0
    variant = "Inclusion criteria: Part A only\n1. Adults aged 18 to 65\n2. Written consent\n\nExclusion criteria: Groups B and C\n1. Pregnancy\n2. Prior transplant"
    assert _sections(variant) == [("inclusion", False, 2), ("exclusion", False, 2)]
    assert not _codes(variant)


def test_a_criterion_after_the_colon_is_still_run_into_the_header():
    # the cohorts are followed by a requirement: the text after the colon is a criterion, kept as an item
    text = "Inclusion Criteria: Cohorts 1 and 2 must have measurable disease\n- Age 18 or older\n\nExclusion Criteria:\n- Pregnancy"
    assert _sections(text)[0] == ("inclusion", True, 2)


# ictrp-csv/COVID19-1135-trials_sample300.csv, NCT04328012 (shortened): "Exclusion criteria, general (all groups)"
NCT04328012 = """        Inclusion criteria

          1. Hospitalized patient

          2. Laboratory confirmation of SARS-CoV-2 infection </= 72 hr prior to randomization

          3. Patient or LAR able to provide informed consent

        Exclusion criteria, general (all groups)

          1. End stage renal disease (ESRD) NOT undergoing renal replacement therapy

          2. Pregnancy or breast feeding

        Exclusion criteria, group specific Group 1 (lopinavir/ritonavir)

          1. Allergy or intolerance to lopinavir/ritonavir

          2. Already taking lopinavir/ritonavir (within 1 month)
"""


def test_an_exclusion_header_qualified_after_a_comma_opens_the_exclusion_section():
    assert [k for k, _m, _n in _sections(NCT04328012)] == ["inclusion", "exclusion", "exclusion"]
    codes = _codes(NCT04328012)
    assert codes["TA102"] == 0 and codes["TA113"] == 0
    variant = "Inclusion criteria\n1. Adults\n2. Consent\n\nExclusion criteria, additional for the surgical arm\n1. Bleeding disorder\n2. Anticoagulants"
    assert [k for k, _m, _n in _sections(variant)] == ["inclusion", "exclusion"]


def test_a_sentence_after_a_comma_is_not_a_header():
    text = "Inclusion Criteria:\n- Adults\n- Exclusion criteria, as listed in the parent protocol, apply to this extension\n"
    assert [k for k, _m, _n in _sections(text)] == ["inclusion"]


# ictrp-csv/COVID19-1135-trials_sample300.csv, NCT04329923 (shortened): the header run into "<18 years of age"
NCT04329923 = """        Inclusion Criteria:

          -  Age = 18 years old (Sub-studies 2 and 3)

          -  Competent and capable to provide informed consent

        Exclusion Criteria <18 years of age

          -  Prisoners or other detained persons

          -  Allergy to hydroxychloroquine
"""


def test_a_header_run_into_a_comparator_item_opens_the_section_and_is_reported():
    assert _sections(NCT04329923) == [("inclusion", False, 2), ("exclusion", True, 3)]
    codes = _codes(NCT04329923)
    assert codes["TA102"] == 0 and codes["TA103"] == 1
    variant = "Inclusion criteria:\n- Adults\n- Consent\n\nExclusion criteria >= 80 years\n- Dementia\n- Dialysis"
    assert _sections(variant) == [("inclusion", False, 2), ("exclusion", True, 3)]
