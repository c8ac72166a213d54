from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class DuplicateRecord(Rule):
    """The same record (same NCT ID or organisation study ID) was read more than once in one run.

    ## What it does

    This finding is produced by the engine: when a record's ID was already read from another
    file, archive member or position of the run, the later copy is reported, naming where the
    first one was read. Both copies are audited and reported on their own; nothing is merged.

    ## Why it matters

    Two copies of one trial (an old export next to a new one, a study in both a bulk archive and a
    single-study file) double its findings in the counts, and the copies may disagree: a curator
    fixing one copy sees the other's findings come back. A baseline keeps the copies apart.

    ## Fix

    Keep one copy of each record in the input (the current one), or audit the exports separately.

    ## References

    - WHO Trial Registration Data Set, item 2 (Date of registration in primary registry) and item 3
      (Secondary identifying numbers): https://www.who.int/tools/clinical-trials-registry-platform/network/trial-registration-data-set
    """

    code = "TA004"
    name = "duplicate-record"
    category = Category.INPUT
    severity = Severity.WARNING
    engine_event = "duplicate-record"
    scope = "input"

    def check(self, record, ctx):
        return ()  # decided as results are made final (trial_audit.engine.run_report.Finaliser; IDs in engine.run_state)
