"""Defect-injection recall benchmark for trial-audit.

Takes clean real records (default: the ``unseen`` side of benchmarks/split.py, all sources:
both bulk sets, the small ctgov-v2 / ctgov-classic / ctgov-xml / ctgov-csv folders and the seeds),
injects ONE defect per mutated copy in the record's own format (benchmarks/inject_ops.py),
gives every copy a fresh NCT ID (NCT9xxxxxxx, replaced everywhere the old ID appears), audits
the clean and mutated copies of a format in one CLI run, and counts a defect **detected** when
the mutated copy has a finding of the operator's rule family (code prefix TA1 / TA2 / TA3 / TA4)
that its clean base copy does not have (compared by code + field + quoted text, ID removed).

Base copies: ``orig`` is the record as read and written back; criteria operators work on ``R``
(the criteria list parsed and rendered back in its own marker style) or ``N`` (rendered as a
numbered list), audited as clean copies of their own, so re-rendering is never mistaken for the
defect. Noise = findings per ``orig`` clean record per family.

The tool is driven only through its CLI: ``TRIAL_AUDIT_CMD`` (shell-split), else
``python -m trial_audit``, else ``python -m audit.cli``.

    python benchmarks/inject.py --part tune --limit 150 --json /tmp/tune.json --write docs/detection.md
    python benchmarks/inject.py --part unseen --json /tmp/unseen.json --write docs/detection.md
    python benchmarks/inject.py --inputs seeds/v2_NCT00973089.json --operators start_at_2,scope_disease
"""

from __future__ import annotations

import argparse
import copy
import csv
import importlib.util
import io
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import inject_registries as registries
import split
from inject_formats import load, write_batch
from inject_ops import BY_NAME, OPERATORS, Work, parse_criteria, render_criteria
from inject_ops_outcomes import OUTCOME_OPERATORS

OPERATORS = OPERATORS + OUTCOME_OPERATORS  # outcome measures (TA8xx) and results reporting (TA9xx)
BY_NAME.update({o.name: o for o in OUTCOME_OPERATORS})

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = {
    "TA0": "input/schema",
    "TA1": "structure+numbering",
    "TA2": "age",
    "TA3": "scope",
    "TA4": "timeline+status",
    "TA5": "people",
    "TA6": "completeness",
    "TA7": "text",
    "TA8": "outcome",
    "TA9": "results",
}
GROUPS = ["numbering", "structure", "age", "scope", "timeline", "status", "outcome", "results"]
CTGOV_FORMATS = ["v2", "classic", "xml", "csv"]
FORMATS = [*CTGOV_FORMATS, *registries.REG_FORMATS]  # + ICTRP XML/CSV/XLSX, DRKS, criteria tables


def tool_cmd() -> list[str]:
    if os.environ.get("TRIAL_AUDIT_CMD"):
        return shlex.split(os.environ["TRIAL_AUDIT_CMD"])
    if importlib.util.find_spec("trial_audit") is not None:
        return [sys.executable, "-m", "trial_audit"]
    return [sys.executable, "-m", "audit.cli"]


# --- inputs ---


def records_from_file(path: Path) -> list[split.RawRecord]:
    """The records of one file (for --inputs): v2 / classic JSON, NDJSON, legacy XML, CSV export."""
    text = path.read_bytes()
    if path.suffix == ".xml":
        m = split._NCT_XML.search(text)
        return [split.RawRecord(m[1].decode(), "xml", path.name, text)] if m else []
    if path.suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text.decode("utf-8-sig")))
        out = []
        for row in reader:
            buf = io.StringIO()
            w = csv.DictWriter(buf, fieldnames=reader.fieldnames)
            w.writeheader()
            w.writerow(row)
            out.append(split.RawRecord(row["NCT Number"], "csv", path.name, buf.getvalue()))
        return out
    objs = [json.loads(ln) for ln in text.decode().splitlines() if ln.strip()] if path.suffix == ".ndjson" else [json.loads(text)]
    out = []
    for obj in objs:
        if isinstance(obj, dict) and "FullStudiesResponse" in obj:
            for item in obj["FullStudiesResponse"].get("FullStudies", []):
                st = item.get("Study", item)
                out.append(
                    split.RawRecord(
                        st["ProtocolSection"]["IdentificationModule"]["NCTId"], "classic", path.name, json.dumps(st, ensure_ascii=False)
                    )
                )
        else:
            for st in split._v2_studies(obj):
                out.append(split.RawRecord(split._v2_id(st), "v2", path.name, json.dumps(st, ensure_ascii=False)))
    return out


