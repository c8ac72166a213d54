"""What each section and item of parsed criteria asks of a participant: a requirement or an exclusion.

The parser sets ``Section.mode`` and ``Item.mode`` once, as part of the parse, so that the rule
families read one answer instead of each re-reading the label lines above an item:

- ``"require"``: what a participant must meet or have (an inclusion section; in an exclusion section, the
  items under a requirement label such as "Patients must have:" / "Required:", as legacy layouts write
  them, or an item worded as a requirement, "Must be able to swallow tablets");
- ``"exclude"``: what rules a participant out (an exclusion section, "Patients will be excluded if:"; in an
  inclusion section, an item worded as an exclusion, "No prior chemotherapy", "Patients must not have …");
- ``None``: a section with no inclusion / exclusion header (a combined "Eligibility criteria:" list).

``Item.mode_source`` says where the item's mode came from: ``"section"``, ``"label"`` (the nearest label
line above it in its section) or ``"wording"`` (the item's own first words), so a caller that wants only
the section or label context can ignore the wording.

``exclusion_run(section)`` finds, in an inclusion section, the point where a run of criteria that
exclude ("Pregnant or breastfeeding", "Known hypersensitivity to …", "History of …") follows a run of
requirements: the exclusion header that should stand between them is missing.
"""

from __future__ import annotations

import re

from trial_audit.text.criteria_model import CriteriaDoc, Item, Section

_SECTION_MODE = {"inclusion": "require", "exclusion": "exclude"}

#: a label line (at most 80 characters, ending with a colon) that introduces requirements, not exclusions
#: ("Patients must have:", "Subjects should meet the following:", "Required:", "Allowed:")
_REQUIREMENT_LABEL = re.compile(
    r"^[ \t*•-]*(?:(?:all\s+)?(?:patients|participants|subjects|volunteers)\s+)?(?:must|should|shall|need\s+to|have\s+to)\s+(?:have|be|meet|fulfil+|satisfy)\b[^\n]{0,60}:\s*$"
    r"|^[ \t*•-]*(?:required|allowed|permitted|mandatory)\b[^\n]{0,60}:\s*$",
    re.IGNORECASE,
)
#: a label line that introduces exclusions ("Patients will be excluded if:", "Any of the following:")
_EXCLUSION_LABEL = re.compile(
    r"\b(?:excluded|exclude|exclusions?|ineligible|not\s+(?:be\s+)?eligible|must\s+not|should\s+not|may\s+not|cannot)\b",
    re.IGNORECASE,
)
#: an item worded as a requirement: "Must be able to …", "Patients should have …" (not "must not")
_REQUIREMENT_WORDING = re.compile(
    r"^(?:(?:the\s+)?(?:patients?|participants?|subjects?|volunteers?|women|men)\s+)?(?:must|should|shall|need\s+to|has\s+to|have\s+to)\s+(?!not\b)\w",
    re.IGNORECASE,
)
#: an item worded as an exclusion: "No prior …", "Patients must not have …", "Not pregnant"
_EXCLUSION_WORDING = re.compile(
    r"^(?:no|not|none|without|absence\s+of|free\s+of|never)\b"
    r"|^(?:(?:the\s+)?(?:patients?|participants?|subjects?|volunteers?|women|men)\s+)?(?:must|should|shall|may|can|will)\s*not\b"
    r"|^(?:(?:the\s+)?(?:patients?|participants?|subjects?)\s+)?(?:who\s+)?(?:are|is|will\s+be)\s+(?:excluded|ineligible|not\s+eligible)\b",
    re.IGNORECASE,
)
_LABEL_MAX = 80


def _first_line(item: Item) -> str:
    return item.text.split("\n", 1)[0].strip()


def _label_mode(line: str, section_mode: str | None) -> str | None:
    if _REQUIREMENT_LABEL.match(line):
        return "require"
    if _EXCLUSION_LABEL.search(line):
        return "exclude"
    return section_mode


def _is_label_line(item: Item) -> bool:
    line = _first_line(item)
    return item.is_label or (len(line) <= _LABEL_MAX and line.endswith((":", "：")))


