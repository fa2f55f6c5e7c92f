"""The desk's witness of the audit chain (issue 12, the anchor's last point).

The anchor file beside the store and the last backup's manifest both record the chain head, but whoever
can write to the store folder can rewrite the chain and that anchor together (the backup folder is often
out of reach). Not every writer holds an account key (open stores, CLI sessions), so the key that protects
the head lives with the *desk* instead: every OS user profile that runs the app or the CLI keeps, outside
the store folder (its config folder, owner-only):

* ``desk.key``: 32 random bytes, generated once;
* ``audit-witness.json``: per store (its id and location) the last chain head this desk wrote or saw
  (events, last id, last hash), each entry with an HMAC-SHA256 under the desk key.

After every committed write transaction that appended audit events the entry is updated (one small file
written; ``benchmarks/bench_witness.py`` measures the cost). It only moves forward along the chain it
witnessed: when the new events do not continue the witnessed head and the live chain no longer contains it,
the old entry is kept, so the first divergence stays on record for ``store check`` (``check_witness``).
A restore on this desk resets it (``reset_witness``); ``store check --reset-witness`` accepts the chain as
it is after a restore made on another desk.

What it protects against: a rewritten chain, deleted events, or a store swapped for another one, done by
someone who can write to the store folder (or the database) but not to this desk's profile. What it does
not: someone who controls the desk's OS account can rewrite the witness too; a desk that never wrote or
saw the store has no witness of it ("no witness on this desk").
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from qcy_workstation.db.base import utcnow

APP_NAME = "qcy-workstation"  # the same config folder as the CLI's session tokens
KEY_NAME = "desk.key"
WITNESS_NAME = "audit-witness.json"
STORE_ID_KEY = "store.id"  # a row of the settings table: the store's identity, made on its first audited write

_key_cache: dict[Path, bytes] = {}


def desk_folder() -> Path:
    """``$QCY_WITNESS_DIR`` (tests), else ``$QCY_CONFIG_DIR``, else the user's config folder."""
    base = os.environ.get("QCY_WITNESS_DIR") or os.environ.get("QCY_CONFIG_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_config_dir(APP_NAME, appauthor=False)
    return Path(base)


# ------------------------------------------------------------------------------------------- store identity


def store_id(session: Session, *, create: bool = False) -> str | None:
    """The store's id (a random UUID kept in the settings table). Made inside the caller's write transaction
    when ``create`` is given and there is none yet: a PostgreSQL test database copied from a template, or a
    store copied by hand before its first write, gets an id of its own on its first write."""
    found = session.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": STORE_ID_KEY}).scalar()
    if found or not create:
        return str(found) if found else None
    new = str(uuid.uuid4())
    session.execute(text("INSERT INTO settings (key, value, row_version) VALUES (:k, :v, 1)"),
                    {"k": STORE_ID_KEY, "v": json.dumps(new)})
    return json.dumps(new)


def _plain_id(value: str | None) -> str | None:
    if value is None:
        return None
    with contextlib.suppress(ValueError):
        loaded = json.loads(value)
        if isinstance(loaded, str):
            return loaded
    return value


# ------------------------------------------------------------------------------------------- the files


def _owner_only_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".part")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def desk_key(*, create: bool) -> bytes | None:
    """This desk's secret key (generated once, owner-only); None when there is none and ``create`` is false."""
    folder = desk_folder()
    cached = _key_cache.get(folder)
    if cached is not None:
        return cached
    path = folder / KEY_NAME
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        key = b""
    if len(key) != 32:
        if not create or path.exists():  # a damaged key is never replaced silently: its MACs would all fail
            return None
        _create_key(path)
        return desk_key(create=False)  # the key on disk: another process of this desk may have made it first
    _key_cache[folder] = key
    return key


