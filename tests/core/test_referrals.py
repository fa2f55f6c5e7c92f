"""Issue 17 item 1: the workstation refers cases and consultations to partner bodies and follows them up.

On a real store (SQLite here, PostgreSQL with ``--store=postgresql``): the starter directory, a referral with
its follow-up counted in Chinese working days (the calendar of case deadlines), the body's answer, documents
received back as the case's evidence, the statistics, the letter read back from PDF and DOCX, Today's list,
and bad input refused with a code and nothing saved."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pytest
from cli_runner import story
from pypdf import PdfReader
from sqlalchemy import func, select

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.deadlines import add_working_days
from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.documents import render
from qcy_workstation.errors import NotFoundError, PermissionDeniedError, ValidationError, WorkflowError
from qcy_workstation.referrals.dto import NewBody, NewReferral
from qcy_workstation.referrals.models import Referral, ReferralDocument
from qcy_workstation.referrals.service import STARTER_DIRECTORY, ReferralService


def _case(store: Any, actor: Any = "张三", *, received: date = date(2026, 9, 28), **kw: Any) -> str:
    return CaseService(store, actor).create(NewCase(
        title=kw.pop("title", "“秦川”挂面商标被仿冒"), ip_type=kw.pop("ip_type", "trademark"),
        applicant=PartyInput("西安秦川食品有限公司"), opponent=PartyInput("咸阳某食品经营部"),
        facts="对方在同一种商品上使用近似标志。\n其网店月销量约两千件。", received_on=received,
        rights=(RightInput(kind="trademark", number="10145231", title="秦川", nice_classes="30"),), **kw)).number


def _counts(store: Any) -> tuple[int, int, int]:
    with store.read() as s:
        return (s.execute(select(func.count(Referral.id))).scalar(),
                s.execute(select(func.count(ReferralDocument.id))).scalar(),
                s.execute(select(func.count(AuditEvent.id))).scalar())


@pytest.fixture
def referrals(store: Any) -> ReferralService:
    service = ReferralService(store, "张三")
    service.load_starter_directory()
    return service


def test_the_starter_directory_names_only_real_bodies_and_ships_no_invented_contacts(referrals) -> None:
    data = json.loads(STARTER_DIRECTORY.read_text(encoding="utf-8"))
    assert all(set(b) <= {"name", "kind", "jurisdiction", "matters", "source_note"} for b in data["bodies"])
    bodies = referrals.list_bodies()
    names = {b.name for b in bodies}
    assert {"陕西省市场监督管理局", "西安市中级人民法院", "西安知识产权法庭", "西安仲裁委员会", "西安海关"} <= names
    assert all(b.contact == "" and b.source_note for b in bodies)  # staff fill contacts; each says what to verify
    assert referrals.load_starter_directory() == []  # loading again adds nothing twice
    assert [b.name for b in referrals.list_bodies(kind="customs")] == ["西安海关"]
    assert "西安海关" not in {b.name for b in referrals.list_bodies(matter="trade-secret")}


def test_staff_refer_a_case_the_follow_up_skips_the_national_day_holiday_and_the_outcome_closes_it(
        store, referrals) -> None:
    number = _case(store)
    r = referrals.add(NewReferral(body="西安市市场监督管理局", case_number=number, referred_on=date(2026, 9, 30),
                                  request="请依法查处", follow_up_days=3))
    # 1-7 October 2026 are the National Day holiday and Saturday 10 October a working day (State Council
    # schedule, chinese_calendar): three working days after 30 September end on 10 October, not 5 October.
    assert r.follow_up_on == date(2026, 10, 10) == add_working_days(date(2026, 9, 30), 3).due
    assert (r.number, r.case_number, r.matter, r.matter_taken) == ("ZJ-2026-0001", number, "trademark", True)

    r = referrals.set_reference(r.number, "西市监立〔2026〕101号")
    r = referrals.record_outcome(r.number, "accepted", on=date(2026, 10, 9))
    assert r.accepted_on == date(2026, 10, 9) and not r.closed and r.follow_up_on is not None
    r = referrals.record_outcome(r.number, "penalty", on=date(2026, 11, 20), note="责令停止侵权，没收侵权商品")
    assert (r.outcome, r.outcome_on, r.follow_up_on, r.closed) == ("penalty", date(2026, 11, 20), None, True)
    assert r.body_reference == "西市监立〔2026〕101号"

    before = _counts(store)
    with pytest.raises(WorkflowError) as closed:
        referrals.record_outcome(r.number, "judgment", on=date(2026, 11, 25))
    assert closed.value.reason == "referral.closed"
    assert _counts(store) == before
    timeline = CaseService(store, "张三").timeline(number)
    assert [e.action for e in timeline if e.entity == "referral"] == ["create", "reference", "outcome", "outcome"]


def test_bad_input_is_refused_with_its_code_and_nothing_is_saved(store, referrals) -> None:
    number = _case(store)
    made = referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, referred_on=date(2026, 10, 12)))
    before = _counts(store)
    with pytest.raises(NotFoundError) as unknown:
        referrals.add(NewReferral(body="西安市不存在的局", case_number=number))
    assert (unknown.value.reason, unknown.value.field) == ("referral.body_not_found", "body")
    with pytest.raises(ValidationError) as early:
        referrals.record_outcome(made.number, "mediation", on=date(2026, 10, 9))
    assert (early.value.reason, early.value.field) == ("referral.date_before_referral", "outcome_on")
    with pytest.raises(ValidationError) as future:
        referrals.record_outcome(made.number, "mediation", on=date.today() + timedelta(days=3))
    assert future.value.reason == "date.future"
    with pytest.raises(ValidationError) as before_case:
        referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, referred_on=date(2026, 9, 1)))
    assert before_case.value.reason == "date.before_received"
    with pytest.raises(ValidationError) as both:
        referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, consultation_id=1))
    assert both.value.reason == "referral.case_or_consultation"
    with pytest.raises(ValidationError) as days:
        referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, follow_up_days=0))
    assert (days.value.reason, days.value.field) == ("number.range", "follow_up_days")
    with pytest.raises(ValidationError) as outcome:
        referrals.record_outcome(made.number, "settled")
    assert (outcome.value.reason, outcome.value.field) == ("choice", "outcome")
    with pytest.raises(ValidationError) as twice:
        referrals.add_body(NewBody(name="西安海关", kind="customs"))
    assert twice.value.reason == "referral.body_exists"
    assert _counts(store) == before
    assert referrals.get(made.number).outcome == ""


def test_a_confidential_case_is_referred_only_by_those_who_may_see_it(store) -> None:
    accounts = AccountService(store)
    admin = accounts.create_administrator("root", "站长", "referral-secret-2026")
    for login, name, roles in (("head", "赵磊", ["head"]), ("zhang", "张敏", ["officer"]),
                               ("liu", "刘洋", ["officer"]), ("chen", "陈洁", ["registrar"])):
        accounts.create(admin, login, name, roles, "referral-secret-2026", must_change=False)
    who = {login: accounts.authenticate(login, "referral-secret-2026") for login in ("head", "zhang", "liu", "chen")}
    ReferralService(store, who["head"]).load_starter_directory()
    secret = _case(store, who["head"], title="配方技术秘密被前员工带走", ip_type="trade-secret", staff="张敏",
                   confidential=True)
    before = _counts(store)
    for login in ("liu", "chen"):  # another officer; a registrar: neither may see the case
        with pytest.raises(PermissionDeniedError) as refused:
            ReferralService(store, who[login]).add(NewReferral(body="西安知识产权法庭", case_number=secret,
                                                               referred_on=date(2026, 10, 12)))
        assert refused.value.reason == "case.confidential", login
    assert _counts(store) == before
    made = ReferralService(store, who["zhang"]).add(NewReferral(body="西安知识产权法庭", case_number=secret,
                                                                referred_on=date(2026, 10, 12), follow_up_days=1))
    assert ReferralService(store, who["liu"]).list() == []  # not in the other officer's lists
    assert ReferralService(store, who["liu"]).follow_ups_due(date(2026, 10, 12)) == []
    assert [r.number for r in ReferralService(store, who["head"]).follow_ups_due(date(2026, 10, 12))] == [made.number]
    with pytest.raises(PermissionDeniedError):
        ReferralService(store, who["liu"]).get(made.number)
    figures = ReferralService(store, who["head"]).figures()
    assert figures.total == 1  # counted in the statistics like every case


def test_documents_received_back_become_the_cases_evidence_and_a_consultations_keep_their_title(
        store, referrals, tmp_path: Path) -> None:
    number = _case(store)
    r = referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, referred_on=date(2026, 10, 12)))
    award = tmp_path / "调解书.pdf"
    award.write_bytes(b"%PDF-1.4 mediation agreement of the parties")
    r = referrals.add_document(r.number, "调解书", received_on=date(2026, 11, 2), path=award)
    [doc] = r.documents
    evidence = EvidenceService(store, "张三").list(number)
    assert [(e.id, e.original_name, e.source) for e in evidence] == [(doc.evidence_id, "调解书.pdf", "西安仲裁委员会")]
    assert EvidenceService(store, "张三").verify(number) == []

    c = ConsultationService(store, "张三").add(NewConsultation(channel="phone", enquirer="王经理", topic="展会上发现仿冒",
                                                                summary="展商销售带有近似商标的产品", ip_type="trademark",
                                                                at=datetime(2026, 10, 12, 10, 0)))
    rc = referrals.add(NewReferral(body="西安市市场监督管理局", consultation_id=c.id, referred_on=date(2026, 10, 13)))
    assert (rc.case_number, rc.consultation_id, rc.subject, rc.matter) == (None, c.id, "展会上发现仿冒", "trademark")
    before = _counts(store)
    with pytest.raises(ValidationError) as no_case:
        referrals.add_document(rc.number, "受理通知书", path=award)
    assert no_case.value.reason == "referral.file_needs_case" and _counts(store) == before
    rc = referrals.add_document(rc.number, "受理通知书", received_on=date(2026, 10, 20))
    assert [(d.title, d.evidence_id) for d in rc.documents] == [("受理通知书", None)]


def test_statistics_count_referrals_by_body_kind_and_outcome_with_the_median_working_days(store, referrals) -> None:
    tm, pt = _case(store), _case(store, ip_type="patent", title="专利侵权")
    a = referrals.add(NewReferral(body="西安市市场监督管理局", case_number=tm, referred_on=date(2026, 10, 12)))
    b = referrals.add(NewReferral(body="西安知识产权法庭", case_number=pt, referred_on=date(2026, 10, 12)))
    referrals.add(NewReferral(body="西安市市场监督管理局", case_number=pt, referred_on=date(2026, 10, 13)))
    referrals.record_outcome(a.number, "accepted", on=date(2026, 10, 14))
    referrals.record_outcome(a.number, "penalty", on=date(2026, 10, 19))  # 5 working days
    referrals.record_outcome(b.number, "judgment", on=date(2026, 10, 26))  # 10 working days
    f = referrals.figures()
    assert f.total == 3
    assert f.by_body == (("西安市市场监督管理局", 2), ("西安知识产权法庭", 1))
    assert f.by_matter == (("patent", 2), ("trademark", 1))
    assert dict(f.by_outcome) == {"penalty": 1, "judgment": 1, "": 1}
    assert (f.median_days_to_outcome, f.with_outcome, f.median_days_to_acceptance) == (7.5, 2, 2.0)
    tables = {t.key: t for t in f.tables()}
    assert ("商标", 1) in tables["referrals_by_matter"].rows and ("尚无结果", 1) in tables["referrals_by_outcome"].rows
    assert referrals.figures(date_from=date(2026, 10, 13)).total == 1


def test_today_lists_open_referrals_whose_follow_up_has_come(store, referrals) -> None:
    number = _case(store)
    soon = referrals.add(NewReferral(body="西安海关", case_number=number, referred_on=date(2026, 10, 12),
                                     follow_up_days=1))
    late = referrals.add(NewReferral(body="西安仲裁委员会", case_number=number, referred_on=date(2026, 10, 12),
                                     follow_up_on=date(2026, 10, 12)))
    referrals.add(NewReferral(body="西安市中级人民法院", case_number=number, referred_on=date(2026, 10, 12),
                              follow_up_days=30))
    done = referrals.add(NewReferral(body="陕西省市场监督管理局", case_number=number, referred_on=date(2026, 10, 12),
                                     follow_up_days=1))
    referrals.record_outcome(done.number, "withdrawn", on=date(2026, 10, 12))
    due = referrals.follow_ups_due(date(2026, 10, 13))
    assert [(r.number, r.follow_up_state) for r in due] == [(late.number, "overdue"), (soon.number, "due")]


def test_the_referral_letter_reads_back_from_pdf_and_docx_in_both_languages(store, referrals, tmp_path) -> None:
    number = _case(store)
    r = referrals.add(NewReferral(body="西安市市场监督管理局", case_number=number, referred_on=date(2026, 10, 12),
                                  request="请依法查处并责令停止销售", body_reference="西市监立〔2026〕7号"))
    for lang, words in (("zh", ["知识产权纠纷转介函", "西安市市场监督管理局：", "西安秦川食品有限公司", "咸阳某食品经营部",
                                "请依法查处并责令停止销售", "西市监立〔2026〕7号", "仅供参考", "2026年10月12日"]),
                        ("en", ["Letter of Referral", "To 西安市市场监督管理局:", "for reference only", "12 October 2026",
                                "Your reference"])):
        pdf = referrals.export_letter(r.number, "pdf", tmp_path / f"letter.{lang}.pdf", lang=lang)
        text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
        flat = "".join(text.split())
        docx_path = referrals.export_letter(r.number, "docx", tmp_path / f"letter.{lang}.docx", lang=lang)
        document = docx.Document(str(docx_path))
        body = "\n".join([p.text for p in document.paragraphs]
                         + [c.text for t in document.tables for row in t.rows for c in row.cells])
        for word in words:
            assert "".join(word.split()) in flat, (lang, word)
            assert word in body, (lang, word)
        assert r.number in flat and r.number in body and number in body
    content = referrals.letter(r.number, lang="en")  # the same content value the renderers read
    assert content.kind == "referral-letter" and render(content, "pdf").startswith(b"%PDF")
    exports = [e for e in CaseService(store, "张三").timeline(number) if e.action == "export"]
    assert len(exports) == 4


def test_the_cli_refers_follows_up_and_writes_the_letter_with_json_and_refuses_bad_input(
        store_url: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    run = story(store_url, staff="张三", env=env)

    added = json.loads(run("body", "add", "--starter", "--json").stdout)
    assert len(added) == 8 and all(b["contact"] == "" for b in added)
    mine = json.loads(run("body", "add", "--name", "西安市某区人民调解委员会", "--kind", "mediation", "--matters",
                          "trademark,patent", "--json").stdout)
    assert mine["matters"] == ["trademark", "patent"]
    assert "西安市某区人民调解委员会" in {b["name"] for b in json.loads(run("body", "list", "--json").stdout)}
    case = json.loads(run("cases", "add", "--type", "trademark", "--title", "“秦川”商标被仿冒", "--applicant",
                          "西安秦川食品有限公司", "--received", "2026-10-09", "--json").stdout)["number"]
    r = json.loads(run("referral", "add", "--case", case, "--body", "西安市市场监督管理局", "--on", "2026-10-12",
                       "--request", "请依法查处", "--follow-up-days", "5", "--json").stdout)
    assert (r["number"], r["case_number"], r["follow_up_on"]) == ("ZJ-2026-0001", case, "2026-10-19")
    bad = run("referral", "outcome", r["number"], "penalty", "--on", "2026-10-01", "--json", ok=False)
    assert json.loads(bad.stderr)["reason"] == "referral.date_before_referral"
    bad = run("referral", "add", "--case", case, "--body", "不存在的单位", ok=False)
    assert "referral.body_not_found" in bad.stderr and "body" in bad.stderr
    assert len(json.loads(run("referral", "list", "--json").stdout)) == 1
    done = json.loads(run("referral", "outcome", r["number"], "mediation", "--on", "2026-10-30", "--reference",
                          "调字第12号", "--json").stdout)
    assert (done["outcome"], done["outcome_on"], done["body_reference"]) == ("mediation", "2026-10-30", "调字第12号")
    shown = json.loads(run("referral", "show", r["number"], "--json").stdout)
    assert shown["outcome"] == "mediation" and shown["follow_up_on"] is None
    out = tmp_path / "转介函.docx"
    written = json.loads(run("referral", "letter", r["number"], "--out", str(out), "--json").stdout)
    assert written["format"] == "docx" and "知识产权纠纷转介函" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    stats = json.loads(run("referral", "stats", "--json").stdout)
    assert stats["total"] == 1 and stats["by_outcome"] == [["mediation", 1]]
    assert stats["median_days_to_outcome"] == 14.0  # 13 Oct .. 30 Oct 2026: fourteen working days


def test_a_reviewer_sees_a_consultations_referral_with_numbers_masked_and_the_administrator_keeps_the_directory(
        store) -> None:
    accounts = AccountService(store)
    admin = accounts.create_administrator("root", "站长", "referral-pipl-2026")
    for login, name, roles in (("chen", "陈洁", ["registrar"]), ("wang", "王静", ["reviewer"])):
        accounts.create(admin, login, name, roles, "referral-pipl-2026", must_change=False)
    who = {login: accounts.authenticate(login, "referral-pipl-2026") for login in ("root", "chen", "wang")}
    assert len(ReferralService(store, who["root"]).load_starter_directory()) == 8
    assert len(ReferralService(store, who["root"]).list_bodies()) == 8  # the administrator keeps the directory
    c = ConsultationService(store, who["chen"]).add(NewConsultation(
        channel="phone", enquirer="周女士", topic="回电13812345678：商标被抢注", ip_type="trademark",
        at=datetime(2026, 10, 12, 9, 30)))
    made = ReferralService(store, who["chen"]).add(NewReferral(body="陕西省知识产权局", consultation_id=c.id,
                                                                referred_on=date(2026, 10, 12)))
    assert "13812345678" in made.subject
    [seen] = ReferralService(store, who["wang"]).list()
    assert "13812345678" not in seen.subject and "138" in seen.subject
    with pytest.raises(PermissionDeniedError) as refused:
        ReferralService(store, who["wang"]).record_outcome(made.number, "accepted", on=date(2026, 10, 13))
    assert refused.value.reason == "auth.forbidden"
