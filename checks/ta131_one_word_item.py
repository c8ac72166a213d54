import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria_lists import doc_of

# single words that cannot be a criterion on their own: connectives, fillers, placeholders
_FRAGMENT_WORDS = frozenset(
    "and or with without of in on at to for the a an by from as if than then but nor "
    "etc etc. e.g. i.e. ie eg including includes include except excluding such "
    "following below above see tbd tbc todo xx xxx".split()
)
_WORD = re.compile(r"^[^\s]+$")
# an item ending like this is cut mid-phrase ("... hypersensitivity to the study drug or its")
_OPEN_ENDINGS = (" of", " with", " the", " to", " in", " its", " their", " a", " an", " for", " by", " at", " on", " from", " than", " nor")
_HYPHENATED = re.compile(r"[A-Za-z]{3,}-$")
_TERMINAL = re.compile(r"[.;:!?)\]]\s*$")


def fragment_reason(item, prev) -> str | None:
    """Why a one-word item looks like a fragment rather than a criterion, or None."""
    t = item.text.strip().strip("*_")
    if not t or not _WORD.match(t):
        return None
    low = t.lower().rstrip(",;:")
    if low in _FRAGMENT_WORDS:
        return f"the word {t!r} cannot be a criterion on its own"
    if t.endswith("-") and len(t) > 3 and t[:-1].isalpha():
        return f"{t!r} is a word cut by hyphenation"
    if t[0].islower() and t[0].isalpha() and prev is not None and prev.text and not _TERMINAL.search(prev.text):
        pt = prev.text.rstrip()
        if pt.endswith(_OPEN_ENDINGS) or _HYPHENATED.search(pt):
            return f"{t!r} continues the item before it, which ends mid-phrase"
    return None


@register
class OneWordItem(Rule):
    """A list item is a single word that cannot stand as a criterion ("- and", "- OR", "- etc", a hyphenated stub).

    ## What it does

    Reports a record when a list item is a single word that cannot stand as a criterion ("- and", "-
    OR", "- etc", a hyphenated stub).

    Reports: a single-word fragment: a connective/filler ("- and", "- OR", "- etc"), a hyphenation stub,
    a lower-case word continuing an item cut mid-phrase ("… or its" / "- excipients").

    Not reported: meaningful one-word criteria ("- Pregnancy"); terms listed one per bullet ("-
    irinotecan,"); values under a label ("- 0-2"); cytogenetic notation ("- 7q-").

    ## Why it matters

    Such an item is a fragment of a neighbouring criterion split off by a stray line break or
    marker; the neighbour then reads incomplete and the fragment reads as a criterion. Meaningful
    one-word criteria ("- Pregnancy", "- Lactation"), terms of a list written one per bullet
    ("- taxanes,", "- irinotecan,") and values under a label ("Performance status: - 0-2") are not
    reported.

    ## Fix

    Join the fragment to the criterion it belongs to.

    Fix safety: review before applying. The suggested text joins the stub to the item before it,
    which may not be where it belonged.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA131"
    name = "one-word-item"
    category = Category.STRUCTURE
    severity = Severity.INFO
    bad = [
        {"criteria": "Exclusion Criteria:\n- Prior treatment with anti-PD-1, anti-PD-L1\n- etc\n- Pregnancy"},
        {"criteria": "Exclusion Criteria:\n- Known hypersensitivity to the study drug or its\n- excipients\n- Pregnancy"},
    ]
    good = [
        {"criteria": "Exclusion Criteria:\n- Pregnancy\n- Lactation\n- Active infection"},
        {
            "criteria": "Exclusion Criteria:\n- Prior therapy with:\n- taxanes (paclitaxel or docetaxel) or epirubicin,\n- irinotecan,\n- trastuzumab."
        },
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        for sec in doc.sections:
            yield from self._walk(sec.items, text)

    def _walk(self, items, text):
        prev = None
        for it in items:
            if it.marker is not None and not it.children:
                why = fragment_reason(it, prev)
                if why:
                    yield self.finding(
                        f"Item {it.marker!r} is a single word: {why}. Join it to the criterion it belongs to.",
                        evidence=Evidence.span("criteria", text, it.start, it.end),
                        related=[Evidence.span("criteria", text, prev.start, prev.end)] if prev is not None else [],
                        suggestion=(text[prev.text_start : prev.text_end].rstrip() + " " + it.text.strip())
                        if prev is not None
                        else "Join this word to the criterion it belongs to, or delete it.",
                    )
            if it.children:
                yield from self._walk(it.children, text)
            prev = it