def assign_modes(doc: CriteriaDoc) -> None:
    """Set ``mode`` / ``mode_source`` on every section and item of ``doc`` (one pass, linear)."""
    for sec in doc.sections:
        sec.mode = _SECTION_MODE.get(sec.kind)
        label_mode: str | None = None
        for item in sec.iter_items():
            if _is_label_line(item):
                # the label sets the context of the items after it in its section (the nearest label wins)
                label_mode = _label_mode(_first_line(item), sec.mode)
                item.mode, item.mode_source = sec.mode, "section"
                continue
            line = item.text[:200].lstrip()
            if sec.kind == "exclusion" and _REQUIREMENT_WORDING.match(line):
                item.mode, item.mode_source = "require", "wording"
            elif sec.kind == "inclusion" and _EXCLUSION_WORDING.match(line):
                item.mode, item.mode_source = "exclude", "wording"
            elif label_mode is not None and label_mode != sec.mode:
                item.mode, item.mode_source = label_mode, "label"
            else:
                item.mode, item.mode_source = sec.mode, "section"


# --- a missing exclusion header: exclusions listed on under the inclusion header --------------------

#: the first words of a criterion that rules a participant out, written without a negation
#: ("Pregnant or breastfeeding", "Known hypersensitivity to …", "History of stroke", "Participation in
#: another trial", "Inability to …", "Any condition that …")
_EXCLUDING_START = re.compile(
    r"^(?:(?:patients?|participants?|subjects?|women|females?|men|individuals?|those|anyone)\s+"
    r"(?:who\s+(?:are|is|have|has|had)\s+|with\s+(?:a\s+)?(?:known\s+)?|having\s+|(?:has|have|had)\s+(?:a\s+|any\s+)?|receiving\s+)?)?"
    r"(?:(?:has|have|had|having)\s+(?:a\s+|an\s+|any\s+)?)?"
    r"(?:"
    r"pregnan\w*|breast[- ]?feeding|lactating|nursing\s+(?:women|mothers|females)|currently\s+(?:pregnant|breast[- ]?feeding|lactating|enrolled|participating|taking|receiving|using)"
    r"|(?:known\s+|documented\s+|suspected\s+|previous\s+|prior\s+)?(?:hyper)?sensitivit\w*|(?:known\s+|documented\s+|suspected\s+)?allerg\w*"
    r"|(?:known\s+|suspected\s+|documented\s+)?contra-?indicat\w*"
    r"|(?:a\s+|any\s+|past\s+|prior\s+|previous\s+|known\s+|documented\s+|significant\s+|recent\s+)?history\s+of"
    r"|(?:simultaneous\s+|concurrent\s+|current\s+|recent\s+|prior\s+)?participation\s+in\s+(?:another|other|any|a\s+(?:different|concurrent|previous))"
    r"|(?:inability|unable|unwilling|unwillingness|incapable|not\s+able)\b"
    r"|(?:active|uncontrolled|unstable|untreated|symptomatic|ongoing)\s+\w"
    r"|(?:presence|evidence)\s+of\b"
    r"|any\s+(?:prior|previous|other|history|known|active|serious|significant|clinically|condition|disease|illness|medical|situation|reason|factor|circumstance|contraindication)\b"
    r"|(?:prior|previous)\s+(?:\w+\s+){0,2}(?:therapy|therapies|treatment|treatments|exposure|surgery|use|radiotherapy|chemotherapy|transplant\w*|participation)\b"
    r"|received\s+(?:prior|previous|any)\b|(?:received|receiving|treated\s+with)\s+(?:\w+\s+){0,3}within\b"
    r"|(?:severe|serious|significant|clinically\s+significant|major|concomitant|concurrent|current)\s+(?:\w+\s+){0,2}(?:disease|illness|disorder|infection|condition|impairment|dysfunction|insufficiency|comorbidit\w*|surgery|use|abuse|medication|treatment|therapy)"
    r"|(?:alcohol|drug|substance)\s+(?:or\s+\w+\s+)?(?:abuse|dependence|misuse|addiction|use\s+disorder)"
    r"|(?:positive\s+(?:test|serology|result|hiv|hepatitis|hbsag|pregnancy))|(?:hiv|hepatitis\s+[bc])[- ]positive"
    r"|(?:use|receipt|treatment|administration)\s+(?:of|with)\s+(?:any\s+)?(?:\w+\s+){0,4}(?:within|during|in\s+the\s+(?:past|last|previous))"
    r"|(?:malignancy|cancer|another\s+malignancy|other\s+malignanc\w*)\s+(?:within|in\s+the)"
    r")",
    re.IGNORECASE,
)
#: openings that only an exclusion has (a requirement may start "History of …", "Presence of …", "Unstable …")
_STRONG_EXCLUDING = re.compile(
    r"^(?:[a-z]+\s+){0,4}?(?:pregnan\w*|breast[- ]?feeding|lactating|nursing|(?:hyper)?sensitivit\w*|allerg\w*|contra-?indicat\w*"
    r"|participation\s+in\s+(?:another|other|any)|inability|unable|unwilling|incapable"
    r"|(?:alcohol|drug|substance)\s+(?:or\s+\w+\s+)?(?:abuse|dependence|misuse|addiction)|any\s+(?:other\s+)?(?:condition|serious|significant|clinically))",
    re.IGNORECASE,
)
#: words inside a criterion that say it rules a participant out ("Children are excluded", "Not meeting
#: the inclusion criteria")
_EXCLUDED_WORDS = re.compile(
    r"\b(?:excluded|ineligible|not\s+(?:be\s+)?eligible|not\s+meeting|do(?:es)?\s+not\s+meet|exclusion)\b", re.IGNORECASE
)
#: the first words of a criterion that a participant must meet ("Age 18 or older", "Signed informed consent",
#: "Histologically confirmed …", "ECOG 0-1", "Adequate organ function", "Willing to …")
_REQUIRING_START = re.compile(
    r"^(?:(?:patients?|participants?|subjects?)\s+(?:must|should|aged?|of|who\s+(?:are|have)\s+(?:aged?|diagnosed|able|willing)|with\s+(?:a\s+)?(?:histolog|cytolog|confirmed|diagnos|documented)))"
    r"|^(?:aged?\b|(?:men|women|males?|females?)\s+(?:and|or|aged?|between|\w+\s+(?:and|or)\s+(?:men|women|males?|females?))|male\s+or\s+female|[≥>]|[0-9]{1,2}\s*(?:years|yrs|to|-|–))"
    r"|^(?:(?:signed|written|provide[sd]?|give[sn]?|able\s+to\s+(?:provide|give|sign|understand))\s+(?:\w+\s+){0,2}(?:consent|assent))"
    r"|^(?:(?:histolog\w*|cytolog\w*|patholog\w*|radiolog\w*|clinically)\s+(?:or\s+\w+\s+)?(?:confirmed|documented|proven|diagnosed))|^(?:diagnos\w*|confirmed|documented)\b"
    r"|^(?:ecog|karnofsky|kps|who\s+performance|performance\s+status|life\s+expectancy|measurable|evaluable|adequate|body\s+mass|bmi)\b"
    r"|^(?:willing|able|ability|agree\w*|capable)\b(?!\s+to\s+comply\s+with\s+the\s+exclusion)",
    re.IGNORECASE,
)
#: fewest items on either side of the switch, and share of excluding items after it
_MIN_SIDE = 2
_MIN_EXCLUDING_SHARE = 0.6
#: after the one paragraph gap of a list: least share of items that exclude after it, most share before it
_GAP_TAIL_SHARE = 1 / 3
_GAP_HEAD_SHARE = 0.2
#: the same after the gap, for criteria that rule out in any words (``_rules_out``), at twice the share before it
_WIDE_TAIL_SHARE = 0.25


