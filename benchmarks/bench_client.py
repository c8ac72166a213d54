"""What a run's client does per record that is not split among workers: finalise, receive, write.

With ``--jobs`` or ``--engine dask`` the parent process (the client) receives every unit's results,
fingerprints their findings, stores them and writes the report. That share bounds how far adding
workers pays (docs/scale.md). The script audits a folder in one process and times, in CPU
seconds per record: the fingerprinting (``Finaliser``), a pickle round trip of the results (what
crossing a process boundary costs) and writing the JSON report.

    python benchmarks/bench_shapes.py --records 2000 --keep /tmp/shapes --shapes mix --build-only
    python benchmarks/bench_client.py /tmp/shapes/mix
"""

from __future__ import annotations

import pickle
import sys
import tempfile
import time
from pathlib import Path

from trial_audit.core.dates import parse_date
from trial_audit.engine import runner
from trial_audit.engine.runner import RunOptions, audit_paths
from trial_audit.reports.json_report import write_json


def main() -> None:
    cpu = time.process_time
    spent = {"finalise": 0.0, "pickle": 0.0, "bytes": 0}
    finalise = runner.Finaliser.__call__

    def timed(self, results):
        t = cpu()
        out = finalise(self, results)
        spent["finalise"] += cpu() - t
        t = cpu()
        data = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)  # noqa: S301 - our own bytes
        spent["pickle"] += cpu() - t
        spent["bytes"] += len(data)
        return out

    runner.Finaliser.__call__ = timed
    t = cpu()
    report = audit_paths([sys.argv[1]], RunOptions(jobs=1, as_of=parse_date("2026-11-27")))
    total = cpu() - t
    n = len(report.records)
    with tempfile.TemporaryDirectory() as out:
        t = cpu()
        write_json(report, Path(out) / "report.json")
        json_s = cpu() - t
    print(f"{n} records; whole audit {1000 * total / n:.2f} ms CPU per record")
    print(
        f"client share per record: fingerprints {1000 * spent['finalise'] / n:.3f} ms, pickle round trip "
        f"{1000 * spent['pickle'] / n:.3f} ms ({spent['bytes'] / n / 1024:.1f} KB), JSON report {1000 * json_s / n:.3f} ms"
    )


if __name__ == "__main__":
    main()
