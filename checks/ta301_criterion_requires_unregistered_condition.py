import re

from trial_audit.checks._shared.scope import ScopeRule
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import register
from trial_audit.text.condition_population import MIN_PRESUPPOSING_ITEMS, little_context, little_context_population, presupposing_items
from trial_audit.text.conditions import condition_evidence, declared_names, is_scoped_hit, names


@register
class CriterionRequiresUnregisteredCondition(ScopeRule):
    """An inclusion criterion requires, for everyone, a disease of another organ system than the trial's conditions.

    ## What it does

    Reports a record when an inclusion criterion requires, for everyone, a disease of another organ
    system than every condition the trial declares.

    Reports: an (unscoped) inclusion criterion requires a diagnosis, a stage, a severity score, a
    histology or a positive test of a disease from another organ system or specialty than every
    condition the trial declares (registered list, MeSH terms, keywords, titles, interventions,
    the conditions the summary lists): primary-biliary-cholangitis histology in a lupus trial,
    raised intraocular pressure in a knee-osteoarthritis trial, biopsy-proven IgA nephropathy in
    an asthma trial, a Child-Pugh class in a psoriasis trial. Organ systems are ICD-10-CM chapters
    (blocks for infections and neoplasms); pregnancy, the chromosomal abnormalities (Down syndrome) and
    the perinatal period are specialties of their own, the last only in a trial that enrols no newborns
    (preterm birth required in a knee-osteoarthritis trial, not in a retinopathy-of-prematurity trial). Not reported: comorbidities of a linked system
    (hypertension in a metabolic-syndrome trial, CKD in an anaemia-of-CKD trial, cirrhosis in a
    liver-cancer trial), trials registered only with symptoms (supportive care), and items scoped
    to a cohort, negated, or permitted, and a population of two diseases: a requirement that two or more
    other items take for granted (its treatment, "AIDS-defining infections", "HIV-2", "illness other than
    HCV or HIV" in a hepatitis C trial of people with HIV). In a record whose only context is its registered
    conditions (a criteria-table row: no title, summary or keywords) one such sign is enough when the criteria
    also name the registered condition and another inclusion item, or the requirement itself, names the
    disease's treatment ("ESRD" beside "On chronic HD" in an HIV row). Substance use disorders are reported
    outside the organs the substance harms (alcohol use disorder in a knee-osteoarthritis trial, not in an
    alcoholic-hepatitis or HIV trial); nicotine dependence never. Two kinds of one disease (small-cell lung cancer
    required in a non-small-cell trial) are reported as such, whatever their organ systems. Chapters 13
    and 14 are several specialties, and chapter 4 (thyroid, other glands, metabolism): gout
    (rheumatology) in a cervical-disc trial (orthopaedics), IgA nephropathy (glomerular disease) in
    a hypertension trial or hypothyroidism in a diabetes trial is reported; psoriasis in a psoriatic-arthritis
    trial is not.

    ## Why it matters

    An inclusion criterion applies to every participant. When it asks for a disease that none of
    the registered conditions is, read literally nobody with the registered conditions can enrol.
    Such items usually arrive by copy-paste from a sibling protocol; patients and screening staff
    cannot tell what was meant.

    ## Example

    A trial listing systemic lupus erythematosus and systemic sclerosis whose inclusion
    criteria require "histological evidence of non-suppurative destructive cholangitis".

    ## Use instead

    The same item under "For participants with primary biliary cholangitis:".

    ## Fix

    Scope the item to the cohort it belongs to ("For participants with PBC: ..."), move it to
    that cohort's section, add the condition to the registered list if the trial really enrols it,
    or delete it.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Conditions or Focus of Study, Keywords, Eligibility Criteria)
    """

    code = "TA301"
    name = "criterion-requires-unregistered-condition"
    category = Category.SCOPE
    severity = Severity.WARNING

    bad = [
        {
            "conditions": ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            "criteria": (
                "Inclusion Criteria:\n\n- Age 18 to 70 years\n"
                "- Histological evidence of non-suppurative destructive cholangitis and small bile duct destruction\n\n"
                "Exclusion Criteria:\n\n- Pregnancy\n"
            ),
        },
        {
            "conditions": ["Asthma"],
            "criteria": "Inclusion Criteria:\n- Diagnosis of multiple sclerosis according to the 2017 McDonald criteria\n",
        },
        {"conditions": ["Knee Osteoarthritis"], "criteria": "Inclusion Criteria:\n- Raised intraocular pressure in at least one eye\n"},
        {"conditions": ["Asthma"], "criteria": "Inclusion Criteria:\n- Biopsy-proven IgA nephropathy\n"},
        {"conditions": ["Plaque Psoriasis"], "criteria": "Inclusion Criteria:\n- Child-Pugh class A or B\n"},
        {
            "conditions": ["Cervical Disc Degeneration"],
            "criteria": "Inclusion Criteria:\n- Documented diagnosis of gout with two or more flares in the past year\n",
        },
    ]
    good = [
        {
            "conditions": ["Primary Biliary Cholangitis"],
            "criteria": "Inclusion Criteria:\n- Histological evidence of non-suppurative destructive cholangitis\n",
        },
        {
            "conditions": ["Systemic Lupus Erythematosus", "Systemic Sclerosis"],
            "criteria": (
                "Inclusion Criteria:\n- Age 18 to 70 years\nFor participants with primary biliary cholangitis:\n"
                "- Histological evidence of non-suppurative destructive cholangitis\n"
            ),
        },
        {
            "conditions": ["Lupus Nephritis"],
            "criteria": "Inclusion Criteria:\n- SLEDAI-2K score of 6 or more\n- Positive anti-dsDNA antibodies\n",
        },
        {
            "conditions": ["Autoimmune Diseases"],
            "criteria": "Inclusion Criteria:\n- SLEDAI-2K score of 6 or more\n",
        },
        {"conditions": ["Metabolic Syndrome"], "criteria": "Inclusion Criteria:\n- Diagnosis of essential hypertension\n"},
        {"conditions": ["Knee Osteoarthritis"], "criteria": "Inclusion Criteria:\n- Age 40 or older\n\nExclusion Criteria:\n- Glaucoma\n"},
        {"conditions": ["Psoriasis"], "criteria": "Inclusion Criteria:\n- For patients with liver cirrhosis: Child-Pugh class A\n"},
        {"conditions": ["Psoriatic Arthritis"], "criteria": "Inclusion Criteria:\n- Confirmed diagnosis of chronic plaque psoriasis\n"},
    ]

    def check(self, record, ctx):
        a = self.analysis(record, ctx)
        if a.doc is None or not a.inclusion_hits:
            return
        text = a.doc.text
        done: set[int] = set()
        for hit in a.inclusion_hits:
            if id(hit.item) in done or not _foreign_requirement(a, hit, text):
                continue
            if is_scoped_hit(a, hit, text):
                continue
            # a population of two diseases: other items take the required one for granted ("on antiretroviral
            # therapy", "AIDS-defining infections", "illness other than HCV or HIV") - a co-infection trial
            if not hit.codes and _two_disease_population(a, hit, record):
                continue
            # the clause also names a declared condition: the item is about the trial's population
            # with a second condition ("HIV-infected adults with tuberculosis"), not a foreign one
            # (in the hit's own clause: "Diagnosis of asthma; and biopsy-proven IgA nephropathy" still requires both)
            cs, ce = _clause(text, hit.item.text_start, hit.item.text_end, hit.start)
            ms = [m for m in a.item_mentions.get(id(hit.item), []) if cs <= m.start < ce]
            if any(a.relation(m.concept) == "declared" for m in ms if not a.vocab.is_umbrella(m.concept)):
                continue
            done.add(id(hit.item))
            if hit.codes:
                cond = text[hit.start : hit.end]
                in_criteria = False
            else:
                cond = names(a, hit.concepts[:1] if hit.kind == "diagnosis" else hit.concepts)
                in_criteria = any(c in s.concepts for s in a.lists.get("criteria", []) for c in hit.concepts)
            extra = " The criteria name it among the eligible diseases, but no other part of the record does." if in_criteria else ""
            ts, te = hit.item.text_start, hit.item.text_end
            kind_of = _sibling_parent(a, hit)
            what = f"another kind of {kind_of} than" if kind_of else "a disease of another organ system than"
            yield self.finding(
                f"Inclusion criterion requires {hit.label!r} ({hit.kind.split(':')[-1]}), specific to {cond} - {what} "
                f"the trial's conditions ({declared_names(a)}); read literally, every "
                f"participant must have it.{extra} Scope the item to the cohort it belongs to, register the "
                "condition, or remove the item.",
                evidence=Evidence.span("criteria", text, ts, te),
                related=[Evidence.span("criteria", text, hit.start, hit.end), *condition_evidence(a, record)],
                suggestion=f"Prefix the item with 'For participants with {cond}:' or move it to that cohort's section.",
            )


