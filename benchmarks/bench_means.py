"""Upper bounds for issue 21's means, measured on bench_audit's corpus (real records replicated).

Each part measures what a design change could save at most, before anyone builds it:

- ``mapping``: lazy mapping (readers build only the fields the selected rules read). Which record
  fields each rule family reads is recorded by running the family's rules on an instrumented
  copy of every record (fresh per family, so an analysis cached by one family does not hide
  what another reads). What each part of a source costs to map is measured by ablation: every
  v2 module (``protocolSection.*Module``, ``resultsSection`` ...) and every top-level XML
  element is removed in turn, the record mapped again, and the time saved and the fields that
  changed are noted. A part whose fields no rule (or no rule of a selection) reads is what lazy
  mapping would skip.
- ``families``: rules' time per family, the table rules (batch table + pandera) included: the
  share of the structured families (TA0xx, TA4xx-TA6xx) bounds what column rules could save.
- ``scans``: cProfile of the text families (TA1xx-TA3xx): the time in regular-expression calls
  per analysis (criteria, ages, conditions), i.e. the repeated scanning that one shared
  tokenisation could remove at most.
- ``decode``: reading per format split into decoding (orjson / the XML tree) and mapping.

    python benchmarks/bench_means.py --records 1000
    python benchmarks/bench_means.py --records 1000 --parts mapping,decode
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import dataclasses
import pstats
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_audit import build_corpus  # noqa: E402

from trial_audit.core.model import Source, TrialRecord  # noqa: E402

#: fields the engine itself reads on every record (identity, the report's title and reference date)
ENGINE_FIELDS = {"source", "nct_id", "registry_id", "org_study_id", "brief_title", "as_of", "extra", "provenance"}
FIELD_NAMES = [f.name for f in dataclasses.fields(TrialRecord) if f.name != "_analyses"]
_READ: set[str] = set()


class _Tracked(TrialRecord):
    """A record that notes the name of every attribute read from it."""

    def __getattribute__(self, name: str) -> Any:
        _READ.add(name)
        return object.__getattribute__(self, name)


def _tracked(record: TrialRecord) -> TrialRecord:
    t = object.__new__(_Tracked)
    for name in FIELD_NAMES:
        object.__setattr__(t, name, copy.copy(getattr(record, name)))
    object.__setattr__(t, "_analyses", {})
    return t


def fields_read(records: list[TrialRecord]) -> dict[str, set[str]]:
    """Family ("TA2", "table", "run") -> the record fields its rules read."""
    from trial_audit.engine import table as batch_table
    from trial_audit.engine.runner import Checker, RunOptions

    checker = Checker(RunOptions(jobs=1))
    out: dict[str, set[str]] = defaultdict(set)
    families = sorted({r.code[:3] for r in checker.record_rules})
    for fam in families:
        rules = [r for r in checker.record_rules if r.code.startswith(fam)]
        for record in records:
            _READ.clear()
            t = _tracked(record)
            for rule in rules:
                list(rule.check(t, checker.ctx))
            out[fam] |= _READ & set(FIELD_NAMES)
    _READ.clear()
    batch_table.build_table([_tracked(r) for r in records])
    out["table"] = _READ & set(FIELD_NAMES)
    _READ.clear()
    for rule in checker.run_rules:
        for record in records:
            rule.digest(_tracked(record), record.id)
    out["run"] = _READ & set(FIELD_NAMES)
    return dict(out)


def _differs(a: TrialRecord, b: TrialRecord) -> set[str]:
    return {n for n in FIELD_NAMES if n not in ("provenance", "source_offsets") and getattr(a, n) != getattr(b, n)}


def _best(fn: Any, items: list[Any], rounds: int) -> float:
    """CPU seconds of ``fn`` over ``items``, fastest of ``rounds`` (CPU time: the machine is shared)."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for it in items:
            fn(it)
        best = min(best, time.process_time() - t0)
    return best


