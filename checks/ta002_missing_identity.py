from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class MissingIdentity(Rule):
    """A record has neither an NCT ID nor an organisation study ID.

    Why: without an identity a record cannot be matched to the registry, deduplicated,
    baselined or followed up by a curator, so it is counted as *unreadable* rather than audited.

    Bad: a v2 study whose ``identificationModule`` has no ``nctId`` and no ``orgStudyIdInfo``.
    Good: ``"nctId": "NCT06361745"``.
    """

    code = "TA002"
    name = "missing-identity"
    category = Category.INPUT
    severity = Severity.ERROR
    engine_event = "no-identity"
    scope = "input"

    def check(self, record, ctx):
        return ()  # decided by the runner before rules run (trial_audit.engine.runner._no_identity_result)
