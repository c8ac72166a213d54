"""``--fix`` / ``--unsafe-fixes`` / ``--diff``: fixes applied to the source files byte for byte.

The round trip mutates the numbering of real records (the bundled seeds, with the numbering
operators of the defect-injection benchmark, benchmarks/inject_ops.py, tune wordings only) in
three formats, runs ``--fix --unsafe-fixes`` and requires the file to come back exactly as it
was before the mutation: the numbering restored, no numbering finding left, nothing else changed.
"""

from __future__ import annotations

import copy
import json
import random
import re
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from trial_audit.cli.app import app
from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Edit, Fix, FixSafety
from trial_audit.core.model import record_from_example
from trial_audit.engine.fixes import json_string_at, xml_text_at
from trial_audit.engine.registry import Context

sys.path.insert(0, str(ROOT / "benchmarks"))
from inject_formats import load  # noqa: E402
from inject_ops import Work, op_duplicate_number, op_restart_numbering, op_skip_number, op_start_at_2, parse_criteria, render_criteria  # noqa: E402

runner = CliRunner()
SEEDS = ROOT / "seeds"
NUMBERING = {"TA110", "TA111", "TA112", "TA113"}


def _audit(path: Path, out: Path, *extra: str):
    result = runner.invoke(
        app, ["audit", str(path), "-f", "json", "--out", str(out), "-q", "--fail-on", "never", "--as-of", "2026-11-27", *extra]
    )
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return result, [(r["id"], f["rule"], f["field"], (f["evidence"] or {}).get("text")) for r in report["records"] for f in r["findings"]]


def _as_bytes(dump) -> bytes:
    return dump if isinstance(dump, bytes) else dump.encode("utf-8")


# real records of two formats (seeds/SOURCES.md says where each comes from)
# (the bundled classic record has no criteria: classic JSON is found by the same JSON locator as v2)
ROUND_TRIP = [("v2", "v2_NCT00973089.json"), ("xml", "xml_NCT00581919.xml"), ("xml", "xml_NCT01502891.xml")]
OPERATORS = [op_start_at_2, op_duplicate_number, op_skip_number, op_restart_numbering]


@pytest.mark.parametrize("fmt,name", ROUND_TRIP)
def test_fix_restores_a_mutated_numbering_and_changes_nothing_else(tmp_path, fmt, name):
    raw = (SEEDS / name).read_bytes()
    a0 = load(fmt, raw if fmt == "xml" else raw.decode("utf-8"))
    secs, _ = parse_criteria(a0.get("criteria"))
    base = a0.clone()
    base.set("criteria", render_criteria(secs, True, fmt))  # the criteria numbered 1, 2, 3 ... per section
    nct = name.split("_")[-1].split(".")[0]
    ext = Path(name).suffix
    (tmp_path / "base").mkdir()
    base_file = tmp_path / "base" / f"{nct}{ext}"
    base_file.write_bytes(_as_bytes(base.dump(nct, nct)))
    _, base_findings = _audit(base_file, tmp_path / "out-base")
    assert not NUMBERING & {rule for _, rule, _, _ in base_findings}
    tried = 0
    for op in OPERATORS:
        w = Work(base.clone(), copy.deepcopy(secs), True, (2026, 11, 27), random.Random(f"{name}:{op.__name__}"), "tune")
        if op(w) is None:
            continue
        w.a.set("criteria", render_criteria(w.secs, True, fmt))
        mutated = _as_bytes(w.a.dump(nct, nct))
        # what the fix must give: the same markers (the operator's style) numbered 1, 2, 3 ... again
        for sec in w.secs:
            if sec.labels:
                sec.labels = [re.sub("[0-9]+", str(k), label, count=1) for k, label in enumerate(sec.labels, 1)]
        expected = w.a.clone()
        expected.set("criteria", render_criteria(w.secs, True, fmt))
        clean = _as_bytes(expected.dump(nct, nct))
        assert mutated != clean
        target = tmp_path / op.__name__ / f"{nct}{ext}"
        target.parent.mkdir()
        target.write_bytes(mutated)
        _, found = _audit(target, tmp_path / f"out-{op.__name__}")
        assert NUMBERING & {rule for _, rule, _, _ in found}, f"{op.__name__}: the mutation was not detected"
        _audit(target, tmp_path / f"fix-{op.__name__}", "--fix", "--unsafe-fixes")
        assert target.read_bytes() == clean, f"{op.__name__}: the fixed file differs from the mutated one renumbered"
        _, after = _audit(target, tmp_path / f"after-{op.__name__}")
        assert sorted(after) == sorted(base_findings)  # no numbering finding left, no new finding
        tried += 1
    assert tried >= 2


