from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.people import distance_km, fold, gazetteer, is_company

#: a site within this distance of the affiliation's city counts as being in that city (suburbs,
#: satellite campuses: "University of Texas, Houston" with a site in Bellaire)
NEAR_KM = 100.0
_MAX_RELATED = 3


@register
class AffiliationNotAmongLocations(Rule):
    """An official's affiliation names a city that is far from every listed site.

    ## What it does

    How it decides (precision first): the affiliation must name a city in the place slot of an
    institution name ("Affiliated Hospital of Xuzhou Medical University", "University Hospital
    Essen", "..., Madrid"; not eponyms such as "Temple University" or "Ruijin Hospital"); the city
    must exist (GeoNames, population >= 50,000) in a country of the listed sites; it must not
    appear in any site's city, state or facility; and every site must be geocoded more than
    100 km away from it. Company affiliations ("Pfizer", "Bristol-Myers Squibb") are skipped.

    Reports: an official's affiliation names a city (place slot of an institution name) in a country of
    the sites, not named by any site, and every site geocoded > 100 km away.

    ## Why it matters

    The principal investigator's institution is normally one of the trial's sites; an
    affiliation in Xuzhou while the only listed location is Hefei means either a site is missing
    (patients near it cannot find the trial) or the official or the location is wrong.

    ## Fix

    Add the official's site to the locations, or correct the official's affiliation.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA501"
    name = "affiliation-not-among-locations"
    category = Category.PEOPLE
    severity = Severity.WARNING
    bad = [
        {
            "officials": [
                {
                    "name": "Songlou Yin, MSc",
                    "role": "PRINCIPAL_INVESTIGATOR",
                    "affiliation": "The Affiliated Hospital of Xuzhou Medical University",
                }
            ],
            "locations": [{"city": "Hefei", "country": "China"}],
        }
    ]
    good = [
        {
            "officials": [{"name": "A B", "affiliation": "The Affiliated Hospital of Xuzhou Medical University"}],
            "locations": [{"facility": "Xuzhou Medical University Hospital", "city": "Xuzhou", "country": "China"}],
        },
        {
            "officials": [{"name": "Pfizer CT.gov Call Center", "affiliation": "Pfizer"}],
            "locations": [{"city": "Hefei", "country": "China"}],
        },
        {
            "officials": [{"name": "A B", "affiliation": "University of Texas Health Science Center at Houston"}],
            "locations": [{"facility": "Memorial Hermann", "city": "Bellaire", "state": "Texas", "country": "United States"}],
        },
        {
            "officials": [{"name": "A B", "affiliation": "Ruijin Hospital"}],
            "locations": [{"city": "Shanghai", "country": "China"}],
        },
    ]

    def check(self, record, ctx):
        locations = record.locations
        if not record.officials or not locations:
            return
        affiliations = [(i, o.affiliation) for i, o in enumerate(record.officials) if o.affiliation]
        if not affiliations:
            return
        g = gazetteer()
        codes = [g.country_code(loc.country) for loc in locations]
        countries = {c for c in codes if c}
        if not countries:
            return
        site_text = " " + " ".join(fold(" ".join(filter(None, (l.city, l.state, l.facility)))) for l in locations) + " "
        sites = None  # geocoded lazily: [(index, [places])]
        for i, aff in affiliations:
            if is_company(aff, record):
                continue
            mentions = g.place_mentions(aff)
            if not mentions or any(f" {key} " in site_text for key, _, _ in mentions):
                continue
            named = [p for key, _, _ in mentions for p in g.by_name[key] if p.country in countries]
            if not named:
                continue
            if sites is None:
                sites = [(j, g.places(loc.city, codes[j])) for j, loc in enumerate(locations)]
            if any(not places for _, places in sites):
                continue  # a site we cannot place: no verdict
            if any(distance_km(a, b) < NEAR_KM for _, places in sites for a in places for b in named):
                continue
            key, s, e = next((m for m in mentions if any(p.country in countries for p in g.by_name[m[0]])), mentions[0])
            field = f"officials[{i}].affiliation"
            related = []
            for j, _ in sites[:_MAX_RELATED]:
                city = locations[j].city or ""
                related.append(Evidence.whole(f"locations[{j}].city", city))
            listed = ", ".join(sorted({locations[j].city or "" for j, _ in sites}))
            n = len(locations)
            official = record.officials[i]
            role = (official.role or "official").replace("_", " ").lower()
            who = f"the {role} ({official.name})" if official.name else f"the {role}"
            yield self.finding(
                f"The affiliation of {who} is in {aff[s:e]}, but "
                + (
                    f"the only listed site is in {listed}."
                    if n == 1
                    else f"none of the {n} listed sites is within {NEAR_KM:.0f} km of it ({listed[:120]})."
                ),
                evidence=Evidence.span(field, aff, s, e),
                related=related,
                suggestion=f"Add the {aff[s:e]} site to the locations, or correct the official's affiliation.",
            )
