import re

from trial_audit.checks._shared.fixes import line_break_fix, markers_alike, same_style
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import all_sequences, doc_of, problems

_NOTE = re.compile(r"^\s*(?:note|nb)\b|\b(?:methods?|options?|examples?|e\.g\.|such as)\b", re.IGNORECASE)


def _after_sentence(text: str, pos: int) -> bool:
    """The marker at ``pos`` follows a sentence end ("... lactating. 13. Serious ...")."""
    k = pos - 1
    while k >= 0 and text[k] in " \t\r\n":
        k -= 1
    if k < 0:
        return True
    if text[k] not in ".;!?":
        return False
    # "5. a) Good oral health": the "." closes the parent's marker, not a sentence
    j = k
    while j > 0 and text[j - 1].isalnum():
        j -= 1
    return not (k - j <= 4 and (j == 0 or text[j - 1] in " \t\n(") and (text[j:k].isdigit() or len(text[j:k]) == 1))


# a bulleted line whose text up to the first marker is a label ending in a colon ("* Exclusion criteria related
# to stem cell transplant: a. ...; b. ..."): a bullet, then three words or more, then ":"
_BULLET_LABEL = re.compile(r"[ \t]*[-*•·▪●◦○■□➢►‣⁃–—+][ \t]+(?:[^\s:]+[ \t]+){2,}[^\s:]+[ \t]*:[ \t]*$")


def _enumeration_after_bullet_label(text: str, first_marker: int) -> bool:
    """The markers follow a label inside one bullet: one criterion's enumeration, not criteria run together
    (a bare "- Inclusion Criteria:" of two words is a header, and its items run together are reported)."""
    line_start = text.rfind("\n", 0, first_marker) + 1
    prefix = text[line_start:first_marker]
    return len(prefix) <= 200 and bool(_BULLET_LABEL.match(prefix))


# a lead-in that asks for one or more choices ("... and one or more of the following symptoms:", "must meet ONE
# OR MORE of the following criteria:"): the numbered run after it is that criterion's options, not criteria
_CHOICE_LEAD_IN = re.compile(
    r"\b(?:one|any|either|two|three|at\s+least\s+\w+)\s+(?:or\s+more\s+)?of\s+the\s+following\b[^.:\n]{0,60}:$", re.IGNORECASE
)


# "or" / "and" / "and/or" (after an optional comma) just before a marker: the marker joins alternatives of one sentence
_ALTERNATIVE_JOINER = re.compile(r"(?:^|[\s,])(?:or|and|and/or)[ \t]*$", re.IGNORECASE)


def _after_choice_lead_in(text: str, pos: int) -> bool:
    before = text[max(0, pos - 300) : pos].rstrip().rstrip("-*•").rstrip()
    return bool(_CHOICE_LEAD_IN.search(before))


# words that introduce an item's own list of alternatives ("... defined as 1. ... 2. ...", "any of", "one of",
# "either", "as follows", "i.e.") just before the first marker of the enumeration
_ALTERNATIVES_WORDS = re.compile(
    r"(?:\b(?:defined\s+as|any\s+of|one\s+of|either|as\s+follows|the\s+following)|\bi\.\s?e\.)[ \t\r\n,:]*$", re.IGNORECASE
)
_COLON_END = re.compile(r":[ \t\r\n]*$")
# a marker written inside an item's text ("specifically: i.Chronic-phase ...", "b.Resistance ..."): the item the
# enumeration after it belongs to
_INLINE_MARKER = re.compile(r"(?:^|[\s(:;])\(?([ivx]{1,4}|[a-z]|[0-9]{1,2})[.)](?![A-Za-z]\.)", re.IGNORECASE)


def _arabic(marker: str) -> bool:
    return any(ch.isdigit() for ch in marker)


def _alternatives_inside_item(text: str, first) -> bool:
    """The run-together markers start an enumeration introduced inside one item ("i.Chronic-phase ... defined as
    1. Loss of CCyR ... 2. Loss of MCyR ...") whose numbering is in another style than the item they belong to:
    that item's alternatives, not criteria run together. A bare colon counts only after an item marked inside
    the text ("specifically: i. ..."); under a criterion of the list ("1. Cardiac diagnoses:" then "i. ... ii. ...")
    the run-together items are still reported."""
    lo = first.parent.marker_end if first.parent is not None else text.rfind("\n", 0, first.start) + 1
    before = text[max(lo, first.start - 300) : first.start]
    words = bool(_ALTERNATIVES_WORDS.search(before))
    if not words and not _COLON_END.search(before):
        return False
    first_arabic = _arabic(first.marker or "")
    inline = list(_INLINE_MARKER.finditer(before))
    if inline:
        return _arabic(inline[-1].group(1)) != first_arabic
    if not words:
        return False
    if first.parent is not None and first.parent.marker is not None:
        return _arabic(first.parent.marker) != first_arabic
    top = first.section.items if first.section is not None else []
    return any(s.marker is not None and _arabic(s.marker) != first_arabic for s in top)


