"""The patient-facing page text: every field of the seed, and the same page laid out differently."""

from __future__ import annotations

import random
import re

import pytest

from tests.conftest import SEED_PAGE
from trial_audit.core.dates import DateType, Precision
from trial_audit.core.model import Source, TrialRecord, enum_token
from trial_audit.readers import iter_records, read_bytes
from trial_audit.readers.page_text import HEADINGS, read_page

SEED = SEED_PAGE.read_text(encoding="utf-8")


def _page(text: str) -> TrialRecord:
    rec = read_page(text, Source("page.txt"))
    # every offset points at the field's text, verbatim
    for name, off in rec.source_offsets.items():
        value = rec.text(name)
        if name.startswith("locations[") and "." not in name:
            value = None  # the whole location line; its parts are checked separately
        if name == "keywords" and rec.keywords:
            value = rec.keywords[0]
        if value and name not in rec.declared_absent:
            first_line = value.split("\n", 1)[0]
            shown = text[off : off + len(first_line)]
            if name.startswith(("dates.", "display_dates.", "as_of")):
                assert shown.startswith(first_line[:3]) or rec.text(name) in text[off : off + 40], name
            elif name in ("overall_status", "sex") or name.endswith(".role"):
                line = re.split(r"\r\n|\r|\n", text[off:], maxsplit=1)[0].strip()
                assert enum_token(line) == value, (name, line, value)  # shown as written, stored normalised
            else:
                assert shown == first_line, (name, shown, first_line)
    return rec


def _blocks(text: str) -> tuple[str, list[str]]:
    """The header and the sections of the seed page (each section = heading + body)."""
    lines = text.split("\n")
    starts = [i for i, ln in enumerate(lines) if (ln.strip().lower() in HEADINGS or ln.startswith("About ")) and i > 3]
    header = "\n".join(lines[: starts[0]])
    sections = ["\n".join(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)])]
    return header, sections


def _assert_seed_fields(rec: TrialRecord, *, check_offsets_text: str | None = None) -> None:
    assert rec.nct_id == "NCT06361745"
    assert rec.brief_title == ("Early Clinical Study of UTAA09 Injection in the Treatment of Relapsed/Refractory Autoimmune Diseases")
    assert rec.sponsor == "PERSONGEN BIOTHERAPEUTICS (SUZHOU) CO., LTD."
    launch = rec.display_dates["header_launch"]
    assert launch.iso() == "2024-04-08" and launch.precision is Precision.DAY
    assert "start" not in rec.dates  # the header date is not the trial's start date
    assert rec.as_of.iso() == "2025-11-14"
    assert rec.overall_status == "RECRUITING"
    assert rec.keywords == [] and rec.declared_absent["keywords"] == ""
    assert rec.plain_summary.startswith("This clinical trial is studying a new treatment called UTAA09")
    assert rec.plain_summary.endswith("close supervision and support throughout the process.")
    assert "\n\nTo participate, individuals must be between 65 and 74 years old" in rec.plain_summary
    assert rec.brief_summary is None
    assert rec.sex == "ALL"
    assert rec.criteria.startswith("  \u2022 inclusion criteria (2) Expected survival time \u22653 months;")
    assert rec.criteria.endswith("  \u2022 12. Situations considered unsuitable for inclusion by other researchers.")
    assert rec.criteria.count("\n") == 19 and rec.criteria.count("  \u2022 ") == 20 and rec.criteria_markdown is False
    assert "Blood oxygen saturation \\>91% in non-oxygen state;" in rec.criteria
    assert rec.sponsor_description.startswith("Persongen Biotherapeutics (Suzhou) Co., Ltd. is a pioneering")
    assert rec.extra["about_heading"] == "Persongen Biotherapeutics (Suzhou) Co., Ltd."
    assert [(loc.city, loc.state, loc.country) for loc in rec.locations] == [("Hefei", None, "China")]
    assert rec.patients_applied == 0
    assert [(o.name, o.role, o.affiliation) for o in rec.officials] == [
        ("songlou yin, master", "PRINCIPAL_INVESTIGATOR", "The Affiliated Hospital of Xuzhou Medical University")
    ]
    # the timeline: labels shown without values are absent, "Not reported" is absent
    assert rec.dates == {}
    assert rec.declared_absent["dates.first_submitted"] == ""
    assert rec.declared_absent["dates.start"] == ""
    assert rec.declared_absent["dates.last_update_posted"] == ""
    assert rec.declared_absent["dates.completion"] == "Not reported"
    assert rec.extra["timeline_labels"] == ["First submit", "Trial launched", "Trial updated", "Estimated completion"]
    assert rec.provenance["criteria"] == "page:Eligibility criteria"
    assert rec.provenance["dates.start"] == "page:Timeline/Trial launched"


