"""The command line's option values coerced without pydantic when the answer is plain (start-up).

typer (>= 0.29) coerces every option value through a pydantic ``TypeAdapter`` built for its
parameter on first use: for an ``audit`` command line that is the pydantic import and ~20
adapters, ~0.1 s of CPU in a one-record audit whose whole budget is 0.5 s (issue 21;
docs/performance.md). Most values need no coercion at all: a ``str`` option given a string, an
``int`` option given its default or ASCII digits, a ``Path`` option given a string.

``install`` replaces the builder typer's parameters call on first use (``typer.core
.build_runtime_param``) by one that answers those plain cases itself, with the value typer's
adapter gives for them (``tests/test_typer_coercion.py`` compares the two on every case, and on
the values that are not plain), and hands *everything else* - other annotations, custom parsers,
file options, values out of range or of another shape - to typer's own coercion, built on
demand. Any error is therefore typer's own message. The fast path touches only typer's public
coercion helpers (``coerce_cli_path``, ``coerce_cli_choice``); with a typer whose internals differ
``install`` does nothing and typer works as shipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

#: values the fast path did not answer (typer's adapter was built for them); for tests
_NOT_PLAIN = object()
#: ASCII integers whose ``int()`` is pydantic's answer too (pydantic also takes "1_000", " 4 ", "4.0": those go to it)
_MAX_INT_DIGITS = 18


def _plain_int(value: Any) -> Any:
    if type(value) is int:
        return value
    if isinstance(value, str) and value.isascii():
        digits = value[1:] if value.startswith("-") else value
        if 0 < len(digits) <= _MAX_INT_DIGITS and digits.isdigit():
            return int(value)
    return _NOT_PLAIN


def _in_range(number: int, info: Any) -> bool:
    return (info.min is None or number >= info.min) and (info.max is None or number <= info.max)


def plain_value(annotation: Any, info: Any, value: Any, param: Any = None, ctx: Any = None) -> Any:
    """The coerced value when it is plain (the same as typer's adapter gives), else ``_NOT_PLAIN``."""
    if info.parser is not None:
        return _NOT_PLAIN
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation) or (Any,)
        items = value if isinstance(value, (list, tuple)) else [value]
        out = [plain_value(item_type, info, item, param, ctx) for item in items]
        return _NOT_PLAIN if any(v is _NOT_PLAIN for v in out) else out
    if annotation is str:
        return value if type(value) is str else _NOT_PLAIN
    if annotation is int:
        if info.clamp:
            return _NOT_PLAIN
        number = _plain_int(value)
        return number if number is not _NOT_PLAIN and _in_range(number, info) else _NOT_PLAIN
    if annotation is Path and info.path_type in (None, Path) and type(value) is str:
        from typer._param_types import coerce_cli_path

        # typer converts a string with pydantic's TypeAdapter(Path), which is Path(value); the checks that follow are typer's
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    if isinstance(annotation, type) and issubclass(annotation, Enum) and isinstance(value, str):
        from typer._param_types import coerce_cli_choice

        return coerce_cli_choice(value, choices=list(annotation), case_sensitive=info.case_sensitive, ctx=ctx)
    return _NOT_PLAIN


def install() -> bool:
    """Make typer's parameters coerce plain values without pydantic; False (and nothing changed) when typer differs."""
    try:
        import typer.core as typer_core
        from typer import _coercion
    except ImportError:  # pragma: no cover - typer is a dependency
        return False
    original = getattr(_coercion, "build_runtime_param", None)
    base = getattr(_coercion, "RuntimeParam", None)
    if original is None or base is None or getattr(typer_core, "build_runtime_param", None) is not original:
        return False  # another typer, or installed already

    @dataclass(frozen=True)
    class PlainFirstParam(base):  # type: ignore[misc, valid-type]
        """typer's runtime coercion of one parameter, answering plain values without building its adapter."""

        descriptor: Any = None
        typer_param: list[Any] = field(default_factory=list)  # typer's own, built on the first value that is not plain

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                plain = plain_value(self.annotation, self.parameter_info, value, param, ctx)
            except Exception:  # noqa: BLE001 - any problem is typer's to report, in its own words
                plain = _NOT_PLAIN
            if plain is not _NOT_PLAIN:
                return plain
            if not self.typer_param:
                self.typer_param.append(original(self.descriptor))
            return self.typer_param[0]._coerce_value(value, param=param, ctx=ctx)

    def build_runtime_param(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:
            return original(descriptor)  # file options open files: typer's, no pydantic there
        return PlainFirstParam(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info, descriptor=descriptor)

    typer_core.build_runtime_param = build_runtime_param
    return True
