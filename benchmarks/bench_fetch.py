"""A registry search of N studies, fetched page by page from a local stand-in of the API v2 and
audited: time and peak memory, to show that memory stays flat as N grows (docs/performance.md).

The server (tests/fetch_server.py, in its own process) makes the studies on demand from the real
v2 records of tests/data/registry under fresh NCT IDs; the client is trial-audit's (no cache, no
rate limit: it is a local server). Each N runs in a fresh process so that peak RSS is its own.

    python benchmarks/bench_fetch.py --studies 250 1000 4000 --modes read,audit
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _studies(start: int, count: int) -> list[dict]:
    from tests.fetch_server import real_studies

    base = list(real_studies().values())
    out = []
    for i in range(start, start + count):
        study = copy.deepcopy(base[i % len(base)])
        study["protocolSection"]["identificationModule"]["nctId"] = f"NCT9{i:07d}"
        out.append(study)
    return out


def _serve(total: int, port_out) -> None:
    from tests.fetch_server import RegistryServer, ServerState

    server = RegistryServer(ServerState(search_source=_studies, search_total=total))
    port_out.send(server.url)
    server.httpd.serve_forever()


def child(n: int, mode: str, page_size: int) -> dict:
    sys.path.insert(0, str(ROOT))
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_serve, args=(n, send), daemon=True)
    proc.start()
    url = recv.recv()
    from trial_audit.core.dates import parse_date
    from trial_audit.engine.runner import RunOptions, audit_items
    from trial_audit.readers.fetch_studies import parse_search, search_records
    from trial_audit.readers.registry_api import FetchSettings, RegistryClient

    client = RegistryClient(FetchSettings(base_url=url, cache_dir=None, min_interval=0.0, page_size=page_size))
    items = search_records(client, parse_search("search:query.cond=any"))
    started = time.perf_counter()
    if mode == "read":
        records = sum(1 for _ in items)
    else:
        report = audit_items(items, RunOptions(as_of=parse_date("2026-11-27"), jobs=1))
        records = report.summary()["records"]
    seconds = time.perf_counter() - started
    proc.terminate()
    return {
        "studies": n,
        "mode": mode,
        "records": records,
        "seconds": round(seconds, 2),
        "records_per_s": round(records / seconds),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--studies", type=int, nargs="+", default=[250, 1000, 4000])
    ap.add_argument("--modes", default="read,audit")
    ap.add_argument("--page-size", type=int, default=100)
    ap.add_argument("--child", nargs=2, metavar=("N", "MODE"))
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(int(args.child[0]), args.child[1], args.page_size)))
        return
    print("| studies | mode | records | seconds | records/s | peak RSS MB |\n|---:|---|---:|---:|---:|---:|")
    for n in args.studies:
        for mode in args.modes.split(","):
            cmd = [sys.executable, __file__, "--child", str(n), mode, "--page-size", str(args.page_size)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout.strip().splitlines()[-1]
            r = json.loads(out)
            print(
                f"| {r['studies']:,} | {r['mode']} | {r['records']:,} | {r['seconds']} | {r['records_per_s']} | {r['peak_rss_mb']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
