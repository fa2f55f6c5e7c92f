"""Issue 17 item 4 in the desktop: staff open Enterprises, search for 秦川, click the enterprise, read its
service record grouped by kind with what is pending marked, its rights and what falls due, switch the year,
and write the annual service report with one click -- off the GUI thread, read back from the PDF. On a real
store; set QCY_SHOTS=<folder> to keep the screenshot."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from test_service_record import BAOJI, QINCHUAN, STAFF_NOTE, YEAR, seed  # noqa: E402


def _click_row(qtbot, view, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_staff_find_an_enterprise_read_its_record_and_write_its_annual_report(
        qtbot, window, store, wait_idle, tmp_path, monkeypatch, type_text) -> None:
    from PySide6.QtWidgets import QFileDialog

    made = seed(store)
    page = window.go("enterprises")
    wait_idle()
    names = [r.name for r in page.list_model.rows]
    assert QINCHUAN in names and BAOJI in names
    type_text(page.search, "西安秦川")
    wait_idle()
    assert [r.name for r in page.list_model.rows] == [QINCHUAN]
    assert not page.report_button.isEnabled()  # nothing selected yet
    _click_row(qtbot, page.list_view, 0)
    wait_idle()
    assert page.title.text() == QINCHUAN
    groups = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i)
              for i in range(page.tree.topLevelItemCount())}
    assert set(groups) == {"咨询 (1)", "维权援助案件 (1)", "转介 (1)", "预警项目 (1)", "出具文书 (1)"}
    case = groups["维权援助案件 (1)"].child(0)
    assert case.text(1) == made["case"] and case.text(3) == "已收案，办理中，尚无结论"
    assert case.background(0).color().name() == "#fff3cd"  # pending: marked
    assert groups["出具文书 (1)"].child(0).text(3) == "已出具"
    assert page.record_box.title() == "服务记录（5）"
    assert [r.number for r in page.rights_model.rows] == ["10145231"]
    assert page.hidden_note.text() == ""
    # the rights dialogs sit in the toolbar: correcting needs a right selected
    assert page.add_right_action.isEnabled() and not page.pay_right_action.isEnabled()
    assert page.add_right_action.text() == "登记权利…"

    window.resize(1500, 900)
    shot = tmp_path / "enterprises-page.png"
    assert window.grab().save(str(shot)) and shot.stat().st_size > 10_000
    if os.environ.get("QCY_SHOTS"):
        shutil.copy(shot, Path(os.environ["QCY_SHOTS"]) / shot.name)

    # a year without services: the record is empty and says so
    page.year.setCurrentIndex(page.year.findData(YEAR - 1))
    wait_idle()
    assert page.tree.topLevelItemCount() == 0 and page.record_box.title() == "服务记录（0）"
    page.year.setCurrentIndex(page.year.findData(YEAR))
    wait_idle()

    out = tmp_path / "秦川年度服务报告.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    assert page.last_report == out and str(out) in page.hint.text()
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "").replace("\n", "")
    assert f"知识产权维权援助年度服务报告（{YEAR}年度）" in text and made["case"] in text
    assert "宝鸡" not in text and STAFF_NOTE not in text
    # the report just written shows on the record as sent
    assert "出具文书 (2)" in {page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())}


def test_a_report_for_all_years_asks_for_the_current_year_and_a_bad_path_shows_a_coded_error(
        qtbot, window, store, wait_idle, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    seed(store)
    page = window.go("enterprises")
    wait_idle()
    _click_row(qtbot, page.list_view, [r.name for r in page.list_model.rows].index(QINCHUAN))
    page.year.setCurrentIndex(0)  # all years
    wait_idle()
    assert page.year.currentText() == "全部年份"
    folder = tmp_path / "a-folder"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder), ""))
    qtbot.mouseClick(page.report_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "errorDialog") is not None, timeout=5000)
    box = page.findChild(QMessageBox, "errorDialog")
    assert "文件夹" in box.text() and "Traceback" not in box.text()
    assert page.last_report is None and page.hint.text() == ""
    box.close()


def test_staff_enter_a_right_from_the_enterprise_page_and_record_its_renewal(
        qtbot, window, store, wait_idle) -> None:
    """From the Enterprises page: select 西安秦川, click "登记权利…" (the enterprise is filled in), enter a mark
    whose term ends within the renewal window, then select it in the rights table and record the renewal: the
    rights table and the dates falling due follow, without leaving the page."""
    from datetime import timedelta

    from qcy_workstation.db.base import china_today
    from qcy_workstation.portfolios.service import PortfolioService, add_years

    seed(store)
    page = window.go("enterprises")
    wait_idle()
    _click_row(qtbot, page.list_view, [r.name for r in page.list_model.rows].index(QINCHUAN))
    wait_idle()
    before = {r.number for r in page.rights_model.rows}

    qtbot.mouseClick(page.toolbar.widgetForAction(page.add_right_action), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.isVisible() and dialog.objectName() == "rightDialog"
    assert dialog.enterprise.text() == QINCHUAN  # the selected enterprise, filled in
    registered = add_years(china_today() + timedelta(days=31), -10)  # the term ends in 30 days
    for field, text in ((dialog.number, "20456789"), (dialog.classes, "30"), (dialog.registered,
                                                                             registered.isoformat())):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.title.setFocus()
    dialog.title.insert("秦川面坊")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_idle()
    assert {r.number for r in page.rights_model.rows} == before | {"20456789"}
    assert "20456789" in {r.number for r in page.due_model.rows}  # its term ends within the year shown

    row = [r.number for r in page.rights_model.rows].index("20456789")
    _click_row(qtbot, page.rights_view, row)
    assert page.pay_right_action.isEnabled()
    qtbot.mouseClick(page.toolbar.widgetForAction(page.pay_right_action), Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.objectName() == "paymentDialog"
    dialog.on.clear()
    qtbot.keyClicks(dialog.on, china_today().isoformat())
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    wait_idle()
    right = next(r for r in PortfolioService(store, "张三").list(QINCHUAN) if r.number == "20456789")
    assert right.renewals == 1 and right.term_ends == add_years(registered, 20) - timedelta(days=1)
    assert "20456789" in page.hint.text()
