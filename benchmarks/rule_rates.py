"""Firing rate of every rule on the real registry data, written into docs/rules.md.

For each folder of the real data (``$TRIAL_AUDIT_SHARED_DATA``, else ../shared/data) it runs the
full audit and counts, per rule, the records it fires on (a rule that fires on nothing real, or on
nearly everything, is suspect). The folders are the registry's formats: the small samples
(ctgov-v2, ctgov-classic, ctgov-xml, ctgov-csv) and the bulk sets (ctgov-v2-bulk, ~570 v2
studies; ctgov-xml-bulk, ~6,850 legacy XML records), ~12,800 records in all.

    python benchmarks/rule_rates.py                        # prints the rates table
    python benchmarks/rule_rates.py --write docs/rules.md  # rewrites its generated blocks

Only the ``<!-- generated:rates -->`` block of the document is written from the data; the rule
tables (``<!-- generated:rules ... -->``) are regenerated from the rules as
``python -m trial_audit.cli.docs`` does, so one run brings docs/rules.md up to date.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trial_audit.cli.docs import family_docs, render  # noqa: E402
from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.engine.registry import load_rules  # noqa: E402
from trial_audit.engine.runner import RunOptions, audit_paths  # noqa: E402

DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA") or ROOT.parent / "shared" / "data")
CORPORA = ["ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv", "ctgov-v2-bulk", "ctgov-xml-bulk"]
RATES = re.compile(r"<!-- generated:rates -->\n.*?<!-- /generated -->", re.DOTALL)
#: the other registries' formats and the criteria tables (issue 23), in a table of their own
OTHER_CORPORA = ["ictrp-xml", "ictrp-csv", "ictrp-xlsx", "drks-json", "criteria-corpus"]
OTHER_RATES = re.compile(r"<!-- generated:rates other-registries -->\n.*?<!-- /generated -->", re.DOTALL)


def rates(as_of: str, corpora: list[str] | None = None) -> tuple[dict[str, Counter], dict[str, int]]:
    """Per folder: records flagged by each rule, and records audited."""
    flagged: dict[str, Counter] = {}
    audited: dict[str, int] = {}
    folders = {c: DATA / c for c in corpora} if corpora is not None else {c: DATA / c for c in CORPORA} | {"seeds": ROOT / "seeds"}
    for name, folder in folders.items():
        report = audit_paths([folder], RunOptions(as_of=parse_date(as_of)))
        audited[name] = report.summary()["audited"]
        c: Counter = Counter()
        for rec in report.records:
            for code in {f.rule for f in rec.findings}:
                c[code] += 1
        flagged[name] = c
    return flagged, audited


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n / total:.1f}%)" if total else f"{n}/0"


def rates_table(as_of: str) -> str:
    """The rates block: a column per folder, then all real data together, then the seeds."""
    rules = load_rules()
    flagged, audited = rates(as_of)
    real = [c for c in CORPORA if c in flagged]
    total = sum(audited[c] for c in real)
    cols = [*real, "all real data", "seeds"]
    lines = [
        f"Records flagged / records audited (as-of date {as_of} for records without their own); {total:,} real records audited in all.",
        "",
        "| code | " + " | ".join(cols) + " |",
        "|---|" + "---:|" * len(cols),
    ]
    for code in rules:
        cells = [f"{flagged[c][code]}/{audited[c]}" for c in real]
        cells.append(_pct(sum(flagged[c][code] for c in real), total))
        cells.append(f"{flagged['seeds'][code]}/{audited['seeds']}")
        lines.append(f"| {code} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def other_rates_table(as_of: str) -> str:
    """The rates of the other registries' formats and the criteria tables: a column per folder."""
    rules = load_rules()
    flagged, audited = rates(as_of, OTHER_CORPORA)
    cols = [c for c in OTHER_CORPORA if c in audited]
    total = sum(audited[c] for c in cols)
    lines = [
        f"Records flagged / records audited (as-of date {as_of} for records without their own); {total:,} records audited in all.",
        "",
        "| code | " + " | ".join(cols) + " | all |",
        "|---|" + "---:|" * (len(cols) + 1),
    ]
    for code in rules:
        cells = [f"{flagged[c][code]}/{audited[c]}" for c in cols]
        cells.append(_pct(sum(flagged[c][code] for c in cols), total))
        lines.append(f"| {code} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--as-of", default="2026-11-27")
    ap.add_argument("--write", type=Path, help="a document with a <!-- generated:rates --> block (docs/rules.md)")
    ap.add_argument("--other-registries", action="store_true", help="only print the table of the other registries' formats")
    args = ap.parse_args()
    if args.other_registries:
        print(other_rates_table(args.as_of))
        return
    table = rates_table(args.as_of)
    if not args.write:
        print(table)
        return
    text = args.write.read_text(encoding="utf-8")
    if not RATES.search(text):
        raise SystemExit(f"{args.write} has no <!-- generated:rates --> ... <!-- /generated --> block")
    text = RATES.sub(lambda _: f"<!-- generated:rates -->\n{table}<!-- /generated -->", text)
    if OTHER_RATES.search(text):
        other = other_rates_table(args.as_of)
        text = OTHER_RATES.sub(lambda _: f"<!-- generated:rates other-registries -->\n{other}<!-- /generated -->", text)
    rules = load_rules()
    args.write.write_text(render(text, rules, family_docs(args.write.parent, rules)), encoding="utf-8")


if __name__ == "__main__":
    main()
