"""Dialogs of an enterprise's own rights (issue 17 item 3): enter or correct a right, and record what keeps
it alive (a trademark renewal, a patent's annual fee).

Public entry points for any page (the Today rights box uses them; the Enterprises page can too):
``open_right_dialog(parent, ctx, enterprise=..., right_id=..., on_saved=...)`` and
``open_payment_dialog(parent, ctx, right_id, on_saved=...)``. Each opens a window-modal dialog and returns it;
``on_saved(RightView)`` runs after the service stored the change. The dialogs only read their widgets into
plain values: ``PortfolioService`` decides what is allowed and refuses with a code; the dialog then names the
field in its own words, marks it, and stays open with nothing saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation import labels
from qcy_workstation.cases.validation import parse_date
from qcy_workstation.errors import QcyError
from qcy_workstation.portfolios.dto import PATENT_KINDS, RIGHT_KINDS, NewRight, RightView
from qcy_workstation.ui import errors
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.widgets import ok_cancel_buttons

ERROR_STYLE = "QLineEdit, QComboBox, QSpinBox { border: 1px solid #c62828; background: #fff5f5; }"


def _date_line(parent: QWidget, name: str, value: date | None) -> QLineEdit:
    edit = QLineEdit(value.isoformat() if value else "", parent)
    edit.setObjectName(name)
    edit.setPlaceholderText("YYYY-MM-DD")
    return edit


class _ServiceDialog(QDialog):
    """Shows a service's coded refusal beside the field it names and keeps the dialog open."""

    saved = Signal(object)  # the RightView after the change

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.fields: dict[str, tuple[str, QWidget]] = {}  # service field -> (row label, widget)
        self.error = QLabel(self)
        self.error.setObjectName("rightDialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.result_view: RightView | None = None

    def field(self, name: str, label: str, widget: QWidget) -> QWidget:
        self.fields[name] = (label, widget)
        return widget

    def refuse(self, exc: QcyError) -> None:
        for _label, w in self.fields.values():
            w.setStyleSheet("")
        label, widget = self.fields.get(exc.field or "", ("", None))
        text = errors.reason_text(exc)  # the coded sentence; the presenter's message when the reason is not listed
        self.error.setText(f"{label}: {text}" if label and text else errors.message(exc))
        self.error.show()
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()

    def run(self, action: Callable[[], RightView]) -> None:
        try:
            view = action()
        except QcyError as exc:
            self.refuse(exc)
            return
        self.result_view = view
        self.saved.emit(view)
        self.accept()

    def date_of(self, edit: QLineEdit, name: str) -> date | None:
        return parse_date(edit.text().strip() or None, name)


class RightDialog(_ServiceDialog):
    """Enter a right of an enterprise, or correct one (``right`` given)."""

    def __init__(self, ctx: Any, *, enterprise: str = "", right: RightView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.right = ctx, right
        self.setObjectName("rightDialog")
        self.setMinimumWidth(500)
        self.setWindowTitle(self.tr("Correct a right") if right else self.tr("Enter a right of an enterprise"))
        lang = current_language()
        self.enterprise = QLineEdit(right.enterprise if right else enterprise, self)
        self.enterprise.setObjectName("rightEnterprise")
        self.enterprise.setPlaceholderText(self.tr("The enterprise's exact name, as on its cases"))
        self.enterprise.setReadOnly(right is not None)
        self.kind = QComboBox(self)
        self.kind.setObjectName("rightKind")
        for code in RIGHT_KINDS:
            self.kind.addItem(labels.name(RIGHT_KINDS, code, lang), code)
        if right:
            self.kind.setCurrentIndex(max(0, self.kind.findData(right.kind)))
        self.number = QLineEdit(right.number if right else "", self)
        self.number.setObjectName("rightNumber")
        self.title = QLineEdit(right.title if right else "", self)
        self.title.setObjectName("rightTitle")
        self.classes = QLineEdit(right.classes if right else "", self)
        self.classes.setObjectName("rightClasses")
        self.classes.setPlaceholderText(self.tr("Nice classes 1-45, e.g. 30,43"))
        self.filed = _date_line(self, "rightFiled", right.filed_on if right else None)
        self.registered = _date_line(self, "rightRegistered", right.registered_on if right else None)
        self.expires = _date_line(self, "rightExpires", right.expires_on if right else None)
        self.expires.setPlaceholderText(self.tr("YYYY-MM-DD, as on the certificate (empty: computed)"))
        self.note = QLineEdit(right.note if right else "", self)
        self.note.setObjectName("rightNote")
        form = QFormLayout()
        for name, text, widget in (
                ("enterprise", self.tr("Enterprise"), self.enterprise), ("kind", self.tr("Kind of right"), self.kind),
                ("number", self.tr("Number"), self.number), ("title", self.tr("Mark / title"), self.title),
                ("classes", self.tr("Classes"), self.classes), ("filed_on", self.tr("Filed on"), self.filed),
                ("registered_on", self.tr("Registered / granted on"), self.registered),
                ("expires_on", self.tr("Expires on"), self.expires), ("note", self.tr("Note"), self.note)):
            form.addRow(text, self.field(name, text, widget))
        hint = QLabel(self.tr("A trademark's term runs 10 years from registration (Trademark Law Art. 39); a "
                              "patent's from filing (Patent Law Art. 42). Dates are computed from what is entered "
                              "here, not checked with CNIPA."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6b7a;")
        self.buttons = ok_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        def action() -> RightView:
            new = NewRight(enterprise=self.enterprise.text().strip(), kind=str(self.kind.currentData()),
                           number=self.number.text(), title=self.title.text(), classes=self.classes.text(),
                           filed_on=self.date_of(self.filed, "filed_on"),
                           registered_on=self.date_of(self.registered, "registered_on"),
                           expires_on=self.date_of(self.expires, "expires_on"), note=self.note.text())
            service = self.ctx.portfolios()
            return service.update(self.right.id, new) if self.right else service.add(new)

        self.run(action)


class PaymentDialog(_ServiceDialog):
    """Record a trademark renewal (the day it was filed) or a patent's annual fee (the year, the day paid)."""

    def __init__(self, ctx: Any, right: RightView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.right = ctx, right
        self.setObjectName("paymentDialog")
        self.setMinimumWidth(480)
        lang = current_language()
        self.renewal = right.kind == "trademark"
        self.setWindowTitle(self.tr("Record a renewal") if self.renewal else self.tr("Record an annual fee paid"))
        what = QLabel(f"{right.enterprise} · {labels.name(RIGHT_KINDS, right.kind, lang)} {right.number} {right.title}",
                      self)
        what.setObjectName("paymentRight")
        self.on = _date_line(self, "paymentOn", None)
        self.year = QSpinBox(self)
        self.year.setObjectName("paymentYear")
        self.year.setRange(1, 30)
        self.year.setValue(max(1, right.paid_year + 1))
        self.note = QLineEdit(self)
        self.note.setObjectName("paymentNote")
        form = QFormLayout()
        form.addRow(self.tr("Right"), what)
        if self.renewal:
            self.year.hide()  # not in the form: a renewal has no patent year
            text = self.tr("Renewal filed on")
            form.addRow(text, self.field("filed_on", text, self.on))
            info = self.tr("Renewal window: %1 to %2, grace to %3 (%4). The new term runs 10 years from the day "
                           "after the current one ends.").replace("%1", str(right.renewal_opens or "—")).replace(
                "%2", str(right.term_ends or "—")).replace("%3", str(right.grace_ends or "—")).replace(
                "%4", right.renewal_article if lang == "zh" else right.renewal_article_en)
        else:
            text = self.tr("Patent year paid for")
            form.addRow(text, self.field("year", text, self.year))
            text = self.tr("Paid on")
            form.addRow(text, self.field("paid_on", text, self.on))
            info = self.tr("Fees recorded through patent year %1. A year's fee is due on the filing anniversary "
                           "and may be paid with a surcharge in the 6 months after.").replace(
                "%1", str(right.paid_year or "—"))
            if right.kind not in PATENT_KINDS:
                info = self.tr("Annual fees are paid for patents only.")
        note_text = self.tr("Note")
        form.addRow(note_text, self.field("note", note_text, self.note))
        self.info = QLabel(info, self)
        self.info.setObjectName("paymentInfo")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5f6b7a;")
        self.buttons = ok_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        def action() -> RightView:
            service = self.ctx.portfolios()
            if self.renewal:
                return service.record_renewal(self.right.id, self.date_of(self.on, "filed_on"),
                                              note=self.note.text())
            return service.record_annuity(self.right.id, self.year.value(), self.date_of(self.on, "paid_on"),
                                          note=self.note.text())

        self.run(action)


def _opened(dialog: _ServiceDialog, on_saved: Callable[[RightView], None] | None) -> Any:
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog


def open_right_dialog(parent: QWidget, ctx: Any, *, enterprise: str = "", right_id: int | None = None,
                      on_saved: Callable[[RightView], None] | None = None) -> RightDialog:
    """Open the dialog to enter a right of ``enterprise`` (prefilled name) or to correct right ``right_id``."""
    right = ctx.portfolios().get(right_id) if right_id is not None else None
    return _opened(RightDialog(ctx, enterprise=enterprise, right=right, parent=parent), on_saved)


def open_payment_dialog(parent: QWidget, ctx: Any, right_id: int,
                        on_saved: Callable[[RightView], None] | None = None) -> PaymentDialog:
    """Open the dialog to record a renewal (trademark) or an annual fee (patent) of right ``right_id``."""
    return _opened(PaymentDialog(ctx, ctx.portfolios().get(right_id), parent=parent), on_saved)
