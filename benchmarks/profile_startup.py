"""Where the CPU of a one-record audit goes, start-up included: steps, imports by package, regular expressions.

``bench_startup.py`` times the whole process; this script splits it, in fresh processes (median of
``-n`` runs each, warm run cache, Python's bytecode cache on as for an installed trial-audit):

1. **Steps**, CPU seconds (``time.process_time``) inside one process: the interpreter until the
   driver starts; the regex cache read (``cli/regex_cache.py``, as ``python -m trial_audit`` does;
   ``--no-regex-cache``: without it) and the command line's imports (typer, the CLI, the readers,
   the engine); the rule modules (``registry.load_rules``); ``Checker.warm_up`` (the rules' lookups read
   back from the run cache); the run (reading the record, the rules, what they load on first use);
   the reports and the rest. The interpreter's own start (before any Python code of ours runs) is
   the CPU of ``python -c pass``.
2. **Imports by package**: ``-X importtime``'s *self* times (additive, unlike the cumulative ones),
   summed by package (``trial_audit.text.age_patterns`` is its own row when it is large), as shares
   of all import time and scaled to the CPU of the import steps above. A module's self time
   includes what it runs at import: its regular expressions compiled, its tables built.
3. **Regular expressions compiled**: the CPU spent in ``re.compile`` (first compilations; the
   ``re`` cache answers the rest), by the package of the module that asked, during the imports and
   during the run.

    python benchmarks/profile_startup.py -n 5
    python benchmarks/profile_startup.py -n 5 --record seeds/xml_NCT00581919.xml
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORD = ROOT / "seeds" / "v2_NCT00973089.json"

#: the in-process driver: times the steps and the regex compilations, prints them as JSON on stdout
DRIVER = r"""
import json, re, sys, time
t_start = time.process_time()
compiles = {}
_compile = re._compile
def timed_compile(pattern, flags):
    t0 = time.process_time()
    try:
        return _compile(pattern, flags)
    finally:
        f = sys._getframe(1)
        while f is not None and f.f_globals.get("__name__", "").startswith(("re", "sre_")) and f.f_globals.get("__name__") != "__main__":
            f = f.f_back
        name = f.f_globals.get("__name__", "?") if f is not None else "?"
        key = (phase[0], name)
        compiles[key] = compiles.get(key, 0.0) + time.process_time() - t0
re._compile = timed_compile
phase = ["imports"]
marks = {"python until here": t_start}
if sys.argv.pop(1) == "regex-cache":  # as python -m trial_audit and the trial-audit script do
    from trial_audit.cli import regex_cache
    regex_cache.install()
import trial_audit.cli.app as app_module
marks["command line imports"] = time.process_time()
from trial_audit.engine import registry, checker, runner
steps = {}
def timed(owner, name, label, before=None):
    original = getattr(owner, name)
    def wrapper(*a, **k):
        if before:
            phase[0] = before
        t0 = time.process_time()
        try:
            return original(*a, **k)
        finally:
            steps[label] = steps.get(label, 0.0) + time.process_time() - t0
    setattr(owner, name, wrapper)
_load = registry.load_rules
loaded = [False]
def load_rules():
    if loaded[0]:
        return _load()
    loaded[0] = True
    t0 = time.process_time()
    try:
        return _load()
    finally:
        steps["rule modules"] = time.process_time() - t0
registry.load_rules = load_rules
timed(checker.Checker, "warm_up", "warm_up", before="run")
timed(runner, "audit_paths", "the run (read, rules, first-use loads)", before="run")
try:
    app_module.app(sys.argv[1:])
except SystemExit:
    pass
total = time.process_time()
print(json.dumps({"start": t_start, "cli": marks["command line imports"] - t_start, "steps": steps, "total": total,
                  "compiles": [[p, n, s] for (p, n), s in compiles.items()]}))
"""


def audit_args(record: Path, out: Path) -> list[str]:
    return ["audit", str(record), "-f", "json", "--out", str(out), "-q", "-j", "1", "--fail-on", "never", "--as-of", "2026-11-27"]


def env_for(cache: str) -> dict[str, str]:
    env = dict(os.environ, TRIAL_AUDIT_CACHE=cache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed trial-audit reads its compiled bytecode
    return env


def group(module: str) -> str:
    """The row a module's import time is counted in."""
    if module.startswith("trial_audit."):
        parts = module.split(".")
        if parts[1] in ("text", "checks") and len(parts) > 2:
            return ".".join(parts[:3]) if parts[2] != "_shared" else ".".join(parts[:4])
        return ".".join(parts[:2])
    top = module.split(".")[0]
    return (
        top
        if top in ("typer", "rich", "orjson", "pydantic", "pydantic_core", "importlib", "sqlite3", "email", "json")
        else "other (stdlib)"
    )


