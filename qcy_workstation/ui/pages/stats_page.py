"""Statistics dashboard: the period's figures as charts and tables, XLSX export, monthly/annual reports.

All figures come from ``StatsService.dashboard`` on the background runner (SQL aggregates; well under a
second at 100,000 cases); the chart images are drawn there too (the same Pillow charts as the reports), so
the GUI thread only shows pixmaps and small tables.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, QTime, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import today

PRESETS = ("all", "this_month", "last_month", "this_year", "last_year", "custom")


def _period_for(preset: str, today: date) -> tuple[date | None, date | None]:
    if preset == "this_month":
        return date(today.year, today.month, 1), today
    if preset == "last_month":
        y, m = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
        from qcy_workstation.stats.figures import StatsPeriod

        p = StatsPeriod.month(y, m)
        return p.date_from, p.date_to
    if preset == "this_year":
        return date(today.year, 1, 1), today
    if preset == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


def compute(store: Any, date_from: date | None, date_to: date | None, lang: str,
            principal: Any = None) -> dict[str, Any]:
    """Worker: figures and their tables for one period (plain values only). ``principal`` is who reads them:
    enterprises are named only through the cases that account may see (None: a store without accounts)."""
    from qcy_workstation.referrals.service import ReferralService
    from qcy_workstation.stats.figures import StatsPeriod, StatsService

    dash = StatsService(store).dashboard(StatsPeriod(date_from, date_to), principal=principal)
    referrals = ReferralService(store, principal or "staff").figures(date_from=date_from, date_to=date_to)
    return {"dashboard": dash, "tables": dash.tables(lang) + referrals.tables(lang), "charts": {}}


def draw_charts(tables: list[Any]) -> dict[str, bytes]:
    """Worker: one chart image per chartable table (second phase: the tables paint first)."""
    from qcy_workstation.stats.charts import bar_chart_png

    charts: dict[str, bytes] = {}
    for t in tables:
        values = [r[1] for r in t.rows if isinstance(r[1], int | float)]
        if t.chart and len(values) == len(t.rows) and len(values) >= 2 and any(values):
            charts[t.key] = bar_chart_png([str(r[0]) for r in t.rows], values, width_px=900, scale=1,
                                          vertical=t.key.endswith("_month"))
    return charts


def _cell_getter(table: Any, column: int) -> Any:
    return lambda row: table.cell_text(column, row[column])


class _Card(QGroupBox):
    """One table of the dashboard: its chart, its rows and an export button."""

    export_requested = Signal(str)

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        layout = QVBoxLayout(self)
        self.chart = QLabel(self)
        self.chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = QTableView(self)
        self.view.setObjectName(f"table_{key}")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setMaximumHeight(220)
        self.model = RowTableModel([], self)
        self.view.setModel(self.model)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName(f"export_{key}")
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.key))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addWidget(self.chart)
        layout.addWidget(self.view)
        layout.addLayout(row)

    def show_table(self, table: Any, png: bytes | None) -> None:
        self.setTitle(table.title_zh if self.window_lang() == "zh" else table.title_en)
        columns = [Column(h, _cell_getter(table, i), align_right=i > 0) for i, h in enumerate(table.headers)]
        self.model.beginResetModel()
        self.model.columns = columns
        self.model.rows = list(table.rows)
        self.model.endResetModel()
        if png:
            pix = QPixmap()
            pix.loadFromData(png, "PNG")
            self.chart.setPixmap(pix.scaledToWidth(560, Qt.TransformationMode.SmoothTransformation))
            self.chart.show()
        else:
            self.chart.clear()
            self.chart.hide()
        self.export_button.setText(self.tr("Export to Excel…"))

    @staticmethod
    def window_lang() -> str:
        from PySide6.QtCore import QLocale

        return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


class StatsPage(QWidget):
    """The dashboard. ``refresh()`` recomputes for the chosen period in the background.

    Signals:
        loaded(): the figures of the current period are shown (tables first).
        charts_drawn(): their chart images are shown too.
    """

    loaded = Signal()
    charts_drawn = Signal()

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.result: dict[str, Any] | None = None
        self.cards: dict[str, _Card] = {}
        self._task: Any = None
        self._build()
        self.retranslate()
        ctx.cases_changed.connect(lambda _n: self._stale())
        ctx.consultations_changed.connect(self._stale)
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.preset = QComboBox(self)
        self.preset.setObjectName("statsPreset")
        for _ in PRESETS:
            self.preset.addItem("")
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for w, name in ((self.date_from, "statsFrom"), (self.date_to, "statsTo")):
            w.setObjectName(name)
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
            w.setDate(today())
            w.setEnabled(False)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("statsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.export_all = QPushButton(self)
        self.export_all.setObjectName("statsExportAll")
        self.export_all.clicked.connect(lambda: self.export_xlsx(None))
        self.report_kind = QComboBox(self)
        self.report_kind.setObjectName("reportKind")
        self.report_kind.addItems(["", ""])
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("statsReport")
        self.report_button.clicked.connect(lambda: self.export_report(None))
        bar = QHBoxLayout()
        self.period_label = QLabel(self)
        for w in (self.period_label, self.preset, self.date_from, self.date_to, self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.export_all, self.report_kind, self.report_button):
            bar.addWidget(w)
        self.summary = QLabel(self)
        self.summary.setObjectName("statsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("statsStatus")
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Statistics"))
        self.period_label.setText(self.tr("Period:"))
        names = [self.tr("All time"), self.tr("This month"), self.tr("Last month"), self.tr("This year"),
                 self.tr("Last year"), self.tr("Custom")]
        for i, n in enumerate(names):
            self.preset.setItemText(i, n)
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_all.setText(self.tr("Export all to Excel…"))
        self.report_kind.setItemText(0, self.tr("Monthly report"))
        self.report_kind.setItemText(1, self.tr("Annual report"))
        self.report_button.setText(self.tr("Export report…"))
        if self.result:
            self._show(self.result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def period(self) -> tuple[date | None, date | None]:
        preset = PRESETS[self.preset.currentIndex()]
        if preset == "custom":
            return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]
        from qcy_workstation.db.base import china_today

        return _period_for(preset, china_today())

    def _on_preset(self, _index: int) -> None:
        custom = PRESETS[self.preset.currentIndex()] == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        lo, hi = self.period()
        if not custom and lo and hi:
            self.date_from.setDate(QDate(lo.year, lo.month, lo.day))
            self.date_to.setDate(QDate(hi.year, hi.month, hi.day))
        if not custom:
            self.refresh()

    def _stale(self) -> None:
        self.status.setText(self.tr("Data changed: press Refresh to update the figures."))

    def on_shown(self) -> None:
        if self.result is None:
            self.refresh()

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        lo, hi = self.period()
        lang = _Card.window_lang()
        store, principal = self.ctx.store, self.ctx.principal
        self.status.setText(self.tr("Computing…"))
        if self._task is not None:
            self._task.cancel()  # an older period's figures must not replace the newer ones when they arrive late
        self._task = self.ctx.runner.submit(lambda: compute(store, lo, hi, lang, principal), on_success=self._show,
                                            name="stats")

    def _show(self, result: dict[str, Any]) -> None:
        self.result = result
        d = result["dashboard"]
        t = d.totals
        self.summary.setText(self.tr(
            "Cases: %1 (open %2) · Consultations: %3 (to cases %4) · Enterprises assisted: %5 · "
            "Early-warning projects: %6, risks: %7").replace("%1", str(t["cases"])).replace(
            "%2", str(t["open_cases"])).replace("%3", str(t["consultations"])).replace(
            "%4", str(t["consultations_linked_to_cases"])).replace("%5", str(t["enterprises_assisted"])).replace(
            "%6", str(t["warning_projects"])).replace("%7", str(t["warning_risks"])))
        self.status.setText(self.tr("Figures as of %1").replace("%1", QTime.currentTime().toString("HH:mm")))
        for i, table in enumerate(result["tables"]):
            card = self.cards.get(table.key)
            if card is None:
                card = _Card(table.key, self.grid_host)
                card.export_requested.connect(self.export_xlsx)
                self.cards[table.key] = card
                self.grid.addWidget(card, i // 2, i % 2)
            card.show_table(table, result["charts"].get(table.key))
        self.loaded.emit()
        if not result["charts"]:
            tables = result["tables"]
            self.ctx.runner.submit(lambda: draw_charts(tables), on_success=lambda charts: self._show_charts(result, charts),
                                   name="stats-charts")

    def _show_charts(self, result: dict[str, Any], charts: dict[str, bytes]) -> None:
        if result is not self.result:
            return  # a newer period is on screen
        result["charts"] = charts
        for table in result["tables"]:
            if table.key in self.cards:
                self.cards[table.key].show_table(table, charts.get(table.key))
        self.charts_drawn.emit()

    # ------------------------------------------------------------------ exports

    def export_xlsx(self, key: str | None, path: str | None = None) -> None:
        """Export one table (``key``) or all of them; asks for the file unless ``path`` is given."""
        if not self.result:
            return
        tables = [t for t in self.result["tables"] if key is None or t.key == key]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                                  f"{key or 'statistics'}.xlsx", "Excel (*.xlsx)")
            if not path:
                return
        from qcy_workstation.stats.export import export_tables_xlsx

        lang, store, actor = _Card.window_lang(), self.ctx.store, self.ctx.actor
        dash = self.result["dashboard"]
        period = (dash.date_from, dash.date_to)
        self.ctx.runner.submit(lambda: export_tables_xlsx(tables, path, lang=lang, store=store, actor=actor,
                                                          period=period),
                               on_success=lambda p: self.status.setText(self.tr("Saved %1").replace("%1", str(p))),
                               name="stats-xlsx")

    def export_report(self, path: str | None = None) -> None:
        """The monthly (period's first month) or annual report as PDF or DOCX (by the file's suffix)."""
        if self.ctx.store is None:
            return
        lo, _hi = self.period()
        from qcy_workstation.db.base import china_today

        start = lo or china_today()
        kind = "monthly" if self.report_kind.currentIndex() == 0 else "annual"
        if path is None:
            name = f"{start:%Y-%m}.pdf" if kind == "monthly" else f"{start.year}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export report"), name,
                                                  "PDF (*.pdf);;Word (*.docx)")
            if not path:
                return
        store, lang, actor = self.ctx.store, _Card.window_lang(), self.ctx.actor

        def work() -> Path:
            from qcy_workstation.stats.report import build_report, export_report

            report = build_report(store, kind=kind, year=start.year, month=start.month if kind == "monthly" else None,
                                  lang=lang)
            return export_report(report, path, store=store, actor=actor)

        self.ctx.runner.submit(work, on_success=lambda p: self.status.setText(self.tr("Saved %1").replace("%1", str(p))),
                               name="stats-report")


register_page("stats", QT_TRANSLATE_NOOP("Pages", "Statistics"), StatsPage, order=80, icon="stats.svg")