def starts_like_exclusion(text: str) -> bool:
    """The text starts like a criterion that rules a participant out ("History of …", "Known allergy to …")."""
    return bool(_EXCLUDING_START.match(text.lstrip(" \t*•-")))


def starts_like_requirement(text: str) -> bool:
    """The text starts like a criterion a participant must meet ("Age 18 or older", "Signed consent")."""
    return bool(_REQUIRING_START.match(text.lstrip(" \t*•-")))


def _excluding(item: Item) -> bool:
    return bool(_EXCLUDING_START.match(item.text[:200].lstrip(" \t*•-")))


def _requiring(item: Item) -> bool:
    return bool(_REQUIRING_START.match(item.text[:200].lstrip(" \t*•-")))


def _paragraph_gaps(text: str, items: list[Item]) -> list[int]:
    """Indices k of the items that follow a blank line after item k-1."""
    return [k for k in range(1, len(items)) if _BLANK_LINE.search(text, items[k - 1].end, max(items[k - 1].end, items[k].start))]


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


#: a requirement worded as a negation, beyond "No …" / "Not …" at the start: a conditional "If female,
#: non-pregnant", a "non-" adjective ("Non-smoker"), "free of …", "negative for …", or a negated predicate
#: inside the item ("is assessed not to be harmful to self or others")
_NEGATED_REQUIREMENT = re.compile(
    r"^(?:if\s+[^,\n]{1,40},\s*)?(?:non[- ]?(?=[a-z])|not\b|no\b|free\s+(?:of|from)\b|without\b|negative\s+(?:for|pregnancy|serum|urine)\b)"
    r"|\bnot\s+to\s+be\b",
    re.IGNORECASE,
)


