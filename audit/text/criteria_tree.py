"""Building the item tree of each section from the tokens (nesting by indentation or marker style)."""

from __future__ import annotations

import re

from trial_audit.text.criteria_headers import _is_label_text
from trial_audit.text.criteria_markers import _rstrip_end, split_marker
from trial_audit.text.criteria_model import ORDINAL_KIND, Item, Section, format_marker, roman_to_int
from trial_audit.text.criteria_resume import ListResumes
from trial_audit.text.criteria_tokens import _Tok

# --- tree building -----------------------------------------------------------------------------


def _mk_item(text: str, tok: _Tok, section: Section) -> Item:
    return Item(
        marker=tok.marker,
        style=tok.style,
        number=tok.number,
        level=0,
        text=text[tok.text_start : tok.text_end],
        start=tok.start,
        end=tok.text_end,
        text_start=tok.text_start,
        text_end=tok.text_end,
        section=section,
        inline=tok.inline,
        outer_marker=tok.outer,
        indent=tok.indent,
        upper=tok.upper,
        line_start=tok.line_start,
        line_end=tok.line_end,
    )


def _extend(item: Item, text: str, end: int) -> None:
    """Continue ``item`` (and its ancestors) to ``end``."""
    it: Item | None = item
    while it is not None:
        if end > it.end:
            it.end = end
        it = it.parent
    if end > item.text_end:
        item.text_end = end
        item.text = text[item.text_start : item.text_end]


_ORD_TOL = 1


# the end of an item that announces a list under it: a colon, "the following", "as follows", "below", or a
# word that leaves the sentence open ("… complaints of", "… patients with", "… such as")
_INTRO_END = re.compile(
    r"(?:[:：]|\b(?:of|following|below|as\s+follows|with|are|or|and|including|by|such\s+as|if))\s*[)\]]?\s*[;:：]?\s*$", re.IGNORECASE
)


_SUBLIST_HINT = re.compile(r"\b(?:at\s+least\s+(?:one|two|[0-9])|one\s+or\s+more|any|all|each|either)\s+of\s+(?:the|these)\b")


def introduces_sub_items(text: str, titles: bool = False) -> bool:
    """The item's text announces a list under it ("… the following criteria:", "… any of the following",
    "… complaints of"). With ``titles``, a short title without a full stop ("5. Concomitant Medications",
    "Adequate organ function") counts too: the parser reads a new list right after such a line as its
    sub-list, while TA113 does not take a title alone as proof that a restarted run is a sub-list
    ("2. Signed consent" / "1. …" / "2. …" / "3. …" is a restart)."""
    t = text.rstrip()
    if not t:
        return False
    if _INTRO_END.search(t[-40:]):
        return True
    if titles and len(t.split()) <= 5 and t[-1] not in ".;!?)":
        return True  # a title: "5. Concomitant Medications"
    tail = t[-160:].lower()
    if _SUBLIST_HINT.search(tail):
        return True
    return "following" in tail and t[-1] in ":;)"


def _next_at_same_indent(stack: list[Item], tok: _Tok) -> bool:
    """An open item of the same style, starting its own line at ``tok``'s indentation, is numbered just before it."""
    if tok.number is None:
        return False
    return any(o.style == tok.style and o.number == tok.number - 1 and not o.inline and o.indent == tok.indent for o in stack)


def _continues_open(stack: list[Item], tok: _Tok) -> bool:
    """An open item of the same style is numbered just before ``tok`` (so ``tok`` is its next sibling)."""
    if tok.number is None:
        return False
    return any(o.style == tok.style and o.number == tok.number - 1 for o in stack)


def _wrapped_mid_sentence(text: str, line_start: int) -> bool:
    """The line before ``line_start`` does not end a sentence or introduce a list."""
    k = line_start - 1
    while k >= 0 and text[k] in "\n\r \t":
        k -= 1
    return k >= 0 and text[k] not in ":;.!?"


_CHOICE_INTRO = re.compile(
    r"\b(?:any|one|all|each|either|both|none|at\s+least\s+(?:one|two|[0-9])|one\s+or\s+more)\s+of\s+the\s+following\b[^:\n]{0,80}:\s*$",
    re.IGNORECASE,
)


