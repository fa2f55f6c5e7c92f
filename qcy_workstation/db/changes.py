"""Other desks see changes: what a write changed is announced on PostgreSQL (NOTIFY) and heard by the other
desks (LISTEN) on a connection of their own (issue 15 item 4). A no-op on SQLite (one desk per file).

Announcing: every write session of a server store collects, at each flush, the table and id of every row it
added, changed or deleted (and the case each row hangs off); ``Store.write`` calls ``announce`` as the last
statement of the transaction, which sends one ``pg_notify`` with a small JSON payload. PostgreSQL delivers a
notification only when its transaction commits, so a rolled-back write is never heard, and listeners hear it
after the data is visible to them.

Listening: ``ChangeListener`` runs a loop on a thread of its own with a dedicated autocommit connection
(``LISTEN`` holds the connection; a pooled one would be handed back still listening). It hands each
``Change`` to a callback on that thread; the desktop client forwards it to the GUI thread with a signal.
Changes the desk made itself carry its ``desk`` id and are dropped (its own views already refreshed). After a
lost connection the loop reconnects and reports ``everything=True``: what was sent meanwhile is lost, so the
views refresh whole.

This module is Qt-free (the core's rule).
"""

from __future__ import annotations

import contextlib
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, text
from sqlalchemy.orm import ORMExecuteState, Session

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store

log = logging.getLogger(__name__)

CHANNEL = "qcy_changes"
#: Not worth announcing: the audit trail (every view of a case writes an event) and log-in bookkeeping.
QUIET_TABLES = frozenset({"audit_events", "login_sessions"})
#: PostgreSQL refuses payloads of 8000 bytes or more; above this the rows are left out (``everything``).
MAX_PAYLOAD = 7000
MAX_ROWS = 200
_KEY = "qcy_changes"


@dataclass(frozen=True)
class Change:
    """What one committed transaction of another desk changed.

    ``tables``: the tables written; ``cases``: the numbers of the cases whose rows (or whose own row) were
    written; ``rows``: ``(table, id)`` pairs (left out when there were too many); ``everything``: the rows are
    not listed (a bulk write, too many rows, or notifications missed while the connection was down) — views
    refresh whole."""

    desk: str
    tables: frozenset[str] = frozenset()
    cases: frozenset[str] = frozenset()
    rows: tuple[tuple[str, int], ...] = ()
    everything: bool = False
    #: A confidential case was written: its number is not sent (every desk's role may LISTEN), so a desk
    #: showing a confidential case reloads it.
    hidden: bool = False

    def touches(self, *tables: str) -> bool:
        return self.everything or any(t in self.tables for t in tables)

    @classmethod
    def from_payload(cls, payload: str) -> Change:
        data = json.loads(payload)
        return cls(desk=str(data.get("desk", "")), tables=frozenset(data.get("tables", ())),
                   cases=frozenset(data.get("cases", ())),
                   rows=tuple((str(t), int(i)) for t, i in data.get("rows", ())),
                   everything=bool(data.get("everything", False)), hidden=bool(data.get("hidden", False)))


@dataclass
class _Collected:
    tables: set[str] = field(default_factory=set)
    rows: set[tuple[str, int]] = field(default_factory=set)
    case_ids: set[int] = field(default_factory=set)
    case_numbers: set[str] = field(default_factory=set)
    hidden: bool = False
    bulk: bool = False


def _collected(session: Session) -> _Collected:
    found = session.info.get(_KEY)
    if found is None:
        found = session.info[_KEY] = _Collected()
    return found


def _after_flush(session: Session, _context: Any) -> None:
    """Note every row this flush wrote (``session.new``/``dirty``/``deleted`` still hold them here)."""
    got = _collected(session)
    for obj in (*session.new, *session.dirty, *session.deleted):
        if obj in session.dirty and not session.is_modified(obj):
            continue
        state = inspect(obj)
        table = state.mapper.local_table.name
        if table in QUIET_TABLES:
            continue
        got.tables.add(table)
        ident = state.identity or (getattr(obj, "id", None),)
        if len(ident) == 1 and isinstance(ident[0], int):
            got.rows.add((table, ident[0]))
        if table == "cases":
            if getattr(obj, "confidential", False):
                got.hidden = True
            elif getattr(obj, "number", None):
                got.case_numbers.add(obj.number)
        elif isinstance(getattr(obj, "case_id", None), int):
            got.case_ids.add(obj.case_id)


