import dataclasses

from trial_audit.checks._shared.results import (
    DELAYED_DUE_AFTER_YEARS,
    DUE_AFTER,
    FORMATS_WITH_FDAAA_FACTS,
    GRACE,
    add_years,
    applicable,
    estimated,
    last_day,
    reported,
)
from trial_audit.checks._shared.timeline import now_evidence
from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register


@register
class ResultsOverdue(Rule):
    """An applicable clinical trial's results are overdue under FDAAA (primary completion + 1 year).

    ## What it does

    Identifies applicable clinical trials the way the FDAAA TrialsTracker does: interventional,
    not withdrawn, phase 1/2 to 4 or N/A (not phase 1, not a device feasibility study), and
    either started on or after 2017-01-18 with an FDA-regulated drug or device (ACT), or started
    before and still running then (primary completion on or after 2017-01-18) with a drug,
    biological, device, genetic, radiation, combination-product or diagnostic-test intervention,
    a US site and no flag saying it is not FDA-regulated (probable ACT). Results are due 365 days
    after the primary completion date (the completion date when there is none; a month-only
    date is read as its last day); a certificate of delay submitted before that deadline moves it
    to three years. The trial is reported when results are neither posted nor submitted (nor
    under QC review) and the deadline passed more than 30 days before the record's as-of date
    (the posting window). The message gives the due date, the days late and the fields used.

    ## Why it matters

    FDAAA 801 and 42 CFR Part 11 require the responsible party of an applicable clinical trial to
    submit results within a year of primary completion; unreported trials distort the evidence
    doctors and patients rely on, and the FDA can fine each day of delay.

    ## Fix

    Submit the results (or, if the product is not yet approved, a certificate of delay before
    the deadline); if the record is wrong (the study is not an applicable trial, the primary
    completion date is an old estimate), correct the facts it was computed from.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - FDAAA 801 and the Final Rule (42 CFR Part 11, 11.44 results deadlines):
      https://clinicaltrials.gov/policy/fdaaa-801-final-rule
    - FDAAA TrialsTracker, ACT / probable-ACT identification and days late:
      https://github.com/ebmdatalab/clinicaltrials-act-tracker (view.sql, trial_computer.py)
    - ClinicalTrials.gov PRS Review Criteria, Results Section (https://prsinfo.clinicaltrials.gov/ResultsDetailedReviewItems.pdf)
    """

    code = "TA901"
    name = "results-overdue"
    category = Category.RESULTS
    severity = Severity.ERROR
    bad = [
        {
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE3"],
            "fda_regulated_drug": True,
            "overall_status": "COMPLETED",
            "dates": {"start": "2019-02-01", "primary_completion": ["2021-03", "ACTUAL"]},
            "as_of": "2024-01-01",
        },
        {
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE2"],
            "interventions": [{"type": "DRUG", "name": "Drug X"}],
            "locations": [{"city": "Boston", "country": "United States"}],
            "overall_status": "COMPLETED",
            "dates": {"start": "2015-06", "primary_completion": ["2017-06", "ACTUAL"]},
            "as_of": "2020-01-01",
        },
    ]
    good = [
        {
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE3"],
            "fda_regulated_drug": True,
            "overall_status": "COMPLETED",
            "dates": {"start": "2019-02-01", "primary_completion": ["2021-03", "ACTUAL"]},
            "results_submitted": "2022-02-10",
            "as_of": "2024-01-01",
        },
        {
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE1"],
            "fda_regulated_drug": True,
            "dates": {"start": "2019-02-01", "primary_completion": ["2021-03", "ACTUAL"]},
            "as_of": "2024-01-01",
        },
        {
            "study_type": "INTERVENTIONAL",
            "phases": ["PHASE3"],
            "fda_regulated_drug": True,
            "dates": {"start": "2019-02-01", "primary_completion": ["2021-03", "ACTUAL"]},
            "delay_certificate": "2022-01-15",
            "as_of": "2023-06-01",
        },
    ]

    def check(self, record, ctx):
        if (record.source.format or "") not in FORMATS_WITH_FDAAA_FACTS or reported(record) is not None:
            return
        act = applicable(record)
        if act is None:
            return
        now = ctx.now_for(record)
        today = last_day(now) if now.precision.value != "day" else now.to_date()
        completed = last_day(act.completion)
        due = completed + DUE_AFTER
        certificate = record.delay_certificate
        cert_note = ""
        if certificate is not None:
            if certificate.to_date() <= due:
                due = add_years(completed, DELAYED_DUE_AFTER_YEARS)
                cert_note = f"; a certificate of delay was submitted {certificate.iso()}, which moves the deadline to 3 years"
            else:
                cert_note = f"; the certificate of delay ({certificate.iso()}) was submitted after the deadline and does not extend it"
        late = (today - due).days
        if late <= GRACE.days:
            return
        label = "primary completion" if act.completion_field.endswith("primary_completion") else "completion (no primary completion date)"
        estimate = " (an estimated date: if the study ended otherwise, correct it)" if estimated(act.completion) else ""
        kind = "an applicable clinical trial" if act.kind == "ACT" else "a probable applicable clinical trial (started before 2017-01-18)"
        violation = " The registry itself records an FDAAA 801 violation for this trial." if record.fdaaa801_violation else ""
        message = (
            f"Results are overdue: this is {kind} ({'; '.join(act.facts)}), its {label} date is {act.completion.iso()}{estimate}, "
            f"so results were due by {due.isoformat()}{cert_note}; none are posted or submitted, {late} days late as of "
            f"{today.isoformat()}. Submit the results, or correct the facts above if they are wrong.{violation}"
        )
        text = record.text(act.completion_field) or act.completion.iso()
        related = [Evidence("study_type", record.study_type or "", 0, len(record.study_type or ""))]
        for name in ("fda_regulated_drug", "fda_regulated_device"):
            if getattr(record, name) is not None:
                related.append(Evidence(name, str(getattr(record, name)), 0, len(str(getattr(record, name)))))
        related.append(now_evidence(record, now))
        if certificate is not None:
            related.append(
                Evidence("delay_certificate", certificate.raw or certificate.iso(), 0, len(certificate.raw or certificate.iso()))
            )
        finding = self.finding(
            message,
            evidence=Evidence(act.completion_field, text, 0, len(text)),
            related=related,
            suggestion="Submit the results to the registry, or correct the record if it is not an applicable clinical trial.",
        )
        yield finding if act.kind == "ACT" else dataclasses.replace(finding, severity=Severity.WARNING)
