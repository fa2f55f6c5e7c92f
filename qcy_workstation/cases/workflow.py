"""The assistance-case workflow: which status may follow which, and what each move needs."""

from __future__ import annotations

from qcy_workstation.errors import WorkflowError

STATUSES = ("received", "accepted", "declined", "in_progress", "opinion_issued", "closed", "withdrawn")

# Reopening (closed/declined -> in_progress/received) is allowed with a reason: a closed case comes back
# when the enterprise brings new evidence, a declined one when the missing condition is met.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "received": ("accepted", "declined", "withdrawn"),
    "accepted": ("in_progress", "withdrawn"),
    "in_progress": ("opinion_issued", "withdrawn"),
    "opinion_issued": ("closed", "in_progress"),
    "closed": ("in_progress",),
    "declined": ("received",),
    "withdrawn": (),
}

REASON_REQUIRED = {
    ("received", "declined"),
    ("closed", "in_progress"),
    ("declined", "received"),
    ("opinion_issued", "in_progress"),
}

OPEN_STATUSES = ("received", "accepted", "in_progress", "opinion_issued")


def allowed_from(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(current: str, target: str, reason: str | None) -> None:
    """Raise WorkflowError unless ``current -> target`` is allowed and has the reason it needs."""
    if target not in STATUSES:
        raise WorkflowError(f"unknown status {target!r}; statuses are: {', '.join(STATUSES)}",
                            field="status", value=target)
    if target not in allowed_from(current):
        allowed = ", ".join(allowed_from(current)) or "none (final status)"
        raise WorkflowError(f"a case that is {current!r} cannot become {target!r}; allowed: {allowed}",
                            reason="workflow.not_allowed", params={"current": current, "target": target},
                            field="status", value=target)
    if (current, target) in REASON_REQUIRED and not (reason or "").strip():
        raise WorkflowError(f"{current} -> {target} needs a reason", field="reason", value=reason,
                            reason="workflow.needs_reason", params={"current": current, "target": target})
