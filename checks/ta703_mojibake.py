import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import text_fields

# UTF-8 read as Latin-1/cp1252 always leaves a lead byte (Â..ô) followed by a continuation byte
# shown as \x80-\xbf or a cp1252 punctuation sign. Texts without such a pair skip ftfy's costlier
# badness scan (most real non-ASCII text: "≥", "µg", "naïve", curly quotes).
_UTF8_AS_CP1252 = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


@register
class Mojibake(Rule):
    """Text was decoded with the wrong character set ("â€™" for "’", "SjÃ¶gren" for "Sjögren").

    ## What it does

    Reports a record when text was decoded with the wrong character set ("â€™" for "’", "SjÃ¶gren" for
    "Sjögren").

    Reports: ftfy's badness detector fires **and** `ftfy.fix_encoding` changes the text (so genuine
    non-Latin text never fires); or U+FFFD "�".

    ## Why it matters

    Mojibake makes drug names, diacritics and symbols (≥, ±, µ) unreadable and unsearchable;
    a patient cannot tell whether "Â±" was a "±". Detection uses ftfy, and a finding is made only
    when ftfy can actually repair the text (so genuine non-Latin text is never flagged); a U+FFFD
    replacement character ("�") marks text whose original character is already lost.

    ## Fix

    Re-export the record as UTF-8, or repair the text (the suggestion shows ftfy's repair).

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA703"
    name = "mojibake"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [
        {"brief_summary": "Affects the bodyâ€™s immune system."},
        {"conditions": ["Primary SjÃ¶gren Syndrome"]},
        {"criteria": "Hemoglobin � 9 g/dL"},
    ]
    good = [
        {"brief_summary": "Affects the body’s immune system; ≥3 months; 10⁹/L; naïve; μg/kg."},
        {"conditions": ["Primary Sjögren Syndrome", "大肠癌"]},
    ]

    def check(self, record, ctx):
        for name, text, _markdown in text_fields(record):
            if text.isascii():
                continue
            lost = text.find("\ufffd")
            if lost >= 0:
                yield self.finding(
                    "Text contains the replacement character '�': a character was lost in a wrong decoding.",
                    evidence=Evidence.span(name, text, lost, lost + 1),
                    suggestion="Re-export the record from the registry as UTF-8.",
                )
                continue
            if not _UTF8_AS_CP1252.search(text):
                continue
            # imported here, past the cheap test: most records never need ftfy (~0.05 s of start-up)
            import ftfy
            from ftfy.badness import BADNESS_RE, is_bad

            if not is_bad(text):
                continue
            fixed = ftfy.fix_encoding(text)
            if fixed == text:
                continue
            m = BADNESS_RE.search(text)
            start, end = (m.start(), m.end()) if m else (0, min(len(text), 40))
            # widen to the word, so that the quote is readable ("bodyâ€™s", not "â€")
            lo, hi = max(0, start - 20), min(len(text), end + 20)
            while start > lo and not text[start - 1].isspace():
                start -= 1
            while end < hi and not text[end].isspace():
                end += 1
            yield self.finding(
                f"Mis-decoded characters {text[start:end]!r}: the text was read with the wrong encoding.",
                evidence=Evidence.span(name, text, start, end),
                suggestion=f"Repair as: {ftfy.fix_encoding(text[start:end])!r} (re-export as UTF-8).",
            )
