"""Condition scope of one record: which conditions it declares, which its inclusion criteria require.

``analyse(record, vocab)`` computes, once per record (kept with the record through
``TrialRecord.analysis``), everything the TA3xx rules need: the declared conditions (registered
list, keywords, MeSH terms, titles, summary enumerations), the inclusion items that require a
condition or a condition-specific finding, and which of those items are scoped to a subgroup.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from trial_audit.text.condition_vocabulary import Mention, Vocabulary, load_vocabulary

if TYPE_CHECKING:
    from trial_audit.core.model import TrialRecord
    from trial_audit.text.criteria import CriteriaDoc, Item

# --- record analysis ------------------------------------------------------------------------

_NEG = re.compile(
    r"\b(?:no|not|non|nor|without|absence|absent|free\s+of|negative\s+for|never|other\s+than|except|excluding|"
    r"exclusion|excluded|rule[sd]?\s+out|prior|previous|previously|history|risk|family|relatives?|mother|father|"
    r"siblings?|partners?|contacts?|caregivers?|parents?|exposure|exposed|vaccin\w*|prevent\w*|screen\w*|"
    r"suspected|suspicion|healthy|control|controls|unless|besides|secondary\s+to|instead|nor|none|negative|"
    r"seronegative|uncontrolled|unstable|clinically\s+significant|versus|vs|compared|exclude[sd]?|ineligible|"
    r"such\s+as|including|includes|e\.g|i\.e|for\s+example|like)\b|\bnon-|\bun-",
    re.IGNORECASE,
)
_AFTER_SKIP = re.compile(
    r"\s*(?:[-\u2010\u2013]\s*|\s)(?:associated|related|induced|mediated|like|type|negative|free|naive|na\u00efve|"
    r"specific|directed|targeted|vaccine|test|testing|screening|antibod\w*|antigen|status|serology)\b|\s*(?:drug|therapy|"
    r"treatment|medication|medicine)s?\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\.\s+(?=[A-Z(])")
_SCOPE = re.compile(
    r"\b(?:for|in)\s+(?:the\s+|all\s+)?(?:[\w()/\-]+[\s\-]){0,6}?(?:patients?|subjects?|participants?|cohorts?|arms?|"
    r"parts?|groups?|those|women|men|children|individuals|population|stratum|strata|indications?)\b|"
    r"\b(?:cohort|arm|part|group|stratum|panel|phase|module)\s+(?:[A-Z0-9]{1,3}|I{1,3}V?|one|two|three|four)\b|"
    r"\b(?:if|when|whenever|where\s+applicable|in\s+case|only|exclusively|applicable|applies|apply)\b|"
    r"\b(?:dose[\s\-]escalation|dose[\s\-]expansion|expansion|escalation|basket|sub-?study|substudy|sub-?group)\b",
    re.IGNORECASE,
)
#: words after a condition that make it a negative or a permission rather than a requirement
_NEG_AFTER = re.compile(
    r"[^.;]{0,80}?\b(?:negative|seronegative|excluded|not\s+(?:allowed|permitted|eligible)|ruled\s+out|free|"
    r"allowed|permitted|eligible|provided|as\s+long\s+as|well[\s-]controlled|controlled|stable|are\s+acceptable|"
    r"is\s+acceptable|may\s+(?:be|participate|enrol\w*|enter|join)|can\s+(?:be|participate|enrol\w*|enter)|"
    r"will\s+be|adequate|adequately|or\s+not|or\s+without|considered|included)\b",
    re.IGNORECASE,
)
#: a parent item that negates its sub-list ("Patients must not have any of the following:")
_NEG_PARENT = re.compile(r"\b(?:not|no|none|without|exclu\w+|ineligible|absence)\b", re.IGNORECASE)
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
        ms = [x for x in vocab.mentions(sent) if not vocab.is_umbrella(x.concept)]
        cs = {x.concept for x in ms}
        if len(cs) >= 2:
            spans = [Mention(x.concept, x.start + m.start(), x.end + m.start(), x.text) for x in ms]
            out.append(Source(fld, text, cs, spans))
    return out


def _analyse(record: TrialRecord, vocab: Vocabulary) -> Analysis:
    a = Analysis(vocab)
    reg: list[Source] = []
    for attr in ("conditions", "keywords", "mesh_terms"):
        for fld, val in _list_field(record, attr):
            cs = vocab.concepts_of_name(val, loose=attr != "keywords")
            src = Source(fld, val, cs, [Mention(c, 0, len(val), val) for c in cs])
            a.declared.append(src)
            if attr != "keywords":
                reg.append(src)
            a.declared_concepts |= cs
    for fld in ("brief_title", "official_title", "acronym"):
        val = getattr(record, fld, None)
        if isinstance(val, str) and val.strip():
            ms = vocab.mentions(val)
            cs = {m.concept for m in ms}
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
    all_mk = []
    for sec in doc.sections:  # markers matter in inclusion sections only
        if sec.kind == "inclusion" and sec.end > sec.start:
            part = text[sec.start : sec.end]
            all_mk.extend((mk, m.start() + sec.start, m.end() + sec.start) for mk, m in vocab.marker_hits(part))
    all_mk.sort(key=lambda x: x[1])
    ms_starts = [m.start for m in all_ms]
    mk_starts = [x[1] for x in all_mk]
    crit_lists: list[Source] = []
    for sec in doc.sections:
        for item in sec.iter_items():
            ts, te = item.text_start, item.text_end
            ms = all_ms[bisect_left(ms_starts, ts) : bisect_left(ms_starts, te)]
            ms = [m for m in ms if m.end <= te]
            a.item_mentions[id(item)] = ms
            if sec.kind == "inclusion":
                spec = {m.concept for m in ms if not vocab.is_umbrella(m.concept)}
                if (
                    len(spec) >= 3
                    and _CRIT_LIST_CUE.search(text, ts, te)
                    and not _ITEM_NEG.search(text, ts, te)
                    and not _negated_by_parent(item)
                ):
                    crit_lists.append(Source("criteria", text, spec, [m for m in ms if m.concept in spec]))
                mks = [x for x in all_mk[bisect_left(mk_starts, ts) : bisect_left(mk_starts, te)] if x[2] <= te]
                if ms or mks:
                    hits = _hits(vocab, item, text, ms, mks)
                    if hits:
                        a.inclusion_hits.extend(hits)
                        if _is_scoped(vocab, item, sec):
                            a.scoped.add(id(item))
    if crit_lists:
        a.lists["criteria"] = crit_lists
    return a


def _negated_by_parent(item: Item) -> bool:
    p = getattr(item, "parent", None)
    while p is not None:
        if _NEG_PARENT.search(p.text):
            return True
        p = getattr(p, "parent", None)
    return False


_FOLLOWING = re.compile(r"\bfollowing\b", re.IGNORECASE)
_VACCINE = re.compile(r"\bvaccin\w*|\bimmuni[sz]\w*", re.IGNORECASE)
#: only these words may stand before a condition for the item to *require* that condition
#: ("Histologically confirmed, metastatic NSCLC", "Patients with a diagnosis of SLE")
_HEAD_WORD = (
    r"a|an|the|any|known|current|currently|documented|confirmed|established|definite|definitive|probable|"
    r"clinical|clinically|histolog\w*|cytolog\w*|patholog\w*|radiolog\w*|biopsy|proven|verified|or|and|"
    r"diagnos\w*|with|of|by|newly|untreated|active|chronic|acute|stable|mild|moderate|severe|advanced|"
    r"metastatic|locally|recurrent|relapsed|refractory|unresectable|resectable|inoperable|early|stage|grade|"
    r"primary|patients?|subjects?|participants?|individuals?|people|persons?|adults?|men|women|children|"
    r"adolescents?|males?|females?|who|have|has|are|is|must|should|be|meet\w*|fulfil\w*|criteria|for|"
    r"according|to|evidence|presence|suffering|from|having|[0-9]+|[ivx]+[abc]?|[abc]|i{1,3}v?[abc]?"
)
_HEAD = re.compile(r"^(?:(?:" + _HEAD_WORD + r")\b|[\s,/()\-:–])*$", re.IGNORECASE)
_ITEM_NEG = re.compile(
    r"\b(?:seronegative|negative|must\s+not|should\s+not|not\s+eligible|ineligible|excluded|are\s+not|is\s+not|"
    r"no\s+(?:history|evidence|known|active|prior)|none\s+of|free\s+of|allowed|permitted|are\s+eligible|without|"
    r"is\s+eligible|may\s+(?:be|enrol\w*|enter|participate)|will\s+be\s+included|exception)\b",
    re.IGNORECASE,
)


def _hits(vocab: Vocabulary, item: Item, text: str, mentions: list[Mention], markers: list) -> list[ItemHit]:
    """Condition-specific requirements in one inclusion item (children are their own items)."""
    ts, te = item.text_start, item.text_end
    if _negated_by_parent(item):
        return []
    parent = getattr(item, "parent", None)
    if parent is not None and (parent.text.rstrip().endswith(":") or _FOLLOWING.search(parent.text)):
        return []  # a sub-list item: an alternative, a definition or a scoped requirement
    item_neg = bool(_ITEM_NEG.search(text, ts, te))
    bounds = [(ts + a, ts + b) for a, b in _clauses(text[ts:te])]

    def clause_of(pos: int) -> tuple[int, int]:
        for a, b in bounds:
            if a <= pos <= b:
                return a, b
        return ts, te

    out: list[ItemHit] = []
    if text[ts:te].rstrip().endswith(":"):
        return []  # a label over what follows
    for mk, s0, e0 in markers:
        if item_neg:
            continue
        cs, _ce = clause_of(s0)
        before = text[max(cs, s0 - 50) : s0]
        if _NEG.search(before) and not re.search(r"(?:positive|negative)", text[s0:e0], re.I):
            continue
        out.append(ItemHit(item, mk.concepts, "marker:" + mk.kind, mk.label, s0, e0))
    vaccine = bool(_VACCINE.search(text, ts, te))
    # an unmarked short line among marked items is a group label ("Parkinson's Disease" over its criteria)
    label_line = item.marker is None and len(text[ts:te].strip()) < 60 and not text[ts:te].rstrip().endswith(".")
    diag: list[ItemHit] = []
    for men in mentions:
        if vocab.is_umbrella(men.concept):
            continue
        c = vocab.concepts[men.concept]
        if vaccine and c.area == "infectious":
            continue
        cs, ce = clause_of(men.start)
        before = text[cs : men.start]
        if _NEG.search(before):
            continue
        if _AFTER_SKIP.match(text, men.end) or _NEG_AFTER.match(text, men.end, ce):
            continue
        if label_line or item_neg or cs != ts or len(before) > 90 or not _HEAD.match(before):
            continue  # the item is not (or not only) a requirement to have this condition
        diag.append(ItemHit(item, (men.concept,), "diagnosis", f"diagnosis of {c.name}", men.start, men.end))
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


_GROUP_WORD = re.compile(
    r"\b(?:cohorts?|arms?|parts?|groups?|stratum|strata|panel|module|sub-?study|substudy|expansion|escalation|"
    r"stage\s+[0-9IVX]+|phase\s+[0-9IVX]+[ab]?)\b",
    re.IGNORECASE,
)
_ALL_WORD = re.compile(r"\b(?:all|every|each|general|common|both|key|main)\b", re.IGNORECASE)


_ALTERNATIVES = re.compile(r"\b(?:one|any|two|three|1|2|3)\s+(?:or\s+more\s+)?of\b|\bat\s+least\b|\beither\b", re.I)


def _scoping_label(vocab: Vocabulary, text: str) -> bool:
    """A label line that restricts what follows to a subgroup ("Part B:", "For patients with PBC:")
    or opens a list of alternatives ("At least one of the following:")."""
    t = text.strip()
    if not t.endswith(":") or len(t) > 200:
        return False
    if _ALTERNATIVES.search(t) or _NEG_PARENT.search(t):
        return True
    if _ALL_WORD.search(t):
        return False
    return bool(_GROUP_WORD.search(t) or any(not vocab.is_umbrella(m.concept) for m in vocab.mentions(t)))


def _is_scoped(vocab: Vocabulary, item: Item, sec: Any) -> bool:
    """The item applies to a subgroup: a labelled section, a scoping label / parent, or a prefix."""
    if getattr(sec, "label", None) and not _ALL_WORD.search(sec.label or ""):
        return True
    if getattr(item, "is_label", False):
        return True
    p = getattr(item, "parent", None)
    while p is not None:
        if _scoping_label(vocab, p.text):
            return True
        p = getattr(p, "parent", None)
    # a preceding unmarked label line ("Part B:", "For patients with PBC:") in the same section
    top = item
    while getattr(top, "parent", None) is not None:
        top = top.parent
    scoped = False
    for it in sec.items:
        if it is top:
            break
        if getattr(it, "is_label", False) or it.text.rstrip().endswith(":"):
            scoped = _scoping_label(vocab, it.text)
        elif len(it.text) < 100 and _ALTERNATIVES.search(it.text) and _FOLLOWING.search(it.text):
            scoped = True  # "At least one of the following" written without a colon
    return scoped


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def is_scoped_hit(a: Analysis, hit: ItemHit, text: str) -> bool:
    """The hit's item is scoped, or the words before the hit in its clause scope it."""
    if id(hit.item) in a.scoped:
        return True
    before = text[hit.item.text_start : hit.start]
    # only the clause the hit sits in
    cut = max(before.rfind(";"), before.rfind(". "))
    if cut >= 0:
        before = before[cut + 1 :]
    if _SCOPE.search(before):
        return True
    item_text = text[hit.item.text_start : hit.item.text_end]
    colon = item_text.find(":")
    if 0 <= colon <= 160 and _SCOPE.search(item_text[:colon]):
        return True  # "For HIV co-infected participants: ..." scopes the whole item
    after = text[hit.end : min(hit.end + 25, hit.item.text_end)]
    if re.match(r"\s*(?:\)|patients|subjects|participants|cohort|arm|group)?\s*(?:only|cohort|arm|group)\b", after, re.I):
        return True
    # "PBC patients:" / "Patients with PBC:" - a name followed by a colon labels what follows
    if re.match(r"[^.;]{0,25}:", after) and not re.search(r"[0-9]", after.split(":")[0]):
        return True
    return False


# --- evidence helpers for the rules ---------------------------------------------------------


def condition_evidence(a: Analysis, record: TrialRecord, limit: int = 6) -> list:
    """Evidence of the trial's declared conditions: registered list, else titles / summary lists."""
    from trial_audit.core.findings import Evidence

    out = []
    for src in a.declared:
        if src.field.startswith(("conditions[", "mesh_terms[")):
            out.append(Evidence.whole(src.field, src.text))
    if not out:
        for src in a.lists.get("summary", [])[:1]:
            sp = src.spans
            if sp:
                out.append(Evidence.span(src.field, src.text, sp[0].start, sp[-1].end))
    if not out:
        for src in a.declared:
            if src.field.endswith("title") and src.spans:
                out.append(Evidence.whole(src.field, src.text))
                break
    return out[:limit]


def names(a: Analysis, concepts: Iterable[str]) -> str:
    return ", ".join(sorted({a.vocab.concepts[c].name for c in concepts if c in a.vocab.concepts}))


def declared_names(a: Analysis) -> str:
    spec = a.declared_specific() or a.declared_concepts
    return names(a, spec) or "none recognised"
