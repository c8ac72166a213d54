"""Numbering and structure operators of the defect-injection benchmark (benchmarks/inject_ops.py):
criteria lists renumbered, relettered or re-marked, and section headers and items deleted, merged
or run together. Each gets a working copy (``Work``) and returns what it injected, or None when the
defect does not apply to the record.
"""

from __future__ import annotations

import re

from inject_criteria_model import Item, Sec, default_labels, section, v2_escape
from inject_op_types import Work, position
from inject_wordings import HALF_MODULES, marker, marker_ok, pick_wording


def _numbered_target(w: Work, min_items: int = 3) -> Sec | None:
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= min_items]
    return w.rng.choice(cands) if cands else None


def _renumber(w: Work, seq_fn, min_items=3) -> str | None:
    sec = _numbered_target(w, min_items)
    if sec is None:
        return None
    style = pick_wording("marker", w.half, w.rng, marker_ok(w, len(sec.items) + 2))  # start_at_2 may start at 3
    nums = seq_fn(len(sec.items))
    sec.labels = [marker(style, k) for k in nums]
    return f"{sec.header} numbered " + " ".join(sec.labels)


def op_start_at_2(w):
    start = w.rng.choice([2, 3])
    return _renumber(w, lambda n: range(start, start + n))


def op_duplicate_number(w):
    def seq(n):
        _, k = position(w.rng, n)
        k = max(k, 1)
        return [i + 1 if i < k else i for i in range(n)]  # 1 2 3 3 4 ...

    return _renumber(w, seq)


def op_skip_number(w):
    def seq(n):
        k = w.rng.randint(1, n - 1)
        return [i + 1 if i < k else i + 2 for i in range(n)]  # 1 2 4 5 ...

    return _renumber(w, seq)


def op_restart_numbering(w):
    def seq(n):
        k = w.rng.randint(2, n - 2)
        return [i + 1 for i in range(k)] + [i + 1 for i in range(n - k)]  # 1 2 3 1 2

    return _renumber(w, seq, min_items=4)


def op_sublist_like_parent(w):
    """Sub-items numbered in the parent list's own style and NOT indented, so they read as items of
    the main list: '3. Adequate organ function:' '1. Hemoglobin ...' '2. Platelets ...' '4. ...'.
    (Sub-lists indented under their parent are legitimate nesting; the held-out form puts the
    numbers on bullet lines, as pages render them: '- (1) Hemoglobin ...')."""
    sec = _numbered_target(w)
    if sec is None:
        return None
    _, k = position(w.rng, len(sec.items))
    it = sec.items[k]
    subs = it.subs or ["Hemoglobin ≥ 9 g/dL", "Platelets ≥ 100,000/µL", "Creatinine ≤ 1.5 × ULN"]
    style = pick_wording("marker", w.half, w.rng, marker_ok(w, max(len(sec.items), len(subs))))
    if w.half in HALF_MODULES:
        lead = v2_escape(w.a.fmt, w.rng.choice(HALF_MODULES[w.half].SUBLIST_LEAD))
    else:
        lead = "" if w.half == "tune" else ("* " if w.a.fmt == "v2" else "- ")
    it.text = it.text + "\n" + "\n".join(f"{lead}{marker(style, i + 1)} {v2_escape(w.a.fmt, s)}" for i, s in enumerate(subs))
    it.subs = []
    sec.labels = [marker(style, i + 1) for i in range(len(sec.items))]
    return f"{sec.header} item {k + 1}: flush sub-items {lead}{marker(style, 1)}..{marker(style, len(subs))}"


def op_header_into_first_item(w):
    """A section header sharing its line with the section's first item ('Exclusion Criteria: 1. ...').
    Not where each section is a field of its own (ICTRP, DRKS): a label before the field's text is
    how those are written."""
    if getattr(w.a, "section_fields", False):
        return None
    cands = [s for s in w.secs or [] if s.header and s.items and s.items[0].text]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    labels = sec.labels or default_labels(sec, w.numbered, w.a.fmt)
    h = sec.header.rstrip(" :")
    low = h.lower()
    kind = "exclusion" if "exclu" in low else ("inclusion" if "inclu" in low else None)
    # wordings that re-word the header ({kind}, {elig}) only where the header says which section it is
    tmpl = pick_wording("header_first", w.half, w.rng, lambda t: kind is not None or not re.search(r"\{(?:kind|Kind|elig)\}", t))
    first = sec.items[0]
    merged = tmpl.format(
        h=h,
        H=h.upper(),
        kind=kind,
        Kind=(kind or "").capitalize(),
        elig="are not eligible" if kind == "exclusion" else "are eligible",
        label=labels[0],
        text=first.text,
    )
    sec.header = merged
    del sec.items[0]
    sec.labels = labels[1:]
    return merged[:120]


def op_lettered_duplicate(w):
    sec = _numbered_target(w, 4)
    if sec is None:
        return None
    style = pick_wording("letter", w.half, w.rng)
    n = len(sec.items)
    k = w.rng.randint(1, n - 2)
    letters = [chr(97 + min(i, 25)) for i in range(n)]
    letters[k] = letters[k - 1]  # a. b. b. d.
    sec.labels = [style.format(a=c, A=c.upper()) for c in letters]
    return f"{sec.header} lettered " + " ".join(sec.labels)


def op_mixed_markers(w):
    """'1.' items with some '2)' items (or '(3)') among them."""
    sec = _numbered_target(w, 4)
    if sec is None:
        return None
    if w.half in HALF_MODULES:
        other = w.rng.choice(HALF_MODULES[w.half].MIXED)
    else:
        other = w.rng.choice(["{n})", "({n})"] if w.half == "tune" else ["{n}:", "{n}-"])
    n = len(sec.items)
    ks = set(w.rng.sample(range(1, n), k=max(1, n // 3)))
    sec.labels = [marker(other if i in ks else "{n}.", i + 1) for i in range(n)]
    return f"{sec.header} markers " + " ".join(sec.labels)


def op_remove_exclusion_header(w):
    exc = section(w.secs or [], "exclusion")
    if exc is None or not exc.items or section(w.secs, "inclusion") is None:
        return None
    old = exc.header
    exc.header = None
    return f"removed header {old!r}"


def op_merge_header_into_item(w):
    inc, exc = section(w.secs or [], "inclusion"), section(w.secs or [], "exclusion")
    if inc is None or exc is None or not inc.items or not exc.items:
        return None
    tmpl = pick_wording("merged_header", w.half, w.rng)
    last = inc.items[-1]
    last.text = tmpl.format(prev=last.text.rstrip(" .;"))
    exc.header = None
    return last.text[-80:]


def op_run_together(w):
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= 3]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    labels = sec.labels or default_labels(sec, w.numbered, w.a.fmt)
    k = w.rng.randint(0, len(sec.items) - 2)
    a, b = sec.items[k], sec.items[k + 1]
    if a.subs:
        return None
    tmpl = pick_wording("run_together", w.half, w.rng)
    a.text = tmpl.format(a=a.text.rstrip(" .;,"), label=labels[k + 1], b=b.text)
    a.subs = b.subs
    del sec.items[k + 1]
    sec.labels = labels[: k + 1] + labels[k + 2 :]
    return a.text[:120]


def op_empty_item(w):
    cands = [s for s in w.secs or [] if s.header and len(s.items) >= 2]
    if not cands:
        return None
    sec = w.rng.choice(cands)
    where, k = position(w.rng, len(sec.items) + 1)
    sec.items.insert(k, Item(""))
    sec.labels = None
    return f"empty item at {where} of {sec.header}"
