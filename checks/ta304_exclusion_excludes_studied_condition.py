import re
from bisect import bisect_right

from trial_audit.checks._shared.scope import ScopeRule
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import register
from trial_audit.text.condition_inclusion import continues_numbering
from trial_audit.text.conditions import condition_evidence

# what may stand around the condition's name for the clause still to be just "has condition X"
_LEAD = re.compile(
    r"^(?:(?:patients?|subjects?|participants?|individuals?|persons?|people|those|anyone|women|men)\s+"
    r"(?:who\s+(?:have|has|are)\s+|with\s+|having\s+|diagnosed\s+with\s+|suffering\s+from\s+)?|"
    r"(?:a\s+|any\s+)?(?:known|current|existing|concomitant|presence\s+of|diagnosis\s+of|diagnosed|"
    r"confirmed|documented|established|clinical|evidence\s+of|a\s+diagnosis\s+of|any|an?|has|have|with|"
    r"suffering\s+from|is|are)\s+)*",
    re.IGNORECASE,
)
_TAIL = re.compile(r"^[\s.,;:]*(?:\([^)]{1,15}\))?[\s.,;:]*$")
# the study is about preventing / screening for the condition, or enrols people without it
_PREVENTION = re.compile(
    r"\b(?:prevent\w*|prophyla\w*|vaccin\w*|immunogenicity|screening|at[\s-]risk|risk\s+of|healthy|"
    r"primary\s+prevention|reduc\w+\s+the\s+(?:risk|incidence)|incidence|transmission|post-?exposure|"
    r"pre-?exposure|PrEP|recurrence)\b",
    re.IGNORECASE,
)
_QUAL_BEFORE = re.compile(
    r"\b(?:severe|severity|uncontrolled|unstable|poorly|inadequately|decompensated|secondary|other|others|"
    r"active|acute|advanced|significant|history|prior|previous|previously|recent|recently|induced|complicated|"
    r"requiring|concurrent|coexisting|co-?existing|comorbid|except|excluding|unless|new|newly|metastatic|"
    r"recurrent|relapsed|refractory|end[\s-]stage|insulin|type|treated|untreated|symptomatic|family|high|low|"
    r"high-risk|low-risk|grade|stage|without|no|not|non|e\.g|such\s+as|including|includes|like|treatment|"
    r"therapy|only)\b",
    re.IGNORECASE,
)
_QUAL_AFTER = re.compile(
    r"\b(?:unless|except|other\s+than|requiring|that|which|who|if|not|within|in\s+the\s+(?:past|last)|"
    r"during|treated|on\s+treatment|controlled|uncontrolled|secondary|due\s+to|caused|related|associated|only|"
    r"allowed|permitted|eligible|acceptable)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\.\s+(?=[A-Z(])")
#: fields that give the trial's own name for what it studies
_OWN_NAME_FIELDS = frozenset({"conditions", "brief_title", "official_title", "acronym"})
#: a condition name used as a qualifier of another thing ("AIDS Related Complex", "HIV-associated lymphoma")
_QUALIFIER_USE = re.compile(r"\b[A-Za-z]{2,}(?=[\s-]+(?:related|associated|induced)\b)", re.I)
#: a label line that introduces requirements, not exclusions ("Patients must have:", "Patients must:",
#: "Patients have:", "Required:", "Allowed:")
_REQUIREMENT_LABEL = re.compile(
    r"^[ \t*•-]*(?:patients|participants|subjects|volunteers)?\s*(?:must|should)(?:\s+(?:have|be|meet)\b[^\n]{0,60})?:\s*$"
    # "Patients have:" / "Patients must:" over the entry requirements (legacy NIH layout)
    r"|^[ \t*•-]*(?:patients|participants|subjects|volunteers)\s+(?:have|are)\s*:\s*$"
    r"|^[ \t*•-]*(?:required|allowed|permitted)\b[^\n]{0,60}:\s*$",
    re.I | re.M,
)
_ANY_LABEL = re.compile(r"^[^\n]{1,80}:[ \t]*$", re.M)
#: an item that can only be a requirement, wherever it stands: a duty ("Must have ...", "Patients should
#: be ..."), a stable state or ongoing treatment asked of the participant ("Clinically stable for 1 month",
#: "Stable on metformin", "Maintenance dose of X of at least 400 mg daily", "On a stable dose of ...")
_DUTY = re.compile(
    r"^(?:(?:the\s+)?(?:patients?|participants?|subjects?|volunteers?)\s+)?(?:must|should|shall|need\s+to|has\s+to|have\s+to)\s+(?!not\b)\w"
    r"|^(?:clinically\s+|medically\s+|hemodynamically\s+|haemodynamically\s+)?stable\s+(?:on|for|with|under|dose|regimen|therapy)\b"
    r"|^(?:on\s+(?:a\s+)?)?(?:stable|maintenance|constant)\s+(?:\w+\s+){0,2}(?:dose|dosage|doses|regimen|therapy|treatment)\b"
    r"|^(?:willing|able|ability|agrees?|capable)\s+to\b|^(?:signed|written)\s+(?:\w+\s+){0,2}consent\b",
    re.IGNORECASE,
)
#: an item that states a diagnosis as a fact to be met ("Clinical diagnosis of X", "Documented X", "Diagnosed
#: with X"): under an exclusion header it is a requirement when the list around it is one of requirements
_DIAGNOSIS = re.compile(
    r"^(?:an?\s+)?(?:(?:clinical|confirmed|documented|established|histolog\w*|cytolog\w*|patholog\w*|definite|formal)\s+)?diagnosis\s+of\b"
    r"|^(?:clinically\s+|histolog\w*\s+|cytolog\w*\s+)?(?:diagnosed|documented|confirmed|proven)\b",
    re.IGNORECASE,
)


