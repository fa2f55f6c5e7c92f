"""Staff load the rights register from spreadsheets, screen against it and save results on a case."""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import Workbook

from qcy_workstation.cli import main
from qcy_workstation.errors import NotFoundError, ValidationError
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


def test_cli_register_import_screen_and_save(store_url, tmp_path, cases, capsys):
    number = _new_case(cases)
    f = _csv(tmp_path / "tm.csv", TM_ROWS)
    assert main(["--db", store_url, "register", "import", str(f), "--json"]) == 0
    rep = json.loads(capsys.readouterr().out)
    assert rep["imported"] == 5 and rep["bad"] == 4
    assert main(["--db", store_url, "screen", "trademark", "--mark", "乔丹", "--classes", "25", "--top", "2",
                 "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert len(hits) == 2 and {"score", "factors", "reg_no", "mark"} <= hits[0].keys()
    assert main(["--db", store_url, "precheck", "gi", "--label", "洛川苹果", "--region", "山东", "--case", number,
                 "--json"]) == 0
    capsys.readouterr()
    from qcy_workstation.db.store import open_store

    s = open_store(store_url)
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


def test_the_case_timeline_shows_a_saved_pre_check_in_chinese_only(store, cases):
    """Staff read the timeline in Chinese: no engine codes such as not_infringing or high in the summary."""
    import re

    from qcy_workstation.precheck import compare_claim
    from qcy_workstation.precheck.results import summarise

    number = _new_case(cases)
    svc = PrecheckResultService(store, actor="张三")
    mark = svc.save(number, compare_marks("海尔", "HAIER", classes="11"))
    claim = svc.save(number, compare_claim("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯盖内设有复位弹簧。",
                                           "一种水杯，包括杯体和杯盖，杯盖内没有弹簧。"))
    assert mark.summary == "商标 海尔 / HAIER：" + f"{mark.result['score']}分，风险高"
    assert claim.summary == "专利 权利要求1：未落入保护范围"
    logged = [e.details["summary"] for e in cases.timeline(number) if e.action == "precheck"]
    assert logged == [mark.summary, claim.summary]
    for line in logged:  # the only Latin letters are the mark itself
        assert not re.search(r"[a-z_]{3,}", line.replace("HAIER", "")), line
    # English users get an English line made from the same result
    assert mark.summary_en == f"Trademark 海尔 / HAIER: {mark.result['score']}/100, high risk"
    assert claim.summary_en == "Patent claim 1: outside the scope"
    assert summarise({"kind": "gi", "gi": "洛川苹果", "verdict": "misuse"}) == "地理标志 洛川苹果：不当使用"
    assert summarise({"kind": "gi", "gi": "洛川苹果", "verdict": "lawful"}, "en") == "GI 洛川苹果: lawful use"


def test_an_unrecognised_mark_header_does_not_take_the_status_column(store, tmp_path):
    """The mark column is headed "Word" (not a known name): "商标状态" is still the status, and staff map
    "Word" to the mark themselves."""
    from qcy_workstation.precheck import register

    header = ["注册号", "Word", "注册人", "国际分类", "商标状态"]
    rows = [header, ["1234567", "乔丹", "乔丹体育股份有限公司", "25", "注册"]]
    report = import_register(store, _csv(tmp_path / "tm.csv", rows), mapping={"Word": "mark"})
    assert report.imported == 1
    assert report.mapping == {"reg_no": "注册号", "mark": "Word", "owner": "注册人", "classes": "国际分类", "status": "商标状态"}
    hit = screen_trademark(store, "乔丹", classes="25").hits[0]
    assert hit.mark == "乔丹" and hit.status == "注册"
    with pytest.raises(ValidationError):
        register.detect_mapping(header, "trademark")  # without staff's choice the mark is missing, not guessed wrong
    kind, found = register.guess_mapping(header)  # what a preview shows staff
    assert kind == "trademark" and found["status"] == 4 and "mark" not in found


def test_a_column_staff_mark_as_not_imported_is_left_out(store, tmp_path):
    """The owner column holds an agent's name, not the right holder: staff choose "not imported" for it
    (column 3 -> "" or None) and also move a field to another column; each column fills one field only."""
    rows = [["注册号", "商标名称", "代理机构", "国际分类", "商标状态"],
            ["1234567", "乔丹", "某代理公司", "25", "注册"],
            ["2345678", "QIAODAN", "某代理公司", "25", "注册"]]
    path = _csv(tmp_path / "tm.csv", rows)
    from qcy_workstation.precheck.register import detect_mapping

    kind, cols = detect_mapping(rows[0], None, {"3": "owner"})
    assert cols["owner"] == 2
    kind, cols = detect_mapping(rows[0], None, {"3": "owner", "代理机构": ""})
    assert "owner" not in cols
    kind, cols = detect_mapping(rows[0], None, {"5": None})
    assert "status" not in cols
    kind, cols = detect_mapping(rows[0], None, {"5": "owner"})  # the status column is now the owner, only
    assert cols["owner"] == 4 and "status" not in cols
    report = import_register(store, path, mapping={"3": "owner", "5": None})
    report_2 = import_register(store, path, mapping={"3": ""}, replace=True)
    assert report.imported == 2 and "status" not in report.mapping
    assert report_2.imported == 2 and "owner" not in report_2.mapping
    from sqlalchemy import select

    from qcy_workstation.precheck.models import RegisterTrademark

    with store.read() as s:
        stored = s.execute(select(RegisterTrademark.owner, RegisterTrademark.status)).all()
    assert stored == [("", "注册"), ("", "注册")]


def _marks(path, n):
    rows = [["注册号", "商标名称", "注册人", "国际分类"]]
    rows += [[str(10_000_000 + i), f"秦川{i}号", f"企业{i}", str(1 + i % 45)] for i in range(n)]
    return _csv(path, rows)


def test_a_large_import_reports_progress_often_and_stops_when_told_leaving_the_store_as_it_was(store, tmp_path):
    """Staff import 12,000 marks: the bar moves in small steps through reading, keying and writing; staff
    cancel while the rows are being written, and the register is exactly as before."""
    from qcy_workstation.cases.evidence import Cancelled

    import_register(store, _csv(tmp_path / "first.csv", TM_ROWS[:3]))
    before = register_counts(store)["trademark"]
    path = _marks(tmp_path / "big.csv", 12_000)
    seen: list[tuple[int, int]] = []
    report = import_register(store, path, progress=lambda done, total: seen.append((done, total)))
    assert report.imported == 12_000
    totals = {t for _, t in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1]
    dones = [d for d, _ in seen]
    assert dones == sorted(dones)  # never goes back
    steps = [b - a for a, b in zip(dones, dones[1:], strict=False)]
    assert max(steps) <= 0.05 * seen[0][1]  # no jump larger than 5 % of the whole import
    assert len(seen) >= 3 * 10  # reports in every phase, not once at the end
    # the same file again, replacing: cancel once 90 % is done (rows are being written)
    with store.read() as s:
        from sqlalchemy import select

        from qcy_workstation.precheck.models import RegisterTrademark

        stored_before = s.execute(select(RegisterTrademark.reg_no, RegisterTrademark.batch)).all()
    calls: list[int] = []

    def cancel_late(done: int, total: int) -> bool:
        calls.append(done)
        return done < 0.9 * total

    with pytest.raises(Cancelled):
        import_register(store, path, replace=True, progress=cancel_late)
    with store.read() as s:
        assert s.execute(select(RegisterTrademark.reg_no, RegisterTrademark.batch)).all() == stored_before
    assert register_counts(store)["trademark"] == before + 12_000
    # cancel at the first report: nothing else is read
    calls.clear()
    with pytest.raises(Cancelled):
        import_register(store, _marks(tmp_path / "other.csv", 3_000), progress=lambda d, t: calls.append(d) or False)
    assert calls == [0] and register_counts(store)["trademark"] == before + 12_000


def test_a_screened_hit_weighs_the_goods_like_a_one_to_one_comparison(store, tmp_path):
    """Staff screen 乔丹 for shoes (group 2507) and open a hit: the factors include the goods/services line
    (registered classes/groups against the classes searched), with the same sentence and the same score a
    one-to-one comparison of the two marks gives, so the letter reads the same whichever way it was found."""
    import_register(store, _csv(tmp_path / "tm.csv", TM_ROWS))
    for well_known in (False, True):
        r = screen_trademark(store, "乔丹", classes="2507", top=10, well_known=well_known)
        for hit in r.hits:
            registered = ",".join(x for x in (hit.classes, hit.groups) if x)
            pair = compare_marks("乔丹", hit.mark, classes="2507", other_classes=registered, well_known=well_known)
            assert hit.score == pair.score and hit.likely_confusion == pair.likely_confusion, hit.mark
            assert [f.to_dict() for f in hit.factors] == [f.to_dict() for f in pair.factors], hit.mark
        jordan = next(h for h in r.hits if h.reg_no == "1234567")
        goods = next(f for f in jordan.factors if f.name == "goods")
        assert goods.score == jordan.goods_score == 100 and "2507" in goods.text_zh and "仅供参考" in goods.text_zh
        assert ("well_known" in [f.name for f in jordan.factors]) is well_known
        assert any(f["name"] == "goods" for f in r.to_dict()["hits"][0]["factors"])
    # without classes the goods are not compared, and no goods line is invented
    assert all(f.name != "goods" for h in screen_trademark(store, "乔丹").hits for f in h.factors)
