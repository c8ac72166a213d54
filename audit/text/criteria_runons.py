"""Items run into the line of the item before: run-on markers and bullets, and the separators that stand where a
line break was lost ("… test；- Subject …", "… visits 4) Subject is …", "…; and 3. Women …").

Used by the line tokeniser (``criteria_tokens``): ``_run_on_markers`` finds the next numbers (letters) of the
line's own list inside its text, ``_run_on_bullets`` the bullets; both return (start, marker, style, number,
text start) for each inline item.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from trial_audit.text.criteria_headers import _header_at
from trial_audit.text.criteria_markers import _skip_ws, glyph_for, split_marker
from trial_audit.text.criteria_model import int_to_roman
from trial_audit.text.criteria_modes import starts_like_exclusion, starts_like_requirement

if TYPE_CHECKING:
    from trial_audit.text.criteria_tokens import _Tok

_TO_FULL_WIDTH = str.maketrans("0123456789", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19")

# what registrants (or an export) put where a line break between two criteria was lost: punctuation (also
# the Arabic semicolon and comma of Persian / Arabic registrants), an HTML break or an escaped newline left in the text ("…<br>- Age …", "…\\n2. Signed …")
# A bullet-like glyph between two criteria stands for the lost break too, whatever its shape: a middle dot (・ ･ ∙ ⋅ ‣ ⁃),
# an arrow (→ ⇒ ➔), a geometric shape (▪ ◦ ○ ■ ► ◆), a dingbat (✓ ➢ ❖), a presentation-form colon or semicolon (︰ ﹔ ﹕)
_GLYPH_SEPARATOR = "\u2022\u2023\u2043\u2219\u22c5\u30fb\uff65\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\ufe30\ufe50-\ufe57"
_SEPARATOR = rf"(?:[;；。、，,.:：|!?！？…•·؛،{_GLYPH_SEPARATOR}]|<br[ \t]*/?[ \t]*>|\\n)"
_INLINE_GATE = re.compile(r"[;:.；：。][ \t]*[(（]?[1-9\uff11-\uff19]")


# what may follow a run-on marker: a capital, an opening bracket or a CJK character ("… visits
# 4) Subject is …", "1、rheumatic … 2、mitral …" also takes a lower-case word after "、")
_RUN_ON_NEXT = re.compile(r"[ \t]*[A-Z(（\u3400-\u9fff]")
# "a) UPCR of 1.0 or more OR b) UPCR above 0.5 ...", "(a) positive CSF ink, (b) culture ...":
# options joined by a comma or a connective are one criterion's enumeration, not run-on items
_CHOICE_JOINER = re.compile(r"(?:,|\b(?:or|and|and/or))[ \t]*$", re.IGNORECASE)
_RUN_ON_NEXT_IDEOGRAPHIC = re.compile(r"[ \t]*[^\s0-9\uff10-\uff19]")


# after "; " or ". " a run-on marker may be followed by any criterion start that is not a lower-case
# word or a bare number ("... visits; 5. ≥10% body surface area")
_RUN_ON_AFTER_STOP = re.compile(r"[ \t]+[^\sa-z0-9\uff10-\uff19]")


# the next number of the line's own list right after a separator that ends a criterion, with or without a
# blank and an optional "and" ("… visits；5. ≥10% …", "… used、3. voluntarily …", "… follow-up.3. Able …",
# "…; and 3. Women …", "… drugs / 2. Pregnant …", "… onset<TAB>4. Sequencing …"); not after a number ("version
# 2.3. The …"), and "or" joins one criterion's options ("… for ≥3 days; or ii) Hospitalization …")
# A spaced dash after a word ("… visits - 5. ≥10% …", "… hip - - pregnancy") and a colon-dash (":- - Drugs …") stand
# for a lost line break too: between two criteria a registrant or an export puts a dash where the break was; a dash
# after a number is a range ("PS of 0 - 2. See …") and is not taken
_DASH_SEPARATOR = r"(?:(?<=[^\s0-9])[ \t]+[-–—]{1,2}|[:：][-–—])"
# before a bullet a number may end the criterion ("… platelets less than 50 - - Definite diagnosis …"): a dash then a
# bullet is no range
_DASH_SEPARATOR_BULLET = r"(?:(?<=\S)[ \t]+[-–—]{1,2}|[:：][-–—])"
_SEPARATED_MARKER = re.compile(rf"(?:{_SEPARATOR}|{_DASH_SEPARATOR}|(?<![+\-])/|\t)[ \t]*(?:and[ \t]+)?$", re.IGNORECASE)
# after ";" "." ":" "," a lower-case word after the marker is an enumeration of one sentence's parts ("(a)
# female; (b) aged 45 years or older; …" under a lead-in, "… with;- stable daily dose …"), as before; after a
# separator a sentence does not use (ideographic marks, a tab, "/", "|") a lower-case criterion is one too
_PLAIN_STOPS = ";.:,"
_LOWER_START = re.compile(r"[ \t]*[a-z]")
_WORD_START = re.compile(r"[ \t]*[^\s0-9\uff10-\uff19]")


def _separated_marker(text: str, lo: int, k: int, after: int, hi: int) -> bool:
    """The marker at ``k`` (its text from ``after``) follows a separator that ends the criterion before it
    (see ``_SEPARATED_MARKER``) and a word follows it."""
    m = _SEPARATED_MARKER.search(text, max(lo, k - 16), k)
    if m is None or m.start() <= lo or not _WORD_START.match(text, after, hi):
        return False
    sep = text[m.start()]
    if sep in ".,:" and text[m.start() - 1].isdigit():
        return False  # "version 2.3. The …", "grade 1, 2. The …", "ratio 1:2. …": a number's own punctuation
    if sep == "." and _abbreviation_dot(text, lo, m.start()):
        return False  # "… vaccine i.e. SARSCoV-1 …": the "e." of "i.e." after item "d." is no item "e."
    against = m.end() - m.start() == 1  # the separator written against the marker
    if sep in ",，" and not against:
        # "… or more, or b) UPCR above …", "(a) positive ink, (b) culture": a comma joins one sentence's
        # options; only a comma written against the marker ("…consent,3. Able …") stands for a lost line break
        return False
    return not (_lower_after_plain_stop(sep, against) and _LOWER_START.match(text, after, hi))


def _lower_after_plain_stop(sep: str, against: bool) -> bool:
    """A lower-case word after a marker behind ``sep`` continues one sentence's enumeration: after ";" ":" ","
    and ". " ("(a) female; (b) aged 45 …"); a full stop or a comma written against the marker ends a criterion
    ("… ultrasound.- previous GI surgeries", "… chronic diseases,- pregnancy or lactation": no registrant writes a
    comma against a dash or a number inside one sentence; none of the 10,842 tune-part criteria texts has ",- " before
    a lower-case word)."""
    return sep in _PLAIN_STOPS and not (sep in ".," and against)


def _after_sentence_end(text: str, lo: int, k: int) -> bool:
    j = k
    while j > lo and text[j - 1] in " \t":
        j -= 1
    return j > lo and text[j - 1] in ";.。；"


# a bullet of the line's own kind run into its text ("Age ≥18 years * Fluency in English"):
# "*" and "•" only (a "-" mid-line is a dash), before a capital or a CJK character
# (after a sentence end "; * the presence of ..." any word may follow; a "-" only there, as
# elsewhere a mid-line "-" is a dash)
_BULLET_RUN_ON = {
    "*": re.compile(r"(?<=[^\s*])[ \t]+(\*)[ \t]+(?=[A-Z\u3400-\u9fff])|(?<=[;.])[ \t]+(\*)[ \t]+(?=[A-Za-z])"),
    "•": re.compile(r"(?<=\S)[ \t]*(•)[ \t]*(?=\S)"),
    "-": re.compile(r"(?<=[;.])[ \t]+(-)[ \t]+(?=[A-Za-z])"),
}
# in any bulleted list, a bullet of another kind after a sentence end and before a capitalised word
# ("- HLA A2+; * HIV negativity.", "* BMI 25-40 kg/m2. - Colonoscopy within 3 years"): a bulleted
# line's next item, not a dash or an enumeration (those follow a colon or a lower-case word)
_ANY_BULLET_AFTER_STOP = re.compile(r"(?<=[;.])[ \t]+([-*•])[ \t]+(?=[A-Z][a-z]|[A-Z]{2})")
# the line's own bullet right after a separator that ends a criterion, with or without a blank between and
# with an optional "and" / "or" ("…test；- Subject …", "…ultrasound。- previous …", "…stages、* the …", "…study.-
# Participants …", "…onset; or<TAB>- Expected …", "…; and - Willing …", "… / - Signs …"): a pasted list whose line
# breaks were lost, whatever separator the registrant or the export put in their place. A word (not a
# number: "; - 5 mmHg") must follow, and after ";" "." ":" "," written against the bullet not a lower-case one
# ("… screening with;- stable daily dose …"). Left as text: "+/- pain" (a plus-or-minus), "1.- " (a Spanish-
# style number marker), ":-" written against a colon (CTRI's "Inclusion criteria:- …" punctuation)
_SEPARATED_BULLET = re.compile(
    rf"(?:(?P<dash>{_DASH_SEPARATOR_BULLET})|(?P<sep>{_SEPARATOR})|(?<![+\-])/|\t)[ \t]*(?:and[ \t]+)?(?P<b>[-*•])[ \t]+(?=[^\s0-9\uff10-\uff19])",
    re.IGNORECASE,
)


def _abbreviation_dot(text: str, lo: int, k: int) -> bool:
    """The full stop at ``k`` closes a one-letter abbreviation ("i.e.", "e.g.", "U.S."): a single letter before it,
    after a blank, the line's start or another full stop."""
    return k - 1 >= lo and text[k - 1].isalpha() and (k - 2 < lo or not text[k - 2].isalnum())


