"""Audit trail: every create, update, transition, export, view and login is recorded with who, when and
what. It sits on the store's floor so cases, accounts and documents all write to it.

Rows form a hash chain (each ``hash`` covers the row's content and the previous row's hash), so an
edited or deleted row breaks ``verify_chain``. Written inside the caller's transaction: the event exists
exactly when the change it describes was committed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from qcy_workstation.db.base import Base, utcnow


class AuditEvent(Base):
    """Append-only; each row's ``hash`` chains over the previous row's so tampering shows."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(30))  # create | update | transition | export | add | ...
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    case_id: int | None
    details: dict[str, Any]


def _digest(prev_hash: str, at: datetime, actor: str, action: str, entity: str, entity_id: str,
            case_id: int | None, details: str) -> str:
    payload = json.dumps([prev_hash, at.isoformat(), actor, action, entity, entity_id, case_id, details],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(session: Session, *, actor: str, action: str, entity: str, entity_id: str | int,
           case_id: int | None = None, details: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event inside the caller's transaction."""
    prev = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    at = utcnow()
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    event = AuditEvent(at=at, actor=actor, action=action, entity=entity, entity_id=str(entity_id),
                       case_id=case_id, details=text, prev_hash=prev or "")
    event.hash = _digest(event.prev_hash, at, actor, action, entity, str(entity_id), case_id, text)
    session.add(event)
    session.flush()
    return event


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields that differ: what an update event stores."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def to_entry(e: AuditEvent) -> AuditEntry:
    return AuditEntry(e.id, e.at, e.actor, e.action, e.entity, e.entity_id, e.case_id, json.loads(e.details))


def verify_chain(session: Session) -> list[int]:
    """Ids of events whose hash does not match their content or predecessor (empty: chain intact)."""
    bad: list[int] = []
    prev = ""
    for e in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars():
        expected = _digest(prev, e.at, e.actor, e.action, e.entity, e.entity_id, e.case_id, e.details)
        if e.prev_hash != prev or e.hash != expected:
            bad.append(e.id)
        prev = e.hash
    return bad
