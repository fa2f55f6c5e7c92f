"""Issue 17 item 3: the early-warning watch over each enterprise's own marks and claims.

On a real store: 西安秦川食品 holds the mark 秦川 (class 30) and an invention patent whose claims the register
holds. A new trademark register file arrives with 秦川 look-alikes of other holders; importing it screens
them against the enterprise's marks with the trademark engine, and each hit becomes an early-warning risk of
the enterprise's watch project, saying why (and "needs review" where the engine cannot tell from the words).
The enterprise's own new marks are no hit; running the watch again stores nothing twice."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from sqlalchemy import select

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.service import PortfolioService
from qcy_workstation.portfolios.watch import NewMark, OwnMark, naive_screen_marks, screen_marks
from qcy_workstation.precheck.register import import_register
from qcy_workstation.precheck.trademark import mark_keys
from qcy_workstation.warning.models import WarningProject, WarningRisk
from qcy_workstation.warning.service import WarningService

ENT = "西安秦川食品有限公司"
NEW_MARKS = [
    ["注册号", "商标名称", "注册人", "类别"],
    ["60000001", "秦川", "咸阳某食品厂", "30"],  # the same word, same goods
    ["60000002", "泰川", "渭南泰川面业有限公司", "30"],  # one stroke away
    ["60000003", "长城", "某酒业有限公司", "33"],  # nothing alike
    ["60000004", "秦川", "西安秦川食品有限公司", "30"],  # the enterprise's own application
    ["60000005", "秦川", "西安某科技有限公司", "9"],  # the same word on other goods
]
OWN_CLAIMS = "1. 一种挂面烘干装置，包括烘房、设置在烘房内的挂杆输送链和热风循环风机，所述热风循环风机设置在烘房顶部。"
NEW_PATENTS = [
    ["专利号", "专利名称", "专利权人", "权利要求"],
    ["202310123456.6", "挂面烘干房", "河南某机械有限公司",
     "1. 一种挂面烘干房，包括烘房、设置在烘房内的挂杆输送链和热风循环风机。"],
]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture
def enterprise(store: Any) -> PortfolioService:
    CaseService(store, "张三").create(NewCase(
        title="“秦川”挂面商标被仿冒", ip_type="trademark", applicant=PartyInput(ENT, settled=True),
        facts="对方在同一种商品上使用近似标志。", received_on=date(2026, 9, 28)))
    p = PortfolioService(store, "张三")
    p.add(NewRight(ENT, "trademark", "10145231", title="秦川", classes="30", registered_on=date(2017, 12, 14)))
    return p


def test_a_new_register_import_is_screened_against_the_enterprises_marks(enterprise, store, tmp_path) -> None:
    report = import_register(store, _csv(tmp_path / "新商标.csv", NEW_MARKS), actor="张三")
    watch = enterprise.watch(batch=report.batch)
    assert watch.new_marks == 5 and watch.own_marks == 1
    hits = {h.new_number: h for h in watch.hits}
    assert "60000001" in hits and hits["60000001"].severity == "high" and hits["60000001"].likely_confusion
    assert "60000003" not in hits  # 长城 is nothing like 秦川
    assert "60000004" not in hits  # the enterprise's own application
    same = hits["60000001"]
    assert "秦川" in same.reason and "第33条" in same.reason and "Art. 45" in same.reason_en
    other_goods = hits["60000005"]  # the same word on other goods turns on reputation: review, not a finding
    assert other_goods.needs_review and other_goods.severity == "low" and not other_goods.likely_confusion
    assert "needs review" in other_goods.reason_en and other_goods.review_en
    # the hits are early-warning risks of the enterprise's watch project, flagged new
    with store.read() as s:
        project = s.execute(select(WarningProject).where(WarningProject.enterprise == ENT)).scalar_one()
        risks = [(r.target_ref, r.flag, r.follow_up_on, r.reason, json.loads(r.details)) for r in s.execute(
            select(WarningRisk).where(WarningRisk.project_id == project.id)).scalars()]
        number = project.number
    assert {r[0] for r in risks} == set(hits) and all(r[1] == "new" for r in risks)
    assert all(r[2] is not None for r in risks)
    view = WarningService(store, "张三").get(number)
    assert "权利组合监视" in view.title and len(view.risks) == len(hits)
    needs = [r for r in risks if r[4]["needs_review"]]
    assert all("需人工复核" in r[3] for r in needs)
    again = enterprise.watch(batch=report.batch)  # a second run stores nothing twice
    assert again.stored == 0 and len(again.hits) == len(hits)
    with store.read() as s:
        assert len(s.execute(select(WarningRisk)).scalars().all()) == len(risks)


def test_new_patents_are_charted_against_the_claims_of_the_enterprises_patents(enterprise, store, tmp_path):
    own = [["专利号", "专利名称", "专利权人", "申请日", "授权日", "权利要求"],
           ["201811564288.X", "一种挂面烘干装置", ENT, "2018-12-20", "2021-03-02", OWN_CLAIMS]]
    import_register(store, _csv(tmp_path / "own.csv", own), actor="张三")
    enterprise.import_rights(ENT, from_register=True)
    report = import_register(store, _csv(tmp_path / "new.csv", NEW_PATENTS), actor="张三")
    watch = enterprise.watch(batch=report.batch)
    assert watch.own_patents == 1 and watch.new_patents == 1
    (hit,) = [h for h in watch.hits if h.category == "patent"]
    assert hit.new_number == "202310123456.6" and hit.own_number == "201811564288.X"
    assert "201811564288.X" in hit.reason and hit.stored


def test_the_shortlist_finds_what_comparing_every_pair_finds() -> None:
    own = [OwnMark(1, "甲", str(i), m, ("30",), mark_keys(m)) for i, m in enumerate(["秦川", "华山", "STARBUCKS"])]
    new = [NewMark(f"n{i}", m, "乙", ("30",), mark_keys(m))
           for i, m in enumerate(["秦川", "泰川", "秦州", "华山牌", "星巴克", "STARBUKS", "长城", "黄河", "秦"])]
    fast, compared = screen_marks(own, new)
    slow = naive_screen_marks(own, new)
    assert {(h.own_number, h.new_number) for h in fast} == {(h.own_number, h.new_number) for h in slow}
    assert compared < len(own) * len(new)


def test_register_import_on_the_cli_runs_the_watch_and_enterprise_watch_reruns_it(store_url: str,
                                                                                   tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QCY_TOKEN", "QCY_DB")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        proc = run_cli(["--db", store_url, "--staff", "张三", *args],
                              capture_output=True, text=True, timeout=180, env=env)
        assert proc.returncode == 0, proc.stderr
        return proc

    run("cases", "add", "--type", "trademark", "--title", "秦川商标被仿冒", "--applicant", ENT, "--received",
        "2026-10-09")
    run("enterprise", "rights", "add", "--enterprise", ENT, "--kind", "trademark", "--number", "10145231",
        "--title", "秦川", "--classes", "30", "--registered", "2017-12-14")
    out = json.loads(run("register", "import", str(_csv(tmp_path / "new.csv", NEW_MARKS)), "--json").stdout)
    assert out["watch"]["stored"] >= 1 and any(h["new_number"] == "60000001" for h in out["watch"]["hits"])
    text = run("enterprise", "watch", "--since", "2026-01-01").stdout
    assert "60000001" in text and "0 new early-warning risks" in text and "not a legal determination" in text
