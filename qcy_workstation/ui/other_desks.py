"""Changes made at other desks reach this desk's views (issue 15 item 4).

The core's ``ChangeListener`` (``db/changes.py``, Qt-free) hears the server's notices on a thread of its own;
this bridge only carries each ``Change`` to the GUI thread (a queued signal, as ``tasks.py`` does) and turns it
into the context's usual signals, so the pages refresh as they do after this desk's own saves: the cases list
and Today on ``cases_changed``, an open case page when its number is named, the consultations list on
``consultations_changed``. Notices arriving close together are gathered for ``GATHER_MS`` so that a burst
(another desk importing) refreshes each view once. On a SQLite store nothing starts.

Nothing typed is lost: the case page shows a case read-only and reloads; an edit dialog open on that case
keeps its fields and says that the case changed (saving then offers reload-and-reapply, ``edit_case.py``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from qcy_workstation.ui.context import AppContext

GATHER_MS = 150
#: More cases than this in one gathering: every view refreshes whole instead of case by case.
MAX_NAMED = 20


class _Relay(QObject):
    """Emitted on the listener's thread, delivered (queued) on the GUI thread.

    Signals:
        heard(object): a ``Change`` (wrapped in a 1-tuple, see ``tasks.py``).
    """

    heard = Signal(object)


class OtherDesks(QObject):
    """Listens while the window is open: ``start()`` once the store is open, ``stop()`` on closing."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.listener: Any = None
        self._relay = _Relay(self)
        self._relay.heard.connect(self._on_heard, Qt.ConnectionType.QueuedConnection)
        self._pending: list[Any] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._deliver)
        self.delivered = 0  # gatherings passed on to the views (tests, the status bar)

    def start(self) -> bool:
        """Start listening (a server store only); True if it did."""
        store = self.ctx.store
        if store is None or store.is_sqlite or self.listener is not None:
            return False
        from qcy_workstation.db.changes import ChangeListener

        relay = self._relay
        self.listener = ChangeListener(store, lambda change: relay.heard.emit((change,)))
        self.listener.start()
        return True

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self._timer.stop()

    def _on_heard(self, wrapped: tuple[Any]) -> None:
        self._pending.append(wrapped[0])
        if not self._timer.isActive():
            self._timer.start()

    def _deliver(self) -> None:
        changes, self._pending = self._pending, []
        if not changes or self.ctx.store is None:
            return
        self.delivered += 1
        everything = any(c.everything or c.hidden for c in changes)  # a confidential case is not named
        numbers = sorted({n for c in changes for n in c.cases})
        for change in changes:
            self.ctx.other_desk_changed.emit(change)
        if everything or len(numbers) > MAX_NAMED:
            self.ctx.cases_changed.emit("")  # "" = any case: lists and an open case reload
        else:
            for number in numbers:
                self.ctx.cases_changed.emit(number)
            if not numbers and any(c.touches("cases", "rights", "parties", "transitions") for c in changes):
                self.ctx.cases_changed.emit("")
        if any(c.touches("consultations") for c in changes):
            self.ctx.consultations_changed.emit()
        if any(c.touches("settings") for c in changes):
            self.ctx.settings_changed.emit()
