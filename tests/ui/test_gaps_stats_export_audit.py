"""Story: the head exports this year's case table to Excel and the monthly report from the statistics page;
both files are in the audit trail under her name, with the period and the file's SHA-256."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import select

from qcy_workstation.cases.models import AuditEvent


def test_statistics_exports_from_the_page_are_audited(qtbot, ctx, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.ui.pages.stats_page import PRESETS, StatsPage

    seed_demo(store, cases=40, consultations=60, seed=5)
    ctx.staff = "王主任"
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.charts_drawn, timeout=30000):
        pass  # the first figures (all time) are shown
    page.preset.setCurrentIndex(PRESETS.index("this_year"))
    qtbot.waitUntil(lambda: bool(page.result) and page.result["dashboard"].date_from is not None, timeout=30000)
    ctx.runner.wait_idle(20000)
    dash = page.result["dashboard"]

    xlsx = tmp_path / "types.xlsx"
    page.export_xlsx("cases_by_type", str(xlsx))
    qtbot.waitUntil(xlsx.exists, timeout=30000)
    ctx.runner.wait_idle(10000)
    report = tmp_path / "month.pdf"
    page.export_report(str(report))
    qtbot.waitUntil(report.exists, timeout=30000)
    ctx.runner.wait_idle(20000)

    with store.read() as s:
        rows = s.execute(select(AuditEvent.actor, AuditEvent.details).where(
            AuditEvent.entity == "stats_export").order_by(AuditEvent.id)).all()
    assert [actor for actor, _ in rows] == ["王主任", "王主任"]
    table, monthly = (json.loads(d) for _, d in rows)
    assert (table["kind"], table["file"], table["tables"]) == ("xlsx", "types.xlsx", ["cases_by_type"])
    assert table["period"] == [dash.date_from.isoformat(), dash.date_to.isoformat() if dash.date_to else None]
    assert table["period"][0].endswith("-01-01")
    assert table["sha256"] == hashlib.sha256(xlsx.read_bytes()).hexdigest()
    assert (monthly["kind"], monthly["format"], monthly["file"]) == ("monthly", "pdf", "month.pdf")
    assert monthly["sha256"] == hashlib.sha256(report.read_bytes()).hexdigest()
