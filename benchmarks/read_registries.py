"""Reading speed and peak memory of the other registries' readers (issue 23).

Builds an ICTRP XML export and an ICTRP CSV download of N trials from the real samples in
tests/data/registries (their trials repeated, each copy under its own TrialID), then reads each
with ``iter_records`` only (no rules) in a fresh process and reports trials per second and the
process's peak resident memory. Streaming readers keep the peak flat as N grows.

    python benchmarks/read_registries.py                 # N = 2,000 and 20,000
    python benchmarks/read_registries.py --trials 50000

It also writes one side of the fixed tuning / unseen split of the other registries' real data
(the hash rule of benchmarks/split.py on the registry ID: ICTRP ``TrialID``, ``drksId``, the
criteria corpus's ``nctid``), each folder in its own format, so rules are tuned on the tune part only:

    python benchmarks/read_registries.py --write-part tune /tmp/registries/tune-reg

and counts the trials that meet across inputs (what TA020 compares), on one side of the split:
every record of the written registry folders and of the ClinicalTrials.gov folders of the real data:

    python benchmarks/read_registries.py --pairs /tmp/registries/tune-reg
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "data" / "registries"
sys.path.insert(0, str(ROOT / "benchmarks"))

from split import DATA, part_of  # noqa: E402  (the one split rule, shared with the ClinicalTrials.gov data)

csv.field_size_limit(sys.maxsize)
_TRIAL = re.compile(rb"[ \t]*<Trial>.*?</Trial>\r?\n?", re.S)
_TRIAL_ID = re.compile(rb"<TrialID>\s*([^<]*?)\s*</TrialID>")

_CHILD = """
import resource, sys, time
from trial_audit.readers import iter_records
t = time.perf_counter()
n = sum(1 for _ in iter_records([sys.argv[1]]))
dt = time.perf_counter() - t
print(n, dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def build_xml(path: Path, trials: int) -> None:
    data = (SAMPLES / "ictrp_sample.xml").read_bytes()
    head = data[: data.index(b"<Trial>")]
    items = re.findall(rb"  <Trial>.*?</Trial>\r?\n", data, re.S)
    with open(path, "wb") as f:
        f.write(head)
        for i in range(trials):
            item = items[i % len(items)]
            f.write(re.sub(rb"<TrialID>[^<]*</TrialID>", b"<TrialID>ChiCTR%010d</TrialID>" % i, item, count=1))
        f.write(b"</Trials_downloaded_from_ICTRP>")


def build_csv(path: Path, trials: int) -> None:
    lines = (SAMPLES / "ictrp_sample.csv").read_bytes().split(b"\r\n")
    header, rows = lines[0], [r for r in lines[1:] if r.startswith(b'"')]
    with open(path, "wb") as f:
        f.write(header + b"\r\n")
        for i in range(trials):
            row = rows[i % len(rows)]
            f.write(re.sub(rb'^"[^"]*"', b'"ChiCTR%010d"' % i, row, count=1) + b"\r\n")


def measure(path: Path) -> tuple[int, float, int]:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2])


def _xml_part(src: Path, dst: Path, part: str) -> int:
    data = src.read_bytes()
    trials = list(_TRIAL.finditer(data))
    if not trials:
        return 0
    kept = [m.group(0) for m in trials if (i := _TRIAL_ID.search(m.group(0))) and part_of(i.group(1).decode()) == part]
    dst.write_bytes(data[: trials[0].start()] + b"".join(kept) + data[trials[-1].end() :])
    return len(kept)


def _csv_part(src: Path, dst: Path, part: str, id_column: str) -> int:
    with src.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    col = [h.strip().lower() for h in rows[0]].index(id_column)
    kept = [r for r in rows[1:] if len(r) > col and r[col].strip() and part_of(r[col]) == part]
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL if src.parent.name.startswith("ictrp") else csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(
        [rows[0], *kept]
    )
    dst.write_text(buf.getvalue(), encoding="utf-8")
    return len(kept)


