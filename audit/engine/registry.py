"""The rule registry: stable codes, self-documenting rules, selection.

A rule is a class in one file under ``checks/``, registered with ``@register``. Its docstring
is its documentation, in fixed sections as ruff's rule docs are: a one-line summary, then
``## What it does``, ``## Why it matters``, ``## Fix`` (required) and ``## Example``,
``## Use instead``, ``## References`` (optional), in that order (see ``DOC_SECTIONS``).
``bad`` and ``good`` are examples (small records, see ``trial_audit.core.model.record_from_example``):
``trial-audit explain`` prints them under "Example" and "Use instead" (after any prose the
docstring gives there), and the test suite runs every rule on them (every ``bad`` example must
fire the rule, no ``good`` example may). Adding a rule is adding one file.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from trial_audit.core.findings import Category, Evidence, Finding, Fix, Severity

if TYPE_CHECKING:
    import pandas as pd

    from trial_audit.core.dates import PartialDate
    from trial_audit.core.model import TrialRecord
    from trial_audit.engine.table import BatchTable

#: built-in codes are TA + three digits; a plugin's rules use a prefix of their own (2-4 capitals, e.g. XY101)
CODE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: rule families by code prefix and hundreds digit ("TA1" -> its name); each rule package
#: declares its own with ``register_families`` (the built-in ones in ``trial_audit.checks``)
FAMILIES: dict[str, str] = {}


def register_families(families: dict[str, str]) -> None:
    """Name the families of a rule package, keyed by code prefix and hundreds digit (``"TA1"``)."""
    FAMILIES.update(families)


def family_key(code: str) -> str:
    """``"TA1"`` for TA110: the code without its last two digits."""
    return code[:-2]


@dataclass
class Context:
    """What a rule may know besides the record: the reference date and the configuration."""

    as_of: PartialDate | None = None  # --as-of / config; a record's own as-of date wins
    today: PartialDate | None = None
    options: dict[str, Any] = field(default_factory=dict)  # per-rule options from configuration

    def now_for(self, record: TrialRecord) -> PartialDate:
        """The reference date for "now": the record's own as-of date, else --as-of, else today."""
        from trial_audit.core.dates import today

        return record.as_of or self.as_of or self.today or today()

    def option(self, code: str, key: str, default: Any = None) -> Any:
        """A rule's option: its own table (``[rules.TA301]``), else the one for every rule (``*``)."""
        own = self.options.get(code, {})
        if key in own:
            return own[key]
        return self.options.get("*", {}).get(key, default)


#: the sections of a rule's documentation, in the order they must appear
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "Fix", "References")
#: the sections every rule must have ("Example" and "Use instead" come from ``bad``/``good``)
REQUIRED_DOC_SECTIONS = ("What it does", "Why it matters", "Fix")
_SECTION_HEADER = re.compile(r"^## (.+?)[ \t]*$", re.MULTILINE)


def doc_sections(doc: str) -> tuple[str, dict[str, str]]:
    """A rule docstring split into its summary and ``{section title: text}``, in order."""
    parts = _SECTION_HEADER.split(doc.strip())
    summary, rest = parts[0].strip(), parts[1:]
    return summary, {title: text.strip() for title, text in zip(rest[::2], rest[1::2])}


def doc_problem(doc: str) -> str | None:
    """What is wrong with a rule docstring's sections (None when nothing is)."""
    summary, sections = doc_sections(doc)
    first, _, stray = summary.partition("\n\n")
    if not first or "\n" in first:
        return "the docstring must start with a one-line summary, then a blank line"
    if stray.strip():
        return "text between the summary and the first '## ' section (put it under '## What it does' or '## Why it matters')"
    unknown = [t for t in sections if t not in DOC_SECTIONS]
    if unknown:
        return f"unknown section '## {unknown[0]}' (allowed: {', '.join(DOC_SECTIONS)})"
    missing = [t for t in REQUIRED_DOC_SECTIONS if not sections.get(t)]
    if missing:
        return f"the docstring lacks the section '## {missing[0]}' (required: {', '.join(REQUIRED_DOC_SECTIONS)})"
    order = [DOC_SECTIONS.index(t) for t in sections]
    if order != sorted(order):
        return f"sections out of order (expected: {', '.join(t for t in DOC_SECTIONS if t in sections)})"
    return None


