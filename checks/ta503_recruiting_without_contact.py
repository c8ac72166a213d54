from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import carries


@register
class RecruitingWithoutContact(Rule):
    """A trial that is recruiting gives no contact, neither central nor at any site.

    ## What it does

    Reports a record when a trial that is recruiting gives no contact, neither central nor at any site.

    Reports: RECRUITING and no central or site contact (officials do not count; v2/classic/XML only).

    ## Why it matters

    A patient who found a recruiting trial needs someone to ask; the registry requires a
    central contact or a contact at each recruiting facility while a study recruits (the WHO
    data set's "contact for public queries"). Overall officials do not count: they are the
    scientific leads, not an enrolment contact. Only checked where the format carries both
    contacts and sites (API v2, classic JSON and XML, DRKS; the patient page and CSV exports
    carry no contacts, and the WHO ICTRP exports carry no sites, so a site contact there could
    exist without the export showing it; ICTRP's missing WHO contact is TA602's to report).

    ## Fix

    Add a central contact (name or title, phone or e-mail) or site contacts.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA503"
    name = "recruiting-without-contact"
    category = Category.PEOPLE
    severity = Severity.WARNING
    bad = [{"overall_status": "RECRUITING", "locations": [{"city": "Hefei", "country": "China"}]}]
    good = [
        {"overall_status": "RECRUITING", "central_contacts": [{"name": "Jane Doe", "email": "jd@example.org"}]},
        {
            "overall_status": "RECRUITING",
            "locations": [{"city": "Hefei", "country": "China", "contacts": [{"name": "Li Wei", "phone": "+86 1"}]}],
        },
        {"overall_status": "COMPLETED"},
    ]

    def check(self, record, ctx):
        # both halves of "no contact" must be visible: central contacts and the sites' contacts
        if record.overall_status != "RECRUITING" or not (carries(record, "contacts") and carries(record, "locations")):
            return
        if any(_usable(c) for c in record.central_contacts):
            return
        if any(_usable(c) for loc in record.locations for c in loc.contacts):
            return
        yield self.finding(
            "The trial is recruiting but gives no contact (no central contact, no site contact): "
            "patients have no one to ask about enrolment.",
            field="central_contacts",
            evidence=Evidence("central_contacts", record.declared_absent.get("central_contacts", ""), 0, 0),
            related=[Evidence.whole("overall_status", record.text("overall_status") or "")],
            suggestion="Add a central contact with a phone number or e-mail address, or contacts at the sites.",
        )


def _usable(contact) -> bool:
    return bool((contact.name or "").strip() or (contact.phone or "").strip() or (contact.email or "").strip())
