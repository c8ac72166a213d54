from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

#: ICMJE: trials that begin enrolling from 1 January 2019 must include a data sharing plan in
#: their registration (WHO data set item 24, IPD sharing statement).
_REQUIRED_FROM = parse_date("2019-01-01")


@register
class MissingIpdStatement(Rule):
    """A trial registered or started since 2019 has no individual-participant-data (IPD) sharing statement.

    ## What it does

    Reports a record when a trial registered or started since 2019 has no individual-participant-data
    (IPD) sharing statement.

    Reports: no IPD sharing statement, first submitted (else started) in 2019 or later (ICMJE).

    ## Why it matters

    The WHO data set (item 24) and the ICMJE require a data sharing statement for trials
    enrolling from 1 January 2019; journals may refuse to publish a trial without one. Older
    trials are not checked (the item did not exist when they registered). Informational. Only
    where the format carries it (API v2, classic JSON, XML).

    ## Fix

    State whether individual participant data will be shared (Yes / No / Undecided) and how.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - WHO Trial Registration Data Set (TRDS):
      https://www.who.int/tools/clinical-trials-registry-platform/network/who-data-set
    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA606"
    name = "missing-ipd-statement"
    category = Category.COMPLETENESS
    severity = Severity.INFO
    bad = [{"dates": {"start": "2024-04-08"}, "ipd_sharing": None}]
    good = [
        {"dates": {"start": "2024-04-08"}, "ipd_sharing": "NO"},
        {"dates": {"start": "2012-05", "first_submitted": "2012-04-01"}},
    ]

    def check(self, record, ctx):
        if record.ipd_sharing or not carries(record, "ipd_sharing"):
            return
        when = record.dates.get("first_submitted") or record.dates.get("start")
        if when is None or when.year < 2019:
            return
        yield self.finding(
            "The record has no IPD sharing statement (WHO data set item 24), required for trials since 2019.",
            evidence=absent_evidence(record, "ipd_sharing"),
            suggestion="State whether individual participant data will be shared (Yes / No / Undecided) and how.",
        )
