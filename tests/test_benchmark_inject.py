"""The defect-injection benchmark's machinery on a few bundled seeds (benchmarks/inject.py).

Checks that mutated copies differ from their bases, IDs are unique, the tool's report is parsed
and recall figures are fractions. It deliberately asserts no recall value: the benchmark measures
the rules, this test only keeps the harness working.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# one operator per family: numbering, structure, age, scope, timeline, status
OPERATORS = "skip_number,empty_item,summary_age,scope_disease,remove_start,stopped_without_reason"


def test_inject_machinery(tmp_path: Path) -> None:
    out = tmp_path / "inject.json"
    doc = tmp_path / "detection.md"
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "inject.py"),
        "--inputs",
        # two formats only: one CLI run per format is most of the time
        str(SEEDS / "v2_NCT00973089.json"),
        str(SEEDS / "v2_NCT03418623.json"),
        str(SEEDS / "xml_NCT00581919.xml"),
        "--operators",
        OPERATORS,
        "--jobs",
        "1",
        "--json",
        str(out),
        "--write",
        str(doc),
        "--keep",
        str(tmp_path / "work"),
    ]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]

    data = json.loads(out.read_text(encoding="utf-8"))
    injs = data["injections"]
    assert injs, "no injection applied to the seeds"
    assert {i["fmt"] for i in injs} >= {"v2", "xml"}
    assert all(i["changed"] for i in injs), [i for i in injs if not i["changed"]]
    ids = [i["id"] for i in injs] + list({i["base_id"] for i in injs if i["base_id"] != i["record"]})
    assert len(ids) == len(set(ids)), "mutated / base copies must have unique IDs"
    assert all(i["id"].startswith("NCT9") and len(i["id"]) == 11 for i in injs)
    assert not {i["id"] for i in injs} & {i["record"] for i in injs}

    # the report was read: clean records were counted for the noise table of every format
    assert all(data["noise"][f]["records"] >= 1 for f in {i["fmt"] for i in injs})
    for table in ("by_group", "by_operator", "by_family"):
        for row in data["summary"][table].values():
            assert row["recall"] is None or 0.0 <= row["recall"] <= 1.0
            assert 0 <= row["detected"] <= row["n"]
    assert 0.0 <= data["summary"]["overall"]["recall"] <= 1.0
    assert "<!-- results:inputs -->" in doc.read_text(encoding="utf-8")
