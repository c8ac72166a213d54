"""Two TA1 false-positive classes an independent judge found on other registries' formats.

(1) A section whose whole content is a lone placeholder ("-", "--", "N/A", "none", "nil", "/") states
    that the section is empty: not an emptied list item (TA130), and the section is present (TA102).
(2) An enumeration introduced inside one item ("defined as 1. … 2. …", "any of", "one of", "either",
    "as follows", "i.e.", ":") in another numbering style than the list's is that item's list of
    alternatives, not criteria run together (TA121).
"""

from collections import Counter

import pytest

from tests.ta1_rules import ta1_codes


def _codes(text: str) -> Counter:
    return ta1_codes(text, "x.xml", "ictrp-xml")


# NL8535, Netherlands Trial Register via WHO ICTRP (tune part)
NL8535 = "Inclusion Criteria:\nCOVID-10 patients referred to Ciro Horn after hospital discharge\n\nExclusion Criteria:\n-"


@pytest.mark.parametrize("placeholder", ["-", "--", "N/A", "n/a", "none", "None.", "nil", "/", " - "])
def test_placeholder_section_is_not_an_empty_item(placeholder):
    text = NL8535[:-1] + placeholder
    codes = _codes(text)
    assert codes["TA130"] == 0
    # words say the section has no criteria (present, stated empty); a dash or a slash states nothing, and since
    # round 8 (the judge-disputed "Exclusion Criteria: -") TA102 says the exclusion section is empty
    assert codes["TA102"] == (0 if any(ch.isalpha() for ch in placeholder) else 1)


def test_real_placeholder_excerpt():
    codes = _codes(NL8535)
    assert codes["TA130"] == 0 and codes["TA102"] == 1


def test_placeholder_inclusion_variant():
    text = "Inclusion criteria:\n--\nExclusion criteria:\n- Pregnancy\n- Active infection"
    assert _codes(text)["TA130"] == 0


def test_lone_dash_among_items_still_reported():
    text = "Exclusion Criteria:\n- Pregnancy\n-\n- Active infection"
    assert _codes(text)["TA130"] == 1


def test_empty_numbered_item_still_reported():
    assert _codes("Exclusion Criteria:\n1. Pregnancy\n2.\n3. Active infection")["TA130"] == 1


# NCT02225574, ClinicalTrials.gov (criteria-corpus toy_test.csv), roman items, arabic alternatives
NCT02225574 = (
    "Inclusion Criteria:\n"
    "1. Age 18 or older\n"
    "2. Signed consent\n"
    "3. (Cont) a. Failure to tyrosine kinase inhibitors will be\n"
    "   defined per ELN recommendations b.Resistance or suboptimal\n"
    "   response to at least two prior Abl-kinase inhibitor, specifically: i.Chronic-phase\n"
    "   with resistance to imatinib, dasatinib, nilotinib, bosutinib or ponatinib defined as\n"
    "   1. Loss of CCyR at any time or failure to achieve CCyR after >/=18 months 2. Loss of\n"
    "   MCyR at any time or failure to achieve PCyR after >/=12 months 3. Failure to achieve\n"
    "   any CyR (ie, >/= 65% Ph+) after >/= 6 months 4. Hematologic relapse or failure to\n"
    "   achieve CHR after >/=3 months ii. Chronic-phase with suboptimal response to imatinib,\n"
    "   defined as 1. Failure to achieve PCyR after >/= 6 months 2. Failure to achieve CCyR\n"
    "   after >/=12 months\n"
)


def test_real_alternatives_inside_item():
    assert _codes(NCT02225574)["TA121"] == 0


@pytest.mark.parametrize("intro", ["defined as", "any of", "one of", "either", "as follows:", "i.e.", "the following:"])
def test_synthetic_alternatives_inside_item(intro):
    text = (
        "Inclusion Criteria:\n"
        "a. Adults aged 18 to 75\n"
        f"b. Refractory disease, {intro}\n"
        "   1. relapse within 6 months of therapy 2. progression on two prior lines\n"
        "c. Signed consent\n"
    )
    assert _codes(text)["TA121"] == 0


def test_run_together_items_same_style_still_reported():
    text = "Inclusion Criteria:\n1. Age 18 2. Consent 3. ECOG 0-1\n4. Adequate organ function"
    assert _codes(text)["TA121"] >= 1


def test_run_together_after_colon_same_style_still_reported():
    # the items after the colon are numbered in the list's own style: criteria run together
    text = "Inclusion Criteria:\n1. Age 18 or older\n2. Disease as follows:\n3. Measurable disease 4. ECOG 0-1\n5. Consent"
    assert _codes(text)["TA121"] >= 1


def test_lone_dash_before_any_header_still_reported():
    # NCT00001413 (ctgov bulk, tune part): a stray "-" before the first header is not a section stated empty
    assert _codes("-\n\nINCLUSION CRITERIA:\n\nA history of current or past major depression")["TA130"] == 1


def test_same_style_enumeration_after_ie_still_reported():
    # NCT02256215 (criteria-corpus phase_III_test.csv): arabic items after "i.e.:" under an arabic item
    text = (
        "Exclusion Criteria:\n\n  1. Patients diagnosed with secondary RLS. i.e.: patients with:\n\n"
        "1. Iron deficiency anemia 2. End-stage renal disease. 3. Diabetes mellitus (DM). 4.\nPeripheral neuropathy.\n"
    )
    assert _codes(text)["TA121"] >= 1
