"""The consultation log: keyboard-first entry while on the phone, a filtered list, and "turn into case"."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import ConsultationFilter, ConsultationView, NewConsultation
from qcy_workstation.cases.validation import CHANNELS, IP_TYPES
from qcy_workstation.db.base import china_today
from qcy_workstation.errors import QcyError
from qcy_workstation.ui import drafts, errors, i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.models import ROW_ROLE, Column, PagedTableModel
from qcy_workstation.ui.pages.referrals.case_tab import refer_consultation
from qcy_workstation.ui.widgets import (
    Debouncer,
    EmptyState,
    ValidatedLineEdit,
    described_shortcut,
    ok_cancel_buttons,
    show_error,
)

SUGGEST_DEBOUNCE_MS = 150
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date filters, shown as "any"

CONSULTATION_LIST_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "When"), lambda c: c.at),
    Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda c: i18n.label(i18n.CHANNEL, c.channel)),
    Column(QT_TRANSLATE_NOOP("Columns", "Enquirer"), lambda c: c.enquirer),
    Column(QT_TRANSLATE_NOOP("Columns", "Organisation"), lambda c: c.organisation),
    Column(QT_TRANSLATE_NOOP("Columns", "Type"), lambda c: i18n.label(i18n.IP_TYPE, c.ip_type)),
    Column(QT_TRANSLATE_NOOP("Columns", "Topic"), lambda c: c.topic,
           tooltip=lambda c: "\n".join(p for p in (c.summary, c.advice) if p)),
    Column(QT_TRANSLATE_NOOP("Columns", "Staff"), lambda c: c.staff),
    Column(QT_TRANSLATE_NOOP("Columns", "Case"), lambda c: c.case_number or ""),
]


class EditConsultationDialog(QDialog):
    """Correct a logged consultation; ``changes()`` returns only the fields that were changed."""

    def __init__(self, c: ConsultationView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editConsultationDialog")
        self.c = c
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Edit consultation #%1").replace("%1", str(c.id)))
        self.channel = QComboBox(self)
        for code in CHANNELS:
            self.channel.addItem(i18n.label(i18n.CHANNEL, code), code)
        self.channel.setCurrentIndex(max(self.channel.findData(c.channel), 0))
        self.enquirer = ValidatedLineEdit(parent=self)
        self.enquirer.setObjectName("enquirer")
        self.enquirer.setText(c.enquirer)
        self.organisation = QLineEdit(c.organisation, self)
        self.phone = ValidatedLineEdit(parent=self)
        self.phone.setObjectName("phone")
        self.phone.setText(c.phone)
        self.ip_type = QComboBox(self)
        self.ip_type.addItem(self.tr("(not specified)"), "")
        for code in IP_TYPES:
            self.ip_type.addItem(i18n.label(i18n.IP_TYPE, code), code)
        self.ip_type.setCurrentIndex(max(self.ip_type.findData(c.ip_type), 0))
        self.topic = ValidatedLineEdit(parent=self)
        self.topic.setObjectName("topic")
        self.topic.setText(c.topic)
        self.summary = QPlainTextEdit(c.summary, self)
        self.summary.setTabChangesFocus(True)
        self.advice = QPlainTextEdit(c.advice, self)
        self.advice.setTabChangesFocus(True)
        self.follow_up = QCheckBox(self.tr("on"), self)
        self.follow_up_on = QDateEdit(self)
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat("yyyy-MM-dd")
        fu = c.follow_up_on
        self.follow_up_on.setDate(QDate(fu.year, fu.month, fu.day) if fu else _today().addDays(7))
        self.follow_up.setChecked(fu is not None)
        self.follow_up_on.setEnabled(fu is not None)
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addStretch(1)
        form = QFormLayout()
        for text, widget in ((self.tr("C&hannel"), self.channel), (self.tr("&Enquirer"), self.enquirer),
                             (self.tr("&Organisation"), self.organisation), (self.tr("&Phone"), self.phone),
                             (self.tr("IP t&ype"), self.ip_type), (self.tr("&Topic"), self.topic),
                             (self.tr("&Summary"), self.summary), (self.tr("&Advice given"), self.advice)):
            form.addRow(text, widget)
        form.addRow(self.tr("Follow-up"), follow_row)
        self.problem = QLabel(self)
        self.problem.setObjectName("editConsultationProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = buttons = ok_cancel_buttons(self, self._accept)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        required = QCoreApplication.translate("Errors", "must be filled in.")
        missing = [w for w in (self.enquirer, self.topic) if not w.text()]
        for w in missing:
            w.set_problem(i18n.field_label(w.objectName()) + ": " + required)
        if missing:
            missing[0].setFocus()
            return
        self.accept()

    def changes(self) -> dict[str, Any]:
        c = self.c
        now = {"channel": self.channel.currentData(), "enquirer": self.enquirer.text(),
               "organisation": self.organisation.text().strip(), "phone": self.phone.text(),
               "ip_type": self.ip_type.currentData() or "", "topic": self.topic.text(),
               "summary": self.summary.toPlainText().strip(), "advice": self.advice.toPlainText().strip(),
               "follow_up_on": self.follow_up_on.date().toPython() if self.follow_up.isChecked() else None}
        return {k: v for k, v in now.items() if v != getattr(c, k)}


class ConsultationPage(QWidget):
    """Log a consultation in a few keystrokes; find earlier ones; open a case from one."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self._suggest_task: Any = None
        self.model = PagedTableModel(CONSULTATION_LIST_COLUMNS, runner=ctx.runner, page_size=200, parent=self)
        self._build()
        self.retranslate()
        self.model.loaded.connect(self._on_loaded)
        self.model.counted.connect(self._on_counted)
        self.search_debouncer = Debouncer(200, self.apply_filters, self)
        self.suggest_debouncer = Debouncer(SUGGEST_DEBOUNCE_MS, self._suggest, self)
        self.enquirer.edit.textEdited.connect(lambda _t: self.suggest_debouncer.poke())
        ctx.consultations_changed.connect(self.apply_filters)
        self.apply_filters()
        self.tracker = drafts.FormTracker(self)
        self.tracker.mark_pristine()

    # ------------------------------------------------------------------ the entry form as a draft (ui/drafts.py)

    form_ignored = ("channel", "follow_up_on")  # the channel and date alone are not input

    def form_title(self) -> str:
        return self.tr("Consultation being logged")

    def form_fields(self) -> dict[str, QWidget]:
        return {name: getattr(self, name) for name in (
            "channel", "enquirer", "organisation", "phone", "ip_type", "topic", "summary", "advice", "follow_up",
            "follow_up_on")}

    def form_dirty(self) -> bool:
        return self.tracker.dirty()

    def restore_form(self, values: dict[str, Any]) -> None:
        drafts.restore(self.form_fields(), values)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.entry_box = QGroupBox(self)
        self.entry_box.setObjectName("consultationEntry")
        outer = QVBoxLayout(self.entry_box)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.channel = QComboBox(self.entry_box)
        self.channel.setObjectName("channel")
        self.enquirer = ValidatedLineEdit(parent=self.entry_box)
        self.enquirer.setObjectName("enquirer")
        # The popup shows "name · organisation"; choosing one inserts the name (NAME_ROLE) and fills the rest.
        self.completer_model = QStandardItemModel(self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.activated[QModelIndex].connect(self._on_suggestion)
        self.enquirer.edit.setCompleter(self.completer)
        self.organisation = QLineEdit(self.entry_box)
        self.organisation.setObjectName("organisation")
        self.phone = ValidatedLineEdit(parent=self.entry_box)
        self.phone.setObjectName("phone")
        self.ip_type = QComboBox(self.entry_box)
        self.ip_type.setObjectName("consult_ip_type")
        self.topic = ValidatedLineEdit(parent=self.entry_box)
        self.topic.setObjectName("topic")
        self.summary = QPlainTextEdit(self.entry_box)
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(110)
        self.advice = QPlainTextEdit(self.entry_box)
        self.advice.setObjectName("advice")
        self.advice.setTabChangesFocus(True)
        self.advice.setMaximumHeight(110)
        self.follow_up = QCheckBox(self.entry_box)
        self.follow_up.setObjectName("followUp")
        self.follow_up_on = QDateEdit(self.entry_box)
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_on.setEnabled(False)
        self.follow_up_on.setDate(_today().addDays(7))
        self.follow_up.toggled.connect(self.follow_up_on.setEnabled)
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up)
        follow_row.addWidget(self.follow_up_on)
        follow_row.addStretch(1)
        self.save_button = QPushButton(self.entry_box)
        self.save_button.setObjectName("saveConsultation")
        self.save_button.clicked.connect(self.save)
        self.feedback = QLabel(self.entry_box)
        self.feedback.setObjectName("consultFeedback")
        self.feedback.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.feedback, 1)
        save_row.addWidget(self.save_button)
        self.entry_labels = [QLabel() for _ in range(8)]
        widgets = (self.channel, self.enquirer, self.organisation, self.phone, self.ip_type, self.topic,
                   self.summary, self.advice)
        for label, widget in zip(self.entry_labels, widgets, strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.follow_label = QLabel()
        form.addRow(self.follow_label, follow_row)
        form.addRow(save_row)
        # Tab order is the order of the call: what the caller says first comes first.
        chain = [self.channel, self.enquirer.edit, self.organisation, self.phone.edit, self.ip_type, self.topic.edit,
                 self.summary, self.advice, self.follow_up, self.follow_up_on, self.save_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            sc = described_shortcut(seq, self.entry_box, self.save, QT_TRANSLATE_NOOP("Shortcuts", "Consultation: save"))
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # --- list
        self.list_box = QGroupBox(self)
        self.search = QLineEdit(self.list_box)
        self.search.setObjectName("consultSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.search_debouncer.poke())
        self.f_channel = QComboBox(self.list_box)
        self.f_type = QComboBox(self.list_box)
        self.f_unlinked = QCheckBox(self.list_box)
        self.f_from, self.f_to = self._date_filter(), self._date_filter()
        for edit in (self.f_from, self.f_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        for box in (self.f_channel, self.f_type):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.f_unlinked.toggled.connect(lambda _on: self.apply_filters())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.f_channel)
        filters.addWidget(self.f_type)
        filters.addWidget(self.f_from)
        filters.addWidget(self.f_to)
        filters.addWidget(self.f_unlinked)
        self.count_label = QLabel(self.list_box)
        self.count_label.setObjectName("consultCount")
        self.table = QTableView(self.list_box)
        self.table.setObjectName("consultTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((128, 52, 96, 190, 70, 190, 56)):
            header.resizeSection(col, width)
        self.table.doubleClicked.connect(lambda _i: self.show_selected())
        self.empty = EmptyState(self.table, self.list_box)
        self.convert_button = QPushButton(self.list_box)
        self.convert_button.setObjectName("convertToCase")
        self.convert_button.clicked.connect(self.convert_selected)
        self.open_case_button = QPushButton(self.list_box)
        self.open_case_button.clicked.connect(self.open_linked_case)
        self.edit_button = QPushButton(self.list_box)
        self.edit_button.setObjectName("editConsultation")
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.link_button = QPushButton(self.list_box)
        self.link_button.setObjectName("linkConsultation")
        self.link_button.clicked.connect(lambda: self.link_selected())
        self.unlink_button = QPushButton(self.list_box)
        self.unlink_button.setObjectName("unlinkConsultation")
        self.unlink_button.clicked.connect(lambda: self.unlink_selected())
        self.refer_button = QPushButton(self.list_box)  # issue 17 item 1: refer it to a partner body
        self.refer_button.setObjectName("referConsultation")
        self.refer_button.clicked.connect(lambda: self.refer_selected())
        self.detail = QLabel(self.list_box)
        self.detail.setObjectName("consultDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.link_button)
        actions.addWidget(self.unlink_button)
        actions.addWidget(self.open_case_button)
        actions.addWidget(self.refer_button)
        actions.addWidget(self.convert_button)
        ll = QVBoxLayout(self.list_box)
        ll.addLayout(filters)
        ll.addWidget(self.empty, 1)
        ll.addWidget(self.detail)
        ll.addLayout(actions)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._on_selection())

        body = QHBoxLayout()
        body.addWidget(self.entry_box, 2)
        body.addWidget(self.list_box, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)

    def _date_filter(self) -> QDateEdit:
        edit = QDateEdit(self.list_box)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Consultations"))
        self.f_from.setSpecialValueText(self.tr("from: any"))
        self.f_to.setSpecialValueText(self.tr("to: any"))
        self.f_from.setToolTip(self.tr("Consultations on or after this day"))
        self.f_to.setToolTip(self.tr("Consultations on or before this day"))
        self.entry_box.setTitle(self.tr("Log a consultation (Ctrl+L)"))
        texts = (self.tr("C&hannel"), self.tr("&Enquirer"), self.tr("&Organisation"), self.tr("&Phone"),
                 self.tr("IP t&ype"), self.tr("&Topic"), self.tr("&Summary"), self.tr("&Advice given"))
        for label, text in zip(self.entry_labels, texts, strict=True):
            label.setText(text)
        self.follow_label.setText(self.tr("Follow-up"))
        self.follow_up.setText(self.tr("on"))
        self._fill(self.channel, [(c, i18n.label(i18n.CHANNEL, c)) for c in CHANNELS], default="phone")
        self._fill(self.ip_type, [("", self.tr("(not specified)"))] + [(t, i18n.label(i18n.IP_TYPE, t))
                                                                        for t in IP_TYPES])
        self.enquirer.setPlaceholderText(self.tr("Name; earlier enquirers are suggested"))
        self.topic.setPlaceholderText(self.tr("In a few words, e.g. 网店使用近似商标"))
        self.summary.setPlaceholderText(self.tr("What the enquirer asked"))
        self.advice.setPlaceholderText(self.tr("What you advised"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the consultation (Ctrl+Enter)"))
        self.list_box.setTitle(self.tr("Log"))
        self.search.setPlaceholderText(self.tr("Search enquirer, organisation, topic…"))
        self._fill(self.f_channel, [("", self.tr("All channels"))]
                   + [(c, i18n.label(i18n.CHANNEL, c)) for c in CHANNELS])
        self._fill(self.f_type, [("", self.tr("All types"))] + [(t, i18n.label(i18n.IP_TYPE, t)) for t in IP_TYPES])
        self.f_unlinked.setText(self.tr("Not yet a case"))
        self.convert_button.setText(self.tr("Turn into case…"))
        self.convert_button.setToolTip(self.tr("Open the intake form filled from this consultation"))
        self.open_case_button.setText(self.tr("Open case"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Correct this consultation (recorded in the audit trail)"))
        self.link_button.setText(self.tr("Link to case…"))
        self.link_button.setToolTip(self.tr("This consultation is about an existing case: link it by the case number"))
        self.unlink_button.setText(self.tr("Unlink"))
        self.unlink_button.setToolTip(self.tr("This consultation was linked to the wrong case: remove the link"))
        self.refer_button.setText(self.tr("Refer…"))
        self.refer_button.setToolTip(self.tr("Refer this consultation to a partner body (a consultation that became "
                                             "a case is referred from the case's page)"))
        self.model.retranslate()
        self._on_selection()
        self._show_count()

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]], default: str | None = None) -> None:
        current = box.currentData() if box.count() else default
        box.blockSignals(True)
        box.clear()
        for data, text in items:
            box.addItem(text, data)
        box.setCurrentIndex(max(box.findData(current), 0))
        box.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ entry

    def focus_entry(self) -> None:
        self.enquirer.setFocus()

    def _suggest(self) -> None:
        prefix = self.enquirer.text()
        if not prefix:
            return
        service = self.ctx.consultations()
        if self._suggest_task is not None:
            self._suggest_task.cancel()

        def done(rows: list[tuple[str, str, str]]) -> None:
            self._suggest_task = None
            self.completer_model.clear()
            for name, org, phone in rows:
                item = QStandardItem(f"{name} · {org}" if org else name)
                item.setData(name, NAME_ROLE)
                item.setData((name, org, phone), Qt.ItemDataRole.UserRole)
                self.completer_model.appendRow(item)
            if rows and self.enquirer.edit.hasFocus() and self.enquirer.text() == prefix:
                self.completer.complete()

        self._suggest_task = self.ctx.runner.submit(lambda: service.enquirer_suggestions(prefix), on_success=done,
                                                    name="enquirer_suggestions")

    def _on_suggestion(self, index: QModelIndex) -> None:
        name, org, phone = index.data(Qt.ItemDataRole.UserRole) or (self.enquirer.text(), "", "")
        if org and not self.organisation.text():
            self.organisation.setText(org)
        if phone and not self.phone.text():
            self.phone.setText(phone)

    def new_consultation(self) -> NewConsultation:
        return NewConsultation(
            channel=self.channel.currentData() or "phone", enquirer=self.enquirer.text(), topic=self.topic.text(),
            summary=self.summary.toPlainText(), advice=self.advice.toPlainText(),
            organisation=self.organisation.text().strip(), phone=self.phone.text(),
            ip_type=self.ip_type.currentData() or "",
            follow_up_on=self.follow_up_on.date().toPython() if self.follow_up.isChecked() else None)

    def save(self) -> None:
        required = QCoreApplication.translate("Errors", "must be filled in.")
        missing = [w for w in (self.enquirer, self.topic) if not w.text()]
        for w in missing:
            w.set_problem(i18n.field_label(w.objectName()) + ": " + required)
        if missing:
            missing[0].setFocus()
            return
        new = self.new_consultation()
        service = self.ctx.consultations()
        self.save_button.setEnabled(False)
        self.ctx.runner.submit(lambda: service.add(new), on_success=self._saved, on_error=self._failed,
                               name="add_consultation")

    def _saved(self, view: ConsultationView) -> None:
        self.save_button.setEnabled(True)
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(self.tr("Logged at %1 (#%2).").replace("%1", view.at.strftime("%H:%M"))
                              .replace("%2", str(view.id)))
        self.last_saved = view
        for w in (self.enquirer, self.phone, self.topic):
            w.clear()
        for w in (self.organisation, self.summary, self.advice):
            w.clear()
        self.follow_up.setChecked(False)
        self.ip_type.setCurrentIndex(0)
        self.tracker.mark_pristine()
        self.enquirer.setFocus()
        self.ctx.consultations_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        title, message = errors.explain(exc)
        field = exc.field if isinstance(exc, QcyError) else None
        widget = {"enquirer": self.enquirer, "topic": self.topic, "phone": self.phone}.get(field or "")
        if widget is not None:
            widget.set_problem(message)
            widget.setFocus()
        else:
            show_error(self, exc)

    # ------------------------------------------------------------------ list

    def current_filter(self) -> ConsultationFilter:
        d_from, d_to = self.f_from.date(), self.f_to.date()
        return ConsultationFilter(channel=self.f_channel.currentData() or None, ip_type=self.f_type.currentData() or None,
                                  unlinked_only=self.f_unlinked.isChecked(), text=self.search.text().strip() or None,
                                  date_from=d_from.toPython() if d_from != NO_DATE else None,
                                  date_to=d_to.toPython() if d_to != NO_DATE else None)

    def apply_filters(self) -> None:
        f = self.current_filter()
        self.filter = f
        self._queried_at = time.monotonic()
        service = self.ctx.consultations()
        self.model.set_query(lambda offset, limit, _sort, _desc: service.list(f, offset=offset, limit=limit),
                             lambda: service.count(f))

    def refresh(self) -> None:
        self.apply_filters()

    def on_shown(self) -> None:
        if time.monotonic() - self._queried_at > 2.0:
            self.refresh()

    def _on_loaded(self) -> None:
        filtered = self.filter != ConsultationFilter()
        self.empty.set_empty(self.model.rowCount() == 0, self.tr(
            "No consultation matches. Clear the search or the filters.") if filtered else self.tr(
            "No consultations logged yet.\nUse the form on the left: Tab moves between fields, "
            "Ctrl+Enter saves."))

    def _on_counted(self, total: int | None) -> None:
        self.total = total or 0
        self._show_count()

    def _show_count(self) -> None:
        total = getattr(self, "total", None)
        if total is not None:
            self.count_label.setText(self.tr("%Ln consultation(s)", "", total))

    def selected(self) -> ConsultationView | None:
        return self.model.data(self.table.currentIndex(), ROW_ROLE)

    def _on_selection(self) -> None:
        c = self.selected()
        self.convert_button.setEnabled(c is not None and not c.case_number)
        self.open_case_button.setEnabled(c is not None and bool(c.case_number))
        self.edit_button.setEnabled(c is not None)
        self.link_button.setEnabled(c is not None and not c.case_number)
        self.unlink_button.setEnabled(c is not None and bool(c.case_number))
        self.refer_button.setEnabled(c is not None and not c.case_number and self.ctx.may("referral.create"))
        if c is None:
            self.detail.setText("")
            return
        follow = self.tr("Follow-up on %1.").replace("%1", c.follow_up_on.isoformat()) if c.follow_up_on else ""
        self.detail.setText(" ".join(p for p in (c.summary, c.advice, follow) if p))

    def show_selected(self) -> None:
        c = self.selected()
        if c is not None and c.case_number:
            self.open_linked_case()

    def refer_selected(self) -> None:
        c = self.selected()
        if c is not None:
            refer_consultation(self, self.ctx, c, done=lambda r: self.detail.setText(
                self.tr("Referred to %1 as %2.").replace("%1", r.body_name).replace("%2", r.number)))

    def convert_selected(self) -> None:
        """Open the intake form prefilled from the selected consultation."""
        c = self.selected()
        if c is None:
            return
        if c.case_number:
            QMessageBox.information(self, self.tr("Already a case"),
                                    self.tr("This consultation belongs to case %1.").replace("%1", c.case_number))
            return
        if self.window_ is not None:
            intake = self.window_.go("intake")
            if intake.form_dirty():  # never overwrite a half-typed case without asking
                answer = QMessageBox.question(
                    self, self.tr("Replace the new-case form?"),
                    self.tr("The new-case form holds input that is not saved. Replace it with consultation #%1?")
                    .replace("%1", str(c.id)),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    return
            intake.prefill_from_consultation(c)

    def open_linked_case(self) -> None:
        c = self.selected()
        if c is not None and c.case_number and self.window_ is not None:
            self.window_.open_case(c.case_number)


    # ------------------------------------------------------------------ corrections

    def edit_selected(self) -> EditConsultationDialog | None:
        """Edit the selected consultation in a dialog; only changed fields are saved (audited old -> new)."""
        c = self.selected()
        if c is None:
            return None
        dialog = EditConsultationDialog(c, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return dialog
        changes = dialog.changes()
        if not changes:
            return dialog
        service, cid, version = self.ctx.consultations(), c.id, c.row_version  # saved on the version shown
        self.ctx.runner.submit(lambda: service.update(cid, expected_version=version, **changes),
                               on_success=self._corrected,
                               on_error=self._correction_failed, name="update_consultation")
        return dialog

    def link_selected(self, number: str | None = None) -> None:
        """Link the selected consultation to an existing case, asking for its number."""
        c = self.selected()
        if c is None:
            return
        if number is None:
            number, ok = QInputDialog.getText(self, self.tr("Link to case"), self.tr(
                "Number of the case this consultation is about (e.g. QCY-2026-00042):"))
            if not ok:
                return
        number = number.strip()
        if not number:
            return
        service, cid = self.ctx.consultations(), c.id
        self.ctx.runner.submit(lambda: service.link(cid, number), on_success=self._corrected,
                               on_error=self._correction_failed, name="link_consultation")

    def unlink_selected(self, *, confirm: bool = True) -> None:
        c = self.selected()
        if c is None or not c.case_number:
            return
        if confirm and QMessageBox.question(self, self.tr("Unlink"), self.tr(
                "Remove the link between this consultation and case %1? The consultation is kept.")
                .replace("%1", c.case_number)) != QMessageBox.StandardButton.Yes:
            return
        service, cid = self.ctx.consultations(), c.id
        self.ctx.runner.submit(lambda: service.unlink(cid), on_success=self._corrected,
                               on_error=self._correction_failed, name="unlink_consultation")

    def _corrected(self, view: ConsultationView) -> None:
        self.last_corrected = view
        self.ctx.consultations_changed.emit()
        self.ctx.cases_changed.emit(view.case_number or "")

    def _correction_failed(self, exc: BaseException) -> None:
        self.last_error = self.plain_message(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), self.last_error,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorDialog")
        box.open()

    def plain_message(self, exc: BaseException) -> str:
        return errors.explain(exc)[1]


def _today() -> QDate:
    d = china_today()
    return QDate(d.year, d.month, d.day)


register_page("consultations", QT_TRANSLATE_NOOP("Pages", "Consultations"), lambda ctx, w: ConsultationPage(ctx, w),
              order=40, icon="consult.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Log calls and visits (Ctrl+L)"))
