"""Issue 14 item 3: a trade-secret case is confidential by default. Its officer and the head see it;
another officer and the registrar do not: not in lists, search, Today, conflict-check details, the case-list
export, document lists, the CLI, nor by its number; statistics count it without details. Access granted by the
head, with a reason, is audited and opens it to that one account."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from openpyxl import load_workbook
from sqlalchemy import select

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput, RightInput
from qcy_workstation.cases.export import export_case_list_xlsx
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import PermissionDeniedError
from qcy_workstation.stats.figures import StatsService

PASSWORD = "confidential-2026"
SECRET_TITLE = "高温合金热处理曲线被前员工带走"


@pytest.fixture
def world(tmp_path: Path, open_test_store) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path)
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                               ("chen", "陈洁", ["registrar"]), ("zhao", "赵磊", ["head"])):
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in ("zhang", "liu", "chen", "zhao")}
    head = CaseService(store, who["zhao"])
    secret = head.create(NewCase(
        title=SECRET_TITLE, ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"),
        opponent=PartyInput("咸阳渭河新材料有限公司"), staff="张敏", received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="热处理工艺曲线", secret_description="保温温度与时间的组合曲线"),)))
    plain = head.create(NewCase(title="“秦岭”商标侵权", ip_type="trademark",
                                applicant=PartyInput("西安秦岭茶业有限公司"), staff="刘洋", received_on=date(2026, 11, 2)))
    yield {"store": store, "db": store.url, "who": who, "secret": secret.number, "plain": plain.number}
    store.close()


def _numbers(rows: list[Any]) -> set[str]:
    return {r.number for r in rows}


def test_trade_secret_cases_are_confidential_by_default(world: dict[str, Any]) -> None:
    assert CaseService(world["store"], world["who"]["zhao"]).get(world["secret"]).confidential
    assert not CaseService(world["store"], world["who"]["zhao"]).get(world["plain"]).confidential


def test_a_demo_store_keeps_its_trade_secrets_confidential_too(tmp_path: Path,
                                                              open_test_store) -> None:  # type: ignore[no-untyped-def]
    # staff try the workstation on demo data: the demo's trade-secret cases follow the same default
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.cases.models import Case

    store = open_test_store(tmp_path / "demo")
    try:
        seed_demo(store, cases=200, consultations=0, seed=7)
        with store.read() as s:
            kinds = s.execute(select(Case.ip_type, Case.confidential)).all()
        secrets = [conf for kind, conf in kinds if kind == "trade-secret"]
        assert secrets and all(secrets)
        assert any(conf for kind, conf in kinds if kind != "trade-secret")  # and a few others marked by staff
        assert not all(conf for kind, conf in kinds if kind != "trade-secret")
    finally:
        store.close()


@pytest.mark.parametrize("login", ["liu", "chen"])
def test_a_confidential_case_never_reaches_an_account_without_access(world: dict[str, Any], login: str,
                                                                      tmp_path: Path) -> None:
    store, p, secret = world["store"], world["who"][login], world["secret"]
    cases = CaseService(store, p)
    assert secret not in _numbers(cases.list())
    assert world["plain"] in _numbers(cases.list())
    assert cases.count() == 1 and sum(cases.counts_by_status().values()) == 1
    assert secret not in _numbers(cases.search("热处理")) and secret not in _numbers(cases.search(secret))
    assert all(secret not in _numbers(rows) for rows in cases.deadline_overview().values())
    for call in (lambda: cases.get(secret), lambda: cases.open(secret), lambda: cases.timeline(secret),
                 lambda: DocumentService(store, p).build("advice-letter", secret),
                 lambda: DocumentService(store, p).list(case_number=secret)):
        with pytest.raises(PermissionDeniedError) as refused:
            call()
        assert refused.value.reason == "case.confidential"
    hits = cases.conflict_check("西安秦岭合金材料有限公司")
    assert hits and all(h.confidential and h.case_number == "" and h.case_title == "" for h in hits)
    assert all(SECRET_TITLE not in h.message and secret not in h.message for h in hits)
    out = export_case_list_xlsx(store, CaseFilter(), tmp_path / "cases.xlsx", actor=p)
    cells = {str(c.value) for row in load_workbook(out).active.iter_rows() for c in row}
    assert secret not in cells and SECRET_TITLE not in cells and world["plain"] in cells
    # statistics count every case (figures, not rows)
    assert StatsService(store).dashboard().cases_by_type.get("trade-secret") == 1


def test_the_officer_and_the_head_see_it_and_granted_access_is_audited(world: dict[str, Any]) -> None:
    store, secret = world["store"], world["secret"]
    for login in ("zhang", "zhao"):
        assert secret in _numbers(CaseService(store, world["who"][login]).list())
    with pytest.raises(PermissionDeniedError) as not_head:
        CaseService(store, world["who"]["zhang"]).grant_access(secret, "liu", "协助")
    assert not_head.value.reason == "auth.forbidden"
    CaseService(store, world["who"]["zhao"]).grant_access(secret, "liu", "协助核对工艺参数")
    liu = CaseService(store, world["who"]["liu"])
    assert secret in _numbers(liu.list())
    assert liu.open(secret).title == SECRET_TITLE
    assert secret not in _numbers(CaseService(store, world["who"]["chen"]).list())  # only the one account
    with store.read() as s:
        events = [(e.actor, e.action, json.loads(e.details)) for e in s.execute(
            select(AuditEvent).where(AuditEvent.entity_id == secret).order_by(AuditEvent.id)).scalars()]
    assert ("赵磊", "grant_access", {"account": "liu", "reason": "协助核对工艺参数", "case_key": "none"}) in events
    assert ("刘洋", "view", {"confidential": True}) in events  # opening a case is an audit event


def test_the_cli_keeps_it_from_an_account_without_access(world: dict[str, Any]) -> None:
    world["store"].close()

    def cli(*args: str, token: str | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QCY_TOKEN": token or "", "QCY_FILES": str(world["store"].files_dir)}
        return run_cli(["--db", world["db"], *args],
                              capture_output=True, text=True, env=env, input=stdin, timeout=120)

    token = cli("login", "--user", "liu", "--password-stdin", "--print-token", stdin=PASSWORD + "\n").stdout.strip()
    listed = json.loads(cli("cases", "list", "--json", token=token).stdout)
    assert [c["number"] for c in listed] == [world["plain"]]
    shown = cli("cases", "show", world["secret"], token=token)
    assert shown.returncode == 1 and "case.confidential" in shown.stderr and SECRET_TITLE not in shown.stderr
    assert "Traceback" not in shown.stderr
    searched = json.loads(cli("cases", "search", "热处理", "--json", token=token).stdout)
    assert searched == []
    mismatch = cli("--staff", "赵磊", "cases", "list", token=token)  # naming someone else does not make you them
    assert mismatch.returncode == 1 and "auth.staff_mismatch" in mismatch.stderr
    head = cli("login", "--user", "zhao", "--password-stdin", "--print-token", stdin=PASSWORD + "\n").stdout.strip()
    refused = cli("cases", "grant-access", world["secret"], "--user", "liu", "--reason", "协助", token=token)
    assert refused.returncode == 1 and "case.confidential" in refused.stderr  # only the head grants access
    assert cli("cases", "grant-access", world["secret"], "--user", "liu", "--reason", "协助核对", token=head
               ).returncode == 0
    listed = json.loads(cli("cases", "list", "--json", token=token).stdout)
    assert {c["number"] for c in listed} == {world["plain"], world["secret"]}
