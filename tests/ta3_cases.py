"""Shared helpers of the TA3xx (condition scope) tests: run one rule on an example record, build criteria."""

from trial_audit.core.model import record_from_example
from trial_audit.engine.registry import Context, select_rules

CTX = Context()


def run(code, **example):
    """The findings of rule `code` on a record built from the example's fields."""
    rule = select_rules([code])[0]
    return list(rule.check(record_from_example(example), CTX))


def inc(*items):
    """Criteria with the given inclusion items between a neutral age item and a neutral exclusion."""
    return (
        "Inclusion Criteria:\n\n  * Age 18 years or older\n"
        + "".join(f"  * {t}\n" for t in items)
        + "\nExclusion Criteria:\n\n  * Pregnancy\n"
    )


#: real trial contexts (tune part of ctgov-v2-bulk), shared by several rounds' tests
BREAST = {  # NCT03797482
    "conditions": ["Breast Cancer Female"],
    "brief_title": "A Prospective Evaluation of the Peri-operative Hypoxia in Breast Cancer",
    "minimum_age": "18 Years",
}
DISC = {  # NCT05971329
    "conditions": ["Radiculopathy, Cervical", "Myelopathy Cervical", "Neurological Abnormality", "Disc Disease", "Disc Degeneration"],
    "brief_title": "Pilot Study of ZetaFuse Bone Graft for the Treatment of Cervical Degenerative Disc Disease",
    "minimum_age": "22 Years",
}
