"""Lock the desk after a time without use (issue 14 item 1): the same account enters its password again.

Why here and not in the core: idleness is about this window's keyboard and mouse. The time is a desk
preference (``desk/idle_lock_minutes``, default 15; 0 turns it off), read when the lock is installed.
Nothing typed is lost: the window stays as it was under the modal unlock dialog.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

DEFAULT_MINUTES = 15
_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}


class IdleLock(QObject):
    def __init__(self, ctx: Any, window: Any, app: Any, minutes: float) -> None:
        super().__init__(window)
        self.ctx, self.window, self.app = ctx, window, app
        self.seconds = minutes * 60
        self.last = time.monotonic()
        self.locked = False
        app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(min(30_000, max(200, int(self.seconds * 250))))
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and not self.locked:
            self.last = time.monotonic()
        return False

    def check(self) -> None:
        if not self.locked and self.ctx.principal is not None and time.monotonic() - self.last >= self.seconds:
            self.lock()

    def lock(self) -> None:
        from qcy_workstation.ui.dialogs.login import ask_login

        self.locked = True

        def unlocked() -> None:
            self.locked = False
            self.last = time.monotonic()

        self.dialog = ask_login(self.ctx, self.window, unlocked, lambda: self.app.exit(0), lock_for=self.ctx.principal)


def install_idle_lock(ctx: Any, window: Any, app: Any) -> IdleLock | None:
    """The desk's idle lock, for a logged-in account (a store without accounts has no one to lock out)."""
    if ctx.principal is None:
        return None
    try:
        minutes = float(ctx.prefs.get("desk/idle_lock_minutes", str(DEFAULT_MINUTES)))
    except ValueError:
        minutes = DEFAULT_MINUTES
    if minutes <= 0:
        return None
    window.idle_lock = IdleLock(ctx, window, app, minutes)
    return window.idle_lock