def _repeats_header(cur: Section | None, tok: _Tok) -> bool:
    """The header repeats the one just read, with nothing between (a copy-paste slip)."""
    return (
        cur is not None
        and not cur.items
        and cur.header is not None
        and not tok.merged
        and cur.kind == tok.hkind
        and cur.label == tok.label
        and cur.header.strip(" :：").lower() == (tok.header or "").strip(" :：").lower()
    )


def _outer_predecessor(stack: list[Item], item: Item) -> int | None:
    """The stack index of an outer open item that ``item`` continues (same style, number just
    before it) when the innermost open item of that style does not continue it; else None."""
    if item.number is None:
        return None
    inner = None
    for k in range(len(stack) - 1, -1, -1):
        o = stack[k]
        if o.marker is None or o.style != item.style or o.upper != item.upper:
            continue
        if inner is None:
            if o.number == item.number - 1:
                return None  # the nearest list goes on: the usual case
            inner = k
        elif o.number == item.number - 1:
            return k
    return None


def _label_host(text: str, toks: list[_Tok], ti: int, s: str, last: Item | None, stack: list[Item], resumes: ListResumes) -> Item | None:
    """The open item that a label line at ``toks[ti]`` belongs to: the line ends with ":" and introduces
    a sub-list numbered from 1 whose parent list resumes below (see ``criteria_resume``); when the
    line follows the parent item's own text, that text must be finished (";" or "." at its end: else
    the line is its hard-wrapped end, "… meeting\nthe following criteria:"). Else None."""
    s = s.strip()
    if not s.endswith((":", "：")) or len(s) > 200 or last is None or last.marker is None or ti + 1 >= len(toks):
        return None
    nxt = toks[ti + 1]
    if nxt.kind != "item" or nxt.number != 1 or nxt.inline:
        return None
    host = resumes.sublist_parent(ti + 1, nxt.style, nxt.upper, stack, after_label=True)
    if host is last and text[last.text_end - 1 : last.text_end] not in (";", ".", "；", "。"):
        return None
    return host


def _same_list_line(last: Item, tok: _Tok) -> bool:
    """``tok`` is written at ``last``'s marker column in ``last``'s style with a number next to its own
    (the same, the next, one skipped, or 1 again), or in another spelling of the same kind of marker
    with exactly the next number ("3. admitted to the ward" / "[4] be able to sign" / "4.) participation
    in …": the list goes on in a mixed marker, reported by TA120, not a hard-wrapped line)."""
    if last.number is None or tok.number is None or last.upper != tok.upper or tok.indent != last.indent or last.inline:
        return False
    if last.style != tok.style:
        return ORDINAL_KIND.get(last.style) == ORDINAL_KIND.get(tok.style) and tok.number == last.number + 1
    return tok.number == 1 or 0 <= tok.number - last.number <= 2


def _continues_inner_enumeration(text: str, li: Item, item: Item, tok: _Tok) -> bool:
    """An inline item on a hard-wrapped line of ``li`` in another style than ``li``'s list, whose
    predecessor marker stands earlier in ``li``'s text: "2. … any of the following: (1) …" /
    "times / minute; (2) …; (3) …" carries on the enumeration inside item 2, not the list."""
    if li.number is None or item.number is None or item.number < 2 or li.style == item.style:
        return False
    if tok.line_start <= li.line_start:
        return False
    prev = format_marker(item.style, item.number - 1, item.upper)
    return re.search(r"(?:^|[\s(:;,])" + re.escape(prev) + r"\s", text[li.text_start : tok.start]) is not None


def _fix_roman(siblings: list[Item]) -> None:
    """Decide "i." (roman one) vs "i." (letter nine) from the neighbours."""
    prev: Item | None = None
    for it in siblings:
        if it.style in ("a.", "a)", "(a)") and it.marker:
            letter = split_marker(it.marker)[1].lower()
            if letter in ("i", "v", "x"):
                # the letter after "h." - or a second "i." after a lettered "i." (a repeated letter, TA111)
                prev_letter = prev is not None and prev.style == it.style and prev.number in (it.number - 1, it.number)
                prev_roman = prev is not None and prev.style.startswith(("i", "(i"))
                if not prev_letter and (prev_roman or letter == "i"):
                    it.style = it.style.replace("a", "i")
                    it.number = roman_to_int(letter)
        prev = it if it.number is not None else prev
        if it.children:
            _fix_roman(it.children)


