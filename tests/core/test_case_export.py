"""Staff export the filtered case list to Excel for the platform's monthly count."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
from qcy_workstation.cases.export import export_case_list_xlsx


def test_filtered_case_list_goes_to_excel_and_the_export_is_audited(store, cases, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for i, ip_type in enumerate(("patent", "trademark", "patent")):
        cases.create(NewCase(title=f"案件{i}", ip_type=ip_type, applicant=PartyInput(f"西安第{i}科技有限公司"),
                             received_on=date(2026, 10, 1 + i)))
    out = export_case_list_xlsx(store, CaseFilter(ip_type="patent"), tmp_path / "专利案件.xlsx", actor="张三")
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "案件清单（2 件）"
    assert rows[1][:4] == ("编号", "名称", "类型", "状态")
    assert [(r[1], r[2], r[3]) for r in rows[2:]] == [("案件2", "专利", "已收案"), ("案件0", "专利", "已收案")]
    from sqlalchemy import select

    from qcy_workstation.cases.models import AuditEvent

    with store.read() as s:
        event = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar_one()
        assert (event.action, event.entity, event.actor) == ("export", "case_list", "张三")
        assert '"rows": 2' in event.details and '"ip_type": "patent"' in event.details
