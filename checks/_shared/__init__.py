"""Helpers shared by the rules of one family (not rules: the registry skips packages starting with ``_``)."""
