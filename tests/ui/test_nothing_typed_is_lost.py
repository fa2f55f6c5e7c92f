"""A clerk half-fills a form and closes the window, or the PC dies: what was typed comes back.

Driven as a user drives the window: typing into the fields, closing the window, clicking the buttons of the
question and of the drafts bar. The second start is a second window on the same store and preferences."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from qcy_workstation.cases.dto import NewConsultation


@pytest.fixture
def next_start(qtbot, store, prefs) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """Start the application again on the same store and preferences (as after closing or a crash)."""
    from qcy_workstation.ui.context import AppContext
    from qcy_workstation.ui.main_window import MainWindow, load_pages

    made: list[Any] = []

    def start() -> Any:
        load_pages()
        ctx = AppContext(store, staff="张三", prefs=prefs)
        win = MainWindow(ctx)
        win.ask_before_closing = False
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        made.append((ctx, win))
        return win

    yield start
    for ctx, _win in made:
        ctx.runner.wait_idle(10000)
        ctx.runner.shutdown()


def _click_button(qtbot, dialog: QMessageBox, text: str) -> None:  # type: ignore[no-untyped-def]
    button = next(b for b in dialog.findChildren(QPushButton) if text in b.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _half_fill_intake(window, type_text) -> Any:  # type: ignore[no-untyped-def]
    page = window.go("intake")
    type_text(page.title.edit, "秦韵商标被仿冒")
    type_text(page.applicant_name.edit, "西安秦韵茶业有限公司")
    type_text(page.facts, "对方在淘宝店铺销售同款茶叶")
    return page


def test_closing_over_a_half_filled_case_asks_and_go_back_keeps_everything(
        qtbot, window, type_text, answer_dialog) -> None:
    page = _half_fill_intake(window, type_text)
    window.go("today")
    window.ask_before_closing = True
    asked: list[str] = []

    def go_back(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.text())
        _click_button(qtbot, dialog, "返回")

    answer_dialog(go_back)
    window.close()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "新建案件表单" in asked[0]
    assert window.isVisible() and window.current_key == "intake"  # taken back to the form
    assert page.title.text() == "秦韵商标被仿冒"
    window.ask_before_closing = False


def test_a_draft_kept_on_closing_is_offered_and_restored_at_the_next_start(
        qtbot, window, type_text, answer_dialog, next_start, prefs) -> None:
    _half_fill_intake(window, type_text)
    window.ask_before_closing = True
    answer_dialog(lambda dialog: _click_button(qtbot, dialog, "保留为草稿"))
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)

    again = next_start()
    assert again.drafts_bar.isVisible() and "新建案件表单" in again.drafts_label.text()
    qtbot.mouseClick(again.drafts_restore, Qt.MouseButton.LeftButton)
    page = again.pages["intake"]
    assert again.current_key == "intake"
    assert (page.title.text(), page.applicant_name.text()) == ("秦韵商标被仿冒", "西安秦韵茶业有限公司")
    assert page.facts.toPlainText() == "对方在淘宝店铺销售同款茶叶"


def test_discarding_on_closing_leaves_nothing_to_offer(qtbot, window, type_text, answer_dialog, next_start) -> None:
    _half_fill_intake(window, type_text)
    window.ask_before_closing = True
    answer_dialog(lambda dialog: _click_button(qtbot, dialog, "放弃"))
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not next_start().drafts_bar.isVisible()


def test_a_consultation_being_typed_survives_a_crash(qtbot, window, type_text, next_start, prefs) -> None:
    page = window.go("consultations")
    type_text(page.enquirer.edit, "李经理")
    type_text(page.topic.edit, "专利被抄袭怎么办")
    type_text(page.summary, "对方展会上展出相同结构的分拣机")
    window.autosave.setInterval(50)  # the autosave, sooner than its usual 10 s
    drafts_file = window.drafts.path
    qtbot.waitUntil(lambda: drafts_file.exists(), timeout=5000)
    saved = json.loads(drafts_file.read_text(encoding="utf-8"))
    assert any("consultations" in d for d in saved.values())

    # the PC dies here: the window is never closed; the next start offers the draft
    again = next_start()
    assert again.drafts_bar.isVisible()
    qtbot.mouseClick(again.drafts_restore, Qt.MouseButton.LeftButton)
    restored = again.pages["consultations"]
    assert (restored.enquirer.text(), restored.topic.text()) == ("李经理", "专利被抄袭怎么办")
    assert restored.summary.toPlainText() == "对方展会上展出相同结构的分拣机"


def test_turning_a_consultation_into_a_case_asks_before_replacing_a_half_typed_form(
        qtbot, window, ctx, type_text, answer_dialog, wait_idle) -> None:
    ctx.consultations().add(NewConsultation(channel="phone", enquirer="王女士", topic="地理标志能否使用",
                                            ip_type="gi"))
    intake = _half_fill_intake(window, type_text)
    page = window.go("consultations")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)

    answer_dialog(lambda dialog: qtbot.mouseClick(dialog.button(QMessageBox.StandardButton.No),
                                                  Qt.MouseButton.LeftButton))
    qtbot.mouseClick(page.convert_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert intake.title.text() == "秦韵商标被仿冒"  # nothing overwritten

    answer_dialog(lambda dialog: qtbot.mouseClick(dialog.button(QMessageBox.StandardButton.Yes),
                                                  Qt.MouseButton.LeftButton))
    qtbot.mouseClick(page.convert_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert intake.title.text() == "地理标志能否使用"
