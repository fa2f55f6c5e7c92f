"""Issue 17 item 2 in the window: staff convene an expert panel from a case's Experts tab (an expert in
conflict with a party is shown as such and refused, nothing saved), record each expert's opinion and fee,
conclude the panel and find the conclusion in the reference opinion; the expert pool is kept from the Referrals
page -- by clicks, on a real store. Set QCY_SHOTS=<folder> to keep the screenshots (always rendered and checked)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from qcy_workstation.documents.service import DocumentService
from qcy_workstation.experts.dto import NewExpert
from qcy_workstation.experts.service import ExpertService


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


def _tick(qtbot, listing, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the check box of the list item starting with ``text``."""
    item = next(listing.item(i) for i in range(listing.count()) if listing.item(i).text().startswith(text))
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert item.checkState() == Qt.CheckState.Checked, text


def _error_text(qtbot, parent) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(w.objectName() == "errorDialog" and w.isVisible()
                                for w in parent.findChildren(QMessageBox)))
    box = next(w for w in parent.findChildren(QMessageBox) if w.objectName() == "errorDialog" and w.isVisible())
    text = box.text()
    box.accept()
    return text


def _pool(store) -> ExpertService:  # type: ignore[no-untyped-def]
    svc = ExpertService(store, "张三")
    svc.add_expert(NewExpert(name="王教授", field="通信技术", ipc_classes="H04L", affiliation="西安电子科技大学"))
    svc.add_expert(NewExpert(name="李研究员", field="专利审查", ipc_classes="H04W", affiliation="专利审查协作中心"))
    svc.add_expert(NewExpert(name="赵律师", field="专利诉讼", affiliation="陕西秦川通信科技集团有限公司"))
    return svc


