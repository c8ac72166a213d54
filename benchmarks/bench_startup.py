"""One-record audit, start-up included: whole-process wall and CPU time, median of N runs.

A CI job that audits one submitted record pays the interpreter, the command line, the rule
modules and whatever the rules load, on every run (issue 21: target 0.5 s). This script runs
the audit of one record as a fresh process N times and prints the median and the range of its
wall time and CPU time (user + system, of the process and its children, from ``getrusage``).

Built lookup structures (the ICD-10-CM matchers, the condition vocabulary) are kept between
runs in the run cache (``$TRIAL_AUDIT_CACHE``). ``--cache warm`` (the default) gives every run
the same temporary cache, filled by an uncounted first run, as on a CI runner that keeps its
cache; ``--cache fresh`` an empty one each run, as on a fresh machine; ``--cache off`` none.

``--vs PYTHON`` times a second interpreter (e.g. the virtual environment of an older checkout)
on the same command, alternating A B A B so that both see the same machine (the load of a
shared machine drifts by 20-30% within minutes), and prints the ratio of each pair's times.

    python benchmarks/bench_startup.py -n 9
    python benchmarks/bench_startup.py -n 9 --vs /tmp/old-checkout/.venv/bin/python
    python benchmarks/bench_startup.py --record seeds/xml_NCT00581919.xml --cache fresh
    python benchmarks/bench_startup.py --phases -n 7

Compiled bytecode: Python caches each module's compiled code (``__pycache__``) unless
``PYTHONDONTWRITEBYTECODE`` is set, which this development machine's sessions set. An installed
trial-audit has its bytecode written at install time (an editable checkout at its first run), so
a user's start-up reads it; a run without it compiles every module of the project from source
(~0.15 s of CPU, measured 2026-12-07). ``--bytecode cached`` (the default) runs the children without
``PYTHONDONTWRITEBYTECODE``, so the uncounted first run writes the cache; ``--bytecode source``
keeps the variable as it is (on this machine: every run compiles what has no cache).

``--phases`` splits the CPU time of the one interpreter into what each step of start-up adds:
fresh processes that stop after the interpreter, after importing typer, pydantic and the command
line (which imports the readers), after the rule modules, after ``warm_up`` (the rules' lookups read
back from the run cache, warm unless ``--cache off``), and the whole audit; each step is the
difference of the medians.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORD = ROOT / "seeds" / "v2_NCT00973089.json"


def command(python: str, record: Path, out: Path) -> list[str]:
    return [python, "-m", "trial_audit", "audit", str(record), "-f", "json", "--out", str(out), "-q", "--fail-on", "never",
            "--as-of", "2026-11-27"]  # fmt: skip


#: run the children with Python's bytecode cache (see above); set by ``--bytecode``
BYTECODE_CACHED = True


def run_once(cmd: list[str], cache: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run of ``cmd`` as a fresh process."""
    env = dict(os.environ, TRIAL_AUDIT_CACHE=cache)
    if BYTECODE_CACHED:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"the audit failed (exit {done.returncode}): {done.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


#: what the command line does first (``__main__``): the regex cache, then the command line's modules
_CLI = "from trial_audit.cli import regex_cache; regex_cache.install(); import trial_audit.cli.app"
_CHECKER = _CLI + "; from trial_audit.engine.runner import Checker, RunOptions; c = Checker(RunOptions())"
#: (what the step adds, the Python code a fresh process runs up to the end of it); the last step is the audit itself
PHASES = (
    ("interpreter and site", "pass"),
    ("the regex cache read; typer, the CLI modules and the readers (no pydantic: cli/typer_coercion.py)", _CLI),
    ("the rule modules (their regular expressions built from the regex cache)", _CHECKER),
    ("warm_up: the rules' lookups read back from the run cache", _CHECKER + "; c.warm_up()"),
)


