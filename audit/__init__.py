"""trial-audit: a data-quality auditor for clinical-trial registry records."""

__version__ = "0.1.0"
