"""A rule that raises on a record is reported (TA003), never a crash, and the other rules still run."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import SEEDS, seed_inputs
from trial_audit.cli.app import app
from trial_audit.engine.registry import RULES
from trial_audit.engine.runner import RunOptions, audit_paths


def _fail(*_args, **_kwargs):
    raise ValueError("an unforeseen value")


def _by_rule(report) -> dict[str, int]:
    return report.summary()["findings_by_rule"]


def test_a_failing_record_rule_becomes_a_finding_on_every_record(monkeypatch):
    before = _by_rule(audit_paths([SEEDS], RunOptions(jobs=1)))
    monkeypatch.setattr(RULES["TA110"], "check", _fail)
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    summary = report.summary()
    assert summary["records"] == summary["audited"] + summary["unreadable"]
    audited = [r for r in report.records if r.status == "audited"]
    for result in audited:
        (failed,) = [f for f in result.findings if f.rule == "TA003"]
        assert "TA110" in failed.message and "ValueError: an unforeseen value" in failed.message
        assert failed.severity.value == "error" and failed.evidence.text.startswith("ValueError")
    # every other rule still ran: only TA110's own findings are gone
    after = _by_rule(report)
    assert after["TA003"] == len(audited)
    assert {k: v for k, v in after.items() if k != "TA003"} == {k: v for k, v in before.items() if k != "TA110"}


def test_a_failing_table_rule_becomes_a_finding_on_every_record_of_the_batch(monkeypatch):
    table_rules = [code for code, cls in RULES.items() if cls.scope == "table"]
    assert table_rules
    monkeypatch.setattr(RULES[table_rules[0]], "check_table", _fail)
    report = audit_paths([SEEDS], RunOptions(jobs=1))
    audited = [r for r in report.records if r.status == "audited"]
    assert all(any(f.rule == "TA003" and table_rules[0] in f.message for f in r.findings) for r in audited)


@pytest.mark.parametrize("fail_on,exit_code", [("error", 1), ("never", 0)])
def test_a_failing_rule_fails_the_run_at_error(monkeypatch, tmp_path, fail_on, exit_code):
    monkeypatch.setattr(RULES["TA110"], "check", _fail)
    v2 = next(SEEDS.glob("v2_*.json"))
    out = tmp_path / "out"
    args = ["audit", str(v2), "--select", "TA110", "--out", str(out), "-f", "json", "-q", "--fail-on", fail_on]
    result = CliRunner().invoke(app, args)  # TA110 alone finds nothing in this record: only TA003 can fail it
    assert result.exit_code == exit_code, result.output
    report = json.loads((out / "report.json").read_text())
    assert report["summary"]["findings_by_rule"]["TA003"] == 1


def test_no_rule_fails_on_mutated_real_records():
    """Truncated, byte-flipped and spliced copies of the seeds that still read as records: every
    rule checks them without an internal error (a TA003 here is a rule bug, hidden from users)."""
    import random

    from trial_audit.core.model import Source, TrialRecord
    from trial_audit.engine.runner import audit_items
    from trial_audit.readers import read_bytes

    rng = random.Random(7)
    items = []
    for path, data in seed_inputs():
        for _ in range(25):
            d = bytearray(data)
            for _ in range(rng.randint(1, 3)):
                a = rng.randrange(len(d))
                if rng.random() < 0.5:
                    del d[a : a + rng.randint(1, 400)]
                else:
                    d[a:a] = rng.choice([b"\n\n", b" (", b") ", b"1. ", "é".encode(), b"Inclusion Criteria:\n", b" 18 years "])
            items.extend(read_bytes(bytes(d), Source(path.name), path.name))
    records = [i for i in items if isinstance(i, TrialRecord)]
    assert len(records) > 100  # most mutations still read as records
    report = audit_items(items, RunOptions(jobs=1))
    failed = [(r.id, f.message) for r in report.records for f in r.findings if f.rule == "TA003"]
    assert failed == []
