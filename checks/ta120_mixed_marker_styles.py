import re
from collections import Counter, defaultdict

from trial_audit.core.findings import Category, Evidence, Severity
from trial_audit.engine.registry import Rule, register
from trial_audit.text.criteria import format_marker
from trial_audit.text.criteria_lists import doc_of, groups, marker_shape, quote_end
from trial_audit.text.criteria_markers import split_marker
from trial_audit.text.criteria_model import ORDINAL_KIND, roman_to_int

# how a curator reads each normalised style
_DESCRIBE = {
    "1.": "n.",
    "1)": "n)",
    "(1)": "(n)",
    "a.": "a.",
    "a)": "a)",
    "(a)": "(a)",
    "i.": "i.",
    "i)": "i)",
    "(i)": "(i)",
    "-": "-",
    "*": "*",
    "•": "•",
    "+": "+",
}


# the kind of each style: num / alpha / roman, or bullet for every unordered marker
_KIND: defaultdict[str, str] = defaultdict(lambda: "bullet", ORDINAL_KIND)
_OUTLINE = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.?\s")


def _continues_inline(prev, item) -> bool:
    """The ordinal continues an enumeration written inside the previous item: its predecessor's
    marker is in that item's text, or is one of its inline sub-items ("- Any of: 1) ...; 2) ...;
    3)" wrapped, then "4) ...; 5) ..." read at the bullet's level)."""
    if item.number is None or item.number < 2 or prev.style == item.style:
        return False
    marker = format_marker(item.style, item.number - 1, item.upper)
    pattern = re.compile(r"(?:^|\s)" + re.escape(marker) + r"(?:\s|$)")
    if pattern.search(prev.text):
        return True
    if _KIND[prev.style] != "bullet":
        # "2. ... 3) ..." then "4) ...": a numbered list that changes spelling, a real mix
        return False
    inner = [n for n in prev.iter() if n is not prev and n.inline and n.style == item.style and n.number is not None]
    # the bullet's own enumeration: it starts at 1 inside the bullet and stops below this number
    return any(n.number == 1 for n in inner) and all(n.number < item.number for n in inner) or any(pattern.search(n.text) for n in inner)


def _drop_inline_continuations(marked: list) -> list:
    """Drop ordinals that continue the enumeration inside the bullet before them, and the ordinals
    of the same style that follow them in a run ("5) ...; 6) ..." after the bullet's "1) ... 4)")."""
    kept = []
    host = None  # the item whose inline enumeration the current run continues
    for k, it in enumerate(marked):
        if host is not None and it.style == marked[k - 1].style and it.number is not None:
            continue
        host = None
        if k and _continues_inline(marked[k - 1], it):
            # only a bullet's enumeration runs on ("- Any of: 1) ... 4)" / "5) ...; 6) ..."); after a
            # numbered item ("2. ... 3) ..." / "4) ... 5) ...") the list itself changed spelling
            host = marked[k - 1] if _KIND[marked[k - 1].style] == "bullet" else None
            continue
        kept.append(it)
    return kept


def _shape_mix(marked: list) -> tuple[list[tuple[str, int]], object, object] | None:
    """One marker style written in several shapes among the items of one level ("1." items with
    "2:", "3.-", "4、" or "[5]" among them: ``Item.style`` reads all of these as one "1." list, so the
    numbering rules check them together): the shapes with their counts, most common first, an item
    of the odd shape and one of the main shape; else None. Per style, so that outline levels ("1."
    with "a.") are never compared with each other."""
    by_style: defaultdict[str, Counter] = defaultdict(Counter)
    for it in marked:
        shape = marker_shape(it)
        if shape is not None:
            by_style[it.style][shape] += 1
    for style, shapes in by_style.items():
        if len(shapes) < 2:
            continue
        # most items first; on a tie the ASCII shape is the list's own (a full-width "1）" is the odd one)
        ranked = sorted(shapes.items(), key=lambda kv: (-kv[1], any(ord(c) > 0x2FFF for c in kv[0])))
        main_shape = ranked[0][0]
        main = next(it for it in marked if it.style == style and marker_shape(it) == main_shape)
        odd = next(it for it in marked if it.style == style and marker_shape(it) not in (None, main_shape))
        return ranked, odd, main
    return None


