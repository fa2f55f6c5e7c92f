"""Editing an applicant's or opponent's details, a record shared by all its cases (from the case page)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import (
    PartyInput,
    PartyView,
)
from qcy_workstation.ui import errors, i18n
from qcy_workstation.ui.widgets import (
    ValidatedLineEdit,
    ok_cancel_buttons,
)


class EditPartyDialog(QDialog):
    """The applicant's or opponent's details. The party is one record shared by all its cases: the dialog
    says so when ``shared`` (the number of its cases) is more than one."""

    def __init__(self, role: str, party: PartyView, shared: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editPartyDialog")
        self.role, self.party = role, party
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Edit %1").replace("%1", i18n.label(i18n.ROLE, role)))
        self.name = ValidatedLineEdit(parent=self)
        self.name.setObjectName(f"{role}_name")
        self.name.setText(party.name)
        self.uscc = ValidatedLineEdit(errors.uscc_problem, self)
        self.uscc.setObjectName(f"{role}_uscc")
        self.uscc.setText(party.uscc or "")
        self.kind = QComboBox(self)
        for code in ("enterprise", "person"):
            self.kind.addItem(i18n.label(i18n.PARTY_KIND, code), code)
        self.kind.setCurrentIndex(max(self.kind.findData(party.kind), 0))
        self.contact = QLineEdit(party.contact, self)
        self.phone = ValidatedLineEdit(parent=self)
        self.phone.setObjectName(f"{role}_phone")
        self.phone.setText(party.phone)
        self.email = ValidatedLineEdit(parent=self)
        self.email.setObjectName(f"{role}_email")
        self.email.setText(party.email)
        self.address = QLineEdit(party.address, self)
        self.industry = QLineEdit(party.industry, self)
        self.settled = QCheckBox(self.tr("Settled enterprise"), self)
        self.settled.setChecked(party.settled)
        form = QFormLayout()
        for text, widget in ((self.tr("Name"), self.name), (self.tr("Credit code"), self.uscc),
                             (self.tr("Kind"), self.kind), (self.tr("Contact person"), self.contact),
                             (self.tr("Phone"), self.phone), (self.tr("E-mail"), self.email),
                             (self.tr("Address"), self.address), (self.tr("Industry"), self.industry),
                             ("", self.settled)):
            form.addRow(text, widget)
        self.shared_note = QLabel(self)
        self.shared_note.setObjectName("sharedPartyNote")
        self.shared_note.setWordWrap(True)
        self.shared_note.setStyleSheet("color: #8a5a00; background: #fff4e0; padding: 6px 8px; border-radius: 4px;")
        self.shared_note.setText(self.tr(
            "%1 appears in %2 cases. The change applies to all of them.").replace("%1", party.name)
            .replace("%2", str(shared)))
        self.shared_note.setVisible(shared > 1)
        self.buttons = buttons = ok_cancel_buttons(self, self._accept)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.shared_note)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.name.text():
            self.name.set_problem(i18n.field_label("name") + ": "
                                  + QCoreApplication.translate("Errors", "must be filled in."))
            self.name.setFocus()
            return
        if self.uscc.problem:
            self.uscc.setFocus()
            return
        self.accept()

    def party_input(self) -> PartyInput:
        return PartyInput(name=self.name.text(), uscc=self.uscc.text().strip().upper() or None,
                          kind=self.kind.currentData(), address=self.address.text(), contact=self.contact.text(),
                          phone=self.phone.text(), email=self.email.text(), industry=self.industry.text(),
                          settled=self.settled.isChecked())
