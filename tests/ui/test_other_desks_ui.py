"""Two desks on one PostgreSQL store (issue 15 item 4): what another desk saves shows up on this desk's cases
list, Today and an open case page by itself, without a click or F5; an edit dialog open on that case keeps
what was typed and says the case changed. The other desk is a second ``Store`` (its own engine and
connections) in the test, as it would be another workstation."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import open_store

pytestmark = pytest.mark.postgresql_only


@pytest.fixture
def other_desk(store_url: str, store_files: Path | None):  # type: ignore[no-untyped-def]
    desk = open_store(store_url, files_dir=store_files)
    yield CaseService(desk, actor="李四")
    desk.close()


def listening(window) -> bool:  # type: ignore[no-untyped-def]
    listener = window.other_desks.listener
    return listener is not None and listener.ready.wait(10)


def titles(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [page.model.row_at(i).title for i in range(page.model.rowCount())]


def test_a_case_renamed_at_another_desk_shows_on_the_open_list_and_case_page_without_a_click(
        qtbot, window, add_case, wait_idle, other_desk) -> None:  # type: ignore[no-untyped-def]
    case = add_case(title="秦川商标侵权纠纷", applicant="西安秦川食品有限公司")
    page = window.go("cases")
    qtbot.keyClick(page.table, Qt.Key.Key_F5)
    wait_idle()
    assert titles(page) == ["秦川商标侵权纠纷"]
    assert listening(window)

    other_desk.update(case.number, title="秦川商标侵权纠纷（李四已补充证据）")
    qtbot.waitUntil(lambda: titles(page) == ["秦川商标侵权纠纷（李四已补充证据）"], timeout=5000)

    # A case registered at the other desk joins the list, and Today (received a month ago: acceptance overdue).
    today = window.go("today")
    wait_idle()
    before = today.models["overdue"].rowCount()
    window.go("cases")
    added = other_desk.create(NewCase(title="周至猕猴桃地理标志冒用", ip_type="gi",
                                      applicant=PartyInput("周至县猕猴桃协会"),
                                      received_on=china_today() - timedelta(days=30)))
    qtbot.waitUntil(lambda: "周至猕猴桃地理标志冒用" in titles(page), timeout=5000)
    qtbot.waitUntil(lambda: today.models["overdue"].rowCount() == before + 1, timeout=5000)

    # The case page open on one case follows the other desk's edit of it.
    window.open_case(added.number)
    detail = window.pages["case"]
    qtbot.waitUntil(lambda: detail.case is not None and detail.case.number == added.number, timeout=5000)
    other_desk.update(added.number, title="周至猕猴桃地理标志冒用（已受理）")
    qtbot.waitUntil(lambda: "（已受理）" in detail.heading.text(), timeout=5000)
    wait_idle()


def test_an_edit_dialog_keeps_its_input_and_says_the_case_changed_elsewhere(
        qtbot, window, add_case, wait_idle, answer_dialog, other_desk) -> None:  # type: ignore[no-untyped-def]
    case = add_case(title="秦川商标侵权纠纷", applicant="西安秦川食品有限公司")
    window.open_case(case.number)
    detail = window.pages["case"]
    qtbot.waitUntil(lambda: detail.case is not None, timeout=5000)
    assert listening(window)
    seen: dict[str, object] = {}

    def while_open(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.title.setText("秦川商标侵权纠纷（张三的修改）")
        other_desk.update(case.number, staff="李四")
        qtbot.waitUntil(dialog.changed_elsewhere.isVisible, timeout=5000)
        seen["title"] = dialog.title.text()
        seen["note"] = dialog.changed_elsewhere.text()
        dialog.reject()

    answer_dialog(while_open)
    qtbot.mouseClick(detail.edit_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert seen["title"] == "秦川商标侵权纠纷（张三的修改）"  # nothing typed was thrown away
    assert "另一" in str(seen["note"]) or "another desk" in str(seen["note"]).lower()
    qtbot.waitUntil(lambda: detail.case is not None and detail.case.staff == "李四", timeout=5000)
    wait_idle()