def _plus_before(text: str, lo: int, k: int) -> bool:
    """A "+" (blanks between) stands right before the "/" at ``k``: "+ / -", "+ /-" are a plus-or-minus
    written with spaces, like "+/-" and "±" ("with or without"), inside one criterion."""
    j = k
    while j > lo and k - j < 8 and text[j - 1] in " \t":
        j -= 1
    return j > lo and text[j - 1] == "+"


def _marker_number_before(text: str, lo: int, k: int) -> bool:
    """One to three digits standing alone before ``k`` ("1" in "… 1.- Age"), not the end of a word or range."""
    j = k
    while j > lo and text[j - 1].isdigit():
        j -= 1
    return 0 < k - j <= 3 and (j == lo or text[j - 1] in " \t(")


def _separated_bullets(text: str, lo: int, hi: int, bullet: str):
    """``_SEPARATED_BULLET`` hits of ``bullet`` in ``text[lo:hi]``, as (start, end) of the bullet."""
    for m in _SEPARATED_BULLET.finditer(text, lo, hi):
        if m.group("b") != bullet:
            continue
        k = m.start("b")
        sep = m.group("sep") or ""
        dash = m.group("dash")
        if dash is not None:
            if k == m.end("dash"):
                continue  # "Criteria -- Age", ":--": one long dash, not a dash then a bullet
            if dash[0] in ":：" and _LOWER_START.match(text, m.end(), hi):
                continue  # "malignancy:- - refractory to …": a lead-in's colon-dash before a lower-case part
            yield k, m.end("b")
            continue
        if text[m.start()] == "/" and _plus_before(text, lo, m.start()):
            continue  # "polyposis + / - colon cancer", "+ /- …": a spaced plus-or-minus, not a bullet after "/"
        if bullet == "-" and sep in (":", "：") and k == m.end("sep") and not (sep == "：" and _CAPITAL_AFTER.match(text, m.end("b"), hi)):
            # "Hemoglobin:- 9 g/dL", "Diagnosis:- Type 2 …": a colon-dash, not a bullet; a full-width colon written against
            # the bullet before a capitalised criterion ("… COVID-19：- Need for …") is where a line break was lost
            continue
        if sep == "." and (_marker_number_before(text, lo, m.start()) or _abbreviation_dot(text, lo, m.start())):
            continue  # "1.- Age …": a Spanish-style number marker ("… COVID-19.- Participants …" ends a sentence)
        if (
            _lower_after_plain_stop(sep, k == m.end("sep"))
            and _LOWER_START.match(text, m.end(), hi)
            and not (sep in ";." and k > m.end("sep"))
        ):
            continue  # "… screening with;- stable daily dose …": the parts of one sentence (after "; - " as before)
        yield k, m.end("b")


