"""Staff filter the case list and export exactly what they see to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from qcy_workstation.cases.dto import NewCase, PartyInput


def test_staff_export_the_filtered_case_list_to_excel(qtbot, window, cases, wait_idle, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cases.create(NewCase(title="“秦韵”商标侵权", ip_type="trademark", applicant=PartyInput("西安秦韵茶业有限公司"),
                         received_on=date(2026, 10, 8)))
    cases.create(NewCase(title="猕猴桃分选装置专利", ip_type="patent", applicant=PartyInput("周至果业有限公司"),
                         received_on=date(2026, 10, 9)))
    page = window.go("cases")
    wait_idle()
    page.type_box.setCurrentIndex(page.type_box.findData("trademark"))
    wait_idle()
    out = tmp_path / "商标案件.xlsx"
    with qtbot.waitSignal(page.exported, timeout=15000) as signal:
        page.export_xlsx(str(out))
    assert signal.args == [str(out)]
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert [r[1] for r in rows[2:]] == ["“秦韵”商标侵权"]
    assert page.export_button.text() == "导出为 Excel…"
