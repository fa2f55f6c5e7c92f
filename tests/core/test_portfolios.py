"""Issue 17 item 3 (first piece): a settled enterprise's own rights and the dates that keep them alive.

On a real store (SQLite here, PostgreSQL with ``--store=postgresql``): staff enter the trademarks and patents
of an enterprise already on file; the workstation computes the trademark renewal window (Trademark Law
Art. 40), patent term ends (Patent Law Art. 42, design 10 or 15 years by filing date) and annual fees, lists
what falls due in 90 days for every enterprise, writes the reminder letter read back from PDF and DOCX, and
refuses bad input with a code and nothing saved."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from cli_runner import story
from pypdf import PdfReader
from sqlalchemy import func, select

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.models import EnterpriseRight
from qcy_workstation.portfolios.service import PortfolioService, add_months, law

TODAY = date(2026, 12, 3)


def _enterprise(store: Any, name: str = "西安秦川食品有限公司") -> None:
    CaseService(store, "张三").create(NewCase(
        title="“秦川”挂面商标被仿冒", ip_type="trademark", applicant=PartyInput(name, settled=True),
        facts="对方在同一种商品上使用近似标志。", received_on=date(2026, 9, 28)))


def _counts(store: Any) -> tuple[int, int]:
    with store.read() as s:
        return (s.execute(select(func.count(EnterpriseRight.id))).scalar(),
                s.execute(select(func.count(AuditEvent.id))).scalar())


@pytest.fixture
def portfolio(store: Any) -> PortfolioService:
    _enterprise(store)
    _enterprise(store, "陕西秦创智能装备有限公司")
    return PortfolioService(store, "张三")


def test_a_trademark_runs_ten_years_and_its_renewal_window_opens_twelve_months_before(portfolio) -> None:
    tm = portfolio.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", title="秦川", classes="30、29 30",
                                registered_on=date(2017, 12, 14)))
    assert tm.classes == "29,30"
    assert tm.term_ends == date(2027, 12, 13) and tm.term_computed  # certificate: 2017-12-14 to 2027-12-13
    assert tm.renewal_opens == date(2026, 12, 14)  # the 12 months before expiry
    assert tm.grace_ends == date(2028, 6, 13)  # 6 months' grace
    assert "第四十条" in tm.renewal_article and "Art. 40" in tm.renewal_article_en
    due = portfolio.due(90, today=TODAY)
    assert [(i.event, i.date, i.number) for i in due] == [("renewal_opens", date(2026, 12, 14), "10145231")]
    assert due[0].article_en == "Trademark Law (2019) Art. 40"


def test_patent_terms_run_from_filing_and_design_depends_on_the_2021_amendment(portfolio) -> None:
    ent = "陕西秦创智能装备有限公司"
    inv = portfolio.add(NewRight(ent, "invention", "201811564288.X", title="一种数控机床主轴冷却装置",
                                 filed_on=date(2018, 12, 20), registered_on=date(2021, 3, 2)))
    um = portfolio.add(NewRight(ent, "utility_model", "201720123456.1", title="夹具", filed_on=date(2017, 1, 20),
                                registered_on=date(2017, 8, 1)))
    old_design = portfolio.add(NewRight(ent, "design", "202130001234.5", title="机床外壳", filed_on=date(2021, 5, 31),
                                        registered_on=date(2021, 10, 8)))
    new_design = portfolio.add(NewRight(ent, "design", "202130005678.9", title="控制面板", filed_on=date(2021, 6, 1),
                                        registered_on=date(2021, 11, 9)))
    assert inv.term_ends == date(2038, 12, 19)
    assert um.term_ends == date(2027, 1, 19)
    assert old_design.term_ends == date(2031, 5, 30) and "（2008）" in old_design.term_article
    assert new_design.term_ends == date(2036, 5, 31) and "2021-06-01" in new_design.term_article_en
    due = portfolio.due(90, today=TODAY, enterprise=ent)
    kinds = {(i.number, i.event): i for i in due}
    annuity = kinds[("201811564288.X", "annuity_due")]
    assert annuity.date == date(2026, 12, 20) and annuity.patent_year == 9
    assert annuity.grace_ends == date(2027, 6, 20) and "第九十八条" in annuity.article
    assert kinds[("201720123456.1", "term_ends")].date == date(2027, 1, 19)  # its 10 years end in 47 days
    assert ("201720123456.1", "annuity_due") not in kinds  # no fee for a year after the term


def test_utility_model_term_end_and_last_annuity(portfolio) -> None:
    ent = "陕西秦创智能装备有限公司"
    portfolio.add(NewRight(ent, "utility_model", "201720123456.1", filed_on=date(2017, 1, 20),
                           registered_on=date(2017, 8, 1)))
    due = portfolio.due(90, today=TODAY, enterprise=ent)
    assert [(i.event, i.date) for i in due] == [("term_ends", date(2027, 1, 19))]  # no fee after the last year
    assert due[0].article_en == "Patent Law (2020) Art. 42(1)"


def test_due_lists_every_enterprise_soonest_first(portfolio) -> None:
    portfolio.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", title="秦川",
                           registered_on=date(2017, 2, 1)))
    portfolio.add(NewRight("陕西秦创智能装备有限公司", "invention", "201811564288.X", filed_on=date(2018, 12, 20),
                           registered_on=date(2021, 3, 2)))
    due = portfolio.due(90, today=TODAY)
    assert [(i.enterprise, i.event) for i in due] == [
        ("陕西秦创智能装备有限公司", "annuity_due"),  # 2026-12-20
        ("西安秦川食品有限公司", "term_ends"),  # 2027-01-31
    ]
    assert portfolio.due(30, today=TODAY)[0].event == "annuity_due" and len(portfolio.due(30, today=TODAY)) == 1


def test_a_gi_authorisation_ends_on_the_date_entered_and_has_no_computed_term(portfolio) -> None:
    gi = portfolio.add(NewRight("西安秦川食品有限公司", "gi", "GI-2024-0031", title="临潼石榴",
                                registered_on=date(2024, 2, 1), expires_on=date(2027, 1, 31)))
    assert gi.term_ends == date(2027, 1, 31) and not gi.term_computed and gi.term_article == ""
    assert [(i.event, i.date) for i in portfolio.due(90, today=TODAY)] == [("term_ends", date(2027, 1, 31))]


@pytest.mark.parametrize(("new", "field", "reason"), [
    (NewRight("西安秦川食品有限公司", "invention", "2018X", filed_on=date(2019, 1, 1), registered_on=date(2018, 1, 1)),
     "registered_on", "portfolio.registered_before_filed"),
    (NewRight("西安秦川食品有限公司", "trademark", "1", registered_on=date(2019, 1, 1), expires_on=date(2018, 1, 1)),
     "expires_on", "portfolio.expiry_before_registration"),
    (NewRight("不存在的公司", "trademark", "1", registered_on=date(2019, 1, 1)),
     "enterprise", "portfolio.enterprise_not_found"),
    (NewRight("西安秦川食品有限公司", "trademark", "1", classes="30,46", registered_on=date(2019, 1, 1)),
     "classes", "portfolio.nice_class"),
    (NewRight("西安秦川食品有限公司", "trademark", "1", classes="0", registered_on=date(2019, 1, 1)),
     "classes", "portfolio.nice_class"),
    (NewRight("西安秦川食品有限公司", "trademark", "1"), "registered_on", "required"),
    (NewRight("西安秦川食品有限公司", "design", "1"), "filed_on", "required"),
    (NewRight("西安秦川食品有限公司", "copyright", "1"), "kind", "choice"),
])
def test_bad_input_is_refused_with_a_code_and_nothing_saved(portfolio, store, new, field, reason) -> None:
    before = _counts(store)
    with pytest.raises((ValidationError, NotFoundError)) as err:
        portfolio.add(new)
    assert err.value.field == field and err.value.reason == reason
    assert _counts(store) == before


def test_a_right_is_entered_once_per_enterprise(portfolio, store) -> None:
    portfolio.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", registered_on=date(2017, 2, 1)))
    before = _counts(store)
    with pytest.raises(ValidationError) as err:
        portfolio.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", registered_on=date(2017, 2, 1)))
    assert err.value.reason == "portfolio.right_exists" and _counts(store) == before


def test_the_law_file_gives_every_rule_an_article_and_effective_dates() -> None:
    data = law()
    for group in ("terms", "renewal", "annuity"):
        for rule in data[group]:
            assert rule["from"] and "until" in rule and rule["article"]["zh"] and rule["article"]["en"]
    assert add_months(date(2024, 8, 31), -6) == date(2024, 2, 29)


def test_the_reminder_letter_gives_dates_and_articles_and_says_nothing_was_verified(portfolio, tmp_path,
                                                                                     store) -> None:
    ent = "西安秦川食品有限公司"
    portfolio.add(NewRight(ent, "trademark", "10145231", title="秦川", classes="30",
                           registered_on=date(2017, 12, 14)))
    pdf = portfolio.export_letter(ent, "pdf", tmp_path / "zh.pdf", lang="zh", today=TODAY)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    for words in ("知识产权到期提醒函", "10145231", "续展期开始", "《商标法》（2019）第四十条", "未向"):
        assert words in text.replace("\n", ""), words
    out = portfolio.export_letter(ent, "docx", tmp_path / "en.docx", lang="en", today=TODAY)
    doc = docx.Document(str(out))
    body = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    for words in ("Renewal window opens", "14 December 2026", "Trademark Law (2019) Art. 40",
                  "Staff verified nothing with CNIPA", "10145231"):
        assert words in body, words
    with store.read() as s:
        exports = s.execute(select(AuditEvent).where(AuditEvent.entity == "enterprise",
                                                     AuditEvent.action == "export")).scalars().all()
    assert len(exports) == 2


def test_the_cli_enters_rights_lists_what_falls_due_with_json_and_refuses_bad_input(store_url: str,
                                                                                     tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    run = story(store_url, staff="张三", env=env)

    run("cases", "add", "--type", "patent", "--title", "主轴冷却装置专利被侵权", "--applicant",
        "陕西秦创智能装备有限公司", "--received", "2026-10-09", "--json")
    r = json.loads(run("enterprise", "rights", "add", "--enterprise", "陕西秦创智能装备有限公司", "--kind", "invention",
                       "--number", "201811564288.X", "--title", "一种数控机床主轴冷却装置", "--filed", "2018-12-20",
                       "--registered", "2021-03-02", "--json").stdout)
    assert r["term_ends"] == "2038-12-19" and r["term_computed"] is True
    tm = json.loads(run("enterprise", "rights", "add", "--enterprise", "陕西秦创智能装备有限公司", "--kind", "trademark",
                        "--number", "30123456", "--title", "秦创", "--classes", "7,42", "--registered",
                        "2017-02-01", "--json").stdout)
    assert tm["renewal_opens"] == "2026-02-01" and tm["term_ends"] == "2027-01-31"
    assert len(json.loads(run("enterprise", "rights", "list", "--json").stdout)) == 2
    due = json.loads(run("enterprise", "rights", "due", "--days", "90", "--today", "2026-12-03", "--json").stdout)
    assert [(d["event"], d["date"]) for d in due] == [("annuity_due", "2026-12-20"), ("term_ends", "2027-01-31")]
    assert due[1]["article_en"] == "Trademark Law (2019) Art. 40"
    assert "not checked with CNIPA" in run("enterprise", "rights", "due", "--today", "2026-12-03").stdout
    bad = run("enterprise", "rights", "add", "--enterprise", "陕西秦创智能装备有限公司", "--kind", "trademark",
              "--number", "1", "--classes", "46", "--registered", "2020-01-01", "--json", ok=False)
    assert json.loads(bad.stderr)["reason"] == "portfolio.nice_class"
    bad = run("enterprise", "rights", "add", "--enterprise", "无此企业", "--kind", "design", "--number", "1",
              "--filed", "2020-01-01", ok=False)
    assert "portfolio.enterprise_not_found" in bad.stderr
    assert len(json.loads(run("enterprise", "rights", "list", "--json").stdout)) == 2  # nothing saved
    out = tmp_path / "提醒函.docx"
    written = json.loads(run("enterprise", "rights", "letter", "--enterprise", "陕西秦创智能装备有限公司", "--out",
                             str(out), "--today", "2026-12-03", "--json").stdout)
    doc = docx.Document(str(out))
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert written["format"] == "docx" and "年费应缴" in cells and "第九十八条" in cells
