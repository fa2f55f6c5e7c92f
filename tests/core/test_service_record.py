"""Issue 17 item 4: the service record of one enterprise and its annual service report, on a real store
(SQLite here, PostgreSQL with ``--store=postgresql``).

The story: 西安秦川食品有限公司 came to the workstation in 2026 -- a walk-in consultation (its registrar wrote
“西安秦川食品” as the organisation), a trademark case against 宝鸡秦川食品有限公司 (another enterprise whose
short name is the same), referred to the market regulation bureau and answered with an issued advice letter,
an early-warning project for its exports, and a trademark whose renewal window opens next year. The record
gathers all of it and nothing of the other enterprise; the report read back from PDF and DOCX says the same,
names no other party, shows no staff note and tells what is pending as pending."""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from cli_runner import story
from pypdf import PdfReader
from sqlalchemy import func, select

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.base import china_today
from qcy_workstation.documents.service import DocumentService
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.portfolios.service_record import NameKey, ServiceRecordService
from qcy_workstation.referrals.dto import NewBody, NewReferral
from qcy_workstation.referrals.service import ReferralService
from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

QINCHUAN = "西安秦川食品有限公司"
USCC = "91610131MA6TXY12X8"
BAOJI = "宝鸡秦川食品有限公司"
YEAR = china_today().year
STAFF_NOTE = "内部备注：申请人情绪激动，注意沟通方式"


def _day(month: int, day: int) -> date:
    return min(date(YEAR, month, day), china_today())


def seed(store: Any, actor: Any = "张三", reviewer: Any = "李四") -> dict[str, str]:
    """The story above, entered the way staff enter it; returns the numbers made."""
    cases = CaseService(store, actor)
    main = cases.create(NewCase(title=f"“秦川”挂面商标被{BAOJI}仿冒", ip_type="trademark",
                                applicant=PartyInput(QINCHUAN, uscc=USCC, settled=True),
                                opponent=PartyInput(BAOJI), facts=STAFF_NOTE, staff="张三",
                                received_on=_day(3, 2)))
    # the other enterprise is served too: none of its matters may show on 秦川's record
    other = cases.create(NewCase(title="宝鸡秦川商标被抢注", ip_type="trademark", applicant=PartyInput(BAOJI),
                                 staff="张三", received_on=_day(4, 1)))
    consult = ConsultationService(store, actor)
    walk_in = consult.add(NewConsultation(channel="walk-in", enquirer="王经理", topic="商标被仿冒如何维权",
                                          organisation="西安秦川食品", advice=STAFF_NOTE,
                                          at=datetime.combine(_day(2, 20), datetime.min.time()).replace(hour=10)))
    consult.add(NewConsultation(channel="phone", enquirer="李会计", topic="宝鸡秦川的专利年费",
                                organisation=BAOJI, at=datetime.combine(_day(2, 21), datetime.min.time())))
    referrals = ReferralService(store, actor)
    referrals.add_body(NewBody("西安市市场监督管理局", "market_regulation", matters=("trademark",)))
    ref = referrals.add(NewReferral(body="西安市市场监督管理局", case_number=main.number, request=STAFF_NOTE,
                                    referred_on=_day(3, 5)))
    WarningService(store, actor).add(NewProject(title="挂面出口东南亚", enterprise="西安秦川食品", kind="trade",
                                                enterprise_uscc=USCC, marks=("秦川",), notes=STAFF_NOTE))
    WarningService(store, actor).add(NewProject(title="宝鸡工厂扩产", enterprise=BAOJI, kind="rd",
                                                technology="挂面生产线"))
    docs = DocumentService(store, actor)
    draft = docs.draft("advice-letter", main.number)
    DocumentService(store, reviewer).review(draft.id)
    issued = DocumentService(store, reviewer).issue(draft.id)
    PortfolioService(store, actor).add(NewRight(QINCHUAN, "trademark", "10145231", title="秦川", classes="30",
                                                registered_on=date(YEAR - 9, 6, 14)))
    return {"case": main.number, "other": other.number, "referral": ref.number, "document": issued.number,
            "consultation": f"#{walk_in.id}"}