#: an exclusion worded as a prohibition ("Participants must not be using …", "Subjects will not …"): after a
#: paragraph gap it still shows a lost exclusion header, unlike a negated state ("No history of …", "Non-smoker")
_PROHIBITION = re.compile(
    r"^(?:(?:the\s+)?(?:patients?|participants?|subjects?|volunteers?|women|men)\s+)?(?:must|should|shall|may|can|will)\s*not\b",
    re.IGNORECASE,
)


def _negated_requirement(lead: str) -> bool:
    return bool(_EXCLUSION_WORDING.match(lead) or _NEGATED_REQUIREMENT.search(lead))


#: a criterion that rules out in any words: a negation or refusal inside its opening ("Women who do not provide
#: written consent", "Participants who refuse to provide consent", "Lack of cooperation", "Subjects that are not
#: ASA I") besides the excluding openings above
_RULES_OUT = re.compile(
    r"\b(?:no|not|never|without|refus\w*|refusal|lack(?:s|ing)?|unable|unwilling\w*|inability|absence|absent|unsuitable|inappropriate"
    r"|inaccessible|uncooperative|non-?\s?cooperative|contra-?indicat\w*|excluded|ineligible)\b",
    re.IGNORECASE,
)
_RULES_OUT_SPAN = 80


def _rules_out(item: Item) -> bool:
    """The item rules out in any words; a requirement worded as a negation ("Non-smoker", "Not currently taking
    any medication", "If female, non-pregnant", "assessed not to be harmful") is an inclusion item, not counted."""
    lead = item.text[:200].lstrip(" \t*•-")
    if _negated_requirement(lead):
        return False
    return _excluding(item) or bool(_RULES_OUT.search(lead[:_RULES_OUT_SPAN]))


def _lost_header_after_gap(sec: Section, items: list[Item], k: int, text: str) -> Item | None:
    """After the one paragraph gap of an inclusion list (``items[k]`` follows it), the place of a lost exclusion
    header, seen in two ways beyond the share of excluding openings (``exclusion_run``):

    - the first line after the gap announces exclusions, as a label or lead-in ("Co-existing Condition:
      Patients with the following conditions or symptoms are excluded:", "A participant will not be eligible
      for study entry if any of the following criteria are met:");
    - at least a quarter of the items after the gap rule a participant out in any words (a negation or a refusal
      in their opening: "Women who do not provide written consent", "Lack of cooperation"), against at most a
      fifth before it and at most half the share after it.

    An inclusion list with one paragraph gap and no exclusion section is rare in real registry text (none of the
    3,231 tune texts without an exclusion section has one after its second item)."""
    gap_at = text.rfind("\n", items[k - 1].end, items[k].start)
    first = next((it for it in sec.items if it.start >= gap_at), None)
    if first is not None:
        line = _first_line(first)
        if line.endswith((":", "：")) and len(line) <= 200 and _EXCLUSION_LABEL.search(line):
            if not any(_EXCLUSION_LABEL.search(_first_line(it)) for it in sec.items if it.end <= gap_at and _is_label_line(it)):
                return first
    head = [_rules_out(it) for it in items[:k]]
    tail = [_rules_out(it) for it in items[k:]]
    h, t = sum(head) / len(head), sum(tail) / len(tail)
    if t >= _WIDE_TAIL_SHARE and h <= _GAP_HEAD_SHARE and t >= 2 * h:
        return items[k]
    return None


