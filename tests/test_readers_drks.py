"""The DRKS portal's JSON (issue 23): multilingual fields, English first, German as fallback."""

import json
from pathlib import Path

from trial_audit.core.model import TrialRecord
from trial_audit.readers import iter_records

SAMPLE = Path(__file__).parent / "data" / "registries" / "DRKS_trial-DRKS00038775.json"


def _one(path):
    items = list(iter_records([path]))
    assert len(items) == 1 and isinstance(items[0], TrialRecord), items
    return items[0]


def test_drks_record_is_read_under_its_drks_id():
    rec = _one(SAMPLE)
    assert rec.source.format == "drks-json" and rec.id == "DRKS00038775" and rec.registry == "DRKS" and rec.nct_id is None
    assert rec.overall_status == "RECRUITING" and rec.study_type == "OBSERVATIONAL" and rec.sex == "ALL"
    assert rec.minimum_age.years == 18 and rec.maximum_age_raw == "N/A" and rec.maximum_age is None
    assert rec.dates["start"].iso() == "2025-11-01" and rec.dates["first_submitted"].iso() == "2025-12-17"
    assert rec.sponsor == "Endokrinologikum Berlin"


def test_drks_english_text_is_chosen_and_provenance_says_so():
    rec = _one(SAMPLE)
    assert rec.brief_title == "Retrospective characterization of patients with rare osteological diseases"
    assert rec.provenance["brief_title"] == "trialDescriptions[1].title (en)"
    assert rec.criteria.startswith("Inclusion Criteria:\nAll adult patients")
    assert rec.criteria.endswith("Exclusion Criteria:\nExclusion criteria include an uncertain diagnosis or minor age.")
    assert "languages" not in rec.extra  # every text field had an English version


def test_drks_german_is_the_fallback(tmp_path):
    obj = json.loads(SAMPLE.read_text(encoding="utf-8"))
    obj["trialDescriptions"] = [d for d in obj["trialDescriptions"] if d["idLocale"]["locale"] == "de"]
    f = tmp_path / "drks.json"
    f.write_text(json.dumps(obj), encoding="utf-8")
    rec = _one(f)
    assert rec.brief_title.startswith("Retrospektive Charakterisierung")
    assert rec.provenance["brief_title"] == "trialDescriptions[0].title (de)"
    assert rec.extra["languages"]["brief_title"] == "de"


def test_drks_shared_file(shared_data):
    rec = _one(shared_data / "drks-json" / "DRKS_trial-DRKS00038775.json")
    assert rec.id == "DRKS00038775"