# the line's own bullet after a lower-case "and" / "or" (a comma before it or not) and before a capitalised word ("…
# lactation, or - Long-term use …", "… HIV seropositivity and - Mild to moderate …"): a criterion joined to the one before
# by a connective where its line break was lost. A lead-in's colon earlier in the item opens an enumeration of one
# criterion ("… dose of: - Metformin … and - Sulfonylurea"), a lower-case word after the bullet is one sentence's part
# ("… monotherapy or - diet and exercise …") and a capitalised "OR" / "AND" marks alternatives on purpose
# (a criterion may end with a number or a code before the connective: "… severe COVID-19, or - Participants …")
# the coordinating words that join two criteria: "and", "or", "and/or", "&", "plus", "nor", "as well as", "along with",
# "together with", optionally followed by an adverb ("and also", "and then", "and additionally"), or such an adverb alone
_CONNECTIVE = (
    r"(?:(?:and/or|and|or|&|plus|nor|as[ \t]+well[ \t]+as|along[ \t]+with|together[ \t]+with)"
    r"(?:[ \t]+(?:also|then|additionally|further|furthermore|moreover|likewise|besides))?"
    r"|also|then|additionally|furthermore|moreover|besides)"
)
_CONNECTIVE_BULLET = re.compile(
    rf"(?<=[^\W_]|[.)\]%])(?:[ \t]*,?[ \t]+{_CONNECTIVE}[ \t]+(?P<b>[-*•])[ \t]+(?=[A-Z])"
    # a comma before the connective closes the criterion before it: any word may open the next one ("… resection,
    # or - at least 18 years of age", "… hours, and - denied consent"); without the comma a lower-case word is
    # one sentence's part ("… monotherapy or - diet and exercise")
    rf"|[ \t]*,[ \t]*{_CONNECTIVE}[ \t]+(?P<c>[-*•])[ \t]+(?=[a-z]{{2}}))"
)
# the same before the list's own next number or letter ("… consent, or 5. Have a smartphone …", "… Obesity and 12. Other …")
_CONNECTIVE_BEFORE = re.compile(rf"(?:[^\W\d_]|[.)\]%])[ \t]*,?[ \t]+{_CONNECTIVE}[ \t]+$")
_LEAD_IN_COLON = re.compile(r"[:：](?:[ \t]|$)")


