"""Story: on the early-warning page staff add a project, see its risks coloured by severity with the new
ones flagged, mark them as seen, and export the memo."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def ui_ctx(qapp, store, register_cases, tmp_path: Path):  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.context import AppContext, Prefs

    ctx = AppContext(store, staff="王静", prefs=Prefs.at(str(tmp_path / "prefs.ini")))
    yield ctx
    ctx.runner.wait_idle(10000)
    ctx.runner.shutdown()


def test_staff_add_a_project_and_follow_its_risks(qtbot, qtmodeltester, ui_ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.pages.warning_page import WarningPage
    from qcy_workstation.warning.dto import NewProject

    page = WarningPage(ui_ctx)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.screened, timeout=30000):
        page.new_project(NewProject(
            title="秦韵茶饮出口", enterprise="杨凌博睿农业科技有限公司", kind="trade", marks=("秦韵",),
            nice_classes="30", counterparties=("咸阳仿冒食品有限公司",)))
    # The list may first arrive from the refresh that page.show() started (before the screening):
    # wait for the one that follows the screening.
    qtbot.waitUntil(lambda: page.current is not None and page.risks.rowCount() == 2
                    and page.projects.rowCount() == 1 and page.projects.rows[0].flagged == 2, timeout=30000)
    risks = page.risks.rows
    assert {r.category for r in risks} == {"trademark", "party"} and all(r.flag == "new" for r in risks)
    qtmodeltester.check(page.risks)
    bg, _fg = page.risks.row_colours(risks[0])
    assert bg is not None  # high risks are highlighted
    page.risk_view.selectRow(0)
    assert page.detail.toPlainText()

    page.acknowledge()
    qtbot.waitUntil(lambda: all(r.flag == "" for r in page.risks.rows), timeout=30000)

    memo = tmp_path / "memo.docx"
    page.export_memo(str(memo))
    qtbot.waitUntil(memo.exists, timeout=30000)
    ui_ctx.runner.wait_idle(10000)
    from docx import Document

    assert any("秦韵" in c.text for t in Document(str(memo)).tables for row in t.rows for c in row.cells)


def test_the_page_rescreens_the_watch_list_when_known_rights_change(qtbot, ui_ctx, register_cases) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
    from qcy_workstation.ui.pages.warning_page import WarningPage
    from qcy_workstation.warning.dto import NewProject
    from qcy_workstation.warning.service import WarningService

    svc = WarningService(ui_ctx.store, actor="王静")
    number = svc.add(NewProject(title="秦韵茶饮", enterprise="杨凌博睿农业科技有限公司", kind="trade",
                                marks=("秦韵",), nice_classes="30")).number
    svc.screen(number)
    svc.acknowledge(number)
    register_cases.create(NewCase(
        title="“秦韵坊”商标纠纷", ip_type="trademark", received_on=date(2026, 5, 6),
        applicant=PartyInput(name="宝鸡秦韵坊食品有限公司"),
        rights=(RightInput(kind="trademark", number="22345678", title="秦韵坊", nice_classes="30"),)))
    page = WarningPage(ui_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.screened, timeout=30000) as blocker:
        pass
    (result,) = blocker.args[0]
    assert [r.target_ref for r in result.new] == ["22345678"]
    qtbot.waitUntil(lambda: page.projects.rowCount() == 1 and page.projects.rows[0].flagged == 1
                    and not page.projects.rows[0].needs_rescreen, timeout=30000)
