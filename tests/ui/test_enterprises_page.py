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


def test_staff_fill_the_portfolio_from_the_register_seeing_first_what_will_be_added(
        qtbot, window, store, wait_idle, tmp_path, monkeypatch) -> None:
    """The register staff imported holds two of 西安秦川's marks (one already in its portfolio), one of another
    holder, and a row without its registration date. From the Enterprises page staff click "从登记库导入…": the
    question lists the new mark, the one already on file and the bad line, in Chinese; "Cancel" adds nothing,
    "Yes" adds the new mark with its dates. The same file chosen through "从文件导入…" then has nothing new, and
    counts the other holder's row it left alone."""
    import csv
    from datetime import date

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from qcy_workstation.portfolios.service import PortfolioService
    from qcy_workstation.precheck.register import import_register

    seed(store)  # 西安秦川 has mark 10145231 in its portfolio already
    rows = [["注册号", "商标名称", "注册人", "类别", "注册日期", "专用权期限至"],
            ["10145231", "秦川", QINCHUAN, "30", "2017-06-14", "2027-06-13"],
            ["20456789", "秦川面坊", QINCHUAN, "30,43", "2019-05-07", "2029-05-06"],
            ["20001234", "秦韵", "宝鸡秦韵酒业有限公司", "33", "2019-05-07", ""],
            ["20456790", "秦川老面", QINCHUAN, "30", "", ""]]
    path = tmp_path / "商标注册簿.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    import_register(store, path, actor="张三")
    page = window.go("enterprises")
    wait_idle()
    _click_row(qtbot, page.list_view, [r.name for r in page.list_model.rows].index(QINCHUAN))
    wait_idle()
    assert page.import_register_action.text() == "从登记库导入…"

    def ask() -> QMessageBox:
        qtbot.mouseClick(page.toolbar.widgetForAction(page.import_register_action), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.importing is not None and page.importing.box is not None
                        and page.importing.box.isVisible(), timeout=10000)
        return page.importing.box

    box = ask()
    assert box.text() == "将 1 项权利加入该企业的权利组合？"
    info = box.informativeText()
    assert "+ 20456789  秦川面坊  (30,43)" in info and "已在档，保持不变：1 项" in info
    assert info.startswith(f"{QINCHUAN}，来源：登记库")
    assert "! 登记库 20456790: 注册/授权日" in info and "registration" not in info  # in the user's words
    if os.environ.get("QCY_SHOTS"):
        assert box.grab().save(str(Path(os.environ["QCY_SHOTS"]) / "rights-import-question.png"))
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    wait_idle()
    portfolio = PortfolioService(store, "张三")
    assert {r.number for r in portfolio.list(QINCHUAN)} == {"10145231"}  # cancelled: nothing added

    page.importing = None
    box = ask()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    added = {r.number: r for r in portfolio.list(QINCHUAN)}
    assert set(added) == {"10145231", "20456789"}
    assert added["20456789"].registered_on == date(2019, 5, 7) and added["20456789"].classes == "30,43"
    assert "20456789" in {r.number for r in page.rights_model.rows}
    assert page.hint.text() == f"已为 {QINCHUAN} 添加 1 项权利"

    # the same file again, chosen through the file action: nothing new, and staff are told so
    page.importing = None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(page.toolbar.widgetForAction(page.import_file_action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.importing is not None and page.importing.box is not None
                    and page.importing.box.isVisible(), timeout=10000)
    assert page.importing.box.text() == "没有需要新增的权利。"
    info = page.importing.box.informativeText()
    assert info.startswith(f"{QINCHUAN}，来源：商标注册簿.csv") and "其他权利人的记录，未改动：1 条" in info
    assert "! 第 5 行: 注册/授权日" in info
    qtbot.mouseClick(page.importing.box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert len(portfolio.list(QINCHUAN)) == 2


def test_the_list_follows_cases_registered_while_it_is_open(window, store, wait_idle) -> None:  # type: ignore[no-untyped-def]
    """The page was open while the demo data loaded (or another desk registered a case): it showed "no
    enterprises" until opened again. It now reloads when cases change."""
    from qcy_workstation.cases.dto import NewCase, PartyInput
    from qcy_workstation.cases.services import CaseService

    page = window.go("enterprises")
    wait_idle()
    assert "渭南新材料有限公司" not in [r.name for r in page.list_model.rows]
    CaseService(store, actor="王芳").create(NewCase(title="新材料专利咨询", ip_type="patent",
                                                 applicant=PartyInput("渭南新材料有限公司")))
    window.ctx.cases_changed.emit("")  # as the desk's own save and the other desks' relay announce it
    wait_idle()
    assert "渭南新材料有限公司" in [r.name for r in page.list_model.rows]