def phases(python: str, record: Path, runs: int, cache: str, out: Path) -> None:
    """Median CPU seconds of each step of start-up (``PHASES``, then the audit), as differences."""
    # each step ends as the command line does (cli/entry.py): without the interpreter's teardown
    steps = [(name, [python, "-c", code + "; import os; os._exit(0)"]) for name, code in PHASES]
    steps.append(("reading the record, the rules on it (what they load on first use), options, the report", command(python, record, out)))
    run_once(steps[-1][1], cache)  # uncounted: fills the cache
    medians = []
    for _name, cmd in steps:
        medians.append(statistics.median(run_once(cmd, cache)[1] for _ in range(runs)))
    print(f"CPU per step of a one-record audit of {record.name}, median of {runs} runs, load {os.getloadavg()[0]:.1f}")
    previous = 0.0
    for (name, _cmd), median in zip(steps, medians):
        print(f"  {median - previous:6.3f}  {name}")
        previous = median
    print(f"  {medians[-1]:6.3f}  the whole process")


def summary(name: str, values: list[float]) -> str:
    return f"{name:<10} median {statistics.median(values):6.3f}   min {min(values):6.3f}   max {max(values):6.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", "--runs", type=int, default=7, help="counted runs of each interpreter (default 7)")
    ap.add_argument("--record", type=Path, default=DEFAULT_RECORD, help="the record to audit (default: the seed v2_NCT00973089.json)")
    ap.add_argument("--python", default=sys.executable, help="the interpreter with trial-audit installed (default: this one)")
    ap.add_argument("--vs", metavar="PYTHON", help="a second interpreter to compare with, run alternately")
    ap.add_argument("--cache", choices=("warm", "fresh", "off"), default="warm", help="the run cache of built lookups (see above)")
    ap.add_argument("--phases", action="store_true", help="split the CPU time of --python into the steps of start-up")
    ap.add_argument(
        "--bytecode", choices=("cached", "source"), default="cached", help="Python's bytecode cache for the children (see above)"
    )
    args = ap.parse_args()
    global BYTECODE_CACHED
    BYTECODE_CACHED = args.bytecode == "cached"
    if args.phases:
        with tempfile.TemporaryDirectory() as tmp:
            cache = "off" if args.cache == "off" else str(Path(tmp) / "cache")
            phases(args.python, args.record, args.runs, cache, Path(tmp) / "out")
        return

    pythons = {"A": args.python} | ({"B": args.vs} if args.vs else {})
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        caches = {k: str(tmp_path / f"cache-{k}") for k in pythons}
        times: dict[str, list[tuple[float, float]]] = {k: [] for k in pythons}

        def cache_for(key: str, run: int) -> str:
            if args.cache == "off":
                return "off"
            if args.cache == "fresh":
                return str(tmp_path / f"fresh-{key}-{run}")
            return caches[key]

        for key, python in pythons.items():  # uncounted: fills the warm caches, loads the files into the page cache
            run_once(command(python, args.record, tmp_path / f"out-{key}"), cache_for(key, -1))
        for run in range(args.runs):
            for key, python in pythons.items():
                times[key].append(run_once(command(python, args.record, tmp_path / f"out-{key}"), cache_for(key, run)))

    print(
        f"one-record audit of {args.record.name}, {args.runs} runs each, cache {args.cache}, bytecode {args.bytecode}, load {os.getloadavg()[0]:.1f}"
    )
    for key, python in pythons.items():
        print(f"{key}: {python}")
        print("  " + summary("wall s", [w for w, _ in times[key]]))
        print("  " + summary("CPU s", [c for _, c in times[key]]))
    if args.vs:
        pairs = list(zip(times["A"], times["B"]))
        print("A/B, pair by pair:")
        print("  " + summary("wall", [a[0] / b[0] for a, b in pairs]))
        print("  " + summary("CPU", [a[1] / b[1] for a, b in pairs]))


if __name__ == "__main__":
    main()
