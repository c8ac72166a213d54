"""Small fixes found by hand: TA606 on observational studies, the fix text of TA701/TA702 when the
markup is in the record itself, and role or degree words in an official's name (TA504).

Values are excerpts of the real records named in the comments.
"""

from __future__ import annotations

from trial_audit.checks.ta504_implausible_person_name import ImplausiblePersonName
from trial_audit.checks.ta606_missing_ipd_statement import MissingIpdStatement
from trial_audit.checks.ta701_escape_artifact import EscapeArtifact
from trial_audit.checks.ta702_html_markup_in_text import HtmlMarkupInText
from trial_audit.core.dates import parse_date
from trial_audit.core.model import Source, TrialRecord, record_from_example
from trial_audit.engine.registry import Context
from trial_audit.text.people import name_problem

CTX = Context(as_of=parse_date("2025-11-14"))


def record(fmt: str, example: dict) -> TrialRecord:
    rec = record_from_example(example)
    rec.source = Source("x", fmt)
    rec.criteria_markdown = fmt == "ctgov-v2"
    return rec


# --- TA606 -----------------------------------------------------------------------------------


def test_observational_study_is_not_asked_for_an_ipd_statement():
    # NCT04157569 (ctgov-v2-bulk/graph_bigquery.ndjson): observational, no ipdSharingStatementModule
    obs = {"study_type": "OBSERVATIONAL", "dates": {"start": "2019-11-01", "first_submitted": "2019-11-06"}}
    assert not list(MissingIpdStatement().check(record("ctgov-v2", obs), CTX))
    trial = {**obs, "study_type": "INTERVENTIONAL"}
    (f,) = MissingIpdStatement().check(record("ctgov-v2", trial), CTX)
    assert "ICMJE requires one" in f.message and "optional" in f.message and "2019-11-01" in f.message


def test_trial_that_began_enrolling_before_2019_is_not_asked_even_if_registered_later():
    ex = {"study_type": "INTERVENTIONAL", "dates": {"start": "2018-06", "first_submitted": "2019-02-14"}}
    assert not list(MissingIpdStatement().check(record("ctgov-v2", ex), CTX))


# --- TA701 / TA702: where the fix belongs ------------------------------------------------------


def test_entity_in_a_registry_record_is_fixed_in_the_record_not_at_export():
    # arizona_ctg-studies.csv, NCT06898424: conditions "Alzheimer Type Dementia|Alzheimer&#39;s Disease (AD)"
    rec = record("ctgov-csv", {"conditions": ["Alzheimer Type Dementia", "Alzheimer&#39;s Disease (AD)"]})
    (f,) = HtmlMarkupInText().check(rec, CTX)
    assert "in the record text itself" in f.message and "exporting" not in f.suggestion
    assert f.suggestion == "Correct the record text: replace '&#39;' with the character it stands for (\"'\")."
    # an export made by another tool may have added it: then the export is where to decode
    other = record("ictrp-csv", {"conditions": ["Alzheimer&#39;s Disease (AD)"]})
    (g,) = HtmlMarkupInText().check(other, CTX)
    assert "exporting" in g.suggestion and "record text itself" not in g.message


def test_tag_in_a_registry_record_is_removed_from_the_record():
    # a tag left in the stored text of a legacy XML record (constructed: the real data has entities, not tags)
    rec = record("ctgov-xml", {"brief_summary": "First line.<br>Second line."})
    (f,) = HtmlMarkupInText().check(rec, CTX)
    assert f.suggestion.startswith("Correct the record text: remove the tag '<br>'")


def test_escape_fix_depends_on_where_the_backslash_is():
    # a literal backslash-n in a registry record's text is in the record itself
    rec = record("ctgov-classic", {"brief_summary": "Inclusion:\\nAge 18 or older"})
    (f,) = EscapeArtifact().check(rec, CTX)
    assert f.suggestion.startswith("Correct the record text itself")
    # "\>" in plain text comes from the registry's Markdown source shown unrendered: fix the conversion
    # (NCT06361745 patient page: "Blood oxygen saturation \>91%")
    page = record("page-text", {"criteria": "Blood oxygen saturation \\>91% in non-oxygen state;", "criteria_markdown": False})
    (g,) = EscapeArtifact().check(page, CTX)
    assert g.suggestion.startswith("Unescape the text") and "render it as Markdown" in g.suggestion


# --- TA504: role and degree words in an official's name ----------------------------------------


def test_role_written_where_the_degree_goes():
    # NCT02317510 (ctgov-xml): <last_name>Turgut Donmez, operator MD</last_name>, Principal Investigator
    name = "Turgut Donmez, operator MD"
    p = name_problem(name, person_required=True)
    assert p is not None and p.kind == "role-in-name" and name[p.start : p.end] == "operator"
    # NCT05948592 (ctgov-v2-bulk): "Stan Mathis, PI"; NCT00461201 (ctgov-xml): "Begoña Iglesias, Physician"
    for real, role in (("Stan Mathis, PI", "PI"), ("Begoña Iglesias, Physician", "Physician")):
        p = name_problem(real, person_required=True)
        assert p is not None and real[p.start : p.end] == role


def test_role_with_degrees_and_no_person():
    for name, degrees in (("operator MD", "'MD'"), ("Principal Investigator MD PhD", "'MD PhD'"), ("Study Coordinator RN", "'RN'")):
        p = name_problem(name, person_required=True)
        assert p is not None and p.kind == "role-or-organisation" and degrees in p.message, name
    assert name_problem("MD PhD", person_required=True).kind == "degree-only"
    # NCT00460811 (ctgov-xml): "Microbia Medical Director, MD" -- a role, not a person
    assert name_problem("Microbia Medical Director, MD", person_required=True).kind == "role-or-organisation"


def test_names_with_degrees_and_titles_stay_plausible():
    for name in (
        "Judith A Samuels, MBA, PhD",
        "Yuankai SHI, Prof",
        "Viktoria Y. Delyan, Associate Professor",  # NCT04780035 (ctgov-classic): an academic title
        "John Nurse, MD",
        "Van Do, MD",
        "Smith, John",
    ):
        assert name_problem(name, person_required=True) is None, name
    # contacts may legitimately be a title or a service
    assert name_problem("Turgut Donmez, operator MD", person_required=False) is None


def test_rule_reports_the_role_span_with_a_curator_message():
    rec = record("ctgov-xml", {"officials": [{"name": "Turgut Donmez, operator MD", "role": "PRINCIPAL_INVESTIGATOR"}]})
    (f,) = ImplausiblePersonName().check(rec, CTX)
    assert f.evidence.text == "operator" and f.field == "officials[0].name"
    assert "write the degree after the name" in f.message