def _connective_bullets(text: str, lo: int, hi: int, bullet: str):
    """``_CONNECTIVE_BULLET`` hits of ``bullet`` in ``text[lo:hi]`` with no lead-in colon before them, as (start, end)."""
    colon = _first_lead_in_colon(text, lo, hi)
    for m in _CONNECTIVE_BULLET.finditer(text, lo, hi):
        g = "b" if m.group("b") else "c"
        if m.group(g) != bullet or colon < m.start():
            continue
        yield m.start(g), m.end(g)


def _first_lead_in_colon(text: str, lo: int, hi: int) -> int:
    """Where the first lead-in colon of ``text[lo:hi]`` stands, or ``hi``: found once per line, so that the checks
    of many markers on one line stay linear."""
    m = _LEAD_IN_COLON.search(text, lo, hi)
    return hi if m is None else m.start()


def _connective_marker(text: str, lo: int, k: int, after: int, hi: int, colon: int) -> bool:
    """The next marker of the line's own list at ``k`` follows a lower-case "and" / "or" after a word (not a number:
    "ECOG 0, 1 or 2. This …") and comes before a word, with no lead-in colon earlier in the item (see
    ``_CONNECTIVE_BULLET``; ``colon``: ``_first_lead_in_colon`` of the line)."""
    before = _CONNECTIVE_BEFORE.search(text, max(lo, k - 40), k)
    if before is None or colon < k:
        return False
    if _CAPITAL_AFTER.match(text, after, hi):
        return True
    # a lower-case word after the number: the next criterion ("… is used and 3. voluntarily joined …"), but not the
    # last part of one sentence's enumeration, written "1. …, 2. …, or 3. an …" (NCT00001229: "… one or more of the
    # following: 1. hypertensive episodes …, 2. abnormal levels …, or 3. an otherwise unexplained abdominal mass.")
    return _WORD_AFTER.match(text, after, hi) is not None and "," not in text[before.start() : k]


