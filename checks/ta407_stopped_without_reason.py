import dataclasses

from trial_audit.checks._shared.timeline import FORMATS_WITH_WHY_STOPPED, fmt, not_required_then, status_evidence, status_word
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register

_STOPPED = frozenset({"SUSPENDED", "TERMINATED", "WITHDRAWN"})


@register
class StoppedWithoutReason(Rule):
    """A suspended, terminated or withdrawn study gives no reason for stopping.

    ## What it does

    Reports a record when a suspended, terminated or withdrawn study gives no reason for stopping.

    Reports: suspended / terminated / withdrawn without "why stopped".

    ## Why it matters

    The registry requires a brief reason ("Why Study Stopped") whenever a study is
    suspended, terminated or withdrawn; it is how patients, reviewers and meta-researchers tell
    a safety stop from slow accrual or a business decision. Not checked for formats that have
    no such field (CSV exports, patient pages). The reason became a required data element with
    FDAAA (2007-12-26): a study that ended before then, or a record last updated before then, is
    reported as a note (info) that says so, not as an error.

    ## Fix

    Enter a brief reason the study stopped (e.g. "Slow accrual", "Sponsor decision").

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Study Status)
    - FDAAA 801 and the Final Rule (42 CFR Part 11):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    """

    code = "TA407"
    name = "stopped-without-reason"
    category = Category.STATUS
    severity = Severity.ERROR
    bad = [{"overall_status": "TERMINATED"}, {"overall_status": "WITHDRAWN", "why_stopped": "  "}]
    good = [{"overall_status": "TERMINATED", "why_stopped": "Lack of enrollment"}, {"overall_status": "COMPLETED"}]

    def check(self, record, ctx):
        if record.overall_status not in _STOPPED or fmt(record) not in FORMATS_WITH_WHY_STOPPED:
            return
        if record.why_stopped and record.why_stopped.strip():
            return
        words = status_word(record.overall_status)
        evidence = Evidence("why_stopped", record.why_stopped or "", 0, 0)
        why_not = not_required_then(record, "why_stopped")
        if why_not is None:
            yield self.finding(
                f'The study is "{words}" but gives no reason for stopping. Enter a brief reason the study stopped.',
                evidence=evidence,
                related=[status_evidence(record)],
                suggestion="Enter a brief reason the study stopped.",
            )
            return
        note = self.finding(
            f'The study is "{words}" but gives no reason for stopping; {why_not}. Add the reason if it is known.',
            evidence=evidence,
            related=[status_evidence(record)],
            suggestion="Add the reason the study stopped if it is known.",
        )
        yield dataclasses.replace(note, severity=Severity.INFO)
