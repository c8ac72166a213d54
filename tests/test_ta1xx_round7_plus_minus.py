"""Round 7 (issue 20), unseen-part judge: a spaced plus-or-minus ("+ / -", "+ /-") inside one dash bullet was read
as a second bullet after a "/" separator. "+/-", "±" and "with or without" mean the same; none starts an item.
Guards: a real "/"-joined dash item (a lost line break) is still reported.
"""

import pytest

from tests.ta1_rules import ta1_codes

HEAD = "Inclusion Criteria:\n\n- Age 18 or older\n- Signed consent\n\nExclusion Criteria:\n\n"


# unseen-part judge, round 7: "-  Intestinal polyposis + / - colon cancer" is one bullet
@pytest.mark.parametrize("pm", ["+ / -", "+ /-", "+/ -", "+/-", "±", "with or without", "+  /  -", "+\t/ -"])
def test_spaced_plus_or_minus_inside_a_dash_bullet_is_one_item(pm):
    text = HEAD + f"-  Intestinal polyposis {pm} colon cancer\n-  Prior abdominal surgery\n- Pregnancy\n"
    assert ta1_codes(text, "NCT00000001", "ctgov-xml")["TA121"] == 0, text


@pytest.mark.parametrize("pm", ["+ / -", "+ /-"])
def test_spaced_plus_or_minus_before_a_capital_is_one_item(pm):
    text = HEAD + f"- Known BRCA1 {pm} BRCA2 mutation carrier\n- Pregnancy\n"
    assert ta1_codes(text, "NCT00000001", "ctgov-xml")["TA121"] == 0, text


# guard: a line break lost and replaced by " / " between two dash items is still reported (the round-7 class)
@pytest.mark.parametrize("sep", [" / ", " /", "/ "])
def test_slash_separated_dash_item_is_still_reported(sep):
    text = HEAD + f"- Prior cesarean section{sep}- Known hypersensitivity for Foley catheter\n- Pregnancy\n"
    assert ta1_codes(text, "NCT04780269", "ctgov-xml")["TA121"] == 1, text
