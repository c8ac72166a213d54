"""Hostile text in the writers: bidi overrides and controls shown visibly, formula injection defused.

From the security pass: U+202A-U+202E / U+2066-U+2069 and other invisible controls reached the
HTML, Markdown and CSV reports raw (an override reorders what a curator reads), and the CSV
guard missed a formula after a leading blank or line break and the full-width ``＝ ＋ － ＠``.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import SEEDS
from trial_audit.core.model import Source
from trial_audit.engine.runner import RunOptions, audit_items
from trial_audit.readers import read_bytes
from trial_audit.reports import load_writers
from trial_audit.reports.csv_report import defuse

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"
V2_SEED = SEEDS / "v2_NCT00973089.json"


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1",
        " =1+1",
        '\n=HYPERLINK("http://x")',
        "  \n @SUM(A1)",
        "\uff1d1+1",  # full-width =
        "\uff0bcmd",
        "\uff0d2",
        "\uff20SUM(A1)",
        "\t=1",
        "\r=1",
        "\u3000=1",  # ideographic space
        "\u00a0+1",
    ],
)
def test_formula_like_cells_are_defused(cell):
    assert defuse(cell).startswith("'")


@pytest.mark.parametrize("cell", ["Age 18 or older", "a = b", "18-65 years", "e-mail: a@b.org", ""])
def test_ordinary_cells_are_left_alone(cell):
    assert defuse(cell) == cell


def _report_with_controls():
    study = json.loads(V2_SEED.read_text())
    ident = study["protocolSection"]["identificationModule"]
    ident["briefTitle"] = f"Dose finding study in adults {RLO}aged 65 or older"
    elig = study["protocolSection"]["eligibilityModule"]
    elig["eligibilityCriteria"] = (
        f"Inclusion Criteria:\n\n* Age {LRI}>= 18{PDI} years\n* Signed consent\x1b\n\nExclusion Criteria:\n\n* Pregnancy"
    )
    items = list(read_bytes(json.dumps(study).encode(), Source("hostile.json"), "hostile.json"))
    return audit_items(items, RunOptions(jobs=1, select=["TA7"]))


def test_the_rule_reports_bidi_and_control_characters():
    (rec,) = list(_report_with_controls().records)
    hits = {f.field: f for f in rec.findings if f.rule == "TA707"}
    assert set(hits) == {"brief_title", "criteria"}
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in hits["brief_title"].message
    assert "U+2066 LEFT-TO-RIGHT ISOLATE" in hits["criteria"].message and "3 invisible" in hits["criteria"].message
    ev = hits["brief_title"].evidence
    assert rec.texts["brief_title"][ev.start : ev.end] == ev.text and RLO in ev.text


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "json", "sarif", "junit"])
def test_no_writer_shows_a_bidi_control_raw_where_people_read(tmp_path, fmt):
    report = _report_with_controls()
    w = load_writers()[fmt]
    target = tmp_path / w.filename
    w.write(report, target)
    out = target.read_text(encoding="utf-8-sig")
    if fmt in ("html", "md", "csv"):
        for ch in (RLO, LRI, PDI, "\x1b"):
            assert ch not in out, (fmt, hex(ord(ch)))
        assert "⟨U+202E⟩" in out
    else:  # machine formats keep the text exactly (JSON escapes controls; XML writers replace C0)
        assert out


def test_html_evidence_offsets_point_at_the_visible_quote():
    from trial_audit.reports.html import report_data

    data = report_data(_report_with_controls())
    (rec,) = data["records"]
    for f in rec["findings"]:
        ev = f["evidence"]
        if f["rule"] != "TA707" or ev["start"] < 0:
            continue
        text = rec["texts"][ev["field"]]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        assert "⟨U+" in ev["text"]


def test_csv_rows_have_controls_visible():
    from trial_audit.reports.csv_report import rows

    cells = [c for row in rows(_report_with_controls()) for c in row.values() if isinstance(c, str)]
    assert any("⟨U+202E⟩" in c for c in cells)
    buf = io.StringIO()
    csv.writer(buf).writerows([cells])
    assert RLO not in buf.getvalue()