@register
class ItemsRunTogether(Rule):
    """Several criteria are run together on one line ("(5) no serious mental disorders; (6) Can understand ...").

    ## What it does

    Reports a record when several criteria are run together on one line ("(5) no serious mental
    disorders; (6) Can understand ...").

    Reports: several criteria on one line ("(5) …; (6) …", "1. Age 18 2. Consent 3. ECOG", "1、… 2、…",
    "… visits 4) Subject is …", "i. … ii. … iii. …", "1.- … 2.- …", a whole list on one line as
    RPCEC exports it), items whose markers are run into the text of the item before ("12. Pregnant
    or lactating. 13. Serious …"), a line break lost and replaced by a separator before the list's own
    bullet or next number ("… test；- Subject …", "… ultrasound。- previous …", "… used、3. voluntarily …",
    "… follow-up.3. Able …", "…; and 4. Unable …", "… drugs / 2. Pregnant …", a tab, "|", a comma written
    against the marker, "… diseases,- pregnancy …"), a spaced dash or a colon-dash before the list's own bullet or next
    number ("… hip - - pregnancy", "… disease:- - Non-pregnant", "… visits - 5. ≥10% …"; not after a number: "PS of
    0 - 2. See …"), a lower-case "and" / "or" before it and a capitalised criterion after it ("… lactation, or - Long-term
    use …", "… Obesity and 12. Other …"; also "plus", "&", "nor", "as well as", "along with", "together with", "and then",
    "and also"; not after a lead-in's colon, a number or a capitalised "OR"), a bullet-like glyph, arrow or geometric symbol
    between the items ("… ▪ - …", "… ► 3. …", "… ・- …"), a full-width colon written against the bullet before a
    capitalised criterion ("…：- Need for …"), a bullet after a label's colon ("Minor symptoms: - Frontal
    headache - Fever"), two dash items that open alike ("Use of systemic steroids - Use of
    warfarin") and, in ClinicalTrials.gov Markdown (which escapes a literal asterisk), an unescaped
    " * " inside a line before a word ("… ml/min/m2 * active dental caries"; before a number it may be
    a product: "weight (kg) * 100").

    Not reported: an enumeration inside one criterion ("organ function: (1) ANC …; (2) platelets …",
    "except 1) certain skin cancers; 2) …"), options in a note ("NOTE A: … the following methods: 1)
    condoms … 2) …"), an enumeration inside one bullet after its label ("* Criteria related to
    transplant: a. …; b. …; c. …"), alternatives joined by "or" / "and" inside one sentence ("complaints
    of i. urgency … or ii. frequency …", "…; or ii) Hospitalization …"), lower-case parts of one sentence after
    ";" or "," ("(a) female; (b) aged 45 years or older; …", "… screening with;- stable daily dose …"), a
    plus-or-minus ("+/- pain"), options numbered from 1 or bulleted after "one or more of the following …:"
    (a run numbered on in the list's own numbers is reported), an enumeration introduced inside an item ("defined as", "any
    of", "one of", "either", "as follows", "i.e.", ":") as a sub-list of that item or in another numbering
    style than the list's ("i. Chronic phase … defined as 1. Loss of CCyR … 2. Loss of MCyR …").

    ## Why it matters

    Criteria that share a line are easily read as one, are skipped by tools that split
    criteria into items, and hide numbering errors. An enumeration inside one criterion
    ("Adequate organ function: (1) ANC ...; (2) platelets ...") is not reported.

    ## Fix

    Put each criterion on its own line (the suggestion shows the line split).

    Fix safety: safe to apply when the run-together items are marked alike and numbered on ("(5) ...;
    (6) ..."): the fix puts each on a line of its own, no word added or removed. Unsafe when their
    markers differ ("• Creatinine ...; (2) ECG ..."): on its own line the second may read as an item
    of the main list rather than a sub-item (`--unsafe-fixes` applies it).

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA121"
    name = "items-run-together"
    category = Category.STRUCTURE
    severity = Severity.WARNING
    bad = [
        {"criteria": "Inclusion Criteria:\n(4) ECOG 0-1\n(5) no serious mental disorders; (6) Can understand the study"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n1. Adequate organ function: (1) ANC 1500/mm3 or more; (2) platelets 100,000/mm3 or more\n"
            "2. Signed consent"
        },
        {"criteria": "Inclusion Criteria:\n1. Creatinine 1.5 x ULN or less; ALT 2.5 x ULN or less\n2. Signed consent"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        reported: set[int] = set()
        # items whose markers were not recognised because they are run into the text before them
        # ("1. Iron deficiency anemia 2. End-stage renal disease. 3. Diabetes ...")
        for seq in all_sequences(doc):
            for p in problems(seq, doc):
                if p.kind != "hidden" or not p.hidden:
                    continue
                pos, marker = p.hidden[0]
                if p.other is None and not _after_sentence(text, pos):
                    # "... defined as: (a) condoms ...; (b) ..." - an enumeration inside one criterion
                    continue
                if p.other is not None and _after_choice_lead_in(text, p.other.start):
                    continue  # "... ONE OR MORE of the following criteria: (1) ... (2) ...": the options of one criterion
                if all(_ALTERNATIVE_JOINER.search(text[max(0, hpos - 12) : hpos]) for hpos, _ in p.hidden):
                    # "complaints of i. urgency, relieved with voiding or ii. frequency": alternatives joined by
                    # "or" / "and" inside one sentence, an inline enumeration, not criteria run together
                    continue
                line_start = text.rfind("\n", 0, pos) + 1
                if line_start in reported:
                    continue
                reported.add(line_start)
                end = min(len(text), pos + len(marker) + 60)
                nl = text.find("\n", pos)
                if nl > pos + len(marker):
                    end = min(end, nl)
                start = p.other.start if p.other is not None and p.other.start < pos else max(line_start, pos - 60)
                markers = ", ".join(repr(m) for _, m in p.hidden)
                pieces, q = [], start
                for hpos, _ in p.hidden:
                    pieces.append(text[q:hpos].rstrip())
                    q = hpos
                pieces.append(text[q : p.item.start].rstrip())
                yield self.finding(
                    f"Item(s) {markers} are run into the text of the item before them, so they do not "
                    "start a line: put each criterion on its own line.",
                    evidence=Evidence.span("criteria", text, start, end),
                    suggestion="\n".join(x for x in pieces if x),
                    fix=line_break_fix(
                        text,
                        (hpos for hpos, _ in p.hidden),
                        safety=markers_alike([m for _, m in p.hidden] + [x.marker for x in (p.other, p.item) if x is not None]),
                    ),
                )
        for it in doc.items():
            if not it.inline or it.line_start in reported:
                continue
            siblings = it.parent.children if it.parent is not None else it.section.items
            on_line = [s for s in siblings if s.line_start == it.line_start and s.marker is not None]
            parent = it.parent
            if parent is not None and parent.marker is None and _NOTE.search(parent.text[:300]):
                continue  # "NOTE A: ... the following methods: 1) condoms ... 2) diaphragm ...": options in a note
            if len(on_line) < 2 or all(s.inline for s in on_line):
                # an enumeration inside one criterion ("organ function: (1) ...; (2) ...")
                continue
            if _alternatives_inside_item(text, on_line[0]):
                continue  # "... defined as 1. Loss of CCyR ... 2. Loss of MCyR ...": one item's own alternatives
            if _enumeration_after_bullet_label(text, on_line[0].start):
                continue  # options of one criterion after a bullet's label
            if on_line[0].number in (None, 1) and _after_choice_lead_in(text, on_line[0].start):
                # options after "one or more of the following ...:" (numbered from 1 or bulleted); a run that goes on
                # with the list's own numbers ("2. … one of the following evidence:" then "3. … 4. …") is its items
                continue
            reported.add(it.line_start)
            start, end = on_line[0].start, on_line[-1].end
            line_end = text.find("\n", on_line[-1].start)
            if line_end >= 0 and it.end > line_end:
                end = max(line_end, on_line[-1].start)
            parts = "\n".join(text[s.start : s.end].strip() for s in on_line)
            markers = ", ".join(repr(s.marker) for s in on_line)
            yield self.finding(
                f"{len(on_line)} criteria ({markers}) are run together on one line: put each on its own line.",
                evidence=Evidence.span("criteria", text, start, end),
                suggestion=parts,
                fix=line_break_fix(text, (s.start for s in on_line[1:]), safety=same_style(on_line)),
            )
