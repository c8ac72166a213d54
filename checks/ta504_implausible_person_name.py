from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.people import name_problem, sponsor_is_organisation


@register
class ImplausiblePersonName(Rule):
    """An official's or contact's name is not a person's name in registry form.

    ## What it does

    Reported: names written all in lower case ("songlou yin", "xu meng, MD"); placeholders
    ("TBD", "N/A"); for overall officials also a role or service instead of a person ("Study
    Director", "Medical Monitor", "Pfizer CT.gov Call Center"), a role where the degree goes
    ("Turgut Donmez, operator MD"), an organisation ("Novartis Pharmaceuticals", the sponsor's own
    name), a phone number or an e-mail address in the name, or degrees and titles alone ("MD",
    "Prof. Dr. med."). Contacts may legitimately be a title or a service, so for them only the
    form problems and placeholders are reported; a title in lower case or in another language
    ("chef de projets", "investigador principal") is a title, not a name typed in lower case.

    Not reported: a name with degrees, qualifications or titles in any registry's convention,
    before or after it, separated by commas, spaces or brackets: abbreviations ("MBBS, DM",
    "M.D., Ph.D.", "MD (Hons)"), degrees written out ("Master", "Doctor", "Master's degree",
    "PhD candidate"), academic titles ("Prof. Dr. med.", "Assoc. Prof.", "Dra.", "Lic.") and the
    clinical ranks of Chinese registries ("Associate Chief Physician").

    ## Why it matters

    The registry asks for the overall official's *name and degree* ("Songlou Yin, MSc");
    a curator or patient cannot contact or verify "study director", "Clinical Trials" or
    "Sanofi", and a name written all in lower case ("songlou yin") shows a form filled without
    review.

    ## Fix

    Enter the person's name as "Given Family, DEGREE" (e.g. "Songlou Yin, MSc").

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Contacts, Locations, and Investigator Information)
    """

    code = "TA504"
    name = "implausible-person-name"
    category = Category.PEOPLE
    severity = Severity.WARNING
    bad = [
        {"officials": [{"name": "songlou yin, master", "role": "PRINCIPAL_INVESTIGATOR"}]},
        {"officials": [{"name": "Study Director", "role": "STUDY_DIRECTOR", "affiliation": "Sanofi"}]},
        {"officials": [{"name": "Sanofi", "role": "STUDY_DIRECTOR"}], "sponsor": "Sanofi", "sponsor_class": "INDUSTRY"},
        {"central_contacts": [{"name": "TBD", "phone": "555"}]},
        {"officials": [{"name": "Study Physician, Master", "role": "PRINCIPAL_INVESTIGATOR"}]},
    ]
    good = [
        {"officials": [{"name": "Judith A Samuels, MBA, PhD", "role": "PRINCIPAL_INVESTIGATOR"}]},
        {"officials": [{"name": "Yuankai SHI, Prof", "role": "PRINCIPAL_INVESTIGATOR"}]},
        {"officials": [{"name": "Yueping Li, MD, Master", "role": "PRINCIPAL_INVESTIGATOR"}]},
        {"officials": [{"name": "Prof. Dr. med. Hans Müller", "role": "STUDY_CHAIR"}]},
        {"central_contacts": [{"name": "Pfizer CT.gov Call Center", "phone": "1-800-718-1021"}]},
        {"central_contacts": [{"name": "responsable de l'étude", "email": "etude@example.org"}]},
        {"officials": [{"name": "Ahmed Osman", "role": "PRINCIPAL_INVESTIGATOR"}], "sponsor": "Ahmed Osman", "sponsor_class": "INDIV"},
    ]

    def check(self, record, ctx):
        orgs = [o for o in [record.sponsor, *record.collaborators] if o]
        orgs_are_orgs = sponsor_is_organisation(record.sponsor, record.sponsor_class)
        people = [(f"officials[{i}].name", o.name, True) for i, o in enumerate(record.officials)]
        people += [(f"central_contacts[{i}].name", c.name, False) for i, c in enumerate(record.central_contacts)]
        people += [
            (f"locations[{i}].contacts[{j}].name", c.name, False)
            for i, loc in enumerate(record.locations)
            for j, c in enumerate(loc.contacts)
        ]
        for field, name, is_official in people:
            if not name:
                continue
            problem = name_problem(name, person_required=is_official, organisations=orgs, organisations_are_orgs=orgs_are_orgs)
            if problem is None:
                continue
            who = "official" if is_official else "contact"
            yield self.finding(
                f"The {who}'s name {name!r} is implausible: {problem.message}.",
                evidence=Evidence.span(field, name, problem.start, problem.end),
                suggestion="Enter the person's name as 'Given Family, DEGREE' (e.g. 'Songlou Yin, MSc').",
            )