def _build(text: str, toks: list[_Tok], markdown: bool) -> list[Section]:
    sections: list[Section] = []
    cur: Section | None = None
    stack: list[Item] = []
    last: Item | None = None  # the most recent item (for hard-wrapped continuation)
    line_item: Item | None = None  # the item the current line started (for inline items)
    resumes = ListResumes(toks)

    def new_section(kind, header=None, hs=None, he=None, start=0, label=None, merged=False) -> Section:
        nonlocal cur, stack, last
        if cur is not None:
            cur.end = _rstrip_end(text, cur.start, start)
            while cur.end > cur.start and text[cur.end - 1] in "\n\r \t":
                cur.end -= 1
        cur = Section(kind, header, hs, he, merged, label, start, start)
        sections.append(cur)
        stack = []
        last = None
        return cur

    def attach(item: Item, parent: Item | None) -> None:
        if parent is None:
            item.level = 0
            cur.items.append(item)
        else:
            item.level = parent.level + 1
            item.parent = parent
            parent.children.append(item)
        _extend(item, text, item.end)

    def open_item(item: Item, parent: Item | None) -> None:
        """Attach ``item`` under ``parent`` and make it the open, latest item of its line."""
        nonlocal last, line_item
        attach(item, parent)
        stack.append(item)
        last = item
        line_item = item

    for ti, tok in enumerate(toks):
        if tok.kind == "header":
            if _repeats_header(cur, tok):
                continue  # "Inclusion Criteria:" written twice in a row: one section, not an empty one
            if (
                tok.sentence
                and cur is not None
                and cur.kind == tok.hkind
                and cur.header is not None
                and not any(it.text.strip() for it in cur.items)
            ):
                # "Exclusion Criteria:" then "Patients will be excluded if they have any of the following:":
                # the sentence is the section's lead-in, read as text as before, not a second section (also
                # after a stray empty bullet: "Exclusion Criteria:" / "-" / "Patients with the following are excluded:")
                tok.kind = "text"
                tok.text_start, tok.text_end = tok.header_start, tok.line_end
            elif (
                tok.sentence
                and cur is not None
                and cur.kind == tok.hkind
                and any(it.marker is not None and tok.indent > it.indent for it in stack)
            ):
                # "5. Hepatitis B status" then, indented under it, "Participants with a resolved HBV infection
                # are eligible if they are:" and its bullets: a lead-in inside the item, not a new section (a
                # sentence of the other kind, "Patients will be excluded if:", may still open its section)
                tok.kind = "text"
                tok.text_start, tok.text_end = tok.header_start, tok.line_end
        if tok.kind == "header":
            new_section(tok.hkind, tok.header, tok.header_start, tok.header_end, tok.line_start, tok.label, tok.merged)
            cur.header_line_start = tok.line_start
            cur.header_after_text = tok.after_text
            cur.header_sentence = tok.sentence
            continue
        if cur is None:
            new_section("other", start=tok.line_start)
        if tok.kind == "text":
            s = text[tok.text_start : tok.text_end]
            label_like = _is_label_text(s)
            host = _label_host(text, toks, ti, s, last, stack, resumes)
            if host is not None:
                # "3) … ;" / "Adult patients shall meet any of the following:" / "1) …" and the parent
                # list goes on below: the line labels a new group of sub-items of ``host``
                item = _mk_item(text, tok, cur)
                item.is_label = True
                del stack[stack.index(host) + 1 :]
                open_item(item, host)
                continue
            if last is not None and not tok.blank_before and not tok.inline:
                # a hard-wrapped line continues the item, unless it is a label at or left of the item
                if not (label_like and tok.indent <= last.indent and last.marker is not None):
                    _extend(last, text, tok.text_end)
                    continue
            if last is not None and tok.blank_before and stack:
                # a paragraph indented under an item belongs to that item
                owner = None
                for it in reversed(stack):
                    if it.marker is not None and tok.indent > it.indent:
                        owner = it
                        break
                if owner is not None and label_like and s.rstrip().endswith(":") and tok.indent < stack[-1].indent:
                    # a label between sub-lists ("Adequate hepatic function including:"), written
                    # left of the sub-items above it: it starts a new group under ``owner``
                    item = _mk_item(text, tok, cur)
                    item.is_label = True
                    while stack and stack[-1] is not owner:
                        stack.pop()
                    open_item(item, owner)
                    continue
                if owner is not None:
                    # a continuation paragraph; when it closes deeper sub-lists, later sub-items of
                    # ``owner`` form a new group (numbering may restart after a paragraph)
                    if stack and stack[-1] is not owner and owner.children:
                        owner.breaks.append(tok.start)
                        while stack and stack[-1] is not owner:
                            stack.pop()
                    _extend(owner, text, tok.text_end)
                    last = owner
                    continue
            item = _mk_item(text, tok, cur)
            item.is_label = label_like
            while stack and stack[-1].indent >= tok.indent:
                stack.pop()
            parent = stack[-1] if stack else None
            if parent is not None and parent.marker is None:
                parent = None
                stack = []
            open_item(item, parent)
            continue
        # marked item
        item = _mk_item(text, tok, cur)
        if tok.inline and last is not None and last.inline and last.line_start == tok.line_start:
            # the next of a run of inline items: a sibling of the previous one
            attach(item, last.parent)
            if stack and stack[-1] is last:
                stack[-1] = item
            last = item
            continue
        if tok.inline and line_item is not None and line_item.section is cur:
            li = line_item
            # "(7) Any of: (1) cirrhosis; (2) dialysis": an enumeration restarting at 1 inside a
            # numbered line belongs to that item, even in the list's own marker style
            inside = li.number is not None and item.number == 1
            if (
                li.marker is None
                or inside
                or _continues_inner_enumeration(text, li, item, tok)
                or li.style != item.style
                and (text[tok.start - 2 : tok.start].strip() == ":" or item.number == 1)
            ):
                parent = li if li.marker is not None or not li.is_label else li.parent
                if li.marker is None and li.parent is None and not li.is_label:
                    parent = li
                attach(item, parent)
            else:
                attach(item, li.parent)
            # the inline item replaces the line's item on the stack at that level (unless it is
            # written in another style than its line's item: then the line's item stays open)
            if li.marker is None or li.style == item.style or item.parent is li:
                while stack and stack[-1] is not li and stack[-1].level >= item.level:
                    stack.pop()
                if stack and stack[-1] is li and li.level == item.level:
                    stack.pop()
                stack.append(item)
            last = item
            continue
        if (
            not markdown
            and not tok.blank_before
            and last is not None
            and last.marker is not None
            and (
                (tok.indent > last.indent and tok.indent >= last.text_start - last.line_start - 1)
                # "... (minimum of 2 months at Visit\n 1) of metformin alone": a number, then lower case
                or (tok.indent >= last.indent and tok.style in ("1.", "1)", "(1)") and text[tok.text_start : tok.text_start + 1].islower())
            )
            and _wrapped_mid_sentence(text, tok.line_start)
            and (
                (tok.number != 1 and tok.letter != "i")
                or tok.text_start >= tok.text_end
                or (tok.letter is None and text[tok.text_start].islower())
            )
            and (not _continues_open(stack, tok) or (tok.letter is None and text[tok.text_start : tok.text_start + 1].islower()))
            # "(1) cirrhosis\n(2) dialysis": the next number at its list's own indentation is the
            # next item, whatever the case of its first word
            and not _next_at_same_indent(stack, tok)
            # "1. parent of a patient aged 13-18" / "2. adolescent in care" / "2. …": a list whose items start in
            # lower case goes on (or repeats, skips, restarts) at its own marker column; a wrapped line that
            # starts with a number is written deeper, at the text column (or mid-list with another number)
            and not _same_list_line(last, tok)
            # "2. Clinical manifestations" / "(1) fever …" / "(2) …" / "3. …": a sub-list, not a wrap
            and not (tok.number == 1 and resumes.sublist_parent(ti, tok.style, tok.upper, stack) is not None)
        ):
            # a hard-wrapped line that happens to start with "C)", "(7) days", "4. (The face ...":
            # it continues the item above (legacy XML indents continuation lines to the text column)
            _extend(last, text, tok.text_end)
            continue
        I = tok.indent
        parent: Item | None = None
        placed = False
        host = resumes.sublist_parent(ti, tok.style, tok.upper, stack) if tok.number == 1 and not tok.inline else None
        if host is not None:
            # a list in another style, numbered from 1, between an item and the next number of that
            # item's list: its sub-list, however it is indented (ChiCTR text has no indentation)
            k = stack.index(host)
            label = next((o for o in stack[k + 1 :] if o.is_label and o.parent is host), None)
            del stack[k + 1 :]
            if label is not None:
                stack.append(label)
            open_item(item, label or host)
            continue
        # 0. a new list ("1.", "a.", "i.", "(A)") of a style not open yet, right after an item that
        # introduces it ("... the following criteria:", "... complaints of") but written at a
        # smaller indentation (legacy XML does this): the sub-list of that item
        if (
            last is not None
            and last.marker is not None
            and I <= last.indent
            and (tok.number == 1 or tok.letter == "i")
            and (
                (not any(o.style == item.style and o.upper == item.upper for o in stack) and introduces_sub_items(last.text, titles=True))
                # the same style as the open list: only after an explicit "...:" (a colliding sub-list)
                # ("1. Patients with:" then "1." too: a list cannot go 1, 1)
                or (last.number is not None and last.text.rstrip().endswith(":"))
                # "1. Any of the following:" then "1. ..." at the same indentation: the choices are
                # its sub-items (flattened into the list they would reverse an exclusion's meaning)
                or (last.number is not None and _CHOICE_INTRO.search(last.text[-200:]))
            )
        ):
            while stack and stack[-1] is not last:
                stack.pop()
            open_item(item, last)
            continue
        # 1. an open item of the same style nearby: a sibling (unless its number does not lead
        # to this one and an outer open item's does: "3. Cohort A:" / "1." / "2." / "4. Cohort B:")
        outer = _outer_predecessor(stack, item)
        for k in range(len(stack) - 1, -1, -1):
            o = stack[k]
            if o.marker is None:
                continue
            if outer is not None and k > outer:
                continue
            tol = _ORD_TOL if item.number is not None else 0
            if (
                o.style == item.style
                and o.upper == item.upper
                and (abs(o.indent - I) <= tol or (item.number is not None and o.number == item.number - 1 and I >= o.indent - tol))
            ):
                del stack[k:]
                parent = o.parent
                placed = True
                break
            if o.indent < I - tol:
                break
        if not placed and item.number is not None and item.number > 1:
            # the next number of an open list, however it is indented ("6. ...\n      2. Have
            # evidence ..." where "2." belongs to the top list that "1." opened)
            for k in range(len(stack) - 1, -1, -1):
                o = stack[k]
                if o.marker is not None and o.style == item.style and o.upper == item.upper and o.number == item.number - 1:
                    del stack[k:]
                    parent = o.parent
                    placed = True
                    break
        if not placed:
            while stack and stack[-1].indent > I:
                stack.pop()
            # unmarked paragraphs do not own later marked items unless they introduce them
            while stack and stack[-1].marker is None and not (stack[-1].text.rstrip().endswith(":") and stack[-1].indent <= I):
                stack.pop()
            if not stack:
                parent = None
            else:
                top = stack[-1]
                if top.indent < I:
                    parent = top
                elif top.marker is None:
                    parent = top  # "Patients must have:" then a list at the same indentation
                else:
                    # same indentation, another style
                    anc = None
                    for k in range(len(stack) - 2, -1, -1):
                        if stack[k].style == item.style and stack[k].marker is not None and stack[k].upper == item.upper:
                            anc = k
                            break
                    if anc is not None:
                        parent = stack[anc].parent
                        del stack[anc:]
                    elif (
                        top.text.rstrip().endswith(":")
                        or (
                            top.number is not None
                            and item.style in ("a.", "a)", "(a)", "i.", "i)", "(i)")
                            and item.number == 1
                            and not top.style.startswith(item.style[:1])
                        )
                    ) and not top.children:
                        parent = top
                    else:
                        parent = top.parent
                        stack.pop()
        open_item(item, parent)
    if cur is not None:
        cur.end = len(text)
        while cur.end > cur.start and text[cur.end - 1] in "\n\r \t":
            cur.end -= 1
    for s in sections:
        _fix_roman(s.items)
    # "Eligibility criteria:" followed by "Exclusion criteria:" and no inclusion header: the
    # eligibility block is the inclusion criteria
    if not any(s.kind == "inclusion" for s in sections):
        for k, s in enumerate(sections[:-1]):
            if s.kind == "other" and s.header and s.header.lower().startswith("eligibility") and sections[k + 1].kind == "exclusion":
                s.kind = "inclusion"
                break
    return sections