def exclusion_run(sec: Section, text: str = "") -> Item | None:
    """The first item of a run of exclusions listed on under an inclusion header, or None.

    Two ways to see the lost header:

    - a paragraph gap: the list's items follow one another with no blank line, except at one point, and from
      there on at least half the items rule a participant out (they start like an exclusion, are worded as
      one, "No prior …", or say "excluded"), against at most a fifth before it (pass the criteria text);
    - content alone: at least two requirements with no exclusion among them, then (from the returned item on)
      at least two items of which most start like an exclusion ("Pregnant or breastfeeding", "Known
      hypersensitivity to …", "History of …") and none is a plain requirement ("Age 18 or older", "Signed
      consent"). An inclusion list that carries one exclusion in its middle, or mixes both throughout (the
      NCI convention of negative inclusion items), is not such a run."""
    if sec.kind != "inclusion":
        return None
    items = [it for it in sec.items if it.text.strip() and not it.is_label]
    n = len(items)
    if n < 3:
        return None
    # an item worded with a negation ("No prior chemotherapy") is not counted for the content rule: the NCI
    # convention writes exclusions that way inside inclusion lists on purpose
    negated = [bool(_EXCLUSION_WORDING.match(it.text[:200].lstrip(" \t*•-"))) for it in items]
    # the wider negated requirements ("If female, non-pregnant", "assessed not to be harmful") only for the gap rule
    negated_wide = [_negated_requirement(it.text[:200].lstrip(" \t*•-")) for it in items]
    exc = [_excluding(it) and not negated[k] for k, it in enumerate(items)]
    if text:
        gaps = _paragraph_gaps(text, items)
        if len(gaps) == 1 and gaps[0] >= _MIN_SIDE:
            k = gaps[0]
            # a negated requirement ("Non-smoker", "If female, non-pregnant", "assessed not to be harmful to
            # others") after the gap is an inclusion item worded as a negation, not evidence of a lost header on
            # its own; next to an exclusion written plainly after the gap ("Pregnancy", "History of …") a "No …"
            # item counts too (a lost exclusion list often mixes both)
            plain_after = any(exc[k:])
            says = [
                (exc[j] and not negated_wide[j])
                or (plain_after and negated[j])
                or bool(_PROHIBITION.match(items[j].text[:200].lstrip(" \t*•-")))
                or bool(_EXCLUDED_WORDS.search(items[j].text[:300]))
                for j in range(n)
            ]
            head, tail = says[:k], says[k:]
            if sum(tail) >= _GAP_TAIL_SHARE * len(tail) and sum(head) <= _GAP_HEAD_SHARE * len(head):
                return items[k]
            lost = _lost_header_after_gap(sec, items, k, text)
            if lost is not None:
                return lost
    if n < 2 * _MIN_SIDE:
        return None
    first = exc.index(True) if any(exc) else n
    if first < _MIN_SIDE or n - first < _MIN_SIDE:
        return None  # no exclusion, one near the start (a mixed list), or a lone one at the end
    if any(negated[:first]):
        return None  # negative inclusion items before the switch: exclusions kept in the inclusion list on purpose
    if not any(_requiring(it) for it in items[:first]):
        return None  # nothing before the switch reads as a requirement: no evidence of two lists
    tail_items = items[first:]
    if any(_requiring(it) and not exc[first + j] and not negated[first + j] for j, it in enumerate(tail_items)):
        return None  # a requirement after the switch: the list goes on with inclusions
    if sum(exc[first:]) < max(_MIN_SIDE, _MIN_EXCLUDING_SHARE * len(tail_items)):
        return None
    if not any(_STRONG_EXCLUDING.match(it.text[:200].lstrip(" \t*•-")) for it in tail_items):
        return None  # "Presence of a chronic illness", "Unstable housing": openings a requirement may have too
    return items[first]