def _create_key(path: Path) -> None:
    """Write a new desk key unless one appears meanwhile: several processes of one desk starting together
    (a campaign of writers, two CLI commands) must agree on one key, or the loser's MACs would all fail."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".part")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32).hex().encode("ascii"))
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)  # fails when the key exists: the first one made stays
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _read_witness() -> dict[str, Any]:
    try:
        data = json.loads((desk_folder() / WITNESS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    stores = data.get("stores") if isinstance(data, dict) else None
    return stores if isinstance(stores, dict) else {}


def _write_witness(stores: dict[str, Any]) -> None:
    body = json.dumps({"version": 1, "stores": stores}, ensure_ascii=False, indent=1).encode("utf-8")
    _owner_only_write(desk_folder() / WITNESS_NAME, body)


def _entry_key(sid: str, location: str) -> str:
    return f"{sid} {location}"


def _mac(key: bytes, sid: str, location: str, events: int, last_id: int, last_hash: str) -> str:
    payload = json.dumps([sid, location, events, last_id, last_hash], ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, payload.encode("utf-8"), hashlib.sha256).hexdigest()


def _entry_ok(key: bytes | None, sid: str, location: str, entry: Any) -> bool:
    if key is None or not isinstance(entry, dict):
        return False
    try:
        expected = _mac(key, sid, location, int(entry["events"]), int(entry["last_id"]), str(entry["last_hash"]))
    except (KeyError, TypeError, ValueError):
        return False
    return hmac.compare_digest(expected, str(entry.get("mac", "")))


def _make_entry(key: bytes, sid: str, location: str, head: tuple[int, int, str]) -> dict[str, Any]:
    events, last_id, last_hash = head
    return {"store_id": sid, "location": location, "events": events, "last_id": last_id, "last_hash": last_hash,
            "at": utcnow().isoformat(timespec="seconds"), "mac": _mac(key, sid, location, events, last_id, last_hash)}


# ------------------------------------------------------------------------------------------- the chain


def _live_head(session: Session) -> tuple[int, int, str] | None:
    row = session.execute(text("SELECT count(*), max(id) FROM audit_events")).first()
    if not row or not row[1]:
        return None
    last_hash = session.execute(text("SELECT hash FROM audit_events WHERE id = :i"), {"i": row[1]}).scalar()
    return int(row[0]), int(row[1]), str(last_hash)


def _contains(session: Session, events: int, last_id: int, last_hash: str) -> dict[str, Any] | None:
    """None when the live chain still holds the witnessed head and at least as many events; else the problem."""
    row = session.execute(text("SELECT hash FROM audit_events WHERE id = :i"), {"i": last_id}).scalar()
    live = _live_head(session)
    count, newest = (live[0], live[1]) if live else (0, 0)
    if row is None:
        return {"problem": "witness.events_missing", "witnessed_id": last_id, "witnessed_events": events,
                "newest_id": newest, "events": count}
    if row != last_hash:
        return {"problem": "witness.chain_rewritten", "witnessed_id": last_id, "witnessed_events": events}
    if count < events:
        return {"problem": "witness.events_missing", "witnessed_id": last_id, "witnessed_events": events,
                "newest_id": newest, "events": count}
    return None


def note_written(store: Any, written: dict[str, Any]) -> None:
    """After a committed write transaction that appended audit events (``written``: the store id, the head
    and how many events it appended after which hash; see ``db.audit.note_head``): move this desk's witness
    of the store forward. Cheap in the usual case (this desk's last head continues): the file is read, one
    MAC checked and the file written. When another desk wrote in between, the live chain is first checked to
    still hold the witnessed head (two indexed reads); when it does not, the witness is left as it was."""
    sid = _plain_id(written.get("store_id"))
    if not sid:
        return
    location = store_location(store)
    stores = _read_witness()
    key = desk_key(create=not stores)  # a key gone while entries remain is never replaced silently
    if key is None:
        return  # a missing or damaged desk key: store check reports it; nothing is witnessed until a reset
    name = _entry_key(sid, location)
    entry = stores.get(name)
    last_id, last_hash = written["head"]
    if entry is None:
        if any(isinstance(e, dict) and e.get("location") == location for e in stores.values()):
            return  # another store at this location was witnessed: keep that for store check to report
        with store.read() as s:
            head = _live_head(s)
        if head is None:
            return
    elif not _entry_ok(key, sid, location, entry):
        return  # a tampered entry stays for store check to report
    elif written["after"] == entry["last_hash"]:
        head = (int(entry["events"]) + int(written["appended"]), last_id, last_hash)
    else:
        with store.read() as s:
            if _contains(s, int(entry["events"]), int(entry["last_id"]), str(entry["last_hash"])) is not None:
                return  # the chain no longer holds what this desk saw: the first divergence stays on record
            head = _live_head(s)
        if head is None:
            return
    stores[name] = _make_entry(key, sid, location, head)
    _write_witness(stores)


def reset_witness(store: Any) -> dict[str, Any] | None:
    """Witness the chain as it is now (after a restore, or when staff accept a restore made on another
    desk): other entries for this location are dropped. Returns the new entry (None: no audited write yet)."""
    with store.write() as s:  # the id is made here if the store has none yet
        sid = _plain_id(store_id(s, create=True))
    with store.read() as s:
        head = _live_head(s)
    if head is None or not sid:
        return None
    location = store_location(store)
    key = desk_key(create=True)
    if key is None:  # a damaged key is replaced on an explicit reset
        path = desk_folder() / KEY_NAME
        path.unlink(missing_ok=True)
        _key_cache.pop(desk_folder(), None)
        key = desk_key(create=True)
        assert key is not None
    stores = {k: v for k, v in _read_witness().items()
              if not (isinstance(v, dict) and v.get("location") == location)}
    stores[_entry_key(sid, location)] = entry = _make_entry(key, sid, location, head)
    _write_witness(stores)
    return entry


def store_location(store: Any) -> str:
    """Where the desk opens the store: the SQLite file's full path, or the server URL without its password."""
    if store.path is not None:
        return str(Path(store.path).resolve())
    from sqlalchemy.engine import make_url

    return make_url(store.url).render_as_string(hide_password=True)


def check_witness(session: Session, store: Any) -> dict[str, Any]:
    """``store check``'s verdict from this desk's witness: ``{"status": "ok" | "none" | "problem", ...}``.

    Problems (``problem`` is the code): ``witness.events_missing`` (the witnessed head or some events are
    gone), ``witness.chain_rewritten`` (the witnessed event's hash differs), ``witness.forged`` (the entry's
    MAC does not verify under this desk's key, or the key itself is damaged), ``witness.identity_changed``
    (the store at this location is not the one this desk witnessed there)."""
    location = store_location(store)
    stores = _read_witness()
    here = {k: v for k, v in stores.items() if isinstance(v, dict) and v.get("location") == location}
    if not here:
        return {"status": "none", "location": location}
    sid = _plain_id(store_id(session))
    key = desk_key(create=False)
    entry = stores.get(_entry_key(sid, location)) if sid else None
    if entry is None:
        other = next(iter(here.values()))
        return {"status": "problem", "problem": "witness.identity_changed", "location": location,
                "witnessed_store": str(other.get("store_id", "")), "store_id": sid or ""}
    if not _entry_ok(key, sid or "", location, entry):
        return {"status": "problem", "problem": "witness.forged", "location": location,
                "key_missing": key is None}
    problem = _contains(session, int(entry["events"]), int(entry["last_id"]), str(entry["last_hash"]))
    if problem is not None:
        return {"status": "problem", "location": location, "witnessed_at": entry.get("at", ""), **problem}
    return {"status": "ok", "location": location, "witnessed_id": int(entry["last_id"]),
            "witnessed_events": int(entry["events"]), "witnessed_at": entry.get("at", "")}
