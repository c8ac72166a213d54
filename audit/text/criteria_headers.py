"""Section headers ("Inclusion Criteria:", "Key exclusion criteria", a header run into a line) and labels.

A *header* opens an inclusion / exclusion / other section; a *label* ("Part B:", "For patients
with PBC:") scopes the items under it inside a section.
"""

from __future__ import annotations

import re
import unicodedata

from trial_audit.text.criteria_markers import _match_marker, _skip_ws
from trial_audit.text.criteria_sentence_headers import _SENTENCE_MAX, _sentence_header, _sentence_header_then_marker

# --- headers --------------------------------------------------------------------------------

_QUAL = r"(?:(?:key|main|major|general|principal|primary|study|protocol|trial|patient|patients'?|subject|participant|additional|specific|other|basic|selection|clinical|medical)\s+)"
# (misspellings seen in registry text: "critieria", "CRITIERIA", "creteria", "critera", "citeria")
_CRIT = r"(?:criteri[a-z]*|creteria|critera|citeria|criterial|cr[a-z]{1,4}r[a-z]{1,4}\b)"
# punctuation, then a bullet or a number marker and a blank: "Exclusion; - Pregnancy", "Inclusion. 1. Age …", "Inclusion > 1. Age …"
# (a qualifier never opens with a list marker and a capital: "INCLUSION CRITERIA 1) Aged …" is the first item, see qual;
# "Inclusion 6) continued;" is the header of a continued item)
_PUNCT_MARKER_AHEAD = r"[ \t]*[;；.。|—–>=»→-]+[ \t]*(?:[-*•]|[0-9]{1,2}[.)])[ \t]"
# no punctuation, the first item's number and a capital: "EXCLUSION 1) Pregnancy …" (the line break lost)
_NUMBER_AHEAD = r"[ \t]+(?:[0-9]{1,2}[.)]|\([0-9]{1,2}\))[ \t]+(?-i:[A-Z])"  # a capital even in the case-blind header regex
_HEADER_RE = re.compile(
    rf"""
    (?P<h>
      (?P<pre>(?:part|cohort|arm|group|stage|phase|step|period)\s+[\w.]{{1,6}}\s*[:\-–]\s*)?
      (?:{_QUAL}{{0,3}})
      (?:
         (?P<comb>(?:inclusions?\s*(?:/|and|&|or|\+)\s*exclusions?|eligibility|selection|entry))[\s_]+{_CRIT}
        |(?P<non>non[-\s]?inclusion|ineligibility|non[-\s]?eligibility)[\s_]+{_CRIT}
        |(?P<inc>inclusion|inclusions|inclusive|inclussion|incluson|inlcusion|includion|inc\.?|incl[a-z]{{3,9}})[\s_]+{_CRIT}
        |(?P<exc>exclusion|exclusions|exlusion|exclussion|exclusionary|excluson|exc\.?|excl[a-z]{{3,9}})[\s_]+{_CRIT}
        |criteria\s+(?:for|of)\s+(?:(?P<inc2>inclusion|participation|entry|enrollment|enrolment|selection)|(?P<exc2>exclusion|non-inclusion))
        |(?P<inc3>inclusions?)(?=[ \t]*\\?[:：]|{_PUNCT_MARKER_AHEAD}|{_NUMBER_AHEAD})
        |(?P<comb3>eligibility|criteria|selection)(?=[ \t]*\\?[:：])
        |(?P<exc3>exclusions?)(?=[ \t]*\\?[:：]|{_PUNCT_MARKER_AHEAD}|{_NUMBER_AHEAD})
        |(?P<inc4>inclusions?)[ \t]*$
        |(?P<exc4>exclusions?)[ \t]*$
      )
      (?:(?:\*\*|__)(?=[ \t]*(?:\\?[:：]|\(|/|as[ \t]+follows)))?  # Markdown emphasis closed before the colon or an aside
      (?P<qual>,?[ \t]++(?:(?:for|in|of|at|during|to|related|relating|applicable|specific|common|general|all|additional|part|stage|phase|cohort|arm|group|sub-?study|step|period)\b|[0-9](?![0-9]?[.)][ \t]+(?-i:[A-Z]))|\((?![0-9]{{1,2}}\)[ \t]+(?-i:[A-Z]))|-|–|—)[^:：\n.;]{{0,80}}?(?=[ \t]*(?:[:：]|\]|$))
              |,?[ \t]++[^:：\n.;]{{1,60}}?(?=[ \t]*[:：][ \t]*$))?
      (?P<colon>[ \t]*\\?[:：]|[ \t]*\.(?=[ \t]*$)
        |[ \t]+(?:are[ \t]+|were[ \t]+)?as[ \t]+follows[ \t]*\\?[:：]?
        |[ \t]+(?:are|were|include[sd]?|consist(?:s|ed)?[ \t]+of|comprise[sd]?)(?:[ \t]+the[ \t]+following)?(?:[ \t]*\\?[:：]|(?=[ \t]+[^\s:：])))?
      (?:[ \t]*\])?
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
# a short line ending with a colon that names the section after a few words ("Transplant Inclusion:")
_LOOSE_HEADER = re.compile(
    r"(?P<h>(?:[A-Za-z0-9()/&'-]+[ \t]+){1,4}(?P<w>inclusions?|exclusions?|eligibility)\b[^.;:：\n]{0,50}[:：])[ \t]*$",
    re.IGNORECASE,
)
# an optional bullet / ordinal / letter prefix in front of a header ("• Exclusion criteria:", "2. Exclusion Criteria")
_HEADER_PREFIX = re.compile(
    r"(?:\*\*\s*|__\s*|\[\s*|[-*•·▪●◦○■□➢►‣⁃–—+]\s*|(?:[0-9]{1,2}|[A-Za-z]|[IVX]{1,4})[.)]\s+|\((?:[0-9]{1,2}|[A-Za-z])\)\s*|#{1,6}\s*|\*\*)?"
)

# words in a header's qualifier that say who is out ("Exclude if", "not eligible", "ineligible", "disqualified")
_OUT_WORDS = re.compile(r"\bexclu\w*|\bineligib\w*|\bnot[ \t]+(?:be[ \t]+)?(?:eligible|included|enrolled)\b|\bdisqualif\w*", re.IGNORECASE)

_LABEL_RE = re.compile(
    r"^(?:\*\*)?(?:(?:part|cohort|arm|group|stage|phase|step|module|sub-?study|population|stratum|strata|"
    r"segment|period|section|dose[- ]escalation|dose[- ]expansion|expansion)\b[^\n]{0,60}"
    r"|for\s+(?:all\s+)?(?:patients|participants|subjects|women|men|children|adults|healthy|volunteers|those|the)\b[^\n]{0,100}"
    r"|(?:disease|patient|prior\s+concurrent|prior|concurrent)\s+(?:characteristics|therapy|therapies)\b[^\n]{0,20})\s*:?\s*(?:\*\*)?$",
    re.IGNORECASE,
)


def _is_label_text(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 120:
        return False
    if _LABEL_RE.match(s):
        return True
    if s.endswith(":") and len(s.split()) <= 14:
        return True
    return False


# " - " / " – " after a header without a colon, then the first criterion's text
# (also a dash against the header or a doubled one: "Exclusion criteria- pregnancy", "Inclusion Criteria -- Age ...")
_DASH_ITEM = re.compile(r"(?:[ \t]+(?:--?|[–—])[ \t]*|(?:--?|[–—])[ \t]+)(?=[^\s-])")
# what a dash-qualifier looks like after the dash: "- for Phase I", "- Part A", "- (Cohort 2)", "- 2", "- 2b:"
# (a number that starts a phrase is a criterion: "- 18 years or older")
_DASH_QUALIFIER = re.compile(
    r"(?:(?:for|in|at|during|part|stage|phase|cohort|arm|group|step|period|study)\b|[0-9]{1,2}[a-z]?[ \t]*(?:$|[:：(\]])|\()",
    re.IGNORECASE | re.MULTILINE,
)


# after the dash and to the line's end, the parts of the study the section is for and nothing else: "- Phases 1 & 2",
# "– Cohorts A/B", "- (Phase 2 only)", "- for all participants", "— Part 1 and Part 2": the header's own qualifier on a
# line of its own, whatever its units' number or joining word ("&", "and", "/", "+", a comma); the list follows below
_STUDY_PART = (
    r"(?:phases?|parts?|stages?|cohorts?|arms?|groups?|steps?|periods?|modules?|sub-?stud(?:y|ies)|segments?|strat(?:a|um)"
    r"|populations?|panels?|levels?|waves?|sites?)"
)
_PART_ID = r"(?:[0-9]{1,2}[a-z]?|[a-z]|[ivx]{1,4}|one|two|three|four|five|six)"
_PART_JOIN = r"[ \t]*(?:,|&|\+|/|-|–|and|or|to)[ \t]*(?:(?:&|and)[ \t]+)?"
_STUDY_PART_TAIL = re.compile(
    rf"\(?[ \t]*(?:(?:for|in|of|applicable[ \t]+to)[ \t]+)?(?:(?:all|both|each)[ \t]+)?"
    rf"(?:{_STUDY_PART}(?:[ \t]*{_PART_ID}\b(?:{_PART_JOIN}(?:{_STUDY_PART}[ \t]*)?{_PART_ID}\b)*)?"
    r"|(?:participants|patients|subjects|volunteers|populations?))"
    r"(?:[ \t]+only)?[ \t]*\)?[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)


# a short Title Case name after the dash is a cohort's name, not a criterion ("Inclusion Criteria - Fanconi
# Cases", "Exclusion Criteria - Healthy Controls"); a criterion reads as a phrase ("- Pregnant women")
_TITLE_LABEL = re.compile(r"[A-Z][\w'-]*(?:[ \t]+(?:[A-Z0-9][\w'-]*|of|and|with|the|for|in|or)){0,4}[ \t]*:?[ \t]*")


def _prefix_label(pre: str | None) -> str | None:
    return (pre or "").strip(" :-–") or None


# after a header's colon, the cohorts, groups or parts the section applies to and nothing else ("Cohorts 1, 2,
# & 3", "Part A only", "Group 1 (lopinavir/ritonavir)", "all groups"): a qualifier of the header, not a criterion
_GROUP_ID = r"(?:[0-9]{1,2}[A-Za-z]?|[A-Z]|[IVX]{1,4})"
_SCOPE_AFTER_COLON = re.compile(
    rf"(?:(?:for|in)[ \t]+)?(?:(?:all|both)[ \t]+)?(?:cohorts?|groups?|arms?|parts?|stages?|phases?|sub-?stud(?:y|ies)|populations?|strat(?:a|um)|periods?|segments?)"
    rf"(?:[ \t]*{_GROUP_ID}(?:[ \t]*(?:,|&|and|or|/|-|–|to)[ \t]*(?:&[ \t]*|and[ \t]+)?{_GROUP_ID})*)?"
    r"(?:[ \t]+only)?(?:[ \t]*\([^()\n]{1,60}\))?[ \t]*[:：]?[ \t]*",
    re.IGNORECASE,
)
# an auxiliary or a verb of a sentence in what follows the header words: "… will be used", "… are listed below",
# "… do not apply", "… may vary"
_SENTENCE_VERB = re.compile(
    r"\b(?:will|shall|would|must|should|may|might|can|could|are|is|were|was|do|does|did|apply|applies|vary|varies)\b", re.IGNORECASE
)
_COMPARED_NUMBER = re.compile(r"[<>≤≥]=?[ \t]*[0-9]")


# what registrants put between a header and its first item when the line break is lost: a colon, a
# semicolon, a full stop, a comma, dashes, a bar, an arrow, in ASCII or full width, alone or together
# (a slash too: "Inclusion Criteria / 1. …", the field name and its first item joined by a slash)
_HEADER_PUNCT = frozenset(":：;；.。,，-–—|>»→=\\*/")
# a header written inside brackets or quotes closes them before its first item ("(Exclusion criteria) - …",
# "【Inclusion criteria】1. …", "<Exclusion Criteria> * …"): the closer is the header's punctuation
_HEADER_OPENERS = "(【《「『{<«〔〈["
_HEADER_CLOSERS = frozenset(")】》」』}>»〕〉]")


def _header_glyph(ch: str) -> bool:
    """A character that may stand between a header and its first item: the punctuation above, a closing bracket, or
    any non-ASCII punctuation mark, arrow, bullet or geometric symbol ("Inclusion criteria ▶ 1. …", "… ➢ - …", "… ⇒ …")."""
    if ch in _HEADER_PUNCT or ch in _HEADER_CLOSERS:
        return True
    return ord(ch) > 0x7F and unicodedata.category(ch) in ("Po", "Pd", "Pi", "Pf", "Sm", "So")


_TEXT_BREAK = re.compile(r"<br[ \t]*/?[ \t]*>|\\n", re.IGNORECASE)


def _core_end(m: re.Match) -> int:
    """Where the header's own words end (before a qualifier or a colon)."""
    for g in ("qual", "colon"):
        if m.group(g) is not None:
            return m.start(g)
    return m.end("h")


def _punctuation_then_marker(text: str, k: int, end: int, markdown: bool, colon_ok: bool = False) -> tuple[int, int] | None:
    """After the header's words at ``k``: punctuation other than a plain colon, then a list marker (an
    ordinal, or a bullet followed by text), as (end of the header with its punctuation, start of the
    marker); None otherwise. The dash or bullet just before the item may be the item's own marker
    ("- - Male …": the header's dash, then the item's bullet)."""
    j = _skip_ws(text, k, end)
    punct = ""
    last_end = k
    while j < end and len(punct) < 6:
        ch = text[j]
        if punct and (colon_ok or punct.strip(" \t") not in (":", "：", "\\:")):
            mk = _match_marker(text, j, markdown)
            if mk is not None and (mk[2] is not None or mk[1] in ("-", "*", "•", "+")):
                after = _skip_ws(text, mk[5], end)
                if after < end and (mk[2] is not None or mk[5] < after):
                    return last_end, j
        brk = _TEXT_BREAK.match(text, j, end)
        if brk is not None:
            ch, nxt = ";", brk.end()  # an HTML break or an escaped newline left in the text: a separator
        elif text.startswith(("**", "__"), j):
            nxt = j + 2  # Markdown bold closing the header ("**Inclusion Criteria** - Age …", "__Exclusion Criteria__: 1. …")
        elif _header_glyph(ch):
            nxt = j + 1
        else:
            return None
        punct += ch
        last_end = nxt
        j = _skip_ws(text, nxt, end)
    return None


# one or two words before the header words at a line's start ("Essential inclusion criteria", "Summary of
# exclusion criteria", "Selected inclusion criteria", "Core eligibility - exclusion criteria")
_WORDS_BEFORE_HEADER = re.compile(r"(?:[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)?(?:[ \t]+|[ \t]*[-–—][ \t]*)){1,2}(?=[A-Za-z])")
_ONE_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)?(?:[ \t]+|[ \t]*[-–—][ \t]*)")
# a list marker inside a would-be qualifier: it is a list, not a header's qualifier
_MARKER_INSIDE = re.compile(r"(?:^|\s)(?:[0-9]{1,2}|[A-Za-z])[.)][ \t]")
_QUALIFIER_MAX = 90
# the blanks at the text's start (measured without copying the text before a line: "text[:pos].strip()" made every
# bulleted line cost the length of the text before it)
_LEADING_BLANKS = re.compile(r"\s*")
_BRACKETED = re.compile(r"\([^()\n]*\)")