def choose_records(args) -> dict[str, list[split.RawRecord]]:
    by_fmt: dict[str, list[split.RawRecord]] = defaultdict(list)
    if args.inputs:
        for p in args.inputs:
            for r in records_from_file(Path(p)):
                by_fmt[r.fmt].append(r)
    else:
        for fmt in args.formats:
            if fmt in registries.REG_FORMATS:
                recs = list(registries.iter_records(args.part, fmt))
            else:
                recs = list(split.iter_records(args.part, fmt, sources="all"))
            random.Random(f"{args.seed}:{fmt}").shuffle(recs)  # a fixed sample, not the first files
            by_fmt[fmt] = recs[: args.limit] if args.limit else recs
    return {f: by_fmt[f] for f in FORMATS if by_fmt.get(f)}


# --- building the batch of one format ---


@dataclass
class Injection:
    op: str
    group: str
    family: str
    fmt: str
    record: str  # the real NCT ID the copy came from
    base_id: str
    id: str
    half: str  # tune | heldout | fresh | fresh2 | fresh3 | fresh4 | - (operator without wordings)
    what: str  # what was injected
    changed: bool  # the mutated copy differs from its base (sanity)
    detected: bool = False
    codes: list[str] = field(default_factory=list)  # new findings of the expected family
    other: list[str] = field(default_factory=list)  # new findings of other families
    said: list[str] = field(default_factory=list)  # messages of the new expected-family findings


class Ids:
    """Fresh NCT IDs: NCT9xxxxxxx, never a real ID."""

    def __init__(self):
        self.n = 90000000

    def __call__(self, like: str | None = None) -> str:
        """Another registry's ID keeps its own shape (ChiCTR9..., DRKS9...), so the copy is read
        as a trial of the same registry."""
        self.n += 1
        if like and not like.upper().startswith("NCT"):
            return registries.fresh_id_like(like, self.n)
        return f"NCT{self.n:08d}"


def build_format(fmt, recs, ops, halves, seed, ids):
    """-> (dumps, clean orig ids, injections, n/a counter, run as-of)."""
    dumps, cleans, injections, na = [], [], [], Counter()
    loader = registries.load if fmt in registries.REG_FORMATS else load
    adapters = [(r, loader(fmt, r.raw)) for r in recs]
    own = [a.as_of() or a.get_date("last_update")[0] for _, a in adapters]
    run_as_of = max((d for d in own if d), default=None) or (date.today().year, date.today().month, date.today().day)
    for r, a0 in adapters:
        nct = r.nct_id
        as_of = a0.as_of() or run_as_of
        base_dump = {"orig": a0.dump(nct, nct)}
        base_id = {"orig": nct}
        base_ad = {"orig": a0}
        dumps.append(base_dump["orig"])
        cleans.append(nct)
        crit = a0.get("criteria")
        secs, numbered = parse_criteria(crit) if crit else (None, False)
        if secs:
            for name, numb in (("R", numbered), ("N", True)):
                if name == "N" and numbered:
                    base_dump["N"], base_id["N"], base_ad["N"] = base_dump["R"], base_id["R"], base_ad["R"]
                    continue
                ad = a0.clone()
                ad.set("criteria", render_criteria(secs, numb, fmt))
                base_id[name] = ids(nct)
                base_ad[name] = ad
                base_dump[name] = ad.dump(nct, base_id[name])
                dumps.append(base_dump[name])
        for op in ops:
            if op.base not in base_ad:
                na[(op.name, fmt)] += 1
                continue
            rng = random.Random(f"{seed}:{nct}:{op.name}")
            half = rng.choice(halves) if op.wordings else "-"
            numb = True if op.base == "N" else numbered
            w = Work(base_ad[op.base].clone(), copy.deepcopy(secs), numb, as_of, rng, half)
            what = op.fn(w)
            if what is None:
                na[(op.name, fmt)] += 1
                continue
            if op.base != "orig":
                w.a.set("criteria", render_criteria(w.secs, numb, fmt))
            mid = ids(nct)
            d = w.a.dump(nct, mid)
            changed = _neutral(d, mid) != _neutral(base_dump[op.base], base_id[op.base])
            if not changed:  # the format has nowhere to put this defect: not applicable, not a miss
                na[(op.name, fmt)] += 1
                continue
            dumps.append(d)
            injections.append(Injection(op.name, op.group, op.family, fmt, nct, base_id[op.base], mid, half, what, changed))
    return dumps, cleans, injections, na, run_as_of


