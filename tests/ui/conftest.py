"""UI fixtures: the real main window on a real SQLite store in tmp_path, offscreen (tests/conftest.py sets
QT_QPA_PLATFORM), with the shipped font and the Chinese translation installed as at start."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput

VALID_USCC = "91330100716105852F"
VALID_USCC_2 = "9144030071526726XG"
BAD_USCC = "91610000220530069K"  # check character wrong (DOMAIN.md)


@pytest.fixture(scope="session")
def ui_app(qapp: QApplication) -> QApplication:
    from qcy_workstation.ui.app import register_font

    register_font(qapp)
    return qapp


@pytest.fixture
def prefs(tmp_path: Path):  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.context import Prefs

    return Prefs.at(str(tmp_path / "prefs.ini"))


@pytest.fixture
def ctx(ui_app, store, prefs):  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.context import AppContext
    from qcy_workstation.ui.i18n import install_language

    install_language("zh_CN")
    context = AppContext(store, staff="张三", prefs=prefs)
    yield context
    context.runner.wait_idle(10000)
    context.runner.shutdown()


@pytest.fixture
def window(qtbot, ctx) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.main_window import MainWindow, load_pages

    load_pages()
    win = MainWindow(ctx)
    win.ask_before_closing = False  # stories about closing over typed input switch it back on
    qtbot.addWidget(win)
    win.resize(1320, 840)
    win.show()
    qtbot.waitExposed(win)
    yield win
    ctx.runner.wait_idle(10000)
    win.close()
    win.deleteLater()  # gone before the next test: no stale widget receives its LanguageChange
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def idle(ctx: Any) -> None:
    """Let every background task finish and deliver its result."""
    assert ctx.runner.wait_idle(10000), "background tasks did not finish"


def on_next_dialog(handler: Callable[[QWidget], None], *, timeout_ms: int = 5000) -> None:
    """Answer the next modal dialog (``exec()`` blocks the test, so the answer is queued beforehand)."""
    waited = [0]

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            dialog = next((w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QDialog | QMessageBox) and w.isVisible()), None)
        if dialog is None:
            waited[0] += 20
            if waited[0] < timeout_ms:
                QTimer.singleShot(20, poll)
            return
        handler(dialog)

    QTimer.singleShot(0, poll)


def make_case(cases: Any, *, title: str, applicant: str, opponent: str | None = None, ip_type: str = "trademark",
              uscc: str | None = None, facts: str = "") -> Any:
    rights = (RightInput(kind="trademark", number="10145231", title="秦川", nice_classes="30"),) \
        if ip_type == "trademark" else ()
    return cases.create(NewCase(title=title, ip_type=ip_type, applicant=PartyInput(name=applicant, uscc=uscc),
                                opponent=PartyInput(name=opponent) if opponent else None, facts=facts,
                                rights=rights))


@pytest.fixture
def answer_dialog() -> Callable[..., None]:
    return on_next_dialog


@pytest.fixture
def add_case(cases) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """Write a case through the core (the state a test starts from), as staff member 张三."""
    return lambda **kw: make_case(cases, **kw)


@pytest.fixture
def wait_idle(ctx) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    return lambda: idle(ctx)


def type_into(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type like a user: ASCII as key clicks, Chinese as an input-method commit (what a pinyin IME sends).

    QTest cannot click non-ASCII keys, and a real Chinese user's text arrives as QInputMethodEvent anyway.
    """
    from PySide6.QtGui import QInputMethodEvent

    target = getattr(widget, "edit", widget)
    target.setFocus()
    run = ""
    for ch in text + "\0":
        if ch != "\0" and ch.isascii():
            run += ch
            continue
        if run:
            qtbot.keyClicks(target, run)
            run = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(target, event)


@pytest.fixture
def type_text(qtbot) -> Callable[[QWidget, str], None]:  # type: ignore[no-untyped-def]
    return lambda widget, text: type_into(qtbot, widget, text)


# Qt warnings fail a test (qutebrowser's habit); these are expected noise of the offscreen platform.
ALLOWED_QT_WARNINGS = (
    "This plugin does not support propagateSizeHints()",  # offscreen QPA: window size hints
    "This plugin does not support raise()",  # offscreen QPA: completer popup
    "This plugin does not support grabbing the keyboard",  # offscreen QPA: completer popup
)


@pytest.fixture(autouse=True)
def _no_unexpected_qt_warnings(qtlog):  # type: ignore[no-untyped-def]
    yield
    from pytestqt.qt_compat import qt_api

    bad = [r.message for r in qtlog.records
           if r.type in (qt_api.QtCore.QtMsgType.QtWarningMsg, qt_api.QtCore.QtMsgType.QtCriticalMsg)
           and not any(r.message.startswith(a) for a in ALLOWED_QT_WARNINGS)]
    assert not bad, f"unexpected Qt warnings: {bad}"