def _dash_then_study_part(text: str, pos: int, end: int) -> bool:
    """From ``pos`` to the line's end: the header's words, a dash, then only the parts of the study the section is for
    ("Inclusion Criteria - Phases 1 & 2", "Exclusion Criteria – (Cohort B only)")."""
    d = _DASH_ITEM.search(text, pos, end)
    return d is not None and _STUDY_PART_TAIL.fullmatch(text, d.end(), end) is not None


def _words_then_glued_header(text: str, hp: int, end: int, markdown: bool):
    """One or two words, then a section header glued onto its first item ("Essential inclusion criteria: - Age …",
    "Selected exclusion criteria: 1. …"), as ``_header_at``'s tuple with the words in the header, or None. Only with the
    first item's marker on the line: alone on its line such a header is read by ``_LOOSE_HEADER``."""
    w = _WORDS_BEFORE_HEADER.match(text, hp, end)
    if w is None:
        return None
    one = _ONE_WORD.match(text, hp, w.end())
    for at in dict.fromkeys((one.end() if one else w.end(), w.end())):  # after one word, then after two
        h = _header_at(text, at, end, markdown, lead_words=False)
        if h is None or h[0] not in ("inclusion", "exclusion") or h[6] or h[1] != at:
            continue
        if h[3] >= end:
            if _dash_then_study_part(text, at, end):
                # "Angiographic Inclusion Criteria - Phases 1 & 2" alone on its line, the list below: the header with
                # the words before it and its own qualifier (the part of the study it is for), not a glued item
                return h[0], hp, h[2], h[3], h[4], False, False
            continue
        mk = _match_marker(text, h[3], markdown)
        if mk is None or not (mk[2] is not None or mk[1] in ("-", "*", "•", "+")):
            continue
        return h[0], hp, h[2], h[3], h[4], False, False
    return None


