"""Defect-injection operators for benchmarks/inject.py: the table of operators, and every name the
benchmark and its tests use, imported from the modules that hold them:

- inject_criteria_model.py: criteria text parsed into sections of items and rendered back;
- inject_wordings.py: the wordings (each list split into a ``tune`` half and a ``heldout`` half,
  the later halves merged in from their own modules, ``HALF_MODULES``) and how one is drawn;
- inject_op_types.py: ``Work`` (what an operator works on) and ``Operator``;
- inject_ops_lists.py, inject_ops_age_scope.py, inject_ops_dates.py: one small function per defect
  (numbering and structure; age and scope; timeline and status).

An operator gets a working copy (an Adapter from inject_formats, plus for criteria operators the
parsed criteria model) and returns a short description of what it injected, or None when the
defect does not apply to this record (no numbered list long enough, no structured age, a status
for which the date is not required, ...). Only applicable injections are counted.

Held-out wordings must never be looked at while tuning rules: they measure whether a rule learnt
the defect or the benchmark's phrasing.
"""

from __future__ import annotations

from inject_criteria_model import Item, Sec, default_labels, parse_criteria, render_criteria, section, v2_escape
from inject_op_types import Operator, Work
from inject_ops_age_scope import (
    op_criteria_age,
    op_criteria_age_changed,
    op_min_above_max,
    op_remove_min_age,
    op_scope,
    op_summary_age,
)
from inject_ops_dates import (
    op_actual_in_future,
    op_completed_future_completion,
    op_estimated_in_past,
    op_out_of_order,
    op_recruiting_past_completion,
    op_stale_verified,
    op_stopped_without_reason,
    remove_date_op,
)
from inject_ops_lists import (
    op_duplicate_number,
    op_empty_item,
    op_header_into_first_item,
    op_lettered_duplicate,
    op_merge_header_into_item,
    op_mixed_markers,
    op_remove_exclusion_header,
    op_restart_numbering,
    op_run_together,
    op_skip_number,
    op_start_at_2,
    op_sublist_like_parent,
)
from inject_wordings import CHAPTER_WORDS, HALF_MODULES, WORDINGS, fresh, fresh2, half_module, marker, pick_wording

__all__ = [
    "BY_NAME",
    "CHAPTER_WORDS",
    "HALF_MODULES",
    "OPERATORS",
    "WORDINGS",
    "Item",
    "Operator",
    "Sec",
    "Work",
    "default_labels",
    "fresh",
    "fresh2",
    "half_module",
    "marker",
    "parse_criteria",
    "pick_wording",
    "render_criteria",
    "section",
    "v2_escape",
]

