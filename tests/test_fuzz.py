"""A seeded mutation fuzz of the whole run (see benchmarks/fuzz_run.py for the mutations).

Truncated, byte-flipped, spliced, type-swapped, huge, emptied and control-sprinkled copies of
the bundled seeds, audited by the CLI in one run: no crash (exit 0 or 1 only), every file in
the report, records == audited + unreadable, and a report that grows linearly with the input.
"""

from __future__ import annotations

import pytest

from benchmarks.fuzz_run import MUTATIONS, mutate, run, seed_files


@pytest.mark.parametrize("seed", [11, 12])
def test_a_mutated_corpus_never_crashes_the_run(seed):
    res = run(mutants=120, seed=seed)
    assert res["exit_code"] in (0, 1), res["output"]
    assert res["records"] == res["audited"] + res["unreadable"]
    assert res["records"] >= res["files"]  # every file is at least one record or one unreadable
    assert res["files_not_in_report"] == []
    # linear: the report is bounded by a multiple of the input (huge mutants are megabytes each)
    assert res["report_bytes"] <= 20 * res["input_bytes"] + 1_000_000, res


def test_each_mutation_changes_each_seed_kind():
    import random

    rng = random.Random(3)
    for path in seed_files():
        data = path.read_bytes()
        changed = {how for how in MUTATIONS for _ in range(5) if mutate(data, path.suffix, how, rng) != data}
        assert {"truncate", "flip", "huge", "controls"} <= changed, path.name