def _free_qualifier_then_marker(text: str, k: int, end: int, markdown: bool) -> tuple[int, int] | None:
    """After the header's words at ``k``: a qualifier of any words (a blank, a comma or a bracket first; no list marker,
    no sentence end, at most 12 words), then punctuation and the first item's marker ("Exclusion criteria as per
    protocol: - …", "Inclusion criteria applicable to every participant: 1. …", "Inclusion criteria (both arms) ; 1.
    …"), as (end of the qualifier, start of the marker); None otherwise. A verb in the qualifier ("… include, but are not
    limited to:") is a lead-in only before a colon ("Inclusion criteria were met. 1. …" is a sentence)."""
    if k >= end or text[k] not in " \t,(":
        return None
    j, depth, stop = k, 0, -1
    lim = min(end, k + _QUALIFIER_MAX)
    while j < lim:
        ch = text[j]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0 and text[k:j].lstrip(" \t").startswith("("):
                # "Inclusion Criteria (see protocol for details) 1. Age …": a bracketed aside, then at once the first
                # item's marker (no punctuation between them)
                after = _skip_ws(text, j + 1, end)
                mk = _match_marker(text, after, markdown)
                if mk is not None and (mk[2] is not None or mk[1] in ("-", "*", "•", "+")) and _skip_ws(text, mk[5], end) < end:
                    return j + 1, after
        elif depth == 0 and ch != "," and _header_glyph(ch):
            if ch in "-–—" and not text[j - 1 : j].isspace():
                pass  # "PD-1", "follow-up": a hyphen inside a word
            elif ch == "." and j + 1 < end and not text[j + 1].isspace():
                pass  # "version 3.0", "e.g.": a full stop inside a word or a number
            elif ch == "/" and not text[j - 1 : j].isspace():
                pass  # "v1/2", "phase I/II": a slash inside a word or a number
            else:
                stop = j
                break
        j += 1
    if stop <= k or depth:
        return None
    qual = text[k:stop]
    words = qual.split()
    if not words or len(words) > 12 or _MARKER_INSIDE.search(_BRACKETED.sub(" ", qual)):
        return None
    punct = _punctuation_then_marker(text, stop, end, markdown, colon_ok=True)
    if punct is None:
        return None
    if _SENTENCE_VERB.search(qual) and not text[stop : punct[1]].strip(" \t").startswith((":", "：", "\\:")):
        return None
    while stop > k and text[stop - 1] in " \t":
        stop -= 1
    return stop, punct[1]