def test_seed_page_all_fields():
    rec = _page(SEED)
    _assert_seed_fields(rec)
    assert rec.source.format == "page-text"
    offs = rec.source_offsets
    assert SEED[offs["criteria"] :].startswith("  \u2022 inclusion criteria")
    assert SEED[offs["nct_id"] :].startswith("NCT06361745")
    assert SEED[offs["sponsor"] :].startswith("PERSONGEN")
    assert SEED[offs["display_dates.header_launch"] :].startswith("Apr 8, 2024")
    assert SEED[offs["as_of"] :].startswith("November 14, 2025")
    assert SEED[offs["plain_summary"] :].startswith("This clinical trial")
    assert SEED[offs["sex"] :].startswith("ALL\n")
    assert SEED[offs["locations[0].city"] :].startswith("Hefei")
    assert SEED[offs["locations[0].country"] :].startswith("China")
    assert SEED[offs["patients_applied"] :].startswith("0 patients applied")
    assert SEED[offs["officials[0].name"] :].startswith("songlou yin, master")
    assert SEED[offs["officials[0].role"] :].startswith("Principal Investigator")
    assert SEED[offs["dates.start"] :].startswith("Trial launched")
    assert SEED[offs["dates.completion"] :].startswith("Not reported")


def test_seed_page_detected_from_folder_and_bytes():
    (rec,) = list(iter_records([SEED_PAGE]))
    assert rec.nct_id == "NCT06361745" and rec.source.format == "page-text"
    (rec,) = list(read_bytes(SEED.encode("utf-8"), Source("x.dat")))
    assert rec.source.format == "page-text"


def test_windows_line_endings_and_bom():
    crlf = "\ufeff" + SEED.replace("\n", "\r\n")
    rec = _page(crlf)
    _assert_seed_fields(rec)
    assert "\r" not in rec.criteria and "\r" not in rec.plain_summary
    assert crlf[rec.source_offsets["criteria"] :].startswith("  \u2022 inclusion criteria")
    assert crlf[rec.source_offsets["officials[0].name"] :].startswith("songlou yin")


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_sections_in_another_order(seed):
    header, sections = _blocks(SEED)
    assert len(sections) == 10
    random.Random(seed).shuffle(sections)
    text = header + "\n" + "\n".join(s.rstrip("\n") + "\n" for s in sections)
    _assert_seed_fields(_page(text))


def test_each_section_missing():
    header, sections = _blocks(SEED)
    full = _page(SEED)
    for i, removed in enumerate(sections):
        text = header + "\n" + "\n".join(s.rstrip("\n") + "\n" for j, s in enumerate(sections) if j != i)
        rec = _page(text)
        heading = removed.split("\n", 1)[0]
        assert rec.nct_id == "NCT06361745" and rec.brief_title == full.brief_title, heading
        # everything outside the removed section is unchanged
        if heading != "Eligibility criteria":
            assert rec.criteria == full.criteria, heading
        else:
            assert rec.criteria is None
        if heading != "Trial Officials":
            assert rec.officials == full.officials, heading
        else:
            assert rec.officials == []
        if heading != "Timeline":
            assert rec.declared_absent.get("dates.completion") == "Not reported"
        else:
            assert "timeline_labels" not in rec.extra and not any(k.startswith("dates.") for k in rec.declared_absent)
        if heading == "Keywords":
            assert "keywords" not in rec.declared_absent  # not shown at all is not "shown empty"
        if heading == "Gender":
            assert rec.sex is None
        if heading == "Locations":
            assert rec.locations == []
        if heading == "Patients applied":
            assert rec.patients_applied is None


