from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import carries


@register
class RecruitingWithoutLocation(Rule):
    """A trial that is recruiting lists no location.

    ## What it does

    Reports a record when a trial that is recruiting lists no location.

    Reports: RECRUITING and no location (formats that carry locations).

    ## Why it matters

    Patients search recruiting trials by place; a recruiting trial without any site cannot
    be found near anyone and gives no hint where to enrol. The registry requires at least one
    facility for a recruiting study. Only checked where the source format carries locations
    (not for a CSV export without a Locations column).

    ## Fix

    Add the recruiting sites (facility, city, country), or correct the overall status.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA502"
    name = "recruiting-without-location"
    category = Category.PEOPLE
    severity = Severity.WARNING
    bad = [{"overall_status": "RECRUITING", "locations": []}]
    good = [
        {"overall_status": "RECRUITING", "locations": [{"city": "Hefei", "country": "China"}]},
        {"overall_status": "COMPLETED", "locations": []},
    ]

    def check(self, record, ctx):
        if record.overall_status != "RECRUITING" or record.locations or not carries(record, "locations"):
            return
        shown = record.declared_absent.get("locations", "")
        yield self.finding(
            "The trial is recruiting but lists no location: patients cannot tell where to enrol.",
            field="locations",
            evidence=Evidence("locations", shown, 0, 0),
            related=[Evidence.whole("overall_status", record.text("overall_status") or "")],
            suggestion="Add the recruiting sites, or correct the overall status.",
        )
