import re

from trial_audit.checks._shared.fixes import unescape_fix
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import text_fields

# A backslash escape of Markdown punctuation ("\>" "\<" "\_" "\*" "\[" ...) or a literal "\n" / "\r\n"
# / "\t" left by a JSON or CSV export. In Markdown *source* (v2 text fields) the punctuation escapes
# are legitimate; there only a doubled backslash ("\\>", which Markdown displays as "\>") is a leak.
_PLAIN = re.compile(r"\\[<>_*#\[\]~|`]|\\r\\n|\\n(?=[A-Z0-9\s*•\-(]|$)|\\t(?=[A-Z0-9])")
_MARKDOWN = re.compile(r"\\\\[<>_*#\[\]~|`]|\\r\\n")


#: sources that hand over the registry's own stored text, with the JSON/XML transport encoding
#: already decoded by the reader (as in TA702)
_REGISTRY_TEXT_FORMATS = frozenset({"ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv", "page-text"})
_LITERAL_CONTROL = re.compile(r"\\(?:r\\n|n|t)")


def _in_record(seq: str, markdown: bool, fmt: str) -> bool:
    """The escape is in the stored record text itself, not made by a later conversion: a doubled
    Markdown escape in a Markdown field, or a literal "\\n" left after the transport encoding
    was decoded. A single "\\>" in plain text comes from the registry's Markdown source shown unrendered."""
    return fmt in _REGISTRY_TEXT_FORMATS and (markdown or bool(_LITERAL_CONTROL.fullmatch(seq)))


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
    the Markdown instead of showing its source. Where the escape is in the registry record text
    itself (a doubled escape in a Markdown field, a literal "\\n" in a registry record), correct
    the record text instead; the suggestion says which.

    Fix safety: safe. The fix replaces each escape with what it stands for ("\\>" -> ">", a
    doubled Markdown escape -> a single one, a literal "\\n" -> a line break); `--fix` applies it.
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
            if _in_record(m.group(0), markdown, record.source.format if record.source else ""):
                todo = "Correct the record text itself: remove the stray backslash (a literal '\\n' becomes a line break)."
            else:
                todo = "Unescape the text (e.g. '\\>' -> '>') where it is converted for display, or render it as Markdown."
            yield self.finding(
                f"Escape sequence '{m.group(0)}' in {where}{more}: readers see the backslash. {todo}",
                evidence=Evidence.span(name, text, m.start(), m.end()),
                suggestion=todo,
                fix=unescape_fix(name, hits),
            )
