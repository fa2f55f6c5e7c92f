"""A new desk's first start: the clerk is asked their name, and demo cases go into a store of their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox


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


def test_the_first_start_asks_the_clerks_name_instead_of_taking_the_login(qtbot, window, ctx, prefs,
                                                                           type_text) -> None:
    from qcy_workstation.ui.app import ask_staff_name

    ask_staff_name(ctx, window)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
    assert dialog.textValue() == "张三"  # the suggestion, to be confirmed or changed
    edit = dialog.findChildren(QLineEdit)[0]
    edit.selectAll()
    type_text(edit, "王五")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ctx.staff == "王五", timeout=5000)
    assert prefs.staff == "王五" and "王五" in window.status_staff.text()