def _header_at(text: str, pos: int, end: int, markdown: bool = False, lead_words: bool = True):
    """A section header starting at ``pos`` (after an optional bullet/ordinal prefix) or None.

    Returns (kind, start, end, rest, label, weak, sentence): ``rest`` where the text after the header
    starts, ``weak`` for forms that a wrapped sentence could produce ("Inclusion:"), ``sentence`` for a
    lead-in sentence ("Patients will be excluded if:")."""
    pm = _HEADER_PREFIX.match(text, pos, end)
    hp = pm.end() if pm else pos
    bracketed = hp == pos and hp < end and text[hp] in _HEADER_OPENERS
    if bracketed:
        hp = _skip_ws(text, hp + 1, end)  # "(Exclusion criteria) - …", "【Inclusion criteria】1. …": read inside the bracket
    m = _HEADER_RE.match(text, hp, end)
    if not m and (hp == pos or bracketed) and lead_words:
        glued = _words_then_glued_header(text, hp, end, markdown)
        if glued is not None:
            return glued
    if not m and bracketed:
        return None
    if not m:
        # a lead-in sentence on a line of its own, not behind a list marker ("3. Patients who cannot ...:" is an item)
        # (a bullet may stand before it on the text's first line: "-  Participants will be able to enroll if they:")
        own = hp == pos or text.startswith(("**", "#"), pos) or _LEADING_BLANKS.match(text).end() >= pos  # on the text's first line
        sh = _sentence_header(text, hp, end) if own else None
        if sh is None and own:
            marked = _sentence_header_then_marker(text, hp, end, markdown)
            if marked is not None:
                # "Participants are not eligible if: - Pregnant …", "The following inclusion criteria apply: 1. Age …":
                # the lead-in sentence, then its first item on the same line
                return marked[0], hp, marked[1], marked[2], None, False, True
        if sh is not None:
            # without a colon it is weak: a line that continues a sentence is not a header
            return sh[0], hp, sh[1], end, None, not text[hp : sh[1]].rstrip(" *").endswith((":", "：")), True
        if end - hp <= 90:
            lm = _LOOSE_HEADER.match(text, hp, end)
            if lm:
                w = lm.group("w").lower()
                kind = "inclusion" if w.startswith("incl") else "exclusion" if w.startswith("excl") else "other"
                hs, he = lm.start("h"), lm.end("h")
                return kind, hs, he, end, None, True, False
        return None
    g = m.group
    if hp > pos and g("colon") and not re.search(r"[:：]", g("colon")) and re.search(r"[A-Za-z]", g("colon")):
        # "-  Other exclusion criteria include the presence of …" behind a list marker: an item's sentence that names
        # criteria, not a header with its verb ("Exclusion criteria include pregnancy" at a line's start is one)
        return None
    if g("non") or g("exc") or g("exc2") or g("exc3") or g("exc4"):
        kind = "exclusion"
    elif g("comb") or g("comb3"):
        kind = "other"  # "Eligibility criteria:", "Inclusion/Exclusion Criteria:": one combined list
    elif g("inc2") and g("inc2").lower() != "inclusion" and g("qual") and _OUT_WORDS.search(g("qual")):
        # "Criteria for Participation Exclude if:", "Criteria for entry - not eligible if:": a neutral name whose
        # own words say who is out opens the exclusion list (a sub-heading under "Exclusion Criteria:")
        kind = "exclusion"
    else:
        kind = "inclusion"
    hs, he = m.start("h"), m.end("h")
    core = _core_end(m)
    punct = _punctuation_then_marker(text, core, end, markdown)
    if punct is None and not g("colon") and (g("inc") or g("exc") or g("non") or g("inc2") or g("exc2")):
        # "Exclusion criteria as per protocol: - …", "Inclusion criteria (both arms) ; 1. …": the header words, a
        # qualifier of any words, then punctuation and the first item's marker
        punct = _free_qualifier_then_marker(text, m.end("h") if not g("qual") else m.start("qual"), end, markdown)
        if punct is not None:
            core = punct[0]
    if punct is not None:
        # "Inclusion Criteria; - Age …", "EXCLUSION CRITERIA - - Pregnancy", "Inclusion Criteria — 1. …": the
        # header (its words: the punctuation is no part of its name), any punctuation, then the first item's marker
        while core > hs and text[core - 1] in " \t*_":
            core -= 1
        return kind, hs, core, punct[1], _prefix_label(g("pre")), False, False
    if bracketed:
        return None  # a bracketed header is taken only with its first item glued on ("(Inclusion criteria apply …)" is a note)
    while he > hs and text[he - 1] in " \t":
        he -= 1
    rest = _skip_ws(text, m.end(), end)
    # strip Markdown bold around a header: "**Inclusion Criteria:**", "__Inclusion Criteria:__"
    if text.startswith(("**", "__"), rest):
        rest = _skip_ws(text, rest + 2, end)
    has_colon = bool(g("colon"))
    dash = (
        _DASH_ITEM.match(text, m.start("qual") if g("qual") else he, end)
        if not has_colon and (g("inc") or g("exc") or g("non") or g("inc2") or g("exc2"))
        else None
    )
    if (
        dash
        and not _DASH_QUALIFIER.match(text, dash.end(), end)
        and not _TITLE_LABEL.fullmatch(text, dash.end(), end)
        and not _STUDY_PART_TAIL.fullmatch(text, dash.end(), end)
    ):
        # "Exclusion Criteria - Pregnant women ...": a dash after the header introduces its first
        # criterion, not a qualifier ("Inclusion Criteria - for Phase I", "- Part A"), so the
        # header ends before the dash and the item after it is kept
        he = m.start("qual") if g("qual") else m.end("h")
        while he > hs and text[he - 1] in " \t":
            he -= 1
        # the item starts at the dash, which reads as its bullet
        return kind, hs, he, _skip_ws(text, dash.start(), end), _prefix_label(g("pre")), False, False
    if g("qual") and not has_colon:
        # "Inclusion Criteria Stage 1", "Inclusion Criteria - for Phase I"; not a sentence
        # ("Exclusion criteria of the parent study do not apply")
        q = g("qual").strip(" ,\t").lower()
        if len(q) > 45 or not re.match(
            r"(?:part|stage|phase|cohort|arm|group|sub-?study|step|period|general|all|additional|specific|common|[0-9(\-–—]|for\b)", q
        ):
            return None
        if _SENTENCE_VERB.search(q):
            # "Key inclusion and exclusion criteria for healthy volunteers will be used": a sentence about the
            # criteria (a verb, no colon), not a header over them
            return None
    if not has_colon and not text[hs:he].lower().rstrip(" ]*_").endswith(
        ("criteria", "criterion", "inclusion", "exclusion", "exclusions", "inclusions")
    ):
        if not g("qual"):
            return None
    if rest < end and not has_colon:
        # text follows a header without a colon: only a header when an ordinal marker follows
        # ("inclusion criteria (2) Expected ..."), or a capitalised first criterion follows a
        # header that starts its line ("Inclusion criteria Healthy male and female volunteers");
        # not in a sentence ("Inclusion criteria met", "Exclusion criteria of the parent study")
        mk = _match_marker(text, rest, False)
        # a bullet that cannot be a dash ("Inclusion Criteria * Self-identified caregiver") also
        # starts the first criterion
        if not mk or (mk[2] is None and mk[0] not in ("*", "•")):
            words = text[hs:he].split()
            # (or a comparator: "Exclusion Criteria <18 years of age" is the header run into its first item)
            opens = text[rest].isupper() or (text[rest] in "<>≤≥" and _COMPARED_NUMBER.match(text, rest, end) is not None)
            if not (hp == pos and len(words) == 2 and words[1].lower() == "criteria" and opens and not g("qual")):
                return None
    label = _prefix_label(g("pre"))
    scope = _SCOPE_AFTER_COLON.fullmatch(text, rest, end) if has_colon and rest < end else None
    if scope is not None:
        # "Exclusion Criteria: Cohorts 1, 2, & 3": the groups the section applies to, not its first item
        label = " ".join(x for x in (label, text[rest:end].strip()) if x)
        return kind, hs, he, end, label, False, False
    if g("qual"):
        q = g("qual").strip(" ,-–—(").strip()
        label = " ".join(x for x in (label, q) if x) or None
    weak = bool(g("comb3") or g("inc3") or g("exc3") or g("inc4") or g("exc4"))
    return kind, hs, he, rest, label, weak, False


