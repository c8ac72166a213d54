from trial_audit.core.findings import Category, Severity
from trial_audit.engine.registry import Rule, register


@register
class FieldTruncatedForAnalysis(Rule):
    """A field is megabytes long, over the bound on one field, and only its beginning was checked.

    ## What it does

    This finding is produced by the engine, not by checking a record.

    ## Why it matters

    No registry field is longer than 32,000 characters (the detailed description's limit),
    so a field of megabytes comes from a broken export or conversion (a whole file pasted into one
    CSV cell, a runaway quote). Analysing such a field would take memory many times its size and
    could end a run over thousands of records, so the engine cuts it to ``max-field-size``
    characters (default 2,000,000; ``--max-field-size`` or the config key) before any rule reads it,
    and says so here: which field, and how long it was. The checks on the rest of the record, and
    on the first part of the field, are made as usual.

    ## Fix

    Re-export the record from the registry; if the text is real, raise ``--max-field-size``.
    """

    code = "TA708"
    name = "field-truncated-for-analysis"
    category = Category.TEXT
    severity = Severity.ERROR
    engine_event = "field-truncated"
    scope = "input"

    def check(self, record, ctx):
        return ()  # produced by the runner before the rules run (see trial_audit.engine.runner._truncation_findings)