def _saved(fn: Any, full: list[Any], cut: list[Any], rounds: int) -> float:
    """CPU seconds that ``fn`` saves over ``cut`` against ``full``, the two timed alternately."""
    return (
        _best(fn, full, 1) - _best(fn, cut, 1)
        if rounds <= 1
        else min((_best(fn, full, 1) - _best(fn, cut, 1) for _ in range(rounds)), key=abs)
    )


def _v2_parts(study: dict[str, Any]) -> list[str]:
    parts = [f"protocolSection.{k}" for k in study.get("protocolSection", {}) if k != "identificationModule"]
    return parts + [k for k in study if k != "protocolSection"]


def _without(study: dict[str, Any], part: str) -> dict[str, Any]:
    out = dict(study)
    if part.startswith("protocolSection."):
        out["protocolSection"] = {k: v for k, v in study["protocolSection"].items() if k != part.split(".", 1)[1]}
    else:
        out.pop(part, None)
    return out


def ablate_v2(lines: list[bytes], rounds: int) -> tuple[float, float, dict[str, tuple[float, set[str]]]]:
    """(decode s, map s, part -> (map s saved without it, fields it fills)) over the studies."""
    from trial_audit.readers.ctgov_v2 import study_to_record

    src = Source("bench.ndjson", format="ctgov-v2")
    decode = _best(orjson.loads, lines, rounds)
    studies = [orjson.loads(line) for line in lines]
    full = _best(lambda s: study_to_record(s, src), studies, rounds)
    records = [study_to_record(s, src) for s in studies]
    parts = sorted({p for s in studies for p in _v2_parts(s)})
    out = {}
    for part in parts:
        cut = [_without(s, part) for s in studies]
        saved = _saved(lambda s: study_to_record(s, src), studies, cut, rounds)
        changed: set[str] = set()
        for rec, s in zip(records, cut):
            changed |= _differs(rec, study_to_record(s, src))
        out[part] = (saved, changed)
    return decode, full, out


def ablate_xml(blobs: list[bytes], rounds: int) -> tuple[float, float, dict[str, tuple[float, set[str]]]]:
    """As ``ablate_v2``, for legacy XML records: every top-level element, and the cut-out results."""
    from trial_audit.readers import ctgov_xml

    src = Source("bench.xml", format="ctgov-xml")
    decode = _best(lambda b: ctgov_xml.parse_xml(b, src), blobs, rounds)
    roots = [ctgov_xml.parse_xml(b, src) for b in blobs]
    base = _best(lambda r: ctgov_xml.element_to_record(r, src), roots, rounds)
    records = [ctgov_xml.element_to_record(r, src) for r in roots]
    tags = sorted({child.tag for r in roots for child in r})
    out = {}
    for tag in tags:
        cut = []
        for r in roots:
            c = copy.copy(r)  # a shallow copy: the children are shared, only the list differs
            for child in [ch for ch in c if ch.tag == tag]:
                c.remove(child)
            cut.append(c)
        saved = _saved(lambda r: ctgov_xml.element_to_record(r, src), roots, cut, rounds)
        changed: set[str] = set()
        for rec, c in zip(records, cut):
            changed |= _differs(rec, ctgov_xml.element_to_record(c, src))
        out[tag] = (saved, changed)
    with_results = [b for b, r in zip(blobs, roots) if r.get("_results_cut")]
    res = _best(lambda b: ctgov_xml.xml_results(ctgov_xml._cut_results(b)), with_results, rounds) if with_results else 0.0
    out["clinical_results (cut out, parsed apart)"] = (res, {"results"})
    return decode, base + res, out


def _corpus(n: int, folder: Path) -> tuple[list[bytes], list[bytes]]:
    build_corpus(n, folder)
    lines = (folder / "studies.ndjson").read_bytes().splitlines()
    with zipfile.ZipFile(folder / "legacy.zip") as z:
        blobs = [z.read(name) for name in z.namelist()]
    return lines, blobs


def _read_records(folder: Path) -> list[TrialRecord]:
    from trial_audit.readers import iter_records

    return [r for r in iter_records([folder]) if isinstance(r, TrialRecord)]


