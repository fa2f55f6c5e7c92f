"""Issue 17 item 3 on Today, driven the way staff drive it: the rights box's buttons open the right dialogs.

On a real store: the 秦川 mark's term ends in 20 days. Staff select its row, click "Renewal / fee paid…",
type a renewal date before the mark was registered: the dialog names the field ("Renewal filed on"), marks
it and saves nothing. With the right date the renewal is stored and the row leaves the list (the new term
runs 10 years on). Staff then enter a new right with a class that does not exist (named, nothing saved),
correct it, and pay the invention's annual fee: the list is empty."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from qcy_workstation.db.base import china_today
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.service import PortfolioService, add_years


def _type(qtbot, widget, text: str) -> None:
    """Type ``text``; Chinese arrives as an input method commits it (QTest types ASCII keys only)."""
    widget.clear()
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_staff_record_a_renewal_enter_a_right_and_pay_a_fee_from_today(qtbot, window, store, add_case,
                                                                        wait_idle) -> None:
    add_case(title="“秦川”商标被仿冒", applicant="西安秦川食品有限公司")
    add_case(title="主轴冷却装置专利被侵权", applicant="陕西秦创智能装备有限公司", ip_type="patent")
    today = china_today()
    service = PortfolioService(store, "张三")
    registered = add_years(today + timedelta(days=21), -10)  # the term ends in 20 days
    tm = service.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", title="秦川", classes="30",
                              registered_on=registered))
    filed = add_years(today + timedelta(days=40), -5)
    service.add(NewRight("陕西秦创智能装备有限公司", "invention", "201811564288.X", title="主轴冷却装置",
                         filed_on=filed, registered_on=filed + timedelta(days=700)))
    page = window.go("today")
    wait_idle()
    wait_idle()
    box = page.rights_due
    assert [(r.event, r.number) for r in box.model.rows] == [("term_ends", "10145231"),
                                                             ("annuity_due", "201811564288.X")]
    assert box.add_button.isEnabled() and not box.pay_button.isEnabled()

    # the renewal: first a date before registration (the issue's own example)
    box.table.selectRow(0)
    qtbot.mouseClick(box.pay_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog.isVisible() and dialog.objectName() == "paymentDialog"
    assert "第四十条" in dialog.info.text()
    _type(qtbot, dialog.on, (registered - timedelta(days=30)).isoformat())
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text().startswith("续展申请日") and "注册" in dialog.error.text()
    assert dialog.on.styleSheet()  # the field is marked
    if os.environ.get("QCY_SHOTS"):
        assert dialog.grab().save(str(Path(os.environ["QCY_SHOTS"]) / "right-renewal-refused.png"))
    assert service.events(tm.id) == [] and service.get(tm.id).renewals == 0  # nothing saved
    _type(qtbot, dialog.on, (today - timedelta(days=3)).isoformat())
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    wait_idle()
    assert service.get(tm.id).term_ends == add_years(registered, 20) - timedelta(days=1)
    assert [r.number for r in box.model.rows] == ["201811564288.X"]  # the list moved on
    assert "10145231" in box.hint.text()

    # a new right: a class that does not exist is named, then corrected
    box.table.clearSelection()
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog.objectName() == "rightDialog"
    _type(qtbot, dialog.enterprise, "西安秦川食品有限公司")
    _type(qtbot, dialog.number, "20456789")
    _type(qtbot, dialog.title, "秦川面坊")
    _type(qtbot, dialog.classes, "30,46")
    _type(qtbot, dialog.registered, "2020-13-01")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text().startswith("注册/授权日")  # the impossible date first
    _type(qtbot, dialog.registered, "2019-05-07")
    _ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.error.text().startswith("类别") and "46" in dialog.error.text()
    assert len(service.list("西安秦川食品有限公司")) == 1  # nothing saved
    _type(qtbot, dialog.classes, "30,43")
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert {r.number: r.classes for r in service.list("西安秦川食品有限公司")}["20456789"] == "30,43"

    # the annual fee for year 6
    wait_idle()
    box.table.selectRow(0)
    qtbot.mouseClick(box.pay_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog.year.value() == 1  # nothing recorded yet: staff choose the year
    dialog.year.setValue(6)
    _type(qtbot, dialog.on, today.isoformat())
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    wait_idle()
    assert box.model.rows == [] and box.title().endswith("：0")


def test_a_register_import_on_the_register_page_warns_of_look_alikes_of_an_enterprises_mark(
        qtbot, window, store, add_case, wait_idle, tmp_path) -> None:
    import csv

    from qcy_workstation.warning.service import WarningService

    add_case(title="“秦川”商标被仿冒", applicant="西安秦川食品有限公司")
    PortfolioService(store, "张三").add(NewRight("西安秦川食品有限公司", "trademark", "10145231", title="秦川",
                                                 classes="30", registered_on=add_years(china_today(), -3)))
    path = tmp_path / "新公告商标.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["注册号", "商标名称", "注册人", "类别"], ["60000001", "秦川", "咸阳某食品厂", "30"],
                                  ["60000003", "长城", "某酒业有限公司", "33"]])
    page = window.go("register")
    wait_idle()
    tab = page.import_tab
    with qtbot.waitSignal(tab.previewed, timeout=10000):
        tab.load_file(str(path))
    with qtbot.waitSignal(tab.imported, timeout=20000):
        qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.last_watch is not None, timeout=20000)
    assert [h.new_number for h in tab.last_watch.hits] == ["60000001"]
    assert "企业自有权利监视：命中 1 项，新增预警风险 1 项" in tab.report_label.text()
    (project,) = WarningService(store, "张三").list()
    assert project.enterprise == "西安秦川食品有限公司" and project.flagged == 1 and project.risks_high == 1
