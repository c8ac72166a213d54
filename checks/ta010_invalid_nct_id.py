import unicodedata

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import TableRule, register


def _ascii_digits(text: str) -> str:
    """'NCT٠١٢٣٤٥٦٧' -> 'NCT01234567' (any Unicode decimal digit to its ASCII digit)."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


@register
class InvalidNctId(TableRule):
    """The NCT ID is not "NCT" followed by eight digits.

    ## What it does

    The check is a full match of ``NCT[0-9]{8}`` (ASCII digits only) over the batch table's
    columns, in plain Python (the same check as the table's pandera schema, see
    ``trial_audit.checks._shared.schema``). A record with no NCT ID at all (a
    submission not yet registered, identified by its organisation study ID) is not flagged here.

    ## Why it matters

    The NCT ID is the key every registry, journal and systematic review uses to find a trial.
    An ID with a missing digit, lower-case letters, spaces or non-ASCII digits ("NCT٠١٢٣...") does
    not resolve on ClinicalTrials.gov, breaks links and de-duplication, and silently splits one
    trial into two in downstream databases.

    ## Fix

    Copy the identifier exactly as ClinicalTrials.gov shows it, e.g. ``NCT01234567``.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA010"
    name = "invalid-nct-id"
    category = Category.SCHEMA
    severity = Severity.ERROR
    bad = [{"nct_id": "NCT1234567"}, {"nct_id": "nct01234567"}, {"nct_id": "NCT٠١٢٣٤٥٦٧"}, {"nct_id": "NCT01234567 "}]
    good = [{"nct_id": "NCT01234567"}, {"nct_id": None, "org_study_id": "ABC-2024-01"}]

    def check_table(self, table, ctx):
        from trial_audit.checks._shared.schema import NCT_ID_RE, failures_in

        for pos, _column, _check, value in failures_in(table, {"nct_id"}):
            text = str(value)
            candidate = _ascii_digits(text.strip()).upper()
            if not NCT_ID_RE.fullmatch(candidate):
                candidate = None
            problem = "has the wrong shape"
            if candidate is not None:
                if text != text.strip():
                    problem = "has spaces around it"
                elif any(ch.isdecimal() and not ("0" <= ch <= "9") for ch in text):
                    problem = "uses non-ASCII digits"
                elif text != text.upper():
                    problem = "is not in capitals"
            else:
                digits = sum(ch.isdecimal() for ch in text)
                if text.strip().upper().startswith("NCT") and digits != 8:
                    problem = f"has {digits} digit{'s' if digits != 1 else ''} instead of 8"
            yield (
                pos,
                self.finding(
                    f"The NCT ID {text!r} {problem}: an NCT ID is 'NCT' followed by eight digits. "
                    "Copy the identifier exactly as ClinicalTrials.gov shows it.",
                    evidence=Evidence.whole("nct_id", text),
                    suggestion=candidate,
                ),
            )
