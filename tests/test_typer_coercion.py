"""Option values coerced without pydantic (cli/typer_coercion.py) are exactly typer's, and the rest is typer's own.

The fast path answers only plain values; each answer is compared here with what typer's own
coercion (its pydantic adapter) gives for the same annotation, option settings and value, on
written-out edge values and on generated ones. Values it does not answer must go to typer, so
their errors read as typer's.
"""

from __future__ import annotations

import enum
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer import _coercion
from typer.models import ArgumentInfo, OptionInfo

import trial_audit.cli.app  # noqa: F401 - installs the fast path, as the command line does
from trial_audit.cli import typer_coercion
from trial_audit.cli.typer_coercion import _NOT_PLAIN, plain_value

ROOT = Path(__file__).resolve().parents[1]


class Colour(enum.Enum):
    red = "red"
    green = "green"


CASES: list[tuple[Any, Any]] = [
    (str, OptionInfo()),
    (int, OptionInfo()),
    (int, OptionInfo(min=0)),
    (int, OptionInfo(min=1, max=5)),
    (int, OptionInfo(min=0, max=3, clamp=True)),
    (list[str], OptionInfo()),
    (list[Path], ArgumentInfo()),
    (Path, OptionInfo()),
    (Colour, OptionInfo()),
    (Colour, OptionInfo(case_sensitive=False)),
]
VALUES = ["", "0", "7", "007", "-3", "+5", " 4 ", "1_000", "4.0", "0x10", "\u0661\u0662", "9" * 19, "-", "a/b", "a//b/", " x ", "~/x",
          "red", "RED", "blue", 0, 3, -1, 10, True, 2.5, b"bytes", ("a", "b"), ["1", "x"], [], None]  # fmt: skip


def typer_answer(annotation: Any, info: Any, value: Any) -> tuple[str, Any]:
    """("ok", value) or ("error", message) from typer's own coercion (its pydantic adapter)."""
    descriptor = _coercion.resolve_type_descriptor(annotation, info)
    try:
        return "ok", _coercion.build_runtime_param(descriptor)._coerce_value(value, param=None, ctx=None)
    except Exception as err:  # noqa: BLE001 - any error is an answer to compare
        return "error", f"{type(err).__name__}: {err}"


def check(annotation: Any, info: Any, value: Any) -> bool:
    """The fast path agrees with typer; True when it answered."""
    try:
        plain = plain_value(annotation, info, value)
    except Exception:  # noqa: BLE001 - a failing fast path hands the value to typer (tested below)
        return False
    if plain is _NOT_PLAIN:
        return False
    kind, expected = typer_answer(annotation, info, value)
    assert kind == "ok", (annotation, info, value, expected)
    assert plain == expected and type(plain) is type(expected), (annotation, value, plain, expected)
    if isinstance(plain, list):
        assert [type(v) for v in plain] == [type(v) for v in expected]
    return True


def test_the_command_line_installs_the_fast_path():
    import typer.core

    assert typer.core.build_runtime_param is not _coercion.build_runtime_param
    assert typer_coercion.install() is False  # once is enough: a second call changes nothing


@pytest.mark.parametrize(("annotation", "info"), CASES, ids=lambda x: getattr(x, "__name__", None) or type(x).__name__)
def test_plain_answers_equal_typers_own(annotation, info):
    answered = [value for value in VALUES if check(annotation, info, value)]
    if annotation in (str, int, Path, list[str]) and not info.clamp:
        assert answered, "the fast path answered nothing: it no longer pays"


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.text(max_size=25), st.integers(min_value=-(10**20), max_value=10**20), st.from_regex(r"-?[0-9]{1,20}", fullmatch=True)
    )
)
def test_generated_values_agree_with_typer(value):
    for annotation, info in CASES:
        check(annotation, info, value)


def test_values_that_are_not_plain_get_typers_errors(tmp_path):
    # the installed builder (typer.core's) against typer's own, on the values the fast path leaves to typer
    import typer.core

    for annotation, info in CASES:
        descriptor = _coercion.resolve_type_descriptor(annotation, info)
        mine = typer.core.build_runtime_param(descriptor)
        for value in VALUES:
            try:
                got: tuple[str, Any] = ("ok", mine._coerce_value(value, param=None, ctx=None))
            except Exception as err:  # noqa: BLE001
                got = ("error", f"{type(err).__name__}: {err}")
            assert got == typer_answer(annotation, info, value), (annotation, info, value)


def test_optional_and_file_options_keep_typers_coercion():
    import typer.core

    descriptor = _coercion.resolve_type_descriptor(Optional[int], OptionInfo())
    assert typer.core.build_runtime_param(descriptor).coerce(None, param=_Param(), ctx=None) is None


class _Param:
    multiple = False
    nargs = 1


def test_an_audit_command_line_imports_no_pydantic(tmp_path):
    # the point of the fast path: a one-record audit's options are all plain
    code = (
        "import sys; from trial_audit.cli.app import app\n"
        "try:\n"
        f"    app(['audit', {str(ROOT / 'seeds' / 'v2_NCT00973089.json')!r}, '-f', 'json', '--out', {str(tmp_path)!r}, '-q', "
        "'-j', '1', '--fail-on', 'never', '--as-of', '2026-11-27'])\n"
        "except SystemExit as e:\n"
        "    assert e.code in (0, None), e.code\n"
        "print('pydantic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
    assert (tmp_path / "report.json").is_file()


def test_a_bad_option_value_reads_as_typers_message():
    done = subprocess.run(
        [sys.executable, "-m", "trial_audit", "audit", str(ROOT / "seeds" / "v2_NCT00973089.json"), "-j", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Invalid value for '--jobs' / '-j'" in done.stderr and "valid integer" in done.stderr
