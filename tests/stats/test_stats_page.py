"""Story: the head opens the statistics page, sees the figures of the demo store, switches the period and
exports a table and the monthly report without leaving the page."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")


@pytest.fixture
def ui_ctx(qapp, store, tmp_path: Path):  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.demo import seed_demo
    from qcy_workstation.ui.context import AppContext, Prefs

    seed_demo(store, cases=120, consultations=200, seed=5)
    ctx = AppContext(store, staff="张三", prefs=Prefs.at(str(tmp_path / "prefs.ini")))
    yield ctx
    ctx.runner.wait_idle(10000)
    ctx.runner.shutdown()


def test_dashboard_shows_the_figures_and_exports(qtbot, qtmodeltester, ui_ctx, store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from qcy_workstation.stats import StatsService
    from qcy_workstation.ui.pages.stats_page import PRESETS, StatsPage

    page = StatsPage(ui_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.charts_drawn, timeout=30000):
        pass
    expected = StatsService(store).dashboard()
    card = page.cards["cases_by_type"]
    shown = {card.model.rows[i][0]: card.model.rows[i][1] for i in range(card.model.rowCount())}
    assert sum(shown.values()) == expected.totals["cases"] == 120
    assert card.chart.pixmap() is not None and not card.chart.pixmap().isNull()
    qtmodeltester.check(card.model)
    assert str(expected.totals["consultations"]) in page.summary.text()

    with qtbot.waitSignal(page.loaded, timeout=30000):
        page.preset.setCurrentIndex(PRESETS.index("this_year"))
    assert page.result["dashboard"].date_from is not None

    out = tmp_path / "types.xlsx"
    page.export_xlsx("cases_by_type", str(out))
    qtbot.waitUntil(out.exists, timeout=30000)
    ui_ctx.runner.wait_idle(10000)
    ws = load_workbook(out).active
    assert ws.max_row == 2 + len(page.result["dashboard"].cases_by_type)

    report = tmp_path / "month.pdf"
    page.export_report(str(report))
    qtbot.waitUntil(report.exists, timeout=30000)
    ui_ctx.runner.wait_idle(20000)
    assert len(PdfReader(report).pages) >= 2
