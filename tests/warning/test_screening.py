"""Story: an enterprise plans to export a kiwi-fruit sorter and a new dried-fruit snack. Staff register the
project, screen it against what the workstation knows, follow the risks up, and the project stays watched:
when new rights arrive, only what changed is flagged."""

from __future__ import annotations

from datetime import date

import pytest

from qcy_workstation.cases.dto import NewCase, PartyInput, RightInput
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

TODAY = date(2026, 11, 20)


RISKY = NewProject(
    title="猕猴桃分选设备出口及果干新品", enterprise="杨凌博睿农业科技有限公司", kind="trade",
    technology="本项目的猕猴桃分选设备包括机架、输送带、称重传感器和控制器；称重传感器设置在输送带下方，"
               "控制器根据重量信号控制分拣挡板，实现按重量分级。",
    key_features=("称重传感器位于输送带下方",), marks=("秦韵",), nice_classes="30",
    product_names=("洛川风味苹果脆片",), producer_region="陕西省咸阳市杨陵区",
    counterparties=("咸阳仿冒食品有限公司",), target_markets=("哈萨克斯坦", "乌兹别克斯坦"))
CLEAN = NewProject(
    title="区块链电子存证平台", enterprise="西安链存科技有限公司", kind="rd",
    technology="一种基于区块链的电子数据存证系统，包括哈希计算模块和可信时间戳服务。",
    marks=("星澜",), nice_classes="9", product_names=("智能存证一体机",), counterparties=("北京无关信息技术有限公司",))


@pytest.fixture
def warning(store, register_cases):  # type: ignore[no-untyped-def]
    return WarningService(store, actor="王静", today=TODAY)


def test_screening_finds_every_planted_risk_and_none_for_a_clean_project(warning, patent_number) -> None:  # type: ignore[no-untyped-def]
    project = warning.add(RISKY)
    assert project.number == "EW-2026-0001" and project.watched
    result = warning.screen(project.number)
    by_cat = {r.category: r for r in result.risks}
    assert set(by_cat) == {"patent", "trademark", "gi", "party"}

    patent = by_cat["patent"]
    assert patent.target_ref == patent_number and patent.severity == "high" and patent.action == "fto_opinion"
    assert patent.details["verdict"] == "literal"
    chart = patent.details["chart"]
    assert len(chart) >= 4 and all(row["status"] == "covered" for row in chart)
    assert "全面覆盖" in patent.reason and "专利法第64条" in patent.reason
    # the unrelated patent (solar-panel robot) is not a risk
    assert not any("光伏" in r.target for r in result.risks)

    mark = by_cat["trademark"]
    assert (mark.subject, mark.target, mark.target_ref, mark.severity) == ("秦韵", "秦韵", "12345678", "high")
    assert mark.action == "change_mark" and "商标法第57条" in mark.reason

    gi = by_cat["gi"]
    assert gi.target == "洛川苹果" and gi.severity == "high" and gi.action == "change_mark"
    assert "风味" in gi.reason  # the qualifier does not make the use lawful

    party = by_cat["party"]
    assert party.subject == "咸阳仿冒食品有限公司" and party.severity == "high" and party.target_ref.startswith("QCY-2026-")
    assert party.action == "due_diligence"

    assert {r.id for r in result.new} == {r.id for r in result.risks}  # first screening: all new
    assert all(r.flag == "new" and r.owner == "王静" and r.status == "open" for r in result.risks)
    assert patent.follow_up_on is not None and patent.follow_up_on > TODAY

    clean = warning.add(CLEAN)
    assert warning.screen(clean.number).risks == ()


def test_rescreening_after_an_import_flags_only_what_changed(warning, register_cases) -> None:  # type: ignore[no-untyped-def]
    number = warning.add(RISKY).number
    first = warning.screen(number)
    warning.acknowledge(number)
    assert all(r.flag == "" for r in warning.get(number).risks)
    # nothing changed in the sources: the watch list has nothing to do
    assert warning.rescreen_watched() == []
    assert not warning.list()[0].needs_rescreen

    # a new case brings a new registered mark (秦韵坊, class 30) into the store: the "import"
    register_cases.create(NewCase(
        title="“秦韵坊”商标纠纷", ip_type="trademark", received_on=date(2026, 5, 6),
        applicant=PartyInput(name="宝鸡秦韵坊食品有限公司"),
        rights=(RightInput(kind="trademark", number="22345678", title="秦韵坊", nice_classes="30"),)))
    assert warning.list()[0].needs_rescreen
    results = warning.rescreen_watched()
    assert [r.project for r in results] == [number]
    again = results[0]
    assert [r.key for r in again.new] == ["trademark:秦韵|22345678"]
    assert again.changed == () and again.gone == ()
    assert again.unchanged == len(first.risks)
    flagged = [r for r in warning.get(number).risks if r.flag]
    assert [(r.target, r.flag) for r in flagged] == [("秦韵坊", "new")]
    assert warning.list(flagged_only=True)[0].flagged == 1


def test_a_changed_project_flags_changed_and_vanished_risks(warning) -> None:  # type: ignore[no-untyped-def]
    number = warning.add(RISKY).number
    warning.screen(number)
    warning.acknowledge(number)
    # the snack will now be produced in Luochuan and the counterparty dropped
    warning.update(number, producer_region="陕西省延安市洛川县", counterparties=())
    result = warning.screen(number)
    assert result.new == ()
    changed = {r.category: r for r in result.changed}
    assert changed["gi"].severity == "high"  # still "风味": an imitation label even inside the area
    assert [r.category for r in result.gone] == ["party"]
    assert all(not r.active and r.flag == "changed" for r in result.gone)


def test_staff_follow_up_a_risk(warning) -> None:  # type: ignore[no-untyped-def]
    number = warning.add(RISKY).number
    risk = warning.screen(number).risks[0]
    updated = warning.update_risk(number, risk.id, status="accepted", owner="赵磊", follow_up_on="2026-12-01")
    assert (updated.status, updated.owner, updated.follow_up_on) == ("accepted", "赵磊", date(2026, 12, 1))
    due = warning.due_follow_ups(on=date(2026, 12, 1))
    assert (number, updated.id) in [(n, r.id) for n, r in due]
    with pytest.raises(ValidationError) as err:
        warning.update_risk(number, risk.id, status="done")
    assert err.value.field == "status"
    with pytest.raises(NotFoundError):
        warning.update_risk(number, 999_999, status="resolved")


def test_bad_projects_are_refused_with_the_field_named(warning) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as err:
        warning.add(NewProject(title="x", enterprise="某公司", kind="marketing", technology="y"))
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        warning.add(NewProject(title="x", enterprise="某公司", kind="rd"))
    assert err.value.field == "technology"
    with pytest.raises(ValidationError) as err:
        warning.add(NewProject(title="x", enterprise="某公司", kind="rd", technology="y", enterprise_uscc="123"))
    assert err.value.field == "enterprise_uscc"