def _two_disease_population(a, hit, record) -> bool:
    """Other items take the required disease for granted: two of them, or - in a record whose only context
    is its registered conditions (no title, summary, keywords), which cannot say that it studies a second
    disease - the signs of ``little_context_population``."""
    if presupposing_items(a, hit) >= MIN_PRESUPPOSING_ITEMS:
        return True
    return little_context(record) and little_context_population(a, hit)


_CLAUSE_END = re.compile(r";|\.\s+(?=[A-Z(])")


def _clause(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause of an item (split at ";" and at sentence ends) that holds ``pos``."""
    cs = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() >= pos:
            return cs, m.start()
        cs = m.end()
    return cs, end


def _sibling_parent(a, hit) -> str | None:
    """The disease both the required and a declared condition are kinds of ("lung cancer" for small-cell in
    a non-small-cell lung cancer trial), when that, not another organ system, is why the item is reported."""
    if hit.codes or hit.kind != "diagnosis" or not a.sibling_of_declared(hit.concepts[0]):
        return None
    if a.foreign(hit.concepts, coarse=False):
        return None  # another organ system as well: say that
    v = a.vocab
    mine = {p for p in v.concepts[hit.concepts[0]].parents if not v.is_umbrella(p)}
    for d in sorted(a.declared_specific()):
        common = sorted(mine & set(v.concepts[d].parents))
        if common:
            return v.concepts[common[0]].name
    return None


def _foreign_requirement(a, hit, text: str) -> bool:
    """The hit requires a condition the record does not declare, of another organ system than all it declares."""
    if hit.codes:  # a disease the vocabulary does not list, found by its ICD-10-CM name
        name = text[hit.start : hit.end].lower()
        if any(src.text.strip().lower() in name for src in a.declared if src.text.strip()):
            return False  # "primary insomnia" in an insomnia trial: ICD-10-CM files the two apart
        if _words_of_registered(a, name):
            return False  # "iron deficiency" in a trial registered for "Anemia, Iron-Deficiency": the state behind it
        if _named_by_record(a, name):
            return False  # "incontinence" in a trial titled "... Female Stress Urinary Incontinence", whatever places it
        return a.foreign_codes(hit.codes)
    if hit.kind == "diagnosis" and _kind_of_declared(a, text[hit.start : hit.end], hit.concepts):
        return False
    rels = {a.relation(c) for c in hit.concepts}
    # "unknown": no declared condition is in the vocabulary, but ICD-10-CM may still place them
    if not (rels == {"absent"} or (rels == {"unknown"} and (a.declared_chapters or a.healthy_only))):
        return False
    if hit.kind == "diagnosis":
        # a two-letter abbreviation the criteria never spell out may stand for something else ("RA with
        # ringed sideroblasts" is refractory anaemia in a myelodysplasia trial, not rheumatoid arthritis;
        # MS, PD, AD, CD, UC likewise); longer ones (SCLC, COPD, HIV) rarely do
        c = hit.concepts[0]
        ab = text[hit.start : hit.end]
        if len(ab) <= 2 and ab in a.vocab.concepts[c].abbrevs and c not in a.named_in_full:
            return False
        if a.sibling_of_declared(c):
            return True
    # a finding other than a diagnosis (a biomarker, a score) is judged by chapter: HER2 is measured
    # in any tumour, not only in the sites the vocabulary lists
    # a treatment that presupposes a disease (levothyroxine replacement, dialysis) stands for the disease itself
    return a.foreign(hit.concepts, coarse=hit.kind not in ("diagnosis", "marker:treatment"))


_WORD = re.compile(r"[^\W\d_]+")


def _words_of_registered(a, name: str) -> bool:
    """Every word of a required name of two words or more is a word of one registered condition or MeSH term:
    the required state is the registered disease's own ("iron deficiency" in "Anemia, Iron-Deficiency", "renal
    failure" in "Anemia of Renal Failure"), whatever chapter ICD-10-CM files each under."""
    words = set(_WORD.findall(name.lower()))
    if len(words) < 2:
        return False
    return any(words <= set(_WORD.findall(src.text.lower())) for src in a.declared if src.field.startswith(("conditions[", "mesh_terms[")))


def _named_by_record(a, name: str) -> bool:
    """The required name, as whole words, is in a registered condition, keyword, MeSH term or title: the trial names
    the disease it requires, though ICD-10-CM places the two names apart or not at all."""
    pat = re.compile(r"(?<![\w-])" + re.escape(" ".join(name.split())) + r"(?![\w-])")
    return any(pat.search(" ".join(src.text.lower().split())) for src in a.declared if not src.field.endswith("summary"))


#: registered names too general to make a disease that contains them a kind of the trial's condition
_GENERAL_NAMES = frozenset({"disease", "diseases", "disorder", "disorders", "syndrome", "infection", "infections", "healthy", "condition"})


def _kind_of_declared(a, matched: str, concepts) -> bool:
    """The required disease is a kind of a registered condition: its name, as written or as the
    vocabulary names it, contains the registered name ("Chronic Kidney Disease Stage 3" in a trial
    registered for "Kidney Disease"; "CKD" likewise). The vocabulary may not know the registered name
    as a concept, so the names are compared as words."""
    names = [" ".join(matched.lower().split())] + [a.vocab.concepts[c].name.lower() for c in concepts if c in a.vocab.concepts]
    for src in a.declared:
        if not src.field.startswith(("conditions[", "mesh_terms[")):
            continue
        reg = " ".join(src.text.lower().split())
        if len(reg) < 6 or reg in _GENERAL_NAMES:
            continue
        if any(re.search(r"(?<![\w-])" + re.escape(reg) + r"(?![\w-])", n) for n in names):
            return True
    return False
