"""What the condition-scope rules (TA3xx) share: the condition vocabulary, loaded once per run."""

from __future__ import annotations

from trial_audit.core.model import TrialRecord
from trial_audit.engine.registry import Context, Rule
from trial_audit.text.condition_hpo import hpo_matcher
from trial_audit.text.condition_icd_names import icd_matcher
from trial_audit.text.conditions import Analysis, analyse, load_vocabulary, vocabulary_paths


class ScopeRule(Rule):
    """A rule over the record's conditions and criteria, read with the condition vocabulary."""

    def prepare(self, ctx: Context) -> None:
        # the shipped vocabulary plus the user's files; a broken file raises here, before any record
        load_vocabulary(vocabulary_paths(ctx, self.code))
        # the ICD-10-CM name matchers (~0.5 s each) are built here, in the parent, so that forked
        # workers share them instead of each building its own on its first record
        icd_matcher(strict=True)
        icd_matcher(strict=False)
        hpo_matcher()  # the HPO names, the fallback where ICD-10-CM names nothing (~0.01 s from the run cache)

    def analysis(self, record: TrialRecord, ctx: Context) -> Analysis:
        return analyse(record, load_vocabulary(vocabulary_paths(ctx, self.code)))
