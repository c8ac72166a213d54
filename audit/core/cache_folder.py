"""Where trial-audit keeps files between runs (no regular expressions here: the command line asks
this before its regex cache is installed, so importing it must not compile any pattern)."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_root() -> Path:
    """``$XDG_CACHE_HOME/trial-audit``, else ``~/.cache/trial-audit``: the folder every cache of ours lives under."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trial-audit"


def cache_dir() -> Path | None:
    """Where built lookup structures are kept between runs (the run cache); None when caching is off.

    ``$TRIAL_AUDIT_CACHE`` (a folder, or "off"), else ``user_cache_root()``.
    """
    env = os.environ.get("TRIAL_AUDIT_CACHE")
    if env:
        return None if env.lower() in ("off", "0", "no") else Path(env)
    return user_cache_root()
