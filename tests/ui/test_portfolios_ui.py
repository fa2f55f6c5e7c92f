"""Issue 17 item 3 on Today: the box "Enterprise rights falling due (90 days)" lists renewal windows opening,
annual fees due and terms ending for every enterprise, and writes the selected enterprise's reminder letter
in one click -- on a real store. Set QCY_SHOTS=<folder> to keep the screenshot."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from qcy_workstation.db.base import china_today
from qcy_workstation.portfolios.dto import NewRight
from qcy_workstation.portfolios.service import PortfolioService, add_years


def test_today_lists_enterprise_rights_falling_due_and_writes_the_reminder_letter(
        qtbot, window, store, add_case, wait_idle, tmp_path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    add_case(title="“秦川”商标被仿冒", applicant="西安秦川食品有限公司")
    add_case(title="主轴冷却装置专利被侵权", applicant="陕西秦创智能装备有限公司", ip_type="patent")
    today = china_today()
    service = PortfolioService(store, "张三")
    # a trademark whose renewal window opens in 20 days: registered 10 years less 12 months less 19 days ago
    registered = add_years(today + timedelta(days=20), -9)
    service.add(NewRight("西安秦川食品有限公司", "trademark", "10145231", title="秦川", classes="30",
                         registered_on=registered))
    filed = add_years(today + timedelta(days=40), -5)  # a granted invention: annual fee for year 6 in 40 days
    service.add(NewRight("陕西秦创智能装备有限公司", "invention", "201811564288.X", title="一种数控机床主轴冷却装置",
                         filed_on=filed, registered_on=filed + timedelta(days=700)))
    page = window.go("today")
    wait_idle()
    wait_idle()
    box = page.rights_due
    assert box.title() == "企业权利到期提醒（90 天内）：2"
    assert [(r.event, r.number) for r in box.model.rows] == [("renewal_opens", "10145231"),
                                                             ("annuity_due", "201811564288.X")]
    assert box.model.index(0, 2).data() == "续展期开始"
    assert box.model.index(1, 2).data() == "年费应缴（第6年度）"
    assert "第四十条" in box.model.index(0, 7).data()
    assert not box.letter_button.isEnabled()  # nothing selected yet
    path = tmp_path / "rights-today.png"
    window.resize(1400, 1000)
    assert window.grab().save(str(path)) and path.stat().st_size > 10_000
    if os.environ.get("QCY_SHOTS"):
        shutil.copy(path, Path(os.environ["QCY_SHOTS"]) / path.name)

    box.table.selectRow(1)
    out = tmp_path / "提醒函.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    qtbot.mouseClick(box.letter_button, Qt.MouseButton.LeftButton)
    wait_idle()
    text = "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "").replace("\n", "")
    assert "知识产权到期提醒函" in text and "陕西秦创智能装备有限公司" in text and "201811564288.X" in text
    assert "第九十八条" in text and "未向国家知识产权局核实" in text
    assert "10145231" not in text  # the letter goes to one enterprise only
    assert box.last_letter == out
