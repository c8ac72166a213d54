"""A synthetic Report for the report writers' tests, screenshots and size measurements.

The rules and findings here are *made up* (deterministic, seeded): they exercise every part of
every format — evidence inside long fields, contradictions with related evidence, suggestions,
unreadable records, baselined (suppressed) findings, the submission gate — at any size, before or
without the real rules. Nothing here is used by an audit run.

``python -m trial_audit.reports._sample OUT_DIR [N]`` writes every format for an N-record sample.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from trial_audit.core.findings import Category, Evidence, Finding, Severity
from trial_audit.core.model import Source
from trial_audit.core.report import AUDITED, UNREADABLE, RecordResult, Report, RuleInfo

XSS = {
    "script": "<script>window.__xss=1</script>",
    "img": '<img src=x onerror="window.__xss=1">',
    "js": "javascript:window.__xss=1",
    "svg": "<svg onload=window.__xss=1>",
    "close": "</script><script>window.__xss=1</script>",
    "attr": '" onmouseover="window.__xss=1" x="',
    "style": "<style>body{display:none}</style>",
    "sep": "\u2028\u2029</SCRIPT >&lt;",
}

_RULES = [
    ("TA001", "unreadable-input", "input", "error", "A source file or record could not be read."),
    ("TA104", "criteria-numbering-restarts", "numbering", "warning", "Numbered eligibility items restart or skip numbers inside one list."),
    ("TA201", "age-limits-contradict-text", "age", "error", "The structured age limits contradict the ages stated in the text."),
    ("TA305", "summary-condition-not-in-conditions", "scope", "info", "The summary names a condition that the conditions list does not."),
    ("TA401", "start-after-completion", "timeline", "error", "The start date is after the completion date."),
    ("TA412", "recruiting-past-completion", "status", "warning", "The record says recruiting although its completion date has passed."),
    ("TA503", "official-without-affiliation", "people", "info", "A trial official has no affiliation."),
    ("TA601", "missing-primary-outcome", "completeness", "warning", "An interventional study has no primary outcome."),
    ("TA702", "mojibake-in-text", "text", "warning", "Text holds mis-decoded characters (mojibake) such as 'Ã©' for 'é'."),
]

_CRITERIA = [
    "Inclusion Criteria:\n1. Age 18 to 65 years.\n2. Confirmed diagnosis of {cond}.\n4. Signed informed consent.\n"
    "Exclusion Criteria:\n1. Pregnant or lactating women.\n2. Active infection requiring systemic treatment.",
    "Inclusion Criteria:\n* Adults aged 65 to 74 years with {cond}\n* ECOG 0-1\n"
    "Exclusion Criteria:\n* Prior CAR-T therapy\n* Serious heart disease (NYHA ≥III)",
    "Key inclusion:\n(1) Patients older than 12 years with {cond};\n(2) Expected survival ≥3 months;\n"
    "(2) Able to swallow tablets.\nKey exclusion:\n(1) Known hypersensitivity to the study drug.",
]
_CONDITIONS = [
    "systemic lupus erythematosus",
    "type 2 diabetes",
    "hypertension",
    "asthma",
    "psoriasis",
    "major depressive disorder",
    "rheumatoid arthritis",
    "chronic kidney disease",
]
_SUMMARY = (
    "This study tests whether {drug} improves outcomes in adults with {cond}. Participants will be "
    "followed for {n} weeks. The study also looks at people with {other}, which is not listed as a condition. "
    "Caf\u00c3\u00a9 visits are reimbursed."
)


def _rules() -> list[RuleInfo]:
    out = []
    for code, name, cat, sev, summary in _RULES:
        doc = (  # in the documentation sections every rule's docstring has (docs/architecture.md)
            f"{summary}\n\n## What it does\n\nReports a record where this happens (sample rule {code}, used only in "
            "report tests).\n\n## Why it matters\n\nA curator reading this record cannot trust it until this is fixed."
            "\n\n## Fix\n\nCorrect the record."
        )
        out.append(RuleInfo(code, name, cat, sev, summary, doc))
    return out


def _find(rule: RuleInfo, message: str, ev: Evidence, related=(), suggestion=None) -> Finding:
    return Finding(
        rule.code,
        rule.name,
        Category(rule.category),
        Severity(rule.severity),
        message,
        field=ev.field,
        evidence=ev,
        related=list(related),
        suggestion=suggestion,
    )


def _span(field: str, text: str, needle: str) -> Evidence:
    i = text.find(needle)
    if i < 0:
        return Evidence(field, "", 0, 0)
    return Evidence.span(field, text, i, i + len(needle))


def sample_record(i: int, rng: random.Random, rules: dict[str, RuleInfo], xss: bool = False) -> RecordResult:
    rid = f"NCT{10000000 + i:08d}"
    cond = rng.choice(_CONDITIONS)
    other = rng.choice([c for c in _CONDITIONS if c != cond])
    title = f"A Study of Drug-{i % 97} in {cond.title()}"
    criteria = rng.choice(_CRITERIA).format(cond=cond)
    summary = _SUMMARY.format(drug=f"Drug-{i % 97}", cond=cond, n=rng.choice([12, 24, 52]), other=other)
    source = Source(path=f"data/batch-{i // 500:02d}.ndjson", format="ctgov-v2", index=i % 500, line=i % 500 + 1)
    if xss:
        rid = XSS["js"]
        title = XSS["script"] + " " + XSS["attr"]
        summary = f"Summary {XSS['img']} and {XSS['style']} then {other} {XSS['sep']}"
        criteria = f"Inclusion Criteria:\n1. {XSS['svg']} aged 18 to 65\n3. {XSS['close']}\n"
        source = Source(path=f"data/{XSS['img']}.json", format="ctgov-v2")
    if not xss and i % 97 == 13:
        f = Finding(
            "TA001",
            "unreadable-input",
            Category.INPUT,
            Severity.ERROR,
            f"Could not read {source.display()}: invalid JSON (line 1, column 40). Fix or re-export the file; nothing in it was audited.",
            field="source",
            evidence=Evidence("source", '{"protocolSection": {"identificationModule": ', 0, 46),
        )
        return RecordResult(source.display(), source, "ctgov-v2", UNREADABLE, [f])
    texts = {
        "criteria": criteria,
        "brief_summary": summary,
        "minimum_age": "18 Years",
        "maximum_age": "65 Years",
        "dates.start": "2024-06",
        "dates.completion": "2023-12",
        "overall_status": "RECRUITING",
    }
    findings: list[Finding] = []
    picks = rng.sample(range(9), k=rng.choice([0, 1, 2, 2, 3, 4]))
    if xss:
        picks = [1, 2, 3, 4]
    for p in sorted(picks):
        if p == 0:
            continue
        code = _RULES[p][0]
        r = rules[code]
        if code == "TA104":
            m = [ln for ln in criteria.splitlines() if ln[:2] in ("4.", "3.", "(2")]
            q = m[0] if m else criteria.splitlines()[-1]
            findings.append(
                _find(
                    r,
                    "Eligibility item numbering skips or repeats a number; renumber the list so "
                    "that each criterion is cited unambiguously.",
                    _span("criteria", criteria, q),
                    suggestion="Renumber the items consecutively (1, 2, 3 …).",
                )
            )
        elif code == "TA201":
            q = "65 to 74" if "65 to 74" in criteria else ("aged 18 to 65" if xss else "18")
            findings.append(
                _find(
                    r,
                    "The eligibility text gives an age range that the structured age limits "
                    "(18 Years – 65 Years) contradict. Make the two agree.",
                    _span("criteria", criteria, q),
                    related=[Evidence.whole("minimum_age", "18 Years"), Evidence.whole("maximum_age", "65 Years")],
                    suggestion="Set the structured limits to the ages the criteria state, or correct the text.",
                )
            )
        elif code == "TA305":
            ev = _span("brief_summary", summary, XSS["img"] if xss else other)
            findings.append(
                _find(
                    r,
                    f"The summary mentions '{ev.text}', which is not among the listed conditions.",
                    ev,
                    suggestion=f"Add '{ev.text}' to the conditions or reword the summary.",
                )
            )
        elif code == "TA401":
            findings.append(
                _find(
                    r,
                    "The study starts (2024-06) after it completes (2023-12): one of the dates is wrong.",
                    Evidence.whole("dates.start", "2024-06"),
                    related=[Evidence.whole("dates.completion", "2023-12")],
                    suggestion="Check both dates against the protocol and correct the wrong one.",
                )
            )
        elif code == "TA412":
            findings.append(
                _find(
                    r,
                    "The status is RECRUITING but the completion date (2023-12) has passed.",
                    Evidence.whole("overall_status", "RECRUITING"),
                    related=[Evidence.whole("dates.completion", "2023-12")],
                    suggestion="Update the overall status, or the completion date if the study continues.",
                )
            )
        elif code == "TA503":
            findings.append(_find(r, "The principal investigator has no affiliation.", Evidence("officials[0].affiliation", "", 0, 0)))
        elif code == "TA601":
            findings.append(
                _find(
                    r,
                    "The study lists no primary outcome measure.",
                    Evidence("primary_outcomes", "", 0, 0),
                    suggestion="Add the primary outcome measure and its time frame.",
                )
            )
        elif code == "TA702":
            findings.append(
                _find(
                    r,
                    "The summary holds mis-decoded text ('Ã©' for 'é').",
                    _span("brief_summary", summary, "Caf\u00c3\u00a9"),
                    suggestion="Replace 'CafÃ©' with 'Café'.",
                )
            )
    if not xss and i % 11 == 5 and findings:
        findings[0].suppressed = True
        findings[0].fingerprint = f"{rid}:{findings[0].rule}"
    used = {f.field for f in findings} | {r.field for f in findings for r in f.related}
    return RecordResult(rid, source, source.format, AUDITED, findings, title=title, texts={k: v for k, v in texts.items() if k in used})


def sample_gate(records: list[RecordResult], xss: bool = False) -> dict:
    ids = [r.id for r in records if r.status == AUDITED]
    failed = ids[1:4]
    exps = [
        {
            "expectation": "expect_column_values_to_not_be_null",
            "column": "nct_id",
            "kwargs": {"column": "nct_id"},
            "success": True,
            "unexpected_count": 0,
            "failed_records": [],
        },
        {
            "expectation": "expect_column_values_to_match_regex",
            "column": "nct_id",
            "kwargs": {"column": "nct_id", "regex": "^NCT[0-9]{8}$"},
            "success": not failed,
            "unexpected_count": len(failed),
            "failed_records": failed,
        },
        {
            "expectation": "expect_column_values_to_be_in_set",
            "column": "overall_status",
            "kwargs": {"column": "overall_status", "value_set": ["RECRUITING", "COMPLETED"]},
            "success": True,
            "unexpected_count": 0,
            "failed_records": [],
        },
        {
            "expectation": "expect_column_values_to_be_unique",
            "column": "nct_id",
            "kwargs": {"column": "nct_id"},
            "success": True,
            "unexpected_count": 0,
            "failed_records": [],
        },
        {
            "expectation": "expect_column_pair_values_a_to_be_greater_than_b",
            "column": None,
            "kwargs": {"column_A": "completion_date_last", "column_B": "start_date", "or_equal": True},
            "success": True,
            "unexpected_count": 0,
            "failed_records": [],
        },
    ]
    if xss:
        exps.append(
            {
                "expectation": XSS["img"],
                "column": XSS["script"],
                "kwargs": {"x": XSS["close"]},
                "success": False,
                "unexpected_count": 1,
                "failed_records": [XSS["js"]],
            }
        )
    passed = sum(1 for e in exps if e["success"])
    return {"success": passed == len(exps), "suite": "trial-audit-default", "evaluated": len(exps), "passed": passed, "expectations": exps}


def sample_report(n: int = 40, seed: int = 7, xss: bool = False, gate: bool = True) -> Report:
    rng = random.Random(seed)
    rules = _rules()
    by_code = {r.code: r for r in rules}
    records = [sample_record(i, rng, by_code) for i in range(n)]
    if xss:
        records.insert(1, sample_record(n, rng, by_code, xss=True))
    report = Report(
        records=records,
        rules=rules,
        inputs=["data/"],
        as_of="2025-11-14",
        generated="2025-11-14T12:00:00+00:00",
        fail_on="error",
        baseline="trial-audit-baseline.json",
    )
    if gate:
        report.gate = sample_gate(records, xss=xss)
    return report


def main(argv: list[str]) -> None:  # pragma: no cover - a helper for humans
    from trial_audit.reports import load_writers

    out = Path(argv[0] if argv else "sample-report")
    n = int(argv[1]) if len(argv) > 1 else 40
    out.mkdir(parents=True, exist_ok=True)
    report = sample_report(n)
    for w in load_writers().values():
        w.write(report, out / w.filename)
        print(f"wrote {out / w.filename}")


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
