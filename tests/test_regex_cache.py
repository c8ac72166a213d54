"""Regular expressions built from the run cache (cli/regex_cache.py) are the Patterns ``re`` compiles.

Pattern equality in CPython compares the flags, the pattern and the compiled code, so a Pattern
built from stored data that equals ``re``'s own is the same program. Checked for every pattern a
command-line audit of the seeds compiles (the rules, the analysers, the readers, the reports),
then the report of a run with the cache read back is compared with a run without caches.
"""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from trial_audit.cli import regex_cache

ORIGINAL = re._compiler.compile  # type: ignore[attr-defined]


def _audit(tmp_path: Path, cache: str, out: str, *paths: Path) -> dict:
    env = {"TRIAL_AUDIT_CACHE": cache, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    cmd = [sys.executable, "-m", "trial_audit", "audit", *map(str, paths), "-f", "json", "--out", str(tmp_path / out), "-q", "-j", "1"]
    subprocess.run([*cmd, "--fail-on", "never", "--as-of", "2026-11-27"], env=env, check=True, capture_output=True)
    report = json.loads((tmp_path / out / "report.json").read_text())
    report.pop("generated")
    return report


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    """A run cache filled by a command-line audit of every seed; the stored patterns."""
    tmp = tmp_path_factory.mktemp("regex-cache")
    cache = tmp / "cache"
    report = _audit(tmp, str(cache), "first", SEEDS)
    [path] = cache.glob("regex-*.marshal")
    return tmp, cache, report, marshal.loads(path.read_bytes())


def test_every_stored_pattern_is_the_one_re_compiles(filled):
    import _sre

    _tmp, _cache, _report, store = filled
    assert len(store) > 300  # the rules' patterns: the cache answers most of start-up's compiling
    for (is_bytes, pattern, flags), args in store.items():
        assert isinstance(pattern, bytes) == is_bytes
        assert _sre.compile(pattern, *args) == ORIGINAL(pattern, flags), pattern[:200]


def test_a_run_from_the_cache_reports_as_a_run_without_caches(filled):
    tmp, cache, first, _store = filled
    again = _audit(tmp, str(cache), "again", SEEDS)
    without = _audit(tmp, "off", "without", SEEDS)
    assert again == first == without


def test_built_patterns_match_as_compiled_ones():
    store: dict = {}
    cached = regex_cache.make_compile(ORIGINAL, store)
    samples = [
        (r"(?P<lo>[0-9]{1,3})\s*(?:-|to)\s*(?P<hi>[0-9]{1,3})\s*years?", re.IGNORECASE.value),
        (r"^\s*(?:inclusion|exclusion)\s+criteria\s*:?\s*$", re.M.value | re.I.value),
        (rb"<nct_id>\s*(NCT[0-9]{8})\s*</nct_id>", 0),
        (r"(?x) (?<![A-Za-z]) age[sd]? \s+ (?=[0-9])  # a comment", 0),
        (r"\bü[ß]e\b|ÿ", re.UNICODE.value),
    ]
    texts = ["Ages 18 to 65 years", "INCLUSION CRITERIA:\n- adults", b"<nct_id> NCT01234567 </nct_id>", "aged 40", "üße ÿ"]
    for (pattern, flags), text in zip(samples, texts):
        fresh = cached(pattern, flags)  # compiled and stored
        built = cached(pattern, flags)  # built from the stored data
        assert fresh == built == ORIGINAL(pattern, flags)
        assert built.groupindex == ORIGINAL(pattern, flags).groupindex and built.groups == ORIGINAL(pattern, flags).groups
        m1, m2 = built.search(text), ORIGINAL(pattern, flags).search(text)
        assert (m1 and (m1.span(), m1.groups())) == (m2 and (m2.span(), m2.groups()))
    assert len(store) == len(samples)


def test_damaged_or_refused_data_is_compiled_anew(tmp_path, monkeypatch):
    store = {(False, "a+b", 0): (0, [0, 1, 2], 0, {}, (None,))}  # code _sre refuses
    cached = regex_cache.make_compile(ORIGINAL, store)
    assert cached("a+b", 0) == ORIGINAL("a+b", 0)
    assert store[(False, "a+b", 0)][1] != [0, 1, 2]  # replaced by the real compilation
    bad = tmp_path / "regex.marshal"
    for content in (b"", b"\x00garbage", marshal.dumps([1, 2, 3])):
        bad.write_bytes(content)
        assert regex_cache._load(bad) == {}


def test_nothing_is_installed_when_the_cache_is_off(monkeypatch):
    monkeypatch.setenv("TRIAL_AUDIT_CACHE", "off")
    monkeypatch.setattr(regex_cache, "_state", {})
    assert regex_cache.install() is False
    assert re._compiler.compile is ORIGINAL  # type: ignore[attr-defined]


def test_the_cache_folder_is_the_icd_tables_one(monkeypatch, tmp_path):
    from trial_audit.text import icd10cm

    for value in (str(tmp_path), "off", "OFF", None):
        if value is None:
            monkeypatch.delenv("TRIAL_AUDIT_CACHE", raising=False)
            monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        else:
            monkeypatch.setenv("TRIAL_AUDIT_CACHE", value)
        assert regex_cache.cache_dir() == icd10cm.cache_dir()
