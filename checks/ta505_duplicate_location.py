import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.people import fold

# Masked facility names some sponsors give every site ("Research Site", "GSK Investigational Site",
# "Influence Study Site"): several of them in one city are different sites, not a duplicate.
_GENERIC = re.compile(
    r"\b(?:investigational|investigative|investigator|research|study|clinical|trial|local)\s+"
    r"(?:site|sites|institution|facility)\b",
    re.IGNORECASE,
)
_MAX_WORDS_GENERIC = 5


#: Formats whose sites carry a ZIP code. Same-named sites in one city with different ZIP codes
#: are different sites (a dialysis chain's clinics, a university's departments): measured on the
#: real data, every same-name/same-city pair differed in ZIP code. So in these formats a site
#: without a ZIP code is not compared: it cannot be told apart from a namesake.
_ZIP_FORMATS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv"})


def _generic(facility: str) -> bool:
    return bool(_GENERIC.search(facility)) and len(facility.split()) <= _MAX_WORDS_GENERIC


@register
class DuplicateLocation(Rule):
    """The same site (facility, city, state, ZIP, country) is listed more than once.

    ## What it does

    Reports a record when the same site (facility, city, state, ZIP, country) is listed more than once.

    Reports: same facility + city + state + ZIP + country twice (masked names such as "GSK
    Investigational Site" excluded) — inert until `Location.zip` exists, see below.

    ## Why it matters

    A duplicated site inflates the site count, shows patients the same place twice and
    often hides a data-entry slip (a second site meant, or a status updated on one copy only).
    Sites whose facility is a masked generic name ("Research Site", "GSK Investigational Site")
    or missing are not compared: several such sites in one city are usually different sites.
    Same-named sites with different ZIP codes are different sites; where the record does not
    carry ZIP codes although its format does, nothing is compared (see docs). Informational: a chain's clinics or a university's departments are sometimes listed under
    one name; they should then be named distinctly.

    ## Fix

    Remove the duplicate, or correct it to the site that was meant.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA505"
    name = "duplicate-location"
    category = Category.PEOPLE
    severity = Severity.INFO
    bad = [
        {
            "locations": [
                {"facility": "Mayo Clinic", "city": "Rochester", "state": "Minnesota", "country": "United States"},
                {"facility": "Mayo Clinic ", "city": "Rochester", "state": "Minnesota", "country": "United States"},
            ]
        }
    ]
    good = [
        {
            "locations": [
                {"facility": "Research Site", "city": "Seoul", "country": "Korea, Republic of"},
                {"facility": "Research Site", "city": "Seoul", "country": "Korea, Republic of"},
                {"facility": "Mayo Clinic", "city": "Rochester", "state": "Minnesota", "country": "United States"},
                {"facility": "Mayo Clinic", "city": "Jacksonville", "state": "Florida", "country": "United States"},
            ]
        }
    ]

    def check(self, record, ctx):
        needs_zip = record.source.format in _ZIP_FORMATS
        groups: dict[tuple[str, ...], list[int]] = {}
        for i, loc in enumerate(record.locations):
            facility = fold(loc.facility)
            if not facility or facility == fold(loc.city) or _generic(loc.facility or ""):
                continue
            if needs_zip and not loc.zip:
                continue  # the ZIP code tells same-named sites apart, and this site has none
            key = (facility, fold(loc.city), fold(loc.state), fold(loc.zip), fold(loc.country))
            groups.setdefault(key, []).append(i)
        for idx in groups.values():
            if len(idx) < 2:
                continue
            first, second = idx[0], idx[1]
            loc = record.locations[second]
            place = ", ".join(p for p in (loc.facility, loc.city, loc.country) if p)
            numbers = ", ".join(str(i + 1) for i in idx[:8]) + (" ..." if len(idx) > 8 else "")
            yield self.finding(
                f"The site {place!r} is listed {len(idx)} times (locations {numbers}); identical entries cannot be told apart by readers.",
                evidence=Evidence.whole(f"locations[{second}].facility", loc.facility or ""),
                related=[Evidence.whole(f"locations[{first}].facility", record.locations[first].facility or "")],
                suggestion="Remove the duplicate, or name each site distinctly (department, street).",
            )
