"""Staff take in cases of each IP type through the intake form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from qcy_workstation.cases.services import CaseService

VALID_USCC = "91330100716105852F"
VALID_USCC_2 = "9144030071526726XG"
BAD_USCC = "91610000220530069K"  # wrong check character (DOMAIN.md)

RIGHT_INPUT = {
    "trademark": {"number": "10145231", "title": "秦川", "nice_classes": "30，35", "similar_groups": "3002"},
    "patent": {"number": "ZL202010566088.9", "title": "一种猕猴桃分选装置"},
    "gi": {"title": "洛川苹果", "protected_area": "延安市洛川县"},
    "trade-secret": {},
}


def _type_right(type_text, fields, values):  # type: ignore[no-untyped-def]
    for key, text in values.items():
        widget = fields.widgets[key]
        type_text(widget, text)


@pytest.mark.parametrize("ip_type", ["trademark", "patent", "gi", "trade-secret"])
def test_staff_take_in_a_case_after_fixing_a_mistyped_credit_code(qtbot, window, ctx, store, wait_idle, type_text, ip_type):
    page = window.go("intake")
    qtbot.mouseClick(page.type_radios[ip_type], Qt.MouseButton.LeftButton)
    assert page.right_stack.currentWidget() is page.rights[ip_type]
    type_text(page.title.edit, f"{ip_type} 纠纷 测试")
    type_text(page.applicant_name.edit, "西安秦川猕猴桃科技有限公司")
    type_text(page.applicant_uscc.edit, BAD_USCC)
    # The mistake shows while typing, and says which check character is right.
    assert page.applicant_uscc.message.isVisible()
    assert "校验位" in page.applicant_uscc.problem
    fields = page.rights[ip_type]
    _type_right(type_text, fields, RIGHT_INPUT[ip_type])
    if ip_type == "trade-secret":
        type_text(fields.widgets["secret_description"], "猕猴桃保鲜工艺参数")
        type_text(fields.widgets["secrecy_measures"], "保密协议、门禁")
    if ip_type == "patent":  # the kind follows from the number
        kind_box = fields.widgets["patent_kind"]
        assert isinstance(kind_box, QComboBox) and kind_box.currentData() == "invention"

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "请更正" in page.feedback.text()
    assert CaseService(store).count() == 0

    page.applicant_uscc.edit.clear()
    type_text(page.applicant_uscc.edit, VALID_USCC)
    assert not page.applicant_uscc.problem
    assert "2026" in page.deadline_text.text() or "20" in page.deadline_text.text()
    qtbot.keyClick(page.title.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    qtbot.waitUntil(lambda: window.current_key == "case" and window.pages["case"].case is not None, timeout=10000)
    wait_idle()

    detail = window.pages["case"].case
    assert detail.type == ip_type
    assert detail.applicant.uscc == VALID_USCC
    assert detail.acceptance_due is not None
    stored = CaseService(store).get(detail.number)
    assert stored.created_by == "张三"
    if ip_type == "trademark":
        assert stored.rights[0].nice_classes == "30,35"
    elif ip_type == "patent":
        assert stored.rights[0].number == "ZL202010566088.9" and stored.rights[0].patent_kind == "invention"
    elif ip_type == "gi":
        assert stored.rights[0].title == "洛川苹果"
    else:
        assert stored.rights[0].secret_description == "猕猴桃保鲜工艺参数"
    # The form is empty again for the next enterprise.
    assert page.title.text() == "" and page.applicant_name.text() == ""


def test_inline_validation_of_patent_number_and_classes(qtbot, window, type_text):
    page = window.go("intake")
    page.set_type("patent")
    number = page.rights["patent"].widgets["number"]
    type_text(number.edit, "202310123456.7")  # invalid check digit (DOMAIN.md)
    assert "校验位" in number.problem
    number.edit.clear()
    type_text(number.edit, "201811564288.X")
    assert not number.problem
    page.set_type("trademark")
    classes = page.rights["trademark"].widgets["nice_classes"]
    type_text(classes.edit, "25, 46")
    assert "1 至 45" in classes.problem


def test_conflict_check_warns_before_saving(qtbot, window, ctx, store, add_case, answer_dialog, wait_idle, type_text):
    existing = add_case(title="“秦川”商标侵权纠纷", applicant="西安秦川食品有限公司", opponent="咸阳大雁电子有限公司",
                        uscc=VALID_USCC_2)
    page = window.go("intake")
    type_text(page.title.edit, "反向纠纷")
    # The opposing party of the earlier case now asks for help: the workstation acted against it.
    type_text(page.applicant_name.edit, "咸阳大雁电子有限公司")
    type_text(page.opponent_name.edit, "西安秦川食品有限公司")
    qtbot.waitUntil(lambda: bool(page.conflicts) and "利益冲突" in page.conflict_status.text(), timeout=5000)
    assert any(h.kind == "conflict" and h.case_number == existing.number for h in page.conflicts)
    assert page.conflict_list.count() >= 1

    seen: list[str] = []

    def go_back(dialog):  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        back = next(b for b in dialog.buttons() if b.text() == "返回修改")
        back.click()

    answer_dialog(go_back)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and "未保存" in page.feedback.text(), timeout=5000)
    assert existing.number in seen[0]
    assert CaseService(store).count() == 1

    def save_anyway(dialog):  # type: ignore[no-untyped-def]
        next(b for b in dialog.buttons() if b.text() == "仍然保存").click()

    answer_dialog(save_anyway)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: CaseService(store).count() == 2, timeout=5000)
    wait_idle()
