"""Dialogs of referrals (issue 17 item 1): refer a case to a partner body, record the body's answer, add a
body to the directory. Each reads its widgets into a plain value; the service validates and refuses with a
code (the page shows it), so nothing here decides what is allowed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation import labels
from qcy_workstation.referrals.dto import (
    BODY_KINDS,
    DEFAULT_FOLLOW_UP_WORKING_DAYS,
    OUTCOMES,
    BodyView,
    NewBody,
    NewReferral,
)
from qcy_workstation.ui.i18n import current_language
from qcy_workstation.ui.widgets import date_edit, picked_day


def _buttons(dialog: QDialog, ok_text: str) -> tuple[QDialogButtonBox, Any]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, ok


class ReferDialog(QDialog):
    """Choose the body (those listing the case's kind of matter first), the date, the request and when to
    follow up (working days)."""

    def __init__(self, subject: str, matter: str, bodies: list[BodyView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referDialog")
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Refer to a partner body"))
        lang = current_language()
        note = QLabel(self.tr("Refer “%1” to a body that takes this kind of matter. The first follow-up is "
                              "counted in Chinese working days (holidays and adjusted weekends).").replace("%1", subject),
                      self)
        note.setWordWrap(True)
        self.body = QComboBox(self)
        self.body.setObjectName("referBody")
        ordered = sorted(bodies, key=lambda b: (matter not in b.matters, b.name))
        for b in ordered:
            kind = labels.name(BODY_KINDS, b.kind, lang)
            mark = "" if not matter or matter in b.matters else " " + self.tr("(not listed for this kind of matter)")
            self.body.addItem(f"{b.name} · {kind}{mark}", b.id)
        self.body.setCurrentIndex(-1)
        self.on = date_edit(self, "referOn")
        self.days = QSpinBox(self)
        self.days.setObjectName("referFollowUpDays")
        self.days.setRange(1, 250)
        self.days.setValue(DEFAULT_FOLLOW_UP_WORKING_DAYS)
        self.days.setSuffix(" " + self.tr("working days"))
        self.reference = QLineEdit(self)
        self.reference.setObjectName("referReference")
        self.reference.setPlaceholderText(self.tr("The body's file number, when known"))
        self.request = QPlainTextEdit(self)
        self.request.setObjectName("referRequest")
        self.request.setTabChangesFocus(True)
        self.request.setMaximumHeight(90)
        self.request.setPlaceholderText(self.tr("What the body is asked to do, e.g. investigate and stop the sales"))
        form = QFormLayout()
        form.addRow(self.tr("Body"), self.body)
        form.addRow(self.tr("Referred on"), self.on)
        form.addRow(self.tr("First follow-up after"), self.days)
        form.addRow(self.tr("Body's reference"), self.reference)
        form.addRow(self.tr("Request"), self.request)
        self.buttons, self.ok = _buttons(self, self.tr("Refer"))
        self.body.currentIndexChanged.connect(lambda _i: self.ok.setEnabled(self.body.currentIndex() >= 0))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self, *, case_number: str | None = None, consultation_id: int | None = None) -> NewReferral:
        return NewReferral(body=int(self.body.currentData()), case_number=case_number, consultation_id=consultation_id,
                           referred_on=picked_day(self.on), request=self.request.toPlainText(),
                           body_reference=self.reference.text(), follow_up_days=self.days.value())


class OutcomeDialog(QDialog):
    """The body's answer: accepted (the matter is taken up) or a final outcome, with its date."""

    def __init__(self, number: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Outcome of referral %1").replace("%1", number))
        lang = current_language()
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcomeChoice")
        for code in OUTCOMES:
            self.outcome.addItem(labels.name(OUTCOMES, code, lang), code)
        self.on = date_edit(self, "outcomeOn")
        self.reference = QLineEdit(self)
        self.reference.setObjectName("outcomeReference")
        self.reference.setPlaceholderText(self.tr("The body's file number, when known"))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("outcomeNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Body"), QLabel(body, self))
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Body's reference"), self.reference)
        form.addRow(self.tr("Note"), self.note)
        self.buttons, self.ok = _buttons(self, self.tr("Record"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> dict[str, Any]:
        return {"outcome": str(self.outcome.currentData()), "on": picked_day(self.on), "note": self.note.toPlainText(),
                "body_reference": self.reference.text()}


class BodyDialog(QDialog):
    """A new partner body: name, kind, jurisdiction, the kinds of matter it takes, contact, source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyDialog")
        self.setMinimumWidth(480)
        self.setWindowTitle(self.tr("Add a partner body"))
        lang = current_language()
        self.name = QLineEdit(self)
        self.name.setObjectName("bodyName")
        self.kind = QComboBox(self)
        self.kind.setObjectName("bodyKind")
        for code in BODY_KINDS:
            self.kind.addItem(labels.name(BODY_KINDS, code, lang), code)
        self.jurisdiction = QLineEdit(self)
        self.jurisdiction.setObjectName("bodyJurisdiction")
        self.matters: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for code in labels.IP_TYPES:
            box = QCheckBox(labels.name(labels.IP_TYPES, code, lang), self)
            box.setObjectName(f"bodyMatter_{code}")
            self.matters[code] = box
            row.addWidget(box)
        self.contact = QPlainTextEdit(self)
        self.contact.setObjectName("bodyContact")
        self.contact.setTabChangesFocus(True)
        self.contact.setMaximumHeight(70)
        self.contact.setPlaceholderText(self.tr("Address, phone, contact person: from the body's official website"))
        self.source = QLineEdit(self)
        self.source.setObjectName("bodySource")
        self.source.setPlaceholderText(self.tr("Where this entry comes from, what to verify"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Jurisdiction"), self.jurisdiction)
        form.addRow(self.tr("Takes"), row)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Source"), self.source)
        self.buttons, self.ok = _buttons(self, self.tr("Add"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def value(self) -> NewBody:
        return NewBody(name=self.name.text(), kind=str(self.kind.currentData()), jurisdiction=self.jurisdiction.text(),
                       matters=tuple(code for code, box in self.matters.items() if box.isChecked()),
                       contact=self.contact.toPlainText(), source_note=self.source.text())