# A header inside a line of flattened text: "... MUGA scan. Exclusion Criteria: - Use of ...",
# "... prior to screening Exclusion\nCriteria: ..." (a colon is required; a lower-case header word
# must follow a sentence end or a dash, so that "meets the following exclusion criteria:" inside
# a sentence is not taken for a header).
# One family of header forms: an optional qualifier ("Key", "Main"), then "inclusion/exclusion/
# ineligibility criteria", "criteria for exclusion", or a bare "Exclusions" (a colon required for
# that one); an optional Markdown bold "**" before it and an escaped colon ("\\:") after it (v2).
_MIDLINE_CAND = re.compile(
    r"(?:\*\*)?(?:(?:key|main|major|general|additional|specific)[ \t]+)?"
    # (the two words may be split by a line break: "... kg/m^2. Exclusion\nCriteria: - ...")
    r"(?:(?:inclusion|exclusion|ineligibility)s?(?:[ \t]+|[ \t]*\r?\n[ \t]*)criteria|criteria[ \t]+for[ \t]+(?:inclusion|exclusion)|(?:inclusion|exclusion)s?(?=[ \t]*\\?:))"
    r"(?P<colon>[ \t]*\\?:)?(?:\*\*)?",
    re.IGNORECASE,
)
_AFTER_UPPER = re.compile(r"[ \t]*(?:\n|$|[0-9]{1,2}[.)][ \t]|\([0-9]{1,2}\)[ \t]|[-•][ \t])")
_AFTER_EOL = re.compile(r"[ \t]*(?:\n|$)")


