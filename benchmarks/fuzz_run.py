"""A seeded mutation fuzz of the whole run: broken copies of the bundled seeds, audited by the CLI.

Each mutant is one of the seeds (v2, classic and page JSON, legacy XML, CSV export, page text)
changed in one way a broken export or a hostile submitter changes a file:

- ``truncate``: cut at a random byte (half-written download)
- ``flip``: a few random bytes replaced (bit rot, a wrong encoding)
- ``splice``: a random slice deleted or repeated (bad merge)
- ``swap``: in JSON, values replaced by another type (``[]``, ``{}``, ``null``, ``0``, ``""``,
  ``[""]``, a list where an object was, an object where a string was) - the class of the
  ``"stdAges": [""]`` crash
- ``blank_items``: in JSON, the items of lists made ``""`` or ``null`` (``"stdAges": [""]``,
  ``"phases": [null]``), list by list
- ``huge``: in JSON, a string value replaced by 100,000-300,000 characters (blank lines,
  markers, brackets, one long word) - the quadratic-regex and memory class
- ``empty``: the file emptied, or all its text values emptied
- ``controls``: bidi overrides and C0 controls sprinkled into the text

The run must never crash (exit 0 or 1 only, with at least one intact seed in the input), every
mutant must be in the report (records == audited + unreadable, each file named), and the JSON
report must stay roughly linear in the input. tests/test_fuzz.py runs a small seeded corpus on
every test run; this script runs a longer one and prints what it found:

    python benchmarks/fuzz_run.py --mutants 2000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RECORD_SUFFIXES = (".json", ".xml", ".txt", ".csv")
MUTATIONS = ("truncate", "flip", "splice", "swap", "blank_items", "huge", "empty", "controls")

_SWAPS: tuple[Any, ...] = ([], {}, None, 0, -1, "", [""], [None], [[]], {"": ""}, True, 1e308, "N/A")
_HUGE_SHAPES = ("\n", " ", "1. ", "* ", "(", "[", "a", "- Inclusion Criteria:\n", "\u202e", "\\>")
_CONTROLS = ("\u202e", "\u202d", "\u2066", "\u2069", "\x00", "\x1b", "\x7f", "\x85", "\ufeff")


def seed_files() -> list[Path]:
    return [p for p in sorted(SEEDS.iterdir()) if p.suffix in RECORD_SUFFIXES]


def _walk_json(obj: Any, rng: random.Random, change: Any, p: float) -> Any:
    """The JSON value with each value replaced by ``change(value)`` with probability ``p``."""
    if isinstance(obj, dict):
        return {k: (change(v) if rng.random() < p else _walk_json(v, rng, change, p)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [change(v) if rng.random() < p else _walk_json(v, rng, change, p) for v in obj]
    return obj


def mutate(data: bytes, suffix: str, how: str, rng: random.Random) -> bytes:
    """One mutant of a seed's bytes."""
    if how == "truncate":
        return data[: rng.randrange(len(data))]
    if how == "flip":
        d = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            d[rng.randrange(len(d))] = rng.randrange(256)
        return bytes(d)
    if how == "splice":
        a = rng.randrange(len(data))
        b = min(len(data), a + rng.randint(1, 2000))
        return data[:a] + (data[a:b] * rng.randint(0, 3)) + data[b:]
    if how == "empty" and (suffix != ".json" or rng.random() < 0.3):
        return b""
    text = data.decode("utf-8", "replace")
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except ValueError:
            return data
        if how == "swap":
            obj = _walk_json(obj, rng, lambda v: rng.choice(_SWAPS), 0.08)
        elif how == "blank_items":
            obj = _blank_items(obj, rng)
        elif how == "huge":
            shape = rng.choice(_HUGE_SHAPES)
            n = rng.randint(100_000, 300_000)
            obj = _walk_json(obj, rng, lambda v: (shape * (n // len(shape))) if isinstance(v, str) else v, 0.05)
        elif how == "empty":
            obj = _walk_json(obj, rng, lambda v: "" if isinstance(v, str) else v, 0.9)
        elif how == "controls":
            obj = _walk_json(obj, rng, lambda v: _sprinkle(v, rng) if isinstance(v, str) else v, 0.2)
        return json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode("utf-8")
    if how == "controls":
        return _sprinkle(text, rng).encode("utf-8")
    if how == "huge":
        at = rng.randrange(len(text))
        return (text[:at] + rng.choice(_HUGE_SHAPES) * rng.randint(20_000, 100_000) + text[at:]).encode("utf-8")
    return data


def _blank_items(obj: Any, rng: random.Random) -> Any:
    """Half of the lists of scalars get their items made "" or null."""
    if isinstance(obj, dict):
        return {k: _blank_items(v, rng) for k, v in obj.items()}
    if isinstance(obj, list):
        if obj and all(not isinstance(v, (dict, list)) for v in obj) and rng.random() < 0.5:
            return [rng.choice(("", None, " ")) for _ in obj]
        return [_blank_items(v, rng) for v in obj]
    return obj


def _sprinkle(text: str, rng: random.Random) -> str:
    if not text:
        return text
    chars = list(text)
    for _ in range(rng.randint(1, 4)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(_CONTROLS))
    return "".join(chars)


def write_corpus(folder: Path, mutants: int, seed: int) -> list[Path]:
    """``mutants`` mutated seeds, plus one intact copy of each seed, written into ``folder``."""
    rng = random.Random(seed)
    seeds = [(p, p.read_bytes()) for p in seed_files()]
    written = []
    for p, data in seeds:
        target = folder / f"intact_{p.name}"
        target.write_bytes(data)
        written.append(target)
    for i in range(mutants):
        p, data = rng.choice(seeds)
        how = rng.choice(MUTATIONS)
        target = folder / f"m{i:05d}_{how}_{p.stem}{p.suffix}"
        target.write_bytes(mutate(data, p.suffix, how, rng))
        written.append(target)
    return written


def run(mutants: int, seed: int, out: Path | None = None) -> dict[str, Any]:
    """Write a corpus, audit it with the CLI in this process, and check the invariants."""
    from typer.testing import CliRunner

    from trial_audit.cli.app import app

    with tempfile.TemporaryDirectory(prefix="trial-audit-fuzz-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files = write_corpus(folder, mutants, seed)
        in_bytes = sum(f.stat().st_size for f in files)
        report_dir = out or Path(tmp) / "out"
        t0 = time.perf_counter()
        args = ["audit", str(folder), "-f", "json", "--out", str(report_dir), "-q", "-j", "1", "--fail-on", "error"]
        result = CliRunner().invoke(app, args + ["--as-of", "2026-11-27"])
        seconds = time.perf_counter() - t0
        report_path = report_dir / "report.json"
        report = json.loads(report_path.read_text()) if report_path.is_file() else {}
        summary = report.get("summary", {})
        named = {Path(r["source"]["path"]).name for r in report.get("records", [])}
        return {
            "exit_code": result.exit_code,
            "output": result.output[-2000:],
            "files": len(files),
            "input_bytes": in_bytes,
            "report_bytes": report_path.stat().st_size if report_path.is_file() else 0,
            "records": summary.get("records", 0),
            "audited": summary.get("audited", 0),
            "unreadable": summary.get("unreadable", 0),
            "rule_failures": summary.get("findings_by_rule", {}).get("TA003", 0),
            "files_not_in_report": sorted({f.name for f in files} - named),
            "seconds": round(seconds, 1),
        }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mutants", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    res = run(args.mutants, args.seed)
    print(json.dumps({k: v for k, v in res.items() if k != "output"}, indent=2))
    ok = (
        res["exit_code"] in (0, 1)
        and res["records"] == res["audited"] + res["unreadable"]
        and not res["files_not_in_report"]
        and res["report_bytes"] <= 20 * res["input_bytes"] + 1_000_000
    )
    if not ok:
        print(res["output"])
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