def _on_execute(state: ORMExecuteState) -> None:
    """A bulk INSERT/UPDATE/DELETE through the session (demo seeding, register imports): its table, not its rows."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table and table not in QUIET_TABLES:
        got = _collected(state.session)
        got.tables.add(table)
        got.bulk = True


def install(sessions: Any) -> None:
    """Collect what the sessions made by ``sessions`` (a sessionmaker) write. Server stores only."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _on_execute)


def announce(session: Session, desk: str) -> Change | None:
    """Send what this transaction wrote to the other desks (delivered at commit); None when nothing was."""
    session.flush()
    got = session.info.pop(_KEY, None)
    if got is None or not got.tables:
        return None
    numbers, hidden = set(got.case_numbers), got.hidden
    ids = sorted(got.case_ids)
    for start in range(0, min(len(ids), 1000), 500):  # more than that: ``everything``
        chunk = ids[start:start + 500]
        for number, confidential in session.execute(
                text("SELECT number, confidential FROM cases WHERE id = ANY(:ids)"), {"ids": chunk}):
            if confidential:  # never named on the channel: any desk's role may LISTEN to it
                hidden = True
            else:
                numbers.add(number)
    everything = got.bulk or len(got.rows) > MAX_ROWS or len(ids) > 1000
    change = Change(desk=desk, tables=frozenset(got.tables), cases=frozenset(numbers) if not everything else frozenset(),
                    rows=tuple(sorted(got.rows)) if not everything else (), everything=everything, hidden=hidden)
    payload = _payload(change)
    if len(payload.encode("utf-8")) > MAX_PAYLOAD:
        change = Change(desk=desk, tables=change.tables, everything=True, hidden=hidden)
        payload = _payload(change)
    session.execute(text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload})
    return change


def _payload(change: Change) -> str:
    data: dict[str, Any] = {"desk": change.desk, "tables": sorted(change.tables)}
    if change.hidden:
        data["hidden"] = True
    if change.everything:
        data["everything"] = True
    else:
        data["cases"] = sorted(change.cases)
        data["rows"] = [list(r) for r in change.rows]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class ChangeListener:
    """Hears other desks' changes to a server store; ``on_change(Change)`` is called on the listener's thread.

    ``start()`` starts a daemon thread (nothing on SQLite: ``active`` stays False); ``ready`` is set once the
    ``LISTEN`` is in place; ``stop()`` ends the loop within about ``poll_s`` and closes the connection. A lost
    connection is retried every ``retry_s`` seconds; the first notice after it says ``everything``.
    The own desk's changes are dropped unless ``include_own``."""

    def __init__(self, store: Store, on_change: Callable[[Change], None], *, include_own: bool = False,
                 poll_s: float = 0.25, retry_s: float = 2.0) -> None:
        self.store = store
        self.on_change = on_change
        self.include_own = include_own
        self.poll_s = poll_s
        self.retry_s = retry_s
        self.ready = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.errors = 0  # connections lost (or refused) so far

    @property
    def supported(self) -> bool:
        return self.store.engine.dialect.name == "postgresql"

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if not self.supported or self.active:
            return
        self._stop.clear()
        # A daemon thread, not a QThread: a QThread still running when the interpreter exits aborts the
        # process; this one checks the stop flag every ``poll_s`` and never touches Qt.
        self._thread = threading.Thread(target=self._run, name="qcy-change-listener", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.ready.clear()

    def _connect(self) -> Any:
        import psycopg

        engine = self.store.engine
        _args, kwargs = engine.dialect.create_connect_args(engine.url)
        kwargs.pop("context", None)
        conn = psycopg.connect(autocommit=True, **kwargs)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                self.ready.set()
                if missed:  # notices sent while the connection was down are gone: refresh everything
                    self._deliver(Change(desk="", everything=True))
                    missed = False
                while not self._stop.is_set():
                    for notice in conn.notifies(timeout=self.poll_s):
                        self._handle(notice.payload)
            except Exception as exc:  # a lost or refused connection: retry; the desk keeps working
                self.errors += 1
                self.ready.clear()
                missed = True
                log.warning("listening for other desks' changes failed (%s); retrying in %.0f s", exc, self.retry_s)
                self._stop.wait(self.retry_s)
            finally:
                if conn is not None:
                    with contextlib.suppress(Exception):
                        conn.close()
        self.ready.clear()

    def _handle(self, payload: str) -> None:
        try:
            change = Change.from_payload(payload)
        except (ValueError, TypeError, AttributeError):
            log.warning("ignored a change notice that is not ours: %.100r", payload)
            return
        if change.desk == self.store.desk_id and not self.include_own:
            return
        self._deliver(change)

    def _deliver(self, change: Change) -> None:
        try:
            self.on_change(change)
        except Exception:  # the receiver's fault must not end the listening
            log.exception("a change receiver failed")

