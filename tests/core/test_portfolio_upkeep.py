"""Issue 17 item 3, continued: staff fill an enterprise's portfolio from the register files they already
import, then record the renewals and annual fees that keep the rights alive.

On a real store (SQLite here, PostgreSQL with ``--store=postgresql``). The story: 西安秦川食品 has its marks in
the trademark register file staff imported last month; staff import them into its portfolio (dates and all),
import again the next month without duplicates, see the bad lines named; a renewal filed in the window moves
the term 10 years on (Trademark Law Art. 40) and the due list with it; a renewal dated before registration or
outside the window is refused with a code and nothing saved; an annual fee paid for year N leaves the list."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import story
from sqlalchemy import func, select

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.errors import ValidationError
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.importing import patent_kind
from qcy_workstation.portfolios.models import EnterpriseRight, RightEvent
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.precheck.register import import_register

TODAY = date(2026, 12, 3)
ENT = "西安秦川食品有限公司"
TM_FILE = [
    ["注册号", "商标名称", "注册人", "类别", "注册日期", "专用权期限至"],
    ["10145231", "秦川", "陕西秦川食品有限公司", "30", "2017-12-14", "2027-12-13"],
    ["10145232", "秦川面坊", "西安秦川食品有限公司；西安秦川餐饮管理有限公司", "30,43", "2016/12/28", ""],
    ["20001234", "秦韵", "宝鸡秦韵酒业有限公司", "33", "2019-05-07", ""],  # another holder
    ["10145233", "秦川老面", "秦川食品", "30", "", ""],  # no registration date: a bad line
    ["10145234", "秦川挂面", "西安秦川食品有限公司", "30", "2018-02-30", ""],  # not a date
]
PATENT_FILE = [
    ["专利号", "专利名称", "专利权人", "申请日", "授权日", "权利要求"],
    ["201811564288.X", "一种挂面烘干装置", "西安秦川食品有限公司", "2018-12-20", "2021-03-02",
     "1. 一种挂面烘干装置，包括烘房、设置在烘房内的挂杆输送链和热风循环风机。"],
    ["201720123456.6", "挂面切断机", "西安秦川食品有限公司", "2017-01-20", "2017-08-01",
     "1. 一种挂面切断机，包括机架、切刀和输送带。"],
]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _counts(store: Any) -> tuple[int, int, int]:
    with store.read() as s:
        return (s.execute(select(func.count(EnterpriseRight.id))).scalar(),
                s.execute(select(func.count(RightEvent.id))).scalar(),
                s.execute(select(func.count(AuditEvent.id))).scalar())


@pytest.fixture
def portfolio(store: Any) -> PortfolioService:
    CaseService(store, "张三").create(NewCase(
        title="“秦川”挂面商标被仿冒", ip_type="trademark", applicant=PartyInput(ENT, settled=True),
        facts="对方在同一种商品上使用近似标志。", received_on=date(2026, 9, 28)))
    return PortfolioService(store, "张三")


def test_staff_import_the_enterprises_marks_from_a_register_file_with_their_dates(portfolio, store, tmp_path):
    path = _csv(tmp_path / "商标注册簿.csv", TM_FILE)
    plan = portfolio.import_rights(ENT, file=path, apply=False)  # first: what it would add
    assert not plan.added and _counts(store)[0] == 0
    assert [(r.number, r.registered_on, r.expires_on) for r in plan.to_add] == [
        ("10145231", date(2017, 12, 14), date(2027, 12, 13)), ("10145232", date(2016, 12, 28), None)]
    assert plan.other_holders == 1  # 宝鸡秦韵 is left alone
    assert {(b.line, b.field) for b in plan.bad} == {("row 5", "registered_on"), ("row 6", "registered_on")}
    done = portfolio.import_rights(ENT, file=path)
    assert done.added and len(done.to_add) == 2
    rights = {r.number: r for r in portfolio.list(ENT)}
    assert rights["10145232"].classes == "30,43" and rights["10145232"].term_ends == date(2026, 12, 27)
    assert rights["10145231"].renewal_opens == date(2026, 12, 14)
    again = portfolio.import_rights(ENT, file=path)  # next month, the same file again
    assert again.to_add == () and sorted(again.already) == ["10145231", "10145232"]
    assert len(portfolio.list(ENT)) == 2


def test_the_register_on_file_gives_the_enterprises_marks_and_patents(portfolio, store, tmp_path):
    import_register(store, _csv(tmp_path / "tm.csv", TM_FILE), actor="张三")  # the bad rows stay out there too
    import_register(store, _csv(tmp_path / "pat.csv", PATENT_FILE), actor="张三")
    plan = portfolio.import_rights(ENT, from_register=True)
    got = {(r.kind, r.number): r for r in plan.to_add}
    assert set(got) == {("trademark", "10145231"), ("trademark", "10145232"), ("invention", "201811564288.X"),
                        ("utility_model", "201720123456.6")}
    assert got[("invention", "201811564288.X")].filed_on == date(2018, 12, 20)
    assert got[("trademark", "10145231")].expires_on == date(2027, 12, 13)
    assert portfolio.import_rights(ENT, from_register=True).already  # re-import adds nothing
    assert len(portfolio.list(ENT)) == 4


def test_patent_kind_comes_from_the_type_digit_of_the_number() -> None:
    assert patent_kind("201811564288.X") == "invention"
    assert patent_kind("ZL201720123456.6") == "utility_model"
    assert patent_kind("202130001234.5") == "design"
    with pytest.raises(ValidationError) as err:
        patent_kind("2018")
    assert err.value.reason == "portfolio.patent_kind"


def test_a_renewal_runs_ten_years_from_the_day_after_the_term_and_the_due_list_moves_on(portfolio, store):
    tm = portfolio.add(NewRight(ENT, "trademark", "10145232", title="秦川面坊", classes="30",
                                registered_on=date(2016, 12, 28)))
    assert [i.event for i in portfolio.due(90, today=TODAY)] == ["term_ends"]  # 2026-12-27
    renewed = portfolio.record_renewal(tm.id, date(2026, 11, 30))
    assert renewed.term_ends == date(2036, 12, 27) and not renewed.term_computed  # 2026-12-28 + 10 years - 1 day
    assert renewed.renewals == 1 and renewed.renewal_opens == date(2035, 12, 28)
    assert portfolio.due(90, today=TODAY) == []
    (event,) = portfolio.events(tm.id)
    assert event.term_from == date(2026, 12, 28) and "第四十条第一款" in event.article


@pytest.mark.parametrize(("filed", "reason"), [
    (date(2016, 12, 1), "portfolio.renewal_before_registration"),  # the issue's own example
    (date(2025, 12, 27), "portfolio.renewal_outside_window"),  # a day before the window opens
    (date(2030, 1, 1), "portfolio.future_date"),
])
def test_a_renewal_outside_the_law_is_refused_with_a_code_and_nothing_saved(portfolio, store, filed, reason):
    tm = portfolio.add(NewRight(ENT, "trademark", "10145232", registered_on=date(2016, 12, 28)))
    before = _counts(store)
    with pytest.raises(ValidationError) as err:
        portfolio.record_renewal(tm.id, filed)
    assert err.value.field == "filed_on" and err.value.reason == reason
    assert _counts(store) == before and portfolio.get(tm.id).term_ends == date(2026, 12, 27)


def test_a_renewal_in_the_grace_period_is_accepted(portfolio):
    tm = portfolio.add(NewRight(ENT, "trademark", "9000001", registered_on=date(2016, 3, 1)))
    assert tm.grace_ends == date(2026, 8, 28)  # term ends 2026-02-28, 6 months grace
    assert portfolio.record_renewal(tm.id, date(2026, 8, 28)).term_ends == date(2036, 2, 29)


def test_an_annual_fee_paid_leaves_the_list_and_a_late_or_repeated_one_is_refused(portfolio, store):
    inv = portfolio.add(NewRight(ENT, "invention", "201811564288.X", filed_on=date(2018, 12, 20),
                                 registered_on=date(2021, 3, 2)))
    assert [(i.event, i.patent_year) for i in portfolio.due(90, today=TODAY)] == [("annuity_due", 9)]
    paid = portfolio.record_annuity(inv.id, 9, date(2026, 11, 20))
    assert paid.paid_year == 9 and portfolio.due(90, today=TODAY) == []
    assert [(i.event, i.patent_year) for i in portfolio.due(400, today=TODAY)] == [("annuity_due", 10)]
    before = _counts(store)
    for year, on, field, reason in [(9, date(2026, 11, 21), "year", "portfolio.annuity_recorded"),
                                    (21, date(2026, 11, 21), "year", "portfolio.patent_year"),
                                    (3, date(2021, 6, 21), "paid_on", "portfolio.annuity_late"),
                                    (8, date(2021, 1, 5), "paid_on", "portfolio.paid_before_grant")]:
        with pytest.raises(ValidationError) as err:
            portfolio.record_annuity(inv.id, year, on)
        assert (err.value.field, err.value.reason) == (field, reason)
    assert _counts(store) == before
    tm = portfolio.add(NewRight(ENT, "trademark", "1", registered_on=date(2020, 1, 1)))
    with pytest.raises(ValidationError) as err:
        portfolio.record_annuity(tm.id, 1, date(2021, 1, 1))
    assert err.value.reason == "portfolio.not_a_patent"


def test_staff_correct_an_entry_and_the_dates_follow(portfolio, store):
    tm = portfolio.add(NewRight(ENT, "trademark", "10145231", title="秦川", registered_on=date(2017, 12, 14)))
    fixed = portfolio.update(tm.id, NewRight(ENT, "trademark", "10145231", title="秦川", classes="30",
                                             registered_on=date(2017, 12, 21)))
    assert fixed.term_ends == date(2027, 12, 20) and fixed.classes == "30"
    before = _counts(store)
    with pytest.raises(ValidationError) as err:
        portfolio.update(tm.id, NewRight(ENT, "trademark", "10145231", classes="99", registered_on=date(2017, 1, 1)))
    assert err.value.field == "classes" and _counts(store) == before


def test_the_cli_imports_renews_and_pays_with_json_and_names_bad_input(store_url: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    run = story(store_url, staff="张三", env=env)

    run("cases", "add", "--type", "trademark", "--title", "秦川商标被仿冒", "--applicant", ENT, "--received",
        "2026-10-09", "--json")
    path = _csv(tmp_path / "tm.csv", TM_FILE)
    dry = run("enterprise", "rights", "import", ENT, "--file", str(path), "--dry-run")
    assert "would add 2" in dry.stdout and "row 5: registered_on" in dry.stdout
    assert json.loads(run("enterprise", "rights", "list", "--json").stdout) == []
    done = json.loads(run("enterprise", "rights", "import", ENT, "--file", str(path), "--json").stdout)
    assert done["added"] and len(done["to_add"]) == 2 and len(done["bad"]) == 2
    rights = {r["number"]: r for r in json.loads(run("enterprise", "rights", "list", "--json").stdout)}
    rid = str(rights["10145232"]["id"])
    bad = run("enterprise", "rights", "renew", rid, "--filed", "2015-01-01", "--json", ok=False)
    assert json.loads(bad.stderr)["reason"] == "portfolio.renewal_before_registration"
    r = json.loads(run("enterprise", "rights", "renew", rid, "--filed", "2026-11-30", "--json").stdout)
    assert r["term_ends"] == "2036-12-27"
    assert "term 2026-12-28..2036-12-27" in run("enterprise", "rights", "events", rid).stdout
    bad = run("enterprise", "rights", "annuity", rid, "--year", "2", "--paid", "2020-01-01", ok=False)
    assert "portfolio.not_a_patent" in bad.stderr
