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
from pathlib import Path
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
    if session.info.get("qcy_restricted"):  # a desk's role may not see the newest event (db/server_roles.py)
        from qcy_workstation.db.server_roles import audit_head

        prev = audit_head(session)
    else:
        prev = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    at = utcnow()
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    event = AuditEvent(at=at, actor=actor, action=action, entity=entity, entity_id=str(entity_id),
                       case_id=case_id, details=text, prev_hash=prev or "")
    event.hash = _digest(event.prev_hash, at, actor, action, entity, str(entity_id), case_id, text)
    session.add(event)
    session.flush()
    note_head(session, event)
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


# ---------------------------------------------------------------------- the chain head, kept outside the database

ANCHOR_NAME = "audit-anchor.json"


def note_head(session: Session, event: AuditEvent) -> None:
    """Remember the newest event of this transaction: ``Store.write`` writes it to the anchor and to this
    desk's witness after commit (``db.witness.note_written``: the store's id, how many events were appended
    after which hash)."""
    session.info["audit_head"] = (event.id, event.hash)
    written = session.info.get("audit_written")
    if written is None:
        from qcy_workstation.db.witness import store_id

        written = session.info["audit_written"] = {"store_id": store_id(session, create=True),
                                                   "after": event.prev_hash, "appended": 0}
    written["appended"] += 1
    written["head"] = (event.id, event.hash)


def write_anchor(files_dir: Path, head: tuple[int, str], *, force: bool = False) -> None:
    """Keep the chain head (last id and hash) in the files folder, beside the database: deleting the newest
    events, or editing a row and recomputing the chain, no longer passes ``store check`` unnoticed. Another
    desk may have written a newer head meanwhile: an older one never replaces it (``force``: after a restore)."""
    import os
    import tempfile

    path = files_dir / ANCHOR_NAME
    current = read_anchor(files_dir)
    if current is not None and not force and int(current.get("last_id", 0)) >= head[0]:
        return
    files_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=files_dir, prefix=".anchor-", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"last_id": head[0], "last_hash": head[1], "at": utcnow().isoformat(timespec="seconds")}, fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_anchor(files_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((files_dir / ANCHOR_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def check_head(session: Session, last_id: int, last_hash: str) -> dict[str, Any] | None:
    """The live chain against a head recorded outside it (the anchor file, a backup's manifest): the row at
    ``last_id`` must still be there with ``last_hash``; the chain may have grown since, never shrunk."""
    row = session.execute(select(AuditEvent.hash).where(AuditEvent.id == last_id)).scalar()
    newest = session.execute(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)).scalar() or 0
    if row is None:
        return {"problem": "events_missing", "anchor_id": last_id, "newest_id": newest}
    if row != last_hash:
        return {"problem": "chain_rewritten", "anchor_id": last_id}
    return None


def check_anchor(session: Session, files_dir: Path) -> dict[str, Any] | None:
    """A problem with the chain against its anchor (None: consistent, or no anchor yet). The database may be
    ahead of the anchor (a desk was killed between commit and anchor), never behind it or different at it."""
    anchor = read_anchor(files_dir)
    if anchor is None:
        return None
    return check_head(session, int(anchor.get("last_id", 0)), str(anchor.get("last_hash", "")))
