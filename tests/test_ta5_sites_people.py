"""Sites and people (TA5xx): the seed's defects, and real false-positive patterns as regressions."""

from pathlib import Path

import pytest

from trial_audit.checks.ta501_affiliation_not_among_locations import AffiliationNotAmongLocations
from trial_audit.checks.ta503_recruiting_without_contact import RecruitingWithoutContact
from trial_audit.checks.ta504_implausible_person_name import ImplausiblePersonName
from trial_audit.checks.ta505_duplicate_location import DuplicateLocation
from trial_audit.checks.ta506_site_status_contradicts_overall import SiteStatusContradictsOverall
from trial_audit.core.dates import parse_date
from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context
from trial_audit.readers import iter_records
from trial_audit.text.people import gazetteer, name_problem

CTX = Context(as_of=parse_date("2025-11-14"))
SEED_PAGE = Path(__file__).resolve().parents[1] / "seeds" / "000_39e40e8ef963eca8.txt"


def run(rule, example, fmt=None):
    rec = record_from_example(example)
    if fmt:
        rec.source.format = fmt
    return list(rule.check(rec, CTX))


# --- TA501 affiliation vs locations -------------------------------------------------------


def seed_like(affiliation, locations, **kw):
    return {
        "officials": [{"name": "Songlou Yin", "role": "PRINCIPAL_INVESTIGATOR", "affiliation": affiliation}],
        "locations": locations,
        **kw,
    }


def test_ta501_seed_affiliation_xuzhou_site_hefei_with_both_sides():
    ex = seed_like("The Affiliated Hospital of Xuzhou Medical University", [{"city": "Hefei", "country": "China"}])
    (f,) = run(AffiliationNotAmongLocations(), ex)
    rec = record_from_example(ex)
    assert f.evidence.field == "officials[0].affiliation"
    assert rec.text(f.evidence.field)[f.evidence.start : f.evidence.end] == "Xuzhou" == f.evidence.text
    assert [r.field for r in f.related] == ["locations[0].city"] and f.related[0].text == "Hefei"
    assert "Hefei" in f.message


def test_ta501_real_uppsala_vs_falun_fires():
    # NCT04390074 (classic): PI at Uppsala University, the only site in Falun (~150 km away)
    ex = seed_like("Uppsala University", [{"facility": "Falu lasarett", "city": "Falun", "country": "Sweden"}])
    assert run(AffiliationNotAmongLocations(), ex)


def test_ta501_city_among_site_facilities_or_cities_is_clean():
    ex = seed_like(
        "Professor in the department of oral Medicine & Periodontology, Cairo University",
        [{"facility": "Faculty of Dentistry, Cairo University", "city": "Giza", "country": "Egypt"}],
    )
    assert not run(AffiliationNotAmongLocations(), ex)


def test_ta501_eponyms_and_companies_are_not_places():
    for aff, city, country in [
        ("Ruijin Hospital", "Shanghai", "China"),  # Ruijin is also a city in Jiangxi
        ("Zhongshan Hospital, Fudan University", "Shanghai", "China"),
        ("Memorial Sloan Kettering Cancer Center", "New York", "United States"),  # Kettering, Ohio
        ("Washington University School of Medicine", "St Louis", "United States"),
        ("Temple University", "Philadelphia", "United States"),  # Temple, Texas
        ("Bristol-Myers Squibb", "Princeton", "United States"),
        ("Cleveland Clinic", "Weston", "United States"),
        ("Wuhan Union Hospital", "Wuhan", "China"),
    ]:
        assert not run(AffiliationNotAmongLocations(), seed_like(aff, [{"city": city, "country": country}])), aff


def test_ta501_city_naming_an_endowed_chair_is_not_a_place():
    # unseen precision round 3, NCT00005240: "Hamilton Southworth Professor of Medicine and Professor of Epide,
    # Dept of Medicine General Medicine" with the site in New York: Hamilton names the chair's benefactor
    ny = [{"facility": "Columbia University", "city": "New York", "country": "United States"}]
    for aff in (
        "Hamilton Southworth Professor of Medicine and Professor of Epide, Dept of Medicine General Medicine",
        "Houston Family Distinguished Professor of Surgery",  # a synthetic variant, another city and wording
        "Denver Chair in Cardiology, Dept of Medicine",
    ):
        assert not run(AffiliationNotAmongLocations(), seed_like(aff, ny)), aff
    # a city as the place of an institution still counts, even next to a professor's title
    assert run(AffiliationNotAmongLocations(), seed_like("Professor of Medicine, University of Houston", ny))


def test_ta501_suburb_within_100_km_is_clean():
    ex = seed_like(
        "University of Texas Health Science Center at Houston",
        [{"city": "Bellaire", "state": "Texas", "country": "United States"}],
    )
    assert not run(AffiliationNotAmongLocations(), ex)


def test_ta501_no_verdict_when_a_site_cannot_be_placed():
    ex = seed_like(
        "The Affiliated Hospital of Xuzhou Medical University",
        [{"city": "Hefei", "country": "China"}, {"city": "Nowhereville Township", "country": "China"}],
    )
    assert not run(AffiliationNotAmongLocations(), ex)


