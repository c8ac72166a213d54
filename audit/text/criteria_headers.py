"""Section headers ("Inclusion Criteria:", "Key exclusion criteria", a header run into a line) and labels.

A *header* opens an inclusion / exclusion / other section; a *label* ("Part B:", "For patients
with PBC:") scopes the items under it inside a section.
"""

from __future__ import annotations

import re

from trial_audit.text.criteria_markers import _match_marker, _skip_ws

# --- headers --------------------------------------------------------------------------------

_QUAL = r"(?:(?:key|main|major|general|principal|primary|study|protocol|trial|patient|patients'?|subject|participant|additional|specific|other|basic|selection|clinical|medical)\s+)"
_CRIT = r"(?:criteri[a-z]*|creteria|critera|citeria|criterial)"
_HEADER_RE = re.compile(
    rf"""
    (?P<h>
      (?P<pre>(?:part|cohort|arm|group|stage|phase|step|period)\s+[\w.]{{1,6}}\s*[:\-–]\s*)?
      (?:{_QUAL}{{0,3}})
      (?:
         (?P<comb>(?:inclusions?\s*(?:/|and|&|or|\+)\s*exclusions?|eligibility|selection|entry))[\s_]+{_CRIT}
        |(?P<non>non[-\s]?inclusion|ineligibility|non[-\s]?eligibility)[\s_]+{_CRIT}
        |(?P<inc>inclusion|inclusions|inclusive|inclussion|incluson|inlcusion|includion|inc\.?)[\s_]+{_CRIT}
        |(?P<exc>exclusion|exclusions|exlusion|exclussion|exclusionary|excluson|exc\.?)[\s_]+{_CRIT}
        |criteria\s+for\s+(?:(?P<inc2>inclusion|participation|entry|enrollment|enrolment|selection)|(?P<exc2>exclusion|non-inclusion))
        |(?P<inc3>inclusions?)(?=[ \t]*\\?[:：])
        |(?P<comb3>eligibility|criteria|selection)(?=[ \t]*\\?[:：])
        |(?P<exc3>exclusions?)(?=[ \t]*\\?[:：])
        |(?P<inc4>inclusions?)[ \t]*$
        |(?P<exc4>exclusions?)[ \t]*$
      )
      (?P<qual>,?[ \t]+(?:for|in|of|at|during|to|related|relating|applicable|specific|common|part|stage|phase|cohort|arm|group|step|period|[0-9]|\(|-|–)[^:：\n.;]{{0,80}}?(?=[ \t]*(?:[:：]|\]|$))
              |,?[ \t]+[^:：\n.;]{{1,60}}?(?=[ \t]*[:：][ \t]*$))?
      (?P<colon>[ \t]*\\?[:：]|[ \t]*\.(?=[ \t]*$))?
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
    r"(?:\*\*\s*|\[\s*|[-*•·▪●◦○■□➢►‣⁃–—+]\s*|(?:[0-9]{1,2}|[A-Za-z]|[IVX]{1,4})[.)]\s+|\((?:[0-9]{1,2}|[A-Za-z])\)\s*|#{1,6}\s*|\*\*)?"
)

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


def _header_at(text: str, pos: int, end: int):
    """A section header starting at ``pos`` (after an optional bullet/ordinal prefix) or None."""
    pm = _HEADER_PREFIX.match(text, pos, end)
    hp = pm.end() if pm else pos
    m = _HEADER_RE.match(text, hp, end)
    if not m:
        if end - hp <= 90:
            lm = _LOOSE_HEADER.match(text, hp, end)
            if lm:
                w = lm.group("w").lower()
                kind = "inclusion" if w.startswith("incl") else "exclusion" if w.startswith("excl") else "other"
                hs, he = lm.start("h"), lm.end("h")
                return kind, hs, he, end, None, True
        return None
    g = m.group
    if g("non") or g("exc") or g("exc2") or g("exc3") or g("exc4"):
        kind = "exclusion"
    elif g("comb") or g("comb3"):
        kind = "other"  # "Eligibility criteria:", "Inclusion/Exclusion Criteria:": one combined list
    else:
        kind = "inclusion"
    hs, he = m.start("h"), m.end("h")
    while he > hs and text[he - 1] in " \t":
        he -= 1
    rest = _skip_ws(text, m.end(), end)
    # strip Markdown bold around a header: "**Inclusion Criteria:**"
    if text.startswith("**", rest):
        rest = _skip_ws(text, rest + 2, end)
    has_colon = bool(g("colon"))
    if g("qual") and not has_colon:
        # "Inclusion Criteria Stage 1", "Inclusion Criteria - for Phase I"; not a sentence
        # ("Exclusion criteria of the parent study do not apply")
        q = g("qual").strip(" ,\t").lower()
        if len(q) > 30 or not re.match(r"(?:part|stage|phase|cohort|arm|group|step|period|[0-9(\-–]|for\b)", q):
            return None
    if not has_colon and not text[hs:he].lower().rstrip(" ]").endswith(("criteria", "inclusion", "exclusion", "exclusions", "inclusions")):
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
            if not (hp == pos and len(words) == 2 and words[1].lower() == "criteria" and text[rest].isupper() and not g("qual")):
                return None
    label = None
    if g("pre"):
        label = g("pre").strip(" :-–") or None
    if g("qual"):
        q = g("qual").strip(" ,-–(").strip()
        label = " ".join(x for x in (label, q) if x) or None
    weak = bool(g("comb3") or g("inc3") or g("exc3") or g("inc4") or g("exc4"))
    return kind, hs, he, rest, label, weak


# A header inside a line of flattened text: "... MUGA scan. Exclusion Criteria: - Use of ...",
# "... prior to screening Exclusion\nCriteria: ..." (a colon is required; a lower-case header word
# must follow a sentence end or a dash, so that "meets the following exclusion criteria:" inside
# a sentence is not taken for a header).
# One family of header forms: an optional qualifier ("Key", "Main"), then "inclusion/exclusion/
# ineligibility criteria", "criteria for exclusion", or a bare "Exclusions" (a colon required for
# that one); an optional Markdown bold "**" before it and an escaped colon ("\\:") after it (v2).
_MIDLINE_CAND = re.compile(
    r"(?:\*\*)?(?:(?:key|main|major|general|additional|specific)[ \t]+)?"
    r"(?:(?:inclusion|exclusion|ineligibility)s?[ \t]+criteria|criteria[ \t]+for[ \t]+(?:inclusion|exclusion)|(?:inclusion|exclusion)s?(?=[ \t]*\\?:))"
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
        b = before.rstrip(" \t")
        if not b or len(before) - len(b) > 1 and not b.endswith(("-", "–")):
            continue
        last = b[-1]
        word = text[hs:he].lstrip(" \t*")
        capital = word[:1].isupper()
        upper = word[:9].isupper()
        if m.group("colon"):
            if last in ".;!?)-–" or (capital and (last.isalnum() or last in ",)")):
                out.append((hs, he))
        elif capital and (last.islower() or last.isdigit() or last in ",.;)"):
            if (upper and _AFTER_UPPER.match(text, he)) or _AFTER_EOL.match(text, he):
                out.append((hs, he))
    return out
