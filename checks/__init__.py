"""The rules. One rule per file, named ``ta<code>_<name>.py``; every module here is imported
by ``trial_audit.engine.registry.load_rules`` and registers its rule with ``@register``."""

from trial_audit.engine.registry import register_families

register_families(
    {
        "TA0": "input & schema",
        "TA1": "eligibility structure & numbering",
        "TA2": "age",
        "TA3": "condition scope",
        "TA4": "timeline & status",
        "TA5": "sites & people",
        "TA6": "completeness",
        "TA7": "text hygiene",
        "TA8": "outcome measures",
        "TA9": "results reporting",
    }
)