class Rule:
    """Base of record rules. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    #: examples that must fire / must not fire (see module doc)
    bad: ClassVar[list[dict[str, Any]]] = []
    good: ClassVar[list[dict[str, Any]]] = []
    #: "record" rules see one record; "table" rules see the batch table (see TableRule)
    scope: ClassVar[str] = "record"
    #: for rules whose findings the engine itself produces, the event they stand for
    #: ("unreadable", "no-identity", "rule-failed"): the engine asks for the rule by event, never by code
    engine_event: ClassVar[str | None] = None

    def __init__(self, severity: Severity | None = None) -> None:
        self.effective_severity = severity or self.severity

    def prepare(self, ctx: Context) -> None:
        """Load what the rule needs once per run (a vocabulary, a model), before any record.

        Called by the engine for every selected rule, in the parent before workers fork, so
        they share what it loads. A bad configuration raises ``ValueError`` or ``OSError``: the
        command line reports it as a usage error naming the rule.
        """

    # -- documentation -------------------------------------------------------------
    @classmethod
    def summary(cls) -> str:
        return (inspect.getdoc(cls) or "").strip().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        """The whole docstring (summary and sections, Markdown)."""
        return inspect.getdoc(cls) or ""

    @classmethod
    def sections(cls) -> dict[str, str]:
        """The documentation sections, ``{"What it does": ..., "Why it matters": ..., "Fix": ...}``."""
        return doc_sections(cls.doc())[1]

    @classmethod
    def family(cls) -> str:
        return FAMILIES.get(family_key(cls.code), "other")

    # -- checking --------------------------------------------------------------------
    def check(self, record: TrialRecord, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        message: str,
        *,
        field: str | None = None,
        evidence: Evidence | None = None,
        related: list[Evidence] | None = None,
        suggestion: str | None = None,
        fix: Fix | None = None,
    ) -> Finding:
        """A finding of this rule; ``field`` defaults to the evidence's field; ``fix`` the edits that fix it."""
        return Finding(
            rule=self.code,
            name=self.name,
            category=self.category,
            severity=self.effective_severity,
            message=message,
            field=field or (evidence.field if evidence else None),
            evidence=evidence,
            related=related or [],
            suggestion=suggestion,
            fix=fix,
        )


class TableRule(Rule):
    """A rule vectorised over the batch table (one row per readable record, see trial_audit.engine.table).

    ``check_table`` yields ``(row_position, finding)``; row positions index the batch's records.
    The table is a ``BatchTable`` (plain columns; DataFrame attributes forwarded to its ``.frame``),
    or a pandas DataFrame when the engine re-runs a failing rule one row at a time.
    """

    scope: ClassVar[str] = "table"

    def check(self, record: TrialRecord, ctx: Context) -> Iterable[Finding]:
        # A table rule run on one record (e.g. on its documented examples) sees a one-row table.
        from trial_audit.engine.table import build_table

        for _, f in self.check_table(build_table([record]), ctx):
            yield f

    def check_table(self, table: BatchTable | pd.DataFrame, ctx: Context) -> Iterator[tuple[int, Finding]]:
        raise NotImplementedError


class RunRule(Rule):
    """A rule across the records of a run: the same trial met in several records (inputs, registries).

    The engine asks each record for its ``digest`` (compact, picklable facts, made where the
    record is checked, in a worker or not) and the ``keys`` under which it meets other records;
    records are then passed in reading order, and ``compare`` gets a record's digest with the
    digest of each earlier record sharing a key. Findings go on the later record, naming the
    earlier one, so nothing already reported changes. Only digests are kept for the whole run.
    """

    scope: ClassVar[str] = "run"

    def check(self, record: TrialRecord, ctx: Context) -> Iterable[Finding]:
        """Nothing to say about one record alone; a rule example names the earlier record of the
        same trial in ``extra["earlier_record"]`` (a dict as for ``record_from_example``)."""
        from trial_audit.core.model import record_from_example

        other = record.extra.get("earlier_record")
        if not isinstance(other, dict):
            return []
        earlier = self.digest(record_from_example(other, "<earlier example>"), "<earlier example>")
        digest = self.digest(record, record.id)
        if earlier is None or digest is None or not set(self.keys(digest)) & set(self.keys(earlier)):
            return []
        return list(self.compare(digest, earlier))

    def digest(self, record: TrialRecord, record_id: str) -> Any | None:
        """The facts ``compare`` needs (None: the record takes no part)."""
        raise NotImplementedError

    def keys(self, digest: Any) -> Iterable[str]:
        """The keys under which this record meets others (a trial ID, normalised)."""
        raise NotImplementedError

    def compare(self, digest: Any, earlier: Any) -> Iterable[Finding]:
        """Findings on the record of ``digest`` against one earlier record of the same trial."""
        raise NotImplementedError


