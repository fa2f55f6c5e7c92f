"""A new desk's first start: the administrator's account is created, and demo cases go into a store of their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox


def test_yes_to_the_demo_offer_opens_the_separate_demo_store_and_leaves_this_one_empty(
        qtbot, window, ctx, wait_idle, answer_dialog) -> None:
    from qcy_workstation.ui.app import demo_store_path, offer_demo

    launched: list[str] = []  # the demo window is a process of its own: recorded here instead of started
    asked: list[str] = []

    def yes(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.text())
        qtbot.mouseClick(dialog.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    answer_dialog(yes)
    offer_demo(ctx, window, launch=launched.append)
    qtbot.waitUntil(lambda: bool(launched), timeout=10000)
    wait_idle()
    assert launched == ["张三"] and "演示" in asked[0]
    assert ctx.cases().count() == 0  # the real store stays empty
    assert demo_store_path() != ctx.store.path and demo_store_path().name == "qcy-demo.sqlite"


def test_the_demo_store_window_says_so_in_its_title_and_status_bar_and_fills_itself(
        qtbot, window, ctx, wait_idle, monkeypatch) -> None:
    from qcy_workstation.ui import app

    monkeypatch.setattr(app, "DEMO_CASES", 30)  # a small demo store, the same code path
    app.fill_demo_store(ctx, window)
    assert "演示" in window.windowTitle()
    assert window.status_demo.isVisible() and "虚构" in window.status_demo.text()
    qtbot.waitUntil(lambda: ctx.cases().count() == 30, timeout=30000)


def test_the_first_start_of_a_new_store_creates_its_administrator(qtbot, window, ctx, type_text) -> None:
    """A store without accounts: the first start asks for the administrator's account (issue 14 item 1);
    a typo in the repeated password or a short password is said in the dialog, which stays open."""
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.ui.dialogs.login import CreateAdminDialog, RecoveryKeyDialog, ask_first_admin

    done: list[bool] = []
    ask_first_admin(ctx, window, lambda: done.append(True), lambda: done.append(False))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CreateAdminDialog) and w.isVisible())
    assert dialog.name.text() == "张三"  # the desk's name, to be confirmed or changed
    type_text(dialog.login, "wangwu")
    dialog.name.selectAll()
    type_text(dialog.name, "王五")
    type_text(dialog.password, "short")
    type_text(dialog.again, "shorx")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.message.isVisible() and dialog.isVisible()  # the two passwords differ
    dialog.again.clear()
    type_text(dialog.again, "short")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "至少" in dialog.message.text() or "at least" in dialog.message.text(), timeout=5000)
    for edit in (dialog.password, dialog.again):
        edit.clear()
        type_text(edit, "王五的密码 2026")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    # the recovery key of encrypted evidence is shown once; OK waits until it is written down
    qtbot.waitUntil(lambda: any(isinstance(w, RecoveryKeyDialog) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10000)
    shown = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecoveryKeyDialog) and w.isVisible())
    key = shown.key.text()
    assert len(key) >= 20 and not shown.ok.isEnabled() and done == []
    qtbot.keyClick(shown, Qt.Key.Key_Escape)
    assert shown.isVisible()  # Esc does not lose the key unseen
    qtbot.mouseClick(shown.copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == key
    shown.written.setFocus()
    qtbot.keyClick(shown.written, Qt.Key.Key_Space)  # ticks "I have written the recovery key down"
    assert shown.ok.isEnabled()
    qtbot.mouseClick(shown.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: done == [True], timeout=10000)
    # and it is the key that recovers the account
    AccountService(ctx.store).recover("wangwu", key, "王五的新密码 2026")
    assert ctx.principal is not None and ctx.principal.name == "王五" and ctx.principal.roles == {"admin", "head"}
    assert AccountService(ctx.store).has_accounts()
    qtbot.waitUntil(lambda: "王五" in window.status_staff.text(), timeout=5000)
