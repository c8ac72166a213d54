"""Condition scope of one record: which conditions it declares, which its inclusion criteria require.

``analyse(record, vocab)`` computes, once per record (kept with the record through
``TrialRecord.analysis``), everything the TA3xx rules need: the declared conditions (registered
list, keywords, MeSH terms, titles, summary enumerations), the inclusion items that require a
condition or a condition-specific finding, and which of those items are scoped to a subgroup.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from trial_audit.text.condition_evidence import condition_evidence, declared_names, names  # noqa: F401 (re-exported)
from trial_audit.text.condition_groups import group_naming_spans, in_spans
from trial_audit.text.condition_hpo import hpo_gap_mentions
from trial_audit.text.condition_icd_names import icd_codes_in_title, icd_codes_of_name, icd_matcher
from trial_audit.text.condition_inclusion import (
    ambiguous_abbrev,
    inclusion_spans,
    kinds_after_registered,
    kinds_of_registered,
    negated_in_list,
)
from trial_audit.text.condition_requirements import (
    CONDUCT_ITEM,
    COUNT_CUE,
    QUALIFIED_AFTER,
    REQUIRE_AFTER,
    covers_name,
    describes,
    lab_label,
    lay_name,
    requires_joined,
)
from trial_audit.text.condition_scoping import (
    _ALTERNATIVES,
    _FOLLOWING,
    _NEG_PARENT,
    _is_scoped,
    _parallel_cohort_items,
    _several_populations,
)
from trial_audit.text.condition_settings import setting_chapters
from trial_audit.text.condition_systems import AREA_SYSTEM, foreign_areas, foreign_chapters, is_trait, organ_chapters, perinatal_only
from trial_audit.text.condition_vocabulary import Mention, Vocabulary, load_vocabulary
from trial_audit.text.condition_wording import (
    _AFTER_SKIP,
    _CONJUNCT,
    _ENDS_WITH_OR,
    _ITEM_NEG,
    _LIST_EXCEPT,
    _NEG,
    _NEG_AFTER,
    _REQUIRE_CUE,
    _VACCINE,
    AFTER_NAME_ONLY,
    _clauses,
    _conditional_subject,
    _positive_test,
)

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord
    from trial_audit.text.criteria import CriteriaDoc, Item

# --- record analysis ------------------------------------------------------------------------

#: a summary sentence that states the trial's conditions ("Conditions included in the study are ...")
_SUMMARY_LIST_CUE = re.compile(
    r"\b(?:conditions?|diseases?|indications?|disorders?|diagnos[ie]s)\b[^.]{0,40}\b(?:included|include|includes|"
    r"including|are|studied|enrol\w*|eligible)\b|\b(?:included|studied|enrol\w*)\s+(?:in|by|into)\s+(?:the|this)\s+"
    r"(?:study|trial)\b|\bpatients\s+with\s+(?:one\s+of|any\s+of|either)\b",
    re.IGNORECASE,
)
#: an inclusion item that lists the eligible diseases ("including but not limited to A, B, C, etc.")
_CRIT_LIST_CUE = re.compile(
    r"\b(?:including|include|includes|such\s+as|one\s+of|any\s+of|e\.g|etc|following\s+(?:diseases|diagnoses|conditions))\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ItemHit:
    """A condition-specific requirement in a criteria item."""

    item: Item
    concepts: tuple[str, ...]  # the condition(s) it is specific to
    kind: str  # "marker:<kind>" or "diagnosis"
    label: str  # what it is ("SLEDAI", "diagnosis of rheumatoid arthritis")
    start: int  # offsets of the matched text in the criteria field
    end: int
    #: ICD-10-CM codes of a disease the curated vocabulary does not list (kind "diagnosis:icd")
    codes: tuple[str, ...] = ()


@dataclass(slots=True)
class Source:
    field: str
    text: str
    concepts: set[str]
    spans: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    vocab: Vocabulary
    #: declared conditions: registered list, keywords, MeSH terms, titles, summaries
    declared: list[Source] = field(default_factory=list)
    declared_concepts: set[str] = field(default_factory=set)
    #: the enumerated lists the record states: "registered", "summary", "criteria" -> Sources
    lists: dict[str, list[Source]] = field(default_factory=dict)
    doc: CriteriaDoc | None = None
    inclusion_hits: list[ItemHit] = field(default_factory=list)
    scoped: set[int] = field(default_factory=set)  # id() of items that are scoped to a subgroup
    item_mentions: dict[int, list[Mention]] = field(default_factory=dict)
    #: organ-system chapters (ICD-10-CM) and curated areas of everything the record declares
    declared_chapters: set[str] = field(default_factory=set)
    declared_areas: set[str] = field(default_factory=set)
    declared_codes: set[str] = field(default_factory=set)
    #: the record registers healthy volunteers only (no disease): any disease requirement is foreign
    healthy_only: bool = False
    #: concepts the criteria name in full somewhere (not only by an abbreviation)
    named_in_full: set[str] = field(default_factory=set)
    #: the trial may enrol newborns (no structured minimum age, or one under a year): a condition of the perinatal
    #: period (prematurity) is then never foreign - a neonatal trial of any organ enrols by it
    newborns: bool = True

    def concept_chapters(self, cid: str) -> frozenset[str]:
        """The concept's organ systems: by its ICD-10-CM codes (its own, else its ancestors'), else by its area."""
        v = self.vocab
        for anc in sorted(v.ancestors(cid), key=lambda x: x != cid):
            got = organ_chapters(v.concepts[anc].icd10)
            if got:
                return got
        sys = AREA_SYSTEM.get(v.concepts[cid].area)
        return frozenset({sys}) if sys else frozenset()

    def foreign(self, concepts: Iterable[str], coarse: bool = False) -> bool:
        """Every one of the concepts is of another organ system or specialty than all declared conditions.

        ``coarse``: by ICD-10-CM chapter only (for findings such as tumour biomarkers, not diagnoses).
        """
        cs = [c for c in concepts if c in self.vocab.concepts]
        if not cs:
            return False
        if all(self.vocab.concepts[c].icd10 and all(is_trait(x) for x in self.vocab.concepts[c].icd10) for c in cs):
            return False  # obesity, substance use: states required on purpose, not another organ's disease
        if self.healthy_only:
            return True
        for c in cs:
            req = self.concept_chapters(c)
            if req and perinatal_only(req) and self.newborns:
                return False
            if req and self.declared_chapters:
                if not foreign_chapters(req, self.declared_chapters, coarse):
                    return False
            elif not foreign_areas(self.vocab.concepts[c].area, self.declared_areas):
                return False
        return True

    def sibling_of_declared(self, cid: str) -> bool:
        """The concept and a declared one are two kinds of one disease (small-cell and non-small-cell
        lung cancer, Crohn's disease and ulcerative colitis): requiring one contradicts the other."""
        v = self.vocab
        mine = {p for p in v.concepts[cid].parents if not v.is_umbrella(p)}
        return bool(mine) and any(mine & set(v.concepts[d].parents) for d in self.declared_specific() if d != cid)

    def foreign_codes(self, codes: Iterable[str]) -> bool:
        """An ICD-10-CM disease the vocabulary does not list is of another organ system than all declared."""
        from trial_audit.text.condition_vocabulary import _icd_related

        codes = tuple(c for c in codes if not is_trait(c))
        if not codes:
            return False
        if self.healthy_only:
            return bool(organ_chapters(codes)) and not (perinatal_only(organ_chapters(codes)) and self.newborns)
        if _icd_related(codes, tuple(self.declared_codes)):
            return False
        if perinatal_only(organ_chapters(codes)) and self.newborns:
            return False
        return foreign_chapters(organ_chapters(codes), self.declared_chapters)

    def specific(self, concepts: Iterable[str]) -> set[str]:
        return {c for c in concepts if not self.vocab.is_umbrella(c)}

    def declared_specific(self) -> set[str]:
        return self.specific(self.declared_concepts)

    def relation(self, cid: str) -> str:
        """How a concept stands to the trial's declared conditions.

        "declared" (the concept or a broader / narrower one is declared), "umbrella" (only an
        umbrella term such as "autoimmune diseases" covers it), "unknown" (nothing specific is
        declared), or "absent".
        """
        v = self.vocab
        spec = self.declared_specific()
        if any(v.related(cid, d) for d in spec):
            return "declared"
        # a declared complication of the condition's parent ("diabetic nephropathy" is within diabetes,
        # so a type 2 diabetes requirement is consistent with it)
        mine = {x for x in v.ancestors(cid) if x != cid and not v.is_umbrella(x)}
        if any(mine & v.ancestors(d) for d in spec if v.is_complication(d)):
            return "declared"
        umb = [d for d in self.declared_concepts if v.is_umbrella(d)]
        if not spec:
            return "umbrella" if any(v.covers(u, cid) for u in umb) else "unknown"
        if any(v.covers(u, cid) for u in umb):
            # an umbrella plus specific conditions of the same area: the specific list is the scope
            area_spec = [d for d in spec if v.concepts[d].area == v.concepts[cid].area]
            return "absent" if area_spec else "umbrella"
        return "absent"


def analyse(record: TrialRecord, vocab: Vocabulary | None = None) -> Analysis:
    """Everything the TA3xx rules need about one record, computed once and kept with the record."""
    vocab = vocab or load_vocabulary()
    # the vocabulary object is part of the key: a rule configured with extra vocabulary files
    # gets its own analysis
    return record.analysis(("condition-scope", vocab), lambda: _analyse(record, vocab))


def _list_field(record: TrialRecord, attr: str) -> list[tuple[str, str]]:
    vals = getattr(record, attr, None) or []
    return [(f"{attr}[{i}]", v) for i, v in enumerate(vals) if isinstance(v, str) and v.strip()]


def _enumerations(vocab: Vocabulary, fld: str, text: str) -> list[Source]:
    """Sentences of a text that enumerate two or more specific conditions."""
    out = []
    for m in re.finditer(r"[^.;:!?\n]+(?:\.(?=[0-9a-z])[^.;:!?\n]*)*", text):
        sent = m.group(0)
        if not _SUMMARY_LIST_CUE.search(sent):  # the cheap test first: few sentences have the cue
            continue
        groups = group_naming_spans(sent, 0, len(sent))
        ms = [x for x in vocab.mentions(sent) if not vocab.is_umbrella(x.concept) and not in_spans(x.start, groups)]
        cs = {x.concept for x in ms}
        if len(cs) >= 2:
            spans = [Mention(x.concept, x.start + m.start(), x.end + m.start(), x.text) for x in ms]
            out.append(Source(fld, text, cs, spans))
    return out


def _analyse(record: TrialRecord, vocab: Vocabulary) -> Analysis:
    a = Analysis(vocab)
    minimum = getattr(record, "minimum_age", None)
    a.newborns = minimum is None or minimum.years < 1
    reg: list[Source] = []
    for attr in ("conditions", "keywords", "mesh_terms"):
        for fld, val in _list_field(record, attr):
            cs = vocab.concepts_of_name(val, loose=attr != "keywords") | _glued_abbreviations(vocab, val)
            src = Source(fld, val, cs, [Mention(c, 0, len(val), val) for c in cs])
            a.declared.append(src)
            if attr != "keywords":
                reg.append(src)
            a.declared_concepts |= cs
    for fld in ("brief_title", "official_title", "acronym"):
        val = getattr(record, fld, None)
        if isinstance(val, str) and val.strip():
            ms = vocab.mentions(val)
            cs = {m.concept for m in ms} | _glued_abbreviations(vocab, val)
            a.declared.append(Source(fld, val, cs, ms))
            a.declared_concepts |= cs
    summaries: list[Source] = []
    for fld in ("brief_summary", "plain_summary"):
        val = getattr(record, fld, None)
        if isinstance(val, str) and val.strip():
            en = _enumerations(vocab, fld, val)
            summaries.extend(en)
            for s in en:
                a.declared_concepts |= s.concepts
    _declare_systems(a, record)
    if reg:
        a.lists["registered"] = reg
    if summaries:
        a.lists["summary"] = summaries

    text = record.criteria
    if not isinstance(text, str) or not text.strip():
        return a
    from trial_audit.text.criteria import doc_for

    try:
        doc = doc_for(text, bool(record.criteria_markdown))
    except Exception:  # the parser promises not to raise; be safe anyway
        return a
    a.doc = doc
    all_ms = vocab.mentions(text)
    a.named_in_full = {m.concept for m in all_ms if m.text not in vocab.concepts[m.concept].abbrevs}
    inclusion = inclusion_spans(doc, text)
    all_icd = []
    for s0, e0 in inclusion.values():  # ICD-10-CM names of diseases the vocabulary does not list, in inclusion sections
        all_icd.extend(type(m)(m.code, m.chapter, m.start + s0, m.end + s0, m.text) for m in icd_matcher().mentions(text[s0:e0]))
        all_icd.extend(hpo_gap_mentions(text, s0, e0, all_icd))  # clinical names ICD-10-CM does not title (condition_hpo)
    all_mk = []
    for s0, e0 in inclusion.values():  # markers matter in inclusion sections only
        all_mk.extend((mk, m.start() + s0, m.end() + s0) for mk, m in vocab.marker_hits(text[s0:e0]))
    all_mk.sort(key=lambda x: x[1])
    ms_starts = [m.start for m in all_ms]
    mk_starts = [x[1] for x in all_mk]
    all_icd.sort(key=lambda x: x.start)
    icd_starts = [x.start for x in all_icd]
    crit_lists: list[Source] = []
    populations = _several_populations(text)
    label_cache: dict = {}
    for sec in doc.sections:
        for item in sec.iter_items():
            ts, te = item.text_start, item.text_end
            ms = all_ms[bisect_left(ms_starts, ts) : bisect_left(ms_starts, te)]
            ms = [m for m in ms if m.end <= te]
            a.item_mentions[id(item)] = ms
            if id(sec) in inclusion and ts < inclusion[id(sec)][1]:
                cut = _LIST_EXCEPT.search(text, ts, te)
                groups = group_naming_spans(text, ts, te)
                listed = [
                    m
                    for m in ms
                    if (cut is None or m.start < cut.start())
                    and not in_spans(m.start, groups)
                    and not ambiguous_abbrev(a, m)
                    and not negated_in_list(text, ts, m.start)
                ]
                spec = {m.concept for m in listed if not vocab.is_umbrella(m.concept)}
                if (
                    len(spec) >= 3
                    and _CRIT_LIST_CUE.search(text, ts, te)
                    and not _ITEM_NEG.search(text, ts, te)
                    and not _negated_by_parent(item)
                    and not kinds_of_registered(a, text, ts, te)
                    and not CONDUCT_ITEM.search(text, ts, te)
                ):
                    # the kinds of a registered condition listed after it are that condition; a name after the
                    # kinds' sentence is still one of the criteria's conditions
                    listed = kinds_after_registered(a, text, listed, te)
                    spec = {m.concept for m in listed if not vocab.is_umbrella(m.concept)}
                    crit_lists.append(Source("criteria", text, spec, [m for m in listed if m.concept in spec]))
                mks = [x for x in all_mk[bisect_left(mk_starts, ts) : bisect_left(mk_starts, te)] if x[2] <= te]
                # by bisection, as for the other matches: a 1 MB field has tens of thousands of items
                ims = [
                    x
                    for x in all_icd[bisect_left(icd_starts, ts) : bisect_left(icd_starts, te)]
                    if x.end <= te and not any(m.start < x.end and x.start < m.end and not covers_name(x, m) for m in ms)
                ]
                if ms or mks or ims:
                    hits = _hits(vocab, item, text, ms, mks, ims)
                    if hits:
                        a.inclusion_hits.extend(hits)
                        if _is_scoped(vocab, item, sec, populations, label_cache):
                            a.scoped.add(id(item))
    if crit_lists:
        a.lists["criteria"] = crit_lists
    for sec in doc.sections:
        if id(sec) in inclusion:
            a.scoped |= _parallel_cohort_items(a, list(sec.items), text)
    return a


def _glued_abbreviations(vocab: Vocabulary, name: str) -> set[str]:
    """Conditions a declared name holds as the first part of a compound ("AIDS-related Kaposi
    sarcoma" declares HIV too; "HIV-associated nephropathy" HIV). In criteria text such glued
    abbreviations are not read (anti-RA, PD-L1), but a registered name or title is a name."""
    if "-" not in name:
        return set()
    glued = re.sub(r"-(?=(?:related|associated|induced|positive|infected|linked)\b)", " ", name, flags=re.IGNORECASE)
    return {m.concept for m in vocab.mentions(glued)} if glued != name else set()


def _declare_systems(a: Analysis, record: TrialRecord) -> None:
    """The organ systems the record declares: its concepts' ICD-10-CM chapters and areas, plus the
    ICD-10-CM names in its registered conditions, MeSH terms, keywords, titles and interventions."""
    v = a.vocab
    for c in a.declared_concepts:
        if v.is_umbrella(c) and c in v.concepts and (got := organ_chapters(v.concepts[c].icd10)):
            a.declared_chapters |= got  # an umbrella with codes ("Inflammatory bowel disease": K50, K51)
        elif v.is_umbrella(c) and c in v.concepts and (sys_ := AREA_SYSTEM.get(v.concepts[c].area)):
            # "Cigarette smoking-related carcinoma", "Solid tumours": the chapter of the umbrella's area
            a.declared_chapters.add(sys_.split(":")[0])
    for c in a.declared_specific():
        a.declared_areas.add(v.concepts[c].area)
        a.declared_chapters |= a.concept_chapters(c)
        for anc in v.ancestors(c):
            a.declared_codes.update(v.concepts[anc].icd10)
    # keywords are often abbreviations or general words ("LGG", "children"): only a whole title counts
    # a name the curated vocabulary knows is placed by its concept ("Posttraumatic Stress Disorder" is
    # PTSD, chapter 5): only a whole ICD-10-CM title adds to it, not a word inside it ("stress")
    titles = ("brief_title", "official_title", "acronym")
    texts = [(src.text, src.field.startswith("keywords[") or _knows_name(v, src)) for src in a.declared if src.field not in titles]
    texts += [(iv.name, True) for iv in getattr(record, "interventions", None) or [] if isinstance(getattr(iv, "name", None), str)]
    for t, exact in texts:
        if t:
            a.declared_codes.update(icd_codes_of_name(t[:300], exact))
    for src in a.declared:  # titles: the diseases they name in two words or more (condition_icd_names.icd_codes_in_title)
        if src.field in titles:
            a.declared_codes.update(icd_codes_in_title(src.text[:300]))
    # pain as such (G89, "Postoperative pain") is filed with the nervous system but places no trial there:
    # a pain trial is placed by the body part or operation it names (a knee-arthroplasty pain trial
    # may require knee osteoarthritis), else not at all
    a.declared_chapters |= organ_chapters((c for c in a.declared_codes if not c.startswith("G89")), traits=True)
    if not a.declared_chapters and not a.declared_areas:
        # nothing names an organ disease ("Postoperative pain", "Labor induction"): the body part,
        # operation or obstetric setting the trial names places it (condition_settings)
        a.declared_chapters |= setting_chapters(src.text for src in a.declared)
    registered = [src.text for src in a.declared if src.field.startswith(("conditions[", "keywords["))]
    a.healthy_only = not a.declared_chapters and not a.declared_specific() and any(_HEALTHY.search(t) for t in registered)


def _knows_name(v: Vocabulary, src: Source) -> bool:
    """The whole declared name (a registered condition, MeSH term or keyword) is a specific concept of the vocabulary."""
    return src.field.startswith(("conditions[", "mesh_terms[")) and any(not v.is_umbrella(c) for c in src.concepts)


#: a registered condition that names healthy volunteers ("Healthy", "Healthy Volunteers")
_HEALTHY = re.compile(r"^\s*healthy(?:\s+(?:volunteers?|subjects?|participants?|adults?))?\s*$", re.IGNORECASE)


def _negated_by_parent(item: Item) -> bool:
    p = getattr(item, "parent", None)
    while p is not None:
        if _NEG_PARENT.search(p.text):
            return True
        p = getattr(p, "parent", None)
    return False


def _hits(vocab: Vocabulary, item: Item, text: str, mentions: list[Mention], markers: list, icd_ms: list = ()) -> list[ItemHit]:  # noqa: C901
    """Condition-specific requirements in one inclusion item (children are their own items)."""
    ts, te = item.text_start, item.text_end
    if _negated_by_parent(item):
        return []
    if _ENDS_WITH_OR.search(text, ts, te):
        return []  # one of a list of alternatives ("Renal failure, or")
    parent = getattr(item, "parent", None)
    if parent is not None and (parent.text.rstrip().endswith(":") or _FOLLOWING.search(parent.text) or _ALTERNATIVES.search(parent.text)):
        # a sub-list item: an alternative, a definition or a scoped requirement (also under a parent
        # without a colon: "... must agree to meet one of the contraception requirements" over its options)
        return []
    item_negs = list(_ITEM_NEG.finditer(text, ts, te))
    bounds = [(ts + a, ts + b) for a, b in _clauses(text[ts:te])]

    def clause_of(pos: int) -> tuple[int, int]:
        for a, b in bounds:
            if a <= pos <= b:
                return a, b
        return ts, te

    def negated(pos: int) -> bool:
        """The item negates or permits - unless the hit sits in a clause joined by "; and", which is a
        requirement of its own ("Subjects may have received prior therapies; and heart failure ..."), or the
        only negations stand after the name and are about something else ("Migraine with or without aura",
        "Plaque psoriasis, no prior biologic therapy")."""
        cs, ce = clause_of(pos)
        negs = item_negs
        if cs != ts and text[cs - 1 : cs] == ";" and _CONJUNCT.match(text, cs):
            negs = [m for m in item_negs if cs <= m.start() < ce]
        return any(not (m.start() > pos and AFTER_NAME_ONLY.fullmatch(m.group(0))) for m in negs)

    out: list[ItemHit] = []
    if text[ts:te].rstrip().endswith(":"):
        return []  # a label over what follows
    groups = group_naming_spans(text, ts, te)
    for mk, s0, e0 in markers:
        if negated(s0) or in_spans(s0, groups):
            continue  # (a score inside a risk-group list: "At least one comorbidity among: ... Child-Pugh B")
        cs, ce = clause_of(s0)
        before = text[max(cs, s0 - 50) : s0]
        if _NEG.search(before) and not re.search(r"(?:positive|negative)", text[s0:e0], re.I):
            continue
        # "HIV-infected participants must have well controlled HIV": the marker's condition is the subject
        if any(
            cs <= m.start < ce and _conditional_subject(text, text[cs : m.start], m.end, ce)
            for m in mentions
            if any(vocab.related(m.concept, c) for c in mk.concepts)
        ):
            continue
        out.append(ItemHit(item, mk.concepts, "marker:" + mk.kind, mk.label, s0, e0))
    vaccine = bool(_VACCINE.search(text, ts, te))
    # an unmarked short line among marked items is a group label ("Parkinson's Disease" over its criteria)
    label_line = item.marker is None and len(text[ts:te].strip()) < 60 and not text[ts:te].rstrip().endswith(".")
    diag: list[ItemHit] = []
    for men in mentions:
        if vocab.is_umbrella(men.concept) or in_spans(men.start, groups):
            continue  # (a risk group or a definition names conditions without requiring them)
        c = vocab.concepts[men.concept]
        if vaccine and c.area == "infectious":
            continue
        cs, ce = clause_of(men.start)
        before = text[cs : men.start]
        near = text[max(cs, men.start - 40) : min(ce, men.end + 40)]
        if (
            c.area == "infectious"
            and not negated(men.start)
            and _positive_test(text[cs:ce], near)
            and not _conditional_subject(text, before, men.end, ce)
        ):
            # "Positive hepatitis C antibody test": a finding of the infection, required for everyone
            diag.append(ItemHit(item, (men.concept,), "diagnosis", f"positive test for {c.name}", men.start, men.end))
            continue
        if _NEG.search(before):
            continue
        if _AFTER_SKIP.match(text, men.end) or _NEG_AFTER.match(text, men.end, ce):
            continue
        before = _CONJUNCT.sub("", before, count=1) if cs != ts else before
        if (
            label_line
            or negated(men.start)
            or (cs != ts and not _CONJUNCT.match(text, cs))
            or len(before) > 90
            or not (requires_joined(before) or lab_label(text, before, men.end, ce) or lay_name(text, before, men.end, ce))
        ):
            continue  # the item is not (or not only) a requirement to have this condition
        if _conditional_subject(text, before, men.end, ce):
            continue
        diag.append(ItemHit(item, (men.concept,), "diagnosis", f"diagnosis of {c.name}", men.start, men.end))
    for im in icd_ms:
        cs, ce = clause_of(im.start)
        before = text[cs : im.start]
        before = _CONJUNCT.sub("", before, count=1) if cs != ts else before
        first = cs == ts or bool(_CONJUNCT.match(text, cs))
        if in_spans(im.start, groups):
            continue
        if (
            label_line
            or negated(im.start)
            or not first
            or len(before) > 90
            or not (requires_joined(before) or lab_label(text, before, im.end, ce) or lay_name(text, before, im.end, ce))
            or _NEG.search(before)
        ):
            continue
        if any(cs <= o.start < im.start and o.end <= im.start for o in icd_ms):
            continue  # another disease's name before it in the clause: alternatives ("Bronchiectasis or cystic fibrosis")
        if vaccine and im.chapter in ("1", "22"):
            continue  # "History of varicella or varicella vaccine": immunity, not a disease required
        labels = lab_label(text, before, im.end, ce) or bool(COUNT_CUE.match(before)) or lay_name(text, before, im.end, ce)
        if (
            not _REQUIRE_CUE.search(before)
            and not labels
            and not (
                (not before.strip() or describes(before))
                and (REQUIRE_AFTER.match(text, im.end, ce) or QUALIFIED_AFTER.match(text, im.end, ce))
            )
        ):
            # a bare name from ICD-10-CM alone is too weak: a list entry, a complication, a label - unless the item
            # opens with it (after words that describe it: "Symptomatic internal haemorrhoids") and goes on to say how
            # it is established or which cases of it ("Chronic pancreatitis according to ...", "Acute sinusitis confirmed
            # by CT", "Hidradenitis suppurativa (Hurley stage II)", "Vitamin D deficiency, serum 25(OH)D below 20 ng/mL")
            continue
        if _AFTER_SKIP.match(text, im.end) or _NEG_AFTER.match(text, im.end, ce) or _conditional_subject(text, before, im.end, ce):
            continue
        if any(cs <= m.start < ce and not covers_name(im, m) for m in mentions if not vocab.is_umbrella(m.concept)):
            continue  # the clause names a known condition too: alternatives or comorbidities (not one inside this name)
        out.append(ItemHit(item, (), "diagnosis:icd", f"diagnosis of {im.text}", im.start, im.end, (im.code,)))
    # a clause that names two or more conditions lists alternatives or comorbidities: not one
    # condition's requirement
    for h in diag:
        cs, ce = clause_of(h.start)
        others = {
            m.concept
            for m in mentions
            if cs <= m.start < ce and not vocab.is_umbrella(m.concept) and not vocab.related(m.concept, h.concepts[0])
        }
        if not others:
            out.append(h)
    return out