def importtime(python: str, record: Path, out: Path, cache: str) -> dict[str, float]:
    done = subprocess.run(
        [python, "-X", "importtime", "-m", "trial_audit", *audit_args(record, out)],
        env=env_for(cache),
        capture_output=True,
        text=True,
        check=False,
    )
    totals: dict[str, float] = defaultdict(float)
    for line in done.stderr.splitlines():
        m = re.match(r"import time:\s+([0-9]+) \|\s+[0-9]+ \| (\s*)(\S+)", line)
        if m:
            totals[group(m.group(3))] += int(m.group(1)) / 1e6
    return totals


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--runs", type=int, default=5)
    ap.add_argument("--record", type=Path, default=DEFAULT_RECORD)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--top", type=int, default=22, help="import rows shown")
    ap.add_argument("--no-regex-cache", action="store_true", help="steps without the command line's regex cache (cli/regex_cache.py)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cache, out = str(Path(tmp) / "cache"), Path(tmp) / "out"
        subprocess.run(
            [args.python, "-m", "trial_audit", *audit_args(args.record, out)], env=env_for(cache), capture_output=True, check=False
        )
        bare = []
        runs = []
        imports = []
        for _ in range(args.runs):
            t = subprocess.run(
                [args.python, "-c", "import time; print(time.process_time())"], env=env_for(cache), capture_output=True, text=True
            )
            bare.append(float(t.stdout))
            driver = [args.python, "-c", DRIVER, "no-regex-cache" if args.no_regex_cache else "regex-cache"]
            done = subprocess.run([*driver, *audit_args(args.record, out)], env=env_for(cache), capture_output=True, text=True, check=False)
            if done.returncode != 0 or not done.stdout.strip():
                sys.exit(f"the driver failed: {done.stderr[-2000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            imports.append(importtime(args.python, args.record, out, cache))

    def med(values: list[float]) -> float:
        return statistics.median(values) if values else 0.0

    print(f"one-record audit of {args.record.name}: median of {args.runs} fresh processes, CPU seconds, load {os.getloadavg()[0]:.1f}")
    total = med([r["total"] for r in runs])
    rows = [
        ("interpreter start (python -c pass)", med(bare)),
        ("site, runpy, until the driver starts", med([r["start"] for r in runs]) - med(bare)),
        ("the regex cache read, the command line's imports (typer, cli, readers, engine, core)", med([r["cli"] for r in runs])),
    ]
    step_names = ["rule modules", "warm_up", "the run (read, rules, first-use loads)"]
    rows += [(name, med([r["steps"].get(name, 0.0) for r in runs])) for name in step_names]
    # warm_up runs inside the run: the run's row is what is left of it
    rows[-1] = (rows[-1][0], rows[-1][1] - rows[-2][1])
    rows.append(("typer parsing, options, reports, exit", total - sum(v for _, v in rows)))
    print("\nsteps")
    for name, value in rows:
        print(f"  {value:6.3f}  {name}")
    print(f"  {total:6.3f}  the whole process (CPU of the driver; no -X importtime)")

    import_cpu = rows[2][1] + rows[3][1]  # the import steps: the command line's and the rule modules'
    groups = sorted({g for i in imports for g in i}, key=lambda g: -med([i.get(g, 0.0) for i in imports]))
    all_import = med([sum(i.values()) for i in imports])
    print(f"\nimports, self time by package (-X importtime, median {all_import:.3f} s of wall time in all), scaled to the")
    print(f"{import_cpu:.3f} s of CPU of the two import steps above")
    for g in groups[: args.top]:
        share = med([i.get(g, 0.0) for i in imports]) / all_import if all_import else 0.0
        print(f"  {share * import_cpu:6.3f}  {share:5.1%}  {g}")
    rest = 1 - sum(med([i.get(g, 0.0) for i in imports]) / all_import for g in groups[: args.top]) if all_import else 0.0
    print(f"  {rest * import_cpu:6.3f}  {rest:5.1%}  the other {max(0, len(groups) - args.top)} rows")

    compiled: dict[tuple[str, str], list[float]] = defaultdict(list)
    for r in runs:
        per: dict[tuple[str, str], float] = defaultdict(float)
        for phase, name, seconds in r["compiles"]:
            per[(phase, group(name) if name.startswith("trial_audit.") else "other")] += seconds
        for key in {k for rr in runs for p, n, _ in rr["compiles"] for k in [(p, group(n) if n.startswith("trial_audit.") else "other")]}:
            compiled[key].append(per.get(key, 0.0))
    print("\nregular expressions compiled (re.compile, CPU), by the package that asked")
    for phase in ("imports", "run"):
        keys = sorted((k for k in compiled if k[0] == phase), key=lambda k: -med(compiled[k]))
        print(f"  during the {phase}: {sum(med(compiled[k]) for k in keys):.3f} s")
        for k in keys[:12]:
            print(f"    {med(compiled[k]):6.3f}  {k[1]}")


if __name__ == "__main__":
    main()
