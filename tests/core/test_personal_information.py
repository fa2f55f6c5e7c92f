"""Issue 14 item 6 (PIPL): enquirers' and parties' phone numbers, contact persons and ID numbers are masked in
what the services hand the roles that do not need them (reviewer, administrator) — lists, search, one record,
exports — and shown in full to the registrar, the case officer and the head, and on a store without accounts.
Consultations that never became cases are anonymised once ``consultation_retention_months`` have passed
(administrators, one audit event, statistics unchanged). The statistics dashboard does not name an enterprise
known only through confidential cases to an account that may not see them."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases import personal
from qcy_workstation.cases.audit_log import AuditLog
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter, NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.export import export_case_list_xlsx, export_consultation_list_xlsx
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.cli import main
from qcy_workstation.db.store import open_store
from qcy_workstation.errors import PermissionDeniedError, ValidationError
from qcy_workstation.stats.figures import StatsPeriod, StatsService

PASSWORD = "personal-info-2026"
TODAY = date(2026, 11, 20)
MOBILE, MASKED_MOBILE = "13812345678", "138****5678"
ID_NUMBER = "11010519491231002X"  # GB 11643-1999 example: valid check character and birth date
MASKED_ID = "110***********002X"
USCC = "91610131MA6TXY12X8"
PEOPLE = {"chen": ("陈洁", ["registrar"]), "zhang": ("张敏", ["officer"]), "wang": ("王静", ["reviewer"]),
          "zhao": ("赵磊", ["head"]), "admin": ("系统管理员", ["admin"])}
FULL, MASKED = ("chen", "zhang", "zhao"), ("wang", "admin")  # root, the first account, is head and admin


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "store.sqlite"
    store = open_store(path)
    accounts = AccountService(store)
    root = accounts.create_administrator("root", "站长", PASSWORD)
    for login, (name, roles) in PEOPLE.items():
        accounts.create(root, login, name, roles, PASSWORD, must_change=False)
    who = {login: accounts.authenticate(login, PASSWORD) for login in PEOPLE} | {"root": root}
    log = ConsultationService(store, who["chen"])
    recent = log.add(NewConsultation(
        channel="phone", enquirer="周女士", organisation="西安秦韵茶业有限公司", phone=MOBILE, topic="商标被抢注",
        summary=f"周女士留下身份证号 {ID_NUMBER}，手机 {MOBILE}，统一社会信用代码 {USCC}"))
    case = CaseService(store, who["zhao"]).create(NewCase(
        title="“秦韵”商标侵权", ip_type="trademark", staff="张敏", received_on=date(2026, 11, 2),
        applicant=PartyInput("西安秦韵茶业有限公司", uscc=USCC, contact="周丽", phone="029-88123456",
                             email="zhouli@qinyun.cn"),
        facts=f"联系人手机 {MOBILE}"))
    yield {"store": store, "path": path, "who": who, "recent": recent.id, "case": case.number}
    store.close()


def test_masks() -> None:
    assert personal.mask_phone(MOBILE) == MASKED_MOBILE
    assert personal.mask_phone("029-88123456") == "029-****3456"
    assert personal.mask_phone("+86 138 1234 5678") == "+86 1** **** 5678"
    assert personal.mask_phone("") == ""
    assert personal.mask_id_number("610102199003071234") == "610***********1234"
    assert personal.is_id_number(ID_NUMBER) and not personal.is_id_number(ID_NUMBER[:-1] + "1")
    assert personal.mask_name("周丽") == "周*" and personal.mask_email("zhouli@qinyun.cn") == "z***@qinyun.cn"
    text = personal.mask_text(f"身份证 {ID_NUMBER}，电话 {MOBILE}，代码 {USCC}，专利 202310123456.7，编号 {'9' * 18}")
    assert ID_NUMBER not in text and MASKED_ID in text and MASKED_MOBILE in text
    assert USCC in text and "202310123456.7" in text and "9" * 18 in text  # not an ID number: left alone


@pytest.mark.parametrize("login", FULL + MASKED)
def test_lists_search_records_and_exports_follow_the_role(world: dict[str, Any], login: str, tmp_path: Path) -> None:
    store, p = world["store"], world["who"][login]
    full = login in FULL
    log = ConsultationService(store, p)
    if login == "admin":  # the administrator does not read the consultation log or the cases at all
        with pytest.raises(PermissionDeniedError):
            log.list()
        assert not personal.sees_full(p)
        return
    rows = log.list() + log.list(ConsultationFilter(text="抢注"))
    one = log.get(world["recent"])
    for c in (*rows, one):
        assert c.phone == (MOBILE if full else MASKED_MOBILE)
        assert (ID_NUMBER in c.summary) is full and (MASKED_ID in c.summary) is not full
        assert USCC in c.summary and c.enquirer == "周女士"  # names stay: staff find a consultation by them
    assert [s[2] for s in log.enquirer_suggestions("周")] == [MOBILE if full else MASKED_MOBILE]
    out = export_consultation_list_xlsx(store, ConsultationFilter(), tmp_path / "consultations.xlsx", actor=p)
    cells = {str(c.value) for row in load_workbook(out).active.iter_rows() for c in row}
    assert (MOBILE in cells) is full and (MASKED_MOBILE in cells) is not full
    assert any(ID_NUMBER in c for c in cells) is full and any(MASKED_ID in c for c in cells) is not full
    detail = CaseService(store, p).get(world["case"])
    applicant = detail.applicant
    assert (applicant.phone, applicant.contact, applicant.email) == (
        ("029-88123456", "周丽", "zhouli@qinyun.cn") if full else ("029-****3456", "周*", "z***@qinyun.cn"))
    assert (MOBILE in detail.facts) is full and applicant.uscc == USCC and applicant.name == "西安秦韵茶业有限公司"
    cells = {str(c.value) for row in load_workbook(export_case_list_xlsx(
        store, CaseFilter(), tmp_path / "cases.xlsx", actor=p)).active.iter_rows() for c in row}
    assert not any(MOBILE in c or "88123456" in c for c in cells)  # the case list carries no phone at all


def test_full_details_on_request_only_for_permitted_roles(world: dict[str, Any]) -> None:
    assert ConsultationService(world["store"], world["who"]["zhao"]).get(world["recent"], full=True).phone == MOBILE
    with pytest.raises(PermissionDeniedError) as refused:
        ConsultationService(world["store"], world["who"]["wang"]).get(world["recent"], full=True)
    assert refused.value.reason == "auth.forbidden" and refused.value.params["action"] == "personal.view_full"


def test_a_store_without_accounts_shows_everything(store, consultations) -> None:  # type: ignore[no-untyped-def]
    c = consultations.add(NewConsultation(channel="phone", enquirer="王经理", phone=MOBILE, topic="商标续展",
                                          summary=f"身份证 {ID_NUMBER}"))
    assert consultations.list()[0].phone == MOBILE and ID_NUMBER in consultations.get(c.id).summary


# ---------------------------------------------------------------- retention and anonymisation


def _old_consultations(world: dict[str, Any]) -> dict[str, int]:
    log = ConsultationService(world["store"], world["who"]["chen"])

    def add(enquirer: str, at: datetime, **kw: Any) -> int:
        return log.add(NewConsultation(channel=kw.pop("channel", "walk-in"), enquirer=enquirer, at=at,
                                       topic=kw.pop("topic", "专利无效宣告"), ip_type="patent", **kw)).id

    ids = {
        "old": add("刘先生", datetime(2021, 3, 1, 10), organisation="宝鸡精工机械有限公司", phone="13987654321",
                   summary=f"刘先生（身份证 {ID_NUMBER}，电话 13987654321）代表宝鸡精工机械有限公司咨询",
                   advice="建议刘先生收集证据"),
        "old_phone": add("孙女士", datetime(2022, 6, 30, 9), channel="phone", topic="商标被抢注", phone="13700001111"),
        "follow_up": add("吴先生", datetime(2023, 1, 5, 15), follow_up_on=date(2025, 1, 4)),
        "linked": add("郑经理", datetime(2021, 5, 5, 11), organisation="咸阳某公司", case_number=world["case"]),
        "young": add("钱女士", datetime(2025, 2, 1, 10), phone="13611112222"),
    }
    SettingsService(world["store"], world["who"]["root"]).update(consultation_retention_months=24)
    return ids


def test_the_retention_setting_is_checked(world: dict[str, Any]) -> None:
    settings = SettingsService(world["store"], world["who"]["root"])
    assert personal.retention_months(settings.get().extra) == 36  # the default
    for bad, reason in (("three", "number.whole"), ("-1", "number.range"), ("601", "number.range")):
        with pytest.raises(ValidationError) as err:
            settings.update(consultation_retention_months=bad)
        assert err.value.reason == reason and err.value.field == "consultation_retention_months"
    assert settings.update(consultation_retention_months="0").extra["consultation_retention_months"] == "0"
    with pytest.raises(PermissionDeniedError):
        SettingsService(world["store"], world["who"]["zhao"]).update(consultation_retention_months=12)
    assert personal.months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert personal.months_before(date(2026, 11, 20), 24) == date(2024, 11, 20)


def test_anonymisation_blanks_the_enquirer_keeps_the_figures_and_is_audited(world: dict[str, Any]) -> None:
    store, ids = world["store"], _old_consultations(world)
    stats = StatsService(store, today=TODAY)
    before = stats.dashboard(StatsPeriod()).to_dict()
    with pytest.raises(PermissionDeniedError) as refused:
        ConsultationService(store, world["who"]["zhao"]).anonymise_expired(TODAY)  # the head does not
    assert refused.value.reason == "auth.forbidden"
    admin = ConsultationService(store, world["who"]["admin"])
    dry = admin.anonymise_expired(TODAY, dry_run=True)
    assert (dry.count, dry.cutoff, dry.retention_months, dry.dry_run) == (2, date(2024, 11, 20), 24, True)
    head = ConsultationService(store, world["who"]["zhao"])
    assert head.get(ids["old"]).enquirer == "刘先生"  # the dry run changed nothing

    done = admin.anonymise_expired(TODAY)
    assert done.count == 2 and not done.dry_run
    old = head.get(ids["old"])
    assert (old.enquirer, old.organisation, old.phone) == (personal.ANONYMISED, "", "")
    assert "刘先生" not in old.summary + old.advice and "宝鸡精工" not in old.summary
    assert ID_NUMBER not in old.summary and "13987654321" not in old.summary and "*" in old.summary
    assert (old.topic, old.channel, old.ip_type, old.at) == ("专利无效宣告", "walk-in", "patent",
                                                             datetime(2021, 3, 1, 10))
    assert head.get(ids["old_phone"]).phone == ""
    for kept, name in (("follow_up", "吴先生"), ("linked", "郑经理"), ("young", "钱女士")):
        assert head.get(ids[kept]).enquirer == name  # a pending follow-up, a case's, a young one: kept
    assert not head.list(ConsultationFilter(text="刘先生")) and not head.enquirer_suggestions("刘")
    assert head.list(ConsultationFilter(text="无效宣告"))  # topics are still found
    after = stats.dashboard(StatsPeriod()).to_dict()
    for d in (before, after):
        d.pop("generated_at"), d.pop("timings_ms")
    assert after == before

    with store.read() as s:
        events = s.execute(select(AuditEvent.actor, AuditEvent.entity, AuditEvent.details).where(
            AuditEvent.action == "anonymise")).all()
    assert [(actor, entity, json.loads(details)) for actor, entity, details in events] == [
        ("系统管理员", "consultation", {"count": 2, "cutoff": "2024-11-20", "retention_months": 24})]
    assert admin.anonymise_expired(TODAY).count == 0  # nothing left to do: no second event
    with store.read() as s:
        assert len(s.execute(select(AuditEvent).where(AuditEvent.action == "anonymise")).all()) == 1

    SettingsService(store, world["who"]["root"]).update(consultation_retention_months=0)
    kept = admin.anonymise_expired(date(2040, 1, 1))
    assert (kept.count, kept.cutoff) == (0, None) and head.get(ids["young"]).enquirer == "钱女士"


def test_the_audit_trail_shows_personal_details_as_the_services_do(world: dict[str, Any]) -> None:
    store, who, ids = world["store"], world["who"], _old_consultations(world)
    ConsultationService(store, who["chen"]).update(ids["young"], phone="13600009999")
    CaseService(store, who["zhao"]).update_party(world["case"], "applicant", PartyInput(
        "西安秦韵茶业有限公司", uscc=USCC, contact="周丽华", phone="13800001111"))

    def details(login: str) -> str:
        return json.dumps([r.details for r in AuditLog(store, who[login]).list()], ensure_ascii=False)

    head, admin = details("root"), details("admin")
    assert "13600009999" in head and "13800001111" in head and "刘先生" in head
    assert "13600009999" not in admin and "136****9999" in admin and "13800001111" not in admin
    assert "周丽" not in admin and "周**" in admin and "周丽华" in head
    ConsultationService(store, who["admin"]).anonymise_expired(TODAY)
    assert "刘先生" not in details("root") and "孙女士" not in details("root")  # anonymised: for no one
    assert "钱女士" in details("root")
    with store.read() as s:  # the stored events are unchanged: the chain stays whole
        assert "刘先生" in "".join(d for (d,) in s.execute(select(AuditEvent.details)))


def test_the_cli_anonymises_with_a_dry_run_first(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    ids = _old_consultations(world)
    accounts = AccountService(world["store"])

    def cli(login: str, *args: str) -> tuple[int, Any, str]:
        monkeypatch.setenv("QCY_TOKEN", accounts.issue_token(world["who"][login])[0])
        rc = main(["--db", str(world["path"]), "consult", "anonymise", "--today", TODAY.isoformat(), "--json", *args])
        out, err = capsys.readouterr()
        return rc, json.loads(out) if rc == 0 else None, err

    rc, dry, _ = cli("admin", "--dry-run")
    assert rc == 0 and (dry["count"], dry["dry_run"], dry["cutoff"]) == (2, True, "2024-11-20")
    head = ConsultationService(world["store"], world["who"]["zhao"])
    assert head.get(ids["old"]).enquirer == "刘先生"
    rc, _, err = cli("chen")
    assert rc == 1 and "auth.forbidden" in err and head.get(ids["old"]).enquirer == "刘先生"
    rc, done, _ = cli("admin")
    assert rc == 0 and (done["count"], done["dry_run"]) == (2, False)
    assert head.get(ids["old"]).enquirer == personal.ANONYMISED


def test_the_cli_exports_the_consultation_log_masked(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("QCY_TOKEN", AccountService(world["store"]).issue_token(world["who"]["wang"])[0])
    out = tmp_path / "log.xlsx"
    assert main(["--db", str(world["path"]), "consult", "list", "--xlsx", str(out)]) == 0
    capsys.readouterr()
    cells = {str(c.value) for row in load_workbook(out).active.iter_rows() for c in row}
    assert MASKED_MOBILE in cells and MOBILE not in cells
    with world["store"].read() as s:
        event = s.execute(select(AuditEvent.actor, AuditEvent.details).where(
            AuditEvent.entity == "consultation_list")).one()
    assert event[0] == "王静" and json.loads(event[1])["rows"] == 1


# ---------------------------------------------------------------- statistics: count without details


def test_the_dashboard_does_not_name_an_enterprise_known_only_through_confidential_cases(
        world: dict[str, Any]) -> None:
    store, who = world["store"], world["who"]
    head = CaseService(store, who["zhao"])
    secret_only = "西安秦岭合金材料有限公司"
    for n in range(3):
        head.create(NewCase(title=f"工艺泄露{n}", ip_type="trade-secret", applicant=PartyInput(secret_only),
                            staff="张敏", received_on=date(2026, 11, 3)))
    both = "宝鸡精工机械有限公司"
    head.create(NewCase(title="专利侵权", ip_type="patent", applicant=PartyInput(both), received_on=date(2026, 11, 3)))
    head.create(NewCase(title="图纸泄露", ip_type="trade-secret", applicant=PartyInput(both), staff="张敏",
                        received_on=date(2026, 11, 3)))
    stats = StatsService(store, today=TODAY)

    def named(principal: Any) -> dict[str, int]:
        return {e["name"]: e["cases"] for e in stats.dashboard(principal=principal).top_enterprises}

    everything = {secret_only: 3, both: 2, "西安秦韵茶业有限公司": 1}
    assert named(None) == everything and named(who["zhao"]) == everything  # the head sees every case
    assert named(who["admin"]) == {both: 1, "西安秦韵茶业有限公司": 1}  # confidential cases: not named, not counted
    assert named(who["zhang"]) == everything  # the officer assigned to them
    for principal in (None, who["admin"], who["zhao"]):
        d = stats.dashboard(principal=principal)
        assert d.totals["cases"] == 6 and d.totals["enterprises_assisted"] == 3
        assert d.cases_by_type["trade-secret"] == 4
    CaseService(store, who["zhao"]).grant_access(
        head.list(CaseFilter(text="工艺泄露0"))[0].number, "admin", "核对统计口径")
    assert named(who["admin"])[secret_only] == 1  # granted one case: that one is named and counted


def test_stats_cli_names_for_who_reads(world: dict[str, Any], monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    CaseService(world["store"], world["who"]["zhao"]).create(NewCase(
        title="工艺泄露", ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"), staff="张敏",
        received_on=date(2026, 11, 3)))
    accounts = AccountService(world["store"])
    for login, named in (("admin", False), ("root", True), ("zhao", True)):
        monkeypatch.setenv("QCY_TOKEN", accounts.issue_token(world["who"][login])[0])
        assert main(["--db", str(world["path"]), "stats", "--json"]) == 0
        top = json.loads(capsys.readouterr().out)["top_enterprises"]
        assert ("西安秦岭合金材料有限公司" in {e["name"] for e in top}) is named
    monkeypatch.setenv("QCY_TOKEN", accounts.issue_token(world["who"]["chen"])[0])
    assert main(["--db", str(world["path"]), "stats", "--json"]) == 1  # a registrar reads no statistics
    assert "auth.forbidden" in capsys.readouterr().err

