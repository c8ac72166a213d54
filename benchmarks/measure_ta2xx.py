"""Measure the age family (TA2xx) on the real registry records.

    /work/venv/bin/python benchmarks/measure_ta2xx.py [--data DIR] [--sample N] [--dump FILE]
        [--corpus]              also measure the extractor on the criteria-corpus CSVs (no structured ages)
        [--corpus-sample N]     print N random extracted criteria limits (one per text) for hand-checking
        [--prose]               print every limit read from the real records' summaries, for hand-checking
        [--seed S]

Prints, over the records with structured age limits: how often the limits stated in the
criteria (and in the summaries) agree with, disagree with, or are absent from the structured
minimum / maximum age; each TA2xx rule's firing rate; the speed; and dumps the flagged records
(message + quoted evidence) for hand-checking.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trial_audit.core.model import SUMMARY_FIELDS, Source, TrialRecord  # noqa: E402
from trial_audit.engine.registry import Context, select_rules  # noqa: E402
from trial_audit.text.age_text import compare_prose, compare_side, criteria_ages, find_ages, prose_ages  # noqa: E402


def _iter_json_studies(obj, depth=0):
    if isinstance(obj, dict):
        if "protocolSection" in obj or "ProtocolSection" in obj:
            yield obj
            return
        if depth < 5:
            for v in obj.values():
                yield from _iter_json_studies(v, depth + 1)
    elif isinstance(obj, list) and depth < 5:
        for v in obj:
            yield from _iter_json_studies(v, depth + 1)


def load_records(data: Path) -> list[TrialRecord]:
    """All readable records of the real data (the readers' iter_records when it is there)."""
    try:
        from trial_audit.readers import iter_records  # type: ignore[attr-defined]

        recs = []
        for sub in ("ctgov-v2", "ctgov-classic", "ctgov-xml"):
            for r in iter_records([str(data / sub)]):
                if isinstance(r, TrialRecord):
                    recs.append(r)
        return recs
    except Exception:  # noqa: BLE001 - fall back to the format readers directly
        pass
    from trial_audit.readers import ctgov_classic, ctgov_v2, ctgov_xml

    recs = []
    for f in sorted((data / "ctgov-v2").glob("*.json")):
        for i, st in enumerate(_iter_json_studies(json.loads(f.read_text()))):
            recs.append(ctgov_v2.study_to_record(st, Source(str(f), "ctgov-v2", index=i)))
    for f in sorted((data / "ctgov-classic").glob("*.json")):
        for i, st in enumerate(_iter_json_studies(json.loads(f.read_text()))):
            st = st.get("Study", st)
            recs.append(ctgov_classic.study_to_record(st, Source(str(f), "ctgov-classic", index=i)))
    for f in sorted((data / "ctgov-xml").glob("*.xml")):
        r = ctgov_xml.read_xml(f.read_bytes(), Source(str(f), "ctgov-xml"))
        if isinstance(r, TrialRecord):
            recs.append(r)
    return recs


def _has_structured(rec: TrialRecord) -> bool:
    return rec.minimum_age_raw is not None or rec.maximum_age_raw is not None


def prose_status(stated, rec, side):
    mn, mx = rec.minimum_age, rec.maximum_age
    return compare_prose(stated, mn.years if mn else None, mx.years if mx else None, side).status


def side_status(stated, rec, side):
    mn, mx = rec.minimum_age, rec.maximum_age
    return compare_side(stated, mn.years if mn else None, mx.years if mx else None, side).status


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--sample", type=int, default=0, help="dump only a random sample of N flagged records")
    ap.add_argument("--dump", default=None, help="write the flagged records here (default: stdout)")
    ap.add_argument("--corpus", action="store_true", help="also run the extractor over the criteria corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus-sample", type=int, default=0)
    ap.add_argument("--prose", action="store_true")
    args = ap.parse_args(argv)
    data = Path(args.data)

    t0 = time.perf_counter()
    records = load_records(data)
    t_read = time.perf_counter() - t0
    # deduplicate by NCT ID (the same trial is in several formats); keep the first
    seen, uniq = set(), []
    for r in records:
        key = r.nct_id or id(r)
        if key in seen:
            continue
        seen.add(key)
        uniq.append(r)
    with_struct = [r for r in uniq if _has_structured(r)]
    print(f"records read: {len(records)} ({len(uniq)} unique NCT IDs) in {t_read:.2f}s; with structured age limits: {len(with_struct)}")

    # --- agreement of criteria / summaries with structured limits ----------------------------
    for label, getter, status in (
        ("criteria", lambda r: criteria_ages(r.criteria, r.criteria_markdown), side_status),
        ("summaries", lambda r: tuple(a for f in SUMMARY_FIELDS for a in prose_ages(getattr(r, f))), prose_status),
    ):
        for side in ("min", "max"):
            c = collections.Counter()
            for r in with_struct:
                c[status(getter(r), r, side)] += 1
            tot = sum(c.values())
            print(f"  {label:9s} {side}: " + ", ".join(f"{k} {v} ({100 * v / tot:.1f}%)" for k, v in sorted(c.items())))

    # --- rules -------------------------------------------------------------------------------
    from trial_audit.text.criteria import doc_for, parse_criteria

    rules = select_rules(["TA2"])
    ctx = Context()
    flagged: dict[str, list] = collections.defaultdict(list)
    per_rule = collections.Counter()
    for fn in (doc_for,):  # the age analyses are per record (record.analysis): cold on fresh records
        fn.cache_clear()
    t0 = time.process_time()
    for r in uniq:
        if r.criteria:
            parse_criteria(r.criteria, r.criteria_markdown)
    t_parse = time.process_time() - t0
    t0 = time.process_time()
    for r in uniq:
        for rule in rules:
            fs = list(rule.check(r, ctx))
            if fs:
                per_rule[rule.code] += 1
                flagged[r.id].extend(fs)
    t_rules = time.process_time() - t0
    n = len(uniq)
    print(
        f"rules {', '.join(x.code for x in rules)} on {n} records: {t_rules:.2f}s CPU ({n / t_rules:.0f} records/s, "
        f"TA2xx only, cold caches); of which the shared criteria parse ~{t_parse:.2f}s -> TA2xx alone "
        f"~{n / max(1e-9, t_rules - t_parse):.0f} records/s"
    )
    for code in sorted(x.code for x in rules):
        k = per_rule[code]
        print(f"  {code}: {k} records flagged ({100 * k / n:.1f}%)")
    print(f"  any TA2xx: {len(flagged)} records ({100 * len(flagged) / n:.1f}%)")
    # the CSV exports: no criteria, no min/max, only age groups (and, in one export, summaries)
    try:
        from trial_audit.readers import iter_records

        csv_recs = [r for r in iter_records([str(data / "ctgov-csv")]) if isinstance(r, TrialRecord)]
    except Exception:  # noqa: BLE001
        csv_recs = []
    if csv_recs:
        c = collections.Counter()
        for r in csv_recs:
            for rule in rules:
                if list(rule.check(r, ctx)):
                    c[rule.code] += 1
                    flagged[r.id].extend(rule.check(r, ctx))
                    uniq.append(r)
        with_sum = sum(1 for r in csv_recs if r.brief_summary and r.std_ages)
        print(
            f"CSV exports: {len(csv_recs)} records ({with_sum} with a summary and age groups); flagged: "
            + (", ".join(f"{k} {v}" for k, v in sorted(c.items())) or "none")
        )

    ids = sorted(flagged)
    if args.sample and args.sample < len(ids):
        random.Random(args.seed).shuffle(ids)
        ids = sorted(ids[: args.sample])
    out = open(args.dump, "w") if args.dump else sys.stdout
    by_id = {r.id: r for r in uniq}
    for rid in ids:
        r = by_id[rid]
        out.write(f"\n=== {rid}  min={r.minimum_age_raw!r} max={r.maximum_age_raw!r} std={r.std_ages}  [{r.source.display()}]\n")
        for f in flagged[rid]:
            out.write(f"  {f.rule} {f.message}\n")
            ev = f.evidence
            if ev is not None:
                txt = r.text(ev.field) or ""
                ctxt = txt[max(0, ev.start - 80) : ev.end + 60].replace("\n", " ⏎ ")
                out.write(f"     evidence {ev.field}[{ev.start}:{ev.end}] {ev.text!r}\n       …{ctxt}…\n")
            for rel in f.related:
                out.write(f"     related {rel.field}[{rel.start}:{rel.end}] {rel.text[:100]!r}\n")
    if args.dump:
        out.close()

    if args.corpus:
        corpus(data / "criteria-corpus")
    if args.corpus_sample:
        corpus_sample(data / "criteria-corpus", args.corpus_sample, args.seed)
    if args.prose:
        for r in uniq:
            for f in SUMMARY_FIELDS:
                t = getattr(r, f) or ""
                for a in prose_ages(t):
                    print(
                        f"{r.id} {f} claim={int(a.claim)} {a.describe()!r:28} | {' '.join(t[max(0, a.start - 60) : a.start].split())}"
                        f" [[{a.text}]] {' '.join(t[a.end : a.end + 40].split())}"
                    )
    return 0


def corpus_sample(folder: Path, n: int, seed: int) -> None:
    """N random criteria texts that state a limit; one random limit of each, in context."""
    csv.field_size_limit(1 << 30)
    texts = []
    for f in sorted(folder.glob("*.csv")):
        with open(f, newline="") as fh:
            texts.extend((row.get("nctid"), row.get("criteria") or "") for row in csv.DictReader(fh))
    rnd = random.Random(seed)
    rnd.shuffle(texts)
    k = 0
    for nct, t in texts:
        ages = criteria_ages(t, False)
        if not ages:
            continue
        a = rnd.choice(ages)
        inv = " INV" if a.inverted else ""
        print(
            f"{k:2d} {nct} [{a.section}{inv}] {a.describe()!r:28} | {' '.join(t[max(0, a.start - 70) : a.start].split())}"
            f" [[{a.text}]] {' '.join(t[a.end : a.end + 50].split())}"
        )
        k += 1
        if k >= n:
            break


def corpus(folder: Path, limit_show: int = 0) -> None:
    """The extractor over the criteria corpus: how many texts state a limit, and speed."""
    csv.field_size_limit(1 << 30)
    texts = []
    for f in sorted(folder.glob("*.csv")):
        with open(f, newline="") as fh:
            for row in csv.DictReader(fh):
                texts.append((row.get("nctid"), row.get("criteria") or ""))
    t0 = time.perf_counter()
    n_any = n_min = n_max = 0
    for _, t in texts:
        ages = criteria_ages(t, False)
        n_any += bool(ages)
        n_min += any(a.min for a in ages)
        n_max += any(a.max for a in ages)
    dt = time.perf_counter() - t0
    print(
        f"criteria corpus: {len(texts)} texts; a stated limit in {n_any} ({100 * n_any / len(texts):.1f}%), "
        f"a minimum in {n_min}, a maximum in {n_max}; {len(texts) / dt:.0f} texts/s"
    )


if __name__ == "__main__":
    raise SystemExit(main())

# keep find_ages importable from here for ad-hoc exploration
__all__ = ["find_ages", "load_records", "main"]
