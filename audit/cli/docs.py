"""Generate the rule tables of docs/ from the registered rules, so that they are never kept by hand.

A document asks for a table with a pair of marker comments; what lies between them is replaced:

    <!-- generated:rules TA1 -->            rules selected as by --select (codes, prefixes, categories)
    <!-- /generated -->
    <!-- generated:rules ALL doc -->        "doc": add a column linking each rule's family document

A rule's family document is the document whose marker selects it (other than ``ALL``). The
firing-rate table of docs/rules.md (``<!-- generated:rates -->``) needs the real data and is
written by ``benchmarks/rule_rates.py``; this module leaves it alone.

    python -m trial_audit.cli.docs            # rewrite the generated tables in docs/
    python -m trial_audit.cli.docs --check    # exit 1 (naming the files) when a table is stale
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from trial_audit.engine.registry import Rule, load_rules, matches

MARKER = re.compile(r"<!-- generated:rules (?P<args>[^>]*?) -->\n(?P<body>.*?)<!-- /generated -->", re.DOTALL)


def _cell(text: str) -> str:
    """Text made safe for a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _selected(selectors: list[str], rules: dict[str, type[Rule]]) -> list[type[Rule]]:
    return [cls for cls in rules.values() if any(matches(cls, s) for s in selectors)]


def family_docs(docs_dir: Path, rules: dict[str, type[Rule]]) -> dict[str, str]:
    """Rule code -> the name of the document whose (non-ALL) marker selects it."""
    out: dict[str, str] = {}
    for doc in sorted(docs_dir.glob("*.md")):
        for m in MARKER.finditer(doc.read_text(encoding="utf-8")):
            selectors = [a for a in m.group("args").split() if a != "doc"]
            if "ALL" in (s.upper() for s in selectors):
                continue
            for cls in _selected(selectors, rules):
                out.setdefault(cls.code, doc.name)
    return out


def rule_table(selectors: list[str], rules: dict[str, type[Rule]], links: dict[str, str] | None = None) -> str:
    """The Markdown table of the selected rules (``links``: code -> family document, for a doc column)."""
    head = "| code | name | category | severity | what it reports |"
    rule = "|---|---|---|---|---|"
    if links is not None:
        head, rule = head + " doc |", rule + "---|"
    lines = [head, rule]
    for cls in _selected(selectors, rules):
        row = f"| {cls.code} | {cls.name} | {cls.category.value} | {cls.severity.value} | {_cell(cls.summary())} |"
        if links is not None:
            doc = links.get(cls.code, "")
            row += f" [{doc}]({doc}) |" if doc else " |"
        lines.append(row)
    return "\n".join(lines) + "\n"


def render(text: str, rules: dict[str, type[Rule]], links: dict[str, str]) -> str:
    """A document with each of its generated rule tables regenerated."""

    def table(m: re.Match[str]) -> str:
        args = m.group("args").split()
        selectors = [a for a in args if a != "doc"]
        body = rule_table(selectors, rules, links if "doc" in args else None)
        return f"<!-- generated:rules {m.group('args')} -->\n{body}<!-- /generated -->"

    return MARKER.sub(table, text)


def regenerate(docs_dir: Path, write: bool) -> list[Path]:
    """The documents whose generated tables differ from the rules (rewritten when ``write``)."""
    rules = load_rules()
    links = family_docs(docs_dir, rules)
    stale = []
    for doc in sorted(docs_dir.glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        new = render(text, rules, links)
        if new != text:
            stale.append(doc)
            if write:
                doc.write_text(new, encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m trial_audit.cli.docs", description="Regenerate the rule tables in docs/.")
    ap.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: ./docs)")
    ap.add_argument("--check", action="store_true", help="only report stale tables (exit 1 if any)")
    args = ap.parse_args(argv)
    stale = regenerate(args.docs, write=not args.check)
    for doc in stale:
        print(("stale: " if args.check else "regenerated: ") + str(doc))
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())
