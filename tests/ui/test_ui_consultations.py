"""A member of staff on the phone logs a consultation with the keyboard, then turns one into a case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import NewConsultation


def test_phone_consultation_logged_with_the_keyboard(qtbot, window, store, type_text, wait_idle):
    page = window.go("consultations")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Ctrl+L: log a consultation
    assert QApplication.focusWidget() is page.enquirer.edit
    type_text(page.enquirer, "王经理")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.organisation
    type_text(page.organisation, "西安秦川食品有限公司")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.phone.edit
    qtbot.keyClicks(page.phone.edit, "029-88886666")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.ip_type
    page.ip_type.setCurrentIndex(page.ip_type.findData("trademark"))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.topic.edit
    type_text(page.topic, "网店使用近似商标")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.summary
    type_text(page.summary, "淘宝店铺销售“秦州”牌茶叶")
    qtbot.keyClick(page.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    wait_idle()
    saved = ConsultationService(store).list()
    assert len(saved) == 1
    c = saved[0]
    assert (c.channel, c.enquirer, c.organisation, c.ip_type, c.staff) == \
        ("phone", "王经理", "西安秦川食品有限公司", "trademark", "张三")
    assert "已于" in page.feedback.text()
    # Ready for the next call: fields empty, cursor in the enquirer field.
    assert page.enquirer.text() == "" and QApplication.focusWidget() is page.enquirer.edit


def test_enquirer_autocompletion_fills_organisation_and_phone(qtbot, window, store, type_text, wait_idle):
    ConsultationService(store, "李四").add(NewConsultation(channel="phone", enquirer="王经理", topic="商标续展",
                                                          organisation="西安秦川食品有限公司", phone="13800000000"))
    page = window.go("consultations")
    page.focus_entry()
    type_text(page.enquirer, "王")
    qtbot.waitUntil(lambda: page.completer_model.rowCount() == 1, timeout=5000)
    wait_idle()
    popup = page.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.organisation.text() == "西安秦川食品有限公司", timeout=2000)
    assert page.enquirer.text() == "王经理"
    assert page.phone.text() == "13800000000"


def test_missing_topic_is_shown_not_saved(qtbot, window, store, type_text):
    page = window.go("consultations")
    type_text(page.enquirer, "赵先生")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "必须填写" in page.topic.problem
    assert ConsultationService(store).count() == 0


def test_consultation_turned_into_a_case(qtbot, window, store, type_text, wait_idle):
    service = ConsultationService(store, "李四")
    c = service.add(NewConsultation(channel="walk-in", enquirer="刘女士", topic="离职员工带走技术资料",
                                    organisation="西安星河新材料有限公司", ip_type="trade-secret",
                                    summary="前研发主管离职后在竞争对手处使用配方"))
    page = window.go("consultations")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    wait_idle()
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.convert_button.isEnabled()
    qtbot.mouseClick(page.convert_button, Qt.MouseButton.LeftButton)

    intake = window.pages["intake"]
    assert window.current_key == "intake"
    assert intake.banner.isVisible() and str(c.id) in intake.banner.text()
    assert intake.ip_type == "trade-secret"
    assert intake.applicant_name.text() == "西安星河新材料有限公司"
    assert intake.title.text() == "离职员工带走技术资料"
    type_text(intake.rights["trade-secret"].widgets["secret_description"], "涂料配方及工艺参数")
    qtbot.mouseClick(intake.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_key == "case" and window.pages["case"].case is not None, timeout=10000)
    wait_idle()
    number = window.pages["case"].case.number
    assert service.get(c.id).case_number == number
    assert window.pages["case"].consult_model.rowCount() == 1
    # Back in the log the consultation now shows its case and cannot be converted twice.
    page = window.go("consultations")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).case_number == number, timeout=5000)
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert not page.convert_button.isEnabled() and page.open_case_button.isEnabled()


def test_log_filters_by_channel_date_and_text(qtbot, window, store, type_text, wait_idle):
    from datetime import datetime

    from PySide6.QtCore import QDate

    service = ConsultationService(store, "李四")
    service.add(NewConsultation(channel="phone", enquirer="甲", topic="商标续展", at=datetime(2025, 3, 2, 10, 0)))
    service.add(NewConsultation(channel="walk-in", enquirer="乙", topic="专利无效", at=datetime(2026, 1, 5, 9, 0)))
    service.add(NewConsultation(channel="phone", enquirer="丙", topic="专利许可", at=datetime(2026, 2, 8, 15, 0)))
    page = window.go("consultations")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    page.f_channel.setCurrentIndex(page.f_channel.findData("phone"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=5000)
    page.f_from.setDate(QDate(2026, 1, 1))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    assert page.model.row_at(0).enquirer == "丙"
    page.f_from.setDate(page.f_from.minimumDate())
    type_text(page.search, "续展")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).enquirer == "甲", timeout=5000)
    wait_idle()
    assert page.count_label.text().startswith("1")