def _requirement_items(items: list, section_modes: bool = True) -> set[int]:
    """The ids of the items of an exclusion section that are requirements by their own wording.

    Legacy ClinicalTrials.gov texts often leave the entry requirements under the exclusion text with no
    inclusion header ("Clinical diagnosis of AIDS. - Clinically stable for 1 month preceding study entry.
    - Maintenance dose of zidovudine of at least 400 mg daily."). The parser's ``Item.mode`` already says
    "require" for a duty ("Must have ..."); a diagnosis stated as a fact joins them when a neighbour in the
    list is itself a requirement, so that an exclusion list that names a diagnosis stays an exclusion list.
    """
    # (``section_modes`` False: the section's own mode is wrong - an exclusion list the parse continued
    # under a sentence it took for an inclusion header - so only an item's own wording or label counts)
    req = [
        (getattr(it, "mode", None) == "require" and (section_modes or getattr(it, "mode_source", None) != "section"))
        or bool(_DUTY.match(it.text.lstrip()))
        for it in items
    ]
    diag = [bool(_DIAGNOSIS.match(it.text.lstrip())) for it in items]
    out: set[int] = set()
    for k, it in enumerate(items):
        if req[k]:
            out.add(id(it))
        elif diag[k]:
            # a run of diagnoses stated as facts counts as one block: look past it to the nearest other item
            j = k - 1
            while j >= 0 and diag[j] and not req[j]:
                j -= 1
            n = k + 1
            while n < len(items) and diag[n] and not req[n]:
                n += 1
            if (j >= 0 and req[j]) or (n < len(items) and req[n]):
                out.add(id(it))
    return out


