"""Today's box "Enterprise rights falling due (90 days)" (issue 17 item 3): renewal windows opening, annual
fees due and terms ending for every enterprise (PortfolioService.due), and the one-click reminder letter to
the enterprise of the selected row. The dates are computed from what was entered; the letter says so. Its
buttons open the right dialogs (``ui/dialogs/right_dialog.py``): enter a right, correct the selected one,
record its renewal or annual fee; the list then moves on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from qcy_workstation import labels
from qcy_workstation.portfolios.dto import DEFAULT_DUE_DAYS, EVENTS, RIGHT_KINDS, DueItem
from qcy_workstation.ui.dialogs.right_dialog import open_payment_dialog, open_right_dialog
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.models import Column, RowTableModel, deadline_colours
from qcy_workstation.ui.widgets import EmptyState, show_error


def _event(i: DueItem) -> str:
    text = labels.name(EVENTS, i.event, current_language())
    if i.patent_year:
        text += f"（第{i.patent_year}年度）" if current_language() == "zh" else f" (year {i.patent_year})"
    return text


RIGHTS_DUE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Due"), lambda i: i.date),
    Column(QT_TRANSLATE_NOOP("Columns", "Enterprise"), lambda i: i.enterprise),
    Column(QT_TRANSLATE_NOOP("Columns", "What falls due"), _event),
    Column(QT_TRANSLATE_NOOP("Columns", "Right"), lambda i: labels.name(RIGHT_KINDS, i.kind, current_language())),
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda i: i.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Title / mark"), lambda i: i.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Late until"), lambda i: i.grace_ends),
    Column(QT_TRANSLATE_NOOP("Columns", "Article"), lambda i: i.article if current_language() == "zh"
           else i.article_en),
]


class RightsDueModel(RowTableModel):
    def row_colours(self, row: DueItem):  # type: ignore[no-untyped-def]
        return deadline_colours("overdue" if row.event in ("term_ends", "grace_ends") else "due_soon")


class RightsDueBox(QGroupBox):
    """The box on Today; ``refresh`` loads in the background, ``letter`` writes the selected enterprise's
    reminder letter."""

    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days = DEFAULT_DUE_DAYS
        self.loaded = False
        self.last_letter: Path | None = None
        self.model = RightsDueModel(RIGHTS_DUE_COLUMNS, self)
        self.table = QTableView(self)
        self.table.setObjectName("rightsDueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((95, 200, 150, 110, 130, 140, 95)):
            self.table.horizontalHeader().resizeSection(col, width)
        self.empty = EmptyState(self.table, self)
        self.letter_button = QPushButton(self)
        self.letter_button.setObjectName("rightsLetterButton")
        self.letter_button.clicked.connect(self.letter)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("rightsAddButton")
        self.add_button.clicked.connect(self.enter_right)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("rightsEditButton")
        self.edit_button.clicked.connect(self.edit_right)
        self.pay_button = QPushButton(self)
        self.pay_button.setObjectName("rightsPayButton")
        self.pay_button.clicked.connect(self.record_payment)
        self.dialog: Any = None  # the right / payment dialog last opened
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #5f6b7a;")
        bar = QHBoxLayout()
        bar.addWidget(self.letter_button)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.pay_button)
        bar.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(bar)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Enterprise rights falling due (%1 days): %2").replace("%1", str(self.days)).replace(
            "%2", str(self.model.rowCount()) if self.loaded else "…"))
        self.model.retranslate()
        self.empty.set_empty(not self.model.rows, self.tr("No enterprise right falls due in the next %1 days.")
                             .replace("%1", str(self.days)))
        self.letter_button.setText(self.tr("Reminder letter…"))
        self.letter_button.setToolTip(self.tr("Select a row of the enterprise to write to."))
        self.add_button.setText(self.tr("Enter a right…"))
        self.edit_button.setText(self.tr("Correct the right…"))
        self.pay_button.setText(self.tr("Renewal / fee paid…"))
        self.pay_button.setToolTip(self.tr("Record the selected right's renewal (trademark) or annual fee (patent)"))
        self._enable()

    def refresh(self) -> None:
        if self.ctx.may("enterprise.view"):
            service = self.ctx.portfolios()
            self.ctx.runner.submit(lambda: service.due(self.days), on_success=self.show_rows, name="rights_due")
        else:
            self.hide()

    def show_rows(self, rows: list[DueItem]) -> None:
        self.loaded = True
        self.model.set_rows(rows)
        self.retranslate()

    def selected(self) -> DueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _enable(self) -> None:
        may = self.ctx.may("enterprise.edit")
        chosen = self.selected() is not None and may
        for button in (self.letter_button, self.edit_button, self.pay_button):
            button.setEnabled(chosen)
        self.add_button.setEnabled(may)

    def _saved(self, view: Any) -> None:
        self.hint.setText(self.tr("Saved: %1 %2").replace("%1", view.number).replace("%2", view.enterprise))
        self.refresh()

    def enter_right(self) -> None:
        chosen = self.selected()
        self.dialog = open_right_dialog(self, self.ctx, enterprise=chosen.enterprise if chosen else "",
                                        on_saved=self._saved)

    def edit_right(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.dialog = open_right_dialog(self, self.ctx, right_id=chosen.right_id, on_saved=self._saved)

    def record_payment(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.dialog = open_payment_dialog(self, self.ctx, chosen.right_id, on_saved=self._saved)

    def letter(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the reminder letter"), f"{chosen.enterprise}.pdf",
                                              self.tr("PDF (*.pdf);;Word (*.docx)"))
        if not name:
            return
        fmt = "docx" if name.lower().endswith(".docx") else "pdf"
        service, lang, days = self.ctx.portfolios(), current_language(), self.days

        def done(path: Path) -> None:
            self.last_letter = path
            self.hint.setText(self.tr("Written: %1").replace("%1", str(path)))

        self.ctx.runner.submit(lambda: service.export_letter(chosen.enterprise_id, fmt, name, lang=lang, days=days),
                               on_success=done, on_error=lambda exc: show_error(self, exc), name="rights_letter")