def test_staff_convene_a_panel_see_a_conflict_refused_record_opinions_and_conclude_from_the_case_page(
        qtbot, window, ctx, store, add_case, wait_idle, answer_dialog, type_text, tmp_path) -> None:
    svc = _pool(store)
    case = add_case(title="通信协议专利侵权（疑难）", applicant="西安秦川通信科技有限公司", opponent="咸阳华信电子有限公司",
                    ip_type="patent", facts="对方产品是否落入权利要求1的保护范围存在争议。")
    page = window.go("case", case.number)
    wait_idle()
    wait_idle()
    page.tabs.setCurrentIndex(page.TAB_KEYS.index("experts"))
    tab = page.experts
    assert page.tabs.tabText(page.TAB_KEYS.index("experts")) == "专家论证"
    assert tab.empty.label.isVisible() and "尚未组织专家论证" in tab.empty.label.text()
    assert not tab.buttons["opinion"].isEnabled()

    shown: list[str] = []

    def with_conflict(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "conveneDialog" and not dialog.ok.isEnabled()
        _tick(qtbot, dialog.experts, "王教授")
        assert not dialog.conflict.isVisible()
        _tick(qtbot, dialog.experts, "赵律师")
        assert dialog.conflict.isVisible()
        shown.append(dialog.conflict.text())
        _shot(dialog, tmp_path, "experts-convene-conflict")
        _click(qtbot, dialog.ok)  # staff try anyway: the service refuses

    answer_dialog(with_conflict)
    _click(qtbot, tab.buttons["convene"])
    wait_idle()
    wait_idle()
    assert "利益冲突" in shown[0] and "西安秦川通信科技有限公司" in shown[0] and "赵律师" in shown[0]
    refused = _error_text(qtbot, tab)
    assert "利益冲突" in refused and "西安秦川通信科技有限公司" in refused
    assert svc.list_panels(case.number) == []  # nothing saved

    def good(dialog) -> None:  # type: ignore[no-untyped-def]
        _tick(qtbot, dialog.experts, "王教授")
        _tick(qtbot, dialog.experts, "李研究员")
        type_text(dialog.questions, "被诉产品是否包含权利要求1的全部技术特征？")
        _click(qtbot, dialog.ok)

    answer_dialog(good)
    _click(qtbot, tab.buttons["convene"])
    wait_idle()
    wait_idle()
    assert len(tab.model.rows) == 1 and {s.name for s in tab.seats.rows} == {"王教授", "李研究员"}
    assert tab.buttons["opinion"].isEnabled()

    for name, words, fee in (("王教授", "全部技术特征相同，落入保护范围。", 2000), ("李研究员", "特征C为等同替换。", 0)):
        def opinion(dialog, name=name, words=words, fee=fee) -> None:  # type: ignore[no-untyped-def]
            assert dialog.objectName() == "opinionDialog"
            dialog.expert.setCurrentRow(next(i for i in range(dialog.expert.count())
                                             if dialog.expert.item(i).text().startswith(name)))
            type_text(dialog.opinion, words)
            if fee:
                dialog.fee.setValue(fee)
                dialog.hours.setValue(3.5)
            _click(qtbot, dialog.ok)

        answer_dialog(opinion)
        _click(qtbot, tab.buttons["opinion"])
        wait_idle()
        wait_idle()
    assert sorted((s.name, s.opinion, s.fee) for s in tab.seats.rows) == sorted([
        ("王教授", "全部技术特征相同，落入保护范围。", 2000.0), ("李研究员", "特征C为等同替换。", None)])
    wang = next(i for i, s in enumerate(tab.seats.rows) if s.name == "王教授")
    assert tab.seats.index(wang, 4).data() == "2,000.00"

    def conclude(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "concludeDialog"
        type_text(dialog.conclusion, "多数意见认为被诉产品落入权利要求1的保护范围。")
        type_text(dialog.dissent, "李研究员认为应进一步技术鉴定。")
        _click(qtbot, dialog.ok)

    answer_dialog(conclude)
    _click(qtbot, tab.buttons["conclude"])
    wait_idle()
    wait_idle()
    done = tab.model.rows[0]
    assert done.concluded and not tab.buttons["conclude"].isEnabled()
    assert "1" in tab.hint.text() and "参考意见" in tab.hint.text()
    _shot(window, tmp_path, "experts-case-tab")
    opinion = DocumentService(store, "张三").build("reference-opinion", case.number)
    cited = next(s for s in opinion.sections if s.heading.endswith("专家论证意见"))
    assert any("多数意见认为被诉产品落入权利要求1的保护范围" in b.text for b in cited.blocks)


def test_the_expert_pool_is_kept_from_the_referrals_page(qtbot, window, store, wait_idle, answer_dialog,
                                                         type_text, tmp_path) -> None:
    page = window.go("referrals")
    wait_idle()
    assert page.pool_button.isEnabled() and page.pool_button.text() == "专家库…"
    seen: dict[str, str] = {}

    def add(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "expertDialog"
        type_text(dialog.name, "孙教授")
        type_text(dialog.field, "商标法")
        type_text(dialog.nice, "30, 43")
        type_text(dialog.affiliation, "西北政法大学")
        _click(qtbot, dialog.ok)

    def bad(dialog) -> None:  # type: ignore[no-untyped-def]
        type_text(dialog.name, "钱研究员")
        type_text(dialog.ipc, "Z99")
        _click(qtbot, dialog.ok)

    def pool(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "expertPoolDialog"
        wait_idle()
        assert dialog.empty.label.isVisible()
        answer_dialog(add)
        _click(qtbot, dialog.add_button)
        wait_idle()
        wait_idle()
        assert [e.name for e in dialog.model.rows] == ["孙教授"]
        assert dialog.model.rows[0].nice_classes == ("30", "43")
        answer_dialog(bad)
        _click(qtbot, dialog.add_button)
        wait_idle()
        seen["bad"] = _error_text(qtbot, dialog)
        dialog.view.selectRow(0)
        _click(qtbot, dialog.toggle_button)
        wait_idle()
        wait_idle()
        seen["active"] = str(dialog.model.rows[0].active)
        _shot(dialog, tmp_path, "experts-pool")
        dialog.reject()

    answer_dialog(pool)
    _click(qtbot, page.pool_button)
    wait_idle()
    assert "Z99" in seen["bad"] and "国际专利分类号" in seen["bad"]
    assert seen["active"] == "False"
    assert [e.name for e in ExpertService(store, "张三").list_experts(include_inactive=True)] == ["孙教授"]
    assert ExpertService(store, "张三").list_experts() == []


def test_a_registrar_sees_no_experts_tab_and_a_reviewer_reads_panels_without_changing_them(
        qtbot, window, ctx, store, add_case, wait_idle) -> None:
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.experts.dto import NewPanel

    svc = _pool(store)
    case = add_case(title="外观设计纠纷", applicant="西安某家具有限公司", ip_type="patent")
    svc.add_panel(NewPanel(case_number=case.number, experts=("王教授",), questions="是否近似"))
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", "experts-ui-2026")
    accounts.create(root, "chenjie", "陈洁", ["registrar"], "experts-ui-2026", must_change=False)
    accounts.create(root, "wangjing", "王静", ["reviewer"], "experts-ui-2026", must_change=False)
    ctx.sign_in(accounts.authenticate("chenjie", "experts-ui-2026"))
    page = window.go("case", case.number)
    wait_idle()
    wait_idle()
    index = page.tabs.indexOf(page.experts)
    assert not page.tabs.isTabVisible(index)  # registrars take cases in; panels are not theirs to see
    ctx.sign_in(accounts.authenticate("wangjing", "experts-ui-2026"))
    page.experts.retranslate()
    page.experts.reload()
    wait_idle()
    assert page.tabs.isTabVisible(index)
    assert [p.number for p in page.experts.model.rows] == ["LZ-" + str(case.received_on.year) + "-0001"]
    assert not page.experts.buttons["convene"].isEnabled() and not page.experts.buttons["opinion"].isEnabled()
