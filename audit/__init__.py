"""trial-audit: a data-quality auditor for clinical-trial registry records.

The Python API (docs/api.md): ``trial_audit.audit(paths, ...)`` and ``trial_audit.audit_records(records, ...)``
return an ``AuditReport`` (typed ``findings``, ``to_pandas()``, ``records_frame()``, ``write()``).
They are imported on first use, so that ``import trial_audit`` (and the command line) stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["AuditFinding", "AuditReport", "__version__", "audit", "audit_records"]

if TYPE_CHECKING:
    from trial_audit.api import AuditFinding, AuditReport, audit, audit_records


def __getattr__(name: str) -> Any:
    if name in ("AuditFinding", "AuditReport", "audit", "audit_records"):
        from trial_audit import api

        return getattr(api, name)
    raise AttributeError(f"module 'trial_audit' has no attribute {name!r}")
