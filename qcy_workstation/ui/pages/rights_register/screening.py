"""The rights register's screening tabs: one mark, one claim or one product label against the register.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.models import Column
from qcy_workstation.ui.pages.precheck.common import (
    AMBER_BG,
    AMBER_FG,
    RED_BG,
    RED_FG,
    RISK,
    RISK_COLOURS,
    VERDICT_SHORT,
    StatusModel,
    badge,
    chart_columns,
    chart_model,
    element_rows,
    factor_columns,
    factor_model,
    table_view,
    tl,
    ui_lang,
)
from qcy_workstation.ui.pages.precheck.gi import show_gi
from qcy_workstation.ui.widgets import ResultTab

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.rights_register.page import RightsRegisterPage


def _review_tip(h: Any) -> str:
    zh = ui_lang() == "zh"
    return "\n".join(r.text_zh if zh else r.text_en for r in getattr(h, "review_reasons", ()))


def _tm_band(h: Any) -> str:
    return h.risk


HIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda h: h.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Reg. no."), lambda h: h.reg_no),
    Column(QT_TRANSLATE_NOOP("Columns", "Mark"), lambda h: h.mark),
    Column(QT_TRANSLATE_NOOP("Columns", "Right holder"), lambda h: h.owner),
    Column(QT_TRANSLATE_NOOP("Columns", "Classes"), lambda h: ",".join(x for x in (h.classes, h.groups) if x)),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda h: h.score, align_right=True),
    # a hit the words cannot decide (precheck.trademark_review) shows ⚑ instead of a tick, its reasons on hover
    Column(QT_TRANSLATE_NOOP("Columns", "Likely confusion"),
           lambda h: "⚑" if getattr(h, "needs_review", False) else h.likely_confusion, tooltip=_review_tip),
    Column(QT_TRANSLATE_NOOP("Columns", "Risk"), lambda h: tl(RISK, h.risk)),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda h: h.status),
]


class MarkScreenTab(ResultTab):
    """One mark against the register: ranked hits, and the factors of the selected hit.

    Signals:
        finished(): the hits are shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.mark = self.run_line_edit("screenMark")
        self.classes = self.run_line_edit("screenClasses")
        self.top = QSpinBox(self)
        self.top.setObjectName("screenTop")
        self.top.setRange(1, 200)
        self.top.setValue(20)
        self.run_button = self.make_run_button("screenMarkRun")
        self.l_mark, self.l_classes, self.l_top = QLabel(self), QLabel(self), QLabel(self)
        row = QHBoxLayout()
        for w, s in ((self.l_mark, 0), (self.mark, 2), (self.l_classes, 0), (self.classes, 1), (self.l_top, 0),
                     (self.top, 0), (self.run_button, 0)):
            row.addWidget(w, s)
        self.summary = QLabel(self)
        self.summary.setObjectName("screenMarkSummary")
        self.summary.setWordWrap(True)
        self.model = StatusModel(HIT_COLUMNS, _tm_band, {"high": RISK_COLOURS["high"], "medium": RISK_COLOURS["medium"]},
                                 self)
        self.table = table_view(self.model, self, "markHits", stretch=3)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_factors(cur.row()))
        self.factors = factor_model(self)
        self.factor_table = table_view(self.factors, self, "hitFactors")
        self.factor_title = QLabel(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        fw = QWidget(self)
        fv = QVBoxLayout(fw)
        fv.setContentsMargins(0, 0, 0, 0)
        fv.addWidget(self.factor_title)
        fv.addWidget(self.factor_table, 1)
        split.addWidget(fw)
        split.setSizes([340, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.l_mark.setText(self.tr("Mark:"))
        self.mark.setPlaceholderText(self.tr("e.g. 乔丹"))
        self.l_classes.setText(self.tr("Classes / groups:"))
        self.classes.setPlaceholderText(self.tr("e.g. 25 (empty: all classes)"))
        self.l_top.setText(self.tr("Hits:"))
        self.run_button.setText(self.tr("Screen"))
        self.factor_title.setText(self.tr("Factors of the selected hit (sentences for a letter):"))
        if self.result is None:
            self.summary.setText(self.tr("Ranks the register's marks by likelihood of confusion (glyph, sound, "
                                         "meaning, goods)."))
        else:
            self._summary(self.result)
        self.model.retranslate()
        self.factors.retranslate()

    def run(self) -> None:
        mark, classes, top = self.mark.text().strip(), self.classes.text().strip() or None, self.top.value()
        if not mark:
            self.page.set_status(self.tr("Enter a mark to screen."), error=True)
            return
        store = self.page.ctx.store
        self.page.set_status(self.tr("Screening the register…"))

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_trademark

            return screen_trademark(store, mark, classes=classes, top=top)

        self.submit(work, self._show, name="screen-mark")

    def _show(self, res: Any) -> None:
        self.result = res
        self.model.set_rows(list(res.hits))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self._summary(res)
        if res.hits:
            self.table.selectRow(0)
            self._show_factors(0)
        else:
            self.factors.set_rows([])

    def _summary(self, res: Any) -> None:
        likely = sum(h.likely_confusion for h in res.hits)
        self.summary.setText(self.tr("%1 hits from %2 register marks (%3 likely confusing).").replace(
            "%1", str(len(res.hits))).replace("%2", f"{res.register_size:,}").replace("%3", str(likely)))

    def _show_factors(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.factors.set_rows(list(hit.factors))  # the engine adds the goods line
            factor_columns(self.factor_table)


PATENT_HIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Rank"), lambda h: h.rank, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Patent no."), lambda h: h.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda h: h.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Right holder"), lambda h: h.owner),
    Column(QT_TRANSLATE_NOOP("Columns", "Verdict"), lambda h: tl(VERDICT_SHORT, h.verdict)),
    Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda h: h.score, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Elements found"), lambda h: f"{h.covered}/{h.elements}"),
]


class ClaimScreenTab(ResultTab):
    """A claim or product description against claim 1 of the register's patents.

    Signals:
        finished(): the hits are shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("screenClaimText")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(130)
        self.top = QSpinBox(self)
        self.top.setRange(1, 100)
        self.top.setValue(10)
        self.run_button = self.make_run_button("screenClaimRun")
        self.l_text, self.l_top = QLabel(self), QLabel(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = StatusModel(PATENT_HIT_COLUMNS, lambda h: h.verdict,
                                 {"literal": (RED_BG, RED_FG), "equivalent": (AMBER_BG, AMBER_FG)}, self)
        self.table = table_view(self.model, self, "patentHits", stretch=2)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show_chart(cur.row()))
        self.chart = chart_model(self)
        self.chart_table = table_view(self.chart, self, "hitChart")
        chart_columns(self.chart_table)
        row = QHBoxLayout()
        row.addWidget(self.l_top)
        row.addWidget(self.top)
        row.addStretch(1)
        row.addWidget(self.run_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.chart_table)
        split.setSizes([230, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.l_text)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.l_text.setText(self.tr("A claim or a product description to screen against claim 1 of the register's "
                                    "patents:"))
        self.l_top.setText(self.tr("Hits:"))
        self.run_button.setText(self.tr("Screen"))
        if self.result is None:
            self.summary.setText("")
        self.model.retranslate()
        self.chart.retranslate()

    def run(self) -> None:
        text, top = self.text.toPlainText(), self.top.value()
        if not text.strip():
            self.page.set_status(self.tr("Enter a claim or a product description to screen."), error=True)
            return
        store = self.page.ctx.store
        self.page.set_status(self.tr("Screening the register…"))

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_patent

            return screen_patent(store, text, top=top)

        self.submit(work, self._show, name="screen-claim")

    def _show(self, res: Any) -> None:
        self.result = res
        self.model.set_rows(list(res.hits))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.tr("%1 hits from %2 register patents.").replace(
            "%1", str(len(res.hits))).replace("%2", f"{res.register_size:,}"))
        if res.hits:
            self.table.selectRow(0)
            self._show_chart(0)
        else:
            self.chart.set_rows([])

    def _show_chart(self, row: int) -> None:
        hit = self.model.row_at(row)
        if hit is not None:
            self.chart.set_rows(element_rows(hit.chart))
            self.chart_table.resizeRowsToContents()


class GiScreenTab(ResultTab):
    """A label against the GI register (the shipped GIs plus the register's).

    Signals:
        finished(): the result is shown.
    """

    def __init__(self, page: RightsRegisterPage) -> None:
        super().__init__(page)
        self.label_edit = self.run_line_edit("screenGiLabel")
        self.region_edit = self.run_line_edit("screenGiRegion")
        self.run_button = self.make_run_button("screenGiRun")
        self.l_label, self.l_region = QLabel(self), QLabel(self)
        grid = QGridLayout()
        grid.addWidget(self.l_label, 0, 0)
        grid.addWidget(self.label_edit, 0, 1)
        grid.addWidget(self.l_region, 1, 0)
        grid.addWidget(self.region_edit, 1, 1)
        grid.addWidget(self.run_button, 1, 2)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("screenGiVerdict")
        self.details = QTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)

    def retranslate(self) -> None:
        self.l_label.setText(self.tr("Product label text:"))
        self.l_region.setText(self.tr("Producer's region:"))
        self.run_button.setText(self.tr("Screen"))
        if self.result is not None:
            self._show(self.result)
        else:
            badge(self.verdict, self.tr("No check yet."), None)

    def run(self) -> None:
        label, region = self.label_edit.text().strip(), self.region_edit.text().strip()
        if not label:
            self.page.set_status(self.tr("Enter the label text."), error=True)
            return
        store = self.page.ctx.store

        def work() -> Any:
            from qcy_workstation.precheck.screening import screen_gi

            return screen_gi(store, label, region)

        self.submit(work, self._show, name="screen-gi")

    def _show(self, res: Any) -> None:
        self.result = res
        note = ""
        if res.gi is not None and res.gi.source.startswith("register:"):
            note = " · " + self.tr("from the register (%1)").replace("%1", res.gi.source.split(":", 1)[1])
        show_gi(self.verdict, self.details, res, note)