def test_name_matching_is_sound_about_place_names() -> None:
    key = NameKey(QINCHUAN)
    assert key.matches("西安秦川食品") and key.matches("秦川食品有限公司") and key.matches("（西安）秦川食品")
    assert not key.matches(BAOJI)  # another city, another enterprise
    assert not key.matches("秦川") and not key.matches("")  # a short name is not caught (docstring says so)
    assert not NameKey(QINCHUAN, loose_unique=False).matches("秦川食品")


def test_the_record_gathers_every_service_of_one_enterprise_in_date_order(store: Any) -> None:
    made = seed(store)
    record = ServiceRecordService(store, "张三").record(QINCHUAN, year=YEAR)
    assert record.uscc == USCC and record.year == YEAR
    kinds = [(e.kind, e.ref) for e in record.entries]
    assert ("case", made["case"]) in kinds and ("referral", made["referral"]) in kinds
    assert ("document", made["document"]) in kinds and ("consultation", made["consultation"]) in kinds
    assert [k for k, _ in kinds].count("warning") == 1
    assert made["other"] not in {e.ref for e in record.entries}  # 宝鸡's case is not 秦川's
    assert all("宝鸡工厂" not in e.title and "年费" not in e.title for e in record.entries)
    assert [e.on for e in record.entries] == sorted(e.on for e in record.entries)
    assert record.counts() == {"consultation": 1, "case": 1, "referral": 1, "warning": 1, "document": 1}
    pending = {e.kind for e in record.pending()}
    assert pending == {"case", "referral", "warning"}  # nothing of them is settled yet
    # the same record by id, by USCC and by a normalised name; the next year's renewal window is listed
    svc = ServiceRecordService(store, "张三")
    assert svc.record(str(record.enterprise_id), year=YEAR).entries == record.entries
    assert svc.record(USCC, year=YEAR).enterprise == QINCHUAN
    assert svc.record("西安秦川食品有限公司 ").enterprise_id == record.enterprise_id
    assert [(i.event, i.date) for i in record.due] == [("renewal_opens", date(YEAR, 6, 14))] or \
        all(i.date.year == YEAR + 1 for i in record.due)
    # a year with nothing is an empty record, not an error
    assert svc.record(QINCHUAN, year=YEAR - 1).entries == ()


def test_a_short_name_two_enterprises_share_is_attributed_to_neither(store: Any) -> None:
    seed(store)
    ConsultationService(store, "张三").add(NewConsultation(channel="phone", enquirer="赵女士", topic="挂面包装外观设计",
                                                         organisation="秦川食品"))
    for name in (QINCHUAN, BAOJI):
        record = ServiceRecordService(store, "张三").record(name)
        assert "挂面包装外观设计" not in {e.title for e in record.entries}


def test_bad_input_is_refused_with_a_code(store: Any) -> None:
    seed(store)
    CaseService(store, "张三").create(NewCase(title="包装被仿冒", ip_type="trademark",
                                             applicant=PartyInput("秦川食品股份有限公司"), received_on=_day(1, 5)))
    CaseService(store, "张三").create(NewCase(title="标识被仿冒", ip_type="trademark",
                                             applicant=PartyInput("秦川食品有限公司"), received_on=_day(1, 6)))
    svc = ServiceRecordService(store, "张三")
    with pytest.raises(ValidationError) as err:
        svc.record("秦川食品")  # both normalise to 秦川食品: the id or the code decides
    assert err.value.reason == "service.ambiguous" and "秦川食品有限公司" in str(err.value.params["names"])
    with pytest.raises(NotFoundError) as err:
        svc.record("西安无此企业有限公司")
    assert err.value.reason == "portfolio.enterprise_not_found"
    with pytest.raises(ValidationError) as err:
        svc.record(QINCHUAN, year=YEAR + 1)
    assert err.value.reason == "service.year_future" and err.value.field == "year"
    with pytest.raises(ValidationError) as err:
        svc.record(QINCHUAN, year=1900)
    assert err.value.reason == "service.year_before_opening" and err.value.params["first"] == 1985


