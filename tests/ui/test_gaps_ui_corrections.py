"""Staff correct what was logged wrong: a consultation's details, its link to a case, the applicant's contact
details on the case page, and a right recorded by mistake. All on the real window and a real store."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from sqlalchemy import select

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import NewConsultation
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService

VALID_USCC = "91330100716105852F"  # a valid credit code (same as tests/ui/conftest.py)


def _page_with_one_consultation(qtbot, window, store, wait_idle, **kw):  # type: ignore[no-untyped-def]
    c = ConsultationService(store, "李四").add(NewConsultation(channel="phone", enquirer="王经里", topic="商标续展",
                                                              **kw))
    page = window.go("consultations")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    wait_idle()
    page.table.setCurrentIndex(page.model.index(0, 0))
    return page, c


def test_a_misspelt_enquirer_is_corrected_in_the_edit_dialog(qtbot, window, store, answer_dialog, type_text,
                                                              wait_idle):
    page, c = _page_with_one_consultation(qtbot, window, store, wait_idle)
    assert page.edit_button.isEnabled() and page.edit_button.text() == "编辑…"

    def correct(dialog):  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "editConsultationDialog"
        assert dialog.enquirer.text() == "王经里"
        dialog.enquirer.clear()
        type_text(dialog.enquirer, "王经理")
        type_text(dialog.advice, "建议在宽展期内续展")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer_dialog(correct)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ConsultationService(store).get(c.id).enquirer == "王经理", timeout=5000)
    wait_idle()
    saved = ConsultationService(store).get(c.id)
    assert (saved.advice, saved.topic, saved.channel) == ("建议在宽展期内续展", "商标续展", "phone")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).enquirer == "王经理", timeout=5000)
    with store.read() as s:
        details = json.loads(s.execute(select(AuditEvent.details).where(
            AuditEvent.entity == "consultation", AuditEvent.action == "update")).scalar_one())
    assert details["enquirer"] == ["王经里", "王经理"]


def test_linking_to_a_case_by_number_with_a_plain_error_first(qtbot, window, store, add_case, answer_dialog,
                                                               wait_idle):
    case = add_case(title="网店使用近似商标", applicant="西安秦川食品有限公司")
    page, c = _page_with_one_consultation(qtbot, window, store, wait_idle)
    assert page.link_button.isEnabled() and not page.unlink_button.isEnabled()

    def give_number(text):  # type: ignore[no-untyped-def]
        def answer(dialog):  # type: ignore[no-untyped-def]
            assert isinstance(dialog, QInputDialog)
            dialog.setTextValue(text)
            dialog.accept()
        return answer

    answer_dialog(give_number("QCY-2026-99999"))
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(page, "last_error"), timeout=5000)
    wait_idle()
    assert "没有案件 QCY-2026-99999" in page.last_error
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible())
    assert "没有案件" in box.text() and "Traceback" not in box.text()
    box.accept()
    assert ConsultationService(store).get(c.id).case_number is None

    answer_dialog(give_number(case.number.lower()))
    qtbot.mouseClick(page.link_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ConsultationService(store).get(c.id).case_number == case.number, timeout=5000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row_at(0).case_number == case.number,
                    timeout=5000)
    wait_idle()
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.unlink_button.isEnabled() and not page.link_button.isEnabled()

    # Wrong case after all: unlink, after saying yes.
    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ConsultationService(store).get(c.id).case_number is None, timeout=5000)
    wait_idle()
    actions = [e.action for e in CaseService(store).timeline(case.number) if e.entity == "consultation"]
    assert actions[-2:] == ["link", "unlink"]


def test_applicant_phone_changed_on_the_parties_tab_warns_about_its_other_cases(
        qtbot, window, store, add_case, answer_dialog, type_text, wait_idle):
    first = add_case(title="网店使用近似商标", applicant="西安秦川食品有限公司", uscc=VALID_USCC)
    second = add_case(title="展会上的仿冒包装", applicant="西安秦川食品有限公司", uscc=VALID_USCC)
    page = window.go("case", first.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    wait_idle()
    page.tabs.setCurrentIndex(page.TAB_KEYS.index("parties"))
    button = page.party_edit_buttons["applicant"]
    assert button.isEnabled() and not page.party_edit_buttons["opponent"].isEnabled()  # no opponent
    seen: dict[str, str] = {}

    def edit(dialog):  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "editPartyDialog"
        seen["note"] = dialog.shared_note.text() if dialog.shared_note.isVisible() else ""
        type_text(dialog.phone, "029-88887777")
        type_text(dialog.address, "西安市高新区锦业路1号")
        dialog.settled.setChecked(True)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    answer_dialog(edit)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case is not None and page.case.applicant.phone == "029-88887777", timeout=5000)
    wait_idle()
    assert "2 个案件" in seen["note"]
    other = CaseService(store).get(second.number).applicant
    assert (other.phone, other.address, other.settled) == ("029-88887777", "西安市高新区锦业路1号", True)
    shown = [page.applicant_form.itemAt(i).widget().text() for i in range(page.applicant_form.count())
             if page.applicant_form.itemAt(i).widget() is not None]
    assert "029-88887777" in shown
    assert any(e.entity == "party" for e in CaseService(store).timeline(first.number))


def test_a_right_recorded_by_mistake_is_removed_after_confirming(qtbot, window, store, add_case, answer_dialog,
                                                                wait_idle):
    case = add_case(title="网店使用近似商标", applicant="西安秦川食品有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    wait_idle()
    page.tabs.setCurrentIndex(page.TAB_KEYS.index("rights"))
    assert not page.remove_right_button.isEnabled()  # nothing selected yet
    page.rights_view.setCurrentIndex(page.rights_model.index(0, 0))
    assert page.remove_right_button.isEnabled()
    asked: dict[str, str] = {}

    def first_no(box):  # type: ignore[no-untyped-def]
        asked["text"] = box.text()
        box.button(QMessageBox.StandardButton.No).click()

    answer_dialog(first_no)
    qtbot.mouseClick(page.remove_right_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "10145231" in asked["text"] and case.number in asked["text"]
    assert len(CaseService(store).get(case.number).rights) == 1

    answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(page.remove_right_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case is not None and not page.case.rights, timeout=5000)
    wait_idle()
    assert CaseService(store).get(case.number).rights == ()
    assert page.rights_empty.is_empty
    assert [e.action for e in CaseService(store).timeline(case.number) if e.entity == "right"] == ["remove"]