class _Labels:
    """The label lines of one section, found in one pass, so that asking for the label above each of
    its items stays linear in the section's length (a scan per item was quadratic)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start = text, start
        self.lines = list(_ANY_LABEL.finditer(text, start, end))
        self.ends = [m.end() for m in self.lines]

    def under_requirement(self, item_start: int) -> bool:
        """The nearest label line above the item in its section introduces requirements."""
        # a label on the item's own line, before it (an inline item), is the nearest one
        line_start = max(self.start, self.text.rfind("\n", self.start, item_start) + 1)
        last = _ANY_LABEL.search(self.text, line_start, item_start) if line_start < item_start else None
        if last is None:
            k = bisect_right(self.ends, line_start)  # whole lines above the item's line
            last = self.lines[k - 1] if k else None
        return last is not None and _REQUIREMENT_LABEL.match(last.group(0)) is not None


_TOKEN = re.compile(r"[^\W_]+")
#: words that do not make a name more specific ("type 2 diabetes" = "type 2 diabetes mellitus")
_GENERIC = frozenset(
    "disease diseases disorder disorders syndrome syndromes mellitus infection infections infected "
    "of the with and in cancer cancers carcinoma carcinomas neoplasm neoplasms tumor tumors tumour tumours "
    "virus human".split()
)


#: a name of a disease's advanced form, whose population all has the disease's family name ("AIDS" ->
#: HIV infection, "end-stage renal disease" -> chronic kidney disease, "metastatic X" -> X); a registered name
#: that is merely broader or milder ("depression" for a major-depression concept) gets no family words
_ADVANCED_FORM = re.compile(
    r"\b(?:AIDS|acquired\s+immune?\s*deficiency\s+syndrome|metastatic|metastases|advanced|end[\s-]stage|ESRD|ESKD|"
    r"stage\s+(?:IV|4)|late[\s-]stage)\b"
)


def _family_tokens(concept) -> set[str]:
    """The words of a concept's own (family) name, "HIV infection" (not its abbreviations: the vocabulary
    files "AIDS", the advanced form, among the abbreviations of HIV infection)."""
    return {t.lower() for t in _TOKEN.findall(concept.name)}


@register
class ExclusionExcludesStudiedCondition(ScopeRule):
    """An exclusion criterion excludes the very condition the trial studies.

    ## What it does

    Only an exclusion item (or one clause of it) that names the trial's own condition and nothing
    more is reported: "severe/uncontrolled X", "X other than the study indication", "secondary X",
    "history of X" and trials that prevent or screen for X are not. Entry requirements left under the
    exclusion header (legacy texts: "Clinical diagnosis of AIDS. - Clinically stable for 1 month. -
    Maintenance dose of zidovudine of at least 400 mg daily.") are requirements, not exclusions. A family
    name counts as the trial's condition when the trial registers a form of it (an AIDS trial that
    excludes "HIV infection"); the advanced form excluded from a trial of the disease ("AIDS" in an
    HIV-infection trial) is a narrower form and is not reported.

    Reports: an exclusion item excludes exactly the condition the trial studies.

    ## Why it matters

    A trial registered for type 2 diabetes that excludes "Diabetes mellitus", or a lupus
    trial that excludes "Systemic lupus erythematosus", excludes everyone it means to enrol. The
    item was usually meant to exclude a *different* form ("type 1 diabetes", "drug-induced
    lupus") or a *severe* form, or was copied from a protocol of another indication.

    ## Example

    Conditions ["Type 2 Diabetes Mellitus"], exclusion "Type 2 diabetes mellitus".

    ## Use instead

    Conditions ["Type 2 Diabetes Mellitus"], exclusion "Type 1 diabetes mellitus".

    ## Fix

    Say which form of the condition is excluded, or delete the item.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Conditions or Focus of Study, Keywords, Eligibility Criteria)
    """

    code = "TA304"
    name = "exclusion-excludes-studied-condition"
    category = Category.SCOPE
    severity = Severity.WARNING

    bad = [
        {
            "conditions": ["Type 2 Diabetes Mellitus"],
            "criteria": "Inclusion Criteria:\n- Adults 18-75 years\n\nExclusion Criteria:\n- Type 2 diabetes mellitus\n- Pregnancy\n",
        },
        {
            "conditions": ["Rheumatoid Arthritis"],
            "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Patients with rheumatoid arthritis.\n",
        },
    ]
    good = [
        {
            "conditions": ["Type 2 Diabetes Mellitus"],
            "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Type 1 diabetes mellitus\n",
        },
        {
            "conditions": ["Asthma"],
            "criteria": "Inclusion Criteria:\n- Adults\n\nExclusion Criteria:\n- Severe asthma requiring oral corticosteroids\n",
        },
        {
            "conditions": ["COVID-19"],
            "brief_title": "A Vaccine to Prevent COVID-19 in Healthy Adults",
            "criteria": "Inclusion Criteria:\n- Healthy adults\n\nExclusion Criteria:\n- COVID-19\n",
        },
    ]

    def check(self, record, ctx):
        a = self.analysis(record, ctx)
        if a.doc is None:
            return
        v = a.vocab
        studied = a.declared_specific()
        if not any(c in v.concepts for c in studied):
            return  # (not "the first of the set": a set's order differs from process to process)
        if record.healthy_volunteers:
            return
        for fld in ("brief_title", "official_title"):
            t = getattr(record, fld, None)
            if isinstance(t, str) and _PREVENTION.search(t):
                return
        if any(_PREVENTION.search(c) for c in record.conditions if isinstance(c, str)):
            return
        text = a.doc.text
        # the trial's own name for its condition: the registered list and the titles. Keywords and
        # MeSH terms name related concepts too ("AIDS-related ..." on an HIV-infection trial), and a
        # name used only as a qualifier ("AIDS Related Complex") is not the population's name.
        reg_tokens: set[str] = set()
        advanced: set[str] = set()  # concepts the trial registers or titles in an advanced form (AIDS, metastatic X)
        for src in a.declared:
            if src.field.split("[")[0].split(".")[0] in _OWN_NAME_FIELDS:
                own_text = _QUALIFIER_USE.sub(" ", src.text)
                reg_tokens |= {t.lower() for t in _TOKEN.findall(own_text)}
                if _ADVANCED_FORM.search(own_text):
                    advanced |= src.concepts
        sections = a.doc.sections
        for i, sec in enumerate(sections):
            # an "inclusion" section that only goes on numbering the exclusions before it is exclusion text
            # (a sentence inside an exclusion item read as a header: NCT02214147)
            if sec.kind != "exclusion" and not (i and continues_numbering(sections[i - 1], sec)):
                continue
            labels = _Labels(text, sec.start, sec.end)
            items = list(sec.iter_items())
            requirements = _requirement_items(items, section_modes=sec.kind == "exclusion")
            for item in items:
                if item.marker is None or getattr(item, "is_label", False):
                    continue  # an unmarked line is often a cohort label ("Participants with Alzheimer's disease")
                if item.children or text[item.text_start : item.text_end].rstrip().endswith(":"):
                    continue  # a label or a parent of a sub-list, not a condition on its own
                if id(item) in requirements:
                    continue  # an entry requirement left under the exclusion header, not an exclusion
                if labels.under_requirement(item.start):
                    continue  # legacy layout: "Patients must have:" inside the exclusion section lists requirements
                for m in a.item_mentions.get(id(item), []):
                    if m.concept not in studied:
                        continue
                    concept = v.concepts[m.concept]
                    if concept.area == "infectious" and not (record.brief_title or record.official_title):
                        continue  # without a title we cannot tell a treatment from a prevention trial
                    toks = [t.lower() for t in _TOKEN.findall(m.text)]
                    # the family's own name counts as registered when the trial registers a form of it: an AIDS
                    # trial that excludes "HIV infection", a metastatic-X trial that excludes "X", excludes every
                    # participant (the reverse, "AIDS" in an HIV-infection trial, stays a narrower form)
                    own = reg_tokens | _family_tokens(concept) if m.concept in advanced else reg_tokens
                    if m.text in concept.abbrevs or m.text.upper() == m.text:
                        if m.text.lower() not in own:
                            continue  # an abbreviation may name a subtype (APL, PPMS): only when registered as such
                    elif any(t not in own and t not in _GENERIC for t in toks):
                        continue  # a narrower form ("ocular melanoma" in a melanoma trial)
                    # the clause around the mention must be just the condition's name
                    cs = item.text_start
                    for c in _CLAUSE.finditer(text, item.text_start, m.start):
                        cs = c.end()
                    ce = item.text_end
                    c2 = _CLAUSE.search(text, m.end, item.text_end)
                    if c2:
                        ce = c2.start()
                    lead = text[cs : m.start]
                    tail = text[m.end : ce]
                    lm = _LEAD.match(lead)
                    if lm is None or lm.end() != len(lead) or not _TAIL.match(tail):
                        continue
                    if _QUAL_BEFORE.search(text, item.text_start, m.start) or _QUAL_AFTER.search(text, m.end, item.text_end):
                        continue
                    # an enumeration of several conditions inside an item that names other ones first
                    cond = v.concepts[m.concept].name
                    yield self.finding(
                        f"Exclusion criterion excludes {cond}, the condition the trial studies; read literally it "
                        "excludes every participant. Say which form is excluded (another type, a severe or "
                        "secondary form) or remove the item.",
                        evidence=Evidence.span("criteria", text, item.text_start, item.text_end),
                        related=[Evidence.span("criteria", text, m.start, m.end), *condition_evidence(a, record)],
                        suggestion=f"Replace the item with the form of {cond} that must be excluded, or delete it.",
                    )
                    break
