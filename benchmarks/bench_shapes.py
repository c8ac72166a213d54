"""Worker mode against one process on every input shape: many small files, one big NDJSON, one big zip, a mix.

Issue 21: on a folder of single-study files (a bulk download once unpacked) the default worker
mode was three times *slower* than one process. This script builds the shapes from the real v2
studies and legacy XML records of the shared data under fresh NCT IDs, then runs the command line
on each, in a fresh process, with ``--jobs 1`` and with the default (``--jobs 0``: one worker per
core when it pays), start-up included, the way a user meets it:

- ``files``: N single-study files, half v2 JSON (one study per file), half legacy XML;
- ``ndjson``: one NDJSON file of N v2 studies;
- ``zip``: one zip archive of N XML records (one member per study);
- ``mix``: a third of N of each of the above, side by side in one folder.

    python benchmarks/bench_shapes.py --records 6000                 # every shape, -j 1 and default
    python benchmarks/bench_shapes.py --records 6000 --shapes files --jobs 1,0,2
    python benchmarks/bench_shapes.py --records 2000 --keep /tmp/shapes   # keep the corpora (for farm runs)

``--python`` runs another checkout's interpreter (e.g. a virtual environment of an older commit)
on the same corpora, for before/after numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_NCT_XML = re.compile(r"<nct_id>NCT[0-9]{8}</nct_id>")


def shared_data() -> Path:
    """The shared real data: $TRIAL_AUDIT_SHARED_DATA, else ../shared/data beside the checkout (or its parent)."""
    env = os.environ.get("TRIAL_AUDIT_SHARED_DATA")
    if env:
        return Path(env)
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return ROOT.parent / "shared" / "data"


def v2_templates(data: Path) -> list[dict]:
    studies = []
    for f in sorted((data / "ctgov-v2").glob("*.json")):
        doc = json.loads(f.read_text())
        for s in doc.get("studies", [doc]) if isinstance(doc, dict) else doc:
            if isinstance(s, dict) and "protocolSection" in s:
                studies.append(s)
    return studies


def xml_templates(data: Path) -> list[str]:
    return [f.read_text() for f in sorted((data / "ctgov-xml").glob("*.xml"))]


class Templates:
    def __init__(self, data: Path) -> None:
        self.v2, self.xml = v2_templates(data), xml_templates(data)
        self.next_v2 = self.next_xml = 0

    def v2_json(self) -> tuple[str, str]:
        i = self.next_v2
        self.next_v2 += 1
        s = self.v2[i % len(self.v2)]
        nct = f"NCT9{i:07d}"
        s["protocolSection"]["identificationModule"]["nctId"] = nct
        return nct, json.dumps(s)

    def xml_doc(self) -> tuple[str, str]:
        j = self.next_xml
        self.next_xml += 1
        nct = f"NCT8{j:07d}"
        return nct, _NCT_XML.sub(f"<nct_id>{nct}</nct_id>", self.xml[j % len(self.xml)], count=1)


def write_files(t: Templates, n: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for _ in range(n // 2):
        nct, text = t.v2_json()
        (folder / f"{nct}.json").write_text(text)
    for _ in range(n - n // 2):
        nct, text = t.xml_doc()
        (folder / f"{nct}.xml").write_text(text)


def write_ndjson(t: Templates, n: int, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as out:
        for _ in range(n):
            out.write(t.v2_json()[1] + "\n")


def write_zip(t: Templates, n: int, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for _ in range(n):
            nct, text = t.xml_doc()
            z.writestr(f"{nct}.xml", text)


SHAPES = ("files", "ndjson", "zip", "mix")


def build(shape: str, n: int, folder: Path, data: Path) -> Path:
    """The input of one shape, ``n`` records, under ``folder``; returns the path to audit."""
    t = Templates(data)
    if shape == "files":
        write_files(t, n, folder / "files")
        return folder / "files"
    if shape == "ndjson":
        write_ndjson(t, n, folder / "ndjson" / "studies.ndjson")
        return folder / "ndjson"
    if shape == "zip":
        write_zip(t, n, folder / "zip" / "legacy.zip")
        return folder / "zip"
    third = n // 3
    write_files(t, third, folder / "mix" / "single")
    write_ndjson(t, third, folder / "mix" / "studies.ndjson")
    write_zip(t, n - 2 * third, folder / "mix" / "legacy.zip")
    return folder / "mix"


def run(python: str, target: Path, jobs: int, out: Path, extra: list[str]) -> tuple[float, int]:
    """Wall seconds of one command-line audit (fresh process, start-up included), and the records it reported."""
    cmd = [python, "-m", "trial_audit", "audit", str(target), "-f", "json", "--out", str(out), "-q"]
    cmd += ["--fail-on", "never", "--as-of", "2026-11-27", "-j", str(jobs), *extra]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    dt = time.perf_counter() - t0
    with open(out / "report.json", "rb") as f:
        n = len(json.load(f)["records"])
    return dt, n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=6000)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--jobs", default="1,0", help="comma-separated --jobs values to compare (0 = the default)")
    ap.add_argument("--python", default=sys.executable, help="interpreter of the checkout to measure")
    ap.add_argument("--keep", help="build the corpora in this folder and keep them (reused when present)")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--extra", default="", help="further audit options, e.g. '--engine dask'")
    args = ap.parse_args()
    data = shared_data()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ta-shapes-"))
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; {args.records} records per shape; {args.python}")
    print(f"{'shape':<7} {'jobs':>4} {'seconds':>8} {'records/s':>10}")
    try:
        for shape in args.shapes.split(","):
            target = base / shape
            if not target.exists():
                built = build(shape, args.records, base, data)
                assert built == target
            if args.build_only:
                continue
            for jobs in (int(j) for j in args.jobs.split(",")):
                with tempfile.TemporaryDirectory() as out:
                    dt, n = run(args.python, target, jobs, Path(out), args.extra.split())
                assert n == args.records, f"{shape}: {n} records reported, expected {args.records}"
                label = "dflt" if jobs == 0 else str(jobs)
                print(f"{shape:<7} {label:>4} {dt:>8.2f} {n / dt:>10,.0f}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
