"""The rule tables in docs/ are generated from the rules, never kept by hand.

Regenerating every ``<!-- generated:rules ... -->`` block from the registered rules must give the
committed text (run ``python -m trial_audit.cli.docs`` after changing a rule's name, category,
severity or summary). The firing-rate columns need the real data and are not checked here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trial_audit.cli.docs import MARKER, family_docs, main, regenerate, render, rule_table
from trial_audit.engine.registry import load_rules

DOCS = Path(__file__).resolve().parents[1] / "docs"
RULES = load_rules()


def test_generated_rule_tables_match_the_rules():
    stale = regenerate(DOCS, write=False)
    assert not stale, f"stale generated rule tables in {[p.name for p in stale]}: run `python -m trial_audit.cli.docs`"


def test_every_rule_is_in_exactly_one_family_document_and_in_the_full_table():
    listed: dict[str, list[str]] = {}
    full: set[str] = set()
    for doc in sorted(DOCS.glob("*.md")):
        for m in MARKER.finditer(doc.read_text(encoding="utf-8")):
            codes = [line.split("|")[1].strip() for line in m.group("body").splitlines()[2:]]
            if "ALL" in m.group("args").split():
                full.update(codes)
            else:
                for code in codes:
                    listed.setdefault(code, []).append(doc.name)
    assert full == set(RULES)
    families = {code for code in RULES if RULES[code].family() != "input & schema"}
    assert families <= set(listed), f"rules in no family document: {sorted(families - set(listed))}"
    assert all(len(docs) == 1 for docs in listed.values()), {c: d for c, d in listed.items() if len(d) > 1}


def test_a_changed_summary_makes_the_table_stale(tmp_path, monkeypatch):
    """The check can fail: a rule whose summary changed no longer matches its committed row."""
    doc = tmp_path / "rules-x.md"
    doc.write_text("intro\n\n<!-- generated:rules TA2 -->\nhand-written\n<!-- /generated -->\n\nmore\n", encoding="utf-8")
    assert regenerate(tmp_path, write=True) == [doc]
    text = doc.read_text(encoding="utf-8")
    assert "hand-written" not in text and "| TA205 | min-age-above-max-age | age | error |" in text
    assert text.startswith("intro\n\n") and text.endswith("\n\nmore\n")
    assert regenerate(tmp_path, write=False) == []
    cls = RULES["TA205"]
    monkeypatch.setattr(cls, "__doc__", cls.__doc__.replace("is above", "exceeds"))
    assert regenerate(tmp_path, write=False) == [doc]
    assert main(["--docs", str(tmp_path), "--check"]) == 1


def test_a_pipe_in_a_summary_does_not_break_the_table():
    table = rule_table(["TA7"], RULES)
    assert all(line.count(" | ") - line.count("\\|") == 4 for line in table.splitlines()[2:])


def test_the_doc_column_links_each_rule_to_its_family_document():
    links = family_docs(DOCS, RULES)
    assert links["TA112"] == "rules-ta1xx.md" and links["TA706"] == "rules-ta5-7xx.md"
    text = render("<!-- generated:rules TA4 doc -->\n<!-- /generated -->", RULES, links)
    assert "| TA401 | required-date-missing | timeline | error |" in text and "[rules-ta4xx.md](rules-ta4xx.md) |" in text


@pytest.mark.parametrize("doc", sorted(p.name for p in DOCS.glob("rules*.md")))
def test_family_documents_keep_no_hand_rule_table(doc):
    """A table keyed by rule code with a severity column outside the markers is a hand-kept copy."""
    text = MARKER.sub("", (DOCS / doc).read_text(encoding="utf-8"))
    hand = [line for line in text.splitlines() if line.startswith("| code |") and "severity" in line]
    assert not hand, f"{doc} keeps a rule table by hand: {hand[0]}"
