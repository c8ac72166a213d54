"""Text hygiene (TA7xx): the seed's leaked Markdown escape, and real false-positive patterns."""

import csv
from pathlib import Path

from trial_audit.checks.ta701_escape_artifact import EscapeArtifact
from trial_audit.checks.ta702_html_markup_in_text import HtmlMarkupInText
from trial_audit.checks.ta703_mojibake import Mojibake
from trial_audit.checks.ta704_placeholder_value import PlaceholderValue
from trial_audit.checks.ta705_unbalanced_brackets import UnbalancedBrackets, first_unbalanced
from trial_audit.checks.ta706_text_over_field_limit import TextOverFieldLimit
from trial_audit.core.dates import parse_date
from trial_audit.core.model import Intervention, Source, TrialRecord, record_from_example
from trial_audit.engine.registry import Context
from trial_audit.readers import iter_records
from trial_audit.text.hygiene import placeholder_token, text_fields

CTX = Context(as_of=parse_date("2025-11-14"))
SEED_PAGE = Path(__file__).resolve().parents[1] / "seeds" / "000_39e40e8ef963eca8.txt"


def run(rule, rec):
    return list(rule.check(rec, CTX))


def record(fmt, **values):
    rec = TrialRecord(source=Source("x", fmt), nct_id="NCT00000000", criteria_markdown=(fmt == "ctgov-v2"))
    for k, v in values.items():
        setattr(rec, k, v)
    return rec


# --- TA701 -------------------------------------------------------------------------------


def test_seed_page_leaked_markdown_escape_is_reported_at_its_offset():
    (rec,) = list(iter_records([SEED_PAGE]))
    (f,) = run(EscapeArtifact(), rec)
    assert f.evidence.field == "criteria" and f.evidence.text == "\\>"
    assert rec.criteria[f.evidence.start : f.evidence.end] == "\\>"
    assert rec.criteria[f.evidence.start : f.evidence.start + 5] == "\\>91%"


def test_v2_markdown_escapes_are_legitimate():
    # NCT06388018 (v2): "* Patients' age must be \>= 18 years", "surgical assessment \[sentinel ..."
    text = "* Patients' age must be \\>= 18 years\n* lymph node surgical assessment \\[sentinel or full\\]"
    assert not run(EscapeArtifact(), record("ctgov-v2", criteria=text, brief_summary="fasting glucose \\<126 mg/dl"))
    # the same text in a legacy XML record (plain text) is a leak
    assert run(EscapeArtifact(), record("ctgov-xml", criteria=text))


def test_csv_brief_summary_is_the_registry_markdown():
    # NCT01219556 / NCT04494763 (CSV "Brief Summary" column holds the v2 Markdown source)
    rec = record(
        "ctgov-csv",
        brief_summary="All hypertensive patients (Blood pressure \\> 140/90 mmHg) where "
        "investigator feels ... normalization of bilirubin (\\<2 mg/dL) after 3 months.",
    )
    assert not run(EscapeArtifact(), rec)


def test_doubled_backslash_in_markdown_is_a_leak():
    assert run(EscapeArtifact(), record("ctgov-v2", criteria="* Age \\\\>= 18"))


# --- TA702 -------------------------------------------------------------------------------


def test_real_html_entity_in_csv_condition():
    # arizona_ctg-studies.csv: "Alzheimer&#39;s Disease"
    (f,) = run(HtmlMarkupInText(), record("ctgov-csv", conditions=["Alzheimer Type Dementia", "Alzheimer&#39;s Disease"]))
    assert f.evidence.field == "conditions[1]" and f.evidence.text == "&#39;"


def test_comparison_signs_and_ampersands_are_not_markup():
    text = "Age >= 18 and < 65; R&D staff; AT&T employees; score <5 and >2; a <b> c"
    rec = record("ctgov-xml", criteria=text.replace("<b>", "< b >"))
    assert not run(HtmlMarkupInText(), rec)


# --- TA703 -------------------------------------------------------------------------------


def test_real_mojibake_in_csv_site_is_reported_with_repair():
    # hypertension_ctg-studies.csv: "Investigational Site, SÃ£o Paulo, São Paulo, ..."
    rec = record("ctgov-csv")
    rec.locations = record_from_example(
        {"locations": [{"facility": "Investigational Site", "city": "SÃ£o Paulo", "state": "São Paulo", "country": "Brazil"}]}
    ).locations
    (f,) = run(Mojibake(), rec)
    assert f.evidence.field == "locations[0].city" and "São" in f.suggestion


def test_correct_unicode_is_not_mojibake():
    # the seed's own text: curly apostrophe, ≥, ×, Sjögren
    rec = record(
        "page-text",
        plain_summary="the body’s immune system; primary Sjögren syndrome",
        criteria="Expected survival time ≥3 months; Creatinine ≤1.5×ULN",
    )
    assert not run(Mojibake(), rec)


# --- TA704 -------------------------------------------------------------------------------


def test_real_keyword_test_is_not_a_placeholder():
    # NCT04926779 (classic): keywords include "Test" (a diagnostic-test study)
    assert not run(PlaceholderValue(), record("ctgov-classic", keywords=["COVID-19", "Antigen", "Test"]))


