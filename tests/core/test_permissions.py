"""Issue 14 item 2: roles enforced in the services. One test per row of ``accounts/data/permissions.json``:
each role (and an officer not assigned to the case) does the action through the service the UI and the CLI
call; it succeeds exactly where the table says, and a refusal is coded (``auth.forbidden`` /
``auth.not_assigned`` / ``case.confidential``) and changes nothing."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from qcy_workstation.accounts.permissions import table
from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.audit_log import AuditLog
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.sealing import rekey
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.compensation import CompensationInput, Evidence
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import PermissionDeniedError, StoreError
from qcy_workstation.experts.dto import NewExpert, NewPanel
from qcy_workstation.experts.service import ExpertService
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.precheck.register import import_register
from qcy_workstation.precheck.results import PrecheckResultService
from qcy_workstation.referrals.dto import NewBody, NewReferral
from qcy_workstation.referrals.service import ReferralService
from qcy_workstation.stats.export import export_tables_xlsx
from qcy_workstation.tables import Table
from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

PASSWORD = "permission-matrix-2026"
PEOPLE = {  # login -> (display name, roles); 张敏 is the officer every test case is assigned to
    "registrar": ("陈洁", ["registrar"]), "officer": ("张敏", ["officer"]), "other_officer": ("刘洋", ["officer"]),
    "reviewer": ("王静", ["reviewer"]), "head": ("赵磊", ["head"]), "admin": ("系统管理员", ["admin"]),
}
_serial = itertools.count(1)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, open_test_store) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("permissions")
    store = open_test_store(folder)
    accounts = AccountService(store)
    first = accounts.create_administrator("root", "站长", PASSWORD)
    for login, (name, roles) in PEOPLE.items():
        accounts.create(first, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in PEOPLE}
    yield {"store": store, "who": who, "folder": folder}
    store.close()


def _case(w: dict[str, Any], ip_type: str = "trademark") -> str:
    """A fresh case assigned to 张敏, made by the head."""
    return CaseService(w["store"], w["who"]["head"]).create(NewCase(
        title=f"案件{next(_serial)}", ip_type=ip_type, applicant=PartyInput(f"西安秦岭{next(_serial)}有限公司"),
        staff="张敏", received_on=date(2026, 11, 2))).number


def _draft(w: dict[str, Any]) -> int:
    return DocumentService(w["store"], w["who"]["officer"]).draft("advice-letter", _case(w)).id


def _reviewed(w: dict[str, Any]) -> int:
    doc = _draft(w)
    DocumentService(w["store"], w["who"]["reviewer"]).review(doc)
    return doc


def _file(w: dict[str, Any]) -> Path:
    path = w["folder"] / f"evidence-{next(_serial)}.txt"
    path.write_text(f"公证书 {path.name}", encoding="utf-8")
    return path


def _register(w: dict[str, Any]) -> Path:
    n = next(_serial)
    path = w["folder"] / f"register-{n}.csv"
    path.write_text(f"注册号,商标,类别,注册人\n{30000000 + n},秦岭{n},30,某公司\n", encoding="utf-8")
    return path


def _body(w: dict[str, Any]) -> str:
    """A partner body in the directory, added by the head."""
    return ReferralService(w["store"], w["who"]["head"]).add_body(
        NewBody(name=f"西安某调解委员会{next(_serial)}", kind="mediation", matters=("trademark",))).name


def _expert(w: dict[str, Any]) -> int:
    """An expert in the pool, added by the head."""
    return ExpertService(w["store"], w["who"]["head"]).add_expert(
        NewExpert(name=f"专家{next(_serial)}", field="商标法", affiliation="西北政法大学")).id


def _backup(w: dict[str, Any], p: Any) -> None:
    """A backup as ``p``; on a PostgreSQL store the permission passes and then the engine is refused."""
    try:
        SettingsService(w["store"], p).backup(w["folder"] / "backups")
    except StoreError as exc:
        if exc.reason != "backup.engine" or w["store"].is_sqlite:
            raise


ACTIONS: dict[str, Callable[[dict[str, Any], Any], Any]] = {
    "consultation.create": lambda w, p: ConsultationService(w["store"], p).add(
        NewConsultation(channel="phone", enquirer="王经理", topic="商标被抢注")),
    "consultation.view": lambda w, p: ConsultationService(w["store"], p).list(),
    "consultation.convert": lambda w, p: ConsultationService(w["store"], p).convert_to_case(
        ConsultationService(w["store"], w["who"]["head"]).add(
            NewConsultation(channel="walk_in", enquirer="李经理", topic="专利侵权")).id,
        NewCase(title="由咨询转来", ip_type="patent", applicant=PartyInput("李经理的公司"))),
    "case.create": lambda w, p: CaseService(w["store"], p).create(
        NewCase(title="新收案件", ip_type="patent", applicant=PartyInput(f"申请企业{next(_serial)}"))),
    "case.view": lambda w, p: CaseService(w["store"], p).list(),
    "case.edit": lambda w, p: CaseService(w["store"], p).update(_case(w), title="改过的标题"),
    "case.transition": lambda w, p: CaseService(w["store"], p).transition(_case(w), "accepted", on=date(2026, 11, 3)),
    "case.assign": lambda w, p: CaseService(w["store"], p).update(_case(w), staff="刘洋"),
    "case.grant_access": lambda w, p: CaseService(w["store"], p).grant_access(
        _case(w, "patent"), "other_officer", "协助核对技术特征"),
    "evidence.add": lambda w, p: EvidenceService(w["store"], p).add(_case(w), _file(w)),
    "precheck.save": lambda w, p: PrecheckResultService(w["store"], p).save(
        _case(w), {"kind": "trademark", "inputs": {}, "mark": "秦岭", "other": "秦領",
                    "likely_confusion": True, "score": 86, "risk": "high"}),
    "estimate.save": lambda w, p: DocumentService(w["store"], p).save_estimate(_case(w), CompensationInput(
        right_type="trademark", infringement_date=date(2024, 3, 1), infringer_profit=Evidence.of(100000, "high"))),
    "document.draft": lambda w, p: DocumentService(w["store"], p).draft("advice-letter", _case(w)),
    "document.review": lambda w, p: DocumentService(w["store"], p).review(_draft(w)),
    "document.issue": lambda w, p: DocumentService(w["store"], p).issue(_reviewed(w)),
    "document.export": lambda w, p: DocumentService(w["store"], p).export("guidance", None, "pdf", topic="evidence"),
    "register.import": lambda w, p: import_register(w["store"], _register(w), kind="trademark", actor=p),
    "warning.edit": lambda w, p: WarningService(w["store"], p).add(
        NewProject(title="出口东南亚", enterprise="西安某科技公司", kind="trade", marks=("秦岭",))),
    "stats.view": lambda w, p: export_tables_xlsx(
        [Table("t", "表", "Table", ("a",), ((1,),), chart=False)], w["folder"] / f"s{next(_serial)}.xlsx",
        store=w["store"], actor=p),
    "audit.view": lambda w, p: AuditLog(w["store"], p).list(),
    "settings.change": lambda w, p: SettingsService(w["store"], p).update(acceptance_days=7),
    "accounts.manage": lambda w, p: AccountService(w["store"]).list(p),
    "store.backup": lambda w, p: _backup(w, p),
    "store.rekey": lambda w, p: rekey(w["store"], p),
    "demo.seed": lambda w, p: seed_demo(w["store"], cases=1, consultations=0, seed=next(_serial), staff=p),
    "personal.view_full": lambda w, p: ConsultationService(w["store"], p).get(
        ConsultationService(w["store"], w["who"]["head"]).add(
            NewConsultation(channel="phone", enquirer="周女士", phone="13812345678", topic="商标续展")).id, full=True),
    "personal.anonymise": lambda w, p: ConsultationService(w["store"], p).anonymise_expired(),
    "referral.view": lambda w, p: ReferralService(w["store"], p).list(),
    "referral.create": lambda w, p: ReferralService(w["store"], p).add(
        NewReferral(body=_body(w), case_number=_case(w), referred_on=date(2026, 11, 3), request="请依法处理")),
    "referral.body_edit": lambda w, p: ReferralService(w["store"], p).add_body(
        NewBody(name=f"某知识产权服务机构{next(_serial)}", kind="ip_service")),
    "expert.view": lambda w, p: ExpertService(w["store"], p).list_panels(),
    "expert.panel": lambda w, p: ExpertService(w["store"], p).add_panel(
        NewPanel(case_number=_case(w), experts=(_expert(w),), held_on=date(2026, 11, 3), questions="是否构成近似")),
    "expert.pool_edit": lambda w, p: ExpertService(w["store"], p).add_expert(
        NewExpert(name=f"专家{next(_serial)}", field="专利", ipc_classes="H04L")),
    "enterprise.view": lambda w, p: PortfolioService(w["store"], p).due(90),
    "enterprise.edit": lambda w, p: PortfolioService(w["store"], p).add(NewRight(
        CaseService(w["store"], w["who"]["head"]).get(_case(w)).applicant.name, "trademark", str(next(_serial)),
        registered_on=date(2020, 1, 2))),
}


def test_every_row_of_the_table_has_a_test() -> None:
    assert set(ACTIONS) == set(table()["actions"])


def _expected(action: str, login: str) -> bool:
    rule = table()["actions"][action]
    roles = set(PEOPLE[login][1]) & set(rule["roles"])
    if not roles:
        return False
    if roles <= set(rule.get("assigned_only", ())):
        return PEOPLE[login][0] == "张敏"  # allowed only on the officer's own cases
    return True


@pytest.mark.parametrize("action", sorted(table()["actions"]))
def test_each_role_may_do_exactly_what_the_table_says(world: dict[str, Any], action: str) -> None:
    for login in PEOPLE:
        principal = world["who"][login]
        allowed = _expected(action, login)
        if action == "document.issue" and login == "reviewer":
            allowed = True  # reviewers issue what another reviewed too; never their own draft (other test)
        with world["store"].read() as s:
            before = s.execute(select(func.count(AuditEvent.id))).scalar()
        try:
            ACTIONS[action](world, principal)
        except PermissionDeniedError as exc:
            assert not allowed, (action, login, exc.reason, exc.message)
            assert exc.reason in ("auth.forbidden", "auth.not_assigned", "case.confidential"), (action, login)
        else:
            assert allowed, (action, login, "was allowed")
            continue
        with world["store"].read() as s:  # a refusal writes nothing but the fixture's own setup
            after = s.execute(select(func.count(AuditEvent.id))).scalar()
        assert after - before <= 4, (action, login)


def test_a_reviewer_never_reviews_or_issues_their_own_draft(world: dict[str, Any]) -> None:
    head = world["who"]["head"]  # the head may draft and review, but not both on one document
    doc = DocumentService(world["store"], head).draft("advice-letter", _case(world))
    for step in ("review",):
        with pytest.raises(PermissionDeniedError) as own:
            getattr(DocumentService(world["store"], head), step)(doc.id)
        assert own.value.reason == "document.self_review"
