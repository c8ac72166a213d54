"""The one key table of both ClinicalTrials.gov JSON generations (readers/ctgov_keys.py).

The classic spellings expected here are the classic API's own (as written by hand in the classic
reader before the table, and as found in /work/shared/data/ctgov-classic), so the derivation is
checked against the registry, not against itself.
"""

from __future__ import annotations

import pytest

from trial_audit.core.model import Source
from trial_audit.readers import ctgov_classic, ctgov_keys, ctgov_v2
from trial_audit.readers.ctgov_keys import classic_path

CLASSIC_SPELLINGS = {
    "protocolSection.identificationModule.nctId": "ProtocolSection.IdentificationModule.NCTId",
    "protocolSection.identificationModule.orgStudyIdInfo.id": "ProtocolSection.IdentificationModule.OrgStudyIdInfo.OrgStudyId",
    "protocolSection.identificationModule.organization.fullName": "ProtocolSection.IdentificationModule.Organization.OrgFullName",
    "protocolSection.sponsorCollaboratorsModule.leadSponsor.name": "ProtocolSection.SponsorCollaboratorsModule.LeadSponsor.LeadSponsorName",
    "protocolSection.sponsorCollaboratorsModule.responsibleParty.investigatorFullName": (
        "ProtocolSection.SponsorCollaboratorsModule.ResponsibleParty.ResponsiblePartyInvestigatorFullName"
    ),
    "protocolSection.sponsorCollaboratorsModule.collaborators[].name": (
        "ProtocolSection.SponsorCollaboratorsModule.CollaboratorList.Collaborator[].CollaboratorName"
    ),
    "protocolSection.statusModule.studyFirstSubmitDate": "ProtocolSection.StatusModule.StudyFirstSubmitDate",
    "protocolSection.statusModule.startDateStruct.date": "ProtocolSection.StatusModule.StartDateStruct.StartDate",
    "protocolSection.statusModule.startDateStruct.type": "ProtocolSection.StatusModule.StartDateStruct.StartDateType",
    "protocolSection.designModule.phases[]": "ProtocolSection.DesignModule.PhaseList.Phase[]",
    "protocolSection.designModule.enrollmentInfo.count": "ProtocolSection.DesignModule.EnrollmentInfo.EnrollmentCount",
    "protocolSection.eligibilityModule.sex": "ProtocolSection.EligibilityModule.Gender",
    "protocolSection.eligibilityModule.stdAges[]": "ProtocolSection.EligibilityModule.StdAgeList.StdAge[]",
    "derivedSection.conditionBrowseModule.meshes[].term": "DerivedSection.ConditionBrowseModule.ConditionMeshList.ConditionMesh[].ConditionMeshTerm",
    "derivedSection.miscInfoModule.versionHolder": "DerivedSection.MiscInfoModule.VersionHolder",
    "protocolSection.contactsLocationsModule.locations[].zip": "ProtocolSection.ContactsLocationsModule.LocationList.Location[].LocationZip",
    "protocolSection.contactsLocationsModule.locations[].contacts[].email": (
        "ProtocolSection.ContactsLocationsModule.LocationList.Location[].LocationContactList.LocationContact[].LocationContactEMail"
    ),
    "protocolSection.contactsLocationsModule.overallOfficials[].affiliation": (
        "ProtocolSection.ContactsLocationsModule.OverallOfficialList.OverallOfficial[].OverallOfficialAffiliation"
    ),
    "protocolSection.contactsLocationsModule.centralContacts[].phone": (
        "ProtocolSection.ContactsLocationsModule.CentralContactList.CentralContact[].CentralContactPhone"
    ),
    "protocolSection.outcomesModule.primaryOutcomes[].measure": (
        "ProtocolSection.OutcomesModule.PrimaryOutcomeList.PrimaryOutcome[].PrimaryOutcomeMeasure"
    ),
    "protocolSection.ipdSharingStatementModule.ipdSharing": "ProtocolSection.IPDSharingStatementModule.IPDSharing",
    "protocolSection.oversightModule.oversightHasDmc": "ProtocolSection.OversightModule.OversightHasDMC",
}


