"""TA3xx over the real registry records: never crash, evidence quotes the field exactly, rates stay low."""

from trial_audit.core.model import TrialRecord
from trial_audit.engine.registry import Context, select_rules


def test_ta3xx_on_registry_records(shared_data):
    from trial_audit.readers import iter_records

    files = []
    for sub in ("ctgov-v2", "ctgov-classic", "ctgov-xml"):
        d = shared_data / sub
        if d.is_dir():
            files.extend(sorted(p for p in d.iterdir() if p.suffix.lower() in (".json", ".xml")))
    rules = select_rules(["TA3"])
    ctx = Context()
    n = flagged = 0
    for rec in iter_records(files):
        if not isinstance(rec, TrialRecord):
            continue
        n += 1
        hit = False
        for rule in rules:
            for f in rule.check(rec, ctx):
                hit = True
                for ev in [f.evidence, *f.related]:
                    assert ev is not None
                    txt = rec.text(ev.field)
                    assert txt is not None and txt[ev.start : ev.end] == ev.text, (rec.id, f.rule, ev)
        flagged += hit
    assert n > 300
    assert flagged / n < 0.05, f"TA3xx flagged {flagged}/{n} registry records"
