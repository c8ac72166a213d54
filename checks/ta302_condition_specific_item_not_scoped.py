import re

from trial_audit.checks._shared.scope import ScopeRule
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import register
from trial_audit.text.conditions import condition_evidence, declared_names, is_scoped_hit, names


@register
class ConditionSpecificItemNotScoped(ScopeRule):
    """In a trial of several conditions, an item specific to one of them is stated for everyone.

    ## What it does

    Reports a record when, in a trial of several conditions, an item specific to one of them is stated
    for everyone.

    Reports: a trial enrols several alternative conditions and an inclusion item specific to one of them
    is stated for everyone.

    ## Why it matters

    A trial that enrols people with different diseases (lupus *or* systemic sclerosis *or*
    myositis) needs criteria per disease. An inclusion item that asks for a finding only one of
    them has ("SLEDAI-2K ≥ 6", "mRSS ≥ 15"), written as a general criterion, reads as a requirement
    for every participant - so nobody with the other diseases qualifies. Curators, screening staff
    and patients cannot tell whether the item was meant for one cohort.

    ## Example

    A trial registered for SLE and systemic sclerosis whose general inclusion criteria require
    "SLEDAI-2K score ≥ 6".

    ## Use instead

    "For participants with SLE: SLEDAI-2K score ≥ 6".

    ## Fix

    Scope the item ("For participants with SLE: ..."), or group the criteria per cohort
    under headings ("Cohort A - systemic lupus erythematosus:").

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Conditions or Focus of Study, Keywords, Eligibility Criteria)
    """

    code = "TA302"
    name = "condition-specific-item-not-scoped"
    category = Category.SCOPE
    severity = Severity.WARNING

    bad = [
        {
            "conditions": ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            "criteria": "Inclusion Criteria:\n- Age 18 to 70 years\n- SLEDAI-2K score of 6 or more\n",
        },
        {
            # declared only as an umbrella; the criteria enumerate the eligible diseases
            "conditions": ["Autoimmune Diseases"],
            "criteria": (
                "Inclusion Criteria:\n- Refractory autoimmune disease, including systemic lupus erythematosus, "
                "systemic sclerosis or primary biliary cholangitis\n- SLEDAI-2K score of 6 or more\n"
            ),
        },
    ]
    good = [
        {
            "conditions": ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            "criteria": "Inclusion Criteria:\n- Age 18 to 70 years\n- For participants with SLE: SLEDAI-2K score of 6 or more\n",
        },
        {
            "conditions": ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            "criteria": (
                "Inclusion Criteria:\nCohort A (systemic lupus erythematosus):\n- SLEDAI-2K score of 6 or more\n"
                "Cohort B (systemic sclerosis):\n- mRSS of 15 or more\n"
            ),
        },
        {
            "conditions": ["Systemic Lupus Erythematosus"],
            "criteria": "Inclusion Criteria:\n- SLEDAI-2K score of 6 or more\n",
        },
        {
            "conditions": ["Type 2 Diabetes", "Hypertension"],
            "criteria": "Inclusion Criteria:\n- HbA1c between 7.0% and 10.0%\n",
        },
    ]

    def check(self, record, ctx):
        a = self.analysis(record, ctx)
        if a.doc is None or not a.inclusion_hits:
            return
        v = a.vocab
        roots = _roots(a)
        if len(roots) < 2:
            return
        text = a.doc.text
        done: set[int] = set()
        for hit in a.inclusion_hits:
            if id(hit.item) in done:
                continue
            if not hit.kind.startswith("marker:"):
                continue  # an item naming one of the conditions is usually one of a list of alternatives
            own = [r for r in roots if any(v.related(c, r) for c in hit.concepts)]
            if len(own) != 1:
                continue
            area = v.concepts[own[0]].area
            if area not in _ALTERNATIVE_AREAS:
                continue  # infectious, cardiometabolic ... conditions are mostly co-morbid, not alternatives
            # the trial's other conditions that are alternatives to this one (same area)
            others = [r for r in roots if r not in own and v.concepts[r].area == area]
            if not others:
                continue
            if is_scoped_hit(a, hit, text):
                continue
            # the item names other conditions of the trial too: an enumeration, not a one-disease item
            ms = a.item_mentions.get(id(hit.item), [])
            if any(m.start < hit.start and v.related(m.concept, own[0]) for m in ms):
                continue  # the item names its condition itself ("SLE patients: SLEDAI ≥ 6")
            if any(v.related(m.concept, r) for m in ms for r in others):
                continue
            if any(h.item is hit.item and any(v.related(c, r) for c in h.concepts for r in others) for h in a.inclusion_hits):
                continue
            if _co_occur(a, own[0], others, text):
                continue  # "dementia due to Parkinson's disease" required: one population with both
            done.add(id(hit.item))
            cond = names(a, own)
            ts, te = hit.item.text_start, hit.item.text_end
            yield self.finding(
                f"Inclusion criterion requires {hit.label!r}, specific to {cond}, but the trial enrols several "
                f"conditions ({declared_names(a)}) and the item is not scoped to the {cond} participants; "
                "read literally, everyone must meet it. Scope the item or move it to that cohort's criteria.",
                evidence=Evidence.span("criteria", text, ts, te),
                related=[Evidence.span("criteria", text, hit.start, hit.end), *condition_evidence(a, record)],
                suggestion=f"Prefix the item with 'For participants with {cond}:'.",
            )


#: areas whose conditions a multi-condition trial enrols as alternatives (one cohort each)
_ALTERNATIVE_AREAS = frozenset({"autoimmune", "oncology", "hematologic_malignancy", "neurological"})


#: words joining two conditions into one population ("dementia due to Parkinson's disease")
_JOINED = re.compile(
    r"\s*(?:due\s+to|associated\s+with|secondary\s+to|related\s+to|caused\s+by|in|with|and\s+co-?morbid)\s+(?:the\s+)?$", re.I
)


def _co_occur(a, own: str, others: list[str], text: str) -> bool:
    """An unscoped inclusion item requires the condition together with another of the trial's
    conditions: the trial enrols people who have both, not one cohort per condition."""
    v = a.vocab
    for hit_item_id, ms in a.item_mentions.items():
        if hit_item_id in a.scoped:
            continue
        for x, y in zip(ms, ms[1:]):
            pair = {x.concept, y.concept}
            if not (any(v.related(c, own) for c in pair) and any(v.related(c, r) for c in pair for r in others)):
                continue
            if _JOINED.fullmatch(text, x.end, y.start) or _JOINED.match(text[x.end : y.start]):
                return True
    return False


def _roots(a):
    """The trial's declared specific conditions, merged where one is within another.

    A trial declared only by an umbrella ("Autoimmune diseases") whose criteria enumerate the
    eligible diseases has those diseases as its conditions here.
    """
    v = a.vocab
    spec = set(a.declared_specific())
    umbrellas = [d for d in a.declared_concepts if v.is_umbrella(d)]
    if umbrellas and not spec:
        for src in a.lists.get("criteria", []):
            spec |= {c for c in src.concepts if any(v.covers(u, c) for u in umbrellas)}
    spec = sorted(spec, key=lambda c: (len(v.ancestors(c)), c))
    roots: list[str] = []
    for c in spec:
        if not any(v.related(c, r) for r in roots):
            roots.append(c)
    return roots
