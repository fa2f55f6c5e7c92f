"""Editing a case's own fields and its opposing party (from the case page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import (
    CaseDetail,
    PartyInput,
)
from qcy_workstation.cases.validation import ASSISTANCE, PRIORITIES
from qcy_workstation.ui import errors, i18n
from qcy_workstation.ui.widgets import (
    ValidatedLineEdit,
    ok_cancel_buttons,
)


class EditCaseDialog(QDialog):
    """The case's own fields and its opposing party; ``changes()`` returns only what was changed."""

    def __init__(self, case: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editCaseDialog")
        self.case = case
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.title = ValidatedLineEdit(parent=self)
        self.title.setObjectName("title")
        self.title.setText(case.title)
        self.staff = QLineEdit(case.staff, self)
        self.priority = QComboBox(self)
        for code in PRIORITIES:
            self.priority.addItem(i18n.label(i18n.PRIORITY, code), code)
        self.priority.setCurrentIndex(max(self.priority.findData(case.priority), 0))
        self.confidential = QCheckBox(self)
        self.confidential.setChecked(case.confidential)
        self.assistance: dict[str, QCheckBox] = {}
        assist = QWidget(self)
        grid = QGridLayout(assist)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(ASSISTANCE):
            cb = QCheckBox(i18n.label(i18n.ASSISTANCE, code), assist)
            cb.setChecked(code in case.assistance)
            self.assistance[code] = cb
            grid.addWidget(cb, i // 2, i % 2)
        self.facts = QPlainTextEdit(case.facts, self)
        self.facts.setTabChangesFocus(True)
        self.outcome = QPlainTextEdit(case.outcome, self)
        self.outcome.setTabChangesFocus(True)
        self.outcome.setMaximumHeight(80)
        self.opponent = QLineEdit(case.opponent.name if case.opponent else "", self)
        self.opponent_uscc = ValidatedLineEdit(errors.uscc_problem, self)
        self.opponent_uscc.setText((case.opponent.uscc or "") if case.opponent else "")
        rows = ((self.tr("&Title"), self.title), (self.tr("&Handled by"), self.staff),
                (self.tr("&Priority"), self.priority), ("", self.confidential), (self.tr("Assistance wanted"), assist),
                (self.tr("&Facts"), self.facts), (self.tr("&Outcome"), self.outcome),
                (self.tr("Opposing party"), self.opponent), (self.tr("Its credit code"), self.opponent_uscc))
        for text, widget in rows:
            form.addRow(text, widget)
        self.confidential.setText(self.tr("Confidential (hidden from exports)"))
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", case.number))
        buttons = ok_cancel_buttons(self, self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.title.text():
            self.title.set_problem(i18n.field_label("title") + ": "
                                   + QCoreApplication.translate("Errors", "must be filled in."))
            return
        if self.opponent_uscc.problem:
            self.opponent_uscc.setFocus()
            return
        self.accept()

    def changes(self) -> dict[str, Any]:
        c = self.case
        now = {"title": self.title.text(), "staff": self.staff.text().strip(),
               "priority": self.priority.currentData(), "confidential": self.confidential.isChecked(),
               "assistance": tuple(code for code, cb in self.assistance.items() if cb.isChecked()),
               "facts": self.facts.toPlainText().strip(), "outcome": self.outcome.toPlainText().strip()}
        before = {"title": c.title, "staff": c.staff, "priority": c.priority, "confidential": c.confidential,
                  "assistance": tuple(c.assistance), "facts": c.facts, "outcome": c.outcome}
        return {k: v for k, v in now.items() if v != before[k]}

    def opponent_change(self) -> PartyInput | None | bool:
        """The new opposing party, None to remove it, or False when unchanged."""
        old = self.case.opponent
        name, uscc = self.opponent.text().strip(), self.opponent_uscc.text() or None
        if (name, uscc) == ((old.name, old.uscc) if old else ("", None)):
            return False
        return PartyInput(name=name, uscc=uscc) if name else None
