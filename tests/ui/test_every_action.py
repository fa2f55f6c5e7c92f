"""Every button, menu action and shortcut of every page, triggered through Qt the way a clerk would (click,
key sequence) on a demo store, with whatever dialog opens cancelled: the app stays alive and no Python
exception escapes (pytest-qt fails a test on an exception raised in a Qt callback; faulthandler, on under
pytest, reports a crash). Issue 11 item 3."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

# actions that end the session or leave the page under test are not triggered
SKIP_ACTIONS = ("quit", "exit", "退出", "close", "关闭")


def _close_dialogs() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog | QMessageBox) and w.isVisible():
            w.reject()


def _visible_buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton)
            if b.isVisibleTo(page) and b.isEnabled() and b.metaObject().className() in ("QPushButton", "QToolButton")]


def test_every_button_action_and_shortcut_on_every_page_leaves_the_app_alive(
        qtbot, window, ctx, store, wait_idle, monkeypatch):  # type: ignore[no-untyped-def]
    import sys

    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.errors import QcyError
    from qcy_workstation.ui.main_window import PAGES

    # A refused input (a QcyError) is an answer; any other exception shown to the clerk is a bug.
    unexpected: list[str] = []
    for name, module in list(sys.modules.items()):
        original = getattr(module, "show_error", None) if name.startswith("qcy_workstation.ui") else None
        if callable(original):
            def recording(parent, exc, *a, _original=original, **kw):  # type: ignore[no-untyped-def]
                if not isinstance(exc, QcyError):
                    unexpected.append(f"{type(exc).__name__}: {exc}")
                return _original(parent, exc, *a, **kw)
            monkeypatch.setattr(module, "show_error", recording)

    seed_demo(store, cases=12, seed=7)
    closer = QTimer()
    closer.setInterval(30)
    closer.timeout.connect(_close_dialogs)  # runs inside every modal dialog's own event loop too
    closer.start()
    case = ctx.cases().list(limit=1)[0].number
    pressed: list[str] = []
    try:
        for key in sorted(PAGES, key=lambda k: PAGES[k].order):
            page = window.go(key, case if key in ("case", "documents", "precheck", "compensation") else None)
            wait_idle()
            for button in _visible_buttons(page):
                if not (button.isVisible() and button.isEnabled()):
                    continue  # an earlier press changed the page
                pressed.append(f"{key}:{button.objectName() or button.text()}")
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
                wait_idle()
                QApplication.processEvents()
                window.go(key)  # a button may have moved to another page
                wait_idle()
            for shortcut in page.findChildren(QShortcut):
                if shortcut.isEnabled() and not shortcut.key().isEmpty():
                    seq = shortcut.key()
                    combo = seq[0]
                    window.activateWindow()
                    qtbot.keyClick(page, combo.key(), combo.keyboardModifiers())
                    pressed.append(f"{key}:{seq.toString()}")
                    wait_idle()
                    window.go(key)
                    wait_idle()
        for action in window.findChildren(QAction):
            text = (action.objectName() + " " + action.text()).lower()
            if not action.isEnabled() or action.menu() is not None or any(s in text for s in SKIP_ACTIONS):
                continue
            action.trigger()  # menu entries: what a click on the menu item does
            pressed.append(f"action:{action.text()}")
            wait_idle()
            QApplication.processEvents()
    finally:
        closer.stop()
        _close_dialogs()
    assert window.isVisible()
    assert not unexpected, unexpected
    assert len(pressed) > 40  # the test really pressed things
