"""Story: staff hand the enterprise its early-warning memo (预警备忘录) in PDF and Word, and scripts drive
the same service from the command line."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

from cli_runner import run_cli
from docx import Document
from pypdf import PdfReader

from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.warning.dto import NewProject
from qcy_workstation.warning.service import WarningService

TODAY = date(2026, 11, 20)
PROJECT = NewProject(
    title="猕猴桃分选设备出口", enterprise="杨凌博睿农业科技有限公司", kind="trade",
    technology="本项目的猕猴桃分选设备包括机架、输送带、称重传感器和控制器；称重传感器设置在输送带下方，"
               "控制器根据重量信号控制分拣挡板。",
    marks=("秦韵",), nice_classes="30", counterparties=("咸阳仿冒食品有限公司",))


def _squash(text: str) -> str:
    return "".join(text.split())


def test_memo_exports_read_back_with_their_contents(store, register_cases, patent_number, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svc = WarningService(store, actor="王静", today=TODAY)
    number = svc.add(PROJECT).number
    risks = svc.screen(number).risks
    assert {r.category for r in risks} == {"patent", "trademark", "party"}

    pdf = svc.export_memo(number, tmp_path / "memo.pdf")
    text = _squash("".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "知识产权预警备忘录" in text
    assert number in text and "杨凌博睿农业科技有限公司" in text
    assert patent_number in text and "12345678" in text and "咸阳仿冒食品有限公司" in text
    assert "权利要求对比表" in text and "称重传感器" in text  # the claim chart of the top patent hit
    assert "自由实施" in text  # recommended action for the patent risk
    assert "非法律认定" in text  # reference only
    assert "QCY-YA-2026-0001" in text
    # issue 13 item 9: each item once in the advice; no opposition advised against a registered mark
    for related in re.findall(r"针对([^：]+)：", text):
        items = related.split("、")
        assert len(items) == len(set(items)), related
    assert "提出异议、无效宣告" not in text
    assert "UTC" not in text  # times in Beijing time, as the enterprise reads them

    docx = Document(str(svc.export_memo(number, tmp_path / "memo.docx")))
    body = _squash("\n".join(p.text for p in docx.paragraphs))
    cells = [_squash(c.text) for t in docx.tables for row in t.rows for c in row.cells]
    assert "知识产权预警备忘录" in body
    assert any(patent_number in c for c in cells) and any("12345678" in c for c in cells)
    assert "称重传感器" in "".join(cells)

    en = _squash("".join(p.extract_text() for p in PdfReader(svc.export_memo(number, tmp_path / "memo-en.pdf",
                                                                               lang="en")).pages))
    assert "Early-Warning" in en and number in en

    with store.read() as s:
        exports = [json.loads(e.details) for e in s.query(AuditEvent).filter_by(entity="warning_memo", action="export")]
    assert len(exports) == 3 and all(len(e["sha256"]) == 64 for e in exports)


def _cli(store, *args: str) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return run_cli(["--db", store.url, "--staff", "王静",
                           "warning", *args], capture_output=True, text=True, timeout=120)


def test_warning_command_line(store, register_cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    added = _cli(store, "add", "--title", "秦韵茶饮出口", "--enterprise", "杨凌博睿农业科技有限公司", "--kind", "trade",
                 "--mark", "秦韵", "--classes", "30", "--counterparty", "咸阳仿冒食品有限公司", "--screen", "--json")
    assert added.returncode == 0, added.stderr
    data = json.loads(added.stdout)
    number = data["project"]["number"]
    assert {r["category"] for r in data["screening"]["risks"]} == {"trademark", "party"}

    listed = json.loads(_cli(store, "list", "--json").stdout)
    assert listed[0]["number"] == number and listed[0]["risks_high"] == 2 and listed[0]["flagged"] == 2

    again = json.loads(_cli(store, "screen", number, "--json").stdout)
    assert again["new"] == [] and again["changed"] == [] and again["unchanged"] == 2
    assert json.loads(_cli(store, "screen", "--watched", "--json").stdout) == {"screenings": []}

    out = tmp_path / "memo.docx"
    exported = json.loads(_cli(store, "export", number, "--out", str(out), "--json").stdout)
    assert exported["format"] == "docx" and out.exists()

    bad = _cli(store, "add", "--title", "x", "--enterprise", "某公司", "--kind", "marketing", "--technology", "y",
               "--json")
    assert bad.returncode == 1 and json.loads(bad.stderr)["field"] == "kind"
    missing = _cli(store, "show", "EW-2026-9999", "--json")
    assert missing.returncode == 1 and json.loads(missing.stderr)["error"] == "not_found"
