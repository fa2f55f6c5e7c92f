"""Story (issue 15 item 5): a desk opens a shared store set up by ``store init-server`` with the URL it was
given (the gate role, which reads no case). 刘洋 logs in for the first time, chooses his own password, and
from then on the desk works as his own database role: the server, not the client, leaves out the
confidential case assigned to 张敏, and his new password is his role's password too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from test_login import _close, _dialog, _start

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.server_roles import account_role, secure_store, with_credentials
from qcy_workstation.db.transfer import open_empty_server

pytestmark = pytest.mark.postgresql_only

ROOT = "root-password-2026"


@pytest.fixture
def desk_url(pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:  # type: ignore[no-untyped-def]
    files = tmp_path / "files"
    monkeypatch.setenv("QCY_FILES", str(files))
    owner = open_empty_server(pg_server.new_database(template=None), files_dir=files)
    try:
        secured = secure_store(owner)
        accounts = AccountService(owner)
        root = accounts.create_administrator("root", "站长", ROOT)
        accounts.create(root, "zhang", "张敏", ["officer"], ROOT, must_change=False)
        accounts.create(root, "liu", "刘洋", ["officer"], "temporary-2026")  # changes it at the first login
        CaseService(owner, root).create(NewCase(title="热处理工艺曲线泄露", ip_type="trade-secret", staff="张敏",
                                                applicant=PartyInput("西安秦岭合金材料有限公司"),
                                                received_on=date(2026, 11, 2)))
        plain = CaseService(owner, root).create(NewCase(title="“秦岭”商标侵权", ip_type="trademark", staff="刘洋",
                                                        applicant=PartyInput("西安秦岭茶业有限公司")))
        liu_id = next(a.id for a in accounts.list(root) if a.login == "liu")
        yield {"desk": secured["desk_url"], "owner": owner.url, "plain": plain.number,
               "role": account_role(owner.server_prefix, liu_id)}
    finally:
        owner.close()


def test_after_the_login_the_desk_works_as_the_accounts_own_database_role(
        qtbot, ui_app, tmp_path, desk_url, monkeypatch, type_text) -> None:
    _app, window, ctx, _startup = _start(tmp_path, desk_url["desk"], monkeypatch)
    try:
        qtbot.waitUntil(lambda: _dialog("loginDialog") is not None, timeout=20000)
        assert ctx.store.session_role.endswith("_gate")  # before the login: the gate, which reads no case
        dialog = _dialog("loginDialog")
        type_text(dialog.login, "liu")
        type_text(dialog.password, "temporary-2026")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _dialog("changePasswordDialog") is not None, timeout=20000)
        assert ctx.store.session_role == desk_url["role"]
        change = _dialog("changePasswordDialog")
        type_text(change.old, "temporary-2026")
        type_text(change.new, "刘洋自己的新密码 2026")
        type_text(change.again, "刘洋自己的新密码 2026")
        qtbot.keyClick(change.again, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.sidebar.count() > 0, timeout=20000)
        assert ctx.store.session_role == desk_url["role"] and ctx.store.restricted
        listed = CaseService(ctx.store, ctx.principal).list(CaseFilter(include_confidential=True), limit=50)
        assert [c.number for c in listed] == [desk_url["plain"]]
    finally:
        _close(window, ctx)
    role_url = with_credentials(desk_url["owner"], desk_url["role"], "刘洋自己的新密码 2026")
    engine = create_engine(role_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1
    finally:
        engine.dispose()
    old = create_engine(with_credentials(desk_url["owner"], desk_url["role"], "temporary-2026"))
    with pytest.raises(OperationalError):
        old.connect().close()
    old.dispose()
