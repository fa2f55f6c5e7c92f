"""Staff find cases, move them along the workflow and attach evidence."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from qcy_workstation.cases.services import CaseService
from qcy_workstation.ui.models import ROW_ROLE


def test_search_as_you_type_finds_the_case_and_counts(qtbot, window, add_case, type_text, wait_idle):
    add_case(title="“秦川”商标侵权纠纷", applicant="西安秦川食品有限公司")
    kiwi = add_case(title="周至猕猴桃地理标志冒用", applicant="周至县猕猴桃协会", ip_type="gi")
    add_case(title="一种苹果采摘机械手专利侵权纠纷", applicant="杨凌农机有限公司", ip_type="patent")
    page = window.go("cases")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)  # cases written elsewhere appear on refresh
    wait_idle()
    assert page.model.rowCount() == 3
    assert "3" in page.counts.text()

    type_text(page.search, "猕猴桃")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading, timeout=5000)
    wait_idle()
    row = page.model.data(page.model.index(0, 0), ROW_ROLE)
    assert row.number == kiwi.number
    assert "1" in page.counts.text()

    # A filter narrows further; nothing matches: the empty state says what to do.
    page.type_box.setCurrentIndex(page.type_box.findData("patent"))
    qtbot.waitUntil(lambda: page.empty.is_empty, timeout=5000)
    assert "清除" in page.empty.label.text()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)

    # Enter on a row opens the case.
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_key == "case" and window.pages["case"].case is not None, timeout=5000)
    wait_idle()


def test_sorting_asks_the_store_again(qtbot, window, add_case, wait_idle):
    for title in ("乙案", "甲案", "丙案"):
        add_case(title=title, applicant=f"{title}企业有限公司")
    page = window.go("cases")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    wait_idle()
    title_col = next(i for i, c in enumerate(page.model.columns) if c.sort_key == "title")
    page.table.sortByColumn(title_col, Qt.SortOrder.AscendingOrder)
    wait_idle()
    titles = [page.model.row_at(i).title for i in range(page.model.rowCount())]
    assert titles == sorted(titles)
    assert page.model.sort_key == "title" and not page.model.descending


def test_declining_a_case_asks_for_a_reason(qtbot, window, store, add_case, answer_dialog, type_text, wait_idle):
    case = add_case(title="材料不全的申请", applicant="西安某科技有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    assert page.workflow_buttons["accepted"].isEnabled()
    assert page.workflow_buttons["declined"].isEnabled()
    assert not page.workflow_buttons["closed"].isEnabled()  # not allowed from "received"

    checks: dict[str, bool] = {}

    def give_reason(dialog):  # type: ignore[no-untyped-def]
        checks["ok_disabled_before"] = not dialog.ok.isEnabled()
        type_text(dialog.edit, "未提供权利证明，不符合受理条件")
        checks["ok_enabled_after"] = dialog.ok.isEnabled()
        dialog.ok.click()

    answer_dialog(give_reason)
    qtbot.mouseClick(page.workflow_buttons["declined"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case is not None and page.case.status == "declined", timeout=5000)
    wait_idle()
    assert checks == {"ok_disabled_before": True, "ok_enabled_after": True}
    stored = CaseService(store).get(case.number)
    assert stored.status == "declined"
    assert stored.transitions[-1].reason == "未提供权利证明，不符合受理条件"
    assert stored.transitions[-1].by == "张三"
    # Only "reconsider" is possible now; the timeline shows the step with its reason.
    assert page.workflow_buttons["received"].isEnabled()
    assert not page.workflow_buttons["accepted"].isEnabled()
    details = [page.timeline_model.data(page.timeline_model.index(r, 3)) for r in
               range(page.timeline_model.rowCount())]
    assert any("未提供权利证明" in d for d in details)


def test_cancelling_the_reason_leaves_the_case_as_it_was(qtbot, window, store, add_case, answer_dialog, wait_idle):
    case = add_case(title="待定", applicant="西安某科技有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    answer_dialog(lambda dialog: dialog.reject())
    qtbot.mouseClick(page.workflow_buttons["declined"], Qt.MouseButton.LeftButton)
    wait_idle()
    assert CaseService(store).get(case.number).status == "received"


def test_accepting_says_what_follows_and_sets_the_opinion_deadline(qtbot, window, store, add_case, wait_idle,
                                                                   answer_dialog):
    case = add_case(title="受理测试", applicant="西安某科技有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    # Enter on the question is "No": nothing changes
    asked: list[str] = []

    def press_enter(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_dialog(press_enter)
    qtbot.mouseClick(page.workflow_buttons["accepted"], Qt.MouseButton.LeftButton)
    wait_idle()
    assert asked and case.number in asked[0] and "期限" in asked[0]  # the consequence in one line
    assert CaseService(store).get(case.number).status == "received"

    def press_yes(dialog) -> None:  # type: ignore[no-untyped-def]
        yes = dialog.button(QMessageBox.StandardButton.Yes)
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    answer_dialog(press_yes)
    qtbot.mouseClick(page.workflow_buttons["accepted"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case.status == "accepted", timeout=5000)
    wait_idle()
    assert page.case.opinion_due is not None
    assert page.ov_labels["opinion_due"][1].text() == page.case.opinion_due.isoformat()


def test_evidence_dropped_on_the_case_is_hashed_and_opens(qtbot, window, store, add_case, tmp_path, wait_idle,
                                                          type_text):
    case = add_case(title="证据测试", applicant="西安某科技有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    tab = page.evidence
    page.tabs.setCurrentWidget(tab)
    assert tab.empty.is_empty and "SHA-256" in tab.empty.label.text()
    photo = tmp_path / "公证购买照片.jpg"
    content = b"\xff\xd8\xff" + bytes(range(256)) * 4000  # ~1 MB: hashed in chunks with progress
    photo.write_bytes(content)

    type_text(tab.source, "公证购买")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(drop)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    wait_idle()
    row = tab.model.row_at(0)
    assert row.sha256 == hashlib.sha256(content).hexdigest()
    assert row.size == len(content)
    assert row.source == "公证购买" and row.added_by == "张三"
    assert tab.model.data(tab.model.index(0, 2)) == row.sha256
    assert "KB" in tab.model.data(tab.model.index(0, 1)) or "MB" in tab.model.data(tab.model.index(0, 1))
    assert not tab.empty.is_empty

    opened: list[QUrl] = []
    tab.opener = opened.append
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    path = opened[0].toLocalFile()
    assert path.endswith("公证购买照片.jpg")
    with open(path, "rb") as fh:
        assert fh.read() == content
    # The timeline records the evidence with its hash.
    wait_idle()
    assert any(e.action == "add" and e.entity == "evidence" for e in page.timeline_model.rows)


def test_today_lists_overdue_cases_first(qtbot, window, store, wait_idle):
    from datetime import date, timedelta

    from qcy_workstation.cases.dto import NewCase, PartyInput

    cases = CaseService(store, "张三")
    late = cases.create(NewCase(title="久拖未决", ip_type="patent", applicant=PartyInput(name="甲公司"),
                                received_on=date.today() - timedelta(days=40)))
    cases.create(NewCase(title="刚收到", ip_type="patent", applicant=PartyInput(name="乙公司")))
    page = window.go("today")
    qtbot.waitUntil(lambda: page.loaded, timeout=5000)
    wait_idle()
    overdue = page.models["overdue"]
    assert [overdue.row_at(i).number for i in range(overdue.rowCount())] == [late.number]
    assert "1" in page.boxes["overdue"].title()
    from PySide6.QtWidgets import QTableView

    view = page.findChild(QTableView, "overdueTable")
    view.setCurrentIndex(overdue.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_key == "case" and window.pages["case"].case is not None, timeout=5000)
    assert window.pages["case"].case.number == late.number
    wait_idle()


def test_editing_a_case_and_adding_a_right_later(qtbot, window, store, add_case, answer_dialog, type_text,
                                                 wait_idle):
    case = add_case(title="旧名称", applicant="西安某科技有限公司", ip_type="patent")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)

    def edit(dialog):  # type: ignore[no-untyped-def]
        dialog.title.edit.selectAll()
        type_text(dialog.title, "一种猕猴桃分选装置专利侵权纠纷")
        type_text(dialog.opponent, "咸阳某机械有限公司")
        dialog.priority.setCurrentIndex(dialog.priority.findData("high"))
        dialog._accept()

    answer_dialog(edit)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case.title == "一种猕猴桃分选装置专利侵权纠纷", timeout=5000)
    wait_idle()
    stored = CaseService(store).get(case.number)
    assert stored.priority == "high" and stored.opponent is not None
    assert stored.opponent.name == "咸阳某机械有限公司"

    def add(dialog):  # type: ignore[no-untyped-def]
        number = dialog.fields["patent"].widgets["number"]
        type_text(number, "201811564288.X")
        assert not number.problem
        dialog._accept()

    answer_dialog(add)
    qtbot.mouseClick(page.add_right_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.case.rights) == 1, timeout=5000)
    wait_idle()
    assert page.case.rights[0].number == "201811564288.X"
    assert page.rights_model.rowCount() == 1
    actions = {(e.action, e.entity) for e in page.timeline_model.rows}
    assert ("update", "case") in actions and ("add", "right") in actions


def test_verifying_evidence_finds_a_changed_file(qtbot, window, store, add_case, tmp_path, answer_dialog,
                                                 wait_idle):
    import os
    import stat

    from qcy_workstation.cases.evidence import EvidenceService

    case = add_case(title="证据核验", applicant="西安某科技有限公司")
    f = tmp_path / "网页存证.pdf"
    f.write_bytes(b"%PDF-1.4 evidence")
    view = EvidenceService(store, "张三").add(case.number, f)
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None and page.evidence.model.rowCount() == 1, timeout=5000)
    seen: list[str] = []

    def read(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog.text())
        dialog.accept()

    answer_dialog(read)
    qtbot.mouseClick(page.evidence.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "1" in seen[0] and "SHA-256" in seen[0]

    blob = EvidenceService(store).blob_path(view.sha256)
    os.chmod(blob, stat.S_IRUSR | stat.S_IWUSR)
    blob.write_bytes(b"%PDF-1.4 tampered")
    answer_dialog(read)
    qtbot.mouseClick(page.evidence.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert "网页存证.pdf" in seen[1] and "已被改动" in seen[1]
    wait_idle()


def test_pre_check_from_the_case_page_opens_the_pre_check_with_the_case_loaded(qtbot, window, add_case, wait_idle):
    """Staff on a trademark case click "Pre-check…": the pre-check page shows that case, its mark prefilled;
    "Documents…" and "Compensation…" open those pages on the same case."""
    add_case(title="“秦川”商标侵权纠纷", applicant="西安秦川食品有限公司")
    case = add_case(title="“长安”商标侵权纠纷", applicant="西安长安食品有限公司")
    page = window.go("case", case.number)
    wait_idle()
    assert page.case is not None and page.case.number == case.number
    buttons = page.tool_buttons
    assert [b.text() for b in buttons.values()] == ["侵权预判…", "文书…", "赔偿估算…"]
    assert all(b.isVisible() and b.isEnabled() for b in buttons.values())

    qtbot.mouseClick(buttons["precheck"], Qt.MouseButton.LeftButton)
    precheck = window.pages["precheck"]
    qtbot.waitUntil(lambda: precheck.case is not None and precheck.case.number == case.number, timeout=10000)
    assert window.current_key == "precheck"
    assert precheck.case_edit.text() == case.number and precheck.case_title.text() == "“长安”商标侵权纠纷"
    assert precheck.trademark.mark.text() == "秦川"  # the case's registered mark is prefilled
    assert precheck.tabs.currentIndex() == 1  # the trademark tab, for a trademark case

    window.go("case", case.number)
    wait_idle()
    qtbot.mouseClick(buttons["documents"], Qt.MouseButton.LeftButton)
    assert window.current_key == "documents"
    qtbot.waitUntil(lambda: window.pages["documents"].case_edit.text() == case.number, timeout=5000)
    window.go("case", case.number)
    wait_idle()
    qtbot.mouseClick(buttons["compensation"], Qt.MouseButton.LeftButton)
    assert window.current_key == "compensation"
    qtbot.waitUntil(lambda: window.pages["compensation"].case_edit.text() == case.number, timeout=5000)
    wait_idle()


def test_saving_a_case_another_desk_changed_meanwhile_offers_reload_and_keeps_both_edits(
        qtbot, window, store, add_case, answer_dialog, type_text, wait_idle):
    case = add_case(title="秦川商标侵权", applicant="西安秦川食品有限公司")
    page = window.go("case", case.number)
    qtbot.waitUntil(lambda: page.case is not None, timeout=5000)
    asked: list[str] = []

    def edit_while_li_saves(dialog):  # type: ignore[no-untyped-def]
        type_text(dialog.facts, "被申请人在淘宝店铺销售假冒商品。")
        li = CaseService(store, actor="李四")  # at the next desk, 李四 saves the same case first
        li.update(case.number, title="“秦川”商标侵权纠纷（加急）")
        answer_dialog(reload_yes)
        dialog._accept()

    def reload_yes(box):  # type: ignore[no-untyped-def]
        asked.append(box.text())
        answer_dialog(save_again)
        box.button(QMessageBox.StandardButton.Yes).click()

    def save_again(dialog):  # type: ignore[no-untyped-def]
        assert dialog.title.text() == "“秦川”商标侵权纠纷（加急）"  # the case as 李四 left it ...
        assert dialog.facts.toPlainText() == "被申请人在淘宝店铺销售假冒商品。"  # ... with 张三's typing on it
        dialog._accept()

    answer_dialog(edit_while_li_saves)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.case.facts == "被申请人在淘宝店铺销售假冒商品。", timeout=10000)
    wait_idle()
    assert "李四" in asked[0] and case.number in asked[0] and "未保存" in asked[0]
    stored = CaseService(store).get(case.number)
    assert (stored.title, stored.facts) == ("“秦川”商标侵权纠纷（加急）", "被申请人在淘宝店铺销售假冒商品。")
