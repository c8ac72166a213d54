from trial_audit.core.dates import parse_date
from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import absent_evidence, carries

#: ICMJE: trials that begin enrolling from 1 January 2019 must include a data sharing plan in
#: their registration (WHO data set item 24, IPD sharing statement).
_REQUIRED_FROM = parse_date("2019-01-01")
#: not clinical trials in the ICMJE's sense (no prospective assignment to an intervention), and
#: ClinicalTrials.gov lists the IPD sharing statement as optional for them: nothing to report
_NOT_TRIALS = frozenset({"OBSERVATIONAL", "EXPANDED_ACCESS"})


@register
class MissingIpdStatement(Rule):
    """A clinical trial that began enrolling since 2019 has no individual-participant-data (IPD) sharing statement.

    ## What it does

    Reports a record when a clinical trial that began enrolling in 2019 or later (its start date,
    else its first submitted date) has no individual-participant-data (IPD) sharing statement.

    Does not report: observational studies and expanded access (not clinical trials in the
    ICMJE's sense; ClinicalTrials.gov lists the statement as optional for every study), trials
    that began enrolling before 2019 even if registered later, formats without the field.

    ## Why it matters

    The ICMJE requires a data sharing statement in the registration of clinical trials that
    begin enrolling from 1 January 2019 (WHO data set item 24), and its journals may refuse to
    publish a trial without one. ClinicalTrials.gov itself lists the statement as optional, so
    this is informational, and the message says who requires it. Only where the format carries
    it (API v2, classic JSON, XML).

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
        # an observational study: not a clinical trial for the ICMJE, optional on ClinicalTrials.gov
        {"study_type": "OBSERVATIONAL", "dates": {"start": "2024-04-08"}, "ipd_sharing": None},
    ]

    def check(self, record, ctx):
        if record.ipd_sharing or not carries(record, "ipd_sharing") or record.study_type in _NOT_TRIALS:
            return
        when = record.dates.get("start") or record.dates.get("first_submitted")
        if when is None or when.is_before(_REQUIRED_FROM):
            return
        yield self.finding(
            f"The record has no IPD sharing statement (WHO data set item 24). The ICMJE requires one in the "
            f"registration of clinical trials enrolling from 2019 (this one: {when.iso()}); ClinicalTrials.gov "
            "lists it as optional. Add it if the trial's results are to be published in an ICMJE journal.",
            evidence=absent_evidence(record, "ipd_sharing"),
            suggestion="State whether individual participant data will be shared (Yes / No / Undecided) and how.",
        )