def test_ta501_city_outside_the_sites_countries_is_not_judged():
    ex = seed_like("Hospital of Xuzhou", [{"city": "Boston", "country": "United States"}])
    assert not run(AffiliationNotAmongLocations(), ex)


def test_gazetteer_place_mentions():
    g = gazetteer()
    assert [k for k, _, _ in g.place_mentions("Hospices Civils de Lyon")] == ["lyon"]
    assert [k for k, _, _ in g.place_mentions("University Hospital Essen")] == ["essen"]
    assert g.place_mentions("CHU de Nantes")[0][0] == "nantes"  # "CHU" is an acronym, not a town
    assert g.place_mentions("M.D. Anderson Cancer Center") == []


# --- TA503 -------------------------------------------------------------------------------


def test_ta503_not_demanded_from_the_patient_page():
    ex = {"overall_status": "RECRUITING", "locations": [{"city": "Hefei", "country": "China"}]}
    assert run(RecruitingWithoutContact(), ex)
    assert not run(RecruitingWithoutContact(), ex, fmt="page-text")


# --- TA504 names ---------------------------------------------------------------------------


def test_ta504_seed_name_reports_lower_case():
    (f,) = run(ImplausiblePersonName(), {"officials": [{"name": "songlou yin, master", "role": "PRINCIPAL_INVESTIGATOR"}]})
    assert f.evidence.field == "officials[0].name" and f.evidence.text == "songlou yin, master"
    # the name is in lower case; the written-out degree itself is a registry convention, not a defect
    assert "lower case" in f.message and "'master'" not in f.message


# Real names of the WHO ICTRP exports (tune part), each a false positive of the rule that reported a
# written-out degree ("Master") where an abbreviation was expected: a name with degrees is a name.
ICTRP_NAMES_WITH_DEGREES = [
    "Yueping Li, MD, Master",  # NCT04252885, NCT04261907, NCT04275388 (ictrp-xml / ictrp-csv)
    "Zhenqi Zhu, Master",  # ictrp-xml (ChiCTR record, official)
    "Jong-Min Woo, Master",  # ictrp-csv (official)
    "Konthorn Chankong, Master's degree",  # ictrp-xlsx (contact)
    "Peter AG De Smet, PharmD, PhD",  # ctgov-xml (tune): "AG" is his initials, not a company's legal form
]
# The same class in other registries' conventions (synthetic): degrees, titles and ranks before or
# after the name, separated by commas, spaces or brackets.
SYNTHETIC_NAMES_WITH_DEGREES = [
    "Wei Zhang, Doctor",
    "Ana Lima, Bachelor of Science in Nursing",
    "Li Na, PhD candidate",
    "Rahul Mehta, MBBS, MD, DM",
    "Sarah Okafor, MSc",
    "Tom Hale, MD (Hons)",
    "Prof. Dr. med. Hans Müller",
    "Assoc. Prof. Siti Aminah",
    "Wang Wei, Associate Chief Physician",
    "Dra. María López",
    "Lic. Juan Pérez",
    "Priya Nair (MBBS, FRCS(Edin))",
    "Reza Ahmadi, Assistant Professor of Cardiology",
    "Kenji Sato M.D. Ph.D.",
    "Anna Rossi, Medical Doctor",
    "Dr. Ma",
    "Van Do, MD",
]


@pytest.mark.parametrize("name", ICTRP_NAMES_WITH_DEGREES + SYNTHETIC_NAMES_WITH_DEGREES)
def test_ta504_names_with_degrees_or_titles_in_any_convention_are_plausible(name):
    ex = {"officials": [{"name": name, "role": "PRINCIPAL_INVESTIGATOR"}], "central_contacts": [{"name": name}]}
    assert run(ImplausiblePersonName(), ex) == [], name


@pytest.mark.parametrize(
    "name, kind",
    [
        ("Director", "role-or-organisation"),
        ("Study Physician", "role-or-organisation"),
        ("Clinical Trials Office", "role-or-organisation"),
        ("Study Physician, Master", "role-or-organisation"),
        ("Medical Director, Doctor", "role-or-organisation"),
        ("Turgut Donmez, operator MD", "role-in-name"),  # NCT02317510 (ctgov-xml): the earlier role-in-name class
        ("Soledad Romea, Physician", "role-in-name"),
        ("Jane Doe, Chief Nurse", "role-in-name"),  # only clinical ranks of physicians are read as a grade
        ("MD, Master", "degree-only"),
        ("Prof. Dr. med.", "degree-only"),
        ("chen guo, Master", "lower-case"),  # ictrp-xml (tune): a lower-case name with a capitalised degree
        ("marco ranieri, MD", "lower-case"),  # ctgov-xml (tune)
    ],
)
def test_ta504_roles_degrees_alone_and_lower_case_names_stay_reported(name, kind):
    problem = name_problem(name, person_required=True)
    assert problem is not None and problem.kind == kind, (name, problem)


