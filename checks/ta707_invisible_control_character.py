from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.hygiene import INVISIBLE_CONTROLS, control_name, is_bidi_control, text_fields


@register
class InvisibleControlCharacter(Rule):
    """Text contains an invisible control character: a bidirectional override or isolate, or a C0/C1 control.

    ## What it does

    Reports a record when text contains an invisible control character: a bidirectional override or
    isolate, or a C0/C1 control.

    ## Why it matters

    These characters are not shown, but they change what is shown. A right-to-left
    override (U+202E) or isolate (U+2066-U+2069) reorders the characters after it, so that a
    criterion can display "age 18 to 65" while its text says otherwise, and a search, a copy or
    a rule reads a different text from the one a curator sees ("Trojan Source"). C0/C1 control
    characters, DEL, a byte order mark inside text and interlinear annotation marks come from
    broken conversions and hide or garble text in some viewers and break XML exports. The
    directional marks LRM/RLM and the zero-width joiners, which right-to-left and Indic scripts
    need, are not reported. Reports show every such character visibly, as ``⟨U+202E⟩``.

    ## Fix

    Delete the character (retype the text around it if it was pasted from another
    document); right-to-left text needs no override in a registry field.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.
    """

    code = "TA707"
    name = "invisible-control-character"
    category = Category.TEXT
    severity = Severity.WARNING
    bad = [
        {"brief_title": "Dose finding study in adults \u202eaged 65 or older"},
        {"criteria": "Inclusion Criteria:\n\n* Age \u2066>= 18\u2069 years"},
        {"official_title": "A Study of\x0b Drug X"},
        {"conditions": ["Asthma\x1b"]},
    ]
    good = [
        {"brief_title": "Study of Drug X in Adults\twith Asthma"},
        {"criteria": "Inclusion Criteria:\r\n\r\n* Age >= 18 years"},
        {"brief_summary": "\u05de\u05d7\u05e7\u05e8 \u200f(Hebrew text with a right-to-left mark)"},
        {"brief_summary": "\u0645\u0637\u0627\u0644\u0639\u0647\u200c\u0627\u06cc Persian with a zero-width non-joiner"},
    ]

    def check(self, record, ctx):
        for name, text, _markdown in text_fields(record):
            m = INVISIBLE_CONTROLS.search(text)
            if m is None:
                continue
            count = sum(1 for _ in INVISIBLE_CONTROLS.finditer(text))
            ch = m.group(0)
            more = f" ({count} invisible control characters in the field)" if count > 1 else ""
            effect = "reorders the text after it as displayed" if is_bidi_control(ch) else "is not shown but garbles or hides text"
            start = m.start()
            yield self.finding(
                f"{name} contains the invisible {control_name(ch)} at character {start + 1:,}{more}; it {effect}, "
                f"so what a curator reads may differ from the text itself.",
                evidence=Evidence(name, text[max(0, start - 30) : m.end() + 30], max(0, start - 30), min(len(text), m.end() + 30)),
                suggestion="Delete the invisible character (retype the text around it if it was pasted).",
            )