# the list's own next number after "and" / "or" opens the next criterion whatever the case of its first word ("…
# within 24 hours and 7. white blood cell count …"): an enumeration inside one criterion starts again at 1 or uses
# another marker form, and a number before the connective ("grades 1 and 2. …") is excluded by ``_CONNECTIVE_BEFORE``
_WORD_AFTER = re.compile(r"[ \t]+[^\W\d_]")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def _after_lead_in_line(text: str, line_start: int) -> bool:
    """The last line with text before ``line_start`` ends with a colon (a lead-in to the options below it)."""
    prev = text[max(0, line_start - 400) : line_start].rstrip()
    if not prev.endswith((":", "：", "\\:")):
        return False
    ls = max(0, line_start - 400) + prev.rfind("\n") + 1
    return _header_at(text, _skip_ws(text, ls, ls + len(prev)), max(0, line_start - 400) + len(prev)) is None  # not a section header


# in a "-" list, a "-" after a colon opens the line's first sub-item ("Patients must have: - HIV-1 infection",
# "Minor symptoms: - Frontal headache - Fever"): a label with its item, never a range or a dash
_DASH_AFTER_COLON = re.compile(r"(?<=[:：])[ \t]+(-)[ \t]+(?=[A-Z0-9])")
# in Markdown (ClinicalTrials.gov API v2) a literal asterisk in text is escaped ("\*"), so an unescaped
# " * " inside a line before a word is a bullet run into the line, whatever the case of the word ("…
# ml/min/m2 * active dental caries"; none of the 474 v2 texts of the tune part has one that is not);
# before a number it may be a product written without the escape ("weight (kg) * 100")
_MD_STAR_RUN_ON = re.compile(r"(?<=[^\s*\\])[ \t]+(\*)[ \t]+(?=[^\W\d_]{2})")


# a "-" bullet run into the text of the item before it with no punctuation ("Congestive heart failure -
# History of angina"): a spaced dash between a word and a capitalised word
_DASH_RUN_ON = re.compile(r"(?<=[a-z0-9)\]%])[ \t]+(-)[ \t]+(?=[A-Z][a-z]+[ \t])")
_WORD = re.compile(r"[^\W\d_]{2,}")
# what a spaced dash joins inside one criterion: a range, a label and its definition, a cohort
_DASH_IN_ONE = re.compile(r"[:=]|\b(?:part|cohort|arm|group|stage|phase|grade|type|class|step|period)\s+\S+\s*$", re.IGNORECASE)


def _dash_joins_two_criteria(text: str, lo: int, k: int, after: int, hi: int) -> bool:
    """The spaced dash at ``k`` ends one criterion and starts another: three words or more on each
    side (not "Stage III - IV", "Hepatitis B - Positive"), no label before it ("Renal function:
    creatinine - ...", "Cohort A - ..."), and a criterion's opening words after it."""
    before, rest = text[lo:k], text[after:hi]
    if len(_WORD.findall(before)) < 3 or len(_WORD.findall(rest[:120])) < 3:
        return False
    if _DASH_IN_ONE.search(before):
        return False
    # the text after the dash opens a criterion of its own ("History of …", "Any other condition …",
    # "Age 18 or older"); a definition or a scale's part follows a dash too ("… disease - New York Heart
    # Association class III", "Clinical Global Impression - Severity of Illness")
    return starts_like_exclusion(rest[:200]) or starts_like_requirement(rest[:200]) or _parallel_openings(text[lo:k], rest)