def _midline_candidates(text: str):
    """``_MIDLINE_CAND`` matches that start a word (a scan over the text; the pattern has no nested quantifiers)."""
    for m in _MIDLINE_CAND.finditer(text):
        st = m.start()
        if st and (text[st - 1].isalnum() or text[st - 1] in "-/"):
            continue  # "Non-inclusion criteria", "inclusion/exclusion criteria"
        yield m


_SECTION_WORDS = re.compile(r"inclusion|exclusion|eligib|criteri", re.IGNORECASE)


def _own_line_header_with_qualifier(text: str, ls: int, hs: int, he: int) -> bool:
    """The line is a header with a short qualifier of its own before it ("Treatment Sub study Inclusion
    Criteria:", "Phase 2 Exclusion Criteria:"): no list marker, a colon that ends the line, and the line
    before ends a sentence (or there is none), so the words before the header are not a criterion's tail."""
    if not text[hs:he].rstrip(" \t*").endswith((":", "：")) or not _AFTER_EOL.match(text, he):
        return False
    le = text.find("\n", he)
    le = len(text) if le < 0 else le
    lead = _skip_ws(text, ls, hs)
    pm = _HEADER_PREFIX.match(text, lead, hs)
    if (pm and pm.end() > lead) or not _LOOSE_HEADER.fullmatch(text, lead, le):
        return False  # "- Signed consent Exclusion Criteria:": a list item's line, its header run into its end
    if _SECTION_WORDS.search(text, ls, hs):
        return False  # "Inclusion Criteria and Exclusion Criteria:": two headers on one line, not a qualifier
    prev = text[:ls].rstrip()
    return not prev or prev[-1] in ".;:!?)"


