"""One key table for both ClinicalTrials.gov JSON generations.

Every field the readers take from a study is named once, by its path in the API v2 form
(``protocolSection.statusModule.whyStopped``; ``xs[]`` marks a list and what follows it a key
of each item). The classic API (``FullStudiesResponse``) spells the same field in PascalCase,
and :func:`classic_path` derives that spelling from the v2 path with the registry's own
regularities, so that a new field is one line here and is read from both generations:

- each key is capitalised: ``statusModule`` -> ``StatusModule``;
- a list is wrapped, ``conditions`` -> ``ConditionList.Condition`` (the item named in the singular);
- below a module, keys of an object carry the object's name: ``leadSponsor.name`` ->
  ``LeadSponsor.LeadSponsorName``, ``locations[].city`` -> ``Location[].LocationCity``; a
  ``...Info`` or ``...Struct`` object lends its name without that word
  (``enrollmentInfo.count`` -> ``EnrollmentCount``, ``startDateStruct.type`` -> ``StartDateType``)
  and a key the name already ends with is not repeated (``startDateStruct.date`` -> ``StartDate``).

The spellings that follow none of this are listed in the exception tables below (the classic
API's own names; checked against real classic records in tests/test_readers.py).
"""

from __future__ import annotations

import re

#: classic spelling of single keys that are not simply capitalised
CLASSIC_KEY = {
    "nctId": "NCTId",
    "sex": "Gender",
    "email": "EMail",
    "ipdSharing": "IPDSharing",
    "ipdSharingStatementModule": "IPDSharingStatementModule",
    "oversightHasDmc": "OversightHasDMC",
    "isFdaRegulatedDrug": "IsFDARegulatedDrug",
    "isFdaRegulatedDevice": "IsFDARegulatedDevice",
    "isUsExport": "IsUSExport",
    "resultsFirstSubmitQcDate": "ResultsFirstSubmitQCDate",
    "fdaaa801Violation": "FDAAA801Violation",
}
#: classic item names of lists whose item is not the list's name without its plural "s" (nor its owner's name + that)
CLASSIC_ITEM = {"meshes": "ConditionMesh"}
#: classic name an object lends to its keys when it is not the object's own name
CLASSIC_STEM = {"organization": "Org"}
#: whole paths the classic API spells against the rules above
CLASSIC_PATHS = {
    "protocolSection.statusModule.expandedAccessInfo.hasExpandedAccess": "ProtocolSection.StatusModule.ExpandedAccessInfo.HasExpandedAccess"
}

# --- the table: canonical field -> v2 path ---------------------------------------------------

IDENT = "protocolSection.identificationModule"
SPONSORS = "protocolSection.sponsorCollaboratorsModule"
STATUS = "protocolSection.statusModule"
DESIGN = "protocolSection.designModule"
ELIGIBILITY = "protocolSection.eligibilityModule"
CONDITIONS = "protocolSection.conditionsModule"
ARMS = "protocolSection.armsInterventionsModule"
DESCRIPTION = "protocolSection.descriptionModule"
CONTACTS = "protocolSection.contactsLocationsModule"

#: free-text and enum fields copied as they are (convert name -> see ctgov_json.CONVERTERS)
TEXT_FIELDS: tuple[tuple[str, str, str | None], ...] = (
    ("nct_id", f"{IDENT}.nctId", None),
    ("org_study_id", f"{IDENT}.orgStudyIdInfo.id", None),
    ("brief_title", f"{IDENT}.briefTitle", None),
    ("official_title", f"{IDENT}.officialTitle", None),
    ("acronym", f"{IDENT}.acronym", None),
    ("sponsor", f"{SPONSORS}.leadSponsor.name", None),
    ("sponsor_class", f"{SPONSORS}.leadSponsor.class", None),
    ("overall_status", f"{STATUS}.overallStatus", "status"),
    ("last_known_status", f"{STATUS}.lastKnownStatus", "status"),
    ("why_stopped", f"{STATUS}.whyStopped", None),
    ("criteria", f"{ELIGIBILITY}.eligibilityCriteria", None),
    ("brief_summary", f"{DESCRIPTION}.briefSummary", None),
    ("detailed_description", f"{DESCRIPTION}.detailedDescription", None),
)

#: canonical date -> v2 path of a plain date, or of a {date, type} struct's date
DATES: tuple[tuple[str, str], ...] = (
    ("first_submitted", f"{STATUS}.studyFirstSubmitDate"),
    ("first_posted", f"{STATUS}.studyFirstPostDateStruct.date"),
    ("start", f"{STATUS}.startDateStruct.date"),
    ("primary_completion", f"{STATUS}.primaryCompletionDateStruct.date"),
    ("completion", f"{STATUS}.completionDateStruct.date"),
    ("results_first_posted", f"{STATUS}.resultsFirstPostDateStruct.date"),
    ("last_update_submitted", f"{STATUS}.lastUpdateSubmitDate"),
    ("last_update_posted", f"{STATUS}.lastUpdatePostDateStruct.date"),
    ("status_verified", f"{STATUS}.statusVerifiedDate"),
)

#: lists of strings: canonical field -> v2 path of the list
STRING_LISTS: tuple[tuple[str, str], ...] = (
    ("phases", f"{DESIGN}.phases[]"),
    ("std_ages", f"{ELIGIBILITY}.stdAges[]"),
    ("conditions", f"{CONDITIONS}.conditions[]"),
    ("keywords", f"{CONDITIONS}.keywords[]"),
)

