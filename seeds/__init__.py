"""Bundled sample inputs: `trial-audit audit` runs on these by default (this file is not a record)."""