def test_placeholder_tokens():
    assert placeholder_token(" N/A ") == "N/A"
    assert placeholder_token("(null)") == "(null)"
    assert placeholder_token("Null Cell Adenoma") is None
    assert placeholder_token("[Redacted]") is None  # withheld by the registry on purpose


# --- TA705 -------------------------------------------------------------------------------


def test_real_unbalanced_bracket_in_criteria():
    # criteria corpus, NCT00468650: "... in the last 3 months (per medical\n history."
    text = "- Subjects with significant cardiovascular disease in the last 3 months (per medical\n history.\n"
    (f,) = run(UnbalancedBrackets(), record("ctgov-xml", criteria=text))
    assert f.evidence.text.startswith("(per medical")


def test_list_markers_and_intervals_are_not_brackets():
    assert first_unbalanced("1) Age 18-65\n2) HbA1c in [7, 10) percent\na) consent\niv) other") is None
    assert first_unbalanced("criteria: a) adults; b) children (aged 2-11); c) infants") is None
    assert first_unbalanced("smile :) please") is None
    # classic NCT04476940: "materials to be developed:\n\n. Three presentations: i). Introduction: ..."
    assert first_unbalanced("to be developed:\n\n. Three presentations: i). Introduction: Healthy People 2020") is None
    # unseen precision round 3, NCT01760954: "2 periods: 1.) a 6 month Treatment Period and 2.) a post treatment"
    assert first_unbalanced("The study consists of 2 periods: 1.) a 6 month Treatment Period and 2.) a post treatment") is None
    assert first_unbalanced("Two arms: a.) placebo and b.) active drug") is None
    # a real unclosed bracket after such a marker is still found
    assert first_unbalanced("1.) a treatment period and 2.) a follow-up (12 months") is not None


def test_csv_list_separator_inside_a_name_is_not_a_defect():
    # urology_ctg-studies.csv NCT04295889: "DIAGNOSTIC_TEST: Approach B (ACR | EU Test kit)." is split at "|"
    rec = record(
        "ctgov-csv",
        interventions=[
            Intervention("DIAGNOSTIC_TEST", "Approach A (PeeSpot urine collection device)."),
            Intervention("DIAGNOSTIC_TEST", "Approach B (ACR"),
            Intervention(None, "EU Test kit)."),
        ],
    )
    assert not run(UnbalancedBrackets(), rec)
    # a genuinely unbalanced CSV intervention (urology NCT01746706: "PET amyloid tracer (Florbetapir F18 AV45 F18")
    rec = record("ctgov-csv", interventions=[Intervention("DEVICE", "PET amyloid tracer (Florbetapir F18 AV45 F18")])
    assert run(UnbalancedBrackets(), rec)


def test_csv_site_split_at_commas_is_not_checked():
    # hypertension CSV NCT00660179: "National Institute of Cardiovascular Diseases (Národný ústav srdcových a
    # cievnych chorôb, a.s. - NÚSCH) / Department of Heart Transplantation, Bratislava, 833 48, Slovakia"
    rec = record("ctgov-csv")
    rec.locations = record_from_example(
        {
            "locations": [
                {
                    "facility": "National Institute of Cardiovascular Diseases (Národný ústav srdcových a cievnych chorôb",
                    "city": "a.s. - NÚSCH) / Department of Heart Transplantation",
                    "state": "Bratislava",
                    "country": "Slovakia",
                }
            ]
        }
    ).locations
    assert not run(UnbalancedBrackets(), rec)


# --- TA706 -------------------------------------------------------------------------------


def test_over_limit_evidence_starts_at_the_limit():
    (f,) = run(TextOverFieldLimit(), record("ctgov-xml", brief_title="x" * 300 + "TAIL"))
    assert f.evidence.start == 300 and f.evidence.text == "TAIL"


def test_text_fields_names_resolve_to_their_text():
    rec = record_from_example(
        {
            "brief_title": "T",
            "conditions": ["a", "b"],
            "officials": [{"name": "N", "affiliation": "A"}],
            "locations": [{"facility": "F", "city": "C"}],
            "interventions": [{"name": "I"}],
        }
    )
    for name, text, _ in text_fields(rec):
        assert rec.text(name) == text, name


def test_text_rules_on_the_criteria_corpus_sample(shared_data):
    """The criteria corpus (verbatim legacy texts): no escape/markup/mojibake storm, brackets < 10 %."""
    csv.field_size_limit(1 << 30)
    path = shared_data / "criteria-corpus" / "phase_I_valid.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        texts = [row["criteria"] for row in csv.DictReader(fh) if row.get("criteria")]
    assert len(texts) > 100
    counts = dict.fromkeys(("TA701", "TA702", "TA703", "TA705"), 0)
    rules = [EscapeArtifact(), HtmlMarkupInText(), Mojibake(), UnbalancedBrackets()]
    for text in texts:
        rec = record("ctgov-xml", criteria=text)
        for r in rules:
            counts[r.code] += bool(run(r, rec))
    n = len(texts)
    assert counts["TA701"] / n < 0.01 and counts["TA702"] / n < 0.01 and counts["TA703"] / n < 0.01
    assert counts["TA705"] / n < 0.10
