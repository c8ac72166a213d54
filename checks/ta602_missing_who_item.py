from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

_RECRUITING = frozenset({"RECRUITING", "NOT_YET_RECRUITING"})


def _has_contact(record) -> bool:
    # A responsible party named as an investigator is a named person with an affiliation, as good a
    # contact as an overall official given by name only (classic JSON and legacy XML often carry only it).
    party = record.extra.get("responsible_party") or {}
    return bool(record.officials or record.central_contacts or any(loc.contacts for loc in record.locations) or party.get("name"))


def _missing(record):
    """(item, field, WHO item, why) for each important WHO item the record lacks."""
    if not record.official_title:
        yield "official_title", "official_title", "10 Scientific title", "reviewers cannot see the design and population"
    if record.study_type in ("INTERVENTIONAL", "EXPANDED_ACCESS") and not any(iv.name for iv in record.interventions):
        yield "interventions", "interventions", "13 Intervention(s)", "no one can tell what is being tested"
    if record.enrollment is None and record.overall_status not in _RECRUITING:
        yield "enrollment", "enrollment", "17 Sample size", "the size of the trial is unknown"
    if not record.primary_outcomes and not record.extra.get("primary_outcome_measures"):
        yield "primary_outcomes", "primary_outcomes", "19 Primary outcome(s)", "selective outcome reporting cannot be checked"
    if not _has_contact(record):
        yield "contacts", "central_contacts", "7/8 Contact for public and scientific queries", "no one can be asked"
    if record.overall_status != "WITHDRAWN" and not any(loc.country for loc in record.locations):
        yield "countries", "locations", "11 Countries of recruitment", "patients cannot tell where it runs"


@register
class MissingWhoItem(Rule):
    """An important WHO data-set item is missing (scientific title, interventions, size, outcome, contact, countries).

    ## What it does

    Reports a record when an important WHO data-set item is missing (scientific title, interventions,
    size, outcome, contact, countries).

    Reports: one finding per missing: scientific title, interventions (interventional / expanded
    access), sample size (not recruiting; else TA604), primary outcome, contact (official, central, site or
    responsible investigator), countries (not for WITHDRAWN); the date of first enrolment (item 16) is TA401's.

    ## Why it matters

    The WHO Trial Registration Data Set is the minimum a registered trial must show; without
    a primary outcome selective reporting cannot be detected, without a sample size or start date
    the trial cannot be appraised, without a contact or country no one can enrol. One finding per
    missing item, each naming the WHO item. Format-aware: items the source format cannot carry
    are never demanded (see docs/rules-ta5-7xx.md). Interventions are demanded only for
    interventional and expanded-access studies; countries not for withdrawn trials; a missing
    sample size of a recruiting trial is reported by TA604 instead, and a missing date of first
    enrolment (WHO item 16, the start date) by TA401 with the other required dates.

    ## Fix

    Complete the item in the registry record.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - WHO Trial Registration Data Set (TRDS):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA602"
    name = "missing-who-item"
    category = Category.COMPLETENESS
    severity = Severity.WARNING
    bad = [
        {
            "official_title": "A Randomised Trial of X",
            "study_type": "INTERVENTIONAL",
            "interventions": [],
            "dates": {"start": "2024-04"},
            "enrollment": 30,
            "primary_outcomes": ["AEs"],
            "officials": [{"name": "Jane Doe, MD"}],
            "locations": [{"city": "Hefei", "country": "China"}],
        },
        {
            "official_title": "A Randomised Trial of X",
            "study_type": "OBSERVATIONAL",
            "dates": {"start": "2024-04"},
            "enrollment": 30,
            "primary_outcomes": [],
            "locations": [{"city": "Hefei", "country": "China"}],
        },
    ]
    good = [
        {
            "official_title": "A Randomised Trial of X",
            "study_type": "INTERVENTIONAL",
            "interventions": [{"type": "DRUG", "name": "X"}],
            "dates": {"start": "2024-04"},
            "enrollment": 30,
            "primary_outcomes": ["AEs"],
            "officials": [{"name": "Jane Doe, MD"}],
            "locations": [{"city": "Hefei", "country": "China"}],
        },
    ]

    def check(self, record, ctx):
        for item, field, who, loss in _missing(record):
            if not carries(record, item):
                continue
            number, label = who.split(" ", 1)
            yield self.finding(
                f"The record has no {label.lower()} (WHO data set item {number}): {loss}.",
                evidence=absent_evidence(record, field),
                suggestion=f"Add the {label.lower()} to the registry record.",
            )