def test_safe_fix_leaves_unsafe_ones_and_diff_writes_nothing(tmp_path):
    # a list numbered from 2 (TA110, safe) and a skipped number in the other list (TA112, unsafe)
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study"},
            "eligibilityModule": {
                "eligibilityCriteria": "Inclusion Criteria:\n\n2. Age \u2265 18 years\n3. Signed consent\n\n"
                "Exclusion Criteria:\n\n1. Pregnancy\n2. Active infection\n4. Prior therapy \u00e9 \U0001f600"
            },
        }
    }
    f = tmp_path / "s.json"
    text = json.dumps(study, indent=2)  # non-ASCII written as \\u escapes, as the registry's API does
    f.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["audit", str(f), "--diff", "--out", str(tmp_path / "o"), "-q", "--fail-on", "never"])
    assert f.read_text(encoding="utf-8") == text  # --diff writes nothing
    assert '-      "eligibilityCriteria": "Inclusion Criteria:\\n\\n2. Age' in result.stdout
    assert '+      "eligibilityCriteria": "Inclusion Criteria:\\n\\n1. Age' in result.stdout
    assert "would fix 1 finding in 1 file; 1 more with --unsafe-fixes" in result.stderr
    runner.invoke(app, ["audit", str(f), "--fix", "--out", str(tmp_path / "o"), "-q", "--fail-on", "never"])
    fixed = f.read_text(encoding="utf-8")
    assert fixed == text.replace("\\n\\n2. Age", "\\n\\n1. Age").replace("\\n3. Signed", "\\n2. Signed")
    runner.invoke(app, ["audit", str(f), "--fix", "--unsafe-fixes", "--out", str(tmp_path / "o"), "-q", "--fail-on", "never"])
    assert f.read_text(encoding="utf-8") == fixed.replace(
        "\\n4. Prior therapy \\u00e9 \\ud83d\\ude00", "\\n3. Prior therapy \\u00e9 \\ud83d\\ude00"
    )


# Legacy XML: entities, CR LF line ends and the textblock's indentation (dedented by the reader) are
# kept; a fix that puts run-together items on their own lines indents the new line as the others.
XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\r\n<clinical_study>\r\n  <id_info><nct_id>NCT00000102</nct_id></id_info>\r\n'
    "  <brief_title>A &amp; B</brief_title>\r\n  <eligibility>\r\n    <criteria>\r\n      <textblock>\r\n"
    "        Inclusion Criteria:\r\n\r\n          1. Age &gt;= 18 years\r\n\r\n          2. Hb &lt; 10 g/dL; 3. Signed consent; 4. ECOG 0-1\r\n\r\n"
    "        Exclusion Criteria:\r\n\r\n          1. Pregnancy\r\n      </textblock>\r\n    </criteria>\r\n  </eligibility>\r\n</clinical_study>\r\n"
)


@pytest.mark.parametrize("line_end", ["\r\n", "&#xD;\n"])
def test_xml_fix_keeps_entities_line_ends_and_indentation(tmp_path, line_end):
    # "&#xD;\n": ClinicalTrials.gov's own XML writes each line end of a textblock as a character
    # reference for the CR and a newline (e.g. NCT00000383's criteria); the reader removes the CR
    head, block, tail = re.split(r"(?<=<textblock>)|(?=</textblock>)", XML)
    xml = XML if line_end == "\r\n" else head.replace("\r\n", "\n") + block.replace("\r\n", "&#xD;\n") + tail.replace("\r\n", "\n")
    f = tmp_path / "NCT00000102.xml"
    f.write_bytes(xml.encode("utf-8"))
    _, before = _audit(f, tmp_path / "o1")
    assert "TA121" in {rule for _, rule, _, _ in before}
    _audit(f, tmp_path / "o2", "--fix")
    fixed = f.read_bytes().decode("utf-8")
    assert "Hb &lt; 10 g/dL; 3." in xml
    assert fixed == xml.replace(
        "g/dL; 3. Signed consent; 4. ECOG", f"g/dL;{line_end}          3. Signed consent;{line_end}          4. ECOG"
    )
    _, after = _audit(f, tmp_path / "o3")
    assert "TA121" not in {rule for _, rule, _, _ in after}
    assert set(after) - set(before) == set()  # no new finding


