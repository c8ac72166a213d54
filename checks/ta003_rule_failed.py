from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class RuleFailed(Rule):
    """A rule failed with an internal error on a record, so that check was not made for it.

    ## What it does

    This finding is produced by the engine, not by checking a record: a rule meeting a value no
    test foresaw (a date of an unexpected type, a text no pattern was written for).

    ## Why it matters

    One odd record must not stop a run over thousands, nor pass silently. The engine runs
    every rule on its own: when one raises an error, the other rules still check the record,
    and this finding names the rule and the error, so that the gap is visible in every report
    and the run fails at ``--fail-on error``. The record is still counted as audited.

    ## Fix

    Report it as a trial-audit bug with the record (the message names the rule and the
    error); meanwhile ``--ignore`` the failing rule for that record if the run must pass.
    """

    code = "TA003"
    name = "rule-failed"
    category = Category.INPUT
    severity = Severity.ERROR
    engine_event = "rule-failed"
    scope = "input"

    def check(self, record, ctx):
        return ()  # produced by the runner around every other rule (see trial_audit.engine.runner.check_record)