def _pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages).replace(" ", "").replace("\n", "")


def test_the_annual_report_agrees_with_the_record_and_tells_the_enterprise_only_its_own(store: Any,
                                                                                        tmp_path: Path) -> None:
    made = seed(store)
    svc = ServiceRecordService(store, "张三")
    record = svc.record(QINCHUAN, year=YEAR)
    pdf = Path(svc.export_report(QINCHUAN, YEAR, str(tmp_path / "报告.pdf")))
    text = _pdf_text(pdf)
    assert f"知识产权维权援助年度服务报告（{YEAR}年度）" in text and QINCHUAN in text
    for ref in (made["case"], made["referral"], made["document"]):
        assert ref in text
    assert f"合计{len(record.entries)}{len(record.pending())}" in text  # the counts table's last row
    # no other enterprise, no staff note, nothing pending told as settled
    assert "宝鸡" not in text and "对方当事人" in text and STAFF_NOTE not in text and "张三" not in text
    assert made["other"] not in text
    assert "办理中，尚无结论" in text and "等待受理机关处理，尚无结果" in text and "尚未办结的事项" in text
    assert "未向国家知识产权局核实" in text or not record.due
    doc = docx.Document(str(svc.export_report(QINCHUAN, YEAR, str(tmp_path / "报告.docx"))))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    counts = {row[0]: row[1] for row in tables[0][1:]}
    assert counts["咨询"] == "1" and counts["维权援助案件"] == "1" and counts["合计"] == str(len(record.entries))
    listed = tables[1][1:]
    assert len(listed) == len(record.entries)
    assert [r[2] for r in listed if r[1] == "维权援助案件"] == [made["case"]]
    body = "\n".join(p.text for p in doc.paragraphs) + "\n".join(c for t in tables for r in t for c in r)
    assert "宝鸡" not in body and STAFF_NOTE not in body
    en = _pdf_text(Path(svc.export_report(QINCHUAN, YEAR, str(tmp_path / "report.pdf"), lang="en")))
    assert f"AnnualReportofIPAssistanceServices{YEAR}" in en and "noconclusionyet" in en
    with store.read() as s:
        sent = [json.loads(d) for d in s.execute(select(AuditEvent.details).where(
            AuditEvent.entity == "enterprise", AuditEvent.action == "export")).scalars()]
    assert len(sent) == 3 and all(d["document"] == "service-report" and len(d["sha256"]) == 64 for d in sent)
    # the report sent now shows on the record as a document sent
    again = svc.record(QINCHUAN, year=YEAR)
    assert sum(1 for e in again.entries if e.status == "sent") == 3


def test_a_bad_report_request_writes_nothing(store: Any, tmp_path: Path) -> None:
    seed(store)
    svc = ServiceRecordService(store, "张三")
    with store.read() as s:
        before = s.execute(select(func.count(AuditEvent.id))).scalar()
    for kwargs, reason in (({"enterprise": "无此企业", "year": YEAR}, "portfolio.enterprise_not_found"),
                           ({"enterprise": QINCHUAN, "year": YEAR + 1}, "service.year_future"),
                           ({"enterprise": QINCHUAN, "year": 1980}, "service.year_before_opening")):
        with pytest.raises((NotFoundError, ValidationError)) as err:
            svc.export_report(kwargs["enterprise"], kwargs["year"], str(tmp_path / "x.pdf"))
        assert err.value.reason == reason
    with pytest.raises(ValidationError) as err:
        svc.export_report(QINCHUAN, YEAR, str(tmp_path / "x.txt"))
    assert err.value.field == "format"
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.txt").exists()
    with store.read() as s:
        assert s.execute(select(func.count(AuditEvent.id))).scalar() == before


