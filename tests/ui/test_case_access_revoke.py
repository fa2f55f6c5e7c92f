"""Issue 14 item 5 in the window: the head takes back access granted to a confidential case ("Revoke access…"
beside "Grant access…" on the case page), after which that officer cannot open the case; and the head
re-seals the files encrypted before per-case keys ("Re-seal confidential files with case keys" on the
Settings page), off the GUI thread with progress. Both buttons are the head's only."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from qcy_workstation.accounts import case_keys
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db import sealed
from qcy_workstation.errors import PermissionDeniedError

ADMIN_PW = "root-password-2026"
HEAD_PW = "head-password-2026"
OFFICER_PW = "officer-password-2026"


@pytest.fixture
def staff(store):  # type: ignore[no-untyped-def]
    """The administrator, the head 王主任 and two officers (张敏 works the case; 李军 does not)."""
    accounts = AccountService(store, sleep=lambda _s: None)
    root = accounts.create_administrator("root", "站长", ADMIN_PW)
    accounts.create(root, "wanghead", "王主任", ["head"], HEAD_PW, must_change=False)
    accounts.create(root, "zhangmin", "张敏", ["officer"], OFFICER_PW, must_change=False)
    accounts.create(root, "lijun", "李军", ["officer"], OFFICER_PW, must_change=False)
    return {"admin": root, "head": accounts.authenticate("wanghead", HEAD_PW),
            "officer": accounts.authenticate("zhangmin", OFFICER_PW),
            "other": accounts.authenticate("lijun", OFFICER_PW)}


@pytest.fixture
def ctx(ctx, staff):  # type: ignore[no-untyped-def]
    ctx.sign_in(staff["admin"])
    return ctx


def log_in(window, principal) -> None:  # type: ignore[no-untyped-def]
    """What the login dialog does once the password is right (tests/ui/test_login.py drives the dialog)."""
    window.ctx.sign_in(principal)
    window.install_pages()


def _secret_case(store, head) -> str:  # type: ignore[no-untyped-def]
    return str(CaseService(store, head).create(NewCase(
        title="配方被前员工带走", ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"),
        staff="张敏", received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="配方", secret_description="配比"),))).number)


def test_the_head_grants_then_revokes_and_the_officer_can_no_longer_open_the_case(
        qtbot, window, store, staff, answer_dialog, wait_idle, type_text, tmp_path: Path) -> None:
    number = _secret_case(store, staff["head"])
    file = tmp_path / "配方.txt"
    file.write_bytes(b"formula " + os.urandom(2048))
    evidence = EvidenceService(store, staff["officer"]).add(number, file)

    log_in(window, staff["head"])
    page = window.go("case", number)
    wait_idle()
    assert page.access.revoke_button.isVisible() and page.access.revoke_button.text() == "收回查看权限…"

    def grant(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "grantAccessDialog", dialog
        dialog.account.setCurrentIndex(dialog.account.findData("lijun"))
        type_text(dialog.reason, "协助核对配方比对")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    answer_dialog(grant)
    qtbot.mouseClick(page.access.grant_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    lijun = staff["other"]
    assert EvidenceService(store, lijun).open_path(evidence.id).read_bytes() == file.read_bytes()

    seen: list[str] = []

    def revoke(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.objectName() == "revokeAccessDialog", dialog
        assert not dialog.ok.isEnabled()  # nobody chosen yet
        assert dialog.account.count() == 1  # only 李军 was granted access; 张敏 is the case officer
        seen.append(dialog.account.itemText(0))
        dialog.account.setCurrentIndex(dialog.account.findData("lijun"))
        assert dialog.ok.isEnabled() and dialog.ok.text() == "收回权限"
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    answer_dialog(revoke)
    qtbot.mouseClick(page.access.revoke_button, Qt.MouseButton.LeftButton)
    wait_idle()
    wait_idle()
    assert seen and "李军" in seen[0] and "协助核对配方比对" in seen[0]
    assert any(e.action == "revoke_access" and e.details.get("account") == "lijun" for e in page.timeline_model.rows)

    # 李军 no longer sees the case: not in his list, and opening it is refused in words
    log_in(window, lijun)
    cases = window.go("cases")
    cases.refresh()
    wait_idle()
    assert number not in {r.number for r in cases.model.rows}
    errors: list[str] = []

    def read_error(box) -> None:  # type: ignore[no-untyped-def]
        errors.append(box.text())
        box.accept()
    answer_dialog(read_error)
    window.go("case", number)
    wait_idle()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert number in errors[0] and "保密" in errors[0]
    with pytest.raises(PermissionDeniedError):
        EvidenceService(store, lijun).open_path(evidence.id)
    with store.read() as s:  # and his wrapping of the case key is gone
        case_id = s.execute(select(Case.id).where(Case.number == number)).scalar_one()
        assert case_keys.open_case_key(s, case_id, lijun) is None


def test_revoking_on_a_case_nobody_was_granted_says_so_and_changes_nothing(
        qtbot, window, store, staff, answer_dialog, wait_idle) -> None:
    number = _secret_case(store, staff["head"])
    log_in(window, staff["head"])
    page = window.go("case", number)
    wait_idle()
    notes: list[str] = []

    def look(dialog) -> None:  # type: ignore[no-untyped-def]
        notes.append(dialog.note.text())
        assert not dialog.ok.isEnabled() and not dialog.account.isEnabled()
        dialog.reject()
    answer_dialog(look)
    qtbot.mouseClick(page.access.revoke_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert notes and number in notes[0] and "没有" in notes[0]
    assert not any(e.action == "revoke_access" for e in page.timeline_model.rows)


def test_only_the_head_sees_revoke_and_re_seal(qtbot, window, store, staff, wait_idle) -> None:
    number = _secret_case(store, staff["head"])
    accounts = AccountService(store, sleep=lambda _s: None)
    accounts.create(staff["admin"], "clerk", "赵管理", ["admin"], ADMIN_PW, must_change=False)
    people = {**staff, "admin": accounts.authenticate("clerk", ADMIN_PW)}  # the first administrator heads too
    for who, shown in (("officer", False), ("admin", False), ("head", True)):
        log_in(window, people[who])
        settings = window.go("settings")
        wait_idle()
        assert settings.rekey.isVisible() is shown, who
        if who != "admin":  # an administrator who is not the head does not see confidential cases
            page = window.go("case", number)
            wait_idle()
            assert page.access.revoke_button.isVisible() is shown, who
            assert page.access.grant_button.isVisible() is shown, who


def test_the_head_re_seals_files_from_before_case_keys_from_the_settings_page(
        qtbot, window, store, staff, wait_idle, tmp_path: Path) -> None:
    # an old confidential file: sealed with the store-wide data key, before per-case keys
    number = _secret_case(store, staff["head"])
    data = b"old formula " + os.urandom(2048)
    area = sealed.BlobArea(store.files_dir, "evidence")
    data_key = staff["officer"].keys.data_key
    with store.write() as s:
        sha = area.write_sealed(s, data, data_key)
        case_id = s.execute(select(Case.id).where(Case.number == number)).scalar_one()
        s.add(Evidence(case_id=case_id, sha256=sha, original_name="旧证据.txt", size=len(data), source="",
                       description="", received_on=date(2026, 11, 3), added_by="张敏"))
    with store.read() as s:
        ev_id = s.execute(select(Evidence.id).where(Evidence.sha256 == sha)).scalar_one()

    log_in(window, staff["head"])
    settings = window.go("settings")
    wait_idle()
    box = settings.rekey
    assert box.rekey_button.text() == "用案件密钥重新加密保密文件"
    progress: list[int] = []
    box.progress.valueChanged.connect(progress.append)
    qtbot.mouseClick(box.rekey_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(box.feedback.text()), timeout=15000)
    assert number in box.feedback.text() and "1" in box.feedback.text()
    assert progress and progress[-1] == 1000 and not box.progress.isVisible() and box.rekey_button.isEnabled()
    assert not area.sealed_with(sha, data_key)  # now under the case's own key
    assert EvidenceService(store, staff["officer"]).open_path(ev_id).read_bytes() == data

    qtbot.mouseClick(box.rekey_button, Qt.MouseButton.LeftButton)  # again: nothing left to do
    qtbot.waitUntil(lambda: box.task is None and "没有" in box.feedback.text(), timeout=15000)