def test_page_text_safe_fixes_on_a_real_page(tmp_path):
    # seeds/000_39e40e8ef963eca8.txt: the patient-facing page of NCT06361745, whose inclusion list
    # starts at "(2)", numbers "(3)" twice and runs items together on one line
    page = SEEDS / "000_39e40e8ef963eca8.txt"
    f = tmp_path / page.name
    f.write_bytes(page.read_bytes())
    _, before = _audit(f, tmp_path / "o1", "--select", "TA1")
    assert {"TA103", "TA110", "TA111", "TA121"} <= {rule for _, rule, _, _ in before}
    _audit(f, tmp_path / "o2", "--fix", "--select", "TA1")
    old, new = page.read_text(encoding="utf-8"), f.read_text(encoding="utf-8")
    assert (
        new.replace("criteria:\n  (1) Expected", "criteria (2) Expected")
        .replace("\n  (2) Subjects", " (3) Subjects")
        .replace("disorders;\n  (6) Can", "disorders; (6) Can")
        == old
    )  # only the numbers, the header's colon and the line breaks changed
    _, after = _audit(f, tmp_path / "o3", "--select", "TA1")
    rules_after = [rule for _, rule, _, _ in after]
    assert not {"TA103", "TA110", "TA111"} & set(rules_after)  # the fixed rules are gone ...
    assert {(rule, field) for _, rule, field, _ in after} <= {(rule, field) for _, rule, field, _ in before}  # ... and nothing new
    # what is left is not safe to fix: a sub-item "(2)" run into a bullet (TA121 unsafe, TA114)
    assert rules_after.count("TA121") == 1


def test_archive_members_are_shown_as_a_diff_only(tmp_path):
    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A Study"},
            "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n2. Age 18 or older\n3. Signed consent"},
        }
    }
    z = tmp_path / "records.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("NCT01234567.json", json.dumps(study))
    before = z.read_bytes()
    fix = runner.invoke(app, ["audit", str(z), "--fix", "--out", str(tmp_path / "o"), "-q", "--fail-on", "never"])
    assert z.read_bytes() == before
    assert "an archive is never rewritten" in fix.stderr and "--diff" in fix.stderr
    diff = runner.invoke(app, ["audit", str(z), "--diff", "--out", str(tmp_path / "o"), "-q", "--fail-on", "never"])
    assert z.read_bytes() == before
    assert "records.zip!NCT01234567.json" in diff.stdout and "+" in diff.stdout and "1. Age 18" in diff.stdout


def test_json_strings_decode_with_the_offsets_of_each_character():
    raw = '{"k": "a\\n\\u00e9\\ud83d\\ude00\\"b"}'
    text, at, after = json_string_at(raw, raw.index('"a'))
    assert text == 'a\n\u00e9\U0001f600"b'
    assert [raw[i] for i in at[:-1]] == ["a", "\\", "\\", "\\", "\\", "b"] and raw[at[-1]] == '"' and after == len(raw) - 1


def test_xml_text_decodes_entities_cdata_and_crlf():
    raw = "<t>a &amp; b&#62;<![CDATA[<x>]]>\r\nc</t>"
    text, at = xml_text_at(raw, 3, raw.index("</t>"))
    assert text == "a & b><x>\nc"
    assert raw[at[2] : at[3]] == "&amp;" and raw[at[9]] == "\r" and at[-1] == raw.index("</t>")
    assert xml_text_at("<t>a <b/></t>", 3, 9) is None  # markup inside: not a text field


def test_fix_objects_refuse_overlapping_edits_and_say_when_they_apply():
    with pytest.raises(ValueError, match="overlapping"):
        Fix([Edit("criteria", 0, 5, "x"), Edit("criteria", 3, 6, "y")])
    safe, unsafe = Fix([Edit("criteria", 0, 1, "1")]), Fix([Edit("criteria", 0, 1, "1")], FixSafety.UNSAFE)
    assert safe.applies() and not unsafe.applies() and unsafe.applies(unsafe=True)
    assert not Fix([], FixSafety.SAFE).applies()
    assert Fix.from_dict(unsafe.to_dict()) == unsafe


def _all_rules_findings(record):
    from trial_audit.engine.registry import select_rules
    from trial_audit.engine.runner import check_record

    rules = [r for r in select_rules([], []) if r.scope == "record"]
    ctx = Context(as_of=parse_date("2025-11-14"), today=parse_date("2025-11-14"))
    for r in rules:
        r.prepare(ctx)
    return check_record(record, rules, ctx)


