"""Story: on a store with accounts the window asks who is there before it shows anything. A wrong password is
said in Chinese and the dialog stays; the reviewer logs in and sees only what a reviewer may use (no
statistics, no accounts, no settings to change); a first login changes the password; a desk left idle locks
and the same reviewer unlocks it with the password, losing nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qcy_workstation.accounts.service import AccountService

PASSWORD = "审核人的密码 2026"


@pytest.fixture
def store_with_accounts(tmp_path: Path, open_test_store) -> str:  # type: ignore[no-untyped-def]
    """The desk's store (SQLite, or the shared PostgreSQL store with --store=postgresql): its --db."""
    store = open_test_store(tmp_path)
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", "root-password-2026")
    accounts.create(root, "wangjing", "王静", ["reviewer"], PASSWORD, must_change=False)
    accounts.create(root, "chenjie", "陈洁", ["registrar"], "temporary-2026")
    store.close()
    return str(store.path or store.url)


def _dialog(name: str):  # type: ignore[no-untyped-def]
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def _start(tmp_path: Path, db: str, monkeypatch):  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.app import start_gui

    monkeypatch.setenv("QCY_UI_SETTINGS", str(tmp_path / "prefs.ini"))
    return start_gui(argparse.Namespace(screenshot=None, page="cases", lang="zh_CN", staff=None, demo=False),
                     str(db))


def _close(window, ctx) -> None:  # type: ignore[no-untyped-def]
    window.ask_before_closing = False
    window.close()
    ctx.runner.wait_idle(10000)
    ctx.runner.shutdown()
    if ctx.store is not None:
        ctx.store.close()


def test_the_window_asks_for_a_login_and_shows_only_what_the_account_may_use(
        qtbot, ui_app, tmp_path, store_with_accounts, monkeypatch, type_text) -> None:
    _app, window, ctx, _startup = _start(tmp_path, store_with_accounts, monkeypatch)
    try:
        qtbot.waitUntil(lambda: _dialog("loginDialog") is not None, timeout=20000)
        dialog = _dialog("loginDialog")
        assert window.sidebar.count() == 0  # nothing is shown before the account is known
        type_text(dialog.login, "wangjing")
        type_text(dialog.password, "wrong password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10000)
        assert "登录名或密码错误" in dialog.message.text() and dialog.isVisible()
        assert dialog.password.text() == ""  # the wrong password is not kept in the field
        type_text(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar.count() > 0, timeout=20000)
        assert ctx.principal is not None and ctx.principal.name == "王静"
        shown = {window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.sidebar.count())}
        assert {"cases", "documents"} <= shown
        assert not shown & {"stats", "intake", "accounts", "audit"}  # a reviewer does not take in or count
        assert "王静" in window.status_staff.text() and "审核人" in window.status_staff.text()
        window.go("stats")  # asked for anyway (a shortcut, a last page): the first page it may use instead
        assert window.stack.currentWidget() is not window.pages.get("stats")
    finally:
        _close(window, ctx)


def test_a_first_login_changes_the_password(qtbot, ui_app, tmp_path, store_with_accounts, monkeypatch,
                                            type_text) -> None:
    _app, window, ctx, _startup = _start(tmp_path, store_with_accounts, monkeypatch)
    try:
        qtbot.waitUntil(lambda: _dialog("loginDialog") is not None, timeout=20000)
        dialog = _dialog("loginDialog")
        type_text(dialog.login, "chenjie")
        type_text(dialog.password, "temporary-2026")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _dialog("changePasswordDialog") is not None, timeout=10000)
        change = _dialog("changePasswordDialog")
        type_text(change.old, "temporary-2026")
        type_text(change.new, "陈洁自己的新密码 2026")
        type_text(change.again, "陈洁自己的新密码 2026")
        qtbot.keyClick(change.again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar.count() > 0, timeout=20000)
        assert not AccountService(ctx.store).must_change_password(ctx.principal)
        assert "intake" in {window.sidebar.item(i).data(Qt.ItemDataRole.UserRole)
                            for i in range(window.sidebar.count())}  # a registrar takes in cases
    finally:
        _close(window, ctx)


def test_an_idle_desk_locks_and_the_same_account_unlocks_it(qtbot, ui_app, tmp_path, store_with_accounts,
                                                            monkeypatch, type_text) -> None:
    from qcy_workstation.ui.idle_lock import install_idle_lock

    _app, window, ctx, _startup = _start(tmp_path, store_with_accounts, monkeypatch)
    try:
        qtbot.waitUntil(lambda: _dialog("loginDialog") is not None, timeout=20000)
        dialog = _dialog("loginDialog")
        type_text(dialog.login, "wangjing")
        type_text(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar.count() > 0, timeout=20000)
        ctx.prefs.set("desk/idle_lock_minutes", "0.01")  # 0.6 s for the test; 15 minutes by default
        lock = install_idle_lock(ctx, window, QApplication.instance())
        qtbot.waitUntil(lambda: lock.locked and _dialog("loginDialog") is not None, timeout=10000)
        unlock = _dialog("loginDialog")
        assert unlock.login.text() == "wangjing" and unlock.login.isReadOnly()
        type_text(unlock.password, PASSWORD)
        qtbot.keyClick(unlock.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not lock.locked, timeout=10000)
        assert ctx.principal.name == "王静"
        lock.timer.stop()
    finally:
        _close(window, ctx)
