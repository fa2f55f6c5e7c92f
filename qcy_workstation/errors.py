"""Typed, coded errors of the core.

They carry data (the field, the bad value), not UI text: the CLI prints ``str(err)`` to stderr and the
desktop client maps ``code`` to a translated message.
"""

from __future__ import annotations


class QcyError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, field: str | None = None, value: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value

    def __str__(self) -> str:
        if self.field:
            return f"{self.field}: {self.message}"
        return self.message

    def to_dict(self) -> dict[str, object]:
        return {"error": self.code, "field": self.field, "message": self.message}


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


class IntegrityError(QcyError):
    """Stored content no longer matches its recorded hash (evidence, issued documents)."""

    code = "integrity"
