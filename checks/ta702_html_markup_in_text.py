import re

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import text_fields

# Named/numeric character references and the HTML tags registry exports actually leak. A bare "<" or
# "&" is ordinary text ("<5 mg", "R&D"), so only complete references and known tag names count.
_ENTITY = re.compile(
    r"&(?:amp|lt|gt|quot|apos|nbsp|ndash|mdash|rsquo|lsquo|rdquo|ldquo|hellip|deg|plusmn|micro|le|ge|times|"
    r"eacute|egrave|uuml|ouml|auml|szlig|ccedil|aacute|oacute|iacute|ntilde|bull|middot|reg|trade|copy)"
    r";|&#[0-9]{2,6};|&#[xX][0-9a-fA-F]{2,5};"
)
_TAG = re.compile(
    r"</?(?:br|p|b|i|u|em|strong|sup|sub|li|ul|ol|div|span|table|tr|td|th|font|h[1-6]|a)"
    r"(?:\s+[a-z-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))*\s*/?>",
    re.IGNORECASE,
)
# In Markdown source an entity is legitimate markup; only a double-encoded one ("&amp;gt;") leaks.
_MD_ENTITY = re.compile(r"&amp;(?:[a-z]{2,8}|#[0-9]{2,6});")


@register
class HtmlMarkupInText(Rule):
    """Plain text contains HTML character references ("&gt;", "&#39;") or tags ("<br>", "<p>").

    ## What it does

    Reports a record when plain text contains HTML character references ("&gt;", "&#39;") or tags
    ("<br>", "<p>").

    Reports: complete HTML character references (`&gt;`, `&#39;`, `&nbsp;` …) or known tags (`<br>`,
    `<p>`, `<sup>` …) in plain text; in Markdown only double-encoded `&amp;gt;`.

    ## Why it matters

    Registry text fields are plain text (or Markdown in API v2); an HTML entity or tag that
    survived an export is shown literally to patients and curators ("age &gt;= 18"), garbles
    thresholds and defeats search. Double-encoded references ("&amp;gt;") are reported in
    Markdown fields too, since Markdown then shows "&gt;".

    ## Fix

    Decode the entities and drop or convert the tags (``<br>`` -> a line break) at export.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA702"
    name = "html-markup-in-text"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [
        {"criteria": "Age &gt;= 18 years"},
        {"brief_summary": "First line.<br>Second line."},
        {"brief_title": "Patients&#39; Preferences for Follow-up"},
    ]
    good = [
        {"criteria": "Age >= 18 years; dose <5 mg/kg; R&D staff excluded"},
        {"brief_summary": "Compare arm A<B and B>C on a 0-10 scale."},
    ]

    def check(self, record, ctx):
        for name, text, markdown in text_fields(record):
            if "&" not in text and "<" not in text:
                continue
            if markdown:
                hits = list(_MD_ENTITY.finditer(text))
            else:
                hits = list(_ENTITY.finditer(text)) + list(_TAG.finditer(text))
                hits.sort(key=lambda m: m.start())
            if not hits:
                continue
            m = hits[0]
            more = f" ({len(hits)} occurrences)" if len(hits) > 1 else ""
            yield self.finding(
                f"HTML markup {m.group(0)!r} is displayed literally in this text{more}.",
                evidence=Evidence.span(name, text, m.start(), m.end()),
                suggestion="Decode HTML entities and remove tags when exporting the text.",
            )
