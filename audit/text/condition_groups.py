"""Where a criteria item names conditions that are not the trial's population: risk groups and definitions.

"Non-hospitalised patients from high-risk co-morbidity groups such as ... hypertension, diabetes" names
who is at risk; "acute respiratory illness is defined as ... (including ... COPD, asthma)" says what a
word means. The condition-scope rules read neither as a condition the trial enrols.
"""

from __future__ import annotations

import re

#: words that turn the rest of a sentence into the names of a risk group or a definition, not conditions
#: the trial enrols: "patients at high risk: diabetes, COPD, ...", "high-risk (co-morbidity) groups such as
#: ... hypertension", "risk factors (e.g. ...)", "comorbidities including ...", "ARI is defined as ...
#: (including ... asthma)". A risk word must introduce an enumeration (such as / including / e.g. / a colon
#: or a bracket), so that "high-risk neuroblastoma" stays a condition. Outcomes and complications a disease
#: leads to ("... the highest risk for progression and poor outcomes, including cirrhosis") are named the same way.
_GROUP_NAMING = re.compile(
    r"(?:\bat\s+(?:an?\s+)?(?:(?:high|higher|increased|elevated|greater|particular|special)\s+)?risk\b"
    r"|\b(?:high|higher|increased|elevated)[\s-]+risk\b[^.;:()\n]{0,40}?\b(?:groups?|populations?|categor\w+|patients|individuals|persons|people|subjects|participants|conditions)\b"
    r"|\brisk[\s-]+(?:factors?|groups?|conditions?)\b|\bco-?morbid\w*|\bunderlying\s+(?:\w+\s+)?(?:conditions?|diseases?|illness\w*|disorders?)"
    # what a disease leads to: "the highest risk for progression and poor outcomes, including cirrhosis and HCC"
    r"|\b(?:highest|high|higher|increased|greater|elevated)\s+risk\s+(?:for|of)\b|\b(?:outcomes|complications|sequelae)\b)"
    r"[^.;\n]{0,60}?(?:\bsuch\s+as\b|\binclud\w*|\be\.g\b|\bfor\s+example\b|\blike\b|\bnamely\b|:|\()"
    r"|\b(?:is|are)\s+defined\s+as\b|\bdefinition\s+of\b"
    # a definition by named criteria that spells out its parts: "ARDS, as defined by the Berlin criteria,
    # which includes: ... absence of left atrial hypertension ... no signs of left heart failure"
    r"|\bdefined\s+(?:by|according\s+to|using|per)\b(?:[^.;\n]|\n(?![ \t]*\n)){0,80}?(?:\binclud\w*|:)",
    re.IGNORECASE,
)
#: the end of a sentence: a full stop or semicolon, or a blank line (a single line break only wraps a line:
#: "... history of cardiac disease,\n       diabetes, obesity" in legacy texts)
_SENTENCE_END = re.compile(r"[.;](?=\s|$)|\n[ \t]*\n")


def group_naming_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that name a risk group or define a term: from the end of the cue (the
    "such as", the colon) to the end of its sentence. Conditions named there describe who is at risk or what
    a word means, not the population; a condition before the cue ("Comorbid depression (PHQ-9 >= 10)",
    "at high risk of severe COVID-19 (e.g. ...)") stays a requirement."""
    out = []
    pos = start
    while pos < end:
        m = _GROUP_NAMING.search(text, pos, end)
        if m is None:
            break
        stop = _SENTENCE_END.search(text, m.end(), end)
        e = stop.start() if stop else end
        out.append((m.end(), e))
        pos = max(e, m.end())
    return out


def in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)