def test_unknown_sections_do_not_disturb_the_others():
    header, sections = _blocks(SEED)
    extra1 = "Similar Trials\n\nA Study of Something Else in Lupus\n\nAnother Trial, Somewhere\n"
    extra2 = "Study Phase\n\nPhase 1\n"
    # after the summary (prose), after Gender (a single value), and at the end
    order = []
    for s in sections:
        order.append(s)
        if s.startswith("ClinConnect Summary"):
            order.append(extra1)
        if s.startswith("Gender"):
            order.append(extra2)
    order.append("Share this trial\n\nCopy link\n")
    text = header + "\n" + "\n".join(s.rstrip("\n") + "\n" for s in order)
    rec = _page(text)
    _assert_seed_fields(rec)
    headings = [u["heading"] for u in rec.extra["unknown_sections"]]
    assert headings == ["Similar Trials", "Study Phase", "Share this trial"]
    assert rec.extra["unknown_sections"][0]["text"] == "A Study of Something Else in Lupus\n\nAnother Trial, Somewhere"
    assert "Similar Trials" not in rec.plain_summary


def test_timeline_with_values_and_types():
    text = SEED.replace(
        "First submit\n\nTrial launched\n\nTrial updated\n\nEstimated completion\n\nNot reported",
        "First submit\n\nApril 2, 2024\n\nTrial launched\n\nApril 8, 2024\n\nTrial updated\n\n"
        "Not reported\n\nEstimated completion\n\nDecember 2027\n\nResults posted",
    )
    rec = _page(text)
    assert rec.dates["first_submitted"].iso() == "2024-04-02"
    assert rec.dates["start"].iso() == "2024-04-08"
    assert rec.declared_absent["dates.last_update_posted"] == "Not reported"
    done = rec.dates["completion"]
    assert done.iso() == "2027-12" and done.precision is Precision.MONTH and done.type is DateType.ESTIMATED
    assert rec.declared_absent["dates.results_first_posted"] == ""
    assert rec.extra["timeline_labels"][-1] == "Results posted"
    assert text[rec.source_offsets["dates.completion"] :].startswith("December 2027")


def test_locations_with_state_and_several_officials():
    text = SEED.replace("Hefei, China\n", "Hefei, China\n\nBoston, Massachusetts, United States\n").replace(
        "The Affiliated Hospital of Xuzhou Medical University\n",
        "The Affiliated Hospital of Xuzhou Medical University\n\nJane Roe, MD\n\nStudy Director\n\nMayo Clinic\n",
    )
    rec = _page(text)
    assert [(l.city, l.state, l.country) for l in rec.locations] == [
        ("Hefei", None, "China"),
        ("Boston", "Massachusetts", "United States"),
    ]
    assert [(o.name, o.role, o.affiliation) for o in rec.officials][1] == ("Jane Roe, MD", "STUDY_DIRECTOR", "Mayo Clinic")


def test_keywords_listed():
    rec = _page(SEED.replace("Keywords\n\n", "Keywords\n\nLupus\nSystemic Sclerosis\n\n"))
    assert rec.keywords == ["Lupus", "Systemic Sclerosis"] and "keywords" not in rec.declared_absent


def test_old_mac_line_endings():
    cr = SEED.replace("\n", "\r")
    rec = _page(cr)
    _assert_seed_fields(rec)
    assert cr[rec.source_offsets["criteria"] :].startswith("  \u2022 inclusion criteria")


def test_about_sentence_in_the_summary_is_not_a_heading():
    text = SEED.replace(
        "\n\nTo participate, individuals",
        "\n\nAbout 40 participants will take part.\n\nTo participate, individuals",
    )
    rec = _page(text)
    assert "\n\nAbout 40 participants will take part.\n\n" in rec.plain_summary
    assert rec.sponsor_description.startswith("Persongen Biotherapeutics (Suzhou) Co., Ltd. is")


def test_page_without_the_launched_line():
    lines = [ln for ln in SEED.split("\n") if not ln.startswith("Launched by")]
    rec = _page("\n".join(lines))
    assert rec.sponsor is None and "header_launch" not in rec.display_dates
    assert rec.sponsor_description.startswith("Persongen Biotherapeutics")
    assert rec.nct_id == "NCT06361745" and rec.overall_status == "RECRUITING"
