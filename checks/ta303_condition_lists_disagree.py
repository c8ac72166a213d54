from trial_audit.checks._shared.scope import ScopeRule
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import register
from trial_audit.text.conditions import names

_LABEL = {"registered": "registered condition list", "summary": "summary", "criteria": "eligibility criteria"}


@register
class ConditionListsDisagree(ScopeRule):
    """The conditions named in the registered list, the summary and the criteria disagree.

    ## What it does

    Reported once per record, with the lists that differ. Lists are compared only when they
    share at least one condition (so that a list of comorbid risk factors is not taken for the
    trial's conditions).

    Reports: the conditions named by the registered list, the summary and the criteria disagree (once
    per record, with the lists).

    ## Why it matters

    A record states its conditions in several places - the registered condition list (and
    its MeSH terms), the summary ("Conditions included in the study are A, B and C") and the
    eligibility criteria ("including but not limited to A, B, C, D"). When one names a
    condition the others lack, patients and registry search cannot tell which diseases the trial
    really enrols, and a trial may be missing from searches for a condition it enrols.

    ## Example

    A summary naming five autoimmune diseases while the criteria enumerate nine.

    ## Use instead

    The summary and the criteria name the same diseases.

    ## Fix

    Make the lists agree: register every condition the trial enrols, and name the same ones
    in the summary and the criteria.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Conditions or Focus of Study, Keywords, Eligibility Criteria)
    """

    code = "TA303"
    name = "condition-lists-disagree"
    category = Category.SCOPE
    severity = Severity.WARNING

    bad = [
        {
            "plain_summary": "Conditions included in the study are systemic lupus erythematosus, systemic sclerosis, and "
            "primary Sjögren syndrome.",
            "criteria": "Inclusion Criteria:\n- Refractory autoimmune disease, including systemic lupus erythematosus, "
            "systemic sclerosis, primary Sjogren's syndrome, rheumatoid arthritis, primary biliary cholangitis, etc.\n",
        },
        {
            "conditions": ["Breast Cancer", "Gastric Cancer"],
            "criteria": "Inclusion Criteria:\n- Histologically confirmed solid tumour, including breast cancer, gastric cancer or colorectal cancer\n",
        },
    ]
    good = [
        {
            "plain_summary": "Conditions included in the study are systemic lupus erythematosus and systemic sclerosis.",
            "criteria": "Inclusion Criteria:\n- Refractory systemic lupus erythematosus or systemic sclerosis\n",
        },
        {
            "conditions": ["Atrial Fibrillation"],
            "criteria": "Inclusion Criteria:\n- At least one of: hypertension, diabetes mellitus, heart failure\n",
        },
    ]

    def check(self, record, ctx):
        a = self.analysis(record, ctx)
        v = a.vocab
        lists = {k: set().union(*(s.concepts for s in srcs)) for k, srcs in a.lists.items() if srcs}
        lists = {k: cs for k, cs in lists.items() if cs}
        if len(lists) < 2:
            return
        # names elsewhere in the record (titles, keywords) count as stated
        elsewhere = set()
        for src in a.declared:
            if src.field.startswith("keywords[") or src.field.endswith("title") or src.field == "acronym":
                elsewhere |= src.concepts

        def lacks(cs: set[str], c: str, registered: bool = False) -> bool:
            if any(v.related(c, d) for d in cs if not v.is_umbrella(d)):
                return False
            spec = [d for d in cs if not v.is_umbrella(d)]
            # a registered umbrella ("Hematologic Malignancies", "Cancer") registers every kind of it, even
            # beside specific names: chronic lymphocytic leukaemia in the criteria is a kind of it, not a new condition
            return not ((registered or not spec) and any(v.covers(d, c) for d in cs))

        def overlap(x: set[str], y: set[str]) -> bool:
            return any(v.related(c, d) for c in x for d in y if not v.is_umbrella(c) and not v.is_umbrella(d))

        extra: dict[str, set[str]] = {}
        for k, cs in lists.items():
            if k == "registered":
                continue  # a registered list broader than one enumeration is normal; its gaps are what count
            peers = [o for o in lists if o != k and overlap(cs, lists[o])]
            if not peers:
                continue
            for c in cs:
                if v.is_umbrella(c) or any(v.related(c, e) for e in elsewhere):
                    continue
                if all(lacks(lists[o], c, o == "registered") for o in peers):
                    extra.setdefault(k, set()).add(c)
        if not extra:
            return
        compared = [k for k in lists if any(k != o and overlap(lists[k], lists[o]) for o in lists)]
        desc = "; ".join(f"{_LABEL[k]}: {names(a, lists[k])}" for k in compared)
        only = "; ".join(f"only the {_LABEL[k]} name(s) {names(a, cs)}" for k, cs in extra.items())
        ev = []
        for k in compared:
            for src in a.lists[k]:
                if src.spans:
                    s0 = min(m.start for m in src.spans)
                    e0 = max(m.end for m in src.spans)
                    if src.field.startswith(("conditions[", "mesh_terms[")):
                        ev.append(Evidence.whole(src.field, src.text))
                    else:
                        ev.append(Evidence.span(src.field, src.text, s0, e0))
        first_key = next(iter(extra))
        main = next((e for e in ev if _kind_of(e.field) == first_key), ev[0])
        related = [e for e in ev if e is not main][:8]
        yield self.finding(
            f"The conditions the record names disagree: {only}. Lists compared - {desc}. "
            "Make the registered list, the summary and the criteria name the same conditions.",
            evidence=main,
            related=related,
            suggestion="Register every condition the trial enrols and name the same ones in the summary and the criteria.",
        )


def _kind_of(fld: str) -> str:
    if fld.startswith(("conditions[", "mesh_terms[")):
        return "registered"
    if fld == "criteria":
        return "criteria"
    return "summary"
