from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class MissingIdentity(Rule):
    """A record has neither an NCT ID nor an organisation study ID.

    ## What it does

    Reports a record that has neither an NCT ID nor an organisation study ID (nor, for a record of
    another registry, its own registry ID: an ICTRP ``TrialID``, a DRKS ``drksId``).

    ## Why it matters

    Without an identity a record cannot be matched to the registry, deduplicated,
    baselined or followed up by a curator, so it is counted as *unreadable* rather than audited.

    ## Example

    A v2 study whose ``identificationModule`` has no ``nctId`` and no ``orgStudyIdInfo``.

    ## Use instead

    ``"nctId": "NCT06361745"``.

    ## Fix

    Enter the trial's NCT ID (or, before registration, the organisation's unique study ID) in the
    identification module and export the record again.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA002"
    name = "missing-identity"
    category = Category.INPUT
    severity = Severity.ERROR
    engine_event = "no-identity"
    scope = "input"

    def check(self, record, ctx):
        return ()  # decided by the runner before rules run (trial_audit.engine.runner._no_identity_result)
