import difflib

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.core.model import enum_token
from trial_audit.engine.registry import TableRule, register

_LABELS = {
    "overall_status": "overall status",
    "study_type": "study type",
    "sex": "sex",
    "phases": "phase",
    "std_ages": "age group",
}


def _closest(value: str, vocabulary: frozenset[str]) -> str | None:
    token = enum_token(value)
    if token in vocabulary:
        return token
    close = difflib.get_close_matches(token or value, sorted(vocabulary), n=1, cutoff=0.85)
    return close[0] if close else None


@register
class ValueNotInRegistryVocabulary(TableRule):
    """A coded field (status, study type, sex, phase, age group) holds a value outside the registry's list.

    ## What it does

    Values are compared with the ClinicalTrials.gov API v2 codes (``RECRUITING``,
    ``INTERVENTIONAL``, ``FEMALE``, ``PHASE2``, ``OLDER_ADULT`` ...) after the reader has mapped the
    format's own spelling ("Active, not recruiting", "Phase 1/Phase 2") to them, so only values
    that map to no code are reported. Checked over the batch table's columns in plain Python (the
    same check as the table's pandera schema, see ``trial_audit.checks._shared.schema``); one
    finding per offending value.

    ## Why it matters

    Overall status, study type, sex, phase and the age groups are coded fields: search
    filters, eligibility matching for patients and every registry statistic select on the exact
    code. A value outside the list (a typo, a free-text "Recruiting soon", a phase "PHASE5")
    makes the trial invisible to those filters, and the registry rejects it on submission.

    ## Fix

    Choose the value from the registry's list; the finding suggests the closest code.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
    """

    code = "TA011"
    name = "value-not-in-registry-vocabulary"
    category = Category.SCHEMA
    severity = Severity.ERROR
    bad = [
        {"overall_status": "RECRUITING_SOON"},
        {"study_type": "INTERVENTIONAL_STUDY"},
        {"sex": "WOMEN"},
        {"phases": ["PHASE2", "PHASE5"]},
        {"std_ages": ["ADULT", "SENIOR"]},
    ]
    good = [
        {
            "overall_status": "ACTIVE_NOT_RECRUITING",
            "study_type": "INTERVENTIONAL",
            "sex": "ALL",
            "phases": ["PHASE1", "PHASE2"],
            "std_ages": ["ADULT", "OLDER_ADULT"],
        },
        {"study_type": "OBSERVATIONAL", "phases": []},
    ]

    def check_table(self, table, ctx):
        from trial_audit.checks._shared.schema import ENUM_COLUMNS, LIST_ENUM_COLUMNS, failures_in

        columns = {**ENUM_COLUMNS, **LIST_ENUM_COLUMNS}
        for pos, column, _check, value in failures_in(table, columns):
            field, vocabulary = columns[column]
            label = _LABELS[column]
            allowed = ", ".join(sorted(vocabulary))
            if column in LIST_ENUM_COLUMNS:
                tokens = str(value).split("|")
                text = "; ".join(tokens)  # the field's text as record.text() gives it
                offset = 0
                for token in tokens:
                    if token not in vocabulary:
                        yield pos, self._finding(label, token, allowed, vocabulary, Evidence(field, token, offset, offset + len(token)))
                    offset += len(token) + 2
                continue
            text = str(value)
            yield pos, self._finding(label, text, allowed, vocabulary, Evidence.whole(field, text))

    def _finding(self, label, value, allowed, vocabulary, evidence):
        closest = _closest(value, vocabulary)
        hint = f" Did you mean {closest}?" if closest else ""
        return self.finding(
            f"The {label} {value!r} is not one of the registry's codes ({allowed}).{hint} Choose the {label} from the registry's list.",
            evidence=evidence,
            suggestion=closest,
        )
