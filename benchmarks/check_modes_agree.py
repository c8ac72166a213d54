"""Do the run modes agree? Serial, the default worker mode, ``-j 2`` and ``--engine dask``, finding for finding.

Issue 21: scaling out must not change the audit. This script audits the same inputs (by default
all of the shared real data, every format, and the seeds) with the command line in each mode, as
fresh processes:

- ``serial``: ``-j 1``, one process - the reference;
- ``default``: no ``-j`` (one worker per core when the input is large enough);
- ``j2``: ``-j 2``, two forked worker processes;
- ``dask``: ``--engine dask -j 2``, a Dask LocalCluster of two single-threaded worker processes,

and compares every report with the serial one: the counts (records, findings, findings per rule,
the summary), then record by record in reading order (ID, source, format, status, quoted texts
and paths) and finding by finding (rule, field, message, evidence text and offsets, the related
side of a contradiction, suggestion, fingerprint). Only the time of the run (``generated``) may
differ. It prints a verdict per mode and what differs, and exits 1 when anything does.

Part of the shared data is the held-out (unseen) half (``split.py``): for its records a difference
is printed as the record ID and the names of the attributes that differ, never the findings.

    nice python benchmarks/check_modes_agree.py                       # all shared data + seeds, four modes
    nice python benchmarks/check_modes_agree.py seeds --modes serial,dask
    nice python benchmarks/check_modes_agree.py --keep /tmp/modes     # keep the reports
    nice python benchmarks/check_modes_agree.py --reference /tmp/before/report.json --modes default,j2,dask

``--reference`` compares with a report made before (e.g. the serial run of the commit before a
change, which is what issue 21 asks every mode to equal) instead of running the first mode; the
report must be of the same inputs with ``--as-of 2026-11-27``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from split import part_of  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA") or ROOT.parent / "shared" / "data")
if not DATA.is_dir():
    DATA = Path("/work/shared/data")

#: mode name -> the command line's options for it
MODES: dict[str, list[str]] = {
    "serial": ["-j", "1"],
    "default": [],
    "j2": ["-j", "2"],
    "dask": ["--engine", "dask", "-j", "2"],
}
#: report keys that may differ between two runs of the same audit
VOLATILE = ("generated",)
#: what a finding is compared on, in the order differences are named
FINDING_KEYS = ("rule", "name", "category", "severity", "field", "message", "evidence", "related", "suggestion", "fingerprint")


def run(python: str, inputs: list[str], out: Path, extra: list[str]) -> tuple[float, float]:
    """Audit ``inputs`` into ``out``; (wall seconds, CPU seconds of the process tree)."""
    cmd = [python, "-m", "trial_audit", "audit", *inputs, "-f", "json", "--out", str(out), "-q"]
    cmd += ["--fail-on", "never", "--as-of", "2026-11-27", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 or not (out / "report.json").is_file():
        sys.exit(f"the audit failed (exit {done.returncode}): {' '.join(cmd)}\n{done.stderr.decode(errors='replace')[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def load(path: Path) -> dict[str, Any]:
    with open(path, "rb") as f:
        report = json.load(f)
    for key in VOLATILE:
        report.pop(key, None)
    return report


def counts(report: dict[str, Any]) -> dict[str, Any]:
    records = report.get("records", [])
    per_rule = Counter(f.get("rule") for r in records for f in r.get("findings", []))
    return {
        "records": len(records),
        "findings": sum(per_rule.values()),
        "per_rule": dict(sorted(per_rule.items())),
        "summary": report.get("summary"),
    }


def _unseen(record_id: Any) -> bool:
    # a record is of the held-out half by its ID (split.py); records without an ID are not
    return isinstance(record_id, str) and bool(record_id) and part_of(record_id) == "unseen"


def finding_differences(a: list[dict[str, Any]], b: list[dict[str, Any]], show: bool) -> list[str]:
    """The findings of one record compared position by position: which attributes differ."""
    out = []
    if len(a) != len(b):
        out.append(f"{len(a)} findings against {len(b)}")
        if show:
            ca, cb = Counter(f.get("rule") for f in a), Counter(f.get("rule") for f in b)
            out.append(f"rules only in the reference: {dict(ca - cb)}; only in this mode: {dict(cb - ca)}")
    for i, (x, y) in enumerate(zip(a, b)):
        if x == y:
            continue
        keys = [k for k in FINDING_KEYS if x.get(k) != y.get(k)] + sorted(
            k for k in set(x) | set(y) if k not in FINDING_KEYS and x.get(k) != y.get(k)
        )
        if show:
            detail = {k: (x.get(k), y.get(k)) for k in keys if k not in ("message", "suggestion")}
            out.append(f"finding {i} ({x.get('rule')} {x.get('field')}): {', '.join(keys)} differ {json.dumps(detail)[:400]}")
        else:
            out.append(f"finding {i}: {', '.join(keys)} differ")
    return out


def differences(ref: dict[str, Any], other: dict[str, Any]) -> list[str]:
    """Everything that differs between two reports, in words."""
    out = []
    for key in sorted(set(ref) | set(other)):
        if key != "records" and ref.get(key) != other.get(key):
            out.append(f"report key {key!r} differs")
    ca, cb = counts(ref), counts(other)
    for key in ("records", "findings"):
        if ca[key] != cb[key]:
            out.append(f"{ca[key]} {key} against {cb[key]}")
    if ca["per_rule"] != cb["per_rule"]:
        rules = sorted(set(ca["per_rule"]) | set(cb["per_rule"]))
        out.append(
            "findings per rule differ: "
            + ", ".join(
                f"{r} {ca['per_rule'].get(r, 0)}/{cb['per_rule'].get(r, 0)}"
                for r in rules
                if ca["per_rule"].get(r) != cb["per_rule"].get(r)
            )
        )
    ra, rb = ref.get("records", []), other.get("records", [])
    for i, (x, y) in enumerate(zip(ra, rb)):
        if x == y:
            continue
        rid = x.get("id") if x.get("id") == y.get("id") else f"{x.get('id')} / {y.get('id')}"
        show = not (_unseen(x.get("id")) or _unseen(y.get("id")))
        keys = [k for k in sorted(set(x) | set(y)) if k != "findings" and x.get(k) != y.get(k)]
        head = f"record {i} ({rid}{'' if show else ', unseen half: details withheld'})"
        if keys:
            out.append(f"{head}: {', '.join(keys)} differ")
        out.extend(f"{head}: {d}" for d in finding_differences(x.get("findings", []), y.get("findings", []), show))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", help="files or folders to audit (default: all of the shared data, and the seeds)")
    ap.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, the first is the reference (of {', '.join(MODES)})")
    ap.add_argument("--python", default=sys.executable, help="the interpreter whose trial-audit is run")
    ap.add_argument("--keep", type=Path, help="write the reports under this folder (default: a temporary one)")
    ap.add_argument("--show", type=int, default=40, help="differences printed per mode")
    ap.add_argument("--reference", type=Path, help="a JSON report to compare every mode with (default: the first mode's)")
    args = ap.parse_args(argv)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown or not modes:
        ap.error(f"unknown modes {unknown}: choose from {', '.join(MODES)}")
    inputs = args.inputs or [str(DATA), str(ROOT / "seeds")]
    print(f"inputs: {' '.join(inputs)}; python {sys.version.split()[0]}; {os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="modes-agree-") as tmp:
        base = args.keep or Path(tmp)
        reference: dict[str, Any] | None = None
        ref_name = modes[0]
        failed = 0
        print(f"{'mode':<8} {'options':<24} {'wall s':>8} {'CPU s':>8}  verdict", flush=True)
        if args.reference:
            reference, ref_name = load(args.reference), str(args.reference)
            c = counts(reference)
            print(f"{'given':<8} {'':<24} {'':>8} {'':>8}  reference {ref_name}: {c['records']:,} records, {c['findings']:,} findings")
        for mode in modes:
            out = base / mode
            wall, cpu = run(args.python, inputs, out, MODES[mode])
            report = load(out / "report.json")
            opts = " ".join(MODES[mode]) or "(none)"
            if reference is None:
                reference = report
                c = counts(report)
                print(
                    f"{mode:<8} {opts:<24} {wall:>8.1f} {cpu:>8.1f}  reference: {c['records']:,} records, {c['findings']:,} findings",
                    flush=True,
                )
                continue
            diff = differences(reference, report)
            if not diff:
                print(
                    f"{mode:<8} {opts:<24} {wall:>8.1f} {cpu:>8.1f}  SAME as {ref_name}: every record and finding, offset for offset",
                    flush=True,
                )
                continue
            failed += 1
            print(f"{mode:<8} {opts:<24} {wall:>8.1f} {cpu:>8.1f}  DIFFERENT from {ref_name}: {len(diff)} differences", flush=True)
            for line in diff[: args.show]:
                print("    " + line)
        verdict = "all modes agree" if not failed else f"{failed} mode(s) differ from {ref_name}"
        print(f"verdict: {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
