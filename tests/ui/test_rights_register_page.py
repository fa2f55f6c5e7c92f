"""Stories on the rights register page: staff import a spreadsheet of marks (checking how its columns are
read, correcting one), see the bad rows with their reasons while the good rows are kept, and screen a mark,
a claim and a label against the register."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox

from qcy_workstation.precheck import compare_marks
from qcy_workstation.precheck import register as register_module
from qcy_workstation.precheck.register import import_register, register_counts
from qcy_workstation.precheck.screening import screen_trademark
from qcy_workstation.ui.pages.precheck.common import RED_BG

ROWS = [
    ["注册号", "Word", "注册人", "国际分类", "商标状态"],
    ["1234567", "乔丹", "乔丹体育股份有限公司", "25", "注册"],
    ["2345678", "QIAODAN", "乔丹体育股份有限公司", "25", "注册"],
    ["bad no!", "错号", "某公司", "25", ""],
    ["3456789", "海信", "海信集团", "11", "注册"],
    ["4567890", "星巴克", "星巴克公司", "30,43", "注册"],
]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_import_with_a_corrected_column_shows_the_bad_row_and_keeps_the_good_ones(
        qtbot, window, store, tmp_path, wait_idle, qtmodeltester):  # type: ignore[no-untyped-def]
    page = window.go("register")
    wait_idle()
    assert "商标 0" in page.counts_label.text()
    tab = page.import_tab
    with qtbot.waitSignal(tab.previewed, timeout=10000):
        tab.load_file(str(_csv(tmp_path / "marks.csv", ROWS)))  # what "Choose a file…" hands over
    model = tab.mapping
    qtmodeltester.check(model)
    assert model.kind == "trademark"
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, 2)) for r in range(model.rowCount())}
    assert shown["注册号"] == "注册号" and shown["国际分类"] == "尼斯分类" and shown["注册人"] == "权利人"
    # "Word" is not a header the register knows; "商标状态" is still read as the status, not as the mark
    assert shown["Word"] == "— 不导入 —" and model.fields[4] == "status"
    assert "请为以下字段选择列" in tab.mapping_hint.text() and not tab.import_button.isEnabled()
    assert "乔丹 · QIAODAN" in model.data(model.index(1, 1))  # sample values

    # Staff pick the mark for "Word" in the combo box of the preview.
    combo = tab.mapping_view.indexWidget(model.index(1, 2))
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("mark"))
    assert model.fields == ["reg_no", "mark", "owner", "classes", "status"]
    assert "请为以下字段选择列" not in tab.mapping_hint.text()
    # The status column of this file is unreliable: staff choose "— not imported —" for it.
    combo = tab.mapping_view.indexWidget(model.index(4, 2))
    combo.setCurrentIndex(combo.findData(""))
    assert model.fields == ["reg_no", "mark", "owner", "classes", None]
    assert tab.import_button.isEnabled()
    qtmodeltester.check(model)

    with qtbot.waitSignal(tab.imported, timeout=20000):
        qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    report = tab.report
    assert report.imported == 4 and report.total_rows == 5
    assert "共 5 行，导入 4 行，错误 1 行" in tab.report_label.text()
    qtmodeltester.check(tab.bad_model)
    assert tab.bad_model.rowCount() == 1
    assert tab.bad_model.data(tab.bad_model.index(0, 0)) == "4"  # the spreadsheet's row number
    assert tab.bad_model.data(tab.bad_model.index(0, 1)) == "注册号"
    assert "商标注册号最多 9 位数字" in tab.bad_model.data(tab.bad_model.index(0, 2))  # the reason, in words
    assert "注册号=bad no!" in tab.bad_model.data(tab.bad_model.index(0, 3))
    assert not tab.progress.isVisible() and not tab.cancel_button.isVisible()
    assert register_counts(store)["trademark"] == 4  # the good rows are kept
    assert "status" not in report.mapping
    assert {h.status for h in screen_trademark(store, "乔丹", classes="25").hits} == {""}  # 商标状态 left out
    qtbot.waitUntil(lambda: "商标 4" in page.counts_label.text(), timeout=5000)


def test_a_long_import_shows_its_progress_and_can_be_cancelled_before_anything_is_stored(
        qtbot, window, store, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import_register(store, _csv(tmp_path / "first.csv", [["注册号", "商标名称"], ["1234567", "乔丹"]]))
    rows = [["注册号", "商标名称", "注册人", "国际分类"]]
    rows += [[str(40_000_000 + i), f"秦川{i}号", f"企业{i % 97}", str(1 + i % 45)] for i in range(20_000)]
    page = window.go("register")
    tab = page.import_tab
    with qtbot.waitSignal(tab.previewed, timeout=10000):
        tab.load_file(str(_csv(tmp_path / "big.csv", rows)))
    values: list[tuple[int, int]] = []
    clicked = threading.Event()
    real_import = register_module.import_register

    def import_on_a_slow_disk(*args, progress, **kwargs):  # type: ignore[no-untyped-def]
        # a slow shared disk: after its first report the import waits until staff have seen the bar move,
        # so a loaded test machine cannot finish the import before the click is handled
        def paced(done: int, total: int) -> bool:
            go_on = progress(done, total)
            if done > 0 and go_on:
                clicked.wait(10)
                go_on = progress(done, total)
            return go_on
        return real_import(*args, progress=paced, **kwargs)

    monkeypatch.setattr(register_module, "import_register", import_on_a_slow_disk)

    def bar_moved(value: int) -> None:
        values.append((value, tab.progress.maximum()))
        if value > 0 and tab.cancel_button.isEnabled():
            qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)  # staff cancel as soon as it moves
            clicked.set()

    tab.progress.valueChanged.connect(bar_moved)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert tab.progress.isVisible() and tab.cancel_button.isVisible() and not tab.import_button.isEnabled()
    qtbot.waitUntil(lambda: tab.task is None, timeout=20000)
    # the bar moved in small steps while the file was still being read and checked, and the import stopped
    # long before its end (the worker runs ahead of the bar by the reports still queued)
    moved = [(v, m) for v, m in values if v > 0]
    assert moved[0][0] < moved[0][1] // 5 and moved[-1][0] < moved[-1][1] * 0.6
    assert tab.progress.format() == "%p%"
    assert tab.report_label.text() == "导入已取消：未保存任何数据。"
    assert not tab.progress.isVisible() and tab.import_button.isEnabled()
    assert register_counts(store)["trademark"] == 1  # the register is as it was


def test_screening_a_mark_shows_ranked_hits_with_their_factors(
        qtbot, window, store, tmp_path, type_text, qtmodeltester):  # type: ignore[no-untyped-def]
    rows = [["注册号", "商标名称", "注册人", "国际分类"]] + [[r[0], r[1], r[2], r[3]] for r in ROWS[1:] if r[0].isdigit()]
    rows.append(["5678901", "乔丹王", "某鞋业公司", "25"])
    import_register(store, _csv(tmp_path / "register.csv", rows), actor="张三")
    page = window.go("register")
    page.tabs.setCurrentWidget(page.mark_tab)
    tab = page.mark_tab
    type_text(tab.mark, "乔丹")
    qtbot.keyClicks(tab.classes, "25")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    qtmodeltester.check(tab.model)
    hits = tab.model.rows
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert hits[0].mark == "乔丹"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert hits[1].mark == "乔丹王"  # contains the mark: right after the mark itself
    pinyin = next(h for h in hits if h.mark == "QIAODAN")  # the bare pinyin: in principle not similar (2001)
    assert any(f.name == "pinyin_rule" for f in pinyin.factors) and not pinyin.likely_confusion
    # ... which turns on the mark's reputation: flagged for review, the reason on hover (issue 10)
    row = hits.index(pinyin)
    assert pinyin.needs_review and tab.model.data(tab.model.index(row, 6)) == "⚑"
    tip = tab.model.data(tab.model.index(row, 6), Qt.ItemDataRole.ToolTipRole)
    assert "2001年汉字与拼音商标审查标准" in tip
    assert all(h.mark not in ("海信", "星巴克") for h in hits[:3])
    brush = tab.model.data(tab.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush) and brush.color() == RED_BG  # high risk
    assert tab.model.data(tab.model.index(0, 7)) == "高"
    assert "条结果" in tab.summary.text() and "可能造成混淆" in tab.summary.text()
    # the selected hit's factors, in sentences for a letter
    qtmodeltester.check(tab.factors)
    assert tab.factors.rowCount() >= 2
    rect = tab.table.visualRect(tab.model.index(1, 2))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    names = [tab.factors.data(tab.factors.index(r, 0)) for r in range(tab.factors.rowCount())]
    assert "包含" in names
    sentence = tab.factors.data(tab.factors.index(names.index("包含"), 2))
    assert "「乔丹王」完整包含了「乔丹」" in sentence
    # the goods line is the engine's, word for word as a one-to-one comparison writes it
    goods = tab.factors.data(tab.factors.index(len(names) - 1, 2))
    assert goods == next(f.text_zh for f in compare_marks("乔丹", "乔丹王", classes="25").factors if f.name == "goods")


def test_screening_a_claim_and_a_label_against_the_register(qtbot, window, store, tmp_path, type_text):  # type: ignore[no-untyped-def]
    claims = ("1. 一种保温杯，包括杯体和杯盖，其特征在于：所述杯体为双层不锈钢真空结构；所述杯盖内设有温度显示屏。")
    _csv(tmp_path / "patents.csv", [["专利号", "专利名称", "专利权人", "权利要求"],
                                    ["ZL202020123456.8", "一种保温杯", "秦川家居", claims]])
    import_register(store, tmp_path / "patents.csv", actor="张三")
    page = window.go("register")
    page.tabs.setCurrentWidget(page.claim_tab)
    tab = page.claim_tab
    type_text(tab.text, "一种保温杯，杯身为双层不锈钢真空结构，杯盖内置温度显示屏。")
    with qtbot.waitSignal(tab.finished, timeout=20000):
        qtbot.mouseClick(tab.run_button, Qt.MouseButton.LeftButton)
    assert [h.number for h in tab.model.rows] == ["ZL202020123456.8"]
    assert tab.chart.rowCount() == len(tab.model.rows[0].chart["elements"])

    page.tabs.setCurrentWidget(page.gi_tab)
    gi = page.gi_tab
    type_text(gi.label_edit, "洛川风味苹果")
    type_text(gi.region_edit, "甘肃省天水市")
    with qtbot.waitSignal(gi.finished, timeout=20000):
        qtbot.mouseClick(gi.run_button, Qt.MouseButton.LeftButton)
    assert gi.result.verdict == "misuse" and "洛川苹果" in gi.verdict.text()
