from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

_SITE_OPEN = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})
_SITE_CLOSED = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "ACTIVE_NOT_RECRUITING", "SUSPENDED"})
#: overall statuses under which no site may still be enrolling
_TRIAL_CLOSED = frozenset({"COMPLETED", "TERMINATED", "WITHDRAWN", "ACTIVE_NOT_RECRUITING", "SUSPENDED"})


@register
class SiteStatusContradictsOverall(Rule):
    """A site's recruitment status contradicts the trial's overall status.

    ## What it does

    Reports a record when a site's recruitment status contradicts the trial's overall status.

    Reports: a site RECRUITING/NOT_YET_RECRUITING/ENROLLING_BY_INVITATION under a
    COMPLETED/TERMINATED/WITHDRAWN/ACTIVE_NOT_RECRUITING/SUSPENDED trial; or a RECRUITING trial all of
    whose sites are closed (UNKNOWN overall status is not compared).

    ## Why it matters

    Patients read the site status to decide whether to call a site; a site shown as
    "Recruiting" under a completed, terminated, withdrawn, suspended or active-not-recruiting
    trial sends them to a closed study, and a recruiting trial whose every site is closed has
    nowhere to enrol. An overall status of UNKNOWN (not verified for two years) is not compared:
    the registry leaves stale site statuses under it.

    ## Fix

    Update the site statuses (or the overall status) so that they agree.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA506"
    name = "site-status-contradicts-overall"
    category = Category.PEOPLE
    severity = Severity.WARNING
    bad = [
        {
            "overall_status": "COMPLETED",
            "locations": [{"facility": "Hefei Hospital", "city": "Hefei", "country": "China", "status": "RECRUITING"}],
        },
        {
            "overall_status": "RECRUITING",
            "locations": [
                {"city": "Hefei", "country": "China", "status": "COMPLETED"},
                {"city": "Xuzhou", "country": "China", "status": "WITHDRAWN"},
            ],
        },
    ]
    good = [
        {
            "overall_status": "RECRUITING",
            "locations": [
                {"city": "Hefei", "country": "China", "status": "COMPLETED"},
                {"city": "Xuzhou", "country": "China", "status": "RECRUITING"},
            ],
        },
        {"overall_status": "UNKNOWN", "locations": [{"city": "Hefei", "country": "China", "status": "RECRUITING"}]},
    ]

    def check(self, record, ctx):
        overall = record.overall_status
        locs = record.locations
        if not overall or not locs:
            return
        status_ev = Evidence.whole("overall_status", record.text("overall_status") or "")
        if overall in _TRIAL_CLOSED:
            open_sites = [i for i, loc in enumerate(locs) if loc.status in _SITE_OPEN]
            if open_sites:
                i = open_sites[0]
                more = f" (and {len(open_sites) - 1} more)" if len(open_sites) > 1 else ""
                yield self.finding(
                    f"Site {i + 1} is {locs[i].status} while the trial is {overall}{more}.",
                    evidence=Evidence.whole(f"locations[{i}].status", locs[i].status or ""),
                    related=[status_ev],
                    suggestion="Close the site statuses, or correct the overall status.",
                )
        elif overall == "RECRUITING":
            statuses = [loc.status for loc in locs]
            if all(s in _SITE_CLOSED for s in statuses):
                yield self.finding(
                    f"The trial is RECRUITING but all {len(locs)} sites are closed ({', '.join(sorted(set(statuses)))}).",
                    evidence=Evidence.whole("locations[0].status", locs[0].status or ""),
                    related=[status_ev],
                    suggestion="Open the recruiting sites, or correct the overall status.",
                )