_OPENING = re.compile(r"[^\W\d_]{2,}(?:[ \t]+[^\W\d_]{2,})?")


def _parallel_openings(before: str, rest: str) -> bool:
    """The text after a dash opens with the same word as the criterion before it ("Patients with a kidney
    transplant - Patients with acute kidney injury", "Lack of consent - Lack of transport"): two items
    of one list written alike, not a label and its definition ("Performance status - ECOG 0-2")."""
    a, b = _OPENING.match(before.lstrip(" \t*•-")), _OPENING.match(rest.lstrip())
    if not a or not b:
        return False
    wa, wb = a.group(0).split(), b.group(0).split()
    return wa[0].lower() == wb[0].lower()


def _run_on_bullets(text: str, tok: _Tok, markdown: bool = False) -> list[tuple[int, str, str, int | None, int]]:
    """Bullets run into the line's text, outside parentheses: of the line's own kind, or of any
    kind after a sentence end (see ``_ANY_BULLET_AFTER_STOP``)."""
    rx = _BULLET_RUN_ON.get(tok.marker or "") if tok.kind == "item" and tok.number is None else None
    if rx is None:
        return []
    if markdown and tok.marker == "*":
        rx = _MD_STAR_RUN_ON
    hits: dict[int, tuple[int, str]] = {}
    for m in rx.finditer(text, tok.text_start, tok.text_end):
        g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
        hits[m.start(g)] = (m.end(g), m.group(g))
    for m in _ANY_BULLET_AFTER_STOP.finditer(text, tok.text_start, tok.text_end):
        hits.setdefault(m.start(1), (m.end(1), m.group(1)))
    for k, e in _separated_bullets(text, tok.text_start, tok.text_end, tok.marker or ""):
        hits.setdefault(k, (e, tok.marker or ""))
    for k, e in _connective_bullets(text, tok.text_start, tok.text_end, tok.marker or ""):
        hits.setdefault(k, (e, tok.marker or ""))
    if tok.marker == "-":
        for m in _DASH_AFTER_COLON.finditer(text, tok.text_start, tok.text_end):
            hits.setdefault(m.start(1), (m.end(1), "-"))
        last = tok.text_start
        for m in _DASH_RUN_ON.finditer(text, tok.text_start, tok.text_end):
            if m.start(1) not in hits and _dash_joins_two_criteria(text, last, m.start(1), m.end(1), tok.text_end):
                hits[m.start(1)] = (m.end(1), "-")
                last = m.end(1)
    out: list[tuple[int, str, str, int | None, int]] = []
    pos, depth = tok.text_start, [0]
    for k in sorted(hits):
        end, marker = hits[k]
        if not _open_paren(text, pos, k, depth):
            out.append((k, marker, tok.style, None, _skip_ws(text, end, tok.text_end)))
        pos = end
    return out


def _open_paren(text: str, pos: int, k: int, depth: list[int]) -> bool:
    """Whether ``text[k]`` lies inside parentheses opened since the line's start; ``depth`` carries
    the count up to ``pos`` so that each character is counted once."""
    d = depth[0] + text.count("(", pos, k) - text.count(")", pos, k)
    depth[0] = d
    return d > 0


