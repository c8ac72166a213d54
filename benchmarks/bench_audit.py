"""Throughput and memory of trial-audit on a synthetic corpus built from real records.

Builds a corpus of N records by replicating the real v2 JSON studies and legacy XML records of
../shared/data under fresh NCT IDs (v2 as NDJSON, XML as a .zip of one file per study, the way
the registry ships bulk downloads), then measures, each in a fresh subprocess:

- parse only: the bytes through the parsers alone (unzip, ``orjson.loads`` per NDJSON line, the
  XML tree as the reader builds it), no canonical record: the floor any reader in CPython pays;
- read only: every record through the readers into canonical records;
- no text: read + the rules that analyse no free text (all but TA1xx, TA2xx, TA3xx, TA7xx),
  to show what the text analysis costs and what is left without it;
- full audit: read + every rule (the default rule set), no report written;
- full audit + JSON report written;
- parallel: the full audit with worker processes, one per core (``--jobs 0``).

All but *parallel* run in one process, so their records/second are per core.

and reports records/second and the peak resident memory (ru_maxrss) of each.

    python benchmarks/bench_audit.py --records 20000
    python benchmarks/bench_audit.py --records 2000 20000   # memory should not grow with N
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRIAL_AUDIT_SHARED_DATA") or ROOT.parent / "shared" / "data")
_NCT_XML = re.compile(r"<nct_id>NCT[0-9]{8}</nct_id>")


def _v2_templates() -> list[dict]:
    studies = []
    for f in sorted((DATA / "ctgov-v2").glob("*.json")):
        doc = json.loads(f.read_text())
        for s in doc.get("studies", [doc]) if isinstance(doc, dict) else doc:
            if isinstance(s, dict) and "protocolSection" in s:
                studies.append(s)
    return studies


def _xml_templates() -> list[str]:
    return [f.read_text() for f in sorted((DATA / "ctgov-xml").glob("*.xml"))]


def build_corpus(n: int, folder: Path) -> None:
    v2, xml = _v2_templates(), _xml_templates()
    if not v2 or not xml:
        sys.exit(f"no v2 or XML records under {DATA}: set TRIAL_AUDIT_SHARED_DATA to the shared data folder")
    n_v2 = n // 2
    with open(folder / "studies.ndjson", "w") as out:
        for i in range(n_v2):
            s = v2[i % len(v2)]
            s["protocolSection"]["identificationModule"]["nctId"] = f"NCT9{i:07d}"
            out.write(json.dumps(s) + "\n")
    with zipfile.ZipFile(folder / "legacy.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for j in range(n - n_v2):
            nct = f"NCT8{j:07d}"
            z.writestr(f"{nct}.xml", _NCT_XML.sub(f"<nct_id>{nct}</nct_id>", xml[j % len(xml)], count=1))


_CHILD = """
import sys, time, resource
sys.path.insert(0, {root!r})
mode, folder = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
startup = 0.0
if mode == "parse":
    import zipfile
    import orjson
    from trial_audit.readers.ctgov_xml import _fast_parse
    n = 0
    with open(folder + "/studies.ndjson", "rb") as f:
        for line in f:
            orjson.loads(line)
            n += 1
    with zipfile.ZipFile(folder + "/legacy.zip") as z:
        for name in z.namelist():
            _fast_parse(z.read(name))
            n += 1
elif mode == "read":
    from trial_audit.readers import iter_records
    n = sum(1 for _ in iter_records([folder]))
else:
    from trial_audit.engine.registry import load_rules
    from trial_audit.engine.runner import RunOptions, audit_paths
    load_rules()
    # one-off start-up (rule imports, the condition vocabulary, pandera, the city list) is
    # measured apart from throughput: audit the bundled seeds once first
    audit_paths([{seeds!r}], RunOptions())
    startup = time.perf_counter() - t0
    t0 = time.perf_counter()
    select = ["TA0", "TA4", "TA5", "TA6"] if mode == "no-text" else []
    report = audit_paths([folder], RunOptions(jobs=0 if mode == "parallel" else 1, select=select))
    n = len(report.records)
    if mode == "report":
        import tempfile
        from pathlib import Path
        from trial_audit.reports.json_report import write_json
        with tempfile.TemporaryDirectory() as out:  # not into the corpus: a later mode would read it
            write_json(report, Path(out) / "report.json")
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker process
print(f"{{n}} {{dt:.3f}} {{rss:.0f}} {{startup:.2f}} {{workers:.0f}}")
"""


def measure(mode: str, folder: Path, root: Path = ROOT) -> tuple[int, float, float, float]:
    """(records, seconds, peak RSS MB, start-up s) of one mode in a fresh process, with the code at ``root``."""
    n, seconds, rss, startup, _workers = measure_all(mode, folder, root)
    return n, seconds, rss, startup


def measure_all(mode: str, folder: Path, root: Path = ROOT) -> tuple[int, float, float, float, float]:
    """As ``measure``, and the peak RSS MB of the largest worker process (0 without workers)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD.format(root=str(root), seeds=str(root / "seeds")), mode, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2]), float(out[3]), float(out[4])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, nargs="+", default=[20000])
    ap.add_argument("--modes", default="read,audit,report,parallel")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores")
    print(f"{'records':>8} {'mode':<7} {'seconds':>8} {'records/s':>10} {'peak MB':>8} {'start-up s':>10} {'worker MB':>9}")
    for n in args.records:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            build_corpus(n, Path(tmp))
            built = time.perf_counter() - t0
            for mode in args.modes.split(","):
                count, seconds, rss, startup, workers = measure_all(mode, Path(tmp))
                assert count == n, f"{mode}: {count} records, expected {n}"
                print(f"{n:>8} {mode:<7} {seconds:>8.2f} {n / seconds:>10,.0f} {rss:>8.0f} {startup:>10.2f} {workers:>9.0f}", flush=True)
        print(f"(corpus of {n} built in {built:.1f} s)")


if __name__ == "__main__":
    main()