def _neutral(d, id_):
    return d.replace(id_.encode(), b"<ID>") if isinstance(d, bytes) else d.replace(id_, "<ID>")


# --- running the tool and scoring ---


def run_tool(batch_path: str, out_dir: str, as_of, jobs: int) -> dict[str, list[dict]]:
    """One CLI run; returns {record id: findings}."""
    iso = f"{as_of[0]:04d}-{as_of[1]:02d}-{(as_of[2] or 1):02d}"
    cmd = tool_cmd() + ["audit", batch_path, "-f", "json", "-q", "--fail-on", "never", "--as-of", iso, "-o", out_dir, "-j", str(jobs)]
    proc = subprocess.run(cmd, check=False, cwd=ROOT, capture_output=True, text=True)
    report = Path(out_dir) / "report.json"
    if proc.returncode != 0 or not report.exists():
        raise SystemExit(f"trial-audit failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    out: dict[str, list[dict]] = defaultdict(list)
    for rec in data.get("records", []):
        out[rec.get("id")].extend(rec.get("findings", []))
    return out


def _key(f: dict, id_: str):
    ev = (f.get("evidence") or {}).get("text") or ""
    return f.get("rule"), f.get("field"), ev.replace(id_, "<ID>")


def _grown(key, base) -> bool:
    """A base finding whose quoted item only got longer (text appended to the item it quotes) is
    the same finding, not a detection of what was appended."""
    rule, fld, text = key
    return any(r == rule and f == fld and len(t) >= 20 and t in text for r, f, t in base)


def score(inj: Injection, findings: dict[str, list[dict]]) -> None:
    base = {_key(f, inj.base_id) for f in findings.get(inj.base_id, [])}
    new = [f for f in findings.get(inj.id, []) if _key(f, inj.id) not in base and not _grown(_key(f, inj.id), base)]
    hit = [f for f in new if str(f.get("rule", "")).startswith(inj.family)]
    inj.detected = bool(hit)
    inj.codes = sorted({f["rule"] for f in hit})
    inj.other = sorted({f["rule"] for f in new if f not in hit})
    inj.said = [f"{f['rule']}: {(f.get('evidence') or {}).get('text', '')[:100]}" for f in hit[:2]]


def noise(cleans_by_fmt, findings_by_fmt) -> dict[str, dict[str, float]]:
    out = {}
    for fmt, cleans in cleans_by_fmt.items():
        c = Counter(str(f.get("rule", ""))[:3] for nct in cleans for f in findings_by_fmt[fmt].get(nct, []))
        out[fmt] = {fam: round(c[fam] / max(len(cleans), 1), 3) for fam in FAMILIES}
        out[fmt]["records"] = len(cleans)
    return out


# --- tables ---


def _rate(items) -> str:
    items = list(items)
    if not items:
        return "–"
    d = sum(i.detected for i in items)
    return f"{d / len(items):.0%} ({d}/{len(items)})"


def summarise(injs: list[Injection]) -> dict:
    def rec(items):
        items = list(items)
        return {
            "n": len(items),
            "detected": sum(i.detected for i in items),
            "recall": round(sum(i.detected for i in items) / len(items), 4) if items else None,
        }

    def by(key):
        return {k: rec(v) for k, v in _group(injs, key).items()}

    return {
        "overall": rec(injs),
        "by_group": by(lambda i: i.group),
        "by_family": by(lambda i: i.family),
        "by_group_half": by(lambda i: f"{i.group}|{i.half}"),
        "by_operator": by(lambda i: i.op),
        "by_operator_half": by(lambda i: f"{i.op}|{i.half}"),
        "by_operator_format": by(lambda i: f"{i.op}|{i.fmt}"),
        "by_group_format": by(lambda i: f"{i.group}|{i.fmt}"),
    }


def _group(injs, key):
    g = defaultdict(list)
    for i in injs:
        g[key(i)].append(i)
    return g


_HALF_TITLES = {
    "tune": "tune wordings",
    "heldout": "held-out wordings",
    "fresh": "fresh wordings",
    "fresh2": "fresh2 wordings",
    "fresh3": "fresh3 wordings",
    "fresh4": "fresh4 wordings",
}
_LATER_HALVES = ("fresh", "fresh2", "fresh3", "fresh4")  # written by authors who did not read the rules; columns only when used


def _halves(injs) -> list[str]:
    """The wording columns: tune and held-out as always, fresh / fresh2 only when the run used them."""
    return ["tune", "heldout"] + [h for h in _LATER_HALVES if any(i.half == h for i in injs)]


def markdown(injs, na, noise_tab, meta) -> str:
    fmts = [f for f in FORMATS if any(i.fmt == f for i in injs) or f in noise_tab]
    halves = _halves(injs)
    L = [
        f"Measured {meta['date']} at commit `{meta['commit']}` with `{meta['command']}`; "
        f"records per format: "
        + ", ".join(f"{f} {noise_tab[f]['records']}" for f in fmts if f in noise_tab)
        + f"; {len(injs)} applicable injections.",
        "",
    ]
    L += [
        ("**Recall per group** (expected family: numbering / structure → TA1xx, age → TA2xx, scope → TA3xx, timeline / status → TA4xx)"),
        "",
        "| group | all | " + " | ".join(_HALF_TITLES[h] for h in halves) + " | no wordings | " + " | ".join(fmts) + " |",
        "|---|---|" + "---|" * len(halves) + "---|" + "---|" * len(fmts),
    ]
    for g in GROUPS:
        gi = [i for i in injs if i.group == g]
        if not gi:
            continue
        L.append(
            f"| {g} | {_rate(gi)} | "
            + "".join(f"{_rate(i for i in gi if i.half == h)} | " for h in halves)
            + f"{_rate(i for i in gi if i.half == '-')} | "
            + " | ".join(_rate(i for i in gi if i.fmt == f) for f in fmts)
            + " |"
        )
    L.append(
        f"| **all** | {_rate(injs)} | "
        + "".join(f"{_rate(i for i in injs if i.half == h)} | " for h in halves)
        + f"{_rate(i for i in injs if i.half == '-')} | "
        + " | ".join(_rate(i for i in injs if i.fmt == f) for f in fmts)
        + " |"
    )
    L += [
        "",
        "**Recall per operator** (n/a = records the defect does not apply to)",
        "",
        "| operator | group | all | "
        + " | ".join(_HALF_TITLES[h].split()[0] for h in halves)
        + " | "
        + " | ".join(fmts)
        + " | codes that caught it | n/a |",
        "|---|---|---|" + "---|" * len(halves) + "---|" * len(fmts) + "---|---|",
    ]
    for op in OPERATORS:
        oi = [i for i in injs if i.op == op.name]
        nas = sum(v for (o, _), v in na.items() if o == op.name)
        if not oi and not nas:
            continue
        codes = Counter(c for i in oi for c in i.codes)
        L.append(
            f"| {op.name} | {op.group} | {_rate(oi)} | "
            + "".join(f"{_rate(i for i in oi if i.half == h)} | " for h in halves)
            + " | ".join(_rate(i for i in oi if i.fmt == f) for f in fmts)
            + f" | {', '.join(f'{c} {n}' for c, n in codes.most_common(3)) or '–'} | {nas} |"
        )
    L += [
        "",
        "**Noise**: findings per clean record, by family (the records as read, before injection)",
        "",
        "| format | records | " + " | ".join(f"{k} {v}" for k, v in FAMILIES.items()) + " |",
        "|---|---|" + "---|" * len(FAMILIES),
    ]
    for f in fmts:
        if f in noise_tab:
            L.append(f"| {f} | {noise_tab[f]['records']} | " + " | ".join(f"{noise_tab[f][k]:.2f}" for k in FAMILIES) + " |")
    return "\n".join(L) + "\n"


def misses(injs: list[Injection], k: int) -> str:
    """Operators below 90 % recall, worst first, with k missed examples each. Examples come from
    tune wordings (and operators without wordings) only: held-out texts must not reach the people
    tuning rules, so for them only the rate is shown."""
    rows = []
    for op in OPERATORS:
        oi = [i for i in injs if i.op == op.name]
        if oi and sum(i.detected for i in oi) / len(oi) < 0.9:
            rows.append((sum(i.detected for i in oi) / len(oi), op.name, oi))
    if not rows:
        return ""
    L = ["", "**Most often missed** (examples from tune wordings only; mutated IDs are stable for the same code, seed and part)", ""]
    for rate, name, oi in sorted(rows):
        L.append(
            f"- `{name}`: {rate:.0%} detected (tune wordings {_rate(i for i in oi if i.half == 'tune')}, "
            f"held-out {_rate(i for i in oi if i.half == 'heldout')}"
            + "".join(f", {h} {_rate(i for i in oi if i.half == h)}" for h in _LATER_HALVES if any(i.half == h for i in oi))
            + ")"
        )
        ex = [i for i in oi if not i.detected and i.half in ("tune", "-")]
        random.Random(name).shuffle(ex)
        for i in ex[:k]:
            said = f"; other new findings: {', '.join(i.other)}" if i.other else "; no new finding"
            L.append(f"  - {i.fmt} {i.record} → {i.id}: {i.what[:160]!r}{said}")
    return "\n".join(L) + "\n"


def write_doc(path: Path, label: str, body: str) -> None:
    """Replace the block between the markers for this label (append it if there is none)."""
    start, end = f"<!-- results:{label} -->", f"<!-- /results:{label} -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Detection benchmark\n"
    block = f"{start}\n{body}{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + f"\n\n### Results: {label}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def _commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], check=False, cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["tune", "unseen", "all"], default="unseen")
    ap.add_argument("--inputs", nargs="+", help="use these files instead of the split (e.g. seeds)")
    ap.add_argument(
        "--formats",
        default=",".join(CTGOV_FORMATS),
        help="comma-separated formats; default: the four ClinicalTrials.gov ones (as in every earlier measurement); all = "
        + ", ".join(FORMATS),
    )
    ap.add_argument("--limit", type=int, default=0, help="records per format (0 = all)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--families", default="", help="operator groups or family prefixes, e.g. age,TA3")
    ap.add_argument("--operators", default="", help="operator names, comma-separated")
    ap.add_argument(
        "--wordings",
        choices=["tune", "heldout", "all", "fresh", "fresh2", "fresh3", "fresh4"],
        default="all",
        help="all = tune + held-out (as in every earlier measurement); fresh = the third half only; fresh2 = the fourth half only, "
        "written after fresh had been seen by the rule tuners; fresh3 = the fifth half only, written after fresh2 had been seen; "
        "fresh4 = the sixth half only, written after fresh3 had been seen (docs/detection.md)",
    )
    ap.add_argument("--jobs", type=int, default=0, help="passed to trial-audit -j")
    ap.add_argument("--json", type=Path, help="write the summary and every injection here")
    ap.add_argument("--write", type=Path, help="rewrite this Markdown file's results block for this run")
    ap.add_argument("--label", help="results block label (default: the part, or 'inputs')")
    ap.add_argument("--misses", type=int, default=3, help="missed examples per weak operator in the Markdown (0 = none)")
    ap.add_argument("--keep", type=Path, help="keep the batch files and reports in this folder")
    args = ap.parse_args(argv)
    args.formats = FORMATS if args.formats == "all" else [f for f in args.formats.split(",") if f]
    if unknown := [f for f in args.formats if f not in FORMATS]:
        ap.error(f"unknown format {unknown[0]!r} (formats: {', '.join(FORMATS)}, or all)")
    if args.part == "all":
        args.part = None
    ops = OPERATORS
    if args.families:
        fams = set(args.families.split(","))
        ops = [o for o in ops if o.group in fams or o.family in fams]
    if args.operators:
        ops = [BY_NAME[n] for n in args.operators.split(",")]
    halves = ["tune", "heldout"] if args.wordings == "all" else [args.wordings]  # "all" stays tune + held-out: comparable

    records = choose_records(args)
    ids = Ids()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="inject-"))
    work.mkdir(parents=True, exist_ok=True)
    all_inj, na, cleans_by_fmt, findings_by_fmt = [], Counter(), {}, {}
    for fmt, recs in records.items():
        dumps, cleans, injs, na_f, run_as_of = build_format(fmt, recs, ops, halves, args.seed, ids)
        writer = registries.write_batch if fmt in registries.REG_FORMATS else write_batch
        batch = writer(fmt, dumps, str(work / f"batch_{fmt}"))
        findings = run_tool(batch, str(work / f"report_{fmt}"), run_as_of, args.jobs)
        for inj in injs:
            score(inj, findings)
        print(f"{fmt}: {len(recs)} records, {len(injs)} injections, {sum(i.detected for i in injs)} detected", file=sys.stderr)
        all_inj += injs
        na.update(na_f)
        cleans_by_fmt[fmt], findings_by_fmt[fmt] = cleans, findings
    noise_tab = noise(cleans_by_fmt, findings_by_fmt)
    label = args.label or (args.part or "all" if not args.inputs else "inputs")
    cmd = (
        "python benchmarks/inject.py "
        + ("--inputs ... " if args.inputs else f"--part {args.part or 'all'} ")
        + (f"--limit {args.limit} " if args.limit else "")
        + ("" if args.formats == CTGOV_FORMATS else f"--formats {'all' if args.formats == FORMATS else ','.join(args.formats)} ")
        + f"--seed {args.seed} --wordings {args.wordings}"
        + (f" --families {args.families}" if args.families else "")
        + (f" --operators {args.operators}" if args.operators else "")
    )
    meta = {
        "date": date.today().isoformat(),
        "commit": _commit(),
        "command": cmd,
        "part": label,
        "wordings": args.wordings,
        "seed": args.seed,
        "limit": args.limit,
        "tool": tool_cmd(),
    }
    md = markdown(all_inj, na, noise_tab, meta) + (misses(all_inj, args.misses) if args.misses else "")
    print(md)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "meta": meta,
                    "summary": summarise(all_inj),
                    "noise": noise_tab,
                    "not_applicable": {f"{o}|{f}": n for (o, f), n in sorted(na.items())},
                    "injections": [asdict(i) for i in all_inj],
                },
                indent=1,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    if args.write:
        write_doc(args.write, label, md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