@pytest.mark.parametrize("v2, classic", sorted(CLASSIC_SPELLINGS.items()))
def test_classic_spelling_is_derived_from_the_v2_path(v2, classic):
    assert classic_path(v2) == classic


# The same trial in both generations (shapes as in /work/shared/data/ctgov-v2 and ctgov-classic).
V2 = {
    "protocolSection": {
        "identificationModule": {"nctId": "NCT01234567", "briefTitle": "A study", "organization": {"fullName": "Uni"}},
        "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2020-06", "type": "ACTUAL"}},
        "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE2"], "enrollmentInfo": {"count": 40, "type": "ESTIMATED"}},
        "eligibilityModule": {"sex": "ALL", "minimumAge": "18 Years", "stdAges": ["ADULT"]},
        "conditionsModule": {"conditions": ["Asthma"]},
        "contactsLocationsModule": {
            "locations": [{"facility": "Site A", "city": "Lyon", "country": "France", "contacts": [{"name": "Dr X", "email": "x@a.fr"}]}]
        },
    }
}
CLASSIC = {
    "ProtocolSection": {
        "IdentificationModule": {"NCTId": "NCT01234567", "BriefTitle": "A study", "Organization": {"OrgFullName": "Uni"}},
        "StatusModule": {"OverallStatus": "Recruiting", "StartDateStruct": {"StartDate": "June 2020", "StartDateType": "Actual"}},
        "DesignModule": {
            "StudyType": "Interventional",
            "PhaseList": {"Phase": ["Phase 2"]},
            "EnrollmentInfo": {"EnrollmentCount": "40", "EnrollmentType": "Estimate"},
        },
        "EligibilityModule": {"Gender": "All", "MinimumAge": "18 Years", "StdAgeList": {"StdAge": ["Adult"]}},
        "ConditionsModule": {"ConditionList": {"Condition": ["Asthma"]}},
        "ContactsLocationsModule": {
            "LocationList": {
                "Location": [
                    {
                        "LocationFacility": "Site A",
                        "LocationCity": "Lyon",
                        "LocationCountry": "France",
                        "LocationContactList": {"LocationContact": [{"LocationContactName": "Dr X", "LocationContactEMail": "x@a.fr"}]},
                    }
                ]
            }
        },
    }
}


def test_both_generations_give_the_same_record():
    a = ctgov_v2.study_to_record(V2, Source("v2.json"))
    b = ctgov_classic.study_to_record(CLASSIC, Source("classic.json"))
    for attr in ("nct_id", "brief_title", "overall_status", "study_type", "phases", "enrollment", "enrollment_type", "sex", "std_ages"):
        assert getattr(a, attr) == getattr(b, attr), attr
    assert a.conditions == b.conditions == ["Asthma"]
    assert a.extra["organization"] == b.extra["organization"] == "Uni"
    assert a.locations[0].city == b.locations[0].city == "Lyon"
    assert a.locations[0].contacts[0].email == b.locations[0].contacts[0].email == "x@a.fr"
    assert a.dates["start"].precision == b.dates["start"].precision
    assert b.provenance["locations[0].city"] == "ProtocolSection.ContactsLocationsModule.LocationList.Location[0].LocationCity"
    assert a.provenance["phases"] == "protocolSection.designModule.phases"
    assert b.provenance["phases"] == "ProtocolSection.DesignModule.PhaseList.Phase"


def test_a_new_field_is_one_line_of_the_table(monkeypatch):
    """A row added to the table is read from both generations, each with its own provenance."""
    row = ("why_stopped", f"{ctgov_keys.STATUS}.delayedPostingNote", None)
    monkeypatch.setattr(ctgov_keys, "TEXT_FIELDS", (*ctgov_keys.TEXT_FIELDS, row))
    v2 = {"protocolSection": {"statusModule": {"delayedPostingNote": "held"}}}
    classic = {"ProtocolSection": {"StatusModule": {"DelayedPostingNote": "held"}}}
    a = ctgov_v2.study_to_record(v2, Source("v2.json"))
    b = ctgov_classic.study_to_record(classic, Source("classic.json"))
    assert a.why_stopped == b.why_stopped == "held"
    assert b.provenance["why_stopped"] == "ProtocolSection.StatusModule.DelayedPostingNote"
