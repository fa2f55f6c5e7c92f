"""Typed, coded errors of the core.

They carry data, not UI text: ``code`` (the kind: invalid, workflow ...), ``reason`` (what exactly, e.g.
``uscc.check_char``), ``field`` (which input) and ``params`` (the figures a message needs, e.g.
``expected="1"``). The English ``message`` is a detail for logs and the CLI. The desktop client turns
``reason`` and ``params`` into translated text in one presenter (``ui/errors.py``) and never reads the
message, so a reworded message cannot break a translation.
"""

from __future__ import annotations

from collections.abc import Mapping


class QcyError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None, value: object = None,
                 reason: str | None = None, params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value
        self.reason = reason
        self.params: dict[str, object] = dict(params or {})

    def __str__(self) -> str:
        if self.field:
            return f"{self.field}: {self.message}"
        return self.message

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"error": self.code, "field": self.field, "message": self.message}
        if self.reason:
            out["reason"] = self.reason
        if self.params:
            out["params"] = {k: v if isinstance(v, int | float | bool | None) else str(v)
                             for k, v in self.params.items()}
        return out


class ValidationError(QcyError):
    """An input value is invalid; ``field`` names it. Nothing was written."""

    code = "invalid"


class NotFoundError(QcyError):
    code = "not_found"


class WorkflowError(QcyError):
    """A status transition that the workflow does not allow."""

    code = "workflow"


class PermissionDeniedError(QcyError):
    code = "permission"


class StoreError(QcyError):
    """The store cannot be opened or written: locked, read-only, damaged or unreachable."""

    code = "store"


class ConflictError(QcyError):
    """Another desk changed the record after this one read it: nothing was saved; reload and apply again."""

    code = "conflict"


class IntegrityError(QcyError):
    """Stored content no longer matches its recorded hash (evidence, issued documents)."""

    code = "integrity"
