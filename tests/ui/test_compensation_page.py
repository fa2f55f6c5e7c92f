"""Story: staff estimate the damages of a patent case with punitive damages on the calculator page, see
the reasoning line by line with the articles and the total in Chinese capitals, are stopped at the field
when the multiple is outside the statute, and save the estimate on the case so the reference opinion
uses it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt

from qcy_workstation.compensation import CompensationInput, Evidence, estimate, format_rmb, rmb_capitals
from qcy_workstation.documents.service import DocumentService


def _choose(combo, code: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(code))


def test_staff_compute_a_patent_estimate_with_punitive_damages_and_save_it_on_the_case(
        qtbot, window, ctx, store, add_case, wait_idle):  # type: ignore[no-untyped-def]
    case = add_case(title="猕猴桃分拣装置专利侵权", applicant="陕西秦岭智能装备有限公司",
                    opponent="西安渭水机械制造有限公司", ip_type="patent")
    page = window.go("compensation", case.number)
    wait_idle()
    assert page.type_combo.currentData() == "patent"  # taken from the case
    assert "尚未保存估算" in page.status.text()

    page.date_edit.setDate(QDate(2024, 3, 1))
    qtbot.keyClicks(page.amounts["infringer_profit"], "1,200,000")
    _choose(page.confidences["infringer_profit"], "high")
    qtbot.keyClicks(page.amounts["costs"], "50000")
    _choose(page.confidences["costs"], "high")
    qtbot.mouseClick(page.circumstances["intent"]["continued_after_notice"].box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.circumstances["seriousness"]["infringement_as_business"].box, Qt.MouseButton.LeftButton)

    # A multiple of 6 is outside Patent Law Art. 71: the message stands next to the multiple, in Chinese.
    qtbot.keyClicks(page.punitive_multiple, "6")
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    message = page.error_for("punitive_multiple")
    assert "1 至 5 倍" in message and "专利法" in message
    assert page.errors["punitive_multiple"].isVisible()
    assert page.result is None and page.total_label.text() == ""

    page.punitive_multiple.clear()
    qtbot.keyClicks(page.punitive_multiple, "3")
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    assert page.error_for("punitive_multiple") == ""

    expected = estimate(CompensationInput(
        right_type="patent", infringement_date=date(2024, 3, 1), infringer_profit=Evidence.of(1200000, "high"),
        costs=Evidence.of(50000, "high"), punitive_multiple=Decimal(3),
        intent_circumstances=("continued_after_notice",), seriousness_circumstances=("infringement_as_business",)))
    # base 1,200,000 + punitive 3 x 1,200,000 + costs 50,000 (the additive reading, shown with its source)
    assert expected.total == Decimal("4850000.00")
    assert format_rmb(expected.total) in page.total_label.text()
    assert rmb_capitals(expected.total) == "人民币肆佰捌拾伍万元整"
    assert rmb_capitals(expected.total) in page.total_label.text()
    text = page.reasoning.toPlainText()
    for line in expected.lines:  # every line of the reasoning, with its citation
        assert line.label.zh in text
        assert line.citation.zh in text
    assert "惩罚性赔偿：基数 × 3 倍" in text and "人民币 3,600,000.00 元" in text
    assert "惩罚性赔偿的构成" in text and "按乘法理解" in text and "民法典" in text
    assert "低值" in text and "高值" in text

    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已保存到案件" in page.status.text(), timeout=10000)
    service = DocumentService(store, actor="张三")
    saved = service.current_estimate(case.number)
    assert saved is not None and Decimal(str(saved["total"])) == expected.total
    opinion = service.build("reference-opinion", case.number).all_text()
    assert "人民币肆佰捌拾伍万元整" in opinion

    # Coming back to the case later, the saved evidence fills the form again.
    page.amounts["infringer_profit"].clear()
    page.open(case.number)
    wait_idle()
    assert page.amounts["infringer_profit"].text() == "1200000.00"
    assert page.circumstances["intent"]["continued_after_notice"].isChecked()
    assert page.result is not None and page.result.total == expected.total


def test_a_multiple_without_circumstances_or_on_statutory_damages_is_refused_at_its_field(
        qtbot, window, type_text):  # type: ignore[no-untyped-def]
    page = window.go("compensation")
    _choose(page.type_combo, "trademark")
    page.date_edit.setDate(QDate(2025, 5, 1))
    qtbot.keyClicks(page.punitive_multiple, "2")
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    assert "故意情形" in page.error_for("intent_circumstances")

    page.circumstances["intent"]["piracy_or_counterfeiting"].setChecked(True)
    page.circumstances["seriousness"]["repeat_after_penalty"].setChecked(True)
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    assert page.error_for("intent_circumstances") == ""
    assert "不适用于法定赔偿" in page.error_for("punitive_multiple")

    type_text(page.amounts["actual_loss"], "约十二万")
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    assert "不是数字" in page.error_for("actual_loss")

    # Corrected the way staff write amounts (12万 = 120,000), the estimate follows the interface language.
    page.amounts["actual_loss"].clear()
    type_text(page.amounts["actual_loss"], "12万")
    qtbot.mouseClick(page.calc_button, Qt.MouseButton.LeftButton)
    # medium confidence counts 80 % for the likely figure: 96,000 + 2 x 96,000 punitive
    assert "商标法" in page.reasoning.toPlainText() and "人民币贰拾捌万捌仟元整" in page.total_label.text()
    window.set_language("en")
    assert page.calc_button.text() == "Calculate"
    assert "Trademark Law" in page.reasoning.toPlainText() and page.total_label.text().startswith("Likely total: RMB")
    window.set_language("zh_CN")
    assert page.calc_button.text() == "计算"