def _midline_headers(text: str) -> list[tuple[int, int]]:
    """Spans of section headers that do not start a line (see the comment above)."""
    out = []
    for m in _midline_candidates(text):
        hs, he = m.start(), m.end()
        ls = text.rfind("\n", 0, hs) + 1
        before = text[ls:hs]
        if not before.strip():
            continue  # at the start of its line: the ordinary header logic handles it
        if before[-1] not in " \t":
            continue  # "Non-inclusion criteria:"
        pm = _HEADER_PREFIX.match(text, ls + len(before) - len(before.lstrip()), hs)
        if pm and pm.end() >= hs:
            continue  # "A. INCLUSION CRITERIA", "• Exclusion criteria:": a header behind a marker
        if _own_line_header_with_qualifier(text, ls, hs, he):
            continue  # "Treatment Sub study Inclusion Criteria:" on its own line: the ordinary header logic reads it
        b = before.rstrip(" \t")
        if not b or len(before) - len(b) > 1 and not b.endswith(("-", "–")):
            continue
        last = b[-1]
        word = text[hs:he].lstrip(" \t*")
        capital = word[:1].isupper()
        upper = word[:9].isupper()
        if "\n" in text[hs:he] and not m.group("colon"):
            continue  # split over two lines, a header only with its colon ("Exclusion\nCriteria:")
        if m.group("colon"):
            if last in ".;!?)-–" or (capital and (last.isalnum() or last in ",)")):
                out.append((hs, he))
        elif capital and (last.islower() or last.isdigit() or last in ",.;)"):
            if (upper and _AFTER_UPPER.match(text, he)) or _AFTER_EOL.match(text, he):
                out.append((hs, he))
            elif (qe := _study_part_closing_line(text, he)) is not None and _words_then_glued_header(
                text, _skip_ws(text, ls, hs), qe, False
            ) is None:
                # "… ≤16 mm in length Inclusion Criteria - Phase 2": the header with its qualifier run into an item's end
                # (not "Angiographic Inclusion Criteria - Phases 1 & 2" alone on its line: the ordinary header logic reads it)
                out.append((hs, qe))
            elif last in ".;)" and (tail := _header_closing_line(text, hs)) is not None:
                out.append(tail)  # "… consent. Exclusion criteria are as follows:", "… Exclusion criteria for both groups:"
    seen = {hs for hs, _ in out}
    out += [t for t in _lead_ins_closing_lines(text) if t[0] not in seen]
    return sorted(out)