def _run_on_markers(text: str, tok: _Tok) -> list[tuple[int, str, str, int, int]]:
    """Markers of the next items of the line's own numbered or lettered list, run into its text
    without sentence punctuation ("1. Age 18 or older 2. Signed consent 3. ECOG 0-1", "… visits
    4) Subject is …", "1、… 2、…", "a. Pregnancy b. Infection"): the next number (letter) in the
    line's own marker form, after a blank
    (or, for an ideographic separator, after anything but a digit), then the number after that,
    and so on. An enumeration inside one criterion uses another form or starts again at 1, so
    it is not taken. Each search starts where the last one ended: linear in the line."""
    if tok.kind != "item" or tok.number is None or not tok.marker:
        return []
    lettered = tok.style in ("a.", "a)", "(a)") and tok.letter is not None
    marker = tok.marker
    paren = marker[0] in "(（"
    # roman numerals: "ii)" / "(iv)" lines, and "i)" (read as the letter i until its neighbours decide)
    # when the line goes on with "ii)" in the same form: "i) Age 18 or older ii) Signed consent iii) …"
    roman = tok.style in ("i.", "i)", "(i)")
    if lettered and tok.letter == "i":
        second = f"{marker[0]}{'II' if tok.upper else 'ii'}{marker[-1]}" if paren else ("II" if tok.upper else "ii") + marker[-1]
        if text.find(" " + second, tok.text_start, tok.text_end) >= 0:
            roman, lettered = True, False
    if tok.style not in ("1.", "1)", "(1)") and not lettered and not roman:
        return []
    # the marker's punctuation around its number or letter, whatever its shape ("[1]", "1.)", "【1】")
    pre, core0, sep = split_marker(marker)
    glyph = glyph_for(marker, 1) is not None  # "①", "⑴": the next marker is the next glyph
    if not core0 and not glyph:
        return []
    full_width = core0[:1] in "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"
    number = 1 if roman and tok.style.startswith(("a", "(a")) else tok.number
    style = tok.style.replace("a", "i") if roman else tok.style
    # after an ideographic mark or a glyph the next marker may follow any non-digit (no blank is written);
    # "（1）" keeps the reading of "(1)"
    ideographic = (
        glyph or (not pre and sep in ("、", "．", "）")) or (pre not in ("", "(", "（") and any(ord(c) > 0x2FFF for c in pre + sep))
    )
    nxt_re = _RUN_ON_NEXT_IDEOGRAPHIC if ideographic else _RUN_ON_NEXT
    # "… and 5. Other …" joins two numbered criteria; letters and roman numerals joined by "or" / "and" are one
    # sentence's alternatives ("(i) Eosinophils ≥ 150 cells/µl or (ii) FeNo ≥ 25 ppb"), and so are the options
    # under a lead-in that ends the line above with a colon
    connectives = not lettered and not roman and not _after_lead_in_line(text, tok.line_start)
    colon = _first_lead_in_colon(text, tok.text_start, tok.text_end)
    out: list[tuple[int, str, str, int, int]] = []
    pos, n = tok.text_start, number + 1
    depth = [0]  # "(" minus ")" before ``pos``, counted once over the line: "(IWF H) Recurrent" is no "H)"
    while pos < tok.text_end:
        core = str(n)
        if lettered:
            if n > 26:
                break
            core = chr(96 + n).upper() if tok.upper else chr(96 + n)
        elif roman:
            if n > 39:
                break
            core = int_to_roman(n).upper() if tok.upper else int_to_roman(n)
        if full_width and core.isdigit():
            core = core.translate(_TO_FULL_WIDTH)
        want = (glyph_for(marker, n) or "") if glyph else f"{pre}{core}{sep}"
        if not want:
            break
        k = text.find(want, pos, tok.text_end)
        if k < 0:
            break
        after = k + len(want)
        inside = _open_paren(text, pos, k, depth)  # counted for every candidate, taken or not
        before = text[k - 1] if k > tok.text_start else " "
        ok_before = before in " \t" or (ideographic and not before.isdigit())
        separated = _separated_marker(text, tok.text_start, k, after, tok.text_end) or (
            connectives and _connective_marker(text, tok.text_start, k, after, tok.text_end, colon)
        )
        if (
            (ok_before or separated)
            and not text[k - 1 : k].isdigit()
            and (
                nxt_re.match(text, after, tok.text_end)
                or (_after_sentence_end(text, tok.text_start, k) and _RUN_ON_AFTER_STOP.match(text, after, tok.text_end))
                or separated
            )
            and (separated or not _CHOICE_JOINER.search(text, max(tok.text_start, k - 12), k))
            and not (not pre and sep.endswith(")") and inside)
        ):
            out.append((k, want, style, n, _skip_ws(text, after, tok.text_end)))
            n += 1
        pos = after
    return out
