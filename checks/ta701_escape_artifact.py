import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import text_fields

# A backslash escape of Markdown punctuation ("\>" "\<" "\_" "\*" "\[" ...) or a literal "\n" / "\r\n"
# / "\t" left by a JSON or CSV export. In Markdown *source* (v2 text fields) the punctuation escapes
# are legitimate; there only a doubled backslash ("\\>", which Markdown displays as "\>") is a leak.
_PLAIN = re.compile(r"\\[<>_*#\[\]~|`]|\\r\\n|\\n(?=[A-Z0-9\s*•\-(]|$)|\\t(?=[A-Z0-9])")
_MARKDOWN = re.compile(r"\\\\[<>_*#\[\]~|`]|\\r\\n")


@register
class EscapeArtifact(Rule):
    """Displayed text contains an escape sequence such as "\\>" or a literal "\\n".

    ## What it does

    Reports a record when displayed text contains an escape sequence such as "\\>" or a literal "\\n".

    Reports: `\\>` `\\<` `\\_` `\\*` `\\[` `\\]` `\\#` `\\~` `\\|` or a literal `\\n`/`\\r\\n` in text
    shown as plain text; in Markdown sources only a doubled `\\\\>`.

    ## Why it matters

    A backslash escape belongs to a Markdown or JSON *source*; once the text is shown as
    plain text (a classic or XML record, a patient-facing page, a title), the reader sees
    "\\>91%" instead of ">91%" and may misread a threshold, and a literal "\\n" runs list
    items together. In API v2 Markdown fields (criteria, summaries) "\\>" is a legitimate escape
    and is not reported there; a doubled "\\\\>" is, because Markdown then displays "\\>".

    ## Fix

    Unescape the text at the step that converted it from Markdown/JSON (">91%"), or render
    the Markdown instead of showing its source.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA701"
    name = "escape-artifact"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [
        {"criteria": "Blood oxygen saturation \\>91% in non-oxygen state;", "criteria_markdown": False},
        {"brief_title": "Dose \\< 5 mg in Adults"},
        {"brief_summary": "Inclusion:\\nAge 18 or older"},
    ]
    good = [
        {"criteria": "* Blood oxygen saturation \\>91% in non-oxygen state", "criteria_markdown": True},
        {"criteria": "Blood oxygen saturation >91% in non-oxygen state;"},
        {"brief_summary": "Files are stored under C:\\data\\trial on the server."},
    ]

    def check(self, record, ctx):
        for name, text, markdown in text_fields(record):
            if "\\" not in text:
                continue
            pattern = _MARKDOWN if markdown else _PLAIN
            hits = list(pattern.finditer(text))
            if not hits:
                continue
            m = hits[0]
            more = f" ({len(hits)} occurrences)" if len(hits) > 1 else ""
            where = "Markdown that displays the backslash" if markdown else "text shown as plain text"
            yield self.finding(
                f"Escape sequence '{m.group(0)}' in {where}{more}: readers see the backslash.",
                evidence=Evidence.span(name, text, m.start(), m.end()),
                suggestion="Unescape the text (e.g. '\\>' -> '>') where it is converted for display.",
            )