def part_mapping(folder: Path, lines: list[bytes], blobs: list[bytes], rounds: int) -> None:
    records = _read_records(folder)
    read = fields_read(records)
    every = set().union(*read.values()) | ENGINE_FIELDS
    print("\nfields read, per family:")
    for fam, names in sorted(read.items()):
        print(f"  {fam:<6} {len(names):>3}  {', '.join(sorted(names))}")
    print(f"  never read by any rule or the engine: {', '.join(sorted(set(FIELD_NAMES) - every))}")
    selections = {"all rules": every, "--select TA2": read.get("TA2", set()) | ENGINE_FIELDS}
    selections["--select TA1,TA2,TA3"] = read.get("TA1", set()) | read.get("TA2", set()) | read.get("TA3", set()) | ENGINE_FIELDS
    for name, (decode, full, parts) in (("v2", ablate_v2(lines, rounds)), ("xml", ablate_xml(blobs, rounds))):
        n = len(lines) if name == "v2" else len(blobs)
        print(f"\n{name}: decode {decode * 1e3 / n:.3f} ms/record, map {full * 1e3 / n:.3f} ms/record")
        print(f"  {'part':<48} {'ms/rec':>7} {'share':>6}  fields")
        for part, (saved, changed) in sorted(parts.items(), key=lambda kv: -kv[1][0]):
            if saved * 1e3 / n >= 0.002 or not changed:
                print(f"  {part:<48} {saved * 1e3 / n:>7.3f} {saved / full:>6.1%}  {', '.join(sorted(changed)) or '-'}")
        for sel, needed in selections.items():
            skip = sum(max(s, 0.0) for s, changed in parts.values() if not changed & needed)
            names = [p for p, (s, changed) in parts.items() if not changed & needed and s * 1e3 / n >= 0.002]
            print(
                f"  {sel}: parts no selected rule reads cost {skip * 1e3 / n:.3f} ms/record = {skip / full:.0%} of mapping ({', '.join(sorted(names))})"
            )


def part_families(folder: Path, rounds: int) -> None:
    from trial_audit.engine import table as batch_table
    from trial_audit.engine.runner import Checker, RunOptions, collector_tuned

    records = _read_records(folder)
    checker = Checker(RunOptions(jobs=1))
    best: Counter[str] | None = None
    with collector_tuned(checker):
        for _ in range(rounds):
            for r in records:
                r._analyses.clear()
            spent: Counter[str] = Counter()
            clock = time.process_time
            for record in records:
                for rule in checker.record_rules:
                    t = clock()
                    list(rule.check(record, checker.ctx))
                    spent[rule.code[:3] + "xx"] += clock() - t
            for i in range(0, len(records), 500):
                t = clock()
                table = batch_table.build_table(records[i : i + 500])
                spent["table: build"] += clock() - t
                for rule in checker.table_rules:
                    t = clock()
                    list(rule.check_table(table, checker.ctx))
                    spent["table: " + rule.code[:3] + "xx (pandera)"] += clock() - t
            if best is None or sum(spent.values()) < sum(best.values()):
                best = spent
    assert best is not None
    n, total = len(records), sum(best.values())
    print(f"\nrules per family ({n} records, CPU, fastest of {rounds} rounds): {total * 1e3 / n:.3f} ms/record")
    for fam, s in best.most_common():
        print(f"  {fam:<26} {s * 1e3 / n:>7.3f} ms/record {s / total:>6.1%}")


_ANALYSES = {"criteria": "criteria", "age": "age", "condition": "condition", "conditions": "condition", "icd10cm": "condition"}


def _analysis_of(filename: str) -> str:
    stem = Path(filename).stem
    if "/text/" not in filename.replace("\\", "/"):
        return "rules and other"
    return _ANALYSES.get(stem.split("_")[0], "other text")