def _study_part_closing_line(text: str, he: int) -> int | None:
    """After header words without a colon at ``he``: a dash and only the parts of the study the section is for, to the
    line's end ("- Phase 2", "– Cohorts A & B"), as the end of that qualifier; None otherwise."""
    d = _DASH_ITEM.match(text, he)
    if d is None:
        return None
    le = text.find("\n", he)
    le = len(text) if le < 0 else le
    if le - he > _QUALIFIER_MAX or _STUDY_PART_TAIL.fullmatch(text, d.end(), le) is None:
        return None
    while le > he and text[le - 1] in " \t":
        le -= 1
    return le


def _header_closing_line(text: str, hs: int) -> tuple[int, int] | None:
    """The header at ``hs`` (with its qualifier or verb: "Exclusion criteria are as follows:", "Criteria of exclusion:",
    "Exclusion criteria for both groups:") runs to the end of its line and ends it with a colon, as (start, end)."""
    le = text.find("\n", hs)
    le = len(text) if le < 0 else le
    while le > hs and text[le - 1] in " \t*":
        le -= 1
    if le - hs > _SENTENCE_MAX or not text[hs:le].endswith((":", "：")):
        return None
    h = _header_at(text, hs, le)
    if h is None or h[0] not in ("inclusion", "exclusion") or h[2] < le - 1 or h[3] < le:
        return None
    return h[1], h[2]


# a sentence end inside a line, then a capitalised word: where a section's lead-in may start
_SENTENCE_END_IN_LINE = re.compile(r"[.;!?。；][ \t]+(?=[A-Z])")
# what stands before a list marker's dot on its line ("12. Contraindication for …:" has no sentence end)
# (an outline number too: "-  III.I. INITIAL EVALUATION INCLUSION CRITERIA …:")
_MARKER_ONLY = re.compile(r"[ \t]*(?:[-*•][ \t]*)?\(?(?:[0-9A-Za-z]{1,4}[.)])*[0-9A-Za-z]{1,4}\)?[ \t]*")


def _lead_ins_closing_lines(text: str) -> list[tuple[int, int]]:
    """Section openings run into the end of a criterion's line after its sentence end: a header with its qualifier
    or verb ("… consent. Criteria of exclusion:", "… Reasons for exclusion:") or an exclusion lead-in sentence ("…
    Age 12 and above. Participants are not eligible if they meet any of the following:"), which ends the line with a
    colon. An inclusion lead-in there is an item's own lead-in to its sub-list ("… as below. Patients must meet all
    of the following:"), so only the exclusion ones are taken; each line is scanned once from its last 160 characters."""
    out = []
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        le = n if nl < 0 else nl
        end = le
        while end > pos and text[end - 1] in " \t*":
            end -= 1
        if end > pos and text[end - 1] in ":：":
            last = None
            for m in _SENTENCE_END_IN_LINE.finditer(text, max(pos, end - _SENTENCE_MAX - 2), end):
                last = m
            if last is not None and _MARKER_ONLY.fullmatch(text, pos, last.start()):
                last = None  # the line's own marker, not a sentence end
            if last is not None and text[le + 1 : le + 400].lstrip()[:1].islower():
                last = None  # "… will be excluded:" then "ketoconazole, …": a wrapped sentence goes on, not a list
            if last is not None:
                h = _header_at(text, last.end(), end)
                if h is not None and h[1] == last.end() and h[2] >= end - 1 and h[3] >= end and (h[0] == "exclusion" or not h[6]):
                    if h[0] in ("inclusion", "exclusion"):
                        out.append((h[1], h[2]))
        pos = le + 1
    return out


def midline_kind(text: str, hs: int, he: int) -> str:
    """The section kind of a header found inside a line (``_midline_headers``): what its words say ("Participants are
    not eligible if …" is an exclusion lead-in although it names no exclusion)."""
    h = _header_at(text, hs, he)
    if h is not None and h[0] in ("inclusion", "exclusion"):
        return h[0]
    return "exclusion" if any(w in text[hs:he].lower() for w in ("xclu", "inelig")) else "inclusion"