@register
class MixedMarkerStyles(Rule):
    """Items at one level of a list use different marker styles ("•" bullets among "(n)" items).

    ## What it does

    Reports a record when items at one level of a list use different marker styles ("•" bullets among
    "(n)" items).

    Reports: bullets among numbered items at one level ("•" with "(n)"), one ordinal kind in two
    spellings ("1." and "3)"), and one marker style written in several shapes ("1." items with "2:",
    "3.-", "4、", "5/" or "6º" among them; a full-width "1）" among "2)" items), which the numbering
    rules read as one list; a letter or roman numeral that carries a numbered list on at its column ("1.
    2. 3. iv.": item 4 written as a roman numeral reads as a sub-item).

    Not reported: numbers or bullets with letters / roman numerals (outline levels); a page bullet
    before a number ("• 1."); outline numbers behind bullets ("- 1.1"); an ordinal continuing an
    enumeration inside the previous bullet ("- At least 1 of: 1) ...; 2) ...; 5) ...": that
    bullet's content, not list-level markers, even when a wrapped line splits it); bullets under a
    lead-in sentence indented inside a numbered item ("are eligible if they are:" then "* …": that
    item's sub-list); a roman numeral or letter that goes on with its own list after a numbered sub-list ("i. … ii. … iii.
    washout periods:" then "1. 2. 3." then "iv."), even when its earlier items ran inline in the parent item; empty items.

    ## Why it matters

    The marker style is how a reader sees the list's structure; mixing bullets and numbers
    (or "1." and "(1)") at one level makes sub-requirements look like separate criteria and
    separate criteria look like sub-requirements. Reported: bullets among numbered items, and one
    kind of ordinal in two spellings ("1." and "(1)"). Not reported: numbers or bullets with
    letters or roman numerals (outline levels, often written at one indentation), a page bullet
    in front of a number ("• 1."), outline numbers behind bullets ("- 1.1").

    ## Fix

    Use one marker style for all items of the list, or indent the sub-items under their item.

    Fix safety: the finding's suggestion is an instruction to the curator, not a replacement text;
    nothing is changed automatically.

    ## References

    - ClinicalTrials.gov Protocol Registration Data Element Definitions:
      https://clinicaltrials.gov/policy/protocol-definitions
      (items: Eligibility Criteria)
    - ClinicalTrials.gov PRS Review Criteria:
      https://clinicaltrials.gov/policy/protocol-review-criteria
    """

    code = "TA120"
    name = "mixed-marker-styles"
    category = Category.STRUCTURE
    severity = Severity.INFO
    bad = [
        {"criteria": "Inclusion Criteria:\n(1) Age 18 or older\n- Signed consent\n(2) ECOG 0-1"},
        {"criteria": "Inclusion Criteria:\n1. Age 18 or older\n2: Signed consent\n3. ECOG 0-1"},
    ]
    good = [
        {
            "criteria": "Inclusion Criteria:\n1. Age 18 or older\n2. Organ function:\n   a. ANC 1500 or more\n"
            "   b. Platelets 100,000 or more\n3. Signed consent"
        },
        {"criteria": "• Inclusion criteria:\n• 1. Age 18 or older\n• 2. Signed consent"},
    ]

    def check(self, record, ctx):
        doc = doc_of(record)
        if doc is None:
            return
        text = doc.text
        for g in groups(doc):
            # empty items (a stray "-" at the end) are reported by TA130, not here
            marked = [it for it in g.items if it.marker is not None and any(ch.isalnum() for ch in it.text)]
            if len(marked) < 2:
                continue
            # a bulleted line that starts with a lone number ("- (72) (serum creatinine)") is a bullet
            lone = Counter(it.style for it in marked)
            marked = [it for it in marked if not (it.number is not None and it.number > 1 and lone[it.style] == 1 and it.outer_marker)]
            # "• Blood cell counts: i. ANC ... ii. Platelets ...", then "iii. Haemoglobin" on its own
            # line: the ordinal continues the enumeration inside the bullet before it
            marked = _drop_inline_continuations(marked)
            if any(_OUTLINE.match(it.text) for it in marked):
                continue  # "- 1. ...", "- 1.1 ...", "- 2. ...": outline numbers behind bullets
            counts = Counter(it.style for it in marked)
            kinds = {_KIND[s] for s in counts}
            outline = len(counts) >= 2 and len(kinds) == len(counts) and "bullet" not in kinds
            # "1." items with "a." / "i." items: outline levels written at one indentation, which
            # is how sub-items are often written; only the same kind in two spellings
            # ("1." and "1)") or bullets among ordinals are a mix.
            # Bullets with lettered / roman items: sub-items of a bullet written at its
            # indentation (legacy XML does this), not a numbered list mixed with bullets
            if outline or len(counts) < 2 or ("bullet" in kinds and kinds & {"alpha", "roman"} and "num" not in kinds):
                other_kind = (
                    _number_in_another_kind(marked, text, g.parent.start if g.parent is not None else marked[0].start) if outline else None
                )
                if other_kind is not None:
                    yield self._kind_finding(doc, *other_kind)
                    continue
                shapes = _shape_mix(marked)
                if shapes is not None:
                    yield self._shape_finding(doc, shapes)
                continue
            main_style, _ = counts.most_common(1)[0]
            main = next(it for it in marked if it.style == main_style)
            odd = next(it for it in marked if it.style != main_style)
            styles = ", ".join(f"{_DESCRIBE.get(s, s)!r} ×{n}" for s, n in counts.most_common())
            yield self.finding(
                f"Items at one level of this list use different markers ({styles}): use one style, or indent sub-items under their item.",
                evidence=Evidence.span("criteria", text, odd.start, quote_end(doc, odd)),
                related=[Evidence.span("criteria", text, main.start, quote_end(doc, main))],
                suggestion=f"Mark every item of this list in the style {_DESCRIBE.get(main_style, main_style)!r}, "
                "or indent the sub-items under the item they belong to.",
            )

    def _kind_finding(self, doc, item, before, number):
        text = doc.text
        marker = format_marker(before.style, number, before.upper)
        return self.finding(
            f"Item {item.marker!r} carries the numbered list on after {before.marker!r} but is marked with a "
            f"{'letter' if _value_kind(item) == 'alpha' and item.number == number else 'roman numeral'}: it reads as a sub-item, "
            f"not as criterion {number}. "
            "Number it like the other items of the list.",
            evidence=Evidence.span("criteria", text, item.start, quote_end(doc, item)),
            related=[Evidence.span("criteria", text, before.start, quote_end(doc, before))],
            suggestion=f"Write this marker {item.marker!r} as {marker!r}, like the other items of the list.",
        )

    def _shape_finding(self, doc, mix):
        ranked, odd, main = mix
        text = doc.text
        shapes = ", ".join(f"{shape!r} ×{n}" for shape, n in ranked)
        return self.finding(
            f"Items of this list are numbered with markers written in different ways ({shapes}): "
            f"{odd.marker!r} among {main.marker!r}-style items. Write every marker of the list the same way.",
            evidence=Evidence.span("criteria", text, odd.start, quote_end(doc, odd)),
            related=[Evidence.span("criteria", text, main.start, quote_end(doc, main))],
            suggestion=f"Write this marker {odd.marker!r} as {_in_shape(main, odd)!r}, like the other items of the list.",
        )


