"""The audit trail (head and administrators, ``audit.view``): who did what, when, on which case.

Read-only by design: the page filters (case number, account, action, China dates) and exports to XLSX;
there is no way here to change or delete an event (``cases/audit_log.py`` has none either). The rows come
from ``AuditLog.list`` (newest first) and the export from ``AuditLog.export_xlsx`` (itself an audit event),
both off the GUI thread.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui import i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.widgets import EmptyState, report_failure, status_html

NO_DATE = QDate(2000, 1, 1)  # the minimum of the date filters, shown as "any"
LIMIT = 500  # rows shown; the export takes every matching row

# The actions offered in the filter, in words (the core's codes; any other code is shown as it is).
ACTIONS = {
    "view": QT_TRANSLATE_NOOP("AuditPage", "Opened (viewed)"),
    "login": QT_TRANSLATE_NOOP("AuditPage", "Logged in"),
    "login_failed": QT_TRANSLATE_NOOP("AuditPage", "Failed login"),
    "export": QT_TRANSLATE_NOOP("AuditPage", "Exported"),
    "print": QT_TRANSLATE_NOOP("AuditPage", "Printed"),
    "grant_access": QT_TRANSLATE_NOOP("AuditPage", "Access granted"),
    "revoke_access": QT_TRANSLATE_NOOP("AuditPage", "Access revoked"),
    "rekey": QT_TRANSLATE_NOOP("AuditPage", "Re-sealed with the case key"),
    "create": QT_TRANSLATE_NOOP("AuditPage", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "Changed"),
    "transition": QT_TRANSLATE_NOOP("AuditPage", "Status changed"),
    "add": QT_TRANSLATE_NOOP("AuditPage", "Added"),
    "remove": QT_TRANSLATE_NOOP("AuditPage", "Removed"),
    "draft": QT_TRANSLATE_NOOP("AuditPage", "Drafted"),
    "review": QT_TRANSLATE_NOOP("AuditPage", "Reviewed"),
    "issue": QT_TRANSLATE_NOOP("AuditPage", "Issued"),
    "account_create": QT_TRANSLATE_NOOP("AuditPage", "Account created"),
    "account_roles": QT_TRANSLATE_NOOP("AuditPage", "Roles changed"),
    "account_active": QT_TRANSLATE_NOOP("AuditPage", "Account (de)activated"),
    "password_reset": QT_TRANSLATE_NOOP("AuditPage", "Password reset"),
    "password_change": QT_TRANSLATE_NOOP("AuditPage", "Password changed"),
    "anonymise": QT_TRANSLATE_NOOP("AuditPage", "Anonymised"),
    "backup": QT_TRANSLATE_NOOP("AuditPage", "Backed up"),
    "restore": QT_TRANSLATE_NOOP("AuditPage", "Restored"),
}
ENTITIES = {
    **i18n.AUDIT_ENTITY,
    "account": QT_TRANSLATE_NOOP("Labels", "account"),
    "audit": QT_TRANSLATE_NOOP("Labels", "audit trail"),
    "store": QT_TRANSLATE_NOOP("Labels", "store"),
}


def action_label(code: str) -> str:
    source = ACTIONS.get(code)
    return QCoreApplication.translate("AuditPage", source) if source else code


def _details(row: Any) -> str:
    return ", ".join(f"{k}={v}" for k, v in row.details.items())


AUDIT_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "When (China time)"), lambda r: r.at),
    Column(QT_TRANSLATE_NOOP("Columns", "Who"), lambda r: r.actor),
    Column(QT_TRANSLATE_NOOP("Columns", "What"), lambda r: action_label(r.action)),
    Column(QT_TRANSLATE_NOOP("Columns", "Object"),
           lambda r: " ".join(p for p in (i18n.label(ENTITIES, r.entity), r.entity_id) if p)),
    Column(QT_TRANSLATE_NOOP("Columns", "Case"), lambda r: r.case_number),
    Column(QT_TRANSLATE_NOOP("Columns", "Details"), _details, tooltip=_details),
]


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self._task: Any = None
        self.shown_filter: Any = None  # the filter of the rows on screen
        self.last_export = ""
        self._saved_note = ""  # "Saved FILE", kept in the status line over the refresh that follows an export
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.case_edit = QLineEdit(self)
        self.case_edit.setObjectName("auditCase")
        self.case_edit.setClearButtonEnabled(True)
        self.case_edit.returnPressed.connect(self.refresh)
        self.account = QComboBox(self)
        self.account.setObjectName("auditAccount")
        self.account.setEditable(True)
        self.account.setMinimumWidth(140)
        self.account.lineEdit().returnPressed.connect(self.refresh)
        self.action = QComboBox(self)
        self.action.setObjectName("auditAction")
        self.action.addItem("", "")
        for code in ACTIONS:
            self.action.addItem("", code)
        self.date_from, self.date_to = self._date_edit("auditFrom"), self._date_edit("auditTo")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("auditApply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.refresh)
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("auditClear")
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        for label, widget, row in zip(self.labels, (self.case_edit, self.account, self.action, self.date_from,
                                                    self.date_to), (row1, row1, row1, row2, row2), strict=True):
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        self.case_edit.setMinimumWidth(180)
        row1.addStretch(1)
        row2.addWidget(self.apply_button)
        row2.addWidget(self.clear_button)
        row2.addStretch(1)
        row2.addWidget(self.export_button)
        self.model = RowTableModel(AUDIT_COLUMNS, self)
        self.view = QTableView(self)
        self.view.setObjectName("auditTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # read-only: no edit, no delete
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 90, 120, 190, 130)):
            self.view.horizontalHeader().resizeSection(col, width)
        self.empty = EmptyState(self.view, self)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Audit trail"))
        self.note.setText(self.tr("Logins, failed logins, opened cases and evidence, exports, prints and every "
                                  "change, newest first. Events cannot be changed or deleted; they are kept at "
                                  "least 6 months."))
        for label, text in zip(self.labels, (self.tr("Case"), self.tr("Account"), self.tr("Action"),
                                             self.tr("From"), self.tr("To")), strict=True):
            label.setText(text)
        self.case_edit.setPlaceholderText(self.tr("e.g. QCY-2026-00042"))
        self.account.lineEdit().setPlaceholderText(self.tr("anyone"))
        self.action.setItemText(0, self.tr("any action"))
        for i in range(1, self.action.count()):
            self.action.setItemText(i, action_label(self.action.itemData(i)))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        self.apply_button.setText(self.tr("Filter"))
        self.clear_button.setText(self.tr("Clear"))
        self.export_button.setText(self.tr("Export XLSX…"))
        self.export_button.setToolTip(self.tr("Every event matching the filters to an Excel workbook (the export "
                                              "is itself recorded)"))
        self.model.retranslate()
        self.empty.label.setText(self.tr("No event matches these filters."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ filtering

    def current_filter(self) -> Any:
        from qcy_workstation.cases.audit_log import AuditFilter

        lo, hi = self.date_from.date(), self.date_to.date()
        return AuditFilter(case_number=self.case_edit.text().strip() or None,
                           actor=self.account.currentText().strip() or None,
                           action=self.action.currentData() or None,
                           date_from=lo.toPython() if lo != NO_DATE else None,
                           date_to=hi.toPython() if hi != NO_DATE else None)

    def on_shown(self) -> None:
        self._load_names()
        self.refresh()

    def _load_names(self) -> None:
        from qcy_workstation.accounts.service import AccountService

        if self.ctx.store is None:
            return
        service = AccountService(self.ctx.store)

        def done(names: list[str]) -> None:
            typed = self.account.currentText()
            self.account.blockSignals(True)
            self.account.clear()
            self.account.addItems(["", *names])
            self.account.setEditText(typed)
            self.account.blockSignals(False)

        self.ctx.runner.submit(service.names, on_success=done, name="audit_names")

    def refresh(self) -> None:
        if self.ctx.store is None:
            return
        from qcy_workstation.cases.audit_log import AuditLog

        f = self.current_filter()
        log = AuditLog(self.ctx.store, self.ctx.actor)
        if self._task is not None:
            self._task.cancel()  # an older filter's rows must not replace the newer ones
        self.set_status(self.tr("Reading…"))
        self._task = self.ctx.runner.submit(lambda: log.list(f, limit=LIMIT),
                                            on_success=lambda rows: self._show(rows, f),
                                            on_error=self._failed, name="audit_list")

    def _show(self, rows: list[Any], f: Any) -> None:
        self.shown_filter = f
        self.model.set_rows(rows)
        self.empty.set_empty(not rows)
        text = (self.tr("%1 events, newest first.") if len(rows) < LIMIT
                else self.tr("The newest %1 events; narrow the filters or export to see them all."))
        note, self._saved_note = self._saved_note, ""
        self.set_status(" ".join(t for t in (note, text.replace("%1", str(len(rows)))) if t))

    def _failed(self, exc: BaseException) -> None:
        self.model.set_rows([])
        self.empty.set_empty(True)
        report_failure(self, exc, self.set_status)

    def clear_filters(self) -> None:
        self.case_edit.clear()
        self.account.setEditText("")
        self.action.setCurrentIndex(0)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.refresh()

    def set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(status_html(text, error=error))

    # ------------------------------------------------------------------ export

    def export_xlsx(self, path: str | None = None) -> None:
        """Every event matching the filters to XLSX (asks for the file; in the background)."""
        if self.ctx.store is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), "audit.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        from qcy_workstation.cases.audit_log import AuditLog

        f, lang = self.current_filter(), i18n.current_language()
        log = AuditLog(self.ctx.store, self.ctx.actor)
        self.set_status(self.tr("Exporting…"))
        self.ctx.runner.submit(lambda: log.export_xlsx(f, path, lang=lang), on_success=self._exported,
                               on_error=self._export_failed, name="audit_xlsx")

    def _exported(self, path: Any) -> None:
        self.last_export = str(path)
        self._saved_note = self.tr("Saved %1.").replace("%1", str(path))
        self.set_status(self._saved_note)
        self.refresh()  # the export is itself an event

    def _export_failed(self, exc: BaseException) -> None:
        report_failure(self, exc, self.set_status)


register_page("audit", QT_TRANSLATE_NOOP("Pages", "Audit trail"), lambda ctx, w: AuditPage(ctx, w), order=920,
              icon="documents.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Who opened, exported or changed what"))