def test_a_confidential_case_is_counted_not_shown_to_who_may_not_see_it(tmp_path: Path, open_test_store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.accounts.service import AccountService

    store = open_test_store(tmp_path)
    try:
        accounts = AccountService(store)
        root = accounts.create_administrator("root", "站长", "confidential-2026")
        for login, name, roles in (("zhang", "张三", ["officer"]), ("liu", "刘洋", ["officer"]),
                                   ("zhao", "赵磊", ["head"])):
            accounts.create(root, login, name, roles, "confidential-2026", must_change=False)
        who = {n: accounts.authenticate(n, "confidential-2026") for n in ("zhang", "liu", "zhao")}
        secret = CaseService(store, who["zhao"]).create(NewCase(
            title="配方被前员工带走", ip_type="trade-secret", applicant=PartyInput(QINCHUAN, uscc=USCC),
            staff="张三", received_on=_day(5, 6)))
        CaseService(store, who["zhao"]).create(NewCase(title="“秦川”商标侵权", ip_type="trademark",
                                                       applicant=PartyInput(QINCHUAN, uscc=USCC), staff="刘洋",
                                                       received_on=_day(5, 7)))
        liu = ServiceRecordService(store, who["liu"]).record(QINCHUAN, year=YEAR)
        assert liu.hidden_cases == 1 and secret.number not in {e.ref for e in liu.entries}
        assert liu.counts()["case"] == 1
        zhang = ServiceRecordService(store, who["zhang"]).record(QINCHUAN, year=YEAR)
        assert zhang.hidden_cases == 0 and secret.number in {e.ref for e in zhang.entries}
        text = _pdf_text(Path(ServiceRecordService(store, who["liu"]).export_report(
            QINCHUAN, YEAR, str(tmp_path / "r.pdf"))))
        assert "另有1件保密案件未在本报告中列明" in text and "配方" not in text
        text = _pdf_text(Path(ServiceRecordService(store, who["zhang"]).export_report(
            QINCHUAN, YEAR, str(tmp_path / "z.pdf"))))
        assert "保密案件（内容不在本报告列明）" in text and "配方" not in text
    finally:
        store.close()


def test_the_cli_shows_the_record_and_writes_the_report(store_url: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    run = story(store_url, staff="张三", env=env)

    run("cases", "add", "--type", "trademark", "--title", "“秦川”挂面商标被仿冒", "--applicant", QINCHUAN,
        "--received", _day(3, 2).isoformat(), "--json")
    rec = json.loads(run("enterprise", "record", QINCHUAN, "--year", str(YEAR), "--json").stdout)
    assert rec["enterprise"] == QINCHUAN and rec["counts"]["case"] == 1
    assert rec["entries"][0]["kind"] == "case" and rec["entries"][0]["settled"] is False
    assert "pending" in run("enterprise", "record", QINCHUAN).stdout
    out = tmp_path / "服务报告.docx"
    written = json.loads(run("enterprise", "report", str(rec["enterprise_id"]), "--year", str(YEAR), "--out",
                             str(out), "--json").stdout)
    assert written["out"] == str(out) and out.stat().st_size > 10_000
    bad = run("enterprise", "record", "无此企业", "--json", ok=False)
    assert json.loads(bad.stderr)["reason"] == "portfolio.enterprise_not_found"
    bad = run("enterprise", "report", QINCHUAN, "--year", str(YEAR + 1), "--out", str(tmp_path / "n.pdf"), "--json",
              ok=False)
    assert json.loads(bad.stderr)["reason"] == "service.year_future" and not (tmp_path / "n.pdf").exists()
    bad = run("enterprise", "report", QINCHUAN, "--year", "1970", "--out", str(tmp_path / "n.pdf"), ok=False)
    assert "service.year_before_opening" in bad.stderr and not (tmp_path / "n.pdf").exists()