def _in_shape(model, item) -> str:
    """``item``'s number written in ``model``'s marker shape ("4:" in a "1." list -> "4.")."""
    pre, _core, post = split_marker(model.marker.replace("\\", ""))
    core = split_marker(format_marker(model.style, item.number, model.upper))[1] if item.number is not None else "?"
    return pre + core + post


def _value_kind(item) -> str:
    """num, alpha or roman (an ordinal's kind of marker), else bullet."""
    return ORDINAL_KIND.get(item.style, "bullet")


def _values(item) -> set[int]:
    """The numbers a letter or roman marker can stand for: "iv." 4; "v." 5 (roman) or 22 (the letter)."""
    out = {item.number} if item.number is not None else set()
    core = split_marker((item.marker or "").replace("\\", ""))[1].lower()
    if core in ("i", "v", "x"):
        out.add(roman_to_int(core) or 0)
    return out


def _number_in_another_kind(marked: list, text: str, scope_start: int):
    """A letter or roman numeral that carries a numbered list on ("1. 2. 3. iv.", "4. v." as the last item): its
    value is the next number and it is not the first of a sub-level (whose predecessor - "iii.", "c." - would stand
    in the numbered item's text), nor the next of a list of its own kind written earlier under the same parent
    ("b. Cohort 2 i. … ii. … iii. … washout periods:" then "1. 2. 3." then "iv.": the roman list goes on after a
    numbered sub-list, its "i. ii. iii." run inline in the parent's text). ``scope_start`` is where that parent (or
    the group) starts. (item, the numbered item before it, the number it should carry), else None."""
    for k, (prev, it) in enumerate(zip(marked, marked[1:])):
        if _value_kind(prev) != "num" or _value_kind(it) not in ("alpha", "roman") or prev.number is None or it.number is None:
            continue
        want = prev.number + 1
        if want < 2 or want not in _values(it) or abs(it.indent - prev.indent) > 1:
            continue  # deeper: a sub-level; further left: an outline level above the list ("C. Genotyping …")
        if any(o.style == it.style for o in marked[:k]):
            continue  # "A. …" "1. …" "2. …" "C. …": the letters are a list of their own
        before = format_marker(it.style, it.number - 1, it.upper) if it.number > 1 else None
        if before and re.search(r"(?:^|[\s(])" + re.escape(before) + r"(?:\s|$)", prev.text):
            continue  # "2. … a. Hb" / "b. Plt": the letters go on from inside the item
        if before and re.search(r"(?:^|[\s(])" + re.escape(before) + r"(?:\s|$)", text[scope_start : it.start]):
            continue  # "i. … ii. … iii. …:" "1. 2. 3." "iv.": the predecessor stands earlier under the same parent
        return it, prev, want
    return None