def test_ta504_real_placeholder_names_fire():
    # real official names (classic/XML/v2 records)
    for name, sponsor, cls in [
        ("Study Director", "Sanofi", "INDUSTRY"),
        ("Medical Director", "Shire", "INDUSTRY"),
        ("Clinical Trials", "GlaxoSmithKline", "INDUSTRY"),
        ("Pfizer CT.gov Call Center", "Pfizer", "INDUSTRY"),
        ("Gilead Study Director", "Gilead Sciences", "INDUSTRY"),
        ("UCB Cares", "UCB Biopharma SRL", "INDUSTRY"),
        ("Novartis Pharmaceuticals", "Novartis", "INDUSTRY"),
        ("Bristol-Myers Squibb", "Bristol-Myers Squibb", "INDUSTRY"),
        ("Call 1-877-CTLILLY (1-877-285-4559) or 1-317-615-4559 Mon - Fri 9 AM - 5 PM Eastern time", "Eli Lilly and Company", "INDUSTRY"),
        ("Campion, Breanna <breannacampion@polk-county.net> Campion", "Polk County", "OTHER"),
        ("TBD", "Sanofi", "INDUSTRY"),
    ]:
        ex = {"officials": [{"name": name}], "sponsor": sponsor, "sponsor_class": cls}
        assert run(ImplausiblePersonName(), ex), name


def test_ta504_real_plausible_names_are_clean():
    for name in [
        "Judith A Samuels, MBA, PhD",
        "Yuankai SHI, Prof",  # a title after the name: common registry convention
        "HAN XU, M.D., Ph.D.",
        "Nilgün YILMAZ DEMİRCİ, Assoc. Prof.",
        "Jorge H Villafañe",
        "Ahmed Ka Osman, Resident",
        "Dr. Mehwish Mushtaq, MPhil",
        "Simon E Blackwell, Dr. phil.",
        "Karen Heart",
        "张三",
    ]:
        assert not run(ImplausiblePersonName(), {"officials": [{"name": name}], "sponsor": "Cairo University"}), name


def test_ta504_sponsor_investigator_named_like_sponsor_is_clean():
    ex = {"officials": [{"name": "Ahmed Abdelbaqy"}], "sponsor": "Ahmed Abdelbaqy", "sponsor_class": "OTHER"}
    assert not run(ImplausiblePersonName(), ex)


def test_ta504_contacts_may_be_a_service_but_not_a_placeholder():
    assert name_problem("Pfizer CT.gov Call Center", person_required=False) is None
    assert name_problem("Study Director", person_required=False) is None
    assert name_problem("N/A", person_required=False).kind == "placeholder"
    assert name_problem("jingjing sheng", person_required=False).kind == "lower-case"


# --- TA505 duplicates ----------------------------------------------------------------------


def test_ta505_same_name_sites_with_different_zip_are_not_compared_without_zip():
    # NCT00739947 (XML): "Desert Valley Radiology, Phoenix" twice, ZIP 85032 and 85037: two clinics
    loc = {"facility": "Desert Valley Radiology", "city": "Phoenix", "state": "Arizona", "country": "United States"}
    for fmt in ("ctgov-xml", "ctgov-classic", "ctgov-v2", "ctgov-csv"):
        assert not run(DuplicateLocation(), {"locations": [loc, dict(loc)]}, fmt=fmt)


def test_ta505_masked_sponsor_site_names_are_not_duplicates():
    loc = {"facility": "GSK Investigational Site", "city": "Phoenix", "state": "Arizona", "country": "United States"}
    assert not run(DuplicateLocation(), {"locations": [loc, dict(loc), dict(loc, facility="Influence Study Site")]})


# --- TA506 ---------------------------------------------------------------------------------


def test_ta506_recruiting_site_under_completed_trial_quotes_both_sides():
    ex = {"overall_status": "COMPLETED", "locations": [{"city": "Hefei", "country": "China", "status": "RECRUITING"}]}
    (f,) = run(SiteStatusContradictsOverall(), ex)
    assert f.evidence.field == "locations[0].status" and f.related[0].field == "overall_status"


def test_ta5_rules_survive_empty_and_weird_values():
    weird = {
        "officials": [{"name": "", "affiliation": ""}, {"name": None, "affiliation": "  ,,  "}, {"name": ",", "affiliation": "of"}],
        "locations": [{"city": "", "country": ""}, {}],
        "central_contacts": [{}],
        "overall_status": "RECRUITING",
    }
    for rule in (AffiliationNotAmongLocations(), ImplausiblePersonName(), DuplicateLocation(), SiteStatusContradictsOverall()):
        list(rule.check(record_from_example(weird), CTX))


def test_seed_page_people_defects_are_reported_with_evidence():
    (rec,) = list(iter_records([SEED_PAGE]))
    by_rule = {}
    for rule in (AffiliationNotAmongLocations(), ImplausiblePersonName()):
        for f in rule.check(rec, CTX):
            by_rule.setdefault(f.rule, []).append(f)
    (aff,) = by_rule["TA501"]
    assert aff.evidence.text == "Xuzhou" and aff.related[0].text == "Hefei"
    (name,) = by_rule["TA504"]
    assert name.evidence.text == "songlou yin, master"
