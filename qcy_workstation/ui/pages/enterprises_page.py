"""The Enterprises page (issue 17 item 4): the enterprises the workstation serves, with a search; selecting
one shows its service record (consultations, cases, referrals, early-warning projects, documents) grouped by
kind, its rights and what falls due, and writes its annual service report (PDF/DOCX) in the background.

The record, the matching of records to the enterprise and the report are the core's
(``portfolios/service_record.py``, ``portfolios/service_report.py``); the page only shows them.

The toolbar carries the year, the report button and, after a separator, the rights dialogs of
``ui/dialogs/right_dialog.py`` (enter a right of the selected enterprise, correct the right selected in the
rights table, record its renewal or annual fee), as the Today rights box does; the record is read again after
a save. ``add_rights_action(action)`` adds a further action to that group.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtGui import QAction, QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation import labels
from qcy_workstation.portfolios.dto import RIGHT_KINDS
from qcy_workstation.portfolios.service_record import ENTRY_KINDS, EnterpriseRow, ServiceRecord
from qcy_workstation.portfolios.service_report import status_text
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.dialogs.right_dialog import open_payment_dialog, open_right_dialog
from qcy_workstation.ui.dialogs.rights_import import import_rights
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import DUE_SOON_BG, Column, RowTableModel
from qcy_workstation.ui.pages.rights_due_box import RIGHTS_DUE_COLUMNS, RightsDueModel
from qcy_workstation.ui.widgets import EmptyState, record_table, show_error

FIRST_YEAR_SHOWN = 2015  # the year list; the core refuses years before the store's opening with a coded error

ENTERPRISE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Enterprise"), lambda e: e.name),
    Column(QT_TRANSLATE_NOOP("Columns", "USCC"), lambda e: e.uscc or ""),
    Column(QT_TRANSLATE_NOOP("Columns", "Cases"), lambda e: e.cases, align_right=True),
    Column(QT_TRANSLATE_NOOP("Columns", "Rights"), lambda e: e.rights, align_right=True),
]
RIGHT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Right"), lambda r: labels.name(RIGHT_KINDS, r.kind, current_language())),
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("Columns", "Title / mark"), lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Classes"), lambda r: r.classes),
    Column(QT_TRANSLATE_NOOP("Columns", "Registered / granted"), lambda r: r.registered_on),
    Column(QT_TRANSLATE_NOOP("Columns", "Term ends"), lambda r: f"{r.term_ends or '—'}{'*' if r.term_computed else ''}",
           tooltip=lambda r: r.term_article if current_language() == "zh" else r.term_article_en),
    Column(QT_TRANSLATE_NOOP("Columns", "Renewal opens"), lambda r: r.renewal_opens or ""),
]


def _table(model: Any, parent: QWidget, name: str) -> QTableView:
    return record_table(model, parent, name)


class EnterprisesPage(QWidget):
    """The list of enterprises on the left; the selected one's record, rights and report on the right."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.record: ServiceRecord | None = None
        self.last_report: Path | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b7a;")
        # left: the enterprises
        left = QWidget(self)
        self.search = QLineEdit(left)
        self.search.setObjectName("enterpriseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.list_model = RowTableModel(ENTERPRISE_COLUMNS, self)
        self.list_view = _table(self.list_model, left, "enterpriseList")
        for col, width in enumerate((190, 150, 45)):
            self.list_view.horizontalHeader().resizeSection(col, width)
        self.list_empty = EmptyState(self.list_view, left)
        # a case registered here or at another desk (or the demo data just loaded) brings its enterprises
        ctx.cases_changed.connect(lambda _n: self.refresh() if self.isVisible() else None)
        self.list_view.selectionModel().selectionChanged.connect(lambda *_: self.refresh_record())
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.search)
        ll.addWidget(self.list_empty, 1)
        # right: toolbar, record, rights
        right = QWidget(self)
        self.toolbar = QToolBar(right)
        self.toolbar.setObjectName("enterpriseToolbar")
        self.title = QLabel(right)
        self.title.setObjectName("enterpriseTitle")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.year = QComboBox(right)
        self.year.setObjectName("enterpriseYear")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh_record())
        self.report_button = QPushButton(right)
        self.report_button.setObjectName("serviceReportButton")
        self.report_button.clicked.connect(self.write_report)
        self.toolbar.addWidget(self.title)
        spacer = QWidget(right)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.year_label = QLabel(right)
        self.toolbar.addWidget(self.year_label)
        self.toolbar.addWidget(self.year)
        self.toolbar.addWidget(self.report_button)
        self.rights_separator = self.toolbar.addSeparator()  # the rights dialogs' actions go after it
        self.add_right_action = QAction(self)
        self.add_right_action.setObjectName("enterpriseAddRight")
        self.add_right_action.triggered.connect(self.enter_right)
        self.edit_right_action = QAction(self)
        self.edit_right_action.setObjectName("enterpriseEditRight")
        self.edit_right_action.triggered.connect(self.edit_right)
        self.pay_right_action = QAction(self)
        self.pay_right_action.setObjectName("enterprisePayRight")
        self.pay_right_action.triggered.connect(self.record_payment)
        self.import_register_action = QAction(self)
        self.import_register_action.setObjectName("enterpriseImportRegister")
        self.import_register_action.triggered.connect(lambda: self.import_rights(from_file=False))
        self.import_file_action = QAction(self)
        self.import_file_action.setObjectName("enterpriseImportFile")
        self.import_file_action.triggered.connect(lambda: self.import_rights(from_file=True))
        for action in (self.add_right_action, self.edit_right_action, self.pay_right_action,
                       self.import_register_action, self.import_file_action):
            self.add_rights_action(action)
        self.dialog: Any = None
        self.importing: Any = None  # the running import from the register (ui/dialogs/rights_import.py)
        self.record_box = QGroupBox(right)
        self.tree = QTreeWidget(self.record_box)
        self.tree.setObjectName("serviceRecordTree")
        self.tree.setColumnCount(5)
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        for col, width in enumerate((160, 140, 290, 230)):
            self.tree.header().resizeSection(col, width)
        self.record_empty = EmptyState(self.tree, self.record_box)
        self.hidden_note = QLabel(self.record_box)
        self.hidden_note.setObjectName("hiddenCasesNote")
        self.hidden_note.setStyleSheet("color: #7a5200;")
        rl = QVBoxLayout(self.record_box)
        rl.addWidget(self.record_empty, 1)
        rl.addWidget(self.hidden_note)
        self.rights_box = QGroupBox(right)
        self.rights_model = RowTableModel(RIGHT_COLUMNS, self)
        self.rights_view = _table(self.rights_model, self.rights_box, "enterpriseRights")
        for col, width in enumerate((110, 140, 120, 60, 130, 110)):
            self.rights_view.horizontalHeader().resizeSection(col, width)
        self.due_model = RightsDueModel(RIGHTS_DUE_COLUMNS, self)
        self.due_view = _table(self.due_model, self.rights_box, "enterpriseDue")
        self.rights_view.selectionModel().selectionChanged.connect(lambda *_: self._enable_rights_actions())
        self.due_view.setColumnHidden(1, True)  # the enterprise: it is the selected one
        for col, width in enumerate((95, 0, 150, 110, 130, 100, 95)):
            if width:
                self.due_view.horizontalHeader().resizeSection(col, width)
        self.due_label = QLabel(self.rights_box)
        self.hint = QLabel(right)
        self.hint.setObjectName("serviceReportHint")
        self.hint.setStyleSheet("color: #5f6b7a;")
        bl = QHBoxLayout(self.rights_box)
        bl.addWidget(self.rights_view, 1)
        due_col = QVBoxLayout()
        due_col.addWidget(self.due_label)
        due_col.addWidget(self.due_view, 1)
        bl.addLayout(due_col, 1)
        split_right = QSplitter(Qt.Orientation.Vertical, right)
        split_right.addWidget(self.record_box)
        split_right.addWidget(self.rights_box)
        split_right.setSizes([440, 220])
        rr = QVBoxLayout(right)
        rr.setContentsMargins(0, 0, 0, 0)
        rr.addWidget(self.toolbar)
        rr.addWidget(split_right, 1)
        rr.addWidget(self.hint)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([400, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self._fill_years()
        self.retranslate()

    # ------------------------------------------------------------------ the lead's hook for the rights dialog

    def add_rights_action(self, action: QAction) -> None:
        """Put a rights action (enter a right, record a renewal) in the toolbar's rights group."""
        self.toolbar.addAction(action)

    def selected_right(self) -> Any:
        rows = self.rights_view.selectionModel().selectedRows()
        return self.rights_model.rows[rows[0].row()] if rows else None

    def _enable_rights_actions(self) -> None:
        may = self.ctx.may("enterprise.edit")
        for action in (self.add_right_action, self.import_register_action, self.import_file_action):
            action.setEnabled(may and self.selected() is not None)
        chosen = may and self.selected_right() is not None
        self.edit_right_action.setEnabled(chosen)
        self.pay_right_action.setEnabled(chosen)

    def enter_right(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.dialog = open_right_dialog(self, self.ctx, enterprise=chosen.name, on_saved=self._right_saved)

    def edit_right(self) -> None:
        right = self.selected_right()
        if right is not None:
            self.dialog = open_right_dialog(self, self.ctx, right_id=right.id, on_saved=self._right_saved)

    def record_payment(self) -> None:
        right = self.selected_right()
        if right is not None:
            self.dialog = open_payment_dialog(self, self.ctx, right.id, on_saved=self._right_saved)

    def import_rights(self, *, from_file: bool) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.importing = import_rights(self, self.ctx, chosen.id, from_file=from_file, on_done=self._imported)

    def _imported(self, plan: Any) -> None:
        self.hint.setText(self.tr("Added %1 right(s) to %2").replace("%1", str(len(plan.to_add)))
                          .replace("%2", plan.enterprise))
        self.refresh_record()

    def _right_saved(self, view: Any) -> None:
        self.hint.setText(self.tr("Saved: %1 %2").replace("%1", view.number).replace("%2", view.enterprise))
        self.refresh_record()

    def selected(self) -> EnterpriseRow | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.list_model.rows[rows[0].row()] if rows else None

    # ------------------------------------------------------------------ text

    def _fill_years(self) -> None:
        from qcy_workstation.db.base import china_today

        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("", None)
        for y in range(china_today().year, FIRST_YEAR_SHOWN - 1, -1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(1)
        self.year.blockSignals(False)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Enterprises"))
        self.note.setText(self.tr(
            "Everything the workstation did for one enterprise: consultations, cases, referrals, early-warning "
            "projects and documents. Records are linked by the credit code and the normalised name; a consultation "
            "noted under a short or former name is not found -- log it on the case."))
        self.search.setPlaceholderText(self.tr("Search by name or credit code"))
        self.year.setItemText(0, self.tr("All years"))
        self.year_label.setText(self.tr("Year:") + " ")
        self.report_button.setText(self.tr("Annual service report…"))
        self.report_button.setToolTip(self.tr("Write the report of the chosen year to the enterprise (PDF or Word)"))
        self.add_right_action.setText(self.tr("Enter a right…"))
        self.add_right_action.setToolTip(self.tr("Enter a trademark, patent or GI authorisation of this enterprise"))
        self.edit_right_action.setText(self.tr("Correct the right…"))
        self.edit_right_action.setToolTip(self.tr("Correct the right selected in the rights table"))
        self.pay_right_action.setText(self.tr("Renewal / fee paid…"))
        self.pay_right_action.setToolTip(self.tr("Record the renewal or the annual fee of the selected right"))
        self.import_register_action.setText(self.tr("Import from the register…"))
        self.import_register_action.setToolTip(self.tr(
            "Add the enterprise's marks and patents found in the register on file (holder matched by name or "
            "credit code), with their dates; shown first, added when you confirm"))
        self.import_file_action.setText(self.tr("Import from a file…"))
        self.import_file_action.setToolTip(self.tr("The same from a register file (CSV or Excel)"))
        self.list_model.retranslate()
        self.rights_model.retranslate()
        self.due_model.retranslate()
        self.list_empty.set_empty(not self.list_model.rows, self.tr(
            "No enterprise found. Enterprises are entered as the applicants of cases."))
        rec = self.record
        self.title.setText(rec.enterprise if rec else self.tr("Select an enterprise"))
        self.record_box.setTitle(self.tr("Service record (%1)").replace("%1", str(len(rec.entries) if rec else 0)))
        self.rights_box.setTitle(self.tr("Rights on file (%1)").replace("%1", str(len(rec.rights) if rec else 0)))
        if rec is not None:
            self.due_label.setText(self.tr("Falling due %1 to %2 (computed, not checked with CNIPA)")
                                   .replace("%1", str(rec.due_from)).replace("%2", str(rec.due_to)))
        self.record_empty.set_empty(rec is None or not rec.entries, self.tr(
            "Select an enterprise on the left.") if rec is None else self.tr("No service on record in this period."))
        self.hidden_note.setText(self.tr("%1 confidential case(s) you may not see are counted, not shown.")
                                 .replace("%1", str(rec.hidden_cases)) if rec and rec.hidden_cases else "")
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Number"), self.tr("Matter"), self.tr("Status"),
                                   self.tr("Case")])
        self._fill_tree()
        self.report_button.setEnabled(rec is not None and self.ctx.may("enterprise.view"))
        self._enable_rights_actions()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ loading

    def on_shown(self) -> None:
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        service, text = self.ctx.service_records(), self.search.text()
        self.ctx.runner.submit(lambda: service.enterprises(text), on_success=self._show_list,
                               on_error=lambda exc: show_error(self, exc), name="enterprises")

    def _show_list(self, rows: list[EnterpriseRow]) -> None:
        chosen = self.selected()
        self.list_model.set_rows(rows)
        keep = next((i for i, r in enumerate(rows) if chosen and r.id == chosen.id), None)
        if keep is not None:
            self.list_view.selectRow(keep)
        self.retranslate()

    def refresh_record(self) -> None:
        chosen = self.selected()
        if chosen is None:
            self.record = None
            self.rights_model.set_rows([])
            self.due_model.set_rows([])
            self.retranslate()
            return
        service, year = self.ctx.service_records(), self.year.currentData()
        self.ctx.runner.submit(lambda: service.record(chosen.id, year=year), on_success=self._show_record,
                               on_error=lambda exc: show_error(self, exc), name="service_record")

    def _show_record(self, record: ServiceRecord) -> None:
        self.record = record
        self.rights_model.set_rows(list(record.rights))
        self.due_model.set_rows(list(record.due))
        self.retranslate()

    def _fill_tree(self) -> None:
        self.tree.clear()
        rec = self.record
        if rec is None:
            return
        lang = current_language()
        pending_brush = QBrush(DUE_SOON_BG)
        for kind in ENTRY_KINDS:
            entries = [e for e in rec.entries if e.kind == kind]
            if not entries:
                continue
            group = QTreeWidgetItem(self.tree, [f"{labels.name(ENTRY_KINDS, kind, lang)} ({len(entries)})"])
            group.setData(0, Qt.ItemDataRole.UserRole, kind)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for e in entries:
                item = QTreeWidgetItem(group, [str(e.on), e.ref, e.title, status_text(e, lang), e.case_number or ""])
                item.setData(0, Qt.ItemDataRole.UserRole, e)
                if not e.settled:
                    for col in range(5):
                        item.setBackground(col, pending_brush)
            group.setExpanded(True)

    # ------------------------------------------------------------------ report

    def write_report(self) -> None:
        chosen, rec = self.selected(), self.record
        if chosen is None or rec is None:
            return
        from qcy_workstation.db.base import china_today

        year = self.year.currentData() or china_today().year
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the annual service report"),
            self.tr("%1 service report %2.pdf").replace("%1", chosen.name).replace("%2", str(year)),
            self.tr("PDF (*.pdf);;Word (*.docx)"))
        if not name:
            return
        service, lang, ident = self.ctx.service_records(), current_language(), chosen.id
        fmt = "docx" if name.lower().endswith(".docx") else "pdf"
        self.hint.setText(self.tr("Writing the report…"))

        def done(path: str) -> None:
            self.last_report = Path(path)
            self.hint.setText(self.tr("Written: %1").replace("%1", path))
            self.refresh_record()  # the report sent now shows on the record

        def failed(exc: BaseException) -> None:
            self.hint.setText("")
            show_error(self, exc)

        self.ctx.runner.submit(lambda: service.export_report(ident, year, name, fmt=fmt, lang=lang), on_success=done,
                               on_error=failed, name="service_report")


register_page("enterprises", QT_TRANSLATE_NOOP("Pages", "Enterprises"), lambda ctx, w: EnterprisesPage(ctx, w),
              icon="enterprises.svg",
              order=65, tooltip=QT_TRANSLATE_NOOP("Pages", "Enterprises served: service record and annual report"))
