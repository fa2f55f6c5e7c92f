"""The case list: filters, search as you type, counts, and a lazily fetched table."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import CaseFilter, CaseRow
from qcy_workstation.cases.validation import IP_TYPES
from qcy_workstation.cases.workflow import OPEN_STATUSES, STATUSES
from qcy_workstation.ui import errors, i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import ROW_ROLE, Column, PagedTableModel, deadline_colours
from qcy_workstation.ui.tasks import TaskRunner
from qcy_workstation.ui.widgets import Debouncer, EmptyState

SEARCH_DEBOUNCE_MS = 60  # a query per pause in typing; stale results are dropped, never shown
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date filters, shown as "any"


def _due_text(r: CaseRow) -> str:
    if r.due is None:
        return ""
    state = i18n.label(i18n.DEADLINE, r.deadline_state) if r.deadline_state in ("overdue", "due_soon") else ""
    return f"{r.due.isoformat()}  {state}".strip()


CASE_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Number"), lambda r: r.number, "number"),
    Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.title, "title", tooltip=lambda r: r.title),
    Column(QT_TRANSLATE_NOOP("Columns", "Type"), lambda r: i18n.label(i18n.IP_TYPE, r.type), "type"),
    Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: i18n.label(i18n.STATUS, r.status), "status"),
    Column(QT_TRANSLATE_NOOP("Columns", "Due"), _due_text, "due"),
    Column(QT_TRANSLATE_NOOP("Columns", "Applicant"), lambda r: r.applicant, "applicant",
           tooltip=lambda r: r.applicant),
    Column(QT_TRANSLATE_NOOP("Columns", "Opposing party"), lambda r: r.opponent, None),
    Column(QT_TRANSLATE_NOOP("Columns", "Staff"), lambda r: r.staff, "staff"),
    Column(QT_TRANSLATE_NOOP("Columns", "Received"), lambda r: r.received_on, "received_on"),
    Column(QT_TRANSLATE_NOOP("Columns", "Priority"), lambda r: i18n.label(i18n.PRIORITY, r.priority), "priority"),
]


class CaseTableModel(PagedTableModel):
    """Cases a page at a time; overdue rows red, due-soon rows amber."""

    def __init__(self, runner: TaskRunner | None, *, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(CASE_COLUMNS, runner=runner, page_size=page_size, sort="received_on", descending=True,
                         parent=parent)

    def row_colours(self, row: CaseRow):  # type: ignore[no-untyped-def]
        return deadline_colours(row.deadline_state)


class CaseListPage(QWidget):
    """Opens a case in the main window on double-click or Enter.

    Signals:
        exported(str): the filtered list was written to this Excel file.
    """

    exported = Signal(str)

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.model = CaseTableModel(ctx.runner, parent=self)
        self.filter = CaseFilter()
        self._build()
        self.retranslate()
        self.model.loaded.connect(self._on_loaded)
        self.model.counted.connect(self._on_counted)
        self.model.failed.connect(self._on_failed)
        self.debouncer = Debouncer(SEARCH_DEBOUNCE_MS, self.apply_filters, self)
        ctx.cases_changed.connect(lambda _n: self.refresh())
        self.apply_filters()
        self._load_staff()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self.search.textChanged.connect(lambda _t: self.debouncer.poke())
        self.search.returnPressed.connect(lambda: self.debouncer.flush())
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newCaseButton")
        self.new_button.clicked.connect(lambda: self.window_ and self.window_.go("intake"))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.search)
        top.addWidget(self.new_button)

        self.type_box = QComboBox(self)
        self.status_box = QComboBox(self)
        self.staff_box = QComboBox(self)
        self.deadline_box = QComboBox(self)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCasesButton")
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.type_label, self.status_label, self.staff_label = QLabel(self), QLabel(self), QLabel(self)
        self.deadline_label, self.from_label, self.to_label = QLabel(self), QLabel(self), QLabel(self)
        filters = QHBoxLayout()
        for label, widget in ((self.type_label, self.type_box), (self.status_label, self.status_box),
                              (self.staff_label, self.staff_box), (self.deadline_label, self.deadline_box),
                              (self.from_label, self.date_from), (self.to_label, self.date_to)):
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        for box in (self.type_box, self.status_box, self.staff_box, self.deadline_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())

        self.counts = QLabel(self)
        self.counts.setObjectName("caseCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)

        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        # Indicator first: enabling sorting sorts by the indicator's column at once.
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # at least as wide as the column's title (承办人 never cut, in either language and at 150 % scaling)
        for col, width in enumerate((125, 250, 135, 105, 150, 200, 180, 90, 95, 70)):
            header.resizeSection(col, max(width, header.sectionSizeHint(col) + 8))
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.empty = EmptyState(self.table, self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.counts)
        layout.addWidget(self.empty, 1)

        self.setTabOrder(self.search, self.type_box)
        self.setTabOrder(self.type_box, self.status_box)
        self.setTabOrder(self.status_box, self.staff_box)
        self.setTabOrder(self.staff_box, self.deadline_box)
        self.setTabOrder(self.deadline_box, self.date_from)
        self.setTabOrder(self.date_from, self.date_to)
        self.setTabOrder(self.date_to, self.table)

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Cases"))
        self.search.setPlaceholderText(self.tr("Search number, title, party, right, product… (Ctrl+F)"))
        self.search.setToolTip(self.tr("Results update as you type. Several words must all match."))
        self.new_button.setText(self.tr("New case"))
        self.new_button.setToolTip(self.tr("Take in a new case (Ctrl+N)"))
        self.type_label.setText(self.tr("&Type"))
        self.status_label.setText(self.tr("S&tatus"))
        self.staff_label.setText(self.tr("St&aff"))
        self.deadline_label.setText(self.tr("&Deadline"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show all cases again"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Write every case that matches the filters to an Excel workbook"))
        self._fill_combo(self.type_box, [(None, self.tr("All types"))]
                         + [(t, i18n.label(i18n.IP_TYPE, t)) for t in IP_TYPES])
        self._fill_combo(self.status_box, [(None, self.tr("All statuses")), ("open", self.tr("Open cases"))]
                         + [(s, i18n.label(i18n.STATUS, s)) for s in STATUSES])
        staff = [self.staff_box.itemData(i) for i in range(1, self.staff_box.count())]
        self._fill_combo(self.staff_box, [(None, self.tr("Everyone"))] + [(s, s) for s in staff])
        self._fill_combo(self.deadline_box, [(None, self.tr("Any")),
                                             ("overdue", i18n.label(i18n.DEADLINE, "overdue")),
                                             ("due_soon", i18n.label(i18n.DEADLINE, "due_soon"))])
        self.model.retranslate()
        self._show_counts(getattr(self, "_last_counts", None))

    @staticmethod
    def _fill_combo(box: QComboBox, items: list[tuple[Any, str]]) -> None:
        """Refill keeping the selected value (a language switch must not reset the filters)."""
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        for data, text in items:
            box.addItem(text, data)
        index = box.findData(current)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ filters and loading

    def current_filter(self) -> CaseFilter:
        status = self.status_box.currentData()
        date_from = self.date_from.date()
        date_to = self.date_to.date()
        return CaseFilter(
            ip_type=self.type_box.currentData(),
            status=OPEN_STATUSES if status == "open" else status,
            staff=self.staff_box.currentData(),
            deadline=self.deadline_box.currentData(),
            date_from=date_from.toPython() if date_from != NO_DATE else None,
            date_to=date_to.toPython() if date_to != NO_DATE else None,
            text=self.search.text().strip() or None,
        )

    def export_xlsx(self, path: str | None = None) -> None:
        """Every case matching the current filters to XLSX (in the background); asks for the file."""
        if self.ctx.store is None:
            return
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), "cases.xlsx", "Excel (*.xlsx)")
            if not path:
                return
        from qcy_workstation.cases.export import export_case_list_xlsx

        store, f, staff = self.ctx.store, self.current_filter(), self.ctx.actor
        from PySide6.QtCore import QLocale

        lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"  # as install_language set it
        self.ctx.runner.submit(lambda: export_case_list_xlsx(store, f, path, actor=staff, lang=lang),
                               on_success=self._exported, name="cases-xlsx")

    def _exported(self, path: object) -> None:
        self.exported.emit(str(path))
        window = self.window_
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)

    def apply_filters(self) -> None:
        """Run the query for the current filters (the first page and the counts, in the background)."""
        self.filter = f = self.current_filter()
        self._queried_at = time.monotonic()
        service = self.ctx.cases()
        self.counts.setText(self.tr("Counting…"))
        self.model.set_query(
            lambda offset, limit, sort, desc: service.list(f, offset=offset, limit=limit, sort=sort,
                                                           descending=desc),
            lambda: service.counts_by_status(f))

    def refresh(self) -> None:
        self.apply_filters()
        self._load_staff()

    def clear_filters(self) -> None:
        for box in (self.type_box, self.status_box, self.staff_box, self.deadline_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(NO_DATE)
            edit.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def _load_staff(self) -> None:
        service = self.ctx.cases()

        def done(names: list[str]) -> None:
            self._fill_combo(self.staff_box, [(None, self.tr("Everyone"))] + [(n, n) for n in names])

        self.ctx.runner.submit(service.staff_names, on_success=done, name="staff_names")

    def _on_loaded(self) -> None:
        """The first page is shown; the counts follow (``_on_counted``)."""
        filtered = self.filter != CaseFilter()
        self.empty.set_empty(self.model.rowCount() == 0, self.tr(
            "No case matches these filters.\nClear the filters (or the search) to see all cases.") if filtered
            else self.tr("No cases yet.\nPress Ctrl+N to take in the first case, "
                         "or turn a consultation into a case on the Consultations page."))

    def _on_counted(self, counts: dict[str, int] | None) -> None:
        self._last_counts = counts
        self._show_counts(counts)

    def _show_counts(self, counts: dict[str, int] | None) -> None:
        if counts is None:
            return
        total = sum(counts.values())
        summary = self.tr("%Ln case(s)", "", total)
        parts = [f"<b>{summary}</b>"]
        for status in STATUSES:
            if counts.get(status):
                parts.append(f"{i18n.label(i18n.STATUS, status)} {counts[status]:,}")
        self.counts.setText("  ·  ".join(parts))

    def _on_failed(self, exc: BaseException) -> None:
        self.counts.setText("")
        title, message = errors.explain(exc)
        self.empty.set_empty(True, f"{title}\n{message}")

    # ------------------------------------------------------------------ opening

    def _open_index(self, index: Any) -> None:
        row = self.model.data(index, ROW_ROLE)
        if row is not None and self.window_ is not None:
            self.window_.open_case(row.number)

    def eventFilter(self, obj: Any, event: QEvent) -> bool:  # noqa: N802
        if obj is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._open_index(self.table.currentIndex())
            return True
        return super().eventFilter(obj, event)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def on_shown(self) -> None:
        # Other desks write to the same store: coming back to the list shows their cases too.
        if time.monotonic() - self._queried_at > 2.0:
            self.refresh()


def _factory(ctx: AppContext, window: Any) -> QWidget:
    return CaseListPage(ctx, window)


register_page("cases", QT_TRANSLATE_NOOP("Pages", "Cases"), _factory, order=10, icon="cases.svg",
              tooltip=QT_TRANSLATE_NOOP("Pages", "All cases: search, filter, open"))
