"""Staff load the rights register from spreadsheets, screen against it and save results on a case."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import Workbook

from qcy_workstation.cli import main
from qcy_workstation.errors import NotFoundError
from qcy_workstation.precheck import compare_marks
from qcy_workstation.precheck.register import import_register, register_counts
from qcy_workstation.precheck.results import PrecheckResultService
from qcy_workstation.precheck.screening import screen_gi, screen_patent, screen_trademark

TM_ROWS = [
    ["注册号", "商标名称", "注册人", "国际分类", "类似群", "商标状态"],
    ["1234567", "乔丹", "乔丹体育股份有限公司", "25", "2501,2507", "注册"],
    ["2345678", "QIAODAN", "乔丹体育股份有限公司", "25", "", "注册"],
    ["3456789", "海信", "海信集团", "11", "", "注册"],
    ["4567890", "星巴克", "星巴克公司", "30,43", "", "注册"],
    ["5678901", "长城", "中粮", "33", "", "注册"],
    ["bad no!", "错号", "某公司", "25", "", ""],
    ["6789012", "", "空商标", "25", "", ""],
    ["7890123", "类别错", "某公司", "46", "", ""],
    ["1234567", "重复", "某公司", "25", "", ""],
]


def _csv(path, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_import_keeps_good_rows_and_reports_bad_ones_with_reasons(store, tmp_path):
    report = import_register(store, _csv(tmp_path / "tm.csv", TM_ROWS), actor="张三")
    assert report.kind == "trademark"  # detected from the Chinese headers
    assert report.mapping["mark"] == "商标名称" and report.mapping["classes"] == "国际分类"
    assert report.imported == 5 and report.total_rows == 9
    reasons = {b.row: (b.field, b.reason) for b in report.bad_rows}
    assert set(reasons) == {7, 8, 9, 10}
    assert reasons[7][0] == "reg_no" and reasons[8][0] == "mark" and reasons[9][0] == "classes"
    assert "duplicate" in reasons[10][1]
    assert register_counts(store)["trademark"] == 5
    # keys are stored at import, not computed per query
    from sqlalchemy import select

    from qcy_workstation.precheck.models import RegisterTrademark

    with store.read() as s:
        row = s.execute(select(RegisterTrademark).where(RegisterTrademark.reg_no == "1234567")).scalar_one()
        assert row.pinyin == "qiao dan" and row.sound == "kiaodan" and row.groups == "2501,2507"
    again = import_register(store, _csv(tmp_path / "tm2.csv", TM_ROWS[:2]))
    assert again.imported == 0 and "already in the register" in again.bad_rows[0].reason


def test_xlsx_with_english_headers_and_a_column_mapping(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Reg. No.", "Word", "Owner", "Class"])
    ws.append([8000001, "NIKE", "Nike Inc.", 25])
    ws.append([8000002, "SONY", "Sony", "9"])
    path = tmp_path / "marks.xlsx"
    wb.save(path)
    report = import_register(store, path, kind="trademark", mapping={"Word": "mark"})
    assert report.imported == 2 and not report.bad_rows and report.mapping["mark"] == "Word"


def test_screening_a_mark_ranks_confusing_register_marks_first(store, tmp_path):
    import_register(store, _csv(tmp_path / "tm.csv", TM_ROWS))
    r = screen_trademark(store, "乔丹", classes="25", top=3)
    top = [h.mark for h in r.hits]
    assert top[:2] in (["乔丹", "QIAODAN"], ["QIAODAN", "乔丹"])
    assert r.hits[0].likely_confusion and r.hits[0].factors
    # the screen scores a hit exactly like the pairwise comparison does
    pair = compare_marks("乔丹", "QIAODAN", classes="25", other_classes="25")
    q = next(h for h in r.hits if h.mark == "QIAODAN")
    assert q.score == pair.score
    d = r.to_dict()
    assert d["disclaimer"] and d["engine_version"] and d["hits"][0]["factors"]


def test_screening_a_claim_against_register_patents(store, tmp_path):
    rows = [["专利号", "专利名称", "专利权人", "权利要求书"],
            ["ZL202010566088.9", "自拍杆", "甲公司", "1. 一种自拍杆，包括伸缩杆和手柄，其特征在于：所述手柄上设有蓝牙遥控按键。"],
            ["201811564288.X", "保温杯", "乙公司", "1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。"],
            ["202310123456.7", "错号", "丙公司", "1. 一种东西。"]]
    report = import_register(store, _csv(tmp_path / "pat.csv", rows))
    assert report.kind == "patent" and report.imported == 2 and report.bad_rows[0].field == "number"
    r = screen_patent(store, "自拍棒由伸缩杆和握把组成，握把上设有蓝牙遥控按键。")
    assert r.hits[0].number == "ZL202010566088.9" and r.hits[0].verdict == "literal"


def test_store_gi_entries_extend_the_shipped_register(store, tmp_path):
    rows = [["名称", "产地名", "产品", "省", "市", "县", "保护途径", "备注"],
            ["杨凌猕猴桃", "杨凌", "猕猴桃", "陕西省", "咸阳市", "杨凌区", "集体商标", "staff entry, area not checked"],
            ["坏途径", "某地", "某物", "陕西省", "", "", "专利", ""]]
    report = import_register(store, _csv(tmp_path / "gi.csv", rows))
    assert report.kind == "gi" and report.imported == 1 and report.bad_rows[0].field == "routes"
    r = screen_gi(store, "杨凌猕猴桃", "河南省")
    assert r.verdict == "misuse" and r.gi.routes == ("collective_mark",)
    assert screen_gi(store, "洛川苹果", "山东省").verdict == "misuse"  # shipped entries still there


def _new_case(cases) -> str:
    from qcy_workstation.cases.dto import NewCase, PartyInput

    return cases.create(NewCase(title="运动鞋商标侵权", ip_type="trademark", applicant=PartyInput(name="乔丹体育股份有限公司"))).number


def test_a_pre_check_is_saved_on_the_case_with_inputs_and_engine_version(store, cases):
    number = _new_case(cases)
    svc = PrecheckResultService(store, actor="张三")
    result = compare_marks("乔丹", "QIAODAN", classes="25")
    saved = svc.save(number, result)
    assert saved.kind == "trademark" and saved.engine_version == result.to_dict()["engine_version"]
    assert saved.inputs["mark"] == "乔丹" and saved.result["score"] == result.score
    listed = svc.list(number)
    assert [x.id for x in listed] == [saved.id] and listed[0].created_by == "张三"
    assert svc.get(saved.id).summary.startswith("商标 乔丹 / QIAODAN")
    assert any(e.action == "precheck" for e in cases.timeline(number))
    with pytest.raises(NotFoundError):
        svc.save("QCY-1999-00001", result)


def test_cli_register_import_screen_and_save(store_path, tmp_path, cases, capsys):
    number = _new_case(cases)
    f = _csv(tmp_path / "tm.csv", TM_ROWS)
    assert main(["--db", str(store_path), "register", "import", str(f), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["imported"] == 5 and rep["bad"] == 4
    assert main(["--db", str(store_path), "screen", "trademark", "--mark", "乔丹", "--classes", "25", "--top", "2",
                 "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert len(hits) == 2 and {"score", "factors", "reg_no", "mark"} <= hits[0].keys()
    assert main(["--db", str(store_path), "precheck", "gi", "--label", "洛川苹果", "--region", "山东", "--case", number,
                 "--json"]) == 0
    capsys.readouterr()
    from qcy_workstation.db.store import open_store

    s = open_store(store_path)
    try:
        assert PrecheckResultService(s, "x").list(number)[0].kind == "gi"
    finally:
        s.close()


def test_screening_index_is_cached_beside_the_store_and_rebuilt_after_an_import(store, tmp_path):
    from qcy_workstation.precheck import screening

    import_register(store, _csv(tmp_path / "tm.csv", TM_ROWS[:4]))
    first = screening.trademark_index(store)
    files = list((store.files_dir / "screen-index").glob("*.pickle"))
    assert len(files) == 1 and len(first) == 3
    screening._cache.clear()  # a new process: the index comes from the file
    again = screening.trademark_index(store)
    assert len(again) == 3 and again.build_seconds == 0.0
    import_register(store, _csv(tmp_path / "more.csv", [TM_ROWS[0], TM_ROWS[4]]))
    assert [h.mark for h in screen_trademark(store, "星巴克", classes="43", top=1).hits] == ["星巴克"]
    assert len(list((store.files_dir / "screen-index").glob("*.pickle"))) == 1
