"""The TA1xx findings of a long list grow linearly with the list, not with its square.

A criteria text of N numbered items all carrying the same number gives N - 1 duplicate-number
findings; when each finding's suggestion held the whole renumbered list, 2,000 repeated items
(36 KB of criteria) made a 395 MB report. Each suggestion is now the edit for its own finding,
bounded in size. Measured here on the rules' findings (message + suggestion + quoted evidence)
and on the JSON report the CLI writes.
"""

import json

import pytest

from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord
from trial_audit.engine.registry import Context, load_rules

CTX = Context(as_of=parse_date("2026-11-27"), today=parse_date("2026-11-27"))

#: list shapes that produce one finding per item (or per run of items)
SHAPES = {
    # every item numbered 1: a duplicate (TA111) per item
    "same-number": lambda n: "Inclusion Criteria:\n" + "1. Age 18 years or older at screening\n" * n,
    # "1. 2." again and again: a restart (TA113) per pair
    "restarts": lambda n: "Exclusion Criteria:\n" + "1. Pregnancy or breast-feeding\n2. Active infection\n" * (n // 2),
    # a list starting at 2 with a gap every other item: TA110 once, a skip (TA112) per pair
    "gaps": lambda n: "Inclusion Criteria:\n" + "".join(f"{2 * k}. Adequate organ function\n" for k in range(1, n + 1)),
    # sub-items numbered like their parent, one parent per item: TA114 per sub-item
    "colliding-sub-items": lambda n: (
        "Inclusion Criteria:\n1. Age 18 or older\n2. Organ function as follows:\n"
        + "".join(f"{k}. Creatinine below 1.5 x ULN\n" for k in range(1, n + 1))
    ),
}


def _finding_chars(text: str) -> tuple[int, int]:
    rec = TrialRecord(source=Source(path="long.json", format="v2"), criteria=text)
    total = count = 0
    for code, cls in load_rules().items():
        if not code.startswith("TA1"):
            continue
        for f in cls().check(rec, CTX):
            count += 1
            total += len(f.message) + len(f.suggestion or "")
            for ev in [f.evidence, *f.related]:
                total += len(ev.text or "") if ev is not None else 0
    return total, count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_findings_grow_linearly_with_the_list(shape):
    small, n_small = _finding_chars(SHAPES[shape](200))
    large, n_large = _finding_chars(SHAPES[shape](2000))
    assert n_small > 0, "the shape must produce findings, or the test measures nothing"
    # one finding per item or pair (markers stop at 999, so the larger lists do not reach 10x)
    assert n_large >= 2 * n_small
    assert large < 15 * small, f"{shape}: {small} -> {large} characters of findings for 10x the items"


def test_suggestion_size_is_bounded():
    """However long the list, one numbering finding's suggestion stays short (the section rules
    TA101/TA102 quote the criteria once per record, which stays linear)."""
    for shape in SHAPES.values():
        rec = TrialRecord(source=Source(path="long.json", format="v2"), criteria=shape(2000))
        for code, cls in load_rules().items():
            if code.startswith("TA11"):
                for f in cls().check(rec, CTX):
                    assert len(f.suggestion or "") < 400, (code, f.suggestion[:200])


def test_report_json_grows_linearly(tmp_path):
    """The JSON report the CLI writes for N repeated items: < 15x the bytes for 10x the items."""
    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    sizes = []
    for n in (200, 2000):
        src = tmp_path / f"crit{n}.json"
        text = SHAPES["same-number"](n)
        src.write_text(
            json.dumps(
                {"protocolSection": {"identificationModule": {"nctId": "NCT00000000"}, "eligibilityModule": {"eligibilityCriteria": text}}}
            )
        )
        out = tmp_path / f"out{n}"
        res = CliRunner().invoke(
            app, ["audit", str(src), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never", "--as-of", "2026-11-27"]
        )
        assert res.exit_code == 0, res.output
        sizes.append((out / "report.json").stat().st_size)
    assert sizes[1] < 15 * sizes[0], sizes