def _xlsx_part(src: Path, dst: Path, part: str) -> int:
    import openpyxl

    book = openpyxl.load_workbook(src, read_only=True, data_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    out = openpyxl.Workbook()
    sheet = out.active
    sheet.append(list(rows[0]))
    col = [str(h or "").strip().lower() for h in rows[0]].index("trialid")
    kept = [r for r in rows[1:] if r[col] and part_of(str(r[col])) == part]
    for r in kept:
        sheet.append(list(r))
    out.save(dst)
    return len(kept)


def write_part(part: str, out: Path) -> dict[str, int]:
    """The other registries' real records of one side of the split, a folder per source folder."""
    written: dict[str, int] = {}
    for folder in ("ictrp-xml", "ictrp-csv", "ictrp-xlsx", "drks-json", "criteria-corpus"):
        (out / folder).mkdir(parents=True, exist_ok=True)
        n = 0
        for src in sorted((DATA / folder).iterdir()):
            dst = out / folder / f"{part}_{src.name}"
            if folder == "ictrp-xml":
                n += _xml_part(src, dst, part)
            elif folder == "ictrp-csv":
                n += _csv_part(src, dst, part, "trialid")
            elif folder == "criteria-corpus":
                n += _csv_part(src, dst, part, "nctid")
            elif folder == "ictrp-xlsx":
                n += _xlsx_part(src, dst, part)
            elif part_of(str(json.loads(src.read_text(encoding="utf-8")).get("drksId"))) == part:
                shutil.copyfile(src, dst)
                n += 1
        written[folder] = n
    return written


def pairs(registry_part: Path) -> None:
    """Pairs of records of one trial from two folders, whether they are of the same moment, and how
    their registration date, start date, size and recruiting status compare (docs/readers.md, TA020)."""
    import itertools
    from collections import Counter, defaultdict

    from trial_audit.checks._shared.registry import make_digest, trial_keys
    from trial_audit.core.model import TrialRecord
    from trial_audit.readers import iter_records

    part = registry_part.name.split("-")[0] if registry_part.name.split("-")[0] in ("tune", "unseen") else "tune"
    folders = sorted(p for p in registry_part.iterdir() if p.is_dir())
    folders += [DATA / f for f in ("ctgov-v2", "ctgov-classic", "ctgov-xml", "ctgov-csv", "ctgov-v2-bulk", "ctgov-xml-bulk")]
    by_key: dict[str, list[dict]] = defaultdict(list)
    count: Counter = Counter()
    for folder in folders:
        for rec in iter_records([folder]):
            own = rec.registry_id or rec.nct_id if isinstance(rec, TrialRecord) else None
            if not own or part_of(own) != part or (digest := make_digest(rec, own)) is None:
                continue
            digest["folder"] = folder.name
            count[folder.name] += 1
            count["with secondary IDs"] += bool(digest["secondary"])
            for key in dict.fromkeys(trial_keys(digest)):
                by_key[key].append(digest)
    print(f"{part} part: {dict(count)}")
    out: Counter = Counter()
    for group in by_key.values():
        for a, b in itertools.combinations(group, 2):
            if a["folder"] == b["folder"]:
                continue
            kind = " / ".join(sorted((a["folder"], b["folder"])))
            out[(kind, "pairs")] += 1
            out[(kind, "same as-of date")] += bool(a["as_of"] and a["as_of"] == b["as_of"])
            x, y = a["dates"].get("first_submitted"), b["dates"].get("first_submitted")
            if x and y and x[1] == y[1] == "day":
                out[(kind, "registration date " + ("agrees" if x[0] == y[0] else "differs"))] += 1
            x, y = a["dates"].get("start"), b["dates"].get("start")
            out[(kind, "start date differs")] += bool(x and y and x[0] != y[0])
            out[(kind, "target size differs")] += bool(a["size"] and b["size"] and a["size"][0] != b["size"][0])
            s, t = a["status"], b["status"]
            out[(kind, "recruiting differs")] += bool(s and t and None not in (s[0], t[0]) and s[0] != t[0])
    for (kind, what), n in sorted(out.items()):
        if n:
            print(f"{kind}: {what} {n}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, nargs="*", default=[2000, 20000])
    ap.add_argument("--write-part", nargs=2, metavar=("PART", "DIR"), help="write the tune or unseen part of the real data to DIR")
    ap.add_argument("--pairs", type=Path, metavar="DIR", help="count the trials met across inputs (DIR: a part written by --write-part)")
    args = ap.parse_args()
    if args.pairs:
        pairs(args.pairs)
        return
    if args.write_part:
        part, out = args.write_part
        if part not in ("tune", "unseen"):
            ap.error("PART is tune or unseen")
        written = write_part(part, Path(out))
        print(f"wrote {part}: " + ", ".join(f"{k} {v}" for k, v in written.items()) + f" -> {out}")
        return
    print("| input | trials | MB | read s | trials/s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.trials:
            for kind, build in (("ictrp-xml", build_xml), ("ictrp-csv", build_csv)):
                path = Path(tmp) / f"{kind}-{n}.{kind.split('-')[1]}"
                build(path, n)
                count, seconds, rss_kb = measure(path)
                assert count == n, (count, n)
                size = path.stat().st_size / 1e6
                print(f"| {kind} | {n:,} | {size:.0f} | {seconds:.1f} | {n / seconds:,.0f} | {rss_kb / 1024:.0f} |")
                path.unlink()


if __name__ == "__main__":
    main()
