"""Firing rates of the timeline & status rules (TA4xx) over the real registry records.

Reads every record of ../shared/data (ctgov-v2, ctgov-classic, ctgov-xml, ctgov-csv), runs the
TA4xx rules, and prints per format and per rule: records checked, records flagged, firing rate.
With --dump it writes every finding (record id, rule, message, evidence) as JSON lines, and with
--sample N it prints a reproducible random sample of N flagged records for hand-checking.

"Now" is each record's own as-of date where it has one (v2 / classic version date, XML download
date). A CSV export has none: the CSV reader gives each file's records the latest posted date in
it (a lower bound of the export date, so staleness is never overstated); --as-of overrides that.

    python benchmarks/measure_ta4xx.py
    python benchmarks/measure_ta4xx.py --dump /tmp/ta4.jsonl --sample 50 --seed 4
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trial_audit.core.dates import parse_date  # noqa: E402
from trial_audit.core.model import TrialRecord  # noqa: E402
from trial_audit.engine.registry import RULES, Context, Rule  # noqa: E402

DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA") or ROOT.parent / "shared" / "data")
FORMATS = ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv")


def _iter_folder(folder: Path) -> Iterator[TrialRecord]:
    """Records of one data folder, through the project's readers."""
    try:
        from trial_audit.readers import iter_records  # the readers' public entry point
    except ImportError:  # readers still being assembled: use the format modules directly

        def iter_records(paths):
            for p in paths:
                yield from _fallback_iter(p)

    for f in sorted(folder.iterdir()):
        if f.is_file():
            for r in iter_records([f]):
                if isinstance(r, TrialRecord):
                    yield r


def _fallback_iter(path: Path) -> Iterator[TrialRecord]:
    from trial_audit.core.model import Source

    if path.suffix == ".xml":
        from trial_audit.readers.ctgov_xml import read_xml

        yield read_xml(path.read_bytes(), Source(str(path), "ctgov-xml"))
    elif path.suffix == ".json":
        doc = json.loads(path.read_text())
        if "FullStudiesResponse" in doc:
            from trial_audit.readers.ctgov_classic import study_to_record

            for i, s in enumerate(doc["FullStudiesResponse"].get("FullStudies", [])):
                yield study_to_record(s, Source(str(path), "ctgov-classic", index=i))
        else:
            from trial_audit.readers.ctgov_v2 import study_to_record

            for i, s in enumerate(doc.get("studies", [doc])):
                yield study_to_record(s, Source(str(path), "ctgov-v2", index=i))
    elif path.suffix == ".csv":
        from trial_audit.readers.ctgov_csv import read_csv_rows

        with path.open(encoding="utf-8-sig", newline="") as fh:
            yield from read_csv_rows(fh, str(path))


def ta4_rules() -> list[Rule]:
    """The TA4xx rules only (imported directly, so another family's module cannot break a run)."""
    import importlib

    for f in sorted((ROOT / "checks").glob("ta4*.py")):
        importlib.import_module(f"trial_audit.checks.{f.stem}")
    return [cls() for code, cls in sorted(RULES.items()) if code.startswith("TA4")]


def measure(as_of: str | None, dump: Path | None, sample: int, seed: int) -> dict:
    rules = ta4_rules()
    fixed = parse_date(as_of) if as_of else None
    counts: dict[str, collections.Counter] = {f: collections.Counter() for f in FORMATS}
    flagged_records: list[tuple[str, TrialRecord, list]] = []
    out = dump.open("w") if dump else None
    n_records = 0
    t0 = time.perf_counter()
    for fmt in FORMATS:
        folder = DATA / fmt
        if not folder.is_dir():
            continue
        for rec in _iter_folder(folder):
            n_records += 1
            if fixed is not None and rec.extra.get("as_of_inferred"):
                rec.as_of = None  # as in the runner: --as-of wins over a CSV export's inferred date
            ctx = Context(as_of=fixed, today=fixed)
            counts[fmt]["records"] += 1
            if rec.dates or rec.unparsed_dates or any(k.startswith("dates.") for k in rec.declared_absent):
                counts[fmt]["dated"] += 1  # a CSV export may have no date columns at all
            found = []
            for rule in rules:
                fs = list(rule.check(rec, ctx))
                if fs:
                    counts[fmt][rule.code] += 1
                    found.extend(fs)
            if found:
                counts[fmt]["any"] += 1
                flagged_records.append((fmt, rec, found))
                if out:
                    for f in found:
                        out.write(
                            json.dumps(
                                {"format": fmt, "id": rec.id, "source": rec.source.display(), "now": ctx.now_for(rec).iso(), **f.to_dict()}
                            )
                            + "\n"
                        )
    elapsed = time.perf_counter() - t0
    if out:
        out.close()
    codes = [r.code for r in rules]
    print(f"{'format':<14}{'records':>8}{'dated':>7}  " + "  ".join(f"{c:>6}" for c in codes) + f"  {'any':>6}")
    for fmt in FORMATS:
        c = counts[fmt]
        if not c["records"]:
            continue
        print(f"{fmt:<14}{c['records']:>8}{c['dated']:>7}  " + "  ".join(f"{c[k]:>6}" for k in codes) + f"  {c['any']:>6}")
    print("firing rate (records flagged / records with dates):")
    for fmt in FORMATS:
        c = counts[fmt]
        if c["dated"]:
            print(
                f"{fmt:<14}{c['records']:>8}{c['dated']:>7}  "
                + "  ".join(f"{c[k] / c['dated']:>6.1%}" for k in codes)
                + f"  {c['any'] / c['dated']:>6.1%}"
            )
    print(f"{n_records} records, read + TA4xx rules in {elapsed:.2f}s ({n_records / elapsed:.0f} records/s)")
    if sample:
        rng = random.Random(seed)
        chosen = rng.sample(flagged_records, min(sample, len(flagged_records)))
        for fmt, rec, found in chosen:
            print(
                f"\n== {fmt} {rec.id} status={rec.overall_status} now={Context(as_of=None).now_for(rec).iso() if rec.as_of else 'ctx'}"
                f" why_stopped={rec.why_stopped!r} enrollment={rec.enrollment} {rec.enrollment_type}"
            )
            print("   dates: " + ", ".join(f"{k}={v}" for k, v in rec.dates.items()))
            if rec.declared_absent:
                print("   shown blank: " + ", ".join(f"{k}={v!r}" for k, v in rec.declared_absent.items() if k.startswith("dates.")))
            for f in found:
                print(f"   {f.rule} {f.message}")
    return {"counts": {k: dict(v) for k, v in counts.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--as-of", help="reference date for records without their own (default: see above)")
    ap.add_argument("--dump", type=Path, help="write every finding as JSON lines here")
    ap.add_argument("--sample", type=int, default=0, help="print this many flagged records for hand-checking")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    measure(args.as_of, args.dump, args.sample, args.seed)


if __name__ == "__main__":
    main()
