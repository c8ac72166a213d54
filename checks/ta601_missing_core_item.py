from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

#: item -> (canonical field, WHO TRDS item, what the registry and readers lose without it)
CORE_ITEMS = {
    "brief_title": ("brief_title", "9 Public title", "the trial cannot be listed or found by its title"),
    "sponsor": ("sponsor", "5 Primary sponsor", "no one is accountable for the trial"),
    "conditions": ("conditions", "12 Health condition(s) studied", "patients cannot find it by their condition"),
    "criteria": ("criteria", "14 Key inclusion and exclusion criteria", "no one can tell who may take part"),
    "study_type": ("study_type", "15 Study type", "interventional and observational studies cannot be told apart"),
    "overall_status": ("overall_status", "18 Recruitment status", "patients cannot tell whether it recruits"),
}


@register
class MissingCoreItem(Rule):
    """A core registration item is missing: public title, sponsor, conditions, criteria, study type or status.

    ## What it does

    Reports a record when a core registration item is missing: public title, sponsor, conditions,
    criteria, study type or status.

    Reports: one finding per missing: public title, sponsor, conditions, criteria, study type,
    recruitment status.

    ## Why it matters

    These items of the WHO Trial Registration Data Set are what every search, listing and
    eligibility decision rests on; a record without them cannot be found or acted on. One finding
    per missing item. Format-aware: an item is demanded only where the source format carries it
    (the patient page shows no conditions or study type; a CSV export has no criteria column);
    see docs/rules-ta5-7xx.md for the table.

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

    code = "TA601"
    name = "missing-core-item"
    category = Category.COMPLETENESS
    severity = Severity.ERROR
    bad = [
        {
            "brief_title": "A Trial",
            "sponsor": "Sanofi",
            "conditions": [],
            "criteria": "Adults",
            "study_type": "INTERVENTIONAL",
            "overall_status": "RECRUITING",
        },
        {"brief_title": "A Trial", "conditions": ["Lupus"], "criteria": "", "study_type": "INTERVENTIONAL"},
    ]
    good = [
        {
            "brief_title": "A Trial",
            "sponsor": "Sanofi",
            "conditions": ["Lupus"],
            "criteria": "Adults",
            "study_type": "INTERVENTIONAL",
            "overall_status": "RECRUITING",
        },
    ]

    def check(self, record, ctx):
        for item, (field, who, loss) in CORE_ITEMS.items():
            value = getattr(record, field)
            if value and (not isinstance(value, str) or value.strip()):
                continue
            if not carries(record, item):
                continue
            label = who.split(" ", 1)[1]
            yield self.finding(
                f"The record has no {label.lower()} (WHO data set item {who.split(' ')[0]}): {loss}.",
                evidence=absent_evidence(record, field),
                suggestion=f"Add the {label.lower()} to the registry record.",
            )
