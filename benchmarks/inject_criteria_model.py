"""The criteria list model of the defect-injection benchmark (benchmarks/inject_ops.py): criteria
text parsed into sections of items and rendered back, the same way for the clean base copy and the
mutated copy, so the only difference between them is the injected defect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:key\s+|main\s+)?(?:inclusion|exclusion|eligibility)(?:\s+criteria)?\b[^:\n.]{0,30}:?\s*$", re.IGNORECASE
)
_MARK = re.compile(r"^(\s*)(?:[-*•·▪●◦]|\d{1,2}\\?[.)]|\(\d{1,2}\)|[a-zA-Z]\\?[.)]|\([a-zA-Z]\))\s+(\S.*)$")
_DIGIT_MARK = re.compile(r"^\s*\(?\d")


@dataclass
class Item:
    text: str
    subs: list[str] = field(default_factory=list)


@dataclass
class Sec:
    header: str | None
    items: list[Item] = field(default_factory=list)
    labels: list[str] | None = None  # explicit markers (set by numbering operators), else default


def parse_criteria(text: str) -> tuple[list[Sec], bool]:
    """Criteria text -> sections of items, and whether the top-level items were numbered."""
    raw: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        if _HEADER.match(line) and len(line.strip()) < 60:
            raw.append((line.strip().lstrip("-*• ").strip(), []))
        else:
            raw[-1][1].append(line.rstrip())
    secs, digits, marks = [], 0, 0
    for header, lines in raw:
        if header is None and not lines:
            continue
        sec = Sec(header)
        marked = [m for ln in lines if (m := _MARK.match(ln))]
        base = min((len(m[1].expandtabs()) for m in marked), default=0)
        for ln in lines:
            m = _MARK.match(ln)
            if not marked:  # one criterion a line, no markers
                sec.items.append(Item(ln.strip()))
            elif m and len(m[1].expandtabs()) > base and sec.items:
                sec.items[-1].subs.append(m[2].strip())
            elif m:
                sec.items.append(Item(m[2].strip()))
                marks += 1
                digits += bool(_DIGIT_MARK.match(ln))
            elif sec.items:  # a wrapped continuation line
                tgt = sec.items[-1]
                if tgt.subs:
                    tgt.subs[-1] += " " + ln.strip()
                else:
                    tgt.text += " " + ln.strip()
            else:
                sec.items.append(Item(ln.strip()))
        secs.append(sec)
    return secs, marks > 0 and digits * 2 > marks


def default_labels(sec: Sec, numbered: bool, fmt: str) -> list[str]:
    if numbered:
        return [f"{i + 1}." for i in range(len(sec.items))]
    return ["*" if fmt == "v2" else "-"] * len(sec.items)


def render_criteria(secs: list[Sec], numbered: bool, fmt: str) -> str:
    out: list[str] = []
    sub_marker = "  *" if fmt == "v2" else "    -"
    for sec in secs:
        if sec.header:
            out += [sec.header, ""]
        labels = sec.labels or default_labels(sec, numbered, fmt)
        for label, it in zip(labels, sec.items):
            out.append(f"{label} {it.text}".rstrip() if it.text else label)
            out += [f"{sub_marker} {s}" for s in it.subs]
        out.append("")
    return "\n".join(out).strip("\n") + "\n"


def section(secs: list[Sec], kind: str) -> Sec | None:
    return next((s for s in secs if s.header and kind in s.header.lower()), None)


def v2_escape(fmt: str, text: str) -> str:
    """v2 text is Markdown: the registry escapes > and < (``\\>= 18``)."""
    return text.replace(">", "\\>").replace("<", "\\<") if fmt == "v2" else text