def part_scans(folder: Path) -> None:
    from trial_audit.engine.runner import Checker, RunOptions

    records = _read_records(folder)
    checker = Checker(RunOptions(jobs=1))
    rules = [r for r in checker.record_rules if r.code[:3] in ("TA1", "TA2", "TA3")]
    for rule in rules:  # load the vocabulary outside the profile
        rule.prepare(checker.ctx)
    prof = cProfile.Profile(time.process_time)  # CPU time, as the rest: the machine is shared
    t0 = time.process_time()
    for record in records:  # unprofiled first: the time the scans are a share of
        for rule in rules:
            list(rule.check(record, checker.ctx))
    wall = time.process_time() - t0
    for record in records:
        record._analyses.clear()
    prof.enable()
    for record in records:
        for rule in rules:
            list(rule.check(record, checker.ctx))
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    scan: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for (filename, _line, name), (_cc, _nc, tt, ct, callers) in stats.items():
        is_regex = filename == "~" and ("re.Pattern" in name or "_sre" in name or name.startswith("<built-in method _sre"))
        if is_regex:
            for (cfile, _cl, _cname), (_a, _b, ctt, _cct) in callers.items():
                scan[_analysis_of(cfile)] += ctt
        if filename.endswith(".py") and name in ("criteria_ages", "prose_ages", "parse_criteria", "mentions", "analyse"):
            inclusive[f"{Path(filename).stem}.{name}"] += ct
    n = len(records)
    profiled = sum(tt for (_f, _l, _n), (_cc, _nc, tt, _ct, _c) in stats.items())
    print(f"\nTA1xx-TA3xx ({n} records): {wall * 1e3 / n:.3f} ms/record CPU; under cProfile {profiled * 1e3 / n:.3f} ms/record")
    print("  regular-expression calls (C time), by the analysis that calls them:")
    for who, s in scan.most_common():
        print(f"    {who:<18} {s * 1e3 / n:>7.3f} ms/record {s / wall:>6.1%} of the unprofiled time")
    total_scan = sum(v for k, v in scan.items() if k in ("criteria", "age", "condition"))
    largest = max((v for k, v in scan.items() if k in ("criteria", "age", "condition")), default=0.0)
    print(f"  the three analyses' scans: {total_scan * 1e3 / n:.3f} ms/record ({total_scan / wall:.0%} of the unprofiled time);")
    bound = total_scan - largest
    print(f"  upper bound of one shared scan (all but the largest analysis's own): {bound * 1e3 / n:.3f} ms/record ({bound / wall:.0%})")


def part_decode(lines: list[bytes], blobs: list[bytes], rounds: int) -> None:
    from trial_audit.readers import ctgov_xml
    from trial_audit.readers.ctgov_v2 import study_to_record

    src = Source("bench", format="ctgov-v2")
    dec = _best(orjson.loads, lines, rounds)
    studies = [orjson.loads(x) for x in lines]
    mp = _best(lambda s: study_to_record(s, src), studies, rounds)
    kb = sum(map(len, lines)) / len(lines) / 1024
    print(
        f"\nv2 NDJSON ({len(lines)} studies, {kb:.0f} KB each): orjson {dec * 1e3 / len(lines):.3f} ms, mapping {mp * 1e3 / len(lines):.3f} ms per record"
    )
    xsrc = Source("bench.xml", format="ctgov-xml")
    dec = _best(lambda b: ctgov_xml.parse_xml(b, xsrc), blobs, rounds)
    whole = _best(lambda b: ctgov_xml.read_xml(b, xsrc), blobs, rounds)
    kb = sum(map(len, blobs)) / len(blobs) / 1024
    print(
        f"legacy XML ({len(blobs)} records, {kb:.0f} KB each): tree {dec * 1e3 / len(blobs):.3f} ms, mapping {(whole - dec) * 1e3 / len(blobs):.3f} ms per record"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--parts", default="mapping,families,scans,decode")
    args = ap.parse_args()
    from trial_audit.engine.runner import RunOptions, audit_paths

    audit_paths([ROOT / "seeds"], RunOptions(jobs=1))  # start-up (imports, vocabulary) apart
    parts = args.parts.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        lines, blobs = _corpus(args.records, Path(tmp))
        if "decode" in parts:
            part_decode(lines, blobs, args.rounds)
        if "mapping" in parts:
            part_mapping(Path(tmp), lines, blobs, args.rounds)
        if "families" in parts:
            part_families(Path(tmp), args.rounds)
        if "scans" in parts:
            part_scans(Path(tmp))


if __name__ == "__main__":
    main()
