"""What a defect-injection operator gets and what it is (benchmarks/inject_ops.py)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from inject_criteria_model import Sec
from inject_formats import Adapter


@dataclass
class Work:
    """What an operator works on: the native record, its parsed criteria (for criteria
    operators, already in the base copy's rendering), the effective as-of date and the chosen
    wording half."""

    a: Adapter
    secs: list[Sec] | None
    numbered: bool
    as_of: tuple
    rng: random.Random
    half: str  # tune | heldout | fresh | fresh2 | fresh3 | fresh4


@dataclass
class Operator:
    name: str
    group: str  # numbering structure age scope timeline status
    family: str  # expected rule family: code prefix
    base: str  # orig (the round-tripped record) | R (criteria re-rendered) | N (criteria numbered)
    fn: Callable[[Work], str | None]
    wordings: str | None = None  # key into WORDINGS, if the operator has wordings
    doc: str = ""


def position(rng: random.Random, n: int) -> tuple[str, int]:
    """A position in a list of n items: first, middle or last."""
    where = rng.choice(["first", "middle", "last"])
    return where, {"first": 0, "middle": n // 2, "last": n - 1}[where]