OPERATORS: list[Operator] = [
    Operator("start_at_2", "numbering", "TA1", "N", op_start_at_2, "marker", "a list numbered from 2 or 3"),
    Operator("duplicate_number", "numbering", "TA1", "N", op_duplicate_number, "marker", "one number used twice (1 2 2 3)"),
    Operator("skip_number", "numbering", "TA1", "N", op_skip_number, "marker", "one number skipped (1 2 4 5)"),
    Operator("restart_numbering", "numbering", "TA1", "N", op_restart_numbering, "marker", "numbering starts again at 1 inside a section"),
    Operator(
        "sublist_like_parent",
        "numbering",
        "TA1",
        "N",
        op_sublist_like_parent,
        "marker",
        "sub-items numbered in the parent's style, not indented",
    ),
    Operator("lettered_duplicate", "numbering", "TA1", "N", op_lettered_duplicate, "letter", "a lettered list a. b. b. d."),
    Operator(
        "mixed_markers",
        "numbering",
        "TA1",
        "N",
        op_mixed_markers,
        "mixed",
        "'n.' items mixed with 'n)' / '(n)' (tune) or 'n:' / 'n-' (held-out)",
    ),
    Operator(
        "remove_exclusion_header", "structure", "TA1", "R", op_remove_exclusion_header, None, "the 'Exclusion Criteria:' header deleted"
    ),
    Operator(
        "merge_header_into_item",
        "structure",
        "TA1",
        "R",
        op_merge_header_into_item,
        "merged_header",
        "the exclusion header run into the end of the last inclusion item",
    ),
    Operator(
        "header_into_first_item",
        "structure",
        "TA1",
        "R",
        op_header_into_first_item,
        "header_first",
        "a section header on the same line as the section's first item",
    ),
    Operator(
        "run_together", "structure", "TA1", "R", op_run_together, "run_together", "two items on one line, the second keeping its marker"
    ),
    Operator("empty_item", "structure", "TA1", "R", op_empty_item, None, "a marker with no text (first / middle / last)"),
    Operator(
        "summary_age",
        "age",
        "TA2",
        "orig",
        op_summary_age,
        "summary_age",
        "an eligibility age range in the brief summary or description that the structured ages contradict",
    ),
    Operator(
        "criteria_age",
        "age",
        "TA2",
        "R",
        op_criteria_age,
        "criteria_age",
        "an inclusion age limit the structured ages contradict, in criteria stating no age (own item or appended)",
    ),
    Operator(
        "criteria_age_changed",
        "age",
        "TA2",
        "R",
        op_criteria_age_changed,
        None,
        "the criteria's statement of the structured minimum age changed by 3-12 years",
    ),
    Operator("min_above_max", "age", "TA2", "orig", op_min_above_max, None, "structured minimum age above the maximum"),
    Operator(
        "remove_min_age", "age", "TA2", "orig", op_remove_min_age, None, "structured minimum age removed while the criteria state one"
    ),
    Operator("scope_disease", "scope", "TA3", "R", op_scope, "scope", "an inclusion criterion requiring a disease of another organ system"),
    Operator("remove_start", "timeline", "TA4", "orig", remove_date_op("start"), None, "start date removed"),
    Operator(
        "remove_primary_completion",
        "timeline",
        "TA4",
        "orig",
        remove_date_op("primary_completion"),
        None,
        "primary completion date removed (records updated since 2017-01-18)",
    ),
    Operator(
        "remove_completion",
        "timeline",
        "TA4",
        "orig",
        remove_date_op("completion"),
        None,
        "completion date removed (records updated since 2017-01-18)",
    ),
    Operator(
        "remove_first_submitted",
        "timeline",
        "TA4",
        "orig",
        remove_date_op("first_submitted"),
        None,
        "first-submitted and first-posted dates removed",
    ),
    Operator("out_of_order", "timeline", "TA4", "orig", op_out_of_order, None, "(primary) completion 6-24 months before the start"),
    Operator(
        "actual_in_future",
        "timeline",
        "TA4",
        "orig",
        op_actual_in_future,
        None,
        "start or first-submitted date marked actual, 8-30 months after as-of",
    ),
    Operator(
        "estimated_in_past",
        "timeline",
        "TA4",
        "orig",
        op_estimated_in_past,
        None,
        "an anticipated date 18-48 months before as-of on an active record",
    ),
    Operator(
        "completed_future_completion",
        "status",
        "TA4",
        "orig",
        op_completed_future_completion,
        None,
        "Completed with an anticipated completion 1-3 years after as-of",
    ),
    Operator(
        "recruiting_past_completion",
        "status",
        "TA4",
        "orig",
        op_recruiting_past_completion,
        None,
        "Recruiting with completion 2-5 years before as-of (or a long-completed record set to Recruiting)",
    ),
    Operator(
        "stopped_without_reason",
        "status",
        "TA4",
        "orig",
        op_stopped_without_reason,
        None,
        "Terminated / Withdrawn / Suspended with why-stopped removed (or Completed set to Terminated / Suspended)",
    ),
    Operator(
        "stale_verified",
        "status",
        "TA4",
        "orig",
        op_stale_verified,
        None,
        "an active record whose status was last verified 3-8 years before as-of",
    ),
]
BY_NAME = {o.name: o for o in OPERATORS}