def _fixed_examples():
    from trial_audit.engine.registry import load_rules

    for code, cls in sorted(load_rules().items()):
        for k, example in enumerate(getattr(cls, "bad", []) or []):
            yield pytest.param(code, example, id=f"{code}-bad{k}")


@pytest.mark.parametrize("code,example", list(_fixed_examples()))
def test_every_fix_of_a_documented_example_removes_its_finding_and_adds_none(code, example):
    """For every rule's bad examples: applying each fix to the field's text leaves no finding of the
    fixed rule at that place and no finding the text did not have before (any rule)."""
    before = _all_rules_findings(record_from_example(example))
    fixes = [f for f in before if f.rule == code and f.fix is not None and f.fix.applies(unsafe=True)]
    for f in fixes:
        assert f.fix is not None
        changed = dict(example)
        for name in {e.field for e in f.fix.edits}:
            text = changed[name]
            for e in sorted((e for e in f.fix.edits if e.field == name), key=lambda e: e.start, reverse=True):
                text = text[: e.start] + e.replacement + text[e.end :]
            changed[name] = text
        after = _all_rules_findings(record_from_example(changed))
        left = [g for g in after if g.rule == code and g.evidence and f.evidence and g.evidence.start == f.evidence.start]
        assert not left, f"{code}: the fix left its finding: {changed}"
        new = {(g.rule, g.field) for g in after} - {(g.rule, g.field) for g in before}
        assert not new, f"{code}: the fix made new findings {new}: {changed}"


def test_the_rules_whose_suggestion_is_an_edit_carry_fixes_on_their_examples():
    found = set()
    for p in _fixed_examples():
        code, example = p.values
        found |= {(f.rule, f.fix.safety.value) for f in _all_rules_findings(record_from_example(example)) if f.rule == code and f.fix}
    assert found >= {
        ("TA103", "safe"),
        ("TA110", "safe"),
        ("TA111", "unsafe"),
        ("TA112", "unsafe"),
        ("TA113", "unsafe"),
        ("TA121", "safe"),
        ("TA701", "safe"),
    }


def test_split_of_a_dash_item_run_into_a_star_list_is_unsafe():
    # NCT05086315 (ClinicalTrials.gov API v2, ctgov-v2-bulk, tune part): a "-" item run into the end
    # of a "*" item; split onto its own line it starts a "-" item inside the "*" list (a new TA120)
    from trial_audit.checks.ta121_items_run_together import ItemsRunTogether

    criteria = (
        "Exclusion Criteria:\n\n* Radiotherapy, even if palliative in intent, may not be given during the study.\n"
        "* Prophylactic use of hematopoietic growth factors during the DLT observation period in the Dose Escalation Part only. "
        "- Individuals accommodated in an institution because of regulatory or legal order.\n"
        "* Pregnant and breast-feeding women."
    )
    [finding] = ItemsRunTogether().check(record_from_example({"criteria": criteria, "criteria_markdown": True}), Context())
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    alike = criteria.replace("only. - Individuals", "only. * Individuals")
    [finding] = ItemsRunTogether().check(record_from_example({"criteria": alike, "criteria_markdown": True}), Context())
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE


def test_renumbering_a_lettered_list_that_carries_on_a_numbered_one_is_unsafe():
    # NCT00001421 (legacy XML, ctgov-xml-bulk, tune part): "1. ... 2. ... c. ... d. ... e." - the
    # letters carry the numbers on (c is the third criterion); renumbered "a. b. c." the safe --fix
    # made a new TA114 there
    from trial_audit.checks.ta110_numbering_does_not_start_at_one import NumberingDoesNotStartAtOne

    criteria = (
        "Inclusion Criteria:\n\n  1. Symmetrical proximal muscle weakness;\n\n"
        "  2. Muscle biopsy abnormalities at some time during their disease:\n\ni. degeneration and regeneration of muscle fibers\n\n"
        "ii. necrosis\n\nc. Elevation of serum creatinine phosphokinase (CPK) or aldolase activity;\n\n"
        "d. Electromyography (EMG) triad of changes\n\ne. Typical skin rash of DM."
    )
    [finding] = NumberingDoesNotStartAtOne().check(record_from_example({"criteria": criteria}), Context())
    assert finding.evidence.text.startswith("c.") and finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    alone = "Inclusion Criteria:\n\nc. Elevation of serum CPK;\n\nd. EMG triad of changes\n\ne. Typical skin rash of DM."
    [finding] = NumberingDoesNotStartAtOne().check(record_from_example({"criteria": alone}), Context())
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE
