"""Story: the workstation imports a batch of registered marks and patents into the rights register. Watched
projects are screened against it, and after the next import only the rights that are new are flagged."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from qcy_workstation.cases.validation import patent_check_char
from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

register = pytest.importorskip("qcy_workstation.precheck.register")

TODAY = date(2026, 11, 20)
BODY = "202110654321"
REGISTER_PATENT = f"ZL{BODY}.{patent_check_char(BODY)}"
PROJECT = NewProject(
    title="智能果品分级线出口", enterprise="杨凌博睿农业科技有限公司", kind="trade",
    technology="果品分级线包括机架、滚筒输送机构、高清相机和图像处理单元；相机设置在滚筒输送机构上方，"
               "图像处理单元根据果面缺陷识别结果控制气动推杆剔除次果。",
    marks=("丝路鲜",), nice_classes="31")


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_register_imports_are_screened_and_only_new_rights_flagged(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register.import_register(store, _csv(tmp_path / "marks1.csv", ["注册号", "商标", "权利人", "类别"], [
        ["30000001", "丝路鲜", "西安丝路果业有限公司", "31"],
        ["30000002", "星巴克", "星巴克公司", "30,43"],
        ["30000003", "丝路鲜", "某服装公司", "25"],  # same mark on unrelated goods: no risk to a fruit trader
    ]), kind="trademark")
    register.import_register(store, _csv(tmp_path / "patents1.csv", ["专利号", "名称", "权利人", "权利要求"], [
        [REGISTER_PATENT, "一种果品分级装置", "陕西果科智能装备有限公司",
         "1. 一种果品分级装置，包括机架、滚筒输送机构、相机和图像处理单元，其特征在于：所述相机设置在滚筒输送机构"
         "上方，所述图像处理单元根据缺陷识别结果控制推杆剔除次果。"],
    ]), kind="patent")
    svc = WarningService(store, actor="王静", today=TODAY)
    number = svc.add(PROJECT).number
    first = svc.screen(number)
    keys = {r.key for r in first.risks}
    assert "trademark:丝路鲜|30000001" in keys
    assert "trademark:丝路鲜|30000003" not in keys and "trademark:丝路鲜|30000002" not in keys
    patent = next(r for r in first.risks if r.category == "patent")
    assert patent.target_ref == REGISTER_PATENT and patent.severity in ("high", "medium")
    assert patent.details["source"] == "register" and patent.details["chart"]
    assert first.sources.get("register_trademarks") == 3

    svc.acknowledge(number)
    assert svc.rescreen_watched() == []
    register.import_register(store, _csv(tmp_path / "marks2.csv", ["注册号", "商标", "权利人", "类别"], [
        ["30000004", "丝路鲜果", "咸阳丝路鲜果农业有限公司", "31"],
        ["30000005", "长安号", "西安长安号物流有限公司", "39"],
    ]), kind="trademark")
    assert svc.list()[0].needs_rescreen
    (again,) = svc.rescreen_watched()
    assert [r.key for r in again.new] == ["trademark:丝路鲜|30000004"]
    assert again.changed == () and again.gone == () and again.unchanged == len(first.risks)
    assert [r.target_ref for r in svc.get(number).risks if r.flag] == ["30000004"]
