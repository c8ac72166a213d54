from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class UnreadableInput(Rule):
    """A file or record could not be read or parsed, so nothing in it was audited.

    ## What it does

    This finding is produced by the readers, not by checking a record: broken JSON
    (``{"protocolSection": ``), XML with a DTD or entity declarations (refused for safety),
    a zip member over the size bound, a JSON document that is not a registry record.

    ## Why it matters

    A submission that cannot be read is not a clean submission. The run goes on with the
    other records, and the file is reported as *unreadable* with the reason and, where the parser
    gives one, the line and column, so that the counts always add up
    (records = audited + unreadable).

    ## Fix

    Re-export the record from the registry, or repair the file at the position given.
    """

    code = "TA001"
    name = "unreadable-input"
    category = Category.INPUT
    severity = Severity.ERROR
    engine_event = "unreadable"
    scope = "input"

    def check(self, record, ctx):
        return ()  # input problems are reported by the readers (see trial_audit.engine.runner.unreadable_result)
