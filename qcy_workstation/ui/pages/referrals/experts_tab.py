"""The case page's Experts tab (issue 17 item 2): convene an expert panel on the case (experts in conflict with
a party are shown as such and refused by the service), record each expert's opinion and hours or fee, conclude
the panel (its conclusion is cited in the reference opinion), and open the expert pool. Every action is one
service call in the background.

``ExpertsTab.attach(page)`` adds the tab to the case page's tab bar and keeps its title translated itself, so
the case page only creates it and hands it each case it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from qcy_workstation.experts.dto import PanelView
from qcy_workstation.ui.dialogs.expert import ConcludeDialog, ConveneDialog, ExpertPoolDialog, OpinionDialog
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.pages.referrals.case_tab import referral_table
from qcy_workstation.ui.widgets import EmptyState, show_error

PANEL_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Panel"), lambda p: p.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Meeting"), lambda p: p.held_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Experts"), lambda p: "、".join(s.name for s in p.seats)),
    Column(QT_TRANSLATE_NOOP("Columns", "Opinions"), lambda p: f"{sum(1 for s in p.seats if s.opinion)}/{len(p.seats)}"),
    Column(QT_TRANSLATE_NOOP("Columns", "Concluded"), lambda p: p.concluded_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Conclusion"), lambda p: p.conclusion, tooltip=lambda p: p.dissent),
]
SEAT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Expert"), lambda s: s.name),
    Column(QT_TRANSLATE_NOOP("Columns", "Affiliation"), lambda s: s.affiliation),
    Column(QT_TRANSLATE_NOOP("Columns", "Opinion"), lambda s: s.opinion, tooltip=lambda s: s.opinion),
    Column(QT_TRANSLATE_NOOP("Columns", "Hours"), lambda s: f"{s.hours:g}" if s.hours is not None else "",
           align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Fee (yuan)"), lambda s: f"{s.fee:,.2f}" if s.fee is not None else "",
           align_right=True),
]


class ExpertsTab(QWidget):
    """The expert panels of the case shown on the page (``show_case``), with Convene…, Opinion…, Conclude…
    and Expert pool…."""

    @classmethod
    def attach(cls, page: Any) -> ExpertsTab:
        tab = cls(page)
        page.tabs.addTab(tab, "")
        tab.retranslate()
        return tab

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.number = ""
        self.title = ""
        self.model = RowTableModel(PANEL_COLUMNS, self)
        self.seats = RowTableModel(SEAT_COLUMNS, self)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, name, slot in (("convene", "convenePanel", self.convene), ("opinion", "panelOpinion", self.opinion),
                                ("conclude", "concludePanel", self.conclude), ("pool", "expertPool", self.open_pool)):
            b = QPushButton(self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            self.buttons[key] = b
            bar.addWidget(b)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #5f6b7a;")
        self.hint.setWordWrap(True)
        bar.addWidget(self.hint, 1)
        self.table = referral_table(self.model, self, "casePanels")
        for col, width in enumerate((120, 95, 220, 70, 95)):
            self.table.horizontalHeader().resizeSection(col, width)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._selected_changed())
        self.empty = EmptyState(self.table, self)
        self.seat_table = referral_table(self.seats, self, "panelSeats")
        for col, width in enumerate((100, 170, 330, 60)):
            self.seat_table.horizontalHeader().resizeSection(col, width)
        split = QSplitter(self)
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(self.empty)
        split.addWidget(self.seat_table)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.last_dialog: QDialog | None = None

    def retranslate(self) -> None:
        self.buttons["convene"].setText(self.tr("Convene panel…"))
        self.buttons["convene"].setToolTip(self.tr("Convene an expert panel on this difficult case: choose the "
                                                   "experts (a conflict with a party is refused)"))
        self.buttons["opinion"].setText(self.tr("Expert's opinion…"))
        self.buttons["opinion"].setToolTip(self.tr("Record one expert's opinion and hours or fee on the selected "
                                                   "panel"))
        self.buttons["conclude"].setText(self.tr("Conclude…"))
        self.buttons["conclude"].setToolTip(self.tr("The panel's conclusion and any dissent: cited in the "
                                                    "reference opinion"))
        self.buttons["pool"].setText(self.tr("Expert pool…"))
        concluded = sum(1 for p in self.model.rows if p.concluded)
        self.hint.setText(self.tr("%1 concluded panel(s): cited in the reference opinion.").replace(
            "%1", str(concluded)) if concluded else "")
        self.model.retranslate()
        self.seats.retranslate()
        self.empty.set_empty(not self.model.rows, self.tr(
            "No expert panel on this case.\nFor a difficult case click “Convene panel…” and choose experts from "
            "the pool."))
        tabs = getattr(self.page, "tabs", None)
        if tabs is not None and tabs.indexOf(self) >= 0:
            tabs.setTabText(tabs.indexOf(self), self.tr("Experts"))
            tabs.setTabToolTip(tabs.indexOf(self), self.tr("Expert panels on this case"))
            tabs.setTabVisible(tabs.indexOf(self), self.page.ctx.may("expert.view"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def show_case(self, case: Any) -> None:
        """Load the panels of ``case`` (a ``CaseDetail``) in the background."""
        self.number, self.title = case.number, case.title
        self.reload()

    def reload(self) -> None:
        ctx, number = self.page.ctx, self.number
        if not number or ctx.store is None or not ctx.may("expert.view"):
            return  # a registrar sees no panels: the tab is hidden for them (retranslate)
        service = ctx.experts()
        ctx.runner.submit(lambda: (number, service.list_panels(number)), on_success=self._show,
                          on_error=lambda exc: show_error(self, exc), name="case_panels")

    def _show(self, result: tuple[str, list[PanelView]]) -> None:
        number, rows = result
        if number != self.number:
            return  # another case was opened meanwhile
        keep = self.selected()
        self.model.set_rows(rows)
        row = next((i for i, p in enumerate(rows) if keep and p.number == keep.number), 0 if rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._selected_changed()
        self.retranslate()

    def selected(self) -> PanelView | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _selected_changed(self) -> None:
        chosen = self.selected()
        self.seats.set_rows(list(chosen.seats) if chosen else [])
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        may = self.page.ctx.may("expert.panel")  # on another officer's case the service refuses, in words
        self.buttons["convene"].setEnabled(bool(self.number) and may)
        self.buttons["opinion"].setEnabled(may and chosen is not None and not chosen.concluded)
        self.buttons["conclude"].setEnabled(may and chosen is not None and not chosen.concluded)

    # ------------------------------------------------------------------ actions

    def convene(self) -> None:
        ctx, number = self.page.ctx, self.number
        if not number or ctx.store is None:
            return
        service = ctx.experts()
        ctx.runner.submit(lambda: (service.list_experts(), service.conflicts(number)),
                          on_success=lambda r: self._ask_convene(*r), on_error=lambda exc: show_error(self, exc),
                          name="expert_conflicts")

    def _ask_convene(self, experts: list[Any], conflicts: list[Any]) -> None:
        dialog = ConveneDialog(self.title, experts, conflicts, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        value = dialog.value(self.number)
        self._run(lambda s: s.add_panel(value), "convene_panel")

    def opinion(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = OpinionDialog(chosen, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.value()
        self._run(lambda s: s.record_opinion(chosen.number, **values), "panel_opinion")

    def conclude(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = ConcludeDialog(chosen, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.value()
        self._run(lambda s: s.conclude(chosen.number, **values), "conclude_panel")

    def open_pool(self) -> None:
        dialog = ExpertPoolDialog(self.page.ctx, self)
        self.last_dialog = dialog
        dialog.exec()

    def _run(self, call: Any, name: str) -> None:
        ctx = self.page.ctx
        service = ctx.experts()
        ctx.runner.submit(lambda: call(service), on_success=lambda _r: self.reload(),
                          on_error=lambda exc: show_error(self, exc), name=name)