RULES: dict[str, type[Rule]] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validate a rule's metadata and add it to the registry."""
    if not CODE.match(getattr(cls, "code", "")):
        raise ValueError(f"{cls.__name__}: code must be TA (or a plugin's own 2-4 capitals) + three digits")
    if not NAME.match(getattr(cls, "name", "")):
        raise ValueError(f"{cls.code}: name must be kebab-case")
    if cls.code in RULES and RULES[cls.code] is not cls:
        raise ValueError(f"{cls.code} registered twice ({RULES[cls.code].__name__}, {cls.__name__})")
    if not isinstance(cls.category, Category) or not isinstance(cls.severity, Severity):
        raise ValueError(f"{cls.code}: category and severity must be Category and Severity members")
    problem = doc_problem(inspect.getdoc(cls) or "")
    if problem:
        raise ValueError(f"{cls.code} ({cls.__name__}): {problem}; see docs/architecture.md, 'Rule documentation'")
    RULES[cls.code] = cls
    return cls


#: the entry-point group third-party rule packages register under (see docs/architecture.md)
RULES_ENTRY_POINT = "trial_audit.rules"
#: the built-in rules, named as a string so that the engine imports no rule module statically
BUILTIN_RULES = "trial_audit.checks"

_loaded = False


class PluginError(RuntimeError):
    """A third-party rule package that cannot be loaded (named, with the reason)."""


def _import_rule_modules(target: str) -> None:
    """Import a rule module, or every public module of a rule package; each registers its rules."""
    module = importlib.import_module(target)
    path = getattr(module, "__path__", None)
    if path is None:
        return
    for mod in sorted(pkgutil.iter_modules(path), key=lambda m: m.name):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{target}.{mod.name}")


def load_rules() -> dict[str, type[Rule]]:
    """Load the built-in rules and every package registered under the ``trial_audit.rules`` entry point."""
    global _loaded
    if not _loaded:
        from importlib.metadata import entry_points

        _import_rule_modules(BUILTIN_RULES)
        for ep in sorted(entry_points(group=RULES_ENTRY_POINT), key=lambda e: e.name):
            if ep.value == BUILTIN_RULES:
                continue
            try:
                _import_rule_modules(ep.value.split(":")[0])
            except Exception as e:  # a broken plugin is named, not a traceback from deep inside
                raise PluginError(f"rule plugin {ep.name!r} ({ep.value}) could not be loaded: {e}") from e
        _loaded = True
    return dict(sorted(RULES.items()))


def code_for_event(event: str) -> str:
    """The code of the rule that reports an engine event (see ``Rule.engine_event``)."""
    for code, cls in load_rules().items():
        if cls.engine_event == event:
            return code
    raise LookupError(f"no rule reports the engine event {event!r}")


def matches(cls: type[Rule], selector: str) -> bool:
    """A selector is a code (TA101), a code prefix (TA1, TA10) or a category name (numbering)."""
    s = selector.strip()
    if not s:
        return False
    if s.upper() == "ALL":
        return True
    if s.lower() in _CATEGORY_NAMES:
        return cls.category.value == s.lower()
    return cls.code.startswith(s.upper())


_CATEGORY_NAMES = frozenset(c.value for c in Category)


def validate_selectors(selectors: Iterable[str]) -> list[str]:
    """Return the selectors that match no rule (for a clear usage error)."""
    rules = load_rules().values()
    return [s for s in selectors if s.strip() and not any(matches(r, s) for r in rules)]


def select_rules(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Rule]:
    """Instantiate the selected rules (all by default) minus the ignored ones, in code order."""
    select = [s for s in (select or []) if s.strip()]
    ignore = [s for s in (ignore or []) if s.strip()]
    severities = severities or {}
    chosen = []
    for code, cls in load_rules().items():
        if select and not any(matches(cls, s) for s in select):
            continue
        if any(matches(cls, s) for s in ignore):
            continue
        chosen.append(cls(severities.get(code)))
    return chosen
