"""The audit trail, kept where the cases code has always found it: it lives in ``db/audit.py`` so accounts
(below cases) can write to it too."""

from qcy_workstation.db.audit import AuditEntry, AuditEvent, changes, record, to_entry, verify_chain

__all__ = ["AuditEntry", "AuditEvent", "changes", "record", "to_entry", "verify_chain"]
