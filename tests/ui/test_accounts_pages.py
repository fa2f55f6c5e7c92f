"""Stories of issue 14 in the window: the administrator sets up a colleague's account on the Accounts page (the
colleague's first login asks for a new password) and deactivates it; the head reads the audit trail of one
case, sees that it was opened, and exports it; the head lets another officer see a confidential case, with a
reason, and that officer then finds it in the case list."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.audit_log import AuditFilter, AuditLog
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.errors import PermissionDeniedError

ADMIN_PW = "root-password-2026"
HEAD_PW = "head-password-2026"
OFFICER_PW = "officer-password-2026"


@pytest.fixture
def staff(store):  # type: ignore[no-untyped-def]
    """A store with accounts: the administrator, the head and two case officers (张敏 works the case)."""
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", ADMIN_PW)
    accounts.create(root, "wanghead", "王主任", ["head"], HEAD_PW, must_change=False)
    accounts.create(root, "zhangmin", "张敏", ["officer"], OFFICER_PW, must_change=False)
    accounts.create(root, "lijun", "李军", ["officer"], OFFICER_PW, must_change=False)
    return {"admin": root, "head": accounts.authenticate("wanghead", HEAD_PW),
            "officer": accounts.authenticate("zhangmin", OFFICER_PW),
            "other": accounts.authenticate("lijun", OFFICER_PW)}


@pytest.fixture
def ctx(ctx, staff):  # type: ignore[no-untyped-def]
    """As in the application, someone has logged in before the window shows anything."""
    ctx.sign_in(staff["admin"])
    return ctx


def log_in(window, principal) -> None:  # type: ignore[no-untyped-def]
    """What the login dialog does once the password is right (tests/ui/test_login.py drives the dialog)."""
    window.ctx.sign_in(principal)
    window.install_pages()


def _shown(window) -> set[str]:  # type: ignore[no-untyped-def]
    return {window.sidebar.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.sidebar.count())}


def _cell(model, row: int, col: int) -> str:  # type: ignore[no-untyped-def]
    return str(model.data(model.index(row, col)))


def _yes(box) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(box, QMessageBox), box
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)  # Enter would not deactivate
    box.button(QMessageBox.StandardButton.Yes).click()


def test_the_administrator_creates_an_account_the_person_must_change_the_password_and_is_deactivated(
        qtbot, window, store, staff, answer_dialog, wait_idle, type_text) -> None:
    log_in(window, staff["admin"])
    assert {"accounts", "audit"} <= _shown(window)  # the first administrator also heads the workstation
    page = window.go("accounts")
    wait_idle()
    logins = [a.login for a in page.model.rows]
    assert logins == ["root", "wanghead", "zhangmin", "lijun"]
    row = logins.index("wanghead")
    assert _cell(page.model, row, 2) == "负责人" and _cell(page.model, row, 3) == "在用"

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(dialog.login, "chenjie")
    type_text(dialog.name, "陈洁")
    qtbot.mouseClick(dialog.roles.boxes["officer"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.roles.boxes["reviewer"], Qt.MouseButton.LeftButton)
    type_text(dialog.password, "short")
    type_text(dialog.again, "shorter")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.text() == "两次输入的密码不一致。"
    dialog.again.clear()
    type_text(dialog.again, "short")
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)  # the service refuses it: said in the dialog, which stays
    qtbot.waitUntil(lambda: dialog.message.isVisible() and "10" in dialog.message.text(), timeout=10000)
    assert dialog.isVisible() and "密码至少10个字符" in dialog.message.text()
    for edit in (dialog.password, dialog.again):
        edit.clear()
        type_text(edit, "chenjie-first-2026")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    wait_idle()
    row = [a.login for a in page.model.rows].index("chenjie")
    assert _cell(page.model, row, 1) == "陈洁" and _cell(page.model, row, 2) == "承办人、审核人"
    assert "下次登录时修改" in _cell(page.model, row, 5)
    assert "chenjie" in page.status.text()

    # 陈洁 logs in with the first password and must choose her own
    accounts = AccountService(store)
    chen = accounts.authenticate("chenjie", "chenjie-first-2026")
    assert chen.roles == {"officer", "reviewer"} and accounts.must_change_password(chen)

    # a refusal of the service, in plain words: the administrator cannot deactivate their own account
    page.select_login("root")
    answer_dialog(_yes)
    errors: list[str] = []
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)

    def read_error(box) -> None:  # type: ignore[no-untyped-def]
        errors.append(box.text())
        box.accept()
    answer_dialog(read_error)
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert errors == ["不能停用自己的账户。"]

    # 陈洁 leaves: deactivated (after a question whose default is No); her login is refused from now on
    page.select_login("chenjie")
    assert page.active_button.text() == "停用…"
    answer_dialog(_yes)
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    wait_idle()
    row = [a.login for a in page.model.rows].index("chenjie")
    assert _cell(page.model, row, 3) == "已停用" and page.active_button.text() == "启用"
    with pytest.raises(PermissionDeniedError) as refused:
        accounts.authenticate("chenjie", "chenjie-first-2026")
    assert refused.value.reason == "auth.inactive"
    assert {"account_create", "account_active"} <= {r.action for r in AuditLog(store, staff["admin"]).list(
        AuditFilter(actor="站长"))}


def _case(store, head, *, confidential: bool = True, staff: str = "张敏") -> str:  # type: ignore[no-untyped-def]
    detail = CaseService(store, actor=head).create(NewCase(
        title="“秦韵”商标许可纠纷", ip_type="trademark", staff=staff, confidential=confidential,
        applicant=PartyInput(name="西安秦韵茶业有限公司"), opponent=PartyInput(name="咸阳某茶行"),
        rights=(RightInput(kind="trademark", number="10145231", title="秦韵", nice_classes="30"),)))
    return str(detail.number)


def test_the_head_filters_the_audit_trail_by_case_sees_the_view_and_exports_it(
        qtbot, window, store, staff, answer_dialog, wait_idle, type_text, tmp_path: Path) -> None:
    number = _case(store, staff["head"])
    other = _case(store, staff["head"], confidential=False)
    log_in(window, staff["head"])
    assert {"audit", "stats"} <= _shown(window) and "accounts" not in _shown(window)
    case_page = window.go("case", number)  # opening a case is an audited view
    wait_idle()
    assert case_page.access.badge.isVisible() and case_page.access.badge.text() == "保密"
    window.go("case", other)
    wait_idle()
    assert not case_page.access.badge.isVisible()

    page = window.go("audit")
    wait_idle()
    assert {r.case_number for r in page.model.rows} >= {number, other}
    ids = [r.id for r in page.model.rows]
    assert ids == sorted(ids, reverse=True)  # newest first
    type_text(page.case_edit, number.lower())  # typed in lower case: the store's numbers are upper case
    qtbot.keyClick(page.case_edit, Qt.Key.Key_Return)
    wait_idle()
    assert page.model.rows and {r.case_number for r in page.model.rows} == {number}
    views = [r for r in page.model.rows if r.action == "view"]
    assert len(views) == 1 and views[0].actor == "王主任"
    row = page.model.rows.index(views[0])
    assert _cell(page.model, row, 2) == "查看" and _cell(page.model, row, 1) == "王主任"
    assert page.view.editTriggers() == page.view.EditTrigger.NoEditTriggers  # read-only

    page.action.setCurrentIndex(page.action.findData("view"))
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [r.action for r in page.model.rows] == ["view"]

    target = tmp_path / "审计记录.xlsx"

    def save_as(dialog) -> None:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, QFileDialog), dialog
        dialog.selectFile(str(target))
        dialog.accept()
    answer_dialog(save_as)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert target.exists() and "审计记录.xlsx" in page.status.text()
    sheet = load_workbook(target, read_only=True).worksheets[0]
    rows = [[c for c in r] for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r and r[0] == "编号")
    body = [r for r in rows[header + 1:] if r and r[0] is not None]
    assert [(r[2], r[3], r[6]) for r in body] == [("王主任", "view", number)]

    # a case number that does not exist: said on the status line
    page.case_edit.clear()
    type_text(page.case_edit, "QCY-2026-09999")
    qtbot.keyClick(page.case_edit, Qt.Key.Key_Return)
    wait_idle()
    assert "QCY-2026-09999" in page.status.text() and not page.model.rows


def test_the_head_grants_access_to_a_confidential_case_and_the_other_officer_then_sees_it(
        qtbot, window, store, staff, answer_dialog, wait_idle, type_text) -> None:
    number = _case(store, staff["head"])
    log_in(window, staff["other"])  # 李军 is not assigned: the case is not in his list
    cases = window.go("cases")
    cases.refresh()
    wait_idle()
    assert number not in {r.number for r in cases.model.rows}

    log_in(window, staff["head"])
    page = window.go("case", number)
    wait_idle()
    assert page.access.grant_button.isVisible() and page.access.grant_button.text() == "授权查看…"

    def grant(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "grantAccessDialog", dialog
        assert not dialog.ok.isEnabled()  # nobody chosen, no reason yet
        dialog.account.setCurrentIndex(dialog.account.findData("lijun"))
        assert not dialog.ok.isEnabled()  # a reason is required
        type_text(dialog.reason, "协助核对证据清单")
        assert dialog.ok.isEnabled()
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    answer_dialog(grant)
    qtbot.mouseClick(page.access.grant_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    assert any(e.action == "grant_access" and e.details.get("reason") == "协助核对证据清单"
               for e in page.timeline_model.rows)

    log_in(window, staff["other"])
    cases = window.go("cases")
    cases.refresh()
    wait_idle()
    assert number in {r.number for r in cases.model.rows}
    page = window.go("case", number)
    wait_idle()
    assert page.case is not None and page.case.number == number
    assert page.access.badge.isVisible() and not page.access.grant_button.isVisible()  # not the head


def test_an_officer_without_access_is_told_in_words(qtbot, window, store, staff, answer_dialog,
                                                    wait_idle) -> None:
    number = _case(store, staff["head"])
    log_in(window, staff["other"])
    errors: list[str] = []

    def read_error(box) -> None:  # type: ignore[no-untyped-def]
        errors.append(box.text())
        box.accept()
    answer_dialog(read_error)
    window.go("case", number)
    wait_idle()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert number in errors[0] and "保密" in errors[0]



def test_the_statistics_name_enterprises_only_through_the_cases_the_reader_may_see(
        qtbot, window, store, staff, wait_idle) -> None:
    _case(store, staff["head"])  # confidential, 西安秦韵茶业有限公司 applies
    accounts = AccountService(store)
    accounts.create(staff["admin"], "clerk", "赵管理", ["admin"], ADMIN_PW, must_change=False)
    readers = {"admin": accounts.authenticate("clerk", ADMIN_PW), "head": staff["head"]}
    named = {}
    for who, principal in readers.items():
        log_in(window, principal)
        page = window.go("stats")
        page.refresh()
        wait_idle()
        rows = page.cards["top_enterprises"].model.rows
        named[who] = {r[0] for r in rows}
        assert page.result["dashboard"].totals["cases"] == 1  # counted for everyone
    assert "西安秦韵茶业有限公司" in named["head"] and "西安秦韵茶业有限公司" not in named["admin"]
