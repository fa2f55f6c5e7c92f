"""Issue 17 item 1 in the window: staff refer a case from its page, record the body's answer, write the
referral letter, see the follow-up on Today, and keep the directory of partner bodies -- by clicks, on a
real store. Set QCY_SHOTS=<folder> to keep the screenshots (they are always rendered and checked)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTableView

from qcy_workstation.referrals.dto import NewReferral
from qcy_workstation.referrals.service import ReferralService


def _shot(widget, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{name}.png"
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 10_000  # a real picture, not an empty grab
    if os.environ.get("QCY_SHOTS"):
        shutil.copy(path, Path(os.environ["QCY_SHOTS"]) / path.name)
    return path


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_staff_refer_a_case_record_the_outcome_and_write_the_letter_from_the_case_page(
        qtbot, window, ctx, store, add_case, wait_idle, answer_dialog, type_text, tmp_path, monkeypatch) -> None:
    ReferralService(store, "张三").load_starter_directory()
    case = add_case(title="“秦川”商标在网店被仿冒", applicant="西安秦川食品有限公司", opponent="某网店经营者",
                    facts="对方在网店销售带有近似标志的挂面。")
    page = window.go("case", case.number)
    wait_idle()
    page.tabs.setCurrentIndex(page.TAB_KEYS.index("referrals"))
    tab = page.referrals
    assert tab.empty.label.isVisible() and "尚未转介" in tab.empty.label.text()

    def refer(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "referDialog"
        assert not dialog.ok.isEnabled()  # no body chosen yet
        first = dialog.body.itemText(0)
        assert "名录未列明" not in first  # bodies that take trademark matters come first
        dialog.body.setCurrentIndex(dialog.body.findText("西安市市场监督管理局", Qt.MatchFlag.MatchStartsWith))
        type_text(dialog.request, "请依法查处并责令停止销售")
        dialog.days.setValue(5)
        _click(qtbot, dialog.ok)

    answer_dialog(refer)
    _click(qtbot, tab.buttons["refer"])
    wait_idle()
    wait_idle()
    assert len(tab.model.rows) == 1
    referral = tab.model.rows[0]
    assert referral.body_name == "西安市市场监督管理局" and referral.request == "请依法查处并责令停止销售"
    assert referral.follow_up_on is not None and referral.follow_up_on > referral.referred_on
    assert tab.model.index(0, 1).data() == "西安市市场监督管理局"

    tab.table.selectRow(0)
    assert tab.buttons["outcome"].isEnabled() and tab.buttons["letter"].isEnabled()

    def accepted(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "outcomeDialog"
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("penalty"))
        type_text(dialog.reference, "西市监罚〔2026〕8号")
        type_text(dialog.note, "责令停止侵权，罚款")
        _click(qtbot, dialog.ok)

    answer_dialog(accepted)
    _click(qtbot, tab.buttons["outcome"])
    wait_idle()
    wait_idle()
    done = tab.model.rows[0]
    assert done.outcome == "penalty" and done.body_reference == "西市监罚〔2026〕8号" and done.follow_up_on is None
    assert tab.model.index(0, 5).data() == "作出行政处罚"
    tab.table.selectRow(0)
    assert not tab.buttons["outcome"].isEnabled()  # closed: nothing more to record

    out = tmp_path / "转介函.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    _click(qtbot, tab.buttons["letter"])
    wait_idle()
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "").replace("\n", "")
    assert "知识产权纠纷转介函" in text and "西安市市场监督管理局" in text and "西市监罚〔2026〕8号" in text
    assert tab.last_letter == out
    assert any(e.action == "export" for e in ctx.cases().timeline(case.number) if e.entity == "referral")
    _shot(window, tmp_path, "referrals-case-tab")


def test_today_lists_the_referrals_to_follow_up_and_opens_the_case(
        qtbot, window, store, add_case, wait_idle, tmp_path) -> None:
    service = ReferralService(store, "张三")
    service.load_starter_directory()
    case = add_case(title="专利侵权纠纷", applicant="西安某装备公司", ip_type="patent")
    referral = service.add(NewReferral(body="西安知识产权法庭", case_number=case.number, follow_up_days=1))
    today = window.go("today")
    wait_idle()
    wait_idle()
    assert [r.number for r in today.follow_ups.rows] == [referral.number]
    assert today.follow_up_box.title() == "待跟进的转介（1）"
    _shot(window, tmp_path, "referrals-today")
    view = today.follow_up_box.findChild(QTableView, "followUpTable")
    view.setCurrentIndex(today.follow_ups.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_idle()
    assert window.current_key == "case"
    assert window.page("case").number == case.number


def test_the_directory_page_adds_the_starter_list_and_a_body_and_refuses_a_second_of_the_same_name(
        qtbot, window, wait_idle, answer_dialog, type_text, tmp_path) -> None:
    page = window.go("referrals")
    wait_idle()
    assert page.bodies_empty.label.isVisible()
    _click(qtbot, page.starter_button)
    wait_idle()
    wait_idle()
    names = [b.name for b in page.bodies.rows]
    assert len(names) == 8 and "西安仲裁委员会" in names and "西安海关" in names
    assert all(not b.contact for b in page.bodies.rows)  # no invented phone numbers or addresses

    def add(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "bodyDialog"
        type_text(dialog.name, "西安市某区人民调解委员会")
        dialog.kind.setCurrentIndex(dialog.kind.findData("mediation"))
        for code in ("trademark", "patent"):  # a click on the box itself (the row stretches the widgets)
            box = dialog.matters[code]
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        _click(qtbot, dialog.ok)

    answer_dialog(add)
    _click(qtbot, page.add_body_button)
    wait_idle()
    wait_idle()
    added = next(b for b in page.bodies.rows if b.name == "西安市某区人民调解委员会")
    assert added.kind == "mediation" and added.matters == ("trademark", "patent")
    _shot(window, tmp_path, "referrals-directory")

    seen: list[str] = []

    def again(dialog) -> None:  # type: ignore[no-untyped-def]
        type_text(dialog.name, "西安海关")
        dialog.kind.setCurrentIndex(dialog.kind.findData("customs"))
        _click(qtbot, dialog.ok)

    answer_dialog(again)
    _click(qtbot, page.add_body_button)
    wait_idle()
    qtbot.waitUntil(lambda: any(w.objectName() == "errorDialog" and w.isVisible()
                                for w in page.findChildren(QMessageBox)))
    box = next(w for w in page.findChildren(QMessageBox) if w.objectName() == "errorDialog" and w.isVisible())
    seen.append(box.text())
    box.accept()
    assert "西安海关 已在名录中" in seen[0]
    page.refresh()
    wait_idle()
    assert [b.name for b in page.bodies.rows].count("西安海关") == 1


def test_a_consultation_that_is_no_case_is_referred_from_the_consultations_page(
        qtbot, window, ctx, store, wait_idle, answer_dialog) -> None:
    from qcy_workstation.cases.dto import NewConsultation

    ReferralService(store, "张三").load_starter_directory()
    c = ctx.consultations().add(NewConsultation(channel="phone", enquirer="王经理", organisation="西安某机械厂",
                                                topic="出口货物被仿冒", summary="海外客户发现仿冒件", ip_type="patent"))
    page = window.go("consultations")
    wait_idle()
    page.refresh()
    wait_idle()
    row = next(i for i, r in enumerate(page.model.rows) if r.id == c.id)
    page.table.selectRow(row)
    assert page.refer_button.isEnabled() and page.refer_button.text() == "转介…"

    def refer(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.body.setCurrentIndex(dialog.body.findText("西安海关", Qt.MatchFlag.MatchStartsWith))
        _click(qtbot, dialog.ok)

    answer_dialog(refer)
    _click(qtbot, page.refer_button)
    wait_idle()
    wait_idle()
    [made] = ReferralService(store, "张三").list(consultation_id=c.id)
    assert (made.body_name, made.case_number, made.subject) == ("西安海关", None, "出口货物被仿冒")
    assert made.number in page.detail.text()


def test_the_statistics_page_counts_referrals_by_body_kind_and_outcome(window, store, add_case, wait_idle) -> None:
    service = ReferralService(store, "张三")
    service.load_starter_directory()
    case = add_case(title="商标侵权", applicant="西安某茶业公司")
    made = service.add(NewReferral(body="西安仲裁委员会", case_number=case.number))
    service.record_outcome(made.number, "mediation")
    page = window.go("stats")
    wait_idle()
    wait_idle()
    tables = {t.key: t for t in page.result["tables"]}
    assert tables["referrals_by_body"].rows == (("西安仲裁委员会", 1),)
    assert tables["referrals_by_outcome"].rows == (("达成调解协议", 1),)
    assert tables["referrals_time"].rows[0][1:] == (0.0, 1)  # referred and settled the same day
