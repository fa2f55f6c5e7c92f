"""Stories on the pre-check page: staff chart a patent claim against an accused product and correct the
element split, compare 乔丹 with QIAODAN, check a 洛川风味苹果 label from 甘肃, see a trade secret's copied
passages highlighted side by side, and save a result on the case so its reference opinion can cite it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.precheck.common import ENGINE_VERSION
from qcy_workstation.ui.pages.precheck.common import CURRENT_MATCH_BG, GREEN_BG, GREY_BG, MATCH_BG, RED_BG

CLAIMS = ("1. 一种保温杯，包括杯体、杯盖和密封圈，其特征在于：所述杯体为双层不锈钢真空结构；所述杯盖内设有温度显示屏；"
          "所述密封圈由硅胶制成，用于密封杯口。\n"
          "2. 根据权利要求1所述的保温杯，其特征在于：所述杯盖上设有提手。")
PRODUCT = "这款保温杯的杯身采用双层不锈钢抽真空设计，配有杯盖和硅胶密封圈，用于密封杯口，杯盖带提手，杯盖里没有温度显示屏。"
SILENT_PRODUCT = "这款保温杯的杯身采用双层不锈钢抽真空设计，配有杯盖和硅胶密封圈，用于密封杯口，杯盖带提手。"


def _patent_case(cases):  # type: ignore[no-untyped-def]
    return cases.create(NewCase(
        title="保温杯实用新型专利侵权", ip_type="patent", applicant=PartyInput(name="西安秦川家居用品有限公司"),
        opponent=PartyInput(name="咸阳某日用品厂"),
        rights=(RightInput(kind="patent", number="ZL202020123456.8", title="一种保温杯", patent_kind="utility_model",
                           claims=CLAIMS),)))


def _background(model, row: int) -> object:  # type: ignore[no-untyped-def]
    brush = model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    return brush.color() if isinstance(brush, QBrush) else None


def test_staff_chart_a_claim_see_the_missing_element_in_red_and_rerun_with_a_corrected_split(
        qtbot, window, cases, wait_idle, type_text, answer_dialog, qtmodeltester):  # type: ignore[no-untyped-def]
    case = _patent_case(cases)
    page = window.go("precheck", case.number)
    wait_idle()
    tab = page.patent
    assert page.tabs.currentWidget() is tab  # a patent case opens on the patent tab
    assert tab.claims_edit.toPlainText() == CLAIMS  # prefilled from the case's patent right

    type_text(tab.product_edit, PRODUCT)
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(tab.model)
    rows = tab.model.rows
    missing = [i for i, r in enumerate(rows) if r.status == "missing"]
    assert [rows[i].element for i in missing] == ["所述杯盖内设有温度显示屏"]
    assert _background(tab.model, missing[0]) == RED_BG  # the missing element is a red row
    assert _background(tab.model, 0) == GREEN_BG
    assert tab.model.data(tab.model.index(missing[0], 3)) == "缺失"
    assert "未落入保护范围" in tab.verdict.text()
    assert "第7条" in tab.citation.text() and "全面覆盖" in tab.citation.text()  # all-elements rule, cited
    assert tab.disclaimer.text() == "参考性预判，非法律认定"
    assert "权利要求2" in tab.dependents.text()
    assert tab.claim_combo.count() == 2 and "从属" in tab.claim_combo.itemText(1)
    evidence = tab.model.data(tab.model.index(0, 5))
    assert evidence and evidence in PRODUCT

    # The parser took the preamble's 杯体 as a feature of its own and merged the sealing function into the
    # 密封圈 feature: staff remove the one and split the other, then run the claim again.
    items = [tab.elements_list.item(i).text() for i in range(tab.elements_list.count())]
    assert items[0] == "杯体" and items[-1] == "所述密封圈由硅胶制成，用于密封杯口"
    tab.elements_list.setCurrentRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    tab.elements_list.setCurrentRow(tab.elements_list.count() - 1)
    answer_dialog(lambda dialog: dialog.accept())  # the dialog's guess splits at the comma
    qtbot.mouseClick(tab.split_button, Qt.MouseButton.LeftButton)
    corrected = [tab.elements_list.item(i).text() for i in range(tab.elements_list.count())]
    assert corrected == ["杯盖", "密封圈", "所述杯体为双层不锈钢真空结构", "所述杯盖内设有温度显示屏",
                         "所述密封圈由硅胶制成", "用于密封杯口"]
    assert tab.rerun_button.isEnabled()
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.rerun_button, Qt.MouseButton.LeftButton)
    assert [r.element for r in tab.model.rows] == corrected
    assert tab.result.inputs["elements"] == corrected
    assert tab.result.verdict == "not_infringing"
    assert _background(tab.model, 3) == RED_BG
    qtmodeltester.check(tab.model)

    # Claim 2 from the selector: its chart adds the handle to claim 1's features.
    with qtbot.waitSignal(tab.finished, timeout=20000):
        tab.claim_combo.setCurrentIndex(1)
        tab.claim_combo.activated.emit(1)
    assert tab.result.chart.claim == 2
    assert tab.model.rows[-1].origin_claim == 2 and "提手" in tab.model.rows[-1].element


def test_trademark_comparison_shows_likely_confusion_with_its_factors(
        qtbot, window, wait_idle, type_text, qtmodeltester):  # type: ignore[no-untyped-def]
    page = window.go("precheck")
    page.tabs.setCurrentWidget(page.trademark)
    tab = page.trademark
    type_text(tab.mark, "乔丹")
    qtbot.keyClicks(tab.classes, "25")
    qtbot.keyClicks(tab.other, "QIAODAN")
    qtbot.keyClicks(tab.other_classes, "25")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    # A Chinese mark and its bare pinyin: not similar in principle (the Trademark Office's 2001 standard) ...
    res = tab.result
    assert not res.likely_confusion
    names = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert "汉字与拼音" in names
    # ... unless the earlier mark is well known: the clerk ticks the claim and compares again.
    tab.well_known.setFocus()
    qtbot.keyClick(tab.well_known, Qt.Key.Key_Space)  # the box spans the row: the keyboard ticks it
    assert tab.well_known.isChecked()
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    res = tab.result
    assert res.likely_confusion and res.risk == "high"
    assert tab.confusion.text() == "可能造成混淆"
    assert str(res.score) in tab.score.text()
    assert "高" in tab.risk.text()
    qtmodeltester.check(tab.model)
    names = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert "跨文字读音" in names and "商品/服务" in names
    sentences = [tab.model.data(tab.model.index(r, 2)) for r in range(tab.model.rowCount())]
    assert any("qiaodan" in s and "乔丹" in s for s in sentences)  # a sentence staff can put in a letter
    assert page.save_button.isEnabled()  # computed without a case; saving needs one

    # Switching the language keeps the result and shows it in English.
    window.set_language("en")
    try:
        assert tab.confusion.text() == "Likely confusion" and "high" in tab.risk.text()
        assert tab.model.data(tab.model.index(1, 0)) == "Across scripts"
        assert "Across scripts" in tab.model.data(tab.model.index(1, 2))
        assert page.patent.verdict.text().startswith("No comparison yet")
    finally:
        window.set_language("zh_CN")
    assert tab.confusion.text() == "可能造成混淆"


def test_gi_label_from_outside_the_protected_area_is_misuse(qtbot, window, type_text):  # type: ignore[no-untyped-def]
    page = window.go("precheck")
    page.tabs.setCurrentWidget(page.gi)
    tab = page.gi
    type_text(tab.label_edit, "洛川风味苹果")
    type_text(tab.region_edit, "甘肃省天水市")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.result.verdict == "misuse"
    assert "地理标志" in tab.verdict.text() and "洛川苹果" in tab.verdict.text()
    details = tab.details.toPlainText()
    assert "陕西省延安市洛川县" in details  # the protected area
    assert "风味" in details  # the qualifier does not make it lawful
    assert "商标法" in details and "第16条" in details
    assert "参考性预判，非法律认定" in details


SECRET = "本公司配方的核心在于将发酵温度控制在32至35摄氏度之间，并加入千分之三的复合酶制剂。发酵时间为48小时，之后低温陈化。"
SUSPECT = "据查，对方工艺将发酵温度控制在32至35摄氏度之间，并加入千分之三的复合酶制剂。另外包装采用铝箔袋。"


def test_trade_secret_matches_are_highlighted_side_by_side(qtbot, window, type_text, qtmodeltester):  # type: ignore[no-untyped-def]
    page = window.go("precheck")
    page.tabs.setCurrentWidget(page.trade_secret)
    tab = page.trade_secret
    type_text(tab.secret, SECRET)
    type_text(tab.suspect, SUSPECT)
    type_text(tab.measures, "保密协议")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    res = tab.result
    assert res.matches and 0 < res.similarity < 100
    assert f"{res.similarity} / 100" in tab.similarity.text() or str(res.similarity) in tab.similarity.text()
    copied = "将发酵温度控制在32至35摄氏度之间，并加入千分之三的复合酶制剂"
    for which, text in (("secret", SECRET), ("suspect", SUSPECT)):
        ranges = tab.highlighted_ranges(which)
        assert ranges, which
        start, end, colour = ranges[0]
        assert copied in text[start:end] or text[start:end] in copied
        assert colour == MATCH_BG.name()
    qtmodeltester.check(tab.match_model)
    qtmodeltester.check(tab.check_model)
    qtmodeltester.check(tab.point_model)

    # The secret points come first: each with its status; clicking one selects it in both texts.
    assert tab.results_tabs.currentWidget() is tab.point_table
    assert tab.point_model.rowCount() == len(res.points) >= 2
    statuses = [tab.point_model.data(tab.point_model.index(r, 1)) for r in range(tab.point_model.rowCount())]
    assert "相同" in statuses
    found = statuses.index("相同")
    rect = tab.point_table.visualRect(tab.point_model.index(found, 0))
    qtbot.mouseClick(tab.point_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.secret.textCursor().selectedText() == res.points[found].secret.text

    # Clicking the match marks it in the stronger colour in both texts and scrolls both to it.
    bar = tab.results_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tab.results_tabs.currentWidget() is tab.match_table
    rect = tab.match_table.visualRect(tab.match_model.index(0, 3))
    qtbot.mouseClick(tab.match_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current_match == 0
    assert tab.highlighted_ranges("secret")[0][2] == CURRENT_MATCH_BG.name()
    assert tab.highlighted_ranges("suspect")[0][2] == CURRENT_MATCH_BG.name()
    assert tab.suspect.textCursor().position() == res.matches[0].suspect_start
    assert tab.secret.textCursor().position() == res.matches[0].secret_start

    # The statutory checklist: measures indicated, commercial value still needed.
    statuses = {c.key: c.status for c in res.checklist}
    assert statuses["measures"] == "indicated" and statuses["commercial_value"] == "missing"
    labels = [tab.check_model.data(tab.check_model.index(r, 1)) for r in range(tab.check_model.rowCount())]
    assert "已具备" in labels and "缺失" in labels
    needed = [tab.check_model.data(tab.check_model.index(r, 3)) for r in range(tab.check_model.rowCount())]
    assert any("研发投入" in n for n in needed)


def test_saving_a_result_on_the_case_lists_it_and_the_opinion_can_cite_it(
        qtbot, window, store, add_case, wait_idle, type_text, qtmodeltester):  # type: ignore[no-untyped-def]
    case = add_case(title="乔丹商标侵权", applicant="乔丹体育股份有限公司", opponent="晋江某鞋业有限公司")
    page = window.go("precheck", case.number)
    wait_idle()
    tab = page.trademark
    assert page.tabs.currentWidget() is tab
    assert tab.mark.text() == "秦川" and tab.classes.text() == "30"  # prefilled from the case's trademark
    tab.mark.clear()
    type_text(tab.mark, "乔丹")
    tab.classes.clear()
    qtbot.keyClicks(tab.classes, "25")
    qtbot.keyClicks(tab.other, "QIAODAN")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.saved, timeout=10000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "已保存到案件" in page.status.text()
    saved = page.saved_tab.model
    qtmodeltester.check(saved)
    assert saved.rowCount() == 1
    assert "乔丹" in saved.data(saved.index(0, 2)) and saved.data(saved.index(0, 3)) == ENGINE_VERSION
    assert "(1)" in page.tabs.tabText(4) or "（1）" in page.tabs.tabText(4)
    page.tabs.setCurrentWidget(page.saved_tab)
    assert "QIAODAN" in page.saved_tab.detail.toPlainText()

    from qcy_workstation.documents.service import DocumentService

    data = DocumentService(store, actor="张三").case_data(case.number)
    assert [p["kind"] for p in data.prechecks] == ["trademark"]
    assert data.prechecks[0]["other"] == "QIAODAN"

    # Opening the case again later lists the saved result.
    page.saved_tab.model.set_rows([])
    page.open(case.number)
    wait_idle()
    assert page.saved_tab.model.rowCount() == 1


def test_staff_confirm_an_uncertain_feature_and_the_verdict_follows_the_all_elements_rule(
        qtbot, window, cases, wait_idle, type_text, qtmodeltester):  # type: ignore[no-untyped-def]
    """The listing says nothing about a temperature display: the engine shows the feature grey ("not found,
    to check") and flags it. The clerk checks the sample, finds no display and marks it absent: the verdict
    becomes not infringing, the staff reading is on the row and in the saved inputs; "Engine's reading"
    takes it back."""
    case = _patent_case(cases)
    page = window.go("precheck", case.number)
    wait_idle()
    tab = page.patent
    type_text(tab.product_edit, SILENT_PRODUCT)
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    row = next(i for i, r in enumerate(tab.model.rows) if "温度显示屏" in r.element)
    assert tab.model.rows[row].status == "unclear" and _background(tab.model, row) == GREY_BG
    assert tab.result.verdict != "not_infringing" and "待核实" in tab.result.to_dict()["verdict_zh"]
    assert "⚑" in tab.review_label.text()  # the uncertain feature is listed with its best passages
    assert not tab.confirm_missing.isEnabled()  # nothing selected yet
    rect = tab.table.visualRect(tab.model.index(row, 2))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.confirm_missing.isEnabled() and not tab.confirm_undo.isEnabled()
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.confirm_missing, Qt.MouseButton.LeftButton)
    confirmed = tab.model.rows[row]
    assert confirmed.status == "missing" and confirmed.basis == "staff" and confirmed.engine_status == "unclear"
    assert "工作人员确认" in tab.model.data(tab.model.index(row, 6))
    assert tab.result.verdict == "not_infringing"
    assert "未落入" in tab.verdict.text()
    assert tab.result.inputs["confirmations"][0]["status"] == "missing"
    assert _background(tab.model, row) == RED_BG
    qtmodeltester.check(tab.model)

    assert tab.confirm_undo.isEnabled()  # the same row stays selected after the re-run
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.confirm_undo, Qt.MouseButton.LeftButton)
    assert tab.result.verdict != "not_infringing" and tab.model.rows[row].basis != "staff"
    assert tab.result.inputs["confirmations"] == []


def test_a_sign_with_a_part_of_its_own_is_marked_for_review_until_staff_confirm_the_reputation(
        qtbot, window, type_text):  # type: ignore[no-untyped-def]
    page = window.go("precheck")
    page.tabs.setCurrentWidget(page.trademark)
    tab = page.trademark
    type_text(tab.mark, "卡维特")
    qtbot.keyClicks(tab.classes, "33")
    type_text(tab.other, "鑫磊卡维特酒庄")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert not tab.result.likely_confusion
    assert "需人工复核" in tab.review.text()
    names = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert "另含独立显著部分" in names
    # The clerk knows the right holder's wine is well known in the trade: ticks the reputation box, compares again.
    tab.reputed.setFocus()
    qtbot.keyClick(tab.reputed, Qt.Key.Key_Space)
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.result.likely_confusion and tab.confusion.text() == "可能造成混淆"
    assert tab.result.inputs["reputed"] is True


def test_the_staff_reading_is_saved_with_the_result_and_bad_input_saves_nothing(
        qtbot, window, cases, store, wait_idle, type_text, answer_dialog, tmp_path):  # type: ignore[no-untyped-def]
    """The clerk marks the unlisted temperature display absent and saves the chart on the case: the saved
    result carries her reading next to the engine's. Then a pasted product description in the claims field
    and a scanned PDF opened as the product are refused by name, and nothing more is saved."""
    from PySide6.QtWidgets import QFileDialog, QWidget

    from qcy_workstation.precheck.results import PrecheckResultService

    case = _patent_case(cases)
    page = window.go("precheck", case.number)
    wait_idle()
    tab = page.patent
    type_text(tab.product_edit, SILENT_PRODUCT)
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    row = next(i for i, r in enumerate(tab.model.rows) if "温度显示屏" in r.element)
    rect = tab.table.visualRect(tab.model.index(row, 2))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.confirm_missing, Qt.MouseButton.LeftButton)
    assert tab.result.verdict == "not_infringing"
    with qtbot.waitSignal(page.saved, timeout=10000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    saved = PrecheckResultService(store, "张三").list(case.number)
    assert len(saved) == 1 and saved[0].kind == "patent"
    assert saved[0].inputs["confirmations"][0]["status"] == "missing"
    kept = next(e for e in saved[0].result["elements"] if "温度显示屏" in e["element"])
    assert kept["status"] == "missing" and kept["basis"] == "staff" and kept["engine_status"] == "unclear"
    assert saved[0].result["verdict"] == "not_infringing"
    assert [d["claim"] for d in saved[0].result["dependent_claims"]] == [2]  # dependent claim charted too

    # A product description pasted into the claims field: refused, naming the claims.
    tab.claims_edit.clear()
    type_text(tab.claims_edit, "这款保温杯的杯身采用双层不锈钢抽真空设计，配有杯盖。")
    qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.run_button.isEnabled() and "比对" not in page.status.text(), timeout=20000)
    assert "权利要求: 未找到权利要求" in page.status.text()
    assert "Traceback" not in page.status.text()

    # A scanned PDF opened as the product description: refused by name, the typed text stays.
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4\x00\x01\x02\x03" * 50)

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        dialog.setDirectory(str(tmp_path))
        dialog.selectFile(str(scan))
        dialog.accept()

    answer_dialog(choose)
    qtbot.mouseClick(tab.product_open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "扫描件.pdf" in page.status.text(), timeout=10000)
    assert tab.product_edit.toPlainText() == SILENT_PRODUCT
    assert len(PrecheckResultService(store, "张三").list(case.number)) == 1  # nothing more saved


def test_a_pair_the_words_cannot_decide_shows_needs_review_with_its_reasons(
        qtbot, window, type_text):  # type: ignore[no-untyped-def]
    """Issue 10: 海天 / 每天 (two characters, one apart). The clerk compares them by clicks; the page does not
    answer red or green but amber "needs review", and lists what the words cannot show, with the source."""
    page = window.go("precheck")
    page.tabs.setCurrentWidget(page.trademark)
    tab = page.trademark
    type_text(tab.mark, "海天")
    qtbot.keyClicks(tab.classes, "30")
    type_text(tab.other, "每天")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.result.needs_review
    assert tab.confusion.text().startswith("需人工复核（得分倾向：")
    review = tab.review.text()
    assert "不得在致企业的函件中作为确定结论" in review
    assert "仅一字（字母）不同" in review and "商标审查审理指南" in review and "知名度" in review
    assert tab.review.isVisible()
    window.set_language("en")
    try:
        assert tab.confusion.text().startswith("Needs review (the score leans to:")
        assert "CNIPA guideline" in tab.review.text() and "reputation" in tab.review.text()
    finally:
        window.set_language("zh_CN")
    # A pair the words do decide (identical marks, same goods) gets a plain answer and no review text.
    tab.mark.clear()
    tab.other.clear()
    type_text(tab.mark, "山楂树下")
    type_text(tab.other, "山楂树下")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert tab.confusion.text() == "可能造成混淆" and tab.review.text() == ""
