from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import placeholder_token

_SCALARS = ("brief_title", "official_title", "sponsor")
_LISTS = ("conditions", "keywords", "collaborators", "primary_outcomes")


def _candidates(record):
    """(field name pattern, index, value) of every checked value; the name is built only for a finding."""
    for name in _SCALARS:
        yield name, None, getattr(record, name)
    for name in _LISTS:
        for i, value in enumerate(getattr(record, name) or ()):
            yield name + "[{}]", i, value
    for i, iv in enumerate(record.interventions or ()):
        yield "interventions[{}].name", i, iv.name
    for i, off in enumerate(record.officials or ()):
        yield "officials[{}].affiliation", i, off.affiliation
    for i, loc in enumerate(record.locations or ()):
        yield "locations[{}].facility", i, loc.facility
        yield "locations[{}].city", i, loc.city
        yield "locations[{}].country", i, loc.country


@register
class PlaceholderValue(Rule):
    """A field that needs a real value holds a placeholder ("N/A", "null", "undefined", "TBD").

    ## What it does

    Reports a record when a field that needs a real value holds a placeholder ("N/A", "null",
    "undefined", "TBD").

    Reports: the whole value of a title, sponsor, collaborator, condition, keyword, intervention name,
    primary outcome, affiliation or site facility/city/country is a placeholder ("N/A", "null",
    "undefined", "TBD", "-", "?" …).

    ## Why it matters

    A placeholder looks like data to every count and search ("null" becomes a sponsor, "N/A"
    a condition), while the registry item is in fact missing; "undefined" or "null" usually means
    a form or an export failed to fill the value. Checked fields: titles, sponsor, collaborators,
    conditions, keywords, intervention names, primary outcomes, official affiliations and site
    facility/city/country. The whole value must be the placeholder: "Null hypothesis testing" is
    fine. (Officials' *names* are checked by TA504.) A registry's own vocabulary value is not a
    placeholder: ISRCTN's condition category "Not Applicable", which ICTRP joins into the condition.

    ## Fix

    Enter the real value, or leave the field empty so that it is reported as missing.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA704"
    name = "placeholder-value"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [
        {"sponsor": "null"},
        {"conditions": ["Hypertension", "N/A"]},
        {"interventions": [{"type": "DRUG", "name": "undefined"}]},
    ]
    good = [
        {"sponsor": "Sanofi", "conditions": ["Hypertension", "Null Cell Adenoma"]},
        {"brief_title": "Testing the Null Hypothesis of No Effect"},
    ]

    def check(self, record, ctx):
        # fields the reader knows hold a registry's controlled vocabulary (ISRCTN's condition
        # category "Not Applicable", joined into ICTRP's condition field): a value, not a placeholder
        vocabulary = record.extra.get("vocabulary_fields") or ()
        for pattern, index, value in _candidates(record):
            if not isinstance(value, str):
                continue
            token = placeholder_token(value)
            if token is None:
                continue
            name = pattern if index is None else pattern.format(index)
            if name in vocabulary:
                continue
            yield self.finding(
                f"{name} holds the placeholder {token!r} instead of a value.",
                evidence=Evidence.whole(name, value),
                suggestion="Enter the real value, or leave the field empty if it is genuinely unknown.",
            )