#: single values with their own conversion (see ctgov_json)
VALUES = {
    "study_type": f"{DESIGN}.studyType",
    "enrollment": f"{DESIGN}.enrollmentInfo.count",
    "enrollment_type": f"{DESIGN}.enrollmentInfo.type",
    "minimum_age": f"{ELIGIBILITY}.minimumAge",
    "maximum_age": f"{ELIGIBILITY}.maximumAge",
    "sex": f"{ELIGIBILITY}.sex",
    "healthy_volunteers": f"{ELIGIBILITY}.healthyVolunteers",
    "ipd_sharing": "protocolSection.ipdSharingStatementModule.ipdSharing",
    "has_dmc": "protocolSection.oversightModule.oversightHasDmc",
    "as_of": "derivedSection.miscInfoModule.versionHolder",
    "mesh_terms": "derivedSection.conditionBrowseModule.meshes[].term",
    "organization": f"{IDENT}.organization.fullName",
    "study_population": f"{ELIGIBILITY}.studyPopulation",
    "responsible_party.type": f"{SPONSORS}.responsibleParty.type",
    "responsible_party.name": f"{SPONSORS}.responsibleParty.investigatorFullName",
    "responsible_party.affiliation": f"{SPONSORS}.responsibleParty.investigatorAffiliation",
    "collaborators": f"{SPONSORS}.collaborators[].name",
    "primary_outcomes": "protocolSection.outcomesModule.primaryOutcomes[].measure",
}

#: outcome measures of the protocol: kind -> v2 path of the list (items: measure, description, timeFrame)
OUTCOME_LISTS: tuple[tuple[str, str], ...] = (
    ("PRIMARY", "protocolSection.outcomesModule.primaryOutcomes[]"),
    ("SECONDARY", "protocolSection.outcomesModule.secondaryOutcomes[]"),
    ("OTHER", "protocolSection.outcomesModule.otherOutcomes[]"),
)
OUTCOME_KEYS = {"title": "measure", "description": "description", "time_frame": "timeFrame"}

#: FDAAA facts: canonical field -> v2 path (booleans)
OVERSIGHT_FLAGS: tuple[tuple[str, str], ...] = (
    ("fda_regulated_drug", "protocolSection.oversightModule.isFdaRegulatedDrug"),
    ("fda_regulated_device", "protocolSection.oversightModule.isFdaRegulatedDevice"),
    ("us_export", "protocolSection.oversightModule.isUsExport"),
    ("unapproved_device", "protocolSection.oversightModule.isUnapprovedDevice"),
    ("fdaaa801_violation", "protocolSection.oversightModule.fdaaa801Violation"),
    ("has_expanded_access", f"{STATUS}.expandedAccessInfo.hasExpandedAccess"),
)
PRIMARY_PURPOSE = f"{DESIGN}.designInfo.primaryPurpose"
RESULTS_SUBMITTED = f"{STATUS}.resultsFirstSubmitDate"
DELAY_CERTIFICATE = f"{STATUS}.dispFirstSubmitDate"
#: results submitted and under quality-control review, not yet posted
UNPOSTED_RESULTS = "annotationSection.annotationModule.unpostedAnnotation"

#: lists of objects: canonical list -> (v2 path of the list, canonical attribute -> v2 key of an item)
OBJECT_LISTS: dict[str, tuple[str, dict[str, str]]] = {
    "interventions": (f"{ARMS}.interventions[]", {"name": "name", "type": "type"}),
    "locations": (
        f"{CONTACTS}.locations[]",
        {"facility": "facility", "city": "city", "state": "state", "country": "country", "status": "status", "zip": "zip"},
    ),
    "officials": (f"{CONTACTS}.overallOfficials[]", {"name": "name", "role": "role", "affiliation": "affiliation"}),
    "central_contacts": (f"{CONTACTS}.centralContacts[]", {"name": "name", "role": "role", "phone": "phone", "email": "email"}),
}
#: contacts of a location (below locations[])
LOCATION_CONTACTS = "contacts[]"
CONTACT_KEYS = {"name": "name", "role": "role", "phone": "phone", "email": "email"}

# --- the classic spelling ---------------------------------------------------------------------

_FIRST_UPPER = re.compile(r"^[a-z]")


def _cap(key: str) -> str:
    return CLASSIC_KEY.get(key) or _FIRST_UPPER.sub(lambda m: m.group(0).upper(), key)


def _stem(obj_key: str) -> str:
    if obj_key in CLASSIC_STEM:
        return CLASSIC_STEM[obj_key]
    name = _cap(obj_key)
    for word in ("Info", "Struct"):
        if name.endswith(word):
            return name[: -len(word)]
    return name


def classic_path(v2_path: str) -> str:
    """The classic spelling of a v2 path (from the study object down). Keys below a module's own
    keys (depth 3 on) belong to an object and carry its name."""
    if v2_path in CLASSIC_PATHS:
        return CLASSIC_PATHS[v2_path]
    out: list[str] = []
    owner = ""  # the classic name the keys of the current object are prefixed with
    for depth, key in enumerate(v2_path.split(".")):
        bare = key.removesuffix("[]")
        if key.endswith("[]"):  # a list: XList.X[], its items named after the owner when there is one
            item = CLASSIC_ITEM.get(bare) or (owner if depth >= 3 else "") + _cap(bare.removesuffix("s"))
            out.append(f"{item}List.{item}[]")
            owner = item
            continue
        name = _cap(bare)
        if depth >= 3 and owner:
            name = owner if owner.endswith(name) else owner + name
        out.append(name)
        owner = _stem(bare) if depth >= 2 else ""
    return ".".join(out)
